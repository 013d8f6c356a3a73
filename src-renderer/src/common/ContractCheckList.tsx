/**
 * The contract check's findings as a list: problem or warning, where (the
 * field or the clause), what is wrong and how to fix it, in the current
 * language, each with a button to the field (or, for a clause, the wizard
 * step) that fixes it. Drawn by the wizard's contract check panel and the
 * export dialog.
 */
import { Button, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFinding, type ContractFinding } from '../../../src-shared/contract-check';
import type { ProblemTarget } from './editor';
import { useLocale } from './locale';

export interface ContractCheckListProps {
  findings: readonly ContractFinding[];
  onGoTo: (target: ProblemTarget) => void;
  /** The draft checked, to name its services and metrics in a finding's location. */
  draft?: unknown;
}

export function ContractCheckList({ findings, onGoTo, draft }: ContractCheckListProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <ul className="problem-report contract-check-list" aria-label={t('contractCheck.title')}>
      {findings.map((finding, index) => {
        const { where, message, fix } = formatFinding(finding, locale, (key, params) => t(key, params), draft);
        return (
          <li key={index} className={`contract-check-${finding.level}`}>
            <Tag color={finding.level === 'problem' ? 'error' : 'warning'}>{t(`contractCheck.${finding.level}`)}</Tag>
            <span className="problem-location">{where}</span>: {message} {fix}{' '}
            <Button type="link" size="small" className="inline-link" onClick={() => onGoTo(finding)}>
              {t('contractCheck.goTo', { step: t(`steps.${finding.step}`) })}
            </Button>
          </li>
        );
      })}
    </ul>
  );
}
