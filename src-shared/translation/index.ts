export {
  createMemory,
  DEFAULT_MIN_SCORE,
  DEFAULT_SUGGESTION_LIMIT,
  normalizeForMemory,
  suggest,
  type MemorySource,
  type Suggestion,
  type SuggestOptions,
  type TranslationMemory,
  type TranslationPair,
} from './memory';
export { alignedPairs, pairsFromDraft, pairsFromTemplate, type DraftLabel } from './pairs';
export { describeScore, describeSource } from './describe';
