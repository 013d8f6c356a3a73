/**
 * Where the user meets the contract export: a draft's working copy or one of
 * its saved versions → the export step (export-step.ts: the save dialog, a
 * download folder in the dev:web harness; the .docx written atomically; one
 * row in the exports table). Also the record of draft files (.sla.json)
 * written, "Show in folder" for a recorded export, and importing a draft
 * back from a contract SLA Studio exported.
 *
 * "Show in folder" opens the path this service recorded, looked up by the
 * export's id: a renderer never names a path for main to open.
 */
import { displayText } from '../../src-shared/model/localized';
import { withoutHiddenCharacters } from '../../src-shared/model/text';
import { readFile, stat } from 'node:fs/promises';
import type { ExportsRepository, StoredExport } from '../db';
import {
  MAX_IMPORT_DOCX_BYTES,
  type ContractExportLanguage,
  type ContractExportForm,
  type ContractExportScope,
  type ExportRecord,
  type ImportedDocx,
  type SavedExport,
} from '../../src-shared/api';
import type { Locale } from '../../src-shared/i18n';
import type { SlaDraft } from '../../src-shared/model/schema';
import { versionLabel } from '../../src-shared/model/version';
import type { DraftPartReader } from '../docx/read-in-worker';
import { docxCheckOf } from './export-seal';
import type { ContractExportService } from './contract-export';
import { draftForDraftExport, draftForExport, refuseUntranslated } from './contract-export';
import type { DraftsService } from './drafts';
import { ServiceError } from './errors';
import { fileNameOf, type ExportStep } from './export-step';
import type { Dialogs } from './ports';
import type { VersionsService } from './versions';

export interface ExportsService {
  /** Asks where to save, writes the contract and records it; nothing happens when the dialog is cancelled. */
  /** `asDraft`: a draft export (watermarked, not for signature), the only export a working copy with problems allows. */
  exportContract(request: {
    draftId: string;
    language: ContractExportLanguage;
    versionId?: string | null;
    scope?: ContractExportScope;
    asDraft?: boolean;
    form?: ContractExportForm;
  }): Promise<SavedExport>;
  /** exports.draftFile, with the written file recorded as a `draftFile` export. */
  exportDraftFile(draftId: string): Promise<{ path: string | null }>;
  /** Reveals a recorded export in the file manager. */
  showInFolder(exportId: string): Promise<{ path: string }>;
  /** A draft's exports, newest first. */
  list(draftId: string): ExportRecord[];
  /** The draft a contract carries, imported as a new draft as drafts.import would, with what the import found of the file. */
  importDocx(request: { fileName: string; base64: string }): Promise<ImportedDocx>;
}

export interface ExportsServiceDeps {
  exports: ExportsRepository;
  drafts: Pick<DraftsService, 'get' | 'importFile' | 'exportFile'>;
  versions: Pick<VersionsService, 'get' | 'amendedAgreement'>;
  contractExport: Pick<ContractExportService, 'build'>;
  exportStep: ExportStep;
  /** "Show in folder". */
  dialogs: Pick<Dialogs, 'showInFolder'>;
  /** The language of the save dialog's file-type name and of the fallback title. */
  locale: () => Locale;
  translate: (locale: Locale, key: string, params?: Record<string, string | number>) => string;
  /** What takes the draft out of an imported .docx (ServicePorts.readDraftPart). */
  readDraftPart: DraftPartReader;
  /** This installation's export seal key, null when it has none yet (export-seal.ts). */
  sealKey?: () => Promise<Buffer | null>;
}

/** What a file name shows of its language: short, ASCII, and the same on every system. */
const LANGUAGE_TAGS: Record<ContractExportLanguage, string> = { en: 'EN', 'zh-CN': 'ZH', bilingual: 'EN-ZH' };

/**
 * "<Title> v3 (EN).docx": a name any file system accepts, from the draft's
 * title, the version's sequence (none for the working copy) and the language.
 */
