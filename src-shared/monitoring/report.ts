/**
 * The monthly report: for one calendar month, per service and metric, the
 * attainment against the objective, the downtime and the incidents behind
 * it, the credit tier reached and what the provider owes — the numbers of
 * the credit statement the customer receives. The arithmetic is that of
 * src-shared/math (covered minutes, attainment, credits, cap), so the report
 * agrees with the contract text to the cent.
 *
 * Rules, each decided here once:
 *
 * - The month. A 24×7 objective is measured per UTC calendar month (the
 *   draft has no measurement time zone, and SLA measurement methods usually
 *   say "computed in UTC"). A business-hours objective is measured per
 *   calendar month in the business hours' own time zone, so a business day
 *   is never split between two reports.
 * - Availability comes from the incidents when an incidents file was
 *   imported (every minute not listed is up), otherwise from probe samples
 *   (up samples ÷ samples), otherwise it has no data. Latency comes from the
 *   probe samples' latency_ms.
 * - Overlapping incidents of a service are merged: a minute is down once,
 *   however many incidents cover it. Excluded time wins over downtime where
 *   they overlap (see excludedWins below).
 * - Excluded time is never downtime; when the draft's
 *   monitoring.excludeFromMeasuredPeriod is true it also leaves the
 *   measured period.
 * - Business-hours coverage counts only covered minutes
 *   (coveredMinutesInRange), for the month, the downtime and the exclusions.
 * - The claim deadline is the last day of the month plus
 *   compensation.claimWindowDays calendar days (FORMAT.md: claim windows
 *   count calendar days): October 2027 with 60 days → 30 December 2027.
 *   A claim made on that date is in time.
 * - Only what the data shows. A month before the agreement takes effect
 *   (the month of its effective date) or outside the periods the imported
 *   files cover (MonitoringData.covers) has no data: no attainment, no
 *   "met", no credit. An incidents file stands for its period only: every
 *   minute it does not list is up in the months it covers, and nothing is
 *   said about other months. A month after the term the draft states is
 *   reported with a note: the parties may have extended the term (the
 *   Term clause allows it, the service levels continuing).
 * - One credit per service and month (serviceLevelCredits, math/credits):
 *   where several service levels of a service are missed, the highest of
 *   their credits applies and the others are listed as not added.
 * - The data source. Probe samples are a sample of synthetic checks; a
 *   metric the contract measures otherwise (gateway request logs, all
 *   requests) is measured from them only approximately, and the report
 *   says so (sourceDiffers). An incidents file lists the downtime however
 *   it was detected, so it stands for any source.
 * - Support times are not measured: no monitoring file lists tickets. A
 *   support metric's row states its targets — the severity table's times
 *   and, when the draft states one, the share of each level's Incidents in
 *   the month that must meet them — for the parties to check by hand.
 * - Chronic failure: for each metric with a target and credit tiers (the
 *   contract's Chronic Failure counts only the Service Levels that carry
 *   Service Credits; in a draft without any, every target), the months in
 *   a row up to this one, and the months of the twelve ending with it, in
 *   which the data shows the target missed, against the draft's
 *   chronic-failure rule. A month without data is not counted as missed,
 *   and ends a run.
 * - A fee split by service: a service's credits are a share of its own
 *   fee (math/credits serviceFee), the cap a share of the whole Monthly Fee.
 * - The minimum outage (monitoring.minimumOutageMinutes): a stretch of
 *   downtime — incidents merged, excluded time taken out — shorter than it
 *   is not Downtime, measured over the whole stretch even where it crosses
 *   the month's end. Probe samples have no stretches: a month measured
 *   from them counts every failed sample, and the report says so.
 * - RPO and RTO are measured per event (each restoration, each recovery
 *   test), which no monitoring file records: they are never averaged over
 *   a month, but reported as not measured.
 */
