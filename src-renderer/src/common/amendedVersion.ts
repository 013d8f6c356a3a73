/**
 * The signed version an amendment draft amends (DraftRecord.amendsVersionId),
 * read once per draft: the wizard's banner names it and links to it, the
 * timeline and the compare view offer it as the side to compare against,
 * and the export dialog names it when it offers the amendment instrument.
 */
import { useEffect, useState } from 'react';
import type { VersionRecord } from '../../../src-shared/api';
import { asLocalizedText, displayText, type TextLanguage } from '../../../src-shared/model/localized';
import { call } from './client';

export type AmendedVersion = { state: 'none' } | { state: 'loading' } | { state: 'failed' } | { state: 'ready'; version: VersionRecord };

/** The signed version `amendsVersionId` names; `none` for a draft that amends nothing. */
export function useAmendedVersion(amendsVersionId: string | null | undefined): AmendedVersion {
  const [loaded, setLoaded] = useState<{ id: string; value: AmendedVersion } | null>(null);
  useEffect(() => {
    if (!amendsVersionId) return;
    let cancelled = false;
    void call('versions.get', { id: amendsVersionId }).then((result) => {
      if (!cancelled) setLoaded({ id: amendsVersionId, value: result.ok ? { state: 'ready', version: result.value } : { state: 'failed' } });
    });
    return () => {
      cancelled = true;
    };
  }, [amendsVersionId]);
  if (!amendsVersionId) return { state: 'none' };
  return loaded?.id === amendsVersionId ? loaded.value : { state: 'loading' };
}

/** The title the signed version carries, as its content has it, in the reader's language (or the other when it has none). */
export function signedTitle(version: VersionRecord, language: TextLanguage): string {
  return displayText(asLocalizedText((version.content as { title?: unknown }).title), language);
}
