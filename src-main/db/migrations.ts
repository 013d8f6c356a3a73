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

/** In order; the last one's version is the newest database this app can open. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'drafts-and-settings', sql: DRAFTS_AND_SETTINGS },
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
