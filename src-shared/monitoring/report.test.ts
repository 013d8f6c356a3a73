/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import enterpriseJson from '../../templates/presets/enterprise.sla.json';
import { blankDraft } from '../model/defaults';
import { localized } from '../model/localized';
import { slaDraftSchema, type SlaDraft } from '../model/schema';
import { combineMonitoringData, withPeriod, type MonitoringData } from './data';
import { parseMonitoringCsv } from './importer';
import {
  attainmentHistory,
  claimDeadline,
  computeMonthlyReport,
  contractMeasuresByProbes,
  termMonths,
  type MetricMonthReport,
  type MonthlyReport,
} from './report';
import enterpriseIncidents from './fixtures/enterprise-october-incidents.csv?raw';
import enterpriseProbes from './fixtures/enterprise-october-probes.csv?raw';

const enterprise = slaDraftSchema.parse(enterpriseJson);

function imported(draft: SlaDraft, text: string): MonitoringData {
  const result = parseMonitoringCsv(draft, text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

function row(report: MonthlyReport, metricId: string): MetricMonthReport {
  const found = report.services.flatMap((service) => service.metrics).find((metric) => metric.metricId === metricId);
  if (!found) throw new Error(`no row for ${metricId}`);
  return found;
}

describe('the enterprise preset, October 2027', () => {
  const data = combineMonitoringData(imported(enterprise, enterpriseIncidents), imported(enterprise, enterpriseProbes));
  const report = computeMonthlyReport(enterprise, data, '2027-10');

  it('measures Core API availability from the incidents: overlaps once, maintenance excluded', () => {
    // October 2027 in UTC: 31 × 1,440 = 44,640 minutes.
    // Incidents: 12 Oct 14:00–15:10 (70) and 15:00–15:30 overlapping by 10 → 14:00–15:30 = 90;
    // maintenance 17 Oct 06:00–08:00Z (02:00–04:00 EDT, excluded, 120) with an outage
    // 07:30–08:15 of which 30 minutes fall in the maintenance → 15 counted;
    // 26 Oct 09:00–11:30 = 150. Downtime 90 + 15 + 150 = 255 minutes.
    // excludeFromMeasuredPeriod is true: measured = 44,640 − 120 = 44,520.
    // Attainment = (44,520 − 255) ÷ 44,520 = 99.4272237197 %.
    const core = row(report, 'core-api-availability');
    expect(core).toMatchObject({
      status: 'measured',
      source: 'incidents',
      timeZone: 'UTC',
      from: '2027-10-01T00:00:00.000Z',
      to: '2027-11-01T00:00:00.000Z',
      coveredMinutes: 44_640,
      excludedMinutes: 120,
      measuredMinutes: 44_520,
      downtimeMinutes: 255,
      attainment: 99.4272237197,
      objective: 99.95,
      met: false,
    });
    // 0.05 % of 44,520 minutes = 22.26 minutes allowed.
    expect(core.allowedDowntimeMinutes).toBeCloseTo(22.26, 9);
    expect(core.downtimePeriods).toEqual([
      { from: '2027-10-12T14:00:00.000Z', to: '2027-10-12T15:30:00.000Z', minutes: 90 },
      { from: '2027-10-17T08:00:00.000Z', to: '2027-10-17T08:15:00.000Z', minutes: 15 },
      { from: '2027-10-26T09:00:00.000Z', to: '2027-10-26T11:30:00.000Z', minutes: 150 },
    ]);
    // Each incident's share of the downtime adds up to the 255 minutes; the overlap goes to the earlier incident.
    expect(core.incidents.map((incident) => [incident.line, incident.excluded, incident.minutes, incident.downtimeMinutes])).toEqual([
      [2, false, 70, 70],
      [3, false, 30, 20],
      [4, true, 120, 0],
      [5, false, 45, 15],
      [6, false, 150, 150],
    ]);
  });

  it('finds the credit tier and amount for each metric', () => {
    // 99.427 % is below 99.9 and below 99.5 but not below 99: the 25 % tier, USD 21,250.00 of 85,000.
    expect(row(report, 'core-api-availability').credit).toEqual({
      tierId: 'tier-core-availability-3',
      threshold: 99.5,
      creditPercent: 25,
      cappedPercent: 25,
      amount: 21_250,
      added: true,
      appliedInstead: null,
    });
    // p95 of the 20 samples is the 19th smallest, 320 ms: above 300 → 5 %, not above 600.
    expect(row(report, 'core-api-latency-p95')).toMatchObject({ status: 'measured', source: 'probes', attainment: 320, met: false, samples: 20 });
    expect(row(report, 'core-api-latency-p95').credit).toMatchObject({ tierId: 'tier-core-latency-1', creditPercent: 5, amount: 4_250 });
    // p99 is the 20th, 950 ms: above the 800 ms objective, but the preset has no p99 tiers.
    expect(row(report, 'core-api-latency-p99')).toMatchObject({ attainment: 950, met: false, credit: { tierId: null, creditPercent: 0, amount: 0 } });
  });

  it('clips incidents that cross the month boundaries', () => {
    // 30 Sep 23:30 – 1 Oct 00:20 gives October 20 minutes; 31 Oct 23:00 – 1 Nov 01:00 gives 60.
    // Attainment = (44,640 − 80) ÷ 44,640 = 99.8207885305 % → below 99.95, not below 99.5: 5 %.
    const console = row(report, 'web-console-availability');
    expect(console).toMatchObject({ downtimeMinutes: 80, measuredMinutes: 44_640, attainment: 99.8207885305, met: false });
    expect(console.incidents.map((incident) => [incident.from, incident.to, incident.minutes])).toEqual([
      ['2027-10-01T00:00:00.000Z', '2027-10-01T00:20:00.000Z', 20],
      ['2027-10-31T23:00:00.000Z', '2027-11-01T00:00:00.000Z', 60],
    ]);
    expect(console.credit).toMatchObject({ tierId: 'tier-console-availability-1', creditPercent: 5, amount: 4_250 });
  });

  it('does not count a nested incident again', () => {
    // 20 Oct 02:00–07:00 (300) contains 03:00–04:00. Attainment = 44,340 ÷ 44,640 = 99.3279569892 % → below 99.5: 10 %.
    const exportRow = row(report, 'data-export-availability');
    expect(exportRow).toMatchObject({ downtimeMinutes: 300, attainment: 99.3279569892 });
    expect(exportRow.incidents.map((incident) => incident.downtimeMinutes)).toEqual([300, 0]);
    expect(exportRow.credit).toMatchObject({ creditPercent: 10, amount: 8_500 });
  });

  it('adds one credit per service — the highest — and caps the month at 30 % of the fee', () => {
    // Core API: availability 25 % and p95 latency 5 % — the same outages; only the 25 % applies.
    // Then 25 (Core API) + 5 (Web Console) + 10 (Data Export) = 40 % before the cap, not 45 %;
    // the cap of 30 % makes it USD 25,500.00.
    expect(report.credit).toEqual({ totalPercent: 40, cappedPercent: 30, capped: true, amount: 25_500 });
    expect(row(report, 'core-api-latency-p95').credit).toMatchObject({
      creditPercent: 5,
      added: false,
      appliedInstead: { metricId: 'core-api-availability', creditPercent: 25 },
    });
    expect(report.creditsNotAdded).toEqual([
      { serviceId: 'core-api', metricId: 'core-api-latency-p95', creditPercent: 5, appliedMetricId: 'core-api-availability', appliedPercent: 25 },
    ]);
    // A metric without a tier reached adds nothing and displaces nothing.
    expect(row(report, 'core-api-latency-p99').credit).toMatchObject({ creditPercent: 0, added: false, appliedInstead: null });
    expect(report.currency).toBe('USD');
    expect(report.anyMissed).toBe(true);
  });

  it('sets the claim deadline 60 days after the end of October', () => {
    // 31 October + 60 days: 30 in November, 30 in December → 30 December 2027.
    expect(report.claimDeadline).toBe('2027-12-30');
    expect(report.claimWindowDays).toBe(60);
  });

  it('says which metrics the files cannot measure and which have no data', () => {
    expect(row(report, 'core-api-error-rate').status).toBe('notMeasured');
    expect(row(report, 'support-response').status).toBe('notMeasured');
    expect(row(report, 'data-export-on-time').status).toBe('notMeasured');
    // The web console has a latency target but no samples this month.
    expect(row(report, 'web-console-latency-p95')).toMatchObject({ status: 'noData', attainment: null, met: null, credit: null });
    expect(report.services.map((service) => service.serviceId)).toEqual(['core-api', 'web-console', 'data-export', 'enterprise-support']);
  });

  it('is reproduced from the stored data alone (plain JSON, as the database keeps it)', () => {
    const stored: MonitoringData = JSON.parse(JSON.stringify(data)) as MonitoringData;
    expect(computeMonthlyReport(enterprise, stored, '2027-10')).toEqual(report);
  });

  it('charts the last three months', () => {
    const history = attainmentHistory(enterprise, data, '2027-10', 3);
    expect(history.months).toEqual(['2027-08', '2027-09', '2027-10']);
    const console = history.series.find((series) => series.metricId === 'web-console-availability')!;
    // August: the files cover September to November only → no data, not 100 %.
    // September: 30 Sep 23:30–24:00 = 30 of 43,200 minutes → 99.9305555556 %, below 99.95: missed, 5 %.
    expect(console.points).toEqual([
      { month: '2027-08', attainment: null, met: null, creditPercent: null },
      { month: '2027-09', attainment: 99.9305555556, met: false, creditPercent: 5 },
      { month: '2027-10', attainment: 99.8207885305, met: false, creditPercent: 5 },
    ]);
    const latency = history.series.find((series) => series.metricId === 'core-api-latency-p95')!;
    expect(latency.points.map((point) => point.attainment)).toEqual([null, null, 320]);
    expect(latency.objective).toBe(300);
    // Only the metrics monitoring files measure are charted.
    expect(history.series.map((series) => series.kind).every((kind) => kind === 'availability' || kind === 'latency')).toBe(true);
  });
});

/** A one-service draft with a 24×7 and a business-hours availability target. */
function businessHoursDraft(): SlaDraft {
  const draft = blankDraft({ title: 'Business hours SLA', effectiveDate: '2026-01-01' });
  draft.expectations.businessHours = { timeZone: 'America/New_York', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '20:00', holidays: [] };
  draft.services[0]!.metrics.push({ ...draft.services[0]!.metrics[0]!, id: 'svc-1-business-availability' });
  draft.targets.objectives.push({ id: 'obj-2', metricId: 'svc-1-business-availability', objective: 99.5, coverage: 'businessHours' });
  draft.compensation.monthlyFee = 10_000;
  return draft;
}

describe('splitting between months', () => {
  const draft = businessHoursDraft();
  // Friday 30 Oct 2026 18:00 EDT (22:00Z) to Monday 2 Nov 10:00 EST (15:00Z); New York leaves DST on Sunday 1 November.
  const data = imported(draft, 'service,start,end\nsvc-1,2026-10-30T18:00:00-04:00,2026-11-02T10:00:00-05:00\n');

  it('splits a 24×7 target at the UTC month boundary', () => {
    // October: 30 Oct 22:00Z – 1 Nov 00:00Z = 26 h = 1,560 minutes; November: 1 Nov 00:00Z – 2 Nov 15:00Z = 39 h = 2,340.
    // Together 3,900 = the whole 65-hour incident.
    expect(row(computeMonthlyReport(draft, data, '2026-10'), 'svc-1-availability').downtimeMinutes).toBe(1_560);
    expect(row(computeMonthlyReport(draft, data, '2026-11'), 'svc-1-availability').downtimeMinutes).toBe(2_340);
  });

  it('splits a business-hours target at local midnight and counts only business hours, across the DST change', () => {
    // October in New York: Fri 30 Oct 18:00–20:00 EDT = 120 minutes (31 Oct is a Saturday).
    // 22 weekdays × 720 = 15,840 covered minutes; attainment (15,840 − 120) ÷ 15,840 = 99.2424242424 %.
    const october = row(computeMonthlyReport(draft, data, '2026-10'), 'svc-1-business-availability');
    expect(october).toMatchObject({
      timeZone: 'America/New_York',
      from: '2026-10-01T04:00:00.000Z',
      to: '2026-11-01T04:00:00.000Z',
      coveredMinutes: 15_840,
      downtimeMinutes: 120,
      attainment: 99.2424242424,
    });
    // November (from 1 Nov 04:00Z, EDT midnight, to 1 Dec 05:00Z, EST midnight): Sunday 1 Nov is the
    // DST change but no business day; Mon 2 Nov 08:00–10:00 EST = 120 minutes.
    // 21 weekdays × 720 = 15,120; attainment (15,120 − 120) ÷ 15,120 = 99.2063492063 %.
    const november = row(computeMonthlyReport(draft, data, '2026-11'), 'svc-1-business-availability');
    expect(november).toMatchObject({
      from: '2026-11-01T04:00:00.000Z',
      to: '2026-12-01T05:00:00.000Z',
      coveredMinutes: 15_120,
      downtimeMinutes: 120,
      attainment: 99.2063492063,
    });
    // The incident as listed is clipped to the report month, with its covered minutes.
    expect(november.incidents).toMatchObject([{ from: '2026-11-01T04:00:00.000Z', to: '2026-11-02T15:00:00.000Z', minutes: 120, downtimeMinutes: 120 }]);
  });

  it('counts real minutes when the clocks go forward inside business hours', () => {
    // London, 00:00–12:00 daily. 29 March 2026 00:00Z–03:00Z: clocks jump from 01:00 GMT to 02:00 BST,
    // the wall clock shows 00:00–04:00, but the outage lasted 180 minutes and all of them are covered.
    const london = businessHoursDraft();
    london.expectations.businessHours = {
      timeZone: 'Europe/London',
      days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
      start: '00:00',
      end: '12:00',
      holidays: [],
    };
    const outage = imported(london, 'service,start,end\nsvc-1,2026-03-29T00:00:00Z,2026-03-29T03:00:00Z\n');
    // March: 31 × 720 − 60 (the short day) = 22,260 covered minutes.
    expect(row(computeMonthlyReport(london, outage, '2026-03'), 'svc-1-business-availability')).toMatchObject({ coveredMinutes: 22_260, downtimeMinutes: 180 });
  });
});

describe('a business-hours calendar with holidays and extra working days (调休)', () => {
  it('counts a worked Saturday as business hours and the National Day holidays as none', () => {
    const draft = businessHoursDraft();
    draft.expectations.businessHours = {
      timeZone: 'Asia/Shanghai',
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      start: '09:00',
      end: '18:00',
      holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
      workingDays: ['2026-10-10'],
    };
    // Down on the worked Saturday 10 October 10:00–11:00, on an ordinary Saturday and on a holiday Monday.
    const data = imported(
      draft,
      'service,start,end\nsvc-1,2026-10-10T10:00:00+08:00,2026-10-10T11:00:00+08:00\nsvc-1,2026-10-17T10:00:00+08:00,2026-10-17T11:00:00+08:00\nsvc-1,2026-10-05T10:00:00+08:00,2026-10-05T11:00:00+08:00\n',
    );
    // October 2026: 22 weekdays − 5 holidays (1, 2, 5, 6, 7 October) + 1 worked Saturday = 18 days × 540 = 9,720 minutes.
    // Only the worked Saturday's hour counts: (9,720 − 60) ÷ 9,720 = 99.3827160494 %.
    expect(row(computeMonthlyReport(draft, data, '2026-10'), 'svc-1-business-availability')).toMatchObject({
      coveredMinutes: 9_720,
      downtimeMinutes: 60,
      attainment: 99.3827160494,
    });
  });
});

describe('excluded time', () => {
  // October 2026, 24×7: 44,640 minutes. Down 10:00–11:00 (60); excluded 10:30–12:30 (120), overlapping 30.
  const csv = 'service,start,end,excluded\nsvc-1,2026-10-07T10:00:00Z,2026-10-07T11:00:00Z,no\nsvc-1,2026-10-07T10:30:00Z,2026-10-07T12:30:00Z,yes\n';

  it('is removed from the downtime and, when the draft says so, from the measured period', () => {
    const draft = blankDraft({ title: 'Exclusions', effectiveDate: '2026-01-01' });
    draft.monitoring.excludeFromMeasuredPeriod = true;
    // Downtime 60 − 30 = 30; measured 44,640 − 120 = 44,520; attainment 44,490 ÷ 44,520 = 99.9326145553 %.
    expect(row(computeMonthlyReport(draft, imported(draft, csv), '2026-10'), 'svc-1-availability')).toMatchObject({
      downtimeMinutes: 30,
      excludedMinutes: 120,
      measuredMinutes: 44_520,
      attainment: 99.9326145553,
    });
  });

  it('stays in the measured period otherwise', () => {
    const draft = blankDraft({ title: 'Exclusions', effectiveDate: '2026-01-01' });
    draft.monitoring.excludeFromMeasuredPeriod = false;
    // Downtime 30; measured 44,640; attainment 44,610 ÷ 44,640 = 99.9327956989 %.
    expect(row(computeMonthlyReport(draft, imported(draft, csv), '2026-10'), 'svc-1-availability')).toMatchObject({
      downtimeMinutes: 30,
      excludedMinutes: 120,
      measuredMinutes: 44_640,
      attainment: 99.9327956989,
    });
  });
});

describe('attainment at a tier boundary', () => {
  it('is exact: 22.32 minutes of 44,640 is 99.95 %, not "below 99.95 %"', () => {
    const draft = blankDraft({ title: 'Boundary', effectiveDate: '2026-01-01' });
    draft.targets.objectives[0]!.objective = 99.95;
    draft.compensation.creditTiers = [{ id: 'tier-1', metricId: 'svc-1-availability', threshold: 99.95, creditPercent: 10 }];
    draft.compensation.monthlyFee = 1_000;
    // 22.32 minutes = 22 min 19.2 s; in binary floating point (44,640 − 22.32) ÷ 44,640 × 100 is 99.94999999999999.
    const data = imported(draft, 'service,start,end\nsvc-1,2026-10-07T10:00:00Z,2026-10-07T10:22:19.200Z\n');
    const availability = row(computeMonthlyReport(draft, data, '2026-10'), 'svc-1-availability');
    expect(availability).toMatchObject({ attainment: 99.95, met: true, credit: { tierId: null, amount: 0 } });
  });
});

describe('availability from probe samples', () => {
  const draft = blankDraft({ title: 'Probes', effectiveDate: '2026-01-01' });
  draft.compensation.monthlyFee = 12_500;
  const samples = (up: number, down: number) =>
    imported(
      draft,
      [
        'timestamp,service,up',
        ...Array.from({ length: up + down }, (_, index) => `2026-10-05T00:00:${String(index % 60).padStart(2, '0')}Z,svc-1,${index < up ? 1 : 0}`),
      ].join('\n'),
    );

  it('is up samples ÷ samples, with the downtime as that share of the month', () => {
    // 999 of 1,000 up: 99.9 %, exactly the 99.9 % objective → met, and "below 99.9 %" is not reached.
    const met = row(computeMonthlyReport(draft, samples(999, 1), '2026-10'), 'svc-1-availability');
    expect(met).toMatchObject({ source: 'probes', samples: 1_000, attainment: 99.9, met: true, credit: { creditPercent: 0 } });
    // 0.1 % of 44,640 minutes = 44.64 minutes.
    expect(met.downtimeMinutes).toBeCloseTo(44.64, 9);
    // 998 of 1,000: 99.8 % → below 99.9 → 10 % of USD 12,500 = 1,250.
    expect(row(computeMonthlyReport(draft, samples(998, 2), '2026-10'), 'svc-1-availability')).toMatchObject({
      attainment: 99.8,
      met: false,
      credit: { tierId: 'tier-1', creditPercent: 10, amount: 1_250 },
    });
  });

  it('adds up samples from several imports', () => {
    // 999/1,000 and 997/1,000 up → 1,996 of 2,000 = 99.8 %.
    const both = combineMonitoringData(samples(999, 1), samples(997, 3));
    expect(row(computeMonthlyReport(draft, both, '2026-10'), 'svc-1-availability')).toMatchObject({ samples: 2_000, attainment: 99.8 });
  });

  it('gives way to an incidents file, which lists every minute down in the period it covers', () => {
    // A file without incidents covers no month unless a period is stated for it.
    const noIncidents = imported(draft, 'service,start,end\n');
    expect(row(computeMonthlyReport(draft, combineMonitoringData(samples(998, 2), noIncidents), '2026-10'), 'svc-1-availability')).toMatchObject({
      source: 'probes',
      attainment: 99.8,
    });
    const withIncidents = combineMonitoringData(samples(998, 2), withPeriod(noIncidents, { from: '2026-10', to: '2026-10' }));
    expect(row(computeMonthlyReport(draft, withIncidents, '2026-10'), 'svc-1-availability')).toMatchObject({ source: 'incidents', attainment: 100 });
  });

  it('warns instead of using business-hours samples classified by other business hours', () => {
    const bh = businessHoursDraft();
    const data = imported(bh, 'timestamp,service,up\n2026-10-05T14:00:00Z,svc-1,0\n');
    const changed = structuredClone(bh);
    changed.expectations.businessHours.start = '09:00';
    const report = computeMonthlyReport(changed, data, '2026-10');
    expect(row(report, 'svc-1-business-availability').status).toBe('noData');
    expect(row(report, 'svc-1-availability').status).toBe('measured');
    expect(report.warnings).toEqual([{ key: 'monitoring.report.businessHoursChanged', params: {} }]);
  });
});

describe('claimDeadline', () => {
  it('counts calendar days from the last day of the month', () => {
    expect(claimDeadline('2027-10', 60)).toBe('2027-12-30');
    // February 2028 has 29 days: 29 Feb + 30 = 30 March.
    expect(claimDeadline('2028-02', 30)).toBe('2028-03-30');
    expect(claimDeadline('2026-12', 1)).toBe('2027-01-01');
  });
});

describe('what the data shows, and nothing more', () => {
  const data = combineMonitoringData(imported(enterprise, enterpriseIncidents), imported(enterprise, enterpriseProbes));

  it('reports a month before the effective date as no data, not as met', () => {
    // The enterprise preset takes effect on 1 January 2027, for 36 months.
    expect(termMonths(enterprise)).toEqual({ from: '2027-01', to: '2029-12' });
    const june = computeMonthlyReport(enterprise, data, '2026-06');
    expect(june.monthStatus).toBe('beforeTerm');
    const rows = june.services.flatMap((service) => service.metrics);
    expect(rows.filter((entry) => entry.kind === 'availability').map((entry) => [entry.status, entry.attainment, entry.met])).toEqual([
      ['noData', null, null],
      ['noData', null, null],
      ['noData', null, null],
    ]);
    expect(rows.every((entry) => entry.credit === null)).toBe(true);
    expect(june.credit).toMatchObject({ totalPercent: 0, amount: 0 });
    expect(june.anyMissed).toBe(false);
  });

  it('reports a month of the term that no file covers as no data', () => {
    // The incidents file spans September to November 2027 (its rows touch those months); the probes file October.
    const june = computeMonthlyReport(enterprise, data, '2027-06');
    expect(june.monthStatus).toBe('noData');
    expect(june.dataPeriods).toEqual([{ from: '2027-09', to: '2027-11' }]);
    expect(row(june, 'core-api-availability')).toMatchObject({ status: 'noData', attainment: null, met: null });
    // November is covered by the incidents file: Core API had no incident → 100 %.
    const november = computeMonthlyReport(enterprise, data, '2027-11');
    expect(november.monthStatus).toBe('reported');
    expect(row(november, 'core-api-availability')).toMatchObject({ status: 'measured', attainment: 100, met: true });
    // The probes cover October only: no latency in November.
    expect(row(november, 'core-api-latency-p95').status).toBe('noData');
  });

  it('lets a stated period speak for months without rows', () => {
    const stated = withPeriod(imported(enterprise, enterpriseIncidents), { from: '2027-06', to: '2027-11' });
    expect(row(computeMonthlyReport(enterprise, stated, '2027-06'), 'core-api-availability')).toMatchObject({ status: 'measured', attainment: 100 });
    // And a shorter one leaves the other months without data.
    const october = withPeriod(imported(enterprise, enterpriseIncidents), { from: '2027-10', to: '2027-10' });
    expect(computeMonthlyReport(enterprise, october, '2027-11').monthStatus).toBe('noData');
  });

  it('shows a support metric’s targets from the severity table', () => {
    const report = computeMonthlyReport(enterprise, data, '2027-10');
    expect(row(report, 'support-response').severityTargets).toEqual([
      { level: 'P1', minutes: 15, coverage: '24x7' },
      { level: 'P2', minutes: 60, coverage: '24x7' },
      { level: 'P3', minutes: 240, coverage: 'businessHours' },
      { level: 'P4', minutes: 720, coverage: 'businessHours' },
    ]);
    expect(row(report, 'support-resolution').severityTargets?.map((target) => target.minutes)).toEqual([240, 480, 3600, 7200]);
    expect(row(report, 'core-api-availability').severityTargets).toBeNull();
  });

  it('states the share of each level’s incidents that must meet a support metric’s times, when the contract states one', () => {
    // The enterprise preset states 95 %: the row carries it beside the times, for the parties to check the month's tickets against.
    expect(enterprise.targets.supportAttainmentPercent).toBe(95);
    const report = computeMonthlyReport(enterprise, data, '2027-10');
    expect(row(report, 'support-response')).toMatchObject({ severityAttainmentPercent: 95, status: 'notMeasured', met: null });
    expect(row(report, 'support-resolution').severityAttainmentPercent).toBe(95);
    expect(row(report, 'core-api-availability').severityAttainmentPercent).toBeNull();
    // Without it every incident must meet the times.
    const { supportAttainmentPercent: _stated, ...targets } = enterprise.targets;
    const everyIncident = computeMonthlyReport({ ...enterprise, targets }, data, '2027-10');
    expect(row(everyIncident, 'support-response').severityAttainmentPercent).toBeNull();
  });

  it('flags a metric measured from probe samples where the contract measures it otherwise', () => {
    const report = computeMonthlyReport(enterprise, data, '2027-10');
    // p95 latency: the contract measures all Core API requests at the gateway; the report has 20 probe samples.
    expect(row(report, 'core-api-latency-p95')).toMatchObject({
      source: 'probes',
      samples: 20,
      sourceDiffers: true,
      contractSource: { en: 'Provider API gateway request logs' },
    });
    // Availability from the incidents file: an incident list stands for any source.
    expect(row(report, 'core-api-availability').sourceDiffers).toBe(false);
    expect(contractMeasuresByProbes({ dataSource: localized('External synthetic probes and export service logs'), measurementMethod: localized('') })).toBe(
      true,
    );
    expect(contractMeasuresByProbes({ dataSource: localized('', '外部拨测'), measurementMethod: localized('') })).toBe(true);
    expect(
      contractMeasuresByProbes({ dataSource: localized('Provider API gateway request logs'), measurementMethod: localized('measured at the API gateway') }),
    ).toBe(false);
  });

  it('counts the months missed in a row and within twelve against the chronic-failure rule', () => {
    // The preset: a Chronic Failure after 2 consecutive months, or 3 within twelve.
    const report = computeMonthlyReport(enterprise, data, '2027-10');
    expect(report.chronicFailure).toEqual({ consecutiveMonths: 2, monthsInTwelve: 3 });
    // Web Console: missed in September (99.93 %) and October (99.82 %) → 2 in a row: a Chronic Failure.
    expect(row(report, 'web-console-availability').chronic).toEqual({ consecutiveMissed: 2, missedInTwelve: 2, chronicFailure: true });
    // Core API: September was covered and met (no incident), October missed.
    expect(row(report, 'core-api-availability').chronic).toEqual({ consecutiveMissed: 1, missedInTwelve: 1, chronicFailure: false });
    // November: the CDN outage's 1 Nov 00:00–01:00 = 60 of 43,200 minutes → 99.8611 %, missed a third time.
    const november = computeMonthlyReport(enterprise, data, '2027-11');
    expect(row(november, 'web-console-availability').chronic).toEqual({ consecutiveMissed: 3, missedInTwelve: 3, chronicFailure: true });
    // Metrics the files cannot measure have no count.
    expect(row(report, 'support-response').chronic).toBeNull();
    // Without the rule, no counts.
    const withoutRule = structuredClone(enterprise);
    withoutRule.compensation.chronicFailure.enabled = false;
    const plain = computeMonthlyReport(withoutRule, data, '2027-10');
    expect(plain.chronicFailure).toBeNull();
    expect(row(plain, 'web-console-availability').chronic).toBeNull();
  });
});
