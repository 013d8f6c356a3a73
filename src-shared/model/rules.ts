/**
 * Cross-field rules: what the schema alone cannot say. Each rule reads only
 * the parts of the draft it needs, so a problem in one step never hides the
 * problems of another (the wizard shows every step's status at once).
 */
import { isBlankText, type LocalizedText } from './localized';
import { isWorse, metricSemantics, metricsById, type LocatedMetric } from './metrics';
import { problem, type Problem } from './problems';
import type { SlaDraft } from './schema';

/** The sections of a draft that parsed; a rule skips when what it needs is missing. */
export type ParsedSections = Partial<SlaDraft>;

function toMinutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function duplicates<T>(items: readonly T[], keyOf: (item: T) => string): number[] {
  const seen = new Set<string>();
  const repeated: number[] = [];
  items.forEach((item, index) => {
    const key = keyOf(item);
    if (seen.has(key)) repeated.push(index);
    seen.add(key);
  });
  return repeated;
}

function servicesRules(services: SlaDraft['services']): Problem[] {
  const problems: Problem[] = [];
  if (services.length === 0) problems.push(problem(['services'], 'rules.atLeastOneService'));
  for (const index of duplicates(services, (s) => s.id)) {
    problems.push(problem(['services', index, 'id'], 'rules.duplicateId', { id: services[index]!.id }));
  }
  const allMetrics = services.flatMap((service, s) => service.metrics.map((metric, m) => ({ metric, s, m })));
  for (const index of duplicates(allMetrics, (x) => x.metric.id)) {
    const { metric, s, m } = allMetrics[index]!;
    problems.push(problem(['services', s, 'metrics', m, 'id'], 'rules.duplicateId', { id: metric.id }));
  }
  services.forEach((service, s) => {
    if (service.metrics.length === 0) {
      problems.push(problem(['services', s, 'metrics'], 'rules.serviceWithoutMetric', { service: service.name }));
    }
    service.metrics.forEach((metric, m) => {
      const at = ['services', s, 'metrics', m];
      if (metric.kind === 'latency' && metric.percentile === undefined) {
        problems.push(problem([...at, 'percentile'], 'rules.percentileRequired'));
      }
      if (metric.kind === 'custom') {
        if (isBlankText(metric.name)) problems.push(problem([...at, 'name'], 'rules.customNameRequired'));
        if (metric.unit === undefined || isBlankText(metric.unit)) problems.push(problem([...at, 'unit'], 'rules.customUnitRequired'));
      }
    });
  });
  return problems;
}

function metricLabel(located: LocatedMetric): LocalizedText {
  return isBlankText(located.metric.name) ? located.serviceName : located.metric.name;
}

function percentRange(value: number, kind: string): 'availability' | 'percent' | null {
  if (kind === 'availability' && !(value > 0 && value < 100)) return 'availability';
  if (kind === 'errorRate' && !(value >= 0 && value <= 100)) return 'percent';
  return null;
}

function targetsRules(services: SlaDraft['services'], targets: SlaDraft['targets']): Problem[] {
  const problems: Problem[] = [];
  const metrics = metricsById(services);

  targets.objectives.forEach((objective, i) => {
    const at = ['targets', 'objectives', i];
    const located = metrics.get(objective.metricId);
    if (!located) {
      problems.push(problem([...at, 'metricId'], 'rules.unknownMetric', { id: objective.metricId }));
      return;
    }
    if (metricSemantics(located.metric).targetFromSeverities) {
      problems.push(problem([...at, 'metricId'], 'rules.supportMetricObjective', { metric: metricLabel(located) }));
    }
    const range = percentRange(objective.objective, located.metric.kind);
    if (range === 'availability') problems.push(problem([...at, 'objective'], 'rules.availabilityRange'));
    if (range === 'percent') problems.push(problem([...at, 'objective'], 'rules.percentRange'));
  });
  for (const index of duplicates(targets.objectives, (o) => o.metricId)) {
    problems.push(problem(['targets', 'objectives', index, 'metricId'], 'rules.duplicateObjective'));
  }

  const withObjective = new Set(targets.objectives.map((o) => o.metricId));
  let needsSeverities = false;
  for (const located of metrics.values()) {
    if (metricSemantics(located.metric).targetFromSeverities) {
      needsSeverities = true;
    } else if (!withObjective.has(located.metric.id)) {
      problems.push(
        problem(['targets', 'objectives'], 'rules.metricWithoutObjective', {
          metric: metricLabel(located),
          service: located.serviceName,
        }),
      );
    }
  }
  if (needsSeverities && targets.severities.length === 0) {
    problems.push(problem(['targets', 'severities'], 'rules.severitiesRequired'));
  }
  for (const index of duplicates(targets.severities, (s) => s.level)) {
    problems.push(problem(['targets', 'severities', index, 'level'], 'rules.duplicateSeverity', { level: targets.severities[index]!.level }));
  }
  targets.severities.forEach((severity, i) => {
    if (severity.responseMinutes > severity.resolutionMinutes) {
      problems.push(problem(['targets', 'severities', i, 'responseMinutes'], 'rules.responseAfterResolution', { level: severity.level }));
    }
  });

  const maxMinutes = targets.maintenance.maxHoursPerMonth * 60;
  targets.maintenance.windows.forEach((window, i) => {
    if (window.durationMinutes > maxMinutes) {
      problems.push(
        problem(['targets', 'maintenance', 'windows', i, 'durationMinutes'], 'rules.windowOverMonthlyMax', {
          hours: targets.maintenance.maxHoursPerMonth,
        }),
      );
    }
  });
  return problems;
}

