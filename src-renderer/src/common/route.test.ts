import { describe, expect, it } from 'vitest';
import { parseRoute, routeToHash } from './route';

const ID = '0f5c2a4e-8d1b-4c3a-9e7f-123456789abc';

describe('hash routes', () => {
  it('round-trips a draft and its step', () => {
    const route = { screen: 'draft', draftId: ID, step: 'targets' } as const;
    expect(parseRoute(routeToHash(route))).toEqual(route);
  });

  it('opens the first step when the step is missing or unknown', () => {
    expect(parseRoute(`#/drafts/${ID}`)).toEqual({ screen: 'draft', draftId: ID, step: 'services' });
    expect(parseRoute(`#/drafts/${ID}/nonsense`)).toEqual({ screen: 'draft', draftId: ID, step: 'services' });
  });

  it('round-trips every other screen', () => {
    const OTHER = '1a2b3c4d-8d1b-4c3a-9e7f-123456789abc';
    const routes = [
      { screen: 'home' },
      { screen: 'calculator' },
      { screen: 'versions', draftId: ID },
      { screen: 'reports', draftId: ID },
      { screen: 'compare', draftId: ID, old: OTHER, new: 'working' },
    ] as const;
    for (const route of routes) expect(parseRoute(routeToHash(route))).toEqual(route);
  });

  it('falls back to the draft list for anything else', () => {
    for (const hash of ['', '#/', '#/drafts/not-an-id/services', '#/elsewhere', `#/drafts/${ID}/compare/working`, `#/drafts/${ID}/compare/x/working`])
      expect(parseRoute(hash)).toEqual({ screen: 'home' });
  });
});
