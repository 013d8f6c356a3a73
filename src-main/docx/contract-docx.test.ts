/**
 * The exported .docx, read back as Word reads it: unzip the package and
 * check its parts — numbering, tables, header and footer fields, fonts,
 * properties, the embedded draft and the bilingual layout — against the
 * ContractDoc it was written from.
 */
import { describe, expect, it } from 'vitest';
import { assembleBilingual, assembleContract, type AssemblyOptions } from '../../src-shared/contract/assemble';
import { walkClauses, runsText, type Block, type Clause, type ContractDoc } from '../../src-shared/contract/doc';
import { preset, standardTemplate } from '../../src-shared/contract/fixtures';
import { writeDraftFile } from '../../src-shared/model/file';
import type { SlaDraft } from '../../src-shared/model/schema';
import { renderContractDocx, MisalignedContractError, type ContractSource } from './contract-docx';
import { readDraftPart, DRAFT_PART_NAMESPACE } from './draft-part';
import { sha256Hex } from '../sha256';
import { childrenNamed, elements, find, findAll, openPackage, paragraphsOf, val, wordText, type BodyParagraph, type XmlElement } from './test-package';

const template = standardTemplate();
const VERSION: AssemblyOptions = { versionLabel: 'v3 — customer counter-proposal', identity: '0123 abcd 4567 ef01' };

async function exportSingle(draft: SlaDraft, language: 'en' | 'zh-CN', options: AssemblyOptions = {}) {
  const doc = assembleContract(draft, template, language, options).doc;
  const bytes = await renderContractDocx({ language, doc }, { draftJson: writeDraftFile(draft) });
  return { doc, bytes, pkg: await openPackage(bytes) };
}

async function exportBilingual(draft: SlaDraft, options: AssemblyOptions = {}) {
  const pair = assembleBilingual(draft, template, options);
  const bytes = await renderContractDocx({ language: 'bilingual', en: pair.en, zh: pair.zh }, { draftJson: writeDraftFile(draft) });
  return { ...pair, bytes, pkg: await openPackage(bytes) };
}

function blocksOf(doc: ContractDoc): Block[] {
  return walkClauses(doc).flatMap(({ clause }) => clause.blocks.filter((block) => block.kind !== 'clause'));
}

/** w:num id → its abstractNum element. */
function numberingMap(numbering: XmlElement): Map<string, { abstract: XmlElement; num: XmlElement }> {
  const abstracts = new Map(findAll(numbering, 'w:abstractNum').map((element) => [element.attrs['w:abstractNumId']!, element]));
  return new Map(findAll(numbering, 'w:num').map((num) => [num.attrs['w:numId']!, { num, abstract: abstracts.get(val(num, 'w:abstractNumId')!)! }]));
}

function level(abstract: XmlElement, ilvl: number): { numFmt?: string; lvlText?: string } {
  const lvl = findAll(abstract, 'w:lvl').find((element) => element.attrs['w:ilvl'] === String(ilvl));
  return { numFmt: val(lvl, 'w:numFmt'), lvlText: val(lvl, 'w:lvlText') };
}

const isHeading = (p: BodyParagraph) => /^Heading[123]$/.test(p.style ?? '');

