/**
 * The body of a bilingual contract: English and Chinese side by side, each
 * language numbered by itself, a pair of clauses that do not align refused.
 */
import { Paragraph, TextRun, type Table, type TableRow } from 'docx';
import { blockShape, partySignatureLabels, type Clause, type ContractDoc, type SignatureBlock } from '../../src-shared/contract/doc';
import type { DocumentMarks } from './marks';
import { introduces, LanguageWriter, leadsToSignaturePage, opensSignaturePage, type BodyElement } from './language-writer';
import { inVersion, type MarkOptions, type RevisionKind, type Revisions, type VersionSide } from './revisions';
import { afterTable, pageBreak } from './runs';
import { signatureLineEnd, signatureLines, signatureTable, type SignatureLabels } from './signatures';
import { bilingualTable, columnHeadingsRow, dataTable, SIDE_BY_SIDE_CELL_MARGIN, sideBySideRow, sideBySideTable } from './tables';
import { STYLE, type PageLayout } from './typography';

/** The two halves of a bilingual pair do not align: a template or assembly bug, never the user's doing. */
export class MisalignedContractError extends Error {
  constructor(where: string) {
    super(`The English and Chinese contracts differ in structure at ${where}.`);
    this.name = 'MisalignedContractError';
  }
}

/**
 * English and Chinese side by side: a two-column table without visible
 * borders, one row per block pair (a heading, a paragraph, a list item, a
 * definition), its first row "English | 中文" repeated on each page. Data
 * tables and the signatures span the full width between two runs of that
 * table, with both languages in each cell, so that their own header rows
 * still repeat (Word repeats the header rows of top-level tables only).
 */
interface RowPiece {
  kind: 'row';
  en: Paragraph[];
  zh: Paragraph[];
  keepNext: boolean;
  mark: RevisionKind | undefined;
}

type BilingualPiece = RowPiece | { kind: 'fullWidth'; element: Table; mark: RevisionKind | undefined } | { kind: 'pageBreak' };

type LayoutGroup = Exclude<BilingualPiece, RowPiece> | { kind: 'rows'; rows: RowPiece[] };

export class BilingualBody {
  private readonly pieces: BilingualPiece[] = [];
  private readonly en: LanguageWriter;
  private readonly zh: LanguageWriter;
  private readonly columnWidth: number;

  constructor(
    private readonly enDoc: ContractDoc,
    private readonly zhDoc: ContractDoc,
    private readonly page: PageLayout,
    private readonly revisions: Revisions | null = null,
    private readonly marks: DocumentMarks | null = null,
  ) {
    this.en = new LanguageWriter('en', page, revisions, marks);
    this.zh = new LanguageWriter('zh-CN', page, revisions, marks);
    this.columnWidth = Math.floor(page.textWidth / 2);
  }

  build(): BodyElement[] {
    this.clauses(this.enDoc.clauses, this.zhDoc.clauses, 0, 'the top level');
    return this.layout();
  }

  private clauses(enClauses: readonly Clause[], zhClauses: readonly Clause[], depth: number, where: string): void {
    if (enClauses.length !== zhClauses.length) throw new MisalignedContractError(where);
    enClauses.forEach((enClause, i) => this.clause(enClause, zhClauses[i]!, depth, leadsToSignaturePage(enClauses[i + 1])));
  }

  /**
   * A row of the side-by-side table. `keepNext` keeps it with what follows
   * (a heading with its text, an introduction with its table), also across
   * the end of this table. `node` is the English block it shows, whose
   * mark (in a redline) makes the whole row inserted or deleted.
   */
  private row(enParagraphs: Paragraph[], zhParagraphs: Paragraph[], options: { keepNext?: boolean; node?: object } = {}): void {
    const mark = options.node === undefined ? undefined : this.revisions?.of(options.node);
    this.pieces.push({ kind: 'row', en: enParagraphs, zh: zhParagraphs, keepNext: options.keepNext ?? false, mark });
  }

  /** A data table or the signatures, across both columns. */
  private fullWidth(element: Table, node: object): void {
    this.pieces.push({ kind: 'fullWidth', element, mark: this.revisions?.of(node) });
  }

  private tableRow(en: Paragraph[], zh: Paragraph[], options: { header?: boolean; mark?: MarkOptions }): TableRow {
    return sideBySideRow(en, zh, this.columnWidth + SIDE_BY_SIDE_CELL_MARGIN, options);
  }

