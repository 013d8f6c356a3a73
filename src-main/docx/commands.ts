/**
 * The contract commands of the command line:
 *
 *   export FILE --out F.docx [--lang en|zh-CN|bilingual]
 *   import F.docx --out F.sla.json
 *
 * Each returns its exit code and the lines to print, like validate: 0 on
 * success, 1 on invalid input with one `path: message` line per problem
 * (an invalid draft, a .docx without an SLA Studio draft in it). Nothing is
 * written unless the command succeeds, and then atomically.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TFunction } from 'i18next';
import { formatProblem } from '../../src-shared/i18n';
import { MAX_DRAFT_FILE_CHARS, readDraftFile, writeDraftFile } from '../../src-shared/model/file';
import { problem, type Problem } from '../../src-shared/model/problems';
import { writeFileAtomically } from '../services/atomic-file';
import { createClauseLibrary } from '../services/clause-library';
import { createContractExportService, type ExportLanguage } from '../services/contract-export';
import { isServiceError } from '../services/errors';
import type { Clock } from '../services/ports';
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
    if (isServiceError(error) && error.apiError.key === 'errors.templateUnusable') {
      return { code: EXIT_INVALID, stdout: [`contract.templateId: ${t(error.apiError.key, error.apiError.params)}`], stderr: [] };
    }
    if (isServiceError(error) && error.apiError.key === 'errors.cannotWriteFile') return { code: EXIT_INVALID, stdout: [writeProblem(error, out, t)], stderr: [] };
    throw error;
  }
  const stderr = record.blanks.map((blank) => `${blank.path ?? '(contract)'}: ${t('cli.contractBlank', { location: blank.clauseId ?? t('cli.contractCover') })}`);
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
    const key = { notDocx: 'cli.notDocx', noDraft: 'cli.noDraftInDocx', damaged: 'cli.damagedDraftInDocx', tooLarge: 'cli.docxTooLarge' }[part.reason];
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