export function contractFileName(title: string, sequence: number | null, language: ContractExportLanguage, fallbackTitle: string): string {
  const stem = (text: string) =>
    withoutHiddenCharacters(text)
      // Characters Windows, macOS or Linux refuse in a file name, and control characters.
      .replace(/[\\/:*?"<>|\p{Cc}]/gu, ' ')
      .replace(/\s+/gu, ' ')
      .trim()
      .replace(/^\.+/u, '')
      .slice(0, 100)
      .trim();
  const name = stem(title) || stem(fallbackTitle) || 'SLA';
  const version = sequence === null ? '' : ` v${sequence}`;
  return `${name}${version} (${LANGUAGE_TAGS[language]}).docx`;
}

function toRecord(stored: StoredExport): ExportRecord {
  return {
    id: stored.id,
    draftId: stored.draftId,
    kind: stored.kind,
    language: stored.language,
    version: stored.versionId !== null && stored.version ? { id: stored.versionId, ...stored.version } : null,
    path: stored.path,
    fileName: fileNameOf(stored.path),
    bytes: stored.bytes,
    sha256: stored.sha256,
    createdAt: stored.createdAt,
  };
}

/** The calendar date of an instant on this computer's clock: the day the user saw the version signed. */
export function localDate(instant: string): string {
  const date = new Date(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The language a version's label is written in: the contract's, or for a bilingual one the language that prevails. */
function labelLocale(draft: SlaDraft, language: ContractExportLanguage): Locale {
  return language === 'bilingual' ? draft.contract.precedence : language;
}

export function createExportsService(deps: ExportsServiceDeps): ExportsService {
  const t = (key: string, params?: Record<string, string | number>) => deps.translate(deps.locale(), key, params);

  /** The signed agreement a draft amends, for its amendment instrument; refused for a draft that amends nothing. */
  const amendmentOf = (draftId: string) => {
    const amended = deps.versions.amendedAgreement(draftId);
    if (!amended) throw new ServiceError('invalidInput', 'export.errors.notAnAmendment');
    const signed = draftForExport(amended.signed.content);
    return {
      signed,
      agreement: {
        number: amended.number,
        title: amended.title,
        signedOn: localDate(amended.signed.createdAt),
      },
    };
  };

  return {
    async exportContract({ draftId, language, versionId, scope, asDraft = false, form = 'restated' }) {
      const working = deps.drafts.get(draftId);
      let content: unknown = working.content;
      let version: { id: string; sequence: number; party: Parameters<typeof versionLabel>[0]['party']; sha256: string } | null = null;
      if (versionId) {
        const saved = deps.versions.get(versionId);
        // A version of another draft would go out under this draft's name.
        if (saved.draftId !== draftId) throw new ServiceError('notFound', 'versions.errors.notFound', { id: versionId });
        content = saved.content;
        version = { id: saved.id, sequence: saved.sequence, party: saved.party, sha256: saved.sha256 };
      }
      // Checked before the save dialog: a draft with problems is refused unless it goes out as a draft.
      const { draft, incomplete } = asDraft ? draftForDraftExport(content) : { draft: draftForExport(content), incomplete: [] };
      if (!asDraft) refuseUntranslated(draft, language);
      const request = {
        draft,
        language,
        version: version ? { label: versionLabel(version, labelLocale(draft, language)), sha256: version.sha256 } : null,
        scope: scope ?? 'contract',
        asDraft,
        incomplete,
      } as const;
      // The file is named in the contract's language (for a bilingual one, the language that prevails).
      const titleText = displayText(draft.title, labelLocale(draft, language));
      const title = form === 'amendment' ? t('export.form.amendmentFileTitle', { title: titleText }) : titleText;
      const fileName = contractFileName(title, version?.sequence ?? null, language, t('storage.untitledDraft'));
      const filter = { name: t('export.fileFilter'), extensions: ['docx'] };
      const identity = { draftId, versionId: version?.id ?? null, kind: 'contract', language } as const;
      if (form === 'amendment') {
        // Made before the save dialog: an amendment that changes nothing is refused before asking where to save it.
        const built = await deps.contractExport.build({ ...request, amendment: amendmentOf(draftId) });
        return deps.exportStep.save({ ...identity, fileName, filter, render: () => Promise.resolve(built.bytes) });
      }
      return deps.exportStep.save({
        ...identity,
        fileName,
        filter,
        render: async () => (await deps.contractExport.build(request)).bytes,
      });
    },

    async exportDraftFile(draftId) {
      const result = await deps.drafts.exportFile(draftId);
      if (result.path === null) return result;
      // The hash is of the bytes that reached the disk, read back after the rename.
      deps.exportStep.record({ draftId, versionId: null, kind: 'draftFile', language: null, path: result.path, bytes: await readFile(result.path) });
      return result;
    },

    async showInFolder(exportId) {
      const stored = deps.exports.find(exportId);
      if (!stored) throw new ServiceError('notFound', 'export.errors.exportNotFound');
      const info = await stat(stored.path).catch(() => null);
      if (!info?.isFile()) throw new ServiceError('notFound', 'export.errors.fileMoved', { path: stored.path });
      deps.dialogs.showInFolder(stored.path);
      return { path: stored.path };
    },

    list(draftId) {
      // Answers notFound for a draft that does not exist, rather than an empty history.
      deps.drafts.get(draftId);
      return deps.exports.listByDraft(draftId).map(toRecord);
    },

    async importDocx({ fileName, base64 }) {
      const bytes = Buffer.from(base64, 'base64');
      const maxMegabytes = MAX_IMPORT_DOCX_BYTES / (1024 * 1024);
      if (bytes.byteLength > MAX_IMPORT_DOCX_BYTES) throw new ServiceError('invalidFile', 'export.errors.tooLarge', { fileName, max: maxMegabytes });
      const part = await deps.readDraftPart(bytes);
      if (!part.ok) throw new ServiceError('invalidFile', `export.errors.${part.reason}`, { fileName, max: maxMegabytes });
      // The draft a contract carries comes back exactly as embedded, its title included.
      const summary = await deps.drafts.importFile({ fileName, text: part.json, keepTitle: true });
      // Whether the file is as SLA Studio wrote it: the user is told, the draft inside is imported all the same.
      return { ...summary, check: docxCheckOf(part.check, (await deps.sealKey?.()) ?? null) };
    },
  };
}
