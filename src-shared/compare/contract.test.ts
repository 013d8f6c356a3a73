import { describe, expect, it } from 'vitest';
import { assembleContract } from '../contract/assemble';
import type { ContractLanguage } from '../contract/doc';
import { preset, standardTemplate } from '../contract/fixtures';
import type { SlaDraft } from '../model/schema';
import { benchCompare, largeComparePair } from './bench';
import { adjacentAnchor, alignClauses, changeSummary, compareContracts, onlyChangedClauses, type ComparedClause, type ContractComparison } from './contract';
import { newSideText, oldSideText } from './words';

function contract(draft: SlaDraft, language: ContractLanguage = 'en') {
  return assembleContract(draft, standardTemplate(), language).doc;
}

/** A negotiation round on the standard preset: a higher target, PIPL instead of the GDPRs, arbitration, no chronic-failure exit. */
function round(): { before: SlaDraft; after: SlaDraft } {
  const before = preset('standard-saas');
  const after = structuredClone(before);
  after.targets.objectives[0]!.objective = 99.95;
  after.compliance.dataProtection = ['PIPL'];
  after.compliance.disputeResolution = { method: 'arbitration', venue: 'London', institution: 'LCIA', language: 'en' };
  after.compensation.chronicFailure.enabled = false;
  return { before, after };
}

