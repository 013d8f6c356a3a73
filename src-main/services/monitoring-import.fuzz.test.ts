/**
 * A monitoring file from disk is bytes, not text: random bytes, a valid
 * export with bytes flipped (another encoding, a damaged download) and
 * multi-byte characters cut at every chunk boundary. The import answers the
 * data or problems that read in both languages — never a rejection other
 * than "unreadable" — and the same answer whatever the chunk size.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slaDraftSchema, type SlaDraft } from '../../src-shared/model/schema';
import { isTranslated } from '../../src-shared/testing/hostile';
import { importMonitoringFile, type MonitoringFileImport } from './monitoring-import';
import { makeTempDir } from './test-fixtures';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const enterprise: SlaDraft = slaDraftSchema.parse(JSON.parse(readFileSync(path.join(REPO, 'templates', 'presets', 'enterprise.sla.json'), 'utf8')));
const INCIDENTS = readFileSync(path.join(REPO, 'src-shared', 'monitoring', 'fixtures', 'enterprise-october-incidents.csv'));
/** Reasons in Chinese: three-byte characters that a chunk boundary can split. */
const CHINESE_INCIDENTS = Buffer.from(
  'service,start,end,severity,reason\ncore-api,2027-10-12T14:00:00Z,2027-10-12T15:10:00Z,P1,主数据库故障切换\nweb-console,2027-10-20T01:00:00Z,2027-10-20T01:20:00Z,P2,控制台响应缓慢（已修复）\n',
);
const clock = { now: () => '2027-11-01T09:00:00.000Z' };

describe('importing a monitoring file of hostile bytes', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let file: string;

  beforeAll(() => {
    temp = makeTempDir('sla-monitoring-bytes-');
    file = path.join(temp.dir, 'export.csv');
  });
  afterAll(() => temp.remove());

  async function importBytes(bytes: Uint8Array, chunkBytes: number): Promise<MonitoringFileImport> {
    writeFileSync(file, bytes);
    let result: MonitoringFileImport;
    try {
      result = await importMonitoringFile(file, { draft: enterprise, clock, fileName: 'export.csv', chunkBytes });
    } catch (error) {
      throw new Error(`the import rejected ${String(error)} for ${Buffer.from(bytes).toString('hex').slice(0, 120)}`, { cause: error });
    }
    if (!result.ok) {
      expect(result.errors.length + result.omittedErrors).toBeGreaterThan(0);
      for (const error of result.errors) expect(isTranslated(error.key), error.key).toBe(true);
    } else {
      expect(result.summary.fileBytes).toBe(bytes.length);
    }
    return result;
  }

  const flipped = (source: Buffer) =>
    fc.array(fc.tuple(fc.nat({ max: source.length - 1 }), fc.integer({ min: 0x80, max: 0xff })), { minLength: 1, maxLength: 3 }).map((flips) => {
      const copy = Buffer.from(source);
      for (const [at, byte] of flips) copy[at] = byte;
      return copy;
    });

  it('answers random bytes and damaged exports the same way in any chunk size', async () => {
    const bytes = fc.oneof(fc.uint8Array({ maxLength: 300 }), flipped(INCIDENTS), flipped(CHINESE_INCIDENTS));
    await fc.assert(
      fc.asyncProperty(bytes, fc.constantFrom(1, 2, 5, 64), async (content, chunkBytes) => {
        const whole = await importBytes(content, 1 << 20);
        const chunked = await importBytes(content, chunkBytes);
        // A file that is not UTF-8 stops where the first bad byte is met; how many rows came before is only progress.
        const notUtf8 = !whole.ok && whole.errors[0]?.key === 'monitoring.csv.notUtf8';
        expect(notUtf8 ? { ...chunked, rows: whole.rows } : chunked).toEqual(whole);
      }),
      { numRuns: 60 },
    );
  });

  it('reads multi-byte characters split across every chunk boundary', async () => {
    const whole = await importBytes(CHINESE_INCIDENTS, 1 << 20);
    expect(whole.ok).toBe(true);
    for (const chunkBytes of [1, 2, 4, 7]) expect(await importBytes(CHINESE_INCIDENTS, chunkBytes)).toEqual(whole);
  });

  it('refuses text in another encoding as not UTF-8, importing nothing', async () => {
    // "主数据库" in GBK, as a Chinese Excel saves a CSV by default.
    const gbk = Buffer.concat([
      Buffer.from('service,start,end,reason\ncore-api,2027-10-12T14:00:00Z,2027-10-12T15:10:00Z,'),
      Buffer.from([0xd6, 0xf7, 0xca, 0xfd, 0xbe, 0xdd, 0xbf, 0xe2]),
      Buffer.from('\n'),
    ]);
    const result = await importBytes(gbk, 1 << 20);
    expect(!result.ok && result.errors.map((error) => error.key)).toEqual(['monitoring.csv.notUtf8']);
  });
});
