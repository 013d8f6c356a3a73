import type { Locale } from '../../../src-shared/i18n';

const formats = new Map<Locale, Intl.DateTimeFormat>();

/** A moment (ISO timestamp) in the user's time zone: "26 Nov 2026, 14:05" / "2026年11月26日 14:05". */
export function formatTimestamp(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    formats.set(locale, format);
  }
  return format.format(date);
}
