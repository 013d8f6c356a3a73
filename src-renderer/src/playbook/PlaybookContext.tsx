/**
 * The playbook of the open draft's template, for every field of the wizard:
 * the provider loads the template's limits (clauseLibrary.get) and keeps a
 * PlaybookStore beside the draft store; a field asks for the notes at its
 * own id. Outside a provider (or before the template has loaded) there are
 * no notes, so every control also works on its own.
 */
import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Finding, Playbook } from '../../../src-shared/playbook';
import { call } from '../common/client';
import { bundledMarketReference } from './marketReference';
import { PlaybookStore, type DraftSource, type FieldNotes } from './playbookStore';

const PlaybookContext = createContext<PlaybookStore | null>(null);

const NO_FINDINGS: Finding[] = [];
const noSubscription = () => () => undefined;

/** The limits of a template, or null when it has none or cannot be loaded (then only market notes show). */
export async function fetchPlaybook(templateId: string): Promise<Playbook | null> {
  const result = await call('clauseLibrary.get', { id: templateId });
  return result.ok ? (result.value.template.playbook ?? null) : null;
}

export function PlaybookProvider({ source, children }: { source: DraftSource; children: ReactNode }) {
  const templateId = useSyncExternalStore(source.subscribe, () => {
    const id = source.getDraft().contract?.templateId;
    return typeof id === 'string' ? id : '';
  });
  const [loaded, setLoaded] = useState<{ templateId: string; playbook: Playbook | null } | null>(null);

  useEffect(() => {
    if (templateId === '') return;
    let cancelled = false;
    void fetchPlaybook(templateId).then((playbook) => {
      if (!cancelled) setLoaded({ templateId, playbook });
    });
    return () => {
      cancelled = true;
    };
  }, [templateId]);

  const playbook = loaded?.templateId === templateId ? loaded.playbook : null;
  const store = useMemo(() => new PlaybookStore(source, playbook, bundledMarketReference()), [source, playbook]);
  return <PlaybookContext.Provider value={store}>{children}</PlaybookContext.Provider>;
}

export function usePlaybookStore(): PlaybookStore | null {
  return useContext(PlaybookContext);
}

/** What to show beside the field with this DOM id: findings and market comparisons, or null. */
export function useFieldNotes(id: string): FieldNotes | null {
  const store = useContext(PlaybookContext);
  return useSyncExternalStore(store?.subscribe ?? noSubscription, () => store?.notesFor(id) ?? null);
}

/** Every finding of the working copy. */
export function usePlaybookFindings(): Finding[] {
  const store = useContext(PlaybookContext);
  return useSyncExternalStore(store?.subscribe ?? noSubscription, () => store?.getFindings() ?? NO_FINDINGS);
}
