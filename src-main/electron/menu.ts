/**
 * The application menu as a template, built from the "menu" section of the
 * locale files. The app's own items do nothing in main: they send a
 * menu-command to the renderer, which owns the draft being edited (and, for
 * Language, saves the setting through settings.setLocale, after which main
 * rebuilds this menu in the new language).
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../src-shared/channels';
import type { Locale } from '../../src-shared/i18n';

/** i18next's t, narrowed to what the menu needs. */
export type Translate = (key: string, params?: Record<string, string>) => string;

export interface MenuContext {
  t: Translate;
  /** The language the menu is shown in, which its radio items reflect. */
  locale: Locale;
  platform: NodeJS.Platform;
  /** Developer tools only while developing. */
  isDev: boolean;
  sendCommand: (command: MenuCommand) => void;
}

/** Each language named in itself, so a user who cannot read the current one still finds theirs. */
const LANGUAGE_ITEMS: { locale: Locale; command: MenuCommand; labelKey: string }[] = [
  { locale: 'en', command: 'setLocale:en', labelKey: 'menu.language.en' },
  { locale: 'zh-CN', command: 'setLocale:zh-CN', labelKey: 'menu.language.zhCN' },
];

export function buildMenuTemplate(context: MenuContext): MenuItemConstructorOptions[] {
  const { t, platform, isDev, sendCommand } = context;
  const isMac = platform === 'darwin';
  const name = t('app.name');
  const command = (label: string, menuCommand: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => sendCommand(menuCommand),
  });

  const appMenu: MenuItemConstructorOptions = {
    label: name,
    role: 'appMenu',
    submenu: [
      { role: 'about', label: t('menu.app.about', { name }) },
      { type: 'separator' },
      { role: 'services', label: t('menu.app.services') },
      { type: 'separator' },
      { role: 'hide', label: t('menu.app.hide', { name }) },
      { role: 'hideOthers', label: t('menu.app.hideOthers') },
      { role: 'unhide', label: t('menu.app.showAll') },
      { type: 'separator' },
      { role: 'quit', label: t('menu.app.quit', { name }) },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: t('menu.file.title'),
    submenu: [
      command(t('menu.file.newDraft'), 'newDraft', 'CmdOrCtrl+N'),
      { type: 'separator' },
      command(t('menu.file.importDraft'), 'importDraft', 'CmdOrCtrl+O'),
      command(t('menu.file.exportDraft'), 'exportDraft', 'CmdOrCtrl+E'),
      { type: 'separator' },
      // On macOS, Quit lives in the app menu and the File menu closes the window instead.
      isMac ? { role: 'close', label: t('menu.window.close') } : { role: 'quit', label: t('menu.file.quit') },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: t('menu.edit.title'),
    submenu: [
      // Undo and redo belong to the page: in the wizard they take back whole edits of the draft, elsewhere the
      // text box's own. The keys are shown but left to the page (registerAccelerator: false), which handles them.
      { ...command(t('menu.edit.undo'), 'undo', 'CmdOrCtrl+Z'), registerAccelerator: false },
      { ...command(t('menu.edit.redo'), 'redo', isMac ? 'Shift+CmdOrCtrl+Z' : 'CmdOrCtrl+Y'), registerAccelerator: false },
      { type: 'separator' },
      { role: 'cut', label: t('menu.edit.cut') },
      { role: 'copy', label: t('menu.edit.copy') },
      { role: 'paste', label: t('menu.edit.paste') },
      { role: 'delete', label: t('menu.edit.delete') },
      { type: 'separator' },
      { role: 'selectAll', label: t('menu.edit.selectAll') },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: t('menu.view.title'),
    submenu: [
      { role: 'reload', label: t('menu.view.reload') },
      ...(isDev ? [{ role: 'toggleDevTools', label: t('menu.view.toggleDevTools') } as const] : []),
      { type: 'separator' },
      { role: 'resetZoom', label: t('menu.view.resetZoom') },
      { role: 'zoomIn', label: t('menu.view.zoomIn') },
      { role: 'zoomOut', label: t('menu.view.zoomOut') },
      { type: 'separator' },
      { role: 'togglefullscreen', label: t('menu.view.toggleFullScreen') },
    ],
  };

  const languageMenu: MenuItemConstructorOptions = {
    label: t('menu.language.title'),
    submenu: LANGUAGE_ITEMS.map(({ locale, command: menuCommand, labelKey }) => ({
      type: 'radio' as const,
      label: t(labelKey),
      checked: locale === context.locale,
      click: () => sendCommand(menuCommand),
    })),
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: t('menu.window.title'),
    role: 'windowMenu',
    submenu: [
      { role: 'minimize', label: t('menu.window.minimize') },
      ...(isMac
        ? ([{ role: 'zoom', label: t('menu.window.zoom') }, { type: 'separator' }, { role: 'front', label: t('menu.window.front') }] as const)
        : ([{ role: 'close', label: t('menu.window.close') }] as const)),
    ],
  };

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, languageMenu, windowMenu];
}
