/**
 * Every limit of the playbook, at its boundary and just beyond: a position
 * exactly at the limit is within it, one step further is a finding on the
 * field a user would have to change, with the severity the limit gives.
 */
import { describe, expect, it } from 'vitest';
import { namedBlankDraft, preset, standardTemplate } from '../contract/fixtures';
import { createI18n } from '../i18n';
import { localized } from '../model/localized';
import type { SlaDraft } from '../model/schema';
import { formatFinding } from './describe';
import { approvedFindings, evaluatePlaybook, findingsNeedingApproval, limitForMetric, pathText, type Finding } from './evaluate';
import type { LimitCheck, Playbook } from './limits';

const playbookOf = (check: LimitCheck, severity: 'warn' | 'needsApproval' = 'needsApproval'): Playbook => ({
  limits: [{ id: 'the-limit', severity, check, note: null }],
});

const blank = () => localized('');

/** A draft with one service measured for availability, latency and support. */
function draft(edit: (draft: SlaDraft) => void = () => undefined): SlaDraft {
  const base = namedBlankDraft();
  base.services = [
    {
      id: 'core',
      name: localized('Core API'),
      description: blank(),
      metrics: [
        { id: 'core-av', kind: 'availability', name: blank(), measurementMethod: blank(), window: 'calendarMonth', dataSource: blank(), exclusions: [] },
        {
          id: 'core-p95',
          kind: 'latency',
          name: blank(),
          percentile: 95,
          measurementMethod: blank(),
          window: 'calendarMonth',
          dataSource: blank(),
          exclusions: [],
        },
        {
          id: 'core-support',
          kind: 'supportResponse',
          name: blank(),
          measurementMethod: blank(),
          window: 'calendarMonth',
          dataSource: blank(),
          exclusions: [],
        },
      ],
    },
  ];
  base.targets.objectives = [
    { id: 'obj-av', metricId: 'core-av', objective: 99.9, coverage: '24x7' },
    { id: 'obj-p95', metricId: 'core-p95', objective: 500, coverage: '24x7' },
  ];
  base.targets.severities = [
    { level: 'P1', description: blank(), responseMinutes: 30, resolutionMinutes: 480, coverage: '24x7' },
    { level: 'P2', description: blank(), responseMinutes: 120, resolutionMinutes: 960, coverage: '24x7' },
  ];
  base.expectations.requests = [];
  base.compensation.creditTiers = [
    { id: 'tier-1', metricId: 'core-av', threshold: 99.9, creditPercent: 10 },
    { id: 'tier-2', metricId: 'core-av', threshold: 99, creditPercent: 25 },
  ];
  base.compensation.capPercent = 50;
  base.compensation.claimWindowDays = 30;
  base.compensation.chronicFailure = { enabled: true, consecutiveMonths: 3, monthsInTwelve: 4, terminationNoticeDays: 30 };
  base.compensation.soleRemedy = true;
  base.compliance.dataResidency = { region: 'none', restrictions: blank() };
  base.contract.positions = {};
  edit(base);
  return base;
}

function only(findings: Finding[]): Finding {
  expect(findings).toHaveLength(1);
  return findings[0]!;
}

