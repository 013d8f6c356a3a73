/**
 * Redline .docx: the old version's contract → the new version's, as real
 * Word tracked changes (w:ins / w:del), set exactly like the contract
 * (contract-docx.ts: same styles, numbering, tables, cover, header and
 * footer). Accepting every change gives the new version's contract,
 * rejecting every change the old one's.
 *
 * - Clauses added or removed are whole paragraphs inserted or deleted,
 *   their paragraph marks included, so neither "accept all" nor "reject
 *   all" leaves an empty paragraph behind.
 * - Changed paragraphs, list items and table cells show their changed
 *   words (the compare view's word diff); table rows added or removed are
 *   inserted or deleted rows (w:trPr).
 * - Each change carries the new version's author (its author or party
 *   label, as the caller chooses) and time; the footer says which versions
 *   are compared (in a bilingual redline, in the language that prevails),
 *   and the document tracks the other side's edits.
 * - English, Chinese, or both side by side (see BilingualBody for how the
 *   side-by-side table keeps its layout in both versions).
 *
 * The new version's draft is embedded as in a contract, so `import` of a
 * redline gives the draft it proposes.
 */
import { alignClauses, type ComparisonCounts } from '../../src-shared/compare/contract';
import { assembleBilingual, assembleContract, type AssemblyOptions, type AssemblyProblem } from '../../src-shared/contract/assemble';
import type { ContractDoc, ContractLanguage } from '../../src-shared/contract/doc';
import type { Template } from '../../src-shared/contract/template-types';
import { translatorFor } from '../../src-shared/i18n';
import { writeDraftFile } from '../../src-shared/model/file';
import type { SlaDraft } from '../../src-shared/model/schema';
import { contractTerms } from '../../src-shared/model/contract-terms';
import { shortHash } from '../../src-shared/model/version';
import { MisalignedContractError, renderContractDocx, type ContractSource, type ExportLanguage } from './contract-docx';
import { mergeContracts } from './redline-merge';
import { Revisions, type RevisionAuthor } from './revisions';

/** One side of the comparison: a saved version (label and hash) or a working copy / file (neither). */
export interface RedlineVersion {
  draft: SlaDraft;
  /** "v2 — Our proposal"; on the cover and in the footer's note. */
  label?: string | null;
  /** The version's SHA-256 (hex); its first characters go with the label. */
  sha256?: string | null;
  /**
   * How the footer's note names a side without a label ("working copy"):
   * the cover of a working copy carries no version line, as in its contract.
   */
  unlabelledName?: string | null;
}

export interface RedlineRequest {
  old: RedlineVersion;
  /** The newer version, whose author and time every tracked change carries. */
  new: RedlineVersion & {
    /** Shown by Word on each change: the version's author, or its party ("Customer counter-proposal"). */
    author: string;
    /** When the new version was made (ISO 8601). */
    date: string;
  };
}

/** The templates the two drafts name (the same one, usually). */
export interface RedlineTemplates {
  old: Template;
  new: Template;
}

export interface RedlineSummary {
  /** Clauses unchanged, changed, added, removed and moved (in the first language), as the compare view counts them. */
  clauses: ComparisonCounts;
  /** Tracked changes written (w:ins and w:del elements, paragraph marks and rows included). */
  revisions: number;
}

export interface BuiltRedline {
  bytes: Uint8Array;
  summary: RedlineSummary;
  /** Values the new contract leaves blank ("[●]"). */
  blanks: AssemblyProblem[];
}

/** A redline with an author Word would show as blank is refused by the validator: the fallback name. */
const FALLBACK_AUTHOR = 'SLA Studio';

/**
 * w:date is an xsd:dateTime; Word writes it to the second in UTC. An
 * unreadable date is a caller's bug, not something to put in a contract.
 */
