/**
 * Where the attainment chart draws things: months along x, the metric's
 * level along y, the target as a line. Pure, so the scale can be tested
 * without a browser. A month without data has no point: the line breaks
 * there rather than pretending 100 %.
 */
import type { AttainmentSeries } from '../../../src-shared/monitoring';

export interface ChartBox {
  width: number;
  height: number;
  /** Room for the axis labels. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface ChartPoint {
  month: string;
  x: number;
  /** null for a month without data. */
  y: number | null;
  attainment: number | null;
  met: boolean | null;
}

export interface ChartGeometry {
  yMin: number;
  yMax: number;
  points: ChartPoint[];
  /** null when the metric has no target. */
  objectiveY: number | null;
  /** The attainment line, one run of points per stretch of months with data (SVG polyline points). */
  segments: string[];
}

/** The y range: availability from a little below the lowest value up to 100 %; latency from 0 to a little above the highest. */
export function yDomain(series: Pick<AttainmentSeries, 'unit' | 'objective' | 'points'>): { yMin: number; yMax: number } {
  const values = series.points.map((point) => point.attainment).filter((value): value is number => value !== null);
  if (series.objective !== null) values.push(series.objective);
  if (series.unit === 'percent') {
    const lowest = values.length > 0 ? Math.min(...values) : 99;
    const span = Math.max(100 - lowest, 0.1);
    // Rounded down to a hundredth, so the axis reads 99.68 % rather than 99.6866 %.
    return { yMin: Math.max(0, Math.floor((lowest - span * 0.5) * 100) / 100), yMax: 100 };
  }
  const highest = values.length > 0 ? Math.max(...values) : 1;
  return { yMin: 0, yMax: highest > 0 ? highest * 1.2 : 1 };
}

export function chartGeometry(series: Pick<AttainmentSeries, 'unit' | 'objective' | 'points'>, box: ChartBox): ChartGeometry {
  const { yMin, yMax } = yDomain(series);
  const plotWidth = box.width - box.left - box.right;
  const plotHeight = box.height - box.top - box.bottom;
  const count = series.points.length;
  const xAt = (index: number) => box.left + (count <= 1 ? plotWidth / 2 : (index / (count - 1)) * plotWidth);
  const yAt = (value: number) => box.top + (1 - (value - yMin) / (yMax - yMin)) * plotHeight;
  const round = (value: number) => Math.round(value * 100) / 100;

  const points: ChartPoint[] = series.points.map((point, index) => ({
    month: point.month,
    x: round(xAt(index)),
    y: point.attainment === null ? null : round(yAt(point.attainment)),
    attainment: point.attainment,
    met: point.met,
  }));
  const segments: string[] = [];
  let run: string[] = [];
  for (const point of points) {
    if (point.y === null) {
      if (run.length > 0) segments.push(run.join(' '));
      run = [];
    } else {
      run.push(`${point.x},${point.y}`);
    }
  }
  if (run.length > 0) segments.push(run.join(' '));
  return { yMin, yMax, points, objectiveY: series.objective === null ? null : round(yAt(series.objective)), segments };
}
