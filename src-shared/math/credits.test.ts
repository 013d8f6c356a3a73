import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CreditTier, SlaDraft } from '../model/schema';
import { blankDraft } from '../model/defaults';
import { isWorse, metricSemantics, type MetricSemantics } from '../model/metrics';
import {
  creditForMetric,
  creditOwed,
  monthCredit,
  serviceLevelCredits,
  tierReached,
  tiersOfMetric,
  worstCaseYearlyExposure,
  type TierBoundary,
} from './credits';
import { roundMoney } from './money';

const availability = metricSemantics({ kind: 'availability' });
const latency = metricSemantics({ kind: 'latency' });

const tier = (id: string, threshold: number, creditPercent: number, metricId = 'svc-1-availability'): CreditTier => ({
  id,
  metricId,
  threshold,
  creditPercent,
});

// The design's example: < 99.9 % → 10 %, < 99.0 % → 25 %, < 95 % → 100 % of the monthly fee.
const availabilityTiers = [tier('t1', 99.9, 10), tier('t2', 99.0, 25), tier('t3', 95, 100)];
// p95 latency above 300 ms → 5 %, above 500 ms → 10 %.
const latencyTiers = [tier('l1', 300, 5, 'api-latency'), tier('l2', 500, 10, 'api-latency')];

const owed = (attainment: number, boundary: TierBoundary, overrides: Partial<Parameters<typeof creditOwed>[0]> = {}) =>
  creditOwed({ attainment, tiers: availabilityTiers, semantics: availability, boundary, capPercent: null, monthlyFee: 12_500, currency: 'USD', ...overrides });

describe('creditOwed: boundary semantics', () => {
  it('reads "below 99.9 %" as strictly less', () => {
    expect(owed(100, 'below').tier).toBeNull();
    expect(owed(99.9, 'below').creditPercent).toBe(0);
    expect(owed(99.89, 'below').tier?.id).toBe('t1');
    // 99.0 is not below 99.0: still the first tier.
    expect(owed(99.0, 'below').tier?.id).toBe('t1');
    expect(owed(98.99, 'below').tier?.id).toBe('t2');
    expect(owed(95, 'below').tier?.id).toBe('t2');
    expect(owed(94.99, 'below').tier?.id).toBe('t3');
  });

  it('reads "at or below 99.9 %" as less than or equal', () => {
    expect(owed(99.91, 'atOrBelow').tier).toBeNull();
    expect(owed(99.9, 'atOrBelow').tier?.id).toBe('t1');
    expect(owed(99.0, 'atOrBelow').tier?.id).toBe('t2');
    expect(owed(95, 'atOrBelow').tier?.id).toBe('t3');
  });

  it('reads the same words the other way round for latency, where lower is better', () => {
    const latencyOwed = (ms: number, boundary: TierBoundary) =>
      creditOwed({ attainment: ms, tiers: latencyTiers, semantics: latency, boundary, capPercent: null, monthlyFee: 1_000 });
    expect(latencyOwed(300, 'below').tier).toBeNull();
    expect(latencyOwed(300.5, 'below').tier?.id).toBe('l1');
    expect(latencyOwed(500, 'below').tier?.id).toBe('l1');
    expect(latencyOwed(501, 'below').tier?.id).toBe('l2');
    expect(latencyOwed(300, 'atOrBelow').tier?.id).toBe('l1');
    expect(latencyOwed(500, 'atOrBelow').tier?.id).toBe('l2');
    expect(latencyOwed(120, 'atOrBelow').tier).toBeNull();
  });
});

