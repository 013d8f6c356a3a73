/**
 * The Electron main process: one instance, one window, the services on a
 * database in the user-data folder, the IPC channels, the application menu,
 * and the settings of Electron's security checklist
 * (https://www.electronjs.org/docs/latest/tutorial/security), each marked
 * with its item number. The logic lives in small modules under electron/
 * that the unit tests drive without Electron; this file only wires them.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { MENU_COMMAND_CHANNEL, type MenuCommand } from '../src-shared/channels';
import { localeFromSystem, translatorFor, type Locale } from '../src-shared/i18n';
import { createApiHandlers } from './api-handlers';
import { DatabaseOpenError } from './db/connection';
import { workerDraftPartReader } from './docx/read-in-worker';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './electron/app-protocol';
import { createElectronDialogs } from './electron/dialogs';
import { guardSession, guardWebContents } from './electron/guards';
import { buildMenuTemplate, type Translate } from './electron/menu';
import { APP_ENTRY_URL, APP_SCHEME, appOrigins, originOf } from './electron/security';
import { createRecoveryDialogs } from './electron/recovery-dialog';
import { createSenderCheck, registerIpc } from './ipc';
import { createServices, type Services } from './services';
import { backupsDirFor } from './services/backups';
import { startWithRecovery, type StartupOutcome } from './services/recovery';

/** The file name of the database inside the user-data folder. */
const DATABASE_FILE = 'sla-studio.db';

// An imported .docx is read in a worker thread, never on this one: the worker is built beside
// this file (electron.vite.config.ts), and bundle.test.ts checks that it is there.
const readDraftPartInWorker = workerDraftPartReader(join(import.meta.dirname, 'docx-reader-worker.js'));

// The dev server's address is honoured only in an unpackaged app: an
// installed SLA Studio never loads its UI from anywhere but app://.
const devServerUrl = !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : null;
// Developer tools exist only in an unpackaged app (electron-vite dev, the tests); never in an installed one.
const isDev = !app.isPackaged;
const trustedOrigins = appOrigins(devServerUrl);

let mainWindow: BrowserWindow | null = null;
let services: Services | null = null;
let currentLocale: Locale = 'en';

function translator(locale: Locale): Translate {
  const t = translatorFor(locale);
  return (key, params) => t(key, params);
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    title: 'SLA Studio',
    width: 1280,
    height: 860,
    // The wizard's form beside the live preview needs about this much room.
    minWidth: 960,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/preload.cjs'),
      contextIsolation: true, // item 3
      sandbox: true, // item 4
      nodeIntegration: false, // item 2
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true, // item 6
      allowRunningInsecureContent: false, // item 8
      experimentalFeatures: false, // item 9 (and item 10: no enableBlinkFeatures)
      webviewTag: false, // item 12
      navigateOnDragDrop: false, // a file dropped on the window must not replace the app
      // A middle click must not open links either (Electronegativity's AUXCLICK check).
      disableBlinkFeatures: 'Auxclick',
      // Chromium's spellchecker downloads its dictionaries from Google: no remote requests.
      spellcheck: false,
      safeDialogs: true,
      devTools: isDev,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    console.error(`The window's renderer stopped (${details.reason}).`);
  });
  window.loadURL(devServerUrl ?? APP_ENTRY_URL).catch((error: unknown) => {
    // Only a broken build gets here (out/renderer missing); show the window rather than nothing.
    console.error('The window could not load the app:', error);
    if (!window.isDestroyed()) window.show();
  });
  return window;
}

function focusMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    if (app.isReady() && services) mainWindow = createMainWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function sendMenuCommand(command: MenuCommand): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    // macOS keeps the app running without a window: bring one back; the
    // command itself is dropped, as the new page is not listening yet.
    focusMainWindow();
    return;
  }
  mainWindow.webContents.send(MENU_COMMAND_CHANNEL, command);
}

/** Hands a link that passed isVettedExternalUrl to the system browser (item 15). */
function openVettedLink(url: string): void {
  shell.openExternal(url).catch((error: unknown) => console.error('Could not open the link in the browser:', error));
}

function applyMenu(locale: Locale): void {
  currentLocale = locale;
  const template = buildMenuTemplate({ t: translator(locale), locale, platform: process.platform, isDev, sendCommand: sendMenuCommand });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function templatesDir(): string {
  // Packaged: copied beside the app (electron-builder extraResources); developing: the repository's folder.
  return app.isPackaged ? join(process.resourcesPath, 'templates') : join(app.getAppPath(), 'templates');
}

/**
 * While developing, node_modules holds better-sqlite3 built for Node (the
 * unit tests need it); `npm run dev` first builds a copy for this Electron
 * (scripts/electron-native.mjs). A packaged app has the Electron build in place.
 */
function developmentSqliteBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const binding = join(app.getAppPath(), '.electron-native', `better_sqlite3-electron-${process.versions.electron}.node`);
  return existsSync(binding) ? binding : undefined;
}

