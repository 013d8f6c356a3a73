/**
 * What every "export as Word" dialog shares — the contract's and the monthly
 * report's: the modal that cannot be closed while the file is being written,
 * Export / Cancel (then Export again / Close), the spinner, and "Saved to …"
 * with "Show in folder". Each dialog brings its own choices as children and
 * its own strings under one i18n prefix (`export.*`, `reports.export.*`).
 */
import { FolderOpenOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Modal, Space, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, ApiResult } from '../../../src-shared/api';
import { call, errorMessage } from './client';

export type ExportPhase =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; exportId: string; path: string; bytes: number; sha256: string }
  | { kind: 'failed'; error: ApiError };

/** What an export channel answers; exportId, path and sha256 are null when the save dialog was cancelled. */
interface ExportAnswer {
  exportId: string | null;
  path: string | null;
  bytes: number;
  sha256: string | null;
}

/** The phase after an export channel answered: a cancelled save dialog wrote nothing and goes back to idle, silently. */
export function phaseAfter(result: ApiResult<ExportAnswer>): ExportPhase {
  if (!result.ok) return { kind: 'failed', error: result.error };
  const { exportId, path, bytes, sha256 } = result.value;
  if (exportId === null || path === null || sha256 === null) return { kind: 'idle' };
  return { kind: 'done', exportId, path, bytes, sha256 };
}

/** The i18n sections that hold a dialog's strings: submit, again, running, saved, savedDetail, showInFolder. */
export type ExportStrings = 'export' | 'reports.export';

export interface ExportFileModalProps {
  title: string;
  width: number;
  phase: ExportPhase;
  strings: ExportStrings;
  onSubmit: () => void;
  /** Back to the choices after a file was written, to export another. */
  onAgain: () => void;
  onClose: () => void;
  submitDisabled?: boolean;
  children: ReactNode;
}

export function ExportFileModal({ title, width, phase, strings, onSubmit, onAgain, onClose, submitDisabled = false, children }: ExportFileModalProps) {
  const { t } = useTranslation();
  const running = phase.kind === 'running';
  return (
    <Modal
      open
      title={title}
      onCancel={running ? undefined : onClose}
      closable={!running}
      maskClosable={!running}
      keyboard={!running}
      width={width}
      destroyOnHidden
      footer={
        phase.kind === 'done' ? (
          <Space>
            <Button onClick={onAgain}>{t(`${strings}.again`)}</Button>
            <Button type="primary" onClick={onClose}>
              {t('common.close')}
            </Button>
          </Space>
        ) : (
          <Space>
            <Button onClick={onClose} disabled={running}>
              {t('common.cancel')}
            </Button>
            <Button type="primary" onClick={onSubmit} loading={running} disabled={submitDisabled}>
              {t(`${strings}.submit`)}
            </Button>
          </Space>
        )
      }
    >
      <Spin spinning={running} description={t(`${strings}.running`)}>
        {children}
      </Spin>
    </Modal>
  );
}

/** "Saved to …", the size and hash, and "Show in folder" (which asks main, by the export's id, never by a path). */
export function ExportSavedAlert({ phase, strings, className }: { phase: Extract<ExportPhase, { kind: 'done' }>; strings: ExportStrings; className: string }) {
  const { t } = useTranslation();
  const showInFolder = useShowInFolder();
  return (
    <Alert
      type="success"
      showIcon
      role="status"
      className={className}
      title={t(`${strings}.saved`, { path: phase.path })}
      description={
        <Space orientation="vertical" size={4}>
          <Typography.Text type="secondary">{t(`${strings}.savedDetail`, { bytes: phase.bytes, hash: phase.sha256.slice(0, 12) })}</Typography.Text>
          <Button icon={<FolderOpenOutlined aria-hidden />} onClick={() => void showInFolder(phase.exportId)}>
            {t(`${strings}.showInFolder`)}
          </Button>
        </Space>
      }
    />
  );
}

/** "Show in folder" for an earlier export, by its id; a failure is said in a message, never thrown. */
export function useShowInFolder(): (exportId: string) => Promise<void> {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  return async (exportId) => {
    const result = await call('exports.showInFolder', { exportId });
    if (!result.ok) void message.error(errorMessage(t, result.error));
  };
}
