/**
 * `sla downtime` and `sla report`, spawned the way `npm run sla --` runs
 * them: exit codes, messages in both languages, and the numbers of a
 * hand-computed month.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAll, openPackage, paragraphsOf } from '../docx/test-package';
import { commandOf } from './arguments';
import { makeTempDir } from '../services/test-fixtures';
import { sla } from './spawn-for-tests';

/**
 * The enterprise preset (Core API 99.95 % 24×7; credits below 99.95 → 10 %,
 * below 99.9 → 15 %, below 99.5 → 25 %, below 99 → 30 %; USD 85,000 a month;
 * cap 30 %; claims within 60 days; excluded time leaves the measured period),
 * in November 2027: 30 days = 43,200 minutes in UTC.
 *
 * Core API: 10:00–11:00 and 10:30–11:30 on 3 November overlap, so 10:00–11:30
 * = 90 minutes down; the maintenance on 7 November (120 minutes) is excluded,
 * so the measured period is 43,200 − 120 = 43,080 minutes.
 * Attainment = (43,080 − 90) ÷ 43,080 = 99.791086351 % (99.7911 % shown):
 * below 99.95 and below 99.9, not below 99.5 → 15 % of USD 85,000 = USD 12,750.00.
 * The other services list no incident: 100 %, no credit. The month's credit
 * is 15 %, under the 30 % cap. Claim deadline: 30 November + 60 days = 29 January 2028.
 */
const NOVEMBER = [
  'service,start,end,severity,excluded,reason',
  'core-api,2027-11-03T10:00:00Z,2027-11-03T11:00:00Z,P1,no,Gateway outage',
  'Core API,2027-11-03T10:30:00Z,2027-11-03T11:30:00Z,P2,no,"Slow recovery, retries"',
  'core-api,2027-11-07T07:00:00Z,2027-11-07T09:00:00Z,,yes,Scheduled maintenance',
  '',
].join('\n');

/** Line 3: an end that is no time; line 4: a service the draft does not have. */
const BROKEN = [
  'service,start,end',
  'core-api,2027-11-03T10:00:00Z,2027-11-03T11:00:00Z',
  'core-api,2027-11-04T10:00:00Z,later',
  'billing,2027-11-05T10:00:00Z,2027-11-05T11:00:00Z',
  '',
].join('\n');

let temp: ReturnType<typeof makeTempDir>;
const file = (name: string) => join(temp.dir, name);

beforeAll(() => {
  temp = makeTempDir('sla-report-cli-');
  copyFileSync(join(process.cwd(), 'templates/presets/enterprise.sla.json'), file('enterprise.sla.json'));
  writeFileSync(file('november.csv'), NOVEMBER);
  writeFileSync(file('broken.csv'), BROKEN);
  // A second file for the same month: 11:30–12:00 on 3 November extends the outage to 120 minutes.
  writeFileSync(file('more.csv'), 'service,start,end\ncore-api,2027-11-03T11:30:00Z,2027-11-03T12:00:00Z\n');
  const broken = JSON.parse(readFileSync(file('enterprise.sla.json'), 'utf8')) as { compensation: { creditTiers: Array<{ creditPercent: number }> } };
  broken.compensation.creditTiers[0]!.creditPercent = -5;
  writeFileSync(file('broken.sla.json'), JSON.stringify(broken, null, 2));
  for (const name of ['enterprise-october-incidents.csv', 'enterprise-october-probes.csv']) {
    copyFileSync(join(process.cwd(), 'src-shared/monitoring/fixtures', name), file(name));
  }
});
afterAll(() => temp.remove());

describe('which command a command line names', () => {
  it('skips options and their values to find it', () => {
    expect(commandOf(['downtime', '99.9'])).toBe('downtime');
    expect(commandOf(['--lang', 'zh-CN', 'report', 'a.sla.json'])).toBe('report');
    expect(commandOf(['--month', 'report', 'validate', 'a.sla.json'])).toBe('validate');
    expect(commandOf(['--monitoring', 'a.csv', '--json', 'report', 'a.sla.json'])).toBe('report');
    expect(commandOf(['validate', 'report.sla.json'])).toBe('validate');
    expect(commandOf([])).toBeNull();
  });
});

