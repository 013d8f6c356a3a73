/**
 * Undo and redo in the wizard: Ctrl+Z (⌘Z), Ctrl+Shift+Z or Ctrl+Y
 * (⌘⇧Z), the Edit menu and two buttons in the wizard's header. Taking a
 * change back restores the whole draft as it was before it — the preview
 * follows and the autosave saves it like any edit — and shows where it
 * happened: the step of the changed field, with the focus in the field.
 */
import { RedoOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { stepOfPath, type StepId } from '../../../src-shared/model';
import type { DraftAutosaver } from '../common/autosave';
import { fieldId } from '../common/draftPath';
import type { DraftStore } from '../common/draftStore';
import type { EditHistory } from '../common/editHistory';

/** What the Edit menu sends to the open wizard (Shell.tsx dispatches it on the window). */
export const HISTORY_EVENT = 'sla:history';
export type HistoryCommand = 'undo' | 'redo';

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

interface UndoOptions {
  store: DraftStore;
  saver: DraftAutosaver;
  history: EditHistory;
  locked: boolean;
  step: StepId;
  goTo: (step: StepId) => void;
}

/** The undo and redo of one open draft; returns the function the buttons call. */
export function useUndo({ store, saver, history, locked, step, goTo }: UndoOptions): (command: HistoryCommand) => void {
  const travel = useCallback(
    (command: HistoryCommand) => {
      if (locked) return;
      const entry = command === 'undo' ? history.undo() : history.redo();
      if (!entry) return;
      store.set(entry.draft);
      saver.change(entry.draft as unknown as Record<string, unknown>);
      const target = stepOfPath(entry.path);
      if (target !== step) goTo(target);
      // Once the step shows it, the changed field takes the focus (a removed list entry has no field: the focus stays).
      window.setTimeout(() => document.getElementById(fieldId(entry.path))?.focus(), target !== step ? 50 : 0);
    },
    [store, saver, history, locked, step, goTo],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.isComposing || event.altKey || !(isMac ? event.metaKey : event.ctrlKey)) return;
      const key = event.key.toLowerCase();
      const command: HistoryCommand | null = key === 'z' ? (event.shiftKey ? 'redo' : 'undo') : key === 'y' && !event.shiftKey ? 'redo' : null;
      if (!command) return;
      event.preventDefault();
      travel(command);
    };
    const onMenu = (event: Event) => travel((event as CustomEvent<HistoryCommand>).detail);
    window.addEventListener('keydown', onKey);
    window.addEventListener(HISTORY_EVENT, onMenu);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener(HISTORY_EVENT, onMenu);
    };
  }, [travel]);

  return travel;
}

export function UndoButtons({ history, locked, onCommand }: { history: EditHistory; locked: boolean; onCommand: (command: HistoryCommand) => void }) {
  const { t } = useTranslation();
  useSyncExternalStore(history.subscribe, history.getVersion);
  const undoKeys = isMac ? '⌘Z' : 'Ctrl+Z';
  const redoKeys = isMac ? '⇧⌘Z' : 'Ctrl+Y';
  return (
    <Space.Compact>
      <Tooltip title={t('wizard.history.undoHint', { keys: undoKeys })}>
        <Button
          icon={<UndoOutlined aria-hidden />}
          disabled={locked || !history.canUndo}
          onClick={() => onCommand('undo')}
          aria-keyshortcuts={isMac ? 'Meta+Z' : 'Control+Z'}
        >
          {t('wizard.history.undo')}
        </Button>
      </Tooltip>
      <Tooltip title={t('wizard.history.redoHint', { keys: redoKeys })}>
        <Button
          icon={<RedoOutlined aria-hidden />}
          disabled={locked || !history.canRedo}
          onClick={() => onCommand('redo')}
          aria-keyshortcuts={isMac ? 'Meta+Shift+Z' : 'Control+Y'}
        >
          {t('wizard.history.redo')}
        </Button>
      </Tooltip>
    </Space.Compact>
  );
}
