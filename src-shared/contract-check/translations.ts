/**
 * A text written in one of the contract's languages only: the contract
 * would print the gap ("[English text missing]") in the other. A problem on
 * the field and the language that lacks it, so that no version is agreed or
 * signed with a column half in the other language.
 */
import { stepOfPath, type SlaDraft } from '../model/schema';
import { translationStatus } from '../model/translations';
import type { ContractFinding } from './finding';

export function translationFindings(draft: SlaDraft): ContractFinding[] {
  return translationStatus(draft).missing.map(({ path, language }): ContractFinding => ({
    level: 'problem',
    rule: 'translations',
    step: stepOfPath(path),
    path,
    clause: null,
    key: `contractCheck.translations.missing.${language}`,
    fixKey: `contractCheck.translations.fix.${language}`,
    params: {},
  }));
}
