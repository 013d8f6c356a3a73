/**
 * The two contracts side by side: clauses aligned by their stable id (never
 * by number, which shifts when a clause is inserted above), each aligned
 * pair diffed word by word, and the ordered list of changes that the
 * keyboard's next / previous change walks through.
 *
 * A clause is shown in parts: its text (title, paragraphs, lists) diffed
 * word by word, and each of its tables compared row by row and cell by
 * cell (table.ts), so that the view draws a table as a table. Tables are
 * matched within the clause by kind and order; the text between two
 * matched tables is one part.
 *
 * Work is proportional to what changed: clauses whose own text is equal are
 * not tokenized at all, so comparing two 200-clause contracts that differ
 * in twenty clauses costs twenty small word diffs.
 */
import { diffArrays } from 'diff';
import { alignByKey } from './align';
import { compareTables, wholeTable, type ComparedTable } from './table';
import { diffClauseWords, type WordDiffOptions, type WordSegment, type WordSegmentKind } from './words';
import { blockLines, clauseNumberText, clauseOwnText, walkClauses, type Clause, type ContractDoc, type Table } from '../contract/doc';

export type ClauseStatus = 'unchanged' | 'changed' | 'added' | 'removed';

export interface ClauseSide {
  clause: Clause;
  /** [4, 2] for "4.2"; [] for an unnumbered clause. */
  number: number[];
  /** "4.2"; "" for an unnumbered clause. */
  numberText: string;
  /** 0 for a top-level clause. */
  depth: number;
  parentId: string | null;
  /** Position in reading order (walkClauses) in its document. */
  index: number;
  /** The clause's own text (clauseOwnText): title and blocks, without sub-clauses. */
  text: string;
}

export interface AlignedClause {
  id: string;
  status: ClauseStatus;
  /** In both documents, but placed elsewhere relative to the other clauses (e.g. services reordered). */
  moved: boolean;
  /** In both documents with a different number ("4.2" → "4.3"), e.g. because a clause was inserted above. */
  renumbered: boolean;
  old: ClauseSide | null;
  new: ClauseSide | null;
}

function sides(doc: Pick<ContractDoc, 'clauses'>): ClauseSide[] {
  return walkClauses(doc).map(({ clause, depth, parentId }, index) => ({
    clause,
    number: clause.number,
    numberText: clauseNumberText(clause.number),
    depth,
    parentId,
    index,
    text: clauseOwnText(clause),
  }));
}

/**
 * Every clause of either document once, in reading order of the new
 * document, with the clauses only in the old one where they stood. A
 * clause present in both but reordered appears at its new place, `moved`.
 */
export function alignClauses(oldDoc: Pick<ContractDoc, 'clauses'>, newDoc: Pick<ContractDoc, 'clauses'>): AlignedClause[] {
  return alignByKey(sides(oldDoc), sides(newDoc), (side) => side.clause.id).map(({ key, old, new: current, moved }) => {
    const oldSide = old?.item ?? null;
    const newSide = current?.item ?? null;
    let status: ClauseStatus;
    if (!oldSide) status = 'added';
    else if (!newSide) status = 'removed';
    else status = oldSide.text === newSide.text ? 'unchanged' : 'changed';
    return {
      id: key,
      status,
      moved,
      renumbered: oldSide !== null && newSide !== null && oldSide.numberText !== newSide.numberText,
      old: oldSide,
      new: newSide,
    };
  });
}

/**
 * Text of a clause between its tables (the title, paragraphs, lists, one
 * line each) as segments: one equal segment when unchanged, one inserted
 * (deleted) segment in an added (removed) clause, words when changed.
 */
export interface ComparedText {
  kind: 'text';
  segments: WordSegment[];
  /** Too different (or too long) to diff word by word: shown as the old text deleted and the new inserted. */
  replaced: boolean;
}

export type ComparedPart = ComparedText | ComparedTable;

export interface ComparedClause extends AlignedClause {
  /** The clause in reading order: its text and its tables, each compared in its own way. */
  parts: ComparedPart[];
  /** Some text of a changed clause was too different to diff word by word: shown as replaced. */
  replaced: boolean;
}

export type ChangeAnchorKind = 'changed' | 'added' | 'removed' | 'moved';

/**
 * Where in a clause a change starts: a run of changed words in a text part
 * (row and cell null), a run of changed words in a table cell, a whole row
 * added or removed (cell and segment null), or a whole table added or
 * removed (row, cell and segment null).
 */
export interface ChangePlace {
  /** Index into ComparedClause.parts. */
  part: number;
  /** Index into the table's rows. */
  row: number | null;
  cell: number | null;
  /** The first segment of the run of changes. */
  segment: number | null;
}

/** One stop of next / previous change. */
export interface ChangeAnchor {
  /** Unique within the comparison, fit for a DOM id or data attribute (changeKey). */
  key: string;
  kind: ChangeAnchorKind;
  /** Index into ContractComparison.clauses. */
  clauseIndex: number;
  clauseId: string;
  /** Where the change is within the clause; null for a whole-clause stop (added, removed, moved). */
  place: ChangePlace | null;
}

