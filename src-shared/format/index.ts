/**
 * Numbers, percentages, durations, money and dates as a reader of the
 * contract, the UI or a report expects them in each language.
 *
 * The whole application formats through these functions so that a figure
 * reads the same in the wizard, the preview, the .docx and the command line.
 *
 * Unit words (hour, 小时, 美元…) live here rather than in the i18n JSON files:
 * they are grammar tables the formatter composes (plural forms, zero parts
 * left out), not UI sentences, and Intl.DurationFormat is not available on
 * every runtime we support (Node 20). A metric's level (formatLevel) takes
 * the translate function for the latency and custom unit words, which are
 * UI strings ("300 ms", "300 毫秒").
 *
 * Numeric input must be finite: the schema guarantees it for user data, so a
 * NaN here is a bug upstream and throws a RangeError rather than printing
 * "NaN" into a contract.
 */
import type { Locale, Translate } from '../i18n';
import { currencyDecimals } from '../math/money';
import { instantToEpochMs, type Instant } from '../math/downtime';
import type { MetricUnit } from '../model/metrics';

const NBSP = '\u00A0';

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, minFractionDigits: number, maxFractionDigits: number): Intl.NumberFormat {
  const key = `${locale}|${minFractionDigits}|${maxFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      minimumFractionDigits: minFractionDigits,
      maximumFractionDigits: maxFractionDigits,
      useGrouping: true,
    });
    numberFormats.set(key, format);
  }
  return format;
}

function assertFinite(value: number, what: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`${what} must be a finite number, got ${String(value)}`);
  }
}

function clampDigits(digits: number): number {
  return Math.min(20, Math.max(0, Math.trunc(digits)));
}

/**
 * A number with grouping and at most `maxFractionDigits` decimals, without
 * trailing zeros: 12500.5 → "12,500.5". Rounding goes through Intl, which
 * works on the decimal representation, so 0.1 + 0.2 prints as "0.3".
 */
export function formatNumber(value: number, locale: Locale, maxFractionDigits = 2): string {
  assertFinite(value, 'formatNumber value');
  return numberFormat(locale, 0, clampDigits(maxFractionDigits)).format(value);
}

export interface PercentFormatOptions {
  /**
   * Most decimals shown; default 4, enough for "99.9999 %" targets while
   * hiding binary floating-point noise such as 99.94999999999999.
   */
  maxFractionDigits?: number;
}

/**
 * A percentage given in percent units (99.95 means 99.95 %): en "99.95 %"
 * with a no-break space so the sign never wraps to the next line of a
 * contract, zh-CN "99.95%" (Chinese typesetting uses no space).
 */
export function formatPercent(value: number, locale: Locale, options: PercentFormatOptions = {}): string {
  assertFinite(value, 'formatPercent value');
  const digits = formatNumber(value, locale, options.maxFractionDigits ?? 4);
  return locale === 'zh-CN' ? `${digits}%` : `${digits}${NBSP}%`;
}

// ── Durations ───────────────────────────────────────────────────────────────

type DurationUnit = 'day' | 'hour' | 'minute' | 'second';

const UNIT_SECONDS: Record<DurationUnit, number> = { day: 86_400, hour: 3_600, minute: 60, second: 1 };
const UNITS_LARGEST_FIRST: readonly DurationUnit[] = ['day', 'hour', 'minute', 'second'];

const EN_UNITS: Record<DurationUnit, { one: string; other: string; short: string }> = {
  day: { one: 'day', other: 'days', short: 'd' },
  hour: { one: 'hour', other: 'hours', short: 'h' },
  minute: { one: 'minute', other: 'minutes', short: 'min' },
  second: { one: 'second', other: 'seconds', short: 's' },
};

/**
 * Chinese units. Next to seconds, minutes are written 分 ("43分50秒"); a
 * duration counted in whole minutes uses 分钟 ("15分钟"), as contracts do.
 */
const ZH_UNITS: Record<DurationUnit, string> = { day: '天', hour: '小时', minute: '分', second: '秒' };

function splitDuration(totalSeconds: number, units: readonly DurationUnit[]): Array<[DurationUnit, number]> {
  let rest = totalSeconds;
  const parts: Array<[DurationUnit, number]> = [];
  for (const unit of units) {
    const count = Math.floor(rest / UNIT_SECONDS[unit]);
    rest -= count * UNIT_SECONDS[unit];
    if (count > 0) parts.push([unit, count]);
  }
  return parts;
}

function joinDuration(parts: Array<[DurationUnit, number]>, locale: Locale, style: 'long' | 'short', zhMinuteWord: string): string {
  if (locale === 'zh-CN') {
    return parts.map(([unit, count]) => `${formatNumber(count, locale, 0)}${unit === 'minute' ? zhMinuteWord : ZH_UNITS[unit]}`).join('');
  }
  return parts
    .map(([unit, count]) => {
      const words = EN_UNITS[unit];
      const word = style === 'short' ? words.short : count === 1 ? words.one : words.other;
      return `${formatNumber(count, locale, 0)} ${word}`;
    })
    .join(' ');
}

export interface DurationFormatOptions {
  /** The largest unit used; default 'day'. With 'hour', 26 hours stay "26 hours". */
  largest?: 'day' | 'hour' | 'minute';
  /** 'long' (default): "43 minutes 50 seconds"; 'short': "43 min 50 s" for tables. Chinese is the same in both. */
  style?: 'long' | 'short';
}

/**
 * A duration in seconds, rounded to the nearest second, with the zero parts
 * left out: en "1 hour 26 minutes 24 seconds", "1 minute", "0 seconds";
 * zh-CN "1小时26分24秒", "1天2小时", "0秒".
 */
export function formatDurationSeconds(seconds: number, locale: Locale, options: DurationFormatOptions = {}): string {
  assertFinite(seconds, 'formatDurationSeconds seconds');
  const largest = options.largest ?? 'day';
  const style = options.style ?? 'long';
  const total = Math.round(Math.abs(seconds));
  const units = UNITS_LARGEST_FIRST.slice(UNITS_LARGEST_FIRST.indexOf(largest));
  const parts = splitDuration(total, units);
  // 分 reads as minutes only beside 秒 ("43分50秒"); on its own it must be 分钟 ("1分钟", "1小时5分钟").
  const zhMinute = parts.some(([unit]) => unit === 'second') ? ZH_UNITS.minute : '分钟';
  const text = joinDuration(parts.length > 0 ? parts : [['second', 0]], locale, style, zhMinute);
  return seconds < 0 && total > 0 ? `-${text}` : text;
}

/**
 * A contractual duration in whole minutes (response times, notice periods):
 * en "15 minutes", "4 hours", "1 hour 30 minutes", and "10 days" only when
 * the duration is a whole number of days — "36 hours" stays in hours, as a
 * contract would state it; zh-CN "15分钟", "4小时", "1小时30分钟", "10天".
 */
export function formatDurationMinutes(minutes: number, locale: Locale): string {
  assertFinite(minutes, 'formatDurationMinutes minutes');
  const total = Math.round(Math.abs(minutes));
  let parts: Array<[DurationUnit, number]>;
  if (total === 0) parts = [['minute', 0]];
  else if (total % 1_440 === 0) parts = [['day', total / 1_440]];
  else parts = splitDuration(total * 60, ['hour', 'minute']);
  const text = joinDuration(parts, locale, 'long', '分钟');
  return minutes < 0 && total > 0 ? `-${text}` : text;
}

/**
 * A duration counted only within Business Hours (a support time with
 * business-hours coverage), in whole minutes. It is never written in
 * calendar days, which would read as 24-hour days: a whole number of
 * business days (`businessDayMinutes` long) reads "10 Business Days" /
 * "10个工作日", whole hours "120 Business Hours" / "120个工作小时", and
 * otherwise the hours and minutes, "1 Business Hour 30 minutes" /
 * "1个工作小时30分钟"; under an hour "30 minutes" / "30分钟".
 * `businessDayMinutes` null (business hours not yet valid): no days.
 */
export function formatBusinessDurationMinutes(minutes: number, businessDayMinutes: number | null, locale: Locale): string {
  assertFinite(minutes, 'formatBusinessDurationMinutes minutes');
  const total = Math.round(Math.abs(minutes));
  const sign = minutes < 0 && total > 0 ? '-' : '';
  const zh = locale === 'zh-CN';
  const count = (value: number, en: { one: string; other: string }, zhWord: string) =>
    zh ? `${formatNumber(value, locale, 0)}${zhWord}` : `${formatNumber(value, locale, 0)} ${value === 1 ? en.one : en.other}`;
  const day = businessDayMinutes !== null && Number.isInteger(businessDayMinutes) && businessDayMinutes > 0 ? businessDayMinutes : null;
  if (total > 0 && day !== null && total % day === 0) return sign + count(total / day, { one: 'Business Day', other: 'Business Days' }, '个工作日');
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  const parts: string[] = [];
  if (hours > 0) parts.push(count(hours, { one: 'Business Hour', other: 'Business Hours' }, '个工作小时'));
  if (rest > 0 || hours === 0) parts.push(count(rest, EN_UNITS.minute, '分钟'));
  return sign + parts.join(zh ? '' : ' ');
}

// ── Money ───────────────────────────────────────────────────────────────────

/**
 * Chinese currency names, written after the amount ("12,500.00 美元"); CNY
 * has its own form. Exported for the reader of a returned contract
 * (markup/values.ts), which reads these names back.
 */
export const ZH_CURRENCY_NAMES: Record<string, string> = {
  USD: '美元',
  EUR: '欧元',
  GBP: '英镑',
  HKD: '港元',
  SGD: '新加坡元',
  JPY: '日元',
  AUD: '澳元',
  CAD: '加元',
  CHF: '瑞士法郎',
};

/**
 * An amount of money as contracts write it. The ISO code rather than a
 * symbol, because "$" is ambiguous between USD, HKD, SGD, AUD and CAD:
 * en "USD 12,500.00"; zh-CN "人民币 12,500.00 元" for CNY (the form of
 * Chinese contracts) and "12,500.00 美元" for other currencies. An unknown
 * code is shown as the code with two decimals.
 */
export function formatMoney(amount: number, currency: string, locale: Locale): string {
  assertFinite(amount, 'formatMoney amount');
  const decimals = currencyDecimals(currency);
  // -0 (e.g. a credit of 0 × -1) would print as "-0.00".
  const digits = numberFormat(locale, decimals, decimals).format(amount === 0 ? 0 : amount);
  if (locale !== 'zh-CN') return `${currency} ${digits}`;
  if (currency === 'CNY') return `人民币 ${digits} 元`;
  return `${digits} ${ZH_CURRENCY_NAMES[currency] ?? currency}`;
}

const UPPER_DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const UPPER_PLACES = ['', '拾', '佰', '仟'] as const;
const TEN_THOUSAND = 10_000n;
const HUNDRED_MILLION = 100_000_000n;

/** 1–9999 in uppercase numerals: one 零 for any run of zeros between figures, none at the end ("壹仟零壹拾"). */
function upperGroup(group: bigint): string {
  const digits = group.toString().padStart(4, '0');
  let text = '';
  let zero = false;
  for (let i = 0; i < 4; i++) {
    const digit = Number(digits[i]);
    if (digit === 0) {
      zero = text !== '';
      continue;
    }
    if (zero) text += '零';
    zero = false;
    text += UPPER_DIGITS[digit]! + UPPER_PLACES[3 - i]!;
  }
  return text;
}

/** A whole number above zero in uppercase numerals, by 万 and 亿: 壹拾万零伍, 壹亿零壹万, 壹万贰仟亿. */
function upperWhole(value: bigint): string {
  const split = (unit: bigint, name: string, lowHead: bigint, high: (n: bigint) => string, low: (n: bigint) => string) => {
    const head = high(value / unit) + name;
    const rest = value % unit;
    if (rest === 0n) return head;
    // A zero between the parts is read out: 壹拾万零伍 (100,005), 壹亿零壹万 (100,010,000).
    return head + (rest < lowHead ? '零' : '') + low(rest);
  };
  if (value >= HUNDRED_MILLION) return split(HUNDRED_MILLION, '亿', 10_000_000n, upperWhole, upperWhole);
  if (value >= TEN_THOUSAND) return split(TEN_THOUSAND, '万', 1_000n, upperGroup, upperGroup);
  return upperGroup(value);
}

/**
 * An amount in Chinese uppercase numerals (大写), as a Chinese contract
 * writes it beside the figures so that they cannot be altered: the currency,
 * then 元, 角 and 分, "整" after 元 or 角 when nothing follows
 * (《支付结算办法》): 85000 CNY → "人民币捌万伍仟元整", 1680.32 →
 * "人民币壹仟陆佰捌拾元叁角贰分", 1.05 → "人民币壹元零伍分". The amount is
 * rounded to the currency's decimals as the figures are, so the two always
 * agree; currencies other than CNY are named before the amount
 * ("美元壹万贰仟伍佰元整").
 */
export function formatChineseUppercaseAmount(amount: number, currency: string): string {
  assertFinite(amount, 'formatChineseUppercaseAmount amount');
  if (amount < 0) throw new RangeError('formatChineseUppercaseAmount: an amount in words is never negative');
  const decimals = currencyDecimals(currency);
  // The same rounding as the figures (formatMoney), read back digit by digit.
  const [whole = '0', fraction = ''] = numberFormat('en', decimals, decimals).format(amount).replaceAll(',', '').split('.');
  const yuan = BigInt(whole);
  const jiao = Number(fraction[0] ?? '0');
  const fen = Number(fraction[1] ?? '0');
  const prefix = currency === 'CNY' ? '人民币' : (ZH_CURRENCY_NAMES[currency] ?? currency);
  let text = yuan > 0n ? `${upperWhole(yuan)}元` : '';
  if (jiao === 0 && fen === 0) return `${prefix}${text === '' ? '零元' : text}整`;
  if (jiao > 0) text += `${UPPER_DIGITS[jiao]!}角`;
  else if (yuan > 0n) text += '零';
  text += fen > 0 ? `${UPPER_DIGITS[fen]!}分` : '整';
  return prefix + text;
}

/**
 * An amount as a Chinese contract states a fee or a cap: the figures, then
 * the amount in uppercase numerals — "人民币 85,000.00 元（大写：人民币捌万伍仟元整）".
 * English contracts state the figures only.
 */
export function formatMoneyWithWords(amount: number, currency: string, locale: Locale): string {
  const figures = formatMoney(amount, currency, locale);
  return locale === 'zh-CN' ? `${figures}（大写：${formatChineseUppercaseAmount(amount, currency)}）` : figures;
}

// ── Dates ───────────────────────────────────────────────────────────────────

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/**
 * A calendar date 'YYYY-MM-DD' as written in a contract: en "26 November
 * 2026", zh-CN "2026年11月26日". Pure string work: a calendar date has no
 * time zone, and going through Date would shift it by a day west of UTC.
 * A string that is not a real calendar date is returned unchanged, so a
 * half-typed date in the live preview shows as typed instead of failing.
 */
export function formatDate(isoDate: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return isoDate;
  if (locale === 'zh-CN') return `${year}年${month}月${day}日`;
  return `${day} ${EN_MONTHS[month - 1]} ${year}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();

function monthFormat(locale: Locale, style: 'long' | 'short'): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let format = monthFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, style === 'long' ? { year: 'numeric', month: 'long', timeZone: 'UTC' } : { month: 'short', timeZone: 'UTC' });
    monthFormats.set(key, format);
  }
  return format;
}

