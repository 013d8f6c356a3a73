/**
 * Step 2: what the customer asks for — when they work, which periods are
 * critical to them, the level they request per metric and who to contact —
 * and, in the gap table, how that compares with what the provider commits.
 */
import { Checkbox, Col, Row, Table, Tag, Typography } from 'antd';
import { memo, useMemo } from 'react';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { isWorse, metricSemantics, metricsById, newId, PRIORITIES, WEEKDAYS, type SlaDraft } from '../../../../src-shared/model';
import { localized } from '../../../../src-shared/model/localized';
import { limitForMetric, type Finding } from '../../../../src-shared/playbook';
import { useDraftEditor, useDraftSection, useDraftValue } from '../../common/editor';
import { CheckboxGroupField, DateField, DatesField, NumberField, SelectField, TextField, TimeField, TimeZoneField } from '../fields/fields';
import { ListTable } from '../fields/ListTable';
import { defaultLevel, metricChoices, metricLabel, metricLevel, unitSuffix } from '../metricText';
import { usePlaybookFindings, usePlaybookStore } from '../../playbook/PlaybookContext';
import { FindingTag } from '../../playbook/PlaybookNotes';
import { fieldKey } from '../../common/draftPath';

type Expectations = SlaDraft['expectations'];
type CriticalPeriod = Expectations['criticalPeriods'][number];
type CustomerRequest = Expectations['requests'][number];
type Stakeholder = Expectations['stakeholders'][number];

