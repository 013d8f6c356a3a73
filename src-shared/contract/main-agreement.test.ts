/**
 * The SLA as a schedule to the subscription (master) agreement, and the
 * terms that are printed from fields only: what a lawyer checks first — the
 * contract names the agreement it belongs to and says which of the two
 * prevails on what, a termination for chronic failure ends the subscription
 * and refunds what was paid for it, the stand-alone wording appears only when
 * chosen, and the claim procedure, the emergency maintenance limit and the
 * rule for Downtime are each stated once.
 */
import { describe, expect, it } from 'vitest';
import type { SlaDraft } from '../model/schema';
import { assembleContract } from './assemble';
import { clauseOwnText, documentText, walkClauses, type ContractDoc, type ContractLanguage } from './doc';
import { namedBilingualBlankDraft, presets, preset, standardTemplate } from './fixtures';

const template = standardTemplate();

function doc(draft: SlaDraft, language: ContractLanguage = 'en'): ContractDoc {
  const { doc: assembled, problems } = assembleContract(draft, template, language);
  expect(problems).toEqual([]);
  return assembled;
}

/** The clause and its sub-clauses as text. */
function clauseText(contract: ContractDoc, id: string): string {
  const found = walkClauses(contract).find((visit) => visit.clause.id === id)?.clause;
  if (!found) throw new Error(`clause ${id} is not in the document`);
  return walkClauses({ clauses: [found] })
    .map((visit) => clauseOwnText(visit.clause))
    .join('\n');
}

function has(contract: ContractDoc, id: string): boolean {
  return walkClauses(contract).some((visit) => visit.clause.id === id);
}

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

function standAlone(draft: SlaDraft): SlaDraft {
  return { ...draft, mainAgreement: { ...draft.mainAgreement, relation: 'standAlone' } };
}