import { allowedDowntimeForCoveredSeconds, attainmentPercent, coveredMinutesInRange } from '../math/downtime';
import { creditForMetric, feeSplitByService, monthCredit, serviceFee, serviceLevelCredits, type MonthCredit } from '../math/credits';
import { isWorse, metricSemantics, type MetricUnit } from '../model/metrics';
import { isBlankText, TEXT_LANGUAGES, type LocalizedText } from '../model/localized';
import type { BusinessHours, Metric, MetricKind, Severity, SlaDraft } from '../model/schema';
import { coverageOf, sameBusinessHours, spansCover, type IncidentRecord, type MonitoringData, type MonthSpan, type ProbeMonth, type ProbeScope } from './data';
import { addMonths, clipIntervals, isMonth, mergeIntervals, monthRangeMs, subtractIntervals, type Interval } from './intervals';
import { histogramCount, nearestRankPercentile } from './probes';
import type { IncidentSeverity } from './values';

export type Coverage = '24x7' | 'businessHours';

/**
 * measured: attainment computed; noData: the metric can be measured from
 * monitoring files but the data has nothing for it this month;
 * notMeasured: the monitoring files do not measure this kind of metric
 * (error rate, RPO/RTO, support times, custom metrics).
 */
export type MetricReportStatus = 'measured' | 'noData' | 'notMeasured';

export interface ReportIncident {
  line: number;
  severity: IncidentSeverity | null;
  excluded: boolean;
  reason: string;
  /** As imported (ISO UTC). */
  start: string;
  end: string;
  /** The part inside the report month (ISO UTC). */
  from: string;
  to: string;
  /** Covered minutes of that part. */
  minutes: number;
  /**
   * Minutes this incident adds to the month's downtime: time several
   * incidents share counts once, for the incident that began first, and
   * excluded time not at all, so the column adds up to downtimeMinutes.
   * 0 for an excluded incident.
   */
  downtimeMinutes: number;
}

export interface DowntimePeriod {
  from: string;
  to: string;
  /** Covered minutes of the period. */
  minutes: number;
}

export interface MetricCredit {
  /** The tier reached, or null when none was. */
  tierId: string | null;
  threshold: number | null;
  /** The tier's credit, before any cap. */
  creditPercent: number;
  /** After the cap applied to this metric alone (the month's cap over all metrics is in MonthlyReport.credit). */
  cappedPercent: number;
  amount: number;
  /**
   * Whether this credit is added to the month's: false when another
   * metric of the same service has a higher credit this month (then
   * appliedInstead names it), or when the credit is 0.
   */
  added: boolean;
  appliedInstead: { metricId: string; creditPercent: number } | null;
}

/** A support metric's targets: the severity table's response or resolution time per level. */
export interface SeverityTarget {
  level: Severity;
  minutes: number;
  coverage: Coverage;
}

/** How close a metric is to a Chronic Failure, as far as the data shows. */
export interface ChronicStatus {
  /** Months in a row, ending with the report month, in which the target was missed. */
  consecutiveMissed: number;
  /** Months of the twelve ending with the report month in which the target was missed. */
  missedInTwelve: number;
  /** Whether either count reaches the draft's rule. */
  chronicFailure: boolean;
}

