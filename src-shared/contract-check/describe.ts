/**
 * A finding in words, in the user's language: where ("Claims › Claim
 * process", as the wizard labels the field, or "Clause 4.2"), what is wrong
 * and how to fix it. A parameter `fieldKey` is the i18n key of a field's
 * name; `fieldPath` another field, said as the wizard labels it; `value`
 * with `valueKind` is a field's quantity, formatted here for the language.
 * The draft, when given, names the services and metrics in a location.
 */
import { formatDurationMinutes, formatNumber, formatPercent } from '../format';
import type { Locale, Translate } from '../i18n';
import type { LocalizedText } from '../model/localized';
import { pathFromString, problemLocation } from '../model/problem-label';
import { problem, type Problem } from '../model/problems';
import type { QuantityKind } from './draft-fields';
import type { ContractFinding } from './finding';

export interface DescribedFinding {
  /** "Claims › Claim process" or "Clause 4.2" / "第4.2条". */
  where: string;
  message: string;
  fix: string;
}

function formatQuantity(value: number, kind: QuantityKind, locale: Locale, t: Translate): string {
  switch (kind) {
    case 'percent':
      return formatPercent(value, locale);
    case 'minutes':
      return formatDurationMinutes(value, locale);
    case 'calendarDays':
      return t('contractCheck.units.days', { count: value, number: formatNumber(value, locale) });
    case 'businessDays':
      return t('contractCheck.units.businessDays', { count: value, number: formatNumber(value, locale) });
  }
}

export function findingLocation(finding: ContractFinding, t: Translate, draft?: unknown): string {
  return finding.clause !== null
    ? t('contractCheck.clause', { number: finding.clause === '' ? '—' : finding.clause })
    : problemLocation(finding.path, t, draft);
}

export function formatFinding(finding: ContractFinding, locale: Locale, t: Translate, draft?: unknown): DescribedFinding {
  const params: Record<string, string | number | LocalizedText> = { ...finding.params };
  if (typeof params.fieldKey === 'string') params.field = t(params.fieldKey, params);
  if (typeof params.fieldPath === 'string') params.fieldPath = problemLocation(pathFromString(params.fieldPath), t, draft);
  if (typeof params.value === 'number' && typeof params.valueKind === 'string')
    params.value = formatQuantity(params.value, params.valueKind as QuantityKind, locale, t);
  return { where: findingLocation(finding, t, draft), message: t(finding.key, params), fix: t(finding.fixKey, params) };
}

/**
 * A finding as a draft problem (its step and path, its words in `locale`),
 * for a refusal that lists problems the way the wizard shows them.
 */
export function findingAsProblem(finding: ContractFinding, locale: Locale, t: Translate, draft?: unknown): Problem {
  const { message, fix } = formatFinding(finding, locale, t, draft);
  return { ...problem(finding.path, 'contractCheck.asProblem', { message, fix }), step: finding.step };
}
