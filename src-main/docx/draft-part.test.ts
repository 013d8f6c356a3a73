/**
 * The draft travels inside the .docx and comes back byte for byte — also
 * after another program rewrote the part's XML — while a damaged part, a
 * Word file without one, or no Word file at all is told apart.
 */
import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { preset } from '../../src-shared/contract/fixtures';
import { writeDraftFile } from '../../src-shared/model/file';
import { attachDraftPart, DRAFT_PART_NAMESPACE, readDraftPart } from './draft-part';
import { sha256Hex } from '../sha256';

async function docxWithDraft(json: string): Promise<Uint8Array> {
  const document = new Document({ sections: [{ children: [new Paragraph('A contract.')] }] });
  return Packer.toBuffer(document, false, attachDraftPart(document, json));
}

async function rewritePart(bytes: Uint8Array, path: string, edit: (xml: string) => string, newPath = path): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file(path)!.async('string');
  zip.remove(path);
  zip.file(newPath, edit(xml));
  return zip.generateAsync({ type: 'uint8array' });
}

describe('the draft part', () => {
  it('gives back exactly the text it was given, with its SHA-256', async () => {
    const json = writeDraftFile(preset('china-hosted'));
    expect(await readDraftPart(await docxWithDraft(json))).toEqual({ ok: true, json, sha256: sha256Hex(json) });
  });

  it('keeps characters that XML escapes or cannot carry', async () => {
    const awkward = ['{"note": "a < b && c > d ]]> \'quoted\' \\"double\\""}\n', '{"title":"云数据库 – SLA 🚀"}\n', 'line one\r\nline two\n', 'control \u0001 and \uFFFF\n'];
    for (const json of awkward) {
      const result = await readDraftPart(await docxWithDraft(json));
      expect(result, JSON.stringify(json)).toEqual({ ok: true, json, sha256: sha256Hex(json) });
    }
  });

  it('still reads the draft after another program rewrote the part with a prefix, character references and CDATA, under another name', async () => {
    const json = writeDraftFile(preset('standard-saas'));
    const original = await docxWithDraft(json);
    const rewritten = await rewritePart(
      original,
      'customXml/item1.xml',
      () =>
        `<?xml version="1.0" encoding="utf-8"?>\r\n<!-- saved by another editor -->\r\n<ns0:slaDraft xmlns:ns0='${DRAFT_PART_NAMESPACE}' sha256='${sha256Hex(json)}' encoding='text'>` +
        `<![CDATA[${json.slice(0, 40)}]]>${json
          .slice(40)
          .replace(/&/g, '&amp;')
          .replace(/</g, '&lt;')
          .replace(/\n/g, '&#10;')
          .replace(/"/g, '&#x22;')}</ns0:slaDraft>`,
      'customXml/item3.xml',
    );
    expect(await readDraftPart(rewritten)).toEqual({ ok: true, json, sha256: sha256Hex(json) });
  });

  it('reports a part whose text no longer matches its hash as damaged', async () => {
    const json = writeDraftFile(preset('standard-saas'));
    const tampered = await rewritePart(await docxWithDraft(json), 'customXml/item1.xml', (xml) => xml.replace('99.9', '99.99'));
    expect(await readDraftPart(tampered)).toEqual({ ok: false, reason: 'damaged' });
  });

  it('tells a Word file without a draft from a file that is not a Word file', async () => {
    const plain = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Not ours.')] }] }));
    expect(await readDraftPart(plain)).toEqual({ ok: false, reason: 'noDraft' });
    expect(await readDraftPart(new TextEncoder().encode('{"schemaVersion": 1}'))).toEqual({ ok: false, reason: 'notDocx' });
    const zipOnly = new JSZip();
    zipOnly.file('hello.txt', 'a zip, but no document');
    expect(await readDraftPart(await zipOnly.generateAsync({ type: 'uint8array' }))).toEqual({ ok: false, reason: 'notDocx' });
  });

  it('ignores custom XML parts of other applications', async () => {
    const json = writeDraftFile(preset('standard-saas'));
    const zip = await JSZip.loadAsync(await docxWithDraft(json));
    zip.file('customXml/item2.xml', '<b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography"/>');
    const withOther = await zip.generateAsync({ type: 'uint8array' });
    expect(await readDraftPart(withOther)).toMatchObject({ ok: true, json });
    zip.remove('customXml/item1.xml');
    expect(await readDraftPart(await zip.generateAsync({ type: 'uint8array' }))).toEqual({ ok: false, reason: 'noDraft' });
  });
});