describe('clause numbering', () => {
  it('numbers every clause heading 1. / 1.1 with one multilevel list, level by depth', async () => {
    const { doc, pkg } = await exportSingle(preset('enterprise'), 'en');
    const numbering = numberingMap(await pkg.xml('word/numbering.xml'));
    const headings = paragraphsOf(await pkg.xml('word/document.xml')).filter(isHeading);
    const numbered = walkClauses(doc).filter(({ clause }) => clause.number.length > 0 && clause.title !== null);

    expect(headings.map((p) => p.text)).toEqual(numbered.map(({ clause }) => clause.title));
    headings.forEach((paragraph, i) => {
      const { depth } = numbered[i]!;
      expect(paragraph.style).toBe(`Heading${depth + 1}`);
      expect(paragraph.ilvl).toBe(String(depth));
    });
    // One list for all clause headings, so Word counts 1, 2, 3 and 1.1, 1.2 across the document.
    const numIds = new Set(headings.map((p) => p.numId));
    expect(numIds.size).toBe(1);
    const { abstract } = numbering.get([...numIds][0]!)!;
    expect(level(abstract, 0)).toEqual({ numFmt: 'decimal', lvlText: '%1.' });
    expect(level(abstract, 1)).toEqual({ numFmt: 'decimal', lvlText: '%1.%2' });
    expect(level(abstract, 2)).toEqual({ numFmt: 'decimal', lvlText: '%1.%2.%3' });
    expect(find(findAll(abstract, 'w:lvl')[1]!, 'w:isLgl')).toBeDefined();
    // The document has as many top-level numbered clauses as the contract, 16 for this preset.
    expect(headings.filter((p) => p.ilvl === '0')).toHaveLength(doc.clauses.filter((clause) => clause.number.length > 0).length);
  });

  it('gives each enumeration its own numbering instance, so each starts again at (a)', async () => {
    const { doc, pkg } = await exportSingle(preset('enterprise'), 'en');
    const numbering = numberingMap(await pkg.xml('word/numbering.xml'));
    const listItems = paragraphsOf(await pkg.xml('word/document.xml')).filter((p) => p.style === 'SlaListItem');
    const lists = blocksOf(doc).filter((block): block is Extract<Block, { kind: 'list' }> => block.kind === 'list');
    expect(lists.length).toBeGreaterThan(2);

    // Consecutive items of one list share a numId; the next list has another.
    const groups: BodyParagraph[][] = [];
    for (const item of listItems) {
      const last = groups[groups.length - 1];
      if (last && last[0]!.numId === item.numId) last.push(item);
      else groups.push([item]);
    }
    expect(groups.map((group) => group.length)).toEqual(lists.map((list) => list.items.length));
    expect(groups.map((group) => group[0]!.text)).toEqual(lists.map((list) => runsText(list.items[0]!)));
    expect(new Set(groups.map((group) => group[0]!.numId)).size).toBe(groups.length);
    groups.forEach((group, i) => {
      const { num, abstract } = numbering.get(group[0]!.numId!)!;
      const override = findAll(num, 'w:lvlOverride').find((element) => element.attrs['w:ilvl'] === '0');
      expect(val(override, 'w:startOverride')).toBe('1');
      const format = { alpha: 'lowerLetter', roman: 'lowerRoman', decimal: 'decimal', bullet: 'bullet' }[lists[i]!.style];
      expect(level(abstract, 0).numFmt).toBe(format);
    });
  });

  it('numbers an untitled sub-clause on its first paragraph and a third level as 1.1.1', async () => {
    const base = assembleContract(preset('standard-saas'), template, 'en').doc;
    const third: Clause = { id: 'x.deep', number: [1, 1, 1], title: 'Third Level', steps: [], blocks: [{ kind: 'paragraph', runs: [{ text: 'Deep text.' }] }] };
    const untitled: Clause = {
      id: 'x.untitled',
      number: [1, 1],
      title: null,
      steps: [],
      blocks: [
        { kind: 'paragraph', runs: [{ text: 'First line\nsecond line with a \u0007 bell' }, { text: '[●]', blank: true }] },
        { kind: 'clause', clause: third },
      ],
    };
    const doc: ContractDoc = { ...base, clauses: [{ id: 'x', number: [1], title: 'Synthetic', steps: [], blocks: [{ kind: 'clause', clause: untitled }] }] };
    const bytes = await renderContractDocx({ language: 'en', doc }, { draftJson: '{}\n' });
    const paragraphs = paragraphsOf(await (await openPackage(bytes)).xml('word/document.xml'));
    const numbered = paragraphs.filter((p) => p.numId !== undefined);
    expect(numbered.map((p) => [p.style, p.ilvl, p.text])).toEqual([
      ['Heading1', '0', 'Synthetic'],
      ['SlaBody', '1', 'First line\nsecond line with a  bell[●]'],
      ['Heading3', '2', 'Third Level'],
    ]);
    // The blank is highlighted for the person who fills it in.
    const blankRun = findAll(numbered[1]!.element, 'w:r').find((run) => wordText(run) === '[●]')!;
    expect(val(blankRun, 'w:highlight')).toBe('yellow');
  });
});