/** The key of a stop: "<clause id>@clause" for a whole clause, "<clause id>@<part>r<row>c<cell>s<segment>" within it. */
export function changeKey(clauseId: string, place: ChangePlace | null): string {
  if (place === null) return `${clauseId}@clause`;
  const at = (letter: string, value: number | null) => (value === null ? '' : `${letter}${value}`);
  return `${clauseId}@${place.part}${at('r', place.row)}${at('c', place.cell)}${at('s', place.segment)}`;
}

export interface ComparisonCounts {
  unchanged: number;
  changed: number;
  added: number;
  removed: number;
  /** Reordered clauses; each is also counted as unchanged or changed. */
  moved: number;
}

export interface ContractComparison {
  clauses: ComparedClause[];
  counts: ComparisonCounts;
  /** Every change in reading order. */
  anchors: ChangeAnchor[];
}

export type CompareOptions = WordDiffOptions;

/** The segments where a run of changes starts. */
function runStarts(segments: readonly WordSegment[]): number[] {
  const starts: number[] = [];
  segments.forEach((segment, index) => {
    const previous = segments[index - 1];
    if (segment.kind !== 'equal' && (previous === undefined || previous.kind === 'equal')) starts.push(index);
  });
  return starts;
}

/** Every change within the parts of a changed clause, in reading order, and what kind it is. */
function changesIn(parts: readonly ComparedPart[]): Array<{ kind: ChangeAnchorKind; place: ChangePlace }> {
  const found: Array<{ kind: ChangeAnchorKind; place: ChangePlace }> = [];
  parts.forEach((part, p) => {
    if (part.kind === 'text') {
      for (const segment of runStarts(part.segments)) found.push({ kind: 'changed', place: { part: p, row: null, cell: null, segment } });
      return;
    }
    if (part.status === 'added' || part.status === 'removed') {
      found.push({ kind: part.status, place: { part: p, row: null, cell: null, segment: null } });
      return;
    }
    part.rows.forEach((row, r) => {
      if (row.status === 'added' || row.status === 'removed') {
        found.push({ kind: row.status, place: { part: p, row: r, cell: null, segment: null } });
        return;
      }
      row.cells.forEach((cell, c) => {
        for (const segment of runStarts(cell)) found.push({ kind: 'changed', place: { part: p, row: r, cell: c, segment } });
      });
    });
  });
  return found;
}

function anchorsOf(clause: ComparedClause, clauseIndex: number): ChangeAnchor[] {
  const anchor = (kind: ChangeAnchorKind, place: ChangePlace | null): ChangeAnchor => ({
    key: changeKey(clause.id, place),
    kind,
    clauseIndex,
    clauseId: clause.id,
    place,
  });
  if (clause.status === 'added' || clause.status === 'removed') return [anchor(clause.status, null)];
  const anchors: ChangeAnchor[] = [];
  if (clause.moved) anchors.push(anchor('moved', null));
  if (clause.status === 'changed') for (const { kind, place } of changesIn(clause.parts)) anchors.push(anchor(kind, place));
  return anchors;
}

/** A clause's own text cut at its tables: the lines before the first table, between two tables, after the last. */
interface ClausePieces {
  /** One more than there are tables; a stretch without lines is []. */
  texts: string[][];
  tables: Table[];
}

function clausePieces(clause: Clause): ClausePieces {
  const texts: string[][] = [clause.title !== null ? [clause.title] : []];
  const tables: Table[] = [];
  for (const block of clause.blocks) {
    if (block.kind === 'table') {
      tables.push(block);
      texts.push([]);
    } else {
      texts[texts.length - 1]!.push(...blockLines(block));
    }
  }
  return { texts, tables };
}

/** The parts of a clause in one version only, or of an unchanged clause. */
function wholeParts(clause: Clause, kind: WordSegmentKind): ComparedPart[] {
  const { texts, tables } = clausePieces(clause);
  const parts: ComparedPart[] = [];
  texts.forEach((lines, i) => {
    if (lines.length > 0) parts.push({ kind: 'text', segments: textSegments(kind, lines.join('\n')), replaced: false });
    const table = tables[i];
    if (table) parts.push(wholeTable(table, kind));
  });
  return parts;
}

/** "creditTiers#1": the tables of a clause are matched by kind, in order. */
function tableKeys(tables: readonly Table[]): string[] {
  const seen = new Map<string, number>();
  return tables.map((table) => {
    const count = (seen.get(table.tableKind) ?? 0) + 1;
    seen.set(table.tableKind, count);
    return `${table.tableKind}#${count}`;
  });
}

/**
 * The parts of a changed clause: each pair of matched tables compared row by
 * row, the text between them word by word. A table in one version only is
 * shown whole after the text around it.
 */
