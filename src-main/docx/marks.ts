/**
 * Marks that let a contract or redline be read back: which clause each
 * paragraph belongs to, and which draft field each generated value comes
 * from, kept in the file in a form Word and LibreOffice keep when someone
 * edits and saves it (docs/FORMAT.md §12).
 *
 * The marks are hidden bookmarks (names starting with "_", which Word
 * lists only under "Hidden bookmarks"): nothing shows on the page, nothing
 * is locked, and a reader who never looks for them never meets them.
 *
 * - Every paragraph with text gets a bookmark of its own, from its first
 *   character to its last: `_sla_c<n>_<k>` (the k-th paragraph of clause
 *   n) or `_sla_cover_<k>` (the cover page). A bookmark never crosses a
 *   paragraph, a table cell or a table: LibreOffice drops or breaks
 *   bookmarks that start and end in different tables (tried with 7.4), and
 *   in a bilingual contract a range would take in the other column.
 * - Every generated value (a ContractDoc run with a `source`) is a
 *   bookmark around its runs inside the paragraph: `_sla_f<n>_<k>` (the
 *   k-th place field n is printed).
 * - The numbers n are resolved by a table in a custom XML part of the
 *   package (`urn:sla-studio:marks`, beside the draft part): clause n is a
 *   clause id and number, field n a draft path (and the computation, for a
 *   value computed from it).
 *
 * This file writes the marks (DocumentMarks, used by the contract writer),
 * the table's part, and reads both back for the counterparty-markup
 * reader: readMarks (the bookmarks of a document.xml, with the paragraphs
 * and text they hold), findMarksTable / readMarksTable (the table),
 * resolveMark (a name's meaning) and paragraphPlaces (each paragraph's
 * clause).
 */
import { BookmarkEnd, BookmarkStart, type ParagraphChild } from 'docx';
import type { Clause, Run, RunSource } from '../../src-shared/contract/doc';
import type { DocxPackage } from './package-reader';
import type { Revisions } from './revisions';
import { readXml, XmlRefused } from './xml-reader';

/** The namespace and root element of the marks table's custom XML part. */
export const MARKS_NAMESPACE = 'urn:sla-studio:marks';
export const MARKS_ROOT = 'slaMarks';
/** The table's format: a reader refuses a table of a later format it does not know. */
export const MARKS_FORMAT = 1;

/** Word keeps at most 40 characters of a bookmark's name. */
export const MAX_BOOKMARK_NAME = 40;
/** What Word accepts in a bookmark's name (a leading "_" makes it hidden); ours are ASCII only. */
const BOOKMARK_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const CLAUSE_MARK = /^_sla_c(\d+)_(\d+)$/;
const COVER_MARK = /^_sla_cover_(\d+)$/;
const FIELD_MARK = /^_sla_f(\d+)_(\d+)$/;

/** A clause of the marks table: its stable id (doc.ts) and its number as the document prints it ("4.2", "" when unnumbered). */
export interface MarkedClause {
  id: string;
  number: string;
}

/** A field of the marks table: the draft path, and for a computed value the computation (RunSource). */
export type MarkedField = RunSource;

/** What a document's marks refer to; entry n of each list is number n + 1 in a mark's name. */
export interface MarksTable {
  clauses: MarkedClause[];
  fields: MarkedField[];
}

export type MarkTarget =
  | { kind: 'clause'; clause: MarkedClause }
  | { kind: 'cover' }
  | { kind: 'field'; field: MarkedField }
  /** A name of ours whose number the table does not have (a table damaged or from another file). */
  | { kind: 'unknown' };

/** Whether Word takes `name` as a bookmark name as it is: at most 40 characters, a letter or "_" first, then letters, digits and "_". */
export function isValidBookmarkName(name: string): boolean {
  return name.length <= MAX_BOOKMARK_NAME && BOOKMARK_NAME.test(name);
}

/** Whether a bookmark is one of SLA Studio's marks. */
export function isMarkName(name: string): boolean {
  return CLAUSE_MARK.test(name) || COVER_MARK.test(name) || FIELD_MARK.test(name);
}

/** What a mark's name refers to, by the table; null for a bookmark that is not ours. */
export function resolveMark(name: string, table: MarksTable): MarkTarget | null {
  if (COVER_MARK.test(name)) return { kind: 'cover' };
  const clause = CLAUSE_MARK.exec(name);
  if (clause) {
    const entry = table.clauses[Number(clause[1]) - 1];
    return entry ? { kind: 'clause', clause: entry } : { kind: 'unknown' };
  }
  const field = FIELD_MARK.exec(name);
  if (field) {
    const entry = table.fields[Number(field[1]) - 1];
    return entry ? { kind: 'field', field: entry } : { kind: 'unknown' };
  }
  return null;
}

