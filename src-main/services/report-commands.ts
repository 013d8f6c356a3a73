/**
 * The reporting commands of the command line (DESIGN.md section 6):
 *
 *   downtime PERCENT [--json] [--lang en|zh-CN]
 *   report FILE --monitoring DATA.csv [--monitoring MORE.csv] --month YYYY-MM [--json] [--lang en|zh-CN]
 *   report FILE --monitoring DATA.csv [--monitoring MORE.csv] --month YYYY-MM --out F.docx [--lang en|zh-CN|bilingual]
 *
 * `downtime` prints the budget table of an availability target; `report`
 * reads a draft and its monitoring data (streamed, so a million probe rows
 * are fine) and prints the month's report — the same numbers as the
 * Reports screen, from the same functions — or, with --out, writes it as
 * the Word document the app exports (report-export.ts), atomically. Nothing
 * is stored in the database.
 *
 * Exit codes as for every command: 0 success, 1 invalid input with one
 * line per problem (a draft's `path: message`, a CSV's
 * `file: Line N, column C: message`, a file that cannot be written),
 * 2 usage error.
 */
import type { TFunction } from 'i18next';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatDurationSeconds, formatNumber, formatPercent } from '../../src-shared/format';
import { createI18n, formatProblem, isLocale, type Locale } from '../../src-shared/i18n';
import { downtimeBudget } from '../../src-shared/math/downtime';
import { MAX_DRAFT_FILE_CHARS, readDraftFile } from '../../src-shared/model/file';
import { problem, type Problem } from '../../src-shared/model/problems';
import { combineMonitoringData, computeMonthlyReport, isMonth, type MonitoringData } from '../../src-shared/monitoring';
import { writeFileAtomically } from './atomic-file';
import { isServiceError } from './errors';
import { importMonitoringFile } from './monitoring-import';
import { buildReportDocument, reportDocumentLines, tableLines, type ReportSource } from '../../src-shared/monitoring/report-document';
import { buildReportDocx, REPORT_LANGUAGES, type ReportDocxInput, type ReportLanguage } from './report-export';

const EXIT_OK = 0;
const EXIT_INVALID = 1;
const EXIT_USAGE = 2;

export const REPORT_COMMANDS = ['downtime', 'report'] as const;
export type ReportCommand = (typeof REPORT_COMMANDS)[number];

export interface ReportCommandIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  env: Record<string, string | undefined>;
}

/** Options that take a value, so the value is not mistaken for the command. */
const VALUE_OPTIONS = ['--lang', '--out', '--monitoring', '--month'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

/** A negative number is a (wrong) PERCENT, not an option. */
const NEGATIVE_NUMBER = /^-\d/;

/** The command a command line names (its first positional argument), when it is one of these. */
export function reportCommandOf(args: readonly string[]): ReportCommand | null {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return (REPORT_COMMANDS as readonly string[]).includes(args[i + 1] ?? '') ? (args[i + 1] as ReportCommand) : null;
    if ((VALUE_OPTIONS as readonly string[]).includes(arg)) {
      i++;
      continue;
    }
    if (arg.startsWith('-') && !NEGATIVE_NUMBER.test(arg)) continue;
    return (REPORT_COMMANDS as readonly string[]).includes(arg) ? (arg as ReportCommand) : null;
  }
  return null;
}

type UsageError = { key: string; params?: Record<string, string> };

type Parsed =
  | { kind: 'help' }
  | { kind: 'usage'; error: UsageError }
  | { kind: 'downtime'; percent: number; json: boolean }
  | { kind: 'report'; file: string; monitoring: string[]; month: string; json: boolean; out: string | null; language: ReportLanguage | null };

interface Options {
  positional: string[];
  values: Partial<Record<Exclude<ValueOption, '--monitoring'>, string>>;
  monitoring: string[];
  json: boolean;
  help: boolean;
  lang: string | undefined;
  error: UsageError | null;
}

