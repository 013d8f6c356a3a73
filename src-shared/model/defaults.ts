/**
 * A blank draft: the parties are left for the user, everything else starts
 * at terms that are common in SaaS SLAs, so the first draft is already a
 * coherent agreement that the user adjusts rather than a form to fill.
 */
import { SCHEMA_VERSION, type SlaDraft } from './schema';

export function blankDraft(options: { title: string; effectiveDate: string }): SlaDraft {
  return {
    schemaVersion: SCHEMA_VERSION,
    title: options.title,
    effectiveDate: options.effectiveDate,
    termMonths: 12,
    parties: {
      provider: { legalName: '', address: '', signatoryName: '', signatoryTitle: '' },
      customer: { legalName: '', address: '', signatoryName: '', signatoryTitle: '' },
    },
    services: [
      {
        id: 'svc-1',
        name: 'Application',
        description: '',
        metrics: [
          {
            id: 'svc-1-availability',
            kind: 'availability',
            name: '',
            measurementMethod:
              'Percentage of minutes in the calendar month in which the service responds successfully to external synthetic probes, excluding scheduled maintenance.',
            window: 'calendarMonth',
            dataSource: 'Provider external monitoring',
            exclusions: ['Scheduled maintenance'],
          },
        ],
      },
    ],
    expectations: {
      businessHours: { timeZone: 'UTC', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '18:00', holidays: [] },
      criticalPeriods: [],
      requests: [],
      stakeholders: [],
    },
    targets: {
      objectives: [{ id: 'obj-1', metricId: 'svc-1-availability', objective: 99.9, coverage: '24x7' }],
      severities: [
        { level: 'P1', description: 'Service unavailable or a critical function unusable for all users, no workaround.', responseMinutes: 60, resolutionMinutes: 480, coverage: '24x7' },
        { level: 'P2', description: 'Major function impaired or degraded for many users; workaround difficult.', responseMinutes: 240, resolutionMinutes: 1440, coverage: '24x7' },
        { level: 'P3', description: 'Minor function impaired; reasonable workaround available.', responseMinutes: 480, resolutionMinutes: 7200, coverage: 'businessHours' },
        { level: 'P4', description: 'Question, cosmetic issue or request for information.', responseMinutes: 1440, resolutionMinutes: 14400, coverage: 'businessHours' },
      ],
      maintenance: { noticeHours: 72, emergencyNoticeHours: 4, maxHoursPerMonth: 8, windows: [{ id: 'mw-1', day: 'sun', start: '02:00', durationMinutes: 240 }], timeZone: 'UTC' },
    },
    monitoring: {
      probeIntervalSeconds: 60,
      probeLocations: ['Europe', 'North America', 'Asia Pacific'],
      downtimeDefinition:
        'A minute is down when probes from at least two locations fail to receive a successful response within 30 seconds.',
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
    },
    compensation: {
      currency: 'USD',
      monthlyFee: 0,
      creditTiers: [
        { id: 'tier-1', metricId: 'svc-1-availability', threshold: 99.9, creditPercent: 10 },
        { id: 'tier-2', metricId: 'svc-1-availability', threshold: 99.0, creditPercent: 25 },
        { id: 'tier-3', metricId: 'svc-1-availability', threshold: 95.0, creditPercent: 50 },
      ],
      boundary: 'below',
      capPercent: 50,
      claimWindowDays: 30,
      claimProcess: 'The Customer submits a written claim to the Provider\'s support desk identifying the affected service, the dates and times of the failure and the credit requested.',
      creditForm: 'credit',
      chronicFailure: { enabled: true, consecutiveMonths: 3, monthsInTwelve: 4, terminationNoticeDays: 30 },
      soleRemedy: true,
    },
    compliance: {
      governingLaw: 'England and Wales',
      disputeResolution: { method: 'courts', venue: 'London', institution: '', language: 'en' },
      dataProtection: ['GDPR'],
      dataResidency: { region: 'none', restrictions: '' },
      certifications: ['ISO27001'],
      exclusions: { forceMajeure: true, customerCaused: true, betaFeatures: true, thirdPartyServices: true, other: [] },
    },
    contract: { templateId: 'standard-saas', positions: {}, precedence: 'en' },
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
