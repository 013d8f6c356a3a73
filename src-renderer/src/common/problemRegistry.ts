/**
 * Which problems have a field of their own, and which panels of the step
 * are collapsed. Each field registers the key of its path while it is on
 * screen; every problem of a step is also listed at the top of the step, so
 * no problem is ever invisible — even one about a part of the draft the
 * wizard has no control for (an unknown field in an imported file, a
 * duplicate id), or one inside a collapsed service or metric. A panel that
 * can be collapsed keeps its state here under a key of its own, so that
 * going to a problem can expand the panels that hide its field.
 *
 * It also knows which fields the user has edited. A field still blank
 * that nobody has touched is not yet a mistake: its "Required." waits
 * until the user edits the field, asks to see the problems (the step's
 * list, a "Go to …", a refused "Save version"), and until then the step's
 * list only counts it.
 */
import type { Problem } from '../../../src-shared/model';
import { fieldKey } from './draftPath';

export function isUnder(problemKey: string, fieldPrefix: string): boolean {
  return problemKey === fieldPrefix || problemKey.startsWith(`${fieldPrefix}.`) || problemKey.startsWith(`${fieldPrefix}[`);
}

export class FieldRegistry {
  /** Field keys on screen, counted: the same key may briefly be registered twice while a list re-renders. */
  private readonly exact = new Map<string, number>();
  /** Fields that also show the problems of their items (tags, multi-selects). */
  private readonly prefixes = new Map<string, number>();
  /** Keys of the panels the user collapsed. */
  private readonly collapsed = new Set<string>();
  private version = 0;
  private readonly listeners = new Set<() => void>();
  /** Keys of the fields the user has edited. */
  private readonly touched = new Set<string>();
  /** Every problem shown, blank fields included. */
  private allRevealed = false;
  private attention = 0;
  private readonly attentionListeners = new Set<() => void>();

  register(key: string, withItems: boolean): () => void {
    const map = withItems ? this.prefixes : this.exact;
    map.set(key, (map.get(key) ?? 0) + 1);
    this.changed();
    return () => {
      const count = (map.get(key) ?? 1) - 1;
      if (count <= 0) map.delete(key);
      else map.set(key, count);
      this.changed();
    };
  }

  claims(problem: Problem): boolean {
    const key = fieldKey(problem.path);
    if (this.exact.has(key)) return true;
    for (const prefix of this.prefixes.keys()) {
      if (isUnder(key, prefix)) return true;
    }
    return false;
  }

  isCollapsed = (panel: string): boolean => this.collapsed.has(panel);

  setCollapsed(panel: string, collapsed: boolean): void {
    if (collapsed === this.collapsed.has(panel)) return;
    if (collapsed) this.collapsed.add(panel);
    else this.collapsed.delete(panel);
    this.changed();
  }

  /** Expand the given panels (those that hide a field the user is taken to). */
  expand(panels: readonly string[]): void {
    const hidden = panels.filter((panel) => this.collapsed.has(panel));
    if (hidden.length === 0) return;
    for (const panel of hidden) this.collapsed.delete(panel);
    this.changed();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The user edited the field at `key`: its problems show from now on. */
  touch(key: string): void {
    if (this.touched.has(key)) return;
    this.touched.add(key);
    this.attentionChanged();
  }

  /** The user asked to see the problems: every field shows its own, blank or not. */
  revealAll(): void {
    if (this.allRevealed) return;
    this.allRevealed = true;
    this.attentionChanged();
  }

  /** Whether the field at `key` shows its problems although its value is blank. */
  reveals = (key: string): boolean => this.allRevealed || this.touched.has(key);

  /** Whether a problem is held back: about a blank value of a field nobody has edited yet. */
  holdsBack(problem: Problem, value: unknown): boolean {
    return isBlank(value) && !this.reveals(fieldKey(problem.path));
  }

  /** Told when a field is touched or every problem revealed (not when fields come and go). */
  subscribeAttention = (listener: () => void): (() => void) => {
    this.attentionListeners.add(listener);
    return () => this.attentionListeners.delete(listener);
  };

  /** Changes whenever a field is touched or every problem revealed. */
  getAttention = (): number => this.attention;

  private attentionChanged(): void {
    this.attention++;
    for (const listener of this.attentionListeners) listener();
  }

  getVersion = (): number => this.version;

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}

/** A value not given yet: nothing typed, nothing chosen, an empty list. */
export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  return Array.isArray(value) && value.length === 0;
}

/** Problems indexed by the key of their path, for the fields to look up. */
export function indexProblems(problems: readonly Problem[]): Map<string, Problem[]> {
  const byKey = new Map<string, Problem[]>();
  for (const problem of problems) {
    const key = fieldKey(problem.path);
    const list = byKey.get(key);
    if (list) list.push(problem);
    else byKey.set(key, [problem]);
  }
  return byKey;
}
