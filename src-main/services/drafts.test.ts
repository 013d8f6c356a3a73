import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draftRecordSchema, draftSummarySchema, MAX_CONTENT_CHARS } from '../../src-shared/api';
import { readDraftFile, writeDraftFile, writeIncompleteDraftFile } from '../../src-shared/model/file';
import { localized } from '../../src-shared/model/localized';
import { SCHEMA_VERSION } from '../../src-shared/model/schema';
import { createServices, type Services } from '.';
import { exportFileName } from './drafts';
import { chineseDraft, englishDraft, makeTempDir, scriptedDialogs, steppingClock, translated, writePresetFixtures } from './test-fixtures';

let temp: ReturnType<typeof makeTempDir>;
let services: Services;
let dialogAnswer: { savePath: string | null };
let dialogs: ReturnType<typeof scriptedDialogs>;

function start(systemLocale?: string): Services {
  services = createServices({
    databasePath: join(temp.dir, 'data', 'sla-studio.db'),
    templatesDir: join(temp.dir, 'templates'),
    clock: steppingClock(),
    dialogs,
    ...(systemLocale ? { systemLocale } : {}),
  });
  return services;
}

beforeEach(() => {
  temp = makeTempDir();
  writePresetFixtures(join(temp.dir, 'templates'));
  dialogAnswer = { savePath: null };
  dialogs = scriptedDialogs(dialogAnswer);
  start();
});
afterEach(() => {
  services.close();
  temp.remove();
});

function errorOf(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return (error as { apiError?: unknown }).apiError ?? error;
  }
  throw new Error('expected the action to fail');
}

async function asyncErrorOf(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return (error as { apiError?: unknown }).apiError ?? error;
  }
  throw new Error('expected the action to fail');
}

const titles = (list: { title: string }[]) => list.map((draft) => draft.title);

describe('settings', () => {
  it('has no language until the user picks one, then remembers it across restarts', () => {
    expect(services.settings.get()).toEqual({ locale: null });
    services.settings.setLocale('zh-CN');
    services.close();
    start();
    expect(services.settings.get()).toEqual({ locale: 'zh-CN' });
  });

  it('tells its listeners a saved language, after saving it, and a listener that fails does not fail the save', () => {
    const heard: [string, string | null][] = [];
    const stop = services.settings.onLocaleChanged((locale) => heard.push([locale, services.settings.get().locale]));
    services.settings.onLocaleChanged(() => {
      throw new Error('the menu could not be rebuilt');
    });
    expect(services.settings.setLocale('zh-CN')).toEqual({ locale: 'zh-CN' });
    expect(heard).toEqual([['zh-CN', 'zh-CN']]);
    stop();
    services.settings.setLocale('en');
    expect(heard).toHaveLength(1);
    expect(services.settings.get()).toEqual({ locale: 'en' });
  });
});

describe('presets', () => {
  it('lists the presets of the index with both languages', () => {
    expect(services.presets.list()).toEqual([
      expect.objectContaining({ id: 'crm', title: { en: 'CRM platform', 'zh-CN': '客户关系管理平台' } }),
      expect.objectContaining({ id: 'china-db', title: { en: 'Cloud database (China)', 'zh-CN': '云数据库（中国）' } }),
    ]);
  });
});

