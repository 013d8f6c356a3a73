/**
 * `import F.docx --out F.sla.json`: the draft a contract was exported from,
 * byte for byte as it was embedded — or, from an older SLA Studio, migrated
 * to the current format, as importing that `.sla.json` would.
 *
 * When the contract was changed after SLA Studio wrote it (draft-part.ts:
 * the draft inside is not the one its footer names, the footer names
 * another, the text was edited), the draft inside is still written, each
 * finding is printed on stderr and the exit code is 3 (EXIT.changed).
 *
 * A draft exported before it was complete (a draft export with blanks) is
 * written as it was embedded, still marked incomplete, and what it lacks is
 * printed on stderr, one line each: it is imported, as the app imports it.
 */
import { LOCALES } from '../../../src-shared/i18n';
import { readWorkingCopyFile, writeDraftFile, writeIncompleteDraftFile } from '../../../src-shared/model/file';
import { problem } from '../../../src-shared/model/problems';
import { MAX_DOCX_BYTES, type DraftPartFailure } from '../../docx/draft-part';
import { writeFileAtomically } from '../../services/atomic-file';
import { docxCheckOf, readSealKey } from '../../services/export-seal';
import { invalidLang, parsed, usage, type CliCommand } from '../command';
import { EXIT } from '../exit-codes';
import { readInputFile, samePath } from '../input';
import { failed, incompleteLines, writeProblem } from '../problems';

const REFUSALS: Record<DraftPartFailure, string> = {
  notDocx: 'cli.notDocx',
  noDraft: 'cli.noDraftInDocx',
  damaged: 'cli.damagedDraftInDocx',
  tooLarge: 'cli.docxTooLarge',
  tooLargeOrDamaged: 'cli.docxTooLargeOrDamaged',
  duplicatePart: 'cli.duplicatePartInDocx',
};

export const importCommand: CliCommand<{ docx: string; out: string }> = {
  name: 'import',
  options: { lang: { type: 'string' }, out: { type: 'string' } },
  languages: LOCALES,
  invalidLanguageKey: invalidLang,
  langIsDocumentLanguage: false,
  usageKey: 'cli.usage',
  parse: ({ positionals: [docx, extra], strings }) => {
    if (docx === undefined) return usage('cli.missingImportFile');
    if (extra !== undefined) return usage('cli.unexpectedArgument', { argument: extra });
    if (strings.out === undefined) return usage('cli.missingOut', { command: 'import' });
    if (samePath(strings.out, docx)) return usage('cli.outIsInput');
    return parsed({ docx, out: strings.out });
  },
  run: async ({ docx, out }, { t, readDraftPart, dataDir }) => {
    const maxMegabytes = MAX_DOCX_BYTES / (1024 * 1024);
    const read = readInputFile(docx, MAX_DOCX_BYTES, problem([], 'cli.docxTooLarge', { max: maxMegabytes }));
    if (!read.ok) return failed(t, [read.problem]);
    const part = await readDraftPart(read.value);
    if (!part.ok) return failed(t, [problem([], REFUSALS[part.reason], { file: docx, max: maxMegabytes })]);
    const draftFile = readWorkingCopyFile(part.json);
    if (!draftFile.ok) return failed(t, draftFile.problems, draftFile.content);
    const migrated = draftFile.complete ? writeDraftFile(draftFile.draft) : writeIncompleteDraftFile(draftFile.content);
    const text = draftFile.migratedFrom === null ? part.json : migrated;
    const incomplete = draftFile.complete ? [] : incompleteLines(draftFile.problems, t, draftFile.content);
    try {
      await writeFileAtomically(out, text);
    } catch (error) {
      return { code: EXIT.invalid, stdout: [writeProblem(error, out, t)], stderr: [] };
    }
    const check = docxCheckOf(part.check, await readSealKey(dataDir));
    if (check.findings.length > 0) {
      const findings = check.findings.map((finding) => t('cli.importFinding', { docx, message: t(finding.key, finding.params) }));
      return { code: EXIT.changed, stdout: [t('cli.importedWithFindings', { file: out, docx })], stderr: [...findings, ...incomplete] };
    }
    return { code: EXIT.ok, stdout: [t('cli.imported', { file: out, docx })], stderr: incomplete };
  },
};
