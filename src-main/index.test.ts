/**
 * The main process's start-up, wired as index.ts wires it, with Electron
 * played by fakes (its binary cannot run here; vi.doMock keeps the real
 * 'electron' package from ever loading). The services and the database are
 * real. What a user would notice is checked: one window with the sandboxed,
 * isolated settings on app://, a menu in their language, a refused second
 * start, and a clear message — and an untouched file — for a database this
 * version cannot open.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../src-shared/channels';
import type { InvokeEvent } from './ipc';
import { createServices } from './services';

type Listener = (...args: unknown[]) => unknown;

interface FakeElectronOptions {
  userData: string;
  systemLocale?: string;
  isPackaged?: boolean;
  gotLock?: boolean;
  /** The button the user clicks in each message box, in turn (default: the first). */
  messageBoxAnswers?: number[];
}

/** Just enough of Electron for index.ts, recording what it is asked to do. */
function fakeElectron(options: FakeElectronOptions) {
  const calls: string[] = [];
  const appListeners = new Map<string, Listener[]>();
  const ipcHandlers = new Map<string, Listener>();
  const windows: FakeWindow[] = [];
  const menus: { label?: string; submenu?: unknown }[][] = [];
  const messageBoxes: Record<string, unknown>[] = [];
  let exitCode: number | null = null;
  const on = (map: Map<string, Listener[]>) => (event: string, listener: Listener) => {
    map.set(event, [...(map.get(event) ?? []), listener]);
  };
  const emitApp = (event: string, ...args: unknown[]) => {
    for (const listener of appListeners.get(event) ?? []) listener(...args);
  };

  class FakeWindow {
    readonly options: Record<string, unknown> & { webPreferences: Record<string, unknown> };
    readonly loaded: string[] = [];
    readonly sent: unknown[][] = [];
    readonly listeners = new Map<string, Listener[]>();
    readonly webContents = {
      listeners: new Map<string, Listener[]>(),
      on: (event: string, listener: Listener) => on(this.webContents.listeners)(event, listener),
      send: (...args: unknown[]) => this.sent.push(args),
      setWindowOpenHandler: (handler: Listener) => (this.windowOpenHandler = handler),
    };
    windowOpenHandler: Listener | null = null;
    shown = false;
    constructor(windowOptions: FakeWindow['options']) {
      this.options = windowOptions;
      windows.push(this);
      calls.push('new BrowserWindow');
      emitApp('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    once(event: string, listener: Listener) {
      on(this.listeners)(event, listener);
    }
    on(event: string, listener: Listener) {
      on(this.listeners)(event, listener);
    }
    show() {
      this.shown = true;
    }
    focus() {}
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    static getFocusedWindow() {
      return null;
    }
  }

  const electron = {
    app: {
      isPackaged: options.isPackaged ?? false,
      setPath: (name: string, value: string) => calls.push(`setPath ${name} ${value}`),
      getPath: (name: string) => (name === 'userData' ? options.userData : path.join(options.userData, name)),
      getLocale: () => options.systemLocale ?? 'en-US',
      getAppPath: () => process.cwd(),
      enableSandbox: () => calls.push('enableSandbox'),
      requestSingleInstanceLock: () => {
        calls.push('requestSingleInstanceLock');
        return options.gotLock ?? true;
      },
      quit: () => calls.push('quit'),
      exit: (code: number) => {
        calls.push(`exit ${code}`);
        exitCode = code;
      },
      isReady: () => true,
      on: on(appListeners),
      whenReady: () => {
        calls.push('whenReady');
        return Promise.resolve();
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => calls.push(`registerSchemesAsPrivileged ${JSON.stringify(schemes)}`),
      handle: (scheme: string) => calls.push(`protocol.handle ${scheme}`),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => calls.push('setPermissionRequestHandler'),
        setPermissionCheckHandler: () => calls.push('setPermissionCheckHandler'),
        setDevicePermissionHandler: () => calls.push('setDevicePermissionHandler'),
        webRequest: { onBeforeRequest: () => calls.push('onBeforeRequest') },
      },
    },
    BrowserWindow: FakeWindow,
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: { label?: string }[]) => menus.push(menu),
    },
    dialog: {
      showMessageBoxSync: (box: Record<string, unknown>) => {
        messageBoxes.push(box);
        return options.messageBoxAnswers?.shift() ?? 0;
      },
      showSaveDialog: () => Promise.resolve({ canceled: true }),
      showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
    },
    ipcMain: {
      handle: (channel: string, listener: Listener) => ipcHandlers.set(channel, listener),
      removeHandler: (channel: string) => ipcHandlers.delete(channel),
    },
    shell: { openExternal: () => Promise.resolve(), showItemInFolder: () => undefined },
  };

  return {
    electron,
    calls,
    windows,
    menus,
    messageBoxes,
    ipcHandlers,
    emitApp,
    exitCode: () => exitCode,
    invoke: (channel: string, event: InvokeEvent, payload: unknown) => {
      const handler = ipcHandlers.get(channel);
      if (!handler) throw new Error(`${channel} is not registered`);
      return handler(event, payload) as Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
    },
  };
}

