import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyFilter, type FilterEnvironment } from '../contract/filters';
import { standardTemplate } from '../contract/fixtures';
import {
  formatBusinessDurationMinutes,
  formatChineseUppercaseAmount,
  formatDate,
  formatDurationMinutes,
  formatDurationSeconds,
  formatLevel,
  formatMoney,
  formatMoneyWithWords,
  formatNumber,
  formatPercent,
} from '../format';
import { createI18n, LOCALES, type Locale } from '../i18n';
import en from '../i18n/en.json';
import zhCN from '../i18n/zh-CN.json';
import { CURRENCIES } from '../model/schema';
import { decimalToNumber } from './numerals';
import {
  UNIT_NAMES,
  UNREADABLE_REASONS,
  describeUnreadable,
  readChineseUppercaseAmount,
  readValue,
  valueKindOfFilter,
  type ValueKind,
  type ValueReading,
} from './values';

const vocabulary = standardTemplate().vocabulary;
const t = { en: createI18n('en').t, 'zh-CN': createI18n('zh-CN').t };
const locale = fc.constantFrom<Locale>(...LOCALES);

function value(reading: ValueReading): number | string {
  if (!reading.ok) throw new Error(`not read: ${reading.reason.code} ${JSON.stringify(reading.reason.params)}`);
  return reading.value;
}

/** What the user reads when a text is not read, in each language. */
function why(text: string, kind: ValueKind): { en: string; zh: string } {
  const reading = readValue(text, kind);
  if (reading.ok) throw new Error(`"${text}" was read as ${reading.value}`);
  return { en: describeUnreadable(reading.reason, t.en), zh: describeUnreadable(reading.reason, t['zh-CN']) };
}

const days: ValueKind = { kind: 'count', noun: 'day', words: vocabulary.nouns.day! };
const businessDays: ValueKind = { kind: 'count', noun: 'businessDay', words: vocabulary.nouns.businessDay! };
const minutes: ValueKind = { kind: 'minutes' };
const percent: ValueKind = { kind: 'percent' };
const date: ValueKind = { kind: 'date' };
const usd: ValueKind = { kind: 'money', currency: 'USD' };
const cny: ValueKind = { kind: 'money', currency: 'CNY' };

