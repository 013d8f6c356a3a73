/// <reference types="vite/client" />
/**
 * The commercial terms a counterparty's lawyer asks for, as the contract
 * prints them: a Chronic Failure only on credit-bearing Service Levels, RPO
 * and RTO met or missed per restoration and recovery test, Service Credits
 * as a price adjustment rather than a penalty (in three negotiated
 * wordings, none contradicting the remedies clause), the conditions on
 * credits, credits on the affected service's fee where the fee is split,
 * and the shortest outage that counts — each in English and Chinese, and
 * each passing the contract check.
 */
import { describe, expect, it } from 'vitest';
import { describeChange } from '../compare/describe';
import { diffDrafts } from '../compare/fields';
import { checkContract } from '../contract-check';
import { createI18n } from '../i18n';
import { localized } from '../model/localized';
import type { Position, SlaDraft } from '../model/schema';
import { validateDraft } from '../model/validate';
import { assembleBilingual, assembleContract } from './assemble';
import { clauseOwnText, runsText, walkClauses, type ContractDoc, type ContractLanguage, type Table } from './doc';
import { enterpriseWithServiceFees, preset, standardTemplate } from './fixtures';

const template = standardTemplate();

function doc(draft: SlaDraft, language: ContractLanguage = 'en'): ContractDoc {
  const { doc: assembled, problems } = assembleContract(draft, template, language);
  expect(problems).toEqual([]);
  return assembled;
}

/** The clause and its sub-clauses as text; '' when the draft leaves it out. */
function clauseText(contract: ContractDoc, id: string): string {
  const found = walkClauses(contract).find((visit) => visit.clause.id === id)?.clause;
  if (!found) return '';
  return walkClauses({ clauses: [found] })
    .map((visit) => clauseOwnText(visit.clause))
    .join('\n');
}

function tablesOf(contract: ContractDoc, id: string): Table[] {
  const found = walkClauses(contract).find((visit) => visit.clause.id === id)?.clause;
  return (found?.blocks ?? []).filter((block): block is Table => block.kind === 'table');
}

const cellTexts = (table: Table) => table.rows.map((row) => row.cells.map((cell) => runsText(cell.runs)));

function withPosition(draft: SlaDraft, clauseId: string, position: Position): SlaDraft {
  return { ...draft, contract: { ...draft.contract, positions: { ...draft.contract.positions, [clauseId]: position } } };
}

/** No problem and no warning from the contract check, and both languages assemble and align. */
function expectClean(draft: SlaDraft): void {
  expect(validateDraft(draft).problems).toEqual([]);
  expect(checkContract(draft, template)).toEqual([]);
  expect(assembleBilingual(draft, template).problems).toEqual([]);
}

describe('chronic failure counts only credit-bearing Service Levels', () => {
  const draft = preset('standard-saas');

  it('defines the Credited Service Level and leaves the support times out, in both languages', () => {
    const english = clauseText(doc(draft), 'chronic-failure.definition');
    expect(english).toContain('A “Credited Service Level” is a Service Level for which a Service Credit is set out in Clause');
    expect(english).toContain(
      'fails to meet the same Credited Service Level in 3 consecutive Measurement Periods, or in 4 Measurement Periods within any period of twelve (12) consecutive months',
    );
    expect(english).toMatch(
      /A failure to meet any other Service Level, including a response or resolution time under Clause \d+, does not count towards a Chronic Failure\./,
    );
    const chinese = clauseText(doc(draft, 'zh-CN'), 'chronic-failure.definition');
    expect(chinese).toContain('“适用减免的服务水平”是指');
    expect(chinese).toContain('未达到同一项适用减免的服务水平');
    expect(chinese).toMatch(/未达到任何其他服务水平（包括第\d+条规定的响应时间或解决时间）的，不计入长期未达标。/);
  });

  it('counts the Service Levels of the service levels clause where no credit applies, still not the support times', () => {
    const noCredits: SlaDraft = { ...draft, compensation: { ...draft.compensation, creditTiers: [] } };
    const english = clauseText(doc(noCredits), 'chronic-failure.definition');
    expect(english).not.toContain('Credited Service Level');
    expect(english).toMatch(/fails to meet the same Service Level committed in Clause \d+ in 3 consecutive Measurement Periods/);
    expect(english).toContain('does not count towards a Chronic Failure');
    expectClean(noCredits);
  });
});

