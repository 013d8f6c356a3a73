/**
 * How an exported contract looks: page, fonts, styles, numbering. What it
 * says comes from the ContractDoc; this file only decides the look, in one
 * place, so that a firm's house style is a change here and nowhere else.
 *
 * Fonts are given per slot (ascii / hAnsi for Latin text, eastAsia for
 * Chinese, cs for complex scripts): Word picks the slot by character, so one
 * name for all would set Chinese in Times New Roman's missing glyphs. The
 * choice is Times New Roman and SimSun (宋体) for text, SimHei (黑体) for
 * Chinese headings — the conventions of English and Chinese contracts, and
 * fonts every Windows and macOS Word has. Where they are missing, the font
 * table (fontTable.ts) tells the application what kind of font to
 * substitute; LibreOffice on Linux uses Liberation Serif (metric-compatible
 * with Times New Roman, so page breaks match Word) and Noto CJK.
 */
import {
  AlignmentType,
  BorderStyle,
  LevelFormat,
  LevelSuffix,
  LineRuleType,
  type INumberingOptions,
  type IParagraphPropertiesOptions,
  type IStylesOptions,
} from 'docx';
import type { ContractLanguage } from '../../src-shared/contract/doc';

/**
 * The paper sizes, in twips: A4, the paper of international and Chinese
 * contracts, and US Letter, which contracts between US parties use.
 */
export const PAPER = {
  A4: { width: 11_906, height: 16_838 },
  Letter: { width: 12_240, height: 15_840 },
} as const;
export type PaperSize = keyof typeof PAPER;
export const PAPER_SIZES = Object.keys(PAPER) as PaperSize[];

/** A4, the paper of the monthly report. */
export const PAGE = PAPER.A4;

export interface PageLayout {
  /** The paper, in twips. */
  size: { width: number; height: number };
  margin: { top: number; right: number; bottom: number; left: number; header: number; footer: number };
  /** The width between the margins, which tables fill. */
  textWidth: number;
  /** The indent of clause text under its number: the hanging indent of the clause numbering. */
  clauseIndent: number;
  /** The hanging indent of (a), (b)… list items. */
  listIndent: number;
}

function layout(side: number, clauseIndent: number, listIndent: number, paper: PaperSize = 'A4'): PageLayout {
  const size = PAPER[paper];
  return {
    size,
    margin: { top: 1_418, bottom: 1_418, left: side, right: side, header: 709, footer: 709 },
    textWidth: size.width - 2 * side,
    clauseIndent,
    listIndent,
  };
}

/** One language: 2.5 cm margins and the 1.27 cm (½ inch) indent of English drafting. */
export const SINGLE_LAYOUT = layout(1_418, 720, 567);
/** Bilingual: narrower margins and indents, so each of the two columns keeps a readable line length. */
export const BILINGUAL_LAYOUT = layout(1_134, 510, 425);

/** The layout of a contract on the given paper: one language or two side by side. */
export function contractLayout(bilingual: boolean, paper: PaperSize): PageLayout {
  return bilingual ? layout(1_134, 510, 425, paper) : layout(1_418, 720, 567, paper);
}

export const FONTS = {
  latin: 'Times New Roman',
  cjkBody: 'SimSun',
  cjkHeading: 'SimHei',
} as const;

/** Text colours: near-black for text, grey for the running header and footer. */
export const COLOURS = {
  text: '000000',
  muted: '595959',
  rule: '7F7F7F',
  tableHeaderFill: 'E7EBF0',
  blankHighlight: 'yellow',
  /** "Draft — not for signature" in a draft's header. */
  draftMark: 'C00000',
} as const;

export type StyleVariant = 'single-en' | 'single-zh' | 'bilingual';

/** Left and right padding of a data-table cell, in twips. */
export const TABLE_CELL_MARGIN = 85;
/** Top and bottom padding of a data-table cell, in twips. */
export const TABLE_CELL_PADDING_Y = 57;

/** Half-points of the text in data tables: a size below the body text. */
export function tableTextSize(variant: StyleVariant): number {
  return variant === 'single-en' ? 20 : 19;
}

