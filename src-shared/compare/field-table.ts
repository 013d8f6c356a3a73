/**
 * What the field diff compares: one table, DRAFT_DIFF, per step, of the
 * draft's fields (path, label key, format) and its lists (the entity specs:
 * how an item is matched, named and described, and its own fields), in the
 * wizard's order, with the names and formats that depend on the draft
 * (DraftNames). fields.ts walks it. A field of the schema that the table
 * leaves out must be on the commented exclusion list of fields-coverage.test.ts.
 */
import { isBlankText } from '../model/localized';
import { metricSemantics, metricsById, type LocatedMetric } from '../model/metrics';
import {
  type CreditTier,
  type Metric,
  type Objective,
  type Party,
  type Request,
  type Service,
  type SeverityTerms,
  type SlaDraft,
  type StepId,
} from '../model/schema';

import type { ChangeEntity, DraftPath, LabelParam, LabelRef, ValueFormat } from './field-change';

export type Side = 'old' | 'new';

type CriticalPeriod = SlaDraft['expectations']['criticalPeriods'][number];
type Stakeholder = SlaDraft['expectations']['stakeholders'][number];
type MaintenanceWindow = SlaDraft['targets']['maintenance']['windows'][number];
type IncidentNotification = SlaDraft['monitoring']['incidentNotification'][number];
type CompensationTerms = SlaDraft['compensation'];
type ComplianceTerms = SlaDraft['compliance'];

export const ITEM: ValueFormat = { type: 'item' };
const TEXT: ValueFormat = { type: 'text' };
const LONG_TEXT: ValueFormat = { type: 'longText' };
const DATE: ValueFormat = { type: 'date' };
const BOOLEAN: ValueFormat = { type: 'boolean' };
export const NUMBER: ValueFormat = { type: 'number' };
const MINUTES: ValueFormat = { type: 'minutes' };
const PERCENT: ValueFormat = { type: 'percent' };
const count = (unit: Extract<ValueFormat, { type: 'count' }>['unit']): ValueFormat => ({ type: 'count', unit });
const enumOf = (prefix: string): ValueFormat => ({ type: 'enum', prefix });

export const ref = (key: string, params?: Record<string, LabelParam>): LabelRef => (params ? { key, params } : { key });
/** "Field (item)": a field of one list item. */
const ofItem = (fieldKey: string, item: LabelParam): LabelRef => ref('compare.ofItem', { field: ref(fieldKey), item });

// ── Names and formats that depend on the draft ──────────────────────────────

/** How the two drafts name their services, metrics and credit tiers, and how a metric's levels read. */
export class DraftNames {
  private readonly metrics: Record<Side, Map<string, LocatedMetric>>;

  constructor(readonly drafts: Record<Side, SlaDraft>) {
    this.metrics = { old: metricsById(drafts.old.services), new: metricsById(drafts.new.services) };
  }

  metricTitle(metric: Metric, service: Service): LabelParam {
    const clash = service.metrics.some(
      (other) => other !== metric && other.kind === metric.kind && (metric.kind !== 'latency' || other.percentile === metric.percentile),
    );
    if ((metric.kind === 'custom' || clash) && !isBlankText(metric.name)) return metric.name;
    if (metric.kind === 'latency' && metric.percentile !== undefined) {
      return ref('fields.metric.latencyName', { percentile: metric.percentile });
    }
    return ref(`enums.metricKind.${metric.kind}`);
  }

  serviceName(service: Pick<Service, 'name'>): LabelParam {
    return !isBlankText(service.name) ? service.name : ref('fields.service.unnamed');
  }

  located(side: Side, metricId: string): LocatedMetric | undefined {
    return this.metrics[side].get(metricId);
  }

  /** "Core API — Availability", or the raw id of a metric the draft does not have. */
  metricRef(side: Side, metricId: string): LabelParam {
    const located = this.located(side, metricId);
    if (!located) return metricId;
    const service = this.drafts[side].services[located.serviceIndex]!;
    return ref('fields.metric.option', { service: this.serviceName(service), metric: this.metricTitle(located.metric, service) });
  }

  /** How a level of this metric reads: percent, ms, a duration, or the custom unit. */
  levelFormat(side: Side, metricId: string): ValueFormat {
    const located = this.located(side, metricId);
    if (!located) return NUMBER;
    const { unit } = metricSemantics(located.metric);
    if (unit === 'custom') return { type: 'custom', unit: located.metric.unit ?? '' };
    return { type: unit };
  }

