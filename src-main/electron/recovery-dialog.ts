/**
 * The recovery port (src-main/services/recovery.ts) on Electron's native
 * message boxes, shown before any window exists: synchronous, in the
 * system's language, every button saying exactly what it does. Escape or
 * closing the box means Quit, the one answer that changes nothing.
 */
import type { Dialog, MessageBoxSyncOptions } from 'electron';
import type { RecoveryPort, StartupNotice } from '../services/recovery';
import type { Translate } from './menu';

export interface RecoveryDialogDeps {
  dialog: Pick<Dialog, 'showMessageBoxSync'>;
  t: Translate;
  /** A backup's time as the user reads times (their locale, their time zone). */
  formatTime: (iso: string) => string;
}

export function createRecoveryDialogs(deps: RecoveryDialogDeps): RecoveryPort {
  const { t } = deps;
  const show = (options: MessageBoxSyncOptions) => deps.dialog.showMessageBoxSync({ noLink: true, ...options });
  const inform = (type: 'error' | 'warning' | 'info', section: string, message: string, detail: string) =>
    show({ type, title: t(`dialogs.startup.${section}.title`), message, detail, buttons: [t('dialogs.startup.continue')] });

  return {
    choose({ databasePath, reason, backup }) {
      const time = backup ? deps.formatTime(backup.createdAt) : '';
      const choices = [
        ...(backup ? [{ choice: 'restoreBackup' as const, label: t('dialogs.startup.restoreBackup', { time }) }] : []),
        { choice: 'startEmpty' as const, label: t('dialogs.startup.startEmpty') },
        { choice: 'quit' as const, label: t('dialogs.startup.quit') },
      ];
      const quitIndex = choices.length - 1;
      const answer = show({
        type: 'error',
        title: t('dialogs.startup.damaged.title'),
        message: t('dialogs.startup.damaged.message'),
        detail: t(backup ? 'dialogs.startup.damaged.detailWithBackup' : 'dialogs.startup.damaged.detailWithoutBackup', { path: databasePath, reason, time }),
        buttons: choices.map((entry) => entry.label),
        // Enter takes the first button: restoring the backup, or starting empty — both keep the damaged file.
        defaultId: 0,
        cancelId: quitIndex,
      });
      return choices[answer]?.choice ?? 'quit';
    },

    tell(notice: StartupNotice) {
      switch (notice.kind) {
        case 'tooNew':
          show({
            type: 'error',
            title: t('dialogs.startup.databaseTooNew.title'),
            message: t('dialogs.startup.databaseTooNew.message'),
            detail: t('dialogs.startup.databaseTooNew.detail', { path: notice.databasePath }),
            buttons: [t('dialogs.startup.quit')],
          });
          return;
        case 'inUse':
        case 'cannotOpen':
        case 'diskFull':
          show({
            type: 'error',
            title: t(`dialogs.startup.${notice.kind}.title`),
            message: t(`dialogs.startup.${notice.kind}.message`),
            detail: t(`dialogs.startup.${notice.kind}.detail`, { path: notice.databasePath, reason: notice.detail }),
            buttons: [t('dialogs.startup.quit')],
          });
          return;
        case 'backupUnusable':
          inform(
            'warning',
            'backupUnusable',
            t('dialogs.startup.backupUnusable.message', { time: deps.formatTime(notice.backup.createdAt) }),
            t('dialogs.startup.backupUnusable.detail', { reason: notice.detail }),
          );
          return;
        case 'recovered':
          inform(
            'info',
            'recovered',
            notice.how === 'restoredBackup' && notice.backup
              ? t('dialogs.startup.recovered.restoredMessage', { time: deps.formatTime(notice.backup.createdAt) })
              : t('dialogs.startup.recovered.emptyMessage'),
            t('dialogs.startup.recovered.detail', { path: notice.damagedKeptAs ?? '' }),
          );
          return;
      }
    },
  };
}
