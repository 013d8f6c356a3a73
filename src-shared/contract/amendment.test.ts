/**
 * The amendment instrument as a lawyer reads it: the signed agreement named
 * and dated in the recitals, the changed clauses only (replaced, added,
 * deleted, or single definitions), "all other terms remain in force", the
 * signature blocks — in English, in Chinese, and as an aligned bilingual pair.
 */
import { describe, expect, it } from 'vitest';
import { amendmentChanges, assembleAmendment, assembleBilingualAmendment, type AmendedAgreement } from './amendment';
import { assembleContract } from './assemble';
import { blockShape, clauseOwnText, documentText, walkClauses, type ContractDoc } from './doc';
import { preset } from './fixtures';
import { template } from './test-support';
import { localized } from '../model/localized';
import type { SlaDraft } from '../model/schema';

/** Signed under the standard preset's title, in both languages: each text of the amendment quotes its own. */
const agreement: AmendedAgreement = {
  number: 1,
  title: localized('Brightledger Platform Service Level Agreement', 'Brightledger财务运营平台服务水平协议'),
  signedOn: '2026-11-20',
};

/** The standard preset as signed, and as amended: availability raised to 99.95 %, 45 days to claim a credit. */
function drafts(): { signed: SlaDraft; amended: SlaDraft } {
  const signed = preset('standard-saas');
  const amended = structuredClone(signed);
  amended.targets.objectives[0]!.objective = 99.95;
  amended.compensation.claimWindowDays = 45;
  return { signed, amended };
}

/** The instructions of clause 2, one per amendment: "Clause 4.1 (Service Levels) is deleted and replaced with the following:". */
function instructions(doc: ContractDoc): string[] {
  const amendments = doc.clauses.find((clause) => clause.id === 'amendment.amendments')!;
  return amendments.blocks.flatMap((block) => {
    if (block.kind !== 'clause') return [];
    const first = block.clause.blocks[0];
    return first?.kind === 'paragraph' ? [first.runs.map((run) => run.text).join('')] : [];
  });
}

function numberOf(doc: ContractDoc, id: string): string {
  return walkClauses(doc)
    .find((visit) => visit.clause.id === id)!
    .clause.number.join('.');
}

