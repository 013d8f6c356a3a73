/**
 * Nothing acknowledged is lost when the process dies mid-save. A child
 * process (testing/crash-writer.ts) autosaves a draft and saves versions
 * through the real services, reporting each commit only after it returned;
 * this test kills it with SIGKILL at random moments, at least 50 times, on
 * one database, and then checks what a user would: the database is intact,
 * every version they were told was saved is there with the content they
 * saved (its canonical SHA-256), and the working copy is the last autosave
 * they were told about (or the one whose report the kill cut off).
 *
 * The child is bundled once with esbuild (the transform tsx itself uses)
 * instead of being started under tsx each time: tsx compiles at every start,
 * which would make fifty starts take a minute and a half.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src-shared/model/canonical';
import { makeTempDir, writePresetFixtures } from '../services/test-fixtures';

const REPO = resolve(import.meta.dirname, '../..');
const WRITER_SOURCE = join(import.meta.dirname, 'testing', 'crash-writer.ts');
const KILLS = 50;
/** The most kills the test makes while waiting for enough of them to land mid-write. */
const MAX_KILLS = 4 * KILLS;
const MIN_DELAY_MS = 20;
const MAX_DELAY_MS = 300;

/** A small seeded generator, so a failing run can be repeated with DURABILITY_SEED. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

interface Writer {
  command: string;
  args: string[];
}

let temp: ReturnType<typeof makeTempDir>;
let bundleDir: string | null = null;
let writer: Writer;

beforeAll(async () => {
  temp = makeTempDir('sla-durability-');
  try {
    const esbuild = await import('esbuild');
    // Inside the repository, so the bundle's bare imports (better-sqlite3, zod…) resolve from node_modules.
    bundleDir = join(REPO, 'node_modules', '.cache', `sla-durability-${process.pid}`);
    mkdirSync(bundleDir, { recursive: true });
    const outfile = join(bundleDir, 'crash-writer.mjs');
    await esbuild.build({ entryPoints: [WRITER_SOURCE], outfile, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'silent' });
    writer = { command: process.execPath, args: [outfile] };
  } catch {
    // Without esbuild, tsx compiles the writer at each start: slower, but the same test.
    writer = { command: process.execPath, args: ['--import', 'tsx', WRITER_SOURCE] };
  }
});

afterAll(() => {
  if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
  temp.remove();
});

interface Run {
  lines: string[];
  stderr: string;
  exit: { code: number | null; signal: NodeJS.Signals | null };
}

interface SpareWriter {
  /** Opens the database and starts writing; resolves when the writer is dead, with what it reported. */
  runAndKill(delayMs: number): Promise<Run>;
  discard(): void;
}

/**
 * A writer started ahead of time: it loads its code while the previous one
 * is still writing, and opens the database only when told to go — after the
 * previous one was killed. Starting Node takes longer than a run, so this
 * keeps fifty kills within the test's time.
 */
