/**
 * ContractDoc → .docx: the contract as a Word file a lawyer can send for
 * signature, in one language or in both side by side.
 *
 * The document is built from styles (typography.ts), not direct formatting,
 * so it stays editable the way Word users expect: clause headings are
 * Heading 1–3 with real multilevel numbering (1. / 1.1 / 1.1.1), each
 * enumeration is its own numbering instance so that it restarts at (a), and
 * the data tables repeat their header row on each page and never split a row.
 * The cover page has no header or footer (a distinct first page); every
 * other page carries the title above and "Page X of Y" (PAGE and NUMPAGES
 * fields) below.
 *
 * Cross-references ("Clause 9.2") are written as plain text with the number
 * the assembly computed: a REF field to a numbered heading would print the
 * heading's own "9." with its full stop, and would make Word ask to update
 * fields on every opening. The page fields in the footer need no such
 * prompt: Word and LibreOffice recompute them whenever they lay out pages.
 *
 * The same writer sets a redline (redline-docx.ts): given a merged
 * ContractDoc and its Revisions, the runs, paragraph marks and table rows
 * the marks name become Word tracked changes; with none, nothing differs.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  LeaderType,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from 'docx';
import {
  blockShape,
  type Clause,
  type ContractDoc,
  type ContractLanguage,
  type CoverLine,
  type ListStyle,
  type Run,
  type SignatureBlock,
  type Table as TableBlock,
} from '../../src-shared/contract/doc';
import { attachDraftPart } from './draft-part';
import { fontTableXml } from './font-table';
import { inVersion, sideText, trackedTextRun, wholeSide, type MarkOptions, type RevisionKind, type Revisions, type VersionSide } from './revisions';
import { fitColumnWidths, lineTwips, longestWordTwips } from './table-widths';
import {
  BILINGUAL_LAYOUT,
  clauseTextIndent,
  COLOURS,
  contractNumbering,
  contractStyles,
  HEADING_STYLES,
  numberingReference,
  PAGE,
  SINGLE_LAYOUT,
  STYLE,
  TABLE_CELL_MARGIN,
  tableTextSize,
  type PageLayout,
  type StyleVariant,
} from './typography';

export type ExportLanguage = ContractLanguage | 'bilingual';
export const EXPORT_LANGUAGES = ['en', 'zh-CN', 'bilingual'] as const satisfies readonly ExportLanguage[];

/** What to write: one language, or the aligned pair of assembleBilingual. */
export type ContractSource =
  | { language: ContractLanguage; doc: ContractDoc }
  | { language: 'bilingual'; en: ContractDoc; zh: ContractDoc };

export interface ContractDocxOptions {
  /** The `*.sla.json` text the contract was made from (writeDraftFile), embedded as a custom XML part. */
  draftJson: string;
  /** Write a redline: the source is the merged contract and these are its tracked changes. */
  redline?: RedlineMarks;
}

/** The two halves of a bilingual pair do not align: a template or assembly bug, never the user's doing. */
export class MisalignedContractError extends Error {
  constructor(where: string) {
    super(`The English and Chinese contracts differ in structure at ${where}.`);
    this.name = 'MisalignedContractError';
  }
}

type BodyElement = Paragraph | Table;

// ── Runs ────────────────────────────────────────────────────────────────────

/**
 * XML 1.0 cannot carry most control characters nor U+FFFE / U+FFFF; one
 * pasted into a draft field must not make the file unreadable. (The docx
 * library drops the control characters itself, but not the other two.)
 */
export function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

type TextChild = ReturnType<typeof trackedTextRun>;

/**
 * Text runs for one Run: line breaks typed in a draft field become Word
 * line breaks. In a redline, a run marked inserted or deleted becomes a
 * tracked change (w:ins, or w:del with its text in w:delText).
 */
function textRuns(run: Run, forceBold = false, revisions: Revisions | null = null): TextChild[] {
  const look = {
    bold: run.bold || forceBold ? true : undefined,
    italics: run.italic ? true : undefined,
    // A blank "[●]" is a gap someone must fill before signing: marked as lawyers mark it.
    highlight: run.blank ? COLOURS.blankHighlight : undefined,
  };
  const kind = revisions?.of(run);
  return xmlSafe(run.text)
    .split(/\r\n|\r|\n/)
    .map((line, i) => trackedTextRun({ text: line, break: i > 0 ? 1 : undefined, ...look }, kind, revisions));
}

export function runsOf(runs: readonly Run[], forceBold = false, revisions: Revisions | null = null): TextChild[] {
  return runs.flatMap((run) => textRuns(run, forceBold, revisions));
}

const plain = (text: string): Run[] => [{ text }];

/**
 * An empty paragraph that starts a new page, for when a table must start
 * it (Word ignores "page break before" inside tables); set in a hairline so
 * it leaves no visible gap at the top of the page.
 */
function pageBreak(): Paragraph {
  return new Paragraph({ pageBreakBefore: true, spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT }, run: { size: 2 }, children: [] });
}

/**
 * The paragraph after every table: a little space before the text that
 * follows, and a separator without which Word and LibreOffice join two
 * adjacent tables into one (losing the second one's repeated header row).
 */
export function afterTable(keepNext = false, mark?: MarkOptions): Paragraph {
  return new Paragraph({
    spacing: { before: 0, after: 0, line: 160, lineRule: LineRuleType.EXACT },
    // A tracked paragraph mark leaves out the small size: the schema puts w:ins / w:del before any run property, the docx library after them (the exact line height keeps the gap small anyway).
    run: mark ?? { size: 4 },
    keepNext: keepNext || undefined,
    children: [],
  });
}

