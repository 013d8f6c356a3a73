import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStorage } from '../db';
import { openDatabase } from '../db/connection';
import { latestVersion, MIGRATIONS } from '../db/migrations';
import { createServices, type Services } from '.';
import { createBackupsService, KEPT_AUTOMATIC_BACKUPS, listBackups } from './backups';
import { makeTempDir, scriptedDialogs, writePresetFixtures } from './test-fixtures';
import type { Clock } from './ports';

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const HOUR = 60 * 60 * 1000;

/** A clock the test moves by hand, to cross the one-day line of automatic backups. */
function manualClock(start: string): Clock & { advance(ms: number): void } {
  let now = Date.parse(start);
  return {
    now: () => new Date(now).toISOString(),
    advance(ms) {
      now += ms;
    },
  };
}

let temp: ReturnType<typeof makeTempDir>;
let services: Services;
let clock: ReturnType<typeof manualClock>;
let dataDir: string;
let databasePath: string;
let backupsDir: string;

beforeEach(() => {
  temp = makeTempDir();
  dataDir = join(temp.dir, 'data');
  databasePath = join(dataDir, 'sla-studio.db');
  backupsDir = join(dataDir, 'backups');
  writePresetFixtures(join(temp.dir, 'templates'));
  clock = manualClock('2025-06-01T09:15:02.000Z');
  services = createServices({ databasePath, templatesDir: join(temp.dir, 'templates'), clock, dialogs: scriptedDialogs({ savePath: null }) });
});
afterEach(() => {
  services.close();
  temp.remove();
});

const titles = () => services.drafts.list({ query: '', view: 'active', sort: 'title' }).map((draft) => draft.title);

async function createDraft(title: string) {
  return services.drafts.create({ presetId: 'crm', title });
}

function errorOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => (error as { apiError?: unknown }).apiError ?? error,
  );
}

