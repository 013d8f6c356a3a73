/**
 * Filters turn a draft value into contract text in one language. Every
 * number goes through src-shared/format, so "99.95 %", "43 minutes 50
 * seconds" / "43分50秒" and "2026年11月26日" read exactly as in the wizard.
 *
 * Each filter states which value types it accepts; a template that applies
 * one to the wrong field is refused when it is parsed.
 */
import {
  formatBusinessDurationMinutes,
  formatDate,
  formatDurationMinutes,
  formatDurationSeconds,
  formatMoney,
  formatMoneyWithWords,
  formatNumber,
  formatPercent,
} from '../format';
import type { ContractLanguage } from './doc';
import { describeType, resolveType, type FieldType } from './context';
import type { FilterCall } from './text';

export type Localized<T = string> = Record<ContractLanguage, T>;

/** Words a template defines once: names of enum values, and nouns counted with a number. */
export interface Vocabulary {
  /** vocabulary name → enum value → its name in each language. */
  terms: Record<string, Record<string, Localized>>;
  /** noun name → en singular/plural and the Chinese measure word or unit ("个工作日"). */
  nouns: Record<string, { en: { one: string; other: string }; 'zh-CN': string }>;
}

export interface FilterDoc {
  name: string;
  /** Used as `name:arg` when set. */
  arg: string | null;
  accepts: string;
  example: string;
}

/** For docs/TEMPLATES.md and error messages. */
export const FILTER_DOCS: readonly FilterDoc[] = [
  { name: 'number', arg: null, accepts: 'number', example: '12500.5 → "12,500.5"' },
  { name: 'percent', arg: null, accepts: 'number', example: '99.95 → "99.95 %" / "99.95%"' },
  { name: 'money', arg: null, accepts: 'number', example: '12500 → "USD 12,500.00" / "12,500.00 美元" (the draft\'s currency)' },
  {
    name: 'moneyInWords',
    arg: null,
    accepts: 'number',
    example: '85000 → "CNY 85,000.00" / "人民币 85,000.00 元（大写：人民币捌万伍仟元整）" (a fee or cap: Chinese adds the amount in uppercase numerals)',
  },
  { name: 'date', arg: null, accepts: 'text (YYYY-MM-DD)', example: '2026-11-26 → "26 November 2026" / "2026年11月26日"' },
  { name: 'duration', arg: null, accepts: 'number of seconds', example: '2629.7 → "43 minutes 50 seconds" / "43分50秒"' },
  { name: 'minutes', arg: null, accepts: 'number of minutes', example: '90 → "1 hour 30 minutes" / "1小时30分钟"' },
  {
    name: 'businessMinutes',
    arg: null,
    accepts: 'number of minutes within Business Hours',
    example: '7200 with 12-hour business days → "10 Business Days" / "10个工作日"; 90 → "1 Business Hour 30 minutes" (never calendar days)',
  },
  { name: 'count', arg: 'noun', accepts: 'number', example: '10 | count:businessDay → "10 Business Days" / "10个工作日"' },
  { name: 'term', arg: 'vocabulary', accepts: 'enum value', example: 'sun | term:weekday → "Sunday" / "星期日"' },
  { name: 'terms', arg: 'vocabulary', accepts: 'list of enum values', example: '[GDPR, PIPL] | terms:regime → each term, joined with "and" / "和"' },
  { name: 'list', arg: null, accepts: 'list of text', example: '[Europe, Asia] → "Europe and Asia" / "Europe和Asia"' },
  { name: 'dates', arg: null, accepts: 'list of dates (YYYY-MM-DD)', example: '[2026-12-25, 2026-12-26] → "25 December 2026 and 26 December 2026"' },
  {
    name: 'timeZone',
    arg: null,
    accepts: 'text (an IANA time zone)',
    example: 'Asia/Shanghai → "China Standard Time" / "北京时间"; an unlisted zone → "Europe/Vienna time" / "Europe/Vienna时间"',
  },
  {
    name: 'daySpans',
    arg: null,
    accepts: 'list of dates (YYYY-MM-DD)',
    example:
      '[2027-01-01, 2027-12-27, 2027-12-28] → "1 January and 27–28 December" / "1月1日和12月27日至28日" (no year: write it beside, e.g. holidayYear.year)',
  },
];

