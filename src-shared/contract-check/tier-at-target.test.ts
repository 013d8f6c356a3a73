/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { preset } from '../contract/fixtures';
import { validateDraft } from '../model/validate';
import { tierAtTargetFindings } from './tier-at-target';

describe('tierAtTargetFindings', () => {
  it('a tier at the target read "at or below" is a problem on its threshold, which the draft rules let through', () => {
    const draft = preset('standard-saas');
    expect(draft.targets.objectives[0]!.objective).toBe(99.9);
    expect(draft.compensation.creditTiers[0]!.threshold).toBe(99.9);
    draft.compensation.boundary = 'atOrBelow';
    expect(validateDraft(draft).problems).toEqual([]);
    expect(tierAtTargetFindings(draft)).toEqual([
      {
        level: 'problem',
        rule: 'tierAtTarget',
        step: 'compensation',
        path: ['compensation', 'creditTiers', 0, 'threshold'],
        clause: null,
        key: 'contractCheck.tierAtTarget.found',
        fixKey: 'contractCheck.tierAtTarget.fix',
        params: { threshold: 99.9 },
      },
    ]);
  });

  it('"below" the target, or a lower threshold, is fine', () => {
    const draft = preset('standard-saas');
    expect(tierAtTargetFindings(draft)).toEqual([]);
    draft.compensation.boundary = 'atOrBelow';
    draft.compensation.creditTiers[0]!.threshold = 99.8;
    expect(tierAtTargetFindings(draft)).toEqual([]);
  });
});
