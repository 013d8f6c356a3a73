/**
 * The renderer's only way to the main process: the typed client that the
 * preload (Electron) or the harness script (dev:web) puts on `window.sla`.
 * Every call resolves to an ApiResult — a rejected promise (the bridge itself
 * failing) becomes an `internal` error — so screens handle one shape only.
 */
import type { TFunction } from 'i18next';
import type { ApiError, ApiInput, ApiOutput, ApiResult, Channel, SlaClient } from '../../../src-shared/api';
import type { MenuCommand } from '../../../src-shared/channels';

declare global {
  interface Window {
    sla?: SlaClient;
  }
}

export function hasClient(): boolean {
  return typeof window !== 'undefined' && window.sla !== undefined;
}

export async function call<C extends Channel>(channel: C, input: ApiInput<C>): Promise<ApiResult<ApiOutput<C>>> {
  const client = window.sla;
  if (!client) return { ok: false, error: { code: 'internal', key: 'common.noBridge' } };
  try {
    return await client.invoke[channel](input);
  } catch {
    return { ok: false, error: { code: 'internal', key: 'common.unexpectedError' } };
  }
}

export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  return window.sla?.onMenuCommand(listener) ?? (() => undefined);
}

/** An API error as one sentence in the current language; unknown keys fall back to a generic sentence. */
export function errorMessage(t: TFunction, error: ApiError): string {
  if (t(error.key, { defaultValue: '' }) === '') return t('common.unexpectedError');
  return t(error.key, error.params ?? {});
}
