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
import { STEP_IDS } from './model/schema';
import type { Template } from './contract/template-types';
import type { AttainmentHistory, MonthlyReport } from './monitoring/report';
import { DRAFT_STATUSES, VERSION_PARTIES } from './model/version';

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
  /** drafting → negotiating → agreed → signed; a signed draft's working copy is locked. */
  status: z.enum(DRAFT_STATUSES),
  /** The signed version this draft amends; null for an original agreement. */
  amendsVersionId: z.uuid().nullable(),
  /** How many problems the working copy has (0: complete); given in the draft list. */
  problemCount: z.number().int().min(0).optional(),
});
export type DraftSummary = z.infer<typeof draftSummarySchema>;

/** A parameter of a message: a number, a text, or a draft's text in both languages (read in the message's). */
const messageParam = z.union([z.string(), z.number(), z.strictObject({ en: z.string(), 'zh-CN': z.string() })]);

/** A problem of a draft as validation reports it (model/problems.ts). */
const problemSchema = z.object({
  step: z.enum(STEP_IDS),
  path: z.array(z.union([z.string(), z.number()])),
  key: z.string(),
  params: z.record(z.string(), messageParam),
});

/** A draft imported from a file; `incomplete` lists what a draft exported before it was complete still lacks (absent when complete). */
export const importedDraftSchema = draftSummarySchema.extend({ incomplete: z.array(problemSchema).optional() });
export type ImportedDraft = z.infer<typeof importedDraftSchema>;

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

/** A parsed clause library template is plain data (src-shared/contract/template-types.ts), safe to send as is. */
const templateSchema = z.custom<Template>((value) => typeof value === 'object' && value !== null && !Array.isArray(value));

const versionId = z.uuid();
/** Who wrote or approved a round: a person's name as the user types it. */
const personName = z.string().trim().min(1).max(200);
const versionNote = z.string().trim().max(5_000);

export const approvalSchema = z.object({
  id: z.uuid(),
  approver: z.string(),
  approvedAt: timestamp,
  note: z.string(),
  /** What was approved: the playbook findings the approver saw, as the playbook reported them. */
  findings: z.array(z.json()),
});
export type Approval = z.infer<typeof approvalSchema>;

