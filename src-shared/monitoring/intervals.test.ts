import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMonths, clipIntervals, mergeIntervals, monthOf, splitIntervalsByMonth, subtractIntervals, totalMs, type Interval } from './intervals';

const MINUTE = 60_000;
const at = (iso: string) => Date.parse(iso);
const span = (start: string, end: string): Interval => ({ start: at(start), end: at(end) });
const minutes = (intervals: readonly Interval[]) => totalMs(intervals) / MINUTE;

describe('mergeIntervals', () => {
  it('counts overlapping incidents once', () => {
    // 10:00–10:30 and 10:20–11:00 overlap for 10 minutes: 30 + 40 − 10 = 60 minutes, one interval 10:00–11:00.
    const merged = mergeIntervals([span('2026-10-05T10:20:00Z', '2026-10-05T11:00:00Z'), span('2026-10-05T10:00:00Z', '2026-10-05T10:30:00Z')]);
    expect(merged).toEqual([span('2026-10-05T10:00:00Z', '2026-10-05T11:00:00Z')]);
    expect(minutes(merged)).toBe(60);
  });

  it('swallows a nested incident', () => {
    // 09:00–12:00 contains 10:00–10:15: still 180 minutes.
    const merged = mergeIntervals([span('2026-10-05T09:00:00Z', '2026-10-05T12:00:00Z'), span('2026-10-05T10:00:00Z', '2026-10-05T10:15:00Z')]);
    expect(minutes(merged)).toBe(180);
    expect(merged).toHaveLength(1);
  });

  it('joins touching incidents without adding a minute', () => {
    // 08:00–08:45 then 08:45–09:00: one outage of 60 minutes.
    const merged = mergeIntervals([span('2026-10-05T08:45:00Z', '2026-10-05T09:00:00Z'), span('2026-10-05T08:00:00Z', '2026-10-05T08:45:00Z')]);
    expect(merged).toEqual([span('2026-10-05T08:00:00Z', '2026-10-05T09:00:00Z')]);
  });

  it('keeps separate incidents apart and drops empty ones', () => {
    // 08:00–08:10 (10) and 09:00–09:05 (5) with an empty 12:00–12:00: 15 minutes in two intervals.
    const merged = mergeIntervals([
      span('2026-10-05T09:00:00Z', '2026-10-05T09:05:00Z'),
      span('2026-10-05T12:00:00Z', '2026-10-05T12:00:00Z'),
      span('2026-10-05T08:00:00Z', '2026-10-05T08:10:00Z'),
    ]);
    expect(merged).toHaveLength(2);
    expect(minutes(merged)).toBe(15);
  });
});

describe('subtractIntervals and clipIntervals', () => {
  it('removes excluded time from downtime', () => {
    // Down 01:00–05:00 (240), excluded 02:00–03:00 and 04:30–06:00: left 01:00–02:00 and 03:00–04:30 = 60 + 90 = 150.
    const left = subtractIntervals(
      [span('2026-10-04T01:00:00Z', '2026-10-04T05:00:00Z')],
      [span('2026-10-04T04:30:00Z', '2026-10-04T06:00:00Z'), span('2026-10-04T02:00:00Z', '2026-10-04T03:00:00Z')],
    );
    expect(left).toEqual([span('2026-10-04T01:00:00Z', '2026-10-04T02:00:00Z'), span('2026-10-04T03:00:00Z', '2026-10-04T04:30:00Z')]);
    expect(minutes(left)).toBe(150);
  });

  it('lets one excluded interval cover several downtime intervals', () => {
    // Excluded 00:00–10:00 covers 01:00–02:00 and 03:00–04:00 wholly and 09:00–11:00 up to 10:00: left 10:00–11:00 = 60.
    const left = subtractIntervals(
      [
        span('2026-10-04T01:00:00Z', '2026-10-04T02:00:00Z'),
        span('2026-10-04T03:00:00Z', '2026-10-04T04:00:00Z'),
        span('2026-10-04T09:00:00Z', '2026-10-04T11:00:00Z'),
      ],
      [span('2026-10-04T00:00:00Z', '2026-10-04T10:00:00Z')],
    );
    expect(left).toEqual([span('2026-10-04T10:00:00Z', '2026-10-04T11:00:00Z')]);
  });

  it('clips to a range', () => {
    // 30 Sep 23:30 – 1 Oct 00:20 clipped to October: 20 minutes.
    const october = { from: at('2026-10-01T00:00:00Z'), to: at('2026-11-01T00:00:00Z') };
    expect(minutes(clipIntervals([span('2026-09-30T23:30:00Z', '2026-10-01T00:20:00Z')], october.from, october.to))).toBe(20);
  });
});

