/**
 * Word-level diff of two texts: which words were deleted and which
 * inserted. The side-by-side view highlights them in each aligned clause
 * (contract.ts); the redline (src-main/docx/redline-merge.ts) makes them
 * Word's tracked changes within each paired paragraph, list item and table
 * cell, and pairs edited blocks by the tokens they share (wordTokens).
 *
 * The text is cut into tokens of our own — words, numbers ("99.95",
 * "12,500.00" stay whole, so a changed figure highlights as one figure),
 * runs of white space, single punctuation marks, and single Chinese or
 * Japanese characters — and the `diff` package's Myers implementation (diffArrays)
 * matches them. White space is a token of its own, so the segments always
 * rebuild both texts exactly: equal + deleted = the old text, equal +
 * inserted = the new text. The redline relies on that: it cuts the old and
 * the new runs at the segments' lengths, so that accepting every change
 * gives exactly the new contract and rejecting every change the old one.
 *
 * Chinese has no spaces between words: Han and kana are compared
 * character by character, and the clean-up below joins the characters of
 * a rewritten phrase into one change. Dictionary segmentation
 * (Intl.Segmenter) was tried and left out: its word boundaries depend on
 * the neighbouring characters ("三十日|内" but "六十|日内"), which widened
 * a one-character change to four, and differ between ICU versions, so the
 * redline (written in Node, by the CLI or the app's main process) and the
 * view (in the renderer) could disagree. Digits are never part
 * of a Han token, so a changed figure in a Chinese sentence highlights as
 * just the figure.
 *
 * Two guards keep a pathological pair from freezing the window:
 * `maxEditLength` stops the Myers search once more than that many tokens
 * would have to be deleted or inserted (a 5,000-word clause rewritten
 * entirely stops after a bounded amount of work instead of O(N·D)), and a
 * diff in which less than `minEqualRatio` of the shorter text survives is
 * shown as replaced too, because a confetti of tiny matches ("the", "of")
 * is harder to read than the old and the new text one after the other.
 * The redline diffs with the default guards, so a paragraph past either
 * is deleted and inserted whole there too.
 */
import { diffArrays } from 'diff';

export type WordSegmentKind = 'equal' | 'deleted' | 'inserted';

export interface WordSegment {
  kind: WordSegmentKind;
  text: string;
}

export interface WordDiffOptions {
  /**
   * The most tokens (words, spaces, punctuation) that may differ before the
   * diff gives up and reports the clause as replaced. Default 500: about
   * 250 changed words in one clause, beyond which a word-by-word view no
   * longer helps a reader. The search costs about the square of this
   * number (measured: a 5,000-word clause rewritten entirely gives up
   * after ~35 ms at 500, ~110 ms at 1,000, ~365 ms at 2,000).
   */
  maxEditLength?: number;
  /**
   * Below this share of the shorter text (in non-space characters) left
   * unchanged, the clause is reported as replaced. Default 0.3.
   */
  minEqualRatio?: number;
}

export interface WordDiff {
  segments: WordSegment[];
  /** The clause is shown as one deleted and one inserted block instead of word by word. */
  replaced: boolean;
  /** Why it was replaced: the edit limit was reached, or too little of the text survived. */
  reason: 'editLimit' | 'dissimilar' | null;
}

export const DEFAULT_MAX_EDIT_LENGTH = 500;
export const DEFAULT_MIN_EQUAL_RATIO = 0.3;

/** A figure with its inner separators: "1", "99.95", "12,500.00". */
const FIGURE = String.raw`\p{Nd}+(?:[.,]\p{Nd}+)*`;
const EN_UNIT = String.raw`(?:years?|months?|weeks?|(?:Business\s)?[Dd]ays?|hours?|minutes?|seconds?)`;
const ZH_UNIT = String.raw`(?:小时|分钟|个工作日|个月|分|秒|天|周|年)`;
/**
 * A duration as the contract writes it, figures and units together:
 * "1 hour 5 minutes 45 seconds", "10 Business Days", "1小时5分45秒". One
 * token, so that a changed duration reads as the old phrase deleted and the
 * new one inserted, not as fragments of both interleaved around a shared
 * "minutes" ("1 hour 5 minutes 45 seconds" → "13 minutes 9 seconds").
 */
const DURATION = String.raw`${FIGURE}\s${EN_UNIT}(?:\s${FIGURE}\s${EN_UNIT})*(?![\p{L}\p{N}])|${FIGURE}${ZH_UNIT}(?:${FIGURE}${ZH_UNIT})*(?!\p{N})`;

