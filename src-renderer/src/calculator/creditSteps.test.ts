import { describe, expect, it } from 'vitest';
import { attainmentRange, creditAt, creditSteps, usableTiers } from './creditSteps';

/** The tiers of DESIGN.md: below 99.9 % → 10 %, below 99 % → 25 %, below 95 % → 100 %. */
const tiers = usableTiers([
  { id: 'a', threshold: 99.9, creditPercent: 10 },
  { id: 'b', threshold: 99, creditPercent: 25 },
  { id: 'c', threshold: 95, creditPercent: 100 },
  { id: 'half-typed', threshold: null, creditPercent: 50 },
]);

describe('the credit step chart', () => {
  it('leaves out a tier still being typed', () => {
    expect(tiers.map((tier) => tier.id)).toEqual(['a', 'b', 'c']);
  });

  it('leaves out a tier whose threshold or credit is not a percentage from 0 to 100, instead of clamping it', () => {
    const typed = usableTiers([
      { id: 'a', threshold: 120, creditPercent: 10 },
      { id: 'b', threshold: 99, creditPercent: 150 },
      { id: 'c', threshold: 95, creditPercent: 100 },
    ]);
    expect(typed).toEqual([{ id: 'c', metricId: 'calculator', threshold: 95, creditPercent: 100 }]);
  });

  it('steps down as availability rises, each threshold on the side the boundary wording puts it', () => {
    const range = { min: 94, max: 100 };
    const below = creditSteps(tiers, 'below', null, range);
    expect(below.segments).toEqual([
      { from: 94, to: 95, creditPercent: 100 },
      { from: 95, to: 99, creditPercent: 25 },
      { from: 99, to: 99.9, creditPercent: 10 },
      { from: 99.9, to: 100, creditPercent: 0 },
    ]);
    // "Below 99.9 %": 99.9 % itself owes nothing; "at or below": it owes the 10 %.
    expect(below.breakpoints).toEqual([
      { at: 95, creditPercent: 25 },
      { at: 99, creditPercent: 10 },
      { at: 99.9, creditPercent: 0 },
    ]);
    expect(creditSteps(tiers, 'atOrBelow', null, range).breakpoints).toEqual([
      { at: 95, creditPercent: 100 },
      { at: 99, creditPercent: 25 },
      { at: 99.9, creditPercent: 10 },
    ]);
  });

  it('flattens the steps the cap reaches into one', () => {
    // Cap 20 %: below 99 % owes 20 % whichever tier is reached, so 95 % is no longer a step.
    const capped = creditSteps(tiers, 'below', 20, { min: 94, max: 100 });
    expect(capped.segments).toEqual([
      { from: 94, to: 99, creditPercent: 20 },
      { from: 99, to: 99.9, creditPercent: 10 },
      { from: 99.9, to: 100, creditPercent: 0 },
    ]);
    expect(capped.breakpoints.map((point) => point.at)).toEqual([99, 99.9]);
    expect(creditAt(90, tiers, 'below', 20)).toBe(20);
  });

  it('shows a little below the lowest threshold, and the value being checked', () => {
    // Lowest 95: span 5, 20 % of it below → 94.
    expect(attainmentRange(tiers, null)).toEqual({ min: 94, max: 100 });
    // Checking 90 %: span 10 → from 88.
    expect(attainmentRange(tiers, 90)).toEqual({ min: 88, max: 100 });
  });
});
