/**
 * The contract check beside the wizard's steps: the findings on the working
 * copy and the contract it produces (src-shared/contract-check), worked out
 * again once typing pauses, while the draft itself has no
 * problem (an incomplete draft has no contract to check yet), and shown
 * only when it finds something. Problems
 * block marking a version agreed or signed; warnings are for the user to
 * judge.
 */
import { Collapse, Typography } from 'antd';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { checkContract, type ContractFinding } from '../../../src-shared/contract-check';
import { ContractCheckList, type ContractCheckListProps } from '../common/ContractCheckList';
import type { DraftStore } from '../common/draftStore';
import { useContractTemplate } from '../preview/useContractTemplate';

const NONE: ContractFinding[] = [];
/** The check assembles the contract in both languages: once typing pauses, not on every keystroke. */
const CHECK_DELAY_MS = 600;

/** The findings on the working copy; none while it has problems or the template is not there. */
export function useContractFindings(store: DraftStore): ContractFinding[] {
  const draft = useSyncExternalStore(store.subscribe, store.getDraft);
  const problems = useSyncExternalStore(store.subscribe, store.getProblems);
  const template = useContractTemplate(draft.contract.templateId);
  const [checked, setChecked] = useState<ContractFinding[]>(NONE);
  const ready = problems.length === 0 && template.state === 'ready' ? template.template : null;
  useEffect(() => {
    if (ready === null) return;
    const timer = window.setTimeout(() => {
      try {
        setChecked(checkContract(draft, ready));
      } catch {
        // A working copy caught between two edits: the next one is checked.
        setChecked(NONE);
      }
    }, CHECK_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [draft, ready]);
  // Until the pause, the last findings stay on screen rather than flickering away.
  return ready === null ? NONE : checked;
}

export function ContractCheckPanel({ findings, onGoTo, draft }: ContractCheckListProps) {
  const { t } = useTranslation();
  const problems = findings.filter((finding) => finding.level === 'problem').length;
  const warnings = findings.length - problems;
  return (
    <Collapse
      className="contract-check-panel"
      size="small"
      items={[
        {
          key: 'check',
          label: t('contractCheck.panelTitle', { problems, warnings }),
          children: (
            <>
              <Typography.Paragraph type="secondary">{t('contractCheck.intro')}</Typography.Paragraph>
              <ContractCheckList findings={findings} onGoTo={onGoTo} draft={draft} />
            </>
          ),
        },
      ]}
    />
  );
}
