import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../db';
import { createI18n } from '../../src-shared/i18n';
import { writeDraftFile } from '../../src-shared/model/file';
import type { SlaDraft } from '../../src-shared/model/schema';
import { computeMonthlyReport, parseMonitoringCsv } from '../../src-shared/monitoring';
import { createServices, type Dialogs, type Services } from '.';
import { isServiceError } from './errors';
import { createReportsService, type ImportJobStatus, type ReportsService } from './reports';
import { englishDraft, makeTempDir, steppingClock, writePresetFixtures } from './test-fixtures';

/**
 * englishDraft: one service, svc-1 "Acme CRM Platform", availability
 * 99.9 % 24×7; tiers below 99.9 → 10 %, below 99 → 25 %, below 95 → 50 %,
 * cap 50 %, 30-day claim window, excluded time leaves the measured period.
 */
function monitoredDraft(): SlaDraft {
  const draft = englishDraft();
  draft.compensation.currency = 'USD';
  draft.compensation.monthlyFee = 12_000;
  return draft;
}

/**
 * October 2026 (31 days, 44,640 minutes, UTC). The two outages overlap
 * 11:00–11:30, so together they are 10:00–12:00 = 120 minutes down; the
 * maintenance (120 minutes) is excluded and leaves the measured period:
 * 44,640 − 120 = 44,520 minutes. Attainment = 44,400 ÷ 44,520 =
 * 99.730458221 %: below 99.9, not below 99 → 10 % of USD 12,000 = USD 1,200.
 */
const OCTOBER = [
  'service,start,end,severity,excluded,reason',
  'Acme CRM Platform,2026-10-07T10:00:00Z,2026-10-07T11:30:00Z,P1,no,Database failover',
  'svc-1,2026-10-07T11:00:00Z,2026-10-07T12:00:00Z,P2,no,Slow recovery',
  'svc-1,2026-10-18T01:00:00Z,2026-10-18T03:00:00Z,,yes,Scheduled maintenance',
  '',
].join('\n');

/** Line 3 has an end before its start, line 4 an unknown service and a time without an offset. */
const MALFORMED = [
  'service,start,end',
  'svc-1,2026-10-07T10:00:00Z,2026-10-07T11:30:00Z',
  'svc-1,2026-10-07T12:00:00Z,2026-10-07T11:00:00Z',
  'billing,2026-10-08T10:00:00,2026-10-08T11:00:00Z',
  '',
].join('\n');

let temp: ReturnType<typeof makeTempDir>;
let services: Services;
let openPath: string | null;
const databasePath = () => join(temp.dir, 'data', 'sla-studio.db');

function start(): Services {
  const dialogs: Dialogs = {
    chooseSavePath: async () => null,
    chooseOpenPath: async () => openPath,
    showInFolder: () => undefined,
  };
  return createServices({ databasePath: databasePath(), templatesDir: join(temp.dir, 'templates'), clock: steppingClock('2026-11-02T09:00:00.000Z'), dialogs });
}

beforeEach(() => {
  temp = makeTempDir('sla-reports-');
  writePresetFixtures(join(temp.dir, 'templates'));
  openPath = null;
  services = start();
});
afterEach(() => {
  services.close();
  temp.remove();
});

function addDraft(draft: SlaDraft = monitoredDraft()): string {
  return services.drafts.importFile({ fileName: 'acme.sla.json', text: writeDraftFile(draft) }).id;
}

async function importText(draftId: string, text: string, fileName = 'october.csv'): Promise<ImportJobStatus> {
  const job = services.reports.importText({ draftId, fileName, text });
  expect(job.state).toBe('reading');
  return services.reports.whenFinished(job.jobId);
}

function serviceErrorOf(action: () => unknown): { code: string; key: string; params?: unknown; problems?: unknown } {
  try {
    action();
  } catch (error) {
    if (isServiceError(error)) return error.apiError;
    throw error;
  }
  throw new Error('expected a ServiceError');
}

