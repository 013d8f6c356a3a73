/**
 * UI text for both languages. The JSON files are the single source; the
 * renderer (react-i18next), the command line and the services all read
 * them through one i18next configuration.
 */
import i18next, { type i18n, type TFunction } from 'i18next';
import en from './en.json';
import zhCN from './zh-CN.json';
import type { Problem } from '../model/problems';
import { pathToString } from '../model/problems';

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

export const resources = {
  en: { translation: en },
  'zh-CN': { translation: zhCN },
} as const;

/** The locale SLA Studio should use for a system locale such as "zh-Hans-CN" or "en-GB". */
export function localeFromSystem(systemLocale: string | undefined | null): Locale {
  // POSIX values ("zh_CN.UTF-8") use an underscore where BCP 47 ("zh-Hans-CN") uses a hyphen.
  return systemLocale && /^zh(?:[-_.]|$)/i.test(systemLocale) ? 'zh-CN' : 'en';
}

export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

/** A ready, synchronous i18next instance (no plugins): for the CLI, services and tests. */
export function createI18n(locale: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: 'en',
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/**
 * A translate function as the shared formatters take it: i18next's `t` or
 * react-i18next's `t` both fit.
 */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

const translators = new Map<Locale, TFunction>();

/**
 * The `t` of one shared i18next instance per locale, made on first use: for
 * code that translates outside React (services, exports, the command line).
 * The instance is never handed out, so nothing can change its language.
 */
export function translatorFor(locale: Locale): TFunction {
  let t = translators.get(locale);
  if (!t) {
    t = createI18n(locale).t;
    translators.set(locale, t);
  }
  return t;
}

/** One problem as one line: `path: message`. */
export function formatProblem(t: TFunction, item: Problem): string {
  return `${pathToString(item.path)}: ${t(item.key, item.params)}`;
}
