import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from '../../src-shared/i18n';
import { writeFailure, writeFileAtomically } from './atomic-file';

const systemError = (code: string, message: string) => Object.assign(new Error(`${code}: ${message}`), { code });

describe('writeFailure', () => {
  it('says the disk is full, naming the file, when the file system has no space or quota left', () => {
    for (const code of ['ENOSPC', 'EDQUOT']) {
      const failure = writeFailure(systemError(code, 'no space left on device, write'), '/exports/Acme SLA.docx');
      expect(failure.apiError).toEqual({ code: 'internal', key: 'errors.diskFullFile', params: { path: '/exports/Acme SLA.docx' } });
    }
    expect(createI18n('en').t('errors.diskFullFile', { path: '/x/a.docx' })).toBe(
      'The disk is full, so /x/a.docx could not be written. Free some space on the disk and try again; nothing was written.',
    );
    expect(createI18n('zh-CN').t('errors.diskFullFile', { path: '/x/a.docx' })).toMatch(/^磁盘已满，无法写入 \/x\/a\.docx。/);
  });

  it('says a permission was refused, or gives the system code for anything else', () => {
    expect(writeFailure(systemError('EACCES', 'permission denied'), '/a').apiError).toEqual({
      code: 'forbidden',
      key: 'errors.cannotWriteFile',
      params: { path: '/a', reason: 'EACCES' },
    });
    expect(writeFailure(systemError('EIO', 'i/o error'), '/a').apiError.params).toEqual({ path: '/a', reason: 'EIO' });
  });
});

describe('writeFileAtomically', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces the file whole and leaves no temporary file behind', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sla-atomic-'));
    const path = join(dir, 'contract.docx');
    await writeFileAtomically(path, 'first');
    await writeFileAtomically(path, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(path)]).toEqual([1, 2, 3]);
    expect(readdirSync(dir)).toEqual(['contract.docx']);
  });
});
