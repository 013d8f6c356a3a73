/**
 * `report FILE --monitoring DATA.csv [--monitoring MORE.csv] --month YYYY-MM
 * [--json | --out F.docx] [--lang en|zh-CN|bilingual]`: a draft and its
 * monitoring data (streamed, so a million probe rows are fine) → the month's
 * report — the same numbers as the Reports screen, from the same functions —
 * printed, or written as the Word document the app exports, atomically.
 * Nothing is stored in the database.
 *
 * Each file covers the months its rows span. A month before the agreement
 * takes effect or outside every file's months has nothing to report:
 * the command says so in one line and exits 1 (invalid input, as in the
 * usage text), printing and writing nothing — a report of such a month
 * would claim a 100 % it cannot know.
 */
import { combineMonitoringData, computeMonthlyReport, isMonth, type MonitoringData } from '../../../src-shared/monitoring';
import { writeFileAtomically } from '../../services/atomic-file';
import { isServiceError } from '../../services/errors';
import { importMonitoringFile } from '../../services/monitoring-import';
import { buildReportDocument, monthStatusText, reportDocumentLines, type ReportSource } from '../../../src-shared/monitoring/report-document';
import { buildReportDocx, REPORT_LANGUAGES, type ReportLanguage } from '../../services/report-export';
import { parsed, usage, type CliCommand, type CliContext, type CommandResult } from '../command';
import { EXIT } from '../exit-codes';
import { readDraftInput, samePath } from '../input';
import { failed, writeProblem } from '../problems';
import { linesOf } from '../output';

interface ReportArgs {
  file: string;
  monitoring: string[];
  month: string;
  json: boolean;
  out: string | null;
  /** The Word report's language; by default the messages' language. */
  language: ReportLanguage | null;
}

async function writeReport(args: ReportArgs & { out: string }, content: Parameters<typeof buildReportDocx>[0], { t }: CliContext): Promise<CommandResult> {
  const built = await buildReportDocx(content);
  try {
    await writeFileAtomically(args.out, built.bytes);
  } catch (error) {
    return { code: EXIT.invalid, stdout: [writeProblem(error, args.out, t)], stderr: [] };
  }
  const language = t(`enums.contractLanguage.${content.language}`);
  return { code: EXIT.ok, stdout: [t('reports.cli.exported', { file: args.out, language, size: built.bytes.byteLength, sha256: built.sha256 })], stderr: [] };
}

export const reportCommand: CliCommand<ReportArgs> = {
  name: 'report',
  options: {
    lang: { type: 'string' },
    out: { type: 'string' },
    month: { type: 'string' },
    monitoring: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  },
  // "bilingual" names the Word report's language only, so it needs --out.
  languages: ['en', 'zh-CN', 'bilingual'],
  invalidLanguageKey: (line) => (line.strings.out !== undefined ? 'cli.invalidContractLang' : 'cli.invalidLang'),
  langIsDocumentLanguage: false,
  usageKey: 'reports.cli.usage',
  parse: ({ positionals: [file, extra], strings, lists, flags }) => {
    const monitoring = lists.monitoring ?? [];
    if (file === undefined) return usage('reports.cli.missingFile');
    if (extra !== undefined) return usage('cli.unexpectedArgument', { argument: extra });
    if (monitoring.length === 0) return usage('reports.cli.missingMonitoring');
    const month = strings.month;
    if (month === undefined) return usage('reports.cli.missingMonth');
    if (!isMonth(month)) return usage('reports.cli.invalidMonth', { value: month });
    const out = strings.out ?? null;
    const json = flags.json === true;
    if (out === null && strings.lang === 'bilingual') return usage('reports.cli.bilingualNeedsOut');
    if (out !== null && json) return usage('reports.cli.jsonWithOut');
    // Writing the report over its own draft or data would destroy the input.
    if (out !== null && [file, ...monitoring].some((input) => samePath(input, out))) return usage('cli.outIsInput');
    const language = (REPORT_LANGUAGES as readonly string[]).includes(strings.lang ?? '') ? (strings.lang as ReportLanguage) : null;
    return parsed({ file, monitoring, month, json, out, language });
  },
  run: async (args, context) => {
    const { t, locale } = context;
    const read = readDraftInput(args.file);
    if (!read.ok) return failed(t, read.problems, read.content);
    const { draft } = read;

    // Every file is read, so one run lists the problems of all of them.
    const parts: MonitoringData[] = [];
    const sources: ReportSource[] = [];
    const problems: string[] = [];
    for (const path of args.monitoring) {
      try {
        const imported = await importMonitoringFile(path, { draft });
        if (imported.ok) {
          parts.push(imported.data);
          sources.push({ fileName: imported.summary.fileName, sha256: imported.summary.sha256, form: imported.summary.form, rows: imported.summary.rows });
          continue;
        }
        for (const error of imported.errors) problems.push(`${path}: ${t(error.key, error.params)}`);
        if (imported.omittedErrors > 0) problems.push(`${path}: ${t('monitoring.csv.moreErrors', { count: imported.omittedErrors })}`);
      } catch (error) {
        if (!isServiceError(error)) throw error;
        problems.push(`${path}: ${t(error.apiError.key, error.apiError.params)}`);
      }
    }
    if (problems.length > 0) return { code: EXIT.invalid, stdout: problems, stderr: [] };

    const monthly = computeMonthlyReport(draft, combineMonitoringData(...parts), args.month);
    if (monthly.monthStatus === 'beforeTerm' || monthly.monthStatus === 'noData') {
      return { code: EXIT.invalid, stdout: [monthStatusText(t, locale, monthly)!], stderr: [] };
    }
    if (args.out !== null) {
      return writeReport({ ...args, out: args.out }, { draft, report: monthly, sources, language: args.language ?? locale }, context);
    }
    if (args.json) return { code: EXIT.ok, stdout: linesOf(JSON.stringify({ ...monthly, draftTitle: draft.title, sources }, null, 2)), stderr: [] };
    return { code: EXIT.ok, stdout: reportDocumentLines(buildReportDocument({ draft, report: monthly, sources, locale })), stderr: [] };
  },
};