// ── Tables ──────────────────────────────────────────────────────────────────

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
export const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };
const RULE = { style: BorderStyle.SINGLE, size: 4, color: COLOURS.rule } as const;
export const RULES = { top: RULE, bottom: RULE, left: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE };
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** One paragraph of a cell; in a redline, its paragraph mark may be a tracked change of its own. */
interface CellParagraph {
  runs: readonly Run[];
  mark?: RevisionKind;
}

/** A cell's content: one paragraph per language (English above Chinese in a bilingual table). */
type CellText = CellParagraph[];

interface DataRow {
  cells: CellText[];
  /** The row of the ContractDoc, whose mark (in a redline) makes the whole row inserted or deleted. */
  node?: object;
}

export interface DataTable {
  widths: readonly number[];
  align: TableBlock['align'];
  header: DataRow[];
  rows: DataRow[];
  /**
   * Room each column needs, in twips, when given from outside: the widest
   * of a set of sibling tables, so they set their columns alike. Without it
   * the table's own words decide (columnMinimums).
   */
  minimum?: readonly number[];
}

export function singleLanguageTable(table: TableBlock): DataTable {
  const row = (source: TableBlock['rows'][number]): DataRow => ({ cells: source.cells.map((cell) => [{ runs: cell.runs }]), node: source });
  return { widths: table.widths, align: table.align, header: table.header.map(row), rows: table.rows.map(row) };
}

/**
 * Both languages in each cell, the English first; once where both read the
 * same ("P1", "99.95 %"). In a redline a cell may read the same in one
 * version only: then the Chinese paragraph, and the English paragraph's
 * mark that separates it, are a tracked insertion or deletion of their own.
 */
export function bilingualTable(en: TableBlock, zh: TableBlock, revisions: Revisions | null = null): DataTable {
  const text = (runs: readonly Run[]) => runs.map((run) => run.text).join('');
  const sameText = (enText: string, zhText: string) => zhText === '' || zhText === enText;
  const pair = (enRow: TableBlock['rows'][number], zhRow: TableBlock['rows'][number] | undefined): DataRow => ({
    node: enRow,
    cells: enRow.cells.map((cell, c): CellText => {
      const other = zhRow?.cells[c]?.runs ?? [];
      if (revisions === null) return sameText(text(other), text(cell.runs)) ? [{ runs: cell.runs }] : [{ runs: cell.runs }, { runs: other }];
      const onceInOld = sameText(sideText(other, 'old', revisions), sideText(cell.runs, 'old', revisions));
      const onceInNew = sameText(sideText(other, 'new', revisions), sideText(cell.runs, 'new', revisions));
      if (onceInOld && onceInNew) return [{ runs: cell.runs }];
      if (!onceInOld && !onceInNew) return [{ runs: cell.runs }, { runs: other }];
      const kind: RevisionKind = onceInOld ? 'inserted' : 'deleted';
      return [{ runs: cell.runs, mark: kind }, { runs: wholeSide(other, kind, revisions) }];
    }),
  });
  return {
    widths: en.widths,
    align: en.align,
    header: en.header.map((row, r) => pair(row, zh.header[r])),
    rows: en.rows.map((row, r) => pair(row, zh.rows[r])),
  };
}

/**
 * Twips each column of a data table needs: room for its longest word;
 * figures in right-aligned columns ("USD 12,750.00") stay on one line,
 * words there ("No data") may wrap.
 */
export function columnMinimums(table: DataTable, variant: StyleVariant): number[] {
  const size = tableTextSize(variant);
  return table.widths.map((_, column) => {
    const figures = table.align[column] === 'right';
    let widest = 0;
    for (const [rows, header] of [[table.header, true], [table.rows, false]] as const) {
      for (const row of rows) {
        for (const { runs } of row.cells[column] ?? []) {
          const text = runs.map((run) => run.text).join('');
          widest = Math.max(widest, figures && !header && /\d/.test(text) ? lineTwips(text, size, false) : longestWordTwips(text, size, header));
        }
      }
    }
    return widest + 2 * TABLE_CELL_MARGIN + 20;
  });
}

/**
 * A data table (targets, severities, credit tiers…): thin rules, a shaded
 * header row repeated on each page, rows that never split, and the header
 * kept with the first row so a table never starts with a lonely header.
 */
