/// <reference types="vite/client" />
/**
 * Both languages must be complete: the same keys, no empty text, the same
 * {{parameters}}, and Chinese that is actually Chinese. Every key the model
 * can put in a problem must exist, or a user would see a raw key instead of
 * a message.
 */
import { describe, expect, it } from 'vitest';
import en from './en.json';
import zhCN from './zh-CN.json';

type Messages = { [key: string]: string | Messages };

/** Texts that are the same in every language: names, not words to translate. */
const SAME_IN_BOTH = new Set(['app.name']);
/** A language is offered under its own name in every locale ("English" in the Chinese menu too). */
const AUTONYMS = new Set(['English']);

/** CLDR plural categories: Chinese has only "other", so `_one` keys exist in English alone. */
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function flatten(messages: Messages, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [inner, text] of flatten(value as Messages, path)) out.set(inner, text);
    } else {
      out.set(path, value);
    }
  }
  return out;
}

/** `{{count}}`, `{{ amount, number }}` -> the parameter names a message needs. */
function parameters(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)].map((m) => m[1]!).sort();
}

function looksUntranslated(english: string, chinese: string): boolean {
  // A short or name-like value (SLA, SOC 2, HH:MM) or a pure layout of
  // parameters ("{{value}} {{unit}}") may rightly stay the same; a value with
  // an ordinary lower-case word in it is English left behind.
  const words = english.replace(/\{\{[^}]*\}\}/g, '');
  return english === chinese && words.trim().length > 3 && /[a-z]{3,}/.test(words);
}

/** i18next always passes `count` to a plural form, so a form may leave it out ("one problem"). */
function comparableParameters(key: string, text: string): string {
  const names = parameters(text);
  return (PLURAL_SUFFIX.test(key) ? names.filter((name) => name !== 'count') : names).join(', ');
}

/** Every reason the two locale files are not a complete pair, one line each. */
function localeIssues(english: Messages, chinese: Messages): string[] {
  const issues: string[] = [];
  const enKeys = flatten(english);
  const zhKeys = flatten(chinese);
  const pluralOnlyInEnglish = (key: string) => {
    const match = PLURAL_SUFFIX.exec(key);
    return match !== null && match[1] !== 'other' && zhKeys.has(key.replace(PLURAL_SUFFIX, '_other'));
  };
  for (const key of enKeys.keys()) {
    if (!zhKeys.has(key) && !pluralOnlyInEnglish(key)) issues.push(`missing in zh-CN: ${key}`);
  }
  for (const key of zhKeys.keys()) {
    if (!enKeys.has(key)) issues.push(`missing in en: ${key}`);
  }
  for (const [locale, keys] of [
    ['en', enKeys],
    ['zh-CN', zhKeys],
  ] as const) {
    for (const [key, value] of keys) {
      if (typeof value !== 'string') issues.push(`not text in ${locale}: ${key}`);
      else if (value.trim() === '') issues.push(`empty in ${locale}: ${key}`);
    }
  }
  for (const [key, englishText] of enKeys) {
    const chineseText = zhKeys.get(key.replace(PLURAL_SUFFIX, '_other')) ?? zhKeys.get(key);
    if (typeof englishText !== 'string' || typeof chineseText !== 'string') continue;
    const englishParameters = comparableParameters(key, englishText);
    const chineseParameters = comparableParameters(key, chineseText);
    if (englishParameters !== chineseParameters) {
      issues.push(`different parameters: ${key} (${englishParameters} / ${chineseParameters})`);
    }
    if (zhKeys.has(key) && !SAME_IN_BOTH.has(key) && !AUTONYMS.has(englishText) && looksUntranslated(englishText, chineseText)) {
      issues.push(`untranslated in zh-CN: ${key}`);
    }
  }
  return issues;
}

