/**
 * Electron enforces two Content-Security-Policies on the window: the <meta>
 * in src-renderer/index.html (the only one the dev server and the dev:web
 * harness have) and the header app:// sends (CONTENT_SECURITY_POLICY). Each
 * must stand on its own — loosening either one must fail a test, not hide
 * behind the other — and they must agree on where code and requests may
 * come from, so that what the harness's end-to-end tests see is what the
 * installed app does.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './security';

type Policy = Map<string, string[]>;

function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), values);
  }
  return policy;
}

function metaPolicy(): Policy {
  const html = readFileSync(path.resolve(import.meta.dirname, '../../src-renderer/index.html'), 'utf8');
  const tag = /<meta\s[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/i.exec(html)?.[0];
  const content = tag && /content="([^"]*)"/i.exec(tag)?.[1];
  if (!content) throw new Error('src-renderer/index.html has no Content-Security-Policy <meta>');
  return parsePolicy(content);
}

/** The sources a fetch directive allows, falling back to default-src as CSP does. */
const sources = (policy: Policy, directive: string) => policy.get(directive) ?? policy.get('default-src') ?? ['*'];

describe.each([
  ['the <meta> of index.html', metaPolicy],
  ['the app:// header', () => parsePolicy(CONTENT_SECURITY_POLICY)],
])('%s', (_name, policyOf) => {
  const policy = policyOf();

  it("runs only the app's own script files: no inline script, no eval, nothing remote", () => {
    expect(sources(policy, 'script-src')).toEqual(["'self'"]);
  });

  it('lets the page talk to nothing but its own origin', () => {
    expect(sources(policy, 'connect-src')).toEqual(["'self'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(sources(policy, 'object-src')).toEqual(["'none'"]);
  });

  it('names no remote host, scheme wildcard or unsafe keyword except inline styles', () => {
    for (const [directive, values] of policy) {
      for (const value of values) {
        const allowed = value === "'unsafe-inline'" && directive === 'style-src';
        expect(allowed || !/^(\*|https?:|wss?:|blob:|filesystem:|'unsafe-|'wasm-unsafe-eval')/.test(value), `${directive} ${value}`).toBe(true);
      }
    }
  });
});

describe('the two policies', () => {
  it('agree on where scripts, styles, images, fonts and requests may come from', () => {
    const meta = metaPolicy();
    const header = parsePolicy(CONTENT_SECURITY_POLICY);
    for (const directive of ['script-src', 'style-src', 'img-src', 'font-src', 'connect-src', 'object-src']) {
      expect(sources(meta, directive), directive).toEqual(sources(header, directive));
    }
  });
});
