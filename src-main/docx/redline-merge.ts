/**
 * The merged contract of a redline: every clause, block, list item, table
 * row and word of the old and the new version in one ContractDoc per
 * language, with Revisions saying which parts were inserted and which
 * deleted. The contract writer sets it like any contract (same styles,
 * numbering, tables, cover), and the marks make tracked changes of it, so
 * that accepting every change leaves exactly the new contract and
 * rejecting every change exactly the old one.
 *
 * Matching works from the outside in, as a reader would compare:
 * - clauses by their stable id (a clause reordered among its siblings is
 *   deleted where it was and inserted where it is: Word's "move" markup
 *   gains nothing for a contract and not every reader shows it);
 * - within a clause, its blocks in order: identical blocks (and sub-clauses
 *   of the same id) are anchors, and between anchors the old and new blocks
 *   of the same kind are paired by how much text they share, so that an
 *   edited paragraph shows its changed words rather than a deleted and an
 *   inserted paragraph;
 * - list items and untitled table rows likewise; table rows built from a
 *   draft item (a credit tier, a severity) by the item's id; definitions
 *   by their id;
 * - within a paired paragraph, item or cell, the words, with the compare
 *   view's word diff (src-shared/compare/words.ts), whose segments rebuild
 *   both texts exactly; the runs keep their formatting.
 *
 * A bilingual redline merges the English and the Chinese document in
 * lockstep: a block is unchanged only when it is unchanged in both
 * languages, so both halves keep the same shape for the side-by-side
 * layout.
 */
import { diffArrays } from 'diff';
import { diffClauseWords, wordTokens } from '../../src-shared/compare/words';
import {
  runsText,
  type Block,
  type Clause,
  type ContractDoc,
  type CoverBlock,
  type Definition,
  type ListBlock,
  type Paragraph as ParagraphBlock,
  type Run,
  type SignatureBlock,
  type SignatureParty,
  type Table,
  type TableRow,
} from '../../src-shared/contract/doc';
import type { RevisionKind, Revisions } from './revisions';

/** The same thing in each language of the redline (one entry for a single-language redline). */
type Parallel<T> = T[];

const SEPARATOR = '\u0001';

/** Pairs of old and new items in a stretch between anchors: beyond this many candidate pairs, pair in order instead of by similarity. */
const MAX_SIMILARITY_PAIRS = 2_500;
/** Below this share of shared words, two blocks read as different and are deleted and inserted rather than diffed. */
const MIN_PAIR_SIMILARITY = 0.3;

export class RedlineMerger {
  constructor(private readonly revisions: Revisions) {}

  // ── Runs ────────────────────────────────────────────────────────────────

  private marked(runs: readonly Run[], kind: RevisionKind): Run[] {
    return runs.filter((run) => run.text !== '').map((run) => this.revisions.mark({ ...run }, kind));
  }

  /**
   * The runs of a paired paragraph (item, cell): the new runs where the
   * text is unchanged, with the deleted words (in their old formatting)
   * and the inserted words marked.
   */
  runs(oldRuns: readonly Run[], newRuns: readonly Run[]): Run[] {
    const oldText = runsText(oldRuns);
    const newText = runsText(newRuns);
    if (oldText === newText) return [...newRuns];
    const { segments } = diffClauseWords(oldText, newText);
    const oldCursor = new RunCursor(oldRuns);
    const newCursor = new RunCursor(newRuns);
    const out: Run[] = [];
    for (const segment of segments) {
      const length = segment.text.length;
      if (segment.kind === 'equal') {
        oldCursor.skip(length);
        out.push(...newCursor.take(length));
      } else if (segment.kind === 'deleted') {
        for (const run of oldCursor.take(length)) out.push(this.revisions.mark(run, 'deleted'));
      } else {
        for (const run of newCursor.take(length)) out.push(this.revisions.mark(run, 'inserted'));
      }
    }
    return out;
  }

  /** A plain-text value (a title, a signatory's name) as runs with its changed words. */
  private textRuns(oldText: string, newText: string): Run[] {
    return this.runs(oldText === '' ? [] : [{ text: oldText }], newText === '' ? [] : [{ text: newText }]);
  }

