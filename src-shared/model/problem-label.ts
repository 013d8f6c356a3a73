/**
 * Where a problem is, in the wizard's own words and the user's language:
 * `services[2].metrics[1].name` reads "Service 3 “Data Export API” › Metric 2
 * › Name in the contract" (服务 3“数据导出 API”›指标 2›合同中的名称). The
 * wizard, the export and import messages and the command line's lines all
 * say it this way; only the command line's --json keeps the path.
 *
 * The draft, when given, names the items ("Data Export API"); it may be any
 * JSON (an imported file that does not parse as a draft), so it is read
 * defensively. A path the table below does not know still reads in words:
 * the parts it knows, then "field “colour”" or "entry 2" for the rest.
 */
import type { Translate } from '../i18n';
import { isBlankText, isLocalizedText, type LocalizedText } from './localized';
import type { Problem, ProblemPath } from './problems';
import { METRIC_KINDS, stepOfPath } from './schema';

/** How one list item is named from its value in the draft (a service's name, a severity's level). */
type ItemName = (item: unknown, draft: unknown, t: Translate) => string | LocalizedText | undefined;

interface Node {
  /** The i18n key of this part's label. */
  key?: string;
  /** A section whose label is said only when the path ends at it ("Services", not "Services › Service 3"). */
  onlyLast?: boolean;
  fields?: Readonly<Record<string, Node>>;
  items?: Items;
}

