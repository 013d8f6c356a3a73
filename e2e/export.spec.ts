/**
 * The contract as a user meets it, in Chromium through the dev:web harness
 * (real services, a fresh database per test): the live preview follows the
 * wizard, the export dialog writes a bilingual .docx that arrives as a
 * download, the file carries the working copy's contract terms (the whole
 * draft in an internal copy), its identity and "Page X of Y" in the footer,
 * and importing that .docx gives the draft back as a new draft.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ContractExportDialog, ContractPreviewPanel } from './page-models/ContractPreview';
import { HomePage } from './page-models/HomePage';
import { WizardPage } from './page-models/WizardPage';
import { canonicalJson } from '../src-shared/model/canonical';
import { contractTerms } from '../src-shared/model/contract-terms';
import type { SlaDraft } from '../src-shared/model/schema';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The open draft's id, from the address (#/drafts/<id>/<step>). */
function draftIdOf(page: Page): string {
  const match = /#\/drafts\/([0-9a-f-]{36})/.exec(page.url());
  if (!match) throw new Error(`not on a draft: ${page.url()}`);
  return match[1]!;
}

/** The stored working copy, asked through the same client the app uses. */
async function workingCopy(page: Page, id: string): Promise<Record<string, unknown>> {
  return page.evaluate(async (draftId) => {
    const result = await window.sla!.invoke['drafts.get']({ id: draftId });
    if (!result.ok) throw new Error(result.error.key);
    return result.value.content;
  }, id);
}

/** The identity a contract's footer prints for a draft: 16 hex digits of the SHA-256 of its contract terms, in groups of four. */
function identityOf(content: Record<string, unknown>): string {
  const sha256 = createHash('sha256')
    .update(canonicalJson(contractTerms(content as unknown as SlaDraft)))
    .digest('hex');
  return sha256.slice(0, 16).replace(/(.{4})(?!$)/g, '$1 ');
}