function readOptions(args: readonly string[]): Options {
  const options: Options = { positional: [], values: {}, monitoring: [], json: false, help: false, lang: undefined, error: null };
  const fail = (error: UsageError) => {
    options.error ??= error;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      options.positional.push(...args.slice(i + 1));
      break;
    }
    const option = VALUE_OPTIONS.find((name) => arg === name || arg.startsWith(`${name}=`));
    if (option) {
      const value = arg === option ? args[++i] : arg.slice(option.length + 1);
      if (value === undefined || value === '') fail({ key: 'cli.missingValue', params: { option } });
      else if (option === '--monitoring') options.monitoring.push(value);
      else if (option === '--lang') options.lang = value;
      else options.values[option] = value;
    } else if (arg === '--json') {
      options.json = true;
    } else if (arg === '--help' || arg === '-h') {
      options.help = true;
    } else if (arg.startsWith('-') && arg !== '-' && !NEGATIVE_NUMBER.test(arg)) {
      fail({ key: 'cli.unknownOption', params: { option: arg } });
    } else {
      options.positional.push(arg);
    }
  }
  // "bilingual" names the Word report's language only: parse() refuses it elsewhere.
  if (options.lang !== undefined && !isLocale(options.lang) && options.lang !== 'bilingual') {
    fail({ key: options.values['--out'] !== undefined ? 'cli.invalidContractLang' : 'cli.invalidLang', params: { value: options.lang } });
  }
  return options;
}

/** "99.9", "99.9%", " 99.95 % ": a percentage from 0 to 100, or null. */
export function parsePercent(value: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*%?\s*$/.exec(value);
  if (!match) return null;
  const percent = Number(match[1]);
  return Number.isFinite(percent) && percent >= 0 && percent <= 100 ? percent : null;
}

function parse(command: ReportCommand, options: Options): Parsed {
  const usage = (key: string, params?: Record<string, string>): Parsed => ({ kind: 'usage', error: { key, ...(params ? { params } : {}) } });
  if (options.error) return { kind: 'usage', error: options.error };
  if (options.help) return { kind: 'help' };
  const [, first, extra] = options.positional;
  const { values } = options;

  if (command === 'downtime') {
    if (options.lang === 'bilingual') return usage('cli.invalidLang', { value: options.lang });
    for (const option of ['--out', '--month'] as const) if (values[option] !== undefined) return usage('cli.unknownOption', { option });
    if (options.monitoring.length > 0) return usage('cli.unknownOption', { option: '--monitoring' });
    if (first === undefined) return usage('reports.cli.missingPercent');
    if (extra !== undefined) return usage('cli.unexpectedArgument', { argument: extra });
    const percent = parsePercent(first);
    if (percent === null) return usage('reports.cli.invalidPercent', { value: first });
    return { kind: 'downtime', percent, json: options.json };
  }

  if (first === undefined) return usage('reports.cli.missingFile');
  if (extra !== undefined) return usage('cli.unexpectedArgument', { argument: extra });
  if (options.monitoring.length === 0) return usage('reports.cli.missingMonitoring');
  const month = values['--month'];
  if (month === undefined) return usage('reports.cli.missingMonth');
  if (!isMonth(month)) return usage('reports.cli.invalidMonth', { value: month });
  const out = values['--out'] ?? null;
  if (out === null && options.lang === 'bilingual') return usage('reports.cli.bilingualNeedsOut');
  if (out !== null && options.json) return usage('reports.cli.jsonWithOut');
  // Writing the report over its own draft or data would destroy the input.
  if (out !== null && [first, ...options.monitoring].some((input) => resolve(input) === resolve(out))) return usage('cli.outIsInput');
  const language = (REPORT_LANGUAGES as readonly string[]).includes(options.lang ?? '') ? (options.lang as ReportLanguage) : null;
  return { kind: 'report', file: first, monitoring: options.monitoring, month, json: options.json, out, language };
}

// ── downtime ────────────────────────────────────────────────────────────────

function downtime(percent: number, json: boolean, t: TFunction, locale: Locale, io: ReportCommandIo): number {
  const budget = downtimeBudget(percent);
  if (json) {
    io.stdout(JSON.stringify({ target: percent, coverage: '24x7', periods: budget.map((row) => ({ period: row.period, coveredSeconds: row.coveredSeconds, allowedSeconds: row.allowedSeconds })) }, null, 2));
    return EXIT_OK;
  }
  io.stdout(t('reports.cli.downtimeTitle', { target: formatPercent(percent, locale) }));
  io.stdout('');
  const lines = tableLines(
    [t('calculator.columns.period'), t('calculator.columns.length'), t('calculator.columns.allowed'), t('calculator.columns.allowedSeconds')],
    budget.map((row) => [
      t(`calculator.periods.${row.period}`),
      formatDurationSeconds(row.coveredSeconds, locale, { style: 'short' }),
      formatDurationSeconds(row.allowedSeconds, locale, { style: 'short' }),
      formatNumber(row.allowedSeconds, locale, 3),
    ]),
    ['left', 'right', 'right', 'right'],
  );
  for (const line of lines) io.stdout(line);
  io.stdout('');
  io.stdout(t('calculator.yearNote'));
  return EXIT_OK;
}

