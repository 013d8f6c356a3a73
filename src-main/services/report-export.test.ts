/**
 * reportExport.docx behind the channel: the month's report from the stored
 * monitoring data → the save dialog → the file written atomically → one row
 * in the exports table; and everything that must change nothing on disk.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeDraftFile } from '../../src-shared/model/file';
import type { SlaDraft } from '../../src-shared/model/schema';
import { createServices, type Services } from '.';
import { openDatabase } from '../db/connection';
import { openPackage, wordText } from '../docx/test-package';
import { isServiceError } from './errors';
import { englishDraft, makeTempDir, scriptedDialogs, steppingClock, writePresetFixtures } from './test-fixtures';

/**
 * englishDraft with a fee: svc-1 "Acme CRM Platform", availability 99.9 %
 * 24×7; below 99.9 → 10 %, below 99 → 25 %; USD 12,000 a month; 30-day claims.
 * October 2026, 44,640 minutes: 10:00–12:00 on 7 October down (two
 * overlapping incidents), 120 minutes of excluded maintenance leave the
 * period: 44,400 ÷ 44,520 = 99.7305 % → 10 % of USD 12,000 = USD 1,200.00.
 * Claims until 31 October + 30 days = 30 November 2026.
 */
function monitoredDraft(): SlaDraft {
  const draft = englishDraft();
  draft.compensation.currency = 'USD';
  draft.compensation.monthlyFee = 12_000;
  return draft;
}

const OCTOBER = [
  'service,start,end,severity,excluded,reason',
  'Acme CRM Platform,2026-10-07T10:00:00Z,2026-10-07T11:30:00Z,P1,no,Database failover',
  'svc-1,2026-10-07T11:00:00Z,2026-10-07T12:00:00Z,P2,no,Slow recovery',
  'svc-1,2026-10-18T01:00:00Z,2026-10-18T03:00:00Z,,yes,Scheduled maintenance',
  '',
].join('\n');

let temp: ReturnType<typeof makeTempDir>;
let services: Services;
let dialogs: ReturnType<typeof scriptedDialogs>;
const answer: { savePath: string | null } = { savePath: null };
const outDir = () => join(temp.dir, 'out');

beforeEach(() => {
  temp = makeTempDir('sla-report-export-');
  writePresetFixtures(join(temp.dir, 'templates'));
  mkdirSync(outDir());
  answer.savePath = join(outDir(), 'report.docx');
  // The answer is read at each request, so a test can cancel or point elsewhere.
  dialogs = scriptedDialogs(answer);
  services = createServices({
    databasePath: join(temp.dir, 'data', 'sla-studio.db'),
    templatesDir: join(temp.dir, 'templates'),
    clock: steppingClock('2026-11-02T09:00:00.000Z'),
    dialogs,
  });
});
afterEach(() => {
  services.close();
  temp.remove();
});

async function monitoredDraftId(draft: SlaDraft = monitoredDraft()): Promise<string> {
  const draftId = services.drafts.importFile({ fileName: 'acme.sla.json', text: writeDraftFile(draft) }).id;
  const job = services.reports.importText({ draftId, fileName: 'october.csv', text: OCTOBER });
  const finished = await services.reports.whenFinished(job.jobId);
  expect(finished.state).toBe('imported');
  return draftId;
}

async function serviceError(action: Promise<unknown>): Promise<{ code: string; key: string; params?: Record<string, unknown> }> {
  try {
    await action;
  } catch (error) {
    if (isServiceError(error)) return error.apiError as { code: string; key: string; params?: Record<string, unknown> };
    throw error;
  }
  throw new Error('expected a ServiceError');
}

async function documentText(path: string): Promise<string> {
  const pkg = await openPackage(readFileSync(path));
  return wordText(await pkg.xml('word/document.xml'));
}

