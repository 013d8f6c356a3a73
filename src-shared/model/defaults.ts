/**
 * A blank draft: the parties are left for the user, everything else starts
 * at terms that are common in SaaS SLAs, so the first draft is already a
 * coherent agreement that the user adjusts rather than a form to fill.
 *
 * The free text and the legal defaults follow the user's language: a Chinese
 * user drafts for a Chinese counterparty, so the contract text, the law, the
 * venue, the currency and the time zone start where such a contract usually is.
 */
import { SCHEMA_VERSION, type SlaDraft } from './schema';

export type DraftLocale = 'en' | 'zh-CN';

export interface BlankDraftOptions {
  title: string;
  effectiveDate: string;
  /** The language of the default free text; 'en' when absent. */
  locale?: DraftLocale;
}

interface LocaleDefaults {
  serviceName: string;
  availabilityMethod: string;
  availabilityDataSource: string;
  maintenanceExclusion: string;
  severityDescriptions: Record<'P1' | 'P2' | 'P3' | 'P4', string>;
  timeZone: string;
  probeLocations: string[];
  downtimeDefinition: string;
  currency: SlaDraft['compensation']['currency'];
  claimProcess: string;
  mainAgreement: Pick<SlaDraft['mainAgreement'], 'title' | 'titleZh'>;
  governingLaw: string;
  jurisdiction: NonNullable<SlaDraft['compliance']['jurisdiction']>;
  venue: string;
  dataProtection: SlaDraft['compliance']['dataProtection'];
  contractLanguage: SlaDraft['compliance']['disputeResolution']['language'];
}

const DEFAULTS: Record<DraftLocale, LocaleDefaults> = {
  en: {
    serviceName: 'Application',
    availabilityMethod:
      'Percentage of minutes in the calendar month in which the service responds successfully to external synthetic probes, excluding scheduled maintenance.',
    availabilityDataSource: 'Provider external monitoring',
    maintenanceExclusion: 'Scheduled maintenance',
    severityDescriptions: {
      P1: 'Service unavailable or a critical function unusable for all users, no workaround.',
      P2: 'Major function impaired or degraded for many users; workaround difficult.',
      P3: 'Minor function impaired; reasonable workaround available.',
      P4: 'Question, cosmetic issue or request for information.',
    },
    timeZone: 'UTC',
    probeLocations: ['Europe', 'North America', 'Asia Pacific'],
    downtimeDefinition: 'A minute is down when probes from at least two locations fail to receive a successful response within 30 seconds.',
    currency: 'USD',
    claimProcess:
      "The Customer submits a written claim to the Provider's support desk identifying the affected service, the dates and times of the failure and the credit requested.",
    mainAgreement: { title: 'Master Subscription Agreement', titleZh: '' },
    governingLaw: 'England and Wales',
    jurisdiction: 'englandWales',
    venue: 'London',
    dataProtection: ['GDPR'],
    contractLanguage: 'en',
  },
  'zh-CN': {
    serviceName: '应用服务',
    availabilityMethod: '按自然月统计：服务对外部拨测请求成功响应的分钟数占该月总分钟数的百分比，计划维护时间不计入。',
    availabilityDataSource: '服务提供方外部监控系统',
    maintenanceExclusion: '计划维护',
    severityDescriptions: {
      P1: '服务不可用，或关键功能对全部用户无法使用，且无替代方案。',
      P2: '主要功能受损或性能严重下降，影响大量用户，替代方案难以实施。',
      P3: '次要功能受损，有合理的替代方案。',
      P4: '咨询、界面瑕疵或信息请求。',
    },
    // Mainland China observes a single time zone.
    timeZone: 'Asia/Shanghai',
    probeLocations: ['华北（北京）', '华东（上海）', '华南（广州）'],
    downtimeDefinition: '某一分钟内，至少两个拨测地点在 30 秒内均未收到成功响应的，该分钟计为不可用。',
    currency: 'CNY',
    claimProcess: '客户应以书面形式向服务提供方技术支持部门提出补偿申请，写明受影响的服务、故障发生的日期和时间以及申请的服务费减免金额。',
    mainAgreement: { title: 'Master Subscription Agreement', titleZh: '主订阅协议' },
    governingLaw: '中华人民共和国法律',
    jurisdiction: 'prcMainland',
    venue: '上海',
    dataProtection: ['PIPL'],
    contractLanguage: 'zh-CN',
  },
};

