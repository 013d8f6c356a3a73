/**
 * The export service: the file on disk is the contract it reports (size and
 * hash), written whole or not at all; the draft it carries is the draft
 * exported; what stops an export says which field or file is at fault.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { preset, presets } from '../../src-shared/contract/fixtures';
import { canonicalJson } from '../../src-shared/model/canonical';
import { contractTerms, INTERNAL_PARTS, isEscalationContact } from '../../src-shared/model/contract-terms';
import { blankDraft } from '../../src-shared/model/defaults';
import { readDraftFile, readWorkingCopyFile, writeDraftFile } from '../../src-shared/model/file';
import { localized } from '../../src-shared/model/localized';
import { criticalPeriodSchema, requestSchema, SCHEMA_VERSION, stakeholderSchema, type SlaDraft } from '../../src-shared/model/schema';
import { contractIdentity } from '../../src-shared/model/version';
import { readDraftPart } from '../docx/draft-part';
import { sha256Hex } from '../sha256';
import { find, findAll, openPackage, wordText } from '../docx/test-package';
import { createClauseLibrary } from './clause-library';
import { createContractExportService, draftForDraftExport, draftForExport, EXPORT_LANGUAGES } from './contract-export';
import { isServiceError, type ServiceError } from './errors';
import { makeTempDir, steppingClock } from './test-fixtures';

const library = createClauseLibrary({ dirs: [join(process.cwd(), 'templates')] });
/** The clause library's version as its file states it: the record names the wording the contract was made from. */
const TEMPLATE_VERSION =
  /^version: (\S+)$/m.exec(readFileSync(join(process.cwd(), 'templates', 'standard-saas', 'template.yaml'), 'utf8'))?.[1] ?? 'no version line in template.yaml';
let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('sla-export-');
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

describe('contract export', () => {
  it('writes the contract atomically and reports its path, size, SHA-256, template and the draft it carries', async () => {
    const service = createContractExportService({ clauseLibrary: library, clock: steppingClock('2026-05-04T10:00:00.000Z') });
    const draft = preset('enterprise');
    const path = join(temp.dir, 'Enterprise SLA v3.docx');
    writeFileSync(path, 'an older export that is replaced');
    const version = { label: 'v3 — customer counter-proposal', sha256: 'ab12cd34'.repeat(8) };

    const record = await service.exportToFile({ draft, language: 'bilingual', path, version });
    const bytes = readFileSync(path);
    expect(record).toMatchObject({
      path,
      size: bytes.byteLength,
      sha256: sha256Hex(bytes),
      language: 'bilingual',
      templateId: 'standard-saas',
      templateVersion: TEMPLATE_VERSION,
      draftSha256: sha256Hex(writeDraftFile(contractTerms(draft))),
      identity: contractIdentity(sha256Hex(canonicalJson(contractTerms(draft)))),
      version,
      exportedAt: '2026-05-04T10:00:00.000Z',
      blanks: [],
    });
    // No temp file is left beside it.
    expect(readdirSync(temp.dir)).toEqual(['Enterprise SLA v3.docx']);
    // The file carries the contract terms; the footer shows the version and 16 hex digits of the terms' hash.
    expect(await readDraftPart(bytes)).toMatchObject({ ok: true, json: writeDraftFile(contractTerms(draft)) });
    const pkg = await openPackage(bytes);
    const footers = await Promise.all(pkg.names.filter((name) => /^word\/footer\d+\.xml$/.test(name)).map(async (name) => wordText(await pkg.xml(name))));
    expect(footers.join('|')).toContain(`Version v3 — customer counter-proposal · ${record.identity}\t`);
    expect(record.identity).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){3}$/);
  });

  it('lists the values left blank in the contract', async () => {
    const service = createContractExportService({ clauseLibrary: library, clock: steppingClock() });
    const draft = preset('standard-saas');
    draft.targets.severities[1]!.description = localized('');
    const built = await service.build({ draft, language: 'bilingual' });
    expect(built.blanks.map((blank) => [blank.code, blank.path])).toEqual([['empty', 'targets.severities[1].description']]);
    expect(built.blanks.every((blank) => blank.code !== 'misaligned')).toBe(true);
  });

  it('refuses a draft with problems, naming each field', () => {
    const content = JSON.parse(writeDraftFile(preset('standard-saas'))) as Record<string, unknown>;
    content.termMonths = 'twelve';
    let error: unknown;
    try {
      draftForExport(content);
    } catch (thrown) {
      error = thrown;
    }
    expect(isServiceError(error)).toBe(true);
    expect((error as ServiceError).apiError).toMatchObject({ code: 'invalidInput', key: 'errors.draftHasProblems', params: { count: 1 } });
    expect((error as ServiceError).apiError.problems?.map((p) => p.path)).toEqual([['termMonths']]);
  });

  it('says when the draft names a template that is not there, and writes nothing', async () => {
    const service = createContractExportService({ clauseLibrary: library, clock: steppingClock() });
    const draft = preset('standard-saas');
    draft.contract.templateId = 'acme-special';
    const path = join(temp.dir, 'out.docx');
    const error = await caught(service.exportToFile({ draft, language: 'en', path }));
    expect(error.apiError).toMatchObject({ code: 'notFound', key: 'errors.templateUnusable', params: { id: 'acme-special' } });
    expect(readdirSync(temp.dir)).toEqual([]);
  });

  it('reports a folder it cannot write to and leaves no partial file', async () => {
    const service = createContractExportService({ clauseLibrary: library, clock: steppingClock() });
    const missing = join(temp.dir, 'no-such-folder', 'out.docx');
    const error = await caught(service.exportToFile({ draft: preset('standard-saas'), language: 'zh-CN', path: missing }));
    expect(error.apiError).toMatchObject({ key: 'errors.cannotWriteFile', params: { path: missing, reason: 'ENOENT' } });
    const folder = join(temp.dir, 'a-folder.docx');
    mkdirSync(folder);
    const intoFolder = await caught(service.exportToFile({ draft: preset('standard-saas'), language: 'en', path: folder }));
    expect(intoFolder.apiError.key).toBe('errors.cannotWriteFile');
    expect(readdirSync(temp.dir)).toEqual(['a-folder.docx']);
    expect(readdirSync(folder)).toEqual([]);
  });
});

