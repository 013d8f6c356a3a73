import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draftRecordSchema, versionRecordSchema, versionSummarySchema, type DraftRecord } from '../../src-shared/api';
import { createI18n, type Locale } from '../../src-shared/i18n';
import { canonicalHash, canonicalJson } from '../../src-shared/model/canonical';
import { localized } from '../../src-shared/model/localized';
import { SCHEMA_VERSION } from '../../src-shared/model/schema';
import { shortHash, versionLabel } from '../../src-shared/model/version';
import { openDatabase, type SqliteDatabase } from '../db/connection';
import { openStorage, type Storage } from '../db';
import { createDraftsRepository } from '../db/drafts-repository';
import { createSettingsRepository } from '../db/settings-repository';
import { createVersionsRepository } from '../db/versions-repository';
import { createServices, type Services } from '.';
import { createDraftsService, listFieldsOf } from './drafts';
import { createPresetsService } from './presets';
import { englishDraft, makeTempDir, scriptedDialogs, steppingClock, translated, writePresetFixtures } from './test-fixtures';
import { createVersionsService, type VersionsService } from './versions';

let temp: ReturnType<typeof makeTempDir>;
let services: Services;
let databasePath: string;

function start(): Services {
  services = createServices({
    databasePath,
    templatesDir: join(temp.dir, 'templates'),
    clock: steppingClock(),
    dialogs: scriptedDialogs({ savePath: null }),
  });
  return services;
}

beforeEach(() => {
  temp = makeTempDir();
  databasePath = join(temp.dir, 'data', 'sla-studio.db');
  writePresetFixtures(join(temp.dir, 'templates'));
  start();
});
afterEach(() => {
  services.close();
  temp.remove();
});

function errorOf(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return (error as { apiError?: unknown }).apiError ?? error;
  }
  throw new Error('expected the action to fail');
}

/** A second connection to the same file, as a curious user with the sqlite3 shell would have. */
function withRawDatabase<T>(use: (db: SqliteDatabase) => T): T {
  const db = openDatabase(databasePath);
  try {
    return use(db);
  } finally {
    db.close();
  }
}

/** Edit the working copy the way the wizard's autosave does. */
function edit(draft: DraftRecord, change: (content: Record<string, unknown>) => void): DraftRecord {
  const current = services.drafts.get(draft.id);
  const content = structuredClone(current.content);
  change(content);
  services.drafts.save({ id: draft.id, content, baseRevision: current.revision });
  return services.drafts.get(draft.id);
}

/** The first committed objective: the availability of the CRM platform in the fixture. */
function setAvailability(content: Record<string, unknown>, objective: number): void {
  const targets = content.targets as { objectives: { objective: number }[] };
  targets.objectives[0]!.objective = objective;
}

function availabilityOf(content: Record<string, unknown>): number {
  return (content.targets as { objectives: { objective: number }[] }).objectives[0]!.objective;
}