export function dataTable(table: DataTable, width: number, indent: number, variant: StyleVariant, revisions: Revisions | null = null): Table {
  const minimum = table.minimum ?? columnMinimums(table, variant);
  const widths = fitColumnWidths(table.widths, minimum, width);
  const row = ({ cells, node }: DataRow, header: boolean, keepNext: boolean) =>
    new TableRow({
      tableHeader: header || undefined,
      cantSplit: true,
      ...revisions?.paragraphMark(node),
      children: widths.map(
        (columnWidth, column) =>
          new TableCell({
            width: { size: columnWidth, type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.TOP,
            ...(header ? { shading: { type: 'clear', color: 'auto', fill: COLOURS.tableHeaderFill } } : {}),
            // A cell always has a paragraph: Word refuses a file with an empty cell.
            children: (cells[column] ?? [{ runs: [] }]).map(
              (paragraph) =>
                new Paragraph({
                  style: STYLE.tableText,
                  alignment: header ? AlignmentType.LEFT : ALIGN[table.align[column] ?? 'left'],
                  keepNext: keepNext || undefined,
                  ...(paragraph.mark && revisions ? { run: revisions.markOf(paragraph.mark) } : {}),
                  children: runsOf(paragraph.runs, header, revisions),
                }),
            ),
          }),
      ),
    });
  return new Table({
    style: STYLE.table,
    rows: [
      ...table.header.map((cells) => row(cells, true, true)),
      ...table.rows.map((cells, i) => row(cells, false, i === 0 && table.rows.length > 1)),
    ],
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    indent: { size: indent, type: WidthType.DXA },
    borders: RULES,
  });
}

// ── Signatures ──────────────────────────────────────────────────────────────

interface SignatureLabels {
  signature: string;
  name: string;
  title: string;
  date: string;
  seal: string | null;
}

/**
 * The lines one party signs on, one entry per line so that both parties'
 * lines sit side by side: its heading (the company), the seal line in
 * Chinese contracts with room for the stamp, then signature, name, title
 * and date — a ruled line where a person writes, the name and title as the
 * draft gives them.
 */
function signatureLines(
  party: SignatureBlock['parties'][number],
  headings: readonly Run[][],
  labels: SignatureLabels,
  lineEnd: number,
  revisions: Revisions | null = null,
): Paragraph[][] {
  const leader = [{ type: TabStopType.RIGHT, position: lineEnd, leader: LeaderType.UNDERSCORE }];
  const ruled = (label: string, before?: number) =>
    new Paragraph({
      style: STYLE.signature,
      tabStops: leader,
      children: [new TextRun(`${label} `), new TextRun('\t')],
      ...(before !== undefined ? { spacing: { before } } : {}),
    });
  const filled = (label: string, field: 'signatoryName' | 'signatoryTitle') => {
    // In a redline: the value's changed words, where a ruled line ("\t") stands for a value one version leaves blank.
    const revised = revisions?.textOf(party, field);
    if (revised) return new Paragraph({ style: STYLE.signature, tabStops: leader, children: [new TextRun(`${label} `), ...runsOf(revised, false, revisions)] });
    const value = party[field];
    return value.trim() === '' ? ruled(label) : new Paragraph({ style: STYLE.signature, children: [new TextRun(`${label} `), ...textRuns({ text: value })] });
  };
  const lines: Paragraph[][] = [
    headings.map(
      (runs, i) =>
        new Paragraph({ style: STYLE.signature, children: runsOf(roleLabelOnOwnLine(runs), false, revisions), spacing: i < headings.length - 1 ? { after: 40 } : undefined }),
    ),
  ];
  // A company seal is a stamp about 4 cm across: the seal line leaves it room.
  if (labels.seal !== null) lines.push([new Paragraph({ style: STYLE.signature, children: [new TextRun(labels.seal)], spacing: { before: 120, after: 0 } })]);
  // Room above the line for a handwritten signature.
  const signatureRoom = labels.seal !== null ? 1_200 : 840;
  // A long label ("法定代表人或授权代表（签字）：") would leave a stub of a line to sign on: the label gets a
  // line of its own and the signature a full-width rule under it, with room to write.
  const signatureLine = labelWidth(labels.signature) > LONG_SIGNATURE_LABEL
    ? [
        new Paragraph({ style: STYLE.signature, children: [new TextRun(labels.signature)], spacing: { before: signatureRoom, after: 0 } }),
        new Paragraph({ style: STYLE.signature, tabStops: leader, children: [new TextRun('\t')], spacing: { before: 480 } }),
      ]
    : [ruled(labels.signature, signatureRoom)];
  lines.push(signatureLine, [filled(labels.name, 'signatoryName')], [filled(labels.title, 'signatoryTitle')], [ruled(labels.date)]);
  return lines;
}

/**
 * "服务提供方：" on a line of its own above the company's name: in half the
 * page's width a long Chinese name after the label would wrap anywhere, even
 * leaving its last character alone on the next line.
 */
function roleLabelOnOwnLine(runs: readonly Run[]): Run[] {
  const label = runs.findIndex((run, i) => run.text.endsWith('：') && runs.slice(i + 1).some((next) => next.text.trim() !== ''));
  if (label < 0) return [...runs];
  return runs.map((run, i) => (i === label ? { ...run, text: `${run.text}\n` } : run));
}

const SIGNATURE_GAP = 680;

/**
 * Both parties side by side, line by line, in a table with no visible grid:
 * rows that never split, each kept with the next, so the block stays on one page.
 */
function signatureTable(parties: readonly Paragraph[][][], width: number, rowMark: () => MarkOptions | undefined = () => undefined): Table {
  const cellWidth = Math.floor((width - SIGNATURE_GAP) / 2);
  const widths = [cellWidth, SIGNATURE_GAP, width - SIGNATURE_GAP - cellWidth];
  const lineCount = Math.max(...parties.map((lines) => lines.length));
  const cell = (children: Paragraph[] | undefined, w: number) =>
    new TableCell({ width: { size: w, type: WidthType.DXA }, children: children && children.length > 0 ? children : [new Paragraph({ style: STYLE.signature, children: [] })] });
  const rows = Array.from({ length: lineCount }, (_, line) =>
    new TableRow({ cantSplit: true, ...rowMark(), children: [cell(parties[0]?.[line], widths[0]!), cell(undefined, widths[1]!), cell(parties[1]?.[line], widths[2]!)] }),
  );
  return new Table({
    rows,
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
  });
}

/** In half-width characters: beyond this a signature label leaves too short a line to sign on. */
const LONG_SIGNATURE_LABEL = 16;

/** The width of a label in half-width characters: a CJK character or full-width punctuation counts two. */
function labelWidth(label: string): number {
  let width = 0;
  for (const char of label) width += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u.test(char) ? 2 : 1;
  return width;
}

/** Where a party's ruled lines end, inside its cell. */
function signatureLineEnd(width: number): number {
  return Math.floor((width - SIGNATURE_GAP) / 2) - 60;
}

/** "Signature:" / "法定代表人或授权代表（签字）：". */
function labelled(label: string, language: ContractLanguage): string {
  return language === 'en' ? `${label}:` : `${label}：`;
}

// ── One language's paragraphs ───────────────────────────────────────────────

/**
 * Makes the paragraphs of one language. Each language has its own
 * numbering definitions and counts its own list instances, so that in a
 * bilingual document each column numbers 1, 2, 3 and (a), (b) by itself.
 */
class LanguageWriter {
  private listInstances = 0;

  constructor(
    readonly language: ContractLanguage,
    private readonly page: PageLayout,
    /** A redline's tracked changes; null for a contract. */
    readonly revisions: Revisions | null = null,
  ) {}

  /** The paragraph mark's tracked change, for a paragraph made from a node a redline marked as a whole. */
  private mark(node: object | undefined): { run?: MarkOptions } {
    const mark = this.revisions?.paragraphMark(node);
    return mark ? { run: mark } : {};
  }

  private clauseNumbering(depth: number) {
    return { reference: numberingReference('clauses', this.language), level: Math.min(depth, 2), instance: 0 };
  }

  /** The clause heading, numbered when the clause is: Heading 1 for "4.", Heading 2 for "4.2", Heading 3 below. */
  heading(clause: Clause, depth: number, pageBreakBefore = false): Paragraph {
    return new Paragraph({
      style: HEADING_STYLES[Math.min(depth, 2)],
      children: runsOf(this.revisions?.textOf(clause, 'title') ?? plain(clause.title ?? ''), false, this.revisions),
      keepNext: true,
      keepLines: true,
      pageBreakBefore: pageBreakBefore || undefined,
      ...(clause.number.length > 0 ? { numbering: this.clauseNumbering(depth) } : {}),
      ...this.mark(clause),
    });
  }

  /**
   * A paragraph of clause text at the clause's indent. `numberAtDepth`
   * numbers it instead, for an untitled clause ("4.2 The Provider shall…").
   * `node` is the block (or definition) it is made from, for a redline's mark.
   */
  paragraph(
    runs: readonly Run[],
    indent: number,
    options: { style?: string; keepNext?: boolean; numberAtDepth?: number; pageBreakBefore?: boolean; node?: object } = {},
  ): Paragraph {
    return new Paragraph({
      style: options.style ?? STYLE.body,
      children: runsOf(runs, false, this.revisions),
      ...(options.numberAtDepth !== undefined ? { numbering: this.clauseNumbering(options.numberAtDepth) } : { indent: { left: indent } }),
      keepNext: options.keepNext || undefined,
      pageBreakBefore: options.pageBreakBefore || undefined,
      ...this.mark(options.node),
    });
  }

  /** A new numbering instance: each enumeration starts again at (a) / (i) / (1). */
  newList(): number {
    return ++this.listInstances;
  }

  listItem(style: ListStyle, item: readonly Run[], indent: number, instance: number, keepNext = false): Paragraph {
    return new Paragraph({
      style: STYLE.listItem,
      children: runsOf(item, false, this.revisions),
      numbering: { reference: numberingReference(style, this.language), level: 0, instance },
      indent: { left: indent + this.page.listIndent, hanging: this.page.listIndent },
      keepNext: keepNext || undefined,
      ...this.mark(item),
    });
  }

  /** Clause text sits under the heading's text; unnumbered clauses (preamble, signatures) start at the margin. */
  indentOf(clause: Clause, depth: number): number {
    return clause.number.length === 0 ? 0 : clauseTextIndent(this.page, depth);
  }
}

/** What follows a paragraph that introduces it (": …") and must stay on its page. */
function introduces(next: Clause['blocks'][number] | undefined): boolean {
  return next !== undefined && (next.kind === 'table' || next.kind === 'list' || next.kind === 'signature');
}

/**
 * A clause that opens with a note before the sentence introducing the
 * signatures ("[The remainder of this page is intentionally left blank.]"):
 * the note belongs under the last words of the agreement, never alone at
 * the top of an otherwise empty page.
 */
function leadsToSignaturePage(clause: Clause | undefined): boolean {
  return clause !== undefined && clause.blocks.findIndex((block) => block.kind === 'signature') > 1;
}

/** In a clause with signatures, the sentence that introduces them opens the signature page. */
function opensSignaturePage(clause: Clause, index: number): boolean {
  const signatureAt = clause.blocks.findIndex((block) => block.kind === 'signature');
  return signatureAt > 1 && index === signatureAt - 1;
}

// ── One language ────────────────────────────────────────────────────────────

class SingleLanguageBody {
  private readonly out: BodyElement[] = [];
  private readonly writer: LanguageWriter;
  /** The body starts on the page after the cover. */
  private startPage = true;

  constructor(
    private readonly doc: ContractDoc,
    private readonly page: PageLayout,
    private readonly variant: StyleVariant,
    private readonly revisions: Revisions | null = null,
  ) {
    this.writer = new LanguageWriter(doc.meta.language, page, revisions);
  }

  build(): BodyElement[] {
    this.doc.clauses.forEach((clause, k) => this.clause(clause, 0, leadsToSignaturePage(this.doc.clauses[k + 1])));
    return this.out;
  }

  /** True once: for the first element after the cover, which starts the second page. */
  private takeStartPage(): boolean {
    const value = this.startPage;
    this.startPage = false;
    return value;
  }

  /** A table and the paragraph after it, which a redline inserts or deletes with a table inserted or deleted as a whole. */
  private pushTable(table: Table, node: object, keepNext = false): void {
    if (this.takeStartPage()) this.out.push(pageBreak());
    this.out.push(table, afterTable(keepNext, this.revisions?.paragraphMark(node)));
  }

  /** `keepTail`: the clause's last paragraph stays on the page of what follows it (the "remainder of this page is blank" note). */
  private clause(clause: Clause, depth: number, keepTail = false): void {
    const writer = this.writer;
    const indent = writer.indentOf(clause, depth);
    let numberNext = clause.title === null && clause.number.length > 0;
    if (clause.title !== null) this.out.push(writer.heading(clause, depth, this.takeStartPage()));
    clause.blocks.forEach((block, i) => {
      const tail = keepTail && i === clause.blocks.length - 1;
      const keepNext = introduces(clause.blocks[i + 1]) || tail;
      switch (block.kind) {
        case 'paragraph':
          this.out.push(
            writer.paragraph(block.runs, indent, {
              keepNext,
              ...(numberNext ? { numberAtDepth: depth } : {}),
              pageBreakBefore: this.takeStartPage() || opensSignaturePage(clause, i),
              node: block,
            }),
          );
          numberNext = false;
          break;
        case 'list': {
          const instance = writer.newList();
          block.items.forEach((item, k) => this.out.push(writer.listItem(block.style, item, indent, instance, keepNext && k === block.items.length - 1)));
          break;
        }
        case 'definitions':
          block.items.forEach((item, k) =>
            this.out.push(writer.paragraph(item.runs, indent, { style: STYLE.definition, node: item, keepNext: tail && k === block.items.length - 1 })),
          );
          break;
        case 'table':
          this.pushTable(dataTable(singleLanguageTable(block), this.page.textWidth - indent, indent, this.variant, this.revisions), block, tail);
          break;
        case 'signature':
          this.pushTable(this.signatures(block), block);
          break;
        case 'clause':
          this.clause(block.clause, depth + 1, tail);
          break;
      }
    });
  }

  private signatures(block: SignatureBlock): Table {
    const language = this.doc.meta.language;
    const labels: SignatureLabels = {
      signature: labelled(block.labels.signature, language),
      name: labelled(block.labels.name, language),
      title: labelled(block.labels.title, language),
      date: labelled(block.labels.date, language),
      seal: block.labels.seal,
    };
    const lineEnd = signatureLineEnd(this.page.textWidth);
    return signatureTable(
      block.parties.map((party) => signatureLines(party, [party.heading], labels, lineEnd, this.revisions)),
      this.page.textWidth,
      () => this.revisions?.paragraphMark(block),
    );
  }
}

// ── Bilingual ───────────────────────────────────────────────────────────────

/**
 * English and Chinese side by side: a two-column table without visible
 * borders, one row per block pair (a heading, a paragraph, a list item, a
 * definition), its first row "English | 中文" repeated on each page. Data
 * tables and the signatures span the full width between two runs of that
 * table, with both languages in each cell, so that their own header rows
 * still repeat (Word repeats the header rows of top-level tables only).
 */
interface RowPiece {
  kind: 'row';
  en: Paragraph[];
  zh: Paragraph[];
  keepNext: boolean;
  mark: RevisionKind | undefined;
}

/** A row of the side-by-side table: the English paragraphs on the left, the Chinese on the right; never split across pages. */
export function sideBySideRow(en: Paragraph[], zh: Paragraph[], columnWidth: number, options: { header?: boolean; mark?: MarkOptions } = {}): TableRow {
  const cell = (children: Paragraph[]) => new TableCell({ width: { size: columnWidth, type: WidthType.DXA }, children });
  return new TableRow({ cantSplit: true, tableHeader: options.header || undefined, ...options.mark, children: [cell(en), cell(zh)] });
}

/** The "English | 中文" row that heads each side-by-side table and repeats on each page. */
export function columnHeadingsRow(columnWidth: number, mark?: MarkOptions): TableRow {
  const heading = (text: string) => new Paragraph({ style: STYLE.columnHeading, children: [new TextRun(text)] });
  return sideBySideRow([heading('English')], [heading('中文')], columnWidth, { header: true, mark });
}

/** Half the gutter between the columns: each cell keeps this space on both sides. */
const SIDE_BY_SIDE_CELL_MARGIN = 142;

/**
 * Two columns of equal width without visible borders. `flush`: the table
 * reaches out by a cell margin on each side, so that the text of the left
 * column starts at the page margin and the right column's ends at it, in
 * line with the signatures and the ruled tables between the rows (the cells
 * are then `columnWidth + SIDE_BY_SIDE_CELL_MARGIN` wide).
 */
export function sideBySideTable(rows: TableRow[], columnWidth: number, options: { flush?: boolean } = {}): Table {
  const cellWidth = options.flush ? columnWidth + SIDE_BY_SIDE_CELL_MARGIN : columnWidth;
  return new Table({
    rows,
    width: { size: cellWidth * 2, type: WidthType.DXA },
    columnWidths: [cellWidth, cellWidth],
    ...(options.flush ? { indent: { size: -SIDE_BY_SIDE_CELL_MARGIN, type: WidthType.DXA } } : {}),
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    margins: { left: SIDE_BY_SIDE_CELL_MARGIN, right: SIDE_BY_SIDE_CELL_MARGIN, top: 0, bottom: 0 },
  });
}

type BilingualPiece = RowPiece | { kind: 'fullWidth'; element: Table; mark: RevisionKind | undefined } | { kind: 'pageBreak' };

type LayoutGroup = Exclude<BilingualPiece, RowPiece> | { kind: 'rows'; rows: RowPiece[] };

class BilingualBody {
  private readonly pieces: BilingualPiece[] = [];
  private readonly en: LanguageWriter;
  private readonly zh: LanguageWriter;
  private readonly columnWidth: number;

  constructor(
    private readonly enDoc: ContractDoc,
    private readonly zhDoc: ContractDoc,
    private readonly page: PageLayout,
    private readonly revisions: Revisions | null = null,
  ) {
    this.en = new LanguageWriter('en', page, revisions);
    this.zh = new LanguageWriter('zh-CN', page, revisions);
    this.columnWidth = Math.floor(page.textWidth / 2);
  }

  build(): BodyElement[] {
    this.clauses(this.enDoc.clauses, this.zhDoc.clauses, 0, 'the top level');
    return this.layout();
  }

  private clauses(enClauses: readonly Clause[], zhClauses: readonly Clause[], depth: number, where: string): void {
    if (enClauses.length !== zhClauses.length) throw new MisalignedContractError(where);
    enClauses.forEach((enClause, i) => this.clause(enClause, zhClauses[i]!, depth, leadsToSignaturePage(enClauses[i + 1])));
  }

  /**
   * A row of the side-by-side table. `keepNext` keeps it with what follows
   * (a heading with its text, an introduction with its table), also across
   * the end of this table. `node` is the English block it shows, whose
   * mark (in a redline) makes the whole row inserted or deleted.
   */
  private row(enParagraphs: Paragraph[], zhParagraphs: Paragraph[], options: { keepNext?: boolean; node?: object } = {}): void {
    const mark = options.node === undefined ? undefined : this.revisions?.of(options.node);
    this.pieces.push({ kind: 'row', en: enParagraphs, zh: zhParagraphs, keepNext: options.keepNext ?? false, mark });
  }

  /** A data table or the signatures, across both columns. */
  private fullWidth(element: Table, node: object): void {
    this.pieces.push({ kind: 'fullWidth', element, mark: this.revisions?.of(node) });
  }

  private tableRow(en: Paragraph[], zh: Paragraph[], options: { header?: boolean; mark?: MarkOptions }): TableRow {
    return sideBySideRow(en, zh, this.columnWidth + SIDE_BY_SIDE_CELL_MARGIN, options);
  }

  private columnHeadings(mark: MarkOptions | undefined): TableRow {
    return columnHeadingsRow(this.columnWidth + SIDE_BY_SIDE_CELL_MARGIN, mark);
  }

  /**
   * The pieces as body elements: each run of rows becomes one side-by-side
   * table, with its "English | 中文" row first, and each table is followed
   * by a separating paragraph; the body starts on a new page.
   *
   * In a redline, a run of rows may be one table in one version and two in
   * the other (a data table between them was inserted or deleted), or have
   * rows in one version only. Its column-heading row and the paragraph
   * after it are then tracked changes too, present exactly where the
   * version that has them has them, so that accepting or rejecting every
   * change leaves the layout of that version.
   */
  private layout(): BodyElement[] {
    const groups: LayoutGroup[] = [];
    for (const piece of this.pieces) {
      const last = groups[groups.length - 1];
      if (piece.kind === 'row' && last?.kind === 'rows') last.rows.push(piece);
      else groups.push(piece.kind === 'row' ? { kind: 'rows', rows: [piece] } : piece);
    }
    const out: BodyElement[] = [];
    let startPage = true;
    const push = (element: Table, after: Paragraph) => {
      if (startPage) {
        out.push(pageBreak());
        startPage = false;
      }
      out.push(element, after);
    };
    groups.forEach((group, index) => {
      switch (group.kind) {
        case 'pageBreak':
          out.push(pageBreak());
          break;
        case 'fullWidth':
          push(group.element, afterTable(false, group.mark && this.revisions ? this.revisions.markOf(group.mark) : undefined));
          break;
        case 'rows': {
          const has = (side: VersionSide) => group.rows.some((row) => inVersion(row.mark, side));
          // Is the nearest group this version has before (after) this one another run of rows, which this one continues (is continued by)?
          const besideRows = (side: VersionSide, step: -1 | 1) => {
            for (let k = index + step; k >= 0 && k < groups.length; k += step) {
              const other = groups[k]!;
              if (other.kind === 'pageBreak') return false;
              if (other.kind === 'fullWidth' && inVersion(other.mark, side)) return false;
              if (other.kind === 'rows' && other.rows.some((row) => inVersion(row.mark, side))) return true;
            }
            return false;
          };
          const starts = (side: VersionSide) => has(side) && !besideRows(side, -1);
          const ends = (side: VersionSide) => has(side) && !besideRows(side, 1);
          const rows: TableRow[] = [];
          if (this.revisions === null) rows.push(this.columnHeadings(undefined));
          else if (starts('old') || starts('new')) rows.push(this.columnHeadings(this.revisions.presenceMark(starts('old'), starts('new'))));
          for (const row of group.rows) rows.push(this.tableRow(row.en, row.zh, { mark: row.mark && this.revisions ? this.revisions.markOf(row.mark) : undefined }));
          const table = sideBySideTable(rows, this.columnWidth, { flush: true });
          const keepNext = group.rows[group.rows.length - 1]!.keepNext;
          push(table, afterTable(keepNext, this.revisions?.presenceMark(ends('old'), ends('new'))));
          break;
        }
      }
    });
    return out;
  }

  /** `keepTail`: the clause's last row stays on the page of what follows it (see leadsToSignaturePage). */
  private clause(enClause: Clause, zhClause: Clause, depth: number, keepTail = false): void {
    if (enClause.id !== zhClause.id || enClause.blocks.length !== zhClause.blocks.length) throw new MisalignedContractError(`clause ${enClause.id}`);
    const indent = this.en.indentOf(enClause, depth);
    let numberNext = enClause.title === null && enClause.number.length > 0;
    if (enClause.title !== null) this.row([this.en.heading(enClause, depth)], [this.zh.heading(zhClause, depth)], { keepNext: true, node: enClause });
    enClause.blocks.forEach((enBlock, i) => {
      const zhBlock = zhClause.blocks[i]!;
      if (blockShape(enBlock) !== blockShape(zhBlock)) throw new MisalignedContractError(`clause ${enClause.id}, block ${i + 1}`);
      const tail = keepTail && i === enClause.blocks.length - 1;
      const keepNext = introduces(enClause.blocks[i + 1]) || tail;
      switch (enBlock.kind) {
        case 'paragraph': {
          if (opensSignaturePage(enClause, i)) this.pieces.push({ kind: 'pageBreak' });
          const options = { keepNext, ...(numberNext ? { numberAtDepth: depth } : {}) };
          numberNext = false;
          this.row(
            [this.en.paragraph(enBlock.runs, indent, { ...options, node: enBlock })],
            [this.zh.paragraph((zhBlock as typeof enBlock).runs, indent, { ...options, node: zhBlock })],
            { keepNext, node: enBlock },
          );
          break;
        }
        case 'list': {
          const zhItems = (zhBlock as typeof enBlock).items;
          const enList = this.en.newList();
          const zhList = this.zh.newList();
          enBlock.items.forEach((item, k) => {
            const last = keepNext && k === enBlock.items.length - 1;
            this.row([this.en.listItem(enBlock.style, item, indent, enList, last)], [this.zh.listItem(enBlock.style, zhItems[k]!, indent, zhList, last)], { keepNext: last, node: item });
          });
          break;
        }
        case 'definitions': {
          const zhItems = (zhBlock as typeof enBlock).items;
          enBlock.items.forEach((item, k) => {
            const last = tail && k === enBlock.items.length - 1;
            this.row(
              [this.en.paragraph(item.runs, indent, { style: STYLE.definition, node: item, keepNext: last })],
              [this.zh.paragraph(zhItems[k]!.runs, indent, { style: STYLE.definition, node: zhItems[k], keepNext: last })],
              { node: item, keepNext: last },
            );
          });
          break;
        }
        case 'table':
          this.fullWidth(dataTable(bilingualTable(enBlock, zhBlock as typeof enBlock, this.revisions), this.columnWidth * 2, 0, 'bilingual', this.revisions), enBlock);
          break;
        case 'signature':
          this.fullWidth(this.signatures(enBlock, zhBlock as typeof enBlock), enBlock);
          break;
        case 'clause':
          this.clause(enBlock.clause, (zhBlock as typeof enBlock).clause, depth + 1, tail);
          break;
      }
    });
  }

  /** One signature block with bilingual labels ("Signature 法定代表人或授权代表（签字）："), each party's heading in both languages. */
  private signatures(en: SignatureBlock, zh: SignatureBlock): Table {
    const both = (a: string, b: string) => (a === b ? a : `${a} ${b}`);
    const labels: SignatureLabels = {
      signature: `${both(en.labels.signature, zh.labels.signature)}：`,
      name: `${both(en.labels.name, zh.labels.name)}：`,
      title: `${both(en.labels.title, zh.labels.title)}：`,
      date: `${both(en.labels.date, zh.labels.date)}：`,
      seal: zh.labels.seal ?? en.labels.seal,
    };
    const width = this.columnWidth * 2;
    const lineEnd = signatureLineEnd(width);
    return signatureTable(
      en.parties.map((party, i) => signatureLines(party, [party.heading, zh.parties[i]?.heading ?? []], labels, lineEnd, this.revisions)),
      width,
      () => this.revisions?.paragraphMark(en),
    );
  }
}

// ── Cover, header and footer ────────────────────────────────────────────────

const COVER_STYLE: Record<CoverLine['style'], string> = {
  subtitle: STYLE.coverSubtitle,
  party: STYLE.coverParty,
  partyDetail: STYLE.coverPartyDetail,
  joiner: STYLE.coverJoiner,
  detail: STYLE.coverDetail,
};

/** More cover lines than this do not fit one page with the usual space above the title. */
const CROWDED_COVER_LINES = 14;

/** The cover: the title, then the template's lines — in a bilingual contract each English line above its Chinese one. */
function coverParagraphs(docs: readonly ContractDoc[], revisions: Revisions | null): Paragraph[] {
  const { cover } = docs[0]!;
  const ids: string[] = [];
  for (const doc of docs) for (const line of doc.cover.lines) if (!ids.includes(line.id)) ids.push(line.id);
  // A bilingual cover with both parties' registration numbers and legal representatives has twice the lines:
  // the title starts higher and the dates stand closer, so that the cover stays one page.
  const lineCount = docs.reduce((sum, doc) => sum + doc.cover.lines.length, 0);
  const crowded = lineCount > CROWDED_COVER_LINES;
  const paragraphs: Paragraph[] = [
    new Paragraph({
      style: 'Title',
      children: runsOf(revisions?.textOf(cover, 'title') ?? plain(cover.title), false, revisions),
      ...(crowded ? { spacing: { before: 1_800 } } : {}),
    }),
  ];
  let detailSeen = false;
  for (const id of ids) {
    for (const doc of docs) {
      const line = doc.cover.lines.find((candidate) => candidate.id === id);
      if (!line) continue;
      // The dates and the version stand apart from the parties, lower on the page.
      const firstDetail = line.style === 'detail' && !detailSeen;
      if (line.style === 'detail') detailSeen = true;
      const mark = revisions?.paragraphMark(line);
      paragraphs.push(
        new Paragraph({
          style: COVER_STYLE[line.style],
          children: runsOf(line.runs, false, revisions),
          spacing: firstDetail ? { before: crowded ? 700 : 1_400 } : undefined,
          ...(mark ? { run: mark } : {}),
        }),
      );
    }
  }
  return paragraphs;
}

function versionText(doc: ContractDoc): string | null {
  const { versionLabel, shortHash } = doc.meta;
  const parts = [versionLabel, shortHash].filter((part): part is string => part !== null && part.trim() !== '');
  return parts.length > 0 ? `${doc.labels.version} ${parts.join(' · ')}` : null;
}

/** "Page {page} of {pages}" with the placeholders as PAGE and NUMPAGES fields. */
export function pageOfRun(label: string): TextRun {
  const children: Array<string | (typeof PageNumber)[keyof typeof PageNumber]> = [];
  for (const piece of label.split(/(\{page\}|\{pages\})/)) {
    if (piece === '{page}') children.push(PageNumber.CURRENT);
    else if (piece === '{pages}') children.push(PageNumber.TOTAL_PAGES);
    else if (piece !== '') children.push(xmlSafe(piece));
  }
  return new TextRun({ children });
}

export function header(title: string): Header {
  return new Header({ children: [new Paragraph({ style: STYLE.header, children: runsOf(plain(title)) })] });
}

/** The version and its short hash (or a redline's note) on the left, "Page X of Y" (in each language) on the right. */
function footer(docs: readonly ContractDoc[], page: PageLayout, note: string | null): Footer {
  return pagedFooter(
    note ?? versionText(docs[0]!),
    docs.map((doc) => doc.labels.pageOf),
    page,
  );
}

/**
 * A footer with `left` on the left (or nothing) and "Page X of Y" on the
 * right, once per label ("Page {page} of {pages}") joined by " / ".
 */
export function pagedFooter(left: string | null, pageOfLabels: readonly string[], page: PageLayout): Footer {
  const version = left;
  const pages: TextRun[] = [];
  pageOfLabels.forEach((label, i) => {
    if (i > 0) pages.push(new TextRun(' / '));
    pages.push(pageOfRun(label));
  });
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        alignment: version === null ? AlignmentType.CENTER : AlignmentType.LEFT,
        tabStops: [{ type: TabStopType.RIGHT, position: page.textWidth }],
        children: version === null ? pages : [new TextRun(xmlSafe(version)), new TextRun('\t'), ...pages],
      }),
    ],
  });
}

