/**
 * The typed controls of the wizard. Each reads and writes one path of the
 * working copy, so a form is a list of paths and labels — no form store to
 * keep in sync with the draft, and a problem's path is the field's path.
 */
import { Button, Checkbox, DatePicker, Input, InputNumber, Radio, Select, Switch, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { CloseOutlined } from '@ant-design/icons';
import { memo, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemPath } from '../../../../src-shared/model';
import { fieldKey } from '../../common/draftPath';
import { useDraftEditor, useField } from '../../common/editor';
import { formatNumber, formatPercent } from '../../../../src-shared/format';
import type { Locale } from '../../../../src-shared/i18n';
import { timeZones } from '../../common/timeZones';
import { isLocalizedText } from '../../../../src-shared/model/localized';
import { FieldFrame, type FrameOptions } from './FieldFrame';
import { LocalizedTextBoxes } from './LocalizedTextBoxes';

interface FieldProps extends FrameOptions {
  path: ProblemPath;
}

export interface Choice<V extends string = string> {
  value: V;
  label: string;
}

const FULL_WIDTH = { width: '100%' } as const;

/** A signed draft's value as text: what the control would show, or null when nothing is given. */
const textOf = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : null);
/** A number as a signed draft shows it, in the user's language: "99.99 %", "99.99%", "30 days". */
function numberText(value: unknown, suffix: ReactNode, locale: Locale): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  if (suffix === '%') return formatPercent(value, locale);
  const number = formatNumber(value, locale, 4);
  return typeof suffix === 'string' && suffix !== '' ? `${number} ${suffix}` : number;
}
const labelOf = (options: readonly Choice[], value: unknown): string | null => options.find((option) => option.value === value)?.label ?? textOf(value);
const labelsOf = (options: readonly Choice[] | null, values: unknown): string | null => {
  if (!Array.isArray(values) || values.length === 0) return null;
  return values.map((value) => (options ? labelOf(options, value) : textOf(value)) ?? '').join(', ');
};
const ISO_DATE = 'YYYY-MM-DD';
const CLOCK = 'HH:mm';

function TextFieldControl({ path, placeholder, multiline, rows = 3, ...frame }: FieldProps & { placeholder?: string; multiline?: boolean; rows?: number }) {
  const field = useField<string>(path);
  // A text the contract prints is written in each of its languages.
  if (isLocalizedText(field.value)) return <LocalizedTextBoxes path={path} placeholder={placeholder} multiline={multiline} rows={rows} {...frame} />;
  const value = typeof field.value === 'string' ? field.value : '';
  return (
    <FieldFrame id={field.id} problems={field.problems} readOnlyText={textOf(value)} multiline={multiline} {...frame}>
      {(a11y) =>
        multiline ? (
          <Input.TextArea
            {...a11y}
            value={value}
            placeholder={placeholder}
            autoSize={{ minRows: rows, maxRows: 12 }}
            onChange={(event) => field.onChange(event.target.value)}
          />
        ) : (
          <Input {...a11y} value={value} placeholder={placeholder} onChange={(event) => field.onChange(event.target.value)} />
        )
      }
    </FieldFrame>
  );
}

function NumberFieldControl({
  path,
  suffix,
  step,
  placeholder,
  optional,
  ...frame
}: FieldProps & {
  suffix?: ReactNode;
  step?: number;
  placeholder?: string;
  /** An optional field of the draft: clearing it removes the value (the contract's default applies) rather than leaving an empty number. */
  optional?: boolean;
}) {
  const field = useField<number>(path);
  // No min/max on the control: clamping would silently change what the user typed; the validation says what is wrong.
  const { locale } = useDraftEditor();
  return (
    <FieldFrame id={field.id} problems={field.problems} readOnlyText={numberText(field.value, suffix, locale)} {...frame}>
      {(a11y) => (
        <InputNumber
          {...a11y}
          style={FULL_WIDTH}
          value={typeof field.value === 'number' ? field.value : null}
          step={step}
          placeholder={placeholder}
          suffix={suffix}
          onChange={(value) => field.onChange(typeof value === 'number' ? value : optional ? undefined : null)}
        />
      )}
    </FieldFrame>
  );
}

