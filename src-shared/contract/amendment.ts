/**
 * The amendment instrument: what the Parties sign to change an agreement
 * they have already signed, instead of signing the whole SLA again (the
 * restated SLA, which assembleContract makes of the same draft).
 *
 * It is a ContractDoc like the contract, so the .docx writer, its bilingual
 * layout and its signature page serve it unchanged: a title ("Amendment
 * No. 2 to the Service Level Agreement"), the Parties as the agreement
 * names them, recitals naming the signed agreement and the date it was
 * signed, then the operative clauses — definitions, the amendments,
 * "all other terms remain in force", when it takes effect, governing law —
 * and the signature blocks.
 *
 * The amendments are the changed clauses only. Both drafts are assembled
 * with the same template and their clauses aligned by id
 * (compare/contract.ts): a changed clause is replaced with its new wording,
 * an added one is added, a removed one is deleted — each named by its
 * number and heading in the agreement. A clause whose change is only to
 * some of its definitions amends those definitions one by one. A clause
 * inside one already replaced, added or deleted is not listed again. The
 * signature page and the cover are not terms and are never amended.
 *
 * In a bilingual pair a clause changed in either language is amended in
 * both, so the two halves stay aligned block by block.
 */
import { formatDate } from '../format';
import { alignClauses, type AlignedClause } from '../compare/contract';
import { displayText, type LocalizedText } from '../model/localized';
import type { SlaDraft } from '../model/schema';
import { alignmentProblems, assembleBilingual, assembleContract, type AssemblyOptions, type AssemblyProblem } from './assemble';
import {
  clauseNumberText,
  runsText,
  type Block,
  type Clause,
  type ContractDoc,
  type ContractLanguage,
  type Definition,
  type DefinitionList,
  type Run,
  type SignatureBlock,
} from './doc';
import type { Template } from './template-types';

/** The signed agreement an amendment amends. */
export interface AmendedAgreement {
  /** The amendment's number among the agreement's amendments: 2 for "Amendment No. 2". */
  number: number;
  /** The title under which the agreement was signed. */
  title: LocalizedText;
  /** The calendar date (YYYY-MM-DD) on which the version amended was signed. */
  signedOn: string;
}

/** How the agreement changes: one entry per amended clause or definition, in the agreement's reading order. */
export type AmendmentChange =
  | { kind: 'replaced' | 'added' | 'removed'; clauseId: string }
  | { kind: 'definitionReplaced' | 'definitionAdded' | 'definitionRemoved'; clauseId: string; definitionId: string };

export interface AmendmentResult {
  doc: ContractDoc;
  changes: AmendmentChange[];
  /** The assembly's problems of the amended draft (blanks), as for the contract. */
  problems: AssemblyProblem[];
}

export interface BilingualAmendmentResult {
  en: ContractDoc;
  zh: ContractDoc;
  changes: AmendmentChange[];
  problems: AssemblyProblem[];
}

/** The wording of the instrument, as a lawyer drafts an amendment agreement, in each language. */
interface Wording {
  title: (n: number) => string;
  subtitle: (title: string, date: string) => string;
  opening: (n: number) => string;
  partiesTogether: string;
  recitalsTitle: string;
  recitalAgreement: (title: string, date: string, n: number) => string;
  recitalIntent: string;
  interpretationTitle: string;
  interpretation: string;
  amendmentsTitle: string;
  amendmentsLead: string;
  clauseName: (number: string, title: string | null) => string;
  preamble: string;
  replaced: (clause: string) => string;
  added: (clause: string, after: string | null) => string;
  removed: (clause: string) => string;
  definitionReplaced: (clause: string, term: string) => string;
  definitionAdded: (clause: string, term: string) => string;
  definitionRemoved: (clause: string, term: string) => string;
  renumbered: string;
  continuationTitle: string;
  continuation: string;
  effectTitle: string;
  effect: string;
  generalTitle: string;
  boilerplate: (clauses: string[]) => string;
  counterparts: string;
  execution: string;
}

