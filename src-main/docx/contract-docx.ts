/**
 * ContractDoc → .docx: the contract as a Word file a lawyer can send for
 * signature, in one language or in both side by side.
 *
 * The document is built from styles (typography.ts), not direct formatting,
 * so it stays editable the way Word users expect: clause headings are
 * Heading 1–3 with real multilevel numbering (1. / 1.1 / 1.1.1), each
 * enumeration is its own numbering instance so that it restarts at (a), and
 * the data tables repeat their header row on each page and never split a row.
 * The cover page has no header or footer (a distinct first page); every
 * other page carries the title above and "Page X of Y" (PAGE and NUMPAGES
 * fields) below.
 *
 * Cross-references ("Clause 9.2") are written as plain text with the number
 * the assembly computed: a REF field to a numbered heading would print the
 * heading's own "9." with its full stop, and would make Word ask to update
 * fields on every opening. The page fields in the footer need no such
 * prompt: Word and LibreOffice recompute them whenever they lay out pages.
 *
 * The same writer sets a redline (redline-docx.ts): given a merged
 * ContractDoc and its Revisions, the runs, paragraph marks and table rows
 * the marks name become Word tracked changes; with none, nothing differs.
 *
 * This file composes the parts: runs.ts, tables.ts, header-footer.ts (also
 * used by the monthly report), signatures.ts, language-writer.ts with
 * single-language-body.ts and bilingual-body.ts, and contract-section.ts
 * (cover, header and footer).
 */
import { Document, Packer } from 'docx';
import type { ContractDoc, ContractLanguage } from '../../src-shared/contract/doc';
import { BilingualBody } from './bilingual-body';
import { contractSection, versionText } from './contract-section';
import { attachDraftPart, attachMarksPart, sealContractPart, type ContractPartInput, type RecordSealer } from './draft-part';
import { fontTableXml } from './font-table';
import { DocumentMarks } from './marks';
import type { Revisions } from './revisions';
import { xmlSafe } from './runs';
import { SingleLanguageBody } from './single-language-body';
import { contractLayout, contractNumbering, contractStyles, type PaperSize, type StyleVariant } from './typography';

export { MisalignedContractError } from './bilingual-body';
export type { PaperSize } from './typography';

export type ExportLanguage = ContractLanguage | 'bilingual';
export const EXPORT_LANGUAGES = ['en', 'zh-CN', 'bilingual'] as const satisfies readonly ExportLanguage[];

/** What to write: one language, or the aligned pair of assembleBilingual. */
export type ContractSource = { language: ContractLanguage; doc: ContractDoc } | { language: 'bilingual'; en: ContractDoc; zh: ContractDoc };

export interface ContractDocxOptions {
  /** The `*.sla.json` text the contract was made from (writeDraftFile), embedded as a custom XML part. */
  draftJson: string;
  /**
   * What the part records of the document (format 2, draft-part.ts) and the
   * installation's sealer; without it the part holds the draft alone
   * (format 1), as a redline's does.
   */
  record?: { input: ContractPartInput; seal: RecordSealer | null };
  /** Write a redline: the source is the merged contract and these are its tracked changes. */
  redline?: RedlineMarks;
  /** The paper; by default the parties' (paperSizeFor). */
  paperSize?: PaperSize;
  /** A draft export: "Draft — not for signature" and a DRAFT watermark on every page (contract-section.ts). */
  draft?: boolean;
}

/** US Letter when both parties are in the United States (their addresses say so), A4 everywhere else. */
export function paperSizeFor(doc: ContractDoc): PaperSize {
  const { provider, customer } = doc.meta.parties;
  return provider.country === 'US' && customer.country === 'US' ? 'Letter' : 'A4';
}

/** Title, author (the provider, whose contract it is), subject (the template), description. */
export function documentProperties(docs: readonly ContractDoc[]): { title: string; subject: string; creator: string; description: string; keywords: string } {
  const { meta } = docs[0]!;
  const provider = meta.parties.provider.legalName.trim();
  const customer = meta.parties.customer.legalName.trim();
  const subject = [...new Set(docs.map((doc) => doc.meta.templateName))].join(' / ');
  const description = [
    [provider, customer].filter((name) => name !== '').join(' – '),
    docs.map((doc) => doc.meta.effectiveDateText).join(' / '),
    versionText(docs[0]!),
    `${meta.templateId} ${meta.templateVersion}`,
  ]
    .filter((part): part is string => part !== null && part !== '')
    .join('; ');
  return {
    title: xmlSafe(meta.title),
    subject: xmlSafe(subject),
    creator: xmlSafe(provider === '' ? 'SLA Studio' : provider),
    description: xmlSafe(description),
    keywords: ['SLA', ...docs.map((doc) => doc.meta.language)].join(', '),
  };
}

/**
 * What turns the contract writer into a redline writer (redline-docx.ts):
 * the tracked changes on a merged ContractDoc, and the footer's note in
 * place of the version ("Changes from v2 to v3").
 */
export interface RedlineMarks {
  revisions: Revisions;
  footerNote: string;
}

/** A document's marks (marks.ts); in a redline their bookmark ids come from the same sequence as its tracked changes'. */
export function documentMarks(redline: RedlineMarks | null): DocumentMarks {
  return redline ? new DocumentMarks(() => redline.revisions.annotationId()) : new DocumentMarks();
}

/**
 * The docx Document of a contract (or, with `redline`, of a redline), before
 * packing; the paper by default the parties'. `marks` collects the marks
 * the document is written with, for the table packed beside it.
 */
export function buildContractDocument(
  source: ContractSource,
  redline: RedlineMarks | null = null,
  paperSize?: PaperSize,
  draft = false,
  marks: DocumentMarks = documentMarks(redline),
): Document {
  const bilingual = source.language === 'bilingual';
  const docs = bilingual ? [source.en, source.zh] : [source.doc];
  const page = contractLayout(bilingual, paperSize ?? paperSizeFor(docs[0]!));
  const variant: StyleVariant = bilingual ? 'bilingual' : source.language === 'en' ? 'single-en' : 'single-zh';
  const revisions = redline?.revisions ?? null;
  const body = bilingual
    ? new BilingualBody(source.en, source.zh, page, revisions, marks).build()
    : new SingleLanguageBody(source.doc, page, variant, revisions, marks).build();
  const properties = documentProperties(docs);
  return new Document({
    ...properties,
    ...(redline ? { description: xmlSafe(`${redline.footerNote}; ${properties.description}`) } : {}),
    lastModifiedBy: 'SLA Studio',
    // A redline goes to the other side for their answer: their edits are tracked too.
    ...(redline ? { features: { trackRevisions: true } } : {}),
    ...contractStyles(variant),
    numbering: contractNumbering(
      page,
      docs.map((doc) => doc.meta.language),
    ),
    sections: [contractSection(docs, page, body, redline?.footerNote ?? null, revisions, draft, marks)],
  });
}

/** The contract as .docx bytes, with the draft it was made from and the table of its marks inside. */
export async function renderContractDocx(source: ContractSource, options: ContractDocxOptions): Promise<Uint8Array> {
  const marks = documentMarks(options.redline ?? null);
  const document = buildContractDocument(source, options.redline ?? null, options.paperSize, options.draft ?? false, marks);
  const draftPart = attachDraftPart(document, options.draftJson);
  const marksPart = attachMarksPart(document, marks.table());
  const buffer = await Packer.toBuffer(document, false, [...draftPart, ...marksPart, { path: 'word/fontTable.xml', data: fontTableXml() }]);
  const packed = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  return options.record ? sealContractPart(packed, options.draftJson, options.record.input, options.record.seal) : packed;
}
