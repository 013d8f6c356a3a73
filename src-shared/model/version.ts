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

/** A contract footer and the timeline show this many hex digits of a version's SHA-256. */
const SHORT_HASH_LENGTH = 8;

/** A version's SHA-256 as contracts, reports and the timeline print it: "3f9a1c2b". */
export function shortHash(sha256: string): string {
  return sha256.slice(0, SHORT_HASH_LENGTH);
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
