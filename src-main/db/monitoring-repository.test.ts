import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../services/test-fixtures';
import { openStorage, type MonitoringImportInsert, type Storage } from '.';

let temp: ReturnType<typeof makeTempDir>;
let storage: Storage;
const DRAFT_ID = '6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const OTHER_DRAFT_ID = '7d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a';

function draftRow(id: string) {
  storage.drafts.insert({
    id,
    fields: { title: 'Acme SLA', providerName: 'Acme', customerName: 'Globex', servicesText: 'CRM' },
    contentJson: '{}',
    now: '2027-11-01T08:00:00.000Z',
  });
}

function record(id: string, overrides: Partial<MonitoringImportInsert> = {}): MonitoringImportInsert {
  return {
    id,
    draftId: DRAFT_ID,
    fileName: `${id}.csv`,
    fileBytes: 120,
    sha256: 'a'.repeat(64),
    importedAt: '2027-11-02T09:00:00.000Z',
    form: 'incidents',
    rows: 3,
    summaryJson: JSON.stringify({ months: ['2027-10'] }),
    dataVersion: 1,
    dataJson: JSON.stringify({ version: 1, incidents: [], probes: null }),
    ...overrides,
  };
}

beforeEach(() => {
  temp = makeTempDir('sla-monitoring-db-');
  storage = openStorage(join(temp.dir, 'sla.db'));
  draftRow(DRAFT_ID);
  draftRow(OTHER_DRAFT_ID);
});
afterEach(() => {
  storage.close();
  temp.remove();
});

describe('monitoring imports repository', () => {
  it('stores an import and gives it back, listing a draft’s imports newest first', () => {
    const first = storage.monitoring.insert(record('i-1'));
    expect(first).toEqual({
      id: 'i-1',
      draftId: DRAFT_ID,
      fileName: 'i-1.csv',
      fileBytes: 120,
      sha256: 'a'.repeat(64),
      importedAt: '2027-11-02T09:00:00.000Z',
      form: 'incidents',
      rows: 3,
      summaryJson: '{"months":["2027-10"]}',
      dataVersion: 1,
    });
    storage.monitoring.insert(record('i-2', { importedAt: '2027-11-03T09:00:00.000Z' }));
    // Same time as i-2: the one made later comes first.
    storage.monitoring.insert(record('i-3', { importedAt: '2027-11-03T09:00:00.000Z', form: 'probes' }));
    storage.monitoring.insert(record('other', { draftId: OTHER_DRAFT_ID }));
    expect(storage.monitoring.list(DRAFT_ID).map((item) => item.id)).toEqual(['i-3', 'i-2', 'i-1']);
    // Data in the order it is combined: oldest first.
    expect(storage.monitoring.loadData(DRAFT_ID).map((item) => item.id)).toEqual(['i-1', 'i-2', 'i-3']);
    expect(storage.monitoring.loadData(DRAFT_ID)[0]).toEqual({ id: 'i-1', dataVersion: 1, dataJson: '{"version":1,"incidents":[],"probes":null}' });
    expect(storage.monitoring.find(OTHER_DRAFT_ID, 'i-1')).toBeNull();
  });

  it('refuses an import for a draft that does not exist, or with data that is not JSON, storing nothing', () => {
    expect(() => storage.monitoring.insert(record('orphan', { draftId: '00000000-0000-4000-8000-000000000000' }))).toThrow(/FOREIGN KEY/);
    expect(() => storage.monitoring.insert(record('bad', { dataJson: '{"version":1,' }))).toThrow(/CHECK/);
    expect(() => storage.monitoring.insert(record('short-hash', { sha256: 'abc' }))).toThrow(/CHECK/);
    expect(storage.monitoring.list(DRAFT_ID)).toEqual([]);
  });

  it('deletes one import of the draft it belongs to, and only that', () => {
    storage.monitoring.insert(record('i-1'));
    storage.monitoring.insert(record('i-2'));
    expect(storage.monitoring.delete(OTHER_DRAFT_ID, 'i-1')).toBe(false);
    expect(storage.monitoring.delete(DRAFT_ID, 'i-1')).toBe(true);
    expect(storage.monitoring.delete(DRAFT_ID, 'i-1')).toBe(false);
    expect(storage.monitoring.list(DRAFT_ID).map((item) => item.id)).toEqual(['i-2']);
  });
});
