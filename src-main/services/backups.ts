/**
 * Backups of the SLA database: one automatically at start when the newest
 * backup is more than a day old (the last seven automatic ones are kept),
 * one whenever the user asks, and Restore, which puts a backup in place of
 * the live database.
 *
 * A backup is a complete SQLite file in the backups folder beside the
 * database, named for its kind and time: `auto-20250601T091502Z.sqlite`.
 * Rotation deletes only old automatic backups — never a backup the user
 * made, and never a database. Restoring never deletes either: the database
 * it replaces is renamed `<db>.before-restore-<time>` and stays beside it.
 */
import { closeSync, mkdirSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkBackupFile, copyBackupIntoPlace, putDatabaseBack, removeRestoredCopy, setDatabaseAside, supportedDatabaseVersion, type Storage } from '../db';
import type { BackupSummary } from '../../src-shared/api';
import { ServiceError } from './errors';
import { storageFailure } from './storage-failures';
import type { Clock } from './ports';

export type BackupKind = 'auto' | 'manual';

/** One backup file, as the list shows it. */
export interface BackupEntry {
  /** The file name: what the renderer names a backup by (never a path). */
  id: string;
  kind: BackupKind;
  /** When it was taken, ISO 8601 UTC (from the file name, which a copy keeps). */
  createdAt: string;
  bytes: number;
  path: string;
}

/** What the renderer is told about a backup: no path, only what the list shows. */
export function backupSummary(entry: BackupEntry): BackupSummary {
  return { id: entry.id, kind: entry.kind, createdAt: entry.createdAt, bytes: entry.bytes };
}

/** Automatic backups kept: a week of daily ones. */
export const KEPT_AUTOMATIC_BACKUPS = 7;
/** An automatic backup is taken at start when the newest backup is older than this. */
export const AUTOMATIC_BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000;

const BACKUP_FILE_NAME = /^(auto|manual)-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z(?:-(\d{1,4}))?\.sqlite$/;

/** 2025-06-01T09:15:02.123Z → 20250601T091502Z: sortable, and valid in every file system. */
export function fileStamp(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

export function isBackupId(value: string): boolean {
  return BACKUP_FILE_NAME.test(value);
}

function entryOf(backupsDir: string, fileName: string): BackupEntry | null {
  const match = BACKUP_FILE_NAME.exec(fileName);
  if (!match) return null;
  const [, kind, year, month, day, hour, minute, second, counter] = match;
  const path = join(backupsDir, fileName);
  let bytes: number;
  try {
    const info = statSync(path);
    // Empty: a name reserved by a backup still being written (or one interrupted), not a backup.
    if (!info.isFile() || info.size === 0) return null;
    bytes = info.size;
  } catch {
    return null;
  }
  // A second backup within the same second gets -2, -3…: a millisecond apiece keeps them in order.
  const createdAt = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), Number(counter ?? 1) - 1));
  if (Number.isNaN(createdAt.getTime())) return null;
  return { id: fileName, kind: kind as BackupKind, createdAt: createdAt.toISOString(), bytes, path };
}

