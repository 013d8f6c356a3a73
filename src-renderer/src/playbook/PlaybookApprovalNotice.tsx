/**
 * In the round dialog ("Mark agreed", "Mark signed", or "Save version" as
 * agreed or signed): which positions of the round go beyond a playbook
 * limit that needs an approval, so the user records who approved them (the
 * dialog's approval fields) before the main process is asked — it refuses
 * an agreement without an approval when any of these exist, computing them
 * itself (src-main/services/playbook.ts). Nothing is shown for a round
 * within the playbook.
 */
import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evaluatePlaybook, findingsNeedingApproval, pathText, type Finding } from '../../../src-shared/playbook';
import { call } from '../common/client';
import { toWorkingCopy } from '../common/workingCopy';
import { fetchPlaybook } from './PlaybookContext';
import { FindingLine } from './PlaybookNotes';

/** The content a round is made of: a saved version, or the stored working copy of a draft. */
export type RoundSource = { versionId: string } | { draftId: string };

async function roundContent(versionId: string | null, draftId: string | null): Promise<Record<string, unknown> | null> {
  if (versionId !== null) {
    const version = await call('versions.get', { id: versionId });
    return version.ok ? version.value.content : null;
  }
  if (draftId === null) return null;
  const draft = await call('drafts.get', { id: draftId });
  return draft.ok ? draft.value.content : null;
}

/** The findings of a round that need an approval; null until known (or when the round cannot be read). */
export function useApprovalFindings(source: RoundSource | null): Finding[] | null {
  const versionId = source && 'versionId' in source ? source.versionId : null;
  const draftId = source && 'draftId' in source ? source.draftId : null;
  const key = versionId !== null ? `version:${versionId}` : draftId !== null ? `draft:${draftId}` : '';
  const [loaded, setLoaded] = useState<{ key: string; findings: Finding[] } | null>(null);
  useEffect(() => {
    if (key === '') return;
    let cancelled = false;
    void (async () => {
      const content = await roundContent(versionId, draftId);
      if (!content) return;
      // Read as the wizard reads a draft, so a working copy in the middle of an edit is safe too.
      const draft = toWorkingCopy(content, '1970-01-01');
      const playbook = await fetchPlaybook(draft.contract.templateId);
      if (!cancelled) setLoaded({ key, findings: findingsNeedingApproval(evaluatePlaybook(draft, playbook)) });
    })();
    return () => {
      cancelled = true;
    };
  }, [key, versionId, draftId]);
  return loaded?.key === key && key !== '' ? loaded.findings : null;
}

export function PlaybookApprovalNotice({ findings }: { findings: readonly Finding[] }) {
  const { t } = useTranslation();
  if (findings.length === 0) return null;
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

/** A recorded approval's finding as the main process stored it (src-shared/playbook ApprovedFinding); anything else is skipped. */
function recordedKey(recorded: unknown): string | null {
  if (typeof recorded !== 'object' || recorded === null) return null;
  const { limitId, path } = recorded as { limitId?: unknown; path?: unknown };
  return typeof limitId === 'string' && typeof path === 'string' ? `${limitId}|${path}` : null;
}

/**
 * What an approval covered, in words: the approved round's findings that
 * match what was recorded (by limit and field). The round's content never
 * changes, so the sentences are those the approver saw — unless the
 * template's playbook changed since, when the recorded limit ids are shown
 * as they were stored.
 */
export function ApprovedFindingsList({ versionId, recorded }: { versionId: string; recorded: readonly unknown[] }) {
  const { t } = useTranslation();
  const findings = useApprovalFindings({ versionId });
  if (findings === null) return <span className="playbook-approved-loading">{t('playbook.approved.loading')}</span>;
  const keys = recorded.map(recordedKey).filter((key): key is string => key !== null);
  const wanted = new Set(keys);
  const matched = findings.filter((finding) => wanted.has(`${finding.limitId}|${pathText(finding.path)}`));
  return (
    <ul className="playbook-approval-list" data-testid="approved-findings">
      {matched.length > 0
        ? matched.map((finding, index) => (
            <li key={`${finding.limitId}-${index}`}>
              <FindingLine finding={finding} withNote={false} />
            </li>
          ))
        : keys.map((key) => <li key={key}>{t('playbook.approved.asRecorded', { limit: key.split('|')[0], field: key.split('|')[1] })}</li>)}
    </ul>
  );
}
