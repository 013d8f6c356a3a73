/**
 * A value read back from the words of a returned contract. Where the
 * counterparty typed over a value SLA Studio printed ("99.9 %", "30 days",
 * "USD 85,000.00", "2027年1月1日"), `readValue` turns their text into the
 * field's type, so that the change can be proposed as a field change — or
 * says why it cannot, and the caller shows a change of wording instead.
 *
 * It is the inverse of src-shared/format as the template's filters use it
 * (contract/filters.ts): whatever the contract printed in either language
 * reads back as the value it printed. Beyond that it reads what lawyers
 * type: full-width digits and signs (NFKC), "per cent", "hrs", "mins",
 * thousands separators, Chinese numerals (三十日, 九十九点九%, 百分之九十九点九,
 * 二〇二七年一月一日), English number words with the figures beside them
 * ("thirty (30) days"), and an amount restated in words.
 *
 * It never guesses. Whatever is left over after a value ("at least",
 * "or 99.95 %"), a unit the field does not count in, a currency other than
 * the draft's or a date that reads two ways makes the text unreadable, with
 * a reason the user is shown (`markup.value.*` in the i18n files). Both
 * languages' forms are read in either column of a contract: the text's own
 * words say which it is, and a counterparty editing the Chinese column may
 * well type "USD 90,000.00".
 *
 * Whether the value is within the field's limits is not decided here: the
 * caller validates the proposed draft like any other (a value typed as
 * 1.5 days is read as 1.5, and the schema says a day count is whole).
 */
import { ZH_CURRENCY_NAMES } from '../format';
import type { Translate } from '../i18n';
import { currencyDecimals } from '../math/money';
import type { MetricUnit } from '../model/metrics';
import {
  CHINESE_NUMERAL_CHARS,
  CHINESE_UPPERCASE_CHARS,
  EN_NUMBER_WORD,
  addDecimals,
  decimal,
  decimalToNumber,
  decimalsEqual,
  multiplyDecimals,
  readChineseNumber,
  readChineseWhole,
  readEnglishWhole,
  readFigures,
  significantDecimals,
  type Decimal,
} from './numerals';

/** A noun a count is printed with, as vocabulary.yaml defines it ("10 Business Days" / "10个工作日"). */
export interface NounWords {
  en: { one: string; other: string };
  'zh-CN': string;
}

/** What a printed value is, as the filter that printed it says (see `valueKindOfFilter`). */
export type ValueKind =
  /** A bare number: `| number`, a latency percentile. */
  | { kind: 'number' }
  /** In percent units: 99.9 for "99.9 %". */
  | { kind: 'percent' }
  /** An amount in the draft's currency, with or without the Chinese amount in words. */
  | { kind: 'money'; currency: string }
  /** A duration in seconds (`| duration`). */
  | { kind: 'seconds' }
  /** A duration in minutes (`| minutes`): response times, notice periods. */
  | { kind: 'minutes' }
  /** Minutes counted within Business Hours (`| businessMinutes`). */
  | { kind: 'businessMinutes'; businessDayMinutes: number | null }
  /** A whole count of a noun (`| count:day`); `words` are the template's, read first. */
  | { kind: 'count'; noun: string; words?: NounWords }
  /** A calendar date, read as 'YYYY-MM-DD'. */
  | { kind: 'date' }
  /** A metric's level in its unit (format's formatLevel). */
  | { kind: 'level'; unit: MetricUnit; customUnit?: string | null };

export const UNREADABLE_REASONS = [
  'empty',
  'unreadable',
  'noNumber',
  'severalValues',
  'unitMissing',
  'wrongUnit',
  'currencyMissing',
  'currencyMismatch',
  'currencyAmbiguous',
  'tooManyDecimals',
  'restatementDisagrees',
  'ambiguousDate',
  'yearMissing',
  'noSuchDate',
] as const;
export type UnreadableReason = (typeof UNREADABLE_REASONS)[number];

/**
 * Why a text is not read as a value. `key` is the message in the i18n
 * files; `params` with `foundUnit` / `expectedUnit` name units by their
 * `markup.unit.*` key, which `describeUnreadable` words for the language.
 */
export interface UnreadableValue {
  code: UnreadableReason;
  key: `markup.value.${UnreadableReason}`;
  params: Record<string, string | number>;
}

export type ValueReading<K extends ValueKind = ValueKind> =
  { ok: true; value: K extends { kind: 'date' } ? string : number } | { ok: false; reason: UnreadableValue };

/** The units and groups of units a message names (`markup.unit.*` in both languages). */
export const UNIT_NAMES = [
  'second',
  'minute',
  'hour',
  'day',
  'week',
  'month',
  'year',
  'businessDay',
  'businessHour',
  'millisecond',
  'percent',
  'measurementPeriod',
  'consecutivePeriod',
  'duration',
  'businessDuration',
  'none',
] as const;

