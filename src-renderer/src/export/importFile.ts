/**
 * What Import reads from a chosen file: a `*.sla.json` as text, or a
 * contract (.docx) SLA Studio exported as base64 — the draft travels inside
 * it, and main takes it out (exports.importDocx).
 */
import { MAX_IMPORT_DOCX_BYTES } from '../../../src-shared/api';

export const IMPORT_ACCEPT = '.json,.sla.json,.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function isDocxFile(file: { name: string }): boolean {
  return /\.docx$/i.test(file.name);
}

/** Base64 of bytes, in chunks: spreading a large array into fromCharCode at once overflows the stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

export type DocxRead = { ok: true; base64: string } | { ok: false; key: string; params: Record<string, string | number> };

/** A .docx file's bytes, refusing one larger than any contract SLA Studio writes before reading it. */
export async function readDocx(file: File): Promise<DocxRead> {
  if (file.size > MAX_IMPORT_DOCX_BYTES) {
    return { ok: false, key: 'export.errors.tooLarge', params: { fileName: file.name, max: MAX_IMPORT_DOCX_BYTES / (1024 * 1024) } };
  }
  return { ok: true, base64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) };
}
