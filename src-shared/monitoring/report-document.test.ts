/// <reference types="vite/client" />
/**
 * The report in words, as `sla report` prints it and the .docx and the
 * Reports screen say it: the contract's wording, the targets of support
 * metrics, the credits not added, a data source other than the contract's,
 * the chronic-failure counts and a month with nothing to report — in
 * English and in Chinese.
 */
import { describe, expect, it } from 'vitest';
import enterpriseJson from '../../templates/presets/enterprise.sla.json';
import { slaDraftSchema, type SlaDraft } from '../model/schema';
import { combineMonitoringData, type MonitoringData } from './data';
import { parseMonitoringCsv } from './importer';
import { computeMonthlyReport } from './report';
import { buildReportDocument, reportDocumentLines } from './report-document';
import enterpriseIncidents from './fixtures/enterprise-october-incidents.csv?raw';
import enterpriseProbes from './fixtures/enterprise-october-probes.csv?raw';

const enterprise = slaDraftSchema.parse(enterpriseJson);

function imported(draft: SlaDraft, text: string): MonitoringData {
  const result = parseMonitoringCsv(draft, text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

const data = combineMonitoringData(imported(enterprise, enterpriseIncidents), imported(enterprise, enterpriseProbes));

function lines(month: string, locale: 'en' | 'zh-CN'): string[] {
  return reportDocumentLines(buildReportDocument({ draft: enterprise, report: computeMonthlyReport(enterprise, data, month), sources: [], locale }));
}

const lineOf = (all: string[], start: string) => all.find((line) => line.startsWith(start)) ?? '';

/** A text of the preset as the Chinese report prints it: in Chinese. */
const service = (id: string) => enterprise.services.find((item) => item.id === id)!;
const metricZh = (serviceId: string, kind: string, percentile?: number) =>
  service(serviceId).metrics.find((metric) => metric.kind === kind && metric.percentile === percentile)!.name['zh-CN'];

describe('the October 2027 report of the enterprise preset, in words', () => {
  const en = lines('2027-10', 'en');
  const zh = lines('2027-10', 'zh-CN');

  it('words credit tiers as the contract does: "less than", "more than"', () => {
    expect(lineOf(en, 'Core API Availability')).toMatch(/less than 99\.5\u00a0%\s+25\u00a0%\s+USD 21,250\.00$/);
    expect(lineOf(en, 'Core API Response Time (95th percentile)')).toMatch(/more than 300 ms\s+5\u00a0%\s+Not added$/);
    expect(en.join('\n')).not.toMatch(/\b(below|above) \d/);
    // The Chinese report names the metrics in Chinese.
    expect(lineOf(zh, '核心接口可用性')).toMatch(/低于99\.5%\s+25%\s+21,250\.00 美元$/);
    expect(lineOf(zh, '核心接口响应时间（P95）')).toMatch(/高于300 毫秒\s+5%\s+未计入$/);
  });

  it('shows support targets from the severity table instead of "No target set"', () => {
    expect(lineOf(en, 'Initial Response Time')).toContain(
      'P1: 15 minutes (24×7); P2: 1 hour (24×7); P3: 4 hours (Business hours); P4: 12 hours (Business hours)',
    );
    expect(lineOf(en, 'Restoration Time')).toContain('P1: 4 hours (24×7); P2: 8 hours (24×7)');
    expect(lineOf(zh, '首次响应时间')).toContain('P1：15分钟（7×24小时）；P2：1小时（7×24小时）；P3：4小时（工作时间）');
    expect(en.join('\n')).not.toContain('No target set');
  });

  it('says what share of each level’s incidents must meet the support times, as the contract does', () => {
    expect(lineOf(en, 'Initial Response Time')).toContain("At least 95\u00a0% of each level's incidents in the month: P1: 15 minutes (24×7);");
    expect(lineOf(zh, '首次响应时间')).toContain('每级别当月事件中至少95%须达标：P1：15分钟（7×24小时）；');
    // A contract that binds every incident: the times alone.
    const { supportAttainmentPercent: _stated, ...targets } = enterprise.targets;
    const draft = { ...enterprise, targets };
    const everyIncident = reportDocumentLines(buildReportDocument({ draft, report: computeMonthlyReport(draft, data, '2027-10'), sources: [], locale: 'en' }));
    expect(lineOf(everyIncident, 'Initial Response Time')).not.toContain('At least');
    expect(lineOf(everyIncident, 'Initial Response Time')).toContain('P1: 15 minutes (24×7)');
  });

  it('lists the credit not added, with the rule', () => {
    expect(en).toContain('Credits not added');
    expect(en).toContain(
      '- Core API — Core API Response Time (95th percentile): 5\u00a0%, not added; Core API Availability (25\u00a0%) applies for this service.',
    );
    expect(en.some((line) => line.startsWith('Where several Service Levels of the same Service are missed in a month, only the highest'))).toBe(true);
    expect(lineOf(en, 'Credits before the cap')).toMatch(/40\u00a0%$/);
    expect(en).toContain(
      "The services' credits add up to 40\u00a0% of the monthly fee; the cap of 30\u00a0% limits the month to USD 25,500.00 (monthly fee USD 85,000.00).",
    );
    const coreZh = service('core-api').name['zh-CN'];
    expect(zh).toContain(`- ${coreZh} — ${metricZh('core-api', 'latency', 95)}：5%，未计入；该服务适用${metricZh('core-api', 'availability')}（25%）。`);
    expect(coreZh).toBe('核心接口（API）');
  });

  it('says where the data is not what the contract measures', () => {
    expect(en).toContain(
      'Core API — Core API Response Time (95th percentile): measured from 20 probe samples, while the agreement measures it from “Provider API gateway request logs”. The figure is an indication, not a measurement as the agreement defines it.',
    );
    expect(zh).toContain(
      '核心接口（API） — 核心接口响应时间（P95）：根据 20 个拨测样本计量，而本协议规定的数据来源为“服务提供方API网关请求日志”。该数字仅供参考，并非按本协议定义的计量结果。',
    );
  });

  it('shows the chronic-failure counts against the rule', () => {
    expect(en).toContain('Chronic failure');
    const chronicLine = (metric: string) => en.find((line) => line.includes(metric) && line.includes('consecutive months missed')) ?? '';
    expect(chronicLine('Web Console Availability')).toMatch(/2 of 2 consecutive months missed\s+2 of 3 months missed within twelve\s+Chronic Failure$/);
    expect(chronicLine('Core API Availability')).toMatch(/1 of 2 consecutive months missed\s+1 of 3 months missed within twelve\s+Not reached$/);
    expect(zh.find((line) => line.startsWith('Web控制台') && line.includes('连续'))).toMatch(
      /连续 2个月未达成（界限 2个月）\s+十二个月内 2个月未达成（界限 3个月）\s+构成长期未达标$/,
    );
  });
});

describe('a month with nothing to report, in words', () => {
  it('says the month is before the term and claims nothing met', () => {
    const en = lines('2026-06', 'en');
    expect(en).toContain("June 2026 is before the agreement's term, which starts in January 2027: there is nothing to report for it.");
    expect(lineOf(en, 'Core API Availability')).toMatch(/99\.95\u00a0% \(24×7\)\s+No data\s+—/);
    expect(en.join('\n')).not.toMatch(/\bMet\b/);
    expect(en.some((line) => line.includes('were met'))).toBe(false);
    expect(lines('2026-06', 'zh-CN')).toContain('2026年6月早于本协议的期限（自2027年1月起），该月没有可报告的内容。');
  });

  it('says which months the data covers', () => {
    expect(lines('2027-06', 'en')).toContain(
      'No imported monitoring data covers June 2027 (the data covers September 2027 – November 2027): no attainment, result or service credit is stated for it.',
    );
  });
});