describe('data tables', () => {
  it('repeat the header row on each page, never split a row, and say what the contract says', async () => {
    const { doc, pkg } = await exportSingle(preset('enterprise'), 'en');
    const body = await pkg.xml('word/document.xml');
    const tables = findAll(body, 'w:tbl').filter((table) => val(childrenNamed(table, 'w:tblPr')[0], 'w:tblStyle') === 'SlaTable');
    const blocks = blocksOf(doc).filter((block): block is Extract<Block, { kind: 'table' }> => block.kind === 'table');
    // The first is the schedule of business-hours holidays under the definitions.
    expect(blocks.map((block) => block.tableKind)).toEqual([
      'generic',
      'targets',
      'severities',
      'escalationContacts',
      'maintenance',
      'incidentNotification',
      'creditTiers',
    ]);
    expect(tables).toHaveLength(blocks.length);

    tables.forEach((table, t) => {
      const block = blocks[t]!;
      const rows = childrenNamed(table, 'w:tr');
      expect(rows).toHaveLength(block.header.length + block.rows.length);
      expect(find(rows[0]!, 'w:tblHeader')).toBeDefined();
      expect(rows.slice(1).some((row) => find(row, 'w:tblHeader'))).toBe(false);
      for (const row of rows) {
        expect(find(row, 'w:cantSplit')).toBeDefined();
        // Word refuses a cell without a paragraph.
        for (const cell of childrenNamed(row, 'w:tc')) expect(childrenNamed(cell, 'w:p').length).toBeGreaterThan(0);
      }
      const cellTexts = rows.map((row) => childrenNamed(row, 'w:tc').map(wordText));
      expect(cellTexts).toEqual([...block.header, ...block.rows].map((row) => row.cells.map((cell) => runsText(cell.runs))));
      // The grid fills the width left of the clause indent, one column per cell.
      const grid = findAll(table, 'w:gridCol').map((col) => Number(col.attrs['w:w']));
      expect(grid).toHaveLength(block.widths.length);
      // Two US parties: US Letter, 12,240 twips less two margins of 1,418.
      expect(grid.reduce((a, b) => a + b, 0) + Number(find(table, 'w:tblInd')!.attrs['w:w'])).toBe(9_404);
    });
    // The credit amounts are as the draft computes them: 10 % of the USD 85,000 monthly fee.
    expect(wordText(tables[6]!)).toContain('USD 8,500.00');
  });
});

describe('page furniture', () => {
  it('has a cover page without header or footer, the title above and "Page X of Y" fields below the other pages', async () => {
    const { doc, pkg } = await exportSingle(preset('enterprise'), 'en', VERSION);
    const body = await pkg.xml('word/document.xml');
    const rels = await pkg.xml('word/_rels/document.xml.rels');
    const target = (id: string) => `word/${findAll(rels, 'Relationship').find((rel) => rel.attrs.Id === id)!.attrs.Target}`;
    const sectPr = findAll(body, 'w:sectPr').at(-1)!;
    expect(find(sectPr, 'w:titlePg')).toBeDefined();

    const part = async (kind: 'header' | 'footer', type: 'default' | 'first') => {
      const reference = findAll(sectPr, `w:${kind}Reference`).find((ref) => ref.attrs['w:type'] === type)!;
      return pkg.xml(target(reference.attrs['r:id']!));
    };
    expect(wordText(await part('header', 'default'))).toBe(doc.meta.title);
    expect(wordText(await part('header', 'first'))).toBe('');
    expect(wordText(await part('footer', 'first'))).toBe('');

    const footer = await part('footer', 'default');
    const instructions = findAll(footer, 'w:instrText').map((element) => wordText({ name: 'x', attrs: {}, children: [element] }) || element.children.join(''));
    expect(instructions.map((text) => text.trim())).toEqual(['PAGE', 'NUMPAGES']);
    expect(findAll(footer, 'w:fldChar').map((element) => element.attrs['w:fldCharType'])).toEqual(['begin', 'separate', 'end', 'begin', 'separate', 'end']);
    expect(wordText(footer)).toBe('Version v3 — customer counter-proposal · 0123 abcd 4567 ef01\tPage  of ');

    // The cover is the first page; the contract starts on the next one.
    const paragraphs = paragraphsOf(body);
    expect(paragraphs[0]).toMatchObject({ style: 'Title', text: doc.cover.title });
    const firstBody = paragraphs.find((p) => p.style !== 'Title' && !p.style?.startsWith('SlaCover'))!;
    expect(find(firstBody.element, 'w:pageBreakBefore')).toBeDefined();
  });

  it('leaves the version out of the footer of a working copy', async () => {
    const { pkg } = await exportSingle(preset('standard-saas'), 'zh-CN');
    const footers = pkg.names.filter((name) => /^word\/footer\d+\.xml$/.test(name));
    const texts = await Promise.all(footers.map(async (name) => wordText(await pkg.xml(name))));
    expect(texts).toContain('第页，共页');
  });
});

