import type { BaseWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n, type Locale } from '../../src-shared/i18n';
import { createElectronDialogs, safeFileName } from './dialogs';

const WINDOW = { id: 1 } as unknown as BaseWindow;

function setup(
  options: {
    locale?: Locale;
    window?: BaseWindow | null;
    saveAnswer?: { canceled: boolean; filePath?: string };
    openAnswer?: { canceled: boolean; filePaths: string[] };
  } = {},
) {
  const calls: { kind: 'save' | 'open'; parent: unknown; options: SaveDialogOptions | OpenDialogOptions }[] = [];
  const revealed: string[] = [];
  const record = (kind: 'save' | 'open', args: unknown[]) => {
    const [first, second] = args;
    calls.push(
      second === undefined ? { kind, parent: null, options: first as SaveDialogOptions } : { kind, parent: first, options: second as SaveDialogOptions },
    );
  };
  const dialog = {
    showSaveDialog: (...args: unknown[]) => {
      record('save', args);
      return Promise.resolve({ canceled: false, filePath: '/home/me/Documents/x.sla.json', ...options.saveAnswer });
    },
    showOpenDialog: (...args: unknown[]) => {
      record('open', args);
      return Promise.resolve(options.openAnswer ?? { canceled: false, filePaths: ['/home/me/in.sla.json'] });
    },
  } as unknown as Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  const i18n = createI18n(options.locale ?? 'en');
  const dialogs = createElectronDialogs({
    dialog,
    shell: { showItemInFolder: (filePath) => revealed.push(filePath) },
    parentWindow: () => (options.window === undefined ? WINDOW : options.window),
    t: () => (key, params) => i18n.t(key, params),
    defaultFolder: () => '/home/me/Documents',
    joinPath: path.posix.join,
  });
  return { dialogs, calls, revealed };
}

const SLA_FILTER = { name: 'SLA draft', extensions: ['sla.json'] };

describe('the Electron dialogs adapter', () => {
  it('asks where to save, modal to the window, starting in Documents with the suggested name', async () => {
    const { dialogs, calls } = setup();
    expect(await dialogs.chooseSavePath({ suggestedName: 'Acme Cloud SLA.sla.json', filters: [SLA_FILTER] })).toBe('/home/me/Documents/x.sla.json');
    const [call] = calls;
    expect(call?.kind).toBe('save');
    expect(call?.parent).toBe(WINDOW);
    expect(call?.options.title).toBe('Save As');
    expect(call?.options.defaultPath).toBe('/home/me/Documents/Acme Cloud SLA.sla.json');
    expect(call?.options.filters).toEqual([SLA_FILTER, { name: 'All Files', extensions: ['*'] }]);
  });

  it('answers null when the user cancels', async () => {
    expect(await setup({ saveAnswer: { canceled: true, filePath: '' } }).dialogs.chooseSavePath({ suggestedName: 'a.sla.json', filters: [] })).toBeNull();
    expect(await setup({ openAnswer: { canceled: true, filePaths: [] } }).dialogs.chooseOpenPath({ filters: [SLA_FILTER] })).toBeNull();
  });

  it('asks which file to open, in the current language', async () => {
    const { dialogs, calls } = setup({ locale: 'zh-CN' });
    expect(await dialogs.chooseOpenPath({ filters: [{ name: 'SLA 草案', extensions: ['sla.json', 'json'] }] })).toBe('/home/me/in.sla.json');
    expect(calls[0]?.options.title).toBe('打开');
    expect(calls[0]?.options.filters?.at(-1)).toEqual({ name: '所有文件', extensions: ['*'] });
    expect((calls[0]?.options as OpenDialogOptions).properties).toEqual(['openFile']);
  });

  it('still asks when no window is open', async () => {
    const { dialogs, calls } = setup({ window: null });
    await dialogs.chooseOpenPath({ filters: [] });
    expect(calls[0]?.parent).toBeNull();
  });

  it('reveals an exported file in the file manager', () => {
    const { dialogs, revealed } = setup();
    dialogs.showInFolder('/home/me/Documents/Acme.docx');
    expect(revealed).toEqual(['/home/me/Documents/Acme.docx']);
  });
});

describe('safeFileName', () => {
  it('keeps a readable title and its extension', () => {
    expect(safeFileName('Acme Cloud — Enterprise SLA v2.1.sla.json', 'Untitled')).toBe('Acme Cloud — Enterprise SLA v2.1.sla.json');
    expect(safeFileName('云服务等级协议.docx', 'Untitled')).toBe('云服务等级协议.docx');
  });

  it('drops what a file system refuses or reads as a folder', () => {
    expect(safeFileName('../../etc/passwd.sla.json', 'Untitled')).toBe('etc passwd.sla.json');
    expect(safeFileName('A/B: "C" <D>?.docx', 'Untitled')).toBe('A B C D.docx');
    expect(safeFileName('tab\there\nnewline.sla.json', 'Untitled')).toBe('tab here newline.sla.json');
  });

  it('drops the invisible characters that would make the name show another one', () => {
    // Shown as "Acme exe.docx" with the override, this is a .docx file.
    expect(safeFileName('Acme \u202Excod.exe.docx', 'Untitled')).toBe('Acme xcod.exe.docx');
    expect(safeFileName('In\u200Bvoice\u2067 SLA\uFEFF.sla.json', 'Untitled')).toBe('Invoice SLA.sla.json');
    expect(safeFileName('\u200E\u200F.docx', 'Untitled')).toBe('Untitled.docx');
  });

  it('names an untitled draft in the user language', () => {
    expect(safeFileName('   .sla.json', '未命名')).toBe('未命名.sla.json');
    expect(safeFileName('', 'Untitled')).toBe('Untitled');
  });

  it('shortens an overlong title but keeps the extension', () => {
    const name = safeFileName(`${'x'.repeat(500)}.sla.json`, 'Untitled');
    expect(name.length).toBeLessThanOrEqual(160);
    expect(name.endsWith('.sla.json')).toBe(true);
  });
});
