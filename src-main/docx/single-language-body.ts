/**
 * The body of a contract in one language: clause after clause down the
 * page, the data tables and the signatures at the clause text's indent.
 */
import type { Table } from 'docx';
import { partySignatureLabels, type Clause, type ContractDoc, type SignatureBlock, type SignatureParty } from '../../src-shared/contract/doc';
import type { DocumentMarks } from './marks';
import { introduces, LanguageWriter, leadsToSignaturePage, opensSignaturePage, type BodyElement } from './language-writer';
import type { Revisions } from './revisions';
import { afterTable, pageBreak } from './runs';
import { labelled, signatureLineEnd, signatureLines, signatureTable, type SignatureLabels } from './signatures';
import { dataTable, singleLanguageTable } from './tables';
import { STYLE, type PageLayout, type StyleVariant } from './typography';

export class SingleLanguageBody {
  private readonly out: BodyElement[] = [];
  private readonly writer: LanguageWriter;
  /** The body starts on the page after the cover. */
  private startPage = true;

  constructor(
    private readonly doc: ContractDoc,
    private readonly page: PageLayout,
    private readonly variant: StyleVariant,
    private readonly revisions: Revisions | null = null,
    private readonly marks: DocumentMarks | null = null,
  ) {
    this.writer = new LanguageWriter(doc.meta.language, page, revisions, marks);
  }

  build(): BodyElement[] {
    this.doc.clauses.forEach((clause, k) => this.clause(clause, 0, leadsToSignaturePage(this.doc.clauses[k + 1])));
    return this.out;
  }

  /** True once: for the first element after the cover, which starts the second page. */
  private takeStartPage(): boolean {
    const value = this.startPage;
    this.startPage = false;
    return value;
  }

  /** A table and the paragraph after it, which a redline inserts or deletes with a table inserted or deleted as a whole. */
  private pushTable(table: Table, node: object, keepNext = false): void {
    if (this.takeStartPage()) this.out.push(pageBreak());
    this.out.push(table, afterTable(keepNext, this.revisions?.paragraphMark(node)));
  }

  /** `keepTail`: the clause's last paragraph stays on the page of what follows it (the "remainder of this page is blank" note). */
  private clause(clause: Clause, depth: number, keepTail = false): void {
    const writer = this.writer;
    const indent = writer.indentOf(clause, depth);
    let numberNext = clause.title === null && clause.number.length > 0;
    if (clause.title !== null) this.out.push(writer.heading(clause, depth, this.takeStartPage()));
    clause.blocks.forEach((block, i) => {
      const tail = keepTail && i === clause.blocks.length - 1;
      const keepNext = introduces(clause.blocks[i + 1]) || tail;
      switch (block.kind) {
        case 'paragraph':
          this.out.push(
            writer.paragraph(block.runs, indent, {
              keepNext,
              ...(numberNext ? { numberAtDepth: depth } : {}),
              pageBreakBefore: this.takeStartPage() || opensSignaturePage(clause, i),
              node: block,
              clause,
            }),
          );
          numberNext = false;
          break;
        case 'list': {
          const instance = writer.newList();
          block.items.forEach((item, k) =>
            this.out.push(writer.listItem(block.style, item, indent, instance, keepNext && k === block.items.length - 1, clause)),
          );
          break;
        }
        case 'definitions':
          block.items.forEach((item, k) =>
            this.out.push(writer.paragraph(item.runs, indent, { style: STYLE.definition, node: item, keepNext: tail && k === block.items.length - 1, clause })),
          );
          break;
        case 'table':
          this.pushTable(
            dataTable(singleLanguageTable(block), this.page.textWidth - indent, indent, this.variant, this.revisions, this.marks?.clause(clause) ?? null),
            block,
            tail,
          );
          break;
        case 'signature':
          this.pushTable(this.signatures(block, clause), block);
          break;
        case 'clause':
          this.clause(block.clause, depth + 1, tail);
          break;
      }
    });
  }

  private signatures(block: SignatureBlock, clause: Clause): Table {
    const language = this.doc.meta.language;
    const labelsOf = (party: SignatureParty): SignatureLabels => {
      const own = partySignatureLabels(block, party);
      return {
        signature: labelled(own.signature, language),
        name: labelled(block.labels.name, language),
        title: labelled(block.labels.title, language),
        date: labelled(block.labels.date, language),
        seal: own.seal,
      };
    };
    const sealRow = block.parties.some((party) => labelsOf(party).seal !== null);
    const lineEnd = signatureLineEnd(this.page.textWidth);
    return signatureTable(
      block.parties.map((party) =>
        signatureLines(party, [party.heading], labelsOf(party), lineEnd, this.revisions, sealRow, this.marks?.clause(clause) ?? null),
      ),
      this.page.textWidth,
      () => this.revisions?.paragraphMark(block),
    );
  }
}
