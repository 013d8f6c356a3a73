/**
 * Which problems have a field of their own, and which panels of the step
 * are collapsed. Each field registers the key of its path while it is on
 * screen; every problem of a step is also listed at the top of the step, so
 * no problem is ever invisible — even one about a part of the draft the
 * wizard has no control for (an unknown field in an imported file, a
 * duplicate id), or one inside a collapsed service or metric. A panel that
 * can be collapsed keeps its state here under a key of its own, so that
 * going to a problem can expand the panels that hide its field.
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

  getVersion = (): number => this.version;

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
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