export interface MetricMonthReport {
  serviceId: string;
  serviceName: LocalizedText;
  metricId: string;
  /** As the draft names it; may be empty for a standard metric (show its kind). */
  metricName: LocalizedText;
  kind: MetricKind;
  unit: MetricUnit;
  /** A custom metric's own unit as the draft names it ("% of jobs"); null for the standard units. */
  customUnit: LocalizedText | null;
  /** Whether a larger value is better (metricSemantics): how a tier's threshold is worded. */
  higherIsBetter: boolean;
  /** Latency metrics: the percentile measured. */
  percentile: number | null;
  /** The committed level, or null when the draft sets no objective for the metric. */
  objective: number | null;
  /** Support metrics: their targets from the severity table, one per level; null for other metrics. */
  severityTargets: SeverityTarget[] | null;
  /**
   * Support metrics: the share, in percent, of each level's Incidents in a
   * calendar month that must meet those times (targets.supportAttainmentPercent);
   * null when every Incident must, and for other metrics.
   */
  severityAttainmentPercent: number | null;
  /** The data source the contract names for the metric, as typed. */
  contractSource: LocalizedText;
  /** Whether the metric was measured from data other than the contract names (see the rules above). */
  sourceDiffers: boolean;
  /** Null when the draft has no chronic-failure rule or the metric no target. */
  chronic: ChronicStatus | null;
  coverage: Coverage;
  /** The measurement period: the calendar month in this zone, [from, to) as ISO UTC. */
  timeZone: string;
  from: string;
  to: string;
  status: MetricReportStatus;
  source: 'incidents' | 'probes' | null;
  /** In the metric's unit (percent, ms); null unless measured. */
  attainment: number | null;
  /** Whether the objective was met; null without an objective or a measurement. */
  met: boolean | null;
  /** Availability only: minutes of covered time in the month… */
  coveredMinutes: number | null;
  /** …of excluded time within it… */
  excludedMinutes: number | null;
  /** …the measured period (covered, less excluded time when the draft says so)… */
  measuredMinutes: number | null;
  /** …the downtime (for probes: the measured period × the share of failed samples)… */
  downtimeMinutes: number | null;
  /** …and the downtime the objective allows in this measured period. */
  allowedDowntimeMinutes: number | null;
  /** Probe-based metrics: samples counted (for latency: samples with a latency). */
  samples: number | null;
  incidents: ReportIncident[];
  downtimePeriods: DowntimePeriod[];
  /** Null unless measured. */
  credit: MetricCredit | null;
}

export interface ServiceMonthReport {
  serviceId: string;
  serviceName: LocalizedText;
  /** The fee this service's credits are a share of: its own where the draft splits the fee by service, else the Monthly Fee. */
  fee: number;
  metrics: MetricMonthReport[];
}

export interface ReportWarning {
  key: string;
  params: Record<string, string | number>;
}

/**
 * reported: the month is in the term and some imported file covers it;
 * beforeTerm: before the agreement takes effect; noData: no imported file
 * covers it — neither has attainments. afterTerm: after the term the
 * draft states, but covered by data: measured, with a note that the
 * figures apply only if the term was extended.
 */
export type MonthStatus = 'reported' | 'beforeTerm' | 'afterTerm' | 'noData';

/** A credit that was not added to the month's, and the one of its service that applies instead. */
export interface CreditNotAdded {
  serviceId: string;
  metricId: string;
  creditPercent: number;
  appliedMetricId: string;
  appliedPercent: number;
}

export interface MonthlyReport {
  month: string;
  monthStatus: MonthStatus;
  /** The months of the agreement's term. */
  term: MonthSpan;
  /** The periods the imported data covers, in either form, merged and sorted. */
  dataPeriods: MonthSpan[];
  currency: SlaDraft['compensation']['currency'];
  monthlyFee: number;
  /** Whether the draft splits the Monthly Fee by service (each service's credits then a share of ServiceMonthReport.fee). */
  feeSplit: boolean;
  /** Stretches of downtime shorter than this many minutes are not Downtime; null = every minute counts. */
  minimumOutageMinutes: number | null;
  boundary: SlaDraft['compensation']['boundary'];
  capPercent: number | null;
  claimWindowDays: number;
  /** The last day (YYYY-MM-DD) on which the customer can claim credits for this month. */
  claimDeadline: string;
  services: ServiceMonthReport[];
  /** The month's credit: per service the highest of its metrics' credits, added up, then the cap. */
  credit: MonthCredit;
  /** Credits of metrics whose service has a higher credit this month: listed, not added. */
  creditsNotAdded: CreditNotAdded[];
  /** The draft's chronic-failure rule, or null when it has none. */
  chronicFailure: { consecutiveMonths: number; monthsInTwelve: number } | null;
  /** True when some measured metric missed its objective. */
  anyMissed: boolean;
  warnings: ReportWarning[];
}

export type ReportDraft = Pick<SlaDraft, 'effectiveDate' | 'termMonths' | 'services' | 'expectations' | 'targets' | 'monitoring' | 'compensation'>;