  metricFormat(side: Side, metricId: string): ValueFormat {
    return { type: 'label', label: this.metricRef(side, metricId) };
  }

  /** "Availability target (Core API)": an objective's level, named by the metric of the new draft. */
  targetLabel(objective: Objective): LabelRef {
    const located = this.located('new', objective.metricId);
    if (!located) return ofItem('fields.objective.objective', this.metricRef('new', objective.metricId));
    const service = this.drafts.new.services[located.serviceIndex]!;
    return ref('compare.target', { metric: this.metricTitle(located.metric, service), service: this.serviceName(service) });
  }

  /** "less than 99.9 %" / "500 ms or more": the tier's condition in the contract's words, as the draft's boundary and the metric's direction make it read. */
  tierCondition(side: Side, tier: CreditTier): LabelRef {
    const located = this.located(side, tier.metricId);
    const higherIsBetter = located ? metricSemantics(located.metric).higherIsBetter : true;
    const strict = this.drafts[side].compensation.boundary === 'below';
    const comparison = higherIsBetter ? (strict ? 'below' : 'atOrBelow') : strict ? 'above' : 'atOrAbove';
    return ref(`compare.tierCondition.${comparison}`, { threshold: { value: tier.threshold, format: this.levelFormat(side, tier.metricId) } });
  }

  /** "Credit tier for less than 99 %", with the metric when tiers of several metrics could be confused. */
  tierLabel(side: Side, tier: CreditTier): LabelRef {
    const condition = this.tierCondition(side, tier);
    const metricsWithTiers = new Set(this.drafts[side].compensation.creditTiers.map((other) => other.metricId));
    if (metricsWithTiers.size > 1) return ref('compare.creditTierOf', { condition, metric: this.metricRef(side, tier.metricId) });
    return ref('compare.creditTier', { condition });
  }
}

// ── The shape of the table ──────────────────────────────────────────────────

/**
 * Where the walk is: the object that the paths of a spec start from (the
 * draft, one of its sections, a party, a list item), in both drafts.
 */
export interface Scope<T = unknown> {
  names: DraftNames;
  step: StepId;
  old: T;
  new: T;
  oldPath: DraftPath;
  newPath: DraftPath;
  /** The party or list item whose fields these are, as their labels name it ("Core API"); null for the draft's own fields. */
  item: LabelParam | null;
}

/** One value compared as a whole: a text, a number, a date, a choice. */
export interface FieldSpec<T> {
  kind: 'field';
  /** Dotted path from the scope's object, e.g. "maintenance.noticeHours". */
  path: string;
  /** "Field", or "Field (item)" within a party or list item. */
  label(scope: Scope<T>): LabelRef;
  /** How the value reads on one side (`holder` is the scope's object on that side). */
  format(holder: T, side: Side, names: DraftNames): ValueFormat;
  /** What an absent optional field means (a party's "" = not given), so that absent and that value are no change. */
  absent?: unknown;
}

/** A kind of list item (an entity): added, removed and moved as a whole, and its own fields compared when in both drafts. */
export interface ListSpec<I, P = unknown> {
  kind: 'list';
  path: string;
  entity: ChangeEntity;
  /**
   * The field an item is matched by (its id, a severity's level), its
   * reorders reported as moves; none for a list of plain values (business
   * days, regimes…), matched by value as a set, in which order means nothing.
   */
  key?: keyof I & string;
  /** Parameters of the item's added / removed / moved sentence; `parent` is the scope the list is in. */
  describe(item: I, side: Side, parent: Scope<P>): Record<string, LabelParam>;
  /** How the labels of the item's fields name it ("Core API"): mostly by the new draft's item. */
  name?(before: I, after: I, names: DraftNames): LabelParam;
  fields?: readonly Spec<I>[];
}

/** The fields of a sub-object (a party) whose labels name it as an item. */
export interface GroupSpec {
  kind: 'group';
  path: string;
  item: LabelParam;
  fields: readonly Spec[];
}

/** A map of choices by key (a wording position per clause), compared key by key. */
export interface RecordSpec {
  kind: 'record';
  path: string;
  /** What an absent key means. */
  absent: unknown;
  label(key: string): LabelRef;
  format: ValueFormat;
}

export type Spec<T = unknown> = FieldSpec<T> | ListSpec<never, T> | GroupSpec | RecordSpec;

/** The fields of one step: paths from `path` in the draft ("" for the draft itself). */
export interface SectionSpec<T> {
  step: StepId;
  path: string;
  fields: readonly Spec<T>[];
}