describe('what the contract printed reads back as the value printed (format → read)', () => {
  // Values with as many decimals as the printing shows, so that what was printed is the value itself.
  const percentValue = fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 10_000);

  it('percentages, in both languages', () => {
    fc.assert(
      fc.property(percentValue, locale, (v, language) => {
        expect(value(readValue(formatPercent(v, language), percent))).toBe(v);
      }),
    );
  });

  it('money in every currency, with and without the Chinese amount in words', () => {
    const amount = fc.tuple(fc.constantFrom(...CURRENCIES), fc.integer({ min: 0, max: 100_000_000_000_000 })).map(([currency, n]) => ({
      currency,
      amount: currency === 'JPY' ? Math.round(n / 100) : n / 100,
    }));
    fc.assert(
      fc.property(amount, locale, ({ currency, amount: v }, language) => {
        const kind: ValueKind = { kind: 'money', currency };
        expect(value(readValue(formatMoney(v, currency, language), kind))).toBe(v);
        expect(value(readValue(formatMoneyWithWords(v, currency, language), kind))).toBe(v);
      }),
    );
  });

  it('Chinese amounts in uppercase numerals alone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000_000_000 }), (cents) => {
        const read = readChineseUppercaseAmount(formatChineseUppercaseAmount(cents / 100, 'CNY'));
        expect(read?.currency).toBe('CNY');
        expect(decimalToNumber(read!.value)).toBe(cents / 100);
      }),
    );
  });

  it('durations in minutes, seconds and Business Hours', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), locale, (n, language) => {
        expect(value(readValue(formatDurationMinutes(n, language), minutes))).toBe(n);
        expect(value(readValue(formatDurationSeconds(n, language), { kind: 'seconds' }))).toBe(n);
        expect(value(readValue(formatDurationSeconds(n, language, { style: 'short' }), { kind: 'seconds' }))).toBe(n);
        expect(value(readValue(formatDurationSeconds(n, language, { largest: 'hour' }), { kind: 'seconds' }))).toBe(n);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom(null, 480, 540, 720), locale, (n, day, language) => {
        const kind: ValueKind = { kind: 'businessMinutes', businessDayMinutes: day };
        expect(value(readValue(formatBusinessDurationMinutes(n, day, language), kind))).toBe(n);
      }),
    );
  });

  it('dates', () => {
    const isoDate = fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(isoDate, locale, (iso, language) => {
        expect(value(readValue(formatDate(iso, language), date))).toBe(iso);
      }),
    );
  });

  it("a metric's level in its unit", () => {
    const hundredths = fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 100);
    fc.assert(
      fc.property(hundredths, locale, (v, language) => {
        const level = (unit: 'ms' | 'custom', customUnit?: string) => formatLevel(v, unit, language, t[language], { customUnit });
        expect(value(readValue(level('ms'), { kind: 'level', unit: 'ms' }))).toBe(v);
        expect(value(readValue(level('custom', 'jobs/hour'), { kind: 'level', unit: 'custom', customUnit: 'jobs/hour' }))).toBe(v);
        expect(value(readValue(level('custom'), { kind: 'level', unit: 'custom' }))).toBe(v);
        expect(value(readValue(formatNumber(v, language), { kind: 'number' }))).toBe(v);
      }),
    );
    fc.assert(
      fc.property(percentValue, fc.integer({ min: 0, max: 100_000 }), locale, (p, m, language) => {
        expect(value(readValue(formatLevel(p, 'percent', language, t[language]), { kind: 'level', unit: 'percent' }))).toBe(p);
        expect(value(readValue(formatLevel(m, 'minutes', language, t[language]), { kind: 'level', unit: 'minutes' }))).toBe(m);
      }),
    );
  });

  it("every filter of the template that prints one value, through the template's own words (applyFilter)", () => {
    const nouns = Object.keys(vocabulary.nouns);
    expect(nouns).toEqual(expect.arrayContaining(['day', 'businessDay', 'hour', 'month', 'measurementPeriod', 'consecutivePeriod']));
    const filters = [
      ...['number', 'percent', 'money', 'moneyInWords', 'duration', 'minutes', 'businessMinutes'].map((name) => ({ name, arg: null })),
      ...nouns.map((noun) => ({ name: 'count', arg: noun })),
    ];
    fc.assert(
      fc.property(fc.constantFrom(...filters), fc.integer({ min: 0, max: 50_000 }), fc.constantFrom(...CURRENCIES), locale, (filter, n, currency, language) => {
        const env: FilterEnvironment = { language, currency, vocabulary, businessDayMinutes: 540 };
        const kind = valueKindOfFilter(filter, { currency, businessDayMinutes: 540, nouns: vocabulary.nouns });
        expect(kind).not.toBeNull();
        expect(value(readValue(applyFilter(filter, n, env), kind!))).toBe(n);
      }),
    );
    const env: FilterEnvironment = { language: 'zh-CN', currency: 'USD', vocabulary };
    expect(value(readValue(applyFilter({ name: 'date', arg: null }, '2027-01-01', env), valueKindOfFilter({ name: 'date', arg: null }, env)!))).toBe(
      '2027-01-01',
    );
    expect(valueKindOfFilter({ name: 'timeZone', arg: null }, env)).toBeNull();
  });
});