/** The backups in a folder, newest first; files of any other name are not backups and are left alone. */
export function listBackups(backupsDir: string): BackupEntry[] {
  let names: string[];
  try {
    names = readdirSync(backupsDir);
  } catch {
    return [];
  }
  return names
    .map((name) => entryOf(backupsDir, name))
    .filter((entry): entry is BackupEntry => entry !== null)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

/** The backups folder SLA Studio uses for a database: `backups` beside it. */
export function backupsDirFor(databasePath: string): string {
  return join(dirname(databasePath), 'backups');
}

function sizeOf(path: string): number | null {
  try {
    return statSync(path).size;
  } catch {
    return null;
  }
}

/**
 * A name no other backup has or will get: the file is created exclusively
 * (O_EXCL), empty, and the finished copy is renamed over it. Two backups in
 * the same second — by this app or another program on the same folder —
 * never write into one file. An empty file is never listed as a backup.
 */
function reserveBackupPath(backupsDir: string, kind: BackupKind, now: string): string {
  mkdirSync(backupsDir, { recursive: true });
  const stem = `${kind}-${fileStamp(now)}`;
  for (let n = 1; ; n++) {
    const candidate = join(backupsDir, n === 1 ? `${stem}.sqlite` : `${stem}-${n}.sqlite`);
    try {
      closeSync(openSync(candidate, 'wx'));
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw storageFailure(error) ?? error;
    }
  }
}

export interface RestoreOutcome {
  restored: BackupEntry;
  /** Where the database that was replaced now is: `<db>.before-restore-<time>`. */
  setAsidePath: string | null;
}

export interface BackupsService {
  /** The backups folder. */
  readonly folder: string;
  /** Newest first. */
  list(): BackupEntry[];
  /** "Back up now": a backup the user asked for; rotation never deletes it. */
  create(): Promise<BackupEntry>;
  /**
   * At start: an automatic backup when the newest backup (of either kind)
   * is older than a day or there is none; then only the newest seven
   * automatic backups are kept. Null when none was due.
   */
  backUpIfDue(): Promise<BackupEntry | null>;
  /**
   * Puts the backup in place of the live database, keeping the replaced file beside it. No other
   * SLA Studio can be writing into the file moved aside: the database's lock (db/database-lock.ts)
   * keeps every other program from opening it while this one runs.
   */
  restore(id: string): Promise<RestoreOutcome>;
}

export interface BackupsServiceDeps {
  databasePath: string;
  backupsDir: string;
  clock: Clock;
  /** The live database: backed up through SQLite, and closed and reopened around a restore. */
  storage: Pick<Storage, 'backupTo' | 'reopenAfter'>;
  nativeBinding?: string;
}

export function createBackupsService(deps: BackupsServiceDeps): BackupsService {
  const { databasePath, backupsDir, clock } = deps;

  // One backup or restore at a time: a restore must not close the database under a running backup.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const backUp = async (kind: BackupKind): Promise<BackupEntry> => {
    const target = reserveBackupPath(backupsDir, kind, clock.now());
    try {
      await deps.storage.backupTo(target);
    } catch (error) {
      // The placeholder that reserved the name, unless the copy already took its place.
      if (sizeOf(target) === 0) rmSync(target, { force: true });
      throw (
        storageFailure(error) ?? new ServiceError('internal', 'backups.errors.backupFailed', { detail: error instanceof Error ? error.message : String(error) })
      );
    }
    const entry = entryOf(backupsDir, target.slice(backupsDir.length + 1));
    if (!entry) throw new Error(`The backup ${target} was written but cannot be listed.`);
    return entry;
  };

  const rotate = (): void => {
    const automatic = listBackups(backupsDir).filter((entry) => entry.kind === 'auto');
    for (const old of automatic.slice(KEPT_AUTOMATIC_BACKUPS)) rmSync(old.path, { force: true });
  };

  const restoreNow = (id: string): RestoreOutcome => {
    const entry = isBackupId(id) ? listBackups(backupsDir).find((candidate) => candidate.id === id) : undefined;
    if (!entry) throw new ServiceError('notFound', 'backups.errors.notFound', { id });
    const check = checkBackupFile(entry.path, deps.nativeBinding);
    if (!check.intact) throw new ServiceError('invalidFile', 'backups.errors.damaged', { id, detail: check.detail });
    const supported = supportedDatabaseVersion();
    if (check.userVersion !== null && check.userVersion > supported) {
      throw new ServiceError('invalidFile', 'backups.errors.tooNew', { id, found: check.userVersion, supported });
    }

    const swap: { setAsidePath: string | null } = { setAsidePath: null };
    try {
      deps.storage.reopenAfter(() => {
        swap.setAsidePath = setDatabaseAside(databasePath, `before-restore-${fileStamp(clock.now())}`);
        copyBackupIntoPlace(entry.path, databasePath);
      });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      const aside = swap.setAsidePath;
      try {
        // Put the user's database back exactly as it was, so a failed restore changes nothing.
        deps.storage.reopenAfter(() => {
          if (aside === null) return;
          removeRestoredCopy(databasePath);
          putDatabaseBack(aside, databasePath);
        });
      } catch (rollbackError) {
        // The database could not be reopened either: say where the user's file is, untouched.
        throw new ServiceError('internal', 'backups.errors.restoreFailedKeptAside', {
          id,
          path: aside ?? databasePath,
          detail: rollbackError instanceof Error ? rollbackError.message : String(rollbackError),
        });
      }
      throw new ServiceError('internal', 'backups.errors.restoreFailed', { id, detail });
    }
    return { restored: entry, setAsidePath: swap.setAsidePath };
  };

  return {
    folder: backupsDir,
    list: () => listBackups(backupsDir),
    create: () => serially(() => backUp('manual')),
    backUpIfDue: () =>
      serially(async () => {
        const newest = listBackups(backupsDir)[0];
        const due = !newest || Date.parse(clock.now()) - Date.parse(newest.createdAt) >= AUTOMATIC_BACKUP_INTERVAL_MS;
        if (!due) return null;
        const entry = await backUp('auto');
        rotate();
        return entry;
      }),
    // The swap itself is synchronous: no request is served between closing the database and reopening it.
    restore: (id) => serially(async () => restoreNow(id)),
  };
}
