/**
 * The negotiation playbook: the company's limits on what a salesperson may
 * commit to without someone else's approval, carried by a template under
 * its `playbook` key (docs/TEMPLATES.md, "The playbook").
 *
 * Each limit names one rule from a closed set — a rule is code, not a
 * formula in the YAML — so that a lawyer writes `claimWindowBelow: 30` and
 * the app knows which field it is about, which way is "beyond", and how to
 * say so in both languages. A limit is either a warning (`warn`) or needs
 * an approval (`needsApproval`) before a version with it can be marked
 * agreed.
 *
 * parsePlaybook reports every mistake with its YAML path, so the template
 * parser can name the file and the line.
 */
import { z } from 'zod';
import { METRIC_KINDS, POSITIONS, RESIDENCY_REGIONS, SEVERITIES, type MetricKind, type Position, type Severity } from '../model/schema';

export const LIMIT_SEVERITIES = ['warn', 'needsApproval'] as const;
export type LimitSeverity = (typeof LIMIT_SEVERITIES)[number];

/** The rules a limit can use, in the order the wizard's steps show their fields. */
export const LIMIT_RULES = [
  'objective',
  'responseBelow',
  'resolutionBelow',
  'creditAbove',
  'capAbove',
  'uncappedCredits',
  'claimWindowBelow',
  'chronicMonthsBelow',
  'notSoleRemedy',
  'position',
  'residency',
] as const;
export type LimitRule = (typeof LIMIT_RULES)[number];

/** Residency regions a limit can name: every region except "none" (no residency). */
export type ResidencyRegion = Exclude<(typeof RESIDENCY_REGIONS)[number], 'none'>;

export type LimitCheck =
  /** A committed objective (and a customer's ask) for this kind of metric stricter than `stricterThan`: above it for availability, below it for latency. */
  | { rule: 'objective'; metric: Exclude<MetricKind, 'custom' | 'supportResponse' | 'supportResolution'>; stricterThan: number }
  /** A support response time for this severity level shorter than `minutes`. */
  | { rule: 'responseBelow'; level: Severity; minutes: number }
  /** A support resolution time for this severity level shorter than `minutes`. */
  | { rule: 'resolutionBelow'; level: Severity; minutes: number }
  /** Any credit tier giving more than this percent of the monthly fee. */
  | { rule: 'creditAbove'; percent: number }
  /** A monthly cap on credits above this percent of the monthly fee (an uncapped draft is the uncappedCredits rule's). */
  | { rule: 'capAbove'; percent: number }
  /** Credits without a monthly cap. */
  | { rule: 'uncappedCredits' }
  /** A claim window shorter than this many days. */
  | { rule: 'claimWindowBelow'; days: number }
  /** A chronic-failure termination right after fewer consecutive missed months than this. */
  | { rule: 'chronicMonthsBelow'; months: number }
  /** Credits that are not the customer's sole remedy: liability for a missed level is open. */
  | { rule: 'notSoleRemedy' }
  /** A negotiable clause worded in one of these positions. */
  | { rule: 'position'; clause: string; positions: Position[] }
  /** A data residency commitment; to the listed regions only, or to any region when none are listed. */
  | { rule: 'residency'; regions: ResidencyRegion[] };

export interface Localized {
  en: string;
  'zh-CN': string;
}

export interface PlaybookLimit {
  /** Stable id, recorded with an approval: "availability-ceiling". */
  id: string;
  severity: LimitSeverity;
  check: LimitCheck;
  /** Why the company has the limit, shown with the warning. */
  note: Localized | null;
}

export interface Playbook {
  limits: PlaybookLimit[];
}

export interface PlaybookIssue {
  /** The YAML path inside the playbook, e.g. ["limits", 2, "claimWindowBelow"]. */
  path: (string | number)[];
  message: string;
}

export type PlaybookParseResult = { ok: true; playbook: Playbook } | { ok: false; issues: PlaybookIssue[] };

const LIMIT_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const CLAUSE_ID = /^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)*$/;
const OBJECTIVE_METRICS = METRIC_KINDS.filter(
  (kind): kind is Extract<LimitCheck, { rule: 'objective' }>['metric'] => kind !== 'custom' && kind !== 'supportResponse' && kind !== 'supportResolution',
);
const REGIONS = RESIDENCY_REGIONS.filter((region): region is ResidencyRegion => region !== 'none');

const localized = z.strictObject({ en: z.string().trim().min(1), 'zh-CN': z.string().trim().min(1) });
const percent = z.number().finite().min(0).max(100);
const minutes = z.number().int().min(1).max(5_256_000);

/** What each rule key takes in the YAML. */
const RULE_SCHEMAS = {
  objective: z.strictObject({ metric: z.enum(OBJECTIVE_METRICS), stricterThan: z.number().finite().min(0) }),
  responseBelow: z.strictObject({ level: z.enum(SEVERITIES), minutes }),
  resolutionBelow: z.strictObject({ level: z.enum(SEVERITIES), minutes }),
  creditAbove: percent,
  capAbove: percent,
  uncappedCredits: z.literal(true),
  claimWindowBelow: z.number().int().min(1).max(365),
  chronicMonthsBelow: z.number().int().min(1).max(12),
  notSoleRemedy: z.literal(true),
  position: z.strictObject({
    clause: z.string().regex(CLAUSE_ID, { message: 'must be a clause id such as cap-and-remedy.sole-remedy' }),
    is: z.array(z.enum(POSITIONS)).min(1).max(3),
  }),
  residency: z.union([z.literal('any'), z.array(z.enum(REGIONS)).min(1)]),
} as const satisfies Record<LimitRule, z.ZodType>;

