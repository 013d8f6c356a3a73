/**
 * `export FILE --out F.docx [--lang en|zh-CN|bilingual] [--internal] [--draft]
 * [--amends SIGNED.sla.json --signed-on YYYY-MM-DD [--amendment N]]`:
 * the draft's contract as Word, written atomically, carrying the contract's
 * terms — or with --internal the whole draft, as an internal copy — sealed
 * with the key in the command line's data folder (export-seal.ts).
 *
 * With --draft it is a draft export: "Draft — not for signature" and a DRAFT
 * watermark on every page, and a draft that is not complete yet (blanks,
 * values out of range) is exported as it stands, what it lacks listed on
 * stderr. Without --draft an incomplete draft exits 1 with its problems.
 *
 * With --amends it writes the amendment instrument instead of the restated
 * SLA: FILE's changed clauses against SIGNED, the draft as it was signed on
 * the --signed-on date (src-shared/contract/amendment.ts); --amendment numbers
 * it (1 by default). A FILE that changes nothing exits 1 and writes nothing.
 */
import { createClauseLibrary } from '../../services/clause-library';
import { formatDate } from '../../../src-shared/format';
import type { AmendedAgreement } from '../../../src-shared/contract/amendment';
import type { SlaDraft } from '../../../src-shared/model/schema';
import { createContractExportService, EXPORT_LANGUAGES, type ExportLanguage } from '../../services/contract-export';
import { isServiceError } from '../../services/errors';
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
  /** The amendment instrument of FILE against this signed draft, rather than the restated SLA. */
  amends: { file: string; signedOn: string; number: number } | null;
}

/** A calendar date as the contract writes it: YYYY-MM-DD that is a real date. */
function isCalendarDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && formatDate(value, 'en') !== value;
}

export const exportCommand: CliCommand<ExportArgs> = {
  name: 'export',
  options: {
    lang: { type: 'string' },
    out: { type: 'string' },
    internal: { type: 'boolean' },
    draft: { type: 'boolean' },
    amends: { type: 'string' },
    'signed-on': { type: 'string' },
    amendment: { type: 'string' },
  },
  languages: EXPORT_LANGUAGES,
  invalidLanguageKey: invalidContractLang,
  langIsDocumentLanguage: true,
  usageKey: 'cli.usage',
  parse: ({ positionals: [file, extra], strings, flags }) => {
    if (file === undefined) return usage('cli.missingExportFile');
    if (extra !== undefined) return usage('cli.unexpectedArgument', { argument: extra });
    if (strings.out === undefined) return usage('cli.missingOut', { command: 'export' });
    if (samePath(strings.out, file)) return usage('cli.outIsInput');
    const signedOn = strings['signed-on'];
    const number = strings.amendment;
    if (strings.amends === undefined && (signedOn !== undefined || number !== undefined)) return usage('cli.amendsMissing');
    if (strings.amends !== undefined) {
      if (samePath(strings.out, strings.amends)) return usage('cli.outIsInput');
      if (signedOn === undefined) return usage('cli.missingSignedOn');
      if (!isCalendarDate(signedOn)) return usage('cli.invalidSignedOn', { value: signedOn });
      if (number !== undefined && !/^[1-9]\d{0,2}$/.test(number)) return usage('cli.invalidAmendmentNumber', { value: number });
    }
    return parsed({
      file,
      out: strings.out,
      language: strings.lang as ExportLanguage | undefined,
      internal: flags.internal === true,
      draft: flags.draft === true,
      amends: strings.amends === undefined ? null : { file: strings.amends, signedOn: signedOn!, number: Number(number ?? '1') },
    });
  },
  run: async ({ file, out, language: chosen, internal, draft: asDraft, amends }, { t, templateDirs, dataDir }) => {
    const read = readDraftInput(file, { incomplete: asDraft });
    if (!read.ok) return failed(t, read.problems, read.content);
    let amendment: { signed: SlaDraft; agreement: AmendedAgreement } | null = null;
    if (amends) {
      // What was signed is a complete agreement: its problems are reported as FILE's are.
      const signed = readDraftInput(amends.file);
      if (!signed.ok) return failed(t, signed.problems, signed.content);
      amendment = { signed: signed.draft, agreement: { number: amends.number, title: signed.draft.title, signedOn: amends.signedOn } };
    }
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
        amendment,
      });
    } catch (error) {
      const refused = documentRefusal(error, out, t);
      if (refused) return refused;
      if (isServiceError(error) && error.apiError.key === 'export.errors.nothingAmended') {
        return { code: EXIT.invalid, stdout: [t('cli.nothingAmended', { file, signed: amends?.file ?? '' })], stderr: [] };
      }
      throw error;
    }
    const written = t(amendment ? 'cli.exportedAmendment' : asDraft ? 'cli.exportedDraft' : 'cli.exported', {
      file: out,
      language: t(`enums.contractLanguage.${language}`),
      size: record.size,
      sha256: record.sha256,
    });
    return { code: EXIT.ok, stdout: [written], stderr: [...incompleteLines(record.incomplete, t, read.draft), ...blankLines(record.blanks, t, read.draft)] };
  },
};
