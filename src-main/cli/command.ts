/**
 * What every command of the command line is: its options, what its --lang
 * means, how it reads its arguments, and what it does. The entry
 * (./index.ts) parses, reports usage mistakes and prints; a command only
 * returns its exit code and lines.
 */
import type { TFunction } from 'i18next';
import type { Locale } from '../../src-shared/i18n';
import type { DraftPartReader } from '../docx/read-in-worker';
import type { CommandLine, OptionSpec, UsageError } from './arguments';

export interface CommandResult {
  code: number;
  /** One line each; a command's own multi-line text (JSON) is split before. */
  stdout: string[];
  stderr: string[];
}

export interface CliContext {
  t: TFunction;
  /** The language of the messages. */
  locale: Locale;
  /** The clause library's folders, the bundled one first. */
  templateDirs: readonly string[];
  /** What takes the draft out of a .docx (`import`): a worker thread with memory and time limits. */
  readDraftPart: DraftPartReader;
  /** The data folder, where the export seal's key is kept (cliDataFolder). */
  dataDir: string;
}

export type Parsed<A> = { ok: true; args: A } | { ok: false; error: UsageError };

export interface CliCommand<A> {
  name: string;
  options: OptionSpec;
  /** The values --lang takes, and the message when it is another. */
  languages: readonly string[];
  invalidLanguageKey: (line: CommandLine) => string;
  /** Whether --lang names the document's language, so that the messages follow the environment instead. */
  langIsDocumentLanguage: boolean;
  /** The help text this command prints with a usage mistake or --help. */
  usageKey: 'cli.usage' | 'reports.cli.usage';
  parse: (line: CommandLine) => Parsed<A>;
  run: (args: A, context: CliContext) => Promise<CommandResult>;
}

/** A command of any arguments (the entry only passes a command's own parse result to its run). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCliCommand = CliCommand<any>;

export const usage = (key: string, params?: Record<string, string>): Parsed<never> => ({ ok: false, error: { key, ...(params ? { params } : {}) } });
export const parsed = <A>(args: A): Parsed<A> => ({ ok: true, args });

export const invalidLang = () => 'cli.invalidLang';
export const invalidContractLang = () => 'cli.invalidContractLang';
