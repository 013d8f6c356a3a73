/**
 * Every IPC channel refuses a sender that is not the main frame of the app's
 * own page, and a malformed payload; a trusted, well-formed request reaches
 * its handler. Electron is played by a fake ipcMain (Electron itself cannot
 * run here); the malformed payloads go to the real handlers on a real
 * database, which must be unchanged afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_DOCX_BYTES, MAX_MONITORING_TEXT_CHARS, type ApiResult } from '../src-shared/api';
import { CHANNELS, type Channel } from '../src-shared/channels';
import { MAX_DRAFT_FILE_CHARS } from '../src-shared/model/file';
import { createApiHandlers, type ChannelHandlers } from './api-handlers';
import { createSenderCheck, registerIpc, type InvokeEvent, type IpcMainLike, type SenderFrame } from './ipc';
import { createServices, type Services } from './services';

type Listener = Parameters<IpcMainLike['handle']>[1];

/** Electron's ipcMain as the tests need it: record the handlers, invoke them like a renderer would. */
class FakeIpcMain implements IpcMainLike {
  readonly listeners = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.listeners.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.listeners.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.listeners.delete(channel);
  }
  async invoke(channel: string, event: InvokeEvent, payload: unknown): Promise<ApiResult<unknown>> {
    const listener = this.listeners.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener(event, payload);
  }
}

// Spelled out rather than imported from electron/: these tests state what the app's origin is.
const APP_ORIGIN = 'app://sla-studio';
const DEV_SERVER = 'http://localhost:5173';
const isTrustedSender = createSenderCheck([APP_ORIGIN]);

const mainFrame = (url: string): SenderFrame => ({ url, parent: null });
const TRUSTED: InvokeEvent = { senderFrame: mainFrame('app://sla-studio/index.html') };

const FOREIGN_SENDERS: [string, InvokeEvent][] = [
  ['a web page', { senderFrame: mainFrame('https://evil.example/') }],
  ['a local file', { senderFrame: mainFrame('file:///tmp/evil.html') }],
  ['another app:// host', { senderFrame: mainFrame('app://evil/index.html') }],
  ['a look-alike host', { senderFrame: mainFrame('app://sla-studio.evil.example/index.html') }],
  ['the dev server, in the installed app', { senderFrame: mainFrame(`${DEV_SERVER}/`) }],
  ['about:blank', { senderFrame: mainFrame('about:blank') }],
  ['a data: page', { senderFrame: mainFrame('data:text/html,<script>1</script>') }],
];

