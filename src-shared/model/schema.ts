/**
 * The SLA draft: one negotiable Service Level Agreement, as the six-step
 * wizard edits it and as a `*.sla.json` file carries it.
 *
 * The schema checks shape and single-field bounds; rules that relate fields
 * to each other live in rules.ts so that each failure can name its step.
 * Durations are whole minutes, percentages are numbers 0–100 (99.95 means
 * 99.95 %), dates are ISO calendar dates (YYYY-MM-DD).
 */
import { z } from 'zod';
import { isBlankText } from './localized';
import { findTextFlaw } from './text';

export const SCHEMA_VERSION = 3 as const;

/** Hard limits: big enough for any real SLA, small enough to refuse abuse. */
export const LIMITS = {
  shortText: 200,
  longText: 5_000,
  services: 100,
  metricsPerService: 30,
  listItems: 100,
  /** 10 years, in minutes: no SLA promises a longer duration. */
  maxMinutes: 5_256_000,
} as const;

export const STEP_IDS = ['services', 'expectations', 'targets', 'monitoring', 'compensation', 'compliance'] as const;
export type StepId = (typeof STEP_IDS)[number];

/**
 * Refuses text that reads differently from what it is (text.ts): the issue
 * names the character and where it is. It looks at the text as written,
 * before any trimming, and never changes it.
 */
const honestText = (multiLine: boolean) => (value: string, context: z.RefinementCtx) => {
  const flaw = findTextFlaw(value, multiLine);
  if (flaw) context.addIssue({ code: 'custom', message: flaw.kind, params: { character: flaw.character, position: flaw.position }, input: value });
};

/** One line: names, titles, sources, list items. */
const shortText = z.string().superRefine(honestText(false)).max(LIMITS.shortText);
const requiredText = z.string().superRefine(honestText(false)).trim().min(1).max(LIMITS.shortText);
/** May hold line breaks and tabs: descriptions, methods, notes, processes. */
const longText = z.string().superRefine(honestText(true)).max(LIMITS.longText);
/** Short, but edited in a text area, so a line break is the user's own. */
const shortLines = z.string().superRefine(honestText(true)).max(LIMITS.shortText);
const list = <T extends z.ZodType>(item: T) => z.array(item).max(LIMITS.listItems);

/**
 * Text the contract prints, written in English and in Chinese
 * (localized.ts). Either may be empty while drafting: a translation missing
 * for a language the contract is printed in is a problem of the contract
 * check, which names the field and the language.
 */
const localizedText = (text: z.ZodString) => z.strictObject({ en: text, 'zh-CN': text });
/** Required: written in at least one of the languages. */
const requiredLocalized = (text: z.ZodString) => localizedText(text).refine((value) => !isBlankText(value), { message: 'required' });
const localizedShort = localizedText(shortText);
const localizedLong = localizedText(longText);
const localizedLines = localizedText(shortLines);
const localizedRequired = requiredLocalized(shortText);

/** Every schema of a localized text, so that a walk over the schema (the contract's context, the field labels) can tell them from a section. */
export const LOCALIZED_TEXT_SCHEMAS: ReadonlySet<z.ZodType> = new Set<z.ZodType>([localizedShort, localizedLong, localizedLines, localizedRequired]);
/** A set of choices: each at most once ("GDPR, GDPR" is a slip, not a position). */
const choices = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((items) => new Set(items).size === items.length, { message: 'unique' });

/** Stable identifier of a list item, so versions can be compared by id, not position. */
export const idSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'id' });

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date', abort: true })
  .refine(
    (value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
    },
    { message: 'date' },
  );

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time' });
const percent = z.number().finite().min(0).max(100);
const positiveMinutes = z.number().int().min(1).max(LIMITS.maxMinutes);

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const weekday = z.enum(WEEKDAYS);

export const CURRENCIES = ['USD', 'EUR', 'GBP', 'CNY', 'HKD', 'SGD', 'JPY', 'AUD', 'CAD', 'CHF'] as const;

export const partySchema = z.strictObject({
  legalName: requiredText,
  address: localizedLong,
  signatoryName: shortText,
  signatoryTitle: localizedShort,
  /**
   * The company's registration number: in China the 18-character unified
   * social credit code (统一社会信用代码), elsewhere e.g. a Companies House
   * number. Optional without a default, so that files and versions written
   * before the field existed keep their exact canonical form and hash;
   * "" means not given, like an absent field.
   */
  registrationNumber: shortText.optional(),
  /** The legal representative (法定代表人) named in Chinese contracts; optional as above. */
  legalRepresentative: shortText.optional(),
  /**
   * The company's name in Chinese (中文名称) — for a company registered in
   * China, its registered name. The Chinese text of a contract names the
   * party by it, the English text by `legalName`; optional as above, and
   * when not given the Chinese text uses `legalName` too.
   */
  legalNameZh: shortText.optional(),
});
export type Party = z.infer<typeof partySchema>;

