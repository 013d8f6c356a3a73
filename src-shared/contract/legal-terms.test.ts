/**
 * The terms a counterparty's lawyer asks for, as the contract prints them in
 * English and Chinese: the governing law and the forum named as
 * jurisdictions, arbitration (number of arbitrators, interim relief), which
 * dispute clause governs a schedule, notices, the customer's obligations,
 * breach notification in hours, entrusted processing under the PIPL, force
 * majeure with notice and proof, and mainland holidays that fall back to
 * the State Council's arrangements.
 */
import { describe, expect, it } from 'vitest';
import { checkContract } from '../contract-check';
import { localized } from '../model/localized';
import type { Position, SlaDraft } from '../model/schema';
import { assembleContract } from './assemble';
import { clauseOwnText, documentText, walkClauses, type ContractDoc, type ContractLanguage } from './doc';
import { namedBilingualBlankDraft, preset, presets, standardTemplate } from './fixtures';

// The drafts here are printed in English and in Chinese: the blank one has its user's texts in both.
const template = standardTemplate();

function doc(draft: SlaDraft, language: ContractLanguage): ContractDoc {
  const { doc: assembled, problems } = assembleContract(draft, template, language);
  expect(problems).toEqual([]);
  return assembled;
}

/** The clause and its sub-clauses as text; '' when the draft leaves it out. */
function text(draft: SlaDraft, id: string, language: ContractLanguage = 'en'): string {
  const found = walkClauses(doc(draft, language)).find((visit) => visit.clause.id === id)?.clause;
  if (!found) return '';
  return walkClauses({ clauses: [found] })
    .map((visit) => clauseOwnText(visit.clause))
    .join('\n');
}

function standAlone(draft: SlaDraft): SlaDraft {
  draft.mainAgreement = { relation: 'standAlone', title: '', titleZh: '', date: '' };
  return draft;
}