function unreadable(code: UnreadableReason, params: Record<string, string | number> = {}): { ok: false; reason: UnreadableValue } {
  return { ok: false, reason: { code, key: `markup.value.${code}`, params } };
}

type Failure = ReturnType<typeof unreadable>;

/** The message of a reason in the language of `t`, with its units named in that language. */
export function describeUnreadable(reason: UnreadableValue, t: Translate): string {
  const params: Record<string, string | number> = { ...reason.params };
  for (const name of ['foundUnit', 'expectedUnit'] as const) {
    const unit = params[name];
    if (typeof unit === 'string' && (UNIT_NAMES as readonly string[]).includes(unit)) params[name] = t(`markup.unit.${unit}`);
  }
  return t(reason.key, params);
}

// ── The text as typed ───────────────────────────────────────────────────────

const HAN = String.raw`\p{Script=Han}`;

/**
 * NFKC folds what Word's Chinese input leaves in a text: full-width digits
 * (０-９), ％, （）, ：and ，, the ideographic space and the no-break space
 * SLA Studio prints before "%". Spaces beside a Chinese character carry
 * nothing ("240 分钟" is "240分钟"); zero-width characters are dropped.
 */
export function normalizeTyped(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(new RegExp(String.raw`\s*(${HAN})\s*`, 'gu'), '$1');
}

// ── Units ───────────────────────────────────────────────────────────────────

/**
 * Unit words, the more specific first (tried in order at each position).
 * "business days" and "working days" are their own unit, never calendar
 * days: 10 Business Days can be two calendar weeks, and a field counted in
 * calendar days that came back as "10 business days" is a change of meaning
 * the user must decide as wording — so it is reported, not converted. The
 * same holds for Business Hours and plain hours.
 *
 * An abbreviation may end in a point ("15 min.", "4 hrs.").
 *
 * 分 alone is minutes only before seconds, as format writes "43分50秒":
 * otherwise a lone 分 may be a cent or a point. 月 alone is a month of the
 * calendar (3月 is March); a count of months is 个月.
 */
const UNIT_WORDS: ReadonlyArray<{ unit: string; pattern: RegExp }> = [
  ['consecutivePeriod', String.raw`consecutive[ -]measurement[ -]periods?(?![a-z])`],
  ['measurementPeriod', String.raw`measurement[ -]periods?(?![a-z])|个?计量周期`],
  ['businessDay', String.raw`(?:business|working)[ -]days?(?![a-z])|个?工作日|个?工作天`],
  ['businessHour', String.raw`(?:business|working)[ -]hours?(?![a-z])|个?工作小时`],
  ['millisecond', String.raw`milliseconds?(?![a-z])|msecs?(?![a-z])|ms(?![a-z])|毫秒`],
  ['day', String.raw`(?:calendar[ -])?days?(?![a-z])|d(?![a-z])|个?日历日|个?自然日|天|日`],
  ['week', String.raw`weeks?(?![a-z])|wks?(?![a-z])|个?星期|周`],
  ['month', String.raw`(?:calendar[ -])?months?(?![a-z])|个(?:日历|自然)?月`],
  ['year', String.raw`years?(?![a-z])|yrs?(?![a-z])|年`],
  ['hour', String.raw`hours?(?![a-z])|hrs?(?![a-z])\.?|h(?![a-z])|个?小时|个?钟头`],
  ['minute', String.raw`minutes?(?![a-z])|mins?(?![a-z])\.?|分钟|分(?=[\d${CHINESE_NUMERAL_CHARS}]+秒)`],
  ['second', String.raw`seconds?(?![a-z])|secs?(?![a-z])\.?|s(?![a-z])|秒钟|秒`],
  ['percent', String.raw`%|per ?cent(?![a-z])|pct(?![a-z])`],
].map(([unit, source]) => ({ unit: unit!, pattern: new RegExp(source!, 'iuy') }));

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A template noun's own words, tried before the unit words: what the contract printed reads back first. */
function nounPatterns(kind: ValueKind): Array<{ unit: string; pattern: RegExp }> {
  if (kind.kind !== 'count' || !kind.words) return [];
  const { en, 'zh-CN': zh } = kind.words;
  const english = [...new Set([en.other, en.one])]
    .sort((a, b) => b.length - a.length)
    .map((word) => `${escapeRegExp(normalizeTyped(word)).replace(/ /g, '[ -]')}(?![a-z])`);
  const chinese = escapeRegExp(normalizeTyped(zh));
  return [{ unit: kind.noun, pattern: new RegExp([...english, chinese].join('|'), 'iuy') }];
}

