/**
 * The paragraphs of one language — clause headings with their multilevel
 * numbering, clause text, list items — and the rules that keep a clause's
 * parts on one page, for both the single-language and the bilingual body.
 */
import { Paragraph, type ParagraphChild, type Table } from 'docx';
import { runsText, type Clause, type ContractLanguage, type ListStyle, type Run } from '../../src-shared/contract/doc';
import type { DocumentMarks } from './marks';
import type { MarkOptions, Revisions } from './revisions';
import { plain, runsOf } from './runs';
import { clauseTextIndent, HEADING_STYLES, numberingReference, STYLE, type PageLayout } from './typography';

/** What a contract's body is made of, after the cover. */
export type BodyElement = Paragraph | Table;

/**
 * Makes the paragraphs of one language. Each language has its own
 * numbering definitions and counts its own list instances, so that in a
 * bilingual document each column numbers 1, 2, 3 and (a), (b) by itself.
 */
export class LanguageWriter {
  private listInstances = 0;

  constructor(
    readonly language: ContractLanguage,
    private readonly page: PageLayout,
    /** A redline's tracked changes; null for a contract. */
    readonly revisions: Revisions | null = null,
    /** The document's marks (marks.ts): each paragraph in its clause's mark, each generated value in a field mark. */
    readonly marks: DocumentMarks | null = null,
  ) {}

  /** The children of a paragraph of `clause` made of `runs`. */
  private children(runs: readonly Run[], clause: Pick<Clause, 'id' | 'number'> | undefined): ParagraphChild[] {
    const children = runsOf(runs, false, this.revisions, this.marks);
    return this.marks && clause ? this.marks.clause(clause).paragraph(children, runsText(runs)) : children;
  }

  /** The paragraph mark's tracked change, for a paragraph made from a node a redline marked as a whole. */
  private mark(node: object | undefined): { run?: MarkOptions } {
    const mark = this.revisions?.paragraphMark(node);
    return mark ? { run: mark } : {};
  }

  private clauseNumbering(depth: number) {
    return { reference: numberingReference('clauses', this.language), level: Math.min(depth, 2), instance: 0 };
  }

  /** The clause heading, numbered when the clause is: Heading 1 for "4.", Heading 2 for "4.2", Heading 3 below. */
  heading(clause: Clause, depth: number, pageBreakBefore = false): Paragraph {
    return new Paragraph({
      style: HEADING_STYLES[Math.min(depth, 2)],
      children: this.children(this.revisions?.textOf(clause, 'title') ?? plain(clause.title ?? ''), clause),
      keepNext: true,
      keepLines: true,
      pageBreakBefore: pageBreakBefore || undefined,
      ...(clause.number.length > 0 ? this.numbered(depth, clause, { style: HEADING_STYLES[Math.min(depth, 2)], keepNext: true, keepLines: true }) : {}),
      ...this.mark(clause),
    });
  }

  /**
   * The clause numbering of a paragraph at this depth. In a redline, a
   * numbered paragraph deleted as a whole keeps no number — its numbering
   * is a tracked change of its formatting (w:pPrChange) — so the clauses
   * after it are numbered as in the new version (4.3 stays 4.3 where the
   * old 4.2 was removed), in LibreOffice as in Word; rejecting the change
   * gives the paragraph its number back.
   */
  private numbered(depth: number, node: object | undefined, formerly: { style?: string; keepNext?: boolean; keepLines?: boolean }) {
    const numbering = this.clauseNumbering(depth);
    if (this.revisions === null || node === undefined || this.revisions.of(node) !== 'deleted') return { numbering };
    return { revision: { ...this.revisions.next(), ...formerly, numbering } };
  }

  /**
   * A paragraph of clause text at the clause's indent. `numberAtDepth`
   * numbers it instead, for an untitled clause ("4.2 The Provider shall…").
   * `node` is the block (or definition) it is made from, for a redline's mark;
   * `clause` the clause it belongs to, for its mark.
   */
  paragraph(
    runs: readonly Run[],
    indent: number,
    options: { style?: string; keepNext?: boolean; numberAtDepth?: number; pageBreakBefore?: boolean; node?: object; clause?: Clause } = {},
  ): Paragraph {
    return new Paragraph({
      style: options.style ?? STYLE.body,
      children: this.children(runs, options.clause),
      ...(options.numberAtDepth !== undefined
        ? this.numbered(options.numberAtDepth, options.node, { style: options.style ?? STYLE.body, keepNext: options.keepNext })
        : { indent: { left: indent } }),
      keepNext: options.keepNext || undefined,
      pageBreakBefore: options.pageBreakBefore || undefined,
      ...this.mark(options.node),
    });
  }

  /** A new numbering instance: each enumeration starts again at (a) / (i) / (1). */
  newList(): number {
    return ++this.listInstances;
  }

  listItem(style: ListStyle, item: readonly Run[], indent: number, instance: number, keepNext = false, clause?: Clause): Paragraph {
    return new Paragraph({
      style: STYLE.listItem,
      children: this.children(item, clause),
      numbering: { reference: numberingReference(style, this.language), level: 0, instance },
      indent: { left: indent + this.page.listIndent, hanging: this.page.listIndent },
      keepNext: keepNext || undefined,
      ...this.mark(item),
    });
  }

  /** Clause text sits under the heading's text; unnumbered clauses (preamble, signatures) start at the margin. */
  indentOf(clause: Clause, depth: number): number {
    return clause.number.length === 0 ? 0 : clauseTextIndent(this.page, depth);
  }
}

/** What follows a paragraph that introduces it (": …") and must stay on its page. */
export function introduces(next: Clause['blocks'][number] | undefined): boolean {
  return next !== undefined && (next.kind === 'table' || next.kind === 'list' || next.kind === 'signature');
}

/**
 * A clause that opens with a note before the sentence introducing the
 * signatures ("[The remainder of this page is intentionally left blank.]"):
 * the note belongs under the last words of the agreement, never alone at
 * the top of an otherwise empty page.
 */
export function leadsToSignaturePage(clause: Clause | undefined): boolean {
  return clause !== undefined && clause.blocks.findIndex((block) => block.kind === 'signature') > 1;
}

/** In a clause with signatures, the sentence that introduces them opens the signature page. */
export function opensSignaturePage(clause: Clause, index: number): boolean {
  const signatureAt = clause.blocks.findIndex((block) => block.kind === 'signature');
  return signatureAt > 1 && index === signatureAt - 1;
}
