/**
 * What Import sends main for a Word file: the exact bytes as base64, however
 * large the file (a contract runs to hundreds of kilobytes, more than one
 * call of String.fromCharCode can take), and a clear refusal, before reading
 * it, of a file larger than any contract SLA Studio writes.
 */
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_DOCX_BYTES } from '../../../src-shared/api';
import { bytesToBase64, isDocxFile, readDocx } from './importFile';

describe('reading a contract to import', () => {
  it('encodes every byte, across the chunk boundaries, as Node does', () => {
    const bytes = new Uint8Array(200_003);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(bytesToBase64(new Uint8Array(0))).toBe('');
  });

  it('tells a Word file from a draft file by its name', () => {
    expect(isDocxFile({ name: 'Brightledger SLA v3 (EN-ZH).DOCX' })).toBe(true);
    expect(isDocxFile({ name: 'brightledger.sla.json' })).toBe(false);
    expect(isDocxFile({ name: 'contract.docx.sla.json' })).toBe(false);
  });

  it('reads a contract, and refuses a file too large to be one, naming it and the limit', async () => {
    const contract = new File([new Uint8Array([80, 75, 3, 4, 0, 255])], 'SLA (EN).docx');
    expect(await readDocx(contract)).toEqual({ ok: true, base64: Buffer.from([80, 75, 3, 4, 0, 255]).toString('base64') });

    const huge = new File([new Uint8Array(MAX_IMPORT_DOCX_BYTES + 1)], 'scan.docx');
    expect(await readDocx(huge)).toEqual({
      ok: false,
      key: 'export.errors.tooLarge',
      params: { fileName: 'scan.docx', max: MAX_IMPORT_DOCX_BYTES / (1024 * 1024) },
    });
  });
});
