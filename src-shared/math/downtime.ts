/**
 * Downtime budgets: how much unavailability an availability target allows
 * over a period, for round-the-clock coverage and for business hours in a
 * time zone. The Targets step's calculator, the contract text, the command
 * line (`sla downtime`) and the monthly report all use these functions.
 */
import type { BusinessHours } from '../model/schema';

// ── Periods ─────────────────────────────────────────────────────────────────

export const PERIODS = ['day', 'week', 'month28', 'month30', 'month31', 'monthAvg', 'quarter', 'year'] as const;
export type Period = (typeof PERIODS)[number];

const DAY_SECONDS = 86_400;

/**
 * Length of each period in seconds — whole numbers, so that sums of periods
 * are exact (day × 7 = week, monthAvg × 3 = quarter, quarter × 4 = year).
 *
 * The year is the mean Gregorian year, 365.2425 days: the Gregorian
 * calendar repeats every 400 years, which hold 146,097 days
 * (400 × 365 + 97 leap days), and 146,097 / 400 = 365.2425. The average
 * month is a twelfth of that, 30.436875 days = 43,829.1 minutes (often
 * rounded to 43,830), and a quarter is three average months.
 *
 * Why not a 365-day year, as some SLAs print? Because then twelve average
 * months would not make a year and the budget table would not add up;
 * over a 400-year cycle the mean year is what a customer actually
 * experiences. The difference is 0.07 %: 99.9 % allows 8 h 45 min 57 s
 * per mean year and 8 h 45 min 36 s per 365-day year.
 */
export const PERIOD_SECONDS: Readonly<Record<Period, number>> = {
  day: DAY_SECONDS,
  week: 7 * DAY_SECONDS,
  month28: 28 * DAY_SECONDS,
  month30: 30 * DAY_SECONDS,
  month31: 31 * DAY_SECONDS,
  monthAvg: 2_629_746, // 146,097 days × 86,400 s / 4,800 months
  quarter: 7_889_238, // 3 average months
  year: 31_556_952, // 146,097 days × 86,400 s / 400 years
};

/** Length of each period in minutes: 1,440 per day; the average month is 43,829.1. */
export const PERIOD_MINUTES: Readonly<Record<Period, number>> = Object.fromEntries(PERIODS.map((period) => [period, PERIOD_SECONDS[period] / 60])) as Record<
  Period,
  number
>;

// ── Round-the-clock budgets ─────────────────────────────────────────────────

function assertTarget(targetPercent: number): void {
  if (typeof targetPercent !== 'number' || !Number.isFinite(targetPercent) || targetPercent < 0 || targetPercent > 100) {
    throw new RangeError(`An availability target must be a percentage from 0 to 100, got ${String(targetPercent)}`);
  }
}

/**
 * The share of covered time a target allows to be down, in percent.
 * 100 − 99.9 is 0.09999999999999432 in binary floating point; cutting to 12
 * significant digits gives back the 0.1 the user typed. The cut is monotone,
 * so a higher target still never allows more downtime.
 */
function shortfallPercent(targetPercent: number): number {
  return Number((100 - targetPercent).toPrecision(12));
}

/** Drop floating-point noise below a microsecond (keeps the function monotone). */
function toMicroseconds(seconds: number): number {
  return Math.round(seconds * 1e6) / 1e6;
}

/** Allowed downtime, in seconds, for an availability target over `coveredSeconds` of covered time. */
export function allowedDowntimeForCoveredSeconds(targetPercent: number, coveredSeconds: number): number {
  assertTarget(targetPercent);
  if (!Number.isFinite(coveredSeconds) || coveredSeconds < 0) {
    throw new RangeError(`Covered time must be a non-negative number of seconds, got ${String(coveredSeconds)}`);
  }
  return toMicroseconds((coveredSeconds * shortfallPercent(targetPercent)) / 100);
}

/**
 * Allowed downtime in seconds for an availability target over a period of
 * 24×7 coverage. 99.9 % over a 30-day month: 0.1 % × 2,592,000 s = 2,592 s
 * = 43 min 12 s.
 */
export function allowedDowntimeSeconds(targetPercent: number, period: Period): number {
  return allowedDowntimeForCoveredSeconds(targetPercent, PERIOD_SECONDS[period]);
}

export interface DowntimeBudgetRow<P extends Period = Period> {
  period: P;
  /** The covered time of the period (all of it for 24×7). */
  coveredSeconds: number;
  /** The downtime the target allows within it. */
  allowedSeconds: number;
}

