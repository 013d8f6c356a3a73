/**
 * The preload: exposes one typed client on `window.sla`, built from the
 * channel list. Nothing raw — no ipcRenderer, no generic invoke — crosses
 * the bridge. Bundled as a single CommonJS file (sandboxed preloads cannot
 * load modules).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, MENU_COMMAND_CHANNEL, MENU_COMMANDS, type MenuCommand } from '../src-shared/channels';
import type { SlaClient } from '../src-shared/api';

const invoke = Object.fromEntries(CHANNELS.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)])) as SlaClient['invoke'];

const client = {
  invoke,
  onMenuCommand(listener: (command: MenuCommand) => void) {
    const forward = (_event: unknown, command: unknown) => {
      if ((MENU_COMMANDS as readonly unknown[]).includes(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, forward);
    return () => ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, forward);
  },
} satisfies SlaClient;

contextBridge.exposeInMainWorld('sla', client);
