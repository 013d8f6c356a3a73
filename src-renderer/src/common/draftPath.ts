/**
 * Reading and replacing one value deep inside the working copy without
 * mutating it: React sees a new object along the changed path only, and
 * every other section keeps its identity (cheap re-renders, exact diffs).
 */
import type { ProblemPath } from '../../../src-shared/model';

export function getIn(root: unknown, path: readonly (string | number)[]): unknown {
  let value: unknown = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/** A copy of `root` with the value at `path` replaced; `undefined` removes an object key. */
export function setIn<T>(root: T, path: readonly (string | number)[], value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const container: unknown = root;
  if (Array.isArray(container)) {
    const copy = [...container];
    copy[head as number] = setIn(copy[head as number], rest, value);
    return copy as T;
  }
  const record = container !== null && typeof container === 'object' ? (container as Record<string, unknown>) : {};
  const child = setIn(record[head], rest, value);
  const copy: Record<string, unknown> = { ...record };
  if (child === undefined) delete copy[head];
  else copy[head] = child;
  return copy as T;
}

/** The key a field and its problems share: `services[0].metrics[1].name`. */
export function fieldKey(path: Readonly<ProblemPath>): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

/** A DOM id for the control at `path`, stable for as long as the path is. */
export function fieldId(path: Readonly<ProblemPath>): string {
  return `field-${path.join('-')}`;
}

/** Move list item `from` one place up (-1) or down (+1). */
export function moveItem<T>(items: readonly T[], from: number, offset: -1 | 1): T[] {
  const to = from + offset;
  if (to < 0 || to >= items.length) return [...items];
  const copy = [...items];
  const [moved] = copy.splice(from, 1);
  copy.splice(to, 0, moved as T);
  return copy;
}