const APP_PAGE: InvokeEvent = { senderFrame: { url: 'app://sla-studio/index.html', parent: null } };

let userData: string;
let running: ReturnType<typeof fakeElectron> | null = null;
const savedEnv = { ...process.env };

beforeEach(() => {
  userData = mkdtempSync(path.join(tmpdir(), 'sla-main-'));
  delete process.env.ELECTRON_RENDERER_URL;
  delete process.env.SLA_STUDIO_USER_DATA;
  vi.resetModules();
});

afterEach(() => {
  running?.emitApp('will-quit');
  running = null;
  process.env = { ...savedEnv };
  Reflect.deleteProperty(process, 'resourcesPath');
  vi.doUnmock('electron');
  rmSync(userData, { recursive: true, force: true });
});

async function start(options: Omit<FakeElectronOptions, 'userData'> = {}) {
  const fake = fakeElectron({ userData, ...options });
  vi.doMock('electron', () => fake.electron);
  running = fake;
  await import('./index');
  return fake;
}

/** Started: either a window was opened or the app gave up. */
async function started(fake: ReturnType<typeof fakeElectron>) {
  await vi.waitFor(() => {
    if (fake.windows.length === 0 && fake.exitCode() === null) throw new Error('still starting');
  });
}

function menuLabels(fake: ReturnType<typeof fakeElectron>): (string | undefined)[] {
  return (fake.menus.at(-1) ?? []).map((item) => item.label);
}

