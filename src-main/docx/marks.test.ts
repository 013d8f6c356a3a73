/**
 * The marks that let a returned contract be read back (marks.ts), checked
 * on the files as written and as LibreOffice writes them again: every
 * paragraph of every clause of each preset, in English, Chinese and both
 * side by side, lies in a mark of its clause, and every value made from
 * the draft lies in a field mark whose path leads to that value in the
 * draft the file carries. The marks are valid Word bookmarks, hidden, and
 * the files still pass validate-docx.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { assembleBilingual, assembleContract } from '../../src-shared/contract/assemble';
import { runsText, walkClauses, type Block, type ContractDoc, type Run } from '../../src-shared/contract/doc';
import { presets, standardTemplate } from '../../src-shared/contract/fixtures';
import { writeDraftFile } from '../../src-shared/model/file';
import type { SlaDraft } from '../../src-shared/model/schema';
import { EXPORT_LANGUAGES, renderContractDocx, type ExportLanguage } from './contract-docx';
import { readDraftPart } from './draft-part';
import {
  DocumentMarks,
  findMarksTable,
  isMarkName,
  isValidBookmarkName,
  marksPartXml,
  paragraphPlaces,
  readMarks,
  readMarksTable,
  resolveMark,
  type FoundMark,
  type MarksTable,
  type ReadMarks,
} from './marks';
import { openDocxPackage } from './package-reader';
import { renderRedlineDocx } from './redline-docx';
import { findAll, openPackage, parseXml } from './test-package';

const template = standardTemplate();

interface Exported {
  /** "standard-saas-bilingual" */
  name: string;
  draft: SlaDraft;
  docs: ContractDoc[];
  bytes: Uint8Array;
}

async function exportPreset(name: string, draft: SlaDraft, language: ExportLanguage): Promise<Exported> {
  const draftJson = writeDraftFile(draft);
  const version = { versionLabel: 'v2 — Our proposal', identity: 'fedc ba98 7654 3210' };
  if (language === 'bilingual') {
    const pair = assembleBilingual(draft, template, version);
    const bytes = await renderContractDocx({ language, en: pair.en, zh: pair.zh }, { draftJson });
    return { name: `${name}-${language}`, draft, docs: [pair.en, pair.zh], bytes };
  }
  const doc = assembleContract(draft, template, language, version).doc;
  return { name: `${name}-${language}`, draft, docs: [doc], bytes: await renderContractDocx({ language, doc }, { draftJson }) };
}

async function everyPresetExport(): Promise<Exported[]> {
  const exports: Exported[] = [];
  for (const { name, draft } of presets()) for (const language of EXPORT_LANGUAGES) exports.push(await exportPreset(name, draft, language));
  return exports;
}

/** The marks of a .docx as the markup reader would find them: the document's bookmarks and the table in the package. */
async function marksOf(bytes: Uint8Array): Promise<{ read: ReadMarks; table: MarksTable; documentXml: string }> {
  const opened = await openDocxPackage(bytes);
  if (!opened.ok) throw new Error(opened.reason);
  const found = await findMarksTable(opened.docx);
  if (!found.ok) throw new Error(`marks table: ${found.reason}`);
  const documentXml = (await opened.docx.readText('word/document.xml'))!;
  return { read: readMarks(documentXml), table: found.table, documentXml };
}

