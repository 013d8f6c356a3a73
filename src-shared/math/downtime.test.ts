import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BusinessHours } from '../model/schema';
import { WEEKDAYS } from '../model/schema';
import { formatDurationSeconds } from '../format';
import {
  PERIODS,
  PERIOD_MINUTES,
  PERIOD_SECONDS,
  allowedDowntimeSeconds,
  allowedDowntimeSecondsInRange,
  attainmentPercent,
  businessHoursBudget,
  businessSecondsPerWeek,
  calendarMonthRange,
  coveredMinutesInRange,
  downtimeBudget,
  isValidTimeZone,
  localTimeToEpochMs,
  type Period,
} from './downtime';

const officeHours = (overrides: Partial<BusinessHours> = {}): BusinessHours => ({
  timeZone: 'Europe/London',
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  start: '09:00',
  end: '17:00',
  holidays: [],
  ...overrides,
});

describe('periods', () => {
  it('has the lengths a reader can check', () => {
    expect(PERIOD_MINUTES.day).toBe(1_440);
    expect(PERIOD_MINUTES.week).toBe(10_080);
    expect(PERIOD_MINUTES.month30).toBe(43_200);
    // 365.2425 days × 1,440 / 12 = 525,949.2 / 12 = 43,829.1 minutes.
    expect(PERIOD_MINUTES.monthAvg).toBeCloseTo(43_829.1, 9);
    expect(PERIOD_MINUTES.year).toBeCloseTo(525_949.2, 9);
  });

  it('adds up exactly: three average months make a quarter, four quarters a year', () => {
    expect(PERIOD_SECONDS.monthAvg * 3).toBe(PERIOD_SECONDS.quarter);
    expect(PERIOD_SECONDS.quarter * 4).toBe(PERIOD_SECONDS.year);
    expect(PERIOD_SECONDS.day * 7).toBe(PERIOD_SECONDS.week);
    // 400 Gregorian years hold 146,097 days.
    expect(PERIOD_SECONDS.year * 400).toBe(146_097 * 86_400);
  });
});

describe('allowedDowntimeSeconds (24×7)', () => {
  it('matches hand-computed budgets', () => {
    // 0.1 % of a 30-day month: 0.001 × 2,592,000 s = 2,592 s = 43 min 12 s.
    expect(allowedDowntimeSeconds(99.9, 'month30')).toBe(2_592);
    expect(formatDurationSeconds(allowedDowntimeSeconds(99.9, 'month30'), 'en')).toBe('43 minutes 12 seconds');
    // 0.1 % of the average month: 0.001 × 2,629,746 s = 2,629.746 s = 43 min 49.746 s.
    expect(allowedDowntimeSeconds(99.9, 'monthAvg')).toBe(2_629.746);
    expect(formatDurationSeconds(allowedDowntimeSeconds(99.9, 'monthAvg'), 'en')).toBe('43 minutes 50 seconds');
    // 0.05 % of the mean year: 0.0005 × 31,556,952 s = 15,778.476 s = 4 h 22 min 58.476 s.
    expect(allowedDowntimeSeconds(99.95, 'year')).toBe(15_778.476);
    expect(formatDurationSeconds(allowedDowntimeSeconds(99.95, 'year'), 'zh-CN')).toBe('4小时22分58秒');
    // 1 % of a day: 864 s = 14 min 24 s.
    expect(allowedDowntimeSeconds(99, 'day')).toBe(864);
    // 0.01 % of a week: 0.0001 × 604,800 s = 60.48 s.
    expect(allowedDowntimeSeconds(99.99, 'week')).toBe(60.48);
    // 0.001 % of a 31-day month: 0.00001 × 2,678,400 s = 26.784 s.
    expect(allowedDowntimeSeconds(99.999, 'month31')).toBe(26.784);
  });

  it('allows nothing at 100 % and the whole period at 0 %', () => {
    expect(allowedDowntimeSeconds(100, 'year')).toBe(0);
    expect(allowedDowntimeSeconds(0, 'month28')).toBe(28 * 86_400);
  });

  it('refuses a target that is not a percentage', () => {
    expect(() => allowedDowntimeSeconds(100.1, 'day')).toThrow(/0 to 100/);
    expect(() => allowedDowntimeSeconds(-1, 'day')).toThrow(RangeError);
    expect(() => allowedDowntimeSeconds(Number.NaN, 'day')).toThrow(RangeError);
  });

  it('gives one row per period in the budget table', () => {
    const table = downtimeBudget(99.9);
    expect(table.map((row) => row.period)).toEqual([...PERIODS]);
    const quarter = table.find((row) => row.period === 'quarter');
    // 0.1 % of 7,889,238 s = 7,889.238 s = 2 h 11 min 29 s.
    expect(quarter).toEqual({ period: 'quarter', coveredSeconds: 7_889_238, allowedSeconds: 7_889.238 });
  });

  const target = fc.double({ min: 0, max: 100, noNaN: true });
  const period = fc.constantFrom(...PERIODS);

  it('never allows more downtime for a higher target (property)', () => {
    fc.assert(
      fc.property(target, target, period, (a, b, p: Period) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(allowedDowntimeSeconds(high, p)).toBeLessThanOrEqual(allowedDowntimeSeconds(low, p));
      }),
    );
  });

  it('is additive over periods, to the microsecond it is rounded to (property)', () => {
    // Each figure is rounded to 1 µs: k parts carry up to k × 0.5 µs and the whole its own 0.5 µs,
    // so they may differ by (k + 1) × 0.5 µs (seed -1074993894 found 12 months against a year at 6.0014 µs).
    const addsUp = (t: number, part: Period, times: number, whole: Period) =>
      expect(Math.abs(allowedDowntimeSeconds(t, part) * times - allowedDowntimeSeconds(t, whole))).toBeLessThanOrEqual((times + 1) * 0.5e-6 + 1e-9);
    fc.assert(
      fc.property(target, (t) => {
        addsUp(t, 'day', 7, 'week');
        addsUp(t, 'day', 28, 'month28');
        addsUp(t, 'day', 30, 'month30');
        addsUp(t, 'day', 31, 'month31');
        addsUp(t, 'monthAvg', 3, 'quarter');
        addsUp(t, 'quarter', 4, 'year');
        addsUp(t, 'monthAvg', 12, 'year');
        const table = downtimeBudget(t);
        const covered = (p: Period) => table.find((row) => row.period === p)!.coveredSeconds;
        expect(covered('month30')).toBe(30 * covered('day'));
      }),
    );
  });
});