describe('what lawyers type', () => {
  it('percentages with spaces, full-width digits, words and Chinese numerals', () => {
    for (const text of [
      '99.9 %',
      '99.9%',
      ' 99.9  % ',
      '９９．９％',
      '99.9 per cent',
      '99.9 percent',
      '99.9 Percent',
      '百分之九十九点九',
      '百分之99.9',
      '九十九点九%',
    ]) {
      expect(value(readValue(text, percent)), text).toBe(99.9);
    }
  });

  it('days in figures, words and Chinese numerals, with the figures restated in brackets', () => {
    for (const text of [
      '30 days',
      '30 Days',
      '30日',
      '30 日',
      '30天',
      '三十日',
      '三十天',
      '30 calendar days',
      '30个自然日',
      'thirty (30) days',
      '30 (thirty) days',
      '三十（30）日',
    ]) {
      expect(value(readValue(text, days)), text).toBe(30);
    }
    expect(value(readValue('1 day', days))).toBe(1);
    expect(value(readValue('a day', days))).toBe(1);
    expect(value(readValue('forty-five days', days))).toBe(45);
    expect(value(readValue('one hundred and twenty days', days))).toBe(120);
    expect(value(readValue('twelve months', { kind: 'count', noun: 'month' }))).toBe(12);
    expect(value(readValue('十二个月', { kind: 'count', noun: 'month' }))).toBe(12);
    // "连续3个计量周期": in Chinese the word for consecutive stands before the number, outside the value.
    expect(value(readValue('3个计量周期', { kind: 'count', noun: 'consecutivePeriod' }))).toBe(3);
    expect(why('3 Measurement Periods', { kind: 'count', noun: 'consecutivePeriod' }).en).toBe(
      'This field takes consecutive Measurement Periods; the new text gives Measurement Periods.',
    );
  });

  it('Chinese numerals from 一 to 九十九, and beyond', () => {
    const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    // Written the way a Chinese contract writes them: 十, 十五, 二十, 九十九.
    const chinese = (n: number) => (n < 10 ? digits[n]! : `${n >= 20 ? digits[Math.floor(n / 10)] : ''}十${digits[n % 10]}`);
    for (let n = 1; n <= 99; n++) {
      expect(value(readValue(`${chinese(n)}日`, days)), chinese(n)).toBe(n);
      expect(value(readValue(`${chinese(n)}个工作日`, businessDays)), chinese(n)).toBe(n);
    }
    expect(value(readValue('一百零五天', days))).toBe(105);
    expect(value(readValue('两小时', minutes))).toBe(120);
    expect(value(readValue('两千美元', usd))).toBe(2000);
    expect(value(readValue('二〇二七年十二月三十一日', date))).toBe('2027-12-31');
    expect(value(readValue('二零二七年一月一号', date))).toBe('2027-01-01');
  });

  it('durations: hrs, mins, h, compound and half hours, 分钟 and 小时', () => {
    const cases: Array<[string, number]> = [
      ['4 hours', 240],
      ['4 hrs', 240],
      ['4h', 240],
      ['4小时', 240],
      ['4 个小时', 240],
      ['240 分钟', 240],
      ['240 mins', 240],
      ['240 minutes', 240],
      ['1 hour 30 minutes', 90],
      ['1 hr 30 mins', 90],
      ['1 hour and 30 minutes', 90],
      ['1 hour, 30 minutes', 90],
      ['1小时30分钟', 90],
      ['1小时零5分钟', 65],
      ['1.5 hours', 90],
      ['1个半小时', 90],
      ['一个半小时', 90],
      ['半小时', 30],
      ['half an hour', 30],
      ['an hour', 60],
      // Binary fractions would make this 6.000000000000001.
      ['0.1 hours', 6],
      ['2 days', 2_880],
      ['2天', 2_880],
      ['1 week', 10_080],
      ['90 seconds', 1.5],
      ['4 hours (240 minutes)', 240],
    ];
    for (const [text, expected] of cases) expect(value(readValue(text, minutes)), text).toBe(expected);
  });

  it('money: codes, Chinese currency names, 万 and "thousand", the amount in words', () => {
    expect(value(readValue('USD 85,000.00', usd))).toBe(85_000);
    expect(value(readValue('usd 85000', usd))).toBe(85_000);
    expect(value(readValue('US$85,000', usd))).toBe(85_000);
    expect(value(readValue('85,000.00 美元', usd))).toBe(85_000);
    expect(value(readValue('8.5万美元', usd))).toBe(85_000);
    expect(value(readValue('USD 85 thousand', usd))).toBe(85_000);
    expect(value(readValue('USD 1.2 million', usd))).toBe(1_200_000);
    expect(value(readValue('人民币 90,000.00 元', cny))).toBe(90_000);
    expect(value(readValue('RMB 90,000', cny))).toBe(90_000);
    expect(value(readValue('90,000元', cny))).toBe(90_000);
    expect(value(readValue('人民币玖万元整', cny))).toBe(90_000);
    expect(value(readValue('人民币 90,000.00 元（大写：人民币玖万元整）', cny))).toBe(90_000);
    expect(value(readValue('USD 90,000.00 (ninety thousand US dollars)', usd))).toBe(90_000);
    expect(value(readValue('人民币 1,680.32 元（大写：人民币壹仟陆佰捌拾元叁角贰分）', cny))).toBe(1_680.32);
    expect(value(readValue('JPY 85,000', { kind: 'money', currency: 'JPY' }))).toBe(85_000);
    expect(value(readValue('85,000日元', { kind: 'money', currency: 'JPY' }))).toBe(85_000);
  });

  it('dates in the forms of both languages', () => {
    for (const text of [
      '2027年1月1日',
      '2027 年 1 月 1 日',
      '２０２７年１月１日',
      '1 January 2027',
      '1st January 2027',
      'the 1st of January 2027',
      'January 1, 2027',
      'Jan. 1, 2027',
      '1 Jan 2027',
      '2027-01-01',
      '2027/1/1',
    ]) {
      expect(value(readValue(text, date)), text).toBe('2027-01-01');
    }
    expect(value(readValue('29 February 2028', date))).toBe('2028-02-29');
  });

  it('milliseconds and seconds for a latency level', () => {
    const ms: ValueKind = { kind: 'level', unit: 'ms' };
    expect(value(readValue('300 ms', ms))).toBe(300);
    expect(value(readValue('300 毫秒', ms))).toBe(300);
    expect(value(readValue('300 milliseconds', ms))).toBe(300);
    expect(value(readValue('15 min.', minutes))).toBe(15);
    expect(value(readValue('4 hrs.', minutes))).toBe(240);
    expect(value(readValue('0.3 seconds', ms))).toBe(300);
    expect(value(readValue('0.3秒', ms))).toBe(300);
  });
});