describe('creditOwed: amounts and the cap', () => {
  it('applies the worst tier reached, not the sum of tiers', () => {
    // 94 % reaches all three tiers; only the 100 % tier applies: 100 % of USD 12,500.
    expect(owed(94, 'below')).toMatchObject({ creditPercent: 100, cappedPercent: 100, amount: 12_500 });
    // 98.5 % reaches the 10 % and 25 % tiers: 25 % of 12,500 = 3,125.
    expect(owed(98.5, 'below')).toMatchObject({ creditPercent: 25, amount: 3_125 });
  });

  it('caps the credit', () => {
    // 100 % tier, 50 % cap: 50 % of 12,500 = 6,250.
    expect(owed(90, 'below', { capPercent: 50 })).toMatchObject({ creditPercent: 100, cappedPercent: 50, amount: 6_250 });
    // A cap above the tier changes nothing.
    expect(owed(98.5, 'below', { capPercent: 50 })).toMatchObject({ creditPercent: 25, cappedPercent: 25, amount: 3_125 });
  });

  it("rounds the amount to the currency's minor unit", () => {
    // 10 % of 1,234.56 = 123.456 → 123.46; 10 % of JPY 333,333 = 33,333.3 → 33,333.
    expect(owed(99.5, 'below', { monthlyFee: 1_234.56 }).amount).toBe(123.46);
    expect(owed(99.5, 'below', { monthlyFee: 333_333, currency: 'JPY' }).amount).toBe(33_333);
  });

  it('refuses a negative fee or a missing attainment', () => {
    expect(() => owed(99, 'below', { monthlyFee: -1 })).toThrow(/monthly fee/);
    expect(() => owed(Number.NaN, 'below')).toThrow(/attainment/);
  });

  it('still never pays more for a better attainment when tiers are out of order', () => {
    // A draft being edited, which the rules flag: the worse threshold (99.0) carries the smaller
    // credit. 99.5 % reaches only "below 99.9" → 25 %. 98.5 % reaches both; paying the 10 % of
    // "below 99.0" would reward the worse month, so the higher credit reached applies: 25 %.
    const outOfOrder = [tier('a', 99.9, 25), tier('b', 99.0, 10)];
    expect(tierReached(99.5, outOfOrder, availability, 'below')?.id).toBe('a');
    expect(tierReached(98.5, outOfOrder, availability, 'below')?.id).toBe('a');
    // Equal credits: the worse threshold is the tier reported.
    const equal = [tier('a', 99.9, 10), tier('b', 99.0, 10)];
    expect(tierReached(98.5, equal, availability, 'below')?.id).toBe('b');
  });
});

describe('serviceLevelCredits', () => {
  it('applies one credit per service — the highest — and lists the others as not added', () => {
    const credits = [
      { serviceId: 'api', metricId: 'api-availability', creditPercent: 25 },
      { serviceId: 'api', metricId: 'api-latency', creditPercent: 5 },
      { serviceId: 'api', metricId: 'api-errors', creditPercent: 10 },
      { serviceId: 'console', metricId: 'console-availability', creditPercent: 5 },
      { serviceId: 'export', metricId: 'export-availability', creditPercent: 0 },
    ];
    const { applied, notAdded } = serviceLevelCredits(credits);
    expect(applied.map((credit) => credit.metricId)).toEqual(['api-availability', 'console-availability']);
    expect(notAdded.map(({ credit, appliedInstead }) => [credit.metricId, appliedInstead.metricId])).toEqual([
      ['api-latency', 'api-availability'],
      ['api-errors', 'api-availability'],
    ]);
    // 25 + 5 = 30 %, not 25 + 5 + 10 + 5 = 45 %.
    expect(monthCredit(applied, null, 10_000, 'USD')).toMatchObject({ totalPercent: 30, amount: 3_000 });
  });

  it('gives equal credits to the metric listed first', () => {
    const { applied, notAdded } = serviceLevelCredits([
      { serviceId: 'api', metricId: 'first', creditPercent: 10 },
      { serviceId: 'api', metricId: 'second', creditPercent: 10 },
    ]);
    expect(applied.map((credit) => credit.metricId)).toEqual(['first']);
    expect(notAdded.map(({ credit }) => credit.metricId)).toEqual(['second']);
  });
});

