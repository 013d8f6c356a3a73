/**
 * What a template can name in its placeholders, conditions and repetitions:
 * the draft itself, plus values computed from it (a metric's objective and
 * credit tiers, allowed downtime, credit amounts…).
 *
 * Two halves that must agree:
 * - `ROOT_TYPE` describes every name and its type, so that a template is
 *   checked when it is parsed (an unknown field, a filter that does not fit,
 *   a condition on a value the draft cannot have) rather than when a user
 *   exports;
 * - `buildContext` builds the values for one draft.
 *
 * The context holds no words: everything in it is a draft value, a number
 * or an enum, identical for both languages. Wording lives in the template
 * only; formatting in src-shared/format. That is what keeps the English and
 * Chinese documents of one draft aligned clause by clause.
 */
import type { z } from 'zod';
import { businessHoursBudget, feeSplitByService, monthCredit, PERIOD_SECONDS, worstCaseYearlyExposure, allowedDowntimeForCoveredSeconds } from '../math';
import { hasText, TEXT_LANGUAGES, type LocalizedText } from '../model/localized';
import { metricSemantics } from '../model/metrics';
import {
  LOCALIZED_TEXT_SCHEMAS,
  creditTierSchema,
  mainAgreementTitleZh,
  maintenanceWindowSchema,
  METRIC_KINDS,
  metricSchema,
  objectiveSchema,
  partySchema,
  partyNameZh,
  type Party,
  serviceSchema,
  severityTermsSchema,
  slaDraftSchema,
  stakeholderSchema,
  type SlaDraft,
} from '../model/schema';
import type { RunSource } from './doc';

// ── Field types ─────────────────────────────────────────────────────────────

export type FieldType =
  | { kind: 'text' }
  | { kind: 'number' }
  | { kind: 'boolean' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'list'; of: FieldType }
  | { kind: 'object'; name: string; fields: Record<string, FieldType> }
  | { kind: 'nullable'; of: FieldType }
  /** A reference to a named object type, resolved on use (the metric ↔ service cycle). */
  | { kind: 'ref'; name: string }
  /** A value templates cannot name (e.g. the positions record). */
  | { kind: 'opaque' };

const TEXT: FieldType = { kind: 'text' };
const NUMBER: FieldType = { kind: 'number' };
const BOOLEAN: FieldType = { kind: 'boolean' };
const enumOf = (values: readonly string[]): FieldType => ({ kind: 'enum', values });
const listOf = (of: FieldType): FieldType => ({ kind: 'list', of });
const nullable = (of: FieldType): FieldType => ({ kind: 'nullable', of });
const ref = (name: string): FieldType => ({ kind: 'ref', name });

interface ZodDef {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  entries?: Record<string, string>;
  options?: z.ZodType[];
  shape?: Record<string, z.ZodType>;
  values?: unknown[];
}

function defOf(schema: z.ZodType): ZodDef {
  return (schema as unknown as { _zod: { def: ZodDef } })._zod.def;
}

/** The template-facing type of a draft schema: optional values read as nullable; a localized text is text (printed in the document's language). */
function fromZod(schema: z.ZodType, name: string): FieldType {
  if (LOCALIZED_TEXT_SCHEMAS.has(schema)) return TEXT;
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
    case 'literal':
      return typeof def.values?.[0] === 'number' ? NUMBER : TEXT;
    case 'number':
      return NUMBER;
    case 'boolean':
      return BOOLEAN;
    case 'enum':
      return enumOf(Object.values(def.entries ?? {}));
    case 'optional':
    case 'nullable':
      return nullable(fromZod(def.innerType!, name));
    case 'array':
      return listOf(fromZod(def.element!, name));
    case 'union':
      // '' or a URL / e-mail: both are text.
      return TEXT;
    case 'object': {
      const shape = (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
      const fields: Record<string, FieldType> = {};
      for (const [key, value] of Object.entries(shape)) fields[key] = fromZod(value, `${name}.${key}`);
      return { kind: 'object', name, fields };
    }
    default:
      return { kind: 'opaque' };
  }
}