describe('RPO and RTO are met or missed per restoration and recovery test', () => {
  const draft = preset('enterprise');

  it('says so in the table of Service Levels and in the measurement of each', () => {
    const targets = tablesOf(doc(draft), 'service-levels.commitment')[0]!;
    const periods = new Map(cellTexts(targets).map((cells) => [cells[1], cells[3]]));
    expect(periods.get('Recovery Point Objective')).toBe('Each restoration and recovery test');
    expect(periods.get('Recovery Time Objective')).toBe('Each restoration and recovery test');
    expect([...periods.values()].filter((period) => period === 'Calendar month')).toHaveLength(8);

    const rpo = clauseText(doc(draft), 'service-levels.measurement#obj-core-rpo');
    expect(rpo).toContain('measured separately for each restoration of a Service or of its data and for each recovery test, as follows:');
    expect(rpo).not.toContain('measured over each calendar month');
    expect(rpo).toContain('It is not met in a calendar month in which it is not met for any restoration or recovery test, and is never averaged');
    expect(clauseText(doc(draft, 'zh-CN'), 'service-levels.measurement#obj-core-rpo')).toContain('就每一次服务或其数据的恢复以及每一次恢复演练分别计量');
    // Availability is still measured over the month.
    expect(clauseText(doc(draft), 'service-levels.measurement#obj-core-availability')).toContain('measured over each calendar month as follows');
  });
});

describe('Service Credits are a price adjustment, not a penalty', () => {
  const draft = preset('enterprise');

  it('offers three wordings, each saying what a credit is once and leaving the remedies to their clause', () => {
    const texts = (['provider', 'balanced', 'customer'] as const).map((position) =>
      clauseText(doc(withPosition(draft, 'service-credits.nature', position)), 'service-credits.nature'),
    );
    for (const text of texts) {
      expect(text).toContain('Service Credits are an adjustment of the price payable for the Services, reflecting the reduced value');
      expect(text).toContain('and are not a penalty');
      expect(text).toMatch(/Clause \d+ states how Service Credits relate to the Customer’s other remedies\./);
      // Whether credits are the sole remedy is the remedies clause's to say.
      expect(text).not.toMatch(/sole|exclusive|without prejudice/);
    }
    const [provider, balanced, customer] = texts as [string, string, string];
    expect(provider).toContain(
      'agree that they are proportionate to that reduced value and not excessive in relation to the loss that a failure to meet a Service Level may cause, and neither Party shall contend otherwise',
    );
    expect(balanced).toContain(
      'proportionate to that reduced value and, to the extent that any Service Credit is treated as agreed damages, that it is not excessive in relation to the loss caused by the failure concerned',
    );
    expect(customer).toContain(
      'proportionate to that reduced value and not excessive in relation to the loss that a failure to meet a Service Level causes the Customer',
    );
    expect(customer).toContain('They are not an estimate of any other loss the Customer may suffer');
    // Proportionality, not the old "genuine pre-estimate" of loss, in every wording.
    for (const text of texts) expect(text).not.toContain('pre-estimate');
    expect(clauseText(doc(draft, 'zh-CN'), 'service-credits.nature')).toContain(
      '服务费减免是对服务价款的调整，反映相关计量周期内客户所获服务价值的降低，不具有惩罚性质。',
    );
  });

  it('says in Chinese, as Civil Code art. 585 asks, that credits are proportionate and not excessively higher than the loss', () => {
    const chinese = (position: Position) => clauseText(doc(withPosition(draft, 'service-credits.nature', position), 'zh-CN'), 'service-credits.nature');
    expect(chinese('provider')).toContain('双方确认其与上述价值降低相称，且未过分高于未达到服务水平可能造成的损失，任何一方均不得提出相反主张。');
    expect(chinese('balanced')).toContain('双方确认，服务费减免与上述价值降低相称；如任何服务费减免被认定为违约金，其未过分高于相关未达标情形造成的损失。');
    expect(chinese('customer')).toContain('双方确认，服务费减免与上述价值降低相称，且未过分高于未达到服务水平给客户造成的损失。');
    for (const position of ['provider', 'balanced', 'customer'] as const) expect(chinese(position)).not.toContain('真实预估');
  });

  it('no longer restates the nature of credits where credits are not the sole remedy', () => {
    const open: SlaDraft = { ...draft, compensation: { ...draft.compensation, soleRemedy: false } };
    const contract = doc(withPosition(open, 'service-credits.nature', 'balanced'));
    expect(clauseText(contract, 'cap-and-remedy.other-remedies')).toBe(
      'Other Remedies\nService Credits are without prejudice to any other right or remedy of the Customer, but Service Credits received shall be deducted from any damages awarded for the same failure.',
    );
    expect(clauseText(contract, 'service-credits.nature')).toContain('not excessive in relation to the loss caused by the failure concerned');
    expectClean(open);
  });
});

