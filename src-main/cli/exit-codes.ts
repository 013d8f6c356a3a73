/**
 * The command line's exit codes, one table for every command (a firm
 * contract, docs/ARCHITECTURE.md): 0 success; 1 invalid input — one line
 * per problem — or a file that cannot be written; 2 a usage error; 3
 * `import` recovered and wrote the draft, but the contract was changed after
 * SLA Studio wrote it (one line per finding on stderr).
 */
export const EXIT = { ok: 0, invalid: 1, usage: 2, changed: 3 } as const;