function SelectFieldControl<V extends string>({
  path,
  options,
  placeholder,
  showSearch,
  onSelect,
  ...frame
}: FieldProps & {
  options: readonly Choice<V>[];
  placeholder?: string;
  showSearch?: boolean;
  /** Replaces the plain write of the value, for choices that change other fields too. */
  onSelect?: (value: V) => void;
}) {
  const field = useField<V>(path);
  const known = options.some((option) => option.value === field.value);
  return (
    <FieldFrame id={field.id} problems={field.problems} readOnlyText={labelOf(options, field.value)} {...frame}>
      {(a11y) => (
        <Select<V>
          {...a11y}
          style={FULL_WIDTH}
          value={known ? (field.value as V) : undefined}
          placeholder={placeholder ?? (field.value ? String(field.value) : undefined)}
          options={options as Choice<V>[]}
          showSearch={showSearch ? { optionFilterProp: 'label' } : false}
          onChange={(value) => (onSelect ? onSelect(value) : field.onChange(value))}
        />
      )}
    </FieldFrame>
  );
}

function MultiSelectFieldControl<V extends string>({
  path,
  options,
  placeholder,
  ...frame
}: FieldProps & { options: readonly Choice<V>[]; placeholder?: string }) {
  const field = useField<V[]>(path, { withItems: true });
  return (
    <FieldFrame id={field.id} problems={field.problems} readOnlyText={labelsOf(options, field.value)} {...frame}>
      {(a11y) => (
        <Select<V[]>
          {...a11y}
          mode="multiple"
          style={FULL_WIDTH}
          value={Array.isArray(field.value) ? field.value : []}
          placeholder={placeholder}
          options={options as Choice<V>[]}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(value) => field.onChange(value)}
        />
      )}
    </FieldFrame>
  );
}

/** Free-text entries (exclusions, probe locations): type and press Enter to add one. */
function TagsFieldControl({ path, placeholder, ...frame }: FieldProps & { placeholder?: string }) {
  const field = useField<string[]>(path, { withItems: true });
  return (
    <FieldFrame id={field.id} problems={field.problems} readOnlyText={labelsOf(null, field.value)} {...frame}>
      {(a11y) => (
        <Select<string[]>
          {...a11y}
          mode="tags"
          open={false}
          suffixIcon={null}
          style={FULL_WIDTH}
          value={Array.isArray(field.value) ? field.value : []}
          placeholder={placeholder}
          onChange={(value) => field.onChange(value.map((entry) => entry.trim()).filter((entry) => entry !== ''))}
        />
      )}
    </FieldFrame>
  );
}

function SwitchFieldControl({ path, ...frame }: FieldProps) {
  const { t } = useTranslation();
  const field = useField<boolean>(path);
  return (
    <FieldFrame id={field.id} problems={field.problems} readOnlyText={field.value === true ? t('common.yes') : t('common.no')} {...frame}>
      {(a11y) => <Switch {...a11y} checked={field.value === true} onChange={(checked) => field.onChange(checked)} />}
    </FieldFrame>
  );
}

function parseIsoDate(value: unknown): Dayjs | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = dayjs(value, ISO_DATE);
  // dayjs rolls 2026-02-30 over into March; a date is only one that reads back as typed.
  return date.isValid() && date.format(ISO_DATE) === value ? date : null;
}

function DateFieldControl({ path, ...frame }: FieldProps) {
  const field = useField<string>(path);
  return (
    <FieldFrame id={field.id} problems={field.problems} readOnlyText={textOf(field.value)} {...frame}>
      {(a11y) => (
        <DatePicker
          {...a11y}
          style={FULL_WIDTH}
          format={ISO_DATE}
          value={parseIsoDate(field.value)}
          onChange={(date) => field.onChange(date ? date.format(ISO_DATE) : '')}
        />
      )}
    </FieldFrame>
  );
}

const WEEKDAY_OF_DAYJS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** What the date box says when it took nothing: the date was already listed, or the text is not a date. */
type DateNote = { kind: 'duplicate'; date: string } | { kind: 'invalid'; text: string };

