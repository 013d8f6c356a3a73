// Starts the built main process (out/main/index.js) under plain Node with the
// stand-in Electron, then asks it what a user's first seconds would: the window,
// the page served on app://, the clause library, the presets and the database —
// and, when SLA_STAND_IN_IMPORT_DOCX names a contract, what importing it answers
// (read by the worker the bundle starts). Prints one JSON line with what it saw.
// Run by src-main/electron/bundle.test.ts:
//   node --import ./register-electron.mjs start.mjs MAIN_BUNDLE USER_DATA APP_PATH [RESOURCES_PATH]
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';

const [mainBundle, userData, appPath, resourcesPath] = process.argv.slice(2);
const state = {
  isPackaged: resourcesPath !== undefined,
  userData,
  appPath,
  calls: [],
  windows: [],
  menus: [],
  messageBoxes: [],
  privilegedSchemes: [],
  protocolHandlers: new Map(),
  ipcHandlers: new Map(),
  exitCode: null,
};
globalThis.slaStandIn = state;
if (resourcesPath !== undefined) process.resourcesPath = resourcesPath;

await import(pathToFileURL(mainBundle).href);

const deadline = Date.now() + 20_000;
while (state.windows.length === 0 && state.exitCode === null && Date.now() < deadline) {
  await new Promise((resolve) => setTimeout(resolve, 20));
}

const trustedPage = { senderFrame: { url: 'app://sla-studio/index.html', parent: null } };
const invoke = async (channel, payload = {}) => {
  const handler = state.ipcHandlers.get(channel);
  return handler ? handler(trustedPage, payload) : { ok: false, error: { code: 'notRegistered' } };
};

const window = state.windows[0];
let page = null;
const appHandler = state.protocolHandlers.get('app');
if (appHandler && window) {
  const response = await appHandler(new Request(window.loaded[0] ?? 'app://sla-studio/index.html'));
  const body = await response.text();
  page = {
    status: response.status,
    contentType: response.headers.get('content-type'),
    csp: response.headers.get('content-security-policy'),
    hasRoot: body.includes('id="root"'),
  };
}

const templates = await invoke('clauseLibrary.list');
const presets = await invoke('presets.list');
const settings = await invoke('settings.get');
const importPath = process.env.SLA_STAND_IN_IMPORT_DOCX;
const imported = importPath
  ? await invoke('exports.importDocx', { fileName: basename(importPath), base64: readFileSync(importPath).toString('base64') })
  : null;

console.log(
  JSON.stringify({
    exitCode: state.exitCode,
    messageBoxes: state.messageBoxes,
    privilegedSchemes: state.privilegedSchemes.map((scheme) => scheme.scheme),
    windows: state.windows.map((w) => ({ title: w.options.title, webPreferences: w.options.webPreferences, loaded: w.loaded })),
    menus: state.menus.length,
    channels: [...state.ipcHandlers.keys()],
    page,
    templates: templates.ok ? templates.value.map((t) => t.id) : templates.error,
    presets: presets.ok ? presets.value.map((p) => p.id) : presets.error,
    settings: settings.ok,
    imported: imported && (imported.ok ? { title: imported.value.title } : imported.error),
  }),
);
// The app's own quit path closes the database; then this process may end.
const { app } = await import('electron');
app.emit('will-quit');
