/**
 * Where the user is, kept in the URL hash so that a reload — or the
 * Electron window being restored — returns to the same place:
 *   #/                                   the draft list
 *   #/calculator                         the downtime and credit calculator
 *   #/drafts/<id>/<step>                 a draft's wizard step
 *   #/drafts/<id>/versions               the negotiation timeline
 *   #/drafts/<id>/compare/<old>/<new>    two versions (or "working") side by side
 *   #/drafts/<id>/reports                monthly attainment reports
 * No router library: a handful of flat screens do not need one.
 */
import { useEffect, useState } from 'react';
import { STEP_IDS, type StepId } from '../../../src-shared/model';

/** One side of a comparison: a saved version's id, or the working copy. */
export type CompareSide = string;
export const WORKING_COPY: CompareSide = 'working';

export type Route =
  | { screen: 'home' }
  | { screen: 'calculator' }
  | { screen: 'draft'; draftId: string; step: StepId }
  | { screen: 'versions'; draftId: string }
  | { screen: 'compare'; draftId: string; old: CompareSide; new: CompareSide }
  | { screen: 'reports'; draftId: string };

const UUID = '[0-9a-fA-F-]{36}';
const SIDE = `(${UUID}|working)`;
const DRAFT_ROUTE = new RegExp(`^#/drafts/(${UUID})(?:/([a-z]+))?/?$`);
const COMPARE_ROUTE = new RegExp(`^#/drafts/(${UUID})/compare/${SIDE}/${SIDE}/?$`);

export function parseRoute(hash: string): Route {
  if (hash === '#/calculator') return { screen: 'calculator' };
  const compare = COMPARE_ROUTE.exec(hash);
  if (compare) {
    return { screen: 'compare', draftId: compare[1]!.toLowerCase(), old: compare[2]!.toLowerCase(), new: compare[3]!.toLowerCase() };
  }
  const match = DRAFT_ROUTE.exec(hash);
  if (match) {
    const draftId = match[1]!.toLowerCase();
    if (match[2] === 'versions') return { screen: 'versions', draftId };
    if (match[2] === 'reports') return { screen: 'reports', draftId };
    const step = (STEP_IDS as readonly string[]).includes(match[2] ?? '') ? (match[2] as StepId) : 'services';
    return { screen: 'draft', draftId, step };
  }
  return { screen: 'home' };
}

export function routeToHash(route: Route): string {
  switch (route.screen) {
    case 'home':
      return '#/';
    case 'calculator':
      return '#/calculator';
    case 'draft':
      return `#/drafts/${route.draftId}/${route.step}`;
    case 'versions':
      return `#/drafts/${route.draftId}/versions`;
    case 'compare':
      return `#/drafts/${route.draftId}/compare/${route.old}/${route.new}`;
    case 'reports':
      return `#/drafts/${route.draftId}/reports`;
  }
}

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const hash = routeToHash(route);
  if (window.location.hash === hash) return;
  if (options.replace) {
    window.history.replaceState(null, '', hash);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = hash;
  }
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
