import { describe, expect, it } from 'vitest';
import { localized } from '../../../src-shared/model/localized';
import { toWorkingCopy } from './workingCopy';

describe('toWorkingCopy', () => {
  it('keeps every stored value, including a cleared (null) number', () => {
    const copy = toWorkingCopy({ title: localized('Mine'), termMonths: null, compensation: { capPercent: null } }, '2026-05-01');
    expect(copy.title).toEqual(localized('Mine'));
    expect(copy.termMonths).toBeNull();
    expect(copy.compensation.capPercent).toBeNull();
  });

  it('gives a missing section its defaults so that every step can render', () => {
    const copy = toWorkingCopy({ title: 'Partial' }, '2026-05-01');
    expect(copy.expectations.requests).toEqual([]);
    expect(copy.targets.severities.length).toBeGreaterThan(0);
    expect(copy.effectiveDate).toBe('2026-05-01');
  });

  it('does not invent entries inside a stored list', () => {
    const copy = toWorkingCopy({ services: [] }, '2026-05-01');
    expect(copy.services).toEqual([]);
  });
});
