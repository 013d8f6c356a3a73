/**
 * Each cross-field rule, and the structural checks, on a minimal change of a
 * valid draft: the user must see exactly the problem they caused, on the
 * field they touched, in the step that owns it.
 */
import { describe, expect, it } from 'vitest';
import { blankDraft } from './defaults';
import { localized } from './localized';
import type { Problem } from './problems';
import { SCHEMA_VERSION, type Metric, type SlaDraft } from './schema';
import { validateDraft } from './validate';

/** The blank draft with the parties named: the smallest draft without problems. */
function validDraft(): SlaDraft {
  const draft = blankDraft({ title: 'Acme Cloud SLA', effectiveDate: '2027-01-01' });
  draft.parties.provider.legalName = 'Acme Cloud Ltd';
  draft.parties.customer.legalName = 'Globex Retail plc';
  return draft;
}

function problemsAfter(change: (draft: SlaDraft) => void): Problem[] {
  const draft = validDraft();
  change(draft);
  return validateDraft(draft).problems;
}

/** The blank draft's service, named in both languages: a message reads the name in its own language. */
const application = validDraft().services[0]!.name;

/** Structural problems need values the types forbid, as a hand-edited file would hold them. */
const forced = <T>(value: unknown): T => value as T;

const expected = (step: Problem['step'], path: Problem['path'], key: string, params?: Problem['params']) =>
  params === undefined ? { step, path, key, params: expect.anything() } : { step, path, key, params };

const metric = (overrides: Partial<Metric> & Pick<Metric, 'id' | 'kind'>): Metric => ({
  name: localized(''),
  measurementMethod: localized('Measured by the provider.'),
  window: 'calendarMonth',
  dataSource: localized('Provider monitoring'),
  exclusions: [],
  ...overrides,
});

function addLatency(draft: SlaDraft, objective = 300): void {
  draft.services[0]!.metrics.push(metric({ id: 'svc-1-latency', kind: 'latency', percentile: 95 }));
  draft.targets.objectives.push({ id: 'obj-latency', metricId: 'svc-1-latency', objective, coverage: '24x7' });
}

describe('the starting point', () => {
  it('a blank draft only lacks the parties’ names', () => {
    const { problems } = validateDraft(blankDraft({ title: 'New SLA', effectiveDate: '2027-01-01' }));
    expect(problems).toEqual([
      expected('services', ['parties', 'provider', 'legalName'], 'validation.required'),
      expected('services', ['parties', 'customer', 'legalName'], 'validation.required'),
    ]);
  });

  it('a Chinese blank draft is just as coherent', () => {
    const draft = blankDraft({ title: '新协议', effectiveDate: '2027-01-01', locale: 'zh-CN' });
    draft.parties.provider.legalName = '上海示例科技有限公司';
    draft.parties.customer.legalName = '北京示例贸易有限公司';
    expect(validateDraft(draft).problems).toEqual([]);
  });

  it('the valid base draft has no problems, so every case below sees only its own', () => {
    expect(validateDraft(validDraft()).problems).toEqual([]);
  });
});

