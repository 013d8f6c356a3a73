import { describe, expect, it } from 'vitest';
import { standardTemplate } from '../contract/fixtures';
import { translatorFor } from '../i18n';
import { localized, type LocalizedText } from '../model/localized';
import { describeScore, describeSource } from './describe';
import { createMemory, suggest, type Suggestion } from './memory';
import { pairsFromDraft, pairsFromTemplate } from './pairs';

/**
 * A draft as schema version 3 writes it: free text in both languages. Only
 * the fields the memory reads are given; it walks any JSON.
 */
function draftWith(texts: { title: LocalizedText; serviceName: LocalizedText; method: LocalizedText; claimProcess?: LocalizedText }) {
  return {
    schemaVersion: 3,
    title: texts.title,
    services: [{ id: 'svc-1', name: texts.serviceName, metrics: [{ id: 'm-1', kind: 'availability', measurementMethod: texts.method }] }],
    compensation: { claimWindowDays: 30, claimProcess: texts.claimProcess ?? localized('', '') },
  };
}

const PROBE_EN = 'Availability is measured by probes that call the API every 60 seconds from three regions.';
const PROBE_ZH = '可用性通过拨测衡量：每60秒从三个区域调用一次 API。';
const CLAIM_EN = 'The Customer shall submit a claim through the support portal.';
const CLAIM_ZH = '客户应通过支持门户提交服务费减免申请。';

/** Draft A, which a user translated last week, saved as version 2. */
const draftA = draftWith({
  title: localized('Acme Payments SLA', 'Acme 支付服务水平协议'),
  serviceName: localized('Payments API', '支付 API'),
  method: localized(PROBE_EN, PROBE_ZH),
  claimProcess: localized(CLAIM_EN, ''),
});

const en = translatorFor('en');
const zh = translatorFor('zh-CN');

function memoryOfDraftA() {
  return createMemory(pairsFromDraft(draftA, { title: draftA.title, version: 2 }));
}

function offered(suggestions: Suggestion[]) {
  return suggestions.map((suggestion) => ({ text: suggestion.text, exact: suggestion.exact }));
}

describe('a sentence translated in another draft', () => {
  it('is offered exactly, with draft A named as its source, when typed in draft B', () => {
    const [first, ...rest] = suggest(memoryOfDraftA(), PROBE_EN, 'en');
    expect(first).toMatchObject({ text: PROBE_ZH, exact: true, score: 1 });
    expect(rest).toEqual([]);
    expect(describeSource(first!.source, 'en', en)).toBe('From draft “Acme Payments SLA”, version 2 — Service 1 › Metric 1 › Measurement method');
    expect(describeSource(first!.source, 'zh-CN', zh)).toBe('来自草案“Acme 支付服务水平协议”第2版——服务 1›指标 1›计量方法');
    expect(describeScore(first!, 'en', en)).toBe('Exact match');
    expect(describeScore(first!, 'zh-CN', zh)).toBe('完全匹配');
  });

  it('is exact whatever the spacing, full-width punctuation or capitals of the typing', () => {
    const typed = '  availability IS measured by probes that call the API every 60 seconds from three regions。';
    expect(offered(suggest(memoryOfDraftA(), typed, 'en'))).toEqual([{ text: PROBE_ZH, exact: true }]);
    // Typed in Chinese with a half-width colon, and a space beside the number: the English is offered.
    expect(offered(suggest(memoryOfDraftA(), '可用性通过拨测衡量: 每 60 秒从三个区域调用一次 API。', 'zh-CN'))).toEqual([{ text: PROBE_EN, exact: true }]);
  });

  it('is offered with a lower score when one number differs, in either language', () => {
    const [english] = suggest(memoryOfDraftA(), PROBE_EN.replace('60', '30'), 'en');
    expect(english).toMatchObject({ text: PROBE_ZH, exact: false });
    expect(english!.score).toBeGreaterThan(0.8);
    expect(english!.score).toBeLessThan(1);
    expect(describeScore(english!, 'en', en)).toMatch(/^\d{2}\u00a0% match$/);

    const [chinese] = suggest(memoryOfDraftA(), PROBE_ZH.replace('60', '30'), 'zh-CN');
    expect(chinese).toMatchObject({ text: PROBE_EN, exact: false });
    expect(chinese!.score).toBeLessThan(1);
    expect(describeScore(chinese!, 'zh-CN', zh)).toMatch(/^匹配度 \d{2}%$/);
  });

  it('is not offered for an unrelated sentence, nor a text of one language only', () => {
    expect(suggest(memoryOfDraftA(), 'The Provider shall give 48 hours’ notice of any scheduled maintenance.', 'en')).toEqual([]);
    expect(suggest(memoryOfDraftA(), '服务提供方应提前48小时通知计划维护。', 'zh-CN')).toEqual([]);
    // Draft A's claim process has no Chinese yet: there is nothing to offer for it.
    expect(suggest(memoryOfDraftA(), CLAIM_EN, 'en')).toEqual([]);
    expect(suggest(memoryOfDraftA(), CLAIM_ZH, 'zh-CN')).toEqual([]);
  });

  it('offers one sentence of a translated paragraph on its own', () => {
    const draft = draftWith({
      title: localized('Acme Payments SLA', ''),
      serviceName: localized('Payments API', '支付 API'),
      method: localized(`${PROBE_EN} A probe that times out after 10 seconds counts as failed.`, `${PROBE_ZH}拨测超过10秒未响应的，视为失败。`),
    });
    const memory = createMemory(pairsFromDraft(draft, { title: draft.title }));
    // The sentence exactly, then the paragraph it was written in.
    expect(offered(suggest(memory, 'A probe that times out after 10 seconds counts as failed.', 'en'))).toEqual([
      { text: '拨测超过10秒未响应的，视为失败。', exact: true },
      { text: `${PROBE_ZH}拨测超过10秒未响应的，视为失败。`, exact: false },
    ]);
    // The title has no Chinese: the working copy is named in the language it has.
    const [suggestion] = suggest(memory, PROBE_EN, 'en');
    expect(describeSource(suggestion!.source, 'zh-CN', zh)).toBe('来自草案“Acme Payments SLA”——服务 1›指标 1›计量方法');
  });
});

