import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDraftFile } from '../../src-shared/model/file';
import { localized } from '../../src-shared/model/localized';
import { localeFromEnvironment } from './index';
import { chineseDraft, englishDraft, makeTempDir } from '../services/test-fixtures';
import { sla } from './spawn-for-tests';

let temp: ReturnType<typeof makeTempDir>;
const file = (name: string) => join(temp.dir, name);

beforeAll(() => {
  temp = makeTempDir('sla-cli-');
  writeFileSync(file('valid.sla.json'), writeDraftFile(englishDraft()));
  writeFileSync(file('zh.sla.json'), writeDraftFile(chineseDraft()));
  writeFileSync(file('truncated.sla.json'), writeDraftFile(englishDraft()).slice(0, 300));
  writeFileSync(file('empty.sla.json'), '');
  const draft = englishDraft();
  const wrongTypes = { ...draft, title: 7, termMonths: 'twelve', compliance: { ...draft.compliance, certifications: 'ISO27001' } };
  writeFileSync(file('wrong-types.sla.json'), JSON.stringify(wrongTypes));
  const impossible = englishDraft();
  impossible.targets.objectives[0]!.objective = 100.5;
  writeFileSync(file('over-100.sla.json'), writeDraftFile(impossible));
  impossible.targets.objectives[0]!.objective = 100;
  writeFileSync(file('exactly-100.sla.json'), writeDraftFile(impossible));
  writeFileSync(file('future.sla.json'), JSON.stringify({ ...englishDraft(), schemaVersion: 7 }));
  mkdirSync(file('a-folder.sla.json'));
  const contradicts = englishDraft();
  contradicts.compensation.claimWindowDays = 45;
  contradicts.compensation.claimProcess = localized('The Customer claims within 60 days, as this section says.');
  writeFileSync(file('contract-problem.sla.json'), writeDraftFile(contradicts));
  const repeats = englishDraft();
  repeats.compensation.claimProcess = localized('Claims are made through the support portal, as this section says.');
  writeFileSync(file('contract-warning.sla.json'), writeDraftFile(repeats));
  const unnamedMetric = englishDraft();
  unnamedMetric.services[0]!.metrics.push({
    ...unnamedMetric.services[0]!.metrics[0]!,
    id: 'exports-on-time',
    kind: 'custom',
    name: localized(''),
    unit: localized('jobs'),
  });
  unnamedMetric.targets.objectives.push({ id: 'obj-exports', metricId: 'exports-on-time', objective: 99, coverage: '24x7' });
  writeFileSync(file('unnamed-metric.sla.json'), writeDraftFile(unnamedMetric));
});
afterAll(() => temp.remove());

