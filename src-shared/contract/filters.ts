/**
 * Filters turn a draft value into contract text in one language. Every
 * number goes through src-shared/format, so "99.95 %", "43 minutes 50
 * seconds" / "43分50秒" and "2026年11月26日" read exactly as in the wizard.
 *
 * Each filter states which value types it accepts; a template that applies
 * one to the wrong field is refused when it is parsed.
 */
import {
  formatDate,
  formatDurationMinutes,
  formatDurationSeconds,
  formatMoney,
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
  { name: 'date', arg: null, accepts: 'text (YYYY-MM-DD)', example: '2026-11-26 → "26 November 2026" / "2026年11月26日"' },
  { name: 'duration', arg: null, accepts: 'number of seconds', example: '2629.7 → "43 minutes 50 seconds" / "43分50秒"' },
  { name: 'minutes', arg: null, accepts: 'number of minutes', example: '90 → "1 hour 30 minutes" / "1小时30分钟"' },
  { name: 'count', arg: 'noun', accepts: 'number', example: '10 | count:businessDay → "10 Business Days" / "10个工作日"' },
  { name: 'term', arg: 'vocabulary', accepts: 'enum value', example: 'sun | term:weekday → "Sunday" / "星期日"' },
  { name: 'terms', arg: 'vocabulary', accepts: 'list of enum values', example: '[GDPR, PIPL] | terms:regime → each term, joined with "and" / "和"' },
  { name: 'list', arg: null, accepts: 'list of text', example: '[Europe, Asia] → "Europe and Asia" / "Europe和Asia"' },
  { name: 'dates', arg: null, accepts: 'list of dates (YYYY-MM-DD)', example: '[2026-12-25, 2026-12-26] → "25 December 2026 and 26 December 2026"' },
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
  if (needsArg && filter.arg === null) return `the filter "${filter.name}" needs an argument, e.g. ${filter.name}:${filter.name === 'count' ? 'day' : 'weekday'}`;
  if (!needsArg && filter.arg !== null) return `the filter "${filter.name}" takes no argument`;

  const expect = (ok: boolean, what: string) => (ok ? null : `the filter "${filter.name}" needs ${what}, but the value is ${describeType(value)}`);
  switch (filter.name) {
    case 'number':
    case 'percent':
    case 'money':
    case 'duration':
    case 'minutes':
      return expect(value.kind === 'number', 'a number');
    case 'count':
      return expect(value.kind === 'number', 'a number') ?? (Object.hasOwn(vocabulary.nouns, filter.arg!) ? null : `there is no noun "${filter.arg!}" in vocabulary.yaml (nouns: ${Object.keys(vocabulary.nouns).join(', ') || 'none'})`);
    case 'date':
      return expect(value.kind === 'text', 'a date (text)');
    case 'term':
      return value.kind === 'enum' ? vocabularyError(vocabulary, filter.arg!, value.values) : expect(false, 'an enum value');
    case 'terms': {
      const item = value.kind === 'list' ? unwrap(value.of) : null;
      return item?.kind === 'enum' ? vocabularyError(vocabulary, filter.arg!, item.values) : expect(false, 'a list of enum values');
    }
    case 'list':
    case 'dates': {
      const item = value.kind === 'list' ? unwrap(value.of) : null;
      return expect(item?.kind === 'text', filter.name === 'dates' ? 'a list of dates' : 'a list of text');
    }
    default:
      return null;
  }
}

export interface FilterEnvironment {
  language: ContractLanguage;
  currency: string;
  vocabulary: Vocabulary;
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
    case 'duration':
      return formatDurationSeconds(number(), language);
    case 'minutes':
      return formatDurationMinutes(number(), language);
    case 'date':
      return formatDate(text(), language);
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
      return joinList(value.map((entry) => term(filter.arg!, entry)), language);
    case 'list':
      if (!Array.isArray(value)) throw new RangeError('not a list');
      return joinList(value.map(String), language);
    case 'dates':
      if (!Array.isArray(value)) throw new RangeError('not a list');
      return joinList(value.map((date) => formatDate(String(date), language)), language);
    default:
      throw new RangeError(`unknown filter ${filter.name}`);
  }
}
