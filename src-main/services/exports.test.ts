/**
 * Exporting from the app: what the exports table records is the file on
 * disk (its hash, its size, the version it holds); a cancelled dialog leaves
 * no file and no row; "Show in folder" opens only what was recorded; and a
 * contract SLA Studio exported imports back as the draft it was made from.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeDraftFile } from '../../src-shared/model/file';
import { localized } from '../../src-shared/model/localized';
import { canonicalJson } from '../../src-shared/model/canonical';
import { contractTerms } from '../../src-shared/model/contract-terms';
import type { SlaDraft } from '../../src-shared/model/schema';
import { contractIdentity, versionLabel } from '../../src-shared/model/version';
import { readDraftPart } from '../docx/draft-part';
import { slowBomb } from '../docx/hostile-docx';
import { docxReaderWorkerFromSources, workerDraftPartReader } from '../docx/read-in-worker';
import { sha256Hex } from '../sha256';
import { openPackage, wordText } from '../docx/test-package';
import { isServiceError } from './errors';
import { contractFileName } from './exports';
import { createServices, type Dialogs, type ServicePorts, type Services } from './index';
import { chineseDraft, englishDraft, makeTempDir, steppingClock, translated, writePresetFixtures } from './test-fixtures';

let temp: ReturnType<typeof makeTempDir>;
let services: Services;
let ports: ServicePorts;
let outDir: string;
/** What the save dialog answers next: a file name in outDir, or null for Cancel. */
let saveAnswer: string | null;
let saveRequests: { suggestedName: string; extensions: string[] }[];
let revealed: string[];

beforeEach(() => {
  temp = makeTempDir('sla-exports-');
  outDir = join(temp.dir, 'out');
  cpSync(join(process.cwd(), 'templates', 'standard-saas'), join(temp.dir, 'templates', 'standard-saas'), { recursive: true });
  writePresetFixtures(join(temp.dir, 'templates'));
  mkdirSync(outDir);
  saveAnswer = 'contract.docx';
  saveRequests = [];
  revealed = [];
  const dialogs: Dialogs = {
    chooseSavePath: async ({ suggestedName, filters }) => {
      saveRequests.push({ suggestedName, extensions: filters.flatMap((filter) => filter.extensions) });
      return saveAnswer === null ? null : join(outDir, saveAnswer);
    },
    chooseOpenPath: async () => null,
    showInFolder: (path) => revealed.push(path),
  };
  ports = {
    databasePath: join(temp.dir, 'data', 'sla-studio.db'),
    templatesDir: join(temp.dir, 'templates'),
    clock: steppingClock('2026-05-04T10:00:00.000Z'),
    dialogs,
  };
  services = createServices(ports);
  services.settings.setLocale('en');
});
afterEach(() => {
  services.close();
  temp.remove();
});

async function errorOf(promise: Promise<unknown>): Promise<{ code: string; key: string; params?: Record<string, unknown> }> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!isServiceError(error)) throw new Error(`expected a ServiceError, got ${String(error)}`);
  return error.apiError;
}

async function footerText(bytes: Uint8Array): Promise<string> {
  const pkg = await openPackage(bytes);
  const footers = pkg.names.filter((name) => /^word\/footer\d+\.xml$/.test(name));
  return (await Promise.all(footers.map(async (name) => wordText(await pkg.xml(name))))).join('|');
}

/** A draft of the preset with its texts in both languages: a contract in Chinese, or both, prints no gap. */
function createTranslated(presetId: 'crm' | 'china-db') {
  const created = services.drafts.create({ presetId });
  services.drafts.save({ id: created.id, content: translated(presetId === 'crm' ? englishDraft() : chineseDraft()), baseRevision: 0 });
  return services.drafts.get(created.id);
}

/** The identity a contract's footer prints: "3f9a 1c2b 7d4e 0a11", of the draft's contract terms. */
function identityOf(content: unknown): string {
  return contractIdentity(sha256Hex(canonicalJson(contractTerms(content as SlaDraft))));
}

