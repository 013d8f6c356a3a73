/**
 * One month's report: per service and metric the attainment against the
 * target, met or missed, the downtime and the incidents behind it
 * (expandable), the credit tier reached and the credit in the draft's
 * currency; the month's credit with the cap and the claim deadline; what
 * the report cannot claim (a month before the term or without data, a
 * metric measured from other data than the contract names), the credits
 * not added under the one-credit-per-service rule, the chronic-failure
 * counts; and attainment against the target over the last months.
 */
import { FileWordOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Empty, Select, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useRef, useState, type TdHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, ApiOutput } from '../../../src-shared/api';
import { formatDate, formatDateTime, formatMoney, formatMonth, formatPercent } from '../../../src-shared/format';
import type { MetricMonthReport, MonthlyReport, ReportIncident } from '../../../src-shared/monitoring';
import {
  chronicTexts,
  creditAmountText,
  creditsNotAddedTexts,
  formatMinutes,
  metricName,
  monthStatusText,
  objectiveText,
  sourceDiffersTexts,
  tierCondition,
} from '../../../src-shared/monitoring/report-document';
import { useLocale } from '../common/locale';
import { displayText } from '../../../src-shared/model/localized';
import { call, errorMessage } from '../common/client';
import { ProblemMessages } from '../common/ProblemMessages';
import { AttainmentChart } from './AttainmentChart';
import { ReportExportDialog } from './ReportExportDialog';
import { attainmentText, monthChoices } from './reportText';
import { useKeyboardScroll } from './useKeyboardScroll';

type MonthlyResult = ApiOutput<'reports.monthly'>;
type Loaded = { state: 'loading' } | { state: 'ready'; result: MonthlyResult } | { state: 'failed'; error: ApiError };

const HISTORY_MONTHS = 6;

/** antd cells carry the column's name, so a row's numbers can be read back by what they are. */
const cell = (column: string) => () => ({ 'data-column': column }) as TdHTMLAttributes<HTMLTableCellElement>;

/** The columns from the attainment to the credit percent: all empty for a metric monitoring data cannot measure. */
const MEASURED_COLUMNS = 7;
const notMeasured = (row: MetricMonthReport) => row.status === 'notMeasured';

/**
 * A metric that monitoring data cannot measure (error rate, RPO, support times)
 * says so once across the row, instead of in a narrow cell followed by seven dashes.
 */
const attainmentCell = (row: MetricMonthReport) =>
  ({
    'data-column': 'attainment',
    ...(notMeasured(row) ? { colSpan: MEASURED_COLUMNS, className: 'report-not-measured' } : {}),
  }) as TdHTMLAttributes<HTMLTableCellElement>;
const measuredCell = (column: string) => (row: MetricMonthReport) =>
  (notMeasured(row) ? { colSpan: 0 } : { 'data-column': column }) as TdHTMLAttributes<HTMLTableCellElement>;

