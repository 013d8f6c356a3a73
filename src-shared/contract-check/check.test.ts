/// <reference types="vite/client" />
/**
 * The presets and a completed blank draft are what users start from: their
 * contracts, in each language, pass the check without a problem.
 */
import { describe, expect, it } from 'vitest';
import { assembleBilingual, assembleContract } from '../contract/assemble';
import { namedBlankDraft, presets, standardTemplate } from '../contract/fixtures';
import { translatorFor } from '../i18n';
import { validateDraft } from '../model/validate';
import { checkContract, formatFinding, isBlocking } from '.';

describe('checkContract', () => {
  // The presets are written in both languages, so every export of them is clean.
  it.each(presets())('$name: no problem, and every export assembles cleanly', ({ draft }) => {
    expect(validateDraft(draft).problems).toEqual([]);
    const findings = checkContract(draft, standardTemplate());
    expect(findings.filter((finding) => finding.level === 'problem')).toEqual([]);
    expect(isBlocking(findings)).toBe(false);
    expect(assembleContract(draft, standardTemplate(), 'en').problems).toEqual([]);
    expect(assembleContract(draft, standardTemplate(), 'zh-CN').problems).toEqual([]);
    expect(assembleBilingual(draft, standardTemplate()).problems).toEqual([]);
  });

  it('blank, completed in English: no problem, and its English contract assembles cleanly', () => {
    const draft = namedBlankDraft();
    expect(draft.contract.languages).toBe('en');
    expect(validateDraft(draft).problems).toEqual([]);
    const findings = checkContract(draft, standardTemplate());
    expect(findings.filter((finding) => finding.level === 'problem')).toEqual([]);
    expect(isBlocking(findings)).toBe(false);
    expect(assembleContract(draft, standardTemplate(), 'en').problems).toEqual([]);
    // In Chinese, only what the user typed in English lacks its text; SLA Studio's own texts are in both.
    const untranslated = new Set(assembleContract(draft, standardTemplate(), 'zh-CN').problems.map((problem) => `${problem.code} ${problem.path}`));
    expect([...untranslated].sort()).toEqual(
      ['title', 'parties.provider.address', 'parties.provider.signatoryTitle', 'parties.customer.address', 'parties.customer.signatoryTitle']
        .map((path) => `untranslated ${path}`)
        .sort(),
    );
  });

  it('puts problems first and words each finding in both languages with its fix', () => {
    const draft = namedBlankDraft();
    draft.compensation.claimWindowDays = 45;
    draft.compensation.claimProcess.en = 'Claim within 60 days, as this section says.';
    const findings = checkContract(draft, standardTemplate());
    expect(findings.map((finding) => finding.level)).toEqual(['problem', 'warning']);
    expect(isBlocking(findings)).toBe(true);
    expect(formatFinding(findings[0]!, 'en', translatorFor('en'))).toEqual({
      // The finding is on the English text: the Chinese one may say otherwise.
      where: 'Claim process (English)',
      message: 'The text says “60 days”, but the claim window is 45 days: the contract would state both.',
      fix: 'Remove the number from the text, or change the field (Claim within) if the text is right.',
    });
    expect(formatFinding(findings[0]!, 'zh-CN', translatorFor('zh-CN'))).toEqual({
      where: '申请流程（英文）',
      message: '文本写有“60 days”，但申请期限为45日：合同将同时出现两个数值。',
      fix: '请从文本中删除该数字；如文本正确，请修改字段（申请期限）。',
    });
  });

  it('names the clause of a finding on the contract’s wording', () => {
    const t = translatorFor('zh-CN');
    const finding = {
      level: 'warning',
      rule: 'definedTerms',
      step: 'services',
      path: [],
      clause: '3.1',
      key: 'contractCheck.definedTerms.notUsed',
      fixKey: 'contractCheck.definedTerms.notUsedFix',
      params: { term: 'Widget' },
    } as const;
    expect(formatFinding({ ...finding, path: [] }, 'zh-CN', t).where).toBe('第3.1条');
  });
});
