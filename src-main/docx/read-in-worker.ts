/**
 * Reading an imported .docx off the calling thread: readDraftPart runs in a
 * worker thread (docx-reader-worker.ts) with a heap limit and a time limit,
 * so that a hostile file — even one the package and XML limits bound — never
 * stalls the main process's event loop (the window's IPC) nor spends its
 * memory. A worker that runs out of memory, out of time, or dies any other
 * way answers 'tooLargeOrDamaged', the refusal readDraftPart gives a zip
 * bomb; otherwise the answer is readDraftPart's own, passed back as it came.
 *
 * The file's bytes are moved into the worker, not copied: the caller gives
 * up its array. One file is read at a time, so several imports at once cost
 * one worker's memory, not several.
 *
 * The same worker reads the markup of a returned file (markup-reader.ts,
 * workerMarkupReader): the task it is given says which reading it does, and
 * a worker that fails answers that reading's refusal, 'tooLargeOrDamaged'.
 */
import { Worker } from 'node:worker_threads';
import type { DraftPartResult } from './draft-part';
import type { MarkupResult } from './markup-reader';

/** The worker's code: the built docx-reader-worker file, or docxReaderWorkerFromSources(). */
export type DocxReaderWorker = string | URL;

export interface DocxReaderLimits {
  /** The worker's JavaScript heap; past it the worker is stopped (ERR_WORKER_OUT_OF_MEMORY). */
  maxOldGenerationSizeMb: number;
  /** From the worker's start to its answer. */
  timeoutMs: number;
}

/**
 * Far above what a contract SLA Studio exports needs, and above what
 * package-reader.ts lets a hostile file unpack (64 MiB in all); a few
 * seconds is what reading the largest file within those limits takes.
 */
export const DOCX_READER_LIMITS: DocxReaderLimits = { maxOldGenerationSizeMb: 256, timeoutMs: 10_000 };

/** What reads the draft part of a .docx: readDraftPart itself, or the worker below. */
export type DraftPartReader = (bytes: Uint8Array) => Promise<DraftPartResult>;

const WORKER_FAILED: DraftPartResult = { ok: false, reason: 'tooLargeOrDamaged' };

/**
 * The worker run from this folder's TypeScript, for code that itself runs
 * from the sources under plain Node (the dev:web harness under tsx, the unit
 * tests): a module that has tsx compile docx-reader-worker.ts inside the
 * worker. (Node 20 applies no loader given to a worker in `execArgv` to the
 * worker's own entry.)
 */
export function docxReaderWorkerFromSources(): DocxReaderWorker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./docx-reader-worker.ts', import.meta.url).href;
  const shim = `import { tsImport } from ${JSON.stringify(tsx)};\nawait tsImport(${JSON.stringify(entry)}, import.meta.url);\n`;
  return new URL(`data:text/javascript,${encodeURIComponent(shim)}`);
}

/** A whole ArrayBuffer holding `bytes` that can be moved to another thread (copied only when it is a view into a larger one). */
function movableCopyOf(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const { buffer } = bytes;
  if (buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength) return new Uint8Array(buffer);
  return new Uint8Array(bytes);
}

/** Which reading the worker does (docx-reader-worker.ts): the draft part, or the markup. */
export type DocxReading = 'draft' | 'markup';

/** What the worker is given: the reading and the file's bytes. */
export interface DocxReaderTask {
  reading: DocxReading;
  bytes: Uint8Array;
}

function readOnce<Result>(worker: DocxReaderWorker, limits: DocxReaderLimits, reading: DocxReading, bytes: Uint8Array, failed: Result): Promise<Result> {
  const moved = movableCopyOf(bytes);
  const task: DocxReaderTask = { reading, bytes: moved };
  return new Promise((resolve) => {
    const thread = new Worker(worker, {
      workerData: task,
      transferList: [moved.buffer],
      resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb },
    });
    let answered = false;
    const answer = (result: Result) => {
      if (answered) return;
      answered = true;
      clearTimeout(timer);
      resolve(result);
      void thread.terminate();
    };
    const timer = setTimeout(() => answer(failed), limits.timeoutMs);
    thread.once('message', (result: Result) => answer(result));
    // Out of memory, an exception, or an exit before answering: the file is not read, whatever the cause.
    thread.once('error', () => answer(failed));
    thread.once('exit', () => answer(failed));
  });
}

/** A reader that hands each file to a new worker thread, one at a time. */
function oneAtATime<Result>(worker: DocxReaderWorker, limits: DocxReaderLimits, reading: DocxReading, failed: Result): (bytes: Uint8Array) => Promise<Result> {
  let previous: Promise<unknown> = Promise.resolve();
  return (bytes) => {
    const turn = previous.then(() => readOnce(worker, limits, reading, bytes, failed));
    previous = turn.catch(() => undefined);
    return turn;
  };
}

/** Reads the draft part of each .docx it is given in a new worker thread, one at a time. */
export function workerDraftPartReader(worker: DocxReaderWorker, limits: DocxReaderLimits = DOCX_READER_LIMITS): DraftPartReader {
  return oneAtATime(worker, limits, 'draft', WORKER_FAILED);
}

/** What reads the markup of a returned .docx: readMarkup itself, or the worker below. */
export type MarkupReader = (bytes: Uint8Array) => Promise<MarkupResult>;

const MARKUP_WORKER_FAILED: MarkupResult = { ok: false, reason: 'tooLargeOrDamaged' };

/** Reads the markup of each returned .docx it is given in a new worker thread, one at a time. */
export function workerMarkupReader(worker: DocxReaderWorker, limits: DocxReaderLimits = DOCX_READER_LIMITS): MarkupReader {
  return oneAtATime(worker, limits, 'markup', MARKUP_WORKER_FAILED);
}
