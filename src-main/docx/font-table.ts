/**
 * The font table: for each font the contract names, what kind of font it is
 * (PANOSE classification, character set, family, pitch), so that a reader
 * without it gets a close substitute — a serif Latin font for Times New
 * Roman, a Chinese (GB 2312) serif for SimSun (宋体), a Chinese sans-serif
 * for SimHei (黑体) — rather than whatever the system picks. The Chinese
 * names are given as alternative names, as Chinese Word writes them.
 */
import { FONTS } from './typography';

interface FontEntry {
  name: string;
  altName?: string;
  panose: string;
  /** Hex character set: 00 ANSI, 86 GB 2312 (Simplified Chinese). */
  charset: string;
  family: 'roman' | 'swiss' | 'modern' | 'auto';
  pitch: 'variable' | 'fixed';
}

const ENTRIES: readonly FontEntry[] = [
  { name: FONTS.latin, panose: '02020603050405020304', charset: '00', family: 'roman', pitch: 'variable' },
  { name: FONTS.cjkBody, altName: '宋体', panose: '02010600030101010101', charset: '86', family: 'auto', pitch: 'variable' },
  { name: FONTS.cjkHeading, altName: '黑体', panose: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed' },
];

export function fontTableXml(): string {
  const fonts = ENTRIES.map(
    (font) =>
      `<w:font w:name="${font.name}">` +
      (font.altName ? `<w:altName w:val="${font.altName}"/>` : '') +
      `<w:panose1 w:val="${font.panose}"/><w:charset w:val="${font.charset}"/><w:family w:val="${font.family}"/><w:pitch w:val="${font.pitch}"/></w:font>`,
  ).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}</w:fonts>`
  );
}
