/**
 * The negotiation timeline and the round dialog (save version, mark agreed,
 * mark signed). A round is found by its heading ("v2 — Customer
 * counter-proposal"), its actions inside the round's group of buttons.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class VersionsPage {
  readonly heading: Locator;
  readonly timeline: Locator;
  readonly status: Locator;
  readonly signedBanner: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.timeline = page.getByRole('list', { name: /^(Negotiation rounds|谈判轮次)/ });
    this.status = page.getByTestId('draft-status');
    this.signedBanner = page.getByRole('alert').filter({ hasText: /This draft is signed and locked\.|该草案已签署并锁定。/ });
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toHaveText(/^(Versions: |版本记录：)/);
  }

  /** The round's list item, by its full label. */
  round(label: string): Locator {
    return this.timeline.getByRole('listitem').filter({ has: this.page.getByRole('heading', { level: 2, name: label, exact: true }) });
  }

  /** The round headings in the order shown. */
  roundHeadings(): Locator {
    return this.timeline.getByRole('heading', { level: 2 });
  }

  /** The rounds shown, in order, by the names a screen reader announces ("v1 — Our proposal"). */
  async expectRounds(labels: string[]): Promise<void> {
    await expect(this.roundHeadings()).toHaveCount(labels.length);
    for (const [index, label] of labels.entries()) await expect(this.roundHeadings().nth(index)).toHaveAccessibleName(label);
  }

  action(label: string, name: string): Locator {
    return this.round(label).getByRole('button', { name, exact: true });
  }
}

/** The dialog that saves a round; the same for "Save version", "Mark agreed" and "Mark signed". */
export class RoundDialog {
  readonly dialog: Locator;
  readonly author: Locator;
  readonly note: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog');
    this.author = this.dialog.getByLabel(/^(Author|作者)$/);
    this.note = this.dialog.getByLabel(/^(Note|备注)$/);
  }

  async chooseParty(name: string): Promise<void> {
    await this.dialog.getByRole('radio', { name, exact: true }).check();
  }

  /** Fill in and confirm with the dialog's button; resolves once the dialog closed. */
  async submit(fields: { author?: string; note?: string }, button: string): Promise<void> {
    if (fields.author !== undefined) await this.author.fill(fields.author);
    if (fields.note !== undefined) await this.note.fill(fields.note);
    await this.dialog.getByRole('button', { name: button, exact: true }).click();
    await expect(this.dialog).toBeHidden();
  }
}
