/** How the commands turn problems and refusals into their lines. */
import type { TFunction } from 'i18next';
import type { AssemblyProblem } from '../../src-shared/contract/assemble';
import { formatProblem } from '../../src-shared/i18n';
import { pathFromString, problemLocation } from '../../src-shared/model/problem-label';
import type { Problem } from '../../src-shared/model/problems';
import { isServiceError } from '../services/errors';
import { isDiskFullError } from '../services/storage-failures';
import type { CommandResult } from './command';
import { EXIT } from './exit-codes';

/**
 * Exit 1 with one line per problem: where it is in the wizard's words (named
 * from `content`, the file's draft, when given), then what is wrong.
 */
export function failed(t: TFunction, problems: readonly Problem[], content?: unknown): CommandResult {
  return { code: EXIT.invalid, stdout: problems.map((item) => formatProblem(t, item, content)), stderr: [] };
}

/** A file that could not be written, as one line. */
export function writeProblem(error: unknown, path: string, t: TFunction): string {
  if (isServiceError(error)) return `(file): ${t(error.apiError.key, error.apiError.params)}`;
  const code = (error as NodeJS.ErrnoException | null)?.code ?? 'unknown';
  if (isDiskFullError(error)) return `(file): ${t('errors.diskFullFile', { path })}`;
  return `(file): ${t('errors.cannotWriteFile', { path, reason: code })}`;
}

/** A contract or redline the user can fix refused as one line (exit 1): a template that cannot be used, a file that cannot be written. */
export function documentRefusal(error: unknown, out: string, t: TFunction): CommandResult | null {
  if (!isServiceError(error)) return null;
  if (error.apiError.key === 'errors.templateUnusable') {
    return { code: EXIT.invalid, stdout: [templateLine(t(error.apiError.key, error.apiError.params), t)], stderr: [] };
  }
  if (error.apiError.key === 'errors.cannotWriteFile' || error.apiError.key === 'errors.diskFullFile')
    return { code: EXIT.invalid, stdout: [writeProblem(error, out, t)], stderr: [] };
  return null;
}

/** A template that cannot be used, as one line: "Contract template: …". */
export function templateLine(message: string, t: TFunction): string {
  return t('problemLabel.line', { location: problemLocation(['contract', 'templateId'], t), message });
}

/** Placeholders the draft left blank in the document, one warning line each, naming the field as the wizard does. */
export function blankLines(blanks: readonly AssemblyProblem[], t: TFunction, draft?: unknown): string[] {
  return blanks.map((blank) => {
    const message = t('cli.contractBlank', { location: blank.clauseId ?? t('cli.contractCover') });
    return blank.path === null
      ? `(contract): ${message}`
      : t('problemLabel.line', { location: problemLocation(pathFromString(blank.path), t, draft), message });
  });
}

/** What a draft exported before it was complete still lacks, one warning line each (`path: message`). */
export function incompleteLines(problems: readonly Problem[], t: TFunction, draft?: unknown): string[] {
  return problems.map((item) => t('cli.draftIncomplete', { problem: formatProblem(t, item, draft) }));
}
