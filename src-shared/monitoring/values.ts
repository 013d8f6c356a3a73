/**
 * The values of a monitoring CSV cell: points in time, yes/no flags,
 * severities, latencies. Each parser answers a value or the reason it is
 * not one, so the importer can name the line and column.
 */

export type InstantParse = { ok: true; epochMs: number } | { ok: false; reason: 'notInstant' | 'missingOffset' | 'yearOutOfRange' };

/**
 * The years monitoring data can be from: no probe ran before 1970, and a
 * year past 2999 is a typo, not a measurement (its months would not even
 * be written with four digits).
 */
export const INSTANT_YEARS = { min: 1970, max: 2999 } as const;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  if (month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

const ZERO = 48;

/** The number written by `count` ASCII digits at `at`, or -1 when one is not a digit. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let index = at; index < at + count; index++) {
    const digit = text.charCodeAt(index) - ZERO;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

const NOT_INSTANT: InstantParse = { ok: false, reason: 'notInstant' };
const MISSING_OFFSET: InstantParse = { ok: false, reason: 'missingOffset' };
const YEAR_OUT_OF_RANGE: InstantParse = { ok: false, reason: 'yearOutOfRange' };

/**
 * An ISO 8601 date and time with an offset or Z, to epoch ms (fractions of
 * a millisecond are cut): 2026-10-05T14:30Z, 2026-10-05T14:30:00.250+08:00,
 * +0800 or +08 too; a space instead of the T is accepted (RFC 3339 allows
 * it, spreadsheets write it). A time without an offset is refused with its
 * own reason: read in the computer's zone it would move by hours between
 * the provider's and the customer's machines.
 *
 * Read character by character rather than with a regular expression or
 * Date.parse: a probe file holds a million timestamps, and Date.parse
 * quietly turns 2026-02-30 into 2 March.
 */
export function parseInstant(text: string): InstantParse {
  const length = text.length;
  if (length < 16 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(13) !== 58) return NOT_INSTANT;
  const separator = text.charCodeAt(10);
  if (separator !== 84 && separator !== 116 && separator !== 32) return NOT_INSTANT; // T, t, space
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
    return NOT_INSTANT;
  }
  // Also keeps Date.UTC from reading years 0–99 as 1900–1999.
  if (year < INSTANT_YEARS.min || year > INSTANT_YEARS.max) return YEAR_OUT_OF_RANGE;
  let position = 16;
  let second = 0;
  let millisecond = 0;
  if (text.charCodeAt(position) === 58) {
    second = digits(text, position + 1, 2);
    if (second < 0 || second > 59) return NOT_INSTANT;
    position += 3;
    const mark = text.charCodeAt(position);
    if (mark === 46 || mark === 44) {
      // . or , then 1–9 digits; the first three are the milliseconds.
      const fractionStart = ++position;
      while (position < length && position - fractionStart < 10) {
        const digit = text.charCodeAt(position) - ZERO;
        if (!(digit >= 0 && digit <= 9)) break;
        if (position - fractionStart < 3) millisecond = millisecond * 10 + digit;
        position++;
      }
      const fractionDigits = position - fractionStart;
      if (fractionDigits === 0 || fractionDigits > 9) return NOT_INSTANT;
      if (fractionDigits < 3) millisecond *= fractionDigits === 1 ? 100 : 10;
    }
  }
  if (position === length) return MISSING_OFFSET;
  let offsetMinutes = 0;
  const zone = text.charCodeAt(position);
  if (zone === 90 || zone === 122) {
    // Z or z
    if (position + 1 !== length) return NOT_INSTANT;
  } else if (zone === 43 || zone === 45) {
    // +HH, +HHMM or +HH:MM
    const offsetHours = digits(text, position + 1, 2);
    const after = position + 3;
    let rest: number;
    if (after === length) rest = 0;
    else if (text.charCodeAt(after) === 58 && after + 3 === length) rest = digits(text, after + 1, 2);
    else if (after + 2 === length) rest = digits(text, after, 2);
    else return NOT_INSTANT;
    if (offsetHours < 0 || offsetHours > 23 || rest < 0 || rest > 59) return NOT_INSTANT;
    offsetMinutes = (offsetHours * 60 + rest) * (zone === 45 ? -1 : 1);
  } else {
    return NOT_INSTANT;
  }
  const epochMs = Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offsetMinutes * 60_000;
  return { ok: true, epochMs };
}

/** The `excluded` column: true/false, yes/no, 1/0, any case; undefined when it is none of these. */
export function parseExcludedFlag(text: string): boolean | undefined {
  switch (text.toLowerCase()) {
    case 'true':
    case 'yes':
    case '1':
      return true;
    case 'false':
    case 'no':
    case '0':
      return false;
    default:
      return undefined;
  }
}

/** The `up` column of a probe sample: true/false or 1/0, any case. */
export function parseUpFlag(text: string): boolean | undefined {
  switch (text) {
    case '1':
    case 'true':
      return true;
    case '0':
    case 'false':
      return false;
    default: {
      const lower = text.toLowerCase();
      if (lower === text) return undefined;
      return parseUpFlag(lower);
    }
  }
}

export const INCIDENT_SEVERITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

/** P1–P4, any case; undefined otherwise. */
export function parseSeverity(text: string): IncidentSeverity | undefined {
  const upper = text.toUpperCase();
  return (INCIDENT_SEVERITIES as readonly string[]).includes(upper) ? (upper as IncidentSeverity) : undefined;
}

export type LatencyParse = { ok: true; ms: number } | { ok: false; reason: 'latency' | 'negativeLatency' | 'latencyTooLarge' };

/** A day, in milliseconds: a response slower than that is an outage, or a value in another unit (µs, ns). */
export const MAX_LATENCY_MS = 86_400_000;

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A latency in milliseconds. Fractions are rounded up to the next whole
 * millisecond: percentiles are taken over whole milliseconds (exact
 * nearest-rank by counting), and rounding up never turns a 300.4 ms
 * response into one that meets a 300 ms objective.
 */
export function parseLatency(text: string): LatencyParse {
  // Whole milliseconds, the common case, without a regular expression.
  const wholeDigits = text.length > 0 && text.length <= 15 ? digits(text, 0, text.length) : -1;
  if (wholeDigits >= 0) return wholeDigits > MAX_LATENCY_MS ? { ok: false, reason: 'latencyTooLarge' } : { ok: true, ms: wholeDigits };
  if (!DECIMAL.test(text)) return { ok: false, reason: 'latency' };
  const value = Number(text);
  if (Number.isNaN(value)) return { ok: false, reason: 'latency' };
  if (value < 0) return { ok: false, reason: 'negativeLatency' };
  if (value > MAX_LATENCY_MS) return { ok: false, reason: 'latencyTooLarge' };
  // `|| 0` turns -0 into 0.
  return { ok: true, ms: Math.ceil(value) || 0 };
}
