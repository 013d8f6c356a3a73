import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../services/test-fixtures';
import { backUpLiveDatabase, checkBackupFile, copyBackupIntoPlace, putDatabaseBack, setDatabaseAside } from './backups';
import { openDatabase, type SqliteDatabase } from './connection';
import { latestVersion } from './migrations';

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const NOW = '2025-06-01T09:00:00.000Z';

let temp: ReturnType<typeof makeTempDir>;
let dbPath: string;
beforeEach(() => {
  temp = makeTempDir();
  dbPath = join(temp.dir, 'data', 'sla-studio.db');
});
afterEach(() => temp.remove());

function addDraft(db: SqliteDatabase, id: string, title: string): void {
  db.prepare("INSERT INTO drafts (id, title, content_json, created_at, updated_at) VALUES (?, ?, '{}', ?, ?)").run(id, title, NOW, NOW);
}

function titlesIn(path: string): string[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT title FROM drafts ORDER BY id').pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe('backUpLiveDatabase', () => {
  it('copies what is still only in the write-ahead log, as a self-contained file that passes the integrity check', async () => {
    const db = openDatabase(dbPath);
    try {
      db.pragma('wal_autocheckpoint = 0');
      addDraft(db, 'd1', 'Acme CRM SLA');
      addDraft(db, 'd2', '云数据库服务等级协议');
      expect(Number(db.pragma('wal_checkpoint(PASSIVE)', { simple: true }))).toBe(0);
      const target = join(temp.dir, 'backups', 'manual-20250601T090000Z.sqlite');
      await backUpLiveDatabase(db, target);

      expect(titlesIn(target)).toEqual(['Acme CRM SLA', '云数据库服务等级协议']);
      expect(checkBackupFile(target)).toEqual({ userVersion: latestVersion(), intact: true, detail: '' });
      // Rollback-journal mode: reading the backup leaves no -wal or -shm beside it.
      expect(readdirSync(join(temp.dir, 'backups'))).toEqual(['manual-20250601T090000Z.sqlite']);
      // The live database goes on as before.
      addDraft(db, 'd3', 'After the backup');
      expect(titlesIn(target)).toHaveLength(2);
    } finally {
      db.close();
    }
  });

  it('takes a consistent snapshot while the app keeps writing', async () => {
    const db = openDatabase(dbPath);
    try {
      const insert = db.prepare("INSERT INTO drafts (id, title, content_json, created_at, updated_at) VALUES (?, ?, '{}', ?, ?)");
      db.transaction(() => {
        for (let n = 0; n < 2000; n++) insert.run(`seed-${n}`, `Seed draft ${n} ${'x'.repeat(400)}`, NOW, NOW);
      })();
      const target = join(temp.dir, 'backups', 'auto-20250601T090000Z.sqlite');
      const running = backUpLiveDatabase(db, target);
      // Autosaves landing between the backup's steps, each a transaction of two rows.
      for (let n = 0; n < 20; n++) {
        await new Promise((resolve) => setImmediate(resolve));
        db.transaction(() => {
          insert.run(`pair-${n}-a`, 'pair', NOW, NOW);
          insert.run(`pair-${n}-b`, 'pair', NOW, NOW);
        })();
      }
      await running;
      expect(checkBackupFile(target).intact).toBe(true);
      const titles = titlesIn(target);
      expect(titles.filter((title) => title.startsWith('Seed draft'))).toHaveLength(2000);
      // Whole transactions only: never one row of a pair without the other.
      expect(titles.filter((title) => title === 'pair').length % 2).toBe(0);
    } finally {
      db.close();
    }
  });

  it("leaves no file under the backup's name when the backup fails", async () => {
    const db = openDatabase(dbPath);
    addDraft(db, 'd1', 'Acme CRM SLA');
    db.close();
    const target = join(temp.dir, 'backups', 'manual-20250601T090000Z.sqlite');
    await expect(backUpLiveDatabase(db, target)).rejects.toThrow();
    expect(readdirSync(join(temp.dir, 'backups'))).toEqual([]);
  });
});

