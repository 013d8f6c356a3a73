/**
 * Which positions of a draft go beyond the playbook. Each finding names the
 * draft field it is about (the same path the wizard's fields and the
 * validation problems use), so the wizard shows it beside that field, the
 * compare view beside that change, and an approval records exactly what
 * was approved.
 *
 * Commitments (targets, credits, remedies…) and the customer's asks
 * (Expectations → requested levels) are evaluated against the same limits;
 * only commitments need an approval before a version is marked agreed — an
 * ask beyond the playbook is where the negotiation has to push back.
 *
 * The draft may be a working copy still being edited: a value of the wrong
 * type (a number the user cleared is null) is skipped, never a crash. A
 * value that is no value at all (a 120 % target) is an error only, which
 * validation reports: the playbook has nothing to say about it.
 */
import type { LocalizedText } from '../model/localized';
import { invalidValuePaths } from '../model/invalid-values';
import { metricSemantics, metricsById, type LocatedMetric } from '../model/metrics';
import { pathToString, type ProblemPath } from '../model/problems';
import { stepOfPath, type Metric, type SlaDraft, type StepId } from '../model/schema';
import type { LimitCheck, LimitRule, LimitSeverity, Localized, Playbook, PlaybookLimit } from './limits';

export type FindingScope = 'commitment' | 'ask';

/** How the actual value and the limit read (formatFinding renders them per locale). */
export type FindingUnit = 'percent' | 'ms' | 'minutes' | 'days' | 'months' | 'custom' | 'position' | 'region' | 'none';

export interface Finding {
  limitId: string;
  rule: LimitRule;
  severity: LimitSeverity;
  /** A position the provider commits to, or a level the customer asks for. */
  scope: FindingScope;
  step: StepId;
  /** The draft field: "compensation.claimWindowDays", ["targets", "objectives", 0, "objective"]. */
  path: ProblemPath;
  /** The i18n key of the sentence; its parameters are `params` plus the formatted actual and limit. */
  key: string;
  /** What the sentence names besides the values: the metric, its service, the severity level, the clause. */
  params: Record<string, string | number | LocalizedText>;
  /** The draft's value (true/false for a switch, a position or region id for a choice). */
  actual: number | string | boolean | null;
  /** The playbook's limit, in the same unit; null for rules that are a yes/no. */
  limit: number | string | null;
  unit: FindingUnit;
  /** Why the company has the limit. */
  note: Localized | null;
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function metricParams(located: LocatedMetric): Record<string, string | number | LocalizedText> {
  const params: Record<string, string | number | LocalizedText> = {
    metricKind: located.metric.kind,
    metricName: located.metric.name,
    service: located.serviceName,
  };
  if (isNumber(located.metric.percentile)) params.percentile = located.metric.percentile;
  if (located.metric.unit !== undefined) params.unit = located.metric.unit;
  return params;
}

function levelUnit(metric: Metric): FindingUnit {
  const { unit } = metricSemantics(metric);
  return unit;
}

/** Is `value` stricter than `limit` for this metric: a higher availability, a lower latency? Equal is within. */
function isStricter(metric: Metric, value: number, limit: number): boolean {
  return metricSemantics(metric).higherIsBetter ? value > limit : value < limit;
}

class Evaluator {
  readonly findings: Finding[] = [];
  private readonly metrics: Map<string, LocatedMetric>;

  constructor(private readonly draft: SlaDraft) {
    this.metrics = metricsById(Array.isArray(draft.services) ? draft.services : []);
  }

  private add(
    limit: PlaybookLimit,
    scope: FindingScope,
    path: ProblemPath,
    key: string,
    values: Pick<Finding, 'actual' | 'limit' | 'unit'>,
    params: Record<string, string | number | LocalizedText> = {},
  ): void {
    this.findings.push({
      limitId: limit.id,
      rule: limit.check.rule,
      severity: limit.severity,
      scope,
      step: stepOfPath(path),
      path,
      key,
      params,
      ...values,
      note: limit.note,
    });
  }

  private list<T>(value: unknown): T[] {
    return Array.isArray(value) ? (value as T[]) : [];
  }