const UNTRUSTED_FRAMES: [string, InvokeEvent][] = [
  ['an iframe of the app page', { senderFrame: { url: 'app://sla-studio/index.html', parent: mainFrame('app://sla-studio/index.html') } }],
  ['a foreign iframe inside the app', { senderFrame: { url: 'https://ads.example/', parent: mainFrame('app://sla-studio/index.html') } }],
  ['no sender frame (it was destroyed)', { senderFrame: null }],
  ['a detached frame', { senderFrame: { url: 'app://sla-studio/index.html', parent: null, detached: true } }],
  [
    'a disposed frame that throws when read',
    {
      get senderFrame(): SenderFrame {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    },
  ],
];

const DRAFT_ID = '0b9f4a3e-6a43-4c51-9f3e-2d1c7a5b8e10';
const VERSION_ID = '5d2c8e71-3b4a-4f6e-8c1d-9a0b7e6f5c43';
const IMPORT_JOB_ID = 'a7e3c1d2-4b5f-4e6a-9c8d-1f2e3d4c5b6a';
const IMPORT_ID = 'c4d5e6f7-8a9b-4c0d-8e1f-2a3b4c5d6e7f';
const EXPORT_ID = 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b';

/** A well-formed request for every channel. */
const VALID_PAYLOADS: Record<Channel, unknown> = {
  'settings.get': {},
  'settings.setLocale': { locale: 'zh-CN' },
  'presets.list': {},
  'drafts.list': { query: 'acme', view: 'active', sort: 'updated' },
  'drafts.create': { presetId: null, title: 'Acme Cloud SLA' },
  'drafts.get': { id: DRAFT_ID },
  'drafts.save': { id: DRAFT_ID, content: { title: 'Acme Cloud SLA' }, baseRevision: 0 },
  'drafts.duplicate': { id: DRAFT_ID },
  'drafts.trash': { id: DRAFT_ID },
  'drafts.restore': { id: DRAFT_ID },
  'drafts.import': { fileName: 'acme.sla.json', text: '{"schemaVersion":1}' },
  'exports.draftFile': { id: DRAFT_ID },
  'clauseLibrary.list': {},
  'clauseLibrary.get': { id: 'standard-saas' },
  'translations.suggest': { draftId: DRAFT_ID, text: 'Scheduled maintenance', from: 'en' },
  'versions.list': { draftId: DRAFT_ID },
  'versions.get': { id: VERSION_ID },
  'versions.save': { draftId: DRAFT_ID, party: 'customerCounter', author: 'Li Wei', note: 'Round 2', baseRevision: 3 },
  'versions.restore': { versionId: VERSION_ID },
  'versions.markAgreed': { versionId: VERSION_ID, author: 'Li Wei', approval: { approver: 'Dana Legal', note: 'OK', findings: [] } },
  'versions.markSigned': { versionId: VERSION_ID, author: 'Li Wei' },
  'versions.defaultAuthor': {},
  'versions.startAmendment': { versionId: VERSION_ID },
  'reports.listMonitoringImports': { draftId: DRAFT_ID },
  'reports.importMonitoringText': {
    draftId: DRAFT_ID,
    fileName: 'october.csv',
    text: 'service,start,end\ncore-api,2027-10-12T14:00:00Z,2027-10-12T15:10:00Z\n',
  },
  'reports.importMonitoringFile': { draftId: DRAFT_ID },
  'reports.monitoringImportStatus': { jobId: IMPORT_JOB_ID },
  'reports.cancelMonitoringImport': { jobId: IMPORT_JOB_ID },
  'reports.deleteMonitoringImport': { draftId: DRAFT_ID, importId: IMPORT_ID },
  'reports.setMonitoringImportPeriod': { draftId: DRAFT_ID, importId: IMPORT_ID, period: { from: '2027-10', to: '2027-12' } },
  'reports.monthly': { draftId: DRAFT_ID, month: '2027-10', historyMonths: 6 },
  'reportExport.docx': { draftId: DRAFT_ID, month: '2027-10', language: 'bilingual' },
  'exports.contract': { draftId: DRAFT_ID, language: 'bilingual', versionId: VERSION_ID },
  'exports.showInFolder': { exportId: EXPORT_ID },
  'redlines.export': { draftId: DRAFT_ID, oldVersionId: VERSION_ID, newVersionId: null, language: 'zh-CN' },
  'exports.list': { draftId: DRAFT_ID },
  'exports.importDocx': { fileName: 'Acme Cloud SLA v3 (EN).docx', base64: 'UEsDBBQAAAAIAA==' },
  'backups.list': {},
  'backups.create': {},
  'backups.restore': { backupId: 'auto-20270601T091502Z.sqlite' },
};

/** Payloads no channel accepts, then for each channel the ones that break its own schema. */
const MALFORMED_FOR_ALL: unknown[] = [42, 'drafts; DROP TABLE drafts', [], true, { unexpected: true }, { ['__proto__']: { admin: true }, extra: 1 }];
const MALFORMED: Record<Channel, unknown[]> = {
  'settings.get': [{ locale: 'en' }],
  'settings.setLocale': [{}, { locale: 'fr' }, { locale: 1 }, { locale: 'en', extra: 1 }],
  'presets.list': [{ filter: 'x' }],
  'drafts.list': [{ query: 5 }, { view: 'deleted' }, { sort: 'random' }, { query: 'x'.repeat(201) }],
  'drafts.create': [{}, { presetId: 7 }, { presetId: null, title: '   ' }, { presetId: 'p'.repeat(65) }],
  'drafts.get': [{}, { id: 'not-a-uuid' }, { id: "' OR 1=1 --" }, { id: null }],
  'drafts.save': [
    { id: DRAFT_ID, content: 'text', baseRevision: 0 },
    { id: DRAFT_ID, content: {}, baseRevision: -1 },
    { id: DRAFT_ID, content: {}, baseRevision: 1.5 },
    { id: DRAFT_ID, content: [] },
  ],
  'drafts.duplicate': [{ id: '../../etc/passwd' }],
  'drafts.trash': [{ id: 12 }],
  'drafts.restore': [{ id: '' }],
  'drafts.import': [
    { fileName: '', text: '{}' },
    { fileName: 'a.sla.json' },
    { fileName: 'a.sla.json', text: 'x'.repeat(MAX_DRAFT_FILE_CHARS + 2) },
    { fileName: 'x'.repeat(261), text: '{}' },
  ],
  'exports.draftFile': [{ id: DRAFT_ID, path: '/etc/passwd' }],
  'clauseLibrary.list': [{ dir: '/etc' }],
  'clauseLibrary.get': [{}, { id: '' }, { id: 'x'.repeat(65) }, { id: 'standard-saas', folder: '/tmp' }],
  'translations.suggest': [
    { draftId: DRAFT_ID, text: 'x' },
    { draftId: DRAFT_ID, text: 'x'.repeat(5_001), from: 'en' },
    { draftId: DRAFT_ID, text: 'x', from: 'fr' },
  ],
  'versions.list': [{}, { draftId: 'not-a-uuid' }, { draftId: DRAFT_ID, limit: 5 }],
  'versions.get': [{ id: 7 }, { versionId: VERSION_ID }],
  'versions.save': [
    { draftId: DRAFT_ID, party: 'customer', author: 'Li Wei' },
    { draftId: DRAFT_ID, party: 'ourProposal', author: '   ' },
    { draftId: DRAFT_ID, party: 'ourProposal' },
    { draftId: DRAFT_ID, party: 'ourProposal', author: 'Li Wei', baseRevision: -1 },
    { draftId: DRAFT_ID, party: 'ourProposal', author: 'Li Wei', note: 'n'.repeat(5_001) },
    { draftId: DRAFT_ID, party: 'agreed', author: 'Li Wei', approval: { note: 'no approver' } },
    { draftId: DRAFT_ID, party: 'ourProposal', author: 'Li Wei', sha256: '00' },
  ],
  'versions.restore': [{}, { versionId: '' }, { versionId: VERSION_ID, content: {} }],
  'versions.markAgreed': [
    { versionId: VERSION_ID },
    { versionId: VERSION_ID, author: 'A', approval: { approver: '', findings: [] } },
    { versionId: VERSION_ID, author: 'A', approval: { approver: 'B', findings: 'all' } },
  ],
  'versions.markSigned': [{ author: 'A' }, { versionId: VERSION_ID, author: 'x'.repeat(201) }],
  'versions.defaultAuthor': [{ author: 'A' }],
  'versions.startAmendment': [{}, { versionId: DRAFT_ID.slice(1) }, { id: VERSION_ID }],
  'reports.listMonitoringImports': [{}, { draftId: 'core-api' }, { draftId: DRAFT_ID, month: '2027-10' }],
  'reports.importMonitoringText': [
    { draftId: DRAFT_ID, fileName: 'october.csv' },
    { draftId: DRAFT_ID, fileName: '   ', text: 'service,start,end\n' },
    { draftId: DRAFT_ID, fileName: 'october.csv', text: 'x'.repeat(MAX_MONITORING_TEXT_CHARS + 1) },
    { draftId: DRAFT_ID, fileName: 'october.csv', text: 'service,start,end\n', path: '/etc/passwd' },
  ],
  'reports.importMonitoringFile': [{}, { draftId: DRAFT_ID, path: '/var/log/probes.csv' }],
  'reports.monitoringImportStatus': [{}, { jobId: 'job-1' }],
  'reports.cancelMonitoringImport': [{ jobId: 42 }, { jobId: IMPORT_JOB_ID, force: true }],
  'reports.deleteMonitoringImport': [{ draftId: DRAFT_ID }, { draftId: DRAFT_ID, importId: '1 OR 1=1' }],
  'reports.setMonitoringImportPeriod': [
    { draftId: DRAFT_ID, importId: IMPORT_ID },
    { draftId: DRAFT_ID, importId: IMPORT_ID, period: { from: '2027-12', to: '2027-10' } },
    { draftId: DRAFT_ID, importId: IMPORT_ID, period: { from: '2027-13', to: '2027-12' } },
  ],
  'reports.monthly': [
    {},
    { draftId: DRAFT_ID, month: '2027-13' },
    { draftId: DRAFT_ID, month: 'October' },
    { draftId: DRAFT_ID, historyMonths: 0 },
    { draftId: DRAFT_ID, historyMonths: 25 },
    { draftId: DRAFT_ID, historyMonths: 2.5 },
  ],
  'reportExport.docx': [
    { draftId: DRAFT_ID, language: 'en' },
    { draftId: DRAFT_ID, month: '2027-10' },
    { draftId: DRAFT_ID, month: 'October 2027', language: 'en' },
    { draftId: DRAFT_ID, month: '2027-10', language: 'fr' },
    { draftId: DRAFT_ID, month: '2027-10', language: 'en', path: '/etc/passwd' },
    { draftId: 'core-api', month: '2027-10', language: 'en' },
  ],
  'exports.contract': [
    { draftId: DRAFT_ID },
    { draftId: DRAFT_ID, language: 'fr' },
    { draftId: DRAFT_ID, language: 'en', versionId: 'v3' },
    { draftId: DRAFT_ID, language: 'en', path: '/etc/passwd' },
  ],
  'redlines.export': [
    { draftId: DRAFT_ID, language: 'en' },
    { draftId: DRAFT_ID, oldVersionId: VERSION_ID, newVersionId: null },
    { draftId: DRAFT_ID, oldVersionId: 'v2', newVersionId: null, language: 'en' },
    { draftId: DRAFT_ID, oldVersionId: VERSION_ID, newVersionId: null, language: 'fr' },
    { draftId: DRAFT_ID, oldVersionId: VERSION_ID, newVersionId: null, language: 'en', path: '/etc/passwd' },
  ],
  'exports.showInFolder': [{}, { exportId: 'not-a-uuid' }, { exportId: EXPORT_ID, path: '/etc' }, { path: '/etc/passwd' }],
  'exports.list': [{}, { draftId: 42 }, { draftId: DRAFT_ID, kind: 'contract' }],
  'exports.importDocx': [
    { fileName: 'a.docx' },
    { fileName: '', base64: 'UEsDBA==' },
    { fileName: 'a.docx', base64: 'not base64!' },
    { fileName: 'a.docx', base64: 'A'.repeat(Math.ceil(MAX_IMPORT_DOCX_BYTES / 3) * 4 + 4) },
    { fileName: 'a.docx', path: '/home/user/a.docx' },
  ],
  'backups.list': [{ folder: '/etc' }],
  'backups.create': [{ path: '/tmp/copy.sqlite' }, { kind: 'auto' }],
  'backups.restore': [
    {},
    { backupId: '../sla-studio.db' },
    { backupId: '/home/user/.config/SLA Studio/sla-studio.db' },
    { backupId: 'auto-20270601T091502Z.sqlite', path: '/tmp/other.sqlite' },
    { backupId: 'auto-20270601T091502Z.sqlite/../../x' },
  ],
};

/** Handlers that record what reached them. */
function recordingHandlers() {
  const received: [Channel, unknown][] = [];
  const handlers = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      (input: unknown) => {
        received.push([channel, input]);
        return Promise.resolve({ ok: true, value: channel === 'settings.setLocale' ? { locale: 'zh-CN' } : { answeredBy: channel } });
      },
    ]),
  ) as unknown as ChannelHandlers;
  return { handlers, received };
}

