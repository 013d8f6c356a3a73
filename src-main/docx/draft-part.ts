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
import { openDocxPackage, UnpackRefused, type PackageFailure } from './package-reader';
import { readXml, XmlRefused, type XmlStartTag } from './xml-reader';
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
  | 'tooLarge'
  /** Unpacked, more than any contract SLA Studio writes (entries, inflated bytes), or compressed data that does not inflate. */
  | 'tooLargeOrDamaged'
  /** Two entries of the package under one name, so either could be taken for the part. */
  | 'duplicatePart';

export type DraftPartResult = { ok: true; json: string; sha256: string } | { ok: false; reason: DraftPartFailure };

/** The draft in one custom XML item, or null when the item is someone else's (well-formed, with another root element). */
function parseItem(xml: string): DraftPartResult | null {
  let root: XmlStartTag | undefined;
  let text = '';
  let markupInside = false;
  try {
    readXml(xml, {
      openElement(tag) {
        if (tag.depth === 1) root = tag;
        else markupInside = true;
      },
      text(data, depth) {
        if (depth === 1) text += data;
      },
    });
  } catch (error) {
    if (!(error instanceof XmlRefused)) throw error;
    // Not well-formed, or a DOCTYPE: no application's part looks like that, and ours may be the one broken.
    return { ok: false, reason: 'damaged' };
  }
  if (!root || !isDraftRoot(root)) return null;
  const expected = root.attributes['sha256'];
  if (markupInside || expected === undefined) return { ok: false, reason: 'damaged' };
  let json = text;
  if (root.attributes['encoding'] === 'base64') {
    const compact = text.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return { ok: false, reason: 'damaged' };
    json = Buffer.from(compact, 'base64').toString('utf8');
  }
  const sha256 = sha256Hex(json);
  if (sha256 !== expected.toLowerCase()) return { ok: false, reason: 'damaged' };
  return { ok: true, json, sha256 };
}

function isDraftRoot(tag: XmlStartTag): boolean {
  return tag.localName === DRAFT_PART_ROOT && tag.namespace === DRAFT_PART_NAMESPACE;
}

/** The custom XML parts the document part relates to, resolved to package paths; none when the relationships do not parse. */
function relatedCustomXmlParts(rels: string): string[] {
  const targets: string[] = [];
  try {
    readXml(rels, {
      openElement(tag) {
        if (tag.depth !== 2 || tag.localName !== 'Relationship' || tag.namespace !== PACKAGE_RELS_NS) return;
        const { Type: type, Target: target, TargetMode: mode } = tag.attributes;
        if (type === CUSTOM_XML_REL && target && mode !== 'External') targets.push(resolveTarget('word', target));
      },
    });
  } catch (error) {
    if (!(error instanceof XmlRefused)) throw error;
    // The customXml folder is searched anyway.
    return [];
  }
  return targets;
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

const PACKAGE_FAILURES: Record<PackageFailure, DraftPartFailure> = {
  notZip: 'notDocx',
  tooManyEntries: 'tooLargeOrDamaged',
  duplicateEntry: 'duplicatePart',
};

/**
 * The draft a .docx carries. The items the document part relates to are
 * read first (where Word keeps them); any other customXml item is tried
 * too, since an editor may renumber the parts when it saves. The package
 * is opened with package-reader.ts's limits and its XML read with
 * xml-reader.ts's.
 */
export async function readDraftPart(bytes: Uint8Array): Promise<DraftPartResult> {
  if (bytes.byteLength > MAX_DOCX_BYTES) return { ok: false, reason: 'tooLarge' };
  const opened = await openDocxPackage(bytes);
  if (!opened.ok) return { ok: false, reason: PACKAGE_FAILURES[opened.reason] };
  const { docx } = opened;
  if (!docx.has('[Content_Types].xml') || !docx.has('word/document.xml')) return { ok: false, reason: 'notDocx' };

  try {
    const documentRels = await docx.readText('word/_rels/document.xml.rels');
    const candidates = new Set(documentRels ? relatedCustomXmlParts(documentRels) : []);
    for (const path of docx.names) {
      if (/^customXml\/[^/]+\.xml$/.test(path) && !/itemProps/i.test(path)) candidates.add(path);
    }

    let damaged = false;
    for (const path of candidates) {
      const xml = await docx.readText(path);
      if (xml === undefined) continue;
      const result = parseItem(xml);
      if (result?.ok) return result;
      if (result) damaged = true;
    }
    return { ok: false, reason: damaged ? 'damaged' : 'noDraft' };
  } catch (error) {
    if (error instanceof UnpackRefused) return { ok: false, reason: 'tooLargeOrDamaged' };
    throw error;
  }
}
