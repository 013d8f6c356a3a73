/**
 * The markup of a Word file the counterparty sent back, read into a
 * neutral structure: for each paragraph of the body — in reading order,
 * paragraphs in table cells included (so both columns of a bilingual
 * contract, bilingual-body.ts) — its text before and after their tracked
 * changes, each change with who made it and where, the bookmarks, content
 * controls and comments that cover it; and the comments themselves. What
 * the changes mean for the draft is decided later, by the mapping step;
 * this file only reads what the XML says.
 *
 * Two texts per paragraph, as Word's "Reject all" and "Accept all" would
 * leave them:
 * - `sent`: every tracked change rejected — deleted text (`w:del`,
 *   `w:delText`) and moved-away text (`w:moveFrom`) in, inserted text
 *   (`w:ins`) and moved-in text (`w:moveTo`) out;
 * - `proposed`: every change accepted — the other way round.
 * A file that carried our own redline keeps those changes too; each change
 * names its author, so the mapping step tells ours from theirs.
 *
 * What Word writes, and how it reads here:
 * - Runs split anywhere (rsid attributes, `w:proofErr`, a value split
 *   across runs): the text of the runs is joined; rsids and proofing marks
 *   are not read. Adjacent changes of one kind, author and date (Word
 *   writes one `w:ins` per run) are one change, with all their w:ids.
 * - `w:tab` and `w:ptab` read as a tab, `w:br` and `w:cr` as a line feed
 *   (a page or column break is layout, not text: nothing),
 *   `w:noBreakHyphen` as U+2011, `w:sym` as its character; `w:softHyphen`
 *   (shown only at a line end) is not text.
 * - Fields: the result is text (the runs of `w:fldSimple`, the runs between
 *   `w:fldChar` separate and end), the instruction is not (`w:instrText`,
 *   `w:delInstrText`, the runs between begin and separate).
 * - A paragraph mark inserted or deleted (`w:pPr/w:rPr/w:ins|w:del`, or
 *   moved): the paragraph's `mark` says so, and a change with
 *   `paragraphMark: true` sits at its end. A deleted mark joins the
 *   paragraph to the next one in `proposed`; an inserted one joins them in
 *   `sent` (joinedParagraphs gives the paragraphs as each version reads).
 * - A table row inserted or deleted (`w:trPr/w:ins|w:del`) is on the row in
 *   each of its paragraphs' `cells`.
 * - Formatting changes (`w:rPrChange`, `w:pPrChange`) change no text; they
 *   are listed in `formatChanges`, who and when, nothing else.
 * - Text another author inserted and a second one deleted (`w:ins` around
 *   `w:del`) is in neither text: a deletion with `within` the insertion,
 *   its ranges empty.
 * - Not read: text boxes (`w:txbxContent`) and `mc:Fallback` (Word writes
 *   the same content twice there), headers, footers, footnotes; Word's
 *   `_GoBack` bookmark (where the cursor last was).
 *
 * Offsets are in UTF-16 code units of `sent` and `proposed`, ends
 * exclusive. Attributes are looked up by their local name (`w:author` and
 * any other prefix bound the same way), since Word and LibreOffice always
 * write the prefix of the element.
 *
 * The file is opened within package-reader.ts's limits and its XML read by
 * xml-reader.ts (no DTD, no entities, bounded depth); on top of those, the
 * limits below bound what one returned contract may hold. The bilingual
 * contract of the enterprise preset reads as 915 paragraphs and 121,470
 * characters (sent and proposed together); a few hundred changes or
 * comments would be a hard round. The limits are about twenty times that,
 * so a 300-page document (some 12,000 paragraphs) still reads, and a file
 * past them is refused with the limit named (i18n `markup.errors.*`). Read
 * it in a worker (read-in-worker.ts, workerMarkupReader) like any imported
 * .docx.
 */
import { MAX_DOCX_BYTES } from './draft-part';
import { openDocxPackage, UnpackRefused, type DocxPackage, type PackageFailure } from './package-reader';
import { readXml, XmlRefused, type XmlStartTag } from './xml-reader';

/** Paragraphs in the body, table cells included. */
export const MAX_MARKUP_PARAGRAPHS = 20_000;
/** Characters of all paragraphs' `sent` and `proposed` together, and of all comments' text. */
export const MAX_MARKUP_TEXT = 4_000_000;
/** Tracked changes (after adjacent ones are joined) and formatting changes. */
export const MAX_MARKUP_CHANGES = 20_000;
/** Comments, replies included. */
export const MAX_MARKUP_COMMENTS = 5_000;

