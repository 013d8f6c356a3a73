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
 * holidays, the customer's critical periods (their names and dates, in the
 * maintenance clause), targets, monitoring, compensation, compliance, and
 * the contract options (template, chosen positions, precedence). What the
 * customer asked for and who the people are never reach the text; they are
 * internal:
 *
 * - `expectations.requests`: the customer's requested levels with our
 *   priority and notes on each — left out;
 * - `expectations.stakeholders`: names, roles, e-mail addresses and phone
 *   numbers of the people on both sides — left out, except the escalation
 *   contacts the user marked, whom the contract names with all four;
 * - the note of each critical period (why it matters, what the customer
 *   asked for) — blanked; the period itself stays.
 *
 * (Approvals of playbook findings are stored with saved versions, not in
 * the draft, so no contract file can carry them.) A draft's contract terms
 * are a valid draft: the internal parts are simply empty.
 */
import type { SlaDraft, Stakeholder } from './schema';

/** Whether the contract names a stakeholder: a marked escalation contact. */
export function isEscalationContact(stakeholder: Pick<Stakeholder, 'escalation'>): boolean {
  return stakeholder.escalation === true;
}

/** One internal part of a draft: a list, which of its items the contract prints, and which fields of those it does not. */
export interface InternalPart {
  /** The list, as a path from the top of the draft. */
  list: 'expectations.requests' | 'expectations.stakeholders' | 'expectations.criticalPeriods';
  /** Its items the contract prints: none, the escalation contacts only, or all; the others are left out of the terms. */
  printed: 'none' | 'escalationContacts' | 'all';
  /** Fields of a printed item the contract does not print: blanked ("") in the terms. */
  blanked: readonly string[];
}

/** The internal parts of a draft. */
export const INTERNAL_PARTS: readonly InternalPart[] = [
  { list: 'expectations.requests', printed: 'none', blanked: [] },
  { list: 'expectations.stakeholders', printed: 'escalationContacts', blanked: [] },
  { list: 'expectations.criticalPeriods', printed: 'all', blanked: ['note'] },
];

/** The draft as its contract states it: the same fields, with every internal part left out or blanked. */
export function contractTerms(draft: SlaDraft): SlaDraft {
  const { expectations } = draft;
  return {
    ...draft,
    expectations: {
      ...expectations,
      requests: [],
      stakeholders: expectations.stakeholders.filter(isEscalationContact),
      criticalPeriods: expectations.criticalPeriods.map((period) => ({ ...period, note: '' })),
    },
  };
}
