/// <reference types="vite/client" />
/**
 * One Chinese term per concept: a Chinese reader takes two words for two
 * things, so the clause library, the presets, the draft defaults and the
 * app's Chinese strings use the terms of the contract only, and the Chinese
 * contract of every preset shows none of the variants.
 */
import { describe, expect, it } from 'vitest';
import zhStrings from '../i18n/zh-CN.json';
import { blankDraft } from '../model/defaults';
import { assembleContract } from './assemble';
import { documentText } from './doc';
import { presets, standardTemplate } from './fixtures';
import { glossaryVariants } from './glossary';

const librarySources = import.meta.glob<string>(['../../templates/**/*.yaml', '../../templates/presets/*.json'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** "file: …服务商…" for each variant of a glossary term in a text. */
function variantsIn(where: string, text: string): string[] {
  return glossaryVariants(text).map(
    ({ variant, term, index }) => `${where}: “${text.slice(Math.max(0, index - 8), index + variant.length + 8)}” uses ${variant}, write ${term.zh}`,
  );
}

describe('Chinese terminology', () => {
  it('the clause library, the presets and the market reference use one term per concept', () => {
    expect(Object.keys(librarySources).length).toBeGreaterThan(20);
    expect(Object.entries(librarySources).flatMap(([path, text]) => variantsIn(path.replace('../../', ''), text))).toEqual([]);
  });

  it('the Chinese contract of every preset uses one term per concept', () => {
    for (const { name, draft } of presets()) {
      const { doc } = assembleContract(draft, standardTemplate(), 'zh-CN');
      expect(variantsIn(name, documentText(doc))).toEqual([]);
    }
  });

  it('a new Chinese draft and the Chinese strings of the app use the same terms', () => {
    const draft = blankDraft({ title: '服务水平协议', effectiveDate: '2026-11-26', locale: 'zh-CN' });
    expect(variantsIn('blank zh-CN draft', JSON.stringify(draft))).toEqual([]);
    expect(variantsIn('i18n/zh-CN.json', JSON.stringify(zhStrings))).toEqual([]);
  });

  it('the app, the presets and the wizard call a service level 服务水平 as the contract does, never 服务等级', () => {
    const sources: Array<[string, string]> = [['i18n/zh-CN.json', JSON.stringify(zhStrings)], ...Object.entries(librarySources)];
    expect(sources.filter(([, text]) => text.includes('服务等级')).map(([where]) => where)).toEqual([]);
  });

  it('finds a variant where it is', () => {
    expect(variantsIn('x', '由服务商负责计划内维护')).toHaveLength(2);
  });
});
