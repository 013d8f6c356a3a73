/**
 * The wizard's form with the live preview beside it: a column on a wide
 * window, a narrower side panel down to a 1024-pixel screen (so the clause
 * still follows the edit), below the form only on a narrower one. Whether
 * the preview is shown is the user's choice, remembered on this computer for
 * every draft; the button that shows it again stays in view as the form
 * scrolls, and focus moves between "Hide preview" and "Show preview" so a
 * keyboard user toggles it back and forth in place.
 */
import { EyeOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepId } from '../../../src-shared/model';
import { ContractPreview } from './ContractPreview';
import './preview.css';

const SHOWN_KEY = 'sla-studio.preview.shown';

function readShown(): boolean {
  try {
    return window.localStorage.getItem(SHOWN_KEY) !== 'false';
  } catch {
    // Storage may be unavailable (a locked-down profile): show the preview.
    return true;
  }
}

function rememberShown(shown: boolean): void {
  try {
    window.localStorage.setItem(SHOWN_KEY, String(shown));
  } catch {
    // Not remembered, but still applied for this session.
  }
}

export function PreviewLayout({ step, onGoToStep, children }: { step: StepId; onGoToStep: (step: StepId) => void; children: ReactNode }) {
  const { t } = useTranslation();
  const [shown, setShownState] = useState(readShown);
  // Set by a toggle the user made (not by the first render): the other button of the pair takes the focus.
  const toggled = useRef(false);
  const showButton = useRef<HTMLButtonElement>(null);
  const hideButton = useRef<HTMLButtonElement>(null);
  const setShown = useCallback((next: boolean) => {
    rememberShown(next);
    toggled.current = true;
    setShownState(next);
  }, []);
  useEffect(() => {
    if (!toggled.current) return;
    toggled.current = false;
    (shown ? hideButton : showButton).current?.focus({ preventScroll: true });
  }, [shown]);
  // One function for the preview's lifetime, so a re-rendered wizard does not re-render the contract.
  const latestGoTo = useRef(onGoToStep);
  useLayoutEffect(() => {
    latestGoTo.current = onGoToStep;
  });
  const goToStep = useCallback((next: StepId) => latestGoTo.current(next), []);

  return (
    <div className={shown ? 'wizard-workspace wizard-workspace-with-preview' : 'wizard-workspace'}>
      <div className="wizard-workspace-form">
        {!shown && (
          <div className="wizard-workspace-show">
            <Button ref={showButton} size="small" icon={<EyeOutlined aria-hidden />} onClick={() => setShown(true)}>
              {t('preview.show')}
            </Button>
          </div>
        )}
        {children}
      </div>
      {shown && <ContractPreview step={step} onHide={() => setShown(false)} hideButtonRef={hideButton} onGoToStep={goToStep} />}
    </div>
  );
}
