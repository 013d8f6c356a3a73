/**
 * How far the draft's texts are written in each language its contract is
 * printed in: "Chinese: 28 of 31 texts", and the texts still missing a
 * translation, each one click from its box. Shown on every step while a
 * translation is missing, so that a bilingual draft does not reach the
 * export dialog half in one language.
 */
import { Alert, Button, Collapse } from 'antd';
import { useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { problemLocation } from '../../../src-shared/model/problem-label';
import { stepOfPath } from '../../../src-shared/model/schema';
import { translationStatus } from '../../../src-shared/model/translations';
import { useDraftEditor, type ProblemTarget } from '../common/editor';

export function TranslationStatus({ onGoTo }: { onGoTo: (target: ProblemTarget) => void }) {
  const { t } = useTranslation();
  const { store } = useDraftEditor();
  const draft = useSyncExternalStore(store.subscribe, store.getDraft);
  const status = useMemo(() => {
    try {
      return translationStatus(draft);
    } catch {
      // A working copy caught between two edits: the next one is counted.
      return null;
    }
  }, [draft]);
  if (!status || status.missing.length === 0) return null;
  const counts = status.languages
    .map((language) => t('wizard.texts.count', { language: t(`enums.contractLanguage.${language}`), written: status.written[language], total: status.total }))
    .join(t('wizard.texts.countSeparator'));
  return (
    <Alert
      className="translation-status"
      type="warning"
      showIcon
      message={t('wizard.texts.statusTitle', { count: status.missing.length, counts })}
      description={
        <Collapse
          size="small"
          ghost
          items={[
            {
              key: 'missing',
              label: t('wizard.texts.showMissing', { count: status.missing.length }),
              children: (
                <ul className="problem-report translation-missing-list" aria-label={t('wizard.texts.missingListLabel')}>
                  {status.missing.map(({ path }) => (
                    <li key={path.join('.')}>
                      <Button type="link" size="small" className="inline-link" onClick={() => onGoTo({ step: stepOfPath(path), path })}>
                        {problemLocation(path, (key, params) => t(key, params), draft)}
                      </Button>
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      }
    />
  );
}
