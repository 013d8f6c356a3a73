/**
 * Step 3: what the provider commits to — an objective per measured metric
 * (with the downtime an availability target allows), the support severity
 * table, and the maintenance terms.
 */
import { WarningOutlined } from '@ant-design/icons';
import { Button, Col, Row, Switch, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../src-shared/i18n';
import { formatDurationMinutes, formatDurationSeconds, formatNumber } from '../../../../src-shared/format';
import { allowedDowntimeSeconds, businessHoursBudget, PERIOD_SECONDS } from '../../../../src-shared/math/downtime';
import { COVERAGES, metricSemantics, metricsById, newId, SEVERITIES, WEEKDAYS, type Metric, type SlaDraft } from '../../../../src-shared/model';
import { localized } from '../../../../src-shared/model/localized';
import { useDraftEditor, useDraftSection, useDraftValue, useProblems } from '../../common/editor';
import { NumberField, SelectField, TextField, TimeField, TimeZoneField } from '../fields/fields';
import { FieldFrame } from '../fields/FieldFrame';
import { ListTable } from '../fields/ListTable';
import { defaultLevel, metricChoices, metricLabel, unitSuffix, metricLevel } from '../metricText';

type Targets = SlaDraft['targets'];
type Objective = Targets['objectives'][number];
type SeverityTerms = Targets['severities'][number];
type MaintenanceWindow = Targets['maintenance']['windows'][number];

const isAvailabilityTarget = (value: unknown): value is number => typeof value === 'number' && value > 0 && value < 100;

/** Allowed downtime per period for one availability objective, honouring its coverage. */
export function downtimeSeconds(
  target: number,
  coverage: string,
  businessHours: SlaDraft['expectations']['businessHours'],
): { month: number; quarter: number; year: number } | null {
  try {
    if (coverage === 'businessHours') {
      const budget = businessHoursBudget(target, businessHours);
      const of = (period: string) => budget.find((row) => row.period === period)?.allowedSeconds ?? 0;
      return { month: of('monthAvg'), quarter: of('quarter'), year: of('year') };
    }
    return {
      month: allowedDowntimeSeconds(target, 'monthAvg'),
      quarter: allowedDowntimeSeconds(target, 'quarter'),
      year: allowedDowntimeSeconds(target, 'year'),
    };
  } catch {
    // Business hours still being typed (e.g. an end before the start): no figure rather than a wrong one.
    return null;
  }
}

/** A duration in minutes written out ("= 4 hours") beside a minutes field, once it is long enough to need it. */
export function minutesHint(t: TFunction, locale: Locale, value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 60) return undefined;
  return t('fields.durationHint', { duration: formatDurationMinutes(value, locale) });
}

/** Hours written out ("= 7 days") once they run past a day. */
function hoursHint(t: TFunction, locale: Locale, value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 24) return undefined;
  return minutesHint(t, locale, value * 60);
}

function Objectives() {
  const { t } = useTranslation();
  const { locale } = useDraftEditor();
  const path = ['targets', 'objectives'];
  const objectives = useDraftValue<Objective[]>(path);
  const services = useDraftSection('services');
  const metrics = useMemo(() => metricsById(services), [services]);
  const choices = useMemo(() => metricChoices(t, services, { measuredOnly: true }), [t, services]);
  const businessHours = useDraftValue<SlaDraft['expectations']['businessHours']>(['expectations', 'businessHours']);

  const objectiveHint = (objective: Objective): string | undefined => {
    const metric = metrics.get(objective.metricId)?.metric;
    if (metric && metricSemantics(metric).unit === 'minutes') return minutesHint(t, locale, objective.objective);
    if (metric?.kind !== 'availability' || !isAvailabilityTarget(objective.objective)) return undefined;
    const budget = downtimeSeconds(objective.objective, objective.coverage, businessHours);
    if (!budget) return undefined;
    const duration = formatDurationSeconds(budget.month, locale);
    return objective.coverage === 'businessHours'
      ? t('wizard.targets.downtimeBusinessHours', { duration })
      : t('wizard.targets.downtimePerMonth', { duration });
  };

  return (
    <section aria-labelledby="objectives-heading" className="wizard-section">
      <Typography.Title level={3} id="objectives-heading">
        {t('wizard.targets.objectivesHeading')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('wizard.targets.objectivesIntro')}</Typography.Paragraph>
      <ListTable<Objective>
        path={path}
        type="objective"
        items={objectives}
        itemKey={(objective) => objective.id}
        focusColumn="metricId"
        create={() => {
          const targeted = new Set(objectives.map((o) => o.metricId));
          const next = choices.find((choice) => !targeted.has(choice.value));
          if (!next) return null;
          return {
            id: newId(
              'obj',
              objectives.map((o) => o.id),
            ),
            metricId: next.value,
            objective: defaultLevel(metrics.get(next.value)?.metric),
            coverage: '24x7',
          };
        }}
        columns={[
          {
            key: 'metricId',
            title: t('fields.objective.metric'),
            render: (_, i, label) => <SelectField path={[...path, i, 'metricId']} ariaLabel={label} options={choices} />,
          },
          {
            key: 'objective',
            title: t('fields.objective.objective'),
            width: 230,
            render: (objective, i, label) => (
              <NumberField
                path={[...path, i, 'objective']}
                ariaLabel={label}
                suffix={unitSuffix(t, metrics.get(objective.metricId)?.metric)}
                extra={
                  <>
                    {objectiveHint(objective)}
                    <CreditTierEffects metric={metrics.get(objective.metricId)?.metric} />
                  </>
                }
              />
            ),
          },
          {
            key: 'coverage',
            title: t('fields.objective.coverage'),
            width: 160,
            render: (_, i, label) => (
              <SelectField path={[...path, i, 'coverage']} ariaLabel={label} options={COVERAGES.map((c) => ({ value: c, label: t(`enums.coverage.${c}`) }))} />
            ),
          },
        ]}
      />
      <DowntimeCalculator />
    </section>
  );
}