describe('the SLA as a schedule to the main agreement', () => {
  const draft = preset('standard-saas');

  it('names the main agreement, its date and the parties in the preamble, in both languages', () => {
    expect(clauseText(doc(draft), 'preamble')).toContain(
      'This Agreement is a schedule to, and forms part of, the Master Subscription Agreement dated 1 December 2026 between the Parties (the “Main Agreement”)',
    );
    expect(clauseText(doc(draft, 'zh-CN'), 'preamble')).toContain('本协议为双方于2026年12月1日签订的《主订阅协议》（“主协议”）的附件');
    expect(clauseText(doc(draft), 'preamble')).not.toContain('stands alone');
  });

  it('is dated when the last Party signs and takes effect on the Effective Date, in the same terms in both languages', () => {
    const english = clauseText(doc(draft), 'preamble');
    expect(english.split('\n')[0]).toBe('This Service Level Agreement (this “Agreement”) is made between:');
    expect(english).toContain(
      'This Agreement is dated the date on which the last of the Parties signs it, and takes effect on 1 January 2027 (the “Effective Date”); if it is signed after that date, it takes effect retroactively from the Effective Date.',
    );
    expect(english).not.toContain('entered into on');
    const chinese = clauseText(doc(draft, 'zh-CN'), 'preamble');
    expect(chinese.split('\n')[0]).toBe('本服务水平协议（“本协议”）由以下双方签订：');
    expect(chinese).toContain(
      '本协议自双方中最后一方签署之日起成立，并以该日为签署日期；本协议自2027年1月1日（“生效日”）起生效，双方在生效日之后签署本协议的，本协议的效力溯及至生效日。',
    );
    // The signature page gives the dates the preamble refers to.
    expect(clauseText(doc(draft), 'signatures')).toContain('on the dates set out below');
  });

  it('names a main agreement without a date as such, and the Chinese text falls back to its title', () => {
    const undated = { ...draft, mainAgreement: { ...draft.mainAgreement, date: '', titleZh: '' } };
    expect(clauseText(doc(undated), 'preamble')).toContain('the Master Subscription Agreement between the Parties (the “Main Agreement”)');
    expect(clauseText(doc(undated, 'zh-CN'), 'preamble')).toContain('本协议为双方签订的《Master Subscription Agreement》（“主协议”）的附件');
  });

  it('says which of the two prevails, and on what', () => {
    const precedence = clauseText(doc(draft), 'general.precedence');
    expect(precedence).toContain('If this Agreement and the Main Agreement conflict, this Agreement prevails in respect of the Service Levels');
    expect(precedence).toContain('the Main Agreement prevails in every other respect');
    expect(precedence).toContain('An Order Form prevails over this Agreement only where it expressly identifies the provision');
    expect(clauseText(doc(draft), 'general.entire-agreement')).toContain('This Agreement, together with the Main Agreement, constitutes the entire agreement');
    expect(clauseText(doc(draft, 'zh-CN'), 'general.precedence')).toContain('本协议与主协议相冲突的');
  });

  it('names every clause of this Agreement that prevails: the termination and its refund, the data commitments, the dispute rule', () => {
    const english = doc(draft);
    const number = (id: string) =>
      walkClauses(english)
        .find((visit) => visit.clause.id === id)!
        .clause.number.join('.');
    expect([number('chronic-failure'), number('data-protection'), number('governing-law.main-agreement')]).toEqual(['12', '15', '16.3']);
    const precedence = clauseText(english, 'general.precedence');
    expect(precedence).toContain(
      'the right to terminate for a Chronic Failure and the consequences of that termination under Clause 12 (including the refund of fees paid in advance), the Provider’s data protection commitments in Clause 15 (to the extent that they protect the Customer’s data more than the Main Agreement does), and the resolution of disputes under this Agreement as provided in Clause 16.3; the Main Agreement prevails in every other respect',
    );
    // What Clause 12 says it refunds is what the precedence clause lets prevail over the Main Agreement's fees.
    expect(clauseText(english, 'chronic-failure.termination')).toContain('refund all fees paid in advance under the Main Agreement');
    expect(clauseText(doc(draft, 'zh-CN'), 'general.precedence')).toContain(
      '第12条规定的因长期未达标而享有的终止权及该终止的后果（包括预付费用的退还）、服务提供方在第15条项下的数据保护承诺（以其对客户数据的保护程度高于主协议为限）以及第16.3条规定的本协议项下争议的解决而言，以本协议为准',
    );
    // Without a chronic-failure clause, no termination right is said to prevail.
    const noChronic = { ...draft, compensation: { ...draft.compensation, chronicFailure: { ...draft.compensation.chronicFailure, enabled: false } } };
    const without = clauseText(doc(noChronic), 'general.precedence');
    expect(without).not.toContain('Chronic Failure');
    expect(without).toContain('the Provider’s data protection commitments in Clause 14');
  });

  it('defines every capitalised term of the main agreement it uses', () => {
    const definitions = clauseText(doc(draft), 'definitions.terms');
    for (const term of ['Acceptable Use Policy', 'Documentation', 'Main Agreement', 'Order Form']) expect(definitions).toContain(`“${term}” means`);
    expect(clauseText(doc(draft, 'zh-CN'), 'definitions.terms')).toContain('“主协议”是指');
  });

  it('ends with the main agreement, and no longer applies to a service whose subscription ended', () => {
    expect(clauseText(doc(draft), 'term')).toContain('This Agreement ends in any event when the Main Agreement ends');
  });

  it.each(['provider', 'balanced', 'customer'] as const)(
    'lets a termination for chronic failure reach the subscription, with a refund of prepaid fees (%s wording)',
    (position) => {
      const positioned = { ...draft, contract: { ...draft.contract, positions: { 'chronic-failure.termination': position } } };
      const termination = clauseText(doc(positioned), 'chronic-failure.termination');
      expect(termination).toMatch(
        /terminate (its subscription to (the|any) affected Service under|the Main Agreement, in whole or in respect of its subscription)/,
      );
      expect(termination).toContain('together with this Agreement');
      expect(termination).toMatch(/refund (any|all) fees paid in advance under the Main Agreement for the terminated subscriptions?/);
      const zh = clauseText(doc(positioned, 'zh-CN'), 'chronic-failure.termination');
      expect(zh).toContain('订阅');
      expect(zh).toContain('依据主协议');
    },
  );
});

