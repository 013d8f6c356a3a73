/**
 * The two sides of a comparison and what the view needs around them: the
 * draft's title, its versions (for the side pickers), each side's content
 * as a draft, and each side's template (for the contract text and the
 * playbook). A side is a saved version (versions.get) or the working copy
 * (drafts.get), which may still be being edited and is read the way the
 * wizard reads it.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ApiError, VersionSummary } from '../../../src-shared/api';
import type { Template } from '../../../src-shared/contract/template-types';
import type { SlaDraft } from '../../../src-shared/model';
import { WORKING_COPY, type CompareSide } from '../common/route';
import { call } from '../common/client';
import { toWorkingCopy } from '../common/workingCopy';

export interface LoadedSide {
  side: CompareSide;
  draft: SlaDraft;
  /** The saved version; null for the working copy. */
  version: VersionSummary | null;
}

export type CompareData =
  | { state: 'loading' }
  | { state: 'failed'; error: ApiError }
  | {
      state: 'ready';
      title: string;
      versions: VersionSummary[];
      /** The signed version an amendment draft amends (of another draft), offered as a side; null for an original agreement. */
      amended: VersionSummary | null;
      old: LoadedSide;
      new: LoadedSide;
    };

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

async function loadSide(side: CompareSide, working: Record<string, unknown>, versions: VersionSummary[]): Promise<LoadedSide | ApiError> {
  if (side === WORKING_COPY) return { side, draft: toWorkingCopy(working, today()), version: null };
  const result = await call('versions.get', { id: side });
  if (!result.ok) return result.error;
  const { content, ...summary } = result.value;
  return { side, draft: toWorkingCopy(content, today()), version: versions.find((version) => version.id === side) ?? summary };
}

export function useCompareData(draftId: string, oldSide: CompareSide, newSide: CompareSide): CompareData {
  const [data, setData] = useState<{ key: string; value: CompareData } | null>(null);
  const key = `${draftId}/${oldSide}/${newSide}`;

  useEffect(() => {
    let cancelled = false;
    const settle = (value: CompareData) => {
      if (!cancelled) setData({ key, value });
    };
    void (async () => {
      const [record, versions] = await Promise.all([call('drafts.get', { id: draftId }), call('versions.list', { draftId })]);
      if (!record.ok) return settle({ state: 'failed', error: record.error });
      if (!versions.ok) return settle({ state: 'failed', error: versions.error });
      const amendsVersionId = record.value.amendsVersionId;
      const [before, after, amended] = await Promise.all([
        loadSide(oldSide, record.value.content, versions.value),
        loadSide(newSide, record.value.content, versions.value),
        amendsVersionId ? call('versions.get', { id: amendsVersionId }) : null,
      ]);
      if ('code' in before) return settle({ state: 'failed', error: before });
      if ('code' in after) return settle({ state: 'failed', error: after });
      const amendedSummary = amended?.ok ? (({ content: _content, ...summary }) => summary)(amended.value) : null;
      settle({ state: 'ready', title: record.value.title, versions: versions.value, amended: amendedSummary, old: before, new: after });
    })();
    return () => {
      cancelled = true;
    };
  }, [key, draftId, oldSide, newSide]);

  return data?.key === key ? data.value : { state: 'loading' };
}

export type TemplateLoad = { state: 'loading' } | { state: 'ready'; template: Template } | { state: 'failed'; id: string };

export const LOADING_TEMPLATE: TemplateLoad = { state: 'loading' };

/** The templates the two sides name (usually one), by id. */
export function useTemplates(ids: readonly string[]): Map<string, TemplateLoad> {
  const wanted = [...new Set(ids)].sort().join('\n');
  const [loaded, setLoaded] = useState<{ wanted: string; templates: Map<string, TemplateLoad> } | null>(null);

  useEffect(() => {
    let cancelled = false;
    const list = wanted === '' ? [] : wanted.split('\n');
    void Promise.all(
      list.map(async (id): Promise<[string, TemplateLoad]> => {
        const result = await call('clauseLibrary.get', { id });
        return [id, result.ok ? { state: 'ready', template: result.value.template } : { state: 'failed', id }];
      }),
    ).then((entries) => {
      if (!cancelled) setLoaded({ wanted, templates: new Map(entries) });
    });
    return () => {
      cancelled = true;
    };
  }, [wanted]);

  const loading = useMemo(() => new Map<string, TemplateLoad>(wanted.split('\n').map((id) => [id, LOADING_TEMPLATE])), [wanted]);
  return loaded?.wanted === wanted ? loaded.templates : loading;
}