const FILTER_NAMES = new Set(FILTER_DOCS.map((filter) => filter.name));

function unwrap(type: FieldType): FieldType {
  let current = resolveType(type);
  while (current.kind === 'nullable') current = resolveType(current.of);
  return current;
}

function vocabularyError(vocabulary: Vocabulary, name: string, values: readonly string[]): string | null {
  const terms = Object.hasOwn(vocabulary.terms, name) ? vocabulary.terms[name] : undefined;
  if (!terms) {
    const known = Object.keys(vocabulary.terms);
    return `there is no vocabulary "${name}" in vocabulary.yaml (known: ${known.join(', ') || 'none'})`;
  }
  const missing = values.filter((value) => !Object.hasOwn(terms, value));
  return missing.length > 0 ? `the vocabulary "${name}" has no entry for ${missing.join(', ')}` : null;
}

/**
 * Why this filter cannot print a value of this type, or null when it can.
 * `filter` null = the bare placeholder, which prints text and numbers.
 */
export function filterError(filter: FilterCall | null, type: FieldType, vocabulary: Vocabulary): string | null {
  const value = unwrap(type);
  if (filter === null) {
    if (value.kind === 'text' || value.kind === 'number') return null;
    if (value.kind === 'enum') return `it is ${describeType(value)}: print it through a vocabulary, e.g. "| term:<vocabulary>"`;
    return `it is ${describeType(value)}, which cannot be printed as it is`;
  }
  if (!FILTER_NAMES.has(filter.name)) {
    return `unknown filter "${filter.name}" (filters: ${[...FILTER_NAMES].join(', ')})`;
  }
  const needsArg = filter.name === 'term' || filter.name === 'terms' || filter.name === 'count';
  if (needsArg && filter.arg === null)
    return `the filter "${filter.name}" needs an argument, e.g. ${filter.name}:${filter.name === 'count' ? 'day' : 'weekday'}`;
  if (!needsArg && filter.arg !== null) return `the filter "${filter.name}" takes no argument`;

  const expect = (ok: boolean, what: string) => (ok ? null : `the filter "${filter.name}" needs ${what}, but the value is ${describeType(value)}`);
  switch (filter.name) {
    case 'number':
    case 'percent':
    case 'money':
    case 'moneyInWords':
    case 'duration':
    case 'minutes':
    case 'businessMinutes':
      return expect(value.kind === 'number', 'a number');
    case 'count':
      return (
        expect(value.kind === 'number', 'a number') ??
        (Object.hasOwn(vocabulary.nouns, filter.arg!)
          ? null
          : `there is no noun "${filter.arg!}" in vocabulary.yaml (nouns: ${Object.keys(vocabulary.nouns).join(', ') || 'none'})`)
      );
    case 'date':
      return expect(value.kind === 'text', 'a date (text)');
    case 'timeZone':
      return expect(value.kind === 'text', 'a time zone (text)');
    case 'term':
      return value.kind === 'enum' ? vocabularyError(vocabulary, filter.arg!, value.values) : expect(false, 'an enum value');
    case 'terms': {
      const item = value.kind === 'list' ? unwrap(value.of) : null;
      return item?.kind === 'enum' ? vocabularyError(vocabulary, filter.arg!, item.values) : expect(false, 'a list of enum values');
    }
    case 'list':
    case 'dates':
    case 'daySpans': {
      const item = value.kind === 'list' ? unwrap(value.of) : null;
      return expect(item?.kind === 'text', filter.name === 'list' ? 'a list of text' : 'a list of dates');
    }
    default:
      return null;
  }
}