function objectFields(type: FieldType): Record<string, FieldType> {
  if (type.kind !== 'object') throw new Error('expected an object type');
  return type.fields;
}

/** A draft object type with some fields replaced or added. */
function extend(schema: z.ZodType, name: string, extra: Record<string, FieldType>): FieldType {
  return { kind: 'object', name, fields: { ...objectFields(fromZod(schema, name)), ...extra } };
}

/**
 * The comparison a credit tier's threshold states, from the draft's
 * boundary and the metric's direction: availability "below" / "at or
 * below", latency "above" / "at or above".
 */
export const TIER_COMPARISONS = ['below', 'atOrBelow', 'above', 'atOrAbove'] as const;
export type TierComparison = (typeof TIER_COMPARISONS)[number];

export const UNIT_KINDS = ['percent', 'ms', 'minutes', 'custom'] as const;

/** Named object types; `ref` types point here. */
export const NAMED_TYPES: Record<string, FieldType> = {
  party: extend(partySchema, 'party', {
    /** The name the Chinese text uses: `legalNameZh` when given, else `legalName`. */
    nameZh: TEXT,
  }),
  metric: extend(metricSchema, 'metric', {
    /** What the metric's numbers are: percent, ms, minutes or the custom unit. */
    unitKind: enumOf(UNIT_KINDS),
    /** Whether a larger measured value is better (true for availability). */
    higherIsBetter: BOOLEAN,
    service: ref('service'),
    /** The committed target, null for support metrics (their targets are the severity table). */
    objective: nullable(ref('objective')),
    /** The metric's credit tiers in the draft's order. */
    tiers: listOf(ref('tier')),
  }),
  service: extend(serviceSchema, 'service', { metrics: listOf(ref('metric')) }),
  objective: extend(objectiveSchema, 'objective', {
    /** Null only while the draft names a metric that no service has (the validator reports it). */
    metric: nullable(ref('metric')),
    service: nullable(ref('service')),
    /** Allowed downtime in seconds in an average month / quarter / year; null unless an availability target. */
    downtimePerMonth: nullable(NUMBER),
    downtimePerQuarter: nullable(NUMBER),
    downtimePerYear: nullable(NUMBER),
  }),
  tier: extend(creditTierSchema, 'tier', {
    metric: nullable(ref('metric')),
    service: nullable(ref('service')),
    comparison: enumOf(TIER_COMPARISONS),
    /** creditPercent of the fee it is a share of — its service's where the fee is split by service, else the monthly fee — in the draft's currency (null when the fee is not a valid amount). */
    creditAmount: nullable(NUMBER),
  }),
  severity: extend(severityTermsSchema, 'severity', {
    /** Minutes within which the customer is notified of an incident of this severity; null when not committed. */
    notificationMinutes: nullable(NUMBER),
  }),
  /** A person of either party; the contract names only the escalation contacts (`escalationContacts`). */
  stakeholder: fromZod(stakeholderSchema, 'stakeholder'),
  maintenanceWindow: extend(maintenanceWindowSchema, 'maintenanceWindow', {
    /** The clock time the window ends ("06:00"); may be on the next day. */
    end: TEXT,
  }),
  /** One calendar year of the business-hours holidays (or extra working days): a schedule reads them year by year, not as one long list of dates. */
  holidayYear: {
    kind: 'object',
    name: 'holidayYear',
    fields: {
      /** "2027": text, so that it is never printed with a thousands separator. */
      year: TEXT,
      /** That year's dates (YYYY-MM-DD), sorted, each once. */
      dates: listOf(TEXT),
    },
  },
};

