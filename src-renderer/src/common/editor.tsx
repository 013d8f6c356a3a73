/**
 * What the step forms use to read and change the working copy. The context
 * holds only stable things (the store, the edit functions, the registry,
 * the language); values and problems are read through subscriptions, so a
 * change re-renders only what shows it.
 */
import { createContext, useContext, useLayoutEffect, useSyncExternalStore } from 'react';
import type { Locale } from '../../../src-shared/i18n';
import type { Problem, ProblemPath, SlaDraft } from '../../../src-shared/model';
import { fieldId, fieldKey, getIn } from './draftPath';
import type { DraftStore } from './draftStore';
import { isBlank, type FieldRegistry } from './problemRegistry';

/** Where a problem is fixed: its wizard step and its field. */
export type ProblemTarget = Pick<Problem, 'step' | 'path'>;

export interface DraftEditor {
  store: DraftStore;
  locale: Locale;
  update: (path: ProblemPath, value: unknown) => void;
  /** Replace the value at `path` with a function of its current value (lists, related fields). */
  edit: <T>(path: ProblemPath, change: (current: T) => T) => void;
  registry: FieldRegistry;
  /** Go to the field of a problem: its step, the panels that hide it expanded, the focus in it. */
  goToProblem: (target: ProblemTarget) => void;
  /** The draft is signed: its fields show their values as text, not as controls. */
  readOnly: boolean;
  /** The draft edited, for requests about it (translations written before); absent outside the wizard. */
  draftId?: string;
}

export const DraftEditorContext = createContext<DraftEditor | null>(null);

export function useDraftEditor(): DraftEditor {
  const editor = useContext(DraftEditorContext);
  if (!editor) throw new Error('useDraftEditor outside the wizard');
  return editor;
}

/** Whether the fields show their values as text (a signed draft); false outside the wizard. */
export function useReadOnly(): boolean {
  return useContext(DraftEditorContext)?.readOnly ?? false;
}

/**
 * The value at `path` of the working copy — the draft's shape, but a number
 * the user cleared is null until retyped. Re-renders only when that value
 * (by identity) changes.
 */
export function useDraftValue<T>(path: ProblemPath): T {
  const { store } = useDraftEditor();
  return useSyncExternalStore(store.subscribe, () => getIn(store.getDraft(), path) as T);
}

export function useDraftSection<K extends keyof SlaDraft>(section: K): SlaDraft[K] {
  return useDraftValue<SlaDraft[K]>([section]);
}

/** Every problem of the draft (step states, alerts); the same array while nothing changes. */
export function useProblems(): Problem[] {
  const { store } = useDraftEditor();
  return useSyncExternalStore(store.subscribe, store.getProblems);
}

export interface FieldState<T> {
  id: string;
  value: T | null | undefined;
  problems: Problem[];
  onChange: (value: T | null | undefined) => void;
}

const NO_PROBLEMS: Problem[] = [];

/**
 * Whether the field at `key` shows its problems: always, unless its value
 * is blank and the user has neither edited it nor asked to see the
 * problems (problemRegistry.ts) — a new draft does not open on "Required.".
 */
function useShowsProblems(key: string, value: unknown): boolean {
  const { registry } = useDraftEditor();
  const revealed = useSyncExternalStore(registry.subscribeAttention, () => registry.reveals(key));
  return revealed || !isBlank(value);
}

/**
 * One control's view of the draft: its value, its problems and its id. The
 * field claims its path in the registry while mounted; `withItems` also
 * claims the problems of the list's entries (a tag list, a multi-select).
 */
export function useField<T>(path: ProblemPath, options: { withItems?: boolean } = {}): FieldState<T> {
  const { store, registry, update } = useDraftEditor();
  const key = fieldKey(path);
  const withItems = options.withItems ?? false;
  useLayoutEffect(() => registry.register(key, withItems), [registry, key, withItems]);
  const value = useSyncExternalStore(store.subscribe, () => getIn(store.getDraft(), path) as T | null | undefined);
  const problems = useSyncExternalStore(store.subscribe, () => (withItems ? store.problemsUnder(key) : store.problemsAt(key)));
  const shown = useShowsProblems(key, value);
  return { id: fieldId(path), value, problems: shown ? problems : NO_PROBLEMS, onChange: (next) => update(path, next) };
}

/** A slot for problems about a whole list or group (e.g. "add at least one service"). */
export function useListProblems(path: ProblemPath): Problem[] {
  const { store, registry } = useDraftEditor();
  const key = fieldKey(path);
  useLayoutEffect(() => registry.register(key, false), [registry, key]);
  const value = useSyncExternalStore(store.subscribe, () => getIn(store.getDraft(), path));
  const problems = useSyncExternalStore(store.subscribe, () => store.problemsAt(key));
  return useShowsProblems(key, value) ? problems : NO_PROBLEMS;
}
