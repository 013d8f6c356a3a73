/**
 * One parser for every command, on Node's util.parseArgs: which command a
 * command line names, its options and positionals, and the first usage
 * mistake in the order the user typed it (an option this command does not
 * have, an option without its value).
 */
import { parseArgs } from 'node:util';

export type OptionSpec = Readonly<Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>>;

export interface UsageError {
  key: string;
  params?: Record<string, string>;
}

export interface CommandLine {
  /** The first positional argument: the command's name. */
  command: string | undefined;
  /** The positionals after the command. */
  positionals: string[];
  strings: Record<string, string>;
  lists: Record<string, string[]>;
  flags: Record<string, boolean>;
  help: boolean;
  /** The first mistake, in the order typed. */
  error: UsageError | null;
}

/** Every option of every command: enough to find the command behind options and their values. */
export const ANY_OPTION: OptionSpec = {
  lang: { type: 'string' },
  out: { type: 'string' },
  author: { type: 'string' },
  month: { type: 'string' },
  monitoring: { type: 'string', multiple: true },
  json: { type: 'boolean' },
  internal: { type: 'boolean' },
};

/** "-1" is a (wrong) percentage, not an option. */
const NEGATIVE_NUMBER = /^-\d/;

export function readCommandLine(args: readonly string[], options: OptionSpec): CommandLine {
  const { tokens } = parseArgs({
    args: [...args],
    options: { ...options, help: { type: 'boolean', short: 'h' } },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const positionals: string[] = [];
  const line: CommandLine = { command: undefined, positionals, strings: {}, lists: {}, flags: {}, help: false, error: null };
  const fail = (error: UsageError) => (line.error ??= error);
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const typed = args[token.index] ?? token.rawName;
    const spec = options[token.name];
    if (token.name === 'help') line.help = true;
    else if (!spec) {
      if (NEGATIVE_NUMBER.test(typed)) positionals.push(typed);
      else fail({ key: 'cli.unknownOption', params: { option: typed } });
    } else if (spec.type === 'boolean') {
      if (token.value === undefined) line.flags[token.name] = true;
      else fail({ key: 'cli.unknownOption', params: { option: typed } });
    } else if (token.value === undefined || token.value.trim() === '') {
      fail({ key: 'cli.missingValue', params: { option: token.rawName } });
    } else if (spec.multiple) {
      (line.lists[token.name] ??= []).push(token.value);
    } else {
      line.strings[token.name] = token.value;
    }
  }
  line.command = positionals.shift();
  return line;
}

/** The command a command line names: its first argument that is neither an option nor an option's value. */
export function commandOf(args: readonly string[]): string | null {
  return readCommandLine(args, ANY_OPTION).command ?? null;
}
