/**
 * The negotiation playbook (limits.ts: what a template may say; evaluate.ts:
 * which positions of a draft go beyond it) and the market reference
 * (market.ts: published terms of large providers, dated and sourced), with
 * their sentences in each language (describe.ts).
 */
export * from './limits';
export * from './evaluate';
export * from './market';
export * from './describe';
