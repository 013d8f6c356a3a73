/**
 * One draft in the six-step wizard: loads the working copy, validates it
 * after every change, saves it in the background, and lets the user walk
 * the steps in order or jump freely. A step with problems opens with the
 * list of them; each entry, and every "Go to …" of the export and version
 * dialogs, leads to the field itself (goToProblem).
 */
import { ArrowLeftOutlined, ArrowRightOutlined, BarChartOutlined, ExportOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Space, Typography, App as AntApp } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, DraftRecord } from '../../../src-shared/api';
import { STEP_IDS, type ProblemPath, type SlaDraft, type StepId } from '../../../src-shared/model';
import { describeProblem } from '../../../src-shared/model/problem-label';
import { displayText, isLocalizedText } from '../../../src-shared/model/localized';
import { useAppActions } from '../common/actions';
import { useLocale } from '../common/locale';
import { navigate } from '../common/route';
import { call, errorMessage } from '../common/client';
import { AmendsBanner } from '../versions/AmendsBanner';
import { SignedBanner } from '../versions/SignedBanner';
import { WizardVersionControls } from '../versions/WizardVersionControls';
import { ContractExport } from '../export/ContractExport';
import { PreviewLayout } from '../preview/PreviewLayout';
import { PlaybookProvider } from '../playbook/PlaybookContext';
import { PlaybookStepSummary } from '../playbook/PlaybookStepSummary';
import { DraftAutosaver } from '../common/autosave';
import { fieldKey, getIn, setIn } from '../common/draftPath';
import { DraftEditorContext, useDraftEditor, useProblems, type DraftEditor, type ProblemTarget } from '../common/editor';
import { DraftStore } from '../common/draftStore';
import { EditHistory } from '../common/editHistory';
import { FieldRegistry } from '../common/problemRegistry';
import { focusField } from '../common/problemNavigation';
import { ContractCheckPanel, useContractFindings } from './ContractCheckPanel';
import { TranslationStatus } from './TranslationStatus';
import { SaveStatus } from './SaveStatus';
import { StepNav } from './StepNav';
import { UndoButtons, useUndo } from './UndoControls';
import { STEP_COMPONENTS } from './steps';
import { panelsHiding } from './steps/ServicesStep';
import { toWorkingCopy } from '../common/workingCopy';
import { DraftLoading } from '../common/DraftLoading';
import { useAmendedVersion } from '../common/amendedVersion';

type Loaded = { state: 'loading' } | { state: 'failed'; error: ApiError } | { state: 'ready'; record: DraftRecord; saver: DraftAutosaver; draft: SlaDraft };

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function WizardPage({ draftId, step }: { draftId: string; step: StepId }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    let cancelled = false;
    let saver: DraftAutosaver | null = null;
    void call('drafts.get', { id: draftId }).then((result) => {
      if (cancelled) return;
      if (!result.ok) {
        setLoaded({ state: 'failed', error: result.error });
        return;
      }
      saver = new DraftAutosaver({
        revision: result.value.revision,
        save: (content, baseRevision) => call('drafts.save', { id: draftId, content, baseRevision }),
      });
      setLoaded({ state: 'ready', record: result.value, saver, draft: toWorkingCopy(result.value.content, today()) });
    });
    return () => {
      cancelled = true;
      // Leaving the draft: whatever was typed last is saved, not dropped.
      void saver?.dispose();
    };
  }, [draftId]);

  if (loaded.state !== 'ready') return <DraftLoading load={loaded} failedTitleKey="wizard.loadFailed" />;
  return <Wizard record={loaded.record} saver={loaded.saver} initialDraft={loaded.draft} step={step} />;
}

