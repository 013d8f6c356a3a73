/**
 * `sla compare` and `sla redline`, spawned as a user runs them: compare
 * prints the field-level changes by step in the user's language (or as
 * JSON) and exits 0 even with changes; redline writes a .docx whose
 * accepted changes are exactly what `sla export NEW` writes and whose
 * rejected changes are what `sla export OLD` writes; invalid input exits 1
 * with `file: path: message` lines and writes nothing; usage mistakes exit
 * 2 with the usage; never a stack trace.
 */
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preset } from '../../src-shared/contract/fixtures';
import { writeDraftFile } from '../../src-shared/model/file';
import type { SlaDraft } from '../../src-shared/model/schema';
import { sha256Hex } from '../sha256';
import { openPackage } from '../docx/test-package';
import { resolveRevisions, trackedChanges } from '../docx/test-revisions';
import { makeTempDir } from '../services/test-fixtures';
import { sla } from './spawn-for-tests';

/** Each test spawns the CLI: generous on a busy machine. */
const SPAWN_TIMEOUT = 120_000;

let temp: ReturnType<typeof makeTempDir>;
const file = (name: string) => join(temp.dir, name);

/** The customer's counter-proposal to the standard preset: a higher target, a new credit tier, PIPL (three clauses: mainland personal information, entrusted processing, its supervision), a longer claim window. */
function counterProposal(): SlaDraft {
  const draft = preset('standard-saas');
  draft.targets.objectives[0]!.objective = 99.95;
  draft.compensation.creditTiers.push({ id: 'tier-availability-4', metricId: 'platform-availability', threshold: 90, creditPercent: 50 });
  draft.compliance.dataProtection.push('PIPL');
  draft.compensation.claimWindowDays = 45;
  return draft;
}

const NEW_SAVED_AT = new Date('2026-04-01T08:30:00Z');

beforeAll(() => {
  temp = makeTempDir('sla-cli-negotiation-');
  writeFileSync(file('v1.sla.json'), writeDraftFile(preset('standard-saas')));
  writeFileSync(file('v2.sla.json'), writeDraftFile(counterProposal()));
  utimesSync(file('v2.sla.json'), NEW_SAVED_AT, NEW_SAVED_AT);
  const invalid = JSON.parse(writeDraftFile(counterProposal())) as { compensation: Record<string, unknown> };
  invalid.compensation.claimWindowDays = 'thirty';
  writeFileSync(file('invalid.sla.json'), JSON.stringify(invalid));
});
afterAll(() => temp.remove());

