/**
 * A credit tier whose threshold is the target itself, read "at or below":
 * the contract would grant a credit at the very level it calls met. A
 * problem on the tier's threshold (the schema rules only catch a tier
 * beyond the target).
 */
import type { SlaDraft } from '../model/schema';
import type { ContractFinding } from './finding';

export function tierAtTargetFindings(draft: SlaDraft): ContractFinding[] {
  if (draft.compensation.boundary !== 'atOrBelow') return [];
  const target = new Map(draft.targets.objectives.map((objective) => [objective.metricId, objective.objective]));
  const findings: ContractFinding[] = [];
  draft.compensation.creditTiers.forEach((tier, i) => {
    if (target.get(tier.metricId) !== tier.threshold) return;
    findings.push({
      level: 'problem',
      rule: 'tierAtTarget',
      step: 'compensation',
      path: ['compensation', 'creditTiers', i, 'threshold'],
      clause: null,
      key: 'contractCheck.tierAtTarget.found',
      fixKey: 'contractCheck.tierAtTarget.fix',
      params: { threshold: tier.threshold },
    });
  });
  return findings;
}
