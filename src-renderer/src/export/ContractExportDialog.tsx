/**
 * Export the contract as Word: the language (English, Chinese, or both side
 * by side), what goes out (the working copy or a saved version), then the
 * save dialog (a download in the dev:web harness), progress while it runs,
 * and "Saved to …" with "Show in folder". A working copy with problems
 * cannot be exported — the .docx carries the draft, which must import
 * again — so the dialog lists them with a way to each step.
 */
import { FolderOpenOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Radio, Select, Space, Spin, Typography, App as AntApp } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTRACT_EXPORT_LANGUAGES, type ApiError, type ContractExportLanguage, type ExportRecord, type VersionSummary } from '../../../src-shared/api';
import { pathToString, type StepId } from '../../../src-shared/model';
import { versionLabel } from '../../../src-shared/model/version';
import { formatTimestamp } from '../app/formatTime';
import { useLocale } from '../app/locale';
import { call, errorMessage } from '../client';
import type { DraftAutosaver } from '../wizard/autosave';
import { useProblems } from '../wizard/editor';
import './export.css';

const WORKING_COPY = 'working';

type Phase =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; exportId: string; path: string; fileName: string; bytes: number; sha256: string }
  | { kind: 'failed'; error: ApiError };

export interface ContractExportDialogProps {
  draftId: string;
  saver: DraftAutosaver;
  onClose: () => void;
  onGoToStep: (step: StepId) => void;
}

