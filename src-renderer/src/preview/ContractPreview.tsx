/**
 * The live preview beside the wizard: the contract assembled in the
 * renderer from the working copy on every change, in English, Chinese or
 * both side by side. The clauses the current step affects are brought into
 * view and marked; values from the draft are underlined, blanks stand out,
 * and what the contract still lacks is listed, each field named as the
 * wizard labels it, with a way to the field (or, for a clause, its step).
 *
 * Keeping up with typing: the draft is read through useDeferredValue, so a
 * keystroke updates the form first and the preview right after, at lower
 * priority; assembly (a few ms for the enterprise preset) shares unchanged
 * clauses with the previous result, so only changed clauses re-render. Each
 * update writes its assembly and render time (ms) into data-assembly-ms and
 * data-render-ms on the region, and a "sla-preview" performance measure.
 */
import { EyeInvisibleOutlined } from '@ant-design/icons';
import { Alert, Button, Segmented, Spin, Typography } from 'antd';
import { memo, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssemblyProblem } from '../../../src-shared/contract/assemble';
import { clauseNumberText, walkClauses, type ContractDoc } from '../../../src-shared/contract/doc';
import { stepOfPath, type SlaDraft, type StepId } from '../../../src-shared/model';
import { pathFromString, problemLocation } from '../../../src-shared/model/problem-label';
import { useLocale } from '../common/locale';
import { errorMessage } from '../common/client';
import { useDraftEditor } from '../common/editor';
import { BilingualDocView, ContractDocView } from './ContractView';
import { PreviewAssembler, type PreviewContract, type PreviewLanguage } from './previewAssembler';
import { useContractTemplate } from './useContractTemplate';
import './preview.css';

export interface ContractPreviewProps {
  step: StepId;
  onHide: () => void;
  /** The "Hide preview" button, for the layout to put the focus on when the preview is shown again. */
  hideButtonRef?: RefObject<HTMLButtonElement | null>;
  onGoToStep: (step: StepId) => void;
}

export function ContractPreview({ step, onHide, hideButtonRef, onGoToStep }: ContractPreviewProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { store } = useDraftEditor();
  const [chosenLanguage, setChosenLanguage] = useState<PreviewLanguage | null>(null);
  // Until the user picks one, the preview reads in the language of the interface.
  const language: PreviewLanguage = chosenLanguage ?? locale;

  const draft = useSyncExternalStore(store.subscribe, store.getDraft);
  // null on the first render: the wizard's form appears first, the contract right after, without holding it up.
  const deferredDraft = useDeferredValue<SlaDraft | null>(draft, null);
  const templateId = typeof draft.contract?.templateId === 'string' ? draft.contract.templateId : 'standard-saas';
  const template = useContractTemplate(templateId);
  const [assembler] = useState(() => new PreviewAssembler());
  const contract = useMemo(
    () => (template.state === 'ready' && deferredDraft !== null ? assembler.assemble(deferredDraft, template.template, language) : null),
    [assembler, deferredDraft, template, language],
  );
  const assembling = template.state === 'loading' || (template.state === 'ready' && deferredDraft === null);

  const regionRef = useRef<HTMLElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const languageOptions = [
    { value: 'en', label: <span lang="en">English</span> },
    { value: 'zh-CN', label: <span lang="zh-CN">中文</span> },
    { value: 'bilingual', label: t('preview.bilingual') },
  ];

  return (
    <section ref={regionRef} className="contract-preview" aria-label={t('preview.regionLabel')} data-testid="contract-preview">
      <div className="contract-preview-toolbar">
        <Typography.Text strong className="contract-preview-title">
          {t('preview.title')}
        </Typography.Text>
        <Segmented<string>
          size="small"
          value={language}
          options={languageOptions}
          onChange={(value) => setChosenLanguage(value as PreviewLanguage)}
          aria-label={t('preview.languageLabel')}
        />
        <Button ref={hideButtonRef} size="small" type="text" icon={<EyeInvisibleOutlined aria-hidden />} onClick={onHide}>
          {t('preview.hide')}
        </Button>
      </div>
      <div ref={scrollRef} className="contract-preview-scroll" tabIndex={0} role="region" aria-label={t('preview.textLabel')}>
        {assembling || (template.state === 'ready' && contract === null) ? (
          assembling ? (
            <div className="contract-preview-loading">
              <Spin />
              <Typography.Text type="secondary">{t('preview.loading')}</Typography.Text>
            </div>
          ) : (
            <Alert type="info" showIcon title={t('preview.notYet')} />
          )
        ) : template.state === 'failed' ? (
          <Alert type="error" showIcon title={t('preview.templateFailed')} description={errorMessage(t, template.error)} />
        ) : (
          contract && <PreviewBody contract={contract} step={step} language={language} regionRef={regionRef} scrollRef={scrollRef} onGoToStep={onGoToStep} />
        )}
      </div>
    </section>
  );
}

