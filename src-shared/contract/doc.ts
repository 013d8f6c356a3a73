/**
 * ContractDoc: the neutral tree of one assembled contract in one language.
 *
 * Three views consume it — the live preview (renderer), the .docx writer
 * (src-main/docx) and the compare view (src-shared/compare) — so it carries
 * everything they need and nothing they would have to translate: every word
 * in it is already in the document's language, every number already
 * formatted. A writer only decides how things look (fonts, numbering
 * styles, table borders), never what they say.
 *
 * Shape rules the consumers may rely on:
 * - `clauses` are the top-level clauses in document order. A clause's
 *   sub-clauses are `clause` blocks inside its `blocks`, interleaved with its
 *   paragraphs and tables in reading order.
 * - `number` is the clause's position: [] for an unnumbered clause (the
 *   preamble, the signature page — top level only), [4] for "4", [4, 2]
 *   for "4.2". Numbers are consecutive among the numbered siblings that the
 *   draft's conditions kept, so a writer may also use real multilevel list
 *   numbering with level = number.length - 1 and get the same figures.
 * - `id` is stable: the same clause of the same template has the same id in
 *   every version of every draft and in both languages. A clause repeated per
 *   list item (one per service, one per metric) has the id
 *   `<template clause id>#<item id>`, so it stays aligned when items are
 *   reordered. Compare aligns clauses by id, never by number.
 * - Bilingual: the English and the Chinese documents of one draft have the
 *   same clause ids in the same order and the same block shapes (see
 *   blockShape) — conditions and repetition never depend on the language —
 *   so a writer can set them side by side clause by clause, block by block.
 * - No text contains "{{", "undefined", "NaN" or "null": a value the
 *   assembly could not resolve shows as the blank "[●]" with `blank: true`
 *   and is listed in the assembly's problems.
 */
import type { StepId } from '../model/schema';
import type { PartyCountry } from './party-country';

export type ContractLanguage = 'en' | 'zh-CN';
export const CONTRACT_LANGUAGES = ['en', 'zh-CN'] as const satisfies readonly ContractLanguage[];

/** What a value in the text was made from: the preview links it to the wizard field. */
export interface RunSource {
  /**
   * The draft path the value comes from, in pathToString form:
   * "compensation.claimWindowDays", "services[0].metrics[1].measurementMethod".
   * For a computed value, the draft item it is computed from
   * ("targets.objectives[0]").
   */
  path: string;
  /** Set for computed values: the name of the computation, e.g. "downtimePerMonth". */
  computed?: string;
}

/** A stretch of text with one look. */
export interface Run {
  /** May contain "\n" where a user typed a line break in a free-text field; a writer renders it as a line break. */
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Set when the text was filled in from the draft (a placeholder), absent for template wording. */
  source?: RunSource;
  /**
   * Set when the text is a cross-reference to another clause ("Clause 9.2",
   * "第9.2条"): the id of that clause, so a writer can make it a REF field.
   */
  ref?: string;
  /** The value was missing or empty: the text is the blank "[●]" for a human to fill in. */
  blank?: boolean;
}

export interface Paragraph {
  kind: 'paragraph';
  runs: Run[];
}

/** A numbered or titled sub-clause ("4.2 Measurement"), nested in its parent's blocks. */
export interface ClauseBlock {
  kind: 'clause';
  clause: Clause;
}

/** Markers of an enumeration: (a), (b)… ; (i), (ii)… ; (1), (2)… ; or bullets. */
export type ListStyle = 'alpha' | 'roman' | 'decimal' | 'bullet';

export interface ListBlock {
  kind: 'list';
  style: ListStyle;
  /** One entry per item; each item is one paragraph. */
  items: Run[][];
}

export interface Definition {
  /** Stable across languages: the English term as a slug ("service-credit"). */
  id: string;
  /** The defined term in the document's language, without quotes ("Service Credit", "服务费减免"). */
  term: string;
  /** The whole definition as it reads, starting with the quoted, bold term. */
  runs: Run[];
}

export interface DefinitionList {
  kind: 'definitions';
  items: Definition[];
}

/** What a table lists; a writer may style kinds differently (e.g. right-align the credit column). */
export const TABLE_KINDS = ['targets', 'severities', 'maintenance', 'creditTiers', 'incidentNotification', 'escalationContacts', 'generic'] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

export type CellAlign = 'left' | 'center' | 'right';

export interface TableCell {
  runs: Run[];
}

export interface TableRow {
  /** For body rows built from a draft list: the item's id (e.g. the credit tier's id), for row alignment in compare. */
  id?: string;
  cells: TableCell[];
}

