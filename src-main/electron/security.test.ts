import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, appOrigins, CONTENT_SECURITY_POLICY, isAllowedNetworkRequest, isFromOrigins, isVettedExternalUrl, originOf } from './security';

describe('isVettedExternalUrl', () => {
  it.each([
    'https://status.example.com/',
    'https://www.example.com/sla/terms?lang=en#credits',
    'https://example.co.uk:8443/report',
    'https://例子.中国/服务',
    'https://STATUS.Example.COM/',
  ])('lets the system browser open %s', (url) => {
    expect(isVettedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://status.example.com/'],
    ['a local file', 'file:///etc/passwd'],
    ['a Windows share', 'smb://fileserver/contracts'],
    ['script', 'javascript:alert(1)'],
    ['an e-mail link', 'mailto:legal@example.com'],
    ['a custom handler', 'ms-msdt:/id PCWDiagnostic'],
    ['the app itself', 'app://sla-studio/index.html'],
    ['credentials in the link', 'https://user:secret@example.com/'],
    ['a user name in the link', 'https://admin@example.com/'],
    ['an IPv4 address', 'https://192.168.1.1/'],
    ['an IPv6 address', 'https://[::1]/'],
    ['localhost', 'https://localhost/'],
    ['a localhost subdomain', 'https://api.localhost/'],
    ['a single-label intranet name', 'https://intranet/'],
    ['a hyphen-edged label', 'https://-bad.example.com/'],
    ['a space', 'https://example.com/a b'],
    ['a newline', 'https://example.com/\nfoo'],
    ['leading whitespace', ' https://example.com/'],
    ['an overlong link', `https://example.com/${'a'.repeat(2100)}`],
    ['not a URL', 'example.com'],
    ['empty', ''],
  ])('refuses %s', (_what, url) => {
    expect(isVettedExternalUrl(url)).toBe(false);
  });

  it('refuses anything that is not a string', () => {
    for (const value of [null, undefined, 42, {}, ['https://example.com/'], new URL('https://example.com/')]) {
      expect(isVettedExternalUrl(value)).toBe(false);
    }
  });
});

describe('origins', () => {
  it("gives app:// a real origin, which WHATWG's URL.origin does not", () => {
    expect(new URL('app://sla-studio/index.html').origin).toBe('null');
    expect(originOf('app://sla-studio/index.html')).toBe(APP_ORIGIN);
    expect(originOf('APP://SLA-STUDIO/assets/x.js')).toBe(APP_ORIGIN);
    expect(originOf('http://localhost:5173/src/main.tsx')).toBe('http://localhost:5173');
  });

  it('has no origin for pages without a host', () => {
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('data:text/html,<script>1</script>')).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });

  it('trusts only the app and, while developing, the dev server', () => {
    expect(appOrigins(null)).toEqual([APP_ORIGIN]);
    const dev = appOrigins('http://localhost:5173/');
    expect(dev).toEqual([APP_ORIGIN, 'http://localhost:5173']);
    expect(isFromOrigins('app://sla-studio/index.html', dev)).toBe(true);
    expect(isFromOrigins('http://localhost:5173/', dev)).toBe(true);
    expect(isFromOrigins('http://localhost:5174/', dev)).toBe(false);
    expect(isFromOrigins('app://sla-studio.evil.example/index.html', dev)).toBe(false);
    expect(isFromOrigins('app://other/index.html', dev)).toBe(false);
    expect(isFromOrigins('https://sla-studio/', dev)).toBe(false);
    expect(isFromOrigins('about:blank', dev)).toBe(false);
  });
});

describe('isAllowedNetworkRequest', () => {
  it('lets nothing reach the network in the installed app', () => {
    for (const url of ['https://example.com/', 'http://localhost:5173/', 'ws://localhost:5173/', 'file:///etc/passwd']) {
      expect(isAllowedNetworkRequest(url, null)).toBe(false);
    }
  });

  it('lets only the dev server (page and HMR socket) through while developing', () => {
    const dev = 'http://localhost:5173';
    expect(isAllowedNetworkRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedNetworkRequest('ws://localhost:5173/?token=x', dev)).toBe(true);
    expect(isAllowedNetworkRequest('http://localhost:8080/', dev)).toBe(false);
    expect(isAllowedNetworkRequest('https://fonts.example.com/x.woff2', dev)).toBe(false);
    expect(isAllowedNetworkRequest('file:///etc/passwd', dev)).toBe(false);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('allows scripts from the app only: no inline scripts, no eval, no remote hosts', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    for (const values of directives.values()) {
      expect(values.filter((value) => /^https?:|\*|'unsafe-eval'/.test(value))).toEqual([]);
    }
  });
});