/**
 * How a contract names the clocks of the zones drafts use most: "UK time"
 * covers GMT and BST alike, as "Europe/London" does, but reads as a lawyer
 * writes it. Other zones keep their IANA name, which is exact.
 */
const TIME_ZONE_NAMES: Record<string, Localized> = {
  UTC: { en: 'UTC', 'zh-CN': '协调世界时' },
  'Etc/UTC': { en: 'UTC', 'zh-CN': '协调世界时' },
  'Europe/London': { en: 'UK time', 'zh-CN': '英国时间' },
  'Europe/Dublin': { en: 'Irish time', 'zh-CN': '爱尔兰时间' },
  'Europe/Paris': { en: 'Paris time', 'zh-CN': '巴黎时间' },
  'Europe/Berlin': { en: 'Berlin time', 'zh-CN': '柏林时间' },
  'Europe/Amsterdam': { en: 'Amsterdam time', 'zh-CN': '阿姆斯特丹时间' },
  'Europe/Zurich': { en: 'Zurich time', 'zh-CN': '苏黎世时间' },
  'Asia/Shanghai': { en: 'China Standard Time', 'zh-CN': '北京时间' },
  'Asia/Hong_Kong': { en: 'Hong Kong time', 'zh-CN': '香港时间' },
  'Asia/Singapore': { en: 'Singapore time', 'zh-CN': '新加坡时间' },
  'Asia/Tokyo': { en: 'Japan Standard Time', 'zh-CN': '日本标准时间' },
  'Australia/Sydney': { en: 'Sydney time', 'zh-CN': '悉尼时间' },
  'America/New_York': { en: 'New York time', 'zh-CN': '纽约时间' },
  'America/Chicago': { en: 'Chicago time', 'zh-CN': '芝加哥时间' },
  'America/Denver': { en: 'Denver time', 'zh-CN': '丹佛时间' },
  'America/Los_Angeles': { en: 'Pacific Time', 'zh-CN': '美国太平洋时间' },
  'America/Toronto': { en: 'Toronto time', 'zh-CN': '多伦多时间' },
};

export function formatTimeZone(zone: string, language: ContractLanguage): string {
  const named = Object.hasOwn(TIME_ZONE_NAMES, zone) ? TIME_ZONE_NAMES[zone] : undefined;
  if (named) return named[language];
  return language === 'zh-CN' ? `${zone}时间` : `${zone} time`;
}

