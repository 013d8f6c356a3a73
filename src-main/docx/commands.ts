/**
 * The contract commands of the command line:
 *
 *   export FILE --out F.docx [--lang en|zh-CN|bilingual]
 *   import F.docx --out F.sla.json
 *   compare OLD NEW [--json] [--lang en|zh-CN]
 *   redline OLD NEW --out F.docx [--lang en|zh-CN|bilingual] [--author NAME]
 *
 * Each returns its exit code and the lines to print, like validate: 0 on
 * success, 1 on invalid input with one `path: message` line per problem
 * (an invalid draft, a .docx without an SLA Studio draft in it). Nothing is
 * written unless the command succeeds, and then atomically.
 */
import type { AssemblyProblem } from '../../src-shared/contract/assemble';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TFunction } from 'i18next';
import { diffDrafts, formatChange, groupChangesByStep, type ChangeKind } from '../../src-shared/compare';
import { formatProblem, isLocale, type Locale } from '../../src-shared/i18n';
import { canonicalHash } from '../../src-shared/model/canonical';
import { MAX_DRAFT_FILE_CHARS, readDraftFile, writeDraftFile } from '../../src-shared/model/file';
import { pathToString, problem, type Problem } from '../../src-shared/model/problems';
import type { SlaDraft, StepId } from '../../src-shared/model/schema';
import { writeFileAtomically } from '../services/atomic-file';
import { createClauseLibrary } from '../services/clause-library';
import { createContractExportService, EXPORT_LANGUAGES, type ExportLanguage } from '../services/contract-export';
import { isServiceError } from '../services/errors';
import type { Clock } from '../services/ports';
import { createRedlineExportService } from '../services/redline-export';
import { MAX_DOCX_BYTES, readDraftPart } from './draft-part';

/** The same codes as the command line's (src-main/cli.ts). */
const EXIT_OK = 0;
const EXIT_INVALID = 1;

export interface CommandResult {
  code: number;
  stdout: string[];
  stderr: string[];
}

const systemClock: Clock = { now: () => new Date().toISOString() };

function failed(t: TFunction, problems: readonly Problem[]): CommandResult {
  return { code: EXIT_INVALID, stdout: problems.map((item) => formatProblem(t, item)), stderr: [] };
}

type FileRead<T> = { ok: true; value: T } | { ok: false; problem: Problem };

function readProblem(error: unknown, file: string): Problem {
  const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
  if (code === 'ENOENT' || code === 'ENOTDIR') return problem([], 'cli.fileNotFound', { file });
  return problem([], 'cli.fileUnreadable', { file, reason: code });
}

/** A file's bytes or text, refusing one far larger than any file of its kind before reading it into memory. */
function readInput(file: string, maxBytes: number, tooLarge: Problem): FileRead<Buffer> {
  try {
    if (statSync(file).size > maxBytes) return { ok: false, problem: tooLarge };
    return { ok: true, value: readFileSync(file) };
  } catch (error) {
    return { ok: false, problem: readProblem(error, file) };
  }
}

function writeProblem(error: unknown, path: string, t: TFunction): string {
  if (isServiceError(error)) return `(file): ${t(error.apiError.key, error.apiError.params)}`;
  const code = (error as NodeJS.ErrnoException | null)?.code ?? 'unknown';
  return `(file): ${t('errors.cannotWriteFile', { path, reason: code })}`;
}

/** A contract or redline the user can fix refused as one line (exit 1): a template that cannot be used, a file that cannot be written. */
function documentRefusal(error: unknown, out: string, t: TFunction): CommandResult | null {
  if (!isServiceError(error)) return null;
  if (error.apiError.key === 'errors.templateUnusable') {
    return { code: EXIT_INVALID, stdout: [`contract.templateId: ${t(error.apiError.key, error.apiError.params)}`], stderr: [] };
  }
  if (error.apiError.key === 'errors.cannotWriteFile') return { code: EXIT_INVALID, stdout: [writeProblem(error, out, t)], stderr: [] };
  return null;
}

/** Placeholders the draft left blank in the document, one warning line each. */
function blankLines(blanks: readonly AssemblyProblem[], t: TFunction): string[] {
  return blanks.map((blank) => `${blank.path ?? '(contract)'}: ${t('cli.contractBlank', { location: blank.clauseId ?? t('cli.contractCover') })}`);
}

