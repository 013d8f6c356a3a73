import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStorage } from '../db';
import { openDatabase, type SqliteDatabase } from '../db/connection';
import { latestVersion, MIGRATIONS } from '../db/migrations';
import { createServices, type Services } from '.';
import {
  recoveryChoicesText,
  startWithRecovery,
  type DamagedDatabase,
  type RecoveryChoice,
  type RecoveryPort,
  type StartupNotice,
  type StartupOutcome,
} from './recovery';
import { createI18n } from '../../src-shared/i18n';
import { makeTempDir, scriptedDialogs, steppingClock, writePresetFixtures } from './test-fixtures';

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

let temp: ReturnType<typeof makeTempDir>;
let dataDir: string;
let databasePath: string;
let backupsDir: string;
const opened: Services[] = [];

beforeEach(() => {
  temp = makeTempDir();
  dataDir = join(temp.dir, 'data');
  databasePath = join(dataDir, 'sla-studio.db');
  backupsDir = join(dataDir, 'backups');
  writePresetFixtures(join(temp.dir, 'templates'));
});
afterEach(() => {
  for (const services of opened.splice(0)) services.close();
  chmodSync(temp.dir, 0o700);
  temp.remove();
});

function openServices(): Services {
  const services = createServices({
    databasePath,
    templatesDir: join(temp.dir, 'templates'),
    clock: steppingClock('2025-06-01T09:00:00.000Z'),
    dialogs: scriptedDialogs({ savePath: null }),
  });
  opened.push(services);
  return services;
}

/** A port that answers with the scripted choices in turn and records everything it was asked and told. */
function scriptedPort(choices: RecoveryChoice[]): RecoveryPort & { asked: DamagedDatabase[]; told: StartupNotice[] } {
  const asked: DamagedDatabase[] = [];
  const told: StartupNotice[] = [];
  return {
    asked,
    told,
    choose(situation) {
      asked.push(situation);
      const choice = choices.shift();
      if (!choice) throw new Error('asked more often than scripted');
      return choice;
    },
    tell: (notice) => told.push(notice),
  };
}

function start<S = Services>(port: RecoveryPort, open: () => S = openServices as () => S): StartupOutcome<S> {
  return startWithRecovery({ databasePath, backupsDir, clock: { now: () => '2025-06-02T10:00:00.000Z' }, open, port });
}

/** A database with one draft and a backup of it, then closed. */
async function databaseWithBackup(title: string): Promise<string> {
  const services = openServices();
  services.drafts.create({ presetId: 'crm', title });
  const backup = await services.backups.create();
  services.drafts.create({ presetId: 'crm', title: 'Written after the backup' });
  services.close();
  return backup.id;
}

/** Everything in the data folder with its hash (folders by name only): what "nothing changed" is checked against. */
function folderState(): Record<string, string> {
  const state: Record<string, string> = {};
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      else state[`${prefix}${entry.name}`] = sha256(join(dir, entry.name));
    }
  };
  walk(dataDir, '');
  return state;
}

function truncateDatabase(): void {
  const bytes = readFileSync(databasePath);
  writeFileSync(databasePath, bytes.subarray(0, Math.floor(bytes.length / 2)));
}

/**
 * Overwrites the page in the middle of the (closed) database with garbage, as a failing disk
 * sector would: the header and the schema on page 1 stay intact, so SQLite opens the file.
 */
function corruptMiddlePage(): void {
  const bytes = readFileSync(databasePath);
  const pageSize = bytes.readUInt16BE(16) === 1 ? 65536 : bytes.readUInt16BE(16);
  const pages = bytes.length / pageSize;
  expect(pages).toBeGreaterThan(20);
  const fd = openSync(databasePath, 'r+');
  try {
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, Math.floor(pages / 2) * pageSize);
  } finally {
    closeSync(fd);
  }
}

/** A database with many pages of drafts and a backup of its first draft, then closed. */
async function largerDatabaseWithBackup(title: string): Promise<void> {
  const services = openServices();
  services.drafts.create({ presetId: 'crm', title });
  await services.backups.create();
  for (let i = 1; i <= 60; i++) services.drafts.create({ presetId: i % 2 ? 'crm' : 'china-db', title: `Customer ${i} SLA` });
  services.close();
}

