/**
 * docs/SECURITY.md points at the code behind each checklist item as
 * `file:line` — `code`. A setting that is removed or renamed must not leave
 * the page claiming it: each quoted piece of code must still be in its
 * file, on the line the page names (a pointer a reader follows must lead
 * there; the failure lists each moved reference with its new line).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const DOC = readFileSync(path.join(ROOT, 'docs', 'SECURITY.md'), 'utf8');
const REFERENCE = /`([\w./-]+):(\d+)` — `([^`]+)`/g;

const references = [...DOC.matchAll(REFERENCE)].map(([, file = '', line = '', code = '']) => ({ file, line: Number(line), code }));

describe('docs/SECURITY.md', () => {
  it("has a row for each of the twenty items of Electron's checklist", () => {
    const rows = [...DOC.matchAll(/^\| (\d+) \|/gm)].map((match) => Number(match[1]));
    expect(rows).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
  });

  it('points at code that is there', () => {
    expect(references.length).toBeGreaterThan(30);
    const moved: string[] = [];
    for (const { file, line, code } of references) {
      const absolute = path.join(ROOT, file);
      expect(existsSync(absolute), `${file} exists`).toBe(true);
      const lines = readFileSync(absolute, 'utf8').split('\n');
      const found = lines.findIndex((text) => text.includes(code));
      expect(found, `${file} still contains \`${code}\``).toBeGreaterThanOrEqual(0);
      if (!lines[line - 1]?.includes(code)) moved.push(`${file}:${line} is now ${file}:${found + 1} — ${code}`);
    }
    expect(moved, 'references to update in docs/SECURITY.md').toEqual([]);
  });
});
