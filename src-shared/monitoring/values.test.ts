import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseExcludedFlag, parseInstant, parseLatency, parseSeverity, parseUpFlag } from './values';

describe('parseInstant', () => {
  it('reads the forms monitoring tools write', () => {
    expect(parseInstant('2026-10-05T14:30:00Z')).toEqual({ ok: true, epochMs: Date.UTC(2026, 9, 5, 14, 30) });
    expect(parseInstant('2026-10-05T14:30Z')).toEqual({ ok: true, epochMs: Date.UTC(2026, 9, 5, 14, 30) });
    // 22:30 at +08:00 is 14:30 UTC; −05:00 and the forms without a colon, or minutes.
    expect(parseInstant('2026-10-05T22:30:00+08:00')).toEqual({ ok: true, epochMs: Date.UTC(2026, 9, 5, 14, 30) });
    expect(parseInstant('2026-10-05T09:30:00-0500')).toEqual({ ok: true, epochMs: Date.UTC(2026, 9, 5, 14, 30) });
    expect(parseInstant('2026-10-05T20:00:00+05:30')).toEqual({ ok: true, epochMs: Date.UTC(2026, 9, 5, 14, 30) });
    expect(parseInstant('2026-10-06T00:30:00+10')).toEqual({ ok: true, epochMs: Date.UTC(2026, 9, 5, 14, 30) });
    expect(parseInstant('2026-10-05 14:30:00z')).toEqual({ ok: true, epochMs: Date.UTC(2026, 9, 5, 14, 30) });
    // Fractions: .5 is 500 ms, ,25 is 250 ms, digits past the millisecond are cut.
    expect(parseInstant('2026-10-05T14:30:00.5Z')).toEqual({ ok: true, epochMs: Date.UTC(2026, 9, 5, 14, 30, 0, 500) });
    expect(parseInstant('2026-10-05T14:30:00,25Z')).toEqual({ ok: true, epochMs: Date.UTC(2026, 9, 5, 14, 30, 0, 250) });
    expect(parseInstant('2026-10-05T14:30:00.123456789Z')).toEqual({ ok: true, epochMs: Date.UTC(2026, 9, 5, 14, 30, 0, 123) });
    expect(parseInstant('2028-02-29T00:00:00Z').ok).toBe(true);
  });

  it('tells a missing offset from text that is not a time', () => {
    expect(parseInstant('2026-10-05T14:30:00')).toEqual({ ok: false, reason: 'missingOffset' });
    expect(parseInstant('2026-10-05T14:30')).toEqual({ ok: false, reason: 'missingOffset' });
    expect(parseInstant('2026-10-05T14:30:00.250')).toEqual({ ok: false, reason: 'missingOffset' });
    for (const text of [
      '2026-10-05',
      'yesterday',
      '2027-02-29T00:00:00Z',
      '2026-04-31T00:00:00Z',
      '2026-10-05T24:00:00Z',
      '2026-10-05T14:60:00Z',
      '2026-10-05T14:30:60Z',
      '2026-10-05T14:30:00+24:00',
      '2026-10-05T14:30:00+08:00x',
      '2026-10-05T14:30:00Zulu',
      '2026-10-05T14:30:00.Z',
      '2026-10-05T14:30:00.1234567890Z',
      '2026-10-05X14:30:00Z',
      '26-10-05T14:30:00Z',
    ]) {
      expect(parseInstant(text), text).toEqual({ ok: false, reason: 'notInstant' });
    }
  });

  it('refuses years no monitoring data is from, before and after any offset', () => {
    expect(parseInstant('1970-01-01T00:30:00+01:00')).toEqual({ ok: true, epochMs: Date.UTC(1969, 11, 31, 23, 30) });
    expect(parseInstant('2999-12-31T23:59:59-14:00')).toEqual({ ok: true, epochMs: Date.UTC(3000, 0, 1, 13, 59, 59) });
    for (const text of ['9999-12-31T23:00:00Z', '3000-01-01T00:00:00Z', '1969-12-31T23:59:59Z', '0099-01-01T00:00:00Z', '0000-01-01T00:00:00Z']) {
      expect(parseInstant(text), text).toEqual({ ok: false, reason: 'yearOutOfRange' });
    }
  });

  it('agrees with Date.parse on every valid ISO string', () => {
    const instant = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z'), noInvalidDate: true });
    const offset = fc.integer({ min: -14 * 60, max: 14 * 60 });
    fc.assert(
      fc.property(instant, offset, (date, offsetMinutes) => {
        // Write the instant as local time at the offset, e.g. 2026-10-05T22:30:00.250+08:00.
        const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 23);
        const sign = offsetMinutes < 0 ? '-' : '+';
        const hours = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0');
        const minutes = String(Math.abs(offsetMinutes) % 60).padStart(2, '0');
        const text = `${local}${sign}${hours}:${minutes}`;
        expect(parseInstant(text)).toEqual({ ok: true, epochMs: Date.parse(text) });
        expect(Date.parse(text)).toBe(date.getTime());
      }),
    );
  });
});

describe('flags, severities and latencies', () => {
  it('reads the excluded and up flags', () => {
    expect(['true', 'Yes', '1', 'FALSE', 'no', '0', 'maybe'].map(parseExcludedFlag)).toEqual([true, true, true, false, false, false, undefined]);
    // `up` takes true/false and 1/0 only.
    expect(['1', 'true', 'True', '0', 'false', 'FALSE', 'yes', 'up', ''].map(parseUpFlag)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('reads severities in any case', () => {
    expect(['P1', 'p4', 'P5', 'high'].map(parseSeverity)).toEqual(['P1', 'P4', undefined, undefined]);
  });

  it('rounds latencies up to whole milliseconds and refuses negative ones', () => {
    expect(parseLatency('300')).toEqual({ ok: true, ms: 300 });
    expect(parseLatency('300.01')).toEqual({ ok: true, ms: 301 });
    expect(parseLatency('0')).toEqual({ ok: true, ms: 0 });
    expect(parseLatency('-0')).toEqual({ ok: true, ms: 0 });
    expect(parseLatency('1.2e3')).toEqual({ ok: true, ms: 1200 });
    expect(parseLatency('-5')).toEqual({ ok: false, reason: 'negativeLatency' });
    expect(parseLatency('fast')).toEqual({ ok: false, reason: 'latency' });
    expect(parseLatency('12ms')).toEqual({ ok: false, reason: 'latency' });
    expect(parseLatency('Infinity')).toEqual({ ok: false, reason: 'latency' });
  });

  it('refuses a latency longer than a day, however it is written', () => {
    expect(parseLatency('86400000')).toEqual({ ok: true, ms: 86_400_000 });
    for (const text of ['86400001', '86400000.5', '1e300', '1.7e308', '1.8e308', '999999999999999999999']) {
      expect(parseLatency(text), text).toEqual({ ok: false, reason: 'latencyTooLarge' });
    }
  });
});