/** Half-points: body text in English 11 pt; Chinese 12 pt (小四); the bilingual columns 10.5 pt (五号). */
function bodySize(variant: StyleVariant): number {
  return variant === 'single-en' ? 22 : variant === 'single-zh' ? 24 : 21;
}

/** Style ids used by the writer (and by tests that read the package back). */
export const STYLE = {
  body: 'SlaBody',
  listItem: 'SlaListItem',
  definition: 'SlaDefinition',
  coverSubtitle: 'SlaCoverSubtitle',
  coverParty: 'SlaCoverParty',
  coverPartyDetail: 'SlaCoverPartyDetail',
  coverJoiner: 'SlaCoverJoiner',
  coverDetail: 'SlaCoverDetail',
  tableText: 'SlaTableText',
  signature: 'SlaSignature',
  columnHeading: 'SlaColumnHeading',
  header: 'Header',
  footer: 'Footer',
  table: 'SlaTable',
} as const;

export const HEADING_STYLES = ['Heading1', 'Heading2', 'Heading3'] as const;

const latinAndCjk = (cjk: string, hintEastAsia: boolean) => ({
  ascii: FONTS.latin,
  hAnsi: FONTS.latin,
  cs: FONTS.latin,
  eastAsia: cjk,
  // Curly quotes and dashes belong to both scripts; in Chinese text they should take the Chinese font's full-width forms.
  ...(hintEastAsia ? { hint: 'eastAsia' } : {}),
});

/**
 * The table style the data tables use: thin grey rules, a shaded header
 * row. Written as XML because the docx library has no table-style option;
 * it goes in as "external styles", which the library merges with its own
 * (an imported style would replace the library's defaults instead).
 */
function tableStyleXml(variant: StyleVariant): string {
  const size = tableTextSize(variant);
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="${COLOURS.rule}"/>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<w:style w:type="table" w:styleId="${STYLE.table}">` +
    `<w:name w:val="SLA Table"/><w:uiPriority w:val="59"/><w:qFormat/>` +
    `<w:pPr><w:spacing w:before="0" w:after="0" w:line="250" w:lineRule="auto"/><w:jc w:val="left"/></w:pPr>` +
    `<w:rPr><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>` +
    `<w:tblPr><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>` +
    `<w:tblCellMar><w:top w:w="${TABLE_CELL_PADDING_Y}" w:type="dxa"/><w:left w:w="${TABLE_CELL_MARGIN}" w:type="dxa"/><w:bottom w:w="${TABLE_CELL_PADDING_Y}" w:type="dxa"/><w:right w:w="${TABLE_CELL_MARGIN}" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
    `<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${COLOURS.tableHeaderFill}"/></w:tcPr></w:tblStylePr>` +
    `</w:style></w:styles>`
  );
}

const WIDOW_CONTROL: Pick<IParagraphPropertiesOptions, 'widowControl'> = { widowControl: true };

/** Paragraph spacing in twips. */
const AFTER_BODY = 120;