// ── Currencies ──────────────────────────────────────────────────────────────

/**
 * Currency names and signs. "$" and "¥" are refused as ambiguous (USD, HKD,
 * SGD, AUD, CAD; CNY, JPY), as format avoids printing them. 元 alone is the
 * yuan of 人民币 … 元, unless another currency is named beside it.
 */
const CURRENCY_WORDS: ReadonlyArray<{ code: string | null; pattern: RegExp }> = [
  ['USD', String.raw`US\$|USD(?![a-z])|U\.?S\.? dollars?(?![a-z])|美金`],
  ['HKD', String.raw`HK\$|HKD(?![a-z])|Hong Kong dollars?(?![a-z])|港币`],
  ['SGD', String.raw`S\$|SGD(?![a-z])|Singapore dollars?(?![a-z])|新币`],
  ['AUD', String.raw`A\$|AUD(?![a-z])|Australian dollars?(?![a-z])`],
  ['CAD', String.raw`C\$|CAD(?![a-z])|Canadian dollars?(?![a-z])`],
  ['EUR', String.raw`€|EUR(?![a-z])|euros?(?![a-z])`],
  ['GBP', String.raw`£|GBP(?![a-z])|pounds? sterling(?![a-z])`],
  ['JPY', String.raw`JPY(?![a-z])|yen(?![a-z])`],
  ['CHF', String.raw`CHF(?![a-z])|Swiss francs?(?![a-z])`],
  ['CNY', String.raw`CNY(?![a-z])|RMB(?![a-z])|renminbi(?![a-z])|人民币`],
  ...Object.entries(ZH_CURRENCY_NAMES).map(([code, name]) => [code, escapeRegExp(name)]),
  [null, String.raw`\$|¥|dollars?(?![a-z])`],
].map(([code, source]) => ({ code: code ?? null, pattern: new RegExp(source!, 'iuy') }));

// ── Tokens ──────────────────────────────────────────────────────────────────

type Token =
  | { t: 'number'; value: Decimal; text: string }
  | { t: 'unit'; unit: string; text: string }
  | { t: 'currency'; code: string | null; text: string }
  | { t: 'yuan'; text: string }
  | { t: 'percentOf'; text: string }
  | { t: 'join'; text: string }
  | { t: 'group'; inner: string; text: string };