/** The months of the term: from the effective date's month, termMonths long (one more when it starts after the 1st). */
export function termMonths(draft: Pick<SlaDraft, 'effectiveDate' | 'termMonths'>): MonthSpan {
  const from = draft.effectiveDate.slice(0, 7);
  const startsOnFirst = draft.effectiveDate.slice(8, 10) === '01';
  return { from, to: addMonths(from, draft.termMonths - (startsOnFirst ? 1 : 0)) };
}

/** Spans merged where they overlap or touch, sorted. */
export function mergeMonthSpans(spans: readonly MonthSpan[]): MonthSpan[] {
  const sorted = [...spans].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: MonthSpan[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.from <= addMonths(last.to, 1)) {
      if (span.to > last.to) last.to = span.to;
    } else merged.push({ ...span });
  }
  return merged;
}

const PROBE_WORDS = /probe|synthetic|拨测|探测|探针|合成/i;

/**
 * Whether the contract measures a metric with probes (synthetic checks),
 * as its data source or measurement method says. Only then do probe
 * samples measure it as the contract does.
 */
export function contractMeasuresByProbes(metric: Pick<Metric, 'dataSource' | 'measurementMethod'>): boolean {
  return TEXT_LANGUAGES.some((language) => PROBE_WORDS.test(metric.dataSource[language]) || PROBE_WORDS.test(metric.measurementMethod[language]));
}

/** Kinds whose attainment the monitoring files can measure. */
const MEASURABLE: ReadonlySet<MetricKind> = new Set(['availability', 'latency']);

/**
 * Attainment to 12 significant digits. (44,640 − 22.32) ÷ 44,640 × 100 is
 * 99.95 exactly, but comes out of binary arithmetic as 99.94999999999999 —
 * which is "below 99.95 %" and would owe a credit. Twelve digits keep
 * precision far below a second per month and drop that noise.
 */
function roundAttainment(value: number): number {
  return Number(value.toPrecision(12));
}

function iso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** The last day of `month` plus `days` calendar days, as YYYY-MM-DD. */
export function claimDeadline(month: string, days: number): string {
  if (!isMonth(month)) throw new RangeError(`"${month}" is not a month such as 2026-10`);
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, monthNumber, days)).toISOString().slice(0, 10);
}

interface ServiceIncidents {
  downtime: Array<{ record: IncidentRecord; interval: Interval }>;
  excluded: Array<{ record: IncidentRecord; interval: Interval }>;
}

function groupIncidents(incidents: readonly IncidentRecord[]): Map<string, ServiceIncidents> {
  const byService = new Map<string, ServiceIncidents>();
  for (const record of incidents) {
    let group = byService.get(record.serviceId);
    if (!group) {
      group = { downtime: [], excluded: [] };
      byService.set(record.serviceId, group);
    }
    const interval = { start: Date.parse(record.start), end: Date.parse(record.end) };
    (record.excluded ? group.excluded : group.downtime).push({ record, interval });
  }
  for (const group of byService.values()) {
    // Earlier start first; the file's order among incidents that begin together.
    group.downtime.sort((a, b) => a.interval.start - b.interval.start || a.record.line - b.record.line);
    group.excluded.sort((a, b) => a.interval.start - b.interval.start || a.record.line - b.record.line);
  }
  return byService;
}

interface IncidentMeasurement {
  coveredMinutes: number;
  excludedMinutes: number;
  measuredMinutes: number;
  downtimeMinutes: number;
  incidents: ReportIncident[];
  downtimePeriods: DowntimePeriod[];
}

/**
 * Downtime of one service in one month from its incidents.
 *
 * excludedWins: where excluded time (an `excluded` incident) overlaps
 * downtime, the overlap is excluded, not down. The contract takes excluded
 * time out of the measurement altogether — an outage during announced
 * maintenance is the maintenance the customer agreed to — and when excluded
 * time also leaves the measured period, counting it as downtime too would
 * charge the provider for minutes that are not measured at all (and could
 * push downtime above the measured period).
 */
