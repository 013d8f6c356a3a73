import { describe, expect, it } from 'vitest';
import { namedBlankDraft, presets, standardTemplate } from '../contract/fixtures';
import { translatorFor } from '../i18n';
import { formatFinding } from './describe';
import { localized } from '../model/localized';
import { chineseTermFindings, chineseTermUses } from './chinese-terms';
import { checkContract } from './index';

describe('chineseTermFindings', () => {
  it('warns on a variant of a defined term in typed Chinese, on the field, naming the contract’s term', () => {
    const draft = namedBlankDraft();
    draft.services[0]!.metrics[0]!.measurementMethod['zh-CN'] = '每分钟探测一次，连续两次失败记为宕机，宕机时间计入停机时间。';
    draft.compensation.claimProcess['zh-CN'] = '客户应向服务商提交申请。';
    expect(chineseTermFindings(draft)).toEqual([
      expect.objectContaining({
        level: 'warning',
        rule: 'chineseTerms',
        step: 'services',
        path: ['services', 0, 'metrics', 0, 'measurementMethod', 'zh-CN'],
        params: { variant: '探测', term: '拨测', english: 'probe' },
      }),
      // Twice in one text is one finding.
      expect.objectContaining({
        path: ['services', 0, 'metrics', 0, 'measurementMethod', 'zh-CN'],
        params: { variant: '宕机', term: '停机', english: 'down' },
      }),
      expect.objectContaining({
        step: 'compensation',
        path: ['compensation', 'claimProcess', 'zh-CN'],
        params: { variant: '服务商', term: '服务提供方', english: 'Provider' },
      }),
    ]);
  });

  it('says what to write in the user’s language', () => {
    const draft = namedBlankDraft();
    draft.compensation.claimProcess['zh-CN'] = '客户应向服务商提交申请。';
    const [finding] = checkContract(draft, standardTemplate()).filter((candidate) => candidate.rule === 'chineseTerms');
    expect(formatFinding(finding!, 'zh-CN', translatorFor('zh-CN'))).toEqual({
      where: expect.any(String),
      message: '中文文本使用了“服务商”，而合同对此概念的用语是“服务提供方”（英文文本为 Provider）。',
      fix: '请改为“服务提供方”，使中文合同对同一概念只使用一个用语。',
    });
    expect(formatFinding(finding!, 'en', translatorFor('en')).message).toBe(
      'The Chinese text says “服务商” where the contract’s term for Provider is “服务提供方”.',
    );
  });

  it('leaves the contract’s own terms alone, and the presets have none of the variants', () => {
    const draft = namedBlankDraft();
    draft.compensation.claimProcess['zh-CN'] = '客户应在服务费减免申请中说明停机时间及拨测结果，并提交给服务提供方。';
    expect(chineseTermFindings(draft)).toEqual([]);
    for (const { name, draft: preset } of presets()) expect(chineseTermFindings(preset), name).toEqual([]);
  });
});

describe('chineseTermUses, for one field as the user types', () => {
  it('names each variant in the field’s Chinese once, with what to write, in both languages', () => {
    const method = localized(
      'Probed every minute from three locations; two failed probes in a row count as down.',
      '每分钟从三个地点探测一次，连续两次探测失败即记为宕机。',
    );
    const uses = chineseTermUses(method);
    expect(uses.map((use) => use.variant)).toEqual(['探测', '宕机']);
    const [probe] = uses;
    expect(translatorFor('zh-CN')(probe!.key, probe!.params)).toBe('中文文本使用了“探测”，而合同对此概念的用语是“拨测”（英文文本为 probe）。');
    expect(translatorFor('en')(probe!.fixKey, probe!.params)).toBe('Write “拨测”, so the Chinese contract uses one term for one thing.');
  });

  it('reads only the Chinese of a text in both languages', () => {
    // The English may quote the other party's word for itself; the Chinese uses the contract's term.
    const claim = localized('Claims go to the Provider (服务商 in its own documents).', '服务费减免申请应提交给服务提供方。');
    expect(chineseTermUses(claim)).toEqual([]);
    expect(chineseTermUses(localized(claim.en, '服务费减免申请应提交给服务商。')).map((use) => use.params.term)).toEqual(['服务提供方']);
  });

  it('finds nothing in a field written with the contract’s terms, or with no Chinese yet', () => {
    expect(chineseTermUses(localized('Scheduled Maintenance', '计划维护'))).toEqual([]);
    expect(chineseTermUses(localized('Scheduled Maintenance', ''))).toEqual([]);
  });
});