const WORDING: Record<ContractLanguage, Wording> = {
  en: {
    title: (n) => `Amendment No. ${n} to the Service Level Agreement`,
    subtitle: (title, date) => `to “${title}”, signed on ${date}`,
    opening: (n) => `This Amendment No. ${n} (this “**Amendment**”) is made between:`,
    partiesTogether: 'The Provider and the Customer are each a “**Party**” and together the “**Parties**”.',
    recitalsTitle: 'Background',
    recitalAgreement: (title, date, n) =>
      n > 1
        ? `The Parties are parties to the service level agreement titled “${title}”, which, as last amended and signed on ${date}, is referred to in this Amendment as the “**Agreement**”.`
        : `The Parties entered into a service level agreement titled “${title}”, signed on ${date} (the “**Agreement**”).`,
    recitalIntent: 'The Parties wish to amend the Agreement on the terms of this Amendment.',
    interpretationTitle: 'Interpretation',
    interpretation:
      'Terms defined in the Agreement have the same meanings in this Amendment. A reference in this Amendment to a Clause is to that clause of the Agreement as numbered in the Agreement signed on the date stated in the Background.',
    amendmentsTitle: 'Amendments',
    amendmentsLead: 'With effect from the Amendment Effective Date, the Agreement is amended as follows:',
    clauseName: (number, title) => `Clause ${number}${title ? ` (${title})` : ''}`,
    preamble: 'The preamble of the Agreement',
    replaced: (clause) => `${clause} is deleted and replaced with the following:`,
    added: (clause, after) => (after ? `A new ${clause} is added after ${after}, as follows:` : `A new ${clause} is added, as follows:`),
    removed: (clause) => `${clause} is deleted.`,
    definitionReplaced: (clause, term) => `In ${clause}, the definition of “${term}” is deleted and replaced with the following:`,
    definitionAdded: (clause, term) => `In ${clause}, the following definition of “${term}” is added:`,
    definitionRemoved: (clause, term) => `In ${clause}, the definition of “${term}” is deleted.`,
    renumbered: 'The clauses of the Agreement that follow an added or deleted clause are renumbered accordingly, and references to them are read accordingly.',
    continuationTitle: 'Continuation of the Agreement',
    continuation:
      'Save as amended by this Amendment, all other terms of the Agreement remain unchanged and in full force and effect. From the Amendment Effective Date, the Agreement and this Amendment are read and construed as one instrument, and references in the Agreement to “this Agreement” are to the Agreement as amended by this Amendment. If there is any conflict between this Amendment and the Agreement, this Amendment prevails.',
    effectTitle: 'Effectiveness',
    effect: 'This Amendment takes effect on the date on which it has been signed by both Parties (the “**Amendment Effective Date**”).',
    generalTitle: 'Governing Law and General',
    boilerplate: (clauses) =>
      `${joinEnglish(clauses)} of the Agreement apply to this Amendment as if set out in it in full, with references to the Agreement read as references to this Amendment.`,
    counterparts: 'This Amendment may be signed in any number of counterparts, each of which is an original and all of which together are one instrument.',
    execution: 'IN WITNESS WHEREOF the Parties have caused this Amendment to be executed by their duly authorised representatives on the dates set out below.',
  },
  'zh-CN': {
    title: (n) => `《服务水平协议》第${n}号修订协议`,
    subtitle: (title, date) => `（修订于${date}签署的《${title}》）`,
    opening: (n) => `本第${n}号修订协议（“**本修订协议**”）由以下双方订立：`,
    partiesTogether: '服务提供方和客户单称“**一方**”，合称“**双方**”。',
    recitalsTitle: '鉴于',
    recitalAgreement: (title, date, n) =>
      n > 1 ? `双方为《${title}》的当事方，该协议经修订后最近一次于${date}签署（“**原协议**”）；` : `双方于${date}签署了《${title}》（“**原协议**”）；`,
    recitalIntent: '双方同意按照本修订协议的约定对原协议进行修订。',
    interpretationTitle: '解释',
    interpretation:
      '原协议中定义的术语在本修订协议中具有相同含义。本修订协议中提及的条款，均指原协议中的相应条款，条款编号以鉴于条款所述日期签署的原协议为准。',
    amendmentsTitle: '修订内容',
    amendmentsLead: '自修订生效日起，原协议修订如下：',
    clauseName: (number, title) => `原协议第${number}条${title ? `（${title}）` : ''}`,
    preamble: '原协议序言部分',
    replaced: (clause) => `${clause}修改为：`,
    added: (clause, after) => (after ? `在${after}之后新增${clause.replace(/^原协议/u, '')}，内容如下：` : `新增${clause.replace(/^原协议/u, '')}，内容如下：`),
    removed: (clause) => `删除${clause}。`,
    definitionReplaced: (clause, term) => `${clause}中“${term}”的定义修改为：`,
    definitionAdded: (clause, term) => `${clause}中新增“${term}”的定义如下：`,
    definitionRemoved: (clause, term) => `删除${clause}中“${term}”的定义。`,
    renumbered: '原协议中位于新增或删除条款之后的条款，其编号相应顺延调整，对该等条款的援引亦作相应调整。',
    continuationTitle: '原协议其他条款继续有效',
    continuation:
      '除本修订协议所作修订外，原协议的其他条款保持不变，继续完全有效。自修订生效日起，原协议与本修订协议应作为一份完整的文件阅读和解释，原协议中提及“本协议”之处均指经本修订协议修订后的原协议。本修订协议与原协议不一致的，以本修订协议为准。',
    effectTitle: '生效',
    effect: '本修订协议自双方均签署之日起生效（“**修订生效日**”）。',
    generalTitle: '适用法律及其他',
    boilerplate: (clauses) =>
      `${clauses.map((name, i) => (i === 0 ? name : name.replace(/^原协议/u, ''))).join('及')}适用于本修订协议，如同在本修订协议中全文载明；其中提及原协议之处，均指本修订协议。`,
    counterparts: '本修订协议一式两份，双方各执一份，每份具有同等法律效力。',
    execution: '双方已促使其正式授权代表于下列日期签署本修订协议，以昭信守。',
  },
};