interface Items {
  /** The i18n key of an item's label, with {{n}} (1-based). */
  key: string;
  name?: ItemName;
  fields?: Readonly<Record<string, Node>>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function child(value: unknown, segment: string | number): unknown {
  if (Array.isArray(value) && typeof segment === 'number') return value[segment];
  if (isRecord(value) && typeof segment === 'string' && Object.hasOwn(value, segment)) return value[segment];
  return undefined;
}

/** A name the user typed; one written in both languages is read in the message's (i18n/index.ts). */
function text(value: unknown): string | LocalizedText | undefined {
  if (isLocalizedText(value)) return isBlankText(value) ? undefined : value;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

const byField =
  (field: string): ItemName =>
  (item) =>
    text(child(item, field));

/** "Core API — Availability": the metric a target, request or credit tier refers to, as the wizard's metric choices name it. */
const byMetric: ItemName = (item, draft, t) => {
  const metricId = child(item, 'metricId');
  const services = child(draft, 'services');
  if (typeof metricId !== 'string' || !Array.isArray(services)) return undefined;
  for (const service of services) {
    const metrics = child(service, 'metrics');
    if (!Array.isArray(metrics)) continue;
    const metric = metrics.find((candidate) => child(candidate, 'id') === metricId);
    if (metric === undefined) continue;
    const kind = child(metric, 'kind');
    const metricName =
      text(child(metric, 'name')) ??
      (typeof kind === 'string' && (METRIC_KINDS as readonly string[]).includes(kind) ? t(`enums.metricKind.${kind}`) : metricId);
    return t('fields.metric.option', { service: text(child(service, 'name')) ?? t('fields.service.unnamed'), metric: metricName });
  }
  return undefined;
};

const field = (key: string): Node => ({ key });
/** Fields whose labels share a prefix: `fieldsOf('fields.window', ['day', 'start'])`. */
function fieldsOf(prefix: string, names: readonly string[], extra: Record<string, Node> = {}): Record<string, Node> {
  return { ...Object.fromEntries(names.map((name) => [name, field(`${prefix}.${name}`)])), ...extra };
}
/** A list of plain values (dates, regimes, exclusions): an entry reads "Public holidays › Entry 2". */
const values = (key: string): Node => ({ key, items: { key: 'problemLabel.entry' } });
const list = (key: string, items: Items): Node => ({ key, onlyLast: true, items });
const ID = field('problemLabel.id');

const PARTY = fieldsOf('fields.party', ['legalName', 'legalNameZh', 'address', 'signatoryName', 'signatoryTitle', 'registrationNumber', 'legalRepresentative']);

const METRIC: Record<string, Node> = fieldsOf(
  'fields.metric',
  ['kind', 'name', 'percentile', 'unit', 'higherIsBetter', 'measurementMethod', 'window', 'dataSource'],
  {
    id: ID,
    exclusions: values('fields.metric.exclusions'),
  },
);

/** The draft, field by field, labelled as the wizard labels its controls and sections. */
const DRAFT: Node = {
  fields: {
    schemaVersion: field('problemLabel.schemaVersion'),
    title: field('fields.agreement.title'),
    effectiveDate: field('fields.agreement.effectiveDate'),
    termMonths: field('fields.agreement.termMonths'),
    parties: {
      key: 'problemLabel.parties',
      onlyLast: true,
      fields: { provider: { key: 'fields.party.provider', fields: PARTY }, customer: { key: 'fields.party.customer', fields: PARTY } },
    },
    mainAgreement: { key: 'wizard.services.mainAgreementHeading', fields: fieldsOf('fields.mainAgreement', ['relation', 'title', 'titleZh', 'date']) },
    services: list('wizard.services.servicesHeading', {
      key: 'wizard.services.serviceHeading',
      name: byField('name'),
      fields: {
        id: ID,
        name: field('fields.service.name'),
        description: field('fields.service.description'),
        monthlyFee: field('fields.service.monthlyFee'),
        metrics: list('wizard.services.metricsHeading', { key: 'wizard.services.metricHeading', name: byField('name'), fields: METRIC }),
      },
    }),
    expectations: {
      key: 'steps.expectations',
      onlyLast: true,
      fields: {
        businessHours: {
          key: 'wizard.expectations.businessHoursHeading',
          fields: fieldsOf('fields.businessHours', ['timeZone', 'start', 'end'], {
            days: values('fields.businessHours.days'),
            holidays: values('fields.businessHours.holidays'),
            workingDays: values('fields.businessHours.workingDays'),
          }),
        },
        criticalPeriods: list('wizard.expectations.criticalPeriodsHeading', {
          key: 'problemLabel.item.criticalPeriod',
          name: byField('name'),
          fields: fieldsOf('fields.criticalPeriod', ['name', 'start', 'end', 'note'], { id: ID }),
        }),
        requests: list('wizard.expectations.requestsHeading', {
          key: 'problemLabel.item.request',
          name: byMetric,
          fields: fieldsOf('fields.request', ['requestedLevel', 'priority', 'note'], { id: ID, metricId: field('fields.request.metric') }),
        }),
        stakeholders: list('wizard.expectations.stakeholdersHeading', {
          key: 'problemLabel.item.stakeholder',
          name: byField('name'),
          fields: fieldsOf('fields.stakeholder', ['party', 'name', 'role', 'email', 'phone', 'escalation'], { id: ID }),
        }),
      },
    },
    targets: {
      key: 'steps.targets',
      onlyLast: true,
      fields: {
        supportAttainmentPercent: field('fields.severity.attainmentPercent'),
        objectives: list('wizard.targets.objectivesHeading', {
          key: 'problemLabel.item.objective',
          name: byMetric,
          fields: fieldsOf('fields.objective', ['objective', 'coverage'], { id: ID, metricId: field('fields.objective.metric') }),
        }),
        severities: list('wizard.targets.severitiesHeading', {
          key: 'problemLabel.item.severity',
          name: byField('level'),
          fields: fieldsOf('fields.severity', ['level', 'description', 'responseMinutes', 'resolutionMinutes', 'coverage']),
        }),
        maintenance: {
          key: 'wizard.targets.maintenanceHeading',
          fields: fieldsOf('fields.maintenance', ['noticeHours', 'emergencyNoticeHours', 'maxHoursPerMonth', 'timeZone', 'emergencyMaxHoursPerMonth'], {
            windows: list('wizard.targets.windowsHeading', {
              key: 'problemLabel.item.window',
              fields: fieldsOf('fields.window', ['day', 'start', 'durationMinutes'], { id: ID }),
            }),
          }),
        },
      },
    },
    monitoring: {
      key: 'steps.monitoring',
      onlyLast: true,
      fields: fieldsOf(
        'fields.monitoring',
        [
          'probeIntervalSeconds',
          'downtimeDefinition',
          'minimumOutageMinutes',
          'reportingCadence',
          'reportDueDays',
          'statusPageUrl',
          'rcaDeadlineDays',
          'customerDataRequest',
          'dataRequestDays',
          'excludeFromMeasuredPeriod',
          'methodDowntimePrevails',
        ],
        {
          probeLocations: values('fields.monitoring.probeLocations'),
          incidentNotification: list('wizard.monitoring.incidentsHeading', {
            key: 'problemLabel.item.notification',
            name: byField('level'),
            fields: fieldsOf('fields.notification', ['level', 'minutes']),
          }),
        },
      ),
    },
    compensation: {
      key: 'steps.compensation',
      onlyLast: true,
      fields: fieldsOf(
        'fields.compensation',
        ['currency', 'monthlyFee', 'boundary', 'capPercent', 'claimWindowDays', 'claimProcess', 'creditForm', 'soleRemedy'],
        {
          creditTiers: list('wizard.compensation.tiersHeading', {
            key: 'problemLabel.item.tier',
            name: byMetric,
            fields: fieldsOf('fields.tier', ['threshold', 'creditPercent'], { id: ID, metricId: field('fields.tier.metric') }),
          }),
          claims: {
            key: 'wizard.compensation.claimsHeading',
            fields: fieldsOf('fields.claims', ['application', 'windowFrom', 'answerBusinessDays', 'deemedConfirmed']),
          },
          chronicFailure: {
            key: 'wizard.compensation.chronicHeading',
            fields: fieldsOf('fields.chronic', ['enabled', 'consecutiveMonths', 'monthsInTwelve', 'terminationNoticeDays']),
          },
        },
      ),
    },
    compliance: {
      key: 'steps.compliance',
      onlyLast: true,
      fields: {
        jurisdiction: field('fields.compliance.jurisdiction'),
        governingLaw: field('fields.compliance.governingLaw'),
        breachNotificationHours: field('fields.compliance.breachNotificationHours'),
        disputeResolution: {
          key: 'fields.compliance.disputeMethod',
          onlyLast: true,
          fields: {
            method: field('fields.compliance.disputeMethod'),
            venue: field('fields.compliance.venue'),
            institution: field('fields.compliance.institution'),
            arbitrators: field('fields.compliance.arbitrators'),
            language: field('fields.compliance.proceedingsLanguage'),
          },
        },
        dataProtection: values('fields.compliance.dataProtection'),
        dataResidency: {
          key: 'fields.compliance.residencyRegion',
          onlyLast: true,
          fields: { region: field('fields.compliance.residencyRegion'), restrictions: field('fields.compliance.residencyRestrictions') },
        },
        certifications: values('fields.compliance.certifications'),
        exclusions: {
          key: 'wizard.compliance.exclusionsHeading',
          fields: fieldsOf('fields.compliance.exclusion', ['forceMajeure', 'customerCaused', 'betaFeatures', 'thirdPartyServices'], {
            other: values('fields.compliance.otherExclusions'),
          }),
        },
      },
    },
    contract: {
      key: 'problemLabel.contract',
      onlyLast: true,
      fields: {
        templateId: field('problemLabel.templateId'),
        positions: { key: 'problemLabel.positions' },
        precedence: field('fields.compliance.precedence'),
        languages: field('fields.agreement.languages'),
      },
    },
  },
};

/**
 * The parts of the location, outermost first: ["Service 3 “Data Export
 * API”", "Metric 2", "Name in the contract"]. Never empty: a path at the
 * draft itself reads "the file", and a section without a label of its own
 * reads as its wizard step.
 */
export function problemLocationParts(path: Readonly<ProblemPath>, t: Translate, draft?: unknown): string[] {
  if (path.length === 0) return [t('problemLabel.file')];
  const parts: string[] = [];
  let node: Node | undefined = DRAFT;
  let value: unknown = draft;
  path.forEach((segment, index) => {
    const last = index === path.length - 1;
    const item = child(value, segment);
    if ((segment === 'en' || segment === 'zh-CN') && (isLocalizedText(value) || (last && !(node?.fields && Object.hasOwn(node.fields, segment))))) {
      // One language of a text: "Description (Chinese)".
      const field = parts.pop() ?? t(`steps.${stepOfPath(path)}`);
      parts.push(t('wizard.texts.inLanguage', { field, language: t(`enums.contractLanguage.${segment}`) }));
      value = item;
      return;
    }
    if (node?.items && typeof segment === 'number') {
      const label = t(node.items.key, { n: segment + 1 });
      const name = node.items.name?.(item, draft, t);
      parts.push(name !== undefined ? t('problemLabel.named', { label, name }) : label);
      node = { fields: node.items.fields ?? {} };
    } else if (typeof segment === 'string' && node?.fields && Object.hasOwn(node.fields, segment)) {
      node = node.fields[segment]!;
      if (node.key !== undefined && (!node.onlyLast || last)) parts.push(t(node.key));
    } else {
      // A part of the draft SLA Studio has no label for (an unknown field in an imported file): said, not hidden.
      parts.push(typeof segment === 'number' ? t('problemLabel.entry', { n: segment + 1 }) : t('problemLabel.unknownField', { name: segment }));
      node = undefined;
    }
    value = item;
  });
  return parts.length > 0 ? parts : [t(`steps.${stepOfPath(path)}`)];
}

/** A path in its written form (`services[2].metrics[1].name`, as the contract's sources name them) as its parts. */
export function pathFromString(text: string): ProblemPath {
  const path: ProblemPath = [];
  for (const match of text.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) path.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
  return path;
}

/** "Service 3 “Data Export API” › Metric 2 › Name in the contract". */
export function problemLocation(path: Readonly<ProblemPath>, t: Translate, draft?: unknown): string {
  return problemLocationParts(path, t, draft).join(t('problemLabel.separator'));
}

/**
 * One problem as one line: "Service 3 “Data Export API” › Metric 2 › Name in
 * the contract: A custom metric needs a name." A problem of the file as a
 * whole ("The file is empty.") says so itself, without a location.
 */
export function describeProblem(problem: Pick<Problem, 'path' | 'key' | 'params'>, t: Translate, draft?: unknown): string {
  const message = t(problem.key, problem.params);
  if (problem.path.length === 0) return message;
  return t('problemLabel.line', { location: problemLocation(problem.path, t, draft), message });
}
