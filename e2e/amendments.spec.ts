/**
 * Amendments as a user meets them, in Chromium through the dev:web harness
 * (real services, a fresh database per test): an amendment draft names the
 * signed version it amends in a banner with a link, compares against it
 * first, and exports either the amendment instrument (the changed clauses
 * only) or the restated SLA; on the timeline, the rounds before an agreed
 * one no longer offer "Mark agreed" / "Mark signed".
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ContractExportDialog } from './page-models/ContractPreview';
import { HomePage } from './page-models/HomePage';
import { VersionsPage } from './page-models/VersionsPage';
import { WizardPage } from './page-models/WizardPage';

/** The open draft's id, from the address (#/drafts/<id>/<step>). */
function draftIdOf(page: Page): string {
  const match = /#\/drafts\/([0-9a-f-]{36})/.exec(page.url());
  if (!match) throw new Error(`not on a draft: ${page.url()}`);
  return match[1]!;
}

/** Saves the open draft as our proposal and marks it signed, through the client the app uses; the signed version's id. */
async function signOpenDraft(page: Page): Promise<string> {
  return page.evaluate(async (draftId) => {
    const sla = window.sla!;
    const proposal = await sla.invoke['versions.save']({ draftId, party: 'ourProposal', author: 'Li Wei', note: '' });
    if (!proposal.ok) throw new Error(proposal.error.key);
    const approval = { approver: 'Dana Legal', note: '', findings: [] };
    const signed = await sla.invoke['versions.markSigned']({ versionId: proposal.value.version.id, author: 'Li Wei', note: '', approval });
    if (!signed.ok) throw new Error(signed.error.key);
    return signed.value.version.id;
  }, draftIdOf(page));
}

/** The text of a downloaded .docx's body. */
async function bodyText(path: string): Promise<string> {
  const docx = await JSZip.loadAsync(await readFile(path));
  const xml = await docx.file('word/document.xml')!.async('string');
  return xml
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&');
}

