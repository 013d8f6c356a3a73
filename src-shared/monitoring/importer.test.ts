/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import enterpriseJson from '../../templates/presets/enterprise.sla.json';
import { createI18n } from '../i18n';
import { slaDraftSchema } from '../model/schema';
import { createMonitoringCsvImporter, parseMonitoringCsv, type MonitoringParseResult } from './importer';
import { nearestRankPercentile } from './probes';
import enterpriseIncidents from './fixtures/enterprise-october-incidents.csv?raw';
import enterpriseProbes from './fixtures/enterprise-october-probes.csv?raw';
import incidentsWithErrors from './fixtures/incidents-with-errors.csv?raw';

const enterprise = slaDraftSchema.parse(enterpriseJson);
const en = createI18n('en');
const zh = createI18n('zh-CN');

function failed(result: MonitoringParseResult) {
  if (result.ok) throw new Error('expected the import to fail');
  return result;
}
function succeeded(result: MonitoringParseResult) {
  if (!result.ok) throw new Error(`expected the import to succeed: ${JSON.stringify(result.errors)}`);
  return result;
}
const messages = (result: MonitoringParseResult) => failed(result).errors.map((error) => en.t(error.key, error.params));

describe('incidents files', () => {
  it('reads the enterprise October incidents: ids or names in any case, offsets normalised to UTC', () => {
    const result = succeeded(parseMonitoringCsv(enterprise, enterpriseIncidents));
    expect(result.form).toBe('incidents');
    expect(result.rows).toBe(9);
    const incidents = result.data.incidents!;
    expect(incidents.map((incident) => incident.serviceId)).toEqual([
      'core-api',
      'core-api',
      'core-api',
      'core-api',
      'core-api',
      'web-console',
      'web-console',
      'data-export',
      'data-export',
    ]);
    // 02:00 at −04:00 is 06:00 UTC.
    expect(incidents[2]).toMatchObject({ start: '2027-10-17T06:00:00.000Z', end: '2027-10-17T08:00:00.000Z', excluded: true, severity: null, line: 4 });
    expect(incidents[0]!.reason).toBe('Primary database failover, us-east-1');
    expect(incidents[3]!.reason).toBe('Maintenance overran: "index rebuild" took 45 minutes');
    expect(result.data.probes).toBeNull();
    expect(result.serviceIds).toEqual(['core-api', 'web-console', 'data-export']);
    // The web console incidents reach from September into November.
    expect(result.months).toEqual(['2027-09', '2027-10', '2027-11']);
    expect(result.firstAt).toBe('2027-09-30T23:30:00.000Z');
    expect(result.lastAt).toBe('2027-11-01T01:00:00.000Z');
  });

  it('takes the columns in any order and the header in any case', () => {
    const text = 'Reason,END,Service,Start,Excluded\n"Planned, announced",2027-10-03T04:00:00+08:00,core-api,2027-10-03T02:00:00+08:00,YES\n';
    const incident = succeeded(parseMonitoringCsv(enterprise, text)).data.incidents![0]!;
    expect(incident).toMatchObject({ start: '2027-10-02T18:00:00.000Z', end: '2027-10-02T20:00:00.000Z', excluded: true, reason: 'Planned, announced' });
  });

  it('accepts a header-only file as a month without incidents', () => {
    const result = succeeded(parseMonitoringCsv(enterprise, 'service,start,end\r\n'));
    expect(result.data.incidents).toEqual([]);
  });

  it('reports every bad row with its line and column, and imports nothing', () => {
    const result = failed(parseMonitoringCsv(enterprise, incidentsWithErrors));
    expect(result.rows).toBe(21);
    expect(result.errors.map(({ line, column, key }) => [line, column, key])).toEqual([
      [17, 'end', 'monitoring.csv.notInstant'],
      [18, 'start', 'monitoring.csv.missingOffset'],
      [19, 'service', 'monitoring.csv.unknownService'],
      [20, 'end', 'monitoring.csv.endBeforeStart'],
      [20, 'severity', 'monitoring.csv.severity'],
      [20, 'excluded', 'monitoring.csv.excluded'],
      [21, null, 'monitoring.csv.fieldCount'],
      [22, 'start', 'monitoring.csv.notInstant'],
    ]);
    expect(result.omittedErrors).toBe(0);
    expect('data' in result).toBe(false);
    expect(messages(result)).toEqual([
      'Line 17, column end: "yesterday" is not an ISO 8601 time with an offset, such as 2026-10-05T14:30:00Z.',
      'Line 18, column start: "2027-10-16T10:00:00" has no time zone offset. Add Z for UTC or the offset, such as +08:00.',
      'Line 19, column service: no service of this SLA has the id or name "billing".',
      'Line 20, column end: the end 2027-10-16T11:00:00Z is before the start 2027-10-16T12:00:00Z.',
      'Line 20, column severity: "P5" is not a severity. Use P1, P2, P3 or P4, or leave it empty.',
      'Line 20, column excluded: "maybe" is not yes or no. Use true, false, yes, no, 1 or 0, or leave it empty.',
      'Line 21 has 2 values, but the header has 6 columns.',
      // 2027 is not a leap year: there is no 30 February (Date.parse would quietly make it 2 March).
      'Line 22, column start: "2027-02-30T12:00:00Z" is not an ISO 8601 time with an offset, such as 2026-10-05T14:30:00Z.',
    ]);
    expect(zh.t(result.errors[0]!.key, result.errors[0]!.params)).toBe(
      '第 17 行 end 列：“yesterday”不是带时区偏移的 ISO 8601 时间，例如 2026-10-05T14:30:00Z。',
    );
  });

  it('refuses an incident dated in a year no monitoring data is from, by line and column', () => {
    const text = [
      'service,start,end',
      'core-api,9999-12-31T23:00:00Z,9999-12-31T23:30:00Z',
      'core-api,2027-10-01T00:00:00Z,9999-12-31T23:30:00-14:00',
      'core-api,0001-01-01T00:00:00Z,2027-10-01T00:00:00Z',
    ].join('\n');
    const result = failed(parseMonitoringCsv(enterprise, text));
    expect(result.errors.map(({ line, column, key }) => [line, column, key])).toEqual([
      [2, 'start', 'monitoring.csv.yearOutOfRange'],
      [2, 'end', 'monitoring.csv.yearOutOfRange'],
      [3, 'end', 'monitoring.csv.yearOutOfRange'],
      [4, 'start', 'monitoring.csv.yearOutOfRange'],
    ]);
    expect(messages(result)[0]).toBe('Line 2, column start: the year of "9999-12-31T23:00:00Z" is not from 1970 to 2999.');
    expect(zh.t(result.errors[0]!.key, result.errors[0]!.params)).toBe('第 2 行 start 列：“9999-12-31T23:00:00Z”的年份不在 1970 至 2999 之间。');
  });

  it('counts the line of a row after a quoted line break', () => {
    const text =
      'service,start,end,reason\ncore-api,2027-10-01T00:00:00Z,2027-10-01T00:05:00Z,"first line\nsecond line"\ncore-api,2027-10-01T00:00:00Z,soon,x\n';
    expect(failed(parseMonitoringCsv(enterprise, text)).errors).toMatchObject([{ line: 4, column: 'end', key: 'monitoring.csv.notInstant' }]);
  });

  it('lists the first hundred problems and counts the rest', () => {
    const rows = Array.from({ length: 150 }, (_, index) => `core-api,2027-10-01T00:00:00Z,not-a-time-${index}`);
    const result = failed(parseMonitoringCsv(enterprise, ['service,start,end', ...rows].join('\n')));
    expect(result.errors).toHaveLength(100);
    expect(result.errors[99]).toMatchObject({ line: 101 });
    expect(result.omittedErrors).toBe(50);
    expect(en.t('monitoring.csv.moreErrors', { count: result.omittedErrors })).toBe('…and 50 more problems.');
    expect(en.t('monitoring.csv.moreErrors', { count: 1 })).toBe('…and 1 more problem.');
  });

  it('refuses a service name two services share, and asks for the id', () => {
    const draft = structuredClone(enterprise);
    // Two services share an English name; their Chinese names differ.
    draft.services[1]!.name.en = 'Core API';
    const result = failed(parseMonitoringCsv(draft, 'service,start,end\ncore api,2027-10-01T00:00:00Z,2027-10-01T01:00:00Z\n'));
    expect(result.errors).toMatchObject([{ line: 2, column: 'service', key: 'monitoring.csv.ambiguousService' }]);
    // The id still works.
    expect(parseMonitoringCsv(draft, 'service,start,end\nweb-console,2027-10-01T00:00:00Z,2027-10-01T01:00:00Z\n').ok).toBe(true);
  });

  it('reports a reason above the length limit', () => {
    const result = failed(
      parseMonitoringCsv(enterprise, `service,start,end,reason\ncore-api,2027-10-01T00:00:00Z,2027-10-01T01:00:00Z,${'x'.repeat(5_001)}\n`),
    );
    expect(result.errors).toMatchObject([{ line: 2, column: 'reason', key: 'monitoring.csv.tooLong', params: { max: 5_000 } }]);
  });
});

