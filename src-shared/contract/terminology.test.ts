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

/** A variant a Chinese text may not use, and the term that replaces it. */
const BANNED: ReadonlyArray<{ variant: string; term: string }> = [
  { variant: '服务商', term: '服务提供方' },
  { variant: '服务供应商', term: '服务提供方' },
  { variant: '计划内维护', term: '计划维护' },
  { variant: '计划性维护', term: '计划维护' },
  { variant: '宕机', term: '停机' },
  { variant: '停机时长', term: '停机时间' },
  { variant: '探测', term: '拨测' },
  { variant: '故意不当行为', term: '故意或重大过失' },
  { variant: '重大疏忽', term: '故意或重大过失' },
  { variant: '服务等级协议', term: '服务水平协议' },
];

const librarySources = import.meta.glob<string>(['../../templates/**/*.yaml', '../../templates/presets/*.json'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** "file: …服务商…" for each banned variant in a text. */
function variantsIn(where: string, text: string): string[] {
  const found: string[] = [];
  for (const { variant, term } of BANNED) {
    for (let at = text.indexOf(variant); at >= 0; at = text.indexOf(variant, at + 1)) {
      found.push(`${where}: “${text.slice(Math.max(0, at - 8), at + variant.length + 8)}” uses ${variant}, write ${term}`);
    }
  }
  return found;
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

  it('finds a variant where it is', () => {
    expect(variantsIn('x', '由服务商负责计划内维护')).toHaveLength(2);
  });
});
