/**
 * Monthly reports and the calculator as a user meets them, in Chromium
 * through the dev:web harness (real services, a fresh database per test):
 * import a month of incidents for the enterprise preset, read the month's
 * attainment, downtime and credit, export it as a .docx for the customer,
 * see a malformed file refused line by line, and work out a downtime budget
 * and a credit.
 */
import { readFile } from 'node:fs/promises';
import { openPackage, paragraphsOf } from '../src-main/docx/test-package';
import { expect, test } from './fixtures';
import { HomePage } from './page-models/HomePage';
import { CalculatorPage, ReportsPage } from './page-models/ReportsPage';
import { WizardPage } from './page-models/WizardPage';

/**
 * The enterprise preset: Core API availability 99.95 % 24×7; credits below
 * 99.95 % → 10 %, below 99.9 % → 15 %, below 99.5 % → 25 %, below 99 % → 30 %
 * of USD 85,000 a month, capped at 30 %; claims within 60 days; excluded time
 * leaves the measured period.
 *
 * November 2027 in UTC: 30 days = 43,200 minutes.
 * - 3 Nov 10:00–11:00 and 10:30–11:30 overlap: together 10:00–11:30 = 90 minutes down
 *   (60 for the first incident, 30 more for the second).
 * - 7 Nov 07:00–09:00 is scheduled maintenance (excluded): 120 minutes leave the
 *   measured period, 43,200 − 120 = 43,080 minutes.
 * Attainment = (43,080 − 90) ÷ 43,080 = 99.791086 %, shown as 99.7911 %.
 * That is below 99.95 and below 99.9 but not below 99.5: the 15 % tier,
 * 15 % × USD 85,000 = USD 12,750.00 — under the 30 % cap, so the month's credit too.
 * Allowed downtime: 0.05 % of 43,080 = 21.54 minutes.
 * Claim deadline: 30 November + 60 days = 29 January 2028.
 * Web Console and Data Export list no incident: 100 %, met, no credit.
 */
const NOVEMBER = [
  'service,start,end,severity,excluded,reason',
  'core-api,2027-11-03T10:00:00Z,2027-11-03T11:00:00Z,P1,no,Gateway outage',
  'Core API,2027-11-03T10:30:00Z,2027-11-03T11:30:00Z,P2,no,"Slow recovery, retries"',
  'core-api,2027-11-07T07:00:00Z,2027-11-07T09:00:00Z,,yes,Scheduled maintenance',
  '',
].join('\n');

/** Line 3: an end that is no time; line 4: a service the draft does not have. */
const BROKEN = [
  'service,start,end',
  'core-api,2027-11-03T10:00:00Z,2027-11-03T11:00:00Z',
  'core-api,2027-11-04T10:00:00Z,later',
  'billing,2027-11-05T10:00:00Z,2027-11-05T11:00:00Z',
  '',
].join('\n');

const CORE = 'Core API Availability';
/** The same metric as the Chinese screen names it (the preset's Chinese text). */
const CORE_ZH = '核心接口可用性';