function measureIncidents(
  group: ServiceIncidents | undefined,
  calendar: BusinessHours | null,
  from: number,
  to: number,
  excludeFromMeasuredPeriod: boolean,
  minimumOutageMinutes: number | null,
): IncidentMeasurement {
  const covered = (interval: Interval) => coveredMinutesInRange(calendar, interval.start, interval.end);
  const sumCovered = (intervals: readonly Interval[]) => intervals.reduce((sum, interval) => sum + covered(interval), 0);
  const coveredMinutes = coveredMinutesInRange(calendar, from, to);
  const excludedUnion = mergeIntervals((group?.excluded ?? []).map((entry) => entry.interval));
  const excludedMinutes = sumCovered(clipIntervals(excludedUnion, from, to));
  // Unavailability that is not Downtime: excluded time, and stretches shorter than the minimum outage (whole, before the month cuts them).
  const unavailable = subtractIntervals(
    (group?.downtime ?? []).map((entry) => entry.interval),
    excludedUnion,
  );
  const tooShort = minimumOutageMinutes === null ? [] : unavailable.filter((stretch) => stretch.end - stretch.start < minimumOutageMinutes * 60_000);
  const notDowntime = mergeIntervals([...excludedUnion, ...tooShort]);

  const incidents: ReportIncident[] = [];
  const describe = (record: IncidentRecord, interval: Interval, downtimeMinutes: number): void => {
    const part = clipIntervals([interval], from, to)[0];
    if (!part) return;
    incidents.push({
      line: record.line,
      severity: record.severity,
      excluded: record.excluded,
      reason: record.reason,
      start: record.start,
      end: record.end,
      from: iso(part.start),
      to: iso(part.end),
      minutes: covered(part),
      downtimeMinutes,
    });
  };

  // Each stretch of downtime is credited to the incident that began first:
  // incidents are sorted by start, so the part of an incident not covered
  // by earlier ones is what lies after the latest end seen so far.
  let coveredUntil = Number.NEGATIVE_INFINITY;
  for (const { record, interval } of group?.downtime ?? []) {
    const own = { start: Math.max(interval.start, coveredUntil), end: interval.end };
    coveredUntil = Math.max(coveredUntil, interval.end);
    const counted = own.end > own.start ? sumCovered(clipIntervals(subtractIntervals([own], notDowntime), from, to)) : 0;
    describe(record, interval, counted);
  }
  for (const { record, interval } of group?.excluded ?? []) describe(record, interval, 0);
  incidents.sort((a, b) => Date.parse(a.from) - Date.parse(b.from) || a.line - b.line);

  const downtimeUnion = subtractIntervals(unavailable, tooShort);
  const downtimePeriods: DowntimePeriod[] = [];
  let downtimeMinutes = 0;
  for (const period of clipIntervals(downtimeUnion, from, to)) {
    const minutes = covered(period);
    if (minutes <= 0) continue;
    downtimeMinutes += minutes;
    downtimePeriods.push({ from: iso(period.start), to: iso(period.end), minutes });
  }
  const measuredMinutes = Math.max(0, coveredMinutes - (excludeFromMeasuredPeriod ? excludedMinutes : 0));
  return { coveredMinutes, excludedMinutes, measuredMinutes, downtimeMinutes, incidents, downtimePeriods };
}

function objectiveFor(draft: ReportDraft, metricId: string) {
  return draft.targets.objectives.find((objective) => objective.metricId === metricId) ?? null;
}

function probeMonthFor(data: MonitoringData, serviceId: string, scope: ProbeScope, month: string): ProbeMonth | null {
  return data.probes?.months.find((entry) => entry.serviceId === serviceId && entry.scope === scope && entry.month === month) ?? null;
}

/**
 * The report for one calendar month ('YYYY-MM'). The draft should pass
 * validateDraft (an unknown time zone throws a RangeError); the data comes
 * from parseMonitoringCsv or the import service, possibly several imports
 * combined with combineMonitoringData.
 */