describe('saving versions', () => {
  it('numbers the rounds 1, 2, 3 with party, author, note and the clock time, oldest first', () => {
    const draft = services.drafts.create({ presetId: 'crm' });
    const first = services.versions.save({ draftId: draft.id, party: 'ourProposal', author: 'Li Wei', note: 'Opening offer' });
    edit(draft, (content) => setAvailability(content, 99.95));
    const second = services.versions.save({ draftId: draft.id, party: 'customerCounter', author: 'Hank Scorpio', note: 'Asks for more credits' });
    const third = services.versions.save({ draftId: draft.id, party: 'internal', author: 'Li Wei', note: '' });

    expect([first, second, third].map((saved) => saved.version.sequence)).toEqual([1, 2, 3]);
    const listed = services.versions.list(draft.id);
    expect(listed.map((version) => [version.sequence, version.party, version.author, version.note])).toEqual([
      [1, 'ourProposal', 'Li Wei', 'Opening offer'],
      [2, 'customerCounter', 'Hank Scorpio', 'Asks for more credits'],
      [3, 'internal', 'Li Wei', ''],
    ]);
    for (const version of listed) expect(versionSummarySchema.parse(version)).toEqual(version);
    // Each round has its own, later time from the clock port.
    expect(listed[0]!.createdAt < listed[1]!.createdAt && listed[1]!.createdAt < listed[2]!.createdAt).toBe(true);
    // Sequences are per draft.
    const other = services.drafts.create({ presetId: 'china-db' });
    expect(services.versions.save({ draftId: other.id, party: 'ourProposal', author: '张三', note: '' }).version.sequence).toBe(1);
  });

  it('freezes the stored working copy, hashed as canonicalHash hashes it', async () => {
    const draft = services.drafts.create({ presetId: 'crm' });
    const edited = edit(draft, (content) => setAvailability(content, 99.95));
    const saved = services.versions.save({ draftId: draft.id, party: 'ourProposal', author: 'Li Wei', note: '' });

    const record = services.versions.get(saved.version.id);
    expect(versionRecordSchema.parse(record)).toEqual(record);
    expect(record.content).toEqual(edited.content);
    expect(availabilityOf(record.content)).toBe(99.95);
    expect(record.sha256).toBe((await canonicalHash(edited.content)).sha256);
    expect(record.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same content the same hash, whatever order its keys were saved in, and other content another', async () => {
    const draft = services.drafts.create({ presetId: 'crm' });
    const first = services.versions.save({ draftId: draft.id, party: 'ourProposal', author: 'Li Wei', note: '' });
    // The same draft with every object's keys in reverse order.
    const reversed = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(reversed);
      if (typeof value === 'object' && value !== null) {
        return Object.fromEntries(
          Object.entries(value)
            .reverse()
            .map(([key, inner]) => [key, reversed(inner)]),
        );
      }
      return value;
    };
    const current = services.drafts.get(draft.id);
    services.drafts.save({ id: draft.id, content: reversed(current.content) as Record<string, unknown>, baseRevision: current.revision });
    expect(Object.keys(services.drafts.get(draft.id).content)[0]).not.toBe(Object.keys(current.content)[0]);
    const again = services.versions.save({ draftId: draft.id, party: 'customerCounter', author: 'Hank Scorpio', note: '' });
    expect(again.version.sha256).toBe(first.version.sha256);

    edit(draft, (content) => setAvailability(content, 99.99));
    const changed = services.versions.save({ draftId: draft.id, party: 'ourProposal', author: 'Li Wei', note: '' });
    expect(changed.version.sha256).not.toBe(first.version.sha256);
    expect(changed.version.sha256).toBe((await canonicalHash(services.drafts.get(draft.id).content)).sha256);
  });

  it('refuses a draft with problems, listing them, and saves nothing', () => {
    const draft = services.drafts.create({ presetId: 'crm' });
    edit(draft, (content) => {
      content.title = localized('');
      setAvailability(content, 100);
    });
    const error = errorOf(() => services.versions.save({ draftId: draft.id, party: 'ourProposal', author: 'Li Wei', note: '' })) as {
      code: string;
      key: string;
      params: { count: number };
      problems: { path: (string | number)[]; key: string }[];
    };
    expect(error).toMatchObject({ code: 'invalidInput', key: 'versions.errors.hasProblems', params: { count: 2 } });
    expect(error.problems.map((problem) => problem.path)).toEqual([['title'], ['targets', 'objectives', 0, 'objective']]);
    expect(createI18n('zh-CN').t(error.key, error.params)).toContain('2 个');
    expect(services.versions.list(draft.id)).toEqual([]);
    expect(services.drafts.get(draft.id).status).toBe('drafting');
  });

  it('refuses to freeze a working copy that changed since the revision the user saw', () => {
    const draft = services.drafts.create({ presetId: 'crm' });
    edit(draft, (content) => setAvailability(content, 99.95));
    expect(errorOf(() => services.versions.save({ draftId: draft.id, party: 'ourProposal', author: 'Li Wei', note: '', baseRevision: 0 }))).toMatchObject({
      code: 'conflict',
      params: { revision: 1 },
    });
    expect(services.versions.list(draft.id)).toEqual([]);
    expect(services.versions.save({ draftId: draft.id, party: 'ourProposal', author: 'Li Wei', note: '', baseRevision: 1 }).version.sequence).toBe(1);
  });

  it('answers notFound for a draft or version that does not exist', () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(errorOf(() => services.versions.save({ draftId: missing, party: 'ourProposal', author: 'Li Wei', note: '' }))).toMatchObject({
      code: 'notFound',
      key: 'errors.draftNotFound',
    });
    expect(errorOf(() => services.versions.list(missing))).toMatchObject({ code: 'notFound' });
    expect(errorOf(() => services.versions.get(missing))).toMatchObject({ code: 'notFound', key: 'versions.errors.notFound' });
    expect(errorOf(() => services.versions.restore(missing))).toMatchObject({ code: 'notFound', key: 'versions.errors.notFound' });
  });

  it('remembers the last author as the default, across restarts', () => {
    expect(services.versions.defaultAuthor()).toEqual({ author: null });
    const draft = services.drafts.create({ presetId: 'crm' });
    services.versions.save({ draftId: draft.id, party: 'ourProposal', author: 'Li Wei', note: '' });
    expect(services.versions.defaultAuthor()).toEqual({ author: 'Li Wei' });
    services.close();
    start();
    expect(services.versions.defaultAuthor()).toEqual({ author: 'Li Wei' });
  });
});

