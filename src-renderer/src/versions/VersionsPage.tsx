/**
 * The negotiation timeline of one draft: every saved round in order, with
 * its party, author, note, time, short hash and approvals, and what can be
 * done with it — compare (with the round before, or with the working
 * copy), restore into the working copy (confirmed, undoable once), mark
 * agreed, mark signed. A signed draft shows its lock and the way out: an
 * amendment.
 */
import { ArrowLeftOutlined, FlagOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Empty, Popover, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, ApiResult, DraftRecord, VersionSummary } from '../../../src-shared/api';
import { shortHash } from '../../../src-shared/model/version';
import { formatTimestamp } from '../common/formatTime';
import { useLocale } from '../common/locale';
import { asLocalizedText, displayText } from '../../../src-shared/model/localized';
import { navigate, WORKING_COPY } from '../common/route';
import { call, errorMessage } from '../common/client';
import { ApprovedFindingsList } from '../playbook/PlaybookApprovalNotice';
import { flushAllDrafts } from '../common/autosave';
import { PARTY_COLORS, partyName, roundLabel, STATUS_COLORS, statusName } from './labels';
import { RoundDialog, type FrozenVersion, type RoundDialogMode, type RoundRequest } from './RoundDialog';
import { SignedBanner } from './SignedBanner';
import { AmendsBanner } from './AmendsBanner';
import { useAmendedVersion } from '../common/amendedVersion';
import './versions.css';
import { DraftLoading } from '../common/DraftLoading';

type Loaded = { state: 'loading' } | { state: 'failed'; error: ApiError } | { state: 'ready'; draft: DraftRecord; versions: VersionSummary[] };

/** The restore message and what became of its Undo share one place on screen. */
const restoreMessageKey = 'versions-restore';