describe('the main process', () => {
  it('opens one sandboxed, isolated window on app:// with the database in the user-data folder', async () => {
    const fake = await start();
    await started(fake);

    // Privileges and the sandbox must be set before the app is ready.
    const order = (name: string) => fake.calls.findIndex((call) => call.startsWith(name));
    expect(order('registerSchemesAsPrivileged')).toBeLessThan(order('whenReady'));
    expect(order('enableSandbox')).toBeLessThan(order('whenReady'));
    expect(fake.calls.find((call) => call.startsWith('registerSchemesAsPrivileged'))).toContain('"scheme":"app"');
    expect(fake.calls).toContain('protocol.handle app');
    expect(fake.calls).toEqual(expect.arrayContaining(['setPermissionRequestHandler', 'setPermissionCheckHandler', 'onBeforeRequest']));

    expect(fake.windows).toHaveLength(1);
    const [window] = fake.windows;
    expect(window?.options.title).toBe('SLA Studio');
    expect(window?.options.show).toBe(false);
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
    expect(String(window?.options.webPreferences.preload).endsWith(path.join('preload', 'preload.cjs'))).toBe(true);
    expect(window?.loaded).toEqual(['app://sla-studio/index.html']);
    // Shown once it has something to show, not as a blank frame.
    expect(window?.shown).toBe(false);
    for (const listener of window?.listeners.get('ready-to-show') ?? []) listener();
    expect(window?.shown).toBe(true);
    // The navigation guards were attached to its web contents.
    expect([...(window?.webContents.listeners.keys() ?? [])]).toEqual(expect.arrayContaining(['will-navigate', 'will-redirect', 'will-attach-webview']));
    expect(window?.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });

    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...CHANNELS].sort());
    expect(existsSync(path.join(userData, 'sla-studio.db'))).toBe(true);
  });

  it('serves the API to the app page only, and closes the database on quit', async () => {
    const fake = await start();
    await started(fake);
    const created = await fake.invoke('drafts.create', APP_PAGE, { presetId: null, title: 'Acme Cloud SLA' });
    expect(created.ok).toBe(true);
    const foreign = await fake.invoke('drafts.list', { senderFrame: { url: 'https://evil.example/', parent: null } }, {});
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    fake.emitApp('will-quit');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const afterQuit = await fake.invoke('drafts.list', APP_PAGE, {});
    expect(afterQuit).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
    // Closed cleanly: the WAL was folded back into the file, which opens again with the draft in it.
    const reopened = createServices({
      databasePath: path.join(userData, 'sla-studio.db'),
      templatesDir: path.resolve('templates'),
      clock: { now: () => '2025-01-01T00:00:00.000Z' },
      dialogs: { chooseSavePath: () => Promise.resolve(null), chooseOpenPath: () => Promise.resolve(null), showInFolder: () => undefined },
    });
    expect(reopened.drafts.list({ query: '', view: 'active', sort: 'updated' }).map((draft) => draft.title)).toEqual(['Acme Cloud SLA']);
    reopened.close();
  });

  it("shows the menu in the system's language first, then in the language the user picks", async () => {
    const fake = await start({ systemLocale: 'zh-CN' });
    await started(fake);
    expect(menuLabels(fake)).toEqual(['文件', '编辑', '视图', '语言', '窗口']);

    expect((await fake.invoke('settings.setLocale', APP_PAGE, { locale: 'en' })).ok).toBe(true);
    expect(menuLabels(fake)).toEqual(['File', 'Edit', 'View', 'Language', 'Window']);
  });

  it('remembers the chosen language for the menu at the next start', async () => {
    const first = await start({ systemLocale: 'en-US' });
    await started(first);
    await first.invoke('settings.setLocale', APP_PAGE, { locale: 'zh-CN' });
    first.emitApp('will-quit');

    vi.resetModules();
    const second = await start({ systemLocale: 'en-US' });
    await started(second);
    expect(menuLabels(second)[0]).toBe('文件');
  });

  it('sends menu commands to the window', async () => {
    const fake = await start();
    await started(fake);
    const file = fake.menus.at(-1)?.[0] as { submenu: { label?: string; click?: () => void }[] };
    file.submenu.find((item) => item.label === 'New Draft')?.click?.();
    expect(fake.windows[0]?.sent).toEqual([['menu-command', 'newDraft']]);
  });

  it('brings its window forward when the user starts SLA Studio again', async () => {
    const fake = await start();
    await started(fake);
    expect(fake.windows[0]?.shown).toBe(false);
    fake.emitApp('second-instance', {}, ['sla-studio'], process.cwd());
    expect(fake.windows).toHaveLength(1);
    expect(fake.windows[0]?.shown).toBe(true);
  });

  it('leaves a second start to the running instance', async () => {
    const fake = await start({ gotLock: false });
    expect(fake.calls).toContain('quit');
    expect(fake.calls).not.toContain('whenReady');
    expect(fake.windows).toHaveLength(0);
  });

  it('loads the dev server only in an unpackaged app', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    const dev = await start();
    await started(dev);
    expect(dev.windows[0]?.loaded).toEqual(['http://localhost:5173']);
    expect(await dev.invoke('settings.get', { senderFrame: { url: 'http://localhost:5173/', parent: null } }, {})).toMatchObject({ ok: true });
    dev.emitApp('will-quit');

    vi.resetModules();
    // An installed app finds its templates beside itself, in Electron's resources folder.
    Object.assign(process, { resourcesPath: process.cwd() });
    const installed = await start({ isPackaged: true });
    await started(installed);
    expect(installed.windows[0]?.loaded).toEqual(['app://sla-studio/index.html']);
    expect(installed.windows[0]?.options.webPreferences.devTools).toBe(false);
    expect(await installed.invoke('settings.get', { senderFrame: { url: 'http://localhost:5173/', parent: null } }, {})).toMatchObject({ ok: false });
    installed.emitApp('will-quit');
  });
});