function joinEnglish(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}

/** Template wording with **bold** marks → runs. */
function marked(text: string): Run[] {
  return text
    .split('**')
    .map((part, i): Run => (i % 2 === 1 ? { text: part, bold: true } : { text: part }))
    .filter((run) => run.text !== '');
}

function paragraph(text: string): Block {
  return { kind: 'paragraph', runs: marked(text) };
}

/** The clauses of the agreement that define the governing law and the language: the instrument applies them. */
const BOILERPLATE_CLAUSES = ['governing-law', 'language'] as const;

/** Clauses that are not terms of the agreement and are never amended. */
const NOT_AMENDED = new Set(['signatures']);

function subClauses(clause: Clause): Clause[] {
  return clause.blocks.flatMap((block) => (block.kind === 'clause' ? [block.clause] : []));
}

/** The single definitions block of a clause whose other blocks read the same in both versions; null otherwise. */
function definitionsOnlyChange(old: Clause, current: Clause): { old: DefinitionList; new: DefinitionList } | null {
  const own = (clause: Clause) => clause.blocks.filter((block) => block.kind !== 'clause');
  const oldBlocks = own(old);
  const newBlocks = own(current);
  if (old.title !== current.title || oldBlocks.length !== newBlocks.length) return null;
  let lists: { old: DefinitionList; new: DefinitionList } | null = null;
  for (let i = 0; i < oldBlocks.length; i++) {
    const before = oldBlocks[i]!;
    const after = newBlocks[i]!;
    if (before.kind === 'definitions' && after.kind === 'definitions') {
      if (lists) return null;
      lists = { old: before, new: after };
    } else if (JSON.stringify(stripSources(before)) !== JSON.stringify(stripSources(after))) {
      return null;
    }
  }
  return lists;
}

function stripSources(block: Block): unknown {
  return JSON.parse(JSON.stringify(block, (key, value: unknown) => (key === 'source' || key === 'ref' ? undefined : value)));
}

/**
 * What the amendment changes, from the clause alignments of one or more
 * language pairs of the same two drafts (a bilingual pair: both), in the
 * reading order of the first pair.
 */
export function amendmentChanges(pairs: ReadonlyArray<{ old: ContractDoc; new: ContractDoc }>): AmendmentChange[] {
  const alignments = pairs.map((pair) => alignClauses(pair.old, pair.new));
  const changedIds = new Set<string>();
  for (const alignment of alignments) for (const aligned of alignment) if (aligned.status !== 'unchanged') changedIds.add(aligned.id);
  const first = alignments[0] ?? [];
  const byId = new Map(first.map((aligned) => [aligned.id, aligned]));
  const changes: AmendmentChange[] = [];
  const covered = new Set<string>();
  for (const aligned of first) {
    const side = aligned.new ?? aligned.old!;
    const rootId = topLevelId(side.clause.id, side.parentId, byId);
    if (NOT_AMENDED.has(rootId)) continue;
    if (side.parentId !== null && covered.has(side.parentId)) {
      covered.add(aligned.id);
      continue;
    }
    if (!changedIds.has(aligned.id)) continue;
    covered.add(aligned.id);
    if (aligned.status === 'added' || aligned.status === 'removed') {
      changes.push({ kind: aligned.status, clauseId: aligned.id });
      continue;
    }
    // Changed in its own text: its definitions one by one where that is all, else the whole clause with its sub-clauses.
    const definitions = pairs.map((pair, i) => {
      const inPair = alignments[i]!.find((candidate) => candidate.id === aligned.id);
      return inPair?.old && inPair.new ? definitionsOnlyChange(inPair.old.clause, inPair.new.clause) : null;
    });
    if (definitions.every((lists) => lists !== null)) {
      const definitionChanges = changedDefinitions(aligned.id, definitions as Array<{ old: DefinitionList; new: DefinitionList }>);
      if (definitionChanges.length > 0) {
        changes.push(...definitionChanges);
        // Sub-clauses are not covered: only the definitions were amended.
        covered.delete(aligned.id);
        continue;
      }
    }
    changes.push({ kind: 'replaced', clauseId: aligned.id });
  }
  return changes;
}

