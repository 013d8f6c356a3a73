/**
 * The app:// protocol: serves the built renderer (out/renderer) to the
 * window, so the app has a real origin and a CSP header instead of the broad
 * privileges of file:// (Electron security checklist, item 18). Written
 * against the Fetch API's Request/Response so that it runs, and is tested,
 * under plain Node; index.ts hands it to protocol.handle.
 */
import { readFile as readFileFromDisk } from 'node:fs/promises';
import nodePath from 'node:path';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security';

/** The privileges of app:// — registered before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  // standard: relative URLs and a real origin (so 'self' in the CSP means app://sla-studio);
  // secure: a secure context like https.
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
  // No corsEnabled: nothing from another origin may read the app's files, and
  // the page's own module scripts are same-origin requests.
  // No bypassCSP, no service workers, no streaming.
} as const;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  // Not part of the renderer: the dev:web harness shares this table for the contracts it offers as downloads.
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The Content-Type for a file name; unknown kinds are sent as opaque bytes (and nosniff keeps them so). */
export function contentTypeFor(fileName: string): string {
  return CONTENT_TYPES[nodePath.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

type PathApi = Pick<typeof nodePath, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

/**
 * The file under `rendererRoot` that an app:// URL names, or null when the
 * URL is not the app's or would escape the folder (`..`, encoded slashes or
 * backslashes, NUL bytes, another drive). `pathApi` lets the tests check the
 * Windows rules on any machine.
 */
export function resolveRendererFile(rendererRoot: string, requestUrl: string, pathApi: PathApi = nodePath): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let requested: string;
  try {
    requested = decodeURIComponent(url.pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  // No built asset has a NUL or a backslash in its name; refusing them keeps Windows separators out.
  if (requested.includes('\0') || requested.includes('\\')) return null;
  if (requested === '' || requested === '/') requested = '/index.html';
  const root = pathApi.resolve(rendererRoot);
  const target = pathApi.resolve(root, `.${requested}`);
  const inside = pathApi.relative(root, target);
  if (inside === '' || inside === '..' || inside.startsWith(`..${pathApi.sep}`) || pathApi.isAbsolute(inside)) return null;
  return target;
}

export interface AppProtocolOptions {
  /** The built renderer: out/renderer. */
  rendererRoot: string;
  /** Injected by tests; the real one reads the disk (asar-aware inside Electron). */
  readFile?: (path: string) => Promise<Uint8Array>;
}

/** The handler for protocol.handle('app', …). Never throws: every failure is an HTTP status. */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const readFile = options.readFile ?? ((path: string) => readFileFromDisk(path));
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } });
    }
    const filePath = resolveRendererFile(options.rendererRoot, request.url);
    if (filePath === null) return new Response(null, { status: 404 });
    let body: Uint8Array;
    try {
      body = await readFile(filePath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | null)?.code;
      const missing = code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
      return new Response(null, { status: missing ? 404 : 500 });
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'content-type': contentTypeFor(filePath),
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
        'referrer-policy': 'no-referrer',
      },
    });
  };
}