describe('registerIpc with a fake ipcMain', () => {
  it('binds every channel exactly once, and can unbind them', () => {
    const ipcMain = new FakeIpcMain();
    const unregister = registerIpc(ipcMain, recordingHandlers().handlers, { isTrustedSender });
    expect([...ipcMain.listeners.keys()].sort()).toEqual([...CHANNELS].sort());
    unregister();
    expect(ipcMain.listeners.size).toBe(0);
  });

  it('has a well-formed and a malformed payload for every channel, so a new channel cannot go untested', () => {
    // The tables are typed Record<Channel, …>, but a test run does not type-check: say it at run time too.
    expect(Object.keys(VALID_PAYLOADS).sort()).toEqual([...CHANNELS].sort());
    expect(Object.keys(MALFORMED).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) expect(MALFORMED[channel].length, channel).toBeGreaterThan(0);
  });

  describe.each(CHANNELS)('%s', (channel) => {
    it.each(FOREIGN_SENDERS)('refuses %s', async (_sender, event) => {
      const ipcMain = new FakeIpcMain();
      const { handlers, received } = recordingHandlers();
      registerIpc(ipcMain, handlers, { isTrustedSender });
      const result = await ipcMain.invoke(channel, event, VALID_PAYLOADS[channel]);
      expect(result).toEqual({ ok: false, error: { code: 'forbidden', key: 'errors.forbidden', params: { channel } } });
      expect(received).toEqual([]);
    });

    it.each(UNTRUSTED_FRAMES)('refuses %s', async (_sender, event) => {
      const ipcMain = new FakeIpcMain();
      const { handlers, received } = recordingHandlers();
      registerIpc(ipcMain, handlers, { isTrustedSender });
      const result = await ipcMain.invoke(channel, event, VALID_PAYLOADS[channel]);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.code).toBe('forbidden');
      expect(received).toEqual([]);
    });

    it('passes a trusted request to its handler and answers with its result', async () => {
      const ipcMain = new FakeIpcMain();
      const { handlers, received } = recordingHandlers();
      registerIpc(ipcMain, handlers, { isTrustedSender });
      const result = await ipcMain.invoke(channel, TRUSTED, VALID_PAYLOADS[channel]);
      expect(received).toEqual([[channel, VALID_PAYLOADS[channel]]]);
      expect(result).toEqual({ ok: true, value: channel === 'settings.setLocale' ? { locale: 'zh-CN' } : { answeredBy: channel } });
    });
  });

  it('trusts the dev server only when told to', async () => {
    const ipcMain = new FakeIpcMain();
    const { handlers, received } = recordingHandlers();
    registerIpc(ipcMain, handlers, { isTrustedSender: createSenderCheck([APP_ORIGIN, DEV_SERVER]) });
    const result = await ipcMain.invoke('settings.get', { senderFrame: mainFrame(`${DEV_SERVER}/`) }, {});
    expect(result.ok).toBe(true);
    expect(await ipcMain.invoke('settings.get', { senderFrame: mainFrame('http://localhost:5174/') }, {})).toMatchObject({ ok: false });
    expect(received).toHaveLength(1);
  });

  it('answers errors.internal instead of throwing when a handler fails', async () => {
    const ipcMain = new FakeIpcMain();
    const logged: Channel[] = [];
    const { handlers } = recordingHandlers();
    handlers['drafts.list'] = () => Promise.reject(new Error('disk I/O error at /home/me/secret'));
    registerIpc(ipcMain, handlers, { isTrustedSender, logError: (channel) => logged.push(channel) });
    const failed = await ipcMain.invoke('drafts.list', TRUSTED, {});
    expect(failed).toEqual({ ok: false, error: { code: 'internal', key: 'errors.internal', params: { channel: 'drafts.list' } } });
    expect(JSON.stringify(failed)).not.toContain('secret');
    expect(logged).toEqual(['drafts.list']);
  });
});

