import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../../src-shared/api';
import { DraftAutosaver, flushAllDrafts, type DraftContent, type SaveState } from './autosave';

type SaveResult = ApiResult<{ revision: number; updatedAt: string }>;

/** A stand-in for drafts.save whose answers the test releases one by one. */
function controlledSave() {
  const calls: { content: DraftContent; baseRevision: number; answer: (result: SaveResult) => void }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const save = (content: DraftContent, baseRevision: number) =>
    new Promise<SaveResult>((resolve) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      calls.push({
        content,
        baseRevision,
        answer: (result) => {
          inFlight--;
          resolve(result);
        },
      });
    });
  const ok = (revision: number): SaveResult => ({ ok: true, value: { revision, updatedAt: '2026-01-01T00:00:00Z' } });
  return { save, calls, ok, maxInFlight: () => maxInFlight };
}

describe('DraftAutosaver', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves once after a pause in typing, with the newest content and the revision it was based on', async () => {
    const backend = controlledSave();
    const saver = new DraftAutosaver({ save: backend.save, revision: 4, delayMs: 600 });
    const states: SaveState['status'][] = [];
    saver.subscribe((state) => states.push(state.status));

    saver.change({ title: 'A' });
    await vi.advanceTimersByTimeAsync(300);
    saver.change({ title: 'AB' });
    await vi.advanceTimersByTimeAsync(599);
    expect(backend.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(backend.calls).toHaveLength(1);
    expect(backend.calls[0]).toMatchObject({ content: { title: 'AB' }, baseRevision: 4 });

    backend.calls[0]!.answer(backend.ok(5));
    await saver.flush();
    expect(saver.current.status).toBe('saved');
    expect(saver.currentRevision).toBe(5);
    expect(states).toEqual(['pending', 'pending', 'saving', 'saved']);
    await saver.dispose();
  });

  it('never has two saves in flight: a change during a save is sent after it, on the new revision', async () => {
    const backend = controlledSave();
    const saver = new DraftAutosaver({ save: backend.save, revision: 1, delayMs: 600 });

    saver.change({ title: 'first' });
    await vi.advanceTimersByTimeAsync(600);
    expect(backend.calls).toHaveLength(1);

    saver.change({ title: 'second' });
    await vi.advanceTimersByTimeAsync(600);
    expect(backend.calls).toHaveLength(1);
    expect(saver.current.status).toBe('saving');

    backend.calls[0]!.answer(backend.ok(2));
    await vi.advanceTimersByTimeAsync(0);
    expect(backend.calls).toHaveLength(2);
    expect(backend.calls[1]).toMatchObject({ content: { title: 'second' }, baseRevision: 2 });
    backend.calls[1]!.answer(backend.ok(3));
    await saver.flush();
    expect(backend.maxInFlight()).toBe(1);
    expect(saver.current.status).toBe('saved');
    await saver.dispose();
  });

  it('keeps the content after a failed save and sends it again on retry', async () => {
    const backend = controlledSave();
    const saver = new DraftAutosaver({ save: backend.save, revision: 7, delayMs: 600 });
    saver.change({ title: 'kept' });
    const flushed = saver.flush();
    backend.calls[0]!.answer({ ok: false, error: { code: 'internal', key: 'errors.internal' } });
    await flushed;
    expect(saver.current).toEqual({ status: 'failed', error: { code: 'internal', key: 'errors.internal' } });

    const retried = saver.flush();
    expect(backend.calls).toHaveLength(2);
    expect(backend.calls[1]).toMatchObject({ content: { title: 'kept' }, baseRevision: 7 });
    backend.calls[1]!.answer(backend.ok(8));
    await retried;
    expect(saver.current.status).toBe('saved');
    await saver.dispose();
  });

  it('after a conflict, saves the screen version over the stored revision once rebased', async () => {
    const backend = controlledSave();
    const saver = new DraftAutosaver({ save: backend.save, revision: 2, delayMs: 600 });
    saver.change({ title: 'mine' });
    const first = saver.flush();
    backend.calls[0]!.answer({ ok: false, error: { code: 'conflict', key: 'errors.conflict', params: { revision: 5 } } });
    await first;

    saver.rebase(5);
    const second = saver.flush();
    expect(backend.calls[1]).toMatchObject({ content: { title: 'mine' }, baseRevision: 5 });
    backend.calls[1]!.answer(backend.ok(6));
    await second;
    expect(saver.currentRevision).toBe(6);
    await saver.dispose();
  });

  it('flushAllDrafts saves pending changes at once, without waiting for the pause', async () => {
    const backend = controlledSave();
    const saver = new DraftAutosaver({ save: backend.save, revision: 0, delayMs: 600 });
    saver.change({ title: 'unsaved' });
    const flushed = flushAllDrafts();
    expect(backend.calls).toHaveLength(1);
    backend.calls[0]!.answer(backend.ok(1));
    await flushed;
    expect(saver.current.status).toBe('saved');
    await saver.dispose();
  });
});
