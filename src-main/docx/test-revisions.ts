/**
 * Test support (imported only by *.test.ts): "Accept all changes" and
 * "Reject all changes" done on the XML of a document, the way Word does
 * them, so a test can read the text a reader would get from a redline.
 *
 * - Runs: accepting drops w:del and keeps what w:ins wraps; rejecting drops
 *   w:ins and keeps what w:del wraps (its w:delText read as text).
 * - Paragraph marks (w:pPr/w:rPr/w:ins | w:del): a mark that goes away
 *   joins the paragraph's remaining text to the next paragraph of the same
 *   container; a mark inserted and deleted at once goes away either way.
 * - Table rows (w:trPr/w:ins | w:del): a row that goes away is removed; a
 *   table left without rows is removed too.
 * - Paragraph formatting (w:pPr/w:pPrChange): accepting keeps the
 *   paragraph's properties, rejecting restores the former ones it holds
 *   (a deleted clause's numbering).
 *
 * Anything that Word could not resolve the same way (a removed paragraph
 * mark with text left before a table, or at the end of a cell) throws, so
 * the test fails instead of guessing.
 */
import { childrenNamed, elements, type XmlElement, type XmlNode } from './test-package';

export type RevisionDecision = 'accept' | 'reject';

/** A paragraph after the decision: its style, list level and text as Word shows it. */
export interface ResolvedParagraph {
  style: string | undefined;
  ilvl: string | undefined;
  text: string;
}

function revisionChild(element: XmlElement | undefined, name: 'w:ins' | 'w:del'): boolean {
  return element !== undefined && childrenNamed(element, name).length > 0;
}

/** Whether a tracked insertion (deletion) stays after the decision. */
function survives(inserted: boolean, deleted: boolean, decision: RevisionDecision): boolean {
  if (decision === 'accept') return !deleted;
  return !inserted;
}

function paragraphMarkSurvives(paragraph: XmlElement, decision: RevisionDecision): boolean {
  const pPr = childrenNamed(paragraph, 'w:pPr')[0];
  const rPr = pPr ? childrenNamed(pPr, 'w:rPr')[0] : undefined;
  return survives(revisionChild(rPr, 'w:ins'), revisionChild(rPr, 'w:del'), decision);
}

function rowSurvives(row: XmlElement, decision: RevisionDecision): boolean {
  const trPr = childrenNamed(row, 'w:trPr')[0];
  return survives(revisionChild(trPr, 'w:ins'), revisionChild(trPr, 'w:del'), decision);
}

/** The text of a paragraph's content after the decision. */
function resolvedText(node: XmlElement, decision: RevisionDecision): string {
  let text = '';
  const visit = (element: XmlElement, inRun: boolean) => {
    for (const child of element.children) {
      if (typeof child === 'string') continue;
      switch (child.name) {
        case 'w:ins':
          if (decision === 'accept') visit(child, inRun);
          break;
        case 'w:del':
          if (decision === 'reject') visit(child, inRun);
          break;
        case 'w:pPr':
        case 'w:rPr':
          break;
        case 'w:t':
        case 'w:delText':
          // Outside w:del a w:delText is invalid, and w:t inside w:del is what the validator forbids: both read as text here.
          text += child.children.filter((c): c is string => typeof c === 'string').join('');
          break;
        case 'w:tab':
          if (inRun) text += '\t';
          break;
        case 'w:br':
          text += '\n';
          break;
        default:
          visit(child, inRun || child.name === 'w:r');
      }
    }
  };
  visit(node, false);
  return text;
}

function paragraphProperties(paragraph: XmlElement, decision: RevisionDecision): { style: string | undefined; ilvl: string | undefined } {
  const current = childrenNamed(paragraph, 'w:pPr')[0];
  const change = current ? childrenNamed(current, 'w:pPrChange')[0] : undefined;
  const pPr = decision === 'reject' && change ? childrenNamed(change, 'w:pPr')[0] : current;
  const numPr = pPr ? childrenNamed(pPr, 'w:numPr')[0] : undefined;
  return {
    style: pPr ? childrenNamed(pPr, 'w:pStyle')[0]?.attrs['w:val'] : undefined,
    ilvl: numPr ? childrenNamed(numPr, 'w:ilvl')[0]?.attrs['w:val'] : undefined,
  };
}

/** The paragraphs of a container (the body, a cell) in reading order, tables included, after the decision. */
function resolveContainer(container: XmlElement, decision: RevisionDecision, out: ResolvedParagraph[], where: string): void {
  let carried = '';
  for (const child of elements(container)) {
    if (child.name === 'w:p') {
      const text = carried + resolvedText(child, decision);
      if (paragraphMarkSurvives(child, decision)) {
        out.push({ ...paragraphProperties(child, decision), text });
        carried = '';
      } else {
        carried = text;
      }
    } else if (child.name === 'w:tbl') {
      if (carried !== '') throw new Error(`${where}: text "${carried}" would join a table`);
      for (const row of childrenNamed(child, 'w:tr')) {
        if (!rowSurvives(row, decision)) continue;
        for (const cell of childrenNamed(row, 'w:tc')) resolveContainer(cell, decision, out, `${where} > cell`);
      }
    }
  }
  if (carried !== '') throw new Error(`${where}: text "${carried}" is left after the last paragraph mark`);
}

/** Every paragraph of the document body (in tables too) as it reads after accepting or rejecting all changes. */
export function resolveRevisions(document: XmlElement, decision: RevisionDecision): ResolvedParagraph[] {
  const body = childrenNamed(document, 'w:body')[0];
  if (!body) throw new Error('no w:body');
  const out: ResolvedParagraph[] = [];
  resolveContainer(body, decision, out, 'body');
  return out;
}

/** The paragraphs of a document without tracked changes, in the same form. */
export function plainParagraphs(document: XmlElement): ResolvedParagraph[] {
  return resolveRevisions(document, 'accept');
}

/** Every tracked-change element of a part (text, paragraph marks and rows, paragraph formatting), for counting and checking attributes. */
export function trackedChanges(node: XmlNode): XmlElement[] {
  if (typeof node === 'string') return [];
  const own = node.name === 'w:ins' || node.name === 'w:del' || node.name === 'w:pPrChange' ? [node] : [];
  return [...own, ...node.children.flatMap(trackedChanges)];
}
