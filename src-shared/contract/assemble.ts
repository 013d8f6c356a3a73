/**
 * Assembly: draft + template + language → ContractDoc.
 *
 * Runs on every keystroke of the wizard (the live preview), so it does no
 * parsing: the template was compiled once (template.ts), the draft's
 * computed values are built once (context.ts), and this walk only chooses,
 * repeats and fills in.
 *
 * Nothing unresolved reaches the document: a placeholder without a value
 * becomes the blank "[●]" and a problem naming the clause and placeholder.
 */
import { hasText, isLocalizedText, otherLanguage, type LocalizedText } from '../model/localized';
import { partyNameZh, type SlaDraft } from '../model/schema';
import { evaluateCondition, type Condition } from './conditions';
import { buildContext, businessDayMinutes, type AssemblyContextOptions, type ContextObject } from './context';
import {
  blockShape,
  runsText,
  type Block,
  type Clause,
  type ContractDoc,
  type ContractLanguage,
  type CoverLine,
  type Definition,
  type Run,
  type RunSource,
  type TableRow,
} from './doc';
import { applyFilter, type FilterEnvironment } from './filters';
import { partyCountry, signsUnderSeal } from './party-country';
import type { CompiledBlock, CompiledClause, CompiledText, EachSpec, Template } from './template-types';
import type { Segment } from './text';

/** Written where a value is missing, as lawyers mark a blank to fill in. */
export const BLANK = '[●]';

export type AssemblyProblemCode =
  /** A placeholder has no value in this draft (e.g. a metric without a target). */
  | 'unresolved'
  /** A text placeholder is empty (e.g. a party's legal name not yet entered). */
  | 'empty'
  /** A value could not be formatted (not a number where one was expected). */
  | 'format'
  /** None of a text's alternatives applies to this draft. */
  | 'noAlternative'
  /** {{ref:…}} names a clause that this draft's conditions left out. */
  | 'excludedReference'
  /** The two halves of a bilingual pair differ in structure (a template or assembly bug). */
  | 'misaligned'
  /** A draft's text is written in the other language only: marked in the document as a missing translation. */
  | 'untranslated';

export interface AssemblyProblem {
  code: AssemblyProblemCode;
  /** The clause the problem is in; null on the cover. */
  clauseId: string | null;
  /** The placeholder as written in the template, e.g. "{{compensation.capAmount | money}}". */
  placeholder: string | null;
  /** The draft path the value comes from, when known (for the wizard to link to). */
  path: string | null;
  /** English, for logs and the command line. */
  message: string;
}

export interface AssemblyOptions extends AssemblyContextOptions {
  /** e.g. "v3 — customer counter-proposal"; on the cover and in the footer. */
  versionLabel?: string | null;
  /** The contract's identity as its footer prints it (contractIdentity in model/version.ts). */
  identity?: string | null;
  /** An internal copy: the file carries the whole draft, negotiation included, and its footer says so. */
  internalCopy?: boolean;
}

export interface AssemblyResult {
  doc: ContractDoc;
  problems: AssemblyProblem[];
}

interface Binding {
  value: unknown;
  path: string;
}
type Vars = Record<string, Binding>;

interface Style {
  bold: boolean;
  italic: boolean;
}
const PLAIN: Style = { bold: false, italic: false };

function isContextObject(value: unknown): value is ContextObject {
  return typeof value === 'object' && value !== null && typeof (value as { $path?: unknown }).$path === 'string';
}

function styled(text: string, style: Style, extra: Partial<Run> = {}): Run {
  const run: Run = { text };
  if (style.bold) run.bold = true;
  if (style.italic) run.italic = true;
  return Object.assign(run, extra);
}

/** Joins neighbouring runs of template wording with the same look. */
function mergeRuns(runs: Run[]): Run[] {
  const merged: Run[] = [];
  for (const run of runs) {
    if (run.text === '' && !run.ref) continue;
    const last = merged[merged.length - 1];
    const plain = (r: Run) => !r.source && !r.ref && !r.blank;
    if (last && plain(last) && plain(run) && Boolean(last.bold) === Boolean(run.bold) && Boolean(last.italic) === Boolean(run.italic)) {
      merged[merged.length - 1] = { ...last, text: last.text + run.text };
    } else {
      merged.push(run);
    }
  }
  return merged;
}

