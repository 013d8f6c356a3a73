/**
 * The one typed contract between the renderer and the main process:
 * channel name → input schema → output schema. ipc.ts (Electron) and the
 * e2e harness (HTTP) both parse every input with these schemas; the preload
 * and the harness client both expose the same `SlaClient`.
 */
import { z } from 'zod';
import type { Channel, MenuCommand } from './channels';
import { LOCALES } from './i18n';
import { MAX_DRAFT_FILE_CHARS } from './model/file';
import { problemFromZodIssue, type Problem } from './model/problems';
import type { Template } from './contract/template';

export { CHANNELS, type Channel, type MenuCommand } from './channels';

const draftId = z.uuid();
const locale = z.enum(LOCALES);
const timestamp = z.string(); // ISO 8601, UTC

export const draftSummarySchema = z.object({
  id: draftId,
  title: z.string(),
  providerName: z.string(),
  customerName: z.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.nullable(),
});
export type DraftSummary = z.infer<typeof draftSummarySchema>;

export const draftRecordSchema = draftSummarySchema.extend({
  /** The working copy as last saved: a draft, possibly with problems still to fix. */
  content: z.record(z.string(), z.unknown()),
  /** Increases with every save; a save names the revision it was based on. */
  revision: z.number().int().min(0),
});
export type DraftRecord = z.infer<typeof draftRecordSchema>;

export const presetSummarySchema = z.object({
  id: z.string(),
  title: z.object({ en: z.string(), 'zh-CN': z.string() }),
  description: z.object({ en: z.string(), 'zh-CN': z.string() }),
});
export type PresetSummary = z.infer<typeof presetSummarySchema>;

const localized = z.object({ en: z.string(), 'zh-CN': z.string() });

export const templateSummarySchema = z.object({
  id: z.string(),
  builtIn: z.boolean(),
  name: localized.nullable(),
  version: z.string().nullable(),
  description: localized.nullable(),
  /** Why a firm's template cannot be used ("file:line [clause] field: message"); empty when it can. */
  errors: z.array(z.string()),
});
export type TemplateSummary = z.infer<typeof templateSummarySchema>;

/** A parsed clause library template is plain data (src-shared/contract/template.ts), safe to send as is. */
const templateSchema = z.custom<Template>((value) => typeof value === 'object' && value !== null && !Array.isArray(value));

/** A working copy is at most this large when serialized (the file limit). */
export const MAX_CONTENT_CHARS = MAX_DRAFT_FILE_CHARS;

export const api = {
  'settings.get': {
    input: z.strictObject({}),
    output: z.object({ locale: locale.nullable() }),
  },
  'settings.setLocale': {
    input: z.strictObject({ locale }),
    output: z.object({ locale }),
  },
  'presets.list': {
    input: z.strictObject({}),
    output: z.array(presetSummarySchema),
  },
  'drafts.list': {
    input: z.strictObject({
      query: z.string().max(200).default(''),
      view: z.enum(['active', 'trash']).default('active'),
      sort: z.enum(['updated', 'title']).default('updated'),
    }),
    output: z.array(draftSummarySchema),
  },
  'drafts.create': {
    input: z.strictObject({
      presetId: z.string().max(64).nullable(),
      title: z.string().trim().min(1).max(200).optional(),
    }),
    output: draftRecordSchema,
  },
  'drafts.get': {
    input: z.strictObject({ id: draftId }),
    output: draftRecordSchema,
  },
  'drafts.save': {
    input: z.strictObject({
      id: draftId,
      content: z.record(z.string(), z.unknown()),
      baseRevision: z.number().int().min(0),
    }),
    output: z.object({ revision: z.number().int(), updatedAt: timestamp }),
  },
  'drafts.duplicate': {
    input: z.strictObject({ id: draftId }),
    output: draftSummarySchema,
  },
  'drafts.trash': {
    input: z.strictObject({ id: draftId }),
    output: draftSummarySchema,
  },
  'drafts.restore': {
    input: z.strictObject({ id: draftId }),
    output: draftSummarySchema,
  },
  'drafts.import': {
    input: z.strictObject({
      fileName: z.string().min(1).max(260),
      text: z.string().max(MAX_DRAFT_FILE_CHARS + 1),
    }),
    output: draftSummarySchema,
  },
  'drafts.exportJson': {
    input: z.strictObject({ id: draftId }),
    /** null when the user cancelled the save dialog. */
    output: z.object({ path: z.string().nullable() }),
  },
  'templates.list': {
    input: z.strictObject({}),
    output: z.array(templateSummarySchema),
  },
  'templates.get': {
    input: z.strictObject({ id: z.string().min(1).max(64) }),
    output: z.object({ template: templateSchema }),
  },
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>;

export type ApiInput<C extends Channel> = z.input<(typeof api)[C]['input']>;
export type ApiParsedInput<C extends Channel> = z.output<(typeof api)[C]['input']>;
export type ApiOutput<C extends Channel> = z.output<(typeof api)[C]['output']>;

export const API_ERROR_CODES = [
  'invalidInput',
  'notFound',
  'invalidFile',
  'conflict',
  'locked',
  'forbidden',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** An error the UI can translate: an i18n key with parameters, and problems where there are several. */
export interface ApiError {
  code: ApiErrorCode;
  key: string;
  params?: Record<string, string | number>;
  problems?: Problem[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** The client the renderer uses: one method per channel, nothing raw. */
export type SlaClient = {
  invoke: { [C in Channel]: (input: ApiInput<C>) => Promise<ApiResult<ApiOutput<C>>> };
  /** Subscribe to application-menu commands; returns the unsubscribe function. */
  onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
};

/** Parse a channel's input; the failure lists every problem with its field. */
export function parseInput<C extends Channel>(
  channel: C,
  input: unknown,
): ApiResult<ApiParsedInput<C>> {
  const result = api[channel].input.safeParse(input ?? {});
  if (result.success) return { ok: true, value: result.data as ApiParsedInput<C> };
  return {
    ok: false,
    error: {
      code: 'invalidInput',
      key: 'errors.invalidInput',
      params: { channel },
      problems: result.error.issues.flatMap((issue) => problemFromZodIssue(issue)),
    },
  };
}
