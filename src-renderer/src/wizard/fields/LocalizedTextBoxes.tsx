/**
 * A free text the contract prints, in the languages the contract is printed
 * in (Compliance step, "Contract languages"): one box for an English or a
 * Chinese contract, an English and a Chinese box side by side for a
 * bilingual one. A box left empty while the other language holds text is
 * marked "Missing" (the contract check lists it too), and offers the other
 * language's text as a starting point.
 */
import { Button, Input, Tag, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useEffect, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasText, isLocalizedText, otherLanguage, type LocalizedText, type TextLanguage } from '../../../../src-shared/model/localized';
import type { ProblemPath } from '../../../../src-shared/model';
import { fieldId } from '../../common/draftPath';
import { call } from '../../common/client';
import { useDraftEditor, useField, useReadOnly } from '../../common/editor';
import type { ApiOutput } from '../../../../src-shared/api';
import { FieldFrame, type FrameOptions } from './FieldFrame';

export interface LocalizedBoxesProps extends FrameOptions {
  path: ProblemPath;
  placeholder?: string;
  multiline?: boolean;
  rows?: number;
}

/** The languages the draft's contract is printed in: the boxes the wizard shows. */
export function useContractLanguages(): TextLanguage[] {
  const languages = useField<string>(['contract', 'languages']).value;
  if (languages === 'zh-CN') return ['zh-CN'];
  if (languages === 'bilingual') return ['en', 'zh-CN'];
  return ['en'];
}

type Suggestion = ApiOutput<'translations.suggest'>[number];
/** Asked once typing in the other language pauses. */
const SUGGEST_DELAY_MS = 400;

/**
 * The best translation of `text` the user wrote before (another draft, a
 * saved version, the clause library), while `wanted`: none outside the
 * wizard or when nothing close was written.
 */
function useSuggestion(text: string, from: TextLanguage, wanted: boolean): Suggestion | null {
  const { draftId } = useDraftEditor();
  const key = `${from}:${text}`;
  // The answer is kept with the text it answers: an older answer is never shown for a newer text.
  const [answer, setAnswer] = useState<{ key: string; suggestion: Suggestion | null } | null>(null);
  useEffect(() => {
    if (!wanted || draftId === undefined || text.trim() === '') return;
    let current = true;
    const timer = window.setTimeout(() => {
      void call('translations.suggest', { draftId, text, from }).then((result) => {
        if (current && result.ok) setAnswer({ key, suggestion: result.value[0] ?? null });
      });
    }, SUGGEST_DELAY_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [draftId, text, from, wanted, key]);
  return wanted && answer?.key === key ? answer.suggestion : null;
}

function LanguageBox({
  path,
  language,
  text,
  shown,
  fieldProblems,
  label,
  ariaLabel,
  placeholder,
  multiline,
  rows = 3,
  ...frame
}: LocalizedBoxesProps & {
  language: TextLanguage;
  text: LocalizedText;
  /** Several boxes are shown: each label names its language. */
  shown: number;
  /** Problems of the field as a whole (it is required), shown under its first box. */
  fieldProblems: ReturnType<typeof useField>['problems'];
}) {
  const { t } = useTranslation();
  const boxPath = [...path, language];
  const box = useField<string>(boxPath);
  const readOnly = useReadOnly();
  const value = typeof box.value === 'string' ? box.value : '';
  const other = otherLanguage(language);
  const missing = !hasText(text, language) && hasText(text, other);
  const languageName = t(`enums.contractLanguage.${language}`);
  const named = (name: ReactNode): ReactNode => (shown > 1 && name ? t('wizard.texts.inLanguage', { field: name, language: languageName }) : name);
  const boxLabel = label ? named(label) : undefined;
  const boxAriaLabel = ariaLabel ? String(named(ariaLabel)) : undefined;
  const suggestion = useSuggestion(text[other], other, missing && !readOnly);
  const takeSuggestion = () => {
    if (suggestion) box.onChange(suggestion.text);
  };
  // One keystroke takes the suggested translation: Alt+Enter in the empty box.
  const onKeyDown = (event: KeyboardEvent) => {
    if (suggestion && event.altKey && event.key === 'Enter') {
      event.preventDefault();
      takeSuggestion();
    }
  };
  // The mark is described with the box (aria-describedby), not part of its name: the box is still "Title (Chinese)".
  const missingTag = missing ? (
    <Tag color="orange" className="missing-translation">
      {t('wizard.texts.missing')}
    </Tag>
  ) : null;
  const copy =
    missing && !readOnly ? (
      <>
        {suggestion ? (
          <span className="translation-suggestion">
            <Typography.Text>{t('wizard.texts.suggestion', { score: suggestion.score, source: suggestion.source })}</Typography.Text>{' '}
            <Typography.Text lang={language} className="translation-suggestion-text">
              {suggestion.text}
            </Typography.Text>{' '}
            <Button size="small" type="link" onClick={takeSuggestion}>
              {t('wizard.texts.useSuggestion')}
            </Button>
          </span>
        ) : null}
        <Button size="small" type="link" icon={<CopyOutlined />} onClick={() => box.onChange(text[other])}>
          {t('wizard.texts.copyFrom', { language: t(`enums.contractLanguage.${other}`) })}
        </Button>
      </>
    ) : null;
  return (
    <FieldFrame
      id={shown > 1 ? box.id : fieldId(path)}
      problems={[...fieldProblems, ...box.problems]}
      readOnlyText={value.trim() !== '' ? value : null}
      multiline={multiline}
      label={boxLabel}
      ariaLabel={boxAriaLabel}
      extra={
        missingTag || copy ? (
          <>
            {missingTag}
            {copy}
          </>
        ) : undefined
      }
      {...frame}
    >
      {(a11y) =>
        multiline ? (
          <Input.TextArea
            {...a11y}
            lang={language}
            value={value}
            placeholder={placeholder}
            autoSize={{ minRows: rows, maxRows: 12 }}
            onKeyDown={onKeyDown}
            onChange={(event) => box.onChange(event.target.value)}
          />
        ) : (
          <Input
            {...a11y}
            lang={language}
            value={value}
            placeholder={placeholder}
            onKeyDown={onKeyDown}
            onChange={(event) => box.onChange(event.target.value)}
          />
        )
      }
    </FieldFrame>
  );
}

/** The boxes of one localized text; `field` is the text as the draft holds it. */
export function LocalizedTextBoxes(props: LocalizedBoxesProps) {
  const field = useField<LocalizedText>(props.path);
  const languages = useContractLanguages();
  const text = isLocalizedText(field.value) ? field.value : { en: '', 'zh-CN': '' };
  if (languages.length === 1) {
    return <LanguageBox {...props} language={languages[0]!} text={text} shown={1} fieldProblems={field.problems} />;
  }
  return (
    <div id={fieldId(props.path)} className="localized-text">
      {languages.map((language, index) => (
        <LanguageBox key={language} {...props} language={language} text={text} shown={languages.length} fieldProblems={index === 0 ? field.problems : []} />
      ))}
    </div>
  );
}