const TRAILING_PUNCTUATION = /[\s.;,:。；，：]+$/;

/**
 * Ends the items of an enumeration the way a contract does — English
 * "…;", "…; and", "…."; Chinese "…；", "…；或", "…。" — whichever items the
 * draft's conditions kept. Punctuation already at the end of an item (a
 * user's own "." on a free-text exclusion) is replaced, not doubled.
 */
function punctuate(items: Run[][], conjunction: 'and' | 'or', language: ContractLanguage): void {
  const words = language === 'en' ? { and: '; and', or: '; or' } : { and: '；', or: '；或' };
  const between = language === 'en' ? ';' : '；';
  const end = language === 'en' ? '.' : '。';
  items.forEach((runs, i) => {
    const ending = i === items.length - 1 ? end : i === items.length - 2 ? words[conjunction] : between;
    const last = runs[runs.length - 1];
    if (last && !last.blank && !last.ref) last.text = last.text.replace(TRAILING_PUNCTUATION, '');
    if (last && !last.source && !last.blank && !last.ref) last.text += ending;
    else runs.push({ text: ending });
  });
}

/** Text the user typed goes in as typed, except that it can never look like a placeholder. */
function userText(text: string): string {
  return text.includes('{{') ? text.replaceAll('{{', '{ {') : text;
}

class Assembler {
  readonly problems: AssemblyProblem[] = [];
  private readonly problemKeys = new Set<string>();
  private readonly numbers = new Map<string, number[]>();
  private readonly pendingRefs: Array<{ run: Run; target: string; clauseId: string | null }> = [];
  private clauseId: string | null = null;
  private readonly env: FilterEnvironment;
  private readonly rootVars: Vars;

  constructor(
    private readonly draft: SlaDraft,
    private readonly template: Template,
    private readonly language: ContractLanguage,
    private readonly root: Record<string, unknown>,
  ) {
    this.env = {
      language,
      currency: draft.compensation.currency,
      vocabulary: template.vocabulary,
      businessDayMinutes: businessDayMinutes(draft.expectations.businessHours),
    };
    this.rootVars = {};
  }

  private problem(code: AssemblyProblemCode, placeholder: string | null, path: string | null, message: string): void {
    const key = `${code}|${this.clauseId ?? ''}|${placeholder ?? ''}|${path ?? ''}`;
    if (this.problemKeys.has(key)) return;
    this.problemKeys.add(key);
    this.problems.push({ code, clauseId: this.clauseId, placeholder, path, message });
  }

  // ── Values ──

  private lookup(name: string, vars: Vars): Binding | undefined {
    if (Object.hasOwn(vars, name)) return vars[name];
    if (!Object.hasOwn(this.root, name)) return undefined;
    const value = this.root[name];
    return { value, path: isContextObject(value) ? value.$path : name };
  }

  private resolve(path: readonly string[], vars: Vars): { value: unknown; source: RunSource | undefined } {
    const head = this.lookup(path[0]!, vars);
    if (!head) return { value: undefined, source: undefined };
    let value = head.value;
    let source: RunSource = { path: head.path };
    for (let i = 1; i < path.length; i++) {
      if (typeof value !== 'object' || value === null) return { value: undefined, source };
      const segment = path[i]!;
      const owner = value as ContextObject;
      if (!Object.hasOwn(owner, segment)) return { value: undefined, source };
      const explicit = owner.$sources?.[segment];
      value = owner[segment];
      source = isContextObject(value) ? { path: value.$path } : (explicit ?? { path: `${source.path}.${segment}` });
    }
    return { value, source };
  }

  private valueOf = (vars: Vars) => (path: string[]) => this.resolve(path, vars).value;

