/**
 * Two negotiation rounds of one draft, made through the page's own client
 * (window.sla) with the channels the timeline uses: a draft from a preset
 * saved as our proposal, then edited and saved as the customer's
 * counter-proposal. The compare stories start from it.
 */
import type { Page } from '@playwright/test';

export interface TwoRounds {
  draftId: string;
  /** The version ids: v1, our proposal, and v2, the customer's counter-proposal. */
  first: string;
  second: string;
}

/**
 * The counter-proposal's edits: a value for each dotted path into the
 * draft, list items by their index ("compensation.creditTiers.1.creditPercent").
 */
export type RoundEdits = Record<string, string | number | boolean | null>;

export interface TwoRoundsOptions {
  edits: RoundEdits;
  presetId?: string;
  title?: string;
  /** The interface language to set first; the page must be loaded again to show it. */
  locale?: 'en' | 'zh-CN';
}

export async function twoRounds(page: Page, options: TwoRoundsOptions): Promise<TwoRounds> {
  const input = {
    edits: options.edits,
    presetId: options.presetId ?? 'standard-saas',
    title: options.title ?? 'Globex platform SLA',
    locale: options.locale ?? null,
  };
  return page.evaluate(async ({ edits, presetId, title, locale }) => {
    const sla = window.sla!;
    const unwrap = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return result.value;
    };
    if (locale !== null) unwrap(await sla.invoke['settings.setLocale']({ locale }));
    const draft = unwrap(await sla.invoke['drafts.create']({ presetId, title }));
    const first = unwrap(await sla.invoke['versions.save']({ draftId: draft.id, party: 'ourProposal', author: 'Alice Provider', note: 'Opening offer' }));
    const current = unwrap(await sla.invoke['drafts.get']({ id: draft.id }));
    const content = structuredClone(current.content) as Record<string, unknown>;
    for (const [path, value] of Object.entries(edits)) {
      const keys = path.split('.');
      let target = content;
      for (const key of keys.slice(0, -1)) {
        const next = target[key];
        // A story that edits a field the preset does not have would test nothing: say which.
        if (typeof next !== 'object' || next === null) throw new Error(`The draft has no ${path}`);
        target = next as Record<string, unknown>;
      }
      const last = keys[keys.length - 1]!;
      if (!(last in target)) throw new Error(`The draft has no ${path}`);
      target[last] = value;
    }
    unwrap(await sla.invoke['drafts.save']({ id: draft.id, content, baseRevision: current.revision }));
    const second = unwrap(await sla.invoke['versions.save']({ draftId: draft.id, party: 'customerCounter', author: 'Bob Customer', note: 'Counter-proposal' }));
    return { draftId: draft.id, first: first.version.id, second: second.version.id };
  }, input);
}