  // ── Whole parts, inserted or deleted ────────────────────────────────────

  private wholeClause(clause: Clause, kind: RevisionKind): Clause {
    const copy: Clause = { ...clause, blocks: clause.blocks.map((block) => this.wholeBlock(block, kind)) };
    if (clause.title !== null) {
      this.revisions.mark(copy, kind);
      this.revisions.setText(copy, 'title', this.marked([{ text: clause.title }], kind));
    }
    return copy;
  }

  private wholeRow(row: TableRow, kind: RevisionKind): TableRow {
    return this.revisions.mark({ ...row, cells: row.cells.map((cell) => ({ runs: this.marked(cell.runs, kind) })) }, kind);
  }

  private wholeParty(party: SignatureParty, kind: RevisionKind): SignatureParty {
    const copy: SignatureParty = { ...party, heading: this.marked(party.heading, kind) };
    for (const field of ['signatoryName', 'signatoryTitle'] as const) {
      // A value left blank is a ruled line (a tab with an underscore leader) in the signature block.
      this.revisions.setText(copy, field, this.marked([{ text: party[field].trim() === '' ? '\t' : party[field] }], kind));
    }
    return copy;
  }

  wholeBlock(block: Block, kind: RevisionKind): Block {
    switch (block.kind) {
      case 'paragraph':
        return this.revisions.mark({ kind: 'paragraph', runs: this.marked(block.runs, kind) }, kind);
      case 'clause':
        return { kind: 'clause', clause: this.wholeClause(block.clause, kind) };
      case 'list':
        return { ...block, items: block.items.map((item) => this.revisions.mark(this.marked(item, kind), kind)) };
      case 'definitions':
        return { ...block, items: block.items.map((item) => this.revisions.mark({ ...item, runs: this.marked(item.runs, kind) }, kind)) };
      case 'table':
        return this.revisions.mark(
          { ...block, header: block.header.map((row) => this.wholeRow(row, kind)), rows: block.rows.map((row) => this.wholeRow(row, kind)) },
          kind,
        );
      case 'signature':
        return this.revisions.mark({ ...block, parties: block.parties.map((party) => this.wholeParty(party, kind)) }, kind);
    }
  }

  // ── Sequences ───────────────────────────────────────────────────────────

  /**
   * Merges two sequences of parallel items: equal keys are kept (and
   * merged by `same`), and in each stretch between them, the pairs chosen
   * by `similarity` (0 = never pair) are merged by `pair`, the others
   * deleted and inserted whole.
   */
  private sequence<T>(
    olds: Parallel<readonly T[]>,
    news: Parallel<readonly T[]>,
    spec: {
      key: (items: Parallel<T>) => string;
      same: (olds: Parallel<T>, news: Parallel<T>) => Parallel<T>;
      similarity: (olds: Parallel<T>, news: Parallel<T>) => number;
      pair: (olds: Parallel<T>, news: Parallel<T>) => Parallel<T>;
      whole: (item: T, kind: RevisionKind) => T;
    },
  ): Parallel<T[]> {
    const languages = olds.length;
    const at = (lists: Parallel<readonly T[]>, index: number): Parallel<T> => lists.map((list) => list[index]!);
    const keys = (lists: Parallel<readonly T[]>) => lists[0]!.map((_, index) => spec.key(at(lists, index)));
    const out: Parallel<T[]> = Array.from({ length: languages }, () => []);
    const emit = (items: Parallel<T>) => items.forEach((item, language) => out[language]!.push(item));
    const emitWhole = (lists: Parallel<readonly T[]>, index: number, kind: RevisionKind) => emit(at(lists, index).map((item) => spec.whole(item, kind)));

    let oldIndex = 0;
    let newIndex = 0;
    let removed: number[] = [];
    let added: number[] = [];
    const flushStretch = () => {
      const pairs = this.pairUp(removed, added, (o, n) => spec.similarity(at(olds, o), at(news, n)));
      let r = 0;
      let a = 0;
      for (const [o, n] of [...pairs, [Infinity, Infinity] as const]) {
        for (; r < removed.length && removed[r]! < o; r++) emitWhole(olds, removed[r]!, 'deleted');
        for (; a < added.length && added[a]! < n; a++) emitWhole(news, added[a]!, 'inserted');
        if (o === Infinity) break;
        emit(spec.pair(at(olds, o), at(news, n)));
        r++;
        a++;
      }
      removed = [];
      added = [];
    };
    for (const change of diffArrays(keys(olds), keys(news))) {
      const count = change.value.length;
      if (change.removed) {
        for (let k = 0; k < count; k++) removed.push(oldIndex++);
      } else if (change.added) {
        for (let k = 0; k < count; k++) added.push(newIndex++);
      } else {
        flushStretch();
        for (let k = 0; k < count; k++) emit(spec.same(at(olds, oldIndex++), at(news, newIndex++)));
      }
    }
    flushStretch();
    return out;
  }

