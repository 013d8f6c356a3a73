// Types of scripts/sla.mjs for the TypeScript that imports it (the unit tests' global setup).
export const CLI_ENTRY: string;
export function cliIsStale(): boolean;
export function ensureCliBuilt(): void;