describe('governing law and courts named as jurisdictions', () => {
  it('names the law of a listed jurisdiction in its proper wording, and a typed law as typed', () => {
    const draft = namedBilingualBlankDraft();
    expect(draft.compliance.jurisdiction).toBe('englandWales');
    expect(text(draft, 'governing-law.law')).toContain('governed by and construed in accordance with the laws of England and Wales.');
    expect(text(draft, 'governing-law.law', 'zh-CN')).toContain('均适用英格兰和威尔士法律并依其解释。');
    expect(text(draft, 'governing-law.law')).not.toContain('the following law');

    draft.compliance.jurisdiction = 'newYork';
    expect(text(draft, 'governing-law.law')).toContain('the laws of the State of New York, without regard to its conflict of laws rules.');
    expect(text(draft, 'governing-law.law', 'zh-CN')).toContain('均适用美国纽约州法律（不适用其冲突规范）并依其解释。');

    draft.compliance.jurisdiction = 'prcMainland';
    expect(text(draft, 'governing-law.law')).toContain(
      'the laws of the People’s Republic of China (for the purposes of this Agreement, excluding the laws of the Hong Kong Special Administrative Region, the Macao Special Administrative Region and Taiwan).',
    );
    expect(text(draft, 'governing-law.law', 'zh-CN')).toContain(
      '均适用中华人民共和国法律（为本协议之目的，不包括香港特别行政区、澳门特别行政区和台湾地区的法律）并依其解释。',
    );

    delete draft.compliance.jurisdiction;
    draft.compliance.governingLaw = localized('the laws of the Province of Ontario', '加拿大安大略省法律');
    expect(text(draft, 'governing-law.law')).toContain('the following law: the laws of the Province of Ontario.');
  });

  it('names the courts of the jurisdiction, not of the typed city; in mainland China the court of the defendant’s domicile', () => {
    const draft = namedBilingualBlankDraft();
    draft.compliance.disputeResolution = { method: 'courts', venue: localized('London', '伦敦'), institution: localized(''), language: 'en' };
    const english = text(draft, 'governing-law.disputes');
    expect(english).toContain('Each Party irrevocably submits to the exclusive jurisdiction of the courts of England and Wales');
    expect(english).not.toContain('London');
    expect(text(draft, 'governing-law.disputes', 'zh-CN')).toContain('由英格兰和威尔士法院专属管辖，双方不可撤销地接受其管辖。');

    draft.compliance.jurisdiction = 'newYork';
    expect(text(draft, 'governing-law.disputes')).toContain('the exclusive jurisdiction of the state and federal courts located in New York County, New York');
    expect(text(draft, 'governing-law.disputes', 'zh-CN')).toContain('由位于美国纽约州纽约县的州法院和联邦法院专属管辖');

    draft.compliance.jurisdiction = 'prcMainland';
    expect(text(draft, 'governing-law.disputes')).toContain(
      'shall be submitted to the people’s court with jurisdiction at the place where the defendant is domiciled.',
    );
    expect(text(draft, 'governing-law.disputes', 'zh-CN')).toContain('应提交被告住所地有管辖权的人民法院诉讼解决。');
    expect(text(draft, 'governing-law.disputes', 'zh-CN')).not.toContain('专属管辖');

    // A German court is chosen by its seat: the typed place.
    draft.compliance.jurisdiction = 'germany';
    draft.compliance.disputeResolution.venue = localized('Munich', '慕尼黑');
    expect(text(draft, 'governing-law.disputes')).toContain('The courts of Munich have exclusive jurisdiction');
  });

  it('states the number of arbitrators, or leaves it to the rules, and keeps interim relief from a court open', () => {
    const draft = preset('enterprise');
    expect(draft.compliance.disputeResolution.arbitrators).toBe(3);
    expect(text(draft, 'governing-law.disputes')).toContain('The arbitral tribunal consists of three arbitrators.');
    expect(text(draft, 'governing-law.disputes', 'zh-CN')).toContain('仲裁庭由三名仲裁员组成。');
    draft.compliance.disputeResolution.arbitrators = 1;
    expect(text(draft, 'governing-law.disputes')).toContain('The arbitral tribunal consists of a sole arbitrator.');
    expect(text(draft, 'governing-law.disputes', 'zh-CN')).toContain('仲裁庭由一名独任仲裁员组成。');
    delete draft.compliance.disputeResolution.arbitrators;
    expect(text(draft, 'governing-law.disputes')).toContain('The number of arbitrators is determined in accordance with those rules.');
    expect(text(draft, 'governing-law.disputes', 'zh-CN')).toContain('仲裁员人数依照上述仲裁规则确定。');

    expect(text(draft, 'governing-law.disputes')).toContain(
      'Nothing in this Clause prevents a Party from applying at any time to a court of competent jurisdiction for interim or conservatory measures, including injunctive relief.',
    );
    expect(text(draft, 'governing-law.disputes', 'zh-CN')).toContain('向有管辖权的法院申请临时措施或保全措施（包括禁令救济）');

    // Under PRC law: the court's preservation of property, evidence or conduct.
    const china = preset('china-hosted');
    expect(text(china, 'governing-law.disputes')).toContain('to a competent court for the preservation of property, evidence or conduct');
    expect(text(china, 'governing-law.disputes', 'zh-CN')).toContain('申请财产保全、证据保全、行为保全或者其他临时措施');

    // Courts need no such sentence.
    expect(text(namedBilingualBlankDraft(), 'governing-law.disputes')).not.toContain('interim');
  });

  it('chooses one method for a schedule’s disputes, and lets the Main Agreement’s clause take over only where it is a valid clause of that method', () => {
    // Arbitration: never the courts as well (或裁或诉 voids a PRC arbitration agreement).
    const china = preset('china-hosted');
    expect(china.compliance.disputeResolution.method).not.toBe('courts');
    const arbitration = text(china, 'governing-law.main-agreement');
    expect(arbitration).toMatch(
      /Any dispute arising out of or in connection with this Agreement shall be resolved by arbitration only, and not by the courts, except for the interim measures referred to in Clause 16\.2\. If the Main Agreement contains a valid arbitration agreement, such a dispute shall be referred to arbitration under that arbitration agreement in place of Clause 16\.2; otherwise Clause 16\.2 applies\. A provision of the Main Agreement that submits disputes to the courts does not apply to disputes under this Agreement\./,
    );
    const chinese = text(china, 'governing-law.main-agreement', 'zh-CN');
    expect(chinese).toContain('因本协议引起的或与本协议有关的任何争议，只能通过仲裁解决，不得向法院起诉，但第16.2条所述的临时措施除外。');
    expect(chinese).toContain('主协议载有有效仲裁条款的，该等争议应依照该仲裁条款提请仲裁，而不适用第16.2条的约定；主协议未载有有效仲裁条款的，适用第16.2条。');
    expect(chinese).toContain('主协议中约定向法院起诉的条款，不适用于本协议项下的争议。');
    // No longer "the Main Agreement prevails" whatever its method.
    for (const clauseText of [arbitration, chinese]) expect(clauseText).not.toMatch(/If they differ|以主协议的规定为准/);

    // Courts: never arbitration as well.
    const schedule = namedBilingualBlankDraft();
    expect(schedule.compliance.disputeResolution.method).toBe('courts');
    expect(text(schedule, 'governing-law.main-agreement')).toContain(
      'shall be resolved by the courts only, and not by arbitration. If the Main Agreement contains a valid agreement on the jurisdiction of courts, such a dispute shall be submitted to the courts chosen in that agreement',
    );
    expect(text(schedule, 'governing-law.main-agreement')).toContain(
      'A provision of the Main Agreement that refers disputes to arbitration does not apply to disputes under this Agreement.',
    );
    expect(text(schedule, 'governing-law.main-agreement', 'zh-CN')).toContain('只能通过诉讼解决，不提交仲裁。主协议载有有效的法院管辖条款的');
    expect(text(schedule, 'governing-law.main-agreement', 'zh-CN')).toContain('主协议中约定仲裁的条款，不适用于本协议项下的争议。');
    const alone = standAlone(namedBilingualBlankDraft());
    expect(text(alone, 'governing-law.main-agreement')).toBe('');
    expect(text(alone, 'governing-law')).not.toContain('Main Agreement');
    expect(text(alone, 'governing-law.law')).toContain('the laws of England and Wales');
  });
});

