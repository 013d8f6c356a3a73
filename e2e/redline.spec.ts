/**
 * The redline sent to the other side: two rounds with different parties,
 * compared in the UI, then "Redline (.docx)" in English and Chinese side by
 * side. The download is the contract with the counter-proposal's changes as
 * Word tracked changes by its author: accepting them all gives the
 * counter-proposal's text, rejecting them all our proposal's.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { openPackage } from '../src-main/docx/test-package';
import { plainParagraphs, resolveRevisions, trackedChanges, type ResolvedParagraph } from '../src-main/docx/test-revisions';
import { expect, test } from './fixtures';
import { ComparePage } from './page-models/ComparePage';

/** Our proposal, then the customer's counter-proposal (another author) with a shorter claim window. */
async function twoRounds(page: Page): Promise<{ draftId: string; first: string; second: string; secondAt: string }> {
  return page.evaluate(async () => {
    const sla = window.sla!;
    const unwrap = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return result.value;
    };
    const draft = unwrap(await sla.invoke['drafts.create']({ presetId: 'standard-saas', title: 'Globex platform SLA' }));
    const titled = unwrap(await sla.invoke['drafts.get']({ id: draft.id }));
    const bilingual = structuredClone(titled.content) as { title: { en: string; 'zh-CN': string } };
    // Exported bilingual: the new title needs its Chinese too.
    bilingual.title['zh-CN'] = 'Globex平台服务水平协议';
    unwrap(await sla.invoke['drafts.save']({ id: draft.id, content: bilingual, baseRevision: titled.revision }));
    const first = unwrap(await sla.invoke['versions.save']({ draftId: draft.id, party: 'ourProposal', author: 'Alice Provider', note: 'Opening offer' }));
    const current = unwrap(await sla.invoke['drafts.get']({ id: draft.id }));
    const content = structuredClone(current.content) as { compensation: { claimWindowDays: number } };
    content.compensation.claimWindowDays = 45;
    unwrap(await sla.invoke['drafts.save']({ id: draft.id, content, baseRevision: current.revision }));
    const second = unwrap(await sla.invoke['versions.save']({ draftId: draft.id, party: 'customerCounter', author: 'Bob Customer', note: 'Counter-proposal' }));
    return { draftId: draft.id, first: first.version.id, second: second.version.id, secondAt: second.version.createdAt };
  });
}

/** The body of a version's bilingual contract, written through exports.contract (the harness answers its save dialog). */
async function exportedContract(page: Page, draftId: string, versionId: string): Promise<ResolvedParagraph[]> {
  const path = await page.evaluate(
    async ({ draftId, versionId }) => {
      const result = await window.sla!.invoke['exports.contract']({ draftId, language: 'bilingual', versionId });
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return result.value.path!;
    },
    { draftId, versionId },
  );
  return plainParagraphs(await (await openPackage(readFileSync(path))).xml('word/document.xml'));
}

test.describe('the redline of two rounds', () => {
  test('downloads the counter-proposal as tracked changes by its author, bilingual', async ({ appPage, harness }) => {
    const rounds = await twoRounds(appPage);
    const compare = new ComparePage(appPage);
    await compare.open(harness.url, rounds.draftId, rounds.first, rounds.second);
    await expect(compare.change('Claim within').locator('ins')).toHaveText(/45 days/);

    const download = appPage.waitForEvent('download');
    await appPage.getByTestId('redline-export').click();
    await appPage.getByRole('menuitem', { name: 'English and Chinese' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Globex platform SLA — changes v1 to v2.docx');
    await expect(appPage.getByTestId('redline-saved')).toContainText(/Redline saved to .*changes v1 to v2\.docx \(\d+ tracked changes\)/);

    const document = await (await openPackage(readFileSync((await file.path())!))).xml('word/document.xml');
    const changes = trackedChanges(document);
    expect(changes.length).toBeGreaterThan(1);
    for (const change of changes) expect(change.attrs).toMatchObject({ 'w:author': 'Bob Customer', 'w:date': rounds.secondAt.replace(/\.\d{3}Z$/, 'Z') });
    // Accepting every change gives the counter-proposal's contract as SLA Studio exports it, rejecting every change ours.
    const contractOf = (versionId: string) => exportedContract(appPage, rounds.draftId, versionId);
    expect(resolveRevisions(document, 'accept')).toEqual(await contractOf(rounds.second));
    expect(resolveRevisions(document, 'reject')).toEqual(await contractOf(rounds.first));

    // The same side on both pickers leaves nothing to send.
    await compare.open(harness.url, rounds.draftId, rounds.second, rounds.second);
    await expect(appPage.getByTestId('redline-export')).toBeDisabled();
  });
});