/** The two ends of a piece of text, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** Where something is in a paragraph: in its text before their changes and after them. */
export interface MarkupSpan {
  sent: Span;
  proposed: Span;
}

export type MarkupChangeKind = 'insertion' | 'deletion' | 'moveFrom' | 'moveTo';

/** Who made a change and when, as the file says (null where it says nothing). */
export interface MarkupAuthor {
  author: string | null;
  /** w:date as written: xsd:dateTime, Word writes "2026-03-01T09:30:00Z". */
  date: string | null;
}

export interface MarkupChange extends MarkupAuthor, MarkupSpan {
  kind: MarkupChangeKind;
  /** The w:id of each element joined into this change. */
  ids: string[];
  /** The text inserted, deleted or moved ('' for a paragraph mark). */
  text: string;
  /** The change is to the paragraph mark: this paragraph and the next were joined or split. */
  paragraphMark?: true;
  /** The w:name linking a move's two halves (w:moveFromRangeStart / w:moveToRangeStart). */
  moveName?: string;
  /** The insertion or move this text was part of when it was deleted (then it is in neither text). */
  within?: MarkupAuthor & { kind: MarkupChangeKind };
}

export interface BookmarkMark extends MarkupSpan {
  name: string;
}

export interface ContentControlMark extends MarkupSpan {
  tag: string | null;
  alias: string | null;
  id: string | null;
}

export interface CommentMark extends MarkupSpan {
  commentId: string;
}

/** A table cell a paragraph is in: the table's number in document order, the row's and the cell's in theirs (from 0). */
export interface CellPlace {
  table: number;
  row: number;
  cell: number;
  /** The row itself was inserted or deleted. */
  rowChange?: MarkupAuthor & { kind: 'insertion' | 'deletion' };
}

export interface MarkupParagraph {
  /** Its number in reading order, from 0. */
  index: number;
  /** The cells it is in, outermost first; empty in the body. */
  cells: CellPlace[];
  /** w:pStyle (the style id), null for the default. */
  style: string | null;
  sent: string;
  proposed: string;
  /** A tracked change of the paragraph mark (also in `changes`). */
  mark: (MarkupAuthor & { kind: MarkupChangeKind }) | null;
  changes: MarkupChange[];
  formatChanges: MarkupAuthor[];
  /** The part of each bookmark, content control and comment range in this paragraph. */
  bookmarks: BookmarkMark[];
  contentControls: ContentControlMark[];
  comments: CommentMark[];
}

export interface MarkupComment extends MarkupAuthor {
  id: string;
  initials: string | null;
  /** Its paragraphs joined by line feeds. */
  text: string;
  /** The comment this one answers (commentsExtended.xml w15:paraIdParent). */
  parentId: string | null;
  /** Marked done (resolved): null where the file does not say. */
  done: boolean | null;
  /** The text it is anchored to, null when nothing in the body refers to it. */
  anchor: { paragraphs: number[]; sent: string; proposed: string } | null;
}

export interface Markup {
  paragraphs: MarkupParagraph[];
  comments: MarkupComment[];
  /** The authors of the tracked changes and comments, in order of appearance. */
  authors: string[];
}

/**
 * Why a file is refused:
 * - notDocx: not a zip archive, or a zip without word/document.xml;
 * - tooLarge: larger than MAX_DOCX_BYTES before unpacking;
 * - tooLargeOrDamaged: unpacked past package-reader.ts's limits (entries,
 *   bytes), or compressed data that does not inflate;
 * - duplicateEntry: two entries of the package under one name, so either
 *   could be read;
 * - damaged: a part read is not well-formed XML, or uses what
 *   xml-reader.ts refuses (a DTD, entities);
 * - tooManyParagraphs, tooMuchText, tooManyChanges, tooManyComments: past
 *   the MAX_MARKUP_* limits above.
 */
export const MARKUP_FAILURES = [
  'notDocx',
  'tooLarge',
  'tooLargeOrDamaged',
  'duplicateEntry',
  'damaged',
  'tooManyParagraphs',
  'tooMuchText',
  'tooManyChanges',
  'tooManyComments',
] as const;
export type MarkupFailure = (typeof MARKUP_FAILURES)[number];

