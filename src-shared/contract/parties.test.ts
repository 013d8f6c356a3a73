/**
 * The parties as a contract names them and as they sign: a name in
 * Chinese, the registration number and legal representative, and the
 * signature formalities each party's country calls for.
 */
import { describe, expect, it } from 'vitest';
import { localized, localizeByScript } from '../model/localized';
import type { SlaDraft } from '../model/schema';
import { alignmentProblems, assembleBilingual, assembleContract, BLANK } from './assemble';
import { documentText, partySignatureLabels, runsText, walkClauses, type ContractDoc, type ContractLanguage } from './doc';
import { preset } from './fixtures';
import { partyCountry } from './party-country';

import { clause, clauseText, template } from './test-support';

const LANGUAGES: ContractLanguage[] = ['en', 'zh-CN'];

describe('party name in Chinese', () => {
  const china = preset('china-hosted');
  const coverTexts = (doc: ContractDoc) => doc.cover.lines.map((line) => runsText(line.runs));
  const partiesList = (doc: ContractDoc) => clauseText(doc, 'preamble').split('\n').slice(1, 3);
  const signatureCompanies = (doc: ContractDoc) =>
    walkClauses(doc)
      .flatMap(({ clause: c }) => c.blocks)
      .flatMap((block) => (block.kind === 'signature' ? block.parties.map((party) => party.company) : []));

  it('names each party by its Chinese name in the Chinese text and by its legal name in the English, with the Chinese name beside it', () => {
    const { doc: zh } = assembleContract(china, template, 'zh-CN');
    expect(partiesList(zh)[0]).toMatch(/^上海云帆数据科技有限公司，注册地址为上海市/);
    expect(partiesList(zh)[1]).toMatch(/^苏州禾丰供应链管理有限公司，注册地址为江苏省/);
    expect(signatureCompanies(zh)).toEqual(['上海云帆数据科技有限公司', '苏州禾丰供应链管理有限公司']);
    expect(clauseText(zh, 'signatures')).toContain('服务提供方：上海云帆数据科技有限公司');

    const { doc: en } = assembleContract(china, template, 'en');
    expect(signatureCompanies(en)).toEqual(['Shanghai Yunfan Data Technology Co., Ltd.', 'Suzhou Hefeng Supply Chain Management Co., Ltd.']);
    expect(clauseText(en, 'signatures')).toContain('For and on behalf of Shanghai Yunfan Data Technology Co., Ltd. (the Provider)');
    // Under each name on the cover, the name in the other language.
    const enCover = coverTexts(en);
    expect(enCover[enCover.indexOf('Suzhou Hefeng Supply Chain Management Co., Ltd. (as Customer)') + 1]).toBe('苏州禾丰供应链管理有限公司');
    const zhCover = coverTexts(zh);
    expect(zhCover[zhCover.indexOf('客户：苏州禾丰供应链管理有限公司') + 1]).toBe('Suzhou Hefeng Supply Chain Management Co., Ltd.');
  });

  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['the legal name again', 'Shanghai Yunfan Data Technology Co., Ltd.'],
  ])('uses the legal name in both texts when the name in Chinese is %s, and shows no second name', (_, legalNameZh) => {
    const draft = structuredClone(china);
    if (legalNameZh === undefined) delete draft.parties.provider.legalNameZh;
    else draft.parties.provider.legalNameZh = legalNameZh;
    const { doc: zh, problems } = assembleContract(draft, template, 'zh-CN');
    expect(problems).toEqual([]);
    expect(partiesList(zh)[0]).toMatch(/^Shanghai Yunfan Data Technology Co\., Ltd\.，注册地址为/);
    expect(signatureCompanies(zh)[0]).toBe('Shanghai Yunfan Data Technology Co., Ltd.');
    const { doc: en } = assembleContract(draft, template, 'en');
    expect(partiesList(en)[0]).toMatch(
      /^Shanghai Yunfan Data Technology Co\., Ltd\. \(Registration number: 91310115MA1K4R7D35; Legal representative: 林志远\), whose/,
    );
    for (const doc of [en, zh]) {
      expect(doc.cover.lines.map((line) => line.id)).not.toContain('provider-other-name');
      expect(documentText(doc)).not.toContain('上海云帆数据科技有限公司');
    }
  });
});