  /**
   * A draft's text (or list of texts) in this document's language. A text
   * written only in the other language is not printed in it: its place says
   * that the translation is missing, and the gap is a problem.
   */
  private inLanguage(value: unknown, gap: { untranslated: boolean }): unknown {
    if (Array.isArray(value)) return value.map((item: unknown) => this.inLanguage(item, gap));
    if (!isLocalizedText(value)) return value;
    if (hasText(value, this.language) || !hasText(value, otherLanguage(this.language))) return value[this.language];
    gap.untranslated = true;
    return this.template.labels[this.language].missingText;
  }

  /** A text outside the clauses (the title, a party's title on the signature page), with the same mark for a missing translation. */
  private textOf(value: LocalizedText, path: string): string {
    const gap = { untranslated: false };
    const text = this.inLanguage(value, gap) as string;
    if (gap.untranslated) this.untranslated(null, path);
    return text;
  }

  private untranslated(placeholder: string | null, path: string): void {
    const language = this.language === 'en' ? 'English' : 'Chinese';
    this.problem('untranslated', placeholder, path, `${path} has no ${language} text${this.clauseId ? ` (clause ${this.clauseId})` : ''}.`);
  }

  private holds(condition: Condition | null, vars: Vars): boolean {
    return condition === null || evaluateCondition(condition, this.valueOf(vars));
  }

  /** The scopes of a repeated element (one per item), or the current scope once. */
  private instances(each: EachSpec | null, vars: Vars): Array<{ vars: Vars; itemId: string | null }> {
    if (each === null) return [{ vars, itemId: null }];
    const { value, source } = this.resolve(each.in, vars);
    if (!Array.isArray(value)) return [];
    const listPath = source?.path ?? each.in.join('.');
    return value.map((item: unknown, i) => {
      const ownId = typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : null;
      return {
        vars: { ...vars, [each.as]: { value: item, path: isContextObject(item) ? item.$path : `${listPath}[${i}]` } },
        itemId: ownId ?? String(i + 1),
      };
    });
  }

  // ── Text ──

  private text(compiled: CompiledText, vars: Vars, outer: Style = PLAIN): Run[] {
    const alternative = compiled.alternatives.find((candidate) => this.holds(candidate.when, vars));
    if (!alternative) {
      this.problem('noAlternative', null, null, `None of the alternative wordings applies to this draft${this.clauseId ? ` in clause ${this.clauseId}` : ''}.`);
      return [styled(BLANK, outer, { blank: true })];
    }
    return mergeRuns(this.segments(alternative.segments[this.language], vars, outer));
  }

  private segments(segments: readonly Segment[], vars: Vars, outer: Style): Run[] {
    const runs: Run[] = [];
    for (const segment of segments) {
      const style: Style = { bold: outer.bold || segment.bold, italic: outer.italic || segment.italic };
      switch (segment.t) {
        case 'text':
          runs.push(styled(segment.text, style));
          break;
        case 'value':
          runs.push(this.value(segment, vars, style));
          break;
        case 'phrase': {
          const phrase = Object.hasOwn(this.template.phrases, segment.name) ? this.template.phrases[segment.name] : undefined;
          if (!phrase) break;
          const inner: Vars = { ...vars };
          for (const binding of segment.bindings) {
            const { value, source } = this.resolve(binding.path, vars);
            inner[binding.name] = { value, path: source?.path ?? binding.path.join('.') };
          }
          runs.push(...this.text(phrase, inner, style));
          break;
        }
        case 'ref': {
          const run = styled('', style, { ref: segment.clauseId });
          this.pendingRefs.push({ run, target: segment.clauseId, clauseId: this.clauseId });
          runs.push(run);
          break;
        }
      }
    }
    return runs;
  }