type CreditTier = SlaDraft['compensation']['creditTiers'][number];
const TIER_AGAINST_TARGET = new Set(['rules.tierAboveTarget', 'rules.tierBelowTarget']);

/**
 * What this target does to the Compensation step, said where the target is
 * edited: a credit tier of the metric that now starts on the met side of
 * the target (it would pay a credit for meeting the SLA), with a button to
 * that tier's threshold.
 */
function CreditTierEffects({ metric }: { metric: Metric | undefined }) {
  const { t } = useTranslation();
  const { locale, goToProblem } = useDraftEditor();
  const problems = useProblems();
  const tiers = useDraftValue<CreditTier[] | undefined>(['compensation', 'creditTiers']);
  if (!metric || !Array.isArray(tiers)) return null;
  const affected = problems.filter((problem) => {
    if (!TIER_AGAINST_TARGET.has(problem.key) || problem.path[1] !== 'creditTiers') return false;
    return tiers[problem.path[2] as number]?.metricId === metric.id;
  });
  if (affected.length === 0) return null;
  return (
    <>
      {affected.map((problem) => {
        const index = problem.path[2] as number;
        const tier = tiers[index]!;
        const n = index + 1;
        return (
          <span key={index} className="objective-effect">
            <WarningOutlined aria-hidden className="objective-effect-icon" />{' '}
            {t(`wizard.targets.tierEffect.${problem.key === 'rules.tierAboveTarget' ? 'above' : 'below'}`, {
              n,
              threshold: metricLevel(t, locale, metric, tier.threshold),
            })}{' '}
            <Button type="link" size="small" className="inline-link" onClick={() => goToProblem(problem)}>
              {t('wizard.targets.tierEffect.goTo', { n })}
            </Button>
          </span>
        );
      })}
    </>
  );
}

interface BudgetRow {
  key: string;
  metric: string;
  target: string;
  month: string;
  quarter: string;
  year: string;
}

/** The live calculator: what each availability objective allows per month, quarter and year. */
function DowntimeCalculator() {
  const { t } = useTranslation();
  const { locale } = useDraftEditor();
  const services = useDraftSection('services');
  const objectives = useDraftValue<Objective[]>(['targets', 'objectives']);
  const businessHours = useDraftValue<SlaDraft['expectations']['businessHours']>(['expectations', 'businessHours']);
  const metrics = metricsById(services);
  const rows: BudgetRow[] = [];
  for (const objective of objectives) {
    const located = metrics.get(objective.metricId);
    if (located?.metric.kind !== 'availability' || !isAvailabilityTarget(objective.objective)) continue;
    const budget = downtimeSeconds(objective.objective, objective.coverage, businessHours);
    if (!budget) continue;
    const format = (seconds: number) => formatDurationSeconds(seconds, locale, { style: 'short' });
    rows.push({
      key: objective.id,
      metric: metricLabel(t, located),
      target: t('wizard.targets.calculator.targetWithCoverage', {
        target: metricLevel(t, locale, located.metric, objective.objective),
        coverage: t(`enums.coverage.${objective.coverage}`),
      }),
      month: format(budget.month),
      quarter: format(budget.quarter),
      year: format(budget.year),
    });
  }
  const calculatorLink = (
    <Typography.Link href="#/calculator" className="calculator-link">
      {t('calculator.openFromTargets')}
    </Typography.Link>
  );
  if (rows.length === 0) return <div className="downtime-calculator">{calculatorLink}</div>;
  const columns: ColumnsType<BudgetRow> = [
    { key: 'metric', dataIndex: 'metric', title: t('wizard.targets.calculator.metric') },
    { key: 'target', dataIndex: 'target', title: t('wizard.targets.calculator.target') },
    // Durations read as figures: right-aligned, each on one line.
    { key: 'month', dataIndex: 'month', title: t('wizard.targets.calculator.month'), align: 'right', className: 'nowrap' },
    { key: 'quarter', dataIndex: 'quarter', title: t('wizard.targets.calculator.quarter'), align: 'right', className: 'nowrap' },
    { key: 'year', dataIndex: 'year', title: t('wizard.targets.calculator.year'), align: 'right', className: 'nowrap' },
  ];
  return (
    <div className="downtime-calculator">
      <Typography.Title level={4} id="calculator-heading">
        {t('wizard.targets.calculator.heading')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('wizard.targets.calculator.intro', { minutes: formatNumber(PERIOD_SECONDS.monthAvg / 60, locale, 1) })}
      </Typography.Paragraph>
      <Table<BudgetRow> size="small" pagination={false} columns={columns} dataSource={rows} />
      {calculatorLink}
    </div>
  );
}

