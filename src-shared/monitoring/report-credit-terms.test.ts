/// <reference types="vite/client" />
/**
 * The monthly report reads the credit terms as the contract states them:
 * a Chronic Failure counts only the Service Levels that carry Service
 * Credits, RPO and RTO are never averaged over a month, a credit is a share
 * of the affected service's fee where the fee is split, and an outage
 * shorter than the minimum outage is not Downtime.
 */
import { describe, expect, it } from 'vitest';
import { enterpriseWithServiceFees, preset } from '../contract/fixtures';
import type { SlaDraft } from '../model/schema';
import { combineMonitoringData, type MonitoringData } from './data';
import { parseMonitoringCsv } from './importer';
import { computeMonthlyReport, type MetricMonthReport, type MonthlyReport } from './report';
import { buildReportDocument } from './report-document';
import enterpriseIncidents from './fixtures/enterprise-october-incidents.csv?raw';
import enterpriseProbes from './fixtures/enterprise-october-probes.csv?raw';

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

const enterprise = preset('enterprise');
const octoberData = (draft: SlaDraft) => combineMonitoringData(imported(draft, enterpriseIncidents), imported(draft, enterpriseProbes));

describe('chronic failure in the report counts only credit-bearing Service Levels', () => {
  it('counts a missed target with credit tiers, and not one without', () => {
    // The preset: Chronic Failure after 2 months in a row. The Web Console missed September and October.
    expect(row(computeMonthlyReport(enterprise, octoberData(enterprise), '2027-10'), 'web-console-availability').chronic).toEqual({
      consecutiveMissed: 2,
      missedInTwelve: 2,
      chronicFailure: true,
    });
    // The same misses, but the Web Console's availability carries no credit: no count, as the contract says.
    const uncredited = structuredClone(enterprise);
    uncredited.compensation.creditTiers = uncredited.compensation.creditTiers.filter((tier) => tier.metricId !== 'web-console-availability');
    const report = computeMonthlyReport(uncredited, octoberData(uncredited), '2027-10');
    expect(row(report, 'web-console-availability').met).toBe(false);
    expect(row(report, 'web-console-availability').chronic).toBeNull();
    // The Core API's availability still carries credits and is counted.
    expect(row(report, 'core-api-availability').chronic).toEqual({ consecutiveMissed: 1, missedInTwelve: 1, chronicFailure: false });
    // The Web Console's p95 latency has a target but no credit tiers in the preset: never counted.
    expect(row(report, 'web-console-latency-p95').chronic).toBeNull();
  });

  it('counts every committed target in a draft without any credit tiers, as the contract then does', () => {
    const noCredits = structuredClone(enterprise);
    noCredits.compensation.creditTiers = [];
    const report = computeMonthlyReport(noCredits, octoberData(noCredits), '2027-10');
    expect(row(report, 'web-console-availability').chronic).toMatchObject({ consecutiveMissed: 2, chronicFailure: true });
  });

  it('never averages RPO or RTO over a month: each is reported as not measured, with no chronic count', () => {
    const withRpoCredit = structuredClone(enterprise);
    withRpoCredit.compensation.creditTiers.push({ id: 'rpo-1', metricId: 'core-api-rpo', threshold: 30, creditPercent: 10 });
    const report = computeMonthlyReport(withRpoCredit, octoberData(withRpoCredit), '2027-10');
    for (const metricId of ['core-api-rpo', 'core-api-rto']) {
      expect(row(report, metricId)).toMatchObject({ status: 'notMeasured', attainment: null, met: null, credit: null, chronic: null });
    }
  });
});

describe('a fee split by service in the report', () => {
  it('computes each service’s credit on its own fee and the month’s on their sum', () => {
    const split = enterpriseWithServiceFees();
    const report = computeMonthlyReport(split, octoberData(split), '2027-10');
    const whole = computeMonthlyReport(enterprise, octoberData(enterprise), '2027-10');
    expect(report.feeSplit).toBe(true);
    expect(whole.feeSplit).toBe(false);
    expect(report.services.map((service) => service.fee)).toEqual([50_000, 20_000, 10_000, 5_000]);
    expect(whole.services.map((service) => service.fee)).toEqual([85_000, 85_000, 85_000, 85_000]);
    // Core API at 99.427 %: the 25 % tier — of 85,000 (21,250) as a whole, of its 50,000 (12,500) when split.
    expect(row(whole, 'core-api-availability').credit).toMatchObject({ creditPercent: 25, amount: 21_250, added: true });
    expect(row(report, 'core-api-availability').credit).toMatchObject({ creditPercent: 25, amount: 12_500, added: true });
    // The services' credits, each on its fee, are those percentages of their fees added up.
    const perService = report.services.map((service) => {
      const added = service.metrics.find((metric) => metric.credit?.added);
      return added ? (added.credit!.creditPercent * service.fee) / 100 : 0;
    });
    const sum = perService.reduce((total, amount) => total + amount, 0);
    expect(report.credit.amount).toBe(sum);
    expect(report.credit.capped).toBe(false);
    expect(report.credit.cappedPercent).toBeCloseTo((sum / 85_000) * 100, 8);
    expect(report.credit.amount).toBeLessThan(whole.credit.amount);
  });

  it('shows each service’s fee beside its credit in the report document', () => {
    const split = enterpriseWithServiceFees();
    const report = computeMonthlyReport(split, octoberData(split), '2027-10');
    const document = buildReportDocument({ draft: split, report, sources: [], locale: 'en' });
    const summary = document.blocks.find((block) => block.kind === 'table');
    const cells = (cellRow: { cells: Array<{ runs: Array<{ text: string }> }> }) => cellRow.cells.map((cell) => cell.runs.map((run) => run.text).join(''));
    expect(summary && summary.kind === 'table' && cells(summary.header[0]!)).toEqual(['Service', 'Outcome', 'Service fee', 'Credit (% of its fee)']);
    expect(summary && summary.kind === 'table' && cells(summary.rows[0]!)).toEqual(['Core API', expect.any(String), 'USD 50,000.00', '25\u00a0%']);
    const wholeDocument = buildReportDocument({
      draft: enterprise,
      report: computeMonthlyReport(enterprise, octoberData(enterprise), '2027-10'),
      sources: [],
      locale: 'zh-CN',
    });
    const wholeSummary = wholeDocument.blocks.find((block) => block.kind === 'table');
    expect(wholeSummary && wholeSummary.kind === 'table' && wholeSummary.header[0]!.cells).toHaveLength(3);
  });
});

