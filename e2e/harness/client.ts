/**
 * window.sla in plain Chromium: the same SlaClient that src-main/preload.ts
 * exposes in Electron, over HTTP to the harness (POST /api/<channel>), so the
 * renderer cannot tell the two apart.
 *
 * Served as a classic script before the app's module script. server.ts
 * transpiles it (types only are imported; nothing is bundled) and defines
 * the two lists below from src-shared/channels.ts when it serves it.
 */
import type { ApiResult, SlaClient } from '../../src-shared/api';
import type { Channel, MenuCommand } from '../../src-shared/channels';

declare const SLA_CHANNELS: readonly Channel[];
declare const SLA_MENU_COMMANDS: readonly MenuCommand[];

/** What the preload would answer if main were unreachable: the UI shows errors.internal. */
const UNREACHABLE: ApiResult<never> = { ok: false, error: { code: 'internal', key: 'errors.internal' } };

function isApiResult(value: unknown): value is ApiResult<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/**
 * In a browser a saved file is a download: after an export, offer the file
 * the harness wrote into its exports folder (GET /exports/<name>).
 */
function offerDownload(path: string): void {
  const name = path.split(/[\\/]/).pop();
  if (!name) return;
  const link = document.createElement('a');
  link.href = `/exports/${encodeURIComponent(name)}`;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}

const DOWNLOAD_CHANNELS: ReadonlySet<Channel> = new Set<Channel>([
  'exports.draftFile',
  'exports.contract',
  'exports.showInFolder',
  'redlines.export',
  'reportExport.docx',
]);

/**
 * The per-run token, from the address the harness printed (?token=), kept for
 * this tab's reloads. The API takes it only as a header: the cookie that
 * serves the page's files would also ride along on another site's requests.
 */
const TOKEN_KEY = 'sla-harness-token';
const tokenInAddress = new URLSearchParams(location.search).get('token');
if (tokenInAddress) sessionStorage.setItem(TOKEN_KEY, tokenInAddress);
const token = sessionStorage.getItem(TOKEN_KEY) ?? '';

async function post(channel: Channel, input: unknown): Promise<ApiResult<unknown>> {
  let result: unknown;
  try {
    const response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sla-token': token },
      body: JSON.stringify(input === undefined ? {} : input),
      credentials: 'same-origin',
      cache: 'no-store',
    });
    result = await response.json();
  } catch {
    return UNREACHABLE;
  }
  if (!isApiResult(result)) return UNREACHABLE;
  // A saved draft or contract is offered as a download; "Show in folder" offers the recorded file again.
  if (DOWNLOAD_CHANNELS.has(channel) && result.ok) {
    const path = (result.value as { path?: unknown } | null)?.path;
    if (typeof path === 'string') offerDownload(path);
  }
  return result;
}

const invoke = Object.freeze(Object.fromEntries(SLA_CHANNELS.map((channel) => [channel, (input: unknown) => post(channel, input)]))) as SlaClient['invoke'];

/**
 * There is no application menu in a browser; an end-to-end test can stand in
 * for it with window.dispatchEvent(new CustomEvent('sla-menu-command', { detail: 'newDraft' })).
 */
function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  const forward = (event: Event) => {
    const command = (event as CustomEvent<unknown>).detail;
    if ((SLA_MENU_COMMANDS as readonly unknown[]).includes(command)) listener(command as MenuCommand);
  };
  window.addEventListener('sla-menu-command', forward);
  return () => window.removeEventListener('sla-menu-command', forward);
}

const client = Object.freeze({ invoke, onMenuCommand }) satisfies SlaClient;

Object.defineProperty(window, 'sla', { value: client, enumerable: true, writable: false, configurable: false });
