/**
 * Field-level changes between two drafts, in the words of the wizard:
 * "Availability target (Core API): 99.9 % → 99.95 %", "Added service:
 * Data export API". This module finds the changes and labels them with
 * i18n keys and parameters; describe.ts turns them into text in a locale.
 *
 * List items are matched by their id — services, metrics, objectives,
 * credit tiers, requests, contacts, windows, critical periods — severities
 * and incident notification times by their level, and lists of plain
 * values (business days, holidays, regimes, exclusions…) by value, as
 * sets. A reordered item is reported once as moved; an item whose id
 * changed is a removal plus an addition, as it is a different item for
 * every reference to it. Metrics are matched within their service.
 *
 * Labels name a metric by its kind ("Availability", "Response time (p95)")
 * and its service, not by its free-text name, so that a label stays the
 * same when the name itself is what changed; custom metrics, and two
 * metrics of one kind in one service, are named by their name.
 *
 * Changes come grouped by the six steps, in step order, and within a step
 * in the order of the wizard's fields.
 *
 * Both drafts must have the schema's shape (validateDraft(...).draft is
 * non-null); cross-field problems do not matter, so a working copy that is
 * still being edited can be compared with a version.
 */
import { alignByKey } from './align';
import { canonicalJson } from '../model/canonical';
import { metricSemantics, metricsById, type LocatedMetric } from '../model/metrics';
import type { ProblemPath } from '../model/problems';
import { STEP_IDS, type CreditTier, type Metric, type Party, type Service, type SlaDraft, type StepId } from '../model/schema';

export type ChangeKind = 'added' | 'removed' | 'changed' | 'moved';

/** The kinds of list item whose addition, removal or move is reported as a whole. */
export const CHANGE_ENTITIES = [
  'service',
  'metric',
  'metricExclusion',
  'businessDay',
  'holiday',
  'workingDay',
  'criticalPeriod',
  'request',
  'stakeholder',
  'objective',
  'severity',
  'window',
  'probeLocation',
  'notification',
  'creditTier',
  'regime',
  'certification',
  'otherExclusion',
] as const;
export type ChangeEntity = (typeof CHANGE_ENTITIES)[number];

/** How a raw value reads; describe.ts renders it per locale. */
export type ValueFormat =
  | { type: 'text' }
  /** Free text that may run to paragraphs: described as "text edited" rather than quoted in full. */
  | { type: 'longText' }
  /** An ISO date. */
  | { type: 'date' }
  | { type: 'boolean' }
  | { type: 'number' }
  | { type: 'percent' }
  /** Whole minutes, read as a duration ("1 hour 30 minutes"). */
  | { type: 'minutes' }
  | { type: 'ms' }
  /** A custom metric's level with its unit ("120 jobs/hour"). */
  | { type: 'custom'; unit: string }
  | { type: 'count'; unit: 'hours' | 'days' | 'businessDays' | 'months' | 'seconds' }
  | { type: 'money'; currency: string }
  /** A percent, or null for "uncapped". */
  | { type: 'cap' }
  /** An enum value, read through the i18n key `${prefix}.${value}`. */
  | { type: 'enum'; prefix: string }
  /** A reference (e.g. a metric id) shown by its label. */
  | { type: 'label'; label: LabelParam }
  /** A whole list item (added or removed): its sentence says what it is. */
  | { type: 'item' };

export interface FormattedValue {
  value: unknown;
  format: ValueFormat;
}

/** A parameter of a label: user text, a number, another label, or a value to format. */
export type LabelParam = string | number | LabelRef | FormattedValue;

export interface LabelRef {
  key: string;
  params?: Record<string, LabelParam>;
}

export type DraftPath = ProblemPath;

export interface FieldChange {
  step: StepId;
  kind: ChangeKind;
  /** Where the field or item is in the new draft; in the old draft for a removal. */
  path: DraftPath;
  /** Where it was in the old draft, when that differs from `path` (moved or shifted items); else null. */
  oldPath: DraftPath | null;
  /** For a whole list item (added, removed, moved): what kind of item; null for a field change. */
  entity: ChangeEntity | null;
  /**
   * For a field change, the field ("Availability target (Core API)"); for a
   * whole item, the complete sentence ("Added service: {{name}}").
   */
  label: LabelRef;
  /** Raw values: the field's old and new value; the item for added / removed; 1-based positions for moved. */
  old: unknown;
  new: unknown;
  oldFormat: ValueFormat;
  newFormat: ValueFormat;
}

type Side = 'old' | 'new';

