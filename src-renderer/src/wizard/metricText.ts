/**
 * How a metric and its numbers read in the wizard: "Application — Availability"
 * in a metric picker, "99.9 %" / "200 ms" / "4 hours" for a level. The unit
 * comes from src-shared/model/metrics.ts, so the wizard never interprets a
 * number differently from the contract.
 */
import type { TFunction } from 'i18next';
import type { Locale } from '../../../src-shared/i18n';
import { formatLevel } from '../../../src-shared/format';
import { metricSemantics, metricsById, type LocatedMetric, type Metric, type SlaDraft } from '../../../src-shared/model';
import { displayText, type TextLanguage } from '../../../src-shared/model/localized';
import type { Choice } from './fields/fields';

/** A draft's text as the wizard names things: in the user's language, or the other when not written in it. */
function inUserLanguage(text: Parameters<typeof displayText>[0]): string {
  // The screen's language, which the shell sets on the document (app/i18n.ts, applyLocale).
  const language: TextLanguage = document.documentElement.lang === 'zh-CN' ? 'zh-CN' : 'en';
  return displayText(text, language);
}

export function metricName(t: TFunction, metric: Pick<Metric, 'kind' | 'name' | 'percentile'>): string {
  const name = inUserLanguage(metric.name);
  if (name.trim() !== '') return name;
  if (metric.kind === 'latency' && typeof metric.percentile === 'number') {
    return t('fields.metric.latencyName', { percentile: metric.percentile });
  }
  return t(`enums.metricKind.${metric.kind}`);
}

export function metricLabel(t: TFunction, located: LocatedMetric): string {
  const serviceName = inUserLanguage(located.serviceName);
  const service = serviceName.trim() !== '' ? serviceName : t('fields.service.unnamed');
  const metric = metricName(t, located.metric);
  // "Core API Availability" already names its service: "Core API — Core API Availability" would say it twice.
  if (metric.toLocaleLowerCase().startsWith(service.trim().toLocaleLowerCase())) return metric;
  return t('fields.metric.option', { service, metric });
}

/**
 * The metrics a picker offers. `measuredOnly` leaves out support metrics,
 * whose targets are the severity table rather than an objective or a tier.
 */
export function metricChoices(t: TFunction, services: SlaDraft['services'], options: { measuredOnly?: boolean } = {}): Choice[] {
  return [...metricsById(services).values()]
    .filter((located) => !options.measuredOnly || !metricSemantics(located.metric).targetFromSeverities)
    .map((located) => ({ value: located.metric.id, label: metricLabel(t, located) }));
}

/** The unit shown inside a number input for a level of this metric. */
export function unitSuffix(t: TFunction, metric: Metric | undefined): string | undefined {
  if (!metric) return undefined;
  const { unit } = metricSemantics(metric);
  if (unit === 'custom') return metric.unit ? inUserLanguage(metric.unit).trim() || undefined : undefined;
  return t(`units.${unit}`);
}

/** A level of this metric as a reader expects it: "99.9 %", "200 ms", "4 hours", "120 jobs/hour"; empty while not a number. */
export function metricLevel(t: TFunction, locale: Locale, metric: Metric, value: number): string {
  if (!Number.isFinite(value)) return '';
  return formatLevel(value, metricSemantics(metric).unit, locale, t, { customUnit: metric.unit ? inUserLanguage(metric.unit) : undefined });
}

/** A sensible first level for a new objective, request or tier of this metric. */
export function defaultLevel(metric: Metric | undefined): number {
  if (!metric) return 0;
  switch (metric.kind) {
    case 'availability':
      return 99.9;
    case 'latency':
      return 500;
    case 'errorRate':
      return 1;
    case 'rpo':
    case 'rto':
      return 240;
    default:
      return 0;
  }
}