/** The lists of the schema's internal parts (contract-terms.ts), each with the item schema it holds. */
const INTERNAL_ITEM_SCHEMAS = {
  'expectations.requests': requestSchema,
  'expectations.stakeholders': stakeholderSchema,
  'expectations.criticalPeriods': criticalPeriodSchema,
};

/** The free text a draft holds in its internal lists: what a contract-only file carries only where the contract prints it. */
function internalTexts(draft: SlaDraft): string[] {
  expect(Object.keys(INTERNAL_ITEM_SCHEMAS).sort()).toEqual(INTERNAL_PARTS.map((part) => part.list).sort());
  const texts: string[] = [];
  for (const [path, schema] of Object.entries(INTERNAL_ITEM_SCHEMAS)) {
    const items = path.split('.').reduce<unknown>((object, key) => (object as Record<string, unknown>)[key], draft) as Record<string, unknown>[];
    for (const item of items) {
      for (const field of Object.keys(schema.shape)) {
        const value = item[field];
        // Ids, enums and dates are words a contract uses too (metricId names a contract metric, a period may start on a holiday); the text is what leaks.
        if (typeof value === 'string' && value.length >= 6 && !['id', 'metricId', 'party', 'priority', 'start', 'end'].includes(field)) texts.push(value);
      }
    }
  }
  return texts;
}