describe('registerIpc on the real handlers and a real database', () => {
  let workDir: string;
  let services: Services;
  const ipcMain = new FakeIpcMain();

  beforeAll(() => {
    workDir = mkdtempSync(path.join(tmpdir(), 'sla-ipc-'));
    services = createServices({
      databasePath: path.join(workDir, 'sla-studio.db'),
      templatesDir: path.resolve('templates'),
      clock: { now: () => '2025-01-15T09:00:00.000Z' },
      dialogs: {
        chooseSavePath: () => Promise.reject(new Error('a malformed request must not open a dialog')),
        chooseOpenPath: () => Promise.reject(new Error('a malformed request must not open a dialog')),
        showInFolder: () => undefined,
      },
    });
    registerIpc(ipcMain, createApiHandlers(services), { isTrustedSender });
  });

  afterAll(() => {
    services.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  it.each(CHANNELS)('%s refuses every malformed payload from a trusted sender, naming the field, and changes nothing', async (channel) => {
    const created = await ipcMain.invoke('drafts.create', TRUSTED, { presetId: null, title: `Before ${channel}` });
    expect(created.ok).toBe(true);
    const snapshot = async () => [
      await ipcMain.invoke('drafts.list', TRUSTED, { view: 'active' }),
      await ipcMain.invoke('drafts.list', TRUSTED, { view: 'trash' }),
      await ipcMain.invoke('settings.get', TRUSTED, {}),
    ];
    const before = await snapshot();

    for (const payload of [...MALFORMED_FOR_ALL, ...MALFORMED[channel]]) {
      const result = await ipcMain.invoke(channel, TRUSTED, payload);
      expect(result.ok, `${channel} accepted ${JSON.stringify(payload)?.slice(0, 80)}`).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('invalidInput');
      expect(result.error.problems?.length).toBeGreaterThan(0);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('lets a trusted, well-formed request through to the database', async () => {
    const created = await ipcMain.invoke('drafts.create', TRUSTED, { presetId: null, title: 'Acme Cloud SLA' });
    expect(created).toMatchObject({ ok: true, value: { title: 'Acme Cloud SLA' } });
    const listed = await ipcMain.invoke('drafts.list', TRUSTED, { query: 'Acme' });
    expect(listed.ok && (listed.value as { title: string }[]).map((draft) => draft.title)).toContain('Acme Cloud SLA');
    const refused = await ipcMain.invoke('drafts.create', { senderFrame: mainFrame('https://evil.example/') }, { presetId: null, title: 'Planted' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const after = await ipcMain.invoke('drafts.list', TRUSTED, { query: 'Planted' });
    expect(after).toEqual({ ok: true, value: [] });
  });
});
