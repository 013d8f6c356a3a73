import type { Dialog, MessageBoxSyncOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createI18n, LOCALES, type Locale } from '../../src-shared/i18n';
import type { BackupEntry } from '../services/backups';
import type { DamagedDatabase } from '../services/recovery';
import { createRecoveryDialogs } from './recovery-dialog';

const BACKUP: BackupEntry = {
  id: 'auto-20250601T091502Z.sqlite',
  kind: 'auto',
  createdAt: '2025-06-01T09:15:02.000Z',
  bytes: 524_288,
  path: '/home/li/.config/SLA Studio/backups/auto-20250601T091502Z.sqlite',
};
const DAMAGED: DamagedDatabase = {
  databasePath: '/home/li/.config/SLA Studio/sla-studio.db',
  reason: 'database disk image is malformed',
  backup: BACKUP,
  backupsDir: '/home/li/.config/SLA Studio/backups',
};

function setup(answer: number, locale: Locale = 'en') {
  const shown: MessageBoxSyncOptions[] = [];
  const dialog = {
    showMessageBoxSync: (options: MessageBoxSyncOptions) => {
      shown.push(options);
      return answer;
    },
  } as unknown as Pick<Dialog, 'showMessageBoxSync'>;
  const i18n = createI18n(locale);
  const port = createRecoveryDialogs({ dialog, t: (key, params) => i18n.t(key, params), formatTime: (iso) => `«${iso}»` });
  return { port, shown };
}

describe('the startup recovery dialogs', () => {
  it('offers restore, empty start and quit for a damaged database with a backup, naming the file, the reason and the backup time', () => {
    const { port, shown } = setup(0);
    expect(port.choose(DAMAGED)).toBe('restoreBackup');
    const box = shown[0]!;
    expect(box.buttons).toEqual(['Restore the backup of «2025-06-01T09:15:02.000Z»', 'Start with an empty database', 'Quit']);
    expect(box.cancelId).toBe(2);
    expect(box.detail).toContain(DAMAGED.databasePath);
    expect(box.detail).toContain('database disk image is malformed');
    expect(box.detail).toContain('never deletes');
    expect(setup(1).port.choose(DAMAGED)).toBe('startEmpty');
    expect(setup(2).port.choose(DAMAGED)).toBe('quit');
  });

  it('offers only an empty start or quit when there is no backup, and reads a closed box as quit', () => {
    const { port, shown } = setup(0);
    expect(port.choose({ ...DAMAGED, backup: null })).toBe('startEmpty');
    expect(shown[0]!.buttons).toEqual(['Start with an empty database', 'Quit']);
    expect(shown[0]!.cancelId).toBe(1);
    expect(setup(1).port.choose({ ...DAMAGED, backup: null })).toBe('quit');
    expect(setup(-1).port.choose(DAMAGED)).toBe('quit');
    expect(setup(7).port.choose(DAMAGED)).toBe('quit');
  });

  it('says another SLA Studio has the data open, or that the disk is full, and offers only Quit', () => {
    const { port, shown } = setup(0);
    port.tell({ kind: 'inUse', databasePath: DAMAGED.databasePath, detail: 'opened by process 4242 on studio-pc; lock file /x/sla-studio.db.lock' });
    port.tell({ kind: 'diskFull', databasePath: DAMAGED.databasePath, detail: 'database or disk is full' });
    expect(shown.map((box) => [box.title, box.message, box.buttons])).toEqual([
      ['SLA Studio is already open', 'Another SLA Studio is already working on this data folder.', ['Quit']],
      ['SLA Studio cannot open its data', 'The disk is full.', ['Quit']],
    ]);
    expect(shown[0]!.detail).toContain('process 4242 on studio-pc; lock file /x/sla-studio.db.lock');
    expect(shown[1]!.detail).toContain('Free some space');
    const zh = setup(0, 'zh-CN');
    zh.port.tell({ kind: 'inUse', databasePath: DAMAGED.databasePath, detail: 'opened by process 4242 on studio-pc' });
    zh.port.tell({ kind: 'diskFull', databasePath: DAMAGED.databasePath, detail: 'database or disk is full' });
    expect(zh.shown.map((box) => box.message)).toEqual(['另一个 SLA Studio 正在使用此数据文件夹。', '磁盘已满。']);
    expect(zh.shown.map((box) => box.detail).join('')).not.toMatch(/dialogs\.startup|\{\{/);
  });

  it('tells what happened, in Chinese too, with no untranslated key', () => {
    for (const locale of LOCALES) {
      const { port, shown } = setup(0, locale);
      port.choose(DAMAGED);
      port.choose({ ...DAMAGED, backup: null });
      port.tell({ kind: 'tooNew', databasePath: DAMAGED.databasePath, found: 9, supported: 2 });
      port.tell({ kind: 'cannotOpen', databasePath: DAMAGED.databasePath, detail: 'database is locked' });
      port.tell({ kind: 'backupUnusable', backup: BACKUP, detail: 'file is not a database' });
      port.tell({ kind: 'recovered', how: 'restoredBackup', backup: BACKUP, damagedKeptAs: `${DAMAGED.databasePath}.damaged-20250602T100000Z` });
      port.tell({ kind: 'recovered', how: 'startedEmpty', backup: null, damagedKeptAs: `${DAMAGED.databasePath}.damaged-20250602T100000Z` });
      expect(shown).toHaveLength(7);
      for (const box of shown) {
        for (const text of [box.title, box.message, box.detail, ...(box.buttons ?? [])]) {
          expect(text, locale).toBeTruthy();
          expect(text, locale).not.toMatch(/dialogs\.startup|\{\{/);
        }
      }
      expect(shown[3]!.detail).toContain('database is locked');
      expect(shown[5]!.detail).toContain('.damaged-20250602T100000Z');
      if (locale === 'zh-CN') expect(shown[0]!.buttons).toEqual(['恢复 «2025-06-01T09:15:02.000Z» 的备份', '使用空数据库启动', '退出']);
    }
  });
});
