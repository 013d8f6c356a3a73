/**
 * The runtime guards of the Electron security checklist, applied to every
 * web contents and to the session: navigation stays on the app's origin, no
 * new windows, no <webview>, every permission denied, no request to the
 * network. They take Electron objects as parameters (type-only import) so the
 * tests drive them with small fakes.
 * https://www.electronjs.org/docs/latest/tutorial/security
 */
import type { Session, WebContents } from 'electron';
import { isAllowedNetworkRequest, isFromOrigins, isVettedExternalUrl, NETWORK_URL_PATTERNS } from './security';

export interface NavigationPolicy {
  /** The origins of the app's own pages (app://sla-studio, and the dev server in development). */
  trustedOrigins: readonly string[];
  /** shell.openExternal; only ever called with a URL that passed isVettedExternalUrl. */
  openExternal: (url: string) => void;
}

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Checklist items 13 and 14: limit navigation, deny new windows; and no <webview> (item 12). */
export function guardWebContents(contents: GuardedContents, policy: NavigationPolicy): void {
  const handOff = (url: string) => {
    if (isVettedExternalUrl(url)) policy.openExternal(url);
  };

  contents.on('will-navigate', (event) => {
    if (isFromOrigins(event.url, policy.trustedOrigins)) return;
    event.preventDefault();
    // A link the user clicked in the page (e.g. a status-page address) opens in their browser instead.
    handOff(event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame || isFromOrigins(event.url, policy.trustedOrigins)) return;
    event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isFromOrigins(event.url, policy.trustedOrigins)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    handOff(url);
    return { action: 'deny' };
  });
}

type GuardedSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'webRequest'>;

/**
 * Checklist item 5 (permission requests) and "no remote content": the app
 * needs no camera, notification, clipboard-read or other permission, and no
 * request to the network except, in development, the electron-vite server.
 */
export function guardSession(session: GuardedSession, devServerOrigin: string | null): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest({ urls: NETWORK_URL_PATTERNS }, (details, callback) => {
    callback({ cancel: !isAllowedNetworkRequest(details.url, devServerOrigin) });
  });
}
