#!/usr/bin/env node
// The Electron runtime, fetched once before anything needs it.
//
// The `electron` package (45+) installs without its binary and downloads it the
// first time `require('electron')` runs. electron-vite never does that: it only
// reads node_modules/electron/path.txt and stops with "Electron uninstall" when
// the file is missing. So `npm run dev`, `npm run dist:*` and the Electron e2e
// tests call ensureElectronRuntime() first: it runs the package's own installer
// (node_modules/electron/install.js, which uses @electron/get and honours
// ELECTRON_MIRROR, electron_config_cache and the other usual variables) when the
// binary is missing, and says in one sentence, in the user's language, what to
// do when the download fails.
//
//   node scripts/electron-runtime.mjs [--for dev|dist]   exit 0 when the runtime is there, 1 when not
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The electron package's folder in this checkout. */
export const ELECTRON_PACKAGE_DIR = join(root, 'node_modules', 'electron');

/**
 * The Electron executable when it is on disk, as electron-vite and the
 * electron package find it (path.txt names it inside dist/, or inside
 * ELECTRON_OVERRIDE_DIST_PATH), else null.
 */
export function installedElectron(packageDir = ELECTRON_PACKAGE_DIR, env = process.env) {
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  if (relative === '') return null;
  const executable = join(env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist'), relative);
  return existsSync(executable) ? executable : null;
}

/**
 * Runs the electron package's installer in a child process; resolves to its
 * exit code and what it printed (a failed download prints a stack trace, which
 * is for the reason below, never for the user).
 */
export function runElectronInstaller(packageDir = ELECTRON_PACKAGE_DIR, env = process.env) {
  return new Promise((resolvePromise) => {
    let output = '';
    const child = spawn(process.execPath, [join(packageDir, 'install.js')], { cwd: packageDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolvePromise({ code: 1, output: `${output}${error.message}\n` }));
    child.on('close', (code) => resolvePromise({ code: code ?? 1, output }));
  });
}

/** The one line of the installer's output that says why it failed, without the stack. */
export function failureReason(output) {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^at\s/.test(line) && !/^Downloading Electron/i.test(line));
  const offline = /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|getaddrinfo/i;
  if (lines.some((line) => offline.test(line))) return { kind: 'offline' };
  const line = lines[0] ?? '';
  return { kind: 'other', detail: line.length > 200 ? `${line.slice(0, 199)}…` : line };
}

/**
 * Makes sure the Electron runtime is on disk: 'present' when it already was,
 * 'downloaded' when the installer fetched it, 'failed' (with the reason) when
 * the installer could not. The installer is a parameter so the decision can be
 * tested without a network.
 */
export async function ensureElectronRuntime({ packageDir = ELECTRON_PACKAGE_DIR, env = process.env, install = runElectronInstaller } = {}) {
  const present = installedElectron(packageDir, env);
  if (present) return { status: 'present', executable: present };
  const result = await install(packageDir, env);
  const executable = installedElectron(packageDir, env);
  if (result.code === 0 && executable) return { status: 'downloaded', executable };
  const reason = result.code === 0 ? { kind: 'other', detail: 'the installer finished but path.txt names no executable' } : failureReason(result.output);
  return { status: 'failed', reason };
}

/** POSIX order of precedence for the message language, as the command line has it. */
export function localeFromEnvironment(env = process.env) {
  const system = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  return system && /^zh(?:[-_.]|$)/i.test(system) ? 'zh-CN' : 'en';
}

/** The sentence for a failed download, in the user's language, from the app's own strings (src-shared/i18n). */
export function runtimeMissingMessage(locale, purpose, reason) {
  const strings = JSON.parse(readFileSync(join(root, 'src-shared', 'i18n', `${locale}.json`), 'utf8')).electronRuntime;
  const because = reason.kind === 'offline' ? strings.offline : reason.detail;
  return strings[purpose].replace('{{reason}}', because);
}

async function main() {
  const purposeIndex = process.argv.indexOf('--for');
  const purpose = purposeIndex > 0 ? process.argv[purposeIndex + 1] : 'dev';
  if (purpose !== 'dev' && purpose !== 'dist') {
    console.error('electron-runtime: --for takes dev or dist');
    process.exit(2);
  }
  if (!installedElectron()) console.log('Downloading the Electron runtime (once, about 100 MB)…');
  const outcome = await ensureElectronRuntime();
  if (outcome.status === 'failed') {
    console.error(runtimeMissingMessage(localeFromEnvironment(), purpose, outcome.reason));
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
