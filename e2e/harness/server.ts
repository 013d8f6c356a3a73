/**
 * The dev:web harness: the built renderer (out/renderer) and the real
 * services on a real database, over HTTP on 127.0.0.1 — for the end-to-end
 * tests in Chromium and for UI work without Electron.
 *
 * Every request must carry the per-run token: the page's files take it from
 * the address (?token=, then a cookie) or an x-sla-token header; the API
 * only from the header, which another page's cross-origin request cannot
 * set, and only as application/json from the harness's own origin and host
 * (a page on another local port, or a DNS-rebound name, is refused). Payloads
 * are checked as the IPC checks them, and every answer carries the app
 * protocol's Content-Security-Policy.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, extname, isAbsolute, join, resolve, sep } from 'node:path';
import ts from 'typescript';
import type { ApiResult } from '../../src-shared/api';
import { CHANNELS, isChannel, MENU_COMMANDS } from '../../src-shared/channels';
import { MAX_DRAFT_FILE_CHARS } from '../../src-shared/model/file';
import { createApiHandlers, type ChannelHandlers } from '../../src-main/api-handlers';
import { contentTypeFor } from '../../src-main/electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../src-main/electron/security';
import { nonPlainDataAt, notPlainData } from '../../src-main/ipc';
import { docxReaderWorkerFromSources, workerDraftPartReader } from '../../src-main/docx/read-in-worker';
import { createServices, type Dialogs, type Services } from '../../src-main/services';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const CLIENT_SOURCE = join(import.meta.dirname, 'client.ts');
const TOKEN_COOKIE = 'sla_token';
const DATABASE_FILE = 'sla-studio.db';
/** A draft of the largest allowed size, in UTF-8 (at most 4 bytes a character), plus the JSON around it. */
const MAX_REQUEST_BYTES = MAX_DRAFT_FILE_CHARS * 4 + 64 * 1024;

export interface HarnessOptions {
  /** Holds the database and the exports folder; created when missing. */
  dataDir: string;
  /** The built renderer; relative paths are taken from the repository root. */
  rendererDir?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The clause library and presets; the repository's templates/ by default. */
  templatesDir?: string;
}

export interface Harness {
  /** http://127.0.0.1:<port>/?token=<token> — opening it sets the token cookie. */
  url: string;
  token: string;
  /** Where exports land (the harness's "save" dialog always answers a path here). */
  exportsDir: string;
  close(): Promise<void>;
}

function fromRepo(path: string): string {
  return isAbsolute(path) ? path : resolve(REPO_ROOT, path);
}

/** The client script, transpiled once per start, with the channel lists filled in. */
async function buildClientScript(): Promise<string> {
  const source = await readFile(CLIENT_SOURCE, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: CLIENT_SOURCE,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.Preserve, isolatedModules: true, removeComments: true },
  });
  return [
    '(() => {',
    '"use strict";',
    `const SLA_CHANNELS = ${JSON.stringify(CHANNELS)};`,
    `const SLA_MENU_COMMANDS = ${JSON.stringify(MENU_COMMANDS)};`,
    outputText,
    '})();',
    '',
  ].join('\n');
}