describe('paper', () => {
  const paperOf = async (bytes: Uint8Array) => {
    const size = find(await (await openPackage(bytes)).xml('word/document.xml'), 'w:pgSz')!;
    return { width: size.attrs['w:w'], height: size.attrs['w:h'] };
  };
  const LETTER = { width: '12240', height: '15840' };
  const A4 = { width: '11906', height: '16838' };

  it('is US Letter when both parties are in the United States, in one language or two', async () => {
    expect(await paperOf((await exportSingle(preset('enterprise'), 'en')).bytes)).toEqual(LETTER);
    expect(await paperOf((await exportBilingual(preset('enterprise'))).bytes)).toEqual(LETTER);
  });

  it('is A4 when either party is elsewhere', async () => {
    expect(await paperOf((await exportSingle(preset('china-hosted'), 'zh-CN')).bytes)).toEqual(A4);
    expect(await paperOf((await exportSingle(preset('standard-saas'), 'en')).bytes)).toEqual(A4);
    const mixed = preset('enterprise');
    mixed.parties.customer = preset('china-hosted').parties.customer;
    expect(await paperOf((await exportSingle(mixed, 'en')).bytes)).toEqual(A4);
  });

  it('follows the export setting over the parties, and the tables fill the width of that paper', async () => {
    const draft = preset('enterprise');
    const doc = assembleContract(draft, template, 'en').doc;
    const bytes = await renderContractDocx({ language: 'en', doc }, { draftJson: writeDraftFile(draft), paperSize: 'A4' });
    expect(await paperOf(bytes)).toEqual(A4);
    const letter = (await exportSingle(draft, 'en')).pkg;
    const body = await letter.xml('word/document.xml');
    const margins = find(body, 'w:pgMar')!;
    const textWidth = Number(LETTER.width) - Number(margins.attrs['w:left']) - Number(margins.attrs['w:right']);
    const signatures = findAll(body, 'w:tbl').at(-1)!;
    expect(find(signatures, 'w:tblW')!.attrs['w:w']).toBe(String(textWidth));
  });
});

describe('fonts, styles and properties', () => {
  it('sets Latin and East Asian fonts per slot, Chinese as the East Asian language, in styles', async () => {
    const { pkg } = await exportSingle(preset('china-hosted'), 'zh-CN');
    const styles = await pkg.xml('word/styles.xml');
    const defaults = find(find(styles, 'w:docDefaults')!, 'w:rPr')!;
    expect(find(defaults, 'w:rFonts')!.attrs).toMatchObject({
      'w:ascii': 'Times New Roman',
      'w:hAnsi': 'Times New Roman',
      'w:cs': 'Times New Roman',
      'w:eastAsia': 'SimSun',
      'w:hint': 'eastAsia',
    });
    expect(find(defaults, 'w:lang')!.attrs['w:eastAsia']).toBe('zh-CN');

    const style = (id: string) => findAll(styles, 'w:style').find((element) => element.attrs['w:styleId'] === id);
    for (const id of ['Normal', 'Title', 'Heading1', 'Heading2', 'Heading3', 'SlaBody', 'Header', 'Footer']) expect(style(id), id).toBeDefined();
    expect(style('SlaTable')!.attrs['w:type']).toBe('table');
    expect(find(style('Heading1')!, 'w:rFonts')!.attrs['w:eastAsia']).toBe('SimHei');
    expect(find(style('Heading1')!, 'w:keepNext')).toBeDefined();

    const fonts = await pkg.xml('word/fontTable.xml');
    const simSun = findAll(fonts, 'w:font').find((font) => font.attrs['w:name'] === 'SimSun')!;
    expect(val(simSun, 'w:altName')).toBe('宋体');
    expect(val(simSun, 'w:charset')).toBe('86');
  });

  it('names title, author (the provider), subject (the template) and a description', async () => {
    const draft = preset('enterprise');
    const { pkg } = await exportSingle(draft, 'en', VERSION);
    const core = await pkg.xml('docProps/core.xml');
    const text = (name: string) => wordText({ name: 'x', attrs: {}, children: [{ name: 'w:t', attrs: {}, children: find(core, name)!.children }] });
    expect(text('dc:title')).toBe(draft.title.en);
    expect(text('dc:creator')).toBe(draft.parties.provider.legalName);
    expect(text('dc:subject')).toBe(template.name.en);
    expect(text('dc:description')).toContain(draft.parties.customer.legalName);
    expect(text('dc:description')).toContain('0123 abcd 4567 ef01');
  });
});

