/**
 * All services on one database, built from the ports. The same object serves
 * Electron (ipc.ts), the dev:web harness, the command line and the tests.
 */
import { openStorage } from '../db';
import { createI18n, localeFromSystem, type Locale } from '../../src-shared/i18n';
import { createClauseLibrary, type ClauseLibrary } from './clause-library';
import { createDraftsService, type DraftsService } from './drafts';
import type { ServicePorts } from './ports';
import { createPresetsService, type PresetsService } from './presets';
import { createSettingsService, type SettingsService } from './settings';

export { ServiceError, isServiceError } from './errors';
export type { ClauseLibrary, TemplateSummary } from './clause-library';
export type { DraftsService } from './drafts';
export type { PresetsService } from './presets';
export type { SettingsService } from './settings';
export type { Clock, Dialogs, FileFilter, ServicePorts } from './ports';

export interface Services {
  settings: SettingsService;
  presets: PresetsService;
  drafts: DraftsService;
  clauseLibrary: ClauseLibrary;
  /** Closes the database; the services must not be used afterwards. */
  close(): void;
}

/**
 * Opens (and if needed migrates) the database. Throws DatabaseOpenError
 * (src-main/db) when the database is from a newer app or unreadable.
 */
export function createServices(ports: ServicePorts): Services {
  const storage = openStorage(ports.databasePath, { nativeBinding: ports.sqliteNativeBinding });
  const settings = createSettingsService(storage.settings);
  const presets = createPresetsService(ports.templatesDir);
  const fallbackLocale = localeFromSystem(ports.systemLocale?.replace(/_/g, '-'));
  const translators = new Map<Locale, ReturnType<typeof createI18n>>();
  const translate = (locale: Locale, key: string, params?: Record<string, string | number>): string => {
    let i18n = translators.get(locale);
    if (!i18n) {
      i18n = createI18n(locale);
      translators.set(locale, i18n);
    }
    return i18n.t(key, params);
  };

  const drafts = createDraftsService({
    repository: storage.drafts,
    presets,
    clock: ports.clock,
    dialogs: ports.dialogs,
    locale: () => settings.get().locale ?? fallbackLocale,
    translate,
  });

  const clauseLibrary = createClauseLibrary({
    dirs: ports.firmTemplatesDir ? [ports.templatesDir, ports.firmTemplatesDir] : [ports.templatesDir],
  });

  return { settings, presets, drafts, clauseLibrary, close: () => storage.close() };
}
