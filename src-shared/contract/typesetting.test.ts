/**
 * The contract's typesetting in each language: numbers, durations, money and
 * dates as the language writes them, the cover, amounts in words (大写) in
 * a Chinese contract, and the counterparts clause.
 */
import { describe, expect, it } from 'vitest';
import { formatChineseUppercaseAmount, formatMoney } from '../format';
import { localized } from '../model/localized';
import type { SlaDraft } from '../model/schema';
import { assembleBilingual, assembleContract } from './assemble';
import { documentText, runsText, type ContractDoc, type ContractLanguage } from './doc';
import { namedBilingualBlankDraft, namedBlankDraft, preset } from './fixtures';

import { clause, clauseText, en, tables, template } from './test-support';

const LANGUAGES: ContractLanguage[] = ['en', 'zh-CN'];

/** The PRC holidays of 2026 as the State Council arranged them, and the weekend days worked in exchange. */
const PRC_2026_HOLIDAYS = [
  ...['01-01', '01-02', '01-03', '02-15', '02-16', '02-17', '02-18', '02-19', '02-20', '02-21', '02-22', '02-23'],
  ...['04-04', '04-05', '04-06', '05-01', '05-02', '05-03', '05-04', '05-05', '06-19', '06-20', '06-21'],
  ...['09-25', '09-26', '09-27', '10-01', '10-02', '10-03', '10-04', '10-05', '10-06', '10-07'],
].map((day) => `2026-${day}`);
const PRC_2026_WORKING_DAYS = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];

/** The China-hosted preset with its 2027 holidays and those of 2026 before them. */
function chinaWith2026(): SlaDraft {
  const draft = preset('china-hosted');
  const hours = draft.expectations.businessHours;
  hours.holidays = [...PRC_2026_HOLIDAYS, ...hours.holidays];
  hours.workingDays = [...PRC_2026_WORKING_DAYS];
  return draft;
}

