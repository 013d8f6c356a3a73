/**
 * Operating antd controls the way a keyboard user does. An antd Select
 * shows its options in an animated popup; a mouse click can land while the
 * popup is still settling (it measures its rows after opening), so the tests
 * choose options with the arrow keys and Enter, which also proves the
 * control works without a mouse.
 */
import { expect, type Locator, type Page } from '@playwright/test';

const MAX_OPTIONS = 50;

export async function chooseOption(page: Page, select: Locator, optionLabel: string): Promise<void> {
  await select.focus();
  await select.press('ArrowDown');
  const popup = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  const active = popup.locator('.ant-select-item-option-active');
  await expect(active).toHaveCount(1);
  for (let presses = 0; presses < MAX_OPTIONS; presses++) {
    if ((await active.getAttribute('title')) === optionLabel) {
      await select.press('Enter');
      await expect(popup).toHaveCount(0);
      return;
    }
    await select.press('ArrowDown');
  }
  throw new Error(`The select has no option "${optionLabel}"`);
}
