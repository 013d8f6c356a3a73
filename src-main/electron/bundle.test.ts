/**
 * What users run, loaded without Electron: the main process, preload and
 * renderer are built with the project's own electron.vite.config.ts (into a
 * folder inside the checkout, so the bundle finds node_modules as the app
 * does), then
 * - the preload runs the way Electron's sandbox runs it: one CommonJS file
 *   that may require nothing but 'electron', exposing exactly window.sla;
 * - the main bundle starts under plain Node, with 'electron' resolved to a
 *   stand-in by a module-resolution hook (./stand-in/): no module error, one
 *   window with the documented webPreferences and a preload that exists, the
 *   app:// protocol serving index.html, the clause library and presets found
 *   from the repository and from the packaged layout electron-builder.yml
 *   makes (extraResources), the database open, and a contract imported
 *   through the worker thread the bundle starts to read it;
 * - every file the main bundle names beside itself is in the build output.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import vm from 'node:vm';
import { resolveConfig } from 'electron-vite';
import { build, type InlineConfig } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CHANNELS } from '../../src-shared/channels';
import { docxWithDraft } from '../docx/hostile-docx';

const projectRoot = path.resolve(import.meta.dirname, '../..');
// Inside the checkout (.tmp/ is ignored by git): the bundle imports better-sqlite3 and the
// other dependencies from node_modules, which Node finds by walking up from the bundle.
mkdirSync(path.join(projectRoot, '.tmp'), { recursive: true });
const outDir = mkdtempSync(path.join(projectRoot, '.tmp', 'bundle-'));
const standIn = path.join(import.meta.dirname, 'stand-in');

async function buildTarget(target: 'main' | 'preload' | 'renderer'): Promise<void> {
  const resolved = await resolveConfig({ configFile: path.join(projectRoot, 'electron.vite.config.ts'), logLevel: 'silent' }, 'build', 'production');
  const config = resolved.config?.[target] as InlineConfig | undefined;
  if (!config) throw new Error(`electron.vite.config.ts has no ${target} build`);
  await build({ ...config, logLevel: 'silent', build: { ...config.build, outDir: path.join(outDir, target) } });
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
        listeners.set(
          channel,
          (listeners.get(channel) ?? []).filter((candidate) => candidate !== listener),
        );
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

interface StartReport {
  exitCode: number | null;
  messageBoxes: { title: string; message: string; detail: string }[];
  privilegedSchemes: string[];
  windows: { title: string; webPreferences: Record<string, unknown>; loaded: string[] }[];
  menus: number;
  channels: string[];
  page: { status: number; contentType: string | null; csp: string | null; hasRoot: boolean } | null;
  templates: string[];
  presets: string[];
  settings: boolean;
  imported: { title: string } | { code: string; key?: string } | null;
}

/** Starts out/main/index.js under Node with the stand-in Electron (in a child process: a clean module registry). */
async function startBuiltApp(options: { appPath: string; resourcesPath?: string; importDocx?: string }): Promise<StartReport> {
  const userData = mkdtempSync(path.join(tmpdir(), 'sla-built-app-'));
  try {
    const args = [
      '--import',
      path.join(standIn, 'register-electron.mjs'),
      path.join(standIn, 'start.mjs'),
      path.join(outDir, 'main', 'index.js'),
      userData,
      options.appPath,
    ];
    if (options.resourcesPath) args.push(options.resourcesPath);
    const env = { ...process.env };
    delete env.ELECTRON_RENDERER_URL;
    delete env.SLA_STUDIO_USER_DATA;
    delete env.SLA_STAND_IN_IMPORT_DOCX;
    if (options.importDocx) env.SLA_STAND_IN_IMPORT_DOCX = options.importDocx;
    const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: projectRoot, env, timeout: 60_000 });
    const report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as StartReport;
    expect(existsSync(path.join(userData, 'sla-studio.db')), 'the database file in the user-data folder').toBe(true);
    return report;
  } finally {
    rmSync(userData, { recursive: true, force: true });
  }
}