describe('versions are immutable', () => {
  it('refuses UPDATE and DELETE of a version through SQL, leaving it as saved', () => {
    const draft = services.drafts.create({ presetId: 'crm' });
    const saved = services.versions.save({ draftId: draft.id, party: 'ourProposal', author: 'Li Wei', note: 'Opening offer' });
    const before = services.versions.get(saved.version.id);
    withRawDatabase((db) => {
      expect(() => db.prepare("UPDATE versions SET note = 'rewritten' WHERE id = ?").run(saved.version.id)).toThrow(/never changed/);
      expect(() => db.prepare("UPDATE versions SET content_json = '{}', sha256 = ? WHERE id = ?").run('0'.repeat(64), saved.version.id)).toThrow(
        /never changed/,
      );
      expect(() => db.prepare('DELETE FROM versions WHERE id = ?').run(saved.version.id)).toThrow(/never deleted/);
      expect(() => db.prepare('DELETE FROM versions').run()).toThrow(/never deleted/);
    });
    expect(services.versions.get(saved.version.id)).toEqual(before);
  });

  it('commits a version with synchronous = FULL, and restores the connection setting afterwards', () => {
    services.close();
    const db = openDatabase(databasePath);
    db.pragma('synchronous = NORMAL');
    const storage = { ...openStorageOn(db), close: () => db.close() };
    try {
      const draftsService = createDraftsService({
        repository: storage.drafts,
        presets: createPresetsService(join(temp.dir, 'templates')),
        clock: steppingClock(),
        dialogs: scriptedDialogs({ savePath: null }),
        locale: () => 'en',
        translate: (locale, key, params) => createI18n(locale).t(key, params),
      });
      const versions = versionsServiceOn(storage, draftsService);
      const draft = draftsService.create({ presetId: 'crm' });

      // What the connection's setting is, and how many versions another connection sees committed, at each PRAGMA.
      const observed: { pragma: string; committedVersions: number }[] = [];
      const reader = openDatabase(databasePath);
      const countVersions = reader.prepare('SELECT count(*) FROM versions').pluck();
      const original = db.pragma.bind(db);
      db.pragma = ((source: string, options?: { simple?: boolean }) => {
        observed.push({ pragma: source, committedVersions: countVersions.get() as number });
        return original(source, options);
      }) as typeof db.pragma;
      try {
        versions.save({ draftId: draft.id, party: 'ourProposal', author: 'Li Wei', note: '' });
      } finally {
        db.pragma = original;
        reader.close();
      }
      expect(observed).toEqual([
        { pragma: 'synchronous', committedVersions: 0 },
        { pragma: 'synchronous = FULL', committedVersions: 0 },
        // Back to NORMAL only once the version is committed.
        { pragma: 'synchronous = 1', committedVersions: 1 },
      ]);
      expect(db.pragma('synchronous', { simple: true })).toBe(1);
    } finally {
      storage.close();
      start();
    }
  });
});

type StorageForVersions = Pick<Storage, 'drafts' | 'settings' | 'versions'>;