describe('monitoring imports', () => {
  it('stores an incidents file with its name, hash, time and summary, and lists it', async () => {
    const draftId = addDraft();
    const finished = await importText(draftId, OCTOBER);
    expect(finished).toMatchObject({ state: 'imported', rows: 3, errors: [], failure: null });
    expect(finished.bytesRead).toBe(finished.totalBytes);
    expect(finished.imported).toMatchObject({
      draftId,
      fileName: 'october.csv',
      fileBytes: Buffer.byteLength(OCTOBER),
      sha256: createHash('sha256').update(OCTOBER).digest('hex'),
      form: 'incidents',
      rows: 3,
      serviceIds: ['svc-1'],
      months: ['2026-10'],
      firstAt: '2026-10-07T10:00:00.000Z',
      lastAt: '2026-10-18T03:00:00.000Z',
    });
    expect(finished.imported!.importedAt).toMatch(/^2026-11-02T09:00:\d\d\.000Z$/);
    expect(services.reports.listImports(draftId)).toEqual({ imports: [finished.imported] });
  });

  it('keeps only the base name of an uploaded file', async () => {
    const draftId = addDraft();
    const finished = await importText(draftId, OCTOBER, 'C:\\Users\\ops\\exports\\october.csv');
    expect(finished.imported?.fileName).toBe('october.csv');
  });

  it('stores nothing from a malformed file and reports every problem with its line and column', async () => {
    const draftId = addDraft();
    const finished = await importText(draftId, MALFORMED, 'broken.csv');
    expect(finished.state).toBe('invalid');
    expect(finished.imported).toBeNull();
    expect(finished.errors.map((error) => [error.line, error.column, error.key])).toEqual([
      [3, 'end', 'monitoring.csv.endBeforeStart'],
      [4, 'service', 'monitoring.csv.unknownService'],
      [4, 'start', 'monitoring.csv.missingOffset'],
    ]);
    expect(services.reports.listImports(draftId)).toEqual({ imports: [] });
    const storage = openStorage(databasePath());
    try {
      expect(storage.monitoring.list(draftId)).toEqual([]);
    } finally {
      storage.close();
    }
  });

  it('reads a file main chose in the open dialog, and nothing when the dialog was cancelled', async () => {
    const draftId = addDraft();
    expect(await services.reports.importFile(draftId)).toEqual({ job: null });
    openPath = join(temp.dir, 'from-disk.csv');
    writeFileSync(openPath, OCTOBER);
    const { job } = await services.reports.importFile(draftId);
    expect(job).toMatchObject({ state: 'reading', fileName: 'from-disk.csv' });
    const finished = await services.reports.whenFinished(job!.jobId);
    expect(finished).toMatchObject({
      state: 'imported',
      imported: { fileName: 'from-disk.csv', rows: 3, sha256: createHash('sha256').update(OCTOBER).digest('hex') },
    });
    expect(services.reports.importStatus(job!.jobId)).toEqual(finished);
  });

  it('answers an unreadable file as a failed job with a translatable reason', async () => {
    const draftId = addDraft();
    const finished = await services.reports.whenFinished(services.reports.importPath(draftId, join(temp.dir, 'missing.csv')).jobId);
    expect(finished).toMatchObject({
      state: 'failed',
      failure: { code: 'invalidFile', key: 'monitoring.file.unreadable', params: { fileName: 'missing.csv', reason: 'ENOENT' } },
    });
    expect(services.reports.listImports(draftId).imports).toEqual([]);
  });

  it('refuses a draft that does not exist, and an unknown job', () => {
    const missing = '3f9a2b1c-0d4e-4f5a-8b6c-7d8e9f0a1b2c';
    expect(serviceErrorOf(() => services.reports.importText({ draftId: missing, fileName: 'a.csv', text: OCTOBER }))).toMatchObject({
      code: 'notFound',
      key: 'errors.draftNotFound',
    });
    expect(serviceErrorOf(() => services.reports.importStatus(missing))).toMatchObject({ code: 'notFound', key: 'reports.errors.importJobNotFound' });
  });

  it('refuses to import for a draft whose services have problems, naming them', () => {
    const draft = monitoredDraft();
    const draftId = addDraft(draft);
    const stored = services.drafts.get(draftId);
    const broken = structuredClone(stored.content) as unknown as SlaDraft;
    broken.services[0]!.id = 'Not an id!';
    services.drafts.save({ id: draftId, content: broken as unknown as Record<string, unknown>, baseRevision: stored.revision });
    const error = serviceErrorOf(() => services.reports.importText({ draftId, fileName: 'a.csv', text: OCTOBER }));
    expect(error).toMatchObject({ code: 'invalidInput', key: 'reports.errors.draftNotImportable' });
    expect((error.problems as Array<{ path: unknown[] }>)[0]!.path.slice(0, 3)).toEqual(['services', 0, 'id']);
  });

  it('deletes an import, and says so when there is none', async () => {
    const draftId = addDraft();
    const first = (await importText(draftId, OCTOBER, 'first.csv')).imported!;
    const second = (await importText(draftId, OCTOBER, 'second.csv')).imported!;
    expect(services.reports.listImports(draftId).imports.map((item) => item.fileName)).toEqual(['second.csv', 'first.csv']);
    expect(services.reports.deleteImport(draftId, first.id)).toEqual({ imports: [second] });
    expect(serviceErrorOf(() => services.reports.deleteImport(draftId, first.id))).toMatchObject({ code: 'notFound', key: 'reports.errors.importNotFound' });
  });
});

