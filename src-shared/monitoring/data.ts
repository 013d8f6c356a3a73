/**
 * Imported monitoring data as the monthly report reads it and as the
 * database keeps it: plain JSON, small even for a million probe rows,
 * enough to reproduce a report without the original file.
 */
import type { BusinessHours } from '../model/schema';
import type { IncidentSeverity } from './values';

/** Bumped when the meaning of a stored field changes, so stored imports can be migrated. */
export const MONITORING_DATA_VERSION = 1 as const;

export type MonitoringForm = 'incidents' | 'probes';

/** One row of an incidents file, validated and normalised to UTC. */
export interface IncidentRecord {
  /** The id of the draft service the row's `service` cell named. */
  serviceId: string;
  /** ISO 8601 in UTC, e.g. 2026-10-05T14:30:00.000Z. */
  start: string;
  end: string;
  severity: IncidentSeverity | null;
  /** Time the contract excludes (scheduled maintenance, customer-caused…), not downtime. */
  excluded: boolean;
  reason: string;
  /** The line of the file the row is on, so the report can point back to it. */
  line: number;
}

/**
 * Which time a probe aggregate counts. `24x7`: every sample, by UTC calendar
 * month. `businessHours`: only samples inside the draft's business hours,
 * by calendar month in the business hours' time zone.
 */
export type ProbeScope = '24x7' | 'businessHours';

/** The samples of one service in one month. */
export interface ProbeMonth {
  serviceId: string;
  month: string;
  scope: ProbeScope;
  samples: number;
  upSamples: number;
  /**
   * Latency histogram as [whole milliseconds, number of samples], sorted by
   * milliseconds: exact nearest-rank percentiles without keeping the samples.
   */
  latency: Array<[number, number]>;
}

export interface ProbeData {
  /**
   * The business hours the samples were classified by. A report for a draft
   * whose business hours have changed since cannot use the businessHours
   * aggregates and says so.
   */
  businessHours: BusinessHours;
  months: ProbeMonth[];
}

/** Calendar months from `from` to `to`, both included ('YYYY-MM'). */
export interface MonthSpan {
  from: string;
  to: string;
}

/**
 * The months each form of data speaks for. An incidents file says that
 * every minute it does not list was up — but only for the period it
 * covers; outside it the report has no data, not 100 %. An import covers
 * the months its rows span unless the user states another period.
 */
export interface MonitoringCoverage {
  incidents: MonthSpan[];
  probes: MonthSpan[];
}

export interface MonitoringData {
  version: typeof MONITORING_DATA_VERSION;
  /**
   * The periods the data covers. Optional only so that data stored before
   * the field existed still reads; the import service sets it from the
   * period stored with each import (rowsPeriod by default).
   */
  covers?: MonitoringCoverage;
  /**
   * null: no incidents file was imported. An empty list: one was, and it
   * lists no incident — every service was up all the time it covers.
   */
  incidents: IncidentRecord[] | null;
  probes: ProbeData | null;
}

/** What one import brought in, for the import list and the database row. */
export interface ImportedMonitoringData {
  fileName: string;
  fileBytes: number;
  /** SHA-256 of the file's bytes, hex: the same file gives the same report. */
  sha256: string;
  /** ISO 8601 UTC. */
  importedAt: string;
  form: MonitoringForm;
  /** Data rows read (header and blank lines not counted). */
  rows: number;
  /** Ids of the draft services the file has rows for, in draft order. */
  serviceIds: string[];
  /** UTC calendar months the rows touch, sorted. */
  months: string[];
  /** Earliest and latest time in the file (ISO UTC), null for a file without rows. */
  firstAt: string | null;
  lastAt: string | null;
  /** The months the file speaks for: by default those its rows span (rowsPeriod); null for a file without rows and no stated period. */
  period?: MonthSpan | null;
}

export const EMPTY_MONITORING_DATA: MonitoringData = { version: MONITORING_DATA_VERSION, incidents: null, probes: null, covers: { incidents: [], probes: [] } };

/** The months from the first to the last of `months` (sorted 'YYYY-MM'), or null for none. */
export function rowsPeriod(months: readonly string[]): MonthSpan | null {
  const sorted = [...months].sort();
  return sorted.length > 0 ? { from: sorted[0]!, to: sorted.at(-1)! } : null;
}

