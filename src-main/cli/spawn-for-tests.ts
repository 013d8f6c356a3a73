/**
 * The command line as a user runs it, for the tests: the built program
 * (out/cli/sla-studio.mjs, brought up to date by the unit tests' global
 * setup) in a child process with a clean locale environment, and a data
 * folder of its own (where `export` keeps its seal key) instead of the
 * user's.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_ENTRY } from '../../scripts/sla.mjs';

/** The data folder of the command lines this test file runs. */
export const TEST_DATA_DIR = mkdtempSync(join(tmpdir(), 'sla-cli-data-'));

export interface SlaRun {
  code: number;
  /** The lines printed, empty ones left out. */
  stdout: string[];
  stderr: string;
}

export function sla(args: string[], env: Record<string, string> = {}): Promise<SlaRun> {
  const cleanEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    LANG: 'C.UTF-8',
    SLA_STUDIO_DATA: TEST_DATA_DIR,
    ...env,
  };
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI_ENTRY, ...args], { cwd: process.cwd(), env: cleanEnv, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout: stdout.split('\n').filter((line) => line !== ''), stderr });
    });
  });
}
