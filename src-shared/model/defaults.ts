/**
 * A blank draft: the parties are left for the user, everything else starts
 * at terms that are common in SaaS SLAs, so the first draft is already a
 * coherent agreement that the user adjusts rather than a form to fill.
 *
 * The free text and the legal defaults follow the user's language: a Chinese
 * user drafts for a Chinese counterparty, so the contract text, the law, the
 * venue, the currency and the time zone start where such a contract usually is.
 */
import { localized, localizeByScript, type LocalizedText } from './localized';
import { SCHEMA_VERSION, type SlaDraft } from './schema';

export type DraftLocale = 'en' | 'zh-CN';

export interface BlankDraftOptions {
  title: string;
  effectiveDate: string;
  /** The user's language: the contract's language, law, venue, currency and time zone start from it; 'en' when absent. */
  locale?: DraftLocale;
}

/**
 * The texts every blank draft starts with, in both languages, so that a
 * bilingual contract is complete from the start and a single-language one
 * can become bilingual without retyping.
 */
const TEXTS = {
  serviceName: localized('Application', '应用服务'),
  availabilityMethod: localized(
    'Percentage of minutes in the calendar month in which the service responds successfully to external synthetic probes, excluding scheduled maintenance.',
    '按自然月统计：服务对外部拨测请求成功响应的分钟数占该月总分钟数的百分比，计划维护时间不计入。',
  ),
  availabilityDataSource: localized('Provider external monitoring', '服务提供方外部监控系统'),
  maintenanceExclusion: localized('Scheduled maintenance', '计划维护'),
  severityDescriptions: {
    P1: localized(
      'Service unavailable or a critical function unusable for all users, no workaround.',
      '服务不可用，或关键功能对全部用户无法使用，且无替代方案。',
    ),
    P2: localized('Major function impaired or degraded for many users; workaround difficult.', '主要功能受损或性能严重下降，影响大量用户，替代方案难以实施。'),
    P3: localized('Minor function impaired; reasonable workaround available.', '次要功能受损，有合理的替代方案。'),
    P4: localized('Question, cosmetic issue or request for information.', '咨询、界面瑕疵或信息请求。'),
  },
  downtimeDefinition: localized(
    'A minute is down when probes from at least two locations fail to receive a successful response within 30 seconds.',
    '某一分钟内，至少两个拨测地点在30秒内均未收到成功响应的，该分钟计为不可用。',
  ),
  claimProcess: localized(
    "The Customer submits a written claim to the Provider's support desk identifying the affected service, the dates and times of the failure and the credit requested.",
    '客户应以书面形式向服务提供方技术支持部门提出补偿申请，写明受影响的服务、故障发生的日期和时间以及申请的服务费减免金额。',
  ),
} as const;

/** What follows the user's language: where such a contract usually is. */
interface LocaleDefaults {
  timeZone: string;
  probeLocations: LocalizedText[];
  currency: SlaDraft['compensation']['currency'];
  mainAgreement: Pick<SlaDraft['mainAgreement'], 'title' | 'titleZh'>;
  governingLaw: LocalizedText;
  jurisdiction: NonNullable<SlaDraft['compliance']['jurisdiction']>;
  venue: LocalizedText;
  dataProtection: SlaDraft['compliance']['dataProtection'];
  contractLanguage: SlaDraft['compliance']['disputeResolution']['language'];
}

const DEFAULTS: Record<DraftLocale, LocaleDefaults> = {
  en: {
    timeZone: 'UTC',
    probeLocations: [localized('Europe', '欧洲'), localized('North America', '北美'), localized('Asia Pacific', '亚太')],
    currency: 'USD',
    mainAgreement: { title: 'Master Subscription Agreement', titleZh: '主订阅协议' },
    governingLaw: localized('England and Wales', '英格兰和威尔士法律'),
    jurisdiction: 'englandWales',
    venue: localized('London', '伦敦'),
    dataProtection: ['GDPR'],
    contractLanguage: 'en',
  },
  'zh-CN': {
    // Mainland China observes a single time zone.
    timeZone: 'Asia/Shanghai',
    probeLocations: [
      localized('North China (Beijing)', '华北（北京）'),
      localized('East China (Shanghai)', '华东（上海）'),
      localized('South China (Guangzhou)', '华南（广州）'),
    ],
    currency: 'CNY',
    mainAgreement: { title: 'Master Subscription Agreement', titleZh: '主订阅协议' },
    governingLaw: localized("the laws of the People's Republic of China", '中华人民共和国法律'),
    jurisdiction: 'prcMainland',
    venue: localized('Shanghai', '上海'),
    dataProtection: ['PIPL'],
    contractLanguage: 'zh-CN',
  },
};

export function blankDraft(options: BlankDraftOptions): SlaDraft {
  const locale = options.locale ?? 'en';
  const text = { ...TEXTS, ...DEFAULTS[locale] };
  const blank = localized('');
  // Copied through JSON so that no two drafts, and no two fields of one draft,
  // share a text object: editing the provider's address in place must not
  // change the customer's (structuredClone would keep the sharing).
  return copyOf({
    schemaVersion: SCHEMA_VERSION,
    title: localizeByScript(options.title, locale),
    effectiveDate: options.effectiveDate,
    termMonths: 12,
    parties: {
      provider: { legalName: '', address: blank, signatoryName: '', signatoryTitle: blank },
      customer: { legalName: '', address: blank, signatoryName: '', signatoryTitle: blank },
    },
    // An SLA is normally a schedule to the subscription agreement; its date is left for the user.
    mainAgreement: { relation: 'schedule', ...text.mainAgreement, date: '' },
    services: [
      {
        id: 'svc-1',
        name: text.serviceName,
        description: blank,
        metrics: [
          {
            id: 'svc-1-availability',
            kind: 'availability',
            name: blank,
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
      disputeResolution: { method: 'courts', venue: text.venue, institution: blank, language: text.contractLanguage },
      dataProtection: [...text.dataProtection],
      dataResidency: { region: 'none', restrictions: blank },
      certifications: ['ISO27001'],
      exclusions: { forceMajeure: true, customerCaused: true, betaFeatures: true, thirdPartyServices: true, other: [] },
    },
    contract: { templateId: 'standard-saas', positions: {}, precedence: locale, languages: locale },
  });
}

function copyOf(draft: SlaDraft): SlaDraft {
  return JSON.parse(JSON.stringify(draft)) as SlaDraft;
}

/** A new identifier for a list item: short, readable in a diff, unique within a draft. */
export function newId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) {
    const candidate = `${prefix}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}