describe('what a contract file carries', () => {
  it.each(presets().flatMap(({ name }) => EXPORT_LANGUAGES.map((language) => [name, language] as const)))(
    'the %s preset exported in %s carries its contract terms and none of its internal fields',
    async (name, language) => {
      const service = createContractExportService({ clauseLibrary: library, clock: steppingClock() });
      const draft = preset(name);
      const built = await service.build({ draft, language });
      const pkg = await openPackage(built.bytes);
      // What the text prints is no leak: an escalation contact, a critical period's name and dates, a stakeholder who signs.
      const printed = wordText(await pkg.xml('word/document.xml'));
      const texts = internalTexts(draft).filter((text) => !printed.includes(text));
      expect(texts.length).toBeGreaterThan(5);
      // Among them the details of every stakeholder who is not an escalation contact, and every critical period's note.
      const unmarked = draft.expectations.stakeholders.filter((stakeholder) => !isEscalationContact(stakeholder));
      expect(unmarked.length).toBeGreaterThan(0);
      for (const stakeholder of unmarked) if (stakeholder.email !== '') expect(texts).toContain(stakeholder.email);
      for (const period of draft.expectations.criticalPeriods) expect(texts).toContain(period.note);
      const part = await pkg.text('customXml/item1.xml');
      for (const text of texts) expect(part.includes(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')), text).toBe(false);
      // What an import gives back: the contract terms, a valid draft with the internal parts left out or blanked.
      const imported = await readDraftPart(built.bytes);
      expect(imported.ok && readDraftFile(imported.json)).toEqual({ ok: true, draft: contractTerms(draft), migratedFrom: null });
      const embedded = (JSON.parse(built.draftJson) as SlaDraft).expectations;
      expect(embedded).toMatchObject({
        requests: [],
        stakeholders: draft.expectations.stakeholders.filter(isEscalationContact),
        criticalPeriods: draft.expectations.criticalPeriods.map((period) => ({ ...period, note: '' })),
      });
    },
  );

  it('carries the whole draft in an internal copy, which its footer and its part say', async () => {
    const service = createContractExportService({ clauseLibrary: library, clock: steppingClock() });
    const draft = preset('enterprise');
    const built = await service.build({ draft, language: 'en', scope: 'internal' });
    expect(built.draftJson).toBe(writeDraftFile(draft));
    const pkg = await openPackage(built.bytes);
    expect(await pkg.text('customXml/item1.xml')).toContain('"scope":"internal"');
    const footers = await Promise.all(pkg.names.filter((name) => /^word\/footer\d+\.xml$/.test(name)).map(async (name) => wordText(await pkg.xml(name))));
    expect(footers.join('|')).toContain(`Internal copy · Working draft · ${built.identity}\t`);
    // The same contract terms: the same identity as the contract-only file.
    expect((await service.build({ draft, language: 'en' })).identity).toBe(built.identity);
  });
});

describe('a draft export', () => {
  const service = createContractExportService({ clauseLibrary: library, clock: steppingClock() });

  /** The text of each header part (the cover's and the other pages') and the watermark each carries (v:textpath). */
  async function headers(bytes: Uint8Array): Promise<{ text: string; watermark: string | undefined }[]> {
    const pkg = await openPackage(bytes);
    const names = pkg.names.filter((name) => /^word\/header\d+\.xml$/.test(name)).sort();
    return Promise.all(
      names.map(async (name) => {
        const xml = await pkg.xml(name);
        // The shape's text path holds the words; the shape type's has none.
        return { text: wordText(xml), watermark: findAll(xml, 'v:textpath').find((path) => path.attrs.string !== undefined)?.attrs.string };
      }),
    );
  }

  const blank = (locale: 'en' | 'zh-CN') => blankDraft({ title: locale === 'en' ? 'Blank SLA' : '空白服务水平协议', effectiveDate: '2026-12-01', locale });

  it.each([
    ['en', 'en', 'Draft — not for signature', 'DRAFT'],
    ['zh-CN', 'zh-CN', '草稿——不得用于签署', '草稿'],
    ['bilingual', 'en', 'Draft — not for signature / 草稿——不得用于签署', 'DRAFT 草稿'],
  ] as const)(
    'of a blank draft in %s says "not for signature" and carries a DRAFT watermark on every page, the blanks marked',
    async (language, locale, notice, watermark) => {
      const { draft, incomplete } = draftForDraftExport(blank(locale));
      expect(incomplete.map((found) => found.path.join('.'))).toEqual(['parties.provider.legalName', 'parties.customer.legalName']);
      const built = await service.build({ draft, language, asDraft: true, incomplete });

      const found = await headers(built.bytes);
      // The cover's header (the notice alone) and the other pages' (the notice above the title).
      expect(found).toHaveLength(2);
      for (const header of found) {
        expect(header.text.startsWith(notice)).toBe(true);
        expect(header.watermark).toBe(watermark);
      }
      // The title in the contract's first language: a bilingual contract's header carries the English one.
      expect(found.map((header) => header.text.slice(notice.length)).sort()).toEqual(['', draft.title[locale]]);

      // The parties' names are blanks, highlighted where they stand.
      const body = await (await openPackage(built.bytes)).xml('word/document.xml');
      const highlighted = findAll(body, 'w:r').filter((run) => find(run, 'w:highlight') !== undefined);
      expect(highlighted.map((run) => wordText(run))).toEqual(expect.arrayContaining(['[●]']));
      expect(built.blanks.map((blank) => blank.path)).toEqual(expect.arrayContaining(['parties.provider.legalName', 'parties.customer.legalName']));
    },
  );

  it('of an incomplete draft carries it marked incomplete, and the record says so; imported, it lists what is missing', async () => {
    const { draft, incomplete } = draftForDraftExport(blank('zh-CN'));
    const built = await service.build({ draft, language: 'zh-CN', asDraft: true, incomplete });
    expect(built.draftJson.split('\n').slice(1, 3)).toEqual([`  "schemaVersion": ${SCHEMA_VERSION},`, '  "incompleteDraft": true,']);
    const part = await readDraftPart(built.bytes);
    if (!part.ok) throw new Error(part.reason);
    expect(part.json).toBe(built.draftJson);
    // The file is as SLA Studio wrote it: the mark changes nothing of the contract's identity.
    expect(part.check).toMatchObject({ incomplete: true, findings: [], footerIdentity: built.identity });
    expect(JSON.parse(part.check!.seal?.record ?? readRecordOf(await (await openPackage(built.bytes)).text('customXml/item1.xml')))).toMatchObject({
      incomplete: true,
    });
    const read = readWorkingCopyFile(part.json);
    expect(read).toMatchObject({ ok: true, complete: false, problems: incomplete });
  });

  it('of a complete draft differs from the contract only by its marks; the contract itself has none', async () => {
    const draft = preset('standard-saas');
    const contract = await service.build({ draft, language: 'bilingual' });
    expect((await headers(contract.bytes)).sort((a, b) => a.text.localeCompare(b.text))).toEqual([
      { text: '', watermark: undefined },
      // A bilingual contract is headed by its title in both languages.
      { text: `${draft.title.en} / ${draft.title['zh-CN']}`, watermark: undefined },
    ]);
    const asDraft = await service.build({ draft, language: 'bilingual', asDraft: true });
    expect((await headers(asDraft.bytes)).map((header) => header.watermark)).toEqual(['DRAFT 草稿', 'DRAFT 草稿']);
    // The draft inside is the same complete draft, not marked incomplete.
    expect(asDraft.draftJson).toBe(contract.draftJson);
    expect(asDraft.identity).toBe(contract.identity);
    const part = await readDraftPart(asDraft.bytes);
    expect(part.ok && part.check).toMatchObject({ incomplete: false, findings: [] });
  });

  it('is the only export of an incomplete draft, and no draft export takes a value of another type', async () => {
    const { draft, incomplete } = draftForDraftExport(blank('en'));
    const refused = await caught(service.build({ draft, language: 'en', incomplete }));
    expect(refused.apiError).toMatchObject({ key: 'errors.draftHasProblems', params: { count: 2 } });
    expect(() => draftForDraftExport({ ...blank('en'), termMonths: 'twelve' })).toThrow(
      expect.objectContaining({ apiError: expect.objectContaining({ key: 'errors.draftHasProblems' }) }),
    );
  });
});

/** The record's text inside the draft part, for an unsealed part. */
function readRecordOf(itemXml: string): string {
  const match = /<record[^>]*>([^<]*)<\/record>/.exec(itemXml);
  if (!match) throw new Error('no record in the draft part');
  return match[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
