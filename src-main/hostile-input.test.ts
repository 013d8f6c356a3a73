/**
 * Hostile input through every IPC channel: the real handlers on a real
 * database, bound with registerIpc as Electron binds them, get arbitrary
 * values (anything Electron's structured clone can carry) and payloads
 * shaped like the channel's schema but wrong in places. Whatever comes in,
 * the answer is a clean ApiResult — a valid value, or an error whose key
 * reads in both languages — never an exception, never errors.internal, and
 * a refused request leaves every file on disk exactly as it was (hashed
 * before and after each call).
 *
 * The payload generator walks each channel's zod input schema, so a channel
 * added to src-shared/api.ts is fuzzed without touching this file; a schema
 * type the walker does not know fails the test instead of being skipped.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ERROR_CODES, api, MAX_CONTENT_CHARS, type ApiResult } from '../src-shared/api';
import { CHANNELS, type Channel } from '../src-shared/channels';
import { LIMITS } from '../src-shared/model/schema';
import { HOSTILE_STRINGS, mutatedDocument, translationOf } from '../src-shared/testing/hostile';
import { createApiHandlers, type ChannelHandlers } from './api-handlers';
import { createSenderCheck, registerIpc, type InvokeEvent, type IpcMainLike } from './ipc';
import { createServices, type Services } from './services';
import { makeTempDir, scriptedDialogs, steppingClock } from './services/test-fixtures';

const TEMPLATES_DIR = path.resolve(import.meta.dirname, '..', 'templates');
const ENTERPRISE_PRESET = JSON.parse(readFileSync(path.join(TEMPLATES_DIR, 'presets', 'enterprise.sla.json'), 'utf8')) as Record<string, unknown>;
/** Two incidents for services of the enterprise preset: a file that imports. */
const INCIDENTS_CSV =
  'service,start,end,severity\ncore-api,2027-10-12T14:00:00Z,2027-10-12T15:10:00Z,P1\nweb-console,2027-10-20T01:00:00Z,2027-10-20T01:20:00Z,P2\n';

/** Runs per channel and property: about 33 channels × 2 properties × this, kept small for `npm test`. */
const RUNS = { arbitrary: 12, shaped: 30 };

// ── Reporting ───────────────────────────────────────────────────────────────

function describeValue(value: unknown): string {
  try {
    return (fc.stringify(value) ?? String(value)).slice(0, 300);
  } catch {
    return String(value).slice(0, 300);
  }
}

// ── Payloads shaped like a channel's schema ─────────────────────────────────

interface SchemaDef {
  type: string;
  [key: string]: unknown;
}
const defOf = (schema: unknown): SchemaDef => (schema as { def: SchemaDef }).def;

interface Pools {
  /** Identifiers of rows that exist, so that shaped payloads reach the services, not only the schema. */
  realIds: string[];
  /** Any value structured clone can carry across IPC. */
  anything: fc.Arbitrary<unknown>;
  /** The "wrong type" of a field: mostly JSON (what gets past the IPC's plain-data check to the handler), sometimes anything. */
  wrong: fc.Arbitrary<unknown>;
  /** Object content: random dictionaries and mutated versions of a real draft. */
  content: fc.Arbitrary<unknown>;
}

function checksOf(def: SchemaDef): Record<string, unknown>[] {
  // A check keeps its parameters on _zod.def (zod 4 has no public alias for checks).
  return ((def.checks as { _zod: { def: Record<string, unknown> } }[] | undefined) ?? []).map((check) => check._zod.def);
}

/** A string near a field's limits: the longest allowed, one too long (capped, the very large values have their own tests). */
function boundaryStrings(def: SchemaDef): string[] {
  const out: string[] = [];
  for (const check of checksOf(def)) {
    if (check.check === 'max_length' && typeof check.maximum === 'number' && check.maximum <= 100_000) {
      out.push('x'.repeat(check.maximum), 'x'.repeat(check.maximum + 1));
    }
    if (check.check === 'min_length' && typeof check.minimum === 'number' && check.minimum > 0) out.push('x'.repeat(check.minimum - 1));
  }
  return out;
}