function titlesOf(outcome: StartupOutcome<Services>): string[] {
  if (outcome.status !== 'started') throw new Error(`expected a start, got ${JSON.stringify(outcome)}`);
  return outcome.services.drafts.list({ query: '', view: 'active', sort: 'title' }).map((draft) => draft.title);
}

describe('starting on a damaged database', () => {
  it('restores the latest backup when the user chooses it, keeping the truncated file aside byte for byte', async () => {
    await databaseWithBackup('Acme CRM SLA');
    truncateDatabase();
    const damagedHash = sha256(databasePath);
    const port = scriptedPort(['restoreBackup']);

    const outcome = start(port);

    expect(titlesOf(outcome)).toEqual(['Acme CRM SLA']);
    expect(port.asked).toEqual([
      expect.objectContaining({
        databasePath,
        backupsDir,
        reason: expect.stringMatching(/malformed|not a database/),
        backup: expect.objectContaining({ kind: 'manual' }),
      }),
    ]);
    const keptAs = `${databasePath}.damaged-20250602T100000Z`;
    expect(port.told).toEqual([{ kind: 'recovered', how: 'restoredBackup', backup: port.asked[0]!.backup, damagedKeptAs: keptAs }]);
    expect(sha256(keptAs)).toBe(damagedHash);
  });

  it('starts with an empty database when the user chooses it; a garbage file is kept aside, not deleted', () => {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(databasePath, 'These are the minutes of the pricing meeting, not a database.\n'.repeat(100));
    const garbageHash = sha256(databasePath);
    const port = scriptedPort(['startEmpty']);

    const outcome = start(port);

    expect(titlesOf(outcome)).toEqual([]);
    expect(port.asked[0]!.backup).toBeNull();
    expect(port.asked[0]!.reason).toMatch(/not a database/);
    const keptAs = `${databasePath}.damaged-20250602T100000Z`;
    expect(port.told).toEqual([{ kind: 'recovered', how: 'startedEmpty', backup: null, damagedKeptAs: keptAs }]);
    expect(sha256(keptAs)).toBe(garbageHash);
  });

  it('changes nothing when the user quits', async () => {
    await databaseWithBackup('Acme CRM SLA');
    truncateDatabase();
    const before = folderState();
    const port = scriptedPort(['quit']);

    expect(start(port)).toEqual({ status: 'quit', reason: 'userQuit' });
    expect(port.told).toEqual([]);
    expect(folderState()).toEqual(before);
  });

  it('does not restore a backup that is not there, whatever the answer', () => {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(databasePath, 'garbage'.repeat(100));
    const before = folderState();
    expect(start(scriptedPort(['restoreBackup']))).toEqual({ status: 'quit', reason: 'userQuit' });
    expect(folderState()).toEqual(before);
  });

  it('finds a corrupted page at start (quick_check) and offers the backup, instead of starting and failing every save', async () => {
    await largerDatabaseWithBackup('Acme CRM SLA');
    corruptMiddlePage();
    const damagedHash = sha256(databasePath);
    const port = scriptedPort(['restoreBackup']);

    const outcome = start(port);

    expect(port.asked).toEqual([
      expect.objectContaining({ databasePath, reason: expect.stringMatching(/malformed/), backup: expect.objectContaining({ kind: 'manual' }) }),
    ]);
    expect(titlesOf(outcome)).toEqual(['Acme CRM SLA']);
    expect(sha256(`${databasePath}.damaged-20250602T100000Z`)).toBe(damagedHash);
  });

  it('does not take an empty (0-byte) database file for a new database: it offers the backup', async () => {
    await databaseWithBackup('Acme CRM SLA');
    writeFileSync(databasePath, '');
    const port = scriptedPort(['restoreBackup']);

    const outcome = start(port);

    expect(port.asked).toEqual([expect.objectContaining({ databasePath, reason: expect.stringMatching(/empty \(0 bytes\)/) })]);
    expect(titlesOf(outcome)).toEqual(['Acme CRM SLA']);
    expect(readFileSync(`${databasePath}.damaged-20250602T100000Z`).length).toBe(0);
  });

  it('when the newest backup is damaged too, says so, changes nothing, and offers the next one', async () => {
    const older = await databaseWithBackup('Acme CRM SLA');
    mkdirSync(backupsDir, { recursive: true });
    writeFileSync(join(backupsDir, 'auto-20250601T235959Z.sqlite'), 'not a database either'.repeat(300));
    truncateDatabase();
    const damagedHash = sha256(databasePath);
    const port = scriptedPort(['restoreBackup', 'restoreBackup']);

    const outcome = start(port);

    expect(port.asked.map((situation) => situation.backup?.id)).toEqual(['auto-20250601T235959Z.sqlite', older]);
    expect(port.told[0]).toMatchObject({ kind: 'backupUnusable', backup: { id: 'auto-20250601T235959Z.sqlite' } });
    expect(titlesOf(outcome)).toEqual(['Acme CRM SLA']);
    expect(port.told[1]).toMatchObject({ kind: 'recovered', how: 'restoredBackup', backup: { id: older } });
    expect(sha256(`${databasePath}.damaged-20250602T100000Z`)).toBe(damagedHash);
    // The unusable backup is left as it was: SLA Studio deletes no backup it did not rotate.
    expect(readdirSync(backupsDir)).toContain('auto-20250601T235959Z.sqlite');
  });
});