describe('services rules', () => {
  it('requires at least one service', () => {
    const problems = problemsAfter((d) => {
      d.services = [];
      // Without services the targets and tiers would also point nowhere; clear them to see this rule alone.
      d.targets.objectives = [];
      d.compensation.creditTiers = [];
    });
    expect(problems).toEqual([expected('services', ['services'], 'rules.atLeastOneService', {})]);
  });

  it('requires a metric on every service', () => {
    const problems = problemsAfter((d) => {
      d.services[0]!.metrics = [];
      d.targets.objectives = [];
      d.compensation.creditTiers = [];
    });
    expect(problems).toEqual([expected('services', ['services', 0, 'metrics'], 'rules.serviceWithoutMetric', { service: application })]);
  });

  it('refuses a service id used twice', () => {
    const problems = problemsAfter((d) => {
      d.services.push({ id: 'svc-1', name: localized('Reporting'), description: localized(''), metrics: [metric({ id: 'svc-2-rpo', kind: 'rpo' })] });
      d.targets.objectives.push({ id: 'obj-rpo', metricId: 'svc-2-rpo', objective: 60, coverage: '24x7' });
    });
    expect(problems).toEqual([expected('services', ['services', 1, 'id'], 'rules.duplicateId', { id: 'svc-1' })]);
  });

  it('refuses a metric id used twice, even across services', () => {
    const problems = problemsAfter((d) => {
      d.services.push({
        id: 'svc-2',
        name: localized('Reporting'),
        description: localized(''),
        metrics: [metric({ id: 'svc-1-availability', kind: 'availability' })],
      });
    });
    expect(problems).toEqual([expected('services', ['services', 1, 'metrics', 0, 'id'], 'rules.duplicateId', { id: 'svc-1-availability' })]);
  });

  it('requires the percentile of a latency metric', () => {
    const problems = problemsAfter((d) => {
      addLatency(d);
      delete d.services[0]!.metrics[1]!.percentile;
    });
    expect(problems).toEqual([expected('services', ['services', 0, 'metrics', 1, 'percentile'], 'rules.percentileRequired', {})]);
  });

  it('requires the name and unit of a custom metric', () => {
    const problems = problemsAfter((d) => {
      d.services[0]!.metrics.push(metric({ id: 'svc-1-jobs', kind: 'custom', higherIsBetter: true }));
      d.targets.objectives.push({ id: 'obj-jobs', metricId: 'svc-1-jobs', objective: 99, coverage: '24x7' });
    });
    expect(problems).toEqual([
      expected('services', ['services', 0, 'metrics', 1, 'name'], 'rules.customNameRequired', {}),
      expected('services', ['services', 0, 'metrics', 1, 'unit'], 'rules.customUnitRequired', {}),
    ]);
  });
});