describe('headers', () => {
  const firstError = (text: string) => failed(parseMonitoringCsv(enterprise, text)).errors;

  it('refuses an empty file', () => {
    expect(firstError('')).toMatchObject([{ line: null, key: 'monitoring.csv.empty' }]);
    expect(firstError('\uFEFF\r\n\r\n')).toMatchObject([{ key: 'monitoring.csv.empty' }]);
  });

  it('refuses a header that is neither form, and reads no further', () => {
    const errors = firstError('name,value\na,1\nb,2\n');
    expect(errors).toEqual([{ line: 1, column: null, key: 'monitoring.csv.unknownHeader', params: { line: 1, found: 'name,value' } }]);
  });

  it('names unknown, duplicate and missing columns', () => {
    expect(firstError('service,start,finish\n').map((error) => [error.key, error.column, error.params.found])).toEqual([
      ['monitoring.csv.unknownIncidentColumn', null, 'finish'],
      ['monitoring.csv.missingIncidentColumn', 'end', undefined],
    ]);
    expect(firstError('timestamp,service,up,up\n').map((error) => [error.key, error.column])).toEqual([['monitoring.csv.duplicateColumn', 'up']]);
    expect(firstError('timestamp,up,latency_ms\n').map((error) => [error.key, error.column])).toEqual([['monitoring.csv.missingProbeColumn', 'service']]);
  });

  it('reports an unclosed quote once and stops', () => {
    const errors = firstError('service,start,end,reason\ncore-api,2027-10-01T00:00:00Z,2027-10-01T01:00:00Z,"never closed\n'.concat('x,y,z\n'.repeat(5)));
    expect(errors).toMatchObject([{ line: 2, key: 'monitoring.csv.unterminatedQuote' }]);
  });
});

