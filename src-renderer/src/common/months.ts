/**
 * A calendar month ('YYYY-MM') as the user reads it — "October 2027",
 * "2027年10月" — and the month before it. The reports and the calculator
 * name months alike.
 */
import type { Locale } from '../../../src-shared/i18n';

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

/** "October 2027", "2027年10月". */
export function formatMonth(month: string, locale: Locale): string {
  return monthFormat(locale, 'long').format(monthStart(month));
}

/** "Oct", "10月": a chart's axis label. */
export function formatShortMonth(month: string, locale: Locale): string {
  return monthFormat(locale, 'short').format(monthStart(month));
}

/** The month before `month`, both 'YYYY-MM'. */
export function previousMonth(month: string): string {
  const date = new Date(monthStart(month));
  date.setUTCMonth(date.getUTCMonth() - 1);
  return date.toISOString().slice(0, 7);
}
