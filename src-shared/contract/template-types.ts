/**
 * A compiled clause library template (template.ts makes it from the YAML
 * files): plain data (no classes, no functions, no Maps), so it can be sent
 * from the main process to the renderer and cached as JSON. The assembly
 * walks it on every keystroke of the wizard. Also the errors a template
 * that does not compile has, each with its file, clause, field and line.
 */
import type { Position, StepId } from '../model/schema';
import type { Playbook } from '../playbook/limits';
import type { Condition } from './conditions';
import type { CellAlign, CoverLineStyle, ListStyle, TableKind } from './doc';
import type { Localized, Vocabulary } from './filters';
import type { Segment } from './text';

export interface TemplateLabels {
  /** A cross-reference, with {number}: "Clause {number}" / "第{number}条". */
  clauseRef: string;
  pageOf: string;
  version: string;
  workingDraft: string;
  internalCopy: string;
  /** The header of every page of a draft export: "Draft — not for signature". */
  draftNotice: string;
  /** The watermark across every page of a draft export: "DRAFT". */
  draftWatermark: string;
  /**
   * Where a draft's text has not been translated into the document's
   * language, marked as a gap: "[English text missing]" / "[缺少中文文本]".
   */
  missingText: string;
  signature: string;
  /** The signature line of a party that signs without a seal (one outside mainland China); `signature` when the template gives none. */
  authorisedSignature: string;
  name: string;
  title: string;
  date: string;
  seal: string | null;
}

export interface CompiledAlternative {
  when: Condition | null;
  segments: Localized<Segment[]>;
}

/** A text in both languages, or several alternatives of which the first whose condition holds is used. */
export interface CompiledText {
  alternatives: CompiledAlternative[];
}

export interface EachSpec {
  /** The list to repeat over. */
  in: string[];
  /** The name each item takes inside. */
  as: string;
}

interface Guarded {
  /** With `each`, the condition is evaluated for each item. */
  when: Condition | null;
}

export type CompiledBlock =
  | ({ kind: 'text'; text: CompiledText; each: EachSpec | null } & Guarded)
  | { kind: 'clause'; clause: CompiledClause }
  | ({ kind: 'list'; style: ListStyle; punctuate: 'and' | 'or' | null; items: CompiledListItem[] } & Guarded)
  | ({ kind: 'definitions'; items: CompiledDefinition[] } & Guarded)
  | ({
      kind: 'table';
      tableKind: TableKind;
      widths: number[];
      align: CellAlign[];
      header: CompiledText[];
      rows: CompiledRow[];
    } & Guarded)
  | ({ kind: 'signatures'; parties: Array<{ role: 'provider' | 'customer'; heading: CompiledText }> } & Guarded);

export interface CompiledListItem extends Guarded {
  text: CompiledText;
  each: EachSpec | null;
}

export interface CompiledDefinition extends Guarded {
  id: string;
  term: Localized;
  text: CompiledText;
}

export interface CompiledRow extends Guarded {
  cells: CompiledText[];
  each: EachSpec | null;
}

export interface CompiledClause extends Guarded {
  id: string;
  /** The file the clause is written in (for messages). */
  file: string;
  title: CompiledText | null;
  /** The title as written, for pickers that list negotiable clauses. */
  titleSource: Localized | null;
  steps: StepId[];
  numbered: boolean;
  each: EachSpec | null;
  /** Exactly one of body and positions is set. */
  body: CompiledBlock[] | null;
  positions: Record<Position, CompiledBlock[]> | null;
}

export interface CompiledCoverLine extends Guarded {
  id: string;
  style: CoverLineStyle;
  text: CompiledText;
}

export interface Template {
  id: string;
  version: string;
  name: Localized;
  description: Localized | null;
  labels: Localized<TemplateLabels>;
  cover: CompiledCoverLine[];
  clauses: CompiledClause[];
  /** Phrases as used by the clauses ({{> name}}). */
  phrases: Record<string, CompiledText>;
  vocabulary: Vocabulary;
  /** The company's negotiation limits (src-shared/playbook); null when the template has none. */
  playbook: Playbook | null;
}

export interface TemplateError {
  /** The file within the template folder, e.g. "clauses/service-credits.yaml". */
  file: string;
  /** The clause the error is in, when it is in one. */
  clauseId: string | null;
  /** Where in the file, e.g. "body[2].text.zh-CN"; "" for the whole file. */
  field: string;
  /** 1-based line in the file, when known. */
  line: number | null;
  message: string;
}

export type TemplateParseResult = { ok: true; template: Template } | { ok: false; errors: TemplateError[] };
