/**
 * The one way a document SLA Studio makes for a draft reaches the disk:
 * the save dialog, with a proposed file name → the bytes written atomically
 * (atomic-file.ts) → one row in the exports table → the record the renderer
 * shows. Contracts, redlines and monthly reports plug into it with their
 * bytes, their kind, the version they hold and the name to propose.
 *
 * The row is written only after the file is in place, so the table never
 * names a file that was not written; a cancelled dialog writes and records
 * nothing. The bytes are made only once the user has chosen where to save:
 * whatever can refuse a document is checked by its kind before the dialog.
 */
import { randomUUID } from 'node:crypto';
import type { ExportKind, ExportsRepository, StoredExport, StoredExportLanguage } from '../db';
import type { SavedExport } from '../../src-shared/api';
import { sha256Hex } from '../sha256';
import { writeFailure, writeFileAtomically } from './atomic-file';
import type { Clock, Dialogs, FileFilter } from './ports';

/** Which draft (and which of its saved versions) a file holds, what it is, and in which language. */
export interface ExportIdentity {
  draftId: string;
  /** The saved version the file holds; null for the working copy. */
  versionId: string | null;
  kind: ExportKind;
  /** null for files without a language (a draft file). */
  language: StoredExportLanguage | null;
}

export interface ExportDocument extends ExportIdentity {
  /** The name the save dialog proposes. */
  fileName: string;
  /** The file type the save dialog offers, its name already translated. */
  filter: FileFilter;
  /** The file's bytes, made once a path is chosen. */
  render: () => Uint8Array | Promise<Uint8Array>;
}

export interface ExportStep {
  /** Asks where to save the document, writes it and records it; a cancelled dialog answers nulls and writes nothing. */
  save(document: ExportDocument): Promise<SavedExport>;
  /** Records a file already written at `path` with these bytes (its size and SHA-256). */
  record(identity: ExportIdentity & { path: string; bytes: Uint8Array }): StoredExport;
}

export interface ExportStepDeps {
  exports: ExportsRepository;
  dialogs: Dialogs;
  clock: Clock;
  newId?: () => string;
}

/** The last segment of a path written on any system. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function createExportStep(deps: ExportStepDeps): ExportStep {
  const newId = deps.newId ?? randomUUID;

  const record: ExportStep['record'] = ({ path, bytes, ...identity }) =>
    deps.exports.insert({ id: newId(), ...identity, path, bytes: bytes.byteLength, sha256: sha256Hex(bytes), createdAt: deps.clock.now() });

  return {
    record,
    async save({ fileName, filter, render, ...identity }) {
      const path = await deps.dialogs.chooseSavePath({ suggestedName: fileName, filters: [filter] });
      if (path === null) return { exportId: null, path: null, fileName, bytes: 0, sha256: null };
      const bytes = await render();
      try {
        await writeFileAtomically(path, bytes);
      } catch (error) {
        throw writeFailure(error, path);
      }
      const stored = record({ ...identity, path, bytes });
      return { exportId: stored.id, path: stored.path, fileName: fileNameOf(stored.path), bytes: stored.bytes, sha256: stored.sha256 };
    },
  };
}
