/**
 * A new blank draft speaks the user's language: a Chinese user's first draft
 * reads as a Chinese contract under Chinese law, with the same commercial
 * terms as the English one.
 */
import { describe, expect, it } from 'vitest';
import { blankDraft, newId } from './defaults';
import { localized, type LocalizedText } from './localized';
import type { SlaDraft } from './schema';

const options = { title: 'New SLA', effectiveDate: '2027-01-01' };

/** Every free text of a blank draft that ends up in the contract. */
function freeTexts(draft: SlaDraft): LocalizedText[] {
  return [
    ...draft.services.flatMap((s) => [s.name, ...s.metrics.flatMap((m) => [m.measurementMethod, m.dataSource, ...m.exclusions])]),
    ...draft.targets.severities.map((s) => s.description),
    ...draft.monitoring.probeLocations,
    draft.monitoring.downtimeDefinition,
    draft.compensation.claimProcess,
    draft.compliance.governingLaw,
    draft.compliance.disputeResolution.venue,
  ];
}

/** The draft without its words: what must not depend on the language. */
function terms(draft: SlaDraft) {
  return {
    objectives: draft.targets.objectives,
    severities: draft.targets.severities.map(({ description: _d, ...numbers }) => numbers),
    tiers: draft.compensation.creditTiers,
    cap: draft.compensation.capPercent,
    claimWindowDays: draft.compensation.claimWindowDays,
    chronicFailure: draft.compensation.chronicFailure,
    maintenance: { ...draft.targets.maintenance, timeZone: undefined },
  };
}

describe('blankDraft', () => {
  it('keeps English as the default for callers that name no locale', () => {
    const draft = blankDraft(options);
    expect(draft).toEqual(blankDraft({ ...options, locale: 'en' }));
    expect(draft.title).toEqual(localized('New SLA'));
    expect(draft.services[0]!.name.en).toBe('Application');
    expect(draft.compliance.governingLaw.en).toBe('England and Wales');
    expect(draft.compliance.disputeResolution).toMatchObject({ venue: { en: 'London' }, language: 'en' });
    expect(draft.compensation.currency).toBe('USD');
    expect(draft.contract).toMatchObject({ precedence: 'en', languages: 'en' });
    for (const text of freeTexts(draft)) expect(text.en).not.toMatch(/\p{Script=Han}/u);
  });

  // Every default text is written in both languages, so that an English draft
  // made bilingual later needs no translation of what SLA Studio wrote.
  it('writes every free text in English and in Chinese, whatever the user’s language', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      for (const text of freeTexts(blankDraft({ ...options, locale }))) {
        expect(text.en).toMatch(/\p{Script=Latin}/u);
        expect(text.en).not.toMatch(/\p{Script=Han}/u);
        expect(text['zh-CN']).toMatch(/\p{Script=Han}/u);
      }
    }
  });

  it('prints a Chinese user’s contract in Chinese, under the title as typed', () => {
    const draft = blankDraft({ ...options, title: '新服务水平协议', locale: 'zh-CN' });
    expect(draft.title).toEqual(localized('', '新服务水平协议'));
    expect(draft.contract.languages).toBe('zh-CN');
  });

  it('starts a Chinese draft under PRC law, in Shanghai, in CNY, on Beijing time, under PIPL', () => {
    const draft = blankDraft({ ...options, locale: 'zh-CN' });
    expect(draft.compliance.governingLaw['zh-CN']).toBe('中华人民共和国法律');
    expect(draft.compliance.disputeResolution).toMatchObject({ method: 'courts', venue: { 'zh-CN': '上海' }, language: 'zh-CN' });
    expect(draft.compensation.currency).toBe('CNY');
    expect(draft.expectations.businessHours.timeZone).toBe('Asia/Shanghai');
    expect(draft.targets.maintenance.timeZone).toBe('Asia/Shanghai');
    expect(draft.compliance.dataProtection).toEqual(['PIPL']);
    expect(draft.contract.precedence).toBe('zh-CN');
  });

  it('offers the same commercial terms in both languages', () => {
    expect(terms(blankDraft({ ...options, locale: 'zh-CN' }))).toEqual(terms(blankDraft(options)));
  });

  it('gives each draft its own lists, so editing one never changes another', () => {
    const first = blankDraft({ ...options, locale: 'zh-CN' });
    first.monitoring.probeLocations.push(localized('', '成都'));
    first.compliance.dataProtection.push('GDPR');
    first.services[0]!.metrics[0]!.exclusions.push(localized('', '客户原因'));
    const second = blankDraft({ ...options, locale: 'zh-CN' });
    expect(second.monitoring.probeLocations).toHaveLength(3);
    expect(second.compliance.dataProtection).toEqual(['PIPL']);
    expect(second.services[0]!.metrics[0]!.exclusions).toHaveLength(1);
  });

  it('gives each field its own text, so editing one in place never changes another', () => {
    const first = blankDraft(options);
    first.parties.provider.address.en = '1 Example Street, London';
    first.services[0]!.name.en = 'Core API';
    expect(first.parties.customer.address).toEqual(localized(''));
    expect(first.services[0]!.metrics[0]!.name).toEqual(localized(''));
    expect(blankDraft(options).services[0]!.name.en).toBe('Application');
  });
});

describe('newId', () => {
  it('takes the first free number for the prefix', () => {
    expect(newId('tier', [])).toBe('tier-1');
    expect(newId('tier', ['tier-1', 'tier-2', 'tier-4'])).toBe('tier-3');
  });
});
