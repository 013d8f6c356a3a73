/**
 * Undo and redo of the wizard's edits to one draft: every change the user
 * makes to the working copy, across steps, kept as the draft before it
 * (drafts are immutable values, so a snapshot costs one reference).
 * Keystrokes into the same field in quick succession are one change, as
 * in Word, so Ctrl+Z takes back a typed word or value, not one letter.
 */
import type { ProblemPath, SlaDraft } from '../../../src-shared/model';
import { fieldKey } from './draftPath';

/** How many changes can be undone. */
export const HISTORY_LIMIT = 200;
/** Edits of one field closer together than this (ms) are one change. */
export const COALESCE_MS = 1_000;

export interface HistoryEntry {
  /** The draft on the other side of the change. */
  draft: SlaDraft;
  /** The field the change was made at, so undo can show it. */
  path: ProblemPath;
}

interface Change {
  before: SlaDraft;
  after: SlaDraft;
  path: ProblemPath;
  key: string;
  at: number;
}

export class EditHistory {
  private past: Change[] = [];
  private future: Change[] = [];
  private readonly listeners = new Set<() => void>();
  private version = 0;

  constructor(private readonly limit = HISTORY_LIMIT) {}

  /** A change made by the user: `before` → `after` at `path`, at time `at` (ms). */
  record(before: SlaDraft, after: SlaDraft, path: ProblemPath, at: number): void {
    if (before === after) return;
    const key = fieldKey(path);
    const last = this.past.at(-1);
    if (last && last.key === key && last.after === before && at - last.at < COALESCE_MS) {
      last.after = after;
      last.at = at;
    } else {
      this.past.push({ before, after, path, key, at });
      if (this.past.length > this.limit) this.past.shift();
    }
    this.future = [];
    this.changed();
  }

  /** The draft before the last change, or null when there is nothing to undo. */
  undo(): HistoryEntry | null {
    const change = this.past.pop();
    if (!change) return null;
    this.future.push(change);
    this.changed();
    return { draft: change.before, path: change.path };
  }

  /** The draft after the last undone change, or null when there is nothing to redo. */
  redo(): HistoryEntry | null {
    const change = this.future.pop();
    if (!change) return null;
    this.past.push(change);
    this.changed();
    return { draft: change.after, path: change.path };
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Changes whenever what can be undone or redone changes (for useSyncExternalStore). */
  getVersion = (): number => this.version;

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
