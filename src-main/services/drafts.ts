/**
 * Drafts: the user's SLA drafts as working copies — created blank or from a
 * preset, autosaved while the wizard edits them, listed and searched,
 * duplicated, moved to the trash and back, imported from and exported to
 * `*.sla.json` files.
 *
 * A working copy may be incomplete or have problems the wizard is still
 * showing: it is stored as it is, because it is the user's work. Exported
 * as a file, it is written as it stands and marked incomplete (file.ts), so
 * that a draft with blanks can go round; importing such a file gives a
 * working copy again and says what it still lacks.
 */
import { randomUUID } from 'node:crypto';
import type { DraftListFields, DraftsRepository, StoredDraft, StoredDraftSummary } from '../db';
import { DRAFT_LIST_PAGE, MAX_CONTENT_CHARS, type ApiParsedInput, type DraftRecord, type DraftSummary, type ImportedDraft } from '../../src-shared/api';
import { formatDate } from '../../src-shared/format';
import type { Locale } from '../../src-shared/i18n';
import { blankDraft } from '../../src-shared/model/defaults';
import { isDraftInProgress, readWorkingCopyFile, writeDraftFile, writeIncompleteDraftFile } from '../../src-shared/model/file';
import { upgradeContent } from '../../src-shared/model/migrate';
import { problem } from '../../src-shared/model/problems';
import {
  isBlankText,
  isLocalizedText,
  localized,
  localizeByScript,
  otherLanguage,
  TEXT_LANGUAGES,
  type LocalizedText,
  type TextLanguage,
} from '../../src-shared/model/localized';
import { LIMITS, SCHEMA_VERSION } from '../../src-shared/model/schema';
import { withoutHiddenCharacters } from '../../src-shared/model/text';
import { validateDraft } from '../../src-shared/model/validate';
import { writeFailure, writeFileAtomically } from './atomic-file';
import { ServiceError } from './errors';
import type { Clock, Dialogs } from './ports';
import type { PresetsService } from './presets';

export type DraftContent = Record<string, unknown>;

export interface DraftsService {
  list(filter: Omit<ApiParsedInput<'drafts.list'>, 'limit'> & { limit?: number }): DraftSummary[];
  create(request: ApiParsedInput<'drafts.create'>): DraftRecord;
  get(id: string): DraftRecord;
  /** Autosave: store the working copy if nobody saved since `baseRevision`. */
  save(request: { id: string; content: DraftContent; baseRevision: number }): { revision: number; updatedAt: string };
  duplicate(id: string): DraftSummary;
  trash(id: string): DraftSummary;
  restore(id: string): DraftSummary;
  /**
   * A `*.sla.json` file's text: all or nothing, with every problem on failure; a file marked incomplete comes in with what it lacks.
   * A title another draft already has gets the day of the import ("… (imported 2026-12-07)"), unless `keepTitle`.
   */
  importFile(request: { fileName: string; text: string; keepTitle?: boolean }): ImportedDraft;
  /** Asks where to save; null when the user cancelled. A working copy with problems is written marked incomplete. */
  exportFile(id: string): Promise<{ path: string | null }>;
}

