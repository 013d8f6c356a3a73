/**
 * Redline export: two versions of a draft (or a version and the working
 * copy), their templates and a language → a .docx with the changes as
 * Word tracked changes (src-main/docx/redline-docx.ts) → a file written
 * atomically, like a contract (contract-export.ts): the old file or the
 * whole new one, never half a redline.
 *
 * Both drafts must be valid, as for a contract: the redline embeds the
 * new draft for `import`, and a saved version is valid anyway.
 * `exportToFile` (the command line's) records nothing and reports a
 * `RedlineExportRecord`; the compare screen's action below saves through
 * the export step (export-step.ts), which records the file in the exports
 * table (kind 'redline', the newer side's version).
 */
import { withoutHiddenCharacters } from '../../src-shared/model/text';
import type { ContractExportLanguage, SavedExport } from '../../src-shared/api';
import type { ComparisonCounts } from '../../src-shared/compare/contract';
import type { AssemblyProblem } from '../../src-shared/contract/assemble';
import type { Template } from '../../src-shared/contract/template-types';
import { translatorFor, type Locale } from '../../src-shared/i18n';
import { writeDraftFile } from '../../src-shared/model/file';
import { asLocalizedText, displayText } from '../../src-shared/model/localized';
import { versionLabel, type VersionParty } from '../../src-shared/model/version';
import { sha256Hex } from '../sha256';
import { renderRedlineDocx, type RedlineRequest } from '../docx/redline-docx';
import { writeFailure, writeFileAtomically } from './atomic-file';
import { usableTemplate, type ClauseLibrary } from './clause-library';
import { draftForExport, type ExportLanguage } from './contract-export';
import type { DraftsService } from './drafts';
import { ServiceError } from './errors';
import type { ExportStep } from './export-step';
import type { Clock } from './ports';
import type { VersionsService } from './versions';

export type { RedlineRequest, RedlineVersion } from '../docx/redline-docx';

export interface RedlineExportRequest extends RedlineRequest {
  language: ExportLanguage;
}

export interface BuiltRedline {
  /** The .docx file's bytes and their SHA-256 (hex). */
  bytes: Uint8Array;
  sha256: string;
  language: ExportLanguage;
  /** The new version's template (the one the redline reads like). */
  templateId: string;
  templateVersion: string;
  /** SHA-256 of the embedded `*.sla.json` text of the new draft: what `import` of the redline gives back. */
  draftSha256: string;
  /** Clauses changed, added, removed, moved, and the number of tracked changes. */
  clauses: ComparisonCounts;
  revisions: number;
  /** Values the new contract leaves blank ("[●]"). */
  blanks: AssemblyProblem[];
}

/** One redline written by `exportToFile`, as the command line reports it. */
export interface RedlineExportRecord {
  kind: 'redline';
  path: string;
  /** Bytes written. */
  size: number;
  sha256: string;
  language: ExportLanguage;
  templateId: string;
  templateVersion: string;
  draftSha256: string;
  /** The two versions' labels and hashes as the request named them (null for a working copy or a file). */
  old: { label: string | null; sha256: string | null };
  new: { label: string | null; sha256: string | null; author: string; date: string };
  clauses: ComparisonCounts;
  revisions: number;
  /** ISO 8601 UTC, from the clock port. */
  exportedAt: string;
  blanks: AssemblyProblem[];
}

export interface RedlineExportService {
  /** The redline in memory: nothing is written. */
  build(request: RedlineExportRequest): Promise<BuiltRedline>;
  /** Builds the redline and writes it to `path` atomically. */
  exportToFile(request: RedlineExportRequest & { path: string }): Promise<RedlineExportRecord>;
}

export interface RedlineExportDeps {
  clauseLibrary: Pick<ClauseLibrary, 'load'>;
  clock: Clock;
}

export function createRedlineExportService(deps: RedlineExportDeps): RedlineExportService {
  const templateOf = (templateId: string): Template => usableTemplate(deps.clauseLibrary, templateId);

  const build = async (request: RedlineExportRequest): Promise<BuiltRedline> => {
    const old = { ...request.old, draft: draftForExport(request.old.draft) };
    const current = { ...request.new, draft: draftForExport(request.new.draft) };
    const templates = { old: templateOf(old.draft.contract.templateId), new: templateOf(current.draft.contract.templateId) };
    const built = await renderRedlineDocx({ old, new: current }, templates, request.language);
    return {
      bytes: built.bytes,
      sha256: sha256Hex(built.bytes),
      language: request.language,
      templateId: templates.new.id,
      templateVersion: templates.new.version,
      draftSha256: sha256Hex(writeDraftFile(current.draft)),
      clauses: built.summary.clauses,
      revisions: built.summary.revisions,
      blanks: built.blanks,
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
        kind: 'redline',
        path: request.path,
        size: built.bytes.byteLength,
        sha256: built.sha256,
        language: built.language,
        templateId: built.templateId,
        templateVersion: built.templateVersion,
        draftSha256: built.draftSha256,
        old: { label: request.old.label ?? null, sha256: request.old.sha256 ?? null },
        new: { label: request.new.label ?? null, sha256: request.new.sha256 ?? null, author: request.new.author, date: request.new.date },
        clauses: built.clauses,
        revisions: built.revisions,
        exportedAt: deps.clock.now(),
        blanks: built.blanks,
      };
    },
  };
}

