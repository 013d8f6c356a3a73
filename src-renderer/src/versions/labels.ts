/**
 * How the renderer names rounds and statuses: the same words as
 * versionLabel() in src-shared (exports, command line), read through the
 * renderer's i18next so a language switch applies at once.
 */
import type { TFunction } from 'i18next';
import type { DraftStatus, VersionParty } from '../../../src-shared/model/version';

/** Tag colours: a party is also always named in words, so colour is never the only signal. */
export const PARTY_COLORS: Record<VersionParty, string> = {
  ourProposal: 'blue',
  customerCounter: 'orange',
  internal: 'default',
  agreed: 'green',
  signed: 'purple',
};

export const STATUS_COLORS: Record<DraftStatus, string> = {
  drafting: 'default',
  negotiating: 'blue',
  agreed: 'green',
  signed: 'purple',
};

export function partyName(t: TFunction, party: VersionParty): string {
  return t(`versions.party.${party}`);
}

export function statusName(t: TFunction, status: DraftStatus): string {
  return t(`versions.status.${status}`);
}

/** "v3 — Customer counter-proposal" / "第3版 — 客户反提案". */
export function roundLabel(t: TFunction, version: { sequence: number; party: VersionParty }): string {
  return t('versions.label', { sequence: version.sequence, party: partyName(t, version.party) });
}
