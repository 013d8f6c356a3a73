import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createI18n } from '../i18n';
import {
  formatBusinessDurationMinutes,
  formatChineseUppercaseAmount,
  formatDate,
  formatDateTime,
  formatDurationMinutes,
  formatDurationSeconds,
  formatLevel,
  formatMoney,
  formatMoneyWithWords,
  formatMonth,
  formatNumber,
  formatPercent,
  formatShortMonth,
} from './index';

const NBSP = '\u00A0';

describe('formatPercent', () => {
  it('puts a no-break space before % in English and none in Chinese', () => {
    expect(formatPercent(99.95, 'en')).toBe(`99.95${NBSP}%`);
    expect(formatPercent(99.95, 'zh-CN')).toBe('99.95%');
  });

  it('shows what the user typed, without floating-point noise or trailing zeros', () => {
    // 100 - 0.1 = 99.9 exactly as typed; 99.94999999999999 is what 100 - 0.05000000000001 gives.
    expect(formatPercent(100 - 0.1, 'en')).toBe(`99.9${NBSP}%`);
    expect(formatPercent(0.1 + 0.2, 'zh-CN')).toBe('0.3%');
    expect(formatPercent(99.94999999999999, 'en')).toBe(`99.95${NBSP}%`);
    expect(formatPercent(100, 'en')).toBe(`100${NBSP}%`);
    expect(formatPercent(99.999, 'zh-CN')).toBe('99.999%');
  });

  it('rounds to the requested number of decimals', () => {
    expect(formatPercent(99.98765, 'en', { maxFractionDigits: 2 })).toBe(`99.99${NBSP}%`);
  });

  it('refuses NaN rather than printing it into a contract', () => {
    expect(() => formatPercent(Number.NaN, 'en')).toThrow(RangeError);
  });
});

describe('formatNumber', () => {
  it('groups thousands and keeps at most the requested decimals', () => {
    expect(formatNumber(12500.5, 'en')).toBe('12,500.5');
    expect(formatNumber(1234567.891, 'zh-CN')).toBe('1,234,567.89');
    expect(formatNumber(43.8291, 'en', 1)).toBe('43.8');
    expect(formatNumber(2592, 'en', 0)).toBe('2,592');
  });
});