/** A refusal names the reason and, for a limit, the bound exceeded (in MB for tooLarge), for the message (i18n `markup.errors.<reason>`). */
export type MarkupResult = { ok: true; markup: Markup } | { ok: false; reason: MarkupFailure; limit?: number };

const W_NAMESPACES = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);
const MC_NAMESPACE = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const PACKAGE_RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const COMMENTS_REL = /\/relationships\/comments$/;
const COMMENTS_EXTENDED_REL = /\/relationships\/commentsExtended$/;

class LimitReached extends Error {
  constructor(
    readonly reason: 'tooManyParagraphs' | 'tooMuchText' | 'tooManyChanges' | 'tooManyComments',
    readonly limit: number,
  ) {
    super(`${reason}: past ${limit}`);
  }
}

/** An attribute by its local name, as the element's prefix writes it (`w:id`), or any prefix. */
function attribute(tag: XmlStartTag, local: string): string | null {
  const colon = tag.name.indexOf(':');
  const own = colon < 0 ? local : `${tag.name.slice(0, colon)}:${local}`;
  if (tag.attributes[own] !== undefined) return tag.attributes[own];
  for (const [name, value] of Object.entries(tag.attributes)) if (name === local || name.endsWith(`:${local}`)) return value;
  return null;
}

function authorOf(tag: XmlStartTag): MarkupAuthor {
  return { author: attribute(tag, 'author'), date: attribute(tag, 'date') };
}

const CHANGE_KINDS: Readonly<Record<string, MarkupChangeKind>> = { ins: 'insertion', del: 'deletion', moveFrom: 'moveFrom', moveTo: 'moveTo' };
const inSent = (kind: MarkupChangeKind) => kind === 'deletion' || kind === 'moveFrom';

/** Elements whose content is never text of the paragraph. */
const NOT_TEXT = new Set(['instrText', 'delInstrText', 'txbxContent', 'footnoteReference', 'endnoteReference', 'object', 'pict', 'drawing']);

interface OpenChange extends MarkupAuthor {
  kind: MarkupChangeKind;
  id: string;
  depth: number;
  moveName?: string;
}

interface OpenMark {
  kind: 'bookmark' | 'contentControl' | 'comment';
  key: string;
  /** Where its part in the current paragraph starts; null outside a paragraph. */
  from: { sent: number; proposed: number } | null;
  name?: string;
  tag?: string | null;
  alias?: string | null;
  id?: string | null;
}

interface OpenTable {
  table: number;
  depth: number;
  row: number;
  cell: number;
  rowChange?: CellPlace['rowChange'];
}

interface Budget {
  text: number;
  changes: number;
}

/** Properties whose changes are formatting, not text (w:rPrChange, w:pPrChange, w:tblPrChange, w:numberingChange, …). */
const FORMAT_CHANGE = /^(?:\w+PrChange|tblGridChange|numberingChange)$/;

