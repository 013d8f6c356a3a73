/**
 * "Backups", from the draft list: the backups of the whole database with
 * their time and size, "Back up now", and Restore — after a confirmation
 * that says what it does: everything becomes as it was at that time, and
 * the current database is kept beside it, never deleted.
 */
import { CloudUploadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Modal, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSummary } from '../../../src-shared/api';
import { formatTimestamp } from '../common/formatTime';
import { useLocale } from '../common/locale';
import { call, errorMessage } from '../common/client';
import { flushAllDrafts } from '../common/autosave';
import { formatBackupSize } from './backupSize';

interface BackupList {
  folder: string;
  backups: BackupSummary[];
}

/**
 * What the last restore did, kept in the dialog until it closes: a path to
 * the replaced database is something to read and copy, not a passing toast.
 */
type RestoreOutcome = { ok: true; time: string; setAsidePath: string | null } | { ok: false; text: string };

function RestoreOutcomeAlert({ outcome }: { outcome: RestoreOutcome }) {
  const { t } = useTranslation();
  if (!outcome.ok) return <Alert type="error" showIcon className="restore-outcome" title={outcome.text} />;
  return (
    <Alert
      type="success"
      showIcon
      className="restore-outcome"
      title={t('backups.restored', { time: outcome.time })}
      description={
        outcome.setAsidePath === null ? undefined : (
          <>
            {t('backups.replacedKeptAt')}{' '}
            <Typography.Text code copyable={{ tooltips: [t('backups.copyPath'), t('backups.pathCopied')] }}>
              {outcome.setAsidePath}
            </Typography.Text>
          </>
        )
      }
    />
  );
}

/** Mounted while open, so every opening lists the backups afresh. */
export function BackupsDialog({ onClose, onRestored }: { onClose: () => void; onRestored: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message, modal } = AntApp.useApp();
  const [list, setList] = useState<BackupList | null>(null);
  const [backingUp, setBackingUp] = useState(false);
  const [restoreOutcome, setRestoreOutcome] = useState<RestoreOutcome | null>(null);
  const [loads, setLoads] = useState(0);
  const reload = useCallback(() => setLoads((n) => n + 1), []);

  useEffect(() => {
    let cancelled = false;
    void call('backups.list', {}).then((result) => {
      if (cancelled) return;
      if (result.ok) setList(result.value);
      else {
        setList({ folder: '', backups: [] });
        void message.error(errorMessage(t, result.error));
      }
    });
    return () => {
      cancelled = true;
    };
  }, [loads, message, t]);

  const timeOf = (backup: BackupSummary) => formatTimestamp(backup.createdAt, locale, 'second');
  const kindLabel = (backup: BackupSummary) => (backup.kind === 'auto' ? t('backups.kind.auto') : t('backups.kind.manual'));

  const backUpNow = async () => {
    setBackingUp(true);
    // The backup holds what the user typed a moment ago too.
    await flushAllDrafts();
    const result = await call('backups.create', {});
    setBackingUp(false);
    if (!result.ok) return void message.error(errorMessage(t, result.error));
    void message.success(t('backups.backedUp', { size: formatBackupSize(result.value.bytes, t, locale) }));
    reload();
  };

  const restore = (backup: BackupSummary) => {
    const time = timeOf(backup);
    void modal.confirm({
      title: t('backups.confirm.title', { time }),
      content: t('backups.confirm.content', { time }),
      okText: t('backups.confirm.ok'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        setRestoreOutcome(null);
        await flushAllDrafts();
        const result = await call('backups.restore', { backupId: backup.id });
        if (!result.ok) return setRestoreOutcome({ ok: false, text: errorMessage(t, result.error) });
        setRestoreOutcome({ ok: true, time, setAsidePath: result.value.setAsidePath });
        onRestored();
        reload();
      },
    });
  };

  const columns: ColumnsType<BackupSummary> = [
    { key: 'time', title: t('backups.columns.time'), render: (_, backup) => timeOf(backup) },
    { key: 'kind', title: t('backups.columns.kind'), render: (_, backup) => kindLabel(backup) },
    { key: 'size', title: t('backups.columns.size'), align: 'right', render: (_, backup) => formatBackupSize(backup.bytes, t, locale) },
    {
      key: 'actions',
      title: <span className="visually-hidden">{t('common.actions')}</span>,
      align: 'right',
      render: (_, backup) => (
        <Button type="link" onClick={() => restore(backup)} aria-label={t('backups.restoreNamed', { time: timeOf(backup) })}>
          {t('backups.restore')}
        </Button>
      ),
    },
  ];

  return (
    <Modal
      open
      title={t('backups.title')}
      onCancel={onClose}
      width={720}
      destroyOnHidden
      footer={
        <Space>
          <Button icon={<CloudUploadOutlined aria-hidden />} onClick={() => void backUpNow()} loading={backingUp}>
            {t('backups.backUpNow')}
          </Button>
          <Button type="primary" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>{t('backups.intro')}</Typography.Paragraph>
      {list && list.folder !== '' ? (
        <Typography.Paragraph type="secondary" className="backups-folder">
          {t('backups.folder', { folder: list.folder })}
        </Typography.Paragraph>
      ) : null}
      {restoreOutcome ? <RestoreOutcomeAlert outcome={restoreOutcome} /> : null}
      <Table<BackupSummary>
        rowKey="id"
        size="small"
        aria-label={t('backups.listLabel')}
        columns={columns}
        dataSource={list?.backups ?? []}
        loading={list === null}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: list === null ? ' ' : t('backups.empty') }}
      />
    </Modal>
  );
}