function buildRootType(): FieldType {
  const draft = objectFields(fromZod(slaDraftSchema, 'draft'));
  const targets = objectFields(draft.targets!);
  const maintenance = objectFields(targets.maintenance!);
  const compensation = objectFields(draft.compensation!);
  const expectations = objectFields(draft.expectations!);
  const businessHours = objectFields(expectations.businessHours!);
  const compliance = objectFields(draft.compliance!);
  const fields: Record<string, FieldType> = {
    ...draft,
    compliance: {
      kind: 'object',
      name: 'compliance',
      fields: {
        ...compliance,
        disputeResolution: {
          kind: 'object',
          name: 'disputeResolution',
          // The number of arbitrators is 1 or 3 (a union of numbers in the schema).
          fields: { ...objectFields(compliance.disputeResolution!), arbitrators: nullable(NUMBER) },
        },
      },
    },
    expectations: {
      kind: 'object',
      name: 'expectations',
      fields: {
        ...expectations,
        businessHours: {
          kind: 'object',
          name: 'businessHours',
          fields: { ...businessHours, workingDays: listOf(TEXT), holidayYears: listOf(ref('holidayYear')), workingDayYears: listOf(ref('holidayYear')) },
        },
      },
    },
    services: listOf(ref('service')),
    targets: {
      kind: 'object',
      name: 'targets',
      fields: {
        ...targets,
        objectives: listOf(ref('objective')),
        severities: listOf(ref('severity')),
        maintenance: { kind: 'object', name: 'maintenance', fields: { ...maintenance, windows: listOf(ref('maintenanceWindow')) } },
      },
    },
    compensation: {
      kind: 'object',
      name: 'compensation',
      fields: {
        ...compensation,
        creditTiers: listOf(ref('tier')),
        /** Whether the monthly fee is split by service (some service states its own fee): each service's credits are then a share of its fee. */
        feeSplit: BOOLEAN,
        /** capPercent of the monthly fee; null when uncapped. */
        capAmount: nullable(NUMBER),
        /** The most one month can cost in credits: every credited metric at its highest tier, capped. */
        monthlyMaxPercent: nullable(NUMBER),
        monthlyMaxAmount: nullable(NUMBER),
        yearlyMaxAmount: nullable(NUMBER),
      },
    },
    contract: { kind: 'object', name: 'contract', fields: { ...objectFields(draft.contract!), positions: { kind: 'opaque' } } },
    mainAgreement: {
      kind: 'object',
      name: 'mainAgreement',
      fields: {
        ...objectFields(draft.mainAgreement!),
        /** The title the Chinese text uses: `titleZh` when given, else `title`. */
        chineseTitle: TEXT,
      },
    },
    provider: ref('party'),
    customer: ref('party'),
    /** Every metric of every service, in order. */
    metrics: listOf(ref('metric')),
    /** The metrics that have credit tiers. */
    creditedMetrics: listOf(ref('metric')),
    /** The support metrics (response and resolution times), in order: their targets are the severity table. */
    supportMetrics: listOf(ref('metric')),
    /** The stakeholders marked as escalation contacts, providers first, each party's in the draft's order. */
    escalationContacts: listOf(ref('stakeholder')),
    /** The Provider's escalation contacts that have an e-mail address or a telephone number, in the draft's order: where the Customer reports Incidents. */
    supportContacts: listOf(ref('stakeholder')),
    /** The kinds of metric the draft measures, each once: `includes: [metricKinds, availability]`. */
    metricKinds: listOf(enumOf(METRIC_KINDS)),
    doc: {
      kind: 'object',
      name: 'doc',
      fields: {
        /** Assembled for a bilingual document: the language-precedence clause applies. */
        bilingual: BOOLEAN,
        /** Assembled alone in the language that does not prevail: the text says it is a convenience translation. */
        convenienceTranslation: BOOLEAN,
        /** The draft's title already names the agreement ("… Service Level Agreement", "… SLA", "…服务水平协议"). */
        titleNamesAgreement: BOOLEAN,
        versionLabel: nullable(TEXT),
        identity: nullable(TEXT),
      },
    },
  };
  delete fields.schemaVersion;
  return { kind: 'object', name: 'draft', fields };
}

