/**
 * What the contract promises on support and maintenance beyond the tables,
 * as a lawyer reads it in English and Chinese: each support metric's own
 * measurement method and exclusions, printed once; a measurable basis for
 * the support times; the customer's critical periods, free of Scheduled
 * Maintenance, listed with their dates; the escalation contacts the user
 * marked, the Provider's among them named as where Incidents are reported —
 * and nothing of the stakeholders or notes left internal.
 */
import { describe, expect, it } from 'vitest';
import { localized } from '../model/localized';
import type { SlaDraft } from '../model/schema';
import { assembleBilingual, assembleContract } from './assemble';
import { clauseOwnText, documentText, walkClauses, type Clause, type ContractDoc, type ContractLanguage, type Table } from './doc';
import { namedBilingualBlankDraft, namedBlankDraft, preset, standardTemplate } from './fixtures';

const template = standardTemplate();

function contract(draft: SlaDraft, language: ContractLanguage): ContractDoc {
  const { doc, problems } = assembleContract(draft, template, language);
  expect(problems).toEqual([]);
  return doc;
}

function clausesOf(doc: ContractDoc, id: string): Clause[] {
  return walkClauses(doc)
    .map((visit) => visit.clause)
    .filter((clause) => clause.id === id || clause.id.startsWith(`${id}#`));
}

/** A clause's own text (without its sub-clauses); the one clause of that id. */
function textOf(doc: ContractDoc, id: string): string {
  const [clause, ...others] = clausesOf(doc, id);
  if (!clause) throw new Error(`clause ${id} is not in the document`);
  expect(others).toEqual([]);
  return clauseOwnText(clause);
}

function tableOf(clause: Clause): Table {
  const table = clause.blocks.find((block): block is Table => block.kind === 'table');
  if (!table) throw new Error(`clause ${clause.id} has no table`);
  return table;
}

const cells = (table: Table) => table.rows.map((row) => row.cells.map((cell) => cell.runs.map((run) => run.text).join('')));

/** How often `part` occurs in `text`. */
const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe('the support metrics’ measurement', () => {
  const enterprise = preset('enterprise');
  const [response, resolution] = enterprise.services.flatMap((service) => service.metrics).filter((metric) => metric.kind.startsWith('support'));

  it('prints each support metric’s method, data source and exclusions as typed, once, in its own clause', () => {
    const doc = contract(enterprise, 'en');
    const measurement = clausesOf(doc, 'support.measurement').map(clauseOwnText);
    expect(measurement).toHaveLength(2);
    expect(measurement[0]).toBe(
      [
        'Initial Response Time',
        'For 24×7 Enterprise Support, the response time is measured as follows: Time from the logging of a ticket in the support portal, or from the call to the 24×7 support line for P1, to the first response by a qualified engineer who has reviewed the issue and is working on it. An automated acknowledgement is not a response.',
        'Data source: Provider support ticketing system and telephony records.',
        'Not counted in this measurement: Tickets raised outside the support portal or support line.',
      ].join('\n'),
    );
    expect(measurement[1]).toContain(
      'For 24×7 Enterprise Support, the resolution time is measured as follows: Time from the logging of a ticket to the restoration of the affected service by a fix or a workaround that removes the business impact. The clock stops while the Provider waits for information or access it has requested from the Customer.',
    );
    expect(measurement[1]).toContain('Not counted in this measurement: Time waiting for information or access requested from the Customer.');
    // Once in the whole contract: the service levels clause does not measure support metrics.
    const all = documentText(doc);
    for (const typed of [response!.measurementMethod, resolution!.measurementMethod, ...response!.exclusions].map((text) => text.en)) {
      expect(occurrences(all, typed), typed).toBe(1);
    }
    // The typed methods say how the times run: the template's own sentences give way to them.
    expect(all).not.toContain('until a qualified member of the Provider’s staff acknowledges the Incident');
    expect(textOf(doc, 'support.times')).toContain(
      'The response time and the resolution time are measured as set out below. For a Severity Level with Business Hours coverage, only time within Business Hours counts.',
    );
  });

  it('prints them in the Chinese contract too, the Chinese text as typed', () => {
    const doc = contract(enterprise, 'zh-CN');
    const measurement = clausesOf(doc, 'support.measurement').map(clauseOwnText);
    expect(measurement[0]).toBe(
      [
        '首次响应时间',
        `7×24小时企业级技术支持的响应时间按如下方法计量：${response!.measurementMethod['zh-CN']}`,
        '数据来源：服务提供方技术支持工单系统及电话记录。',
        '下列情形不计入该项计量：未通过技术支持门户或技术支持热线提交的工单。',
      ].join('\n'),
    );
    expect(measurement[1]).toContain(`7×24小时企业级技术支持的解决时间按如下方法计量：${resolution!.measurementMethod['zh-CN']}`);
    expect(documentText(doc)).not.toContain(response!.measurementMethod.en);
    expect(textOf(doc, 'support.times')).toContain('响应时间和解决时间按下文规定计量。');
  });

  it('keeps the template’s sentence for a time no support metric measures', () => {
    const draft = preset('enterprise');
    draft.services = draft.services.map((service) => ({ ...service, metrics: service.metrics.filter((metric) => metric.kind !== 'supportResolution') }));
    const times = textOf(contract(draft, 'en'), 'support.times');
    expect(times).toContain('The resolution time runs from the same time until the affected Service is restored');
    expect(times).not.toContain('The response time runs from');
    expect(clausesOf(contract(draft, 'en'), 'support.measurement')).toHaveLength(1);
    expect(textOf(contract(draft, 'zh-CN'), 'support.times')).toContain('解决时间自同一时间起算');
  });

  it('words a draft without support metrics as before', () => {
    const doc = contract(namedBlankDraft(), 'en');
    expect(clausesOf(doc, 'support.measurement')).toEqual([]);
    expect(textOf(doc, 'support.times')).toContain(
      'The response time runs from the time an Incident is reported to the Provider’s support desk, or detected by the Provider if earlier, until a qualified member of the Provider’s staff acknowledges the Incident and begins work on it. The resolution time runs until the affected Service is restored or a workaround acceptable to the Customer, acting reasonably, is provided. For a Severity Level with Business Hours coverage, only time within Business Hours counts.',
    );
  });
});