describe('reportExport.docx', () => {
  it('writes the month’s report where the user chose and records it with the file’s hash', async () => {
    const draftId = await monitoredDraftId();
    const result = await services.reportExport.exportDocx({ draftId, month: '2026-10', language: 'en' });
    const path = join(outDir(), 'report.docx');
    expect(result).toMatchObject({ path, fileName: 'report.docx' });
    expect(dialogs.saveRequests).toEqual([{ suggestedName: 'Acme CRM Service Level Agreement - Service Level Report 2026-10 (EN).docx' }]);

    const bytes = readFileSync(path);
    expect(result.bytes).toBe(bytes.byteLength);
    expect(result.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const text = await documentText(path);
    expect(text).toContain('Service Level Report — October 2026');
    expect(text).toContain('99.7305\u00a0%');
    expect(text).toContain('USD 1,200.00');
    expect(text).toContain('30 November 2026');
    // No temp file is left beside it.
    expect(readdirSync(outDir())).toEqual(['report.docx']);

    expect(services.exports.list(draftId)).toEqual([
      expect.objectContaining({ id: result.exportId, kind: 'report', language: 'en', path, bytes: bytes.byteLength, sha256: result.sha256, version: null }),
    ]);
  });

  it('names the saved version in the footer only when the working copy is exactly that version', async () => {
    const draftId = await monitoredDraftId();
    const frozen = services.versions.save({ draftId, party: 'agreed', author: 'Li Wei', note: '' });
    const onVersion = await services.reportExport.exportDocx({ draftId, month: '2026-10', language: 'zh-CN' });
    const record = services.exports.list(draftId).find((entry) => entry.id === onVersion.exportId);
    expect(record?.version).toMatchObject({ id: frozen.version.id, sequence: 1 });
    const pkg = await openPackage(readFileSync(onVersion.path!));
    const footers = await Promise.all(pkg.names.filter((name) => /^word\/footer\d*\.xml$/.test(name)).map(async (name) => wordText(await pkg.xml(name))));
    expect(footers.join('\n')).toContain(`SHA-256 ${frozen.version.sha256.slice(0, 8)}`);

    // Edited since: the report is on the working copy, and says no version.
    const working = services.drafts.get(draftId);
    services.drafts.save({ id: draftId, content: { ...working.content, title: 'Acme CRM SLA (renewal)' }, baseRevision: working.revision });
    const onWorkingCopy = await services.reportExport.exportDocx({ draftId, month: '2026-10', language: 'en' });
    expect(services.exports.list(draftId).find((entry) => entry.id === onWorkingCopy.exportId)?.version).toBeNull();
    expect(await documentText(onWorkingCopy.path!)).not.toContain('Agreement version');
  });

  it('names a version an older app saved when the working copy reads the same today', async () => {
    const draftId = await monitoredDraftId();
    // The working copy as the version-1 app stored it, and a version frozen from it in that form.
    const { mainAgreement: _mainAgreement, ...current } = services.drafts.get(draftId).content as Record<string, unknown> & {
      targets: { maintenance: Record<string, unknown> };
      monitoring: Record<string, unknown>;
      compensation: Record<string, unknown>;
    };
    const { emergencyMaxHoursPerMonth: _cap, ...maintenance } = current.targets.maintenance;
    const { methodDowntimePrevails: _prevails, ...monitoring } = current.monitoring;
    const { claims: _claims, ...compensation } = current.compensation;
    const version1 = { ...current, schemaVersion: 1, targets: { ...current.targets, maintenance }, monitoring, compensation };
    const db = openDatabase(join(temp.dir, 'data', 'sla-studio.db'));
    try {
      db.prepare('UPDATE drafts SET content_json = ? WHERE id = ?').run(JSON.stringify(version1), draftId);
    } finally {
      db.close();
    }
    const frozen = services.versions.save({ draftId, party: 'agreed', author: 'Li Wei', note: '' });
    const exported = await services.reportExport.exportDocx({ draftId, month: '2026-10', language: 'en' });
    expect(services.exports.list(draftId).find((entry) => entry.id === exported.exportId)?.version).toMatchObject({ id: frozen.version.id });
  });

  it('names each party as the contract does in each language: by its name in Chinese in the Chinese report', async () => {
    const draft = monitoredDraft();
    draft.parties.customer.legalNameZh = '苏州禾丰供应链管理有限公司';
    const draftId = await monitoredDraftId(draft);
    answer.savePath = join(outDir(), 'zh.docx');
    const chinese = await documentText((await services.reportExport.exportDocx({ draftId, month: '2026-10', language: 'zh-CN' })).path!);
    expect(chinese).toContain('苏州禾丰供应链管理有限公司');
    expect(chinese).not.toContain(draft.parties.customer.legalName);
    // A party without a name in Chinese keeps its legal name there.
    expect(chinese).toContain(draft.parties.provider.legalName);
    answer.savePath = join(outDir(), 'en.docx');
    const english = await documentText((await services.reportExport.exportDocx({ draftId, month: '2026-10', language: 'en' })).path!);
    expect(english).toContain(draft.parties.customer.legalName);
    expect(english).not.toContain('苏州禾丰供应链管理有限公司');
  });

  it('writes and records nothing when the save dialog is cancelled', async () => {
    const draftId = await monitoredDraftId();
    answer.savePath = null;
    const result = await services.reportExport.exportDocx({ draftId, month: '2026-10', language: 'bilingual' });
    expect(result).toMatchObject({
      exportId: null,
      path: null,
      bytes: 0,
      sha256: null,
      fileName: 'Acme CRM Service Level Agreement - Service Level Report 2026-10 (EN-ZH).docx',
    });
    expect(readdirSync(outDir())).toEqual([]);
    expect(services.exports.list(draftId)).toEqual([]);
  });

  it('refuses a month without monitoring data before asking where to save', async () => {
    const draftId = await monitoredDraftId();
    const error = await serviceError(services.reportExport.exportDocx({ draftId, month: '2026-09', language: 'en' }));
    expect(error).toMatchObject({ code: 'invalidInput', key: 'reports.errors.noDataForMonth', params: { month: '2026-09' } });
    expect(dialogs.saveRequests).toEqual([]);
    expect(services.exports.list(draftId)).toEqual([]);
  });

  it('refuses a draft whose report sections have problems, naming them, before asking where to save', async () => {
    const draftId = await monitoredDraftId();
    const working = services.drafts.get(draftId);
    const content = structuredClone(working.content) as { compensation: { creditTiers: Array<{ creditPercent: number }> } };
    content.compensation.creditTiers[0]!.creditPercent = -5;
    services.drafts.save({ id: draftId, content, baseRevision: working.revision });
    const error = await serviceError(services.reportExport.exportDocx({ draftId, month: '2026-10', language: 'en' }));
    expect(error).toMatchObject({ code: 'invalidInput', key: 'reports.errors.draftHasProblems' });
    expect(dialogs.saveRequests).toEqual([]);
  });

  it('reports a file that cannot be written, leaving nothing behind and recording nothing', async () => {
    const draftId = await monitoredDraftId();
    answer.savePath = join(outDir(), 'missing-folder', 'report.docx');
    const error = await serviceError(services.reportExport.exportDocx({ draftId, month: '2026-10', language: 'en' }));
    expect(error).toMatchObject({ key: 'errors.cannotWriteFile', params: { path: answer.savePath, reason: 'ENOENT' } });
    expect(existsSync(answer.savePath)).toBe(false);
    expect(readdirSync(outDir())).toEqual([]);
    expect(services.exports.list(draftId)).toEqual([]);
  });

  it('refuses a draft that does not exist', async () => {
    const error = await serviceError(services.reportExport.exportDocx({ draftId: '00000000-0000-4000-8000-000000000000', month: '2026-10', language: 'en' }));
    expect(error.code).toBe('notFound');
  });
});