describe('splitIntervalsByMonth', () => {
  it('splits an incident at the UTC month boundary', () => {
    // 31 Oct 23:00Z – 1 Nov 01:00Z: 60 minutes in October, 60 in November.
    const parts = splitIntervalsByMonth([span('2026-10-31T23:00:00Z', '2026-11-01T01:00:00Z')], 'UTC');
    expect([...parts.keys()]).toEqual(['2026-10', '2026-11']);
    expect(minutes(parts.get('2026-10')!)).toBe(60);
    expect(minutes(parts.get('2026-11')!)).toBe(60);
  });

  it('splits at local midnight in another zone', () => {
    // New York, 31 Oct 2026 is EDT (UTC−4): November starts at 04:00Z.
    // 31 Oct 23:00Z – 1 Nov 06:00Z: October gets 23:00–04:00 = 300 minutes, November 04:00–06:00 = 120.
    const parts = splitIntervalsByMonth([span('2026-10-31T23:00:00Z', '2026-11-01T06:00:00Z')], 'America/New_York');
    expect(minutes(parts.get('2026-10')!)).toBe(300);
    expect(minutes(parts.get('2026-11')!)).toBe(120);
  });

  it('puts a whole month inside a long outage', () => {
    // 30 Sep 12:00Z – 3 Nov 00:00Z: September 720, October 31 × 1,440 = 44,640, November 1–2 = 2,880.
    const parts = splitIntervalsByMonth([span('2026-09-30T12:00:00Z', '2026-11-03T00:00:00Z')], 'UTC');
    expect([...parts].map(([month, intervals]) => [month, minutes(intervals)])).toEqual([
      ['2026-09', 720],
      ['2026-10', 44_640],
      ['2026-11', 2_880],
    ]);
  });

  it('gives a boundary instant to the month it opens', () => {
    expect(monthOf(at('2026-11-01T00:00:00Z'), 'UTC').month).toBe('2026-11');
    expect(monthOf(at('2026-10-31T23:59:59.999Z'), 'UTC').month).toBe('2026-10');
    // 1 Nov 03:59Z is still 31 October 23:59 in New York.
    expect(monthOf(at('2026-11-01T03:59:00Z'), 'America/New_York').month).toBe('2026-10');
  });

  it('counts months across a year', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
  });
});

describe('interval properties', () => {
  const YEAR_START = Date.UTC(2026, 0, 1);
  const interval = fc
    .tuple(fc.integer({ min: 0, max: 400 * 86_400 }), fc.integer({ min: 0, max: 40 * 86_400 }))
    .map(([offsetSeconds, lengthSeconds]): Interval => ({
      start: YEAR_START + offsetSeconds * 1000,
      end: YEAR_START + (offsetSeconds + lengthSeconds) * 1000,
    }));
  const intervals = fc.array(interval, { maxLength: 25 });

  it('merging is idempotent and never increases the total time', () => {
    fc.assert(
      fc.property(intervals, (list) => {
        const merged = mergeIntervals(list);
        expect(mergeIntervals(merged)).toEqual(merged);
        const rawTotal = list.reduce((sum, item) => sum + (item.end - item.start), 0);
        expect(totalMs(merged)).toBeLessThanOrEqual(rawTotal);
        // …and never loses any: the longest single incident is still there.
        expect(totalMs(merged)).toBeGreaterThanOrEqual(Math.max(0, ...list.map((item) => item.end - item.start)));
      }),
    );
  });

  it('merged intervals are sorted, disjoint and not touching', () => {
    fc.assert(
      fc.property(intervals, (list) => {
        const merged = mergeIntervals(list);
        for (let index = 1; index < merged.length; index++) expect(merged[index]!.start).toBeGreaterThan(merged[index - 1]!.end);
      }),
    );
  });

  it('splitting between months preserves the total time', () => {
    fc.assert(
      fc.property(intervals, fc.constantFrom('UTC', 'America/New_York', 'Asia/Shanghai', 'Europe/London'), (list, zone) => {
        const merged = mergeIntervals(list);
        const parts = splitIntervalsByMonth(merged, zone);
        const splitTotal = [...parts.values()].reduce((sum, part) => sum + totalMs(part), 0);
        expect(splitTotal).toBe(totalMs(merged));
        for (const [month, part] of parts) {
          for (const piece of part) expect(monthOf(piece.start, zone).month).toBe(month);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('downtime minus exclusions plus the excluded overlap is the downtime', () => {
    fc.assert(
      fc.property(intervals, intervals, (down, excluded) => {
        const left = subtractIntervals(down, excluded);
        const overlap = subtractIntervals(down, subtractIntervals(down, excluded));
        expect(totalMs(left) + totalMs(overlap)).toBe(totalMs(mergeIntervals(down)));
      }),
    );
  });
});