describe('formatDurationSeconds', () => {
  it('writes the budget durations of a 99.9 % target in English', () => {
    // 0.1 % of the average month, 2,629,746 s = 2,629.746 s = 43 min 49.746 s → 43 min 50 s.
    expect(formatDurationSeconds(2_629.746, 'en')).toBe('43 minutes 50 seconds');
    // 0.1 % of a 30-day month: 2,592 s = 43 min 12 s.
    expect(formatDurationSeconds(2_592, 'en')).toBe('43 minutes 12 seconds');
    // 99.9 % of 60 days: 0.1 % × 5,184,000 s = 5,184 s = 3,600 + 26 × 60 + 24 = 1 h 26 min 24 s.
    expect(formatDurationSeconds(5_184, 'en')).toBe('1 hour 26 minutes 24 seconds');
    // 0.1 % of the mean year: 31,556.952 s = 8 h 45 min 56.952 s → 8 h 45 min 57 s.
    expect(formatDurationSeconds(31_556.952, 'en')).toBe('8 hours 45 minutes 57 seconds');
    expect(formatDurationSeconds(31_558, 'en')).toBe('8 hours 45 minutes 58 seconds');
  });

  it('gets singular and plural right and leaves zero parts out', () => {
    expect(formatDurationSeconds(60, 'en')).toBe('1 minute');
    expect(formatDurationSeconds(61, 'en')).toBe('1 minute 1 second');
    expect(formatDurationSeconds(0, 'en')).toBe('0 seconds');
    expect(formatDurationSeconds(0.4, 'en')).toBe('0 seconds');
    expect(formatDurationSeconds(3_600, 'en')).toBe('1 hour');
    expect(formatDurationSeconds(93_600, 'en')).toBe('1 day 2 hours');
    expect(formatDurationSeconds(2 * 86_400 + 1, 'en')).toBe('2 days 1 second');
  });

  it('writes Chinese durations without spaces', () => {
    expect(formatDurationSeconds(2_629.746, 'zh-CN')).toBe('43分50秒');
    expect(formatDurationSeconds(5_184, 'zh-CN')).toBe('1小时26分24秒');
    expect(formatDurationSeconds(31_558, 'zh-CN')).toBe('8小时45分58秒');
    expect(formatDurationSeconds(93_600, 'zh-CN')).toBe('1天2小时');
    expect(formatDurationSeconds(0, 'zh-CN')).toBe('0秒');
    // Whole minutes without seconds read 分钟: "1分" alone is not Chinese for one minute.
    expect(formatDurationSeconds(60, 'zh-CN')).toBe('1分钟');
    expect(formatDurationSeconds(3_900, 'zh-CN')).toBe('1小时5分钟');
  });

  it('rounds to the nearest second, carrying into minutes', () => {
    expect(formatDurationSeconds(59.5, 'en')).toBe('1 minute');
    expect(formatDurationSeconds(59.49, 'en')).toBe('59 seconds');
  });

  it('stops at the largest unit asked for', () => {
    expect(formatDurationSeconds(93_600, 'en', { largest: 'hour' })).toBe('26 hours');
    expect(formatDurationSeconds(5_184, 'zh-CN', { largest: 'minute' })).toBe('86分24秒');
  });

  it('has a short style for tables', () => {
    expect(formatDurationSeconds(5_184, 'en', { style: 'short' })).toBe('1 h 26 min 24 s');
  });

  it('adds up back to the rounded number of seconds (property)', () => {
    const unitSeconds: Record<string, number> = { day: 86_400, days: 86_400, hour: 3_600, hours: 3_600, minute: 60, minutes: 60, second: 1, seconds: 1 };
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e8, noNaN: true }), (seconds) => {
        const words = formatDurationSeconds(seconds, 'en').split(' ');
        let total = 0;
        for (let i = 0; i < words.length; i += 2) {
          total += Number(words[i]!.replace(/,/g, '')) * unitSeconds[words[i + 1]!]!;
        }
        expect(total).toBe(Math.round(seconds));
      }),
    );
  });
});

describe('formatDurationMinutes', () => {
  it('writes contractual durations in English', () => {
    expect(formatDurationMinutes(15, 'en')).toBe('15 minutes');
    expect(formatDurationMinutes(240, 'en')).toBe('4 hours');
    expect(formatDurationMinutes(90, 'en')).toBe('1 hour 30 minutes');
    expect(formatDurationMinutes(14_400, 'en')).toBe('10 days');
    expect(formatDurationMinutes(1_440, 'en')).toBe('1 day');
    expect(formatDurationMinutes(1, 'en')).toBe('1 minute');
    // 36 hours is not a whole number of days: contracts keep it in hours.
    expect(formatDurationMinutes(2_160, 'en')).toBe('36 hours');
  });

  it('writes contractual durations in Chinese with 分钟', () => {
    expect(formatDurationMinutes(15, 'zh-CN')).toBe('15分钟');
    expect(formatDurationMinutes(240, 'zh-CN')).toBe('4小时');
    expect(formatDurationMinutes(90, 'zh-CN')).toBe('1小时30分钟');
    expect(formatDurationMinutes(14_400, 'zh-CN')).toBe('10天');
  });
});

