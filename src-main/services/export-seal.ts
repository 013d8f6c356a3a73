/**
 * The installation's seal on the contracts it exports: an HMAC-SHA256 of the
 * draft part's record (draft-part.ts) under a key of 32 random bytes that
 * this installation creates once and keeps in its data folder (the app's
 * user-data folder, the command line's data folder), readable by its owner
 * only (0600), never in an export, a log or a backup.
 *
 * On import a seal that verifies says "an unmodified export of this
 * installation"; anything else is "not verified" — exported elsewhere, by
 * an older SLA Studio, or changed. It is information beside the checks of
 * the record, never the only one: whoever can read the key file can seal a
 * forged file (docs/SECURITY.md).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { link, mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocxCheck } from '../../src-shared/api';
import type { ContractPartCheck, RecordSealer } from '../docx/draft-part';

/** The key file's name in the data folder. */
export const SEAL_KEY_FILE = 'export-seal.key';
const KEY_BYTES = 32;

/** What an import tells of a file's seal. */
export type SealOrigin = 'thisInstallation' | 'notVerified';

/** The installation's key, or null when it has none yet (or the file is not a key). */
export async function readSealKey(folder: string): Promise<Buffer | null> {
  try {
    const key = await readFile(join(folder, SEAL_KEY_FILE));
    return key.byteLength === KEY_BYTES ? key : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * The installation's key, created on first use: written whole to a temp
 * file with mode 0600, flushed, then linked to its name — which fails
 * rather than replaces when another process created the key meanwhile, so
 * both go on with the one key on disk.
 */
export async function sealKey(folder: string): Promise<Buffer> {
  const existing = await readSealKey(folder);
  if (existing) return existing;
  await mkdir(folder, { recursive: true });
  const temp = join(folder, `.${SEAL_KEY_FILE}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(randomBytes(KEY_BYTES));
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temp, join(folder, SEAL_KEY_FILE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(temp, { force: true });
  }
  const key = await readSealKey(folder);
  if (!key) throw new Error(`${join(folder, SEAL_KEY_FILE)} is not an export seal key`);
  return key;
}

function mac(key: Buffer, recordText: string): Buffer {
  return createHmac('sha256', key).update(recordText, 'utf8').digest();
}

export function sealerFor(key: Buffer): RecordSealer {
  return (recordText) => mac(key, recordText).toString('hex');
}

/** Whether `seal` is this installation's seal on its record; a file without a seal, or an installation without a key, is not verified. */
export function sealOrigin(key: Buffer | null, seal: { record: string; mac: string } | null): SealOrigin {
  if (!key || !seal || !/^[0-9a-f]{64}$/.test(seal.mac)) return 'notVerified';
  return timingSafeEqual(mac(key, seal.record), Buffer.from(seal.mac, 'hex')) ? 'thisInstallation' : 'notVerified';
}

/** What an import tells the user of a contract file: readDraftPart's check (absent for format 1) with the seal verified by `key`. */
export function docxCheckOf(check: ContractPartCheck | undefined, key: Buffer | null): DocxCheck {
  if (!check) return { format: 1, scope: 'whole', identity: null, findings: [], origin: 'notVerified' };
  return {
    format: 2,
    scope: check.scope,
    identity: check.footerIdentity,
    findings: check.findings.map((finding) => ({ key: `export.check.${finding.code}`, params: finding.params })),
    origin: check.findings.length === 0 ? sealOrigin(key, check.seal) : 'notVerified',
  };
}