interface PreviewBodyProps {
  contract: PreviewContract;
  step: StepId;
  language: PreviewLanguage;
  regionRef: RefObject<HTMLElement | null>;
  scrollRef: RefObject<HTMLDivElement | null>;
  onGoToStep: (step: StepId) => void;
}

/** Memoised: it re-renders when the assembled contract, the step or the language changes, not on every keystroke of the form. */
const PreviewBody = memo(function PreviewBody({ contract, step, language, regionRef, scrollRef, onGoToStep }: PreviewBodyProps) {
  const { t } = useTranslation();

  // How long this update took: the assembly, then rendering the changed clauses up to the commit.
  useLayoutEffect(() => {
    const committed = performance.now();
    const region = regionRef.current;
    if (region) {
      region.dataset.assemblyMs = contract.assemblyMs.toFixed(2);
      region.dataset.renderMs = (committed - contract.assembledAt).toFixed(2);
    }
    performance.measure?.('sla-preview', { start: contract.assembledAt - contract.assemblyMs, end: committed });
  }, [contract, regionRef]);

  // When the step (or the language) changes, bring the clauses the step affects into view — not on every keystroke.
  const scrolledFor = useRef<string | null>(null);
  useEffect(() => {
    const key = `${step}|${language}`;
    if (scrolledFor.current === key) return;
    scrolledFor.current = key;
    const container = scrollRef.current;
    // A clause whose first step this is (the service levels for Targets) before one that only mentions it (the definitions).
    const target = container?.querySelector<HTMLElement>('[data-primary="true"]') ?? container?.querySelector<HTMLElement>('[data-active="true"]');
    // On a narrow window the preview is not a scroll box of its own: leave the page where the user is.
    if (!container || !target || container.scrollHeight <= container.clientHeight) return;
    const top = target.getBoundingClientRect().top - container.getBoundingClientRect().top + container.scrollTop - 8;
    const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    container.scrollTo({ top: Math.max(0, top), behavior: reduceMotion ? 'auto' : 'smooth' });
  }, [step, language, scrollRef]);

  const primary = contract.kind === 'single' ? contract.doc : contract.en;
  return (
    <>
      {contract.stale && <Alert type="warning" showIcon className="contract-preview-note" title={t('preview.stale')} />}
      <AssemblyProblems problems={contract.problems} doc={primary} onGoToStep={onGoToStep} />
      <p className="contract-preview-legend">{t('preview.legend')}</p>
      {contract.kind === 'single' ? (
        <ContractDocView doc={contract.doc} activeStep={step} />
      ) : (
        <BilingualDocView en={contract.en} zh={contract.zh} activeStep={step} />
      )}
    </>
  );
});

/** The step a value of the draft is edited in, from its path ("compensation.claimWindowDays"). */
function stepOfDraftPath(path: string): StepId {
  return stepOfPath([path.split(/[.[]/, 1)[0] ?? '']);
}

/** What the contract still lacks: each blank or unresolved value, where it is, and the step to fix it in. */
const AssemblyProblems = memo(function AssemblyProblems({
  problems,
  doc,
  onGoToStep,
}: {
  problems: AssemblyProblem[];
  doc: ContractDoc;
  onGoToStep: (step: StepId) => void;
}) {
  const { t } = useTranslation();
  const { store, goToProblem } = useDraftEditor();
  const clauses = useMemo(() => new Map(walkClauses(doc).map(({ clause }) => [clause.id, clause])), [doc]);
  if (problems.length === 0) return null;
  const locationOf = (problem: AssemblyProblem): string => {
    if (problem.clauseId === null) return t('preview.problems.onCover');
    const clause = clauses.get(problem.clauseId);
    if (!clause) return problem.clauseId;
    const number = clauseNumberText(clause.number);
    const title = clause.title ?? '';
    return number === '' ? title || problem.clauseId : t('preview.problems.inClause', { number, title });
  };
  const stepOf = (problem: AssemblyProblem): StepId | null => {
    if (problem.path !== null) return stepOfDraftPath(problem.path);
    return (problem.clauseId !== null && clauses.get(problem.clauseId)?.steps[0]) || null;
  };
  return (
    <Alert
      type="warning"
      showIcon
      className="contract-preview-note"
      title={t('preview.problems.title', { count: problems.length })}
      description={
        <ul className="contract-preview-problems">
          {problems.map((problem, i) => {
            const target = stepOf(problem);
            return (
              <li key={i}>
                {t(`preview.problems.codes.${problem.code}`, {
                  location: locationOf(problem),
                  field: problem.path !== null ? problemLocation(pathFromString(problem.path), t, store.getDraft()) : (problem.placeholder ?? ''),
                })}{' '}
                {target && (
                  <Button
                    type="link"
                    size="small"
                    className="inline-link"
                    onClick={() => (problem.path !== null ? goToProblem({ step: target, path: pathFromString(problem.path) }) : onGoToStep(target))}
                  >
                    {t('preview.problems.goToStep', { step: t(`steps.${target}`) })}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      }
    />
  );
});
