/**
 * The translation memory: sentences the user (or the clause library) has
 * already written in both languages, offered again when the same or a
 * similar sentence is typed in one language and the other is empty. It is
 * built from the user's own drafts, versions and clause library, and never
 * leaves the machine.
 *
 * `suggest` offers, for a text typed in one language, the other language of
 * the closest pairs: an exact match first (after normalising what does not
 * change the meaning: runs of spaces, full-width and half-width forms of the
 * same punctuation, the case of English letters), then the most similar by
 * score, each with where it came from.
 *
 * The similarity is the Dice coefficient of the two texts' tokens, where a
 * token is an English word or a number, or a pair of neighbouring Chinese
 * characters (a character bigram). Chinese is written without spaces, so
 * words cannot be split without a dictionary; bigrams stand in for words
 * and are what Chinese search engines index. A sentence with one number
 * changed then differs by one token of twenty or thirty: close to 1; an
 * unrelated sentence shares only "the", "shall" or "服务": well under the
 * threshold. Dice over tokens (rather than an edit distance over characters)
 * also lets an inverted index find the candidates: only entries sharing a
 * token with the typed text are scored, so a keystroke costs the lengths of
 * its tokens' posting lists, not a comparison with each of 10,000 pairs
 * (bench/run.ts measures it).
 */
import type { ProblemPath } from '../model/problems';
import type { LocalizedText, TextLanguage } from '../model/localized';
import { otherLanguage } from '../model/localized';

/** Where a pair of texts came from, to show beside a suggestion. */
export type MemorySource =
  | {
      kind: 'draft';
      /** The draft's title as the draft list shows it. */
      title: LocalizedText | string;
      /** The version's sequence number; null for a draft's working copy. */
      version: number | null;
      /** The field the text is in. */
      path: ProblemPath;
    }
  | {
      kind: 'clauseLibrary';
      /** The clause the text is in; null for the cover, a phrase or a term of the vocabulary. */
      clauseId: string | null;
      /** The clause's title in both languages, when it has one. */
      clause: LocalizedText | null;
    };

/** One text in both languages and where it came from. */
export interface TranslationPair extends LocalizedText {
  source: MemorySource;
}

/** One suggested translation of a typed text. */
export interface Suggestion {
  /** The translation offered: the other language's text of the pair. */
  text: string;
  /** The pair's text in the language typed, to show what was matched. */
  matched: string;
  /** 1 for an exact match; below 1 (at most 0.99) for a similar text. */
  score: number;
  exact: boolean;
  /** Where the pair came from; `sources` when the same pair was written in several places. */
  source: MemorySource;
  sources: MemorySource[];
}

export interface SuggestOptions {
  /** At most this many suggestions. */
  limit?: number;
  /** Similar texts scoring below this are not offered. */
  minScore?: number;
  /** Leaves out pairs from these sources (the field being typed in, for one). */
  exclude?: (source: MemorySource) => boolean;
}

export const DEFAULT_SUGGESTION_LIMIT = 5;
/**
 * Half the tokens in common. A sentence with one number or one party
 * changed scores 0.9 and more; a sentence and the unrelated clauses of the
 * library closest to it, which share "the Provider shall" or "服务提供方应",
 * score 0.2 to 0.45.
 */
export const DEFAULT_MIN_SCORE = 0.5;
/** Only an exact match reads as 100 %: a text that differs in anything the tokens ignore stays just below. */
const MAX_SIMILAR_SCORE = 0.99;

interface MemoryEntry extends LocalizedText {
  sources: MemorySource[];
}

/** One language's side of the memory: exact texts, and tokens to the entries that hold them. */
interface LanguageIndex {
  exact: Map<string, number[]>;
  /** token → [entry, count, entry, count, …], entries ascending. */
  postings: Map<string, number[]>;
  /** Each entry's number of tokens. */
  sizes: Int32Array;
}

export interface TranslationMemory {
  readonly entries: readonly MemoryEntry[];
  readonly index: Readonly<Record<TextLanguage, LanguageIndex>>;
}

