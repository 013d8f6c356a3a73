/**
 * Which field changes of a comparison land on a position beyond the
 * playbook: the newer side's findings matched to the change by the draft
 * path they share — exactly for a changed field, anywhere inside an added
 * or moved item (a new credit tier of 60 %, a new request for 99.99 %). A
 * removed item has nothing in the newer side to be beyond anything.
 */
import type { FieldChange } from '../../../src-shared/compare';
import type { Finding } from '../../../src-shared/playbook';
import { fieldKey } from '../common/draftPath';
import { isUnder } from '../common/problemRegistry';

export function findingsForChange(change: Pick<FieldChange, 'kind' | 'path'>, findings: readonly Finding[]): Finding[] {
  if (change.kind === 'removed') return [];
  const key = fieldKey(change.path);
  return findings.filter((finding) => {
    const at = fieldKey(finding.path);
    return change.kind === 'changed' ? at === key : isUnder(at, key);
  });
}
