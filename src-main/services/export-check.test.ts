/**
 * A contract changed after SLA Studio wrote it is not imported silently:
 * the draft inside altered with its checksum recomputed, a visible
 * paragraph edited, a footer naming another contract — each is a finding
 * the user sees, while an unchanged export, a re-save that only splits
 * runs and a LibreOffice re-save import clean, and an export of an older
 * SLA Studio (a part of format 1) still imports. The installation's seal
 * says whether the file is an unmodified export of this installation.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { preset } from '../../src-shared/contract/fixtures';
import { contractTerms } from '../../src-shared/model/contract-terms';
import { writeDraftFile } from '../../src-shared/model/file';
import { docxWithDraft } from '../docx/hostile-docx';
import { readDraftPart } from '../docx/draft-part';
import { sha256Hex } from '../sha256';
import { createClauseLibrary } from './clause-library';
import { createContractExportService, type ContractExportRequest } from './contract-export';
import { docxCheckOf, readSealKey, SEAL_KEY_FILE, sealerFor, sealKey } from './export-seal';
import { makeTempDir, steppingClock } from './test-fixtures';

const temp = makeTempDir('sla-contract-check-');
afterAll(() => temp.remove());

const library = createClauseLibrary({ dirs: [join(import.meta.dirname, '..', '..', 'templates')] });
const keyFolder = join(temp.dir, 'installation');

async function exported(request: Partial<ContractExportRequest> = {}): Promise<Uint8Array> {
  const service = createContractExportService({ clauseLibrary: library, clock: steppingClock(), sealer: async () => sealerFor(await sealKey(keyFolder)) });
  const built = await service.build({
    draft: preset('enterprise'),
    language: 'en',
    version: { label: 'v3 — Customer counter-proposal', sha256: 'ab'.repeat(32) },
    ...request,
  });
  return built.bytes;
}

/** What the app's import tells of `bytes`, checked with this test's installation key. */
async function checked(bytes: Uint8Array) {
  const part = await readDraftPart(bytes);
  if (!part.ok) throw new Error(`not imported: ${part.reason}`);
  return { json: part.json, check: docxCheckOf(part.check, await readSealKey(keyFolder)) };
}

async function edited(bytes: Uint8Array, path: string, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file(path, edit(await zip.file(path)!.async('string')));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The forger's edit: the draft inside changed, its checksum (and the record's) recomputed to match. */
function forgeDraft(xml: string, change: (draft: ReturnType<typeof preset>) => void): string {
  const match = /(<draft [^>]*sha256=")([0-9a-f]{64})(">)([^<]*)(<\/draft>)/.exec(xml)!;
  const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const draft = JSON.parse(unescape(match[4]!)) as ReturnType<typeof preset>;
  const oldSha256 = match[2]!;
  change(draft);
  const json = writeDraftFile(draft);
  const sha256 = sha256Hex(json);
  return xml.replace(match[0], `${match[1]}${sha256}${match[3]}${escapeXml(json)}${match[5]}`).replace(oldSha256, sha256);
}

