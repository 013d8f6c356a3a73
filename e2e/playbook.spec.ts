/**
 * The playbook as a negotiator meets it: a position beyond a limit shows
 * beside its field (not as an error), in the step's summary and against
 * the market; and a round with a position that needs an approval is only
 * marked agreed once someone's approval is recorded with it.
 */
import { expect, test } from './fixtures';
import { WizardPage } from './page-models/WizardPage';

/** A draft from the enterprise preset (termination after 2 missed months: beyond the 3-month floor), saved as our proposal. */
async function enterpriseRound(page: import('@playwright/test').Page): Promise<{ draftId: string; versionId: string }> {
  return page.evaluate(async () => {
    const sla = window.sla!;
    const draft = await sla.invoke['drafts.create']({ presetId: 'enterprise', title: 'Crestmoor playbook' });
    if (!draft.ok) throw new Error(JSON.stringify(draft.error));
    const version = await sla.invoke['versions.save']({ draftId: draft.value.id, party: 'ourProposal', author: 'Alice Provider', note: '' });
    if (!version.ok) throw new Error(JSON.stringify(version.error));
    return { draftId: draft.value.id, versionId: version.value.version.id };
  });
}

test.describe('the playbook', () => {
  test('flags a position beside its field and in the step summary, and compares it with the market', async ({ appPage, harness }) => {
    const { draftId } = await enterpriseRound(appPage);
    await appPage.goto(`${harness.url}#/drafts/${draftId}/compensation`);
    const wizard = new WizardPage(appPage);
    await wizard.expectStep(5, 'Compensation');

    const summary = appPage.getByTestId('playbook-summary');
    await expect(summary).toContainText('1 position is beyond the playbook');
    await expect(summary).toContainText('1 of them needs an approval before a version can be marked agreed.');

    const months = wizard.field('Missed in consecutive months');
    await expect(months).toHaveValue('2');
    // Beside the field, as a description of it — and not as an error.
    await expect(months).toHaveAccessibleDescription(/Needs approval.*A termination right after 2 months missed in a row is sooner than the playbook's minimum of 3 months/);
    await expect(months).not.toHaveAttribute('aria-invalid', 'true');

    // The claim window is compared with the published market terms, with the sources a click away.
    const claimWindow = wizard.field('Claim within');
    await claimWindow.fill('7');
    await expect(claimWindow).toHaveAccessibleDescription(/Claim window: 7 days; market range 15–60 days \(below the market\)/);
    await expect(claimWindow).toHaveAccessibleDescription(/Beyond the playbook.*shorter than the playbook's minimum of 30 days/);
    await expect(summary).toContainText('2 positions are beyond the playbook');
    const market = appPage.locator('.playbook-market[data-term="claimWindowDays"]');
    await market.getByRole('button', { name: 'Sources' }).click();
    await expect(appPage.getByRole('group', { name: 'Market sources for Claim window' })).toContainText('as published, accessed');

    // Back within the limit, the finding goes away.
    await months.fill('3');
    await expect(summary).toContainText('1 position is beyond the playbook');
    await expect(months).not.toHaveAccessibleDescription(/Needs approval/);
  });

  test('marks a round agreed only with an approval when it goes beyond the playbook', async ({ appPage, harness }) => {
    const { draftId } = await enterpriseRound(appPage);
    await appPage.goto(`${harness.url}#/drafts/${draftId}/versions`);
    await appPage.getByRole('group', { name: /v1 — Our proposal/ }).getByRole('button', { name: 'Mark agreed' }).click();
    const dialog = appPage.getByRole('dialog');
    const notice = dialog.getByTestId('playbook-approval');
    await expect(notice).toContainText('Approval needed for positions beyond the playbook');
    await expect(notice).toContainText("A termination right after 2 months missed in a row is sooner than the playbook's minimum of 3 months");

    // Without an approval the main process refuses, and nothing is saved.
    await dialog.getByLabel('Author').fill('Alice Provider');
    await dialog.getByRole('button', { name: 'Mark agreed' }).click();
    await expect(dialog.getByRole('alert').filter({ hasText: 'record who approved it before marking it agreed' })).toBeVisible();
    const versionsBefore = await appPage.evaluate(async (id) => {
      const list = await window.sla!.invoke['versions.list']({ draftId: id });
      return list.ok ? list.value.length : -1;
    }, draftId);
    expect(versionsBefore).toBe(1);

    await dialog.getByRole('checkbox', { name: 'Record an approval' }).check();
    await dialog.getByLabel('Approved by').fill('Dana Finance');
    await dialog.getByRole('button', { name: 'Mark agreed' }).click();
    await expect(dialog).toBeHidden();
    const approvals = await appPage.evaluate(async (id) => {
      const list = await window.sla!.invoke['versions.list']({ draftId: id });
      return list.ok ? list.value.map((version) => ({ party: version.party, approvers: version.approvals.map((approval) => approval.approver) })) : [];
    }, draftId);
    expect(approvals).toEqual([
      { party: 'ourProposal', approvers: [] },
      { party: 'agreed', approvers: ['Dana Finance'] },
    ]);
  });
});