/** The paragraphs of word/document.xml. Throws XmlRefused and LimitReached. */
function readBody(xml: string, budget: Budget): MarkupParagraph[] {
  const paragraphs: MarkupParagraph[] = [];
  const tables: OpenTable[] = [];
  let tableCount = 0;
  const changes: OpenChange[] = [];
  const marks = new Map<string, OpenMark>();
  const sdts: { depth: number; tag: string | null; alias: string | null; id: string | null; key: string }[] = [];
  let sdtCount = 0;
  const moveRanges = new Map<string, { kind: 'moveFrom' | 'moveTo'; name: string }>();
  const commentsEnded = new Set<string>();
  /** Complex fields open: 'instruction' until w:fldChar separate, then 'result'. */
  const fields: ('instruction' | 'result')[] = [];

  let paragraph: MarkupParagraph | null = null;
  let paragraphDepth = 0;
  let paragraphMarkId = '';
  /** Inside an element none of whose content is read (a text box, a field instruction, a former formatting). */
  let skipDepth: number | null = null;
  /** Inside properties (w:pPr, w:rPr, w:trPr, …): which, and the depth of the w:rPr of a paragraph mark in w:pPr. */
  let properties: { depth: number; name: string; markRunDepth: number | null } | null = null;
  let sdtPrDepth: number | null = null;
  let textDepth: number | null = null;

  const countChange = () => {
    if (--budget.changes < 0) throw new LimitReached('tooManyChanges', MAX_MARKUP_CHANGES);
  };
  const here = (p: MarkupParagraph) => ({ sent: p.sent.length, proposed: p.proposed.length });

  /** Records the part of an open mark in the current paragraph, up to where the paragraph has got. */
  const closeMarkPart = (p: MarkupParagraph, mark: OpenMark) => {
    if (!mark.from) return;
    const span = { sent: { start: mark.from.sent, end: p.sent.length }, proposed: { start: mark.from.proposed, end: p.proposed.length } };
    if (mark.kind === 'bookmark') p.bookmarks.push({ name: mark.name!, ...span });
    else if (mark.kind === 'contentControl') p.contentControls.push({ tag: mark.tag ?? null, alias: mark.alias ?? null, id: mark.id ?? null, ...span });
    else p.comments.push({ commentId: mark.key.slice('comment:'.length), ...span });
    mark.from = null;
  };
  const openMark = (mark: OpenMark) => {
    mark.from = paragraph ? here(paragraph) : null;
    marks.set(mark.key, mark);
  };
  const endMark = (key: string) => {
    const mark = marks.get(key);
    if (!mark) return;
    if (paragraph) closeMarkPart(paragraph, mark);
    marks.delete(key);
  };

  interface FoundChange extends MarkupAuthor {
    kind: MarkupChangeKind;
    id: string;
    text: string;
    before: { sent: number; proposed: number };
    moveName?: string;
    within?: MarkupChange['within'];
    paragraphMark?: true;
  }

  /** Adds a change to the paragraph, joined to the one before when it continues it (same kind, author and date, no gap). */
  const addChange = (p: MarkupParagraph, found: FoundChange) => {
    const after = here(p);
    const last = p.changes[p.changes.length - 1];
    const continues =
      last !== undefined &&
      !last.paragraphMark &&
      !found.paragraphMark &&
      last.kind === found.kind &&
      last.author === found.author &&
      last.date === found.date &&
      last.moveName === found.moveName &&
      JSON.stringify(last.within) === JSON.stringify(found.within) &&
      last.sent.end === found.before.sent &&
      last.proposed.end === found.before.proposed;
    if (continues) {
      last.text += found.text;
      last.sent.end = after.sent;
      last.proposed.end = after.proposed;
      if (!last.ids.includes(found.id)) last.ids.push(found.id);
      return;
    }
    countChange();
    p.changes.push({
      kind: found.kind,
      author: found.author,
      date: found.date,
      ids: [found.id],
      text: found.text,
      sent: { start: found.before.sent, end: after.sent },
      proposed: { start: found.before.proposed, end: after.proposed },
      ...(found.paragraphMark ? { paragraphMark: true as const } : {}),
      ...(found.moveName !== undefined ? { moveName: found.moveName } : {}),
      ...(found.within ? { within: found.within } : {}),
    });
  };

  /** Text of the current paragraph, in `sent`, `proposed` or neither as the changes open around it say. */
  const emit = (text: string) => {
    const p = paragraph;
    if (!p || text === '' || fields.includes('instruction')) return;
    budget.text -= 2 * text.length;
    if (budget.text < 0) throw new LimitReached('tooMuchText', MAX_MARKUP_TEXT);
    const before = here(p);
    if (changes.every((change) => inSent(change.kind))) p.sent += text;
    if (changes.every((change) => !inSent(change.kind))) p.proposed += text;
    const change = changes[changes.length - 1];
    if (!change) return;
    const outer = changes.length > 1 ? changes[changes.length - 2]! : undefined;
    addChange(p, {
      kind: change.kind,
      author: change.author,
      date: change.date,
      id: change.id,
      text,
      before,
      ...(change.moveName !== undefined ? { moveName: change.moveName } : {}),
      ...(outer ? { within: { kind: outer.kind, author: outer.author, date: outer.date } } : {}),
    });
  };

  const openParagraph = (depth: number) => {
    if (paragraphs.length >= MAX_MARKUP_PARAGRAPHS) throw new LimitReached('tooManyParagraphs', MAX_MARKUP_PARAGRAPHS);
    paragraph = {
      index: paragraphs.length,
      cells: tables.map(({ table, row, cell, rowChange }) => ({ table, row, cell, ...(rowChange ? { rowChange } : {}) })),
      style: null,
      sent: '',
      proposed: '',
      mark: null,
      changes: [],
      formatChanges: [],
      bookmarks: [],
      contentControls: [],
      comments: [],
    };
    paragraphDepth = depth;
    paragraphMarkId = '';
    for (const mark of marks.values()) mark.from = { sent: 0, proposed: 0 };
  };

  const closeParagraph = (p: MarkupParagraph) => {
    for (const mark of marks.values()) closeMarkPart(p, mark);
    if (p.mark) addChange(p, { ...p.mark, id: paragraphMarkId, text: '', before: here(p), paragraphMark: true });
    paragraphs.push(p);
    paragraph = null;
  };

  /** What is read inside properties: the style, a change of the paragraph mark or of a row, formatting changes. */
  const inProperties = (tag: XmlStartTag, open: NonNullable<typeof properties>) => {
    const { localName, depth } = tag;
    if (FORMAT_CHANGE.test(localName)) {
      if (paragraph) {
        countChange();
        paragraph.formatChanges.push(authorOf(tag));
      }
      // The former properties it holds (a former style, a former paragraph mark) are not the paragraph's.
      skipDepth = depth;
      return;
    }
    const kind = CHANGE_KINDS[localName];
    if (open.name === 'pPr' && paragraph) {
      if (depth === open.depth + 1 && localName === 'pStyle') paragraph.style = attribute(tag, 'val');
      else if (depth === open.depth + 1 && localName === 'rPr') open.markRunDepth = depth;
      else if (kind && open.markRunDepth !== null && depth === open.markRunDepth + 1) {
        paragraph.mark = { kind, ...authorOf(tag) };
        paragraphMarkId = attribute(tag, 'id') ?? '';
      }
    } else if (open.name === 'trPr' && depth === open.depth + 1 && (kind === 'insertion' || kind === 'deletion')) {
      const table = tables[tables.length - 1];
      if (table) table.rowChange = { kind, ...authorOf(tag) };
    }
  };

  readXml(xml, {
    openElement(tag) {
      const { depth, localName } = tag;
      if (skipDepth !== null) return;
      if (tag.namespace === MC_NAMESPACE && localName === 'Fallback') {
        skipDepth = depth;
        return;
      }
      if (!W_NAMESPACES.has(tag.namespace)) return;
      if (properties) return inProperties(tag, properties);
      if (sdtPrDepth !== null) {
        const sdt = sdts[sdts.length - 1];
        if (sdt && depth === sdtPrDepth + 1) {
          if (localName === 'tag') sdt.tag = attribute(tag, 'val');
          else if (localName === 'alias') sdt.alias = attribute(tag, 'val');
          else if (localName === 'id') sdt.id = attribute(tag, 'val');
        }
        return;
      }
      if (localName === 'sdtPr') {
        sdtPrDepth = depth;
        return;
      }
      if (localName === 'sdtEndPr' || NOT_TEXT.has(localName)) {
        skipDepth = depth;
        return;
      }
      if (/Pr(?:Ex)?$/.test(localName) || localName === 'tblGrid') {
        properties = { depth, name: localName, markRunDepth: null };
        return;
      }

      switch (localName) {
        case 'p':
          // A paragraph inside a paragraph is in a text box or the like: not read.
          if (paragraph) skipDepth = depth;
          else openParagraph(depth);
          return;
        case 'tbl':
          tables.push({ table: tableCount++, depth, row: -1, cell: -1 });
          return;
        case 'tr': {
          const table = tables[tables.length - 1];
          if (table) {
            table.row++;
            table.cell = -1;
            delete table.rowChange;
          }
          return;
        }
        case 'tc': {
          const table = tables[tables.length - 1];
          if (table) table.cell++;
          return;
        }
        case 'ins':
        case 'del':
        case 'moveFrom':
        case 'moveTo': {
          const kind = CHANGE_KINDS[localName]!;
          let moveName: string | undefined;
          for (const range of moveRanges.values()) if (range.kind === kind) moveName = range.name;
          changes.push({ kind, id: attribute(tag, 'id') ?? '', depth, ...authorOf(tag), ...(moveName !== undefined ? { moveName } : {}) });
          return;
        }
        case 'moveFromRangeStart':
        case 'moveToRangeStart':
          moveRanges.set(`${localName}:${attribute(tag, 'id')}`, {
            kind: localName === 'moveFromRangeStart' ? 'moveFrom' : 'moveTo',
            name: attribute(tag, 'name') ?? '',
          });
          return;
        case 'moveFromRangeEnd':
        case 'moveToRangeEnd':
          moveRanges.delete(`${localName.replace('End', 'Start')}:${attribute(tag, 'id')}`);
          return;
        case 't':
        case 'delText':
          textDepth = depth;
          return;
        case 'tab':
        case 'ptab':
          emit('\t');
          return;
        case 'br':
          // A page or column break is layout, not text (LibreOffice turns w:pageBreakBefore into one on saving).
          if (attribute(tag, 'type') !== 'page' && attribute(tag, 'type') !== 'column') emit('\n');
          return;
        case 'cr':
          emit('\n');
          return;
        case 'noBreakHyphen':
          emit('\u2011');
          return;
        case 'sym': {
          const code = Number.parseInt(attribute(tag, 'char') ?? '', 16);
          if (Number.isInteger(code) && code > 0 && code <= 0xffff) emit(String.fromCharCode(code));
          return;
        }
        case 'fldChar': {
          const type = attribute(tag, 'fldCharType');
          if (type === 'begin') fields.push('instruction');
          else if (type === 'separate' && fields.length > 0) fields[fields.length - 1] = 'result';
          else if (type === 'end') fields.pop();
          return;
        }
        case 'bookmarkStart': {
          const name = attribute(tag, 'name') ?? '';
          if (name !== '_GoBack') openMark({ kind: 'bookmark', key: `bookmark:${attribute(tag, 'id')}`, from: null, name });
          return;
        }
        case 'bookmarkEnd':
          endMark(`bookmark:${attribute(tag, 'id')}`);
          return;
        case 'commentRangeStart':
          openMark({ kind: 'comment', key: `comment:${attribute(tag, 'id')}`, from: null });
          return;
        case 'commentRangeEnd': {
          const id = attribute(tag, 'id') ?? '';
          endMark(`comment:${id}`);
          commentsEnded.add(id);
          return;
        }
        case 'commentReference': {
          // A comment without a range is anchored where its reference is.
          const id = attribute(tag, 'id') ?? '';
          if (paragraph && !marks.has(`comment:${id}`) && !commentsEnded.has(id)) {
            const at = here(paragraph);
            paragraph.comments.push({ commentId: id, sent: { start: at.sent, end: at.sent }, proposed: { start: at.proposed, end: at.proposed } });
          }
          return;
        }
        case 'sdt':
          sdts.push({ depth, tag: null, alias: null, id: null, key: `sdt:${sdtCount++}` });
          return;
        case 'sdtContent': {
          const sdt = sdts[sdts.length - 1];
          if (sdt) openMark({ kind: 'contentControl', key: sdt.key, from: null, tag: sdt.tag, alias: sdt.alias, id: sdt.id });
          return;
        }
      }
    },
    text(text, depth) {
      if (skipDepth === null && textDepth !== null && depth === textDepth) emit(text);
    },
    closeElement(_name, depth) {
      if (skipDepth !== null) {
        if (depth === skipDepth) skipDepth = null;
        return;
      }
      if (properties) {
        if (depth === properties.depth) properties = null;
        else if (depth === properties.markRunDepth) properties.markRunDepth = null;
        return;
      }
      if (depth === sdtPrDepth) sdtPrDepth = null;
      if (depth === textDepth) textDepth = null;
      if (changes[changes.length - 1]?.depth === depth) changes.pop();
      if (sdts[sdts.length - 1]?.depth === depth) endMark(sdts.pop()!.key);
      if (tables[tables.length - 1]?.depth === depth) tables.pop();
      if (paragraph && depth === paragraphDepth) closeParagraph(paragraph);
    },
  });
  return paragraphs;
}