/**
 * The file name a save dialog suggests: "<title> — changes v2 to v3.docx"
 * in the user's language, without characters file systems refuse.
 */
export function redlineFileName(title: string, oldName: string, newName: string, locale: Locale): string {
  const name = withoutHiddenCharacters(
    translatorFor(locale)('redline.fileName', { title: title.trim() === '' ? 'SLA' : title.trim(), old: oldName, new: newName }),
  );
  return `${name
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 180)}.docx`;
}

// ── The Redline action of the compare screen ────────────────────────────────

export interface RedlineActionResult extends SavedExport {
  /** Tracked changes in the file (0 when nothing was written). */
  revisions: number;
}

export interface RedlineActionRequest {
  draftId: string;
  /** The side the changes are from: a saved version of the draft, or null for its working copy. */
  oldVersionId: string | null;
  /** The side the changes lead to; its author and time go on every tracked change. */
  newVersionId: string | null;
  language: ContractExportLanguage;
}

export interface RedlineActionService {
  /** Builds the redline, asks where to save it, writes it and records it (kind 'redline', the newer side's version). */
  exportRedline(request: RedlineActionRequest): Promise<RedlineActionResult>;
}

export interface RedlineActionDeps {
  redline: Pick<RedlineExportService, 'build'>;
  drafts: Pick<DraftsService, 'get'>;
  versions: Pick<VersionsService, 'get' | 'defaultAuthor'>;
  exportStep: ExportStep;
  /** The language of the save dialog's file-type name and of the proposed file name. */
  locale: () => Locale;
  translate: (locale: Locale, key: string, params?: Record<string, string | number>) => string;
}

interface ActionSide {
  content: unknown;
  version: { id: string; sequence: number; party: VersionParty; sha256: string; author: string; createdAt: string } | null;
  /** When this side was last changed: the version's time, or the working copy's last save. */
  changedAt: string;
}

/**
 * The compare screen's "Redline (.docx)": the two sides it shows, as the
 * contract in one language with the changes from the first side to the
 * second as Word tracked changes. Everything that can refuse the redline
 * (a side with problems, a template that cannot be loaded) is found before
 * the save dialog opens, so the user is never asked where to save a file
 * that will not be written.
 */
export function createRedlineActionService(deps: RedlineActionDeps): RedlineActionService {
  const t = (key: string, params?: Record<string, string | number>) => deps.translate(deps.locale(), key, params);

  const sideOf = (draftId: string, versionId: string | null): ActionSide => {
    if (versionId === null) {
      const working = deps.drafts.get(draftId);
      return { content: working.content, version: null, changedAt: working.updatedAt };
    }
    const saved = deps.versions.get(versionId);
    // A version of another draft would go out under this draft's name — except the signed version an amendment amends.
    if (saved.draftId !== draftId && deps.drafts.get(draftId).amendsVersionId !== versionId) {
      throw new ServiceError('notFound', 'versions.errors.notFound', { id: versionId });
    }
    return { content: saved.content, version: saved, changedAt: saved.createdAt };
  };

  return {
    async exportRedline({ draftId, oldVersionId, newVersionId, language }) {
      const working = deps.drafts.get(draftId);
      const before = sideOf(draftId, oldVersionId);
      const after = sideOf(draftId, newVersionId);
      const oldDraft = draftForExport(before.content);
      const newDraft = draftForExport(after.content);
      // Labels in the contract's language (for a bilingual one, the language that prevails), as in a contract's footer.
      const contractLocale: Locale = language === 'bilingual' ? newDraft.contract.precedence : language;
      const label = (side: ActionSide) => (side.version ? versionLabel(side.version, contractLocale) : null);
      const unlabelledName = deps.translate(contractLocale, 'redline.workingCopy');
      // A working copy has no author of its own: the name the user saves versions under, else the provider it names.
      const author = after.version?.author ?? deps.versions.defaultAuthor().author ?? newDraft.parties.provider.legalName;
      const built = await deps.redline.build({
        language,
        old: { draft: oldDraft, label: label(before), sha256: before.version?.sha256 ?? null, unlabelledName },
        new: { draft: newDraft, label: label(after), sha256: after.version?.sha256 ?? null, unlabelledName, author, date: after.changedAt },
      });

      const shortName = (side: ActionSide) => (side.version ? `v${side.version.sequence}` : t('redline.workingCopy'));
      // The title in the user's language, as the rest of the name ("changes v1 to v2"); not the list's "English (中文)".
      const typed = displayText(asLocalizedText(working.content.title, deps.locale()), deps.locale()).trim();
      const title = typed === '' ? t('storage.untitledDraft') : typed;
      const saved = await deps.exportStep.save({
        draftId,
        versionId: after.version?.id ?? null,
        kind: 'redline',
        language,
        fileName: redlineFileName(title, shortName(before), shortName(after), deps.locale()),
        filter: { name: t('redline.fileFilter'), extensions: ['docx'] },
        render: () => built.bytes,
      });
      return { ...saved, revisions: saved.exportId === null ? 0 : built.revisions };
    },
  };
}