describe('party registration number and legal representative', () => {
  const china = preset('china-hosted');
  const coverTexts = (doc: ContractDoc) => doc.cover.lines.map((line) => runsText(line.runs));
  const partiesList = (doc: ContractDoc) => clauseText(doc, 'preamble').split('\n').slice(1, 3);
  const withParties = (change: (party: SlaDraft['parties']['provider']) => void): SlaDraft => {
    const draft = structuredClone(china);
    change(draft.parties.provider);
    change(draft.parties.customer);
    return draft;
  };

  it('shows both under each party on the cover and beside its name in the preamble, in English', () => {
    const { doc, problems } = assembleContract(china, template, 'en');
    expect(problems).toEqual([]);
    const cover = coverTexts(doc);
    const provider = cover.indexOf('Shanghai Yunfan Data Technology Co., Ltd. (as Provider)');
    expect(cover.slice(provider + 1, provider + 4)).toEqual([
      '上海云帆数据科技有限公司',
      'Registration number: 91310115MA1K4R7D35',
      'Legal representative: 林志远',
    ]);
    const customer = cover.indexOf('Suzhou Hefeng Supply Chain Management Co., Ltd. (as Customer)');
    expect(cover.slice(customer + 1, customer + 4)).toEqual([
      '苏州禾丰供应链管理有限公司',
      'Registration number: 91320594MA1W2G8L55',
      'Legal representative: 顾建华',
    ]);
    expect(partiesList(doc)[0]).toMatch(
      /^Shanghai Yunfan Data Technology Co\., Ltd\. \(上海云帆数据科技有限公司; Registration number: 91310115MA1K4R7D35; Legal representative: 林志远\), whose registered office is at /,
    );
    expect(partiesList(doc)[1]).toMatch(
      /^Suzhou Hefeng Supply Chain Management Co\., Ltd\. \(苏州禾丰供应链管理有限公司; Registration number: 91320594MA1W2G8L55; Legal representative: 顾建华\), whose/,
    );
  });

  it('shows both in Chinese wording, and the Chinese signature line is for the legal or authorised representative', () => {
    const { doc, problems } = assembleContract(china, template, 'zh-CN');
    expect(problems).toEqual([]);
    const cover = coverTexts(doc);
    const provider = cover.indexOf('服务提供方：上海云帆数据科技有限公司');
    expect(cover.slice(provider + 1, provider + 4)).toEqual([
      'Shanghai Yunfan Data Technology Co., Ltd.',
      '统一社会信用代码/注册号：91310115MA1K4R7D35',
      '法定代表人：林志远',
    ]);
    expect(partiesList(doc)[0]).toMatch(/12层，统一社会信用代码\/注册号：91310115MA1K4R7D35，法定代表人：林志远（“服务提供方”）；及$/);
    expect(partiesList(doc)[1]).toMatch(/6层，统一社会信用代码\/注册号：91320594MA1W2G8L55，法定代表人：顾建华（“客户”）。$/);
    const signature = walkClauses(doc)
      .flatMap(({ clause: c }) => c.blocks)
      .find((block) => block.kind === 'signature');
    expect(signature?.kind === 'signature' && signature.labels.signature).toBe('法定代表人或授权代表（签字）');
  });

  it('shows only the one given', () => {
    const draft = withParties((party) => {
      party.registrationNumber = '';
    });
    const english = assembleContract(draft, template, 'en').doc;
    expect(partiesList(english)[0]).toMatch(/^Shanghai Yunfan Data Technology Co\., Ltd\. \(上海云帆数据科技有限公司; Legal representative: 林志远\), whose/);
    expect(coverTexts(english)).not.toContainEqual(expect.stringContaining('Registration number'));
    const chinese = assembleContract(draft, template, 'zh-CN').doc;
    expect(partiesList(chinese)[0]).toMatch(/12层，法定代表人：林志远（“服务提供方”）；及$/);
    expect(documentText(chinese)).not.toContain('统一社会信用代码');
  });

  it.each([
    [
      'absent',
      (party: SlaDraft['parties']['provider']) => {
        delete party.registrationNumber;
        delete party.legalRepresentative;
      },
    ],
    [
      'empty or blank',
      (party: SlaDraft['parties']['provider']) => {
        party.registrationNumber = '';
        party.legalRepresentative = '  ';
      },
    ],
  ])('shows nothing of them when %s, in either language, and leaves no blank', (_, clear) => {
    const draft = withParties(clear);
    for (const language of LANGUAGES) {
      const { doc, problems } = assembleContract(draft, template, language);
      expect(problems).toEqual([]);
      const text = documentText(doc);
      for (const word of ['Registration number', 'Legal representative', '统一社会信用代码', '法定代表人：', '91310115MA1K4R7D35', '林志远', BLANK])
        expect(text).not.toContain(word);
    }
    expect(partiesList(assembleContract(draft, template, 'en').doc)[0]).toMatch(
      /^Shanghai Yunfan Data Technology Co\., Ltd\. \(上海云帆数据科技有限公司\), whose registered office is at /,
    );
    expect(partiesList(assembleContract(draft, template, 'zh-CN').doc)[0]).toMatch(/12层（“服务提供方”）；及$/);
  });

  it('keeps the two languages aligned line for line in a bilingual contract', () => {
    const pair = assembleBilingual(china, template);
    expect(alignmentProblems(pair.en, pair.zh)).toEqual([]);
    const detailIds = (doc: ContractDoc) => doc.cover.lines.filter((line) => line.style === 'partyDetail').map((line) => line.id);
    // No name in the other language under each party: the bilingual cover has both names already.
    expect(detailIds(pair.en)).toEqual(['provider-registration', 'provider-representative', 'customer-registration', 'customer-representative']);
    expect(detailIds(pair.zh)).toEqual(detailIds(pair.en));
  });
});