  evaluate(limit: PlaybookLimit, responseAsk: PlaybookLimit | null, resolutionAsk: PlaybookLimit | null): void {
    const check: LimitCheck = limit.check;
    const draft = this.draft;
    const compensation = draft.compensation ?? ({} as Partial<SlaDraft['compensation']>);
    switch (check.rule) {
      case 'objective': {
        this.list<SlaDraft['targets']['objectives'][number]>(draft.targets?.objectives).forEach((objective, index) => {
          const located = this.metrics.get(objective?.metricId);
          if (located?.metric.kind !== check.metric || !isNumber(objective.objective)) return;
          if (!isStricter(located.metric, objective.objective, check.stricterThan)) return;
          const direction = metricSemantics(located.metric).higherIsBetter ? 'Above' : 'Below';
          this.add(
            limit,
            'commitment',
            ['targets', 'objectives', index, 'objective'],
            `playbook.finding.objective${direction}`,
            { actual: objective.objective, limit: check.stricterThan, unit: levelUnit(located.metric) },
            metricParams(located),
          );
        });
        this.asks(limit, (metric) => metric.kind === check.metric, check.stricterThan);
        return;
      }
      case 'responseBelow':
      case 'resolutionBelow': {
        const field = check.rule === 'responseBelow' ? 'responseMinutes' : 'resolutionMinutes';
        this.list<SlaDraft['targets']['severities'][number]>(draft.targets?.severities).forEach((terms, index) => {
          const minutes = terms?.[field];
          if (terms?.level !== check.level || !isNumber(minutes) || minutes >= check.minutes) return;
          this.add(
            limit,
            'commitment',
            ['targets', 'severities', index, field],
            `playbook.finding.${check.rule}`,
            { actual: minutes, limit: check.minutes, unit: 'minutes' },
            { level: check.level },
          );
        });
        // An ask names no severity: it is judged against the fastest level the playbook allows (see evaluatePlaybook).
        if (limit === responseAsk) this.asks(limit, (metric) => metric.kind === 'supportResponse', check.minutes);
        if (limit === resolutionAsk) this.asks(limit, (metric) => metric.kind === 'supportResolution', check.minutes);
        return;
      }
      case 'creditAbove':
        this.list<SlaDraft['compensation']['creditTiers'][number]>(compensation.creditTiers).forEach((tier, index) => {
          if (!isNumber(tier?.creditPercent) || tier.creditPercent <= check.percent) return;
          this.add(limit, 'commitment', ['compensation', 'creditTiers', index, 'creditPercent'], 'playbook.finding.creditAbove', {
            actual: tier.creditPercent,
            limit: check.percent,
            unit: 'percent',
          });
        });
        return;
      case 'capAbove':
        if (isNumber(compensation.capPercent) && compensation.capPercent > check.percent) {
          this.add(limit, 'commitment', ['compensation', 'capPercent'], 'playbook.finding.capAbove', {
            actual: compensation.capPercent,
            limit: check.percent,
            unit: 'percent',
          });
        }
        return;
      case 'uncappedCredits':
        // The wizard keeps a cleared cap as null, which the contract reads as uncapped too.
        if (compensation.capPercent === null) {
          this.add(limit, 'commitment', ['compensation', 'capPercent'], 'playbook.finding.uncappedCredits', { actual: null, limit: null, unit: 'none' });
        }
        return;
      case 'claimWindowBelow':
        if (isNumber(compensation.claimWindowDays) && compensation.claimWindowDays < check.days) {
          this.add(limit, 'commitment', ['compensation', 'claimWindowDays'], 'playbook.finding.claimWindowBelow', {
            actual: compensation.claimWindowDays,
            limit: check.days,
            unit: 'days',
          });
        }
        return;
      case 'chronicMonthsBelow': {
        const chronic = compensation.chronicFailure;
        if (chronic?.enabled === true && isNumber(chronic.consecutiveMonths) && chronic.consecutiveMonths < check.months) {
          this.add(limit, 'commitment', ['compensation', 'chronicFailure', 'consecutiveMonths'], 'playbook.finding.chronicMonthsBelow', {
            actual: chronic.consecutiveMonths,
            limit: check.months,
            unit: 'months',
          });
        }
        return;
      }
      case 'notSoleRemedy':
        if (compensation.soleRemedy === false) {
          this.add(limit, 'commitment', ['compensation', 'soleRemedy'], 'playbook.finding.notSoleRemedy', { actual: false, limit: null, unit: 'none' });
        }
        return;
      case 'position': {
        const positions = draft.contract?.positions;
        const chosen = positions && typeof positions === 'object' && Object.hasOwn(positions, check.clause) ? positions[check.clause] : 'balanced';
        if (chosen !== undefined && check.positions.includes(chosen)) {
          this.add(
            limit,
            'commitment',
            ['contract', 'positions', check.clause],
            'playbook.finding.position',
            { actual: chosen, limit: null, unit: 'position' },
            { clause: check.clause },
          );
        }
        return;
      }
      case 'residency': {
        const region = draft.compliance?.dataResidency?.region;
        if (typeof region !== 'string' || region === 'none') return;
        if (check.regions.length > 0 && !(check.regions as string[]).includes(region)) return;
        this.add(limit, 'commitment', ['compliance', 'dataResidency', 'region'], 'playbook.finding.residency', { actual: region, limit: null, unit: 'region' });
        return;
      }
    }
  }

