/**
 * The approval gate of the main process: what the standard template's
 * playbook says about a draft, computed from the template on disk.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { preset } from '../../src-shared/contract/fixtures';
import { createClauseLibrary } from './clause-library';
import { createServices, type Services } from '.';
import { playbookApprovalsNeeded } from './playbook';
import { makeTempDir, scriptedDialogs, steppingClock } from './test-fixtures';

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

describe('marking a round agreed on the real services', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let services: Services;
  beforeEach(() => {
    temp = makeTempDir();
    services = createServices({
      databasePath: join(temp.dir, 'sla-studio.db'),
      templatesDir: join(import.meta.dirname, '../../templates'),
      clock: steppingClock('2026-11-27T09:00:00.000Z'),
      dialogs: scriptedDialogs({ savePath: null }),
    });
  });
  afterEach(() => {
    services.close();
    temp.remove();
  });

  function proposalWithUncappedCredits() {
    const draft = services.drafts.create({ presetId: 'standard-saas' });
    const content = structuredClone(draft.content) as { compensation: { capPercent: number | null } };
    content.compensation.capPercent = null;
    services.drafts.save({ id: draft.id, content, baseRevision: draft.revision });
    return { draftId: draft.id, proposal: services.versions.save({ draftId: draft.id, party: 'ourProposal', author: 'Li Wei', note: '' }) };
  }

  it('refuses the agreement without an approval, then records who approved what the template’s playbook found', () => {
    const { draftId, proposal } = proposalWithUncappedCredits();
    let refusal: unknown = null;
    try {
      services.versions.markAgreed({ versionId: proposal.version.id, author: 'Li Wei', note: '' });
    } catch (error) {
      refusal = (error as { apiError?: unknown }).apiError;
    }
    expect(refusal).toMatchObject({ code: 'invalidInput', key: 'versions.errors.approvalRequired', params: { count: 1 } });
    expect(services.versions.list(draftId)).toHaveLength(1);

    const agreed = services.versions.markAgreed({
      versionId: proposal.version.id,
      author: 'Li Wei',
      note: '',
      approval: { approver: 'Dana Finance', note: 'Strategic account', findings: [] },
    });
    expect(agreed.version.approvals).toEqual([
      {
        id: expect.any(String),
        approver: 'Dana Finance',
        approvedAt: agreed.version.createdAt,
        note: 'Strategic account',
        findings: [{ limitId: 'credits-capped', path: 'compensation.capPercent', actual: null, limit: null }],
      },
    ]);
    // Read back from the database, the approval is the same.
    expect(services.versions.list(draftId)[1]!.approvals).toEqual(agreed.version.approvals);
  });

  it('agrees a round within the playbook without any approval', () => {
    const draft = services.drafts.create({ presetId: 'standard-saas' });
    const proposal = services.versions.save({ draftId: draft.id, party: 'ourProposal', author: 'Li Wei', note: '' });
    const agreed = services.versions.markAgreed({ versionId: proposal.version.id, author: 'Li Wei', note: '' });
    expect(agreed).toMatchObject({ draftStatus: 'agreed', version: { approvals: [] } });
  });
});