// ── Writing ─────────────────────────────────────────────────────────────────

/**
 * The docx library writes any component given as a paragraph's child; its
 * type lists only the `Bookmark` wrapper, which draws its w:id from one
 * counter for the whole process, so that the same contract would not pack
 * to the same bytes twice. The ids here come from the document's own.
 */
function asChild(element: BookmarkStart | BookmarkEnd): ParagraphChild {
  return element as unknown as ParagraphChild;
}

function sourceKey(source: RunSource): string {
  return source.computed === undefined ? source.path : `${source.path}\u0000${source.computed}`;
}

/** Writes runs as paragraph children, with a field mark around each generated value. */
export interface FieldMarks {
  around(runs: readonly Run[], write: (run: Run) => ParagraphChild[], revisions: Revisions | null): ParagraphChild[];
}

/**
 * The marks of one document being written: hands out bookmark names and
 * ids, and builds the table that resolves them. One per document (both
 * languages of a bilingual contract share it).
 */
export class DocumentMarks implements FieldMarks {
  private readonly clauses = new Map<string, { n: number; count: number; entry: MarkedClause }>();
  private readonly fields = new Map<string, { n: number; count: number; entry: MarkedField }>();
  private coverCount = 0;
  private lastId = 0;

  /**
   * `nextId`: where the bookmarks' w:id come from. A redline passes its
   * Revisions' sequence, so that no bookmark shares an id with a tracked
   * change (ECMA-376 calls both annotations, each with "a unique identifier").
   */
  constructor(private readonly nextId: () => number = () => ++this.lastId) {}

  /** The marks of a clause's paragraphs. */
  clause(clause: Pick<Clause, 'id' | 'number'>): ParagraphMarks {
    let known = this.clauses.get(clause.id);
    if (!known) {
      known = { n: this.clauses.size + 1, count: 0, entry: { id: clause.id, number: clause.number.join('.') } };
      this.clauses.set(clause.id, known);
    }
    const entry = known;
    return new ParagraphMarks(this, () => `_sla_c${entry.n}_${++entry.count}`);
  }

  /** The marks of the cover page's paragraphs. */
  cover(): ParagraphMarks {
    return new ParagraphMarks(this, () => `_sla_cover_${++this.coverCount}`);
  }

  /** Field marks that take `source` for runs without one of their own (a signatory's name, the cover's title). */
  withSource(source: RunSource): FieldMarks {
    return { around: (runs, write, revisions) => this.fieldRuns(runs, write, revisions, source) };
  }

  around(runs: readonly Run[], write: (run: Run) => ParagraphChild[], revisions: Revisions | null): ParagraphChild[] {
    return this.fieldRuns(runs, write, revisions, undefined);
  }

  /** Children inside a bookmark of this name. */
  wrap(name: string, children: ParagraphChild[]): ParagraphChild[] {
    const id = this.nextId();
    return [asChild(new BookmarkStart(name, id)), ...children, asChild(new BookmarkEnd(id))];
  }

  /** The table of this document's marks, in the order the numbers were handed out. */
  table(): MarksTable {
    return {
      clauses: [...this.clauses.values()].map((clause) => clause.entry),
      fields: [...this.fields.values()].map((field) => field.entry),
    };
  }

  private fieldName(source: RunSource): string {
    const key = sourceKey(source);
    let known = this.fields.get(key);
    if (!known) {
      known = {
        n: this.fields.size + 1,
        count: 0,
        entry: source.computed === undefined ? { path: source.path } : { path: source.path, computed: source.computed },
      };
      this.fields.set(key, known);
    }
    return `_sla_f${known.n}_${++known.count}`;
  }

