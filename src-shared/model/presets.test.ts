/// <reference types="vite/client" />
/**
 * The presets in templates/presets are what a user starts most drafts from:
 * each must open without a single problem, survive a save unchanged, and say
 * what its name promises (99.95 % with a 15-minute P1 response, mainland
 * residency under PIPL…).
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import presetIndex from '../../templates/presets/index.json';
import { presetSummarySchema } from '../api';
import { readDraftFile, writeDraftFile } from './file';
import { isBlankText, languageOfText } from './localized';
import { isWorse, metricSemantics, metricsById } from './metrics';
import { draftTexts } from './translations';
import { SCHEMA_VERSION, type SlaDraft } from './schema';

// src-shared may not read the disk; Vite inlines the files' exact bytes instead.
const presetFiles = import.meta.glob<string>('../../templates/presets/*.sla.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const textOf = (file: string): string | undefined => presetFiles[`../../templates/presets/${file}`];

const indexSchema = z.array(presetSummarySchema.extend({ file: z.string().regex(/^[a-z0-9-]+\.sla\.json$/) }));
const index = indexSchema.parse(presetIndex);

function load(id: string): { text: string; draft: SlaDraft } {
  const entry = index.find((preset) => preset.id === id);
  if (!entry) throw new Error(`preset ${id} is not in index.json`);
  const text = textOf(entry.file);
  if (text === undefined) throw new Error(`${entry.file} is missing`);
  const result = readDraftFile(text);
  if (!result.ok) throw new Error(`${entry.file}: ${JSON.stringify(result.problems)}`);
  return { text, draft: result.draft };
}

describe('preset index', () => {
  it('lists every preset file exactly once, and only files that exist', () => {
    const listed = index.map((preset) => preset.file).sort();
    const onDisk = Object.keys(presetFiles)
      .map((path) => path.split('/').pop())
      .sort();
    expect(listed).toEqual(onDisk);
    expect(new Set(index.map((preset) => preset.id)).size).toBe(index.length);
  });

  it('names each preset after its file and describes it in both languages', () => {
    for (const preset of index) {
      expect(preset.file).toBe(`${preset.id}.sla.json`);
      for (const text of [preset.title.en, preset.title['zh-CN'], preset.description.en, preset.description['zh-CN']]) {
        expect(text.trim().length).toBeGreaterThan(0);
      }
      expect(preset.title['zh-CN']).toMatch(/\p{Script=Han}/u);
      expect(preset.description['zh-CN']).toMatch(/\p{Script=Han}/u);
    }
  });

  it('ships the three presets the product promises', () => {
    expect(index.map((preset) => preset.id)).toEqual(['standard-saas', 'enterprise', 'china-hosted']);
  });
});

describe.each(index.map((preset) => preset.id))('preset %s', (id) => {
  it('reads with zero problems and needs no migration', () => {
    const entry = index.find((preset) => preset.id === id)!;
    const result = readDraftFile(textOf(entry.file) ?? '');
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.ok && result.migratedFrom).toBeNull();
  });

  it('is written exactly as the app writes it, so saving it again changes no byte', () => {
    const { text, draft } = load(id);
    expect(writeDraftFile(draft)).toBe(text);
    expect(text.startsWith(`{\n  "schemaVersion": ${SCHEMA_VERSION},\n`)).toBe(true);
  });

  it('is complete: parties, descriptions, measurement terms, support table and contacts on both sides', () => {
    const { draft } = load(id);
    for (const party of [draft.parties.provider, draft.parties.customer]) {
      expect(party.legalName && party.signatoryName).toBeTruthy();
      expect(isBlankText(party.address) || isBlankText(party.signatoryTitle)).toBe(false);
    }
    for (const service of draft.services) {
      expect(isBlankText(service.description)).toBe(false);
      for (const metric of service.metrics) {
        expect(isBlankText(metric.name)).toBe(false);
        expect(isBlankText(metric.measurementMethod)).toBe(false);
        expect(isBlankText(metric.dataSource)).toBe(false);
      }
    }
    expect(draft.targets.severities.map((s) => s.level)).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(draft.expectations.stakeholders.some((s) => s.party === 'provider')).toBe(true);
    expect(draft.expectations.stakeholders.some((s) => s.party === 'customer')).toBe(true);
    expect(draft.expectations.criticalPeriods.length).toBeGreaterThan(0);
    expect(draft.compensation.monthlyFee).toBeGreaterThan(0);
    expect(isBlankText(draft.compensation.claimProcess)).toBe(false);
    expect(isBlankText(draft.monitoring.downtimeDefinition)).toBe(false);
  });

  it('lists holidays in order, each once', () => {
    const { holidays } = load(id).draft.expectations.businessHours;
    expect(holidays.length).toBeGreaterThan(0);
    expect([...new Set(holidays)].sort()).toEqual(holidays);
  });

  it('starts a negotiation: the customer asks for more than the provider offers on some metric', () => {
    const { draft } = load(id);
    const metrics = metricsById(draft.services);
    const p1 = draft.targets.severities.find((s) => s.level === 'P1');
    const asksAboveOffer = draft.expectations.requests.filter((request) => {
      const located = metrics.get(request.metricId);
      if (!located) return false;
      const semantics = metricSemantics(located.metric);
      if (located.metric.kind === 'supportResponse') return p1 !== undefined && request.requestedLevel < p1.responseMinutes;
      if (located.metric.kind === 'supportResolution') return p1 !== undefined && request.requestedLevel < p1.resolutionMinutes;
      const offer = draft.targets.objectives.find((o) => o.metricId === request.metricId);
      // The offer is worse than the ask exactly when the ask is above the offer.
      return offer !== undefined && isWorse(semantics, offer.objective, request.requestedLevel);
    });
    expect(asksAboveOffer.length).toBeGreaterThanOrEqual(2);
    expect(new Set(draft.expectations.requests.map((r) => r.priority))).toEqual(new Set(['must', 'should', 'nice']));
  });
});

describe('standard SaaS preset', () => {
  it('commits 99.9 % with 10 / 25 / 50 % credits, a cap, 30 days to claim, English law and GDPR', () => {
    const { draft } = load('standard-saas');
    const availability = draft.services.flatMap((s) => s.metrics).filter((m) => m.kind === 'availability');
    expect(availability).toHaveLength(1);
    const objective = draft.targets.objectives.find((o) => o.metricId === availability[0]!.id);
    expect(objective?.objective).toBe(99.9);
    expect(draft.compensation.creditTiers.map((t) => [t.threshold, t.creditPercent])).toEqual([
      [99.9, 10],
      [99.0, 25],
      [95.0, 50],
    ]);
    expect(draft.compensation.capPercent).toBe(50);
    expect(draft.compensation.claimWindowDays).toBe(30);
    expect(draft.targets.severities.every((s) => s.coverage === 'businessHours')).toBe(true);
    expect(draft.compliance.governingLaw.en).toBe('England and Wales');
    expect(draft.compliance.dataProtection).toContain('GDPR');
  });
});

describe('enterprise preset', () => {
  it('commits 99.95 % availability 24×7 for every service that measures availability', () => {
    const { draft } = load('enterprise');
    const metrics = metricsById(draft.services);
    const availability = draft.targets.objectives.filter((o) => metrics.get(o.metricId)?.metric.kind === 'availability');
    expect(availability.length).toBeGreaterThanOrEqual(3);
    for (const objective of availability) {
      expect(objective.objective).toBe(99.95);
      expect(objective.coverage).toBe('24x7');
    }
  });

  it('answers a P1 within 15 minutes around the clock', () => {
    const p1 = load('enterprise').draft.targets.severities.find((s) => s.level === 'P1');
    expect(p1).toMatchObject({ responseMinutes: 15, coverage: '24x7' });
  });

  it('measures latency p95 and p99, error rate, RPO and RTO besides availability', () => {
    const metrics = load('enterprise').draft.services.flatMap((s) => s.metrics);
    const percentiles = metrics.filter((m) => m.kind === 'latency').map((m) => m.percentile);
    expect(percentiles).toEqual(expect.arrayContaining([95, 99]));
    for (const kind of ['errorRate', 'rpo', 'rto', 'supportResponse', 'supportResolution'] as const) {
      expect(metrics.some((m) => m.kind === kind)).toBe(true);
    }
  });

  it('pays tiered credits under a cap, with chronic-failure termination, ISO 27001 and SOC 2', () => {
    const { draft } = load('enterprise');
    const { capPercent, creditTiers, chronicFailure } = draft.compensation;
    expect(capPercent).not.toBeNull();
    expect(Math.max(...creditTiers.map((t) => t.creditPercent))).toBeLessThanOrEqual(capPercent!);
    const coreTiers = creditTiers.filter((t) => t.metricId === 'core-api-availability');
    expect(coreTiers.length).toBeGreaterThanOrEqual(3);
    expect(chronicFailure.enabled).toBe(true);
    expect(draft.compliance.certifications).toEqual(expect.arrayContaining(['ISO27001', 'SOC2']));
    expect(draft.monitoring.statusPageUrl).toMatch(/^https:\/\//);
    expect(draft.monitoring.incidentNotification.find((n) => n.level === 'P1')?.minutes).toBeLessThanOrEqual(15);
  });
});

describe('China-hosted preset', () => {
  it('keeps data in mainland China under PIPL, with cross-border restrictions and MLPS level 3', () => {
    const { compliance } = load('china-hosted').draft;
    expect(compliance.dataResidency.region).toBe('CN_MAINLAND');
    expect(compliance.dataResidency.restrictions['zh-CN']).toContain('个人信息保护法');
    expect(compliance.dataProtection).toContain('PIPL');
    expect(compliance.certifications).toContain('MLPS3');
  });

  it('is governed by PRC law with arbitration in Shanghai, in Chinese', () => {
    const { compliance, contract } = load('china-hosted').draft;
    expect(compliance.governingLaw['zh-CN']).toMatch(/^中华人民共和国法律/);
    expect(compliance.disputeResolution).toMatchObject({ method: 'arbitration', venue: { 'zh-CN': '上海' }, language: 'zh-CN' });
    expect(compliance.disputeResolution.institution['zh-CN']).toContain('上海国际');
    expect(contract.precedence).toBe('zh-CN');
  });

  it('charges in CNY and keeps Beijing-time business hours without the PRC public holidays', () => {
    const { draft } = load('china-hosted');
    expect(draft.compensation.currency).toBe('CNY');
    const { businessHours } = draft.expectations;
    expect(businessHours.timeZone).toBe('Asia/Shanghai');
    expect(draft.targets.maintenance.timeZone).toBe('Asia/Shanghai');
    // Spring Festival and National Day of the year of its term.
    expect(businessHours.holidays).toEqual(expect.arrayContaining(['2027-02-06', '2027-10-01']));
  });

  it('names both parties in Chinese', () => {
    const { draft } = load('china-hosted');
    for (const party of [draft.parties.provider, draft.parties.customer]) expect(party.legalNameZh).toMatch(/\p{Script=Han}/u);
  });
});

describe('every preset in both languages', () => {
  it.each(index.map((preset) => preset.id))('%s writes every text the contract prints in English and in Chinese, each in its own script', (id) => {
    const { draft } = load(id);
    const texts = draftTexts(draft);
    expect(texts.length).toBeGreaterThan(20);
    // A text left blank in both languages is one the preset does not need (no institution for the courts).
    for (const { path, text } of texts.filter(({ text }) => !isBlankText(text))) {
      const where = path.join('.');
      expect(text.en.trim(), `${where} in English`).not.toBe('');
      expect(text['zh-CN'].trim(), `${where} in Chinese`).not.toBe('');
      expect(languageOfText(text['zh-CN']), `${where} in Chinese`).toBe('zh-CN');
      // A Chinese party's address is its registered address, in Chinese in both texts.
      if (!/^parties\.\w+\.address$/.test(where)) expect(languageOfText(text.en), `${where} in English`).toBe('en');
    }
  });

  it('prints the standard preset in English and the other two side by side', () => {
    expect(load('standard-saas').draft.contract.languages).toBe('en');
    expect(load('enterprise').draft.contract.languages).toBe('bilingual');
    expect(load('china-hosted').draft.contract.languages).toBe('bilingual');
  });
});

describe('holidays and critical periods follow each preset’s term', () => {
  /** The calendar years from the effective date to the end of the term. */
  function termYears(draft: SlaDraft): number[] {
    const [year, month] = draft.effectiveDate.split('-').map(Number) as [number, number];
    const lastMonth = (month - 1 + draft.termMonths - 1) % 12;
    const lastYear = year + Math.floor((month - 1 + draft.termMonths - 1) / 12);
    expect(lastMonth).toBeGreaterThanOrEqual(0);
    return Array.from({ length: lastYear - year + 1 }, (_, i) => year + i);
  }
  const yearOf = (date: string) => Number(date.slice(0, 4));

  it.each(index.map((preset) => preset.id))('%s lists the holidays and critical periods of every year of its term, and of no other year', (id) => {
    const { draft } = load(id);
    const years = termYears(draft);
    const { holidays, workingDays = [] } = draft.expectations.businessHours;
    const periods = draft.expectations.criticalPeriods;
    if (holidays.length > 0) expect([...new Set(holidays.map(yearOf))].sort()).toEqual(years);
    for (const date of [...holidays, ...workingDays, ...periods.flatMap((period) => [period.start, period.end])]) expect(years).toContain(yearOf(date));
    if (periods.length > 0) expect([...new Set(periods.map((period) => yearOf(period.start)))].sort()).toEqual(years);
  });

  it('gives the 36-month enterprise term the US federal holidays of 2027, 2028 and 2029', () => {
    const { draft } = load('enterprise');
    expect(draft.termMonths).toBe(36);
    // Thanksgiving and Christmas of each year; New Year's Day 2028 (a Saturday) observed on Friday 31 December 2027.
    expect(draft.expectations.businessHours.holidays).toEqual(
      expect.arrayContaining(['2027-11-25', '2027-12-31', '2028-11-23', '2028-12-25', '2029-01-01', '2029-11-22', '2029-12-25']),
    );
  });
});
