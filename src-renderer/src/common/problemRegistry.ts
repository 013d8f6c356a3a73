/**
 * Which problems have a field of their own. Each field registers the key of
 * its path while it is on screen; a problem whose path no field claims is
 * shown in the alert at the top of its step instead, so no problem is ever
 * invisible — even one about a part of the draft the wizard has no control
 * for (an unknown field in an imported file, a duplicate id).
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