  /**
   * Order-preserving pairs of old and new items with the most similarity
   * in total (a small dynamic programme: stretches between anchors are a
   * few blocks long); pairs in order of appearance when a stretch is large.
   */
  private pairUp(removed: readonly number[], added: readonly number[], similarity: (oldIndex: number, newIndex: number) => number): Array<[number, number]> {
    if (removed.length === 0 || added.length === 0) return [];
    const pairs: Array<[number, number]> = [];
    if (removed.length * added.length > MAX_SIMILARITY_PAIRS) {
      let a = 0;
      for (const o of removed) {
        while (a < added.length && similarity(o, added[a]!) <= 0) a++;
        if (a === added.length) break;
        pairs.push([o, added[a]!]);
        a++;
      }
      return pairs;
    }
    const rows = removed.length;
    const columns = added.length;
    const score: number[] = new Array<number>(rows * columns);
    for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) score[i * columns + j] = similarity(removed[i]!, added[j]!);
    // best[i][j]: the best total over removed[i..] and added[j..].
    const best: number[][] = Array.from({ length: rows + 1 }, () => new Array<number>(columns + 1).fill(0));
    for (let i = rows - 1; i >= 0; i--) {
      for (let j = columns - 1; j >= 0; j--) {
        const s = score[i * columns + j]!;
        best[i]![j] = Math.max(best[i + 1]![j]!, best[i]![j + 1]!, s > 0 ? s + best[i + 1]![j + 1]! : 0);
      }
    }
    let i = 0;
    let j = 0;
    while (i < rows && j < columns) {
      const s = score[i * columns + j]!;
      if (s > 0 && best[i]![j] === s + best[i + 1]![j + 1]!) {
        pairs.push([removed[i]!, added[j]!]);
        i++;
        j++;
      } else if (best[i]![j] === best[i + 1]![j]) i++;
      else j++;
    }
    return pairs;
  }

  // ── Clauses and blocks ──────────────────────────────────────────────────

  /** The top-level clauses, or the blocks of a clause. */
  blocks(olds: Parallel<readonly Block[]>, news: Parallel<readonly Block[]>): Parallel<Block[]> {
    return this.sequence(olds, news, {
      key: blockKey,
      same: (oldBlocks, newBlocks) => (newBlocks[0]!.kind === 'clause' ? this.clausePair(oldBlocks, newBlocks) : newBlocks),
      similarity: (oldBlocks, newBlocks) => blockSimilarity(oldBlocks[0]!, newBlocks[0]!),
      pair: (oldBlocks, newBlocks) => this.blockPair(oldBlocks, newBlocks),
      whole: (block, kind) => this.wholeBlock(block, kind),
    });
  }

  clauses(olds: Parallel<readonly Clause[]>, news: Parallel<readonly Clause[]>): Parallel<Clause[]> {
    const asBlocks = (clauses: readonly Clause[]): Block[] => clauses.map((clause) => ({ kind: 'clause', clause }));
    return this.blocks(olds.map(asBlocks), news.map(asBlocks)).map((blocks) => blocks.map((block) => (block as Extract<Block, { kind: 'clause' }>).clause));
  }

  /** Two clauses with the same id: the title's words, then the blocks. */
  private clausePair(olds: Parallel<Block>, news: Parallel<Block>): Parallel<Block> {
    const oldClauses = olds.map((block) => (block as Extract<Block, { kind: 'clause' }>).clause);
    const newClauses = news.map((block) => (block as Extract<Block, { kind: 'clause' }>).clause);
    let blocks: Parallel<Block[]>;
    if (numbersFirstParagraph(oldClauses[0]!) && numbersFirstParagraph(newClauses[0]!)) {
      // An untitled clause carries its number on its first paragraph: that paragraph stays one paragraph (its words
      // change), so the number is where both versions have it; a deleted first paragraph would take the number with it.
      const first = this.blockPair(
        oldClauses.map((clause) => clause.blocks[0]!),
        newClauses.map((clause) => clause.blocks[0]!),
      );
      const rest = this.blocks(
        oldClauses.map((clause) => clause.blocks.slice(1)),
        newClauses.map((clause) => clause.blocks.slice(1)),
      );
      blocks = rest.map((others, language) => [first[language]!, ...others]);
    } else {
      blocks = this.blocks(
        oldClauses.map((clause) => clause.blocks),
        newClauses.map((clause) => clause.blocks),
      );
    }
    return newClauses.map((current, language): Block => {
      const before = oldClauses[language]!;
      const merged: Clause = { ...current, title: current.title ?? before.title, blocks: blocks[language]! };
      if (before.title !== current.title) {
        this.revisions.setText(merged, 'title', this.textRuns(before.title ?? '', current.title ?? ''));
        // A heading only one version has: its paragraph comes and goes with its words.
        if (before.title === null) this.revisions.mark(merged, 'inserted');
        else if (current.title === null) this.revisions.mark(merged, 'deleted');
      }
      return { kind: 'clause', clause: merged };
    });
  }

  /** Two blocks of one kind paired between anchors. */
  private blockPair(olds: Parallel<Block>, news: Parallel<Block>): Parallel<Block> {
    const kind = news[0]!.kind;
    switch (kind) {
      case 'paragraph':
        return (news as ParagraphBlock[]).map((block, language) => ({
          kind: 'paragraph',
          runs: this.runs((olds[language] as ParagraphBlock).runs, block.runs),
        }));
      case 'list':
        return this.listPair(olds as ListBlock[], news as ListBlock[]);
      case 'definitions':
        return this.definitionsPair(olds as Array<Extract<Block, { kind: 'definitions' }>>, news as Array<Extract<Block, { kind: 'definitions' }>>);
      case 'table':
        return this.tablePair(olds as Table[], news as Table[]);
      case 'signature':
        return this.signaturePair(olds as SignatureBlock[], news as SignatureBlock[]);
      case 'clause':
        return this.clausePair(olds, news);
    }
  }

  private listPair(olds: Parallel<ListBlock>, news: Parallel<ListBlock>): Parallel<ListBlock> {
    const items = this.sequence(
      olds.map((list) => list.items),
      news.map((list) => list.items),
      {
        key: (parallel) => parallel.map(runsText).join(SEPARATOR),
        same: (_, current) => current,
        similarity: (oldItems, newItems) => textSimilarity(runsText(oldItems[0]!), runsText(newItems[0]!)),
        pair: (oldItems, newItems) => newItems.map((item, language) => this.runs(oldItems[language]!, item)),
        whole: (item, kind) => this.revisions.mark(this.marked(item, kind), kind),
      },
    );
    return news.map((list, language) => ({ ...list, items: items[language]! }));
  }

  private definitionsPair(
    olds: Parallel<Extract<Block, { kind: 'definitions' }>>,
    news: Parallel<Extract<Block, { kind: 'definitions' }>>,
  ): Parallel<Extract<Block, { kind: 'definitions' }>> {
    const items = this.sequence<Definition>(
      olds.map((block) => block.items),
      news.map((block) => block.items),
      {
        key: (parallel) => parallel[0]!.id,
        same: (oldItems, newItems) => newItems.map((item, language) => ({ ...item, runs: this.runs(oldItems[language]!.runs, item.runs) })),
        similarity: () => 0,
        pair: (_, current) => current,
        whole: (item, kind) => this.revisions.mark({ ...item, runs: this.marked(item.runs, kind) }, kind),
      },
    );
    return news.map((block, language) => ({ ...block, items: items[language]! }));
  }

  private rows(olds: Parallel<readonly TableRow[]>, news: Parallel<readonly TableRow[]>): Parallel<TableRow[]> {
    const cellsPair = (oldRows: Parallel<TableRow>, newRows: Parallel<TableRow>) =>
      newRows.map((row, language) => ({
        ...row,
        cells: row.cells.map((cell, c) => ({ runs: this.runs(oldRows[language]!.cells[c]?.runs ?? [], cell.runs) })),
      }));
    return this.sequence(olds, news, {
      // A row made from a draft item is that item, whatever its cells say; other rows are what they say.
      key: (parallel) => (parallel[0]!.id !== undefined ? `id${SEPARATOR}${parallel[0]!.id}` : parallel.map(rowText).join(SEPARATOR)),
      same: cellsPair,
      similarity: (oldRows, newRows) =>
        oldRows[0]!.id !== undefined && newRows[0]!.id !== undefined ? 0 : textSimilarity(rowText(oldRows[0]!), rowText(newRows[0]!)),
      pair: cellsPair,
      whole: (row, kind) => this.wholeRow(row, kind),
    });
  }

  private tablePair(olds: Parallel<Table>, news: Parallel<Table>): Parallel<Table> {
    const header = this.rows(
      olds.map((table) => table.header),
      news.map((table) => table.header),
    );
    const rows = this.rows(
      olds.map((table) => table.rows),
      news.map((table) => table.rows),
    );
    return news.map((table, language) => ({ ...table, header: header[language]!, rows: rows[language]! }));
  }

  private signaturePair(olds: Parallel<SignatureBlock>, news: Parallel<SignatureBlock>): Parallel<SignatureBlock> {
    return news.map((block, language) => {
      const before = olds[language]!;
      const parties = block.parties.map((party, p) => {
        const old = before.parties[p]!;
        const merged: SignatureParty = { ...party, heading: this.runs(old.heading, party.heading) };
        for (const field of ['signatoryName', 'signatoryTitle'] as const) {
          if (old[field] === party[field]) continue;
          const blank = (value: string) => value.trim() === '';
          // A blank value is a ruled line: one version's line is replaced by the other's words.
          const runs =
            blank(old[field]) || blank(party[field])
              ? [
                  ...this.marked([{ text: blank(old[field]) ? '\t' : old[field] }], 'deleted'),
                  ...this.marked([{ text: blank(party[field]) ? '\t' : party[field] }], 'inserted'),
                ]
              : this.textRuns(old[field], party[field]);
          this.revisions.setText(merged, field, runs);
        }
        return merged;
      });
      return { ...block, parties };
    });
  }

  // ── Cover ───────────────────────────────────────────────────────────────

  cover(before: CoverBlock, current: CoverBlock): CoverBlock {
    const lines = this.sequence([before.lines], [current.lines], {
      key: (parallel) => parallel[0]!.id,
      same: (oldLines, newLines) => [{ ...newLines[0]!, runs: this.runs(oldLines[0]!.runs, newLines[0]!.runs) }],
      similarity: () => 0,
      pair: (_, newLines) => newLines,
      whole: (line, kind) => this.revisions.mark({ ...line, runs: this.marked(line.runs, kind) }, kind),
    })[0]!;
    const merged: CoverBlock = { title: current.title, lines };
    if (before.title !== current.title) this.revisions.setText(merged, 'title', this.textRuns(before.title, current.title));
    return merged;
  }
}

