/**
 * Taking the user to a problem's field: once React has drawn it (after the
 * step changed or a collapsed panel opened), the field is scrolled into the
 * middle of the window and the focus put in its control. A problem without
 * a control of its own (an entry of a list of choices) goes to the nearest
 * field that holds it.
 */
import type { ProblemPath } from '../../../src-shared/model';
import { fieldId } from './draftPath';

/** What can be focused inside a field's frame: its input, select, text area, switch or first choice. */
const FOCUSABLE = 'input:not([type="hidden"]):not([disabled]), textarea:not([disabled]), select, button:not([disabled]), [tabindex]:not([tabindex="-1"])';
/** Frames to wait for the exact field before settling for the nearest one that holds it. */
const SETTLE_FRAMES = 3;
/** Frames to wait at most for React to draw the field. */
const MAX_FRAMES = 60;
/** Frames during which a focus taken away by nothing the user did (a closing dialog giving it back to its button) is put back. */
const HOLD_FRAMES = 30;

function controlIn(element: HTMLElement): HTMLElement {
  return element.matches(FOCUSABLE) ? element : (element.querySelector<HTMLElement>(FOCUSABLE) ?? element);
}

function fieldElement(path: Readonly<ProblemPath>, exactOnly: boolean): HTMLElement | null {
  const exact = document.getElementById(fieldId(path));
  if (exact || exactOnly) return exact;
  for (let length = path.length - 1; length > 0; length--) {
    const holder = document.getElementById(fieldId(path.slice(0, length)));
    if (holder) return holder;
  }
  return null;
}

/**
 * Put the focus in `control` and keep it there for a few frames, unless the
 * user acts meanwhile: a dialog closing, or a button coming out of its
 * loading state, must not take it back.
 */
export function focusAndHold(control: HTMLElement): void {
  control.focus({ preventScroll: true });
  let frames = 0;
  let userActed = false;
  const acted = () => {
    userActed = true;
  };
  const events = ['pointerdown', 'keydown'] as const;
  for (const type of events) window.addEventListener(type, acted, { capture: true, once: true });
  const check = () => {
    if (userActed || !control.isConnected || frames++ >= HOLD_FRAMES) {
      for (const type of events) window.removeEventListener(type, acted, { capture: true });
      return;
    }
    if (document.activeElement !== control) control.focus({ preventScroll: true });
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/**
 * Scroll to the field of `path` and focus it, as soon as it is on screen.
 * `onMissing` runs when no field holds the path (the problem is then only
 * in the step's list of problems).
 */
export function focusField(path: Readonly<ProblemPath>, onMissing?: () => void): void {
  let frame = 0;
  const attempt = () => {
    const element = fieldElement(path, frame < SETTLE_FRAMES);
    if (element) {
      const control = controlIn(element);
      // The whole field (its label and its problem) in view, not only the input.
      (element.closest<HTMLElement>('.ant-form-item') ?? element).scrollIntoView({ block: 'center' });
      focusAndHold(control);
      return;
    }
    if (frame++ < MAX_FRAMES) requestAnimationFrame(attempt);
    else onMissing?.();
  };
  requestAnimationFrame(attempt);
}