describe('each limit at its boundary and just beyond', () => {
  it('availability: a target at the limit is within it, a higher one needs approval', () => {
    const playbook = playbookOf({ rule: 'objective', metric: 'availability', stricterThan: 99.95 });
    expect(
      evaluatePlaybook(
        draft((d) => (d.targets.objectives[0]!.objective = 99.95)),
        playbook,
      ),
    ).toEqual([]);
    const finding = only(
      evaluatePlaybook(
        draft((d) => (d.targets.objectives[0]!.objective = 99.96)),
        playbook,
      ),
    );
    expect(finding).toMatchObject({
      limitId: 'the-limit',
      severity: 'needsApproval',
      scope: 'commitment',
      step: 'targets',
      path: ['targets', 'objectives', 0, 'objective'],
      actual: 99.96,
      limit: 99.95,
      unit: 'percent',
    });
  });

  it('latency: stricter means faster, so a lower target is beyond the limit', () => {
    const playbook = playbookOf({ rule: 'objective', metric: 'latency', stricterThan: 200 });
    expect(
      evaluatePlaybook(
        draft((d) => (d.targets.objectives[1]!.objective = 200)),
        playbook,
      ),
    ).toEqual([]);
    const finding = only(
      evaluatePlaybook(
        draft((d) => (d.targets.objectives[1]!.objective = 199)),
        playbook,
      ),
    );
    expect(finding.path).toEqual(['targets', 'objectives', 1, 'objective']);
    expect(finding.key).toBe('playbook.finding.objectiveBelow');
    expect(finding.unit).toBe('ms');
  });

  it('a limit on one metric kind leaves the other metrics alone', () => {
    const playbook = playbookOf({ rule: 'objective', metric: 'availability', stricterThan: 99 });
    // 500 ms is "above" 99 but is latency, not availability.
    expect(evaluatePlaybook(draft(), playbook).map((f) => pathText(f.path))).toEqual(['targets.objectives[0].objective']);
  });

  it('P1 response: 15 minutes is within a 15-minute floor, 14 is beyond; other severities do not count', () => {
    const playbook = playbookOf({ rule: 'responseBelow', level: 'P1', minutes: 15 });
    expect(
      evaluatePlaybook(
        draft((d) => (d.targets.severities[0]!.responseMinutes = 15)),
        playbook,
      ),
    ).toEqual([]);
    expect(
      evaluatePlaybook(
        draft((d) => (d.targets.severities[1]!.responseMinutes = 5)),
        playbook,
      ),
    ).toEqual([]);
    const finding = only(
      evaluatePlaybook(
        draft((d) => (d.targets.severities[0]!.responseMinutes = 14)),
        playbook,
      ),
    );
    expect(finding).toMatchObject({ path: ['targets', 'severities', 0, 'responseMinutes'], actual: 14, limit: 15, unit: 'minutes', params: { level: 'P1' } });
  });

  it('P1 resolution: at the floor is within, a minute under is beyond', () => {
    const playbook = playbookOf({ rule: 'resolutionBelow', level: 'P1', minutes: 240 }, 'warn');
    expect(
      evaluatePlaybook(
        draft((d) => (d.targets.severities[0]!.resolutionMinutes = 240)),
        playbook,
      ),
    ).toEqual([]);
    const finding = only(
      evaluatePlaybook(
        draft((d) => (d.targets.severities[0]!.resolutionMinutes = 239)),
        playbook,
      ),
    );
    expect(finding).toMatchObject({ path: ['targets', 'severities', 0, 'resolutionMinutes'], severity: 'warn' });
  });

  it('credit tiers: 50 % is within a 50 % maximum, 50.5 % is beyond, on the tier that has it', () => {
    const playbook = playbookOf({ rule: 'creditAbove', percent: 50 });
    expect(
      evaluatePlaybook(
        draft((d) => (d.compensation.creditTiers[1]!.creditPercent = 50)),
        playbook,
      ),
    ).toEqual([]);
    const finding = only(
      evaluatePlaybook(
        draft((d) => (d.compensation.creditTiers[1]!.creditPercent = 50.5)),
        playbook,
      ),
    );
    expect(finding).toMatchObject({ path: ['compensation', 'creditTiers', 1, 'creditPercent'], step: 'compensation', actual: 50.5, limit: 50 });
  });

  it('cap: at the maximum is within, above it is beyond; an uncapped draft is the uncapped rule’s', () => {
    const playbook = playbookOf({ rule: 'capAbove', percent: 50 });
    expect(
      evaluatePlaybook(
        draft((d) => (d.compensation.capPercent = 50)),
        playbook,
      ),
    ).toEqual([]);
    expect(
      evaluatePlaybook(
        draft((d) => (d.compensation.capPercent = null)),
        playbook,
      ),
    ).toEqual([]);
    expect(
      only(
        evaluatePlaybook(
          draft((d) => (d.compensation.capPercent = 51)),
          playbook,
        ),
      ).path,
    ).toEqual(['compensation', 'capPercent']);
  });

  it('uncapped credits: any cap is within, no cap is beyond', () => {
    const playbook = playbookOf({ rule: 'uncappedCredits' });
    expect(
      evaluatePlaybook(
        draft((d) => (d.compensation.capPercent = 100)),
        playbook,
      ),
    ).toEqual([]);
    const finding = only(
      evaluatePlaybook(
        draft((d) => (d.compensation.capPercent = null)),
        playbook,
      ),
    );
    expect(finding).toMatchObject({ path: ['compensation', 'capPercent'], actual: null, key: 'playbook.finding.uncappedCredits' });
  });

  it('claim window: 30 days is within a 30-day minimum, 29 is beyond', () => {
    const playbook = playbookOf({ rule: 'claimWindowBelow', days: 30 }, 'warn');
    expect(
      evaluatePlaybook(
        draft((d) => (d.compensation.claimWindowDays = 30)),
        playbook,
      ),
    ).toEqual([]);
    const finding = only(
      evaluatePlaybook(
        draft((d) => (d.compensation.claimWindowDays = 29)),
        playbook,
      ),
    );
    expect(finding).toMatchObject({ path: ['compensation', 'claimWindowDays'], actual: 29, limit: 30, unit: 'days', severity: 'warn' });
  });

  it('chronic failure: 3 consecutive months is within, 2 is beyond — unless there is no termination right at all', () => {
    const playbook = playbookOf({ rule: 'chronicMonthsBelow', months: 3 });
    expect(
      evaluatePlaybook(
        draft((d) => (d.compensation.chronicFailure.consecutiveMonths = 3)),
        playbook,
      ),
    ).toEqual([]);
    const finding = only(
      evaluatePlaybook(
        draft((d) => (d.compensation.chronicFailure.consecutiveMonths = 2)),
        playbook,
      ),
    );
    expect(finding).toMatchObject({ path: ['compensation', 'chronicFailure', 'consecutiveMonths'], actual: 2, limit: 3, unit: 'months' });
    const disabled = draft((d) => {
      d.compensation.chronicFailure.consecutiveMonths = 1;
      d.compensation.chronicFailure.enabled = false;
    });
    expect(evaluatePlaybook(disabled, playbook)).toEqual([]);
  });

  it('sole remedy: credits as the sole remedy are within, otherwise liability is open', () => {
    const playbook = playbookOf({ rule: 'notSoleRemedy' });
    expect(evaluatePlaybook(draft(), playbook)).toEqual([]);
    expect(
      only(
        evaluatePlaybook(
          draft((d) => (d.compensation.soleRemedy = false)),
          playbook,
        ),
      ).path,
    ).toEqual(['compensation', 'soleRemedy']);
  });

  it('clause position: balanced (also when not chosen) is within, the listed customer wording is beyond', () => {
    const playbook = playbookOf({ rule: 'position', clause: 'cap-and-remedy.sole-remedy', positions: ['customer'] });
    expect(evaluatePlaybook(draft(), playbook)).toEqual([]);
    expect(
      evaluatePlaybook(
        draft((d) => (d.contract.positions['cap-and-remedy.sole-remedy'] = 'balanced')),
        playbook,
      ),
    ).toEqual([]);
    const finding = only(
      evaluatePlaybook(
        draft((d) => (d.contract.positions['cap-and-remedy.sole-remedy'] = 'customer')),
        playbook,
      ),
    );
    expect(finding).toMatchObject({
      path: ['contract', 'positions', 'cap-and-remedy.sole-remedy'],
      step: 'compliance',
      actual: 'customer',
      params: { clause: 'cap-and-remedy.sole-remedy' },
    });
    // A limit may list the default wording too: then a draft that never chose one is beyond it.
    expect(evaluatePlaybook(draft(), playbookOf({ rule: 'position', clause: 'claims.procedure', positions: ['balanced'] }))).toHaveLength(1);
  });

  it('data residency: none is within; any region, or only the listed ones, is beyond', () => {
    const any = playbookOf({ rule: 'residency', regions: [] }, 'warn');
    expect(evaluatePlaybook(draft(), any)).toEqual([]);
    expect(
      only(
        evaluatePlaybook(
          draft((d) => (d.compliance.dataResidency.region = 'EU')),
          any,
        ),
      ),
    ).toMatchObject({
      path: ['compliance', 'dataResidency', 'region'],
      actual: 'EU',
      unit: 'region',
    });
    const china = playbookOf({ rule: 'residency', regions: ['CN_MAINLAND'] });
    expect(
      evaluatePlaybook(
        draft((d) => (d.compliance.dataResidency.region = 'EU')),
        china,
      ),
    ).toEqual([]);
    expect(
      evaluatePlaybook(
        draft((d) => (d.compliance.dataResidency.region = 'CN_MAINLAND')),
        china,
      ),
    ).toHaveLength(1);
  });
});

