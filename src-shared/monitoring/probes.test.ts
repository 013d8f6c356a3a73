import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { coveredMinutesInRange } from '../math/downtime';
import type { BusinessHours } from '../model/schema';
import { businessIntervalsOfMonth, isWithin } from './coverage';
import { monthRangeMs, totalMs } from './intervals';
import { nearestRankPercentile, ProbeAccumulator } from './probes';

const newYork: BusinessHours = {
  timeZone: 'America/New_York',
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  start: '08:00',
  end: '20:00',
  holidays: ['2026-11-26'],
};
const london: BusinessHours = {
  timeZone: 'Europe/London',
  days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
  start: '00:00',
  end: '12:00',
  holidays: [],
};
const overnight: BusinessHours = {
  timeZone: 'Asia/Shanghai',
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  start: '22:00',
  end: '06:00',
  holidays: ['2026-10-01'],
};
/** China's 2026 Spring Festival and National Day, with the weekend days worked in exchange (调休). */
const shanghai: BusinessHours = {
  timeZone: 'Asia/Shanghai',
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  start: '09:00',
  end: '18:00',
  holidays: [
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-02-23',
    '2026-10-01',
    '2026-10-02',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
  ],
  workingDays: ['2026-02-14', '2026-02-28', '2026-09-20', '2026-10-10'],
};

describe('business hours as intervals', () => {
  it('agree with coveredMinutesInRange month by month', () => {
    for (const calendar of [newYork, london, overnight, shanghai]) {
      for (const month of ['2026-03', '2026-10', '2026-11', '2027-02']) {
        const range = monthRangeMs(month, calendar.timeZone);
        const expected = coveredMinutesInRange(calendar, range.from, range.to);
        expect(totalMs(businessIntervalsOfMonth(calendar, month)) / 60_000, `${calendar.timeZone} ${month}`).toBe(expected);
      }
    }
  });

  it('follow the clocks through a DST change', () => {
    // London, 00:00–12:00 every day. 29 March 2026: clocks go forward at 01:00 GMT, so that
    // business day holds 11 hours; 25 October 2026 they go back and it holds 13.
    // March: 31 × 720 − 60 = 22,260 minutes; October: 31 × 720 + 60 = 22,380.
    expect(totalMs(businessIntervalsOfMonth(london, '2026-03')) / 60_000).toBe(22_260);
    expect(totalMs(businessIntervalsOfMonth(london, '2026-10')) / 60_000).toBe(22_380);
  });

  it('open on an extra working day', () => {
    // February 2026: 20 weekdays − 6 holidays + 2 worked Saturdays = 16 days of 9 h.
    expect(totalMs(businessIntervalsOfMonth(shanghai, '2026-02')) / 60_000).toBe(16 * 9 * 60);
    const intervals = businessIntervalsOfMonth(shanghai, '2026-10');
    // Saturday 10 October, 10:00 Shanghai time: worked. Saturday 17 October: not.
    expect(isWithin(intervals, Date.parse('2026-10-10T10:00:00+08:00'))).toBe(true);
    expect(isWithin(intervals, Date.parse('2026-10-17T10:00:00+08:00'))).toBe(false);
  });

  it('finds an instant in them', () => {
    const intervals = businessIntervalsOfMonth(newYork, '2026-11');
    // Thanksgiving (26 Nov) is a holiday; 27 Nov 13:00Z is 08:00 EST on Friday.
    expect(isWithin(intervals, Date.parse('2026-11-26T15:00:00Z'))).toBe(false);
    expect(isWithin(intervals, Date.parse('2026-11-27T12:59:59Z'))).toBe(false);
    expect(isWithin(intervals, Date.parse('2026-11-27T13:00:00Z'))).toBe(true);
    expect(isWithin(intervals, Date.parse('2026-11-28T00:59:59Z'))).toBe(true);
    expect(isWithin(intervals, Date.parse('2026-11-28T01:00:00Z'))).toBe(false);
  });
});

describe('nearestRankPercentile', () => {
  it('takes the sample of rank ⌈p/100 × N⌉', () => {
    // 1,000 samples of 1..1,000 ms: p99.9 → rank ⌈999⌉ = 999 (not 1,000, despite 99.9 × 1,000 / 100 = 999.0000000000001 in binary).
    const histogram = Array.from({ length: 1_000 }, (_, index): [number, number] => [index + 1, 1]);
    expect(nearestRankPercentile(histogram, 99.9)).toBe(999);
    expect(nearestRankPercentile(histogram, 95)).toBe(950);
    // One sample is every percentile.
    expect(nearestRankPercentile([[42, 1]], 1)).toBe(42);
    expect(nearestRankPercentile([[42, 1]], 99)).toBe(42);
    // Repeated values: 90 samples at 100 ms, 10 at 900 ms; p90 → rank 90 → 100, p91 → rank 91 → 900.
    expect(
      nearestRankPercentile(
        [
          [100, 90],
          [900, 10],
        ],
        90,
      ),
    ).toBe(100);
    expect(
      nearestRankPercentile(
        [
          [100, 90],
          [900, 10],
        ],
        91,
      ),
    ).toBe(900);
    expect(nearestRankPercentile([], 95)).toBeNull();
  });

  it('matches sorting the samples', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 1, maxLength: 300 }), fc.integer({ min: 1, max: 999 }), (latencies, perMille) => {
        const accumulator = new ProbeAccumulator(newYork);
        for (const ms of latencies) accumulator.add(0, Date.UTC(2026, 9, 5, 12), true, ms);
        const histogram = accumulator.result(['svc']).months.find((month) => month.scope === '24x7')!.latency;
        const sorted = [...latencies].sort((a, b) => a - b);
        const percentile = perMille / 10;
        // ⌈perMille × N / 1000⌉ in whole numbers, free of binary fractions.
        const rank = Math.max(1, Math.floor((perMille * sorted.length + 999) / 1000));
        expect(nearestRankPercentile(histogram, percentile)).toBe(sorted[rank - 1]);
      }),
    );
  });
});
