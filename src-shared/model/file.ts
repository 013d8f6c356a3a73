/**
 * The interchange file `*.sla.json`: one draft, `schemaVersion` first
 * (docs/FORMAT.md). Older versions are migrated on read, never rejected; a
 * newer version is refused with a message that says to update the app.
 *
 * A draft sent round before it is complete (blanks still to fill in) is
 * written as it stands with `"incompleteDraft": true` after `schemaVersion`.
 * `readDraftFile` still refuses such a file unless it is complete after all;
 * `readWorkingCopyFile`, what import and a draft export use, takes it as an incomplete draft
 * with its problems — values missing, too long or out of range, not values
 * of another type or fields the format does not have.
 */
import { migrateDocument } from './migrate';
import { problem, type Problem } from './problems';
import { type SlaDraft } from './schema';
import { validateDraft } from './validate';

/** A real SLA file is a few tens of kilobytes; anything past this is not one. */
export const MAX_DRAFT_FILE_CHARS = 2_000_000;

type Document = Record<string, unknown>;

export { FILE_MIGRATIONS, migrateDocument, type Migration } from './migrate';

export type DraftFileResult =
  | { ok: true; draft: SlaDraft; migratedFrom: number | null }
  /** `content`: what the file holds, when it is a JSON object, so that its problems can name the services and metrics they are in. */
  | { ok: false; problems: Problem[]; content?: unknown };

/** The file-level mark of a draft written before it was complete. */
export const INCOMPLETE_DRAFT_MARK = 'incompleteDraft';

/** Problems that say a file holds something other than a draft in progress: a value of another type, a field the format does not have. */
const NOT_A_DRAFT_IN_PROGRESS = new Set([
  'validation.expectedNumber',
  'validation.integer',
  'validation.expectedText',
  'validation.expectedList',
  'validation.expectedObject',
  'validation.expectedBoolean',
  'validation.unknownField',
  'file.notObject',
  'file.schemaVersion',
]);

/** Whether a draft with these problems is a draft in progress — values missing, too long or out of range — which a file may carry marked incomplete. */
export function isDraftInProgress(problems: readonly Problem[]): boolean {
  return problems.every((found) => !NOT_A_DRAFT_IN_PROGRESS.has(found.key) && found.path[0] !== 'schemaVersion');
}

export type WorkingCopyFileResult =
  | { ok: true; complete: true; draft: SlaDraft; migratedFrom: number | null }
  /** A draft written before it was complete: its content as it stands and what it still lacks. */
  | { ok: true; complete: false; content: Document; problems: Problem[]; migratedFrom: number | null }
  /** `content`: as in DraftFileResult, to name where the problems are. */
  | { ok: false; problems: Problem[]; content?: unknown };

type ParsedFile = { ok: true; document: Document; incomplete: boolean; migratedFrom: number | null } | { ok: false; problems: Problem[]; content?: unknown };

function parseFile(text: string): ParsedFile {
  if (text.length > MAX_DRAFT_FILE_CHARS) {
    return { ok: false, problems: [problem([], 'file.tooLarge', { max: MAX_DRAFT_FILE_CHARS })] };
  }
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return { ok: false, problems: [problem([], 'file.empty')] };
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [problem([], 'file.notJson', { detail })] };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, problems: [problem([], 'file.notObject')] };
  }
  // The mark belongs to the file, not to the draft: taken off before the draft is read.
  const { [INCOMPLETE_DRAFT_MARK]: mark, ...unmarked } = json as Document;
  const incomplete = mark === true;
  const migrated = migrateDocument(incomplete ? unmarked : (json as Document));
  if (!migrated.ok) return { ...migrated, content: json };
  return { ok: true, document: migrated.document, incomplete, migratedFrom: migrated.migratedFrom };
}

/** Parse the text of a `*.sla.json` file: every problem is reported, nothing is guessed. */
export function readDraftFile(text: string): DraftFileResult {
  const parsed = parseFile(text);
  if (!parsed.ok) return parsed;
  const { draft, problems } = validateDraft(parsed.document);
  if (problems.length > 0 || !draft) return { ok: false, problems, content: parsed.document };
  return { ok: true, draft, migratedFrom: parsed.migratedFrom };
}

/**
 * Parse a file to import as a working copy: a complete draft, or one marked
 * incomplete whose problems are only values still to fill in or correct.
 * `unmarked`: take such a draft from a file without the mark too (the
 * command line's `export --draft`, told so by the user).
 */
export function readWorkingCopyFile(text: string, { unmarked = false }: { unmarked?: boolean } = {}): WorkingCopyFileResult {
  const parsed = parseFile(text);
  if (!parsed.ok) return parsed;
  const { draft, problems } = validateDraft(parsed.document);
  if (problems.length === 0 && draft) return { ok: true, complete: true, draft, migratedFrom: parsed.migratedFrom };
  if (!(parsed.incomplete || unmarked) || !isDraftInProgress(problems)) return { ok: false, problems, content: parsed.document };
  return { ok: true, complete: false, content: parsed.document, problems, migratedFrom: parsed.migratedFrom };
}

/** The file's text: schemaVersion first, two-space indent, a final newline. */
export function writeDraftFile(draft: SlaDraft): string {
  const { schemaVersion, ...rest } = draft;
  return `${JSON.stringify({ schemaVersion, ...rest }, null, 2)}\n`;
}

/** The file of a draft that is not complete yet, written as it stands and marked so (readWorkingCopyFile). */
export function writeIncompleteDraftFile(content: Readonly<Record<string, unknown>>): string {
  const { schemaVersion, ...rest } = content;
  return `${JSON.stringify({ schemaVersion, [INCOMPLETE_DRAFT_MARK]: true, ...rest }, null, 2)}\n`;
}
