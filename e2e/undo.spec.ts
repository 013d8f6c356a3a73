/**
 * Undo and redo in the wizard, as a Word user expects them: Ctrl+Z takes
 * back the last edit — across steps, showing the step and field where it
 * happened —, the preview follows, Ctrl+Y (or the Redo button) puts it
 * back, and what is undone is what the autosave keeps.
 */
import { expect, test } from './fixtures';
import { ContractPreviewPanel } from './page-models/ContractPreview';
import { HomePage } from './page-models/HomePage';
import { WizardPage } from './page-models/WizardPage';

test.describe('undo in the wizard', () => {
  test('takes back edits across steps with Ctrl+Z, redoes them, and saves what is undone', async ({ appPage }) => {
    const wizard = new WizardPage(appPage);
    const preview = new ContractPreviewPanel(appPage);
    await new HomePage(appPage).createFromPreset('enterprise');
    const undo = appPage.getByRole('button', { name: 'Undo', exact: true });
    const redo = appPage.getByRole('button', { name: 'Redo', exact: true });
    await expect(undo).toBeDisabled();

    // The preset is bilingual: the title's English box.
    const title = wizard.field('Agreement title (English)');
    const original = await title.inputValue();
    await title.fill('Crestmoor renewal 2027');
    await wizard.step(3).click();
    const target = wizard.field('Target, target 1');
    await target.fill('99.99');
    await expect(preview.region.getByText(/99\.99\s%/).first()).toBeVisible();

    // The last edit first: the target, on this step, the preview back at 99.95 %.
    await appPage.keyboard.press('Control+z');
    await expect(target).toHaveValue('99.95');
    await expect(target).toBeFocused();
    await expect(preview.region.getByText(/99\.99\s%/)).toHaveCount(0);
    // Then the title, on the first step, with the focus in it.
    await appPage.keyboard.press('Control+z');
    await wizard.expectStep(1, 'Services');
    await expect(title).toHaveValue(original);
    await expect(title).toBeFocused();
    await expect(undo).toBeDisabled();

    await appPage.keyboard.press('Control+y');
    await expect(title).toHaveValue('Crestmoor renewal 2027');
    await redo.click();
    await wizard.expectStep(3, 'Targets');
    await expect(target).toHaveValue('99.99');
    await expect(redo).toBeDisabled();

    // Undo once more and reload: the autosave kept the undone state.
    await undo.click();
    await expect(target).toHaveValue('99.95');
    await wizard.expectSaved();
    await appPage.reload();
    await wizard.expectStep(3, 'Targets');
    await expect(wizard.field('Target, target 1')).toHaveValue('99.95');
    await wizard.step(1).click();
    await expect(wizard.field('Agreement title (English)')).toHaveValue('Crestmoor renewal 2027');
  });

  test('is labelled in Chinese and undoes there the same way', async ({ appPage }) => {
    const wizard = new WizardPage(appPage);
    await new HomePage(appPage).createFromPreset('enterprise');
    await wizard.switchLanguage('中文');
    const title = wizard.field('协议标题（中文）');
    const original = await title.inputValue();
    await title.fill('克雷斯特穆尔 SLA');
    await appPage.getByRole('button', { name: '撤销', exact: true }).click();
    await expect(title).toHaveValue(original);
    await expect(appPage.getByRole('button', { name: '重做', exact: true })).toBeEnabled();
  });
});
