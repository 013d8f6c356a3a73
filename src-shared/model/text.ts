/**
 * Text that says what it shows. A draft's text is printed into a contract
 * both parties sign, so it may not hold characters that make it read
 * differently from what it is:
 *
 * - bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+061C, and the
 *   marks U+200E/U+200F), which reorder what follows: "Acme ‹U+202E›gpj.exe"
 *   shows as "Acme exe.jpg";
 * - other invisible format characters (U+200B–U+200D, U+2060–U+2064,
 *   U+FEFF), which make two names that look the same differ — except the
 *   zero-width non-joiner and joiner (U+200C, U+200D) between two letters
 *   of a script that spells with them (Persian "می‌خواهم", Hindi "क्‍ष",
 *   Malayalam chillu forms) or, for the joiner, inside an emoji sequence:
 *   there they are part of the spelling, and nowhere else;
 * - control characters (C0 except a tab or line break in a multi-line
 *   field, DEL, C1), which a contract cannot show and silently drops;
 * - half of a surrogate pair, which is not a character at all;
 * - the replacement character U+FFFD, left where text was read in the wrong
 *   encoding: a character is already lost.
 *
 * The schema refuses such text rather than cleaning it, so that what was
 * checked is exactly what is stored, hashed and printed. Where refusing is
 * not possible — a file name proposed from a title — `withoutHiddenCharacters`
 * takes them out.
 */

/** What is wrong; each is a message `validation.<kind>` in both languages. */
export const TEXT_FLAW_KINDS = ['invisibleCharacter', 'controlCharacter', 'singleLine', 'loneSurrogate', 'replacementCharacter'] as const;
export type TextFlawKind = (typeof TEXT_FLAW_KINDS)[number];

export interface TextFlaw {
  kind: TextFlawKind;
  /** The character as a code point, e.g. "U+202E": never the character itself, which would act in the message too. */
  character: string;
  /** 1-based, in characters (code points) as a reader counts them. */
  position: number;
}

const INVISIBLE = '\\u061C\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF';
const LONE_SURROGATE = '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
/** Without the `u` flag, so that a lone surrogate is one code unit the pattern can see. */
const flawPattern = (controls: string, flags = '') => new RegExp(`[${controls}\\u007F-\\u009F${INVISIBLE}\\uFFFD]|${LONE_SURROGATE}`, flags);

const SINGLE_LINE_FLAW = flawPattern('\\u0000-\\u001F', 'g');
/** A multi-line field keeps its tabs (U+0009) and line breaks (U+000A). */
const MULTI_LINE_FLAW = flawPattern('\\u0000-\\u0008\\u000B-\\u001F', 'g');

/** Scripts whose spelling uses the zero-width (non-)joiner between letters. */
const JOINING_SCRIPTS = [
  'Arabic',
  'Syriac',
  'Nko',
  'Mongolian',
  'Devanagari',
  'Bengali',
  'Gurmukhi',
  'Gujarati',
  'Oriya',
  'Tamil',
  'Telugu',
  'Kannada',
  'Malayalam',
  'Sinhala',
]
  .map((script) => `\\p{Script=${script}}`)
  .join('|');
/** A joiner-using letter or mark just before the joiner, and just after it; or a mark (a virama) of such a script before it, as in a Malayalam chillu at the end of a word. */
const JOINER_BEFORE = new RegExp(`(?:${JOINING_SCRIPTS})$`, 'u');
const VIRAMA_BEFORE = new RegExp(`(?=\\p{M})(?:${JOINING_SCRIPTS})$`, 'u');
const JOINER_AFTER = new RegExp(`^(?:${JOINING_SCRIPTS})`, 'u');
/** An emoji (with its variation selector or skin tone) before a ZWJ, and an emoji after it: 👩‍💻, 🏳️‍🌈. */
const EMOJI_BEFORE = /\p{Extended_Pictographic}(?:\u{FE0F}|\p{Emoji_Modifier})?$/u;
const EMOJI_AFTER = /^\p{Extended_Pictographic}/u;

/** A ZWNJ or ZWJ at `index` that is part of the spelling, as the header says. */
function isSpellingJoiner(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  if (unit !== 0x200c && unit !== 0x200d) return false;
  const before = text.slice(Math.max(0, index - 4), index);
  const after = text.slice(index + 1, index + 3);
  if (VIRAMA_BEFORE.test(before) || (JOINER_BEFORE.test(before) && JOINER_AFTER.test(after))) return true;
  return unit === 0x200d && EMOJI_BEFORE.test(before) && EMOJI_AFTER.test(after);
}

/** The index of the first character of `text` the pattern finds that is not a spelling joiner, or -1. */
function firstFlaw(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (!isSpellingJoiner(text, match.index)) return match.index;
  }
  return -1;
}

function kindOf(unit: number): TextFlawKind {
  if (unit === 0x09 || unit === 0x0a) return 'singleLine';
  if (unit <= 0x1f || (unit >= 0x7f && unit <= 0x9f)) return 'controlCharacter';
  if (unit >= 0xd800 && unit <= 0xdfff) return 'loneSurrogate';
  if (unit === 0xfffd) return 'replacementCharacter';
  return 'invisibleCharacter';
}

/** The first character of `text` a draft may not hold, or null when there is none. */
export function findTextFlaw(text: string, multiLine: boolean): TextFlaw | null {
  const index = firstFlaw(multiLine ? MULTI_LINE_FLAW : SINGLE_LINE_FLAW, text);
  if (index < 0) return null;
  const unit = text.charCodeAt(index);
  return {
    kind: kindOf(unit),
    character: `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`,
    position: Array.from(text.slice(0, index)).length + 1,
  };
}

const CONTROLS = /[\u0000-\u001F\u007F-\u009F]+/g; // eslint-disable-line no-control-regex -- control characters are what it finds
const HIDDEN = flawPattern('', 'g');

/**
 * The text with control characters turned into spaces and the invisible
 * characters and surrogate halves taken out, for a file name proposed from
 * a title ("Acme ‹U+202E›gpj.exe" → "Acme gpj.exe").
 */
export function withoutHiddenCharacters(text: string): string {
  return text
    .replace(CONTROLS, ' ')
    .replace(HIDDEN, (found, index: number, whole: string) => (found === '\uFFFD' || isSpellingJoiner(whole, index) ? found : ''));
}
