/**
 * Opening the SQLite database: refuse a database written by a newer SLA
 * Studio without touching it, call a damaged one damaged (an empty file,
 * a foreign file, or one whose pages fail SQLite's quick_check) so that the
 * start-up offers recovery, then bring an older one up to date — after
 * copying it aside, so a failed or regretted upgrade never costs the user
 * their drafts.
 */
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { assertMigrationsOrdered, latestVersion, MIGRATIONS, type Migration } from './migrations';

export type SqliteDatabase = Database.Database;

/** tooNew: written by a newer SLA Studio; unreadable: damaged or not a database; inUse: another SLA Studio has it open. */
export type DatabaseOpenFailure = 'tooNew' | 'unreadable' | 'inUse';

/** Why the database cannot be used; the file is left exactly as it was. */
export class DatabaseOpenError extends Error {
  readonly reason: DatabaseOpenFailure;
  readonly path: string;
  /** The file's user_version, when it could be read. */
  readonly foundVersion: number | null;
  /** The newest version this app's migrations produce. */
  readonly supportedVersion: number;
  /** An errors.* key with its parameters, for the message shown to the user. */
  readonly key: string;
  readonly params: Record<string, string | number>;

  constructor(options: { reason: DatabaseOpenFailure; path: string; foundVersion: number | null; supportedVersion: number; detail?: string }) {
    const detail = options.detail ?? '';
    super(
      options.reason === 'tooNew'
        ? `Database ${options.path} has version ${options.foundVersion}; this app supports up to ${options.supportedVersion}.`
        : options.reason === 'inUse'
          ? `Database ${options.path} is in use by another SLA Studio: ${detail}`
          : `Database ${options.path} cannot be read: ${detail}`,
    );
    this.name = 'DatabaseOpenError';
    this.reason = options.reason;
    this.path = options.path;
    this.foundVersion = options.foundVersion;
    this.supportedVersion = options.supportedVersion;
    this.key = { tooNew: 'errors.databaseTooNew', unreadable: 'errors.databaseUnreadable', inUse: 'errors.databaseInUse' }[options.reason];
    this.params =
      options.reason === 'tooNew'
        ? { path: options.path, found: options.foundVersion ?? 0, supported: options.supportedVersion }
        : { path: options.path, reason: detail };
  }
}

export interface OpenDatabaseOptions {
  /** Only tests pass their own list, to exercise an upgrade. */
  migrations?: readonly Migration[];
  /** The time stamped on a pre-migration backup. */
  now?: () => Date;
  /** How long a write waits for another connection's lock before failing. */
  busyTimeoutMs?: number;
  /** Path of a better-sqlite3 native module to load instead of the default one. */
  nativeBinding?: string;
}

/** The SQLite file header: https://www.sqlite.org/fileformat.html#the_database_header */
const HEADER_MAGIC = 'SQLite format 3\u0000';
const HEADER_SIZE = 100;
const USER_VERSION_OFFSET = 60;

function unreadable(path: string, supported: number, error: unknown): DatabaseOpenError {
  return new DatabaseOpenError({
    reason: 'unreadable',
    path,
    foundVersion: null,
    supportedVersion: supported,
    detail: error instanceof Error ? error.message : String(error),
  });
}

/** What an empty database file is called: SQLite would silently take it for a new database. */
export const EMPTY_FILE_DETAIL = 'the file is empty (0 bytes)';

/**
 * The user_version of an existing file, read without SQLite: even a
 * read-only connection leaves -wal and -shm files behind for a WAL database,
 * and a refused database must stay exactly as it was. An empty file is
 * refused as unreadable: SLA Studio only ever writes a complete database, so
 * zero bytes means the drafts were lost (a failed copy, a disk that gave up),
 * and the user must be told and offered a backup, not shown an empty list.
 */
function headerUserVersion(path: string, supported: number): number {
  let header: Buffer;
  try {
    const fd = openSync(path, 'r');
    try {
      header = Buffer.alloc(HEADER_SIZE);
      const read = readSync(fd, header, 0, HEADER_SIZE, 0);
      if (read === 0) throw new Error(EMPTY_FILE_DETAIL);
      if (read < HEADER_SIZE) throw new Error('file is not a database');
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    // A permission or I/O error says nothing about the file's contents.
    if ((error as { code?: unknown }).code !== undefined) throw error;
    throw unreadable(path, supported, error);
  }
  if (header.toString('latin1', 0, HEADER_MAGIC.length) !== HEADER_MAGIC) {
    throw unreadable(path, supported, new Error('file is not a database'));
  }
  return header.readUInt32BE(USER_VERSION_OFFSET);
}

/**
 * After a crash the newest header may still be in the write-ahead log, not
 * in the file: then ask SQLite, read-only (the -wal and -shm files already exist).
 */
function walUserVersion(path: string, supported: number, busyTimeoutMs: number, nativeBinding?: string): number | null {
  const wal = `${path}-wal`;
  if (!existsSync(wal) || statSync(wal).size === 0) return null;
  let probe: SqliteDatabase | null = null;
  try {
    probe = new Database(path, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs, ...(nativeBinding ? { nativeBinding } : {}) });
    return Number(probe.pragma('user_version', { simple: true }));
  } catch (error) {
    if (isDamagedFileError(error)) throw unreadable(path, supported, error);
    throw error;
  } finally {
    probe?.close();
  }
}

const DAMAGED_FILE_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_INDEX']);

