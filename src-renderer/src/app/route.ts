/**
 * Where the user is, kept in the URL hash (#/ = home, #/drafts/<id>/<step>)
 * so that a reload — or the Electron window being restored — returns to the
 * same draft and step. No router library: two screens do not need one.
 */
import { useEffect, useState } from 'react';
import { STEP_IDS, type StepId } from '../../../src-shared/model';

export type Route =
  | { screen: 'home' }
  | { screen: 'draft'; draftId: string; step: StepId };

const DRAFT_ROUTE = /^#\/drafts\/([0-9a-fA-F-]{36})(?:\/([a-z]+))?\/?$/;

export function parseRoute(hash: string): Route {
  const match = DRAFT_ROUTE.exec(hash);
  if (match) {
    const step = (STEP_IDS as readonly string[]).includes(match[2] ?? '') ? (match[2] as StepId) : 'services';
    return { screen: 'draft', draftId: match[1]!.toLowerCase(), step };
  }
  return { screen: 'home' };
}

export function routeToHash(route: Route): string {
  return route.screen === 'home' ? '#/' : `#/drafts/${route.draftId}/${route.step}`;
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
