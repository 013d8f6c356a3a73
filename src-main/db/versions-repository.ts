/**
 * Saved versions (negotiation rounds) and the approvals recorded with them.
 * Rows of `versions` are written once: the table's triggers refuse UPDATE
 * and DELETE, so this file only ever inserts and reads them.
 */
import type { DraftStatus, VersionParty } from '../../src-shared/model/version';
import type { SqliteDatabase } from './connection';
import type { DraftListFields } from './drafts-repository';

export interface StoredApproval {
  id: string;
  versionId: string;
  approver: string;
  approvedAt: string;
  note: string;
  findingsJson: string;
}

export interface StoredVersionSummary {
  id: string;
  draftId: string;
  sequence: number;
  party: VersionParty;
  author: string;
  note: string;
  createdAt: string;
  sha256: string;
}

export interface StoredVersion extends StoredVersionSummary {
  contentJson: string;
}

/** A round to freeze: the canonical JSON and its hash are computed by the service. */
export interface NewVersion {
  id: string;
  draftId: string;
  party: VersionParty;
  author: string;
  note: string;
  now: string;
  contentJson: string;
  sha256: string;
  /** The draft's status once the version is saved. */
  status: DraftStatus;
  /** Freeze only if the working copy is still at this revision (what was validated is what is frozen). */
  expectedRevision: number | null;
  approval: { id: string; approver: string; note: string; findingsJson: string } | null;
  /** Also make this content the working copy (signing a version the working copy may have moved on from). */
  workingCopy: { fields: DraftListFields; contentJson: string } | null;
}

export type FreezeOutcome =
  | { status: 'saved'; version: StoredVersionSummary; draftStatus: DraftStatus; revision: number }
  | { status: 'notFound' }
  | { status: 'locked' }
  | { status: 'conflict'; currentRevision: number };

export interface VersionsRepository {
  /**
   * Insert the next version of a draft (sequence = last + 1), set the draft's
   * status and record the approval, as one durable transaction.
   */
  freeze(version: NewVersion): FreezeOutcome;
  /** Oldest first. */
  listByDraft(draftId: string): StoredVersionSummary[];
  find(id: string): StoredVersion | null;
  approvalsByDraft(draftId: string): StoredApproval[];
  /** The drafts that amend any version of `draftId`'s agreement, counting every amendment of every amendment. */
  countAmendments(rootDraftId: string): number;
  /** The draft a signed version belongs to, and the version that draft amends (to walk back to the original). */
  amendedVersionOf(draftId: string): string | null;
  /** The drafts that amend `rootDraftId`'s agreement (as countAmendments counts them), in the order they were started. */
  amendmentDraftIds(rootDraftId: string): string[];
}

interface VersionRow {
  id: string;
  draft_id: string;
  sequence: number;
  party: VersionParty;
  author: string;
  note: string;
  created_at: string;
  sha256: string;
  content_json?: string;
}

interface ApprovalRow {
  id: string;
  version_id: string;
  approver: string;
  approved_at: string;
  note: string;
  findings_json: string;
}

const SUMMARY_COLUMNS = 'id, draft_id, sequence, party, author, note, created_at, sha256';

function toSummary(row: VersionRow): StoredVersionSummary {
  return {
    id: row.id,
    draftId: row.draft_id,
    sequence: row.sequence,
    party: row.party,
    author: row.author,
    note: row.note,
    createdAt: row.created_at,
    sha256: row.sha256,
  };
}

function toApproval(row: ApprovalRow): StoredApproval {
  return {
    id: row.id,
    versionId: row.version_id,
    approver: row.approver,
    approvedAt: row.approved_at,
    note: row.note,
    findingsJson: row.findings_json,
  };
}

