/**
 * Contract export: a draft, its template and a language → a .docx that
 * carries the draft → a file written atomically (a temp file in the same
 * folder, flushed, renamed over the target), so a crash or a full disk
 * leaves the old file or the whole new one, never half a contract.
 *
 * A complete draft is exported as the contract to sign. A working copy
 * that is not complete yet (blanks, or other problems the wizard shows)
 * goes out only as a draft export: "Draft — not for signature" and a DRAFT
 * watermark on every page, in each of the document's languages, the blanks
 * highlighted "[●]"; it embeds the working copy as it stands, marked
 * incomplete, and `import` takes it back as an incomplete draft and says
 * what it lacks. A complete draft may be exported as a draft too (for
 * discussion): then only the marks differ. What the .docx embeds is the draft's
 * contract terms (src-shared/model/contract-terms.ts) — the negotiation
 * stays home — unless an internal copy is asked for, which carries the whole
 * draft and says so in its footer and its part. Every footer prints the
 * contract's identity (the SHA-256 of its terms, contractIdentity), and the
 * part records it with the document's visible text, sealed with this
 * installation's key when one is given (export-seal.ts). Values the draft leaves empty
 * (a party's name not yet entered) are not an error: the contract shows the
 * blank "[●]" for a person to fill in, and the result lists them.
 *
 * The app saves a contract through the export step (export-step.ts), which
 * asks where, writes the bytes `build` made and records the file in the
 * exports table. `exportToFile` is the command line's: it writes to the path
 * it is given, records nothing, and reports a `ContractExportRecord`.
 */
import type { AssemblyProblem } from '../../src-shared/contract/assemble';
import { problem, type Problem } from '../../src-shared/model/problems';
import { TEXT_LANGUAGES } from '../../src-shared/model/localized';
import { missingTranslations } from '../../src-shared/model/translations';
import { assembleBilingual, assembleContract } from '../../src-shared/contract/assemble';
import { assembleAmendment, assembleBilingualAmendment, type AmendedAgreement } from '../../src-shared/contract/amendment';
import { canonicalJson } from '../../src-shared/model/canonical';
import { contractTerms } from '../../src-shared/model/contract-terms';
import { isDraftInProgress, writeDraftFile, writeIncompleteDraftFile } from '../../src-shared/model/file';
import { upgradeContent } from '../../src-shared/model/migrate';
import type { SlaDraft } from '../../src-shared/model/schema';
import { validateDraft } from '../../src-shared/model/validate';
import { contractIdentity } from '../../src-shared/model/version';
import type { DraftPartScope, RecordSealer } from '../docx/draft-part';
import { MisalignedContractError, renderContractDocx, type ExportLanguage, type PaperSize } from '../docx/contract-docx';
import { sha256Hex } from '../sha256';
import { writeFailure, writeFileAtomically } from './atomic-file';
import { usableTemplate, type ClauseLibrary } from './clause-library';
import { ServiceError } from './errors';
import type { Clock } from './ports';

export type { ExportLanguage } from '../docx/contract-docx';
export { EXPORT_LANGUAGES } from '../docx/contract-docx';

export interface ContractExportRequest {
  draft: SlaDraft;
  language: ExportLanguage;
  /** The saved version being exported; absent or null for the working copy. */
  version?: { label: string; sha256: string } | null;
  /** The paper, overriding the parties' (Letter when both are in the US, else A4). */
  paperSize?: PaperSize;
  /** `internal`: the file carries the whole draft, negotiation included (an internal copy); by default only the contract terms. */
  scope?: DraftPartScope;
  /** A draft export: "Draft — not for signature" and a DRAFT watermark on every page. */
  asDraft?: boolean;
  /** What the draft still lacks when it is not complete (draftForExport): then only a draft export is made, and it embeds the draft marked incomplete. */
  incomplete?: readonly Problem[];
  /**
   * Export the amendment instrument rather than the restated SLA: the changed
   * clauses of `draft` against `signed`, the draft of the signed version it
   * amends (src-shared/contract/amendment.ts). The file still embeds `draft`.
   */
  amendment?: { signed: SlaDraft; agreement: AmendedAgreement } | null;
}

