/**
 * A .docx from outside opened without trusting it. A .docx is a zip
 * package (ISO/IEC 29500-2); before JSZip loads it, its central directory
 * is walked here to count the entries and check their names, and the parts
 * that are read afterwards are inflated as a stream, counting the bytes that
 * actually come out — the sizes the headers declare can lie. Refused:
 *
 * - more than MAX_PACKAGE_ENTRIES entries;
 * - two entries with the same name (part names compare without regard to
 *   ASCII case), since a reader could then take either of them;
 * - a part that inflates past MAX_PART_BYTES, or parts that together
 *   inflate past MAX_UNPACKED_BYTES, or whose compressed data is damaged.
 *
 * Nothing is inflated that is not read, so a zip bomb costs at most the
 * limits, not its expanded size.
 */
import JSZip from 'jszip';

/** More entries than any Word document holds (SLA Studio writes about fifteen). */
export const MAX_PACKAGE_ENTRIES = 10_000;
/** One inflated part: the draft part of the largest draft, escaped, is well under this. */
export const MAX_PART_BYTES = 32 * 1024 * 1024;
/** All parts inflated while reading one package. */
export const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

export type PackageFailure =
  /** Not a zip archive JSZip can read. */
  | 'notZip'
  /** More entries than MAX_PACKAGE_ENTRIES. */
  | 'tooManyEntries'
  /** Two entries under one name. */
  | 'duplicateEntry';

/** A part inflated past the limits, or whose compressed data could not be inflated. */
export class UnpackRefused extends Error {
  override name = 'UnpackRefused';
}

export interface DocxPackage {
  /** The entry names, as JSZip decodes them. */
  readonly names: readonly string[];
  has(path: string): boolean;
  /** The part as UTF-8 text, undefined when it is not there; throws UnpackRefused past the limits. */
  readText(path: string): Promise<string | undefined>;
}

export type OpenPackageResult = { ok: true; docx: DocxPackage } | { ok: false; reason: PackageFailure };

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const EOCD_SIZE = 22;
const CENTRAL_HEADER_SIZE = 46;

type CentralDirectory = { ok: true; names: string[] } | { ok: false; reason: 'notZip' | 'tooManyEntries' };

/**
 * The names in the central directory, found the way JSZip finds them (the
 * last end-of-central-directory record, its ZIP64 form, data prepended to
 * the archive), stopping as soon as there are more than `maxEntries`.
 */
export function readCentralDirectory(bytes: Uint8Array, maxEntries: number): CentralDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => Number(view.getBigUint64(at, true));
  const notZip = { ok: false, reason: 'notZip' } as const;

  let eocd = -1;
  for (let at = bytes.byteLength - EOCD_SIZE; at >= 0; at--) {
    if (u32(at) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return notZip;
  let size = u32(eocd + 12);
  let offset = u32(eocd + 16);
  let expectedEnd = offset + size;
  if (u16(eocd + 10) === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(locator) !== ZIP64_LOCATOR_SIGNATURE) return notZip;
    const zip64 = u64(locator + 8);
    if (zip64 + 56 > bytes.byteLength || u32(zip64) !== ZIP64_EOCD_SIGNATURE) return notZip;
    size = u64(zip64 + 40);
    offset = u64(zip64 + 48);
    expectedEnd = offset + size + 20 + 12 + u64(zip64 + 4);
  }
  const prepended = eocd - expectedEnd;
  if (prepended < 0) return notZip;

  const decoder = new TextDecoder('utf-8');
  const names: string[] = [];
  let at = prepended + offset;
  while (at + CENTRAL_HEADER_SIZE <= bytes.byteLength && u32(at) === CENTRAL_HEADER_SIGNATURE) {
    if (names.length === maxEntries) return { ok: false, reason: 'tooManyEntries' };
    const nameLength = u16(at + 28);
    const end = at + CENTRAL_HEADER_SIZE + nameLength;
    if (end > bytes.byteLength) return notZip;
    names.push(decoder.decode(bytes.subarray(at + CENTRAL_HEADER_SIZE, end)));
    at = end + u16(at + 30) + u16(at + 32);
  }
  return { ok: true, names };
}

/** Whether two entries share a name, compared as part names are (ASCII case ignored). */
function hasDuplicate(names: readonly string[]): boolean {
  const seen = new Set<string>();
  for (const name of names) {
    const key = name.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}

async function inflateCounted(file: JSZip.JSZipObject, budget: { left: number }): Promise<Uint8Array> {
  const stream = file.nodeStream('nodebuffer');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const refuse = (reason: string) => {
      if (settled) return;
      settled = true;
      stream.pause();
      stream.removeAllListeners('data');
      reject(new UnpackRefused(`${file.name}: ${reason}`));
    };
    stream.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.byteLength;
      budget.left -= chunk.byteLength;
      if (size > MAX_PART_BYTES) return refuse(`inflates past ${MAX_PART_BYTES} bytes`);
      if (budget.left < 0) return refuse(`the parts read inflate past ${MAX_UNPACKED_BYTES} bytes`);
      chunks.push(chunk);
    });
    stream.on('error', (error: Error) => refuse(`cannot be inflated (${error.message})`));
    stream.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks, size));
    });
  });
}

/** Opens a package: the entries counted and their names checked, nothing inflated yet. */
export async function openDocxPackage(bytes: Uint8Array): Promise<OpenPackageResult> {
  const directory = readCentralDirectory(bytes, MAX_PACKAGE_ENTRIES);
  if (!directory.ok) return directory;
  if (hasDuplicate(directory.names)) return { ok: false, reason: 'duplicateEntry' };
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return { ok: false, reason: 'notZip' };
  }
  const names = Object.keys(zip.files);
  // JSZip keeps one entry per name it decodes (a Unicode path field can rename an entry): fewer means two shared one.
  if (names.length !== directory.names.length || hasDuplicate(names)) return { ok: false, reason: 'duplicateEntry' };

  const budget = { left: MAX_UNPACKED_BYTES };
  const decoder = new TextDecoder('utf-8');
  return {
    ok: true,
    docx: {
      names,
      has: (path) => zip.file(path) !== null,
      async readText(path) {
        const file = zip.file(path);
        return file ? decoder.decode(await inflateCounted(file, budget)) : undefined;
      },
    },
  };
}
