/**
 * A 1024 × 768 screen, in English and in Chinese: the contract preview is a
 * side panel beside the form (not 3,500 px below it), so the clause follows
 * the edit in view; it is hidden and shown again from the keyboard, the focus
 * moving between the two buttons. The Reports screen's sticky first column
 * stays under the app header as the page scrolls, and no table heading
 * breaks inside a word. axe-core finds nothing serious on either screen.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ContractPreviewPanel } from './page-models/ContractPreview';
import { HomePage } from './page-models/HomePage';
import { ReportsPage } from './page-models/ReportsPage';
import { WizardPage } from './page-models/WizardPage';

test.use({ viewport: { width: 1024, height: 768 } });
// axe reads every element of a wizard step and of the report: more than the default minute on a busy machine.
test.describe.configure({ timeout: 240_000 });

/** The serious and critical axe findings on the page, one readable line each. */
async function seriousFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
}

/** The Latin words of table headings that the page draws across two lines ("Measu-rement"). */
async function headingWordsBrokenInside(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    for (const heading of Array.from(document.querySelectorAll('th'))) {
      const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const word of (node.textContent ?? '').matchAll(/[A-Za-z0-9]+/g)) {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          const lines = new Set(
            Array.from(range.getClientRects())
              .filter((rect) => rect.width > 0)
              .map((rect) => Math.round(rect.top)),
          );
          if (lines.size > 1) broken.push(`${word[0]} (in "${heading.textContent}")`);
        }
      }
    }
    return broken;
  });
}

const LANGUAGES = [
  { name: 'English', hide: 'Hide preview', show: 'Show preview', claimWithin: 'Claim within', days: (n: number) => `${n} days` },
  { name: '中文', hide: '隐藏预览', show: '显示预览', claimWithin: '申请期限', days: (n: number) => `${n}日` },
] as const;

for (const language of LANGUAGES) {
  test(`at 1024 × 768 the preview is a side panel that follows the edit and toggles from the keyboard (${language.name})`, async ({ appPage }) => {
    const wizard = new WizardPage(appPage);
    const preview = new ContractPreviewPanel(appPage);
    await new HomePage(appPage).createFromPreset('enterprise');
    await wizard.expectStep(1, 'Services');
    if (language.name === '中文') await wizard.switchLanguage('中文');

    // Beside the form, in view from the start.
    await expect(preview.region).toBeInViewport();
    const form = (await appPage.locator('.wizard-workspace-form').boundingBox())!;
    const panel = (await preview.region.boundingBox())!;
    expect(panel.x).toBeGreaterThanOrEqual(form.x + form.width);
    expect(panel.y).toBeLessThan(768);

    // Far down a long step, the clause still follows the edit in view.
    await wizard.step(5).click();
    const claimWithin = wizard.field(language.claimWithin);
    await claimWithin.scrollIntoViewIfNeeded();
    await claimWithin.fill('47');
    const claimDays = preview.values('compensation.claimWindowDays').first();
    await expect(claimDays).toHaveText(language.days(47));
    await claimDays.scrollIntoViewIfNeeded();
    await expect(claimDays).toBeInViewport();
    await expect(claimWithin).toBeInViewport();
    await expect(preview.region.locator('th').first()).toBeAttached();
    expect(await headingWordsBrokenInside(appPage)).toEqual([]);

    const findings = await seriousFindings(appPage);
    expect(findings, findings.join('\n')).toEqual([]);

    // Hidden with the keyboard: the focus lands on the button that shows it again, which stays in view.
    const hide = preview.region.getByRole('button', { name: language.hide });
    await hide.focus();
    await appPage.keyboard.press('Enter');
    await expect(preview.region).toHaveCount(0);
    const show = appPage.getByRole('button', { name: language.show });
    await expect(show).toBeFocused();
    await expect(show).toBeInViewport();
    await appPage.mouse.wheel(0, 2000);
    await expect(show).toBeInViewport();
    // The form has the whole width back.
    expect((await appPage.locator('.wizard-workspace-form').boundingBox())!.width).toBeGreaterThan(form.width + 200);

    // Shown again with the keyboard: the focus on "Hide preview", the edit in the contract.
    await appPage.keyboard.press('Enter');
    await expect(preview.region).toBeInViewport();
    await expect(preview.region.getByRole('button', { name: language.hide })).toBeFocused();
    await expect(claimDays).toHaveText(language.days(47));
  });
}

const NOVEMBER = ['service,start,end,severity,excluded,reason', 'core-api,2027-11-03T10:00:00Z,2027-11-03T11:00:00Z,P1,no,Gateway outage', ''].join('\n');

test('at 1024 × 768 the report’s sticky first column scrolls under the app header, and its headings break between words', async ({ appPage }) => {
  const reports = new ReportsPage(appPage);
  await new HomePage(appPage).createFromPreset('enterprise');
  await new WizardPage(appPage).expectStep(1, 'Services');
  await reports.openFromWizard();
  await reports.importCsv('november.csv', NOVEMBER);
  await expect(reports.reportHeading).toHaveText('Report for November 2027');

  for (const language of ['English', '中文'] as const) {
    if (language === '中文') {
      await new WizardPage(appPage).switchLanguage('中文');
      await expect(reports.reportHeading).toHaveText('2027年11月报告');
    }
    expect(await headingWordsBrokenInside(appPage)).toEqual([]);
    // Scroll until the first metric's row sits behind the header: what shows there is the header.
    const firstCell = appPage.locator('.report-service tr.ant-table-row td').first();
    const box = (await firstCell.boundingBox())!;
    await appPage.evaluate((by) => window.scrollBy(0, by), box.y - 20);
    const behindHeader = (await firstCell.boundingBox())!;
    expect(behindHeader.y).toBeLessThan(56);
    expect(behindHeader.y + behindHeader.height).toBeGreaterThan(0);
    const onTop = await appPage.evaluate(
      ([x, y]) => document.elementFromPoint(x!, y!)?.closest('.app-header') !== null,
      [behindHeader.x + behindHeader.width / 2, Math.max(1, behindHeader.y + 1)],
    );
    expect(onTop).toBe(true);
    const findings = await seriousFindings(appPage);
    expect(findings, findings.join('\n')).toEqual([]);
  }
});
