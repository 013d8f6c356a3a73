/**
 * `npm run dev:web` on a damaged database: it cannot ask as the desktop app
 * does, so it prints the situation and the choices, exits non-zero, and
 * changes nothing.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../src-main/services/test-fixtures';

const REPO = resolve(import.meta.dirname, '..');
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

function serve(dataDir: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'e2e/harness/serve.ts'), dataDir, '--port', '0'], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' },
    timeout: 60_000,
  });
}

describe('dev:web on a damaged database', () => {
  it('prints the file, the reason and the choices, names the latest backup, exits 1 and changes nothing', () => {
    const dataDir = join(temp.dir, 'data');
    mkdirSync(join(dataDir, 'backups'), { recursive: true });
    const databasePath = join(dataDir, 'sla-studio.db');
    writeFileSync(databasePath, 'Minutes of the pricing meeting, not a database.\n'.repeat(50));
    writeFileSync(join(dataDir, 'backups', 'auto-20250601T091502Z.sqlite'), 'a backup');
    writeFileSync(join(dataDir, 'backups', 'auto-20250530T091502Z.sqlite'), 'an older backup');
    const before = sha256(databasePath);

    const run = serve(dataDir);

    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('is at http');
    expect(run.stderr).toContain(databasePath);
    expect(run.stderr).toContain('file is not a database');
    expect(run.stderr).toContain('The desktop app offers these choices:');
    expect(run.stderr).toContain(`Restore the latest backup: ${join(dataDir, 'backups', 'auto-20250601T091502Z.sqlite')}`);
    expect(run.stderr).toContain('Start with an empty database');
    expect(run.stderr).not.toMatch(/\bat \S+:\d+:\d+/); // no stack trace
    expect(sha256(databasePath)).toBe(before);
    expect(readdirSync(dataDir).sort()).toEqual(['backups', 'exports', 'sla-studio.db']);
  });
});
