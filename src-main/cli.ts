/**
 * The command line: `npm run sla -- validate FILE [--lang en|zh-CN]`,
 * `export FILE --out F.docx [--lang en|zh-CN|bilingual]`,
 * `import F.docx --out F.sla.json`, `compare OLD NEW [--json]` and
 * `redline OLD NEW --out F.docx` (src-main/docx/commands.ts), `downtime PERCENT`
 * and `report FILE --monitoring DATA.csv --month YYYY-MM [--out F.docx] [--json]`
 * (src-main/services/report-commands.ts).
 *
 * Exit codes (docs/ARCHITECTURE.md, firm contract): 0 success, 1 invalid
 * input with one line per problem (`path: message`), 2 usage error. A user's
 * mistake never produces a stack trace; an unexpected failure prints one
 * translated line.
 */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TFunction } from 'i18next';
import { createI18n, formatProblem, isLocale, localeFromSystem, type Locale } from '../src-shared/i18n';
import { MAX_DRAFT_FILE_CHARS, readDraftFile } from '../src-shared/model/file';
import { problem, type Problem } from '../src-shared/model/problems';
import {
  compareCommand,
  exportCommand,
  importDocxCommand,
  negotiationCommandOf,
  parseNegotiationArguments,
  redlineCommand,
  samePath,
  type CommandResult,
} from './docx/commands';
import { EXPORT_LANGUAGES, type ExportLanguage } from './services/contract-export';
import { reportCommandOf, runReportCommand } from './services/report-commands';

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  env: Record<string, string | undefined>;
}

/** POSIX order of precedence for the message language: LC_ALL, then LC_MESSAGES, then LANG. */
export function localeFromEnvironment(env: Record<string, string | undefined>): Locale {
  const system = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  // "zh_CN.UTF-8" → "zh-CN.UTF-8": localeFromSystem expects BCP 47 separators.
  return localeFromSystem(system?.replace(/_/g, '-'));
}

type UsageError = { messageKey: string; params?: Record<string, string> };

type Parsed =
  | { kind: 'help'; locale: Locale }
  | ({ kind: 'usageError'; locale: Locale } & UsageError)
  | { kind: 'validate'; locale: Locale; file: string }
  | { kind: 'export'; locale: Locale; file: string; out: string; language: ExportLanguage | undefined }
  | { kind: 'import'; locale: Locale; docx: string; out: string };

const COMMANDS = ['validate', 'export', 'import'] as const;
type Command = (typeof COMMANDS)[number];