describe('monthCredit', () => {
  it("adds the credits of several metrics and caps the month's total", () => {
    // Availability 25 % + latency 10 % = 35 %; under a 50 % cap: 35 % of 12,500 = 4,375.
    expect(monthCredit([{ creditPercent: 25 }, { creditPercent: 10 }], 50, 12_500, 'USD')).toEqual({
      totalPercent: 35,
      cappedPercent: 35,
      capped: false,
      amount: 4_375,
    });
    // Under a 30 % cap: 30 % = 3,750.
    expect(monthCredit([{ creditPercent: 25 }, { creditPercent: 10 }], 30, 12_500, 'USD')).toEqual({
      totalPercent: 35,
      cappedPercent: 30,
      capped: true,
      amount: 3_750,
    });
    expect(monthCredit([], 30, 12_500)).toMatchObject({ cappedPercent: 0, amount: 0 });
  });
});

describe('the draft helpers', () => {
  const draft = (): SlaDraft => {
    const base = blankDraft({ title: 'Acme SLA', effectiveDate: '2026-11-26' });
    base.compensation.monthlyFee = 12_500;
    return base;
  };

  it("computes the credit under the draft's own terms", () => {
    // Blank draft: < 99.9 → 10 %, < 99.0 → 25 %, < 95 → 50 %, "below", cap 50 %, USD.
    const sla = draft();
    expect(tiersOfMetric(sla, 'svc-1-availability').map((t) => t.id)).toEqual(['tier-1', 'tier-2', 'tier-3']);
    expect(creditForMetric(sla, 'svc-1-availability', 99.0)).toMatchObject({ creditPercent: 10, amount: 1_250 });
    sla.compensation.boundary = 'atOrBelow';
    expect(creditForMetric(sla, 'svc-1-availability', 99.0)).toMatchObject({ creditPercent: 25, amount: 3_125 });
    expect(() => creditForMetric(sla, 'nope', 99)).toThrow(/"nope"/);
  });

  it('computes the worst-case yearly exposure', () => {
    const sla = draft();
    // Highest tier 50 %, cap 50 %: 6,250 a month, 75,000 a year.
    expect(worstCaseYearlyExposure(sla)).toEqual({
      currency: 'USD',
      perMetric: [{ metricId: 'svc-1-availability', maxCreditPercent: 50 }],
      monthlyMaxPercent: 50,
      monthlyMaxAmount: 6_250,
      yearlyMaxAmount: 75_000,
    });
    // A latency metric with tiers up to 25 %: 50 + 25 = 75 %, still capped at 50 %.
    sla.compensation.creditTiers.push(...latencyTiers.map((t) => ({ ...t, creditPercent: t.creditPercent * 2.5 })));
    expect(worstCaseYearlyExposure(sla)).toMatchObject({ monthlyMaxPercent: 50, yearlyMaxAmount: 75_000 });
    // Uncapped: 75 % of 12,500 = 9,375 a month, 112,500 a year.
    sla.compensation.capPercent = null;
    expect(worstCaseYearlyExposure(sla)).toMatchObject({ monthlyMaxPercent: 75, monthlyMaxAmount: 9_375, yearlyMaxAmount: 112_500 });
    // In yen, without decimals: 75 % of 1,000,001 = 750,000.75 → 750,001; × 12 = 9,000,012.
    sla.compensation.currency = 'JPY';
    sla.compensation.monthlyFee = 1_000_001;
    expect(worstCaseYearlyExposure(sla)).toMatchObject({ currency: 'JPY', monthlyMaxAmount: 750_001, yearlyMaxAmount: 9_000_012 });
  });

  it('owes nothing without tiers', () => {
    const sla = draft();
    sla.compensation.creditTiers = [];
    expect(worstCaseYearlyExposure(sla)).toMatchObject({ perMetric: [], monthlyMaxPercent: 0, yearlyMaxAmount: 0 });
  });
});

