/**
 * Monitoring imports and monthly reports for a draft.
 *
 * An import is a job: it reads a monitoring CSV — text the renderer
 * uploaded (reports.importMonitoringText), or a file main chose through the open
 * dialog and streams from disk (reports.importMonitoringFile) — through the pure
 * importer, reporting progress, and can be cancelled. The renderer polls
 * the job (reports.monitoringImportStatus): polling works the same over Electron's
 * IPC and over the dev:web harness's HTTP, where main cannot push events.
 *
 * A file with any problem stores nothing; a file without one is stored with
 * the draft (name, size, SHA-256, time, form, rows, summary and the
 * aggregated data), so the same report can be computed again later without
 * the file. The monthly report combines all of a draft's imports.
 *
 * Each import covers a period of months, kept in its summary: by default
 * the months its rows span, or the period the user states
 * (setImportPeriod). A month no import covers has no data in the report.
 */
import { createHash, randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { DraftsRepository, MonitoringRepository, StoredMonitoringImport } from '../db';
import type { ApiError, ApiOutput } from '../../src-shared/api';
import type { Locale } from '../../src-shared/i18n';
import { slaDraftSchema, type SlaDraft } from '../../src-shared/model/schema';
import { upgradeContent } from '../../src-shared/model/migrate';
import { validateDraft } from '../../src-shared/model/validate';
import type { Problem } from '../../src-shared/model/problems';
import {
  attainmentHistory,
  combineMonitoringData,
  computeMonthlyReport,
  createMonitoringCsvImporter,
  addMonths,
  EMPTY_MONITORING_DATA,
  MONITORING_DATA_VERSION,
  rowsPeriod,
  termMonths,
  withPeriod,
  type MonthSpan,
  type AttainmentHistory,
  type ImportedMonitoringData,
  type MonitoringData,
  type MonthlyReport,
  type ReportDraft,
} from '../../src-shared/monitoring';
import { ServiceError, isServiceError } from './errors';
import { importMonitoringFile } from './monitoring-import';
import type { Clock, Dialogs } from './ports';

export type MonitoringImportSummary = ApiOutput<'reports.listMonitoringImports'>['imports'][number];
export type ImportJobStatus = ApiOutput<'reports.monitoringImportStatus'>;

export interface MonthlyReportResult {
  /** Months some import covers, oldest first. */
  months: string[];
  /** The months of the agreement's term, oldest first. */
  termMonths: string[];
  /** The month reported: the one asked for, else the last month of the term with data (else the last with data); null when there is none. */
  month: string | null;
  report: MonthlyReport | null;
  /** Attainment over the months up to `month`, for the chart. */
  history: AttainmentHistory | null;
}

export interface ReportsService {
  listImports(draftId: string): { imports: MonitoringImportSummary[] };
  /** Starts reading uploaded text; the job's status says how it ends. */
  importText(request: { draftId: string; fileName: string; text: string }): ImportJobStatus;
  /** Asks which file to open, then streams it from disk; job null when the user cancelled the dialog. */
  importFile(draftId: string): Promise<{ job: ImportJobStatus | null }>;
  /** Streams a file main (or a test) chose. */
  importPath(draftId: string, path: string): ImportJobStatus;
  importStatus(jobId: string): ImportJobStatus;
  /** Stops a running import (nothing is stored); a finished job is answered as it is. */
  cancelImport(jobId: string): ImportJobStatus;
  /** Resolves when the job has finished, however it ended. */
  whenFinished(jobId: string): Promise<ImportJobStatus>;
  deleteImport(draftId: string, importId: string): { imports: MonitoringImportSummary[] };
  /** States the months an import covers; null: the months its rows span. */
  setImportPeriod(draftId: string, importId: string, period: MonthSpan | null): { imports: MonitoringImportSummary[] };
  /** The draft's imports combined, as the report reads them. */
  monitoringData(draftId: string): { data: MonitoringData; imports: MonitoringImportSummary[]; skipped: MonitoringImportSummary[] };
  monthlyReport(request: { draftId: string; month?: string | undefined; historyMonths: number }): MonthlyReportResult;
}

export interface ReportsServiceDeps {
  monitoring: MonitoringRepository;
  drafts: Pick<DraftsRepository, 'find'>;
  clock: Clock;
  dialogs: Dialogs;
  /** The language of the open dialog's file filter. */
  locale: () => Locale;
  translate: (locale: Locale, key: string, params?: Record<string, string | number>) => string;
  newId?: () => string;
  /** Characters of uploaded text read between two progress updates; default 64 Ki. */
  textChunkChars?: number;
  /** Where unexpected failures of a background import go; stderr by default. */
  logError?: (error: unknown) => void;
}

/** Sections the importer reads: service ids and names, and the business hours. */
const IMPORT_SECTIONS = ['services', 'expectations'] as const;
/** Sections the report reads (ReportDraft). */
const REPORT_SECTIONS = ['effectiveDate', 'termMonths', 'services', 'expectations', 'targets', 'monitoring', 'compensation'] as const;

/** Finished jobs are kept this long for the renderer to read their outcome, and at most this many. */
const FINISHED_JOB_TTL_MS = 15 * 60 * 1000;
const MAX_FINISHED_JOBS = 50;

type JobState = ImportJobStatus['state'];

interface ImportJob {
  status: ImportJobStatus;
  controller: AbortController;
  /** Settles when the job has ended; set as the job starts. */
  finished: Promise<unknown> | null;
  finishedAt: number | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The stored summary of an import, defensively: a damaged row must not break the list. */
function toSummary(stored: StoredMonitoringImport): MonitoringImportSummary {
  let summary: Partial<ImportedMonitoringData> = {};
  try {
    const parsed: unknown = JSON.parse(stored.summaryJson);
    if (isRecord(parsed)) summary = parsed as Partial<ImportedMonitoringData>;
  } catch {
    // Shown with the columns alone.
  }
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
  const months = strings(summary.months);
  const stated = summary.period;
  const isMonthText = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
  // Imports stored before periods were recorded cover the months their rows span.
  const period =
    isRecord(stated) && isMonthText(stated.from) && isMonthText(stated.to) && stated.from <= stated.to
      ? { from: stated.from, to: stated.to }
      : rowsPeriod(months);
  return {
    id: stored.id,
    draftId: stored.draftId,
    fileName: stored.fileName,
    fileBytes: stored.fileBytes,
    sha256: stored.sha256,
    importedAt: stored.importedAt,
    form: stored.form,
    rows: stored.rows,
    serviceIds: strings(summary.serviceIds),
    months,
    period,
    firstAt: typeof summary.firstAt === 'string' ? summary.firstAt : null,
    lastAt: typeof summary.lastAt === 'string' ? summary.lastAt : null,
  };
}

/** A cut of `text` at or after `end` that does not split a surrogate pair (a character outside the BMP). */
function safeEnd(text: string, end: number): number {
  if (end >= text.length) return text.length;
  const code = text.charCodeAt(end - 1);
  return code >= 0xd800 && code <= 0xdbff ? end + 1 : end;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Every month of the spans, once, oldest first (at most 1,200: a century of monthly reports). */
function monthsOf(spans: readonly MonthSpan[]): string[] {
  const months = new Set<string>();
  for (const span of spans) {
    for (let month = span.from, count = 0; month <= span.to && count < 1200; month = addMonths(month, 1), count++) months.add(month);
  }
  return [...months].sort();
}

export function createReportsService(deps: ReportsServiceDeps): ReportsService {
  const newId = deps.newId ?? randomUUID;
  const chunkChars = Math.max(1, deps.textChunkChars ?? 64 * 1024);
  const logError = deps.logError ?? ((error: unknown) => console.error('[sla-studio] monitoring import failed unexpectedly:', error));
  const jobs = new Map<string, ImportJob>();

  const draftContent = (draftId: string): Record<string, unknown> => {
    const stored = deps.drafts.find(draftId);
    if (!stored) throw new ServiceError('notFound', 'errors.draftNotFound', { id: draftId });
    // A working copy an older app stored reads in the current form, like everywhere else.
    const content: unknown = upgradeContent(JSON.parse(stored.contentJson));
    return isRecord(content) ? content : {};
  };

  /**
   * The sections a task needs, refused with their problems when the
   * working copy still has any there: a report from a half-typed credit
   * tier or an unknown time zone would be wrong without anyone noticing.
   * Problems elsewhere (a missing signatory) do not stand in the way.
   */
  const sectionsOf = <K extends keyof SlaDraft>(draftId: string, sections: readonly K[], errorKey: string): Pick<SlaDraft, K> => {
    const content = draftContent(draftId);
    const wanted = new Set<unknown>(sections);
    const problems: Problem[] = validateDraft(content).problems.filter((problem) => wanted.has(problem.path[0]));
    const parsed: Partial<Pick<SlaDraft, K>> = {};
    for (const key of sections) {
      const result = slaDraftSchema.shape[key].safeParse(content[key]);
      if (result.success) parsed[key] = result.data as SlaDraft[K];
    }
    if (problems.length > 0 || Object.keys(parsed).length !== sections.length) {
      throw new ServiceError('invalidInput', errorKey, { count: problems.length }, problems);
    }
    return parsed as Pick<SlaDraft, K>;
  };

  const pruneJobs = () => {
    const now = Date.now();
    const finished = [...jobs.entries()].filter(([, job]) => job.finishedAt !== null);
    for (const [id, job] of finished) if (now - job.finishedAt! > FINISHED_JOB_TTL_MS) jobs.delete(id);
    const kept = finished.filter(([id]) => jobs.has(id)).sort(([, a], [, b]) => a.finishedAt! - b.finishedAt!);
    for (const [id] of kept.slice(0, Math.max(0, kept.length - MAX_FINISHED_JOBS))) jobs.delete(id);
  };

  const snapshot = (job: ImportJob): ImportJobStatus => ({
    ...job.status,
    errors: [...job.status.errors],
  });

  const jobById = (jobId: string): ImportJob => {
    const job = jobs.get(jobId);
    if (!job) throw new ServiceError('notFound', 'reports.errors.importJobNotFound', { id: jobId });
    return job;
  };

  const store = (draftId: string, summary: ImportedMonitoringData, data: MonitoringData): MonitoringImportSummary => {
    const stored = deps.monitoring.insert({
      id: newId(),
      draftId,
      fileName: summary.fileName,
      fileBytes: summary.fileBytes,
      sha256: summary.sha256,
      importedAt: summary.importedAt,
      form: summary.form,
      rows: summary.rows,
      summaryJson: JSON.stringify(summary),
      dataVersion: MONITORING_DATA_VERSION,
      dataJson: JSON.stringify(data),
    });
    return toSummary(stored);
  };

  type Outcome =
    { kind: 'imported'; summary: ImportedMonitoringData; data: MonitoringData } | { kind: 'invalid'; errors: ImportJobStatus['errors']; omittedErrors: number };

  /** Runs one job to its end; never rejects. */
  const startJob = (draftId: string, fileName: string, totalBytes: number, read: (job: ImportJob) => Promise<Outcome>): ImportJob => {
    pruneJobs();
    const controller = new AbortController();
    const job: ImportJob = {
      status: {
        jobId: newId(),
        draftId,
        fileName,
        state: 'reading',
        bytesRead: 0,
        totalBytes,
        rows: 0,
        imported: null,
        errors: [],
        omittedErrors: 0,
        failure: null,
      },
      controller,
      finished: null,
      finishedAt: null,
    };
    const finish = (state: JobState, changes: Partial<ImportJobStatus> = {}) => {
      job.status = { ...job.status, ...changes, state };
      job.finishedAt = Date.now();
      return snapshot(job);
    };
    job.finished = (async () => {
      // Let the caller answer with the job before any reading starts.
      await nextTurn();
      try {
        const outcome = await read(job);
        // Checked after the last await and before the write: a cancel that arrived in time stores nothing.
        if (controller.signal.aborted) return finish('cancelled');
        if (outcome.kind === 'invalid') return finish('invalid', { errors: outcome.errors, omittedErrors: outcome.omittedErrors });
        const imported = store(draftId, outcome.summary, outcome.data);
        return finish('imported', { imported, bytesRead: job.status.totalBytes });
      } catch (error) {
        if (controller.signal.aborted) return finish('cancelled');
        if (isServiceError(error)) return finish('failed', { failure: error.apiError });
        logError(error);
        const failure: ApiError = { code: 'internal', key: 'errors.internal' };
        return finish('failed', { failure });
      }
    })();
    jobs.set(job.status.jobId, job);
    return job;
  };

  const readText =
    (draft: Pick<SlaDraft, 'services' | 'expectations'>, fileName: string, text: string) =>
    async (job: ImportJob): Promise<Outcome> => {
      const importer = createMonitoringCsvImporter(draft);
      const hash = createHash('sha256');
      for (let offset = 0; offset < text.length;) {
        job.controller.signal.throwIfAborted();
        const end = safeEnd(text, offset + chunkChars);
        const piece = text.slice(offset, end);
        offset = end;
        hash.update(piece, 'utf8');
        importer.push(piece);
        job.status = { ...job.status, bytesRead: job.status.bytesRead + Buffer.byteLength(piece, 'utf8'), rows: importer.rows };
        if (importer.stopped) break;
        await nextTurn();
      }
      job.controller.signal.throwIfAborted();
      const result = importer.end();
      job.status = { ...job.status, rows: result.rows };
      if (!result.ok) return { kind: 'invalid', errors: result.errors, omittedErrors: result.omittedErrors };
      return {
        kind: 'imported',
        data: result.data,
        summary: {
          fileName,
          fileBytes: job.status.totalBytes,
          sha256: hash.digest('hex'),
          importedAt: deps.clock.now(),
          form: result.form,
          rows: result.rows,
          serviceIds: result.serviceIds,
          months: result.months,
          firstAt: result.firstAt,
          lastAt: result.lastAt,
          period: rowsPeriod(result.months),
        },
      };
    };

  const readFile =
    (draft: Pick<SlaDraft, 'services' | 'expectations'>, path: string, fileName: string) =>
    async (job: ImportJob): Promise<Outcome> => {
      const result = await importMonitoringFile(path, {
        draft,
        fileName,
        clock: deps.clock,
        signal: job.controller.signal,
        onProgress: (progress) => {
          job.status = { ...job.status, bytesRead: progress.bytesRead, totalBytes: progress.totalBytes, rows: progress.rows };
        },
      });
      if (!result.ok) return { kind: 'invalid', errors: result.errors, omittedErrors: result.omittedErrors };
      return { kind: 'imported', summary: result.summary, data: result.data };
    };

  const importPath = (draftId: string, path: string): ImportJobStatus => {
    const draft = sectionsOf(draftId, IMPORT_SECTIONS, 'reports.errors.draftNotImportable');
    const fileName = basename(path);
    return snapshot(startJob(draftId, fileName, 0, readFile(draft, path, fileName)));
  };

  const listImports = (draftId: string) => {
    draftContent(draftId);
    return { imports: deps.monitoring.list(draftId).map(toSummary) };
  };

  const monitoringData = (draftId: string) => {
    const summaries = new Map(deps.monitoring.list(draftId).map((stored) => [stored.id, toSummary(stored)]));
    const parts: MonitoringData[] = [];
    const imports: MonitoringImportSummary[] = [];
    const skipped: MonitoringImportSummary[] = [];
    for (const stored of deps.monitoring.loadData(draftId)) {
      const summary = summaries.get(stored.id);
      if (!summary) continue;
      let data: unknown = null;
      try {
        data = JSON.parse(stored.dataJson);
      } catch {
        // A damaged row counts as skipped below.
      }
      // Only data of the version this app computes from: an import from a newer app is left out and reported.
      if (stored.dataVersion !== MONITORING_DATA_VERSION || !isRecord(data) || data.version !== MONITORING_DATA_VERSION) {
        skipped.push(summary);
        continue;
      }
      // The period stored with the import is what the data speaks for.
      parts.push(withPeriod(data as unknown as MonitoringData, summary.period));
      imports.push(summary);
    }
    return { data: parts.length > 0 ? combineMonitoringData(...parts) : EMPTY_MONITORING_DATA, imports, skipped };
  };

  return {
    listImports,

    importText({ draftId, fileName, text }) {
      const draft = sectionsOf(draftId, IMPORT_SECTIONS, 'reports.errors.draftNotImportable');
      const name = basename(fileName.replace(/\\/g, '/')).trim() || fileName;
      return snapshot(startJob(draftId, name, Buffer.byteLength(text, 'utf8'), readText(draft, name, text)));
    },

    async importFile(draftId) {
      // Checked before the dialog: no point choosing a file for a draft that cannot take it.
      sectionsOf(draftId, IMPORT_SECTIONS, 'reports.errors.draftNotImportable');
      const locale = deps.locale();
      const path = await deps.dialogs.chooseOpenPath({
        filters: [{ name: deps.translate(locale, 'reports.import.fileFilter'), extensions: ['csv', 'txt'] }],
      });
      if (path === null) return { job: null };
      return { job: importPath(draftId, path) };
    },

    importPath,

    importStatus(jobId) {
      pruneJobs();
      return snapshot(jobById(jobId));
    },

    cancelImport(jobId) {
      const job = jobById(jobId);
      if (job.status.state === 'reading') {
        job.controller.abort();
        job.status = { ...job.status, state: 'cancelled' };
        job.finishedAt = Date.now();
      }
      return snapshot(job);
    },

    async whenFinished(jobId) {
      const job = jobById(jobId);
      await job.finished;
      return snapshot(job);
    },

    deleteImport(draftId, importId) {
      draftContent(draftId);
      if (!deps.monitoring.delete(draftId, importId)) {
        throw new ServiceError('notFound', 'reports.errors.importNotFound', { id: importId });
      }
      return { imports: deps.monitoring.list(draftId).map(toSummary) };
    },

    setImportPeriod(draftId, importId, period) {
      draftContent(draftId);
      const stored = deps.monitoring.find(draftId, importId);
      if (!stored) throw new ServiceError('notFound', 'reports.errors.importNotFound', { id: importId });
      let summary: Record<string, unknown> = {};
      try {
        const parsed: unknown = JSON.parse(stored.summaryJson);
        if (isRecord(parsed)) summary = parsed;
      } catch {
        // A damaged summary gets the period alone.
      }
      const next = { ...summary, period: period ?? rowsPeriod(toSummary(stored).months) };
      deps.monitoring.updateSummary(draftId, importId, JSON.stringify(next));
      return { imports: deps.monitoring.list(draftId).map(toSummary) };
    },

    monitoringData(draftId) {
      draftContent(draftId);
      return monitoringData(draftId);
    },

    monthlyReport({ draftId, month, historyMonths }) {
      const draft: ReportDraft = sectionsOf(draftId, REPORT_SECTIONS, 'reports.errors.draftHasProblems');
      const { data, imports, skipped } = monitoringData(draftId);
      const months = monthsOf(imports.flatMap((summary) => (summary.period ? [summary.period] : [])));
      const term = termMonths(draft);
      const inTerm = monthsOf([term]);
      // The last month with data the agreement applies to: not one before it took effect.
      const chosen = month ?? months.filter((covered) => covered >= term.from).at(-1) ?? months.at(-1) ?? null;
      if (chosen === null) return { months, termMonths: inTerm, month: null, report: null, history: null };
      const report = computeMonthlyReport(draft, data, chosen);
      for (const summary of skipped) report.warnings.push({ key: 'reports.warnings.importSkipped', params: { fileName: summary.fileName } });
      return { months, termMonths: inTerm, month: chosen, report, history: attainmentHistory(draft, data, chosen, historyMonths) };
    },
  };
}
