/**
 * A finding of the contract check: a problem (blocks marking a version
 * agreed or signed) or a warning (listed, never blocks). Like a draft's
 * problems it names where to fix it — the wizard step and the field's path,
 * or, for the contract's own wording, the clause number — and carries i18n
 * keys for what is wrong and how to fix it, so it reads in both languages.
 */
import type { ProblemParams, ProblemPath } from '../model/problems';
import type { StepId } from '../model/schema';

export const CONTRACT_RULES = ['typedNumbers', 'definedTerms', 'sectionReference', 'tierAtTarget', 'businessTime', 'chineseTerms', 'translations'] as const;
export type ContractRule = (typeof CONTRACT_RULES)[number];

export type FindingLevel = 'problem' | 'warning';

export interface ContractFinding {
  level: FindingLevel;
  rule: ContractRule;
  /** The wizard step that shows it (for a clause: the step the clause is edited in). */
  step: StepId;
  /** The draft field; [] when the finding is about the contract's own wording (then `clause` is set). */
  path: ProblemPath;
  /** The clause as numbered in the contract ("4.2"); null for a finding on a field. */
  clause: string | null;
  /** What is wrong: `contractCheck.<rule>.<case>`. */
  key: string;
  /** How to fix it. */
  fixKey: string;
  params: ProblemParams;
}

export function isBlocking(findings: readonly ContractFinding[]): boolean {
  return findings.some((finding) => finding.level === 'problem');
}

/** Problems first, then warnings; each in the order the rules found them. */
export function byLevel(findings: readonly ContractFinding[]): ContractFinding[] {
  return [...findings.filter((f) => f.level === 'problem'), ...findings.filter((f) => f.level === 'warning')];
}