export interface Table {
  kind: 'table';
  tableKind: TableKind;
  /** Relative column widths (e.g. [3, 2, 2]); as many as there are columns. */
  widths: number[];
  /** Per column. */
  align: CellAlign[];
  /** Header row(s): a writer repeats them on each page. */
  header: TableRow[];
  /** Body rows; never empty (a table with no rows is left out of the document). */
  rows: TableRow[];
}

export interface SignatureParty {
  role: 'provider' | 'customer';
  /** "For and on behalf of ACME Ltd." / "服务提供方：ACME Ltd.". */
  heading: Run[];
  /** The party's legal name as in the draft ("" when not yet entered). */
  company: string;
  /**
   * The party signs under its company seal, by its legal or authorised
   * representative (labels.seal, labels.signature) — a company in mainland
   * China, in every language; any other party signs by an authorised
   * signatory (labels.authorisedSignature) with no seal line.
   */
  sealed: boolean;
  /** Prefilled under the signature line; "" = left blank for hand-writing. */
  signatoryName: string;
  signatoryTitle: string;
}

export interface SignatureBlock {
  kind: 'signature';
  /** The labels of the lines each party signs on, in the document's language. */
  labels: {
    signature: string;
    /** The signature line of a party that does not sign under a seal. */
    authorisedSignature: string;
    name: string;
    title: string;
    date: string;
    /** The company seal line of a party that signs under a seal, "（盖章）" in Chinese; null where the template has none. */
    seal: string | null;
  };
  parties: SignatureParty[];
}

export type Block = Paragraph | ClauseBlock | ListBlock | DefinitionList | Table | SignatureBlock;

export interface Clause {
  /** Stable id for alignment across versions and languages (see the file comment). */
  id: string;
  /** [] = unnumbered (top level only); [4, 2] reads "4.2". */
  number: number[];
  /** The heading; null for an untitled clause (a preamble, or a sub-clause that is one paragraph). */
  title: string | null;
  /** The wizard steps whose fields change this clause: the preview scrolls the current step's clauses into view. */
  steps: StepId[];
  blocks: Block[];
  /**
   * For a negotiable clause: the position whose wording was used. A
   * sub-clause without alternatives of its own has none.
   */
  position?: 'provider' | 'balanced' | 'customer';
}

/** partyDetail: a line under a party's name (its registration number…), close to it. */
export type CoverLineStyle = 'subtitle' | 'party' | 'partyDetail' | 'joiner' | 'detail';

export interface CoverLine {
  /** The template's id for the line ("provider", "effective-date"…). */
  id: string;
  style: CoverLineStyle;
  runs: Run[];
}

/** The cover page: the title, then the template's lines (parties, dates, version). */
export interface CoverBlock {
  title: string;
  lines: CoverLine[];
}

export interface ContractParty {
  legalName: string;
  address: string;
  signatoryName: string;
  signatoryTitle: string;
  /** Where the party is established, read from its address (party-country.ts); null when it cannot be told. */
  country: PartyCountry | null;
}

export interface ContractMeta {
  /** The draft's title: the cover, the header of every page and the document properties. */
  title: string;
  language: ContractLanguage;
  /** Assembled as one half of a bilingual pair (the language-precedence clause is in). */
  bilingual: boolean;
  templateId: string;
  templateVersion: string;
  /** The template's name in the document's language: a fitting "subject" for document properties. */
  templateName: string;
  parties: { provider: ContractParty; customer: ContractParty };
  /** ISO date (YYYY-MM-DD) and as written in the document's language. */
  effectiveDate: string;
  effectiveDateText: string;
  termMonths: number;
  /** e.g. "v3 — customer counter-proposal"; null for the working copy. */
  versionLabel: string | null;
  /** The contract's identity for the footer, "3f9a 1c2b 7d4e 0a11" (contractIdentity); null when not given. */
  identity: string | null;
  /** An internal copy (the file carries the negotiation): the footer says so. */
  internalCopy: boolean;
  /** Which language prevails (bilingual only; null otherwise). */
  precedence: ContractLanguage | null;
}

/** Fixed words a writer places around the text, already in the document's language. */
export interface ContractLabels {
  /** Footer page numbering with {page} and {pages} for the PAGE and NUMPAGES fields: "Page {page} of {pages}". */
  pageOf: string;
  /** "Version", for a footer such as "Version v3 · 3f9a 1c2b 7d4e 0a11". */
  version: string;
  /** "Working draft": the footer of a contract exported from the working copy rather than a saved version. */
  workingDraft: string;
  /** "Internal copy": the footer of a file that carries the whole draft, negotiation included. */
  internalCopy: string;
  /** "Draft — not for signature": the header of every page of a draft export. */
  draftNotice: string;
  /** "DRAFT": the watermark across every page of a draft export. */
  draftWatermark: string;
  /** What stands for a text not written in this document's language ("[缺少中文文本]"). */
  missingText: string;
}