export function createVersionsRepository(db: SqliteDatabase): VersionsRepository {
  const selectDraftState = db.prepare('SELECT revision, status FROM drafts WHERE id = ?');
  const selectNextSequence = db.prepare('SELECT coalesce(max(sequence), 0) + 1 FROM versions WHERE draft_id = ?').pluck();
  const insertVersion = db.prepare(`
    INSERT INTO versions (id, draft_id, sequence, party, author, note, created_at, content_json, sha256)
    VALUES (@id, @draftId, @sequence, @party, @author, @note, @now, @contentJson, @sha256)`);
  const insertApproval = db.prepare(`
    INSERT INTO approvals (id, version_id, approver, approved_at, note, findings_json)
    VALUES (@id, @versionId, @approver, @now, @note, @findingsJson)`);
  const updateStatus = db.prepare('UPDATE drafts SET status = ?, updated_at = ? WHERE id = ?');
  const updateWorkingCopy = db.prepare(`
    UPDATE drafts
    SET title = @title, provider_name = @providerName, customer_name = @customerName,
        services_text = @servicesText, content_json = @contentJson, revision = revision + 1
    WHERE id = @id`);
  const selectSummary = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM versions WHERE id = ?`);
  const selectByDraft = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM versions WHERE draft_id = ? ORDER BY sequence`);
  const selectVersion = db.prepare(`SELECT ${SUMMARY_COLUMNS}, content_json FROM versions WHERE id = ?`);
  const selectApprovals = db.prepare(`
    SELECT a.id, a.version_id, a.approver, a.approved_at, a.note, a.findings_json
    FROM approvals a JOIN versions v ON v.id = a.version_id
    WHERE v.draft_id = ? ORDER BY a.approved_at, a.id`);
  const selectAmendedVersion = db.prepare('SELECT amends_version_id FROM drafts WHERE id = ?').pluck();
  // Every draft descending from the root through "amends a version of": the amendments of the agreement.
  const countDescendants = db
    .prepare(
      `
      WITH RECURSIVE agreement(draft_id) AS (
        SELECT ?
        UNION
        SELECT d.id FROM drafts d JOIN versions v ON v.id = d.amends_version_id JOIN agreement a ON a.draft_id = v.draft_id
      )
      SELECT count(*) - 1 FROM agreement`,
    )
    .pluck();
  const selectDescendants = db
    .prepare(
      `
      WITH RECURSIVE agreement(draft_id) AS (
        SELECT ?
        UNION
        SELECT d.id FROM drafts d JOIN versions v ON v.id = d.amends_version_id JOIN agreement a ON a.draft_id = v.draft_id
      )
      SELECT d.id FROM drafts d JOIN agreement a ON a.draft_id = d.id
      WHERE d.id <> ?
      ORDER BY d.created_at, d.rowid`,
    )
    .pluck();

  const freezeInTransaction = db.transaction((version: NewVersion): FreezeOutcome => {
    const draft = selectDraftState.get(version.draftId) as { revision: number; status: DraftStatus } | undefined;
    if (!draft) return { status: 'notFound' };
    if (draft.status === 'signed') return { status: 'locked' };
    if (version.expectedRevision !== null && draft.revision !== version.expectedRevision) {
      return { status: 'conflict', currentRevision: draft.revision };
    }
    const sequence = selectNextSequence.get(version.draftId) as number;
    insertVersion.run({
      id: version.id,
      draftId: version.draftId,
      sequence,
      party: version.party,
      author: version.author,
      note: version.note,
      now: version.now,
      contentJson: version.contentJson,
      sha256: version.sha256,
    });
    if (version.approval) insertApproval.run({ ...version.approval, versionId: version.id, now: version.now });
    let revision = draft.revision;
    if (version.workingCopy) {
      updateWorkingCopy.run({ id: version.draftId, contentJson: version.workingCopy.contentJson, ...version.workingCopy.fields });
      revision += 1;
    }
    updateStatus.run(version.status, version.now, version.draftId);
    return { status: 'saved', version: toSummary(selectSummary.get(version.id) as VersionRow), draftStatus: version.status, revision };
  }).immediate;

  return {
    freeze(version) {
      // A version is what was sent to a customer or signed: once the user is
      // told it is saved, it must survive a power cut. In WAL mode,
      // synchronous = NORMAL (a common speed setting, and SQLite's
      // recommendation for WAL) may lose the last commits when the machine
      // loses power; FULL syncs the log at every commit. So this commit runs
      // under FULL whatever the connection was tuned to for autosave, and the
      // caller acknowledges only after it returned.
      const previous = Number(db.pragma('synchronous', { simple: true }));
      db.pragma('synchronous = FULL');
      try {
        return freezeInTransaction(version);
      } finally {
        // PRAGMA takes no bound parameters; this is the integer SQLite just reported.
        db.pragma(`synchronous = ${Math.trunc(previous)}`);
      }
    },
    listByDraft(draftId) {
      return (selectByDraft.all(draftId) as VersionRow[]).map(toSummary);
    },
    find(id) {
      const row = selectVersion.get(id) as (VersionRow & { content_json: string }) | undefined;
      return row ? { ...toSummary(row), contentJson: row.content_json } : null;
    },
    approvalsByDraft(draftId) {
      return (selectApprovals.all(draftId) as ApprovalRow[]).map(toApproval);
    },
    countAmendments(rootDraftId) {
      return countDescendants.get(rootDraftId) as number;
    },
    amendedVersionOf(draftId) {
      return (selectAmendedVersion.get(draftId) as string | null | undefined) ?? null;
    },
    amendmentDraftIds(rootDraftId) {
      return selectDescendants.all(rootDraftId, rootDraftId) as string[];
    },
  };
}
