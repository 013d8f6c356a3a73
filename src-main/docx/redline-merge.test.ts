/**
 * The redline's invariant on contracts edited at random: whatever two
 * versions differ in — paragraphs, clauses deleted or swapped, titles,
 * table rows and cells, whole tables, list items, the cover, a bilingual
 * cell that reads the same in both languages in one version only —
 * accepting every change gives exactly the new contract the normal writer
 * makes, and rejecting every change the old one. The edits are made to
 * the assembled ContractDoc, so they reach shapes no preset has.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assembleBilingual } from '../../src-shared/contract/assemble';
import { walkClauses, type Block, type Clause, type ContractDoc, type Run, type Table } from '../../src-shared/contract/doc';
import { preset, standardTemplate } from '../../src-shared/contract/fixtures';
import { renderContractDocx } from './contract-docx';
import { renderContractRedline } from './redline-docx';
import { openPackage } from './test-package';
import { resolveRevisions, type ResolvedParagraph } from './test-revisions';

type Docs = ContractDoc[];
/** One edit: which kind, and two numbers that choose where and what. */
type Edit = [kind: number, where: number, what: number];

const WORDS: Array<[string, string]> = [
  ['revised', '修订'],
  ['99.99 %', '99.99%'],
  ['without undue delay', '不得无故拖延'],
];

const word = (doc: ContractDoc, choice: number) => WORDS[choice % WORDS.length]![doc.meta.language === 'en' ? 0 : 1];

function pick<T>(items: readonly T[], choice: number): T | undefined {
  return items.length === 0 ? undefined : items[choice % items.length];
}

/** The same clause (by position) in each language. */
function clauses(docs: Docs, choice: number): Clause[] | undefined {
  const count = walkClauses(docs[0]!).length;
  if (count === 0) return undefined;
  return docs.map((doc) => walkClauses(doc)[choice % count]!.clause);
}

/** Blocks of one kind, with their clause, at the same places in each language. */
function blocksOf<K extends Block['kind']>(docs: Docs, kind: K): Array<Array<{ clause: Clause; index: number; block: Extract<Block, { kind: K }> }>> {
  return docs.map((doc) =>
    walkClauses(doc).flatMap(({ clause }) =>
      clause.blocks.flatMap((block, index) => (block.kind === kind ? [{ clause, index, block: block as Extract<Block, { kind: K }> }] : [])),
    ),
  );
}

function editRuns(runs: Run[], doc: ContractDoc, where: number, what: number): void {
  if (runs.length === 0) {
    runs.push({ text: word(doc, what) });
    return;
  }
  const run = runs[where % runs.length]!;
  const at = run.text.length === 0 ? 0 : where % (run.text.length + 1);
  run.text =
    what % 4 === 0 && run.text.length > 3
      ? run.text.slice(0, at) + run.text.slice(at + 3)
      : `${run.text.slice(0, at)} ${word(doc, what)} ${run.text.slice(at)}`;
}

function isSignatureClause(clause: Clause): boolean {
  return clause.blocks.some((block) => block.kind === 'signature');
}

