/**
 * `npm run dev` fetches the Electron runtime before electron-vite needs it
 * (scripts/electron-runtime.mjs). The installer is faked here — the real one
 * needs the internet — so each of the three outcomes is decided as on a
 * user's machine: already there, downloaded now, or not to be had, with one
 * sentence in the user's language and no stack trace.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ensureElectronRuntime,
  failureReason,
  installedElectron,
  localeFromEnvironment,
  runElectronInstaller,
  runtimeMissingMessage,
} from '../scripts/electron-runtime.mjs';

/** What @electron/get prints when there is no network (Node's fetch, as on this machine). */
const OFFLINE_OUTPUT = `Downloading Electron binary...
TypeError: fetch failed
    at node:internal/deps/undici/undici:14976:13
    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)
    at async FetchDownloader.download (file:///x/node_modules/@electron/get/dist/FetchDownloader.js:46:30)
`;

let packageDir: string;
const env = {};

/** What the real installer leaves behind: path.txt naming the executable inside dist/. */
function installBinary(dir: string): void {
  mkdirSync(join(dir, 'dist'), { recursive: true });
  writeFileSync(join(dir, 'dist', 'electron'), '#!/bin/sh\n');
  writeFileSync(join(dir, 'path.txt'), 'electron');
}

beforeEach(() => {
  packageDir = mkdtempSync(join(tmpdir(), 'sla-electron-package-'));
});
afterEach(() => rmSync(packageDir, { recursive: true, force: true }));

describe('the Electron runtime before npm run dev', () => {
  it('uses the binary already on disk without running the installer', async () => {
    installBinary(packageDir);
    let installs = 0;
    const outcome = await ensureElectronRuntime({ packageDir, env, install: async () => (installs++, { code: 0, output: '' }) });
    expect(outcome).toEqual({ status: 'present', executable: join(packageDir, 'dist', 'electron') });
    expect(installs).toBe(0);
  });

  it('runs the installer when path.txt is missing, and reports the downloaded binary', async () => {
    const outcome = await ensureElectronRuntime({
      packageDir,
      env,
      install: async (dir) => {
        installBinary(dir);
        return { code: 0, output: 'Downloading Electron binary...\n' };
      },
    });
    expect(outcome).toEqual({ status: 'downloaded', executable: join(packageDir, 'dist', 'electron') });
  });

  it('runs the installer when path.txt names an executable that is not there (an interrupted download)', async () => {
    writeFileSync(join(packageDir, 'path.txt'), 'electron');
    expect(installedElectron(packageDir, env)).toBeNull();
    let installs = 0;
    const outcome = await ensureElectronRuntime({ packageDir, env, install: async (dir) => (installs++, installBinary(dir), { code: 0, output: '' }) });
    expect(installs).toBe(1);
    expect(outcome.status).toBe('downloaded');
  });

  it('fails with the reason when the download fails offline', async () => {
    const outcome = await ensureElectronRuntime({ packageDir, env, install: async () => ({ code: 1, output: OFFLINE_OUTPUT }) });
    expect(outcome).toEqual({ status: 'failed', reason: { kind: 'offline' } });
  });

  it('names another failure by its first line, without the stack', () => {
    const reason = failureReason(
      'Downloading Electron binary...\nHTTPError: Response code 404 (Not Found) for https://mirror.example/v45.5.0/electron-v45.5.0-linux-x64.zip\n    at Request.x (y.js:1:1)\n',
    );
    expect(reason).toEqual({
      kind: 'other',
      detail: 'HTTPError: Response code 404 (Not Found) for https://mirror.example/v45.5.0/electron-v45.5.0-linux-x64.zip',
    });
  });

  it('does not take a successful installer for a runtime when it left no executable', async () => {
    const outcome = await ensureElectronRuntime({ packageDir, env, install: async () => ({ code: 0, output: '' }) });
    expect(outcome.status).toBe('failed');
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH, as the electron package does', () => {
    const override = join(packageDir, 'elsewhere');
    mkdirSync(override);
    writeFileSync(join(override, 'electron'), '');
    writeFileSync(join(packageDir, 'path.txt'), 'electron');
    expect(installedElectron(packageDir, { ELECTRON_OVERRIDE_DIST_PATH: override })).toBe(join(override, 'electron'));
    expect(installedElectron(packageDir, {})).toBeNull();
  });

  it("runs the package's own install.js in a child process with the caller's environment", async () => {
    // A stand-in install.js that does what the real one does on success, using a variable the real one reads.
    writeFileSync(
      join(packageDir, 'install.js'),
      `const fs = require('fs'); const path = require('path');
       fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
       fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), process.env.ELECTRON_MIRROR);
       fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');`,
    );
    chmodSync(join(packageDir, 'install.js'), 0o755);
    const result = await runElectronInstaller(packageDir, { ...process.env, ELECTRON_MIRROR: 'https://mirror.example/' });
    expect(result.code).toBe(0);
    expect(installedElectron(packageDir, {})).toBe(join(packageDir, 'dist', 'electron'));
  });

  it("returns the real installer's failure as a failed exit with its output", async () => {
    writeFileSync(join(packageDir, 'install.js'), `console.error(${JSON.stringify(OFFLINE_OUTPUT)}); process.exit(1);`);
    const result = await runElectronInstaller(packageDir, process.env);
    expect(result.code).toBe(1);
    expect(failureReason(result.output)).toEqual({ kind: 'offline' });
  });
});

describe('the sentence a user reads when the runtime cannot be had', () => {
  it('says what is missing, how to get it and that dev:web works, in English', () => {
    const message = runtimeMissingMessage('en', 'dev', { kind: 'offline' });
    expect(message).toContain('Electron runtime (about 100 MB, downloaded once)');
    expect(message).toContain('(no internet connection)');
    expect(message).toContain('ELECTRON_MIRROR');
    expect(message).toContain('npm run dev:web');
    expect(message.split('\n')).toHaveLength(1);
  });

  it('says it in Chinese for a Chinese environment', () => {
    const locale = localeFromEnvironment({ LANG: 'zh_CN.UTF-8' });
    expect(locale).toBe('zh-CN');
    const message = runtimeMissingMessage(locale, 'dev', { kind: 'offline' });
    expect(message).toContain('缺少 Electron 运行时');
    expect(message).toContain('没有网络连接');
    expect(message).toContain('npm run dev:web');
  });

  it('names the installers for npm run dist, with the reason it was given', () => {
    const message = runtimeMissingMessage('en', 'dist', { kind: 'other', detail: 'HTTPError: Response code 404' });
    expect(message).toMatch(/^The installers cannot be built/);
    expect(message).toContain('(HTTPError: Response code 404)');
  });

  it('follows LC_ALL before LC_MESSAGES before LANG', () => {
    expect(localeFromEnvironment({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(localeFromEnvironment({ LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_GB.UTF-8' })).toBe('zh-CN');
    expect(localeFromEnvironment({})).toBe('en');
  });
});