describe('targets rules', () => {
  it('rejects an availability target of 100 %', () => {
    const problems = problemsAfter((d) => {
      d.targets.objectives[0]!.objective = 100;
    });
    expect(problems).toEqual([expected('targets', ['targets', 'objectives', 0, 'objective'], 'rules.availabilityRange', {})]);
  });

  it('rejects an availability target of 0 %', () => {
    const problems = problemsAfter((d) => {
      d.targets.objectives[0]!.objective = 0;
      // Every tier would otherwise also start above the target.
      d.compensation.creditTiers = [];
    });
    expect(problems).toEqual([expected('targets', ['targets', 'objectives', 0, 'objective'], 'rules.availabilityRange', {})]);
  });

  it('accepts availability targets just inside the bounds', () => {
    for (const objective of [0.01, 99.999]) {
      const problems = problemsAfter((d) => {
        d.targets.objectives[0]!.objective = objective;
        d.compensation.creditTiers = [];
      });
      expect(problems).toEqual([]);
    }
  });

  it('rejects an error-rate target above 100 %', () => {
    const problems = problemsAfter((d) => {
      d.services[0]!.metrics.push(metric({ id: 'svc-1-errors', kind: 'errorRate' }));
      d.targets.objectives.push({ id: 'obj-errors', metricId: 'svc-1-errors', objective: 101, coverage: '24x7' });
    });
    expect(problems).toEqual([expected('targets', ['targets', 'objectives', 1, 'objective'], 'rules.percentRange', {})]);
  });

  it('rejects a target for a metric no service has, and notes the metric left without one', () => {
    const problems = problemsAfter((d) => {
      d.targets.objectives[0]!.metricId = 'svc-9-availability';
    });
    expect(problems).toEqual([
      expected('targets', ['targets', 'objectives', 0, 'metricId'], 'rules.unknownMetric', { id: 'svc-9-availability' }),
      expected('targets', ['targets', 'objectives'], 'rules.metricWithoutObjective', { metric: application, service: application }),
    ]);
  });

  it('requires a target for every measured metric', () => {
    const problems = problemsAfter((d) => {
      d.services[0]!.metrics.push(metric({ id: 'svc-1-rto', kind: 'rto', name: localized('Recovery time') }));
    });
    expect(problems).toEqual([
      expected('targets', ['targets', 'objectives'], 'rules.metricWithoutObjective', { metric: localized('Recovery time'), service: application }),
    ]);
  });

  it('refuses two targets for one metric', () => {
    const problems = problemsAfter((d) => {
      d.targets.objectives.push({ id: 'obj-2', metricId: 'svc-1-availability', objective: 99.9, coverage: 'businessHours' });
    });
    expect(problems).toEqual([expected('targets', ['targets', 'objectives', 1, 'metricId'], 'rules.duplicateObjective', {})]);
  });

  it('refuses an objective on a support metric, whose targets are the severity table', () => {
    const problems = problemsAfter((d) => {
      d.services[0]!.metrics.push(metric({ id: 'svc-1-response', kind: 'supportResponse', name: localized('Response time') }));
      d.targets.objectives.push({ id: 'obj-response', metricId: 'svc-1-response', objective: 60, coverage: '24x7' });
    });
    expect(problems).toEqual([
      expected('targets', ['targets', 'objectives', 1, 'metricId'], 'rules.supportMetricObjective', { metric: localized('Response time') }),
    ]);
  });

  it('requires a severity table when a support metric exists', () => {
    const problems = problemsAfter((d) => {
      d.services[0]!.metrics.push(metric({ id: 'svc-1-response', kind: 'supportResponse' }));
      d.targets.severities = [];
    });
    expect(problems).toEqual([expected('targets', ['targets', 'severities'], 'rules.severitiesRequired', {})]);
  });

  it('refuses a severity listed twice', () => {
    const problems = problemsAfter((d) => {
      d.targets.severities[1]!.level = 'P1';
    });
    expect(problems).toEqual([expected('targets', ['targets', 'severities', 1, 'level'], 'rules.duplicateSeverity', { level: 'P1' })]);
  });

  it('rejects a response time longer than the resolution time of the same severity', () => {
    const problems = problemsAfter((d) => {
      d.targets.severities[1]!.responseMinutes = 2000; // P2 resolves in 1440
    });
    expect(problems).toEqual([expected('targets', ['targets', 'severities', 1, 'responseMinutes'], 'rules.responseAfterResolution', { level: 'P2' })]);
  });

  it('accepts a response time equal to the resolution time', () => {
    expect(problemsAfter((d) => (d.targets.severities[1]!.responseMinutes = 1440))).toEqual([]);
  });

  it('rejects a maintenance window longer than the monthly maximum', () => {
    const problems = problemsAfter((d) => {
      d.targets.maintenance.maxHoursPerMonth = 2; // the window lasts 240 minutes
    });
    expect(problems).toEqual([expected('targets', ['targets', 'maintenance', 'windows', 0, 'durationMinutes'], 'rules.windowOverMonthlyMax', { hours: 2 })]);
  });
});

describe('expectations rules', () => {
  it('rejects business hours that end before, or when, they start', () => {
    for (const end of ['08:00', '09:00']) {
      const problems = problemsAfter((d) => (d.expectations.businessHours.end = end));
      expect(problems).toEqual([expected('expectations', ['expectations', 'businessHours', 'end'], 'rules.endBeforeStart', {})]);
    }
  });

  it('rejects a date given both as a public holiday and as an extra working day, naming the working day', () => {
    const problems = problemsAfter((d) => {
      d.expectations.businessHours.holidays = ['2026-10-01', '2026-10-10'];
      d.expectations.businessHours.workingDays = ['2026-09-20', '2026-10-10'];
    });
    expect(problems).toEqual([
      expected('expectations', ['expectations', 'businessHours', 'workingDays', 1], 'rules.workingDayIsHoliday', { date: '2026-10-10' }),
    ]);
    // Apart, or with no working days given at all (a file from before the field), they are fine.
    expect(problemsAfter((d) => (d.expectations.businessHours.workingDays = ['2026-09-20']))).toEqual([]);
    expect(problemsAfter((d) => delete d.expectations.businessHours.workingDays)).toEqual([]);
  });

  it('rejects a critical period that ends before it starts, and accepts a one-day period', () => {
    const period = { id: 'cp-1', name: localized('Year-end close'), start: '2027-12-20', end: '2027-12-19', note: '' };
    const problems = problemsAfter((d) => d.expectations.criticalPeriods.push({ ...period }));
    expect(problems).toEqual([expected('expectations', ['expectations', 'criticalPeriods', 0, 'end'], 'rules.endBeforeStart', {})]);
    expect(problemsAfter((d) => d.expectations.criticalPeriods.push({ ...period, end: '2027-12-20' }))).toEqual([]);
  });

  it('rejects a request for a metric no service has', () => {
    const problems = problemsAfter((d) => {
      d.expectations.requests.push({ id: 'req-1', metricId: 'svc-2-latency', requestedLevel: 200, priority: 'must', note: '' });
    });
    expect(problems).toEqual([expected('expectations', ['expectations', 'requests', 0, 'metricId'], 'rules.unknownMetric', { id: 'svc-2-latency' })]);
  });

  it('rejects a request for 100 % availability', () => {
    const problems = problemsAfter((d) => {
      d.expectations.requests.push({ id: 'req-1', metricId: 'svc-1-availability', requestedLevel: 100, priority: 'must', note: '' });
    });
    expect(problems).toEqual([expected('expectations', ['expectations', 'requests', 0, 'requestedLevel'], 'rules.availabilityRange', {})]);
  });
});

