/**
 * The credit owed as a step function of measured availability, for the
 * calculator's chart: constant between two thresholds, jumping at each.
 * Every value comes from src-shared/math's tierReached and the cap — the
 * function the contract and the monthly report use — so the chart cannot
 * disagree with them, boundary wording included ("below" vs "at or below").
 */
import { tierReached, type TierBoundary } from '../../../src-shared/math/credits';
import { metricSemantics, type CreditTier } from '../../../src-shared/model';

const AVAILABILITY = metricSemantics({ kind: 'availability' });

export interface EditableTier {
  id: string;
  threshold: number | null;
  creditPercent: number | null;
}

/** Credit between two thresholds (exclusive ends). */
export interface CreditSegment {
  from: number;
  to: number;
  creditPercent: number;
}

/** The credit at a threshold itself: which side it belongs to depends on the boundary wording. */
export interface CreditBreakpoint {
  at: number;
  creditPercent: number;
}

export interface CreditSteps {
  min: number;
  max: number;
  segments: CreditSegment[];
  breakpoints: CreditBreakpoint[];
}

/** Tiers with both numbers filled in and percentages from 0 to 100, as the math takes them. */
export function usableTiers(tiers: readonly EditableTier[]): CreditTier[] {
  return tiers
    .filter(
      (tier) =>
        tier.threshold !== null &&
        tier.creditPercent !== null &&
        tier.threshold >= 0 &&
        tier.threshold <= 100 &&
        tier.creditPercent >= 0 &&
        tier.creditPercent <= 100,
    )
    .map((tier) => ({ id: tier.id, metricId: 'calculator', threshold: tier.threshold!, creditPercent: tier.creditPercent! }));
}

/** The credit for one measured availability, after the cap (null = uncapped). */
export function creditAt(attainment: number, tiers: readonly CreditTier[], boundary: TierBoundary, capPercent: number | null): number {
  const credit = tierReached(attainment, tiers, AVAILABILITY, boundary)?.creditPercent ?? 0;
  return capPercent === null ? credit : Math.min(credit, Math.max(0, capPercent));
}

/**
 * The x range: from a little below the lowest threshold (or the value
 * being checked) up to 100 %, so every step is visible.
 */
export function attainmentRange(tiers: readonly CreditTier[], check: number | null): { min: number; max: number } {
  const values = tiers.map((tier) => tier.threshold);
  if (check !== null) values.push(check);
  const lowest = values.length > 0 ? Math.min(...values) : 99;
  const span = Math.max(100 - lowest, 0.5);
  return { min: Math.max(0, Math.floor((lowest - span * 0.2) * 100) / 100), max: 100 };
}

export function creditSteps(tiers: readonly CreditTier[], boundary: TierBoundary, capPercent: number | null, range: { min: number; max: number }): CreditSteps {
  const cuts = [...new Set(tiers.map((tier) => tier.threshold))].filter((at) => at > range.min && at < range.max).sort((a, b) => a - b);
  const edges = [range.min, ...cuts, range.max];
  const segments: CreditSegment[] = [];
  for (let index = 0; index < edges.length - 1; index++) {
    const from = edges[index]!;
    const to = edges[index + 1]!;
    const creditPercent = creditAt((from + to) / 2, tiers, boundary, capPercent);
    const previous = segments.at(-1);
    // Two neighbours with the same credit are one step (e.g. a tier hidden by the cap).
    if (previous && previous.creditPercent === creditPercent) previous.to = to;
    else segments.push({ from, to, creditPercent });
  }
  // Only where the credit changes: a threshold the cap flattened is no step.
  const jumps = new Set(segments.slice(0, -1).map((segment) => segment.to));
  return {
    ...range,
    segments,
    breakpoints: cuts.filter((at) => jumps.has(at)).map((at) => ({ at, creditPercent: creditAt(at, tiers, boundary, capPercent) })),
  };
}