function section(docs: readonly ContractDoc[], page: PageLayout, body: BodyElement[], redline: RedlineMarks | null): ISectionOptions {
  return {
    properties: {
      // The cover is a distinct first page: its own (empty) header and footer.
      titlePage: true,
      page: { size: { width: PAGE.width, height: PAGE.height }, margin: page.margin },
    },
    headers: {
      default: header(docs[0]!.meta.title),
      first: new Header({ children: [new Paragraph({ children: [] })] }),
    },
    footers: {
      default: footer(docs, page, redline?.footerNote ?? null),
      first: new Footer({ children: [new Paragraph({ children: [] })] }),
    },
    children: [...coverParagraphs(docs, redline?.revisions ?? null), ...body],
  };
}

// ── Document ────────────────────────────────────────────────────────────────

/** Title, author (the provider, whose contract it is), subject (the template), description. */
export function documentProperties(docs: readonly ContractDoc[]): { title: string; subject: string; creator: string; description: string; keywords: string } {
  const { meta } = docs[0]!;
  const provider = meta.parties.provider.legalName.trim();
  const customer = meta.parties.customer.legalName.trim();
  const subject = [...new Set(docs.map((doc) => doc.meta.templateName))].join(' / ');
  const description = [
    [provider, customer].filter((name) => name !== '').join(' – '),
    docs.map((doc) => doc.meta.effectiveDateText).join(' / '),
    versionText(docs[0]!),
    `${meta.templateId} ${meta.templateVersion}`,
  ]
    .filter((part): part is string => part !== null && part !== '')
    .join('; ');
  return {
    title: xmlSafe(meta.title),
    subject: xmlSafe(subject),
    creator: xmlSafe(provider === '' ? 'SLA Studio' : provider),
    description: xmlSafe(description),
    keywords: ['SLA', ...docs.map((doc) => doc.meta.language)].join(', '),
  };
}

