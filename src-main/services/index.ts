/**
 * All services on one database, built from the ports. The same object serves
 * Electron (ipc.ts), the dev:web harness, the command line and the tests.
 */
import { dirname } from 'node:path';
import { openStorage } from '../db';
import { readDraftPart } from '../docx/draft-part';
import { localeFromSystem, translatorFor, type Locale } from '../../src-shared/i18n';
import { backupsDirFor, createBackupsService, type BackupsService } from './backups';
import { createTranslationsService, type TranslationsService } from './translations';
import { createClauseLibrary, type ClauseLibrary } from './clause-library';
import { createContractExportService } from './contract-export';
import { createDraftsService, type DraftsService } from './drafts';
import { createExportStep } from './export-step';
import { readSealKey, sealerFor, sealKey } from './export-seal';
import { createExportsService, type ExportsService } from './exports';
import type { ServicePorts } from './ports';
import { contractCheckProblems } from './contract-check';
import { playbookApprovalsNeeded } from './playbook';
import { createPresetsService, type PresetsService } from './presets';
import { createRedlineActionService, createRedlineExportService, type RedlineActionService } from './redline-export';
import { createReportExportService, type ReportExportService } from './report-export';
import { createReportsService, type ReportsService } from './reports';
import { createSettingsService, type SettingsService } from './settings';
import { guardStorage } from './storage-failures';
import { createVersionsService, type VersionsService } from './versions';

export { ServiceError, isServiceError } from './errors';
export { backupSummary, type BackupEntry, type BackupsService, type RestoreOutcome } from './backups';
export type { ClauseLibrary, TemplateSummary } from './clause-library';
export type { DraftsService } from './drafts';
export type { ExportsService } from './exports';
export type { PresetsService } from './presets';
export type { RedlineActionResult, RedlineActionService } from './redline-export';
export type { ImportJobStatus, MonitoringImportSummary, MonthlyReportResult, ReportsService } from './reports';
export type { ReportExportService } from './report-export';
export type { SettingsService } from './settings';
export type { VersionsService } from './versions';
export type { Clock, Dialogs, FileFilter, ServicePorts } from './ports';

export interface Services {
  settings: SettingsService;
  presets: PresetsService;
  drafts: DraftsService;
  /** Monitoring imports and monthly reports. */
  reports: ReportsService;
  /** The monthly report as .docx, recorded in the exports table. */
  reportExport: ReportExportService;
  versions: VersionsService;
  clauseLibrary: ClauseLibrary;
  /** Translations the user wrote before, offered for a text still missing its other language. */
  translations: TranslationsService;
  /** Contract export, the exports record, and importing a draft from a contract. */
  exports: ExportsService;
  /** The compare screen's redline .docx (tracked changes), recorded in the exports table. */
  redlines: RedlineActionService;
  /** Backups of the database: automatic, on request, and Restore. */
  backups: BackupsService;
  /** Closes the database; the services must not be used afterwards. */
  close(): void;
}

/**
 * Opens (and if needed migrates) the database. Throws DatabaseOpenError
 * (src-main/db) when the database is from a newer app, unreadable (damaged,
 * empty, failing its check) or in use by another SLA Studio. Later, a
 * damaged database or a full disk reaches the user as errors.databaseDamaged
 * or errors.diskFull (storage-failures.ts).
 */
export function createServices(ports: ServicePorts): Services {
  const storage = guardStorage(openStorage(ports.databasePath, { nativeBinding: ports.sqliteNativeBinding }));
  const settings = createSettingsService(storage.settings);
  const presets = createPresetsService(ports.templatesDir);
  const fallbackLocale = localeFromSystem(ports.systemLocale);
  const translate = (locale: Locale, key: string, params?: Record<string, string | number>): string => translatorFor(locale)(key, params);

  const drafts = createDraftsService({
    repository: storage.drafts,
    presets,
    clock: ports.clock,
    dialogs: ports.dialogs,
    locale: () => settings.get().locale ?? fallbackLocale,
    translate,
  });

  const versions = createVersionsService({
    versions: storage.versions,
    drafts: storage.drafts,
    draftsService: drafts,
    settings: storage.settings,
    clock: ports.clock,
    locale: () => settings.get().locale ?? fallbackLocale,
    translate,
    // The playbook of the draft's own template decides, computed here from the content — never the client's list.
    findingsNeedingApproval: (draft) => playbookApprovalsNeeded(clauseLibrary, draft),
    contractProblems: (draft) => contractCheckProblems(clauseLibrary, draft, settings.get().locale ?? fallbackLocale, translate),
  });

  const reports = createReportsService({
    monitoring: storage.monitoring,
    drafts: storage.drafts,
    clock: ports.clock,
    dialogs: ports.dialogs,
    locale: () => settings.get().locale ?? fallbackLocale,
    translate,
  });

  // The export seal's key lives beside the database, outside the backups folder (export-seal.ts).
  const sealFolder = ports.sealKeyDir ?? dirname(ports.databasePath);

  const clauseLibrary = createClauseLibrary({
    dirs: ports.firmTemplatesDir ? [ports.templatesDir, ports.firmTemplatesDir] : [ports.templatesDir],
  });

  // Every document the app saves for a draft goes through this one step: dialog, atomic write, exports row.
  const exportStep = createExportStep({ exports: storage.exports, dialogs: ports.dialogs, clock: ports.clock });

  const exports = createExportsService({
    exports: storage.exports,
    drafts,
    versions,
    contractExport: createContractExportService({ clauseLibrary, clock: ports.clock, sealer: async () => sealerFor(await sealKey(sealFolder)) }),
    exportStep,
    dialogs: ports.dialogs,
    locale: () => settings.get().locale ?? fallbackLocale,
    translate,
    readDraftPart: ports.readDraftPart ?? readDraftPart,
    sealKey: () => readSealKey(sealFolder),
  });

  const reportExport = createReportExportService({
    reports,
    drafts,
    versions,
    exportStep,
    locale: () => settings.get().locale ?? fallbackLocale,
    translate,
  });

  const redlines = createRedlineActionService({
    redline: createRedlineExportService({ clauseLibrary, clock: ports.clock }),
    drafts,
    versions,
    exportStep,
    locale: () => settings.get().locale ?? fallbackLocale,
    translate,
  });

  const backups = createBackupsService({
    databasePath: ports.databasePath,
    backupsDir: ports.backupsDir ?? backupsDirFor(ports.databasePath),
    clock: ports.clock,
    storage,
    nativeBinding: ports.sqliteNativeBinding,
  });

  const translations = createTranslationsService({
    drafts: storage.drafts,
    versions: storage.versions,
    clauseLibrary,
    locale: () => settings.get().locale ?? fallbackLocale,
    translate,
  });

  return { settings, presets, drafts, reports, reportExport, versions, clauseLibrary, translations, exports, redlines, backups, close: () => storage.close() };
}