/** The repositories openStorage builds, on a connection the test controls. */
function openStorageOn(db: SqliteDatabase): StorageForVersions {
  return { drafts: createDraftsRepository(db), settings: createSettingsRepository(db), versions: createVersionsRepository(db) };
}

function versionsServiceOn(
  storage: StorageForVersions,
  draftsService: ReturnType<typeof createDraftsService>,
  findingsNeedingApproval?: () => unknown[],
): VersionsService {
  return createVersionsService({
    versions: storage.versions,
    drafts: storage.drafts,
    draftsService,
    settings: storage.settings,
    clock: steppingClock('2025-07-01T10:00:00.000Z'),
    locale: () => 'en',
    translate: (locale: Locale, key, params) => createI18n(locale).t(key, params),
    ...(findingsNeedingApproval ? { findingsNeedingApproval } : {}),
  });
}

describe('restore', () => {
  it('copies a version into the working copy as a new revision, leaving every version untouched', () => {
    const draft = services.drafts.create({ presetId: 'crm' });
    const first = services.versions.save({ draftId: draft.id, party: 'ourProposal', author: 'Li Wei', note: '' });
    const edited = edit(draft, (content) => setAvailability(content, 99.95));
    services.versions.save({ draftId: draft.id, party: 'customerCounter', author: 'Hank Scorpio', note: '' });
    const versionsBefore = services.versions.list(draft.id);
    const rawBefore = withRawDatabase((db) => db.prepare('SELECT * FROM versions ORDER BY sequence').all());

    const restored = services.versions.restore(first.version.id);
    expect(restored.revision).toBe(edited.revision + 1);
    expect(restored.previousContent).toEqual(edited.content);
    const after = services.drafts.get(draft.id);
    expect(after.revision).toBe(restored.revision);
    expect(after.content).toEqual(services.versions.get(first.version.id).content);
    expect(availabilityOf(after.content)).toBe(99.9);

    expect(services.versions.list(draft.id)).toEqual(versionsBefore);
    expect(withRawDatabase((db) => db.prepare('SELECT * FROM versions ORDER BY sequence').all())).toEqual(rawBefore);

    // Undo: the previous working copy, saved on top of the restore.
    services.drafts.save({ id: draft.id, content: restored.previousContent, baseRevision: restored.revision });
    expect(services.drafts.get(draft.id).content).toEqual(edited.content);
  });
});