function changedParts(oldClause: Clause, newClause: Clause, options: CompareOptions): ComparedPart[] {
  const before = clausePieces(oldClause);
  const after = clausePieces(newClause);
  const parts: ComparedPart[] = [];
  let oldLines: string[] = [...before.texts[0]!];
  let newLines: string[] = [...after.texts[0]!];
  let removed: Table[] = [];
  let added: Table[] = [];
  const flush = () => {
    if (oldLines.length > 0 || newLines.length > 0) {
      const words = diffClauseWords(oldLines.join('\n'), newLines.join('\n'), options);
      parts.push({ kind: 'text', segments: words.segments, replaced: words.replaced });
    }
    parts.push(...removed.map((table) => wholeTable(table, 'deleted')), ...added.map((table) => wholeTable(table, 'inserted')));
    oldLines = [];
    newLines = [];
    removed = [];
    added = [];
  };
  let o = 0;
  let n = 0;
  for (const change of diffArrays(tableKeys(before.tables), tableKeys(after.tables))) {
    for (let k = 0; k < change.value.length; k++) {
      if (change.removed) {
        removed.push(before.tables[o]!);
        oldLines.push(...before.texts[++o]!);
      } else if (change.added) {
        added.push(after.tables[n]!);
        newLines.push(...after.texts[++n]!);
      } else {
        flush();
        parts.push(compareTables(before.tables[o]!, after.tables[n]!, options));
        oldLines.push(...before.texts[++o]!);
        newLines.push(...after.texts[++n]!);
      }
    }
  }
  flush();
  return parts;
}

export function compareContracts(oldDoc: Pick<ContractDoc, 'clauses'>, newDoc: Pick<ContractDoc, 'clauses'>, options: CompareOptions = {}): ContractComparison {
  const counts: ComparisonCounts = { unchanged: 0, changed: 0, added: 0, removed: 0, moved: 0 };
  const clauses = alignClauses(oldDoc, newDoc).map((aligned): ComparedClause => {
    counts[aligned.status]++;
    if (aligned.moved) counts.moved++;
    switch (aligned.status) {
      case 'added':
        return { ...aligned, parts: wholeParts(aligned.new!.clause, 'inserted'), replaced: false };
      case 'removed':
        return { ...aligned, parts: wholeParts(aligned.old!.clause, 'deleted'), replaced: false };
      case 'unchanged':
        return { ...aligned, parts: wholeParts(aligned.new!.clause, 'equal'), replaced: false };
      case 'changed': {
        let parts = changedParts(aligned.old!.clause, aligned.new!.clause, options);
        if (changesIn(parts).length === 0) {
          // The texts differ where the parts cannot show it (a row that lost an empty cell): show the whole text's diff, so that a changed clause always holds a change to go to.
          const words = diffClauseWords(aligned.old!.text, aligned.new!.text, options);
          parts = [{ kind: 'text', segments: words.segments, replaced: words.replaced }];
        }
        return { ...aligned, parts, replaced: parts.some((part) => part.kind === 'text' && part.replaced) };
      }
    }
  });
  const anchors = clauses.flatMap(anchorsOf);
  return { clauses, counts, anchors };
}

function textSegments(kind: WordSegment['kind'], text: string): WordSegment[] {
  return text === '' ? [] : [{ kind, text }];
}

/** Is there anything to show for this clause under "only changed clauses"? */
export function isClauseChanged(clause: AlignedClause): boolean {
  return clause.status !== 'unchanged' || clause.moved;
}

/** The "only changed clauses" filter: changed, added, removed or moved clauses, in order. */
export function onlyChangedClauses(comparison: ContractComparison): ComparedClause[] {
  return comparison.clauses.filter(isClauseChanged);
}

/**
 * The two numbers the contract view shows, in the units its controls use:
 * the changes that next / previous walks through ("change 3 of 15") and the
 * clauses they are in (the rows "only changed clauses" keeps). Every such
 * clause holds at least one of the changes.
 */
export interface ChangeSummary {
  changes: number;
  clauses: number;
}

export function changeSummary(comparison: ContractComparison): ChangeSummary {
  return { changes: comparison.anchors.length, clauses: comparison.clauses.filter(isClauseChanged).length };
}

/**
 * The anchor to go to from `current` (an index into `anchors`, or null
 * before the first move): the next or the previous one, or null at the end
 * unless `wrap` is set. From null, "next" is the first and "previous" the last.
 */
export function adjacentAnchor(anchors: readonly ChangeAnchor[], current: number | null, direction: 'next' | 'previous', wrap = false): number | null {
  if (anchors.length === 0) return null;
  if (current === null) return direction === 'next' ? 0 : anchors.length - 1;
  const target = direction === 'next' ? current + 1 : current - 1;
  if (target >= 0 && target < anchors.length) return target;
  if (!wrap) return null;
  return direction === 'next' ? 0 : anchors.length - 1;
}