/** The budget table for 24×7 coverage: one row per period, in the order of PERIODS. */
export function downtimeBudget(targetPercent: number): DowntimeBudgetRow[] {
  assertTarget(targetPercent);
  return PERIODS.map((period) => ({
    period,
    coveredSeconds: PERIOD_SECONDS[period],
    allowedSeconds: allowedDowntimeSeconds(targetPercent, period),
  }));
}

/**
 * Measured availability in percent: the share of the measured (covered)
 * time that was not down. With nothing to measure the service cannot have
 * failed, so an empty period counts as 100 %.
 */
export function attainmentPercent(measuredSeconds: number, downtimeSeconds: number): number {
  if (!Number.isFinite(measuredSeconds) || measuredSeconds < 0 || !Number.isFinite(downtimeSeconds) || downtimeSeconds < 0) {
    throw new RangeError('Measured time and downtime must be non-negative numbers of seconds');
  }
  if (measuredSeconds === 0) return 100;
  const up = Math.max(0, measuredSeconds - downtimeSeconds);
  return (up / measuredSeconds) * 100;
}

// ── Instants and time zones ─────────────────────────────────────────────────

/**
 * A point in time: an ISO 8601 string with an offset or Z
 * ("2026-03-29T09:00:00+01:00"), a Date, or epoch milliseconds. A string
 * without an offset is refused: it would be read in the machine's own time
 * zone and give different results on different computers.
 */
export type Instant = string | Date | number;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

export function instantToEpochMs(instant: Instant): number {
  let ms: number;
  if (typeof instant === 'number') ms = instant;
  else if (instant instanceof Date) ms = instant.getTime();
  else if (ISO_INSTANT.test(instant)) ms = Date.parse(instant);
  else throw new RangeError(`"${instant}" is not a date and time with an offset, such as 2026-03-29T09:00:00Z`);
  if (!Number.isFinite(ms)) throw new RangeError(`"${String(instant)}" is not a valid point in time`);
  return ms;
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new RangeError(`Unknown time zone "${timeZone}"; use an IANA name such as Europe/London or Asia/Shanghai`);
    }
    zoneFormats.set(timeZone, format);
  }
  return format;
}

/** Whether the runtime knows this IANA time zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    zoneFormat(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockAt(timeZone: string, epochMs: number): WallClock {
  const wall: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of zoneFormat(timeZone).formatToParts(epochMs)) {
    if (part.type in wall) wall[part.type as keyof WallClock] = Number(part.value);
  }
  return wall;
}

/** Wall-clock time read as if it were UTC, in ms: the basis of offset arithmetic. */
function wallAsUtcMs(wall: WallClock): number {
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second, 0);
  return date.getTime();
}

/** The zone's offset from UTC at an instant, in ms (BST: +3,600,000). */
function offsetMsAt(timeZone: string, epochMs: number): number {
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  return wallAsUtcMs(wallClockAt(timeZone, wholeSecond)) - wholeSecond;
}

/**
 * A report asks for the opening and closing instants of the same few
 * business days once per incident; remembering them makes ten thousand
 * incidents cost milliseconds instead of a second. Bounded so a long-running
 * app does not grow it forever.
 */
const wallToEpochCache = new Map<string, number>();
const WALL_TO_EPOCH_CACHE_LIMIT = 50_000;

/**
 * The instant at which a zone's clocks first show a wall-clock time (given
 * as "that time read as UTC", in ms). A time that occurs twice when clocks
 * go back means its first occurrence. A time skipped when clocks go forward
 * (01:30 in London on the last Sunday of March) means the moment of the
 * change: the first instant at which the clocks show that time or later —
 * so business hours of 01:30–03:00 on that day still cover the hour the
 * clocks read 02:00–03:00.
 */
function wallToEpochMs(timeZone: string, wallMs: number): number {
  const key = `${timeZone}|${wallMs}`;
  let instant = wallToEpochCache.get(key);
  if (instant === undefined) {
    if (wallToEpochCache.size >= WALL_TO_EPOCH_CACHE_LIMIT) wallToEpochCache.clear();
    instant = resolveWallClock(timeZone, wallMs);
    wallToEpochCache.set(key, instant);
  }
  return instant;
}

