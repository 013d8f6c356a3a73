/**
 * What the translation memory is made of: the texts a user has written in
 * both languages in a draft or a version, and the clause library's own
 * bilingual text. Each pair keeps its source, for the suggestion to say
 * "From draft “Acme Payments” — Service 1 › Measurement method".
 *
 * A text of several sentences is also offered sentence by sentence when its
 * two languages have the same number of sentences (a translation keeps the
 * order of its sentences): a user typing one sentence of a paragraph
 * translated before then finds it exact. When the counts differ the
 * sentences cannot be paired safely, and only the whole text is.
 */
import { BLANK } from '../contract/assemble';
import type { Localized } from '../contract/filters';
import type { CompiledBlock, CompiledClause, CompiledText, Template } from '../contract/template-types';
import type { Segment } from '../contract/text';
import { isLocalizedText, type LocalizedText } from '../model/localized';
import type { ProblemPath } from '../model/problems';
import type { MemorySource, TranslationPair } from './memory';

/** An English sentence ends at . ! or ? before a space and a capital, a digit or an opening mark ("e.g. the" does not end one). */
const ENGLISH_SENTENCE_END = /(?<=[.!?]["”’)]?)\s+(?=["“‘(\p{Lu}\p{N}])/u;
/** A Chinese sentence ends at 。！？ (with any closing quote or bracket after it). */
const CHINESE_SENTENCE_END = /(?<=[。！？][”’）)]?)(?![”’）)])/u;

function sentences(text: string, splitter: RegExp): string[] {
  return text
    .split(splitter)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}

/** The whole text as a pair, then its sentences paired one to one when both languages have as many. */
export function alignedPairs(en: string, zh: string, source: MemorySource): TranslationPair[] {
  const english = en.trim();
  const chinese = zh.trim();
  if (english === '' || chinese === '') return [];
  const pairs: TranslationPair[] = [{ en: english, 'zh-CN': chinese, source }];
  const englishSentences = sentences(english, ENGLISH_SENTENCE_END);
  const chineseSentences = sentences(chinese, CHINESE_SENTENCE_END);
  if (englishSentences.length > 1 && englishSentences.length === chineseSentences.length) {
    englishSentences.forEach((sentence, i) => pairs.push({ en: sentence, 'zh-CN': chineseSentences[i]!, source }));
  }
  return pairs;
}

// ── A draft or a version ────────────────────────────────────────────────────

export interface DraftLabel {
  /** The draft's title as the draft list shows it. */
  title: LocalizedText | string;
  /** The version's sequence number, for a saved version; absent for the working copy. */
  version?: number | null;
}

/**
 * Every text of a draft (or a version's draft) written in both languages,
 * with the path of the field it is in. The draft is read as plain JSON,
 * whatever its schema version: any `{ en, zh-CN }` value is a text,
 * wherever it is. The field is put in words only when a suggestion is
 * shown (`describeSource`): wording every field of every draft up front
 * would cost more than finding the texts.
 */
export function pairsFromDraft(draft: unknown, label: DraftLabel): TranslationPair[] {
  const pairs: TranslationPair[] = [];
  const visit = (value: unknown, path: ProblemPath) => {
    if (isLocalizedText(value)) {
      if (value.en.trim() === '' || value['zh-CN'].trim() === '') return;
      const source: MemorySource = { kind: 'draft', title: label.title, version: label.version ?? null, path };
      pairs.push(...alignedPairs(value.en, value['zh-CN'], source));
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, i]));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
    }
  };
  visit(draft, []);
  return pairs;
}

// ── The clause library ──────────────────────────────────────────────────────

/** A clause library text as plain text: a draft value, phrase or clause number it would print is the blank [●]. */
function plainText(segments: readonly Segment[]): string {
  return segments
    .map((segment) => (segment.t === 'text' ? segment.text : BLANK))
    .join('')
    .trim();
}

/** True when a text says something besides its blanks: "[●]" alone or "[●] ([●])" is nothing to translate. */
function hasWords(text: string): boolean {
  return /[\p{L}]/u.test(text.split(BLANK).join(''));
}

function localizedPlain(segments: Localized<Segment[]>): LocalizedText {
  return { en: plainText(segments.en), 'zh-CN': plainText(segments['zh-CN']) };
}

/** The clause library's texts in both languages: every alternative wording of every clause, its title, lists, tables and definitions, the cover, the phrases and the vocabulary's terms. */
export function pairsFromTemplate(template: Template): TranslationPair[] {
  const pairs: TranslationPair[] = [];
  const addText = (text: LocalizedText, source: MemorySource) => {
    if (hasWords(text.en) && hasWords(text['zh-CN'])) pairs.push(...alignedPairs(text.en, text['zh-CN'], source));
  };
  const addCompiled = (text: CompiledText | null, source: MemorySource) => {
    for (const alternative of text?.alternatives ?? []) addText(localizedPlain(alternative.segments), source);
  };
  const addBlocks = (blocks: readonly CompiledBlock[] | null, source: MemorySource) => {
    for (const block of blocks ?? []) {
      switch (block.kind) {
        case 'text':
          addCompiled(block.text, source);
          break;
        case 'clause':
          addClause(block.clause);
          break;
        case 'list':
          for (const item of block.items) addCompiled(item.text, source);
          break;
        case 'definitions':
          for (const definition of block.items) {
            addText({ en: definition.term.en, 'zh-CN': definition.term['zh-CN'] }, source);
            addCompiled(definition.text, source);
          }
          break;
        case 'table':
          for (const cell of block.header) addCompiled(cell, source);
          for (const row of block.rows) for (const cell of row.cells) addCompiled(cell, source);
          break;
        case 'signatures':
          for (const party of block.parties) addCompiled(party.heading, source);
          break;
      }
    }
  };
  const addClause = (clause: CompiledClause) => {
    const title = clause.title?.alternatives[0];
    const source: MemorySource = { kind: 'clauseLibrary', clauseId: clause.id, clause: title ? localizedPlain(title.segments) : null };
    addCompiled(clause.title, source);
    addBlocks(clause.body, source);
    if (clause.positions) for (const blocks of Object.values(clause.positions)) addBlocks(blocks, source);
  };

  const library: MemorySource = { kind: 'clauseLibrary', clauseId: null, clause: null };
  for (const line of template.cover) addCompiled(line.text, library);
  for (const clause of template.clauses) addClause(clause);
  for (const phrase of Object.values(template.phrases)) addCompiled(phrase, library);
  for (const terms of Object.values(template.vocabulary.terms)) {
    for (const term of Object.values(terms)) addText({ en: term.en, 'zh-CN': term['zh-CN'] }, library);
  }
  return pairs;
}
