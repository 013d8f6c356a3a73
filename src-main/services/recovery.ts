/**
 * Starting on a database that cannot be opened. What happens depends on why:
 *
 * - The file is damaged (a page fails SQLite's quick_check), empty, or not a
 *   database: the user chooses — restore the
 *   newest backup, start with an empty database, or quit. Whichever they
 *   choose, the damaged file is renamed `<db>.damaged-<time>` and kept;
 *   nothing is ever overwritten or deleted, and quitting changes nothing.
 * - The file is from a newer SLA Studio: it is refused and left exactly as
 *   it is; there is nothing to choose (installing the newer version is the fix).
 * - Another SLA Studio has it open (its lock file, db/database-lock.ts): the
 *   user is told which, and this one stops without touching anything.
 * - The file cannot be opened for a reason that is not its own fault (locked
 *   by another program, no permission, a full disk — which is named as
 *   such): the user is told, and nothing is offered that would set a good
 *   database aside.
 * - Anything else thrown while opening is a bug and is thrown on, untouched.
 *
 * The choice comes from a port: a native dialog in Electron
 * (src-main/electron/recovery-dialog.ts), a scripted answer in tests.
 */
import { DatabaseOpenError, checkBackupFile, copyBackupIntoPlace, putDatabaseBack, setDatabaseAside, supportedDatabaseVersion } from '../db';
import { fileStamp, listBackups, type BackupEntry } from './backups';
import { isDiskFullError } from './storage-failures';
import type { Clock } from './ports';

export type RecoveryChoice = 'restoreBackup' | 'startEmpty' | 'quit';

/** What the user is asked about when the database is damaged. */
export interface DamagedDatabase {
  databasePath: string;
  /** SQLite's own words ("file is not a database"), for support. */
  reason: string;
  /** The newest backup not yet tried; null when there is none left. */
  backup: BackupEntry | null;
  backupsDir: string;
}

export type StartupNotice =
  /** Refused and untouched: made by a newer SLA Studio. */
  | { kind: 'tooNew'; databasePath: string; found: number | null; supported: number }
  /** Another SLA Studio holds the database's lock: untouched. */
  | { kind: 'inUse'; databasePath: string; detail: string }
  /** Not the file's fault (locked, no permission…): untouched. */
  | { kind: 'cannotOpen'; databasePath: string; detail: string }
  /** The disk is full: untouched. */
  | { kind: 'diskFull'; databasePath: string; detail: string }
  /** The chosen backup is damaged or too new; it and the database are untouched, and the user chooses again. */
  | { kind: 'backupUnusable'; backup: BackupEntry; detail: string }
  /** Started after a recovery; the damaged file is kept at `damagedKeptAs`. */
  | { kind: 'recovered'; how: 'restoredBackup' | 'startedEmpty'; backup: BackupEntry | null; damagedKeptAs: string | null };

export interface RecoveryPort {
  choose(situation: DamagedDatabase): RecoveryChoice;
  tell(notice: StartupNotice): void;
}

export type StartupOutcome<S> = { status: 'started'; services: S } | { status: 'quit'; reason: 'tooNew' | 'inUse' | 'cannotOpen' | 'userQuit' };

export interface StartWithRecoveryOptions<S> {
  databasePath: string;
  backupsDir: string;
  clock: Clock;
  /** Opens the database and everything on it (createServices); throws DatabaseOpenError when it cannot. */
  open: () => S;
  port: RecoveryPort;
  nativeBinding?: string;
}

/** More rounds than this means something keeps failing in a way no choice fixes. */
const MAX_ROUNDS = 20;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A failure that is not the file's fault, said as a full disk when it is one. */
function cannotOpen(databasePath: string, error: unknown): StartupNotice {
  return { kind: isDiskFullError(error) ? 'diskFull' : 'cannotOpen', databasePath, detail: messageOf(error) };
}

