/**
 * SHA-256 as 64 lower-case hex digits, of bytes or of a text's UTF-8: what
 * identifies a version's canonical JSON, an exported file and the draft a
 * .docx carries. The renderer computes the same value with WebCrypto
 * (src-shared/model/canonical.ts).
 */
import { createHash } from 'node:crypto';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
