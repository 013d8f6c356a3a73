/**
 * The drafts table: the working copy of each SLA draft, autosaved as the
 * user edits, plus the few fields the draft list shows and searches.
 */
import type { DraftStatus } from '../../src-shared/model/version';
import type { SqliteDatabase } from './connection';
import { planSearch } from './search';

/** The searchable, listable fields, extracted from the content by the service. */
export interface DraftListFields {
  title: string;
  providerName: string;
  customerName: string;
  /** Service names, one per line. */
  servicesText: string;
}

export interface StoredDraftSummary {
  id: string;
  title: string;
  providerName: string;
  customerName: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  status: DraftStatus;
  /** The signed version this draft amends; null for an original agreement. */
  amendsVersionId: string | null;
}

export interface StoredDraft extends StoredDraftSummary {
  contentJson: string;
  revision: number;
}

export type SaveOutcome =
  | { status: 'saved'; revision: number; updatedAt: string }
  | { status: 'conflict'; currentRevision: number }
  /** The draft is signed: its working copy no longer changes. */
  | { status: 'locked' }
  | { status: 'notFound' };

export type DraftView = 'active' | 'trash';

export interface DraftsRepository {
  insert(draft: { id: string; fields: DraftListFields; contentJson: string; now: string; amendsVersionId?: string | null }): StoredDraft;
  find(id: string): StoredDraft | null;
  findSummary(id: string): StoredDraftSummary | null;
  /** Replace the content if the draft is still at `baseRevision`; the revision goes up by one. */
  saveContent(save: { id: string; baseRevision: number; fields: DraftListFields; contentJson: string; now: string }): SaveOutcome;
  /** Move to the trash (a time) or back (null). */
  setDeletedAt(id: string, deletedAt: string | null): StoredDraftSummary | null;
  /** Most recently changed first. */
  /** In order of last change, newest first; at most `limit` drafts when given. */
  list(filter: { query: string; view: DraftView; limit?: number }): StoredDraftSummary[];
}

interface DraftRow {
  id: string;
  title: string;
  provider_name: string;
  customer_name: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  status: DraftStatus;
  amends_version_id: string | null;
  content_json: string;
  revision: number;
}

const SUMMARY_COLUMNS = 'd.id, d.title, d.provider_name, d.customer_name, d.created_at, d.updated_at, d.deleted_at, d.status, d.amends_version_id';

function toSummary(row: DraftRow): StoredDraftSummary {
  return {
    id: row.id,
    title: row.title,
    providerName: row.provider_name,
    customerName: row.customer_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    status: row.status,
    amendsVersionId: row.amends_version_id,
  };
}

function toDraft(row: DraftRow): StoredDraft {
  return { ...toSummary(row), contentJson: row.content_json, revision: row.revision };
}

export function createDraftsRepository(db: SqliteDatabase): DraftsRepository {
  const insertDraft = db.prepare(`
    INSERT INTO drafts (id, title, provider_name, customer_name, services_text, content_json, revision, created_at, updated_at, deleted_at, amends_version_id)
    VALUES (@id, @title, @providerName, @customerName, @servicesText, @contentJson, 0, @now, @now, NULL, @amendsVersionId)`);
  const selectDraft = db.prepare(`SELECT ${SUMMARY_COLUMNS}, d.content_json, d.revision FROM drafts d WHERE d.id = ?`);
  const selectSummary = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM drafts d WHERE d.id = ?`);
  const selectRevision = db.prepare('SELECT revision, status FROM drafts WHERE id = ?');
  const updateContent = db.prepare(`
    UPDATE drafts
    SET title = @title, provider_name = @providerName, customer_name = @customerName,
        services_text = @servicesText, content_json = @contentJson,
        revision = revision + 1, updated_at = @now
    WHERE id = @id AND revision = @baseRevision AND status <> 'signed'`);
  const updateDeletedAt = db.prepare('UPDATE drafts SET deleted_at = ? WHERE id = ?');

  const save = db.transaction((input: Parameters<DraftsRepository['saveContent']>[0]): SaveOutcome => {
    const { fields, ...rest } = input;
    const result = updateContent.run({ ...rest, ...fields });
    if (result.changes === 1) return { status: 'saved', revision: input.baseRevision + 1, updatedAt: input.now };
    const current = selectRevision.get(input.id) as { revision: number; status: DraftStatus } | undefined;
    if (current === undefined) return { status: 'notFound' };
    // Checked in the UPDATE itself, so no save slips in between signing and this autosave.
    if (current.status === 'signed') return { status: 'locked' };
    return { status: 'conflict', currentRevision: current.revision };
  }).immediate;

  const moveToOrFromTrash = db.transaction((id: string, deletedAt: string | null): StoredDraftSummary | null => {
    if (updateDeletedAt.run(deletedAt, id).changes === 0) return null;
    return toSummary(selectSummary.get(id) as DraftRow);
  }).immediate;

  const insert = db.transaction((draft: Parameters<DraftsRepository['insert']>[0]): StoredDraft => {
    insertDraft.run({ id: draft.id, contentJson: draft.contentJson, now: draft.now, amendsVersionId: draft.amendsVersionId ?? null, ...draft.fields });
    return toDraft(selectDraft.get(draft.id) as DraftRow);
  }).immediate;

  return {
    insert,
    find(id) {
      const row = selectDraft.get(id) as DraftRow | undefined;
      return row ? toDraft(row) : null;
    },
    findSummary(id) {
      const row = selectSummary.get(id) as DraftRow | undefined;
      return row ? toSummary(row) : null;
    },
    saveContent: save,
    setDeletedAt: moveToOrFromTrash,
    list({ query, view, limit }) {
      const conditions = [view === 'trash' ? 'd.deleted_at IS NOT NULL' : 'd.deleted_at IS NULL'];
      const params: string[] = [];
      const plan = planSearch(query);
      if (plan?.match) {
        conditions.push('d.id IN (SELECT draft_id FROM drafts_search WHERE drafts_search MATCH ?)');
        params.push(plan.match);
      }
      for (const pattern of plan?.likePatterns ?? []) {
        conditions.push(
          "(d.title LIKE ? ESCAPE '\\' OR d.provider_name LIKE ? ESCAPE '\\' OR d.customer_name LIKE ? ESCAPE '\\' OR d.services_text LIKE ? ESCAPE '\\')",
        );
        params.push(pattern, pattern, pattern, pattern);
      }
      // Only fixed SQL fragments are joined here; every value the user typed is a bound parameter.
      // The order matches the drafts_listing index, which covers these columns (migration 3).
      const sql = `SELECT ${SUMMARY_COLUMNS} FROM drafts d WHERE ${conditions.join(' AND ')} ORDER BY d.updated_at DESC, d.created_at DESC, d.id${limit === undefined ? '' : ' LIMIT ?'}`;
      const bound: (string | number)[] = limit === undefined ? params : [...params, limit];
      return (db.prepare(sql).all(...bound) as DraftRow[]).map(toSummary);
    },
  };
}
