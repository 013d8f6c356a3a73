/**
 * A value out of its range is an error only: it is found by the path of its
 * field, and cleared in the copy the live contract is assembled from — a
 * value merely missing, or one at odds with another field, is left alone.
 */
import { describe, expect, it } from 'vitest';
import { assembleContract } from '../contract/assemble';
import { preset, standardTemplate } from '../contract/fixtures';
import { runsText, type Block, type ContractDoc } from '../contract/doc';
import { invalidValuePaths, withInvalidValuesBlank } from './invalid-values';

function text(doc: ContractDoc): string {
  const lines: string[] = [];
  const walk = (blocks: readonly Block[]) => {
    for (const block of blocks) {
      if (block.kind === 'paragraph') lines.push(runsText(block.runs));
      if (block.kind === 'list') for (const item of block.items) lines.push(runsText(item));
      if (block.kind === 'table') for (const row of block.rows) lines.push(row.cells.map((cell) => runsText(cell.runs)).join(' | '));
      if (block.kind === 'clause') walk(block.clause.blocks);
    }
  };
  for (const clause of doc.clauses) walk(clause.blocks);
  return lines.join('\n');
}

describe('invalid values', () => {
  it('names a 120 % target, a negative claim window and a credit beyond 100 %, not a blank or a tier above the target', () => {
    const draft = preset('standard-saas');
    draft.targets.objectives[0]!.objective = 120;
    draft.compensation.claimWindowDays = -5;
    draft.compensation.creditTiers[2]!.creditPercent = 150;
    draft.parties.provider.legalName = '';
    expect([...invalidValuePaths(draft)].sort()).toEqual([
      'compensation.claimWindowDays',
      'compensation.creditTiers[2].creditPercent',
      'targets.objectives[0].objective',
    ]);

    const consistent = preset('standard-saas');
    // Valid in itself: the tier is wrong only against the target.
    consistent.targets.objectives[0]!.objective = 99;
    expect(invalidValuePaths(consistent).size).toBe(0);
  });

  it('clears them in a copy, so the contract shows the blank [●] instead of “120 %”', () => {
    const draft = preset('standard-saas');
    draft.targets.objectives[0]!.objective = 120;
    const blanked = withInvalidValuesBlank(draft);
    expect(blanked.targets.objectives[0]!.objective).toBeNull();
    expect(draft.targets.objectives[0]!.objective).toBe(120);
    // What holds no invalid value is the same object.
    expect(blanked.services).toBe(draft.services);
    expect(blanked.compensation).toBe(draft.compensation);

    const template = standardTemplate();
    expect(text(assembleContract(draft, template, 'en').doc)).toContain('120');
    const contract = text(assembleContract(blanked, template, 'en').doc);
    expect(contract).not.toMatch(/120(\.0+)?\s?%/);
    expect(contract).toContain('[●]');
    expect(text(assembleContract(blanked, template, 'zh-CN').doc)).not.toMatch(/120(\.0+)?\s?%/);
  });

  it('leaves a valid draft as it is', () => {
    const draft = preset('enterprise');
    expect(withInvalidValuesBlank(draft)).toBe(draft);
  });
});