/** The type of the root scope: the names a placeholder may start with (besides loop variables). */
export const ROOT_TYPE: FieldType = buildRootType();

/** Follows `ref` types to the named object type. */
export function resolveType(type: FieldType): FieldType {
  return type.kind === 'ref' ? ((Object.hasOwn(NAMED_TYPES, type.name) ? NAMED_TYPES[type.name] : undefined) ?? { kind: 'opaque' }) : type;
}

/** A readable type name for error messages. */
export function describeType(type: FieldType): string {
  const resolved = resolveType(type);
  switch (resolved.kind) {
    case 'enum':
      return `one of ${resolved.values.join(', ')}`;
    case 'list':
      return `a list of ${describeType(resolved.of)}`;
    case 'object':
      return `a ${resolved.name} (fields: ${Object.keys(resolved.fields).join(', ')})`;
    case 'nullable':
      return `${describeType(resolved.of)} or nothing`;
    default:
      return resolved.kind;
  }
}

// ── Values ──────────────────────────────────────────────────────────────────

/**
 * Every object in the context records where it sits in the draft, so a
 * placeholder's run can name its source for the preview; computed fields
 * name their source explicitly.
 */
export interface ContextObject {
  [field: string]: unknown;
  $path: string;
  $sources?: Record<string, RunSource>;
}

export interface AssemblyContextOptions {
  bilingual?: boolean;
  /** One language alone, not the one that prevails (assembleContract sets it). */
  convenienceTranslation?: boolean;
  versionLabel?: string | null;
  identity?: string | null;
}

/** Dates (holidays, extra working days) grouped by calendar year, in date order, each date once; a value that is not a date is left out. */
export function holidayYears(holidays: readonly string[]): { year: string; dates: string[] }[] {
  const dates = [...new Set(holidays.filter((date) => /^\d{4}-\d{2}-\d{2}$/.test(date)))].sort();
  const years: { year: string; dates: string[] }[] = [];
  for (const date of dates) {
    const year = date.slice(0, 4);
    const last = years[years.length - 1];
    if (last?.year === year) last.dates.push(date);
    else years.push({ year, dates: [date] });
  }
  return years;
}

/**
 * The length of one business day in minutes, from the start to the end of
 * Business Hours ("08:00"–"20:00" → 720); null when the end is not after
 * the start (the validator reports that).
 */
export function businessDayMinutes(hours: Pick<SlaDraft['expectations']['businessHours'], 'start' | 'end'>): number | null {
  const minutesOf = (clock: string): number | null => {
    const match = /^(\d{2}):(\d{2})$/.exec(clock);
    return match ? Number(match[1]) * 60 + Number(match[2]) : null;
  };
  const start = minutesOf(hours.start);
  const end = minutesOf(hours.end);
  return start === null || end === null || end <= start ? null : end - start;
}

