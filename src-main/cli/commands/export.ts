/**
 * `export FILE --out F.docx [--lang en|zh-CN|bilingual] [--internal] [--draft]`:
 * the draft's contract as Word, written atomically, carrying the contract's
 * terms — or with --internal the whole draft, as an internal copy — sealed
 * with the key in the command line's data folder (export-seal.ts).
 *
 * With --draft it is a draft export: "Draft — not for signature" and a DRAFT
 * watermark on every page, and a draft that is not complete yet (blanks,
 * values out of range) is exported as it stands, what it lacks listed on
 * stderr. Without --draft an incomplete draft exits 1 with its problems.
 */
import { createClauseLibrary } from '../../services/clause-library';
import { createContractExportService, EXPORT_LANGUAGES, type ExportLanguage } from '../../services/contract-export';
import { sealerFor, sealKey } from '../../services/export-seal';
import { invalidContractLang, parsed, usage, type CliCommand } from '../command';
import { EXIT } from '../exit-codes';
import { readDraftInput, samePath } from '../input';
import { blankLines, documentRefusal, failed, incompleteLines } from '../problems';

interface ExportArgs {
  file: string;
  out: string;
  /** By default the language that prevails in the draft. */
  language: ExportLanguage | undefined;
  /** Carry the whole draft (an internal copy) rather than the contract's terms. */
  internal: boolean;
  /** A draft export: watermarked, not for signature; an incomplete draft is exported as it stands. */
  draft: boolean;
}

export const exportCommand: CliCommand<ExportArgs> = {
  name: 'export',
  options: { lang: { type: 'string' }, out: { type: 'string' }, internal: { type: 'boolean' }, draft: { type: 'boolean' } },
  languages: EXPORT_LANGUAGES,
  invalidLanguageKey: invalidContractLang,
  langIsDocumentLanguage: true,
  usageKey: 'cli.usage',
  parse: ({ positionals: [file, extra], strings, flags }) => {
    if (file === undefined) return usage('cli.missingExportFile');
    if (extra !== undefined) return usage('cli.unexpectedArgument', { argument: extra });
    if (strings.out === undefined) return usage('cli.missingOut', { command: 'export' });
    if (samePath(strings.out, file)) return usage('cli.outIsInput');
    return parsed({
      file,
      out: strings.out,
      language: strings.lang as ExportLanguage | undefined,
      internal: flags.internal === true,
      draft: flags.draft === true,
    });
  },
  run: async ({ file, out, language: chosen, internal, draft: asDraft }, { t, templateDirs, dataDir }) => {
    const read = readDraftInput(file, { incomplete: asDraft });
    if (!read.ok) return failed(t, read.problems, read.content);
    const precedence = read.draft.contract?.precedence;
    const language = chosen ?? (precedence === 'en' || precedence === 'zh-CN' ? precedence : 'en');
    const service = createContractExportService({
      clauseLibrary: createClauseLibrary({ dirs: templateDirs }),
      clock: { now: () => new Date().toISOString() },
      sealer: async () => sealerFor(await sealKey(dataDir)),
    });
    let record;
    try {
      record = await service.exportToFile({
        draft: read.draft,
        language,
        path: out,
        scope: internal ? 'internal' : 'contract',
        asDraft,
        incomplete: read.incomplete,
      });
    } catch (error) {
      const refused = documentRefusal(error, out, t);
      if (refused) return refused;
      throw error;
    }
    const written = t(asDraft ? 'cli.exportedDraft' : 'cli.exported', {
      file: out,
      language: t(`enums.contractLanguage.${language}`),
      size: record.size,
      sha256: record.sha256,
    });
    return { code: EXIT.ok, stdout: [written], stderr: [...incompleteLines(record.incomplete, t, read.draft), ...blankLines(record.blanks, t, read.draft)] };
  },
};
