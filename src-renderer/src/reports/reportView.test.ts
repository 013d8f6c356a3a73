import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src-shared/i18n';
import { chartGeometry, yDomain } from './chartGeometry';
import { formatMonth } from '../../../src-shared/format';
import { tierCondition } from '../../../src-shared/monitoring/report-document';
import { monthChoices } from './reportText';

const box = { width: 200, height: 100, left: 0, right: 0, top: 0, bottom: 0 };

describe('the attainment chart', () => {
  it('spans availability from a little below the lowest value to 100 %', () => {
    // Lowest 99.4 (the target 99.95 is higher): span 0.6, half of it below → 99.1.
    expect(yDomain({ unit: 'percent', objective: 99.95, points: [{ month: '2027-10', attainment: 99.4, met: false, creditPercent: 25 }] })).toEqual({
      yMin: 99.1,
      yMax: 100,
    });
    // Latency: from 0 to 20 % above the highest of values and target.
    expect(yDomain({ unit: 'ms', objective: 300, points: [{ month: '2027-10', attainment: 250, met: true, creditPercent: 0 }] })).toEqual({
      yMin: 0,
      yMax: 360,
    });
  });

  it('breaks the line at a month without data instead of drawing it at 100 %', () => {
    const geometry = chartGeometry(
      {
        unit: 'percent',
        objective: 99,
        points: [
          { month: '2027-08', attainment: 100, met: true, creditPercent: 0 },
          { month: '2027-09', attainment: null, met: null, creditPercent: null },
          { month: '2027-10', attainment: 98, met: false, creditPercent: 10 },
          { month: '2027-11', attainment: 99, met: true, creditPercent: 0 },
        ],
      },
      box,
    );
    // y from 97 (98 − half of the span 2) to 100 over 100 px: 100 % at 0, 98 % at 66.67, 99 % at 33.33.
    expect(geometry.points.map((point) => point.y)).toEqual([0, null, 66.67, 33.33]);
    expect(geometry.segments).toEqual(['0,0', '133.33,66.67 200,33.33']);
    expect(geometry.objectiveY).toBe(33.33);
  });
});

describe('report text', () => {
  it('offers the months of the term and those with data, newest first', () => {
    const term = Array.from({ length: 12 }, (_, index) => `2027-${String(index + 1).padStart(2, '0')}`);
    const months = monthChoices(term, ['2026-06', '2027-10', '2028-01'], null);
    expect(months[0]).toBe('2028-01');
    expect(months[1]).toBe('2027-12');
    expect(months).toContain('2027-01');
    expect(months).not.toContain('2026-12');
    expect(months.at(-1)).toBe('2026-06');
    expect(months).toHaveLength(14);
    expect(monthChoices(term, [], '2029-03')[0]).toBe('2029-03');
  });

  it('words a tier as the contract does, for availability and for latency', () => {
    const availability = { unit: 'percent', customUnit: null, higherIsBetter: true } as const;
    const latency = { unit: 'ms', customUnit: null, higherIsBetter: false } as const;
    const t = createI18n('en').t;
    // The words of the contract's tierCondition phrase (templates/standard-saas/phrases.yaml).
    expect(tierCondition(t, 'en', 'below', availability, 99.5)).toBe('less than 99.5\u00a0%');
    expect(tierCondition(t, 'en', 'atOrBelow', availability, 99.5)).toBe('99.5\u00a0% or less');
    expect(tierCondition(t, 'en', 'below', latency, 300)).toBe('more than 300 ms');
    expect(tierCondition(t, 'en', 'atOrBelow', latency, 300)).toBe('300 ms or more');
    const zh = createI18n('zh-CN').t;
    expect(tierCondition(zh, 'zh-CN', 'below', availability, 99.5)).toBe('低于99.5%');
    expect(tierCondition(zh, 'zh-CN', 'atOrBelow', latency, 300)).toBe('等于或高于300 毫秒');
    expect(formatMonth('2027-10', 'zh-CN')).toBe('2027年10月');
    expect(formatMonth('2027-10', 'en')).toBe('October 2027');
  });
});
