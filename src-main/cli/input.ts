/**
 * Reading the files a command line names. What the user names may be a
 * device or a pipe (`/dev/zero`, `/dev/urandom`) whose size means nothing,
 * so every file is read with a byte cap, never whole; a path is compared
 * with another by what it really is (a symlink or a hard link to the input
 * is the input).
 */
import { closeSync, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { MAX_DRAFT_FILE_CHARS, readDraftFile, readWorkingCopyFile } from '../../src-shared/model/file';
import { problem, type Problem } from '../../src-shared/model/problems';
import type { SlaDraft } from '../../src-shared/model/schema';

export type InputRead<T> = { ok: true; value: T } | { ok: false; problem: Problem };

/** A draft file in UTF-8 takes at most 4 bytes a character. */
export const MAX_DRAFT_FILE_BYTES = MAX_DRAFT_FILE_CHARS * 4;

function unreadable(error: unknown, file: string): Problem {
  const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
  if (code === 'ENOENT' || code === 'ENOTDIR') return problem([], 'cli.fileNotFound', { file });
  return problem([], 'cli.fileUnreadable', { file, reason: code });
}

/** The file's bytes, refusing it with `tooLarge` as soon as more than `maxBytes` have come. */
export function readInputFile(file: string, maxBytes: number, tooLarge: Problem): InputRead<Buffer> {
  let descriptor: number;
  try {
    descriptor = openSync(file, 'r');
  } catch (error) {
    return { ok: false, problem: unreadable(error, file) };
  }
  try {
    const stats = fstatSync(descriptor);
    if (stats.isDirectory()) return { ok: false, problem: problem([], 'cli.fileUnreadable', { file, reason: 'EISDIR' }) };
    if (stats.isFile() && stats.size > maxBytes) return { ok: false, problem: tooLarge };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
      const read = readSync(descriptor, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > maxBytes) return { ok: false, problem: tooLarge };
    }
    return { ok: true, value: Buffer.concat(chunks, total) };
  } catch (error) {
    return { ok: false, problem: unreadable(error, file) };
  } finally {
    closeSync(descriptor);
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A draft file's text: UTF-8 or refused, never read with replacement characters. */
export function readDraftText(file: string): InputRead<string> {
  const read = readInputFile(file, MAX_DRAFT_FILE_BYTES, problem([], 'file.tooLarge', { max: MAX_DRAFT_FILE_CHARS }));
  if (!read.ok) return read;
  try {
    return { ok: true, value: UTF8.decode(read.value) };
  } catch {
    return { ok: false, problem: problem([], 'file.notUtf8') };
  }
}

/**
 * The draft in a `*.sla.json`, migrated to the current format, or every
 * problem that stops it. With `incomplete` (a draft export) a draft that is
 * not complete yet is taken as it stands, with its problems.
 */
export function readDraftInput(
  file: string,
  { incomplete = false }: { incomplete?: boolean } = {},
): { ok: true; draft: SlaDraft; incomplete: Problem[] } | { ok: false; problems: Problem[]; content?: unknown } {
  const text = readDraftText(file);
  if (!text.ok) return { ok: false, problems: [text.problem] };
  if (incomplete) {
    const read = readWorkingCopyFile(text.value, { unmarked: true });
    if (!read.ok) return { ok: false, problems: read.problems, content: read.content };
    return read.complete ? { ok: true, draft: read.draft, incomplete: [] } : { ok: true, draft: read.content as SlaDraft, incomplete: read.problems };
  }
  const parsed = readDraftFile(text.value);
  return parsed.ok ? { ok: true, draft: parsed.draft, incomplete: [] } : { ok: false, problems: parsed.problems, content: parsed.content };
}

/** Where a path really leads: through symlinks, also for a file that does not exist yet. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/** Whether two command-line paths name the same file (so --out would overwrite the input). */
export function samePath(a: string, b: string): boolean {
  if (realPath(a) === realPath(b)) return true;
  try {
    const [first, second] = [statSync(a), statSync(b)];
    return first.dev === second.dev && first.ino === second.ino;
  } catch {
    return false;
  }
}