/** Whether `month` lies in one of the spans. */
export function spansCover(spans: readonly MonthSpan[], month: string): boolean {
  return spans.some((span) => span.from <= month && month <= span.to);
}

/** Whether the data covers `month` at all, in either form. */
export function dataCovers(data: MonitoringData, month: string): boolean {
  const covers = coverageOf(data);
  return spansCover(covers.incidents, month) || spansCover(covers.probes, month);
}

/**
 * The periods data covers: its own `covers`, or for data without them
 * (stored before periods were recorded) every month its rows touch.
 */
export function coverageOf(data: MonitoringData): MonitoringCoverage {
  if (data.covers) return data.covers;
  const incidentMonths = (data.incidents ?? []).flatMap((record) => [record.start.slice(0, 7), record.end.slice(0, 7)]);
  const incidents = rowsPeriod(incidentMonths);
  const probes = rowsPeriod((data.probes?.months ?? []).map((entry) => entry.month));
  return { incidents: incidents ? [incidents] : [], probes: probes ? [probes] : [] };
}

/** The same data, said to cover `period` (null: nothing). */
export function withPeriod(data: MonitoringData, period: MonthSpan | null): MonitoringData {
  const spans = period ? [period] : [];
  return { ...data, covers: { incidents: data.incidents ? spans : [], probes: data.probes ? spans : [] } };
}

/** Whether two business-hours calendars classify every instant the same way. */
export function sameBusinessHours(a: BusinessHours, b: BusinessHours): boolean {
  return JSON.stringify(normalizedBusinessHours(a)) === JSON.stringify(normalizedBusinessHours(b));
}

/** Business hours in a canonical form, so that the order of days, holidays or working days is not a change (nor an empty list of working days against none). */
export function normalizedBusinessHours(hours: BusinessHours): BusinessHours {
  return {
    timeZone: hours.timeZone,
    days: [...hours.days].sort(),
    start: hours.start,
    end: hours.end,
    holidays: [...hours.holidays].sort(),
    ...(hours.workingDays && hours.workingDays.length > 0 ? { workingDays: [...hours.workingDays].sort() } : {}),
  };
}

function mergeHistograms(a: ReadonlyArray<[number, number]>, b: ReadonlyArray<[number, number]>): Array<[number, number]> {
  const counts = new Map<number, number>(a.map(([ms, count]) => [ms, count]));
  for (const [ms, count] of b) counts.set(ms, (counts.get(ms) ?? 0) + count);
  return [...counts].sort(([x], [y]) => x - y);
}

/**
 * Several imports as one: incidents side by side (the report merges
 * overlaps), probe counts added per service and month, the periods they
 * cover listed together. Probe data
 * classified by different business hours cannot be added up; the later
 * import's business-hours aggregates replace the earlier ones.
 */
export function combineMonitoringData(...parts: MonitoringData[]): MonitoringData {
  let incidents: IncidentRecord[] | null = null;
  let probes: ProbeData | null = null;
  const covers: MonitoringCoverage = { incidents: [], probes: [] };
  for (const part of parts) {
    const partCovers = coverageOf(part);
    covers.incidents.push(...partCovers.incidents);
    covers.probes.push(...partCovers.probes);
    if (part.incidents) incidents = [...(incidents ?? []), ...part.incidents];
    if (!part.probes) continue;
    if (!probes) {
      probes = { businessHours: part.probes.businessHours, months: part.probes.months.map((month) => ({ ...month })) };
      continue;
    }
    const compatible = sameBusinessHours(probes.businessHours, part.probes.businessHours);
    const months = new Map<string, ProbeMonth>();
    for (const month of probes.months) {
      if (compatible || month.scope === '24x7') months.set(`${month.serviceId}|${month.scope}|${month.month}`, month);
    }
    for (const month of part.probes.months) {
      const key = `${month.serviceId}|${month.scope}|${month.month}`;
      const existing = months.get(key);
      months.set(
        key,
        existing
          ? {
              ...existing,
              samples: existing.samples + month.samples,
              upSamples: existing.upSamples + month.upSamples,
              latency: mergeHistograms(existing.latency, month.latency),
            }
          : { ...month },
      );
    }
    probes = { businessHours: part.probes.businessHours, months: [...months.values()] };
  }
  return { version: MONITORING_DATA_VERSION, incidents, probes, covers };
}