export function revisionDate(iso: string): string {
  const time = Date.parse(iso);
  if (!Number.isFinite(time)) throw new RangeError(`Not a date: ${iso}`);
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The author as Word shows it: one line, without characters XML cannot carry, never empty. */
export function revisionAuthor(author: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = author.replace(/[\u0000-\u001F\u007F\uFFFE\uFFFF]+/g, ' ').trim();
  return clean === '' ? FALLBACK_AUTHOR : clean.slice(0, 255);
}

function assemblyOptions(version: RedlineVersion): AssemblyOptions {
  // A redline's footer carries its note, not the sides' identities.
  return { versionLabel: version.label ?? null };
}

/** "Changes from v2 — Our proposal · 1a2b3c4d to v3 — Customer counter-proposal · 5e6f7a8b", in the contract's language. */
export function redlineNote(request: RedlineRequest, language: ContractLanguage): string {
  const t = translatorFor(language);
  const name = (version: RedlineVersion, fallbackKey: string) => {
    const parts = [version.label?.trim() ?? '', version.sha256 ? shortHash(version.sha256) : ''].filter((part) => part !== '');
    if (parts.length > 0) return parts.join(' · ');
    return version.unlabelledName?.trim() || t(fallbackKey);
  };
  return t('redline.footer', { old: name(request.old, 'redline.earlierVersion'), new: name(request.new, 'redline.laterVersion') });
}

function assembled(version: RedlineVersion, template: Template, language: ExportLanguage): { docs: ContractDoc[]; problems: AssemblyProblem[] } {
  const options = assemblyOptions(version);
  if (language !== 'bilingual') {
    const single = assembleContract(version.draft, template, language, options);
    return { docs: [single.doc], problems: single.problems };
  }
  const pair = assembleBilingual(version.draft, template, options);
  // Halves that do not align are a template bug: refuse rather than set the wrong clauses side by side.
  const misaligned = pair.problems.find((problem) => problem.code === 'misaligned');
  if (misaligned) throw new MisalignedContractError(misaligned.clauseId ?? 'the top level');
  return { docs: [pair.en, pair.zh], problems: pair.problems };
}

/**
 * The redline of two assembled contracts (one document per language, the
 * same languages in the same order on both sides), as .docx bytes with
 * the number of tracked changes written.
 */
export async function renderContractRedline(
  before: readonly ContractDoc[],
  after: readonly ContractDoc[],
  options: { by: RevisionAuthor; footerNote: string; draftJson: string },
): Promise<{ bytes: Uint8Array; revisions: number }> {
  const revisions = new Revisions(options.by);
  const merged = mergeContracts([...before], [...after], revisions);
  const source: ContractSource =
    merged.length === 2 ? { language: 'bilingual', en: merged[0]!, zh: merged[1]! } : { language: merged[0]!.meta.language, doc: merged[0]! };
  const bytes = await renderContractDocx(source, { draftJson: options.draftJson, redline: { revisions, footerNote: options.footerNote } });
  return { bytes, revisions: revisions.count };
}

/** The redline of two drafts in one export language, as .docx bytes. */
export async function renderRedlineDocx(request: RedlineRequest, templates: RedlineTemplates, language: ExportLanguage): Promise<BuiltRedline> {
  const by = { author: revisionAuthor(request.new.author), date: revisionDate(request.new.date) };
  const before = assembled(request.old, templates.old, language);
  const after = assembled(request.new, templates.new, language);
  // One note even in a bilingual redline (the footer has no room for two): in the language that prevails.
  const footerNote = redlineNote(request, after.docs[0]!.meta.precedence ?? after.docs[0]!.meta.language);
  const { bytes, revisions } = await renderContractRedline(before.docs, after.docs, {
    by,
    footerNote,
    draftJson: writeDraftFile(contractTerms(request.new.draft)),
  });
  const counts: ComparisonCounts = { unchanged: 0, changed: 0, added: 0, removed: 0, moved: 0 };
  for (const clause of alignClauses(before.docs[0]!, after.docs[0]!)) {
    counts[clause.status]++;
    if (clause.moved) counts.moved++;
  }
  return { bytes, summary: { clauses: counts, revisions }, blanks: after.problems };
}
