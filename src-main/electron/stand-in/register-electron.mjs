// `node --import ./register-electron.mjs`: installs the hook before the bundle loads.
import { register } from 'node:module';

register('./electron-hooks.mjs', import.meta.url);
