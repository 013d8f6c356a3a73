/** `validate FILE [--lang en|zh-CN]`: one line for a valid draft, or one line per problem. */
import { LOCALES } from '../../../src-shared/i18n';
import { invalidLang, parsed, usage, type CliCommand } from '../command';
import { EXIT } from '../exit-codes';
import { readDraftInput } from '../input';
import { failed } from '../problems';

export const validateCommand: CliCommand<{ file: string }> = {
  name: 'validate',
  options: { lang: { type: 'string' } },
  languages: LOCALES,
  invalidLanguageKey: invalidLang,
  langIsDocumentLanguage: false,
  usageKey: 'cli.usage',
  parse: ({ positionals: [file, extra] }) => {
    if (file === undefined) return usage('cli.missingFile');
    if (extra !== undefined) return usage('cli.unexpectedArgument', { argument: extra });
    return parsed({ file });
  },
  run: async ({ file }, { t }) => {
    const read = readDraftInput(file);
    if (!read.ok) return failed(t, read.problems);
    return { code: EXIT.ok, stdout: [t('cli.valid', { file })], stderr: [] };
  },
};
