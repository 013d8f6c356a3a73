/**
 * Canonical JSON and its SHA-256: a saved version is identified by the hash
 * of its content, so the same draft must always serialize to the same
 * bytes, whatever order its keys were written or edited in.
 *
 * The form follows the JSON Canonicalization Scheme (RFC 8785) for the
 * values a draft can hold: object keys sorted by UTF-16 code units
 * (JavaScript's default sort, as RFC 8785 §3.2.3 specifies), no whitespace,
 * numbers in ECMAScript's shortest round-trip form (what JSON.stringify
 * prints; -0 becomes 0), strings escaped as JSON.stringify escapes them.
 *
 * Only plain JSON data is accepted. A NaN, an Infinity, a Date or a
 * function would otherwise be turned silently into null or {} and two
 * different drafts could share a hash, so they throw a TypeError instead.
 * As in JSON.stringify, an object property whose value is undefined is left
 * out: zod's optional fields may be absent or undefined and mean the same.
 */

export function canonicalJson(value: unknown): string {
  const parts: string[] = [];
  write(value, parts, '$');
  return parts.join('');
}

function write(value: unknown, out: string[], where: string): void {
  if (value === null) {
    out.push('null');
    return;
  }
  switch (typeof value) {
    case 'string':
      out.push(JSON.stringify(value));
      return;
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${where}: ${String(value)} has no JSON form`);
      out.push(JSON.stringify(value));
      return;
    case 'object':
      break;
    default:
      throw new TypeError(`${where}: a ${typeof value} has no JSON form`);
  }
  if (Array.isArray(value)) {
    out.push('[');
    value.forEach((item, index) => {
      if (item === undefined) throw new TypeError(`${where}[${index}]: undefined has no JSON form`);
      if (index > 0) out.push(',');
      write(item, out, `${where}[${index}]`);
    });
    out.push(']');
    return;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) {
    throw new TypeError(`${where}: only plain objects have a canonical JSON form`);
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  out.push('{');
  keys.forEach((key, index) => {
    if (index > 0) out.push(',');
    out.push(JSON.stringify(key), ':');
    write(record[key], out, `${where}.${key}`);
  });
  out.push('}');
}

/**
 * The SHA-256 of a text's UTF-8 bytes as 64 lower-case hex digits. WebCrypto
 * (globalThis.crypto.subtle) exists in browsers and in Node 20, so the
 * renderer and main compute the same hash without node:crypto.
 */
export async function sha256Hex(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('WebCrypto (crypto.subtle) is not available in this runtime');
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
  let hex = '';
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

export interface CanonicalHash {
  /** The canonical JSON text: what a version stores. */
  canonical: string;
  /** Its SHA-256, hex: what a version is identified and verified by. */
  sha256: string;
}

/** The canonical JSON of a value (a draft) and its SHA-256, computed together so they cannot drift apart. */
export async function canonicalHash(value: unknown): Promise<CanonicalHash> {
  const canonical = canonicalJson(value);
  return { canonical, sha256: await sha256Hex(canonical) };
}