/**
 * One token per match: a duration (above); white space; a number with its inner separators
 * (not followed by a letter or digit, so "95th" stays a word); a word of
 * letters, digits and inner apostrophes, without Han or kana; or any other
 * single character — which makes each Han or kana character a token.
 */
const TOKEN = new RegExp(
  String.raw`${DURATION}|\s+|\p{Nd}+(?:[.,:]\p{Nd}+)*(?![\p{L}\p{N}])|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{M}\p{N}_])+(?:['’](?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{M}\p{N}_])+)*|[\s\S]`,
  'gu',
);

/** The tokens of a text; joined, they are the text again. */
export function wordTokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

function nonSpaceLength(text: string): number {
  return text.replace(/\s+/g, '').length;
}

function replacedSegments(oldText: string, newText: string): WordSegment[] {
  const segments: WordSegment[] = [];
  if (oldText !== '') segments.push({ kind: 'deleted', text: oldText });
  if (newText !== '') segments.push({ kind: 'inserted', text: newText });
  return segments;
}

/** Runs of changes as one deleted then one inserted segment; adjacent equal text as one segment. */
function regroup(segments: readonly WordSegment[]): WordSegment[] {
  const out: WordSegment[] = [];
  let deleted = '';
  let inserted = '';
  const flush = () => {
    if (deleted !== '') out.push({ kind: 'deleted', text: deleted });
    if (inserted !== '') out.push({ kind: 'inserted', text: inserted });
    deleted = '';
    inserted = '';
  };
  for (const segment of segments) {
    if (segment.kind === 'deleted') deleted += segment.text;
    else if (segment.kind === 'inserted') inserted += segment.text;
    else if (segment.text !== '') {
      flush();
      const last = out[out.length - 1];
      if (last?.kind === 'equal') last.text += segment.text;
      else out.push({ kind: 'equal', text: segment.text });
    }
  }
  flush();
  return out;
}

interface ChangeSize {
  deleted: number;
  inserted: number;
}

/** The deleted and inserted length of the change run right before (step -1) or after (+1) index i. */
function changeBeside(segments: readonly WordSegment[], i: number, step: -1 | 1): ChangeSize {
  const size: ChangeSize = { deleted: 0, inserted: 0 };
  for (let k = i + step; k >= 0 && k < segments.length && segments[k]!.kind !== 'equal'; k += step) {
    size[segments[k]!.kind as 'deleted' | 'inserted'] += segments[k]!.text.length;
  }
  return size;
}

/**
 * Absorb an equal stretch that is no longer than the changes on both sides
 * of it into those changes (the semantic cleanup of diff-match-patch):
 * "paid as a refund" → "given as a credit note" reads as one change, not
 * as "as" and "a" kept between four fragments, and a Chinese sentence does
 * not keep a lone 的 between two rewritten halves. Only where both sides
 * really changed, so that no inserted (or deleted) text is pure filler.
 */
function absorbSmallEqualities(segments: WordSegment[]): WordSegment[] {
  let current = regroup(segments);
  for (;;) {
    const absorbed = new Set<number>();
    current.forEach((segment, i) => {
      if (segment.kind !== 'equal' || i === 0 || i === current.length - 1) return;
      const before = changeBeside(current, i, -1);
      const after = changeBeside(current, i, 1);
      const bothSides = before.deleted + after.deleted > 0 && before.inserted + after.inserted > 0;
      const length = segment.text.length;
      if (bothSides && length <= Math.max(before.deleted, before.inserted) && length <= Math.max(after.deleted, after.inserted)) {
        absorbed.add(i);
      }
    });
    if (absorbed.size === 0) return current;
    current = regroup(
      current.flatMap((segment, i): WordSegment[] =>
        absorbed.has(i)
          ? [
              { kind: 'deleted', text: segment.text },
              { kind: 'inserted', text: segment.text },
            ]
          : [segment],
      ),
    );
  }
}

/**
 * A short equal stretch between two deletions (or two insertions) that can
 * slide out of the way: "不限制[客户]依[据第12条…亦不限制依]法" is the same
 * deletion as "不限制[客户依据第12条…亦不限制]依法", in one piece. The
 * slide moves text within one side only, so both texts still rebuild.
 */