describe('status, agreement and signature', () => {
  it('moves drafting → negotiating on a proposal, keeps it on an internal version, then agreed and signed', () => {
    const draft = services.drafts.create({ presetId: 'crm' });
    expect(draft.status).toBe('drafting');
    expect(services.versions.save({ draftId: draft.id, party: 'internal', author: 'Li Wei', note: '' }).draftStatus).toBe('drafting');
    const proposal = services.versions.save({ draftId: draft.id, party: 'ourProposal', author: 'Li Wei', note: '' });
    expect(proposal.draftStatus).toBe('negotiating');
    expect(services.drafts.get(draft.id).status).toBe('negotiating');
    expect(services.drafts.list({ query: '', view: 'active', sort: 'updated' })[0]).toMatchObject({ status: 'negotiating', amendsVersionId: null });

    const agreed = services.versions.markAgreed({ versionId: proposal.version.id, author: 'Li Wei', note: 'Accepted by phone' });
    expect(agreed).toMatchObject({
      draftStatus: 'agreed',
      version: { sequence: 3, party: 'agreed', note: 'Accepted by phone', sha256: proposal.version.sha256 },
    });
    expect(services.drafts.get(draft.id).status).toBe('agreed');

    const signed = services.versions.markSigned({ versionId: agreed.version.id, author: 'Li Wei', note: '' });
    expect(signed).toMatchObject({ draftStatus: 'signed', version: { sequence: 4, party: 'signed', sha256: proposal.version.sha256 } });
    expect(draftRecordSchema.parse(services.drafts.get(draft.id)).status).toBe('signed');
  });

  it('records an approval with the agreed version: who, when, note and the findings approved', () => {
    const draft = services.drafts.create({ presetId: 'crm' });
    const proposal = services.versions.save({ draftId: draft.id, party: 'ourProposal', author: 'Li Wei', note: '' });
    const findings = [{ ruleId: 'availability-above', severity: 'needsApproval', value: 99.99 }];
    const agreed = services.versions.markAgreed({
      versionId: proposal.version.id,
      author: 'Li Wei',
      note: '',
      approval: { approver: 'Dana Legal', note: 'Strategic account', findings },
    });
    expect(agreed.version.approvals).toEqual([
      { id: expect.any(String), approver: 'Dana Legal', approvedAt: agreed.version.createdAt, note: 'Strategic account', findings },
    ]);
    const listed = services.versions.list(draft.id);
    expect(listed.map((version) => version.approvals.length)).toEqual([0, 1]);
    expect(listed[1]!.approvals[0]).toEqual(agreed.version.approvals[0]);
    expect(services.versions.get(agreed.version.id).approvals).toEqual(agreed.version.approvals);
  });

  it('refuses to mark agreed without an approval when the playbook hook finds positions needing one', () => {
    services.close();
    const storage = openStorage(databasePath);
    try {
      const draftsService = createDraftsService({
        repository: storage.drafts,
        presets: createPresetsService(join(temp.dir, 'templates')),
        clock: steppingClock(),
        dialogs: scriptedDialogs({ savePath: null }),
        locale: () => 'en',
        translate: (locale, key, params) => createI18n(locale).t(key, params),
      });
      const versions = versionsServiceOn(storage, draftsService, () => [{ ruleId: 'credit-cap-missing' }]);
      const draft = draftsService.create({ presetId: 'crm' });
      const proposal = versions.save({ draftId: draft.id, party: 'ourProposal', author: 'Li Wei', note: '' });
      expect(errorOf(() => versions.markAgreed({ versionId: proposal.version.id, author: 'Li Wei', note: '' }))).toMatchObject({
        code: 'invalidInput',
        key: 'versions.errors.approvalRequired',
        params: { count: 1 },
      });
      expect(errorOf(() => versions.save({ draftId: draft.id, party: 'agreed', author: 'Li Wei', note: '' }))).toMatchObject({
        key: 'versions.errors.approvalRequired',
      });
      expect(versions.list(draft.id)).toHaveLength(1);
      // Signing agrees too: a proposal beyond the playbook is not signed without an approval either.
      expect(errorOf(() => versions.markSigned({ versionId: proposal.version.id, author: 'Li Wei', note: '' }))).toMatchObject({
        key: 'versions.errors.approvalRequiredToSign',
        params: { count: 1 },
      });
      expect(versions.list(draft.id)).toHaveLength(1);
      const approved = versions.markAgreed({
        versionId: proposal.version.id,
        author: 'Li Wei',
        note: 'Approved on the call',
        // What the client claims was approved is not what is recorded: the main process's own findings are.
        approval: { approver: 'Dana Legal', note: 'Strategic account', findings: [{ ruleId: 'something-else' }] },
      });
      expect(approved.draftStatus).toBe('agreed');
      expect(approved.version.approvals).toEqual([
        {
          id: expect.any(String),
          approver: 'Dana Legal',
          approvedAt: approved.version.createdAt,
          note: 'Strategic account',
          findings: [{ ruleId: 'credit-cap-missing' }],
        },
      ]);
      // The agreed content was approved, so signing it needs no second approval.
      const signed = versions.markSigned({ versionId: approved.version.id, author: 'Li Wei', note: '' });
      expect(signed).toMatchObject({ draftStatus: 'signed', version: { party: 'signed', approvals: [] } });
    } finally {
      storage.close();
      start();
    }
  });

  it('locks a signed draft: the working copy becomes the signed content and no save, version or restore is accepted', () => {
    const draft = services.drafts.create({ presetId: 'crm' });
    const proposal = services.versions.save({ draftId: draft.id, party: 'ourProposal', author: 'Li Wei', note: '' });
    // The working copy moved on after the proposal; signing the proposal brings it back to what was signed.
    const moved = edit(draft, (content) => setAvailability(content, 99.99));
    const signed = services.versions.markSigned({ versionId: proposal.version.id, author: 'Li Wei', note: 'Signed in Shanghai' });
    expect(signed.revision).toBe(moved.revision + 1);
    const locked = services.drafts.get(draft.id);
    expect(locked.content).toEqual(services.versions.get(proposal.version.id).content);
    expect(locked.revision).toBe(signed.revision);

    const lockedError = { code: 'locked', key: 'errors.locked' };
    expect(errorOf(() => services.drafts.save({ id: draft.id, content: moved.content, baseRevision: locked.revision }))).toEqual(lockedError);
    expect(errorOf(() => services.versions.save({ draftId: draft.id, party: 'ourProposal', author: 'Li Wei', note: '' }))).toEqual(lockedError);
    expect(errorOf(() => services.versions.restore(proposal.version.id))).toEqual(lockedError);
    expect(errorOf(() => services.versions.markAgreed({ versionId: proposal.version.id, author: 'Li Wei', note: '' }))).toEqual(lockedError);
    expect(errorOf(() => services.versions.markSigned({ versionId: proposal.version.id, author: 'Li Wei', note: '' }))).toEqual(lockedError);
    expect(services.drafts.get(draft.id)).toEqual(locked);
    expect(services.versions.list(draft.id)).toHaveLength(2);
    for (const locale of ['en', 'zh-CN'] as const) expect(createI18n(locale).t('errors.locked')).not.toBe('errors.locked');
  });
});