export interface BuiltContract {
  /** The .docx file's bytes. */
  bytes: Uint8Array;
  /** SHA-256 (hex) of `bytes`. */
  sha256: string;
  language: ExportLanguage;
  templateId: string;
  templateVersion: string;
  /** The `*.sla.json` text embedded in the .docx, and its SHA-256: what `import` gives back. */
  draftJson: string;
  draftSha256: string;
  /** The identity the footer prints: "3f9a 1c2b 7d4e 0a11". */
  identity: string;
  /** Values left blank ("[●]") in the contract, for the user to fill in or complete in the draft. */
  blanks: AssemblyProblem[];
  /** A draft export (watermarked, not for signature). */
  asDraft: boolean;
  /** What the draft still lacks; empty for a complete draft. */
  incomplete: Problem[];
}

/** One contract written by `exportToFile`, as the command line reports it. */
export interface ContractExportRecord {
  path: string;
  /** Bytes written. */
  size: number;
  sha256: string;
  language: ExportLanguage;
  templateId: string;
  templateVersion: string;
  draftSha256: string;
  /** The identity the footer prints: "3f9a 1c2b 7d4e 0a11". */
  identity: string;
  /** The version's label and hash, or null for the working copy. */
  version: { label: string; sha256: string } | null;
  /** ISO 8601 UTC, from the clock port. */
  exportedAt: string;
  blanks: AssemblyProblem[];
  /** A draft export (watermarked, not for signature). */
  asDraft: boolean;
  /** What the draft still lacks; empty for a complete draft. */
  incomplete: Problem[];
}

export interface ContractExportService {
  /** The contract in memory: nothing is written. */
  build(request: ContractExportRequest): Promise<BuiltContract>;
  /** Builds the contract and writes it to `path` atomically. */
  exportToFile(request: ContractExportRequest & { path: string }): Promise<ContractExportRecord>;
}

export interface ContractExportDeps {
  clauseLibrary: Pick<ClauseLibrary, 'load'>;
  clock: Clock;
  /** Seals the part's record with this installation's key (export-seal.ts); without it the part is unsealed. */
  sealer?: () => Promise<RecordSealer>;
}

/**
 * The draft of a working copy or file, checked: a draft with problems is
 * refused with every problem, since its embedded copy could not be imported.
 */
export function draftForExport(content: unknown): SlaDraft {
  const { draft, problems } = validateDraft(content);
  if (!draft || problems.length > 0) throw new ServiceError('invalidInput', 'errors.draftHasProblems', { count: problems.length }, problems);
  return draft;
}

/** A draft to export as a draft: complete, or not yet (then `incomplete` lists its problems). */
export interface DraftToExport {
  draft: SlaDraft;
  incomplete: Problem[];
}

/**
 * The draft of a working copy or file for a draft export: a complete draft,
 * or the content as it stands with what it lacks — as the live preview
 * assembles it. Content that is no draft in progress (isDraftInProgress: a
 * value of another type, another schema version) is refused as
 * draftForExport refuses it.
 */
export function draftForDraftExport(content: unknown): DraftToExport {
  const { draft, problems } = validateDraft(content);
  if (draft && problems.length === 0) return { draft, incomplete: [] };
  const upgraded = typeof content === 'object' && content !== null && !Array.isArray(content) ? upgradeContent(content as Record<string, unknown>) : null;
  // A value of another type is no draft in progress: the embedded file could not be imported again.
  if (!upgraded || !isDraftInProgress(problems)) {
    throw new ServiceError('invalidInput', 'errors.draftHasProblems', { count: problems.length }, problems);
  }
  return { draft: upgraded as SlaDraft, incomplete: problems };
}

/** Nor is a draft with a text missing in a language the contract is printed in: only a draft export marks the gap. */
export function refuseUntranslated(draft: SlaDraft, language: ExportLanguage): void {
  const untranslated = missingTranslations(draft, language === 'bilingual' ? TEXT_LANGUAGES : [language]).map(({ path, language: missing }) =>
    problem(path, `contractCheck.translations.missing.${missing}`),
  );
  if (untranslated.length > 0) throw new ServiceError('invalidInput', 'export.errors.untranslated', { count: untranslated.length }, untranslated);
}

