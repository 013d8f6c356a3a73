/**
 * A clause library template: YAML files a lawyer edits, parsed and checked
 * into a Template the assembly walks on every keystroke of the wizard.
 *
 * Everything that can be wrong with a template is found here, once, with
 * the file, the clause and the field named: YAML syntax, unknown keys, a
 * text missing its Chinese, a placeholder naming a field the draft does not
 * have, a filter that does not fit the field, a condition that can never be
 * true, a reference to a clause that does not exist. A broken template is
 * a list of errors, never an exception.
 *
 * The result is plain data (template-types.ts), so it can be sent from the
 * main process to the renderer and cached as JSON; the files' shapes are
 * zod schemas (template-schema.ts). The format is documented in
 * docs/TEMPLATES.md.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { POSITIONS, type Position, type StepId } from '../model/schema';
import { compileCondition, type Condition } from './conditions';
import { describeType, resolveType, ROOT_TYPE, type FieldType } from './context';
import { CONTRACT_LANGUAGES, type ContractLanguage } from './doc';
import { filterError, type Localized, type Vocabulary } from './filters';
import { isLanguageNeutral, parsePath, tokenize, type Segment } from './text';
import { parsePlaybook, type Playbook } from '../playbook/limits';
import {
  alternativeSchema,
  BLOCK_KINDS,
  BLOCK_SCHEMAS,
  clauseSchema,
  coverLineSchema,
  definitionSchema,
  eachSchema,
  listItemSchema,
  localizedSchema,
  phrasesFileSchema,
  rowSchema,
  templateFileSchema,
  vocabularyFileSchema,
  zodIssueMessage,
  type labelsSchema,
} from './template-schema';
import type {
  CompiledAlternative,
  CompiledBlock,
  CompiledClause,
  CompiledCoverLine,
  CompiledDefinition,
  CompiledListItem,
  CompiledRow,
  CompiledText,
  EachSpec,
  Template,
  TemplateError,
  TemplateLabels,
  TemplateParseResult,
} from './template-types';

export const TEMPLATE_FILE = 'template.yaml';
export const VOCABULARY_FILE = 'vocabulary.yaml';
export const PHRASES_FILE = 'phrases.yaml';
export const CLAUSES_DIR = 'clauses/';
/** A clause file is a few kilobytes; these limits only refuse what cannot be a template. */
export const MAX_TEMPLATE_FILE_CHARS = 500_000;
export const MAX_TEMPLATE_FILES = 400;
const MAX_PHRASE_DEPTH = 8;

/** The marks of a draft export where a template gives none of its own. */
const DRAFT_LABELS: Record<ContractLanguage, Pick<TemplateLabels, 'draftNotice' | 'draftWatermark' | 'missingText'>> = {
  en: { draftNotice: 'Draft — not for signature', draftWatermark: 'DRAFT', missingText: '[English text missing]' },
  'zh-CN': { draftNotice: '草稿——不得用于签署', draftWatermark: '草稿', missingText: '[缺少中文文本]' },
};

/** One error as one line: `clauses/credits.yaml:12 [clause credits] body[0].text.zh-CN: …`. */
export function formatTemplateError(error: TemplateError): string {
  const location = `${error.file}${error.line !== null ? `:${error.line}` : ''}`;
  const clause = error.clauseId !== null ? ` [clause ${error.clauseId}]` : '';
  const field = error.field !== '' ? ` ${error.field}` : '';
  return `${location}${clause}${field}: ${error.message}`;
}

type YamlPath = (string | number)[];

function fieldText(path: YamlPath): string {
  let out = '';
  for (const segment of path) out += typeof segment === 'number' ? `[${segment}]` : out === '' ? segment : `.${segment}`;
  return out;
}

// ── The compiler ────────────────────────────────────────────────────────────

interface SourceFile {
  doc: Document;
  lines: LineCounter;
}

/** Where the compiler is: the file, the clause and the YAML path of the node being compiled. */
interface Site {
  file: string;
  clauseId: string | null;
  /** Appended to messages, e.g. "(in the phrase used by clauses/x.yaml)". */
  note?: string;
}

type ScopeTypes = Record<string, FieldType>;

interface ClauseInfo {
  numbered: boolean;
  repeated: boolean;
  file: string;
}