describe('marking agreed or signed after an agreement', () => {
  it('refuses to mark a round older than an agreed one, says why in both languages, and still marks the agreed round and later ones', () => {
    const draft = services.drafts.create({ presetId: 'crm' });
    const proposal = services.versions.save({ draftId: draft.id, party: 'ourProposal', author: 'Li Wei', note: '' });
    edit(draft, (content) => setAvailability(content, 99.95));
    const counter = services.versions.save({ draftId: draft.id, party: 'customerCounter', author: 'Li Wei', note: '' });
    const agreed = services.versions.markAgreed({ versionId: counter.version.id, author: 'Li Wei', note: '' });
    expect(agreed.version.sequence).toBe(3);

    for (const older of [proposal.version, counter.version]) {
      for (const mark of [services.versions.markAgreed, services.versions.markSigned]) {
        expect(errorOf(() => mark({ versionId: older.id, author: 'Li Wei', note: '' }))).toMatchObject({
          code: 'invalidInput',
          key: 'versions.errors.olderThanAgreed',
          params: { version: older.sequence, agreed: 3 },
        });
      }
    }
    expect(services.versions.list(draft.id)).toHaveLength(3);
    expect(createI18n('en').t('versions.errors.olderThanAgreed', { version: 1, agreed: 3 })).toBe(
      'v1 is older than v3, which is already agreed: an older version can no longer be marked agreed or signed. Mark v3 or a later version.',
    );
    expect(createI18n('zh-CN').t('versions.errors.olderThanAgreed', { version: 1, agreed: 3 })).toBe(
      'v1早于已商定的v3：较早的版本不能再标记为已商定或已签署。请标记v3或之后的版本。',
    );

    // A round saved after the agreement (the parties reopened a point) may be agreed in its turn.
    edit(draft, (content) => setAvailability(content, 99.9));
    const reopened = services.versions.save({ draftId: draft.id, party: 'ourProposal', author: 'Li Wei', note: '' });
    expect(services.versions.markAgreed({ versionId: reopened.version.id, author: 'Li Wei', note: '' }).version.sequence).toBe(5);
    // Now the first agreement is older than the second one.
    expect(errorOf(() => services.versions.markSigned({ versionId: agreed.version.id, author: 'Li Wei', note: '' }))).toMatchObject({
      key: 'versions.errors.olderThanAgreed',
      params: { version: 3, agreed: 5 },
    });
    const signed = services.versions.markSigned({ versionId: services.versions.list(draft.id)[4]!.id, author: 'Li Wei', note: '' });
    expect(signed).toMatchObject({ draftStatus: 'signed', version: { sequence: 6, party: 'signed' } });
  });
});