export function VersionsPage({ draftId }: { draftId: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message, modal } = AntApp.useApp();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [dialog, setDialog] = useState<RoundDialogMode | null>(null);
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      // Coming from the wizard, its last keystrokes may still be on their way: show what the user typed.
      await flushAllDrafts();
      const [draft, versions] = await Promise.all([call('drafts.get', { id: draftId }), call('versions.list', { draftId })]);
      if (cancelled) return;
      if (!draft.ok) setLoaded({ state: 'failed', error: draft.error });
      else if (!versions.ok) setLoaded({ state: 'failed', error: versions.error });
      else setLoaded({ state: 'ready', draft: draft.value, versions: versions.value });
    })();
    return () => {
      cancelled = true;
    };
  }, [draftId, reloads]);

  // The title in the user's language (the list's "English (中文)" is for finding it, not for a heading).
  const title = (loaded.state === 'ready' ? displayText(asLocalizedText(loaded.draft.content.title), locale).trim() : '') || t('wizard.untitled');
  const amendsVersionId = loaded.state === 'ready' ? loaded.draft.amendsVersionId : null;
  const amended = useAmendedVersion(amendsVersionId);
  useEffect(() => {
    document.title = t('versions.timeline.windowTitle', { title, app: t('app.name') });
    return () => {
      document.title = t('app.name');
    };
  }, [t, title]);

  // Arriving on the screen, start reading (and tabbing) at its heading.
  const ready = loaded.state === 'ready';
  useEffect(() => {
    if (ready) headingRef.current?.focus({ preventScroll: true });
  }, [ready]);

  if (loaded.state !== 'ready') return <DraftLoading load={loaded} failedTitleKey="versions.timeline.loadFailed" />;

  const { draft, versions } = loaded;
  const locked = draft.status === 'signed';
  // Once a round is agreed or signed, the rounds before it are superseded: they are no longer marked agreed or signed.
  const lastAgreed = versions.findLastIndex((version) => version.party === 'agreed' || version.party === 'signed');

  const submitRound = async (request: RoundRequest): Promise<ApiResult<FrozenVersion>> => {
    if (!dialog) return { ok: false, error: { code: 'internal', key: 'common.unexpectedError' } };
    if (dialog.kind === 'save') {
      await flushAllDrafts();
      return call('versions.save', { draftId, ...request });
    }
    const marked = { versionId: dialog.version.id, author: request.author, note: request.note, ...(request.approval ? { approval: request.approval } : {}) };
    return dialog.kind === 'agreed' ? call('versions.markAgreed', marked) : call('versions.markSigned', marked);
  };

  const roundDone = (frozen: FrozenVersion) => {
    const kind = dialog?.kind;
    setDialog(null);
    const version = roundLabel(t, frozen.version);
    void message.success(
      kind === 'save' ? t('versions.save.saved', { version }) : t('versions.mark.done', { version, status: statusName(t, frozen.draftStatus) }),
    );
    reload();
  };

  const undoRestore = async (revision: number, previousContent: Record<string, unknown>) => {
    const result = await call('drafts.save', { id: draftId, content: previousContent, baseRevision: revision });
    if (!result.ok) return void message.open({ key: restoreMessageKey, type: 'error', duration: 10, content: errorMessage(t, result.error) });
    // In place of the restore message, so one line tells where the working copy stands.
    void message.open({ key: restoreMessageKey, type: 'success', content: t('versions.restore.undone') });
    reload();
  };

  const restore = (version: VersionSummary) => {
    const label = roundLabel(t, version);
    void modal.confirm({
      title: t('versions.restore.confirmTitle', { version: label }),
      content: t('versions.restore.confirmBody', { version: label }),
      okText: t('versions.restore.confirm'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        await flushAllDrafts();
        const result = await call('versions.restore', { versionId: version.id });
        if (!result.ok) return void message.error(errorMessage(t, result.error));
        let undone = false;
        // One restore message at a time: a later restore replaces the earlier one, whose Undo no longer applies.
        void message.open({
          key: restoreMessageKey,
          type: 'success',
          duration: 10,
          content: (
            <span>
              {t('versions.restore.done', { version: label })}{' '}
              <Button
                type="link"
                size="small"
                onClick={() => {
                  // Once: a second click while the first is on its way does nothing; the outcome then replaces the message.
                  if (undone) return;
                  undone = true;
                  void undoRestore(result.value.revision, result.value.previousContent);
                }}
              >
                {t('common.undo')}
              </Button>
            </span>
          ),
        });
        reload();
      },
    });
  };

  return (
    <div className="versions-page">
      <div className="wizard-header">
        <div className="wizard-title">
          <Typography.Text type="secondary" className="wizard-kicker">
            {t('versions.timeline.kicker')}
          </Typography.Text>
          <Typography.Title level={1} className="page-title" tabIndex={-1} ref={headingRef}>
            {t('versions.timeline.heading', { title })}
          </Typography.Title>
        </div>
        <Space size="middle" wrap>
          <Tag color={STATUS_COLORS[draft.status]} className="draft-status-tag" data-testid="draft-status">
            {t('versions.statusLabel', { status: statusName(t, draft.status) })}
          </Tag>
          <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate({ screen: 'draft', draftId, step: 'services' })}>
            {t('versions.timeline.backToWizard')}
          </Button>
          {!locked && (
            <Button type="primary" icon={<FlagOutlined aria-hidden />} onClick={() => setDialog({ kind: 'save', draftId })}>
              {t('versions.header.saveVersion')}
            </Button>
          )}
        </Space>
      </div>
      {locked && <SignedBanner draftId={draftId} versions={versions} />}
      <AmendsBanner draftId={draftId} amended={amended} />
      {versions.length === 0 ? (
        <Empty description={t('versions.timeline.empty')} className="versions-empty" />
      ) : (
        <ol className="version-timeline" aria-label={t('versions.timeline.listLabel')}>
          {versions.map((version, index) => (
            <VersionRound
              key={version.id}
              version={version}
              previous={versions[index - 1] ?? null}
              amendedVersionId={index === 0 ? amendsVersionId : null}
              superseded={index < lastAgreed}
              sameAs={versions.slice(0, index).findLast((earlier) => earlier.sha256 === version.sha256) ?? null}
              locked={locked}
              onCompare={(old, next) => navigate({ screen: 'compare', draftId, old, new: next })}
              onRestore={() => restore(version)}
              onMark={(kind) =>
                setDialog({
                  kind,
                  version,
                  // The same content approved in any round (usually when it was agreed) needs no second approval to sign.
                  approvedBefore: versions.some((round) => round.sha256 === version.sha256 && round.approvals.length > 0),
                })
              }
            />
          ))}
        </ol>
      )}
      <RoundDialog mode={dialog} onClose={() => setDialog(null)} submit={submitRound} onDone={roundDone} />
    </div>
  );
}