describe('the conditions on Service Credits', () => {
  const draft = preset('standard-saas'); // credits on claim, a schedule to the main agreement

  it('makes credits depend on undisputed invoices being paid for the provider and the balanced wording, not for the customer’s', () => {
    const conditions = (position: Position) => clauseText(doc(withPosition(draft, 'claims.conditions', position)), 'claims.conditions');
    expect(conditions('provider')).toContain(
      'No Service Credit accrues for a Measurement Period at the end of which any amount invoiced to the Customer under the Main Agreement, and not disputed in good faith, is overdue.',
    );
    expect(conditions('balanced')).toContain(
      'the Provider may withhold Service Credits. Service Credits so withheld are applied once the overdue amounts are paid.',
    );
    expect(conditions('customer')).toContain('Service Credits do not depend on the payment of any fees');
    expect(conditions('customer')).not.toContain('overdue');
    const standAlone: SlaDraft = { ...draft, mainAgreement: { ...draft.mainAgreement, relation: 'standAlone' } };
    expect(clauseText(doc(standAlone), 'claims.conditions')).toContain('any amount invoiced to the Customer under this Agreement');
  });

  it('asks for the evidence reasonably available with a claim, also for a credit the Provider did not apply itself', () => {
    expect(clauseText(doc(draft), 'claims.conditions')).toContain(
      'A claim shall be accompanied by the evidence of the failure reasonably available to the Customer',
    );
    expect(clauseText(doc(draft, 'zh-CN'), 'claims.conditions')).toContain('申请时应附上客户可合理获得的未达标证据');
    // Credits applied without a claim: a claim for one not applied still states the service, the times and the evidence.
    const automatic = preset('enterprise');
    expect(automatic.compensation.claims.application).toBe('automatic');
    const conditions = (position: Position, language: ContractLanguage = 'en') =>
      clauseText(doc(withPosition(automatic, 'claims.conditions', position), language), 'claims.conditions');
    expect(conditions('balanced')).toContain(
      'A claim for a Service Credit not so applied shall identify the affected Service and the dates and times of the failure, and shall be accompanied by the evidence of the failure reasonably available to the Customer.',
    );
    expect(conditions('balanced')).toContain(
      'Where the Customer’s evidence and the Provider’s monitoring data differ, the monitoring data applies unless the Customer’s evidence shows it to be incomplete or inaccurate.',
    );
    expect(conditions('balanced', 'zh-CN')).toContain(
      '就未按上述方式给予的服务费减免提出申请的，应列明受影响的服务及未达标的日期和时间，并附上客户可合理获得的未达标证据。',
    );
    expect(conditions('balanced', 'zh-CN')).toContain('客户提供的证据与服务提供方的监控数据不一致的，以监控数据为准');
    expect(conditions('provider')).toContain('including the Customer’s own records of the failure. A claim without such evidence is not a valid claim.');
    expect(conditions('customer')).toContain('A claim need state only the information the Customer reasonably has');
    // The provider's wording: its monitoring data prevails absent manifest error.
    expect(clauseText(doc(withPosition(automatic, 'claims.procedure', 'provider')), 'claims.procedure')).toContain(
      'by reference to its own monitoring data, which is conclusive in the absence of manifest error',
    );
  });

  it('has a disputed claim discussed by people the contract names, not by undefined "service managers"', () => {
    const draft = preset('enterprise');
    for (const position of ['balanced', 'customer'] as const) {
      const english = clauseText(doc(withPosition(draft, 'claims.procedure', position)), 'claims.procedure');
      expect(english).toMatch(/discussed in good faith by the Parties’ escalation contacts named in Clause 5\.\d+ and, failing agreement/);
      expect(english).not.toContain('service managers');
      expect(clauseText(doc(withPosition(draft, 'claims.procedure', position), 'zh-CN'), 'claims.procedure')).toMatch(
        /由双方在第5\.\d+条中列明的升级联系人本着诚信原则协商/,
      );
    }
    const noContacts: SlaDraft = { ...draft, expectations: { ...draft.expectations, stakeholders: [] } };
    expect(clauseText(doc(noContacts), 'claims.procedure')).toContain('discussed in good faith by representatives of the Parties with authority to settle it');
    expect(clauseText(doc(noContacts, 'zh-CN'), 'claims.procedure')).toContain('由双方有权解决该争议的代表本着诚信原则协商');
    expect(clauseText(doc(noContacts, 'zh-CN'), 'claims.procedure')).not.toContain('服务经理');
  });
});