function monthStart(month: string): number {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return Date.UTC(year, monthNumber - 1, 1);
}

/** A calendar month 'YYYY-MM' as a report or a source note names it: en "October 2027", zh-CN "2027年10月". */
export function formatMonth(month: string, locale: Locale): string {
  return monthFormat(locale, 'long').format(monthStart(month));
}

/** A calendar month 'YYYY-MM' as a chart's axis labels it: en "Oct", zh-CN "10月". */
export function formatShortMonth(month: string, locale: Locale): string {
  return monthFormat(locale, 'short').format(monthStart(month));
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A point in time as the clocks of a time zone show it, to the minute, for
 * incident lists and report footers: en "29 March 2026 09:00", zh-CN
 * "2026年3月29日 09:00". The zone is not printed; say it once in the
 * heading rather than on every row. Throws a RangeError for an unknown
 * zone or an instant without an offset (see math/downtime Instant).
 */
export function formatDateTime(instant: Instant, locale: Locale, timeZone = 'UTC'): string {
  const epochMs = instantToEpochMs(instant);
  let format = dateTimeFormats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      });
    } catch {
      throw new RangeError(`Unknown time zone "${timeZone}"; use an IANA name such as Europe/London or Asia/Shanghai`);
    }
    dateTimeFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(epochMs);
  const value = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const date = formatDate(`${value('year').padStart(4, '0')}-${value('month')}-${value('day')}`, locale);
  return `${date} ${value('hour')}:${value('minute')}`;
}

