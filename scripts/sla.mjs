#!/usr/bin/env node
// `npm run sla -- <command> …` in a checkout: runs the built command line,
// out/cli/sla-studio.mjs (what `sla-studio` runs once installed), building it
// first when it is missing or older than its sources, so an edit to the code
// is never run stale.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_ENTRY = join(root, 'out', 'cli', 'sla-studio.mjs');
const SOURCES = ['src-main', 'src-shared', 'package.json', 'vite.cli.config.ts'];

function newestChange(path) {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

/** Whether out/cli is missing or older than any of its sources. */
export function cliIsStale() {
  if (!existsSync(CLI_ENTRY)) return true;
  const built = statSync(CLI_ENTRY).mtimeMs;
  return SOURCES.some((source) => newestChange(join(root, source)) > built);
}

/** Builds out/cli when it is stale; exits with Vite's status when the build fails. */
export function ensureCliBuilt() {
  if (!cliIsStale()) return;
  process.stderr.write('Building the command line (out/cli)…\n');
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.cli.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureCliBuilt();
  await import(pathToFileURL(CLI_ENTRY).href);
}