  /**
   * Consecutive runs of one value share one mark. In a redline the old
   * value's deleted words share the mark of the new value's words when
   * they come from the same path, so that rejecting the change leaves the
   * old value in the mark; a value deleted on its own gets none (the file
   * carries the new draft, where its path may mean something else). The
   * document's own facts (`doc.versionLabel`, `doc.identity`) are not the
   * draft's and get none either.
   */
  private fieldRuns(
    runs: readonly Run[],
    write: (run: Run) => ParagraphChild[],
    revisions: Revisions | null,
    fallback: RunSource | undefined,
  ): ParagraphChild[] {
    const deleted = (run: Run) => revisions?.of(run) === 'deleted';
    const sourceOf = (run: Run): RunSource | undefined => {
      const source = run.source ?? fallback;
      return source === undefined || source.path === 'doc' || source.path.startsWith('doc.') ? undefined : source;
    };
    const out: ParagraphChild[] = [];
    let i = 0;
    while (i < runs.length) {
      const source = sourceOf(runs[i]!);
      let end = i + 1;
      if (source !== undefined) {
        const key = sourceKey(source);
        while (end < runs.length && sourceKey(sourceOf(runs[end]!) ?? { path: '' }) === key) end++;
      }
      const group = runs.slice(i, end);
      const children = group.flatMap(write);
      const live = source === undefined ? undefined : group.find((run) => !deleted(run) && run.text.trim() !== '');
      // A value with nothing to read (an empty free-text field) has no place to mark: LibreOffice mishandles empty bookmarks.
      out.push(...(live === undefined ? children : this.wrap(this.fieldName(sourceOf(live)!), children)));
      i = end;
    }
    return out;
  }
}

/** The paragraphs of one clause (or of the cover), each in a mark of its own. */
export class ParagraphMarks {
  constructor(
    readonly marks: DocumentMarks,
    private readonly nextName: () => string,
  ) {}

  /**
   * A paragraph's children inside the next mark of the clause. `text` is
   * what the paragraph reads: a paragraph without any (a spacer, an empty
   * cell) stays unmarked, as an empty bookmark is what LibreOffice breaks.
   */
  paragraph(children: ParagraphChild[], text: string): ParagraphChild[] {
    return text.trim() === '' ? children : this.marks.wrap(this.nextName(), children);
  }
}

