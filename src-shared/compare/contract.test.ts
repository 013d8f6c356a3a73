import { describe, expect, it } from 'vitest';
import { assembleContract } from '../contract/assemble';
import { TABLE_KINDS, type ContractLanguage, type Table, type TableRow } from '../contract/doc';
import { preset, standardTemplate } from '../contract/fixtures';
import en from '../i18n/en.json';
import zhCN from '../i18n/zh-CN.json';
import { localized } from '../model/localized';
import type { SlaDraft } from '../model/schema';
import { benchCompare, largeComparePair } from './bench';
import {
  adjacentAnchor,
  alignClauses,
  changeSummary,
  compareContracts,
  onlyChangedClauses,
  type ChangePlace,
  type ComparedClause,
  type ComparedText,
  type ContractComparison,
} from './contract';
import { compareTables, type ComparedRow, type ComparedTable } from './table';
import { newSideText, oldSideText, type WordSegment } from './words';

function contract(draft: SlaDraft, language: ContractLanguage = 'en') {
  return assembleContract(draft, standardTemplate(), language).doc;
}

/** A negotiation round on the standard preset: a higher target, PIPL instead of the GDPRs, arbitration, no chronic-failure exit. */
function round(): { before: SlaDraft; after: SlaDraft } {
  const before = preset('standard-saas');
  const after = structuredClone(before);
  after.targets.objectives[0]!.objective = 99.95;
  after.compliance.dataProtection = ['PIPL'];
  after.compliance.disputeResolution = {
    method: 'arbitration',
    venue: localized('London', '伦敦'),
    institution: localized('LCIA', '伦敦国际仲裁院'),
    language: 'en',
  };
  after.compensation.chronicFailure.enabled = false;
  return { before, after };
}

