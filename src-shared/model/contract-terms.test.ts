/**
 * The contract terms keep everything a contract prints and nothing of the
 * negotiation: every preset assembles to the same contract from its terms
 * as from the whole draft, in both languages; the internal parts are left
 * out or blanked, the escalation contacts and critical periods the contract
 * prints kept; and the terms are a valid draft, as an import of a
 * contract-only file gives it.
 */
import { describe, expect, it } from 'vitest';
import { assembleBilingual } from '../contract/assemble';
import { presets, standardTemplate } from '../contract/fixtures';
import { contractTerms, INTERNAL_PARTS, isEscalationContact } from './contract-terms';
import type { SlaDraft } from './schema';
import { validateDraft } from './validate';

function itemsAt(value: unknown, path: string): Record<string, unknown>[] {
  return path.split('.').reduce<unknown>((object, key) => (object as Record<string, unknown>)[key], value) as Record<string, unknown>[];
}

/**
 * The assembly with each stakeholder's source path named by the
 * stakeholder's id: the terms leave the other stakeholders out, so an
 * escalation contact sits at another index there, but is the same person.
 */
function byStakeholderId(assembled: unknown, draft: SlaDraft): unknown {
  return JSON.parse(JSON.stringify(assembled), (_key, value: unknown) =>
    typeof value === 'string'
      ? value.replace(
          /^expectations\.stakeholders\[(\d+)\]/,
          (_match, index: string) => `expectations.stakeholders#${draft.expectations.stakeholders[Number(index)]!.id}`,
        )
      : value,
  );
}

describe('contractTerms', () => {
  it.each(presets().map(({ name, draft }) => [name, draft] as const))('keeps what the contract of %s prints', (_name, draft) => {
    // Both languages from one call: the same clauses, the same text, the same sources of each value.
    const whole = assembleBilingual(draft, standardTemplate());
    const termsDraft = contractTerms(draft);
    const terms = assembleBilingual(termsDraft, standardTemplate());
    expect(byStakeholderId(terms.en, termsDraft)).toEqual(byStakeholderId(whole.en, draft));
    expect(byStakeholderId(terms.zh, termsDraft)).toEqual(byStakeholderId(whole.zh, draft));
    expect(terms.problems).toEqual(whole.problems);
  });

  it.each(presets().map(({ name, draft }) => [name, draft] as const))('leaves out the negotiation of %s and is a valid draft', (_name, draft) => {
    const terms = contractTerms(draft);
    for (const part of INTERNAL_PARTS) {
      const before = itemsAt(draft, part.list);
      const after = itemsAt(terms, part.list);
      expect(before.length, `${part.list} of the preset`).toBeGreaterThan(0);
      const kept = part.printed === 'none' ? [] : part.printed === 'all' ? before : before.filter((item) => item.escalation === true);
      expect(after, part.list).toEqual(kept.map((item) => ({ ...item, ...Object.fromEntries(part.blanked.map((field) => [field, ''])) })));
    }
    expect(validateDraft(terms).problems).toEqual([]);
    // Nothing else changes.
    expect({ ...terms, expectations: null }).toEqual({ ...draft, expectations: null });
    expect(terms.expectations.businessHours).toEqual(draft.expectations.businessHours);
  });

  it('keeps exactly the escalation contacts, and the critical periods without their notes', () => {
    const draft = presets().find(({ name }) => name === 'enterprise')!.draft;
    const terms = contractTerms(draft);
    expect(terms.expectations.stakeholders.map((stakeholder) => stakeholder.name)).toEqual(['Meridian Incident Management', 'Luis Ortega']);
    expect(draft.expectations.stakeholders.filter((stakeholder) => !isEscalationContact(stakeholder)).map((stakeholder) => stakeholder.name)).toEqual([
      'Marcus Bell',
      'Anita Deshpande',
      'Grace Whitfield',
    ]);
    expect(JSON.stringify(terms)).not.toContain('anita.deshpande@');
    expect(terms.expectations.criticalPeriods.map(({ name, start, end, note }) => [name.en, start, end, note])).toEqual([
      ['Annual statement filing', '2027-02-15', '2027-03-01', ''],
      ['Peak hurricane season', '2027-08-15', '2027-10-15', ''],
      ['Year-end policy renewals', '2027-12-01', '2027-12-31', ''],
      ['Annual statement filing', '2028-02-15', '2028-03-01', ''],
      ['Peak hurricane season', '2028-08-15', '2028-10-15', ''],
      ['Year-end policy renewals', '2028-12-01', '2028-12-31', ''],
      ['Annual statement filing', '2029-02-15', '2029-03-01', ''],
      ['Peak hurricane season', '2029-08-15', '2029-10-15', ''],
      ['Year-end policy renewals', '2029-12-01', '2029-12-31', ''],
    ]);
    expect(terms.expectations.requests).toEqual([]);
  });
});
