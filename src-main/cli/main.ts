/**
 * The program `sla-studio` (package.json `bin`; built to out/cli/sla-studio.mjs
 * by `npm run build:cli`): runs one command line and exits with its code.
 */
import { fileURLToPath } from 'node:url';
import { workerDraftPartReader } from '../docx/read-in-worker';
import { runCli } from './index';

/**
 * The bundled clause library: templates/ at the root of the checkout, two
 * folders up both from this file and from the built out/cli/sla-studio.mjs.
 */
const BUNDLED_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

/** The worker thread that reads a .docx to import, built beside out/cli/sla-studio.mjs (vite.cli.config.ts). */
const DOCX_READER_WORKER = new URL('./docx-reader-worker.mjs', import.meta.url);

// `sla validate big.sla.json | head -1` closes the pipe early: that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  templateDirs: [BUNDLED_TEMPLATES],
  readDraftPart: workerDraftPartReader(DOCX_READER_WORKER),
});
