/** The draft list: selectors for what the home screen shows, in one place. */
import { expect, type Locator, type Page } from '@playwright/test';

export class HomePage {
  readonly heading: Locator;
  readonly newDraftButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.newDraftButton = page.getByRole('button', { name: /New draft|新建草案/ }).first();
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toHaveText(/Drafts|草案/);
  }

  /** New draft → choose the preset by its id → Create; resolves once the wizard shows step 1. */
  async createFromPreset(presetId: string, title?: string): Promise<void> {
    await this.newDraftButton.click();
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    // The dialog zooms in: choose once it stands still, or on a busy machine the click lands where a radio was a frame before.
    await expect(this.page.locator('.ant-modal.ant-zoom-appear, .ant-modal.ant-zoom-enter')).toHaveCount(0);
    const preset = dialog.locator(`input[type="radio"][value="${presetId}"]`);
    await preset.check();
    await expect(preset).toBeChecked();
    if (title !== undefined) await dialog.getByLabel(/Title|标题/).fill(title);
    await dialog.getByRole('button', { name: /Create draft|创建草案/ }).click();
    await expect(dialog).toBeHidden();
  }

  draftLink(title: string): Locator {
    return this.page.getByRole('link', { name: title, exact: true });
  }

  /** The titles in the list, in the order shown. */
  titles(): Locator {
    return this.page.locator('.draft-title-link, .ant-table-row td:first-child');
  }

  row(title: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByText(title, { exact: true }) });
  }

  async search(query: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: /Search drafts|搜索草案/ }).fill(query);
  }

  async showView(view: 'Active' | 'Trash'): Promise<void> {
    // antd draws its own button over the (transparent) radio input; a user clicks the button.
    const radio = this.page.getByRole('radio', { name: view, exact: true });
    await this.page.locator('label', { has: radio }).click();
    await expect(radio).toBeChecked();
  }

  /** What Import → choosing a file does: the file input is the one behind the Import button. */
  async importFile(name: string, text: string): Promise<void> {
    await this.page.getByLabel(/SLA file to import|要导入的 SLA 文件/).setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
  }
}