function Wizard({ record, saver, initialDraft, step }: { record: DraftRecord; saver: DraftAutosaver; initialDraft: SlaDraft; step: StepId }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message, modal } = AntApp.useApp();
  const actions = useAppActions();
  const [store] = useState(() => new DraftStore(initialDraft));
  const [registry] = useState(() => new FieldRegistry());
  const [deletedAt, setDeletedAt] = useState(record.deletedAt);
  // A signed draft is shown read-only: the main process refuses its saves anyway ('locked').
  const [status, setStatus] = useState(record.status);
  const locked = status === 'signed';
  const amended = useAmendedVersion(record.amendsVersionId);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const [history] = useState(() => new EditHistory());
  /** A user's edit at `path`: shown, autosaved, and kept for undo. */
  const commit = useCallback(
    (next: SlaDraft, path: ProblemPath) => {
      if (locked) return;
      const before = store.getDraft();
      store.set(next);
      saver.change(next as unknown as Record<string, unknown>);
      history.record(before, next, path, Date.now());
      registry.touch(fieldKey(path));
    },
    [store, saver, history, locked, registry],
  );
  const update = useCallback((path: ProblemPath, value: unknown) => commit(setIn(store.getDraft(), path, value), path), [store, commit]);
  const edit = useCallback(
    <T,>(path: ProblemPath, change: (current: T) => T) => {
      const current = store.getDraft();
      commit(setIn(current, path, change(getIn(current, path) as T)), path);
    },
    [store, commit],
  );

  const problems = useSyncExternalStore(store.subscribe, store.getProblems);
  const contractFindings = useContractFindings(store);
  const draftTitle = useSyncExternalStore(store.subscribe, () => store.getDraft().title as unknown);
  const problemCounts = useMemo(() => {
    const counts = Object.fromEntries(STEP_IDS.map((id) => [id, 0])) as Record<StepId, number>;
    for (const problem of problems) counts[problem.step]++;
    return counts;
  }, [problems]);

  // Going to a problem on another step: the step's first drawing puts the focus in the field, not on the heading.
  const currentStep = useRef(step);
  const pendingField = useRef<ProblemTarget | null>(null);
  const goToProblem = useCallback(
    (target: ProblemTarget) => {
      // Asked to see a problem: the fields show theirs, blank ones included.
      registry.revealAll();
      registry.expand(panelsHiding(store.getDraft(), target.path));
      if (target.step === currentStep.current) return focusField(target.path);
      pendingField.current = target;
      navigate({ screen: 'draft', draftId: record.id, step: target.step }, { replace: true });
    },
    [registry, store, record.id],
  );

  const editor = useMemo<DraftEditor>(
    () => ({ store, locale, update, edit, registry, goToProblem, readOnly: locked, draftId: record.id }),
    [store, locale, update, edit, registry, goToProblem, locked, record.id],
  );

  // A reload or a closed window must not lose the last keystrokes: start the save at once.
  useEffect(() => {
    const flush = () => void saver.flush();
    window.addEventListener('beforeunload', flush);
    return () => window.removeEventListener('beforeunload', flush);
  }, [saver]);

  // On opening the draft and after moving to another step, put the focus (and the screen reader) on the step's heading —
  // or, when the step was chosen by going to a problem, in the problem's field.
  useEffect(() => {
    currentStep.current = step;
    const pending = pendingField.current;
    pendingField.current = null;
    const toHeading = () => {
      headingRef.current?.focus({ preventScroll: true });
      window.scrollTo({ top: 0 });
    };
    if (pending?.step === step) focusField(pending.path, toHeading);
    else toHeading();
  }, [step]);

  const goTo = useCallback((next: StepId) => navigate({ screen: 'draft', draftId: record.id, step: next }, { replace: true }), [record.id]);
  const travel = useUndo({ store, saver, history, locked, step, goTo });
  const index = STEP_IDS.indexOf(step);
  const previous = STEP_IDS[index - 1];
  const following = STEP_IDS[index + 1];
  const StepComponent = STEP_COMPONENTS[step];
  // The title in the user's language, else in the one it is written in.
  const written = isLocalizedText(draftTitle) ? displayText(draftTitle, locale) : typeof draftTitle === 'string' ? draftTitle : '';
  const title = written.trim() !== '' ? written : t('wizard.untitled');

  // The window (and the Electron title bar) names the open draft.
  useEffect(() => {
    document.title = t('wizard.windowTitle', { title, app: t('app.name') });
    return () => {
      document.title = t('app.name');
    };
  }, [t, title]);

  // Leaving a draft with problems is allowed (it is saved as it stands), but not without saying so.
  const finish = (event: MouseEvent) => {
    const remaining = store.getProblems();
    if (remaining.length === 0) return;
    event.preventDefault();
    modal.confirm({
      title: t('wizard.finishWithProblems.title', { count: remaining.length }),
      content: t('wizard.finishWithProblems.content'),
      okText: t('wizard.finishWithProblems.leave'),
      cancelText: t('wizard.finishWithProblems.stay'),
      onOk: () => navigate({ screen: 'home' }),
      onCancel: () => {
        const first = store.getProblems()[0];
        if (first) goToProblem(first);
      },
    });
  };

  const restore = async () => {
    const result = await call('drafts.restore', { id: record.id });
    if (!result.ok) return void message.error(errorMessage(t, result.error));
    setDeletedAt(null);
    void message.success(t('home.restored', { title }));
  };

  return (
    <DraftEditorContext.Provider value={editor}>
      <PlaybookProvider source={store}>
        <div className="wizard">
          <div className="wizard-header">
            <div className="wizard-title">
              <Typography.Text type="secondary" className="wizard-kicker">
                {t('wizard.kicker')}
              </Typography.Text>
              <Typography.Title level={1} className="page-title">
                {title}
              </Typography.Title>
            </div>
            <Space size="middle" wrap>
              <SaveStatus saver={saver} draftId={record.id} />
              <UndoButtons history={history} locked={locked} onCommand={travel} />
              <Button icon={<ExportOutlined aria-hidden />} onClick={() => void actions.exportDraft(record.id)}>
                {t('wizard.export.button')}
              </Button>
              <ContractExport draftId={record.id} saver={saver} contractFindings={contractFindings} amended={amended} />
              <WizardVersionControls draftId={record.id} saver={saver} locked={locked} onStatusChange={setStatus} />
              <Button icon={<BarChartOutlined aria-hidden />} href={`#/drafts/${record.id}/reports`}>
                {t('reports.open')}
              </Button>
            </Space>
          </div>
          {deletedAt && (
            <Alert
              type="warning"
              showIcon
              className="wizard-alert"
              title={t('wizard.inTrash')}
              action={
                <Button size="small" onClick={() => void restore()}>
                  {t('home.actions.restore')}
                </Button>
              }
            />
          )}
          {locked && <SignedBanner draftId={record.id} />}
          <AmendsBanner draftId={record.id} amended={amended} />
          <StepNav current={step} problemCounts={problemCounts} onChange={goTo} />
          <PreviewLayout step={step} onGoToStep={goTo}>
            <div className="wizard-body">
              <Typography.Title level={2} className="step-heading" tabIndex={-1} ref={headingRef}>
                {t('wizard.stepHeading', { n: index + 1, total: STEP_IDS.length, step: t(`steps.${step}`) })}
              </Typography.Title>
              <Typography.Paragraph type="secondary" className="step-intro">
                {t(`wizard.${step}.intro`)}
              </Typography.Paragraph>
              <StepProblemList step={step} />
              <TranslationStatus onGoTo={goToProblem} />
              <PlaybookStepSummary step={step} />
              {problems.length === 0 && contractFindings.length > 0 && (
                <ContractCheckPanel findings={contractFindings} onGoTo={goToProblem} draft={store.getDraft()} />
              )}
              <Form layout="vertical" component="div" className="step-form" requiredMark={requiredMark} disabled={locked}>
                <StepComponent key={step} />
              </Form>
            </div>
            <div className="wizard-footer">
              <Button icon={<ArrowLeftOutlined aria-hidden />} disabled={!previous} onClick={() => previous && goTo(previous)}>
                {previous ? t('wizard.backTo', { step: t(`steps.${previous}`) }) : t('wizard.back')}
              </Button>
              {following ? (
                <Button type="primary" onClick={() => goTo(following)}>
                  {t('wizard.nextTo', { step: t(`steps.${following}`) })} <ArrowRightOutlined aria-hidden />
                </Button>
              ) : (
                <Button type="primary" href="#/" onClick={finish}>
                  {t('wizard.finish')}
                </Button>
              )}
            </div>
          </PreviewLayout>
        </div>
      </PlaybookProvider>
    </DraftEditorContext.Provider>
  );
}