function numberArbitrary(def: SchemaDef): fc.Arbitrary<number> {
  const bounds = checksOf(def).flatMap((check) => (typeof check.value === 'number' ? [check] : []));
  const lowest = bounds.find((check) => check.check === 'greater_than')?.value as number | undefined;
  const highest = bounds.find((check) => check.check === 'less_than')?.value as number | undefined;
  const low = Math.ceil(lowest ?? 0);
  const inRange = fc.integer({ min: low, max: Math.max(low, Math.min(highest ?? low + 30, low + 30)) });
  const edges = [
    -1,
    0.5,
    2 ** 53,
    -0,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    ...bounds.flatMap((check) => [check.value as number, (check.value as number) - 1, (check.value as number) + 1]),
  ];
  return fc.oneof({ weight: 4, arbitrary: inRange }, { weight: 1, arbitrary: fc.constantFrom(...edges) }, { weight: 1, arbitrary: fc.double() });
}

function stringArbitrary(def: SchemaDef, pools: Pools): fc.Arbitrary<string> {
  if (def.format === 'uuid') return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...pools.realIds) }, { weight: 1, arbitrary: fc.uuid() });
  const wellFormed = def.pattern instanceof RegExp ? fc.stringMatching(def.pattern) : fc.string({ maxLength: 40 });
  return fc.oneof(
    { weight: 3, arbitrary: wellFormed },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS, ...boundaryStrings(def)) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }) },
  );
}

/** A value close to what the schema accepts; each field is wrong now and then. */
function shapedValue(schema: unknown, pools: Pools): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const fitting = fittingValue(def, pools);
  if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') return fitting;
  return fc.oneof({ weight: 9, arbitrary: fitting }, { weight: 1, arbitrary: pools.wrong });
}

function fittingValue(def: SchemaDef, pools: Pools): fc.Arbitrary<unknown> {
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const fields = Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, shapedValue(field, pools)]));
      const keys = Object.keys(shape);
      // Mostly every field; sometimes one missing, sometimes one the schema does not know.
      const change = fc.oneof(
        { weight: 8, arbitrary: fc.constant({ kind: 'none' as const }) },
        { weight: 1, arbitrary: fc.nat().map((index) => ({ kind: 'drop' as const, index })) },
        {
          weight: 1,
          arbitrary: fc.record({
            kind: fc.constant('extra' as const),
            key: fc.constantFrom('path', 'folder', 'extra', '__proto__', 'constructor'),
            value: pools.wrong,
          }),
        },
      );
      return fc.tuple(fc.record(fields), change).map(([record, how]) => {
        const out: Record<string, unknown> = { ...record };
        if (how.kind === 'drop' && keys.length > 0) delete out[keys[how.index % keys.length]!];
        // defineProperty, so that "__proto__" becomes a key of its own as it does in a parsed or cloned payload.
        if (how.kind === 'extra') Object.defineProperty(out, how.key, { value: how.value, enumerable: true, configurable: true, writable: true });
        return out;
      });
    }
    case 'string':
      return stringArbitrary(def, pools);
    case 'number':
      return numberArbitrary(def);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...Object.values(def.entries as Record<string, string>)) },
        { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
      );
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'optional':
    case 'default':
      return fc.option(shapedValue(def.innerType, pools), { nil: undefined });
    case 'nullable':
      return fc.option(shapedValue(def.innerType, pools), { nil: null });
    case 'array':
      return fc.array(shapedValue(def.element, pools), { maxLength: 4 });
    case 'record':
      return pools.content;
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((option) => shapedValue(option, pools)));
    case 'pipe':
      return shapedValue(def.in, pools);
    case 'lazy':
      // z.json(): any JSON value, and now and then one that is not.
      return fc.oneof({ weight: 3, arbitrary: fc.jsonValue({ maxDepth: 2 }) }, { weight: 1, arbitrary: pools.wrong });
    case 'unknown':
    case 'any':
    case 'custom':
      return pools.wrong;
    default:
      throw new Error(`hostile-input.test.ts has no generator for the zod type "${def.type}"; add one`);
  }
}