/** The packaged layout: the app in resources/app (no templates there), the clause library copied by extraResources. */
function packagedLayout(): { appPath: string; resourcesPath: string } {
  const resourcesPath = path.join(outDir, 'packaged', 'resources');
  const appPath = path.join(resourcesPath, 'app');
  mkdirSync(appPath, { recursive: true });
  const builder = parse(readFileSync(path.join(projectRoot, 'electron-builder.yml'), 'utf8')) as { extraResources: { from: string; to: string }[] };
  for (const resource of builder.extraResources) cpSync(path.join(projectRoot, resource.from), path.join(resourcesPath, resource.to), { recursive: true });
  return { appPath, resourcesPath };
}

/** The presets shipped in templates/presets: the app must list every one of them. */
const shippedPresets = () => readdirSync(path.join(projectRoot, 'templates', 'presets')).filter((file) => file.endsWith('.sla.json')).length;

describe('the Electron bundles', () => {
  beforeAll(async () => {
    await buildTarget('preload');
    await buildTarget('main');
    await buildTarget('renderer');
  }, 180_000);

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

  it('names only files that the build put beside it (the preload, the renderer, the .docx reader worker)', () => {
    const mainDir = path.join(outDir, 'main');
    const code = readFileSync(path.join(mainDir, 'index.js'), 'utf8');
    const named = [...code.matchAll(/\bjoin(?:\$\d+)?\(import\.meta\.dirname, "([^"]+)"\)/g)].map((match) => match[1] ?? '');
    expect(named).toEqual(expect.arrayContaining(['../preload/preload.cjs', '../renderer', 'docx-reader-worker.js']));
    for (const file of named) expect(existsSync(path.join(mainDir, file)), `${file}, named by out/main/index.js`).toBe(true);
  });

  it('starts the built main process from the repository: one sandboxed window, its preload on disk, app:// serving the page, templates, presets, the database, and a contract imported', async () => {
    const contract = path.join(outDir, 'Brightledger SLA (EN).docx');
    const preset = readFileSync(path.join(projectRoot, 'templates', 'presets', 'standard-saas.sla.json'), 'utf8');
    writeFileSync(contract, await docxWithDraft(preset));
    const report = await startBuiltApp({ appPath: projectRoot, importDocx: contract });
    expect(report.messageBoxes, 'no start-up error dialog').toEqual([]);
    expect(report.exitCode).toBeNull();
    expect(report.privilegedSchemes).toEqual(['app']);
    expect(report.windows).toHaveLength(1);
    const [window] = report.windows;
    expect(window?.title).toBe('SLA Studio');
    expect(window?.loaded).toEqual(['app://sla-studio/index.html']);
    expect(window?.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: true,
    });
    const preload = String(window?.webPreferences.preload);
    expect(preload).toBe(path.join(outDir, 'preload', 'preload.cjs'));
    expect(existsSync(preload), `the preload the window loads (${preload})`).toBe(true);
    expect(report.page).toMatchObject({ status: 200, contentType: 'text/html; charset=utf-8', hasRoot: true });
    expect(report.page?.csp).toContain("script-src 'self'");
    expect(report.menus).toBe(1);
    expect([...report.channels].sort()).toEqual([...CHANNELS].sort());
    expect(report.templates).toContain('standard-saas');
    expect(report.presets).toHaveLength(shippedPresets());
    expect(report.settings).toBe(true);
    // The list names a bilingual title in the language that prevails, the other after it.
    const { title } = JSON.parse(preset) as { title: { en: string; 'zh-CN': string } };
    expect(report.imported, "a contract imported through the bundle's .docx reader worker").toEqual({ title: `${title.en} (${title['zh-CN']})` });
  }, 90_000);

  it('starts packaged: the clause library and presets come from resources/templates, where electron-builder puts them', async () => {
    const layout = packagedLayout();
    const report = await startBuiltApp(layout);
    expect(report.messageBoxes).toEqual([]);
    expect(report.windows).toHaveLength(1);
    expect(report.windows[0]?.webPreferences.devTools, 'no developer tools in an installed app').toBe(false);
    expect(report.templates).toContain('standard-saas');
    expect(report.presets).toHaveLength(shippedPresets());
    expect(report.page).toMatchObject({ status: 200, hasRoot: true });
  }, 90_000);
});
