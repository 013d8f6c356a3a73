/**
 * Test support (imported only by *.test.ts): the standard template's
 * contracts of a draft, and the clauses, texts, tables and runs a test
 * reads in them.
 */
import { assembleContract } from './assemble';
import { clauseOwnText, walkClauses, type Clause, type ContractDoc, type Run, type Table } from './doc';
import { standardTemplate } from './fixtures';
import type { SlaDraft } from '../model/schema';

export const template = standardTemplate();

export function en(draft: SlaDraft): ContractDoc {
  return assembleContract(draft, template, 'en').doc;
}

export function clause(doc: ContractDoc, id: string): Clause | undefined {
  return walkClauses(doc).find((visit) => visit.clause.id === id)?.clause;
}

export function clauseText(doc: ContractDoc, id: string): string {
  const found = clause(doc, id);
  if (!found) throw new Error(`clause ${id} is not in the document`);
  return walkClauses({ clauses: [found] })
    .map((visit) => clauseOwnText(visit.clause))
    .join('\n');
}

export function tables(doc: ContractDoc, kind: Table['tableKind']): Table[] {
  return walkClauses(doc).flatMap(({ clause: c }) => c.blocks.filter((block): block is Table => block.kind === 'table' && block.tableKind === kind));
}

export function allRuns(doc: ContractDoc): Run[] {
  const runs: Run[] = doc.cover.lines.flatMap((line) => line.runs);
  for (const { clause: c } of walkClauses(doc)) {
    for (const block of c.blocks) {
      if (block.kind === 'paragraph') runs.push(...block.runs);
      if (block.kind === 'list') runs.push(...block.items.flat());
      if (block.kind === 'definitions') runs.push(...block.items.flatMap((item) => item.runs));
      if (block.kind === 'table') runs.push(...[...block.header, ...block.rows].flatMap((row) => row.cells.flatMap((cell) => cell.runs)));
      if (block.kind === 'signature') runs.push(...block.parties.flatMap((party) => party.heading));
    }
  }
  return runs;
}
