/**
 * What a contract says, as a draft: the fields the contract's text prints
 * (or that choose its wording), with the negotiation left out. This is the
 * draft a contract file carries inside it (docs/FORMAT.md, "The draft part
 * of a contract"), and its canonical SHA-256 is the identity the footer
 * prints, so the identity can be checked from the file alone.
 *
 * Decided field by field from schema.ts against the template's placeholders
 * and src-shared/contract/context.ts: everything the template reads is a
 * contract field — parties, services and metrics, business hours and
 * holidays, targets, monitoring, compensation, compliance, and the contract
 * options (template, chosen positions, precedence). What the customer asked
 * for and who the people are never reach the text; they are internal:
 *
 * - `expectations.requests`: the customer's requested levels with our
 *   priority and notes on each;
 * - `expectations.stakeholders`: names, roles, e-mail addresses and phone
 *   numbers of the people on both sides;
 * - `expectations.criticalPeriods`: the periods that matter most to the
 *   customer, with their notes.
 *
 * (Approvals of playbook findings are stored with saved versions, not in
 * the draft, so no contract file can carry them.) A draft's contract terms
 * are a valid draft: the internal lists are simply empty.
 */
import type { SlaDraft } from './schema';

/** The internal fields of a draft, as paths from its top; each is a list, empty in the contract terms. */
export const INTERNAL_FIELDS = ['expectations.requests', 'expectations.stakeholders', 'expectations.criticalPeriods'] as const;

/** The draft as its contract states it: the same fields, with every internal list emptied. */
export function contractTerms(draft: SlaDraft): SlaDraft {
  return {
    ...draft,
    expectations: { ...draft.expectations, requests: [], stakeholders: [], criticalPeriods: [] },
  };
}
