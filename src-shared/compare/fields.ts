/**
 * Field-level changes between two drafts, in the words of the wizard:
 * "Availability target (Core API): 99.9 % → 99.95 %", "Added service:
 * Data export API". This module finds the changes and labels them with
 * i18n keys and parameters; describe.ts turns them into text in a locale.
 *
 * What is compared is one table, DRAFT_DIFF in field-table.ts: per step, the draft's
 * fields (path, label key, format) and its lists (the entity specs: how an
 * item is matched, named and described, and its own fields), walked by one
 * generic diff. A field of the schema that the table leaves out must be on
 * the commented exclusion list of fields-coverage.test.ts.
 *
 * List items are matched by their id — services, metrics, objectives,
 * credit tiers, requests, contacts, windows, critical periods — severities
 * and incident notification times by their level, and lists of plain
 * values (business days, holidays, regimes, exclusions…) by value, as
 * sets. A reordered item is reported once as moved; an item whose id
 * changed is a removal plus an addition, as it is a different item for
 * every reference to it. Metrics are matched within their service.
 *
 * Labels name a metric by its kind ("Availability", "Response time (p95)")
 * and its service, not by its free-text name, so that a label stays the
 * same when the name itself is what changed; custom metrics, and two
 * metrics of one kind in one service, are named by their name.
 *
 * Changes come grouped by the six steps, in step order, and within a step
 * in the order of the wizard's fields.
 *
 * Both drafts must have the schema's shape (validateDraft(...).draft is
 * non-null); cross-field problems do not matter, so a working copy that is
 * still being edited can be compared with a version.
 */
import { alignByKey } from './align';
import { canonicalJson } from '../model/canonical';
import { isLocalizedText, TEXT_LANGUAGES } from '../model/localized';
import { STEP_IDS, type SlaDraft, type StepId } from '../model/schema';

import type { ChangeKind, DraftPath, FieldChange, LabelParam, LabelRef, ValueFormat } from './field-change';
import { DRAFT_DIFF, DraftNames, ITEM, NUMBER, ref, type FieldSpec, type ListSpec, type RecordSpec, type Scope, type Spec } from './field-table';

export * from './field-change';

// ── The walk ────────────────────────────────────────────────────────────────

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  return canonicalJson(a) === canonicalJson(b);
}

function samePath(a: DraftPath, b: DraftPath): boolean {
  return a.length === b.length && a.every((segment, i) => segment === b[i]);
}

const segmentsOf = (path: string): string[] => (path === '' ? [] : path.split('.'));

function valueAt(holder: unknown, segments: readonly string[]): unknown {
  let value = holder;
  for (const segment of segments) value = value === null || value === undefined ? undefined : (value as Record<string, unknown>)[segment];
  return value;
}

/** The scope of the object at `path` from this one. */
function enter(scope: Scope, path: string, item: LabelParam | null): Scope {
  const segments = segmentsOf(path);
  return {
    ...scope,
    old: valueAt(scope.old, segments),
    new: valueAt(scope.new, segments),
    oldPath: [...scope.oldPath, ...segments],
    newPath: [...scope.newPath, ...segments],
    item,
  };
}

class DraftDiff {
  readonly changes: FieldChange[] = [];

  walk(specs: readonly Spec[], scope: Scope): void {
    for (const spec of specs) {
      switch (spec.kind) {
        case 'field':
          this.field(spec, scope);
          break;
        case 'group':
          this.walk(spec.fields, enter(scope, spec.path, spec.item));
          break;
        case 'list':
          this.list(spec, scope);
          break;
        case 'record':
          this.record(spec, scope);
          break;
      }
    }
  }

  private value(
    scope: Scope,
    oldPath: DraftPath,
    newPath: DraftPath,
    before: unknown,
    after: unknown,
    label: LabelRef,
    oldFormat: ValueFormat,
    newFormat: ValueFormat,
  ): void {
    if (sameValue(before, after)) return;
    if (isLocalizedText(before) && isLocalizedText(after)) {
      // A text in two languages changes per language: "Service description (Chinese): … → …".
      for (const language of TEXT_LANGUAGES) {
        const inLanguage = ref('compare.inLanguage', { field: label, language: ref(`enums.contractLanguage.${language}`) });
        this.value(scope, [...oldPath, language], [...newPath, language], before[language], after[language], inLanguage, oldFormat, newFormat);
      }
      return;
    }
    this.changes.push({
      step: scope.step,
      kind: 'changed',
      path: newPath,
      oldPath: samePath(oldPath, newPath) ? null : oldPath,
      entity: null,
      label,
      old: before,
      new: after,
      oldFormat,
      newFormat,
    });
  }

  private field(spec: FieldSpec<unknown>, scope: Scope): void {
    const segments = segmentsOf(spec.path);
    const read = (holder: unknown) => {
      const value = valueAt(holder, segments);
      return spec.absent === undefined ? value : (value ?? spec.absent);
    };
    this.value(
      scope,
      [...scope.oldPath, ...segments],
      [...scope.newPath, ...segments],
      read(scope.old),
      read(scope.new),
      spec.label(scope),
      spec.format(scope.old, 'old', scope.names),
      spec.format(scope.new, 'new', scope.names),
    );
  }