describe('contract export from the app', () => {
  it('writes the working copy and records the hash and size of the bytes on disk', async () => {
    const draft = services.drafts.create({ presetId: 'crm' });
    const result = await services.exports.exportContract({ draftId: draft.id, language: 'en' });

    const path = join(outDir, 'contract.docx');
    const bytes = readFileSync(path);
    expect(result).toEqual({ exportId: expect.any(String), path, fileName: 'contract.docx', bytes: bytes.byteLength, sha256: sha256Hex(bytes) });
    expect(saveRequests).toEqual([{ suggestedName: 'Acme CRM Service Level Agreement (EN).docx', extensions: ['docx'] }]);
    expect(services.exports.list(draft.id)).toEqual([
      {
        id: result.exportId,
        draftId: draft.id,
        kind: 'contract',
        language: 'en',
        version: null,
        path,
        fileName: 'contract.docx',
        bytes: bytes.byteLength,
        sha256: sha256Hex(bytes),
        createdAt: expect.stringMatching(/^2026-05-04T10:00:\d\d\.000Z$/),
      },
    ]);
    // The contract carries the working copy it was made from.
    expect(await readDraftPart(bytes)).toMatchObject({ ok: true, json: writeDraftFile(englishDraft()) });
  });

  it('refuses a bilingual export of an English-only draft before asking where to save it', async () => {
    const draft = services.drafts.create({ presetId: 'crm' });
    saveRequests.length = 0;
    await expect(services.exports.exportContract({ draftId: draft.id, language: 'bilingual' })).rejects.toMatchObject({
      apiError: { key: 'export.errors.untranslated' },
    });
    expect(saveRequests).toEqual([]);
    // As a draft it goes out, each gap marked.
    expect((await services.exports.exportContract({ draftId: draft.id, language: 'bilingual', asDraft: true })).bytes).toBeGreaterThan(0);
  });

  it('writes and records nothing when the save dialog is cancelled', async () => {
    const draft = services.drafts.create({ presetId: 'crm' });
    saveAnswer = null;
    // English: the fixture is written in English only, and a bilingual export of it is refused before the dialog.
    const result = await services.exports.exportContract({ draftId: draft.id, language: 'en' });
    expect(result).toEqual({ exportId: null, path: null, fileName: 'Acme CRM Service Level Agreement (EN).docx', bytes: 0, sha256: null });
    expect(readdirSync(outDir)).toEqual([]);
    expect(services.exports.list(draft.id)).toEqual([]);
  });

  it('exports a saved version with its label and the identity of its contract terms in the footer, even after the working copy moved on', async () => {
    const draft = services.drafts.create({ presetId: 'crm' });
    const { version } = services.versions.save({ draftId: draft.id, party: 'customerCounter', author: 'Li Wei', note: '' });
    services.drafts.save({ id: draft.id, content: { ...draft.content, title: localized('Renamed after the round') }, baseRevision: 0 });
    saveAnswer = 'round.docx';

    const result = await services.exports.exportContract({ draftId: draft.id, language: 'en', versionId: version.id });
    const bytes = readFileSync(join(outDir, 'round.docx'));
    expect(result.sha256).toBe(sha256Hex(bytes));
    expect(saveRequests[0]!.suggestedName).toBe('Acme CRM Service Level Agreement v1 (EN).docx');
    const label = versionLabel({ sequence: 1, party: 'customerCounter' }, 'en');
    expect(await footerText(bytes)).toContain(`Version ${label} · ${identityOf(services.versions.get(version.id).content)}`);
    expect(services.exports.list(draft.id)[0]).toMatchObject({ version: { id: version.id, sequence: 1, party: 'customerCounter' }, language: 'en' });
  });

  it('writes the version label of a bilingual export in the language that prevails', async () => {
    const draft = createTranslated('china-db');
    const { version } = services.versions.save({ draftId: draft.id, party: 'ourProposal', author: '张三', note: '' });
    const content = services.versions.get(version.id).content as { contract: { precedence: 'en' | 'zh-CN' } };
    expect(content.contract.precedence).toBe('zh-CN');
    await services.exports.exportContract({ draftId: draft.id, language: 'bilingual', versionId: version.id });
    const footer = await footerText(readFileSync(join(outDir, 'contract.docx')));
    expect(footer).toContain(`第1版 — 我方提案 · ${identityOf(services.versions.get(version.id).content)}`);
  });

  it('refuses a version of another draft and a draft with problems, writing nothing', async () => {
    const first = services.drafts.create({ presetId: 'crm' });
    const second = services.drafts.create({ presetId: 'crm' });
    const { version } = services.versions.save({ draftId: first.id, party: 'ourProposal', author: 'Li Wei', note: '' });
    expect(await errorOf(services.exports.exportContract({ draftId: second.id, language: 'en', versionId: version.id }))).toMatchObject({
      code: 'notFound',
      key: 'versions.errors.notFound',
    });
    services.drafts.save({ id: second.id, content: { ...second.content, title: localized('') }, baseRevision: 0 });
    expect(await errorOf(services.exports.exportContract({ draftId: second.id, language: 'en' }))).toMatchObject({
      code: 'invalidInput',
      key: 'errors.draftHasProblems',
    });
    expect(saveRequests).toEqual([]);
    expect(services.exports.list(second.id)).toEqual([]);
  });

  it('records a draft file (.sla.json) with the hash of what was written', async () => {
    const draft = services.drafts.create({ presetId: 'crm' });
    saveAnswer = 'draft.sla.json';
    const { path } = await services.exports.exportDraftFile(draft.id);
    const bytes = readFileSync(path!);
    expect(services.exports.list(draft.id)).toEqual([
      expect.objectContaining({ kind: 'draftFile', language: null, version: null, path, bytes: bytes.byteLength, sha256: sha256Hex(bytes) }),
    ]);
    saveAnswer = null;
    expect(await services.exports.exportDraftFile(draft.id)).toEqual({ path: null });
    expect(services.exports.list(draft.id)).toHaveLength(1);
  });
});

