/**
 * ReportDocument → .docx: the monthly service level report as the Word file
 * a provider sends the customer, in English, in Chinese, or both side by side.
 *
 * It is set in the contract's style, from the contract writer's own parts:
 * the page and fonts of typography.ts (Latin and East Asian font per slot),
 * the font table, the ruled data tables of tables.ts (header row
 * repeated on each page, rows never split, figures kept on one line), the
 * side-by-side layout of a bilingual contract ("English | 中文", data tables
 * across both columns with both languages in each cell) and the "Page X of
 * Y" footer with PAGE and NUMPAGES fields.
 *
 * The nine-column results and the incidents tables are set on landscape
 * pages (a section of their own, same header and footer): in portrait a
 * Chinese or bilingual cell wraps mid-figure. The short list of data sources
 * that follows them stays on the turned page rather than open a page of its own.
 *
 * Unlike a contract it has no cover page: the title block opens the first
 * page, and the running header (the report's title) starts on the second.
 * What the report says comes whole from the ReportDocument; this file only
 * decides how it looks.
 */
import {
  AlignmentType,
  Document,
  Header,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type { Run, Table as TableBlock } from '../../src-shared/contract/doc';
import type { Locale } from '../../src-shared/i18n';
import type { ReportBlock, ReportDocument, ReportFacts } from '../../src-shared/monitoring/report-document';
import { header, pagedFooter } from './header-footer';
import { afterTable, runsOf, xmlSafe } from './runs';
import { bilingualTable, columnMinimums, dataTable, RULES, sideBySideRow, sideBySideTable, singleLanguageTable, type DataTable } from './tables';
import { fontTableXml } from './font-table';
import {
  BILINGUAL_LAYOUT,
  COLOURS,
  contractNumbering,
  numberingReference,
  PAGE,
  REPORT_STYLE,
  reportStyles,
  SINGLE_LAYOUT,
  STYLE,
  TABLE_CELL_MARGIN,
  TABLE_CELL_PADDING_Y,
  type PageLayout,
  type StyleVariant,
} from './typography';

export type ReportLanguage = Locale | 'bilingual';
export const REPORT_LANGUAGES = ['en', 'zh-CN', 'bilingual'] as const satisfies readonly ReportLanguage[];

/** What to write: one language, or the English and Chinese reports of the same month, built from the same MonthlyReport. */
export type ReportDocxSource = { language: Locale; doc: ReportDocument } | { language: 'bilingual'; en: ReportDocument; zh: ReportDocument };

/** The English and Chinese reports do not have the same blocks: a bug in building them, never the user's doing. */
export class MisalignedReportError extends Error {
  constructor(where: string) {
    super(`The English and Chinese reports differ in structure at ${where}.`);
    this.name = 'MisalignedReportError';
  }
}

type BodyElement = Paragraph | Table;

const plain = (text: string): Run[] => [{ text }];

/** Label and value columns of a facts table, in twelfths of its width. */
const FACT_WIDTHS = [4, 8];

/** Facts as a table block, so the contract's single-language and bilingual cell logic applies to them too. */
function factsBlock(facts: ReportFacts): TableBlock {
  return {
    kind: 'table',
    tableKind: 'generic',
    widths: FACT_WIDTHS,
    align: ['left', 'left'],
    header: [],
    rows: facts.items.map((item) => ({ id: item.id, cells: [{ runs: plain(item.label) }, { runs: plain(item.value) }] })),
  };
}

const NBSP = '\u00a0';

/**
 * A number and the unit after it ("15 minutes", "7×24 小时", "300 ms"), joined
 * by a no-break space so a line never ends between them. The formatters'
 * own percentages come joined already; durations, coverage hours and a
 * custom metric's unit ("99 % of jobs") do not.
 */
const NUMBER_THEN_UNIT = /(\d) (?=(?:%|‰|ms|s|sec|seconds?|min|minutes?|h|hrs?|hours?|days?|weeks?|months?|毫秒|秒|分钟|小时|天|周|个月)(?![A-Za-z]))/g;

export function joinNumberAndUnit(text: string): string {
  return text.replace(NUMBER_THEN_UNIT, `$1${NBSP}`);
}

/**
 * The table with its number-and-unit pairs joined in the columns that may
 * wrap (target, tier, metric). Right-aligned figure columns are not touched:
 * the data table already sizes them so that a figure fits on one line.
 */
function withUnitsJoined(table: TableBlock): TableBlock {
  return {
    ...table,
    rows: table.rows.map((row) => ({
      ...row,
      cells: row.cells.map((cell, column) =>
        table.align[column] === 'right' ? cell : { ...cell, runs: cell.runs.map((run) => ({ ...run, text: joinNumberAndUnit(run.text) })) },
      ),
    })),
  };
}

/**
 * Label and value pairs ("Claim deadline | 29 January 2028"): the contract's
 * thin rules, the label column shaded like a table header. There is no
 * header row, so a long list may break between any two rows, never inside one.
 */
function factsTable(table: DataTable, width: number): Table {
  const labelWidth = Math.round((width * FACT_WIDTHS[0]!) / (FACT_WIDTHS[0]! + FACT_WIDTHS[1]!));
  const widths = [labelWidth, width - labelWidth];
  const rows = table.rows.map(
    (row, index) =>
      new TableRow({
        cantSplit: true,
        children: widths.map(
          (columnWidth, column) =>
            new TableCell({
              width: { size: columnWidth, type: WidthType.DXA },
              verticalAlign: VerticalAlignTable.TOP,
              ...(column === 0 ? { shading: { type: 'clear', color: 'auto', fill: COLOURS.tableHeaderFill } } : {}),
              children: (row.cells[column] ?? [{ runs: [] }]).map(
                (paragraph) =>
                  new Paragraph({
                    style: column === 0 ? REPORT_STYLE.factLabel : STYLE.tableText,
                    // A short list of facts reads as one block: keep it on one page where it fits.
                    keepNext: index < table.rows.length - 1 || undefined,
                    children: runsOf(paragraph.runs),
                  }),
              ),
            }),
        ),
      }),
  );
  // Not in the data tables' table style: its header-row formatting would make the first fact bold
  // (LibreOffice applies it whatever w:tblLook says), so the style's rules and padding are given here.
  return new Table({
    rows,
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: RULES,
    margins: { top: TABLE_CELL_PADDING_Y, bottom: TABLE_CELL_PADDING_Y, left: TABLE_CELL_MARGIN, right: TABLE_CELL_MARGIN },
  });
}

/** Title, then subtitle(s): in a bilingual report each title in its language, the agreement's title once when both read the same. */
function titleBlock(docs: readonly ReportDocument[]): Paragraph[] {
  const titles = docs.map((doc) => new Paragraph({ style: 'Title', children: runsOf(plain(doc.title)) }));
  const subtitles = [...new Set(docs.map((doc) => doc.subtitle))].filter((subtitle) => subtitle.trim() !== '');
  return [...titles, ...subtitles.map((subtitle) => new Paragraph({ style: REPORT_STYLE.subtitle, children: runsOf(plain(subtitle)) }))];
}

/** "Heading 1" for a part (summary, results, incidents), "Heading 2" for a service: the title is the document's only level 1. */
function headingStyle(level: 1 | 2 | 3): string {
  return level === 3 ? 'Heading2' : 'Heading1';
}

/** Does this block introduce the one after it (a heading, a caption), so the two must stay on one page? */
function introduces(block: ReportBlock, next: ReportBlock | undefined): boolean {
  if (next === undefined) return false;
  if (block.kind === 'heading') return true;
  // The bold caption over an incidents table.
  return block.kind === 'paragraph' && next.kind === 'table' && block.runs.every((run) => run.bold);
}

class LanguageParagraphs {
  private lists = 0;

  constructor(
    readonly language: Locale,
    private readonly page: PageLayout,
  ) {}

  heading(level: 1 | 2 | 3, text: string): Paragraph {
    return new Paragraph({ style: headingStyle(level), children: runsOf(plain(text)), keepNext: true, keepLines: true });
  }

  paragraph(runs: readonly Run[], keepNext: boolean): Paragraph {
    return new Paragraph({ style: STYLE.body, children: runsOf(runs), keepNext: keepNext || undefined });
  }

  /** Bullets of one list; each list is its own numbering instance. */
  list(items: readonly Run[][], keepNext: boolean): Paragraph[] {
    const instance = ++this.lists;
    return items.map(
      (item, index) =>
        new Paragraph({
          style: STYLE.listItem,
          // Left-aligned: a file's SHA-256 is one long word, and justifying the line before it opens wide gaps.
          alignment: AlignmentType.LEFT,
          children: runsOf(item),
          numbering: { reference: numberingReference('bullet', this.language), level: 0, instance },
          indent: { left: this.page.listIndent, hanging: this.page.listIndent },
          keepNext: (keepNext && index === items.length - 1) || undefined,
        }),
    );
  }
}

// ── One language ────────────────────────────────────────────────────────────

/**
 * The part's data tables by block index, each told the room the widest
 * entries of its kind need (tables of the same header: the results of each
 * service, the incidents of each metric), so that on the page they line up
 * column for column instead of each fitting its own words.
 */
function alignedTables(tables: ReadonlyMap<number, DataTable>, variant: StyleVariant): Map<number, DataTable> {
  const kindOf = (table: DataTable) =>
    table.header.map((row) => row.cells.map((cell) => cell.map((paragraph) => paragraph.runs.map((run) => run.text).join('')).join('\n')).join('|')).join('\n');
  // The widest of each kind covers each table's own words, so dataTable need not measure them again.
  const widest = new Map<string, number[]>();
  for (const table of tables.values()) {
    const kind = kindOf(table);
    const own = columnMinimums(table, variant);
    widest.set(
      kind,
      own.map((value, column) => Math.max(value, widest.get(kind)?.[column] ?? 0)),
    );
  }
  return new Map([...tables].map(([index, table]) => [index, { ...table, minimum: widest.get(kindOf(table))! }]));
}

/** The data tables among blocks [from, to), made by `make`, lined up with their siblings. */
function partTables(
  blocks: readonly ReportBlock[],
  part: ReportPart,
  variant: StyleVariant,
  make: (block: Extract<ReportBlock, { kind: 'table' }>, index: number) => DataTable,
): Map<number, DataTable> {
  const tables = new Map<number, DataTable>();
  for (let index = part.from; index < part.to; index++) {
    const block = blocks[index]!;
    if (block.kind === 'table') tables.set(index, make(block, index));
  }
  return alignedTables(tables, variant);
}

function singleLanguageBody(doc: ReportDocument, part: ReportPart, writer: LanguageParagraphs, variant: StyleVariant): BodyElement[] {
  const { page } = part;
  const out: BodyElement[] = part.from === 0 ? [...titleBlock([doc])] : [];
  const tables = partTables(doc.blocks, part, variant, (block) => singleLanguageTable(withUnitsJoined(block)));
  doc.blocks.slice(part.from, part.to).forEach((block, offset) => {
    const keepNext = introduces(block, part.from + offset + 1 < part.to ? doc.blocks[part.from + offset + 1] : undefined);
    switch (block.kind) {
      case 'heading':
        out.push(writer.heading(block.level, block.text));
        break;
      case 'paragraph':
        out.push(writer.paragraph(block.runs, keepNext));
        break;
      case 'list':
        out.push(...writer.list(block.items, keepNext));
        break;
      case 'facts':
        out.push(factsTable(singleLanguageTable(factsBlock(block)), page.textWidth), afterTable());
        break;
      case 'table':
        out.push(dataTable(tables.get(part.from + offset)!, page.textWidth, 0, variant), afterTable());
        break;
    }
  });
  return out;
}

// ── Bilingual ───────────────────────────────────────────────────────────────

type Piece = { kind: 'row'; en: Paragraph[]; zh: Paragraph[]; keepNext: boolean } | { kind: 'fullWidth'; element: Table | Paragraph };

/** A heading in both languages, the Chinese on a second line; once where both read the same (a service's name). */
function bothLanguages(en: string, zh: string): string {
  return en === zh || zh.trim() === '' ? en : `${en}\n${zh}`;
}

/**
 * English and Chinese side by side, as in a bilingual contract: paragraphs
 * and list items in the two columns of a borderless table, the facts and
 * data tables across both columns with both languages in each cell.
 * Headings and table captions span both columns too, English above
 * Chinese: set inside a layout table they would not stay with the table
 * they introduce.
 */
function bilingualBody(en: ReportDocument, zh: ReportDocument, part: ReportPart, enWriter: LanguageParagraphs, zhWriter: LanguageParagraphs): BodyElement[] {
  const { page } = part;
  const columnWidth = Math.floor(page.textWidth / 2);
  const pieces: Piece[] = [];
  const row = (enParagraphs: Paragraph[], zhParagraphs: Paragraph[], keepNext: boolean) =>
    pieces.push({ kind: 'row', en: enParagraphs, zh: zhParagraphs, keepNext });
  const tables = partTables(en.blocks, part, 'bilingual', (block, index) =>
    bilingualTable(withUnitsJoined(block), withUnitsJoined(zh.blocks[index] as typeof block)),
  );

  en.blocks.slice(part.from, part.to).forEach((enBlock, offset) => {
    const index = part.from + offset;
    const zhBlock = zh.blocks[index]!;
    const shapeOf = (block: ReportBlock) =>
      block.kind === 'table'
        ? `table:${block.rows.length}x${block.widths.length}`
        : block.kind === 'facts'
          ? `facts:${block.items.length}`
          : block.kind === 'list'
            ? `list:${block.items.length}`
            : block.kind;
    if (shapeOf(enBlock) !== shapeOf(zhBlock)) throw new MisalignedReportError(`block ${index + 1}`);
    const keepNext = introduces(enBlock, index + 1 < part.to ? en.blocks[index + 1] : undefined);
    switch (enBlock.kind) {
      case 'heading':
        pieces.push({ kind: 'fullWidth', element: enWriter.heading(enBlock.level, bothLanguages(enBlock.text, (zhBlock as typeof enBlock).text)) });
        break;
      case 'paragraph': {
        const zhRuns = (zhBlock as typeof enBlock).runs;
        // A caption stays with its table only outside a layout table: "keep with next" ends at a table's last row.
        if (keepNext) pieces.push({ kind: 'fullWidth', element: enWriter.paragraph([...enBlock.runs, { text: '\n' }, ...zhRuns], true) });
        else row([enWriter.paragraph(enBlock.runs, false)], [zhWriter.paragraph(zhRuns, false)], false);
        break;
      }
      case 'list': {
        const enItems = enWriter.list(enBlock.items, keepNext);
        const zhItems = zhWriter.list((zhBlock as typeof enBlock).items, keepNext);
        enItems.forEach((item, k) => row([item], [zhItems[k]!], keepNext && k === enItems.length - 1));
        break;
      }
      case 'facts':
        pieces.push({ kind: 'fullWidth', element: factsTable(bilingualTable(factsBlock(enBlock), factsBlock(zhBlock as typeof enBlock)), columnWidth * 2) });
        break;
      case 'table':
        pieces.push({ kind: 'fullWidth', element: dataTable(tables.get(index)!, columnWidth * 2, 0, 'bilingual') });
        break;
    }
  });

  const out: BodyElement[] = part.from === 0 ? [...titleBlock([en, zh])] : [];
  let rows: Array<Extract<Piece, { kind: 'row' }>> = [];
  const flushRows = () => {
    if (rows.length === 0) return;
    // Without the contract's "English | 中文" row: between the report's many full-width tables the runs
    // of side-by-side text are a heading or two, and the label would stand over each of them.
    const table = sideBySideTable(
      rows.map((piece) => sideBySideRow(piece.en, piece.zh, columnWidth)),
      columnWidth,
    );
    out.push(table, afterTable(rows[rows.length - 1]!.keepNext));
    rows = [];
  };
  for (const piece of pieces) {
    if (piece.kind === 'row') {
      rows.push(piece);
      continue;
    }
    flushRows();
    out.push(piece.element);
    if (piece.element instanceof Table) out.push(afterTable());
  }
  flushRows();
  return out;
}

// ── Document ────────────────────────────────────────────────────────────────

/**
 * A table with this many columns or more (the results and the incidents) is
 * set on a landscape page: in portrait its columns are too narrow for a
 * target such as "99.95%（7×24 小时）" or a Chinese tier, let alone both
 * languages of a bilingual report.
 */
export const LANDSCAPE_MIN_COLUMNS = 6;

/** The same margins turned with the page, so the tables get the A4 height as their line length. */
export function landscapeLayout(page: PageLayout): PageLayout {
  return { ...page, textWidth: PAGE.height - page.margin.left - page.margin.right };
}

/** A run of blocks [from, to) set as one section on a page of its own orientation. */
export interface ReportPart {
  from: number;
  to: number;
  page: PageLayout;
  landscape: boolean;
}

/**
 * The report's parts: portrait up to the part ("Results by service and
 * metric") that holds the first wide table, landscape from there to the end
 * (the incidents, then the few lines naming the data sources, which would
 * otherwise take a nearly empty upright page of their own). The turn comes
 * at a part heading, so a heading is never parted from what it introduces.
 */
export function reportParts(blocks: readonly ReportBlock[], page: PageLayout): ReportPart[] {
  const firstWide = blocks.findIndex((block) => block.kind === 'table' && block.widths.length >= LANDSCAPE_MIN_COLUMNS);
  if (firstWide < 0) return [{ from: 0, to: blocks.length, page, landscape: false }];
  const partHeading = (block: ReportBlock | undefined) => block?.kind === 'heading' && block.level <= 2;
  let from = firstWide;
  while (from > 0 && !partHeading(blocks[from])) from--;
  const turned: ReportPart = { from, to: blocks.length, page: landscapeLayout(page), landscape: true };
  return from > 0 ? [{ from: 0, to: from, page, landscape: false }, turned] : [turned];
}

function section(docs: readonly ReportDocument[], part: ReportPart, first: boolean, body: BodyElement[]): ISectionOptions {
  const { page } = part;
  const footer = () =>
    pagedFooter(
      docs[0]!.footer,
      docs.map((doc) => doc.pageOf),
      page,
    );
  return {
    properties: {
      // The first page carries the title block instead of the running header; every page has the footer.
      titlePage: first,
      page: {
        // docx swaps width and height itself for a landscape page.
        size: { width: PAGE.width, height: PAGE.height, orientation: part.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: page.margin,
      },
    },
    headers: {
      default: header(docs.map((doc) => doc.title).join(' / ')),
      ...(first ? { first: new Header({ children: [new Paragraph({ children: [] })] }) } : {}),
    },
    footers: { default: footer(), ...(first ? { first: footer() } : {}) },
    children: body,
  };
}

/** Title, author (the provider, who sends the report), subject (the agreement), description, keywords. */
export function reportProperties(docs: readonly ReportDocument[]): { title: string; subject: string; creator: string; description: string; keywords: string } {
  const first = docs[0]!;
  const provider = first.provider.trim();
  const customer = first.customer.trim();
  return {
    title: xmlSafe(docs.map((doc) => doc.title).join(' / ')),
    subject: xmlSafe(first.subtitle),
    creator: xmlSafe(provider === '' ? 'SLA Studio' : provider),
    description: xmlSafe([[provider, customer].filter((name) => name !== '').join(' – '), first.month, first.footer].filter((part) => part !== '').join('; ')),
    keywords: ['SLA', 'service level report', first.month, ...docs.map((doc) => doc.language)].join(', '),
  };
}

/** The docx Document of a report, before packing. */
export function buildReportDocument(source: ReportDocxSource): Document {
  const bilingual = source.language === 'bilingual';
  const docs = source.language === 'bilingual' ? [source.en, source.zh] : [source.doc];
  const page = bilingual ? BILINGUAL_LAYOUT : SINGLE_LAYOUT;
  const variant: StyleVariant = bilingual ? 'bilingual' : source.language === 'en' ? 'single-en' : 'single-zh';
  if (source.language === 'bilingual' && source.en.blocks.length !== source.zh.blocks.length) throw new MisalignedReportError('the number of blocks');
  const writers = docs.map((doc) => new LanguageParagraphs(doc.language, page));
  const parts = reportParts(docs[0]!.blocks, page);
  const bodyOf = (part: ReportPart) =>
    source.language === 'bilingual'
      ? bilingualBody(source.en, source.zh, part, writers[0]!, writers[1]!)
      : singleLanguageBody(source.doc, part, writers[0]!, variant);
  return new Document({
    ...reportProperties(docs),
    lastModifiedBy: 'SLA Studio',
    ...reportStyles(variant),
    numbering: contractNumbering(
      page,
      docs.map((doc) => doc.language),
    ),
    sections: parts.map((part, index) => section(docs, part, index === 0, bodyOf(part))),
  });
}

/** The report as .docx bytes. */
export async function renderReportDocx(source: ReportDocxSource): Promise<Uint8Array> {
  const buffer = await Packer.toBuffer(buildReportDocument(source), false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
