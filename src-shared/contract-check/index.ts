/**
 * The contract check: rules that read a draft and the contract it
 * produces, before anyone signs. Problems block saving a version as agreed
 * or signed; warnings are listed. Pure: the caller passes the compiled
 * template (the command line and the services load it, the renderer has it).
 */
import { assembleBilingual } from '../contract/assemble';
import type { Template } from '../contract/template-types';
import type { SlaDraft } from '../model/schema';
import { businessTimeFindings } from './business-time';
import { chineseTermFindings } from './chinese-terms';
import { definedTermFindings } from './defined-terms';
import { byLevel, type ContractFinding } from './finding';
import { sectionReferenceFindings } from './section-references';
import { tierAtTargetFindings } from './tier-at-target';
import { typedNumberFindings } from './typed-numbers';

export { byLevel, CONTRACT_RULES, isBlocking, type ContractFinding, type ContractRule, type FindingLevel } from './finding';
export { findingAsProblem, findingLocation, formatFinding } from './describe';
export { chineseTermUses, type ChineseTermUse } from './chinese-terms';

/** Every finding of every rule on a draft and its contract, problems first. */
export function checkContract(draft: SlaDraft, template: Template): ContractFinding[] {
  const { en, zh } = assembleBilingual(draft, template);
  return byLevel([
    ...typedNumberFindings(draft),
    ...tierAtTargetFindings(draft),
    ...businessTimeFindings(draft, [en, zh]),
    ...sectionReferenceFindings(draft),
    ...definedTermFindings(draft, en),
    ...chineseTermFindings(draft),
  ]);
}