describe('sla compare (spawned)', () => {
  it(
    'prints the changes under their wizard step, one line each, and exits 0',
    async () => {
      const [english, chinese] = await Promise.all([
        sla(['compare', file('v1.sla.json'), file('v2.sla.json')]),
        sla(['compare', file('v1.sla.json'), file('v2.sla.json'), '--lang', 'zh-CN']),
      ]);
      expect(english.code).toBe(0);
      expect(english.stderr).toBe('');
      // Figures and their units are joined by a no-break space, as the wizard shows them.
      expect(english.stdout).toEqual([
        'Targets',
        '  Availability target (Brightledger Platform): 99.9\u00a0% → 99.95\u00a0%',
        'Compensation',
        '  Added credit tier for Brightledger Platform — Availability: less than 90\u00a0%, credit of 50\u00a0%',
        '  Claim within: 30 days → 45 days',
        'Compliance',
        '  Added data protection law: PIPL (China)',
      ]);
      expect(chinese.code).toBe(0);
      expect(chinese.stdout[0]).toBe('服务目标');
      // The service is named in the draft's own Chinese text.
      expect(chinese.stdout[1]).toBe('  可用性目标（Brightledger财务运营平台）：99.9% → 99.95%');
      expect(chinese.stdout).toHaveLength(english.stdout.length);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'prints an array of {step, kind, path, label, old, new} with --json',
    async () => {
      const run = await sla(['compare', file('v1.sla.json'), file('v2.sla.json'), '--json']);
      expect(run.code).toBe(0);
      const changes = JSON.parse(run.stdout.join('\n')) as unknown[];
      expect(changes).toHaveLength(4);
      expect(changes[0]).toEqual({
        step: 'targets',
        kind: 'changed',
        path: 'targets.objectives[0].objective',
        label: 'Availability target (Brightledger Platform)',
        old: '99.9\u00a0%',
        new: '99.95\u00a0%',
      });
      expect(changes[1]).toMatchObject({ step: 'compensation', kind: 'added', path: 'compensation.creditTiers[3]', old: null, new: null });
    },
    SPAWN_TIMEOUT,
  );

  it(
    'says so when nothing changed, and prints [] with --json',
    async () => {
      const [text, json] = await Promise.all([
        sla(['compare', file('v1.sla.json'), file('v1.sla.json')]),
        sla(['compare', file('v1.sla.json'), file('v1.sla.json'), '--json']),
      ]);
      expect(text).toEqual({ code: 0, stdout: [`No changes from ${file('v1.sla.json')} to ${file('v1.sla.json')}.`], stderr: '' });
      expect(json).toEqual({ code: 0, stdout: ['[]'], stderr: '' });
    },
    SPAWN_TIMEOUT,
  );

  it(
    'exits 1 with a line per problem, naming the file, for invalid or missing files',
    async () => {
      const run = await sla(['compare', file('invalid.sla.json'), file('missing.sla.json')]);
      expect(run).toEqual({
        code: 1,
        stdout: [`${file('invalid.sla.json')}: Claim within: Must be a number.`, `(file): The file does not exist: ${file('missing.sla.json')}`],
        stderr: '',
      });
    },
    SPAWN_TIMEOUT,
  );
});

describe('sla redline (spawned)', () => {
  it(
    'writes tracked changes that accept to `export NEW` and reject to `export OLD`, by the provider, at NEW’s time',
    async () => {
      const [redline, exportNew, exportOld] = await Promise.all([
        sla(['redline', file('v1.sla.json'), file('v2.sla.json'), '--out', file('v1-v2.docx')]),
        sla(['export', file('v2.sla.json'), '--out', file('v2.docx'), '--lang', 'en']),
        sla(['export', file('v1.sla.json'), '--out', file('v1.docx'), '--lang', 'en']),
      ]);
      expect(redline.code).toBe(0);
      expect(redline.stderr).toBe('');
      const bytes = readFileSync(file('v1-v2.docx'));
      expect(redline.stdout).toHaveLength(1);
      expect(redline.stdout[0]).toMatch(
        new RegExp(
          `^${escape(file('v1-v2.docx'))}: redline written \\(English; tracked changes: \\d+; clauses added: 3, removed: 0, changed: \\d+; ${bytes.byteLength} bytes, SHA-256 ${sha256Hex(bytes)}\\)\\.$`,
        ),
      );
      expect(exportNew.code).toBe(0);
      expect(exportOld.code).toBe(0);

      const document = await (await openPackage(bytes)).xml('word/document.xml');
      const paragraphsOf = async (path: string) => resolveRevisions(await (await openPackage(readFileSync(path))).xml('word/document.xml'), 'accept');
      expect(resolveRevisions(document, 'accept')).toEqual(await paragraphsOf(file('v2.docx')));
      expect(resolveRevisions(document, 'reject')).toEqual(await paragraphsOf(file('v1.docx')));
      const changes = trackedChanges(document);
      expect(changes.length).toBeGreaterThan(5);
      for (const change of changes) expect(change.attrs).toMatchObject({ 'w:author': 'Brightledger Software Ltd', 'w:date': '2026-04-01T08:30:00Z' });
    },
    SPAWN_TIMEOUT,
  );

  it(
    'takes the contract language and the author from the command line',
    async () => {
      const run = await sla(
        ['redline', file('v1.sla.json'), file('v2.sla.json'), '--out', file('zh.docx'), '--lang', 'zh-CN', '--author', 'Harbourside Legal'],
        { LANG: 'zh_CN.UTF-8' },
      );
      expect(run.code).toBe(0);
      expect(run.stdout[0]).toMatch(/：修订稿已写入（中文；修订 \d+ 处；条款新增 3 条、删除 0 条、修改 \d+ 条；\d+ 字节，SHA-256 [0-9a-f]{64}）。$/);
      const document = await (await openPackage(readFileSync(file('zh.docx')))).xml('word/document.xml');
      expect(
        resolveRevisions(document, 'accept')
          .map((paragraph) => paragraph.text)
          .join('\n'),
      ).toMatch(/不低于\s?99\.95%/u);
      expect(new Set(trackedChanges(document).map((change) => change.attrs['w:author']))).toEqual(new Set(['Harbourside Legal']));
    },
    SPAWN_TIMEOUT,
  );

  it(
    'exits 1 and writes nothing when a draft is invalid',
    async () => {
      const run = await sla(['redline', file('v1.sla.json'), file('invalid.sla.json'), '--out', file('bad.docx')]);
      expect(run).toEqual({ code: 1, stdout: [`${file('invalid.sla.json')}: Claim within: Must be a number.`], stderr: '' });
      expect(existsSync(file('bad.docx'))).toBe(false);
    },
    SPAWN_TIMEOUT,
  );
});

describe('compare and redline usage (spawned)', () => {
  it(
    'exits 2 with the usage for a missing file or --out, options of the other command, a language it does not know, or --out naming an input',
    async () => {
      const runs = await Promise.all([
        sla(['compare', file('v1.sla.json')]),
        sla(['redline', file('v1.sla.json'), file('v2.sla.json')]),
        sla(['compare', file('v1.sla.json'), file('v2.sla.json'), '--out', file('c.docx')]),
        sla(['redline', file('v1.sla.json'), file('v2.sla.json'), '--out', file('c.docx'), '--json']),
        sla(['redline', file('v1.sla.json'), file('v2.sla.json'), '--out', file('v2.sla.json')]),
        sla(['compare', file('v1.sla.json'), file('v2.sla.json'), '--lang', 'bilingual']),
        sla(['redline', file('v1.sla.json'), file('v2.sla.json'), '--out', file('c.docx'), '--author']),
        sla(['compare', file('v1.sla.json'), file('v2.sla.json'), file('v3.sla.json')], { LANG: 'zh_CN.UTF-8' }),
      ]);
      for (const run of runs) {
        expect(run.code).toBe(2);
        expect(run.stdout).toEqual([]);
        expect(run.stderr).not.toMatch(/\n\s+at /);
      }
      const [oneFile, noOut, compareOut, redlineJson, outIsInput, bilingualCompare, noAuthor, extraZh] = runs.map((run) => run.stderr);
      expect(oneFile).toMatch(/^compare needs two draft files: OLD and NEW \(\*\.sla\.json\)\.\n\nUsage: npm run sla -- <command> \[options\]/);
      expect(oneFile).toContain('compare OLD NEW');
      expect(oneFile).toContain('redline OLD NEW --out F.docx');
      expect(noOut).toMatch(/^redline needs --out FILE: the file to write\./);
      expect(compareOut).toMatch(/^Unknown option "--out"\./);
      expect(redlineJson).toMatch(/^Unknown option "--json"\./);
      expect(outIsInput).toMatch(/^--out names the input file/);
      expect(bilingualCompare).toMatch(/^--lang must be en or zh-CN, not "bilingual"\./);
      expect(noAuthor).toMatch(/^The option --author needs a value\./);
      expect(extraZh).toMatch(/^多余的参数“.*v3\.sla\.json”。\n\n用法：/);
      expect(existsSync(file('c.docx'))).toBe(false);
      expect(statSync(file('v2.sla.json')).mtime.toISOString()).toBe(NEW_SAVED_AT.toISOString());
    },
    SPAWN_TIMEOUT,
  );
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
