/**
 * UI text for both languages. The JSON files are the single source; the
 * renderer (react-i18next), the command line and the services all read
 * them through one i18next configuration.
 */
import i18next, { type FormatterModule, type i18n, type TFunction } from 'i18next';
import en from './en.json';
import zhCN from './zh-CN.json';
import { displayText, isLocalizedText } from '../model/localized';
import { describeProblem } from '../model/problem-label';
import type { Problem } from '../model/problems';

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

/**
 * How every instance interpolates: a draft's text given as a parameter
 * ({ en, zh-CN }: a service name in "Service “{{service}}” has no metric")
 * is read in the message's language, or in the other when it has none.
 */
export const INTERPOLATION = {
  escapeValue: false,
  alwaysFormat: true,
  // Typed as i18next's format function (it returns a string); any other value is handed back for i18next to write as before.
  format: (value: unknown, _format?: string, language?: string): string =>
    isLocalizedText(value) ? displayText(value, isLocale(language) ? language : 'en') : (value as string),
};

/**
 * INTERPOLATION's format as i18next's formatter module: i18next (since 25)
 * puts its own formatter's format in place of `interpolation.format`, so a
 * LocalizedText would read "[object Object]" without it. Every instance
 * `use`s it. The messages name no format ("{{x, number}}"), so nothing of
 * the built-in formatter is lost.
 */
export const LOCALIZED_TEXT_FORMATTER: FormatterModule = {
  type: 'formatter',
  init: () => undefined,
  add: () => undefined,
  addCached: () => undefined,
  // Any other value goes back as it came: i18next turns it into a string itself.
  format: (value: unknown, format?: string, language?: string) => INTERPOLATION.format(value, format, language) as string,
};

/** A ready, synchronous i18next instance (no plugins): for the CLI, services and tests. */
export function createI18n(locale: Locale): i18n {
  const instance = i18next.createInstance().use(LOCALIZED_TEXT_FORMATTER);
  void instance.init({
    lng: locale,
    fallbackLng: 'en',
    resources,
    initAsync: false,
    interpolation: INTERPOLATION,
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

/**
 * One problem as the command line prints it, where it is in the wizard's words and what is
 * wrong: "Service 3 “Data Export API” › Metric 2 › Name in the contract: A
 * custom metric needs a name." `draft` (any JSON) names the items.
 */
export function formatProblem(t: TFunction, item: Problem, draft?: unknown): string {
  // A problem of the file as a whole keeps the command line's "(file):" mark, as a file that cannot be written does.
  return item.path.length === 0 ? `(file): ${t(item.key, item.params)}` : describeProblem(item, t, draft);
}
