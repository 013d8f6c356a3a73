/**
 * Step 5: service credits — the fee they are a share of, the tiers per
 * metric, how a threshold reads, the cap, how to claim, chronic failure and
 * sole remedy — with the worst case the provider can owe in a year.
 */
import { Alert, Col, Row, Switch, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatPercent } from '../../../../src-shared/format';
import { feeSplitByService, worstCaseYearlyExposure } from '../../../../src-shared/math/credits';
import { CLAIM_WINDOW_STARTS, CREDIT_APPLICATIONS, CREDIT_FORMS, CURRENCIES, metricsById, newId, type SlaDraft } from '../../../../src-shared/model';
import { useDraftEditor, useDraftSection, useProblems } from '../../common/editor';
import { NumberField, RadioField, SelectField, SwitchField, TextField } from '../fields/fields';
import { FieldFrame } from '../fields/FieldFrame';
import { ListTable } from '../fields/ListTable';
import { metricChoices, unitSuffix } from '../metricText';

type CreditTier = SlaDraft['compensation']['creditTiers'][number];

/** The default cap when "uncapped" is switched off again: a common market position. */
const DEFAULT_CAP_PERCENT = 50;

function Exposure() {
  const { t } = useTranslation();
  const { locale } = useDraftEditor();
  const compensation = useDraftSection('compensation');
  const services = useDraftSection('services');
  const problems = useProblems();
  // The figure is only meaningful once the compensation terms themselves are sound.
  if (problems.some((problem) => problem.path[0] === 'compensation' || problem.path.at(-1) === 'monthlyFee')) {
    return <Alert type="info" showIcon title={t('wizard.compensation.exposureUnavailable')} />;
  }
  let sentence: string;
  try {
    const exposure = worstCaseYearlyExposure({ compensation, services });
    sentence = t(compensation.capPercent === null ? 'wizard.compensation.exposureUncapped' : 'wizard.compensation.exposure', {
      year: formatMoney(exposure.yearlyMaxAmount, exposure.currency, locale),
      month: formatMoney(exposure.monthlyMaxAmount, exposure.currency, locale),
      percent: formatPercent(exposure.monthlyMaxPercent, locale),
    });
  } catch {
    return <Alert type="info" showIcon title={t('wizard.compensation.exposureUnavailable')} />;
  }
  return (
    <Alert
      type={compensation.capPercent === null ? 'warning' : 'info'}
      showIcon
      title={t('wizard.compensation.exposureHeading')}
      description={sentence}
      className="exposure"
    />
  );
}

function Cap() {
  const { t } = useTranslation();
  const { update } = useDraftEditor();
  const uncapped = useDraftSection('compensation').capPercent === null;
  return (
    <Row gutter={16}>
      <Col xs={12} md={8}>
        <FieldFrame
          id="field-compensation-uncapped"
          problems={[]}
          label={t('fields.compensation.uncapped')}
          readOnlyText={uncapped ? t('common.yes') : t('common.no')}
        >
          {(a11y) => (
            <Switch {...a11y} checked={uncapped} onChange={(checked) => update(['compensation', 'capPercent'], checked ? null : DEFAULT_CAP_PERCENT)} />
          )}
        </FieldFrame>
      </Col>
      {!uncapped && (
        <Col xs={12} md={8}>
          <NumberField
            path={['compensation', 'capPercent']}
            label={t('fields.compensation.capPercent')}
            suffix={t('units.percent')}
            extra={t('fields.compensation.capHint')}
          />
        </Col>
      )}
    </Row>
  );
}

