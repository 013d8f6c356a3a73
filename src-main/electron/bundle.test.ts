/**
 * The preload must be one CommonJS file that requires nothing but
 * 'electron': a sandboxed preload cannot load anything else, and a preload
 * that fails to load leaves the window without window.sla. So this builds it
 * with the project's own electron.vite.config.ts (into a temp folder, in
 * about a second) and runs the result the way Electron's sandbox would.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { resolveConfig } from 'electron-vite';
import { build, type InlineConfig } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src-shared/channels';

const outDir = mkdtempSync(path.join(tmpdir(), 'sla-bundle-'));

async function buildTarget(target: 'main' | 'preload'): Promise<void> {
  const resolved = await resolveConfig({ configFile: path.resolve('electron.vite.config.ts'), build: { outDir }, logLevel: 'silent' }, 'build', 'production');
  const config = resolved.config?.[target] as InlineConfig | undefined;
  if (!config) throw new Error(`electron.vite.config.ts has no ${target} build`);
  await build({ ...config, logLevel: 'silent' });
}

interface ExposedClient {
  invoke: Record<string, (input: unknown) => Promise<unknown>>;
  onMenuCommand: (listener: (command: string) => void) => () => void;
}

/** Runs the preload with only what Electron's sandbox gives it: require('electron') and nothing else. */
function runPreloadInSandbox(code: string) {
  const exposed = new Map<string, unknown>();
  const invoked: [string, unknown][] = [];
  const listeners = new Map<string, ((event: unknown, ...args: unknown[]) => void)[]>();
  const required: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer: {
      invoke: (channel: string, input: unknown) => {
        invoked.push([channel, input]);
        return Promise.resolve({ ok: true, value: null });
      },
      on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
        listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      },
      removeListener: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
        listeners.set(channel, (listeners.get(channel) ?? []).filter((candidate) => candidate !== listener));
      },
    },
  };
  const sandboxRequire = (name: string) => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`module not found: ${name} (a sandboxed preload can only require 'electron')`);
  };
  const module = { exports: {} };
  vm.runInNewContext(code, { require: sandboxRequire, module, exports: module.exports, console });
  const emit = (channel: string, ...args: unknown[]) => {
    for (const listener of listeners.get(channel) ?? []) listener({}, ...args);
  };
  return { exposed, invoked, required, emit, listenerCount: (channel: string) => listeners.get(channel)?.length ?? 0 };
}

describe('the Electron bundles', () => {
  beforeAll(async () => {
    await buildTarget('preload');
    await buildTarget('main');
  }, 60_000);

  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('bundles the preload into one CommonJS file that requires only electron', () => {
    const code = readFileSync(path.join(outDir, 'preload', 'preload.cjs'), 'utf8');
    const requires = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((match) => match[1]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
    expect(code).not.toMatch(/^\s*import\s|\bimport\(/m);
  });

  it('exposes exactly the typed client on window.sla, nothing raw', async () => {
    const preload = runPreloadInSandbox(readFileSync(path.join(outDir, 'preload', 'preload.cjs'), 'utf8'));
    expect(preload.required).toEqual(['electron']);
    expect([...preload.exposed.keys()]).toEqual(['sla']);
    const client = preload.exposed.get('sla') as ExposedClient;
    expect(Object.keys(client).sort()).toEqual(['invoke', 'onMenuCommand']);
    expect(Object.keys(client.invoke).sort()).toEqual([...CHANNELS].sort());

    await client.invoke['drafts.list']?.({ query: 'acme' });
    expect(preload.invoked).toEqual([['drafts.list', { query: 'acme' }]]);
  });

  it('forwards only known menu commands, and unsubscribes', () => {
    const preload = runPreloadInSandbox(readFileSync(path.join(outDir, 'preload', 'preload.cjs'), 'utf8'));
    const client = preload.exposed.get('sla') as ExposedClient;
    const received: string[] = [];
    const unsubscribe = client.onMenuCommand((command) => received.push(command));
    preload.emit('menu-command', 'newDraft');
    preload.emit('menu-command', 'runShell');
    preload.emit('menu-command', { toString: () => 'newDraft' });
    expect(received).toEqual(['newDraft']);
    unsubscribe();
    expect(preload.listenerCount('menu-command')).toBe(0);
  });

  it('builds the main process as a module that loads the preload from where it is emitted', () => {
    const main = readFileSync(path.join(outDir, 'main', 'index.js'), 'utf8');
    expect(main).toMatch(/^import .* from "electron";$/m);
    const preloadReference = /join\(import\.meta\.dirname, "([^"]+)"\)/.exec(main.slice(main.indexOf('preload:')))?.[1];
    expect(preloadReference).toBe('../preload/preload.cjs');
    expect(path.resolve(outDir, 'main', preloadReference ?? '')).toBe(path.join(outDir, 'preload', 'preload.cjs'));
  });
});
