/**
 * The wording of an assembled contract as the checks read it: each stretch
 * of text (a paragraph, a list item, a definition, a table cell) with the
 * clause it stands in. Headings and table headers are left out: they are
 * titles, not sentences.
 */
import type { Clause, ContractDoc, Run } from '../contract/doc';
import type { StepId } from '../model/schema';

export interface ContractPassage {
  /** "4.2"; "" for an unnumbered clause (the preamble). */
  clause: string;
  clauseId: string;
  step: StepId;
  runs: Run[];
  /** Set for a definition's text: the term it defines. */
  defines?: string;
}

export function contractPassages(doc: ContractDoc): ContractPassage[] {
  const passages: ContractPassage[] = [];
  const walk = (clause: Clause, inheritedStep: StepId) => {
    const step = clause.steps[0] ?? inheritedStep;
    const at = { clause: clause.number.join('.'), clauseId: clause.id, step };
    for (const block of clause.blocks) {
      switch (block.kind) {
        case 'paragraph':
          passages.push({ ...at, runs: block.runs });
          break;
        case 'list':
          for (const item of block.items) passages.push({ ...at, runs: item });
          break;
        case 'definitions':
          for (const item of block.items) passages.push({ ...at, runs: item.runs, defines: item.term });
          break;
        case 'table':
          for (const row of block.rows) for (const cell of row.cells) passages.push({ ...at, runs: cell.runs });
          break;
        case 'clause':
          walk(block.clause, step);
          break;
        case 'signature':
          break;
      }
    }
  };
  for (const clause of doc.clauses) walk(clause, 'services');
  return passages;
}
