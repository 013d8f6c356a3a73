/**
 * Importing a monitoring CSV from disk: the file is streamed through the
 * pure importer (src-shared/monitoring) in chunks, hashed (SHA-256) on the
 * way, with progress reports for the progress bar and cancellation through
 * an AbortSignal. Probe samples are aggregated as they arrive, so a
 * million-row file never sits in memory.
 *
 * The result is what the database should keep for a report to be
 * reproducible: the summary (file name, size, hash, time, form, rows,
 * services, months, the period it covers — by default the months its rows
 * span) and the MonitoringData aggregate (incidents as
 * normalised rows; probe samples as per-service-per-month counts and
 * latency histograms). Storing it needs a migration and is left to the
 * storage layer; nothing here writes to disk.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { SlaDraft } from '../../src-shared/model/schema';
import {
  createMonitoringCsvImporter,
  type ImportedMonitoringData,
  type MonitoringCsvError,
  type MonitoringData,
  type MonitoringForm,
  type MonitoringImportLimits,
  rowsPeriod,
} from '../../src-shared/monitoring';
import { ServiceError } from './errors';
import type { Clock } from './ports';

export interface MonitoringImportProgress {
  bytesRead: number;
  totalBytes: number;
  /** Data rows read so far. */
  rows: number;
}

export interface MonitoringFileImportOptions {
  /** The draft the file is checked against: service ids and names, business hours. */
  draft: Pick<SlaDraft, 'services' | 'expectations'>;
  /** Aborting rejects the import with the signal's reason (an AbortError by default); nothing is kept. */
  signal?: AbortSignal;
  /** Called at the start, at most every `progressIntervalMs` while reading, and at the end. */
  onProgress?: (progress: MonitoringImportProgress) => void;
  progressIntervalMs?: number;
  /** The time recorded as importedAt; default the system clock. */
  clock?: Clock;
  /** The name recorded for the file; default the path's base name. */
  fileName?: string;
  limits?: MonitoringImportLimits;
  /** Bytes read at a time; default 1 MiB. */
  chunkBytes?: number;
}

export type MonitoringFileImport =
  | { ok: true; summary: ImportedMonitoringData; data: MonitoringData }
  | {
      ok: false;
      fileName: string;
      fileBytes: number;
      form: MonitoringForm | null;
      rows: number;
      /** Every problem, up to the limit, as monitoring.csv.* keys with line and column. */
      errors: MonitoringCsvError[];
      omittedErrors: number;
    };

const systemClock: Clock = { now: () => new Date().toISOString() };

function unreadable(fileName: string, error: unknown): ServiceError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason = code ?? (error instanceof Error ? error.message : String(error));
  return new ServiceError('invalidFile', 'monitoring.file.unreadable', { fileName, reason });
}

/**
 * Reads, checks and aggregates a monitoring CSV. Resolves with the data
 * and its summary, or with every problem of the file (then nothing is
 * imported). Rejects with a ServiceError (monitoring.file.unreadable) when
 * the file cannot be read, and with the abort reason when cancelled.
 */
export async function importMonitoringFile(path: string, options: MonitoringFileImportOptions): Promise<MonitoringFileImport> {
  const fileName = options.fileName ?? basename(path);
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  let totalBytes: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    totalBytes = info.size;
  } catch (error) {
    throw unreadable(fileName, error);
  }

  const importer = createMonitoringCsvImporter(options.draft, options.limits);
  const hash = createHash('sha256');
  // fatal: a file in another encoding (GBK, Latin-1) must be refused, not read as mojibake.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const progressIntervalMs = options.progressIntervalMs ?? 100;
  let bytesRead = 0;
  let lastProgressAt = Date.now();
  let notUtf8 = false;
  const report = () => onProgress?.({ bytesRead, totalBytes, rows: importer.rows });
  report();

  const stream = createReadStream(path, { highWaterMark: options.chunkBytes ?? 1 << 20 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytesRead += chunk.length;
      hash.update(chunk);
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        notUtf8 = true;
        break;
      }
      // Once the rows' outcome is settled (an unreadable header, an unclosed quote) the rest is only
      // decoded: a file in another encoding is refused as such, whatever size the chunks happen to be.
      if (!importer.stopped) importer.push(text);
      if (signal?.aborted) break;
      if (onProgress && Date.now() - lastProgressAt >= progressIntervalMs) {
        lastProgressAt = Date.now();
        report();
      }
    }
    if (!notUtf8 && !signal?.aborted) {
      try {
        const rest = decoder.decode();
        if (!importer.stopped) importer.push(rest);
      } catch {
        notUtf8 = true;
      }
    }
  } catch (error) {
    throw unreadable(fileName, error);
  } finally {
    stream.destroy();
  }
  signal?.throwIfAborted();

  if (notUtf8) {
    return {
      ok: false,
      fileName,
      fileBytes: totalBytes,
      form: null,
      rows: importer.rows,
      errors: [{ line: null, column: null, key: 'monitoring.csv.notUtf8', params: {} }],
      omittedErrors: 0,
    };
  }
  const result = importer.end();
  report();
  if (!result.ok) {
    return { ok: false, fileName, fileBytes: totalBytes, form: result.form, rows: result.rows, errors: result.errors, omittedErrors: result.omittedErrors };
  }
  return {
    ok: true,
    data: result.data,
    summary: {
      fileName,
      fileBytes: bytesRead,
      sha256: hash.digest('hex'),
      importedAt: (options.clock ?? systemClock).now(),
      form: result.form,
      rows: result.rows,
      serviceIds: result.serviceIds,
      months: result.months,
      firstAt: result.firstAt,
      lastAt: result.lastAt,
      period: rowsPeriod(result.months),
    },
  };
}