describe('the amendment instrument in English', () => {
  it('lists the changed clauses only, each replaced with its new wording under its number in the signed agreement', () => {
    const { signed, amended } = drafts();
    const { doc, changes } = assembleAmendment(signed, amended, template, 'en', agreement);
    const restated = assembleContract(amended, template, 'en').doc;
    expect(changes).toEqual([
      { kind: 'replaced', clauseId: 'service-levels.commitment' },
      { kind: 'replaced', clauseId: 'service-levels.measurement#obj-platform-availability' },
      { kind: 'replaced', clauseId: 'claims.steps' },
    ]);
    expect(instructions(doc)).toEqual([
      `Clause ${numberOf(restated, 'service-levels.commitment')} (Service Levels) is deleted and replaced with the following:`,
      `Clause ${numberOf(restated, 'service-levels.measurement#obj-platform-availability')} (Monthly Availability) is deleted and replaced with the following:`,
      `Clause ${numberOf(restated, 'claims.steps')} (Claims for Service Credits) is deleted and replaced with the following:`,
    ]);
    const text = documentText(doc);
    expect(text).toMatch(/at least 99\.95\s%/u);
    expect(text).toContain('within 45 days after the end of the Measurement Period');
    // What did not change is not restated: the exclusions, the data protection terms, the governing law.
    for (const id of ['exclusions', 'data-protection', 'governing-law.law']) {
      const unchanged = walkClauses(restated).find((visit) => visit.clause.id === id)!.clause;
      expect(text).not.toContain(clauseOwnText(unchanged).split('\n').at(-1));
    }
  });

  it('names the signed agreement and its date in the recitals, the Parties from the agreement, and keeps all other terms in force', () => {
    const { signed, amended } = drafts();
    const { doc } = assembleAmendment(signed, amended, template, 'en', agreement);
    expect(doc.cover.title).toBe('Amendment No. 1 to the Service Level Agreement');
    expect(doc.meta.title).toBe('Amendment No. 1 to the Service Level Agreement');
    const text = documentText(doc);
    expect(text).toContain('This Amendment No. 1 (this “Amendment”) is made between:');
    expect(text).toContain(
      'The Parties entered into a service level agreement titled “Brightledger Platform Service Level Agreement”, signed on 20 November 2026 (the “Agreement”).',
    );
    expect(text).toContain('Brightledger Software Ltd, whose registered office is at');
    expect(text).toContain('Save as amended by this Amendment, all other terms of the Agreement remain unchanged and in full force and effect.');
    expect(text).toContain('This Amendment takes effect on the date on which it has been signed by both Parties');
    expect(text).toMatch(/Clause \d+ \(Governing Law and Dispute Resolution\) and Clause \d+ \(Language\) of the Agreement apply to this Amendment/);
    const signatures = walkClauses(doc).flatMap(({ clause }) => clause.blocks.filter((block) => block.kind === 'signature'));
    expect(signatures).toHaveLength(1);
    expect(signatures[0]).toMatchObject({ parties: [{ role: 'provider', company: 'Brightledger Software Ltd' }, { role: 'customer' }] });
    // The operative clauses are numbered 1 to 5; the amendments are 2.1, 2.2, 2.3.
    expect(doc.clauses.map((clause) => clause.number.join('.'))).toEqual(['', '', '1', '2', '3', '4', '5', '']);
  });

  it('words a later amendment as amending the agreement as last amended', () => {
    const { signed, amended } = drafts();
    const text = documentText(assembleAmendment(signed, amended, template, 'en', { ...agreement, number: 3 }).doc);
    expect(text).toContain('Amendment No. 3 to the Service Level Agreement');
    expect(text).toContain('which, as last amended and signed on 20 November 2026, is referred to in this Amendment as the “Agreement”.');
  });

  it('adds a clause the signed agreement did not have, deletes one it had, and says the clauses after them are renumbered', () => {
    const { signed } = drafts();
    const withoutChronic = structuredClone(signed);
    withoutChronic.compensation.chronicFailure.enabled = false;
    const signedNumber = numberOf(assembleContract(signed, template, 'en').doc, 'chronic-failure');

    const added = assembleAmendment(withoutChronic, signed, template, 'en', agreement);
    expect(added.changes).toContainEqual({ kind: 'added', clauseId: 'chronic-failure' });
    expect(instructions(added.doc)).toContainEqual(
      expect.stringMatching(
        new RegExp(`^A new Clause ${signedNumber} \\(Chronic Failure[^)]*\\) is added after Clause ${Number(signedNumber) - 1} \\([^)]+\\), as follows:$`),
      ),
    );
    // The clause comes in whole: its sub-clauses are not listed again.
    expect(added.changes.filter((change) => change.clauseId.startsWith('chronic-failure'))).toHaveLength(1);
    expect(instructions(added.doc).at(-1)).toBe(
      'The clauses of the Agreement that follow an added or deleted clause are renumbered accordingly, and references to them are read accordingly.',
    );

    const removed = assembleAmendment(signed, withoutChronic, template, 'en', agreement);
    expect(removed.changes).toContainEqual({ kind: 'removed', clauseId: 'chronic-failure' });
    expect(instructions(removed.doc)).toContainEqual(expect.stringMatching(new RegExp(`^Clause ${signedNumber} \\(Chronic Failure[^)]*\\) is deleted\\.$`)));
  });

  it('amends a definition on its own when the definitions are all that changed in its clause', () => {
    const { signed } = drafts();
    const amended = structuredClone(signed);
    amended.expectations.businessHours.start = '09:00';
    const { changes, doc } = assembleAmendment(signed, amended, template, 'en', agreement);
    const definitionChanges = changes.filter((change) => change.kind === 'definitionReplaced');
    expect(definitionChanges.length).toBeGreaterThan(0);
    expect(changes.some((change) => change.kind === 'replaced' && change.clauseId === 'definitions.terms')).toBe(false);
    expect(
      instructions(doc).some((line) =>
        /^In Clause \d+\.\d+ \(Definitions\), the definition of “[^”]+” is deleted and replaced with the following:$/.test(line),
      ),
    ).toBe(true);
    expect(documentText(doc)).toContain('09:00');
  });

  it('finds nothing to amend when the drafts make the same contract', () => {
    const { signed } = drafts();
    const old = assembleContract(signed, template, 'en').doc;
    expect(amendmentChanges([{ old, new: assembleContract(structuredClone(signed), template, 'en').doc }])).toEqual([]);
  });
});

describe('the amendment instrument in Chinese and in both languages', () => {
  it('is worded in Chinese as a 修订协议 naming the 原协议 and the date it was signed', () => {
    const { signed, amended } = drafts();
    const { doc } = assembleAmendment(signed, amended, template, 'zh-CN', agreement);
    const restated = assembleContract(amended, template, 'zh-CN').doc;
    expect(doc.cover.title).toBe('《服务水平协议》第1号修订协议');
    const text = documentText(doc);
    expect(text).toContain('本第1号修订协议（“本修订协议”）由以下双方订立：');
    expect(text).toContain('双方于2026年11月20日签署了《Brightledger财务运营平台服务水平协议》（“原协议”）；');
    expect(instructions(doc)[0]).toBe(`原协议第${numberOf(restated, 'service-levels.commitment')}条（服务水平）修改为：`);
    expect(text).toContain('除本修订协议所作修订外，原协议的其他条款保持不变，继续完全有效。');
    expect(text).toContain('本修订协议自双方均签署之日起生效（“修订生效日”）。');
    expect(text).toMatch(/原协议第\d+条（适用法律与争议解决）及第\d+条（语言）适用于本修订协议/);
    expect(text).not.toMatch(/Amendment|Clause \d/);
  });

  it('sets the two languages side by side clause by clause, block by block', () => {
    const { signed, amended } = drafts();
    const { en, zh, changes, problems } = assembleBilingualAmendment(signed, amended, template, agreement);
    expect(problems.filter((problem) => problem.code === 'misaligned')).toEqual([]);
    expect(changes).toHaveLength(3);
    const outline = (doc: ContractDoc) => walkClauses(doc).map(({ clause }) => `${clause.id}:${clause.blocks.map(blockShape).join(' ')}`);
    expect(outline(zh)).toEqual(outline(en));
    expect(en.meta.bilingual && zh.meta.bilingual).toBe(true);
  });
});
