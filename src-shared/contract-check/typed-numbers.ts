/**
 * Numbers in typed text that restate a field (a warning: say it once, the
 * field already prints it) or contradict it (a problem: the contract would
 * say two things). A typed number is compared only with the fields its
 * sentence is about — "claim … within 60 days" with the claim window,
 * "respond within 30 minutes" in P2's description with P2's response time —
 * and only in the same unit, so "refunded within 30 days" never meets the
 * claim window.
 */
import { pathToString } from '../model/problems';
import { stepOfPath, type SlaDraft } from '../model/schema';
import { freeTexts, quantityFields, type QuantityField } from './draft-fields';
import type { ContractFinding } from './finding';
import { typedQuantities } from './quantities';

function fieldParams(field: QuantityField): Record<string, string | number> {
  return { fieldKey: `contractCheck.fields.${field.label}`, value: field.value, valueKind: field.kind, ...(field.level ? { level: field.level } : {}) };
}

/**
 * Whether a different typed number can be a restatement of the field: a
 * percentage far from it is another figure ("more than 5 % of requests"
 * beside a 99.95 % target), not the target misstated.
 */
function restates(field: QuantityField, typed: number): boolean {
  if (field.kind !== 'percent') return true;
  return Math.abs(typed - field.value) <= Math.max(1, field.value / 2);
}

export function typedNumberFindings(draft: SlaDraft): ContractFinding[] {
  const fields = quantityFields(draft);
  const findings: ContractFinding[] = [];
  const seen = new Set<string>();
  for (const text of freeTexts(draft)) {
    for (const quantity of typedQuantities(text.text)) {
      const about = fields.filter(
        (field) =>
          field.kind === quantity.kind &&
          field.about.test(quantity.sentence) &&
          field.applies(text.scope, quantity.sentence) &&
          (field.value === quantity.value || restates(field, quantity.value)),
      );
      if (about.length === 0) continue;
      const same = about.find((field) => field.value === quantity.value);
      const field = same ?? about[0]!;
      const level = same ? 'warning' : 'problem';
      const key = `${text.path.join('.')}|${field.path.join('.')}|${level}|${quantity.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push({
        level,
        rule: 'typedNumbers',
        step: stepOfPath(text.path),
        path: text.path,
        clause: null,
        key: same ? 'contractCheck.typedNumbers.duplicate' : 'contractCheck.typedNumbers.contradiction',
        fixKey: same ? 'contractCheck.typedNumbers.duplicateFix' : 'contractCheck.typedNumbers.contradictionFix',
        params: { typed: quantity.text, fieldPath: pathToString(field.path), ...fieldParams(field) },
      });
    }
  }
  return findings;
}
