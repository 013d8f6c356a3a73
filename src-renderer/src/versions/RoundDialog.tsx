/**
 * The dialog that saves a negotiation round: "Save version" (the working
 * copy, with the party the user picks) or "Mark agreed" / "Mark signed" (a
 * saved round's content, as a new version with that party). The author is
 * required and prefilled with the name this user last saved under; an
 * approval (who approved, a note) can be recorded with an agreed round.
 * A refusal stays in the dialog, with every problem of the draft listed
 * where it is in the wizard's words, and the focus on the first of them;
 * in the wizard each has a way to its field.
 */
import { Alert, Button, Checkbox, Form, Input, Modal, Radio, Typography } from 'antd';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, ApiOutput, ApiResult, VersionSummary } from '../../../src-shared/api';
import { describeProblem } from '../../../src-shared/model/problem-label';
import { VERSION_PARTIES, type VersionParty } from '../../../src-shared/model/version';
import { call, errorMessage } from '../common/client';
import type { ProblemTarget } from '../common/editor';
import { focusAndHold } from '../common/problemNavigation';
import { approvedFindings, type ApprovedFinding } from '../../../src-shared/playbook';
import { PlaybookApprovalNotice, useApprovalFindings } from '../playbook/PlaybookApprovalNotice';
import { partyName, roundLabel } from './labels';

export type FrozenVersion = ApiOutput<'versions.save'>;

export type RoundDialogMode =
  /** The working copy of `draftId` (read for the playbook when the party is agreed or signed). */
  | { kind: 'save'; draftId?: string }
  /** `approvedBefore`: a round with the same content already carries an approval, so signing it needs none. */
  | { kind: 'agreed' | 'signed'; version: VersionSummary; approvedBefore?: boolean };

/** What the user entered; `party` only matters when saving the working copy. */
export interface RoundRequest {
  party: VersionParty;
  author: string;
  note: string;
  approval?: { approver: string; note: string; findings: ApprovedFinding[] };
}

interface FormValues {
  party: VersionParty;
  author: string;
  note?: string;
  withApproval?: boolean;
  approver?: string;
  approvalNote?: string;
}

export interface RoundDialogProps {
  /** null: closed. */
  mode: RoundDialogMode | null;
  onClose: () => void;
  submit: (request: RoundRequest) => Promise<ApiResult<FrozenVersion>>;
  onDone: (frozen: FrozenVersion) => void;
  /** In the wizard: close the dialog and go to a problem's field. */
  onGoToProblem?: (target: ProblemTarget) => void;
  /** The draft the problems are in, to name its services and metrics. */
  problemDraft?: unknown;
}

export function RoundDialog(props: RoundDialogProps) {
  // Mounted afresh at every opening: no refusal or half-typed note carries over from the last round.
  return props.mode ? <OpenRoundDialog {...props} mode={props.mode} /> : null;
}