  private value(segment: Extract<Segment, { t: 'value' }>, vars: Vars, style: Style): Run {
    const resolved = this.resolve(segment.path, vars);
    const { source } = resolved;
    const gap = { untranslated: false };
    const value = this.inLanguage(resolved.value, gap);
    if (gap.untranslated) {
      this.untranslated(segment.raw, source?.path ?? segment.raw);
      // A missing translation is shown as the gap it is, highlighted like a blank to fill in.
      if (isLocalizedText(resolved.value)) return styled(String(value), style, { blank: true, ...(source ? { source } : {}) });
    }
    const where = this.clauseId ? ` in clause ${this.clauseId}` : ' on the cover';
    const blank = () => styled(BLANK, style, { blank: true, ...(source ? { source } : {}) });
    if (value === undefined || value === null) {
      this.problem('unresolved', segment.raw, source?.path ?? null, `${segment.raw}${where} has no value in this draft.`);
      return blank();
    }
    if (typeof value === 'string' && value.trim() === '') {
      this.problem('empty', segment.raw, source?.path ?? null, `${segment.raw}${where} is empty in this draft.`);
      return blank();
    }
    let text: string;
    try {
      text = applyFilter(segment.filter, value, this.env);
    } catch (error) {
      this.problem(
        'format',
        segment.raw,
        source?.path ?? null,
        `${segment.raw}${where} cannot be written: ${error instanceof Error ? error.message : String(error)}.`,
      );
      return blank();
    }
    return styled(typeof value === 'string' ? userText(text) : text, style, { ...(source ? { source } : {}), ...(gap.untranslated ? { blank: true } : {}) });
  }

  // ── Blocks and clauses ──

  private clause(spec: CompiledClause, vars: Vars, number: number[], suffix: string): Clause {
    const id = spec.id + suffix;
    const outerClause = this.clauseId;
    this.clauseId = id;
    this.numbers.set(id, number);
    const chosen = Object.hasOwn(this.draft.contract.positions, spec.id) ? this.draft.contract.positions[spec.id] : undefined;
    const position = spec.positions ? (chosen ?? 'balanced') : undefined;
    const title = spec.title ? runsText(this.text(spec.title, vars)) : null;
    const blockSpecs = spec.positions && position ? spec.positions[position] : (spec.body ?? []);
    const blocks = this.blocks(blockSpecs, vars, number, suffix);
    this.clauseId = outerClause;
    const clause: Clause = { id, number, title, steps: spec.steps, blocks };
    if (position) clause.position = position;
    return clause;
  }

  private blocks(specs: readonly CompiledBlock[], vars: Vars, parentNumber: number[], suffix: string): Block[] {
    const blocks: Block[] = [];
    let subClauses = 0;
    for (const spec of specs) {
      switch (spec.kind) {
        case 'clause': {
          const child = spec.clause;
          for (const instance of this.instances(child.each, vars)) {
            if (!this.holds(child.when, instance.vars)) continue;
            const number = parentNumber.length > 0 ? [...parentNumber, ++subClauses] : [];
            const childSuffix = instance.itemId !== null && child.each ? `${suffix}#${instance.itemId}` : suffix;
            blocks.push({ kind: 'clause', clause: this.clause(child, instance.vars, number, childSuffix) });
          }
          break;
        }
        case 'text':
          for (const instance of this.instances(spec.each, vars)) {
            if (this.holds(spec.when, instance.vars)) blocks.push({ kind: 'paragraph', runs: this.text(spec.text, instance.vars) });
          }
          break;
        case 'list': {
          if (!this.holds(spec.when, vars)) break;
          const items: Run[][] = [];
          for (const item of spec.items) {
            for (const instance of this.instances(item.each, vars)) {
              if (this.holds(item.when, instance.vars)) items.push(this.text(item.text, instance.vars));
            }
          }
          if (spec.punctuate) punctuate(items, spec.punctuate, this.language);
          if (items.length > 0) blocks.push({ kind: 'list', style: spec.style, items });
          break;
        }
        case 'definitions': {
          if (!this.holds(spec.when, vars)) break;
          const items: Definition[] = [];
          for (const definition of spec.items) {
            if (!this.holds(definition.when, vars)) continue;
            const term = definition.term[this.language];
            // English puts a space between the quoted term and "means"; Chinese runs on ("“可用性”是指").
            const joiner = this.language === 'en' ? ' ' : '';
            items.push({
              id: definition.id,
              term,
              runs: mergeRuns([styled(`“${term}”`, { bold: true, italic: false }), styled(joiner, PLAIN), ...this.text(definition.text, vars)]),
            });
          }
          if (items.length > 0) blocks.push({ kind: 'definitions', items });
          break;
        }
        case 'table': {
          if (!this.holds(spec.when, vars)) break;
          const rows: TableRow[] = [];
          spec.rows.forEach((row, r) => {
            for (const instance of this.instances(row.each, vars)) {
              if (!this.holds(row.when, instance.vars)) continue;
              rows.push({
                id: row.each ? (instance.itemId ?? String(r + 1)) : `row-${r + 1}`,
                cells: row.cells.map((cell) => ({ runs: this.text(cell, instance.vars) })),
              });
            }
          });
          if (rows.length === 0) break;
          blocks.push({
            kind: 'table',
            tableKind: spec.tableKind,
            widths: [...spec.widths],
            align: [...spec.align],
            header: [{ cells: spec.header.map((cell) => ({ runs: this.text(cell, vars, { bold: true, italic: false }) })) }],
            rows,
          });
          break;
        }
        case 'signatures': {
          if (!this.holds(spec.when, vars)) break;
          const labels = this.template.labels[this.language];
          blocks.push({
            kind: 'signature',
            labels: {
              signature: labels.signature,
              authorisedSignature: labels.authorisedSignature,
              name: labels.name,
              title: labels.title,
              date: labels.date,
              seal: labels.seal,
            },
            parties: spec.parties.map((party) => {
              const details = this.draft.parties[party.role];
              return {
                role: party.role,
                heading: this.text(party.heading, vars),
                company: this.language === 'zh-CN' ? partyNameZh(details) : details.legalName,
                sealed: signsUnderSeal(details),
                signatoryName: details.signatoryName,
                signatoryTitle: this.textOf(details.signatoryTitle, `parties.${party.role}.signatoryTitle`),
              };
            }),
          });
          break;
        }
      }
    }
    return blocks;
  }

