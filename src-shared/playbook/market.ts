/**
 * The market reference: a bundled, dated table of terms that large cloud
 * providers publish in their standard SLAs (templates/market-terms.yaml),
 * so a negotiator sees where a position stands — "claim window 7 days;
 * market range 15–60 days".
 *
 * Every offering carries its source URL and the month the figures were
 * checked against it: a published SLA changes, and a reader must be able to
 * see how old a figure is and where to verify it. The table is a reference,
 * not a rule; the company's own limits are the playbook.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { invalidValuePaths } from '../model/invalid-values';
import { metricsById } from '../model/metrics';
import { pathToString } from '../model/problems';
import type { SlaDraft } from '../model/schema';
import type { Localized } from './limits';

/** The terms the table compares, each in one unit. */
export const MARKET_TERMS = [
  /** Monthly availability commitment, percent. */
  'availability',
  /** Credit at the first (mildest) tier, percent of the monthly fee. */
  'firstTierCredit',
  /** The most credit one month can bring: the explicit cap, else the highest tier; percent. */
  'maxCredit',
  /** Days after the end of the affected month within which a credit must be claimed. */
  'claimWindowDays',
  /** Initial response to the most severe support case, minutes. */
  'p1ResponseMinutes',
  /** Consecutive missed months after which the customer may terminate. */
  'chronicConsecutiveMonths',
] as const;
export type MarketTerm = (typeof MARKET_TERMS)[number];

export type MarketUnit = 'percent' | 'days' | 'minutes' | 'months';

export const MARKET_TERM_UNITS: Record<MarketTerm, MarketUnit> = {
  availability: 'percent',
  firstTierCredit: 'percent',
  maxCredit: 'percent',
  claimWindowDays: 'days',
  p1ResponseMinutes: 'minutes',
  chronicConsecutiveMonths: 'months',
};

export interface MarketFigure {
  value: number;
  /** The source states the term in other words (e.g. "by the end of the second billing cycle"); the figure is its usual length. */
  approximate: boolean;
  /** How the source words it, when the figure is approximate or needs a qualifier. */
  note: Localized | null;
  /** Where this figure is published, when not on the offering's own source page. */
  source: string | null;
}

export interface MarketCreditTier {
  /** Credit applies when monthly availability is below this percent. */
  below: number;
  credit: number;
}

export interface MarketOffering {
  id: string;
  provider: string;
  /** The product and the configuration the figures apply to. */
  name: Localized;
  source: string;
  /** "YYYY-MM": when the figures were last checked against the source. */
  accessed: string;
  terms: Partial<Record<Exclude<MarketTerm, 'firstTierCredit' | 'maxCredit'>, MarketFigure>> & { capPercent?: MarketFigure };
  creditTiers: MarketCreditTier[];
}

export interface MarketReference {
  offerings: MarketOffering[];
}

const localized = z.strictObject({ en: z.string().min(1), 'zh-CN': z.string().min(1) });
const figure = z.union([
  z.number().finite().min(0),
  z.strictObject({
    value: z.number().finite().min(0),
    approximate: z.boolean().optional(),
    note: localized.optional(),
    source: z.url({ protocol: /^https$/ }).optional(),
  }),
]);
const offeringSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  provider: z.string().min(1),
  name: localized,
  source: z.url({ protocol: /^https$/ }),
  accessed: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month, YYYY-MM' }),
  terms: z.strictObject({
    availability: figure.optional(),
    claimWindowDays: figure.optional(),
    p1ResponseMinutes: figure.optional(),
    chronicConsecutiveMonths: figure.optional(),
    capPercent: figure.optional(),
  }),
  creditTiers: z.array(z.strictObject({ below: z.number().finite().min(0).max(100), credit: z.number().finite().min(0).max(100) })).optional(),
});
const referenceSchema = z.strictObject({ offerings: z.array(offeringSchema).min(1) });

export type MarketParseResult = { ok: true; reference: MarketReference } | { ok: false; errors: string[] };

function toFigure(raw: z.infer<typeof figure>): MarketFigure {
  if (typeof raw === 'number') return { value: raw, approximate: false, note: null, source: null };
  return { value: raw.value, approximate: raw.approximate ?? false, note: raw.note ?? null, source: raw.source ?? null };
}

/** Reads templates/market-terms.yaml; a broken file is a list of errors naming the entry, never an exception. */
export function parseMarketReference(text: string): MarketParseResult {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    return { ok: false, errors: [`not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`] };
  }
  const parsed = referenceSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(file)'}: ${issue.message}`) };
  }
  const ids = new Set<string>();
  const errors: string[] = [];
  const offerings = parsed.data.offerings.map((offering): MarketOffering => {
    if (ids.has(offering.id)) errors.push(`offerings: the id "${offering.id}" is used twice`);
    ids.add(offering.id);
    const terms: MarketOffering['terms'] = {};
    for (const [term, value] of Object.entries(offering.terms)) {
      if (value !== undefined) terms[term as keyof MarketOffering['terms']] = toFigure(value);
    }
    const tiers = [...(offering.creditTiers ?? [])].sort((a, b) => b.below - a.below);
    return {
      id: offering.id,
      provider: offering.provider,
      name: offering.name,
      source: offering.source,
      accessed: offering.accessed,
      terms,
      creditTiers: tiers,
    };
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, reference: { offerings } };
}

