/**
 * The part of sax's interface that xml-reader.ts uses, in the shape of
 * @types/sax (which is not installed yet); delete this file once it is.
 */
declare module 'sax' {
  export interface SAXOptions {
    trim?: boolean;
    normalize?: boolean;
    lowercase?: boolean;
    xmlns?: boolean;
    position?: boolean;
    strictEntities?: boolean;
  }

  export interface Tag {
    name: string;
    attributes: { [name: string]: string };
    isSelfClosing: boolean;
  }

  export class SAXParser {
    constructor(strict: boolean, opt?: SAXOptions);
    line: number;
    column: number;
    write(s: string): SAXParser;
    close(): SAXParser;
    onerror(e: Error): void;
    ontext(t: string): void;
    oncdata(cdata: string): void;
    ondoctype(doctype: string): void;
    onsgmldeclaration(sgmlDecl: string): void;
    onopentagstart(tag: Tag): void;
    onattribute(attr: { name: string; value: string }): void;
    onopentag(tag: Tag): void;
    onclosetag(tagName: string): void;
  }

  export function parser(strict: boolean, opt?: SAXOptions): SAXParser;
}
