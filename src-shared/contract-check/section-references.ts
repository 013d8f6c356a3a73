/**
 * Typed text that points at "the … section", "this section" or "本节":
 * the contract numbers its clauses and has no sections, so such a
 * reference points nowhere. A warning on the field; the fix is to name the
 * clause by its number (as the preview shows it).
 */
import { stepOfPath, type SlaDraft } from '../model/schema';
import { freeTexts } from './draft-fields';
import type { ContractFinding } from './finding';

const SECTION_REFERENCE =
  /\b(?:this|that|the(?:\s+[\p{L}\d’'-]+){0,4}|above|below|previous|following|next)\s+sections?\b|\bsections?\s+(?:above|below)\b|本节|上节|下节|本章|本部分|上述部分|前一节|该节|[”」》]部分/iu;

export function sectionReferenceFindings(draft: SlaDraft): ContractFinding[] {
  const findings: ContractFinding[] = [];
  for (const text of freeTexts(draft)) {
    const match = SECTION_REFERENCE.exec(text.text);
    if (!match) continue;
    findings.push({
      level: 'warning',
      rule: 'sectionReference',
      step: stepOfPath(text.path),
      path: text.path,
      clause: null,
      key: 'contractCheck.sectionReference.found',
      fixKey: 'contractCheck.sectionReference.fix',
      params: { words: match[0] },
    });
  }
  return findings;
}