describe('amendment instrument', () => {
  /** A signed agreement and an amendment of it whose availability target is raised to 99.95 %. */
  function amendmentDraft(draft = services.drafts.create({ presetId: 'crm' })) {
    const proposal = services.versions.save({ draftId: draft.id, party: 'ourProposal', author: 'Li Wei', note: '' });
    const signed = services.versions.markSigned({ versionId: proposal.version.id, author: 'Li Wei', note: '' }).version;
    const amendment = services.versions.startAmendment(signed.id);
    return { signed, amendment };
  }

  function raiseAvailability(draftId: string): void {
    const current = services.drafts.get(draftId);
    const content = structuredClone(current.content) as { targets: { objectives: { objective: number }[] } };
    content.targets.objectives[0]!.objective = 99.95;
    services.drafts.save({ id: draftId, content, baseRevision: current.revision });
  }

  async function documentText(path: string): Promise<string> {
    const pkg = await openPackage(readFileSync(path));
    return wordText(await pkg.xml('word/document.xml'));
  }

  it('exports the changed clauses only, with recitals naming the signed agreement, atomically through the export step', async () => {
    const { amendment } = amendmentDraft();
    raiseAvailability(amendment.id);
    saveAnswer = 'amendment.docx';
    const result = await services.exports.exportContract({ draftId: amendment.id, language: 'en', form: 'amendment' });
    expect(saveRequests).toEqual([{ suggestedName: 'Acme CRM Service Level Agreement — Amendment 1 (amendment instrument) (EN).docx', extensions: ['docx'] }]);
    expect(result.sha256).toBe(sha256Hex(readFileSync(join(outDir, 'amendment.docx'))));
    expect(services.exports.list(amendment.id)).toMatchObject([{ kind: 'contract', language: 'en', fileName: 'amendment.docx' }]);

    const text = await documentText(join(outDir, 'amendment.docx'));
    expect(text).toContain('Amendment No. 1 to the Service Level Agreement');
    expect(text).toContain('entered into a service level agreement titled “Acme CRM Service Level Agreement”, signed on 4 May 2026');
    expect(text).toMatch(/Clause \d+\.\d+ \(Service Levels\) is deleted and replaced with the following:/);
    expect(text).toMatch(/at least 99\.95\s%/u);
    expect(text).toContain('all other terms of the Agreement remain unchanged and in full force and effect');
    // An unchanged clause is not restated: the claims procedure stays as signed.
    expect(text).not.toContain('To receive a Service Credit');
    // The restated SLA is still one choice away, and is the whole agreement.
    saveAnswer = 'restated.docx';
    await services.exports.exportContract({ draftId: amendment.id, language: 'en', form: 'restated' });
    expect(await documentText(join(outDir, 'restated.docx'))).toContain('To receive a Service Credit');
  });

  it('writes the instrument in Chinese', async () => {
    const { amendment } = amendmentDraft(createTranslated('crm'));
    raiseAvailability(amendment.id);
    await services.exports.exportContract({ draftId: amendment.id, language: 'zh-CN', form: 'amendment' });
    const text = await documentText(join(outDir, 'contract.docx'));
    expect(text).toContain('《服务水平协议》第1号修订协议');
    expect(text).toContain('双方于2026年5月4日签署了《Acme CRM 服务水平协议》（“原协议”）');
    expect(text).toMatch(/原协议第\d+\.\d+条（服务水平）修改为：/);
    expect(text).toContain('原协议的其他条款保持不变，继续完全有效');
  });

  it('refuses, before asking where to save, an amendment that changes nothing and a draft that amends nothing', async () => {
    const { signed, amendment } = amendmentDraft();
    expect(await errorOf(services.exports.exportContract({ draftId: amendment.id, language: 'en', form: 'amendment' }))).toMatchObject({
      code: 'invalidInput',
      key: 'export.errors.nothingAmended',
    });
    expect(await errorOf(services.exports.exportContract({ draftId: signed.draftId, language: 'en', form: 'amendment' }))).toMatchObject({
      code: 'invalidInput',
      key: 'export.errors.notAnAmendment',
    });
    expect(saveRequests).toEqual([]);
    expect(readdirSync(outDir)).toEqual([]);
  });
});