describe('a measurable basis for the support times', () => {
  it('binds a share of each level’s Incidents in a calendar month when the draft states one', () => {
    const draft = preset('enterprise');
    expect(draft.targets.supportAttainmentPercent).toBe(95);
    const en = textOf(contract(draft, 'en'), 'support.times');
    expect(en).toContain(
      'The Provider shall provide support for the Services through its support desk and shall respond to and resolve at least 95\u00a0% of the Incidents of each Severity Level in a calendar month within the following times:',
    );
    expect(en).toContain(
      'The percentage is calculated for each Severity Level separately, and separately for response times and for resolution times, over the Incidents reported in the calendar month.',
    );
    const zh = textOf(contract(draft, 'zh-CN'), 'support.times');
    expect(zh).toContain('并应在每个自然月内，在下列时限内响应和解决各严重级别事件中至少95%的事件：');
    expect(zh).toContain('上述比例按严重级别分别计算');
  });

  it('binds every Incident when the field is absent, worded as before', () => {
    const draft = preset('enterprise');
    delete draft.targets.supportAttainmentPercent;
    const en = textOf(contract(draft, 'en'), 'support.times');
    expect(en).toContain(
      'The Provider shall provide support for the Services through its support desk and shall respond to and resolve Incidents within the following times, according to their Severity Level:',
    );
    expect(en).not.toContain('percentage');
    expect(textOf(contract(draft, 'zh-CN'), 'support.times')).toContain('并应根据事件的严重级别在下列时限内响应和解决事件：');
  });
});

