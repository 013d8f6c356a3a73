/**
 * Export the contract as Word: the language (English, Chinese, or both side
 * by side), what goes out (the working copy or a saved version), what
 * travels inside the file (the contract's terms, or the whole draft as an
 * internal copy, each said in words under the choice), then the
 * save dialog (a download in the dev:web harness), progress while it runs,
 * and "Saved to …" with "Show in folder". A working copy with problems
 * (blanks among them) cannot be exported for signature, so the dialog lists
 * them, each where it is in the wizard's words, with a way to its field; it
 * can go out as a draft for comment — watermarked, "Draft — not for
 * signature" on every page — which also a complete draft may be. The contract
 * check's findings on the working copy are listed too; they do not stop an
 * export (a draft for discussion), only an agreement or a signature.
 */
import { Alert, Button, Checkbox, Radio, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONTRACT_EXPORT_FORMS,
  CONTRACT_EXPORT_LANGUAGES,
  CONTRACT_EXPORT_SCOPES,
  type ContractExportForm,
  type ContractExportLanguage,
  type ContractExportScope,
  type ExportRecord,
  type VersionSummary,
} from '../../../src-shared/api';
import type { ContractFinding } from '../../../src-shared/contract-check';
import { describeProblem } from '../../../src-shared/model/problem-label';
import { versionLabel } from '../../../src-shared/model/version';
import { signedTitle, type AmendedVersion } from '../common/amendedVersion';
import { formatTimestamp } from '../common/formatTime';
import { useLocale } from '../common/locale';
import { call, errorMessage } from '../common/client';
import type { DraftAutosaver } from '../common/autosave';
import { ContractCheckList } from '../common/ContractCheckList';
import { useDraftEditor, useProblems, type ProblemTarget } from '../common/editor';
import { ExportFileModal, ExportSavedAlert, phaseAfter, useShowInFolder, type ExportPhase } from '../common/ExportFileModal';
import './export.css';

const WORKING_COPY = 'working';

export interface ContractExportDialogProps {
  draftId: string;
  saver: DraftAutosaver;
  onClose: () => void;
  /** The contract check's findings on the working copy. */
  contractFindings?: readonly ContractFinding[];
  /** The signed version an amendment draft amends: the dialog offers the amendment instrument, and chooses it first. */
  amended?: AmendedVersion;
}