  assemble(options: AssemblyOptions): ContractDoc {
    const { draft, template, language } = this;
    const labels = template.labels[language];

    const clauses: Clause[] = [];
    let top = 0;
    for (const spec of template.clauses) {
      if (!this.holds(spec.when, this.rootVars)) continue;
      clauses.push(this.clause(spec, this.rootVars, spec.numbered ? [++top] : [], ''));
    }

    this.clauseId = null;
    const lines: CoverLine[] = [];
    for (const line of template.cover) {
      if (!this.holds(line.when, this.rootVars)) continue;
      const runs = this.text(line.text, this.rootVars);
      // A line may have no words in one language (English "and" between the parties).
      if (runsText(runs).trim() !== '') lines.push({ id: line.id, style: line.style, runs });
    }

    for (const pending of this.pendingRefs) {
      const number = this.numbers.get(pending.target);
      if (number && number.length > 0) {
        pending.run.text = labels.clauseRef.replace('{number}', number.join('.'));
      } else {
        pending.run.text = BLANK;
        pending.run.blank = true;
        this.clauseId = pending.clauseId;
        this.problem(
          'excludedReference',
          `{{ref:${pending.target}}}`,
          null,
          `Clause ${pending.clauseId ?? ''} refers to clause ${pending.target}, which this draft leaves out.`,
        );
      }
    }

    const bilingual = options.bilingual ?? false;
    const party = (role: 'provider' | 'customer') => {
      const details = draft.parties[role];
      return {
        legalName: details.legalName,
        address: this.textOf(details.address, `parties.${role}.address`),
        signatoryName: details.signatoryName,
        signatoryTitle: this.textOf(details.signatoryTitle, `parties.${role}.signatoryTitle`),
        country: partyCountry(details),
      };
    };
    const title = this.textOf(draft.title, 'title');
    return {
      meta: {
        title,
        language,
        bilingual,
        templateId: template.id,
        templateVersion: template.version,
        templateName: template.name[language],
        parties: { provider: party('provider'), customer: party('customer') },
        effectiveDate: draft.effectiveDate,
        effectiveDateText: applyFilter({ name: 'date', arg: null }, draft.effectiveDate, this.env),
        termMonths: draft.termMonths,
        versionLabel: options.versionLabel ?? null,
        identity: options.identity ?? null,
        internalCopy: options.internalCopy ?? false,
        precedence: bilingual ? draft.contract.precedence : null,
      },
      labels: {
        pageOf: labels.pageOf,
        version: labels.version,
        workingDraft: labels.workingDraft,
        internalCopy: labels.internalCopy,
        draftNotice: labels.draftNotice,
        draftWatermark: labels.draftWatermark,
        missingText: labels.missingText,
      },
      cover: { title, lines },
      clauses,
    };
  }
}

