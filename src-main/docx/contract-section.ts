/**
 * The contract's one section: the cover page (title, parties, dates), then
 * the body; the cover is a distinct first page without header or footer,
 * every other page carries the title above and the version and "Page X of
 * Y" below.
 *
 * A draft export (a contract that may still have blanks, sent round for
 * comment) says so on every page, the cover included: "Draft — not for
 * signature" at the top and a DRAFT watermark across the page, in each of
 * the document's languages. The watermark is Word's own (a WordArt shape in
 * the header, as Design > Watermark makes it), so Word can remove it.
 */
import { Footer, Header, Paragraph, TextRun, type ISectionOptions, type ParagraphChild } from 'docx';
import { TextWatermark } from 'docx/watermarks';
import { runsText, type ContractDoc, type CoverLine, type Run } from '../../src-shared/contract/doc';
import { header, pagedFooter } from './header-footer';
import type { BodyElement } from './language-writer';
import type { DocumentMarks, FieldMarks } from './marks';
import type { Revisions } from './revisions';
import { plain, runsOf, xmlSafe } from './runs';
import { COLOURS, FONTS, STYLE, type PageLayout } from './typography';

const COVER_STYLE: Record<CoverLine['style'], string> = {
  subtitle: STYLE.coverSubtitle,
  party: STYLE.coverParty,
  partyDetail: STYLE.coverPartyDetail,
  joiner: STYLE.coverJoiner,
  detail: STYLE.coverDetail,
};

/** More cover lines than this do not fit one page with the usual space above the title. */
const CROWDED_COVER_LINES = 14;

/**
 * The cover: the title, then the template's lines — in a bilingual contract
 * each English line above its Chinese one. With `marks`, each line is in a
 * cover mark and the title in the field mark of the draft's title.
 */
function coverParagraphs(docs: readonly ContractDoc[], revisions: Revisions | null, marks: DocumentMarks | null): Paragraph[] {
  const { cover } = docs[0]!;
  const coverMarks = marks?.cover() ?? null;
  const children = (runs: readonly Run[], fields: FieldMarks | null = marks): ParagraphChild[] => {
    const written = runsOf(runs, false, revisions, fields);
    return coverMarks ? coverMarks.paragraph(written, runsText(runs)) : written;
  };
  const ids: string[] = [];
  for (const doc of docs) for (const line of doc.cover.lines) if (!ids.includes(line.id)) ids.push(line.id);
  // A bilingual cover with both parties' registration numbers and legal representatives has twice the lines:
  // the title starts higher and the dates stand closer, so that the cover stays one page.
  const lineCount = docs.reduce((sum, doc) => sum + doc.cover.lines.length, 0);
  const crowded = lineCount > CROWDED_COVER_LINES;
  const paragraphs: Paragraph[] = [
    new Paragraph({
      style: 'Title',
      children: children(revisions?.textOf(cover, 'title') ?? plain(cover.title), marks?.withSource({ path: 'title' }) ?? null),
      ...(crowded ? { spacing: { before: 1_800 } } : {}),
    }),
    // A bilingual contract is titled in both languages, the Chinese title under the English one.
    ...docs
      .slice(1)
      .filter((doc) => doc.cover.title !== cover.title && doc.cover.title !== doc.labels.missingText)
      .map(
        (doc) =>
          new Paragraph({
            style: 'Title',
            // Directly under the English title, not a page-height below it as the cover's first title stands.
            spacing: { before: 120 },
            children: children(revisions?.textOf(doc.cover, 'title') ?? plain(doc.cover.title), marks?.withSource({ path: 'title' }) ?? null),
          }),
      ),
  ];
  let detailSeen = false;
  for (const id of ids) {
    for (const doc of docs) {
      const line = doc.cover.lines.find((candidate) => candidate.id === id);
      if (!line) continue;
      // The dates and the version stand apart from the parties, lower on the page.
      const firstDetail = line.style === 'detail' && !detailSeen;
      if (line.style === 'detail') detailSeen = true;
      const mark = revisions?.paragraphMark(line);
      paragraphs.push(
        new Paragraph({
          style: COVER_STYLE[line.style],
          children: children(line.runs),
          spacing: firstDetail ? { before: crowded ? 700 : 1_400 } : undefined,
          ...(mark ? { run: mark } : {}),
        }),
      );
    }
  }
  return paragraphs;
}