  private columnHeadings(mark: MarkOptions | undefined): TableRow {
    return columnHeadingsRow(this.columnWidth + SIDE_BY_SIDE_CELL_MARGIN, mark);
  }

  /**
   * The pieces as body elements: each run of rows becomes one side-by-side
   * table, with its "English | 中文" row first, and each table is followed
   * by a separating paragraph; the body starts on a new page.
   *
   * In a redline, a run of rows may be one table in one version and two in
   * the other (a data table between them was inserted or deleted), or have
   * rows in one version only. Its column-heading row and the paragraph
   * after it are then tracked changes too, present exactly where the
   * version that has them has them, so that accepting or rejecting every
   * change leaves the layout of that version.
   */
  private layout(): BodyElement[] {
    const groups: LayoutGroup[] = [];
    for (const piece of this.pieces) {
      const last = groups[groups.length - 1];
      if (piece.kind === 'row' && last?.kind === 'rows') last.rows.push(piece);
      else groups.push(piece.kind === 'row' ? { kind: 'rows', rows: [piece] } : piece);
    }
    const out: BodyElement[] = [];
    let startPage = true;
    const push = (element: Table, after: Paragraph) => {
      if (startPage) {
        out.push(pageBreak());
        startPage = false;
      }
      out.push(element, after);
    };
    groups.forEach((group, index) => {
      switch (group.kind) {
        case 'pageBreak':
          out.push(pageBreak());
          break;
        case 'fullWidth':
          push(group.element, afterTable(false, group.mark && this.revisions ? this.revisions.markOf(group.mark) : undefined));
          break;
        case 'rows': {
          const has = (side: VersionSide) => group.rows.some((row) => inVersion(row.mark, side));
          // Is the nearest group this version has before (after) this one another run of rows, which this one continues (is continued by)?
          const besideRows = (side: VersionSide, step: -1 | 1) => {
            for (let k = index + step; k >= 0 && k < groups.length; k += step) {
              const other = groups[k]!;
              if (other.kind === 'pageBreak') return false;
              if (other.kind === 'fullWidth' && inVersion(other.mark, side)) return false;
              if (other.kind === 'rows' && other.rows.some((row) => inVersion(row.mark, side))) return true;
            }
            return false;
          };
          const starts = (side: VersionSide) => has(side) && !besideRows(side, -1);
          const ends = (side: VersionSide) => has(side) && !besideRows(side, 1);
          const rows: TableRow[] = [];
          if (this.revisions === null) rows.push(this.columnHeadings(undefined));
          else if (starts('old') || starts('new')) rows.push(this.columnHeadings(this.revisions.presenceMark(starts('old'), starts('new'))));
          for (const row of group.rows)
            rows.push(this.tableRow(row.en, row.zh, { mark: row.mark && this.revisions ? this.revisions.markOf(row.mark) : undefined }));
          const table = sideBySideTable(rows, this.columnWidth, { flush: true });
          const keepNext = group.rows[group.rows.length - 1]!.keepNext;
          push(table, afterTable(keepNext, this.revisions?.presenceMark(ends('old'), ends('new'))));
          break;
        }
      }
    });
    return out;
  }