const FIGURES = /(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/y;
const CHINESE_NUMERAL = new RegExp(`[${CHINESE_NUMERAL_CHARS}](?:[${CHINESE_NUMERAL_CHARS}点]*[${CHINESE_NUMERAL_CHARS}])?`, 'uy');
const MULTIPLIERS: ReadonlyArray<{ pattern: RegExp; factor: bigint }> = [
  { pattern: /亿/y, factor: 100_000_000n },
  { pattern: /万/y, factor: 10_000n },
  { pattern: /千/y, factor: 1_000n },
  { pattern: / ?billion(?![a-z])/iy, factor: 1_000_000_000n },
  { pattern: / ?million(?![a-z])/iy, factor: 1_000_000n },
  { pattern: / ?thousand(?![a-z])/iy, factor: 1_000n },
];
const JOIN = /and(?![a-z])|,|&|、|又|以及/iy;
const HALF = decimal(5, 1);

function matchAt(pattern: RegExp, text: string, at: number): string | null {
  pattern.lastIndex = at;
  const match = pattern.exec(text);
  return match ? match[0] : null;
}

/**
 * The part of the text that could not be read, for the message: malformed
 * figures up to the next space ("1,00"), else the word up to the next space
 * or figure ("at", "不少于" in "不少于99.9%").
 */
function partAt(text: string, at: number, what: 'figures' | 'word'): string {
  const rest = text.slice(at);
  const end = rest.slice(1).search(what === 'figures' ? / / : /[ \d]/);
  return end === -1 ? rest : rest.slice(0, end + 1);
}

/** English number words from `at`: "thirty", "forty-five", "one hundred and twenty"; "a"/"an" before a unit, "half a/an". */
function englishNumberAt(text: string, at: number): { value: Decimal; end: number } | null {
  const half = matchAt(/half an? /iy, text, at);
  if (half) return { value: HALF, end: at + half.length };
  const article = matchAt(/an? (?=[a-z])/iy, text, at);
  if (article) return { value: decimal(1), end: at + article.length - 1 };
  let end = at;
  let words = '';
  for (;;) {
    const word = matchAt(EN_NUMBER_WORD, text, end);
    if (!word) break;
    words += `${word} `;
    end += word.length;
    // Words go on after a space or hyphen, and after "and" only inside a number ("one hundred and five").
    const gap = matchAt(/(?: and |[ -])(?=[a-z])/iy, text, end);
    if (!gap) break;
    EN_NUMBER_WORD.lastIndex = end + gap.length;
    if (!EN_NUMBER_WORD.test(text) || (gap.includes('and') && !/(?:hundred|thousand) $/i.test(words))) break;
    end += gap.length;
  }
  if (words === '') return null;
  const value = readEnglishWhole(words);
  return value === null ? null : { value: decimal(value), end };
}

function tokenize(text: string, kind: ValueKind): Token[] | Failure {
  const units = [...nounPatterns(kind), ...UNIT_WORDS];
  const tokens: Token[] = [];
  let at = 0;
  const push = (token: Token) => {
    tokens.push(token);
    at += token.text.length;
  };
  while (at < text.length) {
    if (text[at] === ' ') {
      at += 1;
      continue;
    }
    if (text[at] === '(') {
      const close = text.indexOf(')', at);
      if (close === -1) return unreadable('unreadable', { part: text.slice(at) });
      push({ t: 'group', inner: text.slice(at + 1, close).trim(), text: text.slice(at, close + 1) });
      continue;
    }
    const percentOf = matchAt(/百分之/y, text, at);
    if (percentOf) {
      push({ t: 'percentOf', text: percentOf });
      continue;
    }
    const currency = CURRENCY_WORDS.map(({ code, pattern }) => ({ code, match: matchAt(pattern, text, at) })).find(({ match }) => match !== null);
    if (currency) {
      push({ t: 'currency', code: currency.code, text: currency.match! });
      continue;
    }
    if (text[at] === '元') {
      push({ t: 'yuan', text: '元' });
      continue;
    }
    // 零 between two parts of a duration joins them: 1小时零5分钟.
    if (text[at] === '零' && tokens.at(-1)?.t === 'unit' && at + 1 < text.length) {
      push({ t: 'join', text: '零' });
      continue;
    }
    const unit = units.map(({ unit: name, pattern }) => ({ name, match: matchAt(pattern, text, at) })).find(({ match }) => match !== null);
    if (unit) {
      push({ t: 'unit', unit: unit.name, text: unit.match! });
      continue;
    }
    const number = numberAt(text, at);
    if (number === 'malformed') return unreadable('unreadable', { part: partAt(text, at, 'figures') });
    if (number) {
      push(number);
      continue;
    }
    const join = matchAt(JOIN, text, at);
    if (join) {
      push({ t: 'join', text: join });
      continue;
    }
    return unreadable('unreadable', { part: partAt(text, at, 'word') });
  }
  return tokens;
}

/** A number at `at` in figures, Chinese numerals or English words, with 万 / thousand after figures and 个半 after any. */
function numberAt(text: string, at: number): Extract<Token, { t: 'number' }> | 'malformed' | null {
  let value: Decimal | null;
  let end = at;
  const figures = matchAt(FIGURES, text, at);
  if (figures) {
    // "1,00" or "85.000.00" is a typo; reading part of it would be a guess.
    if (/^(?:[\d.]|,\d)/.test(text.slice(at + figures.length))) return 'malformed';
    value = readFigures(figures);
    end = at + figures.length;
    const multiplier = MULTIPLIERS.map(({ pattern, factor }) => ({ factor, match: matchAt(pattern, text, end) })).find(({ match }) => match !== null);
    if (value && multiplier) {
      value = multiplyDecimals(value, decimal(multiplier.factor));
      end += multiplier.match!.length;
    }
  } else if (text[at] === '半') {
    value = HALF;
    end = at + 1;
  } else {
    const chinese = matchAt(CHINESE_NUMERAL, text, at);
    if (chinese) {
      value = readChineseNumber(chinese);
      end = at + chinese.length;
    } else {
      const english = englishNumberAt(text, at);
      if (!english) return null;
      value = english.value;
      end = english.end;
    }
  }
  if (value === null) return 'malformed';
  // 1个半小时: one and a half hours.
  if (text.startsWith('个半', end)) {
    value = addDecimals(value, HALF);
    end += '个半'.length;
  }
  return { t: 'number', value, text: text.slice(at, end) };
}

// ── Reading tokens as a value ───────────────────────────────────────────────

interface Quantity {
  value: Decimal;
  unit: string | null;
  /** The unit as written ("days", "个计量周期"). */
  unitText?: string;
  text: string;
}

interface Parsed {
  quantities: Quantity[];
  currencies: Array<{ code: string | null; text: string }>;
  yuan: boolean;
  /** 百分之 before the number: 百分之九十九点九. */
  percentOf: boolean;
}

/** The number a text in parentheses restates, when it is only a number: "thirty (30) days", "30 (thirty) days". */
function restatedNumber(inner: string): Decimal | null {
  const tokens = tokenize(inner, { kind: 'number' });
  const only = Array.isArray(tokens) && tokens.length === 1 ? tokens[0] : undefined;
  return only?.t === 'number' ? only.value : null;
}

/**
 * The quantities of a token list: each number with the unit after it,
 * numbers restated in parentheses checked and merged, and a last group in
 * parentheses handed back as the restatement of the whole value.
 */
function parse(typedTokens: readonly Token[]): { parsed: Parsed; restatement: Extract<Token, { t: 'group' }> | null } | Failure {
  const tokens = [...typedTokens];
  // "%" or "USD" alone: the value was replaced by its unit only.
  if (!tokens.some((token) => token.t === 'number')) return unreadable('noNumber');
  const parsed: Parsed = { quantities: [], currencies: [], yuan: false, percentOf: false };
  let restatement: Extract<Token, { t: 'group' }> | null = null;
  let pendingPercentOf = false;
  // The token before, not counting a number's restatement: "thirty (30) days" reads as "thirty days".
  let previous: Token | undefined;
  for (let i = 0; i < tokens.length; i++) {
    previous = tokens[i - 1];
    const token = tokens[i]!;
    switch (token.t) {
      case 'number':
        if (previous?.t === 'number') return unreadable('severalValues');
        parsed.quantities.push({ value: token.value, unit: null, text: token.text });
        if (pendingPercentOf) parsed.percentOf = true;
        pendingPercentOf = false;
        break;
      case 'group': {
        const restated = previous?.t === 'number' ? restatedNumber(token.inner) : null;
        if (restated && previous?.t === 'number') {
          if (!decimalsEqual(restated, previous.value)) return unreadable('restatementDisagrees', { first: previous.text, second: token.inner });
          tokens.splice(i, 1);
          i -= 1;
          break;
        }
        if (i !== tokens.length - 1 || i === 0) return unreadable('unreadable', { part: token.text });
        restatement = token;
        break;
      }
      case 'unit': {
        const last = parsed.quantities.at(-1);
        if (previous?.t !== 'number' || !last || last.unit !== null) return unreadable('unreadable', { part: token.text });
        last.unit = token.unit;
        last.unitText = token.text;
        last.text += ` ${token.text}`;
        break;
      }
      case 'currency':
        parsed.currencies.push({ code: token.code, text: token.text });
        break;
      case 'yuan':
        parsed.yuan = true;
        break;
      case 'percentOf':
        if (tokens[i + 1]?.t !== 'number') return unreadable('unreadable', { part: token.text });
        pendingPercentOf = true;
        break;
      case 'join':
        // Only between two quantities: "1 hour and 30 minutes", "1小时零5分钟".
        if (previous?.t !== 'unit' || tokens[i + 1]?.t !== 'number') return unreadable('unreadable', { part: token.text });
        break;
    }
  }
  return { parsed, restatement };
}

/** A duration's units and their length in the kind's base unit; every other unit is reported. */
function durationUnits(kind: ValueKind): { units: Record<string, bigint>; divisor: number; expected: string } | null {
  switch (kind.kind) {
    case 'seconds':
      return { units: { second: 1n, minute: 60n, hour: 3_600n, day: 86_400n, week: 604_800n }, divisor: 1, expected: 'duration' };
    case 'minutes':
      // Counted in seconds so that "90 seconds" is 1.5 minutes exactly.
      return { units: { second: 1n, minute: 60n, hour: 3_600n, day: 86_400n, week: 604_800n }, divisor: 60, expected: 'duration' };
    case 'businessMinutes': {
      const day = kind.businessDayMinutes;
      const units: Record<string, bigint> = { minute: 1n, businessHour: 60n };
      // Without valid business hours a Business Day has no length: reported, not assumed.
      if (day !== null && Number.isInteger(day) && day > 0) units.businessDay = BigInt(day);
      return { units, divisor: 1, expected: 'businessDuration' };
    }
    case 'level':
      if (kind.unit === 'ms') return { units: { millisecond: 1n, second: 1_000n }, divisor: 1, expected: 'millisecond' };
      if (kind.unit === 'minutes') return durationUnits({ kind: 'minutes' });
      return null;
    default:
      return null;
  }
}

function readDuration(parsed: Parsed, kind: ValueKind): number | Failure {
  const table = durationUnits(kind)!;
  let total = decimal(0);
  let lastLength: bigint | null = null;
  for (const quantity of parsed.quantities) {
    if (quantity.unit === null) return unreadable('unitMissing', { expectedUnit: table.expected });
    const length = Object.hasOwn(table.units, quantity.unit) ? table.units[quantity.unit]! : undefined;
    if (length === undefined) return unreadable('wrongUnit', { foundUnit: quantity.unit, expectedUnit: table.expected });
    // Parts go from the largest unit down, each once: "1 hour 30 minutes"; "30 minutes 1 hour" is two values.
    if (lastLength !== null && length >= lastLength) return unreadable('severalValues');
    lastLength = length;
    total = addDecimals(total, multiplyDecimals(quantity.value, decimal(length)));
  }
  return decimalToNumber(total) / table.divisor;
}

function single(parsed: Parsed): Quantity | Failure {
  if (parsed.quantities.length > 1) return unreadable('severalValues');
  return parsed.quantities[0]!;
}

function readMoney(parsed: Parsed, currency: string): number | Failure {
  const quantity = single(parsed);
  if ('ok' in quantity) return quantity;
  if (quantity.unit !== null) return unreadable('wrongUnit', { foundUnit: quantity.unit, expectedUnit: 'none' });
  const ambiguous = parsed.currencies.find(({ code }) => code === null);
  if (ambiguous) return unreadable('currencyAmbiguous', { found: ambiguous.text, expected: currency });
  const codes = new Set(parsed.currencies.map(({ code }) => code!));
  if (parsed.yuan && codes.size === 0) codes.add('CNY');
  if (codes.size === 0) return unreadable('currencyMissing', { expected: currency });
  const other = [...codes].find((code) => code !== currency);
  if (other !== undefined) return unreadable('currencyMismatch', { found: other, expected: currency });
  // "USD 85,000.005" cannot be printed as typed: the contract shows cents only.
  const decimals = currencyDecimals(currency);
  if (significantDecimals(quantity.value) > decimals) return unreadable('tooManyDecimals', { expected: currency, decimals });
  return decimalToNumber(quantity.value);
}

function readParsed(parsed: Parsed, kind: ValueKind): number | Failure {
  if (parsed.quantities.length === 0) return unreadable('noNumber');
  if (kind.kind !== 'money' && (parsed.currencies.length > 0 || parsed.yuan)) {
    return unreadable('unreadable', { part: parsed.currencies[0]?.text ?? '元' });
  }
  if (parsed.percentOf && !(kind.kind === 'percent' || (kind.kind === 'level' && kind.unit === 'percent'))) {
    return unreadable('wrongUnit', { foundUnit: 'percent', expectedUnit: expectedUnitOf(kind) });
  }
  switch (kind.kind) {
    case 'money':
      return readMoney(parsed, kind.currency);
    case 'seconds':
    case 'minutes':
    case 'businessMinutes':
      return readDuration(parsed, kind);
    case 'level':
      if (kind.unit === 'percent') return readParsed(parsed, { kind: 'percent' });
      if (kind.unit === 'custom') return readParsed(parsed, { kind: 'number' });
      return readDuration(parsed, kind);
    case 'percent': {
      const quantity = single(parsed);
      if ('ok' in quantity) return quantity;
      if (parsed.percentOf && quantity.unit === 'percent') return unreadable('unreadable', { part: quantity.text });
      if (parsed.percentOf || quantity.unit === 'percent') return decimalToNumber(quantity.value);
      if (quantity.unit === null) return unreadable('unitMissing', { expectedUnit: 'percent' });
      return unreadable('wrongUnit', { foundUnit: quantity.unit, expectedUnit: 'percent' });
    }
    case 'count': {
      const quantity = single(parsed);
      if ('ok' in quantity) return quantity;
      if (quantity.unit === null) return unreadable('unitMissing', { expectedUnit: kind.noun });
      // A Chinese contract writes 连续 before the number ("连续3个计量周期"): the count's own unit is 个计量周期.
      const consecutiveInChinese = kind.noun === 'consecutivePeriod' && quantity.unit === 'measurementPeriod' && /^个?计量周期$/u.test(quantity.unitText ?? '');
      if (consecutiveInChinese) return decimalToNumber(quantity.value);
      if (quantity.unit !== kind.noun) return unreadable('wrongUnit', { foundUnit: quantity.unit, expectedUnit: kind.noun });
      return decimalToNumber(quantity.value);
    }
    case 'number': {
      const quantity = single(parsed);
      if ('ok' in quantity) return quantity;
      if (quantity.unit !== null) return unreadable('wrongUnit', { foundUnit: quantity.unit, expectedUnit: 'none' });
      return decimalToNumber(quantity.value);
    }
    case 'date':
      return unreadable('unreadable', { part: '' });
  }
}

function expectedUnitOf(kind: ValueKind): string {
  switch (kind.kind) {
    case 'percent':
      return 'percent';
    case 'count':
      return kind.noun;
    case 'seconds':
    case 'minutes':
      return 'duration';
    case 'businessMinutes':
      return 'businessDuration';
    case 'level':
      return kind.unit === 'percent' ? 'percent' : kind.unit === 'ms' ? 'millisecond' : kind.unit === 'minutes' ? 'duration' : 'none';
    default:
      return 'none';
  }
}

// ── Money in Chinese words ──────────────────────────────────────────────────

/**
 * An amount in uppercase numerals, the inverse of format's
 * formatChineseUppercaseAmount: "人民币捌万伍仟元整" → CNY 85000,
 * "人民币壹仟陆佰捌拾元叁角贰分" → 1680.32, "美元壹万贰仟伍佰元整" → USD 12500.
 * Null for anything that is not such an amount.
 */
export function readChineseUppercaseAmount(text: string): { currency: string | null; value: Decimal } | null {
  const typed = normalizeTyped(text);
  let rest = typed;
  let currency: string | null = null;
  const named = CURRENCY_WORDS.map(({ code, pattern }) => ({ code, match: matchAt(pattern, rest, 0) })).find(({ match }) => match !== null);
  if (named) {
    currency = named.code;
    rest = rest.slice(named.match!.length);
  }
  const match = /^(?:(.+?)元)?零?(?:([壹贰叁肆伍陆柒捌玖])角)?(?:([壹贰叁肆伍陆柒捌玖])分)?(整)?$/u.exec(rest);
  if (!match || rest === '' || rest === '整') return null;
  const [, whole, jiao, fen, end] = match;
  const yuan = whole === undefined ? 0n : readChineseWhole(whole);
  if (yuan === null) return null;
  if (whole === undefined && jiao === undefined && fen === undefined) return null;
  // 整 closes an amount with no 分; an amount with 分 has none.
  if ((fen === undefined) !== (end !== undefined)) return null;
  const digit = (char: string | undefined) => (char === undefined ? 0n : readChineseWhole(char)!);
  const units = yuan * 100n + digit(jiao) * 10n + digit(fen);
  return { currency: currency ?? (named ? null : 'CNY'), value: { units, scale: 2 } };
}

function readMoneyWords(inner: string, currency: string): number | Failure {
  const words = inner.replace(/^大写[:：]?\s*/u, '');
  const amount = readChineseUppercaseAmount(words);
  if (!amount) return unreadable('unreadable', { part: inner });
  if (amount.currency === null) return unreadable('currencyAmbiguous', { found: words, expected: currency });
  if (amount.currency !== currency) return unreadable('currencyMismatch', { found: amount.currency, expected: currency });
  return decimalToNumber(amount.value);
}

// ── Dates ───────────────────────────────────────────────────────────────────

const EN_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function monthNumber(word: string): number | null {
  const lower = word.toLowerCase().replace(/\.$/, '');
  const full = EN_MONTHS.indexOf(lower);
  if (full !== -1) return full + 1;
  if (lower === 'sept') return 9;
  const short = EN_MONTHS.findIndex((name) => lower.length === 3 && name.startsWith(lower));
  return short === -1 ? null : short + 1;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(year: number, month: number, day: number, typed: string): { ok: true; value: string } | Failure {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return unreadable('noSuchDate', { part: typed });
  return { ok: true, value: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/** A number of a Chinese date in figures or numerals: 2027 or 二〇二七, 1 or 一, 31 or 三十一. */
function dateNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const value = readChineseWhole(text);
  return value === null ? null : Number(value);
}

function readDate(typed: string): { ok: true; value: string } | Failure {
  const numeral = `[\\d${CHINESE_NUMERAL_CHARS}]+`;
  const chinese = new RegExp(`^(?:(${numeral})年)?(${numeral})月(${numeral})[日号]$`, 'u').exec(typed);
  if (chinese) {
    if (chinese[1] === undefined) return unreadable('yearMissing');
    const [year, month, day] = [chinese[1], chinese[2]!, chinese[3]!].map(dateNumber);
    if (year === null || month === null || day === null || year! < 1000) return unreadable('unreadable', { part: typed });
    return isoDate(year!, month!, day!, typed);
  }
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(typed);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]), typed);
  // 01/02/2027 is 1 February in London and January 2 in New York.
  if (/^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/.test(typed)) return unreadable('ambiguousDate', { part: typed });
  const ordinal = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
  const dayFirst = new RegExp(String.raw`^(?:the )?${ordinal}(?: of)? ([a-z]+\.?)(?:,? (\d{4}))?$`, 'i').exec(typed);
  const monthFirst = new RegExp(String.raw`^([a-z]+\.?) ${ordinal}(?:,? (\d{4}))?$`, 'i').exec(typed);
  const english = dayFirst
    ? { day: dayFirst[1]!, month: dayFirst[2]!, year: dayFirst[3] }
    : monthFirst
      ? { day: monthFirst[2]!, month: monthFirst[1]!, year: monthFirst[3] }
      : null;
  const month = english ? monthNumber(english.month) : null;
  if (!english || month === null) return unreadable('unreadable', { part: typed });
  if (english.year === undefined) return unreadable('yearMissing');
  return isoDate(Number(english.year), month, Number(english.day), typed);
}