/**
 * A field: its i18n key (the label reads "Field", or "Field (item)" within
 * a party or list item), or the whole label when the wizard's wording
 * depends on the draft; its format, or how the format depends on the draft
 * (a metric's unit, the currency).
 */
function field<T>(
  path: string,
  label: string | ((scope: Scope<T>) => LabelRef),
  format: ValueFormat | ((holder: T, side: Side, names: DraftNames) => ValueFormat),
  absent?: unknown,
): FieldSpec<T> {
  return {
    kind: 'field',
    path,
    label: typeof label === 'function' ? label : ({ item }) => (item === null ? ref(label) : ofItem(label, item)),
    format: typeof format === 'function' ? format : () => format,
    ...(absent === undefined ? {} : { absent }),
  };
}

const list = <I, P = unknown>(spec: Omit<ListSpec<I, P>, 'kind'>): ListSpec<I, P> => ({ kind: 'list', ...spec });

const section = <T>(step: StepId, path: string, fields: readonly Spec<T>[]): SectionSpec<T> => ({ step, path, fields });

/** A list of plain values (days, dates, regimes…), compared as a set. */
const valueSet = <V extends string>(path: string, entity: ChangeEntity, name: (value: V) => LabelParam): ListSpec<V> =>
  list<V>({ path, entity, describe: (value) => ({ name: name(value) }) });

const asDate = (date: string): LabelParam => ({ value: date, format: DATE });

/** A level of the item's metric, read in that metric's unit on each side. */
const levelOfMetric = (item: { metricId: string }, side: Side, names: DraftNames) => names.levelFormat(side, item.metricId);
/** A reference to a metric, shown by its name on each side. */
const metricOfItem = (item: { metricId: string }, side: Side, names: DraftNames) => names.metricFormat(side, item.metricId);

// ── The table: every compared field of the draft, step by step, in the wizard's order ──

/** A party's fields; for the optional ones an absent field and an empty one both mean "not given" (the last argument): no change between them. */
const PARTY_FIELDS: readonly Spec<Party>[] = [
  field('legalName', 'fields.party.legalName', TEXT),
  field('legalNameZh', 'fields.party.legalNameZh', TEXT, ''),
  field('address', 'fields.party.address', TEXT),
  field('signatoryName', 'fields.party.signatoryName', TEXT),
  field('signatoryTitle', 'fields.party.signatoryTitle', TEXT),
  field('registrationNumber', 'fields.party.registrationNumber', TEXT, ''),
  field('legalRepresentative', 'fields.party.legalRepresentative', TEXT, ''),
];

const METRICS = list<Metric, Service>({
  path: 'metrics',
  entity: 'metric',
  key: 'id',
  // Named within the service it is in on that side.
  describe: (metric, side, parent) => ({ service: parent.names.serviceName(parent[side]), name: parent.names.metricTitle(metric, parent[side]) }),
  name: (_before, metric, names) => names.metricRef('new', metric.id),
  fields: [
    field('kind', 'fields.metric.kind', enumOf('enums.metricKind')),
    field('name', 'fields.metric.name', TEXT),
    field('percentile', 'fields.metric.percentile', NUMBER),
    field('unit', 'fields.metric.unit', TEXT),
    field('higherIsBetter', 'fields.metric.higherIsBetter', BOOLEAN),
    field('measurementMethod', 'fields.metric.measurementMethod', LONG_TEXT),
    field('window', 'fields.metric.window', enumOf('enums.window')),
    field('dataSource', 'fields.metric.dataSource', TEXT),
    list<string, Metric>({
      path: 'exclusions',
      entity: 'metricExclusion',
      describe: (exclusion, _side, parent) => ({ metric: parent.item!, name: exclusion }),
    }),
  ],
});

const SERVICES = list<Service>({
  path: 'services',
  entity: 'service',
  key: 'id',
  describe: (service, _side, { names }) => ({ name: names.serviceName(service) }),
  name: (_before, service, names) => names.serviceName(service),
  fields: [
    field('name', 'fields.service.name', TEXT),
    field<Service>('monthlyFee', 'fields.service.monthlyFee', (_service, side, names) => ({
      type: 'money',
      currency: names.drafts[side].compensation.currency,
    })),
    field('description', 'fields.service.description', LONG_TEXT),
    METRICS,
  ],
});

