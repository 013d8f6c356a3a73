import type { TFunction } from 'i18next';

/** A backup's size the way a file manager shows it: bytes, then KB and MB in steps of 1,024, one decimal below 10. */
export function formatBackupSize(bytes: number, t: TFunction, locale: string): string {
  const number = (value: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
  if (bytes < 1024) return t('backups.size.bytes', { value: number(bytes) });
  if (bytes < 1024 * 1024) return t('backups.size.kilobytes', { value: number(bytes / 1024) });
  return t('backups.size.megabytes', { value: number(bytes / (1024 * 1024)) });
}
