/**
 * The export step every saved document goes through: the bytes are made
 * only once the user chose where to save, the exports row names only a file
 * that is on disk with the hash and size of what is there, and a cancelled
 * dialog or a failed write leaves neither a file nor a row.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportsRepository, NewExport, StoredExport } from '../db';
import { sha256Hex } from '../sha256';
import { isServiceError } from './errors';
import { createExportStep, fileNameOf, type ExportDocument } from './export-step';
import { makeTempDir, scriptedDialogs, steppingClock } from './test-fixtures';

const DRAFT_ID = '3f0c2a4e-8d1b-4c6a-9e2f-5b7d8c9a0e1f';
const VERSION_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

let temp: ReturnType<typeof makeTempDir>;
let rows: NewExport[];
let events: string[];
const answer: { savePath: string | null } = { savePath: null };

const repository: ExportsRepository = {
  insert: (record) => {
    rows.push(record);
    return { ...record, version: null } satisfies StoredExport;
  },
  find: () => null,
  listByDraft: () => [],
};

function document(bytes: Uint8Array): ExportDocument {
  return {
    draftId: DRAFT_ID,
    versionId: VERSION_ID,
    kind: 'report',
    language: 'bilingual',
    fileName: 'Acme SLA 2026-10 (EN-ZH).docx',
    filter: { name: 'Word document', extensions: ['docx'] },
    render: () => {
      events.push('render');
      return bytes;
    },
  };
}

function step() {
  const dialogs = scriptedDialogs(answer);
  const chooseSavePath = dialogs.chooseSavePath;
  dialogs.chooseSavePath = async (request) => {
    events.push('dialog');
    return chooseSavePath(request);
  };
  return { dialogs, step: createExportStep({ exports: repository, dialogs, clock: steppingClock('2026-11-02T09:00:00.000Z'), newId: () => 'e-1' }) };
}

beforeEach(() => {
  temp = makeTempDir('sla-export-step-');
  rows = [];
  events = [];
});
afterEach(() => temp.remove());

describe('the export step', () => {
  it('asks where with the proposed name, then writes the bytes and records the file on disk', async () => {
    const bytes = new TextEncoder().encode('PK report bytes');
    answer.savePath = join(temp.dir, 'October report.docx');
    const { dialogs, step: exportStep } = step();

    const saved = await exportStep.save(document(bytes));

    expect(events).toEqual(['dialog', 'render']);
    expect(dialogs.saveRequests).toEqual([{ suggestedName: 'Acme SLA 2026-10 (EN-ZH).docx' }]);
    expect(readFileSync(answer.savePath)).toEqual(Buffer.from(bytes));
    const sha256 = sha256Hex(bytes);
    expect(saved).toEqual({ exportId: 'e-1', path: answer.savePath, fileName: 'October report.docx', bytes: bytes.byteLength, sha256 });
    expect(rows).toEqual([
      {
        id: 'e-1',
        draftId: DRAFT_ID,
        versionId: VERSION_ID,
        kind: 'report',
        language: 'bilingual',
        path: answer.savePath,
        bytes: bytes.byteLength,
        sha256,
        createdAt: '2026-11-02T09:00:00.000Z',
      },
    ]);
  });

  it('makes, writes and records nothing when the dialog is cancelled', async () => {
    answer.savePath = null;
    const saved = await step().step.save(document(new Uint8Array([1, 2, 3])));
    expect(saved).toEqual({ exportId: null, path: null, fileName: 'Acme SLA 2026-10 (EN-ZH).docx', bytes: 0, sha256: null });
    expect(events).toEqual(['dialog']);
    expect(rows).toEqual([]);
    expect(readdirSync(temp.dir)).toEqual([]);
  });

  it('records nothing when the file cannot be written, and says where', async () => {
    answer.savePath = join(temp.dir, 'no such folder', 'report.docx');
    const error = await step()
      .step.save(document(new Uint8Array([1, 2, 3])))
      .then(
        () => null,
        (reason: unknown) => reason,
      );
    expect(isServiceError(error) && error.apiError).toMatchObject({ key: 'errors.cannotWriteFile', params: { path: answer.savePath, reason: 'ENOENT' } });
    expect(rows).toEqual([]);
  });
});

describe('fileNameOf', () => {
  it('gives the last segment of a POSIX or a Windows path', () => {
    expect(fileNameOf('/home/li/SLA v3 (EN).docx')).toBe('SLA v3 (EN).docx');
    expect(fileNameOf('C:\\Users\\Li\\SLA v3 (EN).docx')).toBe('SLA v3 (EN).docx');
  });
});
