/**
 * The step's playbook status, under its heading: how many positions of this
 * step go beyond the playbook, how many of them need an approval before a
 * version can be marked agreed, and each one in words — so a finding about
 * a field that is not on screen (a clause wording chosen in the preview) is
 * never missed. It adds no tab stop: from the heading, Tab still goes to
 * the step's first field, where the same finding stands beside the field.
 */
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StepId } from '../../../src-shared/model';
import { findingsNeedingApproval } from '../../../src-shared/playbook';
import { usePlaybookFindings } from './PlaybookContext';
import { FindingLine } from './PlaybookNotes';

export function PlaybookStepSummary({ step }: { step: StepId }) {
  const { t } = useTranslation();
  const findings = usePlaybookFindings().filter((finding) => finding.step === step);
  if (findings.length === 0) return null;
  const needApproval = findingsNeedingApproval(findings).length;
  return (
    <Alert
      type="warning"
      showIcon
      className="playbook-summary"
      data-testid="playbook-summary"
      title={t('playbook.summary.title', { count: findings.length })}
      description={
        <>
          {needApproval > 0 && <div>{t('playbook.summary.needsApproval', { count: needApproval })}</div>}
          <ul>
            {findings.map((finding, index) => (
              <li key={`${finding.limitId}-${index}`}>
                <FindingLine finding={finding} withNote={false} />
              </li>
            ))}
          </ul>
        </>
      }
    />
  );
}
