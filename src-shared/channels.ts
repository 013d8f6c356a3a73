/**
 * The names of every request the renderer can make of the main process.
 * Kept free of any library so that the sandboxed preload can bundle it; the
 * schemas for each channel are in api.ts, which must cover exactly these.
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
  'drafts.exportJson',
  'templates.list',
  'templates.get',
  'versions.list',
  'versions.get',
  'versions.save',
  'versions.restore',
  'versions.markAgreed',
  'versions.markSigned',
  'versions.defaultAuthor',
  'drafts.startAmendment',
  'monitoring.list',
  'monitoring.importText',
  'monitoring.importFile',
  'monitoring.importStatus',
  'monitoring.cancelImport',
  'monitoring.delete',
  'reports.monthly',
  'reports.exportDocx',
  'contract.export',
  'contract.showInFolder',
  'redline.export',
  'exports.list',
  'drafts.importDocx',
  'backups.list',
  'backups.create',
  'backups.restore',
] as const;

export type Channel = (typeof CHANNELS)[number];

/** Commands the application menu sends to the renderer. */
export const MENU_COMMANDS = ['newDraft', 'importDraft', 'exportDraft', 'setLocale:en', 'setLocale:zh-CN'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isChannel(value: unknown): value is Channel {
  return (CHANNELS as readonly unknown[]).includes(value);
}
