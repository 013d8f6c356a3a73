/**
 * The Reports screen of a draft and the calculator: selectors in one place.
 * A report row is found by its metric's name, a number in it by the
 * column it is in (each cell carries data-column).
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { chooseOption } from './antd';

export class ReportsPage {
  readonly heading: Locator;
  readonly importButton: Locator;
  readonly fileInput: Locator;
  readonly reportHeading: Locator;
  readonly monthSelect: Locator;
  readonly summary: Locator;
  readonly importsTable: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.importButton = page.getByRole('button', { name: /Import CSV|导入 CSV/ });
    this.fileInput = page.getByLabel(/Monitoring CSV file to import|要导入的监控 CSV 文件/);
    this.reportHeading = page.locator('#monthly-report-heading');
    this.monthSelect = page.getByLabel(/^(Month|月份)$/);
    this.summary = page.getByTestId('report-summary');
    this.importsTable = page.locator('.imports-table');
  }

  /** From the wizard of a draft: the Reports button in its header. */
  async openFromWizard(): Promise<void> {
    await this.page.getByRole('link', { name: /^(Reports|报告)$/ }).click();
    await expect(this.heading).toHaveText(/Monthly reports|月度报告/);
  }

  /** What choosing a file behind "Import CSV…" does. */
  async importCsv(name: string, text: string): Promise<void> {
    await this.fileInput.setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  }

  /** The status line an import ends with (success, problems, cancelled). */
  importOutcome(): Locator {
    return this.page.locator('.import-status .ant-alert');
  }

  async chooseMonth(label: string): Promise<void> {
    await chooseOption(this.page, this.monthSelect, label);
  }

  /** The table row of one metric in the month's report. */
  metricRow(metricName: string): Locator {
    const exact = new RegExp(`^${metricName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    return this.page.locator('.report-table tr.ant-table-row').filter({ has: this.page.locator('[data-column="metric"]', { hasText: exact }) });
  }

  cell(metricName: string, column: string): Locator {
    return this.metricRow(metricName).locator(`[data-column="${column}"]`);
  }

  summaryField(field: 'creditAmount' | 'creditPercent' | 'cap' | 'claimDeadline'): Locator {
    return this.summary.locator(`[data-field="${field}"]`);
  }

  /** The month's report as Word: the export dialog, opened from the report's heading. */
  exportDialog(): Locator {
    return this.page.getByRole('dialog', { name: /Export the report for|导出为 Word 文档/ });
  }

  async openExportDialog(): Promise<Locator> {
    await this.page.getByRole('button', { name: /Export report \(\.docx\)|导出报告（\.docx）/ }).click();
    const dialog = this.exportDialog();
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Shows the incidents behind a metric (the row's expand button, as a keyboard user would press it). */
  async expandIncidents(metricName: string): Promise<Locator> {
    const expand = this.metricRow(metricName).getByRole('button', { name: /Expand row|展开行/ });
    await expand.focus();
    await expand.press('Enter');
    const incidents = this.page.locator('.report-incidents').filter({ hasText: metricName });
    await expect(incidents).toBeVisible();
    return incidents;
  }
}

export class CalculatorPage {
  readonly heading: Locator;
  readonly target: Locator;
  readonly budgetTable: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.target = page.getByLabel(/^(Availability target|可用性目标)$/);
    this.budgetTable = page.locator('.budget-table');
  }

  /** The allowed downtime in the row of a period ("Average month"). */
  allowed(period: string): Locator {
    const exact = new RegExp(`^${period.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    return this.budgetTable
      .locator('tr.ant-table-row')
      .filter({ has: this.page.locator('[data-column="period"]', { hasText: exact }) })
      .locator('[data-column="allowed"]');
  }

  async chooseCoverage(name: string): Promise<void> {
    const radio = this.page.getByRole('radio', { name, exact: true });
    await this.page.locator('label', { has: radio }).click();
    await expect(radio).toBeChecked();
  }
}
