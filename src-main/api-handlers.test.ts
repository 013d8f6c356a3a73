import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api, type ApiResult } from '../src-shared/api';
import { CHANNELS, type Channel } from '../src-shared/channels';
import { createI18n } from '../src-shared/i18n';
import { writeDraftFile } from '../src-shared/model/file';
import { createApiHandlers, type ChannelHandlers } from './api-handlers';
import { createServices, type Services } from './services';
import { englishDraft, makeTempDir, scriptedDialogs, steppingClock, translated, writePresetFixtures } from './services/test-fixtures';

let temp: ReturnType<typeof makeTempDir>;
let services: Services;
let handlers: ChannelHandlers;
let logged: { channel: Channel; error: unknown }[];
let dataDir: string;

beforeEach(() => {
  temp = makeTempDir();
  dataDir = join(temp.dir, 'data');
  writePresetFixtures(join(temp.dir, 'templates'));
  // The real clause library, so clauseLibrary.get answers what the app ships.
  cpSync(join(import.meta.dirname, '..', 'templates', 'standard-saas'), join(temp.dir, 'templates', 'standard-saas'), { recursive: true });
  services = createServices({
    databasePath: join(dataDir, 'sla-studio.db'),
    templatesDir: join(temp.dir, 'templates'),
    clock: steppingClock(),
    dialogs: scriptedDialogs({ savePath: join(temp.dir, 'export.sla.json') }),
  });
  logged = [];
  handlers = createApiHandlers(services, { logError: (channel, error) => logged.push({ channel, error }) });
});
afterEach(() => {
  services.close();
  temp.remove();
});

/** The database file and its write-ahead log (the -shm index changes on reads too). */
function diskState(): Record<string, string> {
  const state: Record<string, string> = {};
  for (const name of readdirSync(dataDir).sort()) {
    if (name.endsWith('-shm')) continue;
    state[name] = createHash('sha256')
      .update(readFileSync(join(dataDir, name)))
      .digest('hex');
  }
  return state;
}

function expectOk<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

const MALFORMED: unknown[] = [42, 'drafts', [], { unexpected: true }];

/** One incident on 7 October 2026, 10:00–11:30 UTC: 90 minutes, for the crm preset's service svc-1. */
const OCTOBER_INCIDENTS = 'service,start,end,severity\nAcme CRM Platform,2026-10-07T10:00:00Z,2026-10-07T11:30:00Z,P1\n';