describe('starting on a database that is fine but cannot be used', () => {
  it('refuses a database from a newer SLA Studio without a choice that could overwrite it', () => {
    openDatabase(databasePath, {
      migrations: [...MIGRATIONS, { version: latestVersion() + 1, name: 'future', sql: 'CREATE TABLE future_thing (x);' }],
    }).close();
    const before = folderState();
    const port = scriptedPort([]);

    expect(start(port)).toEqual({ status: 'quit', reason: 'tooNew' });
    expect(port.asked).toEqual([]);
    expect(port.told).toEqual([{ kind: 'tooNew', databasePath, found: latestVersion() + 1, supported: latestVersion() }]);
    expect(folderState()).toEqual(before);
  });

  it('does not call a locked database damaged: it says it cannot open it, and sets nothing aside', () => {
    openServices().close();
    // Another program holds the database exclusively (as a second copy of the app or a sync tool might).
    const holder: SqliteDatabase = openDatabase(databasePath);
    try {
      holder.pragma('locking_mode = EXCLUSIVE');
      holder.exec("INSERT INTO settings (key, value) VALUES ('held', 'yes')");
      const port = scriptedPort([]);
      // What createServices opens, with a short wait for the lock so the test stays quick.
      const quickOpen = () => {
        const storage = openStorage(databasePath, { busyTimeoutMs: 50 });
        storage.close();
        return storage;
      };

      expect(start(port, quickOpen)).toEqual({ status: 'quit', reason: 'cannotOpen' });
      expect(port.asked).toEqual([]);
      expect(port.told).toEqual([{ kind: 'cannotOpen', databasePath, detail: expect.stringMatching(/locked/) }]);
      expect(readdirSync(dataDir).filter((name) => name.includes('damaged'))).toEqual([]);
    } finally {
      holder.close();
    }
  });

  it.skipIf(process.getuid?.() === 0)(
    'does not call a database it may not read damaged (permission denied) — skipped as root, whom no file permission stops',
    () => {
      openServices().close();
      chmodSync(databasePath, 0o000);
      try {
        const port = scriptedPort([]);
        expect(start(port)).toEqual({ status: 'quit', reason: 'cannotOpen' });
        expect(port.asked).toEqual([]);
        expect(port.told).toEqual([{ kind: 'cannotOpen', databasePath, detail: expect.stringMatching(/permission|EACCES/i) }]);
      } finally {
        chmodSync(databasePath, 0o600);
      }
      expect(readdirSync(dataDir).filter((name) => name.includes('damaged'))).toEqual([]);
    },
  );

  it('treats any error that is not about the file\'s contents (here: permission denied while opening) as "cannot open"', () => {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(databasePath, 'garbage'.repeat(100));
    const before = folderState();
    const port = scriptedPort([]);
    const denied = () => {
      throw Object.assign(new Error(`EACCES: permission denied, open '${databasePath}'`), { code: 'EACCES' });
    };

    expect(start(port, denied)).toEqual({ status: 'quit', reason: 'cannotOpen' });
    expect(port.told).toEqual([{ kind: 'cannotOpen', databasePath, detail: expect.stringMatching(/EACCES/) }]);
    expect(folderState()).toEqual(before);
  });

  it('refuses to start while another SLA Studio has the database open, naming it, and changes nothing', () => {
    openServices().close();
    // The lock of another program that is running (database-lock.test.ts runs a real one).
    const other = { pid: process.ppid, host: hostname(), since: '2025-06-02T09:00:00.000Z' };
    writeFileSync(`${databasePath}.lock`, JSON.stringify(other));
    const before = folderState();
    const port = scriptedPort([]);

    expect(start(port)).toEqual({ status: 'quit', reason: 'inUse' });
    expect(port.asked).toEqual([]);
    expect(port.told).toEqual([{ kind: 'inUse', databasePath, detail: expect.stringContaining(`process ${process.ppid} on ${hostname()}`) }]);
    expect(folderState()).toEqual(before);
  });

  it('takes over the lock of an SLA Studio that is gone (its process no longer exists)', () => {
    openServices().close();
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(`${databasePath}.lock`, JSON.stringify({ pid: gone, host: hostname(), since: '2025-06-01T09:00:00.000Z' }));

    const outcome = start(scriptedPort([]));

    expect(outcome.status).toBe('started');
    expect(JSON.parse(readFileSync(`${databasePath}.lock`, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
  });

  it('says "the disk is full" when the database cannot be opened for want of space', () => {
    const full = () => {
      throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    };
    const port = scriptedPort([]);

    expect(start(port, full)).toEqual({ status: 'quit', reason: 'cannotOpen' });
    expect(port.told).toEqual([{ kind: 'diskFull', databasePath, detail: 'database or disk is full' }]);
  });

  it('puts the damaged file back and stops when the backup cannot be copied into place', async () => {
    await databaseWithBackup('Acme CRM SLA');
    truncateDatabase();
    // A folder where the copy's temporary file must go: the copy fails as on a full or read-only disk.
    mkdirSync(join(dataDir, '.sla-studio.db.restoring'));
    const before = folderState();
    const port = scriptedPort(['restoreBackup']);

    expect(start(port)).toEqual({ status: 'quit', reason: 'cannotOpen' });
    expect(port.told).toEqual([{ kind: 'cannotOpen', databasePath, detail: expect.any(String) }]);
    // Not left aside: the next start must find the damaged file again and ask again, not start empty.
    expect(folderState()).toEqual(before);
  });
});

describe('a bug while starting', () => {
  it('is thrown on for the "could not start" message, with nothing asked and nothing moved', () => {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(databasePath, 'garbage'.repeat(100));
    const before = folderState();
    const port = scriptedPort([]);
    const buggy = () => {
      throw new TypeError("Cannot read properties of undefined (reading 'presets')");
    };
    expect(() => start(port, buggy)).toThrow(TypeError);
    expect(port.asked).toEqual([]);
    expect(port.told).toEqual([]);
    expect(folderState()).toEqual(before);
  });
});

describe('starting normally', () => {
  it('asks nothing and tells nothing when the database opens', () => {
    const port = scriptedPort([]);
    const outcome = start(port);
    expect(outcome.status).toBe('started');
    expect(port.asked).toEqual([]);
    expect(port.told).toEqual([]);
  });
});

describe('the choices printed where no dialog can be shown (dev:web)', () => {
  const text = (locale: 'en' | 'zh-CN') => recoveryChoicesText({ t: createI18n(locale).t, backupsDir, formatTime: (iso) => `«${iso}»` });

  it('names the latest backup, or says there is none', () => {
    expect(text('en')).toContain(`There is no backup in ${backupsDir} to restore.`);
    expect(text('en')).not.toContain('Restore the latest backup');
    mkdirSync(backupsDir, { recursive: true });
    writeFileSync(join(backupsDir, 'auto-20250530T091502Z.sqlite'), 'older');
    writeFileSync(join(backupsDir, 'manual-20250601T091502Z.sqlite'), 'newer');
    expect(text('en')).toContain(`Restore the latest backup: ${join(backupsDir, 'manual-20250601T091502Z.sqlite')} (taken «2025-06-01T09:15:02.000Z»)`);
    expect(text('en').split('\n')).toHaveLength(5);
    expect(text('zh-CN')).toContain('使用空数据库启动');
    expect(text('zh-CN')).not.toMatch(/dialogs\.startup|\{\{/);
  });
});