/**
 * The identity line of the footer and the document's description: "Version
 * v3 — Customer counter-proposal · 3f9a 1c2b 7d4e 0a11" for a saved version,
 * "Working draft · 3f9a 1c2b 7d4e 0a11" for the working copy, after
 * "Internal copy · " when the file carries the negotiation; null when the
 * contract was assembled with neither a version nor an identity.
 */
export function versionText(doc: ContractDoc): string | null {
  const { versionLabel, identity, internalCopy } = doc.meta;
  const label = versionLabel?.trim() ? `${doc.labels.version} ${versionLabel}` : null;
  const hash = identity?.trim() ? identity : null;
  if (label === null && hash === null) return null;
  const parts = [internalCopy ? doc.labels.internalCopy : null, label ?? doc.labels.workingDraft, hash];
  return parts.filter((part): part is string => part !== null).join(' · ');
}

/** The version and the contract's identity (or a redline's note) on the left, "Page X of Y" (in each language) on the right. */
function footer(docs: readonly ContractDoc[], page: PageLayout, note: string | null): Footer {
  return pagedFooter(
    note ?? versionText(docs[0]!),
    docs.map((doc) => doc.labels.pageOf),
    page,
  );
}

/** "Draft — not for signature / 草稿——不得用于签署" and "DRAFT 草稿": a draft's marks in each of the document's languages. */
export function draftMarks(docs: readonly ContractDoc[]): { notice: string; watermark: string } {
  return {
    notice: docs.map((doc) => doc.labels.draftNotice).join(' / '),
    watermark: docs.map((doc) => doc.labels.draftWatermark).join(' '),
  };
}

/** The title above every page: in a bilingual contract in both languages, when they differ. */
function headerTitle(docs: readonly ContractDoc[]): string {
  // A title not yet translated is left out, here and on the cover: the contract check names the gap.
  return [...new Set(docs.filter((doc, index) => index === 0 || doc.meta.title !== doc.labels.missingText).map((doc) => doc.meta.title))].join(' / ');
}

/** A draft's header: the notice in bold, the title under it (none on the cover), and the watermark behind the page. */
function draftHeader(docs: readonly ContractDoc[], title: string | null): Header {
  const { notice, watermark } = draftMarks(docs);
  // WordArt takes one font: a Chinese one when the mark has Chinese in it (SimHei has Latin letters too).
  const font = docs.some((doc) => doc.meta.language === 'zh-CN') ? FONTS.cjkHeading : FONTS.latin;
  return new Header({
    children: [
      new Paragraph({
        style: STYLE.header,
        children: [
          new TextRun({ text: xmlSafe(notice), bold: true, color: COLOURS.draftMark }),
          new TextWatermark({ text: xmlSafe(watermark), font, color: 'C0C0C0', opacity: 0.5 }),
        ],
      }),
      ...(title === null ? [] : [new Paragraph({ style: STYLE.header, children: runsOf(plain(title)) })]),
    ],
  });
}

/**
 * `footerNote` stands in the footer in place of the version (a redline's "Changes from v2 to v3"); `revisions` are a redline's tracked changes;
 * `draft` marks every page as a draft, not for signature; `marks` are the document's marks (marks.ts).
 */
export function contractSection(
  docs: readonly ContractDoc[],
  page: PageLayout,
  body: BodyElement[],
  footerNote: string | null,
  revisions: Revisions | null,
  draft = false,
  marks: DocumentMarks | null = null,
): ISectionOptions {
  return {
    properties: {
      // The cover is a distinct first page: its own (empty) header and footer.
      titlePage: true,
      page: { size: { width: page.size.width, height: page.size.height }, margin: page.margin },
    },
    headers: draft
      ? { default: draftHeader(docs, headerTitle(docs)), first: draftHeader(docs, null) }
      : {
          default: header(headerTitle(docs)),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
    footers: {
      default: footer(docs, page, footerNote),
      first: new Footer({ children: [new Paragraph({ children: [] })] }),
    },
    children: [...coverParagraphs(docs, revisions, marks), ...body],
  };
}
