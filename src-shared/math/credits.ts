/**
 * Service credits: what the provider owes for a measured attainment under
 * a metric's credit tiers and the monthly cap. The contract text, the
 * Compensation step and the monthly report all call these functions, so
 * the number on the credit statement is the number the contract promises.
 *
 * Where a draft splits the Monthly Fee by service (services[].monthlyFee),
 * a service's credits are a percentage of its own fee, and the monthly cap
 * stays a percentage of the whole Monthly Fee: serviceFee says which fee a
 * credit is a share of.
 */
import type { CreditTier, SlaDraft } from '../model/schema';
import { isWorse, metricSemantics, metricsById, type MetricSemantics } from '../model/metrics';
import { roundMoney } from './money';

/** How a tier's threshold reads in the contract: "below 99.9 %" or "at or below 99.9 %". */
export type TierBoundary = SlaDraft['compensation']['boundary'];

export interface CreditOwedInput {
  /** The measured level, in the metric's unit (percent for availability, ms for latency…). */
  attainment: number;
  /** The credit tiers of one metric, in the draft's order. */
  tiers: readonly CreditTier[];
  /** metricSemantics(metric): which direction is worse. */
  semantics: MetricSemantics;
  boundary: TierBoundary;
  /** Maximum credit in one month as a percent of the monthly fee; null = uncapped. */
  capPercent: number | null;
  /** The fee the credit is a percentage of: the affected service's fee where the draft splits the fee (serviceFee), else the Monthly Fee. */
  monthlyFee: number;
  /** ISO 4217 code: the amount is rounded to its minor unit (default: 2 decimals). */
  currency?: string;
}

export interface CreditOwed {
  /** The tier reached, or null when the attainment met every threshold. */
  tier: CreditTier | null;
  /** The tier's credit, before the cap. */
  creditPercent: number;
  /** The credit after the monthly cap (of this metric alone; see monthCredit for several). */
  cappedPercent: number;
  /** cappedPercent of the monthly fee, rounded to the currency's minor unit. */
  amount: number;
}

function assertFinite(value: number, what: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new RangeError(`${what} must be a finite number, got ${String(value)}`);
}

function assertFee(monthlyFee: number): void {
  assertFinite(monthlyFee, 'The monthly fee');
  if (monthlyFee < 0) throw new RangeError(`The monthly fee must not be negative, got ${monthlyFee}`);
}

function capped(percent: number, capPercent: number | null): number {
  return capPercent === null ? percent : Math.min(percent, Math.max(0, capPercent));
}

function amountOf(percent: number, monthlyFee: number, currency: string | undefined): number {
  return roundMoney((monthlyFee * percent) / 100, currency);
}

/**
 * The tier a measured attainment reaches: tiers are not cumulative, the
 * worst tier reached applies. "Below 99.9 %" is reached by 99.89 % but not
 * by 99.9 % itself; "at or below 99.9 %" is reached by 99.9 % too. For a
 * lower-is-better metric (latency) the same words mean "above" and "at or
 * above" — isWorse reads the direction from the semantics.
 *
 * In a consistent draft (rules.ts: thresholds worsen and credits grow in
 * draft order) the worst tier reached is also the one with the highest
 * credit. Choosing by highest credit keeps the promise that a better
 * attainment never earns a larger credit even while a draft's tiers are
 * still out of order; equal credits go to the worse threshold.
 */
export function tierReached(attainment: number, tiers: readonly CreditTier[], semantics: MetricSemantics, boundary: TierBoundary): CreditTier | null {
  assertFinite(attainment, 'The attainment');
  const inclusive = boundary === 'atOrBelow';
  let reached: CreditTier | null = null;
  for (const tier of tiers) {
    if (!isWorse(semantics, attainment, tier.threshold, inclusive)) continue;
    if (
      reached === null ||
      tier.creditPercent > reached.creditPercent ||
      (tier.creditPercent === reached.creditPercent && isWorse(semantics, tier.threshold, reached.threshold))
    ) {
      reached = tier;
    }
  }
  return reached;
}

/** The credit owed for one metric's attainment in one month. */
export function creditOwed(input: CreditOwedInput): CreditOwed {
  assertFee(input.monthlyFee);
  const tier = tierReached(input.attainment, input.tiers, input.semantics, input.boundary);
  const creditPercent = tier?.creditPercent ?? 0;
  const cappedPercent = capped(creditPercent, input.capPercent);
  return { tier, creditPercent, cappedPercent, amount: amountOf(cappedPercent, input.monthlyFee, input.currency) };
}