function OpenRoundDialog({ mode, onClose, submit, onDone, onGoToProblem, problemDraft }: RoundDialogProps & { mode: RoundDialogMode }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const party = Form.useWatch('party', form) ?? 'ourProposal';
  const withApproval = Form.useWatch('withApproval', form) ?? false;
  const errorId = useId();
  const problemList = useRef<HTMLUListElement>(null);

  useEffect(() => {
    let cancelled = false;
    void call('versions.defaultAuthor', {}).then((result) => {
      if (cancelled || !result.ok || result.value.author === null) return;
      // Only fill an empty field: the user may already have started typing.
      if (!form.getFieldValue('author')) form.setFieldValue('author', result.value.author);
    });
    return () => {
      cancelled = true;
    };
  }, [form]);

  const effectiveParty: VersionParty = mode.kind === 'save' ? party : mode.kind;
  const markedLabel = mode.kind === 'save' ? '' : roundLabel(t, mode.version);
  const title =
    mode.kind === 'save'
      ? t('versions.save.title')
      : t(mode.kind === 'agreed' ? 'versions.mark.agreedTitle' : 'versions.mark.signedTitle', { version: markedLabel });
  const intro =
    mode.kind === 'save'
      ? t('versions.save.intro')
      : t(mode.kind === 'agreed' ? 'versions.mark.agreedIntro' : 'versions.mark.signedIntro', { version: markedLabel });
  const okText = mode.kind === 'save' ? t('versions.save.submit') : t(mode.kind === 'agreed' ? 'versions.timeline.markAgreed' : 'versions.timeline.markSigned');
  // An approval belongs to an agreement (the playbook asks for one before "agreed"); signing agrees too.
  const offersApproval = effectiveParty === 'agreed' || effectiveParty === 'signed';
  const findings = useApprovalFindings(mode.kind === 'save' ? (mode.draftId ? { draftId: mode.draftId } : null) : { versionId: mode.version.id });
  const approvedBefore = mode.kind === 'signed' && mode.approvedBefore === true;
  // Positions beyond a needsApproval limit: the approval is not optional, so its fields are open from the start.
  const approvalNeeded = offersApproval && !approvedBefore && findings !== null && findings.length > 0;
  const approvalOpen = approvalNeeded || withApproval;

  const finish = async (values: FormValues) => {
    setBusy(true);
    setRefusal(null);
    const request: RoundRequest = {
      party: effectiveParty,
      author: values.author.trim(),
      note: (values.note ?? '').trim(),
      // The main process records its own findings with the approval; these are what the user saw.
      ...(offersApproval && (values.withApproval || approvalNeeded) && values.approver
        ? { approval: { approver: values.approver.trim(), note: (values.approvalNote ?? '').trim(), findings: approvedFindings(findings ?? []) } }
        : {}),
    };
    const result = await submit(request);
    setBusy(false);
    if (!result.ok) {
      setRefusal(result.error);
      return;
    }
    form.resetFields();
    onDone(result.value);
  };

  const problems = refusal?.problems ?? [];
  // A refusal that lists problems takes the focus to the first of them, not back to the button.
  useEffect(() => {
    const first = refusal?.problems?.length
      ? (problemList.current?.querySelector<HTMLElement>('li:first-child button') ?? problemList.current?.querySelector<HTMLElement>('li:first-child'))
      : null;
    if (first) focusAndHold(first);
  }, [refusal]);
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ danger: effectiveParty === 'signed' }}
      destroyOnHidden
      width={600}
    >
      <Typography.Paragraph>{intro}</Typography.Paragraph>
      {approvalNeeded && <PlaybookApprovalNotice findings={findings ?? []} />}
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ party: 'ourProposal', withApproval: false }}
        onFinish={(values) => void finish(values)}
        aria-describedby={refusal ? errorId : undefined}
      >
        {mode.kind === 'save' && (
          <Form.Item name="party" label={t('versions.save.party')} extra={t(`versions.partyHelp.${party}`)}>
            <Radio.Group className="round-party-choice" options={VERSION_PARTIES.map((value) => ({ value, label: partyName(t, value) }))} />
          </Form.Item>
        )}
        {mode.kind === 'save' && party === 'signed' && (
          <Alert type="warning" showIcon className="round-dialog-alert" title={t('versions.save.signedWarning')} />
        )}
        <Form.Item
          name="author"
          label={t('versions.save.author')}
          extra={t('versions.save.authorHelp')}
          rules={[{ required: true, whitespace: true, message: t('versions.save.authorRequired') }]}
        >
          <Input maxLength={200} autoComplete="name" />
        </Form.Item>
        <Form.Item name="note" label={t('versions.save.note')}>
          <Input.TextArea maxLength={5000} autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('versions.save.notePlaceholder')} />
        </Form.Item>
        {offersApproval && (
          <>
            {approvalNeeded ? (
              <div className="round-approval-required">
                <Typography.Title level={2} className="round-approval-heading">
                  {t('versions.mark.approvalHeading')}
                </Typography.Title>
                <Typography.Paragraph type="secondary">{t('versions.mark.approvalRequired')}</Typography.Paragraph>
              </div>
            ) : (
              <Form.Item name="withApproval" valuePropName="checked">
                <Checkbox>{t('versions.mark.approvalToggle')}</Checkbox>
              </Form.Item>
            )}
            {approvalOpen && (
              <>
                <Form.Item
                  name="approver"
                  label={t('versions.mark.approver')}
                  rules={[{ required: true, whitespace: true, message: t('versions.mark.approverRequired') }]}
                >
                  <Input maxLength={200} />
                </Form.Item>
                <Form.Item name="approvalNote" label={t('versions.mark.approvalNote')}>
                  <Input.TextArea maxLength={5000} autoSize={{ minRows: 2, maxRows: 4 }} />
                </Form.Item>
              </>
            )}
          </>
        )}
      </Form>
      {refusal && (
        <Alert
          id={errorId}
          type="error"
          showIcon
          className="round-dialog-alert"
          // The contract check's refusal says itself why the round cannot be agreed or signed.
          title={problems.length > 0 && refusal.key !== 'contractCheck.blocked' ? t('versions.save.problemsTitle') : errorMessage(t, refusal)}
          description={
            problems.length > 0 ? (
              <>
                <Typography.Paragraph>{t('versions.save.problemsIntro', { count: problems.length })}</Typography.Paragraph>
                <ul className="problem-report" aria-label={t('common.problemList')} ref={problemList}>
                  {problems.map((problem, index) => (
                    <li key={index} tabIndex={-1}>
                      {describeProblem(problem, t, problemDraft)}
                      {onGoToProblem && (
                        <>
                          {' '}
                          <Button
                            type="link"
                            size="small"
                            className="inline-link"
                            onClick={() => {
                              onClose();
                              onGoToProblem(problem);
                            }}
                          >
                            {t('versions.save.goTo', { step: t(`steps.${problem.step}`) })}
                          </Button>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            ) : undefined
          }
        />
      )}
    </Modal>
  );
}