export function ContractExportDialog({ draftId, saver, onClose, contractFindings = [], amended = { state: 'none' } }: ContractExportDialogProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const showInFolder = useShowInFolder();
  const workingProblems = useProblems();
  const { store, goToProblem } = useDraftEditor();
  const [language, setLanguage] = useState<ContractExportLanguage>(locale);
  const [source, setSource] = useState<string>(WORKING_COPY);
  const [scope, setScope] = useState<ContractExportScope>('contract');
  const [asDraft, setAsDraft] = useState(false);
  const isAmendment = amended.state !== 'none';
  const [form, setForm] = useState<ContractExportForm>(isAmendment ? 'amendment' : 'restated');
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [history, setHistory] = useState<ExportRecord[]>([]);
  const [historyRevision, setHistoryRevision] = useState(0);
  const [phase, setPhase] = useState<ExportPhase>({ kind: 'idle' });

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
  const incomplete = source === WORKING_COPY && workingProblems.length > 0;
  const blocked = incomplete && !asDraft;
  const problems = incomplete ? workingProblems : phase.kind === 'failed' ? (phase.error.problems ?? []) : [];

  const goTo = (target: ProblemTarget) => {
    onClose();
    goToProblem(target);
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
    const next = phaseAfter(
      await call('exports.contract', {
        draftId,
        language,
        versionId: source === WORKING_COPY ? null : source,
        scope,
        asDraft,
        ...(isAmendment ? { form } : {}),
      }),
    );
    setPhase(next);
    if (next.kind === 'done') setHistoryRevision((n) => n + 1);
  };

  const versionOptions = [
    { value: WORKING_COPY, label: t('export.workingCopy') },
    ...versions.map((version) => ({
      value: version.id,
      label: t('export.versionOption', { label: versionLabel(version, locale), date: formatTimestamp(version.createdAt, locale) }),
    })),
  ];

  return (
    <ExportFileModal
      title={t('export.dialogTitle')}
      width={640}
      phase={phase}
      strings="export"
      onSubmit={() => void exportContract()}
      onAgain={() => setPhase({ kind: 'idle' })}
      onClose={onClose}
      submitDisabled={blocked}
    >
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
        {isAmendment && (
          <fieldset className="contract-export-fieldset" disabled={running} data-testid="export-form">
            <legend className="contract-export-legend">{t('export.form.label')}</legend>
            <Radio.Group
              value={form}
              onChange={(event) => setForm(event.target.value as ContractExportForm)}
              options={[...CONTRACT_EXPORT_FORMS].reverse().map((value) => ({ value, label: t(`export.form.${value}`) }))}
            />
            <Typography.Paragraph type="secondary" className="contract-export-scope-help" role="note">
              {form === 'amendment' && amended.state === 'ready'
                ? t('export.form.amendmentHelp', {
                    title: signedTitle(amended.version, locale) || t('wizard.untitled'),
                    date: formatTimestamp(amended.version.createdAt, locale),
                  })
                : t(`export.form.${form}Help`, { title: '', date: '' })}
            </Typography.Paragraph>
          </fieldset>
        )}
        <fieldset className="contract-export-fieldset" disabled={running}>
          <legend className="contract-export-legend">{t('export.scopeLabel')}</legend>
          <Radio.Group
            value={scope}
            onChange={(event) => setScope(event.target.value as ContractExportScope)}
            options={CONTRACT_EXPORT_SCOPES.map((value) => ({ value, label: t(`export.scope.${value}`) }))}
          />
          <Typography.Paragraph type={scope === 'internal' ? 'warning' : 'secondary'} className="contract-export-scope-help" role="note">
            {t(`export.scope.${scope}Help`)}
          </Typography.Paragraph>
        </fieldset>
        <div className="contract-export-field">
          <Checkbox checked={asDraft} onChange={(event) => setAsDraft(event.target.checked)} disabled={running}>
            {t('export.asDraft')}
          </Checkbox>
          <Typography.Paragraph type="secondary" className="contract-export-scope-help" role="note">
            {t('export.asDraftHelp')}
          </Typography.Paragraph>
        </div>

        {problems.length > 0 && (
          <Alert
            type={blocked || !incomplete ? 'error' : 'warning'}
            showIcon
            className="contract-export-alert"
            title={t(blocked || !incomplete ? 'export.problemsTitle' : 'export.incompleteTitle', { count: problems.length })}
            description={
              <ul className="problem-report" aria-label={t('common.problemList')}>
                {problems.map((problem, index) => (
                  <li key={index}>
                    {describeProblem(problem, t, source === WORKING_COPY ? store.getDraft() : undefined)}{' '}
                    <Button type="link" size="small" className="inline-link" onClick={() => goTo(problem)}>
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

        {phase.kind === 'done' && <ExportSavedAlert phase={phase} strings="export" className="contract-export-alert" />}

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
        {source === WORKING_COPY && !blocked && contractFindings.length > 0 && (
          <Alert
            type={contractFindings.some((finding) => finding.level === 'problem') ? 'error' : 'warning'}
            showIcon
            className="contract-export-alert"
            title={t('contractCheck.panelTitle', {
              problems: contractFindings.filter((finding) => finding.level === 'problem').length,
              warnings: contractFindings.filter((finding) => finding.level === 'warning').length,
            })}
            description={<ContractCheckList findings={contractFindings} onGoTo={goTo} draft={store.getDraft()} />}
          />
        )}
      </div>
    </ExportFileModal>
  );
}