describe('the backups service', () => {
  it('backs up now into the backups folder beside the database, and lists the backup with its time and size', async () => {
    await createDraft('Acme CRM SLA');
    const entry = await services.backups.create();
    expect(entry).toMatchObject({ id: 'manual-20250601T091502Z.sqlite', kind: 'manual', createdAt: '2025-06-01T09:15:02.000Z' });
    expect(entry.bytes).toBeGreaterThan(0);
    expect(services.backups.folder).toBe(backupsDir);
    expect(services.backups.list()).toEqual([entry]);
    expect(entry.bytes).toBe(readFileSync(join(backupsDir, entry.id)).length);

    // A second one within the same second gets its own name, and lists as the newer.
    const second = await services.backups.create();
    expect(second.id).toBe('manual-20250601T091502Z-2.sqlite');
    expect(services.backups.list().map((backup) => backup.id)).toEqual([second.id, entry.id]);
  });

  it('backs up automatically when the newest backup is a day old, keeps the last seven automatic ones, and never deletes a manual one or the database', async () => {
    await createDraft('Acme CRM SLA');
    writeFileSync(join(dataDir, 'notes.txt'), 'not a backup');
    mkdirSync(backupsDir, { recursive: true });
    writeFileSync(join(backupsDir, 'auto-old-copy.sqlite'), 'a file the user put here');
    const manual = await services.backups.create();

    // Made a moment ago: not due.
    expect(await services.backups.backUpIfDue()).toBeNull();
    clock.advance(23 * HOUR);
    expect(await services.backups.backUpIfDue()).toBeNull();
    clock.advance(HOUR);
    const first = await services.backups.backUpIfDue();
    expect(first).toMatchObject({ kind: 'auto', createdAt: '2025-06-02T09:15:02.000Z' });

    const automatic: string[] = [first!.id];
    for (let day = 0; day < 9; day++) {
      clock.advance(25 * HOUR);
      const entry = await services.backups.backUpIfDue();
      automatic.push(entry!.id);
    }
    const listed = services.backups.list();
    // A week of daily backups: the seven newest automatic ones.
    expect(KEPT_AUTOMATIC_BACKUPS).toBe(7);
    expect(listed.filter((backup) => backup.kind === 'auto').map((backup) => backup.id)).toEqual(automatic.slice(-7).reverse());
    expect(listed.filter((backup) => backup.kind === 'manual')).toEqual([manual]);
    expect(readdirSync(backupsDir)).toContain('auto-old-copy.sqlite');
    expect(readdirSync(dataDir)).toEqual(expect.arrayContaining(['sla-studio.db', 'notes.txt']));
    expect(titles()).toEqual(['Acme CRM SLA']);
  });

  it("restores a backup: the data is the backup's again, and the replaced database is kept beside it, never deleted", async () => {
    const kept = await createDraft('Acme CRM SLA');
    const backup = await services.backups.create();
    const backupHash = sha256(join(backupsDir, backup.id));

    clock.advance(HOUR);
    const later = await createDraft('Globex renewal');
    services.versions.save({ draftId: later.id, party: 'ourProposal', author: 'Li Wei', note: 'First offer' });
    expect(titles()).toEqual(['Acme CRM SLA', 'Globex renewal']);

    const outcome = await services.backups.restore(backup.id);
    expect(outcome.restored).toEqual(backup);
    expect(outcome.setAsidePath).toBe(`${databasePath}.before-restore-20250601T101502Z`);

    // The same service object goes on working, now on the restored data.
    expect(titles()).toEqual(['Acme CRM SLA']);
    expect(services.drafts.get(kept.id).title).toBe('Acme CRM SLA');
    await createDraft('Written after the restore');
    expect(titles()).toEqual(['Acme CRM SLA', 'Written after the restore']);

    // The replaced database, with everything written before the restore, is intact beside it.
    const before = openStorage(outcome.setAsidePath!);
    try {
      expect(
        before.drafts
          .list({ query: '', view: 'active' })
          .map((draft) => draft.title)
          .sort(),
      ).toEqual(['Acme CRM SLA', 'Globex renewal']);
      expect(before.versions.listByDraft(later.id)).toHaveLength(1);
    } finally {
      before.close();
    }
    // The backup itself is unchanged and still listed: it can be restored again.
    expect(sha256(join(backupsDir, backup.id))).toBe(backupHash);
    expect(services.backups.list()).toEqual([backup]);
  });

  it('refuses a backup that does not exist, or a name that reaches outside the backups folder', async () => {
    await createDraft('Acme CRM SLA');
    for (const id of ['manual-20990101T000000Z.sqlite', '../sla-studio.db', `..${'/'}data${'/'}sla-studio.db`]) {
      expect(await errorOf(services.backups.restore(id))).toMatchObject({ code: 'notFound', key: 'backups.errors.notFound', params: { id } });
    }
    expect(titles()).toEqual(['Acme CRM SLA']);
    expect(readdirSync(dataDir).filter((name) => name.includes('before-restore'))).toEqual([]);
  });

  it('refuses a damaged backup and one from a newer SLA Studio, changing nothing', async () => {
    await createDraft('Acme CRM SLA');
    const good = await services.backups.create();
    const damaged = join(backupsDir, 'manual-20250601T091503Z.sqlite');
    writeFileSync(damaged, readFileSync(join(backupsDir, good.id)).subarray(0, 4096 * 3));
    const future = join(temp.dir, 'future.db');
    openDatabase(future, { migrations: [...MIGRATIONS, { version: latestVersion() + 1, name: 'future', sql: 'CREATE TABLE future_thing (x);' }] }).close();
    copyFileSync(future, join(backupsDir, 'manual-20250601T091504Z.sqlite'));
    const filesBefore = readdirSync(dataDir).sort();

    expect(await errorOf(services.backups.restore('manual-20250601T091503Z.sqlite'))).toMatchObject({ code: 'invalidFile', key: 'backups.errors.damaged' });
    expect(await errorOf(services.backups.restore('manual-20250601T091504Z.sqlite'))).toMatchObject({
      code: 'invalidFile',
      key: 'backups.errors.tooNew',
      params: { found: latestVersion() + 1, supported: latestVersion() },
    });
    expect(titles()).toEqual(['Acme CRM SLA']);
    expect(readdirSync(dataDir).sort()).toEqual(filesBefore);
  });

  it('puts the database back as it was when the restored backup cannot be opened', async () => {
    await createDraft('Acme CRM SLA');
    // An intact backup at schema 1 that cannot be upgraded: it already has a table migration 2 creates.
    const stale = join(temp.dir, 'stale.db');
    const db = openDatabase(stale, { migrations: MIGRATIONS.slice(0, 1) });
    db.exec('CREATE TABLE versions (x)');
    db.pragma('journal_mode = DELETE');
    db.close();
    mkdirSync(backupsDir, { recursive: true });
    copyFileSync(stale, join(backupsDir, 'manual-20250101T000000Z.sqlite'));

    expect(await errorOf(services.backups.restore('manual-20250101T000000Z.sqlite'))).toMatchObject({
      code: 'internal',
      key: 'backups.errors.restoreFailed',
      params: { detail: expect.stringMatching(/versions already exists/) },
    });
    expect(titles()).toEqual(['Acme CRM SLA']);
    await createDraft('Still saving');
    expect(titles()).toEqual(['Acme CRM SLA', 'Still saving']);
    expect(readdirSync(dataDir).filter((name) => name.includes('before-restore'))).toEqual([]);
  });

  it('runs a restore after a backup that is still running, never under it', async () => {
    await createDraft('Acme CRM SLA');
    const first = await services.backups.create();
    await createDraft('Globex renewal');
    const running = services.backups.create();
    const restored = services.backups.restore(first.id);
    const second = await running;
    await restored;
    expect(titles()).toEqual(['Acme CRM SLA']);
    // The backup taken before the restore holds both drafts.
    const copy = openStorage(join(backupsDir, second.id));
    try {
      expect(copy.drafts.list({ query: '', view: 'active' })).toHaveLength(2);
    } finally {
      copy.close();
    }
  });

  it('two programs backing up into one folder in the same second each get a complete backup of their own', async () => {
    await createDraft('Acme CRM SLA');
    // A second database whose backups go to the same folder, at the same time.
    const otherPath = join(temp.dir, 'other', 'sla-studio.db');
    const other = createServices({
      databasePath: otherPath,
      backupsDir,
      templatesDir: join(temp.dir, 'templates'),
      clock,
      dialogs: scriptedDialogs({ savePath: null }),
    });
    try {
      other.drafts.create({ presetId: 'crm', title: 'Globex renewal' });
      const [mine, theirs] = await Promise.all([services.backups.create(), other.backups.create()]);

      expect(new Set([mine.id, theirs.id]).size).toBe(2);
      const titlesIn = (id: string) => {
        const copy = openStorage(join(backupsDir, id));
        try {
          return copy.drafts.list({ query: '', view: 'active' }).map((draft) => draft.title);
        } finally {
          copy.close();
        }
      };
      expect(titlesIn(mine.id)).toEqual(['Acme CRM SLA']);
      expect(titlesIn(theirs.id)).toEqual(['Globex renewal']);
    } finally {
      other.close();
    }
  });

  it('says "the disk is full" when a backup runs out of space, and leaves no partial backup', async () => {
    const full = createBackupsService({
      databasePath,
      backupsDir,
      clock,
      storage: {
        backupTo: () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })),
        reopenAfter: () => undefined,
      },
    });

    expect(await errorOf(full.create())).toEqual({ code: 'internal', key: 'errors.diskFull', params: { detail: 'ENOSPC: no space left on device, write' } });
    expect(readdirSync(backupsDir)).toEqual([]);
  });

  it('lists only files named as backups, newest first', () => {
    mkdirSync(backupsDir, { recursive: true });
    for (const name of [
      'auto-20250530T080000Z.sqlite',
      'manual-20250531T080000Z.sqlite',
      'auto-20250531T080000Z-2.sqlite',
      'readme.txt',
      'auto-2025.sqlite',
      '.auto-20250601T080000Z.sqlite.partial',
    ]) {
      writeFileSync(join(backupsDir, name), 'x');
    }
    expect(listBackups(backupsDir).map((entry) => entry.id)).toEqual([
      'auto-20250531T080000Z-2.sqlite',
      'manual-20250531T080000Z.sqlite',
      'auto-20250530T080000Z.sqlite',
    ]);
    expect(listBackups(join(temp.dir, 'no-such-folder'))).toEqual([]);
    expect(existsSync(join(temp.dir, 'no-such-folder'))).toBe(false);
  });
});