describe('sla downtime (spawned)', () => {
  it('prints the 24×7 budget table for a target', async () => {
    const run = await sla(['downtime', '99.9']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout[0]).toBe('Allowed downtime for an availability target of 99.9\u00a0%, round the clock (24×7)');
    const row = (period: string) => run.stdout.find((line) => line.startsWith(period)) ?? '';
    // 0.1 % of a day (86,400 s) = 86.4 s; of 30 days = 2,592 s = 43 min 12 s;
    // of the average month (2,629,746 s) = 2,629.746 s ≈ 43 min 50 s;
    // of the mean year (31,556,952 s) = 31,556.952 s ≈ 8 h 45 min 57 s.
    expect(row('Day ')).toMatch(/1 min 26 s\s+86\.4$/);
    expect(row('Month of 30 days')).toMatch(/43 min 12 s\s+2,592$/);
    expect(row('Average month')).toMatch(/43 min 50 s\s+2,629\.746$/);
    expect(row('Year')).toMatch(/8 h 45 min 57 s\s+31,556\.952$/);
    expect(run.stdout.filter((line) => /^(Day|Week|Month|Average|Quarter|Year)/.test(line))).toHaveLength(8);
  });

  it('prints the numbers as JSON, and in Chinese when asked', async () => {
    const [json, zh] = await Promise.all([sla(['downtime', '99.95%', '--json']), sla(['downtime', '99.9', '--lang', 'zh-CN'])]);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout.join('\n')) as { target: number; periods: Array<{ period: string; allowedSeconds: number }> };
    expect(parsed.target).toBe(99.95);
    // 0.05 % of 86,400 s = 43.2 s; of a 31-day month (2,678,400 s) = 1,339.2 s.
    expect(parsed.periods.find((row) => row.period === 'day')?.allowedSeconds).toBe(43.2);
    expect(parsed.periods.find((row) => row.period === 'month31')?.allowedSeconds).toBe(1_339.2);
    expect(zh.code).toBe(0);
    expect(zh.stdout[0]).toBe('可用性目标 99.9% 在 7×24 全天候服务下允许的停机时间');
    expect(zh.stdout.find((line) => line.startsWith('每天'))).toMatch(/1分26秒/);
  });

  it('exits 2 with the usage for a missing, non-numeric or out-of-range PERCENT', async () => {
    const runs = await Promise.all([
      sla(['downtime']),
      sla(['downtime', 'high']),
      sla(['downtime', '100.5']),
      sla(['downtime', '-1']),
      sla(['downtime', '99.9', '--month', '2027-10']),
      sla(['downtime', '99.9', '--lang', 'bilingual']),
    ]);
    const [missing, word, over, negative, option, bilingual] = runs;
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stdout).toEqual([]);
      expect(run.stderr).toContain('Usage: npm run sla -- downtime PERCENT');
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect(missing!.stderr).toMatch(/^downtime needs the availability target PERCENT, e\.g\. 99\.9\./);
    expect(word!.stderr).toMatch(/^"high" is not a percentage from 0 to 100/);
    expect(over!.stderr).toMatch(/^"100\.5" is not a percentage from 0 to 100/);
    expect(negative!.stderr).toMatch(/^"-1" is not a percentage from 0 to 100/);
    expect(option!.stderr).toMatch(/^Unknown option "--month"\./);
    expect(bilingual!.stderr).toMatch(/^--lang must be en or zh-CN, not "bilingual"\./);
  });
});

