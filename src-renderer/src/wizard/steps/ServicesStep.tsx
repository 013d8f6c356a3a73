/**
 * Step 1: the agreement and the services it covers, each with the metrics
 * by which it is measured — how, over which window, from which data, and
 * what is excluded. A service or a metric can be collapsed to its heading
 * (which then counts its problems); going to a problem expands the panels
 * that hide its field (panelsHiding).
 */
import { App, Card, Col, Row, Space, Tag, Typography } from 'antd';
import { memo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MEASUREMENT_WINDOWS,
  METRIC_KINDS,
  newId,
  type Metric,
  type MetricKind,
  type ProblemPath,
  type Service,
  type SlaDraft,
} from '../../../../src-shared/model';
import { isBlankText, localized } from '../../../../src-shared/model/localized';
import { hasReferences, metricReferences, newMetric, removeMetric, removeService, withKind } from '../draftEdits';
import { fieldId, fieldKey, moveItem } from '../../common/draftPath';
import { useDraftEditor, useDraftSection, useDraftValue, useListProblems } from '../../common/editor';
import { NumberField, SelectField, SwitchField, TextField } from '../fields/fields';
import { LocalizedTextList } from '../fields/LocalizedTextList';
import { AddButton, CollapseToggle, focusSoon, ItemActions, ListProblems } from '../fields/ListControls';
import { AgreementSection } from './AgreementSection';

const servicePanel = (service: Pick<Service, 'id'>) => `service:${service.id}`;
const metricPanel = (metric: Pick<Metric, 'id'>) => `metric:${metric.id}`;

/** The panels that hide the field of `path` when collapsed: its service's, and its metric's. */
export function panelsHiding(draft: SlaDraft, path: Readonly<ProblemPath>): string[] {
  const [section, serviceIndex, list, metricIndex] = path;
  const service = section === 'services' && typeof serviceIndex === 'number' ? draft.services[serviceIndex] : undefined;
  if (!service) return [];
  const metric = list === 'metrics' && typeof metricIndex === 'number' ? service.metrics[metricIndex] : undefined;
  return metric ? [servicePanel(service), metricPanel(metric)] : [servicePanel(service)];
}

/** Whether a panel is collapsed, and the problems inside it (counted on its heading while it is). */
function usePanel(panel: string, path: ProblemPath) {
  const { store, registry } = useDraftEditor();
  const collapsed = useSyncExternalStore(registry.subscribe, () => registry.isCollapsed(panel));
  const key = fieldKey(path);
  const problems = useSyncExternalStore(store.subscribe, () => store.problemsUnder(key));
  return { collapsed, problems, toggle: () => registry.setCollapsed(panel, !collapsed), bodyId: `panel-${fieldId(path)}` };
}

function PanelProblems({ count }: { count: number }) {
  const { t } = useTranslation();
  return count > 0 ? <Tag color="error">{t('wizard.stepProblems', { count })}</Tag> : null;
}

const MetricCard = memo(function MetricCard({
  serviceIndex,
  metricIndex,
  metric,
  count,
}: {
  serviceIndex: number;
  metricIndex: number;
  metric: Metric;
  count: number;
}) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { store, edit } = useDraftEditor();
  const base = ['services', serviceIndex, 'metrics', metricIndex];
  const n = metricIndex + 1;
  const addId = `add-metric-${serviceIndex}`;
  const panel = usePanel(metricPanel(metric), base);

  const remove = () => {
    const references = metricReferences(store.getDraft(), [metric.id]);
    const apply = () => {
      edit<SlaDraft>([], (current) => removeMetric(current, serviceIndex, metricIndex));
      focusSoon(addId);
    };
    if (!hasReferences(references)) return apply();
    modal.confirm({
      title: t('wizard.services.removeMetricTitle', { n }),
      content: t('wizard.services.removeMetricReferences', { ...references }),
      okText: t('common.remove'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: apply,
    });
  };

  return (
    <Card
      size="small"
      className="metric-card"
      styles={panel.collapsed ? { body: { display: 'none' } } : undefined}
      title={
        <Space size="small">
          <CollapseToggle
            collapsed={panel.collapsed}
            onToggle={panel.toggle}
            controls={panel.bodyId}
            labels={{ collapse: t('lists.metric.collapse', { n }), expand: t('lists.metric.expand', { n }) }}
          />
          <Typography.Title level={5} className="card-title">
            {!isBlankText(metric.name) ? t('wizard.services.metricHeadingNamed', { n, name: metric.name }) : t('wizard.services.metricHeading', { n })}
          </Typography.Title>
          {panel.collapsed && <PanelProblems count={panel.problems.length} />}
        </Space>
      }
      extra={
        <ItemActions
          labels={{
            moveUp: t('lists.metric.moveUp', { n }),
            moveDown: t('lists.metric.moveDown', { n }),
            remove: t('lists.metric.remove', { n }),
          }}
          index={metricIndex}
          count={count}
          onMove={(offset) => edit<Metric[]>(['services', serviceIndex, 'metrics'], (metrics) => moveItem(metrics, metricIndex, offset))}
          onRemove={remove}
        />
      }
    >
      <div id={panel.bodyId}>{!panel.collapsed && <MetricFields base={base} metric={metric} />}</div>
    </Card>
  );
});