describe('amendments', () => {
  function signedAgreement(title?: string) {
    const draft = services.drafts.create({ presetId: 'crm', ...(title ? { title } : {}) });
    const proposal = services.versions.save({ draftId: draft.id, party: 'ourProposal', author: 'Li Wei', note: '' });
    const signed = services.versions.markSigned({ versionId: proposal.version.id, author: 'Li Wei', note: '' });
    return { draft, signed: signed.version };
  }

  it('starts a new draft from the signed version, linked to it and numbered', () => {
    const { draft, signed } = signedAgreement();
    const amendment = services.versions.startAmendment(signed.id);
    expect(draftRecordSchema.parse(amendment)).toEqual(amendment);
    expect(amendment).toMatchObject({
      title: 'Acme CRM Service Level Agreement — Amendment 1',
      status: 'drafting',
      amendsVersionId: signed.id,
      revision: 0,
    });
    expect(amendment.id).not.toBe(draft.id);
    const signedContent = services.versions.get(signed.id).content;
    expect({ ...amendment.content, title: signedContent.title }).toEqual(signedContent);
    // The amendment is an ordinary draft: it saves and versions, while the signed draft stays locked.
    expect(services.versions.save({ draftId: amendment.id, party: 'ourProposal', author: 'Li Wei', note: '' }).version.sequence).toBe(1);
    expect(services.drafts.get(draft.id).status).toBe('signed');

    // Amendment numbers count through the whole agreement.
    expect(services.versions.startAmendment(signed.id).title).toBe('Acme CRM Service Level Agreement — Amendment 2');
    const amendmentSigned = services.versions.markSigned({ versionId: services.versions.list(amendment.id)[0]!.id, author: 'Li Wei', note: '' });
    const third = services.versions.startAmendment(amendmentSigned.version.id);
    expect(third).toMatchObject({ title: 'Acme CRM Service Level Agreement — Amendment 3', amendsVersionId: amendmentSigned.version.id });
  });

  it('titles an amendment in Chinese when the app is in Chinese', () => {
    services.settings.setLocale('zh-CN');
    const { signed } = signedAgreement('云数据库服务等级协议');
    expect(services.versions.startAmendment(signed.id).title).toBe('云数据库服务等级协议（第1号修订）');
  });

  it('titles the amendment of a bilingual agreement in both languages', () => {
    const draft = services.drafts.create({ presetId: 'crm' });
    services.drafts.save({ id: draft.id, content: translated(englishDraft()), baseRevision: 0 });
    const proposal = services.versions.save({ draftId: draft.id, party: 'ourProposal', author: 'Li Wei', note: '' });
    const signed = services.versions.markSigned({ versionId: proposal.version.id, author: 'Li Wei', note: '' });
    const amendment = services.versions.startAmendment(signed.version.id);
    expect(amendment.content.title).toEqual(localized('Acme CRM Service Level Agreement — Amendment 1', 'Acme CRM 服务水平协议（第1号修订）'));
    expect(amendment.title).toBe('Acme CRM Service Level Agreement — Amendment 1 (Acme CRM 服务水平协议（第1号修订）)');
    // Still a draft with no problem: it versions like any other.
    expect(services.versions.save({ draftId: amendment.id, party: 'ourProposal', author: 'Li Wei', note: '' }).version.sequence).toBe(1);
  });

  it('tells what an amendment amends: the signed version, its number and the title the agreement was signed under', () => {
    const { draft, signed } = signedAgreement();
    expect(services.versions.amendedAgreement(draft.id)).toBeNull();
    const first = services.versions.startAmendment(signed.id);
    const second = services.versions.startAmendment(signed.id);
    expect(services.versions.amendedAgreement(first.id)).toMatchObject({
      number: 1,
      title: localized('Acme CRM Service Level Agreement'),
      signed: { id: signed.id },
    });
    expect(services.versions.amendedAgreement(second.id)).toMatchObject({ number: 2, signed: { id: signed.id } });
    // An amendment of an amendment names the agreement, not "… — Amendment 1".
    const firstSigned = services.versions.markSigned({
      versionId: services.versions.save({ draftId: first.id, party: 'ourProposal', author: 'Li Wei', note: '' }).version.id,
      author: 'Li Wei',
      note: '',
    });
    const third = services.versions.startAmendment(firstSigned.version.id);
    expect(services.versions.amendedAgreement(third.id)).toMatchObject({
      number: 3,
      title: localized('Acme CRM Service Level Agreement'),
      signed: { id: firstSigned.version.id, content: { title: localized('Acme CRM Service Level Agreement — Amendment 1') } },
    });
  });

  it('refuses to amend from a version that is not signed', () => {
    const draft = services.drafts.create({ presetId: 'crm' });
    const proposal = services.versions.save({ draftId: draft.id, party: 'ourProposal', author: 'Li Wei', note: '' });
    expect(errorOf(() => services.versions.startAmendment(proposal.version.id))).toMatchObject({
      code: 'invalidInput',
      key: 'versions.errors.notSigned',
    });
    expect(services.drafts.list({ query: '', view: 'active', sort: 'updated' })).toHaveLength(1);
  });
});