export interface MonthCredit {
  /** The sum of the metrics' credits, before the cap, in percent of the Monthly Fee. */
  totalPercent: number;
  /** The credit for the month after the cap, in percent of the Monthly Fee. */
  cappedPercent: number;
  /** Whether the cap reduced the credit. */
  capped: boolean;
  /** The month's credit in money, rounded to the currency's minor unit. */
  amount: number;
}

/**
 * A credit that applies in a month: its percentage, and — where the draft
 * splits the fee by service — the fee of its service it is a percentage of
 * (absent: of the Monthly Fee).
 */
export type AppliedCredit = Pick<CreditOwed, 'creditPercent'> & { fee?: number };

/** Twelve significant digits: 6,000 × 10 % of a 10,000 fee is 6 %, not 6.000000000000001 %. */
function roundPercent(value: number): number {
  return Number(value.toPrecision(12));
}

/**
 * The credit for one month from the credits that apply (for a monthly
 * report: serviceLevelCredits(...).applied, one per service): they add up
 * and the cap limits the month's total, not each credit on its own
 * (otherwise two services at the cap would pay twice the cap). A credit
 * with its service's fee is that share of the service's fee; the cap is a
 * share of the whole Monthly Fee, and the percentages returned are of it.
 */
export function monthCredit(perMetricCredits: ReadonlyArray<AppliedCredit>, capPercent: number | null, monthlyFee: number, currency?: string): MonthCredit {
  assertFee(monthlyFee);
  if (perMetricCredits.every((credit) => credit.fee === undefined)) {
    const totalPercent = perMetricCredits.reduce((sum, credit) => sum + credit.creditPercent, 0);
    const cappedPercent = capped(totalPercent, capPercent);
    return {
      totalPercent,
      cappedPercent,
      capped: cappedPercent < totalPercent,
      amount: amountOf(cappedPercent, monthlyFee, currency),
    };
  }
  const totalAmount = perMetricCredits.reduce((sum, credit) => {
    const fee = credit.fee ?? monthlyFee;
    assertFee(fee);
    return sum + (fee * credit.creditPercent) / 100;
  }, 0);
  const capAmount = capPercent === null ? Number.POSITIVE_INFINITY : (monthlyFee * Math.max(0, capPercent)) / 100;
  const cappedAmount = Math.min(totalAmount, capAmount);
  const percentOfFee = (amount: number) => (monthlyFee > 0 ? roundPercent((amount / monthlyFee) * 100) : 0);
  return {
    totalPercent: percentOfFee(totalAmount),
    cappedPercent: percentOfFee(cappedAmount),
    capped: cappedAmount < totalAmount,
    amount: roundMoney(cappedAmount, currency),
  };
}

/** A metric's credit in one month, with the service it measures. */
export interface ServiceLevelCredit {
  serviceId: string;
  metricId: string;
  /** The tier's credit, before any cap. */
  creditPercent: number;
}

export interface ServiceLevelCredits<T extends ServiceLevelCredit> {
  /** One credit per service that reached a tier: its highest. These are added up for the month. */
  applied: T[];
  /** The other credits of those services, each with the credit that applies instead. */
  notAdded: Array<{ credit: T; appliedInstead: T }>;
}

/**
 * Which metrics' credits are added up for a month. One outage usually
 * breaches several service levels of the same service at once — it is
 * down, so its error rate and response times fail too — and the customer
 * should be compensated for it once. The rule, as the contract states it
 * (templates/standard-saas/clauses/service-credits.yaml, Calculation) and
 * as published cloud SLAs put it: where several Service Levels of the same
 * Service are missed in a month, only the highest of their Service Credits
 * applies for that Service; the credits of different Services are added
 * together, and the monthly cap applies to the sum. Equal credits go to
 * the metric listed first; a credit of 0 is not applied.
 */
export function serviceLevelCredits<T extends ServiceLevelCredit>(credits: readonly T[]): ServiceLevelCredits<T> {
  const highest = new Map<string, T>();
  for (const credit of credits) {
    if (credit.creditPercent <= 0) continue;
    const current = highest.get(credit.serviceId);
    if (!current || credit.creditPercent > current.creditPercent) highest.set(credit.serviceId, credit);
  }
  const applied = credits.filter((credit) => highest.get(credit.serviceId) === credit);
  const notAdded = credits
    .filter((credit) => credit.creditPercent > 0 && highest.get(credit.serviceId) !== credit)
    .map((credit) => ({ credit, appliedInstead: highest.get(credit.serviceId)! }));
  return { applied, notAdded };
}

