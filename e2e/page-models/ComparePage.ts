/** The comparison screen (#/drafts/<id>/compare/<old>/<new>): selectors in one place. */
import { expect, type Locator, type Page } from '@playwright/test';

export class ComparePage {
  readonly heading: Locator;
  readonly fieldChanges: Locator;
  readonly contract: Locator;
  readonly onlyChanged: Locator;
  readonly nextChange: Locator;
  readonly previousChange: Locator;
  readonly position: Locator;
  readonly announcement: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.fieldChanges = page.getByTestId('field-changes');
    this.contract = page.getByTestId('contract-compare');
    this.onlyChanged = page.getByRole('switch', { name: /Only changed clauses|仅显示有变更的条款/ });
    this.nextChange = page.getByRole('button', { name: /Next change|下一处变更/ });
    this.previousChange = page.getByRole('button', { name: /Previous change|上一处变更/ });
    this.position = page.getByTestId('cmp-position');
    this.announcement = page.getByTestId('cmp-announcement');
  }

  async open(baseUrl: string, draftId: string, oldSide: string, newSide: string): Promise<void> {
    await this.page.goto(`${baseUrl}#/drafts/${draftId}/compare/${oldSide}/${newSide}`);
    await expect(this.heading).toHaveText(/Compare versions|版本对比/);
  }

  tab(name: RegExp): Locator {
    return this.page.getByRole('tab', { name });
  }

  /** One line of the field view, by its text. */
  change(text: string | RegExp): Locator {
    return this.fieldChanges.getByRole('listitem').filter({ hasText: text });
  }

  /** The clause rows of the side-by-side view (not the rows of the contract's own tables inside them). */
  rows(): Locator {
    return this.contract.locator('table.cmp-table > tbody > tr');
  }

  /** A table of the contract as one version has it, by its name ("Service credit tiers (v2 — Customer counter-proposal)"). */
  table(name: string | RegExp): Locator {
    return this.contract.getByRole('table', { name, exact: true });
  }

  inserted(text: string): Locator {
    return this.contract.locator('ins', { hasText: text });
  }

  deleted(text: string): Locator {
    return this.contract.locator('del', { hasText: text });
  }
}
