/**
 * Test and bench support (imported only by *.test.ts and bench/): .docx
 * files made to attack the importer — a zip bomb, duplicate entries,
 * relationships that make a naive scanner quadratic. JSZip cannot write
 * these (it deflates in JavaScript, keeps one entry per name and tells the
 * truth about sizes), so `zipOf` writes the zip format itself: local
 * headers, central directory, end record (APPNOTE 4.3), nothing else.
 */
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';
import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { attachDraftPart } from './draft-part';

export interface ZipEntry {
  name: string;
  /** The entry's data, deflated (method 8). */
  deflated: Uint8Array;
  /** What the headers declare: the inflated size and its CRC-32 (the importer checks neither). */
  size: number;
  crc: number;
}

export function deflatedEntry(name: string, data: string | Uint8Array): ZipEntry {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return { name, deflated: deflateRawSync(bytes), size: bytes.byteLength, crc: crc32(bytes) };
}

/** `bytes` repeated until `total` bytes, deflated as a stream so that they are never all in memory. */
export async function deflatedRepeat(name: string, bytes: Uint8Array, total: number): Promise<ZipEntry> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const ended = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  for (let written = 0; written < total; written += bytes.byteLength) {
    const piece = bytes.subarray(0, Math.min(bytes.byteLength, total - written));
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await ended;
  return { name, deflated: Buffer.concat(out), size: total, crc: 0 };
}

/** A zip archive of exactly these entries, in this order, duplicates and all. */
export function zipOf(entries: readonly ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.deflated.byteLength, 18);
    local.writeUInt32LE(entry.size >>> 0, 22);
    local.writeUInt16LE(name.byteLength, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by
    local.copy(central, 6, 4, 30); // version needed … name length, the same fields
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(entry.deflated));
    centrals.push(central, name);
    offset += 30 + name.byteLength + entry.deflated.byteLength;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A contract as SLA Studio exports it, carrying `json`. */
export async function docxWithDraft(json: string): Promise<Uint8Array> {
  const document = new Document({ sections: [{ children: [new Paragraph('A contract.')] }] });
  return Packer.toBuffer(document, false, attachDraftPart(document, json));
}

/** The entries of a .docx, to rebuild it with some replaced or added. */
export async function entriesOf(bytes: Uint8Array): Promise<ZipEntry[]> {
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.values(zip.files).filter((file) => !file.dir);
  return Promise.all(files.map(async (file) => deflatedEntry(file.name, await file.async('uint8array'))));
}

/** `<Relationship ` written `times` times in the document part's relationships, never closed: quadratic for a regex scanner. */
export async function relationshipFlood(json: string, times: number): Promise<Uint8Array> {
  const rels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship '.repeat(times);
  const entries = await entriesOf(await docxWithDraft(json));
  return zipOf(entries.map((entry) => (entry.name === 'word/_rels/document.xml.rels' ? deflatedEntry(entry.name, rels) : entry)));
}

/**
 * A contract that costs seconds to read and is then refused: its
 * relationships part lists `relationships` well-formed relationships (a
 * part within the limits, parsed linearly, but parsed all the same) and its
 * draft part is a zip bomb. Read on the thread that answers the window, it
 * would hold that thread for as long.
 */
export async function slowBomb(json: string, relationships: number): Promise<Uint8Array> {
  const rels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rIdFiller" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/>'.repeat(
      relationships,
    ) +
    '</Relationships>';
  const bomb = await deflatedRepeat('customXml/item1.xml', new Uint8Array(1024 * 1024), 200 * 1024 * 1024);
  const entries = await entriesOf(await docxWithDraft(json));
  return zipOf(
    entries.map((entry) => (entry.name === 'word/_rels/document.xml.rels' ? deflatedEntry(entry.name, rels) : entry.name === bomb.name ? bomb : entry)),
  );
}
