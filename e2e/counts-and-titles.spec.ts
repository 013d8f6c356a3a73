/**
 * Details a newcomer reads closely, in English and in Chinese: the counts of
 * a comparison say what they count and agree ("3 field changes"; "N changes
 * in M clauses" beside "Change 1 of N", M the rows "Only changed clauses"
 * keeps), the Chinese compare screen puts full-width punctuation after
 * Chinese text, and a .sla.json whose title is already in the list comes in
 * marked with the day of the import.
 */
import { expect, test } from './fixtures';
import { twoRounds, type RoundEdits } from './harness/rounds';
import { ComparePage } from './page-models/ComparePage';
import { HomePage } from './page-models/HomePage';
import { WizardPage } from './page-models/WizardPage';

// Two saved rounds and two renders of a comparison: more than the default minute on a busy machine.
test.describe.configure({ timeout: 180_000 });

/** The customer's legal name, the claim window and a requested level changed. */
const COUNTER_PROPOSAL: RoundEdits = {
  'parties.customer.legalName': 'Globex Holdings plc',
  'compensation.claimWindowDays': 14,
  'expectations.requests.0.requestedLevel': 99.99,
};

/** Chinese text followed by a half-width colon, comma, semicolon or opening bracket. */
const HALF_WIDTH_AFTER_CHINESE = /[\u3400-\u9fff\u3001-\u303f\uff01-\uff5e][ ]?[:,;(]/u;

const LANGUAGES = [
  {
    locale: 'en',
    fieldSummary: '3 field changes',
    counts: /^(\d+) changes? in (\d+) clauses? \(/,
    position: /^Change 1 of (\d+)$/,
    contractTab: /Contract text/,
  },
  {
    locale: 'zh-CN',
    fieldSummary: '3项字段变更',
    counts: /^(\d+)个条款中共(\d+)处变更（/,
    position: /^第1处变更，共(\d+)处$/,
    contractTab: /合同文本/,
  },
] as const;

for (const language of LANGUAGES) {
  test(`the counts of a comparison say what they count and agree (${language.locale})`, async ({ appPage, harness }) => {
    const rounds = await twoRounds(appPage, { locale: language.locale, edits: COUNTER_PROPOSAL });
    const compare = new ComparePage(appPage);
    await compare.open(harness.url, rounds.draftId, rounds.first, rounds.second);
    await appPage.reload();
    await expect(appPage.locator('html')).toHaveAttribute('lang', language.locale);

    // The field view: as many field changes as it lists.
    await expect(compare.fieldChanges.getByRole('listitem')).toHaveCount(3);
    await expect(compare.fieldChanges.getByRole('status')).toHaveText(language.fieldSummary);

    // The contract view: the changes next / previous walks, in the clauses the filter keeps.
    await compare.tab(language.contractTab).click();
    const countsText = (await appPage.getByTestId('cmp-counts').textContent()) ?? '';
    const counted = language.counts.exec(countsText);
    expect(counted, countsText).not.toBeNull();
    const [changes, clauses] = language.locale === 'en' ? [counted![1], counted![2]] : [counted![2], counted![1]];
    await compare.nextChange.click();
    await expect(compare.position).toHaveText(language.position);
    expect(language.position.exec((await compare.position.textContent()) ?? '')![1]).toBe(changes);
    await compare.onlyChanged.click();
    await expect(compare.rows()).toHaveCount(Number(clauses));
    expect(Number(changes)).toBeGreaterThanOrEqual(Number(clauses));

    if (language.locale === 'zh-CN') {
      // Full-width punctuation after Chinese text everywhere on the screen the app writes (the heading, each change's label).
      await compare.tab(/变更/).first().click();
      await expect(compare.heading).toHaveText('版本对比：Globex platform SLA');
      await expect(compare.change('申请期限')).toContainText('申请期限：');
      const texts = await appPage.locator('main').evaluate((main) => {
        const found: string[] = [];
        const walker = document.createTreeWalker(main, NodeFilter.SHOW_ELEMENT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const element = node as HTMLElement;
          if (element.children.length === 0 || element.matches('li, h1, h2, h3, p, span')) found.push(element.textContent ?? '');
        }
        return found;
      });
      expect(texts.filter((text) => HALF_WIDTH_AFTER_CHINESE.test(text))).toEqual([]);
    }
  });
}

test('a .sla.json whose title is already in the list comes in marked with the day of the import, in each language', async ({ appPage }) => {
  const home = new HomePage(appPage);
  const wizard = new WizardPage(appPage);
  await home.expectShown();
  const file = await appPage.evaluate(async () => {
    const sla = window.sla!;
    const created = await sla.invoke['drafts.create']({ presetId: 'standard-saas', title: 'Globex platform SLA' });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    return JSON.stringify({ ...created.value.content });
  });
  const today = new Date().toISOString().slice(0, 10);

  await home.importFile('globex.sla.json', file);
  await wizard.expectStep(1, 'Services');
  await expect(wizard.field('Agreement title')).toHaveValue(`Globex platform SLA (imported ${today})`);

  await wizard.switchLanguage('中文');
  await appPage.goto(appPage.url().replace(/#.*$/, '#/'));
  await home.expectShown();
  await home.importFile('globex.sla.json', file);
  // The mark is written in the language of the title it is added to: this title is English, so the mark is too, whatever the screen's language.
  await expect(wizard.field('协议标题')).toHaveValue(`Globex platform SLA (imported ${today})`);
});
