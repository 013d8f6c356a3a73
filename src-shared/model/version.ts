/**
 * Negotiation rounds as the whole app names them: who a saved version came
 * from (its party), where the draft stands (its status), and the short label
 * an exported contract, the timeline and the compare view print for a
 * version — "v3 — Customer counter-proposal" / "第3版 — 客户反提案".
 */
import { translatorFor, type Locale } from '../i18n';

/** Whose position a saved version records; the database checks the same list. */
export const VERSION_PARTIES = ['ourProposal', 'customerCounter', 'internal', 'agreed', 'signed'] as const;
export type VersionParty = (typeof VERSION_PARTIES)[number];

/** Where a draft stands; `signed` locks the working copy (a change is then an amendment). */
export const DRAFT_STATUSES = ['drafting', 'negotiating', 'agreed', 'signed'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

/** The timeline, the compare view, reports and a redline's note show this many hex digits of a version's SHA-256. */
const SHORT_HASH_LENGTH = 8;

/**
 * A contract's footer prints this many hex digits (64 bits) of the SHA-256
 * of what the contract says: enough that no one can make another draft
 * print the same identity by trying drafts until one matches.
 */
export const CONTRACT_IDENTITY_LENGTH = 16;

/** A version's SHA-256 as the timeline, the compare view and reports show it on screen: "3f9a1c2b". */
export function shortHash(sha256: string): string {
  return sha256.slice(0, SHORT_HASH_LENGTH);
}

/**
 * The identity a contract's footer prints, grouped by four for reading it
 * out: "3f9a 1c2b 7d4e 0a11" — the first CONTRACT_IDENTITY_LENGTH hex
 * digits of the SHA-256 of the contract's terms (contract-terms.ts).
 */
export function contractIdentity(sha256: string): string {
  return (sha256.slice(0, CONTRACT_IDENTITY_LENGTH).match(/.{1,4}/g) ?? []).join(' ');
}

/**
 * The status a draft moves to when a version with `party` is saved. Sending
 * a position to either side (again) means the draft is in negotiation, even
 * after an earlier agreement; an internal version is a bookmark and changes
 * nothing. A signed draft accepts no new version, so it never reaches here.
 */
export function statusAfterVersion(current: DraftStatus, party: VersionParty): DraftStatus {
  switch (party) {
    case 'ourProposal':
    case 'customerCounter':
      return 'negotiating';
    case 'internal':
      return current;
    case 'agreed':
      return 'agreed';
    case 'signed':
      return 'signed';
  }
}

/** "v3 — Customer counter-proposal" / "第3版 — 客户反提案": how exports and the timeline name a version. */
export function versionLabel(version: { sequence: number; party: VersionParty }, locale: Locale): string {
  const t = translatorFor(locale);
  return t('versions.label', { sequence: version.sequence, party: t(`versions.party.${version.party}`) });
}
