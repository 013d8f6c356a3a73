/** The autosave state in the wizard header, announced politely to screen readers. */
import { CheckCircleOutlined, ExclamationCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { call, errorMessage } from '../common/client';
import type { DraftAutosaver } from '../common/autosave';

export function SaveStatus({ saver, draftId }: { saver: DraftAutosaver; draftId: string }) {
  const { t } = useTranslation();
  const state = useSyncExternalStore(saver.subscribe, () => saver.current);

  // The draft was saved elsewhere meanwhile: the user keeps what is on screen, over the stored revision.
  const keepMine = async () => {
    const stored = await call('drafts.get', { id: draftId });
    if (!stored.ok) return;
    saver.rebase(stored.value.revision);
    await saver.flush();
  };
  return (
    <div role="status" aria-live="polite" aria-label={t('autosave.label')} className="save-status" data-status={state.status}>
      {state.status === 'saved' && (
        <Typography.Text type="success">
          <CheckCircleOutlined aria-hidden /> {t('autosave.saved')}
        </Typography.Text>
      )}
      {(state.status === 'pending' || state.status === 'saving') && (
        <Typography.Text type="secondary">
          <LoadingOutlined aria-hidden /> {t('autosave.saving')}
        </Typography.Text>
      )}
      {state.status === 'failed' && (
        <Space size={4}>
          <Typography.Text type="danger">
            <ExclamationCircleOutlined aria-hidden /> {t('autosave.failed', { reason: errorMessage(t, state.error) })}
          </Typography.Text>
          {state.error.code === 'conflict' ? (
            <>
              <Button size="small" onClick={() => void keepMine()}>
                {t('autosave.keepMine')}
              </Button>
              <Button size="small" onClick={() => window.location.reload()}>
                {t('autosave.reload')}
              </Button>
            </>
          ) : (
            <Button size="small" onClick={() => void saver.flush()}>
              {t('autosave.retry')}
            </Button>
          )}
        </Space>
      )}
    </div>
  );
}
