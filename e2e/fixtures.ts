/**
 * The Playwright fixtures every end-to-end test uses: `harness` starts the
 * dev:web harness in this process on a fresh, empty data folder (its own
 * database and exports), and `appPage` is a page that has opened the app
 * through the harness's tokened address.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import type * as HarnessModuleNamespace from './harness/server';
import type { Harness } from './harness/server';

type HarnessModule = typeof HarnessModuleNamespace;

/**
 * Playwright's own loader cannot import the JSON locale files the services
 * use (Node wants an import attribute for JSON); tsx's scoped loader can, and
 * still runs the harness inside this worker process.
 */
let harnessModule: Promise<HarnessModule> | null = null;
function loadHarnessModule(): Promise<HarnessModule> {
  harnessModule ??= import('tsx/esm/api').then(({ tsImport }) => tsImport('./harness/server.ts', import.meta.url) as Promise<HarnessModule>);
  return harnessModule;
}

export interface HarnessFixtures {
  harness: Harness & { dataDir: string };
  appPage: Page;
}

export const test = base.extend<HarnessFixtures>({
  // Playwright reads the fixtures a fixture depends on from its destructuring pattern; this one needs none.
  // eslint-disable-next-line no-empty-pattern
  harness: async ({}, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sla-e2e-'));
    const { startHarness } = await loadHarnessModule();
    const harness = await startHarness({ dataDir });
    try {
      await use({ ...harness, dataDir });
    } finally {
      await harness.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
  appPage: async ({ page, harness }, use) => {
    await page.goto(harness.url);
    await use(page);
  },
});

export { expect } from '@playwright/test';
