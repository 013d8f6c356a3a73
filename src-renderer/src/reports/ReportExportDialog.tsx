/**
 * "Export report (.docx)": the month's report as the Word document a
 * provider hands the customer — in English, Chinese, or both side by side —
 * through reports.exportDocx: the save dialog (a download in the dev:web
 * harness), progress while it is written, then "Saved to …" with "Show in
 * folder". Main computes the same report as this screen, so the numbers in
 * the file are the ones shown here.
 */
import { FolderOpenOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Radio, Space, Spin, Typography, App as AntApp } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTRACT_EXPORT_LANGUAGES, type ApiError, type ContractExportLanguage } from '../../../src-shared/api';
import { useLocale } from '../app/locale';
import { call, errorMessage } from '../client';
import { ProblemMessages } from '../wizard/fields/ProblemMessages';

type Phase =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; exportId: string; path: string; bytes: number; sha256: string }
  | { kind: 'failed'; error: ApiError };

export interface ReportExportDialogProps {
  draftId: string;
  month: string;
  /** The month as the screen names it: "November 2027". */
  monthLabel: string;
  onClose: () => void;
}

export function ReportExportDialog({ draftId, month, monthLabel, onClose }: ReportExportDialogProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = AntApp.useApp();
  const [language, setLanguage] = useState<ContractExportLanguage>(locale);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const running = phase.kind === 'running';

  const exportReport = async () => {
    setPhase({ kind: 'running' });
    const result = await call('reports.exportDocx', { draftId, month, language });
    if (!result.ok) {
      setPhase({ kind: 'failed', error: result.error });
      return;
    }
    const { exportId, path, bytes, sha256 } = result.value;
    // Cancelled in the save dialog: nothing was written, nothing to say.
    if (exportId === null || path === null || sha256 === null) {
      setPhase({ kind: 'idle' });
      return;
    }
    setPhase({ kind: 'done', exportId, path, bytes, sha256 });
  };

  const showInFolder = async (exportId: string) => {
    const result = await call('contract.showInFolder', { exportId });
    if (!result.ok) void message.error(errorMessage(t, result.error));
  };

  return (
    <Modal
      open
      title={t('reports.export.dialogTitle', { month: monthLabel })}
      onCancel={running ? undefined : onClose}
      closable={!running}
      maskClosable={!running}
      keyboard={!running}
      width={600}
      destroyOnHidden
      footer={
        phase.kind === 'done' ? (
          <Space>
            <Button onClick={() => setPhase({ kind: 'idle' })}>{t('reports.export.again')}</Button>
            <Button type="primary" onClick={onClose}>
              {t('common.close')}
            </Button>
          </Space>
        ) : (
          <Space>
            <Button onClick={onClose} disabled={running}>
              {t('common.cancel')}
            </Button>
            <Button type="primary" onClick={() => void exportReport()} loading={running}>
              {t('reports.export.submit')}
            </Button>
          </Space>
        )
      }
    >
      <Spin spinning={running} description={t('reports.export.running')}>
        <div className="report-export" aria-busy={running}>
          <Typography.Paragraph type="secondary" className="report-export-intro">
            {t('reports.export.intro')}
          </Typography.Paragraph>
          <fieldset className="report-export-fieldset" disabled={running || phase.kind === 'done'}>
            <legend className="report-export-legend">{t('reports.export.languageLabel')}</legend>
            <Radio.Group
              value={language}
              onChange={(event) => setLanguage(event.target.value as ContractExportLanguage)}
              options={CONTRACT_EXPORT_LANGUAGES.map((value) => ({ value, label: t(`enums.contractLanguage.${value}`) }))}
            />
          </fieldset>

          {phase.kind === 'failed' && (
            <Alert
              type="error"
              showIcon
              title={t('reports.export.failed')}
              description={
                <>
                  <p className="report-export-reason">{errorMessage(t, phase.error)}</p>
                  {phase.error.problems && phase.error.problems.length > 0 && <ProblemMessages problems={phase.error.problems} />}
                </>
              }
              action={
                phase.error.problems?.[0] ? (
                  <Button size="small" href={`#/drafts/${draftId}/${phase.error.problems[0].step}`}>
                    {t('reports.openDraft')}
                  </Button>
                ) : undefined
              }
            />
          )}

          {phase.kind === 'done' && (
            <Alert
              type="success"
              showIcon
              role="status"
              className="report-export-saved"
              title={t('reports.export.saved', { path: phase.path })}
              description={
                <Space orientation="vertical" size={4}>
                  <Typography.Text type="secondary">{t('reports.export.savedDetail', { bytes: phase.bytes, hash: phase.sha256.slice(0, 12) })}</Typography.Text>
                  <Button icon={<FolderOpenOutlined aria-hidden />} onClick={() => void showInFolder(phase.exportId)}>
                    {t('reports.export.showInFolder')}
                  </Button>
                </Space>
              }
            />
          )}
        </div>
      </Spin>
    </Modal>
  );
}
