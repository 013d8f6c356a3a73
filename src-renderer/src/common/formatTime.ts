import type { Locale } from '../../../src-shared/i18n';

type Precision = 'minute' | 'second';
const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A moment (ISO timestamp) in the user's time zone: "26 Nov 2026, 14:05" / "2026年11月26日 14:05".
 * 'second' is for lists where two entries can fall in the same minute (backups) and must not read alike.
 */
export function formatTimestamp(iso: string, locale: Locale, precision: Precision = 'minute'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const key = `${locale}|${precision}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: precision === 'second' ? 'medium' : 'short' });
    formats.set(key, format);
  }
  return format.format(date);
}