export interface ContractDoc {
  meta: ContractMeta;
  labels: ContractLabels;
  cover: CoverBlock;
  clauses: Clause[];
}

// ── Helpers for the consumers ───────────────────────────────────────────────

/** "4.2" for [4, 2]; "" for an unnumbered clause. */
export function clauseNumberText(number: readonly number[]): string {
  return number.join('.');
}

export interface ClauseVisit {
  clause: Clause;
  /** 0 for top-level clauses. */
  depth: number;
  /** The id of the clause this one is nested in; null at top level. */
  parentId: string | null;
}

/** Every clause of the document, depth-first in reading order (a parent before its sub-clauses). */
export function walkClauses(doc: Pick<ContractDoc, 'clauses'>): ClauseVisit[] {
  const visits: ClauseVisit[] = [];
  const visit = (clause: Clause, depth: number, parentId: string | null): void => {
    visits.push({ clause, depth, parentId });
    for (const block of clause.blocks) if (block.kind === 'clause') visit(block.clause, depth + 1, clause.id);
  };
  for (const clause of doc.clauses) visit(clause, 0, null);
  return visits;
}

export function runsText(runs: readonly Run[]): string {
  let text = '';
  for (const run of runs) text += run.text;
  return text;
}

/**
 * The clause's own text, one line per paragraph, list item, definition or
 * table row (cells separated by tabs), without its sub-clauses: what tells
 * the compare view whether an aligned clause changed (it then diffs the
 * text word by word and the tables row by row).
 */
export function clauseOwnText(clause: Clause): string {
  const lines: string[] = [];
  if (clause.title !== null) lines.push(clause.title);
  for (const block of clause.blocks) lines.push(...blockLines(block));
  return lines.join('\n');
}

/** The lines one block adds to clauseOwnText (none for a sub-clause, which has its own). */
export function blockLines(block: Block): string[] {
  switch (block.kind) {
    case 'paragraph':
      return [runsText(block.runs)];
    case 'list':
      return block.items.map(runsText);
    case 'definitions':
      return block.items.map((item) => runsText(item.runs));
    case 'table':
      return [...block.header, ...block.rows].map((row) => row.cells.map((cell) => runsText(cell.runs)).join('\t'));
    case 'signature':
      return block.parties.flatMap((party) => [runsText(party.heading), party.signatoryName, party.signatoryTitle]);
    case 'clause':
      return [];
  }
}

/** The seal line (null: none) and the signature line one party signs on. */
export function partySignatureLabels(block: SignatureBlock, party: SignatureParty): { seal: string | null; signature: string } {
  return party.sealed ? { seal: block.labels.seal, signature: block.labels.signature } : { seal: null, signature: block.labels.authorisedSignature };
}

/** All the text of the document, cover included: for search, and for tests that nothing unresolved leaked. */
export function documentText(doc: ContractDoc): string {
  const lines: string[] = [doc.cover.title, ...doc.cover.lines.map((line) => runsText(line.runs))];
  for (const { clause } of walkClauses(doc)) {
    lines.push(clause.number.length > 0 ? `${clauseNumberText(clause.number)} ${clause.title ?? ''}` : (clause.title ?? ''));
    for (const block of clause.blocks) {
      lines.push(...blockLines(block));
      if (block.kind === 'signature') {
        lines.push(block.labels.name, block.labels.title, block.labels.date);
        for (const party of block.parties) {
          const { signature, seal } = partySignatureLabels(block, party);
          lines.push(...(seal === null ? [signature] : [seal, signature]));
        }
      }
    }
  }
  return lines.join('\n');
}

/**
 * The language-independent outline of a block: its kind and, for
 * structures, their dimensions and the ids inside. Two documents of one
 * draft in two languages have equal shapes block by block.
 */
export function blockShape(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return 'p';
    case 'clause':
      return `clause(${block.clause.id})`;
    case 'list':
      return `list(${block.style},${block.items.length})`;
    case 'definitions':
      return `definitions(${block.items.map((item) => item.id).join(',')})`;
    case 'table':
      return `table(${block.tableKind},${block.widths.length}x${block.header.length}+${block.rows.map((row) => row.id ?? '').join(',')})`;
    case 'signature':
      return `signature(${block.parties.map((party) => party.role).join(',')})`;
  }
}
