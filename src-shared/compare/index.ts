/**
 * Compare two versions: field-level changes of the drafts (fields.ts,
 * described per locale by describe.ts) and the two contracts aligned clause
 * by clause with word-level highlights (contract.ts, words.ts).
 */
export * from './align';
export * from './fields';
export * from './describe';
export * from './words';
export * from './contract';
export * from './bench';
