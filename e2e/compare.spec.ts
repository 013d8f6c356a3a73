/**
 * Two negotiation rounds compared in the UI: our proposal, then the
 * customer's counter-proposal with another legal name and a shorter claim
 * window. The field view says what changed in the wizard's words and flags
 * the position beyond the playbook; the contract view highlights the words,
 * filters to the changed clauses, and walks the changes by keyboard. A
 * changed credit tier stays a table in the contract view, in English and in
 * Chinese: the changed cell marked in the row, nothing serious for axe-core.
 */
import { expect, test } from './fixtures';
import { seriousAxeFindings } from './harness/axe';
import { twoRounds, type RoundEdits } from './harness/rounds';
import { ComparePage } from './page-models/ComparePage';

/** The customer's counter-proposal: another legal name, a shorter claim window, and five nines asked for — beyond the playbook's 99.95 % ceiling. */
const COUNTER_PROPOSAL: RoundEdits = {
  'parties.customer.legalName': 'Globex Holdings plc',
  'compensation.claimWindowDays': 14,
  'expectations.requests.0.requestedLevel': 99.999,
};

test.describe('comparing two negotiation rounds', () => {
  test('shows the field changes, flags the playbook, highlights words and walks the changes by keyboard', async ({ appPage, harness }) => {
    const rounds = await twoRounds(appPage, { edits: COUNTER_PROPOSAL });
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
    const rounds = await twoRounds(appPage, { edits: COUNTER_PROPOSAL });
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
    const rounds = await twoRounds(appPage, { edits: COUNTER_PROPOSAL });
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

/** What the credit tiers story reads, in each language. */
const CREDIT_TIERS = [
  {
    locale: 'en',
    contractTab: /Contract text/,
    oldTable: 'Service credit tiers (v1 — Our proposal)',
    newTable: 'Service credit tiers (v2 — Customer counter-proposal)',
    creditHeader: 'Service Credit (% of Monthly Fee)',
    deleted: 'Deleted: 25',
    inserted: 'Inserted: 30',
    creditCell: /^Inserted: 30\s%$/,
    counts: /^2 changes in 1 clause \(/,
    position: 'Change 1 of 2',
  },
  {
    locale: 'zh-CN',
    contractTab: /合同文本/,
    oldTable: '服务费减免档位（第1版 — 我方提案）',
    newTable: '服务费减免档位（第2版 — 客户反提案）',
    creditHeader: '服务费减免（占月度服务费的百分比）',
    deleted: '删除：25',
    inserted: '插入：30',
    creditCell: /^插入：30%$/,
    counts: /^1个条款中共2处变更（/,
    position: '第1处变更，共2处',
  },
] as const;

test.describe('a credit tier changed between two rounds', () => {
  // Two saved rounds, a render of the comparison and an axe check of the whole contract view: more than the default minute on a busy machine.
  test.describe.configure({ timeout: 180_000 });

  for (const language of CREDIT_TIERS) {
    test(`the contract view draws the credit tiers as a table with the changed cell marked (${language.locale})`, async ({ appPage, harness }) => {
      // The second tier (below 99 %) goes from a 25 % credit to 30 %.
      const rounds = await twoRounds(appPage, { locale: language.locale, edits: { 'compensation.creditTiers.1.creditPercent': 30 } });
      const compare = new ComparePage(appPage);
      await compare.open(harness.url, rounds.draftId, rounds.first, rounds.second);
      // The language is read at start: load the page again in it.
      await appPage.reload();
      await expect(appPage.locator('html')).toHaveAttribute('lang', language.locale);
      await compare.tab(language.contractTab).click();
      await expect(appPage.getByTestId('cmp-counts')).toHaveText(language.counts);

      // Each version's side draws the tiers as a table, its header row as column headers.
      const before = compare.table(language.oldTable);
      const after = compare.table(language.newTable);
      await expect(before).toBeVisible();
      await expect(after).toBeVisible();
      await expect(after.getByRole('columnheader', { name: language.creditHeader })).toBeVisible();
      await expect(after.locator('tbody tr')).toHaveCount(3);

      // One row changed, its credit marked: 25 struck through in the older table, 30 underlined in the newer one.
      const changedBefore = before.locator('tbody tr[data-status="changed"]');
      const changedAfter = after.locator('tbody tr[data-status="changed"]');
      await expect(changedAfter).toHaveCount(1);
      await expect(changedBefore.locator('del').first()).toHaveText(language.deleted);
      await expect(changedBefore.locator('del').first()).toHaveCSS('text-decoration-line', 'line-through');
      const credit = changedAfter.getByRole('cell').nth(3);
      await expect(credit).toHaveText(language.creditCell);
      await expect(credit.locator('ins')).toHaveText(language.inserted);
      await expect(credit.locator('ins')).toHaveCSS('text-decoration-line', 'underline');
      // The tiers that did not change have no mark.
      await expect(after.locator('tbody tr[data-status="unchanged"]')).toHaveCount(2);
      await expect(after.locator('tbody tr[data-status="unchanged"]').locator('ins, del')).toHaveCount(0);

      // The first change is that cell: it is marked as the current one in both tables.
      await compare.nextChange.click();
      await expect(compare.position).toHaveText(language.position);
      await expect(before.locator('del.cmp-current')).toHaveText(language.deleted);
      await expect(after.locator('ins.cmp-current')).toHaveText(language.inserted);
      // "Only changed clauses" keeps the one clause the counts name, its table whole.
      await compare.onlyChanged.click();
      await expect(compare.rows()).toHaveCount(1);
      await expect(after.locator('tbody tr')).toHaveCount(3);

      const findings = await seriousAxeFindings(appPage);
      expect(findings, findings.join('\n')).toEqual([]);
    });
  }
});