const CRITICAL_PERIODS = list<CriticalPeriod>({
  path: 'criticalPeriods',
  entity: 'criticalPeriod',
  key: 'id',
  describe: (period) => ({ name: period.name, start: asDate(period.start), end: asDate(period.end) }),
  name: (_before, period) => period.name,
  fields: [
    field('name', 'fields.criticalPeriod.name', TEXT),
    field('start', 'fields.criticalPeriod.start', DATE),
    field('end', 'fields.criticalPeriod.end', DATE),
    field('note', 'fields.criticalPeriod.note', LONG_TEXT),
  ],
});

const REQUESTS = list<Request>({
  path: 'requests',
  entity: 'request',
  key: 'id',
  describe: (request, side, { names }) => ({
    metric: names.metricRef(side, request.metricId),
    level: { value: request.requestedLevel, format: names.levelFormat(side, request.metricId) },
    priority: ref(`enums.priority.${request.priority}`),
  }),
  name: (_before, request, names) => names.metricRef('new', request.metricId),
  fields: [
    field('metricId', 'fields.request.metric', metricOfItem),
    field('requestedLevel', 'fields.request.requestedLevel', levelOfMetric),
    field('priority', 'fields.request.priority', enumOf('enums.priority')),
    field('note', 'fields.request.note', LONG_TEXT),
  ],
});

const STAKEHOLDERS = list<Stakeholder>({
  path: 'stakeholders',
  entity: 'stakeholder',
  key: 'id',
  describe: (stakeholder) => ({ name: stakeholder.name, party: ref(`fields.party.${stakeholder.party}`) }),
  name: (_before, stakeholder) => stakeholder.name,
  fields: [
    field('party', 'fields.stakeholder.party', enumOf('fields.party')),
    field('name', 'fields.stakeholder.name', TEXT),
    field('role', 'fields.stakeholder.role', TEXT),
    field('email', 'fields.stakeholder.email', TEXT),
    field('phone', 'fields.stakeholder.phone', TEXT),
    // Absent and false both mean "not an escalation contact": no change between them.
    field('escalation', 'fields.stakeholder.escalation', BOOLEAN, false),
  ],
});

const OBJECTIVES = list<Objective>({
  path: 'objectives',
  entity: 'objective',
  key: 'id',
  describe: (objective, side, { names }) => ({
    metric: names.metricRef(side, objective.metricId),
    level: { value: objective.objective, format: names.levelFormat(side, objective.metricId) },
  }),
  name: (_before, objective, names) => names.metricRef('new', objective.metricId),
  fields: [
    field('metricId', 'fields.objective.metric', metricOfItem),
    field<Objective>('objective', ({ names, new: objective }) => names.targetLabel(objective), levelOfMetric),
    field('coverage', 'fields.objective.coverage', enumOf('enums.coverage')),
  ],
});

const SEVERITIES = list<SeverityTerms>({
  path: 'severities',
  entity: 'severity',
  key: 'level',
  describe: (severity) => ({
    level: severity.level,
    response: { value: severity.responseMinutes, format: MINUTES },
    resolution: { value: severity.resolutionMinutes, format: MINUTES },
  }),
  name: (_before, severity) => severity.level,
  fields: [
    field('description', 'fields.severity.description', LONG_TEXT),
    field('responseMinutes', 'fields.severity.responseMinutes', MINUTES),
    field('resolutionMinutes', 'fields.severity.resolutionMinutes', MINUTES),
    field('coverage', 'fields.severity.coverage', enumOf('enums.coverage')),
  ],
});

const windowName = (window: MaintenanceWindow): LabelRef => ref('compare.windowName', { day: ref(`enums.weekday.${window.day}`), start: window.start });

const MAINTENANCE_WINDOWS = list<MaintenanceWindow>({
  path: 'maintenance.windows',
  entity: 'window',
  key: 'id',
  describe: (window) => ({ name: windowName(window), duration: { value: window.durationMinutes, format: MINUTES } }),
  // A window is named by its old day and start, so "Starts (Sunday 01:00): 01:00 → 02:00" says which window moved.
  name: (window) => windowName(window),
  fields: [
    field('day', 'fields.window.day', enumOf('enums.weekday')),
    field('start', 'fields.window.start', TEXT),
    field('durationMinutes', 'fields.window.durationMinutes', MINUTES),
  ],
});

const INCIDENT_NOTIFICATIONS = list<IncidentNotification>({
  path: 'incidentNotification',
  entity: 'notification',
  key: 'level',
  describe: (notification) => ({ level: notification.level, minutes: { value: notification.minutes, format: MINUTES } }),
  name: (_before, notification) => notification.level,
  fields: [field('minutes', 'fields.notification.minutes', MINUTES)],
});

