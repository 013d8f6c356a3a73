/**
 * Every export must open in Word without a repair prompt: each preset in
 * each language is checked by ../shared/tools/validate-docx (the ISO/IEC
 * 29500 transitional schemas plus the rules Word enforces beyond them).
 * The validator needs Debian's python3-lxml; without it the test is
 * skipped, saying why — except in CI, where it fails.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleBilingual, assembleContract } from '../../src-shared/contract/assemble';
import { presets, standardTemplate } from '../../src-shared/contract/fixtures';
import { blankDraft } from '../../src-shared/model/defaults';
import { writeDraftFile, writeIncompleteDraftFile } from '../../src-shared/model/file';
import { localized } from '../../src-shared/model/localized';
import { renderContractDocx, EXPORT_LANGUAGES } from './contract-docx';

const PYTHON = '/usr/bin/python3';
const VALIDATOR = resolve(process.cwd(), '../shared/tools/validate-docx');

function hasLxml(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import lxml.etree'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const missing = !existsSync(VALIDATOR) ? '../shared/tools/validate-docx not found' : !hasLxml() ? `python3-lxml not installed for ${PYTHON}` : null;
// CI has both (.ci/run installs python3-lxml): there a missing validator is a failure, not a skip.
const skipReason = missing !== null && !process.env.CI ? `skipped outside CI: ${missing}` : null;

describe('validity', () => {
  it.skipIf(skipReason !== null)(
    skipReason ?? 'every preset in every language, text with markup and control characters, and a watermarked draft export pass validate-docx',
    async () => {
      if (missing !== null) throw new Error(`${missing}: CI must be able to validate every .docx`);
      const template = standardTemplate();
      const folder = mkdtempSync(join(tmpdir(), 'sla-docx-valid-'));
      try {
        const files: string[] = [];
        for (const { name, draft } of presets()) {
          const draftJson = writeDraftFile(draft);
          const version = { versionLabel: 'v2 — agreed', identity: 'fedc ba98 7654 3210' };
          for (const language of EXPORT_LANGUAGES) {
            let bytes: Uint8Array;
            if (language === 'bilingual') {
              const pair = assembleBilingual(draft, template, version);
              bytes = await renderContractDocx({ language, en: pair.en, zh: pair.zh }, { draftJson });
            } else {
              bytes = await renderContractDocx({ language, doc: assembleContract(draft, template, language).doc }, { draftJson });
            }
            const file = join(folder, `${name}-${language}.docx`);
            writeFileSync(file, bytes);
            files.push(file);
          }
        }
        // Text as users paste it: markup characters, a vertical tab and a bell from another program, tabs and line breaks.
        const awkward = presets()[0]!.draft;
        awkward.title = localized('A & B <Ltd> "Platform" SLA \u000b\u0007\uffff 云平台', '甲 & 乙 <有限公司> "云平台" 服务等级协议 \u000b\u0007\uffff');
        awkward.parties.provider.legalName = 'Smith & Jones <UK> Ltd';
        awkward.services[0]!.metrics[0]!.measurementMethod = localized('Line one\n\tLine two & <three>', '第一行\n\t第二行 & <第三行>');
        const pair = assembleBilingual(awkward, template, {});
        const file = join(folder, 'awkward-bilingual.docx');
        writeFileSync(file, await renderContractDocx({ language: 'bilingual', en: pair.en, zh: pair.zh }, { draftJson: writeDraftFile(awkward) }));
        files.push(file);
        // A draft export of a blank draft: the notice and Word's watermark shape in every header, the blanks highlighted.
        for (const locale of ['en', 'zh-CN'] as const) {
          const blank = blankDraft({ title: 'Pilot SLA', effectiveDate: '2026-12-01', locale });
          const blankPair = assembleBilingual(blank, template, {});
          const draftFile = join(folder, `blank-draft-${locale}.docx`);
          const source = locale === 'en' ? { language: 'bilingual' as const, en: blankPair.en, zh: blankPair.zh } : { language: locale, doc: blankPair.zh };
          writeFileSync(draftFile, await renderContractDocx(source, { draftJson: writeIncompleteDraftFile(blank), draft: true }));
          files.push(draftFile);
        }
        expect(files).toHaveLength(12);
        const output = await new Promise<{ code: number; stdout: string }>((done) => {
          execFile(PYTHON, [VALIDATOR, ...files], (error, stdout) => done({ code: error ? Number(error.code ?? 1) : 0, stdout }));
        });
        expect(output.stdout.trim()).toBe('12 file(s) checked, 0 problem(s)');
        expect(output.code).toBe(0);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  );
});