// ── Normalising and tokens ──────────────────────────────────────────────────

/** Punctuation NFKC leaves alone (the Chinese full stop and enumeration comma, curly quotes, corner brackets, dashes), as the half-width mark it stands for. */
const PUNCTUATION: Record<string, string> = {
  '。': '.',
  '、': ',',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
  '「': '"',
  '」': '"',
  '『': '"',
  '』': '"',
  '【': '[',
  '】': ']',
  '〔': '(',
  '〕': ')',
  '《': '<',
  '》': '>',
  '〈': '<',
  '〉': '>',
  '—': '-',
  '–': '-',
  '…': '...',
};
const PUNCTUATION_PATTERN = new RegExp(`[${Object.keys(PUNCTUATION).join('')}]`, 'gu');
/** Printable ASCII and line breaks. */
const ASCII = /^[ -~\t\r\n]*$/;
/** A space beside a Chinese character or mark: Chinese writers space "99.9 %" and "AWS" differently, and it means nothing. */
const SPACE_BESIDE_CHINESE = /\s+(?=[\p{Script=Han}\u3000-\u303f])|(?<=[\p{Script=Han}\u3000-\u303f])\s+/gu;

/**
 * The form in which two texts that differ only in spacing, full-width or
 * half-width punctuation (，and ,) or the case of English letters are the
 * same text.
 */
export function normalizeForMemory(text: string): string {
  let normal = text.normalize('NFKC');
  // Most English texts are plain ASCII: nothing of Chinese to look for.
  if (!ASCII.test(normal)) normal = normal.replace(SPACE_BESIDE_CHINESE, '').replace(PUNCTUATION_PATTERN, (mark) => PUNCTUATION[mark] ?? mark);
  return normal.toLowerCase().replace(/\s+/gu, ' ').trim();
}

const HAN = /\p{Script=Han}/u;
/** A run of Chinese characters, a number (with its decimal point: "99.9" is one token), or a word of letters of another script. */
const TOKEN = /\p{Script=Han}+|\p{N}+(?:[.,]\p{N}+)*|[^\P{L}\p{Script=Han}]+/gu;

/** Calls `visit` with each token of a normalised text: English words and numbers, and Chinese character bigrams (a lone character is itself a token). */
function forEachToken(normalized: string, visit: (token: string) => void): void {
  for (const [run] of normalized.matchAll(TOKEN)) {
    if (!HAN.test(run)) {
      visit(run);
      continue;
    }
    const characters = [...run];
    if (characters.length === 1) visit(run);
    for (let i = 0; i + 1 < characters.length; i++) visit(characters[i]! + characters[i + 1]!);
  }
}

/** The tokens of a normalised text, counted. */
export function memoryTokens(normalized: string): Map<string, number> {
  const counts = new Map<string, number>();
  forEachToken(normalized, (token) => counts.set(token, (counts.get(token) ?? 0) + 1));
  return counts;
}

function tokenCount(tokens: Map<string, number>): number {
  let total = 0;
  for (const count of tokens.values()) total += count;
  return total;
}

// ── Building the memory ─────────────────────────────────────────────────────

/**
 * The memory of these pairs, indexed for `suggest`. A pair missing either
 * language is left out; the same pair written in several places (a preset's
 * sentence in every draft made from it) is one entry with all its sources,
 * in the order given: give the most relevant first (the newest drafts).
 */
export function createMemory(pairs: Iterable<TranslationPair>): TranslationMemory {
  const entries: MemoryEntry[] = [];
  const normalized: Array<Record<TextLanguage, string>> = [];
  const byPair = new Map<string, number>();
  for (const pair of pairs) {
    const en = normalizeForMemory(pair.en);
    const zh = normalizeForMemory(pair['zh-CN']);
    if (en === '' || zh === '') continue;
    const key = `${en}\u0000${zh}`;
    const existing = byPair.get(key);
    if (existing !== undefined) {
      entries[existing]!.sources.push(pair.source);
      continue;
    }
    byPair.set(key, entries.length);
    entries.push({ en: pair.en.trim(), 'zh-CN': pair['zh-CN'].trim(), sources: [pair.source] });
    normalized.push({ en, 'zh-CN': zh });
  }
  return {
    entries,
    index: { en: indexLanguage(normalized, 'en'), 'zh-CN': indexLanguage(normalized, 'zh-CN') },
  };
}

