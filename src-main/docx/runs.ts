/**
 * Text runs and the spacing paragraphs around tables, shared by the
 * contract (contract-docx.ts) and the monthly report (report-docx.ts): a
 * ContractDoc Run becomes docx text runs (tracked changes in a redline),
 * with anything XML cannot carry taken out.
 */
import { LineRuleType, Paragraph, type ParagraphChild } from 'docx';
import type { Run } from '../../src-shared/contract/doc';
import type { FieldMarks } from './marks';
import { COLOURS } from './typography';
import { trackedTextRun, type MarkOptions, type Revisions } from './revisions';

/**
 * XML 1.0 cannot carry most control characters nor U+FFFE / U+FFFF; one
 * pasted into a draft field must not make the file unreadable. (The docx
 * library drops the control characters itself, but not the other two.)
 */
export function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

type TextChild = ReturnType<typeof trackedTextRun>;

/**
 * Text runs for one Run: line breaks typed in a draft field become Word
 * line breaks. In a redline, a run marked inserted or deleted becomes a
 * tracked change (w:ins, or w:del with its text in w:delText).
 */
export function textRuns(run: Run, forceBold = false, revisions: Revisions | null = null): TextChild[] {
  const look = {
    bold: run.bold || forceBold ? true : undefined,
    italics: run.italic ? true : undefined,
    // A blank "[●]" is a gap someone must fill before signing: marked as lawyers mark it.
    highlight: run.blank ? COLOURS.blankHighlight : undefined,
  };
  const kind = revisions?.of(run);
  return xmlSafe(run.text)
    .split(/\r\n|\r|\n/)
    .map((line, i) => trackedTextRun({ text: line, break: i > 0 ? 1 : undefined, ...look }, kind, revisions));
}

/** `fields`: the marks of a contract, which put each generated value in a field mark (marks.ts). */
export function runsOf(runs: readonly Run[], forceBold = false, revisions: Revisions | null = null, fields: FieldMarks | null = null): ParagraphChild[] {
  const write = (run: Run): ParagraphChild[] => textRuns(run, forceBold, revisions);
  return fields ? fields.around(runs, write, revisions) : runs.flatMap(write);
}

export const plain = (text: string): Run[] => [{ text }];

/**
 * An empty paragraph that starts a new page, for when a table must start
 * it (Word ignores "page break before" inside tables); set in a hairline so
 * it leaves no visible gap at the top of the page.
 */
export function pageBreak(): Paragraph {
  return new Paragraph({ pageBreakBefore: true, spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT }, run: { size: 2 }, children: [] });
}

/**
 * The paragraph after every table: a little space before the text that
 * follows, and a separator without which Word and LibreOffice join two
 * adjacent tables into one (losing the second one's repeated header row).
 */
export function afterTable(keepNext = false, mark?: MarkOptions): Paragraph {
  return new Paragraph({
    spacing: { before: 0, after: 0, line: 160, lineRule: LineRuleType.EXACT },
    // A tracked paragraph mark leaves out the small size: the schema puts w:ins / w:del before any run property, the docx library after them (the exact line height keeps the gap small anyway).
    run: mark ?? { size: 4 },
    keepNext: keepNext || undefined,
    children: [],
  });
}
