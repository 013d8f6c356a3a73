/// <reference types="vite/client" />
/**
 * The market reference table, bundled with the renderer: it is the same
 * for every draft and template, so it travels in the app itself rather
 * than over a channel. A broken table (a bad edit of the YAML) shows no
 * market notes instead of breaking the wizard; its tests catch it first.
 */
import marketTerms from '../../../templates/market-terms.yaml?raw';
import { parseMarketReference, type MarketReference } from '../../../src-shared/playbook';

let parsed: MarketReference | null | undefined;

export function bundledMarketReference(): MarketReference | null {
  if (parsed === undefined) {
    const result = parseMarketReference(marketTerms);
    parsed = result.ok ? result.reference : null;
  }
  return parsed;
}
