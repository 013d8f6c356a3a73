/**
 * How the numbers of a monthly report read on screen, in the user's
 * language: "99.4272 %", "255 min", "below 99.5 %". The
 * words are the ones the printed report uses (the reports.* keys), so the
 * screen and the statement the customer receives say the same thing.
 */
import type { TFunction } from 'i18next';
import type { Locale } from '../../../src-shared/i18n';
import { formatDurationMinutes, formatNumber, formatPercent } from '../../../src-shared/format';
import type { MetricUnit } from '../../../src-shared/model';
import type { MetricMonthReport, MonthlyReport } from '../../../src-shared/monitoring';
import { previousMonth } from '../common/months';

/**
 * The months the month picker offers, newest first: every month with data,
 * the twelve months up to `currentMonth`, and the one shown.
 */
export function monthChoices(withData: readonly string[], currentMonth: string, selected: string | null): string[] {
  const months = new Set(withData);
  let month = currentMonth;
  for (let count = 0; count < 12; count++) {
    months.add(month);
    month = previousMonth(month);
  }
  if (selected) months.add(selected);
  return [...months].sort().reverse();
}

export function isLowerBetter(unit: MetricUnit): boolean {
  return unit === 'ms' || unit === 'minutes';
}

/** A level in the metric's unit: "99.95 %", "300 ms", "4 hours". Availability shows up to four decimals. */
export function formatLevel(t: TFunction, locale: Locale, unit: MetricUnit, value: number, customUnit: string | null = null): string {
  switch (unit) {
    case 'percent':
      return formatPercent(value, locale);
    case 'ms':
      return t('units.msValue', { value: formatNumber(value, locale) });
    case 'minutes':
      return formatDurationMinutes(value, locale);
    default:
      // A custom metric reads with its own unit ("99 % of jobs"), as in the wizard.
      return customUnit ? t('units.customValue', { value: formatNumber(value, locale), unit: customUnit }) : formatNumber(value, locale);
  }
}

export function formatMinutes(t: TFunction, locale: Locale, minutes: number): string {
  return t('reports.values.minutes', { minutes: formatNumber(minutes, locale, 2) });
}

export function metricName(t: TFunction, row: Pick<MetricMonthReport, 'metricName' | 'kind' | 'percentile'>): string {
  if (row.metricName.trim() !== '') return row.metricName;
  if (row.kind === 'latency' && row.percentile !== null) return t('fields.metric.latencyName', { percentile: row.percentile });
  return t(`enums.metricKind.${row.kind}`);
}

/** "below 99.5 %", "above 300 ms", as the contract's boundary wording states it. */
export function tierCondition(t: TFunction, locale: Locale, boundary: MonthlyReport['boundary'], unit: MetricUnit, threshold: number): string {
  const lower = isLowerBetter(unit);
  const wording = boundary === 'below' ? (lower ? 'above' : 'below') : lower ? 'atOrAbove' : 'atOrBelow';
  return t(`reports.tierCondition.${wording}`, { threshold: formatLevel(t, locale, unit, threshold) });
}

/** What the attainment cell says: the measured level, or why there is none. */
export function attainmentText(t: TFunction, locale: Locale, row: MetricMonthReport): string {
  if (row.status === 'measured' && row.attainment !== null) return formatLevel(t, locale, row.unit, row.attainment);
  return row.status === 'noData' ? t('reports.status.noData') : t('reports.status.notMeasured');
}
