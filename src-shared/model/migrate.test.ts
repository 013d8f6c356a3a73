/**
 * Files and stored content from version 1 keep opening, and mean what they
 * meant: each preset as it shipped in version 1 (fixtures/schema-v1) reads
 * into the current version with only the new fields added, a stand-alone SLA
 * with the claim steps its chosen wording printed; the stored content itself
 * is never changed, so a saved version keeps its canonical hash.
 */
import { describe, expect, it } from 'vitest';
import { assembleContract } from '../contract/assemble';
import { documentText } from '../contract/doc';
import { standardTemplate } from '../contract/fixtures';
import { canonicalHash } from './canonical';
import { readDraftFile } from './file';
import { FILE_MIGRATIONS, upgradeContent } from './migrate';
import { SCHEMA_VERSION } from './schema';
import { validateDraft } from './validate';

const version1Texts = import.meta.glob<string>('./fixtures/schema-v1/*.sla.json', { query: '?raw', import: 'default', eager: true });
const version1Files = Object.entries(version1Texts).map(([path, text]) => [path.replace(/^.*\//, ''), text] as const);

type Json = Record<string, unknown>;

/** The new fields of version 2, taken out again: what is left must be the version-1 document. */
function withoutVersion2Fields(draft: Json): Json {
  const copy = structuredClone(draft) as Json & {
    targets: { maintenance: Json };
    monitoring: Json;
    compensation: Json;
  };
  delete copy.schemaVersion;
  delete copy.mainAgreement;
  delete copy.targets.maintenance.emergencyMaxHoursPerMonth;
  delete copy.monitoring.methodDowntimePrevails;
  delete copy.compensation.claims;
  return copy;
}

describe('version-1 files', () => {
  it('has a migration from every older version', () => {
    for (let version = 1; version < SCHEMA_VERSION; version++) expect(FILE_MIGRATIONS[version]).toBeTypeOf('function');
    expect(version1Files.map(([name]) => name).sort()).toEqual(['china-hosted.sla.json', 'enterprise.sla.json', 'standard-saas.sla.json']);
  });

  it.each(version1Files)('reads %s as it shipped in version 1, adding only the new fields', (_, text) => {
    const old = JSON.parse(text) as Json;
    expect(old.schemaVersion).toBe(1);
    const result = readDraftFile(text);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.migratedFrom).toBe(1);
    expect(result.draft.schemaVersion).toBe(SCHEMA_VERSION);
    const { schemaVersion: _version, ...rest } = old;
    expect(withoutVersion2Fields(result.draft as unknown as Json)).toEqual(rest);

    // Version 1 named no main agreement: the SLA stood alone, and says so now.
    expect(result.draft.mainAgreement).toEqual({ relation: 'standAlone', title: '', titleZh: '', date: '' });
    // The balanced claim wording of version 1: claim after the report, ten Business Days to answer, deemed confirmed.
    expect(result.draft.compensation.claims).toEqual({ application: 'onClaim', windowFrom: 'report', answerBusinessDays: 10, deemedConfirmed: true });
    expect(result.draft.targets.maintenance.emergencyMaxHoursPerMonth).toBeNull();
    expect(result.draft.monitoring.methodDowntimePrevails).toBe(false);

    const { doc, problems } = assembleContract(result.draft, standardTemplate(), 'en');
    expect(problems).toEqual([]);
    expect(documentText(doc)).toContain('This Agreement stands alone');
  });

  it.each([
    ['provider', { application: 'onClaim', windowFrom: 'periodEnd', answerBusinessDays: 10, deemedConfirmed: false }],
    ['customer', { application: 'automatic', windowFrom: 'report', answerBusinessDays: 10, deemedConfirmed: true }],
  ] as const)('keeps the claim steps the %s wording of version 1 printed', (position, claims) => {
    const old = JSON.parse(version1Files[0]![1]) as Json & { contract: { positions: Json } };
    old.contract.positions = { 'claims.procedure': position };
    const result = readDraftFile(JSON.stringify(old));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.draft.compensation.claims).toEqual(claims);
    expect(result.draft.contract.positions).toEqual({ 'claims.procedure': position });
  });
});

describe('content stored by version 1 (working copies, saved versions)', () => {
  const stored = JSON.parse(version1Files.find(([name]) => name === 'enterprise.sla.json')![1]) as Json;

  it('validates as a current draft, without changing the stored content or its canonical hash', async () => {
    const before = JSON.stringify(stored);
    const hash = (await canonicalHash(stored)).sha256;
    const { draft, problems } = validateDraft(stored);
    expect(problems).toEqual([]);
    expect(draft?.schemaVersion).toBe(SCHEMA_VERSION);
    expect(draft?.mainAgreement.relation).toBe('standAlone');
    expect(JSON.stringify(stored)).toBe(before);
    expect((await canonicalHash(stored)).sha256).toBe(hash);
  });

  it('is upgraded for reading into a new object; current content and non-drafts are returned as they are', () => {
    const upgraded = upgradeContent(stored);
    expect(upgraded).not.toBe(stored);
    expect(upgraded.schemaVersion).toBe(SCHEMA_VERSION);
    expect(upgradeContent(upgraded)).toEqual(upgraded);
    const future = { ...stored, schemaVersion: SCHEMA_VERSION + 1 };
    expect(upgradeContent(future)).toBe(future);
    expect(upgradeContent(null)).toBeNull();
  });
});