function MetricFields({ base, metric }: { base: ProblemPath; metric: Metric }) {
  const { t } = useTranslation();
  const { edit } = useDraftEditor();
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <SelectField<MetricKind>
            path={[...base, 'kind']}
            label={t('fields.metric.kind')}
            options={METRIC_KINDS.map((kind) => ({ value: kind, label: t(`enums.metricKind.${kind}`) }))}
            onSelect={(kind) => edit<Metric>(base, (current) => withKind(current, kind))}
          />
        </Col>
        <Col xs={24} md={metric.kind === 'latency' ? 10 : 16}>
          <TextField
            path={[...base, 'name']}
            label={t('fields.metric.name')}
            placeholder={metric.kind === 'custom' ? undefined : t('fields.metric.namePlaceholder')}
            required={metric.kind === 'custom'}
          />
        </Col>
        {metric.kind === 'latency' && (
          <Col xs={24} md={6}>
            <NumberField path={[...base, 'percentile']} label={t('fields.metric.percentile')} extra={t('fields.metric.percentileHint')} />
          </Col>
        )}
      </Row>
      {metric.kind === 'custom' && (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <TextField path={[...base, 'unit']} label={t('fields.metric.unit')} placeholder={t('fields.metric.unitPlaceholder')} required />
          </Col>
          <Col xs={24} md={12}>
            <SwitchField path={[...base, 'higherIsBetter']} label={t('fields.metric.higherIsBetter')} />
          </Col>
        </Row>
      )}
      <TextField path={[...base, 'measurementMethod']} label={t('fields.metric.measurementMethod')} multiline rows={2} />
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <SelectField
            path={[...base, 'window']}
            label={t('fields.metric.window')}
            options={MEASUREMENT_WINDOWS.map((window) => ({ value: window, label: t(`enums.window.${window}`) }))}
          />
        </Col>
        <Col xs={24} md={16}>
          <TextField path={[...base, 'dataSource']} label={t('fields.metric.dataSource')} placeholder={t('fields.metric.dataSourcePlaceholder')} />
        </Col>
      </Row>
      <LocalizedTextList path={[...base, 'exclusions']} label={t('fields.metric.exclusions')} />
    </>
  );
}

