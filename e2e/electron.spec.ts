/**
 * The desktop app itself, through Playwright's Electron driver: the built
 * main process starts, opens one window titled SLA Studio on app://, and
 * the preload has given the page window.sla — and nothing of Node.
 *
 * These need the Electron binary, which the `electron` package downloads on
 * first launch: it is fetched first, as `npm run dev` does, and only where
 * that download fails is every test here reported as skipped, by name, with
 * the reason.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { resolveConfig } from 'electron-vite';
import { build, type InlineConfig } from 'vite';
import { CHANNELS } from '../src-shared/channels';
import { ensureElectronRuntime } from '../scripts/electron-runtime.mjs';

const projectRoot = path.resolve(import.meta.dirname, '..');

/**
 * The Electron executable, fetched the way `npm run dev` fetches it (the
 * electron package's own installer) when it is not on disk yet; null only
 * when that download fails, with the reason for the skip.
 */
const runtime = await ensureElectronRuntime();
const executablePath = runtime.status === 'failed' ? null : runtime.executable;
const skipReason =
  runtime.status === 'failed'
    ? `skipped: the Electron runtime could not be downloaded (${runtime.reason.kind === 'offline' ? 'no internet connection' : runtime.reason.detail}); scripts/electron-runtime.mjs fetches it where the internet is available`
    : '';

/** The main process and preload, built with the project's config (the renderer is built by `npm run test:e2e`). */
async function buildMainAndPreload(): Promise<void> {
  const resolved = await resolveConfig({ configFile: path.join(projectRoot, 'electron.vite.config.ts'), logLevel: 'warn' }, 'build', 'production');
  for (const target of ['main', 'preload'] as const) {
    await build(resolved.config?.[target] as InlineConfig);
  }
}

test.describe('the Electron app', () => {
  test.skip(executablePath === null, skipReason);

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
    // Chromium refuses to run as root with its sandbox (CI runs as root); the renderer's own sandbox stays on (app.enableSandbox).
    const args = process.getuid?.() === 0 ? ['--no-sandbox', projectRoot] : [projectRoot];
    app = await electron.launch({ executablePath: executablePath ?? undefined, args, cwd: projectRoot, env });
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
    expect(page).toEqual({
      slaKeys: ['invoke', 'onMenuCommand'],
      channels: [...CHANNELS].sort(),
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
    });
  });

  test('answers the typed API over IPC from the real database', async () => {
    const settings = await window.evaluate(() =>
      (window as unknown as { sla: { invoke: { 'settings.get': (input: object) => Promise<unknown> } } }).sla.invoke['settings.get']({}),
    );
    expect(settings).toMatchObject({ ok: true });
    expect(existsSync(path.join(userData, 'sla-studio.db'))).toBe(true);
  });
});