describe('createApiHandlers', () => {
  it('has exactly one handler per channel', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
  });

  it('answers every channel with a malformed payload by invalidInput with problems, changing nothing on disk', async () => {
    const created = expectOk(await handlers['drafts.create']({ presetId: 'crm' }));
    expectOk(await handlers['settings.setLocale']({ locale: 'en' }));
    const before = diskState();
    const t = createI18n('en').t;
    for (const channel of CHANNELS) {
      for (const payload of MALFORMED) {
        const result = await handlers[channel](payload);
        expect(result, `${channel} with ${JSON.stringify(payload)}`).toMatchObject({
          ok: false,
          error: { code: 'invalidInput', key: 'errors.invalidInput', params: { channel } },
        });
        const problems = result.ok ? [] : (result.error.problems ?? []);
        expect(problems.length, channel).toBeGreaterThan(0);
        for (const item of problems) expect(t(item.key, item.params), item.key).not.toBe(item.key);
      }
    }
    // Right shape, wrong values: each names the field.
    const wrongValues: [Channel, unknown, (string | number)[]][] = [
      ['settings.setLocale', { locale: 'fr' }, ['locale']],
      ['drafts.get', { id: 'not-a-uuid' }, ['id']],
      ['drafts.save', { id: created.id, content: { schemaVersion: 1 }, baseRevision: -1 }, ['baseRevision']],
      ['drafts.list', { query: 'x'.repeat(201) }, ['query']],
      ['drafts.create', { presetId: 'crm', title: '   ' }, ['title']],
      ['drafts.import', { fileName: '', text: '{}' }, ['fileName']],
      ['versions.save', { draftId: created.id, party: 'ourProposal', author: '  ' }, ['author']],
      ['versions.save', { draftId: created.id, party: 'buyer', author: 'Li Wei' }, ['party']],
      ['versions.markAgreed', { versionId: created.id, author: 'Li Wei', approval: { approver: '' } }, ['approval', 'approver']],
      // Past the IPC plain-data check (a direct call): the schema itself wants JSON.
      ['versions.markAgreed', { versionId: created.id, author: 'Li Wei', approval: { approver: 'Dana', findings: [10n] } }, ['approval', 'findings', 0]],
      ['versions.startAmendment', { versionId: 'v1' }, ['versionId']],
      ['reports.importMonitoringText', { draftId: created.id, fileName: 'october.csv', text: 42 }, ['text']],
      ['reports.monthly', { draftId: created.id, month: '2027-13' }, ['month']],
      ['reportExport.docx', { draftId: created.id, month: '2027-10', language: 'fr' }, ['language']],
    ];
    for (const [channel, payload, path] of wrongValues) {
      const result = await handlers[channel](payload);
      expect(result.ok ? [] : result.error.problems?.map((p) => p.path), channel).toEqual([path]);
    }
    // A value of the wrong type says which type the field wants, not that it is missing.
    const wrongType = await handlers['drafts.get']({ id: 42 });
    expect(wrongType.ok ? [] : wrongType.error.problems?.map((p) => t(p.key, p.params))).toEqual(['Must be text.']);
    expect(diskState()).toEqual(before);
    expect(expectOk(await handlers['drafts.get']({ id: created.id }))).toEqual(created);
    expect(logged).toEqual([]);
  });

  it('runs each channel and answers values of the declared output shape', async () => {
    const outputs: Partial<Record<Channel, unknown>> = {};
    outputs['settings.setLocale'] = expectOk(await handlers['settings.setLocale']({ locale: 'zh-CN' }));
    outputs['settings.get'] = expectOk(await handlers['settings.get'](undefined));
    outputs['presets.list'] = expectOk(await handlers['presets.list']({}));
    const created = expectOk(await handlers['drafts.create']({ presetId: 'crm' }));
    outputs['drafts.create'] = created;
    outputs['drafts.get'] = expectOk(await handlers['drafts.get']({ id: created.id }));
    // In both languages, so that the contract exports in either and side by side.
    outputs['drafts.save'] = expectOk(await handlers['drafts.save']({ id: created.id, content: translated(englishDraft()), baseRevision: 0 }));
    outputs['drafts.list'] = expectOk(await handlers['drafts.list']({}));
    // A translation written before, in the clause library or the other preset's draft.
    outputs['translations.suggest'] = expectOk(await handlers['translations.suggest']({ draftId: created.id, text: 'Scheduled maintenance', from: 'en' }));
    outputs['drafts.duplicate'] = expectOk(await handlers['drafts.duplicate']({ id: created.id }));
    outputs['drafts.trash'] = expectOk(await handlers['drafts.trash']({ id: created.id }));
    outputs['drafts.restore'] = expectOk(await handlers['drafts.restore']({ id: created.id }));
    outputs['drafts.import'] = expectOk(await handlers['drafts.import']({ fileName: 'a.sla.json', text: writeDraftFile(englishDraft()) }));
    outputs['exports.draftFile'] = expectOk(await handlers['exports.draftFile']({ id: created.id }));
    outputs['clauseLibrary.list'] = expectOk(await handlers['clauseLibrary.list']({}));
    outputs['clauseLibrary.get'] = expectOk(await handlers['clauseLibrary.get']({ id: 'standard-saas' }));
    const frozen = expectOk(await handlers['versions.save']({ draftId: created.id, party: 'ourProposal', author: 'Li Wei', note: 'First offer' }));
    outputs['versions.save'] = frozen;
    outputs['versions.list'] = expectOk(await handlers['versions.list']({ draftId: created.id }));
    outputs['versions.get'] = expectOk(await handlers['versions.get']({ id: frozen.version.id }));
    outputs['versions.restore'] = expectOk(await handlers['versions.restore']({ versionId: frozen.version.id }));
    outputs['versions.defaultAuthor'] = expectOk(await handlers['versions.defaultAuthor']({}));
    const agreed = expectOk(
      await handlers['versions.markAgreed']({
        versionId: frozen.version.id,
        author: 'Li Wei',
        approval: { approver: 'Dana Legal', findings: [{ rule: 'availabilityAbove' }] },
      }),
    );
    outputs['versions.markAgreed'] = agreed;
    // The agreed round is signed: a round older than an agreed one is no longer marked.
    const signed = expectOk(await handlers['versions.markSigned']({ versionId: agreed.version.id, author: 'Li Wei' }));
    outputs['versions.markSigned'] = signed;
    outputs['versions.startAmendment'] = expectOk(await handlers['versions.startAmendment']({ versionId: signed.version.id }));

    const monitored = expectOk(await handlers['drafts.create']({ presetId: 'crm' }));
    const job = expectOk(await handlers['reports.importMonitoringText']({ draftId: monitored.id, fileName: 'october.csv', text: OCTOBER_INCIDENTS }));
    outputs['reports.importMonitoringText'] = job;
    await services.reports.whenFinished(job.jobId);
    outputs['reports.monitoringImportStatus'] = expectOk(await handlers['reports.monitoringImportStatus']({ jobId: job.jobId }));
    outputs['reports.cancelMonitoringImport'] = expectOk(await handlers['reports.cancelMonitoringImport']({ jobId: job.jobId }));
    outputs['reports.importMonitoringFile'] = expectOk(await handlers['reports.importMonitoringFile']({ draftId: monitored.id }));
    outputs['reports.listMonitoringImports'] = expectOk(await handlers['reports.listMonitoringImports']({ draftId: monitored.id }));
    outputs['reports.monthly'] = expectOk(await handlers['reports.monthly']({ draftId: monitored.id }));
    outputs['reportExport.docx'] = expectOk(await handlers['reportExport.docx']({ draftId: monitored.id, month: '2026-10', language: 'bilingual' }));
    const importId = (outputs['reports.listMonitoringImports'] as { imports: { id: string }[] }).imports[0]!.id;
    outputs['reports.setMonitoringImportPeriod'] = expectOk(
      await handlers['reports.setMonitoringImportPeriod']({ draftId: monitored.id, importId, period: { from: '2026-10', to: '2026-12' } }),
    );
    outputs['reports.deleteMonitoringImport'] = expectOk(await handlers['reports.deleteMonitoringImport']({ draftId: monitored.id, importId }));

    const exported = expectOk(await handlers['exports.contract']({ draftId: created.id, language: 'bilingual', versionId: frozen.version.id }));
    outputs['exports.contract'] = exported;
    outputs['exports.showInFolder'] = expectOk(await handlers['exports.showInFolder']({ exportId: exported.exportId! }));
    outputs['exports.list'] = expectOk(await handlers['exports.list']({ draftId: created.id }));
    outputs['redlines.export'] = expectOk(
      await handlers['redlines.export']({ draftId: created.id, oldVersionId: frozen.version.id, newVersionId: null, language: 'zh-CN' }),
    );
    const docx = readFileSync(exported.path!).toString('base64');
    outputs['exports.importDocx'] = expectOk(await handlers['exports.importDocx']({ fileName: exported.fileName, base64: docx }));

    const backup = expectOk(await handlers['backups.create']({}));
    outputs['backups.create'] = backup;
    outputs['backups.list'] = expectOk(await handlers['backups.list']({}));
    const afterBackup = expectOk(await handlers['drafts.create']({ presetId: 'crm' }));
    outputs['backups.restore'] = expectOk(await handlers['backups.restore']({ backupId: backup.id }));
    // The database is the backup's again: the draft created after it is gone, the one before it is there.
    expect(await handlers['drafts.get']({ id: afterBackup.id })).toMatchObject({ ok: false, error: { code: 'notFound' } });
    expect(expectOk(await handlers['drafts.get']({ id: created.id })).id).toBe(created.id);

    expect(Object.keys(outputs).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) {
      expect(api[channel].output.safeParse(outputs[channel]).success, channel).toBe(true);
    }
    expect(outputs['settings.get']).toEqual({ locale: 'zh-CN' });
    expect((outputs['drafts.list'] as { id: string }[]).map((d) => d.id)).toEqual([created.id]);
    expect(outputs['clauseLibrary.list']).toEqual([expect.objectContaining({ id: 'standard-saas', builtIn: true, errors: [] })]);
    expect(outputs['versions.defaultAuthor']).toEqual({ author: 'Li Wei' });
    expect(outputs['versions.markAgreed']).toMatchObject({
      draftStatus: 'agreed',
      version: { sequence: 2, party: 'agreed', approvals: [{ approver: 'Dana Legal', findings: [{ rule: 'availabilityAbove' }] }] },
    });
    expect(outputs['versions.startAmendment']).toMatchObject({ status: 'drafting', amendsVersionId: signed.version.id });
    // The draft file and the contract are both on the record, newest first.
    expect((outputs['exports.list'] as { kind: string }[]).map((entry) => entry.kind)).toEqual(['contract', 'draftFile']);
    // The imported contract is the translated draft, listed under its title in both languages.
    expect(outputs['exports.importDocx']).toMatchObject({ title: 'Acme CRM Service Level Agreement (Acme CRM 服务水平协议)' });
  });

  it('answers the versions channels with translatable errors for a missing version, a locked draft and a draft with problems', async () => {
    const created = expectOk(await handlers['drafts.create']({ presetId: 'crm' }));
    const missing = '7a1e3c55-2b9d-4e8f-a6c0-1d2e3f4a5b6c';
    const answers = [
      await handlers['versions.get']({ id: missing }),
      await handlers['versions.restore']({ versionId: missing }),
      await handlers['versions.markSigned']({ versionId: missing, author: 'Li Wei' }),
      await handlers['versions.startAmendment']({ versionId: missing }),
    ];
    for (const answer of answers) {
      expect(answer).toMatchObject({ ok: false, error: { code: 'notFound', key: 'versions.errors.notFound', params: { id: missing } } });
    }

    const broken = { ...created.content, title: '' };
    const saved = expectOk(await handlers['drafts.save']({ id: created.id, content: broken, baseRevision: 0 }));
    const refused = await handlers['versions.save']({ draftId: created.id, party: 'ourProposal', author: 'Li Wei', baseRevision: saved.revision });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalidInput', key: 'versions.errors.hasProblems', params: { count: 1 }, problems: [{ path: ['title'] }] },
    });
    expect(expectOk(await handlers['versions.list']({ draftId: created.id }))).toEqual([]);

    expectOk(await handlers['drafts.save']({ id: created.id, content: created.content, baseRevision: saved.revision }));
    expectOk(await handlers['versions.save']({ draftId: created.id, party: 'signed', author: 'Li Wei' }));
    const locked = await handlers['drafts.save']({ id: created.id, content: broken, baseRevision: saved.revision + 1 });
    expect(locked).toEqual({ ok: false, error: { code: 'locked', key: 'errors.locked' } });
    expect(logged).toEqual([]);
  });

  it('imports monitoring data and reports the month through the channels', async () => {
    const created = expectOk(await handlers['drafts.create']({ presetId: 'crm' }));
    const started = expectOk(await handlers['reports.importMonitoringText']({ draftId: created.id, fileName: 'october.csv', text: OCTOBER_INCIDENTS }));
    expect(started).toMatchObject({ state: 'reading', fileName: 'october.csv', totalBytes: Buffer.byteLength(OCTOBER_INCIDENTS) });
    let status = started;
    // The renderer polls from separate events; here each poll waits a turn of the event loop, where the reading happens.
    while (status.state === 'reading') {
      await new Promise((resolve) => setImmediate(resolve));
      status = expectOk(await handlers['reports.monitoringImportStatus']({ jobId: started.jobId }));
    }
    expect(status).toMatchObject({ state: 'imported', rows: 1, imported: { form: 'incidents', months: ['2026-10'] } });
    const result = expectOk(await handlers['reports.monthly']({ draftId: created.id }));
    // 90 minutes of October 2026's 44,640: (44,640 − 90) ÷ 44,640 = 99.7983870968 %, below 99.9 → the 10 % tier.
    expect(result.month).toBe('2026-10');
    expect(result.report?.services[0]?.metrics[0]).toMatchObject({ downtimeMinutes: 90, attainment: 99.7983870968, met: false, credit: { creditPercent: 10 } });
    expect(logged).toEqual([]);
  });

  it('answers a malformed CSV with every problem by line and column, storing nothing', async () => {
    const created = expectOk(await handlers['drafts.create']({ presetId: 'crm' }));
    const malformed = 'service,start,end\nsvc-1,2026-10-07T10:00:00Z,soon\nnobody,2026-10-07T10:00:00Z,2026-10-07T11:00:00Z\n';
    const started = expectOk(await handlers['reports.importMonitoringText']({ draftId: created.id, fileName: 'broken.csv', text: malformed }));
    const finished = await services.reports.whenFinished(started.jobId);
    expect(expectOk(await handlers['reports.monitoringImportStatus']({ jobId: started.jobId }))).toEqual(finished);
    expect(finished.state).toBe('invalid');
    expect(finished.errors.map((error) => `${error.line}:${error.column}:${error.key}`)).toEqual([
      '2:end:monitoring.csv.notInstant',
      '3:service:monitoring.csv.unknownService',
    ]);
    const t = createI18n('en').t;
    expect(t(finished.errors[0]!.key, finished.errors[0]!.params)).toBe(
      'Line 2, column end: "soon" is not an ISO 8601 time with an offset, such as 2026-10-05T14:30:00Z.',
    );
    expect(expectOk(await handlers['reports.listMonitoringImports']({ draftId: created.id }))).toEqual({ imports: [] });
    expect(expectOk(await handlers['reports.monthly']({ draftId: created.id }))).toEqual({
      months: [],
      termMonths: expect.any(Array),
      month: null,
      report: null,
      history: null,
    });
    expect(await handlers['reports.monitoringImportStatus']({ jobId: '0f1e2d3c-4b5a-4968-8776-655443322110' })).toMatchObject({
      ok: false,
      error: { code: 'notFound', key: 'reports.errors.importJobNotFound' },
    });
    expect(logged).toEqual([]);
  });

  it('answers the export channels with translatable errors and records nothing for a refused export', async () => {
    const created = expectOk(await handlers['drafts.create']({ presetId: 'crm' }));
    const missing = '7a1e3c55-2b9d-4e8f-a6c0-1d2e3f4a5b6c';
    expect(await handlers['exports.showInFolder']({ exportId: missing })).toEqual({
      ok: false,
      error: { code: 'notFound', key: 'export.errors.exportNotFound' },
    });
    expect(await handlers['exports.contract']({ draftId: missing, language: 'en' })).toMatchObject({
      ok: false,
      error: { code: 'notFound', key: 'errors.draftNotFound' },
    });
    expect(await handlers['exports.contract']({ draftId: created.id, language: 'en', versionId: missing })).toMatchObject({
      ok: false,
      error: { code: 'notFound', key: 'versions.errors.notFound' },
    });
    expect(await handlers['exports.list']({ draftId: missing })).toMatchObject({ ok: false, error: { code: 'notFound', key: 'errors.draftNotFound' } });

    const saved = expectOk(await handlers['drafts.save']({ id: created.id, content: { ...created.content, termMonths: 0 }, baseRevision: 0 }));
    expect(saved.revision).toBe(1);
    const refused = await handlers['exports.contract']({ draftId: created.id, language: 'zh-CN' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalidInput', key: 'errors.draftHasProblems', problems: [{ path: ['termMonths'], step: 'services' }] },
    });
    expect(expectOk(await handlers['exports.list']({ draftId: created.id }))).toEqual([]);

    const notDocx = await handlers['exports.importDocx']({ fileName: 'notes.docx', base64: Buffer.from('not a zip').toString('base64') });
    expect(notDocx).toEqual({ ok: false, error: { code: 'invalidFile', key: 'export.errors.notDocx', params: { fileName: 'notes.docx', max: 5 } } });
    expect(expectOk(await handlers['drafts.list']({})).map((draft) => draft.id)).toEqual([created.id]);
    expect(logged).toEqual([]);
  });

  it('refuses a template that does not exist, naming it', async () => {
    expect(await handlers['clauseLibrary.get']({ id: 'no-such-template' })).toMatchObject({
      ok: false,
      error: { code: 'notFound', key: 'errors.templateUnusable', params: { id: 'no-such-template' } },
    });
  });

  it('maps a known failure to its error code and key', async () => {
    const created = expectOk(await handlers['drafts.create']({ presetId: 'crm' }));
    expect(await handlers['drafts.save']({ id: created.id, content: created.content, baseRevision: 5 })).toEqual({
      ok: false,
      error: { code: 'conflict', key: 'errors.conflict', params: { revision: 0, baseRevision: 5 } },
    });
    const result = await handlers['drafts.import']({ fileName: 'empty.sla.json', text: '' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalidFile', problems: [{ key: 'file.empty' }] } });
    expect(logged).toEqual([]);
  });

  it('turns an unexpected exception into errors.internal, logging it and leaking nothing', async () => {
    services.close();
    const result = await handlers['drafts.list']({});
    expect(result).toEqual({ ok: false, error: { code: 'internal', key: 'errors.internal' } });
    expect(logged).toHaveLength(1);
    expect(logged[0]!.channel).toBe('drafts.list');
  });
});

