/**
 * The compare benchmark ("compare of two 200-clause contracts,
 * clause alignment plus word diff, median under 50 ms"), kept beside the
 * code it measures so the numbers and the code cannot drift apart. Pure:
 * the caller loads the template and the preset (bench/run.ts from disk,
 * the tests through Vite) and prints the result.
 *
 *   const { template } = createClauseLibrary({ dirs: ['templates'] }).load('standard-saas');
 *   const draft = readDraftFile(readFileSync('templates/presets/enterprise.sla.json', 'utf8')).draft;
 *   const result = benchCompare({ template, draft });
 *   // result.compare.median (ms), result.bareDiff.median, result.clauses…
 */
import { diffWords } from 'diff';
import { assembleContract } from '../contract/assemble';
import { clauseOwnText, walkClauses, type Block, type Clause, type ContractDoc, type ContractLanguage } from '../contract/doc';
import type { Template } from '../contract/template-types';
import type { SlaDraft } from '../model/schema';
import { compareContracts, type ContractComparison } from './contract';

export const BENCH_TARGET_CLAUSES = 200;

/**
 * A copy of the draft with its measured services repeated (new ids, so
 * each copy adds its own per-objective clauses) until the contract has
 * at least `targetClauses` clauses.
 */
export function largeDraft(draft: SlaDraft, template: Template, targetClauses = BENCH_TARGET_CLAUSES, language: ContractLanguage = 'en'): SlaDraft {
  const clauseCount = (candidate: SlaDraft) => walkClauses(assembleContract(candidate, template, language).doc).length;
  const large = structuredClone(draft);
  const measuredServices = draft.services.filter((service) =>
    draft.targets.objectives.some((objective) => service.metrics.some((metric) => metric.id === objective.metricId)),
  );
  if (measuredServices.length === 0) throw new Error('The draft needs at least one service with a target to be enlarged.');
  let copy = 1;
  while (clauseCount(large) < targetClauses) {
    copy++;
    for (const service of measuredServices) {
      const metricIds = new Map(service.metrics.map((metric) => [metric.id, `${metric.id}-${copy}`]));
      large.services.push({
        ...structuredClone(service),
        id: `${service.id}-${copy}`,
        // Numbered in each language written, so that a bilingual copy stays bilingual.
        name: { en: numbered(service.name.en, copy), 'zh-CN': numbered(service.name['zh-CN'], copy) },
        metrics: service.metrics.map((metric) => ({ ...structuredClone(metric), id: metricIds.get(metric.id)! })),
      });
      for (const objective of draft.targets.objectives) {
        const metricId = metricIds.get(objective.metricId);
        if (metricId) large.targets.objectives.push({ ...objective, id: `${objective.id}-${copy}`, metricId });
      }
      for (const tier of draft.compensation.creditTiers) {
        const metricId = metricIds.get(tier.metricId);
        if (metricId) large.compensation.creditTiers.push({ ...tier, id: `${tier.id}-${copy}`, metricId });
      }
    }
  }
  return large;
}

function numbered(name: string, copy: number): string {
  return name === '' ? '' : `${name} ${copy}`;
}

function firstParagraph(clause: Clause): Extract<Block, { kind: 'paragraph' }> | undefined {
  return clause.blocks.find((block): block is Extract<Block, { kind: 'paragraph' }> => block.kind === 'paragraph' && block.runs.length > 0);
}

/** Change one figure or one word of a clause, as a negotiation round does. */
function editClause(clause: Clause, round: number): boolean {
  const paragraph = firstParagraph(clause);
  if (!paragraph) return false;
  for (const run of paragraph.runs) {
    const edited = run.text.replace(/\d+(?:\.\d+)?/, (figure) => String(Number(figure) + 1));
    if (edited !== run.text) {
      run.text = edited;
      return true;
    }
  }
  const last = paragraph.runs[paragraph.runs.length - 1]!;
  last.text = round % 2 === 0 ? last.text.replace(/\bshall\b/, 'will') : `${last.text} promptly`;
  if (!/\bwill\b|promptly$/.test(last.text)) last.text = `${last.text} (as amended)`;
  return true;
}

export interface ComparePair {
  old: ContractDoc;
  new: ContractDoc;
}

/**
 * Two versions of a large contract: the assembled draft, and a copy in
 * which about `editShare` of the clauses have a figure or a word changed,
 * one clause is rewritten entirely, one sub-clause is removed and one is
 * inserted.
 */
