import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection';
import { createDraftsRepository } from '../db/drafts-repository';
import { createServices, type Services } from '.';
import { answeringStorageFailures } from './storage-failures';
import { createI18n } from '../../src-shared/i18n';
import { makeTempDir, scriptedDialogs, steppingClock, writePresetFixtures } from './test-fixtures';

let temp: ReturnType<typeof makeTempDir>;
let databasePath: string;
const opened: Services[] = [];

beforeEach(() => {
  temp = makeTempDir();
  databasePath = join(temp.dir, 'data', 'sla-studio.db');
  writePresetFixtures(join(temp.dir, 'templates'));
});
afterEach(() => {
  for (const services of opened.splice(0)) services.close();
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

function apiErrorOf(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return (error as { apiError?: unknown }).apiError ?? error;
  }
  throw new Error('expected the call to fail');
}

/** Overwrites every page of the database file after page 1 (the header and the schema) with garbage, as a failing disk would. */
function corruptPagesAfterTheSchema(): void {
  const bytes = readFileSync(databasePath);
  const pageSize = bytes.readUInt16BE(16);
  const fd = openSync(databasePath, 'r+');
  try {
    for (let offset = pageSize; offset < bytes.length; offset += pageSize) writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, offset);
  } finally {
    closeSync(fd);
  }
}

describe('storage failures met while the app runs', () => {
  it('a database damaged after the start answers a save with "the database is damaged; restart to restore a backup", not "internal error"', () => {
    const services = openServices();
    services.drafts.create({ presetId: 'crm', title: 'Acme CRM SLA' });
    for (let i = 0; i < 40; i++) services.drafts.create({ presetId: 'crm', title: `Customer ${i} SLA` });
    // Into the file itself, as a failing disk would; the log is first written back so the pages are there.
    const other = openDatabase(databasePath);
    other.pragma('wal_checkpoint(TRUNCATE)');
    corruptPagesAfterTheSchema();
    // Another connection's commit (of the header alone) makes the app's connection read the file again instead of its cache.
    other.pragma(`user_version = ${Number(other.pragma('user_version', { simple: true }))}`);
    other.close();

    const error = apiErrorOf(() => services.drafts.create({ presetId: 'crm', title: 'Written after the damage' }));

    expect(error).toEqual({ code: 'internal', key: 'errors.databaseDamaged', params: { detail: expect.stringMatching(/malformed/) } });
    // And the restart the message asks for finds the damage, which leads to the recovery choice (recovery.test.ts).
    opened.splice(0).forEach((open) => open.close());
    expect(() => openServices()).toThrow(expect.objectContaining({ name: 'DatabaseOpenError', reason: 'unreadable' }));
    expect(createI18n('en').t('errors.databaseDamaged', { detail: 'database disk image is malformed' })).toMatch(
      /damaged.*Restart SLA Studio.*restore the latest backup/,
    );
    expect(createI18n('zh-CN').t('errors.databaseDamaged', { detail: 'x' })).toMatch(/已损坏/);
  });

  it('a full disk (SQLite cannot grow the file) says "the disk is full", and the saved data is intact', () => {
    const db = openDatabase(databasePath);
    try {
      const drafts = answeringStorageFailures(createDraftsRepository(db));
      const fields = { title: 'Acme CRM SLA', providerName: 'Acme', customerName: 'Globex', servicesText: 'CRM' };
      drafts.insert({ id: 'first', fields, contentJson: '{}', now: '2025-06-01T09:00:00.000Z' });
      // The file may not grow any further: every page SQLite would add fails as on a full disk.
      db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`);

      const error = apiErrorOf(() =>
        drafts.insert({ id: 'second', fields, contentJson: JSON.stringify({ notes: 'x'.repeat(200_000) }), now: '2025-06-01T09:00:01.000Z' }),
      );

      expect(error).toEqual({ code: 'internal', key: 'errors.diskFull', params: { detail: expect.stringMatching(/full/) } });
      expect(drafts.find('first')?.title).toBe('Acme CRM SLA');
      expect(drafts.find('second')).toBeNull();
      expect(createI18n('en').t('errors.diskFull', { detail: 'database or disk is full' })).toMatch(/^The disk is full/);
      expect(createI18n('zh-CN').t('errors.diskFull', { detail: 'x' })).toMatch(/磁盘已满/);
    } finally {
      db.close();
    }
  });
});
