/**
 * #/drafts/<id>/reports: "did we meet the SLA in October, and what credit
 * do we owe?" — the draft's monitoring data and its monthly report.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, DraftRecord, MonitoringImport } from '../../../src-shared/api';
import { call } from '../common/client';
import { flushAllDrafts } from '../common/autosave';
import { ImportPanel } from './ImportPanel';
import { MonthlyReportView } from './MonthlyReportView';
import './reports.css';
import { DraftLoading } from '../common/DraftLoading';
import { useLocale } from '../common/locale';
import { asLocalizedText, displayText } from '../../../src-shared/model/localized';

type Loaded = { state: 'loading' } | { state: 'failed'; error: ApiError } | { state: 'ready'; draft: DraftRecord };

export function ReportsPage({ draftId }: { draftId: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [imports, setImports] = useState<MonitoringImport[] | null>(null);
  const [dataVersion, setDataVersion] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      // Coming from the wizard: the report must use what the user typed last.
      await flushAllDrafts();
      const result = await call('drafts.get', { id: draftId });
      if (cancelled) return;
      setLoaded(result.ok ? { state: 'ready', draft: result.value } : { state: 'failed', error: result.error });
    })();
    return () => {
      cancelled = true;
    };
  }, [draftId]);

  useEffect(() => {
    let cancelled = false;
    void call('reports.listMonitoringImports', { draftId }).then((result) => {
      if (cancelled) return;
      setImports(result.ok ? result.value.imports : []);
    });
    return () => {
      cancelled = true;
    };
  }, [draftId, dataVersion]);

  const title = (loaded.state === 'ready' ? displayText(asLocalizedText(loaded.draft.title), locale).trim() : '') || t('wizard.untitled');

  useEffect(() => {
    if (loaded.state !== 'ready') return;
    headingRef.current?.focus({ preventScroll: true });
    document.title = t('reports.windowTitle', { title, app: t('app.name') });
    return () => {
      document.title = t('app.name');
    };
  }, [loaded.state, title, t]);

  const changed = useCallback(() => setDataVersion((version) => version + 1), []);

  if (loaded.state !== 'ready') return <DraftLoading load={loaded} failedTitleKey="wizard.loadFailed" />;

  return (
    <div className="reports">
      <div className="wizard-header">
        <div className="wizard-title">
          <Typography.Text type="secondary" className="wizard-kicker">
            {title}
          </Typography.Text>
          <Typography.Title level={1} className="page-title" tabIndex={-1} ref={headingRef}>
            {t('reports.title')}
          </Typography.Title>
        </div>
        <Button icon={<ArrowLeftOutlined aria-hidden />} href={`#/drafts/${draftId}/monitoring`}>
          {t('reports.backToDraft')}
        </Button>
      </div>
      <Typography.Paragraph type="secondary">{t('reports.intro')}</Typography.Paragraph>
      <ImportPanel draftId={draftId} imports={imports} onChanged={changed} />
      <MonthlyReportView draftId={draftId} reloadKey={dataVersion} />
    </div>
  );
}