// ── The entry point ─────────────────────────────────────────────────────────

/**
 * The value a counterparty typed in place of one SLA Studio printed, in the
 * field's type: a number in the field's unit (percent, minutes, seconds,
 * milliseconds, the count, the amount) or a date 'YYYY-MM-DD'; or why it
 * cannot be read — never a guess.
 */
export function readValue<K extends ValueKind>(text: string, kind: K): ValueReading<K>;
export function readValue(text: string, kind: ValueKind): ValueReading {
  const typed = normalizeTyped(text);
  if (typed === '') return unreadable('empty');
  if (kind.kind === 'date') return readDate(typed);
  if (kind.kind === 'level' && kind.unit === 'custom') return readCustomLevel(typed, kind.customUnit ?? '');
  // A whole amount in words ("人民币玖万元整") reads as the amount.
  if (kind.kind === 'money' && new RegExp(`[${CHINESE_UPPERCASE_CHARS}]`, 'u').test(typed) && !typed.includes('(')) {
    const value = readMoneyWords(typed, kind.currency);
    return typeof value === 'number' ? { ok: true, value } : value;
  }
  const tokens = tokenize(typed, kind);
  if (!Array.isArray(tokens)) return tokens;
  const result = parse(tokens);
  if ('ok' in result) return result;
  const value = readParsed(result.parsed, kind);
  if (typeof value !== 'number') return value;
  const restatement = result.restatement;
  if (restatement !== null) {
    // "4 hours (240 minutes)", "人民币 85,000.00 元（大写：人民币捌万伍仟元整）": both must say the same.
    const inWords = kind.kind === 'money' && new RegExp(`^大写|[${CHINESE_UPPERCASE_CHARS}]`, 'u').test(restatement.inner);
    const again = inWords ? readMoneyWords(restatement.inner, kind.currency) : readValue(restatement.inner, kind);
    // Words in brackets that cannot be read are reported as such, not as a disagreement.
    if (typeof again !== 'number' && !again.ok) return again;
    const restated = typeof again === 'number' ? again : again.value;
    if (restated !== value) {
      const first = typed.slice(0, typed.lastIndexOf(restatement.text)).trim();
      return unreadable('restatementDisagrees', { first, second: restatement.inner });
    }
  }
  return { ok: true, value };
}

