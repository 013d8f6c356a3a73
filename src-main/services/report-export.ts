/**
 * The monthly report as a Word document for the customer: the
 * month's MonthlyReport — the very one the Reports screen shows, from
 * reports.monthlyReport — in English, Chinese or both side by side →
 * the export step (export-step.ts: the save dialog, a download in the
 * dev:web harness; the .docx written atomically; one row in the exports
 * table, kind 'report').
 *
 * Everything that can refuse the export (a draft with problems in the
 * sections the report reads, a month without monitoring data) is checked
 * before the dialog opens, so the user is never asked where to save a file
 * that will not be written.
 *
 * The report names the saved version it is on only when the working copy
 * it is computed from is exactly that version (same canonical SHA-256):
 * a report must not claim a version whose numbers might differ.
 */
import type { SavedExport } from '../../src-shared/api';
import type { Locale } from '../../src-shared/i18n';
import { asLocalizedText, displayText } from '../../src-shared/model/localized';
import { canonicalJson } from '../../src-shared/model/canonical';
import type { SlaDraft } from '../../src-shared/model/schema';
import { versionLabel } from '../../src-shared/model/version';
import type { MonthlyReport } from '../../src-shared/monitoring';
import { renderReportDocx, type ReportLanguage } from '../docx/report-docx';
import { sha256Hex } from '../sha256';
import type { DraftsService } from './drafts';
import { ServiceError } from './errors';
import type { ExportStep } from './export-step';
import { contractFileName } from './exports';
import { buildReportDocument, type ReportSource, type ReportVersion } from '../../src-shared/monitoring/report-document';
import type { ReportsService } from './reports';
import type { VersionsService } from './versions';

export { REPORT_LANGUAGES, type ReportLanguage } from '../docx/report-docx';

export interface ReportDocxInput {
  draft: Pick<SlaDraft, 'title' | 'parties'>;
  report: MonthlyReport;
  sources: ReportSource[];
  language: ReportLanguage;
  /** The saved version the report is on, its label in each language; null for a working copy or a file. */
  version?: { sha256: string; label: (locale: Locale) => string } | null;
}

/** The report as .docx bytes and their SHA-256: what the app and the command line both write. */
export async function buildReportDocx({ draft, report, sources, language, version = null }: ReportDocxInput): Promise<{ bytes: Uint8Array; sha256: string }> {
  const documentIn = (locale: Locale) => {
    const inLocale: ReportVersion | null = version ? { label: version.label(locale), sha256: version.sha256 } : null;
    return buildReportDocument({ draft, report, sources, locale, version: inLocale });
  };
  const bytes =
    language === 'bilingual'
      ? await renderReportDocx({ language, en: documentIn('en'), zh: documentIn('zh-CN') })
      : await renderReportDocx({ language, doc: documentIn(language) });
  return { bytes, sha256: sha256Hex(bytes) };
}

export interface ReportExportService {
  /** Asks where to save, writes the month's report and records it. */
  exportDocx(request: { draftId: string; month: string; language: ReportLanguage }): Promise<SavedExport>;
}

export interface ReportExportDeps {
  reports: Pick<ReportsService, 'monthlyReport' | 'monitoringData'>;
  drafts: Pick<DraftsService, 'get'>;
  versions: Pick<VersionsService, 'list' | 'get'>;
  exportStep: ExportStep;
  /** The language of the save dialog's file-type name and of the proposed file name. */
  locale: () => Locale;
  translate: (locale: Locale, key: string, params?: Record<string, string | number>) => string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The title and the parties' names as the working copy has them. Only the
 * report's own sections must be valid (reports.monthlyReport checks them);
 * a party's name still to be typed shows as "—" in the report, as on screen.
 */
function agreementOf(content: Record<string, unknown>): Pick<SlaDraft, 'title' | 'parties'> {
  const parties = isRecord(content.parties) ? content.parties : {};
  const party = (side: unknown) => {
    const record = isRecord(side) ? side : {};
    return {
      legalName: textOf(record.legalName),
      legalNameZh: textOf(record.legalNameZh),
      signatoryName: textOf(record.signatoryName),
      signatoryTitle: asLocalizedText(record.signatoryTitle),
    };
  };
  return { title: asLocalizedText(content.title), parties: { provider: party(parties.provider), customer: party(parties.customer) } } as Pick<
    SlaDraft,
    'title' | 'parties'
  >;
}

export function createReportExportService(deps: ReportExportDeps): ReportExportService {
  const t = (key: string, params?: Record<string, string | number>) => deps.translate(deps.locale(), key, params);

  return {
    async exportDocx({ draftId, month, language }) {
      // The same computation as the Reports screen: refuses a draft whose report sections have problems.
      const monthly = deps.reports.monthlyReport({ draftId, month, historyMonths: 1 });
      // A month before the term or outside the data's periods has nothing to hand the customer.
      const report = monthly.report;
      if (!report || report.monthStatus === 'beforeTerm' || report.monthStatus === 'noData') {
        throw new ServiceError('invalidInput', 'reports.errors.noDataForMonth', { month });
      }

      const working = deps.drafts.get(draftId);
      const draft = agreementOf(working.content);
      const contentHash = sha256Hex(canonicalJson(working.content));
      // A version saved by an older app is stored in its own form: it is this working copy when it reads the same today.
      const isWorkingCopy = (saved: { id: string; sha256: string }) =>
        saved.sha256 === contentHash || sha256Hex(canonicalJson(deps.versions.get(saved.id).content)) === contentHash;
      const version = [...deps.versions.list(draftId)].reverse().find(isWorkingCopy) ?? null;
      const sources: ReportSource[] = deps.reports
        .monitoringData(draftId)
        .imports.filter((summary) => summary.period !== null && summary.period.from <= month && month <= summary.period.to)
        .map((summary) => ({ fileName: summary.fileName, sha256: summary.sha256, form: summary.form, rows: summary.rows, importedAt: summary.importedAt }));

      const stem = t('reports.export.fileStem', { title: displayText(draft.title, deps.locale()).trim() || t('storage.untitledDraft'), month });
      return deps.exportStep.save({
        draftId,
        versionId: version?.id ?? null,
        kind: 'report',
        language,
        fileName: contractFileName(stem, null, language, `SLA ${month}`),
        filter: { name: t('reports.export.fileFilter'), extensions: ['docx'] },
        render: async () => {
          const built = await buildReportDocx({
            draft,
            report,
            sources,
            language,
            version: version ? { sha256: version.sha256, label: (locale) => versionLabel(version, locale) } : null,
          });
          return built.bytes;
        },
      });
    },
  };
}