// ── The table's part ────────────────────────────────────────────────────────

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The custom XML part that resolves a document's marks (docs/FORMAT.md §12). */
export function marksPartXml(table: MarksTable): string {
  const clauses = table.clauses.map((clause, i) => `<clause n="${i + 1}" id="${escapeAttribute(clause.id)}" number="${escapeAttribute(clause.number)}"/>`);
  const fields = table.fields.map(
    (field, i) =>
      `<field n="${i + 1}" path="${escapeAttribute(field.path)}"${field.computed === undefined ? '' : ` computed="${escapeAttribute(field.computed)}"`}/>`,
  );
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<${MARKS_ROOT} xmlns="${MARKS_NAMESPACE}" version="${MARKS_FORMAT}">${clauses.join('')}${fields.join('')}</${MARKS_ROOT}>`
  );
}

export type MarksTableResult =
  | { ok: true; table: MarksTable }
  /** Not the marks part (another application's custom XML). */
  | { ok: false; reason: 'notMarks' }
  /** Our root element, but not well-formed, of a later format, or with numbers missing or repeated. */
  | { ok: false; reason: 'damaged' };

/** The table in a custom XML part's text. */
export function readMarksTable(xml: string): MarksTableResult {
  let isMarks = false;
  let damaged = false;
  const clauses = new Map<number, MarkedClause>();
  const fields = new Map<number, MarkedField>();
  try {
    readXml(xml, {
      openElement(tag) {
        if (tag.depth === 1) {
          isMarks = tag.localName === MARKS_ROOT && tag.namespace === MARKS_NAMESPACE;
          if (isMarks && tag.attributes['version'] !== String(MARKS_FORMAT)) damaged = true;
          return;
        }
        if (!isMarks) return;
        const n = Number(tag.attributes['n']);
        const valid = tag.depth === 2 && tag.namespace === MARKS_NAMESPACE && Number.isInteger(n) && n >= 1;
        const { id, number, path, computed } = tag.attributes;
        if (valid && tag.localName === 'clause' && id !== undefined && !clauses.has(n)) clauses.set(n, { id, number: number ?? '' });
        else if (valid && tag.localName === 'field' && path !== undefined && !fields.has(n))
          fields.set(n, computed === undefined ? { path } : { path, computed });
        else damaged = true;
      },
    });
  } catch (error) {
    if (!(error instanceof XmlRefused)) throw error;
    return { ok: false, reason: /<(?:\w+:)?slaMarks\b/.test(xml) ? 'damaged' : 'notMarks' };
  }
  if (!isMarks) return { ok: false, reason: 'notMarks' };
  const inOrder = <T>(entries: Map<number, T>): T[] | null => {
    const list: T[] = [];
    for (let n = 1; n <= entries.size; n++) {
      const entry = entries.get(n);
      if (entry === undefined) return null;
      list.push(entry);
    }
    return list;
  };
  const clauseList = inOrder(clauses);
  const fieldList = inOrder(fields);
  if (damaged || clauseList === null || fieldList === null) return { ok: false, reason: 'damaged' };
  return { ok: true, table: { clauses: clauseList, fields: fieldList } };
}

/**
 * The marks table of a package: the custom XML item whose root is ours,
 * wherever an editor has renumbered it. `missing` when no item is (a file
 * SLA Studio wrote before marks, or not ours); `damaged` when ours does
 * not read. May throw the package reader's UnpackRefused.
 */
export async function findMarksTable(docx: DocxPackage): Promise<MarksTableResult | { ok: false; reason: 'missing' }> {
  let damaged = false;
  for (const path of docx.names) {
    if (!/^customXml\/[^/]+\.xml$/.test(path) || /itemProps/i.test(path)) continue;
    const xml = await docx.readText(path);
    if (xml === undefined) continue;
    const result = readMarksTable(xml);
    if (result.ok) return result;
    if (result.reason === 'damaged') damaged = true;
  }
  return { ok: false, reason: damaged ? 'damaged' : 'missing' };
}

// ── Reading the marks of a document.xml ─────────────────────────────────────

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** A paragraph of the document as it reads with every tracked change accepted (`text`) and rejected (`originalText`). */
export interface ReadParagraph {
  text: string;
  originalText: string;
}

/** A place in the document: the paragraph (every w:p in document order, from 0) and the offsets into its two texts. */
export interface MarkPosition {
  paragraph: number;
  offset: number;
  originalOffset: number;
}

export interface FoundMark {
  name: string;
  start: MarkPosition;
  end: MarkPosition;
  /** The text inside with every tracked change accepted; paragraphs joined by "\n". */
  text: string;
  /** The text inside with every tracked change rejected (as SLA Studio wrote it, for a change the other side tracked). */
  originalText: string;
}

export interface ReadMarks {
  paragraphs: ReadParagraph[];
  /** Every bookmark, ours or not, in the order they start (an outer one before one it holds); one that never ends is left out. */
  marks: FoundMark[];
}

/**
 * The bookmarks of a document.xml with where they start and end. Text is
 * what Word shows: w:t (w:delText for deleted text), w:tab as a tab, w:br
 * and w:cr as a line break (a page or column break as nothing); field codes and the fallback copy of
 * alternate content are not text. Text inserted and then deleted (two
 * authors) is in neither text. A bookmark that starts between paragraphs
 * (Word puts some there) starts at the next paragraph, one that ends
 * between paragraphs ends with the last one. Throws XmlRefused on XML that
 * is not well-formed.
 */
export function readMarks(documentXml: string): ReadMarks {
  const paragraphs: ReadParagraph[] = [];
  const open: { index: number; depth: number }[] = [];
  const starts = new Map<string, { name: string; start: MarkPosition }>();
  const ends: { id: string; name: string; start: MarkPosition; end: MarkPosition }[] = [];
  let inserted = 0;
  let deleted = 0;
  const changeDepths: { depth: number; kind: 'ins' | 'del' }[] = [];
  let textDepth: number | null = null;
  let skipDepth: number | null = null;
  let runDepth: number | null = null;

  const current = () => open[open.length - 1];
  const here = (): MarkPosition => {
    const paragraph = current();
    if (paragraph) {
      const read = paragraphs[paragraph.index]!;
      return { paragraph: paragraph.index, offset: read.text.length, originalOffset: read.originalText.length };
    }
    // Between paragraphs: the start of the next one.
    return { paragraph: paragraphs.length, offset: 0, originalOffset: 0 };
  };
  const append = (text: string) => {
    const paragraph = current();
    if (!paragraph) return;
    const read = paragraphs[paragraph.index]!;
    if (deleted === 0) read.text += text;
    if (inserted === 0) read.originalText += text;
  };

  readXml(documentXml, {
    openElement(tag) {
      if (skipDepth !== null) return;
      if (tag.namespace === MC && tag.localName === 'Fallback') {
        skipDepth = tag.depth;
        return;
      }
      if (tag.namespace !== W) return;
      switch (tag.localName) {
        case 'p':
          open.push({ index: paragraphs.length, depth: tag.depth });
          paragraphs.push({ text: '', originalText: '' });
          break;
        case 'ins':
        case 'moveTo':
          inserted++;
          changeDepths.push({ depth: tag.depth, kind: 'ins' });
          break;
        case 'del':
        case 'moveFrom':
          deleted++;
          changeDepths.push({ depth: tag.depth, kind: 'del' });
          break;
        case 'r':
          runDepth = tag.depth;
          break;
        case 't':
        case 'delText':
          textDepth = tag.depth;
          break;
        case 'tab':
        case 'br':
        case 'cr': {
          // A page or column break (LibreOffice writes "page break before" as one) is layout, not a line of text.
          const layout = tag.localName === 'br' && (tag.attributes['w:type'] === 'page' || tag.attributes['w:type'] === 'column');
          if (runDepth !== null && tag.depth === runDepth + 1 && !layout) append(tag.localName === 'tab' ? '\t' : '\n');
          break;
        }
        case 'bookmarkStart': {
          const id = tag.attributes['w:id'];
          const name = tag.attributes['w:name'];
          if (id !== undefined && name !== undefined && !starts.has(id)) starts.set(id, { name, start: here() });
          break;
        }
        case 'bookmarkEnd': {
          const id = tag.attributes['w:id'];
          const started = id === undefined ? undefined : starts.get(id);
          if (!started) break;
          starts.delete(id!);
          let end = here();
          // Between paragraphs: the end of the last one (its length is known once the document is read).
          if (!current()) end = { paragraph: paragraphs.length - 1, offset: -1, originalOffset: -1 };
          ends.push({ id: id!, ...started, end });
          break;
        }
      }
    },
    text(text, depth) {
      if (skipDepth === null && textDepth !== null && depth === textDepth) append(text);
    },
    closeElement(_name, depth) {
      if (skipDepth !== null) {
        if (depth === skipDepth) skipDepth = null;
        return;
      }
      if (depth === textDepth) textDepth = null;
      if (depth === runDepth) runDepth = null;
      const change = changeDepths[changeDepths.length - 1];
      if (change?.depth === depth) {
        changeDepths.pop();
        if (change.kind === 'ins') inserted--;
        else deleted--;
      }
      if (current()?.depth === depth) open.pop();
    },
  });

  const settle = (position: MarkPosition): MarkPosition => {
    if (position.offset >= 0) return position;
    const read = paragraphs[position.paragraph];
    return read ? { ...position, offset: read.text.length, originalOffset: read.originalText.length } : { paragraph: 0, offset: 0, originalOffset: 0 };
  };
  const slice = (from: MarkPosition, to: MarkPosition, key: 'text' | 'originalText', offset: 'offset' | 'originalOffset'): string => {
    const pieces: string[] = [];
    for (let p = from.paragraph; p <= to.paragraph && p < paragraphs.length; p++) {
      const text = paragraphs[p]![key];
      pieces.push(text.slice(p === from.paragraph ? from[offset] : 0, p === to.paragraph ? to[offset] : text.length));
    }
    return pieces.join('\n');
  };
  const marks = ends
    .map(({ name, start, end }) => {
      const to = settle(end);
      return { name, start, end: to, text: slice(start, to, 'text', 'offset'), originalText: slice(start, to, 'originalText', 'originalOffset') };
    })
    // Where two start at one place, the one that ends later (holds the other) first; then by name, whatever order the file had them in.
    .sort(
      (a, b) =>
        a.start.paragraph - b.start.paragraph ||
        a.start.offset - b.start.offset ||
        b.end.paragraph - a.end.paragraph ||
        b.end.offset - a.end.offset ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
  return { paragraphs, marks };
}

/** The clause (or the cover) a paragraph belongs to, by the marks. */
export interface ParagraphPlace {
  /** null before the first marked paragraph (or in a file without marks). */
  place: { kind: 'clause'; clause: MarkedClause } | { kind: 'cover' } | null;
  /**
   * False when the paragraph is in a mark of its own; true when it is not
   * (a paragraph the other side added, or one whose mark they deleted) and
   * takes the place of the nearest marked paragraph before it.
   */
  inherited: boolean;
}

/**
 * For each paragraph of `read` (same indexes), the clause or cover whose
 * mark holds it — a mark split over several paragraphs (someone pressed
 * Enter inside it) holds each of them — or, for a paragraph in none, the
 * place of the paragraph before it.
 */
export function paragraphPlaces(read: ReadMarks, table: MarksTable): ParagraphPlace[] {
  const own = new Map<number, ParagraphPlace['place']>();
  for (const mark of read.marks) {
    const target = resolveMark(mark.name, table);
    if (target?.kind !== 'clause' && target?.kind !== 'cover') continue;
    for (let p = mark.start.paragraph; p <= mark.end.paragraph; p++) if (!own.has(p)) own.set(p, target);
  }
  let last: ParagraphPlace['place'] = null;
  return read.paragraphs.map((_, index) => {
    const place = own.get(index);
    if (place === undefined) return { place: last, inherited: true };
    last = place;
    return { place, inherited: false };
  });
}
