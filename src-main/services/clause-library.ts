/**
 * The clause library on disk: template folders, each a template.yaml with
 * its vocabulary, phrases and clauses/ (docs/TEMPLATES.md). The bundled
 * templates live in the app's templates/ folder; a firm adds its own by
 * putting a folder in its own templates folder (for example in the user's
 * data folder), which is searched after the bundled one.
 *
 * This module only reads files: parsing and checking is the pure
 * parseTemplate of src-shared/contract, so the renderer, the command line
 * and the tests all see the same errors. A parsed template is kept until
 * one of its files changes, since the live preview asks for it often and
 * a lawyer editing a firm template wants to see the edit without a restart.
 */
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import {
  CLAUSES_DIR,
  formatTemplateError,
  MAX_TEMPLATE_FILE_CHARS,
  MAX_TEMPLATE_FILES,
  parseTemplate,
  PHRASES_FILE,
  TEMPLATE_FILE,
  VOCABULARY_FILE,
} from '../../src-shared/contract/template';
import { TEMPLATE_ID_PATTERN } from '../../src-shared/contract/template-schema';
import type { Template, TemplateError } from '../../src-shared/contract/template-types';
import type { Localized } from '../../src-shared/contract/filters';
import { ServiceError } from './errors';

/** Folders next to the templates that are not templates themselves. */
const NOT_TEMPLATES = new Set(['presets']);

export interface TemplateSummary {
  /** The folder name, which is also the template's id. */
  id: string;
  /** Absolute path of the template folder. */
  folder: string;
  /** From the first templates folder (shipped with the app) rather than a firm's own. */
  builtIn: boolean;
  /** Null when the template could not be read. */
  name: Localized | null;
  version: string | null;
  description: Localized | null;
  /** Empty for a usable template. */
  errors: TemplateError[];
}

export type TemplateLoadResult = { ok: true; template: Template; folder: string } | { ok: false; errors: TemplateError[] };

export interface ClauseLibrary {
  /** Every template folder, usable or not (a broken one lists its errors, so the firm can fix it). */
  list(): TemplateSummary[];
  /** A template by id; errors when there is none or it does not parse. */
  load(id: string): TemplateLoadResult;
}

/**
 * The template a draft names, for writing a document from it; refused with
 * its first error (and how many there are) when it is missing or broken.
 */
export function usableTemplate(library: Pick<ClauseLibrary, 'load'>, templateId: string): Template {
  const loaded = library.load(templateId);
  if (loaded.ok) return loaded.template;
  const first = loaded.errors[0];
  throw new ServiceError('notFound', 'errors.templateUnusable', {
    id: templateId,
    count: loaded.errors.length,
    detail: first ? formatTemplateError(first) : '',
  });
}

function folderError(file: string, message: string): TemplateError {
  return { file, clauseId: null, field: '', line: null, message };
}

function regularFiles(folder: string): Dirent[] {
  return readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isFile());
}

interface FolderRead {
  files: Record<string, string>;
  errors: TemplateError[];
  /** Names, sizes and modification times: changes when any file of the template does. */
  signature: string;
}

/** The texts of a template folder, keyed as parseTemplate expects ("clauses/x.yaml"). */
export function readTemplateFolder(folder: string): FolderRead {
  const files: Record<string, string> = {};
  const errors: TemplateError[] = [];
  const stamps: string[] = [];
  const wanted: Array<{ key: string; path: string }> = [];

  for (const entry of regularFiles(folder)) {
    if (entry.name === TEMPLATE_FILE || entry.name === VOCABULARY_FILE || entry.name === PHRASES_FILE) {
      wanted.push({ key: entry.name, path: join(folder, entry.name) });
    } else if (entry.name.endsWith('.yml')) {
      errors.push(folderError(entry.name, 'template files end in .yaml; rename this file'));
    }
  }
  const clausesFolder = join(folder, CLAUSES_DIR);
  let clauseEntries: Dirent[] = [];
  try {
    clauseEntries = regularFiles(clausesFolder);
  } catch {
    // No clauses folder: parseTemplate reports each listed clause as missing.
  }
  for (const entry of clauseEntries) {
    if (entry.name.endsWith('.yaml')) wanted.push({ key: `${CLAUSES_DIR}${entry.name}`, path: join(clausesFolder, entry.name) });
    else if (entry.name.endsWith('.yml')) errors.push(folderError(`${CLAUSES_DIR}${entry.name}`, 'clause files end in .yaml; rename this file'));
  }

  if (wanted.length > MAX_TEMPLATE_FILES) {
    return { files: {}, errors: [folderError('(folder)', `has ${wanted.length} files; a template has at most ${MAX_TEMPLATE_FILES}`)], signature: '' };
  }
  for (const { key, path } of wanted) {
    const stat = statSync(path);
    stamps.push(`${key}:${stat.size}:${stat.mtimeMs}`);
    // Characters are at most bytes in UTF-8, so a file this large in bytes may still fit; measure the text.
    if (stat.size > MAX_TEMPLATE_FILE_CHARS * 4) {
      errors.push(folderError(key, `is larger than ${MAX_TEMPLATE_FILE_CHARS} characters`));
      continue;
    }
    files[key] = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  }
  return { files, errors, signature: stamps.sort().join('|') };
}