test.describe('amendments', () => {
  // Signing, starting an amendment and writing two contracts: more than the default minute on a busy machine.
  test.describe.configure({ timeout: 180_000 });

  test('an amendment names the signed version, compares against it and exports as an amendment instrument or a restated SLA', async ({ appPage }) => {
    const home = new HomePage(appPage);
    const wizard = new WizardPage(appPage);
    await home.createFromPreset('standard-saas', 'Harbour SLA');
    await wizard.expectStep(1, 'Services');
    const signedDraftId = draftIdOf(appPage);
    await signOpenDraft(appPage);
    await appPage.reload();

    // The signed draft's way out: an amendment, which names what it amends.
    await appPage.getByRole('button', { name: 'Start amendment' }).click();
    await expect(appPage.getByText('Created Harbour SLA — Amendment 1.')).toBeVisible();
    await wizard.expectStep(1, 'Services');
    const banner = appPage.getByTestId('amends-banner');
    await expect(banner).toContainText('This draft amends a signed agreement');
    await expect(banner).toContainText(/It amends “Harbour SLA”, signed as v2 — Signed on /);

    // The change the amendment makes: a higher availability target.
    await wizard.step(3).click();
    await wizard.field('Target, target 1').fill('99.95');
    await wizard.expectSaved();

    // Compare starts from the signed version.
    await banner.getByRole('button', { name: 'Compare with the signed version' }).click();
    await expect(appPage.getByRole('heading', { level: 1 })).toHaveText(/^Compare versions/);
    await expect(appPage.getByTestId('compare-old')).toContainText(/^Signed agreement amended: v2 — Signed · /);
    await expect(appPage.getByTestId('compare-new')).toContainText('Working copy');
    await expect(appPage.getByTestId('field-changes')).toContainText('99.95');
    await appPage.getByRole('link', { name: 'Open the draft' }).click();
    await wizard.expectStep(1, 'Services');

    // The export offers the amendment instrument first, and the restated SLA.
    const exportDialog = new ContractExportDialog(appPage);
    await exportDialog.open();
    const instrument = exportDialog.dialog.getByRole('radio', { name: 'Amendment instrument: the changed clauses only', exact: true });
    await expect(instrument).toBeChecked();
    await expect(exportDialog.dialog.getByRole('note').filter({ hasText: /^An amendment to “Harbour SLA”, signed on / })).toBeVisible();
    const download = appPage.waitForEvent('download');
    await exportDialog.exportButton.click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Harbour SLA — Amendment 1 (amendment instrument) (EN).docx');
    const amendment = await bodyText((await file.path())!);
    expect(amendment).toContain('Amendment No. 1 to the Service Level Agreement');
    expect(amendment).toContain('The Parties entered into a service level agreement titled “Harbour SLA”, signed on ');
    expect(amendment).toMatch(/Clause \d+\.\d+ \(Service Levels\) is deleted and replaced with the following:/);
    expect(amendment).toContain('all other terms of the Agreement remain unchanged and in full force and effect');
    expect(amendment).not.toContain('To receive a Service Credit');

    await exportDialog.dialog.getByRole('button', { name: 'Export again' }).click();
    await exportDialog.dialog.getByRole('radio', { name: 'Restated SLA: the whole agreement as amended', exact: true }).check();
    const again = appPage.waitForEvent('download');
    await exportDialog.exportButton.click();
    const restatedFile = await again;
    expect(restatedFile.suggestedFilename()).toBe('Harbour SLA — Amendment 1 (EN).docx');
    expect(await bodyText((await restatedFile.path())!)).toContain('To receive a Service Credit');
    await appPage.keyboard.press('Escape');

    // The banner's link leads to the signed agreement.
    await appPage.getByTestId('amends-banner').getByRole('link', { name: 'Open the signed agreement' }).click();
    await expect(appPage).toHaveURL(new RegExp(`#/drafts/${signedDraftId}/services$`));
    await expect(new VersionsPage(appPage).signedBanner).toBeVisible();
  });

  test('in Chinese: once a round is agreed, the rounds before it no longer offer to be marked agreed or signed', async ({ appPage }) => {
    const home = new HomePage(appPage);
    const wizard = new WizardPage(appPage);
    await home.createFromPreset('standard-saas', 'Harbour SLA');
    await wizard.expectStep(1, 'Services');
    await wizard.switchLanguage('中文');
    await appPage.evaluate(async (draftId) => {
      const sla = window.sla!;
      const first = await sla.invoke['versions.save']({ draftId, party: 'ourProposal', author: 'Li Wei', note: '' });
      const second = await sla.invoke['versions.save']({ draftId, party: 'customerCounter', author: 'Li Wei', note: '' });
      if (!first.ok || !second.ok) throw new Error('not saved');
      const agreed = await sla.invoke['versions.markAgreed']({ versionId: second.value.version.id, author: 'Li Wei', note: '' });
      if (!agreed.ok) throw new Error(agreed.error.key);
    }, draftIdOf(appPage));

    await appPage.getByRole('button', { name: '版本记录', exact: true }).click();
    const timeline = new VersionsPage(appPage);
    await timeline.expectShown();
    await expect(timeline.roundHeadings()).toHaveCount(3);
    const rounds = timeline.timeline.getByRole('listitem').filter({ has: appPage.getByRole('group') });
    for (const index of [0, 1]) {
      await expect(rounds.nth(index).getByRole('button', { name: '恢复', exact: true })).toBeVisible();
      await expect(rounds.nth(index).getByRole('button', { name: '标记为已商定', exact: true })).toHaveCount(0);
      await expect(rounds.nth(index).getByRole('button', { name: '标记为已签署', exact: true })).toHaveCount(0);
    }
    await expect(rounds.nth(2).getByRole('button', { name: '标记为已签署', exact: true })).toBeVisible();

    // The service says the same, in the user's language, to a client that asks anyway.
    const refusal = await appPage.evaluate(async (draftId) => {
      const sla = window.sla!;
      const listed = await sla.invoke['versions.list']({ draftId });
      if (!listed.ok) throw new Error(listed.error.key);
      const result = await sla.invoke['versions.markSigned']({ versionId: listed.value[0]!.id, author: 'Li Wei', note: '' });
      return result.ok ? null : result.error;
    }, draftIdOf(appPage));
    expect(refusal).toMatchObject({ code: 'invalidInput', key: 'versions.errors.olderThanAgreed', params: { version: 1, agreed: 3 } });
  });
});
