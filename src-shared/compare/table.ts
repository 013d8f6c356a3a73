/**
 * A table of the contract (credit tiers, severities, holidays…) compared
 * with the same table of the other version row by row and cell by cell,
 * so that the contract view can draw it as a table again, with the deleted
 * and inserted words marked in their cells, instead of as one line of text.
 *
 * Rows are matched as a reader matches them, in passes that each keep the
 * rows' order (a longest common subsequence, like the word diff):
 * 1. rows with the same text are the same row (an untouched credit tier);
 * 2. among the rows left between two such rows: rows made from the same
 *    draft item (row.id: a tier, a maintenance window, a contact), and rows
 *    without one by their first cell (the year of a holiday list);
 * 3. what is still left and has no draft item — header rows, rows the
 *    template writes — by position.
 * A row left over is added (only in the new table) or removed (only in the
 * old one). A matched row with a different cell is changed, and each cell
 * is diffed word by word like a paragraph, with the same guards.
 */
import { diffArrays } from 'diff';
import { runsText, type Table, type TableKind, type TableRow } from '../contract/doc';
import { diffClauseWords, type WordDiffOptions, type WordSegment, type WordSegmentKind } from './words';

export type RowStatus = 'unchanged' | 'changed' | 'added' | 'removed';

export interface ComparedRow {
  status: RowStatus;
  /** A header row: the view draws its cells as column headers. */
  header: boolean;
  /**
   * One list of segments per column (as many as the wider of the two
   * rows): equal text, or deleted and inserted words; all inserted in an
   * added row, all deleted in a removed one.
   */
  cells: WordSegment[][];
}

export interface ComparedTable {
  kind: 'table';
  tableKind: TableKind;
  /** Added or removed: the whole table is in one version only. */
  status: RowStatus;
  /** The table in each version, for its columns' widths and alignment; null in the version without it. */
  old: Table | null;
  new: Table | null;
  /**
   * The header rows, then the body rows, each row of either table once: a
   * removed row where it stood in the old table, before the rows added at
   * the same place.
   */
  rows: ComparedRow[];
}

type Side = 'old' | 'new';

/** How one pass keys a row: rows with equal keys may be paired. */
type RowKey = (row: TableRow, index: number, side: Side) => string;

interface RowPair {
  old: number | null;
  new: number | null;
}

function cellTexts(row: TableRow): string[] {
  return row.cells.map((cell) => runsText(cell.runs));
}

/**
 * The assembly numbers the rows of list items that have no id of their own
 * 1, 2, 3… (the holidays of a year, the severities): such an id says where
 * the row is, not what it is.
 */
function itemId(row: TableRow): string | null {
  return row.id === undefined || /^\d+$/.test(row.id) ? null : row.id;
}

const PASSES: RowKey[] = [
  (row) => cellTexts(row).join('\t'),
  (row) => {
    const id = itemId(row);
    return id !== null ? `id\u0000${id}` : `cell\u0000${cellTexts(row)[0] ?? ''}`;
  },
  // A row of a draft item never pairs with another item's row by position: that item was removed and the other added.
  (row, index, side) => (itemId(row) === null ? 'row' : `${side}\u0000${index}`),
];

/** Pair the rows in order by the first pass, and the rows left between two pairs by the next passes. */
function pairRows(oldRows: readonly TableRow[], newRows: readonly TableRow[], olds: number[], news: number[], passes: readonly RowKey[]): RowPair[] {
  const [pass, ...rest] = passes;
  if (pass === undefined || olds.length === 0 || news.length === 0) {
    return [...olds.map((index) => ({ old: index, new: null })), ...news.map((index) => ({ old: null, new: index }))];
  }
  const pairs: RowPair[] = [];
  let removed: number[] = [];
  let added: number[] = [];
  const flush = () => {
    pairs.push(...pairRows(oldRows, newRows, removed, added, rest));
    removed = [];
    added = [];
  };
  let o = 0;
  let n = 0;
  const keys = (rows: readonly TableRow[], indexes: number[], side: Side) => indexes.map((index) => pass(rows[index]!, index, side));
  for (const change of diffArrays(keys(oldRows, olds, 'old'), keys(newRows, news, 'new'))) {
    for (let k = 0; k < change.value.length; k++) {
      if (change.removed) removed.push(olds[o++]!);
      else if (change.added) added.push(news[n++]!);
      else {
        if (k === 0) flush();
        pairs.push({ old: olds[o++]!, new: news[n++]! });
      }
    }
  }
  flush();
  return pairs;
}

function wholeRow(row: TableRow, header: boolean, kind: WordSegmentKind, status: RowStatus): ComparedRow {
  return { status, header, cells: cellTexts(row).map((text) => (text === '' ? [] : [{ kind, text }])) };
}

function comparedRows(oldRows: readonly TableRow[], newRows: readonly TableRow[], header: boolean, options: WordDiffOptions): ComparedRow[] {
  const indexes = (rows: readonly TableRow[]) => rows.map((_, index) => index);
  return pairRows(oldRows, newRows, indexes(oldRows), indexes(newRows), PASSES).map(({ old, new: current }): ComparedRow => {
    if (old === null) return wholeRow(newRows[current!]!, header, 'inserted', 'added');
    if (current === null) return wholeRow(oldRows[old]!, header, 'deleted', 'removed');
    const before = cellTexts(oldRows[old]!);
    const after = cellTexts(newRows[current]!);
    const columns = Math.max(before.length, after.length);
    const cells: WordSegment[][] = [];
    let changed = before.length !== after.length;
    for (let c = 0; c < columns; c++) {
      const oldText = before[c] ?? '';
      const newText = after[c] ?? '';
      if (oldText !== newText) changed = true;
      cells.push(diffClauseWords(oldText, newText, options).segments);
    }
    return { status: changed ? 'changed' : 'unchanged', header, cells };
  });
}

/** A table of one version only (or of an unchanged clause): every cell one segment of `kind`. */
export function wholeTable(table: Table, kind: WordSegmentKind): ComparedTable {
  const status: RowStatus = kind === 'inserted' ? 'added' : kind === 'deleted' ? 'removed' : 'unchanged';
  return {
    kind: 'table',
    tableKind: table.tableKind,
    status,
    old: kind === 'inserted' ? null : table,
    new: kind === 'deleted' ? null : table,
    rows: [...table.header.map((row) => wholeRow(row, true, kind, status)), ...table.rows.map((row) => wholeRow(row, false, kind, status))],
  };
}

/** The same table in two versions, row by row and cell by cell. */
export function compareTables(oldTable: Table, newTable: Table, options: WordDiffOptions = {}): ComparedTable {
  const rows = [...comparedRows(oldTable.header, newTable.header, true, options), ...comparedRows(oldTable.rows, newTable.rows, false, options)];
  return {
    kind: 'table',
    tableKind: newTable.tableKind,
    status: rows.every((row) => row.status === 'unchanged') ? 'unchanged' : 'changed',
    old: oldTable,
    new: newTable,
    rows,
  };
}