describe('drafts: create, get, save', () => {
  it('creates a draft from a preset with the preset content, at revision 0', () => {
    const created = services.drafts.create({ presetId: 'crm' });
    expect(draftRecordSchema.parse(created)).toEqual(created);
    expect(created).toMatchObject({
      title: 'Acme CRM Service Level Agreement',
      providerName: 'Acme Cloud Ltd',
      customerName: 'Globex Corporation',
      revision: 0,
      deletedAt: null,
    });
    expect(created.content).toEqual(englishDraft());
    expect(services.drafts.get(created.id)).toEqual(created);
  });

  it('creates a preset draft under the title the user gave', () => {
    const created = services.drafts.create({ presetId: 'crm', title: 'Globex renewal 2026' });
    expect(created.title).toBe('Globex renewal 2026');
    // The title the user typed goes to the language of its script.
    expect(created.content.title).toEqual(localized('Globex renewal 2026'));
  });

  it('refuses an unknown preset and creates nothing', () => {
    expect(errorOf(() => services.drafts.create({ presetId: 'no-such-preset' }))).toMatchObject({
      code: 'notFound',
      key: 'errors.presetNotFound',
      params: { id: 'no-such-preset' },
    });
    expect(services.drafts.list({ query: '', view: 'active', sort: 'updated' })).toEqual([]);
  });

  it('creates a blank draft in the chosen language, dated today', () => {
    services.settings.setLocale('zh-CN');
    const created = services.drafts.create({ presetId: null });
    expect(created.title).toBe('未命名 SLA');
    expect(created.content).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      effectiveDate: '2025-06-01',
      title: localized('', '未命名 SLA'),
      contract: { languages: 'zh-CN' },
    });
    expect((created.content.services as { name: { 'zh-CN': string } }[])[0]!.name['zh-CN']).toBe('应用服务');
  });

  it('follows the system language for a blank draft until the user picks one', () => {
    services.close();
    start('zh_CN.UTF-8');
    expect(services.drafts.create({ presetId: null }).title).toBe('未命名 SLA');
    services.settings.setLocale('en');
    expect(services.drafts.create({ presetId: null, title: 'Pilot' }).title).toBe('Pilot');
    expect(services.drafts.create({ presetId: null }).title).toBe('Untitled SLA');
  });

  it('autosaves a working copy that still has problems, and bumps the revision', () => {
    const created = services.drafts.create({ presetId: 'crm' });
    const edited = { ...created.content, title: '', services: [{ name: 'Billing API', metrics: 'not yet' }] };
    const saved = services.drafts.save({ id: created.id, content: edited, baseRevision: 0 });
    expect(saved.revision).toBe(1);
    expect(saved.updatedAt > created.updatedAt).toBe(true);

    const reloaded = services.drafts.get(created.id);
    expect(reloaded.content).toEqual(edited);
    expect(reloaded).toMatchObject({ revision: 1, title: '', updatedAt: saved.updatedAt, createdAt: created.createdAt });
    expect(titles(services.drafts.list({ query: 'Billing', view: 'active', sort: 'updated' }))).toEqual(['']);
  });

  it('refuses a save based on a stale revision and keeps the newer content', () => {
    const created = services.drafts.create({ presetId: 'crm' });
    services.drafts.save({ id: created.id, content: { ...created.content, title: 'Window A' }, baseRevision: 0 });
    expect(errorOf(() => services.drafts.save({ id: created.id, content: { ...created.content, title: 'Window B' }, baseRevision: 0 }))).toMatchObject({
      code: 'conflict',
      key: 'errors.conflict',
      params: { revision: 1 },
    });
    expect(services.drafts.get(created.id)).toMatchObject({ title: 'Window A', revision: 1 });
  });

  it('refuses content of another schema version, content too large, and a missing draft', () => {
    const created = services.drafts.create({ presetId: 'crm' });
    expect(
      errorOf(() => services.drafts.save({ id: created.id, content: { ...created.content, schemaVersion: SCHEMA_VERSION + 1 }, baseRevision: 0 })),
    ).toMatchObject({
      code: 'invalidInput',
      key: 'errors.unsupportedSchemaVersion',
    });
    const huge = { ...created.content, title: 'x'.repeat(MAX_CONTENT_CHARS) };
    expect(errorOf(() => services.drafts.save({ id: created.id, content: huge, baseRevision: 0 }))).toMatchObject({
      code: 'invalidInput',
      key: 'errors.contentTooLarge',
    });
    expect(errorOf(() => services.drafts.save({ id: created.id, content: 'text' as never, baseRevision: 0 }))).toMatchObject({
      key: 'errors.contentNotObject',
    });
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(errorOf(() => services.drafts.save({ id: missing, content: created.content, baseRevision: 0 }))).toMatchObject({
      code: 'notFound',
    });
    expect(errorOf(() => services.drafts.get(missing))).toMatchObject({ code: 'notFound', key: 'errors.draftNotFound' });
    expect(services.drafts.get(created.id)).toMatchObject({ revision: 0, content: created.content });
  });
});

