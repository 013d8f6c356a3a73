/**
 * The draft's monitoring data: the imports stored with it, and importing
 * another CSV with a progress bar that can be cancelled.
 *
 * The file is read here and its text uploaded (reports.importMonitoringText):
 * that works in the desktop app and in the dev:web harness alike. A file
 * too large to upload is read by main from disk instead
 * (reports.importMonitoringFile, the open dialog), in parts. Either way main
 * answers with a job, polled until it ends: a file with any problem is
 * listed problem by problem, line and column, and nothing is stored.
 *
 * Each import covers a period of months — by default those its rows span,
 * as the notice after the import says — which its month-range field in the
 * list changes (reports.setMonitoringImportPeriod): a month no import covers
 * has no data in the report.
 */
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, DatePicker, Popconfirm, Progress, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_MONITORING_TEXT_CHARS, type ApiError, type ImportJob, type MonitoringImport } from '../../../src-shared/api';
import { formatMonth, formatNumber, formatPercent } from '../../../src-shared/format';
import { monthSpanText } from '../../../src-shared/monitoring/report-document';
import type { Problem } from '../../../src-shared/model';
import { useLocale } from '../common/locale';
import { formatTimestamp } from '../common/formatTime';
import { call, errorMessage } from '../common/client';
import { ProblemMessages } from '../common/ProblemMessages';

const POLL_MS = 150;

type Notice =
  { kind: 'tooLarge'; fileName: string; bytes: number } | { kind: 'failed'; fileName: string; error: ApiError } | { kind: 'notUtf8'; fileName: string };

function megabytes(bytes: number, locale: 'en' | 'zh-CN'): string {
  return formatNumber(bytes / 1_000_000, locale, 1);
}