  private record(spec: RecordSpec, scope: Scope): void {
    const segments = segmentsOf(spec.path);
    const before = (valueAt(scope.old, segments) ?? {}) as Record<string, unknown>;
    const after = (valueAt(scope.new, segments) ?? {}) as Record<string, unknown>;
    for (const key of [...new Set([...Object.keys(after), ...Object.keys(before)])].sort()) {
      const path = [...scope.newPath, ...segments, key];
      this.value(
        scope,
        [...scope.oldPath, ...segments, key],
        path,
        before[key] ?? spec.absent,
        after[key] ?? spec.absent,
        spec.label(key),
        spec.format,
        spec.format,
      );
    }
  }

  private list(spec: ListSpec<never>, scope: Scope): void {
    const segments = segmentsOf(spec.path);
    const items = (holder: unknown) => (valueAt(holder, segments) ?? []) as never[];
    const oldBase = [...scope.oldPath, ...segments];
    const newBase = [...scope.newPath, ...segments];
    // A list of plain values is matched by value: a text in two languages by both (a changed translation replaces the item).
    const keyOf = (item: never): string =>
      spec.key !== undefined ? String((item as Record<string, unknown>)[spec.key]) : typeof item === 'string' ? item : canonicalJson(item);
    const sentence = (kind: ChangeKind, params: Record<string, LabelParam>) => ref(`compare.items.${spec.entity}.${kind}`, params);
    const whole = (kind: ChangeKind, path: DraftPath, oldPath: DraftPath | null, label: LabelRef, before: unknown, after: unknown, format: ValueFormat) =>
      this.changes.push({ step: scope.step, kind, path, oldPath, entity: spec.entity, label, old: before, new: after, oldFormat: format, newFormat: format });

    for (const aligned of alignByKey(items(scope.old), items(scope.new), keyOf)) {
      if (aligned.new === null) {
        const { item, index } = aligned.old!;
        whole('removed', [...oldBase, index], null, sentence('removed', spec.describe(item, 'old', scope)), item, null, ITEM);
        continue;
      }
      const { item, index } = aligned.new;
      const newPath = [...newBase, index];
      if (aligned.old === null) {
        whole('added', newPath, null, sentence('added', spec.describe(item, 'new', scope)), null, item, ITEM);
        continue;
      }
      const oldPath = [...oldBase, aligned.old.index];
      if (aligned.moved && spec.key !== undefined) {
        const from = aligned.old.index + 1;
        const to = index + 1;
        whole('moved', newPath, oldPath, sentence('moved', { ...spec.describe(item, 'new', scope), from, to }), from, to, NUMBER);
      }
      if (!spec.fields) continue;
      const before = aligned.old.item;
      this.walk(spec.fields, {
        ...scope,
        old: before,
        new: item,
        oldPath,
        newPath,
        item: spec.name ? spec.name(before, item, scope.names) : null,
      });
    }
  }
}

/** Every change from `before` to `after`, grouped by step in step order. */
export function diffDrafts(before: SlaDraft, after: SlaDraft): FieldChange[] {
  const names = new DraftNames({ old: before, new: after });
  const diff = new DraftDiff();
  for (const section of DRAFT_DIFF) {
    // Each section emits only its own step's changes, in the order of the wizard's fields.
    const root: Scope = { names, step: section.step, old: before, new: after, oldPath: [], newPath: [], item: null };
    diff.walk(section.fields, enter(root, section.path, null));
  }
  return diff.changes;
}

/**
 * The draft paths the diff compares, dotted, with `[]` for the items of a
 * list (a list matched by a field counts that field) and `*` for the keys
 * of a map: what fields-coverage.test.ts holds against the schema.
 */
export function diffedDraftPaths(): string[] {
  const paths: string[] = [];
  const join = (base: string, path: string) => (base === '' ? path : path === '' ? base : `${base}.${path}`);
  const visit = (specs: readonly Spec[], base: string) => {
    for (const spec of specs) {
      const path = join(base, spec.path);
      if (spec.kind === 'field') paths.push(path);
      else if (spec.kind === 'group') visit(spec.fields, path);
      else if (spec.kind === 'record') paths.push(`${path}.*`);
      else {
        if (spec.key === undefined) paths.push(`${path}[]`);
        else paths.push(`${path}[].${spec.key}`);
        visit(spec.fields ?? [], `${path}[]`);
      }
    }
  };
  for (const section of DRAFT_DIFF) visit(section.fields, section.path);
  return paths;
}

export type ChangeCounts = Record<ChangeKind, number> & { total: number };

export interface StepSummary extends ChangeCounts {
  step: StepId;
}

/** How many changes of each kind each step has, for all six steps in order (zero counts included). */
export function diffSummary(changes: readonly FieldChange[]): StepSummary[] {
  return STEP_IDS.map((step) => {
    const summary: StepSummary = { step, added: 0, removed: 0, changed: 0, moved: 0, total: 0 };
    for (const change of changes) {
      if (change.step !== step) continue;
      summary[change.kind]++;
      summary.total++;
    }
    return summary;
  });
}

export interface StepChanges {
  step: StepId;
  changes: FieldChange[];
}

/** The changes under their step, in step order; steps without changes are left out. */
export function groupChangesByStep(changes: readonly FieldChange[]): StepChanges[] {
  return STEP_IDS.map((step) => ({ step, changes: changes.filter((change) => change.step === step) })).filter((group) => group.changes.length > 0);
}
