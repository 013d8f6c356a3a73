/**
 * The redline export service: the file on disk is the redline it reports
 * (size, hash, the versions compared, the changes counted), written whole
 * or not at all; an invalid draft or an unwritable path changes nothing on
 * disk and says what is wrong.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { preset } from '../../src-shared/contract/fixtures';
import { contractTerms } from '../../src-shared/model/contract-terms';
import { writeDraftFile } from '../../src-shared/model/file';
import type { SlaDraft } from '../../src-shared/model/schema';
import { shortHash, versionLabel } from '../../src-shared/model/version';
import { readDraftPart } from '../docx/draft-part';
import { sha256Hex } from '../sha256';
import { openPackage, wordText } from '../docx/test-package';
import { plainParagraphs, resolveRevisions, trackedChanges } from '../docx/test-revisions';
import { createClauseLibrary } from './clause-library';
import { isServiceError, type ServiceError } from './errors';
import { createRedlineExportService, redlineFileName, type RedlineExportRequest } from './redline-export';
import { createServices, type Dialogs, type Services } from './index';
import { englishDraft, makeTempDir, steppingClock, translated, writePresetFixtures } from './test-fixtures';

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
    new: {
      draft: after,
      label: 'v2 — Customer counter-proposal',
      sha256: 'cc33dd44'.repeat(8),
      author: 'Harbourside Logistics Ltd',
      date: '2026-05-03T16:20:00.000Z',
    },
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
    expect(
      trackedChanges(document).every((change) => change.attrs['w:author'] === 'Harbourside Logistics Ltd' && change.attrs['w:date'] === '2026-05-03T16:20:00Z'),
    ).toBe(true);
    const target = /不低于\s?99\.95\s?%/u;
    expect(
      resolveRevisions(document, 'accept')
        .map((paragraph) => paragraph.text)
        .join('\n'),
    ).toMatch(target);
    expect(
      resolveRevisions(document, 'reject')
        .map((paragraph) => paragraph.text)
        .join('\n'),
    ).not.toMatch(target);
    expect(await readDraftPart(bytes)).toMatchObject({ ok: true, json: writeDraftFile(contractTerms(input.new.draft)) });
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

describe('the Redline action of the compare screen', () => {
  let services: Services;
  let outDir: string;
  /** What the save dialog answers next: a file name in outDir, or null for Cancel. */
  let saveAnswer: string | null;
  let saveRequests: string[];

  beforeEach(() => {
    outDir = join(temp.dir, 'out');
    cpSync(join(process.cwd(), 'templates', 'standard-saas'), join(temp.dir, 'templates', 'standard-saas'), { recursive: true });
    writePresetFixtures(join(temp.dir, 'templates'));
    mkdirSync(outDir);
    saveAnswer = 'redline.docx';
    saveRequests = [];
    const dialogs: Dialogs = {
      chooseSavePath: async ({ suggestedName }) => {
        saveRequests.push(suggestedName);
        return saveAnswer === null ? null : join(outDir, saveAnswer);
      },
      chooseOpenPath: async () => null,
      showInFolder: () => undefined,
    };
    services = createServices({
      databasePath: join(temp.dir, 'data', 'sla-studio.db'),
      templatesDir: join(temp.dir, 'templates'),
      clock: steppingClock('2026-05-04T10:00:00.000Z'),
      dialogs,
    });
    services.settings.setLocale('en');
  });
  afterEach(() => services.close());

  /**
   * Two rounds: our proposal, then the customer's counter-proposal with a
   * higher target and a shorter claim window; written in both languages, so
   * that each round's contract prints in either.
   */
  function twoRounds() {
    const draft = services.drafts.create({ presetId: 'crm' });
    const proposal = services.drafts.save({ id: draft.id, content: translated(englishDraft()) as unknown as Record<string, unknown>, baseRevision: 0 });
    const first = services.versions.save({ draftId: draft.id, party: 'ourProposal', author: 'Li Wei', note: '' }).version;
    const counter = translated(englishDraft());
    counter.targets.objectives[0]!.objective = 99.95;
    counter.compensation.claimWindowDays = 15;
    const saved = services.drafts.save({ id: draft.id, content: counter as unknown as Record<string, unknown>, baseRevision: proposal.revision });
    const second = services.versions.save({
      draftId: draft.id,
      party: 'customerCounter',
      author: 'Harbourside Legal',
      note: 'Their asks',
      baseRevision: saved.revision,
    }).version;
    return { draft, first, second };
  }

  async function contractOf(draftId: string, versionId: string, language: 'en' | 'zh-CN' | 'bilingual') {
    saveAnswer = `contract-${versionId}-${language}.docx`;
    const result = await services.exports.exportContract({ draftId, language, versionId });
    return plainParagraphs(await (await openPackage(readFileSync(result.path!))).xml('word/document.xml'));
  }

  it('writes the changes from one version to the next as the newer one’s author, and accepting them gives its contract', async () => {
    const { draft, first, second } = twoRounds();
    for (const language of ['en', 'zh-CN', 'bilingual'] as const) {
      saveAnswer = `redline-${language}.docx`;
      const result = await services.redlines.exportRedline({ draftId: draft.id, oldVersionId: first.id, newVersionId: second.id, language });
      const bytes = readFileSync(join(outDir, `redline-${language}.docx`));
      expect(result).toMatchObject({ path: join(outDir, `redline-${language}.docx`), bytes: bytes.byteLength, sha256: sha256Hex(bytes) });
      const document = await (await openPackage(bytes)).xml('word/document.xml');
      const changes = trackedChanges(document);
      expect(changes.length).toBe(result.revisions);
      expect(result.revisions).toBeGreaterThan(0);
      for (const change of changes)
        expect(change.attrs).toMatchObject({ 'w:author': 'Harbourside Legal', 'w:date': second.createdAt.replace(/\.\d{3}Z$/, 'Z') });
      expect(resolveRevisions(document, 'accept')).toEqual(await contractOf(draft.id, second.id, language));
      expect(resolveRevisions(document, 'reject')).toEqual(await contractOf(draft.id, first.id, language));
    }
    expect(saveRequests[0]).toBe('Acme CRM Service Level Agreement — changes v1 to v2.docx');
    const redlines = services.exports.list(draft.id).filter((entry) => entry.kind === 'redline');
    expect(redlines.map((entry) => [entry.language, entry.version?.id])).toEqual([
      ['bilingual', second.id],
      ['zh-CN', second.id],
      ['en', second.id],
    ]);
  });

  it('takes the working copy as a side, with the name versions are saved under as its author', async () => {
    const { draft, second } = twoRounds();
    services.versions.save({ draftId: draft.id, party: 'internal', author: 'Dana Legal', note: '' });
    const record = services.drafts.get(draft.id);
    const edited = structuredClone(record.content) as unknown as SlaDraft;
    edited.compensation.claimWindowDays = 20;
    const saved = services.drafts.save({ id: draft.id, content: edited as unknown as Record<string, unknown>, baseRevision: record.revision });

    const result = await services.redlines.exportRedline({ draftId: draft.id, oldVersionId: second.id, newVersionId: null, language: 'en' });
    expect(saveRequests).toEqual(['Acme CRM Service Level Agreement — changes v2 to working copy.docx']);
    const bytes = readFileSync(result.path!);
    const document = await (await openPackage(bytes)).xml('word/document.xml');
    expect(result.revisions).toBeGreaterThan(0);
    for (const change of trackedChanges(document))
      expect(change.attrs).toMatchObject({ 'w:author': 'Dana Legal', 'w:date': saved.updatedAt.replace(/\.\d{3}Z$/, 'Z') });
    // The working copy's contract has no version line on its cover, and neither has the accepted redline.
    saveAnswer = 'working.docx';
    const working = await services.exports.exportContract({ draftId: draft.id, language: 'en' });
    expect(resolveRevisions(document, 'accept')).toEqual(plainParagraphs(await (await openPackage(readFileSync(working.path!))).xml('word/document.xml')));
    const footers = await openPackage(bytes);
    const footerText = (
      await Promise.all(footers.names.filter((name) => /^word\/footer\d+\.xml$/.test(name)).map((name) => footers.xml(name).then(wordText)))
    ).join('|');
    expect(footerText).toContain(`Changes from ${versionLabel(second, 'en')} · ${shortHash(second.sha256)} to working copy`);
    expect(services.exports.list(draft.id).find((entry) => entry.kind === 'redline')).toMatchObject({ version: null, language: 'en' });
  });

  it('writes and records nothing when the dialog is cancelled, and asks nothing when a side has problems', async () => {
    const { draft, first } = twoRounds();
    saveAnswer = null;
    const cancelled = await services.redlines.exportRedline({ draftId: draft.id, oldVersionId: first.id, newVersionId: null, language: 'en' });
    expect(cancelled).toMatchObject({ exportId: null, path: null, bytes: 0, sha256: null, revisions: 0 });
    expect(saveRequests).toHaveLength(1);

    const record = services.drafts.get(draft.id);
    services.drafts.save({ id: draft.id, content: { ...record.content, termMonths: 0 }, baseRevision: record.revision });
    saveAnswer = 'broken.docx';
    const error = await caught(services.redlines.exportRedline({ draftId: draft.id, oldVersionId: first.id, newVersionId: null, language: 'en' }));
    expect(error.apiError).toMatchObject({ code: 'invalidInput', key: 'errors.draftHasProblems', problems: [{ path: ['termMonths'] }] });
    expect(saveRequests).toHaveLength(1);
    expect(readdirSync(outDir)).toEqual([]);
    expect(services.exports.list(draft.id)).toEqual([]);
  });

  it('writes the changes an amendment makes from the signed version it amends, a version of another draft', async () => {
    const { first } = twoRounds();
    const signed = services.versions.markSigned({ versionId: first.id, author: 'Li Wei', note: '' }).version;
    const amendment = services.versions.startAmendment(signed.id);
    const content = structuredClone(amendment.content) as unknown as SlaDraft;
    content.targets.objectives[0]!.objective = 99.95;
    services.drafts.save({ id: amendment.id, content: content as unknown as Record<string, unknown>, baseRevision: amendment.revision });
    saveAnswer = 'amendment-redline.docx';
    const result = await services.redlines.exportRedline({ draftId: amendment.id, oldVersionId: signed.id, newVersionId: null, language: 'en' });
    expect(result.revisions).toBeGreaterThan(0);
    expect(readFileSync(join(outDir, 'amendment-redline.docx')).byteLength).toBe(result.bytes);
  });

  it('refuses a version of another draft', async () => {
    const { first } = twoRounds();
    const other = services.drafts.create({ presetId: 'crm' });
    const error = await caught(services.redlines.exportRedline({ draftId: other.id, oldVersionId: first.id, newVersionId: null, language: 'en' }));
    expect(error.apiError).toMatchObject({ code: 'notFound', key: 'versions.errors.notFound' });
    expect(saveRequests).toEqual([]);
  });
});