/** One offering's figure for a term, if it publishes one. */
export function offeringFigure(offering: MarketOffering, term: MarketTerm): MarketFigure | null {
  switch (term) {
    case 'firstTierCredit': {
      const first = offering.creditTiers[0];
      return first ? { value: first.credit, approximate: false, note: null, source: null } : null;
    }
    case 'maxCredit': {
      if (offering.terms.capPercent) return offering.terms.capPercent;
      if (offering.creditTiers.length === 0) return null;
      return { value: Math.max(...offering.creditTiers.map((tier) => tier.credit)), approximate: false, note: null, source: null };
    }
    default:
      return offering.terms[term] ?? null;
  }
}

export interface MarketEntry {
  offering: MarketOffering;
  figure: MarketFigure;
}

export type MarketRelation = 'below' | 'within' | 'above';

export interface MarketPosition {
  term: MarketTerm;
  unit: MarketUnit;
  /** The draft's value; null for "no cap" (only for maxCredit), which is above any market figure. */
  value: number | null;
  min: number;
  max: number;
  relation: MarketRelation;
  /** The offerings the range is made of, lowest figure first. */
  entries: MarketEntry[];
}

/**
 * Where `value` stands against the market for `term`: below, within or
 * above the range of the published figures. Null when no offering in the
 * table publishes the term (the table prefers no figure to a guessed one).
 */
export function marketPosition(reference: MarketReference | null | undefined, term: MarketTerm, value: number | null): MarketPosition | null {
  if (!reference) return null;
  if (value !== null && !Number.isFinite(value)) return null;
  if (value === null && term !== 'maxCredit') return null;
  const entries: MarketEntry[] = [];
  for (const offering of reference.offerings) {
    const found = offeringFigure(offering, term);
    if (found) entries.push({ offering, figure: found });
  }
  if (entries.length === 0) return null;
  entries.sort((a, b) => a.figure.value - b.figure.value || a.offering.id.localeCompare(b.offering.id));
  const min = entries[0]!.figure.value;
  const max = entries[entries.length - 1]!.figure.value;
  const relation: MarketRelation = value === null || value > max ? 'above' : value < min ? 'below' : 'within';
  return { term, unit: MARKET_TERM_UNITS[term], value, min, max, relation, entries };
}

export interface MarketNote {
  /** The draft field the note is about; the cap's path also when the draft is uncapped (value null). */
  path: (string | number)[];
  position: MarketPosition;
}

/**
 * The market notes the wizard shows beside a draft's fields: each
 * availability target, the mildest and the richest credit tier, the cap,
 * the claim window, the P1 response time and the chronic-failure exit.
 * Fields without a published market figure get no note.
 */
export function marketNotesForDraft(draft: SlaDraft, reference: MarketReference | null | undefined): MarketNote[] {
  if (!reference) return [];
  const notes: MarketNote[] = [];
  const invalid = invalidValuePaths(draft);
  const add = (path: MarketNote['path'], term: MarketTerm, value: number | null) => {
    // A value out of its range is an error to fix, not a position in the market.
    if (invalid.has(pathToString(path))) return;
    const position = marketPosition(reference, term, value);
    if (position) notes.push({ path, position });
  };
  const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
  const metrics = metricsById(Array.isArray(draft.services) ? draft.services : []);

  const objectives = Array.isArray(draft.targets?.objectives) ? draft.targets.objectives : [];
  objectives.forEach((objective, index) => {
    if (metrics.get(objective?.metricId)?.metric.kind === 'availability' && isNumber(objective.objective)) {
      add(['targets', 'objectives', index, 'objective'], 'availability', objective.objective);
    }
  });
  const severities = Array.isArray(draft.targets?.severities) ? draft.targets.severities : [];
  severities.forEach((terms, index) => {
    if (terms?.level === 'P1' && isNumber(terms.responseMinutes))
      add(['targets', 'severities', index, 'responseMinutes'], 'p1ResponseMinutes', terms.responseMinutes);
  });

  const compensation = draft.compensation;
  if (!compensation) return notes;
  const tiers = (Array.isArray(compensation.creditTiers) ? compensation.creditTiers : [])
    .map((tier, index) => ({ index, credit: tier?.creditPercent }))
    .filter((tier): tier is { index: number; credit: number } => isNumber(tier.credit))
    .filter((tier) => !invalid.has(pathToString(['compensation', 'creditTiers', tier.index, 'creditPercent'])));
  if (tiers.length > 0) {
    const mildest = tiers.reduce((low, tier) => (tier.credit < low.credit ? tier : low));
    const richest = tiers.reduce((high, tier) => (tier.credit > high.credit ? tier : high));
    add(['compensation', 'creditTiers', mildest.index, 'creditPercent'], 'firstTierCredit', mildest.credit);
    add(['compensation', 'creditTiers', richest.index, 'creditPercent'], 'maxCredit', richest.credit);
  }
  if (compensation.capPercent === null || isNumber(compensation.capPercent)) add(['compensation', 'capPercent'], 'maxCredit', compensation.capPercent);
  if (isNumber(compensation.claimWindowDays)) add(['compensation', 'claimWindowDays'], 'claimWindowDays', compensation.claimWindowDays);
  const chronic = compensation.chronicFailure;
  if (chronic?.enabled === true && isNumber(chronic.consecutiveMonths)) {
    add(['compensation', 'chronicFailure', 'consecutiveMonths'], 'chronicConsecutiveMonths', chronic.consecutiveMonths);
  }
  return notes;
}