export function computeMonthlyReport(draft: ReportDraft, data: MonitoringData, month: string): MonthlyReport {
  const report = computeMonth(draft, data, month);
  const rule = report.chronicFailure;
  if (!rule) return report;
  // The eleven months before: enough for both counts of the rule.
  const earlier = Array.from({ length: 11 }, (_, index) => computeMonth(draft, data, addMonths(month, index - 11)));
  // Only a Service Level that carries Service Credits counts towards a Chronic Failure (the contract's chronic-failure clause);
  // without any credit tiers, the committed targets do.
  const credited = new Set(draft.compensation.creditTiers.map((tier) => tier.metricId));
  const counts = (metricId: string) => credited.size === 0 || credited.has(metricId);
  report.services.forEach((service, serviceIndex) => {
    service.metrics.forEach((row, metricIndex) => {
      if (row.objective === null || row.status === 'notMeasured' || !counts(row.metricId)) return;
      const missed = [...earlier.map((other) => other.services[serviceIndex]!.metrics[metricIndex]!.met), row.met].map((met) => met === false);
      let consecutiveMissed = 0;
      for (let index = missed.length - 1; index >= 0 && missed[index]; index--) consecutiveMissed++;
      const missedInTwelve = missed.filter(Boolean).length;
      row.chronic = {
        consecutiveMissed,
        missedInTwelve,
        chronicFailure: consecutiveMissed >= rule.consecutiveMonths || missedInTwelve >= rule.monthsInTwelve,
      };
    });
  });
  return report;
}