const EDITS: Array<(docs: Docs, where: number, what: number, serial: number) => void> = [
  // A paragraph's words.
  (docs, where, what) => {
    const paragraphs = blocksOf(docs, 'paragraph');
    if (paragraphs[0]!.length === 0) return;
    const at = where % paragraphs[0]!.length;
    docs.forEach((doc, l) => editRuns(paragraphs[l]![at]!.block.runs, doc, where, what));
  },
  // A block deleted.
  (docs, where, what) => {
    const chosen = clauses(docs, where);
    if (!chosen || isSignatureClause(chosen[0]!) || chosen[0]!.blocks.length === 0) return;
    const index = what % chosen[0]!.blocks.length;
    for (const clause of chosen) clause.blocks.splice(index, 1);
  },
  // A paragraph inserted.
  (docs, where, what, serial) => {
    const chosen = clauses(docs, where);
    if (!chosen || isSignatureClause(chosen[0]!)) return;
    const index = what % (chosen[0]!.blocks.length + 1);
    chosen.forEach((clause, l) =>
      clause.blocks.splice(index, 0, {
        kind: 'paragraph',
        runs: [{ text: docs[l]!.meta.language === 'en' ? `Inserted paragraph ${serial}.` : `新增段落${serial}。` }],
      }),
    );
  },
  // Two neighbouring clauses swapped (top level or within a clause).
  (docs, where) => {
    const lists = docs.map((doc) => [
      doc.clauses.map((clause) => ({ kind: 'clause' as const, clause })),
      ...walkClauses(doc).map(({ clause }) => clause.blocks),
    ]);
    const index = where % lists[0]!.length;
    docs.forEach((doc, l) => {
      const blocks = lists[l]![index]!;
      const positions = blocks.flatMap((block, i) => (block.kind === 'clause' && !isSignatureClause(block.clause) ? [i] : []));
      const first = pick(positions.slice(0, -1), where);
      if (first === undefined) return;
      const second = positions[positions.indexOf(first) + 1]!;
      [blocks[first], blocks[second]] = [blocks[second]!, blocks[first]!];
      if (index === 0) doc.clauses = blocks.map((block) => (block as { clause: Clause }).clause);
    });
  },
  // A clause's title reworded.
  (docs, where, what) => {
    const chosen = clauses(docs, where);
    chosen?.forEach((clause, l) => {
      if (clause.title !== null) clause.title = `${clause.title} ${word(docs[l]!, what)}`;
    });
  },
  // A table row deleted, added or edited.
  (docs, where, what, serial) => {
    const tables = blocksOf(docs, 'table');
    const index = tables[0]!.length === 0 ? -1 : where % tables[0]!.length;
    if (index < 0) return;
    docs.forEach((doc, l) => {
      const table = tables[l]![index]!.block;
      const row = what % table.rows.length;
      if (what % 3 === 0 && table.rows.length > 1) table.rows.splice(row, 1);
      else if (what % 3 === 1)
        table.rows.splice(row, 0, {
          ...(table.rows[row]!.id ? { id: `${table.rows[row]!.id}-${serial}` } : {}),
          cells: table.rows[row]!.cells.map((cell) => ({ runs: [{ text: `${runsTextOf(cell.runs)} ${word(doc, what)}` }] })),
        });
      else editRuns(table.rows[row]!.cells[where % table.rows[row]!.cells.length]!.runs, doc, where, what);
    });
  },
  // A table copied into another clause, or deleted.
  (docs, where, what) => {
    const tables = blocksOf(docs, 'table');
    if (tables[0]!.length === 0) return;
    const index = where % tables[0]!.length;
    if (what % 2 === 0) {
      docs.forEach((_, l) => {
        const { clause, index: at } = tables[l]![index]!;
        clause.blocks.splice(at, 1);
      });
      return;
    }
    const target = clauses(docs, what);
    if (!target || isSignatureClause(target[0]!)) return;
    const at = where % (target[0]!.blocks.length + 1);
    target.forEach((clause, l) => clause.blocks.splice(at, 0, structuredClone(tables[l]![index]!.block)));
  },
  // A list item deleted, added or edited.
  (docs, where, what) => {
    const lists = blocksOf(docs, 'list');
    if (lists[0]!.length === 0) return;
    const index = where % lists[0]!.length;
    docs.forEach((doc, l) => {
      const list = lists[l]![index]!.block;
      const item = what % list.items.length;
      if (what % 3 === 0 && list.items.length > 1) list.items.splice(item, 1);
      else if (what % 3 === 1) list.items.splice(item, 0, [{ text: word(doc, what) }]);
      else editRuns(list.items[item]!, doc, where, what);
    });
  },
  // The cover's title or one of its lines.
  (docs, where, what) => {
    // Conditions never depend on the language: both covers have the same lines, so a line goes in both.
    const lineId = pick(docs[0]!.cover.lines, where)?.id;
    docs.forEach((doc) => {
      if (what % 3 === 0) doc.cover.title = `${doc.cover.title} ${word(doc, what)}`;
      else if (what % 3 === 1) doc.cover.lines = doc.cover.lines.filter((line) => line.id !== lineId);
      else {
        const line = pick(doc.cover.lines, where);
        if (line) editRuns(line.runs, doc, where, what);
      }
    });
  },
  // A bilingual cell that reads the same in both languages (written once), or the Chinese left empty.
  (docs, where, what) => {
    if (docs.length < 2) return;
    const tables = blocksOf(docs, 'table');
    if (tables[0]!.length === 0) return;
    const index = where % tables[0]!.length;
    const en: Table = tables[0]![index]!.block;
    const zh: Table = tables[1]![index]!.block;
    const row = what % zh.rows.length;
    const cell = where % zh.rows[row]!.cells.length;
    zh.rows[row]!.cells[cell]!.runs = what % 2 === 0 ? structuredClone(en.rows[row]!.cells[cell]!.runs) : [];
  },
];