// ── Levels ──────────────────────────────────────────────────────────────────

export interface LevelFormatOptions {
  /** A custom metric's own unit ("jobs/hour"); without one (empty or blank) the bare number is shown. */
  customUnit?: string | null;
  /**
   * Most decimals of a latency or custom level; default 2, as the wizard
   * and the report show them. Compare and the playbook show 4, so that a
   * change in the third decimal is visible. Percentages always allow 4.
   */
  maxFractionDigits?: number;
}

/**
 * A target, a measured value or a tier threshold in its metric's unit, as
 * the wizard, the report, compare and the playbook all print it: en
 * "99.95 %", "300 ms", "4 hours", "120 jobs/hour"; zh-CN "99.95%",
 * "300 毫秒", "4小时", "120 jobs/hour". The unit is the metric's
 * (src-shared/model/metrics.ts metricSemantics).
 */
export function formatLevel(value: number, unit: MetricUnit, locale: Locale, t: Translate, options: LevelFormatOptions = {}): string {
  const digits = options.maxFractionDigits ?? 2;
  switch (unit) {
    case 'percent':
      return formatPercent(value, locale);
    case 'ms':
      return t('units.msValue', { value: formatNumber(value, locale, digits) });
    case 'minutes':
      return formatDurationMinutes(value, locale);
    case 'custom': {
      const number = formatNumber(value, locale, digits);
      const customUnit = options.customUnit?.trim() ?? '';
      return customUnit === '' ? number : t('units.customValue', { value: number, unit: options.customUnit });
    }
  }
}