/** Tells the user, in their language, why SLA Studio stops, and stops without touching their data. */
function failStartup(error: unknown, databasePath: string): void {
  const t = translator(localeFromSystem(app.getLocale()));
  let section = 'dialogs.startup.failed';
  let params: Record<string, string> = { path: databasePath, detail: error instanceof Error ? error.message : String(error) };
  if (error instanceof DatabaseOpenError) {
    section = error.reason === 'tooNew' ? 'dialogs.startup.databaseTooNew' : 'dialogs.startup.databaseUnreadable';
    // SQLite's own words ("file is not a database", "database is locked") tell support what happened.
    params = { path: databasePath, reason: String(error.params.reason ?? '') };
  } else {
    console.error(error);
  }
  services?.close();
  services = null;
  dialog.showMessageBoxSync({
    type: 'error',
    title: t(`${section}.title`),
    message: t(`${section}.message`),
    detail: t(`${section}.detail`, params),
    buttons: [t('dialogs.startup.quit')],
    noLink: true,
  });
  app.exit(1);
}

async function onReady(): Promise<void> {
  const devServerOrigin = devServerUrl ? originOf(devServerUrl) : null;
  guardSession(session.defaultSession, devServerOrigin);
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ rendererRoot: join(import.meta.dirname, '../renderer') }));

  const databasePath = join(app.getPath('userData'), DATABASE_FILE);
  currentLocale = localeFromSystem(app.getLocale());
  const sqliteNativeBinding = developmentSqliteBinding();
  let startup: StartupOutcome<Services>;
  try {
    // A damaged database becomes a choice (restore a backup / start empty / quit), never a crash
    // and never a silent overwrite; a newer or locked one is refused untouched (services/recovery.ts).
    startup = startWithRecovery({
      databasePath,
      backupsDir: backupsDirFor(databasePath),
      clock: { now: () => new Date().toISOString() },
      nativeBinding: sqliteNativeBinding,
      port: createRecoveryDialogs({ dialog, t: translator(currentLocale), formatTime: (iso) => new Date(iso).toLocaleString(currentLocale) }),
      open: () =>
        createServices({
          databasePath,
          templatesDir: templatesDir(),
          firmTemplatesDir: join(app.getPath('userData'), 'templates'),
          clock: { now: () => new Date().toISOString() },
          systemLocale: app.getLocale(),
          sqliteNativeBinding,
          readDraftPart: readDraftPartInWorker,
          dialogs: createElectronDialogs({
            dialog,
            shell,
            parentWindow: () => BrowserWindow.getFocusedWindow() ?? mainWindow,
            t: () => translator(currentLocale),
            defaultFolder: () => app.getPath('documents'),
            joinPath: join,
          }),
        }),
    });
  } catch (error) {
    failStartup(error, databasePath);
    return;
  }
  if (startup.status === 'quit') {
    // The user has been told why, or chose to quit; the database is as it was.
    app.exit(1);
    return;
  }
  services = startup.services;
  // The daily backup runs in the background: SQLite's backup API lets the user work meanwhile.
  // Quitting while it runs stops it (the partial copy is removed; it is due again next start).
  services.backups.backUpIfDue().catch((error: unknown) => {
    if (services) console.error('The automatic backup failed:', error);
  });

  const handlers = createApiHandlers(services);
  registerIpc(ipcMain, handlers, {
    isTrustedSender: createSenderCheck(trustedOrigins),
    logError: (channel, error) => console.error(`IPC ${channel} failed:`, error),
  });
  // The menu follows the language the user saves.
  services.settings.onLocaleChanged((locale) => {
    try {
      applyMenu(locale);
    } catch (error) {
      console.error('The menu could not be rebuilt in the new language:', error);
    }
  });

  // The menu follows the language the user chose, or the system's on the first start.
  const settings = await handlers['settings.get']({});
  applyMenu(settings.ok && settings.value.locale ? settings.value.locale : localeFromSystem(app.getLocale()));

  mainWindow = createMainWindow();
  app.on('activate', () => focusMainWindow());
}

function main(): void {
  // Tests (e2e/electron.spec.ts) give each run its own data folder; an installed app ignores this.
  const testUserData = process.env.SLA_STUDIO_USER_DATA;
  if (!app.isPackaged && testUserData) app.setPath('userData', testUserData);

  // Both must happen before the app is ready.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]); // item 18
  app.enableSandbox(); // item 4, for every renderer including ones created later

  // A second start brings the open window forward instead of opening the database twice.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => focusMainWindow());

  // Items 12-14 for every web contents that will ever exist, not only the main window.
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, { trustedOrigins, openExternal: openVettedLink });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    services?.close();
    services = null;
  });

  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => failStartup(error, join(app.getPath('userData'), DATABASE_FILE)));
}

main();
