/**
 * What the services need from the outside world, passed in so that the same
 * services run in Electron, in the dev:web harness, in the CLI and in tests.
 * Only src-main/electron/* implements these with Electron APIs.
 */
import type { DraftPartReader } from '../docx/read-in-worker';

export interface Clock {
  /** Now, as an ISO 8601 UTC string. */
  now(): string;
}

export interface FileFilter {
  /** Shown in the dialog, already translated. */
  name: string;
  extensions: string[];
}

export interface Dialogs {
  /**
   * Ask where to save a file. Returns the absolute path the user chose, or
   * null when they cancelled. The harness answers with a path in its exports
   * folder without asking.
   */
  chooseSavePath(request: { suggestedName: string; filters: FileFilter[] }): Promise<string | null>;
  /** Ask which file to open; null when cancelled. */
  chooseOpenPath(request: { filters: FileFilter[] }): Promise<string | null>;
  /** Reveal a file in the system's file manager (no-op where there is none). */
  showInFolder(path: string): void;
}

export interface ServicePorts {
  /** The SQLite database file (in the user-data folder). */
  databasePath: string;
  /** Where backups of the database go; default: `backups` beside the database file. */
  backupsDir?: string;
  /** The templates/ folder shipped with the app: presets and the bundled clause library. */
  templatesDir: string;
  /**
   * A firm's own template folders (docs/TEMPLATES.md), searched after the
   * bundled ones; typically `templates` in the user-data folder.
   */
  firmTemplatesDir?: string;
  /** Where the export seal's key is kept (export-seal.ts); default: the database's folder, the user-data folder. */
  sealKeyDir?: string;
  clock: Clock;
  dialogs: Dialogs;
  /**
   * The operating system's locale (e.g. Electron's app.getLocale()): the
   * language of new drafts until the user chooses one. Default: English.
   */
  systemLocale?: string;
  /**
   * A better-sqlite3 native module built for this runtime, when the default
   * one is built for another (during `npm run dev` the default is Node's,
   * which the unit tests use; see scripts/electron-native.mjs).
   */
  sqliteNativeBinding?: string;
  /**
   * What takes the draft out of a .docx being imported. The app and the
   * dev:web harness read it in a worker thread with memory and time limits
   * (docx/read-in-worker.ts), so that a hostile file never holds up the
   * process that answers the window. Default: readDraftPart on the calling
   * thread.
   */
  readDraftPart?: DraftPartReader;
}