/**
 * What turns the contract writer into a redline writer (redline-docx.ts):
 * the tracked changes on a merged ContractDoc, and the footer's note in
 * place of the version ("Changes from v2 to v3").
 */
export interface RedlineMarks {
  revisions: Revisions;
  footerNote: string;
}

/** The docx Document of a contract (or, with `redline`, of a redline), before packing. */
export function buildContractDocument(source: ContractSource, redline: RedlineMarks | null = null): Document {
  const bilingual = source.language === 'bilingual';
  const docs = bilingual ? [source.en, source.zh] : [source.doc];
  const page = bilingual ? BILINGUAL_LAYOUT : SINGLE_LAYOUT;
  const variant: StyleVariant = bilingual ? 'bilingual' : source.language === 'en' ? 'single-en' : 'single-zh';
  const revisions = redline?.revisions ?? null;
  const body = bilingual
    ? new BilingualBody(source.en, source.zh, page, revisions).build()
    : new SingleLanguageBody(source.doc, page, variant, revisions).build();
  const properties = documentProperties(docs);
  return new Document({
    ...properties,
    ...(redline ? { description: xmlSafe(`${redline.footerNote}; ${properties.description}`) } : {}),
    lastModifiedBy: 'SLA Studio',
    // A redline goes to the other side for their answer: their edits are tracked too.
    ...(redline ? { features: { trackRevisions: true } } : {}),
    ...contractStyles(variant),
    numbering: contractNumbering(
      page,
      docs.map((doc) => doc.meta.language),
    ),
    sections: [section(docs, page, body, redline)],
  });
}

/** The contract as .docx bytes, with the draft it was made from inside. */
export async function renderContractDocx(source: ContractSource, options: ContractDocxOptions): Promise<Uint8Array> {
  const document = buildContractDocument(source, options.redline ?? null);
  const draftPart = attachDraftPart(document, options.draftJson);
  const buffer = await Packer.toBuffer(document, false, [...draftPart, { path: 'word/fontTable.xml', data: fontTableXml() }]);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
