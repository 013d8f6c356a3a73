/**
 * The playbook as a negotiator meets it: a position beyond a limit shows
 * beside its field (not as an error), in the step's summary and against
 * the market; and a round with a position that needs an approval is only
 * marked agreed once someone's approval is recorded with it.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { WizardPage } from './page-models/WizardPage';

/** A draft from the enterprise preset (termination after 2 missed months: beyond the 3-month floor), saved as our proposal. */
async function enterpriseRound(page: Page): Promise<{ draftId: string; versionId: string }> {
  return page.evaluate(async () => {
    const sla = window.sla!;
    const draft = await sla.invoke['drafts.create']({ presetId: 'enterprise' });
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
    await expect(months).toHaveAccessibleDescription(
      /Needs approval.*A termination right after 2 months missed in a row is sooner than the playbook's minimum of 3 months/,
    );
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

    // Saving the working copy as agreed asks for the approval up front, as marking a saved round does.
    await appPage.getByRole('button', { name: 'Save version', exact: true }).click();
    const dialog = appPage.getByRole('dialog');
    await expect(dialog.getByTestId('playbook-approval')).toHaveCount(0);
    await dialog.getByRole('radio', { name: 'Agreed', exact: true }).check();
    await expect(dialog.getByTestId('playbook-approval')).toContainText('A termination right after 2 months missed in a row');
    await expect(dialog.getByLabel('Approved by')).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();

    // Back within the limit, the finding goes away.
    await months.fill('3');
    await expect(summary).toContainText('1 position is beyond the playbook');
    await expect(months).not.toHaveAccessibleDescription(/Needs approval/);
  });

  test('marks a round agreed only with an approval when it goes beyond the playbook, and records who, when and what', async ({ appPage, harness }) => {
    const { draftId, versionId } = await enterpriseRound(appPage);
    const versionsOf = () =>
      appPage.evaluate(async (id) => {
        const list = await window.sla!.invoke['versions.list']({ draftId: id });
        return list.ok ? list.value : [];
      }, draftId);

    // The main process holds the line itself: a proposal beyond the playbook is neither agreed nor signed without an approval.
    const refusals = await appPage.evaluate(async (id) => {
      const agreed = await window.sla!.invoke['versions.markAgreed']({ versionId: id, author: 'Mallory', note: '' });
      const signed = await window.sla!.invoke['versions.markSigned']({ versionId: id, author: 'Mallory', note: '' });
      return [agreed.ok ? 'saved' : agreed.error.key, signed.ok ? 'saved' : signed.error.key];
    }, versionId);
    expect(refusals).toEqual(['versions.errors.approvalRequired', 'versions.errors.approvalRequiredToSign']);
    expect(await versionsOf()).toHaveLength(1);

    await appPage.goto(`${harness.url}#/drafts/${draftId}/versions`);
    await appPage
      .getByRole('group', { name: /v1 — Our proposal/ })
      .getByRole('button', { name: 'Mark agreed' })
      .click();
    const dialog = appPage.getByRole('dialog');
    const notice = dialog.getByTestId('playbook-approval');
    await expect(notice).toContainText('Approval needed for positions beyond the playbook');
    await expect(notice).toContainText("A termination right after 2 months missed in a row is sooner than the playbook's minimum of 3 months");
    // The approval is not optional here: its fields are open from the start, with no switch to turn them off.
    await expect(dialog.getByRole('heading', { name: 'Approval', exact: true })).toBeVisible();
    await expect(dialog).toContainText('Required: this round goes beyond the playbook');
    await expect(dialog.getByRole('checkbox', { name: 'Record an approval' })).toHaveCount(0);
    await expect(dialog.getByLabel('Approved by')).toBeVisible();

    // Without an approver the dialog says so at the field, and nothing is saved.
    await dialog.getByLabel('Author').fill('Alice Provider');
    await dialog.getByRole('button', { name: 'Mark agreed' }).click();
    await expect(dialog.getByText('Enter who approved.')).toBeVisible();
    expect(await versionsOf()).toHaveLength(1);

    await dialog.getByLabel('Approved by').fill('Dana Finance');
    await dialog.getByLabel('Approval note').fill('Strategic account, renewal at risk');
    await dialog.getByRole('button', { name: 'Mark agreed' }).click();
    await expect(dialog).toBeHidden();

    // Recorded with the agreed round: who, when (the round's time), the note, and exactly which position was approved.
    const [proposal, agreed] = await versionsOf();
    expect(proposal!.approvals).toEqual([]);
    expect(agreed!.party).toBe('agreed');
    expect(agreed!.approvals).toHaveLength(1);
    expect(agreed!.approvals[0]).toMatchObject({ approver: 'Dana Finance', note: 'Strategic account, renewal at risk', approvedAt: agreed!.createdAt });
    expect(agreed!.approvals[0]!.findings).toContainEqual({
      limitId: 'chronic-failure-floor',
      path: 'compensation.chronicFailure.consecutiveMonths',
      actual: 2,
      limit: 3,
    });
    const agreedRound = appPage.getByRole('listitem').filter({ has: appPage.getByRole('heading', { level: 2, name: 'v2 — Agreed', exact: true }) });
    await expect(agreedRound).toContainText(/Approved by Dana Finance on .+ · \d+ findings? approved — Strategic account, renewal at risk/);
    // What was approved, in words, one click away.
    await agreedRound.getByRole('button', { name: /findings? approved/ }).click();
    await expect(appPage.getByTestId('approved-findings')).toContainText(
      "A termination right after 2 months missed in a row is sooner than the playbook's minimum of 3 months",
    );
    await appPage.keyboard.press('Escape');

    // Signing the approved content asks for no second approval.
    await appPage
      .getByRole('group', { name: /v2 — Agreed/ })
      .getByRole('button', { name: 'Mark signed' })
      .click();
    await expect(dialog.getByTestId('playbook-approval')).toHaveCount(0);
    await expect(dialog.getByRole('checkbox', { name: 'Record an approval' })).not.toBeChecked();
    await dialog.getByLabel('Author').fill('Alice Provider');
    await dialog.getByRole('button', { name: 'Mark signed' }).click();
    await expect(dialog).toBeHidden();
    expect((await versionsOf()).map((version) => version.party)).toEqual(['ourProposal', 'agreed', 'signed']);
  });
});
