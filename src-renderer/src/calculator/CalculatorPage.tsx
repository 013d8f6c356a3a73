/**
 * #/calculator: what an availability target allows and what missing it
 * costs, before any draft exists. Type a target and read the downtime
 * budget per day, week, month, quarter and year, round the clock or in
 * business hours (a weekly calendar in a time zone); edit credit tiers and
 * see the credit owed against measured availability. Every figure comes
 * from src-shared/math, the functions the contract and the reports use.
 * A value out of range (a 120 % target) is never clamped: it is shown as
 * typed, with a sentence saying that and why it is left out.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDurationSeconds, formatMonth, formatPercent } from '../../../src-shared/format';
import {
  allowedDowntimeSecondsInRange,
  businessHoursBudget,
  calendarMonthRange,
  coveredMinutesInRange,
  downtimeBudget,
  isValidTimeZone,
} from '../../../src-shared/math/downtime';
import { WEEKDAYS, type BusinessHours } from '../../../src-shared/model';
import { useLocale } from '../common/locale';
import { timeZones } from '../common/timeZones';
import { CreditTierChart } from './CreditTierChart';
import { attainmentRange, creditAt, creditSteps, usableTiers, type EditableTier } from './creditSteps';
import './calculator.css';

type Coverage = '24x7' | 'businessHours';
type Weekday = (typeof WEEKDAYS)[number];

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A percentage the calculator can use: from 0 to 100. */
const isPercent = (value: number | null): value is number => value !== null && value >= 0 && value <= 100;

interface BudgetRow {
  key: string;
  period: string;
  coveredSeconds: number;
  allowedSeconds: number;
}

function localTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isValidTimeZone(zone) ? zone : 'UTC';
}

