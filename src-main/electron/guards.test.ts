import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { guardSession, guardWebContents } from './guards';
import { APP_ORIGIN } from './security';

type Listener = (event: Record<string, unknown>) => void;

/** A web contents that records its listeners, so a test can play Chromium's part. */
function fakeContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on(name: string, listener: Listener) {
      listeners.set(name, [...(listeners.get(name) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler;
    },
  };
  /** Emits an event the way Electron does; returns whether a listener prevented it. */
  const emit = (name: string, details: Record<string, unknown>) => {
    let prevented = false;
    const event = { ...details, preventDefault: () => (prevented = true) };
    for (const listener of listeners.get(name) ?? []) listener(event);
    return prevented;
  };
  return {
    contents: contents as unknown as WebContents,
    emit,
    openWindow: (url: string) => openHandler?.({ url }),
  };
}

function guarded(trustedOrigins = [APP_ORIGIN]) {
  const opened: string[] = [];
  const fake = fakeContents();
  guardWebContents(fake.contents, { trustedOrigins, openExternal: (url) => opened.push(url) });
  return { ...fake, opened };
}

describe('guardWebContents', () => {
  it('lets the app navigate within its own pages', () => {
    const { emit, opened } = guarded();
    expect(emit('will-navigate', { url: 'app://sla-studio/index.html' })).toBe(false);
    expect(opened).toEqual([]);
  });

  it('keeps the window on the app and hands a vetted link to the browser instead', () => {
    const { emit, opened } = guarded();
    expect(emit('will-navigate', { url: 'https://status.example.com/' })).toBe(true);
    expect(opened).toEqual(['https://status.example.com/']);
  });

  it('neither navigates to nor opens anything else', () => {
    const { emit, opened } = guarded();
    for (const url of ['file:///etc/passwd', 'http://example.com/', 'javascript:alert(1)', 'app://elsewhere/index.html', 'about:blank']) {
      expect(emit('will-navigate', { url })).toBe(true);
    }
    expect(opened).toEqual([]);
  });

  it('denies every new window, opening only vetted links in the browser', () => {
    const { openWindow, opened } = guarded();
    expect(openWindow('https://www.example.com/terms')).toEqual({ action: 'deny' });
    expect(openWindow('app://sla-studio/index.html')).toEqual({ action: 'deny' });
    expect(openWindow('smb://fileserver/share')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.example.com/terms']);
  });

  it('keeps frames and redirects on the app, and attaches no <webview>', () => {
    const { emit } = guarded();
    expect(emit('will-frame-navigate', { url: 'https://ads.example.com/', isMainFrame: false })).toBe(true);
    expect(emit('will-frame-navigate', { url: 'app://sla-studio/frame.html', isMainFrame: false })).toBe(false);
    expect(emit('will-redirect', { url: 'https://example.com/', isMainFrame: true })).toBe(true);
    expect(emit('will-attach-webview', {})).toBe(true);
  });

  it('follows the dev server only when it is one of the trusted origins', () => {
    const dev = guarded([APP_ORIGIN, 'http://localhost:5173']);
    expect(dev.emit('will-navigate', { url: 'http://localhost:5173/' })).toBe(false);
    const production = guarded();
    expect(production.emit('will-navigate', { url: 'http://localhost:5173/' })).toBe(true);
  });
});

describe('guardSession', () => {
  function fakeSession() {
    const handlers: {
      request?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
      check?: (...args: unknown[]) => boolean;
      device?: (...args: unknown[]) => boolean;
      beforeRequest?: { filter: { urls: string[] }; listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void };
    } = {};
    const session = {
      setPermissionRequestHandler: (handler: typeof handlers.request) => (handlers.request = handler),
      setPermissionCheckHandler: (handler: typeof handlers.check) => (handlers.check = handler),
      setDevicePermissionHandler: (handler: typeof handlers.device) => (handlers.device = handler),
      webRequest: {
        onBeforeRequest: (filter: { urls: string[] }, listener: NonNullable<typeof handlers.beforeRequest>['listener']) =>
          (handlers.beforeRequest = { filter, listener }),
      },
    };
    return { session: session as unknown as Session, handlers };
  }

  function cancelled(handlers: ReturnType<typeof fakeSession>['handlers'], url: string): boolean {
    let answer: boolean | undefined;
    handlers.beforeRequest?.listener({ url }, (response) => (answer = response.cancel));
    if (answer === undefined) throw new Error('the request was left hanging');
    return answer;
  }

  it('denies every permission the page asks for or probes', () => {
    const { session, handlers } = fakeSession();
    guardSession(session, null);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      let granted: boolean | undefined;
      handlers.request?.({}, permission, (answer) => (granted = answer));
      expect(granted).toBe(false);
      expect(handlers.check?.(null, permission, APP_ORIGIN, {})).toBe(false);
    }
    expect(handlers.device?.({ deviceType: 'usb', origin: APP_ORIGIN })).toBe(false);
  });

  it('cancels every network request of the installed app', () => {
    const { session, handlers } = fakeSession();
    guardSession(session, null);
    const patterns = handlers.beforeRequest?.filter.urls ?? [];
    expect(patterns).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
    // Match patterns as Electron parses them: scheme://host/path, or it throws at start-up.
    for (const pattern of patterns) expect(pattern).toMatch(/^(\*|https?|wss?):\/\/(\*|(\*\.)?[^/*]+)\/.*$/);
    expect(cancelled(handlers, 'https://cdn.example.com/font.woff2')).toBe(true);
    expect(cancelled(handlers, 'wss://telemetry.example.com/')).toBe(true);
  });

  it('lets the dev server through while developing', () => {
    const { session, handlers } = fakeSession();
    guardSession(session, 'http://localhost:5173');
    expect(cancelled(handlers, 'http://localhost:5173/src/main.tsx')).toBe(false);
    expect(cancelled(handlers, 'https://cdn.example.com/')).toBe(true);
  });
});