describe('drafts: list, search, duplicate, trash', () => {
  it('sorts by last change (newest first) or by title', () => {
    const first = services.drafts.create({ presetId: 'crm', title: 'beta SLA' });
    services.drafts.create({ presetId: 'crm', title: 'Alpha SLA' });
    services.drafts.create({ presetId: 'crm', title: 'gamma SLA' });
    expect(titles(services.drafts.list({ query: '', view: 'active', sort: 'updated' }))).toEqual(['gamma SLA', 'Alpha SLA', 'beta SLA']);
    services.drafts.save({ id: first.id, content: first.content, baseRevision: 0 });
    expect(titles(services.drafts.list({ query: '', view: 'active', sort: 'updated' }))).toEqual(['beta SLA', 'gamma SLA', 'Alpha SLA']);
    expect(titles(services.drafts.list({ query: '', view: 'active', sort: 'title' }))).toEqual(['Alpha SLA', 'beta SLA', 'gamma SLA']);
  });

  it('counts the problems of each listed draft, and counts again after a save', () => {
    const created = services.drafts.create({ presetId: 'crm', title: 'Complete SLA' });
    const listed = () => services.drafts.list({ query: '', view: 'active', sort: 'updated' }).map((draft) => [draft.title, draft.problemCount]);
    expect(listed()).toEqual([['Complete SLA', 0]]);
    const parties = created.content.parties as { provider: { legalName: string } };
    const incomplete = { ...created.content, parties: { ...parties, provider: { ...parties.provider, legalName: '' } } };
    services.drafts.save({ id: created.id, content: incomplete, baseRevision: 0 });
    expect(listed()).toEqual([['Complete SLA', 1]]);
    services.drafts.save({ id: created.id, content: created.content, baseRevision: 1 });
    expect(listed()).toEqual([['Complete SLA', 0]]);
    expect(draftSummarySchema.parse(services.drafts.list({ query: '', view: 'active', sort: 'updated' })[0])).toHaveProperty('problemCount', 0);
  });

  it('lists only the first drafts asked for, in either order, so a long list stays quick', () => {
    for (const title of ['delta SLA', 'beta SLA', 'alpha SLA', 'gamma SLA']) services.drafts.create({ presetId: 'crm', title });
    expect(titles(services.drafts.list({ query: '', view: 'active', sort: 'updated', limit: 2 }))).toEqual(['gamma SLA', 'alpha SLA']);
    expect(titles(services.drafts.list({ query: '', view: 'active', sort: 'title', limit: 2 }))).toEqual(['alpha SLA', 'beta SLA']);
    expect(titles(services.drafts.list({ query: 'SLA', view: 'active', sort: 'updated', limit: 3 }))).toHaveLength(3);
  });

  it('finds drafts by title, party and service name, ignoring case, in English and Chinese', () => {
    services.drafts.create({ presetId: 'crm' });
    services.drafts.create({ presetId: 'china-db' });
    const search = (query: string) => titles(services.drafts.list({ query, view: 'active', sort: 'updated' }));

    expect(search('globex')).toEqual(['Acme CRM Service Level Agreement']);
    expect(search('crm platform')).toEqual(['Acme CRM Service Level Agreement']);
    expect(search('阿里云计算')).toEqual(['云数据库服务等级协议']);
    expect(search('数据库')).toEqual(['云数据库服务等级协议']);
    // Too short for the trigram index: one character, and a two-character customer name.
    expect(search('云')).toEqual(['云数据库服务等级协议']);
    expect(search('华为')).toEqual(['云数据库服务等级协议']);
    expect(search('Acme 华为')).toEqual([]);
    expect(search('nothing like this')).toEqual([]);
    // Search syntax and LIKE wildcards are plain text.
    expect(search('"Acme')).toEqual([]);
    expect(search('%')).toEqual([]);
    expect(search('Acme*')).toEqual([]);
    expect(search('  ')).toHaveLength(2);
  });

  it('lists a party with a name in Chinese by its Chinese name first, then its English name, and finds it by either', () => {
    const created = services.drafts.create({ presetId: 'crm' });
    const parties = created.content.parties as Record<string, Record<string, unknown>>;
    const content = {
      ...created.content,
      parties: { ...parties, customer: { ...parties.customer, legalName: 'Hefeng Supply Chain Ltd', legalNameZh: '苏州禾丰供应链管理有限公司' } },
    };
    services.drafts.save({ id: created.id, content, baseRevision: 0 });
    const list = (query: string) => services.drafts.list({ query, view: 'active', sort: 'updated' });
    expect(list('')[0]?.customerName).toBe('苏州禾丰供应链管理有限公司 (Hefeng Supply Chain Ltd)');
    expect(list('禾丰')).toHaveLength(1);
    expect(list('供应链管理')).toHaveLength(1);
    expect(list('Hefeng')).toHaveLength(1);
  });

  it('keeps search in step with renames', () => {
    const created = services.drafts.create({ presetId: 'crm' });
    const renamed = { ...created.content, parties: { ...(created.content.parties as object), customer: { legalName: 'Initech' } } };
    services.drafts.save({ id: created.id, content: renamed, baseRevision: 0 });
    expect(services.drafts.list({ query: 'Globex', view: 'active', sort: 'updated' })).toEqual([]);
    expect(services.drafts.list({ query: 'Initech', view: 'active', sort: 'updated' })).toHaveLength(1);
  });

  it('duplicates a draft under "<title> (copy)" with the same content and a new identity', () => {
    const original = services.drafts.create({ presetId: 'crm' });
    const copy = services.drafts.duplicate(original.id);
    expect(draftSummarySchema.parse(copy)).toEqual(copy);
    expect(copy.id).not.toBe(original.id);
    expect(copy.title).toBe('Acme CRM Service Level Agreement (copy)');
    const copied = services.drafts.get(copy.id);
    expect(copied.revision).toBe(0);
    expect(copied.content).toEqual({ ...original.content, title: localized('Acme CRM Service Level Agreement (copy)') });
    expect(services.drafts.get(original.id)).toEqual(original);

    // The mark is in the title's own language, whatever the app's.
    services.settings.setLocale('zh-CN');
    expect(services.drafts.duplicate(original.id).title).toBe('Acme CRM Service Level Agreement (copy)');
    services.settings.setLocale('en');
    expect(services.drafts.duplicate(services.drafts.create({ presetId: 'china-db' }).id).title).toBe('云数据库服务等级协议（副本）');
  });

  it('moves a draft to the trash and back', () => {
    const kept = services.drafts.create({ presetId: 'crm', title: 'Kept' });
    const binned = services.drafts.create({ presetId: 'crm', title: 'Binned' });
    const trashed = services.drafts.trash(binned.id);
    expect(trashed.deletedAt).not.toBeNull();
    expect(titles(services.drafts.list({ query: '', view: 'active', sort: 'updated' }))).toEqual(['Kept']);
    expect(titles(services.drafts.list({ query: '', view: 'trash', sort: 'updated' }))).toEqual(['Binned']);
    expect(services.drafts.trash(binned.id)).toEqual(trashed);

    expect(services.drafts.restore(binned.id).deletedAt).toBeNull();
    expect(titles(services.drafts.list({ query: '', view: 'active', sort: 'title' }))).toEqual(['Binned', 'Kept']);
    expect(services.drafts.list({ query: '', view: 'trash', sort: 'updated' })).toEqual([]);
    expect(services.drafts.get(binned.id).content).toEqual(binned.content);
    expect(services.drafts.get(kept.id).deletedAt).toBeNull();
  });
});

