/**
 * The Dialogs port of the services (src-main/services/ports.ts) on Electron's
 * native dialogs. File paths reach the services only through here — the
 * renderer never names a path (security checklist: paths chosen by main).
 */
import type { BaseWindow, Dialog, OpenDialogOptions, SaveDialogOptions, Shell } from 'electron';
import { withoutHiddenCharacters } from '../../src-shared/model/text';
import type { Dialogs, FileFilter } from '../services/ports';
import type { Translate } from './menu';

export interface ElectronDialogDeps {
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  shell: Pick<Shell, 'showItemInFolder'>;
  /** The window the dialog belongs to (modal to it), or null to show a free dialog. */
  parentWindow: () => BaseWindow | null;
  /** The translator for the current language: titles and button labels. */
  t: () => Translate;
  /** Where a save dialog starts: the user's documents folder. */
  defaultFolder: () => string;
  /** path.join, injected so that the tests do not depend on the platform's separator. */
  joinPath: (folder: string, fileName: string) => string;
}

export function createElectronDialogs(deps: ElectronDialogDeps): Dialogs {
  return {
    async chooseSavePath({ suggestedName, filters }) {
      const t = deps.t();
      const options: SaveDialogOptions = {
        title: t('dialogs.save.title'),
        buttonLabel: t('dialogs.save.button'),
        defaultPath: deps.joinPath(deps.defaultFolder(), safeFileName(suggestedName, t('dialogs.save.untitled'))),
        filters: withAllFiles(filters, t),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const parent = deps.parentWindow();
      const result = parent ? await deps.dialog.showSaveDialog(parent, options) : await deps.dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },

    async chooseOpenPath({ filters }) {
      const t = deps.t();
      const options: OpenDialogOptions = {
        title: t('dialogs.open.title'),
        buttonLabel: t('dialogs.open.button'),
        filters: withAllFiles(filters, t),
        properties: ['openFile'],
      };
      const parent = deps.parentWindow();
      const result = parent ? await deps.dialog.showOpenDialog(parent, options) : await deps.dialog.showOpenDialog(options);
      const [chosen] = result.filePaths;
      return result.canceled || !chosen ? null : chosen;
    },

    showInFolder(path) {
      deps.shell.showItemInFolder(path);
    },
  };
}

/** The services' filters first (the default choice), then "All files" so a misnamed file can still be picked. */
function withAllFiles(filters: FileFilter[], t: Translate): FileFilter[] {
  return [...filters.map((filter) => ({ name: filter.name, extensions: [...filter.extensions] })), { name: t('dialogs.filters.allFiles'), extensions: ['*'] }];
}

/**
 * A suggested name comes from a draft's title, which the user typed: keep it
 * readable but drop what a file system refuses or reads as a folder and the
 * invisible characters that make it show another name ("Acme ‹U+202E›gpj.exe"
 * shows as "Acme exe.jpg"), and keep it short enough for every file system while keeping its extension.
 */
export function safeFileName(suggestedName: string, untitled: string): string {
  // Control characters and what Windows, macOS or Linux refuse in a file name.
  const cleaned = withoutHiddenCharacters(suggestedName)
    .replace(/[\p{Cc}<>:"/\\|?*]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const extension = /(\.[A-Za-z0-9]{1,10}){1,2}$/.exec(cleaned)?.[0] ?? '';
  const stem = cleaned
    .slice(0, cleaned.length - extension.length)
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  return `${(stem || untitled).slice(0, 150)}${extension}`;
}
