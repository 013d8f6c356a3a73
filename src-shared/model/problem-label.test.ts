/// <reference types="vite/client" />
/**
 * A problem's location reads in the wizard's words, in both languages, and
 * never as a schema path: nested items named from the draft, every field of
 * the presets labelled, an unknown path still said in words.
 */
import { describe, expect, it } from 'vitest';
import { translatorFor } from '../i18n';
import { blankDraft } from './defaults';
import { localized } from './localized';
import { describeProblem, pathFromString, problemLocation } from './problem-label';
import { pathToString, problem, type ProblemPath } from './problems';
import type { SlaDraft } from './schema';
import { validateDraft } from './validate';

const en = translatorFor('en');
const zh = translatorFor('zh-CN');

const presetFiles = import.meta.glob<string>('../../templates/presets/*.sla.json', { query: '?raw', import: 'default', eager: true });
const enterprise = JSON.parse(presetFiles['../../templates/presets/enterprise.sla.json']!) as SlaDraft;

/** The enterprise preset with the Data Export API's custom metric left without a name. */
function withUnnamedCustomMetric(): SlaDraft {
  const draft = structuredClone(enterprise);
  draft.services[2]!.metrics[1]!.name = localized('');
  return draft;
}

describe('problemLocation', () => {
  it('names a metric of a service by the wizard’s headings and the service’s name, in English and Chinese', () => {
    const draft = withUnnamedCustomMetric();
    const found = validateDraft(draft).problems.find((item) => item.key === 'rules.customNameRequired')!;
    expect(found.path).toEqual(['services', 2, 'metrics', 1, 'name']);
    expect(describeProblem(found, en, draft)).toBe('Service 3 “Data Export API” › Metric 2 › Name in the contract: A custom metric needs a name.');
    // The service's name is written in both languages: each message reads its own.
    expect(describeProblem(found, zh, draft)).toBe(`服务 3“${draft.services[2]!.name['zh-CN']}”›指标 2›合同中的名称：自定义指标需要名称。`);
    expect(draft.services[2]!.name['zh-CN']).toMatch(/\p{Script=Han}/u);
  });

  it('names the language of a text whose translation is the problem', () => {
    expect(problemLocation(['services', 0, 'metrics', 0, 'measurementMethod', 'zh-CN'], en, enterprise)).toBe(
      'Service 1 “Core API” › Metric 1 “Core API Availability” › Measurement method (Chinese)',
    );
    expect(problemLocation(['services', 0, 'description', 'en'], zh, enterprise)).toBe(
      `服务 1“${enterprise.services[0]!.name['zh-CN']}”›${zh('fields.service.description')}（英文）`,
    );
  });

  it('names a named metric and a party’s field', () => {
    expect(problemLocation(['services', 0, 'metrics', 0, 'window'], en, enterprise)).toBe(
      'Service 1 “Core API” › Metric 1 “Core API Availability” › Measurement window',
    );
    expect(problemLocation(['parties', 'provider', 'legalName'], en, enterprise)).toBe('Provider › Legal name');
    expect(problemLocation(['parties', 'provider', 'legalName'], zh, enterprise)).toBe('服务提供方›法定名称');
  });

  it('names a target, a request and a credit tier by the metric they refer to', () => {
    const tier = enterprise.compensation.creditTiers.findIndex((item) => item.metricId === enterprise.services[0]!.metrics[0]!.id);
    expect(problemLocation(['compensation', 'creditTiers', tier, 'threshold'], en, enterprise)).toBe(
      `Credit tier ${tier + 1} “Core API — Core API Availability” › Threshold`,
    );
    expect(problemLocation(['targets', 'severities', 0, 'responseMinutes'], zh, enterprise)).toBe('严重级别 1“P1”›响应时限');
  });

  it('works without the draft: positions only', () => {
    expect(problemLocation(['services', 2, 'metrics', 1, 'name'], en)).toBe('Service 3 › Metric 2 › Name in the contract');
    expect(problemLocation(['expectations', 'businessHours', 'holidays', 1], zh)).toBe('工作时间›公共假日›第 2 项');
  });

  it('says a list or a section by its heading when the problem is about it as a whole', () => {
    expect(problemLocation(['services'], en)).toBe('Services and metrics');
    expect(problemLocation(['services', 0, 'metrics'], en, enterprise)).toBe('Service 1 “Core API” › Metrics');
    expect(problemLocation(['targets', 'objectives'], zh)).toBe('服务水平目标');
    expect(problemLocation(['compliance'], en)).toBe('Compliance');
  });

  it('says an unknown path in words, never as the raw path', () => {
    const cases: ProblemPath[] = [['services', 0, 'colour'], ['colour'], ['services', 0, 'metrics', 0, 'extra', 3, 'deep'], ['targets', 'severities', 'x'], []];
    for (const path of cases) {
      const where = problemLocation(path, en, enterprise);
      if (path.length > 1) expect(where).not.toContain(pathToString(path));
      expect(where).not.toMatch(/\[\d+\]|\w\.\w/);
    }
    expect(problemLocation(['services', 0, 'colour'], en, enterprise)).toBe('Service 1 “Core API” › Field “colour”');
    expect(problemLocation(['services', 0, 'metrics', 0, 'extra', 3, 'deep'], zh)).toBe('服务 1›指标 1›字段“extra”›第 4 项›字段“deep”');
    expect(problemLocation([], en)).toBe('The file');
    expect(describeProblem(problem([], 'file.empty'), zh)).toBe('文件为空。');
    expect(describeProblem(problem(['colour'], 'validation.unknownField', { field: 'colour' }), en)).toBe(
      'Field “colour”: Unknown field "colour"; SLA Studio does not know what it means.',
    );
  });

  it('reads a damaged file without failing: names that are not text are left out', () => {
    const damaged = { services: [{ name: 42, metrics: 'none' }, null] };
    expect(problemLocation(['services', 0, 'metrics', 1, 'name'], en, damaged)).toBe('Service 1 › Metric 2 › Name in the contract');
    expect(problemLocation(['services', 1, 'name'], en, damaged)).toBe('Service 2 › Service name');
    expect(problemLocation(['services', 0, 'name'], en, '"not a draft"')).toBe('Service 1 › Service name');
  });

  it('labels every field of every preset and of a blank draft in words, in both languages', () => {
    const drafts: unknown[] = [
      blankDraft({ title: 'T', effectiveDate: '2027-01-01' }),
      ...Object.values(presetFiles).map((text) => JSON.parse(text) as unknown),
    ];
    const paths: ProblemPath[] = [];
    const walk = (value: unknown, path: ProblemPath) => {
      paths.push(path);
      if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, index]));
      else if (typeof value === 'object' && value !== null && !(path[path.length - 1] === 'positions'))
        for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
    };
    for (const draft of drafts) walk(draft, []);
    for (const t of [en, zh]) {
      for (const path of paths) {
        const where = problemLocation(path, t, drafts[1]);
        expect(where, pathToString(path)).not.toMatch(/Field “|字段“|problemLabel|fields\.|wizard\./);
      }
    }
  });

  it('reads a path in its written form', () => {
    expect(pathFromString('services[2].metrics[1].name')).toEqual(['services', 2, 'metrics', 1, 'name']);
    expect(pathFromString(pathToString(['targets', 'severities', 0, 'description']))).toEqual(['targets', 'severities', 0, 'description']);
  });
});