export function createContractExportService(deps: ContractExportDeps): ContractExportService {
  const build = async ({
    draft,
    language,
    version,
    paperSize,
    scope = 'contract',
    asDraft = false,
    incomplete = [],
    amendment = null,
  }: ContractExportRequest): Promise<BuiltContract> => {
    // An incomplete draft is not a contract to sign: it goes out only marked as a draft.
    if (incomplete.length > 0 && !asDraft) throw new ServiceError('invalidInput', 'errors.draftHasProblems', { count: incomplete.length }, [...incomplete]);
    if (!asDraft) refuseUntranslated(draft, language);
    const template = usableTemplate(deps.clauseLibrary, typeof draft.contract?.templateId === 'string' ? draft.contract.templateId : 'standard-saas');
    const terms = contractTerms(draft);
    const contractSha256 = sha256Hex(canonicalJson(terms));
    const identity = contractIdentity(contractSha256);
    const options = { versionLabel: version?.label ?? null, identity, internalCopy: scope === 'internal' };
    const embedded = scope === 'internal' ? draft : terms;
    const draftJson = incomplete.length > 0 ? writeIncompleteDraftFile(embedded) : writeDraftFile(embedded);
    const record = {
      input: {
        scope,
        language,
        contractSha256,
        version: version ? { label: version.label, sha256: version.sha256 } : null,
        ...(incomplete.length > 0 ? { incomplete: true } : {}),
      },
      seal: deps.sealer ? await deps.sealer() : null,
    };
    const docxOptions = { draftJson, record, ...(paperSize ? { paperSize } : {}), ...(asDraft ? { draft: true } : {}) };
    // Assembly copes with values left out; a value of another shape in an incomplete draft can still stop it, and then its problems say what to fix.
    const assembled = <T>(assemble: () => T): T => {
      if (incomplete.length === 0) return assemble();
      try {
        return assemble();
      } catch {
        throw new ServiceError('invalidInput', 'errors.draftHasProblems', { count: incomplete.length }, [...incomplete]);
      }
    };
    let bytes: Uint8Array;
    let blanks: AssemblyProblem[];
    // An amendment that changes nothing is no amendment: the restated SLA would be the signed one.
    const nothingAmended = () => new ServiceError('invalidInput', 'export.errors.nothingAmended');
    if (amendment && language === 'bilingual') {
      const pair = assembled(() => assembleBilingualAmendment(amendment.signed, draft, template, amendment.agreement, options));
      if (pair.changes.length === 0) throw nothingAmended();
      const misaligned = pair.problems.find((problem) => problem.code === 'misaligned');
      if (misaligned) throw new MisalignedContractError(misaligned.clauseId ?? 'the top level');
      bytes = await renderContractDocx({ language, en: pair.en, zh: pair.zh }, docxOptions);
      blanks = pair.problems;
    } else if (amendment && language !== 'bilingual') {
      const single = assembled(() => assembleAmendment(amendment.signed, draft, template, language, amendment.agreement, options));
      if (single.changes.length === 0) throw nothingAmended();
      bytes = await renderContractDocx({ language, doc: single.doc }, docxOptions);
      blanks = single.problems;
    } else if (language === 'bilingual') {
      const pair = assembled(() => assembleBilingual(draft, template, options));
      // Halves that do not align are a template bug: refuse rather than set the wrong clauses side by side.
      const misaligned = pair.problems.find((problem) => problem.code === 'misaligned');
      if (misaligned) throw new MisalignedContractError(misaligned.clauseId ?? 'the top level');
      bytes = await renderContractDocx({ language, en: pair.en, zh: pair.zh }, docxOptions);
      blanks = pair.problems;
    } else {
      const single = assembled(() => assembleContract(draft, template, language, options));
      bytes = await renderContractDocx({ language, doc: single.doc }, docxOptions);
      blanks = single.problems;
    }
    return {
      bytes,
      sha256: sha256Hex(bytes),
      language,
      templateId: template.id,
      templateVersion: template.version,
      draftJson,
      draftSha256: sha256Hex(draftJson),
      identity,
      blanks,
      asDraft,
      incomplete: [...incomplete],
    };
  };

  return {
    build,
    async exportToFile(request) {
      const built = await build(request);
      try {
        await writeFileAtomically(request.path, built.bytes);
      } catch (error) {
        throw writeFailure(error, request.path);
      }
      return {
        path: request.path,
        size: built.bytes.byteLength,
        sha256: built.sha256,
        language: built.language,
        templateId: built.templateId,
        templateVersion: built.templateVersion,
        draftSha256: built.draftSha256,
        identity: built.identity,
        version: request.version ?? null,
        exportedAt: deps.clock.now(),
        blanks: built.blanks,
        asDraft: built.asDraft,
        incomplete: built.incomplete,
      };
    },
  };
}
