/**
 * Binds every channel of src-shared/channels.ts to its handler with
 * ipcMain.handle. Before a payload reaches a handler, the sender must be the
 * main frame of one of the app's own pages (Electron security checklist,
 * item 17: validate the sender of all IPC messages) and the payload must be
 * plain JSON data; the handler then parses the payload, which is `unknown`
 * here. Nothing is ever thrown back to the renderer: every answer is an
 * ApiResult.
 */
import type { ApiError, ApiResult } from '../src-shared/api';
import { CHANNELS, type Channel } from '../src-shared/channels';
import { problem, type ProblemPath } from '../src-shared/model/problems';
import type { ChannelHandlers } from './api-handlers';
import { isFromOrigins } from './electron/security';

/** The parts of Electron's WebFrameMain the sender check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
  readonly detached?: boolean;
}

/** The part of Electron's IpcMainInvokeEvent the sender check reads. */
export interface InvokeEvent {
  readonly senderFrame: SenderFrame | null;
}

/** Electron's ipcMain as far as registerIpc uses it. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<ApiResult<unknown>>): void;
  removeHandler(channel: string): void;
}

export type SenderCheck = (event: InvokeEvent) => boolean;

export interface IpcOptions {
  isTrustedSender: SenderCheck;
  /** Where unexpected handler failures are logged; the renderer only sees errors.internal. */
  logError?: (channel: Channel, error: unknown) => void;
}

/**
 * A sender is trusted when its frame still exists, is the top frame of its
 * page (an iframe, even one of ours, gets nothing), and its page comes from
 * one of the app's origins.
 */
export function createSenderCheck(trustedOrigins: readonly string[]): SenderCheck {
  return (event) => {
    try {
      const frame = event.senderFrame;
      if (!frame || frame.detached === true) return false;
      if (frame.parent !== null) return false;
      return isFromOrigins(frame.url, trustedOrigins);
    } catch {
      // Electron throws when a frame is read after it was disposed (the page navigated away).
      return false;
    }
  };
}

/** Deeper than any draft (about ten levels): a payload nested further is not the typed client's. */
export const MAX_PAYLOAD_DEPTH = 64;

/**
 * Where a payload stops being plain JSON data, or null when it is all plain.
 * Structured clone carries more than JSON — BigInt, Map, Set, Date, typed
 * arrays, NaN, sparse arrays of any length — and the typed client never
 * sends any of it, while the dev:web harness can only carry JSON; refusing
 * the rest keeps the two transports alike and keeps values the handlers
 * never expect (a BigInt makes JSON.stringify throw; a sparse array of four
 * billion holes costs nothing to send and hangs whatever loops over it) out of main.
 */
export function nonPlainDataAt(value: unknown, depth = 0): ProblemPath | null {
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : [];
  if (typeof value !== 'object' || depth >= MAX_PAYLOAD_DEPTH) return [];
  if (Array.isArray(value)) {
    // Object.keys lists only the elements that exist: a hole shows as a missing key, without visiting the length.
    if (Object.getPrototypeOf(value) !== Array.prototype || Object.keys(value).length !== value.length) return [];
    for (let index = 0; index < value.length; index++) {
      const inner = nonPlainDataAt(value[index], depth + 1);
      if (inner) return [index, ...inner];
    }
    return null;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return [];
  for (const [key, field] of Object.entries(value)) {
    const inner = nonPlainDataAt(field, depth + 1);
    if (inner) return [key, ...inner];
  }
  return null;
}

export function notPlainData(channel: Channel, path: ProblemPath): { ok: false; error: ApiError } {
  return { ok: false, error: { code: 'invalidInput', key: 'errors.invalidInput', params: { channel }, problems: [problem(path, 'validation.invalid')] } };
}

export function forbidden(channel: Channel): { ok: false; error: ApiError } {
  return { ok: false, error: { code: 'forbidden', key: 'errors.forbidden', params: { channel } } };
}

function internalError(channel: Channel): { ok: false; error: ApiError } {
  return { ok: false, error: { code: 'internal', key: 'errors.internal', params: { channel } } };
}

/** Registers every channel; returns a function that removes them again. */
export function registerIpc(ipcMain: IpcMainLike, handlers: ChannelHandlers, options: IpcOptions): () => void {
  for (const channel of CHANNELS) {
    const handler = handlers[channel] as (input: unknown) => Promise<ApiResult<unknown>>;
    ipcMain.handle(channel, async (event, payload) => {
      if (!options.isTrustedSender(event)) return forbidden(channel);
      const notPlain = nonPlainDataAt(payload);
      if (notPlain) return notPlainData(channel, notPlain);
      let result: ApiResult<unknown>;
      try {
        result = await handler(payload);
      } catch (error) {
        options.logError?.(channel, error);
        return internalError(channel);
      }
      return result;
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}
