import { describe, expect, it } from 'vitest';
import { diffDrafts } from '../../../src-shared/compare';
import { preset, standardTemplate } from '../../../src-shared/contract/fixtures';
import { evaluatePlaybook } from '../../../src-shared/playbook';
import { findingsForChange } from './flags';

describe('findingsForChange', () => {
  it('flags the changes that move a position beyond the playbook, and only those', () => {
    const before = preset('standard-saas');
    const after = preset('standard-saas');
    after.expectations.requests[0]!.requestedLevel = 99.99; // the customer now asks beyond the playbook
    after.compensation.claimWindowDays = 14; // we concede a short window
    after.compensation.monthlyFee += 100; // no limit on the fee
    after.compensation.creditTiers.push({ id: 'tier-extra', metricId: after.compensation.creditTiers[0]!.metricId, threshold: 90, creditPercent: 75 });
    const findings = evaluatePlaybook(after, standardTemplate().playbook);
    const flagged = diffDrafts(before, after).map((change) => [change.label.key, findingsForChange(change, findings).map((f) => f.limitId)]);
    expect(flagged).toEqual(
      expect.arrayContaining([
        ['compare.ofItem', ['availability-ceiling']],
        ['fields.compensation.monthlyFee', []],
        ['compare.items.creditTier.added', ['credit-tier-ceiling']],
        ['fields.compensation.claimWindowDays', ['claim-window-floor']],
      ]),
    );
  });

  it('does not flag a removed item', () => {
    const findings = evaluatePlaybook(preset('enterprise'), standardTemplate().playbook);
    expect(findingsForChange({ kind: 'removed', path: ['expectations', 'requests', 0] }, findings)).toEqual([]);
    expect(findingsForChange({ kind: 'added', path: ['expectations', 'requests', 0] }, findings).map((f) => f.limitId)).toEqual(['availability-ceiling']);
  });
});
