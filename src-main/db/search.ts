/**
 * Turning what the user typed into the search box into a safe query. Every
 * word must match (AND). Words of three or more characters go to the FTS5
 * trigram index as quoted phrases, so FTS syntax typed by the user (quotes,
 * NEAR, *, -) is just text. Shorter words — most Chinese names are one or two
 * characters, e.g. "云" or "阿里" — cannot form a trigram and are matched with
 * LIKE instead, with % and _ escaped.
 */

export interface SearchPlan {
  /** An FTS5 MATCH expression, or null when no word is long enough for the index. */
  match: string | null;
  /** LIKE patterns (escape character \), one per short word. */
  likePatterns: string[];
}

/** Trigram: a word needs at least three characters (code points) to be in the index. */
const MIN_INDEXED_CHARS = 3;

export function planSearch(query: string): SearchPlan | null {
  const words = query
    .trim()
    .split(/\s+/u)
    .filter((word) => word !== '');
  if (words.length === 0) return null;
  const indexed: string[] = [];
  const likePatterns: string[] = [];
  for (const word of words) {
    if ([...word].length >= MIN_INDEXED_CHARS) indexed.push(`"${word.replaceAll('"', '""')}"`);
    else likePatterns.push(`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  return { match: indexed.length > 0 ? indexed.join(' AND ') : null, likePatterns };
}
