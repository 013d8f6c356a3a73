/**
 * The six steps as antd Steps: each shows whether it is complete or how many
 * problems it has, and each is a button (Tab to it, Enter or Space) for a
 * free jump — the wizard is a guide, not a gate.
 */
import { Steps, type StepsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { STEP_IDS, type StepId } from '../../../src-shared/model';

type StepItem = NonNullable<StepsProps['items']>[number] & { 'aria-label'?: string; 'aria-current'?: 'step' };

export function StepNav({ current, problemCounts, onChange }: { current: StepId; problemCounts: Record<StepId, number>; onChange: (step: StepId) => void }) {
  const { t } = useTranslation();
  const items: StepItem[] = STEP_IDS.map((step, index) => {
    const count = problemCounts[step];
    const title = t(`steps.${step}`);
    const state = count > 0 ? t('wizard.stepProblems', { count }) : t('wizard.stepComplete');
    const status = count > 0 ? 'error' : step === current ? 'process' : 'finish';
    const item: StepItem = {
      key: step,
      title,
      // A space between the title and the state, so that the visible text reads "Services Complete" (not "ServicesComplete") inside the accessible name.
      content: ` ${state}`,
      status,
      // The number as CSS content: text in the DOM would be read as part of the label ("1 Services Complete").
      ...(status === 'process' ? { icon: <span className="wizard-step-number" data-step={index + 1} /> } : {}),
      className: `wizard-step wizard-step-${step}`,
      'aria-label': t('wizard.stepLabel', { n: index + 1, total: STEP_IDS.length, step: title, state }),
    };
    if (step === current) item['aria-current'] = 'step';
    return item;
  });
  return (
    <nav aria-label={t('wizard.stepsNavigation')} className="wizard-steps">
      <Steps
        current={STEP_IDS.indexOf(current)}
        items={items}
        size="small"
        onChange={(index) => {
          const step = STEP_IDS[index];
          if (step) onChange(step);
        }}
      />
    </nav>
  );
}
