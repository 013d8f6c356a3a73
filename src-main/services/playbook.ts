/**
 * The playbook check the main process runs before a version is marked
 * agreed: the draft's positions against its own template's limits
 * (src-shared/playbook). The versions service refuses an agreement without
 * an approval when this list is not empty, and the list is computed here
 * from the stored content, never taken from what a client says it saw.
 */
import type { SlaDraft } from '../../src-shared/model';
import { approvedFindings, evaluatePlaybook, type ApprovedFinding } from '../../src-shared/playbook';
import type { ClauseLibrary } from './clause-library';

/**
 * The positions of `draft` that need an approval. A draft whose template
 * cannot be loaded (a firm template since deleted) has no playbook to be
 * held to; its export fails on its own with a clear message.
 */
export function playbookApprovalsNeeded(library: Pick<ClauseLibrary, 'load'>, draft: SlaDraft): ApprovedFinding[] {
  const loaded = library.load(draft.contract.templateId);
  if (!loaded.ok) return [];
  return approvedFindings(evaluatePlaybook(draft, loaded.template.playbook));
}