/**
 * A custom metric's level: the number, then the metric's own unit as the
 * drafter named it ("120 jobs/hour"). Without a unit, the bare number.
 */
function readCustomLevel(typed: string, customUnit: string): ValueReading {
  const unit = normalizeTyped(customUnit);
  let rest = typed;
  if (unit !== '') {
    if (!typed.toLowerCase().endsWith(unit.toLowerCase())) {
      const bare = readValue(typed, { kind: 'number' });
      return bare.ok ? unreadable('unitMissing', { expectedUnit: unit }) : bare;
    }
    rest = typed.slice(0, typed.length - unit.length).trim();
  }
  return readValue(rest, { kind: 'number' });
}

// ── From the template's filter ──────────────────────────────────────────────

export interface FilterValueContext {
  currency: string;
  businessDayMinutes?: number | null;
  /** The template's nouns (vocabulary.yaml), for `count:noun`. */
  nouns?: Record<string, NounWords>;
}

/**
 * The kind of value a template filter printed (contract/filters.ts): the
 * filter a generated value's mark names tells the reader how to read it
 * back. Null for what is not a single value (terms, lists, time zones,
 * date spans): a change there is a change of wording.
 */
export function valueKindOfFilter(filter: { name: string; arg: string | null } | null, context: FilterValueContext): ValueKind | null {
  if (filter === null) return { kind: 'number' };
  switch (filter.name) {
    case 'number':
      return { kind: 'number' };
    case 'percent':
      return { kind: 'percent' };
    case 'money':
    case 'moneyInWords':
      return { kind: 'money', currency: context.currency };
    case 'duration':
      return { kind: 'seconds' };
    case 'minutes':
      return { kind: 'minutes' };
    case 'businessMinutes':
      return { kind: 'businessMinutes', businessDayMinutes: context.businessDayMinutes ?? null };
    case 'count': {
      if (filter.arg === null) return null;
      const words = context.nouns && Object.hasOwn(context.nouns, filter.arg) ? context.nouns[filter.arg] : undefined;
      return words ? { kind: 'count', noun: filter.arg, words } : { kind: 'count', noun: filter.arg };
    }
    case 'date':
      return { kind: 'date' };
    default:
      return null;
  }
}
