/**
 * Upgrading a draft document written by an older app to the current
 * `schemaVersion` (docs/FORMAT.md, "Versions and migration"). A migration
 * works on the parsed JSON before validation, never changes the document it
 * is given, and keeps the meaning the old contract text had: what an older
 * draft printed, the upgraded draft prints again wherever a field can say it.
 *
 * Stored content (a working copy, a saved version) is upgraded when it is
 * read; the stored text of a saved version and its hash are never rewritten.
 */
import { problem, type Problem } from './problems';
import { SCHEMA_VERSION } from './schema';

type Document = Record<string, unknown>;
/** Upgrades a document of version N (the key) to version N + 1. */
export type Migration = (document: Document) => Document;

function isRecord(value: unknown): value is Document {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The document with `section` replaced by `change(section)`, when the section is an object; else the document unchanged. */
function withSection(document: Document, key: string, change: (section: Document) => Document): Document {
  const section = document[key];
  return isRecord(section) ? { ...document, [key]: change(section) } : document;
}

/**
 * The claim steps version 1 printed for each wording of the claim clause:
 * the provider's wording counted the window from the end of the Measurement
 * Period and deemed nothing confirmed; the balanced wording counted it from
 * the report and deemed an undisputed claim confirmed after ten Business
 * Days; the customer's wording applied credits without a claim.
 */
function claimStepsOfVersion1(position: unknown): Document {
  if (position === 'provider') return { application: 'onClaim', windowFrom: 'periodEnd', answerBusinessDays: 10, deemedConfirmed: false };
  if (position === 'customer') return { application: 'automatic', windowFrom: 'report', answerBusinessDays: 10, deemedConfirmed: true };
  return { application: 'onClaim', windowFrom: 'report', answerBusinessDays: 10, deemedConfirmed: true };
}

/**
 * Version 1 → 2: the main agreement, the claim steps, the emergency
 * maintenance cap and which downtime rule prevails became fields. A
 * version-1 SLA named no main agreement, so it becomes a deliberately
 * stand-alone one; it had no emergency maintenance cap, and its definition
 * of Downtime pointed to the monitoring clause alone.
 */
function version1To2(document: Document): Document {
  const contract = isRecord(document.contract) ? document.contract : {};
  const positions = isRecord(contract.positions) ? contract.positions : {};
  let upgraded: Document = { ...document };
  if (!('mainAgreement' in upgraded)) upgraded.mainAgreement = { relation: 'standAlone', title: '', titleZh: '', date: '' };
  upgraded = withSection(upgraded, 'targets', (targets) =>
    withSection(targets, 'maintenance', (maintenance) =>
      'emergencyMaxHoursPerMonth' in maintenance ? maintenance : { ...maintenance, emergencyMaxHoursPerMonth: null },
    ),
  );
  upgraded = withSection(upgraded, 'monitoring', (monitoring) =>
    'methodDowntimePrevails' in monitoring ? monitoring : { ...monitoring, methodDowntimePrevails: false },
  );
  upgraded = withSection(upgraded, 'compensation', (compensation) =>
    'claims' in compensation ? compensation : { ...compensation, claims: claimStepsOfVersion1(positions['claims.procedure']) },
  );
  return upgraded;
}

export const FILE_MIGRATIONS: Readonly<Record<number, Migration>> = { 1: version1To2 };

export function migrateDocument(
  document: Document,
  migrations: Readonly<Record<number, Migration>> = FILE_MIGRATIONS,
  target: number = SCHEMA_VERSION,
): { ok: true; document: Document; migratedFrom: number | null } | { ok: false; problems: Problem[] } {
  const version = document.schemaVersion;
  if (version === undefined) return { ok: false, problems: [problem(['schemaVersion'], 'file.schemaVersionMissing')] };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, problems: [problem(['schemaVersion'], 'file.schemaVersion', { supported: target })] };
  }
  if (version > target) {
    return { ok: false, problems: [problem(['schemaVersion'], 'file.futureSchema', { found: version, supported: target })] };
  }
  let current = document;
  for (let from = version; from < target; from++) {
    const migrate = migrations[from];
    if (!migrate) return { ok: false, problems: [problem(['schemaVersion'], 'file.schemaVersion', { supported: target })] };
    current = { ...migrate(current), schemaVersion: from + 1 };
  }
  return { ok: true, document: current, migratedFrom: version === target ? null : version };
}

/**
 * Content an older app stored, upgraded for reading; content that cannot be
 * upgraded (no or a future version, not an object) is returned as it is, for
 * validation to report. The argument is never changed.
 */
export function upgradeContent<T>(content: T): T {
  if (!isRecord(content)) return content;
  const result = migrateDocument(content);
  return result.ok ? (result.document as T) : content;
}
