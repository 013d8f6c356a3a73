import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '.';
import { makeTempDir, scriptedDialogs, steppingClock } from './test-fixtures';

describe('the contract check on the versions service (shipped template)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let services: Services;
  beforeEach(() => {
    temp = makeTempDir();
    services = createServices({
      databasePath: join(temp.dir, 'sla-studio.db'),
      templatesDir: join(import.meta.dirname, '../../templates'),
      clock: steppingClock('2026-11-27T09:00:00.000Z'),
      dialogs: scriptedDialogs({ savePath: null }),
      systemLocale: 'en-GB',
    });
  });
  afterEach(() => {
    services.close();
    temp.remove();
  });

  function refusalOf(action: () => unknown): unknown {
    try {
      action();
    } catch (error) {
      return (error as { apiError?: unknown }).apiError;
    }
    throw new Error('expected a refusal');
  }

  /** The standard preset with its first tier at the 99.9 % target, read "at or below": a credit at a level the contract calls met. */
  function draftWithTierAtTarget() {
    const draft = services.drafts.create({ presetId: 'standard-saas' });
    const content = structuredClone(draft.content) as { compensation: { boundary: string } };
    content.compensation.boundary = 'atOrBelow';
    services.drafts.save({ id: draft.id, content, baseRevision: draft.revision });
    return draft.id;
  }

  it('saves a proposal with a contract problem, but refuses to mark it agreed or signed, naming the field and the fix', () => {
    const draftId = draftWithTierAtTarget();
    const proposal = services.versions.save({ draftId, party: 'ourProposal', author: 'Li Wei', note: '' });
    const refusal = {
      code: 'invalidInput',
      key: 'contractCheck.blocked',
      params: { count: 1 },
      problems: [
        {
          step: 'compensation',
          path: ['compensation', 'creditTiers', 0, 'threshold'],
          key: 'contractCheck.asProblem',
          params: {
            message: 'This credit tier starts at 99.9, the target itself, read “at or below”: the contract would grant a credit at the level it calls met.',
            fix: 'Use “below” for the thresholds, or a lower threshold.',
          },
        },
      ],
    };
    expect(refusalOf(() => services.versions.markAgreed({ versionId: proposal.version.id, author: 'Li Wei', note: '' }))).toEqual(refusal);
    expect(refusalOf(() => services.versions.markSigned({ versionId: proposal.version.id, author: 'Li Wei', note: '' }))).toEqual(refusal);
    expect(refusalOf(() => services.versions.save({ draftId, party: 'agreed', author: 'Li Wei', note: '' }))).toEqual(refusal);
    expect(services.versions.list(draftId).map((version) => version.party)).toEqual(['ourProposal']);
  });

  it('marks the draft agreed once the problem is fixed', () => {
    const draftId = draftWithTierAtTarget();
    const current = services.drafts.get(draftId);
    const content = structuredClone(current.content) as { compensation: { boundary: string } };
    content.compensation.boundary = 'below';
    services.drafts.save({ id: draftId, content, baseRevision: current.revision });
    const proposal = services.versions.save({ draftId, party: 'ourProposal', author: 'Li Wei', note: '' });
    expect(services.versions.markAgreed({ versionId: proposal.version.id, author: 'Li Wei', note: '' }).draftStatus).toBe('agreed');
  });
});