function thisMonth(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

let nextTierNumber = 0;
const newTier = (threshold: number | null, creditPercent: number | null): EditableTier => ({ id: `tier-${++nextTierNumber}`, threshold, creditPercent });

export function CalculatorPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [target, setTarget] = useState<number | null>(99.9);
  const [coverage, setCoverage] = useState<Coverage>('24x7');
  const [days, setDays] = useState<Weekday[]>(['mon', 'tue', 'wed', 'thu', 'fri']);
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('17:00');
  const [timeZone, setTimeZone] = useState(localTimeZone);
  // The example tiers of DESIGN.md: below 99.9 % → 10 %, below 99 % → 25 %, below 95 % → 100 %.
  const [tiers, setTiers] = useState<EditableTier[]>(() => [newTier(99.9, 10), newTier(99, 25), newTier(95, 100)]);
  const [boundary, setBoundary] = useState<'below' | 'atOrBelow'>('below');
  const [capPercent, setCapPercent] = useState<number | null>(50);
  const [check, setCheck] = useState<number | null>(99.5);

  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
    document.title = t('calculator.windowTitle', { app: t('app.name') });
    return () => {
      document.title = t('app.name');
    };
  }, [t]);

  const targetValid = isPercent(target);
  const startValid = CLOCK.test(start);
  const endValid = CLOCK.test(end);
  const calendarProblem =
    coverage !== 'businessHours'
      ? null
      : days.length === 0
        ? t('calculator.problems.noDays')
        : !startValid || !endValid
          ? null
          : end <= start
            ? t('calculator.problems.endBeforeStart')
            : null;
  const month = thisMonth();

  const rows = useMemo<BudgetRow[] | null>(() => {
    if (!targetValid) return null;
    if (coverage === '24x7') {
      const budget = downtimeBudget(target);
      const range = calendarMonthRange(month, 'UTC');
      return [
        ...budget.map((row) => ({
          key: row.period,
          period: t(`calculator.periods.${row.period}`),
          coveredSeconds: row.coveredSeconds,
          allowedSeconds: row.allowedSeconds,
        })),
        {
          key: 'thisMonth',
          period: t('calculator.thisMonth', { month: formatMonth(month, locale), zone: 'UTC' }),
          coveredSeconds: coveredMinutesInRange(null, range.from, range.to) * 60,
          allowedSeconds: allowedDowntimeSecondsInRange(target, null, range.from, range.to),
        },
      ];
    }
    if (calendarProblem || !startValid || !endValid) return null;
    const calendar: BusinessHours = { timeZone, days, start, end, holidays: [] };
    const range = calendarMonthRange(month, timeZone);
    return [
      ...businessHoursBudget(target, calendar).map((row) => ({
        key: row.period,
        period: t(`calculator.periods.${row.period}`),
        coveredSeconds: row.coveredSeconds,
        allowedSeconds: row.allowedSeconds,
      })),
      {
        key: 'thisMonth',
        period: t('calculator.thisMonth', { month: formatMonth(month, locale), zone: timeZone }),
        coveredSeconds: coveredMinutesInRange(calendar, range.from, range.to) * 60,
        allowedSeconds: allowedDowntimeSecondsInRange(target, calendar, range.from, range.to),
      },
    ];
  }, [targetValid, target, coverage, calendarProblem, startValid, endValid, timeZone, days, start, end, month, t, locale]);

  const minutesFormat = useMemo(() => new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }), [locale]);

  const columns: ColumnsType<BudgetRow> = [
    { key: 'period', title: t('calculator.columns.period'), render: (_, row) => row.period, onCell: () => ({ 'data-column': 'period' }) as object },
    {
      key: 'length',
      title: coverage === '24x7' ? t('calculator.columns.length') : t('calculator.columns.coveredLength'),
      align: 'right',
      render: (_, row) => formatDurationSeconds(row.coveredSeconds, locale, { style: 'short' }),
      onCell: () => ({ 'data-column': 'length' }) as object,
    },
    {
      key: 'allowed',
      title: t('calculator.columns.allowed'),
      align: 'right',
      render: (_, row) => <strong>{formatDurationSeconds(row.allowedSeconds, locale, { style: 'short' })}</strong>,
      onCell: () => ({ 'data-column': 'allowed' }) as object,
    },
    {
      key: 'allowedMinutes',
      title: t('calculator.columns.allowedMinutes'),
      align: 'right',
      // Always two decimals, so that the column lines up on the decimal point ("43.20" under "43.83").
      render: (_, row) => minutesFormat.format(row.allowedSeconds / 60),
      onCell: () => ({ 'data-column': 'allowedMinutes' }) as object,
    },
  ];

  const usable = useMemo(() => usableTiers(tiers), [tiers]);
  const range = useMemo(() => attainmentRange(usable, isPercent(check) ? check : null), [usable, check]);
  const capUsable = capPercent === null || isPercent(capPercent) ? capPercent : null;
  const checkCredit = isPercent(check) ? creditAt(check, usable, boundary, capUsable) : null;
  // What is typed but left out of the figures, and why: a clamp would change it without a word.
  const leftOut = [
    ...tiers.flatMap((tier, index) => [
      ...(tier.threshold !== null && !isPercent(tier.threshold) ? [t('calculator.problems.tierThreshold', { n: index + 1, value: tier.threshold })] : []),
      ...(tier.creditPercent !== null && !isPercent(tier.creditPercent)
        ? [t('calculator.problems.tierCredit', { n: index + 1, value: tier.creditPercent })]
        : []),
    ]),
    ...(capPercent !== capUsable ? [t('calculator.problems.capOutOfRange', { value: capPercent })] : []),
  ];
  const steps = useMemo(() => creditSteps(usable, boundary, capUsable, range), [usable, boundary, capUsable, range]);
  const updateTier = (id: string, change: Partial<EditableTier>) =>
    setTiers((current) => current.map((tier) => (tier.id === id ? { ...tier, ...change } : tier)));

  return (
    <div className="calculator">
      <div className="wizard-header">
        <div className="wizard-title">
          <Typography.Title level={1} className="page-title" tabIndex={-1} ref={headingRef}>
            {t('calculator.title')}
          </Typography.Title>
        </div>
        <Button href="#/">{t('common.backHome')}</Button>
      </div>
      <Typography.Paragraph type="secondary">{t('calculator.intro')}</Typography.Paragraph>

      <section className="calculator-section" aria-labelledby="budget-heading">
        <Typography.Title level={2} id="budget-heading" className="section-title">
          {t('calculator.budgetHeading')}
        </Typography.Title>
        <Form layout="vertical" component="div">
          <Row gutter={24}>
            <Col xs={24} md={8}>
              <Form.Item
                label={t('calculator.target')}
                htmlFor="calculator-target"
                validateStatus={targetValid ? undefined : 'error'}
                help={
                  targetValid
                    ? t('calculator.targetHint')
                    : target === null
                      ? t('calculator.problems.target')
                      : t('calculator.problems.targetOutOfRange', { value: target })
                }
              >
                <InputNumber<number>
                  id="calculator-target"
                  className="full-width"
                  value={target}
                  step={0.01}
                  suffix="%"
                  onChange={(value) => setTarget(value)}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item label={t('calculator.coverage')}>
                <Radio.Group
                  optionType="button"
                  value={coverage}
                  onChange={(event) => setCoverage(event.target.value as Coverage)}
                  aria-label={t('calculator.coverage')}
                  options={[
                    { value: '24x7', label: t('enums.coverage.24x7') },
                    { value: 'businessHours', label: t('enums.coverage.businessHours') },
                  ]}
                />
              </Form.Item>
            </Col>
          </Row>
          {coverage === 'businessHours' && (
            <fieldset className="calendar-fieldset">
              <legend>{t('calculator.calendar')}</legend>
              <Form.Item label={t('calculator.days')} validateStatus={days.length === 0 ? 'error' : undefined}>
                <Checkbox.Group<Weekday>
                  value={days}
                  onChange={(values) => setDays(WEEKDAYS.filter((day) => values.includes(day)))}
                  options={WEEKDAYS.map((day) => ({ value: day, label: t(`enums.weekday.${day}`) }))}
                  aria-label={t('calculator.days')}
                />
              </Form.Item>
              <Row gutter={24}>
                <Col xs={12} md={6}>
                  <Form.Item
                    label={t('calculator.start')}
                    htmlFor="calculator-start"
                    validateStatus={startValid ? undefined : 'error'}
                    help={startValid ? undefined : t('calculator.problems.time')}
                  >
                    <Input id="calculator-start" value={start} maxLength={5} placeholder="09:00" onChange={(event) => setStart(event.target.value.trim())} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item
                    label={t('calculator.end')}
                    htmlFor="calculator-end"
                    validateStatus={endValid ? undefined : 'error'}
                    help={endValid ? undefined : t('calculator.problems.time')}
                  >
                    <Input id="calculator-end" value={end} maxLength={5} placeholder="17:00" onChange={(event) => setEnd(event.target.value.trim())} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label={t('calculator.timeZone')} htmlFor="calculator-zone">
                    <Select<string>
                      id="calculator-zone"
                      value={timeZone}
                      showSearch={{ optionFilterProp: 'label' }}
                      options={timeZones().map((zone) => ({ value: zone, label: zone }))}
                      onChange={setTimeZone}
                    />
                  </Form.Item>
                </Col>
              </Row>
              {calendarProblem && <Alert type="error" showIcon title={calendarProblem} />}
            </fieldset>
          )}
        </Form>
        {rows && (
          <>
            <Table<BudgetRow>
              rowKey="key"
              size="small"
              className="budget-table"
              aria-label={t('calculator.tableLabel', { target: formatPercent(target!, locale) })}
              columns={columns}
              dataSource={rows}
              pagination={false}
            />
            <Typography.Paragraph type="secondary" className="calculator-note">
              {coverage === '24x7' ? t('calculator.yearNote') : t('calculator.businessNote')}
            </Typography.Paragraph>
          </>
        )}
      </section>

      <section className="calculator-section" aria-labelledby="credits-heading">
        <Typography.Title level={2} id="credits-heading" className="section-title">
          {t('calculator.tiers.heading')}
        </Typography.Title>
        <Row gutter={32}>
          <Col xs={24} lg={10}>
            <table className="tier-table">
              <caption className="visually-hidden">{t('calculator.tiers.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('calculator.tiers.threshold')}</th>
                  <th scope="col">{t('calculator.tiers.credit')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tiers.map((tier, index) => (
                  <tr key={tier.id}>
                    <td>
                      <InputNumber<number>
                        value={tier.threshold}
                        step={0.1}
                        suffix="%"
                        aria-label={t('calculator.tiers.thresholdOf', { n: index + 1 })}
                        onChange={(value) => updateTier(tier.id, { threshold: value })}
                      />
                    </td>
                    <td>
                      <InputNumber<number>
                        value={tier.creditPercent}
                        step={5}
                        suffix="%"
                        aria-label={t('calculator.tiers.creditOf', { n: index + 1 })}
                        onChange={(value) => updateTier(tier.id, { creditPercent: value })}
                      />
                    </td>
                    <td>
                      <Button
                        type="text"
                        icon={<DeleteOutlined aria-hidden />}
                        aria-label={t('calculator.tiers.remove', { n: index + 1 })}
                        onClick={() => setTiers((current) => current.filter((item) => item.id !== tier.id))}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => setTiers((current) => [...current, newTier(null, null)])} className="tier-add">
              {t('calculator.tiers.add')}
            </Button>
            <Form layout="vertical" component="div" className="tier-terms">
              <Form.Item label={t('calculator.tiers.boundary')}>
                <Radio.Group
                  value={boundary}
                  onChange={(event) => setBoundary(event.target.value as 'below' | 'atOrBelow')}
                  aria-label={t('calculator.tiers.boundary')}
                  options={[
                    { value: 'below', label: t('calculator.tiers.below') },
                    { value: 'atOrBelow', label: t('calculator.tiers.atOrBelow') },
                  ]}
                />
              </Form.Item>
              <Space align="end" wrap>
                <Form.Item label={t('calculator.tiers.cap')} htmlFor="calculator-cap">
                  <InputNumber<number>
                    id="calculator-cap"
                    value={capPercent}
                    step={5}
                    suffix="%"
                    disabled={capPercent === null}
                    onChange={(value) => setCapPercent(value ?? 0)}
                  />
                </Form.Item>
                <Form.Item>
                  <Checkbox checked={capPercent === null} onChange={(event) => setCapPercent(event.target.checked ? null : 50)}>
                    {t('calculator.tiers.uncapped')}
                  </Checkbox>
                </Form.Item>
              </Space>
              <Form.Item
                label={t('calculator.tiers.check')}
                htmlFor="calculator-check"
                validateStatus={check === null || isPercent(check) ? undefined : 'error'}
                help={check === null || isPercent(check) ? t('calculator.tiers.checkHint') : t('calculator.problems.checkOutOfRange', { value: check })}
              >
                <InputNumber<number> id="calculator-check" value={check} step={0.01} suffix="%" onChange={(value) => setCheck(value)} />
              </Form.Item>
            </Form>
            {leftOut.length > 0 && (
              <Alert
                type="warning"
                showIcon
                className="tiers-left-out"
                title={
                  <ul className="plain-list">
                    {leftOut.map((sentence) => (
                      <li key={sentence}>{sentence}</li>
                    ))}
                  </ul>
                }
              />
            )}
            {checkCredit !== null && check !== null && (
              <Typography.Paragraph aria-live="polite" className="check-result" data-testid="check-result">
                {t('calculator.tiers.checkResult', { attainment: formatPercent(check, locale), credit: formatPercent(checkCredit, locale) })}
              </Typography.Paragraph>
            )}
          </Col>
          <Col xs={24} lg={14}>
            <CreditTierChart
              steps={steps}
              capPercent={capUsable}
              check={check !== null && checkCredit !== null ? { attainment: check, creditPercent: checkCredit } : null}
            />
          </Col>
        </Row>
      </section>
    </div>
  );
}