// ── The test bed ────────────────────────────────────────────────────────────

describe('every IPC channel under hostile input', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let services: Services;
  let handlers: ChannelHandlers;
  /** The channels as the renderer reaches them in Electron: registerIpc's listeners, called from the app's own page. */
  const listeners = new Map<string, Parameters<IpcMainLike['handle']>[1]>();
  const fromApp: InvokeEvent = { senderFrame: { url: 'app://sla-studio/index.html', parent: null } };
  const logged: { channel: Channel; error: unknown }[] = [];
  const realIds: string[] = [];
  const seedingFailures: string[] = [];
  let pools: Pools;

  /** Every file SLA Studio writes, hashed; the -shm index is left out because readers change it too. */
  const hashCache = new Map<string, { stamp: string; hash: string }>();
  function diskState(): Record<string, string> {
    const state: Record<string, string> = {};
    const visit = (folder: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const file = path.join(folder, entry.name);
        if (entry.isDirectory()) visit(file);
        else if (!entry.name.endsWith('-shm')) {
          // Re-hashing a few megabytes for each of a thousand calls would dominate the run:
          // a file whose size and nanosecond mtime did not move keeps its hash.
          const info = statSync(file, { bigint: true });
          const stamp = `${info.size}:${info.mtimeNs}`;
          let cached = hashCache.get(file);
          if (cached?.stamp !== stamp) {
            cached = { stamp, hash: createHash('sha256').update(readFileSync(file)).digest('hex') };
            hashCache.set(file, cached);
          }
          state[path.relative(temp.dir, file)] = cached.hash;
        }
      }
    };
    visit(temp.dir);
    return state;
  }

  /** Calls a channel and checks everything a clean answer must be; returns the answer. */
  async function callCleanly(channel: Channel, payload: unknown): Promise<ApiResult<unknown>> {
    logged.splice(0);
    const before = diskState();
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`registerIpc bound no listener for ${channel}`);
    let result: ApiResult<unknown>;
    try {
      result = await listener(fromApp, payload);
    } catch (error) {
      throw new Error(`${channel} threw ${String(error)} for ${describeValue(payload)}`, { cause: error });
    }
    const context = `${channel} with ${describeValue(payload)}`;
    expect(
      logged.map((entry) => String(entry.error)),
      `${context} failed inside the service`,
    ).toEqual([]);
    expect(typeof result === 'object' && result !== null && typeof result.ok === 'boolean', context).toBe(true);
    // Electron sends the answer back by structured clone: it must survive that.
    expect(() => structuredClone(result), context).not.toThrow();
    if (result.ok) {
      const shaped = api[channel].output.safeParse(result.value);
      expect(shaped.success, `${context} answered a value of the wrong shape`).toBe(true);
      const job = result.value as { jobId?: unknown; job?: { jobId?: unknown } | null };
      const jobId = channel === 'reports.importMonitoringFile' ? job.job?.jobId : channel === 'reports.importMonitoringText' ? job.jobId : undefined;
      // An accepted import goes on in the background: let it finish before the next call is measured.
      if (typeof jobId === 'string') await services.reports.whenFinished(jobId);
      return result;
    }
    const { error } = result;
    expect(API_ERROR_CODES, context).toContain(error.code);
    expect(error.code, `${context} hit an unexpected failure`).not.toBe('internal');
    for (const key of [error.key, ...(error.problems ?? []).map((item) => item.key)]) {
      expect(translationOf('en', key), `${context}: ${key} has no English text`).toBeDefined();
      expect(translationOf('zh-CN', key), `${context}: ${key} has no Chinese text`).toBeDefined();
    }
    expect(diskState(), `${context} was refused but changed files on disk`).toEqual(before);
    return result;
  }

  beforeAll(async () => {
    temp = makeTempDir('sla-hostile-');
    mkdirSync(path.join(temp.dir, 'exports'));
    services = createServices({
      databasePath: path.join(temp.dir, 'data', 'sla-studio.db'),
      templatesDir: TEMPLATES_DIR,
      clock: steppingClock(),
      dialogs: scriptedDialogs({ savePath: path.join(temp.dir, 'exports', 'contract.docx') }),
    });
    handlers = createApiHandlers(services, { logError: (channel, error) => logged.push({ channel, error }) });
    registerIpc({ handle: (channel, listener) => listeners.set(channel, listener), removeHandler: (channel) => listeners.delete(channel) }, handlers, {
      isTrustedSender: createSenderCheck(['app://sla-studio']),
      logError: (channel, error) => logged.push({ channel, error }),
    });

    // Rows of every kind, so that shaped payloads carrying their ids get past "not found".
    const ok = <T>(result: ApiResult<T>): T => {
      if (!result.ok) throw new Error(`seeding failed: ${JSON.stringify(result.error)}`);
      return result.value;
    };
    const draft = ok(await handlers['drafts.create']({ presetId: 'enterprise' }));
    const version = ok(await handlers['versions.save']({ draftId: draft.id, party: 'ourProposal', author: 'Li Wei' }));
    const job = ok(await handlers['reports.importMonitoringText']({ draftId: draft.id, fileName: 'october.csv', text: INCIDENTS_CSV }));
    const finished = await services.reports.whenFinished(job.jobId);
    realIds.push(draft.id, version.version.id, job.jobId, ...(finished.imported ? [finished.imported.id] : []));
    // Checked by its own test below, so that a broken export does not hide what the fuzzing finds.
    const exported = await handlers['exports.contract']({ draftId: draft.id, language: 'en' });
    if (exported.ok && exported.value.exportId) realIds.push(exported.value.exportId);
    seedingFailures.push(...logged.splice(0).map((entry) => `${entry.channel}: ${String(entry.error)}`));

    const anything = fc.anything({
      maxDepth: 3,
      maxKeys: 5,
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withSparseArray: true,
      withNullPrototype: true,
      withBoxedValues: true,
    });
    pools = {
      realIds,
      anything,
      wrong: fc.oneof({ weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) }, { weight: 1, arbitrary: anything }),
      content: fc.oneof(fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }), mutatedDocument(ENTERPRISE_PRESET)),
    };
  }, 60_000);

  afterAll(() => {
    services?.close();
    temp?.remove();
  });

  it('seeded a row of every kind the channels refer to', () => {
    expect(seedingFailures).toEqual([]);
    // draft, version, import job, import, export
    expect(realIds).toHaveLength(5);
  });

  it.each(CHANNELS)('%s answers arbitrary values cleanly', async (channel) => {
    await fc.assert(
      fc.asyncProperty(pools.anything, async (payload) => {
        await callCleanly(channel, payload);
      }),
      { numRuns: RUNS.arbitrary },
    );
  });

  it.each(CHANNELS)('%s answers payloads shaped like its schema but wrong cleanly', async (channel) => {
    const payloads = shapedValue(api[channel].input, pools);
    await fc.assert(
      fc.asyncProperty(payloads, async (payload) => {
        await callCleanly(channel, payload);
      }),
      { numRuns: RUNS.shaped },
    );
  });

  it('left Object.prototype alone after __proto__ and constructor keys', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(Object.getOwnPropertyNames(Object.getPrototypeOf({})).sort());
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it('still has every seeded row, intact, after the fuzzing', async () => {
    const [draftId] = realIds;
    const draft = await handlers['drafts.get']({ id: draftId });
    expect(draft.ok).toBe(true);
    const versions = await handlers['versions.list']({ draftId });
    expect(versions.ok && versions.value.length).toBeGreaterThanOrEqual(1);
  });
});

