/**
 * One SLA Studio per database: a lock file `<db>.lock` beside the database,
 * created exclusively (O_EXCL) and holding the owner's process id and host
 * name. A second opener — another desktop app on a shared home folder, a
 * dev:web harness on the same data folder — is refused with the owner named,
 * instead of two programs writing into one file, backing up over each other,
 * or one restoring a backup while the other keeps writing into the file that
 * was moved aside.
 *
 * Within one program the lock is shared: opening the same database again
 * (a test reading what the services wrote, a tool) counts, and the file goes
 * with the last close.
 *
 * A lock left by a program that died is taken over: on the same host, when
 * its process no longer exists (or is this very process, which holds no such
 * lock: a process id reused after a restart). A lock from another host cannot
 * be checked and is respected; the message names the file to delete.
 */
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { DatabaseOpenError } from './connection';
import { latestVersion } from './migrations';

export interface DatabaseLock {
  readonly path: string;
  release(): void;
}

interface LockOwner {
  pid: number;
  host: string;
}

/** Locks this process holds, with how many openings share each; removed at exit even when never released. */
const held = new Map<string, number>();
let exitHookInstalled = false;

function ownerOf(lockPath: string): LockOwner | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(lockPath, 'utf8'));
    const { pid, host } = (parsed ?? {}) as { pid?: unknown; host?: unknown };
    return typeof pid === 'number' && Number.isInteger(pid) && pid > 0 && typeof host === 'string' ? { pid, host } : null;
  } catch {
    return null;
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when the owner is certainly gone, so its lock may be taken over. */
function isStale(lockPath: string, owner: LockOwner | null): boolean {
  // Unreadable or half-written: the owner died between creating and writing it (we write in one call).
  if (owner === null) return true;
  if (owner.host !== hostname()) return false;
  if (owner.pid === process.pid) return !held.has(lockPath);
  return !processExists(owner.pid);
}

function tryCreate(lockPath: string): boolean {
  let fd: number;
  try {
    fd = openSync(lockPath, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Takes the lock for the database at `databasePath`, or throws
 * DatabaseOpenError 'inUse' naming the program that holds it.
 */
export function lockDatabase(databasePath: string): DatabaseLock {
  const lockPath = `${databasePath}.lock`;
  mkdirSync(dirname(databasePath), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = held.has(lockPath) ? ownerOf(lockPath) : null;
    const shared = current !== null && current.pid === process.pid && current.host === hostname();
    if (shared || tryCreate(lockPath)) {
      held.set(lockPath, (held.get(lockPath) ?? 0) + 1);
      if (!exitHookInstalled) {
        exitHookInstalled = true;
        process.on('exit', () => {
          for (const path of held.keys()) rmSync(path, { force: true });
        });
      }
      let released = false;
      return {
        path: lockPath,
        release() {
          if (released) return;
          released = true;
          const remaining = (held.get(lockPath) ?? 1) - 1;
          if (remaining > 0) {
            held.set(lockPath, remaining);
            return;
          }
          held.delete(lockPath);
          rmSync(lockPath, { force: true });
        },
      };
    }
    const owner = ownerOf(lockPath);
    if (!isStale(lockPath, owner)) {
      throw new DatabaseOpenError({
        reason: 'inUse',
        path: databasePath,
        foundVersion: null,
        supportedVersion: latestVersion(),
        detail: `opened by process ${owner?.pid ?? '?'} on ${owner?.host ?? '?'}; lock file ${lockPath}`,
      });
    }
    // Moved aside under a name of our own before removing: of two programs taking over the same
    // stale lock, only one succeeds in the rename. Should the file moved be a lock the other one
    // has just created, it goes back unless a third has meanwhile taken the name.
    const stale = `${lockPath}.stale-${process.pid}`;
    try {
      renameSync(lockPath, stale);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      continue;
    }
    const moved = ownerOf(stale);
    if (moved && owner && (moved.pid !== owner.pid || moved.host !== owner.host) && !isStale(lockPath, moved)) {
      try {
        linkSync(stale, lockPath);
      } catch {
        // Someone else holds the name now; the attempt below meets their lock.
      }
    }
    rmSync(stale, { force: true });
  }
  throw new DatabaseOpenError({
    reason: 'inUse',
    path: databasePath,
    foundVersion: null,
    supportedVersion: latestVersion(),
    detail: `another program keeps taking the lock file ${lockPath}`,
  });
}