function Severities() {
  const { t } = useTranslation();
  const { locale } = useDraftEditor();
  const path = ['targets', 'severities'];
  const severities = useDraftValue<SeverityTerms[]>(path);
  const minutesSuffix = t('units.minutes');
  return (
    <section aria-labelledby="severities-heading" className="wizard-section">
      <Typography.Title level={3} id="severities-heading">
        {t('wizard.targets.severitiesHeading')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('wizard.targets.severitiesIntro')}</Typography.Paragraph>
      <ListTable<SeverityTerms>
        path={path}
        type="severity"
        items={severities}
        itemKey={(severity, index) => `${index}`}
        focusColumn="level"
        create={() => {
          const used = new Set(severities.map((s) => s.level));
          const level = SEVERITIES.find((l) => !used.has(l));
          if (!level) return null;
          return { level, description: localized(''), responseMinutes: 60, resolutionMinutes: 480, coverage: '24x7' };
        }}
        columns={[
          {
            key: 'level',
            title: t('fields.severity.level'),
            width: 96,
            render: (_, i, label) => <SelectField path={[...path, i, 'level']} ariaLabel={label} options={SEVERITIES.map((l) => ({ value: l, label: l }))} />,
          },
          {
            key: 'responseMinutes',
            title: t('fields.severity.responseMinutes'),
            width: 170,
            render: (severity, i, label) => (
              <NumberField
                path={[...path, i, 'responseMinutes']}
                ariaLabel={label}
                suffix={minutesSuffix}
                extra={minutesHint(t, locale, severity.responseMinutes)}
              />
            ),
          },
          {
            key: 'resolutionMinutes',
            title: t('fields.severity.resolutionMinutes'),
            width: 170,
            render: (severity, i, label) => (
              <NumberField
                path={[...path, i, 'resolutionMinutes']}
                ariaLabel={label}
                suffix={minutesSuffix}
                extra={minutesHint(t, locale, severity.resolutionMinutes)}
              />
            ),
          },
          {
            key: 'coverage',
            title: t('fields.severity.coverage'),
            width: 160,
            render: (_, i, label) => (
              <SelectField path={[...path, i, 'coverage']} ariaLabel={label} options={COVERAGES.map((c) => ({ value: c, label: t(`enums.coverage.${c}`) }))} />
            ),
          },
          {
            key: 'description',
            title: t('fields.severity.description'),
            fullRow: true,
            render: (_, i, label) => <TextField path={[...path, i, 'description']} ariaLabel={label} multiline rows={2} />,
          },
        ]}
      />
      <SupportAttainment />
    </section>
  );
}

/** The share a measurable basis starts at when the user turns it on. */
const DEFAULT_SUPPORT_ATTAINMENT_PERCENT = 95;

/** Whether the times bind every Incident, or a share of each level's Incidents per calendar month. */
function SupportAttainment() {
  const { t } = useTranslation();
  const { update } = useDraftEditor();
  const path = ['targets', 'supportAttainmentPercent'];
  const measured = useDraftValue<number | undefined>(path) !== undefined;
  return (
    <Row gutter={16}>
      <Col xs={12} md={8}>
        <FieldFrame
          id="field-targets-supportAttainmentStated"
          problems={[]}
          label={t('fields.severity.attainmentStated')}
          readOnlyText={measured ? t('common.yes') : t('common.no')}
        >
          {(a11y) => <Switch {...a11y} checked={measured} onChange={(checked) => update(path, checked ? DEFAULT_SUPPORT_ATTAINMENT_PERCENT : undefined)} />}
        </FieldFrame>
      </Col>
      {measured && (
        <Col xs={12} md={8}>
          <NumberField path={path} label={t('fields.severity.attainmentPercent')} suffix="%" extra={t('fields.severity.attainmentHint')} />
        </Col>
      )}
    </Row>
  );
}