function closest(name: string, candidates: readonly string[]): string | null {
  const distance = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const current = row[j]!;
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
        previous = current;
      }
    }
    return row[b.length]!;
  };
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = distance(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

const ROOT_FIELDS = (ROOT_TYPE as Extract<FieldType, { kind: 'object' }>).fields;

class TemplateCompiler {
  readonly errors: TemplateError[] = [];
  private readonly seen = new Set<string>();
  private readonly sources = new Map<string, SourceFile>();
  vocabulary: Vocabulary = { terms: {}, nouns: {} };
  private phraseSources: Record<string, unknown> = {};
  readonly phrases: Record<string, CompiledText> = {};
  private readonly phraseStack: string[] = [];
  readonly clauseInfo = new Map<string, ClauseInfo>();
  private readonly refs: Array<{ site: Site; path: YamlPath; clauseId: string }> = [];

  error(site: Site, path: YamlPath, message: string): void {
    const full = site.note ? `${message} ${site.note}` : message;
    const error: TemplateError = { file: site.file, clauseId: site.clauseId, field: fieldText(path), line: this.lineOf(site.file, path), message: full };
    const key = formatTemplateError(error);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.errors.push(error);
  }

  private lineOf(file: string, path: YamlPath): number | null {
    const source = this.sources.get(file);
    if (!source) return null;
    for (let length = path.length; length >= 0; length--) {
      const node = source.doc.getIn(path.slice(0, length), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return source.lines.linePos(node.range[0]).line;
      if (length === 0 && source.doc.contents?.range) return source.lines.linePos(source.doc.contents.range[0]).line;
    }
    return null;
  }

  /**
   * Parses a YAML file; null (with the errors reported) when it is not valid
   * YAML, when an alias cannot be resolved or expands too far, or when a file
   * that must hold something is empty (`ifEmpty` says why): an emptied clause
   * file must not quietly drop its clause from every contract.
   */
  readYaml(file: string, text: string, options: { ifEmpty?: string } = {}): unknown {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
    this.sources.set(file, { doc, lines });
    if (doc.errors.length > 0) {
      for (const yamlError of doc.errors) {
        const line = yamlError.linePos?.[0]?.line ?? null;
        const message = yamlError.message.split('\n')[0] ?? yamlError.message;
        const error: TemplateError = { file, clauseId: null, field: '', line, message: `not valid YAML: ${message}` };
        this.errors.push(error);
      }
      return null;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 }) as unknown;
    } catch (aliasError) {
      // toJS throws for an alias without its anchor and for one that expands too far (an "alias bomb").
      const message = aliasError instanceof Error ? aliasError.message.split('\n')[0] : String(aliasError);
      this.errors.push({ file, clauseId: null, field: '', line: null, message: `not valid YAML: ${message}` });
      return null;
    }
    if ((value === null || value === undefined) && options.ifEmpty !== undefined) {
      this.errors.push({ file, clauseId: null, field: '', line: null, message: `is empty: ${options.ifEmpty}` });
      return null;
    }
    return value;
  }

  /** Validates a node with zod; every issue becomes an error at its key. */
  check<T>(schema: z.ZodType<T>, value: unknown, site: Site, path: YamlPath): T | null {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const at = [...path, ...(issue.path as YamlPath)];
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) this.error(site, [...at, key], `unknown key "${key}"`);
      } else {
        this.error(site, at, zodIssueMessage(issue));
      }
    }
    return null;
  }

  // ── Types of paths ──

  typeOfPath(path: string[], scope: ScopeTypes): { type: FieldType } | { error: string } {
    const [head, ...rest] = path;
    if (head === undefined) return { error: 'an empty field path' };
    let type = Object.hasOwn(scope, head) ? scope[head] : Object.hasOwn(ROOT_FIELDS, head) ? ROOT_FIELDS[head] : undefined;
    if (!type) {
      const names = [...Object.keys(scope), ...Object.keys(ROOT_FIELDS)];
      const suggestion = closest(head, names);
      const loopNames = Object.keys(scope);
      return {
        error: `unknown name "${head}"${suggestion ? ` — did you mean "${suggestion}"?` : ''}${loopNames.length > 0 ? ` (names here: ${loopNames.join(', ')} and the draft's fields)` : ''}`,
      };
    }
    let walked = head;
    let isNullable = false;
    for (const segment of rest) {
      let current = resolveType(type);
      while (current.kind === 'nullable') {
        isNullable = true;
        current = resolveType(current.of);
      }
      if (current.kind !== 'object') return { error: `"${walked}" is ${describeType(current)}; it has no field "${segment}"` };
      const next = Object.hasOwn(current.fields, segment) ? current.fields[segment] : undefined;
      if (!next) {
        const suggestion = closest(segment, Object.keys(current.fields));
        return { error: `"${walked}" (a ${current.name}) has no field "${segment}"${suggestion ? ` — did you mean "${suggestion}"?` : ''}` };
      }
      type = next;
      walked += `.${segment}`;
    }
    if (resolveType(type).kind === 'opaque') return { error: `"${walked}" cannot be used in a template` };
    return { type: isNullable ? { kind: 'nullable', of: type } : type };
  }

  condition(raw: unknown, site: Site, path: YamlPath, scope: ScopeTypes): Condition | null {
    if (raw === undefined) return null;
    return compileCondition(
      raw,
      (p) => this.typeOfPath(p, scope),
      (where, message) => this.error(site, [...path, ...where], message),
    );
  }

  each(raw: unknown, site: Site, path: YamlPath, scope: ScopeTypes): { each: EachSpec; scope: ScopeTypes } | null {
    const spec = this.check(eachSchema, raw, site, path);
    if (!spec) return null;
    const listPath = parsePath(spec.in.trim());
    if (!listPath) {
      this.error(site, [...path, 'in'], `expected a list such as services or service.metrics, found "${spec.in}"`);
      return null;
    }
    const typed = this.typeOfPath(listPath, scope);
    if ('error' in typed) {
      this.error(site, [...path, 'in'], typed.error);
      return null;
    }
    const list = resolveType(typed.type);
    if (list.kind !== 'list') {
      this.error(site, [...path, 'in'], `"${spec.in}" is ${describeType(list)}, not a list`);
      return null;
    }
    if (Object.hasOwn(scope, spec.as) || Object.hasOwn(ROOT_FIELDS, spec.as)) {
      this.error(site, [...path, 'as'], `"${spec.as}" is already a name here; choose another, e.g. "item"`);
      return null;
    }
    return { each: { in: listPath, as: spec.as }, scope: { ...scope, [spec.as]: list.of } };
  }

  // ── Texts ──

  private checkSegments(segments: Segment[], site: Site, path: YamlPath, scope: ScopeTypes): void {
    for (const segment of segments) {
      if (segment.t === 'value') {
        const typed = this.typeOfPath(segment.path, scope);
        if ('error' in typed) {
          this.error(site, path, `${segment.raw}: ${typed.error}`);
          continue;
        }
        const problem = filterError(segment.filter, typed.type, this.vocabulary);
        if (problem) this.error(site, path, `${segment.raw}: ${problem}`);
      } else if (segment.t === 'phrase') {
        this.usePhrase(segment, site, path, scope);
      } else if (segment.t === 'ref') {
        this.refs.push({ site, path, clauseId: segment.clauseId });
      }
    }
  }

  private usePhrase(segment: Extract<Segment, { t: 'phrase' }>, site: Site, path: YamlPath, scope: ScopeTypes): void {
    if (!Object.hasOwn(this.phraseSources, segment.name)) {
      const suggestion = closest(segment.name, Object.keys(this.phraseSources));
      this.error(site, path, `${segment.raw}: there is no phrase "${segment.name}" in ${PHRASES_FILE}${suggestion ? ` — did you mean "${suggestion}"?` : ''}`);
      return;
    }
    if (this.phraseStack.includes(segment.name) || this.phraseStack.length >= MAX_PHRASE_DEPTH) {
      this.error(site, path, `${segment.raw}: the phrase "${segment.name}" uses itself`);
      return;
    }
    const phraseScope: ScopeTypes = { ...scope };
    for (const binding of segment.bindings) {
      const typed = this.typeOfPath(binding.path, scope);
      if ('error' in typed) {
        this.error(site, path, `${segment.raw}: ${binding.name}=${binding.path.join('.')}: ${typed.error}`);
        return;
      }
      phraseScope[binding.name] = typed.type;
    }
    this.phraseStack.push(segment.name);
    // A phrase used by a phrase: name the clause that started it all.
    const where = site.clauseId !== null ? `${site.file}, clause ${site.clauseId}` : site.file;
    const phraseSite: Site = { file: PHRASES_FILE, clauseId: null, note: site.file === PHRASES_FILE && site.note ? site.note : `(where ${where} uses it)` };
    const compiled = this.text(this.phraseSources[segment.name], phraseSite, [segment.name], phraseScope);
    this.phraseStack.pop();
    if (compiled && !Object.hasOwn(this.phrases, segment.name)) this.phrases[segment.name] = compiled;
  }

  private localized(raw: unknown, site: Site, path: YamlPath, scope: ScopeTypes): Localized<Segment[]> | null {
    if (typeof raw === 'string') {
      const { segments, errors } = tokenize(raw);
      for (const message of errors) this.error(site, path, message);
      if (!isLanguageNeutral(segments)) {
        this.error(site, path, 'this text has words, so it needs both languages: write it as { en: "…", zh-CN: "…" }');
        return null;
      }
      this.checkSegments(segments, site, path, scope);
      return { en: segments, 'zh-CN': segments };
    }
    if (raw === undefined || raw === null) {
      this.error(site, path, 'the text is missing');
      return null;
    }
    const texts = this.check(localizedSchema, raw, site, path);
    if (!texts) return null;
    const out = {} as Localized<Segment[]>;
    for (const language of CONTRACT_LANGUAGES) {
      const { segments, errors } = tokenize(texts[language]);
      for (const message of errors) this.error(site, [...path, language], message);
      this.checkSegments(segments, site, [...path, language], scope);
      out[language] = segments;
    }
    return out;
  }

  /** A text: one text in both languages, or a list of alternatives `[{ when, text }]`. */
  text(raw: unknown, site: Site, path: YamlPath, scope: ScopeTypes): CompiledText | null {
    if (!Array.isArray(raw)) {
      const segments = this.localized(raw, site, path, scope);
      return segments ? { alternatives: [{ when: null, segments }] } : null;
    }
    if (raw.length === 0) {
      this.error(site, path, 'a list of alternatives needs at least one entry');
      return null;
    }
    const alternatives: CompiledAlternative[] = [];
    let ok = true;
    raw.forEach((entry, i) => {
      const spec = this.check(alternativeSchema, entry, site, [...path, i]);
      if (!spec) {
        ok = false;
        return;
      }
      const when = spec.when === undefined ? null : this.condition(spec.when, site, [...path, i, 'when'], scope);
      const segments = this.localized(spec.text, site, [...path, i, 'text'], scope);
      if ((spec.when !== undefined && !when) || !segments) ok = false;
      else alternatives.push({ when, segments });
    });
    return ok ? { alternatives } : null;
  }

  // ── Blocks ──

  blocks(raw: unknown[], site: Site, path: YamlPath, scope: ScopeTypes, parent: { steps: StepId[]; repeated: boolean }): CompiledBlock[] {
    const blocks: CompiledBlock[] = [];
    raw.forEach((entry, i) => {
      const block = this.block(entry, site, [...path, i], scope, parent);
      if (block) blocks.push(block);
    });
    return blocks;
  }

  private block(raw: unknown, site: Site, path: YamlPath, scope: ScopeTypes, parent: { steps: StepId[]; repeated: boolean }): CompiledBlock | null {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      this.error(site, path, `a block is a mapping with one of: ${BLOCK_KINDS.join(', ')}`);
      return null;
    }
    const kinds = BLOCK_KINDS.filter((kind) => kind in raw);
    if (kinds.length !== 1) {
      this.error(
        site,
        path,
        kinds.length === 0
          ? `a block needs one of: ${BLOCK_KINDS.join(', ')} (found: ${Object.keys(raw).join(', ') || 'nothing'})`
          : `a block has only one of ${kinds.join(', ')}; make them separate blocks`,
      );
      return null;
    }
    const kind = kinds[0]!;
    if (kind === 'clause') {
      const spec = this.check(BLOCK_SCHEMAS.clause, raw, site, path);
      if (!spec) return null;
      const clause = this.clause(spec.clause, site.file, [...path, 'clause'], scope, { topLevel: false, steps: parent.steps, repeated: parent.repeated });
      return clause ? { kind: 'clause', clause } : null;
    }

    // Blocks other than clauses may repeat (`each`) and are guarded (`when`, per item when repeated).
    const repeated = (rawEach: unknown): { each: EachSpec | null; scope: ScopeTypes } | null => {
      if (rawEach === undefined) return { each: null, scope };
      return this.each(rawEach, site, [...path, 'each'], scope);
    };

    switch (kind) {
      case 'text': {
        const spec = this.check(BLOCK_SCHEMAS.text, raw, site, path);
        if (!spec) return null;
        const loop = repeated(spec.each);
        if (!loop) return null;
        const when = this.condition(spec.when, site, [...path, 'when'], loop.scope);
        const text = this.text(spec.text, site, [...path, 'text'], loop.scope);
        return text && (spec.when === undefined || when) ? { kind: 'text', text, each: loop.each, when } : null;
      }
      case 'list': {
        const spec = this.check(BLOCK_SCHEMAS.list, raw, site, path);
        if (!spec) return null;
        const when = this.condition(spec.when, site, [...path, 'when'], scope);
        const items: CompiledListItem[] = [];
        spec.list.items.forEach((rawItem, i) => {
          const itemPath = [...path, 'list', 'items', i];
          const item = this.check(listItemSchema, rawItem, site, itemPath);
          if (!item) return;
          const loop = item.each === undefined ? { each: null, scope } : this.each(item.each, site, [...itemPath, 'each'], scope);
          if (!loop) return;
          const itemWhen = this.condition(item.when, site, [...itemPath, 'when'], loop.scope);
          const text = this.text(item.text, site, [...itemPath, 'text'], loop.scope);
          if (text) items.push({ text, each: loop.each, when: itemWhen });
        });
        return { kind: 'list', style: spec.list.style, punctuate: spec.list.punctuate ?? null, items, when };
      }
      case 'definitions': {
        const spec = this.check(BLOCK_SCHEMAS.definitions, raw, site, path);
        if (!spec) return null;
        const when = this.condition(spec.when, site, [...path, 'when'], scope);
        const items: CompiledDefinition[] = [];
        const ids = new Set<string>();
        spec.definitions.forEach((rawDefinition, i) => {
          const definitionPath = [...path, 'definitions', i];
          const definition = this.check(definitionSchema, rawDefinition, site, definitionPath);
          if (!definition) return;
          const id = definition.id ?? slugOf(definition.term.en);
          if (ids.has(id)) this.error(site, definitionPath, `the term "${definition.term.en}" is defined twice in this list`);
          ids.add(id);
          for (const language of CONTRACT_LANGUAGES) {
            if (definition.term[language].trim() === '') this.error(site, [...definitionPath, 'term', language], 'the term must not be empty');
          }
          const definitionWhen = this.condition(definition.when, site, [...definitionPath, 'when'], scope);
          const text = this.text(definition.text, site, [...definitionPath, 'text'], scope);
          if (text) items.push({ id, term: definition.term, text, when: definitionWhen });
        });
        return { kind: 'definitions', items, when };
      }
      case 'table': {
        const spec = this.check(BLOCK_SCHEMAS.table, raw, site, path);
        if (!spec) return null;
        const { table } = spec;
        const columns = table.header.length;
        const when = this.condition(spec.when, site, [...path, 'when'], scope);
        if (table.widths && table.widths.length !== columns)
          this.error(site, [...path, 'table', 'widths'], `gives ${table.widths.length} widths for ${columns} columns`);
        if (table.align && table.align.length !== columns)
          this.error(site, [...path, 'table', 'align'], `gives ${table.align.length} alignments for ${columns} columns`);
        const header = table.header.map((cell, i) => this.text(cell, site, [...path, 'table', 'header', i], scope));
        const rows: CompiledRow[] = [];
        table.rows.forEach((rawRow, i) => {
          const rowPath = [...path, 'table', 'rows', i];
          const row = this.check(rowSchema, rawRow, site, rowPath);
          if (!row) return;
          if (row.cells.length !== columns) this.error(site, [...rowPath, 'cells'], `has ${row.cells.length} cells for ${columns} columns`);
          const loop = row.each === undefined ? { each: null, scope } : this.each(row.each, site, [...rowPath, 'each'], scope);
          if (!loop) return;
          const rowWhen = this.condition(row.when, site, [...rowPath, 'when'], loop.scope);
          const cells = row.cells.map((cell, c) => this.text(cell, site, [...rowPath, 'cells', c], loop.scope));
          if (cells.every((cell): cell is CompiledText => cell !== null)) rows.push({ cells, each: loop.each, when: rowWhen });
        });
        if (!header.every((cell): cell is CompiledText => cell !== null)) return null;
        return {
          kind: 'table',
          tableKind: table.kind,
          widths: table.widths ?? header.map(() => 1),
          align: table.align ?? header.map(() => 'left' as const),
          header,
          rows,
          when,
        };
      }
      case 'signatures': {
        const spec = this.check(BLOCK_SCHEMAS.signatures, raw, site, path);
        if (!spec) return null;
        const when = this.condition(spec.when, site, [...path, 'when'], scope);
        const parties: Array<{ role: 'provider' | 'customer'; heading: CompiledText }> = [];
        spec.signatures.forEach((party, i) => {
          const heading = this.text(party.heading, site, [...path, 'signatures', i, 'heading'], scope);
          if (heading) parties.push({ role: party.party, heading });
        });
        return { kind: 'signatures', parties, when };
      }
    }
  }

  clause(
    raw: unknown,
    file: string,
    path: YamlPath,
    scope: ScopeTypes,
    context: { topLevel: boolean; steps: StepId[]; repeated: boolean; expectedId?: string },
  ): CompiledClause | null {
    const fileSite: Site = { file, clauseId: null };
    const spec = this.check(clauseSchema, raw, fileSite, path);
    if (!spec) return null;
    const site: Site = { file, clauseId: spec.id };
    if (context.expectedId !== undefined && spec.id !== context.expectedId) {
      this.error(site, [...path, 'id'], `the clause in ${file} must have the id "${context.expectedId}" (the file name)`);
    }
    if (this.clauseInfo.has(spec.id)) {
      this.error(site, [...path, 'id'], `the clause id "${spec.id}" is used twice (also in ${this.clauseInfo.get(spec.id)!.file})`);
    }
    if (spec.numbered !== undefined && !context.topLevel) {
      this.error(site, [...path, 'numbered'], 'only top-level clauses can be unnumbered');
    }
    if (spec.each !== undefined && context.topLevel) {
      this.error(site, [...path, 'each'], 'a top-level clause cannot repeat; repeat a sub-clause inside it');
    }
    const numbered = spec.numbered ?? true;
    const loop = spec.each === undefined ? { each: null, scope } : this.each(spec.each, site, [...path, 'each'], scope);
    if (!loop) return null;
    const repeated = context.repeated || loop.each !== null;
    this.clauseInfo.set(spec.id, { numbered, repeated, file });

    const when = this.condition(spec.when, site, [...path, 'when'], loop.scope);
    const title = spec.title === undefined ? null : this.text(spec.title, site, [...path, 'title'], loop.scope);
    if (spec.title === undefined && context.topLevel && numbered) this.error(site, [...path, 'title'], 'a numbered top-level clause needs a title');

    const steps = spec.steps ?? context.steps;
    const inner = { steps, repeated };
    if ((spec.body === undefined) === (spec.positions === undefined)) {
      this.error(site, path, 'a clause has either a body or positions (provider, balanced, customer), and not both');
      return null;
    }
    const body = spec.body ? this.blocks(spec.body, site, [...path, 'body'], loop.scope, inner) : null;
    let positions: Record<Position, CompiledBlock[]> | null = null;
    if (spec.positions) {
      // The same sub-clause may appear in several positions (that keeps it
      // aligned when a negotiation switches wording), but only once in each.
      const compiled = {} as Record<Position, CompiledBlock[]>;
      const before = new Set(this.clauseInfo.keys());
      const added = new Map<string, ClauseInfo>();
      for (const position of POSITIONS) {
        compiled[position] = this.blocks(spec.positions[position], site, [...path, 'positions', position], loop.scope, inner);
        for (const [id, info] of this.clauseInfo) {
          if (before.has(id)) continue;
          added.set(id, info);
          this.clauseInfo.delete(id);
        }
      }
      for (const [id, info] of added) this.clauseInfo.set(id, info);
      positions = compiled;
    }
    if (!numbered && [...(body ?? []), ...Object.values(positions ?? {}).flat()].some((block) => block.kind === 'clause')) {
      this.error(site, path, 'an unnumbered clause cannot have sub-clauses (they would have no number)');
    }
    const titleSource = typeof spec.title === 'string' ? { en: spec.title, 'zh-CN': spec.title } : (localizedSchema.safeParse(spec.title).data ?? null);
    return { id: spec.id, file, title, titleSource, steps, numbered, each: loop.each, when, body, positions };
  }

  // ── Files ──

  compile(files: Readonly<Record<string, string>>): Template | null {
    const names = Object.keys(files);
    if (names.length > MAX_TEMPLATE_FILES) {
      this.error({ file: '(folder)', clauseId: null }, [], `has ${names.length} files; a template has at most ${MAX_TEMPLATE_FILES}`);
      return null;
    }
    for (const name of names) {
      if (files[name]!.length > MAX_TEMPLATE_FILE_CHARS) this.error({ file: name, clauseId: null }, [], `is larger than ${MAX_TEMPLATE_FILE_CHARS} characters`);
    }
    if (this.errors.length > 0) return null;
    if (!(TEMPLATE_FILE in files)) {
      this.error({ file: TEMPLATE_FILE, clauseId: null }, [], 'is missing: every template folder has a template.yaml');
      return null;
    }

    const templateSite: Site = { file: TEMPLATE_FILE, clauseId: null };
    const rawTemplate = this.readYaml(TEMPLATE_FILE, files[TEMPLATE_FILE]!, { ifEmpty: 'it must give the template its id, names and the list of its clauses' });
    const header = rawTemplate === null ? null : this.check(templateFileSchema, rawTemplate, templateSite, []);

    if (VOCABULARY_FILE in files) {
      const rawVocabulary = this.readYaml(VOCABULARY_FILE, files[VOCABULARY_FILE]!);
      const vocabulary = rawVocabulary === null ? null : this.check(vocabularyFileSchema, rawVocabulary ?? {}, { file: VOCABULARY_FILE, clauseId: null }, []);
      if (vocabulary) this.vocabulary = { terms: vocabulary.terms ?? {}, nouns: vocabulary.nouns ?? {} };
    }
    if (PHRASES_FILE in files) {
      const rawPhrases = this.readYaml(PHRASES_FILE, files[PHRASES_FILE]!);
      const phrases = rawPhrases === null ? null : this.check(phrasesFileSchema, rawPhrases ?? {}, { file: PHRASES_FILE, clauseId: null }, []);
      if (phrases) this.phraseSources = phrases;
    }
    if (!header) return null;

    const clauses: CompiledClause[] = [];
    const listed = new Set<string>();
    // Clauses whose file is missing or cannot be read: their own error says so, a reference to them is not reported again.
    const unread = new Set<string>();
    header.clauses.forEach((clauseId, i) => {
      const file = `${CLAUSES_DIR}${clauseId}.yaml`;
      if (listed.has(clauseId)) {
        this.error(templateSite, ['clauses', i], `"${clauseId}" is listed twice`);
        return;
      }
      listed.add(clauseId);
      if (!(file in files)) {
        this.error(templateSite, ['clauses', i], `lists "${clauseId}", but there is no file ${file}`);
        unread.add(clauseId);
        return;
      }
      const raw = this.readYaml(file, files[file]!, { ifEmpty: `the clause "${clauseId}" would be missing from every contract` });
      if (raw === null) {
        unread.add(clauseId);
        return;
      }
      const clause = this.clause(raw, file, [], {}, { topLevel: true, steps: [], repeated: false, expectedId: clauseId });
      if (clause) clauses.push(clause);
    });
    for (const name of names) {
      if (name.startsWith(CLAUSES_DIR) && name.endsWith('.yaml') && !listed.has(name.slice(CLAUSES_DIR.length, -'.yaml'.length))) {
        this.error({ file: name, clauseId: null }, [], `is not listed under "clauses" in ${TEMPLATE_FILE}, so it would never appear`);
      }
    }

    const cover: CompiledCoverLine[] = [];
    header.cover.forEach((rawLine, i) => {
      const line = this.check(coverLineSchema, rawLine, templateSite, ['cover', i]);
      if (!line) return;
      const when = this.condition(line.when, templateSite, ['cover', i, 'when'], {});
      const text = this.text(line.text, templateSite, ['cover', i, 'text'], {});
      if (text) cover.push({ id: line.id, style: line.style, text, when });
    });

    for (const reference of this.refs) {
      const target = this.clauseInfo.get(reference.clauseId);
      if (!target && unread.has(reference.clauseId.split('.')[0]!)) continue;
      if (!target) {
        const suggestion = closest(reference.clauseId, [...this.clauseInfo.keys()]);
        this.error(
          reference.site,
          reference.path,
          `{{ref:${reference.clauseId}}}: there is no clause "${reference.clauseId}"${suggestion ? ` — did you mean "${suggestion}"?` : ''}`,
        );
      } else if (!target.numbered || target.repeated) {
        this.error(reference.site, reference.path, `{{ref:${reference.clauseId}}}: only a numbered clause that is not repeated has one number to refer to`);
      }
    }

    let playbook: Playbook | null = null;
    if (header.playbook !== undefined && header.playbook !== null) {
      // A position limit must name a clause that has positions, or it could never apply.
      const negotiable = new Set(negotiableClauses({ clauses }).map((clause) => clause.id));
      const parsed = parsePlaybook(header.playbook, negotiable);
      if (parsed.ok) playbook = parsed.playbook;
      else for (const issue of parsed.issues) this.error(templateSite, ['playbook', ...issue.path], issue.message);
    }

    const labels = header.labels;
    const withSeal = (value: z.infer<typeof labelsSchema>, language: ContractLanguage): TemplateLabels => ({
      ...value,
      authorisedSignature: value.authorisedSignature ?? value.signature,
      draftNotice: value.draftNotice ?? DRAFT_LABELS[language].draftNotice,
      draftWatermark: value.draftWatermark ?? DRAFT_LABELS[language].draftWatermark,
      missingText: value.missingText ?? DRAFT_LABELS[language].missingText,
      seal: value.seal ?? null,
    });
    return {
      id: header.id,
      version: String(header.version),
      name: header.name,
      description: header.description ?? null,
      labels: { en: withSeal(labels.en, 'en'), 'zh-CN': withSeal(labels['zh-CN'], 'zh-CN') },
      cover,
      clauses,
      phrases: this.phrases,
      vocabulary: this.vocabulary,
      playbook,
    };
  }
}