/** The report for one month, without the chronic-failure counts (which need the months before). */
function computeMonth(draft: ReportDraft, data: MonitoringData, month: string): MonthlyReport {
  if (!isMonth(month)) throw new RangeError(`"${month}" is not a month such as 2026-10`);
  const { compensation } = draft;
  const calendar = draft.expectations.businessHours;
  const term = termMonths(draft);
  const covers = coverageOf(data);
  const covered = spansCover([...covers.incidents, ...covers.probes], month);
  const monthStatus: MonthStatus = month < term.from ? 'beforeTerm' : !covered ? 'noData' : month > term.to ? 'afterTerm' : 'reported';
  const reported = monthStatus === 'reported' || monthStatus === 'afterTerm';
  // Incidents speak for the months their files cover, probe samples for theirs.
  const incidentsByService = reported && data.incidents && spansCover(covers.incidents, month) ? groupIncidents(data.incidents) : null;
  const probesCover = reported && spansCover(covers.probes, month);
  const businessHoursCurrent = !data.probes || sameBusinessHours(data.probes.businessHours, calendar);
  const warnings: ReportWarning[] = [];
  let staleBusinessHoursUsed = false;

  const minimumOutageMinutes = draft.monitoring.minimumOutageMinutes ?? null;
  let probesIgnoreMinimumOutage = false;
  const services: ServiceMonthReport[] = draft.services.map((service) => ({
    serviceId: service.id,
    serviceName: service.name,
    fee: serviceFee(draft, service.id),
    metrics: service.metrics.map((metric) => {
      const objective = objectiveFor(draft, metric.id);
      const coverage: Coverage = objective?.coverage ?? '24x7';
      const timeZone = coverage === 'businessHours' ? calendar.timeZone : 'UTC';
      const range = monthRangeMs(month, timeZone);
      const semantics = metricSemantics(metric);
      const severityField = metric.kind === 'supportResponse' ? 'responseMinutes' : metric.kind === 'supportResolution' ? 'resolutionMinutes' : null;
      const row: MetricMonthReport = {
        serviceId: service.id,
        serviceName: service.name,
        metricId: metric.id,
        metricName: metric.name,
        kind: metric.kind,
        unit: semantics.unit,
        customUnit: semantics.unit === 'custom' && metric.unit !== undefined && !isBlankText(metric.unit) ? metric.unit : null,
        higherIsBetter: semantics.higherIsBetter,
        percentile: metric.kind === 'latency' ? (metric.percentile ?? null) : null,
        objective: objective?.objective ?? null,
        severityTargets: severityField
          ? draft.targets.severities.map((terms) => ({ level: terms.level, minutes: terms[severityField], coverage: terms.coverage }))
          : null,
        severityAttainmentPercent: severityField ? (draft.targets.supportAttainmentPercent ?? null) : null,
        contractSource: metric.dataSource,
        sourceDiffers: false,
        chronic: null,
        coverage,
        timeZone,
        from: iso(range.from),
        to: iso(range.to),
        status: MEASURABLE.has(metric.kind) ? 'noData' : 'notMeasured',
        source: null,
        attainment: null,
        met: null,
        coveredMinutes: null,
        excludedMinutes: null,
        measuredMinutes: null,
        downtimeMinutes: null,
        allowedDowntimeMinutes: null,
        samples: null,
        incidents: [],
        downtimePeriods: [],
        credit: null,
      };
      const scope: ProbeScope = coverage;
      const probeMonth = () => {
        if (!probesCover) return null;
        if (scope === 'businessHours' && !businessHoursCurrent) {
          if (probeMonthFor(data, service.id, scope, month)) staleBusinessHoursUsed = true;
          return null;
        }
        return probeMonthFor(data, service.id, scope, month);
      };

      if (metric.kind === 'availability') {
        if (incidentsByService) {
          const measured = measureIncidents(
            incidentsByService.get(service.id),
            coverage === 'businessHours' ? calendar : null,
            range.from,
            range.to,
            draft.monitoring.excludeFromMeasuredPeriod,
            minimumOutageMinutes,
          );
          Object.assign(row, measured, {
            status: 'measured',
            source: 'incidents',
            attainment: roundAttainment(attainmentPercent(measured.measuredMinutes * 60, measured.downtimeMinutes * 60)),
          });
        } else {
          const samples = probeMonth();
          if (samples && samples.samples > 0) {
            if (minimumOutageMinutes !== null && samples.upSamples < samples.samples) probesIgnoreMinimumOutage = true;
            const coveredMinutes = coveredMinutesInRange(coverage === 'businessHours' ? calendar : null, range.from, range.to);
            const downShare = (samples.samples - samples.upSamples) / samples.samples;
            Object.assign(row, {
              status: 'measured',
              source: 'probes',
              attainment: roundAttainment((samples.upSamples / samples.samples) * 100),
              coveredMinutes,
              excludedMinutes: 0,
              measuredMinutes: coveredMinutes,
              downtimeMinutes: coveredMinutes * downShare,
              samples: samples.samples,
            });
          }
        }
        if (row.status === 'measured' && row.objective !== null && row.measuredMinutes !== null) {
          row.allowedDowntimeMinutes = allowedDowntimeForCoveredSeconds(row.objective, row.measuredMinutes * 60) / 60;
        }
      } else if (metric.kind === 'latency' && metric.percentile !== undefined) {
        const samples = probeMonth();
        const value = samples ? nearestRankPercentile(samples.latency, metric.percentile) : null;
        if (samples && value !== null) {
          Object.assign(row, { status: 'measured', source: 'probes', attainment: value, samples: histogramCount(samples.latency) });
        }
      }

      if (row.status === 'measured' && row.attainment !== null) {
        if (row.objective !== null) row.met = !isWorse(semantics, row.attainment, row.objective);
        row.sourceDiffers = row.source === 'probes' && !isBlankText(metric.dataSource) && !contractMeasuresByProbes(metric);
        const owed = creditForMetric(draft, metric.id, row.attainment);
        row.credit = {
          tierId: owed.tier?.id ?? null,
          threshold: owed.tier?.threshold ?? null,
          creditPercent: owed.creditPercent,
          cappedPercent: owed.cappedPercent,
          amount: owed.amount,
          added: false,
          appliedInstead: null,
        };
      }
      return row;
    }),
  }));

  if (staleBusinessHoursUsed) warnings.push({ key: 'monitoring.report.businessHoursChanged', params: {} });
  if (probesIgnoreMinimumOutage) warnings.push({ key: 'monitoring.report.minimumOutageFromProbes', params: { minutes: minimumOutageMinutes ?? 0 } });
  const measured = services.flatMap((service) => service.metrics).filter((row) => row.credit !== null);
  const feeSplit = feeSplitByService(draft);
  const { applied, notAdded } = serviceLevelCredits(
    measured.map((row) => ({
      serviceId: row.serviceId,
      metricId: row.metricId,
      creditPercent: row.credit!.creditPercent,
      row,
      ...(feeSplit ? { fee: serviceFee(draft, row.serviceId) } : {}),
    })),
  );
  for (const entry of applied) entry.row.credit!.added = true;
  for (const { credit: entry, appliedInstead } of notAdded) {
    entry.row.credit!.appliedInstead = { metricId: appliedInstead.metricId, creditPercent: appliedInstead.creditPercent };
  }
  const credit = monthCredit(applied, compensation.capPercent, compensation.monthlyFee, compensation.currency);
  const { chronicFailure } = compensation;
  return {
    month,
    monthStatus,
    term,
    dataPeriods: mergeMonthSpans([...covers.incidents, ...covers.probes]),
    currency: compensation.currency,
    monthlyFee: compensation.monthlyFee,
    feeSplit,
    minimumOutageMinutes,
    boundary: compensation.boundary,
    capPercent: compensation.capPercent,
    claimWindowDays: compensation.claimWindowDays,
    claimDeadline: claimDeadline(month, compensation.claimWindowDays),
    services,
    credit,
    creditsNotAdded: notAdded.map(({ credit: entry, appliedInstead }) => ({
      serviceId: entry.serviceId,
      metricId: entry.metricId,
      creditPercent: entry.creditPercent,
      appliedMetricId: appliedInstead.metricId,
      appliedPercent: appliedInstead.creditPercent,
    })),
    chronicFailure: chronicFailure.enabled ? { consecutiveMonths: chronicFailure.consecutiveMonths, monthsInTwelve: chronicFailure.monthsInTwelve } : null,
    anyMissed: measured.some((row) => row.met === false),
    warnings,
  };
}

