/**
 * What an edit does is said where the edit happens, in Chromium through the
 * dev:web harness, in English and in Chinese: a target lowered below a
 * credit tier says so under the target, with a button to the tier; a 120 %
 * target is an error only (no playbook note, a blank [●] in the preview);
 * the calculator says why it leaves 120 out instead of clamping it; a blank
 * draft opens without "Required." until the user edits a field or asks for
 * the problems; "Done" on a draft with problems says how many, and the
 * draft list marks it incomplete; a signed draft shows its values as text
 * to read and copy. axe-core finds nothing serious in what these add.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ContractPreviewPanel } from './page-models/ContractPreview';
import { HomePage } from './page-models/HomePage';
import { CalculatorPage } from './page-models/ReportsPage';
import { WizardPage } from './page-models/WizardPage';

const BLANK = '__blank__';

interface Words {
  language: 'English' | '中文';
  locale: 'en' | 'zh-CN';
  targets: string;
  compensation: string;
  services: string;
  compliance: string;
  tierEffect: string;
  goToTier1: string;
  availabilityRange: string;
  targetCell: string;
  targetOutOfRange: string;
  thresholdOf1: string;
  tierLeftOut: string;
  required: string;
  stillToFill2: string;
  stillToFill1: string;
  listThem: string;
  providerLegalName: string;
  finish: string;
  stillHasProblems: string;
  showProblems: string;
  backToList: string;
  incomplete2: string;
  incomplete: RegExp;
  agreementTitle: string;
  signedTarget: string;
}

const WORDS: Words[] = [
  {
    language: 'English',
    locale: 'en',
    targets: 'Targets',
    compensation: 'Compensation',
    services: 'Services',
    compliance: 'Compliance',
    tierEffect: 'Compensation: credit tier 1 starts at 99.9\u00a0%, above this target, so it would pay a credit while the target is met.',
    goToTier1: 'Go to credit tier 1',
    availabilityRange: 'An availability level must be above 0 % and below 100 %.',
    targetCell: 'Target, target 1',
    targetOutOfRange: '120 % is not a percentage from 0 to 100, so no downtime is calculated for it. Enter a target from 0 to 100 %.',
    thresholdOf1: 'Availability threshold, tier 1',
    tierLeftOut: 'Tier 1 is left out: a threshold of 120 % is not a percentage from 0 to 100.',
    required: 'Required.',
    stillToFill2: '2 fields are still to fill in.',
    stillToFill1: '1 field is still to fill in.',
    listThem: 'List them',
    providerLegalName: 'Provider › Legal name: Required.',
    finish: 'Done — back to the draft list',
    stillHasProblems: 'This draft still has 2 problems',
    showProblems: 'Show the problems',
    backToList: 'Back to the draft list',
    incomplete2: 'Incomplete: 2 problems',
    incomplete: /Incomplete/,
    agreementTitle: 'Agreement title',
    signedTarget: '99.9\u00a0%',
  },
  {
    language: '中文',
    locale: 'zh-CN',
    targets: '服务目标',
    compensation: '服务补偿',
    services: '服务',
    compliance: '法律合规',
    tierEffect: '服务补偿：第 1 个减免档位起点为 99.9%，高于此目标值，目标达成时仍须给予服务费减免。',
    goToTier1: '转到第 1 个减免档位',
    availabilityRange: '可用性水平必须大于 0% 且小于 100%。',
    targetCell: '第 1 个服务目标：目标',
    targetOutOfRange: '120% 不是 0 到 100 之间的百分比，因此不计算停机时间。请输入 0 到 100% 之间的目标值。',
    thresholdOf1: '第 1 档的可用性阈值',
    tierLeftOut: '第 1 档未计入：起点 120% 不是 0 到 100 之间的百分比。',
    required: '必填。',
    stillToFill2: '还有 2 个字段待填写。',
    stillToFill1: '还有 1 个字段待填写。',
    listThem: '列出这些字段',
    providerLegalName: '必填。',
    finish: '完成，返回草案列表',
    stillHasProblems: '此草案仍有 2 个问题',
    showProblems: '查看问题',
    backToList: '返回草案列表',
    incomplete2: '未完成：2 个问题',
    incomplete: /未完成/,
    agreementTitle: '协议标题',
    signedTarget: '99.9%',
  },
];

/** The interface in this language from the start, as a user who chose it earlier has it. */
async function useLanguage(page: Page, url: string, locale: Words['locale']): Promise<void> {
  await page.evaluate(async (wanted) => {
    await window.sla!.invoke['settings.setLocale']({ locale: wanted });
  }, locale);
  await page.goto(url);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

/** The serious and critical axe findings inside `within`, one readable line each. */
async function seriousFindings(page: Page, within: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(within).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${violation.help}`));
}

async function expectNoSeriousFindings(page: Page, within: string): Promise<void> {
  const findings = await seriousFindings(page, within);
  expect(findings, findings.join('\n')).toEqual([]);
}

for (const words of WORDS) {
  test.describe(`effects where the edit happens (${words.language})`, () => {
    test.describe.configure({ timeout: 150_000 });

    test('a lowered target names the credit tier it breaks and leads to it; a 120 % target is an error only', async ({ appPage, harness }) => {
      await useLanguage(appPage, harness.url, words.locale);
      const wizard = new WizardPage(appPage);
      await new HomePage(appPage).createFromPreset('standard-saas');
      await wizard.step(3).click();
      await wizard.expectStep(3, words.targets);

      // Below the first tier's 99.9 %: the Compensation step breaks, and the target says so.
      const target = appPage.locator('#field-targets-objectives-0-objective');
      await target.fill('99');
      const effect = appPage.locator('#field-targets-objectives-0-objective-extra .objective-effect');
      await expect(effect).toHaveCount(1);
      await expect(effect).toContainText(words.tierEffect);
      await expect(target).toHaveAttribute('aria-describedby', /field-targets-objectives-0-objective-extra/);
      await expectNoSeriousFindings(appPage, '.list-table');
      // The fix is one key press away: the tier's threshold, on its step, focused.
      await effect.getByRole('button', { name: words.goToTier1 }).focus();
      await appPage.keyboard.press('Enter');
      await wizard.expectStep(5, words.compensation);
      await expect(appPage.locator('#field-compensation-creditTiers-0-threshold')).toBeFocused();

      // Above the playbook's 99.95 %: a note beside the field, the value in the preview.
      await wizard.step(3).click();
      await target.fill('99.99');
      await expect(effect).toHaveCount(0);
      const note = appPage.locator('#field-targets-objectives-0-objective-playbook');
      await expect(note).toBeVisible();
      const preview = new ContractPreviewPanel(appPage);
      const previewed = preview.values('targets.objectives[0].objective');
      await expect(previewed.first()).toContainText('99.99');

      // 120 % is no target: the error, and nothing else — no playbook note, a blank in the preview.
      await target.fill('120');
      await expect(appPage.locator('#field-targets-objectives-0-objective-help')).toHaveText(words.availabilityRange);
      await expect(note).toHaveCount(0);
      await expect(preview.region.locator('.contract-blank[data-path="targets.objectives[0].objective"]').first()).toHaveText('[●]');
      await expect(preview.region).not.toContainText(/120\s?%/);
      await expect(preview.region.locator('.contract-value[data-path="targets.objectives[0].objective"]')).toHaveCount(0);
    });

    test('the calculator says why it leaves 120 out, and keeps what was typed', async ({ appPage, harness }) => {
      await useLanguage(appPage, `${harness.url}#/calculator`, words.locale);
      const calculator = new CalculatorPage(appPage);
      await calculator.target.fill('120');
      await calculator.target.blur();
      // Shown as typed (to the field's two decimals), not clamped to 100.
      await expect(calculator.target).toHaveValue(/^120(\.00)?$/);
      await expect(appPage.getByText(words.targetOutOfRange, { exact: true })).toBeVisible();
      await expect(calculator.budgetTable).toHaveCount(0);

      const threshold = appPage.getByLabel(words.thresholdOf1, { exact: true });
      await threshold.fill('120');
      await threshold.blur();
      await expect(threshold).toHaveValue(/^120(\.0)?$/);
      await expect(appPage.locator('.tiers-left-out')).toHaveText(words.tierLeftOut);
      await expectNoSeriousFindings(appPage, '.calculator');
    });

    test('a blank draft opens without "Required."; "Done" says what is left; the list marks it incomplete', async ({ appPage, harness }) => {
      await useLanguage(appPage, harness.url, words.locale);
      const home = new HomePage(appPage);
      const wizard = new WizardPage(appPage);
      // A complete draft leaves at once, and is not marked.
      await home.createFromPreset('standard-saas', 'Complete SLA');
      await wizard.step(6).click();
      await wizard.expectStep(6, words.compliance);
      await wizard.expectSaved();
      await appPage.getByRole('link', { name: words.finish }).click();
      await home.expectShown();
      await expect(home.row('Complete SLA')).toBeVisible();
      await expect(home.row('Complete SLA')).not.toContainText(words.incomplete);

      await home.createFromPreset(BLANK, 'Pilot SLA');
      await wizard.expectStep(1, words.services);
      const provider = appPage.locator('#field-parties-provider-legalName');
      const customer = appPage.locator('#field-parties-customer-legalName');
      const stepProblems = appPage.locator('.step-problems');
      // Nothing typed yet: no field says "Required.", the step's list counts what is still to fill in.
      await expect(stepProblems).toContainText(words.stillToFill2);
      await expect(appPage.getByText(words.required, { exact: true })).toHaveCount(0);
      await expect(provider).not.toHaveAttribute('aria-invalid', 'true');

      // A field typed into and cleared again says it is required; the other waits.
      await provider.fill('Acme');
      await provider.fill('');
      await expect(appPage.locator('#field-parties-provider-legalName-help')).toHaveText(words.required);
      await expect(provider).toHaveAttribute('aria-invalid', 'true');
      await expect(appPage.locator('#field-parties-customer-legalName-help')).toHaveCount(0);
      await expect(stepProblems).toContainText(words.stillToFill1);
      await expect(stepProblems.getByRole('list')).toContainText(words.providerLegalName);

      // Asked for, every problem shows.
      await stepProblems.getByRole('button', { name: words.listThem }).click();
      await expect(appPage.locator('#field-parties-customer-legalName-help')).toHaveText(words.required);
      await expect(customer).toHaveAttribute('aria-invalid', 'true');
      await expect(stepProblems.getByRole('list').getByRole('listitem')).toHaveCount(2);
      await expect(stepProblems.locator('.step-problem-link').first()).toBeFocused();
      await wizard.expectSaved();

      // "Done" names how many problems are left; the user may look at them…
      await wizard.step(6).click();
      await appPage.getByRole('link', { name: words.finish }).click();
      const dialog = appPage.getByRole('dialog', { name: words.stillHasProblems });
      await expect(dialog).toBeVisible();
      await expectNoSeriousFindings(appPage, '.ant-modal');
      await dialog.getByRole('button', { name: words.showProblems }).click();
      await expect(dialog).toBeHidden();
      await wizard.expectStep(1, words.services);
      await expect(provider).toBeFocused();

      // …or leave: the draft list marks the draft incomplete, with the count.
      await wizard.step(6).click();
      await appPage.getByRole('link', { name: words.finish }).click();
      await appPage.getByRole('dialog', { name: words.stillHasProblems }).getByRole('button', { name: words.backToList }).click();
      await home.expectShown();
      await expect(home.row('Pilot SLA')).toContainText(words.incomplete2);
      await expect(home.row('Complete SLA')).not.toContainText(words.incomplete);
      await expectNoSeriousFindings(appPage, '.ant-table');
    });

    test('a signed draft shows its values as text to read and copy, each still named by its label', async ({ appPage, harness }) => {
      await useLanguage(appPage, harness.url, words.locale);
      const draftId = await appPage.evaluate(async () => {
        const sla = window.sla!;
        const unwrap = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
          if (!result.ok) throw new Error(JSON.stringify(result.error));
          return result.value;
        };
        const draft = unwrap(await sla.invoke['drafts.create']({ presetId: 'standard-saas', title: 'Signed SLA' }));
        const saved = unwrap(await sla.invoke['versions.save']({ draftId: draft.id, party: 'ourProposal', author: 'Li Wei', note: '' }));
        const agreed = unwrap(await sla.invoke['versions.markAgreed']({ versionId: saved.version.id, author: 'Li Wei', note: '' }));
        unwrap(await sla.invoke['versions.markSigned']({ versionId: agreed.version.id, author: 'Li Wei', note: '' }));
        return draft.id;
      });
      await appPage.goto(`${harness.url}#/drafts/${draftId}/services`);
      const wizard = new WizardPage(appPage);
      await wizard.expectStep(1, words.services);

      const title = wizard.field(words.agreementTitle);
      await expect(title).toHaveText('Signed SLA');
      await expect(appPage.getByRole('textbox', { name: words.agreementTitle })).toHaveCount(0);
      await expect(appPage.locator('.step-form input:disabled, .step-form textarea:disabled')).toHaveCount(0);
      // Text, not a control: it can be selected and copied like any text.
      await title.selectText();
      expect(await appPage.evaluate(() => window.getSelection()?.toString())).toBe('Signed SLA');
      await expectNoSeriousFindings(appPage, '.step-form');

      await wizard.step(3).click();
      await wizard.expectStep(3, words.targets);
      await expect(wizard.field(words.targetCell)).toHaveText(words.signedTarget);
      await expect(appPage.getByRole('spinbutton', { name: words.targetCell })).toHaveCount(0);
      await expectNoSeriousFindings(appPage, '.step-form');
    });
  });
}
