/**
 * The interchange file `*.sla.json`: one draft, `schemaVersion` first
 * (docs/FORMAT.md). Older versions are migrated on read, never rejected; a
 * newer version is refused with a message that says to update the app.
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

/** Parse the text of a `*.sla.json` file: every problem is reported, nothing is guessed. */
export function readDraftFile(text: string): DraftFileResult {
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
  const migrated = migrateDocument(json as Document);
  if (!migrated.ok) return { ...migrated, content: json };
  const { draft, problems } = validateDraft(migrated.document);
  if (problems.length > 0 || !draft) return { ok: false, problems, content: migrated.document };
  return { ok: true, draft, migratedFrom: migrated.migratedFrom };
}

/** The file's text: schemaVersion first, two-space indent, a final newline. */
export function writeDraftFile(draft: SlaDraft): string {
  const { schemaVersion, ...rest } = draft;
  return `${JSON.stringify({ schemaVersion, ...rest }, null, 2)}\n`;
}
