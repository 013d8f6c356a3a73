/**
 * The writer durability.test.ts kills with SIGKILL. It opens the database
 * the way the app does, then autosaves a draft and saves a version of it,
 * over and over, through the real drafts and versions services (composed as
 * createServices composes them). Each line on stdout is written only after
 * the commit it reports has returned — exactly when the app would tell the
 * user "saved":
 *
 *   READY <draftId> <revision> <sha256>  the working copy found at start (after the last kill)
 *   SAVED <revision> <sha256>            an autosave committed (synchronous = NORMAL)
 *   ACK <versionId> <sha256>             a version committed (synchronous = FULL)
 *
 * Hashes are SHA-256 of the canonical JSON of the content the writer meant
 * to store, computed here, independently of what the services stored.
 *
 * Usage: node crash-writer.(ts|mjs) DATABASE_PATH TEMPLATES_DIR
 * (with CRASH_WRITER_WAIT_FOR_GO=1: load, then wait for a line on stdin before opening the database)
 */
import { createHash } from 'node:crypto';
import { writeSync } from 'node:fs';
import { createI18n, type Locale } from '../../../src-shared/i18n';
import { canonicalJson } from '../../../src-shared/model/canonical';
import { writeDraftFile } from '../../../src-shared/model/file';
import { localized } from '../../../src-shared/model/localized';
import { createDraftsService, type DraftContent } from '../../services/drafts';
import type { Dialogs } from '../../services/ports';
import { createPresetsService } from '../../services/presets';
import { englishDraft } from '../../services/test-fixtures';
import { createVersionsService } from '../../services/versions';
import { openStorage } from '..';

const [databasePath, templatesDir] = process.argv.slice(2);
if (!databasePath || !templatesDir) {
  process.stderr.write('Usage: crash-writer DATABASE_PATH TEMPLATES_DIR\n');
  process.exit(2);
}

/** One line, written to the pipe synchronously: once this returns, the parent can read it even if we are killed next. */
function report(line: string): void {
  writeSync(1, `${line}\n`);
}

const hashOf = (content: unknown) => createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');

const i18n = createI18n('en');
const translate = (_locale: Locale, key: string, params?: Record<string, string | number>) => i18n.t(key, params);
const clock = { now: () => new Date().toISOString() };
const noDialogs: Dialogs = { chooseSavePath: async () => null, chooseOpenPath: async () => null, showInFolder: () => undefined };

// Started ahead of time by the test, the writer loads its code, then waits for "GO" on stdin
// before it touches the database: the previous writer must have been killed first.
if (process.env.CRASH_WRITER_WAIT_FOR_GO === '1') {
  await new Promise<void>((resolveGo) => {
    process.stdin.once('data', () => resolveGo());
  });
}

const storage = openStorage(databasePath);
const drafts = createDraftsService({
  repository: storage.drafts,
  presets: createPresetsService(templatesDir),
  clock,
  dialogs: noDialogs,
  locale: () => 'en',
  translate,
});
const versions = createVersionsService({
  versions: storage.versions,
  drafts: storage.drafts,
  draftsService: drafts,
  settings: storage.settings,
  clock,
  locale: () => 'en',
  translate,
});

const existing = drafts.list({ query: '', view: 'active', sort: 'updated' })[0];
const draftId = existing?.id ?? drafts.importFile({ fileName: 'acme-crm.sla.json', text: writeDraftFile(englishDraft()) }).id;
let working = drafts.get(draftId);
report(`READY ${draftId} ${working.revision} ${hashOf(working.content)}`);

for (let round = 1; ; round++) {
  // A different title every round, so every autosave and every version has its own hash.
  const content: DraftContent = { ...working.content, title: localized(`Acme CRM SLA, writer ${process.pid}, round ${round}`) };
  const saved = drafts.save({ id: draftId, content, baseRevision: working.revision });
  const hash = hashOf(content);
  report(`SAVED ${saved.revision} ${hash}`);
  working = { ...working, content, revision: saved.revision };

  const frozen = versions.save({ draftId, party: 'ourProposal', author: 'Durability Test', note: `Round ${round}`, baseRevision: saved.revision });
  if (frozen.version.sha256 !== hash) {
    process.stderr.write(`The version stored hash ${frozen.version.sha256}, not the hash of the content saved (${hash}).\n`);
    process.exit(3);
  }
  report(`ACK ${frozen.version.id} ${hash}`);
}