function runsTextOf(runs: readonly Run[]): string {
  return runs.map((run) => run.text).join('');
}

function edited(base: Docs, edits: readonly Edit[]): Docs {
  const docs = structuredClone(base);
  edits.forEach(([kind, where, what], serial) => EDITS[kind % EDITS.length]!(docs, where, what, serial));
  return docs;
}

async function paragraphs(bytes: Uint8Array, decision: 'accept' | 'reject'): Promise<ResolvedParagraph[]> {
  return resolveRevisions(await (await openPackage(bytes)).xml('word/document.xml'), decision);
}

async function contract(docs: Docs): Promise<ResolvedParagraph[]> {
  const source = docs.length === 2 ? { language: 'bilingual' as const, en: docs[0]!, zh: docs[1]! } : { language: docs[0]!.meta.language, doc: docs[0]! };
  return paragraphs(await renderContractDocx(source, { draftJson: '{}\n' }), 'accept');
}

const edits = fc.array(fc.tuple(fc.nat(EDITS.length - 1), fc.nat(10_000), fc.nat(10_000)), { minLength: 0, maxLength: 6 });

describe('redline of randomly edited contracts', () => {
  const pair = assembleBilingual(preset('standard-saas'), standardTemplate(), {});
  // The template has no untitled numbered clause (numbered on its first paragraph); make two, so the edits reach one.
  for (const doc of [pair.en, pair.zh]) {
    for (const { clause } of walkClauses(doc)) if (clause.id === 'service-levels.calculation' || clause.id === 'support.classification') clause.title = null;
  }
  const cases: Array<[string, Docs]> = [
    ['English', [pair.en]],
    ['Chinese', [pair.zh]],
    ['bilingual', [pair.en, pair.zh]],
  ];
  it('keeps the number of an untitled clause on its first paragraph when that paragraph is replaced, inserted above or deleted', async () => {
    const base: Docs = [pair.en];
    const at = walkClauses(pair.en).findIndex(({ clause }) => clause.id === 'service-levels.calculation');
    const cases: Array<[Edit[], Edit[]]> = [
      [[], [[2, at, 0]]],
      [[[2, at, 0]], []],
      [[[1, at, 0]], [[0, 0, 1]]],
    ];
    for (const [oldEdits, newEdits] of cases) {
      const before = edited(base, oldEdits);
      const after = edited(base, newEdits);
      const { bytes } = await renderContractRedline(before, after, {
        by: { author: 'Tester', date: '2026-01-02T03:04:05Z' },
        footerNote: 'Changes',
        draftJson: '{}\n',
      });
      expect(await paragraphs(bytes, 'accept')).toEqual(await contract(after));
      expect(await paragraphs(bytes, 'reject')).toEqual(await contract(before));
    }
  }, 120_000);

  for (const [name, base] of cases) {
    it(`${name}: accept all gives the new contract and reject all the old one`, async () => {
      await fc.assert(
        fc.asyncProperty(edits, edits, async (oldEdits, newEdits) => {
          const before = edited(base, oldEdits);
          const after = edited(base, newEdits);
          const { bytes } = await renderContractRedline(before, after, {
            by: { author: 'Tester', date: '2026-01-02T03:04:05Z' },
            footerNote: 'Changes',
            draftJson: '{}\n',
          });
          expect(await paragraphs(bytes, 'accept')).toEqual(await contract(after));
          expect(await paragraphs(bytes, 'reject')).toEqual(await contract(before));
        }),
        { numRuns: 8 },
      );
    }, 300_000);
  }
});
