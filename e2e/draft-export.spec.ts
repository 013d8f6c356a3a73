/**
 * A draft with blanks goes round as a draft, in Chromium through the dev:web
 * harness (real services, a fresh database per test): a blank draft cannot
 * be exported for signature, but "Export as a draft for comment" writes a
 * .docx that says "Draft — not for signature" with a DRAFT watermark on
 * every page, in the contract's languages, the blanks highlighted; imported
 * back, it is the incomplete draft it was, and the app says what it lacks.
 * In English and in Chinese.
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ContractExportDialog } from './page-models/ContractPreview';
import { HomePage } from './page-models/HomePage';
import { WizardPage } from './page-models/WizardPage';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** The New draft dialog's "Blank draft" choice. */
const BLANK = '__blank__';

/** What a contract file shows of its draft marks: the text of each header and the watermark it carries. */
async function draftMarks(bytes: Buffer): Promise<{ headers: string[]; watermarks: string[]; highlightedBlanks: number; incomplete: boolean }> {
  const docx = await JSZip.loadAsync(bytes);
  const headerXml = await Promise.all(
    Object.keys(docx.files)
      .filter((name) => /^word\/header\d+\.xml$/.test(name))
      .map((name) => docx.file(name)!.async('string')),
  );
  const body = await docx.file('word/document.xml')!.async('string');
  const part = await docx.file('customXml/item1.xml')!.async('string');
  return {
    headers: headerXml.map((xml) => (xml.match(/<w:t[^>]*>[^<]*<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join('')),
    watermarks: headerXml.map((xml) => /<v:textpath[^>]*\bstring="([^"]*)"/.exec(xml)?.[1] ?? ''),
    highlightedBlanks: (body.match(/<w:r>(?:(?!<\/w:r>).)*<w:highlight [^>]*\/>(?:(?!<\/w:r>).)*<w:t[^>]*>\[●\]<\/w:t><\/w:r>/g) ?? []).length,
    incomplete: part.includes('&quot;incompleteDraft&quot;: true') || part.includes('"incompleteDraft": true'),
  };
}

/** Exports the open draft as a draft for comment in `language`, through the dialog; the downloaded file's name and bytes. */
async function exportAsDraft(page: Page, language: string, asDraft: string): Promise<{ name: string; bytes: Buffer }> {
  const exportDialog = new ContractExportDialog(page);
  await exportDialog.open();
  // For signature, a draft with blanks cannot go out: the parties' names are still to fill in.
  await expect(exportDialog.exportButton).toBeDisabled();
  await expect(exportDialog.dialog.getByText(/Provider › Legal name|服务提供方›法定名称/).first()).toBeVisible();
  await exportDialog.dialog.getByRole('checkbox', { name: asDraft }).check();
  await expect(exportDialog.exportButton).toBeEnabled();
  await exportDialog.chooseLanguage(language);
  const download = page.waitForEvent('download');
  await exportDialog.exportButton.click();
  const file = await download;
  await expect(exportDialog.savedMessage()).toContainText(file.suggestedFilename());
  const bytes = await readFile((await file.path())!);
  await page.keyboard.press('Escape');
  await expect(exportDialog.dialog).toBeHidden();
  return { name: file.suggestedFilename(), bytes };
}

test.describe('a draft with blanks', () => {
  // Two drafts created, two contracts written and one imported: nearly two minutes on a busy 2-core machine.
  test.describe.configure({ timeout: 240_000 });

  test('a blank-preset draft exports as a watermarked draft, in English and Chinese, and imports back saying what it lacks', async ({ appPage }) => {
    const home = new HomePage(appPage);
    const wizard = new WizardPage(appPage);
    await home.createFromPreset(BLANK, 'Pilot SLA');
    await wizard.expectStep(1, 'Services');

    const english = await exportAsDraft(appPage, 'English and Chinese', 'Export as a draft for comment');
    expect(english.name).toBe('Pilot SLA (EN-ZH).docx');
    const marks = await draftMarks(english.bytes);
    // Every page, the cover included, says so in both languages and carries the watermark.
    expect(marks.headers).toHaveLength(2);
    for (const header of marks.headers) expect(header.startsWith('Draft — not for signature / 草稿——不得用于签署')).toBe(true);
    expect(marks.watermarks).toEqual(['DRAFT 草稿', 'DRAFT 草稿']);
    // The parties' names are highlighted blanks, in each language.
    expect(marks.highlightedBlanks).toBeGreaterThanOrEqual(4);
    expect(marks.incomplete).toBe(true);

    // Imported, it is the incomplete draft again, and the app says what it still lacks.
    await appPage.getByRole('link', { name: /^Home$/ }).click();
    await home.expectShown();
    await appPage.getByLabel(/SLA file to import|要导入的 SLA 文件/).setInputFiles({ name: english.name, mimeType: DOCX_TYPE, buffer: english.bytes });
    const report = appPage.getByRole('dialog', { name: '“Pilot SLA” was imported as an incomplete draft' });
    await expect(report).toBeVisible();
    await expect(report.getByRole('list')).toContainText('Provider › Legal name: Required.');
    await expect(report.getByRole('list')).toContainText('Customer › Legal name: Required.');
    await appPage.keyboard.press('Escape');
    await expect(report).toBeHidden();
    await wizard.expectStep(1, 'Services');
    await expect(wizard.field('Agreement title')).toHaveValue('Pilot SLA');

    // In Chinese: a blank draft in a Chinese interface, exported as a Chinese draft.
    await wizard.switchLanguage('中文');
    await wizard.expectStep(1, '服务');
    await appPage.getByRole('link', { name: /^(Home|首页)$/ }).click();
    await home.expectShown();
    await home.createFromPreset(BLANK, '试点服务水平协议');
    await wizard.expectStep(1, '服务');
    const chinese = await exportAsDraft(appPage, '中文', '导出为供讨论的草稿');
    expect(chinese.name).toBe('试点服务水平协议 (ZH).docx');
    const zhMarks = await draftMarks(chinese.bytes);
    expect(zhMarks.headers).toHaveLength(2);
    for (const header of zhMarks.headers) expect(header.startsWith('草稿——不得用于签署')).toBe(true);
    expect(zhMarks.watermarks).toEqual(['草稿', '草稿']);
    expect(zhMarks.highlightedBlanks).toBeGreaterThanOrEqual(2);
  });
});
