/**
 * The redline export service: the file on disk is the redline it reports
 * (size, hash, the versions compared, the changes counted), written whole
 * or not at all; an invalid draft or an unwritable path changes nothing on
 * disk and says what is wrong.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { preset } from '../../src-shared/contract/fixtures';
import { writeDraftFile } from '../../src-shared/model/file';
import { readDraftPart, sha256Hex } from '../docx/draft-part';
import { openPackage } from '../docx/test-package';
import { resolveRevisions, trackedChanges } from '../docx/test-revisions';
import { createClauseLibrary } from './clause-library';
import { isServiceError, type ServiceError } from './errors';
import { createRedlineExportService, redlineFileName, type RedlineExportRequest } from './redline-export';
import { makeTempDir, steppingClock } from './test-fixtures';

const library = createClauseLibrary({ dirs: [join(process.cwd(), 'templates')] });
let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('sla-redline-');
});
afterEach(() => temp.remove());

async function caught(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!isServiceError(error)) throw new Error(`expected a ServiceError, got ${String(error)}`);
  return error;
}

function request(language: RedlineExportRequest['language'] = 'en'): RedlineExportRequest {
  const after = preset('standard-saas');
  after.targets.objectives[0]!.objective = 99.95;
  after.compliance.dataProtection.push('PIPL');
  return {
    language,
    old: { draft: preset('standard-saas'), label: 'v1 — Our proposal', sha256: 'aa11bb22'.repeat(8) },
    new: { draft: after, label: 'v2 — Customer counter-proposal', sha256: 'cc33dd44'.repeat(8), author: 'Harbourside Logistics Ltd', date: '2026-05-03T16:20:00.000Z' },
  };
}

describe('redline export', () => {
  it('writes the redline atomically and reports its size, hash, versions and changes', async () => {
    const service = createRedlineExportService({ clauseLibrary: library, clock: steppingClock('2026-05-04T10:00:00.000Z') });
    const path = join(temp.dir, 'Brightledger — changes v1 to v2.docx');
    writeFileSync(path, 'an older redline that is replaced');
    const input = request('zh-CN');

    const record = await service.exportToFile({ ...input, path });
    const bytes = readFileSync(path);
    expect(record).toMatchObject({
      kind: 'redline',
      path,
      size: bytes.byteLength,
      sha256: sha256Hex(bytes),
      language: 'zh-CN',
      templateId: 'standard-saas',
      draftSha256: sha256Hex(writeDraftFile(input.new.draft)),
      old: { label: 'v1 — Our proposal', sha256: input.old.sha256 },
      new: { label: 'v2 — Customer counter-proposal', sha256: input.new.sha256, author: 'Harbourside Logistics Ltd', date: '2026-05-03T16:20:00.000Z' },
      exportedAt: '2026-05-04T10:00:00.000Z',
      blanks: [],
    });
    // One clause added (PIPL), several changed (the target, the downtime it allows, the credits).
    expect(record.clauses.added).toBeGreaterThan(0);
    expect(record.clauses.changed).toBeGreaterThan(0);
    expect(readdirSync(temp.dir)).toEqual(['Brightledger — changes v1 to v2.docx']);
    const document = await (await openPackage(bytes)).xml('word/document.xml');
    expect(trackedChanges(document)).toHaveLength(record.revisions);
    expect(trackedChanges(document).every((change) => change.attrs['w:author'] === 'Harbourside Logistics Ltd' && change.attrs['w:date'] === '2026-05-03T16:20:00Z')).toBe(true);
    const target = /不低于\s?99\.95\s?%/u;
    expect(resolveRevisions(document, 'accept').map((paragraph) => paragraph.text).join('\n')).toMatch(target);
    expect(resolveRevisions(document, 'reject').map((paragraph) => paragraph.text).join('\n')).not.toMatch(target);
    expect(await readDraftPart(bytes)).toMatchObject({ ok: true, json: writeDraftFile(input.new.draft) });
  });

  it('refuses a draft with problems, writing nothing', async () => {
    const service = createRedlineExportService({ clauseLibrary: library, clock: steppingClock() });
    const input = request();
    input.old.draft.compensation.claimWindowDays = 0;
    const path = join(temp.dir, 'redline.docx');
    const error = await caught(service.exportToFile({ ...input, path }));
    expect(error.apiError).toMatchObject({ code: 'invalidInput', key: 'errors.draftHasProblems', params: { count: 1 } });
    expect(error.apiError.problems?.[0]?.path).toEqual(['compensation', 'claimWindowDays']);
    expect(readdirSync(temp.dir)).toEqual([]);
  });

  it('names the template a draft needs when it cannot be loaded', async () => {
    const service = createRedlineExportService({ clauseLibrary: library, clock: steppingClock() });
    const input = request();
    input.new.draft.contract.templateId = 'no-such-template';
    const error = await caught(service.build(input));
    expect(error.apiError).toMatchObject({ key: 'errors.templateUnusable', params: { id: 'no-such-template' } });
  });

  it('reports a folder it cannot write to and leaves no temp file', async () => {
    const service = createRedlineExportService({ clauseLibrary: library, clock: steppingClock() });
    const folder = join(temp.dir, 'locked');
    mkdirSync(folder);
    const path = join(folder, 'missing', 'redline.docx');
    const error = await caught(service.exportToFile({ ...request(), path }));
    expect(error.apiError).toMatchObject({ key: 'errors.cannotWriteFile', params: { path, reason: 'ENOENT' } });
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('redline file name', () => {
  it('suggests the title and the two versions, in the user’s language, without characters a file system refuses', () => {
    expect(redlineFileName('Acme / Contoso SLA', 'v2', 'v3', 'en')).toBe('Acme Contoso SLA — changes v2 to v3.docx');
    expect(redlineFileName('云帆 SLA', 'v1', 'v2', 'zh-CN')).toBe('云帆 SLA — 修订稿（v1 至 v2）.docx');
    expect(redlineFileName('  ', 'v1', 'v2', 'en')).toBe('SLA — changes v1 to v2.docx');
  });
});