describe('the customer’s asks', () => {
  it('an ask stricter than an objective limit is flagged as an ask, at the request', () => {
    const playbook = playbookOf({ rule: 'objective', metric: 'availability', stricterThan: 99.95 });
    const asking = (level: number) =>
      draft((d) => (d.expectations.requests = [{ id: 'req-1', metricId: 'core-av', requestedLevel: level, priority: 'must', note: '' }]));
    expect(evaluatePlaybook(asking(99.95), playbook)).toEqual([]);
    const finding = only(evaluatePlaybook(asking(99.99), playbook));
    expect(finding).toMatchObject({
      scope: 'ask',
      step: 'expectations',
      path: ['expectations', 'requests', 0, 'requestedLevel'],
      key: 'playbook.finding.askAbove',
    });
  });

  it('a support response ask is judged against the fastest response the playbook allows', () => {
    const playbook: Playbook = {
      limits: [
        { id: 'p2', severity: 'warn', check: { rule: 'responseBelow', level: 'P2', minutes: 60 }, note: null },
        { id: 'p1', severity: 'needsApproval', check: { rule: 'responseBelow', level: 'P1', minutes: 15 }, note: null },
      ],
    };
    const asking = (minutes: number) =>
      draft((d) => (d.expectations.requests = [{ id: 'req-1', metricId: 'core-support', requestedLevel: minutes, priority: 'must', note: '' }]));
    expect(evaluatePlaybook(asking(15), playbook)).toEqual([]);
    // 30 minutes is faster than P2's floor but could be a P1 ask, which the playbook allows.
    expect(evaluatePlaybook(asking(30), playbook)).toEqual([]);
    expect(only(evaluatePlaybook(asking(10), playbook))).toMatchObject({ limitId: 'p1', scope: 'ask', limit: 15 });
    expect(limitForMetric(playbook, { kind: 'supportResponse' })).toMatchObject({ value: 15 });
  });

  it('asks never need an approval; commitments of needsApproval limits do', () => {
    const playbook: Playbook = {
      limits: [
        { id: 'availability', severity: 'needsApproval', check: { rule: 'objective', metric: 'availability', stricterThan: 99.95 }, note: null },
        { id: 'claims', severity: 'warn', check: { rule: 'claimWindowBelow', days: 30 }, note: null },
      ],
    };
    const asking = draft((d) => {
      d.expectations.requests = [{ id: 'req-1', metricId: 'core-av', requestedLevel: 99.99, priority: 'must', note: '' }];
      d.compensation.claimWindowDays = 10;
    });
    const findings = evaluatePlaybook(asking, playbook);
    expect(findings.map((f) => `${f.limitId}:${f.scope}`)).toEqual(['availability:ask', 'claims:commitment']);
    expect(findingsNeedingApproval(findings)).toEqual([]);

    const committed = draft((d) => (d.targets.objectives[0]!.objective = 99.99));
    const needed = findingsNeedingApproval(evaluatePlaybook(committed, playbook));
    expect(needed.map((f) => f.limitId)).toEqual(['availability']);
    // What an approval records: the limit, the field and both values — enough to know later what was approved.
    expect(approvedFindings(evaluatePlaybook(committed, playbook))).toEqual([
      { limitId: 'availability', path: 'targets.objectives[0].objective', actual: 99.99, limit: 99.95 },
    ]);
  });
});