test.describe('monthly reports', () => {
  test('imports a month of incidents and shows the attainment, downtime and credit', async ({ appPage }) => {
    const reports = new ReportsPage(appPage);
    await new HomePage(appPage).createFromPreset('enterprise');
    await new WizardPage(appPage).expectStep(1, 'Services');
    await reports.openFromWizard();
    await expect(reports.importsTable).toContainText('No monitoring data yet');

    await reports.importCsv('november.csv', NOVEMBER);
    await expect(reports.importOutcome().locator('.ant-alert-title')).toHaveText('november.csv imported: 3 rows.');
    // The months the file covers: those its rows span, until the user says otherwise.
    await expect(reports.importOutcome()).toContainText('november.csv covers November 2027: the months its rows span.');
    await expect(reports.importsTable.locator('tr.ant-table-row')).toHaveCount(1);
    await expect(reports.importsTable).toContainText('Incidents');

    // The last month with data is shown at once.
    await expect(reports.reportHeading).toHaveText('Report for November 2027');
    await expect(reports.cell(CORE, 'attainment')).toHaveText('99.7911\u00a0%');
    await expect(reports.cell(CORE, 'result')).toHaveText('Missed');
    await expect(reports.cell(CORE, 'downtime')).toHaveText('90 min');
    await expect(reports.cell(CORE, 'allowed')).toHaveText('21.54 min');
    await expect(reports.cell(CORE, 'incidents')).toHaveText('3 incidents');
    // The tier in the contract's words.
    await expect(reports.cell(CORE, 'tier')).toHaveText('less than 99.9\u00a0%');
    await expect(reports.cell(CORE, 'creditPercent')).toHaveText('15\u00a0%');
    await expect(reports.cell(CORE, 'amount')).toHaveText('USD 12,750.00');
    await expect(reports.cell('Web Console Availability', 'attainment')).toHaveText('100\u00a0%');
    await expect(reports.cell('Web Console Availability', 'result')).toHaveText('Met');
    await expect(reports.cell('Core API Server Error Rate', 'attainment')).toHaveText('Not measured from monitoring data');
    // Support metrics show their targets from the severity table.
    await expect(reports.cell('Initial Response Time', 'objective')).toHaveText(
      "At least 95 % of each level's incidents in the month: P1: 15 minutes (24×7); P2: 1 hour (24×7); P3: 4 hours (Business hours); P4: 12 hours (Business hours)",
    );
    // The chronic-failure count: Core API missed in November only.
    await expect(appPage.locator('.chronic-table tr.ant-table-row').filter({ hasText: CORE }).locator('[data-column="consecutive"]')).toHaveText(
      '1 of 2 consecutive months missed',
    );

    await expect(reports.summaryField('creditAmount')).toHaveText('USD 12,750.00');
    await expect(reports.summaryField('creditPercent')).toHaveText('(15\u00a0% of the monthly fee of USD 85,000.00)');
    await expect(reports.summaryField('cap')).toHaveText('30\u00a0%');
    await expect(reports.summaryField('claimDeadline')).toHaveText('29 January 2028');

    // The incidents behind the downtime: the overlap counts once, the maintenance not at all.
    const incidents = await reports.expandIncidents(CORE);
    const rows = incidents.locator('tr.ant-table-row');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toContainText('3 November 2027 10:00');
    await expect(rows.nth(1).locator('td').nth(4)).toHaveText('30 min');
    await expect(rows.nth(2)).toContainText('Scheduled maintenance');
    await expect(rows.nth(2).locator('td').nth(4)).toHaveText('0 min');

    // One chart per measured metric, described in words for a screen reader.
    await expect(appPage.getByRole('img', { name: /^Core API Availability \(Core API\): attainment per month against the target/ })).toBeVisible();

    // In Chinese, the same numbers in the Chinese forms.
    await new WizardPage(appPage).switchLanguage('中文');
    await expect(reports.reportHeading).toHaveText('2027年11月报告');
    await expect(reports.cell(CORE_ZH, 'attainment')).toHaveText('99.7911%');
    await expect(reports.cell(CORE_ZH, 'amount')).toHaveText('12,750.00 美元');
    await expect(reports.summaryField('claimDeadline')).toHaveText('2028年1月29日');
  });

  test('exports the month’s report as a bilingual .docx with the same numbers, and says where it was saved', async ({ appPage }) => {
    const reports = new ReportsPage(appPage);
    await new HomePage(appPage).createFromPreset('enterprise');
    await new WizardPage(appPage).expectStep(1, 'Services');
    await reports.openFromWizard();
    await reports.importCsv('november.csv', NOVEMBER);
    await expect(reports.cell(CORE, 'amount')).toHaveText('USD 12,750.00');

    const dialog = await reports.openExportDialog();
    await expect(dialog).toContainText('Export the report for November 2027 as a Word document (.docx)');
    await dialog.getByRole('radio', { name: 'English and Chinese' }).check();
    // The harness answers the save dialog and offers the file as a download.
    const download = appPage.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const file = await download;
    const fileName = 'Meridian Claims Data Platform Enterprise Service Level Agreement - Service Level Report 2027-11 (EN-ZH).docx';
    expect(file.suggestedFilename()).toBe(fileName);
    await expect(dialog.getByRole('status')).toContainText(`Saved to `);
    await expect(dialog.getByRole('status')).toContainText(fileName);

    // The file says what the screen says, in both languages.
    const document = await (await openPackage(await readFile((await file.path())!))).xml('word/document.xml');
    const text = paragraphsOf(document)
      .map((paragraph) => paragraph.text)
      .join('\n');
    for (const figure of [
      'Service Level Report — November 2027',
      '服务水平报告 — 2027年11月',
      '99.7911\u00a0%',
      '99.7911%',
      'USD 12,750.00',
      '12,750.00 美元',
      '29 January 2028',
      '2028年1月29日',
    ]) {
      expect(text).toContain(figure);
    }
    expect(text).not.toContain('{{');
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();

    // The action in Chinese.
    await new WizardPage(appPage).switchLanguage('中文');
    await expect(appPage.getByRole('button', { name: '导出报告（.docx）' })).toBeVisible();
  });

  test('refuses a malformed file with every problem by line and column, storing nothing', async ({ appPage }) => {
    const reports = new ReportsPage(appPage);
    await new HomePage(appPage).createFromPreset('enterprise');
    await new WizardPage(appPage).expectStep(1, 'Services');
    await reports.openFromWizard();

    await reports.importCsv('broken.csv', BROKEN);
    const outcome = reports.importOutcome();
    await expect(outcome).toContainText('broken.csv was not imported');
    await expect(outcome).toContainText('The file has 2 problems. Nothing was imported');
    await expect(outcome.getByRole('listitem')).toHaveText([
      'Line 3, column end: "later" is not an ISO 8601 time with an offset, such as 2026-10-05T14:30:00Z.',
      'Line 4, column service: no service of this SLA has the id or name "billing".',
    ]);
    await expect(reports.importsTable).toContainText('No monitoring data yet');
    await expect(reports.reportHeading).toHaveText('Monthly report');

    // A correct file afterwards imports; deleting it takes its data out of the report again.
    await reports.importCsv('november.csv', NOVEMBER);
    await expect(reports.cell(CORE, 'downtime')).toHaveText('90 min');
    await reports.importsTable.getByRole('button', { name: 'Delete the import november.csv' }).click();
    await appPage.getByRole('tooltip').getByRole('button', { name: 'Delete' }).click();
    await expect(reports.importsTable).toContainText('No monitoring data yet');
    await expect(reports.reportHeading).toHaveText('Monthly report');
  });
});

