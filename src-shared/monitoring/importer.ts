/**
 * Reading a monitoring CSV against a draft: the header decides the form
 * (incidents or probe samples), every row is checked cell by cell, and
 * every problem is collected with its line and column. A file with any
 * problem imports nothing: a credit statement built on half a file would be
 * wrong without anyone noticing.
 *
 * The importer takes text in chunks, so the Node service can stream a large
 * file through it; parseMonitoringCsv is the one-string form for tests, the
 * command line and small files.
 */
import { TEXT_LANGUAGES } from '../model/localized';
import { LIMITS, type SlaDraft } from '../model/schema';
import { CsvRecordReader, type CsvSyntaxProblem } from './csv';
import { MONITORING_DATA_VERSION, rowsPeriod, type IncidentRecord, type MonitoringData, type MonitoringForm } from './data';
import { addMonths, utcMonthOf } from './intervals';
import { ProbeAccumulator } from './probes';
import { INSTANT_YEARS, MAX_LATENCY_MS, parseExcludedFlag, parseInstant, parseLatency, parseSeverity, parseUpFlag } from './values';

/** One problem of a file: an i18n key under `monitoring.csv` whose params include line and column. */
export interface MonitoringCsvError {
  /** 1-based line of the file; null for a problem of the whole file. */
  line: number | null;
  /** The header name of the column, lower case; null for a problem of the whole line. */
  column: string | null;
  key: string;
  params: Record<string, string | number>;
}

export type MonitoringParseResult =
  | {
      ok: true;
      form: MonitoringForm;
      rows: number;
      data: MonitoringData;
      serviceIds: string[];
      months: string[];
      firstAt: string | null;
      lastAt: string | null;
    }
  | {
      ok: false;
      form: MonitoringForm | null;
      rows: number;
      /** The first `maxErrors` problems in file order. */
      errors: MonitoringCsvError[];
      /** How many more problems there were ("…and N more"). */
      omittedErrors: number;
    };

export interface MonitoringImportLimits {
  /** Problems listed before the rest are only counted; default 100. */
  maxErrors?: number;
  /** Incidents in one file; default 100,000 (incident rows are kept in memory, samples are not). */
  maxIncidents?: number;
}

export interface MonitoringCsvImporter {
  push(chunk: string): void;
  end(): MonitoringParseResult;
  /** Data rows seen so far. */
  readonly rows: number;
  /** True when the rest of the file cannot change the outcome (an unreadable header, an unclosed quote). */
  readonly stopped: boolean;
}

const INCIDENT_COLUMNS = ['service', 'start', 'end', 'severity', 'excluded', 'reason'] as const;
const INCIDENT_REQUIRED = ['service', 'start', 'end'] as const;
const PROBE_COLUMNS = ['timestamp', 'service', 'up', 'latency_ms'] as const;
const PROBE_REQUIRED = ['timestamp', 'service', 'up'] as const;
const INCIDENT_ONLY = new Set(['start', 'end', 'severity', 'excluded', 'reason']);
const PROBE_ONLY = new Set(['timestamp', 'up', 'latency_ms']);

/** The longest value quoted back in a message. */
const MAX_QUOTED_VALUE = 60;

const KEY = 'monitoring.csv.';

/** The longest record (a quoted field may span lines) held while waiting for its end. */
const MAX_RECORD_CHARS = 1_000_000;

function quoted(value: string): string {
  return value.length > MAX_QUOTED_VALUE ? `${value.slice(0, MAX_QUOTED_VALUE)}…` : value;
}

type ServiceMatch = { ok: true; index: number } | { ok: false; reason: 'unknownService' | 'ambiguousService' };

/**
 * `service` cells name a service by id or by name, ignoring case and
 * surrounding spaces. An id wins over a name; a name two services share
 * is refused rather than guessed.
 */
function serviceResolver(services: SlaDraft['services']): (cell: string) => ServiceMatch {
  const byId = new Map<string, number>();
  const byName = new Map<string, number | 'ambiguous'>();
  services.forEach((service, index) => {
    const id = service.id.trim().toLowerCase();
    if (!byId.has(id)) byId.set(id, index);
    // A file may name the service in either language.
    for (const language of TEXT_LANGUAGES) {
      const name = service.name[language].trim().toLowerCase();
      if (name !== '' && byName.get(name) !== index) byName.set(name, byName.has(name) ? 'ambiguous' : index);
    }
  });
  const cache = new Map<string, ServiceMatch>();
  return (cell) => {
    let match = cache.get(cell);
    if (match) return match;
    const wanted = cell.trim().toLowerCase();
    const index = byId.get(wanted) ?? byName.get(wanted);
    match =
      index === undefined ? { ok: false, reason: 'unknownService' } : index === 'ambiguous' ? { ok: false, reason: 'ambiguousService' } : { ok: true, index };
    if (cache.size < 10_000) cache.set(cell, match);
    return match;
  };
}

