/**
 * The database schema as numbered, add-only migrations. Each one runs in its
 * own transaction and ends by setting `PRAGMA user_version` to its number, so
 * a database is always at exactly one known version. A shipped migration is
 * never edited: a change is a new migration with the next number.
 *
 * The SQL is held in TypeScript (not .sql files) so that electron-vite bundles
 * it into the main process with everything else.
 */

export interface Migration {
  /** 1, 2, 3…: the user_version the database has once this migration ran. */
  version: number;
  /** What the migration does, for logs and backup names. */
  name: string;
  sql: string;
}

/**
 * Search covers the title, both parties' legal names and the service names.
 * The trigram tokenizer finds any substring of three or more characters,
 * which is what Chinese needs (there are no spaces between words); shorter
 * queries fall back to LIKE (see drafts-repository.ts). The index is kept in
 * step by triggers, so no code path can forget it.
 */
const DRAFTS_AND_SETTINGS = `
CREATE TABLE drafts (
  id TEXT PRIMARY KEY NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  provider_name TEXT NOT NULL DEFAULT '',
  customer_name TEXT NOT NULL DEFAULT '',
  services_text TEXT NOT NULL DEFAULT '',
  content_json TEXT NOT NULL CHECK (json_valid(content_json)),
  revision INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);

CREATE INDEX drafts_by_update ON drafts (deleted_at IS NULL, updated_at DESC);

CREATE TABLE settings (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
);

CREATE VIRTUAL TABLE drafts_search USING fts5(
  draft_id UNINDEXED,
  title,
  parties,
  services,
  tokenize = 'trigram'
);

CREATE TRIGGER drafts_search_after_insert AFTER INSERT ON drafts BEGIN
  INSERT INTO drafts_search (draft_id, title, parties, services)
  VALUES (new.id, new.title, new.provider_name || char(10) || new.customer_name, new.services_text);
END;

-- An autosave usually leaves the names alone: re-index only when they change.
CREATE TRIGGER drafts_search_after_update AFTER UPDATE OF title, provider_name, customer_name, services_text ON drafts
WHEN old.title IS NOT new.title
  OR old.provider_name IS NOT new.provider_name
  OR old.customer_name IS NOT new.customer_name
  OR old.services_text IS NOT new.services_text
BEGIN
  DELETE FROM drafts_search WHERE draft_id = old.id;
  INSERT INTO drafts_search (draft_id, title, parties, services)
  VALUES (new.id, new.title, new.provider_name || char(10) || new.customer_name, new.services_text);
END;

CREATE TRIGGER drafts_search_after_delete AFTER DELETE ON drafts BEGIN
  DELETE FROM drafts_search WHERE draft_id = old.id;
END;
`;

/**
 * Negotiation rounds, exports and monitoring imports.
 *
 * A version is an immutable snapshot: its canonical JSON and SHA-256 are
 * written once, and triggers refuse any UPDATE or DELETE, so no code path of
 * the app can rewrite or lose a round that was sent to a customer. A draft's
 * status follows its rounds; a signed draft is locked, and a new round starts
 * as an amendment — a new draft pointing at the signed version.
 * Exports record which version (or the working copy, version_id NULL) went
 * out where, with the file's hash. A monitoring import keeps the file's name
 * and hash and the aggregated data, so a monthly report can be reproduced.
 */
const NEGOTIATION_EXPORTS_MONITORING = `
ALTER TABLE drafts ADD COLUMN status TEXT NOT NULL DEFAULT 'drafting'
  CHECK (status IN ('drafting', 'negotiating', 'agreed', 'signed'));
ALTER TABLE drafts ADD COLUMN amends_version_id TEXT REFERENCES versions (id);

CREATE TABLE versions (
  id TEXT PRIMARY KEY NOT NULL,
  draft_id TEXT NOT NULL REFERENCES drafts (id),
  sequence INTEGER NOT NULL CHECK (sequence >= 1),
  party TEXT NOT NULL CHECK (party IN ('ourProposal', 'customerCounter', 'internal', 'agreed', 'signed')),
  author TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  content_json TEXT NOT NULL CHECK (json_valid(content_json)),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  UNIQUE (draft_id, sequence)
);

CREATE TRIGGER versions_are_immutable BEFORE UPDATE ON versions BEGIN
  SELECT RAISE(ABORT, 'a saved version is never changed');
END;
CREATE TRIGGER versions_are_kept BEFORE DELETE ON versions BEGIN
  SELECT RAISE(ABORT, 'a saved version is never deleted');
END;

-- Who approved a position beyond the playbook, when, and what exactly was approved.
CREATE TABLE approvals (
  id TEXT PRIMARY KEY NOT NULL,
  version_id TEXT NOT NULL REFERENCES versions (id),
  approver TEXT NOT NULL,
  approved_at TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  findings_json TEXT NOT NULL CHECK (json_valid(findings_json))
);
CREATE INDEX approvals_by_version ON approvals (version_id);

CREATE TABLE exports (
  id TEXT PRIMARY KEY NOT NULL,
  draft_id TEXT NOT NULL REFERENCES drafts (id),
  version_id TEXT REFERENCES versions (id),
  kind TEXT NOT NULL CHECK (kind IN ('contract', 'redline', 'report', 'draftFile')),
  language TEXT CHECK (language IN ('en', 'zh-CN', 'bilingual')),
  path TEXT NOT NULL,
  bytes INTEGER NOT NULL CHECK (bytes >= 0),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  created_at TEXT NOT NULL
);
CREATE INDEX exports_by_draft ON exports (draft_id, created_at DESC);

CREATE TABLE monitoring_imports (
  id TEXT PRIMARY KEY NOT NULL,
  draft_id TEXT NOT NULL REFERENCES drafts (id),
  file_name TEXT NOT NULL,
  file_bytes INTEGER NOT NULL CHECK (file_bytes >= 0),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  imported_at TEXT NOT NULL,
  form TEXT NOT NULL CHECK (form IN ('incidents', 'probes')),
  rows INTEGER NOT NULL CHECK (rows >= 0),
  summary_json TEXT NOT NULL CHECK (json_valid(summary_json)),
  data_version INTEGER NOT NULL,
  data_json TEXT NOT NULL CHECK (json_valid(data_json))
);
CREATE INDEX monitoring_imports_by_draft ON monitoring_imports (draft_id, imported_at DESC);
`;

/**
 * The draft list reads only a few short columns, but each row also holds a
 * draft's JSON (tens of kilobytes) before them, so a scan of the table walks
 * every draft's overflow pages: 10,000 drafts took half a second. A covering
 * index in list order answers the list without touching the table.
 */
const DRAFT_LISTING_INDEX = `
CREATE INDEX drafts_listing ON drafts (
  deleted_at, updated_at DESC, created_at DESC, id, title, provider_name, customer_name, status, amends_version_id
);
`;

/** In order; the last one's version is the newest database this app can open. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'drafts-and-settings', sql: DRAFTS_AND_SETTINGS },
  { version: 2, name: 'negotiation-exports-monitoring', sql: NEGOTIATION_EXPORTS_MONITORING },
  { version: 3, name: 'draft-listing-index', sql: DRAFT_LISTING_INDEX },
];

export function latestVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.at(-1)?.version ?? 0;
}

/** A programming error if this fails: numbers must run 1, 2, 3… without gaps. */
export function assertMigrationsOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration "${migration.name}" has version ${migration.version}; expected ${index + 1}.`);
    }
  });
}
