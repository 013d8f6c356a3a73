import { describe, expect, it } from 'vitest';
import { blankDraft, validateDraft, type SlaDraft } from '../../../src-shared/model';
import { localized } from '../../../src-shared/model/localized';
import { metricReferences, newMetric, removeMetric, removeService, withKind } from './draftEdits';

function draftWithTwoMetrics(): SlaDraft {
  const draft = blankDraft({ title: 'Test SLA', effectiveDate: '2026-01-01' });
  draft.parties.provider.legalName = 'Provider Ltd';
  draft.parties.customer.legalName = 'Customer plc';
  const latency = { ...newMetric(draft), kind: 'latency' as const, percentile: 95 };
  draft.services[0]!.metrics.push(latency);
  draft.targets.objectives.push({ id: 'obj-2', metricId: latency.id, objective: 300, coverage: '24x7' });
  draft.expectations.requests.push({ id: 'request-1', metricId: latency.id, requestedLevel: 200, priority: 'must', note: '' });
  draft.compensation.creditTiers.push({ id: 'tier-9', metricId: latency.id, threshold: 400, creditPercent: 5 });
  return draft;
}

describe('removing metrics and services', () => {
  it('takes the removed metric’s target, requests and credit tiers with it, so nothing points at nothing', () => {
    const draft = draftWithTwoMetrics();
    expect(validateDraft(draft).problems).toEqual([]);
    const latencyId = draft.services[0]!.metrics[1]!.id;
    expect(metricReferences(draft, [latencyId])).toEqual({ objectives: 1, requests: 1, creditTiers: 1 });

    const next = removeMetric(draft, 0, 1);
    expect(next.services[0]!.metrics.map((m) => m.id)).toEqual(['svc-1-availability']);
    expect(metricReferences(next, [latencyId])).toEqual({ objectives: 0, requests: 0, creditTiers: 0 });
    expect(next.compensation.creditTiers).toHaveLength(3);
    expect(validateDraft(next).problems).toEqual([]);
  });

  it('removes a service with all its metrics’ references', () => {
    const next = removeService(draftWithTwoMetrics(), 0);
    expect(next.services).toEqual([]);
    expect(next.targets.objectives).toEqual([]);
    expect(next.compensation.creditTiers).toEqual([]);
    expect(validateDraft(next).problems.map((p) => p.key)).toEqual(['rules.atLeastOneService']);
  });
});

describe('withKind', () => {
  it('adds the fields a kind needs and drops the ones it does not have', () => {
    const metric = newMetric(blankDraft({ title: 'x', effectiveDate: '2026-01-01' }));
    const latency = withKind(metric, 'latency');
    expect(latency).toMatchObject({ kind: 'latency', percentile: 95 });
    const custom = withKind(latency, 'custom');
    expect(custom).toMatchObject({ kind: 'custom', unit: localized(''), higherIsBetter: true });
    expect('percentile' in custom).toBe(false);
    const back = withKind(custom, 'availability');
    expect(['percentile', 'unit', 'higherIsBetter'].filter((key) => key in back)).toEqual([]);
  });
});