export function ContractExportDialog({ draftId, saver, onClose, onGoToStep }: ContractExportDialogProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = AntApp.useApp();
  const workingProblems = useProblems();
  const [language, setLanguage] = useState<ContractExportLanguage>(locale);
  const [source, setSource] = useState<string>(WORKING_COPY);
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [history, setHistory] = useState<ExportRecord[]>([]);
  const [historyRevision, setHistoryRevision] = useState(0);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });

  useEffect(() => {
    let cancelled = false;
    // Without saved versions (or where the channel answers an error) only the working copy is offered.
    void call('versions.list', { draftId }).then((result) => {
      if (!cancelled && result.ok) setVersions([...result.value].reverse());
    });
    return () => {
      cancelled = true;
    };
  }, [draftId]);

  useEffect(() => {
    let cancelled = false;
    void call('exports.list', { draftId }).then((result) => {
      if (!cancelled && result.ok) setHistory(result.value);
    });
    return () => {
      cancelled = true;
    };
  }, [draftId, historyRevision]);

  const running = phase.kind === 'running';
  // The problems on screen block the export; those main finds in what it read (rarely different) are shown after trying.
  const blocked = source === WORKING_COPY && workingProblems.length > 0;
  const problems = blocked ? workingProblems : phase.kind === 'failed' ? (phase.error.problems ?? []) : [];

  const goTo = (step: StepId) => {
    onClose();
    onGoToStep(step);
  };

  const exportContract = async () => {
    setPhase({ kind: 'running' });
    if (source === WORKING_COPY) {
      // Main exports the stored working copy: it must hold the last keystrokes.
      await saver.flush();
      if (saver.current.status === 'failed') {
        setPhase({ kind: 'failed', error: { code: 'conflict', key: 'export.notSaved' } });
        return;
      }
    }
    const result = await call('contract.export', { draftId, language, versionId: source === WORKING_COPY ? null : source });
    if (!result.ok) {
      setPhase({ kind: 'failed', error: result.error });
      return;
    }
    const { exportId, path, fileName, bytes, sha256 } = result.value;
    // Cancelled in the save dialog: nothing was written, nothing to say.
    if (exportId === null || path === null || sha256 === null) {
      setPhase({ kind: 'idle' });
      return;
    }
    setPhase({ kind: 'done', exportId, path, fileName, bytes, sha256 });
    setHistoryRevision((n) => n + 1);
  };

  const showInFolder = async (exportId: string) => {
    const result = await call('contract.showInFolder', { exportId });
    if (!result.ok) void message.error(errorMessage(t, result.error));
  };

  const versionOptions = [
    { value: WORKING_COPY, label: t('export.workingCopy') },
    ...versions.map((version) => ({
      value: version.id,
      label: t('export.versionOption', { label: versionLabel(version, locale), date: formatTimestamp(version.createdAt, locale) }),
    })),
  ];

  return (
    <Modal
      open
      title={t('export.dialogTitle')}
      onCancel={running ? undefined : onClose}
      closable={!running}
      maskClosable={!running}
      keyboard={!running}
      width={640}
      destroyOnHidden
      footer={
        phase.kind === 'done' ? (
          <Space>
            <Button onClick={() => setPhase({ kind: 'idle' })}>{t('export.again')}</Button>
            <Button type="primary" onClick={onClose}>
              {t('common.close')}
            </Button>
          </Space>
        ) : (
          <Space>
            <Button onClick={onClose} disabled={running}>
              {t('common.cancel')}
            </Button>
            <Button type="primary" onClick={() => void exportContract()} loading={running} disabled={blocked}>
              {t('export.submit')}
            </Button>
          </Space>
        )
      }
    >
      <Spin spinning={running} description={t('export.running')}>
        <div className="contract-export" aria-busy={running}>
          <fieldset className="contract-export-fieldset" disabled={running}>
            <legend className="contract-export-legend">{t('export.languageLabel')}</legend>
            <Radio.Group
              value={language}
              onChange={(event) => setLanguage(event.target.value as ContractExportLanguage)}
              options={CONTRACT_EXPORT_LANGUAGES.map((value) => ({ value, label: t(`enums.contractLanguage.${value}`) }))}
            />
          </fieldset>
          <div className="contract-export-field">
            <label htmlFor="contract-export-source" className="contract-export-legend">
              {t('export.sourceLabel')}
            </label>
            <Select id="contract-export-source" value={source} options={versionOptions} onChange={setSource} disabled={running} className="full-width" />
          </div>

          {problems.length > 0 && (
            <Alert
              type="error"
              showIcon
              className="contract-export-alert"
              title={t('export.problemsTitle', { count: problems.length })}
              description={
                <ul className="problem-report" aria-label={t('common.problemList')}>
                  {problems.map((problem, index) => (
                    <li key={index}>
                      <code>{pathToString(problem.path)}</code>: {t(problem.key, problem.params)}{' '}
                      <Button type="link" size="small" className="inline-link" onClick={() => goTo(problem.step)}>
                        {t('export.goToStep', { step: t(`steps.${problem.step}`) })}
                      </Button>
                    </li>
                  ))}
                </ul>
              }
            />
          )}

          {phase.kind === 'failed' && problems.length === 0 && (
            <Alert type="error" showIcon className="contract-export-alert" title={t('export.failed')} description={errorMessage(t, phase.error)} />
          )}

          {phase.kind === 'done' && (
            <Alert
              type="success"
              showIcon
              className="contract-export-alert"
              role="status"
              title={t('export.saved', { path: phase.path })}
              description={
                <Space orientation="vertical" size={4}>
                  <Typography.Text type="secondary">{t('export.savedDetail', { bytes: phase.bytes, hash: phase.sha256.slice(0, 12) })}</Typography.Text>
                  <Button icon={<FolderOpenOutlined aria-hidden />} onClick={() => void showInFolder(phase.exportId)}>
                    {t('export.showInFolder')}
                  </Button>
                </Space>
              }
            />
          )}

          {history.length > 0 && (
            <div className="contract-export-history">
              <Typography.Text strong>{t('export.history.title')}</Typography.Text>
              <ul aria-label={t('export.history.title')}>
                {history.slice(0, 5).map((entry) => (
                  <li key={entry.id}>
                    <span>
                      {t('export.history.item', {
                        time: formatTimestamp(entry.createdAt, locale),
                        // The list holds every file exported from the draft: contracts, redlines and monthly reports.
                        what:
                          entry.kind === 'draftFile'
                            ? t('export.history.draftFile')
                            : t('export.history.kindInLanguage', {
                                kind: t(`export.history.kinds.${entry.kind}`),
                                language: entry.language ? t(`enums.contractLanguage.${entry.language}`) : '',
                              }),
                        version: entry.version ? t('versions.short', { sequence: entry.version.sequence }) : t('export.history.workingCopy'),
                        fileName: entry.fileName,
                      })}
                    </span>{' '}
                    <Button type="link" size="small" className="inline-link" onClick={() => void showInFolder(entry.id)}>
                      {t('export.showInFolder')}
                    </Button>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      </Spin>
    </Modal>
  );
}
