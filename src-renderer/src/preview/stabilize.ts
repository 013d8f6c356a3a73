/**
 * Structural sharing between two assemblies of the same contract. Assembly
 * builds a fresh tree on every keystroke; handing React the previous
 * clause object wherever a clause came out the same lets the memoised clause
 * components skip it, so typing into one field re-renders the one or two
 * clauses that show it instead of forty.
 */
import type { Clause, ContractDoc, CoverBlock } from '../../../src-shared/contract/doc';

/** Equality of plain JSON-like values (what a ContractDoc is made of). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  for (const key of keys) if (!Object.hasOwn(right, key) || !sameValue(left[key], right[key])) return false;
  return true;
}

/**
 * `next`, with every top-level clause (and the cover) that equals its
 * counterpart in `previous` replaced by that counterpart. Clauses are
 * matched by id, so a clause that moved (a service added above it) is still
 * recognised.
 */
export function stabilize(previous: ContractDoc | null, next: ContractDoc): ContractDoc {
  if (!previous) return next;
  const before = new Map<string, Clause>();
  for (const clause of previous.clauses) before.set(clause.id, clause);
  const clauses = next.clauses.map((clause) => {
    const old = before.get(clause.id);
    return old && sameValue(old, clause) ? old : clause;
  });
  const cover: CoverBlock = sameValue(previous.cover, next.cover) ? previous.cover : next.cover;
  const unchanged =
    clauses.length === previous.clauses.length &&
    clauses.every((clause, i) => clause === previous.clauses[i]) &&
    cover === previous.cover &&
    sameValue(previous.meta, next.meta) &&
    sameValue(previous.labels, next.labels);
  return unchanged ? previous : { ...next, cover, clauses };
}