describe('sentences of a paragraph', () => {
  const memoryOf = (method: LocalizedText) =>
    createMemory(
      pairsFromDraft(draftWith({ title: localized('Acme Payments SLA', ''), serviceName: localized('Payments API', ''), method }), {
        title: 'Acme Payments SLA',
      }),
    );

  it('are paired only when both languages have as many, so a sentence is never offered another’s translation', () => {
    // The Chinese joins the two English sentences into one: which part translates which cannot be told.
    const memory = memoryOf(localized('Probes run every minute. A probe that fails twice counts as down.', '每分钟拨测一次，连续两次拨测失败即记为停机。'));
    // The first sentence typed alone finds the paragraph it is part of, as a similar text only.
    expect(offered(suggest(memory, 'Probes run every minute.', 'en'))).toEqual([{ text: '每分钟拨测一次，连续两次拨测失败即记为停机。', exact: false }]);
    expect(offered(suggest(memory, 'Probes run every minute. A probe that fails twice counts as down.', 'en'))).toEqual([
      { text: '每分钟拨测一次，连续两次拨测失败即记为停机。', exact: true },
    ]);
  });

  it('are not cut at an abbreviation', () => {
    const memory = memoryOf(
      localized('Data sources, e.g. the status page, are listed. Reports are monthly.', '数据来源（例如状态页）均已列明。报告按月提供。'),
    );
    expect(offered(suggest(memory, 'Reports are monthly.', 'en'))).toEqual([{ text: '报告按月提供。', exact: true }]);
    expect(offered(suggest(memory, 'Data sources, e.g. the status page, are listed.', 'en'))[0]).toEqual({
      text: '数据来源（例如状态页）均已列明。',
      exact: true,
    });
  });
});

