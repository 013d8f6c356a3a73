/**
 * The live contract preview beside the wizard and the contract export
 * dialog: selectors for what a user sees there, in one place.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class ContractPreviewPanel {
  readonly region: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: /^(Contract preview|合同预览)$/ });
  }

  /** A clause (top level or nested) by its stable id. */
  clause(id: string): Locator {
    return this.region.locator(`[data-clause-id="${id}"]`);
  }

  /** The values the contract takes from one draft field, by its path ("compensation.claimWindowDays"). */
  values(path: string): Locator {
    return this.region.locator(`[data-path="${path}"]`);
  }

  async chooseLanguage(label: 'English' | '中文' | 'Bilingual' | '双语'): Promise<void> {
    const option = this.page.getByRole('radio', { name: label, exact: true });
    // antd's Segmented draws its own label over the radio input; a user clicks the label.
    await this.region.locator('label', { has: option }).click();
    await expect(this.region.getByRole('radio', { name: label, exact: true })).toBeChecked();
  }

  /** The time (ms) the last update took to assemble and to render, as the preview recorded it. */
  async lastUpdateTimings(): Promise<{ assemblyMs: number; renderMs: number }> {
    const [assembly, render] = await Promise.all([this.region.getAttribute('data-assembly-ms'), this.region.getAttribute('data-render-ms')]);
    return { assemblyMs: Number(assembly), renderMs: Number(render) };
  }
}

export class ContractExportDialog {
  readonly dialog: Locator;
  readonly exportButton: Locator;
  readonly showInFolderButton: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: /Export the contract|导出为 Word/ });
    this.exportButton = this.dialog.getByRole('button', { name: /^(Export|导出)$/ });
    this.showInFolderButton = this.dialog.getByRole('button', { name: /^(Show in folder|在文件夹中显示)$/ }).first();
  }

  /** Opens it with the wizard's "Export contract" button. */
  async open(): Promise<void> {
    await this.page.getByRole('button', { name: /^(Export contract|导出合同)$/ }).click();
    await expect(this.dialog).toBeVisible();
  }

  async chooseLanguage(label: string): Promise<void> {
    await this.dialog.getByRole('radio', { name: label, exact: true }).check();
  }

  /** "What travels inside the file": the contract only, or the internal copy. */
  async chooseContents(label: string): Promise<void> {
    await this.dialog.getByRole('radio', { name: label, exact: true }).check();
  }

  /** "What to export": the option whose label starts with `prefix` ("v1 — Customer counter-proposal"), chosen with the keyboard. */
  async chooseSource(prefix: string): Promise<void> {
    const select = this.dialog.getByLabel(/^(What to export|导出内容)$/);
    await select.focus();
    await select.press('ArrowDown');
    const active = this.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active');
    await expect(active).toHaveCount(1);
    for (let presses = 0; presses < 20; presses++) {
      if ((await active.getAttribute('title'))?.startsWith(prefix)) {
        await select.press('Enter');
        return;
      }
      await select.press('ArrowDown');
    }
    throw new Error(`No export source starts with "${prefix}"`);
  }

  savedMessage(): Locator {
    return this.dialog.getByText(/^(Saved to|已保存到) /);
  }
}