/** index.html with the harness client loaded before the app's module script, so window.sla exists first. */
export function injectClientScript(html: string): string {
  const tag = '<script src="/harness/client.js"></script>';
  const appScript = /<script\b[^>]*\btype\s*=\s*["']module["'][^>]*>/i.exec(html);
  if (appScript) return `${html.slice(0, appScript.index)}${tag}\n    ${html.slice(appScript.index)}`;
  return html.replace(/<\/head>/i, `  ${tag}\n  </head>`);
}

/** Whether a Content-Type is JSON: what the typed client sends, and what a cross-origin form or no-cors request cannot. */
function isJson(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

function sameToken(candidate: string | null | undefined, token: string): boolean {
  if (typeof candidate !== 'string') return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function uniqueExportPath(exportsDir: string, suggestedName: string): string {
  const safe = basename(suggestedName.replace(/\\/g, '/')).replace(/^\.+/, '').trim() || 'draft.sla.json';
  const extension = safe.endsWith('.sla.json') ? '.sla.json' : extname(safe);
  const stem = safe.slice(0, safe.length - extension.length);
  let candidate = join(exportsDir, safe);
  for (let n = 2; existsSync(candidate); n++) candidate = join(exportsDir, `${stem} (${n})${extension}`);
  return candidate;
}

function harnessDialogs(exportsDir: string): Dialogs {
  return {
    async chooseSavePath({ suggestedName }) {
      mkdirSync(exportsDir, { recursive: true });
      return uniqueExportPath(exportsDir, suggestedName);
    },
    async chooseOpenPath() {
      // The browser's own file input does the opening; the renderer sends the text.
      return null;
    },
    showInFolder() {},
  };
}

async function readBody(request: IncomingMessage): Promise<Buffer | 'tooLarge'> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_REQUEST_BYTES) return 'tooLarge';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_REQUEST_BYTES) return 'tooLarge';
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const dataDir = resolve(options.dataDir);
  const rendererDir = fromRepo(options.rendererDir ?? process.env.SLA_RENDERER_OUT ?? 'out/renderer');
  const exportsDir = join(dataDir, 'exports');
  mkdirSync(exportsDir, { recursive: true });

  const services: Services = createServices({
    databasePath: join(dataDir, DATABASE_FILE),
    templatesDir: fromRepo(options.templatesDir ?? 'templates'),
    clock: { now: () => new Date().toISOString() },
    dialogs: harnessDialogs(exportsDir),
    // As in the app: an imported .docx is read in a worker thread, here run from the TypeScript sources.
    readDraftPart: workerDraftPartReader(docxReaderWorkerFromSources()),
  });
  const handlers: ChannelHandlers = createApiHandlers(services);
  const clientScript = await buildClientScript();
  const token = randomBytes(32).toString('base64url');

  const commonHeaders = () => ({
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });

  const send = (response: ServerResponse, status: number, contentType: string, body: string | Buffer, extra: Record<string, string> = {}) => {
    response.writeHead(status, { ...commonHeaders(), 'content-type': contentType, 'content-length': Buffer.byteLength(body), ...extra });
    response.end(response.req.method === 'HEAD' ? undefined : body);
  };
  const sendResult = (response: ServerResponse, status: number, result: ApiResult<unknown>, extra: Record<string, string> = {}) =>
    send(response, status, 'application/json; charset=utf-8', JSON.stringify(result), extra);

  async function serveIndex(response: ServerResponse, extra: Record<string, string>): Promise<void> {
    const html = await readFile(join(rendererDir, 'index.html'), 'utf8').catch(() => null);
    if (html === null) {
      send(response, 503, 'text/plain; charset=utf-8', `No renderer in ${rendererDir}: run npm run build:renderer first.\n`, extra);
      return;
    }
    send(response, 200, contentTypeFor('index.html'), injectClientScript(html), extra);
  }

  async function serveStatic(request: IncomingMessage, response: ServerResponse, pathname: string, extra: Record<string, string>): Promise<void> {
    let relative: string;
    try {
      relative = decodeURIComponent(pathname);
    } catch {
      send(response, 400, 'text/plain; charset=utf-8', 'Bad path.\n', extra);
      return;
    }
    if (relative === '/' || relative === '/index.html') return serveIndex(response, extra);
    const target = resolve(rendererDir, `.${relative}`);
    if (relative.includes('\0') || !target.startsWith(rendererDir + sep)) {
      send(response, 404, 'text/plain; charset=utf-8', 'Not found.\n', extra);
      return;
    }
    const info = await stat(target).catch(() => null);
    if (info?.isFile()) {
      send(response, 200, contentTypeFor(target), await readFile(target), extra);
      return;
    }
    // A client-side route reloaded in the browser: the app itself decides what to show.
    if (extname(relative) === '' && (request.headers.accept ?? '').includes('text/html')) return serveIndex(response, extra);
    send(response, 404, 'text/plain; charset=utf-8', 'Not found.\n', extra);
  }

  async function serveExport(response: ServerResponse, encodedName: string, extra: Record<string, string>): Promise<void> {
    let name = '';
    try {
      name = decodeURIComponent(encodedName);
    } catch {
      // An undecodable name matches no file.
    }
    const valid = name !== '' && !name.startsWith('.') && !/[\\/\0]/.test(name);
    const path = join(exportsDir, name);
    const info = valid ? await stat(path).catch(() => null) : null;
    if (!info?.isFile()) {
      send(response, 404, 'text/plain; charset=utf-8', 'Not found.\n', extra);
      return;
    }
    send(response, 200, contentTypeFor(name), await readFile(path), {
      ...extra,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
    });
  }

  async function serveApi(request: IncomingMessage, response: ServerResponse, channelName: string, extra: Record<string, string>): Promise<void> {
    if (!isChannel(channelName)) {
      sendResult(response, 404, { ok: false, error: { code: 'notFound', key: 'errors.unknownChannel', params: { channel: channelName } } }, extra);
      return;
    }
    if (request.method !== 'POST') {
      sendResult(
        response,
        405,
        { ok: false, error: { code: 'invalidInput', key: 'errors.invalidInput', params: { channel: channelName } } },
        { ...extra, allow: 'POST' },
      );
      return;
    }
    if (!isJson(request.headers['content-type'])) {
      sendResult(response, 415, { ok: false, error: { code: 'invalidInput', key: 'errors.invalidInput', params: { channel: channelName } } }, extra);
      return;
    }
    const body = await readBody(request);
    if (body === 'tooLarge') {
      sendResult(response, 413, { ok: false, error: { code: 'invalidInput', key: 'errors.requestTooLarge' } }, { ...extra, connection: 'close' });
      return;
    }
    let input: unknown;
    try {
      input = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
    } catch {
      sendResult(response, 400, { ok: false, error: { code: 'invalidInput', key: 'errors.invalidJson', params: { channel: channelName } } }, extra);
      return;
    }
    const notPlain = nonPlainDataAt(input);
    if (notPlain) {
      sendResult(response, 400, notPlainData(channelName, notPlain), extra);
      return;
    }
    const handler = handlers[channelName] as (payload: unknown) => Promise<ApiResult<unknown>>;
    sendResult(response, 200, await handler(input), extra);
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const isApi = url.pathname.startsWith('/api/');
    // A name that resolves to 127.0.0.1 by DNS rebinding is not this server's: only its own host names are.
    if (!ownHosts().includes((request.headers.host ?? '').toLowerCase())) {
      send(response, 421, 'text/plain; charset=utf-8', 'Unknown host: open the address npm run dev:web printed.\n');
      return;
    }
    const fromHeader = sameToken(request.headers['x-sla-token'] as string | undefined, token);
    const fromQuery = url.searchParams.get('token');
    const authorized = isApi
      ? fromHeader && sameSiteRequest(request)
      : fromHeader || sameToken(fromQuery, token) || sameToken(cookieValue(request.headers.cookie, TOKEN_COOKIE), token);
    if (!authorized) {
      if (isApi) {
        sendResult(response, 401, { ok: false, error: { code: 'forbidden', key: 'errors.unauthorized' } });
      } else {
        send(response, 401, 'text/plain; charset=utf-8', 'Unauthorized: open the address npm run dev:web printed, with its token.\n');
      }
      return;
    }
    // The token in the address becomes a cookie, so the page's own requests carry it.
    const extra: Record<string, string> = sameToken(fromQuery, token) ? { 'set-cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/` } : {};

    if (isApi) return serveApi(request, response, url.pathname.slice('/api/'.length), extra);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed.\n', { ...extra, allow: 'GET, HEAD' });
      return;
    }
    if (url.pathname === '/harness/client.js') return send(response, 200, contentTypeFor('client.js'), clientScript, extra);
    if (url.pathname.startsWith('/exports/')) return serveExport(response, url.pathname.slice('/exports/'.length), extra);
    return serveStatic(request, response, url.pathname, extra);
  }

  let port = 0;
  const ownHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];
  /** A request the page itself made: no Origin or Sec-Fetch-Site of another site (a script outside a browser sends neither). */
  const sameSiteRequest = (request: IncomingMessage): boolean => {
    const origin = request.headers.origin;
    if (origin !== undefined && !ownHosts().some((host) => origin.toLowerCase() === `http://${host}`)) return false;
    const site = request.headers['sec-fetch-site'];
    return site === undefined || site === 'same-origin';
  };

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      console.error('[dev:web] request failed:', error);
      if (!response.headersSent) sendResult(response, 500, { ok: false, error: { code: 'internal', key: 'errors.internal' } });
      else response.destroy();
    });
  });

  try {
    await new Promise<void>((resolveListen, rejectListen) => {
      server.once('error', rejectListen);
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', rejectListen);
        resolveListen();
      });
    });
  } catch (error) {
    services.close();
    throw error;
  }
  port = (server.address() as AddressInfo).port;

  let closed: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    exportsDir,
    close() {
      closed ??= new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }).finally(() => services.close());
      return closed;
    },
  };
}
