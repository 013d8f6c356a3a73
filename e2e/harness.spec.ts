/**
 * The harness itself: what the end-to-end tests rely on, and what keeps it
 * safe to leave running — nothing answers without the token, and the page
 * gets exactly the typed client of src-shared/api.ts, no Node.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../src-main/electron/security';
import { CHANNELS } from '../src-shared/channels';
import { expect, test } from './fixtures';

function origin(url: string): string {
  return new URL(url).origin;
}

/** A raw request, so the Host header can be anything (fetch and Playwright's client fix it). */
function rawRequest(url: string, headers: Record<string, string>, body = ''): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: body === '' ? 'GET' : 'POST', headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

test.describe('dev:web harness', () => {
  test('answers 401 to every request without the token', async ({ harness, playwright }) => {
    const anonymous = await playwright.request.newContext();
    try {
      const base = origin(harness.url);
      const asset = await anonymous.get(`${base}/`, { headers: { 'x-sla-token': harness.token } });
      const assetPath = /<script[^>]+type="module"[^>]+src="\.?([^"]+)"/.exec(await asset.text())?.[1];
      expect(assetPath, 'the built index.html names its module script').toBeTruthy();

      for (const path of ['/', '/index.html', assetPath!, '/harness/client.js', '/exports/anything.sla.json']) {
        const response = await anonymous.get(`${base}${path}`);
        expect(response.status(), path).toBe(401);
      }
      const wrong = await anonymous.get(`${base}/?token=${'x'.repeat(harness.token.length)}`);
      expect(wrong.status()).toBe(401);
      const api = await anonymous.post(`${base}/api/drafts.list`, { data: {} });
      expect(api.status()).toBe(401);
      expect(await api.json()).toEqual({ ok: false, error: { code: 'forbidden', key: 'errors.unauthorized' } });
      const unknown = await anonymous.post(`${base}/api/x`, { data: {} });
      expect(unknown.status()).toBe(401);

      // With the token as a header, the same requests go through.
      const withToken = await anonymous.get(`${base}${assetPath!}`, { headers: { 'x-sla-token': harness.token } });
      expect(withToken.status()).toBe(200);
      expect(withToken.headers()['content-type']).toContain('text/javascript');
    } finally {
      await anonymous.dispose();
    }
  });

  test('serves the renderer with its CSP as a header, the client first, and a token cookie', async ({ harness, page }) => {
    const response = await page.goto(harness.url);
    expect(response?.status()).toBe(200);
    const html = await response!.text();
    // The same policy the desktop app's app:// protocol sends.
    expect(response!.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(html.indexOf('/harness/client.js')).toBeGreaterThan(0);
    expect(html.indexOf('/harness/client.js')).toBeLessThan(html.search(/<script[^>]+type="module"/));

    const cookie = (await page.context().cookies()).find((c) => c.name === 'sla_token');
    expect(cookie).toMatchObject({ value: harness.token, httpOnly: true, sameSite: 'Strict' });

    // Without the token in the address, the cookie alone is enough; the page's own scripts cannot read it.
    await page.goto(origin(harness.url));
    expect(await page.evaluate(() => document.cookie)).toBe('');
  });

  test('answers transport mistakes as ApiResults and never serves a file outside the renderer', async ({ harness, playwright }) => {
    const client = await playwright.request.newContext({ extraHTTPHeaders: { 'x-sla-token': harness.token } });
    try {
      const base = origin(harness.url);
      const badJson = await client.post(`${base}/api/drafts.list`, { data: Buffer.from('{"query": '), headers: { 'content-type': 'application/json' } });
      expect(badJson.status()).toBe(400);
      expect(await badJson.json()).toMatchObject({ ok: false, error: { code: 'invalidInput', key: 'errors.invalidJson' } });
      const unknown = await client.post(`${base}/api/drafts.delete`, { data: {} });
      expect(unknown.status()).toBe(404);
      expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'notFound', key: 'errors.unknownChannel' } });
      const malformed = await client.post(`${base}/api/drafts.get`, { data: { id: 42 } });
      expect(await malformed.json()).toMatchObject({ ok: false, error: { code: 'invalidInput', problems: [{ path: ['id'] }] } });

      for (const path of ['/%2e%2e/%2e%2e/package.json', '/assets/..%2f..%2f..%2fpackage.json', '/..%5c..%5cpackage.json', '/exports/..%2fsla-studio.db']) {
        expect((await client.get(`${base}${path}`)).status(), path).toBe(404);
      }
      const index = await client.get(`${base}/`);
      const css = /href="\.?(\/assets\/[^"]+\.css)"/.exec(await index.text())?.[1];
      if (css) expect((await client.get(`${base}${css}`)).headers()['content-type']).toBe('text/css; charset=utf-8');
      const script = await client.get(`${base}/harness/client.js`);
      expect(script.headers()['content-type']).toBe('text/javascript; charset=utf-8');
      expect(script.headers()['content-security-policy']).toBe(index.headers()['content-security-policy']);
    } finally {
      await client.dispose();
    }
  });

  test('gives the page exactly the typed client, and no Node', async ({ appPage }) => {
    const shape = await appPage.evaluate(() => {
      const sla = (window as unknown as { sla?: Record<string, unknown> }).sla;
      return {
        keys: sla ? Object.keys(sla).sort() : null,
        invoke: sla ? Object.keys(sla.invoke as object).sort() : null,
        invokeTypes: sla ? Object.values(sla.invoke as object).map((f) => typeof f) : null,
        onMenuCommand: typeof sla?.onMenuCommand,
        frozen: sla ? Object.isFrozen(sla) && Object.isFrozen(sla.invoke) : null,
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
        module: typeof (window as unknown as { module?: unknown }).module,
      };
    });
    expect(shape).toEqual({
      keys: ['invoke', 'onMenuCommand'],
      invoke: [...CHANNELS].sort(),
      invokeTypes: CHANNELS.map(() => 'function'),
      onMenuCommand: 'function',
      frozen: true,
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
    });
  });

  test('runs the real services behind window.sla', async ({ appPage }) => {
    const results = await appPage.evaluate(async () => {
      type Invoke = Record<string, (input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>>;
      const invoke = (window as unknown as { sla: { invoke: Invoke } }).sla.invoke;
      const presets = await invoke['presets.list']!({});
      const firstPreset = (presets.value as { id: string }[])[0]!.id;
      const created = await invoke['drafts.create']!({ presetId: firstPreset });
      const listed = await invoke['drafts.list']!({});
      const malformed = await invoke['drafts.get']!({ id: 'not-a-uuid' });
      return { presets: presets.ok, created: created.ok, listed: (listed.value as unknown[]).length, malformed: malformed.error?.code };
    });
    expect(results).toEqual({ presets: true, created: true, listed: 1, malformed: 'invalidInput' });
  });

  test('exports into its exports folder and offers the file as a download', async ({ appPage, harness }) => {
    const downloadPromise = appPage.waitForEvent('download');
    const exported = await appPage.evaluate(async () => {
      type Invoke = Record<string, (input: unknown) => Promise<{ ok: boolean; value?: unknown }>>;
      const invoke = (window as unknown as { sla: { invoke: Invoke } }).sla.invoke;
      const presets = (await invoke['presets.list']!({})).value as { id: string }[];
      const created = (await invoke['drafts.create']!({ presetId: presets[0]!.id, title: 'Globex renewal' })).value as { id: string };
      return (await invoke['exports.draftFile']!({ id: created.id })).value as { path: string };
    });
    expect(exported.path).toBe(join(harness.exportsDir, 'Globex renewal.sla.json'));
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe('Globex renewal.sla.json');
    const text = await readFile(await download.path(), 'utf8');
    expect(JSON.parse(text)).toMatchObject({ schemaVersion: 3, title: { en: 'Globex renewal' } });
  });

  test('cannot be driven by a page on another local port, even with the token cookie in the browser', async ({ harness, appPage }) => {
    const drafts = async () =>
      appPage.evaluate(async () => {
        const listed = await (window as unknown as { sla: { invoke: Record<string, (input: object) => Promise<{ ok: boolean; value: unknown[] }>> } }).sla
          .invoke['drafts.list']!({});
        return listed.ok ? listed.value.length : -1;
      });
    const before = await drafts();
    // Another local server, as any program on the machine could run, with a page that posts to the harness.
    const attacker = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!doctype html><title>elsewhere</title>');
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    try {
      const attackerPage = await appPage.context().newPage();
      await attackerPage.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
      const target = `${origin(harness.url)}/api/drafts.create`;
      await attackerPage.evaluate(async (url) => {
        const body = JSON.stringify({ presetId: null, title: 'Created from another page' });
        // The request a page can make without CORS: text/plain, with the browser's cookies.
        await fetch(url, { method: 'POST', mode: 'no-cors', credentials: 'include', body, headers: { 'content-type': 'text/plain' } }).catch(() => null);
        await fetch(url, { method: 'POST', mode: 'cors', credentials: 'include', body, headers: { 'content-type': 'application/json' } }).catch(() => null);
        const form = Object.assign(document.createElement('form'), { method: 'POST', action: url, enctype: 'text/plain', target: 'sink' });
        document.body.append(Object.assign(document.createElement('iframe'), { name: 'sink' }), form);
        form.submit();
      }, target);
      await attackerPage.waitForTimeout(500);
      await attackerPage.close();
    } finally {
      await new Promise((resolve) => attacker.close(resolve));
    }
    expect(await drafts()).toBe(before);
  });

  test('refuses another host name (DNS rebinding), a payload that is not JSON, and one nested too deep — without a stack trace', async ({
    harness,
    playwright,
  }) => {
    const base = origin(harness.url);
    const port = new URL(base).port;
    const rebound = await rawRequest(`${base}/?token=${harness.token}`, { host: `rebound.example:${port}` });
    expect(rebound.status).toBe(421);
    const api = await rawRequest(
      `${base}/api/drafts.list`,
      { host: `rebound.example:${port}`, 'x-sla-token': harness.token, 'content-type': 'application/json' },
      '{}',
    );
    expect(api.status).toBe(421);

    const client = await playwright.request.newContext({ extraHTTPHeaders: { 'x-sla-token': harness.token } });
    try {
      const plain = await client.post(`${base}/api/drafts.list`, { data: '{}', headers: { 'content-type': 'text/plain' } });
      expect(plain.status()).toBe(415);
      expect(await plain.json()).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
      const deep = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
      const nested = await client.post(`${base}/api/drafts.list`, { data: Buffer.from(deep), headers: { 'content-type': 'application/json' } });
      expect(nested.status()).toBe(400);
      const answer = await nested.text();
      expect(JSON.parse(answer)).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
      expect(answer).not.toMatch(/\n\s+at /);
      const crossSite = await client.post(`${base}/api/drafts.list`, { data: {}, headers: { origin: 'http://127.0.0.1:1', 'sec-fetch-site': 'same-site' } });
      expect(crossSite.status()).toBe(401);
    } finally {
      await client.dispose();
    }
  });
});