const BusinessHours = memo(function BusinessHours() {
  const { t } = useTranslation();
  const base = ['expectations', 'businessHours'];
  return (
    <section aria-labelledby="business-hours-heading" className="wizard-section">
      <Typography.Title level={3} id="business-hours-heading">
        {t('wizard.expectations.businessHoursHeading')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('wizard.expectations.businessHoursIntro')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <TimeZoneField path={[...base, 'timeZone']} label={t('fields.businessHours.timeZone')} required />
        </Col>
        <Col xs={12} md={6}>
          <TimeField path={[...base, 'start']} label={t('fields.businessHours.start')} />
        </Col>
        <Col xs={12} md={6}>
          <TimeField path={[...base, 'end']} label={t('fields.businessHours.end')} />
        </Col>
      </Row>
      <CheckboxGroupField
        path={[...base, 'days']}
        label={t('fields.businessHours.days')}
        options={WEEKDAYS.map((day) => ({ value: day, label: t(`enums.weekday.${day}`) }))}
      />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <DatesField path={[...base, 'holidays']} label={t('fields.businessHours.holidays')} />
        </Col>
        <Col xs={24} md={12}>
          <DatesField path={[...base, 'workingDays']} label={t('fields.businessHours.workingDays')} extra={t('fields.businessHours.workingDaysHelp')} />
        </Col>
      </Row>
    </section>
  );
});

function CriticalPeriods() {
  const { t } = useTranslation();
  const path = ['expectations', 'criticalPeriods'];
  const periods = useDraftValue<CriticalPeriod[]>(path);
  const effectiveDate = useDraftValue<string>(['effectiveDate']);
  return (
    <section aria-labelledby="critical-periods-heading" className="wizard-section">
      <Typography.Title level={3} id="critical-periods-heading">
        {t('wizard.expectations.criticalPeriodsHeading')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('wizard.expectations.criticalPeriodsIntro')}</Typography.Paragraph>
      <ListTable<CriticalPeriod>
        path={path}
        type="criticalPeriod"
        items={periods}
        itemKey={(period) => period.id}
        focusColumn="name"
        create={() => ({
          id: newId(
            'period',
            periods.map((p) => p.id),
          ),
          name: localized(''),
          start: effectiveDate,
          end: effectiveDate,
          note: '',
        })}
        columns={[
          { key: 'name', title: t('fields.criticalPeriod.name'), render: (_, i, label) => <TextField path={[...path, i, 'name']} ariaLabel={label} /> },
          {
            key: 'start',
            title: t('fields.criticalPeriod.start'),
            width: 160,
            render: (_, i, label) => <DateField path={[...path, i, 'start']} ariaLabel={label} />,
          },
          {
            key: 'end',
            title: t('fields.criticalPeriod.end'),
            width: 160,
            render: (_, i, label) => <DateField path={[...path, i, 'end']} ariaLabel={label} />,
          },
          {
            key: 'note',
            title: t('fields.criticalPeriod.note'),
            render: (_, i, label) => <TextField path={[...path, i, 'note']} ariaLabel={label} multiline rows={1} />,
          },
        ]}
      />
    </section>
  );
}

function Requests() {
  const { t } = useTranslation();
  const path = ['expectations', 'requests'];
  const requests = useDraftValue<CustomerRequest[]>(path);
  const services = useDraftSection('services');
  const metrics = useMemo(() => metricsById(services), [services]);
  const choices = useMemo(() => metricChoices(t, services), [t, services]);
  return (
    <section aria-labelledby="requests-heading" className="wizard-section">
      <Typography.Title level={3} id="requests-heading">
        {t('wizard.expectations.requestsHeading')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('wizard.expectations.requestsIntro')}</Typography.Paragraph>
      <ListTable<CustomerRequest>
        path={path}
        type="request"
        items={requests}
        itemKey={(request) => request.id}
        focusColumn="metricId"
        create={() => {
          const requested = new Set(requests.map((r) => r.metricId));
          const first = choices.find((choice) => !requested.has(choice.value)) ?? choices[0];
          if (!first) return null;
          return {
            id: newId(
              'request',
              requests.map((r) => r.id),
            ),
            metricId: first.value,
            requestedLevel: defaultLevel(metrics.get(first.value)?.metric),
            priority: 'must',
            note: '',
          };
        }}
        columns={[
          {
            key: 'metricId',
            title: t('fields.request.metric'),
            width: '30%',
            render: (_, i, label) => <SelectField path={[...path, i, 'metricId']} ariaLabel={label} options={choices} />,
          },
          {
            key: 'requestedLevel',
            title: t('fields.request.requestedLevel'),
            width: 140,
            render: (request, i, label) => (
              <NumberField path={[...path, i, 'requestedLevel']} ariaLabel={label} suffix={unitSuffix(t, metrics.get(request.metricId)?.metric)} />
            ),
          },
          {
            key: 'priority',
            title: t('fields.request.priority'),
            width: 140,
            render: (_, i, label) => (
              <SelectField path={[...path, i, 'priority']} ariaLabel={label} options={PRIORITIES.map((p) => ({ value: p, label: t(`enums.priority.${p}`) }))} />
            ),
          },
          {
            key: 'note',
            title: t('fields.request.note'),
            render: (_, i, label) => <TextField path={[...path, i, 'note']} ariaLabel={label} multiline rows={1} />,
          },
        ]}
      />
    </section>
  );
}

function Stakeholders() {
  const { t } = useTranslation();
  const { update } = useDraftEditor();
  const path = ['expectations', 'stakeholders'];
  const stakeholders = useDraftValue<Stakeholder[]>(path);
  return (
    <section aria-labelledby="stakeholders-heading" className="wizard-section">
      <Typography.Title level={3} id="stakeholders-heading">
        {t('wizard.expectations.stakeholdersHeading')}
      </Typography.Title>
      <ListTable<Stakeholder>
        path={path}
        type="stakeholder"
        items={stakeholders}
        itemKey={(stakeholder) => stakeholder.id}
        focusColumn="name"
        create={() => ({
          id: newId(
            'contact',
            stakeholders.map((s) => s.id),
          ),
          party: 'customer',
          name: '',
          role: localized(''),
          email: '',
          phone: '',
        })}
        columns={[
          {
            key: 'party',
            title: t('fields.stakeholder.party'),
            width: 140,
            render: (_, i, label) => (
              <SelectField
                path={[...path, i, 'party']}
                ariaLabel={label}
                options={(['provider', 'customer'] as const).map((party) => ({ value: party, label: t(`fields.party.${party}`) }))}
              />
            ),
          },
          { key: 'name', title: t('fields.stakeholder.name'), render: (_, i, label) => <TextField path={[...path, i, 'name']} ariaLabel={label} /> },
          {
            key: 'role',
            title: t('fields.stakeholder.role'),
            render: (_, i, label) => <TextField path={[...path, i, 'role']} ariaLabel={label} multiline rows={1} />,
          },
          { key: 'email', title: t('fields.stakeholder.email'), render: (_, i, label) => <TextField path={[...path, i, 'email']} ariaLabel={label} /> },
          {
            key: 'phone',
            title: t('fields.stakeholder.phone'),
            width: 160,
            render: (_, i, label) => <TextField path={[...path, i, 'phone']} ariaLabel={label} />,
          },
          {
            key: 'escalation',
            title: t('fields.stakeholder.escalation'),
            width: 140,
            // Unticked is the field absent: a draft that never named an escalation contact keeps its canonical form.
            render: (stakeholder, i, label) => (
              <Checkbox
                aria-label={label}
                checked={stakeholder.escalation === true}
                onChange={(event) => update([...path, i, 'escalation'], event.target.checked ? true : undefined)}
              />
            ),
          },
        ]}
      />
    </section>
  );
}

interface GapRow {
  key: string;
  metric: string;
  requested: string;
  priority: string;
  committed: string;
  /** The playbook's limit for this metric, as a level; "" when the playbook has none. */
  limit: string;
  status: 'met' | 'gap' | 'noTarget' | 'severityTable';
  /** The ask goes beyond the playbook. */
  beyond: Finding | null;
}

/** Requested versus committed versus the playbook, per request: where the negotiation has to happen. */
function GapTable() {
  const { t } = useTranslation();
  const { locale } = useDraftEditor();
  const playbook = usePlaybookStore()?.playbook ?? null;
  const findings = usePlaybookFindings();
  const askFindings = new Map(findings.filter((finding) => finding.scope === 'ask').map((finding) => [fieldKey(finding.path), finding]));
  const limitText = (metric: SlaDraft['services'][number]['metrics'][number]): string => {
    const limit = limitForMetric(playbook, metric);
    return limit ? metricLevel(t, locale, metric, limit.value) : '';
  };
  const services = useDraftSection('services');
  const objectives = useDraftValue<SlaDraft['targets']['objectives']>(['targets', 'objectives']);
  const requests = useDraftValue<CustomerRequest[]>(['expectations', 'requests']);
  const metrics = metricsById(services);
  const objectiveOf = new Map(objectives.map((objective) => [objective.metricId, objective.objective]));
  const rows: GapRow[] = [];
  requests.forEach((request, index) => {
    const located = metrics.get(request.metricId);
    if (!located || typeof request.requestedLevel !== 'number') return;
    const semantics = metricSemantics(located.metric);
    const committed = objectiveOf.get(request.metricId);
    let status: GapRow['status'];
    if (semantics.targetFromSeverities) status = 'severityTable';
    else if (typeof committed !== 'number') status = 'noTarget';
    else status = isWorse(semantics, committed, request.requestedLevel) ? 'gap' : 'met';
    rows.push({
      key: request.id,
      metric: metricLabel(t, located),
      requested: metricLevel(t, locale, located.metric, request.requestedLevel),
      priority: PRIORITIES.includes(request.priority) ? t(`enums.priority.${request.priority}`) : '',
      committed:
        status === 'severityTable'
          ? t('wizard.expectations.gap.seeSeverities')
          : typeof committed === 'number'
            ? metricLevel(t, locale, located.metric, committed)
            : '—',
      limit: limitText(located.metric),
      status,
      beyond: askFindings.get(fieldKey(['expectations', 'requests', index, 'requestedLevel'])) ?? null,
    });
  });
  const colour: Record<GapRow['status'], string> = { met: 'success', gap: 'error', noTarget: 'warning', severityTable: 'default' };
  const columns: ColumnsType<GapRow> = [
    { key: 'metric', dataIndex: 'metric', title: t('wizard.expectations.gap.metric') },
    { key: 'requested', dataIndex: 'requested', title: t('wizard.expectations.gap.requested') },
    { key: 'priority', dataIndex: 'priority', title: t('wizard.expectations.gap.priority') },
    { key: 'committed', dataIndex: 'committed', title: t('wizard.expectations.gap.committed') },
    { key: 'limit', dataIndex: 'limit', title: t('playbook.gap.limit'), render: (limit: string) => limit || t('playbook.gap.noLimit') },
    {
      key: 'status',
      dataIndex: 'status',
      title: t('wizard.expectations.gap.status'),
      render: (status: GapRow['status'], row: GapRow) => (
        <>
          <Tag color={colour[status]}>{t(`wizard.expectations.gap.${status}`)}</Tag>
          {row.beyond && <FindingTag finding={row.beyond} label={t('playbook.gap.beyond')} />}
        </>
      ),
    },
  ];
  return (
    <section aria-labelledby="gap-heading" className="wizard-section">
      <Typography.Title level={3} id="gap-heading">
        {t('wizard.expectations.gap.heading')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('wizard.expectations.gap.intro')}</Typography.Paragraph>
      <Table<GapRow> size="small" pagination={false} columns={columns} dataSource={rows} locale={{ emptyText: t('wizard.expectations.gap.empty') }} />
    </section>
  );
}

export function ExpectationsStep() {
  return (
    <>
      <BusinessHours />
      <CriticalPeriods />
      <Requests />
      <GapTable />
      <Stakeholders />
    </>
  );
}
