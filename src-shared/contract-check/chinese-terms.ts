/**
 * Typed Chinese that names a defined concept by another word than the
 * contract's (宕机 for 停机, 服务商 for 服务提供方): printed beside the
 * library's clauses, it reads as a second concept. A warning on the field,
 * naming the variant and the contract's term (contract/glossary.ts).
 */
import { glossaryVariants } from '../contract/glossary';
import type { LocalizedText } from '../model/localized';
import { stepOfPath, type SlaDraft } from '../model/schema';
import { freeTexts } from './draft-fields';
import type { ContractFinding } from './finding';

/** One variant found in a text: the i18n keys of its message and fix, and where it starts in the Chinese text. */
export interface ChineseTermUse {
  variant: string;
  index: number;
  key: 'contractCheck.chineseTerms.found';
  fixKey: 'contractCheck.chineseTerms.fix';
  params: { variant: string; term: string; english: string };
}

/**
 * The variants of defined terms in one field's Chinese, once each, in the
 * order they appear: what the wizard shows under the field as the user
 * types. Of a text in both languages only the Chinese is read (an English
 * text may quote a Chinese word); a plain string is read whole.
 */
export function chineseTermUses(text: LocalizedText | string): ChineseTermUse[] {
  const chinese = typeof text === 'string' ? text : text['zh-CN'];
  const seen = new Set<string>();
  const uses: ChineseTermUse[] = [];
  for (const { variant, term, index } of glossaryVariants(chinese)) {
    if (seen.has(variant)) continue;
    seen.add(variant);
    uses.push({
      variant,
      index,
      key: 'contractCheck.chineseTerms.found',
      fixKey: 'contractCheck.chineseTerms.fix',
      params: { variant, term: term.zh, english: term.en },
    });
  }
  return uses;
}

export function chineseTermFindings(draft: SlaDraft): ContractFinding[] {
  return freeTexts(draft).flatMap((text) =>
    chineseTermUses(text.text).map((use): ContractFinding => ({
      level: 'warning',
      rule: 'chineseTerms',
      step: stepOfPath(text.path),
      path: text.path,
      clause: null,
      key: use.key,
      fixKey: use.fixKey,
      params: use.params,
    })),
  );
}