describe('a working copy still being edited', () => {
  it('skips values of the wrong type instead of failing', () => {
    const playbook = standardTemplate().playbook!;
    const broken = draft((d) => {
      (d.targets.objectives[0] as { objective: unknown }).objective = null;
      (d.compensation as { claimWindowDays: unknown }).claimWindowDays = '';
      (d.targets as { severities: unknown }).severities = null;
    });
    expect(() => evaluatePlaybook(broken, playbook)).not.toThrow();
  });
});

describe('the standard template’s playbook', () => {
  it('flags the enterprise preset’s aggressive positions and the customer’s asks beyond it', () => {
    const findings = evaluatePlaybook(preset('enterprise'), standardTemplate().playbook);
    const summary = findings.map((f) => `${f.limitId} ${f.scope} ${pathText(f.path)}`);
    expect(summary).toContain('availability-ceiling ask expectations.requests[0].requestedLevel');
    expect(summary).toContain('p1-response-floor ask expectations.requests[5].requestedLevel');
    expect(summary).toContain('chronic-failure-floor commitment compensation.chronicFailure.consecutiveMonths');
    expect(summary).toContain('data-residency commitment compliance.dataResidency.region');
    expect(findingsNeedingApproval(findings).map((f) => f.limitId)).toEqual(['chronic-failure-floor']);
  });

  it('reads each finding as a sentence in English and Chinese', () => {
    const findings = evaluatePlaybook(
      draft((d) => {
        d.targets.objectives[0]!.objective = 99.99;
        d.compensation.claimWindowDays = 7;
        d.targets.severities[0]!.responseMinutes = 10;
      }),
      standardTemplate().playbook,
    );
    const en = createI18n('en');
    const zh = createI18n('zh-CN');
    const texts = (locale: 'en' | 'zh-CN', t: typeof en.t) => findings.map((finding) => formatFinding(finding, locale, t));
    expect(texts('en', en.t)).toEqual([
      "Core API — Availability: a target of 99.99\u00a0% is above the playbook's limit of 99.95\u00a0%",
      'P1 response within 10 minutes is faster than the playbook allows (at the fastest 15 minutes)',
      "A claim window of 7 days is shorter than the playbook's minimum of 30 days",
    ]);
    expect(texts('zh-CN', zh.t)).toEqual([
      'Core API — 可用性：目标99.99%高于谈判手册的上限99.95%',
      'P1在10分钟内响应，快于谈判手册允许的最快响应时间（15分钟）',
      '申请期限7天短于谈判手册规定的最短期限30天',
    ]);
  });
});

describe('a value out of its range', () => {
  it('is an error only: no finding, so no approval, for a 120 % target or a 200 % credit', () => {
    const objectives = playbookOf({ rule: 'objective', metric: 'availability', stricterThan: 99.95 });
    expect(
      only(
        evaluatePlaybook(
          draft((d) => (d.targets.objectives[0]!.objective = 99.99)),
          objectives,
        ),
      ).actual,
    ).toBe(99.99);
    expect(
      evaluatePlaybook(
        draft((d) => (d.targets.objectives[0]!.objective = 120)),
        objectives,
      ),
    ).toEqual([]);
    const credits = playbookOf({ rule: 'creditAbove', percent: 50 });
    expect(
      only(
        evaluatePlaybook(
          draft((d) => (d.compensation.creditTiers[1]!.creditPercent = 60)),
          credits,
        ),
      ).actual,
    ).toBe(60);
    expect(
      evaluatePlaybook(
        draft((d) => (d.compensation.creditTiers[1]!.creditPercent = 200)),
        credits,
      ),
    ).toEqual([]);
  });
});
