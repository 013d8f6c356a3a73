/**
 * Compare two versions: field-level changes of the drafts (fields.ts,
 * described per locale by describe.ts) and the two contracts aligned clause
 * by clause with word-level highlights (contract.ts, words.ts), their
 * tables row by row and cell by cell (table.ts).
 *
 * The compare benchmark (bench.ts) is not exported here, so that it stays
 * out of the renderer: bench/run.ts and the tests import it from its file.
 */
export * from './align';
export * from './fields';
export * from './describe';
export * from './words';
export * from './table';
export * from './contract';
