/**
 * The running header and the footer with "Page X of Y" (PAGE and NUMPAGES
 * fields, which Word and LibreOffice recompute whenever they lay out pages),
 * shared by the contract and the monthly report.
 */
import { AlignmentType, Footer, Header, PageNumber, Paragraph, TabStopType, TextRun } from 'docx';
import { plain, runsOf, xmlSafe } from './runs';
import { STYLE, type PageLayout } from './typography';

/** "Page {page} of {pages}" with the placeholders as PAGE and NUMPAGES fields. */
export function pageOfRun(label: string): TextRun {
  const children: Array<string | (typeof PageNumber)[keyof typeof PageNumber]> = [];
  for (const piece of label.split(/(\{page\}|\{pages\})/)) {
    if (piece === '{page}') children.push(PageNumber.CURRENT);
    else if (piece === '{pages}') children.push(PageNumber.TOTAL_PAGES);
    else if (piece !== '') children.push(xmlSafe(piece));
  }
  return new TextRun({ children });
}

export function header(title: string): Header {
  return new Header({ children: [new Paragraph({ style: STYLE.header, children: runsOf(plain(title)) })] });
}

/**
 * A footer with `left` on the left (or nothing) and "Page X of Y" on the
 * right, once per label ("Page {page} of {pages}") joined by " / ".
 */
export function pagedFooter(left: string | null, pageOfLabels: readonly string[], page: PageLayout): Footer {
  const version = left;
  const pages: TextRun[] = [];
  pageOfLabels.forEach((label, i) => {
    if (i > 0) pages.push(new TextRun(' / '));
    pages.push(pageOfRun(label));
  });
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        alignment: version === null ? AlignmentType.CENTER : AlignmentType.LEFT,
        tabStops: [{ type: TabStopType.RIGHT, position: page.textWidth }],
        children: version === null ? pages : [new TextRun(xmlSafe(version)), new TextRun('\t'), ...pages],
      }),
    ],
  });
}