export function CompensationStep() {
  const { t } = useTranslation();
  const { locale } = useDraftEditor();
  const compensation = useDraftSection('compensation');
  const services = useDraftSection('services');
  const base = ['compensation'];
  const tiersPath = [...base, 'creditTiers'];
  const tiers = compensation.creditTiers;
  const metrics = useMemo(() => metricsById(services), [services]);
  const choices = useMemo(() => metricChoices(t, services, { measuredOnly: true }), [t, services]);
  const chronic = compensation.chronicFailure;
  // Where the fee is split by service (Services step), a tier's credit is a share of its service's fee.
  const feeSplit = feeSplitByService({ services });
  const { monthlyFee, currency } = compensation;
  const feeHint =
    typeof monthlyFee === 'number' && Number.isFinite(monthlyFee) && (CURRENCIES as readonly string[]).includes(currency)
      ? t('fields.compensation.monthlyFeeHint', { amount: formatMoney(monthlyFee, currency, locale) })
      : undefined;

  return (
    <>
      <section aria-labelledby="fee-heading" className="wizard-section">
        <Typography.Title level={3} id="fee-heading">
          {t('wizard.compensation.feeHeading')}
        </Typography.Title>
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <SelectField
              path={[...base, 'currency']}
              label={t('fields.compensation.currency')}
              options={CURRENCIES.map((c) => ({ value: c, label: c }))}
              showSearch
            />
          </Col>
          <Col xs={12} md={8}>
            <NumberField path={[...base, 'monthlyFee']} label={t('fields.compensation.monthlyFee')} suffix={currency} extra={feeHint} />
          </Col>
        </Row>
      </section>

      <section aria-labelledby="tiers-heading" className="wizard-section">
        <Typography.Title level={3} id="tiers-heading">
          {t('wizard.compensation.tiersHeading')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('wizard.compensation.tiersIntro')}</Typography.Paragraph>
        <RadioField
          path={[...base, 'boundary']}
          label={t('fields.compensation.boundary')}
          options={(['below', 'atOrBelow'] as const).map((boundary) => ({ value: boundary, label: t(`enums.boundary.${boundary}`) }))}
        />
        <ListTable<CreditTier>
          path={tiersPath}
          type="tier"
          items={tiers}
          itemKey={(tier) => tier.id}
          focusColumn="metricId"
          reorder
          create={() => {
            const first = choices[0];
            if (!first) return null;
            const last = [...tiers].reverse().find((tier) => tier.metricId === first.value);
            return {
              id: newId(
                'tier',
                tiers.map((tier) => tier.id),
              ),
              metricId: last?.metricId ?? first.value,
              threshold: typeof last?.threshold === 'number' ? last.threshold : 99,
              creditPercent: typeof last?.creditPercent === 'number' ? last.creditPercent : 10,
            };
          }}
          columns={[
            {
              key: 'metricId',
              title: t('fields.tier.metric'),
              render: (_, i, label) => <SelectField path={[...tiersPath, i, 'metricId']} ariaLabel={label} options={choices} />,
            },
            {
              key: 'threshold',
              title: t('fields.tier.threshold'),
              width: 160,
              render: (tier, i, label) => (
                <NumberField path={[...tiersPath, i, 'threshold']} ariaLabel={label} suffix={unitSuffix(t, metrics.get(tier.metricId)?.metric)} />
              ),
            },
            {
              key: 'creditPercent',
              title: t(feeSplit ? 'fields.tier.creditPercentOfServiceFee' : 'fields.tier.creditPercent'),
              width: 160,
              render: (_, i, label) => <NumberField path={[...tiersPath, i, 'creditPercent']} ariaLabel={label} suffix={t('units.percent')} />,
            },
          ]}
        />
        <Cap />
        <Exposure />
      </section>

      <section aria-labelledby="claims-heading" className="wizard-section">
        <Typography.Title level={3} id="claims-heading">
          {t('wizard.compensation.claimsHeading')}
        </Typography.Title>
        <RadioField
          path={[...base, 'claims', 'application']}
          label={t('fields.claims.application')}
          options={CREDIT_APPLICATIONS.map((value) => ({ value, label: t(`enums.creditApplication.${value}`) }))}
        />
        <Row gutter={16}>
          <Col xs={12} md={8}>
            <NumberField path={[...base, 'claimWindowDays']} label={t('fields.compensation.claimWindowDays')} suffix={t('units.days')} />
          </Col>
          <Col xs={12} md={8}>
            <SelectField
              path={[...base, 'claims', 'windowFrom']}
              label={t('fields.claims.windowFrom')}
              options={CLAIM_WINDOW_STARTS.map((value) => ({ value, label: t(`enums.claimWindowFrom.${value}`) }))}
            />
          </Col>
          <Col xs={12} md={8}>
            <NumberField path={[...base, 'claims', 'answerBusinessDays']} label={t('fields.claims.answerBusinessDays')} suffix={t('units.businessDays')} />
          </Col>
          <Col xs={12} md={8}>
            <SwitchField path={[...base, 'claims', 'deemedConfirmed']} label={t('fields.claims.deemedConfirmed')} />
          </Col>
          <Col xs={12} md={8}>
            <SelectField
              path={[...base, 'creditForm']}
              label={t('fields.compensation.creditForm')}
              options={CREDIT_FORMS.map((form) => ({ value: form, label: t(`enums.creditForm.${form}`) }))}
            />
          </Col>
          <Col xs={24} md={8}>
            <SwitchField path={[...base, 'soleRemedy']} label={t('fields.compensation.soleRemedy')} extra={t('fields.compensation.soleRemedyHint')} />
          </Col>
        </Row>
        <TextField
          path={[...base, 'claimProcess']}
          label={t('fields.compensation.claimProcess')}
          extra={t('fields.compensation.claimProcessHint')}
          multiline
          rows={3}
        />
      </section>

      <section aria-labelledby="chronic-heading" className="wizard-section">
        <Typography.Title level={3} id="chronic-heading">
          {t('wizard.compensation.chronicHeading')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('wizard.compensation.chronicIntro')}</Typography.Paragraph>
        <SwitchField path={[...base, 'chronicFailure', 'enabled']} label={t('fields.chronic.enabled')} />
        {chronic.enabled && (
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <NumberField path={[...base, 'chronicFailure', 'consecutiveMonths']} label={t('fields.chronic.consecutiveMonths')} suffix={t('units.months')} />
            </Col>
            <Col xs={24} md={8}>
              <NumberField path={[...base, 'chronicFailure', 'monthsInTwelve']} label={t('fields.chronic.monthsInTwelve')} suffix={t('units.months')} />
            </Col>
            <Col xs={24} md={8}>
              <NumberField
                path={[...base, 'chronicFailure', 'terminationNoticeDays']}
                label={t('fields.chronic.terminationNoticeDays')}
                suffix={t('units.days')}
              />
            </Col>
          </Row>
        )}
      </section>
    </>
  );
}
