/**
 * The security rules of the Electron shell, as pure functions so they can be
 * unit-tested without Electron: which origins are the app's own, which links
 * may leave the app for the system browser, and the Content-Security-Policy.
 * Electron's checklist: https://www.electronjs.org/docs/latest/tutorial/security
 */

/** The renderer is served from app://sla-studio/ rather than file:// (checklist item 18). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'sla-studio';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Sent as a response header with every file of the renderer. No remote
 * anything, no eval, no inline scripts; inline styles stay allowed because
 * Ant Design injects its CSS-in-JS as <style> elements at run time.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "worker-src 'none'",
].join('; ');

/**
 * `scheme://host[:port]` of a URL, or null when it has none. WHATWG URL
 * reports the origin of a custom scheme such as app:// as "null" (it is not
 * one of the special schemes), while Chromium gives a registered standard
 * scheme a real origin; so the origin is rebuilt from its parts.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!parsed.host) return null;
  return `${parsed.protocol}//${parsed.host}`.toLowerCase();
}

/** Whether a URL belongs to one of the given origins (the app's, and the dev server's in development). */
export function isFromOrigins(url: string, trustedOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && trustedOrigins.some((trusted) => trusted.toLowerCase() === origin);
}

/** The origins the app's own pages come from: app://sla-studio, plus the electron-vite dev server when given. */
export function appOrigins(devServerUrl: string | null | undefined): string[] {
  const devOrigin = devServerUrl ? originOf(devServerUrl) : null;
  return devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN];
}

const MAX_EXTERNAL_URL_LENGTH = 2048;
const IPV4_HOST = /^\d{1,3}(\.\d{1,3}){3}$/;
// A public DNS name: labels of letters, digits and hyphens, and a top-level domain of
// letters or an internationalized one (which the URL parser has turned into xn--…).
const DNS_HOST = /^((?!-)[a-z0-9-]{1,63}(?<!-)\.)+([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * Whether a link may be handed to the system browser with shell.openExternal
 * (checklist item 15). Only plain https links to a public host name qualify:
 * no other scheme (file:, smb:, custom handlers can run programs), no
 * credentials in the URL, no IP literals or single-label/localhost names
 * (those reach the user's own network, not a web page), nothing overlong.
 */
export function isVettedExternalUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_EXTERNAL_URL_LENGTH) return false;
  // Control characters and spaces are never part of a link the app itself would show.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (/[\u0000-\u0020\u007f]/.test(url)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:') return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[') || IPV4_HOST.test(host)) return false;
  if (host === 'localhost' || host.endsWith('.localhost')) return false;
  return host.length <= 253 && DNS_HOST.test(host);
}

/**
 * The URL patterns of every request that could reach the network from a
 * renderer (match-pattern syntax; Electron throws on an invalid one). file://
 * is not among them: webRequest never sees file requests, and Chromium
 * already refuses file: resources to a page of another origin such as app://.
 */
export const NETWORK_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'];

/**
 * Whether the main process lets a renderer's request to one of
 * NETWORK_URL_PATTERNS through (checklist: no remote content): only to the
 * electron-vite dev server (the page and its HMR socket) in development.
 * The app's own files come over app://, which never touches the network.
 */
export function isAllowedNetworkRequest(url: string, devServerOrigin: string | null): boolean {
  if (devServerOrigin === null) return false;
  const asHttp = url.replace(/^ws(s?):/i, 'http$1:');
  if (!/^https?:/i.test(asHttp)) return false;
  return isFromOrigins(asHttp, [devServerOrigin]);
}
