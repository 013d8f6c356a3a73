/**
 * The contract terms keep everything a contract prints and nothing of the
 * negotiation: every preset assembles to the same contract from its terms
 * as from the whole draft, in both languages; the internal fields are
 * empty; and the terms are a valid draft, as an import of a contract-only
 * file gives it.
 */
import { describe, expect, it } from 'vitest';
import { assembleBilingual } from '../contract/assemble';
import { presets, standardTemplate } from '../contract/fixtures';
import { contractTerms, INTERNAL_FIELDS } from './contract-terms';
import { validateDraft } from './validate';

function valueAt(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((object, key) => (object as Record<string, unknown>)[key], value);
}

describe('contractTerms', () => {
  it.each(presets().map(({ name, draft }) => [name, draft] as const))('keeps what the contract of %s prints', (_name, draft) => {
    // Both languages from one call: the same clauses, the same text, the same sources of each value.
    const whole = assembleBilingual(draft, standardTemplate());
    const terms = assembleBilingual(contractTerms(draft), standardTemplate());
    expect(terms.en).toEqual(whole.en);
    expect(terms.zh).toEqual(whole.zh);
    expect(terms.problems).toEqual(whole.problems);
  });

  it.each(presets().map(({ name, draft }) => [name, draft] as const))('leaves out the negotiation of %s and is a valid draft', (_name, draft) => {
    const terms = contractTerms(draft);
    for (const path of INTERNAL_FIELDS) {
      expect((valueAt(draft, path) as unknown[]).length, `${path} of the preset`).toBeGreaterThan(0);
      expect(valueAt(terms, path), path).toEqual([]);
    }
    expect(validateDraft(terms).problems).toEqual([]);
    // Nothing else changes.
    expect({ ...terms, expectations: null }).toEqual({ ...draft, expectations: null });
    expect(terms.expectations.businessHours).toEqual(draft.expectations.businessHours);
  });
});
