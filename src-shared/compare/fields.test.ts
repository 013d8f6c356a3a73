import { describe, expect, it } from 'vitest';
import { preset } from '../contract/fixtures';
import { createI18n, type Locale, type Translate } from '../i18n';
import { localized } from '../model/localized';
import { STEP_IDS, type SlaDraft } from '../model/schema';
import { describeChange, formatChange } from './describe';
import { CHANGE_ENTITIES, diffDrafts, diffSummary, groupChangesByStep, type FieldChange } from './fields';
import en from '../i18n/en.json';
import zhCN from '../i18n/zh-CN.json';

const NBSP = '\u00A0';
const translators: Record<Locale, Translate> = { en: createI18n('en').t, 'zh-CN': createI18n('zh-CN').t };

function texts(changes: FieldChange[], locale: Locale = 'en'): string[] {
  return changes.map((change) => describeChange(change, locale, translators[locale]));
}

/** A copy of a preset changed by `edit`: the "new version" of a negotiation round. */
function edited(id: string, edit: (draft: SlaDraft) => void): { before: SlaDraft; after: SlaDraft } {
  const before = preset(id);
  const after = structuredClone(before);
  edit(after);
  return { before, after };
}

describe('diffDrafts', () => {
  it('reports an extra working day added or removed by its date, and none between no list and an empty one', () => {
    // The weekend days worked in 2026 under the State Council's arrangement.
    const before = preset('china-hosted');
    before.expectations.businessHours.workingDays = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];
    const after = structuredClone(before);
    // 4 January is no longer worked.
    after.expectations.businessHours.workingDays = ['2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10', '2026-12-26'];
    const changes = diffDrafts(before, after);
    expect(changes.map((change) => [change.entity, change.kind])).toEqual([
      ['workingDay', 'removed'],
      ['workingDay', 'added'],
    ]);
    expect(texts(changes, 'en')).toEqual(['Removed extra working day: 4 January 2026', 'Added extra working day: 26 December 2026']);
    expect(texts(changes, 'zh-CN')).toEqual(['删除调休上班日：2026年1月4日', '新增调休上班日：2026年12月26日']);
    const none = preset('standard-saas');
    const empty = structuredClone(none);
    empty.expectations.businessHours.workingDays = [];
    expect(diffDrafts(none, empty)).toEqual([]);
  });

  it('finds nothing between a draft and its copy', () => {
    const draft = preset('enterprise');
    expect(diffDrafts(draft, structuredClone(draft))).toEqual([]);
  });

  it('labels a changed target with the metric and its service, formatted in both languages', () => {
    const before = preset('enterprise');
    before.targets.objectives[0]!.objective = 99.9;
    const after = structuredClone(before);
    after.targets.objectives[0]!.objective = 99.95;
    const changes = diffDrafts(before, after);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ step: 'targets', kind: 'changed', path: ['targets', 'objectives', 0, 'objective'], old: 99.9, new: 99.95 });
    expect(texts(changes, 'en')).toEqual([`Availability target (Core API): 99.9${NBSP}% → 99.95${NBSP}%`]);
    // The Chinese text names the service in Chinese.
    expect(texts(changes, 'zh-CN')).toEqual([`可用性目标（${before.services[0]!.name['zh-CN']}）：99.9% → 99.95%`]);
    expect(before.services[0]!.name['zh-CN']).toMatch(/\p{Script=Han}/u);
    expect(formatChange(changes[0]!, 'en', translators.en)).toEqual({
      label: 'Availability target (Core API)',
      old: `99.9${NBSP}%`,
      new: `99.95${NBSP}%`,
      text: `Availability target (Core API): 99.9${NBSP}% → 99.95${NBSP}%`,
    });
  });

  it('names a credit tier by its threshold, adding the metric only when several metrics have tiers', () => {
    const single = edited('standard-saas', (draft) => {
      draft.compensation.creditTiers[1]!.creditPercent = 30;
    });
    expect(texts(diffDrafts(single.before, single.after))).toEqual([`Credit tier for less than 99${NBSP}%: 25${NBSP}% → 30${NBSP}%`]);
    expect(texts(diffDrafts(single.before, single.after), 'zh-CN')).toEqual(['低于99%的减免档位：25% → 30%']);

    const several = edited('enterprise', (draft) => {
      draft.compensation.creditTiers[3]!.creditPercent = 35;
      draft.compensation.creditTiers[4]!.creditPercent = 6;
    });
    expect(texts(diffDrafts(several.before, several.after))).toEqual([
      `Credit tier for less than 99${NBSP}% (Core API — Availability): 30${NBSP}% → 35${NBSP}%`,
      // Latency is better when lower: its tiers read "above".
      `Credit tier for more than 300 ms (Core API — Response time (p95)): 5${NBSP}% → 6${NBSP}%`,
    ]);
  });

  it('reads a tier as the contract does, "99.9 % or less", when the boundary is inclusive', () => {
    const { before, after } = edited('standard-saas', (draft) => {
      draft.compensation.boundary = 'atOrBelow';
      draft.compensation.creditTiers[0]!.creditPercent = 15;
    });
    expect(texts(diffDrafts(before, after))).toEqual([
      `Credit tier for 99.9${NBSP}% or less: 10${NBSP}% → 15${NBSP}%`,
      'A tier applies when attainment is: below the threshold (“less than 99.9 %”) → at or below the threshold (“99.9 % or less”)',
    ]);
  });

  it('formats values by their meaning: durations, money, days, booleans, enums, dates, an uncapped cap', () => {
    const { before, after } = edited('standard-saas', (draft) => {
      draft.effectiveDate = '2027-02-01';
      draft.targets.severities[0]!.responseMinutes = 30;
      draft.compensation.monthlyFee = 7000;
      draft.compensation.capPercent = null;
      draft.compensation.claimWindowDays = 1;
      draft.compensation.creditForm = 'refund';
      draft.compensation.soleRemedy = false;
    });
    const changes = diffDrafts(before, after);
    expect(texts(changes, 'en')).toEqual([
      'Effective date: 1 January 2027 → 1 February 2027',
      'Response within (P1): 1 hour → 30 minutes',
      'Monthly fee: GBP 6,250.00 → GBP 7,000.00',
      `Cap per month: 50${NBSP}% → Uncapped`,
      'Claim within: 30 days → 1 day',
      'Credits are given as: Credit on future invoices → Refund',
      'Credits are the sole remedy: Yes → No',
    ]);
    expect(texts(changes, 'zh-CN')).toEqual([
      '生效日期：2027年1月1日 → 2027年2月1日',
      '响应时限（P1）：1小时 → 30分钟',
      '月度服务费：6,250.00 英镑 → 7,000.00 英镑',
      '每月上限：50% → 不设上限',
      '申请期限：30天 → 1天',
      '减免方式：抵扣后续账单 → 退款',
      '服务费减免为唯一救济：是 → 否',
    ]);
  });

  it('reports an added service and a removed metric as whole items, not field by field', () => {
    const { before, after } = edited('standard-saas', (draft) => {
      draft.services.push({
        id: 'data-export',
        name: localized('Data export API', '数据导出接口'),
        description: localized('Bulk export of ledgers.', '批量导出账簿。'),
        metrics: [
          {
            id: 'export-availability',
            kind: 'availability',
            name: localized(''),
            measurementMethod: localized(''),
            window: 'calendarMonth',
            dataSource: localized(''),
            exclusions: [],
          },
        ],
      });
      draft.services[0]!.metrics.splice(2, 1);
    });
    const changes = diffDrafts(before, after);
    expect(texts(changes)).toEqual(['Removed metric from Brightledger Platform: Support resolution time', 'Added service: Data export API']);
    // The Chinese text names the services in Chinese.
    expect(texts(changes, 'zh-CN')).toEqual([`${before.services[0]!.name['zh-CN']}删除指标：支持解决时间`, '新增服务：数据导出接口']);
    expect(changes[0]).toMatchObject({ kind: 'removed', entity: 'metric', path: ['services', 0, 'metrics', 2], new: null });
    expect(changes[1]).toMatchObject({ kind: 'added', entity: 'service', path: ['services', 1], old: null });
  });

  it('matches list items by id: a reorder is one move, and edits after a reorder keep their labels', () => {
    const { before, after } = edited('enterprise', (draft) => {
      // Data Export API to the top: Core API and Web Console shift down a place without moving relative to the others.
      draft.services.unshift(...draft.services.splice(2, 1));
      draft.services[1]!.metrics[0]!.dataSource.en = 'API gateway logs';
    });
    const changes = diffDrafts(before, after);
    expect(changes.map(({ kind, entity }) => `${kind}:${entity ?? 'field'}`)).toEqual(['moved:service', 'changed:field']);
    expect(texts(changes)).toEqual([
      'Moved service: Data Export API (position 3 → 1)',
      // Only the English text changed: the change says which.
      'Data source (Core API — Availability) (English): Provider API gateway request logs, cross-checked against external synthetic probes → API gateway logs',
    ]);
    expect(changes[0]).toMatchObject({ path: ['services', 0], oldPath: ['services', 2], old: 3, new: 1 });
    expect(changes[1]).toMatchObject({
      path: ['services', 1, 'metrics', 0, 'dataSource', 'en'],
      oldPath: ['services', 0, 'metrics', 0, 'dataSource', 'en'],
    });
  });

  it('matches severities and notification times by level', () => {
    const { before, after } = edited('standard-saas', (draft) => {
      draft.targets.severities.reverse();
      draft.monitoring.incidentNotification.reverse();
      draft.monitoring.incidentNotification[0]!.minutes = 120;
    });
    const changes = diffDrafts(before, after);
    const moves = changes.filter((change) => change.kind === 'moved');
    // Reversing four severities keeps one in place: three moves, no removals or additions.
    expect(moves.filter((change) => change.entity === 'severity')).toHaveLength(3);
    expect(changes.some((change) => change.kind === 'added' || change.kind === 'removed')).toBe(false);
    expect(texts(changes.filter((change) => change.kind === 'changed'))).toEqual(['Notify within (P2): 4 hours → 2 hours']);
  });

  it('treats a changed id as a removal plus an addition', () => {
    const { before, after } = edited('standard-saas', (draft) => {
      draft.expectations.criticalPeriods[0]!.id = 'cp-year-end-2027';
    });
    const changes = diffDrafts(before, after);
    expect(changes.map((change) => change.kind)).toEqual(['removed', 'added']);
    expect(texts(changes)).toEqual([
      'Removed critical period: Financial year-end close (29 March 2027 – 9 April 2027)',
      'Added critical period: Financial year-end close (29 March 2027 – 9 April 2027)',
    ]);
  });

  it('compares plain-value lists as sets: a reorder is no change, an addition names the value', () => {
    const { before, after } = edited('standard-saas', (draft) => {
      draft.expectations.businessHours.days.reverse();
      draft.expectations.businessHours.days.push('sat');
      draft.compliance.dataProtection = ['GDPR', 'PIPL'];
    });
    expect(texts(diffDrafts(before, after))).toEqual([
      'Added business day: Saturday',
      'Removed data protection law: UK GDPR',
      'Added data protection law: PIPL (China)',
    ]);
    expect(texts(diffDrafts(before, after), 'zh-CN')).toEqual([
      '新增工作日：星期六',
      '删除数据保护法律：英国 GDPR',
      '新增数据保护法律：《个人信息保护法》（中国）',
    ]);
  });

  it('says that long text was edited instead of quoting paragraphs', () => {
    const { before, after } = edited('standard-saas', (draft) => {
      draft.services[0]!.metrics[0]!.measurementMethod.en += ' Measured in UTC.';
    });
    expect(texts(diffDrafts(before, after))).toEqual(['Measurement method (Brightledger Platform — Availability) (English): text edited']);
    expect(texts(diffDrafts(before, after), 'zh-CN')).toEqual([`计量方法（${before.services[0]!.name['zh-CN']} — 可用性）（英文）：文字已修改`]);
  });

  it('reports a Chinese text changed on its own, and a change of the contract’s languages', () => {
    const { before, after } = edited('enterprise', (draft) => {
      draft.compliance.governingLaw['zh-CN'] = '新加坡法律';
      draft.contract.languages = 'en';
    });
    const changes = diffDrafts(before, after);
    expect(changes.map((change) => change.path)).toEqual([
      ['compliance', 'governingLaw', 'zh-CN'],
      ['contract', 'languages'],
    ]);
    expect(texts(changes)).toEqual([
      `Governing law (Chinese): ${before.compliance.governingLaw['zh-CN']} → 新加坡法律`,
      'Contract languages: English and Chinese → English',
    ]);
    expect(texts(changes, 'zh-CN')[1]).toBe(`${zhCN.fields.agreement.languages}：中英双语 → 英文`);
  });

  it('groups changes by the six steps in order and counts them per step', () => {
    const { before, after } = edited('standard-saas', (draft) => {
      draft.compliance.governingLaw.en = 'Scotland';
      draft.title.en = 'Brightledger SLA 2027';
      draft.compensation.creditTiers.pop();
      draft.targets.maintenance.windows.push({ id: 'mw-wednesday', day: 'wed', start: '22:00', durationMinutes: 90 });
    });
    const changes = diffDrafts(before, after);
    expect(changes.map((change) => change.step)).toEqual(['services', 'targets', 'compensation', 'compliance']);
    expect(texts(changes)).toEqual([
      'Agreement title (English): Brightledger Platform Service Level Agreement → Brightledger SLA 2027',
      'Added maintenance window: Wednesday 22:00, 1 hour 30 minutes',
      `Removed credit tier for Brightledger Platform — Availability: less than 95${NBSP}%, credit of 50${NBSP}%`,
      'Governing law (English): England and Wales → Scotland',
    ]);
    const summary = diffSummary(changes);
    expect(summary.map((step) => step.step)).toEqual([...STEP_IDS]);
    expect(summary.find((step) => step.step === 'compensation')).toEqual({ step: 'compensation', added: 0, removed: 1, changed: 0, moved: 0, total: 1 });
    expect(summary.find((step) => step.step === 'monitoring')!.total).toBe(0);
    expect(groupChangesByStep(changes).map((group) => [group.step, group.changes.length])).toEqual([
      ['services', 1],
      ['targets', 1],
      ['compensation', 1],
      ['compliance', 1],
    ]);
  });

  it('labels the wording positions chosen for negotiable clauses, an absent one being balanced', () => {
    const { before, after } = edited('standard-saas', (draft) => {
      draft.contract.positions['cap-and-remedy.cap'] = 'customer';
    });
    expect(texts(diffDrafts(before, after))).toEqual(['Wording of clause cap-and-remedy.cap: Balanced → Customer-friendly']);
  });

  it('describes every change between two very different drafts in both languages, without raw keys or missing values', () => {
    const pairs: Array<[string, string]> = [
      ['standard-saas', 'enterprise'],
      ['enterprise', 'china-hosted'],
    ];
    for (const [from, to] of pairs) {
      const changes = diffDrafts(preset(from), preset(to));
      expect(changes.length).toBeGreaterThan(50);
      for (const locale of ['en', 'zh-CN'] as const) {
        for (const text of texts(changes, locale)) {
          expect(text).not.toMatch(/\b(compare|fields|enums|units)\.[A-Za-z]|undefined|NaN|\[object|\{\{/);
          expect(text.trim()).not.toBe('');
        }
      }
      // Every change points to a step and to a field or item that exists in the draft it names.
      for (const change of changes) expect(STEP_IDS).toContain(change.step);
    }
  });

  it('reports a reorder of every id-matched list as moves, each described in both languages', () => {
    const { before, after } = edited('enterprise', (draft) => {
      draft.targets.maintenance.windows.push({ id: 'mw-wednesday', day: 'wed', start: '22:00', durationMinutes: 90 });
      draft.services.reverse();
      for (const service of draft.services) service.metrics.reverse();
      draft.expectations.criticalPeriods.reverse();
      draft.expectations.requests.reverse();
      draft.expectations.stakeholders.reverse();
      draft.targets.objectives.reverse();
      draft.targets.severities.reverse();
      draft.targets.maintenance.windows.reverse();
      draft.monitoring.incidentNotification.reverse();
      draft.compensation.creditTiers.reverse();
    });
    before.targets.maintenance.windows.push({ id: 'mw-wednesday', day: 'wed', start: '22:00', durationMinutes: 90 });
    const changes = diffDrafts(before, after);
    expect(changes.every((change) => change.kind === 'moved')).toBe(true);
    expect([...new Set(changes.map((change) => change.entity))].sort()).toEqual(
      ['creditTier', 'criticalPeriod', 'metric', 'notification', 'objective', 'request', 'service', 'severity', 'stakeholder', 'window'].sort(),
    );
    for (const locale of ['en', 'zh-CN'] as const) {
      for (const text of texts(changes, locale)) expect(text).not.toMatch(/\b(compare|fields|enums)\.[A-Za-z]|undefined|\{\{/);
    }
    expect(texts(changes).find((text) => text.startsWith('Moved maintenance window'))).toBe('Moved maintenance window: Wednesday 22:00 (position 2 → 1)');
  });

  it('has an added and a removed sentence for every kind of item, in both languages', () => {
    type Messages = { compare: { items: Record<string, Record<string, string>> } };
    for (const messages of [en as unknown as Messages, zhCN as unknown as Messages]) {
      for (const entity of CHANGE_ENTITIES) {
        expect(messages.compare.items[entity], entity).toEqual(expect.objectContaining({ added: expect.any(String), removed: expect.any(String) }));
      }
    }
  });
});

describe('party registration number and legal representative', () => {
  it('labels them like the wizard, per party, in both languages', () => {
    const { before, after } = edited('standard-saas', (draft) => {
      draft.parties.provider.registrationNumber = '91310000MA1FL5XQ2K';
      draft.parties.customer.legalRepresentative = '顾建华';
    });
    const changes = diffDrafts(before, after);
    expect(changes.map((change) => change.path)).toEqual([
      ['parties', 'provider', 'registrationNumber'],
      ['parties', 'customer', 'legalRepresentative'],
    ]);
    expect(texts(changes, 'en')).toEqual(['Registration number (Provider): (empty) → 91310000MA1FL5XQ2K', 'Legal representative (Customer): (empty) → 顾建华']);
    expect(texts(changes, 'zh-CN')).toEqual(['统一社会信用代码/注册号（服务提供方）：（空） → 91310000MA1FL5XQ2K', '法定代表人（客户）：（空） → 顾建华']);
  });

  it('sees no change between an absent field and an empty one', () => {
    const { before, after } = edited('standard-saas', (draft) => {
      draft.parties.provider.registrationNumber = '';
      draft.parties.customer.legalRepresentative = '';
    });
    expect(diffDrafts(before, after)).toEqual([]);
    expect(diffDrafts(after, before)).toEqual([]);
  });

  it('reports a removed value', () => {
    const { before, after } = edited('china-hosted', (draft) => {
      delete draft.parties.customer.registrationNumber;
    });
    expect(texts(diffDrafts(before, after), 'en')).toEqual(['Registration number (Customer): 91320594MA1W2G8L55 → (empty)']);
  });
});

describe('party name in Chinese', () => {
  it('is compared like the other party fields, labelled as in the wizard, and absent equals empty', () => {
    const { before, after } = edited('standard-saas', (draft) => {
      draft.parties.customer.legalNameZh = '苏州禾丰供应链管理有限公司';
      draft.parties.provider.legalNameZh = '';
    });
    const changes = diffDrafts(before, after);
    expect(changes.map((change) => change.path)).toEqual([['parties', 'customer', 'legalNameZh']]);
    expect(texts(changes, 'en')).toEqual(['Name in Chinese (Customer): (empty) → 苏州禾丰供应链管理有限公司']);
    expect(texts(changes, 'zh-CN')).toEqual(['中文名称（客户）：（空） → 苏州禾丰供应链管理有限公司']);
  });
});
