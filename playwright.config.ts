/**
 * End-to-end tests in Chromium against the real renderer, served by the
 * dev:web harness with the real services and a fresh database per test
 * (e2e/fixtures.ts). The system's Chromium is used when present: Playwright's
 * own download needs the internet.
 */
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['./e2e/reporters/skip-reasons.ts']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: systemChromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
    locale: 'en-US',
    // As a user who asked for less motion: dialogs appear at once, so a click never lands on a dialog still zooming in.
    contextOptions: { reducedMotion: 'reduce' },
    trace: 'retain-on-failure',
  },
});
