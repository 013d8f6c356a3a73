import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src-shared/i18n';
import { formatBackupSize } from './backupSize';

describe('formatBackupSize', () => {
  it('shows bytes, kilobytes and megabytes as a file manager does', () => {
    const t = createI18n('en').t;
    expect(formatBackupSize(512, t, 'en')).toBe('512 B');
    expect(formatBackupSize(1536, t, 'en')).toBe('1.5 KB');
    expect(formatBackupSize(300 * 1024, t, 'en')).toBe('300 KB');
    expect(formatBackupSize(12.4 * 1024 * 1024, t, 'en')).toBe('12 MB');
    expect(formatBackupSize(2.25 * 1024 * 1024, t, 'en')).toBe('2.3 MB');
  });

  it("uses the locale's digits grouping in Chinese too", () => {
    const t = createI18n('zh-CN').t;
    expect(formatBackupSize(1_000, t, 'zh-CN')).toBe('1,000 B');
    expect(formatBackupSize(5 * 1024 * 1024, t, 'zh-CN')).toBe('5 MB');
  });
});
