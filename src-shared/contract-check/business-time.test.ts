/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { assembleBilingual } from '../contract/assemble';
import { runsText, type ContractDoc } from '../contract/doc';
import { preset, standardTemplate, standardTemplateFiles } from '../contract/fixtures';
import { parseTemplate } from '../contract/template';
import type { Template } from '../contract/template-types';
import { businessTimeFindings } from './business-time';

function severityRows(doc: ContractDoc): string[] {
  const rows: string[] = [];
  const walk = (blocks: ContractDoc['clauses'][number]['blocks']) => {
    for (const block of blocks) {
      if (block.kind === 'table' && block.tableKind === 'severities')
        rows.push(...block.rows.map((row) => row.cells.map((cell) => runsText(cell.runs)).join(' | ')));
      if (block.kind === 'clause') walk(block.clause.blocks);
    }
  };
  for (const clause of doc.clauses) walk(clause.blocks);
  return rows;
}

/** The standard template as it was: support times through the calendar `minutes` filter whatever their coverage. */
function calendarTemplate(): Template {
  const files = standardTemplateFiles();
  files['clauses/support.yaml'] = files['clauses/support.yaml']!.replaceAll('| businessMinutes}}', '| minutes}}');
  const parsed = parseTemplate(files);
  if (!parsed.ok) throw new Error('template');
  return parsed.template;
}

describe('business-hours support times in the contract', () => {
  it('enterprise P4: 7,200 business-hours minutes are 10 twelve-hour Business Days, not "5 days"', () => {
    const draft = preset('enterprise');
    const p4 = draft.targets.severities.find((severity) => severity.level === 'P4')!;
    expect(p4).toMatchObject({ resolutionMinutes: 7_200, coverage: 'businessHours' });
    expect(draft.expectations.businessHours).toMatchObject({ start: '08:00', end: '20:00' });
    const { en, zh } = assembleBilingual(draft, standardTemplate());
    expect(severityRows(en)).toContainEqual(expect.stringMatching(/^P4 \| .* \| 1 Business Day \| 10 Business Days \| Business Hours$/));
    expect(severityRows(zh)).toContainEqual(expect.stringMatching(/\| 1个工作日 \| 10个工作日 \| 工作时间$/));
    // 24×7 times stay calendar durations.
    expect(severityRows(en)[0]).toMatch(/\| 15 minutes \| 4 hours \| 24 × 7$/);
    expect(businessTimeFindings(draft, [en, zh])).toEqual([]);
  });

  it('a contract that prints a business-hours time in calendar days is a problem on the field', () => {
    const draft = preset('enterprise');
    const { en, zh } = assembleBilingual(draft, calendarTemplate());
    const p4 = draft.targets.severities.findIndex((severity) => severity.level === 'P4');
    expect(severityRows(en)[p4]).toContain('5 days');
    const findings = businessTimeFindings(draft, [en, zh]);
    expect(findings).toContainEqual(
      expect.objectContaining({
        level: 'problem',
        rule: 'businessTime',
        step: 'targets',
        path: ['targets', 'severities', p4, 'resolutionMinutes'],
        params: { level: 'P4', printed: '5 days' },
      }),
    );
    expect(findings.every((finding) => finding.level === 'problem')).toBe(true);
  });
});
