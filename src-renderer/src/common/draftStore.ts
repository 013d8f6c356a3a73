/**
 * The working copy and its problems, outside React state: each control
 * subscribes to the one value and the problems at its own path, so a
 * keystroke re-renders the control typed into (and whatever shows a value
 * that really changed), not the hundred other controls of a large step.
 * Unchanged values keep their identity, and so do unchanged problem lists.
 */
import { validateDraft, type Problem, type SlaDraft } from '../../../src-shared/model';
import { fieldKey } from './draftPath';
import { indexProblems, isUnder } from './problemRegistry';

function sameProblem(a: Problem, b: Problem): boolean {
  return a.key === b.key && fieldKey(a.path) === fieldKey(b.path) && JSON.stringify(a.params) === JSON.stringify(b.params);
}

export function sameProblems(a: readonly Problem[], b: readonly Problem[]): boolean {
  return a.length === b.length && a.every((problem, index) => sameProblem(problem, b[index]!));
}

const NO_PROBLEMS: Problem[] = [];

export class DraftStore {
  private draft: SlaDraft;
  private problems: Problem[] = NO_PROBLEMS;
  private byKey = new Map<string, Problem[]>();
  private readonly underCache = new Map<string, { source: Problem[]; result: Problem[] }>();
  private readonly listeners = new Set<() => void>();

  constructor(draft: SlaDraft) {
    this.draft = draft;
    this.revalidate();
  }

  getDraft = (): SlaDraft => this.draft;

  getProblems = (): Problem[] => this.problems;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** The problems whose path is exactly `key`. */
  problemsAt(key: string): Problem[] {
    return this.byKey.get(key) ?? NO_PROBLEMS;
  }

  /** The problems at `key` or inside it (a list's entries); the same array while they do not change. */
  problemsUnder(key: string): Problem[] {
    const cached = this.underCache.get(key);
    if (cached?.source === this.problems) return cached.result;
    let result = this.problems.filter((problem) => isUnder(fieldKey(problem.path), key));
    if (result.length === 0) result = NO_PROBLEMS;
    else if (cached && sameProblems(cached.result, result)) result = cached.result;
    this.underCache.set(key, { source: this.problems, result });
    return result;
  }

  set(draft: SlaDraft): void {
    this.draft = draft;
    this.revalidate();
    for (const listener of this.listeners) listener();
  }

  private revalidate(): void {
    const problems = validateDraft(this.draft).problems;
    if (!sameProblems(this.problems, problems)) this.problems = problems.length === 0 ? NO_PROBLEMS : problems;
    const byKey = indexProblems(this.problems);
    for (const [key, list] of byKey) {
      const previous = this.byKey.get(key);
      if (previous && sameProblems(previous, list)) byKey.set(key, previous);
    }
    this.byKey = byKey;
  }
}
