/**
 * The storage failures a user can act on, said as what happened instead of
 * errors.internal: a damaged database (SQLite finds a corrupted page, or the
 * file is no longer a database) and a full disk (SQLite's SQLITE_FULL, the
 * file system's ENOSPC or an exhausted quota). Every repository call the
 * services make passes through guardStorage, so a failure met at any time —
 * an autosave, a version, an import — reaches the user as one of these.
 */
import { isDamagedFileError, type Storage } from '../db';
import { ServiceError } from './errors';

const DISK_FULL_CODES = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT']);

export function isDiskFullError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && DISK_FULL_CODES.has(code);
}

/**
 * errors.databaseDamaged (restarting offers to restore a backup: the
 * start-up check finds the damage) or errors.diskFull; null for any other
 * error, which stays what it was.
 */
export function storageFailure(error: unknown): ServiceError | null {
  const detail = error instanceof Error ? error.message : String(error);
  if (isDamagedFileError(error)) return new ServiceError('internal', 'errors.databaseDamaged', { detail });
  if (isDiskFullError(error)) return new ServiceError('internal', 'errors.diskFull', { detail });
  return null;
}

/** The repository, its failures answered as storageFailure says. */
export function answeringStorageFailures<T extends object>(repository: T): T {
  return new Proxy(repository, {
    get(target, property, receiver) {
      const member: unknown = Reflect.get(target, property, receiver);
      if (typeof member !== 'function') return member;
      return (...args: unknown[]) => {
        try {
          return (member as (...args: unknown[]) => unknown).apply(target, args);
        } catch (error) {
          throw storageFailure(error) ?? error;
        }
      };
    },
  });
}

/** The storage with every repository call answering a damaged database or a full disk as a ServiceError. */
export function guardStorage(storage: Storage): Storage {
  return {
    drafts: answeringStorageFailures(storage.drafts),
    settings: answeringStorageFailures(storage.settings),
    monitoring: answeringStorageFailures(storage.monitoring),
    versions: answeringStorageFailures(storage.versions),
    exports: answeringStorageFailures(storage.exports),
    backupTo: (target) => storage.backupTo(target),
    reopenAfter: (replaceFiles) => storage.reopenAfter(replaceFiles),
    close: () => storage.close(),
  };
}
