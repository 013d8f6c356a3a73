/**
 * Reading and writing `*.sla.json`: whatever a user opens, they get either a
 * draft or a list of problems that name the field, never an exception; files
 * of older formats are upgraded in order, files of newer ones are refused.
 */
import { describe, expect, it } from 'vitest';
import { blankDraft } from './defaults';
import { canonicalHash } from './canonical';
import { localized } from './localized';
import { MAX_DRAFT_FILE_CHARS, migrateDocument, readDraftFile, writeDraftFile, type Migration } from './file';
import type { Problem } from './problems';
import { SCHEMA_VERSION, type SlaDraft } from './schema';

function validDraft(): SlaDraft {
  const draft = blankDraft({ title: 'Acme Cloud SLA', effectiveDate: '2027-01-01' });
  draft.parties.provider.legalName = 'Acme Cloud Ltd';
  draft.parties.customer.legalName = 'Globex Retail plc';
  return draft;
}

function problemsOf(text: string): Problem[] {
  const result = readDraftFile(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems;
}

const keysOf = (text: string) => problemsOf(text).map((p) => p.key);

describe('readDraftFile', () => {
  it('reads what writeDraftFile wrote, unchanged', () => {
    const draft = validDraft();
    const result = readDraftFile(writeDraftFile(draft));
    expect(result).toEqual({ ok: true, draft, migratedFrom: null });
  });

  it('accepts a UTF-8 byte order mark and surrounding whitespace', () => {
    const result = readDraftFile(`\uFEFF\n${writeDraftFile(validDraft())}\n\n`);
    expect(result.ok).toBe(true);
  });

  it('refuses an empty file and a file of whitespace', () => {
    expect(keysOf('')).toEqual(['file.empty']);
    expect(keysOf('  \n\t\r\n ')).toEqual(['file.empty']);
    expect(keysOf('\uFEFF')).toEqual(['file.empty']);
  });

  it('refuses truncated JSON, saying why', () => {
    const text = writeDraftFile(validDraft());
    const problems = problemsOf(text.slice(0, Math.floor(text.length / 2)));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: [], key: 'file.notJson' });
    expect(String(problems[0]!.params.detail).length).toBeGreaterThan(0);
  });

  it('refuses JSON that is not one object', () => {
    for (const text of ['[]', '[{"schemaVersion": 1}]', 'null', '42', '"draft"', 'true']) {
      expect(keysOf(text)).toEqual(['file.notObject']);
    }
  });

  it('refuses an object without schemaVersion: it is not an SLA Studio file', () => {
    expect(problemsOf('{}')).toEqual([{ step: 'services', path: ['schemaVersion'], key: 'file.schemaVersionMissing', params: {} }]);
    const { schemaVersion: _dropped, ...rest } = validDraft();
    expect(keysOf(JSON.stringify(rest))).toEqual(['file.schemaVersionMissing']);
  });

  it('refuses a file from a newer SLA Studio, naming both versions', () => {
    const future = { ...validDraft(), schemaVersion: 99 };
    expect(problemsOf(JSON.stringify(future))).toEqual([
      { step: 'services', path: ['schemaVersion'], key: 'file.futureSchema', params: { found: 99, supported: SCHEMA_VERSION } },
    ]);
  });

  it('refuses a schemaVersion that is not a whole number from 1', () => {
    for (const version of ['"1"', '0', '-1', '1.5', 'null', 'true']) {
      const text = writeDraftFile(validDraft()).replace(`"schemaVersion": ${SCHEMA_VERSION}`, `"schemaVersion": ${version}`);
      expect(problemsOf(text)).toEqual([{ step: 'services', path: ['schemaVersion'], key: 'file.schemaVersion', params: { supported: SCHEMA_VERSION } }]);
    }
  });

  it('lists every problem of a well-formed but invalid draft', () => {
    const draft = validDraft();
    draft.effectiveDate = '2026-02-30';
    draft.compensation.capPercent = 20;
    expect(keysOf(writeDraftFile(draft))).toEqual(['validation.date', 'rules.creditAboveCap', 'rules.creditAboveCap']);
  });

  it('refuses a file far larger than any SLA before parsing it', () => {
    expect(keysOf(' '.repeat(MAX_DRAFT_FILE_CHARS + 1))).toEqual(['file.tooLarge']);
  });

  it('reports top-level keys named after Object.prototype members as unknown fields', () => {
    const text = writeDraftFile(validDraft());
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const withKey = text.replace('{\n', `{\n  "${key}": {},\n`);
      expect(problemsOf(withKey), key).toEqual([{ step: 'services', path: [key], key: 'validation.unknownField', params: { field: key } }]);
    }
  });
});

