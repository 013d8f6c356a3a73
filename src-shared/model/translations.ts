/**
 * The texts a draft's contract prints, in the languages it is printed in:
 * which are written, which translation is missing ("28 of 31 texts in
 * Chinese"), for the wizard's count and list, the contract check and the
 * export.
 */
import { isBlankText, isLocalizedText, missingLanguages, TEXT_LANGUAGES, type LocalizedText, type TextLanguage } from './localized';
import type { ProblemPath } from './problems';
import type { SlaDraft } from './schema';

/**
 * Every text the contract prints in its languages, as paths (the texts
 * that became localized in schema version 3): `*` is each
 * element of an array (or each value of the parties), and a path ending in
 * `*` is a list of texts.
 */
export const LOCALIZED_TEXT_PATHS: readonly (readonly string[])[] = [
  ['title'],
  ['parties', '*', 'address'],
  ['parties', '*', 'signatoryTitle'],
  ['services', '*', 'name'],
  ['services', '*', 'description'],
  ['services', '*', 'metrics', '*', 'name'],
  ['services', '*', 'metrics', '*', 'unit'],
  ['services', '*', 'metrics', '*', 'measurementMethod'],
  ['services', '*', 'metrics', '*', 'dataSource'],
  ['services', '*', 'metrics', '*', 'exclusions', '*'],
  ['expectations', 'criticalPeriods', '*', 'name'],
  ['expectations', 'stakeholders', '*', 'role'],
  ['targets', 'severities', '*', 'description'],
  ['monitoring', 'probeLocations', '*'],
  ['monitoring', 'downtimeDefinition'],
  ['compensation', 'claimProcess'],
  ['compliance', 'governingLaw'],
  ['compliance', 'disputeResolution', 'venue'],
  ['compliance', 'disputeResolution', 'institution'],
  ['compliance', 'dataResidency', 'restrictions'],
  ['compliance', 'exclusions', 'other', '*'],
];

/** One text of the draft, where it is. */
export interface DraftText {
  path: ProblemPath;
  text: LocalizedText;
}

function collect(value: unknown, pattern: readonly string[], path: ProblemPath, into: DraftText[]): void {
  if (pattern.length === 0) {
    if (isLocalizedText(value)) into.push({ path, text: value });
    return;
  }
  const [head = '', ...rest] = pattern;
  if (typeof value !== 'object' || value === null) return;
  if (head === '*') {
    if (Array.isArray(value)) value.forEach((item: unknown, index) => collect(item, rest, [...path, index], into));
    else for (const [key, item] of Object.entries(value)) collect(item, rest, [...path, key], into);
    return;
  }
  if (Object.hasOwn(value, head)) collect((value as Record<string, unknown>)[head], rest, [...path, head], into);
}

/** Every text of the draft the contract prints, in the order of the wizard's steps. */
export function draftTexts(draft: SlaDraft): DraftText[] {
  const texts: DraftText[] = [];
  for (const pattern of LOCALIZED_TEXT_PATHS) collect(draft, pattern, [], texts);
  return texts;
}

/** The languages the draft's contract is printed in. */
export function contractLanguagesOf(draft: Pick<SlaDraft, 'contract'>): TextLanguage[] {
  const { languages } = draft.contract;
  return languages === 'bilingual' ? [...TEXT_LANGUAGES] : [languages];
}

export interface MissingTranslation {
  path: ProblemPath;
  language: TextLanguage;
}

export interface TranslationStatus {
  languages: TextLanguage[];
  /** The texts written in at least one language. */
  total: number;
  /** Of those, how many are written in each language. */
  written: Record<TextLanguage, number>;
  /** Each text written in the other language only, for each language the contract is printed in. */
  missing: MissingTranslation[];
}

/** The texts written in the other language only, for each of `languages`: what a contract printed in them would mark as missing. */
export function missingTranslations(draft: SlaDraft, languages: readonly TextLanguage[]): MissingTranslation[] {
  return draftTexts(draft).flatMap(({ path, text }) => missingLanguages(text, languages).map((language) => ({ path: [...path, language], language })));
}

export function translationStatus(draft: SlaDraft): TranslationStatus {
  const languages = contractLanguagesOf(draft);
  const written: Record<TextLanguage, number> = { en: 0, 'zh-CN': 0 };
  const missing: MissingTranslation[] = [];
  let total = 0;
  for (const { path, text } of draftTexts(draft)) {
    if (isBlankText(text)) continue;
    total++;
    for (const language of TEXT_LANGUAGES) if (text[language].trim() !== '') written[language]++;
    for (const language of missingLanguages(text, languages)) missing.push({ path: [...path, language], language });
  }
  return { languages, total, written, missing };
}