describe('the draft inside the contract', () => {
  it('carries the exact *.sla.json text and its hash in a custom XML part related from the document', async () => {
    const draft = preset('china-hosted');
    const { bytes, pkg } = await exportSingle(draft, 'zh-CN');
    const part = await readDraftPart(bytes);
    expect(part).toEqual({ ok: true, json: writeDraftFile(draft), sha256: sha256Hex(writeDraftFile(draft)) });

    const rels = await pkg.xml('word/_rels/document.xml.rels');
    const relation = findAll(rels, 'Relationship').find((rel) => rel.attrs.Type?.endsWith('/relationships/customXml'))!;
    expect(relation.attrs.Target).toBe('../customXml/item1.xml');
    const item = await pkg.xml('customXml/item1.xml');
    expect(item.attrs).toMatchObject({ xmlns: DRAFT_PART_NAMESPACE, sha256: sha256Hex(writeDraftFile(draft)) });
    const itemRels = await pkg.xml('customXml/_rels/item1.xml.rels');
    expect(find(itemRels, 'Relationship')!.attrs.Target).toBe('itemProps1.xml');
    const types = await pkg.xml('[Content_Types].xml');
    expect(findAll(types, 'Override').find((override) => override.attrs.PartName === '/customXml/itemProps1.xml')?.attrs.ContentType).toBe(
      'application/vnd.openxmlformats-officedocument.customXmlProperties+xml',
    );
    expect(find(await pkg.xml('customXml/itemProps1.xml'), 'ds:schemaRef')!.attrs['ds:uri']).toBe(DRAFT_PART_NAMESPACE);
  });
});