/** Typed text is shown back as typed, but never at any length. */
const shownText = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/**
 * Several dates (public holidays, extra working days): a date box to add
 * one — typed as 2026-10-01 and Enter, or picked in the calendar — and
 * below it the dates in order, each with its week day (a worked Saturday
 * should read as one) and a button to remove it. A date not taken (already
 * listed, or not a date) is said why under the box. Every part is reached
 * with the keyboard, which antd's picker of several dates does not allow.
 */
function DatesFieldControl({ path, ...frame }: FieldProps) {
  const { t } = useTranslation();
  const field = useField<string[]>(path, { withItems: true });
  const [note, setNote] = useState<DateNote | null>(null);
  const dates = Array.isArray(field.value) ? field.value : [];
  const add = (date: string) => {
    if (dates.includes(date)) return setNote({ kind: 'duplicate', date });
    setNote(null);
    field.onChange([...dates, date].sort());
  };
  // The picker drops text that is not a date without a word; say so, with the format it wants.
  const checkTyped = (text: string) => {
    const typed = text.trim();
    if (typed !== '' && !parseIsoDate(typed)) setNote({ kind: 'invalid', text: shownText(typed) });
  };
  const remove = (date: string) => field.onChange(dates.filter((other) => other !== date));
  const noteId = `${field.id}-date-note`;
  return (
    <FieldFrame id={field.id} problems={field.problems} readOnlyText={labelsOf(null, dates)} {...frame}>
      {(a11y) => (
        <>
          <DatePicker
            {...a11y}
            {...(note ? { 'aria-describedby': [a11y['aria-describedby'], noteId].filter(Boolean).join(' ') } : {})}
            style={FULL_WIDTH}
            format={ISO_DATE}
            placeholder={t('fields.dates.add')}
            value={null}
            onChange={(picked: Dayjs | null) => picked && add(picked.format(ISO_DATE))}
            onKeyDown={(event) => {
              if (event.key === 'Enter') checkTyped((event.target as HTMLInputElement).value);
              else if (event.key.length === 1 || event.key === 'Backspace') setNote(null);
            }}
            onBlur={(event) => checkTyped((event.target as HTMLInputElement).value)}
          />
          <div id={noteId} role="status" className="date-note">
            {note?.kind === 'duplicate' ? t('fields.dates.duplicate', { date: note.date }) : null}
            {note?.kind === 'invalid' ? t('fields.dates.invalid', { text: note.text }) : null}
          </div>
          {dates.length > 0 ? (
            <ul className="date-list" {...(frame.label ? { 'aria-labelledby': `${field.id}-label` } : { 'aria-label': frame.ariaLabel })}>
              {dates.map((date) => {
                const parsed = parseIsoDate(date);
                const weekday = parsed ? t(`fields.dates.weekday.${WEEKDAY_OF_DAYJS[parsed.day()]}`) : null;
                return (
                  <li key={date}>
                    <span>{date}</span>
                    {weekday ? <span className="date-list-weekday">{weekday}</span> : null}
                    <Button
                      type="text"
                      size="small"
                      icon={<CloseOutlined aria-hidden />}
                      aria-label={t('fields.dates.remove', { date })}
                      onClick={() => remove(date)}
                    />
                  </li>
                );
              })}
            </ul>
          ) : null}
        </>
      )}
    </FieldFrame>
  );
}

function TimeFieldControl({ path, ...frame }: FieldProps) {
  const field = useField<string>(path);
  const value = typeof field.value === 'string' && /^\d{2}:\d{2}$/.test(field.value) ? dayjs(`2000-01-01T${field.value}`) : null;
  return (
    <FieldFrame id={field.id} problems={field.problems} readOnlyText={textOf(field.value)} {...frame}>
      {(a11y) => (
        <TimePicker
          {...a11y}
          style={FULL_WIDTH}
          format={CLOCK}
          minuteStep={5}
          needConfirm={false}
          value={value && value.isValid() ? value : null}
          onChange={(time) => field.onChange(time ? time.format(CLOCK) : '')}
        />
      )}
    </FieldFrame>
  );
}