describe('the minimum outage in the report', () => {
  // Core API incidents in October 2027 (UTC):
  // 3 Oct 10:00–10:03, 3 minutes alone; 5 Oct 10:00–10:03 and 10:02–10:06, one 6-minute stretch;
  // 9 Oct 12:00–12:10 with 12:00–12:07 excluded maintenance, 3 minutes left; 14 Oct 08:00–08:20, 20 minutes;
  // 31 Oct 23:58 – 1 Nov 00:04, 6 minutes of which 2 in October.
  const csv = [
    'service,start,end,severity,excluded,reason',
    'core-api,2027-10-03T10:00:00Z,2027-10-03T10:03:00Z,P2,no,Blip',
    'core-api,2027-10-05T10:00:00Z,2027-10-05T10:03:00Z,P2,no,Failover',
    'core-api,2027-10-05T10:02:00Z,2027-10-05T10:06:00Z,P2,no,Failover retry',
    'core-api,2027-10-09T12:00:00Z,2027-10-09T12:07:00Z,,yes,Scheduled maintenance',
    'core-api,2027-10-09T12:00:00Z,2027-10-09T12:10:00Z,P2,no,Restart after maintenance',
    'core-api,2027-10-14T08:00:00Z,2027-10-14T08:20:00Z,P1,no,Database outage',
    'core-api,2027-10-31T23:58:00Z,2027-11-01T00:04:00Z,P2,no,Outage at midnight',
  ].join('\n');

  function core(minimumOutageMinutes: number | undefined): MetricMonthReport {
    const draft = structuredClone(enterprise);
    if (minimumOutageMinutes === undefined) delete draft.monitoring.minimumOutageMinutes;
    else draft.monitoring.minimumOutageMinutes = minimumOutageMinutes;
    return row(computeMonthlyReport(draft, imported(draft, csv), '2027-10'), 'core-api-availability');
  }

  it('counts every minute when the draft sets no minimum', () => {
    // 3 + 6 + 3 + 20 + 2 = 34 minutes.
    expect(core(undefined).downtimeMinutes).toBe(34);
  });

  it('leaves out shorter stretches, measuring each whole: merged, less excluded time, across the month’s end', () => {
    const measured = core(5);
    // The lone 3 minutes and the 3 left after maintenance go; the merged 6, the 20 and the 6 across midnight stay.
    expect(measured.downtimeMinutes).toBe(6 + 20 + 2);
    expect(measured.downtimePeriods.map((period) => [period.from, period.minutes])).toEqual([
      ['2027-10-05T10:00:00.000Z', 6],
      ['2027-10-14T08:00:00.000Z', 20],
      ['2027-10-31T23:58:00.000Z', 2],
    ]);
    // Each incident's share still adds up to the month's downtime.
    expect(measured.incidents.reduce((sum, incident) => sum + incident.downtimeMinutes, 0)).toBe(28);
    expect(measured.incidents.filter((incident) => incident.downtimeMinutes > 0).map((incident) => incident.line)).toEqual([3, 4, 7, 8]);
    // A higher minimum leaves only the 20 minutes.
    expect(core(10).downtimeMinutes).toBe(20);
  });

  it('says so when a month measured from probe samples cannot apply it', () => {
    const draft = structuredClone(enterprise);
    draft.monitoring.minimumOutageMinutes = 5;
    const report = computeMonthlyReport(draft, imported(draft, enterpriseProbes), '2027-10');
    expect(report.minimumOutageMinutes).toBe(5);
    const fromProbes = report.services.flatMap((service) => service.metrics).filter((metric) => metric.kind === 'availability' && metric.source === 'probes');
    const anyFailed = fromProbes.some((metric) => (metric.downtimeMinutes ?? 0) > 0);
    expect(report.warnings.some((warning) => warning.key === 'monitoring.report.minimumOutageFromProbes')).toBe(anyFailed);
    delete draft.monitoring.minimumOutageMinutes;
    expect(computeMonthlyReport(draft, imported(draft, enterpriseProbes), '2027-10').warnings).toEqual([]);
  });
});