function clause(comparison: ContractComparison, id: string): ComparedClause {
  const found = comparison.clauses.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no clause ${id}`);
  return found;
}

/** Every list of segments of a clause in reading order: its text parts and its table cells. */
function allSegments(compared: ComparedClause): WordSegment[][] {
  return compared.parts.flatMap((part) => (part.kind === 'text' ? [part.segments] : part.rows.flatMap((row) => row.cells)));
}

function changes(compared: ComparedClause): Array<[string, string]> {
  return allSegments(compared)
    .flat()
    .filter((segment) => segment.kind !== 'equal')
    .map((segment) => [segment.kind, segment.text]);
}

/** The text parts of a clause: all of a clause without a table. */
function texts(compared: ComparedClause): ComparedText[] {
  return compared.parts.filter((part): part is ComparedText => part.kind === 'text');
}

/** The one table of a clause. */
function table(compared: ComparedClause): ComparedTable {
  const tables = compared.parts.filter((part): part is ComparedTable => part.kind === 'table');
  expect(tables).toHaveLength(1);
  return tables[0]!;
}

/**
 * One version's side of a compared clause as that version's clause text
 * reads (clauseOwnText): its text parts, and the rows of its tables with
 * their cells separated by tabs, one line each.
 */
function sideText(compared: ComparedClause, side: 'old' | 'new'): string {
  const text = side === 'old' ? oldSideText : newSideText;
  const hiddenRow = side === 'old' ? 'added' : 'removed';
  const lines: string[] = [];
  for (const part of compared.parts) {
    if (part.kind === 'text') {
      const own = text(part.segments);
      if (own !== '') lines.push(own);
    } else if (part[side] !== null) {
      for (const row of part.rows) if (row.status !== hiddenRow) lines.push(row.cells.map(text).join('\t'));
    }
  }
  return lines.join('\n');
}

/** The segments a change stop points into. */
function segmentsAt(compared: ComparedClause, place: ChangePlace): WordSegment[] {
  const part = compared.parts[place.part]!;
  if (part.kind === 'text') return part.segments;
  return place.row === null ? [] : (part.rows[place.row]!.cells[place.cell ?? 0] ?? []);
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
      expect(clause(comparison, 'data-protection.pipl').parts).toEqual([
        { kind: 'text', segments: [{ kind: 'inserted', text: clause(comparison, 'data-protection.pipl').new!.text }], replaced: false },
      ]);
      expect(clause(comparison, 'data-protection.gdpr').parts).toEqual([
        { kind: 'text', segments: [{ kind: 'deleted', text: clause(comparison, 'data-protection.gdpr').old!.text }], replaced: false },
      ]);
      // Added: the PIPL clauses (mainland personal information, entrusted processing, its supervision).
      expect(comparison.counts).toMatchObject({ added: 3, removed: 4, moved: 0 });
      expect(comparison.counts.unchanged + comparison.counts.changed + comparison.counts.added + comparison.counts.removed).toBe(comparison.clauses.length);

      // Each side of every clause, its text and its tables' rows, reads exactly as that version's clause text.
      for (const compared of comparison.clauses) {
        if (compared.old) expect(sideText(compared, 'old')).toBe(compared.old.text);
        if (compared.new) expect(sideText(compared, 'new')).toBe(compared.new.text);
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
    const positions = anchors.map((anchor) => [
      anchor.clauseIndex,
      anchor.place?.part ?? -1,
      anchor.place?.row ?? -1,
      anchor.place?.cell ?? -1,
      anchor.place?.segment ?? -1,
    ]);
    expect(positions).toEqual([...positions].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]! || a[3]! - b[3]! || a[4]! - b[4]!));
    expect(new Set(anchors.map((anchor) => anchor.key)).size).toBe(anchors.length);
    // One stop per run of changes in a changed clause (here the target's cell of the targets table), one per whole added or removed clause.
    const commitment = anchors.filter((anchor) => anchor.clauseId === 'service-levels.commitment');
    expect(commitment).toEqual([expect.objectContaining({ kind: 'changed', place: { part: 1, row: 1, cell: 2, segment: 1 } })]);
    expect(anchors.filter((anchor) => anchor.clauseId === 'data-protection.pipl')).toEqual([expect.objectContaining({ kind: 'added', place: null })]);
    for (const anchor of anchors) {
      const compared = comparison.clauses[anchor.clauseIndex]!;
      expect(compared.id).toBe(anchor.clauseId);
      if (anchor.place?.segment != null) expect(segmentsAt(compared, anchor.place)[anchor.place.segment]!.kind).not.toBe('equal');
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
    expect(texts(whole).map((part) => part.segments)).toEqual([
      [
        { kind: 'deleted', text: whole.old!.text },
        { kind: 'inserted', text: whole.new!.text },
      ],
    ]);

    const partly = contract(before);
    const firstParagraph = partly.clauses.find((candidate) => candidate.id === 'term')!.blocks[0]!;
    if (firstParagraph.kind !== 'paragraph') throw new Error('the term clause starts with a paragraph');
    firstParagraph.runs = [{ text: 'This Agreement runs for three years.' }];
    const paragraph = clause(compareContracts(old, partly), 'term');
    expect(paragraph.replaced).toBe(false);
    const [text] = texts(paragraph);
    expect(text!.segments[0]).toEqual({ kind: 'equal', text: 'Term\nThis Agreement ' });
    expect(text!.segments[text!.segments.length - 1]).toMatchObject({
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

/** The marked words of one cell, as the user reads them: [kind, text] of each deletion and insertion. */
function cellChanges(cell: readonly WordSegment[]): Array<[string, string]> {
  return cell.filter((segment) => segment.kind !== 'equal').map((segment) => [segment.kind, segment.text]);
}

/** Each body row's status, in the order the view draws them. */
function rowStatuses(compared: ComparedTable): string[] {
  return compared.rows.filter((row) => !row.header).map((row) => row.status);
}

describe('a table in the clause diff: compared row by row and cell by cell', () => {
  /** The standard preset's three availability credit tiers (10 %, 25 %, 50 %), and a round that edits them. */
  function tiers(edit: (tiers: SlaDraft['compensation']['creditTiers']) => void): { before: SlaDraft; after: SlaDraft } {
    const before = preset('standard-saas');
    const after = structuredClone(before);
    edit(after.compensation.creditTiers);
    return { before, after };
  }

  // English keeps a figure and its per cent sign together with a no-break space (format/index.ts).
  const NBSP = '\u00A0';
  const WORDS = {
    en: {
      below99: `less than 99${NBSP}%`,
      below90: `less than 90${NBSP}%`,
      credit25: `25${NBSP}%`,
      credit100: `100${NBSP}%`,
      amount25: 'GBP 1,562.50',
      amount30: 'GBP 1,875.00',
    },
    'zh-CN': { below99: '低于99%', below90: '低于90%', credit25: '25%', credit100: '100%', amount25: '1,562.50 英镑', amount30: '1,875.00 英镑' },
  } as const;

  for (const language of ['en', 'zh-CN'] as const) {
    const words = WORDS[language];

    it(`a changed credit tier (${language}): one changed row, its changed cells marked, one change per cell`, () => {
      const { before, after } = tiers((list) => {
        list[1]!.creditPercent = 30;
      });
      const comparison = compareContracts(contract(before, language), contract(after, language));
      const entitlement = clause(comparison, 'service-credits.entitlement');
      expect(entitlement).toMatchObject({ status: 'changed', replaced: false });
      const credits = table(entitlement);
      expect(credits.tableKind).toBe('creditTiers');
      expect(credits.rows.filter((row) => row.header).map((row) => row.status)).toEqual(['unchanged']);
      expect(rowStatuses(credits)).toEqual(['unchanged', 'changed', 'unchanged']);
      const changed = credits.rows.find((row) => row.status === 'changed')!;
      // The service, the metric and the threshold read the same; the credit changes its figure only, the amount as a whole.
      expect(changed.cells.slice(0, 3).map(cellChanges)).toEqual([[], [], []]);
      expect(newSideText(changed.cells[2]!)).toBe(words.below99);
      expect(cellChanges(changed.cells[3]!)).toEqual([
        ['deleted', '25'],
        ['inserted', '30'],
      ]);
      expect([oldSideText(changed.cells[4]!), newSideText(changed.cells[4]!)]).toEqual([words.amount25, words.amount30]);

      // Counted as the user walks it: one stop per changed cell, in the one changed clause.
      const row = credits.rows.indexOf(changed);
      expect(comparison.anchors.map((anchor) => [anchor.clauseId, anchor.kind, anchor.place?.row, anchor.place?.cell])).toEqual([
        ['service-credits.entitlement', 'changed', row, 3],
        ['service-credits.entitlement', 'changed', row, 4],
      ]);
      expect(changeSummary(comparison)).toEqual({ changes: 2, clauses: 1 });
      expect(comparison.counts).toMatchObject({ changed: 1, added: 0, removed: 0 });
    });

    it(`an added credit tier (${language}): one inserted row at its place, one change`, () => {
      const { before, after } = tiers((list) => {
        list.push({ id: 'tier-availability-4', metricId: 'platform-availability', threshold: 90, creditPercent: 100 });
      });
      const comparison = compareContracts(contract(before, language), contract(after, language));
      const credits = table(clause(comparison, 'service-credits.entitlement'));
      expect(rowStatuses(credits)).toEqual(['unchanged', 'unchanged', 'unchanged', 'added']);
      const added = credits.rows[credits.rows.length - 1]!;
      // Every word of the new row is inserted, nothing deleted.
      expect(added.cells.flat().every((segment) => segment.kind === 'inserted')).toBe(true);
      expect(added.cells.slice(2, 4).map(newSideText)).toEqual([words.below90, words.credit100]);
      expect(comparison.anchors.filter((anchor) => anchor.clauseId === 'service-credits.entitlement')).toEqual([
        expect.objectContaining({ kind: 'added', place: { part: 1, row: credits.rows.length - 1, cell: null, segment: null } }),
      ]);
      const summary = changeSummary(comparison);
      expect(summary.changes).toBe(comparison.anchors.length);
      expect(summary.clauses).toBe(onlyChangedClauses(comparison).length);
    });

    it(`a removed credit tier (${language}): one deleted row where it stood, the tier below it not changed`, () => {
      const { before, after } = tiers((list) => {
        list.splice(1, 1);
      });
      const comparison = compareContracts(contract(before, language), contract(after, language));
      const credits = table(clause(comparison, 'service-credits.entitlement'));
      expect(rowStatuses(credits)).toEqual(['unchanged', 'removed', 'unchanged']);
      const removed = credits.rows.find((row) => row.status === 'removed')!;
      expect(removed.cells.flat().every((segment) => segment.kind === 'deleted')).toBe(true);
      expect(removed.cells.slice(2, 4).map(oldSideText)).toEqual([words.below99, words.credit25]);
      expect(comparison.anchors).toEqual([
        expect.objectContaining({
          clauseId: 'service-credits.entitlement',
          kind: 'removed',
          place: { part: 1, row: credits.rows.indexOf(removed), cell: null, segment: null },
        }),
      ]);
      expect(changeSummary(comparison)).toEqual({ changes: 1, clauses: 1 });
    });
  }
});

describe('compareTables', () => {
  it('has a name for every kind of table, in both languages, for the view to name the table it draws', () => {
    for (const messages of [en, zhCN]) {
      const names: Record<string, string> = messages.compareView.contract.tables;
      expect(TABLE_KINDS.filter((kind) => !names[kind])).toEqual([]);
    }
  });

  const row = (id: string | undefined, ...cells: string[]): TableRow => ({ id, cells: cells.map((text) => ({ runs: [{ text }] })) });
  const holidays = (...rows: TableRow[]): Table => ({
    kind: 'table',
    tableKind: 'generic',
    widths: [1, 3],
    align: ['left', 'left'],
    header: [row(undefined, 'Year', 'Public holidays')],
    rows,
  });
  const statuses = (rows: readonly ComparedRow[]) => rows.map((compared) => compared.status);

  it('matches rows without a draft item of their own by their first cell when a row was inserted above', () => {
    // The assembly numbers the rows of plain values 1, 2…: the year says which row is which, not that number.
    const before = holidays(row('1', '2027', '1 January, 26 March'));
    const after = holidays(row('1', '2026', '1 January'), row('2', '2027', '1 January, 26 March, 29 March'));
    const compared = compareTables(before, after);
    expect(statuses(compared.rows)).toEqual(['unchanged', 'added', 'changed']);
    expect(cellChanges(compared.rows[2]!.cells[1]!)).toEqual([['inserted', ', 29 March']]);
  });

  it('never pairs the rows of two different draft items: one is removed and the other added', () => {
    const before = holidays(row('tier-a', 'less than 99 %', '25 %'));
    const after = holidays(row('tier-b', 'less than 98 %', '20 %'));
    expect(statuses(compareTables(before, after).rows)).toEqual(['unchanged', 'removed', 'added']);
  });

  it('pairs header rows by position when their words changed', () => {
    const before = holidays(row('1', '2027', '1 January'));
    const after: Table = { ...before, header: [row(undefined, 'Calendar year', 'Public holidays')] };
    const compared = compareTables(before, after);
    expect(statuses(compared.rows)).toEqual(['changed', 'unchanged']);
    expect(cellChanges(compared.rows[0]!.cells[0]!)).toEqual([
      ['deleted', 'Year'],
      ['inserted', 'Calendar year'],
    ]);
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