describe('notices', () => {
  it('defines a Notice; a schedule gives it under the Main Agreement, a stand-alone SLA says how and when it is received', () => {
    const schedule = namedBilingualBlankDraft();
    expect(text(schedule, 'notices.form')).toContain('A “Notice” is a notice, demand, claim or other communication under this Agreement that has legal effect');
    expect(text(schedule, 'notices.form')).toContain('in accordance with the notice provisions of the Main Agreement');
    expect(text(schedule, 'notices.form', 'zh-CN')).toContain('正式通知应依照主协议的通知条款发出');
    expect(text(schedule, 'notices.receipt')).toBe('');

    const alone = standAlone(namedBilingualBlankDraft());
    expect(text(alone, 'notices.form')).toContain(
      'delivered by hand, by courier or by registered post to the receiving Party at its address stated at the beginning of this Agreement, or at another address that the receiving Party has notified to the other Party by Notice.',
    );
    expect(text(alone, 'notices.form', 'zh-CN')).toContain('通过专人递送、快递或挂号信寄送至接收方在本协议首部所列的地址');
    const receipt = text(alone, 'notices.receipt');
    expect(receipt).toContain('if delivered by hand, when it is left at the address;');
    expect(receipt).toContain('if sent by e-mail, when it enters the recipient’s mail server, unless the sender receives a message that it was not delivered.');
    expect(receipt).toContain('A Notice deemed received outside Business Hours is deemed received when Business Hours next begin.');
    expect(text(alone, 'notices.receipt', 'zh-CN')).toContain('视为于下一个工作时间开始时送达');
  });

  it('lets maintenance and incident notifications and credit claims go by e-mail, as operational communications that are not Notices', () => {
    const draft = namedBilingualBlankDraft();
    expect(text(draft, 'notices.operational')).toContain(
      'Notifications of Scheduled Maintenance and Emergency Maintenance, Incident notifications, service level reports, claims for Service Credits under Clause 10 and other communications about the operation of the Services are not Notices. They may be given by e-mail',
    );
    expect(text(draft, 'notices.operational', 'zh-CN')).toContain(
      '计划维护和紧急维护的通知、事件通知、服务水平报告、依据第10条提出的服务费减免申请以及与服务运营有关的其他通讯不属于正式通知，可以通过电子邮件发送',
    );
  });
});

