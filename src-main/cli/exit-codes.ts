/**
 * The command line's exit codes, one table for every command (a firm
 * contract, docs/ARCHITECTURE.md): 0 success; 1 invalid input — one line
 * per problem — or a file that cannot be written; 2 a usage error.
 */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;
