/**
 * The two contracts side by side: clauses aligned by their stable id (never
 * by number, which shifts when a clause is inserted above), each aligned
 * pair diffed word by word, and the ordered list of changes that the
 * keyboard's next / previous change walks through.
 *
 * Work is proportional to what changed: clauses whose own text is equal are
 * not tokenized at all, so comparing two 200-clause contracts that differ
 * in twenty clauses costs twenty small word diffs.
 */
import { alignByKey } from './align';
import { diffClauseWords, type WordDiffOptions, type WordSegment } from './words';
import { clauseNumberText, clauseOwnText, walkClauses, type Clause, type ContractDoc } from '../contract/doc';

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

export interface ComparedClause extends AlignedClause {
  /**
   * The clause text as segments: one equal segment for an unchanged
   * clause, one inserted (deleted) segment for an added (removed) one,
   * words for a changed one.
   */
  segments: WordSegment[];
  /** A changed clause too different (or too long) to diff word by word: shown as replaced. */
  replaced: boolean;
}

export type ChangeAnchorKind = 'changed' | 'added' | 'removed' | 'moved';

/** One stop of next / previous change. */
export interface ChangeAnchor {
  /** Unique within the comparison, fit for a DOM id or data attribute: "<clause id>@<segment index>". */
  key: string;
  kind: ChangeAnchorKind;
  /** Index into ContractComparison.clauses. */
  clauseIndex: number;
  clauseId: string;
  /** The first segment of the change within the clause; null for a whole-clause stop (added, removed, moved). */
  segmentIndex: number | null;
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

function anchorsOf(clause: ComparedClause, clauseIndex: number): ChangeAnchor[] {
  const anchor = (kind: ChangeAnchorKind, segmentIndex: number | null): ChangeAnchor => ({
    key: `${clause.id}@${segmentIndex ?? 'clause'}`,
    kind,
    clauseIndex,
    clauseId: clause.id,
    segmentIndex,
  });
  if (clause.status === 'added' || clause.status === 'removed') return [anchor(clause.status, null)];
  const anchors: ChangeAnchor[] = [];
  if (clause.moved) anchors.push(anchor('moved', null));
  if (clause.status === 'changed') {
    clause.segments.forEach((segment, index) => {
      const previous = clause.segments[index - 1];
      if (segment.kind !== 'equal' && (previous === undefined || previous.kind === 'equal')) anchors.push(anchor('changed', index));
    });
  }
  return anchors;
}

export function compareContracts(oldDoc: Pick<ContractDoc, 'clauses'>, newDoc: Pick<ContractDoc, 'clauses'>, options: CompareOptions = {}): ContractComparison {
  const counts: ComparisonCounts = { unchanged: 0, changed: 0, added: 0, removed: 0, moved: 0 };
  const clauses = alignClauses(oldDoc, newDoc).map((aligned): ComparedClause => {
    counts[aligned.status]++;
    if (aligned.moved) counts.moved++;
    switch (aligned.status) {
      case 'added':
        return { ...aligned, segments: textSegments('inserted', aligned.new!.text), replaced: false };
      case 'removed':
        return { ...aligned, segments: textSegments('deleted', aligned.old!.text), replaced: false };
      case 'unchanged':
        return { ...aligned, segments: textSegments('equal', aligned.new!.text), replaced: false };
      case 'changed': {
        const words = diffClauseWords(aligned.old!.text, aligned.new!.text, options);
        return { ...aligned, segments: words.segments, replaced: words.replaced };
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