describe('customer obligations', () => {
  it('lists what the customer does, with the Documentation and Acceptable Use Policy only under a Main Agreement', () => {
    const schedule = namedBilingualBlankDraft();
    const duties = text(schedule, 'customer-obligations.duties');
    expect(duties).toContain('keep the credentials of its accounts for the Services secure and confidential');
    expect(duties).toContain('use the Services in accordance with the Documentation and the Acceptable Use Policy;');
    expect(duties).toMatch(/report Incidents through the support channels stated in Clause \d+, with the information/);
    expect(text(schedule, 'customer-obligations.duties', 'zh-CN')).toContain('按照文档和可接受使用政策使用服务；');
    const alone = text(standAlone(namedBilingualBlankDraft()), 'customer-obligations.duties');
    expect(alone).toContain('use the Services in accordance with the Provider’s documentation and reasonable instructions;');
    expect(alone).not.toContain('Acceptable Use Policy');
  });

  const effects: Record<Position, [string, string]> = {
    provider: ['the response and resolution times of an Incident are suspended', '事件的响应时间和解决时间中止计算'],
    balanced: [
      'provided that the Provider notifies the Customer of that failure promptly after becoming aware of it',
      '但服务提供方应在知悉客户未履行义务后及时通知客户',
    ],
    customer: ['the Customer did not remedy it within a reasonable time', '而客户未在合理期限内予以纠正'],
  };
  it.each(Object.entries(effects))('words the effect of a failure to cooperate in the %s position', (position, [english, chinese]) => {
    const draft = namedBilingualBlankDraft();
    draft.contract.positions['customer-obligations.effect'] = position as Position;
    expect(text(draft, 'customer-obligations.effect')).toContain(english);
    expect(text(draft, 'customer-obligations.effect', 'zh-CN')).toContain(chinese);
  });
});

describe('personal data breaches', () => {
  it('notifies a breach within 48 hours when the draft says nothing, else within its hours', () => {
    const draft = namedBilingualBlankDraft();
    expect(draft.compliance.breachNotificationHours).toBeUndefined();
    expect(text(draft, 'data-protection.breach')).toContain(
      'including any Personal Data Breach, without undue delay after becoming aware of it and in any event within 48 hours.',
    );
    expect(text(draft, 'data-protection.breach', 'zh-CN')).toContain('应及时通知客户，且无论如何不得迟于知悉后48小时。');
    draft.compliance.breachNotificationHours = 24;
    expect(text(draft, 'data-protection.breach')).toContain('in any event within 24 hours.');
    expect(text(draft, 'data-protection.breach', 'zh-CN')).toContain('不得迟于知悉后24小时。');
    expect(text(draft, 'data-protection.breach')).toContain('A “Personal Data Breach” is a breach of security');
    expect(text(draft, 'data-protection.breach', 'zh-CN')).toContain('“个人信息安全事件”是指');
  });

  it('says what the notification contains, in both languages, in every preset', () => {
    for (const { name, draft } of presets()) {
      const english = text(draft, 'data-protection.breach');
      for (const part of [
        'the nature of the Personal Data Breach and its cause',
        'the categories and approximate number of individuals and records concerned',
        'the categories of personal data or personal information concerned',
        'its likely consequences',
        'the measures taken or proposed to address it and to mitigate its effects',
        'the measures individuals can take to mitigate its possible harm',
        'a contact point for further information',
      ])
        expect(english, name).toContain(part);
      const chinese = text(draft, 'data-protection.breach', 'zh-CN');
      for (const part of [
        '个人信息安全事件的性质及原因',
        '涉及的个人及记录的类别和大致数量',
        '涉及的个人数据或个人信息的种类',
        '可能造成的后果',
        '已采取或拟采取的处置和减轻影响的措施',
        '个人可以采取的减轻危害的措施',
        '可提供进一步信息的联系人',
      ])
        expect(chinese, name).toContain(part);
    }
  });
});

