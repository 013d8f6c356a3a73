/**
 * One handler per channel of src-shared/api.ts, shared by Electron's ipc.ts
 * and the dev:web harness: parse the `unknown` input with the channel's
 * schema, call the service, and answer an ApiResult. A ServiceError becomes
 * its ApiError; anything else is a bug, logged here and answered as
 * errors.internal without a stack trace or message.
 */
import { parseInput, type ApiError, type ApiOutput, type ApiParsedInput, type ApiResult } from '../src-shared/api';
import { CHANNELS, type Channel } from '../src-shared/channels';
import { formatTemplateError } from '../src-shared/contract/template';
import { backupSummary, isServiceError, ServiceError, type Services } from './services';

export type ChannelHandlers = { [C in Channel]: (input: unknown) => Promise<ApiResult<ApiOutput<C>>> };

type ServiceCalls = { [C in Channel]: (input: ApiParsedInput<C>) => ApiOutput<C> | Promise<ApiOutput<C>> };

export interface ApiHandlerOptions {
  /** Where unexpected failures go; stderr by default. */
  logError?: (channel: Channel, error: unknown) => void;
}

function serviceCalls(services: Services): ServiceCalls {
  return {
    'settings.get': () => services.settings.get(),
    'settings.setLocale': ({ locale }) => services.settings.setLocale(locale),
    'presets.list': () => services.presets.list(),
    'drafts.list': (filter) => services.drafts.list(filter),
    'drafts.create': (request) => services.drafts.create(request),
    'drafts.get': ({ id }) => services.drafts.get(id),
    'drafts.save': (request) => services.drafts.save(request),
    'drafts.duplicate': ({ id }) => services.drafts.duplicate(id),
    'drafts.trash': ({ id }) => services.drafts.trash(id),
    'drafts.restore': ({ id }) => services.drafts.restore(id),
    'drafts.import': (request) => services.drafts.importFile(request),
    // Recorded in the exports table as a draft file, like every file SLA Studio writes.
    'exports.draftFile': ({ id }) => services.exports.exportDraftFile(id),
    'clauseLibrary.list': () =>
      services.clauseLibrary.list().map((summary) => ({
        id: summary.id,
        builtIn: summary.builtIn,
        name: summary.name,
        version: summary.version,
        description: summary.description,
        errors: summary.errors.map(formatTemplateError),
      })),
    'translations.suggest': (request) => services.translations.suggest(request),
    'clauseLibrary.get': ({ id }) => {
      const loaded = services.clauseLibrary.load(id);
      if (loaded.ok) return { template: loaded.template };
      const first = loaded.errors[0];
      throw new ServiceError('notFound', 'errors.templateUnusable', {
        id,
        count: loaded.errors.length,
        detail: first ? formatTemplateError(first) : '',
      });
    },
    'versions.list': ({ draftId }) => services.versions.list(draftId),
    'versions.get': ({ id }) => services.versions.get(id),
    'versions.save': (request) => services.versions.save(request),
    'versions.restore': ({ versionId }) => services.versions.restore(versionId),
    'versions.markAgreed': (request) => services.versions.markAgreed(request),
    'versions.markSigned': (request) => services.versions.markSigned(request),
    'versions.defaultAuthor': () => services.versions.defaultAuthor(),
    'versions.startAmendment': ({ versionId }) => services.versions.startAmendment(versionId),
    'reports.listMonitoringImports': ({ draftId }) => services.reports.listImports(draftId),
    'reports.importMonitoringText': (request) => services.reports.importText(request),
    'reports.importMonitoringFile': ({ draftId }) => services.reports.importFile(draftId),
    'reports.monitoringImportStatus': ({ jobId }) => services.reports.importStatus(jobId),
    'reports.cancelMonitoringImport': ({ jobId }) => services.reports.cancelImport(jobId),
    'reports.deleteMonitoringImport': ({ draftId, importId }) => services.reports.deleteImport(draftId, importId),
    'reports.setMonitoringImportPeriod': ({ draftId, importId, period }) => services.reports.setImportPeriod(draftId, importId, period),
    'reports.monthly': (request) => services.reports.monthlyReport(request),
    'reportExport.docx': (request) => services.reportExport.exportDocx(request),
    'exports.contract': (request) => services.exports.exportContract(request),
    'exports.showInFolder': ({ exportId }) => services.exports.showInFolder(exportId),
    'redlines.export': (request) => services.redlines.exportRedline(request),
    'exports.list': ({ draftId }) => services.exports.list(draftId),
    'exports.importDocx': (request) => services.exports.importDocx(request),
    'backups.list': () => ({ folder: services.backups.folder, backups: services.backups.list().map(backupSummary) }),
    'backups.create': async () => backupSummary(await services.backups.create()),
    'backups.restore': async ({ backupId }) => {
      const { restored, setAsidePath } = await services.backups.restore(backupId);
      return { restored: backupSummary(restored), setAsidePath };
    },
  };
}

const INTERNAL: ApiError = { code: 'internal', key: 'errors.internal' };

function defaultLogError(channel: Channel, error: unknown): void {
  console.error(`[sla-studio] ${channel} failed unexpectedly:`, error);
}

export function createApiHandlers(services: Services, options: ApiHandlerOptions = {}): ChannelHandlers {
  const calls = serviceCalls(services);
  const logError = options.logError ?? defaultLogError;

  const handlerFor =
    <C extends Channel>(channel: C) =>
    async (input: unknown): Promise<ApiResult<ApiOutput<C>>> => {
      const parsed = parseInput(channel, input);
      if (!parsed.ok) return parsed;
      try {
        const call = calls[channel] as (request: ApiParsedInput<C>) => ApiOutput<C> | Promise<ApiOutput<C>>;
        return { ok: true, value: await call(parsed.value) };
      } catch (error) {
        if (isServiceError(error)) return { ok: false, error: error.apiError };
        logError(channel, error);
        return { ok: false, error: INTERNAL };
      }
    };

  return Object.fromEntries(CHANNELS.map((channel) => [channel, handlerFor(channel)])) as ChannelHandlers;
}
