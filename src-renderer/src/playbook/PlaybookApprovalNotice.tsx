/**
 * In the "Mark agreed" / "Mark signed" dialog: which positions of the
 * version go beyond a playbook limit that needs an approval, so the user
 * records who approved them (the dialog's approval fields) before the main
 * process is asked — it refuses an agreement without an approval when any
 * of these exist (src-main/services/playbook.ts). Nothing is shown for a
 * version within the playbook.
 */
import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evaluatePlaybook, findingsNeedingApproval, type Finding } from '../../../src-shared/playbook';
import { call } from '../client';
import { toWorkingCopy } from '../wizard/workingCopy';
import { fetchPlaybook } from './PlaybookContext';
import { FindingLine } from './PlaybookNotes';

/** The findings of a saved version that need an approval; null until known (or when the version cannot be read). */
export function useVersionApprovalFindings(versionId: string): Finding[] | null {
  const [loaded, setLoaded] = useState<{ versionId: string; findings: Finding[] } | null>(null);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const version = await call('versions.get', { id: versionId });
      if (!version.ok) return;
      // A saved version is a complete draft; reading it as the wizard does keeps this safe for any content.
      const draft = toWorkingCopy(version.value.content, '1970-01-01');
      const playbook = await fetchPlaybook(draft.contract.templateId);
      if (!cancelled) setLoaded({ versionId, findings: findingsNeedingApproval(evaluatePlaybook(draft, playbook)) });
    })();
    return () => {
      cancelled = true;
    };
  }, [versionId]);
  return loaded?.versionId === versionId ? loaded.findings : null;
}

export function PlaybookApprovalNotice({ versionId }: { versionId: string }) {
  const { t } = useTranslation();
  const findings = useVersionApprovalFindings(versionId);
  if (!findings || findings.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="playbook-approval"
      data-testid="playbook-approval"
      title={t('playbook.approval.heading')}
      description={
        <>
          <div>{t('playbook.approval.intro', { count: findings.length })}</div>
          <ul className="playbook-approval-list">
            {findings.map((finding, index) => (
              <li key={`${finding.limitId}-${index}`}>
                <FindingLine finding={finding} />
              </li>
            ))}
          </ul>
        </>
      }
    />
  );
}
