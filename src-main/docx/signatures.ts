/**
 * The signature block: both parties side by side, line by line — the
 * company, the seal line of a party in mainland China, then signature, name, title
 * and date — in a table without visible borders that stays on one page.
 */
import { LeaderType, Paragraph, Table, TableCell, TableLayoutType, TableRow, TabStopType, TextRun, WidthType, type ParagraphChild } from 'docx';
import { runsText, type ContractLanguage, type Run, type SignatureBlock } from '../../src-shared/contract/doc';
import type { ParagraphMarks } from './marks';
import type { MarkOptions, Revisions } from './revisions';
import { runsOf } from './runs';
import { NO_BORDERS } from './tables';
import { STYLE } from './typography';

export interface SignatureLabels {
  signature: string;
  name: string;
  title: string;
  date: string;
  seal: string | null;
}

/**
 * The lines one party signs on, one entry per line so that both parties'
 * lines sit side by side: its heading (the company), the seal line of a
 * party that signs under a seal with room for the stamp, then signature, name, title
 * and date — a ruled line where a person writes, the name and title as the
 * draft gives them. `sealRow`: the other party has a seal line, so a party
 * without one leaves that row empty and the lines stay level. `marks`: in a
 * contract, the marks of the clause with the signatures.
 */
export function signatureLines(
  party: SignatureBlock['parties'][number],
  headings: readonly Run[][],
  labels: SignatureLabels,
  lineEnd: number,
  revisions: Revisions | null = null,
  sealRow = labels.seal !== null,
  marks: ParagraphMarks | null = null,
): Paragraph[][] {
  const leader = [{ type: TabStopType.RIGHT, position: lineEnd, leader: LeaderType.UNDERSCORE }];
  const marked = (children: ParagraphChild[], text: string) => (marks ? marks.paragraph(children, text) : children);
  const ruled = (label: string, before?: number) =>
    new Paragraph({
      style: STYLE.signature,
      tabStops: leader,
      children: marked([new TextRun(afterLabel(label)), new TextRun('\t')], label),
      ...(before !== undefined ? { spacing: { before } } : {}),
    });
  const filled = (label: string, field: 'signatoryName' | 'signatoryTitle') => {
    // The signatory's name and title are the party's fields in the draft.
    const fields = marks?.marks.withSource({ path: `parties.${party.role}.${field}` }) ?? null;
    // In a redline: the value's changed words, where a ruled line ("\t") stands for a value one version leaves blank.
    const revised = revisions?.textOf(party, field);
    if (revised)
      return new Paragraph({
        style: STYLE.signature,
        tabStops: leader,
        children: marked([new TextRun(afterLabel(label)), ...runsOf(revised, false, revisions, fields)], label),
      });
    const value = party[field];
    return value.trim() === ''
      ? ruled(label)
      : new Paragraph({ style: STYLE.signature, children: marked([new TextRun(afterLabel(label)), ...runsOf([{ text: value }], false, null, fields)], label) });
  };
  const lines: Paragraph[][] = [
    headings.map(
      (runs, i) =>
        new Paragraph({
          style: STYLE.signature,
          children: marked(runsOf(roleLabelOnOwnLine(runs), false, revisions, marks?.marks ?? null), runsText(runs)),
          spacing: i < headings.length - 1 ? { after: 40 } : undefined,
        }),
    ),
  ];
  // A company seal is a stamp about 4 cm across: the seal line leaves it room.
  if (labels.seal !== null || sealRow)
    lines.push([
      new Paragraph({
        style: STYLE.signature,
        children: labels.seal !== null ? marked([new TextRun(labels.seal)], labels.seal) : [],
        spacing: { before: 120, after: 0 },
      }),
    ]);
  // Room above the line for a handwritten signature.
  const signatureRoom = sealRow ? 1_200 : 840;
  // A long label ("法定代表人或授权代表（签字）：") would leave a stub of a line to sign on: the label gets a
  // line of its own and the signature a full-width rule under it, with room to write.
  const signatureLine =
    labelWidth(labels.signature) > LONG_SIGNATURE_LABEL
      ? [
          new Paragraph({
            style: STYLE.signature,
            children: marked([new TextRun(labels.signature)], labels.signature),
            spacing: { before: signatureRoom, after: 0 },
          }),
          new Paragraph({ style: STYLE.signature, tabStops: leader, children: [new TextRun('\t')], spacing: { before: 480 } }),
        ]
      : [ruled(labels.signature, signatureRoom)];
  lines.push(signatureLine, [filled(labels.name, 'signatoryName')], [filled(labels.title, 'signatoryTitle')], [ruled(labels.date)]);
  return lines;
}

/**
 * "服务提供方：" on a line of its own above the company's name: in half the
 * page's width a long Chinese name after the label would wrap anywhere, even
 * leaving its last character alone on the next line.
 */
function roleLabelOnOwnLine(runs: readonly Run[]): Run[] {
  const label = runs.findIndex((run, i) => run.text.endsWith('：') && runs.slice(i + 1).some((next) => next.text.trim() !== ''));
  if (label < 0) return [...runs];
  return runs.map((run, i) => (i === label ? { ...run, text: `${run.text}\n` } : run));
}

const SIGNATURE_GAP = 680;

/**
 * Both parties side by side, line by line, in a table with no visible grid:
 * rows that never split, each kept with the next, so the block stays on one page.
 */
export function signatureTable(parties: readonly Paragraph[][][], width: number, rowMark: () => MarkOptions | undefined = () => undefined): Table {
  const cellWidth = Math.floor((width - SIGNATURE_GAP) / 2);
  const widths = [cellWidth, SIGNATURE_GAP, width - SIGNATURE_GAP - cellWidth];
  const lineCount = Math.max(...parties.map((lines) => lines.length));
  const cell = (children: Paragraph[] | undefined, w: number) =>
    new TableCell({
      width: { size: w, type: WidthType.DXA },
      children: children && children.length > 0 ? children : [new Paragraph({ style: STYLE.signature, children: [] })],
    });
  const rows = Array.from(
    { length: lineCount },
    (_, line) =>
      new TableRow({
        cantSplit: true,
        ...rowMark(),
        children: [cell(parties[0]?.[line], widths[0]!), cell(undefined, widths[1]!), cell(parties[1]?.[line], widths[2]!)],
      }),
  );
  return new Table({
    rows,
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
  });
}

/** A label and what follows it: "Name: Jane Doe", but "姓名：陈立航" — a full-width colon has its own space. */
function afterLabel(label: string): string {
  return label.endsWith('：') ? label : `${label} `;
}

/** In half-width characters: beyond this a signature label leaves too short a line to sign on. */
const LONG_SIGNATURE_LABEL = 16;

/** The width of a label in half-width characters: a CJK character or full-width punctuation counts two. */
function labelWidth(label: string): number {
  let width = 0;
  for (const char of label) width += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u.test(char) ? 2 : 1;
  return width;
}

/** Where a party's ruled lines end, inside its cell. */
export function signatureLineEnd(width: number): number {
  return Math.floor((width - SIGNATURE_GAP) / 2) - 60;
}

/** "Signature:" / "法定代表人或授权代表（签字）：". */
export function labelled(label: string, language: ContractLanguage): string {
  return language === 'en' ? `${label}:` : `${label}：`;
}