describe('the order of suggestions', () => {
  const otherDraft = draftWith({
    title: localized('Globex SLA', 'Globex 服务水平协议'),
    serviceName: localized('Payments API', '支付接口'),
    method: localized(PROBE_EN.replace('60', '30'), PROBE_ZH.replace('60', '30')),
  });

  it('puts exact matches first, then the closest, and offers a translation once with all its sources', () => {
    const memory = createMemory([
      ...pairsFromDraft(otherDraft, { title: otherDraft.title }),
      ...pairsFromDraft(draftA, { title: draftA.title, version: 1 }),
      ...pairsFromDraft(draftA, { title: draftA.title, version: 2 }),
    ]);
    const suggestions = suggest(memory, PROBE_EN, 'en');
    expect(offered(suggestions)).toEqual([
      { text: PROBE_ZH, exact: true },
      { text: PROBE_ZH.replace('60', '30'), exact: false },
    ]);
    expect(suggestions[0]!.sources.map((source) => describeSource(source, 'en', en))).toEqual([
      'From draft “Acme Payments SLA”, version 1 — Service 1 › Metric 1 › Measurement method',
      'From draft “Acme Payments SLA”, version 2 — Service 1 › Metric 1 › Measurement method',
    ]);
  });

  it('offers two translations of the same text in the order the memory was given, every time', () => {
    const memory = createMemory([...pairsFromDraft(otherDraft, { title: otherDraft.title }), ...pairsFromDraft(draftA, { title: draftA.title })]);
    const names = () => offered(suggest(memory, 'Payments API', 'en'));
    expect(names()).toEqual([
      { text: '支付接口', exact: true },
      { text: '支付 API', exact: true },
    ]);
    expect(names()).toEqual(names());
  });

  it('keeps to the limit and the threshold, and leaves out the field being typed in', () => {
    const memory = createMemory([...pairsFromDraft(otherDraft, { title: otherDraft.title }), ...pairsFromDraft(draftA, { title: draftA.title })]);
    expect(suggest(memory, PROBE_EN, 'en', { limit: 1 })).toHaveLength(1);
    expect(suggest(memory, PROBE_EN, 'en', { minScore: 0.999 })).toHaveLength(1);
    const fromOtherDrafts = suggest(memory, PROBE_EN, 'en', {
      exclude: (source) => source.kind === 'draft' && source.title === draftA.title,
    });
    expect(offered(fromOtherDrafts)).toEqual([{ text: PROBE_ZH.replace('60', '30'), exact: false }]);
  });

  it('offers nothing for nothing typed', () => {
    expect(suggest(memoryOfDraftA(), '  ', 'en')).toEqual([]);
    expect(suggest(createMemory([]), PROBE_EN, 'en')).toEqual([]);
  });
});

describe('the clause library in the memory', () => {
  const library = createMemory(pairsFromTemplate(standardTemplate()));

  it('offers the library’s Chinese for a sentence of one of its clauses, naming the clause', () => {
    const [suggestion] = suggest(
      library,
      'The Provider shall implement and maintain appropriate technical and organisational measures to protect the Customer’s data against unauthorised or unlawful processing and against accidental loss, destruction or damage.',
      'en',
    );
    expect(suggestion).toMatchObject({
      exact: true,
      text: '服务提供方应采取并维持适当的技术和组织措施，保护客户数据免遭未经授权或非法的处理，以及意外的丢失、毁坏或损坏。',
    });
    expect(describeSource(suggestion!.source, 'en', en)).toBe('From the clause library — Compliance with Data Protection Laws');
    expect(describeSource(suggestion!.source, 'zh-CN', zh)).toBe('来自条款库——遵守数据保护法律');
  });

  it('writes what a draft fills in as the blank [●], never a placeholder', () => {
    const pairs = pairsFromTemplate(standardTemplate());
    expect(pairs.length).toBeGreaterThan(100);
    expect(pairs.filter((pair) => pair.en.includes('{{') || pair['zh-CN'].includes('{{'))).toEqual([]);
    const [breach] = suggest(library, 'The Provider shall notify the Customer of any breach of security affecting the Customer’s data', 'en');
    expect(breach!.text).toContain('服务提供方知悉任何影响客户数据的安全事件');
    expect(breach!.exact).toBe(false);
  });

  it('offers a defined term, and the cover’s words from the library itself', () => {
    expect(suggest(library, 'Service Credit', 'en')[0]).toMatchObject({ text: '服务费减免', exact: true });
    const [title] = suggest(library, '服务水平协议', 'zh-CN');
    expect(title).toMatchObject({ text: 'Service Level Agreement', exact: true });
    expect(describeSource(title!.source, 'en', en)).toBe('From the clause library');
    expect(describeSource(title!.source, 'zh-CN', zh)).toBe('来自条款库');
  });
});
