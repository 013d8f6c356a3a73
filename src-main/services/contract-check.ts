/**
 * The contract check on the services' side: the problems (not the warnings)
 * of src-shared/contract-check for a draft, with the draft's own template,
 * worded in the user's language. A draft whose template cannot be loaded
 * (a firm template since deleted) has no contract to check here; its
 * export fails on its own with a clear message.
 */
import { checkContract, findingAsProblem } from '../../src-shared/contract-check';
import type { Locale } from '../../src-shared/i18n';
import type { Problem } from '../../src-shared/model/problems';
import type { SlaDraft } from '../../src-shared/model/schema';
import type { ClauseLibrary } from './clause-library';

export function contractCheckProblems(
  library: Pick<ClauseLibrary, 'load'>,
  draft: SlaDraft,
  locale: Locale,
  translate: (locale: Locale, key: string, params?: Record<string, string | number>) => string,
): Problem[] {
  const loaded = library.load(draft.contract.templateId);
  if (!loaded.ok) return [];
  const t = (key: string, params?: Record<string, unknown>) => translate(locale, key, params as Record<string, string | number> | undefined);
  return checkContract(draft, loaded.template)
    .filter((finding) => finding.level === 'problem')
    .map((finding) => findingAsProblem(finding, locale, t, draft));
}
