/**
 * The exports table (migration 2): every file SLA Studio wrote for a draft —
 * which version went out (or the working copy, version_id NULL), in which
 * language, where, and the SHA-256 of the bytes on disk — so a contract that
 * comes back can be matched to what was sent, and "Show in folder" opens a
 * path main recorded itself rather than one a renderer names.
 *
 * Rows are written once, after the file is in place; nothing updates them.
 */
import type { VersionParty } from '../../src-shared/model/version';
import type { SqliteDatabase } from './connection';

export type ExportKind = 'contract' | 'redline' | 'report' | 'draftFile';
export type StoredExportLanguage = 'en' | 'zh-CN' | 'bilingual';

export interface NewExport {
  id: string;
  draftId: string;
  versionId: string | null;
  kind: ExportKind;
  language: StoredExportLanguage | null;
  path: string;
  bytes: number;
  sha256: string;
  createdAt: string;
}

export interface StoredExport extends NewExport {
  /** The exported version's sequence and party; null for the working copy (or a version row that is gone). */
  version: { sequence: number; party: VersionParty } | null;
}

export interface ExportsRepository {
  insert(record: NewExport): StoredExport;
  find(id: string): StoredExport | null;
  /** A draft's exports, newest first. */
  listByDraft(draftId: string): StoredExport[];
}

interface ExportRow {
  id: string;
  draft_id: string;
  version_id: string | null;
  kind: ExportKind;
  language: StoredExportLanguage | null;
  path: string;
  bytes: number;
  sha256: string;
  created_at: string;
  sequence: number | null;
  party: VersionParty | null;
}

const SELECT = `
  SELECT e.id, e.draft_id, e.version_id, e.kind, e.language, e.path, e.bytes, e.sha256, e.created_at, v.sequence, v.party
  FROM exports e LEFT JOIN versions v ON v.id = e.version_id`;

function toExport(row: ExportRow): StoredExport {
  return {
    id: row.id,
    draftId: row.draft_id,
    versionId: row.version_id,
    kind: row.kind,
    language: row.language,
    path: row.path,
    bytes: row.bytes,
    sha256: row.sha256,
    createdAt: row.created_at,
    version: row.sequence !== null && row.party !== null ? { sequence: row.sequence, party: row.party } : null,
  };
}

export function createExportsRepository(db: SqliteDatabase): ExportsRepository {
  const insertExport = db.prepare(`
    INSERT INTO exports (id, draft_id, version_id, kind, language, path, bytes, sha256, created_at)
    VALUES (@id, @draftId, @versionId, @kind, @language, @path, @bytes, @sha256, @createdAt)`);
  const selectOne = db.prepare(`${SELECT} WHERE e.id = ?`);
  // rowid keeps exports made within the same millisecond in the order they were made.
  const selectByDraft = db.prepare(`${SELECT} WHERE e.draft_id = ? ORDER BY e.created_at DESC, e.rowid DESC`);

  const insert = db.transaction((record: NewExport): StoredExport => {
    insertExport.run(record);
    return toExport(selectOne.get(record.id) as ExportRow);
  }).immediate;

  return {
    insert,
    find(id) {
      const row = selectOne.get(id) as ExportRow | undefined;
      return row ? toExport(row) : null;
    },
    listByDraft(draftId) {
      return (selectByDraft.all(draftId) as ExportRow[]).map(toExport);
    },
  };
}
