/**
 * A field change in words, in one locale: "Availability target (Core API):
 * 99.9 % → 99.95 %", "可用性目标（Core API）：99.9% → 99.95%". Values read
 * as the wizard and the contract show them (src-shared/format); labels and
 * enum values come from the locale files.
 */
import { formatDate, formatLevel, formatMoney, formatNumber } from '../format';
import type { Locale, Translate } from '../i18n';
import { displayText, isLocalizedText } from '../model/localized';
import type { FieldChange, LabelParam, LabelRef, ValueFormat } from './fields';

/** Free text up to this length is quoted in full in a change; longer text is "text edited". */
export const MAX_INLINE_TEXT = 80;

function isLabelRef(param: LabelParam): param is LabelRef {
  return typeof param === 'object' && 'key' in param;
}

export function labelText(label: LabelRef, locale: Locale, t: Translate): string {
  const params: Record<string, unknown> = {};
  for (const [name, param] of Object.entries(label.params ?? {})) params[name] = paramText(param, locale, t);
  return t(label.key, params);
}

function paramText(param: LabelParam, locale: Locale, t: Translate): string {
  if (typeof param === 'string') return param;
  if (isLocalizedText(param)) return displayText(param, locale);
  if (typeof param === 'number') return formatNumber(param, locale, 4);
  if (isLabelRef(param)) return labelText(param, locale, t);
  return formatValue(param.value, param.format, locale, t);
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * One raw value as a reader expects it. A value of an unexpected type (a
 * working copy being edited can hold one) is shown as it is rather than
 * failing the whole comparison.
 */
export function formatValue(value: unknown, format: ValueFormat, locale: Locale, t: Translate): string {
  if (format.type === 'cap' && value === null) return t('compare.value.uncapped');
  if (value === undefined || value === null || value === '') return t('compare.value.empty');
  const numeric = isNumber(value);
  switch (format.type) {
    case 'text':
    case 'longText':
      return isLocalizedText(value) ? displayText(value, locale) : String(value);
    case 'date':
      return typeof value === 'string' ? formatDate(value, locale) : String(value);
    case 'boolean':
      return typeof value === 'boolean' ? t(value ? 'compare.value.yes' : 'compare.value.no') : String(value);
    case 'number':
      return numeric ? formatNumber(value, locale, 4) : String(value);
    case 'cap':
      if (format.unit === 'hours') return numeric ? t('compare.value.hours', { count: value, value: formatNumber(value, locale, 4) }) : String(value);
      return numeric ? formatLevel(value, 'percent', locale, t) : String(value);
    case 'percent':
      return numeric ? formatLevel(value, 'percent', locale, t) : String(value);
    case 'minutes':
    case 'ms':
      return numeric ? formatLevel(value, format.type, locale, t, { maxFractionDigits: 4 }) : String(value);
    case 'custom':
      return numeric ? formatLevel(value, 'custom', locale, t, { customUnit: displayText(format.unit, locale), maxFractionDigits: 4 }) : String(value);
    case 'count':
      return numeric ? t(`compare.value.${format.unit}`, { count: value, value: formatNumber(value, locale, 4) }) : String(value);
    case 'money':
      return numeric ? formatMoney(value, format.currency, locale) : String(value);
    case 'enum':
      return t(`${format.prefix}.${String(value)}`, { defaultValue: String(value) });
    case 'label':
      return paramText(format.label, locale, t);
    case 'item':
      return '';
  }
}

export interface FormattedChange {
  /** What changed: the field ("Availability target (Core API)"), or the whole sentence for an added / removed / moved item. */
  label: string;
  /** The old and new value as text; null for an added or removed item (the label says it all). */
  old: string | null;
  new: string | null;
  /** One line: "Label: old → new", "Added service: Data export API". */
  text: string;
}

function isLongText(change: FieldChange, old: string, current: string): boolean {
  return change.newFormat.type === 'longText' && change.old !== '' && change.new !== '' && (old.length > MAX_INLINE_TEXT || current.length > MAX_INLINE_TEXT);
}

export function formatChange(change: FieldChange, locale: Locale, t: Translate): FormattedChange {
  const label = labelText(change.label, locale, t);
  if (change.kind === 'added' || change.kind === 'removed') return { label, old: null, new: null, text: label };
  const old = formatValue(change.old, change.oldFormat, locale, t);
  const current = formatValue(change.new, change.newFormat, locale, t);
  if (change.kind === 'moved') return { label, old, new: current, text: label };
  const text = isLongText(change, old, current) ? t('compare.textEdited', { label }) : t('compare.changed', { label, old, new: current });
  return { label, old, new: current, text };
}

/** The change as one line in the user's language. */
export function describeChange(change: FieldChange, locale: Locale, t: Translate): string {
  return formatChange(change, locale, t).text;
}
