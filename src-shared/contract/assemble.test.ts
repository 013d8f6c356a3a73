/**
 * What a lawyer checks before sending the contract: every blank filled, the
 * clauses that belong there and none that do not, the numbers exactly as
 * the draft says them, numbering without gaps, and the English and Chinese
 * texts saying the same thing clause by clause.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDurationSeconds, formatMoney, formatNumber, formatPercent } from '../format';
import { allowedDowntimeSeconds, monthCredit } from '../math';
import { metricsById } from '../model/metrics';
import { localized } from '../model/localized';
import type { SlaDraft } from '../model/schema';
import { alignmentProblems, assembleBilingual, assembleContract, BLANK } from './assemble';
import { clauseOwnText, documentText, partySignatureLabels, runsText, walkClauses, type ContractDoc, type ContractLanguage } from './doc';
import { namedBilingualBlankDraft, namedBlankDraft, presets, preset } from './fixtures';

import { allRuns, clause, clauseText, en, tables, template } from './test-support';

const LANGUAGES: ContractLanguage[] = ['en', 'zh-CN'];

// The blank draft's own texts are in both languages; the user's (title, addresses) are too, so every language prints in full.
const drafts = (): Array<{ name: string; draft: SlaDraft }> => [...presets(), { name: 'blank draft with parties', draft: namedBilingualBlankDraft() }];

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
    draft.compliance.disputeResolution = { method: 'courts', venue: localized('London'), institution: localized(''), language: 'en' };
    const courts = clauseText(en(draft), 'governing-law.disputes');
    expect(courts).toContain('The courts of London have exclusive jurisdiction');
    expect(courts).not.toMatch(/arbitration/i);

    draft.compliance.disputeResolution = {
      method: 'arbitration',
      venue: localized('Shanghai', '上海'),
      institution: localized('SHIAC', '上海国际仲裁中心'),
      language: 'zh-CN',
    };
    const arbitration = clauseText(en(draft), 'governing-law.disputes');
    expect(arbitration).toContain('arbitration administered by SHIAC');
    expect(arbitration).toContain('The seat of arbitration is Shanghai');
    expect(arbitration).toContain('The language of the arbitration is Chinese');
    expect(arbitration).not.toContain('courts');
    const zh = clauseText(assembleContract(draft, template, 'zh-CN').doc, 'governing-law.disputes');
    // The Chinese contract prints the Chinese text of the institution and the seat.
    expect(zh).toContain('均应提交上海国际仲裁中心');
    expect(zh).toContain('仲裁地为上海');
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
      other: [localized('Attacks the Customer failed to report.')],
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
    // In both languages, so that the Chinese contract lacks nothing but the metric.
    const draft = namedBilingualBlankDraft();
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
          if (values.kind === 'custom')
            Object.assign(metric, { name: localized('Jobs on time', '按时完成的作业'), unit: localized('jobs', '个作业'), higherIsBetter: true });
          Object.assign(draft.targets.objectives[0]!, { objective: values.objective, coverage: values.coverage });
          Object.assign(draft.compensation.creditTiers[0]!, { threshold: values.threshold, creditPercent: values.creditPercent });
          Object.assign(draft.compensation, {
            monthlyFee: values.monthlyFee,
            capPercent: values.capPercent,
            boundary: values.boundary,
            soleRemedy: values.soleRemedy,
          });
          draft.compensation.chronicFailure.enabled = values.chronic;
          draft.compliance.disputeResolution = {
            method: values.method,
            venue: localized('Singapore', '新加坡'),
            institution: localized('SIAC', '新加坡国际仲裁中心'),
            language: 'bilingual',
          };
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

  it('puts both parties in the signature block, with a seal line for neither of two parties outside mainland China, in either language', () => {
    const draft = namedBlankDraft();
    const signatureOf = (doc: ContractDoc) => clause(doc, 'signatures')!.blocks.find((block) => block.kind === 'signature');
    const english = signatureOf(en(draft));
    const chinese = signatureOf(assembleContract(draft, template, 'zh-CN').doc);
    expect(english?.kind === 'signature' && english.parties.map((p) => [p.role, p.company, p.signatoryName])).toEqual([
      ['provider', 'Acme Cloud Ltd.', 'Jane Doe'],
      ['customer', 'Contoso GmbH', 'Max Muster'],
    ]);
    for (const block of [english, chinese]) {
      if (block?.kind !== 'signature') throw new Error('no signature block');
      expect(block.parties.map((party) => partySignatureLabels(block, party).seal)).toEqual([null, null]);
    }
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
