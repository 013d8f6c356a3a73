/**
 * Two negotiation rounds compared in the UI: our proposal, then the
 * customer's counter-proposal with another legal name and a shorter claim
 * window. The field view says what changed in the wizard's words and flags
 * the position beyond the playbook; the contract view highlights the words,
 * filters to the changed clauses, and walks the changes by keyboard.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ComparePage } from './page-models/ComparePage';

interface Round {
  draftId: string;
  first: string;
  second: string;
}

/**
 * The rounds are made through the page's own client (window.sla), the
 * channels the timeline uses: a draft from the standard preset saved as our
 * proposal, then edited and saved as the customer's counter-proposal.
 */
async function twoRounds(page: Page): Promise<Round> {
  return page.evaluate(async () => {
    const sla = window.sla!;
    const unwrap = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return result.value;
    };
    const draft = unwrap(await sla.invoke['drafts.create']({ presetId: 'standard-saas', title: 'Globex platform SLA' }));
    const first = unwrap(await sla.invoke['versions.save']({ draftId: draft.id, party: 'ourProposal', author: 'Alice Provider', note: 'Opening offer' }));
    const current = unwrap(await sla.invoke['drafts.get']({ id: draft.id }));
    const content = structuredClone(current.content) as {
      parties: { customer: { legalName: string } };
      compensation: { claimWindowDays: number };
      expectations: { requests: { requestedLevel: number }[] };
    };
    content.parties.customer.legalName = 'Globex Holdings plc';
    content.compensation.claimWindowDays = 14;
    // The customer now asks for five nines of availability: beyond the playbook's 99.95 % ceiling.
    content.expectations.requests[0]!.requestedLevel = 99.999;
    unwrap(await sla.invoke['drafts.save']({ id: draft.id, content, baseRevision: current.revision }));
    const second = unwrap(await sla.invoke['versions.save']({ draftId: draft.id, party: 'customerCounter', author: 'Bob Customer', note: 'Counter-proposal' }));
    return { draftId: draft.id, first: first.version.id, second: second.version.id };
  });
}