describe('the customer’s critical periods', () => {
  it('are free of Scheduled Maintenance, listed by name and dates, without their notes', () => {
    const draft = preset('enterprise');
    const en = contract(draft, 'en');
    expect(textOf(en, 'maintenance.critical-periods')).toBe(
      [
        'Customer’s Critical Periods',
        'The Provider shall not carry out Scheduled Maintenance during the following periods, which are critical to the Customer’s business (New York time; each period includes its first and last day):',
        'Annual statement filing: 15 February 2027 to 1 March 2027;',
        'Peak hurricane season: 15 August 2027 to 15 October 2027;',
        'Year-end policy renewals: 1 December 2027 to 31 December 2027;',
        'Annual statement filing: 15 February 2028 to 1 March 2028;',
        'Peak hurricane season: 15 August 2028 to 15 October 2028;',
        'Year-end policy renewals: 1 December 2028 to 31 December 2028;',
        'Annual statement filing: 15 February 2029 to 1 March 2029;',
        'Peak hurricane season: 15 August 2029 to 15 October 2029; and',
        'Year-end policy renewals: 1 December 2029 to 31 December 2029.',
        'Scheduled Maintenance carried out during any of these periods counts as Downtime.',
      ].join('\n'),
    );
    const zh = contract(draft, 'zh-CN');
    expect(textOf(zh, 'maintenance.critical-periods')).toBe(
      [
        '客户关键业务期间',
        '服务提供方不得在下列对客户业务至关重要的期间（纽约时间；各期间均含首尾两日）进行计划维护：',
        '年度法定报表报送期：2027年2月15日至2027年3月1日；',
        '飓风季高峰期：2027年8月15日至2027年10月15日；',
        '年末保单续保期：2027年12月1日至2027年12月31日；',
        '年度法定报表报送期：2028年2月15日至2028年3月1日；',
        '飓风季高峰期：2028年8月15日至2028年10月15日；',
        '年末保单续保期：2028年12月1日至2028年12月31日；',
        '年度法定报表报送期：2029年2月15日至2029年3月1日；',
        '飓风季高峰期：2029年8月15日至2029年10月15日；',
        '年末保单续保期：2029年12月1日至2029年12月31日。',
        '在上述任一期间内进行的计划维护计为停机时间。',
      ].join('\n'),
    );
    for (const period of draft.expectations.criticalPeriods) {
      expect(documentText(en)).not.toContain(period.note);
      expect(documentText(zh)).not.toContain(period.note);
    }
  });

  it('leave no clause when the draft has none', () => {
    const draft = preset('enterprise');
    draft.expectations.criticalPeriods = [];
    expect(clausesOf(contract(draft, 'en'), 'maintenance.critical-periods')).toEqual([]);
  });
});

describe('the escalation contacts', () => {
  it('name the marked stakeholders of each party, providers first, and no one else', () => {
    const draft = preset('enterprise');
    const bilingual = assembleBilingual(draft, template);
    expect(bilingual.problems).toEqual([]);
    const [en] = clausesOf(bilingual.en, 'support.escalation');
    expect(clauseOwnText(en!).split('\n').slice(0, 2)).toEqual([
      'Escalation Contacts',
      'Either Party may escalate an Incident that is not responded to or resolved within the times set out in Clause 5.1, or any other matter concerning the Service Levels, to the following escalation contacts of the other Party:',
    ]);
    expect(cells(tableOf(en!))).toEqual([
      ['Provider', 'Meridian Incident Management', '24×7 support line and incident commander', 'incident@meridian-dataworks.example', '+1 212 555 0100'],
      [
        'Customer',
        'Luis Ortega',
        'Director, Claims Platforms (service owner and escalation contact)',
        'luis.ortega@crestmoor-mutual.example',
        '+1 312 555 0134',
      ],
    ]);
    const [zh] = clausesOf(bilingual.zh, 'support.escalation');
    expect(clauseOwnText(zh!).split('\n').slice(0, 2)).toEqual([
      '升级联系人',
      '对于未在第5.1条规定的时限内得到响应或解决的事件，或与服务水平有关的其他事项，任何一方均可向另一方的下列升级联系人提出升级处理：',
    ]);
    expect(cells(tableOf(zh!)).map((row) => row.slice(0, 2))).toEqual([
      ['服务提供方', 'Meridian Incident Management'],
      ['客户', 'Luis Ortega'],
    ]);
    // The others stay internal (one signs the contract, and is named there only).
    const signatories = [draft.parties.provider.signatoryName, draft.parties.customer.signatoryName];
    for (const doc of [bilingual.en, bilingual.zh]) {
      const text = documentText(doc);
      for (const other of draft.expectations.stakeholders.filter((stakeholder) => stakeholder.escalation !== true)) {
        if (!signatories.includes(other.name)) expect(text).not.toContain(other.name);
        expect(text).not.toContain(other.role);
        if (other.email !== '') expect(text).not.toContain(other.email);
      }
    }
  });

  it('print a dash for a detail not given, and leave no clause when no one is marked', () => {
    const draft = preset('enterprise');
    const vendorRisk = draft.expectations.stakeholders.find((stakeholder) => stakeholder.id === 'sh-customer-vendor-risk')!;
    expect(vendorRisk.phone).toBe('');
    vendorRisk.escalation = true;
    const [clause] = clausesOf(contract(draft, 'en'), 'support.escalation');
    expect(cells(tableOf(clause!)).at(-1)).toEqual([
      'Customer',
      'Grace Whitfield',
      'Vendor Risk Manager (reports, audits and service credit claims)',
      'grace.whitfield@crestmoor-mutual.example',
      '—',
    ]);
    for (const stakeholder of draft.expectations.stakeholders) delete stakeholder.escalation;
    expect(clausesOf(contract(draft, 'en'), 'support.escalation')).toEqual([]);
    expect(documentText(contract(draft, 'en'))).not.toContain('escalation contacts');
  });
});

