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
import { englishDraft, makeTempDir, scriptedDialogs, steppingClock, writePresetFixtures } from './services/test-fixtures';

let temp: ReturnType<typeof makeTempDir>;
let services: Services;
let handlers: ChannelHandlers;
let logged: { channel: Channel; error: unknown }[];
let dataDir: string;

beforeEach(() => {
  temp = makeTempDir();
  dataDir = join(temp.dir, 'data');
  writePresetFixtures(join(temp.dir, 'templates'));
  // The real clause library, so templates.get answers what the app ships.
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
    state[name] = createHash('sha256').update(readFileSync(join(dataDir, name))).digest('hex');
  }
  return state;
}

function expectOk<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

const MALFORMED: unknown[] = [42, 'drafts', [], { unexpected: true }];

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
    ];
    for (const [channel, payload, path] of wrongValues) {
      const result = await handlers[channel](payload);
      expect(result.ok ? [] : result.error.problems?.map((p) => p.path), channel).toEqual([path]);
    }
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
    outputs['drafts.save'] = expectOk(await handlers['drafts.save']({ id: created.id, content: created.content, baseRevision: 0 }));
    outputs['drafts.list'] = expectOk(await handlers['drafts.list']({}));
    outputs['drafts.duplicate'] = expectOk(await handlers['drafts.duplicate']({ id: created.id }));
    outputs['drafts.trash'] = expectOk(await handlers['drafts.trash']({ id: created.id }));
    outputs['drafts.restore'] = expectOk(await handlers['drafts.restore']({ id: created.id }));
    outputs['drafts.import'] = expectOk(await handlers['drafts.import']({ fileName: 'a.sla.json', text: writeDraftFile(englishDraft()) }));
    outputs['drafts.exportJson'] = expectOk(await handlers['drafts.exportJson']({ id: created.id }));
    outputs['templates.list'] = expectOk(await handlers['templates.list']({}));
    outputs['templates.get'] = expectOk(await handlers['templates.get']({ id: 'standard-saas' }));

    expect(Object.keys(outputs).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) {
      expect(api[channel].output.safeParse(outputs[channel]).success, channel).toBe(true);
    }
    expect(outputs['settings.get']).toEqual({ locale: 'zh-CN' });
    expect((outputs['drafts.list'] as { id: string }[]).map((d) => d.id)).toEqual([created.id]);
    expect(outputs['templates.list']).toEqual([expect.objectContaining({ id: 'standard-saas', builtIn: true, errors: [] })]);
  });

  it('refuses a template that does not exist, naming it', async () => {
    expect(await handlers['templates.get']({ id: 'no-such-template' })).toMatchObject({
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
      'errors.invalidInput', 'errors.internal', 'errors.forbidden', 'errors.draftNotFound', 'errors.presetNotFound',
      'errors.conflict', 'errors.contentTooLarge', 'errors.unsupportedSchemaVersion', 'errors.invalidFile',
      'errors.draftHasProblems', 'errors.cannotWriteFile', 'errors.databaseTooNew', 'errors.databaseUnreadable',
      'errors.contentNotObject', 'errors.contentNotSerializable', 'errors.invalidJson', 'errors.unknownChannel',
      'errors.unauthorized', 'errors.requestTooLarge', 'errors.templateUnusable',
    ];
    for (const key of keys) {
      expect(en(key), key).not.toBe(key);
      expect(zh(key), key).not.toBe(key);
      expect(zh(key), key).not.toBe(en(key));
    }
  });
});
