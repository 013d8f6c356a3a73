/**
 * The playbook findings and market notes of the working copy, kept beside
 * the draft store: recomputed once per change of the draft (not per field),
 * indexed by the DOM id of the field they belong to, and handed out with a
 * stable identity while unchanged, so a keystroke re-renders only the
 * fields whose notes really changed.
 */
import type { SlaDraft } from '../../../src-shared/model';
import { evaluatePlaybook, marketNotesForDraft, type Finding, type MarketPosition, type MarketReference, type Playbook } from '../../../src-shared/playbook';
import { fieldId } from '../common/draftPath';

export interface DraftSource {
  getDraft: () => SlaDraft;
  subscribe: (listener: () => void) => () => void;
}

export interface FieldNotes {
  findings: Finding[];
  market: MarketPosition[];
}

/**
 * The wizard shows the cap's number field only while there is a cap; for
 * an uncapped draft, what is said about the cap goes beside the "Uncapped
 * credits" switch instead (CompensationStep's Cap).
 */
export const UNCAPPED_SWITCH_ID = 'field-compensation-uncapped';

const NO_FINDINGS: Finding[] = [];

function findingSignature(finding: Finding): string {
  return `${finding.limitId}|${finding.key}|${finding.severity}|${finding.scope}|${JSON.stringify(finding.actual)}|${JSON.stringify(finding.limit)}|${JSON.stringify(finding.params)}`;
}

function notesSignature(notes: FieldNotes): string {
  return [...notes.findings.map(findingSignature), ...notes.market.map((position) => `${position.term}|${position.value}|${position.relation}`)].join('\n');
}

export class PlaybookStore {
  private draft: SlaDraft | null = null;
  private findings: Finding[] = NO_FINDINGS;
  private findingsKey = '';
  private notes = new Map<string, { notes: FieldNotes; signature: string }>();

  constructor(
    private readonly source: DraftSource,
    readonly playbook: Playbook | null,
    readonly market: MarketReference | null,
  ) {}

  subscribe = (listener: () => void): (() => void) => this.source.subscribe(listener);

  /** Every finding of the working copy, in the playbook's order; the same array while they do not change. */
  getFindings = (): Finding[] => {
    this.refresh();
    return this.findings;
  };

  /** What to show beside the field with this DOM id; null when nothing. */
  notesFor(id: string): FieldNotes | null {
    this.refresh();
    return this.notes.get(id)?.notes ?? null;
  }

  private refresh(): void {
    const draft = this.source.getDraft();
    if (draft === this.draft) return;
    this.draft = draft;

    const findings = evaluatePlaybook(draft, this.playbook);
    const key = findings.map(findingSignature).join('\n');
    if (key !== this.findingsKey) {
      this.findings = findings.length === 0 ? NO_FINDINGS : findings;
      this.findingsKey = key;
    }

    const uncapped = draft.compensation?.capPercent === null;
    const idOf = (path: (string | number)[]) =>
      uncapped && path.length === 2 && path[0] === 'compensation' && path[1] === 'capPercent' ? UNCAPPED_SWITCH_ID : fieldId(path);
    const next = new Map<string, FieldNotes>();
    const entry = (id: string) => {
      let notes = next.get(id);
      if (!notes) {
        notes = { findings: [], market: [] };
        next.set(id, notes);
      }
      return notes;
    };
    for (const finding of this.findings) entry(idOf(finding.path)).findings.push(finding);
    for (const note of marketNotesForDraft(draft, this.market)) entry(idOf(note.path)).market.push(note.position);

    const indexed = new Map<string, { notes: FieldNotes; signature: string }>();
    for (const [id, notes] of next) {
      const signature = notesSignature(notes);
      const previous = this.notes.get(id);
      indexed.set(id, previous && previous.signature === signature ? previous : { notes, signature });
    }
    this.notes = indexed;
  }
}
