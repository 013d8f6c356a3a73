/**
 * What a lawyer checks before sending the contract: every blank filled, the
 * clauses that belong there and none that do not, the numbers exactly as
 * the draft says them, numbering without gaps, and the English and Chinese
 * texts saying the same thing clause by clause.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatChineseUppercaseAmount, formatDurationSeconds, formatMoney, formatNumber, formatPercent } from '../format';
import { allowedDowntimeSeconds, monthCredit } from '../math';
import { metricsById } from '../model/metrics';
import type { SlaDraft } from '../model/schema';
import { alignmentProblems, assembleBilingual, assembleContract, BLANK } from './assemble';
import {
  clauseOwnText,
  documentText,
  partySignatureLabels,
  runsText,
  walkClauses,
  type Clause,
  type ContractDoc,
  type ContractLanguage,
  type Run,
  type Table,
} from './doc';
import { namedBlankDraft, presets, preset, standardTemplate } from './fixtures';
import { partyCountry } from './party-country';

const template = standardTemplate();
const LANGUAGES: ContractLanguage[] = ['en', 'zh-CN'];

function en(draft: SlaDraft): ContractDoc {
  return assembleContract(draft, template, 'en').doc;
}

function clause(doc: ContractDoc, id: string): Clause | undefined {
  return walkClauses(doc).find((visit) => visit.clause.id === id)?.clause;
}

function clauseText(doc: ContractDoc, id: string): string {
  const found = clause(doc, id);
  if (!found) throw new Error(`clause ${id} is not in the document`);
  return walkClauses({ clauses: [found] })
    .map((visit) => clauseOwnText(visit.clause))
    .join('\n');
}

function tables(doc: ContractDoc, kind: Table['tableKind']): Table[] {
  return walkClauses(doc).flatMap(({ clause: c }) => c.blocks.filter((block): block is Table => block.kind === 'table' && block.tableKind === kind));
}

function allRuns(doc: ContractDoc): Run[] {
  const runs: Run[] = doc.cover.lines.flatMap((line) => line.runs);
  for (const { clause: c } of walkClauses(doc)) {
    for (const block of c.blocks) {
      if (block.kind === 'paragraph') runs.push(...block.runs);
      if (block.kind === 'list') runs.push(...block.items.flat());
      if (block.kind === 'definitions') runs.push(...block.items.flatMap((item) => item.runs));
      if (block.kind === 'table') runs.push(...[...block.header, ...block.rows].flatMap((row) => row.cells.flatMap((cell) => cell.runs)));
      if (block.kind === 'signature') runs.push(...block.parties.flatMap((party) => party.heading));
    }
  }
  return runs;
}

const drafts = (): Array<{ name: string; draft: SlaDraft }> => [...presets(), { name: 'blank draft with parties', draft: namedBlankDraft() }];

describe.each(drafts().map(({ name }) => name))('%s', (name) => {
  const draft = drafts().find((entry) => entry.name === name)!.draft;
  const single = LANGUAGES.map((language) => ({ language, ...assembleContract(draft, template, language) }));
  const pair = assembleBilingual(draft, template, { versionLabel: 'v2 — customer counter-proposal', identity: '3f9a 1c2b 7d4e 0a11' });

  it('resolves every placeholder, in each language and bilingual', () => {
    for (const { problems } of single) expect(problems).toEqual([]);
    expect(pair.problems).toEqual([]);
  });

  it('lets nothing unresolved reach the text', () => {
    for (const doc of [...single.map((s) => s.doc), pair.en, pair.zh]) {
      const text = documentText(doc);
      expect(text).not.toContain('{{');
      expect(text).not.toContain('}}');
      expect(text).not.toMatch(/\bundefined\b|\bNaN\b|\bnull\b|\[object/);
      expect(text).not.toContain(BLANK);
      expect(allRuns(doc).filter((run) => run.blank)).toEqual([]);
    }
  });

  it('numbers the clauses consecutively and hierarchically', () => {
    for (const { doc } of single) {
      const numberedTop = doc.clauses.filter((c) => c.number.length > 0);
      expect(numberedTop.map((c) => c.number)).toEqual(numberedTop.map((_, i) => [i + 1]));
      expect(doc.clauses.filter((c) => c.number.length === 0).map((c) => c.id)).toEqual(['preamble', 'signatures']);
      for (const { clause: parent } of walkClauses(doc)) {
        const children = parent.blocks.flatMap((block) => (block.kind === 'clause' ? [block.clause] : []));
        expect(children.map((child) => child.number)).toEqual(children.map((_, i) => [...parent.number, i + 1]));
      }
      const ids = walkClauses(doc).map((visit) => visit.clause.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('assembles the two languages with the same clauses and block shapes', () => {
    expect(alignmentProblems(pair.en, pair.zh)).toEqual([]);
    expect(walkClauses(pair.en).map((v) => v.clause.id)).toEqual(walkClauses(pair.zh).map((v) => v.clause.id));
    expect(pair.en.meta).toMatchObject({ language: 'en', bilingual: true, versionLabel: 'v2 — customer counter-proposal', identity: '3f9a 1c2b 7d4e 0a11' });
    expect(pair.zh.meta.language).toBe('zh-CN');
  });

  it('states each availability target and the downtime it allows per month', () => {
    const metrics = metricsById(draft.services);
    const availability = draft.targets.objectives.filter((objective) => metrics.get(objective.metricId)?.metric.kind === 'availability');
    expect(availability.length).toBeGreaterThan(0);
    for (const language of LANGUAGES) {
      const { doc } = single.find((s) => s.language === language)!;
      for (const objective of availability) {
        const text = clauseText(doc, `service-levels.measurement#${objective.id}`);
        expect(text).toContain(formatPercent(objective.objective, language));
        if (objective.coverage === '24x7') {
          expect(text).toContain(formatDurationSeconds(allowedDowntimeSeconds(objective.objective, 'monthAvg'), language));
        }
      }
    }
  });

  it('lists every credit tier with its threshold and credit, and the claim window and cap', () => {
    const { compensation } = draft;
    for (const language of LANGUAGES) {
      const { doc } = single.find((s) => s.language === language)!;
      const [creditTable] = tables(doc, 'creditTiers');
      expect(creditTable?.rows.map((row) => row.id)).toEqual(compensation.creditTiers.map((tier) => tier.id));
      compensation.creditTiers.forEach((tier, i) => {
        const cells = creditTable!.rows[i]!.cells.map((cell) => runsText(cell.runs));
        expect(cells[2]).toContain(formatNumber(tier.threshold, language, 4));
        expect(cells[3]).toBe(formatPercent(tier.creditPercent, language));
        if (compensation.monthlyFee > 0) {
          expect(cells[4]).toBe(formatMoney(monthCredit([tier], null, compensation.monthlyFee, compensation.currency).amount, compensation.currency, language));
        }
      });
      expect(clauseText(doc, 'claims')).toContain(formatNumber(compensation.claimWindowDays, language));
      if (compensation.capPercent !== null) expect(clauseText(doc, 'cap-and-remedy.cap')).toContain(formatPercent(compensation.capPercent, language));
    }
  });
});

describe('conditions', () => {
  it('includes the PIPL cross-border clause for the China-hosted draft only', () => {
    const china = assembleContract(preset('china-hosted'), template, 'zh-CN').doc;
    expect(clauseText(china, 'data-protection.pipl')).toContain('第三十八条');
    expect(clause(en(preset('standard-saas')), 'data-protection.pipl')).toBeUndefined();
    expect(clause(en(preset('enterprise')), 'data-protection.pipl')).toBeUndefined();

    // Mainland residency alone brings it in, without PIPL being named.
    const residentOnly = namedBlankDraft();
    residentOnly.compliance.dataProtection = [];
    residentOnly.compliance.dataResidency.region = 'CN_MAINLAND';
    expect(clause(en(residentOnly), 'data-protection.pipl')).toBeDefined();
    expect(clause(en(residentOnly), 'data-protection.gdpr')).toBeUndefined();
  });

  it('has a GDPR clause only when GDPR applies', () => {
    const draft = namedBlankDraft();
    draft.compliance.dataProtection = ['GDPR'];
    expect(clause(en(draft), 'data-protection.gdpr')).toBeDefined();
    draft.compliance.dataProtection = ['CCPA'];
    expect(clause(en(draft), 'data-protection.gdpr')).toBeUndefined();
    expect(clause(en(draft), 'data-protection.ccpa')).toBeDefined();
  });

  it('words dispute resolution for courts or for arbitration', () => {
    const draft = namedBlankDraft();
    // A jurisdiction not in the list: the courts of the typed place.
    delete draft.compliance.jurisdiction;
    draft.compliance.disputeResolution = { method: 'courts', venue: 'London', institution: '', language: 'en' };
    const courts = clauseText(en(draft), 'governing-law.disputes');
    expect(courts).toContain('The courts of London have exclusive jurisdiction');
    expect(courts).not.toMatch(/arbitration/i);

    draft.compliance.disputeResolution = { method: 'arbitration', venue: 'Shanghai', institution: 'SHIAC', language: 'zh-CN' };
    const arbitration = clauseText(en(draft), 'governing-law.disputes');
    expect(arbitration).toContain('arbitration administered by SHIAC');
    expect(arbitration).toContain('The seat of arbitration is Shanghai');
    expect(arbitration).toContain('The language of the arbitration is Chinese');
    expect(arbitration).not.toContain('courts');
    const zh = clauseText(assembleContract(draft, template, 'zh-CN').doc, 'governing-law.disputes');
    expect(zh).toContain('均应提交SHIAC');
    expect(zh).toContain('仲裁地为Shanghai');
  });

  it('says in every export which text binds: the prevailing text alone, a translation, and a bilingual contract', () => {
    const draft = namedBlankDraft();
    draft.contract.precedence = 'zh-CN';
    // The clause is in every export, so that a clause has the same number in each language.
    const prevailing = assembleContract(draft, template, 'zh-CN').doc;
    expect(clauseText(prevailing, 'language')).toContain('本协议以中文订立。本协议的任何译本仅为便于参考而提供，不具有约束力');
    expect(clause(prevailing, 'notices')!.number).toEqual(clause(en(draft), 'notices')!.number);
    const translation = clauseText(en(draft), 'language');
    expect(translation).toContain('This English text is a translation provided for convenience only');
    expect(translation).toContain('the Chinese text prevails');
    expect(translation).not.toContain('equally authentic');
    const pair = assembleBilingual(draft, template);
    expect(clauseText(pair.en, 'language')).toContain('the Chinese version prevails');
    expect(clauseText(pair.zh, 'language')).toContain('以中文文本为准');
    expect(pair.en.meta.precedence).toBe('zh-CN');
  });

  it('says in a Chinese text exported alone that it is a translation when the English text prevails, and numbers the clause', () => {
    const draft = namedBlankDraft();
    draft.contract.precedence = 'en';
    expect(clauseText(en(draft), 'language')).toContain('This Agreement is made in English. Any translation of it is provided for convenience only');
    const chinese = assembleContract(draft, template, 'zh-CN').doc;
    expect(clauseText(chinese, 'language')).toContain('本中文文本仅为便于参考而提供的译本，不具有约束力；如两者之间存在任何不一致，以英文文本为准。');
    expect(clauseText(chinese, 'language')).not.toContain('同等效力');
    const top = chinese.clauses.filter((c) => c.number.length > 0).map((c) => c.number[0]);
    expect(top).toEqual(top.map((_, i) => i + 1));
  });

  it('leaves out the chronic-failure clause when the draft has no such right, and renumbers', () => {
    const draft = namedBlankDraft();
    const withRight = en(draft);
    draft.compensation.chronicFailure.enabled = false;
    const without = en(draft);
    expect(clause(without, 'chronic-failure')).toBeUndefined();
    expect(clause(withRight, 'exclusions')!.number[0]! - 1).toBe(clause(without, 'exclusions')!.number[0]);
    // References follow the renumbering: the definition of Downtime points at the exclusions clause wherever it is.
    const downtime = walkClauses(without)
      .flatMap(({ clause: c }) => c.blocks)
      .flatMap((b) => (b.kind === 'definitions' ? b.items : []))
      .find((d) => d.id === 'downtime');
    const reference = downtime!.runs.filter((run) => run.ref === 'exclusions');
    expect(reference.map((run) => run.text)).toEqual([`Clause ${clause(without, 'exclusions')!.number.join('.')}`]);
  });

  it('lists the exclusions the draft names, as an enumeration', () => {
    const draft = namedBlankDraft();
    draft.compliance.exclusions = {
      forceMajeure: false,
      customerCaused: true,
      betaFeatures: false,
      thirdPartyServices: false,
      other: ['Attacks the Customer failed to report.'],
    };
    const list = clause(en(draft), 'exclusions.events')!.blocks.find((block) => block.kind === 'list');
    expect(list?.kind === 'list' && list.items.map(runsText)).toEqual([
      'Scheduled Maintenance, except where Clause 6 provides that it counts as Downtime, and Emergency Maintenance to the extent Clause 6 so provides;',
      expect.stringMatching(/^any act or omission of the Customer.*; and$/),
      'Attacks the Customer failed to report.',
    ]);
    expect(clause(en(draft), 'exclusions.force-majeure')).toBeUndefined();
  });
});

describe('credit tier wording follows the boundary', () => {
  it.each([
    ['below', 'en', 'less than 99.9 %'],
    ['atOrBelow', 'en', '99.9 % or less'],
    ['below', 'zh-CN', '低于99.9%'],
    ['atOrBelow', 'zh-CN', '等于或低于99.9%'],
  ] as const)('%s in %s reads "%s"', (boundary, language, wording) => {
    const draft = namedBlankDraft();
    draft.compensation.boundary = boundary;
    const [creditTable] = tables(assembleContract(draft, template, language).doc, 'creditTiers');
    expect(runsText(creditTable!.rows[0]!.cells[2]!.runs).replace(/\u00a0/g, ' ')).toBe(wording);
  });

  it('reads "more than" for a metric where lower is better', () => {
    const doc = en(preset('enterprise'));
    const [creditTable] = tables(doc, 'creditTiers');
    const latencyRows = creditTable!.rows.filter((row) => runsText(row.cells[1]!.runs).includes('Response Time'));
    expect(latencyRows.length).toBeGreaterThan(0);
    for (const row of latencyRows) expect(runsText(row.cells[2]!.runs)).toMatch(/^more than [\d,]+ ms$/);
  });
});

describe('downtime equivalents', () => {
  it('are labelled as an illustration that does not bind, in both languages', () => {
    const draft = namedBlankDraft();
    const measurement = (doc: ContractDoc) => walkClauses(doc).find(({ clause: c }) => c.id.startsWith('service-levels.measurement#'))!.clause;
    const english = clauseOwnText(measurement(en(draft)));
    const chinese = clauseOwnText(measurement(assembleContract(draft, template, 'zh-CN').doc));
    expect(english).toMatch(/For illustration only: this Service Level corresponds to Downtime of about 43 minutes 50 seconds in an average month/);
    expect(english).toContain('These figures are not binding');
    expect(english).not.toMatch(/permits Downtime/);
    expect(chinese).toMatch(/以下数值仅为示例说明：该项服务水平约相当于平均每月43分50秒/);
    expect(chinese).toContain('上述数值不具有约束力');
    expect(chinese).not.toContain('允许的停机时间为');
  });
});

describe('formatting for the language', () => {
  it('writes downtime, money and dates as each language does', () => {
    const draft = namedBlankDraft();
    const english = documentText(en(draft));
    const chinese = documentText(assembleContract(draft, template, 'zh-CN').doc);
    expect(english).toContain('Downtime of about 43 minutes 50 seconds in an average month');
    expect(chinese).toContain('约相当于平均每月43分50秒');
    expect(english).toContain('entered into on 26 November 2026');
    expect(chinese).toContain('于2026年11月26日');
    expect(english).toContain('USD 12,500.00');
    expect(chinese).toContain('12,500.00 美元');
  });

  it('sets the business-hours holidays out as a schedule by year, consecutive days as one span', () => {
    const draft = preset('china-hosted');
    draft.expectations.businessHours.workingDays = [];
    const english = en(draft);
    const chinese = assembleContract(draft, template, 'zh-CN').doc;
    const rows = (doc: ContractDoc) => tables(doc, 'generic').flatMap((table) => table.rows.map((row) => row.cells.map((cell) => runsText(cell.runs))));
    expect(rows(english)).toEqual([
      ['2026', '1–3 January, 15–23 February, 4–6 April, 1–5 May, 19–21 June, 25–27 September, and 1–7 October'],
      ['2027', '1 January, 5–8 February, 5 April, 1–2 May, 9 June, 15 September, and 1–3 October'],
    ]);
    expect(rows(chinese)).toEqual([
      ['2026年', '1月1日至3日、2月15日至23日、4月4日至6日、5月1日至5日、6月19日至21日、9月25日至27日和10月1日至7日'],
      ['2027年', '1月1日、2月5日至8日、4月5日、5月1日至2日、6月9日、9月15日和10月1日至3日'],
    ]);
    // The definition points at the schedule instead of listing dozens of dates.
    const number = clause(english, 'definitions.holidays')!.number.join('.');
    expect(clauseText(english, 'definitions.terms')).toContain(`excluding the public holidays listed in Clause ${number};`);
    expect(clauseText(english, 'definitions.terms')).not.toContain('2026');
    expect(clauseText(chinese, 'definitions.terms')).toContain(`但第${number}条所列法定节假日除外；`);

    // Spans across a month end, unsorted and repeated input; no holidays, no schedule and no reference to one.
    draft.expectations.businessHours.holidays = ['2027-02-01', '2027-01-30', '2027-01-31', '2027-01-30', '2027-12-25'];
    expect(rows(en(draft))).toEqual([['2027', '30 January – 1 February and 25 December']]);
    expect(rows(assembleContract(draft, template, 'zh-CN').doc)).toEqual([['2027年', '1月30日至2月1日和12月25日']]);
    draft.expectations.businessHours.holidays = [];
    expect(clause(en(draft), 'definitions.holidays')).toBeUndefined();
    // Outside mainland China (whose holidays fall back to the State Council's arrangements): public holidays as such.
    draft.expectations.businessHours.timeZone = 'Asia/Hong_Kong';
    expect(clauseText(en(draft), 'definitions.terms')).toContain('excluding public holidays;');
  });

  it('lists the extra working days (调休) after the holidays, and the definition of Business Hours takes them in', () => {
    // The China-hosted preset carries the 2026 PRC holidays and the weekend days worked in exchange.
    const draft = preset('china-hosted');
    const english = en(draft);
    const chinese = assembleContract(draft, template, 'zh-CN').doc;
    const schedule = (doc: ContractDoc, id: string) =>
      (clause(doc, id)?.blocks ?? []).flatMap((block) => (block.kind === 'table' ? block.rows.map((row) => row.cells.map((cell) => runsText(cell.runs))) : []));
    expect(schedule(english, 'definitions.working-days')).toEqual([['2026', '4 January, 14 February, 28 February, 9 May, 20 September, and 10 October']]);
    expect(schedule(chinese, 'definitions.working-days')).toEqual([['2026年', '1月4日、2月14日、2月28日、5月9日、9月20日和10月10日']]);
    const holidays = clause(english, 'definitions.holidays')!.number.join('.');
    const working = clause(english, 'definitions.working-days')!.number.join('.');
    expect(clause(english, 'definitions.working-days')!.title).toBe('Extra Working Days');
    expect(clause(chinese, 'definitions.working-days')!.title).toBe('调休上班日');
    expect(clauseText(english, 'definitions.terms')).toContain(
      `excluding the public holidays listed in Clause ${holidays} and including the same hours on the extra working days listed in Clause ${working};`,
    );
    expect(clauseText(chinese, 'definitions.terms')).toContain(`但第${holidays}条所列法定节假日除外，且包括第${working}条所列调休上班日的相应时段；`);

    // Working days without a holiday list still reach the definition; none at all (a file from before the field) leaves both out.
    draft.expectations.businessHours.holidays = [];
    // Outside mainland China (whose holidays fall back to the State Council's arrangements): public holidays as such.
    draft.expectations.businessHours.timeZone = 'Asia/Hong_Kong';
    expect(clauseText(en(draft), 'definitions.terms')).toContain(
      'excluding public holidays and including the same hours on the extra working days listed in Clause',
    );
    delete draft.expectations.businessHours.workingDays;
    expect(clause(en(draft), 'definitions.working-days')).toBeUndefined();
    expect(clauseText(en(draft), 'definitions.terms')).toContain('excluding public holidays;');
  });

  it('names the clocks of business hours and maintenance as a contract does, an unlisted zone by its IANA name', () => {
    const china = preset('china-hosted');
    expect(clauseText(en(china), 'definitions.terms')).toContain('09:00 to 18:00 (China Standard Time) on Monday');
    expect(clauseText(assembleContract(china, template, 'zh-CN').doc, 'definitions.terms')).toContain('09:00至18:00（北京时间）');
    const standard = preset('standard-saas');
    expect(clauseText(en(standard), 'maintenance')).toContain('following windows (UK time)');
    standard.targets.maintenance.timeZone = 'Europe/Vienna';
    expect(clauseText(en(standard), 'maintenance')).toContain('following windows (Europe/Vienna time)');
    expect(clauseText(assembleContract(standard, template, 'zh-CN').doc, 'maintenance')).toContain('维护窗口内（Europe/Vienna时间）');
  });

  it('inserts what the user typed as typed, in both languages', () => {
    const draft = namedBlankDraft();
    draft.services[0]!.name = 'Ledger API {{provider.legalName}}';
    for (const language of LANGUAGES) {
      const doc = assembleContract(draft, template, language).doc;
      expect(documentText(doc)).toContain('Ledger API { {provider.legalName}}');
      expect(documentText(doc)).not.toContain('{{');
    }
  });
});

describe('positions', () => {
  it('uses the balanced wording unless the draft picks another', () => {
    const draft = namedBlankDraft();
    const balanced = clause(en(draft), 'claims.procedure')!;
    expect(balanced.position).toBe('balanced');

    draft.contract.positions = { 'claims.procedure': 'provider' };
    const provider = clause(en(draft), 'claims.procedure')!;
    draft.contract.positions = { 'claims.procedure': 'customer' };
    const customer = clause(en(draft), 'claims.procedure')!;

    expect(provider.position).toBe('provider');
    expect(clauseOwnText(provider)).toContain('conclusive in the absence of manifest error');
    expect(clauseOwnText(customer)).toContain('bears the burden of showing that a Service Level was met');
    expect(new Set([clauseOwnText(balanced), clauseOwnText(provider), clauseOwnText(customer)]).size).toBe(3);
  });

  it('keeps the two languages aligned in any position', () => {
    const draft = preset('enterprise');
    draft.contract.positions = { 'claims.procedure': 'customer', 'incidents.rca': 'customer', 'chronic-failure.termination': 'provider' };
    const pair = assembleBilingual(draft, template);
    expect(pair.problems).toEqual([]);
    expect(clause(pair.zh, 'incidents.rca')!.position).toBe('customer');
  });
});

describe('values the draft does not have yet', () => {
  it('marks an empty party name as a blank and reports it, without crashing', () => {
    const draft = namedBlankDraft();
    draft.parties.provider.legalName = '';
    const { doc, problems } = assembleContract(draft, template, 'en');
    expect(problems).toContainEqual(
      // The preamble names the party through the partyName phrase: the placeholder is the phrase's, the path the draft's.
      expect.objectContaining({ code: 'empty', clauseId: 'preamble', placeholder: '{{party.legalName}}', path: 'parties.provider.legalName' }),
    );
    expect(problems.find((p) => p.clauseId === null)).toMatchObject({ code: 'empty', placeholder: '{{provider.legalName}}' });
    const blanks = allRuns(doc).filter((run) => run.blank);
    expect(blanks.length).toBeGreaterThan(0);
    expect(blanks.every((run) => run.text === BLANK)).toBe(true);
    expect(documentText(doc)).not.toContain('{{');
  });

  it('reports a target whose metric no longer exists instead of printing nothing', () => {
    const draft = namedBlankDraft();
    draft.targets.objectives[0]!.metricId = 'removed-metric';
    const { doc, problems } = assembleContract(draft, template, 'zh-CN');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.code === 'unresolved' && p.clauseId !== null && p.placeholder?.startsWith('{{'))).toBe(true);
    expect(documentText(doc)).not.toMatch(/\{\{|\bundefined\b|\bNaN\b|\bnull\b/);
  });
});

describe('a draft the user is still typing', () => {
  it('assembles whatever the numbers, switches and choices, without leaking anything unresolved', () => {
    const level = fc.double({ min: 0, max: 1_000, noNaN: true });
    fc.assert(
      fc.property(
        fc.record({
          objective: level,
          threshold: level,
          creditPercent: fc.double({ min: 0, max: 100, noNaN: true }),
          monthlyFee: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e9, noNaN: true })),
          capPercent: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
          coverage: fc.constantFrom('24x7', 'businessHours'),
          boundary: fc.constantFrom('below', 'atOrBelow'),
          kind: fc.constantFrom('availability', 'latency', 'errorRate', 'rpo', 'rto', 'custom'),
          soleRemedy: fc.boolean(),
          chronic: fc.boolean(),
          method: fc.constantFrom('courts', 'arbitration', 'mediationThenArbitration'),
          region: fc.constantFrom('none', 'EU', 'CN_MAINLAND', 'US'),
          position: fc.constantFrom('provider', 'balanced', 'customer'),
          emergencyNoticeHours: fc.integer({ min: 0, max: 100 }),
        }),
        (values) => {
          const draft = namedBlankDraft();
          const metric = draft.services[0]!.metrics[0]!;
          metric.kind = values.kind;
          if (values.kind === 'latency') metric.percentile = 95;
          if (values.kind === 'custom') Object.assign(metric, { name: 'Jobs on time', unit: 'jobs', higherIsBetter: true });
          Object.assign(draft.targets.objectives[0]!, { objective: values.objective, coverage: values.coverage });
          Object.assign(draft.compensation.creditTiers[0]!, { threshold: values.threshold, creditPercent: values.creditPercent });
          Object.assign(draft.compensation, {
            monthlyFee: values.monthlyFee,
            capPercent: values.capPercent,
            boundary: values.boundary,
            soleRemedy: values.soleRemedy,
          });
          draft.compensation.chronicFailure.enabled = values.chronic;
          draft.compliance.disputeResolution = { method: values.method, venue: 'Singapore', institution: 'SIAC', language: 'bilingual' };
          draft.compliance.dataResidency.region = values.region;
          draft.targets.maintenance.emergencyNoticeHours = values.emergencyNoticeHours;
          draft.contract.positions = { 'claims.procedure': values.position, 'exclusions.application': values.position };
          const pair = assembleBilingual(draft, template);
          expect(pair.problems.filter((p) => p.code === 'misaligned')).toEqual([]);
          for (const doc of [pair.en, pair.zh]) {
            const text = documentText(doc);
            expect(text).not.toMatch(/\{\{|\bundefined\b|\bNaN\b|\bnull\b|Infinity/);
          }
          // A value that cannot be stated (an availability target above 100 % has no downtime budget) is reported, not printed.
          for (const problem of pair.problems) expect(problem.clauseId === null || clause(pair.en, problem.clauseId)).toBeTruthy();
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('the tree the views consume', () => {
  it('names the draft field behind each inserted value', () => {
    const doc = en(namedBlankDraft());
    const sources = allRuns(doc).flatMap((run) => (run.source ? [run.source] : []));
    expect(sources).toContainEqual({ path: 'compensation.claimWindowDays' });
    expect(sources).toContainEqual({ path: 'parties.provider.legalName' });
    expect(sources).toContainEqual({ path: 'targets.objectives[0].objective', computed: 'downtimePerMonth' });
    expect(sources).toContainEqual({ path: 'services[0].metrics[0].measurementMethod' });
  });

  it('tells the preview which wizard steps each clause depends on', () => {
    const doc = en(namedBlankDraft());
    expect(clause(doc, 'service-credits')!.steps).toContain('compensation');
    expect(clause(doc, 'service-credits.entitlement')!.steps).toContain('compensation');
    expect(clause(doc, 'data-protection')!.steps).toEqual(['compliance']);
    expect(clause(doc, 'monitoring-reporting.reports')!.steps).toEqual(['monitoring']);
  });

  it('keeps the ids of repeated clauses when list items are added or reordered', () => {
    const draft = preset('enterprise');
    const before = walkClauses(en(draft)).map((v) => v.clause.id);
    draft.targets.objectives.reverse();
    const after = walkClauses(en(draft)).map((v) => v.clause.id);
    expect(new Set(after)).toEqual(new Set(before));
    expect(after).not.toEqual(before);
  });

  it('puts both parties in the signature block, with a seal line in Chinese only', () => {
    const draft = namedBlankDraft();
    const signatureOf = (doc: ContractDoc) => clause(doc, 'signatures')!.blocks.find((block) => block.kind === 'signature');
    const english = signatureOf(en(draft));
    const chinese = signatureOf(assembleContract(draft, template, 'zh-CN').doc);
    expect(english?.kind === 'signature' && english.parties.map((p) => [p.role, p.company, p.signatoryName])).toEqual([
      ['provider', 'Acme Cloud Ltd.', 'Jane Doe'],
      ['customer', 'Contoso GmbH', 'Max Muster'],
    ]);
    expect(english?.kind === 'signature' && english.labels.seal).toBeNull();
    expect(chinese?.kind === 'signature' && chinese.labels.seal).toBe('（盖章）');
  });

  it('detects a pair that does not align', () => {
    const pair = assembleBilingual(namedBlankDraft(), template);
    const broken: ContractDoc = { ...pair.zh, clauses: pair.zh.clauses.filter((c) => c.id !== 'term') };
    expect(alignmentProblems(pair.en, broken)).toEqual([expect.objectContaining({ code: 'misaligned', clauseId: null })]);
    const reshaped: ContractDoc = structuredClone(pair.zh);
    reshaped.clauses.find((c) => c.id === 'term')!.blocks.pop();
    expect(alignmentProblems(pair.en, reshaped)).toEqual([expect.objectContaining({ code: 'misaligned', clauseId: 'term' })]);
  });
});

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
    expect(partiesList(doc)[0]).toMatch(/12 层，统一社会信用代码\/注册号：91310115MA1K4R7D35，法定代表人：林志远（“服务提供方”）；及$/);
    expect(partiesList(doc)[1]).toMatch(/6 层，统一社会信用代码\/注册号：91320594MA1W2G8L55，法定代表人：顾建华（“客户”）。$/);
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
    expect(partiesList(chinese)[0]).toMatch(/12 层，法定代表人：林志远（“服务提供方”）；及$/);
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
    expect(partiesList(assembleContract(draft, template, 'zh-CN').doc)[0]).toMatch(/12 层（“服务提供方”）；及$/);
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

  it('reads the country from the address and the registration number', () => {
    const party = (address: string, registrationNumber?: string) => partyCountry({ address, registrationNumber });
    expect(party('250 Hudson Street, 9th Floor, New York, NY 10013, United States')).toBe('US');
    expect(party('1 Market St, San Francisco, CA 94105')).toBe('US');
    expect(party('500 Main Street, Boston, MA 02110, USA')).toBe('US');
    expect(party('上海市浦东新区张江高科技园区科苑路 1688 号 7 幢 12 层')).toBe('CN');
    expect(party('Room 1201, 88 Century Avenue, Shanghai 200120, China')).toBe('CN');
    expect(party('88 Century Avenue, Shanghai', '91310115MA1K4R7D35')).toBe('CN');
    expect(party('4th Floor, 118 Tabernacle Street, London EC2A 4SD, United Kingdom')).toBeNull();
    expect(party('Beispielweg 2, Berlin')).toBeNull();
    expect(party('')).toBeNull();
  });
});

describe('cover', () => {
  const subtitle = (draft: SlaDraft, language: ContractLanguage) =>
    assembleContract(draft, template, language)
      .doc.cover.lines.filter((line) => line.style === 'subtitle')
      .map((line) => runsText(line.runs));

  it.each([
    ['Meridian Claims Data Platform Enterprise Service Level Agreement'],
    ['Acme Platform SLA'],
    ['云帆供应链协同平台服务水平协议'],
    ['Service-Level Agreement for the Data Platform'],
  ])('does not repeat "Service Level Agreement" under the title "%s"', (title) => {
    const draft = namedBlankDraft();
    draft.title = title;
    for (const language of LANGUAGES) expect(subtitle(draft, language)).toEqual([]);
  });

  it('says what the document is under a title that does not', () => {
    const draft = namedBlankDraft();
    draft.title = 'Acme Cloud Platform — Customer Terms';
    expect(subtitle(draft, 'en')).toEqual(['Service Level Agreement']);
    expect(subtitle(draft, 'zh-CN')).toEqual(['服务水平协议']);
  });
});

describe('amounts in a Chinese contract', () => {
  it('states the cap in figures and in uppercase numerals, the English in figures', () => {
    const draft = preset('china-hosted');
    const capAmount = (draft.compensation.monthlyFee * draft.compensation.capPercent!) / 100;
    const chinese = clauseText(assembleContract(draft, template, 'zh-CN').doc, 'cap-and-remedy');
    expect(chinese).toContain(`即${formatMoney(capAmount, 'CNY', 'zh-CN')}（大写：${formatChineseUppercaseAmount(capAmount, 'CNY')}）。`);
    expect(clauseText(en(draft), 'cap-and-remedy')).not.toContain('大写');
  });

  it('states the Monthly Fee in figures and in uppercase numerals: 人民币 86,000.00 元（大写：人民币捌万陆仟元整）', () => {
    const chinese = clauseText(assembleContract(preset('china-hosted'), template, 'zh-CN').doc, 'definitions');
    expect(chinese).toContain('截至生效日为人民币 86,000.00 元（大写：人民币捌万陆仟元整）；');
  });
});

describe('counterparts', () => {
  it('says how many originals there are, one for each Party, the same in both languages', () => {
    const pair = assembleBilingual(preset('china-hosted'), template);
    expect(clauseText(pair.zh, 'general.counterparts')).toContain('本协议一式两份，双方各执一份，每份具有同等法律效力。');
    expect(clauseText(pair.en, 'general.counterparts')).toContain(
      'This Agreement is executed in two (2) originals, one for each Party, each of which has the same legal effect.',
    );
    expect(clauseText(pair.zh, 'general.counterparts')).toContain('每份副本均为原件');
    expect(clauseText(pair.en, 'general.counterparts')).toContain('each of which is an original');
  });
});
