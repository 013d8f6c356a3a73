/**
 * Every screen checked by axe-core, in English and in Chinese: the draft
 * list, each of the six wizard steps, the timeline, the comparison of two
 * rounds, the monthly reports, the calculator and the backups dialog. A
 * serious or critical finding fails the test and is printed with its rule,
 * its elements and axe's explanation.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { STEP_IDS } from '../src-shared/model';
import { expect, test } from './fixtures';

interface Setup {
  draftId: string;
  first: string;
  second: string;
}

/** A draft from the enterprise preset with two saved rounds, made through the page's own client. */
async function draftWithTwoRounds(page: Page): Promise<Setup> {
  return page.evaluate(async () => {
    const sla = window.sla!;
    const unwrap = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return result.value;
    };
    const draft = unwrap(await sla.invoke['drafts.create']({ presetId: 'enterprise', title: 'Crestmoor SLA' }));
    const first = unwrap(await sla.invoke['versions.save']({ draftId: draft.id, party: 'ourProposal', author: 'Alice', note: 'Opening offer' }));
    const current = unwrap(await sla.invoke['drafts.get']({ id: draft.id }));
    const content = structuredClone(current.content) as { compensation: { claimWindowDays: number } };
    content.compensation.claimWindowDays = 45;
    unwrap(await sla.invoke['drafts.save']({ id: draft.id, content, baseRevision: current.revision }));
    const second = unwrap(await sla.invoke['versions.save']({ draftId: draft.id, party: 'customerCounter', author: 'Bob', note: 'Counter' }));
    return { draftId: draft.id, first: first.version.id, second: second.version.id };
  });
}

/** The serious and critical findings on the page as it is now, one readable line each. */
async function seriousFindings(page: Page, within?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  if (within !== undefined) builder.include(within);
  const results = await builder.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/g, ' ') ?? violation.help}`,
      ),
    );
}

/** A screen: where it is, and what shows that it has drawn; `within` limits the check to a dialog. */
interface Screen {
  name: string;
  hash: (setup: Setup) => string;
  ready: (page: Page) => Promise<void>;
  within?: string;
}

const heading = (page: Page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible();
const SCREENS: Screen[] = [
  { name: 'the draft list', hash: () => '#/', ready: heading },
  ...STEP_IDS.map((step): Screen => ({
    name: `the wizard's ${step} step`,
    hash: (setup) => `#/drafts/${setup.draftId}/${step}`,
    ready: (page) => expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible(),
  })),
  { name: 'the timeline', hash: (setup) => `#/drafts/${setup.draftId}/versions`, ready: heading },
  { name: 'the comparison of two rounds', hash: (setup) => `#/drafts/${setup.draftId}/compare/${setup.first}/${setup.second}`, ready: heading },
  { name: 'the monthly reports', hash: (setup) => `#/drafts/${setup.draftId}/reports`, ready: heading },
  { name: 'the calculator', hash: () => '#/calculator', ready: heading },
  {
    name: 'the backups dialog',
    hash: () => '#/',
    ready: async (page) => {
      await page.getByRole('button', { name: /^(Backups|备份)$/ }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
    },
    // The dialog only: the list behind its mask is dimmed on purpose, and checked on its own.
    within: '.ant-modal',
  },
];

for (const locale of ['en', 'zh-CN'] as const) {
  test.describe(`accessibility in ${locale === 'en' ? 'English' : 'Chinese'}`, () => {
    // axe reads every element of a wizard step (thousands on the Targets step): more than the default minute on a busy machine.
    test.describe.configure({ timeout: 240_000 });
    for (const screen of SCREENS) {
      test(`${screen.name} has no serious or critical axe finding`, async ({ appPage, harness }) => {
        await appPage.evaluate(async (wanted) => {
          await window.sla!.invoke['settings.setLocale']({ locale: wanted });
        }, locale);
        const setup = await draftWithTwoRounds(appPage);
        await appPage.goto(`${harness.url}${screen.hash(setup)}`);
        // The language is read at start: load the page again in it.
        await appPage.reload();
        await expect(appPage.locator('html')).toHaveAttribute('lang', locale);
        await screen.ready(appPage);
        const findings = await seriousFindings(appPage, screen.within);
        expect(findings, findings.join('\n')).toEqual([]);
      });
    }
  });
}