describe('what is not read, and the reason the user is shown', () => {
  it('"business days" is never read as calendar days, nor plain hours as Business Hours', () => {
    // Ten Business Days can be two calendar weeks: a different term, for the user to decide as wording.
    expect(why('30 business days', days)).toEqual({
      en: 'This field takes calendar days; the new text gives Business Days.',
      zh: '此字段应为日历日，新文本给出的是工作日。',
    });
    expect(why('30个工作日', days).en).toBe('This field takes calendar days; the new text gives Business Days.');
    expect(why('30 working days', days).en).toBe('This field takes calendar days; the new text gives Business Days.');
    expect(why('10 days', businessDays).en).toBe('This field takes Business Days; the new text gives calendar days.');
    expect(why('10 business days', minutes).en).toBe('This field takes a time in minutes, hours or days; the new text gives Business Days.');
    expect(why('4 hours', { kind: 'businessMinutes', businessDayMinutes: 540 }).zh).toBe('此字段应为以工作小时、工作日或分钟计的时长，新文本给出的是小时。');
    // Without business hours a Business Day has no length in minutes.
    expect(why('2 Business Days', { kind: 'businessMinutes', businessDayMinutes: null }).en).toBe(
      'This field takes a time in Business Hours, Business Days or minutes; the new text gives Business Days.',
    );
    expect(why('1 month', days).en).toBe('This field takes calendar days; the new text gives months.');
    expect(why('48 hours', days).en).toBe('This field takes calendar days; the new text gives hours.');
  });

  it('words that change the meaning are not read around', () => {
    expect(why('at least 99.9 %', percent)).toEqual({
      en: 'SLA Studio cannot read “at” as part of a value.',
      zh: 'SLA Studio 无法将“at”读作数值的一部分。',
    });
    expect(why('不少于99.9%', percent).zh).toBe('SLA Studio 无法将“不少于”读作数值的一部分。');
    expect(why('30 days after notice', days).en).toBe('SLA Studio cannot read “after” as part of a value.');
    expect(why('99.9 % or 99.95 %', percent).en).toBe('SLA Studio cannot read “or” as part of a value.');
    expect(why('reasonable', percent).en).toBe('SLA Studio cannot read “reasonable” as part of a value.');
  });

  it('more than one value, a missing unit, nothing at all', () => {
    expect(why('99.9 % 99.95 %', percent).en).toBe('The new text holds more than one value.');
    expect(why('30 minutes 1 hour', minutes).en).toBe('The new text holds more than one value.');
    expect(why('99.9', percent)).toEqual({
      en: 'The new text gives a number without its unit; this field takes a percentage.',
      zh: '新文本只给出数字而没有单位；此字段应为百分比。',
    });
    expect(why('240', minutes).en).toBe('The new text gives a number without its unit; this field takes a time in minutes, hours or days.');
    expect(why('120', { kind: 'level', unit: 'custom', customUnit: 'jobs/hour' }).en).toBe(
      'The new text gives a number without its unit; this field takes jobs/hour.',
    );
    expect(why('  ', percent)).toEqual({ en: 'The value was deleted and nothing was put in its place.', zh: '该数值已被删除，且未填入新值。' });
    expect(why('%', percent).en).toBe('The new text holds no number.');
  });

  it('figures that do not group by three are a typo, not a number', () => {
    expect(why('1,00 %', percent).en).toBe('SLA Studio cannot read “1,00” as part of a value.');
    expect(why('USD 85.000,00', usd).en).toBe('SLA Studio cannot read “85.000,00” as part of a value.');
  });

  it('money: the currency must be the draft’s and stated, the amount printable as typed', () => {
    expect(why('EUR 85,000.00', usd)).toEqual({
      en: 'The new amount is in EUR, but the draft\u2019s currency is USD.'.replace('\u2019', "'"),
      zh: '新金额的币种为EUR，但草稿的币种为USD。',
    });
    expect(why('85,000.00 欧元', usd).en).toBe("The new amount is in EUR, but the draft's currency is USD.");
    expect(why('85,000.00', usd).en).toBe("The new amount names no currency; the draft's currency is USD.");
    expect(why('$85,000', usd).en).toBe("“$” can stand for several currencies; the draft's currency is USD.");
    expect(why('¥85,000', cny).zh).toBe('“¥”可指多种货币；草稿的币种为CNY。');
    expect(why('USD 85,000.005', usd).en).toBe('The amount has more decimals than USD has (2): the contract cannot print it as written.');
    expect(why('JPY 85,000.5', { kind: 'money', currency: 'JPY' }).en).toBe(
      'The amount has more decimals than JPY has (0): the contract cannot print it as written.',
    );
    expect(why('人民币玖万元整', usd).en).toBe("The new amount is in CNY, but the draft's currency is USD.");
  });

  it('figures and words that disagree are not settled either way', () => {
    expect(why('thirty (31) days', days)).toEqual({
      en: 'The new text states two different values: “thirty” and “31”.',
      zh: '新文本写明了两个不同的数值：“thirty”和“31”。',
    });
    expect(why('99.9 % (ninety-nine point nine per cent)', percent).en).toBe('SLA Studio cannot read “point” as part of a value.');
    expect(why('USD 90,000.00 (ninety thousand euros)', usd).en).toBe("The new amount is in EUR, but the draft's currency is USD.");
    expect(why('4 hours (200 minutes)', minutes).en).toBe('The new text states two different values: “4 hours” and “200 minutes”.');
    // The figures were changed, the amount in words was not.
    expect(why('人民币 90,000.00 元（大写：人民币捌万伍仟元整）', cny).en).toBe(
      'The new text states two different values: “人民币90,000.00元” and “大写:人民币捌万伍仟元整”.',
    );
  });

  it('dates that read two ways, have no year or are not in the calendar', () => {
    expect(why('01/02/2027', date)).toEqual({
      en: '“01/02/2027” reads as two different dates, day first or month first; write the month as a word, such as 1 January 2027.',
      zh: '“01/02/2027”既可按日/月读，也可按月/日读，是两个不同的日期；请写明月份，例如2027年1月1日。',
    });
    expect(why('13/01/2027', date).en).toContain('day first or month first');
    expect(why('1 January', date).en).toBe('The date has no year.');
    expect(why('1月1日', date).zh).toBe('该日期没有年份。');
    expect(why('29 February 2027', date).en).toBe('“29 February 2027” is not a date of the calendar.');
    expect(why('2027年2月30日', date).zh).toBe('“2027年2月30日”不是日历上存在的日期。');
    expect(why('next Monday', date).en).toBe('SLA Studio cannot read “next Monday” as part of a value.');
  });

  it('every reason and unit has its words in both languages', () => {
    const messages = { en, 'zh-CN': zhCN } as const;
    for (const language of LOCALES) {
      const markup = messages[language].markup;
      expect(Object.keys(markup.value).sort()).toEqual([...UNREADABLE_REASONS].sort());
      expect(Object.keys(markup.unit).sort()).toEqual([...UNIT_NAMES].sort());
    }
  });
});