export interface ExportCommandOptions {
  /** The `*.sla.json` to export. */
  file: string;
  /** The .docx to write. */
  out: string;
  /** The contract's language; by default the language that prevails in the draft. */
  language?: ExportLanguage;
  /** Template folders, the bundled one first (see createClauseLibrary). */
  templateDirs: readonly string[];
  t: TFunction;
  clock?: Clock;
}

/** `export FILE --out F.docx [--lang en|zh-CN|bilingual]`. */
export async function exportCommand(options: ExportCommandOptions): Promise<CommandResult> {
  const { file, out, t } = options;
  // UTF-8 takes at most 4 bytes a character.
  const read = readInput(file, MAX_DRAFT_FILE_CHARS * 4, problem([], 'file.tooLarge', { max: MAX_DRAFT_FILE_CHARS }));
  if (!read.ok) return failed(t, [read.problem]);
  const parsed = readDraftFile(read.value.toString('utf8'));
  if (!parsed.ok) return failed(t, parsed.problems);
  const draft = parsed.draft;
  const language = options.language ?? draft.contract.precedence;

  const service = createContractExportService({ clauseLibrary: createClauseLibrary({ dirs: options.templateDirs }), clock: options.clock ?? systemClock });
  let record;
  try {
    record = await service.exportToFile({ draft, language, path: out });
  } catch (error) {
    const refused = documentRefusal(error, out, t);
    if (refused) return refused;
    throw error;
  }
  const stderr = blankLines(record.blanks, t);
  const stdout = [
    t('cli.exported', {
      file: out,
      language: t(`enums.contractLanguage.${language}`),
      size: record.size,
      sha256: record.sha256,
    }),
  ];
  return { code: EXIT_OK, stdout, stderr };
}

export interface ImportDocxCommandOptions {
  /** A .docx exported by SLA Studio. */
  docx: string;
  /** The `*.sla.json` to write. */
  out: string;
  t: TFunction;
}

/**
 * `import F.docx --out F.sla.json`: the draft the contract was exported
 * from, byte for byte as it was embedded — or, from an older SLA Studio,
 * migrated to the current format, as importing that `.sla.json` would.
 */
export async function importDocxCommand(options: ImportDocxCommandOptions): Promise<CommandResult> {
  const { docx, out, t } = options;
  const read = readInput(docx, MAX_DOCX_BYTES, problem([], 'cli.docxTooLarge', { max: MAX_DOCX_BYTES / (1024 * 1024) }));
  if (!read.ok) return failed(t, [read.problem]);
  const part = await readDraftPart(read.value);
  if (!part.ok) {
    const key = {
      notDocx: 'cli.notDocx',
      noDraft: 'cli.noDraftInDocx',
      damaged: 'cli.damagedDraftInDocx',
      tooLarge: 'cli.docxTooLarge',
      tooLargeOrDamaged: 'cli.docxTooLargeOrDamaged',
      duplicatePart: 'cli.duplicatePartInDocx',
    }[part.reason];
    return failed(t, [problem([], key, { file: docx, max: MAX_DOCX_BYTES / (1024 * 1024) })]);
  }
  const parsed = readDraftFile(part.json);
  if (!parsed.ok) return failed(t, parsed.problems);
  const text = parsed.migratedFrom === null ? part.json : writeDraftFile(parsed.draft);
  try {
    await writeFileAtomically(out, text);
  } catch (error) {
    return { code: EXIT_INVALID, stdout: [writeProblem(error, out, t)], stderr: [] };
  }
  return { code: EXIT_OK, stdout: [t('cli.imported', { file: out, docx })], stderr: [] };
}

/** Whether two command-line paths name the same file (so --out would overwrite the input). */
export function samePath(a: string, b: string): boolean {
  return resolve(a) === resolve(b);
}

// ── compare and redline ─────────────────────────────────────────────────────

export const NEGOTIATION_COMMANDS = ['compare', 'redline'] as const;
export type NegotiationCommand = (typeof NEGOTIATION_COMMANDS)[number];

/** Options that take a value, so that the value is not taken for the command. */
const VALUE_OPTIONS = ['--lang', '--out', '--author'] as const;

/** The command a command line names (its first argument that is not an option), when it is compare or redline. */
export function negotiationCommandOf(args: readonly string[]): NegotiationCommand | null {
  const asCommand = (arg: string | undefined) => ((NEGOTIATION_COMMANDS as readonly string[]).includes(arg ?? '') ? (arg as NegotiationCommand) : null);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return asCommand(args[i + 1]);
    if ((VALUE_OPTIONS as readonly string[]).includes(arg)) i++;
    else if (!arg.startsWith('-') || arg === '-') return asCommand(arg);
  }
  return null;
}

