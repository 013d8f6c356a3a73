/**
 * The XML reader for parts from outside: what well-formed XML means is
 * resolved as any XML parser would, and what a hostile part could use —
 * a DTD and its entities, a second root, absurd nesting or attribute
 * counts, undeclared prefixes — is refused.
 */
import { describe, expect, it } from 'vitest';
import { MAX_XML_ATTRIBUTES, MAX_XML_DEPTH, readXml, XmlRefused, type XmlStartTag } from './xml-reader';

function read(xml: string): { elements: XmlStartTag[]; text: string } {
  const elements: XmlStartTag[] = [];
  let text = '';
  readXml(xml, { openElement: (tag) => elements.push(tag), text: (data) => (text += data) });
  return { elements, text };
}

describe('readXml', () => {
  it('resolves entities, character references, CDATA, line ends and namespace prefixes', () => {
    const { elements, text } = read(
      `\uFEFF<?xml version="1.0"?>\r\n<!-- comment -->\r\n<ns0:root xmlns:ns0='urn:a' a="x &amp; y"><child xmlns="urn:b"/>` +
        `1 &lt; 2 &#x22;&#233;&#128640;\r\n<![CDATA[<not a tag> & ]]>\r</ns0:root>`,
    );
    expect(elements.map(({ localName, namespace, depth }) => ({ localName, namespace, depth }))).toEqual([
      { localName: 'root', namespace: 'urn:a', depth: 1 },
      { localName: 'child', namespace: 'urn:b', depth: 2 },
    ]);
    expect(elements[0]!.attributes).toEqual({ 'xmlns:ns0': 'urn:a', a: 'x & y' });
    expect(text).toBe('1 < 2 "é🚀\n<not a tag> & \n');
  });

  it('keeps text larger than the parser buffer, astral characters across its slices included', () => {
    const long = '云🚀'.repeat(100_000);
    expect(read(`<r>${long}</r>`).text).toBe(long);
  });

  it('refuses a document type declaration, so no entity is declared or expanded', () => {
    const laughs = '<!DOCTYPE r [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><r>&b;</r>';
    expect(() => read(laughs)).toThrow(XmlRefused);
    expect(() => read('<!DOCTYPE r SYSTEM "file:///etc/passwd"><r/>')).toThrow(/document type/);
  });

  it('refuses entities other than the five XML predefines, even HTML ones', () => {
    expect(() => read('<r>&nbsp;</r>')).toThrow(XmlRefused);
    expect(() => read('<r>&undefined;</r>')).toThrow(XmlRefused);
    expect(() => read('<r>&#0;</r>')).toThrow(XmlRefused);
  });

  it('refuses XML that is not well-formed', () => {
    for (const xml of ['', 'text', '<r>', '<r></s>', '<r/><r/>', '<r/>text', '<p:r/>', '<r b=3/>', '<Relationship '.repeat(1000)]) {
      expect(() => read(xml), JSON.stringify(xml.slice(0, 40))).toThrow(XmlRefused);
    }
  });

  it('refuses nesting deeper than the limit and more attributes than the limit', () => {
    expect(read(`${'<a>'.repeat(MAX_XML_DEPTH)}${'</a>'.repeat(MAX_XML_DEPTH)}`).elements).toHaveLength(MAX_XML_DEPTH);
    expect(() => read('<a>'.repeat(MAX_XML_DEPTH + 1))).toThrow(/deeper/);
    const attributes = (n: number) => Array.from({ length: n }, (_, i) => `a${i}="${i}"`).join(' ');
    expect(Object.keys(read(`<r ${attributes(MAX_XML_ATTRIBUTES)}/>`).elements[0]!.attributes)).toHaveLength(MAX_XML_ATTRIBUTES);
    expect(() => read(`<r ${attributes(80_000)}/>`)).toThrow(/attributes/);
  });
});
