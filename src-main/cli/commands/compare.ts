/**
 * `compare OLD NEW [--json] [--lang en|zh-CN]`: the field-level changes from
 * OLD to NEW under the wizard step they belong to, one line each — or, with
 * --json, as an array. Finding changes is a success (exit 0).
 */
import { diffDrafts, formatChange, groupChangesByStep, type ChangeKind } from '../../../src-shared/compare';
import { LOCALES } from '../../../src-shared/i18n';
import { pathToString } from '../../../src-shared/model/problems';
import type { StepId } from '../../../src-shared/model/schema';
import { invalidLang, parsed, usage, type CliCommand } from '../command';
import { EXIT } from '../exit-codes';
import { linesOf } from '../output';
import { readTwoDrafts } from './two-drafts';

/** One field-level change as `compare --json` prints it: values formatted in the chosen language. */
export interface ComparedField {
  step: StepId;
  kind: ChangeKind;
  /** Where the field is in NEW (in OLD for a removal), as the command line writes paths: "targets.objectives[0].objective". */
  path: string;
  /** The field ("Availability target (Core API)"), or the whole sentence for an added, removed or moved item. */
  label: string;
  /** Formatted values; null for an added or removed item. */
  old: string | null;
  new: string | null;
}

export const compareCommand: CliCommand<{ old: string; new: string; json: boolean }> = {
  name: 'compare',
  options: { lang: { type: 'string' }, json: { type: 'boolean' } },
  languages: LOCALES,
  invalidLanguageKey: invalidLang,
  langIsDocumentLanguage: false,
  usageKey: 'cli.usage',
  parse: ({ positionals: [oldFile, newFile, extra], flags }) => {
    if (oldFile === undefined || newFile === undefined) return usage('cli.missingCompareFiles');
    if (extra !== undefined) return usage('cli.unexpectedArgument', { argument: extra });
    return parsed({ old: oldFile, new: newFile, json: flags.json === true });
  },
  run: async (args, { t, locale }) => {
    const read = readTwoDrafts([args.old, args.new], t);
    if (!read.ok) return read.result;
    const changes = diffDrafts(read.drafts[0], read.drafts[1]);
    const translate = (key: string, params?: Record<string, unknown>) => t(key, params);
    if (args.json) {
      const fields: ComparedField[] = changes.map((change) => {
        const formatted = formatChange(change, locale, translate);
        return { step: change.step, kind: change.kind, path: pathToString(change.path), label: formatted.label, old: formatted.old, new: formatted.new };
      });
      return { code: EXIT.ok, stdout: linesOf(JSON.stringify(fields, null, 2)), stderr: [] };
    }
    if (changes.length === 0) return { code: EXIT.ok, stdout: [t('cli.noChanges', { old: args.old, new: args.new })], stderr: [] };
    const stdout = groupChangesByStep(changes).flatMap(({ step, changes: stepChanges }) => [
      t(`steps.${step}`),
      ...stepChanges.map((change) => `  ${formatChange(change, locale, translate).text}`),
    ]);
    return { code: EXIT.ok, stdout, stderr: [] };
  },
};
