/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { assembleContract } from '../contract/assemble';
import type { Block, ContractDoc } from '../contract/doc';
import { preset, standardTemplate } from '../contract/fixtures';
import type { SlaDraft } from '../model/schema';
import { definedTermFindings } from './defined-terms';

function contractOf(draft: SlaDraft): ContractDoc {
  return assembleContract(draft, standardTemplate(), 'en').doc;
}

/** Adds template wording (no source) to the clause numbered "3". */
function addToClause3(doc: ContractDoc, block: Block): void {
  doc.clauses.find((clause) => clause.number.join('.') === '3')!.blocks.push(block);
}

const terms = (doc: ContractDoc, draft: SlaDraft) => definedTermFindings(draft, doc).map((f) => `${f.key.split('.').pop()}:${f.params.term}@${f.clause}`);

describe('definedTermFindings', () => {
  it('finds nothing in a preset contract', () => {
    const draft = preset('enterprise');
    expect(terms(contractOf(draft), draft)).toEqual([]);
  });

  it('warns on a capitalised term that is not defined, at its clause', () => {
    const draft = preset('enterprise');
    const doc = contractOf(draft);
    addToClause3(doc, { kind: 'paragraph', runs: [{ text: 'The Provider shall tell the Escalation Board of any Outage within the Service Credit period.' }] });
    expect(terms(doc, draft)).toEqual(['notDefined:Escalation Board@3', 'notDefined:Outage@3']);
  });

  it('ignores sentence-initial words, months, week days, party and typed names', () => {
    const draft = preset('enterprise');
    const doc = contractOf(draft);
    const provider = draft.parties.provider.legalName;
    addToClause3(doc, {
      kind: 'paragraph',
      runs: [{ text: `Reviews happen on Monday in January. ${provider} and the Customer meet at the ${draft.services[0]!.name.en} review.` }],
    });
    expect(terms(doc, draft)).toEqual([]);
  });

  it('in typed text, a capitalised phrase counts but a single capitalised word (a name) does not', () => {
    const draft = preset('enterprise');
    draft.compensation.claimProcess.en = 'Claims go to Meridian support. Disputes go to the Escalation Manager.';
    expect(terms(contractOf(draft), draft)).toEqual([expect.stringMatching(/^notDefined:Escalation Manager@/)]);
  });

  it('in typed text, the title of a Chinese regulation is a name, not a term', () => {
    const draft = preset('enterprise');
    draft.compliance.dataResidency.restrictions.en = 'Transfers follow the Provisions on Promoting and Regulating Cross-Border Data Flows.';
    expect(terms(contractOf(draft), draft)).toEqual([]);
    draft.compliance.dataResidency.restrictions.en = 'Transfers follow the Promoting and Regulating Cross-Border Data Flows.';
    expect(terms(contractOf(draft), draft)).toEqual([expect.stringMatching(/^notDefined:.*Cross-Border Data Flows@/)]);
  });

  it('a name that a filled-in value defines in passing (the “PIPL”) need not be used again', () => {
    const draft = preset('china-hosted');
    expect(draft.compliance.dataProtection).toContain('PIPL');
    expect(terms(contractOf(draft), draft)).toEqual([]);
  });

  it('warns on a term defined but never used', () => {
    const draft = preset('enterprise');
    const doc = contractOf(draft);
    addToClause3(doc, { kind: 'definitions', items: [{ id: 'widget', term: 'Widget', runs: [{ text: '“Widget” means a gadget;' }] }] });
    expect(terms(doc, draft)).toEqual(['notUsed:Widget@3']);
    addToClause3(doc, { kind: 'paragraph', runs: [{ text: 'The Customer may use the Widgets.' }] });
    expect(terms(doc, draft)).toEqual([]);
  });
});