export interface DraftsServiceDeps {
  repository: DraftsRepository;
  presets: PresetsService;
  clock: Clock;
  dialogs: Dialogs;
  /** The language new drafts and generated titles are written in. */
  locale: () => Locale;
  translate: (locale: Locale, key: string, params?: Record<string, string | number>) => string;
  newId?: () => string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function textAt(value: unknown, ...path: string[]): string {
  let current = value;
  for (const key of path) {
    if (!isRecord(current)) return '';
    current = current[key];
  }
  const text = typeof current === 'string' ? current : isLocalizedText(current) ? listText(current, primaryLanguage(value)) : '';
  return text.trim().slice(0, LIMITS.shortText * 2);
}

/** The language a draft's list entry names it in first: the one that prevails in its contract. */
function primaryLanguage(content: unknown): TextLanguage {
  const precedence = isRecord(content) && isRecord(content.contract) ? content.contract.precedence : undefined;
  return precedence === 'zh-CN' ? 'zh-CN' : 'en';
}

/** A text in both languages as a list shows and searches it: "Enterprise SLA (企业服务水平协议)". */
export function listText(text: LocalizedText, primary: TextLanguage): string {
  const first = text[primary].trim();
  const second = text[otherLanguage(primary)].trim();
  if (first === '' || second === '' || first === second) return first || second;
  return `${first} (${second})`;
}

/** `suffix(language)` added to each written language of a title, within the title's length limit. */
export function retitle(title: LocalizedText, suffixed: (language: TextLanguage, base: string) => string): LocalizedText {
  const result = { ...title };
  for (const language of TEXT_LANGUAGES) {
    const base = title[language].trim();
    if (base === '') continue;
    const suffixLength = suffixed(language, '').length;
    result[language] = suffixed(language, base.slice(0, Math.max(1, LIMITS.shortText - suffixLength)).trim());
  }
  return result;
}

/**
 * A party as the list shows it and search finds it: a party with a name in
 * Chinese (a company registered in China, whose registered name that is)
 * by its Chinese name first, its English name in brackets; else its legal name.
 */
function partyListName(content: DraftContent, role: 'provider' | 'customer'): string {
  const name = textAt(content, 'parties', role, 'legalName');
  const chinese = textAt(content, 'parties', role, 'legalNameZh');
  if (chinese === '' || chinese === name) return name;
  return name === '' ? chinese : `${chinese} (${name})`;
}

/**
 * What the list shows and search finds, taken from a working copy that may
 * be half-filled or malformed: anything missing or of the wrong type reads as ''.
 */
export function listFieldsOf(content: DraftContent): DraftListFields {
  const services = Array.isArray(content.services) ? content.services.slice(0, LIMITS.services) : [];
  return {
    title: textAt(content, 'title'),
    providerName: partyListName(content, 'provider'),
    customerName: partyListName(content, 'customer'),
    servicesText: services
      .map((service) => textAt(service, 'name'))
      .filter((name) => name !== '')
      .join('\n'),
  };
}

/** No list of a draft may be longer than this (the services limit; every other list is shorter). */
const LONGEST_LIST = Math.max(LIMITS.services, LIMITS.listItems, LIMITS.metricsPerService);

/**
 * The first list longer than any list the model allows, with its path. A
 * working copy may hold problems, but one with 10,000 services is not a draft
 * in progress: it is refused before the cost of serialising it.
 */
function overlongList(value: unknown, path: (string | number)[] = [], depth = 0): (string | number)[] | null {
  if (depth > 12 || typeof value !== 'object' || value === null) return null;
  if (Array.isArray(value)) {
    if (value.length > LONGEST_LIST) return path;
    for (let index = 0; index < value.length; index++) {
      const found = overlongList(value[index], [...path, index], depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    const found = overlongList(item, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

function serialize(content: DraftContent): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(content);
  } catch {
    // A BigInt or a cycle: nothing the wizard produces, so the caller sent something else.
    throw new ServiceError('invalidInput', 'errors.contentNotSerializable');
  }
  if (json === undefined) throw new ServiceError('invalidInput', 'errors.contentNotSerializable');
  if (json.length > MAX_CONTENT_CHARS) {
    throw new ServiceError('invalidInput', 'errors.contentTooLarge', { max: MAX_CONTENT_CHARS });
  }
  return json;
}

function toSummary(stored: StoredDraftSummary): DraftSummary {
  return {
    id: stored.id,
    title: stored.title,
    providerName: stored.providerName,
    customerName: stored.customerName,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
    deletedAt: stored.deletedAt,
    status: stored.status,
    amendsVersionId: stored.amendsVersionId,
  };
}

/** The working copy as today's app edits it: content an older app stored is upgraded on reading (the next save writes it in the current form). */
function toRecord(stored: StoredDraft): DraftRecord {
  return { ...toSummary(stored), content: upgradeContent(JSON.parse(stored.contentJson) as DraftContent), revision: stored.revision };
}

/** A file name any file system accepts, from the draft's title. */
export function exportFileName(title: string, fallback: string): string {
  const cleaned = withoutHiddenCharacters(title)
    // Characters Windows, macOS or Linux refuse in a file name, and control characters.
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^\.+/u, '')
    .slice(0, 100)
    .trim();
  return `${cleaned === '' ? fallback : cleaned}.sla.json`;
}

export function createDraftsService(deps: DraftsServiceDeps): DraftsService {
  const { repository, clock } = deps;
  const newId = deps.newId ?? randomUUID;

  const stored = (id: string): StoredDraft => {
    const draft = repository.find(id);
    if (!draft) throw new ServiceError('notFound', 'errors.draftNotFound', { id });
    return draft;
  };

  /**
   * How many problems a listed draft's working copy has, so the list can
   * mark the incomplete ones. Counted once per saved state (the draft's
   * updatedAt) and kept: the list is read far more often than a draft changes.
   */
  const problemCounts = new Map<string, { updatedAt: string; count: number }>();
  const withProblemCount = (summary: DraftSummary): DraftSummary => {
    let known = problemCounts.get(summary.id);
    if (known?.updatedAt !== summary.updatedAt) {
      const draft = repository.find(summary.id);
      known = { updatedAt: summary.updatedAt, count: draft ? validateDraft(JSON.parse(draft.contentJson) as unknown).problems.length : 0 };
      problemCounts.set(summary.id, known);
    }
    return { ...summary, problemCount: known.count };
  };

  /** The title with the day of the import, when another draft (in the list or the trash) already has it; else as it is. */
  const importedTitle = (content: DraftContent): DraftContent => {
    const listed = textAt(content, 'title');
    if (listed === '' || !isLocalizedText(content.title)) return content;
    const taken = (['active', 'trash'] as const).some((view) => repository.list({ query: listed, view }).some((draft) => draft.title === listed));
    if (!taken) return content;
    const today = clock.now().slice(0, 10);
    // Within the title's limit, so the imported draft has no problem the file had not.
    const title = retitle(content.title, (language, base) =>
      deps.translate(language, 'storage.importedTitle', { title: base, date: language === 'zh-CN' ? formatDate(today, language) : today }),
    );
    return { ...content, title };
  };

  const insert = (content: DraftContent): StoredDraft =>
    repository.insert({ id: newId(), fields: listFieldsOf(content), contentJson: serialize(content), now: clock.now() });

  return {
    list({ query, view, sort, limit = DRAFT_LIST_PAGE }) {
      // Newest first is the index's order, so SQL stops after `limit` rows; titles
      // sort in JS (pinyin, numeric), which needs every match before cutting the list.
      const drafts = repository.list({ query, view, limit: sort === 'updated' ? limit : undefined }).map(toSummary);
      if (sort === 'title') {
        // Locale-aware: Chinese titles in pinyin order, "SLA 2" before "SLA 10"; untitled drafts last.
        const collator = new Intl.Collator(deps.locale(), { numeric: true, sensitivity: 'base' });
        drafts.sort((a, b) => {
          if ((a.title === '') !== (b.title === '')) return a.title === '' ? 1 : -1;
          return collator.compare(a.title, b.title) || b.updatedAt.localeCompare(a.updatedAt);
        });
      }
      return (drafts.length > limit ? drafts.slice(0, limit) : drafts).map(withProblemCount);
    },

    create({ presetId, title }) {
      let content: DraftContent;
      if (presetId === null) {
        const locale = deps.locale();
        content = blankDraft({
          title: title ?? deps.translate(locale, 'storage.untitledDraft'),
          effectiveDate: clock.now().slice(0, 10),
          locale,
        });
      } else {
        const preset = deps.presets.find(presetId);
        if (!preset) throw new ServiceError('notFound', 'errors.presetNotFound', { id: presetId });
        content = title === undefined ? preset.draft : { ...preset.draft, title: localizeByScript(title, deps.locale()) };
      }
      return toRecord(insert(content));
    },

    get(id) {
      return toRecord(stored(id));
    },

    save({ id, content, baseRevision }) {
      if (!isRecord(content)) throw new ServiceError('invalidInput', 'errors.contentNotObject');
      if (content.schemaVersion !== SCHEMA_VERSION) {
        throw new ServiceError('invalidInput', 'errors.unsupportedSchemaVersion', {
          found: String(content.schemaVersion),
          supported: SCHEMA_VERSION,
        });
      }
      const overlong = overlongList(content);
      if (overlong) {
        throw new ServiceError('invalidInput', 'errors.invalidInput', { channel: 'drafts.save' }, [
          problem(overlong, 'validation.tooMany', { max: LONGEST_LIST }),
        ]);
      }
      const outcome = repository.saveContent({
        id,
        baseRevision,
        fields: listFieldsOf(content),
        contentJson: serialize(content),
        now: clock.now(),
      });
      if (outcome.status === 'notFound') throw new ServiceError('notFound', 'errors.draftNotFound', { id });
      if (outcome.status === 'locked') throw new ServiceError('locked', 'errors.locked');
      if (outcome.status === 'conflict') {
        throw new ServiceError('conflict', 'errors.conflict', { revision: outcome.currentRevision, baseRevision });
      }
      return { revision: outcome.revision, updatedAt: outcome.updatedAt };
    },

    duplicate(id) {
      const { content } = toRecord(stored(id));
      if (isLocalizedText(content.title)) {
        const locale = deps.locale();
        // An untitled draft's copy is named in the user's language.
        const original = isBlankText(content.title) ? localized('', '') : content.title;
        if (isBlankText(original)) original[locale] = deps.translate(locale, 'storage.untitledDraft');
        // Keep the copy's title within the title's limit, so the copy has no problem the original had not.
        content.title = retitle(original, (language, base) => deps.translate(language, 'storage.copyTitle', { title: base }));
      }
      return toSummary(insert(content));
    },

    trash(id) {
      const current = stored(id);
      if (current.deletedAt !== null) return toSummary(current);
      return toSummary(repository.setDeletedAt(id, clock.now()) ?? current);
    },

    restore(id) {
      const current = stored(id);
      if (current.deletedAt === null) return toSummary(current);
      return toSummary(repository.setDeletedAt(id, null) ?? current);
    },

    importFile({ fileName, text, keepTitle = false }) {
      // The renderer hands over the file decoded as UTF-8: where the bytes were not UTF-8, they arrive as U+FFFD.
      if (text.includes('\uFFFD')) {
        throw new ServiceError('invalidFile', 'errors.invalidFile', { fileName, count: 1 }, [problem([], 'file.notUtf8')]);
      }
      const result = readWorkingCopyFile(text);
      if (!result.ok) {
        throw new ServiceError('invalidFile', 'errors.invalidFile', { fileName, count: result.problems.length }, result.problems);
      }
      const retitled = (content: DraftContent): DraftContent => (keepTitle ? content : importedTitle(content));
      if (result.complete) return toSummary(insert(retitled(result.draft as unknown as DraftContent)));
      // An incomplete draft is a working copy: held to what autosave holds one to.
      const overlong = overlongList(result.content);
      if (overlong) {
        throw new ServiceError('invalidFile', 'errors.invalidFile', { fileName, count: 1 }, [problem(overlong, 'validation.tooMany', { max: LONGEST_LIST })]);
      }
      return { ...toSummary(insert(retitled(result.content))), incomplete: result.problems };
    },

    async exportFile(id) {
      const { content, title } = toRecord(stored(id));
      const { draft, problems } = validateDraft(content);
      // A value of another type is no draft in progress: the file could not be imported again.
      if (!isDraftInProgress(problems)) {
        throw new ServiceError('invalidInput', 'errors.draftHasProblems', { count: problems.length }, problems);
      }
      const locale = deps.locale();
      const path = await deps.dialogs.chooseSavePath({
        suggestedName: exportFileName(title, deps.translate(locale, 'storage.untitledDraft')),
        filters: [{ name: deps.translate(locale, 'storage.fileFilter'), extensions: ['json'] }],
      });
      if (path === null) return { path: null };
      try {
        await writeFileAtomically(path, draft && problems.length === 0 ? writeDraftFile(draft) : writeIncompleteDraftFile(content));
      } catch (error) {
        throw writeFailure(error, path);
      }
      return { path };
    },
  };
}