/** The required mark is decoration: hidden from the accessible name (aria-required says it). */
function requiredMark(label: ReactNode, info: { required: boolean }) {
  return (
    <>
      {label}
      {info.required && (
        <span aria-hidden className="required-mark">
          *
        </span>
      )}
    </>
  );
}

/**
 * The problems of this step, at its top, each where it is in the wizard's
 * words; choosing one goes to its field. A problem no field shows (a part of
 * an imported file the wizard has no control for) is listed here all the same.
 * A blank field nobody has edited yet is only counted ("3 fields are still to
 * fill in"), until the user asks to list them.
 */
function StepProblemList({ step }: { step: StepId }) {
  const { t } = useTranslation();
  const { store, goToProblem, registry } = useDraftEditor();
  const problems = useProblems();
  const draft = useSyncExternalStore(store.subscribe, store.getDraft);
  useSyncExternalStore(registry.subscribeAttention, registry.getAttention);
  const ofStep = problems.filter((problem) => problem.step === step);
  if (ofStep.length === 0) return null;
  const shown = ofStep.filter((problem) => !registry.holdsBack(problem, getIn(draft, problem.path)));
  const heldBack = ofStep.length - shown.length;
  return (
    <Alert
      type={shown.length > 0 ? 'error' : 'info'}
      showIcon
      className="step-problems"
      title={t('wizard.stepSummaryTitle', { count: ofStep.length })}
      description={
        <>
          {shown.length > 0 && (
            <>
              <Typography.Text type="secondary">{t('wizard.stepSummaryHint')}</Typography.Text>
              <ul className="problem-report step-problem-list" aria-label={t('common.problemList')}>
                {shown.map((problem, index) => (
                  <li key={index}>
                    <Button type="link" size="small" className="inline-link step-problem-link" onClick={() => goToProblem(problem)}>
                      {describeProblem(problem, t, draft)}
                    </Button>
                  </li>
                ))}
              </ul>
            </>
          )}
          {heldBack > 0 && (
            <div className="step-untouched">
              {t('wizard.stepUntouched', { count: heldBack })}{' '}
              <Button
                type="link"
                size="small"
                className="inline-link"
                onClick={() => {
                  registry.revealAll();
                  // The button goes with the count: the focus moves to the first problem now listed.
                  requestAnimationFrame(() => document.querySelector<HTMLElement>('.step-problems .step-problem-link')?.focus());
                }}
              >
                {t('wizard.listUntouched')}
              </Button>
            </div>
          )}
        </>
      }
    />
  );
}
