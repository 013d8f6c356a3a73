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
import { DRAFT_PART_NAMESPACE, readDraftPart } from './draft-part';
import { sha256Hex } from '../sha256';
import { deflatedEntry, deflatedRepeat, docxWithDraft, entriesOf, relationshipFlood, zipOf, type ZipEntry } from './hostile-docx';
import { MAX_PACKAGE_ENTRIES, MAX_PART_BYTES, MAX_UNPACKED_BYTES } from './package-reader';

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
    const awkward = [
      '{"note": "a < b && c > d ]]> \'quoted\' \\"double\\""}\n',
      '{"title":"云数据库 – SLA 🚀"}\n',
      'line one\r\nline two\n',
      'control \u0001 and \uFFFF\n',
    ];
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

/** The exported contract with some entries replaced (same name) or added (new name, at the end). */
async function rebuilt(json: string, changes: ZipEntry[]): Promise<Uint8Array> {
  const entries = await entriesOf(await docxWithDraft(json));
  const replaced = entries.map((entry) => changes.find((change) => change.name === entry.name) ?? entry);
  return zipOf([...replaced, ...changes.filter((change) => !entries.some((entry) => entry.name === change.name))]);
}

describe('a hostile .docx', () => {
  const json = '{"schemaVersion": 1, "title": "Hosted CRM SLA"}\n';
  const item = (text: string, extra = '') =>
    `<?xml version="1.0" encoding="UTF-8"?>\n${extra}<slaDraft xmlns="${DRAFT_PART_NAMESPACE}" encoding="text" sha256="${sha256Hex(text)}">${text}</slaDraft>`;

  it('reads the draft past relationships that repeat an unclosed <Relationship 80,000 times', async () => {
    // A regular-expression scan took minutes on this file; `npm run bench -- import` times it.
    expect(await readDraftPart(await relationshipFlood(json, 80_000))).toEqual({ ok: true, json, sha256: sha256Hex(json) });
  });

  it('refuses a draft part with a document type declaration, without expanding its entities', async () => {
    const laughs = '<!DOCTYPE slaDraft [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n';
    expect(await readDraftPart(await rebuilt(json, [deflatedEntry('customXml/item1.xml', item('&lol2;', laughs))]))).toEqual({
      ok: false,
      reason: 'damaged',
    });
    const external = '<!DOCTYPE slaDraft [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n';
    expect(await readDraftPart(await rebuilt(json, [deflatedEntry('customXml/item1.xml', item('&secret;', external))]))).toEqual({
      ok: false,
      reason: 'damaged',
    });
  });

  it('refuses a part that inflates past the limit, before inflating all of it', async () => {
    const bomb = await deflatedRepeat('customXml/item1.xml', new Uint8Array(1024 * 1024), 200 * 1024 * 1024);
    const bytes = await rebuilt(json, [bomb]);
    expect(bytes.byteLength).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage().rss;
    expect(await readDraftPart(bytes)).toEqual({ ok: false, reason: 'tooLargeOrDamaged' });
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('refuses a part that inflates past the limit even when its headers declare a small size', async () => {
    const bomb = await deflatedRepeat('customXml/item1.xml', new Uint8Array(64 * 1024), MAX_PART_BYTES + 64 * 1024);
    expect(await readDraftPart(await rebuilt(json, [{ ...bomb, size: 1024 }]))).toEqual({ ok: false, reason: 'tooLargeOrDamaged' });
  });

  it('refuses parts that each stay under the limit but together inflate past the total', async () => {
    const parts = Math.ceil(MAX_UNPACKED_BYTES / MAX_PART_BYTES) + 1;
    const each = await deflatedRepeat('', new Uint8Array(64 * 1024), MAX_PART_BYTES - 64 * 1024);
    // The draft part among them, so that none is a draft read before the total is reached.
    const items = Array.from({ length: parts }, (_, i) => ({ ...each, name: `customXml/item${i + 1}.xml` }));
    expect(await readDraftPart(await rebuilt(json, items))).toEqual({ ok: false, reason: 'tooLargeOrDamaged' });
  });

  it('refuses a part whose compressed data does not inflate', async () => {
    const broken = deflatedEntry('customXml/item1.xml', item(json));
    broken.deflated = Uint8Array.from(broken.deflated, (_, i) => (i < 4 ? 0xff : broken.deflated[i]!));
    expect(await readDraftPart(await rebuilt(json, [broken]))).toEqual({ ok: false, reason: 'tooLargeOrDamaged' });
  });

  it('refuses a package with more entries than any Word document has', async () => {
    const filler = Array.from({ length: MAX_PACKAGE_ENTRIES }, (_, i) => deflatedEntry(`word/media/filler${i}.bin`, ''));
    expect(await readDraftPart(await rebuilt(json, filler))).toEqual({ ok: false, reason: 'tooLargeOrDamaged' });
  });

  it('refuses two entries under one name instead of importing either', async () => {
    const other = '{"schemaVersion": 1, "title": "Substituted SLA"}\n';
    for (const name of ['customXml/item1.xml', 'customXml/ITEM1.xml']) {
      const bytes = await rebuilt(json, []);
      const entries = [...(await entriesOf(bytes)), deflatedEntry(name, item(other))];
      expect(await readDraftPart(zipOf(entries)), name).toEqual({ ok: false, reason: 'duplicatePart' });
    }
  });
});