describe('bilingual contract', () => {
  it('sets English and Chinese side by side, one table row per clause heading, under a repeating "English | 中文" row', async () => {
    const { en, zh, pkg } = await exportBilingual(preset('enterprise'), VERSION);
    const body = await pkg.xml('word/document.xml');
    const layoutTables = findAll(body, 'w:tbl', false).filter(
      (table) => val(childrenNamed(table, 'w:tblPr')[0], 'w:tblStyle') === undefined && find(table, 'w:tblHeader'),
    );
    expect(layoutTables.length).toBeGreaterThan(1);
    const rows = layoutTables.flatMap((table) => childrenNamed(table, 'w:tr'));
    for (const table of layoutTables) {
      const first = childrenNamed(table, 'w:tr')[0]!;
      expect(find(first, 'w:tblHeader')).toBeDefined();
      expect(childrenNamed(first, 'w:tc').map(wordText)).toEqual(['English', '中文']);
      // The text of the columns runs from margin to margin, in line with the signatures and data tables: the table reaches out by its cell margins.
      const cellMargin = Number(find(find(table, 'w:tblCellMar')!, 'w:left')!.attrs['w:w']);
      expect(Number(find(table, 'w:tblInd')!.attrs['w:w'])).toBe(-cellMargin);
      const grid = findAll(table, 'w:gridCol').map((col) => Number(col.attrs['w:w']));
      expect(grid[0]).toBe(grid[1]);
      const signatures = findAll(body, 'w:tbl', false).at(-1)!;
      const textWidth = Number(find(signatures, 'w:tblW')!.attrs['w:w']);
      expect(Math.abs(grid[0]! + grid[1]! - 2 * cellMargin - textWidth)).toBeLessThanOrEqual(1);
    }
    const headingRows = rows.filter((row) => paragraphsOf(row).some(isHeading)).map((row) => childrenNamed(row, 'w:tc').map(wordText));
    const enTitles = walkClauses(en).filter(({ clause }) => clause.title !== null);
    const zhTitles = walkClauses(zh).filter(({ clause }) => clause.title !== null);
    expect(headingRows).toEqual(enTitles.map(({ clause }, i) => [clause.title, zhTitles[i]!.clause.title]));
    // The language-precedence clause is in: it exists only in bilingual contracts.
    const language = en.clauses.find((clause) => clause.id === 'language')!;
    expect(headingRows.map(([english]) => english)).toContain(language.title);

    // A paragraph after every table: adjacent tables would be joined into one by Word and LibreOffice.
    const bodyChildren = elements(childrenNamed(body, 'w:body')[0]!);
    bodyChildren.forEach((child, i) => {
      if (child.name === 'w:tbl') expect(bodyChildren[i + 1]?.name, `after table ${i}`).toBe('w:p');
    });

    // Each column counts its own clauses: different numbering definitions for the two languages.
    const numbering = numberingMap(await pkg.xml('word/numbering.xml'));
    const headingRow = rows.find((row) => paragraphsOf(row).some(isHeading))!;
    const [enHeading, zhHeading] = childrenNamed(headingRow, 'w:tc').map((cell) => paragraphsOf(cell)[0]!);
    expect(numbering.get(enHeading!.numId!)!.abstract).not.toBe(numbering.get(zhHeading!.numId!)!.abstract);
  });

  it('puts both languages in each cell of a data table and both headings over each party signature', async () => {
    const { en, zh, pkg } = await exportBilingual(preset('china-hosted'));
    const body = await pkg.xml('word/document.xml');
    const dataTables = findAll(body, 'w:tbl').filter((table) => val(childrenNamed(table, 'w:tblPr')[0], 'w:tblStyle') === 'SlaTable');
    const header = childrenNamed(childrenNamed(dataTables[0]!, 'w:tr')[0]!, 'w:tc').map((cell) => paragraphsOf(cell).map((p) => p.text));
    const enTable = blocksOf(en).find((block) => block.kind === 'table') as Extract<Block, { kind: 'table' }>;
    const zhTable = blocksOf(zh).find((block) => block.kind === 'table') as Extract<Block, { kind: 'table' }>;
    expect(header).toEqual(enTable.header[0]!.cells.map((cell, c) => [runsText(cell.runs), runsText(zhTable.header[0]!.cells[c]!.runs)]));

    const text = wordText(body);
    const enSignature = blocksOf(en).find((block) => block.kind === 'signature') as Extract<Block, { kind: 'signature' }>;
    const zhSignature = blocksOf(zh).find((block) => block.kind === 'signature') as Extract<Block, { kind: 'signature' }>;
    for (const party of [...enSignature.parties, ...zhSignature.parties]) expect(text).toContain(runsText(party.heading));
    expect(text.match(/（盖章）/g)).toHaveLength(2);
  });

  it('reads as a bilingual signature page: "English / 中文" above each party, every line labelled in both languages', async () => {
    const draft = preset('enterprise');
    const { pkg } = await exportBilingual(draft);
    const table = findAll(await pkg.xml('word/document.xml'), 'w:tbl').at(-1)!;
    const lines = childrenNamed(table, 'w:tr').map((row) => childrenNamed(row, 'w:tc').map(wordText));
    expect(lines[0]).toEqual(['English / 中文', '', 'English / 中文']);
    const provider = lines.map(([cell]) => cell);
    expect(provider).toContain('Signature / 授权代表（签字）：\t');
    expect(provider).toContain(`Name / 姓名：${draft.parties.provider.signatoryName}`);
    expect(provider).toContain(`Title / 职务：${draft.parties.provider.signatoryTitle.en}`);
    expect(provider).toContain('Date / 日期：\t');
    // Two US companies: no seal line, no legal representative.
    expect(wordText(table)).not.toMatch(/盖章|法定代表人/);
  });

  it('gives a Chinese party its seal line and a US party none, on the same rows', async () => {
    const draft = preset('china-hosted');
    draft.parties.customer = preset('enterprise').parties.customer;
    const { pkg } = await exportSingle(draft, 'zh-CN');
    const table = findAll(await pkg.xml('word/document.xml'), 'w:tbl').at(-1)!;
    const lines = childrenNamed(table, 'w:tr').map((row) => childrenNamed(row, 'w:tc').map(wordText));
    expect(lines[1]).toEqual(['（盖章）', '', '']);
    expect(lines[2]![0]).toBe('法定代表人或授权代表（签字）：\t');
    expect(lines[2]![2]).toBe('授权代表（签字）：\t');
    expect(lines[3]).toEqual([`姓名：${draft.parties.provider.signatoryName}`, '', `姓名：${draft.parties.customer.signatoryName}`]);
  });

  it('refuses halves that do not align rather than pairing the wrong clauses', async () => {
    const pair = assembleBilingual(preset('standard-saas'), template);
    const zh = { ...pair.zh, clauses: pair.zh.clauses.slice(1) };
    const source: ContractSource = { language: 'bilingual', en: pair.en, zh };
    await expect(renderContractDocx(source, { draftJson: '{}' })).rejects.toBeInstanceOf(MisalignedContractError);
  });
});

