/**
 * The text a reader of a contract sees, in a form that survives an
 * editor's re-save: what the draft part records of the document and what
 * an import compares it with (draft-part.ts, docs/FORMAT.md).
 *
 * The body's text is the text of each paragraph of word/document.xml —
 * `w:t`, with `w:tab` and `w:br` as spaces — with whitespace collapsed and
 * empty paragraphs left out. Text inside `w:del` (a tracked deletion) is
 * not shown as the text and does not count; field codes (`w:instrText`)
 * are not text either. How the text is cut into runs, styled or numbered
 * does not matter, so Word or LibreOffice saving an unchanged contract
 * again (which splits and merges runs, renames styles, rewrites the zip)
 * leaves the same text.
 */
import { readXml } from './xml-reader';
import { sha256Hex } from '../sha256';

const WORDPROCESSING_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** Hex digits kept of each paragraph's SHA-256: enough to tell which paragraph changed. */
const PARAGRAPH_DIGEST_LENGTH = 16;

/** Tabs, line breaks, no-break and other spaces become one space; the ends are trimmed. */
function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * The visible paragraphs of a part's XML (the body of document.xml, or a
 * footer), each collapsed, empty ones left out. A paragraph inside another
 * (a text box) is its own paragraph. Throws XmlRefused on XML that is not
 * well-formed.
 */
export function visibleParagraphs(xml: string): string[] {
  const paragraphs: string[] = [];
  const open: { depth: number; pieces: string[] }[] = [];
  let deletedDepth: number | null = null;
  let textDepth: number | null = null;
  readXml(xml, {
    openElement(tag) {
      if (tag.namespace !== WORDPROCESSING_NS) return;
      const inDeletion = deletedDepth !== null;
      switch (tag.localName) {
        case 'p':
          open.push({ depth: tag.depth, pieces: [] });
          break;
        case 'del':
          if (!inDeletion) deletedDepth = tag.depth;
          break;
        case 't':
          if (!inDeletion) textDepth = tag.depth;
          break;
        case 'tab':
        case 'br':
        case 'cr':
          if (!inDeletion) open[open.length - 1]?.pieces.push(' ');
          break;
      }
    },
    text(text, depth) {
      if (textDepth !== null && depth === textDepth) open[open.length - 1]?.pieces.push(text);
    },
    closeElement(_name, depth) {
      if (depth === textDepth) textDepth = null;
      if (depth === deletedDepth) deletedDepth = null;
      if (open[open.length - 1]?.depth === depth) {
        const text = collapse(open.pop()!.pieces.join(''));
        if (text !== '') paragraphs.push(text);
      }
    },
  });
  return paragraphs;
}

export interface BodyDigest {
  /** SHA-256 of the paragraphs' texts joined by line feeds. */
  sha256: string;
  /** The first PARAGRAPH_DIGEST_LENGTH hex digits of each paragraph's SHA-256, in document order. */
  paragraphs: string[];
}

export function bodyDigest(paragraphs: readonly string[]): BodyDigest {
  return {
    sha256: sha256Hex(paragraphs.join('\n')),
    paragraphs: paragraphs.map((text) => sha256Hex(text).slice(0, PARAGRAPH_DIGEST_LENGTH)),
  };
}

/** The opening words of a paragraph, to name it in a message: at most `max` characters, cut at a word. */
export function openingWords(text: string, max = 40): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * The paragraphs of `paragraphs` whose digest is not among `recorded`: the
 * ones edited or added since the digests were taken, in document order.
 */
export function changedParagraphs(paragraphs: readonly string[], recorded: readonly string[]): string[] {
  const remaining = new Map<string, number>();
  for (const digest of recorded) remaining.set(digest, (remaining.get(digest) ?? 0) + 1);
  const changed: string[] = [];
  const digests = bodyDigest(paragraphs).paragraphs;
  digests.forEach((digest, i) => {
    const left = remaining.get(digest) ?? 0;
    if (left > 0) remaining.set(digest, left - 1);
    else changed.push(paragraphs[i]!);
  });
  return changed;
}
