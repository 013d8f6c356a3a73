/**
 * What only the Reports screen needs to word a monthly report: the months
 * its picker offers and the attainment cell. The rest reads as the printed
 * report does, from the same functions: formatMonth and formatLevel
 * (src-shared/format), metricName, tierCondition and formatMinutes
 * (src-shared/monitoring/report-document.ts).
 */
import type { TFunction } from 'i18next';
import { formatLevel } from '../../../src-shared/format';
import type { Locale } from '../../../src-shared/i18n';
import type { MetricMonthReport } from '../../../src-shared/monitoring';

/** The month before `month`, both 'YYYY-MM'. */
export function previousMonth(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(year, monthNumber - 1, 1));
  date.setUTCMonth(date.getUTCMonth() - 1);
  return date.toISOString().slice(0, 7);
}

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

/** What the attainment cell says: the measured level, or why there is none. */
export function attainmentText(t: TFunction, locale: Locale, row: MetricMonthReport): string {
  if (row.status === 'measured' && row.attainment !== null) return formatLevel(row.attainment, row.unit, locale, t);
  return row.status === 'noData' ? t('reports.status.noData') : t('reports.status.notMeasured');
}
