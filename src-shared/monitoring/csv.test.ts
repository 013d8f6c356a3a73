import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsvRecordReader, type CsvSyntaxProblem } from './csv';

interface Read {
  records: Array<{ line: number; fields: string[] }>;
  problems: CsvSyntaxProblem[];
}

function read(chunks: string | string[], maxRecordChars?: number): Read {
  const out: Read = { records: [], problems: [] };
  const reader = new CsvRecordReader(
    { record: (fields, line) => out.records.push({ line, fields }), problem: (problem) => out.problems.push(problem) },
    { maxRecordChars },
  );
  for (const chunk of typeof chunks === 'string' ? [chunks] : chunks) reader.push(chunk);
  reader.end();
  return out;
}

describe('CsvRecordReader', () => {
  it('reads plain rows with their line numbers, with or without a final line break', () => {
    expect(read('a,b\n1,2\n3,4').records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 3, fields: ['3', '4'] },
    ]);
    expect(read('a,b\n1,2\n').records).toHaveLength(2);
  });

  it('reads CRLF line ends, a byte order mark and blank trailing lines', () => {
    const { records, problems } = read('\uFEFFservice,start\r\ncore,x\r\n\r\n\r\n');
    expect(problems).toEqual([]);
    expect(records).toEqual([
      { line: 1, fields: ['service', 'start'] },
      { line: 2, fields: ['core', 'x'] },
    ]);
  });

  it('skips a blank line in the middle but keeps counting lines', () => {
    expect(read('a\n\n   \nb\n').records).toEqual([
      { line: 1, fields: ['a'] },
      { line: 4, fields: ['b'] },
    ]);
  });

  it('reads quoted commas, doubled quotes and line breaks inside quotes', () => {
    const text = 'service,reason\r\ncore,"Database failover, region ""us-east"""\r\ncore,"two\r\nlines"\r\nweb,plain\r\n';
    const { records, problems } = read(text);
    expect(problems).toEqual([]);
    expect(records).toEqual([
      { line: 1, fields: ['service', 'reason'] },
      { line: 2, fields: ['core', 'Database failover, region "us-east"'] },
      // The quoted line break is part of the value; the record starts on line 3 and the next on line 5.
      { line: 3, fields: ['core', 'two\r\nlines'] },
      { line: 5, fields: ['web', 'plain'] },
    ]);
  });

  it('reads an empty quoted value and a quoted value at the end of the file', () => {
    expect(read('a,"",c\n"x","y"').records).toEqual([
      { line: 1, fields: ['a', '', 'c'] },
      { line: 2, fields: ['x', 'y'] },
    ]);
  });

  it('tolerates spaces around a quoted value', () => {
    expect(read('a, "b, c" ,d\n').records).toEqual([{ line: 1, fields: ['a', 'b, c', 'd'] }]);
  });

  it('reports a quote inside an unquoted value and text after a closing quote, then reads on', () => {
    const { records, problems } = read('h1,h2\nab"c,d\n"x"y,z\nok,1\n');
    expect(problems).toEqual([
      { line: 2, key: 'strayQuote', fatal: false },
      { line: 3, key: 'strayQuote', fatal: false },
    ]);
    expect(records.map((record) => record.line)).toEqual([1, 4]);
  });

  it('stops at a quote that is never closed', () => {
    const { records, problems } = read('h\nfine\n"never closed\nmore\nrows\n');
    expect(records.map((record) => record.fields[0])).toEqual(['h', 'fine']);
    expect(problems).toEqual([{ line: 3, key: 'unterminatedQuote', fatal: true }]);
  });

  it('does not hold an endless record in memory', () => {
    const reader = read(['h\n"', 'x'.repeat(600), 'y'.repeat(600)], 1_000);
    expect(reader.problems).toEqual([{ line: 2, key: 'recordTooLong', fatal: true }]);
  });

  it('gives the same records however the text is cut into chunks', () => {
    const cell = fc.oneof(
      fc.stringMatching(/^[a-z0-9 :.+-]{0,8}$/),
      fc.string({ maxLength: 8 }).map((text) => `"${text.replace(/"/g, '""')}"`),
    );
    const row = fc.array(cell, { minLength: 1, maxLength: 4 }).map((cells) => cells.join(','));
    const document = fc.tuple(fc.array(row, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'));
    fc.assert(
      fc.property(document, fc.array(fc.nat(), { maxLength: 6 }), ([rows, newline], cuts) => {
        const text = rows.join(newline) + newline;
        const positions = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
        const chunks: string[] = [];
        let previous = 0;
        for (const position of positions) {
          chunks.push(text.slice(previous, position));
          previous = position;
        }
        chunks.push(text.slice(previous));
        expect(read(chunks)).toEqual(read(text));
      }),
    );
  });
});