describe('very large values', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let services: Services;
  let handlers: ChannelHandlers;
  let draftId: string;

  beforeAll(async () => {
    temp = makeTempDir('sla-large-');
    services = createServices({
      databasePath: path.join(temp.dir, 'sla-studio.db'),
      templatesDir: TEMPLATES_DIR,
      clock: steppingClock(),
      dialogs: scriptedDialogs({ savePath: null }),
    });
    handlers = createApiHandlers(services);
    const created = await handlers['drafts.create']({ presetId: 'enterprise' });
    if (!created.ok) throw new Error('could not create the draft');
    draftId = created.value.id;
  });

  afterAll(() => {
    services?.close();
    temp?.remove();
  });

  /** Times a refusal; reported, not asserted (a loaded CI machine must not fail the suite). */
  async function timed<T>(what: string, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const result = await run();
    console.info(`[hostile-input] ${what}: refused in ${(performance.now() - started).toFixed(1)} ms`);
    return result;
  }

  it('refuses a 10 MB title in an autosave by the size limit, keeping the saved draft', async () => {
    const before = await handlers['drafts.get']({ id: draftId });
    if (!before.ok) throw new Error('draft missing');
    const content = { ...before.value.content, title: 'T'.repeat(10 * 1024 * 1024) };
    const result = await timed('drafts.save with a 10 MB title', () => handlers['drafts.save']({ id: draftId, content, baseRevision: before.value.revision }));
    expect(result).toEqual({ ok: false, error: { code: 'invalidInput', key: 'errors.contentTooLarge', params: { max: MAX_CONTENT_CHARS } } });
    expect(translationOf('en', 'errors.contentTooLarge')).toContain('{{max}}');
    expect(translationOf('zh-CN', 'errors.contentTooLarge')).toContain('{{max}}');
    expect(await handlers['drafts.get']({ id: draftId })).toEqual(before);
  });

  it('refuses a 10 MB title in an imported file by the file size limit', async () => {
    const text = JSON.stringify({ ...ENTERPRISE_PRESET, title: 'T'.repeat(10 * 1024 * 1024) });
    const result = await timed('drafts.import of a file with a 10 MB title', () => handlers['drafts.import']({ fileName: 'huge.sla.json', text }));
    expect(result.ok).toBe(false);
    // The channel's own limit answers before the text is even parsed, naming the field that is too long.
    expect(!result.ok && result.error).toMatchObject({ code: 'invalidInput', problems: [{ path: ['text'], key: 'validation.tooLong' }] });
  });

  it('refuses an autosave with 10,000 services by the services limit, before serialising it, keeping the saved draft', async () => {
    const before = await handlers['drafts.get']({ id: draftId });
    if (!before.ok) throw new Error('draft missing');
    const services10k = Array.from({ length: 10_000 }, (_, index) => ({ id: `svc-${index}`, name: `Service ${index}`, description: '', metrics: [] }));
    const content = { ...before.value.content, services: services10k };
    const result = await timed('drafts.save with 10,000 services', () =>
      handlers['drafts.save']({ id: draftId, content, baseRevision: before.value.revision }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({
      code: 'invalidInput',
      problems: [{ step: 'services', path: ['services'], key: 'validation.tooMany', params: { max: LIMITS.services } }],
    });
    expect(await handlers['drafts.get']({ id: draftId })).toEqual(before);
  });

  it('refuses a file with 10,000 services with the services limit, importing nothing', async () => {
    const services10k = Array.from({ length: 10_000 }, (_, index) => ({ id: `svc-${index}`, name: `Service ${index}`, description: '', metrics: [] }));
    const text = JSON.stringify({ ...ENTERPRISE_PRESET, services: services10k });
    expect(text.length).toBeLessThan(MAX_CONTENT_CHARS);
    const listed = await handlers['drafts.list']({});
    const result = await timed('drafts.import of a file with 10,000 services', () => handlers['drafts.import']({ fileName: 'many.sla.json', text }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalidFile');
    expect(result.error.problems).toContainEqual(expect.objectContaining({ path: ['services'], key: 'validation.tooMany', params: { max: LIMITS.services } }));
    // One problem for the list, not one per service: the user reads the limit, not 10,000 lines.
    expect(result.error.problems!.length).toBeLessThan(20);
    expect(await handlers['drafts.list']({})).toEqual(listed);
  });
});
