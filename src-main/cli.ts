/**
 * The command line: `npm run sla -- validate FILE [--lang en|zh-CN]`.
 *
 * Exit codes (docs/ARCHITECTURE.md, firm contract): 0 success, 1 invalid
 * input with one line per problem (`path: message`), 2 usage error. A user's
 * mistake never produces a stack trace; an unexpected failure prints one
 * translated line.
 */
import { readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { TFunction } from 'i18next';
import { createI18n, formatProblem, isLocale, localeFromSystem, type Locale } from '../src-shared/i18n';
import { MAX_DRAFT_FILE_CHARS, readDraftFile } from '../src-shared/model/file';
import { problem, type Problem } from '../src-shared/model/problems';

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

type Parsed =
  | { kind: 'help'; locale: Locale }
  | { kind: 'usageError'; locale: Locale; messageKey: string; params?: Record<string, string> }
  | { kind: 'validate'; locale: Locale; file: string };

/** The language is found first, so that even a usage error is reported in it. */
function parseArguments(args: readonly string[], fallback: Locale): Parsed {
  let locale: Locale = fallback;
  let langError: { messageKey: string; params?: Record<string, string> } | null = null;
  const positional: string[] = [];
  let otherError: { messageKey: string; params?: Record<string, string> } | null = null;
  let help = false;

  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (arg === '--lang' || arg.startsWith('--lang=')) {
      const value = arg === '--lang' ? args[++i] : arg.slice('--lang='.length);
      if (value === undefined || value === '') langError = { messageKey: 'cli.missingValue', params: { option: '--lang' } };
      else if (isLocale(value)) locale = value;
      else langError = { messageKey: 'cli.invalidLang', params: { value } };
    } else if (arg === '--help' || arg === '-h') {
      help = true;
    } else if (arg.startsWith('-') && arg !== '-') {
      otherError ??= { messageKey: 'cli.unknownOption', params: { option: arg } };
    } else {
      positional.push(arg);
    }
  }

  const error = langError ?? otherError;
  if (error) return { kind: 'usageError', locale, ...error };
  if (help) return { kind: 'help', locale };
  const [command, ...rest] = positional;
  if (command === undefined) return { kind: 'usageError', locale, messageKey: 'cli.missingCommand' };
  if (command !== 'validate') return { kind: 'usageError', locale, messageKey: 'cli.unknownCommand', params: { command } };
  const [file, extra] = rest;
  if (file === undefined) return { kind: 'usageError', locale, messageKey: 'cli.missingFile' };
  if (extra !== undefined) return { kind: 'usageError', locale, messageKey: 'cli.unexpectedArgument', params: { argument: extra } };
  return { kind: 'validate', locale, file };
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

/** Runs one command line; returns the exit code. Never throws. */
export function runCli(args: readonly string[], io: CliIo): number {
  let locale = localeFromEnvironment(io.env);
  try {
    const parsed = parseArguments(args, locale);
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
  process.exitCode = runCli(process.argv.slice(2), {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
  });
}