export function MonthlyReportView({ draftId, reloadKey }: { draftId: string; reloadKey: number }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [month, setMonth] = useState<string | undefined>(undefined);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void call('reports.monthly', { draftId, ...(month ? { month } : {}), historyMonths: HISTORY_MONTHS }).then((result) => {
      if (cancelled) return;
      setLoaded(result.ok ? { state: 'ready', result: result.value } : { state: 'failed', error: result.error });
    });
    return () => {
      cancelled = true;
    };
  }, [draftId, month, reloadKey]);

  const result = loaded.state === 'ready' ? loaded.result : null;
  const choices = useMemo(() => monthChoices(result?.termMonths ?? [], result?.months ?? [], result?.month ?? null), [result]);
  const withData = useMemo(() => new Set(result?.months ?? []), [result]);

  if (loaded.state === 'loading') {
    return (
      <div className="boot">
        <Spin />
      </div>
    );
  }
  if (loaded.state === 'failed') {
    const problems = loaded.error.problems ?? [];
    return (
      <Alert
        type="error"
        showIcon
        title={errorMessage(t, loaded.error)}
        description={problems.length > 0 ? <ProblemMessages problems={problems} /> : undefined}
        action={<Button href={`#/drafts/${draftId}/${problems[0]?.step ?? 'services'}`}>{t('reports.openDraft')}</Button>}
      />
    );
  }

  const { result: monthly } = loaded;
  // A month without monitoring data, or before the agreement took effect, has no report to hand the customer.
  const exportable = monthly.report !== null && monthly.report.monthStatus !== 'noData' && monthly.report.monthStatus !== 'beforeTerm';
  const monthLabel = monthly.month ? formatMonth(monthly.month, locale) : '';
  return (
    <section className="report-section" aria-labelledby="monthly-report-heading">
      <div className="report-section-heading">
        <Typography.Title level={2} id="monthly-report-heading" className="section-title">
          {monthly.month ? t('reports.monthHeading', { month: formatMonth(monthly.month, locale) }) : t('reports.noMonthHeading')}
        </Typography.Title>
        <div className="report-month">
          <label htmlFor="report-month">{t('reports.month.label')}</label>
          <Select<string>
            id="report-month"
            className="report-month-select"
            value={monthly.month ?? undefined}
            placeholder={t('reports.month.placeholder')}
            onChange={setMonth}
            // The open list marks the months with data; the chosen month reads as just the month.
            labelRender={({ value }) => (typeof value === 'string' ? formatMonth(value, locale) : null)}
            options={choices.map((value) => ({
              value,
              label: withData.has(value) ? t('reports.month.withData', { month: formatMonth(value, locale) }) : formatMonth(value, locale),
            }))}
          />
          {monthly.report && (
            <Tooltip title={exportable ? undefined : t('reports.export.noData', { month: monthLabel })}>
              <Button icon={<FileWordOutlined aria-hidden />} onClick={() => setExporting(true)} disabled={!exportable}>
                {t('reports.export.button')}
              </Button>
            </Tooltip>
          )}
        </div>
      </div>
      {exporting && monthly.month && <ReportExportDialog draftId={draftId} month={monthly.month} monthLabel={monthLabel} onClose={() => setExporting(false)} />}
      {monthly.report ? <ReportBody report={monthly.report} history={monthly.history} /> : <Empty description={t('reports.month.noData')} />}
    </section>
  );
}

