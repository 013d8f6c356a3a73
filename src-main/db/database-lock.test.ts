/**
 * Two programs on one database: the second is refused while the first runs,
 * and takes over once the first is gone — here the first is a real separate
 * process, killed as a crash would kill it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../services/test-fixtures';
import { openStorage } from '.';

const REPO = resolve(import.meta.dirname, '../..');

let temp: ReturnType<typeof makeTempDir>;
let databasePath: string;
let holder: ChildProcess | null = null;
beforeEach(() => {
  temp = makeTempDir();
  databasePath = join(temp.dir, 'data', 'sla-studio.db');
});
afterEach(() => {
  holder?.kill('SIGKILL');
  holder = null;
  temp.remove();
});

/** Another program that opens the database, says so, and keeps it open until killed. */
function holdInAnotherProcess(): Promise<ChildProcess> {
  const script = `import { openStorage } from ${JSON.stringify(join(REPO, 'src-main/db/index.ts'))};
const storage = openStorage(${JSON.stringify(databasePath)});
storage.settings.set('holder', 'yes');
process.stdout.write('ready\\n');
setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolveReady, reject) => {
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += String(chunk)));
    child.stdout.on('data', (chunk: Buffer) => (String(chunk).includes('ready') ? resolveReady(child) : undefined));
    child.on('exit', (code) => reject(new Error(`the holder exited (${code}): ${errors}`)));
  });
}

describe('one SLA Studio per database', () => {
  it('refuses a second program while the first has the database open, and opens it once the first has crashed', async () => {
    holder = await holdInAnotherProcess();
    const pid = holder.pid!;

    expect(() => openStorage(databasePath)).toThrow(
      expect.objectContaining({
        name: 'DatabaseOpenError',
        reason: 'inUse',
        key: 'errors.databaseInUse',
        params: { path: databasePath, reason: expect.stringContaining(`process ${pid} on ${hostname()}`) },
      }),
    );

    holder.kill('SIGKILL');
    await new Promise((done) => holder!.once('exit', done));
    holder = null;
    // The crashed program's lock is left behind; its process is gone, so the lock is taken over.
    expect(JSON.parse(readFileSync(`${databasePath}.lock`, 'utf8'))).toMatchObject({ pid });
    const storage = openStorage(databasePath);
    try {
      expect(storage.settings.get('holder')).toBe('yes');
      expect(JSON.parse(readFileSync(`${databasePath}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
    } finally {
      storage.close();
    }
    expect(existsSync(`${databasePath}.lock`)).toBe(false);
  }, 60_000);

  it('shares the lock between openings in the same program, and removes it with the last close', () => {
    const first = openStorage(databasePath);
    const second = openStorage(databasePath);
    second.close();
    expect(existsSync(`${databasePath}.lock`)).toBe(true);
    first.close();
    expect(existsSync(`${databasePath}.lock`)).toBe(false);
  });
});