function CheckboxGroupFieldControl<V extends string>({ path, options, ...frame }: FieldProps & { options: readonly Choice<V>[] }) {
  const field = useField<V[]>(path, { withItems: true });
  return (
    <FieldFrame id={field.id} problems={field.problems} group readOnlyText={labelsOf(options, field.value)} {...frame}>
      {(a11y) => (
        <Checkbox.Group<V>
          {...a11y}
          options={options as Choice<V>[]}
          value={Array.isArray(field.value) ? field.value : []}
          onChange={(value) => {
            // Keep the canonical order of the options (Mon…Sun), not the order of clicks.
            const order = options.map((option) => option.value);
            field.onChange([...value].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
          }}
        />
      )}
    </FieldFrame>
  );
}

function RadioFieldControl<V extends string>({ path, options, ...frame }: FieldProps & { options: readonly Choice<V>[] }) {
  const field = useField<V>(path);
  return (
    <FieldFrame id={field.id} problems={field.problems} group readOnlyText={labelOf(options, field.value)} {...frame}>
      {(a11y) => <Radio.Group {...a11y} options={options as Choice<V>[]} value={field.value} onChange={(event) => field.onChange(event.target.value as V)} />}
    </FieldFrame>
  );
}

function TimeZoneFieldControl({ path, ...frame }: FieldProps) {
  const field = useField<string>(path);
  const current = typeof field.value === 'string' ? field.value : '';
  const options = useMemo(() => {
    const zones = timeZones();
    const all = current !== '' && !zones.includes(current) ? [current, ...zones] : zones;
    return all.map((zone) => ({ value: zone, label: zone }));
  }, [current]);
  return (
    <FieldFrame id={field.id} problems={field.problems} readOnlyText={textOf(current)} {...frame}>
      {(a11y) => (
        <Select<string>
          {...a11y}
          style={FULL_WIDTH}
          value={current === '' ? undefined : current}
          options={options}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(value) => field.onChange(value)}
        />
      )}
    </FieldFrame>
  );
}

function sameChoices(a: unknown, b: unknown): boolean {
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  return a.every((choice: Choice, index) => choice.value === (b[index] as Choice).value && choice.label === (b[index] as Choice).label);
}

/**
 * Parents re-create paths, option lists and callbacks on every render; a
 * field re-renders only when what it shows differs. Callbacks are not
 * compared: they must read current values when called (edit(), not a
 * captured copy), which every caller here does.
 */
export function sameFieldProps<P extends object>(a: P, b: P): boolean {
  const previous = a as Record<string, unknown>;
  const next = b as Record<string, unknown>;
  for (const key of new Set([...Object.keys(previous), ...Object.keys(next)])) {
    const before = previous[key];
    const after = next[key];
    if (before === after) continue;
    if (key === 'path' && Array.isArray(before) && Array.isArray(after)) {
      if (fieldKey(before as (string | number)[]) !== fieldKey(after as (string | number)[])) return false;
    } else if (key === 'options') {
      if (!sameChoices(before, after)) return false;
    } else if (typeof before !== 'function' || typeof after !== 'function') {
      return false;
    }
  }
  return true;
}

export const TextField = memo(TextFieldControl, sameFieldProps) as typeof TextFieldControl;
export const NumberField = memo(NumberFieldControl, sameFieldProps) as typeof NumberFieldControl;
export const SelectField = memo(SelectFieldControl, sameFieldProps) as typeof SelectFieldControl;
export const MultiSelectField = memo(MultiSelectFieldControl, sameFieldProps) as typeof MultiSelectFieldControl;
export const TagsField = memo(TagsFieldControl, sameFieldProps) as typeof TagsFieldControl;
export const SwitchField = memo(SwitchFieldControl, sameFieldProps) as typeof SwitchFieldControl;
export const DateField = memo(DateFieldControl, sameFieldProps) as typeof DateFieldControl;
export const DatesField = memo(DatesFieldControl, sameFieldProps) as typeof DatesFieldControl;
export const TimeField = memo(TimeFieldControl, sameFieldProps) as typeof TimeFieldControl;
export const CheckboxGroupField = memo(CheckboxGroupFieldControl, sameFieldProps) as typeof CheckboxGroupFieldControl;
export const RadioField = memo(RadioFieldControl, sameFieldProps) as typeof RadioFieldControl;
export const TimeZoneField = memo(TimeZoneFieldControl, sameFieldProps) as typeof TimeZoneFieldControl;