describe('sla report (spawned)', () => {
  it('prints the month’s report with the hand-computed numbers', async () => {
    const run = await sla(['report', file('enterprise.sla.json'), '--monitoring', file('november.csv'), '--month', '2027-11']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout[0]).toBe('Service Level Report — November 2027');
    const core = run.stdout.find((line) => line.startsWith('Core API Availability')) ?? '';
    expect(core).toMatch(/99\.95\u00a0% \(24×7\)\s+99\.7911\u00a0%\s+Missed\s+90 min\s+21\.54 min\s+less than 99\.9\u00a0%\s+15\u00a0%\s+USD 12,750\.00$/);
    expect(run.stdout.some((line) => /^Service credit owed\s+USD 12,750\.00$/.test(line))).toBe(true);
    expect(run.stdout.some((line) => /^Claim deadline\s+29 January 2028$/.test(line))).toBe(true);
    // Each incident with its line in the file and the minutes it adds to the downtime (the overlap counts once).
    expect(run.stdout.some((line) => /^\s*2\s+3 November 2027 10:00\s+3 November 2027 11:00\s+60 min\s+60 min\s+P1\s+No\s+Gateway outage$/.test(line))).toBe(
      true,
    );
    expect(run.stdout.some((line) => /^\s*3\s+3 November 2027 10:30\s+3 November 2027 11:30\s+60 min\s+30 min\s+P2/.test(line))).toBe(true);
    expect(run.stdout.some((line) => line.startsWith('- november.csv: Incidents, 3 rows, SHA-256 '))).toBe(true);
  });

  it('prints the numbers as JSON, combining several monitoring files', async () => {
    const [single, combined] = await Promise.all([
      sla(['report', file('enterprise.sla.json'), '--monitoring', file('november.csv'), '--month', '2027-11', '--json']),
      sla(['report', file('enterprise.sla.json'), '--monitoring', file('november.csv'), '--monitoring', file('more.csv'), '--month', '2027-11', '--json']),
    ]);
    expect(single.code).toBe(0);
    const report = JSON.parse(single.stdout.join('\n'));
    expect(report).toMatchObject({
      month: '2027-11',
      currency: 'USD',
      claimDeadline: '2028-01-29',
      credit: { totalPercent: 15, cappedPercent: 15, capped: false, amount: 12_750 },
    });
    expect(report.services[0].metrics[0]).toMatchObject({
      metricId: 'core-api-availability',
      measuredMinutes: 43_080,
      downtimeMinutes: 90,
      attainment: 99.791086351,
      met: false,
      credit: { tierId: 'tier-core-availability-2', creditPercent: 15, amount: 12_750 },
    });
    expect(report.sources).toEqual([expect.objectContaining({ fileName: 'november.csv', form: 'incidents', rows: 3 })]);
    // 120 minutes down: (43,080 − 120) ÷ 43,080 = 99.721448468 % → still the 15 % tier.
    const both = JSON.parse(combined.stdout.join('\n'));
    expect(both.services[0].metrics[0]).toMatchObject({ downtimeMinutes: 120, attainment: 99.721448468 });
    expect(both.sources).toHaveLength(2);
  });

  it('prints the report in Chinese with --lang zh-CN', async () => {
    const run = await sla(['report', file('enterprise.sla.json'), '--monitoring', file('november.csv'), '--month', '2027-11', '--lang', 'zh-CN']);
    expect(run.code).toBe(0);
    expect(run.stdout[0]).toBe('服务水平报告 — 2027年11月');
    // The metric is named in the draft's own Chinese text.
    expect(run.stdout.find((line) => line.startsWith('核心接口可用性'))).toMatch(/99\.7911%\s+未达成\s+90分钟.*低于99\.9%\s+15%\s+12,750\.00 美元$/);
    expect(run.stdout.some((line) => line.startsWith('申请截止日') && line.endsWith('2028年1月29日'))).toBe(true);
  });

  it('exits 1 with one line per problem, line and column, for a malformed CSV', async () => {
    const run = await sla(['report', file('enterprise.sla.json'), '--monitoring', file('broken.csv'), '--month', '2027-11']);
    expect(run.code).toBe(1);
    expect(run.stdout).toEqual([
      `${file('broken.csv')}: Line 3, column end: "later" is not an ISO 8601 time with an offset, such as 2026-10-05T14:30:00Z.`,
      `${file('broken.csv')}: Line 4, column service: no service of this SLA has the id or name "billing".`,
    ]);
    expect(run.stderr).toBe('');
  });

  it('exits 1 with the draft’s problems, or a file that is missing', async () => {
    const [invalid, missingCsv] = await Promise.all([
      sla(['report', file('broken.sla.json'), '--monitoring', file('november.csv'), '--month', '2027-11']),
      sla(['report', file('enterprise.sla.json'), '--monitoring', file('nowhere.csv'), '--month', '2027-11']),
    ]);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toEqual([expect.stringMatching(/^Credit tier 1 “.+” › Credit \(of the monthly fee\): /)]);
    expect(missingCsv.code).toBe(1);
    expect(missingCsv.stdout).toEqual([`${file('nowhere.csv')}: The file nowhere.csv could not be read (ENOENT). Nothing was imported.`]);
    for (const run of [invalid, missingCsv]) expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 with the usage for a missing or malformed option', async () => {
    const draft = file('enterprise.sla.json');
    const runs = await Promise.all([
      sla(['report', draft, '--monitoring', file('november.csv')]),
      sla(['report', draft, '--monitoring', file('november.csv'), '--month', '2027-13']),
      sla(['report', draft, '--month', '2027-11']),
      sla(['report', '--monitoring', file('november.csv'), '--month', '2027-11']),
      sla(['report', draft, '--monitoring', file('november.csv'), '--month', '2027-11', '--lang', 'fr']),
      sla(['report', draft, '--monitoring', file('november.csv'), '--month', '2027-11', '--lang', 'fr', '--out', file('unused.docx')]),
      sla(['report', draft, '--monitoring', file('november.csv'), '--month', '2027-11', '--lang', 'bilingual']),
      sla(['report', draft, '--monitoring', file('november.csv'), '--month', '2027-11', '--json', '--out', file('unused.docx')]),
      sla(['report', draft, '--monitoring', file('november.csv'), '--month', '2027-11', '--out', file('november.csv')]),
    ]);
    const [noMonth, badMonth, noData, noFile, badLang, badDocxLang, bilingualPrinted, jsonAndOut, overInput] = runs;
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stdout).toEqual([]);
      expect(run.stderr).toContain('report FILE --monitoring DATA.csv');
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect(noMonth!.stderr).toMatch(/^report needs --month YYYY-MM/);
    expect(badMonth!.stderr).toMatch(/^--month must be a month such as 2027-10, not "2027-13"\./);
    expect(noData!.stderr).toMatch(/^report needs --monitoring DATA\.csv/);
    expect(noFile!.stderr).toMatch(/^report needs the draft FILE/);
    expect(badLang!.stderr).toMatch(/^--lang must be en or zh-CN, not "fr"\./);
    expect(badDocxLang!.stderr).toMatch(/^--lang must be en, zh-CN or bilingual, not "fr"\./);
    expect(bilingualPrinted!.stderr).toMatch(/^--lang bilingual needs --out F\.docx/);
    expect(jsonAndOut!.stderr).toMatch(/^--json and --out cannot be used together/);
    expect(overInput!.stderr).toMatch(/^--out names the input file/);
    // Nothing was written, and the monitoring data named as --out is intact.
    expect(existsSync(file('unused.docx'))).toBe(false);
    expect(readFileSync(file('november.csv'), 'utf8')).toBe(NOVEMBER);
  });
});