describe('a database this version cannot open', () => {
  const databasePath = () => path.join(userData, 'sla-studio.db');

  /** A real SLA Studio database whose header claims a far newer schema (user_version at byte 60). */
  function writeDatabaseFromTheFuture(): void {
    const services = createServices({
      databasePath: databasePath(),
      templatesDir: path.resolve('templates'),
      clock: { now: () => '2025-01-01T00:00:00.000Z' },
      dialogs: { chooseSavePath: () => Promise.resolve(null), chooseOpenPath: () => Promise.resolve(null), showInFolder: () => undefined },
    });
    services.close();
    const fd = openSync(databasePath(), 'r+');
    const version = Buffer.alloc(4);
    version.writeUInt32BE(9999);
    writeSync(fd, version, 0, 4, 60);
    closeSync(fd);
  }

  it('says it was made by a newer SLA Studio, in the system language, opens no window and leaves the file alone', async () => {
    writeDatabaseFromTheFuture();
    const before = readFileSync(databasePath());
    const fake = await start({ systemLocale: 'zh-CN' });
    await started(fake);
    expect(fake.windows).toHaveLength(0);
    expect(fake.exitCode()).toBe(1);
    expect(fake.messageBoxes).toHaveLength(1);
    expect(fake.messageBoxes[0]).toMatchObject({ type: 'error', message: '此数据库由更新版本的 SLA Studio 创建。' });
    expect(String(fake.messageBoxes[0]?.detail)).toContain(databasePath());
    expect(readFileSync(databasePath()).equals(before)).toBe(true);
  });

  it('offers a choice when it is not a database, and leaves the file alone when the user quits', async () => {
    writeFileSync(databasePath(), 'These are my notes, not a database.\n'.repeat(20));
    const before = readFileSync(databasePath());
    // No backup yet: "Start with an empty database" and "Quit"; the user quits.
    const fake = await start({ systemLocale: 'en-US', messageBoxAnswers: [1] });
    await started(fake);
    expect(fake.windows).toHaveLength(0);
    expect(fake.exitCode()).toBe(1);
    expect(fake.messageBoxes).toHaveLength(1);
    expect(fake.messageBoxes[0]).toMatchObject({
      type: 'error',
      message: 'The database file is damaged or is not an SLA Studio database.',
      buttons: ['Start with an empty database', 'Quit'],
      cancelId: 1,
    });
    const detail = String(fake.messageBoxes[0]?.detail);
    expect(detail).toContain(databasePath());
    expect(detail).toContain('Reason: file is not a database');
    expect(detail).not.toMatch(/\bat \S+:\d+/); // no stack trace
    expect(readFileSync(databasePath()).equals(before)).toBe(true);
    expect(readdirSync(userData).filter((name) => name.includes('damaged'))).toEqual([]);
  });

  it('starts with an empty database when the user chooses it, keeping the bad file aside and saying where', async () => {
    writeFileSync(databasePath(), 'These are my notes, not a database.\n'.repeat(20));
    const before = readFileSync(databasePath());
    const fake = await start({ systemLocale: 'en-US', messageBoxAnswers: [0, 0] });
    await started(fake);
    expect(fake.windows).toHaveLength(1);
    const kept = readdirSync(userData).filter((name) => name.startsWith('sla-studio.db.damaged-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(path.join(userData, kept[0]!)).equals(before)).toBe(true);
    expect(fake.messageBoxes[1]).toMatchObject({ type: 'info', message: 'SLA Studio has started with an empty database.' });
    expect(String(fake.messageBoxes[1]?.detail)).toContain(path.join(userData, kept[0]!));
    const drafts = await fake.invoke('drafts.list', APP_PAGE, {});
    expect(drafts).toEqual({ ok: true, value: [] });
  });

  it('restores the latest backup when the user chooses it', async () => {
    const services = createServices({
      databasePath: databasePath(),
      templatesDir: path.resolve('templates'),
      clock: { now: () => new Date().toISOString() },
      dialogs: { chooseSavePath: () => Promise.resolve(null), chooseOpenPath: () => Promise.resolve(null), showInFolder: () => undefined },
    });
    services.drafts.create({ presetId: null, title: 'Acme Cloud SLA' });
    await services.backups.create();
    services.close();
    const bytes = readFileSync(databasePath());
    writeFileSync(databasePath(), bytes.subarray(0, 1000));

    const fake = await start({ systemLocale: 'zh-CN', messageBoxAnswers: [0, 0] });
    await started(fake);
    expect(fake.messageBoxes[0]?.buttons).toEqual([expect.stringMatching(/^恢复 .+ 的备份$/), '使用空数据库启动', '退出']);
    expect(fake.windows).toHaveLength(1);
    const drafts = (await fake.invoke('drafts.list', APP_PAGE, {})) as { ok: true; value: { title: string }[] };
    expect(drafts.value.map((draft) => draft.title)).toEqual(['Acme Cloud SLA']);
    expect(readdirSync(userData).filter((name) => name.startsWith('sla-studio.db.damaged-'))).toHaveLength(1);
  });
});