function endOfWindow(start: string, durationMinutes: number): string {
  const [hours, minutes] = start.split(':').map(Number);
  const total = ((hours ?? 0) * 60 + (minutes ?? 0) + durationMinutes) % 1_440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/**
 * Allowed downtime of an availability objective over an average month,
 * quarter and year, for its coverage. The math functions refuse a target
 * outside 0–100 (a value being typed): then there is no budget to state.
 */
function downtimeBudgets(
  objective: SlaDraft['targets']['objectives'][number],
  businessHours: SlaDraft['expectations']['businessHours'],
): { month: number; quarter: number; year: number } | null {
  try {
    if (objective.coverage === 'businessHours') {
      const rows = businessHoursBudget(objective.objective, businessHours);
      const of = (period: string) => rows.find((row) => row.period === period)?.allowedSeconds ?? null;
      const month = of('monthAvg');
      const quarter = of('quarter');
      const year = of('year');
      return month === null || quarter === null || year === null ? null : { month, quarter, year };
    }
    return {
      month: allowedDowntimeForCoveredSeconds(objective.objective, PERIOD_SECONDS.monthAvg),
      quarter: allowedDowntimeForCoveredSeconds(objective.objective, PERIOD_SECONDS.quarter),
      year: allowedDowntimeForCoveredSeconds(objective.objective, PERIOD_SECONDS.year),
    };
  } catch {
    return null;
  }
}

/** A fee that cannot be charged (negative, not finite) has no credit amounts. */
function amountOrNull(compute: () => number): number | null {
  try {
    return compute();
  } catch {
    return null;
  }
}

/**
 * A party as the template sees it, with `nameZh`. A name in Chinese that is
 * the legal name again (a Chinese company named in Chinese twice) is no
 * second name: the English text does not repeat it in brackets.
 */
function partyObject(party: Party, path: string): ContextObject {
  const nameZh = partyNameZh(party);
  const secondName = nameZh.trim() !== party.legalName.trim();
  return {
    ...party,
    legalNameZh: secondName ? nameZh : '',
    nameZh,
    $path: path,
    $sources: { nameZh: { path: `${path}.${secondName ? 'legalNameZh' : 'legalName'}`, computed: 'nameZh' } },
  };
}

/** "Enterprise Service Level Agreement", "Acme SLA", "云平台服务水平协议": a title that needs no "Service Level Agreement" under it. */
export function titleNamesAgreement(title: LocalizedText): boolean {
  // The same in both languages, so that a bilingual contract's halves keep the same sentences: every written title must name it.
  const written = TEXT_LANGUAGES.filter((language) => hasText(title, language));
  return written.length > 0 && written.every((language) => /\bservice[\s-]+level\s+agreement\b|\bSLA\b|服务水平协议|服务等级协议/iu.test(title[language]));
}

/** The values of the root scope for one draft: the same for both languages. */
export function buildContext(draft: SlaDraft, options: AssemblyContextOptions = {}): Record<string, unknown> {
  const { compensation } = draft;
  const services: ContextObject[] = [];
  const metricsById = new Map<string, ContextObject>();
  const allMetrics: ContextObject[] = [];

  draft.services.forEach((service, s) => {
    const serviceObject: ContextObject = { ...service, monthlyFee: service.monthlyFee ?? null, metrics: [], $path: `services[${s}]` };
    service.metrics.forEach((metric, m) => {
      const semantics = metricSemantics(metric);
      const path = `services[${s}].metrics[${m}]`;
      const metricObject: ContextObject = {
        ...metric,
        percentile: metric.percentile ?? null,
        unit: metric.unit ?? null,
        unitKind: semantics.unit,
        higherIsBetter: semantics.higherIsBetter,
        service: serviceObject,
        objective: null,
        tiers: [],
        $path: path,
        $sources: {
          unitKind: { path: `${path}.kind`, computed: 'unitKind' },
          higherIsBetter: { path: `${path}.kind`, computed: 'higherIsBetter' },
        },
      };
      (serviceObject.metrics as ContextObject[]).push(metricObject);
      allMetrics.push(metricObject);
      if (!metricsById.has(metric.id)) metricsById.set(metric.id, metricObject);
    });
    services.push(serviceObject);
  });

  const objectives = draft.targets.objectives.map((objective, i): ContextObject => {
    const path = `targets.objectives[${i}]`;
    const metric = metricsById.get(objective.metricId) ?? null;
    const budgets = metric?.kind === 'availability' ? downtimeBudgets(objective, draft.expectations.businessHours) : null;
    const source = (computed: string): RunSource => ({ path: `${path}.objective`, computed });
    const objectObject: ContextObject = {
      ...objective,
      metric,
      service: metric?.service ?? null,
      downtimePerMonth: budgets?.month ?? null,
      downtimePerQuarter: budgets?.quarter ?? null,
      downtimePerYear: budgets?.year ?? null,
      $path: path,
      $sources: {
        downtimePerMonth: source('downtimePerMonth'),
        downtimePerQuarter: source('downtimePerQuarter'),
        downtimePerYear: source('downtimePerYear'),
      },
    };
    if (metric && metric.objective === null) metric.objective = objectObject;
    return objectObject;
  });

  // Where the fee is split by service, a tier's credit is a share of its service's fee.
  const tierFee = (metric: ContextObject | null): number => {
    const fee = (metric?.service as ContextObject | undefined)?.monthlyFee;
    return typeof fee === 'number' ? fee : compensation.monthlyFee;
  };
  const tiers = compensation.creditTiers.map((tier, i): ContextObject => {
    const path = `compensation.creditTiers[${i}]`;
    const metric = metricsById.get(tier.metricId) ?? null;
    const higherIsBetter = metric ? Boolean(metric.higherIsBetter) : true;
    const inclusive = compensation.boundary === 'atOrBelow';
    const comparison: TierComparison = higherIsBetter ? (inclusive ? 'atOrBelow' : 'below') : inclusive ? 'atOrAbove' : 'above';
    const tierObject: ContextObject = {
      ...tier,
      metric,
      service: metric?.service ?? null,
      comparison,
      creditAmount: amountOrNull(() => monthCredit([{ creditPercent: tier.creditPercent }], null, tierFee(metric), compensation.currency).amount),
      $path: path,
      $sources: {
        comparison: { path: 'compensation.boundary', computed: 'comparison' },
        creditAmount: { path: `${path}.creditPercent`, computed: 'creditAmount' },
      },
    };
    if (metric) (metric.tiers as ContextObject[]).push(tierObject);
    return tierObject;
  });

  const notificationByLevel = new Map(draft.monitoring.incidentNotification.map((n, i) => [n.level, { minutes: n.minutes, i }]));
  const severities = draft.targets.severities.map((severity, i): ContextObject => {
    const notification = notificationByLevel.get(severity.level);
    return {
      ...severity,
      notificationMinutes: notification?.minutes ?? null,
      $path: `targets.severities[${i}]`,
      $sources: notification ? { notificationMinutes: { path: `monitoring.incidentNotification[${notification.i}].minutes` } } : {},
    };
  });

  const windows = draft.targets.maintenance.windows.map((window, i): ContextObject => ({
    ...window,
    end: endOfWindow(window.start, window.durationMinutes),
    $path: `targets.maintenance.windows[${i}]`,
    $sources: { end: { path: `targets.maintenance.windows[${i}].durationMinutes`, computed: 'end' } },
  }));

  const exposure = safeExposure(draft);
  const capAmount =
    compensation.capPercent === null
      ? null
      : amountOrNull(() => monthCredit([{ creditPercent: compensation.capPercent ?? 0 }], null, compensation.monthlyFee, compensation.currency).amount);

  const hours = draft.expectations.businessHours;
  const holidaysPath = 'expectations.businessHours.holidays';
  const workingDaysPath = 'expectations.businessHours.workingDays';
  const byYear = (dates: readonly string[], path: string) =>
    holidayYears(dates).map((year): ContextObject => ({ ...year, $path: path, $sources: { year: { path }, dates: { path } } }));
  const businessHours: ContextObject = {
    ...hours,
    // Absent in files written before extra working days existed: none.
    workingDays: hours.workingDays ?? [],
    holidayYears: byYear(hours.holidays, holidaysPath),
    workingDayYears: byYear(hours.workingDays ?? [], workingDaysPath),
    $path: 'expectations.businessHours',
    $sources: { holidayYears: { path: holidaysPath, computed: 'holidayYears' }, workingDayYears: { path: workingDaysPath, computed: 'holidayYears' } },
  };

  return {
    ...draft,
    services,
    expectations: { ...draft.expectations, businessHours, $path: 'expectations' },
    // Absent in files written before the field existed: every minute counts.
    monitoring: { ...draft.monitoring, minimumOutageMinutes: draft.monitoring.minimumOutageMinutes ?? null, $path: 'monitoring' },
    targets: {
      ...draft.targets,
      // Absent in files written before the field existed: every Incident counts.
      supportAttainmentPercent: draft.targets.supportAttainmentPercent ?? null,
      objectives,
      severities,
      maintenance: { ...draft.targets.maintenance, windows, $path: 'targets.maintenance' },
      $path: 'targets',
    },
    compensation: {
      ...compensation,
      creditTiers: tiers,
      feeSplit: feeSplitByService(draft),
      capAmount,
      monthlyMaxPercent: exposure?.monthlyMaxPercent ?? null,
      monthlyMaxAmount: exposure?.monthlyMaxAmount ?? null,
      yearlyMaxAmount: exposure?.yearlyMaxAmount ?? null,
      $path: 'compensation',
      $sources: {
        feeSplit: { path: 'services', computed: 'feeSplit' },
        capAmount: { path: 'compensation.capPercent', computed: 'capAmount' },
        monthlyMaxPercent: { path: 'compensation.creditTiers', computed: 'monthlyMaxPercent' },
        monthlyMaxAmount: { path: 'compensation.creditTiers', computed: 'monthlyMaxAmount' },
        yearlyMaxAmount: { path: 'compensation.creditTiers', computed: 'yearlyMaxAmount' },
      },
    },
    mainAgreement: {
      ...draft.mainAgreement,
      chineseTitle: mainAgreementTitleZh(draft.mainAgreement),
      $path: 'mainAgreement',
      $sources: { chineseTitle: { path: `mainAgreement.${draft.mainAgreement.titleZh.trim() !== '' ? 'titleZh' : 'title'}`, computed: 'chineseTitle' } },
    },
    provider: partyObject(draft.parties.provider, 'parties.provider'),
    customer: partyObject(draft.parties.customer, 'parties.customer'),
    metrics: allMetrics,
    creditedMetrics: allMetrics.filter((metric) => (metric.tiers as unknown[]).length > 0),
    supportMetrics: allMetrics.filter((metric) => metric.kind === 'supportResponse' || metric.kind === 'supportResolution'),
    escalationContacts: escalationContacts(draft.expectations.stakeholders),
    supportContacts: escalationContacts(draft.expectations.stakeholders).filter(
      (contact) => contact.party === 'provider' && (String(contact.email).trim() !== '' || String(contact.phone).trim() !== ''),
    ),
    metricKinds: [...new Set(allMetrics.map((metric) => metric.kind as string))],
    doc: {
      bilingual: options.bilingual ?? false,
      convenienceTranslation: options.convenienceTranslation ?? false,
      titleNamesAgreement: titleNamesAgreement(draft.title),
      versionLabel: options.versionLabel ?? null,
      identity: options.identity ?? null,
      $path: 'doc',
    },
  };
}

function escalationContacts(stakeholders: SlaDraft['expectations']['stakeholders']): ContextObject[] {
  const contacts = stakeholders
    .map((stakeholder, i): ContextObject => ({ ...stakeholder, escalation: stakeholder.escalation ?? false, $path: `expectations.stakeholders[${i}]` }))
    .filter((stakeholder) => stakeholder.escalation === true);
  return [...contacts.filter((contact) => contact.party === 'provider'), ...contacts.filter((contact) => contact.party === 'customer')];
}

function safeExposure(draft: SlaDraft): ReturnType<typeof worstCaseYearlyExposure> | null {
  try {
    return worstCaseYearlyExposure(draft);
  } catch {
    return null;
  }
}