describe('show in folder', () => {
  it('reveals the recorded path of an export, and says so when the file was moved', async () => {
    const draft = createTranslated('crm');
    const { exportId, path } = await services.exports.exportContract({ draftId: draft.id, language: 'zh-CN' });
    expect(await services.exports.showInFolder(exportId!)).toEqual({ path });
    expect(revealed).toEqual([path]);

    rmSync(path!);
    expect(await errorOf(services.exports.showInFolder(exportId!))).toEqual({ code: 'notFound', key: 'export.errors.fileMoved', params: { path } });
    expect(await errorOf(services.exports.showInFolder('7a1e3c55-2b9d-4e8f-a6c0-1d2e3f4a5b6c'))).toMatchObject({ key: 'export.errors.exportNotFound' });
    expect(revealed).toHaveLength(1);
  });
});

describe('importing a contract', () => {
  it('recovers the exact draft a contract was exported from, as a new draft', async () => {
    const original = createTranslated('china-db');
    await services.exports.exportContract({ draftId: original.id, language: 'bilingual' });
    const base64 = readFileSync(join(outDir, 'contract.docx')).toString('base64');
    const imported = await services.exports.importDocx({ fileName: 'contract.docx', base64 });
    expect(imported.id).not.toBe(original.id);
    expect(services.drafts.get(imported.id).content).toEqual(original.content);
  });

  it('exports a blank draft only as a watermarked draft, which imports back as the incomplete draft it was, saying what it lacks', async () => {
    const blank = services.drafts.create({ presetId: null, title: 'Pilot SLA' });
    expect(await errorOf(services.exports.exportContract({ draftId: blank.id, language: 'en' }))).toMatchObject({ key: 'errors.draftHasProblems' });
    expect(saveRequests).toEqual([]);

    const saved = await services.exports.exportContract({ draftId: blank.id, language: 'bilingual', asDraft: true });
    expect(saved.fileName).toBe('contract.docx');
    expect(saveRequests.map((request) => request.suggestedName)).toEqual(['Pilot SLA (EN-ZH).docx']);
    expect(services.exports.list(blank.id)).toMatchObject([{ kind: 'contract', language: 'bilingual', version: null }]);
    const exported = readFileSync(join(outDir, 'contract.docx'));
    const pkg = await openPackage(exported);
    const headers = await Promise.all(pkg.names.filter((name) => /^word\/header\d+\.xml$/.test(name)).map(async (name) => wordText(await pkg.xml(name))));
    expect(headers.every((text) => text.startsWith('Draft — not for signature / 草稿——不得用于签署'))).toBe(true);

    const imported = await services.exports.importDocx({ fileName: 'contract.docx', base64: exported.toString('base64') });
    expect(imported.check).toMatchObject({ findings: [], origin: 'thisInstallation' });
    expect(imported.incomplete?.map((found) => found.path.join('.'))).toEqual(['parties.provider.legalName', 'parties.customer.legalName']);
    expect(services.drafts.get(imported.id).content).toEqual(contractTerms(blank.content as SlaDraft));
  });

  it('tells what it found of the file: an unmodified export of this installation, or the paragraph changed since', async () => {
    const original = services.drafts.create({ presetId: 'crm' });
    await services.exports.exportContract({ draftId: original.id, language: 'en', scope: 'internal' });
    const exported = readFileSync(join(outDir, 'contract.docx'));
    const clean = await services.exports.importDocx({ fileName: 'contract.docx', base64: exported.toString('base64') });
    expect(clean.check).toEqual({ format: 2, scope: 'internal', identity: identityOf(original.content), findings: [], origin: 'thisInstallation' });
    expect(services.drafts.get(clean.id).content).toEqual(original.content);

    const zip = await JSZip.loadAsync(exported);
    const xml = await zip.file('word/document.xml')!.async('string');
    zip.file('word/document.xml', xml.replace('Business Day', 'Calendar Day'));
    const edited = await zip.generateAsync({ type: 'nodebuffer' });
    const changed = await services.exports.importDocx({ fileName: 'returned.docx', base64: edited.toString('base64') });
    expect(changed.check.origin).toBe('notVerified');
    expect(changed.check.findings).toEqual([{ key: 'export.check.textChanged', params: { count: 1, paragraphs: expect.stringContaining('Calendar Day') } }]);
    // The draft inside is imported as SLA Studio wrote it, without the edit.
    expect(services.drafts.get(changed.id).content).toEqual(original.content);
  });

  it('names what is wrong with a file that is not an exported contract, importing nothing', async () => {
    const original = services.drafts.create({ presetId: 'crm' });
    await services.exports.exportContract({ draftId: original.id, language: 'en' });
    const exported = readFileSync(join(outDir, 'contract.docx'));

    const withoutDraft = await JSZip.loadAsync(exported);
    for (const name of Object.keys(withoutDraft.files)) if (name.startsWith('customXml/')) withoutDraft.remove(name);
    const damaged = await JSZip.loadAsync(exported);
    const item = await damaged.file('customXml/item1.xml')!.async('string');
    damaged.file('customXml/item1.xml', item.replace('Acme CRM', 'Acme CRN'));

    const cases: [string, Buffer, string][] = [
      ['notes.txt', Buffer.from('Meeting notes, not a contract'), 'export.errors.notDocx'],
      ['plain.docx', await withoutDraft.generateAsync({ type: 'nodebuffer' }), 'export.errors.noDraft'],
      ['edited.docx', await damaged.generateAsync({ type: 'nodebuffer' }), 'export.errors.damaged'],
    ];
    for (const [fileName, bytes, key] of cases) {
      expect(await errorOf(services.exports.importDocx({ fileName, base64: bytes.toString('base64') })), fileName).toEqual({
        code: 'invalidFile',
        key,
        params: { fileName, max: 5 },
      });
    }
    expect(services.drafts.list({ query: '', view: 'active', sort: 'updated' }).map((draft) => draft.id)).toEqual([original.id]);
  });
});