test.describe('months without data', () => {
  test('reports a month no import covers as no data, until the import is said to cover it', async ({ appPage }) => {
    const reports = new ReportsPage(appPage);
    await new HomePage(appPage).createFromPreset('enterprise');
    await new WizardPage(appPage).expectStep(1, 'Services');
    await reports.openFromWizard();
    await reports.importCsv('november.csv', NOVEMBER);
    await expect(reports.reportHeading).toHaveText('Report for November 2027');

    // The chart says October has no data rather than drawing it as met.
    await expect(appPage.getByRole('img', { name: /^Core API Availability \(Core API\).*October 2027: No data; November 2027: 99\.7911/ })).toBeVisible();

    // The picker offers the months of the term (the preset runs from January 2027 for 36 months).
    await reports.chooseMonth('October 2027');
    await expect(reports.reportHeading).toHaveText('Report for October 2027');
    await expect(appPage.getByTestId('report-month-status')).toHaveText(
      'No imported monitoring data covers October 2027 (the data covers November 2027): no attainment, result or service credit is stated for it.',
    );
    await expect(reports.cell(CORE, 'attainment')).toHaveText('No data');
    await expect(reports.cell(CORE, 'result')).toHaveText('—');
    await expect(appPage.getByRole('button', { name: 'Export report (.docx)' })).toBeDisabled();

    // The file covers October too (no incident then): say so in its month-range field.
    const period = reports.importsTable.getByRole('textbox', { name: 'Months november.csv covers' });
    await period.first().click();
    await period.first().fill('2027-10');
    await period.first().press('Enter');
    await period.nth(1).fill('2027-11');
    await period.nth(1).press('Enter');
    await expect(appPage.getByText('november.csv now covers October 2027 – November 2027.')).toBeVisible();
    await expect(reports.cell(CORE, 'attainment')).toHaveText('100\u00a0%');
    await expect(reports.cell(CORE, 'result')).toHaveText('Met');
    await expect(appPage.getByTestId('report-month-status')).toHaveCount(0);
  });
});