describe('drafts: import and export', () => {
  it('imports a valid file as a new draft', () => {
    const summary = services.drafts.importFile({ fileName: 'china.sla.json', text: writeDraftFile(chineseDraft()) });
    expect(summary).toMatchObject({ title: '云数据库服务等级协议', providerName: '阿里云计算有限公司', customerName: '华为' });
    expect(services.drafts.get(summary.id).content).toEqual(chineseDraft());
  });

  it('adds the day of the import to a title another draft already has, in each language the title is written in', () => {
    const text = writeDraftFile(englishDraft());
    const first = services.drafts.importFile({ fileName: 'acme.sla.json', text });
    expect(first.title).toBe('Acme CRM Service Level Agreement');

    // The stepping clock reads 1 June 2025.
    const second = services.drafts.importFile({ fileName: 'acme.sla.json', text });
    expect(second.title).toBe('Acme CRM Service Level Agreement (imported 2025-06-01)');
    expect(services.drafts.get(second.id).content).toEqual({ ...englishDraft(), title: localized('Acme CRM Service Level Agreement (imported 2025-06-01)') });

    // The mark is in the title's own language, whatever the app's: an English title is not half Chinese.
    services.settings.setLocale('zh-CN');
    expect(services.drafts.importFile({ fileName: 'acme.sla.json', text }).title).toBe('Acme CRM Service Level Agreement (imported 2025-06-01)');
    // A title in both languages is marked in both.
    const bilingual = writeDraftFile(translated(englishDraft()));
    services.drafts.importFile({ fileName: 'acme.sla.json', text: bilingual });
    const both = services.drafts.importFile({ fileName: 'acme.sla.json', text: bilingual });
    expect(services.drafts.get(both.id).content.title).toEqual(
      localized('Acme CRM Service Level Agreement (imported 2025-06-01)', 'Acme CRM 服务水平协议（2025年6月1日导入）'),
    );

    // A draft in the trash still holds its title; an incomplete file is marked the same way.
    services.settings.setLocale('en');
    const chinese = services.drafts.importFile({ fileName: 'china.sla.json', text: writeDraftFile(chineseDraft()) });
    expect(chinese.title).toBe('云数据库服务等级协议');
    services.drafts.trash(chinese.id);
    const unfinished = { ...chineseDraft(), termMonths: 0 };
    const again = services.drafts.importFile({ fileName: 'china.sla.json', text: writeIncompleteDraftFile(unfinished) });
    expect(again.title).toBe('云数据库服务等级协议（2025年6月1日导入）');
    expect(again.incomplete).toBeDefined();
  });

  it('keeps a title no other draft has, and a title that only contains another one', () => {
    services.drafts.importFile({
      fileName: 'acme.sla.json',
      text: writeDraftFile({ ...englishDraft(), title: localized('Acme CRM Service Level Agreement 2025') }),
    });
    expect(services.drafts.importFile({ fileName: 'acme.sla.json', text: writeDraftFile(englishDraft()) }).title).toBe('Acme CRM Service Level Agreement');
  });

  it('refuses an invalid file, lists every problem and writes nothing', () => {
    const draft = englishDraft() as unknown as Record<string, unknown>;
    const broken = {
      ...draft,
      title: 42,
      termMonths: 0,
      targets: { ...(draft.targets as object), objectives: [{ id: 'obj-1', metricId: 'svc-1-availability', objective: 100.5, coverage: '24x7' }] },
    };
    const text = JSON.stringify(broken);
    const expected = readDraftFile(text);
    expect(expected.ok).toBe(false);
    const error = errorOf(() => services.drafts.importFile({ fileName: 'broken.sla.json', text })) as {
      code: string;
      key: string;
      params: Record<string, unknown>;
      problems: { path: unknown[]; key: string }[];
    };
    expect(error).toMatchObject({ code: 'invalidFile', key: 'errors.invalidFile', params: { fileName: 'broken.sla.json' } });
    expect(error.problems.map((p) => [p.path, p.key])).toEqual(
      expect.arrayContaining([
        // A title is a text in each language: a number is not that group of fields.
        [['title'], 'validation.expectedObject'],
        [['termMonths'], 'validation.min'],
        [['targets', 'objectives', 0, 'objective'], 'rules.availabilityRange'],
      ]),
    );
    expect(error.problems).toEqual(expected.ok ? [] : expected.problems);
    expect(error.params.count).toBe(error.problems.length);

    for (const text of ['', '{"schemaVersion": 1, "title": "Trunc', '{"schemaVersion": 99}']) {
      expect(errorOf(() => services.drafts.importFile({ fileName: 'x.sla.json', text }))).toMatchObject({ code: 'invalidFile' });
    }
    expect(services.drafts.list({ query: '', view: 'active', sort: 'updated' })).toEqual([]);
    expect(services.drafts.list({ query: '', view: 'trash', sort: 'updated' })).toEqual([]);
  });

  it('refuses a file that was not UTF-8 (its text arrives with replacement characters) as such, and writes nothing', () => {
    // "Société Générale" saved as Latin-1 and read as UTF-8: each é became U+FFFD.
    const latin1 = new TextDecoder('utf-8').decode(Buffer.from(writeDraftFile({ ...englishDraft(), title: localized('Société Générale SLA') }), 'latin1'));
    expect(latin1).toContain('Soci\uFFFDt\uFFFD');
    expect(errorOf(() => services.drafts.importFile({ fileName: 'latin1.sla.json', text: latin1 }))).toMatchObject({
      code: 'invalidFile',
      key: 'errors.invalidFile',
      params: { fileName: 'latin1.sla.json', count: 1 },
      problems: [{ path: [], key: 'file.notUtf8' }],
    });
    expect(services.drafts.list({ query: '', view: 'active', sort: 'updated' })).toEqual([]);
  });

  it('proposes an export file name without the characters that would make it show another name', () => {
    expect(exportFileName('Acme \u202Egpj.exe', 'Untitled')).toBe('Acme gpj.exe.sla.json');
    expect(exportFileName('\u200B\u2066\u2069', 'Untitled')).toBe('Untitled.sla.json');
  });

  it('exports a valid draft atomically: the file reads back to the same draft, no temp file left', async () => {
    const created = services.drafts.create({ presetId: 'china-db' });
    const exportsDir = join(temp.dir, 'data');
    dialogAnswer.savePath = join(exportsDir, 'contract.sla.json');
    expect(await services.drafts.exportFile(created.id)).toEqual({ path: dialogAnswer.savePath });
    expect(dialogs.saveRequests).toEqual([{ suggestedName: '云数据库服务等级协议.sla.json' }]);

    const written = readFileSync(dialogAnswer.savePath, 'utf8');
    expect(written.startsWith(`{\n  "schemaVersion": ${SCHEMA_VERSION},`)).toBe(true);
    const reread = readDraftFile(written);
    expect(reread).toEqual({ ok: true, draft: created.content, migratedFrom: null });
    expect(readdirSync(exportsDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    // Export again over the same file: replaced whole, still no temp file.
    services.drafts.save({ id: created.id, content: { ...created.content, title: localized('', '第二轮') }, baseRevision: 0 });
    await services.drafts.exportFile(created.id);
    expect(readDraftFile(readFileSync(dialogAnswer.savePath, 'utf8'))).toMatchObject({ ok: true, draft: { title: localized('', '第二轮') } });
    expect(readdirSync(exportsDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('writes nothing when the user cancels the save dialog', async () => {
    const created = services.drafts.create({ presetId: 'crm' });
    const before = readdirSync(join(temp.dir, 'data'));
    expect(await services.drafts.exportFile(created.id)).toEqual({ path: null });
    expect(readdirSync(join(temp.dir, 'data'))).toEqual(before);
  });

  it('exports a draft that still has problems as it stands, marked incomplete; importing it says what it lacks', async () => {
    const created = services.drafts.create({ presetId: null, title: 'Blank SLA' });
    dialogAnswer.savePath = join(temp.dir, 'data', 'blank.sla.json');
    await services.drafts.exportFile(created.id);
    const text = readFileSync(dialogAnswer.savePath, 'utf8');
    expect(text.split('\n').slice(0, 3)).toEqual(['{', `  "schemaVersion": ${SCHEMA_VERSION},`, '  "incompleteDraft": true,']);
    // A file that is not complete is no draft to sign or compare: the strict reader still refuses it.
    expect(readDraftFile(text)).toMatchObject({ ok: false });

    const imported = services.drafts.importFile({ fileName: 'blank.sla.json', text });
    // The draft it came from is still in the list: the copy says when it was imported.
    expect(imported.title).toBe('Blank SLA (imported 2025-06-01)');
    expect(imported.incomplete?.map((found) => [found.path, found.key])).toEqual([
      [['parties', 'provider', 'legalName'], 'validation.required'],
      [['parties', 'customer', 'legalName'], 'validation.required'],
    ]);
    // The working copy is the draft as it was, without the file's mark.
    expect(services.drafts.get(imported.id).content).toEqual({ ...created.content, title: localized('Blank SLA (imported 2025-06-01)') });
  });

  it('refuses to export a draft holding a value of another type, listing it, before asking where to save', async () => {
    const created = services.drafts.create({ presetId: 'crm' });
    services.drafts.save({ id: created.id, content: { ...created.content, termMonths: 'twelve' }, baseRevision: 0 });
    dialogAnswer.savePath = join(temp.dir, 'never.sla.json');
    const error = (await asyncErrorOf(() => services.drafts.exportFile(created.id))) as { key: string; problems: { path: unknown[] }[] };
    expect(error.key).toBe('errors.draftHasProblems');
    expect(error.problems.map((p) => p.path)).toEqual([['termMonths']]);
    expect(dialogs.saveRequests).toEqual([]);
  });

  it('imports an incomplete draft only from a file marked so, and only with values still to fill in', () => {
    const unfinished = { ...englishDraft(), termMonths: 0 };
    // Unmarked, a file with problems is refused as before.
    expect(errorOf(() => services.drafts.importFile({ fileName: 'a.sla.json', text: writeDraftFile(unfinished) }))).toMatchObject({ code: 'invalidFile' });
    // Marked, but with a value of another type: not a draft in progress.
    const mistyped = writeIncompleteDraftFile({ ...englishDraft(), termMonths: 'twelve' });
    expect(errorOf(() => services.drafts.importFile({ fileName: 'b.sla.json', text: mistyped }))).toMatchObject({
      code: 'invalidFile',
      problems: [{ path: ['termMonths'], key: 'validation.expectedNumber' }],
    });
    const imported = services.drafts.importFile({ fileName: 'c.sla.json', text: writeIncompleteDraftFile(unfinished) });
    expect(imported.incomplete).toMatchObject([{ path: ['termMonths'], key: 'validation.min' }]);
    // A marked file that is complete after all imports as a complete draft.
    expect(services.drafts.importFile({ fileName: 'd.sla.json', text: writeIncompleteDraftFile(englishDraft()) }).incomplete).toBeUndefined();
  });

  it('reports a folder it cannot write to as a clear error, leaving no temp file', async () => {
    const created = services.drafts.create({ presetId: 'crm' });
    dialogAnswer.savePath = join(temp.dir, 'no-such-folder', 'contract.sla.json');
    expect(await asyncErrorOf(() => services.drafts.exportFile(created.id))).toMatchObject({
      key: 'errors.cannotWriteFile',
      params: { path: dialogAnswer.savePath, reason: 'ENOENT' },
    });
  });
});
