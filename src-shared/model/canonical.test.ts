import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalHash, canonicalJson, sha256Hex } from './canonical';
import { preset } from '../contract/fixtures';

/** The same value with every object's keys in reverse order: what an editor that rebuilds objects may produce. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).reverse();
    return Object.fromEntries(entries.map(([key, inner]) => [key, reverseKeys(inner)]));
  }
  return value;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and leaves out whitespace, keeping arrays in order', () => {
    const value = { b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } };
    expect(canonicalJson(value)).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it('gives a draft the same text whatever order its keys were written in', () => {
    const draft = preset('enterprise');
    const reordered = reverseKeys(draft);
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(draft));
    expect(canonicalJson(reordered)).toBe(canonicalJson(draft));
    expect(JSON.parse(canonicalJson(draft))).toEqual(draft);
  });

  it('is the same text for any key order of any JSON value, and parses back to that value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(reverseKeys(value))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('writes numbers in their shortest form', () => {
    expect(canonicalJson([99.95, 1e21, 0.1 + 0.2, -0, 100, 1.5e-7])).toBe('[99.95,1e+21,0.30000000000000004,0,100,1.5e-7]');
  });

  it('escapes strings as JSON does and keeps Chinese text as it is', () => {
    expect(canonicalJson({ title: '服务等级协议 "v2"\n' })).toBe('{"title":"服务等级协议 \\"v2\\"\\n"}');
  });

  it('sorts keys by UTF-16 code units, as RFC 8785 does', () => {
    expect(canonicalJson({ b: 1, B: 2, é: 3, a: 4, 中: 5 })).toBe('{"B":2,"a":4,"b":1,"é":3,"中":5}');
  });

  it('leaves out undefined properties, as an absent optional field means the same', () => {
    expect(canonicalJson({ name: 'API', percentile: undefined })).toBe(canonicalJson({ name: 'API' }));
  });

  it('refuses values that have no faithful JSON form instead of hashing them as null', () => {
    expect(() => canonicalJson({ objective: Number.NaN })).toThrow(/\$\.objective: NaN/);
    expect(() => canonicalJson({ fee: Infinity })).toThrow(TypeError);
    expect(() => canonicalJson({ when: new Date(0) })).toThrow(/\$\.when: only plain objects/);
    expect(() => canonicalJson([1, undefined])).toThrow(/\$\[1\]/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/);
  });
});

describe('sha256Hex', () => {
  it('matches the FIPS 180-2 test vectors', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('hashes Chinese text as UTF-8 bytes (computed independently with sha256sum)', async () => {
    // printf '服务等级协议 99.95%' | sha256sum; as UTF-16 the digest would be 8b2f8a17…
    expect(await sha256Hex('服务等级协议 99.95%')).toBe('2a9a1c01627e442d4c94a9c1c102e477f0e532e95ea2f8a88edd7e90f8fc2f91');
  });
});

describe('canonicalHash', () => {
  it('gives the same hash to the same content in a different key order, and another hash to other content', async () => {
    const draft = preset('standard-saas');
    const first = await canonicalHash(draft);
    const second = await canonicalHash(reverseKeys(draft));
    expect(second).toEqual(first);
    expect(first.sha256).toBe(await sha256Hex(first.canonical));
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);

    const changed = structuredClone(draft);
    changed.targets.objectives[0]!.objective = 99.95;
    expect((await canonicalHash(changed)).sha256).not.toBe(first.sha256);
  });
});