describe('credits on the affected service’s fee where the fee is split', () => {
  it('prints each service’s fee, the credit as a share of it, and the amounts on it', () => {
    const split = enterpriseWithServiceFees();
    const contract = doc(split);
    const entitlement = clauseText(contract, 'service-credits.entitlement');
    expect(entitlement).toContain('The part of the Monthly Fee payable for each Service (its “Service Fee”) is set out below.');
    expect(entitlement).toContain('of the Service Fee of the affected Service for that Measurement Period');
    const [fees, tiers] = tablesOf(contract, 'service-credits.entitlement') as [Table, Table];
    expect(cellTexts(fees)).toEqual([
      ['Core API', 'USD 50,000.00'],
      ['Web Console', 'USD 20,000.00'],
      ['Data Export API', 'USD 10,000.00'],
      ['24×7 Enterprise Support', 'USD 5,000.00'],
    ]);
    expect(runsText(tiers.header[0]!.cells[3]!.runs)).toBe('Service Credit (% of the Service Fee)');
    // Web Console below 99.5 %: 10 % of its 20,000, not of the 85,000.
    expect(cellTexts(tiers).find((cells) => cells[0] === 'Web Console' && cells[4] === 'USD 2,000.00')).toBeDefined();
    // The cap stays a share of the whole Monthly Fee.
    expect(clauseText(contract, 'cap-and-remedy.cap')).toContain(
      '30\u00a0% of the Monthly Fee for that Measurement Period (at the current Monthly Fee, USD 25,500.00)',
    );
    expect(clauseText(doc(split, 'zh-CN'), 'service-credits.entitlement')).toContain('“单项服务费”');
    expectClean(split);
  });

  it('leaves a draft that does not split its fee as it was', () => {
    const contract = doc(preset('enterprise'));
    expect(clauseText(contract, 'service-credits.entitlement')).not.toContain('Service Fee');
    expect(tablesOf(contract, 'service-credits.entitlement')).toHaveLength(1);
  });
});

describe('the shortest outage that counts', () => {
  it('is printed in the determination of Downtime where the draft sets one', () => {
    const draft = preset('standard-saas');
    expect(clauseText(doc(draft), 'monitoring-reporting.downtime')).not.toContain('shorter than');
    const withMinimum: SlaDraft = { ...draft, monitoring: { ...draft.monitoring, minimumOutageMinutes: 5 } };
    expect(clauseText(doc(withMinimum), 'monitoring-reporting.downtime')).toMatch(
      /A continuous period of unavailability shorter than 5 minutes is not Downtime\. A period is measured from its start to its end, less any time excluded under Clause \d+, even where it falls in two Measurement Periods\./,
    );
    expect(clauseText(doc(withMinimum, 'zh-CN'), 'monitoring-reporting.downtime')).toContain('持续时间短于5分钟的连续不可用期间，不计为停机时间。');
    expectClean(withMinimum);
    // Without a typed definition of Downtime, the minimum alone keeps the clause.
    const minimumOnly: SlaDraft = { ...withMinimum, monitoring: { ...withMinimum.monitoring, downtimeDefinition: localized('') } };
    expect(clauseText(doc(minimumOnly), 'monitoring-reporting.downtime')).toMatch(
      /^Determination of Downtime\nA continuous period of unavailability shorter than 5 minutes/,
    );
  });
});

describe('every wording of the new clauses passes the contract check', () => {
  it.each(['provider', 'balanced', 'customer'] as const)('%s', (position) => {
    for (const draft of [preset('standard-saas'), preset('enterprise'), preset('china-hosted'), enterpriseWithServiceFees()]) {
      const chosen = withPosition(withPosition(draft, 'service-credits.nature', position), 'claims.conditions', position);
      expectClean(chosen);
    }
  });
});

describe('the new fields in the compare view', () => {
  it('names a service’s fee in the currency and the minimum outage as a duration, absent reading as empty', () => {
    const before = preset('enterprise');
    const after = enterpriseWithServiceFees();
    after.monitoring.minimumOutageMinutes = 5;
    const t = createI18n('en').t;
    const texts = diffDrafts(before, after).map((change) => describeChange(change, 'en', t));
    expect(texts).toContain('Fee for this service (monthly) (Core API): (empty) → USD 50,000.00');
    expect(texts).toContain('Shortest outage that counts: (empty) → 5 minutes');
  });
});