// ── Comments ────────────────────────────────────────────────────────────────

interface CommentEntry {
  id: string;
  author: string | null;
  date: string | null;
  initials: string | null;
  text: string;
  /** w14:paraId of its last paragraph: what commentsExtended.xml refers to. */
  paraId: string | null;
}

/** The comments of word/comments.xml, in order. Throws XmlRefused and LimitReached. */
function readComments(xml: string, budget: Budget): CommentEntry[] {
  const comments: CommentEntry[] = [];
  let comment: (CommentEntry & { depth: number; paragraphs: string[] }) | null = null;
  let skipDepth: number | null = null;
  let textDepth: number | null = null;
  let deletedDepth: number | null = null;
  readXml(xml, {
    openElement(tag) {
      if (skipDepth !== null || !W_NAMESPACES.has(tag.namespace)) return;
      const { localName, depth } = tag;
      if (localName === 'comment') {
        if (comments.length >= MAX_MARKUP_COMMENTS) throw new LimitReached('tooManyComments', MAX_MARKUP_COMMENTS);
        comment = { id: attribute(tag, 'id') ?? '', ...authorOf(tag), initials: attribute(tag, 'initials'), text: '', paraId: null, depth, paragraphs: [] };
      } else if (!comment) return;
      else if (localName === 'p') {
        comment.paragraphs.push('');
        comment.paraId = attribute(tag, 'paraId');
      } else if (localName === 'del') deletedDepth ??= depth;
      else if (localName === 't') textDepth = depth;
      else if (localName === 'tab') add('\t');
      else if (localName === 'br' || localName === 'cr') add('\n');
      else if (NOT_TEXT.has(localName) || /Pr$/.test(localName)) skipDepth = depth;
    },
    text(text, depth) {
      if (skipDepth === null && depth === textDepth) add(text);
    },
    closeElement(_name, depth) {
      if (depth === skipDepth) skipDepth = null;
      if (skipDepth !== null) return;
      if (depth === textDepth) textDepth = null;
      if (depth === deletedDepth) deletedDepth = null;
      if (comment && depth === comment.depth) {
        const { depth: _depth, paragraphs, ...entry } = comment;
        comments.push({ ...entry, text: paragraphs.join('\n') });
        comment = null;
      }
    },
  });
  return comments;

  function add(text: string) {
    if (!comment || deletedDepth !== null || comment.paragraphs.length === 0) return;
    budget.text -= text.length;
    if (budget.text < 0) throw new LimitReached('tooMuchText', MAX_MARKUP_TEXT);
    comment.paragraphs[comment.paragraphs.length - 1] += text;
  }
}

