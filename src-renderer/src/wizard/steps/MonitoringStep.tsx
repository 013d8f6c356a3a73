/**
 * Step 4: how attainment is measured and reported — probes, what counts as
 * down, the report and its due date, the status page, how fast incidents
 * are notified, root-cause analysis and the customer's right to the data.
 */
import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SEVERITIES, type SlaDraft } from '../../../../src-shared/model';
import { useDraftEditor, useDraftValue } from '../../common/editor';
import { NumberField, SelectField, SwitchField, TextField } from '../fields/fields';
import { LocalizedTextList } from '../fields/LocalizedTextList';
import { ListTable } from '../fields/ListTable';
import { minutesHint } from './TargetsStep';

type Notification = SlaDraft['monitoring']['incidentNotification'][number];

export function MonitoringStep() {
  const { t } = useTranslation();
  const { locale } = useDraftEditor();
  const base = ['monitoring'];
  const notificationsPath = [...base, 'incidentNotification'];
  const notifications = useDraftValue<Notification[]>(notificationsPath);
  const businessDays = t('units.businessDays');

  return (
    <>
      <section aria-labelledby="measurement-heading" className="wizard-section">
        <Typography.Title level={3} id="measurement-heading">
          {t('wizard.monitoring.measurementHeading')}
        </Typography.Title>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <NumberField path={[...base, 'probeIntervalSeconds']} label={t('fields.monitoring.probeIntervalSeconds')} suffix={t('units.seconds')} />
          </Col>
          <Col xs={24} md={16}>
            <LocalizedTextList path={[...base, 'probeLocations']} label={t('fields.monitoring.probeLocations')} />
          </Col>
        </Row>
        <TextField path={[...base, 'downtimeDefinition']} label={t('fields.monitoring.downtimeDefinition')} multiline rows={3} />
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <NumberField
              path={[...base, 'minimumOutageMinutes']}
              label={t('fields.monitoring.minimumOutageMinutes')}
              suffix={t('units.minutes')}
              extra={t('fields.monitoring.minimumOutageMinutesHint')}
              placeholder={t('fields.monitoring.minimumOutageMinutesPlaceholder')}
              optional
            />
          </Col>
        </Row>
        <SwitchField
          path={[...base, 'methodDowntimePrevails']}
          label={t('fields.monitoring.methodDowntimePrevails')}
          extra={t('fields.monitoring.methodDowntimePrevailsHint')}
        />
        <SwitchField
          path={[...base, 'excludeFromMeasuredPeriod']}
          label={t('fields.monitoring.excludeFromMeasuredPeriod')}
          extra={t('fields.monitoring.excludeFromMeasuredPeriodHint')}
        />
      </section>

      <section aria-labelledby="reporting-heading" className="wizard-section">
        <Typography.Title level={3} id="reporting-heading">
          {t('wizard.monitoring.reportingHeading')}
        </Typography.Title>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <SelectField
              path={[...base, 'reportingCadence']}
              label={t('fields.monitoring.reportingCadence')}
              options={(['monthly', 'quarterly'] as const).map((cadence) => ({ value: cadence, label: t(`enums.cadence.${cadence}`) }))}
            />
          </Col>
          <Col xs={24} md={8}>
            <NumberField path={[...base, 'reportDueDays']} label={t('fields.monitoring.reportDueDays')} suffix={businessDays} />
          </Col>
          <Col xs={24} md={8}>
            <TextField path={[...base, 'statusPageUrl']} label={t('fields.monitoring.statusPageUrl')} placeholder="https://status.example.com" />
          </Col>
        </Row>
      </section>

      <section aria-labelledby="incidents-heading" className="wizard-section">
        <Typography.Title level={3} id="incidents-heading">
          {t('wizard.monitoring.incidentsHeading')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('wizard.monitoring.incidentsIntro')}</Typography.Paragraph>
        <ListTable<Notification>
          path={notificationsPath}
          type="notification"
          items={notifications}
          itemKey={(_, index) => `${index}`}
          focusColumn="level"
          create={() => {
            const used = new Set(notifications.map((n) => n.level));
            const level = SEVERITIES.find((l) => !used.has(l));
            return level ? { level, minutes: 60 } : null;
          }}
          columns={[
            {
              key: 'level',
              title: t('fields.notification.level'),
              width: 120,
              render: (_, i, label) => (
                <SelectField path={[...notificationsPath, i, 'level']} ariaLabel={label} options={SEVERITIES.map((l) => ({ value: l, label: l }))} />
              ),
            },
            {
              key: 'minutes',
              title: t('fields.notification.minutes'),
              render: (notification, i, label) => (
                <NumberField
                  path={[...notificationsPath, i, 'minutes']}
                  ariaLabel={label}
                  suffix={t('units.minutes')}
                  extra={minutesHint(t, locale, notification.minutes)}
                />
              ),
            },
          ]}
        />
        <Row gutter={16} className="after-table">
          <Col xs={24} md={8}>
            <NumberField path={[...base, 'rcaDeadlineDays']} label={t('fields.monitoring.rcaDeadlineDays')} suffix={businessDays} />
          </Col>
          <Col xs={24} md={8}>
            <SwitchField path={[...base, 'customerDataRequest']} label={t('fields.monitoring.customerDataRequest')} />
          </Col>
          <Col xs={24} md={8}>
            <NumberField path={[...base, 'dataRequestDays']} label={t('fields.monitoring.dataRequestDays')} suffix={businessDays} />
          </Col>
        </Row>
      </section>
    </>
  );
}
