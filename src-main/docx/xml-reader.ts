/**
 * XML that comes from outside — a part of a .docx someone sent back — read
 * with sax, a streaming parser, in strict mode, as a series of events.
 *
 * What a well-formed part needs is resolved: the five predefined entities,
 * character references, CDATA, line ends (CR LF and CR become LF, as XML
 * 1.0 §2.11 says), namespace prefixes. What a hostile file could use is
 * refused with an XmlRefused error: a document type declaration (so no
 * entity is ever declared, let alone expanded; OOXML parts never carry one),
 * any other markup declaration, an entity other than the predefined five,
 * a second root element, nesting deeper than MAX_XML_DEPTH and an element
 * with more than MAX_XML_ATTRIBUTES attributes. Every step is linear in the
 * length of the text, and the parser is fed in slices so that no name,
 * attribute value or comment it buffers grows past sax's 64 KiB limit.
 */
import sax from 'sax';

/** Deeper than any WordprocessingML part SLA Studio reads. */
export const MAX_XML_DEPTH = 256;
/** More attributes on one element than any part carries. */
export const MAX_XML_ATTRIBUTES = 256;

const SLICE_CHARS = 64 * 1024;
const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

export class XmlRefused extends Error {
  override name = 'XmlRefused';
}

export interface XmlStartTag {
  /** The name as written, with its prefix (`w:p`). */
  name: string;
  localName: string;
  /** The namespace the prefix (or the default namespace) is bound to; '' for none. */
  namespace: string;
  /** Attributes by the name as written, values with references resolved. */
  attributes: Readonly<Record<string, string>>;
  /** 1 for the root element. */
  depth: number;
}

export interface XmlHandlers {
  openElement?(tag: XmlStartTag): void;
  closeElement?(name: string, depth: number): void;
  /** Character data, CDATA sections included, inside the element at `depth`; may come in several pieces. */
  text?(text: string, depth: number): void;
}

type Scope = Record<string, string>;

/** Reads `xml` from start to end, calling the handlers; throws XmlRefused where it is not well-formed or uses what is refused. */
export function readXml(xml: string, handlers: XmlHandlers): void {
  const text = xml.replace(/\r\n?/g, '\n');
  // strictEntities (sax 1.3+, not yet in its type declarations): only the five XML entities, not HTML's.
  const options: sax.SAXOptions & { strictEntities: boolean } = { strictEntities: true };
  const parser = sax.parser(true, options);
  const scopes: Scope[] = [Object.assign(Object.create(null) as Scope, { '': '', xml: XML_NAMESPACE })];
  let sawRoot = false;
  let attributeCount = 0;

  const refuse = (reason: string): never => {
    throw new XmlRefused(`${reason} (line ${parser.line + 1}, column ${parser.column + 1})`);
  };
  parser.onerror = (error) => refuse(error.message.split('\n')[0]!);
  parser.ondoctype = () => refuse('document type declarations are not accepted');
  parser.onsgmldeclaration = () => refuse('markup declarations are not accepted');
  parser.onopentagstart = () => {
    if (scopes.length === 1 && sawRoot) refuse('a second root element');
    if (scopes.length > MAX_XML_DEPTH) refuse(`elements nested deeper than ${MAX_XML_DEPTH}`);
    attributeCount = 0;
  };
  parser.onattribute = () => {
    if (++attributeCount > MAX_XML_ATTRIBUTES) refuse(`an element with more than ${MAX_XML_ATTRIBUTES} attributes`);
  };
  parser.onopentag = (openTag) => {
    // Without sax's xmlns mode (quadratic in attributes) every attribute is a plain string.
    const tag = openTag as sax.Tag;
    sawRoot = true;
    const parent = scopes[scopes.length - 1]!;
    let scope = parent;
    for (const [name, value] of Object.entries(tag.attributes)) {
      if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
      if (scope === parent) scope = Object.create(parent) as Scope;
      scope[name === 'xmlns' ? '' : name.slice('xmlns:'.length)] = value;
    }
    scopes.push(scope);
    const colon = tag.name.indexOf(':');
    const prefix = colon < 0 ? '' : tag.name.slice(0, colon);
    const namespace = scope[prefix];
    if (namespace === undefined || (prefix !== '' && namespace === '')) refuse(`the prefix of <${tag.name}> is not declared`);
    handlers.openElement?.({
      name: tag.name,
      localName: tag.name.slice(colon + 1),
      namespace: namespace!,
      attributes: tag.attributes,
      depth: scopes.length - 1,
    });
  };
  parser.onclosetag = (name) => {
    handlers.closeElement?.(name, scopes.length - 1);
    scopes.pop();
  };
  // Outside the root element there is only white space (sax refuses anything else): not part of any element.
  parser.ontext = (data) => scopes.length > 1 && handlers.text?.(data, scopes.length - 1);
  parser.oncdata = (data) => handlers.text?.(data, scopes.length - 1);

  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + SLICE_CHARS);
    // Never split a surrogate pair between two slices.
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end++;
    parser.write(text.slice(start, end));
    start = end;
  }
  parser.close();
  if (!sawRoot) refuse('no root element');
}
