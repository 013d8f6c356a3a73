import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS, type MenuCommand } from '../../src-shared/channels';
import { createI18n, type Locale } from '../../src-shared/i18n';
import { buildMenuTemplate, type MenuContext } from './menu';

function build(overrides: Partial<MenuContext> & { locale?: Locale } = {}) {
  const locale = overrides.locale ?? 'en';
  const i18n = createI18n(locale);
  const sent: MenuCommand[] = [];
  const template = buildMenuTemplate({
    t: (key, params) => i18n.t(key, params),
    locale,
    platform: 'linux',
    isDev: false,
    sendCommand: (command) => sent.push(command),
    ...overrides,
  });
  return { template, sent };
}

function submenuOf(item: MenuItemConstructorOptions): MenuItemConstructorOptions[] {
  return Array.isArray(item.submenu) ? item.submenu : [];
}

function allItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...allItems(submenuOf(item))]);
}

function click(item: MenuItemConstructorOptions | undefined): void {
  if (!item?.click) throw new Error(`no clickable item ${item?.label}`);
  (item.click as () => void)();
}

function find(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | undefined {
  return allItems(template).find((item) => item.label === label);
}

describe('the application menu', () => {
  it('has File, Edit, View, Language and Window in English', () => {
    const { template } = build();
    expect(template.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Language', 'Window']);
  });

  it('offers New, Import and Export with their shortcuts, and sends them to the renderer', () => {
    const { template, sent } = build();
    const file = submenuOf(template[0]!);
    const byLabel = (label: string) => file.find((item) => item.label === label);
    expect(byLabel('New Draft')?.accelerator).toBe('CmdOrCtrl+N');
    expect(byLabel('Import…')?.accelerator).toBe('CmdOrCtrl+O');
    expect(byLabel('Export…')?.accelerator).toBe('CmdOrCtrl+E');
    expect(file.some((item) => item.role === 'quit')).toBe(true);
    click(byLabel('New Draft'));
    click(byLabel('Import…'));
    click(byLabel('Export…'));
    expect(sent).toEqual(['newDraft', 'importDraft', 'exportDraft']);
  });

  it('reaches every menu command the renderer understands', () => {
    const { template, sent } = build();
    for (const item of allItems(template)) if (item.click) click(item);
    expect([...sent].sort()).toEqual([...MENU_COMMANDS].sort());
  });

  it('switches language from a radio group that shows the current one', () => {
    const english = build({ locale: 'en' });
    const languages = submenuOf(english.template.find((item) => item.label === 'Language')!);
    expect(languages.map((item) => [item.label, item.type, item.checked])).toEqual([
      ['English', 'radio', true],
      ['中文（简体）', 'radio', false],
    ]);
    click(languages[1]);
    expect(english.sent).toEqual(['setLocale:zh-CN']);

    const chinese = build({ locale: 'zh-CN' });
    const chineseLanguages = submenuOf(chinese.template.find((item) => item.label === '语言')!);
    expect(chineseLanguages.map((item) => item.checked)).toEqual([false, true]);
  });

  it('is entirely in Chinese when the language is Chinese', () => {
    const { template } = build({ locale: 'zh-CN', platform: 'darwin', isDev: true });
    expect(template.map((item) => item.label)).toEqual(['SLA Studio', '文件', '编辑', '视图', '语言', '窗口']);
    expect(find(template, '新建草案')?.accelerator).toBe('CmdOrCtrl+N');
    const labels = allItems(template)
      .filter((item) => item.type !== 'separator')
      .map((item) => item.label ?? '');
    // Every label resolved (i18next answers a missing key with the key itself) and none left in English.
    expect(labels.filter((label) => label === '' || label.startsWith('menu.'))).toEqual([]);
    const english = new Set(allItems(build({ locale: 'en', platform: 'darwin', isDev: true }).template).map((item) => item.label));
    expect(labels.filter((label) => english.has(label) && !['SLA Studio', 'English', '中文（简体）'].includes(label))).toEqual([]);
  });

  it('offers developer tools only while developing', () => {
    const hasDevTools = (isDev: boolean) => allItems(build({ isDev }).template).some((item) => item.role === 'toggleDevTools');
    expect(hasDevTools(false)).toBe(false);
    expect(hasDevTools(true)).toBe(true);
  });

  it('follows the macOS conventions on a Mac: an app menu with Quit, and Close in File', () => {
    const { template } = build({ platform: 'darwin' });
    expect(template[0]?.role).toBe('appMenu');
    expect(submenuOf(template[0]!).find((item) => item.role === 'quit')?.label).toBe('Quit SLA Studio');
    const file = submenuOf(template[1]!);
    expect(file.some((item) => item.role === 'quit')).toBe(false);
    expect(file.some((item) => item.role === 'close')).toBe(true);
    expect(build({ platform: 'win32' }).template.some((item) => item.role === 'appMenu')).toBe(false);
  });
});