function topLevelId(id: string, parentId: string | null, byId: Map<string, AlignedClause>): string {
  let current = id;
  let parent = parentId;
  while (parent !== null) {
    current = parent;
    const aligned = byId.get(parent);
    const side = aligned?.new ?? aligned?.old;
    parent = side?.parentId ?? null;
  }
  return current;
}

function changedDefinitions(clauseId: string, lists: ReadonlyArray<{ old: DefinitionList; new: DefinitionList }>): AmendmentChange[] {
  const textOf = (list: DefinitionList, id: string): string | null => {
    const item = list.items.find((candidate) => candidate.id === id);
    return item ? runsText(item.runs) : null;
  };
  // In a bilingual pair, a definition reworded in either language is amended in both.
  const reworded = (id: string) => lists.some((pair) => textOf(pair.old, id) !== textOf(pair.new, id));
  const first = lists[0]!;
  const oldIds = new Set(first.old.items.map((item) => item.id));
  const newIds = new Set(first.new.items.map((item) => item.id));
  const changes: AmendmentChange[] = [];
  for (const item of first.old.items) {
    if (!newIds.has(item.id)) changes.push({ kind: 'definitionRemoved', clauseId, definitionId: item.id });
  }
  for (const item of first.new.items) {
    if (!oldIds.has(item.id)) changes.push({ kind: 'definitionAdded', clauseId, definitionId: item.id });
    else if (reworded(item.id)) changes.push({ kind: 'definitionReplaced', clauseId, definitionId: item.id });
  }
  return changes;
}

// ── The document ────────────────────────────────────────────────────────────

function findClause(doc: ContractDoc, id: string): Clause | null {
  const search = (clauses: readonly Clause[]): Clause | null => {
    for (const clause of clauses) {
      if (clause.id === id) return clause;
      const inner = search(subClauses(clause));
      if (inner) return inner;
    }
    return null;
  };
  return search(doc.clauses);
}

/** A cross-reference stays as printed; it names no clause of the instrument. */
function quotedRuns(runs: readonly Run[]): Run[] {
  return runs.map((run) => {
    const { ref: _ref, ...rest } = run;
    return rest;
  });
}

/** The wording of a clause of the agreement, set as text inside the instrument: its number and heading, then its blocks, its sub-clauses after. */
function quotedClause(clause: Clause): Block[] {
  const blocks: Block[] = [];
  const number = clauseNumberText(clause.number);
  const own = clause.blocks.filter((block) => block.kind !== 'clause' && block.kind !== 'signature');
  const first = own[0];
  if (clause.title !== null || first?.kind !== 'paragraph') {
    const heading = [number, clause.title ?? ''].filter((part) => part !== '').join(' ');
    if (heading !== '') blocks.push({ kind: 'paragraph', runs: [{ text: heading, bold: true }] });
  }
  for (const block of clause.blocks) {
    switch (block.kind) {
      case 'clause':
        blocks.push(...quotedClause(block.clause));
        break;
      case 'paragraph': {
        const runs = quotedRuns(block.runs);
        // An untitled clause reads "4.2 The Provider shall…".
        if (block === first && clause.title === null && number !== '') runs.unshift({ text: `${number} `, bold: true });
        blocks.push({ kind: 'paragraph', runs });
        break;
      }
      case 'list':
        blocks.push({ ...block, items: block.items.map(quotedRuns) });
        break;
      case 'definitions':
        blocks.push({ ...block, items: block.items.map((item) => ({ ...item, runs: quotedRuns(item.runs) })) });
        break;
      case 'table':
        blocks.push(block);
        break;
      case 'signature':
        break;
    }
  }
  return blocks;
}

