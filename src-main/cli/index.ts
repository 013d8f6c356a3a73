/**
 * The command line: `sla-studio <command> …` (`npm run sla -- <command> …`
 * in a checkout). One parser (./arguments.ts), one file per command
 * (./commands/), one table of exit codes (./exit-codes.ts). A user's mistake
 * never produces a stack trace; an unexpected failure prints one translated
 * line (and the stack with SLA_DEBUG set). Everything printed passes through
 * ./output.ts, so a file's content cannot forge a line.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { TFunction } from 'i18next';
import { createI18n, isLocale, localeFromSystem, type Locale } from '../../src-shared/i18n';
import type { DraftPartReader } from '../docx/read-in-worker';
import { readCommandLine, ANY_OPTION, type UsageError } from './arguments';
import type { AnyCliCommand, CommandResult } from './command';
import { EXIT } from './exit-codes';
import { linesOf, printable } from './output';

/**
 * Each command is loaded when it is named, so that `downtime` does not pay
 * for the Word and zip libraries that `export` needs.
 */
const COMMANDS: Record<string, () => Promise<AnyCliCommand>> = {
  validate: async () => (await import('./commands/validate')).validateCommand,
  export: async () => (await import('./commands/export')).exportCommand,
  import: async () => (await import('./commands/import')).importCommand,
  compare: async () => (await import('./commands/compare')).compareCommand,
  redline: async () => (await import('./commands/redline')).redlineCommand,
  downtime: async () => (await import('./commands/downtime')).downtimeCommand,
  report: async () => (await import('./commands/report')).reportCommand,
};

export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  env: Record<string, string | undefined>;
  /** The clause library's folders, the bundled one first. */
  templateDirs: readonly string[];
  /** What takes the draft out of a .docx to import. */
  readDraftPart: DraftPartReader;
}

/** POSIX order of precedence for the message language: LC_ALL, then LC_MESSAGES, then LANG. */
export function localeFromEnvironment(env: Record<string, string | undefined>): Locale {
  return localeFromSystem([env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== ''));
}

function usageResult(t: TFunction, usageKey: string, error: UsageError): CommandResult {
  return { code: EXIT.usage, stdout: [], stderr: [t(error.key, error.params), '', ...linesOf(t(usageKey))] };
}

/**
 * Where the command line keeps its export seal key: `SLA_STUDIO_DATA`, else
 * the app's user-data folder (Electron's appData/SLA Studio), so that the
 * command line and the app of one installation seal with one key.
 */
export function cliDataFolder(env: Record<string, string | undefined>, platform: NodeJS.Platform = process.platform): string {
  if (env.SLA_STUDIO_DATA) return env.SLA_STUDIO_DATA;
  const home = env.HOME ?? env.USERPROFILE ?? homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
}

/** The app's product name: the name of its user-data folder (package.json `productName`). */
const PRODUCT_NAME = 'SLA Studio';

async function run(
  args: readonly string[],
  environmentLocale: Locale,
  io: Pick<CliIo, 'templateDirs' | 'readDraftPart'>,
  dataDir: string,
): Promise<CommandResult> {
  const first = readCommandLine(args, ANY_OPTION);
  const load = first.command !== undefined && Object.hasOwn(COMMANDS, first.command) ? COMMANDS[first.command] : undefined;
  if (!load) {
    const locale = isLocale(first.strings.lang) ? first.strings.lang : environmentLocale;
    const t = createI18n(locale).t;
    if (first.help) return { code: EXIT.ok, stdout: linesOf(t('cli.usage')), stderr: [] };
    const error = first.command === undefined ? { key: 'cli.missingCommand' } : { key: 'cli.unknownCommand', params: { command: first.command } };
    return usageResult(t, 'cli.usage', error);
  }
  const command = await load();

  const line = readCommandLine(args, command.options);
  const lang = line.strings.lang;
  const locale = !command.langIsDocumentLanguage && isLocale(lang) ? lang : environmentLocale;
  const t = createI18n(locale).t;
  if (line.error) return usageResult(t, command.usageKey, line.error);
  if (lang !== undefined && !command.languages.includes(lang)) {
    return usageResult(t, command.usageKey, { key: command.invalidLanguageKey(line), params: { value: lang } });
  }
  if (line.help) return { code: EXIT.ok, stdout: linesOf(t(command.usageKey)), stderr: [] };
  const parsed = command.parse(line);
  if (!parsed.ok) return usageResult(t, command.usageKey, parsed.error);
  return command.run(parsed.args, { t, locale, templateDirs: io.templateDirs, readDraftPart: io.readDraftPart, dataDir });
}

/** Runs one command line; resolves to the exit code. Never rejects. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const environmentLocale = localeFromEnvironment(io.env);
  let result: CommandResult;
  try {
    result = await run(args, environmentLocale, io, cliDataFolder(io.env));
  } catch (error) {
    // A bug, not the user's mistake: one line for them, the details only when asked for.
    const stderr = [createI18n(environmentLocale).t('cli.internalError')];
    if (io.env.SLA_DEBUG) stderr.push(...linesOf(error instanceof Error ? (error.stack ?? error.message) : String(error)));
    result = { code: EXIT.invalid, stdout: [], stderr };
  }
  for (const line of result.stdout) io.stdout(printable(line));
  for (const line of result.stderr) io.stderr(printable(line));
  return result.code;
}
