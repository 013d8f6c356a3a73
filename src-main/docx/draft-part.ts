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
 *
 * A contract (format 2, `version="2"`) also records what the document says
 * beside the draft — the identity its footer prints, the export language and
 * digests of its visible text (visible-text.ts) — and may carry a seal (an
 * HMAC of that record by the exporting installation, export-seal.ts), so
 * that an import tells whether the file was changed after it was written:
 * a draft part altered with its checksum recomputed, a paragraph edited, a
 * footer that names another contract. The parts of format 1 (no record)
 * still import, unchecked. docs/FORMAT.md §11 describes both.
 *
 * A draft exported before it was complete (a watermarked draft with blanks)
 * embeds the working copy as it stands, marked incomplete (file.ts), and its
 * record says `"incomplete": true`; the import takes it as an incomplete
 * draft and lists what it still lacks.
 */
import type { Document } from 'docx';
import JSZip from 'jszip';
import { canonicalJson } from '../../src-shared/model/canonical';
import { contractTerms } from '../../src-shared/model/contract-terms';
import { INCOMPLETE_DRAFT_MARK } from '../../src-shared/model/file';
import type { SlaDraft } from '../../src-shared/model/schema';
import { contractIdentity } from '../../src-shared/model/version';
import { MARKS_NAMESPACE, marksPartXml, type MarksTable } from './marks';
import { openDocxPackage, UnpackRefused, type DocxPackage, type PackageFailure } from './package-reader';
import { bodyDigest, changedParagraphs, openingWords, visibleParagraphs } from './visible-text';
import { readXml, XmlRefused, type XmlStartTag } from './xml-reader';
import { sha256Hex } from '../sha256';

/** The namespace of the part's root element; also its schema reference in itemProps. */
export const DRAFT_PART_NAMESPACE = 'urn:sla-studio:draft';
export const DRAFT_PART_ROOT = 'slaDraft';

const ITEM_PATH = 'customXml/item1.xml';
const ITEM_PROPS_PATH = 'customXml/itemProps1.xml';
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

/**
 * The three files of custom XML item `index` — its data, its properties
 * naming `namespace`, and their relationship — with an item id derived
 * from `sha256`, so that the same data always gets the same id.
 */