describe('how the Customer reports Incidents', () => {
  it('names the Provider’s escalation contacts, their e-mail and telephone, in Clause 5 in both languages', () => {
    const draft = preset('enterprise');
    const en = contract(draft, 'en');
    const reporting = clausesOf(en, 'support.reporting')[0]!;
    expect(reporting.number.slice(0, 1)).toEqual([5]);
    expect(textOf(en, 'support.reporting')).toMatch(
      /^Reporting Incidents\nThe Customer shall report Incidents to the Provider through any of the following contacts:\nMeridian Incident Management, 24×7 support line and incident commander: by e-mail to incident@meridian-dataworks\.example or by telephone on \+1 212 555 0100\.\nAn Incident is reported when the report reaches one of these contacts\. The Provider may change them as provided in Clause 5\.\d+\.$/,
    );
    // Only the Provider's contacts: the Customer's escalation contact is no channel to report to.
    expect(textOf(en, 'support.reporting')).not.toContain('Luis Ortega');
    expect(textOf(contract(draft, 'zh-CN'), 'support.reporting')).toContain(
      '客户应通过服务提供方的下列任一联系渠道报告事件：\nMeridian Incident Management，7×24小时技术支持热线及事件指挥：电子邮件incident@meridian-dataworks.example或电话+1 212 555 0100。',
    );
  });

  it('lists each of several contacts, with what it has, and falls back to the channels the Provider notifies when there is none', () => {
    const draft = preset('standard-saas');
    const en = textOf(contract(draft, 'en'), 'support.reporting');
    expect(en).toContain(
      'Priya Raman, Customer Success Manager (service reviews and reports): by e-mail to priya.raman@brightledger.example or by telephone on +44 20 7946 0321; or',
    );
    expect(en).toContain(
      'Brightledger Support Desk, Support portal and P1 support line: by e-mail to support@brightledger.example or by telephone on +44 20 7946 0500.',
    );

    const desk = draft.expectations.stakeholders.find((stakeholder) => stakeholder.id === 'sh-provider-support')!;
    desk.phone = '';
    desk.role = localized('');
    expect(textOf(contract(draft, 'en'), 'support.reporting')).toContain('Brightledger Support Desk: by e-mail to support@brightledger.example.');

    // Its user's texts in Chinese too, for the Chinese contract.
    const none = namedBilingualBlankDraft();
    expect(none.expectations.stakeholders).toEqual([]);
    expect(textOf(contract(none, 'en'), 'support.reporting')).toBe(
      'Reporting Incidents\nThe Customer shall report Incidents to the Provider’s support desk through the support channels that the Provider notifies to the Customer in writing.',
    );
    expect(textOf(contract(none, 'zh-CN'), 'support.reporting')).toContain('客户应通过服务提供方书面通知客户的技术支持渠道');
  });
});