/** SQLite's answer when a page of the file is damaged or the file is not a database, whenever it comes. */
export function isDamagedFileError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && DAMAGED_FILE_CODES.has(code);
}

function backupStamp(date: Date): string {
  // 2025-03-01T09:15:02.123Z → 20250301T091502Z: sortable, valid in every file system.
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

function backupPathFor(path: string, targetVersion: number, date: Date): string {
  const base = `${path}.pre-v${targetVersion}-${backupStamp(date)}`;
  let candidate = `${base}.bak`;
  for (let n = 2; existsSync(candidate); n++) candidate = `${base}-${n}.bak`;
  return candidate;
}

/**
 * Open (or create) the database at `path`, up to date with the migrations.
 * Throws DatabaseOpenError when the file is from a newer app or is not a
 * database; any other error is a bug or a broken disk.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): SqliteDatabase {
  const migrations = options.migrations ?? MIGRATIONS;
  assertMigrationsOrdered(migrations);
  const supported = latestVersion(migrations);

  const busyTimeoutMs = Math.trunc(options.busyTimeoutMs ?? 5000);
  const exists = existsSync(path);
  const tooNew = (found: number) => new DatabaseOpenError({ reason: 'tooNew', path, foundVersion: found, supportedVersion: supported });
  if (exists) {
    // Before the log is looked at: an empty file beside a log must not be replayed into a new database.
    const header = headerUserVersion(path, supported);
    const found = walUserVersion(path, supported, busyTimeoutMs, options.nativeBinding) ?? header;
    if (found > supported) throw tooNew(found);
  } else {
    mkdirSync(dirname(path), { recursive: true });
  }

  let db: SqliteDatabase | null = null;
  let openedVersion: number;
  try {
    // The same wait for a lock as busy_timeout below: the first read may already meet a lock.
    db = new Database(path, { timeout: busyTimeoutMs, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
    // Reading the schema is the first thing that fails on a damaged file.
    db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get();
    openedVersion = Number(db.pragma('user_version', { simple: true }));
    // A damaged page elsewhere would otherwise surface only when a write reaches it, as an error on
    // every save. quick_check reads every page once (it does not compare indexes with their tables,
    // as integrity_check does): for 10,000 drafts (160 MB) 0.2 s on a quiet two-core machine, up to a
    // few seconds under heavy load — and the damage is found now, when recovery can be offered.
    const problems = (db.pragma('quick_check(3)') as { quick_check: string }[]).map((row) => row.quick_check);
    if (problems.length !== 1 || problems[0] !== 'ok') throw unreadable(path, supported, new Error(`database disk image is malformed: ${problems.join('; ')}`));
  } catch (error) {
    db?.close();
    // Only a damaged or foreign file is "unreadable"; a locked file, a missing
    // permission or a native module built for another runtime is not the
    // file's fault and must never lead the user to set a good database aside.
    if (isDamagedFileError(error)) throw unreadable(path, supported, error);
    throw error;
  }
  if (openedVersion > supported) {
    // Nothing was written yet, so closing leaves the file as it was.
    db.close();
    throw tooNew(openedVersion);
  }
  try {
    // Every write transaction here and in the repositories begins IMMEDIATE (db.transaction(fn).immediate):
    // it takes the write lock at BEGIN, where busy_timeout waits for another writer, instead of
    // reading first and failing with SQLITE_BUSY when another connection committed in between.
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    db.pragma('journal_mode = WAL');
    // Durability, argued (and tested by durability.test.ts, which SIGKILLs a writer 50 times):
    // in WAL mode a commit appends its pages to the -wal file. With NORMAL the log is
    // flushed to the disk only at checkpoints, not at every commit; a commit that returned
    // is in the operating system's file cache, which survives the app crashing or being
    // killed — the next open replays the log — but not a power cut or an OS crash, which
    // may roll back the last commits (never corrupt the file). That is the right trade for
    // an autosave, which runs every few seconds of typing and must stay in the low
    // milliseconds. A saved version is what is sent to a customer or signed, so
    // versions-repository.ts commits it under FULL (the log is flushed before the commit
    // returns) and the app acknowledges it only afterwards. Set explicitly: SQLite's
    // compiled-in default differs between a new file (FULL) and a reopened WAL file (NORMAL).
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, path, migrations, options.now ?? (() => new Date()));
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(db: SqliteDatabase, path: string, migrations: readonly Migration[], now: () => Date): void {
  const current = Number(db.pragma('user_version', { simple: true }));
  const pending = migrations.filter((migration) => migration.version > current);
  if (pending.length === 0) return;

  const hasSchema = Number(db.prepare('SELECT count(*) AS n FROM sqlite_schema').pluck().get()) > 0;
  if (hasSchema) {
    // VACUUM INTO takes a consistent copy (WAL included) synchronously, so
    // opening stays synchronous; it refuses to overwrite an existing file.
    const target = latestVersion(migrations);
    db.prepare('VACUUM INTO ?').run(backupPathFor(path, target, now()));
  }

  for (const migration of pending) {
    db.transaction(() => {
      db.exec(migration.sql);
      // PRAGMA takes no bound parameters; the version is an integer from our own list.
      db.pragma(`user_version = ${Math.trunc(migration.version)}`);
    }).immediate();
  }
}

/** The version a database file is at, or null when it cannot be read; for tests and diagnostics. */
export function readUserVersion(path: string): number | null {
  try {
    const probe = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return Number(probe.pragma('user_version', { simple: true }));
    } finally {
      probe.close();
    }
  } catch {
    return null;
  }
}
