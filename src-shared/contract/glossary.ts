/**
 * The contract's Chinese terms, one per concept, with the variants a
 * Chinese reader would take for another thing: a contract that says
 * 服务提供方 in one clause and 服务商 in the next invites the question
 * whether they are two parties. The clause library, the presets and the
 * app's strings use the terms only (contract/terminology.test.ts), and the
 * contract check warns when a user's typed Chinese uses a variant
 * (contract-check/chinese-terms.ts).
 */

export interface GlossaryTerm {
  /** The concept as the English contract names it. */
  en: string;
  /** The one Chinese term for it. */
  zh: string;
  /** Words that stand for the same concept and must not: each replaced by `zh`. */
  variants: readonly string[];
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  { en: 'Provider', zh: '服务提供方', variants: ['服务商', '服务供应商'] },
  { en: 'Scheduled Maintenance', zh: '计划维护', variants: ['计划内维护', '计划性维护'] },
  { en: 'Downtime', zh: '停机时间', variants: ['停机时长'] },
  { en: 'down', zh: '停机', variants: ['宕机'] },
  { en: 'probe', zh: '拨测', variants: ['探测'] },
  { en: 'gross negligence or wilful misconduct', zh: '故意或重大过失', variants: ['故意不当行为', '重大疏忽'] },
  { en: 'Service Level Agreement', zh: '服务水平协议', variants: ['服务等级协议'] },
  { en: 'Service Credit', zh: '服务费减免', variants: ['服务积分', '服务信用额度'] },
];

/** A variant found in a text: where it starts, and the term that replaces it. */
export interface VariantFound {
  variant: string;
  term: GlossaryTerm;
  index: number;
}

/** Every variant of a glossary term in a text, in order. */
export function glossaryVariants(text: string): VariantFound[] {
  const found: VariantFound[] = [];
  for (const term of GLOSSARY) {
    for (const variant of term.variants) {
      for (let index = text.indexOf(variant); index >= 0; index = text.indexOf(variant, index + variant.length)) found.push({ variant, term, index });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
