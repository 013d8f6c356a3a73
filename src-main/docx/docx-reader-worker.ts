/**
 * The worker thread that reads an imported .docx (started by
 * read-in-worker.ts): the task arrives as workerData — which reading, the
 * draft part (draft-part.ts) or the markup (markup-reader.ts), and the
 * file's bytes, moved rather than copied — and the reader's answer goes
 * back as the one message.
 * Nothing else runs on this thread, so a hostile file spends this thread's
 * time and memory — within the limits it was started with — never the main
 * process's.
 *
 * Each build emits this file beside its entry: out/main/docx-reader-worker.js
 * (electron.vite.config.ts) and out/cli/docx-reader-worker.mjs
 * (vite.cli.config.ts); under tsx and vitest it runs from this source.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readDraftPart } from './draft-part';
import { readMarkup } from './markup-reader';
import type { DocxReaderTask } from './read-in-worker';

if (!parentPort) throw new Error('docx-reader-worker runs as a worker thread; see read-in-worker.ts');
const task = workerData as DocxReaderTask;
parentPort.postMessage(task.reading === 'markup' ? await readMarkup(task.bytes) : await readDraftPart(task.bytes));