/** The value at a draft path in pathToString form ("services[0].metrics[1].name"); undefined where there is none. */
function valueAt(draft: SlaDraft, path: string): unknown {
  let value: unknown = draft;
  for (const key of path.split(/\.|\[(\d+)\]/).filter((part) => part !== undefined && part !== '')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The texts a clause prints itself, one per paragraph (its title, paragraphs, items, definitions, table cells), without its sub-clauses. */
function ownTexts(blocks: readonly Block[], title: string | null): string[] {
  const texts: string[] = title === null ? [] : [title];
  for (const block of blocks) {
    if (block.kind === 'paragraph') texts.push(runsText(block.runs));
    if (block.kind === 'list') texts.push(...block.items.map(runsText));
    if (block.kind === 'definitions') texts.push(...block.items.map((item) => runsText(item.runs)));
    if (block.kind === 'table') for (const row of [...block.header, ...block.rows]) texts.push(...row.cells.map((cell) => runsText(cell.runs)));
  }
  return texts.filter((text) => text.trim() !== '');
}

/** Every run made from the draft, with its text: the cover's lines and every clause's blocks. */
function sourcedRuns(doc: ContractDoc): Run[] {
  const runs: Run[] = [...doc.cover.lines.flatMap((line) => line.runs)];
  for (const { clause } of walkClauses(doc)) {
    for (const block of clause.blocks) {
      if (block.kind === 'paragraph') runs.push(...block.runs);
      if (block.kind === 'list') runs.push(...block.items.flat());
      if (block.kind === 'definitions') runs.push(...block.items.flatMap((item) => item.runs));
      if (block.kind === 'table') runs.push(...[...block.header, ...block.rows].flatMap((row) => row.cells.flatMap((cell) => cell.runs)));
      if (block.kind === 'signature') runs.push(...block.parties.flatMap((party) => party.heading));
    }
  }
  // The version label and identity on the cover are the document's, not the draft's.
  return runs.filter((run) => run.source !== undefined && !run.source.path.startsWith('doc.') && run.text.trim() !== '');
}

/** A mark that takes in one whole paragraph: the kind a clause or the cover gives each of its paragraphs. */
function wholeParagraph(mark: FoundMark, read: ReadMarks): boolean {
  const paragraph = read.paragraphs[mark.start.paragraph];
  return mark.start.paragraph === mark.end.paragraph && mark.start.offset === 0 && paragraph !== undefined && mark.end.offset === paragraph.text.length;
}

/**
 * What a user of the markup reader relies on, for one exported contract:
 * each clause's paragraphs in its marks, each value in a field mark that
 * resolves to the draft's field, nothing left out.
 */
function expectReadable(file: Exported, read: ReadMarks, table: MarksTable): void {
  const ours = read.marks.filter((mark) => isMarkName(mark.name));
  const resolved = ours.map((mark) => ({ mark, target: resolveMark(mark.name, table)! }));
  expect(
    resolved.filter(({ target }) => target.kind === 'unknown').map(({ mark }) => mark.name),
    file.name,
  ).toEqual([]);

  // (1) Every paragraph of every clause, in each language, is a whole paragraph inside a mark of its clause.
  const byClause = new Map<string, string[]>();
  for (const { mark, target } of resolved) {
    if (target.kind !== 'clause') continue;
    expect(wholeParagraph(mark, read), `${file.name}: ${mark.name} “${mark.text}”`).toBe(true);
    byClause.set(target.clause.id, [...(byClause.get(target.clause.id) ?? []), mark.text]);
  }
  let checked = 0;
  for (const doc of file.docs) {
    for (const { clause } of walkClauses(doc)) {
      const marked = byClause.get(clause.id) ?? [];
      for (const text of ownTexts(clause.blocks, clause.title)) {
        expect(marked, `${file.name}: clause ${clause.id} “${text.slice(0, 60)}”`).toContain(text);
        checked++;
      }
      for (const block of clause.blocks) {
        if (block.kind !== 'signature') continue;
        for (const party of block.parties.filter((candidate) => candidate.signatoryName !== '')) {
          expect(
            marked.some((text) => text.includes(party.signatoryName)),
            `${file.name}: ${party.signatoryName}`,
          ).toBe(true);
        }
      }
    }
  }
  expect(checked).toBeGreaterThan(150);

  // Nothing a reader sees is outside a mark, but the "English | 中文" headings of the side-by-side columns.
  const places = paragraphPlaces(read, table);
  expect(
    read.paragraphs.filter((paragraph, i) => paragraph.text.trim() !== '' && places[i]!.inherited && !['English', '中文'].includes(paragraph.text)),
    file.name,
  ).toEqual([]);
  const covered = new Set(resolved.filter(({ target }) => target.kind !== 'field').map(({ mark }) => mark.start.paragraph));
  const unmarked = read.paragraphs
    .map((paragraph, index) => ({ text: paragraph.text, index }))
    .filter(({ text, index }) => text.trim() !== '' && !covered.has(index) && text !== 'English' && text !== '中文');
  expect(unmarked, file.name).toEqual([]);
  // …and no paragraph is in two.
  const paragraphMarks = resolved.filter(({ target }) => target.kind !== 'field').map(({ mark }) => mark.start.paragraph);
  expect(paragraphMarks.length, file.name).toBe(covered.size);

  // (2) Every value made from the draft is inside a field mark of its path, and the path leads to the value in the draft.
  const fieldMarks = resolved.flatMap(({ mark, target }) => (target.kind === 'field' ? [{ mark, field: target.field }] : []));
  for (const doc of file.docs) {
    for (const run of sourcedRuns(doc)) {
      const { path, computed } = run.source!;
      const found = fieldMarks.some(({ mark, field }) => field.path === path && field.computed === computed && mark.text.includes(run.text));
      expect(found, `${file.name}: ${path}${computed ? ` (${computed})` : ''} “${run.text}”`).toBe(true);
    }
  }
  for (const { mark, field } of fieldMarks) {
    expect(mark.start.paragraph, mark.name).toBe(mark.end.paragraph);
    expect(mark.text.trim(), mark.name).not.toBe('');
    // A computed value's path is the item or field it is computed from: it too is in the draft.
    expect(valueAt(file.draft, field.path), `${file.name}: ${field.path}`).toBeDefined();
  }
  // The values a reader checks first: the availability targets and the parties' names, exactly as printed.
  const availability = new Set(
    file.draft.services.flatMap((service) => service.metrics.filter((metric) => metric.kind === 'availability').map((metric) => metric.id)),
  );
  file.draft.targets.objectives.forEach((objective, i) => {
    if (!availability.has(objective.metricId)) return;
    const printed = fieldMarks.filter(({ field }) => field.path === `targets.objectives[${i}].objective` && field.computed === undefined);
    expect(printed.length, `${file.name}: targets.objectives[${i}].objective`).toBeGreaterThan(0);
    for (const { mark } of printed) expect(mark.text, mark.name).toContain(String(objective.objective));
  });
  for (const role of ['provider', 'customer'] as const) {
    const names = fieldMarks.filter(({ field }) => field.path === `parties.${role}.legalName`).map(({ mark }) => mark.text);
    expect(names.length, `${file.name}: parties.${role}.legalName`).toBeGreaterThan(0);
    expect(new Set(names), `${file.name}: parties.${role}.legalName`).toEqual(new Set([file.draft.parties[role].legalName]));
  }
  const titles = fieldMarks.filter(({ field }) => field.path === 'title').map(({ mark }) => mark.text);
  // The cover prints the title in each of its languages (a bilingual cover: the English one, the Chinese one under it).
  expect(titles, file.name).toEqual([...new Set(file.docs.map((doc) => file.draft.title[doc.meta.language]))]);
}

/** The bookmarks of a document.xml are ones Word accepts: valid unique names, unique ids, each start with its end, none sharing an id with a tracked change. */
function expectValidBookmarks(documentXml: string, name: string): void {
  const root = parseXml(documentXml);
  const starts = findAll(root, 'w:bookmarkStart');
  const names = starts.map((start) => start.attrs['w:name']!);
  const ids = starts.map((start) => start.attrs['w:id']!);
  expect(
    names.filter((mark) => !isValidBookmarkName(mark) || !mark.startsWith('_')),
    name,
  ).toEqual([]);
  expect(new Set(names).size, name).toBe(names.length);
  expect(new Set(ids).size, name).toBe(ids.length);
  expect(
    findAll(root, 'w:bookmarkEnd')
      .map((end) => end.attrs['w:id'])
      .sort(),
    name,
  ).toEqual([...ids].sort());
  const changeIds = ['w:ins', 'w:del'].flatMap((tag) => findAll(root, tag).map((change) => change.attrs['w:id']));
  expect(
    changeIds.filter((id) => ids.includes(id!)),
    name,
  ).toEqual([]);
}

/** The standard preset's redline to a counter-proposal: a higher availability target and the customer's new name, side by side. */
async function counterProposalRedline() {
  const { draft: before } = presets()[0]!;
  const after = structuredClone(before);
  after.targets.objectives[0]!.objective = 99.95;
  after.parties.customer.legalName = 'Harbourside Logistics Group Ltd';
  const built = await renderRedlineDocx(
    {
      old: { draft: before, label: 'v1 — Our proposal' },
      new: { draft: after, label: 'v2 — Customer counter-proposal', author: 'Harbourside Legal', date: '2026-03-14T09:26:53Z' },
    },
    { old: template, new: template },
    'bilingual',
  );
  return { after, built };
}

/** Each of our marks with the text it holds with the changes accepted and rejected, in order. */
function markTexts(read: ReadMarks): string[] {
  return read.marks.filter((mark) => isMarkName(mark.name)).map((mark) => `${mark.name}: ${mark.text} | ${mark.originalText}`);
}

describe('contract marks', () => {
  it('every clause paragraph and every generated value of each preset, in English, Chinese and bilingual, is in its mark', async () => {
    const exports = await everyPresetExport();
    expect(exports).toHaveLength(9);
    for (const file of exports) {
      const { read, table, documentXml } = await marksOf(file.bytes);
      expectValidBookmarks(documentXml, file.name);
      expectReadable(file, read, table);
      // The marks change nothing the draft part records: the draft imports as before.
      const part = await readDraftPart(file.bytes);
      expect(part.ok && part.json, file.name).toBe(writeDraftFile(file.draft));
    }
  }, 120_000);

  it('are hidden bookmarks within one paragraph each, with no visible mark, lock or content control', async () => {
    const file = await exportPreset('standard-saas', presets()[0]!.draft, 'bilingual');
    const docx = await openPackage(file.bytes);
    const xml = await docx.text('word/document.xml');
    for (const forbidden of ['w:sdt', 'w:permStart', 'w:documentProtection']) expect(xml).not.toContain(`<${forbidden}`);
    expect(await docx.text('word/settings.xml')).not.toContain('documentProtection');
    const root = parseXml(xml);
    // Each bookmark starts and ends in the same paragraph: none spans a cell, a row or a table.
    for (const paragraph of findAll(root, 'w:p')) {
      const inside = (tag: string) => findAll(paragraph, tag).map((element) => element.attrs['w:id']);
      expect(inside('w:bookmarkEnd').sort()).toEqual(inside('w:bookmarkStart').sort());
    }
    expect(findAll(root, 'w:bookmarkStart').length).toBeGreaterThan(800);
  });

  it('a redline is marked too: its paragraphs in their clauses, the new values in field marks of the draft it carries', async () => {
    const { after, built } = await counterProposalRedline();
    const { read, table, documentXml } = await marksOf(built.bytes);
    expectValidBookmarks(documentXml, 'redline');
    // Bookmarks draw their ids from the changes' sequence without being counted as changes.
    expect(built.summary.revisions).toBe(['w:ins', 'w:del'].flatMap((tag) => findAll(parseXml(documentXml), tag)).length);
    const fields = read.marks.flatMap((mark) => {
      const target = resolveMark(mark.name, table);
      return target?.kind === 'field' ? [{ mark, field: target.field }] : [];
    });
    // The changed value: its mark holds the new value (the deleted old one inside it, struck through).
    const targets = fields.filter(({ field }) => field.path === 'targets.objectives[0].objective' && field.computed === undefined);
    expect(targets.length).toBeGreaterThan(1);
    for (const { mark } of targets) expect(mark.text).toContain('99.95');
    expect(targets.some(({ mark }) => mark.originalText.includes('99.9') && !mark.originalText.includes('99.95'))).toBe(true);
    const customer = fields.filter(({ field }) => field.path === 'parties.customer.legalName').map(({ mark }) => mark.text);
    expect(new Set(customer)).toEqual(new Set(['Harbourside Logistics Group Ltd']));
    for (const { field } of fields) expect(valueAt(after, field.path), field.path).toBeDefined();
    // Every paragraph a reader sees, before or after the changes, is in a clause or the cover.
    const covered = new Set(read.marks.filter((mark) => resolveMark(mark.name, table)?.kind !== 'field').map((mark) => mark.start.paragraph));
    const unmarked = read.paragraphs.filter(
      (paragraph, index) => (paragraph.text + paragraph.originalText).trim() !== '' && !covered.has(index) && !['English', '中文'].includes(paragraph.text),
    );
    expect(unmarked).toEqual([]);
  });
});

describe('the marks table', () => {
  it('names clauses and fields by number in a custom XML part, and reads back as written', () => {
    const marks = new DocumentMarks();
    const clause = marks.clause({ id: 'service-levels#obj-1', number: [4, 2] });
    clause.paragraph([], 'The Provider shall…');
    marks.withSource({ path: 'title' }).around([{ text: 'A & B <SLA> "Platform"' }], () => [], null);
    marks.around([{ text: '43 minutes', source: { path: 'targets.objectives[0].objective', computed: 'downtimePerMonth' } }], () => [], null);
    const table = marks.table();
    expect(table).toEqual({
      clauses: [{ id: 'service-levels#obj-1', number: '4.2' }],
      fields: [{ path: 'title' }, { path: 'targets.objectives[0].objective', computed: 'downtimePerMonth' }],
    });
    expect(readMarksTable(marksPartXml(table))).toEqual({ ok: true, table });
    expect(resolveMark('_sla_c1_1', table)).toEqual({ kind: 'clause', clause: { id: 'service-levels#obj-1', number: '4.2' } });
    expect(resolveMark('_sla_f2_7', table)).toEqual({ kind: 'field', field: { path: 'targets.objectives[0].objective', computed: 'downtimePerMonth' } });
    expect(resolveMark('_sla_cover_3', table)).toEqual({ kind: 'cover' });
    expect(resolveMark('_sla_f9_1', table)).toEqual({ kind: 'unknown' });
    expect(resolveMark('_GoBack', table)).toBeNull();
  });

  it('refuses a table that is damaged or of a later format, and leaves other parts alone', () => {
    expect(readMarksTable('<slaMarks xmlns="urn:sla-studio:marks" version="2"/>')).toEqual({ ok: false, reason: 'damaged' });
    expect(readMarksTable('<slaMarks xmlns="urn:sla-studio:marks" version="1"><field n="2" path="title"/></slaMarks>')).toEqual({
      ok: false,
      reason: 'damaged',
    });
    expect(readMarksTable('<slaMarks xmlns="urn:sla-studio:marks" version="1"><clause n="1"')).toEqual({ ok: false, reason: 'damaged' });
    expect(readMarksTable('<!DOCTYPE x [<!ENTITY a "aaaa">]><slaMarks xmlns="urn:sla-studio:marks" version="1"/>')).toEqual({
      ok: false,
      reason: 'damaged',
    });
    expect(readMarksTable('<slaDraft xmlns="urn:sla-studio:draft" version="1"/>')).toEqual({ ok: false, reason: 'notMarks' });
  });

  it('Word-valid names for the longest a contract can need', () => {
    for (const name of ['_sla_c9999_9999', '_sla_f99999_99999', '_sla_cover_999']) expect(isValidBookmarkName(name), name).toBe(true);
    for (const name of ['sla c1', '1sla', 'x'.repeat(41), '_sla_c1-1']) expect(isValidBookmarkName(name), name).toBe(false);
  });
});

describe('readMarks', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  it('reads what Word writes: split runs, tracked changes by several authors, tabs, bookmarks between paragraphs', () => {
    const xml =
      `<w:document ${W}><w:body>` +
      `<w:bookmarkStart w:id="7" w:name="_sla_c1_1"/>` +
      `<w:p><w:r><w:t>Availability of at </w:t></w:r><w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="8" w:name="_sla_f1_1"/>` +
      `<w:r w:rsidR="00AB"><w:t>least 99.</w:t></w:r><w:del w:id="1" w:author="A" w:date="2026-01-01T00:00:00Z"><w:r><w:delText>9</w:delText></w:r></w:del>` +
      `<w:ins w:id="2" w:author="B" w:date="2026-01-02T00:00:00Z"><w:r><w:t>5</w:t></w:r></w:ins><w:r><w:tab/><w:t>%</w:t></w:r>` +
      `<w:bookmarkEnd w:id="8"/></w:p>` +
      `<w:p><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>second</w:t></w:r></w:p>` +
      `<w:bookmarkEnd w:id="7"/>` +
      `<w:p><w:ins w:id="3" w:author="B" w:date="2026-01-02T00:00:00Z"><w:del w:id="4" w:author="A" w:date="2026-01-03T00:00:00Z"><w:r><w:delText>gone</w:delText></w:r></w:del></w:ins><w:bookmarkStart w:id="9" w:name="open"/></w:p>` +
      `</w:body></w:document>`;
    const { paragraphs, marks } = readMarks(xml);
    expect(paragraphs).toEqual([
      { text: 'Availability of at least 99.5\t%', originalText: 'Availability of at least 99.9\t%' },
      { text: 'second', originalText: 'second' },
      { text: '', originalText: '' },
    ]);
    expect(marks.map(({ name, text, originalText }) => ({ name, text, originalText }))).toEqual([
      { name: '_sla_c1_1', text: 'Availability of at least 99.5\t%\nsecond', originalText: 'Availability of at least 99.9\t%\nsecond' },
      { name: '_sla_f1_1', text: 'least 99.5\t%', originalText: 'least 99.9\t%' },
    ]);
    expect(marks[1]!.start).toEqual({ paragraph: 0, offset: 19, originalOffset: 19 });
  });

  it('places each paragraph in its clause, one the other side added in the clause before it', () => {
    const table: MarksTable = { clauses: [{ id: 'service-levels', number: '4' }], fields: [] };
    const paragraph = (text: string, mark?: [id: number, name: string]) =>
      `<w:p>${mark ? `<w:bookmarkStart w:id="${mark[0]}" w:name="${mark[1]}"/>` : ''}<w:r><w:t>${text}</w:t></w:r>${mark ? `<w:bookmarkEnd w:id="${mark[0]}"/>` : ''}</w:p>`;
    const xml =
      `<w:document ${W}><w:body>` +
      paragraph('Before any mark') +
      paragraph('Brightledger Platform SLA', [1, '_sla_cover_1']) +
      paragraph('Service Levels', [2, '_sla_c1_1']) +
      paragraph('A paragraph they added') +
      `</w:body></w:document>`;
    expect(paragraphPlaces(readMarks(xml), table)).toEqual([
      { place: null, inherited: true },
      { place: { kind: 'cover' }, inherited: false },
      { place: { kind: 'clause', clause: { id: 'service-levels', number: '4' } }, inherited: false },
      { place: { kind: 'clause', clause: { id: 'service-levels', number: '4' } }, inherited: true },
    ]);
  });
});

const PYTHON = '/usr/bin/python3';
const VALIDATOR = resolve(process.cwd(), '../shared/tools/validate-docx');
const SOFFICE = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((path) => existsSync(path));
const PDFTOTEXT = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((path) => existsSync(path));

/** The same package with every bookmark taken out of document.xml: the contract as it was written before marks. */
async function withoutBookmarks(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  zip.file('word/document.xml', xml.replace(/<w:bookmark(?:Start|End)\b[^>]*\/>/g, ''));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

function hasLxml(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import lxml.etree'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const validatorMissing = !existsSync(VALIDATOR) ? '../shared/tools/validate-docx not found' : !hasLxml() ? `python3-lxml not installed for ${PYTHON}` : null;

describe('marked files in other programs', () => {
  it.skipIf(validatorMissing !== null && !process.env.CI)(
    validatorMissing !== null && !process.env.CI
      ? `skipped outside CI: ${validatorMissing}`
      : 'validate-docx reports no problem in the marked contracts and a marked redline',
    async () => {
      if (validatorMissing !== null) throw new Error(`${validatorMissing}: CI must be able to validate every .docx`);
      const folder = mkdtempSync(join(tmpdir(), 'sla-marks-valid-'));
      try {
        const files: string[] = [];
        for (const file of await everyPresetExport()) {
          files.push(join(folder, `${file.name}.docx`));
          writeFileSync(files[files.length - 1]!, file.bytes);
        }
        const { draft } = presets()[1]!;
        const after = structuredClone(draft);
        after.targets.objectives[0]!.objective = 99.99;
        const redline = await renderRedlineDocx(
          { old: { draft }, new: { draft: after, author: 'Crestmoor Legal', date: '2026-03-14T09:26:53Z' } },
          { old: template, new: template },
          'bilingual',
        );
        files.push(join(folder, 'redline.docx'));
        writeFileSync(files[files.length - 1]!, redline.bytes);
        const output = await new Promise<string>((done) => execFile(PYTHON, [VALIDATOR, ...files], (_error, stdout) => done(stdout)));
        expect(output.trim()).toBe(`${files.length} file(s) checked, 0 problem(s)`);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
    120_000,
  );

  it.skipIf(!SOFFICE)(
    SOFFICE
      ? 'after a LibreOffice re-save every clause paragraph and generated value is still in its mark'
      : 'skipped: soffice (LibreOffice) not installed, so a re-save cannot be tried',
    async () => {
      const folder = mkdtempSync(join(tmpdir(), 'sla-marks-lo-'));
      try {
        const exports = await everyPresetExport();
        const redline = (await counterProposalRedline()).built.bytes;
        mkdirSync(join(folder, 'in'));
        for (const file of exports) writeFileSync(join(folder, 'in', `${file.name}.docx`), file.bytes);
        writeFileSync(join(folder, 'in', 'redline.docx'), redline);
        execFileSync(
          SOFFICE!,
          [
            `-env:UserInstallation=file://${folder}/profile`,
            '--headless',
            '--convert-to',
            'docx',
            '--outdir',
            join(folder, 'out'),
            ...exports.map((file) => join(folder, 'in', `${file.name}.docx`)),
            join(folder, 'in', 'redline.docx'),
          ],
          { stdio: 'ignore', timeout: 300_000 },
        );
        for (const file of exports) {
          const resaved = new Uint8Array(readFileSync(join(folder, 'out', `${file.name}.docx`)));
          const { read, table, documentXml } = await marksOf(resaved);
          // LibreOffice wrote the file anew (its own ids, its own XML), keeping every mark and the table.
          expect(documentXml, file.name).not.toBe((await marksOf(file.bytes)).documentXml);
          expect(table, file.name).toEqual((await marksOf(file.bytes)).table);
          expectReadable({ ...file, bytes: resaved }, read, table);
        }
        // In the redline too, with its tracked changes: each mark holds the same text, changes accepted or rejected.
        const resavedRedline = await marksOf(new Uint8Array(readFileSync(join(folder, 'out', 'redline.docx'))));
        const written = await marksOf(redline);
        expect(resavedRedline.table).toEqual(written.table);
        expect(markTexts(resavedRedline.read)).toEqual(markTexts(written.read));
        expect(markTexts(written.read).length).toBeGreaterThan(800);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
    360_000,
  );

  it.skipIf(!SOFFICE || !PDFTOTEXT)(
    SOFFICE && PDFTOTEXT
      ? 'the marks change nothing on the page: printed by LibreOffice, every page reads as without them'
      : 'skipped: soffice (LibreOffice) or pdftotext not installed, so the pages cannot be printed',
    async () => {
      const folder = mkdtempSync(join(tmpdir(), 'sla-marks-pdf-'));
      try {
        const { name, draft } = presets()[0]!;
        const files: string[] = [];
        for (const language of ['en', 'bilingual'] as const) {
          const file = await exportPreset(name, draft, language);
          files.push(join(folder, `marked-${language}.docx`), join(folder, `plain-${language}.docx`));
          writeFileSync(files[files.length - 2]!, file.bytes);
          writeFileSync(files[files.length - 1]!, await withoutBookmarks(file.bytes));
        }
        execFileSync(SOFFICE!, [`-env:UserInstallation=file://${folder}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', folder, ...files], {
          stdio: 'ignore',
          timeout: 300_000,
        });
        // Page by page (form feeds), each line's words: the same lines break at the same words on the same pages.
        const pages = (pdf: string) =>
          execFileSync(PDFTOTEXT!, ['-layout', join(folder, pdf), '-'], { encoding: 'utf8' })
            .split('\f')
            .map((page) => page.split('\n').map((line) => line.trim().replace(/\s+/g, ' ')));
        for (const language of ['en', 'bilingual']) {
          const marked = pages(`marked-${language}.pdf`);
          expect(marked.length, language).toBeGreaterThan(10);
          expect(marked, language).toEqual(pages(`plain-${language}.pdf`));
        }
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
    360_000,
  );
});
