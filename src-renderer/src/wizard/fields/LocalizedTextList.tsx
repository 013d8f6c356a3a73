/**
 * A list of short texts the contract prints (a metric's exclusions, probe
 * locations, other exclusions): one entry per row, each written in the
 * contract's languages like any other text (LocalizedTextBoxes), with a
 * button to remove it and one to add another.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localized, type LocalizedText } from '../../../../src-shared/model/localized';
import type { ProblemPath } from '../../../../src-shared/model';
import { fieldId } from '../../common/draftPath';
import { useField, useReadOnly } from '../../common/editor';
import { ProblemMessages } from '../../common/ProblemMessages';
import { focusSoon } from './ListControls';
import { LocalizedTextBoxes, useContractLanguages } from './LocalizedTextBoxes';

export function LocalizedTextList({ path, label, placeholder }: { path: ProblemPath; label: ReactNode; placeholder?: string }) {
  const { t } = useTranslation();
  const list = useField<LocalizedText[]>(path);
  const readOnly = useReadOnly();
  const languages = useContractLanguages();
  const items = Array.isArray(list.value) ? list.value : [];
  const itemLabel = (index: number) => t('wizard.texts.entry', { label, number: index + 1 });
  return (
    <Form.Item
      label={<span id={`${fieldId(path)}-label`}>{label}</span>}
      help={list.problems.length > 0 ? <ProblemMessages id={`${fieldId(path)}-help`} problems={list.problems} /> : undefined}
    >
      <div role="group" aria-labelledby={`${fieldId(path)}-label`} className="localized-text-list">
        {items.map((_, index) => (
          <div key={index} className="localized-text-list-row">
            <LocalizedTextBoxes path={[...path, index]} ariaLabel={itemLabel(index)} placeholder={placeholder} />
            {readOnly ? null : (
              <Button
                type="text"
                size="small"
                icon={<DeleteOutlined aria-hidden />}
                aria-label={t('wizard.texts.removeEntry', { entry: itemLabel(index) })}
                onClick={() => {
                  list.onChange(items.filter((__, i) => i !== index));
                  // The button pressed is gone: the focus goes on to "Add", not back to the top of the page.
                  focusSoon(`${fieldId(path)}-add`);
                }}
              />
            )}
          </div>
        ))}
        {readOnly ? null : (
          <Button
            id={`${fieldId(path)}-add`}
            size="small"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => {
              list.onChange([...items, localized('')]);
              // Into the new entry's first box (a bilingual entry's own id is the frame around its two boxes).
              focusSoon(fieldId(languages.length > 1 ? [...path, items.length, languages[0]!] : [...path, items.length]));
            }}
          >
            {t('wizard.texts.addEntry', { label })}
          </Button>
        )}
      </div>
    </Form.Item>
  );
}