describe('any text at all', () => {
  const kinds: ValueKind[] = [
    percent,
    days,
    businessDays,
    minutes,
    date,
    usd,
    cny,
    { kind: 'number' },
    { kind: 'seconds' },
    { kind: 'businessMinutes', businessDayMinutes: 540 },
    { kind: 'level', unit: 'ms' },
    { kind: 'level', unit: 'custom', customUnit: 'jobs/hour' },
  ];
  // Pieces of what is read, so that the generated texts come near the grammar rather than only missing it.
  const piece = fc.constantFrom(
    '1',
    '30',
    ',',
    '.',
    '000',
    ' ',
    '%',
    '(',
    ')',
    'and',
    'days',
    '日',
    '十',
    '零',
    '百分之',
    '个半',
    '小时',
    'USD',
    '元',
    '壹',
    '大写:',
    '年',
    '月',
    'January',
    'thirty',
    '-',
    '万',
  );
  const text = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')),
  );

  it('gives a value of the field’s type or a reason with words in both languages, and never throws', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(...kinds), (typed, kind) => {
        const reading = readValue(typed, kind);
        if (reading.ok) {
          if (kind.kind === 'date') expect(reading.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          else expect(Number.isFinite(reading.value)).toBe(true);
        } else {
          for (const language of LOCALES) expect(describeUnreadable(reading.reason, t[language])).not.toMatch(/markup\.|\{\{/);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});