test.describe('comparing two negotiation rounds', () => {
  test('shows the field changes, flags the playbook, highlights words and walks the changes by keyboard', async ({ appPage, harness }) => {
    const rounds = await twoRounds(appPage);
    const compare = new ComparePage(appPage);
    await compare.open(harness.url, rounds.draftId, rounds.first, rounds.second);

    // The pickers name both rounds by their party.
    await expect(appPage.getByTestId('compare-old')).toContainText('v1 — Our proposal');
    await expect(appPage.getByTestId('compare-new')).toContainText('v2 — Customer counter-proposal');

    // View 1: the changes in the wizard's words, grouped by step.
    await expect(compare.fieldChanges.getByRole('heading', { name: 'Services' })).toBeVisible();
    const legalName = compare.change('Legal name (Customer)');
    await expect(legalName).toContainText('Changed');
    await expect(legalName.locator('del')).toHaveText(/Harbourside Logistics Ltd$/);
    await expect(legalName.locator('ins')).toContainText('Globex Holdings plc');
    const claimWindow = compare.change('Claim within');
    await expect(claimWindow.locator('ins')).toHaveText(/14 days/);
    // 14 days is below the playbook's 30-day minimum: the change is flagged, with the reason in words.
    await expect(claimWindow).toContainText('Beyond the playbook');
    await expect(claimWindow).toContainText("A claim window of 14 days is shorter than the playbook's minimum of 30 days");
    await expect(compare.change('Monthly fee')).toHaveCount(0);
    // The customer's ask beyond the playbook is flagged as such, and counted at the top.
    const ask = compare.change(/^Changed\s*Requested level \(.*Availability\)/);
    await expect(ask.locator('ins')).toHaveText(/99\.999\s%$/);
    await expect(ask).toContainText('Ask beyond the playbook');
    await expect(ask).toContainText(/the customer asks for 99\.999\s%, above the playbook's limit of 99\.95\s%/);
    const beyond = appPage.getByTestId('changes-beyond');
    await expect(beyond).toContainText('2 changes land beyond the playbook');
    await expect(beyond).toContainText('1 of them is a customer ask beyond what the company allows');
    await expect(beyond).not.toContainText('need an approval');

    // View 2: the two contracts side by side, with the new name as an inserted word.
    await compare.tab(/Contract text/).click();
    await expect(compare.contract).toBeVisible();
    await expect(compare.inserted('Globex Holdings plc').first()).toBeVisible();
    await expect(compare.inserted('Globex Holdings plc').first()).toHaveCSS('text-decoration-line', 'underline');
    // The claim window changed inside an otherwise equal sentence: only the period, its number and unit as one change, is highlighted.
    await expect(compare.contract.locator('del.cmp-del', { hasText: /^Deleted: 30 days$/ }).first()).toBeVisible();
    await expect(compare.contract.locator('ins.cmp-ins', { hasText: /^Inserted: 14 days$/ }).first()).toBeVisible();
    const allRows = await compare.rows().count();

    // Only changed clauses: fewer rows, every one of them changed, added, removed or moved.
    await compare.onlyChanged.click();
    await expect(compare.onlyChanged).toBeChecked();
    await expect.poll(() => compare.rows().count()).toBeLessThan(allRows);
    const statuses = await compare.rows().evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status')));
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((status) => status !== 'unchanged')).toBe(true);

    // Next change by keyboard: N goes to the first change, announces it and marks it current.
    await compare.contract.locator('.cmp-toolbar').click({ position: { x: 1, y: 1 } });
    await appPage.keyboard.press('n');
    await expect(compare.position).toHaveText(/^Change 1 of \d+$/);
    await expect(compare.announcement).toHaveText(/^Change 1 of \d+: /);
    await expect(compare.contract.locator('.cmp-row-current')).toHaveCount(1);
    await expect(compare.contract.locator('.cmp-row-current')).toBeFocused();
    await appPage.keyboard.press('Alt+ArrowDown');
    await expect(compare.position).toHaveText(/^Change 2 of \d+$/);
    await appPage.keyboard.press('p');
    await expect(compare.position).toHaveText(/^Change 1 of \d+$/);
    // The same walk with the visible buttons.
    await compare.nextChange.click();
    await expect(compare.position).toHaveText(/^Change 2 of \d+$/);
    await compare.previousChange.click();
    await expect(compare.position).toHaveText(/^Change 1 of \d+$/);

    // Swapping the sides turns the insertions into deletions.
    await appPage.getByRole('button', { name: 'Swap sides' }).click();
    await expect(appPage.getByTestId('compare-old')).toContainText('v2 — Customer counter-proposal');
    await expect(compare.tab(/Contract text/)).toHaveAttribute('aria-selected', 'true');
    await expect(compare.deleted('Globex Holdings plc').first()).toBeVisible();
    await expect(compare.inserted('Globex Holdings plc')).toHaveCount(0);
  });

  test('compares a round with the working copy, in Chinese, with a position that needs an approval', async ({ appPage, harness }) => {
    const rounds = await twoRounds(appPage);
    await appPage.evaluate(async (draftId) => {
      const sla = window.sla!;
      await sla.invoke['settings.setLocale']({ locale: 'zh-CN' });
      const current = await sla.invoke['drafts.get']({ id: draftId });
      if (!current.ok) throw new Error(JSON.stringify(current.error));
      const content = structuredClone(current.value.content) as { compensation: { capPercent: number | null } };
      content.compensation.capPercent = null;
      const saved = await sla.invoke['drafts.save']({ id: draftId, content, baseRevision: current.value.revision });
      if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    }, rounds.draftId);
    const compare = new ComparePage(appPage);
    await compare.open(harness.url, rounds.draftId, rounds.second, 'working');
    await appPage.reload();
    await expect(compare.heading).toHaveText(/^版本对比/);
    await expect(appPage.getByTestId('compare-old')).toContainText('第2版 — 客户反提案');
    await expect(appPage.getByTestId('compare-new')).toContainText('当前工作稿');
    // Only the cap differs from round 2; uncapped credits need an approval under the playbook.
    await expect(compare.fieldChanges.getByRole('listitem')).toHaveCount(1);
    await expect(compare.fieldChanges.getByRole('heading', { name: '服务补偿' })).toBeVisible();
    await expect(compare.fieldChanges.getByRole('listitem')).toContainText('需审批');
    await expect(appPage.getByTestId('changes-beyond')).toContainText('1项变更超出谈判手册的限度');
    await expect(appPage.getByTestId('changes-beyond')).toContainText('其中1项须经审批');
    await compare.tab(/合同文本/).click();
    await compare.onlyChanged.click();
    await expect(compare.rows()).not.toHaveCount(0);
    await expect(compare.position).toHaveText(/^快捷键：N 和 P/);
  });

  test('shows a clause whose wording was swapped for another position as replaced, not as a confetti of words', async ({ appPage, harness }) => {
    const rounds = await twoRounds(appPage);
    await appPage.evaluate(async (draftId) => {
      const sla = window.sla!;
      const current = await sla.invoke['drafts.get']({ id: draftId });
      if (!current.ok) throw new Error(JSON.stringify(current.error));
      const content = structuredClone(current.value.content) as { contract: { positions: Record<string, string> } };
      content.contract.positions = { ...content.contract.positions, 'cap-and-remedy.sole-remedy': 'customer' };
      const saved = await sla.invoke['drafts.save']({ id: draftId, content, baseRevision: current.value.revision });
      if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    }, rounds.draftId);
    const compare = new ComparePage(appPage);
    await compare.open(harness.url, rounds.draftId, rounds.second, 'working');
    // The customer's wording is a position that needs an approval.
    await expect(compare.fieldChanges.getByRole('listitem')).toHaveCount(1);
    await expect(compare.fieldChanges.getByRole('listitem')).toContainText('Needs approval');

    await compare.tab(/Contract text/).click();
    await compare.onlyChanged.click();
    const soleRemedy = compare.contract.locator('tr[data-clause="cap-and-remedy.sole-remedy"]');
    await expect(soleRemedy).toHaveCount(1);
    await expect(soleRemedy).toContainText('Replaced');
    // One deletion of the old wording and one insertion of the new, each whole.
    await expect(soleRemedy.locator('del.cmp-del')).toHaveCount(1);
    await expect(soleRemedy.locator('ins.cmp-ins')).toHaveCount(1);
    await expect(soleRemedy.locator('ins.cmp-ins')).toContainText('They do not limit the Customer’s right to claim damages');
    await compare.nextChange.click();
    await expect(compare.position).toHaveText('Change 1 of 1');
  });
});