describe('probe sample files', () => {
  it('aggregates samples per service and month without keeping rows', () => {
    const result = succeeded(parseMonitoringCsv(enterprise, enterpriseProbes));
    expect(result.form).toBe('probes');
    expect(result.rows).toBe(20);
    const months = result.data.probes!.months;
    // Two aggregates: every sample by UTC month, and the samples inside business hours
    // (Tuesday 5 October 2027, 12:00–12:19 UTC = 08:00–08:19 in New York, within 08:00–20:00).
    expect(months.map((month) => [month.serviceId, month.scope, month.month, month.samples, month.upSamples])).toEqual([
      ['core-api', '24x7', '2027-10', 20, 20],
      ['core-api', 'businessHours', '2027-10', 20, 20],
    ]);
    const latency = months[0]!.latency;
    // Sorted: 110 120 130 145 150 160 175 180 199 205 220 230 240 260 280 290 300 310 320 950.
    // Nearest rank: p95 → ⌈0.95 × 20⌉ = 19th = 320; p99 → ⌈19.8⌉ = 20th = 950; p50 → 10th = 205.
    expect(nearestRankPercentile(latency, 95)).toBe(320);
    expect(nearestRankPercentile(latency, 99)).toBe(950);
    expect(nearestRankPercentile(latency, 50)).toBe(205);
    expect(result.data.incidents).toBeNull();
  });

  it('classifies business hours in the business hours time zone', () => {
    // New York business hours Mon–Fri 08:00–20:00; 11 Oct 2027 (Columbus Day) is a holiday in the preset.
    const text = [
      'timestamp,service,up',
      '2027-10-05T11:59:00Z,core-api,1', // Tue 07:59 EDT: before opening
      '2027-10-05T12:00:00Z,core-api,0', // Tue 08:00 EDT: open
      '2027-10-05T23:59:00Z,core-api,1', // Tue 19:59 EDT: open
      '2027-10-06T00:00:00Z,core-api,1', // Tue 20:00 EDT: closed
      '2027-10-09T15:00:00Z,core-api,1', // Saturday
      '2027-10-11T15:00:00Z,core-api,1', // the holiday
      '2027-11-01T03:30:00Z,core-api,0', // Sun 31 Oct 23:30 EDT: UTC November, New York October, closed
    ].join('\n');
    const months = succeeded(parseMonitoringCsv(enterprise, text)).data.probes!.months;
    expect(months.map((month) => [month.scope, month.month, month.samples, month.upSamples])).toEqual([
      ['24x7', '2027-10', 6, 5],
      ['24x7', '2027-11', 1, 0],
      ['businessHours', '2027-10', 2, 1],
    ]);
  });

  it('rounds fractional latencies up to whole milliseconds and allows an empty latency', () => {
    const text = 'timestamp,service,up,latency_ms\n2027-10-05T12:00:00Z,core-api,TRUE,300.2\n2027-10-05T12:01:00Z,core-api,false,\n';
    const month = succeeded(parseMonitoringCsv(enterprise, text)).data.probes!.months[0]!;
    expect(month.latency).toEqual([[301, 1]]);
    expect([month.samples, month.upSamples]).toEqual([2, 1]);
  });

  it('reports bad samples by line and column', () => {
    const text = [
      'timestamp,service,up,latency_ms',
      '2027-10-05T12:00:00Z,core-api,yes,120',
      '2027-10-05T12:01:00Z,core-api,1,-5',
      '2027-10-05T12:02:00Z,core-api,1,fast',
      '2027-10-05 12:03:00,core-api,1,100',
      '2027-10-05T12:04:00Z,,1,100',
    ].join('\r\n');
    const result = failed(parseMonitoringCsv(enterprise, text));
    expect(result.errors.map(({ line, column, key }) => [line, column, key])).toEqual([
      [2, 'up', 'monitoring.csv.up'],
      [3, 'latency_ms', 'monitoring.csv.negativeLatency'],
      [4, 'latency_ms', 'monitoring.csv.latency'],
      [5, 'timestamp', 'monitoring.csv.missingOffset'],
      [6, 'service', 'monitoring.csv.required'],
    ]);
    expect(messages(result)[1]).toBe('Line 3, column latency_ms: the latency -5 is negative.');
  });

  it('refuses a latency longer than a day instead of reporting it as hundreds of digits', () => {
    const text = [
      'timestamp,service,up,latency_ms',
      '2027-10-05T12:00:00Z,core-api,1,1.7e308',
      '2027-10-05T12:01:00Z,core-api,1,1.8e308',
      '2027-10-05T12:02:00Z,core-api,1,180000000',
      '2027-10-05T12:03:00Z,core-api,1,86400000',
    ].join('\n');
    const result = failed(parseMonitoringCsv(enterprise, text));
    expect(result.errors.map(({ line, column, key }) => [line, column, key])).toEqual([
      [2, 'latency_ms', 'monitoring.csv.latencyTooLarge'],
      [3, 'latency_ms', 'monitoring.csv.latencyTooLarge'],
      [4, 'latency_ms', 'monitoring.csv.latencyTooLarge'],
    ]);
    expect(messages(result)[0]).toBe('Line 2, column latency_ms: the latency 1.7e308 is longer than a day (86400000 ms); latency_ms is in milliseconds.');
  });

  it('gives the same aggregates whether the file comes in one piece or many', () => {
    const whole = parseMonitoringCsv(enterprise, enterpriseProbes);
    const importer = createMonitoringCsvImporter(enterprise);
    for (let index = 0; index < enterpriseProbes.length; index += 7) importer.push(enterpriseProbes.slice(index, index + 7));
    expect(importer.end()).toEqual(whole);
  });
});
