/**
 * Application-wide commands that the header, the home screen, the wizard
 * and the application menu all trigger: new draft, import, export.
 */
import { createContext, useContext } from 'react';

export interface AppActions {
  newDraft: () => void;
  importDraft: () => void;
  exportDraft: (draftId: string) => Promise<void>;
}

export const AppActionsContext = createContext<AppActions | null>(null);

export function useAppActions(): AppActions {
  const actions = useContext(AppActionsContext);
  if (!actions) throw new Error('useAppActions outside the application shell');
  return actions;
}