export function startWithRecovery<S>(options: StartWithRecoveryOptions<S>): StartupOutcome<S> {
  const { databasePath, backupsDir, port } = options;
  const tried = new Set<string>();
  let recovered: Extract<StartupNotice, { kind: 'recovered' }> | null = null;
  /** Every file set aside, the user's own first. */
  const keptAside: string[] = [];

  for (let round = 0; round < MAX_ROUNDS; round++) {
    let failure: unknown;
    try {
      const services = options.open();
      if (recovered) port.tell(recovered);
      return { status: 'started', services };
    } catch (error) {
      failure = error;
    }

    if (!(failure instanceof DatabaseOpenError)) {
      // SQLite's and the file system's errors carry a code (SQLITE_BUSY, EACCES…); anything else
      // is a bug, not the database's state, and goes to the caller's "could not start" message.
      if (typeof (failure as { code?: unknown } | null)?.code !== 'string') throw failure;
      port.tell(cannotOpen(databasePath, failure));
      return { status: 'quit', reason: 'cannotOpen' };
    }
    if (failure.reason === 'tooNew') {
      port.tell({ kind: 'tooNew', databasePath, found: failure.foundVersion, supported: failure.supportedVersion });
      return { status: 'quit', reason: 'tooNew' };
    }
    if (failure.reason === 'inUse') {
      port.tell({ kind: 'inUse', databasePath, detail: String(failure.params.reason ?? failure.message) });
      return { status: 'quit', reason: 'inUse' };
    }

    const backup = listBackups(backupsDir).find((entry) => !tried.has(entry.id)) ?? null;
    const choice = port.choose({ databasePath, reason: String(failure.params.reason ?? failure.message), backup, backupsDir });
    // Anything but a clear choice of a backup that exists, or of an empty start, leaves everything as it is.
    if (choice !== 'startEmpty' && !(choice === 'restoreBackup' && backup)) return { status: 'quit', reason: 'userQuit' };

    if (choice === 'restoreBackup' && backup) {
      tried.add(backup.id);
      const check = checkBackupFile(backup.path, options.nativeBinding);
      const tooNew = check.userVersion !== null && check.userVersion > supportedDatabaseVersion();
      if (!check.intact || tooNew) {
        port.tell({ kind: 'backupUnusable', backup, detail: check.intact ? `database version ${check.userVersion}` : check.detail });
        continue;
      }
    }

    let keptAs: string | null = null;
    try {
      keptAs = setDatabaseAside(databasePath, `damaged-${fileStamp(options.clock.now())}`);
      if (choice === 'restoreBackup' && backup) copyBackupIntoPlace(backup.path, databasePath);
    } catch (error) {
      // Moving or copying failed (a permission, a full disk): put the file back where it was, say so, and stop.
      // Left aside, it would make the next start a silent empty database.
      if (keptAs !== null) putDatabaseBack(keptAs, databasePath);
      port.tell(cannotOpen(databasePath, error));
      return { status: 'quit', reason: 'cannotOpen' };
    }
    if (keptAs !== null) keptAside.push(keptAs);
    // If the recovered database fails too, the notice still names the user's own file, set aside first.
    recovered = {
      kind: 'recovered',
      how: choice === 'restoreBackup' ? 'restoredBackup' : 'startedEmpty',
      backup: choice === 'restoreBackup' ? backup : null,
      damagedKeptAs: keptAside[0] ?? null,
    };
  }
  port.tell({ kind: 'cannotOpen', databasePath, detail: 'The database could not be opened after repeated attempts.' });
  return { status: 'quit', reason: 'cannotOpen' };
}

/**
 * The choices the desktop app would offer, as lines for a terminal: the
 * dev:web harness cannot ask, so it prints them and stops, changing nothing.
 */
export function recoveryChoicesText(options: {
  t: (key: string, params?: Record<string, string>) => string;
  backupsDir: string;
  formatTime: (iso: string) => string;
}): string {
  const { t } = options;
  const latest = listBackups(options.backupsDir)[0];
  return [
    t('dialogs.startup.terminal.choices'),
    latest
      ? `  - ${t('dialogs.startup.terminal.restoreBackup', { file: latest.path, time: options.formatTime(latest.createdAt) })}`
      : `  ${t('dialogs.startup.terminal.noBackup', { folder: options.backupsDir })}`,
    `  - ${t('dialogs.startup.terminal.startEmpty')}`,
    `  - ${t('dialogs.startup.terminal.quit')}`,
    t('dialogs.startup.terminal.howTo'),
  ].join('\n');
}
