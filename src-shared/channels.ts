/**
 * The names of every request the renderer can make of the main process,
 * each "<service>.<request>": the part before the dot is the service that
 * answers it (src-main/api-handlers.ts binds each to a call of
 * `services.<service>`). Kept free of any library so that the sandboxed
 * preload can bundle it; the schemas for each channel are in api.ts, which
 * must cover exactly these.
 */
export const CHANNELS = [
  'settings.get',
  'settings.setLocale',
  'presets.list',
  'drafts.list',
  'drafts.create',
  'drafts.get',
  'drafts.save',
  'drafts.duplicate',
  'drafts.trash',
  'drafts.restore',
  'drafts.import',
  'clauseLibrary.list',
  'clauseLibrary.get',
  'translations.suggest',
  'versions.list',
  'versions.get',
  'versions.save',
  'versions.restore',
  'versions.markAgreed',
  'versions.markSigned',
  'versions.defaultAuthor',
  'versions.startAmendment',
  'reports.listMonitoringImports',
  'reports.importMonitoringText',
  'reports.importMonitoringFile',
  'reports.monitoringImportStatus',
  'reports.cancelMonitoringImport',
  'reports.deleteMonitoringImport',
  'reports.setMonitoringImportPeriod',
  'reports.monthly',
  'reportExport.docx',
  'redlines.export',
  'exports.contract',
  'exports.draftFile',
  'exports.showInFolder',
  'exports.list',
  'exports.importDocx',
  'backups.list',
  'backups.create',
  'backups.restore',
] as const;

export type Channel = (typeof CHANNELS)[number];

/** The one message main sends the renderer unasked: a command of the application menu. */
export const MENU_COMMAND_CHANNEL = 'menu-command';

/** Commands the application menu sends to the renderer. */
export const MENU_COMMANDS = ['newDraft', 'importDraft', 'exportDraft', 'undo', 'redo', 'setLocale:en', 'setLocale:zh-CN'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isChannel(value: unknown): value is Channel {
  return (CHANNELS as readonly unknown[]).includes(value);
}
