import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alignByKey } from './align';

function describeAlignment(oldKeys: string[], newKeys: string[]): string[] {
  return alignByKey(oldKeys, newKeys, (key) => key).map(({ key, old, new: current, moved }) => {
    if (!old) return `+${key}`;
    if (!current) return `-${key}`;
    return moved ? `~${key}` : `=${key}`;
  });
}

/** Length of the longest common subsequence, by the textbook table: the oracle for the fewest moves. */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      table[i]![j] = a[i - 1] === b[j - 1] ? table[i - 1]![j - 1]! + 1 : Math.max(table[i - 1]![j]!, table[i]![j - 1]!);
    }
  }
  return table[a.length]![b.length]!;
}

describe('alignByKey', () => {
  it('pairs items by key and places a removal before the addition at the same spot', () => {
    expect(describeAlignment(['a', 'b', 'c'], ['a', 'x', 'c'])).toEqual(['=a', '-b', '+x', '=c']);
  });

  it('reports a reordered item once, as moved at its new place', () => {
    expect(describeAlignment(['a', 'b', 'c', 'd'], ['d', 'a', 'b', 'c'])).toEqual(['~d', '=a', '=b', '=c']);
  });

  it('keeps the removed items of the end and the beginning in place', () => {
    expect(describeAlignment(['a', 'b', 'c'], ['b'])).toEqual(['-a', '=b', '-c']);
    expect(describeAlignment([], ['a'])).toEqual(['+a']);
    expect(describeAlignment(['a'], [])).toEqual(['-a']);
  });

  it('still answers when a key appears twice', () => {
    const result = describeAlignment(['a', 'a', 'b'], ['a', 'b', 'a']);
    expect(result.map((entry) => entry.slice(1))).toEqual(['a', 'b', 'a']);
    expect(result.filter((entry) => entry.startsWith('~'))).toHaveLength(1);
  });

  it('lists every item of both lists once, in new order, with the fewest moves', () => {
    const keys = fc.uniqueArray(fc.constantFrom(...'abcdefghijkl'), { maxLength: 12 });
    fc.assert(
      fc.property(keys, keys, (oldKeys, newKeys) => {
        const aligned = alignByKey(oldKeys, newKeys, (key) => key);
        // Every item exactly once on each side.
        expect(aligned.flatMap((item) => (item.old ? [item.old.index] : [])).sort((x, y) => x - y)).toEqual(oldKeys.map((_, i) => i));
        expect(aligned.flatMap((item) => (item.new ? [item.new.index] : []))).toEqual(newKeys.map((_, i) => i));
        // Pairs really share the key.
        for (const item of aligned) {
          if (item.old) expect(oldKeys[item.old.index]).toBe(item.key);
          if (item.new) expect(newKeys[item.new.index]).toBe(item.key);
        }
        // What is not moved keeps the old order, removals included.
        const oldOrder = aligned.filter((item) => item.old && !item.moved).map((item) => item.old!.index);
        expect(oldOrder).toEqual([...oldOrder].sort((x, y) => x - y));
        // Moves are the items outside a longest common subsequence: no fewer are possible.
        const common = aligned.filter((item) => item.old && item.new).length;
        expect(aligned.filter((item) => item.moved).length).toBe(common - lcsLength(oldKeys, newKeys));
      }),
      { numRuns: 500 },
    );
  });
});