// ── report ──────────────────────────────────────────────────────────────────

function readDraftText(file: string): { ok: true; text: string } | { ok: false; problem: Problem } {
  try {
    if (statSync(file).size > MAX_DRAFT_FILE_CHARS * 4) return { ok: false, problem: problem([], 'file.tooLarge', { max: MAX_DRAFT_FILE_CHARS }) };
    return { ok: true, text: readFileSync(file, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, problem: problem([], 'cli.fileNotFound', { file }) };
    return { ok: false, problem: problem([], 'cli.fileUnreadable', { file, reason: code }) };
  }
}

async function report(parsed: Extract<Parsed, { kind: 'report' }>, t: TFunction, locale: Locale, io: ReportCommandIo): Promise<number> {
  const read = readDraftText(parsed.file);
  const draftFile = read.ok ? readDraftFile(read.text) : { ok: false as const, problems: [read.problem] };
  if (!draftFile.ok) {
    for (const item of draftFile.problems) io.stdout(formatProblem(t, item));
    return EXIT_INVALID;
  }
  const { draft } = draftFile;

  // Every file is read, so one run lists the problems of all of them.
  const parts: MonitoringData[] = [];
  const sources: ReportSource[] = [];
  let invalid = false;
  for (const path of parsed.monitoring) {
    try {
      const imported = await importMonitoringFile(path, { draft });
      if (imported.ok) {
        parts.push(imported.data);
        sources.push({ fileName: imported.summary.fileName, sha256: imported.summary.sha256, form: imported.summary.form, rows: imported.summary.rows });
        continue;
      }
      invalid = true;
      for (const error of imported.errors) io.stdout(`${path}: ${t(error.key, error.params)}`);
      if (imported.omittedErrors > 0) io.stdout(`${path}: ${t('monitoring.csv.moreErrors', { count: imported.omittedErrors })}`);
    } catch (error) {
      if (!isServiceError(error)) throw error;
      invalid = true;
      io.stdout(`${path}: ${t(error.apiError.key, error.apiError.params)}`);
    }
  }
  if (invalid) return EXIT_INVALID;

  const monthly = computeMonthlyReport(draft, combineMonitoringData(...parts), parsed.month);
  if (parsed.out !== null) return writeReport(parsed.out, parsed.language ?? locale, { draft, report: monthly, sources }, t, io);
  if (parsed.json) {
    io.stdout(JSON.stringify({ ...monthly, draftTitle: draft.title, sources }, null, 2));
    return EXIT_OK;
  }
  for (const line of reportDocumentLines(buildReportDocument({ draft, report: monthly, sources, locale }))) io.stdout(line);
  return EXIT_OK;
}

/** The Word report written atomically: one line naming the file, or exit 1 with the reason it could not be written. */
async function writeReport(out: string, language: ReportLanguage, content: Omit<ReportDocxInput, 'language'>, t: TFunction, io: ReportCommandIo): Promise<number> {
  const built = await buildReportDocx({ ...content, language });
  try {
    await writeFileAtomically(out, built.bytes);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException | null)?.code ?? 'unknown';
    io.stdout(`(file): ${t('errors.cannotWriteFile', { path: out, reason })}`);
    return EXIT_INVALID;
  }
  io.stdout(t('reports.cli.exported', { file: out, language: t(`enums.contractLanguage.${language}`), size: built.bytes.byteLength, sha256: built.sha256 }));
  return EXIT_OK;
}

/**
 * Runs `downtime` or `report`; resolves to the exit code and never
 * rejects. `fallback` is the language when --lang does not name one.
 */
export async function runReportCommand(command: ReportCommand, args: readonly string[], io: ReportCommandIo, fallback: Locale): Promise<number> {
  let locale = fallback;
  try {
    const options = readOptions(args);
    if (options.lang !== undefined && isLocale(options.lang)) locale = options.lang;
    const t = createI18n(locale).t;
    const parsed = parse(command, options);
    switch (parsed.kind) {
      case 'help':
        io.stdout(t('reports.cli.usage'));
        return EXIT_OK;
      case 'usage':
        io.stderr(t(parsed.error.key, parsed.error.params));
        io.stderr('');
        io.stderr(t('reports.cli.usage'));
        return EXIT_USAGE;
      case 'downtime':
        return downtime(parsed.percent, parsed.json, t, locale, io);
      case 'report':
        return await report(parsed, t, locale, io);
    }
  } catch (error) {
    io.stderr(createI18n(locale).t('cli.internalError'));
    if (io.env.SLA_DEBUG) io.stderr(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return EXIT_INVALID;
  }
}
