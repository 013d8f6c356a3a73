/**
 * The worker thread that reads an imported .docx (started by
 * read-in-worker.ts): the file's bytes arrive as workerData, moved rather
 * than copied, and readDraftPart's answer goes back as the one message.
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

if (!parentPort) throw new Error('docx-reader-worker runs as a worker thread; see read-in-worker.ts');
parentPort.postMessage(await readDraftPart(workerData as Uint8Array));