describe('importing a contract in a worker thread, as the app does', () => {
  beforeEach(() => {
    services.close();
    services = createServices({ ...ports, readDraftPart: workerDraftPartReader(docxReaderWorkerFromSources()) });
  });

  it('keeps the event loop free while it reads a hostile file, then refuses the file', async () => {
    // Seconds of parsing within the limits, then a zip bomb: on this thread it would stall every other request.
    const base64 = Buffer.from(await slowBomb('{"schemaVersion": 1}\n', 100_000)).toString('base64');
    let last = performance.now();
    let longestGap = 0;
    const ticks = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 10);
    try {
      expect(await errorOf(services.exports.importDocx({ fileName: 'hostile.docx', base64 }))).toEqual({
        code: 'invalidFile',
        key: 'export.errors.tooLargeOrDamaged',
        params: { fileName: 'hostile.docx', max: 5 },
      });
    } finally {
      clearInterval(ticks);
    }
    // A property rather than a timing target: the main thread is free, so the gap is the timer's own slack.
    expect(longestGap).toBeLessThan(500);
    expect(services.drafts.list({ query: '', view: 'active', sort: 'updated' })).toEqual([]);
  }, 60_000);

  it('imports an exported contract as before', async () => {
    const original = services.drafts.create({ presetId: 'crm' });
    await services.exports.exportContract({ draftId: original.id, language: 'en' });
    const imported = await services.exports.importDocx({ fileName: 'contract.docx', base64: readFileSync(join(outDir, 'contract.docx')).toString('base64') });
    expect(services.drafts.get(imported.id).content).toEqual(original.content);
  });
});

describe('contractFileName', () => {
  it('proposes "<Title> v3 (EN).docx" with the characters file systems refuse replaced', () => {
    expect(contractFileName('Acme Cloud SLA', 3, 'en', 'Untitled SLA')).toBe('Acme Cloud SLA v3 (EN).docx');
    expect(contractFileName('云数据库服务等级协议', null, 'zh-CN', 'Untitled SLA')).toBe('云数据库服务等级协议 (ZH).docx');
    expect(contractFileName('A/B: "Gold" <tier>?', 12, 'bilingual', 'Untitled SLA')).toBe('A B Gold tier v12 (EN-ZH).docx');
    expect(contractFileName('  ...  ', null, 'en', 'Untitled SLA')).toBe('Untitled SLA (EN).docx');
    // A right-to-left override would show "Acme ‹RLO›gpj.exe" as "Acme exe.jpg".
    expect(contractFileName('Acme \u202egpj.exe', null, 'en', 'Untitled SLA')).toBe('Acme gpj.exe (EN).docx');
  });
});
