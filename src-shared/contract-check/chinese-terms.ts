/**
 * Typed Chinese that names a defined concept by another word than the
 * contract's (宕机 for 停机, 服务商 for 服务提供方): printed beside the
 * library's clauses, it reads as a second concept. A warning on the field,
 * naming the variant and the contract's term (contract/glossary.ts).
 */
import { glossaryVariants } from '../contract/glossary';
import { stepOfPath, type SlaDraft } from '../model/schema';
import { freeTexts } from './draft-fields';
import type { ContractFinding } from './finding';

export function chineseTermFindings(draft: SlaDraft): ContractFinding[] {
  const findings: ContractFinding[] = [];
  for (const text of freeTexts(draft)) {
    const seen = new Set<string>();
    for (const { variant, term } of glossaryVariants(text.text)) {
      if (seen.has(variant)) continue;
      seen.add(variant);
      findings.push({
        level: 'warning',
        rule: 'chineseTerms',
        step: stepOfPath(text.path),
        path: text.path,
        clause: null,
        key: 'contractCheck.chineseTerms.found',
        fixKey: 'contractCheck.chineseTerms.fix',
        params: { variant, term: term.zh, english: term.en },
      });
    }
  }
  return findings;
}
