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

/**
 * The months the month picker offers, newest first: the months of the
 * agreement's term, every month with data (an extended term, or data from
 * before the effective date, stays reachable), and the one shown.
 */
export function monthChoices(termMonths: readonly string[], withData: readonly string[], selected: string | null): string[] {
  const months = new Set([...termMonths, ...withData]);
  if (selected) months.add(selected);
  return [...months].sort().reverse();
}

/** What the attainment cell says: the measured level, or why there is none. */
export function attainmentText(t: TFunction, locale: Locale, row: MetricMonthReport): string {
  if (row.status === 'measured' && row.attainment !== null) return formatLevel(row.attainment, row.unit, locale, t);
  return row.status === 'noData' ? t('reports.status.noData') : t('reports.status.notMeasured');
}