const CREDIT_TIERS = list<CreditTier>({
  path: 'creditTiers',
  entity: 'creditTier',
  key: 'id',
  describe: (tier, side, { names }) => ({
    metric: names.metricRef(side, tier.metricId),
    condition: names.tierCondition(side, tier),
    credit: { value: tier.creditPercent, format: PERCENT },
  }),
  name: (_before, tier, names) => names.tierLabel('new', tier),
  fields: [
    field('metricId', 'fields.tier.metric', metricOfItem),
    field<CreditTier>('threshold', ({ names, new: tier }) => ref('compare.tierThreshold', { metric: names.metricRef('new', tier.metricId) }), levelOfMetric),
    field<CreditTier>('creditPercent', ({ names, new: tier }) => names.tierLabel('new', tier), PERCENT),
  ],
});

/** What diffDrafts compares: per step, the fields and lists of a section of the draft, in the order of the wizard's fields. */
export const DRAFT_DIFF: readonly SectionSpec<never>[] = [
  section<SlaDraft>('services', '', [
    field('title', 'fields.agreement.title', TEXT),
    field('effectiveDate', 'fields.agreement.effectiveDate', DATE),
    field('termMonths', 'fields.agreement.termMonths', count('months')),
    { kind: 'group', path: 'parties.provider', item: ref('fields.party.provider'), fields: PARTY_FIELDS },
    { kind: 'group', path: 'parties.customer', item: ref('fields.party.customer'), fields: PARTY_FIELDS },
    field('mainAgreement.relation', 'fields.mainAgreement.relation', enumOf('enums.agreementRelation')),
    field('mainAgreement.title', 'fields.mainAgreement.title', TEXT),
    field('mainAgreement.titleZh', 'fields.mainAgreement.titleZh', TEXT),
    field('mainAgreement.date', 'fields.mainAgreement.date', DATE),
    SERVICES,
  ]),
  section('expectations', 'expectations', [
    field('businessHours.timeZone', 'fields.businessHours.timeZone', TEXT),
    valueSet('businessHours.days', 'businessDay', (day) => ref(`enums.weekday.${day}`)),
    field('businessHours.start', 'fields.businessHours.start', TEXT),
    field('businessHours.end', 'fields.businessHours.end', TEXT),
    valueSet('businessHours.holidays', 'holiday', asDate),
    valueSet('businessHours.workingDays', 'workingDay', asDate),
    CRITICAL_PERIODS,
    REQUESTS,
    STAKEHOLDERS,
  ]),
  section('targets', 'targets', [
    OBJECTIVES,
    SEVERITIES,
    field('supportAttainmentPercent', 'fields.severity.attainmentPercent', PERCENT),
    field('maintenance.noticeHours', 'fields.maintenance.noticeHours', count('hours')),
    field('maintenance.emergencyNoticeHours', 'fields.maintenance.emergencyNoticeHours', count('hours')),
    field('maintenance.maxHoursPerMonth', 'fields.maintenance.maxHoursPerMonth', count('hours')),
    field('maintenance.emergencyMaxHoursPerMonth', 'fields.maintenance.emergencyMaxHoursPerMonth', { type: 'cap', unit: 'hours' }),
    MAINTENANCE_WINDOWS,
    field('maintenance.timeZone', 'fields.maintenance.timeZone', TEXT),
  ]),
  section('monitoring', 'monitoring', [
    field('probeIntervalSeconds', 'fields.monitoring.probeIntervalSeconds', count('seconds')),
    valueSet('probeLocations', 'probeLocation', (location) => location),
    field('downtimeDefinition', 'fields.monitoring.downtimeDefinition', LONG_TEXT),
    field('minimumOutageMinutes', 'fields.monitoring.minimumOutageMinutes', { type: 'minutes' }),
    field('methodDowntimePrevails', 'fields.monitoring.methodDowntimePrevails', BOOLEAN),
    field('excludeFromMeasuredPeriod', 'fields.monitoring.excludeFromMeasuredPeriod', BOOLEAN),
    field('reportingCadence', 'fields.monitoring.reportingCadence', enumOf('enums.cadence')),
    field('reportDueDays', 'fields.monitoring.reportDueDays', count('businessDays')),
    field('statusPageUrl', 'fields.monitoring.statusPageUrl', TEXT),
    INCIDENT_NOTIFICATIONS,
    field('rcaDeadlineDays', 'fields.monitoring.rcaDeadlineDays', count('businessDays')),
    field('customerDataRequest', 'fields.monitoring.customerDataRequest', BOOLEAN),
    field('dataRequestDays', 'fields.monitoring.dataRequestDays', count('businessDays')),
  ]),
  section<CompensationTerms>('compensation', 'compensation', [
    field('currency', 'fields.compensation.currency', TEXT),
    field<CompensationTerms>('monthlyFee', 'fields.compensation.monthlyFee', (terms) => ({ type: 'money', currency: terms.currency })),
    CREDIT_TIERS,
    field('boundary', 'fields.compensation.boundary', enumOf('enums.boundary')),
    field('capPercent', 'fields.compensation.capPercent', { type: 'cap' }),
    field('claims.application', 'fields.claims.application', enumOf('enums.creditApplication')),
    field('claimWindowDays', 'fields.compensation.claimWindowDays', count('days')),
    field('claims.windowFrom', 'fields.claims.windowFrom', enumOf('enums.claimWindowFrom')),
    field('claims.answerBusinessDays', 'fields.claims.answerBusinessDays', count('businessDays')),
    field('claims.deemedConfirmed', 'fields.claims.deemedConfirmed', BOOLEAN),
    field('claimProcess', 'fields.compensation.claimProcess', LONG_TEXT),
    field('creditForm', 'fields.compensation.creditForm', enumOf('enums.creditForm')),
    field('chronicFailure.enabled', 'fields.chronic.enabled', BOOLEAN),
    field('chronicFailure.consecutiveMonths', 'fields.chronic.consecutiveMonths', count('months')),
    field('chronicFailure.monthsInTwelve', 'fields.chronic.monthsInTwelve', count('months')),
    field('chronicFailure.terminationNoticeDays', 'fields.chronic.terminationNoticeDays', count('days')),
    field('soleRemedy', 'fields.compensation.soleRemedy', BOOLEAN),
  ]),
  section<ComplianceTerms>('compliance', 'compliance', [
    field('governingLaw', 'fields.compliance.governingLaw', TEXT),
    // Absent: the typed governing law and venue.
    field('jurisdiction', 'fields.compliance.jurisdiction', enumOf('enums.jurisdiction')),
    field('disputeResolution.method', 'fields.compliance.disputeMethod', enumOf('enums.disputeMethod')),
    // The wizard calls the venue "Courts of" or "Seat of arbitration" depending on the method.
    field<ComplianceTerms>(
      'disputeResolution.venue',
      ({ new: terms }) => ref(terms.disputeResolution.method === 'courts' ? 'fields.compliance.venue' : 'fields.compliance.seat'),
      TEXT,
    ),
    field('disputeResolution.institution', 'fields.compliance.institution', TEXT),
    field('disputeResolution.language', 'fields.compliance.proceedingsLanguage', enumOf('enums.contractLanguage')),
    field('disputeResolution.arbitrators', 'fields.compliance.arbitrators', NUMBER),
    field('breachNotificationHours', 'fields.compliance.breachNotificationHours', count('hours')),
    valueSet('dataProtection', 'regime', (regime) => ref(`enums.regime.${regime}`)),
    field('dataResidency.region', 'fields.compliance.residencyRegion', enumOf('enums.region')),
    field('dataResidency.restrictions', 'fields.compliance.residencyRestrictions', LONG_TEXT),
    valueSet('certifications', 'certification', (certification) => ref(`enums.certification.${certification}`)),
    field('exclusions.forceMajeure', 'fields.compliance.exclusion.forceMajeure', BOOLEAN),
    field('exclusions.customerCaused', 'fields.compliance.exclusion.customerCaused', BOOLEAN),
    field('exclusions.betaFeatures', 'fields.compliance.exclusion.betaFeatures', BOOLEAN),
    field('exclusions.thirdPartyServices', 'fields.compliance.exclusion.thirdPartyServices', BOOLEAN),
    valueSet('exclusions.other', 'otherExclusion', (exclusion) => exclusion),
  ]),
  // The contract options are set on the compliance step (prevailing language) and in the preview (wording positions).
  section('compliance', 'contract', [
    field('templateId', 'compare.template', TEXT),
    // An absent position is the balanced wording.
    { kind: 'record', path: 'positions', absent: 'balanced', label: (clause) => ref('compare.position', { clause }), format: enumOf('compare.positions') },
    field('precedence', 'fields.compliance.precedence', enumOf('enums.precedence')),
    field('languages', 'fields.agreement.languages', enumOf('enums.contractLanguage')),
  ]),
];
