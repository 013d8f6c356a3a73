/**
 * The desktop app itself, through Playwright's Electron driver: the built
 * main process starts, opens one window titled SLA Studio on app://, and
 * the preload has given the page window.sla — and nothing of Node.
 *
 * These need the Electron binary, which the `electron` package downloads on
 * first launch. Where it is absent (no internet), every test here is
 * reported as skipped, by name, with the reason.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { resolveConfig } from 'electron-vite';
import { build, type InlineConfig } from 'vite';
import { CHANNELS } from '../src-shared/channels';

const projectRoot = path.resolve(import.meta.dirname, '..');

/**
 * The Electron executable if it is on disk. Deliberately not require('electron'):
 * that would try to download the binary, which is exactly what cannot work here.
 */
function electronBinary(): string | null {
  const packageDir = path.join(projectRoot, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist');
  const executable = path.join(distDir, relative);
  return existsSync(executable) ? executable : null;
}

const executablePath = electronBinary();

/** The main process and preload, built with the project's config (the renderer is built by `npm run test:e2e`). */
async function buildMainAndPreload(): Promise<void> {
  const resolved = await resolveConfig({ configFile: path.join(projectRoot, 'electron.vite.config.ts'), logLevel: 'warn' }, 'build', 'production');
  for (const target of ['main', 'preload'] as const) {
    await build(resolved.config?.[target] as InlineConfig);
  }
}

test.describe('the Electron app', () => {
  test.skip(
    executablePath === null,
    'skipped: the Electron binary is not present (node_modules/electron/dist is missing; Electron downloads it on first launch, which needs the internet)',
  );

  let app: ElectronApplication;
  let window: Page;
  let userData: string;

  test.beforeAll(async () => {
    await buildMainAndPreload();
    if (!existsSync(path.join(projectRoot, 'out', 'renderer', 'index.html'))) {
      throw new Error('out/renderer is not built: run `npm run build:renderer` first (npm run test:e2e does).');
    }
    userData = mkdtempSync(path.join(tmpdir(), 'sla-electron-'));
    const env = { ...process.env, SLA_STUDIO_USER_DATA: userData, LANG: 'en_US.UTF-8' } as Record<string, string>;
    delete env.ELECTRON_RENDERER_URL; // the built app, served from app://, not a dev server
    app = await electron.launch({ executablePath: executablePath ?? undefined, args: [projectRoot], cwd: projectRoot, env });
    window = await app.firstWindow();
    await window.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  test('opens one window titled SLA Studio, served from app://', async () => {
    await expect(window).toHaveTitle('SLA Studio');
    expect(window.url()).toMatch(/^app:\/\/sla-studio\//);
    const windows = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.getTitle()));
    expect(windows).toEqual(['SLA Studio']);
  });

  test('gives the page window.sla with one function per channel, and nothing of Node', async () => {
    const page = await window.evaluate(() => {
      const global = window as unknown as Record<string, unknown> & { sla?: { invoke: Record<string, unknown> } };
      return {
        slaKeys: global.sla ? Object.keys(global.sla).sort() : null,
        channels: global.sla ? Object.keys(global.sla.invoke).sort() : null,
        require: typeof global.require,
        process: typeof global.process,
        module: typeof global.module,
      };
    });
    expect(page).toEqual({ slaKeys: ['invoke', 'onMenuCommand'], channels: [...CHANNELS].sort(), require: 'undefined', process: 'undefined', module: 'undefined' });
  });

  test('answers the typed API over IPC from the real database', async () => {
    const settings = await window.evaluate(() =>
      (window as unknown as { sla: { invoke: { 'settings.get': (input: object) => Promise<unknown> } } }).sla.invoke['settings.get']({}),
    );
    expect(settings).toMatchObject({ ok: true });
    expect(existsSync(path.join(userData, 'sla-studio.db'))).toBe(true);
  });
});
