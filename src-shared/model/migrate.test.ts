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
import { isLocalizedText, languageOfText, TEXT_LANGUAGES } from './localized';
import { FILE_MIGRATIONS, mapAtPath, upgradeContent } from './migrate';
import { draftTexts, LOCALIZED_TEXT_PATHS } from './translations';
import { SCHEMA_VERSION } from './schema';
import { validateDraft } from './validate';

const version1Texts = import.meta.glob<string>('./fixtures/schema-v1/*.sla.json', { query: '?raw', import: 'default', eager: true });
const version1Files = Object.entries(version1Texts).map(([path, text]) => [path.replace(/^.*\//, ''), text] as const);

type Json = Record<string, unknown>;

/** Each text in both languages (version 3) back to the one language it was written in. */
function asSingleTexts(draft: Json): Json {
  let copy: unknown = draft;
  for (const path of LOCALIZED_TEXT_PATHS) {
    copy = mapAtPath(copy, path, (text) => (isLocalizedText(text) ? text.en || text['zh-CN'] : text));
  }
  return copy as Json;
}

/** The new fields of versions 2 and 3, taken out again: what is left must be the version-1 document. */
function withoutVersion2Fields(draft: Json): Json {
  const copy = structuredClone(asSingleTexts(draft)) as Json & {
    targets: { maintenance: Json };
    monitoring: Json;
    compensation: Json;
    contract: Json;
  };
  delete copy.schemaVersion;
  delete copy.contract.languages;
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
    // A text written in Chinese only (the China-hosted preset) is marked in the English contract as untranslated: nothing else is missing.
    expect(problems.filter((problem) => problem.code !== 'untranslated')).toEqual([]);
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

describe('version-1 files: texts in the right language', () => {
  it('reads the Chinese texts of a version-1 file as Chinese and the English ones as English', () => {
    const read = (name: string) => {
      const result = readDraftFile(version1Files.find(([file]) => file === name)![1]);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      return result.draft;
    };
    const chinese = read('china-hosted.sla.json');
    expect(chinese.compensation.claimProcess.en).toBe('');
    expect(languageOfText(chinese.compensation.claimProcess['zh-CN'])).toBe('zh-CN');
    expect(chinese.compliance.governingLaw['zh-CN']).toMatch(/^中华人民共和国法律/);
    const english = read('enterprise.sla.json');
    expect(english.monitoring.downtimeDefinition['zh-CN']).toBe('');
    expect(languageOfText(english.monitoring.downtimeDefinition.en)).toBe('en');
    expect(english.contract.languages).toBe('en');
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

const version2Texts = import.meta.glob<string>('./fixtures/schema-v2/*.sla.json', { query: '?raw', import: 'default', eager: true });
const version2Files = Object.entries(version2Texts).map(([path, text]) => [path.replace(/^.*\//, ''), text] as const);

describe('version-2 files: every text goes to the language it is written in', () => {
  it('has the three presets as they shipped in version 2', () => {
    expect(version2Files.map(([name]) => name).sort()).toEqual(['china-hosted.sla.json', 'enterprise.sla.json', 'standard-saas.sla.json']);
  });

  it.each(version2Files)('reads %s with each text in the language of its script, and nothing else changed', (_, text) => {
    const old = JSON.parse(text) as Json;
    expect(old.schemaVersion).toBe(2);
    const result = readDraftFile(text);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.migratedFrom).toBe(2);
    const texts = draftTexts(result.draft);
    expect(texts.length).toBeGreaterThan(20);
    for (const { path, text: localized } of texts) {
      const written = TEXT_LANGUAGES.filter((language) => localized[language] !== '');
      // One language each: a version-2 text was written once.
      expect(written.length, path.join('.')).toBeLessThanOrEqual(1);
      const [language] = written;
      if (language !== undefined) expect(languageOfText(localized[language]) ?? language, path.join('.')).toBe(language);
    }
    const { schemaVersion: _version, ...rest } = old;
    const { schemaVersion: _new, ...upgraded } = withoutVersion3Fields(result.draft as unknown as Json);
    expect(upgraded).toEqual(rest);
  });

  it('prints the English presets in English and the China-hosted one in both languages, as their texts were written', () => {
    const languagesOf = (name: string) => {
      const result = readDraftFile(version2Files.find(([file]) => file === name)![1]);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      return result.draft.contract.languages;
    };
    expect(languagesOf('standard-saas.sla.json')).toBe('en');
    // The China-hosted preset named its provider's product in English ("Yunfan Cloud…") beside Chinese texts.
    expect(['zh-CN', 'bilingual']).toContain(languagesOf('china-hosted.sla.json'));
  });

  it('decides by script, and the draft’s prevailing language breaks a tie', () => {
    const old = JSON.parse(version2Files.find(([name]) => name === 'china-hosted.sla.json')![1]) as Json & {
      title: string;
      monitoring: { probeLocations: string[] };
      compliance: { exclusions: { other: string[] } };
    };
    old.title = 'Yunfan 云平台服务水平协议';
    old.monitoring.probeLocations = ['AWS 北京区域', 'Frankfurt (eu-central-1)', '10.0.0.1'];
    const result = readDraftFile(JSON.stringify(old));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { draft } = result;
    // Han characters outnumber twice the Latin words: Chinese, though it names the provider in English.
    expect(draft.title).toEqual({ en: '', 'zh-CN': 'Yunfan 云平台服务水平协议' });
    expect(draft.monitoring.probeLocations).toEqual([
      { en: '', 'zh-CN': 'AWS 北京区域' },
      { en: 'Frankfurt (eu-central-1)', 'zh-CN': '' },
      // Neither script: the draft's texts are mostly Chinese.
      { en: '', 'zh-CN': '10.0.0.1' },
    ]);
  });

  it('upgrades stored version-2 content for reading and leaves the stored content and its hash as they were', async () => {
    const stored = JSON.parse(version2Files[0]![1]) as Json;
    const before = JSON.stringify(stored);
    const hash = (await canonicalHash(stored)).sha256;
    const { draft, problems } = validateDraft(stored);
    expect(problems).toEqual([]);
    expect(draft?.schemaVersion).toBe(SCHEMA_VERSION);
    expect(JSON.stringify(stored)).toBe(before);
    expect((await canonicalHash(stored)).sha256).toBe(hash);
  });
});

/** The texts back to one language and the languages field taken out: what is left must be the version-2 document. */
function withoutVersion3Fields(draft: Json): Json {
  const copy = structuredClone(asSingleTexts(draft)) as Json & { contract: Json };
  delete copy.contract.languages;
  return copy;
}