/** The name a contract's Chinese text gives the party: its Chinese name when given, else its legal name. */
export function partyNameZh(party: Pick<Party, 'legalName' | 'legalNameZh'>): string {
  const chinese = party.legalNameZh?.trim() ?? '';
  return chinese !== '' ? chinese : party.legalName;
}

// ── Step 1: services and metrics ────────────────────────────────────────────

export const METRIC_KINDS = ['availability', 'latency', 'supportResponse', 'supportResolution', 'errorRate', 'rpo', 'rto', 'custom'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

export const MEASUREMENT_WINDOWS = ['calendarMonth', 'calendarQuarter', 'rolling30Days'] as const;

export const metricSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(METRIC_KINDS),
  /** Shown in the contract; required for custom metrics, optional otherwise. */
  name: localizedShort,
  /** Latency metrics only: the percentile measured, e.g. 95 or 99.9. */
  percentile: z.number().finite().gt(0).lt(100).optional(),
  /** Custom metrics only: the unit of the objective, e.g. "jobs/hour". */
  unit: localizedShort.optional(),
  /** Custom metrics only: whether a higher value is better. */
  higherIsBetter: z.boolean().optional(),
  measurementMethod: localizedLong,
  window: z.enum(MEASUREMENT_WINDOWS),
  dataSource: localizedShort,
  exclusions: list(localizedShort),
});
export type Metric = z.infer<typeof metricSchema>;

export const serviceSchema = z.strictObject({
  id: idSchema,
  name: localizedRequired,
  description: localizedLong,
  metrics: z.array(metricSchema).max(LIMITS.metricsPerService),
  /**
   * The part of the Monthly Fee payable for this service, in the draft's
   * currency, where the fee is split by service: the service's Service
   * Credits are then a percentage of it rather than of the whole Monthly
   * Fee. Optional without a default, like a party's registration number,
   * so files and versions written before the field existed keep their
   * canonical form and hash; absent = credits on the whole Monthly Fee.
   */
  monthlyFee: z.number().finite().min(0).max(1e12).optional(),
});
export type Service = z.infer<typeof serviceSchema>;

// ── Step 2: customer expectations ───────────────────────────────────────────

export const PRIORITIES = ['must', 'should', 'nice'] as const;

export const businessHoursSchema = z.strictObject({
  /** An IANA time zone, e.g. "Europe/London" or "Asia/Shanghai". */
  timeZone: requiredText,
  days: choices(weekday, 7).refine((days) => days.length > 0, { message: 'required' }),
  start: clockTime,
  end: clockTime,
  /** Public holidays on which business-hours coverage does not apply. */
  holidays: list(isoDate),
  /**
   * Extra working days: dates off the listed week days on which business
   * hours apply all the same, such as the weekend days worked in exchange
   * for a bridged holiday in China (调休上班日). Optional without a default,
   * like a party's registration number, so files and versions written
   * before the field existed keep their canonical form and hash.
   */
  workingDays: list(isoDate).optional(),
});
export type BusinessHours = z.infer<typeof businessHoursSchema>;

export const criticalPeriodSchema = z.strictObject({
  id: idSchema,
  name: localizedRequired,
  start: isoDate,
  end: isoDate,
  note: longText,
});

export const requestSchema = z.strictObject({
  id: idSchema,
  metricId: idSchema,
  /** In the unit of the metric's objective (percent, ms, minutes…). */
  requestedLevel: z.number().finite().min(0).max(LIMITS.maxMinutes),
  priority: z.enum(PRIORITIES),
  note: longText,
});
export type Request = z.infer<typeof requestSchema>;

export const stakeholderSchema = z.strictObject({
  id: idSchema,
  party: z.enum(['provider', 'customer']),
  name: requiredText,
  role: localizedLines,
  email: z.union([z.literal(''), z.email().max(LIMITS.shortText).superRefine(honestText(false))]),
  phone: shortText,
  /**
   * Whether the contract names this person as an escalation contact of
   * their party (with role, e-mail and phone); the others stay internal.
   * Optional without a default, like a party's registration number, so
   * files and versions written before the field existed keep their
   * canonical form and hash; absent means false.
   */
  escalation: z.boolean().optional(),
});
export type Stakeholder = z.infer<typeof stakeholderSchema>;