function slugOf(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'term' : slug;
}

/**
 * Parses a template from the texts of its files, keyed by their path inside
 * the template folder ("template.yaml", "vocabulary.yaml", "phrases.yaml",
 * "clauses/service-credits.yaml"). Pure: the caller reads the folder.
 */
export function parseTemplate(files: Readonly<Record<string, string>>): TemplateParseResult {
  const compiler = new TemplateCompiler();
  let template: Template | null = null;
  try {
    template = compiler.compile(files);
  } catch (error) {
    // A compiler bug must not take the app down with it; say where it happened.
    compiler.errors.push({
      file: '(template)',
      clauseId: null,
      field: '',
      line: null,
      message: `could not be read: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  if (compiler.errors.length > 0 || !template) return { ok: false, errors: compiler.errors };
  return { ok: true, template };
}

/** The clauses that offer alternative wordings, for the position pickers of the wizard. */
export function negotiableClauses(template: Pick<Template, 'clauses'>): Array<{ id: string; title: Localized | null; steps: StepId[] }> {
  const found: Array<{ id: string; title: Localized | null; steps: StepId[] }> = [];
  const visitBlocks = (blocks: CompiledBlock[] | null) => {
    for (const block of blocks ?? []) if (block.kind === 'clause') visit(block.clause);
  };
  const visit = (clause: CompiledClause) => {
    if (clause.positions && !found.some((entry) => entry.id === clause.id)) found.push({ id: clause.id, title: clause.titleSource, steps: clause.steps });
    visitBlocks(clause.body);
    if (clause.positions) for (const position of POSITIONS) visitBlocks(clause.positions[position]);
  };
  for (const clause of template.clauses) visit(clause);
  return found;
}