/** commentsExtended.xml: by paragraph id, the paragraph id of the comment answered and whether it is done. */
function readCommentsExtended(xml: string): Map<string, { parent: string | null; done: boolean }> {
  const extended = new Map<string, { parent: string | null; done: boolean }>();
  readXml(xml, {
    openElement(tag) {
      if (tag.localName !== 'commentEx') return;
      const paraId = attribute(tag, 'paraId');
      const done = attribute(tag, 'done');
      if (paraId) extended.set(paraId, { parent: attribute(tag, 'paraIdParent'), done: done === '1' || done === 'true' });
    },
  });
  return extended;
}

function assembleComments(
  entries: CommentEntry[],
  extended: Map<string, { parent: string | null; done: boolean }> | null,
  paragraphs: MarkupParagraph[],
): MarkupComment[] {
  const byParaId = new Map(entries.filter((entry) => entry.paraId !== null).map((entry) => [entry.paraId!, entry.id]));
  const anchors = new Map<string, { paragraphs: number[]; sent: string[]; proposed: string[] }>();
  for (const paragraph of paragraphs) {
    for (const mark of paragraph.comments) {
      const anchor = anchors.get(mark.commentId) ?? { paragraphs: [], sent: [], proposed: [] };
      anchor.paragraphs.push(paragraph.index);
      anchor.sent.push(paragraph.sent.slice(mark.sent.start, mark.sent.end));
      anchor.proposed.push(paragraph.proposed.slice(mark.proposed.start, mark.proposed.end));
      anchors.set(mark.commentId, anchor);
    }
  }
  return entries.map(({ id, author, date, initials, text, paraId }) => {
    const more = paraId !== null ? extended?.get(paraId) : undefined;
    const anchor = anchors.get(id);
    return {
      id,
      author,
      date,
      initials,
      text,
      parentId: more?.parent ? (byParaId.get(more.parent) ?? null) : null,
      done: more ? more.done : null,
      anchor: anchor ? { paragraphs: anchor.paragraphs, sent: anchor.sent.join('\n'), proposed: anchor.proposed.join('\n') } : null,
    };
  });
}

