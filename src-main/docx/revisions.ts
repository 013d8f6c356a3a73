/**
 * Tracked changes as the contract writer (contract-docx.ts) puts them into
 * a .docx: a redline (redline-docx.ts) hands the writer one merged
 * ContractDoc per language — every clause, paragraph, row and word of the
 * old and the new version in reading order — together with these marks,
 * which say what in it was inserted and what deleted. A plain contract has
 * no marks, and the writer's output for it is unchanged.
 *
 * Marks are kept beside the tree, keyed by the identity of its nodes (a
 * run, a paragraph block, a list item's runs, a definition, a cover line,
 * a clause for its heading, a table, a table row), so the ContractDoc type
 * stays the one every view shares.
 */
import { DeletedTextRun, InsertedTextRun, TextRun, type IRunOptions } from 'docx';
import type { Run } from '../../src-shared/contract/doc';

export type RevisionKind = 'inserted' | 'deleted';

/** What Word shows on every change: who made it and when (w:author, w:date). */
export interface RevisionAuthor {
  author: string;
  /** ISO 8601, to the second, in UTC ("2026-03-01T09:30:00Z"): xsd:dateTime as Word writes it. */
  date: string;
}

/** The w:id, w:author and w:date attributes of one tracked change. */
export interface RevisionAttributes extends RevisionAuthor {
  id: number;
}

/** The plain-text fields the writer sets outside runs: a clause's title, the cover's title, a signatory's name and title. */
export type RevisedTextField = 'title' | 'signatoryName' | 'signatoryTitle';

export class Revisions {
  private readonly marks = new WeakMap<object, RevisionKind>();
  private readonly texts = new WeakMap<object, Partial<Record<RevisedTextField, Run[]>>>();
  private lastId = 0;
  private changes = 0;

  constructor(readonly by: RevisionAuthor) {}

  mark<T extends object>(node: T, kind: RevisionKind): T {
    this.marks.set(node, kind);
    return node;
  }

  /** The change on a node, or undefined where it is the same in both versions. */
  of(node: object): RevisionKind | undefined {
    return this.marks.get(node);
  }

  /** Runs (marked) that stand for a plain-text field of `owner`, with the words that changed in it. */
  setText(owner: object, field: RevisedTextField, runs: Run[]): void {
    const fields = this.texts.get(owner) ?? {};
    fields[field] = runs;
    this.texts.set(owner, fields);
  }

  textOf(owner: object, field: RevisedTextField): Run[] | undefined {
    return this.texts.get(owner)?.[field];
  }

  /** A fresh w:id for each change: Word refuses a document that uses one twice. */
  next(): RevisionAttributes {
    this.changes++;
    return { id: ++this.lastId, author: this.by.author, date: this.by.date };
  }

  /** An id for another annotation of the document (a bookmark, marks.ts), from the same sequence so that none is used twice. */
  annotationId(): number {
    return ++this.lastId;
  }

  /** How many changes have been written so far (ids handed out to changes). */
  get count(): number {
    return this.changes;
  }

  /** The w:ins or w:del of a paragraph mark (w:pPr/w:rPr) or a table row (w:trPr). */
  markOf(kind: RevisionKind): MarkOptions {
    return kind === 'inserted' ? { insertion: this.next() } : { deletion: this.next() };
  }

  /** The mark of a paragraph or row made from `node`: a tracked change where the node is marked, else none. */
  paragraphMark(node: object | undefined): MarkOptions | undefined {
    const kind = node === undefined ? undefined : this.of(node);
    return kind === undefined ? undefined : this.markOf(kind);
  }

  /**
   * The mark of a paragraph that exists in the old version, the new one,
   * both (none) or neither — a separator the layout needs between two
   * tables of the redline that neither version has there: inserted and
   * deleted at once, so that accepting and rejecting both remove it.
   */
  presenceMark(inOld: boolean, inNew: boolean): MarkOptions | undefined {
    if (inOld && inNew) return undefined;
    if (inNew) return { insertion: this.next() };
    if (inOld) return { deletion: this.next() };
    return { insertion: this.next(), deletion: this.next() };
  }
}

export interface MarkOptions {
  insertion?: RevisionAttributes;
  deletion?: RevisionAttributes;
}

export type VersionSide = 'old' | 'new';

/** Whether a node marked `kind` is in the old or the new version. */
export function inVersion(kind: RevisionKind | undefined, side: VersionSide): boolean {
  return kind === undefined || (side === 'old' ? kind === 'deleted' : kind === 'inserted');
}

/** The text of runs as one version reads it. */
export function sideText(runs: readonly Run[], side: VersionSide, revisions: Revisions): string {
  let text = '';
  for (const run of runs) if (inVersion(revisions.of(run), side)) text += run.text;
  return text;
}

/** Copies of the runs one version has, all marked: the old side as deleted, the new side as inserted. */
export function wholeSide(runs: readonly Run[], kind: RevisionKind, revisions: Revisions): Run[] {
  const side: VersionSide = kind === 'inserted' ? 'new' : 'old';
  return runs.filter((run) => inVersion(revisions.of(run), side)).map((run) => revisions.mark({ ...run }, kind));
}

/** A run of text as a plain, inserted (w:ins) or deleted (w:del, its text in w:delText) run. */
export function trackedTextRun(
  options: IRunOptions & { text: string },
  kind: RevisionKind | undefined,
  revisions: Revisions | null,
): TextRun | InsertedTextRun | DeletedTextRun {
  if (kind === undefined || revisions === null) return new TextRun(options);
  return kind === 'inserted' ? new InsertedTextRun({ ...options, ...revisions.next() }) : new DeletedTextRun({ ...options, ...revisions.next() });
}
