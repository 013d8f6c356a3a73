/**
 * The covered time of a month as intervals: every instant for 24×7, the
 * business days' opening hours for business-hours coverage. Incident
 * downtime is measured with coveredMinutesInRange directly; the interval
 * list is what classifies probe samples one by one, where calling into Intl
 * for each of a million samples would be far too slow.
 *
 * The calendar rules are those of coveredMinutesInRange (math/downtime):
 * a business day opens at `start` local time on each date opensOn admits
 * (a listed week day that is not a holiday, or an extra working day) and
 * closes at `end`, the next day when `end` is not after `start`; opening and closing instants come from localTimeToEpochMs,
 * which also settles DST gaps. A test checks that the two agree month by
 * month.
 */
import { localTimeToEpochMs, opensOn } from '../math/downtime';
import type { BusinessHours } from '../model/schema';
import { monthRangeMs, type Interval } from './intervals';

const WEEKDAY_BY_UTC_DAY = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const DAY_MS = 86_400_000;

function isoDate(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The business hours of a calendar month in the calendar's time zone, as
 * sorted disjoint intervals clipped to the month.
 */
export function businessIntervalsOfMonth(calendar: BusinessHours, month: string): Interval[] {
  const range = monthRangeMs(month, calendar.timeZone);
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const firstDay = Date.UTC(year, monthNumber - 1, 1) / DAY_MS;
  const lastDay = Date.UTC(year, monthNumber, 1) / DAY_MS - 1;
  const open = opensOn(calendar);
  const overnight = calendar.end <= calendar.start;
  const intervals: Interval[] = [];
  // The day before the 1st: an overnight business day may run into the month.
  for (let day = firstDay - 1; day <= lastDay; day++) {
    const weekday = WEEKDAY_BY_UTC_DAY[new Date(day * DAY_MS).getUTCDay()];
    const date = isoDate(day);
    if (weekday === undefined || !open(date, weekday)) continue;
    const opens = localTimeToEpochMs(date, calendar.start, calendar.timeZone);
    const closes = localTimeToEpochMs(overnight ? isoDate(day + 1) : date, calendar.end, calendar.timeZone);
    const start = Math.max(opens, range.from);
    const end = Math.min(closes, range.to);
    if (end > start) intervals.push({ start, end });
  }
  return intervals;
}

/** Whether an instant lies in sorted disjoint intervals (binary search). */
export function isWithin(intervals: readonly Interval[], epochMs: number): boolean {
  let low = 0;
  let high = intervals.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const interval = intervals[middle]!;
    if (epochMs < interval.start) high = middle - 1;
    else if (epochMs >= interval.end) low = middle + 1;
    else return true;
  }
  return false;
}