function isExportLanguage(value: string): value is ExportLanguage {
  return (EXPORT_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language of the messages is found first, so that even a usage error
 * is reported in it. `--lang` names it for validate and import; for export
 * it is the contract's language, and the messages follow the environment.
 */
function parseArguments(args: readonly string[], fallback: Locale): Parsed {
  const positional: string[] = [];
  let lang: string | undefined;
  let out: string | undefined;
  let missingValue: UsageError | null = null;
  let otherError: UsageError | null = null;
  let help = false;

  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    const option = ['--lang', '--out'].find((name) => arg === name || arg.startsWith(`${name}=`));
    if (option) {
      const value = arg === option ? args[++i] : arg.slice(option.length + 1);
      if (value === undefined || value === '') missingValue ??= { messageKey: 'cli.missingValue', params: { option } };
      else if (option === '--lang') lang = value;
      else out = value;
    } else if (arg === '--help' || arg === '-h') {
      help = true;
    } else if (arg.startsWith('-') && arg !== '-') {
      otherError ??= { messageKey: 'cli.unknownOption', params: { option: arg } };
    } else {
      positional.push(arg);
    }
  }

  const [command, ...rest] = positional;
  const known = (COMMANDS as readonly string[]).includes(command ?? '') ? (command as Command) : null;
  const contractLanguage = known === 'export';
  const locale: Locale = !contractLanguage && lang !== undefined && isLocale(lang) ? lang : fallback;
  const usageError = (error: UsageError): Parsed => ({ kind: 'usageError', locale, ...error });

  if (missingValue) return usageError(missingValue);
  if (lang !== undefined && contractLanguage && !isExportLanguage(lang)) return usageError({ messageKey: 'cli.invalidContractLang', params: { value: lang } });
  if (lang !== undefined && !contractLanguage && !isLocale(lang)) return usageError({ messageKey: 'cli.invalidLang', params: { value: lang } });
  if (otherError) return usageError(otherError);
  if (help) return { kind: 'help', locale };
  if (command === undefined) return usageError({ messageKey: 'cli.missingCommand' });
  if (!known) return usageError({ messageKey: 'cli.unknownCommand', params: { command } });
  if (known === 'validate' && out !== undefined) return usageError({ messageKey: 'cli.unknownOption', params: { option: '--out' } });

  const [file, extra] = rest;
  if (file === undefined) {
    const messageKey = { validate: 'cli.missingFile', export: 'cli.missingExportFile', import: 'cli.missingImportFile' }[known];
    return usageError({ messageKey });
  }
  if (extra !== undefined) return usageError({ messageKey: 'cli.unexpectedArgument', params: { argument: extra } });
  if (known === 'validate') return { kind: 'validate', locale, file };
  if (out === undefined) return usageError({ messageKey: 'cli.missingOut', params: { command: known } });
  if (samePath(out, file)) return usageError({ messageKey: 'cli.outIsInput' });
  if (known === 'export') return { kind: 'export', locale, file, out, language: lang as ExportLanguage | undefined };
  return { kind: 'import', locale, docx: file, out };
}

/** The file's text, or the problem that stops it from being read. */
function readFileText(file: string): { ok: true; text: string } | { ok: false; problem: Problem } {
  try {
    // Refuse a huge file before reading it all into memory (UTF-8 is at most 4 bytes a character).
    if (statSync(file).size > MAX_DRAFT_FILE_CHARS * 4) {
      return { ok: false, problem: problem([], 'file.tooLarge', { max: MAX_DRAFT_FILE_CHARS }) };
    }
    return { ok: true, text: readFileSync(file, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, problem: problem([], 'cli.fileNotFound', { file }) };
    return { ok: false, problem: problem([], 'cli.fileUnreadable', { file, reason: code }) };
  }
}

function validate(file: string, t: TFunction, io: CliIo): number {
  const read = readFileText(file);
  const result = read.ok ? readDraftFile(read.text) : { ok: false as const, problems: [read.problem] };
  if (result.ok) {
    io.stdout(t('cli.valid', { file }));
    return EXIT_OK;
  }
  for (const item of result.problems) io.stdout(formatProblem(t, item));
  return EXIT_INVALID;
}

/** The bundled templates folder: templates/ next to src-main, where `npm run sla` runs from. */
const BUNDLED_TEMPLATES = fileURLToPath(new URL('../templates/', import.meta.url));

function print(io: CliIo, result: CommandResult): number {
  for (const line of result.stdout) io.stdout(line);
  for (const line of result.stderr) io.stderr(line);
  return result.code;
}

/** Runs one command line; resolves to the exit code. Never rejects. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  let locale = localeFromEnvironment(io.env);
  const reportCommand = reportCommandOf(args);
  if (reportCommand) return runReportCommand(reportCommand, args, io, locale);
  try {
    // compare and redline take two files and options of their own (src-main/docx/commands.ts).
    const parsed = negotiationCommandOf(args) ? parseNegotiationArguments(args, locale) : parseArguments(args, locale);
    locale = parsed.locale;
    const t = createI18n(locale).t;
    switch (parsed.kind) {
      case 'help':
        io.stdout(t('cli.usage'));
        return EXIT_OK;
      case 'usageError':
        io.stderr(t(parsed.messageKey, parsed.params));
        io.stderr('');
        io.stderr(t('cli.usage'));
        return EXIT_USAGE;
      case 'validate':
        return validate(parsed.file, t, io);
      case 'export':
        return print(io, await exportCommand({ file: parsed.file, out: parsed.out, language: parsed.language, templateDirs: [BUNDLED_TEMPLATES], t }));
      case 'import':
        return print(io, await importDocxCommand({ docx: parsed.docx, out: parsed.out, t }));
      case 'compare':
        return print(io, compareCommand({ old: parsed.old, new: parsed.new, json: parsed.json, locale, t }));
      case 'redline':
        return print(
          io,
          await redlineCommand({ old: parsed.old, new: parsed.new, out: parsed.out, language: parsed.language, author: parsed.author, templateDirs: [BUNDLED_TEMPLATES], t }),
        );
    }
  } catch (error) {
    // A bug, not the user's mistake: one line for them, the details only when asked for.
    io.stderr(createI18n(locale).t('cli.internalError'));
    if (io.env.SLA_DEBUG) io.stderr(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return EXIT_INVALID;
  }
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  return entry !== undefined && import.meta.url === pathToFileURL(entry).href;
}

if (isEntryPoint()) {
  // `sla validate big.sla.json | head -1` closes the pipe early: that is not an error worth a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
  void runCli(process.argv.slice(2), {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  });
}
