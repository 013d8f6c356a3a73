/**
 * The command line as a program: src-main/cli/main.ts bundled into one
 * ES module, out/cli/sla-studio.mjs (package.json `bin`), that Node runs
 * directly, with the worker thread that reads a .docx to import
 * (src-main/docx/docx-reader-worker.ts) beside it as
 * out/cli/docx-reader-worker.mjs. Dependencies stay in node_modules, as for
 * the main process.
 */
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import type { UserConfig } from 'vite';
import packageJson from './package.json' with { type: 'json' };

const dependencies = Object.keys(packageJson.dependencies);
const external = (id: string) => id.startsWith('node:') || builtinModules.includes(id) || dependencies.some((name) => id === name || id.startsWith(`${name}/`));

export const cliConfig: UserConfig = {
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir: resolve(import.meta.dirname, process.env.SLA_CLI_OUT ?? 'out/cli'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rolldownOptions: {
      input: {
        'sla-studio': resolve(import.meta.dirname, 'src-main/cli/main.ts'),
        'docx-reader-worker': resolve(import.meta.dirname, 'src-main/docx/docx-reader-worker.ts'),
      },
      external,
      output: {
        format: 'es',
        entryFileNames: '[name].mjs',
        chunkFileNames: 'chunks/[name]-[hash].mjs',
        banner: (chunk) => (chunk.isEntry && chunk.name === 'sla-studio' ? '#!/usr/bin/env node' : ''),
      },
    },
  },
};

export default cliConfig;