export function contractStyles(variant: StyleVariant): { styles: IStylesOptions; externalStyles: string } {
  const zh = variant === 'single-zh';
  const size = bodySize(variant);
  // Chinese text needs more leading than Latin text of the same size.
  const line = variant === 'single-en' ? 264 : zh ? 312 : 288;
  const bodyFont = latinAndCjk(FONTS.cjkBody, zh);
  const headingFont = latinAndCjk(FONTS.cjkHeading, zh);
  const spacing = { after: AFTER_BODY, line, lineRule: LineRuleType.AUTO };
  const heading = (sizeHalfPoints: number, before: number) => ({
    basedOn: 'Normal',
    next: STYLE.body,
    quickFormat: true,
    run: { font: headingFont, bold: true, size: sizeHalfPoints, color: COLOURS.text },
    paragraph: { spacing: { before, after: 120, line, lineRule: LineRuleType.AUTO }, keepNext: true, keepLines: true },
  });
  const styles: IStylesOptions = {
    default: {
      document: {
        run: {
          font: bodyFont,
          size,
          sizeComplexScript: size,
          color: COLOURS.text,
          // British English, as the clause library is written; Chinese for East Asian text in every variant.
          language: { value: 'en-GB', eastAsia: 'zh-CN' },
        },
        // Widow and orphan control: the library writes it in styles too, though its style type leaves it out.
        paragraph: { spacing, ...WIDOW_CONTROL },
      },
      title: {
        basedOn: 'Normal',
        next: STYLE.coverSubtitle,
        quickFormat: true,
        run: { font: headingFont, bold: true, size: variant === 'bilingual' ? 40 : 44, color: COLOURS.text },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 3_400, after: 360, line: 300, lineRule: LineRuleType.AUTO }, keepNext: true },
      },
      heading1: heading(size + 2, 300),
      heading2: heading(size, 200),
      heading3: { ...heading(size, 160), run: { font: headingFont, bold: true, italics: !zh && variant !== 'bilingual', size, color: COLOURS.text } },
    },
    paragraphStyles: [
      {
        id: STYLE.body,
        name: 'SLA Body Text',
        basedOn: 'Normal',
        quickFormat: true,
        // Justified, except in the narrow bilingual columns, where justified English opens wide gaps between words.
        paragraph: { alignment: variant === 'bilingual' ? AlignmentType.LEFT : AlignmentType.BOTH, spacing },
      },
      {
        id: STYLE.listItem,
        name: 'SLA List Item',
        basedOn: STYLE.body,
        paragraph: { spacing: { after: 80, line, lineRule: LineRuleType.AUTO } },
      },
      {
        id: STYLE.definition,
        name: 'SLA Definition',
        basedOn: STYLE.body,
        paragraph: { spacing: { after: 100, line, lineRule: LineRuleType.AUTO } },
      },
      {
        id: STYLE.coverSubtitle,
        name: 'SLA Cover Subtitle',
        basedOn: 'Normal',
        next: STYLE.coverJoiner,
        run: { font: headingFont, size: 28, color: COLOURS.muted },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 720 }, keepNext: true },
      },
      {
        id: STYLE.coverParty,
        name: 'SLA Cover Party',
        basedOn: 'Normal',
        run: { size: 26 },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 120 }, keepNext: true },
      },
      {
        // Registration number and legal representative: tight under the party's name, smaller than it.
        id: STYLE.coverPartyDetail,
        name: 'SLA Cover Party Detail',
        basedOn: 'Normal',
        run: { size, color: COLOURS.muted },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 40 }, keepNext: true },
      },
      {
        id: STYLE.coverJoiner,
        name: 'SLA Cover Joiner',
        basedOn: 'Normal',
        run: { italics: true, size: size, color: COLOURS.muted },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 120 }, keepNext: true },
      },
      {
        id: STYLE.coverDetail,
        name: 'SLA Cover Detail',
        basedOn: 'Normal',
        run: { size },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 60, after: 60 }, keepNext: true },
      },
      {
        id: STYLE.tableText,
        name: 'SLA Table Text',
        basedOn: 'Normal',
        run: { size: tableTextSize(variant), sizeComplexScript: tableTextSize(variant) },
        paragraph: { spacing: { before: 0, after: 0, line: 250, lineRule: LineRuleType.AUTO } },
      },
      {
        id: STYLE.signature,
        name: 'SLA Signature',
        basedOn: 'Normal',
        paragraph: { spacing: { before: 0, after: 160, line: 260, lineRule: LineRuleType.AUTO }, keepNext: true, keepLines: true },
      },
      {
        id: STYLE.columnHeading,
        name: 'SLA Column Heading',
        basedOn: 'Normal',
        run: { font: headingFont, bold: true, size: 19, color: COLOURS.muted },
        paragraph: { spacing: { before: 40, after: 40 }, keepNext: true },
      },
      {
        id: STYLE.header,
        name: 'header',
        basedOn: 'Normal',
        run: { size: 17, color: COLOURS.muted },
        paragraph: {
          alignment: AlignmentType.RIGHT,
          spacing: { before: 0, after: 0 },
          border: { bottom: { style: BorderStyle.SINGLE, size: 4, space: 4, color: COLOURS.rule } },
        },
      },
      {
        id: STYLE.footer,
        name: 'footer',
        basedOn: 'Normal',
        run: { size: 16, color: COLOURS.muted },
        paragraph: { spacing: { before: 0, after: 0 } },
      },
    ],
  };
  return { styles, externalStyles: tableStyleXml(variant) };
}

export type NumberingKind = 'clauses' | 'alpha' | 'roman' | 'decimal' | 'bullet';