describe('PIPL entrusted processing', () => {
  it('agrees the terms of art. 21 only when the PIPL applies', () => {
    const china = preset('china-hosted');
    const english = text(china, 'data-protection.pipl-entrusted');
    expect(english).toContain('within the meaning of Article 21 of the Personal Information Protection Law');
    expect(english).toContain('the purpose of the entrusted processing is the provision of the Services; its duration is the term of this Agreement');
    expect(english).toContain('shall not entrust the processing of the personal information to any other person without the Customer’s prior written consent');
    expect(english).toContain('return the personal information to the Customer or delete it, as the Customer chooses, and shall not retain it');
    expect(english).toContain('including in responding to requests from individuals exercising their rights');
    expect(english).toMatch(/accept the Customer’s supervision of the processing in accordance with Clause \d+\.\d+\./);
    const chinese = text(china, 'data-protection.pipl-entrusted', 'zh-CN');
    expect(chinese).toContain('依照《中华人民共和国个人信息保护法》第二十一条委托服务提供方处理个人信息的');
    expect(chinese).toContain('未经客户事先书面同意，服务提供方不得转委托他人处理个人信息');
    expect(chinese).toContain('将个人信息返还客户或者予以删除，不得保留');

    expect(text(preset('enterprise'), 'data-protection.pipl-entrusted')).toBe('');
    expect(text(preset('enterprise'), 'data-protection.pipl-supervision')).toBe('');
  });

  const supervision: Record<Position, [string, string]> = {
    provider: ['a summary of its most recent independent security audit', '最近一次独立安全审计的摘要'],
    balanced: ['no more than once in any twelve (12) months and on at least thirty (30) days’ notice, an audit', '每十二（12）个月不超过一次'],
    customer: ['including by inspecting the Provider’s premises and systems', '包括检查服务提供方的场所和系统'],
  };
  it.each(Object.entries(supervision))('words the supervision of entrusted processing in the %s position', (position, [english, chinese]) => {
    const draft = preset('china-hosted');
    draft.contract.positions['data-protection.pipl-supervision'] = position as Position;
    expect(text(draft, 'data-protection.pipl-supervision')).toContain(english);
    expect(text(draft, 'data-protection.pipl-supervision', 'zh-CN')).toContain(chinese);
  });
});

describe('force majeure', () => {
  it('requires prompt notice and proof, and excuses in whole or in part by the impact, in every draft', () => {
    const draft = namedBilingualBlankDraft();
    const english = text(draft, 'exclusions.force-majeure');
    expect(english).toContain('an event beyond the reasonable control of the Provider');
    expect(english).toContain('so as to reduce the losses it may cause the Customer, shall provide evidence of the event within a reasonable time');
    expect(english).toContain('A Force Majeure Event excuses the Provider in whole or in part according to its impact on the Services.');
    expect(english).toContain('that had already begun when the event occurred');
    const chinese = text(draft, 'exclusions.force-majeure', 'zh-CN');
    expect(chinese).toContain('以减轻可能给客户造成的损失，并应在合理期限内提供证明');
    expect(chinese).toContain('部分或者全部免除责任');
    expect(english).not.toContain('Civil Code');
  });

  it('defines force majeure as art. 180 of the Civil Code does when PRC law governs', () => {
    const china = preset('china-hosted');
    expect(text(china, 'exclusions.force-majeure')).toContain(
      'an objective circumstance that is unforeseeable, unavoidable and insurmountable within the meaning of Article 180 of the Civil Code of the People’s Republic of China',
    );
    expect(text(china, 'exclusions.force-majeure', 'zh-CN')).toContain('《中华人民共和国民法典》第一百八十条所称不能预见、不能避免且不能克服的客观情况');
  });
});