function customXmlItemFiles(index: number, data: string, namespace: string, sha256: string): PackageFile[] {
  const props =
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n` +
    `<ds:datastoreItem ds:itemID="${itemId(sha256)}" xmlns:ds="${DATASTORE_NS}">` +
    `<ds:schemaRefs><ds:schemaRef ds:uri="${namespace}"/></ds:schemaRefs></ds:datastoreItem>`;
  const rels =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Relationships xmlns="${PACKAGE_RELS_NS}"><Relationship Id="rId1" Type="${CUSTOM_XML_PROPS_REL}" Target="itemProps${index}.xml"/></Relationships>`;
  return [
    { path: `customXml/item${index}.xml`, data },
    { path: `customXml/itemProps${index}.xml`, data: props },
    { path: `customXml/_rels/item${index}.xml.rels`, data: rels },
  ];
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
  return customXmlItemFiles(1, item, DRAFT_PART_NAMESPACE, sha256);
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

/**
 * The table that resolves the document's marks (marks.ts), as the second
 * custom XML item beside the draft, registered like it.
 */
export function attachMarksPart(document: Document, table: MarksTable): PackageFile[] {
  const xml = marksPartXml(table);
  document.Document.Relationships.addRelationship('SlaMarks', CUSTOM_XML_REL, '../customXml/item2.xml');
  document.ContentTypes.addOverride(CUSTOM_XML_PROPS_TYPE, '/customXml/itemProps2.xml');
  return customXmlItemFiles(2, xml, MARKS_NAMESPACE, sha256Hex(xml));
}

// ── Format 2: the record of what the document says ─────────────────────────

/** The part's format: 2 records the document beside the draft; 1 (older files) holds the draft alone. */
export const DRAFT_PART_FORMAT = 2;

/** What the file carries: the contract's terms only (contract-terms.ts), or the whole draft (an internal copy). */
export type DraftPartScope = 'contract' | 'internal';

/** What the exporter knows before the document is packed. */
export interface ContractPartInput {
  scope: DraftPartScope;
  language: 'en' | 'zh-CN' | 'bilingual';
  /** SHA-256 of the canonical JSON of the contract terms of the embedded draft. */
  contractSha256: string;
  /** The saved version exported, or null for the working copy. */
  version: { label: string; sha256: string } | null;
  /** The embedded draft is not complete yet (a draft export with blanks); absent from the record otherwise. */
  incomplete?: boolean;
}

/** The record a format-2 part holds, as JSON, in this key order; the seal is an HMAC of its exact text. */
export interface ContractPartRecord extends ContractPartInput {
  /** The identity the footer prints: contractIdentity(contractSha256). */
  footerIdentity: string;
  /** SHA-256 of the embedded JSON's UTF-8 bytes. */
  draftSha256: string;
  /** The visible text of document.xml (visible-text.ts). */
  body: { sha256: string; paragraphs: string[] };
}

/** Signs a record's text for the installation that exports (export-seal.ts): lower-case hex. */
export type RecordSealer = (recordText: string) => string;

function recordText(input: ContractPartInput, json: string, body: ContractPartRecord['body']): string {
  const record: ContractPartRecord = {
    scope: input.scope,
    language: input.language,
    contractSha256: input.contractSha256,
    version: input.version ? { label: input.version.label, sha256: input.version.sha256 } : null,
    ...(input.incomplete ? { incomplete: true } : {}),
    footerIdentity: contractIdentity(input.contractSha256),
    draftSha256: sha256Hex(json),
    body,
  };
  return JSON.stringify(record);
}

function contractItemXml(json: string, record: string, seal: string | null): string {
  const asText = !XML_UNSAFE.test(json);
  const content = asText ? escapeXmlText(json) : Buffer.from(json, 'utf8').toString('base64');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<${DRAFT_PART_ROOT} xmlns="${DRAFT_PART_NAMESPACE}" version="${DRAFT_PART_FORMAT}">` +
    `<record mediaType="application/json">${escapeXmlText(record)}</record>` +
    `<draft mediaType="application/json" encoding="${asText ? 'text' : 'base64'}" sha256="${sha256Hex(json)}">${content}</draft>` +
    (seal === null ? '' : `<seal algorithm="HMAC-SHA256">${seal}</seal>`) +
    `</${DRAFT_PART_ROOT}>`
  );
}

/**
 * A packed contract with its draft part written in format 2: the part
 * records the document as it was packed (its visible text read back from
 * word/document.xml) and is sealed by `seal` when given. The document must
 * have been packed with attachDraftPart's files, whose data item this
 * replaces.
 */
export async function sealContractPart(packed: Uint8Array, json: string, input: ContractPartInput, seal: RecordSealer | null): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(packed);
  const document = zip.file('word/document.xml');
  const item = zip.file(ITEM_PATH);
  if (!document || !item) throw new Error('sealContractPart: the package has no document part or draft part');
  const body = bodyDigest(visibleParagraphs(await document.async('string')));
  const record = recordText(input, json, body);
  // The same date as the rest of the package, so the same contract packs to the same bytes.
  zip.file(ITEM_PATH, contractItemXml(json, record, seal ? seal(record) : null), { date: item.date });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
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

/**
 * What a format-2 part says about the file, found by comparing the record
 * with the draft, the footer and the visible text. Each finding is an
 * i18n key under `export.check` with its parameters.
 */
export interface ContractFinding {
  code: 'draftDiffers' | 'footerDiffers' | 'textChanged' | 'textRemoved' | 'recordDamaged';
  params: Record<string, string | number>;
}

/** The check of a format-2 part: plain data (structured-cloneable), so it can come from a worker. */
export interface ContractPartCheck {
  format: 2;
  scope: DraftPartScope;
  language: string;
  /** The identity the footer should print; null when the record is unreadable. */
  footerIdentity: string | null;
  versionLabel: string | null;
  /** The record says the embedded draft was not complete when exported. */
  incomplete: boolean;
  /** Empty when the file is as SLA Studio wrote it. */
  findings: ContractFinding[];
  /** The record's text and its seal, for the importing installation to verify with its key; null when unsealed. */
  seal: { record: string; mac: string } | null;
}

/** `check` is absent for a part of format 1 (a file from an older SLA Studio), which records nothing to check against. */
export type DraftPartResult = { ok: true; json: string; sha256: string; check?: ContractPartCheck } | { ok: false; reason: DraftPartFailure };

/** A parsed item: the draft, and for format 2 the record's text and the seal. */
type ParsedItem = { ok: true; json: string; sha256: string; record: string | null; mac: string | null } | { ok: false; reason: 'damaged' };

/** The draft element's text decoded and checked against its hash. */
function decodeDraft(text: string, attributes: Readonly<Record<string, string>>): ParsedItem {
  const expected = attributes['sha256'];
  if (expected === undefined) return { ok: false, reason: 'damaged' };
  let json = text;
  if (attributes['encoding'] === 'base64') {
    const compact = text.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return { ok: false, reason: 'damaged' };
    json = Buffer.from(compact, 'base64').toString('utf8');
  }
  const sha256 = sha256Hex(json);
  if (sha256 !== expected.toLowerCase()) return { ok: false, reason: 'damaged' };
  return { ok: true, json, sha256, record: null, mac: null };
}

/** The draft in one custom XML item, or null when the item is someone else's (well-formed, with another root element). */
function parseItem(xml: string): ParsedItem | null {
  let root: XmlStartTag | undefined;
  const children = new Map<string, { tag: XmlStartTag; text: string }>();
  let current: { tag: XmlStartTag; text: string } | null = null;
  let text = '';
  let unexpectedMarkup = false;
  try {
    readXml(xml, {
      openElement(tag) {
        if (tag.depth === 1) root = tag;
        else if (tag.depth === 2 && tag.namespace === DRAFT_PART_NAMESPACE && !children.has(tag.localName)) {
          current = { tag, text: '' };
          children.set(tag.localName, current);
        } else unexpectedMarkup = true;
      },
      closeElement(_name, depth) {
        if (depth === 2) current = null;
      },
      text(data, depth) {
        if (depth === 1) text += data;
        else if (depth === 2 && current) current.text += data;
      },
    });
  } catch (error) {
    if (!(error instanceof XmlRefused)) throw error;
    // Not well-formed, or a DOCTYPE: no application's part looks like that, and ours may be the one broken.
    return { ok: false, reason: 'damaged' };
  }
  if (!root || !isDraftRoot(root)) return null;
  if (unexpectedMarkup) return { ok: false, reason: 'damaged' };
  if (root.attributes['version'] === '1' || root.attributes['version'] === undefined) {
    if (children.size > 0) return { ok: false, reason: 'damaged' };
    return decodeDraft(text, root.attributes);
  }
  const draft = children.get('draft');
  const record = children.get('record');
  if (!draft || !record || text.trim() !== '') return { ok: false, reason: 'damaged' };
  const decoded = decodeDraft(draft.text, draft.tag.attributes);
  if (!decoded.ok) return decoded;
  return { ...decoded, record: record.text, mac: children.get('seal')?.text.trim().toLowerCase() ?? null };
}

const HEX_64 = /^[0-9a-f]{64}$/;

function readRecord(text: string): ContractPartRecord | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Partial<ContractPartRecord>;
  const body = record.body;
  const wellFormed =
    (record.scope === 'contract' || record.scope === 'internal') &&
    typeof record.language === 'string' &&
    typeof record.contractSha256 === 'string' &&
    HEX_64.test(record.contractSha256) &&
    typeof record.footerIdentity === 'string' &&
    typeof record.draftSha256 === 'string' &&
    typeof body === 'object' &&
    body !== null &&
    typeof body.sha256 === 'string' &&
    Array.isArray(body.paragraphs) &&
    body.paragraphs.every((digest) => typeof digest === 'string') &&
    (record.version === null || (typeof record.version?.label === 'string' && typeof record.version.sha256 === 'string')) &&
    (record.incomplete === undefined || record.incomplete === true);
  return wellFormed ? (record as ContractPartRecord) : null;
}

/** The paragraphs a finding names: the first few, by their opening words. */
const NAMED_PARAGRAPHS = 3;

/** The identities of the "3f9a 1c2b 7d4e 0a11" form a footer prints. */
const PRINTED_IDENTITY = /\b[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}\b/g;

/** A format-2 part's record against the draft it holds, the footers and the body of the document. */
async function checkContract(docx: DocxPackage, item: { json: string; record: string; mac: string | null }): Promise<ContractPartCheck> {
  const record = readRecord(item.record);
  const seal = item.mac ? { record: item.record, mac: item.mac } : null;
  if (!record) {
    return {
      format: 2,
      scope: 'contract',
      language: '',
      footerIdentity: null,
      versionLabel: null,
      incomplete: false,
      findings: [{ code: 'recordDamaged', params: {} }],
      seal,
    };
  }
  const findings: ContractFinding[] = [];
  const expected = contractIdentity(record.contractSha256);

  // (a) The draft inside is the one whose identity the record — and the footer — names: hashed as written
  // (not migrated, so that a later format version computes the same), or not at all when it is no draft.
  const embedded = parsedDraft(item.json);
  const embeddedSha256 = embedded ? sha256Hex(canonicalJson(contractTerms(embedded))) : null;
  if (record.draftSha256 !== sha256Hex(item.json) || (embeddedSha256 !== null && embeddedSha256 !== record.contractSha256)) {
    findings.push({ code: 'draftDiffers', params: { identity: expected, found: embeddedSha256 ? contractIdentity(embeddedSha256) : '—' } });
  }

  const footers = docx.names.filter((name) => /^word\/footer\d*\.xml$/i.test(name));
  const printed = new Set<string>();
  for (const name of footers) {
    const xml = await docx.readText(name);
    if (xml === undefined) continue;
    for (const paragraph of safeParagraphs(xml)) for (const match of paragraph.matchAll(PRINTED_IDENTITY)) printed.add(match[0]);
  }
  if (record.footerIdentity !== expected || !printed.has(expected)) {
    const others = [...printed].filter((identity) => identity !== expected);
    findings.push({ code: 'footerDiffers', params: { identity: expected, printed: others.length > 0 ? others.join(', ') : '—' } });
  }

  // (b) The visible text is the text SLA Studio wrote.
  const paragraphs = safeParagraphs((await docx.readText('word/document.xml')) ?? '');
  if (bodyDigest(paragraphs).sha256 !== record.body.sha256) {
    const changed = changedParagraphs(paragraphs, record.body.paragraphs);
    if (changed.length > 0) {
      const named = changed.slice(0, NAMED_PARAGRAPHS).map((text) => `“${openingWords(text)}”`);
      findings.push({ code: 'textChanged', params: { count: changed.length, paragraphs: named.join(', ') } });
    } else {
      findings.push({ code: 'textRemoved', params: { count: Math.max(1, record.body.paragraphs.length - paragraphs.length) } });
    }
  }
  return {
    format: 2,
    scope: record.scope,
    language: record.language,
    footerIdentity: expected,
    versionLabel: record.version?.label ?? null,
    incomplete: record.incomplete === true,
    findings,
    seal,
  };
}

/** The JSON of a draft as written (without the file's mark of an incomplete draft), when it has the shape contractTerms needs; the import validates it. */
function parsedDraft(json: string): SlaDraft | null {
  try {
    const value = JSON.parse(json) as unknown;
    const expectations = typeof value === 'object' && value !== null ? (value as { expectations?: unknown }).expectations : undefined;
    if (typeof expectations !== 'object' || expectations === null) return null;
    const draft: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    delete draft[INCOMPLETE_DRAFT_MARK];
    return draft as unknown as SlaDraft;
  } catch {
    return null;
  }
}

/** The visible paragraphs of a part, none when its XML does not parse (then the text differs from what was recorded). */
function safeParagraphs(xml: string): string[] {
  try {
    return visibleParagraphs(xml);
  } catch (error) {
    if (!(error instanceof XmlRefused)) throw error;
    return [];
  }
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
      if (result?.ok) {
        const { json, sha256, record, mac } = result;
        if (record === null) return { ok: true, json, sha256 };
        return { ok: true, json, sha256, check: await checkContract(docx, { json, record, mac }) };
      }
      if (result) damaged = true;
    }
    return { ok: false, reason: damaged ? 'damaged' : 'noDraft' };
  } catch (error) {
    if (error instanceof UnpackRefused) return { ok: false, reason: 'tooLargeOrDamaged' };
    throw error;
  }
}