  /** The customer's requested levels for metrics this limit covers that are stricter than `bound`. */
  private asks(limit: PlaybookLimit, covers: (metric: Metric) => boolean, bound: number): void {
    this.list<SlaDraft['expectations']['requests'][number]>(this.draft.expectations?.requests).forEach((request, index) => {
      const located = this.metrics.get(request?.metricId);
      if (!located || !covers(located.metric) || !isNumber(request.requestedLevel)) return;
      if (!isStricter(located.metric, request.requestedLevel, bound)) return;
      const { higherIsBetter } = metricSemantics(located.metric);
      this.add(
        limit,
        'ask',
        ['expectations', 'requests', index, 'requestedLevel'],
        `playbook.finding.ask${higherIsBetter ? 'Above' : 'Below'}`,
        { actual: request.requestedLevel, limit: bound, unit: levelUnit(located.metric) },
        metricParams(located),
      );
    });
  }
}

/** Of several limits on support times, the one allowing the fastest time: an ask faster than that is beyond any level. */
function fastestLimit(playbook: Playbook, rule: 'responseBelow' | 'resolutionBelow'): PlaybookLimit | null {
  let best: PlaybookLimit | null = null;
  for (const limit of playbook.limits) {
    if (limit.check.rule !== rule) continue;
    if (!best || limit.check.minutes < (best.check as { minutes: number }).minutes) best = limit;
  }
  return best;
}

/** Every position of the draft beyond the playbook, in the order of the playbook's limits. */
export function evaluatePlaybook(draft: SlaDraft, playbook: Playbook | null | undefined): Finding[] {
  if (!playbook || playbook.limits.length === 0) return [];
  const evaluator = new Evaluator(draft);
  const responseAsk = fastestLimit(playbook, 'responseBelow');
  const resolutionAsk = fastestLimit(playbook, 'resolutionBelow');
  for (const limit of playbook.limits) evaluator.evaluate(limit, responseAsk, resolutionAsk);
  if (evaluator.findings.length === 0) return evaluator.findings;
  const invalid = invalidValuePaths(draft);
  return evaluator.findings.filter((finding) => !invalid.has(pathToString(finding.path)));
}

/** The findings an approver must sign off before a version with them can be agreed. */
export function findingsNeedingApproval(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => finding.scope === 'commitment' && finding.severity === 'needsApproval');
}

/** What an approval records of each finding: enough to know later what exactly was approved. */
/** A type, not an interface: it must stay assignable to JSON, as the approval stores it. */
export type ApprovedFinding = {
  limitId: string;
  path: string;
  actual: Finding['actual'];
  limit: Finding['limit'];
};

export function approvedFindings(findings: readonly Finding[]): ApprovedFinding[] {
  return findingsNeedingApproval(findings).map((finding) => ({
    limitId: finding.limitId,
    path: pathText(finding.path),
    actual: finding.actual,
    limit: finding.limit,
  }));
}

/** "targets.objectives[0].objective": how a finding's path is stored and matched. */
export function pathText(path: readonly (string | number)[]): string {
  let out = '';
  for (const segment of path) out += typeof segment === 'number' ? `[${segment}]` : out === '' ? segment : `.${segment}`;
  return out;
}

/**
 * The limit that applies to a level of this metric, for the gap table's
 * "playbook limit" column: an objective limit for its kind, or for support
 * metrics the fastest time allowed. Null when the playbook says nothing.
 */
export function limitForMetric(playbook: Playbook | null | undefined, metric: Pick<Metric, 'kind'>): { limit: PlaybookLimit; value: number } | null {
  if (!playbook) return null;
  if (metric.kind === 'supportResponse' || metric.kind === 'supportResolution') {
    const limit = fastestLimit(playbook, metric.kind === 'supportResponse' ? 'responseBelow' : 'resolutionBelow');
    return limit ? { limit, value: (limit.check as { minutes: number }).minutes } : null;
  }
  for (const limit of playbook.limits) {
    if (limit.check.rule === 'objective' && limit.check.metric === metric.kind) return { limit, value: limit.check.stricterThan };
  }
  return null;
}
