/**
 * The storage layer as the services see it: repositories with plain
 * TypeScript types. SQL and the driver stay inside src-main/db.
 */
import { backUpLiveDatabase } from './backups';
import { openDatabase, type OpenDatabaseOptions, type SqliteDatabase } from './connection';
import { lockDatabase } from './database-lock';
import { createDraftsRepository, type DraftsRepository } from './drafts-repository';
import { createExportsRepository, type ExportsRepository } from './exports-repository';
import { createMonitoringRepository, type MonitoringRepository } from './monitoring-repository';
import { createSettingsRepository, type SettingsRepository } from './settings-repository';
import { createVersionsRepository, type VersionsRepository } from './versions-repository';

export { DatabaseOpenError, isDamagedFileError, type DatabaseOpenFailure, type OpenDatabaseOptions } from './connection';
export { checkBackupFile, copyBackupIntoPlace, putDatabaseBack, removeRestoredCopy, setDatabaseAside, type BackupCheck } from './backups';
export { latestVersion as supportedDatabaseVersion } from './migrations';
export type { DraftListFields, DraftView, SaveOutcome, StoredDraft, StoredDraftSummary, DraftsRepository } from './drafts-repository';
export type { SettingsRepository } from './settings-repository';
export type { ExportKind, ExportsRepository, NewExport, StoredExport, StoredExportLanguage } from './exports-repository';
export type { MonitoringImportInsert, MonitoringRepository, StoredMonitoringData, StoredMonitoringImport } from './monitoring-repository';
export type { FreezeOutcome, NewVersion, StoredApproval, StoredVersion, StoredVersionSummary, VersionsRepository } from './versions-repository';

export interface Storage {
  drafts: DraftsRepository;
  settings: SettingsRepository;
  monitoring: MonitoringRepository;
  versions: VersionsRepository;
  exports: ExportsRepository;
  /**
   * Copies the live database to `target` with SQLite's online backup API
   * (never a file copy), while the app keeps working.
   */
  backupTo(target: string): Promise<void>;
  /**
   * Closes the database, lets `replaceFiles` change the file (a restore puts
   * a backup in its place), and opens it again — migrating it if it is
   * older. The repositories above keep working and now read the new file.
   * When `replaceFiles` or the opening fails, the storage stays closed and
   * the error is thrown: the caller puts the old file back and calls this again.
   */
  reopenAfter(replaceFiles: () => void): void;
  /** Closes the database and releases its lock. */
  close(): void;
}

type Repositories = Omit<Storage, 'backupTo' | 'reopenAfter' | 'close'>;

function repositoriesOn(db: SqliteDatabase): Repositories {
  return {
    drafts: createDraftsRepository(db),
    settings: createSettingsRepository(db),
    monitoring: createMonitoringRepository(db),
    versions: createVersionsRepository(db),
    exports: createExportsRepository(db),
  };
}

/**
 * A stand-in that passes every call on to the repository of the current
 * connection. The services keep the repositories they were given for their
 * whole life; a restore swaps the connection underneath them.
 */
function forwardingTo<T extends object>(current: () => T): T {
  return new Proxy({} as T, {
    get(_target, property) {
      const repository = current();
      const member: unknown = Reflect.get(repository, property);
      return typeof member === 'function' ? (member as (...args: unknown[]) => unknown).bind(repository) : member;
    },
  });
}

/**
 * Opens the database for this program alone: it takes the database's lock
 * (database-lock.ts) first and holds it, through restores, until close —
 * so no other SLA Studio writes into a file a restore has moved aside.
 * Throws DatabaseOpenError 'inUse' when another program holds it.
 */
export function openStorage(path: string, options: OpenDatabaseOptions = {}): Storage {
  const lock = lockDatabase(path);
  let db: SqliteDatabase;
  try {
    db = openDatabase(path, options);
  } catch (error) {
    lock.release();
    throw error;
  }
  let repositories = repositoriesOn(db);
  const forwarded = Object.fromEntries(
    Object.keys(repositories).map((name) => [name, forwardingTo(() => repositories[name as keyof Repositories])]),
  ) as unknown as Repositories;
  return {
    ...forwarded,
    backupTo: (target) => backUpLiveDatabase(db, target, options.nativeBinding),
    reopenAfter(replaceFiles) {
      if (db.open) db.close();
      replaceFiles();
      db = openDatabase(path, options);
      repositories = repositoriesOn(db);
    },
    close() {
      if (db.open) db.close();
      lock.release();
    },
  };
}