describe('monitoring rules', () => {
  it('refuses two notification times for one severity', () => {
    const problems = problemsAfter((d) => {
      d.monitoring.incidentNotification[1]!.level = 'P1';
    });
    expect(problems).toEqual([expected('monitoring', ['monitoring', 'incidentNotification', 1, 'level'], 'rules.duplicateSeverity', { level: 'P1' })]);
  });
});

describe('compensation rules', () => {
  it('rejects tiers whose thresholds do not strictly decrease', () => {
    const problems = problemsAfter((d) => {
      d.compensation.creditTiers[1]!.threshold = 99.9; // equal to the first tier
    });
    expect(problems).toEqual([expected('compensation', ['compensation', 'creditTiers', 1, 'threshold'], 'rules.tiersNotDecreasing', { previous: 99.9 })]);
  });

  it('rejects a worse tier that pays less than the one before', () => {
    const problems = problemsAfter((d) => {
      d.compensation.creditTiers[1]!.creditPercent = 5;
    });
    expect(problems).toEqual([expected('compensation', ['compensation', 'creditTiers', 1, 'creditPercent'], 'rules.creditsDecreasing', { previous: 10 })]);
  });

  it('accepts two tiers that pay the same', () => {
    expect(problemsAfter((d) => (d.compensation.creditTiers[1]!.creditPercent = 10))).toEqual([]);
  });

  it('rejects every credit above the cap, and accepts them all when uncapped', () => {
    const problems = problemsAfter((d) => (d.compensation.capPercent = 20));
    expect(problems).toEqual([
      expected('compensation', ['compensation', 'creditTiers', 1, 'creditPercent'], 'rules.creditAboveCap', { credit: 25, cap: 20 }),
      expected('compensation', ['compensation', 'creditTiers', 2, 'creditPercent'], 'rules.creditAboveCap', { credit: 50, cap: 20 }),
    ]);
    expect(problemsAfter((d) => (d.compensation.capPercent = null))).toEqual([]);
  });

  it('rejects a tier that pays while the target is still met', () => {
    const problems = problemsAfter((d) => {
      d.compensation.creditTiers[0]!.threshold = 99.95; // the target is 99.9
    });
    expect(problems).toEqual([expected('compensation', ['compensation', 'creditTiers', 0, 'threshold'], 'rules.tierAboveTarget', { target: 99.9 })]);
  });

  it('reads latency tiers the other way round: thresholds rise and start at or above the target', () => {
    const below = problemsAfter((d) => {
      addLatency(d, 300);
      d.compensation.creditTiers.push({ id: 'tier-latency-1', metricId: 'svc-1-latency', threshold: 250, creditPercent: 5 });
    });
    expect(below).toEqual([expected('compensation', ['compensation', 'creditTiers', 3, 'threshold'], 'rules.tierBelowTarget', { target: 300 })]);
    const notIncreasing = problemsAfter((d) => {
      addLatency(d, 300);
      d.compensation.creditTiers.push(
        { id: 'tier-latency-1', metricId: 'svc-1-latency', threshold: 500, creditPercent: 5 },
        { id: 'tier-latency-2', metricId: 'svc-1-latency', threshold: 400, creditPercent: 10 },
      );
    });
    expect(notIncreasing).toEqual([expected('compensation', ['compensation', 'creditTiers', 4, 'threshold'], 'rules.tiersNotIncreasing', { previous: 500 })]);
  });

  it('rejects a tier for a metric no service has', () => {
    const problems = problemsAfter((d) => (d.compensation.creditTiers[2]!.metricId = 'svc-1-uptime'));
    expect(problems).toEqual([expected('compensation', ['compensation', 'creditTiers', 2, 'metricId'], 'rules.unknownMetric', { id: 'svc-1-uptime' })]);
  });

  it('rejects a tier on a support metric', () => {
    const problems = problemsAfter((d) => {
      d.services[0]!.metrics.push(metric({ id: 'svc-1-response', kind: 'supportResponse' }));
      d.compensation.creditTiers.push({ id: 'tier-response', metricId: 'svc-1-response', threshold: 60, creditPercent: 50 });
    });
    expect(problems).toEqual([expected('compensation', ['compensation', 'creditTiers', 3, 'metricId'], 'rules.tierOnSupportMetric', {})]);
  });

  it('rejects an availability tier threshold of 0 %', () => {
    const problems = problemsAfter((d) => (d.compensation.creditTiers[2]!.threshold = 0));
    expect(problems).toEqual([expected('compensation', ['compensation', 'creditTiers', 2, 'threshold'], 'rules.availabilityRange', {})]);
  });

  it('needs the rolling-twelve count to cover the consecutive months, only when termination is on', () => {
    const problems = problemsAfter((d) => (d.compensation.chronicFailure.monthsInTwelve = 2));
    expect(problems).toEqual([expected('compensation', ['compensation', 'chronicFailure', 'monthsInTwelve'], 'rules.chronicWindow', { consecutive: 3 })]);
    const disabled = problemsAfter((d) => {
      d.compensation.chronicFailure.monthsInTwelve = 2;
      d.compensation.chronicFailure.enabled = false;
    });
    expect(disabled).toEqual([]);
  });
});

