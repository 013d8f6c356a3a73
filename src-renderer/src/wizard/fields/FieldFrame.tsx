/**
 * The frame every control of the wizard sits in: an antd Form.Item whose
 * label is linked to the control (or, in a table cell, an aria-label), the
 * field's problems underneath and a hint such as "= 4 hours" beside it. The
 * control gets aria-describedby / aria-invalid so a screen reader reads the
 * problem with the field. In a signed draft the control gives way to its
 * value as text — readable, selectable and copied like any text, still
 * named by its label.
 */
import { Form } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../../src-shared/model';
import { useFieldNotes } from '../../playbook/PlaybookContext';
import { FieldPlaybookNotes } from '../../playbook/PlaybookNotes';
import { ProblemMessages } from '../../common/ProblemMessages';
import { useReadOnly } from '../../common/editor';

export interface ControlA11y {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  'aria-label'?: string;
  'aria-labelledby'?: string;
  'aria-required'?: boolean;
}

export interface FrameOptions {
  /** The visible label. */
  label?: ReactNode;
  /** For controls without a visible label (table cells): the accessible name. */
  ariaLabel?: string;
  extra?: ReactNode;
  required?: boolean;
  className?: string;
}

interface FieldFrameProps extends FrameOptions {
  id: string;
  problems: readonly Problem[];
  /** The control is a group of inputs (checkboxes, radios): named through aria-labelledby. */
  group?: boolean;
  /** The value as a signed draft shows it, instead of the control; null when nothing is given. */
  readOnlyText?: string | null;
  /** Text of several lines (kept as typed). */
  multiline?: boolean;
  children: (a11y: ControlA11y) => ReactNode;
}

export function FieldFrame({ id, problems, group, label, ariaLabel, extra, required, className, readOnlyText, multiline, children }: FieldFrameProps) {
  const { t } = useTranslation();
  const readOnly = useReadOnly() && readOnlyText !== undefined;
  const helpId = `${id}-help`;
  const extraId = `${id}-extra`;
  const labelId = `${id}-label`;
  // The playbook's findings and the market comparison for this field (none outside the wizard).
  const notes = useFieldNotes(id);
  const notesId = `${id}-playbook`;
  const describedBy = [problems.length > 0 ? helpId : null, extra ? extraId : null, notes ? notesId : null].filter(Boolean).join(' ');
  const a11y: ControlA11y = { id };
  if (describedBy) a11y['aria-describedby'] = describedBy;
  if (problems.length > 0) a11y['aria-invalid'] = true;
  if (required) a11y['aria-required'] = true;
  if (ariaLabel) a11y['aria-label'] = ariaLabel;
  else if ((group || readOnly) && label) a11y['aria-labelledby'] = labelId;

  return (
    <Form.Item
      className={className}
      label={label ? <span id={labelId}>{label}</span> : undefined}
      htmlFor={group || readOnly || !label ? undefined : id}
      required={required}
      validateStatus={problems.length > 0 ? 'error' : undefined}
      help={problems.length > 0 ? <ProblemMessages id={helpId} problems={problems} /> : undefined}
      extra={
        extra || notes ? (
          <>
            {extra ? <span id={extraId}>{extra}</span> : null}
            {notes ? <FieldPlaybookNotes id={notesId} notes={notes} compact={!label} /> : null}
          </>
        ) : undefined
      }
    >
      {readOnly ? (
        // <output> is labelled like a control and read as text; it never changes, so it is never announced.
        <output
          id={id}
          aria-describedby={a11y['aria-describedby']}
          aria-label={a11y['aria-label']}
          aria-labelledby={a11y['aria-labelledby']}
          aria-live="off"
          className={`read-only-value${multiline ? ' read-only-multiline' : ''}${readOnlyText ? '' : ' read-only-empty'}`}
        >
          {readOnlyText || t('common.notGiven')}
        </output>
      ) : (
        children(a11y)
      )}
    </Form.Item>
  );
}
