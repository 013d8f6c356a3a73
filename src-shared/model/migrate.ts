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
import { languageOfText, localized, type LocalizedText, type TextLanguage } from './localized';
import { LOCALIZED_TEXT_PATHS } from './translations';
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

/** `change` applied to every value at `path` in `value`; what is not there (an absent optional field) is left alone. */
export function mapAtPath(value: unknown, path: readonly string[], change: (leaf: unknown) => unknown): unknown {
  if (path.length === 0) return change(value);
  const [head = '', ...rest] = path;
  if (head === '*') {
    if (Array.isArray(value)) return value.map((item) => mapAtPath(item, rest, change));
    if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapAtPath(item, rest, change)]));
    return value;
  }
  if (!isRecord(value) || !Object.hasOwn(value, head)) return value;
  return { ...value, [head]: mapAtPath(value[head], rest, change) };
}

function textsAtPaths(document: Document): string[] {
  const texts: string[] = [];
  for (const path of LOCALIZED_TEXT_PATHS) {
    mapAtPath(document, path, (leaf) => {
      if (typeof leaf === 'string') texts.push(leaf);
      return leaf;
    });
  }
  return texts;
}

/**
 * Version 2 → 3: each free text the contract prints holds an English and a
 * Chinese version. A version-2 text was written in one language, and goes to
 * the language its script says (localized.ts, `languageOfText`); a text of
 * neither script (a number, a code) goes to the draft's prevailing language,
 * the one most of its texts are written in. The contract is printed in the
 * languages its texts were written in: a draft whose texts are all English
 * is an English contract, one with texts in both is bilingual, so that the
 * wizard shows the translations it lacks.
 */
function version2To3(document: Document): Document {
  // Each text's script is read once (a draft repeats its texts: "Scheduled maintenance" in every metric).
  const languages = new Map<string, TextLanguage | undefined>();
  for (const text of textsAtPaths(document)) if (!languages.has(text)) languages.set(text, languageOfText(text));
  let chinese = 0;
  let english = 0;
  for (const text of textsAtPaths(document)) {
    const language = languages.get(text);
    if (language === 'zh-CN') chinese++;
    else if (language === 'en') english++;
  }
  const prevailing: TextLanguage = chinese > english ? 'zh-CN' : 'en';
  const toLocalized = (leaf: unknown): unknown => {
    if (typeof leaf !== 'string') return leaf;
    const text: LocalizedText = (languages.get(leaf) ?? prevailing) === 'en' ? localized(leaf, '') : localized('', leaf);
    return text;
  };
  let upgraded: unknown = document;
  for (const path of LOCALIZED_TEXT_PATHS) upgraded = mapAtPath(upgraded, path, toLocalized);
  const contractLanguages = chinese > 0 && english > 0 ? 'bilingual' : chinese > 0 ? 'zh-CN' : 'en';
  return withSection(upgraded as Document, 'contract', (contract) => ('languages' in contract ? contract : { ...contract, languages: contractLanguages }));
}

export const FILE_MIGRATIONS: Readonly<Record<number, Migration>> = { 1: version1To2, 2: version2To3 };

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
