/**
 * Versions: the negotiation rounds of a draft. Saving a version freezes the
 * working copy as an immutable snapshot — canonical JSON and its SHA-256,
 * a sequence number, the party whose position it is, author, note and time.
 * Marking a round agreed or signed saves a new version with that party and
 * the marked round's content, so the timeline records who did it and when;
 * a signed draft is locked, and a later change starts as an amendment (a new
 * draft linked to the signed version).
 *
 * Only a draft without problems becomes a version: a round is what is sent
 * to the customer, exported and compared, so it must be a complete SLA.
 */
import { randomUUID } from 'node:crypto';
import type { DraftsRepository, SettingsRepository, StoredApproval, StoredVersionSummary, VersionsRepository } from '../db';
import type { ApiParsedInput, ApiOutput, Approval, DraftRecord, VersionRecord, VersionSummary } from '../../src-shared/api';
import type { Locale } from '../../src-shared/i18n';
import { asLocalizedText, isBlankText, type LocalizedText } from '../../src-shared/model/localized';
import { canonicalJson } from '../../src-shared/model/canonical';
import type { Problem } from '../../src-shared/model/problems';
import type { SlaDraft } from '../../src-shared/model/schema';
import { upgradeContent } from '../../src-shared/model/migrate';
import { validateDraft } from '../../src-shared/model/validate';
import { statusAfterVersion, type VersionParty } from '../../src-shared/model/version';
import { sha256Hex } from '../sha256';
import { listFieldsOf, retitle, type DraftContent, type DraftsService } from './drafts';
import { ServiceError } from './errors';
import type { Clock } from './ports';

/** Settings key of the author the save dialog suggests: the name this user last saved a version under. */
export const DEFAULT_AUTHOR_KEY = 'versions.defaultAuthor';

type FrozenVersion = ApiOutput<'versions.save'>;
type ApprovalInput = NonNullable<ApiParsedInput<'versions.save'>['approval']>;

export interface VersionsService {
  /** Oldest first, with their approvals. */
  list(draftId: string): VersionSummary[];
  get(id: string): VersionRecord;
  /** Freeze the draft's stored working copy (the renderer flushes its autosave first). */
  save(request: ApiParsedInput<'versions.save'>): FrozenVersion;
  /** Copy a version's content into the working copy, as a normal save; the versions stay as they are. */
  restore(versionId: string): ApiOutput<'versions.restore'>;
  markAgreed(request: ApiParsedInput<'versions.markAgreed'>): FrozenVersion;
  markSigned(request: ApiParsedInput<'versions.markSigned'>): FrozenVersion;
  defaultAuthor(): { author: string | null };
  /** A new draft from a signed version, linked to it, titled "… — Amendment N". */
  startAmendment(versionId: string): DraftRecord;
  /** What an amendment draft amends: the signed version, the amendment's number and the agreement's title; null for an original agreement. */
  amendedAgreement(draftId: string): AmendedAgreementOf | null;
}

/** The signed agreement an amendment draft amends. */
export interface AmendedAgreementOf {
  /** The signed version amended, with its content. */
  signed: VersionRecord;
  /** 2 for the agreement's second amendment, counted in the order the amendments were started. */
  number: number;
  /** The title the agreement was first signed under (not "… — Amendment 1"). */
  title: LocalizedText;
}

export interface VersionsServiceDeps {
  versions: VersionsRepository;
  drafts: DraftsRepository;
  draftsService: Pick<DraftsService, 'get' | 'save'>;
  settings: SettingsRepository;
  clock: Clock;
  locale: () => Locale;
  translate: (locale: Locale, key: string, params?: Record<string, string | number>) => string;
  /**
   * What in a draft needs an approval before it may be marked agreed (the
   * playbook's findings); none by default. When a draft has any, marking it
   * agreed without an approval is refused, and so is signing it unless the
   * same content was approved in an earlier round.
   */
  findingsNeedingApproval?: (draft: SlaDraft) => unknown[];
  /**
   * The contract check's problems on a draft (src-shared/contract-check),
   * in the user's language; none by default. A draft with any is not marked
   * agreed or signed: what both sides agree to must not contradict itself.
   */
  contractProblems?: (draft: SlaDraft) => Problem[];
  newId?: () => string;
}

