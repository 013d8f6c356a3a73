/**
 * "Export report (.docx)": the month's report as the Word document a
 * provider hands the customer — in English, Chinese, or both side by side —
 * through reportExport.docx: the save dialog (a download in the dev:web
 * harness), progress while it is written, then "Saved to …" with "Show in
 * folder". Main computes the same report as this screen, so the numbers in
 * the file are the ones shown here.
 */
import { Alert, Button, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTRACT_EXPORT_LANGUAGES, type ContractExportLanguage } from '../../../src-shared/api';
import { useLocale } from '../common/locale';
import { call, errorMessage } from '../common/client';
import { ExportFileModal, ExportSavedAlert, phaseAfter, type ExportPhase } from '../common/ExportFileModal';
import { ProblemMessages } from '../common/ProblemMessages';

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
  const [language, setLanguage] = useState<ContractExportLanguage>(locale);
  const [phase, setPhase] = useState<ExportPhase>({ kind: 'idle' });
  const running = phase.kind === 'running';

  const exportReport = async () => {
    setPhase({ kind: 'running' });
    setPhase(phaseAfter(await call('reportExport.docx', { draftId, month, language })));
  };

  return (
    <ExportFileModal
      title={t('reports.export.dialogTitle', { month: monthLabel })}
      width={600}
      phase={phase}
      strings="reports.export"
      onSubmit={() => void exportReport()}
      onAgain={() => setPhase({ kind: 'idle' })}
      onClose={onClose}
    >
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

        {phase.kind === 'done' && <ExportSavedAlert phase={phase} strings="reports.export" className="report-export-saved" />}
      </div>
    </ExportFileModal>
  );
}
