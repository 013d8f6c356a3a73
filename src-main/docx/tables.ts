/**
 * The tables of a contract and of the monthly report: the ruled data tables
 * (targets, severities, credit tiers, a report's results), set in one
 * language or with both languages in each cell, and the borderless
 * two-column table that sets English and Chinese side by side.
 */
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType } from 'docx';
import { runsText, type Run, type Table as TableBlock } from '../../src-shared/contract/doc';
import type { ParagraphMarks } from './marks';
import { sideText, wholeSide, type MarkOptions, type RevisionKind, type Revisions } from './revisions';
import { runsOf } from './runs';
import { fitColumnWidths, lineTwips, longestWordTwips } from './table-widths';
import { COLOURS, STYLE, TABLE_CELL_MARGIN, tableTextSize, type StyleVariant } from './typography';

// ── Data tables ─────────────────────────────────────────────────────────────

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
    for (const [rows, header] of [
      [table.header, true],
      [table.rows, false],
    ] as const) {
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
 * `marks`: in a contract, the marks of the clause the table belongs to,
 * around each cell's paragraph and each generated value in it.
 */
export function dataTable(
  table: DataTable,
  width: number,
  indent: number,
  variant: StyleVariant,
  revisions: Revisions | null = null,
  marks: ParagraphMarks | null = null,
): Table {
  const cellChildren = (runs: readonly Run[], header: boolean) => {
    const children = runsOf(runs, header, revisions, marks?.marks ?? null);
    return marks ? marks.paragraph(children, runsText(runs)) : children;
  };
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
                  children: cellChildren(paragraph.runs, header),
                }),
            ),
          }),
      ),
    });
  return new Table({
    style: STYLE.table,
    rows: [...table.header.map((cells) => row(cells, true, true)), ...table.rows.map((cells, i) => row(cells, false, i === 0 && table.rows.length > 1))],
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    indent: { size: indent, type: WidthType.DXA },
    borders: RULES,
  });
}

// ── Side by side ────────────────────────────────────────────────────────────

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
export const SIDE_BY_SIDE_CELL_MARGIN = 142;

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
