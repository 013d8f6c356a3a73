import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor, createAppProtocolHandler, resolveRendererFile } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './security';

const workDir = mkdtempSync(path.join(tmpdir(), 'sla-protocol-'));
const rendererRoot = path.join(workDir, 'renderer');
const readPaths: string[] = [];

beforeAll(() => {
  mkdirSync(path.join(rendererRoot, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererRoot, 'index.html'), '<!doctype html><title>SLA Studio</title>');
  writeFileSync(path.join(rendererRoot, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(path.join(rendererRoot, 'assets', 'style.css'), 'body{}');
  writeFileSync(path.join(rendererRoot, 'assets', 'Noto Sans SC.woff2'), 'font');
  // What a traversal would be after: a file beside the renderer folder.
  writeFileSync(path.join(workDir, 'sla-studio.db'), 'SECRET CONTRACTS');
});

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function handler() {
  return createAppProtocolHandler({
    rendererRoot,
    readFile: (filePath) => {
      readPaths.push(filePath);
      return readFile(filePath);
    },
  });
}

async function get(url: string, method = 'GET') {
  const response = await handler()(new Request(url, { method }));
  return { response, text: await response.text() };
}

describe('the app:// protocol', () => {
  it('serves index.html at the root with the CSP header', async () => {
    const { response, text } = await get('app://sla-studio/');
    expect(response.status).toBe(200);
    expect(text).toContain('<title>SLA Studio</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves the bundle with the type a module script needs', async () => {
    const script = await get('app://sla-studio/assets/index-abc.js?v=1');
    expect(script.response.status).toBe(200);
    expect(script.text).toBe('console.log(1)');
    expect(script.response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const style = await get('app://sla-studio/assets/style.css');
    expect(style.response.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const font = await get('app://sla-studio/assets/Noto%20Sans%20SC.woff2');
    expect(font.response.status).toBe(200);
    expect(font.response.headers.get('content-type')).toBe('font/woff2');
  });

  it('answers 404 for a file that does not exist', async () => {
    expect((await get('app://sla-studio/assets/missing.js')).response.status).toBe(404);
    expect((await get('app://sla-studio/assets')).response.status).toBe(404); // a folder
  });

  it.each([
    'app://sla-studio/../sla-studio.db',
    'app://sla-studio/%2e%2e/sla-studio.db',
    'app://sla-studio/..%2fsla-studio.db',
    'app://sla-studio/assets/..%2f..%2fsla-studio.db',
    'app://sla-studio/..%5csla-studio.db',
    `app://sla-studio/${encodeURIComponent(path.join(workDir, 'sla-studio.db'))}`,
    'app://sla-studio/index.html%00.js',
    'app://sla-studio/%E0%A4%A',
    'app://other-host/index.html',
    'app://sla-studio.evil/index.html',
  ])('never reads outside out/renderer: %s', async (url) => {
    readPaths.length = 0;
    const { response, text } = await get(url);
    expect(response.status).toBe(404);
    expect(text).not.toContain('SECRET');
    for (const filePath of readPaths) expect(path.relative(rendererRoot, filePath).startsWith('..')).toBe(false);
  });

  it('refuses to read anything on a Windows path either', () => {
    const root = 'C:\\Program Files\\SLA Studio\\resources\\app.asar\\out\\renderer';
    expect(resolveRendererFile(root, 'app://sla-studio/assets/a.js', path.win32)).toBe(`${root}\\assets\\a.js`);
    expect(resolveRendererFile(root, 'app://sla-studio/..%5c..%5capp.asar', path.win32)).toBeNull();
    expect(resolveRendererFile(root, 'app://sla-studio/D:%5cUsers%5cme%5csla-studio.db', path.win32)).toBeNull();
    expect(resolveRendererFile(root, 'app://sla-studio/D:/Users/me/sla-studio.db', path.win32)).toBeNull();
    expect(resolveRendererFile(root, 'app://sla-studio/C:/Windows/win.ini', path.win32)).toBeNull();
  });

  it('allows only reading', async () => {
    const { response } = await get('app://sla-studio/index.html', 'POST');
    expect(response.status).toBe(405);
    const head = await get('app://sla-studio/index.html', 'HEAD');
    expect(head.response.status).toBe(200);
    expect(head.text).toBe('');
  });

  it('answers 500, not an exception, when the disk fails', async () => {
    const failing = createAppProtocolHandler({
      rendererRoot,
      readFile: () => Promise.reject(Object.assign(new Error('I/O error'), { code: 'EIO' })),
    });
    expect((await failing(new Request('app://sla-studio/index.html'))).status).toBe(500);
  });

  it('names the types of what Vite emits, and nothing is sniffed', () => {
    expect(contentTypeFor('x.mjs')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('logo.SVG')).toBe('image/svg+xml');
    expect(contentTypeFor('data.json')).toBe('application/json; charset=utf-8');
    expect(contentTypeFor('unknown.bin')).toBe('application/octet-stream');
    expect(readFileSync(path.join(workDir, 'sla-studio.db'), 'utf8')).toBe('SECRET CONTRACTS');
  });
});