// ── The package ─────────────────────────────────────────────────────────────

/** The comments parts the document part relates to, resolved against word/; the usual names when it relates none. */
function commentParts(rels: string | undefined): { comments: string; extended: string } {
  const found = { comments: 'word/comments.xml', extended: 'word/commentsExtended.xml' };
  if (rels === undefined) return found;
  readXml(rels, {
    openElement(tag) {
      if (tag.localName !== 'Relationship' || tag.namespace !== PACKAGE_RELS_NS || tag.attributes['TargetMode'] === 'External') return;
      const { Type: type = '', Target: target } = tag.attributes;
      if (!target) return;
      if (COMMENTS_REL.test(type)) found.comments = resolveTarget(target);
      else if (COMMENTS_EXTENDED_REL.test(type)) found.extended = resolveTarget(target);
    },
  });
  return found;
}

function resolveTarget(target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `word/${target}`).split('/');
  const resolved: string[] = [];
  for (const part of parts) {
    if (part === '..') resolved.pop();
    else if (part !== '.' && part !== '') resolved.push(part);
  }
  return resolved.join('/');
}

async function readPackage(docx: DocxPackage): Promise<Markup> {
  const budget: Budget = { text: MAX_MARKUP_TEXT, changes: MAX_MARKUP_CHANGES };
  const paragraphs = readBody((await docx.readText('word/document.xml'))!, budget);
  const parts = commentParts(await docx.readText('word/_rels/document.xml.rels'));
  const commentsXml = docx.has(parts.comments) ? await docx.readText(parts.comments) : undefined;
  const extendedXml = docx.has(parts.extended) ? await docx.readText(parts.extended) : undefined;
  const entries = commentsXml === undefined ? [] : readComments(commentsXml, budget);
  const comments = assembleComments(entries, extendedXml === undefined ? null : readCommentsExtended(extendedXml), paragraphs);

  const authors = new Set<string>();
  for (const paragraph of paragraphs) {
    for (const change of paragraph.changes) if (change.author !== null) authors.add(change.author);
  }
  for (const comment of comments) if (comment.author !== null) authors.add(comment.author);
  return { paragraphs, comments, authors: [...authors] };
}