describe('attainmentPercent', () => {
  it('is the share of measured time that was up', () => {
    // 43 min 12 s down in a 30-day month: 1 − 2,592 / 2,592,000 = 99.9 %.
    expect(attainmentPercent(2_592_000, 2_592)).toBeCloseTo(99.9, 12);
    expect(attainmentPercent(0, 0)).toBe(100);
    expect(attainmentPercent(60, 120)).toBe(0);
  });
});

describe('coveredMinutesInRange (business hours)', () => {
  it('counts a plain office week', () => {
    // Mon 23 – Fri 27 March 2026 in London, still GMT: 5 days × 8 h = 40 h = 2,400 min.
    expect(coveredMinutesInRange(officeHours(), '2026-03-23T00:00:00Z', '2026-03-28T00:00:00Z')).toBe(2_400);
  });

  it('is not disturbed by a DST change on the weekend', () => {
    // Clocks go forward on Sunday 29 March 2026 (01:00 GMT → 02:00 BST). Mon 23 March 00:00 GMT
    // to Mon 30 March 23:00 BST: six office days of 8 h = 48 h = 2,880 min.
    expect(coveredMinutesInRange(officeHours(), '2026-03-23T00:00:00Z', '2026-03-30T23:00:00+01:00')).toBe(2_880);
    // Monday 30 March opens at 09:00 BST = 08:00 UTC, not 09:00 UTC.
    expect(coveredMinutesInRange(officeHours(), '2026-03-30T08:00:00Z', '2026-03-30T09:00:00Z')).toBe(60);
  });

  it('counts real minutes on the DST days themselves', () => {
    const wholeSundays = officeHours({ days: ['sun'], start: '00:00', end: '00:00' });
    // Local Sunday 29 March 2026: 00:00 GMT (00:00Z) to 00:00 BST on the 30th (23:00Z) = 23 h.
    expect(coveredMinutesInRange(wholeSundays, '2026-03-27T00:00:00Z', '2026-04-01T00:00:00Z')).toBe(23 * 60);
    // Local Sunday 25 October 2026: 00:00 BST (24 Oct 23:00Z) to 00:00 GMT on the 26th (00:00Z) = 25 h.
    expect(coveredMinutesInRange(wholeSundays, '2026-10-23T00:00:00Z', '2026-10-28T00:00:00Z')).toBe(25 * 60);
    const sundayMorning = officeHours({ days: ['sun'], start: '00:00', end: '12:00' });
    // 00:00 GMT (00:00Z) to 12:00 BST (11:00Z) = 11 h.
    expect(coveredMinutesInRange(sundayMorning, '2026-03-28T00:00:00Z', '2026-03-31T00:00:00Z')).toBe(11 * 60);
    // Clocks go back on Sunday 25 October 2026: 00:00 BST (24 Oct 23:00Z) to 12:00 GMT (12:00Z) = 13 h.
    expect(coveredMinutesInRange(sundayMorning, '2026-10-24T00:00:00Z', '2026-10-27T00:00:00Z')).toBe(13 * 60);
  });

  it('opens a business day whose start the clocks skip at the moment of the change', () => {
    // 01:30–03:00 on 29 March 2026: the clocks jump from 01:00 GMT to 02:00 BST at 01:00Z and read
    // 02:00–03:00 BST until 02:00Z, all of it after 01:30: 60 min.
    const night = officeHours({ days: ['sun'], start: '01:30', end: '03:00' });
    expect(coveredMinutesInRange(night, '2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z')).toBe(60);
    // 01:15–01:45 never shows on the clocks that day.
    const skipped = officeHours({ days: ['sun'], start: '01:15', end: '01:45' });
    expect(coveredMinutesInRange(skipped, '2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z')).toBe(0);
  });

  it('handles a half-hour DST shift (Lord Howe Island)', () => {
    // 4 October 2026, 02:00 → 02:30 local: the local day lasts 23.5 h = 1,410 min.
    const wholeDays = officeHours({ timeZone: 'Australia/Lord_Howe', days: ['sun'], start: '00:00', end: '00:00' });
    expect(coveredMinutesInRange(wholeDays, '2026-10-02T00:00:00Z', '2026-10-06T00:00:00Z')).toBe(1_410);
  });

  it('leaves out holidays, which are local dates', () => {
    // Mon 30 March – Fri 10 April 2026 with Good Friday (3 April) and Easter Monday (6 April):
    // 10 weekdays − 2 holidays = 8 × 8 h = 64 h = 3,840 min.
    const withEaster = officeHours({ holidays: ['2026-04-03', '2026-04-06'] });
    expect(coveredMinutesInRange(withEaster, '2026-03-30T00:00:00+01:00', '2026-04-11T00:00:00+01:00')).toBe(3_840);
    // In Shanghai (UTC+8) 1 October 2026 is a holiday from 1 Oct 01:00Z to 09:00Z… and the
    // day before, 30 September 09:00–17:00 local = 01:00Z–09:00Z, is not.
    const shanghai = officeHours({ timeZone: 'Asia/Shanghai', holidays: ['2026-10-01'] });
    expect(coveredMinutesInRange(shanghai, '2026-09-30T00:00:00Z', '2026-10-02T00:00:00Z')).toBe(8 * 60);
  });

  it('adds the extra working days of a bridged holiday (调休), whatever their week day', () => {
    // Spring Festival 2026 in China: off Sun 15 – Mon 23 February, worked on Saturdays 14 and 28 February.
    // February 2026 has 20 weekdays; 6 of them are holidays (16–20 and 23 February) and 2 Saturdays are worked:
    // 20 − 6 + 2 = 16 business days × 8 h = 7,680 min.
    const springFestival = officeHours({
      timeZone: 'Asia/Shanghai',
      holidays: ['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23'],
      workingDays: ['2026-02-14', '2026-02-28'],
    });
    expect(coveredMinutesInRange(springFestival, '2026-02-01T00:00:00+08:00', '2026-03-01T00:00:00+08:00')).toBe(16 * 8 * 60);
    // The worked Saturday opens at 09:00 local, as any business day: 09:00–12:00 Shanghai time on the 14th is 180 min.
    expect(coveredMinutesInRange(springFestival, '2026-02-14T00:00:00+08:00', '2026-02-14T12:00:00+08:00')).toBe(180);
    // A working day that is a business day anyway is counted once; one also listed as a holiday is worked.
    expect(coveredMinutesInRange(officeHours({ workingDays: ['2026-10-05'] }), '2026-10-05T00:00:00+01:00', '2026-10-06T00:00:00+01:00')).toBe(480);
    expect(
      coveredMinutesInRange(officeHours({ holidays: ['2026-10-10'], workingDays: ['2026-10-10'] }), '2026-10-10T00:00:00+01:00', '2026-10-11T00:00:00+01:00'),
    ).toBe(480);
  });

  it('cuts the business day at the edges of the range', () => {
    // Thursday 8 October 2026, 10:30–12:00 Shanghai time: 90 min.
    const shanghai = officeHours({ timeZone: 'Asia/Shanghai' });
    expect(coveredMinutesInRange(shanghai, '2026-10-08T10:30:00+08:00', '2026-10-08T12:00:00+08:00')).toBe(90);
    // Before opening and after closing: nothing.
    expect(coveredMinutesInRange(shanghai, '2026-10-08T17:00:00+08:00', '2026-10-09T09:00:00+08:00')).toBe(0);
    // Seconds count: 09:00:00–09:00:30 is half a minute.
    expect(coveredMinutesInRange(shanghai, '2026-10-08T09:00:00+08:00', '2026-10-08T09:00:30+08:00')).toBe(0.5);
  });

  it('runs a night shift past midnight', () => {
    // Monday 22:00 – Tuesday 06:00 UTC; from Tuesday 00:00 the shift still has 6 h to run.
    const nightShift = officeHours({ timeZone: 'UTC', days: ['mon'], start: '22:00', end: '06:00' });
    expect(coveredMinutesInRange(nightShift, '2026-10-06T00:00:00Z', '2026-10-06T12:00:00Z')).toBe(6 * 60);
    expect(coveredMinutesInRange({ ...nightShift, holidays: ['2026-10-05'] }, '2026-10-05T00:00:00Z', '2026-10-07T00:00:00Z')).toBe(0);
  });

  it('counts every minute for 24×7 (null calendar)', () => {
    // October 2026 in London: 31 days plus the hour gained when clocks go back = 745 h.
    expect(coveredMinutesInRange(null, '2026-10-01T00:00:00+01:00', '2026-11-01T00:00:00Z')).toBe(745 * 60);
  });

  it('refuses bad input with a message naming the problem', () => {
    expect(() => coveredMinutesInRange(officeHours({ timeZone: 'Mars/Olympus' }), '2026-10-01T00:00:00Z', '2026-10-02T00:00:00Z')).toThrow(
      /Unknown time zone "Mars\/Olympus"/,
    );
    expect(() => coveredMinutesInRange(officeHours(), '2026-10-01T00:00:00', '2026-10-02T00:00:00Z')).toThrow(/with an offset/);
    expect(() => coveredMinutesInRange(officeHours(), '2026-10-02T00:00:00Z', '2026-10-01T00:00:00Z')).toThrow(/before its start/);
    expect(() => coveredMinutesInRange(officeHours({ start: '9:00' }), '2026-10-01T00:00:00Z', '2026-10-02T00:00:00Z')).toThrow(/start "9:00"/);
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('Asia/Nowhere')).toBe(false);
  });

  const zones = ['UTC', 'Europe/London', 'America/New_York', 'Asia/Shanghai', 'Australia/Sydney', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/St_Johns'];
  const clock = fc.integer({ min: 0, max: 24 * 60 - 1 }).map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
  const calendarArb = fc.record({
    timeZone: fc.constantFrom(...zones),
    days: fc.subarray([...WEEKDAYS], { minLength: 1 }),
    start: clock,
    end: clock,
    holidays: fc.array(
      fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      { maxLength: 5 },
    ),
    workingDays: fc.array(
      fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      { maxLength: 3 },
    ),
  });
  // Instants in 2026–2027, spanning every DST change of both years.
  const instantMs = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 31) });
  const rangeOf = (a: number, b: number, span: number) => (a <= b ? [a, Math.min(b, a + span)] : [b, Math.min(a, b + span)]) as [number, number];

  it('adds up when a range is split at any instant (property)', () => {
    fc.assert(
      fc.property(calendarArb, instantMs, instantMs, fc.double({ min: 0, max: 1, noNaN: true }), (calendar, a, b, share) => {
        const [from, to] = rangeOf(a, b, 45 * 86_400_000);
        const middle = from + Math.floor((to - from) * share);
        const whole = coveredMinutesInRange(calendar, from, to);
        const parts = coveredMinutesInRange(calendar, from, middle) + coveredMinutesInRange(calendar, middle, to);
        expect(parts).toBeCloseTo(whole, 6);
        expect(whole).toBeGreaterThanOrEqual(0);
        expect(whole).toBeLessThanOrEqual((to - from) / 60_000);
      }),
      { numRuns: 150 },
    );
  });

  it('covers exactly the weekly business hours in any 7 days of a zone without DST (property)', () => {
    fc.assert(
      fc.property(calendarArb, instantMs, fc.constantFrom('UTC', 'Asia/Shanghai', 'Asia/Kolkata'), (calendar, from, timeZone) => {
        const plain = { ...calendar, timeZone, holidays: [], workingDays: [] };
        expect(coveredMinutesInRange(plain, from, from + 7 * 86_400_000) * 60).toBeCloseTo(businessSecondsPerWeek(plain), 6);
      }),
      { numRuns: 100 },
    );
  });
});

