/**
 * The translation memory of the user's own work (src-shared/translation):
 * the texts written in both languages in the other drafts, in every saved
 * version and in the clause library, offered when a text of the draft being
 * edited still lacks its other language. Everything stays in the local
 * database. The draft being edited is left out — its own texts are the ones
 * being translated, and leaving it out keeps the memory the same while the
 * user types (autosave changes only that draft); a saved version never
 * changes, so its pairs are read once.
 */
import type { DraftsRepository, VersionsRepository } from '../db';
import { MAX_DRAFT_LIST } from '../../src-shared/api';
import type { Locale } from '../../src-shared/i18n';
import type { TextLanguage } from '../../src-shared/model/localized';
import {
  createMemory,
  describeScore,
  describeSource,
  pairsFromDraft,
  pairsFromTemplate,
  suggest,
  type TranslationMemory,
  type TranslationPair,
} from '../../src-shared/translation';
import type { ClauseLibrary } from './clause-library';

export interface TranslationSuggestion {
  /** The translation offered. */
  text: string;
  /** The text it translates, as it was written where it comes from. */
  matched: string;
  exact: boolean;
  /** "Exact match" / "92 % match", in the user's language. */
  score: string;
  /** "From draft “…”, version 2 — …", in the user's language. */
  source: string;
}

export interface TranslationsService {
  suggest(request: { draftId: string; text: string; from: TextLanguage }): TranslationSuggestion[];
}

export interface TranslationsDeps {
  drafts: DraftsRepository;
  versions: VersionsRepository;
  clauseLibrary: Pick<ClauseLibrary, 'load'>;
  locale: () => Locale;
  translate: (locale: Locale, key: string, params?: Record<string, string | number>) => string;
}

function parsed(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return null;
  }
}

export function createTranslationsService(deps: TranslationsDeps): TranslationsService {
  const versionPairs = new Map<string, TranslationPair[]>();
  let libraryPairs: TranslationPair[] | null = null;
  let memory: { key: string; value: TranslationMemory } | null = null;

  const library = (): TranslationPair[] => {
    if (libraryPairs === null) {
      const loaded = deps.clauseLibrary.load('standard-saas');
      libraryPairs = loaded.ok ? pairsFromTemplate(loaded.template) : [];
    }
    return libraryPairs;
  };

  /** The memory without `draftId`'s working copy, built again only when another draft or the versions changed. */
  const memoryFor = (draftId: string): TranslationMemory => {
    const others = deps.drafts.list({ query: '', view: 'active', limit: MAX_DRAFT_LIST });
    const key = [
      draftId,
      ...others.map((draft) => `${draft.id}@${draft.id === draftId ? '' : draft.updatedAt}:${deps.versions.listByDraft(draft.id).length}`),
    ].join('|');
    if (memory?.key === key) return memory.value;
    const pairs: TranslationPair[] = [];
    for (const summary of others) {
      if (summary.id !== draftId) {
        const stored = deps.drafts.find(summary.id);
        if (stored) pairs.push(...pairsFromDraft(parsed(stored.contentJson), { title: summary.title }));
      }
      for (const version of deps.versions.listByDraft(summary.id)) {
        let cached = versionPairs.get(version.id);
        if (!cached) {
          const stored = deps.versions.find(version.id);
          cached = stored ? pairsFromDraft(parsed(stored.contentJson), { title: summary.title, version: version.sequence }) : [];
          versionPairs.set(version.id, cached);
        }
        pairs.push(...cached);
      }
    }
    pairs.push(...library());
    memory = { key, value: createMemory(pairs) };
    return memory.value;
  };

  return {
    suggest({ draftId, text, from }) {
      if (text.trim() === '') return [];
      const locale = deps.locale();
      const t = (key: string, params?: Record<string, unknown>) => deps.translate(locale, key, params as Record<string, string | number>);
      return suggest(memoryFor(draftId), text, from, { limit: 3 }).map((suggestion) => ({
        text: suggestion.text,
        matched: suggestion.matched,
        exact: suggestion.exact,
        score: describeScore(suggestion, locale, t),
        source: describeSource(suggestion.source, locale, t),
      }));
    },
  };
}