/** Whether the draft splits the Monthly Fee by service: some service states its own fee. */
export function feeSplitByService(draft: Pick<SlaDraft, 'services'>): boolean {
  return draft.services.some((service) => service.monthlyFee !== undefined);
}

/**
 * The fee a service's credits are a percentage of: its own fee where the
 * draft splits the fee by service, else the whole Monthly Fee (also for a
 * service the draft does not have, or one without a fee of its own, which
 * the validator reports in a split draft).
 */
export function serviceFee(draft: Pick<SlaDraft, 'services' | 'compensation'>, serviceId: string): number {
  return draft.services.find((service) => service.id === serviceId)?.monthlyFee ?? draft.compensation.monthlyFee;
}

/** The draft's credit tiers for one metric, in the draft's order. */
export function tiersOfMetric(draft: Pick<SlaDraft, 'compensation'>, metricId: string): CreditTier[] {
  return draft.compensation.creditTiers.filter((tier) => tier.metricId === metricId);
}

/**
 * The credit the draft's own terms give for a metric's attainment in one
 * month: its tiers, boundary wording, cap, fee (its service's, where the
 * fee is split) and currency.
 */
export function creditForMetric(draft: Pick<SlaDraft, 'services' | 'compensation'>, metricId: string, attainment: number): CreditOwed {
  const located = metricsById(draft.services).get(metricId);
  if (!located) throw new RangeError(`The draft has no metric with id "${metricId}"`);
  const { compensation } = draft;
  return creditOwed({
    attainment,
    tiers: tiersOfMetric(draft, metricId),
    semantics: metricSemantics(located.metric),
    boundary: compensation.boundary,
    capPercent: compensation.capPercent,
    monthlyFee: serviceFee(draft, located.serviceId),
    currency: compensation.currency,
  });
}

export interface YearlyExposure {
  currency: SlaDraft['compensation']['currency'];
  /** The highest credit each metric with tiers can reach, in the order the metrics first appear in the tiers. */
  perMetric: Array<{ metricId: string; maxCreditPercent: number }>;
  /** The most one month can cost, in percent of the monthly fee: every metric at its highest tier, then the cap. */
  monthlyMaxPercent: number;
  monthlyMaxAmount: number;
  /** Twelve such months. */
  yearlyMaxAmount: number;
}

/**
 * The most the provider can owe: per month, every metric at its highest
 * tier at once, summed and capped; per year, twelve such months. Every tier
 * as written counts, even one whose metric is missing from the draft — a
 * worst case should not be lowered by a mistake the validator reports
 * anyway. Metrics measured per quarter are counted monthly too, which
 * keeps this an upper bound. Where the draft splits the fee by service
 * (given its services), each metric's credit is a share of its service's fee.
 */
export function worstCaseYearlyExposure(draft: Pick<SlaDraft, 'compensation'> & Partial<Pick<SlaDraft, 'services'>>): YearlyExposure {
  const { compensation } = draft;
  assertFee(compensation.monthlyFee);
  const maxByMetric = new Map<string, number>();
  for (const tier of compensation.creditTiers) {
    maxByMetric.set(tier.metricId, Math.max(maxByMetric.get(tier.metricId) ?? 0, tier.creditPercent));
  }
  const perMetric = [...maxByMetric].map(([metricId, maxCreditPercent]) => ({ metricId, maxCreditPercent }));
  const services = draft.services ?? [];
  const split = feeSplitByService({ services });
  const located = split ? metricsById(services) : null;
  const month = monthCredit(
    perMetric.map((metric) => {
      const service = located?.get(metric.metricId);
      const fee = service ? services[service.serviceIndex]?.monthlyFee : undefined;
      return fee === undefined ? { creditPercent: metric.maxCreditPercent } : { creditPercent: metric.maxCreditPercent, fee };
    }),
    compensation.capPercent,
    compensation.monthlyFee,
    compensation.currency,
  );
  return {
    currency: compensation.currency,
    perMetric,
    monthlyMaxPercent: month.cappedPercent,
    monthlyMaxAmount: month.amount,
    yearlyMaxAmount: roundMoney(month.amount * 12, compensation.currency),
  };
}
