/**
 * A suggestion of the translation memory in the user's words: where it
 * came from ("From draft “Acme Payments”, version 3 — Service 1 › Metric 2 ›
 * Measurement method", "From the clause library — Service Credits") and how
 * close it is ("Exact match", "92 % match"). The field is named by its
 * place, as the wizard numbers it: the other draft is not at hand to name
 * its services.
 */
import { formatPercent } from '../format';
import type { Translate } from '../i18n';
import { displayText, type TextLanguage } from '../model/localized';
import { problemLocation } from '../model/problem-label';
import type { MemorySource, Suggestion } from './memory';

export function describeSource(source: MemorySource, language: TextLanguage, t: Translate): string {
  if (source.kind === 'clauseLibrary') {
    const clause = source.clause ? displayText(source.clause, language) : '';
    return clause === '' ? t('translationMemory.fromClauseLibrary') : t('translationMemory.fromClause', { clause });
  }
  const params = { title: displayText(source.title, language), field: problemLocation(source.path, t) };
  return source.version === null ? t('translationMemory.fromDraft', params) : t('translationMemory.fromVersion', { ...params, version: source.version });
}

/** "Exact match", or the score as a whole percentage: "92 % match". */
export function describeScore(suggestion: Pick<Suggestion, 'exact' | 'score'>, language: TextLanguage, t: Translate): string {
  if (suggestion.exact) return t('translationMemory.exact');
  return t('translationMemory.similar', { score: formatPercent(Math.floor(suggestion.score * 100), language) });
}