describe('import jobs', () => {
  let storage: Storage;
  let reports: ReportsService;
  let draftId: string;

  beforeEach(() => {
    draftId = addDraft();
    storage = openStorage(databasePath());
    reports = createReportsService({
      monitoring: storage.monitoring,
      drafts: storage.drafts,
      clock: steppingClock(),
      dialogs: { chooseSavePath: async () => null, chooseOpenPath: async () => null, showInFolder: () => undefined },
      locale: () => 'en',
      translate: (_locale, key) => key,
      textChunkChars: 100,
    });
  });
  afterEach(() => storage.close());

  /** 400 one-minute outages on 1–2 October 2026, 57 characters a row. */
  const manyRows = [
    'service,start,end',
    ...Array.from({ length: 400 }, (_, index) => {
      const startMs = Date.UTC(2026, 9, 1) + index * 5 * 60_000;
      return `svc-1,${new Date(startMs).toISOString()},${new Date(startMs + 60_000).toISOString()}`;
    }),
    '',
  ].join('\n');

  it('reports progress while it reads, never going backwards, up to the whole text', async () => {
    const job = reports.importText({ draftId, fileName: 'many.csv', text: manyRows });
    const seen: ImportJobStatus[] = [];
    for (let status = job; status.state === 'reading'; status = reports.importStatus(job.jobId)) {
      seen.push(status);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const finished = await reports.whenFinished(job.jobId);
    expect(finished).toMatchObject({ state: 'imported', rows: 400, bytesRead: Buffer.byteLength(manyRows), totalBytes: Buffer.byteLength(manyRows) });
    // Pieces of 100 characters: well over a hundred updates, some of them part-way.
    expect(seen.some((status) => status.bytesRead > 0 && status.bytesRead < status.totalBytes)).toBe(true);
    for (let index = 1; index < seen.length; index++) expect(seen[index]!.bytesRead).toBeGreaterThanOrEqual(seen[index - 1]!.bytesRead);
  });

  it('stops when cancelled and stores nothing', async () => {
    const job = reports.importText({ draftId, fileName: 'many.csv', text: manyRows });
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(reports.cancelImport(job.jobId).state).toBe('cancelled');
    const finished = await reports.whenFinished(job.jobId);
    expect(finished).toMatchObject({ state: 'cancelled', imported: null });
    expect(finished.bytesRead).toBeLessThan(finished.totalBytes);
    expect(storage.monitoring.list(draftId)).toEqual([]);
  });

  it('answers a cancel that comes too late with the stored import', async () => {
    const job = reports.importText({ draftId, fileName: 'october.csv', text: OCTOBER });
    const finished = await reports.whenFinished(job.jobId);
    expect(reports.cancelImport(job.jobId)).toEqual(finished);
    expect(finished.state).toBe('imported');
    expect(storage.monitoring.list(draftId)).toHaveLength(1);
  });

  it('does not split a character outside the BMP between two pieces', async () => {
    // The reason puts a four-byte character (two UTF-16 units) across the 100-character cut.
    const text = `service,start,end,reason\nsvc-1,2026-10-07T10:00:00Z,2026-10-07T11:30:00Z,${'x'.repeat(26)}🚨 pager\n`;
    expect(text.charCodeAt(99)).toBe(0xd83d);
    const finished = await reports.whenFinished(reports.importText({ draftId, fileName: 'emoji.csv', text }).jobId);
    expect(finished.imported?.sha256).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    const data = reports.monitoringData(draftId).data;
    expect(data.incidents?.[0]?.reason).toBe(`${'x'.repeat(26)}🚨 pager`);
  });
});

describe('monthly reports', () => {
  it('reports the month from the stored imports with hand-computed numbers', async () => {
    const draftId = addDraft();
    await importText(draftId, OCTOBER);
    const result = services.reports.monthlyReport({ draftId, historyMonths: 3 });
    expect(result.months).toEqual(['2026-10']);
    expect(result.month).toBe('2026-10');
    const availability = result.report!.services[0]!.metrics[0]!;
    expect(availability).toMatchObject({
      metricId: 'svc-1-availability',
      coveredMinutes: 44_640,
      excludedMinutes: 120,
      measuredMinutes: 44_520,
      downtimeMinutes: 120,
      attainment: 99.730458221,
      met: false,
      credit: { tierId: 'tier-1', creditPercent: 10, cappedPercent: 10, amount: 1_200 },
    });
    // 31 October 2026 + 30 days.
    expect(result.report).toMatchObject({
      currency: 'USD',
      claimDeadline: '2026-11-30',
      credit: { totalPercent: 10, cappedPercent: 10, capped: false, amount: 1_200 },
    });
    expect(result.history?.months).toEqual(['2026-08', '2026-09', '2026-10']);
    // The file covers October only: August and September have no data, not 100 %.
    expect(result.history?.series[0]?.points.map((point) => point.attainment)).toEqual([null, null, 99.730458221]);
  });

  it('reproduces the report from the stored data alone, after the database is reopened', async () => {
    const draftId = addDraft();
    await importText(draftId, OCTOBER);
    const before = services.reports.monthlyReport({ draftId, month: '2026-10', historyMonths: 6 });
    services.close();
    services = start();
    const after = services.reports.monthlyReport({ draftId, month: '2026-10', historyMonths: 6 });
    expect(after).toEqual(before);
    // …and it is the report of the file itself.
    const parsed = parseMonitoringCsv(monitoredDraft(), OCTOBER);
    if (!parsed.ok) throw new Error('fixture does not parse');
    expect(after.report).toEqual(computeMonthlyReport(monitoredDraft(), parsed.data, '2026-10'));
  });

  it('combines a draft’s imports, counting a minute two files list once', async () => {
    const draftId = addDraft();
    await importText(draftId, OCTOBER);
    // A second file lists 11:30–12:30 on 7 October: with 10:00–12:00 from the first, 10:00–12:30 = 150 minutes.
    // (44,520 − 150) ÷ 44,520 = 99.6630727763 % (to 12 significant digits, as the report keeps it).
    await importText(draftId, 'service,start,end\nsvc-1,2026-10-07T11:30:00Z,2026-10-07T12:30:00Z\n', 'late.csv');
    const availability = services.reports.monthlyReport({ draftId, month: '2026-10', historyMonths: 1 }).report!.services[0]!.metrics[0]!;
    expect(availability).toMatchObject({ downtimeMinutes: 150, attainment: 99.6630727763 });
  });

  it('defaults to the last month with data and reports no month before the first import', async () => {
    const draftId = addDraft();
    expect(services.reports.monthlyReport({ draftId, historyMonths: 6 })).toMatchObject({ months: [], month: null, report: null, history: null });
    await importText(draftId, OCTOBER);
    // 30 Nov 23:00 – 1 Dec 01:00: touches November and December.
    await importText(draftId, 'service,start,end\nsvc-1,2026-11-30T23:00:00Z,2026-12-01T01:00:00Z\n', 'late.csv');
    const result = services.reports.monthlyReport({ draftId, historyMonths: 6 });
    expect(result.months).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(result.month).toBe('2026-12');
    // December: 60 minutes of 44,640.
    expect(result.report!.services[0]!.metrics[0]!.downtimeMinutes).toBe(60);
  });

  it('records the months each import covers, and lets the user state another period', async () => {
    const draft = monitoredDraft();
    draft.effectiveDate = '2026-01-01';
    const draftId = addDraft(draft);
    const imported = (await importText(draftId, OCTOBER)).imported!;
    // By default the months the rows span.
    expect(imported.period).toEqual({ from: '2026-10', to: '2026-10' });
    const result = services.reports.monthlyReport({ draftId, historyMonths: 1 });
    // The picker offers the twelve months of the term; the report opens on the last month with data.
    expect(result.termMonths).toEqual(Array.from({ length: 12 }, (_, index) => `2026-${String(index + 1).padStart(2, '0')}`));
    expect(result.months).toEqual(['2026-10']);
    expect(result.month).toBe('2026-10');
    // September: no import covers it, so no data — not 100 %.
    const before = services.reports.monthlyReport({ draftId, month: '2026-09', historyMonths: 1 }).report!;
    expect(before.monthStatus).toBe('noData');
    expect(before.services[0]!.metrics[0]).toMatchObject({ status: 'noData', attainment: null, met: null, credit: null });

    // The file speaks for August to October: September had no incident.
    const { imports } = services.reports.setImportPeriod(draftId, imported.id, { from: '2026-08', to: '2026-10' });
    expect(imports[0]!.period).toEqual({ from: '2026-08', to: '2026-10' });
    services.close();
    services = start();
    const september = services.reports.monthlyReport({ draftId, month: '2026-09', historyMonths: 1 });
    expect(september.months).toEqual(['2026-08', '2026-09', '2026-10']);
    expect(september.report!.monthStatus).toBe('reported');
    expect(september.report!.services[0]!.metrics[0]).toMatchObject({ status: 'measured', attainment: 100, met: true });
    // null goes back to the months of the rows.
    expect(services.reports.setImportPeriod(draftId, imported.id, null).imports[0]!.period).toEqual({ from: '2026-10', to: '2026-10' });
    expect(serviceErrorOf(() => services.reports.setImportPeriod(draftId, '00000000-0000-4000-8000-000000000000', null))).toMatchObject({
      key: 'reports.errors.importNotFound',
    });
  });

  it('reports a month before the effective date as no data', async () => {
    const draft = monitoredDraft();
    draft.effectiveDate = '2026-11-01';
    const draftId = addDraft(draft);
    await importText(draftId, OCTOBER);
    const october = services.reports.monthlyReport({ draftId, historyMonths: 1 });
    expect(october.month).toBe('2026-10');
    expect(october.report!.monthStatus).toBe('beforeTerm');
    expect(october.report!.credit.amount).toBe(0);
    expect(october.report!.services[0]!.metrics[0]!.met).toBeNull();
  });

  it('refuses a report for a draft whose credit terms have problems, naming them', async () => {
    const draftId = addDraft();
    await importText(draftId, OCTOBER);
    const stored = services.drafts.get(draftId);
    const broken = structuredClone(stored.content) as unknown as SlaDraft;
    broken.compensation.creditTiers[0]!.metricId = 'no-such-metric';
    services.drafts.save({ id: draftId, content: broken as unknown as Record<string, unknown>, baseRevision: stored.revision });
    const error = serviceErrorOf(() => services.reports.monthlyReport({ draftId, month: '2026-10', historyMonths: 6 }));
    expect(error).toMatchObject({ code: 'invalidInput', key: 'reports.errors.draftHasProblems' });
    expect((error.problems as Array<{ path: unknown[] }>).map((problem) => problem.path[0])).toContain('compensation');
  });

  it('still reports when only an unrelated step has a problem', async () => {
    const draft = monitoredDraft();
    const draftId = addDraft(draft);
    await importText(draftId, OCTOBER);
    const stored = services.drafts.get(draftId);
    services.drafts.save({
      id: draftId,
      content: { ...stored.content, parties: { ...draft.parties, customer: { ...draft.parties.customer, legalName: '' } } },
      baseRevision: stored.revision,
    });
    expect(services.reports.monthlyReport({ draftId, month: '2026-10', historyMonths: 1 }).report?.credit.amount).toBe(1_200);
  });
});

describe('messages of the reports', () => {
  it('read in both languages, with their parameters filled in', () => {
    const en = createI18n('en').t;
    const zh = createI18n('zh-CN').t;
    const messages: Array<[string, Record<string, string | number>]> = [
      ['reports.errors.importJobNotFound', { id: 'x' }],
      ['reports.errors.importNotFound', { id: 'x' }],
      ['reports.errors.draftNotImportable', { count: 2 }],
      ['reports.errors.draftHasProblems', { count: 2 }],
      ['reports.warnings.importSkipped', { fileName: 'october.csv' }],
      ['reports.import.fileFilter', {}],
    ];
    for (const [key, params] of messages) {
      for (const t of [en, zh]) {
        const text = t(key, params);
        expect(text, key).not.toBe(key);
        expect(text, key).not.toMatch(/\{\{/);
      }
      expect(zh(key, params), key).not.toBe(en(key, params));
    }
  });
});
