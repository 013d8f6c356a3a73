/**
 * Contract export: a draft, its template and a language → a .docx that
 * carries the draft → a file written atomically (a temp file in the same
 * folder, flushed, renamed over the target), so a crash or a full disk
 * leaves the old file or the whole new one, never half a contract.
 *
 * Only a valid draft is exported: the .docx embeds it, and what `import`
 * recovers from the .docx must import again. What it embeds is the draft's
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
import { assembleBilingual, assembleContract } from '../../src-shared/contract/assemble';
import { canonicalJson } from '../../src-shared/model/canonical';
import { contractTerms } from '../../src-shared/model/contract-terms';
import { writeDraftFile } from '../../src-shared/model/file';
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

export function createContractExportService(deps: ContractExportDeps): ContractExportService {
  const build = async ({ draft, language, version, paperSize, scope = 'contract' }: ContractExportRequest): Promise<BuiltContract> => {
    const template = usableTemplate(deps.clauseLibrary, draft.contract.templateId);
    const terms = contractTerms(draft);
    const contractSha256 = sha256Hex(canonicalJson(terms));
    const identity = contractIdentity(contractSha256);
    const options = { versionLabel: version?.label ?? null, identity, internalCopy: scope === 'internal' };
    const draftJson = writeDraftFile(scope === 'internal' ? draft : terms);
    const record = {
      input: { scope, language, contractSha256, version: version ? { label: version.label, sha256: version.sha256 } : null },
      seal: deps.sealer ? await deps.sealer() : null,
    };
    let bytes: Uint8Array;
    let blanks: AssemblyProblem[];
    if (language === 'bilingual') {
      const pair = assembleBilingual(draft, template, options);
      // Halves that do not align are a template bug: refuse rather than set the wrong clauses side by side.
      const misaligned = pair.problems.find((problem) => problem.code === 'misaligned');
      if (misaligned) throw new MisalignedContractError(misaligned.clauseId ?? 'the top level');
      bytes = await renderContractDocx({ language, en: pair.en, zh: pair.zh }, { draftJson, record, ...(paperSize ? { paperSize } : {}) });
      blanks = pair.problems;
    } else {
      const single = assembleContract(draft, template, language, options);
      bytes = await renderContractDocx({ language, doc: single.doc }, { draftJson, record, ...(paperSize ? { paperSize } : {}) });
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
      };
    },
  };
}