describe('credit properties', () => {
  const semanticsArb = fc.constantFrom<MetricSemantics>(availability, latency);
  const boundaryArb = fc.constantFrom<TierBoundary>('below', 'atOrBelow');
  // Thresholds on a coarse grid so that attainments land exactly on them often.
  const level = fc.oneof(
    fc.integer({ min: 0, max: 1_000 }).map((n) => n / 10),
    fc.double({ min: 0, max: 100, noNaN: true }),
  );
  const tiersArb = fc
    .array(fc.record({ threshold: level, creditPercent: fc.integer({ min: 0, max: 100 }) }), { maxLength: 6 })
    .map((list) => list.map((t, i) => tier(`t${i}`, t.threshold, t.creditPercent)));
  const capArb = fc.option(fc.integer({ min: 0, max: 100 }), { nil: null });
  const feeArb = fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.double({ min: 0, max: 1e9, noNaN: true }));

  it('never gives a higher credit for a better attainment', () => {
    fc.assert(
      fc.property(tiersArb, semanticsArb, boundaryArb, capArb, feeArb, level, level, (tiers, semantics, boundary, capPercent, monthlyFee, a, b) => {
        const [better, worse] = isWorse(semantics, a, b) ? [b, a] : [a, b];
        const input = { tiers, semantics, boundary, capPercent, monthlyFee, currency: 'USD' };
        const forBetter = creditOwed({ ...input, attainment: better });
        const forWorse = creditOwed({ ...input, attainment: worse });
        expect(forBetter.creditPercent).toBeLessThanOrEqual(forWorse.creditPercent);
        expect(forBetter.cappedPercent).toBeLessThanOrEqual(forWorse.cappedPercent);
        expect(forBetter.amount).toBeLessThanOrEqual(forWorse.amount);
      }),
      { numRuns: 500 },
    );
  });

  it('pays one tier reached, or nothing when no tier is reached', () => {
    fc.assert(
      fc.property(tiersArb, semanticsArb, boundaryArb, level, (tiers, semantics, boundary, attainment) => {
        const { tier: reached, creditPercent } = creditOwed({ attainment, tiers, semantics, boundary, capPercent: null, monthlyFee: 100 });
        const inclusive = boundary === 'atOrBelow';
        const reachable = tiers.filter((t) => isWorse(semantics, attainment, t.threshold, inclusive));
        if (reachable.length === 0) {
          expect(reached).toBeNull();
          expect(creditPercent).toBe(0);
        } else {
          expect(reachable).toContain(reached);
          expect(creditPercent).toBe(Math.max(...reachable.map((t) => t.creditPercent)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never exceeds the cap, for one metric or a month of several', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(tiersArb, semanticsArb, level), { minLength: 1, maxLength: 4 }),
        boundaryArb,
        capArb,
        feeArb,
        (metrics, boundary, capPercent, monthlyFee) => {
          const credits = metrics.map(([tiers, semantics, attainment]) =>
            creditOwed({ attainment, tiers, semantics, boundary, capPercent, monthlyFee, currency: 'EUR' }),
          );
          const month = monthCredit(credits, capPercent, monthlyFee, 'EUR');
          const limit = capPercent ?? 100 * metrics.length;
          for (const credit of credits) {
            expect(credit.cappedPercent).toBeLessThanOrEqual(limit);
            expect(credit.amount).toBeLessThanOrEqual(roundMoney((monthlyFee * limit) / 100, 'EUR'));
          }
          expect(month.cappedPercent).toBeLessThanOrEqual(limit);
          expect(month.amount).toBeLessThanOrEqual(roundMoney((monthlyFee * limit) / 100, 'EUR'));
          expect(month.cappedPercent).toBe(Math.min(month.totalPercent, limit));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('roundMoney', () => {
  it('rounds half away from zero as written, not as stored in binary', () => {
    // 1.005 is stored as 1.00499999999999989…; commercially it rounds to 1.01.
    expect(roundMoney(1.005)).toBe(1.01);
    expect(roundMoney(2.675, 'EUR')).toBe(2.68);
    expect(roundMoney(-1.005)).toBe(-1.01);
    expect(roundMoney(0.5, 'JPY')).toBe(1);
    expect(roundMoney(-0.001)).toBe(0);
    expect(Object.is(roundMoney(-0.001), -0)).toBe(false);
  });
});