export const expectationsSchema = z.strictObject({
  businessHours: businessHoursSchema,
  criticalPeriods: list(criticalPeriodSchema),
  requests: list(requestSchema),
  stakeholders: list(stakeholderSchema),
});

// ── Step 3: targets ─────────────────────────────────────────────────────────

export const COVERAGES = ['24x7', 'businessHours'] as const;
export const SEVERITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const objectiveSchema = z.strictObject({
  id: idSchema,
  metricId: idSchema,
  /**
   * The committed level, in the metric's unit: percent for availability and
   * error rate, milliseconds for latency, minutes for RPO and RTO.
   */
  objective: z.number().finite().min(0).max(LIMITS.maxMinutes),
  coverage: z.enum(COVERAGES),
});
export type Objective = z.infer<typeof objectiveSchema>;

export const severityTermsSchema = z.strictObject({
  level: z.enum(SEVERITIES),
  description: localizedLong,
  responseMinutes: positiveMinutes,
  resolutionMinutes: positiveMinutes,
  coverage: z.enum(COVERAGES),
});
export type SeverityTerms = z.infer<typeof severityTermsSchema>;

export const maintenanceWindowSchema = z.strictObject({
  id: idSchema,
  day: weekday,
  start: clockTime,
  durationMinutes: positiveMinutes,
});

export const targetsSchema = z.strictObject({
  objectives: list(objectiveSchema),
  severities: z.array(severityTermsSchema).max(SEVERITIES.length),
  maintenance: z.strictObject({
    noticeHours: z.number().int().min(0).max(8760),
    emergencyNoticeHours: z.number().int().min(0).max(8760),
    maxHoursPerMonth: z.number().finite().min(0).max(744),
    windows: list(maintenanceWindowSchema),
    /** The time zone the windows are stated in. */
    timeZone: requiredText,
    /**
     * The most Emergency Maintenance in one calendar month that may leave
     * Downtime, in hours; beyond it Emergency Maintenance counts as
     * Downtime. null = no such limit.
     */
    emergencyMaxHoursPerMonth: z.number().finite().min(0).max(744).nullable(),
  }),
  /**
   * The measurable basis of the severity table: the share, in percent, of
   * the Incidents of each Severity Level in a calendar month that must meet
   * the response and resolution times. Optional without a default (as
   * above); absent = every Incident must meet them.
   */
  supportAttainmentPercent: z.number().finite().gt(0).max(100).optional(),
});

// ── Step 4: monitoring and reporting ────────────────────────────────────────

export const monitoringSchema = z.strictObject({
  probeIntervalSeconds: z.number().int().min(1).max(86_400),
  probeLocations: list(localizedShort),
  downtimeDefinition: localizedLong,
  reportingCadence: z.enum(['monthly', 'quarterly']),
  /** Business days after the end of the reporting period. */
  reportDueDays: z.number().int().min(1).max(90),
  statusPageUrl: z.union([
    z.literal(''),
    z
      .url({ protocol: /^https?$/ })
      .max(LIMITS.shortText)
      .superRefine(honestText(false)),
  ]),
  incidentNotification: z.array(z.strictObject({ level: z.enum(SEVERITIES), minutes: positiveMinutes })).max(SEVERITIES.length),
  /** Business days after resolution of a P1 or P2 incident. */
  rcaDeadlineDays: z.number().int().min(1).max(90),
  customerDataRequest: z.boolean(),
  /** Business days within which requested measurement data is provided. */
  dataRequestDays: z.number().int().min(1).max(90),
  /** Whether excluded time (maintenance, customer-caused) leaves the measured period too. */
  excludeFromMeasuredPeriod: z.boolean(),
  /**
   * Whether a metric's measurement method that says when a minute is
   * Downtime prevails over `downtimeDefinition` for that metric; false =
   * `downtimeDefinition` governs every Service Level.
   */
  methodDowntimePrevails: z.boolean(),
  /**
   * The shortest unavailability that counts as Downtime, in minutes: a
   * shorter one is not Downtime. Optional without a default (as above);
   * absent = every minute of unavailability counts.
   */
  minimumOutageMinutes: z.number().int().min(1).max(240).optional(),
});

// ── Step 5: compensation ────────────────────────────────────────────────────

export const creditTierSchema = z.strictObject({
  id: idSchema,
  metricId: idSchema,
  /** Credit applies when attainment is worse than this level (see boundary). */
  threshold: z.number().finite().min(0).max(LIMITS.maxMinutes),
  creditPercent: percent,
});
export type CreditTier = z.infer<typeof creditTierSchema>;