function resolveWallClock(timeZone: string, wallMs: number): number {
  // Offsets stay within ±14 h and change at most once in any two days, so
  // the offsets a day either side bracket the answer.
  const offsetBefore = offsetMsAt(timeZone, wallMs - DAY_SECONDS * 1000);
  const offsetAfter = offsetMsAt(timeZone, wallMs + DAY_SECONDS * 1000);
  const candidates = [wallMs - offsetBefore, wallMs - offsetAfter].filter((candidate) => offsetMsAt(timeZone, candidate) === wallMs - candidate);
  if (candidates.length > 0) return Math.min(...candidates);
  // In a gap: the change lies between the two readings; find it to the second.
  let notYet = Math.min(wallMs - offsetBefore, wallMs - offsetAfter);
  let changed = Math.max(wallMs - offsetBefore, wallMs - offsetAfter);
  while (changed - notYet > 1000) {
    const middle = Math.floor((notYet + changed) / 2000) * 1000;
    if (middle <= notYet) break;
    if (offsetMsAt(timeZone, middle) === offsetBefore) notYet = middle;
    else changed = middle;
  }
  return changed;
}

/**
 * The instant, in epoch ms, at which clocks in a time zone first show a
 * local date and time ("2026-03-29", "09:00"). A time skipped by a
 * spring-forward change means the moment of the change. Maintenance
 * windows and business days are stated this way.
 */
export function localTimeToEpochMs(isoDate: string, clock: string, timeZone: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const wallMs = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!match || new Date(wallMs).toISOString().slice(0, 10) !== isoDate) {
    throw new RangeError(`"${isoDate}" is not a date such as 2026-03-29`);
  }
  zoneFormat(timeZone);
  return wallToEpochMs(timeZone, wallMs + clockMinutes(clock, 'The time') * 60_000);
}

/**
 * A calendar month 'YYYY-MM' as the range of instants [from, to) it spans
 * in a time zone, as ISO strings in UTC. Reports measure "October" from
 * local midnight on the 1st to local midnight on the 1st of November, so
 * in London October 2026 lasts 745 hours (clocks go back on the 25th).
 */
export function calendarMonthRange(month: string, timeZone = 'UTC'): { from: string; to: string } {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) throw new RangeError(`"${month}" is not a month such as 2026-10`);
  const year = Number(match[1]);
  const monthIndex = Number(match[2]) - 1;
  zoneFormat(timeZone);
  const from = wallToEpochMs(timeZone, Date.UTC(year, monthIndex, 1));
  const to = wallToEpochMs(timeZone, Date.UTC(year, monthIndex + 1, 1));
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

// ── Business-hours coverage ─────────────────────────────────────────────────

/** Week days as Date#getUTCDay numbers them (0 = Sunday). */
const WEEKDAY_BY_UTC_DAY = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

function clockMinutes(clock: string, label: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(clock);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || hours > 23 || minutes > 59) throw new RangeError(`${label} "${clock}" is not a time such as 09:00`);
  return hours * 60 + minutes;
}

function isoDateOfDayNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_SECONDS * 1000).toISOString().slice(0, 10);
}

function dayNumberAt(timeZone: string, epochMs: number): number {
  const wall = wallClockAt(timeZone, epochMs);
  return Math.floor(wallAsUtcMs({ ...wall, hour: 0, minute: 0, second: 0 }) / (DAY_SECONDS * 1000));
}

/**
 * Whether a business day opens on a local date (YYYY-MM-DD, its week day
 * given): on each listed week day that is not a holiday, and on each extra
 * working day whatever its week day. A date that is both a holiday and a
 * working day is a slip the model's rules report; here the working day wins,
 * as the later, more particular arrangement.
 */
export function opensOn(calendar: Pick<BusinessHours, 'days' | 'holidays' | 'workingDays'>): (date: string, weekday: string) => boolean {
  const days = new Set<string>(calendar.days);
  const holidays = new Set(calendar.holidays);
  const workingDays = new Set(calendar.workingDays ?? []);
  return (date, weekday) => workingDays.has(date) || (days.has(weekday) && !holidays.has(date));
}

/**
 * Covered time between two instants in ms. The business day starts at
 * `start` local time on each listed week day that is not a holiday (and on
 * each extra working day, see opensOn) and ends
 * at `end`; an `end` at or before `start` runs past midnight into the next
 * day (the model's rules only allow end after start, but "00:00"–"00:00"
 * reads naturally as a whole day). A holiday cancels the business day that
 * starts on it. DST is honoured: business hours are wall-clock hours, so
 * 00:00–12:00 on the spring-forward day in London covers 11 real hours and
 * on the fall-back day 13.
 */