describe('importing a contract checks that it is as SLA Studio wrote it', () => {
  it('imports an unchanged export clean, as an unmodified export of this installation', async () => {
    const { json, check } = await checked(await exported());
    expect(check).toMatchObject({ format: 2, scope: 'contract', findings: [], origin: 'thisInstallation' });
    expect(check.identity).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){3}$/);
    expect(json).toBe(writeDraftFile(contractTerms(preset('enterprise'))));
  });

  it('detects a forged export: the draft inside altered, its checksum recomputed', async () => {
    const forged = await edited(await exported(), 'customXml/item1.xml', (xml) =>
      forgeDraft(xml, (draft) => {
        draft.compensation.monthlyFee = 1;
      }),
    );
    const { json, check } = await checked(forged);
    expect(JSON.parse(json)).toMatchObject({ compensation: { monthlyFee: 1 } });
    expect(check.findings.map((finding) => finding.key)).toEqual(['export.check.draftDiffers']);
    expect(check.origin).toBe('notVerified');
  });

  it('detects an edited visible paragraph and names it by its opening words', async () => {
    const bytes = await exported();
    const changed = await edited(bytes, 'word/document.xml', (xml) => xml.replace('Business Day', 'Calendar Day'));
    const { check } = await checked(changed);
    expect(check.findings).toHaveLength(1);
    expect(check.findings[0]).toMatchObject({ key: 'export.check.textChanged', params: { count: 1 } });
    expect(String(check.findings[0]!.params['paragraphs'])).toMatch(/^“.*Calendar Day|^“.+…”$/);
    expect(check.origin).toBe('notVerified');
  });

  it('detects a footer that prints another identity', async () => {
    const bytes = await exported();
    const identity = (await checked(bytes)).check.identity!;
    const zip = await JSZip.loadAsync(bytes);
    let replaced = false;
    for (const name of Object.keys(zip.files).filter((file) => /^word\/footer\d+\.xml$/.test(file))) {
      const xml = await zip.file(name)!.async('string');
      if (!xml.includes(identity)) continue;
      zip.file(name, xml.replace(identity, '0000 1111 2222 3333'));
      replaced = true;
    }
    expect(replaced).toBe(true);
    const { check } = await checked(await zip.generateAsync({ type: 'uint8array' }));
    expect(check.findings).toEqual([{ key: 'export.check.footerDiffers', params: { identity, printed: '0000 1111 2222 3333' } }]);
  });

  it('takes a re-save that only cuts the text into other runs as unchanged', async () => {
    const bytes = await exported();
    // What an editor does on saving: one run's text split into two runs, a tab and spaces as they were.
    const resaved = await edited(bytes, 'word/document.xml', (xml) =>
      xml.replace(/<w:r>(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:t xml:space="preserve">([^<]{12,})<\/w:t><\/w:r>/, (_all, props = '', text: string) => {
        const half = Math.floor(text.length / 2);
        return `<w:r>${props}<w:t xml:space="preserve">${text.slice(0, half)}</w:t></w:r><w:r>${props}<w:t xml:space="preserve">${text.slice(half)}</w:t></w:r>`;
      }),
    );
    expect(resaved).not.toEqual(bytes);
    expect((await checked(resaved)).check.findings).toEqual([]);
  });

  it('still imports a part of format 1 (an older SLA Studio), unchecked', async () => {
    const json = writeDraftFile(preset('china-hosted'));
    const { json: imported, check } = await checked(await docxWithDraft(json));
    expect(imported).toBe(json);
    expect(check).toEqual({ format: 1, scope: 'whole', identity: null, findings: [], origin: 'notVerified' });
  });

  it('says "not verified" for an unchanged export sealed by another installation', async () => {
    const otherFolder = join(temp.dir, 'elsewhere');
    const service = createContractExportService({ clauseLibrary: library, clock: steppingClock(), sealer: async () => sealerFor(await sealKey(otherFolder)) });
    const { bytes } = await service.build({ draft: preset('enterprise'), language: 'zh-CN' });
    expect((await checked(bytes)).check).toMatchObject({ findings: [], origin: 'notVerified' });
  });

  it('creates the key once, 32 bytes readable by its owner only, outside the export', async () => {
    const folder = join(temp.dir, 'new-installation');
    const [first, second] = await Promise.all([sealKey(folder), sealKey(folder)]);
    expect(first).toEqual(second);
    expect(first.byteLength).toBe(32);
    if (process.platform !== 'win32') expect(statSync(join(folder, SEAL_KEY_FILE)).mode & 0o777).toBe(0o600);
    const zip = await JSZip.loadAsync(await exported());
    const contents = await Promise.all(Object.values(zip.files).map((file) => file.async('nodebuffer')));
    const key = (await readSealKey(keyFolder))!;
    for (const content of contents) {
      expect(content.includes(key)).toBe(false);
      expect(content.includes(key.toString('hex'))).toBe(false);
      expect(content.includes(key.toString('base64'))).toBe(false);
    }
  });
});

const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/Applications/LibreOffice.app/Contents/MacOS/soffice'].find((path) => existsSync(path));

describe('a LibreOffice re-save', () => {
  it.skipIf(!soffice)(
    soffice ? 'of an unchanged export imports clean, LibreOffice keeping the draft part' : 'skipped: soffice (LibreOffice) not installed',
    async () => {
      const folder = mkdtempSync(join(tmpdir(), 'sla-lo-resave-'));
      try {
        for (const language of ['en', 'bilingual'] as const) {
          const source = join(folder, `in-${language}`, 'contract.docx');
          const outDir = join(folder, `out-${language}`);
          execFileSync('mkdir', ['-p', join(folder, `in-${language}`)]);
          writeFileSync(source, await exported({ language }));
          execFileSync(soffice!, [`-env:UserInstallation=file://${folder}/profile`, '--headless', '--convert-to', 'docx', '--outdir', outDir, source], {
            stdio: 'ignore',
            timeout: 120_000,
          });
          const resaved = readFileSync(join(outDir, 'contract.docx'));
          expect(resaved.equals(readFileSync(source))).toBe(false);
          const { json, check } = await checked(resaved);
          expect(json).toBe(writeDraftFile(contractTerms(preset('enterprise'))));
          expect(check, language).toMatchObject({ format: 2, findings: [], origin: 'thisInstallation' });
        }
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
    240_000,
  );
});
