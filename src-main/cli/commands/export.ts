/** `export FILE --out F.docx [--lang en|zh-CN|bilingual]`: the draft's contract as Word, written atomically. */
import { createClauseLibrary } from '../../services/clause-library';
import { createContractExportService, EXPORT_LANGUAGES, type ExportLanguage } from '../../services/contract-export';
import { invalidContractLang, parsed, usage, type CliCommand } from '../command';
import { EXIT } from '../exit-codes';
import { readDraftInput, samePath } from '../input';
import { blankLines, documentRefusal, failed } from '../problems';

interface ExportArgs {
  file: string;
  out: string;
  /** By default the language that prevails in the draft. */
  language: ExportLanguage | undefined;
}

export const exportCommand: CliCommand<ExportArgs> = {
  name: 'export',
  options: { lang: { type: 'string' }, out: { type: 'string' } },
  languages: EXPORT_LANGUAGES,
  invalidLanguageKey: invalidContractLang,
  langIsDocumentLanguage: true,
  usageKey: 'cli.usage',
  parse: ({ positionals: [file, extra], strings }) => {
    if (file === undefined) return usage('cli.missingExportFile');
    if (extra !== undefined) return usage('cli.unexpectedArgument', { argument: extra });
    if (strings.out === undefined) return usage('cli.missingOut', { command: 'export' });
    if (samePath(strings.out, file)) return usage('cli.outIsInput');
    return parsed({ file, out: strings.out, language: strings.lang as ExportLanguage | undefined });
  },
  run: async ({ file, out, language: chosen }, { t, templateDirs }) => {
    const read = readDraftInput(file);
    if (!read.ok) return failed(t, read.problems);
    const language = chosen ?? read.draft.contract.precedence;
    const service = createContractExportService({ clauseLibrary: createClauseLibrary({ dirs: templateDirs }), clock: { now: () => new Date().toISOString() } });
    let record;
    try {
      record = await service.exportToFile({ draft: read.draft, language, path: out });
    } catch (error) {
      const refused = documentRefusal(error, out, t);
      if (refused) return refused;
      throw error;
    }
    const written = t('cli.exported', { file: out, language: t(`enums.contractLanguage.${language}`), size: record.size, sha256: record.sha256 });
    return { code: EXIT.ok, stdout: [written], stderr: blankLines(record.blanks, t) };
  },
};
