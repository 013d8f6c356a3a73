/**
 * What a metric's numbers mean: its unit and which direction is better.
 * Targets, credit tiers, requests and the contract text all read a metric
 * through these helpers, so "99.9" and "200" are never interpreted twice.
 */
import type { LocalizedText } from './localized';
import type { Metric, MetricKind, SlaDraft } from './schema';

export type MetricUnit = 'percent' | 'ms' | 'minutes' | 'custom';

export interface MetricSemantics {
  unit: MetricUnit;
  /** true when a larger measured value is better (availability). */
  higherIsBetter: boolean;
  /** Support metrics take their targets from the severity table, not from objectives. */
  targetFromSeverities: boolean;
}

const SEMANTICS: Record<Exclude<MetricKind, 'custom'>, MetricSemantics> = {
  availability: { unit: 'percent', higherIsBetter: true, targetFromSeverities: false },
  latency: { unit: 'ms', higherIsBetter: false, targetFromSeverities: false },
  supportResponse: { unit: 'minutes', higherIsBetter: false, targetFromSeverities: true },
  supportResolution: { unit: 'minutes', higherIsBetter: false, targetFromSeverities: true },
  errorRate: { unit: 'percent', higherIsBetter: false, targetFromSeverities: false },
  rpo: { unit: 'minutes', higherIsBetter: false, targetFromSeverities: false },
  rto: { unit: 'minutes', higherIsBetter: false, targetFromSeverities: false },
};

export function metricSemantics(metric: Pick<Metric, 'kind' | 'higherIsBetter'>): MetricSemantics {
  if (metric.kind === 'custom') {
    return { unit: 'custom', higherIsBetter: metric.higherIsBetter ?? true, targetFromSeverities: false };
  }
  return SEMANTICS[metric.kind];
}

export interface LocatedMetric {
  metric: Metric;
  serviceIndex: number;
  metricIndex: number;
  serviceId: string;
  serviceName: LocalizedText;
}

/** Every metric of the draft by id, with the service it belongs to. */
export function metricsById(services: SlaDraft['services']): Map<string, LocatedMetric> {
  const byId = new Map<string, LocatedMetric>();
  services.forEach((service, serviceIndex) => {
    service.metrics.forEach((metric, metricIndex) => {
      if (!byId.has(metric.id)) {
        byId.set(metric.id, { metric, serviceIndex, metricIndex, serviceId: service.id, serviceName: service.name });
      }
    });
  });
  return byId;
}

/**
 * Is `measured` worse than `level` for this metric? With `inclusive`, equal
 * counts as worse (the "at or below" wording of a credit tier).
 */
export function isWorse(semantics: MetricSemantics, measured: number, level: number, inclusive = false): boolean {
  if (semantics.higherIsBetter) return inclusive ? measured <= level : measured < level;
  return inclusive ? measured >= level : measured > level;
}
