/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { namedBlankDraft, preset } from '../contract/fixtures';
import { typedQuantities } from './quantities';
import { typedNumberFindings } from './typed-numbers';

describe('typedQuantities', () => {
  it('reads numbers with their units in English and Chinese, hours and minutes in minutes', () => {
    const found = (text: string) => typedQuantities(text).map(({ kind, value }) => `${kind}:${value}`);
    expect(found('Claim within 60 days; answer within 10 Business Days or a 30-day window.')).toEqual([
      'calendarDays:60',
      'businessDays:10',
      'calendarDays:30',
    ]);
    expect(found('Respond in 4 hours, resolve in 90 minutes, at 99.9 % or 99.95%.')).toEqual(['minutes:240', 'minutes:90', 'percent:99.9', 'percent:99.95']);
    expect(found('在 30 日内提出，10 个工作日内答复，4小时内响应，15分钟内通知，可用性 99.9%，3天内')).toEqual([
      'calendarDays:30',
      'businessDays:10',
      'minutes:240',
      'minutes:15',
      'percent:99.9',
      'calendarDays:3',
    ]);
  });

  it('leaves out numbers that are names or factors, and numbers without a unit', () => {
    expect(typedQuantities('P1 incidents, ISO 27001, HTTP 503, Measured Minutes × 100%, SOC 2.')).toEqual([]);
  });
});

describe('typedNumberFindings', () => {
  it('a typed claim period that contradicts the claim window is a problem on the typed field', () => {
    const draft = namedBlankDraft();
    draft.compensation.claimWindowDays = 45;
    draft.compensation.claimProcess.en = 'The Customer may claim through the portal within 60 days after the end of the month.';
    expect(typedNumberFindings(draft)).toEqual([
      expect.objectContaining({
        level: 'problem',
        rule: 'typedNumbers',
        step: 'compensation',
        path: ['compensation', 'claimProcess', 'en'],
        key: 'contractCheck.typedNumbers.contradiction',
        params: expect.objectContaining({ typed: '60 days', value: 45, fieldPath: 'compensation.claimWindowDays' }),
      }),
    ]);
  });

  it('the same period typed again is a warning: say it once', () => {
    const draft = namedBlankDraft();
    draft.compensation.claimWindowDays = 30;
    draft.compensation.claimProcess['zh-CN'] = '客户应在月份结束后 30 日内提出服务费减免申请。';
    expect(typedNumberFindings(draft)).toEqual([expect.objectContaining({ level: 'warning', key: 'contractCheck.typedNumbers.duplicate' })]);
  });

  it('a share of tickets typed in the support texts is compared with the share the support clause states', () => {
    const draft = preset('enterprise');
    const p1 = draft.targets.severities.findIndex((severity) => severity.level === 'P1');
    draft.targets.severities[p1]!.description.en = 'Service down for all users. At least 90 % of these tickets are handled by the on-call team.';
    expect(draft.targets.supportAttainmentPercent).toBe(95);
    expect(typedNumberFindings(draft)).toEqual([
      expect.objectContaining({
        level: 'problem',
        step: 'targets',
        path: ['targets', 'severities', p1, 'description', 'en'],
        params: expect.objectContaining({ typed: '90 %', value: 95, fieldPath: 'targets.supportAttainmentPercent' }),
      }),
    ]);
    draft.targets.supportAttainmentPercent = 90;
    expect(typedNumberFindings(draft)).toEqual([expect.objectContaining({ level: 'warning', key: 'contractCheck.typedNumbers.duplicate' })]);
    // Without a stated share, the support clause says no percentage to contradict.
    delete draft.targets.supportAttainmentPercent;
    expect(typedNumberFindings(draft)).toEqual([]);
  });

  it('compares only with the fields a sentence is about', () => {
    const draft = namedBlankDraft();
    draft.compensation.claimWindowDays = 45;
    draft.compensation.claimProcess.en = 'Claims go through the portal. Credits outstanding at the end are refunded within 30 days.';
    expect(typedNumberFindings(draft)).toEqual([]);
  });

  it('a target typed into a measurement method differently is a problem; another percentage is not', () => {
    const draft = preset('enterprise');
    const method = ['services', 0, 'metrics', 0, 'measurementMethod', 'en'];
    draft.services[0]!.metrics[0]!.measurementMethod.en = 'The availability target is 99.9 %, measured per month.';
    expect(typedNumberFindings(draft)).toEqual([
      expect.objectContaining({ level: 'problem', path: method, params: expect.objectContaining({ typed: '99.9 %', value: 99.95 }) }),
    ]);
    draft.services[0]!.metrics[0]!.measurementMethod.en = 'The availability target is 99.95 %, measured per month.';
    expect(typedNumberFindings(draft)).toEqual([expect.objectContaining({ level: 'warning', path: method })]);
    draft.services[0]!.metrics[0]!.measurementMethod.en = 'A minute counts as down when more than 5 % of requests fail.';
    expect(typedNumberFindings(draft)).toEqual([]);
  });

  it("a severity's description is compared with that severity's times", () => {
    const draft = preset('enterprise');
    const p2 = draft.targets.severities.findIndex((severity) => severity.level === 'P2');
    draft.targets.severities[p2]!.description.en = 'High impact. The Provider responds within 30 minutes.';
    expect(typedNumberFindings(draft)).toEqual([
      expect.objectContaining({
        level: 'problem',
        path: ['targets', 'severities', p2, 'description', 'en'],
        params: expect.objectContaining({ level: 'P2', value: 60, fieldPath: `targets.severities[${p2}].responseMinutes` }),
      }),
    ]);
    draft.targets.severities[p2]!.description.en = 'High impact. The Provider responds within 1 hour.';
    expect(typedNumberFindings(draft)).toEqual([expect.objectContaining({ level: 'warning' })]);
  });
});