interface VersionRoundProps {
  version: VersionSummary;
  previous: VersionSummary | null;
  /** The latest earlier round with exactly this content (same hash), e.g. the round an "agreed" marks. */
  sameAs: VersionSummary | null;
  /** For the first round of an amendment: the signed version it amends, compared with in place of a previous round. */
  amendedVersionId: string | null;
  /** A later round is agreed or signed: this one is no longer marked agreed or signed. */
  superseded: boolean;
  locked: boolean;
  onCompare: (old: string, next: string) => void;
  onRestore: () => void;
  onMark: (kind: 'agreed' | 'signed') => void;
}

function VersionRound({ version, previous, amendedVersionId, superseded, sameAs, locked, onCompare, onRestore, onMark }: VersionRoundProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const label = roundLabel(t, version);
  const headingId = `version-${version.id}`;
  // Each button's description names the round, so a screen reader tabbing through hears which one it acts on.
  const describedBy = { 'aria-describedby': headingId };

  return (
    <li className={`version-round version-round-${version.party}`} data-sequence={version.sequence}>
      <div className="version-round-head">
        <Typography.Title level={2} className="version-round-title" id={headingId} aria-label={label}>
          <span aria-hidden>{t('versions.short', { sequence: version.sequence })}</span>{' '}
          <Tag color={PARTY_COLORS[version.party]} aria-hidden>
            {partyName(t, version.party)}
          </Tag>
        </Typography.Title>
        {sameAs && <Typography.Text type="secondary">{t('versions.timeline.sameAs', { version: roundLabel(t, sameAs) })}</Typography.Text>}
      </div>
      <dl className="version-round-facts">
        <div>
          <dt>{t('versions.timeline.author')}</dt>
          <dd>{version.author}</dd>
        </div>
        <div>
          <dt>{t('versions.timeline.savedAt')}</dt>
          <dd>
            <time dateTime={version.createdAt}>{formatTimestamp(version.createdAt, locale)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('versions.timeline.hash')}</dt>
          <dd>
            <code title={t('versions.timeline.hashTitle', { hash: version.sha256 })}>{shortHash(version.sha256)}</code>
          </dd>
        </div>
        {version.note !== '' && (
          <div className="version-round-note">
            <dt>{t('versions.timeline.note')}</dt>
            <dd>{version.note}</dd>
          </div>
        )}
      </dl>
      {version.approvals.length > 0 && (
        <div className="version-round-approvals">
          <Typography.Text strong>{t('versions.timeline.approvals')}</Typography.Text>
          <ul>
            {version.approvals.map((approval) => (
              <li key={approval.id}>
                {t('versions.timeline.approval', { approver: approval.approver, time: formatTimestamp(approval.approvedAt, locale) })}
                {approval.findings.length > 0 && (
                  <>
                    {' · '}
                    <Popover
                      trigger="click"
                      title={t('playbook.approved.title')}
                      content={
                        <div className="playbook-popover">
                          <ApprovedFindingsList versionId={version.id} recorded={approval.findings} />
                        </div>
                      }
                    >
                      <Button type="link" size="small" className="version-approval-findings">
                        {t('versions.timeline.approvalFindings', { count: approval.findings.length })}
                      </Button>
                    </Popover>
                  </>
                )}
                {approval.note !== '' && <> — {approval.note}</>}
              </li>
            ))}
          </ul>
        </div>
      )}
      <Space role="group" aria-label={t('versions.timeline.actionsFor', { version: label })} wrap size={4} className="version-round-actions">
        {!previous && amendedVersionId ? (
          <Button size="small" onClick={() => onCompare(amendedVersionId, version.id)} {...describedBy}>
            {t('versions.amends.compare')}
          </Button>
        ) : (
          <Button size="small" disabled={!previous} onClick={() => previous && onCompare(previous.id, version.id)} {...describedBy}>
            {t('versions.timeline.compareWithPrevious')}
          </Button>
        )}
        <Button size="small" onClick={() => onCompare(version.id, WORKING_COPY)} {...describedBy}>
          {t('versions.timeline.compareWithWorking')}
        </Button>
        {!locked && (
          <>
            <Button size="small" onClick={onRestore} {...describedBy}>
              {t('versions.timeline.restore')}
            </Button>
            {!superseded && (
              <>
                <Button size="small" onClick={() => onMark('agreed')} {...describedBy}>
                  {t('versions.timeline.markAgreed')}
                </Button>
                <Button size="small" onClick={() => onMark('signed')} {...describedBy}>
                  {t('versions.timeline.markSigned')}
                </Button>
              </>
            )}
          </>
        )}
      </Space>
    </li>
  );
}
