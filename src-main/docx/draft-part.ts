/**
 * The draft inside the contract: every .docx SLA Studio exports carries the
 * `*.sla.json` it was made from as a custom XML part, so the parameters
 * travel with the document and `sla import F.docx` (or Import in the app)
 * recovers the exact draft from a contract someone sent back.
 *
 * Custom XML parts are the standard place for an application's data in a
 * WordprocessingML package (ISO/IEC 29500-1 §15.2.5): Word keeps them when
 * it saves the file and ignores what it does not understand. The part is
 * related from the document part, with its properties part
 * (customXml/itemProps1.xml) naming our namespace, as Word lays them out.
 *
 * The JSON is stored as the text of one element, with the SHA-256 of its
 * UTF-8 bytes, so a damaged or edited part is noticed rather than imported.
 */
import type { Document } from 'docx';
import JSZip from 'jszip';
import { sha256Hex } from '../sha256';

/** The namespace of the part's root element; also its schema reference in itemProps. */
export const DRAFT_PART_NAMESPACE = 'urn:sla-studio:draft';
export const DRAFT_PART_ROOT = 'slaDraft';

const ITEM_PATH = 'customXml/item1.xml';
const ITEM_PROPS_PATH = 'customXml/itemProps1.xml';
const ITEM_RELS_PATH = 'customXml/_rels/item1.xml.rels';
const CUSTOM_XML_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml';
const CUSTOM_XML_PROPS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps';
const CUSTOM_XML_PROPS_TYPE = 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml';
const PACKAGE_RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DATASTORE_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/customXml';

/** A .docx larger than this is not one of ours; refuse before unzipping it into memory. */
export const MAX_DOCX_BYTES = 50 * 1024 * 1024;

