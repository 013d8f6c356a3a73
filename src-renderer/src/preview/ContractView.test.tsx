/**
 * The preview page as a reader sees it: numbered headings, tables with
 * their header and one row per item, blanks that stand out, the clauses of
 * the current step marked, and both languages side by side — rendered from
 * an assembled ContractDoc. Also that re-assembling after one change keeps
 * every untouched clause object, which is what lets React skip them.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { assembleBilingual, assembleContract, BLANK } from '../../../src-shared/contract/assemble';
import { clauseNumberText, runsText, walkClauses, type Clause, type ContractDoc, type Table } from '../../../src-shared/contract/doc';
import { preset, standardTemplate } from '../../../src-shared/contract/fixtures';
import { BilingualDocView, ContractDocView } from './ContractView';
import { stabilize } from './stabilize';

const template = standardTemplate();

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function tables(doc: ContractDoc): Table[] {
  return walkClauses(doc).flatMap(({ clause }) => clause.blocks.filter((block): block is Table => block.kind === 'table'));
}

function clauseById(doc: ContractDoc, id: string): Clause {
  const found = walkClauses(doc).find(({ clause }) => clause.id === id);
  if (!found) throw new Error(`no clause ${id}`);
  return found.clause;
}

describe('the contract page', () => {
  const { doc } = assembleContract(preset('enterprise'), template, 'en');
  const html = renderToStaticMarkup(<ContractDocView doc={doc} activeStep="compensation" />);

  it('shows the cover and every numbered heading with its number, in the document language', () => {
    expect(html).toMatch(/^<article class="contract-page" lang="en">/);
    expect(html).toContain(`<h3 class="contract-title">${escapeHtml(doc.cover.title)}</h3>`);
    const titled = walkClauses(doc).filter(({ clause }) => clause.title !== null && clause.number.length > 0);
    expect(titled.some(({ depth }) => depth > 0)).toBe(true);
    for (const { clause } of titled) {
      expect(html).toContain(`<span class="contract-number">${clauseNumberText(clause.number)}</span>${escapeHtml(clause.title!)}`);
    }
  });

  it('renders each table with its header row and one row per item', () => {
    const creditTiers = tables(doc).find((table) => table.tableKind === 'creditTiers');
    expect(creditTiers).toBeDefined();
    const start = html.indexOf('<table class="contract-table contract-table-creditTiers">');
    const markup = html.slice(start, html.indexOf('</table>', start));
    const headers = [...markup.matchAll(/<th [^>]*>(.*?)<\/th>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, ''));
    expect(headers).toEqual(creditTiers!.header[0]!.cells.map((cell) => escapeHtml(runsText(cell.runs))));
    expect(markup.split('<tr>').length - 1).toBe(creditTiers!.header.length + creditTiers!.rows.length);
  });

  it('marks the clauses of the current step, outermost only, and underlines values from the draft', () => {
    const active = [...html.matchAll(/data-clause-id="([^"]+)" data-active="true"/g)].map((match) => match[1]);
    expect(active).toContain('claims');
    // A sub-clause of a marked clause is not marked again.
    expect(active).not.toContain('claims.steps');
    for (const id of active) expect(clauseById(doc, id!).steps).toContain('compensation');
    // For Targets, the definitions mention the step but the service levels are about it: only those are its primary clauses.
    const targets = renderToStaticMarkup(<ContractDocView doc={doc} activeStep="targets" />);
    expect(targets).toContain('data-clause-id="definitions" data-active="true">');
    expect(targets).toContain('data-clause-id="service-levels" data-active="true" data-primary="true">');
    const claimDays = clauseById(doc, 'claims.steps')
      .blocks.flatMap((block) => (block.kind === 'paragraph' ? block.runs : []))
      .find((run) => run.source?.path === 'compensation.claimWindowDays');
    expect(html).toContain(`<span class="contract-value" data-path="compensation.claimWindowDays">${escapeHtml(claimDays!.text)}</span>`);
  });

  it('makes a blank stand out', () => {
    const draft = preset('enterprise');
    draft.parties.customer.legalName = '';
    const blankHtml = renderToStaticMarkup(<ContractDocView doc={assembleContract(draft, template, 'en').doc} activeStep={null} />);
    // On the cover the name is bold; the blank keeps the look and stands out.
    expect(blankHtml).toContain(`<span class="contract-blank" data-path="parties.customer.legalName"><strong>${BLANK}</strong></span>`);
    expect(html).not.toContain('contract-blank');
  });

  it('sets English and Chinese side by side, clause by clause', () => {
    const pair = assembleBilingual(preset('enterprise'), template);
    const bilingual = renderToStaticMarkup(<BilingualDocView en={pair.en} zh={pair.zh} activeStep={null} />);
    const rows = bilingual.split('<div class="contract-bilingual-row">').slice(1);
    expect(rows).toHaveLength(pair.en.clauses.length + 1);
    pair.en.clauses.forEach((clause, i) => {
      const row = rows[i + 1]!;
      const zh = pair.zh.clauses[i]!;
      expect(row).toContain(`<div lang="en"><section class="contract-clause contract-clause-depth-0" data-clause-id="${clause.id}"`);
      expect(row).toContain(`<div lang="zh-CN"><section class="contract-clause contract-clause-depth-0" data-clause-id="${zh.id}"`);
      if (zh.title !== null) expect(row).toContain(escapeHtml(zh.title));
    });
  });
});

describe('stabilize', () => {
  it('keeps every clause the change did not touch, so only the changed ones re-render', () => {
    const draft = preset('enterprise');
    const before = assembleContract(draft, template, 'en').doc;
    draft.compensation.claimWindowDays += 15;
    const after = stabilize(before, assembleContract(draft, template, 'en').doc);

    const changed = after.clauses.filter((clause, i) => clause !== before.clauses[i]).map((clause) => clause.id);
    expect(changed).toContain('claims');
    expect(changed.length).toBeLessThanOrEqual(2);
    expect(after.cover).toBe(before.cover);
    expect(runsText(clauseById(after, 'claims.steps').blocks.flatMap((block) => (block.kind === 'paragraph' ? block.runs : [])))).not.toBe(
      runsText(clauseById(before, 'claims.steps').blocks.flatMap((block) => (block.kind === 'paragraph' ? block.runs : []))),
    );
    // Nothing changed at all: the very same document.
    expect(stabilize(after, assembleContract(draft, template, 'en').doc)).toBe(after);
  });
});
