/**
 * Test support (imported only by *.test.ts and e2e/): reads a .docx back the
 * way a consumer would — unzip it, parse its parts — so tests check the
 * package, not the objects that produced it. The parts are parsed by the
 * importer's XML reader (xml-reader.ts) into a small tree, names as written
 * (`w:p`).
 */
import JSZip from 'jszip';
import { readXml } from './xml-reader';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

/** The root element of a part, with every element, attribute and piece of text under it. */
export function parseXml(xml: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  readXml(xml, {
    openElement(tag) {
      const element: XmlElement = { name: tag.name, attrs: { ...tag.attributes }, children: [] };
      if (stack.length > 0) stack[stack.length - 1]!.children.push(element);
      else root = element;
      stack.push(element);
    },
    closeElement() {
      stack.pop();
    },
    text(text) {
      stack[stack.length - 1]!.children.push(text);
    },
  });
  return root!;
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
