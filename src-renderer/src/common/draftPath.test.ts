import { describe, expect, it } from 'vitest';
import { fieldKey, getIn, moveItem, setIn } from './draftPath';

describe('setIn', () => {
  const draft = {
    title: 'T',
    services: [
      { id: 'a', metrics: [{ id: 'm', name: 'x' }] },
      { id: 'b', metrics: [] },
    ],
    targets: { objectives: [] },
  };

  it('replaces one value and copies only the objects along its path', () => {
    const next = setIn(draft, ['services', 0, 'metrics', 0, 'name'], 'y');
    expect(getIn(next, ['services', 0, 'metrics', 0, 'name'])).toBe('y');
    expect(draft.services[0]!.metrics[0]!.name).toBe('x');
    expect(next.services[1]).toBe(draft.services[1]);
    expect(next.targets).toBe(draft.targets);
    expect(next.services).not.toBe(draft.services);
  });

  it('removes an object key when the value is undefined (an optional field going away)', () => {
    const next = setIn({ kind: 'latency', percentile: 95 }, ['percentile'], undefined);
    expect(next).toEqual({ kind: 'latency' });
    expect('percentile' in next).toBe(false);
  });

  it('keeps null, which is how a cleared number is stored until retyped', () => {
    expect(setIn({ termMonths: 12 }, ['termMonths'], null)).toEqual({ termMonths: null });
  });
});

describe('moveItem', () => {
  it('moves an entry one place and leaves the ends alone', () => {
    expect(moveItem(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});

describe('fieldKey', () => {
  it('writes a path the way problems and the command line do', () => {
    expect(fieldKey(['services', 0, 'metrics', 12, 'name'])).toBe('services[0].metrics[12].name');
    expect(fieldKey(['title'])).toBe('title');
  });
});