/** The hours a limit starts at when the user turns it on. */
const DEFAULT_EMERGENCY_CAP_HOURS = 2;

/** How much Emergency Maintenance a month may leave Downtime: a limit, or none. */
function EmergencyCap() {
  const { t } = useTranslation();
  const { update } = useDraftEditor();
  const path = ['targets', 'maintenance', 'emergencyMaxHoursPerMonth'];
  const capped = useDraftValue<number | null>(path) !== null;
  return (
    <Row gutter={16}>
      <Col xs={12} md={8}>
        <FieldFrame
          id="field-targets-maintenance-emergencyCapped"
          problems={[]}
          label={t('fields.maintenance.emergencyCapped')}
          readOnlyText={capped ? t('common.yes') : t('common.no')}
        >
          {(a11y) => <Switch {...a11y} checked={capped} onChange={(checked) => update(path, checked ? DEFAULT_EMERGENCY_CAP_HOURS : null)} />}
        </FieldFrame>
      </Col>
      {capped && (
        <Col xs={12} md={8}>
          <NumberField
            path={path}
            label={t('fields.maintenance.emergencyMaxHoursPerMonth')}
            suffix={t('units.hours')}
            extra={t('fields.maintenance.emergencyCapHint')}
          />
        </Col>
      )}
    </Row>
  );
}

function Maintenance() {
  const { t } = useTranslation();
  const { locale } = useDraftEditor();
  const base = ['targets', 'maintenance'];
  const path = [...base, 'windows'];
  const windows = useDraftValue<MaintenanceWindow[]>(path);
  const noticeHours = useDraftValue<number | null>([...base, 'noticeHours']);
  const hours = t('units.hours');
  return (
    <section aria-labelledby="maintenance-heading" className="wizard-section">
      <Typography.Title level={3} id="maintenance-heading">
        {t('wizard.targets.maintenanceHeading')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('wizard.targets.maintenanceIntro')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <NumberField path={[...base, 'noticeHours']} label={t('fields.maintenance.noticeHours')} suffix={hours} extra={hoursHint(t, locale, noticeHours)} />
        </Col>
        <Col xs={12} md={6}>
          <NumberField path={[...base, 'emergencyNoticeHours']} label={t('fields.maintenance.emergencyNoticeHours')} suffix={hours} />
        </Col>
        <Col xs={12} md={6}>
          <NumberField path={[...base, 'maxHoursPerMonth']} label={t('fields.maintenance.maxHoursPerMonth')} suffix={hours} />
        </Col>
        <Col xs={12} md={6}>
          <TimeZoneField path={[...base, 'timeZone']} label={t('fields.maintenance.timeZone')} required />
        </Col>
      </Row>
      <EmergencyCap />
      <Typography.Title level={4}>{t('wizard.targets.windowsHeading')}</Typography.Title>
      <ListTable<MaintenanceWindow>
        path={path}
        type="window"
        items={windows}
        itemKey={(window) => window.id}
        focusColumn="day"
        create={() => ({
          id: newId(
            'mw',
            windows.map((w) => w.id),
          ),
          day: 'sun',
          start: '02:00',
          durationMinutes: 120,
        })}
        columns={[
          {
            key: 'day',
            title: t('fields.window.day'),
            render: (_, i, label) => (
              <SelectField path={[...path, i, 'day']} ariaLabel={label} options={WEEKDAYS.map((d) => ({ value: d, label: t(`enums.weekday.${d}`) }))} />
            ),
          },
          { key: 'start', title: t('fields.window.start'), render: (_, i, label) => <TimeField path={[...path, i, 'start']} ariaLabel={label} /> },
          {
            key: 'durationMinutes',
            title: t('fields.window.durationMinutes'),
            render: (window, i, label) => (
              <NumberField
                path={[...path, i, 'durationMinutes']}
                ariaLabel={label}
                suffix={t('units.minutes')}
                extra={minutesHint(t, locale, window.durationMinutes)}
              />
            ),
          },
        ]}
      />
    </section>
  );
}

export function TargetsStep() {
  return (
    <>
      <Objectives />
      <Severities />
      <Maintenance />
    </>
  );
}
