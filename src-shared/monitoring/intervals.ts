/**
 * Time intervals of downtime and excluded time: merging, subtracting,
 * clipping to a month and splitting between months. Intervals are
 * half-open [start, end) in epoch milliseconds, so an incident that ends at
 * 10:00 and one that starts at 10:00 touch without sharing a minute, and a
 * month boundary belongs to the month it opens.
 */
import { calendarMonthRange, instantToEpochMs } from '../math/downtime';

export interface Interval {
  /** Epoch ms, inclusive. */
  start: number;
  /** Epoch ms, exclusive. */
  end: number;
}

/** Total length in ms; assumes the intervals do not overlap (merge first). */
export function totalMs(intervals: readonly Interval[]): number {
  let total = 0;
  for (const interval of intervals) total += Math.max(0, interval.end - interval.start);
  return total;
}

/**
 * The union of intervals as sorted, disjoint, non-empty intervals.
 * Overlapping, nested and touching intervals become one, so two incident
 * reports of the same outage never count its minutes twice. Empty
 * intervals (end at or before start) contribute nothing.
 */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((interval) => interval.end > interval.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) {
      if (interval.end > last.end) last.end = interval.end;
    } else {
      merged.push({ start: interval.start, end: interval.end });
    }
  }
  return merged;
}

/** `from` minus `remove`: the parts of the first set not covered by the second. */
export function subtractIntervals(from: readonly Interval[], remove: readonly Interval[]): Interval[] {
  const base = mergeIntervals(from);
  const holes = mergeIntervals(remove);
  const out: Interval[] = [];
  let h = 0;
  for (const interval of base) {
    let cursor = interval.start;
    while (h < holes.length && holes[h]!.end <= cursor) h++;
    let k = h;
    while (k < holes.length && holes[k]!.start < interval.end) {
      const hole = holes[k]!;
      if (hole.start > cursor) out.push({ start: cursor, end: hole.start });
      cursor = Math.max(cursor, hole.end);
      if (cursor >= interval.end) break;
      k++;
    }
    if (cursor < interval.end) out.push({ start: cursor, end: interval.end });
  }
  return out;
}

/** The parts of the intervals inside [from, to). */
export function clipIntervals(intervals: readonly Interval[], from: number, to: number): Interval[] {
  const out: Interval[] = [];
  for (const interval of intervals) {
    const start = Math.max(interval.start, from);
    const end = Math.min(interval.end, to);
    if (end > start) out.push({ start, end });
  }
  return out;
}

// ── Months ──────────────────────────────────────────────────────────────────

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Whether a string is a month such as 2026-10. */
export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

/** The month `count` months after `month` (negative: before). */
export function addMonths(month: string, count: number): string {
  const match = MONTH.exec(month);
  if (!match) throw new RangeError(`"${month}" is not a month such as 2026-10`);
  const index = Number(match[1]) * 12 + Number(match[2]) - 1 + count;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The UTC calendar month of an instant. */
export function utcMonthOf(epochMs: number): string {
  const date = new Date(epochMs);
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

export interface MonthRangeMs {
  month: string;
  from: number;
  to: number;
}

const monthRanges = new Map<string, MonthRangeMs>();

/**
 * A calendar month in a time zone as epoch ms [from, to): calendarMonthRange
 * of the math module, remembered because a report and an import ask for
 * the same few months many times.
 */
export function monthRangeMs(month: string, timeZone: string): MonthRangeMs {
  const key = `${timeZone}|${month}`;
  let range = monthRanges.get(key);
  if (!range) {
    const { from, to } = calendarMonthRange(month, timeZone);
    range = { month, from: instantToEpochMs(from), to: instantToEpochMs(to) };
    if (monthRanges.size > 10_000) monthRanges.clear();
    monthRanges.set(key, range);
  }
  return range;
}

/**
 * The calendar month in a time zone that contains an instant. Zone offsets
 * stay within ±14 hours, so it is the UTC month or one of its neighbours.
 */
export function monthOf(epochMs: number, timeZone: string): MonthRangeMs {
  const utcMonth = utcMonthOf(epochMs);
  for (const candidate of [utcMonth, addMonths(utcMonth, -1), addMonths(utcMonth, 1)]) {
    const range = monthRangeMs(candidate, timeZone);
    if (epochMs >= range.from && epochMs < range.to) return range;
  }
  throw new RangeError(`No month in ${timeZone} contains ${new Date(epochMs).toISOString()}`);
}

/**
 * Intervals split at the month boundaries of a time zone: each month gets
 * the parts that lie in it, so an outage from 23:00 on 31 October to 01:00
 * on 1 November counts one hour in each report. The months come out in
 * calendar order.
 */
export function splitIntervalsByMonth(intervals: readonly Interval[], timeZone: string): Map<string, Interval[]> {
  const byMonth = new Map<string, Interval[]>();
  for (const interval of intervals) {
    if (interval.end <= interval.start) continue;
    let month = monthOf(interval.start, timeZone);
    for (;;) {
      const start = Math.max(interval.start, month.from);
      const end = Math.min(interval.end, month.to);
      if (end > start) {
        const parts = byMonth.get(month.month) ?? [];
        parts.push({ start, end });
        byMonth.set(month.month, parts);
      }
      if (interval.end <= month.to) break;
      month = monthRangeMs(addMonths(month.month, 1), timeZone);
    }
  }
  return new Map([...byMonth].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
