/**
 * The credit tiers as a step chart: measured availability along x, the
 * credit (percent of the monthly fee) along y. A filled dot marks the
 * credit at a threshold itself, an open one the side it does not belong
 * to — so "below 99.9 %" and "at or below 99.9 %" look different, as they
 * read differently in the contract. Inline SVG with a text equivalent.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../../src-shared/format';
import { useLocale } from '../common/locale';
import type { CreditSteps } from './creditSteps';

const WIDTH = 520;
const HEIGHT = 256;
const LEFT = 56;
const RIGHT = 16;
const TOP = 16;
// Room for two staggered rows of tick labels and, below them, the axis title.
const BOTTOM = 56;

export function CreditTierChart({
  steps,
  capPercent,
  check,
}: {
  steps: CreditSteps;
  capPercent: number | null;
  check: { attainment: number; creditPercent: number } | null;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const id = useId();
  const highest = Math.max(10, ...steps.segments.map((segment) => segment.creditPercent), capPercent ?? 0);
  const yMax = Math.ceil((highest * 1.1) / 10) * 10;
  const x = (attainment: number) => LEFT + ((attainment - steps.min) / (steps.max - steps.min)) * (WIDTH - LEFT - RIGHT);
  const y = (credit: number) => TOP + (1 - credit / yMax) * (HEIGHT - TOP - BOTTOM);
  const percent = (value: number) => formatPercent(value, locale, { maxFractionDigits: 3 });
  const bottom = HEIGHT - BOTTOM;
  const xTicks = [steps.min, ...steps.breakpoints.map((point) => point.at), steps.max];
  const yTicks = [...new Set([0, ...steps.segments.map((segment) => segment.creditPercent)])];

  const description = steps.segments
    .map((segment) => t('calculator.chart.segment', { from: percent(segment.from), to: percent(segment.to), credit: percent(segment.creditPercent) }))
    .join('; ');

  return (
    <figure className="credit-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="chart-svg">
        <title id={`${id}-title`}>{t('calculator.chart.title')}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={bottom} y2={bottom} className="chart-axis" />
        <line x1={LEFT} x2={LEFT} y1={TOP} y2={bottom} className="chart-axis" />
        {yTicks.map((value) => (
          <text key={`y-${value}`} x={LEFT - 6} y={y(value) + 4} textAnchor="end" className="chart-label">
            {percent(value)}
          </text>
        ))}
        {xTicks.map((value, index) => (
          <text key={`x-${value}`} x={x(value)} y={bottom + 16 + (index % 2) * 12} textAnchor="middle" className="chart-label">
            {percent(value)}
          </text>
        ))}
        {capPercent !== null && capPercent < yMax && (
          <g>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(capPercent)} y2={y(capPercent)} className="chart-cap" />
            <text x={WIDTH - RIGHT} y={y(capPercent) - 4} textAnchor="end" className="chart-label chart-cap-label">
              {t('calculator.chart.cap', { cap: percent(capPercent) })}
            </text>
          </g>
        )}
        {steps.segments.map((segment, index) => {
          const next = steps.segments[index + 1];
          return (
            <g key={`s-${segment.from}`}>
              <line x1={x(segment.from)} x2={x(segment.to)} y1={y(segment.creditPercent)} y2={y(segment.creditPercent)} className="chart-step" />
              {next && <line x1={x(segment.to)} x2={x(segment.to)} y1={y(segment.creditPercent)} y2={y(next.creditPercent)} className="chart-jump" />}
            </g>
          );
        })}
        {steps.breakpoints.map((point, index) => {
          const left = steps.segments[index]!;
          const right = steps.segments[index + 1]!;
          const open = point.creditPercent === left.creditPercent ? right : left;
          return (
            <g key={`b-${point.at}`}>
              <circle cx={x(point.at)} cy={y(open.creditPercent)} r={4} className="chart-point-open" />
              <circle cx={x(point.at)} cy={y(point.creditPercent)} r={4} className="chart-point" />
            </g>
          );
        })}
        {check && check.attainment >= steps.min && check.attainment <= steps.max && (
          <g>
            <line x1={x(check.attainment)} x2={x(check.attainment)} y1={TOP} y2={bottom} className="chart-check" />
            <circle cx={x(check.attainment)} cy={y(check.creditPercent)} r={5} className="chart-point-check" />
          </g>
        )}
        <text x={(LEFT + WIDTH - RIGHT) / 2} y={HEIGHT - 6} textAnchor="middle" className="chart-label chart-axis-title">
          {t('calculator.chart.xAxis')}
        </text>
      </svg>
      <figcaption className="chart-caption">{t('calculator.chart.caption')}</figcaption>
    </figure>
  );
}