describe('sla report: only what the data shows (spawned)', () => {
  const october = () => ['--monitoring', file('enterprise-october-incidents.csv'), '--monitoring', file('enterprise-october-probes.csv')];

  it('exits 1 saying so for a month before the effective date or outside the data, printing and writing nothing', async () => {
    const draft = file('enterprise.sla.json');
    const [june2026, june2027, zh, out] = await Promise.all([
      sla(['report', draft, '--monitoring', file('november.csv'), '--month', '2026-06']),
      sla(['report', draft, '--monitoring', file('november.csv'), '--month', '2027-06', '--json']),
      sla(['report', draft, '--monitoring', file('november.csv'), '--month', '2026-06', '--lang', 'zh-CN']),
      sla(['report', draft, '--monitoring', file('november.csv'), '--month', '2027-12', '--out', file('december.docx')]),
    ]);
    // The enterprise preset takes effect on 1 January 2027: June 2026 is six months before.
    expect(june2026.code).toBe(1);
    expect(june2026.stdout).toEqual(["June 2026 is before the agreement's term, which starts in January 2027: there is nothing to report for it."]);
    expect(june2026.stdout.join('\n')).not.toMatch(/Met|100\u00a0%/);
    expect(june2027.code).toBe(1);
    expect(june2027.stdout).toEqual([
      'No imported monitoring data covers June 2027 (the data covers November 2027): no attainment, result or service credit is stated for it.',
    ]);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toEqual(['2026年6月早于本协议的期限（自2027年1月起），该月没有可报告的内容。']);
    expect(out.code).toBe(1);
    expect(existsSync(file('december.docx'))).toBe(false);
    for (const run of [june2026, june2027, zh, out]) expect(run.stderr).toBe('');
  });

  it('adds one credit per service for October 2027 and says which were not added and why', async () => {
    const [json, text] = await Promise.all([
      sla(['report', file('enterprise.sla.json'), ...october(), '--month', '2027-10', '--json']),
      sla(['report', file('enterprise.sla.json'), ...october(), '--month', '2027-10']),
    ]);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout.join('\n'));
    // Core API 25 % (availability; its 5 % for p95 latency is not added) + Web Console 5 % + Data Export 10 % = 40 %, capped at 30 %.
    expect(report.credit).toEqual({ totalPercent: 40, cappedPercent: 30, capped: true, amount: 25_500 });
    expect(report.creditsNotAdded).toEqual([expect.objectContaining({ metricId: 'core-api-latency-p95', appliedMetricId: 'core-api-availability' })]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Credits not added');
    expect(text.stdout.find((line) => line.startsWith('Core API Response Time (95th percentile)'))).toMatch(/more than 300 ms\s+5\u00a0%\s+Not added$/);
    // The support targets from the severity table, the data source and the chronic-failure count.
    expect(text.stdout.find((line) => line.startsWith('Initial Response Time'))).toContain('P1: 15 minutes (24×7); P2: 1 hour (24×7)');
    expect(
      text.stdout.some((line) => line.includes('measured from 20 probe samples, while the agreement measures it from “Provider API gateway request logs”')),
    ).toBe(true);
    expect(text.stdout.find((line) => line.includes('Web Console Availability') && line.includes('consecutive'))).toMatch(
      /2 of 2 consecutive months missed\s+2 of 3 months missed within twelve\s+Chronic Failure$/,
    );
  });
});

