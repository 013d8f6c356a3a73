/**
 * Reading a .docx in a worker thread: the answer is readDraftPart's, and a
 * worker that runs out of memory or time, or dies, answers the refusal a zip
 * bomb gets — never an exception for the caller to turn into an internal
 * error.
 */
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../sha256';
import { readDraftPart } from './draft-part';
import { docxWithDraft } from './hostile-docx';
import { DOCX_READER_LIMITS, docxReaderWorkerFromSources, workerDraftPartReader } from './read-in-worker';

const json = '{"schemaVersion": 1, "title": "Hosted CRM SLA"}\n';
const refused = { ok: false, reason: 'tooLargeOrDamaged' };
const worker = docxReaderWorkerFromSources();

/** A worker that runs this module instead of docx-reader-worker. */
const failingWorker = (code: string) => new URL(`data:text/javascript,${encodeURIComponent(code)}`);

describe('reading a .docx in a worker thread', () => {
  it('answers what readDraftPart answers on this thread', async () => {
    const read = workerDraftPartReader(worker);
    expect(await read(await docxWithDraft(json))).toEqual({ ok: true, json, sha256: sha256Hex(json) });
    const notes = new TextEncoder().encode('Meeting notes, not a contract');
    expect(await read(notes)).toEqual(await readDraftPart(new TextEncoder().encode('Meeting notes, not a contract')));
  });

  it('moves the bytes into the worker instead of copying them', async () => {
    const bytes = await docxWithDraft(json);
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(await workerDraftPartReader(worker)(bytes)).toMatchObject({ ok: true, json });
    expect(bytes.byteLength, "the caller's array, handed over").toBe(0);
  });

  it('answers each of several files read at once with its own draft', async () => {
    const read = workerDraftPartReader(worker);
    const other = '{"schemaVersion": 1, "title": "Managed Database SLA"}\n';
    const answers = await Promise.all([read(await docxWithDraft(json)), read(new TextEncoder().encode('not a zip')), read(await docxWithDraft(other))]);
    expect(answers).toEqual([
      { ok: true, json, sha256: sha256Hex(json) },
      { ok: false, reason: 'notDocx' },
      { ok: true, json: other, sha256: sha256Hex(other) },
    ]);
  });

  it('refuses a file whose reading outgrows the heap limit, which the default limit reads', async () => {
    // A draft of 8 MB: in memory several times over while it is inflated, decoded, parsed and hashed.
    const large = `{"schemaVersion": 1, "title": "Hosted CRM SLA", "notes": "${'x'.repeat(8 * 1024 * 1024)}"}\n`;
    const small = workerDraftPartReader(worker, { ...DOCX_READER_LIMITS, maxOldGenerationSizeMb: 16 });
    expect(await small(await docxWithDraft(json)), 'a contract within the small heap').toMatchObject({ ok: true, json });
    expect(await small(await docxWithDraft(large))).toEqual(refused);
    expect(await workerDraftPartReader(worker)(await docxWithDraft(large))).toMatchObject({ ok: true, sha256: sha256Hex(large) });
  }, 60_000);

  it('stops a worker that runs past the time limit and refuses the file', async () => {
    const started = Date.now();
    expect(await workerDraftPartReader(worker, { ...DOCX_READER_LIMITS, timeoutMs: 50 })(await docxWithDraft(json))).toEqual(refused);
    expect(Date.now() - started).toBeLessThan(5_000);
    const endless = failingWorker('setInterval(() => {}, 1000);');
    expect(await workerDraftPartReader(endless, { ...DOCX_READER_LIMITS, timeoutMs: 200 })(await docxWithDraft(json))).toEqual(refused);
  });

  it('refuses the file when the worker throws or exits without answering', async () => {
    const bytes = () => docxWithDraft(json);
    expect(await workerDraftPartReader(failingWorker('throw new Error("crashed while reading");'))(await bytes())).toEqual(refused);
    expect(await workerDraftPartReader(failingWorker('process.exit(70);'))(await bytes())).toEqual(refused);
    expect(await workerDraftPartReader(failingWorker(''))(await bytes())).toEqual(refused);
  });
});