const ServiceCard = memo(function ServiceCard({ service, serviceIndex, count }: { service: Service; serviceIndex: number; count: number }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { store, edit } = useDraftEditor();
  const currency = useDraftValue<string>(['compensation', 'currency']);
  const metricProblems = useListProblems(['services', serviceIndex, 'metrics']);
  const base = ['services', serviceIndex];
  const n = serviceIndex + 1;
  const addMetricId = `add-metric-${serviceIndex}`;
  const panel = usePanel(servicePanel(service), base);

  const remove = () => {
    const references = metricReferences(
      store.getDraft(),
      service.metrics.map((metric) => metric.id),
    );
    const apply = () => {
      edit<SlaDraft>([], (current) => removeService(current, serviceIndex));
      focusSoon('add-service');
    };
    if (!hasReferences(references)) return apply();
    modal.confirm({
      title: t('wizard.services.removeServiceTitle', { n }),
      content: t('wizard.services.removeServiceReferences', { ...references }),
      okText: t('common.remove'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: apply,
    });
  };

  const addMetric = () => {
    edit<Metric[]>([...base, 'metrics'], (metrics) => [...metrics, newMetric(store.getDraft())]);
    focusSoon(fieldId([...base, 'metrics', service.metrics.length, 'kind']));
  };

  return (
    <Card
      className="service-card"
      styles={panel.collapsed ? { body: { display: 'none' } } : undefined}
      title={
        <Space size="small">
          <CollapseToggle
            collapsed={panel.collapsed}
            onToggle={panel.toggle}
            controls={panel.bodyId}
            labels={{ collapse: t('lists.service.collapse', { n }), expand: t('lists.service.expand', { n }) }}
          />
          <Typography.Title level={4} className="card-title">
            {!isBlankText(service.name) ? t('wizard.services.serviceHeadingNamed', { n, name: service.name }) : t('wizard.services.serviceHeading', { n })}
          </Typography.Title>
          {panel.collapsed && <PanelProblems count={panel.problems.length} />}
        </Space>
      }
      extra={
        <ItemActions
          labels={{ moveUp: t('lists.service.moveUp', { n }), moveDown: t('lists.service.moveDown', { n }), remove: t('lists.service.remove', { n }) }}
          index={serviceIndex}
          count={count}
          onMove={(offset) => edit<Service[]>(['services'], (services) => moveItem(services, serviceIndex, offset))}
          onRemove={remove}
        />
      }
    >
      <div id={panel.bodyId}>
        {!panel.collapsed && (
          <>
            <Row gutter={16}>
              <Col xs={24} md={16}>
                <TextField path={[...base, 'name']} label={t('fields.service.name')} required />
              </Col>
              <Col xs={24} md={8}>
                <NumberField
                  path={[...base, 'monthlyFee']}
                  label={t('fields.service.monthlyFee')}
                  suffix={currency}
                  extra={t('fields.service.monthlyFeeHint')}
                  optional
                />
              </Col>
            </Row>
            <TextField path={[...base, 'description']} label={t('fields.service.description')} multiline rows={2} />
            <Typography.Title level={5}>{t('wizard.services.metricsHeading')}</Typography.Title>
            <ListProblems problems={metricProblems} />
            <Space orientation="vertical" size="middle" className="full-width">
              {service.metrics.map((metric, metricIndex) => (
                <MetricCard key={metric.id} serviceIndex={serviceIndex} metricIndex={metricIndex} metric={metric} count={service.metrics.length} />
              ))}
              <AddButton id={addMetricId} onClick={addMetric}>
                {t('lists.metric.add')}
              </AddButton>
            </Space>
          </>
        )}
      </div>
    </Card>
  );
});

export function ServicesStep() {
  const { t } = useTranslation();
  const { edit } = useDraftEditor();
  const services = useDraftSection('services');
  const serviceProblems = useListProblems(['services']);

  const addService = () => {
    edit<Service[]>(['services'], (current) => [
      ...current,
      {
        id: newId(
          'svc',
          current.map((s) => s.id),
        ),
        name: localized(''),
        description: localized(''),
        metrics: [],
      },
    ]);
    focusSoon(fieldId(['services', services.length, 'name']));
  };

  return (
    <>
      <AgreementSection />
      <section aria-labelledby="services-heading" className="wizard-section">
        <Typography.Title level={3} id="services-heading">
          {t('wizard.services.servicesHeading')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('wizard.services.servicesIntro')}</Typography.Paragraph>
        <ListProblems problems={serviceProblems} />
        <Space orientation="vertical" size="large" className="full-width">
          {services.map((service, serviceIndex) => (
            <ServiceCard key={service.id} service={service} serviceIndex={serviceIndex} count={services.length} />
          ))}
          <AddButton id="add-service" onClick={addService}>
            {t('lists.service.add')}
          </AddButton>
        </Space>
      </section>
    </>
  );
}