interface InstrumentInput {
  old: ContractDoc;
  current: ContractDoc;
  agreement: AmendedAgreement;
  changes: readonly AmendmentChange[];
}

function clauseName(words: Wording, clause: Clause | null): string {
  if (!clause) return '';
  if (clause.number.length === 0) return words.preamble;
  return words.clauseName(clauseNumberText(clause.number), clause.title);
}

function changeClause(words: Wording, input: InstrumentInput, change: AmendmentChange, index: number): Clause {
  const { old, current } = input;
  const oldClause = findClause(old, change.clauseId);
  const newClause = findClause(current, change.clauseId);
  const blocks: Block[] = [];
  const definitionIn = (doc: ContractDoc, id: string): Definition | undefined =>
    findClause(doc, change.clauseId)
      ?.blocks.flatMap((block) => (block.kind === 'definitions' ? block.items : []))
      .find((item) => item.id === id);
  switch (change.kind) {
    case 'replaced':
      blocks.push(paragraph(words.replaced(clauseName(words, oldClause))), ...quotedClause(newClause!));
      break;
    case 'added': {
      const after = precedingSignedClause(old, current, change.clauseId);
      blocks.push(paragraph(words.added(clauseName(words, newClause), after && clauseName(words, after))), ...quotedClause(newClause!));
      break;
    }
    case 'removed':
      blocks.push(paragraph(words.removed(clauseName(words, oldClause))));
      break;
    case 'definitionReplaced':
    case 'definitionAdded': {
      const definition = definitionIn(current, change.definitionId)!;
      const lead = change.kind === 'definitionReplaced' ? words.definitionReplaced : words.definitionAdded;
      blocks.push(paragraph(lead(clauseName(words, oldClause), definition.term)), {
        kind: 'definitions',
        items: [{ ...definition, runs: quotedRuns(definition.runs) }],
      });
      break;
    }
    case 'definitionRemoved': {
      const definition = definitionIn(old, change.definitionId)!;
      blocks.push(paragraph(words.definitionRemoved(clauseName(words, oldClause), definition.term)));
      break;
    }
  }
  return { id: `amendment.change-${index + 1}`, number: [2, index + 1], title: null, steps: [], blocks };
}

/** The clause of the signed agreement that an added clause follows: its nearest earlier sibling that the agreement had; null when it comes first. */
function precedingSignedClause(old: ContractDoc, current: ContractDoc, id: string): Clause | null {
  const parentOf = (clauses: readonly Clause[]): readonly Clause[] | null => {
    if (clauses.some((clause) => clause.id === id)) return clauses;
    for (const clause of clauses) {
      const inner = parentOf(subClauses(clause));
      if (inner) return inner;
    }
    return null;
  };
  const siblings = parentOf(current.clauses) ?? [];
  const index = siblings.findIndex((clause) => clause.id === id);
  for (let i = index - 1; i >= 0; i--) {
    const before = findClause(old, siblings[i]!.id);
    if (before && before.number.length > 0) return before;
  }
  return null;
}

/** Did a clause come in or go out above another, so that clause numbers moved? */
function renumbers(old: ContractDoc, current: ContractDoc): boolean {
  return alignClauses(old, current).some((aligned) => aligned.renumbered);
}

