/**
 * `redline OLD NEW --out F.docx [--lang en|zh-CN|bilingual] [--author NAME]`:
 * OLD's contract → NEW's as Word tracked changes. The files are not
 * versions: the cover carries no version line (so accepting all changes
 * gives exactly what `export NEW` writes), and the footer names each side by
 * the first characters of its content hash — the same hash a version saved
 * from that content has in the app.
 */
import { statSync } from 'node:fs';
import { canonicalHash } from '../../../src-shared/model/canonical';
import { createClauseLibrary } from '../../services/clause-library';
import { EXPORT_LANGUAGES, type ExportLanguage } from '../../services/contract-export';
import { createRedlineExportService } from '../../services/redline-export';
import { invalidContractLang, parsed, usage, type CliCommand } from '../command';
import { EXIT } from '../exit-codes';
import { samePath } from '../input';
import { blankLines, documentRefusal } from '../problems';
import { readTwoDrafts } from './two-drafts';

interface RedlineArgs {
  old: string;
  new: string;
  out: string;
  /** By default the language that prevails in NEW. */
  language: ExportLanguage | undefined;
  /** The name Word shows on every change; by default the provider named in NEW (the side that sends a redline, usually). */
  author: string | undefined;
}

/** When NEW was last saved: the time its changes carry (w:date). */
function savedAt(file: string): string {
  try {
    return statSync(file).mtime.toISOString();
  } catch {
    return new Date().toISOString();
  }
}

export const redlineCommand: CliCommand<RedlineArgs> = {
  name: 'redline',
  options: { lang: { type: 'string' }, out: { type: 'string' }, author: { type: 'string' } },
  languages: EXPORT_LANGUAGES,
  invalidLanguageKey: invalidContractLang,
  langIsDocumentLanguage: true,
  usageKey: 'cli.usage',
  parse: ({ positionals: [oldFile, newFile, extra], strings }) => {
    if (oldFile === undefined || newFile === undefined) return usage('cli.missingRedlineFiles');
    if (extra !== undefined) return usage('cli.unexpectedArgument', { argument: extra });
    const out = strings.out;
    if (out === undefined) return usage('cli.missingOut', { command: 'redline' });
    if (samePath(out, oldFile) || samePath(out, newFile)) return usage('cli.outIsInput');
    return parsed({ old: oldFile, new: newFile, out, language: strings.lang as ExportLanguage | undefined, author: strings.author?.trim() });
  },
  run: async (args, { t, templateDirs }) => {
    const read = readTwoDrafts([args.old, args.new], t);
    if (!read.ok) return read.result;
    const [before, after] = read.drafts;
    const language = args.language ?? after.contract.precedence;
    const [oldHash, newHash] = await Promise.all([canonicalHash(before), canonicalHash(after)]);
    const author = args.author && args.author !== '' ? args.author : after.parties.provider.legalName;
    const service = createRedlineExportService({ clauseLibrary: createClauseLibrary({ dirs: templateDirs }), clock: { now: () => new Date().toISOString() } });
    let record;
    try {
      record = await service.exportToFile({
        language,
        old: { draft: before, sha256: oldHash.sha256 },
        new: { draft: after, sha256: newHash.sha256, author, date: savedAt(args.new) },
        path: args.out,
      });
    } catch (error) {
      const refused = documentRefusal(error, args.out, t);
      if (refused) return refused;
      throw error;
    }
    const written = t('cli.redlineWritten', {
      file: args.out,
      language: t(`enums.contractLanguage.${language}`),
      revisions: record.revisions,
      added: record.clauses.added,
      removed: record.clauses.removed,
      changed: record.clauses.changed,
      size: record.size,
      sha256: record.sha256,
    });
    return { code: EXIT.ok, stdout: [written], stderr: blankLines(record.blanks, t, after) };
  },
};