const limitBaseSchema = z.object({
  id: z.string().regex(LIMIT_ID, { message: 'must be lower-case letters, digits and hyphens, e.g. availability-ceiling' }),
  severity: z.enum(LIMIT_SEVERITIES),
  note: localized.optional(),
});

const EXPECTED: Record<string, string> = { object: 'a mapping of keys', array: 'a list', number: 'a number', string: 'text', boolean: 'true or false' };

function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const input = (issue as { input?: unknown }).input;
      if (input === undefined) return `"${String(issue.path[issue.path.length - 1] ?? 'value')}" is missing`;
      return `must be ${EXPECTED[issue.expected] ?? issue.expected}`;
    }
    case 'invalid_value':
      return issue.values.length === 1 ? `must be ${String(issue.values[0])}` : `must be one of: ${issue.values.map(String).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${String(issue.minimum)} entr${Number(issue.minimum) === 1 ? 'y' : 'ies'}`;
      if (issue.origin === 'string') return 'must not be empty';
      return `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'array' ? `has more than ${String(issue.maximum)} entries` : `must be at most ${String(issue.maximum)}`;
    case 'invalid_union':
      return 'must be "any" or a list of regions';
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
    default:
      return issue.message;
  }
}

function zodIssues(error: z.ZodError, base: (string | number)[]): PlaybookIssue[] {
  return error.issues.map((issue) => ({ path: [...base, ...(issue.path as (string | number)[])], message: issueMessage(issue) }));
}

function toCheck(rule: LimitRule, value: unknown): LimitCheck {
  switch (rule) {
    case 'objective': {
      const spec = value as z.infer<typeof RULE_SCHEMAS.objective>;
      return { rule, metric: spec.metric, stricterThan: spec.stricterThan };
    }
    case 'responseBelow':
    case 'resolutionBelow': {
      const spec = value as z.infer<typeof RULE_SCHEMAS.responseBelow>;
      return { rule, level: spec.level, minutes: spec.minutes };
    }
    case 'creditAbove':
    case 'capAbove':
      return { rule, percent: value as number };
    case 'uncappedCredits':
    case 'notSoleRemedy':
      return { rule };
    case 'claimWindowBelow':
      return { rule, days: value as number };
    case 'chronicMonthsBelow':
      return { rule, months: value as number };
    case 'position': {
      const spec = value as z.infer<typeof RULE_SCHEMAS.position>;
      return { rule, clause: spec.clause, positions: [...new Set(spec.is)] };
    }
    case 'residency':
      return { rule, regions: value === 'any' ? [] : [...new Set(value as ResidencyRegion[])] };
  }
}

/**
 * Reads a playbook as written in a template (`{ limits: [...] }`).
 * `clauseIds`, when given, are the template's negotiable clauses: a
 * position limit on any other clause could never apply and is refused.
 */
export function parsePlaybook(raw: unknown, clauseIds?: ReadonlySet<string>): PlaybookParseResult {
  const issues: PlaybookIssue[] = [];
  const top = z.strictObject({ limits: z.array(z.unknown()).max(200) }).safeParse(raw, { reportInput: true });
  if (!top.success) return { ok: false, issues: zodIssues(top.error, []) };
  const limits: PlaybookLimit[] = [];
  const ids = new Set<string>();
  top.data.limits.forEach((rawLimit, index) => {
    const path = ['limits', index];
    if (rawLimit === null || typeof rawLimit !== 'object' || Array.isArray(rawLimit)) {
      issues.push({ path, message: 'must be a mapping with id, severity and one rule' });
      return;
    }
    const entry = rawLimit as Record<string, unknown>;
    const ruleKeys = Object.keys(entry).filter((key): key is LimitRule => (LIMIT_RULES as readonly string[]).includes(key));
    const unknownKeys = Object.keys(entry).filter((key) => !['id', 'severity', 'note'].includes(key) && !(LIMIT_RULES as readonly string[]).includes(key));
    for (const key of unknownKeys)
      issues.push({ path: [...path, key], message: `unknown key "${key}"; a limit has id, severity, note and one rule of: ${LIMIT_RULES.join(', ')}` });
    const base = limitBaseSchema.safeParse({ id: entry.id, severity: entry.severity, note: entry.note }, { reportInput: true });
    if (!base.success) issues.push(...zodIssues(base.error, path));
    if (ruleKeys.length !== 1) {
      issues.push({
        path,
        message:
          ruleKeys.length === 0
            ? `has no rule; give exactly one of: ${LIMIT_RULES.join(', ')}`
            : `has ${ruleKeys.length} rules (${ruleKeys.join(', ')}); give one rule per limit`,
      });
      return;
    }
    const rule = ruleKeys[0]!;
    const parsed = (RULE_SCHEMAS[rule] as z.ZodType).safeParse(entry[rule], { reportInput: true });
    if (!parsed.success) {
      issues.push(...zodIssues(parsed.error, [...path, rule]));
      return;
    }
    if (!base.success || unknownKeys.length > 0) return;
    if (ids.has(base.data.id)) {
      issues.push({ path: [...path, 'id'], message: `the limit id "${base.data.id}" is used twice` });
      return;
    }
    ids.add(base.data.id);
    const check = toCheck(rule, parsed.data);
    if (check.rule === 'position' && clauseIds && !clauseIds.has(check.clause)) {
      issues.push({ path: [...path, rule, 'clause'], message: `"${check.clause}" is not a clause with positions in this template` });
      return;
    }
    limits.push({ id: base.data.id, severity: base.data.severity, check, note: base.data.note ?? null });
  });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, playbook: { limits } };
}
