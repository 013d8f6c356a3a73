// Just enough of Electron's main-process API for the built bundle to start,
// recording what it is asked to do in globalThis.slaStandIn (set up by start.mjs).
const state = globalThis.slaStandIn;
const record = (call) => state.calls.push(call);
const appListeners = new Map();
const on = (map) => (event, listener) => map.set(event, [...(map.get(event) ?? []), listener]);

export const app = {
  get isPackaged() {
    return state.isPackaged;
  },
  setPath: (name, value) => record(`setPath ${name} ${value}`),
  getPath: (name) => (name === 'userData' ? state.userData : `${state.userData}/${name}`),
  getLocale: () => 'en-US',
  getAppPath: () => state.appPath,
  enableSandbox: () => record('enableSandbox'),
  requestSingleInstanceLock: () => true,
  quit: () => record('quit'),
  exit: (code) => {
    record(`exit ${code}`);
    state.exitCode = code;
  },
  isReady: () => true,
  on: on(appListeners),
  emit: (event, ...args) => (appListeners.get(event) ?? []).forEach((listener) => listener(...args)),
  whenReady: () => Promise.resolve(),
};

export class BrowserWindow {
  constructor(options) {
    this.options = options;
    this.loaded = [];
    this.webContents = { on: () => {}, send: () => {}, setWindowOpenHandler: () => {} };
    state.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) {
    this.loaded.push(url);
    return Promise.resolve();
  }
  once() {}
  on() {}
  show() {}
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
  static getAllWindows() {
    return state.windows;
  }
}

export const protocol = {
  registerSchemesAsPrivileged: (schemes) => state.privilegedSchemes.push(...schemes),
  handle: (scheme, handler) => state.protocolHandlers.set(scheme, handler),
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: () => record('setPermissionRequestHandler'),
    setPermissionCheckHandler: () => record('setPermissionCheckHandler'),
    setDevicePermissionHandler: () => record('setDevicePermissionHandler'),
    webRequest: { onBeforeRequest: () => record('onBeforeRequest'), onHeadersReceived: () => record('onHeadersReceived') },
  },
};

export const ipcMain = {
  handle: (channel, listener) => state.ipcHandlers.set(channel, listener),
  removeHandler: (channel) => state.ipcHandlers.delete(channel),
};

export const Menu = {
  buildFromTemplate: (template) => template,
  setApplicationMenu: (menu) => state.menus.push(menu),
};

export const dialog = {
  showMessageBoxSync: (box) => {
    state.messageBoxes.push({ title: box.title, message: box.message, detail: box.detail });
    return 0;
  },
  showSaveDialog: () => Promise.resolve({ canceled: true }),
  showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
};

export const shell = { openExternal: () => Promise.resolve(), showItemInFolder: () => undefined };

export default { app, BrowserWindow, protocol, session, ipcMain, Menu, dialog, shell };
