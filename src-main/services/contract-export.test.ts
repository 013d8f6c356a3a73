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
import { readDraftFile, writeDraftFile } from '../../src-shared/model/file';
import { criticalPeriodSchema, requestSchema, stakeholderSchema, type SlaDraft } from '../../src-shared/model/schema';
import { contractIdentity } from '../../src-shared/model/version';
import { readDraftPart } from '../docx/draft-part';
import { sha256Hex } from '../sha256';
import { openPackage, wordText } from '../docx/test-package';
import { createClauseLibrary } from './clause-library';
import { createContractExportService, draftForExport, EXPORT_LANGUAGES } from './contract-export';
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
    draft.targets.severities[1]!.description = '';
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