describe('errors.* keys', () => {
  it('are translated in both languages', () => {
    const en = createI18n('en').t;
    const zh = createI18n('zh-CN').t;
    const keys = [
      'errors.invalidInput',
      'errors.internal',
      'errors.forbidden',
      'errors.draftNotFound',
      'errors.presetNotFound',
      'errors.conflict',
      'errors.contentTooLarge',
      'errors.unsupportedSchemaVersion',
      'errors.invalidFile',
      'errors.draftHasProblems',
      'errors.cannotWriteFile',
      'errors.databaseTooNew',
      'errors.databaseUnreadable',
      'errors.contentNotObject',
      'errors.contentNotSerializable',
      'errors.invalidJson',
      'errors.unknownChannel',
      'errors.unauthorized',
      'errors.requestTooLarge',
      'errors.templateUnusable',
      'errors.locked',
      'versions.errors.notFound',
      'versions.errors.hasProblems',
      'versions.errors.notSigned',
      'versions.errors.approvalRequired',
      'export.errors.notDocx',
      'export.errors.noDraft',
      'export.errors.damaged',
      'export.errors.tooLarge',
      'export.errors.exportNotFound',
      'export.errors.fileMoved',
    ];
    for (const key of keys) {
      expect(en(key), key).not.toBe(key);
      expect(zh(key), key).not.toBe(key);
      expect(zh(key), key).not.toBe(en(key));
    }
  });
});