describe('sla report --out (spawned)', () => {
  const cellsOf = async (path: string): Promise<string[]> => {
    const pkg = await openPackage(readFileSync(path));
    return findAll(await pkg.xml('word/document.xml'), 'w:tc').map((cell) =>
      paragraphsOf(cell)
        .map((paragraph) => paragraph.text)
        .join('\n'),
    );
  };
  const row = (cells: string[], first: string) => cells.slice(cells.indexOf(first), cells.indexOf(first) + 9);

  it('writes the report as .docx in English, Chinese and both, with the hand-computed numbers', async () => {
    const draft = file('enterprise.sla.json');
    const base = ['report', draft, '--monitoring', file('november.csv'), '--month', '2027-11'];
    const [en, zh, both] = await Promise.all([
      sla([...base, '--out', file('report-en.docx')]),
      sla([...base, '--out', file('report-zh.docx'), '--lang', 'zh-CN']),
      sla([...base, '--out', file('report-both.docx'), '--lang', 'bilingual'], { LANG: 'zh_CN.UTF-8' }),
    ]);
    for (const run of [en, zh, both]) {
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    }
    const bytes = readFileSync(file('report-en.docx'));
    expect(en.stdout).toEqual([
      `${file('report-en.docx')}: report written (English, ${bytes.byteLength} bytes, SHA-256 ${createHash('sha256').update(bytes).digest('hex')}).`,
    ]);
    // The messages follow --lang, or for a bilingual report the environment.
    expect(zh.stdout[0]).toMatch(/：报告已写入（中文，\d+ 字节，SHA-256 [0-9a-f]{64}）。$/);
    expect(both.stdout[0]).toMatch(/：报告已写入（中英双语，/);

    expect(row(await cellsOf(file('report-en.docx')), 'Core API Availability').slice(2)).toEqual([
      '99.7911\u00a0%',
      'Missed',
      '90 min',
      '21.54 min',
      'less than 99.9\u00a0%',
      '15\u00a0%',
      'USD 12,750.00',
    ]);
    expect(row(await cellsOf(file('report-zh.docx')), '核心接口可用性').slice(2)).toEqual([
      '99.7911%',
      '未达成',
      '90分钟',
      '21.54分钟',
      '低于99.9%',
      '15%',
      '12,750.00 美元',
    ]);
    const bilingual = await cellsOf(file('report-both.docx'));
    // Each cell in both languages, the metric's name too.
    expect(row(bilingual, 'Core API Availability\n核心接口可用性').slice(8)).toEqual(['USD 12,750.00\n12,750.00 美元']);
    expect(bilingual).toContain('29 January 2028\n2028年1月29日');
  });

  it('replaces an existing file whole, and exits 1 naming a file it cannot write', async () => {
    const target = file('replaced.docx');
    writeFileSync(target, 'an older file');
    const base = ['report', file('enterprise.sla.json'), '--monitoring', file('november.csv'), '--month', '2027-11'];
    const [replaced, unwritable] = await Promise.all([sla([...base, '--out', target]), sla([...base, '--out', file('no-such-folder/report.docx')])]);
    expect(replaced.code).toBe(0);
    expect(readFileSync(target).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(unwritable.code).toBe(1);
    expect(unwritable.stdout).toEqual([`(file): The file ${file('no-such-folder/report.docx')} could not be written (ENOENT).`]);
    expect(unwritable.stderr).not.toMatch(/\n\s+at /);
    // A draft with problems is refused before anything is written.
    const invalid = await sla(['report', file('broken.sla.json'), '--monitoring', file('november.csv'), '--month', '2027-11', '--out', file('never.docx')]);
    expect(invalid.code).toBe(1);
    expect(existsSync(file('never.docx'))).toBe(false);
  });
});