describe('sla validate (spawned)', () => {
  it('exits 0 with one short line for a valid file, in either language', async () => {
    const [en, zh] = await Promise.all([sla(['validate', file('valid.sla.json')]), sla(['validate', file('zh.sla.json'), '--lang', 'zh-CN'])]);
    expect(en).toEqual({ code: 0, stdout: [`${file('valid.sla.json')}: valid SLA draft.`], stderr: '' });
    expect(zh).toEqual({ code: 0, stdout: [`${file('zh.sla.json')}：有效的 SLA 草案。`], stderr: '' });
  });

  it('exits 1 with one "field: message" line per problem, the field named as the wizard labels it', async () => {
    const [truncated, empty, wrongTypes, over, exactly, future, missing, folder] = await Promise.all([
      sla(['validate', file('truncated.sla.json')]),
      sla(['validate', file('empty.sla.json')]),
      sla(['validate', file('wrong-types.sla.json')]),
      sla(['validate', file('over-100.sla.json')]),
      sla(['validate', file('exactly-100.sla.json')]),
      sla(['validate', file('future.sla.json')]),
      sla(['validate', file('missing.sla.json')]),
      sla(['validate', file('a-folder.sla.json')]),
    ]);
    expect(truncated.code).toBe(1);
    expect(truncated.stdout).toHaveLength(1);
    expect(truncated.stdout[0]).toMatch(/^\(file\): The file is not valid JSON: /);
    expect(empty).toEqual({ code: 1, stdout: ['(file): The file is empty.'], stderr: '' });
    expect(wrongTypes.code).toBe(1);
    // The title is a text in each language ({"en": …, "zh-CN": …}), so a number in its place is not that group.
    expect(wrongTypes.stdout).toEqual(['Agreement title: Must be a group of fields.', 'Term: Must be a number.', 'Certifications: Must be a list.']);
    const availability = 'Target 1 “Acme CRM Platform — Availability” › Target: An availability level must be above 0 % and below 100 %.';
    expect(over.code).toBe(1);
    expect(over.stdout).toContain(availability);
    expect(exactly.code).toBe(1);
    expect(exactly.stdout).toContain(availability);
    expect(future.code).toBe(1);
    expect(future.stdout).toEqual([
      'Format version: This file was written by a newer SLA Studio (format 7); this version reads formats up to 3. Update SLA Studio to open it.',
    ]);
    expect(missing).toEqual({ code: 1, stdout: [`(file): The file does not exist: ${file('missing.sla.json')}`], stderr: '' });
    expect(folder.code).toBe(1);
    expect(folder.stdout).toEqual([`(file): The file cannot be read: ${file('a-folder.sla.json')} (EISDIR)`]);
    for (const run of [truncated, empty, wrongTypes, over, exactly, future, missing, folder]) {
      expect(run.stderr).toBe('');
      expect(run.stdout.join('\n')).not.toMatch(/\n\s+at |Error:/);
    }
  });

  it('reports problems in Chinese with --lang zh-CN or a Chinese LANG', async () => {
    const [byOption, byLang, byLcAll] = await Promise.all([
      sla(['validate', '--lang=zh-CN', file('wrong-types.sla.json')]),
      sla(['validate', file('empty.sla.json')], { LANG: 'zh_CN.UTF-8' }),
      sla(['validate', file('over-100.sla.json')], { LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' }),
    ]);
    expect(byOption.code).toBe(1);
    expect(byOption.stdout).toEqual(['协议标题：必须是一组字段。', '期限：必须是数字。', '认证：必须是列表。']);
    expect(byLang).toEqual({ code: 1, stdout: ['(file): 文件为空。'], stderr: '' });
    expect(byLcAll.code).toBe(1);
    expect(byLcAll.stdout.some((line) => line.startsWith('服务目标 1“Acme CRM Platform — 可用性”›目标：') && /[\u4e00-\u9fff]/.test(line))).toBe(true);
  });

  it('names a metric deep in a service by the service and the metric, in either language; --json keeps the path', async () => {
    const [en, zh, json] = await Promise.all([
      sla(['validate', file('unnamed-metric.sla.json')]),
      sla(['validate', file('unnamed-metric.sla.json'), '--lang', 'zh-CN']),
      sla(['validate', file('unnamed-metric.sla.json'), '--json']),
    ]);
    expect(en).toEqual({
      code: 1,
      stdout: ['Service 1 “Acme CRM Platform” › Metric 2 › Name in the contract: A custom metric needs a name.'],
      stderr: '',
    });
    expect(zh).toEqual({ code: 1, stdout: ['服务 1“Acme CRM Platform”›指标 2›合同中的名称：自定义指标需要名称。'], stderr: '' });
    expect(JSON.parse(json.stdout.join('\n')).problems).toEqual([
      { step: 'services', path: 'services[0].metrics[1].name', message: 'A custom metric needs a name.' },
    ]);
  });

  it('checks the contract of a valid draft: a problem exits 1, a warning is listed and exits 0, each with its fix', async () => {
    const [problem, warning, zh] = await Promise.all([
      sla(['validate', file('contract-problem.sla.json')]),
      sla(['validate', file('contract-warning.sla.json')]),
      sla(['validate', file('contract-problem.sla.json'), '--lang', 'zh-CN']),
    ]);
    expect(problem).toEqual({
      code: 1,
      stdout: [
        'Claim process (English): Problem: The text says “60 days”, but the claim window is 45 days: the contract would state both. Remove the number from the text, or change the field (Claim within) if the text is right.',
        'Claim process (English): Warning: The text refers to “this section”, but the contract has numbered clauses, not sections. Refer to the clause by its number (as the preview shows it), or say what you mean directly.',
      ],
      stderr: '',
    });
    expect(warning).toEqual({
      code: 0,
      stdout: [
        `${file('contract-warning.sla.json')}: valid SLA draft.`,
        'Claim process (English): Warning: The text refers to “this section”, but the contract has numbered clauses, not sections. Refer to the clause by its number (as the preview shows it), or say what you mean directly.',
      ],
      stderr: '',
    });
    expect(zh.code).toBe(1);
    expect(zh.stdout[0]).toBe(
      '申请流程（英文）：问题：文本写有“60 days”，但申请期限为45日：合同将同时出现两个数值。请从文本中删除该数字；如文本正确，请修改字段（申请期限）。',
    );
  });

  it('prints the problems and findings as JSON with their paths, --json', async () => {
    const [problem, invalid] = await Promise.all([
      sla(['validate', file('contract-problem.sla.json'), '--json']),
      sla(['validate', file('wrong-types.sla.json'), '--json']),
    ]);
    expect(problem.code).toBe(1);
    expect(JSON.parse(problem.stdout.join('\n'))).toEqual({
      file: file('contract-problem.sla.json'),
      valid: true,
      problems: [],
      findings: [
        // The findings are in the English text of the claim process.
        expect.objectContaining({ level: 'problem', rule: 'typedNumbers', step: 'compensation', path: 'compensation.claimProcess.en', clause: null }),
        expect.objectContaining({ level: 'warning', rule: 'sectionReference', step: 'compensation', path: 'compensation.claimProcess.en', clause: null }),
      ],
      contractCheckNotRun: null,
    });
    expect(invalid.code).toBe(1);
    expect(JSON.parse(invalid.stdout.join('\n'))).toMatchObject({
      valid: false,
      problems: [
        { step: 'services', path: 'title', message: 'Must be a group of fields.' },
        { step: 'services', path: 'termMonths', message: 'Must be a number.' },
        { step: 'compliance', path: 'compliance.certifications', message: 'Must be a list.' },
      ],
      findings: [],
    });
  });

  it('exits 2 with the usage for no arguments, an unknown command or option, a bad --lang', async () => {
    const runs = await Promise.all([
      sla([]),
      sla(['frobnicate', file('valid.sla.json')]),
      sla(['validate', file('valid.sla.json'), '--strict']),
      sla(['validate']),
      sla(['validate', file('valid.sla.json'), file('zh.sla.json')]),
      sla(['validate', file('valid.sla.json'), '--lang', 'fr']),
      sla(['validate', file('valid.sla.json'), '--lang']),
      sla(['--lang', 'zh-CN', 'frobnicate']),
    ]);
    const [none, unknownCommand, unknownOption, noFile, twoFiles, badLang, noLang, zhUnknown] = runs;
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stdout).toEqual([]);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect(none!.stderr).toMatch(/^Name a command\.\n\nUsage: npm run sla -- <command> \[options\]/);
    expect(unknownCommand!.stderr).toMatch(/^Unknown command "frobnicate"\./);
    expect(unknownOption!.stderr).toMatch(/^Unknown option "--strict"\./);
    expect(noFile!.stderr).toMatch(/^validate needs the FILE to check\./);
    expect(twoFiles!.stderr).toMatch(/^Unexpected argument ".*zh\.sla\.json"\./);
    expect(badLang!.stderr).toMatch(/^--lang must be en or zh-CN, not "fr"\./);
    expect(noLang!.stderr).toMatch(/^The option --lang needs a value\./);
    expect(zhUnknown!.stderr).toMatch(/^未知命令“frobnicate”。\n\n用法：/);
    // The usage lists only commands that exist.
    expect(none!.stderr).toContain('validate FILE');
    expect(none!.stderr).toContain('export FILE --out F.docx');
    expect(none!.stderr).toContain('import F.docx --out F.sla.json');
    expect(none!.stderr).toContain('downtime PERCENT');
    expect(none!.stderr).toContain('report FILE --monitoring DATA.csv');
    expect(none!.stderr).toContain('compare OLD NEW');
    expect(none!.stderr).toContain('redline OLD NEW --out F.docx');
  });

  it('prints the usage for --help and exits 0', async () => {
    const help = await sla(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout[0]).toBe('Usage: npm run sla -- <command> [options]');
  });
});

describe('localeFromEnvironment', () => {
  it('follows LC_ALL, then LC_MESSAGES, then LANG, in POSIX or BCP 47 form', () => {
    expect(localeFromEnvironment({})).toBe('en');
    expect(localeFromEnvironment({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(localeFromEnvironment({ LANG: 'zh-Hans-CN' })).toBe('zh-CN');
    expect(localeFromEnvironment({ LANG: 'zh_TW.UTF-8', LC_ALL: 'en_GB.UTF-8' })).toBe('en');
    expect(localeFromEnvironment({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN' })).toBe('zh-CN');
    expect(localeFromEnvironment({ LANG: 'C', LC_ALL: '' })).toBe('en');
  });
});