describe('formatting for the language', () => {
  it('writes downtime, money and dates as each language does', () => {
    const draft = namedBlankDraft();
    const english = documentText(en(draft));
    const chinese = documentText(assembleContract(draft, template, 'zh-CN').doc);
    expect(english).toContain('Downtime of about 43 minutes 50 seconds in an average month');
    expect(chinese).toContain('约相当于平均每月43分50秒');
    expect(english).toContain('takes effect on 26 November 2026');
    expect(chinese).toContain('自2026年11月26日（“生效日”）起生效');
    expect(english).toContain('USD 12,500.00');
    expect(chinese).toContain('12,500.00 美元');
  });

  it('sets the business-hours holidays out as a schedule by year, consecutive days as one span', () => {
    const draft = chinaWith2026();
    draft.expectations.businessHours.workingDays = [];
    const english = en(draft);
    const chinese = assembleContract(draft, template, 'zh-CN').doc;
    const rows = (doc: ContractDoc) => tables(doc, 'generic').flatMap((table) => table.rows.map((row) => row.cells.map((cell) => runsText(cell.runs))));
    expect(rows(english)).toEqual([
      ['2026', '1–3 January, 15–23 February, 4–6 April, 1–5 May, 19–21 June, 25–27 September, and 1–7 October'],
      ['2027', '1 January, 5–8 February, 5 April, 1–2 May, 9 June, 15 September, and 1–3 October'],
    ]);
    expect(rows(chinese)).toEqual([
      ['2026年', '1月1日至3日、2月15日至23日、4月4日至6日、5月1日至5日、6月19日至21日、9月25日至27日和10月1日至7日'],
      ['2027年', '1月1日、2月5日至8日、4月5日、5月1日至2日、6月9日、9月15日和10月1日至3日'],
    ]);
    // The definition points at the schedule instead of listing dozens of dates.
    const number = clause(english, 'definitions.holidays')!.number.join('.');
    expect(clauseText(english, 'definitions.terms')).toContain(`excluding the public holidays listed in Clause ${number};`);
    expect(clauseText(english, 'definitions.terms')).not.toContain('2026');
    expect(clauseText(chinese, 'definitions.terms')).toContain(`但第${number}条所列法定节假日除外；`);

    // Spans across a month end, unsorted and repeated input; no holidays, no schedule and no reference to one.
    draft.expectations.businessHours.holidays = ['2027-02-01', '2027-01-30', '2027-01-31', '2027-01-30', '2027-12-25'];
    expect(rows(en(draft))).toEqual([['2027', '30 January – 1 February and 25 December']]);
    expect(rows(assembleContract(draft, template, 'zh-CN').doc)).toEqual([['2027年', '1月30日至2月1日和12月25日']]);
    draft.expectations.businessHours.holidays = [];
    expect(clause(en(draft), 'definitions.holidays')).toBeUndefined();
    // Outside mainland China (whose holidays fall back to the State Council's arrangements): public holidays as such.
    draft.expectations.businessHours.timeZone = 'Asia/Hong_Kong';
    expect(clauseText(en(draft), 'definitions.terms')).toContain('excluding public holidays;');
  });

  it('lists the extra working days (调休) after the holidays, and the definition of Business Hours takes them in', () => {
    // The 2026 PRC holidays and the weekend days worked in exchange.
    const draft = chinaWith2026();
    const english = en(draft);
    const chinese = assembleContract(draft, template, 'zh-CN').doc;
    const schedule = (doc: ContractDoc, id: string) =>
      (clause(doc, id)?.blocks ?? []).flatMap((block) => (block.kind === 'table' ? block.rows.map((row) => row.cells.map((cell) => runsText(cell.runs))) : []));
    expect(schedule(english, 'definitions.working-days')).toEqual([['2026', '4 January, 14 February, 28 February, 9 May, 20 September, and 10 October']]);
    expect(schedule(chinese, 'definitions.working-days')).toEqual([['2026年', '1月4日、2月14日、2月28日、5月9日、9月20日和10月10日']]);
    const holidays = clause(english, 'definitions.holidays')!.number.join('.');
    const working = clause(english, 'definitions.working-days')!.number.join('.');
    expect(clause(english, 'definitions.working-days')!.title).toBe('Extra Working Days');
    expect(clause(chinese, 'definitions.working-days')!.title).toBe('调休上班日');
    expect(clauseText(english, 'definitions.terms')).toContain(
      `excluding the public holidays listed in Clause ${holidays} and including the same hours on the extra working days listed in Clause ${working};`,
    );
    expect(clauseText(chinese, 'definitions.terms')).toContain(`但第${holidays}条所列法定节假日除外，且包括第${working}条所列调休上班日的相应时段；`);

    // Working days without a holiday list still reach the definition; none at all (a file from before the field) leaves both out.
    draft.expectations.businessHours.holidays = [];
    // Outside mainland China (whose holidays fall back to the State Council's arrangements): public holidays as such.
    draft.expectations.businessHours.timeZone = 'Asia/Hong_Kong';
    expect(clauseText(en(draft), 'definitions.terms')).toContain(
      'excluding public holidays and including the same hours on the extra working days listed in Clause',
    );
    delete draft.expectations.businessHours.workingDays;
    expect(clause(en(draft), 'definitions.working-days')).toBeUndefined();
    expect(clauseText(en(draft), 'definitions.terms')).toContain('excluding public holidays;');
  });

  it('names the clocks of business hours and maintenance as a contract does, an unlisted zone by its IANA name', () => {
    const china = preset('china-hosted');
    expect(clauseText(en(china), 'definitions.terms')).toContain('09:00 to 18:00 (China Standard Time) on Monday');
    expect(clauseText(assembleContract(china, template, 'zh-CN').doc, 'definitions.terms')).toContain('09:00至18:00（北京时间）');
    const standard = preset('standard-saas');
    expect(clauseText(en(standard), 'maintenance')).toContain('following windows (UK time)');
    standard.targets.maintenance.timeZone = 'Europe/Vienna';
    expect(clauseText(en(standard), 'maintenance')).toContain('following windows (Europe/Vienna time)');
    expect(clauseText(assembleContract(standard, template, 'zh-CN').doc, 'maintenance')).toContain('维护窗口内（Europe/Vienna时间）');
  });

  it('inserts what the user typed as typed, in both languages', () => {
    const draft = namedBlankDraft();
    draft.services[0]!.name = localized('Ledger API {{provider.legalName}}', '账簿接口 {{provider.legalName}}');
    const typed = { en: 'Ledger API { {provider.legalName}}', 'zh-CN': '账簿接口 { {provider.legalName}}' };
    for (const language of LANGUAGES) {
      const doc = assembleContract(draft, template, language).doc;
      expect(documentText(doc)).toContain(typed[language]);
      expect(documentText(doc)).not.toContain('{{');
    }
  });
});