  /** `keepTail`: the clause's last row stays on the page of what follows it (see leadsToSignaturePage). */
  private clause(enClause: Clause, zhClause: Clause, depth: number, keepTail = false): void {
    if (enClause.id !== zhClause.id || enClause.blocks.length !== zhClause.blocks.length) throw new MisalignedContractError(`clause ${enClause.id}`);
    const indent = this.en.indentOf(enClause, depth);
    let numberNext = enClause.title === null && enClause.number.length > 0;
    if (enClause.title !== null) this.row([this.en.heading(enClause, depth)], [this.zh.heading(zhClause, depth)], { keepNext: true, node: enClause });
    enClause.blocks.forEach((enBlock, i) => {
      const zhBlock = zhClause.blocks[i]!;
      if (blockShape(enBlock) !== blockShape(zhBlock)) throw new MisalignedContractError(`clause ${enClause.id}, block ${i + 1}`);
      const tail = keepTail && i === enClause.blocks.length - 1;
      const keepNext = introduces(enClause.blocks[i + 1]) || tail;
      switch (enBlock.kind) {
        case 'paragraph': {
          if (opensSignaturePage(enClause, i)) this.pieces.push({ kind: 'pageBreak' });
          const options = { keepNext, clause: enClause, ...(numberNext ? { numberAtDepth: depth } : {}) };
          numberNext = false;
          this.row(
            [this.en.paragraph(enBlock.runs, indent, { ...options, node: enBlock })],
            [this.zh.paragraph((zhBlock as typeof enBlock).runs, indent, { ...options, node: zhBlock })],
            { keepNext, node: enBlock },
          );
          break;
        }
        case 'list': {
          const zhItems = (zhBlock as typeof enBlock).items;
          const enList = this.en.newList();
          const zhList = this.zh.newList();
          enBlock.items.forEach((item, k) => {
            const last = keepNext && k === enBlock.items.length - 1;
            this.row(
              [this.en.listItem(enBlock.style, item, indent, enList, last, enClause)],
              [this.zh.listItem(enBlock.style, zhItems[k]!, indent, zhList, last, enClause)],
              {
                keepNext: last,
                node: item,
              },
            );
          });
          break;
        }
        case 'definitions': {
          const zhItems = (zhBlock as typeof enBlock).items;
          enBlock.items.forEach((item, k) => {
            const last = tail && k === enBlock.items.length - 1;
            this.row(
              [this.en.paragraph(item.runs, indent, { style: STYLE.definition, node: item, keepNext: last, clause: enClause })],
              [this.zh.paragraph(zhItems[k]!.runs, indent, { style: STYLE.definition, node: zhItems[k], keepNext: last, clause: enClause })],
              { node: item, keepNext: last },
            );
          });
          break;
        }
        case 'table':
          this.fullWidth(
            dataTable(
              bilingualTable(enBlock, zhBlock as typeof enBlock, this.revisions),
              this.columnWidth * 2,
              0,
              'bilingual',
              this.revisions,
              this.marks?.clause(enClause) ?? null,
            ),
            enBlock,
          );
          break;
        case 'signature':
          this.fullWidth(this.signatures(enBlock, zhBlock as typeof enBlock, enClause), enBlock);
          break;
        case 'clause':
          this.clause(enBlock.clause, (zhBlock as typeof enBlock).clause, depth + 1, tail);
          break;
      }
    });
  }

  /**
   * One signature block that reads as bilingual: "English / 中文" above each
   * party's block, its heading in both languages, and each line labelled in
   * both ("Signature / 授权代表（签字）：", "Name / 姓名："), the seal line
   * and the legal representative only for a party that signs under a seal
   * (a company in mainland China).
   */
  private signatures(en: SignatureBlock, zh: SignatureBlock, clause: Clause): Table {
    const both = (a: string, b: string) => (a === b ? `${a}：` : `${a} / ${b}：`);
    const labelsOf = (i: number): SignatureLabels => {
      const enOwn = partySignatureLabels(en, en.parties[i]!);
      const zhParty = zh.parties[i];
      const zhOwn = zhParty ? partySignatureLabels(zh, zhParty) : enOwn;
      return {
        signature: both(enOwn.signature, zhOwn.signature),
        name: both(en.labels.name, zh.labels.name),
        title: both(en.labels.title, zh.labels.title),
        date: both(en.labels.date, zh.labels.date),
        seal: enOwn.seal !== null && zhOwn.seal !== null && enOwn.seal !== zhOwn.seal ? `${enOwn.seal} / ${zhOwn.seal}` : (zhOwn.seal ?? enOwn.seal),
      };
    };
    const sealRow = en.parties.some((_, i) => labelsOf(i).seal !== null);
    const width = this.columnWidth * 2;
    const lineEnd = signatureLineEnd(width);
    const marks = this.marks?.clause(clause) ?? null;
    const languages = () => {
      const children = [new TextRun('English / 中文')];
      return new Paragraph({ style: STYLE.columnHeading, children: marks ? marks.paragraph(children, 'English / 中文') : children });
    };
    return signatureTable(
      en.parties.map((party, i) => [
        [languages()],
        ...signatureLines(party, [party.heading, zh.parties[i]?.heading ?? []], labelsOf(i), lineEnd, this.revisions, sealRow, marks),
      ]),
      width,
      () => this.revisions?.paragraphMark(en),
    );
  }
}