/** Reads a run of text in pieces, keeping each piece's formatting. */
class RunCursor {
  private index = 0;
  private offset = 0;

  constructor(private readonly runs: readonly Run[]) {}

  take(length: number): Run[] {
    const out: Run[] = [];
    let remaining = length;
    while (remaining > 0 && this.index < this.runs.length) {
      const run = this.runs[this.index]!;
      const available = run.text.length - this.offset;
      if (available <= 0) {
        this.index++;
        this.offset = 0;
        continue;
      }
      const taken = Math.min(available, remaining);
      out.push({ ...run, text: run.text.slice(this.offset, this.offset + taken) });
      this.offset += taken;
      remaining -= taken;
    }
    return out;
  }

  skip(length: number): void {
    this.take(length);
  }
}

/** An untitled numbered clause whose number the writer sets on its first paragraph. */
function numbersFirstParagraph(clause: Clause): boolean {
  return clause.title === null && clause.number.length > 0 && clause.blocks[0]?.kind === 'paragraph';
}

function rowText(row: TableRow): string {
  return row.cells.map((cell) => runsText(cell.runs)).join('\t');
}

/** What a block says, for deciding whether two blocks are the same. */
function blockText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return runsText(block.runs);
    case 'clause':
      return block.clause.id;
    case 'list':
      return `${block.style}\n${block.items.map(runsText).join('\n')}`;
    case 'definitions':
      return block.items.map((item) => `${item.id}\t${runsText(item.runs)}`).join('\n');
    case 'table':
      return `${block.tableKind}\t${block.widths.join(',')}\t${block.align.join(',')}\n${[...block.header, ...block.rows].map((row) => `${row.id ?? ''}\t${rowText(row)}`).join('\n')}`;
    case 'signature':
      return `${Object.values(block.labels).join('\t')}\n${block.parties.map((party) => `${party.role}\t${runsText(party.heading)}\t${party.signatoryName}\t${party.signatoryTitle}`).join('\n')}`;
  }
}

