/// <reference types="vite/client" />
/**
 * The contract check's findings as the wizard and the export dialog list
 * them: the level, where, what is wrong and the fix, in the user's language,
 * and a button to the step.
 */
import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { checkContract } from '../../../src-shared/contract-check';
import { namedBlankDraft, standardTemplate } from '../../../src-shared/contract/fixtures';
import { resources, type Locale } from '../../../src-shared/i18n';
import { localized } from '../../../src-shared/model/localized';
import { ContractCheckList } from './ContractCheckList';
import { LocaleContext } from './locale';

function render(locale: Locale): string {
  const i18n = i18next.createInstance();
  void i18n.use(initReactI18next).init({ lng: locale, resources, initAsync: false, interpolation: { escapeValue: false } });
  const draft = namedBlankDraft();
  draft.compensation.claimWindowDays = 45;
  draft.compensation.claimProcess = localized('Claim within 60 days, as this section says.');
  const findings = checkContract(draft, standardTemplate());
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <LocaleContext.Provider value={{ locale, setLocale: () => Promise.resolve({ ok: true, value: null }) }}>
        <ContractCheckList findings={findings} onGoTo={() => undefined} draft={draft} />
      </LocaleContext.Provider>
    </I18nextProvider>,
  );
}

const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('ContractCheckList', () => {
  it('lists each finding with its level, field (as the wizard labels it), message, fix and a way to it', () => {
    const html = render('en');
    // A finding in a text names the language it was found in, as the wizard labels that text's box.
    expect(html.match(/<li /g)).toHaveLength(2);
    expect(text(html)).toContain(
      'ProblemClaim process (English): The text says “60 days”, but the claim window is 45 days: the contract would state both. Remove the number from the text, or change the field (Claim within)',
    );
    expect(text(html)).toContain('WarningClaim process (English): The text refers to “this section”');
    expect(text(html)).toContain('Go to Compensation');
  });

  it('in Chinese', () => {
    const html = render('zh-CN');
    expect(text(html)).toContain('问题申请流程（英文）: 文本写有“60 days”，但申请期限为45日');
    expect(text(html)).toContain('前往');
  });
});
