import { describe, expect, it } from 'vitest';
import { namedBlankDraft } from '../../../src-shared/contract/fixtures';
import type { SlaDraft } from '../../../src-shared/model';
import { setIn } from './draftPath';
import { COALESCE_MS, EditHistory } from './editHistory';

/** A user typing: each edit builds on the draft of the moment, as the wizard's commit does. */
function typist(history: EditHistory, start: SlaDraft) {
  let draft = start;
  let now = 0;
  return {
    type(path: (string | number)[], value: unknown, after = 100) {
      now += after;
      const next = setIn(draft, path, value);
      history.record(draft, next, path, now);
      draft = next;
    },
    set(next: SlaDraft) {
      draft = next;
    },
    get draft() {
      return draft;
    },
  };
}

/** The English box of the title, where a user of an English draft types it. */
const TITLE = ['title', 'en'];

describe('EditHistory', () => {
  it('undoes and redoes changes across steps, newest first, each to the draft before it', () => {
    const history = new EditHistory();
    const start = namedBlankDraft();
    const user = typist(history, start);
    user.type(TITLE, 'Acme SLA');
    user.type(['compensation', 'capPercent'], 30, 5_000);
    const afterBoth = user.draft;

    const first = history.undo()!;
    expect(first.path).toEqual(['compensation', 'capPercent']);
    expect(first.draft.compensation.capPercent).toBe(start.compensation.capPercent);
    expect(first.draft.title.en).toBe('Acme SLA');
    const second = history.undo()!;
    expect(second.draft).toBe(start);
    expect(history.canUndo).toBe(false);
    expect(history.undo()).toBeNull();

    expect(history.redo()!.draft.title.en).toBe('Acme SLA');
    expect(history.redo()!.draft).toBe(afterBoth);
    expect(history.canRedo).toBe(false);
  });

  it('takes keystrokes into one field in quick succession as one change, and a pause or another field as the next', () => {
    const history = new EditHistory();
    const start = namedBlankDraft();
    const user = typist(history, start);
    for (const text of ['A', 'Ac', 'Acm', 'Acme']) user.type(TITLE, text);
    user.type(TITLE, 'Acme SLA', COALESCE_MS + 1);
    user.type(['effectiveDate'], '2027-01-01');
    expect(history.undo()!.draft.title.en).toBe('Acme SLA');
    expect(history.undo()!.draft.title.en).toBe('Acme');
    expect(history.undo()!.draft).toBe(start);
  });

  it('takes typing into the Chinese box of a text after its English box as a change of its own', () => {
    const history = new EditHistory();
    const user = typist(history, namedBlankDraft());
    user.type(TITLE, 'Acme SLA');
    user.type(['title', 'zh-CN'], 'Acme 服务水平协议');
    const undone = history.undo()!;
    expect(undone.path).toEqual(['title', 'zh-CN']);
    expect(undone.draft.title).toEqual({ en: 'Acme SLA', 'zh-CN': '' });
  });

  it('forgets what could be redone once the user edits again', () => {
    const history = new EditHistory();
    const user = typist(history, namedBlankDraft());
    user.type(TITLE, 'One');
    user.type(TITLE, 'Two', 5_000);
    user.set(history.undo()!.draft);
    user.type(['effectiveDate'], '2027-02-01');
    expect(history.canRedo).toBe(false);
    expect(history.undo()!.draft.title.en).toBe('One');
  });

  it('keeps at least the last 100 changes and drops the oldest beyond its limit', () => {
    const history = new EditHistory(150);
    const user = typist(history, namedBlankDraft());
    for (let i = 0; i < 160; i++) user.type(TITLE, `Title ${i}`, 5_000);
    let undone = 0;
    let last = '';
    for (let entry = history.undo(); entry; entry = history.undo()) {
      undone++;
      last = entry.draft.title.en;
    }
    expect(undone).toBe(150);
    expect(last).toBe('Title 9');
  });

  it('tells subscribers when what can be undone changes', () => {
    const history = new EditHistory();
    const user = typist(history, namedBlankDraft());
    let calls = 0;
    const stop = history.subscribe(() => calls++);
    user.type(TITLE, 'X');
    history.undo();
    history.redo();
    stop();
    user.type(TITLE, 'Y', 5_000);
    expect(calls).toBe(3);
  });
});