export interface AttainmentPoint {
  month: string;
  attainment: number | null;
  met: boolean | null;
  creditPercent: number | null;
}

export interface AttainmentSeries {
  serviceId: string;
  serviceName: LocalizedText;
  metricId: string;
  metricName: LocalizedText;
  kind: MetricKind;
  unit: MetricUnit;
  objective: number | null;
  /** Oldest month first. */
  points: AttainmentPoint[];
}

export interface AttainmentHistory {
  /** Oldest first, ending with the requested month. */
  months: string[];
  /** One series per availability or latency metric, in draft order. */
  series: AttainmentSeries[];
}

/**
 * Attainment against the objective over the `count` months ending with
 * `lastMonth`, for the chart beside the report. Months without data have
 * attainment null, so the chart shows a gap rather than a false 100 %.
 */
export function attainmentHistory(draft: ReportDraft, data: MonitoringData, lastMonth: string, count: number): AttainmentHistory {
  if (!Number.isInteger(count) || count < 1 || count > 120) throw new RangeError(`A history covers 1 to 120 months, got ${count}`);
  const months = Array.from({ length: count }, (_, index) => addMonths(lastMonth, index - count + 1));
  const reports = months.map((month) => computeMonth(draft, data, month));
  const series: AttainmentSeries[] = [];
  draft.services.forEach((service, serviceIndex) => {
    service.metrics.forEach((metric: Metric, metricIndex) => {
      if (!MEASURABLE.has(metric.kind)) return;
      const first = reports[0]!.services[serviceIndex]!.metrics[metricIndex]!;
      series.push({
        serviceId: service.id,
        serviceName: service.name,
        metricId: metric.id,
        metricName: metric.name,
        kind: metric.kind,
        unit: first.unit,
        objective: first.objective,
        points: reports.map((report, index) => {
          const row = report.services[serviceIndex]!.metrics[metricIndex]!;
          return { month: months[index]!, attainment: row.attainment, met: row.met, creditPercent: row.credit?.creditPercent ?? null };
        }),
      });
    });
  });
  return { months, series };
}
