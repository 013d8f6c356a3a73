/**
 * The interchange file `*.sla.json`: one draft, `schemaVersion` first
 * (docs/FORMAT.md). Older versions are migrated on read, never rejected; a
 * newer version is refused with a message that says to update the app.
 */
import { problem, type Problem } from './problems';
import { SCHEMA_VERSION, type SlaDraft } from './schema';
import { validateDraft } from './validate';

/** A real SLA file is a few tens of kilobytes; anything past this is not one. */
export const MAX_DRAFT_FILE_CHARS = 2_000_000;

type Document = Record<string, unknown>;
/** Upgrades a document of version N (the key) to version N + 1. */
export type Migration = (document: Document) => Document;

/**
 * Version 1 is the first published format, so there is nothing to upgrade
 * yet. When version 2 ships, `1: (v1) => v2` goes here, and the file written
 * by today's app keeps opening.
 */
export const FILE_MIGRATIONS: Readonly<Record<number, Migration>> = {};

export type DraftFileResult = { ok: true; draft: SlaDraft; migratedFrom: number | null } | { ok: false; problems: Problem[] };

export function migrateDocument(
  document: Document,
  migrations: Readonly<Record<number, Migration>> = FILE_MIGRATIONS,
  target: number = SCHEMA_VERSION,
): { ok: true; document: Document; migratedFrom: number | null } | { ok: false; problems: Problem[] } {
  const version = document.schemaVersion;
  if (version === undefined) return { ok: false, problems: [problem(['schemaVersion'], 'file.schemaVersionMissing')] };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, problems: [problem(['schemaVersion'], 'file.schemaVersion', { supported: target })] };
  }
  if (version > target) {
    return { ok: false, problems: [problem(['schemaVersion'], 'file.futureSchema', { found: version, supported: target })] };
  }
  let current = document;
  for (let from = version; from < target; from++) {
    const migrate = migrations[from];
    if (!migrate) return { ok: false, problems: [problem(['schemaVersion'], 'file.schemaVersion', { supported: target })] };
    current = { ...migrate(current), schemaVersion: from + 1 };
  }
  return { ok: true, document: current, migratedFrom: version === target ? null : version };
}

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
  if (!migrated.ok) return migrated;
  const { draft, problems } = validateDraft(migrated.document);
  if (problems.length > 0 || !draft) return { ok: false, problems };
  return { ok: true, draft, migratedFrom: migrated.migratedFrom };
}

/** The file's text: schemaVersion first, two-space indent, a final newline. */
export function writeDraftFile(draft: SlaDraft): string {
  const { schemaVersion, ...rest } = draft;
  return `${JSON.stringify({ schemaVersion, ...rest }, null, 2)}\n`;
}