describe('formatBusinessDurationMinutes', () => {
  it('never writes a time counted within Business Hours in calendar days', () => {
    // Enterprise P4: 7,200 minutes with 12-hour business days.
    expect(formatBusinessDurationMinutes(7_200, 720, 'en')).toBe('10 Business Days');
    expect(formatBusinessDurationMinutes(720, 720, 'en')).toBe('1 Business Day');
    expect(formatBusinessDurationMinutes(7_200, 540, 'en')).toBe('120 Business Hours');
    expect(formatBusinessDurationMinutes(60, 540, 'en')).toBe('1 Business Hour');
    expect(formatBusinessDurationMinutes(90, 540, 'en')).toBe('1 Business Hour 30 minutes');
    expect(formatBusinessDurationMinutes(30, 540, 'en')).toBe('30 minutes');
    expect(formatBusinessDurationMinutes(1_440, null, 'en')).toBe('24 Business Hours');
  });

  it('in Chinese: 个工作日, 个工作小时', () => {
    expect(formatBusinessDurationMinutes(7_200, 720, 'zh-CN')).toBe('10个工作日');
    expect(formatBusinessDurationMinutes(7_200, 540, 'zh-CN')).toBe('120个工作小时');
    expect(formatBusinessDurationMinutes(90, 540, 'zh-CN')).toBe('1个工作小时30分钟');
    expect(formatBusinessDurationMinutes(15, 540, 'zh-CN')).toBe('15分钟');
  });
});

describe('formatMoney', () => {
  it('writes the ISO code before the amount in English', () => {
    expect(formatMoney(12_500, 'USD', 'en')).toBe('USD 12,500.00');
    expect(formatMoney(1_250.5, 'EUR', 'en')).toBe('EUR 1,250.50');
  });

  it('writes CNY as 人民币 … 元 and other currencies by their Chinese name', () => {
    expect(formatMoney(12_500, 'CNY', 'zh-CN')).toBe('人民币 12,500.00 元');
    expect(formatMoney(12_500, 'USD', 'zh-CN')).toBe('12,500.00 美元');
    expect(formatMoney(12_500, 'EUR', 'zh-CN')).toBe('12,500.00 欧元');
    expect(formatMoney(12_500, 'GBP', 'zh-CN')).toBe('12,500.00 英镑');
    expect(formatMoney(12_500, 'HKD', 'zh-CN')).toBe('12,500.00 港元');
  });

  it('shows JPY without decimals', () => {
    expect(formatMoney(1_250_000, 'JPY', 'en')).toBe('JPY 1,250,000');
    expect(formatMoney(1_250_000.4, 'JPY', 'zh-CN')).toBe('1,250,000 日元');
  });

  it('never prints a negative zero', () => {
    expect(formatMoney(-0, 'USD', 'en')).toBe('USD 0.00');
  });
});

describe('formatDate', () => {
  it('writes a calendar date as a contract does', () => {
    expect(formatDate('2026-11-26', 'en')).toBe('26 November 2026');
    expect(formatDate('2026-11-26', 'zh-CN')).toBe('2026年11月26日');
    expect(formatDate('2026-01-05', 'en')).toBe('5 January 2026');
    expect(formatDate('2026-01-05', 'zh-CN')).toBe('2026年1月5日');
    expect(formatDate('2028-02-29', 'en')).toBe('29 February 2028');
  });

  it('returns a string that is not a calendar date unchanged', () => {
    expect(formatDate('2026-02-30', 'en')).toBe('2026-02-30');
    expect(formatDate('2026-11', 'zh-CN')).toBe('2026-11');
    expect(formatDate('', 'en')).toBe('');
  });
});

describe('formatDateTime', () => {
  it('shows an instant on the clocks of a time zone, to the minute', () => {
    // 08:00 UTC on 30 March 2026 is 09:00 BST in London and 16:00 in Shanghai.
    expect(formatDateTime('2026-03-30T08:00:00Z', 'en', 'Europe/London')).toBe('30 March 2026 09:00');
    expect(formatDateTime('2026-03-30T08:00:00Z', 'zh-CN', 'Asia/Shanghai')).toBe('2026年3月30日 16:00');
    // Midnight is 00:00, not 24:00; the default zone is UTC.
    expect(formatDateTime(Date.UTC(2026, 10, 26), 'en')).toBe('26 November 2026 00:00');
    expect(() => formatDateTime('2026-03-30T08:00:00', 'en')).toThrow(/offset/);
    expect(() => formatDateTime('2026-03-30T08:00:00Z', 'en', 'Nowhere/City')).toThrow(/Nowhere\/City/);
  });
});

