/**
 * The monitoring_imports table (migration 2): each monitoring CSV imported
 * for a draft, with what identifies the file (name, size, SHA-256, time)
 * and the aggregated data a monthly report is computed from, so that a
 * report can be reproduced later without the original file.
 *
 * The summary and the data are stored as JSON text; this layer neither
 * parses nor interprets them beyond what the columns need. Unlike a
 * version, an import may be deleted: it is evidence for a report, not a
 * round of the contract.
 */
import type { SqliteDatabase } from './connection';

export interface StoredMonitoringImport {
  id: string;
  draftId: string;
  fileName: string;
  fileBytes: number;
  sha256: string;
  importedAt: string;
  form: 'incidents' | 'probes';
  rows: number;
  /** The import's summary as the service wrote it (JSON text). */
  summaryJson: string;
  /** MONITORING_DATA_VERSION of data_json when it was written. */
  dataVersion: number;
}

export interface StoredMonitoringData {
  id: string;
  dataVersion: number;
  dataJson: string;
}

export interface MonitoringImportInsert {
  id: string;
  draftId: string;
  fileName: string;
  fileBytes: number;
  sha256: string;
  importedAt: string;
  form: 'incidents' | 'probes';
  rows: number;
  summaryJson: string;
  dataVersion: number;
  dataJson: string;
}

export interface MonitoringRepository {
  insert(record: MonitoringImportInsert): StoredMonitoringImport;
  /** A draft's imports, newest first. */
  list(draftId: string): StoredMonitoringImport[];
  find(draftId: string, id: string): StoredMonitoringImport | null;
  /**
   * The data of a draft's imports, oldest first: the order in which they
   * are combined, so that a later import of probe samples classified by
   * new business hours replaces the earlier ones.
   */
  loadData(draftId: string): StoredMonitoringData[];
  /** False when the draft has no such import. */
  delete(draftId: string, id: string): boolean;
  /** Replaces an import's summary (JSON text); false when there is no such import. */
  updateSummary(draftId: string, id: string, summaryJson: string): boolean;
}

interface ImportRow {
  id: string;
  draft_id: string;
  file_name: string;
  file_bytes: number;
  sha256: string;
  imported_at: string;
  form: 'incidents' | 'probes';
  rows: number;
  summary_json: string;
  data_version: number;
}

const COLUMNS = 'id, draft_id, file_name, file_bytes, sha256, imported_at, form, rows, summary_json, data_version';

function toImport(row: ImportRow): StoredMonitoringImport {
  return {
    id: row.id,
    draftId: row.draft_id,
    fileName: row.file_name,
    fileBytes: row.file_bytes,
    sha256: row.sha256,
    importedAt: row.imported_at,
    form: row.form,
    rows: row.rows,
    summaryJson: row.summary_json,
    dataVersion: row.data_version,
  };
}

export function createMonitoringRepository(db: SqliteDatabase): MonitoringRepository {
  const insertImport = db.prepare(`
    INSERT INTO monitoring_imports (id, draft_id, file_name, file_bytes, sha256, imported_at, form, rows, summary_json, data_version, data_json)
    VALUES (@id, @draftId, @fileName, @fileBytes, @sha256, @importedAt, @form, @rows, @summaryJson, @dataVersion, @dataJson)`);
  const selectOne = db.prepare(`SELECT ${COLUMNS} FROM monitoring_imports WHERE draft_id = ? AND id = ?`);
  // rowid breaks ties between imports made within the same millisecond, in the order they were made.
  const selectByDraft = db.prepare(`SELECT ${COLUMNS} FROM monitoring_imports WHERE draft_id = ? ORDER BY imported_at DESC, rowid DESC`);
  const selectData = db.prepare('SELECT id, data_version, data_json FROM monitoring_imports WHERE draft_id = ? ORDER BY imported_at, rowid');
  const deleteImport = db.prepare('DELETE FROM monitoring_imports WHERE draft_id = ? AND id = ?');
  const updateSummaryJson = db.prepare('UPDATE monitoring_imports SET summary_json = ? WHERE draft_id = ? AND id = ?');

  const insert = db.transaction((record: MonitoringImportInsert): StoredMonitoringImport => {
    insertImport.run(record);
    return toImport(selectOne.get(record.draftId, record.id) as ImportRow);
  }).immediate;
  const remove = db.transaction((draftId: string, id: string): boolean => deleteImport.run(draftId, id).changes === 1).immediate;

  return {
    insert,
    list(draftId) {
      return (selectByDraft.all(draftId) as ImportRow[]).map(toImport);
    },
    find(draftId, id) {
      const row = selectOne.get(draftId, id) as ImportRow | undefined;
      return row ? toImport(row) : null;
    },
    loadData(draftId) {
      return (selectData.all(draftId) as Array<{ id: string; data_version: number; data_json: string }>).map((row) => ({
        id: row.id,
        dataVersion: row.data_version,
        dataJson: row.data_json,
      }));
    },
    delete: remove,
    updateSummary(draftId, id, summaryJson) {
      return updateSummaryJson.run(summaryJson, draftId, id).changes === 1;
    },
  };
}