const EN_MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function dayOf(isoDate: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`not a date: ${isoDate}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** Days since 1970-01-01 of a calendar date (UTC, so no daylight-saving hour gets in the way). */
function dayNumber(isoDate: string): number {
  const { year, month, day } = dayOf(isoDate);
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

/**
 * Dates as runs of consecutive days, day and month only: "1–3 January",
 * "30 January – 2 February", "27 December" / "1月1日至3日", "1月30日至2月2日".
 * A run that crosses into another year names both years, the one case
 * where leaving them out would mislead.
 */
export function formatDaySpans(dates: readonly string[], language: ContractLanguage): string {
  const sorted = [...new Set(dates)].sort();
  const spans: { first: string; last: string }[] = [];
  for (const date of sorted) {
    const span = spans[spans.length - 1];
    if (span && dayNumber(date) === dayNumber(span.last) + 1) span.last = date;
    else spans.push({ first: date, last: date });
  }
  const zh = language === 'zh-CN';
  const text = spans.map(({ first, last }) => {
    const a = dayOf(first);
    const b = dayOf(last);
    if (first === last) return zh ? `${a.month}月${a.day}日` : `${a.day} ${EN_MONTH_NAMES[a.month - 1]}`;
    if (a.year !== b.year)
      return zh ? `${formatDate(first, language)}至${formatDate(last, language)}` : `${formatDate(first, language)} – ${formatDate(last, language)}`;
    if (a.month === b.month) return zh ? `${a.month}月${a.day}日至${b.day}日` : `${a.day}–${b.day} ${EN_MONTH_NAMES[a.month - 1]}`;
    return zh ? `${a.month}月${a.day}日至${b.month}月${b.day}日` : `${a.day} ${EN_MONTH_NAMES[a.month - 1]} – ${b.day} ${EN_MONTH_NAMES[b.month - 1]}`;
  });
  return joinList(text, language);
}

export interface FilterEnvironment {
  language: ContractLanguage;
  currency: string;
  vocabulary: Vocabulary;
  /** The length of the draft's business day in minutes (start to end of Business Hours); null when there is none. */
  businessDayMinutes?: number | null;
}

const listFormats = new Map<ContractLanguage, Intl.ListFormat>();

/** "A, B and C" / "A、B和C". */
export function joinList(items: readonly string[], language: ContractLanguage): string {
  let format = listFormats.get(language);
  if (!format) {
    format = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' });
    listFormats.set(language, format);
  }
  return format.format(items);
}

/**
 * The text for a value that passed filterError's check. Throws a RangeError
 * for a value of the wrong kind at run time (a draft that does not match its
 * schema); the assembly reports it as a problem.
 */
export function applyFilter(filter: FilterCall | null, value: unknown, env: FilterEnvironment): string {
  const { language } = env;
  const number = (): number => {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new RangeError(`not a number: ${String(value)}`);
    return value;
  };
  const text = (): string => {
    if (typeof value !== 'string') throw new RangeError(`not text: ${typeof value}`);
    return value;
  };
  const term = (vocabularyName: string, entry: unknown): string => {
    const terms = Object.hasOwn(env.vocabulary.terms, vocabularyName) ? env.vocabulary.terms[vocabularyName] : undefined;
    const name = terms && Object.hasOwn(terms, String(entry)) ? terms[String(entry)]?.[language] : undefined;
    if (name === undefined) throw new RangeError(`no ${vocabularyName} term for ${String(entry)}`);
    return name;
  };

  if (filter === null) return typeof value === 'number' ? formatNumber(number(), language) : text();
  switch (filter.name) {
    case 'number':
      return formatNumber(number(), language);
    case 'percent':
      return formatPercent(number(), language);
    case 'money':
      return formatMoney(number(), env.currency, language);
    case 'moneyInWords':
      return formatMoneyWithWords(number(), env.currency, language);
    case 'duration':
      return formatDurationSeconds(number(), language);
    case 'minutes':
      return formatDurationMinutes(number(), language);
    case 'businessMinutes':
      return formatBusinessDurationMinutes(number(), env.businessDayMinutes ?? null, language);
    case 'date':
      return formatDate(text(), language);
    case 'timeZone':
      return formatTimeZone(text(), language);
    case 'count': {
      const noun = Object.hasOwn(env.vocabulary.nouns, filter.arg!) ? env.vocabulary.nouns[filter.arg!] : undefined;
      if (!noun) throw new RangeError(`no noun ${filter.arg!}`);
      const count = number();
      if (language === 'zh-CN') return `${formatNumber(count, language)}${noun['zh-CN']}`;
      return `${formatNumber(count, language)} ${count === 1 ? noun.en.one : noun.en.other}`;
    }
    case 'term':
      return term(filter.arg!, value);
    case 'terms':
      if (!Array.isArray(value)) throw new RangeError('not a list');
      return joinList(
        value.map((entry) => term(filter.arg!, entry)),
        language,
      );
    case 'list':
      if (!Array.isArray(value)) throw new RangeError('not a list');
      return joinList(value.map(String), language);
    case 'dates':
      if (!Array.isArray(value)) throw new RangeError('not a list');
      return joinList(
        value.map((date) => formatDate(String(date), language)),
        language,
      );
    case 'daySpans':
      if (!Array.isArray(value)) throw new RangeError('not a list');
      return formatDaySpans(value.map(String), language);
    default:
      throw new RangeError(`unknown filter ${filter.name}`);
  }
}