function coveredMsInRange(calendar: BusinessHours, fromMs: number, toMs: number): number {
  const { timeZone } = calendar;
  const startMinute = clockMinutes(calendar.start, 'Business hours start');
  let endMinute = clockMinutes(calendar.end, 'Business hours end');
  if (endMinute <= startMinute) endMinute += 24 * 60;
  const open = opensOn(calendar);
  zoneFormat(timeZone); // an unknown zone fails even for an empty range
  if ((calendar.days.length === 0 && (calendar.workingDays ?? []).length === 0) || toMs <= fromMs) return 0;

  let covered = 0;
  // A business day that started the local day before `from` may still be running.
  const firstDay = dayNumberAt(timeZone, fromMs) - 1;
  const lastDay = dayNumberAt(timeZone, toMs);
  for (let dayNumber = firstDay; dayNumber <= lastDay; dayNumber++) {
    const midnightWallMs = dayNumber * DAY_SECONDS * 1000;
    const weekday = WEEKDAY_BY_UTC_DAY[new Date(midnightWallMs).getUTCDay()];
    if (weekday === undefined || !open(isoDateOfDayNumber(dayNumber), weekday)) continue;
    const opens = wallToEpochMs(timeZone, midnightWallMs + startMinute * 60_000);
    const closes = wallToEpochMs(timeZone, midnightWallMs + endMinute * 60_000);
    const overlap = Math.min(toMs, closes) - Math.max(fromMs, opens);
    if (overlap > 0) covered += overlap;
  }
  return covered;
}

function rangeMs(from: Instant, to: Instant): [number, number] {
  const fromMs = instantToEpochMs(from);
  const toMs = instantToEpochMs(to);
  if (toMs < fromMs) throw new RangeError('The end of a time range must not be before its start');
  return [fromMs, toMs];
}

/**
 * Minutes of covered time between two instants: the business hours of the
 * calendar in its IANA time zone, or every minute when `calendar` is null
 * (24×7). Fractional when the instants are not on whole minutes.
 */
export function coveredMinutesInRange(calendar: BusinessHours | null, from: Instant, to: Instant): number {
  const [fromMs, toMs] = rangeMs(from, to);
  const covered = calendar ? coveredMsInRange(calendar, fromMs, toMs) : toMs - fromMs;
  return covered / 60_000;
}

/** Allowed downtime in seconds between two instants, for business hours or (calendar null) 24×7. */
export function allowedDowntimeSecondsInRange(targetPercent: number, calendar: BusinessHours | null, from: Instant, to: Instant): number {
  assertTarget(targetPercent);
  return allowedDowntimeForCoveredSeconds(targetPercent, coveredMinutesInRange(calendar, from, to) * 60);
}

export const BUSINESS_HOURS_PERIODS = ['week', 'monthAvg', 'quarter', 'year'] as const;
export type BusinessHoursPeriod = (typeof BUSINESS_HOURS_PERIODS)[number];

/** Business hours of a typical week in seconds: listed days × the length of a business day. */
export function businessSecondsPerWeek(calendar: Pick<BusinessHours, 'days' | 'start' | 'end'>): number {
  const startMinute = clockMinutes(calendar.start, 'Business hours start');
  let endMinute = clockMinutes(calendar.end, 'Business hours end');
  if (endMinute <= startMinute) endMinute += 24 * 60;
  return new Set(calendar.days).size * (endMinute - startMinute) * 60;
}

/**
 * The budget table for business-hours coverage over a typical week, average
 * month, quarter and year: the weekly business hours scaled by the
 * period's length in weeks (an average month holds 4.348 weeks). Holidays
 * and DST are left out of a typical period; for a real month use
 * allowedDowntimeSecondsInRange, which counts both.
 */
export function businessHoursBudget(targetPercent: number, calendar: Pick<BusinessHours, 'days' | 'start' | 'end'>): DowntimeBudgetRow<BusinessHoursPeriod>[] {
  assertTarget(targetPercent);
  const weekly = businessSecondsPerWeek(calendar);
  return BUSINESS_HOURS_PERIODS.map((period) => {
    const coveredSeconds = (weekly * PERIOD_SECONDS[period]) / PERIOD_SECONDS.week;
    return { period, coveredSeconds, allowedSeconds: allowedDowntimeForCoveredSeconds(targetPercent, coveredSeconds) };
  });
}
