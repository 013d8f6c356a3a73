/**
 * `npm run dev:web [-- DATA_DIR] [--port N]`: the harness for working on the
 * UI in a browser, with the real services and a database in DATA_DIR
 * (default .tmp/dev-web). Prints the address, token included, on one line.
 */
import { resolve } from 'node:path';
import { DatabaseOpenError } from '../../src-main/db';
import { createI18n, localeFromSystem } from '../../src-shared/i18n';
import { backupsDirFor } from '../../src-main/services/backups';
import { recoveryChoicesText } from '../../src-main/services/recovery';
import { startHarness } from './server';

function parseArguments(args: string[]): { dataDir: string; port: number } | string {
  let dataDir: string | null = null;
  let port = 0;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--port') {
      const value = Number(args[++i]);
      if (!Number.isInteger(value) || value < 0 || value > 65535) return 'The port must be a whole number from 0 to 65535.';
      port = value;
    } else if (arg.startsWith('-')) {
      return `Unknown option "${arg}". Usage: npm run dev:web -- [DATA_DIR] [--port N]`;
    } else if (dataDir === null) {
      dataDir = arg;
    } else {
      return `Unexpected argument "${arg}". Usage: npm run dev:web -- [DATA_DIR] [--port N]`;
    }
  }
  return { dataDir: resolve(dataDir ?? '.tmp/dev-web'), port };
}

async function main(): Promise<number> {
  const parsed = parseArguments(process.argv.slice(2));
  if (typeof parsed === 'string') {
    console.error(parsed);
    return 2;
  }
  try {
    const harness = await startHarness(parsed);
    console.log(`SLA Studio (dev:web) is at ${harness.url}`);
    const stop = () => {
      void harness.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return 0;
  } catch (error) {
    if (error instanceof DatabaseOpenError) {
      const locale = localeFromSystem(process.env.LC_ALL || process.env.LANG);
      const t = createI18n(locale).t;
      console.error(t(error.key, error.params));
      // Damaged: the desktop app would ask; here the choices are printed and nothing is changed.
      if (error.reason === 'unreadable') {
        console.error(recoveryChoicesText({ t, backupsDir: backupsDirFor(error.path), formatTime: (iso) => new Date(iso).toLocaleString(locale) }));
      }
    } else {
      console.error('dev:web could not start:', error instanceof Error ? error.message : error);
    }
    return 1;
  }
}

void main().then((code) => {
  if (code !== 0) process.exit(code);
});