export function largeComparePair(
  draft: SlaDraft,
  template: Template,
  options: { targetClauses?: number; editShare?: number; language?: ContractLanguage } = {},
): ComparePair {
  const language = options.language ?? 'en';
  const oldDoc = assembleContract(largeDraft(draft, template, options.targetClauses, language), template, language).doc;
  const newDoc = structuredClone(oldDoc);
  const visits = walkClauses(newDoc);
  const every = Math.max(2, Math.round(1 / (options.editShare ?? 0.1)));
  let edits = 0;
  visits.forEach(({ clause }, index) => {
    if (index % every === every - 1 && editClause(clause, edits)) edits++;
  });

  // A rewritten clause, a removed sub-clause and an inserted one, among the numbered clauses.
  const parents = visits.filter(({ clause }) => clause.blocks.filter((block) => block.kind === 'clause').length >= 2);
  const leaves = visits.filter(({ clause }) => clause.number.length > 0 && !clause.blocks.some((block) => block.kind === 'clause'));
  const rewritten = leaves[Math.floor(leaves.length / 3)]?.clause;
  if (rewritten) {
    rewritten.blocks = [
      {
        kind: 'paragraph',
        runs: [{ text: 'This clause has been replaced in full by the parties in the latest negotiation round, and none of its earlier wording applies.' }],
      },
    ];
  }
  const removeFrom = parents[0]?.clause;
  if (removeFrom) {
    const index = removeFrom.blocks.findIndex((block) => block.kind === 'clause');
    removeFrom.blocks.splice(index, 1);
  }
  const insertInto = parents[parents.length - 1]?.clause;
  if (insertInto) {
    insertInto.blocks.push({
      kind: 'clause',
      clause: {
        id: `${insertInto.id}.bench-inserted`,
        number: [...insertInto.number, 99],
        title: 'Additional Commitment',
        steps: [],
        blocks: [{ kind: 'paragraph', runs: [{ text: 'The Provider shall review these service levels with the Customer every six months.' }] }],
      },
    });
  }
  return { old: oldDoc, new: newDoc };
}

export interface Timing {
  /** Milliseconds, over the measured runs after warm-up. */
  median: number;
  min: number;
  max: number;
  runs: number;
}

function time(run: () => unknown, runs: number, warmup: number): Timing {
  for (let i = 0; i < warmup; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const middle = samples.length >> 1;
  const median = samples.length % 2 === 1 ? samples[middle]! : (samples[middle - 1]! + samples[middle]!) / 2;
  return { median, min: samples[0]!, max: samples[samples.length - 1]!, runs };
}

export interface BenchCompareResult {
  clauses: { old: number; new: number };
  counts: ContractComparison['counts'];
  /** compareContracts: clause alignment, word diff of the changed clauses, anchors. */
  compare: Timing;
  /** The `diff` package's diffWords alone on the same changed clause texts: the floor our own work adds to. */
  bareDiff: Timing;
  /** diffWords over the two whole documents' clause text, without alignment: what alignment saves. */
  wholeDocumentDiff: Timing;
  /** The target for `compare.median`. */
  targetMs: number;
}

export function benchCompare(input: {
  template: Template;
  /** The draft to enlarge; the enterprise preset is the reference. */
  draft: SlaDraft;
  language?: ContractLanguage;
  runs?: number;
  warmup?: number;
}): BenchCompareResult {
  const runs = input.runs ?? 30;
  const warmup = input.warmup ?? 5;
  const pair = largeComparePair(input.draft, input.template, { language: input.language });
  const comparison = compareContracts(pair.old, pair.new);
  const changedTexts = comparison.clauses.filter((clause) => clause.status === 'changed').map((clause) => [clause.old!.text, clause.new!.text] as const);
  const wholeText = (doc: ContractDoc) =>
    walkClauses(doc)
      .map(({ clause }) => clauseOwnText(clause))
      .join('\n');
  const oldWhole = wholeText(pair.old);
  const newWhole = wholeText(pair.new);
  return {
    clauses: { old: walkClauses(pair.old).length, new: walkClauses(pair.new).length },
    counts: comparison.counts,
    compare: time(() => compareContracts(pair.old, pair.new), runs, warmup),
    bareDiff: time(() => changedTexts.map(([before, after]) => diffWords(before, after)), runs, warmup),
    wholeDocumentDiff: time(() => diffWords(oldWhole, newWhole), Math.max(1, Math.ceil(runs / 3)), Math.min(warmup, 1)),
    targetMs: 50,
  };
}