function ReportBody({ report, history }: { report: MonthlyReport; history: MonthlyResult['history'] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const measured = report.services.flatMap((service) => service.metrics).filter((row) => row.met !== null);
  const missed = measured.filter((row) => row.met === false).length;
  const money = (amount: number) => formatMoney(amount, report.currency, locale);
  const status = monthStatusText(t, locale, report);
  const sourceNotes = sourceDiffersTexts(t, locale, report);
  const notAdded = creditsNotAddedTexts(t, locale, report);

  return (
    <>
      {status && (
        <Alert
          type={report.monthStatus === 'afterTerm' ? 'warning' : 'info'}
          showIcon
          className="report-warning"
          data-testid="report-month-status"
          title={status}
        />
      )}
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} className="report-summary" data-testid="report-summary">
        <Descriptions.Item label={t('reports.summary.credit')}>
          <span data-field="creditAmount">{money(report.credit.amount)}</span>{' '}
          <Typography.Text type="secondary" data-field="creditPercent">
            {t('reports.summary.ofFee', { percent: formatPercent(report.credit.cappedPercent, locale), fee: money(report.monthlyFee) })}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('reports.summary.cap')}>
          <span data-field="cap">{report.capPercent === null ? t('reports.values.uncapped') : formatPercent(report.capPercent, locale)}</span>
          {report.credit.capped && (
            <>
              {' '}
              <Tag color="orange">{t('reports.summary.capApplied', { total: formatPercent(report.credit.totalPercent, locale) })}</Tag>
            </>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('reports.summary.claimDeadline')}>
          <span data-field="claimDeadline">{formatDate(report.claimDeadline, locale)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('reports.summary.outcome')}>
          {missed > 0 ? (
            <Tag color="red">{t('reports.summary.missed', { count: missed, total: measured.length })}</Tag>
          ) : measured.length > 0 ? (
            <Tag color="green">{t('reports.summary.allMet', { count: measured.length })}</Tag>
          ) : (
            t('reports.summary.nothingMeasured')
          )}
        </Descriptions.Item>
      </Descriptions>
      {report.warnings.map((warning, index) => (
        <Alert key={`${warning.key}-${index}`} type="warning" showIcon className="report-warning" title={t(warning.key, warning.params)} />
      ))}
      {report.services.map((service) => (
        <ServiceTable key={service.serviceId} report={report} serviceName={displayText(service.serviceName, locale)} rows={service.metrics} />
      ))}
      {sourceNotes.map((note) => (
        <Alert key={note} type="warning" showIcon className="report-warning" data-testid="report-source-differs" title={note} />
      ))}
      {notAdded.length > 0 && (
        <Alert
          type="info"
          showIcon
          className="report-warning"
          data-testid="report-credits-not-added"
          title={t('reports.notAdded.heading')}
          description={
            <>
              <Typography.Paragraph>{t('reports.notAdded.rule')}</Typography.Paragraph>
              <ul>
                {notAdded.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </>
          }
        />
      )}
      <ChronicFailure report={report} />
      {history && <AttainmentChart history={history} />}
    </>
  );
}

function ServiceTable({ report, serviceName, rows }: { report: MonthlyReport; serviceName: string; rows: MetricMonthReport[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const dash = t('reports.values.none');
  const headingId = `service-${rows[0]?.serviceId ?? serviceName}`;
  const wrapper = useRef<HTMLDivElement>(null);
  useKeyboardScroll(wrapper, headingId);
  const columns: ColumnsType<MetricMonthReport> = [
    {
      key: 'metric',
      title: t('reports.columns.metric'),
      fixed: 'left',
      onCell: cell('metric'),
      render: (_, row) => (
        <>
          {metricName(t, locale, row)}
          {row.sourceDiffers && (
            <>
              {' '}
              <Tag color="orange">{t('reports.sourceDiffers.tag')}</Tag>
            </>
          )}
        </>
      ),
    },
    {
      key: 'objective',
      title: t('reports.columns.objective'),
      // Wide enough for "1,500 毫秒（7×24 小时）" on one line.
      width: 175,
      onCell: cell('objective'),
      render: (_, row) => objectiveText(t, locale, row),
    },
    {
      key: 'attainment',
      title: t('reports.columns.attainment'),
      width: 100,
      align: 'right',
      onCell: attainmentCell,
      render: (_, row) => attainmentText(t, locale, row),
    },
    {
      key: 'result',
      title: t('reports.columns.result'),
      width: 76,
      onCell: measuredCell('result'),
      render: (_, row) =>
        row.met === null ? dash : row.met ? <Tag color="green">{t('reports.result.met')}</Tag> : <Tag color="red">{t('reports.result.missed')}</Tag>,
    },
    {
      key: 'downtime',
      title: t('reports.columns.downtime'),
      width: 84,
      align: 'right',
      onCell: measuredCell('downtime'),
      render: (_, row) => (row.downtimeMinutes === null ? dash : formatMinutes(t, locale, row.downtimeMinutes)),
    },
    {
      key: 'allowed',
      title: t('reports.columns.allowed'),
      width: 96,
      align: 'right',
      onCell: measuredCell('allowed'),
      render: (_, row) => (row.allowedDowntimeMinutes === null ? dash : formatMinutes(t, locale, row.allowedDowntimeMinutes)),
    },
    {
      key: 'incidents',
      title: t('reports.columns.incidents'),
      width: 96,
      align: 'right',
      onCell: measuredCell('incidents'),
      render: (_, row) => (row.source === 'incidents' ? t('reports.incidents.count', { count: row.incidents.length }) : dash),
    },
    {
      key: 'tier',
      title: t('reports.columns.tier'),
      width: 124,
      onCell: measuredCell('tier'),
      render: (_, row) =>
        !row.credit ? dash : row.credit.threshold === null ? t('reports.values.noTier') : tierCondition(t, locale, report.boundary, row, row.credit.threshold),
    },
    {
      key: 'creditPercent',
      title: t('reports.columns.creditPercent'),
      width: 72,
      align: 'right',
      onCell: measuredCell('creditPercent'),
      render: (_, row) => (row.credit ? formatPercent(row.credit.creditPercent, locale) : dash),
    },
    {
      key: 'amount',
      title: t('reports.columns.amount'),
      width: 124,
      align: 'right',
      // The amount owed stays in view when a narrow window scrolls the table sideways.
      fixed: 'right',
      onCell: cell('amount'),
      render: (_, row) => creditAmountText(t, locale, report, row),
    },
  ];

  return (
    <div className="report-service" ref={wrapper}>
      <Typography.Title level={3} id={headingId} className="report-service-title">
        {serviceName || dash}
      </Typography.Title>
      <Table<MetricMonthReport>
        rowKey="metricId"
        size="small"
        aria-labelledby={headingId}
        className="report-table"
        columns={columns}
        dataSource={rows}
        pagination={false}
        tableLayout="fixed"
        // Wide enough that metric names never break inside a word; narrower windows scroll
        // sideways with the metric column kept in view.
        scroll={{ x: 1175 }}
        rowClassName={(row) => (row.met === false ? 'report-row-missed' : '')}
        expandable={{
          fixed: 'left',
          rowExpandable: (row) => row.incidents.length > 0,
          expandedRowRender: (row) => <IncidentsTable row={row} />,
        }}
      />
    </div>
  );
}

/** The months each metric missed, in a row and within twelve, against the draft's chronic-failure rule. */
function ChronicFailure({ report }: { report: MonthlyReport }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  if (!report.chronicFailure || (report.monthStatus !== 'reported' && report.monthStatus !== 'afterTerm')) return null;
  const rows = report.services.flatMap((service) => service.metrics).filter((row) => row.chronic !== null && row.chronic.missedInTwelve > 0);
  const columns: ColumnsType<MetricMonthReport> = [
    { key: 'service', title: t('reports.document.serviceColumn'), render: (_, row) => displayText(row.serviceName, locale) },
    { key: 'metric', title: t('reports.columns.metric'), onCell: cell('metric'), render: (_, row) => metricName(t, locale, row) },
    {
      key: 'consecutive',
      title: t('reports.chronic.consecutiveColumn'),
      onCell: cell('consecutive'),
      render: (_, row) => chronicTexts(t, report, row)!.consecutive,
    },
    { key: 'inTwelve', title: t('reports.chronic.inTwelveColumn'), onCell: cell('inTwelve'), render: (_, row) => chronicTexts(t, report, row)!.inTwelve },
    {
      key: 'status',
      title: t('reports.chronic.statusColumn'),
      onCell: cell('chronicStatus'),
      render: (_, row) => (row.chronic!.chronicFailure ? <Tag color="red">{chronicTexts(t, report, row)!.status}</Tag> : chronicTexts(t, report, row)!.status),
    },
  ];
  return (
    <div className="report-service">
      <Typography.Title level={3} id="chronic-failure-heading" className="report-service-title">
        {t('reports.chronic.heading')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('reports.chronic.rule', { consecutive: report.chronicFailure.consecutiveMonths, inTwelve: report.chronicFailure.monthsInTwelve })}
      </Typography.Paragraph>
      {rows.length === 0 ? (
        <Typography.Paragraph>{t('reports.chronic.none', { month: formatMonth(report.month, locale) })}</Typography.Paragraph>
      ) : (
        <Table<MetricMonthReport>
          rowKey="metricId"
          size="small"
          aria-labelledby="chronic-failure-heading"
          // Not a .report-table: a metric's row there is its month's result, found by its name.
          className="chronic-table"
          columns={columns}
          dataSource={rows}
          pagination={false}
        />
      )}
    </div>
  );
}

function IncidentsTable({ row }: { row: MetricMonthReport }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const dash = t('reports.values.none');
  const columns: ColumnsType<ReportIncident> = [
    { key: 'line', title: t('reports.incidents.line'), align: 'right', render: (_, incident) => incident.line },
    { key: 'from', title: t('reports.incidents.from'), render: (_, incident) => formatDateTime(incident.from, locale, row.timeZone) },
    { key: 'to', title: t('reports.incidents.to'), render: (_, incident) => formatDateTime(incident.to, locale, row.timeZone) },
    { key: 'minutes', title: t('reports.incidents.minutes'), align: 'right', render: (_, incident) => formatMinutes(t, locale, incident.minutes) },
    { key: 'downtime', title: t('reports.incidents.downtime'), align: 'right', render: (_, incident) => formatMinutes(t, locale, incident.downtimeMinutes) },
    { key: 'severity', title: t('reports.incidents.severity'), render: (_, incident) => incident.severity ?? dash },
    {
      key: 'excluded',
      title: t('reports.incidents.excluded'),
      render: (_, incident) => (incident.excluded ? <Tag>{t('reports.incidents.yes')}</Tag> : t('reports.incidents.no')),
    },
    { key: 'reason', title: t('reports.incidents.reason'), render: (_, incident) => incident.reason || dash },
  ];
  return (
    <div className="report-incidents">
      <Typography.Text type="secondary">{t('reports.incidents.caption', { metric: metricName(t, locale, row), zone: row.timeZone })}</Typography.Text>
      <Table<ReportIncident>
        rowKey={(incident) => `${incident.line}-${incident.from}`}
        size="small"
        columns={columns}
        dataSource={row.incidents}
        pagination={false}
        aria-label={t('reports.incidents.caption', { metric: metricName(t, locale, row), zone: row.timeZone })}
      />
    </div>
  );
}
