/**
 * The file side of backups and recovery: copying the live database with
 * SQLite's online backup API, checking a backup before it is trusted, and
 * moving a database file (with its -wal and -shm) aside or into place.
 *
 * Two rules hold everywhere here. A live database is never copied as a
 * file: a copy taken while SQLite writes can mix pages of two transactions,
 * and the newest commits may sit in the -wal beside it. And no database
 * file is ever deleted: one that is replaced is renamed, and stays next to
 * the new one until the user removes it.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, copyFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { SqliteDatabase } from './connection';

/** The files SQLite keeps beside a database: its write-ahead log and shared-memory index, or a rollback journal. */
const COMPANION_SUFFIXES = ['-wal', '-shm', '-journal'] as const;

/** Flushes a file, or a folder's entries after a rename, to the disk. */
function syncToDisk(path: string, isFolder = false): void {
  // Windows cannot open a folder for fsync; renames there are made durable by the file system itself.
  if (isFolder && process.platform === 'win32') return;
  let fd: number | null = null;
  try {
    fd = openSync(path, isFolder ? 'r' : 'r+');
    fsyncSync(fd);
  } catch (error) {
    // Some file systems refuse fsync on a folder; the file itself was synced.
    if (!isFolder) throw error;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

function removeWithCompanions(path: string): void {
  for (const suffix of ['', ...COMPANION_SUFFIXES]) rmSync(`${path}${suffix}`, { force: true });
}

/**
 * Copies the live database to `target` with SQLite's online backup API,
 * which reads a consistent snapshot — the write-ahead log included — while
 * the app keeps working. The copy is turned into a self-contained file (no
 * -wal: opening it later leaves nothing beside it), checked, flushed to
 * disk, and only then given its name: a half-written backup never looks
 * like a backup. `target` is free, or an empty file the caller created
 * exclusively to reserve the name (services/backups.ts): the copy replaces
 * it, and its temporary name, derived from the target's, is then ours alone.
 */
export async function backUpLiveDatabase(db: SqliteDatabase, target: string, nativeBinding?: string): Promise<void> {
  mkdirSync(dirname(target), { recursive: true });
  const partial = join(dirname(target), `.${basename(target)}.partial`);
  // Only a leftover of an interrupted backup can have this name.
  removeWithCompanions(partial);
  try {
    await db.backup(partial);
    const copy = new Database(partial, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    try {
      copy.pragma('journal_mode = DELETE');
      const check = String(copy.pragma('quick_check', { simple: true }));
      if (check !== 'ok') throw new Error(`The backup copy failed its check: ${check}`);
    } finally {
      copy.close();
    }
    syncToDisk(partial);
    renameSync(partial, target);
    syncToDisk(dirname(target), true);
  } catch (error) {
    removeWithCompanions(partial);
    throw error;
  }
}

export interface BackupCheck {
  /** The schema version the backup is at (PRAGMA user_version); null when it could not be read. */
  userVersion: number | null;
  /** True when SQLite's integrity check found nothing wrong. */
  intact: boolean;
  /** SQLite's own words when the file is not intact. */
  detail: string;
}

/**
 * Opens a backup read-only and runs the full integrity check: a backup is
 * put in place of the user's database only when SQLite vouches for every
 * page of it. Never throws for a bad file; the answer says what is wrong.
 */
export function checkBackupFile(path: string, nativeBinding?: string): BackupCheck {
  let probe: SqliteDatabase | null = null;
  try {
    probe = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const userVersion = Number(probe.pragma('user_version', { simple: true }));
    const problems = (probe.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
    const intact = problems.length === 1 && problems[0] === 'ok';
    return { userVersion, intact, detail: intact ? '' : problems.slice(0, 3).join('; ') };
  } catch (error) {
    return { userVersion: null, intact: false, detail: error instanceof Error ? error.message : String(error) };
  } finally {
    probe?.close();
  }
}

/** `<db>.<label>`, or `<db>.<label>-2`… when that name is taken: set-aside files never overwrite each other. */
function freeAsidePath(databasePath: string, label: string): string {
  const taken = (candidate: string) => ['', ...COMPANION_SUFFIXES].some((suffix) => existsSync(`${candidate}${suffix}`));
  let candidate = `${databasePath}.${label}`;
  for (let n = 2; taken(candidate); n++) candidate = `${databasePath}.${label}-${n}`;
  return candidate;
}

/**
 * Renames the database and its companion files to `<db>.<label>` (and
 * `<db>.<label>-wal`…), so that SQLite, pointed at the new name, still finds
 * the log that belongs to it. The database must be closed. Returns the new
 * path of the database file, or null when there was nothing to move.
 */
export function setDatabaseAside(databasePath: string, label: string): string | null {
  if (!['', ...COMPANION_SUFFIXES].some((suffix) => existsSync(`${databasePath}${suffix}`))) return null;
  const aside = freeAsidePath(databasePath, label);
  const moved: string[] = [];
  try {
    // The log before the database (and back in the opposite order): if this stops midway, the
    // database path holds at worst a consistent older state, never a stray log that SQLite
    // would replay into a new, empty database.
    for (const suffix of [...COMPANION_SUFFIXES, '']) {
      if (!existsSync(`${databasePath}${suffix}`)) continue;
      renameSync(`${databasePath}${suffix}`, `${aside}${suffix}`);
      moved.push(suffix);
    }
  } catch (error) {
    // Half a move is worse than none: the database must keep its own log.
    for (const suffix of moved.reverse()) renameSync(`${aside}${suffix}`, `${databasePath}${suffix}`);
    throw error;
  }
  syncToDisk(dirname(databasePath), true);
  return aside;
}

/** Undoes setDatabaseAside: the set-aside files take the database's name again (nothing may be there). */
export function putDatabaseBack(asidePath: string, databasePath: string): void {
  for (const suffix of ['', ...COMPANION_SUFFIXES]) {
    if (existsSync(`${databasePath}${suffix}`)) throw new Error(`${databasePath}${suffix} is in the way of putting the database back.`);
  }
  for (const suffix of ['', ...COMPANION_SUFFIXES]) {
    if (existsSync(`${asidePath}${suffix}`)) renameSync(`${asidePath}${suffix}`, `${databasePath}${suffix}`);
  }
  syncToDisk(dirname(databasePath), true);
}

/**
 * Puts a copy of a backup (a closed, checked file — never a live database)
 * where the database belongs: copied under a temporary name, flushed, then
 * renamed, so the database path only ever holds a complete file. Nothing
 * may be at the database path (set it aside first).
 */
export function copyBackupIntoPlace(backupPath: string, databasePath: string): void {
  for (const suffix of ['', ...COMPANION_SUFFIXES]) {
    if (existsSync(`${databasePath}${suffix}`)) throw new Error(`${databasePath}${suffix} must be set aside before a backup is put in its place.`);
  }
  mkdirSync(dirname(databasePath), { recursive: true });
  const partial = join(dirname(databasePath), `.${basename(databasePath)}.restoring`);
  removeWithCompanions(partial);
  try {
    copyFileSync(backupPath, partial);
    syncToDisk(partial);
    renameSync(partial, databasePath);
    syncToDisk(dirname(databasePath), true);
  } catch (error) {
    removeWithCompanions(partial);
    throw error;
  }
}

/**
 * Removes a copy that copyBackupIntoPlace put at the database path and that
 * then could not be opened. Only for that: the backup it came from is still
 * in the backups folder, so nothing of the user's is lost.
 */
export function removeRestoredCopy(databasePath: string): void {
  removeWithCompanions(databasePath);
}
