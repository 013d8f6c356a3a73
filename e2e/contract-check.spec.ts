/**
 * The contract check as a user meets it, in Chromium through the dev:web
 * harness: a preset passes; a claim period typed into the claim process
 * that contradicts the claim window shows as a problem in the wizard's
 * panel and in the export dialog, with a button that goes to its step.
 */
import { expect, test } from './fixtures';
import { HomePage } from './page-models/HomePage';
import { WizardPage } from './page-models/WizardPage';

test.describe('the contract check', () => {
  test('lists a typed claim period that contradicts the claim window, and goes to its step', async ({ appPage }) => {
    // The enterprise preset is the largest draft: twice the default budget, for a machine busy with other work.
    test.setTimeout(120_000);
    const home = new HomePage(appPage);
    const wizard = new WizardPage(appPage);
    await home.createFromPreset('enterprise', 'Contract check story');
    await wizard.expectStep(1, 'Services');
    const panel = appPage.getByRole('button', { name: /^Contract check — problems: \d+, warnings: \d+$/ });
    // Nothing to fix: the wizard shows no panel, and the step's form follows its heading.
    await expect(panel).toHaveCount(0);

    await wizard.step(5).click();
    await wizard.expectStep(5, 'Compensation');
    // The preset is bilingual: the English text of the claim process is typed over.
    await wizard.field('Claim process (English)').fill('Claims are made through the support portal within 45 days after the end of the month.');
    await expect(panel).toHaveText('Contract check — problems: 1, warnings: 0');
    await panel.click();
    const findings = appPage.getByRole('list', { name: 'Contract check' });
    await expect(findings).toContainText('The text says “45 days”, but the claim window is 60 days: the contract would state both.');

    await wizard.step(1).click();
    await wizard.expectStep(1, 'Services');
    await findings.getByRole('button', { name: 'Go to Compensation' }).click();
    await wizard.expectStep(5, 'Compensation');

    // The export dialog lists it above its button; it does not stop a draft for discussion going out.
    await appPage.getByRole('button', { name: 'Export contract', exact: true }).click();
    const dialog = appPage.getByRole('dialog');
    await expect(dialog.getByRole('list', { name: 'Contract check' })).toContainText('The text says “45 days”');
  });
});
