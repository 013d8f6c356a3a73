/**
 * A playbook is written by a lawyer in the template's YAML: the parser
 * accepts the bundled one and refuses a malformed one with an error that
 * names template.yaml, the line and the limit's key — never a crash and
 * never a limit silently dropped.
 */
import { describe, expect, it } from 'vitest';
import { standardTemplateFiles } from '../contract/fixtures';
import { formatTemplateError, parseTemplate } from '../contract/template';
import { parsePlaybook } from './limits';

/** The standard template with its playbook replaced by `yaml` (indented under `playbook:`). */
function withPlaybook(yaml: string): Record<string, string> {
  const files = standardTemplateFiles();
  const template = files['template.yaml']!;
  const start = template.indexOf('\nplaybook:');
  if (start < 0) throw new Error('the standard template has no playbook');
  return { ...files, 'template.yaml': `${template.slice(0, start)}\nplaybook:\n${yaml}` };
}

function errorLines(files: Record<string, string>): string[] {
  const result = parseTemplate(files);
  if (result.ok) throw new Error('expected the template to be refused');
  return result.errors.map(formatTemplateError);
}

describe('the bundled playbook', () => {
  it('is parsed with every limit, its severity and its note in both languages', () => {
    const result = parseTemplate(standardTemplateFiles());
    if (!result.ok) throw new Error(result.errors.map(formatTemplateError).join('\n'));
    const playbook = result.template.playbook;
    expect(playbook?.limits.map((limit) => `${limit.id}:${limit.severity}:${limit.check.rule}`)).toEqual([
      'availability-ceiling:needsApproval:objective',
      'p1-response-floor:needsApproval:responseBelow',
      'p1-resolution-floor:warn:resolutionBelow',
      'credit-tier-ceiling:needsApproval:creditAbove',
      'credits-capped:needsApproval:uncappedCredits',
      'claim-window-floor:warn:claimWindowBelow',
      'chronic-failure-floor:needsApproval:chronicMonthsBelow',
      'credits-sole-remedy:needsApproval:notSoleRemedy',
      'sole-remedy-wording:needsApproval:position',
      'data-residency:warn:residency',
    ]);
    expect(playbook?.limits[0]?.check).toEqual({ rule: 'objective', metric: 'availability', stricterThan: 99.95 });
    for (const limit of playbook?.limits ?? []) {
      expect(limit.note?.en, limit.id).toBeTruthy();
      expect(limit.note?.['zh-CN'], limit.id).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('a template without a playbook has none, and parses', () => {
    const files = standardTemplateFiles();
    const template = files['template.yaml']!;
    const result = parseTemplate({ ...files, 'template.yaml': template.slice(0, template.indexOf('\nplaybook:')) });
    expect(result.ok && result.template.playbook).toBeNull();
  });
});

describe('a malformed playbook', () => {
  it('names the line and the key of a rule it does not know', () => {
    const lines = errorLines(withPlaybook('  limits:\n    - id: fast\n      severity: warn\n      availabilityAbove: 99.9\n'));
    expect(lines).toContainEqual(expect.stringMatching(/^template\.yaml:\d+ playbook\.limits\[0\]\.availabilityAbove: unknown key "availabilityAbove"/));
    expect(lines.join('\n')).toContain('has no rule; give exactly one of: objective,');
  });

  it('refuses two rules in one limit, a wrong severity and a wrong value', () => {
    const lines = errorLines(
      withPlaybook(
        [
          '  limits:',
          '    - id: two-rules',
          '      severity: needsApproval',
          '      creditAbove: 50',
          '      uncappedCredits: true',
          '    - id: bad-severity',
          '      severity: block',
          '      claimWindowBelow: 30',
          '    - id: bad-value',
          '      severity: warn',
          '      claimWindowBelow: thirty',
          '',
        ].join('\n'),
      ),
    );
    expect(lines).toContainEqual(expect.stringContaining('playbook.limits[0]: has 2 rules (creditAbove, uncappedCredits); give one rule per limit'));
    expect(lines).toContainEqual(expect.stringContaining('playbook.limits[1].severity: must be one of: warn, needsApproval'));
    expect(lines).toContainEqual(expect.stringContaining('playbook.limits[2].claimWindowBelow: must be a number'));
  });

  it('refuses a position limit on a clause without positions, and a duplicate id', () => {
    const lines = errorLines(
      withPlaybook(
        [
          '  limits:',
          '    - id: wording',
          '      severity: warn',
          '      position: { clause: service-credits, is: [customer] }',
          '    - id: wording',
          '      severity: warn',
          '      notSoleRemedy: true',
          '',
        ].join('\n'),
      ),
    );
    expect(lines).toContainEqual(
      expect.stringContaining('playbook.limits[0].position.clause: "service-credits" is not a clause with positions in this template'),
    );
    expect(lines).toContainEqual(expect.stringContaining('playbook.limits[1].id: the limit id "wording" is used twice'));
  });

  it('refuses an unknown metric kind and a support level that does not exist', () => {
    const result = parsePlaybook({
      limits: [
        { id: 'a', severity: 'warn', objective: { metric: 'uptime', stricterThan: 99 } },
        { id: 'b', severity: 'warn', responseBelow: { level: 'P0', minutes: 15 } },
        { id: 'c', severity: 'warn', residency: ['MARS'] },
      ],
    });
    expect(result.ok).toBe(false);
    const messages = result.ok ? [] : result.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^limits\.0\.objective\.metric: must be one of: availability, latency/),
      'limits.1.responseBelow.level: must be one of: P1, P2, P3, P4',
      'limits.2.residency: must be "any" or a list of regions',
    ]);
  });

  it('refuses a playbook that is not a list of limits', () => {
    expect(parsePlaybook(['x'])).toEqual({ ok: false, issues: [{ path: [], message: 'must be a mapping of keys' }] });
    expect(parsePlaybook({ limits: [42] })).toEqual({
      ok: false,
      issues: [{ path: ['limits', 0], message: 'must be a mapping with id, severity and one rule' }],
    });
  });
});