describe('holidays in mainland China', () => {
  const STATE_COUNCIL = 'announced by the General Office of the State Council of the People’s Republic of China';

  it('falls back to the State Council’s arrangements for a year the schedule does not list', () => {
    const china = preset('china-hosted');
    expect(text(china, 'definitions.holidays')).toContain(`For a calendar year for which this Agreement lists no public holidays`);
    expect(text(china, 'definitions.holidays')).toContain(STATE_COUNCIL);
    expect(text(china, 'definitions.holidays', 'zh-CN')).toContain('以国务院办公厅公布的节假日安排为准');
    expect(text(china, 'definitions.holidays', 'zh-CN')).toContain(
      '该年度的放假日期及调休上班日均以国务院办公厅公布的节假日安排为准，本协议所列日期亦为放假日期',
    );

    china.expectations.businessHours.holidays = [];
    delete china.expectations.businessHours.workingDays;
    expect(text(china, 'definitions.terms')).toContain(
      `excluding the public holidays, and including the adjusted working days, ${STATE_COUNCIL.replace('announced', 'announced for each calendar year')}`,
    );
    expect(text(china, 'definitions.terms', 'zh-CN')).toContain('但国务院办公厅公布的各年度法定节假日除外，且包括国务院办公厅公布的调休上班日的相应时段；');
  });

  it('says public holidays as such elsewhere', () => {
    const london = preset('standard-saas');
    expect(text(london, 'definitions.holidays')).not.toContain('State Council');
    london.expectations.businessHours.holidays = [];
    expect(text(london, 'definitions.terms')).toContain('excluding public holidays;');
    expect(text(london, 'definitions.terms', 'zh-CN')).not.toContain('国务院');
  });

  it('falls back elsewhere to the public holidays published where the business hours’ clock is, for a year not listed', () => {
    const newYork = preset('enterprise');
    const english = text(newYork, 'definitions.holidays');
    expect(english).toContain(
      'For a calendar year for which this Agreement lists no public holidays, Business Hours do not apply on the days officially published as public holidays for that year at the place whose local time Business Hours follow (New York time).',
    );
    expect(english).not.toContain('State Council');
    expect(text(newYork, 'definitions.holidays', 'zh-CN')).toContain(
      '本协议未列明某一年度公众假日的，该年度工作时间不包括工作时间所依据的当地时间（纽约时间）所在地官方公布的该年度公众假日。',
    );
    expect(text(preset('standard-saas'), 'definitions.holidays')).toContain('at the place whose local time Business Hours follow (UK time).');
    // Mainland China keeps the State Council's arrangements, and only them.
    expect(text(preset('china-hosted'), 'definitions.holidays')).not.toContain('officially published as public holidays');
  });

  it('calls holidays 法定节假日 in mainland China only, 公众假日 elsewhere', () => {
    for (const id of ['enterprise', 'standard-saas']) {
      const chinese = documentText(doc(preset(id), 'zh-CN'));
      expect(chinese).not.toContain('法定节假日');
      expect(text(preset(id), 'definitions.terms', 'zh-CN')).toMatch(/但第1\.2条所列公众假日除外；/);
      expect(text(preset(id), 'definitions.holidays', 'zh-CN')).toMatch(/^公众假日\n工作时间不包括下列公众假日：\n年份\t公众假日\n/);
    }
    const london = preset('standard-saas');
    london.expectations.businessHours.holidays = [];
    expect(text(london, 'definitions.terms', 'zh-CN')).toContain('公众假日除外；');
    const china = documentText(doc(preset('china-hosted'), 'zh-CN'));
    expect(china).toContain('所列法定节假日除外');
    expect(china).not.toContain('公众假日');
  });
});

describe('the presets', () => {
  it.each(presets())('$name: the contract check finds neither a problem nor a warning', ({ draft }) => {
    expect(checkContract(draft, template)).toEqual([]);
  });
});