export const CREDIT_FORMS = ['credit', 'refund', 'extension'] as const;
/** How credits reach the customer: claimed one by one, or applied by the provider from its report. */
export const CREDIT_APPLICATIONS = ['onClaim', 'automatic'] as const;
/** When the claim window starts: at the end of the Measurement Period, or when its service level report is received. */
export const CLAIM_WINDOW_STARTS = ['periodEnd', 'report'] as const;

/** The claim procedure the contract prints: each step a field, so the text never repeats it. */
export const claimStepsSchema = z.strictObject({
  application: z.enum(CREDIT_APPLICATIONS),
  windowFrom: z.enum(CLAIM_WINDOW_STARTS),
  /** Business days within which the provider confirms a claim or disputes it with reasons. */
  answerBusinessDays: z.number().int().min(1).max(90),
  /** A claim not disputed within the answer window is confirmed. */
  deemedConfirmed: z.boolean(),
});

export const compensationSchema = z.strictObject({
  currency: z.enum(CURRENCIES),
  monthlyFee: z.number().finite().min(0).max(1e12),
  creditTiers: list(creditTierSchema),
  /**
   * How a tier's threshold reads: "below" = strictly worse than the
   * threshold ("less than 99.9 %"); "atOrBelow" = worse than or equal to it.
   */
  boundary: z.enum(['below', 'atOrBelow']),
  /** Maximum credits in one month, as a percent of the monthly fee; null = uncapped. */
  capPercent: percent.nullable(),
  /** Days, from `claims.windowFrom`, within which a credit is claimed (with automatic credits: a credit the report missed). */
  claimWindowDays: z.number().int().min(1).max(365),
  claims: claimStepsSchema,
  /** What the claim steps do not say (the channel, what a claim states); printed after them. */
  claimProcess: localizedLong,
  creditForm: z.enum(CREDIT_FORMS),
  chronicFailure: z.strictObject({
    enabled: z.boolean(),
    /** Missed in this many consecutive months… */
    consecutiveMonths: z.number().int().min(1).max(12),
    /** …or in this many months of any rolling twelve. */
    monthsInTwelve: z.number().int().min(1).max(12),
    terminationNoticeDays: z.number().int().min(0).max(365),
  }),
  soleRemedy: z.boolean(),
});

// ── Step 6: compliance ──────────────────────────────────────────────────────

export const DATA_PROTECTION_REGIMES = ['GDPR', 'UK_GDPR', 'PIPL', 'CCPA', 'LGPD', 'PDPA_SG', 'APPI'] as const;
export const CERTIFICATIONS = ['ISO27001', 'ISO27017', 'ISO27018', 'ISO27701', 'SOC2', 'MLPS3', 'CSA_STAR', 'PCI_DSS'] as const;
export const RESIDENCY_REGIONS = ['none', 'EU', 'UK', 'US', 'CN_MAINLAND', 'SG', 'JP', 'AU'] as const;
export const DISPUTE_METHODS = ['courts', 'arbitration', 'mediationThenArbitration'] as const;
/**
 * The legal systems whose law and courts the contract can name in proper
 * wording in both languages ("the laws of England and Wales", "英格兰和威尔士法律").
 * Any other is typed in `governingLaw` and `disputeResolution.venue`.
 */
export const JURISDICTIONS = [
  'englandWales',
  'ireland',
  'newYork',
  'california',
  'delaware',
  'singapore',
  'hongKong',
  'prcMainland',
  'germany',
  'switzerland',
] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];
/** A sole arbitrator or a tribunal of three. */
export const ARBITRATOR_COUNTS = [1, 3] as const;