describe('allowedDowntimeSecondsInRange', () => {
  it('applies the target to the covered time only', () => {
    // One office week in London, 40 h = 144,000 s; 0.1 % of it = 144 s.
    expect(allowedDowntimeSecondsInRange(99.9, officeHours(), '2026-03-23T00:00:00Z', '2026-03-28T00:00:00Z')).toBe(144);
    // October 2026 in London, 24×7: 745 h = 2,682,000 s; 0.1 % = 2,682 s.
    expect(allowedDowntimeSecondsInRange(99.9, null, '2026-10-01T00:00:00+01:00', '2026-11-01T00:00:00Z')).toBe(2_682);
  });

  it('never allows more than 24×7 coverage would (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 1) }),
        fc.integer({ min: 0, max: 31 * 86_400_000 }),
        (target, from, length) => {
          const business = allowedDowntimeSecondsInRange(target, officeHours(), from, from + length);
          expect(business).toBeLessThanOrEqual(allowedDowntimeSecondsInRange(target, null, from, from + length));
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('businessHoursBudget', () => {
  it('scales a typical week to the average month, quarter and year', () => {
    // Mon–Fri 09:00–17:00: 5 × 8 h = 144,000 s a week. An average month is 2,629,746 / 604,800 =
    // 4.348125 weeks: 626,130 s; a year 52.1775 weeks: 7,513,560 s. 0.1 % of each:
    const table = businessHoursBudget(99.9, officeHours());
    expect(table.map((row) => row.period)).toEqual(['week', 'monthAvg', 'quarter', 'year']);
    expect(table[0]).toEqual({ period: 'week', coveredSeconds: 144_000, allowedSeconds: 144 });
    expect(table[1]!.coveredSeconds).toBeCloseTo(626_130, 6);
    expect(table[1]!.allowedSeconds).toBe(626.13);
    expect(table[3]!.allowedSeconds).toBe(7_513.56);
  });
});

describe('local times and calendar months', () => {
  it('turns a local date and time into an instant', () => {
    // 09:00 BST on 30 March 2026 is 08:00 UTC; 09:00 GMT on 27 March is 09:00 UTC.
    expect(localTimeToEpochMs('2026-03-30', '09:00', 'Europe/London')).toBe(Date.parse('2026-03-30T08:00:00Z'));
    expect(localTimeToEpochMs('2026-03-27', '09:00', 'Europe/London')).toBe(Date.parse('2026-03-27T09:00:00Z'));
    // 01:30 does not exist on 29 March 2026 in London: the clocks jump at 01:00 UTC.
    expect(localTimeToEpochMs('2026-03-29', '01:30', 'Europe/London')).toBe(Date.parse('2026-03-29T01:00:00Z'));
    // 01:30 happens twice on 25 October 2026: the first time, still BST (00:30 UTC).
    expect(localTimeToEpochMs('2026-10-25', '01:30', 'Europe/London')).toBe(Date.parse('2026-10-25T00:30:00Z'));
    // Kolkata is UTC+05:30 all year.
    expect(localTimeToEpochMs('2026-07-01', '00:00', 'Asia/Kolkata')).toBe(Date.parse('2026-06-30T18:30:00Z'));
    expect(() => localTimeToEpochMs('2026-02-30', '09:00', 'UTC')).toThrow(/2026-02-30/);
    expect(() => localTimeToEpochMs('2026-02-03', '24:00', 'UTC')).toThrow(/"24:00"/);
  });

  it('gives the instants a calendar month spans in a time zone', () => {
    expect(calendarMonthRange('2026-10', 'Europe/London')).toEqual({ from: '2026-09-30T23:00:00.000Z', to: '2026-11-01T00:00:00.000Z' });
    expect(calendarMonthRange('2026-12')).toEqual({ from: '2026-12-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' });
    expect(calendarMonthRange('2026-02', 'Asia/Shanghai')).toEqual({ from: '2026-01-31T16:00:00.000Z', to: '2026-02-28T16:00:00.000Z' });
    // October 2026 in London is 31 days + 1 hour = 745 h; 0.1 % of it is 2,682 s.
    const october = calendarMonthRange('2026-10', 'Europe/London');
    expect(allowedDowntimeSecondsInRange(99.9, null, october.from, october.to)).toBe(2_682);
    expect(() => calendarMonthRange('2026-13')).toThrow(/2026-13/);
  });
});