describe('checkBackupFile', () => {
  it('reports a truncated file, a garbage file and a missing file as not intact, without throwing or changing them', () => {
    const db = openDatabase(dbPath);
    const insert = db.prepare("INSERT INTO drafts (id, title, content_json, created_at, updated_at) VALUES (?, ?, '{}', ?, ?)");
    for (let n = 0; n < 300; n++) insert.run(`d${n}`, `Draft ${n} ${'x'.repeat(300)}`, NOW, NOW);
    db.close();
    const whole = readFileSync(dbPath);

    const truncated = join(temp.dir, 'truncated.sqlite');
    writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length / 2)));
    const garbage = join(temp.dir, 'garbage.sqlite');
    writeFileSync(garbage, 'Minutes of the pricing meeting\n'.repeat(500));
    const before = { truncated: sha256(truncated), garbage: sha256(garbage) };

    for (const path of [truncated, garbage, join(temp.dir, 'missing.sqlite')]) {
      const check = checkBackupFile(path);
      expect(check.intact, path).toBe(false);
      expect(check.detail, path).not.toBe('');
    }
    expect({ truncated: sha256(truncated), garbage: sha256(garbage) }).toEqual(before);
    expect(existsSync(join(temp.dir, 'missing.sqlite'))).toBe(false);
  });
});

describe('setting a database aside and putting a backup in its place', () => {
  it('moves the database with its log, keeps every byte, and never reuses a name', () => {
    mkdirSync(join(temp.dir, 'data'));
    writeFileSync(dbPath, 'main file');
    writeFileSync(`${dbPath}-wal`, 'write-ahead log');
    writeFileSync(`${dbPath}-shm`, 'index');
    writeFileSync(`${dbPath}.damaged-20250601T090000Z`, 'an earlier damaged file');

    const aside = setDatabaseAside(dbPath, 'damaged-20250601T090000Z');
    expect(aside).toBe(`${dbPath}.damaged-20250601T090000Z-2`);
    expect(readFileSync(aside!, 'utf8')).toBe('main file');
    expect(readFileSync(`${aside}-wal`, 'utf8')).toBe('write-ahead log');
    expect(readFileSync(`${aside}-shm`, 'utf8')).toBe('index');
    expect(readFileSync(`${dbPath}.damaged-20250601T090000Z`, 'utf8')).toBe('an earlier damaged file');
    expect(existsSync(dbPath) || existsSync(`${dbPath}-wal`) || existsSync(`${dbPath}-shm`)).toBe(false);

    putDatabaseBack(aside!, dbPath);
    expect(readFileSync(dbPath, 'utf8')).toBe('main file');
    expect(readFileSync(`${dbPath}-wal`, 'utf8')).toBe('write-ahead log');
  });

  it('sets nothing aside when there is no database', () => {
    expect(setDatabaseAside(dbPath, 'before-restore-20250601T090000Z')).toBeNull();
  });

  it('copies a backup into place byte for byte, and refuses while a database is still there', () => {
    const backup = join(temp.dir, 'manual-20250601T090000Z.sqlite');
    writeFileSync(backup, 'backup bytes');
    mkdirSync(join(temp.dir, 'data'));
    writeFileSync(`${dbPath}-wal`, 'a log of the live database');

    expect(() => copyBackupIntoPlace(backup, dbPath)).toThrow(/set aside/);
    expect(readFileSync(`${dbPath}-wal`, 'utf8')).toBe('a log of the live database');
    expect(existsSync(dbPath)).toBe(false);

    setDatabaseAside(dbPath, 'before-restore-20250601T090000Z');
    copyBackupIntoPlace(backup, dbPath);
    expect(sha256(dbPath)).toBe(sha256(backup));
    expect(readdirSync(join(temp.dir, 'data')).sort()).toEqual(['sla-studio.db', 'sla-studio.db.before-restore-20250601T090000Z-wal']);
  });
});