describe('the stand-alone alternative, when chosen', () => {
  // A blank draft: its typed texts name no main agreement either.
  const draft = standAlone(namedBilingualBlankDraft());
  const contract = doc(draft);

  it('says so in the preamble and names no main agreement anywhere', () => {
    expect(clauseText(contract, 'preamble')).toContain('This Agreement stands alone: it is not a schedule to, and does not form part of, any other agreement');
    expect(clauseText(doc(draft, 'zh-CN'), 'preamble')).toContain('本协议为独立协议');
    const text = documentText(contract);
    for (const term of ['Main Agreement', 'Order Form', 'Acceptable Use Policy']) expect(text).not.toContain(term);
    expect(has(contract, 'general.precedence')).toBe(false);
  });

  it('terminates this Agreement itself for chronic failure, with the refund', () => {
    const termination = clauseText(contract, 'chronic-failure.termination');
    expect(termination).toContain('terminate this Agreement, in whole or in respect of the affected Service only');
    expect(termination).toContain('refund all fees paid in advance in respect of the period after termination');
    expect(clauseText(doc(standAlone(preset('standard-saas'))), 'chronic-failure.termination')).toBe(termination);
  });
});

describe.each(presets().map(({ name }) => name))('preset %s: each term stated once, from its field', (name) => {
  const draft = presets().find((entry) => entry.name === name)!.draft;
  const { compensation } = draft;

  it('names a main agreement', () => {
    expect(draft.mainAgreement.relation).toBe('schedule');
    expect(draft.mainAgreement.title).not.toBe('');
  });

  it('prints the claim procedure once, from the fields; the typed text repeats none of them', () => {
    const en = clauseText(doc(draft), 'claims');
    // The typed text holds no number of days and no deadline, in either language.
    expect(compensation.claimProcess.en).not.toMatch(/\d/);
    expect(compensation.claimProcess['zh-CN']).not.toMatch(/\d/);
    expect(occurrences(en, `${compensation.claimWindowDays} days`)).toBe(1);
    expect(occurrences(en, `${compensation.claims.answerBusinessDays} Business Days`)).toBe(1);
    expect(occurrences(en, 'deemed confirmed')).toBe(compensation.claims.deemedConfirmed ? 1 : 0);
    const automatic = compensation.claims.application === 'automatic';
    expect(en.includes('without the need for a claim by the Customer')).toBe(automatic);
    expect(en.includes('To receive a Service Credit, the Customer shall claim it')).toBe(!automatic);
    expect(en).toContain(
      compensation.claims.windowFrom === 'periodEnd' ? 'after the end of the Measurement Period' : 'after receiving the service level report',
    );
  });

  it('states the emergency maintenance limit in the maintenance clause only', () => {
    for (const metric of draft.services.flatMap((service) => service.metrics)) {
      for (const exclusion of metric.exclusions) expect(`${exclusion.en} ${exclusion['zh-CN']}`).not.toMatch(/emergency|紧急/i);
    }
    const maintenance = clauseText(doc(draft), 'maintenance.emergency');
    const cap = draft.targets.maintenance.emergencyMaxHoursPerMonth;
    if (cap === null) expect(maintenance).not.toContain('No more than');
    else expect(maintenance).toContain(`No more than ${cap} hours of Emergency Maintenance in any calendar month is excluded from Downtime`);
  });

  it('says which downtime rule prevails, in the definition and in the monitoring clause alike', () => {
    const contract = doc(draft);
    const definition = clauseText(contract, 'definitions.terms');
    const monitoring = clauseText(contract, 'monitoring-reporting.downtime');
    if (draft.monitoring.methodDowntimePrevails) {
      expect(definition).toContain('whose measurement method in');
      expect(monitoring).toContain('that rule prevails over this Clause for that Service Level');
    } else {
      expect(definition).not.toContain('whose measurement method in');
      expect(monitoring).toContain('This Clause determines Downtime for every Service Level');
    }
  });
});