describe('formatMonth', () => {
  it('names a month as a report heading does', () => {
    expect(formatMonth('2027-10', 'en')).toBe('October 2027');
    expect(formatMonth('2027-10', 'zh-CN')).toBe('2027年10月');
    expect(formatMonth('2028-01', 'en')).toBe('January 2028');
  });

  it('labels a chart axis with the short month', () => {
    expect(formatShortMonth('2027-10', 'en')).toBe('Oct');
    expect(formatShortMonth('2027-10', 'zh-CN')).toBe('10月');
  });
});

describe('formatLevel', () => {
  const en = createI18n('en').t;
  const zh = createI18n('zh-CN').t;

  it('writes a level in each metric unit in English', () => {
    expect(formatLevel(99.95, 'percent', 'en', en)).toBe(`99.95${NBSP}%`);
    expect(formatLevel(99.9999, 'percent', 'en', en)).toBe(`99.9999${NBSP}%`);
    expect(formatLevel(1250, 'ms', 'en', en)).toBe('1,250 ms');
    expect(formatLevel(240, 'minutes', 'en', en)).toBe('4 hours');
    expect(formatLevel(90, 'minutes', 'en', en)).toBe('1 hour 30 minutes');
    expect(formatLevel(120, 'custom', 'en', en, { customUnit: 'jobs/hour' })).toBe('120 jobs/hour');
  });

  it('writes a level in each metric unit in Chinese', () => {
    expect(formatLevel(99.95, 'percent', 'zh-CN', zh)).toBe('99.95%');
    expect(formatLevel(1250, 'ms', 'zh-CN', zh)).toBe('1,250 毫秒');
    expect(formatLevel(240, 'minutes', 'zh-CN', zh)).toBe('4小时');
    expect(formatLevel(90, 'minutes', 'zh-CN', zh)).toBe('1小时30分钟');
    expect(formatLevel(120, 'custom', 'zh-CN', zh, { customUnit: '个任务/小时' })).toBe('120 个任务/小时');
  });

  it('shows a custom level without a unit as the bare number', () => {
    expect(formatLevel(99, 'custom', 'en', en)).toBe('99');
    expect(formatLevel(99, 'custom', 'en', en, { customUnit: null })).toBe('99');
    expect(formatLevel(99, 'custom', 'zh-CN', zh, { customUnit: '  ' })).toBe('99');
  });

  it('shows two decimals of a latency or custom level unless asked for more', () => {
    expect(formatLevel(212.125, 'ms', 'en', en)).toBe('212.13 ms');
    expect(formatLevel(212.125, 'ms', 'en', en, { maxFractionDigits: 4 })).toBe('212.125 ms');
    expect(formatLevel(0.12345, 'custom', 'zh-CN', zh, { customUnit: 'jobs', maxFractionDigits: 4 })).toBe('0.1235 jobs');
    // A percentage always allows four decimals, whatever is asked for the other units.
    expect(formatLevel(99.12345, 'percent', 'en', en, { maxFractionDigits: 2 })).toBe(`99.1235${NBSP}%`);
  });
});

/** Reads an amount in uppercase numerals back into minor units (分), independently of the formatter. */
function readUppercase(text: string): bigint {
  const DIGITS = '零壹贰叁肆伍陆柒捌玖';
  const PLACES: Record<string, bigint> = { 拾: 10n, 佰: 100n, 仟: 1000n };
  const group = (part: string): bigint => {
    let total = 0n;
    let digit = 0n;
    for (const char of part) {
      if (DIGITS.includes(char)) digit = BigInt(DIGITS.indexOf(char));
      else if (PLACES[char] !== undefined) {
        total += digit * PLACES[char]!;
        digit = 0n;
      } else throw new Error(`unexpected ${char} in ${text}`);
    }
    return total + digit;
  };
  const whole = (part: string): bigint => {
    const yi = part.lastIndexOf('亿');
    if (yi >= 0) return whole(part.slice(0, yi)) * 100_000_000n + whole(part.slice(yi + 1));
    const wan = part.indexOf('万');
    if (wan >= 0) return group(part.slice(0, wan)) * 10_000n + group(part.slice(wan + 1));
    return group(part);
  };
  const match = /^人民币(?:(.+)元)?(?:([壹贰叁肆伍陆柒捌玖])角)?(?:零?([壹贰叁肆伍陆柒捌玖])分)?整?$/u.exec(text);
  if (!match) throw new Error(`not an amount in words: ${text}`);
  const [, yuan = '', jiao, fen] = match;
  return whole(yuan) * 100n + (jiao ? BigInt(DIGITS.indexOf(jiao)) * 10n : 0n) + (fen ? BigInt(DIGITS.indexOf(fen)) : 0n);
}

