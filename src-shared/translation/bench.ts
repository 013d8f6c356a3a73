/**
 * The translation memory benchmark ("suggest over 10,000 pairs, on every
 * keystroke"), kept beside the code it measures. Pure: bench/run.ts loads
 * the template from disk and times the calls.
 *
 * The memory stands for a user with many drafts: the clause library's
 * sentences, copied again and again with each copy's own figures, as
 * drafts made from the same presets are. That is the hard case for the
 * index: every copy shares most of its tokens with the others.
 */
import { BLANK } from '../contract/assemble';
import type { Template } from '../contract/template-types';
import type { TextLanguage } from '../model/localized';
import type { TranslationPair } from './memory';
import { pairsFromTemplate } from './pairs';

export const BENCH_MEMORY_PAIRS = 10_000;

/** `size` pairs: the library's, then copies with their blanks filled by numbers of their own, each copy in a draft of its own. */
export function largeMemoryPairs(template: Template, size = BENCH_MEMORY_PAIRS): TranslationPair[] {
  const library = pairsFromTemplate(template);
  const pairs: TranslationPair[] = [];
  for (let i = 0; pairs.length < size; i++) {
    const base = library[i % library.length]!;
    const copy = Math.floor(i / library.length);
    if (copy === 0) {
      pairs.push(base);
      continue;
    }
    const fill = (text: string, language: TextLanguage) => {
      const parts = text.split(BLANK);
      const filled = parts.reduce((out, part, k) => (k === 0 ? part : `${out}${copy * 7 + k}${part}`), '');
      // A text with no blank gets its copy's number another way: a service of its own.
      if (parts.length > 1) return filled;
      return language === 'en' ? `Service ${copy}: ${text}` : `服务${copy}：${text}`;
    };
    const en = fill(base.en, 'en');
    const zh = fill(base['zh-CN'], 'zh-CN');
    pairs.push({
      en,
      'zh-CN': zh,
      source: { kind: 'draft', title: `Draft ${copy}`, version: null, path: ['services', 0, 'description'] },
    });
  }
  return pairs;
}

/**
 * What a user types, keystroke by keystroke: `sentences` of the library in
 * one language, each as it grows, a few characters at a time (every
 * keystroke of Chinese, every word of English), with one number changed so
 * that nothing is found by the exact lookup alone.
 */
export function typedTexts(template: Template, language: TextLanguage, sentences = 20): string[] {
  const chosen = pairsFromTemplate(template)
    .map((pair) => pair[language])
    .filter((text) => !text.includes(BLANK) && text.length > 40)
    .filter((_, i, all) => i % Math.max(1, Math.floor(all.length / sentences)) === 0)
    .slice(0, sentences);
  const typed: string[] = [];
  for (const sentence of chosen) {
    const edited = /\d/.test(sentence) ? sentence.replace(/\d+/, '73') : `${sentence} 73`;
    const step = language === 'en' ? 6 : 2;
    for (let end = step; end < edited.length; end += step) typed.push(edited.slice(0, end));
    typed.push(edited);
  }
  return typed;
}