describe('signature formalities follow each party', () => {
  const signatureLabels = (doc: ContractDoc) => {
    const block = clause(doc, 'signatures')!.blocks.find((b) => b.kind === 'signature');
    if (block?.kind !== 'signature') throw new Error('no signature block');
    return block.parties.map((party) => ({ role: party.role, ...partySignatureLabels(block, party) }));
  };

  it('gives a US party neither a seal line nor 法定代表人, and a Chinese party both, in one contract', () => {
    const draft = structuredClone(preset('china-hosted'));
    draft.parties.customer = { ...preset('enterprise').parties.customer, legalNameZh: '克雷斯特摩尔互助保险公司' };
    const doc = assembleContract(draft, template, 'zh-CN').doc;
    expect(signatureLabels(doc)).toEqual([
      { role: 'provider', seal: '（盖章）', signature: '法定代表人或授权代表（签字）' },
      { role: 'customer', seal: null, signature: '授权代表（签字）' },
    ]);
    const text = documentText(doc);
    expect(text.split('（盖章）')).toHaveLength(2);
  });

  it('gives two US parties no seal and no 法定代表人 anywhere in the Chinese contract', () => {
    const text = documentText(assembleContract(preset('enterprise'), template, 'zh-CN').doc);
    expect(text).not.toContain('盖章');
    expect(text).not.toContain('法定代表人');
    expect(text).toContain('授权代表（签字）');
  });

  it('keeps the seal and the legal representative for two Chinese parties', () => {
    expect(signatureLabels(assembleContract(preset('china-hosted'), template, 'zh-CN').doc).map((party) => party.seal)).toEqual(['（盖章）', '（盖章）']);
  });

  it('gives UK parties neither a seal line nor 法定代表人 in the Chinese contract', () => {
    const standard = preset('standard-saas');
    const doc = assembleContract(standard, template, 'zh-CN').doc;
    expect(signatureLabels(doc)).toEqual([
      { role: 'provider', seal: null, signature: '授权代表（签字）' },
      { role: 'customer', seal: null, signature: '授权代表（签字）' },
    ]);
    const text = documentText(doc);
    expect(text).not.toContain('盖章');
    expect(text).not.toContain('法定代表人');
  });

  it('gives Chinese parties their seal line and legal or authorised representative in the English contract too', () => {
    const doc = assembleContract(preset('china-hosted'), template, 'en').doc;
    expect(signatureLabels(doc)).toEqual([
      { role: 'provider', seal: '(Company seal)', signature: 'Signature of legal or authorised representative' },
      { role: 'customer', seal: '(Company seal)', signature: 'Signature of legal or authorised representative' },
    ]);
    // A Chinese party beside a US party: each signs as its own country has it, in both languages.
    const draft = structuredClone(preset('china-hosted'));
    draft.parties.customer = preset('enterprise').parties.customer;
    for (const language of LANGUAGES) {
      const [provider, customer] = signatureLabels(assembleContract(draft, template, language).doc);
      expect(provider!.seal).not.toBeNull();
      expect(customer!.seal).toBeNull();
    }
    expect(signatureLabels(assembleContract(draft, template, 'en').doc)[1]).toEqual({ role: 'customer', seal: null, signature: 'Signature' });
  });

  it('reads the country from the address and the registration number', () => {
    // An address typed in one language, put where its script says, as the migration of an older file does.
    const party = (address: string, registrationNumber?: string) => partyCountry({ address: localizeByScript(address, 'en'), registrationNumber });
    expect(party('250 Hudson Street, 9th Floor, New York, NY 10013, United States')).toBe('US');
    expect(party('1 Market St, San Francisco, CA 94105')).toBe('US');
    expect(party('500 Main Street, Boston, MA 02110, USA')).toBe('US');
    expect(party('上海市浦东新区张江高科技园区科苑路 1688 号 7 幢 12 层')).toBe('CN');
    expect(party('Room 1201, 88 Century Avenue, Shanghai 200120, China')).toBe('CN');
    expect(party('88 Century Avenue, Shanghai', '91310115MA1K4R7D35')).toBe('CN');
    expect(party('4th Floor, 118 Tabernacle Street, London EC2A 4SD, United Kingdom')).toBeNull();
    expect(party('Beispielweg 2, Berlin')).toBeNull();
    expect(party('')).toBeNull();
    // Either language may say the country.
    expect(partyCountry({ address: localized('88 Century Avenue, Pudong', '上海市浦东新区世纪大道 88 号') })).toBe('CN');
  });
});