function expectationsRules(services: SlaDraft['services'] | undefined, expectations: SlaDraft['expectations']): Problem[] {
  const problems: Problem[] = [];
  const { businessHours } = expectations;
  if (toMinutes(businessHours.end) <= toMinutes(businessHours.start)) {
    problems.push(problem(['expectations', 'businessHours', 'end'], 'rules.endBeforeStart'));
  }
  const holidays = new Set(businessHours.holidays);
  (businessHours.workingDays ?? []).forEach((date, i) => {
    if (holidays.has(date)) problems.push(problem(['expectations', 'businessHours', 'workingDays', i], 'rules.workingDayIsHoliday', { date }));
  });
  expectations.criticalPeriods.forEach((period, i) => {
    if (period.end < period.start) problems.push(problem(['expectations', 'criticalPeriods', i, 'end'], 'rules.endBeforeStart'));
  });
  if (services) {
    const metrics = metricsById(services);
    expectations.requests.forEach((request, i) => {
      const located = metrics.get(request.metricId);
      const at = ['expectations', 'requests', i];
      if (!located) {
        problems.push(problem([...at, 'metricId'], 'rules.unknownMetric', { id: request.metricId }));
        return;
      }
      const range = percentRange(request.requestedLevel, located.metric.kind);
      if (range === 'availability') problems.push(problem([...at, 'requestedLevel'], 'rules.availabilityRange'));
      if (range === 'percent') problems.push(problem([...at, 'requestedLevel'], 'rules.percentRange'));
    });
  }
  return problems;
}

function monitoringRules(monitoring: SlaDraft['monitoring']): Problem[] {
  return duplicates(monitoring.incidentNotification, (n) => n.level).map((index) =>
    problem(['monitoring', 'incidentNotification', index, 'level'], 'rules.duplicateSeverity', {
      level: monitoring.incidentNotification[index]!.level,
    }),
  );
}