function indexLanguage(normalized: ReadonlyArray<Record<TextLanguage, string>>, language: TextLanguage): LanguageIndex {
  const exact = new Map<string, number[]>();
  // An entry's tokens are visited together: its count is the last of the token's list.
  const lists = new Map<string, number[]>();
  const sizes = new Int32Array(normalized.length);
  normalized.forEach((texts, entry) => {
    const text = texts[language];
    const same = exact.get(text);
    if (same) same.push(entry);
    else exact.set(text, [entry]);
    let size = 0;
    forEachToken(text, (token) => {
      size++;
      const list = lists.get(token);
      if (!list) lists.set(token, [entry, 1]);
      else if (list[list.length - 2] === entry) list[list.length - 1] = list[list.length - 1]! + 1;
      else list.push(entry, 1);
    });
    sizes[entry] = size;
  });
  return { exact, postings: lists, sizes };
}

// ── Suggesting ──────────────────────────────────────────────────────────────

interface Scored {
  entry: number;
  score: number;
  exact: boolean;
}

/**
 * Translations into the other language of a text typed in `from`: exact
 * matches first, then similar texts by score, at most `limit`, none below
 * `minScore`. Equal scores keep the memory's order, so the same memory and
 * text always give the same list. A translation offered by several entries
 * is offered once, with its best score.
 */
export function suggest(memory: TranslationMemory, text: string, from: TextLanguage, options: SuggestOptions = {}): Suggestion[] {
  const limit = options.limit ?? DEFAULT_SUGGESTION_LIMIT;
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const normalized = normalizeForMemory(text);
  if (normalized === '' || limit <= 0) return [];
  const index = memory.index[from];
  const scored: Scored[] = [];

  const exact = index.exact.get(normalized) ?? [];
  for (const entry of exact) scored.push({ entry, score: 1, exact: true });

  const queryTokens = memoryTokens(normalized);
  const querySize = tokenCount(queryTokens);
  if (querySize > 0) {
    const overlap = new Int32Array(memory.entries.length);
    const touched: number[] = [];
    for (const [token, queryCount] of queryTokens) {
      const list = index.postings.get(token);
      if (!list) continue;
      for (let i = 0; i < list.length; i += 2) {
        const entry = list[i]!;
        const sofar = overlap[entry]!;
        if (sofar === 0) touched.push(entry);
        overlap[entry] = sofar + Math.min(queryCount, list[i + 1]!);
      }
    }
    const exactEntries = new Set(exact);
    for (const entry of touched) {
      if (exactEntries.has(entry)) continue;
      const score = Math.min(MAX_SIMILAR_SCORE, (2 * overlap[entry]!) / (querySize + index.sizes[entry]!));
      if (score >= minScore) scored.push({ entry, score, exact: false });
    }
  }

  scored.sort((a, b) => Number(b.exact) - Number(a.exact) || b.score - a.score || a.entry - b.entry);

  const to = otherLanguage(from);
  const offered = new Set<string>();
  const suggestions: Suggestion[] = [];
  for (const { entry: id, score, exact: isExact } of scored) {
    const entry = memory.entries[id]!;
    const sources = options.exclude ? entry.sources.filter((source) => !options.exclude!(source)) : entry.sources;
    if (sources.length === 0) continue;
    const translation = normalizeForMemory(entry[to]);
    if (offered.has(translation)) continue;
    offered.add(translation);
    suggestions.push({ text: entry[to], matched: entry[from], score, exact: isExact, source: sources[0]!, sources });
    if (suggestions.length === limit) break;
  }
  return suggestions;
}
