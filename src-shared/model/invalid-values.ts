/**
 * Values a draft holds that are not values at all: a 120 % availability
 * target, a negative claim window, a level out of its metric's range. Such
 * a value is an error, and only that: the playbook does not judge it, the
 * market reference does not place it, and the live contract shows the
 * blank "[●]" where it would go — the contract never reads as if it were
 * agreed wording.
 *
 * A value missing (a required field left blank) or one that disagrees with
 * another field (a credit tier above the target) is not "invalid" here: it
 * is valid in itself, and its problem says what to change.
 */
import { pathToString, type Problem } from './problems';
import type { SlaDraft } from './schema';
import { validateDraft } from './validate';

/** The problems that say a number is out of its range or not a number of the right kind. */
const INVALID_NUMBER_KEYS = new Set([
  'validation.min',
  'validation.max',
  'validation.greaterThan',
  'validation.lessThan',
  'validation.integer',
  'rules.availabilityRange',
  'rules.percentRange',
]);

export function isInvalidValueProblem(problem: Pick<Problem, 'key'>): boolean {
  return INVALID_NUMBER_KEYS.has(problem.key);
}

/** The paths (as pathToString writes them) of the draft's invalid values; the draft's problems when already at hand. */
export function invalidValuePaths(draft: unknown, problems: readonly Problem[] = validateDraft(draft).problems): Set<string> {
  return new Set(problems.filter(isInvalidValueProblem).map((problem) => pathToString(problem.path)));
}

function blankAt(root: unknown, path: readonly (string | number)[]): unknown {
  if (path.length === 0 || typeof root !== 'object' || root === null) return root;
  const [head, ...rest] = path;
  if (!Object.hasOwn(root, head!)) return root;
  const child = (root as Record<string | number, unknown>)[head!];
  if (rest.length === 0 && typeof child !== 'number') return root;
  const next = rest.length === 0 ? null : blankAt(child, rest);
  if (next === child) return root;
  const copy = (Array.isArray(root) ? [...root] : { ...root }) as Record<string | number, unknown>;
  copy[head!] = next;
  return copy;
}

/**
 * The draft with each invalid number cleared (null, as the wizard keeps a
 * cleared number), so that assembly writes the blank "[●]" for it. The
 * draft itself is not changed; parts without an invalid value keep their
 * identity.
 */
export function withInvalidValuesBlank(draft: SlaDraft, problems: readonly Problem[] = validateDraft(draft).problems): SlaDraft {
  let result: unknown = draft;
  for (const problem of problems) {
    if (isInvalidValueProblem(problem)) result = blankAt(result, problem.path);
  }
  return result as SlaDraft;
}
