/**
 * Edits that touch more than one field: removing a metric takes its target,
 * credit tiers and customer requests with it (they would otherwise point at
 * nothing), and changing a metric's kind keeps only the fields that kind has.
 */
import { newId, type Metric, type MetricKind, type SlaDraft } from '../../../src-shared/model';
import { localized } from '../../../src-shared/model/localized';

export interface MetricReferences {
  objectives: number;
  requests: number;
  creditTiers: number;
}

export function metricReferences(draft: SlaDraft, metricIds: readonly string[]): MetricReferences {
  const ids = new Set(metricIds);
  return {
    objectives: draft.targets.objectives.filter((objective) => ids.has(objective.metricId)).length,
    requests: draft.expectations.requests.filter((request) => ids.has(request.metricId)).length,
    creditTiers: draft.compensation.creditTiers.filter((tier) => ids.has(tier.metricId)).length,
  };
}

export function hasReferences(references: MetricReferences): boolean {
  return references.objectives + references.requests + references.creditTiers > 0;
}

function withoutMetricReferences(draft: SlaDraft, metricIds: ReadonlySet<string>): SlaDraft {
  return {
    ...draft,
    expectations: { ...draft.expectations, requests: draft.expectations.requests.filter((r) => !metricIds.has(r.metricId)) },
    targets: { ...draft.targets, objectives: draft.targets.objectives.filter((o) => !metricIds.has(o.metricId)) },
    compensation: { ...draft.compensation, creditTiers: draft.compensation.creditTiers.filter((c) => !metricIds.has(c.metricId)) },
  };
}

export function removeMetric(draft: SlaDraft, serviceIndex: number, metricIndex: number): SlaDraft {
  const service = draft.services[serviceIndex];
  const metric = service?.metrics[metricIndex];
  if (!service || !metric) return draft;
  const services = draft.services.map((s, i) => (i === serviceIndex ? { ...s, metrics: s.metrics.filter((_, m) => m !== metricIndex) } : s));
  return withoutMetricReferences({ ...draft, services }, new Set([metric.id]));
}

export function removeService(draft: SlaDraft, serviceIndex: number): SlaDraft {
  const service = draft.services[serviceIndex];
  if (!service) return draft;
  const services = draft.services.filter((_, i) => i !== serviceIndex);
  return withoutMetricReferences({ ...draft, services }, new Set(service.metrics.map((m) => m.id)));
}

export function allMetricIds(draft: SlaDraft): string[] {
  return draft.services.flatMap((service) => service.metrics.map((metric) => metric.id));
}

export function newMetric(draft: SlaDraft): Metric {
  return {
    id: newId('metric', allMetricIds(draft)),
    kind: 'availability',
    name: localized(''),
    measurementMethod: localized(''),
    window: 'calendarMonth',
    dataSource: localized(''),
    exclusions: [],
  };
}

/** A metric of another kind: the kind-specific fields (percentile; unit and direction) appear or go. */
export function withKind(metric: Metric, kind: MetricKind): Metric {
  const { percentile, unit, higherIsBetter, ...common } = metric;
  const next: Metric = { ...common, kind };
  if (kind === 'latency') next.percentile = percentile ?? 95;
  if (kind === 'custom') {
    next.unit = unit ?? localized('');
    next.higherIsBetter = higherIsBetter ?? true;
  }
  return next;
}