const PACKAGE_FAILURES: Record<PackageFailure, MarkupFailure> = {
  notZip: 'notDocx',
  tooManyEntries: 'tooLargeOrDamaged',
  duplicateEntry: 'duplicateEntry',
};

/** Reads the markup of a returned .docx; refusals are answers, never exceptions. */
export async function readMarkup(bytes: Uint8Array): Promise<MarkupResult> {
  if (bytes.byteLength > MAX_DOCX_BYTES) return { ok: false, reason: 'tooLarge', limit: MAX_DOCX_BYTES / (1024 * 1024) };
  const opened = await openDocxPackage(bytes);
  if (!opened.ok) return { ok: false, reason: PACKAGE_FAILURES[opened.reason] };
  if (!opened.docx.has('[Content_Types].xml') || !opened.docx.has('word/document.xml')) return { ok: false, reason: 'notDocx' };
  try {
    return { ok: true, markup: await readPackage(opened.docx) };
  } catch (error) {
    if (error instanceof LimitReached) return { ok: false, reason: error.reason, limit: error.limit };
    if (error instanceof XmlRefused) return { ok: false, reason: 'damaged' };
    if (error instanceof UnpackRefused) return { ok: false, reason: 'tooLargeOrDamaged' };
    throw error;
  }
}

/**
 * The paragraphs as one version reads them: in `sent`, a paragraph whose
 * mark they inserted runs on into the next; in `proposed`, one whose mark
 * they deleted does; the paragraphs of a table row that is not in that
 * version (inserted, or deleted) are left out. Each joined paragraph lists
 * the paragraphs it is made of. (A joined paragraph that would run into a
 * table or past the end of a cell ends there: Word does not join across
 * them either.)
 */
export function joinedParagraphs(markup: Markup, version: 'sent' | 'proposed'): { text: string; paragraphs: number[] }[] {
  const out: { text: string; paragraphs: number[] }[] = [];
  /** The paragraph being joined, and the cell it is in. */
  let open: { text: string; paragraphs: number[] } | null = null;
  let openCells = '';
  const absent = (kind: MarkupChangeKind) => (version === 'sent' ? !inSent(kind) : inSent(kind));
  for (const paragraph of markup.paragraphs) {
    if (paragraph.cells.some((cell) => cell.rowChange && absent(cell.rowChange.kind))) continue;
    const cells = JSON.stringify(paragraph.cells.map(({ table, row, cell }) => [table, row, cell]));
    if (open !== null && openCells !== cells) out.push(open);
    if (open === null || openCells !== cells) open = { text: '', paragraphs: [] };
    openCells = cells;
    open.text += paragraph[version];
    open.paragraphs.push(paragraph.index);
    if (!paragraph.mark || !absent(paragraph.mark.kind)) {
      out.push(open);
      open = null;
    }
  }
  if (open !== null) out.push(open);
  return out;
}
