/** The two drafts compare and redline take, or every problem of either, each naming its file. */
import type { TFunction } from 'i18next';
import { formatProblem } from '../../../src-shared/i18n';
import { readDraftFile } from '../../../src-shared/model/file';
import type { SlaDraft } from '../../../src-shared/model/schema';
import type { CommandResult } from '../command';
import { EXIT } from '../exit-codes';
import { readDraftText } from '../input';

export function readTwoDrafts(
  files: readonly [string, string],
  t: TFunction,
): { ok: true; drafts: [SlaDraft, SlaDraft] } | { ok: false; result: CommandResult } {
  const lines: string[] = [];
  const drafts: SlaDraft[] = [];
  for (const file of files) {
    const text = readDraftText(file);
    if (!text.ok) {
      // "The file does not exist: F" names it already.
      lines.push(text.problem.key.startsWith('cli.file') ? formatProblem(t, text.problem) : `${file}: ${formatProblem(t, text.problem)}`);
      continue;
    }
    const parsed = readDraftFile(text.value);
    if (parsed.ok) drafts.push(parsed.draft);
    else lines.push(...parsed.problems.map((item) => `${file}: ${formatProblem(t, item, parsed.content)}`));
  }
  if (lines.length > 0) return { ok: false, result: { code: EXIT.invalid, stdout: lines, stderr: [] } };
  return { ok: true, drafts: [drafts[0]!, drafts[1]!] };
}
