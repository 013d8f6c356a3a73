/**
 * Files from elsewhere, named on the command line: a device that never ends,
 * text in another encoding, a name that would forge a line of output, and an
 * --out that leads back to the input through a link. Each gets one clear
 * line and exit 1 or 2 — never a crash, and never a write over the input.
 */
import { existsSync, linkSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDraftFile } from '../../src-shared/model/file';
import { localized } from '../../src-shared/model/localized';
import { slowBomb } from '../docx/hostile-docx';
import { englishDraft, makeTempDir } from '../services/test-fixtures';
import { printable } from './output';
import { sla } from './spawn-for-tests';

let temp: ReturnType<typeof makeTempDir>;
const file = (name: string) => join(temp.dir, name);

beforeAll(() => {
  temp = makeTempDir('sla-cli-hostile-');
  writeFileSync(file('valid.sla.json'), writeDraftFile(englishDraft()));
  // A title typed in Latin-1: "Société" with é as the single byte 0xE9.
  const latin1 = writeDraftFile(englishDraft()).replace('Acme CRM Service Level Agreement', 'Soci\u00e9t\u00e9 SLA');
  writeFileSync(file('latin1.sla.json'), Buffer.from(latin1, 'latin1'));
  // An unknown field whose name carries a newline and the line it wants printed.
  const forged = { ...(JSON.parse(writeDraftFile(englishDraft())) as Record<string, unknown>), [`x\n${file('valid.sla.json')}: valid SLA draft.`]: 1 };
  writeFileSync(file('forged.sla.json'), JSON.stringify(forged));
  // A title with a right-to-left override ("Acme exe.jpg" on screen), and an unknown field named with one.
  const bidi = {
    ...(JSON.parse(writeDraftFile({ ...englishDraft(), title: localized('Acme \u202egpj.exe') })) as Record<string, unknown>),
    '\u202egpj.exe': 1,
  };
  writeFileSync(file('bidi.sla.json'), JSON.stringify(bidi));
  symlinkSync(file('valid.sla.json'), file('link-to-input.docx'));
  linkSync(file('valid.sla.json'), file('hard-link-to-input.docx'));
});
afterAll(() => temp.remove());

describe('the command line with hostile input', () => {
  it('refuses a device that never ends with one line, without reading it all', async () => {
    const [zero, random] = await Promise.all([sla(['validate', '/dev/zero']), sla(['import', '/dev/urandom', '--out', file('out.sla.json')])]);
    expect(zero).toEqual({ code: 1, stdout: ['(file): The file is larger than 2000000 characters; an SLA file is never that large.'], stderr: '' });
    expect(random.code).toBe(1);
    expect(random.stdout).toEqual(['(file): The file is larger than 50 MB; a contract exported by SLA Studio is never that large.']);
  });

  it('refuses a zip bomb .docx with one line, writing nothing', async () => {
    writeFileSync(file('bomb.docx'), await slowBomb(writeDraftFile(englishDraft()), 1_000));
    const run = await sla(['import', file('bomb.docx'), '--out', file('bomb.sla.json')]);
    expect(run).toEqual({
      code: 1,
      stdout: [
        `(file): ${file('bomb.docx')} is too large or damaged: unpacked, it holds more than a contract exported by SLA Studio ever does, or parts that cannot be unpacked. Nothing was imported.`,
      ],
      stderr: '',
    });
    expect(existsSync(file('bomb.sla.json'))).toBe(false);
  });

  it('refuses a draft file that is not UTF-8 instead of reading it with replacement characters', async () => {
    const run = await sla(['validate', file('latin1.sla.json')]);
    expect(run).toEqual({
      code: 1,
      stdout: ['(file): The file is not UTF-8 text (it looks like another encoding, such as Latin-1 or GBK); save it as UTF-8 and try again.'],
      stderr: '',
    });
  });

  it('prints a field name with a newline as one escaped line, so a file cannot forge "valid SLA draft."', async () => {
    const run = await sla(['validate', file('forged.sla.json')]);
    expect(run.code).toBe(1);
    expect(run.stdout.some((line) => line.startsWith(`${file('valid.sla.json')}: valid`))).toBe(false);
    expect(run.stdout.some((line) => line.includes('x\\u000a'))).toBe(true);
  });

  it('refuses a right-to-left override in a compared draft, naming it, and prints it as an escape, not as reversed text', async () => {
    const run = await sla(['compare', file('valid.sla.json'), file('bidi.sla.json')]);
    expect(run.code).toBe(1);
    const text = run.stdout.join('\n');
    expect(text).not.toContain('\u202e');
    expect(text).toContain('Agreement title (English): Contains the invisible character U+202E at position 6');
    expect(text).toContain('Unknown field "\\u202egpj.exe"');
  });

  it('refuses an --out that is a symbolic or hard link to the input', async () => {
    const before = readFileSync(file('valid.sla.json'));
    const runs = await Promise.all([
      sla(['export', file('valid.sla.json'), '--out', file('link-to-input.docx')]),
      sla(['export', file('valid.sla.json'), '--out', file('hard-link-to-input.docx')]),
    ]);
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^--out names the input file/);
    }
    expect(readFileSync(file('valid.sla.json'))).toEqual(before);
  });
});

describe('printable', () => {
  it('escapes controls, bidirectional overrides, invisible marks and lone surrogates, and nothing else', () => {
    expect(printable('a\nb\rc\u0000d\u001be\u007f')).toBe('a\\u000ab\\u000dc\\u0000d\\u001be\\u007f');
    expect(printable('\u202e\u2066\u200b\ufeff\u0085')).toBe('\\u202e\\u2066\\u200b\\ufeff\\u0085');
    expect(printable('bad \ud800 pair')).toBe('bad \\ud800 pair');
    expect(printable('服务提供方 99.95\u00a0% — “ok” 😀')).toBe('服务提供方 99.95\u00a0% — “ok” 😀');
  });
});