/** The signature alone, without reading the files: cheap enough for every request. */
function folderSignature(folder: string): string {
  const stamps: string[] = [];
  const add = (key: string, path: string) => {
    const stat = statSync(path);
    stamps.push(`${key}:${stat.size}:${stat.mtimeMs}`);
  };
  for (const entry of regularFiles(folder)) {
    if (entry.name === TEMPLATE_FILE || entry.name === VOCABULARY_FILE || entry.name === PHRASES_FILE) add(entry.name, join(folder, entry.name));
  }
  try {
    for (const entry of regularFiles(join(folder, CLAUSES_DIR))) {
      if (entry.name.endsWith('.yaml')) add(`${CLAUSES_DIR}${entry.name}`, join(folder, CLAUSES_DIR, entry.name));
    }
  } catch {
    // No clauses folder.
  }
  return stamps.sort().join('|');
}

interface CachedTemplate {
  signature: string;
  result: TemplateLoadResult;
  summary: TemplateSummary;
}

/**
 * The clause library over one or more templates folders, in order of
 * precedence: the app's own first, then a firm's. A template id found twice
 * keeps the first; the second is listed with an error saying so.
 */
export function createClauseLibrary(options: { dirs: readonly string[] }): ClauseLibrary {
  const cache = new Map<string, CachedTemplate>();

  const candidateFolders = (): Array<{ id: string; folder: string; builtIn: boolean }> => {
    const found: Array<{ id: string; folder: string; builtIn: boolean }> = [];
    options.dirs.forEach((dir, index) => {
      let entries: Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return; // A firm's templates folder that does not exist yet is simply empty.
      }
      entries.sort((a, b) => a.name.localeCompare(b.name));
      for (const entry of entries) {
        if (!entry.isDirectory() || NOT_TEMPLATES.has(entry.name) || entry.name.startsWith('.')) continue;
        found.push({ id: entry.name, folder: join(dir, entry.name), builtIn: index === 0 });
      }
    });
    return found;
  };

  const loadFolder = (id: string, folder: string, builtIn: boolean): CachedTemplate => {
    const cached = cache.get(folder);
    let signature: string;
    try {
      signature = folderSignature(folder);
    } catch (error) {
      const errors = [folderError('(folder)', `cannot be read: ${error instanceof Error ? error.message : String(error)}`)];
      return { signature: '', result: { ok: false, errors }, summary: { id, folder, builtIn, name: null, version: null, description: null, errors } };
    }
    if (cached && cached.signature === signature) return cached;

    const read = readTemplateFolder(folder);
    const errors = [...read.errors];
    if (!TEMPLATE_ID_PATTERN.test(id)) {
      errors.push(folderError('(folder)', `the folder name "${id}" is not a template id: use lower-case letters, digits and hyphens`));
    }
    const parsed = errors.length === 0 ? parseTemplate(read.files) : null;
    if (parsed && !parsed.ok) errors.push(...parsed.errors);
    if (parsed?.ok && parsed.template.id !== id) {
      errors.push(folderError(TEMPLATE_FILE, `the id "${parsed.template.id}" must be the folder's name, "${id}"`));
    }
    const template = parsed?.ok && errors.length === 0 ? parsed.template : null;
    const entry: CachedTemplate = {
      signature: read.signature,
      result: template ? { ok: true, template, folder } : { ok: false, errors },
      summary: {
        id,
        folder,
        builtIn,
        name: template?.name ?? null,
        version: template?.version ?? null,
        description: template?.description ?? null,
        errors,
      },
    };
    cache.set(folder, entry);
    return entry;
  };

  const summaries = (): TemplateSummary[] => {
    const seen = new Map<string, string>();
    return candidateFolders().map(({ id, folder, builtIn }) => {
      const { summary } = loadFolder(id, folder, builtIn);
      const first = seen.get(id);
      if (first === undefined) {
        seen.set(id, folder);
        return summary;
      }
      return {
        ...summary,
        errors: [...summary.errors, folderError('(folder)', `another template with the id "${id}" comes first (${first}); rename this folder and its id`)],
      };
    });
  };

  return {
    list: summaries,
    load(id) {
      const candidate = candidateFolders().find((folder) => folder.id === id);
      if (!candidate) return { ok: false, errors: [folderError('(folder)', `there is no template "${id}"`)] };
      return loadFolder(candidate.id, candidate.folder, candidate.builtIn).result;
    },
  };
}