export function ImportPanel({
  draftId,
  imports,
  onChanged,
}: {
  draftId: string;
  imports: MonitoringImport[] | null;
  /** After an import was stored or deleted: the list and the report are read again. */
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = AntApp.useApp();
  const fileInput = useRef<HTMLInputElement>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const onChangedRef = useRef(onChanged);
  useEffect(() => {
    onChangedRef.current = onChanged;
  }, [onChanged]);

  // Poll a running job until it ends; a stored import refreshes the list and the report.
  useEffect(() => {
    if (!job || job.state !== 'reading') return;
    let cancelled = false;
    const timer = window.setTimeout(() => {
      void call('reports.monitoringImportStatus', { jobId: job.jobId }).then((result) => {
        if (cancelled) return;
        if (!result.ok) {
          setJob(null);
          setNotice({ kind: 'failed', fileName: job.fileName, error: result.error });
          return;
        }
        setJob(result.value);
        if (result.value.state === 'imported') onChangedRef.current();
      });
    }, POLL_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [job]);

  const started = (result: Awaited<ReturnType<typeof call<'reports.importMonitoringText'>>>, fileName: string) => {
    if (!result.ok) return setNotice({ kind: 'failed', fileName, error: result.error });
    setJob(result.value);
  };

  const importFile = async (file: File) => {
    setJob(null);
    setNotice(null);
    const fileName = file.name.slice(-260);
    if (file.size > MAX_MONITORING_TEXT_CHARS) return setNotice({ kind: 'tooLarge', fileName, bytes: file.size });
    let text: string;
    try {
      // ignoreBOM keeps a byte order mark in the text, so the hash main records is the file's own.
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(await file.arrayBuffer());
    } catch {
      return setNotice({ kind: 'notUtf8', fileName });
    }
    started(await call('reports.importMonitoringText', { draftId, fileName, text }), fileName);
  };

  const importFromDisk = async () => {
    setNotice(null);
    setJob(null);
    const result = await call('reports.importMonitoringFile', { draftId });
    if (!result.ok) return setNotice({ kind: 'failed', fileName: '', error: result.error });
    // null: the dialog was cancelled, which needs no comment.
    if (result.value.job) setJob(result.value.job);
  };

  const cancel = async () => {
    if (!job) return;
    const result = await call('reports.cancelMonitoringImport', { jobId: job.jobId });
    if (result.ok) setJob(result.value);
  };

  const setPeriod = async (item: MonitoringImport, from: string, to: string) => {
    const result = await call('reports.setMonitoringImportPeriod', { draftId, importId: item.id, period: { from, to } });
    if (!result.ok) return void message.error(errorMessage(t, result.error));
    void message.success(t('reports.import.period.saved', { fileName: item.fileName, period: monthSpanText(t, locale, { from, to }) }));
    onChanged();
  };

  const remove = async (item: MonitoringImport) => {
    const result = await call('reports.deleteMonitoringImport', { draftId, importId: item.id });
    if (!result.ok) return void message.error(errorMessage(t, result.error));
    void message.success(t('reports.import.deleted', { fileName: item.fileName }));
    onChanged();
  };

  const columns: ColumnsType<MonitoringImport> = [
    {
      key: 'file',
      title: t('reports.import.columns.file'),
      render: (_, item) => (
        <span>
          <Typography.Text strong>{item.fileName}</Typography.Text>
          <br />
          <Typography.Text type="secondary" className="report-hash" title={item.sha256}>
            {t('reports.import.hash', { hash: item.sha256.slice(0, 12) })}
          </Typography.Text>
        </span>
      ),
    },
    { key: 'form', title: t('reports.import.columns.form'), render: (_, item) => t(`reports.form.${item.form}`) },
    { key: 'rows', title: t('reports.import.columns.rows'), align: 'right', render: (_, item) => formatNumber(item.rows, locale) },
    {
      key: 'months',
      title: t('reports.import.columns.months'),
      render: (_, item) =>
        item.months.length > 0 ? item.months.map((month) => formatMonth(month, locale)).join(t('reports.month.listSeparator')) : t('reports.values.none'),
    },
    {
      key: 'period',
      title: t('reports.import.columns.period'),
      render: (_, item) => (
        <DatePicker.RangePicker
          picker="month"
          size="small"
          format="YYYY-MM"
          allowClear={false}
          className="import-period"
          aria-label={t('reports.import.period.label', { fileName: item.fileName })}
          value={item.period ? [dayjs(`${item.period.from}-01`), dayjs(`${item.period.to}-01`)] : null}
          placeholder={[t('reports.import.period.none'), t('reports.import.period.none')]}
          onChange={(range) => {
            const [from, to] = range ?? [];
            if (from && to) void setPeriod(item, from.format('YYYY-MM'), to.format('YYYY-MM'));
          }}
        />
      ),
    },
    { key: 'importedAt', title: t('reports.import.columns.importedAt'), render: (_, item) => formatTimestamp(item.importedAt, locale) },
    {
      key: 'actions',
      title: <span className="visually-hidden">{t('common.actions')}</span>,
      align: 'right',
      render: (_, item) => (
        <Popconfirm
          title={t('reports.import.deleteConfirm', { fileName: item.fileName })}
          okText={t('reports.import.delete')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => void remove(item)}
        >
          <Button type="link" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('reports.import.deleteNamed', { fileName: item.fileName })}>
            {t('reports.import.delete')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  const percentRead = job && job.totalBytes > 0 ? Math.min(100, Math.floor((job.bytesRead / job.totalBytes) * 100)) : 0;

  return (
    <section className="report-section" aria-labelledby="monitoring-data-heading">
      <div className="report-section-heading">
        <Typography.Title level={2} id="monitoring-data-heading" className="section-title">
          {t('reports.import.heading')}
        </Typography.Title>
        <Button type="primary" icon={<UploadOutlined aria-hidden />} onClick={() => fileInput.current?.click()} disabled={job?.state === 'reading'}>
          {t('reports.import.button')}
        </Button>
      </div>
      <input
        ref={fileInput}
        type="file"
        accept=".csv,text/csv,.txt"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={t('reports.import.fileLabel')}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />

      <div aria-live="polite" className="import-status">
        {job?.state === 'reading' && (
          <div className="import-progress">
            <Typography.Text>
              {t('reports.import.reading', { fileName: job.fileName, rows: formatNumber(job.rows, locale), percent: formatPercent(percentRead, locale) })}
            </Typography.Text>
            <Progress percent={percentRead} status="active" aria-label={t('reports.import.progressLabel', { fileName: job.fileName })} />
            <Button onClick={() => void cancel()}>{t('reports.import.cancel')}</Button>
          </div>
        )}
        {job?.state === 'imported' && job.imported && (
          <Alert
            type="success"
            showIcon
            closable
            onClose={() => setJob(null)}
            title={t('reports.import.imported', { fileName: job.fileName, rows: formatNumber(job.imported.rows, locale) })}
            description={
              job.imported.period
                ? t('reports.import.period.hint', { fileName: job.fileName, period: monthSpanText(t, locale, job.imported.period) })
                : undefined
            }
          />
        )}
        {job?.state === 'cancelled' && (
          <Alert type="info" showIcon closable onClose={() => setJob(null)} title={t('reports.import.cancelled', { fileName: job.fileName })} />
        )}
        {job?.state === 'failed' && job.failure && (
          <Alert
            type="error"
            showIcon
            title={t('reports.import.failed', { fileName: job.fileName })}
            description={errorMessage(t, { code: 'internal', key: job.failure.key, params: job.failure.params })}
          />
        )}
        {job?.state === 'invalid' && <InvalidFile job={job} />}
        {notice?.kind === 'notUtf8' && (
          <Alert type="error" showIcon title={t('reports.import.invalidTitle', { fileName: notice.fileName })} description={t('monitoring.csv.notUtf8')} />
        )}
        {notice?.kind === 'tooLarge' && (
          <Alert
            type="warning"
            showIcon
            title={t('reports.import.tooLarge', {
              fileName: notice.fileName,
              size: megabytes(notice.bytes, locale),
              max: megabytes(MAX_MONITORING_TEXT_CHARS, locale),
            })}
            action={<Button onClick={() => void importFromDisk()}>{t('reports.import.fromDisk')}</Button>}
          />
        )}
        {notice?.kind === 'failed' && <FailedImport notice={notice} />}
      </div>

      <Table<MonitoringImport>
        rowKey="id"
        size="small"
        className="imports-table"
        columns={columns}
        dataSource={imports ?? []}
        loading={imports === null}
        pagination={false}
        locale={{ emptyText: imports === null ? ' ' : t('reports.import.empty') }}
      />
    </section>
  );
}

function InvalidFile({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const count = job.errors.length + job.omittedErrors;
  return (
    <Alert
      type="error"
      showIcon
      className="import-errors"
      title={t('reports.import.invalidTitle', { fileName: job.fileName })}
      description={
        <>
          <Typography.Paragraph>{t('reports.import.invalidIntro', { count })}</Typography.Paragraph>
          <ul className="problem-report" aria-label={t('reports.import.problemList')}>
            {job.errors.map((error, index) => (
              <li key={`${error.key}-${index}`}>{t(error.key, error.params)}</li>
            ))}
          </ul>
          {job.omittedErrors > 0 && <Typography.Paragraph>{t('monitoring.csv.moreErrors', { count: job.omittedErrors })}</Typography.Paragraph>}
        </>
      }
    />
  );
}

function FailedImport({ notice }: { notice: Extract<Notice, { kind: 'failed' }> }) {
  const { t } = useTranslation();
  const problems: Problem[] = notice.error.problems ?? [];
  return (
    <Alert
      type="error"
      showIcon
      title={notice.fileName ? t('reports.import.failed', { fileName: notice.fileName }) : t('reports.import.failedNoFile')}
      description={
        <Space orientation="vertical">
          <span>{errorMessage(t, notice.error)}</span>
          {problems.length > 0 && <ProblemMessages problems={problems} />}
        </Space>
      }
    />
  );
}
