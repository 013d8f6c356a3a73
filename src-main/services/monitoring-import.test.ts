import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeProbeSampleFile } from '../../bench/monitoring';
import { computeMonthlyReport } from '../../src-shared/monitoring';
import { localized } from '../../src-shared/model/localized';
import { isServiceError } from './errors';
import { importMonitoringFile, type MonitoringImportProgress } from './monitoring-import';
import { chineseDraft, englishDraft, makeTempDir } from './test-fixtures';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('sla-monitoring-');
});
afterEach(() => temp.remove());

const clock = { now: () => '2027-11-02T09:00:00.000Z' };
const draft = englishDraft(); // one service: svc-1 "Acme CRM Platform", 99.9 % 24×7

describe('importMonitoringFile', () => {
  it('imports an incidents file with its hash, and the report reads it', async () => {
    const path = join(temp.dir, 'october.csv');
    // 90 minutes down in October 2026 (44,640 minutes): 44,550 ÷ 44,640 = 99.7983870968 %.
    writeFileSync(path, '\uFEFFservice,start,end,severity\r\nAcme CRM Platform,2026-10-07T10:00:00Z,2026-10-07T11:30:00Z,P1\r\n');
    const result = await importMonitoringFile(path, { draft, clock });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.summary).toEqual({
      fileName: 'october.csv',
      fileBytes: readFileSync(path).length,
      sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
      importedAt: '2027-11-02T09:00:00.000Z',
      form: 'incidents',
      rows: 1,
      serviceIds: ['svc-1'],
      months: ['2026-10'],
      firstAt: '2026-10-07T10:00:00.000Z',
      lastAt: '2026-10-07T11:30:00.000Z',
      period: { from: '2026-10', to: '2026-10' },
    });
    const availability = computeMonthlyReport(draft, result.data, '2026-10').services[0]!.metrics[0]!;
    expect(availability).toMatchObject({ downtimeMinutes: 90, attainment: 99.7983870968, met: false });
  });

  it('streams a probe file in small pieces, reporting progress up to the whole file', async () => {
    const path = join(temp.dir, 'probes.csv');
    // 3,000 rows, two services in turn, one round a minute from 1 Oct 2026: 1,500 samples each.
    const bytes = await writeProbeSampleFile(path, { rows: 3_000, services: ['svc-1', 'svc-2'], startMs: Date.UTC(2026, 9, 1), intervalSeconds: 60 });
    const twoServices = englishDraft();
    twoServices.services.push({ ...twoServices.services[0]!, id: 'svc-2', name: localized('Acme CRM Reporting'), metrics: [] });
    const progress: MonitoringImportProgress[] = [];
    const result = await importMonitoringFile(path, {
      draft: twoServices,
      chunkBytes: 4_096,
      progressIntervalMs: 0,
      onProgress: (step) => progress.push(step),
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.summary.rows).toBe(3_000);
    expect(result.summary.fileBytes).toBe(bytes);
    const utcMonths = result.data.probes!.months.filter((month) => month.scope === '24x7');
    expect(utcMonths.map((month) => [month.serviceId, month.month, month.samples])).toEqual([
      ['svc-1', '2026-10', 1_500],
      ['svc-2', '2026-10', 1_500],
    ]);
    expect(progress[0]).toEqual({ bytesRead: 0, totalBytes: bytes, rows: 0 });
    expect(progress.at(-1)).toEqual({ bytesRead: bytes, totalBytes: bytes, rows: 3_000 });
    // About one report per 4 KiB piece, never going backwards.
    expect(progress.length).toBeGreaterThan(bytes / 4_096);
    for (let index = 1; index < progress.length; index++) expect(progress[index]!.bytesRead).toBeGreaterThanOrEqual(progress[index - 1]!.bytesRead);
  });

  it('keeps Chinese text intact when a character is cut between two pieces', async () => {
    const path = join(temp.dir, 'incidents-zh.csv');
    const reason = '数据库主备切换导致服务中断'.repeat(20);
    writeFileSync(path, `service,start,end,reason\n云数据库,2026-10-07T10:00:00+08:00,2026-10-07T10:30:00+08:00,${reason}\n`);
    // Pieces of 7 bytes cut most of the three-byte characters in two.
    const result = await importMonitoringFile(path, { draft: chineseDraft(), chunkBytes: 7 });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.data.incidents).toMatchObject([{ serviceId: 'svc-1', start: '2026-10-07T02:00:00.000Z', reason }]);
  });

  it('refuses a file that is not UTF-8 and imports nothing', async () => {
    const path = join(temp.dir, 'latin1.csv');
    writeFileSync(
      path,
      Buffer.concat([Buffer.from('service,start,end,reason\nsvc-1,2026-10-07T10:00:00Z,2026-10-07T10:30:00Z,caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
    );
    const result = await importMonitoringFile(path, { draft });
    expect(result).toMatchObject({ ok: false, errors: [{ line: null, key: 'monitoring.csv.notUtf8' }] });
  });

  it('returns every problem of a bad file, with lines, and no data', async () => {
    const path = join(temp.dir, 'bad.csv');
    writeFileSync(path, 'timestamp,service,up\n2026-10-07T10:00:00Z,svc-1,1\n2026-10-07T10:01:00,svc-1,1\n2026-10-07T10:02:00Z,svc-9,maybe\n');
    const result = await importMonitoringFile(path, { draft });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => [error.line, error.column, error.key])).toEqual([
      [3, 'timestamp', 'monitoring.csv.missingOffset'],
      [4, 'service', 'monitoring.csv.unknownService'],
      [4, 'up', 'monitoring.csv.up'],
    ]);
    expect('data' in result).toBe(false);
  });

  it('stops when cancelled and rejects with the abort reason', async () => {
    const path = join(temp.dir, 'probes.csv');
    await writeProbeSampleFile(path, { rows: 20_000, services: ['svc-1'], startMs: Date.UTC(2026, 9, 1), intervalSeconds: 60 });
    const controller = new AbortController();
    const progress: MonitoringImportProgress[] = [];
    const importing = importMonitoringFile(path, {
      draft,
      chunkBytes: 16_384,
      progressIntervalMs: 0,
      signal: controller.signal,
      onProgress: (step) => {
        progress.push(step);
        if (step.bytesRead > 0) controller.abort();
      },
    });
    await expect(importing).rejects.toMatchObject({ name: 'AbortError' });
    // It stopped after the first piece instead of reading the whole file.
    expect(progress.at(-1)!.bytesRead).toBe(16_384);
  });

  it('reports a file it cannot read as a user-facing error', async () => {
    const error = await importMonitoringFile(join(temp.dir, 'missing.csv'), { draft }).catch((caught: unknown) => caught);
    expect(isServiceError(error)).toBe(true);
    if (isServiceError(error)) {
      expect(error.apiError).toEqual({ code: 'invalidFile', key: 'monitoring.file.unreadable', params: { fileName: 'missing.csv', reason: 'ENOENT' } });
    }
  });
});
