/**
 * The storage layer as the services see it: repositories with plain
 * TypeScript types. SQL and the driver stay inside src-main/db.
 */
import { openDatabase, type OpenDatabaseOptions } from './connection';
import { createDraftsRepository, type DraftsRepository } from './drafts-repository';
import { createSettingsRepository, type SettingsRepository } from './settings-repository';

export { DatabaseOpenError, type DatabaseOpenFailure, type OpenDatabaseOptions } from './connection';
export type { DraftListFields, DraftView, SaveOutcome, StoredDraft, StoredDraftSummary, DraftsRepository } from './drafts-repository';
export type { SettingsRepository } from './settings-repository';

export interface Storage {
  drafts: DraftsRepository;
  settings: SettingsRepository;
  close(): void;
}

export function openStorage(path: string, options?: OpenDatabaseOptions): Storage {
  const db = openDatabase(path, options);
  return {
    drafts: createDraftsRepository(db),
    settings: createSettingsRepository(db),
    close() {
      if (db.open) db.close();
    },
  };
}
