/**
 * Writing a file so that a crash, a full disk or a power cut leaves either
 * the old file or the complete new one — never half a contract: write a temp
 * file in the same folder (same file system, so rename is atomic), flush it
 * to disk, then rename it over the target.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ServiceError } from './errors';
import { isDiskFullError } from './storage-failures';

/** A file that could not be written, as the user reads it: a full disk, a permission refused, or another failure with the system's code. */
export function writeFailure(error: unknown, path: string): ServiceError {
  if (isDiskFullError(error)) return new ServiceError('internal', 'errors.diskFullFile', { path });
  const code = (error as NodeJS.ErrnoException | null)?.code ?? 'unknown';
  const denied = code === 'EACCES' || code === 'EPERM' || code === 'EROFS';
  return new ServiceError(denied ? 'forbidden' : 'internal', 'errors.cannotWriteFile', { path, reason: code });
}

export async function writeFileAtomically(path: string, contents: string | Uint8Array): Promise<void> {
  const folder = dirname(path);
  const temp = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(contents);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(folder);
}

/** Makes the rename itself durable where the platform allows it (POSIX); elsewhere a no-op. */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems refuse fsync on a folder; the file itself is already on disk.
  }
}