describe('writeDraftFile', () => {
  it('puts schemaVersion first, indents by two spaces and ends with a newline', () => {
    const { schemaVersion, ...rest } = validDraft();
    // Built with schemaVersion last, as an editor might hold it.
    const text = writeDraftFile({ ...rest, schemaVersion } as SlaDraft);
    expect(text.startsWith(`{\n  "schemaVersion": ${SCHEMA_VERSION},\n  "title": {\n    "en": "Acme Cloud SLA",\n    "zh-CN": ""\n  },\n`)).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
  });

  it('writes Chinese text as itself, not as escapes', () => {
    const draft = validDraft();
    draft.title = localized('', '服务等级协议');
    expect(writeDraftFile(draft)).toContain('"zh-CN": "服务等级协议"');
  });
});

describe('migrateDocument', () => {
  /** Test migrations that record the order they ran in and reshape the document like a real upgrade would. */
  function tracedMigrations(trace: string[]): Record<number, Migration> {
    return {
      1: (doc) => {
        trace.push(`1->2 from ${String(doc.schemaVersion)}`);
        const { name, ...rest } = doc;
        return { ...rest, title: name };
      },
      2: (doc) => {
        trace.push(`2->3 from ${String(doc.schemaVersion)}`);
        return { ...doc, termMonths: (doc.termYears as number) * 12 };
      },
    };
  }

  it('runs every migration from the file version up to the current one, in order', () => {
    const trace: string[] = [];
    const result = migrateDocument({ schemaVersion: 1, name: 'Old SLA', termYears: 2 }, tracedMigrations(trace), 3);
    expect(trace).toEqual(['1->2 from 1', '2->3 from 2']);
    expect(result).toEqual({
      ok: true,
      document: { schemaVersion: 3, title: 'Old SLA', termYears: 2, termMonths: 24 },
      migratedFrom: 1,
    });
  });

  it('starts at the file version: a version-2 file skips the 1->2 migration', () => {
    const trace: string[] = [];
    const result = migrateDocument({ schemaVersion: 2, title: 'SLA', termYears: 1 }, tracedMigrations(trace), 3);
    expect(trace).toEqual(['2->3 from 2']);
    expect(result.ok && result.migratedFrom).toBe(2);
  });

  it('leaves a current file untouched and says it was not migrated', () => {
    const trace: string[] = [];
    const document = { schemaVersion: 3, title: 'SLA' };
    expect(migrateDocument(document, tracedMigrations(trace), 3)).toEqual({ ok: true, document, migratedFrom: null });
    expect(trace).toEqual([]);
  });

  it('does not change the document it was given', () => {
    const document = { schemaVersion: 1, name: 'Old SLA', termYears: 2 };
    const before = JSON.stringify(document);
    migrateDocument(document, tracedMigrations([]), 3);
    expect(JSON.stringify(document)).toBe(before);
  });

  it('refuses a version it has no path from, and a future version', () => {
    const gap = migrateDocument({ schemaVersion: 1 }, { 2: (doc) => doc }, 3);
    expect(gap).toEqual({ ok: false, problems: [{ step: 'services', path: ['schemaVersion'], key: 'file.schemaVersion', params: { supported: 3 } }] });
    const future = migrateDocument({ schemaVersion: 4 }, tracedMigrations([]), 3);
    expect(future.ok ? [] : future.problems.map((p) => p.key)).toEqual(['file.futureSchema']);
  });

  it('reads a version-1 file with the shipped migrations, up to the current version', () => {
    expect(migrateDocument({ schemaVersion: 1 })).toEqual({
      ok: true,
      document: { schemaVersion: SCHEMA_VERSION, mainAgreement: { relation: 'standAlone', title: '', titleZh: '', date: '' } },
      migratedFrom: 1,
    });
  });
});

