/**
 * The wizard of one draft. Step buttons are found by their accessible name
 * ("Step 3 of 6: Targets — Complete"), fields by their label, table cells by
 * the label that names column and row ("Target, target 1").
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { chooseOption } from './antd';

export class WizardPage {
  readonly stepHeading: Locator;
  readonly saveStatus: Locator;
  readonly stepNav: Locator;
  readonly nextButton: Locator;
  readonly backButton: Locator;
  readonly languageSelect: Locator;

  constructor(readonly page: Page) {
    this.stepHeading = page.getByRole('heading', { level: 2 });
    this.saveStatus = page.getByRole('status', { name: /^(Save status|保存状态)$/ });
    this.stepNav = page.getByRole('navigation', { name: /Wizard steps|向导步骤/ });
    this.nextButton = page.getByRole('button', { name: /^(Next|下一步)/ });
    this.backButton = page.getByRole('button', { name: /^(Back|上一步)/ });
    this.languageSelect = page.getByLabel(/^(Language|语言)$/);
  }

  /** The step button; its accessible name carries the step's state. */
  step(n: number): Locator {
    return this.stepNav.getByRole('button', { name: new RegExp(`^(Step ${n} of 6|第 ${n} 步)`) });
  }

  /**
   * A control by its label. A required field's label ends in a decorative
   * asterisk that is hidden from assistive technology (aria-required says it),
   * so the label text may carry it.
   */
  field(label: string): Locator {
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.page.getByLabel(new RegExp(`^${escaped}\\*?$`));
  }

  async expectStep(n: number, name: string): Promise<void> {
    await expect(this.stepHeading).toHaveText(new RegExp(`(Step ${n} of 6: ${name}|第 ${n} 步（共 6 步）：${name})$`));
  }

  /** Waits until the autosave status says everything typed so far is stored. */
  async expectSaved(): Promise<void> {
    await expect(this.saveStatus).toHaveAttribute('data-status', 'saved');
  }

  async switchLanguage(name: 'English' | '中文'): Promise<void> {
    await chooseOption(this.page, this.languageSelect, name);
  }
}