test.describe('the calculator', () => {
  test('shows the downtime budget round the clock and in business hours, and the credit for a measured value', async ({ appPage }) => {
    const calculator = new CalculatorPage(appPage);
    await appPage.getByRole('link', { name: 'Downtime calculator' }).click();
    await expect(calculator.heading).toHaveText('Downtime and credit calculator');

    await calculator.target.fill('99.9');
    // 0.1 % of a day = 86.4 s; of the average month (2,629,746 s) = 2,629.746 s ≈ 43 min 50 s;
    // of the mean year (31,556,952 s) ≈ 8 h 45 min 57 s.
    await expect(calculator.allowed('Day')).toHaveText('1 min 26 s');
    await expect(calculator.allowed('Average month')).toHaveText('43 min 50 s');
    await expect(calculator.allowed('Year')).toHaveText('8 h 45 min 57 s');

    await calculator.target.fill('99.95');
    // 0.05 % of 30 days (2,592,000 s) = 1,296 s = 21 min 36 s.
    await expect(calculator.allowed('Month of 30 days')).toHaveText('21 min 36 s');

    // Business hours Mon–Fri 09:00–17:00: 40 hours a week; 0.05 % of 144,000 s = 72 s.
    await calculator.chooseCoverage('Business hours');
    await expect(calculator.allowed('Week')).toHaveText('1 min 12 s');
    await appPage.getByLabel('Closes at (HH:MM)').fill('21:00');
    // 60 hours a week: 0.05 % of 216,000 s = 108 s.
    await expect(calculator.allowed('Week')).toHaveText('1 min 48 s');
    await appPage.getByLabel('Closes at (HH:MM)').fill('08:00');
    await expect(appPage.getByText('The closing time must be after the opening time.')).toBeVisible();
    await expect(calculator.budgetTable).toHaveCount(0);

    // The default tiers: below 99.9 % → 10 %, below 99 % → 25 %, below 95 % → 100 %, cap 50 %.
    const check = appPage.getByRole('spinbutton', { name: 'Measured availability' });
    await check.fill('99.5');
    await expect(appPage.getByTestId('check-result')).toHaveText('At 99.5\u00a0% the credit is 10\u00a0% of the monthly fee.');
    await check.fill('90');
    // Below 95 % reaches the 100 % tier; the cap limits it to 50 %.
    await expect(appPage.getByTestId('check-result')).toHaveText('At 90\u00a0% the credit is 50\u00a0% of the monthly fee.');
    await appPage.getByLabel('Credit, tier 3').fill('40');
    await expect(appPage.getByTestId('check-result')).toHaveText('At 90\u00a0% the credit is 40\u00a0% of the monthly fee.');
    await expect(appPage.getByRole('img', { name: /^Credit owed against measured availability/ })).toBeVisible();
  });

  test('is reached from the Targets step of a draft', async ({ appPage }) => {
    const wizard = new WizardPage(appPage);
    await new HomePage(appPage).createFromPreset('enterprise');
    await wizard.step(3).click();
    await wizard.expectStep(3, 'Targets');
    await appPage.getByRole('link', { name: 'Open the downtime and credit calculator' }).click();
    await expect(new CalculatorPage(appPage).heading).toHaveText('Downtime and credit calculator');
  });
});