describe('party registration number and legal representative (optional, added without a schema version)', () => {
  const presetTexts = import.meta.glob<string>('../../templates/presets/*.sla.json', { query: '?raw', import: 'default', eager: true });
  // standard-saas and enterprise were written before the two fields existed and do not carry them.
  const oldFiles = Object.entries(presetTexts).filter(([path]) => !path.includes('china-hosted'));

  it.each(oldFiles)('reads an older file (%s) back unchanged: no field added, the same bytes and canonical hash', async (_, text) => {
    expect(text).not.toContain('registrationNumber');
    const result = readDraftFile(text);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    for (const party of [result.draft.parties.provider, result.draft.parties.customer]) {
      expect(Object.keys(party)).not.toContain('registrationNumber');
      expect(Object.keys(party)).not.toContain('legalRepresentative');
    }
    expect(result.migratedFrom).toBeNull();
    expect(writeDraftFile(result.draft)).toBe(text);
    expect((await canonicalHash(result.draft)).sha256).toBe((await canonicalHash(JSON.parse(text))).sha256);
  });

  it('keeps given values and "" through a write and a read', () => {
    const draft = validDraft();
    Object.assign(draft.parties.provider, { registrationNumber: '91310115MA1K4R7D35', legalRepresentative: '林志远' });
    Object.assign(draft.parties.customer, { registrationNumber: '', legalRepresentative: '' });
    const result = readDraftFile(writeDraftFile(draft));
    expect(result).toEqual({ ok: true, draft, migratedFrom: null });
  });

  it('changes the hash once a value is given', async () => {
    const draft = validDraft();
    const before = await canonicalHash(draft);
    draft.parties.customer.legalRepresentative = '顾建华';
    expect((await canonicalHash(draft)).sha256).not.toBe(before.sha256);
  });

  it('refuses a registration number that is not short text, naming the field', () => {
    const document = JSON.parse(writeDraftFile(validDraft())) as { parties: { provider: Record<string, unknown>; customer: Record<string, unknown> } };
    document.parties.provider.registrationNumber = 'x'.repeat(201);
    document.parties.customer.legalRepresentative = 42;
    const paths = problemsOf(JSON.stringify(document)).map((p) => p.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['parties.provider.registrationNumber', 'parties.customer.legalRepresentative']));
  });
});

describe('extra working days of business hours (optional, added without a schema version)', () => {
  const presetTexts = import.meta.glob<string>('../../templates/presets/*.sla.json', { query: '?raw', import: 'default', eager: true });
  const oldFiles = Object.entries(presetTexts).filter(([path]) => !path.includes('china-hosted'));

  it.each(oldFiles)('reads an older file (%s) back without the field, to the same bytes', (_, text) => {
    expect(text).not.toContain('workingDays');
    const result = readDraftFile(text);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(Object.keys(result.draft.expectations.businessHours)).not.toContain('workingDays');
    expect(writeDraftFile(result.draft)).toBe(text);
  });

  it('keeps the dates through a write and a read, and refuses one that is not a date, naming it', () => {
    const draft = validDraft();
    draft.expectations.businessHours.workingDays = ['2026-02-14', '2026-02-28'];
    expect(readDraftFile(writeDraftFile(draft))).toEqual({ ok: true, draft, migratedFrom: null });
    const document = JSON.parse(writeDraftFile(draft)) as { expectations: { businessHours: { workingDays: unknown[] } } };
    document.expectations.businessHours.workingDays[1] = '28 February';
    expect(problemsOf(JSON.stringify(document)).map((p) => p.path.join('.'))).toContain('expectations.businessHours.workingDays.1');
  });
});
