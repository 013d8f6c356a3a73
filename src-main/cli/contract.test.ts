/**
 * `sla export` and `sla import`, spawned as a user runs them: the contract
 * is written and its terms come back out of it (the whole draft byte for
 * byte from an internal copy); a contract changed after it was written is
 * imported with each finding on stderr and exit 3; invalid input exits 1
 * with `field: message` lines and writes nothing; usage mistakes exit 2
 * with the usage; never a stack trace.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { contractTerms } from '../../src-shared/model/contract-terms';
import { blankDraft } from '../../src-shared/model/defaults';
import { readDraftFile, writeDraftFile } from '../../src-shared/model/file';
import { localized } from '../../src-shared/model/localized';
import { readDraftPart } from '../docx/draft-part';
import { sha256Hex } from '../sha256';
import { openPackage, wordText } from '../docx/test-package';
import { englishDraft, makeTempDir } from '../services/test-fixtures';
import { sla } from './spawn-for-tests';

const PRESETS = join(process.cwd(), 'templates', 'presets');
let temp: ReturnType<typeof makeTempDir>;
const file = (name: string) => join(temp.dir, name);

function readDraftFileOrThrow(text: string) {
  const read = readDraftFile(text);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.draft;
}

beforeAll(async () => {
  temp = makeTempDir('sla-cli-contract-');
  // A valid draft may still leave a value empty that the contract needs: the P1 description.
  const blankDescription = englishDraft();
  blankDescription.targets.severities[0]!.description = localized('');
  writeFileSync(file('blank-description.sla.json'), writeDraftFile(blankDescription));
  const invalid = JSON.parse(writeDraftFile(englishDraft())) as Record<string, unknown>;
  invalid.termMonths = 'twelve';
  writeFileSync(file('invalid.sla.json'), JSON.stringify(invalid));
  // The blank draft of the app's New draft: the parties still to fill in.
  writeFileSync(file('blank-draft.sla.json'), writeDraftFile(blankDraft({ title: 'Pilot SLA', effectiveDate: '2026-12-01' })));
  writeFileSync(file('blank-draft-zh.sla.json'), writeDraftFile(blankDraft({ title: '试点服务水平协议', effectiveDate: '2026-12-01', locale: 'zh-CN' })));
  writeFileSync(file('not-ours.docx'), await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Some other contract.')] }] })));
});
afterAll(() => temp.remove());

describe('sla export / import (spawned)', () => {
  it('exports a preset bilingually as an internal copy and imports the exact draft back', async () => {
    const source = join(PRESETS, 'enterprise.sla.json');
    const exported = await sla(['export', source, '--out', file('enterprise.docx'), '--lang', 'bilingual', '--internal']);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toBe('');
    const bytes = readFileSync(file('enterprise.docx'));
    expect(exported.stdout).toEqual([
      `${file('enterprise.docx')}: contract written (English and Chinese, ${bytes.byteLength} bytes, SHA-256 ${sha256Hex(bytes)}).`,
    ]);

    const imported = await sla(['import', file('enterprise.docx'), '--out', file('enterprise.sla.json')]);
    expect(imported).toEqual({ code: 0, stdout: [`${file('enterprise.sla.json')}: draft recovered from ${file('enterprise.docx')}.`], stderr: '' });
    expect(readFileSync(file('enterprise.sla.json'))).toEqual(readFileSync(source));
  });

  it('exports the contract terms by default, and imports them back as a valid draft without the negotiation', async () => {
    const source = join(PRESETS, 'enterprise.sla.json');
    expect((await sla(['export', source, '--out', file('terms.docx'), '--lang', 'en'])).code).toBe(0);
    const imported = await sla(['import', file('terms.docx'), '--out', file('terms.sla.json')]);
    expect(imported).toEqual({ code: 0, stdout: [`${file('terms.sla.json')}: draft recovered from ${file('terms.docx')}.`], stderr: '' });
    const original = readDraftFile(readFileSync(source, 'utf8'));
    const terms = readDraftFile(readFileSync(file('terms.sla.json'), 'utf8'));
    expect(original.ok && terms.ok).toBe(true);
    if (original.ok && terms.ok) expect(terms.draft).toEqual(contractTerms(original.draft));
  });

  it('imports a contract whose text was edited after export, printing the finding and exiting 3', async () => {
    const source = join(PRESETS, 'standard-saas.sla.json');
    expect((await sla(['export', source, '--out', file('sent.docx'), '--lang', 'en'])).code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(file('sent.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    zip.file('word/document.xml', xml.replace('Business Day', 'Calendar Day'));
    writeFileSync(file('returned.docx'), await zip.generateAsync({ type: 'uint8array' }));
    const run = await sla(['import', file('returned.docx'), '--out', file('returned.sla.json')]);
    expect(run.code).toBe(3);
    expect(run.stdout).toEqual([
      `${file('returned.sla.json')}: draft recovered from ${file('returned.docx')}, but the file was changed after SLA Studio wrote it (see above).`,
    ]);
    expect(run.stderr).toBe(
      `${file('returned.docx')}: This file was changed after SLA Studio wrote it: the text of the contract differs from the draft inside it ` +
        '(paragraph starting ““Calendar Day” means a day on which…”). The draft was imported as SLA Studio wrote it, without that edit.\n',
    );
    expect(readFileSync(file('returned.sla.json'), 'utf8')).toBe(writeDraftFile(contractTerms(readDraftFileOrThrow(readFileSync(source, 'utf8')))));
  });

  it('writes the contract in the language that prevails in the draft when --lang is not given', async () => {
    const run = await sla(['export', join(PRESETS, 'china-hosted.sla.json'), '--out', file('china.docx')], { LANG: 'zh_CN.UTF-8' });
    expect(run.code).toBe(0);
    expect(run.stdout[0]).toMatch(/：合同已写入（中文，\d+ 字节，SHA-256 [0-9a-f]{64}）。$/);
    const pkg = await openPackage(readFileSync(file('china.docx')));
    expect(wordText(await pkg.xml('word/document.xml'))).toContain('服务水平与计量');
  });

  it('exports a draft with an empty field, marking the blank and naming the field', async () => {
    const run = await sla(['export', file('blank-description.sla.json'), '--out', file('blank.docx'), '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('Severity 1 “P1” › Description: left blank ([●]) in the contract (support.times).\n');
    const bytes = readFileSync(file('blank.docx'));
    expect(wordText(await (await openPackage(bytes)).xml('word/document.xml'))).toContain('[●]');
    expect(await readDraftPart(bytes)).toMatchObject({
      ok: true,
      json: writeDraftFile(contractTerms(readDraftFileOrThrow(readFileSync(file('blank-description.sla.json'), 'utf8')))),
    });
  });

  it('exports a draft with blanks only with --draft: watermarked, what it lacks on stderr; import takes it back and says the same', async () => {
    // Both spawned at once: each loads the Word library, slow on a busy machine.
    const [refused, run] = await Promise.all([
      sla(['export', file('blank-draft.sla.json'), '--out', file('refused.docx')]),
      sla(['export', file('blank-draft.sla.json'), '--out', file('blank-draft.docx'), '--lang', 'bilingual', '--draft']),
    ]);
    expect(refused).toEqual({ code: 1, stdout: ['Provider › Legal name: Required.', 'Customer › Legal name: Required.'], stderr: '' });
    expect(existsSync(file('refused.docx'))).toBe(false);

    expect(run.code).toBe(0);
    expect(run.stdout[0]).toMatch(/: draft written, not for signature \(English and Chinese, \d+ bytes, SHA-256 [0-9a-f]{64}\)\.$/);
    const lacking = ['incomplete: Provider › Legal name: Required.', 'incomplete: Customer › Legal name: Required.'];
    expect(run.stderr.split('\n').slice(0, 2)).toEqual(lacking);
    expect(run.stderr).toContain('Provider › Legal name: left blank ([●]) in the contract (cover page).');
    const pkg = await openPackage(readFileSync(file('blank-draft.docx')));
    const headers = pkg.names.filter((name) => /^word\/header\d+\.xml$/.test(name));
    expect(headers).toHaveLength(2);
    for (const name of headers) {
      expect(wordText(await pkg.xml(name))).toMatch(/^Draft — not for signature \/ 草稿——不得用于签署/);
      expect(await pkg.text(name)).toContain('string="DRAFT 草稿"');
    }

    const imported = await sla(['import', file('blank-draft.docx'), '--out', file('blank-draft-back.sla.json')]);
    expect(imported).toEqual({
      code: 0,
      stdout: [`${file('blank-draft-back.sla.json')}: draft recovered from ${file('blank-draft.docx')}.`],
      stderr: `${lacking.join('\n')}\n`,
    });
    expect(readFileSync(file('blank-draft-back.sla.json'), 'utf8')).toContain('"incompleteDraft": true');
  });

  it('exports a Chinese draft with blanks with --draft: the notice and the watermark in Chinese', async () => {
    const chinese = await sla(['export', file('blank-draft-zh.sla.json'), '--out', file('blank-draft-zh.docx'), '--draft'], { LANG: 'zh_CN.UTF-8' });
    expect(chinese.code).toBe(0);
    expect(chinese.stdout[0]).toMatch(/：草稿已写入，不得用于签署（中文，\d+ 字节/);
    expect(chinese.stderr.split('\n')[0]).toBe('尚未完成：服务提供方›法定名称：必填。');
    const zh = await openPackage(readFileSync(file('blank-draft-zh.docx')));
    for (const name of zh.names.filter((entry) => /^word\/header\d+\.xml$/.test(entry))) {
      expect(wordText(await zh.xml(name))).toMatch(/^草稿——不得用于签署/);
      expect(await zh.text(name)).toContain('string="草稿"');
    }
  });

  it('exits 1 with one "field: message" line per problem and writes nothing', async () => {
    const [invalid, notOurs, notDocx, missing] = await Promise.all([
      sla(['export', file('invalid.sla.json'), '--out', file('invalid.docx')]),
      sla(['import', file('not-ours.docx'), '--out', file('not-ours.sla.json')]),
      sla(['import', join(PRESETS, 'standard-saas.sla.json'), '--out', file('x.sla.json')], { LANG: 'zh_CN.UTF-8' }),
      sla(['import', file('missing.docx'), '--out', file('y.sla.json')]),
    ]);
    expect(invalid).toEqual({ code: 1, stdout: ['Term: Must be a number.'], stderr: '' });
    expect(notOurs).toEqual({
      code: 1,
      stdout: [`(file): ${file('not-ours.docx')} carries no SLA Studio draft; only contracts exported by SLA Studio can be imported.`],
      stderr: '',
    });
    expect(notDocx).toEqual({ code: 1, stdout: [`(file): 该文件不是 Word 文档（.docx）：${join(PRESETS, 'standard-saas.sla.json')}`], stderr: '' });
    expect(missing).toEqual({ code: 1, stdout: [`(file): The file does not exist: ${file('missing.docx')}`], stderr: '' });
    for (const out of ['invalid.docx', 'not-ours.sla.json', 'x.sla.json', 'y.sla.json']) expect(existsSync(file(out)), out).toBe(false);
  });

  it('exports the amendment instrument against a signed draft with --amends, and refuses a draft that changes nothing or a date that is none', async () => {
    const signed = join(PRESETS, 'standard-saas.sla.json');
    const amended = readDraftFileOrThrow(readFileSync(signed, 'utf8'));
    amended.targets.objectives[0]!.objective = 99.95;
    writeFileSync(file('amended.sla.json'), writeDraftFile(amended));
    const out = file('amendment.docx');
    const written = await sla([
      'export',
      file('amended.sla.json'),
      '--amends',
      signed,
      '--signed-on',
      '2026-11-20',
      '--amendment',
      '2',
      '--out',
      out,
      '--lang',
      'en',
    ]);
    const bytes = readFileSync(out);
    expect(written).toEqual({
      code: 0,
      stdout: [`${out}: amendment instrument written (English, ${bytes.byteLength} bytes, SHA-256 ${sha256Hex(bytes)}).`],
      stderr: '',
    });
    const text = wordText(await (await openPackage(bytes)).xml('word/document.xml'));
    expect(text).toContain('Amendment No. 2 to the Service Level Agreement');
    expect(text).toContain('which, as last amended and signed on 20 November 2026, is referred to in this Amendment as the “Agreement”');
    expect(text).toMatch(/Clause \d+\.\d+ \(Service Levels\) is deleted and replaced with the following:/);
    expect(text).not.toContain('To receive a Service Credit');

    const same = await sla(['export', signed, '--amends', signed, '--signed-on', '2026-11-20', '--out', file('nothing.docx')]);
    expect(same).toEqual({
      code: 1,
      stdout: [`${signed} makes the same contract as ${signed}: there is no clause to amend, and nothing was written.`],
      stderr: '',
    });
    expect(existsSync(file('nothing.docx'))).toBe(false);

    const [noDate, badDate, noAmends] = await Promise.all([
      sla(['export', file('amended.sla.json'), '--amends', signed, '--out', file('x.docx')]),
      sla(['export', file('amended.sla.json'), '--amends', signed, '--signed-on', '2026-02-30', '--out', file('x.docx')]),
      sla(['export', file('amended.sla.json'), '--signed-on', '2026-11-20', '--out', file('x.docx')]),
    ]);
    for (const run of [noDate, badDate, noAmends]) expect(run!.code).toBe(2);
    expect(noDate!.stderr).toMatch(/^--amends needs --signed-on YYYY-MM-DD/);
    expect(badDate!.stderr).toMatch(/^"2026-02-30" is not a date/);
    expect(noAmends!.stderr).toMatch(/^--signed-on and --amendment go with --amends/);
    expect(existsSync(file('x.docx'))).toBe(false);
  });

  it('exits 2 with the usage for a missing --out or FILE, a contract language it does not know, or --out naming the input', async () => {
    const source = join(PRESETS, 'standard-saas.sla.json');
    const runs = await Promise.all([
      sla(['export', source]),
      sla(['export', '--out', file('a.docx')]),
      sla(['export', source, '--out', file('a.docx'), '--lang', 'fr']),
      sla(['import', file('a.docx'), '--out', file('a.docx')]),
      sla(['validate', source, '--out', file('a.txt')]),
      sla(['import', file('a.docx'), '--out', file('b.sla.json'), '--lang', 'bilingual']),
    ]);
    const [noOut, noFile, badLang, sameFile, validateOut, importBilingual] = runs;
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stdout).toEqual([]);
      expect(run.stderr).toContain('Usage: npm run sla -- <command> [options]');
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect(noOut!.stderr).toMatch(/^export needs --out FILE: the file to write\./);
    expect(noFile!.stderr).toMatch(/^export needs the FILE \(\*\.sla\.json\) to export\./);
    expect(badLang!.stderr).toMatch(/^--lang must be en, zh-CN or bilingual, not "fr"\./);
    expect(sameFile!.stderr).toMatch(/^--out names the input file/);
    expect(validateOut!.stderr).toMatch(/^Unknown option "--out"\./);
    expect(importBilingual!.stderr).toMatch(/^--lang must be en or zh-CN, not "bilingual"\./);
    expect(existsSync(file('a.docx'))).toBe(false);
  });
});