describe('formatChineseUppercaseAmount', () => {
  it.each([
    [85_000, '人民币捌万伍仟元整'],
    [0, '人民币零元整'],
    [1, '人民币壹元整'],
    [10, '人民币壹拾元整'],
    [15, '人民币壹拾伍元整'],
    [101, '人民币壹佰零壹元整'],
    [1_001, '人民币壹仟零壹元整'],
    [1_010, '人民币壹仟零壹拾元整'],
    [1_100, '人民币壹仟壹佰元整'],
    [10_000, '人民币壹万元整'],
    [100_005, '人民币壹拾万零伍元整'],
    [105_000, '人民币壹拾万伍仟元整'],
    [1_000_000, '人民币壹佰万元整'],
    [1_010_000, '人民币壹佰零壹万元整'],
    [12_500, '人民币壹万贰仟伍佰元整'],
    [25_500, '人民币贰万伍仟伍佰元整'],
    [100_000_000, '人民币壹亿元整'],
    [100_010_000, '人民币壹亿零壹万元整'],
    [110_000_000, '人民币壹亿壹仟万元整'],
    [100_000_001, '人民币壹亿零壹元整'],
    [1_200_000_000_000, '人民币壹万贰仟亿元整'],
    [1_000_000_050_000, '人民币壹万亿零伍万元整'],
    [1_680.32, '人民币壹仟陆佰捌拾元叁角贰分'],
    [1.05, '人民币壹元零伍分'],
    [1.5, '人民币壹元伍角整'],
    [0.5, '人民币伍角整'],
    [0.05, '人民币伍分'],
    [0.35, '人民币叁角伍分'],
    [107_000.53, '人民币壹拾万柒仟元伍角叁分'],
    [0.004, '人民币零元整'],
    [0.995, '人民币壹元整'],
  ])('%s CNY → %s', (amount, words) => {
    expect(formatChineseUppercaseAmount(amount, 'CNY')).toBe(words);
  });

  it('names another currency before the amount and keeps its decimals', () => {
    expect(formatChineseUppercaseAmount(12_500, 'USD')).toBe('美元壹万贰仟伍佰元整');
    expect(formatChineseUppercaseAmount(12_500.4, 'JPY')).toBe('日元壹万贰仟伍佰元整');
  });

  it('refuses a negative or non-finite amount', () => {
    expect(() => formatChineseUppercaseAmount(-1, 'CNY')).toThrow(RangeError);
    expect(() => formatChineseUppercaseAmount(Number.NaN, 'CNY')).toThrow();
  });

  it('always reads back as the figures say, with one 零 for a run of zeros and none at a unit', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (cents) => {
        const words = formatChineseUppercaseAmount(Number(cents) / 100, 'CNY');
        expect(readUppercase(words)).toBe(cents);
        if (cents > 0n) expect(words).not.toMatch(/零零|零[万亿元角分整]|角零/u);
        expect(words.endsWith('分') || words.endsWith('整')).toBe(true);
        expect(words.endsWith('分整')).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  });

  it('goes beside the figures in a Chinese contract only', () => {
    expect(formatMoneyWithWords(85_000, 'CNY', 'zh-CN')).toBe('人民币 85,000.00 元（大写：人民币捌万伍仟元整）');
    expect(formatMoneyWithWords(12_500, 'USD', 'zh-CN')).toBe('12,500.00 美元（大写：美元壹万贰仟伍佰元整）');
    expect(formatMoneyWithWords(12_500, 'USD', 'en')).toBe('USD 12,500.00');
  });
});