function xmlText(xml: string): string {
  return xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

test.describe('the contract preview and export', () => {
  // Each test assembles and writes a full contract (and imports one) on top of creating a draft: more than the default minute on a busy machine.
  test.describe.configure({ timeout: 120_000 });

  test('previews the contract beside the wizard and follows every change', async ({ appPage }, testInfo) => {
    const home = new HomePage(appPage);
    const wizard = new WizardPage(appPage);
    const preview = new ContractPreviewPanel(appPage);
    await home.createFromPreset('enterprise');
    await wizard.expectStep(1, 'Services');
    const title = await wizard.field('Agreement title (English)').inputValue();

    // The preview reads in the interface's language, starting with the cover.
    await expect(preview.region).toBeVisible();
    await expect(preview.region.locator('article')).toHaveAttribute('lang', 'en');
    await expect(preview.region.getByRole('heading', { name: title, exact: true })).toBeVisible();

    // Moving to a step brings the clauses it is about into view and marks them.
    await wizard.step(2).click();
    await wizard.expectStep(2, 'Expectations');
    await expect(preview.clause('definitions.holidays')).toHaveAttribute('data-active', 'true');
    await expect(preview.clause('definitions.holidays').getByRole('heading').first()).toBeInViewport();
    await wizard.step(3).click();
    await wizard.expectStep(3, 'Targets');
    await expect(preview.clause('service-levels')).toHaveAttribute('data-active', 'true');
    await expect(preview.clause('service-levels').getByRole('heading').first()).toBeInViewport();
    await wizard.step(5).click();
    await wizard.expectStep(5, 'Compensation');
    await expect(preview.clause('claims')).toHaveAttribute('data-active', 'true');
    await expect(preview.clause('service-credits').getByRole('heading').first()).toBeInViewport();
    const claimDays = preview.values('compensation.claimWindowDays');
    await expect(claimDays.first()).toHaveText('60 days');

    // Every change shows in the contract; the preview records how long each update took.
    const timings: string[] = [];
    for (const days of [45, 46, 47]) {
      await wizard.field('Claim within').fill(String(days));
      await expect(claimDays.first()).toHaveText(`${days} days`);
      const { assemblyMs, renderMs } = await preview.lastUpdateTimings();
      timings.push(`en ${assemblyMs}/${renderMs}`);
    }
    await preview.chooseLanguage('Bilingual');
    await expect(preview.region.locator('[lang="zh-CN"] [data-path="compensation.claimWindowDays"]').first()).toHaveText('47日');
    for (const days of [48, 49]) {
      await wizard.field('Claim within').fill(String(days));
      await expect(preview.region.locator('[lang="zh-CN"] [data-path="compensation.claimWindowDays"]').first()).toHaveText(`${days}日`);
      const { assemblyMs, renderMs } = await preview.lastUpdateTimings();
      timings.push(`bilingual ${assemblyMs}/${renderMs}`);
    }
    testInfo.annotations.push({ type: 'preview update, assembly/render ms', description: timings.join(', ') });

    // Hidden, it stays hidden after a reload; shown again on request.
    await wizard.expectSaved();
    await preview.region.getByRole('button', { name: 'Hide preview' }).click();
    await expect(preview.region).toHaveCount(0);
    await appPage.reload();
    await wizard.expectStep(5, 'Compensation');
    await expect(preview.region).toHaveCount(0);
    await appPage.getByRole('button', { name: 'Show preview' }).click();
    await expect(claimDays.first()).toHaveText('49 days');
  });

  test('exports the contract bilingual as a download that carries its terms, and imports them back', async ({ appPage }) => {
    const home = new HomePage(appPage);
    const wizard = new WizardPage(appPage);
    await home.createFromPreset('enterprise');
    const title = await wizard.field('Agreement title (English)').inputValue();
    const titleZh = await wizard.field('Agreement title (Chinese)').inputValue();
    await wizard.step(5).click();
    await wizard.field('Claim within').fill('52');
    await wizard.expectSaved();

    // The harness answers the save dialog and offers the file as a download.
    const exportDialog = new ContractExportDialog(appPage);
    await exportDialog.open();
    await exportDialog.chooseLanguage('English and Chinese');
    // The dialog says what travels inside the file: by default the contract, nothing of the negotiation.
    await expect(exportDialog.dialog.getByRole('radio', { name: 'The contract only', exact: true })).toBeChecked();
    await expect(exportDialog.dialog.getByRole('note').filter({ hasText: 'nothing of the negotiation' })).toBeVisible();
    const download = appPage.waitForEvent('download');
    await exportDialog.exportButton.click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${title} (EN-ZH).docx`);
    await expect(exportDialog.savedMessage()).toContainText(`${title} (EN-ZH).docx`);
    const bytes = await readFile((await file.path())!);

    // The contract carries the working copy's contract terms, and its footer their identity and the pages as Word fields.
    const docx = await JSZip.loadAsync(bytes);
    const part = await docx.file('customXml/item1.xml')!.async('string');
    const embedded = JSON.parse(xmlText(/<draft\b[^>]*>([\s\S]*)<\/draft>/.exec(part)![1]!)) as Record<string, unknown> & {
      compensation: { claimWindowDays: number };
    };
    const id = draftIdOf(appPage);
    const working = await workingCopy(appPage, id);
    expect(embedded).toEqual(contractTerms(working as unknown as SlaDraft));
    // Nothing of the negotiation: no requests, only the escalation contacts, the critical periods without their notes.
    expect(embedded).toMatchObject({
      expectations: { requests: [], stakeholders: [{ name: 'Meridian Incident Management' }, { name: 'Luis Ortega' }] },
    });
    expect(JSON.stringify(embedded)).not.toContain('The Customer asks');
    expect(embedded.compensation.claimWindowDays).toBe(52);
    const footers = await Promise.all(
      Object.keys(docx.files)
        .filter((name) => /^word\/footer\d+\.xml$/.test(name))
        .map((name) => docx.file(name)!.async('string')),
    );
    const fields =
      footers
        .join('')
        .match(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)
        ?.join(' ') ?? '';
    expect(fields).toMatch(/\bPAGE\b/);
    expect(fields).toMatch(/\bNUMPAGES\b/);
    expect(footers.join('').replace(/<[^>]+>/g, '')).toContain(`Working draft · ${identityOf(working)}`);

    // "Show in folder" in a browser offers the recorded file again.
    const again = appPage.waitForEvent('download');
    await exportDialog.showInFolderButton.click();
    expect((await again).suggestedFilename()).toBe(`${title} (EN-ZH).docx`);
    await appPage.keyboard.press('Escape');
    await expect(exportDialog.dialog).toBeHidden();

    // Import the contract through the app: a new draft appears with its contract terms.
    await appPage.getByRole('link', { name: /^Home$/ }).click();
    await home.expectShown();
    await appPage.getByLabel(/SLA file to import|要导入的 SLA 文件/).setInputFiles({ name: file.suggestedFilename(), mimeType: DOCX_TYPE, buffer: bytes });
    // The wizard opens on the new draft (the "Imported" toast is too brief to wait for on a busy machine).
    await wizard.expectStep(1, 'Services');
    await expect(wizard.field('Agreement title (English)')).toHaveValue(title);
    const importedId = draftIdOf(appPage);
    expect(importedId).not.toBe(id);
    expect(await workingCopy(appPage, importedId)).toEqual(embedded);
    await appPage.getByRole('link', { name: /^Home$/ }).click();
    // The list names a bilingual draft in both languages.
    await expect(home.row(`${title} (${titleZh})`)).toHaveCount(2);
  });

  test('exports a saved version as an internal copy, named in the file name and in the footer with its identity', async ({ appPage }) => {
    const home = new HomePage(appPage);
    const wizard = new WizardPage(appPage);
    await home.createFromPreset('china-hosted');
    const title = await wizard.field('Agreement title (Chinese)').inputValue();
    const sha256 = await appPage.evaluate(async (draftId) => {
      const result = await window.sla!.invoke['versions.save']({ draftId, party: 'customerCounter', author: 'Li Wei' });
      if (!result.ok) throw new Error(result.error.key);
      return result.value.version.sha256;
    }, draftIdOf(appPage));

    const exportDialog = new ContractExportDialog(appPage);
    await exportDialog.open();
    await exportDialog.chooseSource('v1 — Customer counter-proposal');
    await exportDialog.chooseLanguage('Chinese');
    await exportDialog.chooseContents('Internal copy: everything, negotiation included');
    await expect(exportDialog.dialog.getByRole('note').filter({ hasText: 'Do not send it to the other party.' })).toBeVisible();
    const download = appPage.waitForEvent('download');
    await exportDialog.exportButton.click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${title} v1 (ZH).docx`);
    const docx = await JSZip.loadAsync(await readFile((await file.path())!));
    const footers = await Promise.all(
      Object.keys(docx.files)
        .filter((name) => /^word\/footer\d+\.xml$/.test(name))
        .map((name) => docx.file(name)!.async('string')),
    );
    // The version's own hash travels in the part; the footer prints the identity of its contract terms.
    const saved = await workingCopy(appPage, draftIdOf(appPage));
    expect(footers.join('').replace(/<[^>]+>/g, '')).toContain(`内部副本 · 版本 第1版 — 客户反提案 · ${identityOf(saved)}`);
    const part = await docx.file('customXml/item1.xml')!.async('string');
    expect(part).toContain(`"sha256":"${sha256}"`);
    expect(JSON.parse(xmlText(/<draft\b[^>]*>([\s\S]*)<\/draft>/.exec(part)![1]!))).toEqual(saved);

    // The dialog lists the export with the version it came from, and still does when opened again.
    const history = exportDialog.dialog.getByRole('list', { name: 'Earlier exports' });
    await expect(history.getByRole('listitem').first()).toContainText(`contract, Chinese · v1 · ${title} v1 (ZH).docx`);
    await appPage.keyboard.press('Escape');
    await expect(exportDialog.dialog).toBeHidden();
    await exportDialog.open();
    await expect(history.getByRole('listitem')).toHaveCount(1);
    await expect(history.getByRole('listitem').first()).toContainText(`contract, Chinese · v1 · ${title} v1 (ZH).docx`);
  });

  test("answers the application menu: Export… opens the open draft's contract export, Import… asks for a file", async ({ appPage }) => {
    const home = new HomePage(appPage);
    const wizard = new WizardPage(appPage);
    const menu = (command: string) => appPage.evaluate((detail) => window.dispatchEvent(new CustomEvent('sla-menu-command', { detail })), command);

    // With no draft open there is nothing to export: the app says so.
    await home.expectShown();
    await menu('exportDraft');
    await expect(appPage.getByText('Open a draft to export it.')).toBeVisible();

    // Import… opens the file chooser, which takes Word files as well as drafts.
    const chooser = appPage.waitForEvent('filechooser');
    await menu('importDraft');
    const fileChooser = await chooser;
    expect(await fileChooser.element().getAttribute('accept')).toContain('.docx');

    await home.createFromPreset('standard-saas');
    await wizard.expectStep(1, 'Services');
    const exportDialog = new ContractExportDialog(appPage);
    await menu('exportDraft');
    await expect(exportDialog.dialog).toBeVisible();
    await expect(exportDialog.exportButton).toBeEnabled();
  });

  test('will not export a draft with problems, and leads to the step to fix', async ({ appPage }) => {
    const home = new HomePage(appPage);
    const wizard = new WizardPage(appPage);
    await home.createFromPreset('enterprise');
    await wizard.step(5).click();
    await wizard.field('Claim within').fill('');

    const exportDialog = new ContractExportDialog(appPage);
    await exportDialog.open();
    await expect(exportDialog.dialog.getByText('Claim within: Required.')).toBeVisible();
    await expect(exportDialog.exportButton).toBeDisabled();
    await exportDialog.dialog.getByRole('button', { name: 'Go to Compensation' }).click();
    await expect(exportDialog.dialog).toBeHidden();
    await wizard.expectStep(5, 'Compensation');
  });

  test('refuses a Word file that is not an SLA Studio contract, naming it', async ({ appPage }) => {
    await new HomePage(appPage).expectShown();
    await appPage
      .getByLabel(/SLA file to import|要导入的 SLA 文件/)
      .setInputFiles({ name: 'minutes.docx', mimeType: DOCX_TYPE, buffer: Buffer.from('not a zip archive') });
    await expect(appPage.getByText('“minutes.docx” is not a Word document (.docx). Nothing was imported.')).toBeVisible();
  });
});