/**
 * The numbering definition of one kind of list in one language. The two
 * columns of a bilingual contract get separate definitions: applications
 * differ in whether two instances of one definition count together
 * (LibreOffice counts them as one list), and each column must count alone.
 */
export function numberingReference(kind: NumberingKind, language: ContractLanguage): string {
  return `sla-${kind}-${language}`;
}

/**
 * Clause numbering 1. / 1.1 / 1.1.1 as one multilevel list (legal style, so
 * that sub-levels are always Arabic), and one list per enumeration style.
 * Indents come from the layout; paragraphs may indent further.
 */
export function contractNumbering(page: PageLayout, languages: readonly ContractLanguage[]): INumberingOptions {
  const hang = page.clauseIndent;
  const clauseLevel = (level: number, text: string) => ({
    level,
    format: LevelFormat.DECIMAL,
    text,
    alignment: AlignmentType.LEFT,
    suffix: LevelSuffix.TAB,
    isLegalNumberingStyle: level > 0,
    style: { paragraph: { indent: { left: hang * (level === 2 ? 2 : 1), hanging: hang } } },
  });
  const listLevel = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => [
    {
      level: 0,
      format,
      text,
      alignment: AlignmentType.LEFT,
      suffix: LevelSuffix.TAB,
      style: { paragraph: { indent: { left: page.listIndent, hanging: page.listIndent } } },
    },
  ];
  return {
    config: languages.flatMap((language) => [
      { reference: numberingReference('clauses', language), levels: [clauseLevel(0, '%1.'), clauseLevel(1, '%1.%2'), clauseLevel(2, '%1.%2.%3')] },
      { reference: numberingReference('alpha', language), levels: listLevel(LevelFormat.LOWER_LETTER, '(%1)') },
      { reference: numberingReference('roman', language), levels: listLevel(LevelFormat.LOWER_ROMAN, '(%1)') },
      { reference: numberingReference('decimal', language), levels: listLevel(LevelFormat.DECIMAL, '(%1)') },
      { reference: numberingReference('bullet', language), levels: listLevel(LevelFormat.BULLET, '\u2022') },
    ]),
  };
}

/** The left indent of the text of a clause at this depth (0 = top level), matching the numbering's. */
export function clauseTextIndent(page: PageLayout, depth: number): number {
  return page.clauseIndent * (depth >= 2 ? 2 : 1);
}

/** Style ids of the monthly report's own paragraphs (report-docx.ts). */
export const REPORT_STYLE = {
  subtitle: 'SlaReportSubtitle',
  factLabel: 'SlaFactLabel',
} as const;

/**
 * The monthly report's look: the contract's styles and tables, with the
 * title at the top of the first page (a report has no cover page) and the
 * agreement's title under it, ruled off from the body.
 */
export function reportStyles(variant: StyleVariant): { styles: IStylesOptions; externalStyles: string } {
  const { styles, externalStyles } = contractStyles(variant);
  const headingFont = latinAndCjk(FONTS.cjkHeading, variant === 'single-zh');
  return {
    externalStyles,
    styles: {
      ...styles,
      default: {
        ...styles.default,
        title: {
          basedOn: 'Normal',
          next: REPORT_STYLE.subtitle,
          quickFormat: true,
          run: { font: headingFont, bold: true, size: variant === 'bilingual' ? 34 : 36, color: COLOURS.text },
          paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 0, after: 60, line: 276, lineRule: LineRuleType.AUTO }, keepNext: true },
        },
      },
      paragraphStyles: [
        ...(styles.paragraphStyles ?? []),
        {
          id: REPORT_STYLE.subtitle,
          name: 'SLA Report Subtitle',
          basedOn: 'Normal',
          next: STYLE.body,
          run: { font: headingFont, size: 24, color: COLOURS.muted },
          paragraph: {
            spacing: { before: 60, after: 240 },
            keepNext: true,
            border: { bottom: { style: BorderStyle.SINGLE, size: 6, space: 6, color: COLOURS.rule } },
          },
        },
        {
          id: REPORT_STYLE.factLabel,
          name: 'SLA Fact Label',
          basedOn: STYLE.tableText,
          run: { bold: true },
        },
      ],
    },
  };
}
