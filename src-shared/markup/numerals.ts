/**
 * Numbers as people write them in a contract, read exactly: figures with
 * thousands separators ("85,000.00"), Chinese numerals (三十, 九十九点九,
 * 二〇二七, and the uppercase numerals of an amount in words, 捌万伍仟) and
 * English number words ("thirty", "forty-five").
 *
 * A number is kept as a decimal (an integer and a count of decimals), never
 * as a binary fraction while it is read: "0.1 hours" must come out as 6
 * minutes, not 6.000000000000001, and "85,000.001" must be known to have
 * three decimals.
 */

/** units / 10^scale. */
export interface Decimal {
  units: bigint;
  scale: number;
}

export function decimal(units: bigint | number, scale = 0): Decimal {
  return { units: BigInt(units), scale };
}

/** "85000.5" → 85000.5 exactly as written; null for anything else than digits with at most one point. */
export function decimalFromDigits(digits: string): Decimal | null {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(digits);
  if (!match) return null;
  const fraction = match[2] ?? '';
  return { units: BigInt(match[1]! + fraction), scale: fraction.length };
}

function aligned(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * 10n ** BigInt(scale - a.scale), b.units * 10n ** BigInt(scale - b.scale), scale];
}

export function addDecimals(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = aligned(a, b);
  return { units: x + y, scale };
}

export function multiplyDecimals(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

export function decimalsEqual(a: Decimal, b: Decimal): boolean {
  const [x, y] = aligned(a, b);
  return x === y;
}

/** Decimals that carry a value: 85000.50 has one, 85000.00 none. */
export function significantDecimals(value: Decimal): number {
  let { units, scale } = value;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return scale;
}

export function decimalToNumber(value: Decimal): number {
  const digits = value.units.toString().padStart(value.scale + 1, '0');
  const point = digits.length - value.scale;
  return Number(value.scale === 0 ? digits : `${digits.slice(0, point)}.${digits.slice(point)}`);
}

/**
 * Figures as typed: "85,000.00", "99.9", "240". Separators must group by
 * three ("1,00" is a typo, not one hundred: it is refused, never guessed).
 */
export function readFigures(text: string): Decimal | null {
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return null;
  return decimalFromDigits(`${match[1]!.replaceAll(',', '')}${match[2] !== undefined ? `.${match[2]}` : ''}`);
}

// ── Chinese numerals ────────────────────────────────────────────────────────

const CHINESE_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  两: 2,
  贰: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const CHINESE_SMALL_PLACES: Record<string, bigint> = { 十: 10n, 拾: 10n, 百: 100n, 佰: 100n, 千: 1_000n, 仟: 1_000n };
const CHINESE_LARGE_PLACES: Record<string, bigint> = { 万: 10_000n, 萬: 10_000n, 亿: 100_000_000n, 億: 100_000_000n };

/** The characters a Chinese numeral is made of, for a tokenizer. */
export const CHINESE_NUMERAL_CHARS = `${Object.keys(CHINESE_DIGITS).join('')}${Object.keys(CHINESE_SMALL_PLACES).join('')}${Object.keys(CHINESE_LARGE_PLACES).join('')}`;

/** The uppercase numerals (大写) of an amount in words, which a lowercase numeral never uses. */
export const CHINESE_UPPERCASE_CHARS = '壹贰叁肆伍陆柒捌玖拾佰仟';

/**
 * A whole number in Chinese numerals: 三十 (30), 十五 (15), 九十九, 一百零五,
 * 两千, 壹拾万零伍 (100,005), 壹万贰仟亿; or read digit by digit when it has
 * no place at all, as years are written (二〇二七 → 2027). Null when the
 * places are out of order (十百) or two digits meet inside a placed numeral
 * (三五十): such a text is a typo, not a number to guess at.
 */
export function readChineseWhole(text: string): bigint | null {
  if (text === '') return null;
  const chars = [...text];
  if (chars.every((char) => Object.hasOwn(CHINESE_DIGITS, char) && char !== '两')) {
    return BigInt(chars.map((char) => CHINESE_DIGITS[char]!).join(''));
  }
  let total = 0n; // whole 亿 groups already placed
  let group = 0n; // the 万 group being read, below 亿
  let section = 0n; // below 万
  let digit: bigint | null = null;
  let lastSmall = 10_000n; // places must fall within a section: 千 then 百 then 十
  let lastLarge = 1_000_000_000_000n;
  let afterZero = false;
  for (const char of chars) {
    if (Object.hasOwn(CHINESE_DIGITS, char)) {
      if (digit !== null) return null;
      const value = BigInt(CHINESE_DIGITS[char]!);
      if (value === 0n) {
        afterZero = true; // 零 only marks a gap: 一百零五
        continue;
      }
      digit = value;
      continue;
    }
    if (Object.hasOwn(CHINESE_SMALL_PLACES, char)) {
      const place = CHINESE_SMALL_PLACES[char]!;
      if (place >= lastSmall) return null;
      // A leading 十 is ten (十五 = 15); elsewhere a place needs its digit (一百一十, not 一百十).
      const count = digit ?? (section === 0n && group === 0n && total === 0n && !afterZero && place === 10n ? 1n : null);
      if (count === null) return null;
      section += count * place;
      lastSmall = place;
      digit = null;
      afterZero = false;
      continue;
    }
    const large = CHINESE_LARGE_PLACES[char];
    if (large === undefined || large >= lastLarge) {
      // 亿 may follow a 万 group (壹万贰仟亿), never the other way round within one group.
      if (large === undefined || !(large === 100_000_000n && lastLarge === 10_000n && total === 0n)) return null;
    }
    const below = section + (digit ?? 0n);
    if (large === 10_000n) {
      if (below === 0n) return null;
      group = below * large;
      lastLarge = large;
    } else {
      const whole = group + below;
      if (whole === 0n) return null;
      total = (total + whole) * large;
      group = 0n;
      lastLarge = large;
    }
    section = 0n;
    digit = null;
    lastSmall = 10_000n;
    afterZero = false;
  }
  return total + group + section + (digit ?? 0n);
}

/**
 * A Chinese number with decimals after 点, read digit by digit:
 * 九十九点九 → 99.9, 零点五 → 0.5.
 */
export function readChineseNumber(text: string): Decimal | null {
  const [whole, fraction, ...rest] = text.split('点');
  if (rest.length > 0 || whole === undefined) return null;
  const integer = whole === '零' || whole === '〇' ? 0n : readChineseWhole(whole);
  if (integer === null) return null;
  if (fraction === undefined) return { units: integer, scale: 0 };
  const digits = [...fraction].map((char) => (Object.hasOwn(CHINESE_DIGITS, char) && char !== '两' ? CHINESE_DIGITS[char]! : null));
  if (digits.length === 0 || digits.some((d) => d === null)) return null;
  return decimalFromDigits(`${integer}.${digits.join('')}`);
}

// ── English number words ────────────────────────────────────────────────────

const EN_SMALL = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
] as const;
const EN_TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'] as const;
const EN_WORD_VALUES = new Map<string, number>([...EN_SMALL.map((word, i) => [word, i] as const), ...EN_TENS.map((word, i) => [word, (i + 2) * 10] as const)]);