export function createMonitoringCsvImporter(draft: Pick<SlaDraft, 'services' | 'expectations'>, limits: MonitoringImportLimits = {}): MonitoringCsvImporter {
  const maxErrors = limits.maxErrors ?? 100;
  const maxIncidents = limits.maxIncidents ?? 100_000;
  const serviceIds = draft.services.map((service) => service.id);
  const resolveService = serviceResolver(draft.services);

  const errors: MonitoringCsvError[] = [];
  let omittedErrors = 0;
  let rows = 0;
  let form: MonitoringForm | null = null;
  let stopped = false;
  let headerSeen = false;
  let columnCount = 0;
  /** Column positions by name; -1 when absent. */
  const at: Record<string, number> = {};

  const incidents: IncidentRecord[] = [];
  const probes = new ProbeAccumulator(draft.expectations.businessHours);
  const servicesSeen = new Set<number>();
  const monthsSeen = new Set<string>();
  let firstMs = Number.POSITIVE_INFINITY;
  let lastMs = Number.NEGATIVE_INFINITY;
  /** The UTC month of the last sample, to skip the month lookup for sorted files. */
  let lastMonthFrom = 0;
  let lastMonthTo = 0;

  const fail = (line: number | null, column: string | null, reason: string, extra: Record<string, string | number> = {}) => {
    if (errors.length >= maxErrors) {
      omittedErrors++;
      return;
    }
    const params: Record<string, string | number> = { ...extra };
    if (line !== null) params.line = line;
    if (column !== null) params.column = column;
    errors.push({ line, column, key: KEY + reason, params });
  };

  const noteTime = (epochMs: number) => {
    if (epochMs < firstMs) firstMs = epochMs;
    if (epochMs > lastMs) lastMs = epochMs;
  };

  const readHeader = (fields: string[], line: number) => {
    headerSeen = true;
    const names = fields.map((field) => field.trim().toLowerCase());
    const probeLike = names.some((name) => PROBE_ONLY.has(name));
    const incidentLike = names.some((name) => INCIDENT_ONLY.has(name));
    if (probeLike === incidentLike) {
      fail(line, null, 'unknownHeader', { found: quoted(fields.join(',')) });
      stopped = true;
      return;
    }
    form = probeLike ? 'probes' : 'incidents';
    const allowed: readonly string[] = form === 'probes' ? PROBE_COLUMNS : INCIDENT_COLUMNS;
    const required: readonly string[] = form === 'probes' ? PROBE_REQUIRED : INCIDENT_REQUIRED;
    for (const name of allowed) at[name] = -1;
    names.forEach((name, index) => {
      if (!allowed.includes(name)) {
        fail(line, null, form === 'probes' ? 'unknownProbeColumn' : 'unknownIncidentColumn', { found: quoted(fields[index]!.trim()) });
      } else if (at[name] !== -1) {
        fail(line, name, 'duplicateColumn');
      } else {
        at[name] = index;
      }
    });
    for (const name of required) {
      if (at[name] === -1) fail(line, name, form === 'probes' ? 'missingProbeColumn' : 'missingIncidentColumn');
    }
    columnCount = names.length;
    // Rows cannot be read against a header that is wrong.
    if (errors.length > 0) stopped = true;
  };

  const instantAt = (fields: string[], column: string, line: number): number | null => {
    const text = fields[at[column]!]!.trim();
    if (text === '') {
      fail(line, column, 'required');
      return null;
    }
    const parsed = parseInstant(text);
    if (!parsed.ok) {
      fail(line, column, parsed.reason, { value: quoted(text), ...(parsed.reason === 'yearOutOfRange' ? INSTANT_YEARS : {}) });
      return null;
    }
    return parsed.epochMs;
  };

  const serviceAt = (fields: string[], line: number): number | null => {
    const text = fields[at.service!]!;
    if (text.trim() === '') {
      fail(line, 'service', 'required');
      return null;
    }
    const match = resolveService(text);
    if (!match.ok) {
      fail(line, 'service', match.reason, { value: quoted(text.trim()) });
      return null;
    }
    return match.index;
  };

  const readProbe = (fields: string[], line: number) => {
    const epochMs = instantAt(fields, 'timestamp', line);
    const serviceIndex = serviceAt(fields, line);
    const upText = fields[at.up!]!.trim();
    const up = parseUpFlag(upText);
    if (upText === '') fail(line, 'up', 'required');
    else if (up === undefined) fail(line, 'up', 'up', { value: quoted(upText) });
    let latencyMs: number | null = null;
    let latencyOk = true;
    if (at.latency_ms !== -1) {
      const latencyText = fields[at.latency_ms!]!.trim();
      if (latencyText !== '') {
        const latency = parseLatency(latencyText);
        if (latency.ok) latencyMs = latency.ms;
        else {
          latencyOk = false;
          fail(line, 'latency_ms', latency.reason, { value: quoted(latencyText), ...(latency.reason === 'latencyTooLarge' ? { max: MAX_LATENCY_MS } : {}) });
        }
      }
    }
    if (epochMs === null || serviceIndex === null || up === undefined || !latencyOk || errors.length > 0 || omittedErrors > 0) return;
    probes.add(serviceIndex, epochMs, up, latencyMs);
    servicesSeen.add(serviceIndex);
    noteTime(epochMs);
    if (epochMs < lastMonthFrom || epochMs >= lastMonthTo) {
      const month = utcMonthOf(epochMs);
      monthsSeen.add(month);
      const date = new Date(epochMs);
      lastMonthFrom = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
      lastMonthTo = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
    }
  };

  const readIncident = (fields: string[], line: number) => {
    const serviceIndex = serviceAt(fields, line);
    const start = instantAt(fields, 'start', line);
    const end = instantAt(fields, 'end', line);
    if (start !== null && end !== null && end < start) {
      fail(line, 'end', 'endBeforeStart', { value: quoted(fields[at.end!]!.trim()), start: quoted(fields[at.start!]!.trim()) });
    }
    let severity: IncidentRecord['severity'] = null;
    let severityOk = true;
    if (at.severity !== -1) {
      const text = fields[at.severity!]!.trim();
      if (text !== '') {
        severity = parseSeverity(text) ?? null;
        if (severity === null) {
          severityOk = false;
          fail(line, 'severity', 'severity', { value: quoted(text) });
        }
      }
    }
    let excluded = false;
    let excludedOk = true;
    if (at.excluded !== -1) {
      const text = fields[at.excluded!]!.trim();
      if (text !== '') {
        const flag = parseExcludedFlag(text);
        if (flag === undefined) {
          excludedOk = false;
          fail(line, 'excluded', 'excluded', { value: quoted(text) });
        } else excluded = flag;
      }
    }
    let reason = '';
    if (at.reason !== -1) {
      reason = fields[at.reason!]!.trim();
      if (reason.length > LIMITS.longText) {
        fail(line, 'reason', 'tooLong', { max: LIMITS.longText });
        reason = '';
      }
    }
    if (serviceIndex === null || start === null || end === null || end < start || !severityOk || !excludedOk) return;
    if (incidents.length >= maxIncidents) {
      fail(line, null, 'tooManyIncidents', { max: maxIncidents });
      stopped = true;
      return;
    }
    if (errors.length > 0 || omittedErrors > 0) return;
    incidents.push({
      serviceId: serviceIds[serviceIndex]!,
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
      severity,
      excluded,
      reason,
      line,
    });
    servicesSeen.add(serviceIndex);
    noteTime(start);
    noteTime(end);
    // An incident touches every month from its start to its end (the end is exclusive).
    const lastMonth = utcMonthOf(Math.max(start, end - 1));
    for (let month = utcMonthOf(start); month <= lastMonth; month = addMonths(month, 1)) monthsSeen.add(month);
  };

  const reader = new CsvRecordReader(
    {
      record(fields, line) {
        if (stopped) return;
        if (!headerSeen) {
          readHeader(fields, line);
          return;
        }
        rows++;
        if (fields.length !== columnCount) {
          fail(line, null, 'fieldCount', { found: fields.length, expected: columnCount });
          return;
        }
        if (form === 'probes') readProbe(fields, line);
        else readIncident(fields, line);
      },
      problem(problem: CsvSyntaxProblem) {
        if (stopped) return;
        if (headerSeen) rows++;
        fail(problem.line, null, problem.key, problem.key === 'recordTooLong' ? { max: MAX_RECORD_CHARS } : {});
        if (problem.fatal) stopped = true;
      },
    },
    { maxRecordChars: MAX_RECORD_CHARS },
  );

  return {
    push(chunk) {
      if (!stopped) reader.push(chunk);
    },
    end() {
      if (!stopped) reader.end();
      if (!headerSeen && errors.length === 0) fail(null, null, 'empty');
      if (errors.length > 0 || omittedErrors > 0 || form === null) {
        return { ok: false, form, rows, errors, omittedErrors };
      }
      // By default a file covers the months its rows span.
      const period = rowsPeriod([...monthsSeen]);
      const spans = period ? [period] : [];
      const data: MonitoringData =
        form === 'incidents'
          ? { version: MONITORING_DATA_VERSION, incidents, probes: null, covers: { incidents: spans, probes: [] } }
          : { version: MONITORING_DATA_VERSION, incidents: null, probes: probes.result(serviceIds), covers: { incidents: [], probes: spans } };
      return {
        ok: true,
        form,
        rows,
        data,
        serviceIds: serviceIds.filter((_, index) => servicesSeen.has(index)),
        months: [...monthsSeen].sort(),
        firstAt: Number.isFinite(firstMs) ? new Date(firstMs).toISOString() : null,
        lastAt: Number.isFinite(lastMs) ? new Date(lastMs).toISOString() : null,
      };
    },
    get rows() {
      return rows;
    },
    get stopped() {
      return stopped;
    },
  };
}

/** A whole CSV text at once. */
export function parseMonitoringCsv(draft: Pick<SlaDraft, 'services' | 'expectations'>, text: string, limits?: MonitoringImportLimits): MonitoringParseResult {
  const importer = createMonitoringCsvImporter(draft, limits);
  importer.push(text);
  return importer.end();
}