/** Characters XML 1.0 can carry, except CR, which an XML parser turns into LF. */
const XML_UNSAFE = /[^\t\n\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function escapeXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An item id derived from the draft's hash: the same draft always gets the same id. */
function itemId(sha256: string): string {
  const hex = sha256.toUpperCase();
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}}`;
}

export interface PackageFile {
  path: string;
  data: string;
}

/** The three files of the part: the data, its properties and their relationship. */
export function draftPartFiles(json: string): PackageFile[] {
  const sha256 = sha256Hex(json);
  // JSON written by writeDraftFile escapes control characters, so text is the rule; base64 is for anything else.
  const asText = !XML_UNSAFE.test(json);
  const content = asText ? escapeXmlText(json) : Buffer.from(json, 'utf8').toString('base64');
  const item =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<${DRAFT_PART_ROOT} xmlns="${DRAFT_PART_NAMESPACE}" version="1" mediaType="application/json" ` +
    `encoding="${asText ? 'text' : 'base64'}" sha256="${sha256}">${content}</${DRAFT_PART_ROOT}>`;
  const props =
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n` +
    `<ds:datastoreItem ds:itemID="${itemId(sha256)}" xmlns:ds="${DATASTORE_NS}">` +
    `<ds:schemaRefs><ds:schemaRef ds:uri="${DRAFT_PART_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`;
  const rels =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Relationships xmlns="${PACKAGE_RELS_NS}"><Relationship Id="rId1" Type="${CUSTOM_XML_PROPS_REL}" Target="itemProps1.xml"/></Relationships>`;
  return [
    { path: ITEM_PATH, data: item },
    { path: ITEM_PROPS_PATH, data: props },
    { path: ITEM_RELS_PATH, data: rels },
  ];
}

/**
 * Registers the part with a document before it is packed — the relationship
 * from the document part and the content type of the properties part — and
 * returns the files to pack with it (Packer's overrides).
 */
export function attachDraftPart(document: Document, json: string): PackageFile[] {
  document.Document.Relationships.addRelationship('SlaDraft', CUSTOM_XML_REL, `../${ITEM_PATH}`);
  document.ContentTypes.addOverride(CUSTOM_XML_PROPS_TYPE, `/${ITEM_PROPS_PATH}`);
  return draftPartFiles(json);
}

// ── Reading it back ─────────────────────────────────────────────────────────

export type DraftPartFailure =
  /** Not a zip archive, or not a WordprocessingML package. */
  | 'notDocx'
  /** A Word document, but without an SLA Studio draft in it. */
  | 'noDraft'
  /** The part is there but malformed, or its text does not match its hash. */
  | 'damaged'
  /** Larger than any contract SLA Studio writes. */
  | 'tooLarge';

export type DraftPartResult = { ok: true; json: string; sha256: string } | { ok: false; reason: DraftPartFailure };

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Element text as an XML parser reads it: entities, character references and CDATA resolved, line ends normalised. */
function decodeXmlText(raw: string): string | null {
  let out = '';
  let i = 0;
  const text = raw.replace(/\r\n?/g, '\n');
  while (i < text.length) {
    if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i + 9);
      if (end < 0) return null;
      out += text.slice(i + 9, end);
      i = end + 3;
      continue;
    }
    const ch = text[i]!;
    if (ch === '<') return null; // Markup inside the element: not a part we wrote.
    if (ch === '&') {
      const end = text.indexOf(';', i);
      if (end < 0) return null;
      const name = text.slice(i + 1, end);
      let decoded: string | undefined;
      if (name.startsWith('#x') || name.startsWith('#X')) decoded = codePoint(Number.parseInt(name.slice(2), 16));
      else if (name.startsWith('#')) decoded = codePoint(Number.parseInt(name.slice(1), 10));
      else decoded = NAMED_ENTITIES[name];
      if (decoded === undefined) return null;
      out += decoded;
      i = end + 1;
      continue;
    }
    const next = text.slice(i).search(/[<&]/);
    const stop = next < 0 ? text.length : i + next;
    out += text.slice(i, stop);
    i = stop;
  }
  return out;
}

function codePoint(value: number): string | undefined {
  return Number.isInteger(value) && value >= 0 && value <= 0x10ffff ? String.fromCodePoint(value) : undefined;
}

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    found.set(match[1]!, decodeXmlText(match[3] ?? match[4] ?? '') ?? '');
  }
  return found;
}

/** The draft in one custom XML item, or null when the item is someone else's. */
function parseItem(xml: string): DraftPartResult | null {
  const body = xml.replace(/^\uFEFF/, '').replace(/^\s*<\?xml[\s\S]*?\?>/, '').replace(/^(\s*<!--[\s\S]*?-->)*/, '');
  const start = /^\s*<([A-Za-z_][\w.-]*)(?::([A-Za-z_][\w.-]*))?(\s[^>]*?)?(\/?)>/.exec(body);
  if (!start) return null;
  const prefix = start[2] === undefined ? null : start[1]!;
  const localName = start[2] ?? start[1]!;
  const attrs = attributes(start[3] ?? '');
  const namespace = attrs.get(prefix === null ? 'xmlns' : `xmlns:${prefix}`);
  if (localName !== DRAFT_PART_ROOT || namespace !== DRAFT_PART_NAMESPACE) return null;
  const qualifiedName = prefix === null ? localName : `${prefix}:${localName}`;
  const close = body.lastIndexOf(`</${qualifiedName}`);
  if (start[4] === '/' || close < start.index + start[0].length) return { ok: false, reason: 'damaged' };
  const text = decodeXmlText(body.slice(start.index + start[0].length, close));
  const expected = attrs.get('sha256');
  if (text === null || expected === undefined) return { ok: false, reason: 'damaged' };
  let json = text;
  if (attrs.get('encoding') === 'base64') {
    const compact = text.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return { ok: false, reason: 'damaged' };
    json = Buffer.from(compact, 'base64').toString('utf8');
  }
  const sha256 = sha256Hex(json);
  if (sha256 !== expected.toLowerCase()) return { ok: false, reason: 'damaged' };
  return { ok: true, json, sha256 };
}

/** Resolves a relationship target against the folder of the part it is relative to. */
function resolveTarget(fromFolder: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `${fromFolder}/${target}`).split('/');
  const resolved: string[] = [];
  for (const part of parts) {
    if (part === '..') resolved.pop();
    else if (part !== '.' && part !== '') resolved.push(part);
  }
  return resolved.join('/');
}

/**
 * The draft a .docx carries. The items the document part relates to are
 * read first (where Word keeps them); any other customXml item is tried
 * too, since an editor may renumber the parts when it saves.
 */
export async function readDraftPart(bytes: Uint8Array): Promise<DraftPartResult> {
  if (bytes.byteLength > MAX_DOCX_BYTES) return { ok: false, reason: 'tooLarge' };
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return { ok: false, reason: 'notDocx' };
  }
  if (!zip.file('[Content_Types].xml') || !zip.file('word/document.xml')) return { ok: false, reason: 'notDocx' };

  const candidates: string[] = [];
  const documentRels = await zip.file('word/_rels/document.xml.rels')?.async('string');
  if (documentRels) {
    for (const match of documentRels.matchAll(/<Relationship\b[^>]*>/g)) {
      const attrs = attributes(match[0].slice('<Relationship'.length));
      const target = attrs.get('Target');
      if (attrs.get('Type') === CUSTOM_XML_REL && target && attrs.get('TargetMode') !== 'External') candidates.push(resolveTarget('word', target));
    }
  }
  zip.forEach((path) => {
    if (/^customXml\/[^/]+\.xml$/.test(path) && !/itemProps/i.test(path) && !candidates.includes(path)) candidates.push(path);
  });

  let damaged = false;
  for (const path of candidates) {
    const xml = await zip.file(path)?.async('string');
    if (xml === undefined) continue;
    const result = parseItem(xml);
    if (result?.ok) return result;
    if (result) damaged = true;
  }
  return { ok: false, reason: damaged ? 'damaged' : 'noDraft' };
}
