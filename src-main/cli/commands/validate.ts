/**
 * `validate FILE [--json] [--lang en|zh-CN]`: the draft's problems, one line
 * each, naming the field as the wizard labels it (exit 1); for a valid draft, one line saying so, then the contract
 * check on the contract it produces — its problems (exit 1) and warnings
 * (listed, exit unchanged), each with where to fix it and how. With --json,
 * the same as one object with the paths as the command line writes them.
 */
import type { TFunction } from 'i18next';
import { checkContract, formatFinding, isBlocking, type ContractFinding } from '../../../src-shared/contract-check';
import type { Template } from '../../../src-shared/contract/template-types';
import { LOCALES, type Locale } from '../../../src-shared/i18n';
import { pathToString, type Problem } from '../../../src-shared/model/problems';
import type { StepId } from '../../../src-shared/model/schema';
import { createClauseLibrary, usableTemplate } from '../../services/clause-library';
import { isServiceError } from '../../services/errors';
import { invalidLang, parsed, usage, type CliCommand } from '../command';
import { EXIT } from '../exit-codes';
import { readDraftInput } from '../input';
import { linesOf } from '../output';
import { failed, templateLine } from '../problems';

/** One finding of the contract check as `validate --json` prints it. */
export interface ValidatedFinding {
  level: ContractFinding['level'];
  rule: ContractFinding['rule'];
  step: StepId;
  /** The field, as the command line writes paths ("compensation.claimProcess"); null for a finding on a clause. */
  path: string | null;
  /** The clause number ("4.2") for a finding on the contract's wording; null for a field. */
  clause: string | null;
  message: string;
  fix: string;
}

interface Validation {
  file: string;
  /** The draft has no problem of its own (its contract may still have some). */
  valid: boolean;
  problems: { step: StepId; path: string; message: string }[];
  findings: ValidatedFinding[];
  /** Why the contract check could not run (a template that cannot be used), or null. */
  contractCheckNotRun: string | null;
}

function templateOf(templateDirs: readonly string[], templateId: string, t: TFunction): { template: Template } | { reason: string } {
  try {
    return { template: usableTemplate(createClauseLibrary({ dirs: templateDirs }), templateId) };
  } catch (error) {
    if (isServiceError(error)) return { reason: t(error.apiError.key, error.apiError.params) };
    throw error;
  }
}

function describe(finding: ContractFinding, locale: Locale, t: TFunction, draft: unknown): ValidatedFinding {
  const { message, fix } = formatFinding(finding, locale, (key, params) => t(key, params), draft);
  return {
    level: finding.level,
    rule: finding.rule,
    step: finding.step,
    path: finding.clause === null ? pathToString(finding.path) : null,
    clause: finding.clause,
    message,
    fix,
  };
}

function findingLine(finding: ContractFinding, locale: Locale, t: TFunction, draft: unknown): string {
  const { where, message, fix } = formatFinding(finding, locale, (key, params) => t(key, params), draft);
  return t('contractCheck.line', { where, level: t(`contractCheck.${finding.level}`), message, fix });
}

const problemJson = (t: TFunction) => (item: Problem) => ({ step: item.step, path: pathToString(item.path), message: t(item.key, item.params) });

export const validateCommand: CliCommand<{ file: string; json: boolean }> = {
  name: 'validate',
  options: { lang: { type: 'string' }, json: { type: 'boolean' } },
  languages: LOCALES,
  invalidLanguageKey: invalidLang,
  langIsDocumentLanguage: false,
  usageKey: 'cli.usage',
  parse: ({ positionals: [file, extra], flags }) => {
    if (file === undefined) return usage('cli.missingFile');
    if (extra !== undefined) return usage('cli.unexpectedArgument', { argument: extra });
    return parsed({ file, json: flags.json === true });
  },
  run: async ({ file, json }, { t, locale, templateDirs }) => {
    const read = readDraftInput(file);
    const print = (validation: Validation, code: number) => ({ code, stdout: linesOf(JSON.stringify(validation, null, 2)), stderr: [] });
    if (!read.ok) {
      if (json) return print({ file, valid: false, problems: read.problems.map(problemJson(t)), findings: [], contractCheckNotRun: null }, EXIT.invalid);
      return failed(t, read.problems, read.content);
    }
    const loaded = templateOf(templateDirs, read.draft.contract.templateId, t);
    const findings = 'template' in loaded ? checkContract(read.draft, loaded.template) : [];
    const notRun = 'reason' in loaded ? t('cli.contractCheckNotRun', { reason: loaded.reason }) : null;
    const code = isBlocking(findings) ? EXIT.invalid : EXIT.ok;
    if (json) {
      return print(
        { file, valid: true, problems: [], findings: findings.map((finding) => describe(finding, locale, t, read.draft)), contractCheckNotRun: notRun },
        code,
      );
    }
    const lines = findings.map((finding) => findingLine(finding, locale, t, read.draft));
    // The draft is valid; "valid" is said only when its contract has no problem either.
    const stdout = [...(code === EXIT.ok ? [t('cli.valid', { file })] : []), ...lines, ...(notRun ? [templateLine(notRun, t)] : [])];
    return { code, stdout, stderr: [] };
  },
};
