/**
 * Autosave of a draft's working copy: changes are saved after a short pause
 * in typing, saves are chained (never two in flight, each names the revision
 * it was based on), and a failed save keeps the content so that "retry" or
 * the next change sends it again. Content with problems is saved too: it is
 * the user's work, and validation is only advice until export.
 */
import type { ApiError, ApiResult } from '../../../src-shared/api';

export type DraftContent = Record<string, unknown>;

export type SaveState = { status: 'saved' } | { status: 'pending' } | { status: 'saving' } | { status: 'failed'; error: ApiError };

export type SaveDraft = (content: DraftContent, baseRevision: number) => Promise<ApiResult<{ revision: number; updatedAt: string }>>;

export interface AutosaverOptions {
  save: SaveDraft;
  revision: number;
  /** Pause after the last change before saving; long enough to cover a burst of typing. */
  delayMs?: number;
}

export const AUTOSAVE_DELAY_MS = 600;

/** Every autosaver alive, so that leaving a screen or exporting can wait until all work is stored. */
const liveAutosavers = new Set<DraftAutosaver>();

export class DraftAutosaver {
  private readonly save: SaveDraft;
  private readonly delayMs: number;
  private revision: number;
  /** Content not yet sent; null when everything changed has been handed to a save. */
  private unsent: DraftContent | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private draining: Promise<void> | null = null;
  private state: SaveState = { status: 'saved' };
  private readonly listeners = new Set<(state: SaveState) => void>();

  constructor(options: AutosaverOptions) {
    this.save = options.save;
    this.revision = options.revision;
    this.delayMs = options.delayMs ?? AUTOSAVE_DELAY_MS;
    liveAutosavers.add(this);
  }

  get current(): SaveState {
    return this.state;
  }

  get currentRevision(): number {
    return this.revision;
  }

  /** An arrow property, so it can be handed to useSyncExternalStore unbound. */
  subscribe = (listener: (state: SaveState) => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** The working copy changed: save it once the user pauses. */
  change(content: DraftContent): void {
    this.unsent = content;
    if (!this.draining) this.setState({ status: 'pending' });
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.delayMs);
  }

  /** Save now whatever is unsent; resolves when nothing is left to save (or a save failed). */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (!this.draining) {
      this.draining = this.drain().finally(() => {
        this.draining = null;
      });
    }
    return this.draining;
  }

  /**
   * After a conflict (the draft was saved elsewhere), base the next save on
   * the stored revision: the user chose to keep the version on their screen.
   */
  rebase(revision: number): void {
    this.revision = revision;
  }

  /** Flush and stop: the screen that owned this draft is going away. */
  async dispose(): Promise<void> {
    try {
      await this.flush();
    } finally {
      liveAutosavers.delete(this);
      this.listeners.clear();
    }
  }

  private async drain(): Promise<void> {
    while (this.unsent !== null) {
      const content = this.unsent;
      this.unsent = null;
      this.setState({ status: 'saving' });
      const result = await this.save(content, this.revision);
      if (!result.ok) {
        // Keep the newest content for the retry; a later change may already have replaced it.
        this.unsent ??= content;
        this.setState({ status: 'failed', error: result.error });
        return;
      }
      this.revision = result.value.revision;
    }
    this.setState({ status: 'saved' });
  }

  private setState(state: SaveState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}

/** Resolves once every open draft has saved what it had (used before listing or exporting). */
export async function flushAllDrafts(): Promise<void> {
  await Promise.all([...liveAutosavers].map((saver) => saver.flush()));
}