const ITEM: ValueFormat = { type: 'item' };
const TEXT: ValueFormat = { type: 'text' };
const LONG_TEXT: ValueFormat = { type: 'longText' };
const DATE: ValueFormat = { type: 'date' };
const BOOLEAN: ValueFormat = { type: 'boolean' };
const NUMBER: ValueFormat = { type: 'number' };
const MINUTES: ValueFormat = { type: 'minutes' };
const count = (unit: Extract<ValueFormat, { type: 'count' }>['unit']): ValueFormat => ({ type: 'count', unit });
const enumOf = (prefix: string): ValueFormat => ({ type: 'enum', prefix });

const ref = (key: string, params?: Record<string, LabelParam>): LabelRef => (params ? { key, params } : { key });
/** "Field (item)": a field of one list item. */
const ofItem = (fieldKey: string, item: LabelParam): LabelRef => ref('compare.ofItem', { field: ref(fieldKey), item });

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  return canonicalJson(a) === canonicalJson(b);
}

interface FieldSpec<T> {
  name: keyof T & string;
  label: LabelRef;
  format: ValueFormat | ((side: Side) => ValueFormat);
}

interface ListSpec<T> {
  step: StepId;
  entity: ChangeEntity;
  oldItems: readonly T[];
  newItems: readonly T[];
  oldPath: DraftPath;
  newPath: DraftPath;
  keyOf: (item: T) => string;
  /** Parameters of the item's added / removed / moved sentence. */
  describe: (item: T, side: Side) => Record<string, LabelParam>;
  /** Report reorders (false for lists that are sets: business days, regimes…). */
  moves: boolean;
  /** Field changes of an item present in both drafts. */
  fields?: (before: T, after: T, oldPath: DraftPath, newPath: DraftPath) => void;
}

class DraftDiffer {
  readonly changes: FieldChange[] = [];
  private readonly metrics: Record<Side, Map<string, LocatedMetric>>;

  constructor(private readonly drafts: Record<Side, SlaDraft>) {
    this.metrics = { old: metricsById(drafts.old.services), new: metricsById(drafts.new.services) };
  }

  value(step: StepId, oldPath: DraftPath, newPath: DraftPath, before: unknown, after: unknown, label: LabelRef, oldFormat: ValueFormat, newFormat = oldFormat): void {
    if (sameValue(before, after)) return;
    this.changes.push({
      step,
      kind: 'changed',
      path: newPath,
      oldPath: samePath(oldPath, newPath) ? null : oldPath,
      entity: null,
      label,
      old: before,
      new: after,
      oldFormat,
      newFormat,
    });
  }

  fields<T extends object>(step: StepId, before: T, after: T, oldBase: DraftPath, newBase: DraftPath, specs: FieldSpec<T>[]): void {
    for (const spec of specs) {
      const format = (side: Side) => (typeof spec.format === 'function' ? spec.format(side) : spec.format);
      this.value(step, [...oldBase, spec.name], [...newBase, spec.name], before[spec.name], after[spec.name], spec.label, format('old'), format('new'));
    }
  }

  list<T>(spec: ListSpec<T>): void {
    for (const aligned of alignByKey(spec.oldItems, spec.newItems, spec.keyOf)) {
      const sentence = (kind: ChangeKind, params: Record<string, LabelParam>) => ref(`compare.items.${spec.entity}.${kind}`, params);
      if (aligned.new === null) {
        const { item, index } = aligned.old!;
        this.changes.push({
          step: spec.step,
          kind: 'removed',
          path: [...spec.oldPath, index],
          oldPath: null,
          entity: spec.entity,
          label: sentence('removed', spec.describe(item, 'old')),
          old: item,
          new: null,
          oldFormat: ITEM,
          newFormat: ITEM,
        });
        continue;
      }
      const { item, index } = aligned.new;
      const newPath = [...spec.newPath, index];
      if (aligned.old === null) {
        this.changes.push({
          step: spec.step,
          kind: 'added',
          path: newPath,
          oldPath: null,
          entity: spec.entity,
          label: sentence('added', spec.describe(item, 'new')),
          old: null,
          new: item,
          oldFormat: ITEM,
          newFormat: ITEM,
        });
        continue;
      }
      const oldPath = [...spec.oldPath, aligned.old.index];
      if (aligned.moved && spec.moves) {
        const from = aligned.old.index + 1;
        const to = index + 1;
        this.changes.push({
          step: spec.step,
          kind: 'moved',
          path: newPath,
          oldPath,
          entity: spec.entity,
          label: sentence('moved', { ...spec.describe(item, 'new'), from, to }),
          old: from,
          new: to,
          oldFormat: NUMBER,
          newFormat: NUMBER,
        });
      }
      spec.fields?.(aligned.old.item, item, oldPath, newPath);
    }
  }

  // ── Names and formats that depend on the draft ────────────────────────────