function buildInstrument(language: ContractLanguage, input: InstrumentInput, options: { renumbered: boolean }): ContractDoc {
  const words = WORDING[language];
  const { old, current, agreement, changes } = input;
  const signedOn = formatDate(agreement.signedOn, language);
  const title = words.title(agreement.number);

  // The Parties as the amended agreement names them: its preamble's list and its signature blocks.
  const preamble = current.clauses.find((clause) => clause.number.length === 0 && clause.id !== 'signatures');
  const partiesList = preamble?.blocks.find((block) => block.kind === 'list');
  const signatures = current.clauses.find((clause) => clause.id === 'signatures')?.blocks.find((block): block is SignatureBlock => block.kind === 'signature');

  const changeClauses = changes.map((change, index) => changeClause(words, input, change, index));
  if (options.renumbered) {
    changeClauses.push({
      id: 'amendment.renumbered',
      number: [2, changeClauses.length + 1],
      title: null,
      steps: [],
      blocks: [paragraph(words.renumbered)],
    });
  }
  const boilerplate = BOILERPLATE_CLAUSES.map((id) => findClause(old, id))
    .filter((clause): clause is Clause => clause !== null && clause.number.length > 0)
    .map((clause) => clauseName(words, clause));

  const clause = (id: string, number: number[], clauseTitle: string | null, blocks: Block[]): Clause => ({ id, number, title: clauseTitle, steps: [], blocks });
  const clauses: Clause[] = [
    clause('amendment.parties', [], null, [
      paragraph(words.opening(agreement.number)),
      ...(partiesList ? [partiesList] : []),
      paragraph(words.partiesTogether),
    ]),
    clause('amendment.background', [], words.recitalsTitle, [
      {
        kind: 'list',
        style: 'alpha',
        items: [marked(words.recitalAgreement(displayText(agreement.title, language), signedOn, agreement.number)), marked(words.recitalIntent)],
      },
    ]),
    clause('amendment.interpretation', [1], words.interpretationTitle, [paragraph(words.interpretation)]),
    clause('amendment.amendments', [2], words.amendmentsTitle, [
      paragraph(words.amendmentsLead),
      ...changeClauses.map((change): Block => ({ kind: 'clause', clause: change })),
    ]),
    clause('amendment.continuation', [3], words.continuationTitle, [paragraph(words.continuation)]),
    clause('amendment.effect', [4], words.effectTitle, [paragraph(words.effect)]),
    clause('amendment.general', [5], words.generalTitle, [
      ...(boilerplate.length > 0
        ? [{ kind: 'clause', clause: clause('amendment.general.law', [5, 1], null, [paragraph(words.boilerplate(boilerplate))]) } satisfies Block]
        : []),
      {
        kind: 'clause',
        clause: clause('amendment.general.counterparts', [5, boilerplate.length > 0 ? 2 : 1], null, [paragraph(words.counterparts)]),
      },
    ]),
    clause('amendment.signatures', [], null, [paragraph(words.execution), ...(signatures ? [signatures] : [])]),
  ];

  // The cover: the title, the agreement it amends, then the Parties as on the agreement's cover.
  const partyLines = current.cover.lines.filter((line) => line.style === 'party' || line.style === 'partyDetail' || line.style === 'joiner');
  return {
    meta: { ...current.meta, title },
    labels: current.labels,
    cover: {
      title,
      lines: [{ id: 'amends', style: 'subtitle', runs: [{ text: words.subtitle(displayText(agreement.title, language), signedOn) }] }, ...partyLines],
    },
    clauses,
  };
}

/**
 * The amendment instrument in one language: `signed` is the draft of the
 * signed version amended, `amended` the draft as the Parties now agree it.
 * Both are assembled with `template`; `options` are the contract's (the
 * version label and identity of the amended draft for the footer).
 */
export function assembleAmendment(
  signed: SlaDraft,
  amended: SlaDraft,
  template: Template,
  language: ContractLanguage,
  agreement: AmendedAgreement,
  options: AssemblyOptions = {},
): AmendmentResult {
  const old = assembleContract(signed, template, language, options).doc;
  const current = assembleContract(amended, template, language, options);
  const changes = amendmentChanges([{ old, new: current.doc }]);
  const doc = buildInstrument(language, { old, current: current.doc, agreement, changes }, { renumbered: renumbers(old, current.doc) });
  return { doc, changes, problems: current.problems };
}

/** Both languages of the amendment instrument, aligned block by block for the side-by-side layout. */
export function assembleBilingualAmendment(
  signed: SlaDraft,
  amended: SlaDraft,
  template: Template,
  agreement: AmendedAgreement,
  options: AssemblyOptions = {},
): BilingualAmendmentResult {
  const old = assembleBilingual(signed, template, options);
  const current = assembleBilingual(amended, template, options);
  const changes = amendmentChanges([
    { old: old.en, new: current.en },
    { old: old.zh, new: current.zh },
  ]);
  const renumbered = renumbers(old.en, current.en);
  const en = buildInstrument('en', { old: old.en, current: current.en, agreement, changes }, { renumbered });
  const zh = buildInstrument('zh-CN', { old: old.zh, current: current.zh, agreement, changes }, { renumbered });
  return { en, zh, changes, problems: [...current.problems, ...alignmentProblems(en, zh)] };
}

/** The instrument's title in a language: "Amendment No. 2 to the Service Level Agreement". */
export function amendmentTitle(language: ContractLanguage, number: number): string {
  return WORDING[language].title(number);
}
