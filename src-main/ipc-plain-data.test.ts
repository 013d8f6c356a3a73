/**
 * Electron's IPC carries whatever structured clone can: BigInt, Map, Date,
 * typed arrays, NaN, sparse arrays. The typed client never sends any of it
 * and the dev:web harness (JSON over HTTP) cannot, so registerIpc refuses it
 * before a handler sees it, naming where it is — the handlers then meet in
 * Electron exactly the values they meet in the harness.
 */
import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../src-shared/api';
import { CHANNELS, type Channel } from '../src-shared/channels';
import { isTranslated } from '../src-shared/testing/hostile';
import type { ChannelHandlers } from './api-handlers';
import { createSenderCheck, MAX_PAYLOAD_DEPTH, nonPlainDataAt, registerIpc, type InvokeEvent, type IpcMainLike } from './ipc';

const TRUSTED: InvokeEvent = { senderFrame: { url: 'app://sla-studio/index.html', parent: null } };
const DRAFT_ID = '0b9f4a3e-6a43-4c51-9f3e-2d1c7a5b8e10';

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = { inner: value };
  return value;
}

describe('nonPlainDataAt', () => {
  it('lets plain JSON data through, whatever its text', () => {
    const payload = {
      id: DRAFT_ID,
      content: { title: 'Acme 服务等级协议 😀', services: [{ id: 'core-api', metrics: [] }], cap: -0, note: null, optional: undefined, lone: '\ud800' },
      baseRevision: 3,
    };
    expect(nonPlainDataAt(payload)).toBeNull();
    expect(nonPlainDataAt(Object.assign(Object.create(null) as object, { a: 1 }))).toBeNull();
    for (const value of [undefined, null, 0, '', false, [], {}]) expect(nonPlainDataAt(value)).toBeNull();
  });

  it.each([
    ['a BigInt', 10n],
    ['a Map', new Map([['a', 1]])],
    ['a Set', new Set([1])],
    ['a Date', new Date('2027-10-01T00:00:00Z')],
    ['a RegExp', /x/],
    ['a typed array', new Uint8Array([1, 2])],
    ['an ArrayBuffer', new ArrayBuffer(8)],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a boxed number', Object(5) as unknown],
    ['an Error', new Error('boom')],
    ['a function', () => 1],
    ['a sparse array', [1, , 3]], // eslint-disable-line no-sparse-arrays -- the hole is the point
  ])('finds %s and says where it is', (_what, value) => {
    expect(nonPlainDataAt(value)).toEqual([]);
    expect(nonPlainDataAt({ approval: { findings: [{ ok: true }, { severity: value }] } })).toEqual(['approval', 'findings', 1, 'severity']);
  });

  it('refuses a sparse array of four billion holes at once, without visiting them', () => {
    const started = performance.now();
    expect(nonPlainDataAt({ content: { services: new Array(4_000_000_000) } })).toEqual(['content', 'services']);
    console.info(`[ipc] a 4e9-long sparse array: refused in ${(performance.now() - started).toFixed(2)} ms`);
  });

  it(`allows ${MAX_PAYLOAD_DEPTH} levels of nesting and refuses one more`, () => {
    expect(nonPlainDataAt(nested(MAX_PAYLOAD_DEPTH))).toBeNull();
    const path = nonPlainDataAt(nested(MAX_PAYLOAD_DEPTH + 1));
    expect(path).toEqual(Array(MAX_PAYLOAD_DEPTH).fill('inner'));
    // Far deeper than a stack would allow a naive walk: still an answer, not a RangeError.
    expect(nonPlainDataAt(nested(200_000))).toHaveLength(MAX_PAYLOAD_DEPTH);
  });
});

describe('registerIpc refuses payloads that are not plain data', () => {
  function register() {
    const listeners = new Map<string, Parameters<IpcMainLike['handle']>[1]>();
    const received: Channel[] = [];
    const handlers = Object.fromEntries(
      CHANNELS.map((channel) => [channel, (input: unknown) => (received.push(channel), Promise.resolve({ ok: true, value: input }))]),
    ) as unknown as ChannelHandlers;
    registerIpc({ handle: (channel, listener) => listeners.set(channel, listener), removeHandler: () => undefined }, handlers, {
      isTrustedSender: createSenderCheck(['app://sla-studio']),
    });
    const invoke = (channel: Channel, payload: unknown) => listeners.get(channel)!(TRUSTED, payload) as Promise<ApiResult<unknown>>;
    return { invoke, received };
  }

  it.each(CHANNELS)('%s answers invalidInput naming the field, and its handler never sees the payload', async (channel) => {
    const { invoke, received } = register();
    const result = await invoke(channel, { draftId: DRAFT_ID, approval: { approver: 'Dana', findings: [10n] } });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalidInput',
        key: 'errors.invalidInput',
        params: { channel },
        problems: [expect.objectContaining({ path: ['approval', 'findings', 0], key: 'validation.invalid' })],
      },
    });
    expect(isTranslated('validation.invalid')).toBe(true);
    expect(received).toEqual([]);
  });

  it('passes plain data through untouched', async () => {
    const { invoke, received } = register();
    const payload = { id: DRAFT_ID, content: { title: 'Acme', services: [] }, baseRevision: 0 };
    expect(await invoke('drafts.save', payload)).toEqual({ ok: true, value: payload });
    expect(received).toEqual(['drafts.save']);
  });
});