function slideEqualities(segments: WordSegment[]): WordSegment[] {
  let current = segments;
  for (let changed = true; changed;) {
    changed = false;
    for (let i = 1; i + 1 < current.length; i++) {
      const before = current[i - 1]!;
      const equal = current[i]!;
      const after = current[i + 1]!;
      if (equal.kind !== 'equal' || before.kind === 'equal' || before.kind !== after.kind) continue;
      let replacement: WordSegment[] | null = null;
      if (after.text.endsWith(equal.text)) {
        replacement = [
          { kind: before.kind, text: before.text + equal.text + after.text.slice(0, after.text.length - equal.text.length) },
          { kind: 'equal', text: equal.text },
        ];
      } else if (before.text.startsWith(equal.text)) {
        replacement = [
          { kind: 'equal', text: equal.text },
          { kind: before.kind, text: before.text.slice(equal.text.length) + equal.text + after.text },
        ];
      }
      if (replacement) {
        current = regroup([...current.slice(0, i - 1), ...replacement, ...current.slice(i + 2)]);
        changed = true;
        break;
      }
    }
  }
  return current;
}

/** White space that both sides of a change start or end with belongs to the text around it, not to the highlight. */
function trimChangeEdges(segments: WordSegment[]): WordSegment[] {
  const out: WordSegment[] = [];
  for (let i = 0; i < segments.length; i++) {
    const deleted = segments[i]!;
    const inserted = segments[i + 1];
    if (deleted.kind !== 'deleted' || inserted?.kind !== 'inserted') {
      out.push(deleted);
      continue;
    }
    let head = 0;
    while (head < deleted.text.length && head < inserted.text.length && deleted.text[head] === inserted.text[head] && /\s/.test(deleted.text[head]!)) head++;
    let tail = 0;
    while (
      tail < deleted.text.length - head &&
      tail < inserted.text.length - head &&
      deleted.text[deleted.text.length - 1 - tail] === inserted.text[inserted.text.length - 1 - tail] &&
      /\s/.test(deleted.text[deleted.text.length - 1 - tail]!)
    ) {
      tail++;
    }
    out.push(
      { kind: 'equal', text: deleted.text.slice(0, head) },
      { kind: 'deleted', text: deleted.text.slice(head, deleted.text.length - tail) },
      { kind: 'inserted', text: inserted.text.slice(head, inserted.text.length - tail) },
      { kind: 'equal', text: deleted.text.slice(deleted.text.length - tail) },
    );
    i++;
  }
  return regroup(out);
}

export function diffClauseWords(oldText: string, newText: string, options: WordDiffOptions = {}): WordDiff {
  if (oldText === newText) {
    return { segments: oldText === '' ? [] : [{ kind: 'equal', text: oldText }], replaced: false, reason: null };
  }
  if (oldText === '' || newText === '') {
    return { segments: replacedSegments(oldText, newText), replaced: false, reason: null };
  }
  const maxEditLength = Math.max(1, Math.floor(options.maxEditLength ?? DEFAULT_MAX_EDIT_LENGTH));
  const minEqualRatio = options.minEqualRatio ?? DEFAULT_MIN_EQUAL_RATIO;
  const oldTokens = wordTokens(oldText);
  const newTokens = wordTokens(newText);
  const changes = diffArrays(oldTokens, newTokens, { maxEditLength });
  if (changes === undefined) {
    return { segments: replacedSegments(oldText, newText), replaced: true, reason: 'editLimit' };
  }
  const raw: WordSegment[] = changes.map((change) => ({
    kind: change.added ? 'inserted' : change.removed ? 'deleted' : 'equal',
    text: change.value.join(''),
  }));
  const segments = trimChangeEdges(slideEqualities(absorbSmallEqualities(raw)));
  // Judged after the clean-up: what survives is what the reader would see as kept.
  let equalChars = 0;
  for (const segment of segments) if (segment.kind === 'equal') equalChars += nonSpaceLength(segment.text);
  const shorter = Math.min(nonSpaceLength(oldText), nonSpaceLength(newText));
  if (shorter > 0 && equalChars / shorter < minEqualRatio) {
    return { segments: replacedSegments(oldText, newText), replaced: true, reason: 'dissimilar' };
  }
  return { segments, replaced: false, reason: null };
}

/** The old text of a diff (equal and deleted segments): what the tests check the segments rebuild. */
export function oldSideText(segments: readonly WordSegment[]): string {
  return segments
    .filter((segment) => segment.kind !== 'inserted')
    .map((segment) => segment.text)
    .join('');
}

/** The new text of a diff (equal and inserted segments). */
export function newSideText(segments: readonly WordSegment[]): string {
  return segments
    .filter((segment) => segment.kind !== 'deleted')
    .map((segment) => segment.text)
    .join('');
}