function blockKey(parallel: Parallel<Block>): string {
  return `${parallel[0]!.kind}${SEPARATOR}${parallel.map(blockText).join(SEPARATOR)}`;
}

/** Share of words two texts have in common (0–1), counting each word as often as it occurs. */
function textSimilarity(a: string, b: string): number {
  const count = new Map<string, number>();
  let total = 0;
  for (const token of wordTokens(a)) {
    if (/^\s+$/.test(token)) continue;
    count.set(token, (count.get(token) ?? 0) + 1);
    total++;
  }
  let shared = 0;
  for (const token of wordTokens(b)) {
    if (/^\s+$/.test(token)) continue;
    total++;
    const left = count.get(token) ?? 0;
    if (left > 0) {
      shared++;
      count.set(token, left - 1);
    }
  }
  return total === 0 ? 1 : (2 * shared) / total;
}

/** How well two blocks pair up for a word diff: 0 where they cannot (another kind, another table shape) or share too little. */
function blockSimilarity(before: Block, current: Block): number {
  if (before.kind !== current.kind) return 0;
  switch (current.kind) {
    case 'clause':
      return 0;
    case 'paragraph':
    case 'definitions': {
      const similarity = textSimilarity(blockText(before), blockText(current));
      return similarity >= MIN_PAIR_SIMILARITY ? similarity : 0;
    }
    case 'list': {
      if ((before as ListBlock).style !== current.style) return 0;
      const similarity = textSimilarity(blockText(before), blockText(current));
      return similarity >= MIN_PAIR_SIMILARITY ? similarity : 0;
    }
    case 'table': {
      const old = before as Table;
      // Rows are paired cell by cell: only a table of the same kind and columns can be.
      if (old.tableKind !== current.tableKind || old.widths.length !== current.widths.length) return 0;
      return 1 + textSimilarity(blockText(before), blockText(current));
    }
    case 'signature': {
      const old = before as SignatureBlock;
      return old.parties.map((party) => party.role).join() === current.parties.map((party) => party.role).join() ? 1 : 0;
    }
  }
}

/** One version's contract in each language of the redline, in the same order for both versions. */
export function mergeContracts(olds: Parallel<ContractDoc>, news: Parallel<ContractDoc>, revisions: Revisions): Parallel<ContractDoc> {
  const merger = new RedlineMerger(revisions);
  const clauses = merger.clauses(
    olds.map((doc) => doc.clauses),
    news.map((doc) => doc.clauses),
  );
  return news.map((doc, language) => ({ ...doc, cover: merger.cover(olds[language]!.cover, doc.cover), clauses: clauses[language]! }));
}
