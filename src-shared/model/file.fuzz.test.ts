/**
 * Whatever file a user opens as `*.sla.json` — random text, random JSON, a
 * real preset with one value broken or its text cut and spliced — the
 * reader answers a valid draft or problems that name a field and read in
 * both languages. It never throws, and it refuses the very large quickly.
 */
/// <reference types="vite/client" />
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import chinaHostedText from '../../templates/presets/china-hosted.sla.json?raw';
import enterpriseText from '../../templates/presets/enterprise.sla.json?raw';
import standardText from '../../templates/presets/standard-saas.sla.json?raw';
import { HOSTILE_STRINGS, isTranslated, mutatedDocument, mutatedText } from '../testing/hostile';
import { MAX_DRAFT_FILE_CHARS, readDraftFile, writeDraftFile, type DraftFileResult } from './file';
import { isLocalizedText } from './localized';
import { LIMITS } from './schema';
import { validateDraft } from './validate';

const PRESET_TEXTS = { enterprise: enterpriseText, 'standard-saas': standardText, 'china-hosted': chinaHostedText };
const PRESETS = Object.entries(PRESET_TEXTS).map(([name, text]) => ({ name, text, document: JSON.parse(text) as Record<string, unknown> }));

/** Reads a text and checks what every answer must be; returns the answer. */
function readCleanly(text: string): DraftFileResult {
  let result: DraftFileResult;
  try {
    result = readDraftFile(text);
  } catch (error) {
    throw new Error(`readDraftFile threw ${String(error)} for ${JSON.stringify(text.slice(0, 200))}`, { cause: error });
  }
  if (result.ok) {
    // A draft it hands back is one the validator accepts as it is, and writes back to the same draft.
    expect(validateDraft(result.draft).problems).toEqual([]);
    const again = readDraftFile(writeDraftFile(result.draft));
    expect(again.ok && again.draft).toEqual(result.draft);
  } else {
    expect(result.problems.length).toBeGreaterThan(0);
    for (const item of result.problems) {
      expect(Array.isArray(item.path) && item.path.every((segment) => typeof segment === 'string' || typeof segment === 'number')).toBe(true);
      expect(isTranslated(item.key), `${item.key} reads in both languages`).toBe(true);
      // A parameter is a number, a text, or a draft's text in both languages (read in the message's language).
      for (const value of Object.values(item.params)) expect(typeof value === 'string' || typeof value === 'number' || isLocalizedText(value)).toBe(true);
    }
  }
  return result;
}

describe('readDraftFile under hostile input', () => {
  it('answers any text with a draft or problems', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom(...HOSTILE_STRINGS)), (text) => {
        readCleanly(text);
      }),
      { numRuns: 150 },
    );
  });

  it('answers any JSON value with a draft or problems', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const result = readCleanly(JSON.stringify(value));
        // Nothing random is an SLA draft.
        expect(result.ok).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('answers a JSON object with the wrong schemaVersion or none with a problem on schemaVersion', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }),
        fc.jsonValue({ maxDepth: 1 }),
        (object, version) => {
          fc.pre(version !== 1);
          const result = readCleanly(JSON.stringify({ ...object, schemaVersion: version }));
          expect(!result.ok && result.problems.map((item) => item.path[0])).toContain('schemaVersion');
        },
      ),
      { numRuns: 100 },
    );
  });

  it.each(PRESETS)('answers the $name preset with one value broken, naming a field', ({ document }) => {
    fc.assert(
      fc.property(mutatedDocument(document), (mutated) => {
        readCleanly(JSON.stringify(mutated));
      }),
      { numRuns: 60 },
    );
  });

  it.each(PRESETS)('answers the $name preset text cut and spliced', ({ text }) => {
    fc.assert(
      fc.property(mutatedText(text), (mutated) => {
        readCleanly(mutated);
      }),
      { numRuns: 60 },
    );
  });
});

describe('readDraftFile with very large values', () => {
  /** Timed for the record; no assertion on time, a busy machine must not fail the suite. */
  function timed(what: string, text: string): DraftFileResult {
    const started = performance.now();
    const result = readCleanly(text);
    console.info(`[file.fuzz] ${what} (${(text.length / 1e6).toFixed(1)} M characters): answered in ${(performance.now() - started).toFixed(1)} ms`);
    return result;
  }

  it('refuses a file with a 10 MB title by the file limit, before parsing it', () => {
    const document = JSON.parse(enterpriseText) as Record<string, unknown>;
    const result = timed('a 10 MB title', JSON.stringify({ ...document, title: 'T'.repeat(10 * 1024 * 1024) }));
    expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ path: [], key: 'file.tooLarge', params: { max: MAX_DRAFT_FILE_CHARS } })] });
  });

  it('refuses a title just over its limit in a file under the size limit, naming the title', () => {
    const document = JSON.parse(enterpriseText) as Record<string, unknown>;
    const result = timed('a 1 MB title', JSON.stringify({ ...document, title: { en: 'T'.repeat(1024 * 1024), 'zh-CN': '' } }));
    expect(!result.ok && result.problems).toEqual([
      expect.objectContaining({ path: ['title', 'en'], key: 'validation.tooLong', params: { max: LIMITS.shortText } }),
    ]);
  });

  it('refuses 10,000 services with the services limit, as one problem on the list', () => {
    const document = JSON.parse(enterpriseText) as { services: Record<string, unknown>[] };
    const [first] = document.services;
    const services = Array.from({ length: 10_000 }, (_, index) => ({
      id: `svc-${index}`,
      name: { en: `Service ${index}`, 'zh-CN': '' },
      description: { en: '', 'zh-CN': '' },
      metrics: [],
    }));
    const result = timed('10,000 small services', JSON.stringify({ ...document, services }));
    expect(!result.ok && result.problems).toContainEqual(
      expect.objectContaining({ path: ['services'], key: 'validation.tooMany', params: { max: LIMITS.services } }),
    );
    // Copies of a real service make a file over the size limit: refused before parsing.
    const copies = Array.from({ length: 10_000 }, (_, index) => ({ ...first, id: `svc-${index}` }));
    const large = timed('10,000 copies of a real service', JSON.stringify({ ...document, services: copies }));
    expect(!large.ok && large.problems.map((item) => item.key)).toEqual(['file.tooLarge']);
  });

  it('refuses a list of 10,000 services even when each is broken, without a problem per service', () => {
    const document = JSON.parse(enterpriseText) as Record<string, unknown>;
    const result = timed('10,000 broken services', JSON.stringify({ ...document, services: Array.from({ length: 10_000 }, () => 42) }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual(expect.objectContaining({ path: ['services'], key: 'validation.tooMany' }));
    expect(result.problems.length).toBeLessThan(50);
  });
});