function assembleWithContext(
  draft: SlaDraft,
  template: Template,
  language: ContractLanguage,
  root: Record<string, unknown>,
  options: AssemblyOptions,
): AssemblyResult {
  const assembler = new Assembler(draft, template, language, root);
  const doc = assembler.assemble(options);
  return { doc, problems: assembler.problems };
}

/**
 * The contract of a draft in one language. `options.bilingual` marks it as
 * one half of a bilingual document (use assembleBilingual for both halves);
 * without it, a contract in the language that does not prevail says that it
 * is a convenience translation and which text prevails.
 */
export function assembleContract(draft: SlaDraft, template: Template, language: ContractLanguage, options: AssemblyOptions = {}): AssemblyResult {
  const convenienceTranslation = !(options.bilingual ?? false) && language !== draft.contract.precedence;
  return assembleWithContext(draft, template, language, buildContext(draft, { ...options, convenienceTranslation }), options);
}

/** Where two documents of one draft differ in structure: clause ids, order and block shapes. */
export function alignmentProblems(en: ContractDoc, zh: ContractDoc): AssemblyProblem[] {
  const problems: AssemblyProblem[] = [];
  const misaligned = (clauseId: string | null, message: string) => problems.push({ code: 'misaligned', clauseId, placeholder: null, path: null, message });
  const compare = (left: Clause[], right: Clause[], parentId: string | null) => {
    if (left.length !== right.length || left.some((clause, i) => clause.id !== right[i]!.id)) {
      misaligned(parentId, `The clauses differ: ${left.map((c) => c.id).join(', ')} / ${right.map((c) => c.id).join(', ')}.`);
      return;
    }
    left.forEach((clause, i) => {
      const other = right[i]!;
      const shapes = clause.blocks.map(blockShape).join(' ');
      const otherShapes = other.blocks.map(blockShape).join(' ');
      if (shapes !== otherShapes || clause.number.join('.') !== other.number.join('.')) {
        misaligned(clause.id, `Clause ${clause.id} has a different structure in the two languages.`);
        return;
      }
      const children = (c: Clause) => c.blocks.flatMap((block) => (block.kind === 'clause' ? [block.clause] : []));
      compare(children(clause), children(other), clause.id);
    });
  };
  compare(en.clauses, zh.clauses, null);
  return problems;
}

export interface BilingualResult {
  en: ContractDoc;
  zh: ContractDoc;
  /** The problems of both halves (a placeholder missing in both is listed once) and any misalignment. */
  problems: AssemblyProblem[];
}

/**
 * Both languages of a bilingual contract, assembled from one set of values
 * and checked to align clause by clause, so a writer can put them side by
 * side. The language-precedence clause is included (doc.bilingual).
 */
export function assembleBilingual(draft: SlaDraft, template: Template, options: AssemblyOptions = {}): BilingualResult {
  const bilingualOptions = { ...options, bilingual: true };
  const root = buildContext(draft, bilingualOptions);
  const en = assembleWithContext(draft, template, 'en', root, bilingualOptions);
  const zh = assembleWithContext(draft, template, 'zh-CN', root, bilingualOptions);
  const seen = new Set<string>();
  const problems: AssemblyProblem[] = [];
  for (const problem of [...en.problems, ...zh.problems, ...alignmentProblems(en.doc, zh.doc)]) {
    const key = `${problem.code}|${problem.clauseId ?? ''}|${problem.placeholder ?? ''}|${problem.path ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return { en: en.doc, zh: zh.doc, problems };
}
