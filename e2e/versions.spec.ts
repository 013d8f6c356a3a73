/**
 * Negotiation rounds as a user keeps them, in Chromium through the dev:web
 * harness (real services, a fresh database per test): save two versions
 * with different parties and authors from the wizard, see them on the
 * timeline, restore the first (and undo that once), mark a round signed and
 * find the wizard locked, with an amendment as the way to change it.
 */
import { expect, test } from './fixtures';
import { HomePage } from './page-models/HomePage';
import { RoundDialog, VersionsPage } from './page-models/VersionsPage';
import { WizardPage } from './page-models/WizardPage';

const V1 = 'v1 — Our proposal';
const V2 = 'v2 — Customer counter-proposal';
const V3 = 'v3 — Signed';

test.describe('versions', () => {
  // These stories save, restore and sign several rounds: more steps than a wizard test, so more time.
  test.describe.configure({ timeout: 120_000 });

  test('saves two rounds, restores the first, and locks the draft once a round is signed', async ({ appPage }) => {
    // A whole negotiation in one story: three times the default budget, for a machine busy with other work.
    test.setTimeout(180_000);
    const home = new HomePage(appPage);
    const wizard = new WizardPage(appPage);
    const timeline = new VersionsPage(appPage);
    const dialog = new RoundDialog(appPage);
    const saveVersion = appPage.getByRole('button', { name: 'Save version', exact: true });
    await home.createFromPreset('enterprise', 'Crestmoor SLA 2027');
    await wizard.expectStep(1, 'Services');
    // The enterprise contract is bilingual: a new title needs its Chinese too before anyone can sign.
    await wizard.field('Agreement title (Chinese)').fill('Crestmoor 2027年服务水平协议');
    await wizard.expectSaved();

    // Round 1: our proposal, as the preset has it.
    await saveVersion.click();
    await expect(dialog.dialog.getByRole('radio', { name: 'Our proposal', exact: true })).toBeChecked();
    await dialog.submit({ author: 'Li Wei', note: 'Opening offer' }, 'Save version');
    await expect(appPage.getByText(`Saved ${V1}.`)).toBeVisible();

    // Round 2: the customer asks for more; the author field offers the last author.
    await wizard.step(3).click();
    await wizard.field('Target, target 1').fill('99.99');
    await saveVersion.click();
    await expect(dialog.author).toHaveValue('Li Wei');
    await dialog.chooseParty('Customer counter-proposal');
    await expect(dialog.dialog.getByText("The customer's answer, as received.")).toBeVisible();
    await dialog.submit({ author: 'Hank Scorpio', note: 'Asks for 99.99 %' }, 'Save version');
    await expect(appPage.getByText(`Saved ${V2}.`)).toBeVisible();

    // The timeline shows both rounds in order, with party, author and note.
    await appPage.getByRole('button', { name: 'Versions', exact: true }).click();
    await timeline.expectShown();
    await expect(timeline.heading).toHaveText('Versions: Crestmoor SLA 2027');
    await timeline.expectRounds([V1, V2]);
    await expect(timeline.round(V1)).toContainText('Li Wei');
    await expect(timeline.round(V1)).toContainText('Opening offer');
    await expect(timeline.round(V2)).toContainText('Hank Scorpio');
    await expect(timeline.round(V2)).toContainText('Asks for 99.99 %');
    await expect(timeline.round(V2).locator('code')).toHaveText(/^[0-9a-f]{8}$/);
    await expect(timeline.status).toHaveText('Status: In negotiation');
    await expect(timeline.action(V1, 'Compare with previous')).toBeDisabled();
    await expect(timeline.action(V2, 'Compare with previous')).toBeEnabled();

    // Restore round 1, undo it once, then restore it for good.
    const confirmRestore = async () => {
      await timeline.action(V1, 'Restore').click();
      const confirm = appPage.getByRole('dialog').filter({ hasText: `Restore ${V1}?` });
      await confirm.getByRole('button', { name: 'Restore', exact: true }).click();
      await expect(appPage.getByText(`The working copy now holds ${V1}.`)).toBeVisible();
    };
    await confirmRestore();
    await appPage.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect(appPage.getByText('The previous working copy is back.')).toBeVisible();
    // Undo is offered once: the message now says what happened, without the button.
    await expect(appPage.getByRole('button', { name: 'Undo', exact: true })).toHaveCount(0);
    await confirmRestore();
    // The versions themselves are untouched by a restore.
    await timeline.expectRounds([V1, V2]);

    await appPage.getByRole('button', { name: 'Back to the wizard' }).click();
    await wizard.expectStep(1, 'Services');
    await wizard.step(3).click();
    await expect(wizard.field('Target, target 1')).toHaveValue('99.95');

    // Mark round 2 signed: a new round "Signed" with round 2's content, and the draft locks.
    await appPage.getByRole('button', { name: 'Versions', exact: true }).click();
    await timeline.expectShown();
    await timeline.action(V2, 'Mark signed').click();
    await expect(dialog.author).toHaveValue('Hank Scorpio');
    // Round 2 goes beyond the playbook (99.99 % availability) and was never approved: signing it records who approved it.
    await expect(dialog.dialog.getByTestId('playbook-approval')).toContainText(/a target of 99\.99\s% is above the playbook's limit of 99\.95\s%/);
    await dialog.dialog.getByLabel('Approved by').fill('Dana Legal');
    await dialog.submit({ author: 'Li Wei', note: 'Signed in Shanghai' }, 'Mark signed');
    await timeline.expectRounds([V1, V2, V3]);
    await expect(timeline.round(V3)).toContainText(/Approved by Dana Legal on /);
    await expect(timeline.round(V3)).toContainText(`Same content as ${V2}`);
    await expect(timeline.status).toHaveText('Status: Signed');
    await expect(timeline.signedBanner).toBeVisible();
    await expect(timeline.action(V1, 'Restore')).toHaveCount(0);

    // The wizard shows the signed content as text to read and copy, with the way out.
    await appPage.getByRole('button', { name: 'Back to the wizard' }).click();
    await wizard.expectStep(1, 'Services');
    await expect(timeline.signedBanner).toBeVisible();
    await expect(wizard.field('Agreement title (English)')).toHaveText('Crestmoor SLA 2027');
    await expect(appPage.getByRole('textbox', { name: 'Agreement title (English)' })).toHaveCount(0);
    await expect(saveVersion).toHaveCount(0);
    await wizard.step(3).click();
    await expect(wizard.field('Target, target 1')).toHaveText('99.99\u00a0%');
    await expect(appPage.getByRole('spinbutton', { name: 'Target, target 1' })).toHaveCount(0);

    await appPage.getByRole('button', { name: 'Start amendment' }).click();
    await expect(appPage.getByText('Created Crestmoor SLA 2027 — Amendment 1.')).toBeVisible();
    await wizard.expectStep(1, 'Services');
    await expect(wizard.field('Agreement title (English)')).toHaveValue('Crestmoor SLA 2027 — Amendment 1');
    await expect(wizard.field('Agreement title (Chinese)')).toHaveValue('Crestmoor 2027年服务水平协议（第1号修订）');
    await expect(wizard.field('Agreement title (English)')).toBeEnabled();
    await expect(timeline.signedBanner).toHaveCount(0);

    // The draft list shows where each stands: the signed agreement and its amendment in drafting.
    await appPage.getByRole('link', { name: 'Home', exact: true }).click();
    await home.expectShown();
    await expect(home.row('Crestmoor SLA 2027 (Crestmoor 2027年服务水平协议)')).toContainText('Signed');
    await expect(home.row('Crestmoor SLA 2027 — Amendment 1 (Crestmoor 2027年服务水平协议（第1号修订）)')).toContainText('Drafting');
  });

  test('refuses to save a version while the draft has problems, listing them in the dialog', async ({ appPage }) => {
    const wizard = new WizardPage(appPage);
    const dialog = new RoundDialog(appPage);
    await new HomePage(appPage).createFromPreset('enterprise');
    await wizard.field('Agreement title (English)').fill('');
    await wizard.field('Agreement title (Chinese)').fill('');
    await wizard.expectSaved();

    await appPage.getByRole('button', { name: 'Save version', exact: true }).click();
    await dialog.author.fill('Li Wei');
    await dialog.dialog.getByRole('button', { name: 'Save version', exact: true }).click();
    const refusal = dialog.dialog.getByRole('alert');
    await expect(refusal).toContainText('The draft cannot be saved as a version yet');
    await expect(refusal.getByRole('list', { name: 'Problems' }).getByRole('listitem')).toHaveText(['Agreement title: Required. Go to Services']);
    await dialog.dialog.getByRole('button', { name: 'Cancel' }).click();

    await appPage.getByRole('button', { name: 'Versions', exact: true }).click();
    await expect(appPage.getByText(/^No versions yet\./)).toBeVisible();
  });
});