export const versionSummarySchema = z.object({
  id: versionId,
  draftId,
  /** 1, 2, 3… per draft, in the order the rounds were saved. */
  sequence: z.number().int().min(1),
  party: z.enum(VERSION_PARTIES),
  author: z.string(),
  note: z.string(),
  createdAt: timestamp,
  /** SHA-256 of the content's canonical JSON (src-shared/model/canonical.ts), 64 hex digits. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  approvals: z.array(approvalSchema),
});
export type VersionSummary = z.infer<typeof versionSummarySchema>;

export const versionRecordSchema = versionSummarySchema.extend({
  content: z.record(z.string(), z.unknown()),
});
export type VersionRecord = z.infer<typeof versionRecordSchema>;

/** An approval given while marking a round agreed (or signed), recorded with the version it creates. */
const approvalInput = z.strictObject({
  approver: personName,
  note: versionNote.default(''),
  findings: z.array(z.json()).max(500).default([]),
});

/** What saving or marking a round answers: the new version and where the draft now stands. */
const frozenVersionSchema = z.object({
  version: versionSummarySchema,
  draftStatus: z.enum(DRAFT_STATUSES),
  /** The working copy's revision afterwards (marking signed makes the signed content the working copy). */
  revision: z.number().int().min(0),
});

const markVersionInput = z.strictObject({
  versionId,
  author: personName,
  note: versionNote.default(''),
  approval: approvalInput.optional(),
});

// ── Monitoring imports and monthly reports ────────────────────────────────

/**
 * The most text reports.importMonitoringText takes: a file the renderer read and
 * uploads (the dev:web harness's only way). Larger files are streamed from
 * disk by main through reports.importMonitoringFile.
 */
export const MAX_MONITORING_TEXT_CHARS = 4_000_000;

const jobId = z.uuid();
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const messageParams = z.record(z.string(), z.union([z.string(), z.number()]));

/** One import stored with a draft: what identifies the file, and what it covers. */
export const monitoringImportSchema = z.object({
  id: z.uuid(),
  draftId,
  fileName: z.string(),
  fileBytes: z.number().int().min(0),
  /** SHA-256 of the file's bytes (of the uploaded text as UTF-8), 64 hex digits. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  importedAt: timestamp,
  form: z.enum(['incidents', 'probes']),
  rows: z.number().int().min(0),
  /** Draft services the file has rows for. */
  serviceIds: z.array(z.string()),
  /** UTC calendar months (YYYY-MM) its rows touch, oldest first. */
  months: z.array(z.string()),
  firstAt: timestamp.nullable(),
  lastAt: timestamp.nullable(),
  /**
   * The months the file speaks for (both included): by default those its
   * rows span; the user may state a longer or shorter period. A month
   * outside every import's period has no data in the report.
   */
  period: z.object({ from: month, to: month }).nullable(),
});
export type MonitoringImport = z.infer<typeof monitoringImportSchema>;

/** A problem of a monitoring CSV: a monitoring.csv.* key whose params carry the line and column. */
export const monitoringCsvErrorSchema = z.object({
  line: z.number().int().nullable(),
  column: z.string().nullable(),
  key: z.string(),
  params: messageParams,
});

/**
 * Where an import job stands. reading → imported (stored), invalid (the
 * file has problems, nothing stored), failed (e.g. unreadable; `failure`
 * says why) or cancelled (nothing stored).
 */
export const importJobSchema = z.object({
  jobId,
  draftId,
  fileName: z.string(),
  state: z.enum(['reading', 'imported', 'invalid', 'failed', 'cancelled']),
  bytesRead: z.number().int().min(0),
  totalBytes: z.number().int().min(0),
  /** Data rows read so far. */
  rows: z.number().int().min(0),
  imported: monitoringImportSchema.nullable(),
  /** Every problem of the file up to 100, in file order. */
  errors: z.array(monitoringCsvErrorSchema),
  omittedErrors: z.number().int().min(0),
  failure: z.object({ code: z.string(), key: z.string(), params: messageParams.optional() }).nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

/** The report and the chart data are plain data (src-shared/monitoring/report.ts), safe to send as they are. */
const plainObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
const monthlyReportSchema = z.custom<MonthlyReport>(plainObject);
const attainmentHistorySchema = z.custom<AttainmentHistory>(plainObject);

// ── Contract export, the exports record, and importing a contract ──────────

/** The languages a contract is exported in: one language, or both side by side. */
export const CONTRACT_EXPORT_LANGUAGES = ['en', 'zh-CN', 'bilingual'] as const;

/** What a contract file carries inside it: the contract terms only, or the whole draft (an internal copy). */
export const CONTRACT_EXPORT_SCOPES = ['contract', 'internal'] as const;
export type ContractExportScope = (typeof CONTRACT_EXPORT_SCOPES)[number];
/** What an amendment draft exports as: the SLA restated in full, or the amendment instrument (its changed clauses only). */
export const CONTRACT_EXPORT_FORMS = ['restated', 'amendment'] as const;
export type ContractExportForm = (typeof CONTRACT_EXPORT_FORMS)[number];

/**
 * What an import found of a contract file: whether it is as SLA Studio
 * wrote it. `findings` are messages (i18n keys under `export.check`) the
 * user must see; empty when the file is unchanged or too old to check
 * (`format` 1). `origin` is the seal: an unmodified export of this
 * installation, or not verified.
 */
export const docxCheckSchema = z.object({
  format: z.union([z.literal(1), z.literal(2)]),
  /** `whole`: a file from before contract-only exports, which carries the whole draft. */
  scope: z.enum(['contract', 'internal', 'whole']),
  /** The identity the contract's footer prints, "3f9a 1c2b 7d4e 0a11"; null for format 1. */
  identity: z.string().nullable(),
  findings: z.array(z.object({ key: z.string(), params: z.record(z.string(), messageParam) })),
  origin: z.enum(['thisInstallation', 'notVerified']),
});
export type DocxCheck = z.infer<typeof docxCheckSchema>;

/** A draft imported from a contract file, with what the import found of the file. */
export const importedDocxSchema = importedDraftSchema.extend({ check: docxCheckSchema });
export type ImportedDocx = z.infer<typeof importedDocxSchema>;
export type ContractExportLanguage = (typeof CONTRACT_EXPORT_LANGUAGES)[number];

/**
 * The largest .docx exports.importDocx takes. A contract SLA Studio exports
 * is well under 1 MB; the limit keeps a wrong file from being sent whole.
 */
export const MAX_IMPORT_DOCX_BYTES = 5 * 1024 * 1024;
const MAX_IMPORT_DOCX_BASE64_CHARS = Math.ceil(MAX_IMPORT_DOCX_BYTES / 3) * 4;

const exportId = z.uuid();
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * What saving an export answers (contract, redline, monthly report). exportId
 * and path are null when the user cancelled the save dialog: nothing was
 * written, nothing recorded.
 */
export const savedExportSchema = z.object({
  exportId: exportId.nullable(),
  path: z.string().nullable(),
  /** The file's name: the one chosen, or the one proposed when the dialog was cancelled. */
  fileName: z.string(),
  bytes: z.number().int().min(0),
  sha256: sha256Hex.nullable(),
});
export type SavedExport = z.infer<typeof savedExportSchema>;

/** One file SLA Studio wrote for a draft, as the exports table records it. */
export const exportRecordSchema = z.object({
  id: exportId,
  draftId,
  kind: z.enum(['contract', 'redline', 'report', 'draftFile']),
  /** null for files without a language (a draft file). */
  language: z.enum(CONTRACT_EXPORT_LANGUAGES).nullable(),
  /** The exported version; null for the working copy. */
  version: z.object({ id: versionId, sequence: z.number().int().min(1), party: z.enum(VERSION_PARTIES) }).nullable(),
  path: z.string(),
  fileName: z.string(),
  bytes: z.number().int().min(0),
  /** SHA-256 of the file's bytes as written. */
  sha256: sha256Hex,
  createdAt: timestamp,
});
export type ExportRecord = z.infer<typeof exportRecordSchema>;

// ── Backups of the database ───────────────────────────────────────────────

/** A backup is named by its file name in the backups folder: kind, UTC time, and a counter within one second. */
const backupId = z.string().regex(/^(auto|manual)-\d{8}T\d{6}Z(?:-\d{1,4})?\.sqlite$/);

export const backupSummarySchema = z.object({
  id: backupId,
  /** auto: taken at start, the last seven kept; manual: "Back up now", never deleted by SLA Studio. */
  kind: z.enum(['auto', 'manual']),
  createdAt: timestamp,
  bytes: z.number().int().min(0),
});
export type BackupSummary = z.infer<typeof backupSummarySchema>;

/** How many drafts the list shows at first, and adds with each "Show more". */
export const DRAFT_LIST_PAGE = 100;
export const MAX_DRAFT_LIST = 10_000;

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
      /** The list shows the first drafts in order; "Show more" asks for a longer list. */
      limit: z.number().int().min(1).max(MAX_DRAFT_LIST).default(DRAFT_LIST_PAGE),
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
    output: importedDraftSchema,
  },
  'exports.draftFile': {
    input: z.strictObject({ id: draftId }),
    /** null when the user cancelled the save dialog. */
    output: z.object({ path: z.string().nullable() }),
  },
  'clauseLibrary.list': {
    input: z.strictObject({}),
    output: z.array(templateSummarySchema),
  },
  'clauseLibrary.get': {
    input: z.strictObject({ id: z.string().min(1).max(64) }),
    output: z.object({ template: templateSchema }),
  },
  'translations.suggest': {
    /** A text of the draft in one language: translations of it written before, in other drafts, saved versions or the clause library. */
    input: z.strictObject({ draftId, text: z.string().max(5_000), from: z.enum(['en', 'zh-CN']) }),
    output: z.array(z.object({ text: z.string(), matched: z.string(), exact: z.boolean(), score: z.string(), source: z.string() })),
  },
  'versions.list': {
    input: z.strictObject({ draftId }),
    /** Oldest first, each with the approvals recorded with it. */
    output: z.array(versionSummarySchema),
  },
  'versions.get': {
    input: z.strictObject({ id: versionId }),
    output: versionRecordSchema,
  },
  'versions.save': {
    input: z.strictObject({
      draftId,
      party: z.enum(VERSION_PARTIES),
      author: personName,
      note: versionNote.default(''),
      /** The revision the user is looking at: refused as a conflict when the working copy moved on. */
      baseRevision: z.number().int().min(0).optional(),
      approval: approvalInput.optional(),
    }),
    output: frozenVersionSchema,
  },
  'versions.restore': {
    input: z.strictObject({ versionId }),
    output: z.object({
      revision: z.number().int().min(0),
      updatedAt: timestamp,
      /** The working copy the restore replaced, for Undo (a drafts.save based on `revision`). */
      previousContent: z.record(z.string(), z.unknown()),
    }),
  },
  'versions.markAgreed': {
    input: markVersionInput,
    output: frozenVersionSchema,
  },
  'versions.markSigned': {
    input: markVersionInput,
    output: frozenVersionSchema,
  },
  'versions.defaultAuthor': {
    input: z.strictObject({}),
    /** The author of this user's last saved version; null before the first. */
    output: z.object({ author: z.string().nullable() }),
  },
  'versions.startAmendment': {
    /** A signed version: the amendment starts from its content. */
    input: z.strictObject({ versionId }),
    output: draftRecordSchema,
  },
  'reports.listMonitoringImports': {
    input: z.strictObject({ draftId }),
    /** Newest first. */
    output: z.object({ imports: z.array(monitoringImportSchema) }),
  },
  'reports.importMonitoringText': {
    input: z.strictObject({
      draftId,
      fileName: z.string().trim().min(1).max(260),
      text: z.string().max(MAX_MONITORING_TEXT_CHARS),
    }),
    /** The job just started; poll reports.monitoringImportStatus until it is no longer reading. */
    output: importJobSchema,
  },
  'reports.importMonitoringFile': {
    input: z.strictObject({ draftId }),
    /** null when the user cancelled the open dialog (or where there is none: the dev:web harness). */
    output: z.object({ job: importJobSchema.nullable() }),
  },
  'reports.monitoringImportStatus': {
    input: z.strictObject({ jobId }),
    output: importJobSchema,
  },
  'reports.cancelMonitoringImport': {
    input: z.strictObject({ jobId }),
    output: importJobSchema,
  },
  'reports.deleteMonitoringImport': {
    input: z.strictObject({ draftId, importId: z.uuid() }),
    /** The imports that remain, newest first. */
    output: z.object({ imports: z.array(monitoringImportSchema) }),
  },
  'reports.setMonitoringImportPeriod': {
    input: z.strictObject({
      draftId,
      importId: z.uuid(),
      /** null: the months the file's rows span. */
      period: z
        .strictObject({ from: month, to: month })
        .refine((span) => span.from <= span.to, { message: 'fromAfterTo' })
        .nullable(),
    }),
    /** The imports, newest first. */
    output: z.object({ imports: z.array(monitoringImportSchema) }),
  },
  'reports.monthly': {
    input: z.strictObject({
      draftId,
      /** Default: the last month of the term with data (else the last month with data). */
      month: month.optional(),
      /** Months of attainment history for the chart, ending with the month reported. */
      historyMonths: z.number().int().min(1).max(24).default(6),
    }),
    output: z.object({
      /** Months some import covers, oldest first. */
      months: z.array(month),
      /** The months of the agreement's term, oldest first: what the month picker offers. */
      termMonths: z.array(month),
      /** null when no month was asked for and there is no data yet. */
      month: month.nullable(),
      report: monthlyReportSchema.nullable(),
      history: attainmentHistorySchema.nullable(),
    }),
  },
  'reportExport.docx': {
    input: z.strictObject({
      draftId,
      /** The month of the report, as reports.monthly reports it. */
      month,
      language: z.enum(CONTRACT_EXPORT_LANGUAGES),
    }),
    output: savedExportSchema,
  },
  'exports.contract': {
    input: z.strictObject({
      draftId,
      language: z.enum(CONTRACT_EXPORT_LANGUAGES),
      /** A saved version to export; absent or null for the working copy. */
      versionId: versionId.nullable().optional(),
      /** What the file carries: the contract terms (the default), or the whole draft as an internal copy. */
      scope: z.enum(CONTRACT_EXPORT_SCOPES).optional(),
      /** Export as a draft: "Draft — not for signature" and a watermark on every page; a working copy with blanks or other problems may go out only so. */
      asDraft: z.boolean().optional(),
      /** For a draft that amends a signed version: the restated SLA (the default) or the amendment instrument. */
      form: z.enum(CONTRACT_EXPORT_FORMS).optional(),
    }),
    output: savedExportSchema,
  },
  'redlines.export': {
    input: z.strictObject({
      draftId,
      /** The side the changes are from: a saved version, or null for the working copy. */
      oldVersionId: versionId.nullable(),
      /** The side they lead to, whose author and time every tracked change carries; null for the working copy. */
      newVersionId: versionId.nullable(),
      language: z.enum(CONTRACT_EXPORT_LANGUAGES),
    }),
    output: savedExportSchema.extend({
      /** Tracked changes in the file. */
      revisions: z.number().int().min(0),
    }),
  },
  'exports.showInFolder': {
    /** Main reveals the path it recorded for this export; the renderer never names a path. */
    input: z.strictObject({ exportId }),
    output: z.object({ path: z.string() }),
  },
  'exports.list': {
    input: z.strictObject({ draftId }),
    /** Newest first. */
    output: z.array(exportRecordSchema),
  },
  'exports.importDocx': {
    input: z.strictObject({
      fileName: z.string().min(1).max(260),
      /** The .docx file's bytes, base64-encoded. */
      base64: z
        .string()
        .min(1)
        .max(MAX_IMPORT_DOCX_BASE64_CHARS)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/),
    }),
    output: importedDocxSchema,
  },
  'backups.list': {
    input: z.strictObject({}),
    /** Newest first; `folder` is where they are kept, for the user to find them. */
    output: z.object({ folder: z.string(), backups: z.array(backupSummarySchema) }),
  },
  'backups.create': {
    input: z.strictObject({}),
    output: backupSummarySchema,
  },
  'backups.restore': {
    /** Replaces the live database with this backup; the replaced file is kept beside it, never deleted. */
    input: z.strictObject({ backupId }),
    output: z.object({
      restored: backupSummarySchema,
      /** Where the database that was replaced now is (`<db>.before-restore-<time>`). */
      setAsidePath: z.string().nullable(),
    }),
  },
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>;

export type ApiInput<C extends Channel> = z.input<(typeof api)[C]['input']>;
export type ApiParsedInput<C extends Channel> = z.output<(typeof api)[C]['input']>;
export type ApiOutput<C extends Channel> = z.output<(typeof api)[C]['output']>;

export const API_ERROR_CODES = ['invalidInput', 'notFound', 'invalidFile', 'conflict', 'locked', 'forbidden', 'internal'] as const;
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
export function parseInput<C extends Channel>(channel: C, input: unknown): ApiResult<ApiParsedInput<C>> {
  // reportInput lets a value of the wrong type read "Must be text", not "Required";
  // the problems carry only the path and a key, never the input itself.
  const result = api[channel].input.safeParse(input ?? {}, { reportInput: true });
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
