import { describe, expect, it } from 'vitest';
import { blankDraft, type SlaDraft } from '../../../src-shared/model';
import { localized } from '../../../src-shared/model/localized';
import { setIn } from './draftPath';
import { DraftStore } from './draftStore';

function validDraft(): SlaDraft {
  const draft = blankDraft({ title: 'Store test', effectiveDate: '2026-03-01' });
  draft.parties.provider.legalName = 'Provider Ltd';
  draft.parties.customer.legalName = 'Customer plc';
  return draft;
}

describe('DraftStore', () => {
  it('validates every new working copy and tells subscribers', () => {
    const store = new DraftStore(validDraft());
    expect(store.getProblems()).toEqual([]);
    let notified = 0;
    store.subscribe(() => notified++);

    store.set(setIn(store.getDraft(), ['targets', 'objectives', 0, 'objective'], 100));
    expect(notified).toBe(1);
    expect(store.problemsAt('targets.objectives[0].objective').map((p) => p.key)).toEqual(['rules.availabilityRange']);
    expect(store.getProblems().map((p) => p.step)).toEqual(['targets']);
  });

  it('keeps the identity of problem lists that did not change, so their fields do not re-render', () => {
    const store = new DraftStore(setIn(validDraft(), ['title'], ''));
    const titleProblems = store.problemsAt('title');
    const allProblems = store.getProblems();
    expect(titleProblems).toHaveLength(1);

    store.set(setIn(store.getDraft(), ['parties', 'provider', 'address'], localized('London')));
    expect(store.problemsAt('title')).toBe(titleProblems);
    expect(store.getProblems()).toBe(allProblems);

    store.set(setIn(store.getDraft(), ['termMonths'], 0));
    expect(store.problemsAt('title')).toBe(titleProblems);
    expect(store.getProblems()).not.toBe(allProblems);
    expect(store.problemsAt('termMonths').map((p) => p.key)).toEqual(['validation.min']);
  });

  it('collects the problems inside a list for a field that shows the whole list', () => {
    const store = new DraftStore(setIn(validDraft(), ['compliance', 'dataProtection'], ['GDPR', 'NOT_A_LAW']));
    const under = store.problemsUnder('compliance.dataProtection');
    expect(under.map((p) => p.path)).toEqual([['compliance', 'dataProtection', 1]]);
    store.set(setIn(store.getDraft(), ['title'], 'Renamed'));
    expect(store.problemsUnder('compliance.dataProtection')).toBe(under);
    expect(store.problemsUnder('compliance.certifications')).toEqual([]);
  });
});