  metricTitle(metric: Metric, service: Service): LabelParam {
    const clash = service.metrics.some(
      (other) => other !== metric && other.kind === metric.kind && (metric.kind !== 'latency' || other.percentile === metric.percentile),
    );
    if ((metric.kind === 'custom' || clash) && metric.name.trim() !== '') return metric.name;
    if (metric.kind === 'latency' && metric.percentile !== undefined) {
      return ref('fields.metric.latencyName', { percentile: metric.percentile });
    }
    return ref(`enums.metricKind.${metric.kind}`);
  }

  serviceName(service: Pick<Service, 'name'>): LabelParam {
    return service.name.trim() !== '' ? service.name : ref('fields.service.unnamed');
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

  /** "below 99.9 %" / "above 500 ms": the tier's condition as the draft's boundary and the metric's direction make it read. */
  tierCondition(side: Side, tier: CreditTier): LabelRef {
    const located = this.located(side, tier.metricId);
    const higherIsBetter = located ? metricSemantics(located.metric).higherIsBetter : true;
    const strict = this.drafts[side].compensation.boundary === 'below';
    const comparison = higherIsBetter ? (strict ? 'below' : 'atOrBelow') : strict ? 'above' : 'atOrAbove';
    return ref(`compare.tierCondition.${comparison}`, { threshold: { value: tier.threshold, format: this.levelFormat(side, tier.metricId) } });
  }

  /** "Credit tier below 99 %", with the metric when tiers of several metrics could be confused. */
  tierLabel(side: Side, tier: CreditTier): LabelRef {
    const condition = this.tierCondition(side, tier);
    const metricsWithTiers = new Set(this.drafts[side].compensation.creditTiers.map((other) => other.metricId));
    if (metricsWithTiers.size > 1) return ref('compare.creditTierOf', { condition, metric: this.metricRef(side, tier.metricId) });
    return ref('compare.creditTier', { condition });
  }
}

function samePath(a: DraftPath, b: DraftPath): boolean {
  return a.length === b.length && a.every((segment, i) => segment === b[i]);
}

const identity = (value: string) => value;

/** An absent optional party field and an empty one both mean "not given": no change between them. */
function withOptionalText(party: Party): Required<Party> {
  return {
    ...party,
    registrationNumber: party.registrationNumber ?? '',
    legalRepresentative: party.legalRepresentative ?? '',
    legalNameZh: party.legalNameZh ?? '',
  };
}

function diffServicesStep(d: DraftDiffer, before: SlaDraft, after: SlaDraft): void {
  const step: StepId = 'services';
  d.value(step, ['title'], ['title'], before.title, after.title, ref('fields.agreement.title'), TEXT);
  d.value(step, ['effectiveDate'], ['effectiveDate'], before.effectiveDate, after.effectiveDate, ref('fields.agreement.effectiveDate'), DATE);
  d.value(step, ['termMonths'], ['termMonths'], before.termMonths, after.termMonths, ref('fields.agreement.termMonths'), count('months'));
  for (const role of ['provider', 'customer'] as const) {
    const party = ref(`fields.party.${role}`);
    const path = ['parties', role];
    d.fields(step, withOptionalText(before.parties[role]), withOptionalText(after.parties[role]), path, path, [
      { name: 'legalName', label: ofItem('fields.party.legalName', party), format: TEXT },
      { name: 'legalNameZh', label: ofItem('fields.party.legalNameZh', party), format: TEXT },
      { name: 'address', label: ofItem('fields.party.address', party), format: TEXT },
      { name: 'signatoryName', label: ofItem('fields.party.signatoryName', party), format: TEXT },
      { name: 'signatoryTitle', label: ofItem('fields.party.signatoryTitle', party), format: TEXT },
      { name: 'registrationNumber', label: ofItem('fields.party.registrationNumber', party), format: TEXT },
      { name: 'legalRepresentative', label: ofItem('fields.party.legalRepresentative', party), format: TEXT },
    ]);
  }
  d.list({
    step,
    entity: 'service',
    oldItems: before.services,
    newItems: after.services,
    oldPath: ['services'],
    newPath: ['services'],
    keyOf: (service) => service.id,
    describe: (service) => ({ name: d.serviceName(service) }),
    moves: true,
    fields: (oldService, newService, oldPath, newPath) => {
      const item = d.serviceName(newService);
      d.fields(step, oldService, newService, oldPath, newPath, [
        { name: 'name', label: ofItem('fields.service.name', item), format: TEXT },
        { name: 'description', label: ofItem('fields.service.description', item), format: LONG_TEXT },
      ]);
      d.list({
        step,
        entity: 'metric',
        oldItems: oldService.metrics,
        newItems: newService.metrics,
        oldPath: [...oldPath, 'metrics'],
        newPath: [...newPath, 'metrics'],
        keyOf: (metric) => metric.id,
        describe: (metric, side) => {
          const service = side === 'old' ? oldService : newService;
          return { service: d.serviceName(service), name: d.metricTitle(metric, service) };
        },
        moves: true,
        fields: (oldMetric, newMetric, oldMetricPath, newMetricPath) => diffMetric(d, oldMetric, newMetric, oldMetricPath, newMetricPath),
      });
    },
  });
}

function diffMetric(d: DraftDiffer, before: Metric, after: Metric, oldPath: DraftPath, newPath: DraftPath): void {
  const step: StepId = 'services';
  const metric = d.metricRef('new', after.id);
  d.fields(step, before, after, oldPath, newPath, [
    { name: 'kind', label: ofItem('fields.metric.kind', metric), format: enumOf('enums.metricKind') },
    { name: 'name', label: ofItem('fields.metric.name', metric), format: TEXT },
    { name: 'percentile', label: ofItem('fields.metric.percentile', metric), format: NUMBER },
    { name: 'unit', label: ofItem('fields.metric.unit', metric), format: TEXT },
    { name: 'higherIsBetter', label: ofItem('fields.metric.higherIsBetter', metric), format: BOOLEAN },
    { name: 'measurementMethod', label: ofItem('fields.metric.measurementMethod', metric), format: LONG_TEXT },
    { name: 'window', label: ofItem('fields.metric.window', metric), format: enumOf('enums.window') },
    { name: 'dataSource', label: ofItem('fields.metric.dataSource', metric), format: TEXT },
  ]);
  d.list({
    step,
    entity: 'metricExclusion',
    oldItems: before.exclusions,
    newItems: after.exclusions,
    oldPath: [...oldPath, 'exclusions'],
    newPath: [...newPath, 'exclusions'],
    keyOf: identity,
    describe: (exclusion) => ({ metric, name: exclusion }),
    moves: false,
  });
}

function diffExpectationsStep(d: DraftDiffer, before: SlaDraft, after: SlaDraft): void {
  const step: StepId = 'expectations';
  const oldHours = before.expectations.businessHours;
  const newHours = after.expectations.businessHours;
  const hoursPath = ['expectations', 'businessHours'];
  d.value(step, [...hoursPath, 'timeZone'], [...hoursPath, 'timeZone'], oldHours.timeZone, newHours.timeZone, ref('fields.businessHours.timeZone'), TEXT);
  d.list({
    step,
    entity: 'businessDay',
    oldItems: oldHours.days,
    newItems: newHours.days,
    oldPath: [...hoursPath, 'days'],
    newPath: [...hoursPath, 'days'],
    keyOf: identity,
    describe: (day) => ({ name: ref(`enums.weekday.${day}`) }),
    moves: false,
  });
  d.value(step, [...hoursPath, 'start'], [...hoursPath, 'start'], oldHours.start, newHours.start, ref('fields.businessHours.start'), TEXT);
  d.value(step, [...hoursPath, 'end'], [...hoursPath, 'end'], oldHours.end, newHours.end, ref('fields.businessHours.end'), TEXT);
  d.list({
    step,
    entity: 'holiday',
    oldItems: oldHours.holidays,
    newItems: newHours.holidays,
    oldPath: [...hoursPath, 'holidays'],
    newPath: [...hoursPath, 'holidays'],
    keyOf: identity,
    describe: (date) => ({ name: { value: date, format: DATE } }),
    moves: false,
  });
  d.list({
    step,
    entity: 'workingDay',
    oldItems: oldHours.workingDays ?? [],
    newItems: newHours.workingDays ?? [],
    oldPath: [...hoursPath, 'workingDays'],
    newPath: [...hoursPath, 'workingDays'],
    keyOf: identity,
    describe: (date) => ({ name: { value: date, format: DATE } }),
    moves: false,
  });

  const periodsPath = ['expectations', 'criticalPeriods'];
  d.list({
    step,
    entity: 'criticalPeriod',
    oldItems: before.expectations.criticalPeriods,
    newItems: after.expectations.criticalPeriods,
    oldPath: periodsPath,
    newPath: periodsPath,
    keyOf: (period) => period.id,
    describe: (period) => ({ name: period.name, start: { value: period.start, format: DATE }, end: { value: period.end, format: DATE } }),
    moves: true,
    fields: (oldPeriod, newPeriod, oldPath, newPath) =>
      d.fields(step, oldPeriod, newPeriod, oldPath, newPath, [
        { name: 'name', label: ofItem('fields.criticalPeriod.name', newPeriod.name), format: TEXT },
        { name: 'start', label: ofItem('fields.criticalPeriod.start', newPeriod.name), format: DATE },
        { name: 'end', label: ofItem('fields.criticalPeriod.end', newPeriod.name), format: DATE },
        { name: 'note', label: ofItem('fields.criticalPeriod.note', newPeriod.name), format: LONG_TEXT },
      ]),
  });

  const requestsPath = ['expectations', 'requests'];
  d.list({
    step,
    entity: 'request',
    oldItems: before.expectations.requests,
    newItems: after.expectations.requests,
    oldPath: requestsPath,
    newPath: requestsPath,
    keyOf: (request) => request.id,
    describe: (request, side) => ({
      metric: d.metricRef(side, request.metricId),
      level: { value: request.requestedLevel, format: d.levelFormat(side, request.metricId) },
      priority: ref(`enums.priority.${request.priority}`),
    }),
    moves: true,
    fields: (oldRequest, newRequest, oldPath, newPath) => {
      const item = d.metricRef('new', newRequest.metricId);
      d.fields(step, oldRequest, newRequest, oldPath, newPath, [
        { name: 'metricId', label: ofItem('fields.request.metric', item), format: (side) => d.metricFormat(side, side === 'old' ? oldRequest.metricId : newRequest.metricId) },
        {
          name: 'requestedLevel',
          label: ofItem('fields.request.requestedLevel', item),
          format: (side) => d.levelFormat(side, side === 'old' ? oldRequest.metricId : newRequest.metricId),
        },
        { name: 'priority', label: ofItem('fields.request.priority', item), format: enumOf('enums.priority') },
        { name: 'note', label: ofItem('fields.request.note', item), format: LONG_TEXT },
      ]);
    },
  });

  const stakeholdersPath = ['expectations', 'stakeholders'];
  d.list({
    step,
    entity: 'stakeholder',
    oldItems: before.expectations.stakeholders,
    newItems: after.expectations.stakeholders,
    oldPath: stakeholdersPath,
    newPath: stakeholdersPath,
    keyOf: (stakeholder) => stakeholder.id,
    describe: (stakeholder) => ({ name: stakeholder.name, party: ref(`fields.party.${stakeholder.party}`) }),
    moves: true,
    fields: (oldContact, newContact, oldPath, newPath) =>
      d.fields(step, oldContact, newContact, oldPath, newPath, [
        { name: 'party', label: ofItem('fields.stakeholder.party', newContact.name), format: enumOf('fields.party') },
        { name: 'name', label: ofItem('fields.stakeholder.name', newContact.name), format: TEXT },
        { name: 'role', label: ofItem('fields.stakeholder.role', newContact.name), format: TEXT },
        { name: 'email', label: ofItem('fields.stakeholder.email', newContact.name), format: TEXT },
        { name: 'phone', label: ofItem('fields.stakeholder.phone', newContact.name), format: TEXT },
      ]),
  });
}

function diffTargetsStep(d: DraftDiffer, before: SlaDraft, after: SlaDraft): void {
  const step: StepId = 'targets';
  const objectivesPath = ['targets', 'objectives'];
  d.list({
    step,
    entity: 'objective',
    oldItems: before.targets.objectives,
    newItems: after.targets.objectives,
    oldPath: objectivesPath,
    newPath: objectivesPath,
    keyOf: (objective) => objective.id,
    describe: (objective, side) => ({
      metric: d.metricRef(side, objective.metricId),
      level: { value: objective.objective, format: d.levelFormat(side, objective.metricId) },
    }),
    moves: true,
    fields: (oldObjective, newObjective, oldPath, newPath) => {
      const item = d.metricRef('new', newObjective.metricId);
      const located = d.located('new', newObjective.metricId);
      const target = located
        ? ref('compare.target', {
            metric: d.metricTitle(located.metric, after.services[located.serviceIndex]!),
            service: d.serviceName(after.services[located.serviceIndex]!),
          })
        : ofItem('fields.objective.objective', item);
      const metricOf = (side: Side) => (side === 'old' ? oldObjective.metricId : newObjective.metricId);
      d.fields(step, oldObjective, newObjective, oldPath, newPath, [
        { name: 'metricId', label: ofItem('fields.objective.metric', item), format: (side) => d.metricFormat(side, metricOf(side)) },
        { name: 'objective', label: target, format: (side) => d.levelFormat(side, metricOf(side)) },
        { name: 'coverage', label: ofItem('fields.objective.coverage', item), format: enumOf('enums.coverage') },
      ]);
    },
  });

  const severitiesPath = ['targets', 'severities'];
  d.list({
    step,
    entity: 'severity',
    oldItems: before.targets.severities,
    newItems: after.targets.severities,
    oldPath: severitiesPath,
    newPath: severitiesPath,
    keyOf: (severity) => severity.level,
    describe: (severity) => ({
      level: severity.level,
      response: { value: severity.responseMinutes, format: MINUTES },
      resolution: { value: severity.resolutionMinutes, format: MINUTES },
    }),
    moves: true,
    fields: (oldSeverity, newSeverity, oldPath, newPath) =>
      d.fields(step, oldSeverity, newSeverity, oldPath, newPath, [
        { name: 'description', label: ofItem('fields.severity.description', newSeverity.level), format: LONG_TEXT },
        { name: 'responseMinutes', label: ofItem('fields.severity.responseMinutes', newSeverity.level), format: MINUTES },
        { name: 'resolutionMinutes', label: ofItem('fields.severity.resolutionMinutes', newSeverity.level), format: MINUTES },
        { name: 'coverage', label: ofItem('fields.severity.coverage', newSeverity.level), format: enumOf('enums.coverage') },
      ]),
  });

  const maintenancePath = ['targets', 'maintenance'];
  const oldMaintenance = before.targets.maintenance;
  const newMaintenance = after.targets.maintenance;
  d.fields(step, oldMaintenance, newMaintenance, maintenancePath, maintenancePath, [
    { name: 'noticeHours', label: ref('fields.maintenance.noticeHours'), format: count('hours') },
    { name: 'emergencyNoticeHours', label: ref('fields.maintenance.emergencyNoticeHours'), format: count('hours') },
    { name: 'maxHoursPerMonth', label: ref('fields.maintenance.maxHoursPerMonth'), format: count('hours') },
  ]);
  const windowName = (window: { day: string; start: string }) => ref('compare.windowName', { day: ref(`enums.weekday.${window.day}`), start: window.start });
  d.list({
    step,
    entity: 'window',
    oldItems: oldMaintenance.windows,
    newItems: newMaintenance.windows,
    oldPath: [...maintenancePath, 'windows'],
    newPath: [...maintenancePath, 'windows'],
    keyOf: (window) => window.id,
    describe: (window) => ({ name: windowName(window), duration: { value: window.durationMinutes, format: MINUTES } }),
    moves: true,
    // A window is named by its old day and start, so "Starts (Sunday 01:00): 01:00 → 02:00" says which window moved.
    fields: (oldWindow, newWindow, oldPath, newPath) =>
      d.fields(step, oldWindow, newWindow, oldPath, newPath, [
        { name: 'day', label: ofItem('fields.window.day', windowName(oldWindow)), format: enumOf('enums.weekday') },
        { name: 'start', label: ofItem('fields.window.start', windowName(oldWindow)), format: TEXT },
        { name: 'durationMinutes', label: ofItem('fields.window.durationMinutes', windowName(oldWindow)), format: MINUTES },
      ]),
  });
  d.value(step, [...maintenancePath, 'timeZone'], [...maintenancePath, 'timeZone'], oldMaintenance.timeZone, newMaintenance.timeZone, ref('fields.maintenance.timeZone'), TEXT);
}

function diffMonitoringStep(d: DraftDiffer, before: SlaDraft, after: SlaDraft): void {
  const step: StepId = 'monitoring';
  const path = ['monitoring'];
  const oldMonitoring = before.monitoring;
  const newMonitoring = after.monitoring;
  d.fields(step, oldMonitoring, newMonitoring, path, path, [
    { name: 'probeIntervalSeconds', label: ref('fields.monitoring.probeIntervalSeconds'), format: count('seconds') },
  ]);
  d.list({
    step,
    entity: 'probeLocation',
    oldItems: oldMonitoring.probeLocations,
    newItems: newMonitoring.probeLocations,
    oldPath: [...path, 'probeLocations'],
    newPath: [...path, 'probeLocations'],
    keyOf: identity,
    describe: (location) => ({ name: location }),
    moves: false,
  });
  d.fields(step, oldMonitoring, newMonitoring, path, path, [
    { name: 'downtimeDefinition', label: ref('fields.monitoring.downtimeDefinition'), format: LONG_TEXT },
    { name: 'excludeFromMeasuredPeriod', label: ref('fields.monitoring.excludeFromMeasuredPeriod'), format: BOOLEAN },
    { name: 'reportingCadence', label: ref('fields.monitoring.reportingCadence'), format: enumOf('enums.cadence') },
    { name: 'reportDueDays', label: ref('fields.monitoring.reportDueDays'), format: count('businessDays') },
    { name: 'statusPageUrl', label: ref('fields.monitoring.statusPageUrl'), format: TEXT },
  ]);
  d.list({
    step,
    entity: 'notification',
    oldItems: oldMonitoring.incidentNotification,
    newItems: newMonitoring.incidentNotification,
    oldPath: [...path, 'incidentNotification'],
    newPath: [...path, 'incidentNotification'],
    keyOf: (notification) => notification.level,
    describe: (notification) => ({ level: notification.level, minutes: { value: notification.minutes, format: MINUTES } }),
    moves: true,
    fields: (oldNotification, newNotification, oldPath, newPath) =>
      d.fields(step, oldNotification, newNotification, oldPath, newPath, [
        { name: 'minutes', label: ofItem('fields.notification.minutes', newNotification.level), format: MINUTES },
      ]),
  });
  d.fields(step, oldMonitoring, newMonitoring, path, path, [
    { name: 'rcaDeadlineDays', label: ref('fields.monitoring.rcaDeadlineDays'), format: count('businessDays') },
    { name: 'customerDataRequest', label: ref('fields.monitoring.customerDataRequest'), format: BOOLEAN },
    { name: 'dataRequestDays', label: ref('fields.monitoring.dataRequestDays'), format: count('businessDays') },
  ]);
}

function diffCompensationStep(d: DraftDiffer, before: SlaDraft, after: SlaDraft): void {
  const step: StepId = 'compensation';
  const path = ['compensation'];
  const oldTerms = before.compensation;
  const newTerms = after.compensation;
  d.fields(step, oldTerms, newTerms, path, path, [
    { name: 'currency', label: ref('fields.compensation.currency'), format: TEXT },
    {
      name: 'monthlyFee',
      label: ref('fields.compensation.monthlyFee'),
      format: (side) => ({ type: 'money', currency: (side === 'old' ? oldTerms : newTerms).currency }),
    },
  ]);
  d.list({
    step,
    entity: 'creditTier',
    oldItems: oldTerms.creditTiers,
    newItems: newTerms.creditTiers,
    oldPath: [...path, 'creditTiers'],
    newPath: [...path, 'creditTiers'],
    keyOf: (tier) => tier.id,
    describe: (tier, side) => ({
      metric: d.metricRef(side, tier.metricId),
      condition: d.tierCondition(side, tier),
      credit: { value: tier.creditPercent, format: { type: 'percent' } },
    }),
    moves: true,
    fields: (oldTier, newTier, oldPath, newPath) => {
      const metricOf = (side: Side) => (side === 'old' ? oldTier.metricId : newTier.metricId);
      d.fields(step, oldTier, newTier, oldPath, newPath, [
        { name: 'metricId', label: ofItem('fields.tier.metric', d.tierLabel('new', newTier)), format: (side) => d.metricFormat(side, metricOf(side)) },
        {
          name: 'threshold',
          label: ref('compare.tierThreshold', { metric: d.metricRef('new', newTier.metricId) }),
          format: (side) => d.levelFormat(side, metricOf(side)),
        },
        { name: 'creditPercent', label: d.tierLabel('new', newTier), format: { type: 'percent' } },
      ]);
    },
  });
  d.fields(step, oldTerms, newTerms, path, path, [
    { name: 'boundary', label: ref('fields.compensation.boundary'), format: enumOf('enums.boundary') },
    { name: 'capPercent', label: ref('fields.compensation.capPercent'), format: { type: 'cap' } },
    { name: 'claimWindowDays', label: ref('fields.compensation.claimWindowDays'), format: count('days') },
    { name: 'claimProcess', label: ref('fields.compensation.claimProcess'), format: LONG_TEXT },
    { name: 'creditForm', label: ref('fields.compensation.creditForm'), format: enumOf('enums.creditForm') },
  ]);
  const chronicPath = [...path, 'chronicFailure'];
  d.fields(step, oldTerms.chronicFailure, newTerms.chronicFailure, chronicPath, chronicPath, [
    { name: 'enabled', label: ref('fields.chronic.enabled'), format: BOOLEAN },
    { name: 'consecutiveMonths', label: ref('fields.chronic.consecutiveMonths'), format: count('months') },
    { name: 'monthsInTwelve', label: ref('fields.chronic.monthsInTwelve'), format: count('months') },
    { name: 'terminationNoticeDays', label: ref('fields.chronic.terminationNoticeDays'), format: count('days') },
  ]);
  d.value(step, [...path, 'soleRemedy'], [...path, 'soleRemedy'], oldTerms.soleRemedy, newTerms.soleRemedy, ref('fields.compensation.soleRemedy'), BOOLEAN);
}

function diffComplianceStep(d: DraftDiffer, before: SlaDraft, after: SlaDraft): void {
  const step: StepId = 'compliance';
  const oldTerms = before.compliance;
  const newTerms = after.compliance;
  d.value(step, ['compliance', 'governingLaw'], ['compliance', 'governingLaw'], oldTerms.governingLaw, newTerms.governingLaw, ref('fields.compliance.governingLaw'), TEXT);
  const disputePath = ['compliance', 'disputeResolution'];
  d.fields(step, oldTerms.disputeResolution, newTerms.disputeResolution, disputePath, disputePath, [
    { name: 'method', label: ref('fields.compliance.disputeMethod'), format: enumOf('enums.disputeMethod') },
    // The wizard calls the venue "Courts of" or "Seat of arbitration" depending on the method.
    { name: 'venue', label: ref(newTerms.disputeResolution.method === 'courts' ? 'fields.compliance.venue' : 'fields.compliance.seat'), format: TEXT },
    { name: 'institution', label: ref('fields.compliance.institution'), format: TEXT },
    { name: 'language', label: ref('fields.compliance.proceedingsLanguage'), format: enumOf('enums.contractLanguage') },
  ]);
  d.list({
    step,
    entity: 'regime',
    oldItems: oldTerms.dataProtection,
    newItems: newTerms.dataProtection,
    oldPath: ['compliance', 'dataProtection'],
    newPath: ['compliance', 'dataProtection'],
    keyOf: identity,
    describe: (regime) => ({ name: ref(`enums.regime.${regime}`) }),
    moves: false,
  });
  const residencyPath = ['compliance', 'dataResidency'];
  d.fields(step, oldTerms.dataResidency, newTerms.dataResidency, residencyPath, residencyPath, [
    { name: 'region', label: ref('fields.compliance.residencyRegion'), format: enumOf('enums.region') },
    { name: 'restrictions', label: ref('fields.compliance.residencyRestrictions'), format: LONG_TEXT },
  ]);
  d.list({
    step,
    entity: 'certification',
    oldItems: oldTerms.certifications,
    newItems: newTerms.certifications,
    oldPath: ['compliance', 'certifications'],
    newPath: ['compliance', 'certifications'],
    keyOf: identity,
    describe: (certification) => ({ name: ref(`enums.certification.${certification}`) }),
    moves: false,
  });
  const exclusionsPath = ['compliance', 'exclusions'];
  d.fields(step, oldTerms.exclusions, newTerms.exclusions, exclusionsPath, exclusionsPath, [
    { name: 'forceMajeure', label: ref('fields.compliance.exclusion.forceMajeure'), format: BOOLEAN },
    { name: 'customerCaused', label: ref('fields.compliance.exclusion.customerCaused'), format: BOOLEAN },
    { name: 'betaFeatures', label: ref('fields.compliance.exclusion.betaFeatures'), format: BOOLEAN },
    { name: 'thirdPartyServices', label: ref('fields.compliance.exclusion.thirdPartyServices'), format: BOOLEAN },
  ]);
  d.list({
    step,
    entity: 'otherExclusion',
    oldItems: oldTerms.exclusions.other,
    newItems: newTerms.exclusions.other,
    oldPath: [...exclusionsPath, 'other'],
    newPath: [...exclusionsPath, 'other'],
    keyOf: identity,
    describe: (exclusion) => ({ name: exclusion }),
    moves: false,
  });

  // The contract options are set on the compliance step (prevailing language) and in the preview (wording positions).
  const oldContract = before.contract;
  const newContract = after.contract;
  d.value(step, ['contract', 'templateId'], ['contract', 'templateId'], oldContract.templateId, newContract.templateId, ref('compare.template'), TEXT);
  const clauses = [...new Set([...Object.keys(newContract.positions), ...Object.keys(oldContract.positions)])].sort();
  for (const clause of clauses) {
    // An absent position is the balanced wording.
    const path = ['contract', 'positions', clause];
    d.value(step, path, path, oldContract.positions[clause] ?? 'balanced', newContract.positions[clause] ?? 'balanced', ref('compare.position', { clause }), enumOf('compare.positions'));
  }
  d.value(step, ['contract', 'precedence'], ['contract', 'precedence'], oldContract.precedence, newContract.precedence, ref('fields.compliance.precedence'), enumOf('enums.precedence'));
}

/** Every change from `before` to `after`, grouped by step in step order. */
export function diffDrafts(before: SlaDraft, after: SlaDraft): FieldChange[] {
  const differ = new DraftDiffer({ old: before, new: after });
  diffServicesStep(differ, before, after);
  diffExpectationsStep(differ, before, after);
  diffTargetsStep(differ, before, after);
  diffMonitoringStep(differ, before, after);
  diffCompensationStep(differ, before, after);
  diffComplianceStep(differ, before, after);
  // Each step's walk emits only its own changes, in the order of the wizard's fields.
  return differ.changes;
}

export type ChangeCounts = Record<ChangeKind, number> & { total: number };

export interface StepSummary extends ChangeCounts {
  step: StepId;
}

/** How many changes of each kind each step has, for all six steps in order (zero counts included). */
export function diffSummary(changes: readonly FieldChange[]): StepSummary[] {
  return STEP_IDS.map((step) => {
    const summary: StepSummary = { step, added: 0, removed: 0, changed: 0, moved: 0, total: 0 };
    for (const change of changes) {
      if (change.step !== step) continue;
      summary[change.kind]++;
      summary.total++;
    }
    return summary;
  });
}

export interface StepChanges {
  step: StepId;
  changes: FieldChange[];
}

/** The changes under their step, in step order; steps without changes are left out. */
export function groupChangesByStep(changes: readonly FieldChange[]): StepChanges[] {
  return STEP_IDS.map((step) => ({ step, changes: changes.filter((change) => change.step === step) })).filter(
    (group) => group.changes.length > 0,
  );
}