function spareWriter(databasePath: string, templatesDir: string): SpareWriter {
  const child = spawn(writer.command, [...writer.args, databasePath, templatesDir], {
    cwd: REPO,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, CRASH_WRITER_WAIT_FOR_GO: '1' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const closed = new Promise<Run['exit']>((resolveClose) => child.on('close', (code, signal) => resolveClose({ code, signal })));
  const failed = new Promise<never>((_, rejectStart) => child.on('error', rejectStart));

  return {
    async runAndKill(delayMs) {
      child.stdin.write('GO\n');
      // Writing begins once READY is out; the kill comes `delayMs` later.
      const ready = new Promise<void>((resolveReady, rejectReady) => {
        const timeout = setTimeout(() => rejectReady(new Error(`The writer did not start within 20 s. stderr: ${stderr}`)), 20_000);
        const check = () => {
          if (!stdout.includes('\n')) return;
          clearTimeout(timeout);
          child.stdout.off('data', check);
          resolveReady();
        };
        child.stdout.on('data', check);
        check();
        void closed.then(() => {
          clearTimeout(timeout);
          resolveReady();
        });
      });
      await Promise.race([ready, failed]);
      await new Promise((resolveDelay) => setTimeout(resolveDelay, delayMs));
      child.kill('SIGKILL');
      const exit = await closed;
      // A line without its newline was cut off by the kill: it was never reported.
      return { lines: stdout.split('\n').slice(0, -1), stderr, exit };
    },
    discard() {
      child.kill('SIGKILL');
    },
  };
}

describe('durability against a killed process', () => {
  it(`keeps every acknowledged version and autosave through ${KILLS} SIGKILLs or more at random moments`, { timeout: 300_000 }, async () => {
    const seed = Number(process.env.DURABILITY_SEED ?? Date.now() % 2 ** 31);
    const random = mulberry32(seed);
    const templatesDir = join(temp.dir, 'templates');
    writePresetFixtures(templatesDir);
    const databasePath = join(temp.dir, 'data', 'sla-studio.db');
    const context = `(seed ${seed}; rerun with DURABILITY_SEED=${seed})`;

    const acknowledged = new Map<string, string>();
    let lastSaved: { revision: number; sha256: string } | null = null;
    let killedWhileWriting = 0;
    const started = Date.now();

    // At least KILLS kills; on a busy machine, where a writer may get little time between READY and
    // the kill, more (up to MAX_KILLS) until enough of them have landed in the middle of saving.
    const enough = (kill: number) => kill >= KILLS && killedWhileWriting >= KILLS / 4 && acknowledged.size >= KILLS / 2;
    let kills = 0;
    const spares = [spareWriter(databasePath, templatesDir), spareWriter(databasePath, templatesDir)];
    try {
      for (let kill = 1; kill <= MAX_KILLS && !enough(kill - 1); kill++) {
        kills = kill;
        const delayMs = MIN_DELAY_MS + Math.floor(random() * (MAX_DELAY_MS - MIN_DELAY_MS + 1));
        const current = spares.shift()!;
        spares.push(spareWriter(databasePath, templatesDir));
        const run = await current.runAndKill(delayMs);
        expect(run.exit, `kill ${kill} ${context}: the writer must die by the kill, not by itself. stderr: ${run.stderr}`).toEqual({
          code: null,
          signal: 'SIGKILL',
        });

        const [ready, ...reports] = run.lines;
        const [tag, , revisionText, workingHash] = (ready ?? '').split(' ');
        expect(tag, `kill ${kill} ${context}`).toBe('READY');
        const revision = Number(revisionText);
        if (lastSaved) {
          // The last reported autosave survived the previous kill — or the one after it, whose
          // commit returned but whose report the kill cut off. Nothing older.
          expect([lastSaved.revision, lastSaved.revision + 1], `kill ${kill} ${context}: working copy revision`).toContain(revision);
          if (revision === lastSaved.revision) expect(workingHash, `kill ${kill} ${context}: working copy content`).toBe(lastSaved.sha256);
        }
        lastSaved = { revision, sha256: workingHash! };

        for (const line of reports) {
          const [kind, first, second] = line.split(' ');
          if (kind === 'SAVED') lastSaved = { revision: Number(first), sha256: second! };
          else if (kind === 'ACK') acknowledged.set(first!, second!);
          else throw new Error(`kill ${kill} ${context}: unexpected report "${line}"`);
        }
        if (reports.length > 0) killedWhileWriting++;
      }
    } finally {
      for (const spare of spares) spare.discard();
    }
    const elapsedMs = Date.now() - started;

    // The kills landed in the middle of saving, not only before the first save.
    expect(killedWhileWriting, context).toBeGreaterThanOrEqual(KILLS / 4);
    expect(acknowledged.size, context).toBeGreaterThanOrEqual(KILLS / 2);

    const db = new Database(databasePath);
    try {
      expect(db.pragma('integrity_check', { simple: true }), context).toBe('ok');
      const find = db.prepare('SELECT content_json, sha256 FROM versions WHERE id = ?');
      const missing: string[] = [];
      for (const [versionId, expectedHash] of acknowledged) {
        const row = find.get(versionId) as { content_json: string; sha256: string } | undefined;
        if (!row) {
          missing.push(versionId);
          continue;
        }
        // Hash what is stored, in canonical form, and compare with what the writer meant to save.
        expect(sha256(canonicalJson(JSON.parse(row.content_json))), `version ${versionId} ${context}`).toBe(expectedHash);
        expect(row.sha256, `version ${versionId} ${context}`).toBe(expectedHash);
      }
      expect(missing, `acknowledged versions lost ${context}`).toEqual([]);
      // Sequence numbers run 1…n without a gap: no half-written round survived either.
      const sequences = db.prepare('SELECT sequence FROM versions ORDER BY sequence').pluck().all() as number[];
      expect(sequences, context).toEqual(sequences.map((_, index) => index + 1));
    } finally {
      db.close();
    }
    console.info(
      `durability: ${kills} kills (${killedWhileWriting} while writing), ${acknowledged.size} acknowledged versions, all present; ${(elapsedMs / 1000).toFixed(1)} s ${context}`,
    );
  });
});
