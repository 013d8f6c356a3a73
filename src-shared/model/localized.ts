/**
 * Text the user writes for the contract, in each language the contract can
 * be printed in. A bilingual contract prints both; an English or a Chinese
 * contract prints its own. Either may be empty while drafting: a missing
 * translation is a problem of the contract check, not of the schema.
 */

export const TEXT_LANGUAGES = ['en', 'zh-CN'] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

export interface LocalizedText {
  en: string;
  'zh-CN': string;
}

export function localized(en: string, zh = ''): LocalizedText {
  return { en, 'zh-CN': zh };
}

export function otherLanguage(language: TextLanguage): TextLanguage {
  return language === 'en' ? 'zh-CN' : 'en';
}

export function isLocalizedText(value: unknown): value is LocalizedText {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 2 && typeof (value as Record<string, unknown>).en === 'string' && typeof (value as Record<string, unknown>)['zh-CN'] === 'string';
}

export function hasText(value: LocalizedText, language: TextLanguage): boolean {
  return value[language].trim() !== '';
}

/** True when neither language holds anything: the field is simply not filled in. */
export function isBlankText(value: LocalizedText): boolean {
  return !hasText(value, 'en') && !hasText(value, 'zh-CN');
}

/** The languages of `wanted` that are empty while the other language holds text. */
export function missingLanguages(value: LocalizedText, wanted: readonly TextLanguage[]): TextLanguage[] {
  if (isBlankText(value)) return [];
  return wanted.filter((language) => !hasText(value, language));
}

/**
 * What to show a reader of `language` outside a contract (a list, a title, a
 * file name): their language when written, else the other one. Never the
 * text of a contract, which marks the gap instead.
 */
export function displayText(value: LocalizedText | string, language: TextLanguage): string {
  if (typeof value === 'string') return value;
  return hasText(value, language) ? value[language] : value[otherLanguage(language)];
}

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /\p{Script=Latin}+/gu;

/**
 * The language a text is written in, by its script: Chinese when its Han
 * characters outnumber twice its Latin words (a Chinese sentence naming
 * "AWS" or "ISO 27001" stays Chinese; an English sentence quoting 上海 stays
 * English); undefined when it holds neither (a number, an address line of
 * digits), so that the caller's tie-break decides.
 */
export function languageOfText(text: string): TextLanguage | undefined {
  const han = text.match(HAN)?.length ?? 0;
  const latinWords = text.match(LATIN_WORD)?.length ?? 0;
  if (han === 0 && latinWords === 0) return undefined;
  return han > 2 * latinWords ? 'zh-CN' : 'en';
}

/** A one-language text put where its script says, `fallback` deciding text of neither script. */
export function localizeByScript(text: string, fallback: TextLanguage): LocalizedText {
  const language = languageOfText(text) ?? fallback;
  return language === 'en' ? localized(text, '') : localized('', text);
}

/** A text read from content of unknown form (an older file, a stored version): as it is, put by script when one-language, else blank. */
export function asLocalizedText(value: unknown, fallback: TextLanguage = 'en'): LocalizedText {
  if (isLocalizedText(value)) return value;
  return typeof value === 'string' ? localizeByScript(value, fallback) : localized('');
}