describe('versionLabel', () => {
  it('names a version for exports and the timeline in both languages, with the short hash', () => {
    expect(versionLabel({ sequence: 3, party: 'customerCounter' }, 'en')).toBe('v3 — Customer counter-proposal');
    expect(versionLabel({ sequence: 3, party: 'customerCounter' }, 'zh-CN')).toBe('第3版 — 客户反提案');
    expect(versionLabel({ sequence: 12, party: 'signed' }, 'en')).toBe('v12 — Signed');
    expect(shortHash('3f9a1c2b'.padEnd(64, 'e'))).toBe('3f9a1c2b');
  });
});

describe('content stored by an older app (schemaVersion 1)', () => {
  const version1Text = readFileSync(join(__dirname, '../../src-shared/model/fixtures/schema-v1/standard-saas.sla.json'), 'utf8');
  const version1 = JSON.parse(version1Text) as Record<string, unknown>;

  /** A working copy as the version-1 app left it in the database. */
  function storeVersion1Draft(): string {
    const id = 'draft-from-version-1';
    withRawDatabase((db) =>
      createDraftsRepository(db).insert({ id, fields: listFieldsOf(version1), contentJson: JSON.stringify(version1), now: '2026-11-30T10:00:00.000Z' }),
    );
    return id;
  }

  it('reads the working copy in the current form, and saves it so at the next save', () => {
    const id = storeVersion1Draft();
    const record = services.drafts.get(id);
    expect(record.content).toMatchObject({ schemaVersion: SCHEMA_VERSION, mainAgreement: { relation: 'standAlone' } });
    services.drafts.save({ id, content: record.content, baseRevision: record.revision });
    const stored = withRawDatabase((db) => db.prepare('SELECT content_json FROM drafts WHERE id = ?').get(id)) as { content_json: string };
    expect(JSON.parse(stored.content_json)).toMatchObject({ schemaVersion: SCHEMA_VERSION });
  });

  it('keeps a saved version exactly as stored: its canonical JSON and hash, when read, agreed and signed', async () => {
    const id = storeVersion1Draft();
    const saved = services.versions.save({ draftId: id, party: 'ourProposal', author: 'Li Wei', note: '' });
    const hash = (await canonicalHash(version1)).sha256;
    expect(saved.version.sha256).toBe(hash);
    const rawBefore = withRawDatabase((db) => db.prepare('SELECT content_json, sha256 FROM versions WHERE id = ?').get(saved.version.id));
    expect(rawBefore).toEqual({ content_json: canonicalJson(version1), sha256: hash });

    // Read in the current form, under the hash it was saved with.
    const record = services.versions.get(saved.version.id);
    expect(record.sha256).toBe(hash);
    expect(record.content).toMatchObject({ schemaVersion: SCHEMA_VERSION, mainAgreement: { relation: 'standAlone' } });

    // Agreeing and signing freeze the stored content again: the same hash the other party saw.
    const agreed = services.versions.markAgreed({ versionId: saved.version.id, author: 'Li Wei', note: '' });
    expect(agreed.version.sha256).toBe(hash);
    const signed = services.versions.markSigned({ versionId: agreed.version.id, author: 'Li Wei', note: '' });
    expect(signed.version.sha256).toBe(hash);
    expect(withRawDatabase((db) => db.prepare('SELECT content_json, sha256 FROM versions WHERE id = ?').get(saved.version.id))).toEqual(rawBefore);
  });
});
