/**
 * Reading the counterparty's markup: files written the way Word writes
 * tracked changes and comments (runs split by rsid and proofing marks, a
 * value cut across runs, a deletion through a table, two authors, a reply
 * and a resolved comment), read back into the text we sent, the text they
 * propose, and every change with who made it — and one of our own exports
 * edited so, then saved again by LibreOffice.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { assembleBilingual, assembleContract } from '../../src-shared/contract/assemble';
import { preset, standardTemplate } from '../../src-shared/contract/fixtures';
import en from '../../src-shared/i18n/en.json';
import zhCN from '../../src-shared/i18n/zh-CN.json';
import { writeDraftFile } from '../../src-shared/model/file';
import { renderContractDocx } from './contract-docx';
import { renderRedlineDocx } from './redline-docx';
import { deflatedEntry, deflatedRepeat, docxWithDraft, entriesOf, zipOf } from './hostile-docx';
import {
  joinedParagraphs,
  MAX_MARKUP_CHANGES,
  MAX_MARKUP_COMMENTS,
  MAX_MARKUP_PARAGRAPHS,
  MAX_MARKUP_TEXT,
  MARKUP_FAILURES,
  readMarkup,
  type Markup,
  type MarkupParagraph,
} from './markup-reader';
import { docxReaderWorkerFromSources, workerMarkupReader } from './read-in-worker';
import { parseXml } from './test-package';
import { resolveRevisions } from './test-revisions';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const NAMESPACES =
  `xmlns:w="${W}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ` +
  `xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" ` +
  `xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14 w15"`;
const LI = 'w:author="Li Wei" w:date="2026-03-02T10:00:00Z"';
const ANNA = 'w:author="Anna Berg" w:date="2026-03-03T16:45:00Z"';

/** A .docx holding this body (and comments), laid out as Word lays out its package. */
async function wordFile(body: string, parts: { comments?: string; commentsExtended?: string } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const rels: string[] = [];
  if (parts.comments !== undefined) {
    // Word's own part names, related from the document part.
    rels.push('<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>');
    zip.file('word/comments.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments ${NAMESPACES}>${parts.comments}</w:comments>`);
  }
  if (parts.commentsExtended !== undefined) {
    rels.push('<Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" Target="commentsExtended.xml"/>');
    zip.file(
      'word/commentsExtended.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w15:commentsEx ${NAMESPACES}>${parts.commentsExtended}</w15:commentsEx>`,
    );
  }
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NAMESPACES}><w:body>${body}<w:sectPr w:rsidR="00A1"><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

async function markupOf(bytes: Uint8Array): Promise<Markup> {
  const result = await readMarkup(bytes);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.markup;
}

/** What each change covers, read out of the two texts by its offsets. */
function coveredText(paragraph: MarkupParagraph) {
  return paragraph.changes.map((change) => ({
    kind: change.kind,
    author: change.author,
    sent: paragraph.sent.slice(change.sent.start, change.sent.end),
    proposed: paragraph.proposed.slice(change.proposed.start, change.proposed.end),
  }));
}

describe('tracked changes in a paragraph', () => {
  it('reads runs split mid-word by rsids and proofing marks as one text, and a value changed across runs as one change', async () => {
    const body =
      `<w:p w:rsidR="00C41A2B" w:rsidRDefault="00C41A2B" w14:paraId="1A2B3C4D" w14:textId="77777777"><w:pPr><w:pStyle w:val="SlaBody"/><w:rPr><w:lang w:val="en-GB"/></w:rPr></w:pPr>` +
      `<w:r w:rsidRPr="00D512F0"><w:t xml:space="preserve">The Provider shall make the Service avail</w:t></w:r>` +
      `<w:proofErr w:type="spellStart"/><w:r w:rsidR="00E61A7C"><w:t>able</w:t></w:r><w:proofErr w:type="spellEnd"/>` +
      `<w:r><w:t xml:space="preserve"> at least </w:t></w:r>` +
      `<w:del w:id="1" ${LI}><w:r w:rsidDel="00F0A1B2"><w:delText>99.9</w:delText></w:r></w:del>` +
      `<w:ins w:id="2" ${LI}><w:r w:rsidR="00F0A1B2"><w:t>99.</w:t></w:r></w:ins>` +
      `<w:ins w:id="3" ${LI}><w:r w:rsidR="00F0A1B3"><w:rPr><w:lang w:val="en-US"/></w:rPr><w:t>95</w:t></w:r></w:ins>` +
      `<w:r><w:t xml:space="preserve"> % of each calendar month.</w:t></w:r></w:p>`;
    const { paragraphs, authors } = await markupOf(await wordFile(body));
    expect(paragraphs).toHaveLength(1);
    const [paragraph] = paragraphs;
    expect(paragraph).toMatchObject({
      index: 0,
      cells: [],
      style: 'SlaBody',
      sent: 'The Provider shall make the Service available at least 99.9 % of each calendar month.',
      proposed: 'The Provider shall make the Service available at least 99.95 % of each calendar month.',
      mark: null,
      formatChanges: [],
    });
    expect(paragraph!.changes).toEqual([
      {
        kind: 'deletion',
        author: 'Li Wei',
        date: '2026-03-02T10:00:00Z',
        ids: ['1'],
        text: '99.9',
        sent: { start: 55, end: 59 },
        proposed: { start: 55, end: 55 },
      },
      {
        kind: 'insertion',
        author: 'Li Wei',
        date: '2026-03-02T10:00:00Z',
        ids: ['2', '3'],
        text: '99.95',
        sent: { start: 59, end: 59 },
        proposed: { start: 55, end: 60 },
      },
    ]);
    expect(coveredText(paragraph!)).toEqual([
      { kind: 'deletion', author: 'Li Wei', sent: '99.9', proposed: '' },
      { kind: 'insertion', author: 'Li Wei', sent: '', proposed: '99.95' },
    ]);
    expect(authors).toEqual(['Li Wei']);
  });

  it('keeps two authors apart, reads a deletion of the other author’s insertion, a move, and formatting changes as no text change', async () => {
    const body =
      `<w:p w:rsidR="00A1"><w:r><w:t xml:space="preserve">Credits are capped at </w:t></w:r>` +
      `<w:ins w:id="11" ${LI}><w:r><w:t xml:space="preserve">fifty per cent (50 %) </w:t></w:r></w:ins>` +
      `<w:ins w:id="12" ${ANNA}><w:r><w:t>one hundred per cent</w:t></w:r></w:ins>` +
      `<w:ins w:id="13" ${LI}><w:del w:id="14" ${ANNA}><w:r><w:delText>(100 %)</w:delText></w:r></w:del></w:ins>` +
      `<w:r><w:rPr><w:b/><w:rPrChange w:id="15" ${ANNA}><w:rPr/></w:rPrChange></w:rPr><w:t xml:space="preserve"> of the monthly fee.</w:t></w:r></w:p>` +
      `<w:p><w:moveFromRangeStart w:id="20" ${ANNA} w:name="move482"/>` +
      `<w:moveFrom w:id="21" ${ANNA}><w:r><w:t xml:space="preserve">Credits are the sole remedy. </w:t></w:r></w:moveFrom><w:moveFromRangeEnd w:id="20"/>` +
      `<w:r><w:t>Claims are made within 30 days.</w:t></w:r></w:p>` +
      `<w:p><w:pPr><w:pPrChange w:id="22" ${LI}><w:pPr><w:pStyle w:val="SlaList"/></w:pPr></w:pPrChange></w:pPr><w:r><w:t xml:space="preserve">Notices are in writing.</w:t></w:r>` +
      `<w:moveToRangeStart w:id="23" ${ANNA} w:name="move482"/><w:moveTo w:id="24" ${ANNA}><w:r><w:t xml:space="preserve"> Credits are the sole remedy.</w:t></w:r></w:moveTo><w:moveToRangeEnd w:id="23"/></w:p>`;
    const { paragraphs, authors } = await markupOf(await wordFile(body));
    const [cap, claims, notices] = paragraphs;
    expect(cap!.sent).toBe('Credits are capped at  of the monthly fee.');
    expect(cap!.proposed).toBe('Credits are capped at fifty per cent (50 %) one hundred per cent of the monthly fee.');
    expect(cap!.changes.map(({ kind, author, text, within }) => ({ kind, author, text, within }))).toEqual([
      { kind: 'insertion', author: 'Li Wei', text: 'fifty per cent (50 %) ', within: undefined },
      { kind: 'insertion', author: 'Anna Berg', text: 'one hundred per cent', within: undefined },
      { kind: 'deletion', author: 'Anna Berg', text: '(100 %)', within: { kind: 'insertion', author: 'Li Wei', date: '2026-03-02T10:00:00Z' } },
    ]);
    // Inserted by one, deleted by the other: in neither text.
    const rest = cap!.proposed.indexOf(' of the monthly fee.');
    expect(cap!.changes[2]).toMatchObject({ sent: { start: 22, end: 22 }, proposed: { start: rest, end: rest } });
    expect(cap!.formatChanges).toEqual([{ author: 'Anna Berg', date: '2026-03-03T16:45:00Z' }]);

    expect(claims).toMatchObject({ sent: 'Credits are the sole remedy. Claims are made within 30 days.', proposed: 'Claims are made within 30 days.' });
    expect(claims!.changes).toEqual([
      expect.objectContaining({
        kind: 'moveFrom',
        author: 'Anna Berg',
        moveName: 'move482',
        text: 'Credits are the sole remedy. ',
        sent: { start: 0, end: 29 },
      }),
    ]);
    expect(notices).toMatchObject({ style: null, sent: 'Notices are in writing.', proposed: 'Notices are in writing. Credits are the sole remedy.' });
    expect(notices!.changes).toEqual([expect.objectContaining({ kind: 'moveTo', moveName: 'move482', text: ' Credits are the sole remedy.' })]);
    expect(notices!.formatChanges).toEqual([{ author: 'Li Wei', date: '2026-03-02T10:00:00Z' }]);
    expect(authors).toEqual(['Li Wei', 'Anna Berg']);
  });

  it('reads tabs, line breaks, no-break hyphens and field results as Word shows them, never field instructions', async () => {
    const body =
      `<w:p><w:r><w:t>Schedule</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">page </w:t></w:r>` +
      `<w:fldSimple w:instr=" PAGE \\* MERGEFORMAT "><w:r><w:t>3</w:t></w:r></w:fldSimple>` +
      `<w:r><w:br/><w:t>24</w:t></w:r><w:r><w:br w:type="page"/></w:r><w:r><w:noBreakHyphen/><w:t>hour support, see clause </w:t></w:r>` +
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> REF _Ref123 \\r \\h </w:instrText></w:r>` +
      `<w:ins w:id="5" ${LI}><w:r><w:instrText xml:space="preserve"> \\* MERGEFORMAT </w:instrText></w:r></w:ins>` +
      `<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7.2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
      `<w:r><w:t>.</w:t></w:r></w:p>`;
    const [paragraph] = (await markupOf(await wordFile(body))).paragraphs;
    expect(paragraph!.sent).toBe('Schedule\tpage 3\n24\u2011hour support, see clause 7.2.');
    expect(paragraph!.proposed).toBe(paragraph!.sent);
    // The insertion was into the field's instruction: no change of text.
    expect(paragraph!.changes).toEqual([]);
  });

  it('joins and splits paragraphs whose mark they deleted or inserted, as Accept all and Reject all do', async () => {
    const body =
      // They pressed Enter in the middle of a clause: a paragraph mark inserted.
      `<w:p><w:pPr><w:rPr><w:ins w:id="31" ${LI}/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">Maintenance is announced 5 days ahead.</w:t></w:r></w:p>` +
      `<w:p><w:r><w:t>It lasts at most 4 hours.</w:t></w:r></w:p>` +
      // They joined two paragraphs: the first one's mark deleted.
      `<w:p><w:pPr><w:pStyle w:val="SlaBody"/><w:rPr><w:del w:id="32" ${ANNA}/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">Reports are monthly.</w:t></w:r></w:p>` +
      `<w:p><w:r><w:t xml:space="preserve"> They are due on the 5th.</w:t></w:r></w:p>` +
      // A whole paragraph added: its text and its mark inserted.
      `<w:p><w:pPr><w:rPr><w:ins w:id="33" ${ANNA}/></w:rPr></w:pPr><w:ins w:id="34" ${ANNA}><w:r><w:t>Each report lists every Incident.</w:t></w:r></w:ins></w:p>` +
      `<w:p><w:r><w:t>Credits follow.</w:t></w:r></w:p>`;
    const bytes = await wordFile(body);
    const markup = await markupOf(bytes);
    expect(markup.paragraphs[0]!.mark).toEqual({ kind: 'insertion', author: 'Li Wei', date: '2026-03-02T10:00:00Z' });
    expect(markup.paragraphs[0]!.changes).toEqual([
      {
        kind: 'insertion',
        author: 'Li Wei',
        date: '2026-03-02T10:00:00Z',
        ids: ['31'],
        text: '',
        paragraphMark: true,
        sent: { start: 38, end: 38 },
        proposed: { start: 38, end: 38 },
      },
    ]);
    expect(markup.paragraphs[2]!.mark).toMatchObject({ kind: 'deletion', author: 'Anna Berg' });

    const sent = joinedParagraphs(markup, 'sent');
    const proposed = joinedParagraphs(markup, 'proposed');
    expect(sent).toEqual([
      { text: 'Maintenance is announced 5 days ahead.It lasts at most 4 hours.', paragraphs: [0, 1] },
      { text: 'Reports are monthly.', paragraphs: [2] },
      { text: ' They are due on the 5th.', paragraphs: [3] },
      { text: 'Credits follow.', paragraphs: [4, 5] },
    ]);
    expect(proposed.map((p) => p.text)).toEqual([
      'Maintenance is announced 5 days ahead.',
      'It lasts at most 4 hours.',
      'Reports are monthly. They are due on the 5th.',
      'Each report lists every Incident.',
      'Credits follow.',
    ]);
    // The same as Word's Reject all / Accept all done on the XML (test-revisions.ts).
    const document = parseXml(await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string'));
    expect(sent.map((p) => p.text)).toEqual(resolveRevisions(document, 'reject').map((p) => p.text));
    expect(proposed.map((p) => p.text)).toEqual(resolveRevisions(document, 'accept').map((p) => p.text));
  });
});

describe('tables and the bilingual layout', () => {
  it('reads each cell’s paragraphs with their table, row and cell, a deletion running through two cells, and a deleted row', async () => {
    const cell = (content: string) => `<w:tc><w:tcPr><w:tcW w:w="4513" w:type="dxa"/></w:tcPr>${content}</w:tc>`;
    const body =
      `<w:p><w:r><w:t>Service Levels</w:t></w:r></w:p>` +
      `<w:tbl><w:tblPr><w:tblW w:w="9026" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="4513"/><w:gridCol w:w="4513"/></w:tblGrid>` +
      `<w:tr><w:trPr><w:tblHeader/></w:trPr>${cell('<w:p><w:r><w:t>English</w:t></w:r></w:p>')}${cell('<w:p><w:r><w:t>中文</w:t></w:r></w:p>')}</w:tr>` +
      `<w:tr>${cell(
        `<w:p><w:r><w:t xml:space="preserve">Availability of at least </w:t></w:r><w:del w:id="41" ${ANNA}><w:r><w:delText>99.9 %</w:delText></w:r></w:del></w:p>`,
      )}${cell(
        `<w:p><w:del w:id="42" ${ANNA}><w:r><w:delText>99.9 %</w:delText></w:r></w:del><w:ins w:id="43" ${ANNA}><w:r><w:t>99.5 %</w:t></w:r></w:ins><w:r><w:t>的可用性</w:t></w:r></w:p>`,
      )}</w:tr>` +
      `<w:tr><w:trPr><w:del w:id="44" ${LI}/></w:trPr>${cell(`<w:p><w:del w:id="45" ${LI}><w:r><w:delText>Data export</w:delText></w:r></w:del></w:p>`)}${cell(
        `<w:p><w:del w:id="46" ${LI}><w:r><w:delText>数据导出</w:delText></w:r></w:del></w:p>`,
      )}</w:tr>` +
      `</w:tbl><w:p/>`;
    const { paragraphs } = await markupOf(await wordFile(body));
    expect(paragraphs.map(({ cells, sent, proposed }) => ({ cells, sent, proposed }))).toEqual([
      { cells: [], sent: 'Service Levels', proposed: 'Service Levels' },
      { cells: [{ table: 0, row: 0, cell: 0 }], sent: 'English', proposed: 'English' },
      { cells: [{ table: 0, row: 0, cell: 1 }], sent: '中文', proposed: '中文' },
      { cells: [{ table: 0, row: 1, cell: 0 }], sent: 'Availability of at least 99.9 %', proposed: 'Availability of at least ' },
      { cells: [{ table: 0, row: 1, cell: 1 }], sent: '99.9 %的可用性', proposed: '99.5 %的可用性' },
      {
        cells: [{ table: 0, row: 2, cell: 0, rowChange: { kind: 'deletion', author: 'Li Wei', date: '2026-03-02T10:00:00Z' } }],
        sent: 'Data export',
        proposed: '',
      },
      {
        cells: [{ table: 0, row: 2, cell: 1, rowChange: { kind: 'deletion', author: 'Li Wei', date: '2026-03-02T10:00:00Z' } }],
        sent: '数据导出',
        proposed: '',
      },
      { cells: [], sent: '', proposed: '' },
    ]);
    expect(coveredText(paragraphs[3]!)).toEqual([{ kind: 'deletion', author: 'Anna Berg', sent: '99.9 %', proposed: '' }]);
    expect(coveredText(paragraphs[4]!)).toEqual([
      { kind: 'deletion', author: 'Anna Berg', sent: '99.9 %', proposed: '' },
      { kind: 'insertion', author: 'Anna Berg', sent: '', proposed: '99.5 %' },
    ]);
  });
});

describe('marks that identify clauses and fields', () => {
  it('gives the bookmarks and content controls around a paragraph and inside it, with their offsets in both texts', async () => {
    const body =
      `<w:sdt><w:sdtPr><w:alias w:val="Clause 4.1"/><w:tag w:val="clause:targets.availability"/><w:id w:val="-1288"/></w:sdtPr><w:sdtEndPr/><w:sdtContent>` +
      `<w:p><w:bookmarkStart w:id="0" w:name="_sla_c4_1"/><w:r><w:t>4.1 Availability</w:t></w:r></w:p>` +
      `<w:p><w:r><w:t xml:space="preserve">Monthly availability of </w:t></w:r><w:bookmarkStart w:id="2" w:name="_sla_f2_1"/>` +
      `<w:sdt><w:sdtPr><w:rPr><w:b/></w:rPr><w:alias w:val="Availability objective"/><w:tag w:val="field:targets.objectives.0.objective"/><w:showingPlcHdr w:val="0"/></w:sdtPr><w:sdtContent>` +
      `<w:r><w:t>99.</w:t></w:r><w:del w:id="51" ${LI}><w:r><w:delText>9</w:delText></w:r></w:del><w:ins w:id="52" ${LI}><w:r><w:t>95</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> %</w:t></w:r>` +
      `</w:sdtContent></w:sdt><w:bookmarkEnd w:id="2"/><w:r><w:t>.</w:t></w:r><w:bookmarkEnd w:id="0"/><w:bookmarkStart w:id="1" w:name="_GoBack"/><w:bookmarkEnd w:id="1"/></w:p>` +
      `</w:sdtContent></w:sdt><w:p><w:r><w:t>Outside.</w:t></w:r></w:p>`;
    const { paragraphs } = await markupOf(await wordFile(body));
    const [heading, text, outside] = paragraphs;
    expect(heading!.contentControls).toEqual([
      { tag: 'clause:targets.availability', alias: 'Clause 4.1', id: '-1288', sent: { start: 0, end: 16 }, proposed: { start: 0, end: 16 } },
    ]);
    expect(heading!.bookmarks).toEqual([{ name: '_sla_c4_1', sent: { start: 0, end: 16 }, proposed: { start: 0, end: 16 } }]);
    expect(text).toMatchObject({ sent: 'Monthly availability of 99.9 %.', proposed: 'Monthly availability of 99.95 %.' });
    // The clause's control covers the whole paragraph; the field's, the value in each text; the bookmark runs on to its end (Word's _GoBack left out).
    expect(text!.contentControls).toEqual([
      {
        tag: 'field:targets.objectives.0.objective',
        alias: 'Availability objective',
        id: null,
        sent: { start: 24, end: 30 },
        proposed: { start: 24, end: 31 },
      },
      { tag: 'clause:targets.availability', alias: 'Clause 4.1', id: '-1288', sent: { start: 0, end: 31 }, proposed: { start: 0, end: 32 } },
    ]);
    const field = text!.contentControls[0]!;
    expect(text!.sent.slice(field.sent.start, field.sent.end)).toBe('99.9 %');
    expect(text!.proposed.slice(field.proposed.start, field.proposed.end)).toBe('99.95 %');
    // The field's bookmark closes first; the clause's runs on to the paragraph's end.
    expect(text!.bookmarks).toEqual([
      { name: '_sla_f2_1', sent: { start: 24, end: 30 }, proposed: { start: 24, end: 31 } },
      { name: '_sla_c4_1', sent: { start: 0, end: 31 }, proposed: { start: 0, end: 32 } },
    ]);
    expect(outside).toMatchObject({ contentControls: [], bookmarks: [] });
  });
});

describe('comments', () => {
  it('reads each comment with its author, date, initials, text and anchored text, a reply to it, and one marked done', async () => {
    const body =
      `<w:p><w:r><w:t xml:space="preserve">Service credits are </w:t></w:r><w:commentRangeStart w:id="0"/><w:commentRangeStart w:id="1"/>` +
      `<w:r><w:t xml:space="preserve">capped at </w:t></w:r><w:del w:id="61" ${LI}><w:r><w:delText>50</w:delText></w:r></w:del><w:ins w:id="62" ${LI}><w:r><w:t>100</w:t></w:r></w:ins>` +
      `<w:r><w:t xml:space="preserve"> %</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r>` +
      `<w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r><w:r><w:t xml:space="preserve"> of the fee.</w:t></w:r></w:p>` +
      `<w:p><w:commentRangeStart w:id="2"/><w:r><w:t>Claims within 30 days.</w:t></w:r></w:p><w:p><w:r><w:t>Claims are sent by email.</w:t></w:r><w:commentRangeEnd w:id="2"/><w:r><w:commentReference w:id="2"/></w:r></w:p>` +
      `<w:p><w:r><w:t>Notices.</w:t></w:r><w:r><w:commentReference w:id="3"/></w:r></w:p>`;
    const comments =
      `<w:comment w:id="0" w:author="Li Wei" w:date="2026-03-02T10:05:00Z" w:initials="LW"><w:p w14:paraId="0A1B2C3D" w14:textId="77777777"><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>` +
      `<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r><w:r><w:t xml:space="preserve">Our policy requires </w:t></w:r><w:r><w:t>a full cap.</w:t></w:r></w:p>` +
      `<w:p w14:paraId="0A1B2C3E" w14:textId="77777777"><w:r><w:t>See our playbook.</w:t></w:r></w:p></w:comment>` +
      `<w:comment w:id="1" w:author="Anna Berg" w:date="2026-03-03T16:50:00Z" w:initials="AB"><w:p w14:paraId="1F2E3D4C" w14:textId="77777777"><w:r><w:annotationRef/></w:r><w:r><w:t>We cannot accept 100 %.</w:t></w:r></w:p></w:comment>` +
      `<w:comment w:id="2" w:author="Li Wei" w:date="2026-03-02T10:07:00Z" w:initials="LW"><w:p w14:paraId="2B3C4D5E" w14:textId="77777777"><w:r><w:t>Agreed as written.</w:t></w:r></w:p></w:comment>` +
      `<w:comment w:id="3" w:author="Li Wei" w:initials="LW"><w:p><w:r><w:t>Which address?</w:t></w:r></w:p></w:comment>`;
    const commentsExtended =
      `<w15:commentEx w15:paraId="0A1B2C3E" w15:done="0"/><w15:commentEx w15:paraId="1F2E3D4C" w15:paraIdParent="0A1B2C3E" w15:done="0"/>` +
      `<w15:commentEx w15:paraId="2B3C4D5E" w15:done="1"/>`;
    const { comments: read, authors } = await markupOf(await wordFile(body, { comments, commentsExtended }));
    expect(read).toEqual([
      {
        id: '0',
        author: 'Li Wei',
        date: '2026-03-02T10:05:00Z',
        initials: 'LW',
        text: 'Our policy requires a full cap.\nSee our playbook.',
        parentId: null,
        done: false,
        anchor: { paragraphs: [0], sent: 'capped at 50 %', proposed: 'capped at 100 %' },
      },
      {
        id: '1',
        author: 'Anna Berg',
        date: '2026-03-03T16:50:00Z',
        initials: 'AB',
        text: 'We cannot accept 100 %.',
        parentId: '0',
        done: false,
        anchor: { paragraphs: [0], sent: 'capped at 50 %', proposed: 'capped at 100 %' },
      },
      {
        id: '2',
        author: 'Li Wei',
        date: '2026-03-02T10:07:00Z',
        initials: 'LW',
        text: 'Agreed as written.',
        parentId: null,
        done: true,
        anchor: {
          paragraphs: [1, 2],
          sent: 'Claims within 30 days.\nClaims are sent by email.',
          proposed: 'Claims within 30 days.\nClaims are sent by email.',
        },
      },
      // No range, no entry in commentsExtended: anchored where its reference is, its state unknown.
      {
        id: '3',
        author: 'Li Wei',
        date: null,
        initials: 'LW',
        text: 'Which address?',
        parentId: null,
        done: null,
        anchor: { paragraphs: [3], sent: '', proposed: '' },
      },
    ]);
    expect(authors).toEqual(['Li Wei', 'Anna Berg']);
  });
});

describe('a redline of ours', () => {
  it('reads as the old contract before the changes and the new one after them, every change by the redline’s author', async () => {
    // The enterprise round of redline-docx.test.ts, in part: a target, a claim window, a regime added, a service removed.
    const before = preset('enterprise');
    const after = preset('enterprise');
    after.targets.objectives.find((objective) => objective.id === 'obj-core-availability')!.objective = 99.99;
    after.compensation.claimWindowDays = 45;
    after.compliance.dataProtection.push('PIPL');
    // The service removed with everything that refers to its metrics, as the wizard does.
    const removed = new Set(after.services.find((service) => service.id === 'data-export')!.metrics.map((metric) => metric.id));
    after.services = after.services.filter((service) => service.id !== 'data-export');
    after.targets.objectives = after.targets.objectives.filter((objective) => !removed.has(objective.metricId));
    after.compensation.creditTiers = after.compensation.creditTiers.filter((tier) => !removed.has(tier.metricId));
    after.expectations.requests = after.expectations.requests.filter((request) => !removed.has(request.metricId));
    const author = { author: 'Crestmoor Legal', date: '2026-03-14T09:26:53Z' };
    for (const language of ['en', 'bilingual'] as const) {
      const { bytes } = await renderRedlineDocx(
        { old: { draft: before, label: 'v1', sha256: '1a'.repeat(32) }, new: { draft: after, label: 'v2', sha256: '9f'.repeat(32), ...author } },
        { old: standardTemplate(), new: standardTemplate() },
        language,
      );
      const markup = await markupOf(bytes);
      const document = parseXml(await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string'));
      // Word's Reject all and Accept all, done on the XML (test-revisions.ts).
      expect(
        joinedParagraphs(markup, 'sent').map((p) => p.text),
        language,
      ).toEqual(resolveRevisions(document, 'reject').map((p) => p.text));
      expect(
        joinedParagraphs(markup, 'proposed').map((p) => p.text),
        language,
      ).toEqual(resolveRevisions(document, 'accept').map((p) => p.text));
      const changes = markup.paragraphs.flatMap((p) => p.changes);
      expect(changes.length, language).toBeGreaterThan(20);
      expect(markup.authors).toEqual(['Crestmoor Legal']);
      const target = markup.paragraphs.find((p) => p.changes.some((change) => change.kind === 'insertion' && change.text.includes('99.99')));
      expect(target?.sent, language).toContain('99.95');
      expect(target?.proposed).toContain('99.99');
      expect(markup.paragraphs.some((p) => p.cells.some((cell) => cell.rowChange?.kind === 'deletion'))).toBe(true);
    }
  }, 120_000);
});

/** The message a user reads for a refusal, in each language. */
function message(messages: unknown, reason: string): string | undefined {
  const errors = (messages as { markup?: { errors?: Record<string, string> } }).markup?.errors;
  return errors?.[reason];
}

describe('files that are refused', () => {
  const refusal = async (bytes: Uint8Array) => {
    const result = await readMarkup(bytes);
    if (result.ok) throw new Error('read');
    return result;
  };

  it('refuses what is not a Word document, a damaged or hostile part and a zip bomb, with a message in both languages', async () => {
    expect(await refusal(new TextEncoder().encode('Meeting notes, not a contract'))).toEqual({ ok: false, reason: 'notDocx' });
    const zip = new JSZip();
    zip.file('notes.txt', 'hello');
    expect(await refusal(await zip.generateAsync({ type: 'uint8array' }))).toEqual({ ok: false, reason: 'notDocx' });

    const entities = await entriesOf(await wordFile('<w:p/>'));
    const laugh =
      '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "ha">]><w:document xmlns:w="' +
      W +
      '"><w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>';
    const hostile = zipOf(entities.map((entry) => (entry.name === 'word/document.xml' ? deflatedEntry(entry.name, laugh) : entry)));
    expect(await refusal(hostile)).toEqual({ ok: false, reason: 'damaged' });

    const bomb = await deflatedRepeat('word/document.xml', new Uint8Array(1024 * 1024).fill(0x20), 100 * 1024 * 1024);
    const bombed = zipOf((await entriesOf(await wordFile('<w:p/>'))).map((entry) => (entry.name === bomb.name ? bomb : entry)));
    expect(await refusal(bombed)).toEqual({ ok: false, reason: 'tooLargeOrDamaged' });

    for (const reason of MARKUP_FAILURES) {
      expect(message(en, reason), `en ${reason}`).toMatch(/Nothing was imported/);
      expect(message(zhCN, reason), `zh-CN ${reason}`).toMatch(/未导入任何内容/);
    }
  }, 60_000);

  it('refuses a document past the paragraph and comment limits, naming the limit', async () => {
    expect(await refusal(await wordFile('<w:p/>'.repeat(MAX_MARKUP_PARAGRAPHS + 1)))).toEqual({
      ok: false,
      reason: 'tooManyParagraphs',
      limit: MAX_MARKUP_PARAGRAPHS,
    });
    expect((await markupOf(await wordFile('<w:p/>'.repeat(MAX_MARKUP_PARAGRAPHS)))).paragraphs).toHaveLength(MAX_MARKUP_PARAGRAPHS);
    const comment = (id: number) => `<w:comment w:id="${id}" w:author="Li Wei"><w:p><w:r><w:t>Why?</w:t></w:r></w:p></w:comment>`;
    const many = Array.from({ length: MAX_MARKUP_COMMENTS + 1 }, (_, id) => comment(id)).join('');
    expect(await refusal(await wordFile('<w:p/>', { comments: many }))).toEqual({ ok: false, reason: 'tooManyComments', limit: MAX_MARKUP_COMMENTS });
  }, 60_000);

  it('refuses a document past the limits of changes and text, naming the limit', async () => {
    // Insertions with unchanged text between them: each one a change of its own.
    const change = (id: number) => `<w:ins w:id="${id}" ${LI}><w:r><w:t>x</w:t></w:r></w:ins><w:r><w:t>,</w:t></w:r>`;
    const changes = (count: number) => `<w:p>${Array.from({ length: count }, (_, id) => change(id)).join('')}</w:p>`;
    expect(await refusal(await wordFile(changes(MAX_MARKUP_CHANGES + 1)))).toEqual({ ok: false, reason: 'tooManyChanges', limit: MAX_MARKUP_CHANGES });
    expect((await markupOf(await wordFile(changes(MAX_MARKUP_CHANGES)))).paragraphs[0]!.changes).toHaveLength(MAX_MARKUP_CHANGES);
    // Unchanged text counts twice, once in each version.
    const text = (characters: number) => `<w:p><w:r><w:t>${'a'.repeat(characters)}</w:t></w:r></w:p>`;
    expect(await refusal(await wordFile(text(MAX_MARKUP_TEXT / 2 + 1)))).toEqual({ ok: false, reason: 'tooMuchText', limit: MAX_MARKUP_TEXT });
    expect((await markupOf(await wordFile(text(MAX_MARKUP_TEXT / 2)))).paragraphs[0]!.proposed).toHaveLength(MAX_MARKUP_TEXT / 2);
  }, 60_000);
});

describe('reading in a worker thread', () => {
  it('answers what readMarkup answers on this thread', async () => {
    const bytes = await wordFile(`<w:p><w:r><w:t xml:space="preserve">Uptime </w:t></w:r><w:ins w:id="1" ${LI}><w:r><w:t>99.95 %</w:t></w:r></w:ins></w:p>`);
    const here = await readMarkup(bytes.slice());
    const read = workerMarkupReader(docxReaderWorkerFromSources());
    expect(await read(bytes)).toEqual(here);
    expect(await read(await docxWithDraft('{}\n'))).toMatchObject({ ok: true, markup: { paragraphs: [{ sent: 'A contract.' }] } });
    expect(await read(new TextEncoder().encode('not a zip'))).toEqual({ ok: false, reason: 'notDocx' });
  });
});

// ── One of our exports, edited the way Word edits it, saved again by LibreOffice ──

interface TrackedEdit {
  /** The first run whose text contains this is edited… */
  inRun: string;
  /** …at the first occurrence of `find` in it, which becomes `replace` ('' for a deletion). */
  find: string;
  replace: string;
  author: string;
  /** A comment by the same author on the edited words. */
  comment?: string;
}

const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The document part with each edit made as Word records it: the run split
 * where the edit is, the words deleted in a w:del, the new ones in a w:ins,
 * every piece with its own rsid; a comment anchored on the edit.
 */
function trackEdits(xml: string, edits: readonly TrackedEdit[]): { xml: string; comments: string } {
  let comments = '';
  edits.forEach((edit, n) => {
    const run = new RegExp(
      `<w:r>(<w:rPr>(?:(?!</w:rPr>).)*</w:rPr>)?<w:t(?: xml:space="preserve")?>([^<]*${escapeRegExp(xmlText(edit.inRun))}[^<]*)</w:t></w:r>`,
    );
    const match = run.exec(xml);
    if (!match) throw new Error(`no run with “${edit.inRun}”`);
    const rPr = match[1] ?? '';
    const text = match[2]!;
    const at = text.indexOf(xmlText(edit.find));
    const date = `2026-03-0${n + 2}T10:00:00Z`;
    const who = `w:author="${edit.author}" w:date="${date}"`;
    const piece = (rsid: string, inner: string) => `<w:r w:rsidR="00${rsid}">${rPr}${inner}</w:r>`;
    const replaced =
      piece(`A1B2C${n}`, `<w:t xml:space="preserve">${text.slice(0, at)}</w:t>`) +
      (edit.comment ? `<w:commentRangeStart w:id="${n}"/>` : '') +
      `<w:del w:id="${100 + 2 * n}" ${who}>${piece(`D4E5F${n}`, `<w:delText xml:space="preserve">${xmlText(edit.find)}</w:delText>`)}</w:del>` +
      (edit.replace ? `<w:ins w:id="${101 + 2 * n}" ${who}>${piece(`D4E5F${n}`, `<w:t xml:space="preserve">${xmlText(edit.replace)}</w:t>`)}</w:ins>` : '') +
      (edit.comment ? `<w:commentRangeEnd w:id="${n}"/><w:r><w:commentReference w:id="${n}"/></w:r>` : '') +
      piece(`A1B2C${n}`, `<w:t xml:space="preserve">${text.slice(at + xmlText(edit.find).length)}</w:t>`);
    xml = xml.slice(0, match.index) + replaced + xml.slice(match.index + match[0].length);
    if (edit.comment) {
      comments += `<w:comment w:id="${n}" ${who} w:initials="${edit.author.replace(/[^A-Z]/g, '')}"><w:p><w:r><w:t>${xmlText(edit.comment)}</w:t></w:r></w:p></w:comment>`;
    }
  });
  return { xml, comments };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Our export with the edits tracked in it, and its comments part, as Word would save it. */
async function editedExport(bytes: Uint8Array, edits: readonly TrackedEdit[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const { xml, comments } = trackEdits(await zip.file('word/document.xml')!.async('string'), edits);
  zip.file('word/document.xml', xml);
  zip.file('word/comments.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments ${NAMESPACES}>${comments}</w:comments>`);
  const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
  zip.file(
    'word/_rels/document.xml.rels',
    rels.replace(
      '</Relationships>',
      '<Relationship Id="rIdComments1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>',
    ),
  );
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    types.replace(
      '</Types>',
      '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>',
    ),
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const SOFFICE = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((path) => existsSync(path));

/** The files saved again by LibreOffice (`soffice --headless --convert-to docx`), by name. */
function resavedByLibreOffice(files: Record<string, Uint8Array>): Record<string, Uint8Array> {
  const folder = mkdtempSync(join(tmpdir(), 'sla-markup-resave-'));
  try {
    mkdirSync(join(folder, 'in'));
    const paths = Object.entries(files).map(([name, bytes]) => {
      writeFileSync(join(folder, 'in', `${name}.docx`), bytes);
      return join(folder, 'in', `${name}.docx`);
    });
    execFileSync(
      SOFFICE!,
      [`-env:UserInstallation=file://${folder}/profile`, '--headless', '--convert-to', 'docx', '--outdir', join(folder, 'out'), ...paths],
      {
        stdio: 'ignore',
        timeout: 180_000,
      },
    );
    return Object.fromEntries(Object.keys(files).map((name) => [name, new Uint8Array(readFileSync(join(folder, 'out', `${name}.docx`)))]));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The one paragraph with a change of `author` to `text` (what they deleted or inserted). */
function changedParagraph(markup: Markup, author: string, text: string): MarkupParagraph {
  const found = markup.paragraphs.filter((paragraph) => paragraph.changes.some((change) => change.author === author && change.text === text));
  expect(found, `${author}: ${text}`).toHaveLength(1);
  return found[0]!;
}

describe('one of our exports, edited with tracked changes and saved again by LibreOffice', () => {
  it.skipIf(!SOFFICE)(
    SOFFICE
      ? 'reads their changes, authors and comment back, in English and in both columns of the bilingual contract'
      : 'skipped: soffice (LibreOffice) not installed',
    async () => {
      const draft = preset('enterprise');
      const template = standardTemplate();
      const english = await renderContractDocx({ language: 'en', doc: assembleContract(draft, template, 'en').doc }, { draftJson: writeDraftFile(draft) });
      const pair = assembleBilingual(draft, template);
      const bilingual = await renderContractDocx({ language: 'bilingual', en: pair.en, zh: pair.zh }, { draftJson: writeDraftFile(draft) });
      const edits: TrackedEdit[] = [
        // Li Wei lowers the availability objective by deleting one digit of the value.
        { inRun: '99.95\u00a0%', find: '5', replace: '', author: 'Li Wei' },
        // Anna Berg changes the time zone of the availability calculation, and says why.
        { inRun: 'computed in UTC', find: 'UTC', replace: 'China Standard Time', author: 'Anna Berg', comment: 'Our operations run on Beijing time.' },
      ];
      const chineseEdit: TrackedEdit = { inRun: '是指客户就一个自然月的服务应支付的费用', find: '自然月', replace: '公历月', author: 'Li Wei' };
      const sent = {
        english: await editedExport(english, edits),
        bilingual: await editedExport(bilingual, [...edits, chineseEdit]),
      };
      const resaved = resavedByLibreOffice(sent);

      for (const [name, bytes] of Object.entries(resaved)) {
        expect(Buffer.from(bytes).equals(Buffer.from(sent[name as keyof typeof sent])), `${name}: saved again`).toBe(false);
        const before = await markupOf(sent[name as keyof typeof sent]);
        const markup = await markupOf(bytes);
        expect(markup.authors, name).toEqual(expect.arrayContaining(['Li Wei', 'Anna Berg']));

        const availability = changedParagraph(markup, 'Li Wei', '5');
        expect(availability.sent).toContain('99.95\u00a0%');
        expect(availability.proposed, name).toContain('99.9\u00a0%');
        expect(availability.proposed).not.toContain('99.95');
        expect(availability.changes.map(({ kind, author, text }) => ({ kind, author, text }))).toEqual([{ kind: 'deletion', author: 'Li Wei', text: '5' }]);
        expect(availability.changes[0]!.date).toMatch(/^2026-03-02T10:00:00/);
        // The marks our exports carry (marks.ts) come through: the paragraph in its clause's bookmark, the edited value in a field's.
        expect(availability.bookmarks.some((mark) => /^_sla_c\d+_\d+$/.test(mark.name))).toBe(true);
        const deletion = availability.changes[0]!;
        const value = availability.bookmarks.find(
          (mark) => /^_sla_f\d+_\d+$/.test(mark.name) && mark.sent.start <= deletion.sent.start && deletion.sent.end <= mark.sent.end,
        );
        expect(value && availability.sent.slice(value.sent.start, value.sent.end), name).toBe('99.95\u00a0%');
        expect(value && availability.proposed.slice(value.proposed.start, value.proposed.end)).toBe('99.9\u00a0%');

        const timeZone = changedParagraph(markup, 'Anna Berg', 'UTC');
        expect(timeZone.sent).toContain('computed in UTC');
        expect(timeZone.proposed).toContain('computed in China Standard Time');
        expect(timeZone.proposed).not.toContain('UTC');
        expect(coveredText(timeZone)).toEqual([
          { kind: 'deletion', author: 'Anna Berg', sent: 'UTC', proposed: '' },
          { kind: 'insertion', author: 'Anna Berg', sent: '', proposed: 'China Standard Time' },
        ]);
        const comment = markup.comments.find((c) => c.text === 'Our operations run on Beijing time.');
        expect(comment, name).toMatchObject({ author: 'Anna Berg', anchor: { paragraphs: [timeZone.index], sent: 'UTC', proposed: 'China Standard Time' } });

        // LibreOffice rewrites the runs, not the text: both texts read as they did in the file it was given.
        const texts = (m: Markup) => m.paragraphs.map((p) => [p.sent, p.proposed]).filter(([s, p]) => s !== '' || p !== '');
        expect(texts(markup), name).toEqual(texts(before));

        if (name === 'bilingual') {
          // The English column of the side-by-side rows; the Chinese edit in the other column, beside its English.
          expect(timeZone.cells).toEqual([expect.objectContaining({ cell: 0 })]);
          const chinese = changedParagraph(markup, 'Li Wei', '自然月');
          const [place] = chinese.cells;
          expect(place).toMatchObject({ cell: 1 });
          const beside = markup.paragraphs.filter((p) => p.cells[0]?.table === place!.table && p.cells[0]?.row === place!.row && p.cells[0]?.cell === 0);
          expect(beside.map((p) => p.sent).join(' ')).toContain('in respect of one calendar month');
          expect(chinese.sent).toContain('是指客户就一个自然月的服务应支付的费用');
          expect(chinese.proposed).toContain('是指客户就一个公历月的服务应支付的费用');
          expect(coveredText(chinese)).toEqual([
            { kind: 'deletion', author: 'Li Wei', sent: '自然月', proposed: '' },
            { kind: 'insertion', author: 'Li Wei', sent: '', proposed: '公历月' },
          ]);
        }
      }
    },
    240_000,
  );
});
