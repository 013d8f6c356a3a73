/**
 * A problem leads to its field, in Chromium through the dev:web harness: a
 * custom metric left without a name, deep in the enterprise preset and
 * hidden in a collapsed metric of a collapsed service, is listed in the
 * export dialog and at the top of its step in the wizard's words ("Service
 * 3 “Data Export API” › Metric 2 › Name in the contract"), never as a
 * schema path; "Go to …" and the step's list expand what hides the field,
 * scroll to it and put the focus in it — in English and in Chinese. A
 * refused "Save version" puts the focus on the first problem.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ContractExportDialog } from './page-models/ContractPreview';
import { HomePage } from './page-models/HomePage';
import { RoundDialog } from './page-models/VersionsPage';
import { WizardPage } from './page-models/WizardPage';

/** The name of the Data Export API's second metric (services[2].metrics[1].name): the preset is bilingual, so a box per language. */
const FIELD_ID = '#field-services-2-metrics-1-name';
const ENGLISH_BOX = `${FIELD_ID}-en`;
const CHINESE_BOX = `${FIELD_ID}-zh-CN`;

/** A name is missing only when neither language holds it. */
async function clearName(page: Page): Promise<void> {
  await page.locator(ENGLISH_BOX).fill('');
  await page.locator(CHINESE_BOX).fill('');
}

interface Words {
  language: 'English' | '中文';
  stepServices: string;
  stepCompensation: string;
  service3: RegExp;
  collapseMetric2: string;
  collapseService3: string;
  expandMetric2: string;
  oneProblem: string;
  problem: string;
  goToServices: string;
}

const WORDS: Words[] = [
  {
    language: 'English',
    stepServices: 'Services',
    stepCompensation: 'Compensation',
    service3: /^Service 3: Data Export API$/,
    collapseMetric2: 'Collapse metric 2',
    collapseService3: 'Collapse service 3',
    expandMetric2: 'Expand metric 2',
    oneProblem: '1 problem',
    problem: 'Service 3 “Data Export API” › Metric 2 › Name in the contract: A custom metric needs a name.',
    goToServices: 'Go to Services',
  },
  {
    language: '中文',
    stepServices: '服务',
    stepCompensation: '服务补偿',
    // The preset names its services in both languages: a Chinese screen shows the Chinese name.
    service3: /^服务 3：数据导出接口（API）$/,
    collapseMetric2: '收起第 2 个指标',
    collapseService3: '收起第 3 个服务',
    expandMetric2: '展开第 2 个指标',
    oneProblem: '1 个问题',
    problem: '服务 3“数据导出接口（API）”›指标 2›合同中的名称：自定义指标需要名称。',
    goToServices: '转到“服务”',
  },
];

for (const words of WORDS) {
  test(`goes from the export dialog's "Go to …" to a field inside a collapsed metric, and focuses it (${words.language})`, async ({ appPage }) => {
    // The enterprise preset is the largest draft: twice the default budget, for a machine busy with other work.
    test.setTimeout(120_000);
    const home = new HomePage(appPage);
    const wizard = new WizardPage(appPage);
    await home.createFromPreset('enterprise');
    if (words.language === '中文') await wizard.switchLanguage('中文');
    await wizard.expectStep(1, words.stepServices);

    // The custom metric loses its name; then its metric and its service are collapsed to their headings.
    const field = appPage.locator(FIELD_ID);
    // "Go to" puts the focus in the field's first box.
    const firstBox = appPage.locator(ENGLISH_BOX);
    await clearName(appPage);
    const service = appPage.locator('.service-card').filter({ has: appPage.getByRole('heading', { name: words.service3 }) });
    await service.getByRole('button', { name: words.collapseMetric2 }).click();
    await service.getByRole('button', { name: words.collapseService3 }).click();
    await expect(field).toHaveCount(0);
    await expect(service).toContainText(words.oneProblem);
    await wizard.expectSaved();

    // From another step, the export dialog names the problem as the wizard does, and leads to the field.
    await wizard.step(5).click();
    await wizard.expectStep(5, words.stepCompensation);
    const exportDialog = new ContractExportDialog(appPage);
    await exportDialog.open();
    const listed = exportDialog.dialog.getByRole('list', { name: /^(Problems|问题)$/ }).getByRole('listitem');
    await expect(listed).toHaveCount(1);
    await expect(listed).toContainText(words.problem);
    await expect(listed).not.toContainText('services[2]');
    await listed.getByRole('button', { name: words.goToServices }).click();
    await expect(exportDialog.dialog).toBeHidden();
    await wizard.expectStep(1, words.stepServices);
    await expect(firstBox).toBeFocused();
    await expect(firstBox).toBeInViewport();
    await expect(service.getByRole('button', { name: words.collapseMetric2 })).toHaveAttribute('aria-expanded', 'true');

    // The step opens with its problems; an entry leads to the field too, expanding the metric collapsed again.
    await service.getByRole('button', { name: words.collapseMetric2 }).click();
    await expect(field).toHaveCount(0);
    await appPage.evaluate(() => window.scrollTo({ top: 0 }));
    const stepProblems = appPage.locator('.step-problems').getByRole('list', { name: /^(Problems|问题)$/ });
    await stepProblems.getByRole('button', { name: words.problem }).click();
    await expect(firstBox).toBeFocused();
    await expect(firstBox).toBeInViewport();
    await expect(service.getByRole('button', { name: words.expandMetric2 })).toHaveCount(0);
  });
}

test('after a refused "Save version", the focus is on the first problem, which leads to its field', async ({ appPage }) => {
  test.setTimeout(120_000);
  const wizard = new WizardPage(appPage);
  await new HomePage(appPage).createFromPreset('enterprise');
  const field = appPage.locator(ENGLISH_BOX);
  await clearName(appPage);
  await wizard.expectSaved();
  await wizard.step(3).click();

  await appPage.getByRole('button', { name: 'Save version', exact: true }).click();
  const { dialog, author } = new RoundDialog(appPage);
  await author.fill('Li Wei');
  await dialog.getByRole('button', { name: 'Save version', exact: true }).click();
  const problems = dialog.getByRole('list', { name: 'Problems' }).getByRole('listitem');
  await expect(problems).toHaveText(['Service 3 “Data Export API” › Metric 2 › Name in the contract: A custom metric needs a name. Go to Services']);
  const goTo = problems.getByRole('button', { name: 'Go to Services' });
  await expect(goTo).toBeFocused();

  await appPage.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await wizard.expectStep(1, 'Services');
  await expect(field).toBeFocused();
  await expect(field).toBeInViewport();
});