describe('cover', () => {
  const subtitle = (draft: SlaDraft, language: ContractLanguage) =>
    assembleContract(draft, template, language)
      .doc.cover.lines.filter((line) => line.style === 'subtitle')
      .map((line) => runsText(line.runs));

  it.each([
    ['Meridian Claims Data Platform Enterprise Service Level Agreement'],
    ['Acme Platform SLA'],
    ['云帆供应链协同平台服务水平协议'],
    ['Service-Level Agreement for the Data Platform'],
  ])('does not repeat "Service Level Agreement" under the title "%s"', (title) => {
    const draft = namedBilingualBlankDraft();
    // The same title in both languages: what matters is its wording, not its language.
    draft.title = localized(title, title);
    for (const language of LANGUAGES) expect(subtitle(draft, language)).toEqual([]);
  });

  it('says what the document is under a title that does not', () => {
    const draft = namedBilingualBlankDraft();
    draft.title = localized('Acme Cloud Platform — Customer Terms', 'Acme 云平台客户条款');
    expect(subtitle(draft, 'en')).toEqual(['Service Level Agreement']);
    expect(subtitle(draft, 'zh-CN')).toEqual(['服务水平协议']);
  });
});

describe('amounts in a Chinese contract', () => {
  it('states the cap in figures and in uppercase numerals, the English in figures', () => {
    const draft = preset('china-hosted');
    const capAmount = (draft.compensation.monthlyFee * draft.compensation.capPercent!) / 100;
    const chinese = clauseText(assembleContract(draft, template, 'zh-CN').doc, 'cap-and-remedy');
    expect(chinese).toContain(`即${formatMoney(capAmount, 'CNY', 'zh-CN')}（大写：${formatChineseUppercaseAmount(capAmount, 'CNY')}）。`);
    expect(clauseText(en(draft), 'cap-and-remedy')).not.toContain('大写');
  });

  it('states the Monthly Fee in figures and in uppercase numerals: 人民币 86,000.00 元（大写：人民币捌万陆仟元整）', () => {
    const chinese = clauseText(assembleContract(preset('china-hosted'), template, 'zh-CN').doc, 'definitions');
    expect(chinese).toContain('截至生效日为人民币 86,000.00 元（大写：人民币捌万陆仟元整）；');
  });
});

describe('counterparts', () => {
  it('says how many originals there are, one for each Party, the same in both languages', () => {
    const pair = assembleBilingual(preset('china-hosted'), template);
    expect(clauseText(pair.zh, 'general.counterparts')).toContain('本协议一式两份，双方各执一份，每份具有同等法律效力。');
    expect(clauseText(pair.en, 'general.counterparts')).toContain(
      'This Agreement is executed in two (2) originals, one for each Party, each of which has the same legal effect.',
    );
    expect(clauseText(pair.zh, 'general.counterparts')).toContain('每份副本均为原件');
    expect(clauseText(pair.en, 'general.counterparts')).toContain('each of which is an original');
  });
});