function compensationRules(draft: ParsedSections, compensation: SlaDraft['compensation']): Problem[] {
  const problems: Problem[] = [];
  const { creditTiers, capPercent, chronicFailure } = compensation;
  const metrics = draft.services ? metricsById(draft.services) : null;
  const objectiveOf = new Map((draft.targets?.objectives ?? []).map((o) => [o.metricId, o.objective]));
  const previousOf = new Map<string, { threshold: number; creditPercent: number }>();

  creditTiers.forEach((tier, i) => {
    const at = ['compensation', 'creditTiers', i];
    if (capPercent !== null && tier.creditPercent > capPercent) {
      problems.push(problem([...at, 'creditPercent'], 'rules.creditAboveCap', { credit: tier.creditPercent, cap: capPercent }));
    }
    if (!metrics) return;
    const located = metrics.get(tier.metricId);
    if (!located) {
      problems.push(problem([...at, 'metricId'], 'rules.unknownMetric', { id: tier.metricId }));
      return;
    }
    const semantics = metricSemantics(located.metric);
    if (semantics.targetFromSeverities) {
      problems.push(problem([...at, 'metricId'], 'rules.tierOnSupportMetric'));
      return;
    }
    const range = percentRange(tier.threshold, located.metric.kind);
    if (range === 'availability' && tier.threshold !== 100) problems.push(problem([...at, 'threshold'], 'rules.availabilityRange'));
    if (range === 'percent') problems.push(problem([...at, 'threshold'], 'rules.percentRange'));

    const objective = objectiveOf.get(tier.metricId);
    // A tier that pays while the target is met would be a credit for meeting the SLA.
    if (objective !== undefined && isWorse(semantics, objective, tier.threshold)) {
      problems.push(
        problem([...at, 'threshold'], semantics.higherIsBetter ? 'rules.tierAboveTarget' : 'rules.tierBelowTarget', {
          target: objective,
        }),
      );
    }
    const previous = previousOf.get(tier.metricId);
    if (previous) {
      if (!isWorse(semantics, tier.threshold, previous.threshold)) {
        problems.push(
          problem([...at, 'threshold'], semantics.higherIsBetter ? 'rules.tiersNotDecreasing' : 'rules.tiersNotIncreasing', {
            previous: previous.threshold,
          }),
        );
      }
      if (tier.creditPercent < previous.creditPercent) {
        problems.push(problem([...at, 'creditPercent'], 'rules.creditsDecreasing', { previous: previous.creditPercent }));
      }
    }
    previousOf.set(tier.metricId, tier);
  });

  if (draft.services) problems.push(...serviceFeeRules(draft.services, compensation));

  if (chronicFailure.enabled && chronicFailure.monthsInTwelve < chronicFailure.consecutiveMonths) {
    problems.push(
      problem(['compensation', 'chronicFailure', 'monthsInTwelve'], 'rules.chronicWindow', {
        consecutive: chronicFailure.consecutiveMonths,
      }),
    );
  }
  return problems;
}

/**
 * A Monthly Fee split by service: once one service states its own fee,
 * every service with credit tiers needs one (its credits are a share of
 * it), and the services' fees are parts of the Monthly Fee, so together
 * they cannot exceed it.
 */
function serviceFeeRules(services: SlaDraft['services'], compensation: SlaDraft['compensation']): Problem[] {
  const fees = services.map((service) => service.monthlyFee);
  if (fees.every((fee) => fee === undefined)) return [];
  const problems: Problem[] = [];
  const credited = new Set(compensation.creditTiers.map((tier) => tier.metricId));
  services.forEach((service, s) => {
    if (service.monthlyFee === undefined && service.metrics.some((metric) => credited.has(metric.id))) {
      problems.push(problem(['services', s, 'monthlyFee'], 'rules.serviceFeeRequired', { service: service.name }));
    }
  });
  const total = fees.reduce<number>((sum, fee) => sum + (fee ?? 0), 0);
  // In cents: 3 × 33.33 is within a fee of 99.99.
  if (Math.round(total * 100) > Math.round(compensation.monthlyFee * 100)) {
    problems.push(problem(['compensation', 'monthlyFee'], 'rules.serviceFeesAboveMonthlyFee', { total: Math.round(total * 100) / 100 }));
  }
  return problems;
}

/** An SLA drafted as a schedule names the agreement it belongs to. */
function mainAgreementRules(mainAgreement: SlaDraft['mainAgreement']): Problem[] {
  if (mainAgreement.relation === 'schedule' && mainAgreement.title.trim() === '') {
    return [problem(['mainAgreement', 'title'], 'rules.mainAgreementTitleRequired')];
  }
  return [];
}

function complianceRules(compliance: SlaDraft['compliance']): Problem[] {
  const { disputeResolution } = compliance;
  if (disputeResolution.method !== 'courts' && isBlankText(disputeResolution.institution)) {
    return [problem(['compliance', 'disputeResolution', 'institution'], 'rules.institutionRequired')];
  }
  return [];
}

export function crossFieldProblems(draft: ParsedSections): Problem[] {
  const problems: Problem[] = [];
  if (draft.mainAgreement) problems.push(...mainAgreementRules(draft.mainAgreement));
  if (draft.services) problems.push(...servicesRules(draft.services));
  if (draft.expectations) problems.push(...expectationsRules(draft.services, draft.expectations));
  if (draft.services && draft.targets) problems.push(...targetsRules(draft.services, draft.targets));
  if (draft.monitoring) problems.push(...monitoringRules(draft.monitoring));
  if (draft.compensation) problems.push(...compensationRules(draft, draft.compensation));
  if (draft.compliance) problems.push(...complianceRules(draft.compliance));
  return problems;
}