interface UsageError {
  messageKey: string;
  params?: Record<string, string>;
}

export type NegotiationArguments =
  | { kind: 'help'; locale: Locale }
  | ({ kind: 'usageError'; locale: Locale } & UsageError)
  | { kind: 'compare'; locale: Locale; old: string; new: string; json: boolean }
  | { kind: 'redline'; locale: Locale; old: string; new: string; out: string; language: ExportLanguage | undefined; author: string | undefined };

/**
 * `compare OLD NEW [--json] [--lang en|zh-CN]` and `redline OLD NEW --out
 * F.docx [--lang en|zh-CN|bilingual] [--author NAME]`. As for validate and
 * export, `--lang` is the language of compare's output, and redline's
 * contract language (its messages follow the environment).
 */
export function parseNegotiationArguments(args: readonly string[], fallback: Locale): NegotiationArguments {
  const positional: string[] = [];
  const values: Partial<Record<(typeof VALUE_OPTIONS)[number], string>> = {};
  let json = false;
  let help = false;
  const errors: UsageError[] = [];
  const fail = (messageKey: string, params?: Record<string, string>) => errors.push({ messageKey, ...(params ? { params } : {}) });
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    const option = VALUE_OPTIONS.find((name) => arg === name || arg.startsWith(`${name}=`));
    if (option) {
      const value = arg === option ? args[++i] : arg.slice(option.length + 1);
      if (value === undefined || value.trim() === '') fail('cli.missingValue', { option });
      else values[option] = value;
    } else if (arg === '--json') json = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else if (arg.startsWith('-') && arg !== '-') fail('cli.unknownOption', { option: arg });
    else positional.push(arg);
  }
  const [command, oldFile, newFile, extra] = positional as [NegotiationCommand, ...Array<string | undefined>];
  const lang = values['--lang'];
  const locale: Locale = command === 'compare' && isLocale(lang) ? lang : fallback;
  const usage = (messageKey: string, params?: Record<string, string>): NegotiationArguments => ({ kind: 'usageError', locale, messageKey, ...(params ? { params } : {}) });

  if (errors[0]) return { kind: 'usageError', locale, ...errors[0] };
  if (command === 'compare') {
    if (lang !== undefined && !isLocale(lang)) return usage('cli.invalidLang', { value: lang });
    for (const option of ['--out', '--author'] as const) if (values[option] !== undefined) return usage('cli.unknownOption', { option });
  } else {
    if (lang !== undefined && !(EXPORT_LANGUAGES as readonly string[]).includes(lang)) return usage('cli.invalidContractLang', { value: lang });
    if (json) return usage('cli.unknownOption', { option: '--json' });
  }
  if (help) return { kind: 'help', locale };
  if (oldFile === undefined || newFile === undefined) return usage(command === 'compare' ? 'cli.missingCompareFiles' : 'cli.missingRedlineFiles');
  if (extra !== undefined) return usage('cli.unexpectedArgument', { argument: extra });
  if (command === 'compare') return { kind: 'compare', locale, old: oldFile, new: newFile, json };
  const out = values['--out'];
  if (out === undefined) return usage('cli.missingOut', { command });
  if (samePath(out, oldFile) || samePath(out, newFile)) return usage('cli.outIsInput');
  return { kind: 'redline', locale, old: oldFile, new: newFile, out, language: lang as ExportLanguage | undefined, author: values['--author']?.trim() };
}

/**
 * Both drafts, or every problem of either: a problem of the draft is named
 * with its file (`old.sla.json: services[0].name: …`); a file that cannot
 * be read already says which.
 */
function readTwoDrafts(files: readonly [string, string], t: TFunction): { ok: true; drafts: [SlaDraft, SlaDraft] } | { ok: false; result: CommandResult } {
  const lines: string[] = [];
  const drafts: SlaDraft[] = [];
  for (const file of files) {
    const read = readInput(file, MAX_DRAFT_FILE_CHARS * 4, problem([], 'file.tooLarge', { max: MAX_DRAFT_FILE_CHARS }));
    if (!read.ok) {
      lines.push(formatProblem(t, read.problem));
      continue;
    }
    const parsed = readDraftFile(read.value.toString('utf8'));
    if (parsed.ok) drafts.push(parsed.draft);
    else lines.push(...parsed.problems.map((item) => `${file}: ${formatProblem(t, item)}`));
  }
  if (lines.length > 0) return { ok: false, result: { code: EXIT_INVALID, stdout: lines, stderr: [] } };
  return { ok: true, drafts: [drafts[0]!, drafts[1]!] };
}

