/**
 * Test support (imported only by *.test.ts): reads a .docx back the way a
 * consumer would — unzip it, parse its parts — so tests check the package,
 * not the objects that produced it. A small XML parser is enough for the
 * well-formed XML the writer produces (no DTDs, no external entities).
 */
import JSZip from 'jszip';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (match, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? match;
  });
}

export function parseXml(xml: string): XmlElement {
  let i = 0;
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  while (i < xml.length) {
    if (xml.startsWith('<?', i)) {
      i = xml.indexOf('?>', i) + 2;
    } else if (xml.startsWith('<!--', i)) {
      i = xml.indexOf('-->', i) + 3;
    } else if (xml.startsWith('<![CDATA[', i)) {
      const end = xml.indexOf(']]>', i);
      stack[stack.length - 1]!.children.push(xml.slice(i + 9, end));
      i = end + 3;
    } else if (xml.startsWith('</', i)) {
      const end = xml.indexOf('>', i);
      const name = xml.slice(i + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`mismatched </${name}>`);
      i = end + 1;
    } else if (xml[i] === '<') {
      const end = xml.indexOf('>', i);
      let tag = xml.slice(i + 1, end);
      const selfClosing = tag.endsWith('/');
      if (selfClosing) tag = tag.slice(0, -1);
      const name = /^[^\s]+/.exec(tag)![0];
      const attrs: Record<string, string> = {};
      for (const match of tag.slice(name.length).matchAll(/([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) attrs[match[1]!] = decode(match[3] ?? match[4] ?? '');
      const element: XmlElement = { name, attrs, children: [] };
      stack[stack.length - 1]!.children.push(element);
      if (!selfClosing) stack.push(element);
      i = end + 1;
    } else {
      const end = xml.indexOf('<', i);
      const text = xml.slice(i, end < 0 ? xml.length : end);
      if (text.trim() !== '' || stack.length > 1) stack[stack.length - 1]!.children.push(decode(text));
      i = end < 0 ? xml.length : end;
    }
  }
  if (stack.length !== 1) throw new Error('unclosed elements');
  const element = root.children.find((child): child is XmlElement => typeof child !== 'string');
  if (!element) throw new Error('no root element');
  return element;
}

export function elements(node: XmlElement): XmlElement[] {
  return node.children.filter((child): child is XmlElement => typeof child !== 'string');
}

/** Descendants with this name, in document order (not descending into matches' own descendants unless `deep`). */
export function findAll(node: XmlElement, name: string, deep = true): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (element: XmlElement) => {
    for (const child of elements(element)) {
      if (child.name === name) {
        found.push(child);
        if (!deep) continue;
      }
      visit(child);
    }
  };
  visit(node);
  return found;
}

export function find(node: XmlElement, name: string): XmlElement | undefined {
  return findAll(node, name)[0];
}

/** Direct children with this name. */
export function childrenNamed(node: XmlElement, name: string): XmlElement[] {
  return elements(node).filter((child) => child.name === name);
}

/** The text of the w:t elements inside, as Word shows it (w:tab as a tab, w:br as a line break). */
export function wordText(node: XmlElement): string {
  let text = '';
  const visit = (element: XmlElement) => {
    for (const child of element.children) {
      if (typeof child === 'string') continue;
      if (child.name === 'w:t') text += child.children.filter((c): c is string => typeof c === 'string').join('');
      else if (child.name === 'w:tab' && element.name === 'w:r') text += '\t';
      else if (child.name === 'w:br') text += '\n';
      else visit(child);
    }
  };
  visit(node);
  return text;
}

/** The w:val of a property element under `node` (e.g. val(pPr, 'w:pStyle')). */
export function val(node: XmlElement | undefined, name: string): string | undefined {
  if (!node) return undefined;
  return find(node, name)?.attrs['w:val'];
}

export interface DocxPackage {
  zip: JSZip;
  names: string[];
  text(path: string): Promise<string>;
  xml(path: string): Promise<XmlElement>;
}

export async function openPackage(bytes: Uint8Array): Promise<DocxPackage> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files);
  const text = async (path: string) => {
    const file = zip.file(path);
    if (!file) throw new Error(`${path} is not in the package`);
    return file.async('string');
  };
  return { zip, names, text, xml: async (path) => parseXml(await text(path)) };
}

/** The paragraphs of the document body in order, with their style, numbering and text. */
export interface BodyParagraph {
  element: XmlElement;
  style: string | undefined;
  numId: string | undefined;
  ilvl: string | undefined;
  text: string;
}

export function paragraphsOf(node: XmlElement): BodyParagraph[] {
  return findAll(node, 'w:p').map((element) => {
    const pPr = childrenNamed(element, 'w:pPr')[0];
    const numPr = pPr ? childrenNamed(pPr, 'w:numPr')[0] : undefined;
    return {
      element,
      style: pPr ? childrenNamed(pPr, 'w:pStyle')[0]?.attrs['w:val'] : undefined,
      numId: numPr ? val(numPr, 'w:numId') : undefined,
      ilvl: numPr ? val(numPr, 'w:ilvl') : undefined,
      text: wordText(element),
    };
  });
}