function toApproval(stored: StoredApproval): Approval {
  return {
    id: stored.id,
    approver: stored.approver,
    approvedAt: stored.approvedAt,
    note: stored.note,
    findings: JSON.parse(stored.findingsJson) as Approval['findings'],
  };
}

function toSummary(stored: StoredVersionSummary, approvals: Approval[]): VersionSummary {
  return {
    id: stored.id,
    draftId: stored.draftId,
    sequence: stored.sequence,
    party: stored.party,
    author: stored.author,
    note: stored.note,
    createdAt: stored.createdAt,
    sha256: stored.sha256,
    approvals,
  };
}

export function createVersionsService(deps: VersionsServiceDeps): VersionsService {
  const { versions, drafts, clock } = deps;
  const newId = deps.newId ?? randomUUID;

  const approvalsOf = (draftId: string): Map<string, Approval[]> => {
    const byVersion = new Map<string, Approval[]>();
    for (const stored of versions.approvalsByDraft(draftId)) {
      const list = byVersion.get(stored.versionId) ?? [];
      list.push(toApproval(stored));
      byVersion.set(stored.versionId, list);
    }
    return byVersion;
  };

  const storedVersion = (id: string) => {
    const version = versions.find(id);
    if (!version) throw new ServiceError('notFound', 'versions.errors.notFound', { id });
    return version;
  };

  /** The draft a version may be made of: valid, so that it is a complete SLA to send, compare and export. */
  const validDraftOf = (content: unknown): SlaDraft => {
    const { draft, problems } = validateDraft(content);
    if (!draft || problems.length > 0) {
      throw new ServiceError('invalidInput', 'versions.errors.hasProblems', { count: problems.length }, problems);
    }
    return draft;
  };

  /** Has this very content (by hash) already been approved in an earlier round of the draft, e.g. when it was agreed? */
  const approvedBefore = (draftId: string, sha256: string): boolean => {
    const approved = new Set(versions.approvalsByDraft(draftId).map((approval) => approval.versionId));
    return versions.listByDraft(draftId).some((version) => version.sha256 === sha256 && approved.has(version.id));
  };

  /**
   * An agreement (and a signature, which agrees too) to positions beyond a
   * needsApproval limit needs an approval recorded with it. Returns what the
   * approval records as approved: the findings computed here from the
   * content, never the client's word for them; the client's list only when
   * the playbook finds nothing (an approval given without a playbook).
   */
  const checkApproval = (draftId: string, draft: SlaDraft, sha256: string, party: VersionParty, approval: ApprovalInput | undefined): unknown[] => {
    if (party !== 'agreed' && party !== 'signed') return approval?.findings ?? [];
    const findings = deps.findingsNeedingApproval?.(draft) ?? [];
    if (findings.length > 0 && !approval && !(party === 'signed' && approvedBefore(draftId, sha256))) {
      throw new ServiceError('invalidInput', party === 'agreed' ? 'versions.errors.approvalRequired' : 'versions.errors.approvalRequiredToSign', {
        count: findings.length,
      });
    }
    return findings.length > 0 ? findings : (approval?.findings ?? []);
  };

  const freeze = (request: {
    draftId: string;
    content: DraftContent;
    party: VersionParty;
    author: string;
    note: string;
    approval: ApprovalInput | undefined;
    expectedRevision: number | null;
    replaceWorkingCopy: boolean;
  }): FrozenVersion => {
    const current = drafts.findSummary(request.draftId);
    if (!current) throw new ServiceError('notFound', 'errors.draftNotFound', { id: request.draftId });
    if (current.status === 'signed') throw new ServiceError('locked', 'errors.locked');
    const draft = validDraftOf(request.content);
    if (request.party === 'agreed' || request.party === 'signed') {
      const problems = deps.contractProblems?.(draft) ?? [];
      if (problems.length > 0) throw new ServiceError('invalidInput', 'contractCheck.blocked', { count: problems.length }, problems);
    }
    // The stored text is the canonical form, so reading a version back and hashing it again gives the same hash.
    const contentJson = canonicalJson(request.content);
    const sha256 = sha256Hex(contentJson);
    const approvedFindings = checkApproval(request.draftId, draft, sha256, request.party, request.approval);
    const versionId = newId();
    const outcome = versions.freeze({
      id: versionId,
      draftId: request.draftId,
      party: request.party,
      author: request.author,
      note: request.note,
      now: clock.now(),
      contentJson,
      sha256,
      status: statusAfterVersion(current.status, request.party),
      expectedRevision: request.expectedRevision,
      approval: request.approval
        ? { id: newId(), approver: request.approval.approver, note: request.approval.note, findingsJson: JSON.stringify(approvedFindings) }
        : null,
      workingCopy: request.replaceWorkingCopy ? { fields: listFieldsOf(request.content), contentJson: JSON.stringify(request.content) } : null,
    });
    switch (outcome.status) {
      case 'notFound':
        throw new ServiceError('notFound', 'errors.draftNotFound', { id: request.draftId });
      case 'locked':
        throw new ServiceError('locked', 'errors.locked');
      case 'conflict':
        throw new ServiceError('conflict', 'errors.conflict', { revision: outcome.currentRevision, baseRevision: request.expectedRevision ?? 0 });
      case 'saved':
        break;
    }
    deps.settings.set(DEFAULT_AUTHOR_KEY, request.author);
    return {
      version: toSummary(outcome.version, approvalsOf(request.draftId).get(versionId) ?? []),
      draftStatus: outcome.draftStatus,
      revision: outcome.revision,
    };
  };

  const mark = (party: 'agreed' | 'signed', request: ApiParsedInput<'versions.markAgreed'>): FrozenVersion => {
    const marked = storedVersion(request.versionId);
    // Once a round is agreed (or signed), what came before it is superseded: only that round or a later one may be agreed or signed.
    // (A signed draft is refused as locked, below, whichever round is named.)
    const agreed =
      drafts.findSummary(marked.draftId)?.status !== 'signed' &&
      versions
        .listByDraft(marked.draftId)
        .findLast((version) => (version.party === 'agreed' || version.party === 'signed') && version.sequence > marked.sequence);
    if (agreed) {
      throw new ServiceError('invalidInput', 'versions.errors.olderThanAgreed', { version: marked.sequence, agreed: agreed.sequence });
    }
    return freeze({
      draftId: marked.draftId,
      content: JSON.parse(marked.contentJson) as DraftContent,
      party,
      author: request.author,
      note: request.note,
      approval: request.approval,
      expectedRevision: null,
      // A signed draft shows, and is locked at, exactly what was signed.
      replaceWorkingCopy: party === 'signed',
    });
  };

  /** The first draft of the agreement a draft belongs to: walk back through the versions amended. */
  const rootDraftOf = (draftId: string): string => {
    let rootDraftId = draftId;
    const seen = new Set<string>([draftId]);
    for (let amended = versions.amendedVersionOf(rootDraftId); amended !== null; amended = versions.amendedVersionOf(rootDraftId)) {
      const parent = versions.find(amended);
      if (!parent || seen.has(parent.draftId)) break;
      seen.add(parent.draftId);
      rootDraftId = parent.draftId;
    }
    return rootDraftId;
  };

  const get = (id: string): VersionRecord => {
    const stored = storedVersion(id);
    const approvals = approvalsOf(stored.draftId).get(id) ?? [];
    // Read in today's form; the stored text and its hash stay as they were saved.
    return { ...toSummary(stored, approvals), content: upgradeContent(JSON.parse(stored.contentJson) as DraftContent) };
  };

  return {
    list(draftId) {
      if (!drafts.findSummary(draftId)) throw new ServiceError('notFound', 'errors.draftNotFound', { id: draftId });
      const approvals = approvalsOf(draftId);
      return versions.listByDraft(draftId).map((stored) => toSummary(stored, approvals.get(stored.id) ?? []));
    },

    get,

    save({ draftId, party, author, note, baseRevision, approval }) {
      const working = drafts.find(draftId);
      if (!working) throw new ServiceError('notFound', 'errors.draftNotFound', { id: draftId });
      if (working.status !== 'signed' && baseRevision !== undefined && baseRevision !== working.revision) {
        throw new ServiceError('conflict', 'errors.conflict', { revision: working.revision, baseRevision });
      }
      return freeze({
        draftId,
        content: JSON.parse(working.contentJson) as DraftContent,
        party,
        author,
        note,
        approval,
        // What was validated above must be what is frozen: refuse if an autosave landed in between.
        expectedRevision: baseRevision ?? working.revision,
        replaceWorkingCopy: false,
      });
    },

    restore(versionId) {
      const version = storedVersion(versionId);
      const before = deps.draftsService.get(version.draftId);
      if (before.status === 'signed') throw new ServiceError('locked', 'errors.locked');
      const saved = deps.draftsService.save({
        id: version.draftId,
        content: upgradeContent(JSON.parse(version.contentJson) as DraftContent),
        baseRevision: before.revision,
      });
      return { ...saved, previousContent: before.content };
    },

    markAgreed: (request) => mark('agreed', request),
    markSigned: (request) => mark('signed', request),

    defaultAuthor() {
      const author = deps.settings.get(DEFAULT_AUTHOR_KEY);
      return { author: author === null || author.trim() === '' ? null : author };
    },

    startAmendment(versionId) {
      const signed = storedVersion(versionId);
      if (signed.party !== 'signed') throw new ServiceError('invalidInput', 'versions.errors.notSigned', { id: versionId });
      // Number the amendments of the whole agreement: walk back to the original draft, then count what descends from it.
      const rootDraftId = rootDraftOf(signed.draftId);
      const number = versions.countAmendments(rootDraftId) + 1;
      const locale = deps.locale();
      const root = drafts.find(rootDraftId);
      const rootTitle = asLocalizedText(root ? upgradeContent(JSON.parse(root.contentJson) as DraftContent).title : undefined, locale);
      // An untitled agreement's amendment is named in the user's language.
      if (isBlankText(rootTitle)) rootTitle[locale] = deps.translate(locale, 'storage.untitledDraft');
      const content = upgradeContent(JSON.parse(signed.contentJson) as DraftContent);
      // In each language the title is written in, within its limit, so the amendment has no problem the signed version had not.
      content.title = retitle(rootTitle, (language, base) => deps.translate(language, 'versions.amendmentTitle', { title: base, n: number }));
      const created = drafts.insert({
        id: newId(),
        fields: listFieldsOf(content),
        contentJson: JSON.stringify(content),
        now: clock.now(),
        amendsVersionId: signed.id,
      });
      return deps.draftsService.get(created.id);
    },

    amendedAgreement(draftId) {
      const amendedId = versions.amendedVersionOf(draftId);
      if (amendedId === null) return null;
      const signed = get(amendedId);
      const rootDraftId = rootDraftOf(draftId);
      const number = versions.amendmentDraftIds(rootDraftId).indexOf(draftId) + 1;
      // The title the agreement was signed under: the original draft's signed round, else the version amended.
      const rootSigned = versions.listByDraft(rootDraftId).findLast((version) => version.party === 'signed');
      const rootContent = rootSigned ? (JSON.parse(storedVersion(rootSigned.id).contentJson) as DraftContent) : null;
      const rootTitle = asLocalizedText(rootContent?.title);
      const title = isBlankText(rootTitle) ? asLocalizedText(signed.content.title) : rootTitle;
      return { signed, number: Math.max(1, number), title };
    },
  };
}