describe('compliance rules', () => {
  it('requires an institution for arbitration, not for the courts', () => {
    for (const method of ['arbitration', 'mediationThenArbitration'] as const) {
      const problems = problemsAfter((d) => (d.compliance.disputeResolution.method = method));
      expect(problems).toEqual([expected('compliance', ['compliance', 'disputeResolution', 'institution'], 'rules.institutionRequired', {})]);
    }
    const named = problemsAfter((d) => {
      d.compliance.disputeResolution.method = 'arbitration';
      d.compliance.disputeResolution.institution = localized('LCIA');
    });
    expect(named).toEqual([]);
  });
});

describe('structural validation', () => {
  it('names the field of a wrong type', () => {
    const problems = problemsAfter((draft) => (draft.termMonths = forced('12')));
    expect(problems).toEqual([expected('services', ['termMonths'], 'validation.expectedNumber', {})]);
    const fee = problemsAfter((draft) => (draft.compensation.monthlyFee = forced('1,000')));
    expect(fee).toEqual([expected('compensation', ['compensation', 'monthlyFee'], 'validation.expectedNumber', {})]);
  });

  it('refuses unknown fields, at the top and inside a list item', () => {
    const problems = problemsAfter((draft) => {
      Object.assign(draft, { notes: 'internal' });
      Object.assign(draft.services[0]!, { owner: 'ops' });
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expected('services', ['notes'], 'validation.unknownField', { field: 'notes' }),
        expected('services', ['services', 0, 'owner'], 'validation.unknownField', { field: 'owner' }),
      ]),
    );
    expect(problems).toHaveLength(2);
  });

  it('rejects calendar dates that do not exist', () => {
    for (const date of ['2026-02-30', '2027-02-29', '2027-13-01', '2027-04-31']) {
      expect(problemsAfter((draft) => (draft.effectiveDate = date))).toEqual([expected('services', ['effectiveDate'], 'validation.date', {})]);
    }
    // Not in YYYY-MM-DD form: the format and the calendar check both fail (schema.ts isoDate runs both).
    const unpadded = problemsAfter((draft) => (draft.effectiveDate = '2027-1-5'));
    expect(unpadded.length).toBeGreaterThan(0);
    expect(unpadded.every((p) => p.key === 'validation.date' && p.path.join('.') === 'effectiveDate')).toBe(true);
    expect(problemsAfter((draft) => (draft.effectiveDate = '2028-02-29'))).toEqual([]);
    const holiday = problemsAfter((draft) => (draft.expectations.businessHours.holidays = ['2027-04-31']));
    expect(holiday).toEqual([expected('expectations', ['expectations', 'businessHours', 'holidays', 0], 'validation.date', {})]);
  });

  it('rejects bad ids, clock times, e-mail addresses and choices with their own messages', () => {
    expect(problemsAfter((draft) => (draft.targets.maintenance.windows[0]!.id = 'window 1'))).toEqual([
      expected('targets', ['targets', 'maintenance', 'windows', 0, 'id'], 'validation.id', {}),
    ]);
    expect(problemsAfter((draft) => (draft.expectations.businessHours.start = '24:00'))).toEqual([
      expected('expectations', ['expectations', 'businessHours', 'start'], 'validation.time', {}),
    ]);
    const email = problemsAfter((draft) =>
      draft.expectations.stakeholders.push({ id: 'sh-1', party: 'customer', name: 'Ana', role: localized(''), email: 'ana at example', phone: '' }),
    );
    expect(email).toEqual([expected('expectations', ['expectations', 'stakeholders', 0, 'email'], 'validation.email', {})]);
    const coverage = problemsAfter((draft) => (draft.targets.objectives[0]!.coverage = forced('24/7')));
    expect(coverage).toEqual([expected('targets', ['targets', 'objectives', 0, 'coverage'], 'validation.oneOf', { options: '24x7, businessHours' })]);
  });

  it('rejects numbers outside their field’s bounds', () => {
    expect(problemsAfter((draft) => (draft.compensation.creditTiers[0]!.creditPercent = 120))).toEqual([
      expected('compensation', ['compensation', 'creditTiers', 0, 'creditPercent'], 'validation.max', { max: 100 }),
    ]);
    expect(problemsAfter((draft) => (draft.targets.severities[0]!.responseMinutes = 0))).toEqual([
      expected('targets', ['targets', 'severities', 0, 'responseMinutes'], 'validation.min', { min: 1 }),
    ]);
    expect(problemsAfter((draft) => (draft.termMonths = 12.5))).toEqual([expected('services', ['termMonths'], 'validation.integer', {})]);
  });

  it('reports a missing section as required and returns no draft', () => {
    const json: Record<string, unknown> = { ...validDraft() };
    delete json.monitoring;
    const result = validateDraft(json);
    expect(result.problems).toEqual([expected('monitoring', ['monitoring'], 'validation.required', {})]);
    expect(result.draft).toBeNull();
  });

  it('keeps checking the other steps when one step is malformed', () => {
    const problems = problemsAfter((draft) => {
      draft.monitoring.probeIntervalSeconds = forced('often');
      draft.compensation.capPercent = 20;
    });
    expect(problems.map((p) => [p.step, p.key])).toEqual([
      ['monitoring', 'validation.expectedNumber'],
      ['compensation', 'rules.creditAboveCap'],
      ['compensation', 'rules.creditAboveCap'],
    ]);
  });

  it('refuses any schemaVersion but the current one once the file layer has migrated it', () => {
    expect(problemsAfter((draft) => (draft.schemaVersion = forced(SCHEMA_VERSION + 1)))).toEqual([
      expected('services', ['schemaVersion'], 'file.schemaVersion', { supported: SCHEMA_VERSION }),
    ]);
  });

  it('refuses something that is not a draft at all', () => {
    for (const input of [null, [], 'draft', 42]) {
      expect(validateDraft(input).problems).toEqual([expected('services', [], 'file.notObject', {})]);
    }
  });
});
