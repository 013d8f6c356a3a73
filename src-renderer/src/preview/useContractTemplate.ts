/**
 * The clause library template a draft names, fetched once per id for the
 * whole session (clauseLibrary.get returns it parsed and compiled): the preview
 * assembles from it on every keystroke without asking main again.
 */
import { useEffect, useState } from 'react';
import type { ApiError } from '../../../src-shared/api';
import type { Template } from '../../../src-shared/contract/template-types';
import { call } from '../common/client';

export type TemplateLoad = { state: 'loading' } | { state: 'ready'; template: Template } | { state: 'failed'; error: ApiError };

const loads = new Map<string, Promise<TemplateLoad>>();

function loadTemplate(id: string): Promise<TemplateLoad> {
  let load = loads.get(id);
  if (!load) {
    load = call('clauseLibrary.get', { id }).then((result): TemplateLoad => {
      // A failure is not kept: the template folder may be fixed while the app runs.
      if (!result.ok) {
        loads.delete(id);
        return { state: 'failed', error: result.error };
      }
      return { state: 'ready', template: result.value.template };
    });
    loads.set(id, load);
  }
  return load;
}

export function useContractTemplate(id: string): TemplateLoad {
  const [loaded, setLoaded] = useState<{ id: string; load: TemplateLoad } | null>(null);
  useEffect(() => {
    let cancelled = false;
    void loadTemplate(id).then((load) => {
      if (!cancelled) setLoaded({ id, load });
    });
    return () => {
      cancelled = true;
    };
  }, [id]);
  return loaded !== null && loaded.id === id ? loaded.load : { state: 'loading' };
}
