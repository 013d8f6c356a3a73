import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../services/test-fixtures';
import { DatabaseOpenError, openDatabase, readUserVersion } from './connection';
import { createDraftsRepository } from './drafts-repository';
import { latestVersion, MIGRATIONS, type Migration } from './migrations';
import { createMonitoringRepository } from './monitoring-repository';
import { createSettingsRepository } from './settings-repository';

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** The tables a fresh database has after `migrations`, sorted. */
function openDatabaseTables(migrations: readonly Migration[]): string[] {
  const db = new Database(':memory:');
  try {
    for (const migration of migrations) db.exec(migration.sql);
    return (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]).sort();
  } finally {
    db.close();
  }
}

describe('openDatabase', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let dbPath: string;
  beforeEach(() => {
    temp = makeTempDir();
    dbPath = join(temp.dir, 'data', 'sla-studio.db');
  });
  afterEach(() => temp.remove());

  it('creates a fresh database at the latest version, in WAL mode with foreign keys on and no backup', () => {
    const db = openDatabase(dbPath);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
      expect(tables).toEqual(expect.arrayContaining(['drafts', 'settings', 'drafts_search', 'versions', 'approvals', 'exports', 'monitoring_imports']));
    } finally {
      db.close();
    }
    expect(readdirSync(join(temp.dir, 'data')).filter((name) => name.endsWith('.bak'))).toEqual([]);
  });

  it('commits autosaves with synchronous = NORMAL, whether the file is new or reopened', () => {
    // SQLite's own default is FULL on a new file and NORMAL on a reopened WAL file; the app sets it
    // (versions-repository.ts raises it to FULL for a version's commit).
    for (let open = 0; open < 2; open++) {
      const db = openDatabase(dbPath);
      try {
        expect(db.pragma('synchronous', { simple: true })).toBe(1);
      } finally {
        db.close();
      }
    }
  });

  it('opens an up-to-date database again without migrating or copying it', () => {
    openDatabase(dbPath).close();
    const db = openDatabase(dbPath);
    db.close();
    expect(readdirSync(join(temp.dir, 'data')).filter((name) => name.endsWith('.bak'))).toEqual([]);
  });

  // Every schema this app ever shipped must upgrade: one case per earlier version.
  for (const from of MIGRATIONS.slice(0, -1).map((migration) => migration.version)) {
    it(`copies a version ${from} database aside, then migrates it to the latest, keeping its data`, () => {
      const old = openDatabase(dbPath, { migrations: MIGRATIONS.slice(0, from) });
      old
        .prepare("INSERT INTO drafts (id, title, content_json, created_at, updated_at) VALUES (?, ?, '{}', ?, ?)")
        .run('d1', 'Acme SLA', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z');
      old.close();

      const db = openDatabase(dbPath, { now: () => new Date('2025-06-01T09:15:02.123Z') });
      try {
        expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
        expect(db.prepare('SELECT title FROM drafts WHERE id = ?').pluck().get('d1')).toBe('Acme SLA');
        expect(db.prepare('SELECT status FROM drafts WHERE id = ?').pluck().get('d1')).toBe('drafting');
        expect(db.prepare('SELECT count(*) FROM versions').pluck().get()).toBe(0);
      } finally {
        db.close();
      }

      const backup = `${dbPath}.pre-v${latestVersion()}-20250601T091502Z.bak`;
      expect(existsSync(backup)).toBe(true);
      expect(readUserVersion(backup)).toBe(from);
      const copy = new Database(backup, { readonly: true });
      try {
        // A whole, sound database at the old schema: what the user had before the upgrade.
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(copy.prepare('SELECT title FROM drafts WHERE id = ?').pluck().get('d1')).toBe('Acme SLA');
        const tables = copy.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all();
        const oldTables = openDatabaseTables(MIGRATIONS.slice(0, from));
        expect([...tables].sort()).toEqual(oldTables);
      } finally {
        copy.close();
      }
      // The copy can be opened by this app (and upgraded) like the original.
      const reopened = openDatabase(backup, { now: () => new Date('2025-06-02T00:00:00.000Z') });
      try {
        expect(reopened.prepare('SELECT title FROM drafts WHERE id = ?').pluck().get('d1')).toBe('Acme SLA');
      } finally {
        reopened.close();
      }
    });
  }

  it("upgrades with an injected migration too, so the mechanism does not depend on today's list", () => {
    openDatabase(dbPath).close();
    const next: Migration = { version: latestVersion() + 1, name: 'next', sql: 'CREATE TABLE next_thing (x);' };
    const db = openDatabase(dbPath, { migrations: [...MIGRATIONS, next] });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(latestVersion() + 1);
    } finally {
      db.close();
    }
  });

  it('refuses to change or delete a saved version', () => {
    const db = openDatabase(dbPath);
    try {
      const now = '2025-01-01T00:00:00.000Z';
      db.prepare("INSERT INTO drafts (id, title, content_json, created_at, updated_at) VALUES ('d1', 'Acme', '{}', ?, ?)").run(now, now);
      db.prepare(
        "INSERT INTO versions (id, draft_id, sequence, party, author, created_at, content_json, sha256) VALUES ('v1', 'd1', 1, 'ourProposal', 'A. Lawyer', ?, '{}', ?)",
      ).run(now, 'a'.repeat(64));
      expect(() => db.prepare("UPDATE versions SET note = 'edited' WHERE id = 'v1'").run()).toThrow(/never changed/);
      expect(() => db.prepare("DELETE FROM versions WHERE id = 'v1'").run()).toThrow(/never deleted/);
      expect(db.prepare("SELECT note FROM versions WHERE id = 'v1'").pluck().get()).toBe('');
    } finally {
      db.close();
    }
  });

  it('rolls a failing migration back completely, leaving the database at its old version and the copy beside it', () => {
    openDatabase(dbPath, { migrations: MIGRATIONS.slice(0, 1) }).close();
    const broken: Migration = { version: 2, name: 'broken', sql: 'CREATE TABLE half_done (x); SELECT * FROM no_such_table;' };
    expect(() => openDatabase(dbPath, { migrations: [...MIGRATIONS.slice(0, 1), broken], now: () => new Date('2025-06-01T09:15:02.000Z') })).toThrow(
      /no_such_table/,
    );
    expect(readUserVersion(dbPath)).toBe(1);
    expect(readUserVersion(`${dbPath}.pre-v2-20250601T091502Z.bak`)).toBe(1);
    const db = new Database(dbPath, { readonly: true });
    try {
      expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('refuses a database from a newer SLA Studio and leaves the file byte-for-byte untouched', () => {
    const future = new Database(dbPath.replace('data/', ''));
    future.pragma('journal_mode = WAL');
    future.exec("CREATE TABLE drafts (id TEXT PRIMARY KEY); INSERT INTO drafts VALUES ('from-the-future');");
    future.pragma(`user_version = ${latestVersion() + 5}`);
    future.close();
    const path = dbPath.replace('data/', '');
    const before = sha256(path);
    const filesBefore = readdirSync(temp.dir).sort();

    let thrown: unknown;
    try {
      openDatabase(path);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DatabaseOpenError);
    const error = thrown as DatabaseOpenError;
    expect(error.reason).toBe('tooNew');
    expect(error.foundVersion).toBe(latestVersion() + 5);
    expect(error.supportedVersion).toBe(latestVersion());
    expect(error.key).toBe('errors.databaseTooNew');
    expect(error.params).toMatchObject({ found: latestVersion() + 5, supported: latestVersion() });

    expect(sha256(path)).toBe(before);
    expect(readdirSync(temp.dir).sort()).toEqual(filesBefore);
  });

  it('refuses a newer database whose newest header is still in the write-ahead log (after a crash)', () => {
    const live = join(temp.dir, 'live.db');
    const writer = new Database(live);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec('CREATE TABLE drafts (id TEXT PRIMARY KEY)');
    writer.pragma('wal_checkpoint(TRUNCATE)');
    // Only in the WAL, as if the newer app had crashed before a checkpoint:
    writer.pragma(`user_version = ${latestVersion() + 1}`);
    const path = join(temp.dir, 'crashed.db');
    copyFileSync(live, path);
    copyFileSync(`${live}-wal`, `${path}-wal`);
    writer.close();
    const before = { db: sha256(path), wal: sha256(`${path}-wal`) };

    expect(() => openDatabase(path)).toThrow(expect.objectContaining({ reason: 'tooNew', foundVersion: latestVersion() + 1 }));
    expect({ db: sha256(path), wal: sha256(`${path}-wal`) }).toEqual(before);
  });

  it('refuses a file that is not a database, without changing it', () => {
    const path = join(temp.dir, 'notes.db');
    writeFileSync(path, 'These are meeting notes, not a database.\n'.repeat(200));
    const before = sha256(path);
    expect(() => openDatabase(path)).toThrow(expect.objectContaining({ name: 'DatabaseOpenError', reason: 'unreadable' }));
    expect(sha256(path)).toBe(before);
  });

  it('refuses an empty (0-byte) file instead of taking it for a new database, and leaves it as it is', () => {
    mkdirSync(join(temp.dir, 'data'));
    writeFileSync(dbPath, '');
    expect(() => openDatabase(dbPath)).toThrow(
      expect.objectContaining({ name: 'DatabaseOpenError', reason: 'unreadable', params: { path: dbPath, reason: 'the file is empty (0 bytes)' } }),
    );
    expect(readdirSync(join(temp.dir, 'data'))).toEqual(['sla-studio.db']);
    expect(readFileSync(dbPath).length).toBe(0);
  });

  it('begins every write transaction IMMEDIATE, taking the write lock at BEGIN, where busy_timeout waits for another writer', () => {
    openDatabase(dbPath).close();
    const begun: string[] = [];
    const db = new Database(dbPath, { verbose: (sql) => (String(sql).startsWith('BEGIN') ? begun.push(String(sql)) : undefined) });
    try {
      const drafts = createDraftsRepository(db);
      const fields = { title: 'Acme CRM SLA', providerName: 'Acme', customerName: 'Globex', servicesText: 'CRM' };
      drafts.insert({ id: 'd1', fields, contentJson: '{}', now: '2025-06-01T09:00:00.000Z' });
      drafts.saveContent({ id: 'd1', baseRevision: 1, fields, contentJson: '{"a":1}', now: '2025-06-01T09:00:01.000Z' });
      drafts.setDeletedAt('d1', '2025-06-01T09:00:02.000Z');
      createSettingsRepository(db).set('locale', 'en');
      createMonitoringRepository(db).delete('d1', 'no-such-import');
      expect(begun).toEqual(Array(5).fill('BEGIN IMMEDIATE'));
    } finally {
      db.close();
    }
  });

  it('does not call a database damaged when it merely cannot be opened (here: the path is a folder)', () => {
    const path = join(temp.dir, 'a-folder.db');
    mkdirSync(path);
    let caught: unknown;
    try {
      openDatabase(path);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Error);
    expect(caught).not.toBeInstanceOf(DatabaseOpenError);
  });
});
