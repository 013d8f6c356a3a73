/**
 * What Import tells the user of a contract file it took a draft from
 * (exports.importDocx's `check`): each way the file was changed after SLA
 * Studio wrote it, then the seal — an unmodified export of this
 * installation, or not verified — and what the file carried.
 */
import type { TFunction } from 'i18next';
import type { DocxCheck } from '../../../src-shared/api';

/** The lines to show, findings first; a file from an older SLA Studio says so. */
export function importCheckLines(t: TFunction, check: DocxCheck): string[] {
  const lines = check.findings.map((finding) => t(finding.key, finding.params));
  if (check.format === 1) return [...lines, t('export.check.older')];
  lines.push(t(`export.check.${check.origin}`));
  if (check.identity !== null) lines.push(t('export.check.identity', { identity: check.identity }));
  if (check.scope === 'contract') lines.push(t('export.check.contractOnly'));
  return lines;
}

export function ImportCheckList({ lines }: { lines: readonly string[] }) {
  return (
    <ul className="import-check" data-testid="import-check">
      {lines.map((line, index) => (
        <li key={index}>{line}</li>
      ))}
    </ul>
  );
}