function clause(comparison: ContractComparison, id: string): ComparedClause {
  const found = comparison.clauses.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no clause ${id}`);
  return found;
}

function changes(compared: ComparedClause): Array<[string, string]> {
  return compared.segments.filter((segment) => segment.kind !== 'equal').map((segment) => [segment.kind, segment.text]);
}

describe('alignClauses', () => {
  it('aligns by clause id: an inserted and a removed clause, and the clauses after them renumbered but unchanged', () => {
    const { before, after } = round();
    const aligned = alignClauses(contract(before), contract(after));
    const byId = new Map(aligned.map((entry) => [entry.id, entry]));

    // PIPL in, GDPR out: the new clause takes the removed one's place and number.
    const gdpr = byId.get('data-protection.gdpr')!;
    const pipl = byId.get('data-protection.pipl')!;
    expect(gdpr).toMatchObject({ status: 'removed', new: null });
    expect(pipl).toMatchObject({ status: 'added', old: null });
    expect(aligned.indexOf(gdpr)).toBe(aligned.indexOf(pipl) - 1);
    expect(pipl.new!.numberText).toBe(gdpr.old!.numberText.replace(/^\d+/, (top) => String(Number(top) - 1)));

    // Chronic failure (a top-level clause and its two sub-clauses) removed where it stood.
    const chronic = aligned.filter((entry) => entry.id.startsWith('chronic-failure'));
    const chronicNumber = chronic[0]!.old!.numberText;
    expect(chronic.map((entry) => [entry.id, entry.status, entry.old!.numberText])).toEqual([
      ['chronic-failure', 'removed', chronicNumber],
      ['chronic-failure.definition', 'removed', `${chronicNumber}.1`],
      ['chronic-failure.termination', 'removed', `${chronicNumber}.2`],
    ]);
    expect(aligned[aligned.indexOf(chronic[0]!) - 1]!.id).toBe('cap-and-remedy.sole-remedy');

    // What follows moves up a number without counting as a change.
    const events = byId.get('exclusions.events')!;
    expect(events).toMatchObject({ status: 'unchanged', renumbered: true, moved: false });
    expect(events.old!.number[0]! - events.new!.number[0]!).toBe(1);
    expect(events.new!.number[1]).toBe(events.old!.number[1]);
    expect(byId.get('term')).toMatchObject({ status: 'unchanged', renumbered: false });

    // Every clause of both documents exactly once and, nothing being reordered, both in reading order.
    const newOrder = aligned.filter((entry) => entry.new).map((entry) => entry.new!.index);
    expect(newOrder).toEqual(newOrder.map((_, i) => i));
    const oldIndexes = aligned.filter((entry) => entry.old).map((entry) => entry.old!.index);
    expect(oldIndexes).toEqual(oldIndexes.map((_, i) => i));
  });

  it('reports reordered services as moved clauses, not as removed and added ones', () => {
    const before = preset('enterprise');
    const after = structuredClone(before);
    // The per-target clauses follow the order of the targets.
    after.targets.objectives.unshift(...after.targets.objectives.splice(5, 1));
    const aligned = alignClauses(contract(before), contract(after));
    expect(aligned.filter((entry) => entry.status === 'added' || entry.status === 'removed')).toEqual([]);
    expect(aligned.filter((entry) => entry.moved).map((entry) => entry.id)).toEqual(['service-levels.measurement#obj-core-rto']);
  });
});

describe('compareContracts', () => {
  for (const language of ['en', 'zh-CN'] as const) {
    it(`diffs the words of each aligned clause (${language}): a changed target highlights only the figure`, () => {
      const { before, after } = round();
      const comparison = compareContracts(contract(before, language), contract(after, language));
      expect(changes(clause(comparison, 'service-levels.commitment'))).toEqual([
        ['deleted', '99.9'],
        ['inserted', '99.95'],
      ]);
      expect(clause(comparison, 'data-protection.pipl').segments).toEqual([{ kind: 'inserted', text: clause(comparison, 'data-protection.pipl').new!.text }]);
      expect(clause(comparison, 'data-protection.gdpr').segments).toEqual([{ kind: 'deleted', text: clause(comparison, 'data-protection.gdpr').old!.text }]);
      // Added: the PIPL clauses (mainland personal information, entrusted processing, its supervision).
      expect(comparison.counts).toMatchObject({ added: 3, removed: 4, moved: 0 });
      expect(comparison.counts.unchanged + comparison.counts.changed + comparison.counts.added + comparison.counts.removed).toBe(comparison.clauses.length);

      // The segments of every clause rebuild its old and new text exactly (the redline's accept / reject all).
      for (const compared of comparison.clauses) {
        expect(oldSideText(compared.segments)).toBe(compared.old?.text ?? '');
        expect(newSideText(compared.segments)).toBe(compared.new?.text ?? '');
      }
    });
  }

  it('keeps "only changed clauses" and the change anchors in reading order', () => {
    const { before, after } = round();
    const comparison = compareContracts(contract(before), contract(after));
    const changed = onlyChangedClauses(comparison);
    expect(changed.every((entry) => entry.status !== 'unchanged' || entry.moved)).toBe(true);
    expect(changed.length).toBe(comparison.counts.changed + comparison.counts.added + comparison.counts.removed);
    expect(changed.map((entry) => entry.id)).toEqual(comparison.clauses.filter((entry) => changed.includes(entry)).map((entry) => entry.id));

    const { anchors } = comparison;
    const positions = anchors.map((anchor) => [anchor.clauseIndex, anchor.segmentIndex ?? -1]);
    expect(positions).toEqual([...positions].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
    expect(new Set(anchors.map((anchor) => anchor.key)).size).toBe(anchors.length);
    // One stop per run of changes in a changed clause, one per whole added or removed clause.
    const commitment = anchors.filter((anchor) => anchor.clauseId === 'service-levels.commitment');
    expect(commitment).toEqual([expect.objectContaining({ kind: 'changed', segmentIndex: 1 })]);
    expect(anchors.filter((anchor) => anchor.clauseId === 'data-protection.pipl')).toEqual([expect.objectContaining({ kind: 'added', segmentIndex: null })]);
    for (const anchor of anchors) {
      const compared = comparison.clauses[anchor.clauseIndex]!;
      expect(compared.id).toBe(anchor.clauseId);
      if (anchor.segmentIndex !== null) expect(compared.segments[anchor.segmentIndex]!.kind).not.toBe('equal');
    }
  });

  it('shows a clause whose wording was replaced as replaced, and a clause with one paragraph replaced word by word', () => {
    const { before } = round();
    const old = contract(before);
    const rewritten = contract(before);
    const term = rewritten.clauses.find((candidate) => candidate.id === 'term')!;
    term.blocks = [{ kind: 'paragraph', runs: [{ text: 'Either Party may end this Agreement at any time on ninety days of written notice to the other.' }] }];
    const whole = clause(compareContracts(old, rewritten), 'term');
    expect(whole.replaced).toBe(true);
    expect(whole.segments).toEqual([
      { kind: 'deleted', text: whole.old!.text },
      { kind: 'inserted', text: whole.new!.text },
    ]);

    const partly = contract(before);
    const firstParagraph = partly.clauses.find((candidate) => candidate.id === 'term')!.blocks[0]!;
    if (firstParagraph.kind !== 'paragraph') throw new Error('the term clause starts with a paragraph');
    firstParagraph.runs = [{ text: 'This Agreement runs for three years.' }];
    const paragraph = clause(compareContracts(old, partly), 'term');
    expect(paragraph.replaced).toBe(false);
    expect(paragraph.segments[0]).toEqual({ kind: 'equal', text: 'Term\nThis Agreement ' });
    expect(paragraph.segments[paragraph.segments.length - 1]).toMatchObject({
      kind: 'equal',
      text: expect.stringContaining('The Parties may extend the Term'),
    });
  });

  it('finds nothing to show between a contract and itself', () => {
    const doc = contract(preset('enterprise'));
    const comparison = compareContracts(doc, structuredClone(doc));
    expect(comparison.anchors).toEqual([]);
    expect(onlyChangedClauses(comparison)).toEqual([]);
    expect(comparison.counts.unchanged).toBe(comparison.clauses.length);
  });
});

describe('adjacentAnchor', () => {
  const anchors = compareContracts(contract(round().before), contract(round().after)).anchors;

  it('steps forward and back, starting at either end, and stops at the ends unless it wraps', () => {
    const last = anchors.length - 1;
    expect(last).toBeGreaterThan(2);
    expect(adjacentAnchor(anchors, null, 'next')).toBe(0);
    expect(adjacentAnchor(anchors, null, 'previous')).toBe(last);
    expect(adjacentAnchor(anchors, 1, 'next')).toBe(2);
    expect(adjacentAnchor(anchors, 1, 'previous')).toBe(0);
    expect(adjacentAnchor(anchors, last, 'next')).toBeNull();
    expect(adjacentAnchor(anchors, 0, 'previous')).toBeNull();
    expect(adjacentAnchor(anchors, last, 'next', true)).toBe(0);
    expect(adjacentAnchor(anchors, 0, 'previous', true)).toBe(last);
    expect(adjacentAnchor([], null, 'next')).toBeNull();
  });
});

describe('the compare benchmark pair', () => {
  it('is two contracts of about 200 clauses with about a tenth of them edited, one inserted and one removed', () => {
    const pair = largeComparePair(preset('enterprise'), standardTemplate());
    const comparison = compareContracts(pair.old, pair.new);
    const total = comparison.clauses.length;
    expect(total).toBeGreaterThanOrEqual(200);
    expect(total).toBeLessThan(230);
    expect(comparison.counts.changed / total).toBeGreaterThan(0.08);
    expect(comparison.counts.changed / total).toBeLessThan(0.13);
    expect(comparison.counts).toMatchObject({ added: 1, removed: 1 });
    expect(comparison.clauses.filter((entry) => entry.replaced)).toHaveLength(1);
  });

  it('reports its measurements (the numbers are for npm run bench, not asserted here)', () => {
    const result = benchCompare({ template: standardTemplate(), draft: preset('enterprise'), runs: 1, warmup: 0 });
    expect(result.clauses.old).toBeGreaterThanOrEqual(200);
    for (const timing of [result.compare, result.bareDiff, result.wholeDocumentDiff]) {
      expect(Number.isFinite(timing.median)).toBe(true);
      expect(timing.runs).toBeGreaterThan(0);
    }
  });
});

describe('changeSummary', () => {
  it('counts the changes next / previous walks through and the clauses they are in, as the filter shows them', () => {
    const { before, after } = round();
    const comparison = compareContracts(contract(before), contract(after));
    const summary = changeSummary(comparison);
    expect(summary.changes).toBe(comparison.anchors.length);
    expect(summary.clauses).toBe(onlyChangedClauses(comparison).length);
    // The clauses counted are exactly those the changes are in: none without a change, none with a change left out.
    expect(new Set(comparison.anchors.map((anchor) => anchor.clauseId))).toEqual(new Set(onlyChangedClauses(comparison).map((compared) => compared.id)));
    // More changes than clauses here: the higher target alone changes words in more than one place.
    expect(summary.changes).toBeGreaterThan(summary.clauses);
  });

  it('counts nothing when the texts are the same', () => {
    const { before } = round();
    expect(changeSummary(compareContracts(contract(before), contract(before)))).toEqual({ changes: 0, clauses: 0 });
  });
});