describe('signatures', () => {
  it('give each party a heading, signature, name, title and date line side by side, kept on one page', async () => {
    const draft = preset('enterprise');
    const { pkg } = await exportSingle(draft, 'en');
    const body = await pkg.xml('word/document.xml');
    const table = findAll(body, 'w:tbl').at(-1)!;
    const rows = childrenNamed(table, 'w:tr');
    const lines = rows.map((row) => childrenNamed(row, 'w:tc').map(wordText));
    expect(lines.map(([provider]) => provider)).toEqual([
      `For and on behalf of ${draft.parties.provider.legalName} (the Provider)`,
      'Signature: \t',
      `Name: ${draft.parties.provider.signatoryName}`,
      `Title: ${draft.parties.provider.signatoryTitle.en}`,
      'Date: \t',
    ]);
    expect(lines.map((line) => line[2])).toContain(`Name: ${draft.parties.customer.signatoryName}`);
    for (const row of rows) expect(find(row, 'w:cantSplit')).toBeDefined();
    // A ruled line to sign on: a right tab with an underscore leader.
    const signatureLine = paragraphsOf(rows[1]!)[0]!;
    expect(find(signatureLine.element, 'w:tab')!.attrs['w:leader']).toBe('underscore');
    // The sentence before the signatures opens the signature page.
    const paragraphs = paragraphsOf(body);
    const witness = paragraphs.find((p) => p.text.startsWith('IN WITNESS WHEREOF'))!;
    expect(find(witness.element, 'w:pageBreakBefore')).toBeDefined();
    expect(find(witness.element, 'w:keepNext')).toBeDefined();
  });

  it('has a seal line for each party in a Chinese contract', async () => {
    const { pkg } = await exportSingle(preset('china-hosted'), 'zh-CN');
    const table = findAll(await pkg.xml('word/document.xml'), 'w:tbl').at(-1)!;
    const lines = childrenNamed(table, 'w:tr').map((row) =>
      elements(row)
        .filter((cell) => cell.name === 'w:tc')
        .map(wordText),
    );
    expect(lines[1]).toEqual(['（盖章）', '', '（盖章）']);
    // The role on its own line, the company's name whole under it (in half the page a long name after the label wrapped anywhere).
    const draft = preset('china-hosted');
    // The Chinese text names each party by its name in Chinese.
    expect(lines[0]).toEqual([`服务提供方：\n${draft.parties.provider.legalNameZh}`, '', `客户：\n${draft.parties.customer.legalNameZh}`]);
  });

  it('has a seal line for each Chinese party in the English contract too, and none for UK parties in the Chinese contract', async () => {
    const { pkg } = await exportSingle(preset('china-hosted'), 'en');
    const table = findAll(await pkg.xml('word/document.xml'), 'w:tbl').at(-1)!;
    const lines = childrenNamed(table, 'w:tr').map((row) => childrenNamed(row, 'w:tc').map(wordText));
    expect(lines[1]).toEqual(['(Company seal)', '', '(Company seal)']);
    expect(lines[2]![0]).toMatch(/^Signature of legal or authorised representative:/);

    const uk = await exportSingle(preset('standard-saas'), 'zh-CN');
    const ukTable = findAll(await uk.pkg.xml('word/document.xml'), 'w:tbl').at(-1)!;
    const ukLines = childrenNamed(ukTable, 'w:tr').map((row) => childrenNamed(row, 'w:tc').map(wordText));
    expect(wordText(ukTable)).not.toMatch(/盖章|法定代表人/);
    expect(ukLines[1]![0]).toBe('授权代表（签字）：\t');
  });

  it('labels the seal line of a Chinese party in both languages in a bilingual contract', async () => {
    const { pkg } = await exportBilingual(preset('china-hosted'));
    const table = findAll(await pkg.xml('word/document.xml'), 'w:tbl').at(-1)!;
    const lines = childrenNamed(table, 'w:tr').map((row) => childrenNamed(row, 'w:tc').map(wordText));
    expect(lines.map(([provider]) => provider)).toContain('(Company seal) / （盖章）');
  });

  it('gives the legal or authorised representative of a Chinese party its own line and a full-width rule to sign on', async () => {
    const { pkg } = await exportSingle(preset('china-hosted'), 'zh-CN');
    const table = findAll(await pkg.xml('word/document.xml'), 'w:tbl').at(-1)!;
    const row = childrenNamed(table, 'w:tr')[2]!;
    const provider = paragraphsOf(childrenNamed(row, 'w:tc')[0]!);
    expect(provider.map((p) => p.text)).toEqual(['法定代表人或授权代表（签字）：', '\t']);
    expect(find(provider[1]!.element, 'w:tab')!.attrs['w:leader']).toBe('underscore');
  });

  it('shows the registration number and legal representative under each party on the cover, in both languages, on one page', async () => {
    const draft = preset('china-hosted');
    const { pkg } = await exportBilingual(draft);
    const paragraphs = paragraphsOf(await pkg.xml('word/document.xml'));
    const cover = paragraphs.slice(
      0,
      paragraphs.findIndex((p) => p.style !== 'Title' && !p.style?.startsWith('SlaCover')),
    );
    const details = cover.filter((p) => p.style === 'SlaCoverPartyDetail').map((p) => p.text);
    // Each party's name in the other language is not repeated: the bilingual cover names it in both already.
    expect(details).toEqual([
      `Registration number: ${draft.parties.provider.registrationNumber}`,
      `统一社会信用代码/注册号：${draft.parties.provider.registrationNumber}`,
      `Legal representative: ${draft.parties.provider.legalRepresentative}`,
      `法定代表人：${draft.parties.provider.legalRepresentative}`,
      `Registration number: ${draft.parties.customer.registrationNumber}`,
      `统一社会信用代码/注册号：${draft.parties.customer.registrationNumber}`,
      `Legal representative: ${draft.parties.customer.legalRepresentative}`,
      `法定代表人：${draft.parties.customer.legalRepresentative}`,
    ]);
    // Twice the party lines: the title starts higher so that the cover stays one page (seen in LibreOffice).
    const title = cover[0]!;
    expect(Number(find(title.element, 'w:spacing')?.attrs['w:before'])).toBeLessThan(3_400);

    const plain = structuredClone(draft);
    for (const party of [plain.parties.provider, plain.parties.customer]) {
      delete party.registrationNumber;
      delete party.legalRepresentative;
      delete party.legalNameZh;
    }
    const single = paragraphsOf(await (await exportSingle(plain, 'zh-CN')).pkg.xml('word/document.xml'));
    expect(single.filter((p) => p.style === 'SlaCoverPartyDetail')).toEqual([]);
    expect(find(single[0]!.element, 'w:spacing')).toBeUndefined();
  });

  it('keeps the "remainder of this page is blank" note under the last words of the agreement, never alone on a page', async () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const { pkg } = await exportSingle(preset('standard-saas'), language);
      const paragraphs = paragraphsOf(await pkg.xml('word/document.xml'));
      const note = paragraphs.findIndex((p) => /^\[The remainder of this page|^（以下无正文/.test(p.text));
      expect(note, language).toBeGreaterThan(0);
      // The last clause's heading and its text travel with the note: each keeps with the next.
      const lastHeading = paragraphs.slice(0, note).findLastIndex(isHeading);
      for (const paragraph of paragraphs.slice(lastHeading, note)) expect(find(paragraph.element, 'w:keepNext'), paragraph.text).toBeDefined();
      // Nothing earlier is chained to it: a clause before the last one may end a page.
      expect(find(paragraphs[lastHeading - 1]!.element, 'w:keepNext')).toBeUndefined();
    }
    const { pkg } = await exportBilingual(preset('standard-saas'));
    const rows = findAll(await pkg.xml('word/document.xml'), 'w:tr');
    const noteRow = rows.findIndex((row) => wordText(row).startsWith('[The remainder of this page'));
    expect(noteRow).toBeGreaterThan(0);
    for (const paragraph of paragraphsOf(rows[noteRow - 1]!)) expect(find(paragraph.element, 'w:keepNext')).toBeDefined();
  });
});

describe('text', () => {
  it('lets no placeholder, undefined or NaN into any language', async () => {
    for (const name of ['standard-saas', 'enterprise', 'china-hosted']) {
      const { pkg } = await exportBilingual(preset(name));
      const text = wordText(await pkg.xml('word/document.xml'));
      expect(text, name).not.toMatch(/\{\{|undefined|NaN|\bnull\b/);
    }
  });
});
