/**
 * The vocabulary of a field-level change between two drafts: what changed
 * (kind, entity, path), its label as i18n keys and parameters, and its old
 * and new values with the format describe.ts prints them in.
 */
import type { LocalizedText } from '../model/localized';
import type { ProblemPath } from '../model/problems';
import type { StepId } from '../model/schema';

export type ChangeKind = 'added' | 'removed' | 'changed' | 'moved';

/** The kinds of list item whose addition, removal or move is reported as a whole. */
export const CHANGE_ENTITIES = [
  'service',
  'metric',
  'metricExclusion',
  'businessDay',
  'holiday',
  'workingDay',
  'criticalPeriod',
  'request',
  'stakeholder',
  'objective',
  'severity',
  'window',
  'probeLocation',
  'notification',
  'creditTier',
  'regime',
  'certification',
  'otherExclusion',
];
export type ChangeEntity = (typeof CHANGE_ENTITIES)[number];

/** How a raw value reads; describe.ts renders it per locale. */
export type ValueFormat =
  | { type: 'text' }
  /** Free text that may run to paragraphs: described as "text edited" rather than quoted in full. */
  | { type: 'longText' }
  /** An ISO date. */
  | { type: 'date' }
  | { type: 'boolean' }
  | { type: 'number' }
  | { type: 'percent' }
  /** Whole minutes, read as a duration ("1 hour 30 minutes"). */
  | { type: 'minutes' }
  | { type: 'ms' }
  /** A custom metric's level with its unit ("120 jobs/hour"). */
  | { type: 'custom'; unit: string | LocalizedText }
  | { type: 'count'; unit: 'hours' | 'days' | 'businessDays' | 'months' | 'seconds' }
  | { type: 'money'; currency: string }
  /** A limit, or null for "uncapped": a percent, or a number of hours with unit "hours". */
  | { type: 'cap'; unit?: 'hours' }
  /** An enum value, read through the i18n key `${prefix}.${value}`. */
  | { type: 'enum'; prefix: string }
  /** A reference (e.g. a metric id) shown by its label. */
  | { type: 'label'; label: LabelParam }
  /** A whole list item (added or removed): its sentence says what it is. */
  | { type: 'item' };

export interface FormattedValue {
  value: unknown;
  format: ValueFormat;
}

/** A parameter of a label: user text (in one language, or in both: read in the reader's), a number, another label, or a value to format. */
export type LabelParam = string | number | LocalizedText | LabelRef | FormattedValue;

export interface LabelRef {
  key: string;
  params?: Record<string, LabelParam>;
}

export type DraftPath = ProblemPath;

export interface FieldChange {
  step: StepId;
  kind: ChangeKind;
  /** Where the field or item is in the new draft; in the old draft for a removal. */
  path: DraftPath;
  /** Where it was in the old draft, when that differs from `path` (moved or shifted items); else null. */
  oldPath: DraftPath | null;
  /** For a whole list item (added, removed, moved): what kind of item; null for a field change. */
  entity: ChangeEntity | null;
  /**
   * For a field change, the field ("Availability target (Core API)"); for a
   * whole item, the complete sentence ("Added service: {{name}}").
   */
  label: LabelRef;
  /** Raw values: the field's old and new value; the item for added / removed; 1-based positions for moved. */
  old: unknown;
  new: unknown;
  oldFormat: ValueFormat;
  newFormat: ValueFormat;
}