describe('the locale check itself', () => {
  const good: Messages = { a: { title: 'Service credits', count_one: '{{count}} tier', count_other: '{{count}} tiers' } };
  const goodZh: Messages = { a: { title: '服务抵扣', count_other: '{{count}} 个档位' } };

  it('accepts a complete pair, with Chinese plurals in the "other" form only', () => {
    expect(localeIssues(good, goodZh)).toEqual([]);
  });

  it('finds a key missing on either side', () => {
    expect(localeIssues({ a: { title: 'x', extra: 'More' } }, { a: { title: '甲' } })).toEqual(['missing in zh-CN: a.extra']);
    expect(localeIssues({ a: { title: 'x' } }, { a: { title: '甲', extra: '乙' } })).toEqual(['missing in en: a.extra']);
  });

  it('finds an empty value', () => {
    expect(localeIssues({ a: { title: '' } }, { a: { title: '甲' } })).toEqual(['empty in en: a.title']);
    expect(localeIssues({ a: { title: 'Title' } }, { a: { title: '  ' } })).toEqual(['empty in zh-CN: a.title']);
  });

  it('finds different interpolation parameters', () => {
    expect(localeIssues({ m: 'Cap of {{cap}} %' }, { m: '上限为 {{limit}}%' })).toEqual(['different parameters: m (cap / limit)']);
    expect(localeIssues({ m: 'Cap of {{cap}} %' }, { m: '上限' })).toEqual(['different parameters: m (cap / )']);
  });

  it('lets a plural form leave out the count i18next always passes, but no other parameter', () => {
    const english = { n_one: 'One problem in {{step}}', n_other: '{{count}} problems in {{step}}' };
    expect(localeIssues(english, { n_other: '{{step}}中有 {{count}} 个问题' })).toEqual([]);
    expect(localeIssues(english, { n_other: '有 {{count}} 个问题' })).toEqual([
      'different parameters: n_one (step / )',
      'different parameters: n_other (step / )',
    ]);
  });

  it('finds English text left in the Chinese file, but not names', () => {
    expect(localeIssues({ m: 'Save version' }, { m: 'Save version' })).toEqual(['untranslated in zh-CN: m']);
    const names = { m: 'SOC 2', app: { name: 'SLA Studio' }, language: { en: 'English' }, value: '{{value}} {{unit}}' };
    expect(localeIssues(names, names)).toEqual([]);
  });
});

describe('en.json and zh-CN.json', () => {
  it('are a complete pair', () => {
    expect(localeIssues(en as Messages, zhCN as Messages)).toEqual([]);
  });
});

// The model's sources, as text: the keys it can report are string literals there.
const modelSources = import.meta.glob<string>(['../model/*.ts', '!../model/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

function keysUsedByModel(): Set<string> {
  const keys = new Set<string>();
  for (const source of Object.values(modelSources)) {
    for (const match of source.matchAll(/(['"`])((?:rules|validation|file)\.[A-Za-z0-9_]+)\1/g)) keys.add(match[2]!);
  }
  // problems.ts builds `validation.${message}` from the schema's own format messages.
  const schema = modelSources['../model/schema.ts'] ?? '';
  for (const match of schema.matchAll(/message: '([A-Za-z]+)'/g)) keys.add(`validation.${match[1]!}`);
  return keys;
}

describe('keys used by the model', () => {
  const used = keysUsedByModel();

  it('are found in the model sources (the scan reads real code)', () => {
    expect(Object.keys(modelSources)).toEqual(expect.arrayContaining(['../model/rules.ts', '../model/problems.ts', '../model/file.ts']));
    expect(used).toContain('rules.creditAboveCap');
    expect(used).toContain('file.futureSchema');
    expect(used).toContain('validation.date');
    expect(used.size).toBeGreaterThan(40);
  });

  it('exist in both languages', () => {
    const enKeys = flatten(en as Messages);
    const zhKeys = flatten(zhCN as Messages);
    const missing = [...used].filter((key) => !enKeys.has(key) || !zhKeys.has(key));
    expect(missing).toEqual([]);
  });
});