export const complianceSchema = z.strictObject({
  /** As typed, for a jurisdiction not in the list; with `jurisdiction`, the contract names the law from the list. */
  governingLaw: localizedRequired,
  /** The governing law (and, for courts, the courts) from the list; absent = the typed `governingLaw` and `venue`. */
  jurisdiction: z.enum(JURISDICTIONS).optional(),
  disputeResolution: z.strictObject({
    method: z.enum(DISPUTE_METHODS),
    /** Court or seat of arbitration, e.g. "London" or "Shanghai". */
    venue: localizedRequired,
    /** Arbitration institution, e.g. "SHIAC", "LCIA"; empty for courts. */
    institution: localizedShort,
    language: z.enum(['en', 'zh-CN', 'bilingual']),
    /** Arbitration: a sole arbitrator or three; absent = as the institution's rules provide. */
    arbitrators: z.union([z.literal(ARBITRATOR_COUNTS[0]), z.literal(ARBITRATOR_COUNTS[1])]).optional(),
  }),
  /** Hours within which the provider notifies the customer of a personal data breach; absent = 48 hours. */
  breachNotificationHours: z.number().int().min(1).max(168).optional(),
  dataProtection: choices(z.enum(DATA_PROTECTION_REGIMES), DATA_PROTECTION_REGIMES.length),
  dataResidency: z.strictObject({
    region: z.enum(RESIDENCY_REGIONS),
    restrictions: localizedLong,
  }),
  certifications: choices(z.enum(CERTIFICATIONS), CERTIFICATIONS.length),
  exclusions: z.strictObject({
    forceMajeure: z.boolean(),
    customerCaused: z.boolean(),
    betaFeatures: z.boolean(),
    thirdPartyServices: z.boolean(),
    other: list(localizedShort),
  }),
});

// ── Contract assembly choices (used by the export) ──────────────────────────

export const POSITIONS = ['provider', 'balanced', 'customer'] as const;
/** English, Chinese, or both side by side. */
export const CONTRACT_LANGUAGE_CHOICES = ['en', 'zh-CN', 'bilingual'] as const;
export type ContractLanguageChoice = (typeof CONTRACT_LANGUAGE_CHOICES)[number];
export type Position = (typeof POSITIONS)[number];

export const contractOptionsSchema = z.strictObject({
  templateId: idSchema,
  /** Alternative wording chosen per negotiable clause; absent = balanced. */
  positions: z.record(idSchema, z.enum(POSITIONS)),
  /** Which text prevails in a bilingual contract. */
  precedence: z.enum(['en', 'zh-CN']),
  /**
   * The languages the contract is printed in: the wizard asks for the text
   * of each, and the contract check reports a translation missing in one.
   */
  languages: z.enum(CONTRACT_LANGUAGE_CHOICES),
});

// ── The main agreement ──────────────────────────────────────────────────────

export const AGREEMENT_RELATIONS = ['schedule', 'standAlone'] as const;

/**
 * The agreement this SLA belongs to, normally the subscription (master)
 * agreement under which the services are bought: the SLA is drafted as its
 * schedule, with a precedence clause, and chronic-failure termination
 * reaches the subscription. "standAlone" is the deliberate choice of an SLA
 * that belongs to no other agreement; then the other fields are ignored.
 * The parties of the main agreement are the parties of the SLA.
 */
export const mainAgreementSchema = z.strictObject({
  relation: z.enum(AGREEMENT_RELATIONS),
  /** As the main agreement is headed, e.g. "Master Subscription Agreement"; required for a schedule (rules.ts). */
  title: shortText,
  /** Its title in Chinese, without 《》 (the Chinese text adds them); "" = the Chinese text uses `title`. */
  titleZh: shortText,
  /** The date it was signed or is dated; "" = not given (the contract then names it without a date). */
  date: z.union([z.literal(''), isoDate]),
});
export type MainAgreement = z.infer<typeof mainAgreementSchema>;

/** The title a contract's Chinese text gives the main agreement: its Chinese title when given, else its title. */
export function mainAgreementTitleZh(agreement: Pick<MainAgreement, 'title' | 'titleZh'>): string {
  const chinese = agreement.titleZh.trim();
  return chinese !== '' ? chinese : agreement.title;
}

// ── The draft ───────────────────────────────────────────────────────────────

export const slaDraftSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  title: localizedRequired,
  effectiveDate: isoDate,
  termMonths: z.number().int().min(1).max(120),
  parties: z.strictObject({ provider: partySchema, customer: partySchema }),
  mainAgreement: mainAgreementSchema,
  services: z.array(serviceSchema).max(LIMITS.services),
  expectations: expectationsSchema,
  targets: targetsSchema,
  monitoring: monitoringSchema,
  compensation: compensationSchema,
  compliance: complianceSchema,
  contract: contractOptionsSchema,
});

export type SlaDraft = z.infer<typeof slaDraftSchema>;

/** Which wizard step owns a top-level field of the draft. */
export function stepOfPath(path: readonly PropertyKey[]): StepId {
  switch (path[0]) {
    case 'expectations':
      return 'expectations';
    case 'targets':
      return 'targets';
    case 'monitoring':
      return 'monitoring';
    case 'compensation':
      return 'compensation';
    case 'compliance':
    case 'contract':
      return 'compliance';
    default:
      // title, parties, the main agreement, dates and services are the first step's agreement section.
      return 'services';
  }
}
