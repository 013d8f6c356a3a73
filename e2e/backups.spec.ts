/**
 * Backups as a user meets them, from the draft list: make one, see it listed
 * with its time and size, then restore it after a confirmation — and find
 * the drafts as they were when it was taken.
 */
import { expect, test } from './fixtures';
import { HomePage } from './page-models/HomePage';

test.describe('backups', () => {
  test('backs up now, lists the backup, and restores it after a confirmation', async ({ appPage, harness }) => {
    const home = new HomePage(appPage);
    await home.expectShown();
    await home.createFromPreset('standard-saas', 'Acme CRM before the backup');
    await appPage.goto(`${harness.url}#/`);
    await expect(home.draftLink('Acme CRM before the backup')).toBeVisible();

    await appPage.getByRole('button', { name: 'Backups' }).click();
    const dialog = appPage.getByRole('dialog', { name: 'Backups' });
    await expect(dialog.getByText('There are no backups yet.', { exact: false })).toBeVisible();
    await expect(dialog.getByText(/^Backups are kept in .*backups$/)).toBeVisible();

    await dialog.getByRole('button', { name: 'Back up now' }).click();
    await expect(appPage.getByText(/^Backup made \(\d+(\.\d)? (KB|MB)\)\.$/)).toBeVisible();
    const rows = dialog.getByRole('row').filter({ hasText: 'Made by you' });
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(/\d+(\.\d)? KB/);
    await dialog.getByRole('button', { name: 'Close' }).last().click();
    await expect(dialog).toBeHidden();

    await home.createFromPreset('standard-saas', 'Globex after the backup');
    await appPage.goto(`${harness.url}#/`);
    await expect(home.draftLink('Globex after the backup')).toBeVisible();

    await appPage.getByRole('button', { name: 'Backups' }).click();
    await dialog.getByRole('button', { name: /^Restore the backup of / }).click();
    const confirm = appPage.getByRole('dialog', { name: /^Restore the backup of .+\?$/ });
    await expect(confirm).toContainText('Nothing is deleted');
    await confirm.getByRole('button', { name: 'Restore' }).click();
    await expect(confirm).toBeHidden();
    // The outcome stays in the dialog, with the replaced database's path to copy.
    const outcome = dialog.getByRole('alert');
    await expect(outcome).toContainText(/^The backup of .+ has been restored\./);
    await expect(outcome).toContainText(/The database it replaced is kept, renamed, at .+before-restore-\d{8}T\d{6}Z$/);
    await expect(outcome.getByRole('button', { name: 'Copy the path' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).last().click();

    await expect(home.draftLink('Acme CRM before the backup')).toBeVisible();
    await expect(home.draftLink('Globex after the backup')).toHaveCount(0);
  });
});
