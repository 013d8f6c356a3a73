/**
 * Attainment against the target over the last months, one small chart
 * per measured metric: inline SVG, no chart library. Each chart is an
 * image with a text equivalent (its description lists every month's
 * value), so a screen reader user gets the same information.
 */
import { Typography } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttainmentHistory, AttainmentSeries } from '../../../src-shared/monitoring';
import { displayText } from '../../../src-shared/model/localized';
import { useLocale } from '../common/locale';
import { chartGeometry, type ChartBox } from './chartGeometry';
import { formatLevel, formatMonth, formatShortMonth } from '../../../src-shared/format';
import { metricName } from '../../../src-shared/monitoring/report-document';

const BOX: ChartBox = { width: 360, height: 170, left: 64, right: 12, top: 14, bottom: 28 };

export function AttainmentChart({ history }: { history: AttainmentHistory }) {
  const { t } = useTranslation();
  if (history.series.length === 0) return null;
  return (
    <section className="report-charts" aria-labelledby="attainment-history-heading">
      <Typography.Title level={3} id="attainment-history-heading" className="report-service-title">
        {t('reports.chart.heading', { count: history.months.length })}
      </Typography.Title>
      <div className="chart-grid">
        {history.series.map((series) => (
          <SeriesChart key={series.metricId} series={series} />
        ))}
      </div>
    </section>
  );
}

function SeriesChart({ series }: { series: AttainmentSeries }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const id = useId();
  const geometry = chartGeometry(series, BOX);
  const level = (value: number) => formatLevel(value, series.unit, locale, t);
  const name = metricName(t, locale, { metricName: series.metricName, kind: series.kind, percentile: null });
  const serviceName = displayText(series.serviceName, locale);
  const title = t('reports.chart.title', { metric: name, service: serviceName });
  // Metric names usually start with their service ("Core API Availability"): naming it twice reads as a slip.
  const caption = serviceName === '' || name.includes(serviceName) ? name : `${name} · ${serviceName}`;
  const description = [
    series.objective === null ? t('reports.values.noObjective') : t('reports.chart.target', { level: level(series.objective) }),
    ...geometry.points.map((point) =>
      t('reports.chart.point', {
        month: formatMonth(point.month, locale),
        value: point.attainment === null ? t('reports.status.noData') : level(point.attainment),
      }),
    ),
  ].join('; ');
  const plotBottom = BOX.height - BOX.bottom;

  return (
    <figure className="attainment-chart">
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="chart-svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <line x1={BOX.left} x2={BOX.width - BOX.right} y1={plotBottom} y2={plotBottom} className="chart-axis" />
        <line x1={BOX.left} x2={BOX.left} y1={BOX.top} y2={plotBottom} className="chart-axis" />
        <text x={BOX.left - 6} y={BOX.top + 4} textAnchor="end" className="chart-label">
          {level(geometry.yMax)}
        </text>
        <text x={BOX.left - 6} y={plotBottom} textAnchor="end" className="chart-label">
          {level(geometry.yMin)}
        </text>
        {geometry.objectiveY !== null && series.objective !== null && (
          <line x1={BOX.left} x2={BOX.width - BOX.right} y1={geometry.objectiveY} y2={geometry.objectiveY} className="chart-target" />
        )}
        {geometry.points.every((point) => point.y === null) && (
          // An empty plot would look like a drawing fault; it says there is nothing to draw.
          <text x={(BOX.left + BOX.width - BOX.right) / 2} y={(BOX.top + plotBottom) / 2} textAnchor="middle" className="chart-label chart-empty">
            {t('reports.status.noData')}
          </text>
        )}
        {geometry.segments.map((points) => (
          <polyline key={points} points={points} className="chart-line" />
        ))}
        {geometry.points.map((point) => (
          <g key={point.month}>
            {point.y !== null && <circle cx={point.x} cy={point.y} r={4} className={point.met === false ? 'chart-point chart-point-missed' : 'chart-point'} />}
            <text x={point.x} y={BOX.height - 8} textAnchor="middle" className="chart-label">
              {formatShortMonth(point.month, locale)}
            </text>
          </g>
        ))}
      </svg>
      {/* The target's value sits in the legend, not on its line: there it ran into the points near 100 %. */}
      <figcaption className="chart-caption">
        <span className="chart-caption-title">{caption}</span>
        <span className="chart-legend" aria-hidden>
          {series.objective !== null && (
            <span className="chart-legend-item">
              <span className="chart-legend-target" />
              {t('reports.chart.targetLabel', { level: level(series.objective) })}
            </span>
          )}
          <span className="chart-legend-item">
            <span className="chart-legend-point" />
            {t('reports.result.met')}
          </span>
          <span className="chart-legend-item">
            <span className="chart-legend-point chart-legend-point-missed" />
            {t('reports.result.missed')}
          </span>
        </span>
      </figcaption>
    </figure>
  );
}
