/**
 * The approval gate of the main process: what the standard template's
 * playbook says about a draft, computed from the template on disk.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { preset } from '../../src-shared/contract/fixtures';
import { createClauseLibrary } from './clause-library';
import { playbookApprovalsNeeded } from './playbook';

const library = createClauseLibrary({ dirs: [join(import.meta.dirname, '../../templates')] });

describe('playbookApprovalsNeeded', () => {
  it('lists the positions beyond a needsApproval limit of the draft’s own template', () => {
    const draft = preset('standard-saas');
    expect(playbookApprovalsNeeded(library, draft)).toEqual([]);
    draft.compensation.capPercent = null;
    draft.compensation.claimWindowDays = 10; // a warning only: no approval needed for it
    expect(playbookApprovalsNeeded(library, draft)).toEqual([{ limitId: 'credits-capped', path: 'compensation.capPercent', actual: null, limit: null }]);
  });

  it('holds a draft whose template is gone to no playbook', () => {
    const draft = preset('standard-saas');
    draft.compensation.capPercent = null;
    draft.contract.templateId = 'no-such-template';
    expect(playbookApprovalsNeeded(library, draft)).toEqual([]);
  });
});