export function blankDraft(options: BlankDraftOptions): SlaDraft {
  const locale = options.locale ?? 'en';
  const text = DEFAULTS[locale];
  return {
    schemaVersion: SCHEMA_VERSION,
    title: options.title,
    effectiveDate: options.effectiveDate,
    termMonths: 12,
    parties: {
      provider: { legalName: '', address: '', signatoryName: '', signatoryTitle: '' },
      customer: { legalName: '', address: '', signatoryName: '', signatoryTitle: '' },
    },
    // An SLA is normally a schedule to the subscription agreement; its date is left for the user.
    mainAgreement: { relation: 'schedule', ...text.mainAgreement, date: '' },
    services: [
      {
        id: 'svc-1',
        name: text.serviceName,
        description: '',
        metrics: [
          {
            id: 'svc-1-availability',
            kind: 'availability',
            name: '',
            measurementMethod: text.availabilityMethod,
            window: 'calendarMonth',
            dataSource: text.availabilityDataSource,
            exclusions: [text.maintenanceExclusion],
          },
        ],
      },
    ],
    expectations: {
      businessHours: { timeZone: text.timeZone, days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '18:00', holidays: [] },
      criticalPeriods: [],
      requests: [],
      stakeholders: [],
    },
    targets: {
      objectives: [{ id: 'obj-1', metricId: 'svc-1-availability', objective: 99.9, coverage: '24x7' }],
      severities: [
        { level: 'P1', description: text.severityDescriptions.P1, responseMinutes: 60, resolutionMinutes: 480, coverage: '24x7' },
        { level: 'P2', description: text.severityDescriptions.P2, responseMinutes: 240, resolutionMinutes: 1440, coverage: '24x7' },
        { level: 'P3', description: text.severityDescriptions.P3, responseMinutes: 480, resolutionMinutes: 7200, coverage: 'businessHours' },
        { level: 'P4', description: text.severityDescriptions.P4, responseMinutes: 1440, resolutionMinutes: 14400, coverage: 'businessHours' },
      ],
      maintenance: {
        noticeHours: 72,
        emergencyNoticeHours: 4,
        maxHoursPerMonth: 8,
        windows: [{ id: 'mw-1', day: 'sun', start: '02:00', durationMinutes: 240 }],
        timeZone: text.timeZone,
        emergencyMaxHoursPerMonth: null,
      },
    },
    monitoring: {
      probeIntervalSeconds: 60,
      probeLocations: [...text.probeLocations],
      downtimeDefinition: text.downtimeDefinition,
      reportingCadence: 'monthly',
      reportDueDays: 10,
      statusPageUrl: '',
      incidentNotification: [
        { level: 'P1', minutes: 30 },
        { level: 'P2', minutes: 120 },
      ],
      rcaDeadlineDays: 10,
      customerDataRequest: true,
      dataRequestDays: 10,
      excludeFromMeasuredPeriod: true,
      methodDowntimePrevails: false,
    },
    compensation: {
      currency: text.currency,
      monthlyFee: 0,
      creditTiers: [
        { id: 'tier-1', metricId: 'svc-1-availability', threshold: 99.9, creditPercent: 10 },
        { id: 'tier-2', metricId: 'svc-1-availability', threshold: 99.0, creditPercent: 25 },
        { id: 'tier-3', metricId: 'svc-1-availability', threshold: 95.0, creditPercent: 50 },
      ],
      boundary: 'below',
      capPercent: 50,
      claimWindowDays: 30,
      claims: { application: 'onClaim', windowFrom: 'report', answerBusinessDays: 10, deemedConfirmed: true },
      claimProcess: text.claimProcess,
      creditForm: 'credit',
      chronicFailure: { enabled: true, consecutiveMonths: 3, monthsInTwelve: 4, terminationNoticeDays: 30 },
      soleRemedy: true,
    },
    compliance: {
      governingLaw: text.governingLaw,
      jurisdiction: text.jurisdiction,
      disputeResolution: { method: 'courts', venue: text.venue, institution: '', language: text.contractLanguage },
      dataProtection: [...text.dataProtection],
      dataResidency: { region: 'none', restrictions: '' },
      certifications: ['ISO27001'],
      exclusions: { forceMajeure: true, customerCaused: true, betaFeatures: true, thirdPartyServices: true, other: [] },
    },
    contract: { templateId: 'standard-saas', positions: {}, precedence: locale },
  };
}

/** A new identifier for a list item: short, readable in a diff, unique within a draft. */
export function newId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) {
    const candidate = `${prefix}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}