/** One field-level change as `compare --json` prints it: values formatted in the chosen language. */
export interface ComparedField {
  step: StepId;
  kind: ChangeKind;
  /** Where the field is in NEW (in OLD for a removal), as the command line writes paths: "targets.objectives[0].objective". */
  path: string;
  /** The field ("Availability target (Core API)"), or the whole sentence for an added, removed or moved item. */
  label: string;
  /** Formatted values; null for an added or removed item. */
  old: string | null;
  new: string | null;
}

export interface CompareCommandOptions {
  old: string;
  new: string;
  json: boolean;
  locale: Locale;
  t: TFunction;
}

/**
 * `compare OLD NEW`: the field-level changes from OLD to NEW, under the
 * wizard step they belong to, one line each — or, with --json, as an
 * array. Finding changes is a success (exit 0).
 */
export function compareCommand(options: CompareCommandOptions): CommandResult {
  const { t, locale } = options;
  const read = readTwoDrafts([options.old, options.new], t);
  if (!read.ok) return read.result;
  const changes = diffDrafts(read.drafts[0], read.drafts[1]);
  const translate = (key: string, params?: Record<string, unknown>) => t(key, params);
  if (options.json) {
    const fields: ComparedField[] = changes.map((change) => {
      const formatted = formatChange(change, locale, translate);
      return { step: change.step, kind: change.kind, path: pathToString(change.path), label: formatted.label, old: formatted.old, new: formatted.new };
    });
    return { code: EXIT_OK, stdout: [JSON.stringify(fields, null, 2)], stderr: [] };
  }
  if (changes.length === 0) return { code: EXIT_OK, stdout: [t('cli.noChanges', { old: options.old, new: options.new })], stderr: [] };
  const stdout = groupChangesByStep(changes).flatMap(({ step, changes: stepChanges }) => [
    t(`steps.${step}`),
    ...stepChanges.map((change) => `  ${formatChange(change, locale, translate).text}`),
  ]);
  return { code: EXIT_OK, stdout, stderr: [] };
}

export interface RedlineCommandOptions {
  old: string;
  new: string;
  out: string;
  /** The contract's language; by default the language that prevails in NEW. */
  language?: ExportLanguage;
  /** The name Word shows on every change; by default the provider named in NEW (the side that sends a redline, usually). */
  author?: string;
  templateDirs: readonly string[];
  t: TFunction;
  clock?: Clock;
}

/** When NEW was last saved: the time its changes carry (w:date). */
function savedAt(file: string): string {
  try {
    return statSync(file).mtime.toISOString();
  } catch {
    return new Date().toISOString();
  }
}

/**
 * `redline OLD NEW --out F.docx`: OLD's contract → NEW's as Word tracked
 * changes. The files are not versions: the cover carries no version line
 * (so accepting all changes gives exactly what `export NEW` writes), and
 * the footer names each side by the first characters of its content hash —
 * the same hash a version saved from that content has in the app.
 */
export async function redlineCommand(options: RedlineCommandOptions): Promise<CommandResult> {
  const { t, out } = options;
  const read = readTwoDrafts([options.old, options.new], t);
  if (!read.ok) return read.result;
  const [before, after] = read.drafts;
  const language = options.language ?? after.contract.precedence;
  const [oldHash, newHash] = await Promise.all([canonicalHash(before), canonicalHash(after)]);
  const author = options.author && options.author !== '' ? options.author : after.parties.provider.legalName;
  const service = createRedlineExportService({ clauseLibrary: createClauseLibrary({ dirs: options.templateDirs }), clock: options.clock ?? systemClock });
  let record;
  try {
    record = await service.exportToFile({
      language,
      old: { draft: before, sha256: oldHash.sha256 },
      new: { draft: after, sha256: newHash.sha256, author, date: savedAt(options.new) },
      path: out,
    });
  } catch (error) {
    const refused = documentRefusal(error, out, t);
    if (refused) return refused;
    throw error;
  }
  const stderr = blankLines(record.blanks, t);
  const stdout = [
    t('cli.redlineWritten', {
      file: out,
      language: t(`enums.contractLanguage.${language}`),
      revisions: record.revisions,
      added: record.clauses.added,
      removed: record.clauses.removed,
      changed: record.clauses.changed,
      size: record.size,
      sha256: record.sha256,
    }),
  ];
  return { code: EXIT_OK, stdout, stderr };
}
