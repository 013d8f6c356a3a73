/**
 * The market reference: the bundled table parses, every offering is dated
 * and sourced, and a position reads against the range of published figures
 * ("claim window 7 days; market range 15–60 days").
 */
import { describe, expect, it } from 'vitest';
import marketTerms from '../../templates/market-terms.yaml?raw';
import { createI18n } from '../i18n';
import { formatMarketPosition, formatMarketSource } from './describe';
import { preset } from '../contract/fixtures';
import { marketNotesForDraft, marketPosition, offeringFigure, parseMarketReference, type MarketReference } from './market';

function bundled(): MarketReference {
  const result = parseMarketReference(marketTerms);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.reference;
}

const en = createI18n('en');
const zh = createI18n('zh-CN');

describe('the bundled market table', () => {
  it('dates and sources every offering, in both languages', () => {
    const reference = bundled();
    expect(reference.offerings.length).toBeGreaterThanOrEqual(8);
    for (const offering of reference.offerings) {
      expect(offering.source, offering.id).toMatch(/^https:\/\//);
      expect(offering.accessed, offering.id).toMatch(/^20\d\d-(0[1-9]|1[0-2])$/);
      expect(offering.name['zh-CN'], offering.id).not.toBe(offering.name.en);
    }
  });

  it('holds the published figures of the providers it names', () => {
    const reference = bundled();
    const figure = (id: string, term: Parameters<typeof offeringFigure>[1]) => {
      const offering = reference.offerings.find((entry) => entry.id === id);
      if (!offering) throw new Error(`no ${id}`);
      return offeringFigure(offering, term)?.value ?? null;
    };
    expect(figure('aws-ec2-region', 'availability')).toBe(99.99);
    expect(figure('aws-ec2-region', 'firstTierCredit')).toBe(10);
    expect(figure('aws-ec2-region', 'maxCredit')).toBe(100);
    expect(figure('aws-s3-standard', 'availability')).toBe(99.9);
    expect(figure('microsoft-365', 'firstTierCredit')).toBe(25);
    expect(figure('atlassian-enterprise', 'availability')).toBe(99.95);
    expect(figure('atlassian-enterprise', 'claimWindowDays')).toBe(15);
    expect(figure('aws-enterprise-support', 'p1ResponseMinutes')).toBe(15);
  });

  it('reports a broken entry by its place instead of throwing', () => {
    const result = parseMarketReference(
      'offerings:\n  - id: x\n    provider: X\n    name: { en: X, zh-CN: 某 }\n    source: http://example.com\n    accessed: 2026-13\n    terms: {}\n',
    );
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toEqual([
      expect.stringContaining('offerings.0.source'),
      expect.stringContaining('offerings.0.accessed: must be a month, YYYY-MM'),
    ]);
    expect(parseMarketReference('offerings: [').ok).toBe(false);
  });
});

describe('a position against the market', () => {
  it('a 7-day claim window is below the market range of 15–60 days', () => {
    const position = marketPosition(bundled(), 'claimWindowDays', 7);
    expect(position).toMatchObject({ min: 15, max: 60, relation: 'below', unit: 'days' });
    expect(formatMarketPosition(position!, 'en', en.t)).toBe('Claim window: 7 days; market range 15–60 days (below the market)');
    expect(formatMarketPosition(position!, 'zh-CN', zh.t)).toBe('申请期限：7天；市场范围15–60天（低于市场水平）');
  });

  it('the ends of the range are within it; beyond them is above or below', () => {
    const reference = bundled();
    expect(marketPosition(reference, 'availability', 99.5)?.relation).toBe('within');
    expect(marketPosition(reference, 'availability', 99.99)?.relation).toBe('within');
    expect(marketPosition(reference, 'availability', 99.999)?.relation).toBe('above');
    expect(marketPosition(reference, 'availability', 99)?.relation).toBe('below');
    expect(formatMarketPosition(marketPosition(reference, 'availability', 99.999)!, 'en', en.t)).toBe(
      'Availability: 99.999\u00a0%; market range 99.5–99.99\u00a0% (above the market)',
    );
  });

  it('a P1 response reads as durations, and no cap is above any published maximum', () => {
    const reference = bundled();
    expect(formatMarketPosition(marketPosition(reference, 'p1ResponseMinutes', 30)!, 'en', en.t)).toBe(
      'P1 response: 30 minutes; market range 15 minutes–1 hour',
    );
    const uncapped = marketPosition(reference, 'maxCredit', null);
    expect(uncapped?.relation).toBe('above');
    expect(formatMarketPosition(uncapped!, 'en', en.t)).toBe('Most credit in a month: no cap; market range 100\u00a0% (above the market)');
  });

  it('says nothing for a term no offering publishes', () => {
    expect(marketPosition(bundled(), 'chronicConsecutiveMonths', 2)).toBeNull();
    expect(marketPosition(null, 'claimWindowDays', 7)).toBeNull();
  });

  it('names each source with the month it was checked', () => {
    const position = marketPosition(bundled(), 'claimWindowDays', 30)!;
    const aws = position.entries.find((entry) => entry.offering.id === 'aws-ec2-region')!;
    expect(formatMarketSource(aws.offering, aws.figure.value, 'days', aws.figure.approximate, 'en', en.t)).toBe(
      'Amazon EC2, Region-Level SLA (instances in two or more Availability Zones): about 60 days — as published, accessed November 2026',
    );
    expect(formatMarketSource(aws.offering, aws.figure.value, 'days', aws.figure.approximate, 'zh-CN', zh.t)).toBe(
      'Amazon EC2 区域级SLA（实例分布于两个或以上可用区）：约60天——以公开发布内容为准，查阅于2026年11月',
    );
  });
});

describe('the notes beside a draft’s fields', () => {
  it('places each comparison on the field a user would change', () => {
    const draft = preset('standard-saas');
    draft.compensation.claimWindowDays = 7;
    const notes = marketNotesForDraft(draft, bundled()).map((note) => `${note.path.join('.')} ${note.position.term} ${note.position.relation}`);
    expect(notes).toEqual([
      'targets.objectives.0.objective availability within',
      'targets.severities.0.responseMinutes p1ResponseMinutes within',
      'compensation.creditTiers.0.creditPercent firstTierCredit within',
      'compensation.creditTiers.2.creditPercent maxCredit below',
      'compensation.capPercent maxCredit below',
      'compensation.claimWindowDays claimWindowDays below',
    ]);
  });

  it('places no value out of its range: a 120 % target is an error, not above the market', () => {
    const draft = preset('standard-saas');
    draft.targets.objectives[0]!.objective = 120;
    draft.compensation.claimWindowDays = 0;
    const paths = marketNotesForDraft(draft, bundled()).map((note) => note.path.join('.'));
    expect(paths).not.toContain('targets.objectives.0.objective');
    expect(paths).not.toContain('compensation.claimWindowDays');
    expect(paths).toContain('compensation.capPercent');
  });

  it('compares an uncapped draft on the cap, and leaves out fields of the wrong type', () => {
    const draft = preset('standard-saas');
    draft.compensation.capPercent = null;
    (draft.compensation as { claimWindowDays: unknown }).claimWindowDays = null;
    const notes = marketNotesForDraft(draft, bundled());
    expect(notes.find((note) => note.path.join('.') === 'compensation.capPercent')?.position).toMatchObject({ value: null, relation: 'above' });
    expect(notes.some((note) => note.path.join('.') === 'compensation.claimWindowDays')).toBe(false);
  });
});