/** A word of an English number, for a tokenizer (with "hundred", "thousand" and "and" between them). */
export const EN_NUMBER_WORD = new RegExp(
  String.raw`(?:${[...EN_WORD_VALUES.keys()].sort((a, b) => b.length - a.length).join('|')}|hundred|thousand)(?![a-z])`,
  'iy',
);

/**
 * English number words up to 999,999: "thirty", "forty-five", "one hundred
 * and twenty", "two thousand". Null for a sequence that is not a number
 * ("thirty five hundred ten", "twenty twelve").
 */
export function readEnglishWhole(text: string): number | null {
  const words = text
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((word) => word !== '' && word !== 'and');
  if (words.length === 0) return null;
  let total = 0;
  let current = 0;
  let last: 'small' | 'ten' | 'hundred' | 'thousand' | null = null;
  for (const word of words) {
    const value = EN_WORD_VALUES.get(word);
    if (value !== undefined) {
      const isTen = value >= 20;
      // "twenty five" is 25; "five twenty" or "twelve five" is no number.
      if (last === 'small' || (last === 'ten' && (isTen || value >= 10))) return null;
      if (value === 0 && (last !== null || words.length > 1)) return null;
      current += value;
      last = isTen ? 'ten' : 'small';
    } else if (word === 'hundred') {
      if (last !== 'small' || current === 0 || current >= 10) return null;
      current *= 100;
      last = 'hundred';
    } else if (word === 'thousand') {
      if (last === null || last === 'thousand' || current === 0 || total > 0) return null;
      total = current * 1_000;
      current = 0;
      last = 'thousand';
    } else {
      return null;
    }
  }
  return total + current;
}
