/**
 * Chinese typography of what the app writes: after Chinese text the
 * punctuation is full width (：，；（ not : , ; ( ), in the interface
 * strings and in the sentences composed from them (compare's changes, the
 * playbook's findings and notes); and a number joins its unit of time as the
 * format module writes durations ("4小时", "30天", "7×24小时", as the contract
 * does), never "4 小时".
 */
import { describe, expect, it } from 'vitest';
import { describeChange, diffDrafts } from '../compare';
import { preset, standardTemplate } from '../contract/fixtures';
import { formatDurationMinutes } from '../format';
import { evaluatePlaybook } from '../playbook';
import { formatFinding } from '../playbook/describe';
import { createI18n } from '.';
import zhCN from './zh-CN.json';

/** A Chinese character or full-width punctuation, then a half-width mark that should have been full width. */
const HALF_WIDTH_AFTER_CHINESE = /[\u3400-\u9fff\u3001-\u303f\uff01-\uff5e][ ]?[:,;!?(]/u;
/** A time format hint writes the colon of a time, as a time is written: "（时:分）". */
const TIME_FORMAT_HINT = /时:分/gu;
/** A number (or a placeholder for one), a space, then a unit of time. */
const NUMBER_SPACE_TIME_UNIT = /(?:\d|\}\})[ \u00a0](?:天|小时|分钟|秒|个月|个工作日|个自然日)/u;

function strings(node: unknown, path = ''): Array<[string, string]> {
  if (typeof node === 'string') return [[path, node]];
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) => strings(value, path === '' ? key : `${path}.${key}`));
}

const zh = createI18n('zh-CN').t;

describe('Chinese interface strings', () => {
  it('use full-width punctuation after Chinese text', () => {
    const offending = strings(zhCN).filter(([, text]) => HALF_WIDTH_AFTER_CHINESE.test(text.replace(TIME_FORMAT_HINT, '')));
    expect(offending).toEqual([]);
  });

  it('join a number to its unit of time, as the format module writes a duration', () => {
    expect(formatDurationMinutes(90, 'zh-CN')).toBe('1小时30分钟');
    const offending = strings(zhCN).filter(([, text]) => NUMBER_SPACE_TIME_UNIT.test(text));
    expect(offending).toEqual([]);
  });
});

describe('Chinese sentences composed from them', () => {
  it('compare: every change between two presets reads with full-width punctuation', () => {
    const lines = diffDrafts(preset('enterprise'), preset('china-hosted')).map((change) => describeChange(change, 'zh-CN', zh));
    expect(lines.length).toBeGreaterThan(20);
    // The spacing inside a preset's own text (a note, a measurement method) is the drafter's: only the punctuation the app adds is checked.
    expect(lines.filter((line) => HALF_WIDTH_AFTER_CHINESE.test(line))).toEqual([]);
  });

  it('playbook: the findings on a customer-friendly draft and the notes of the standard template', () => {
    const draft = structuredClone(preset('enterprise'));
    draft.compensation.claimWindowDays = 7;
    draft.compensation.capPercent = null;
    for (const objective of draft.targets.objectives) objective.objective = 99.999;
    const playbook = standardTemplate().playbook;
    const findings = evaluatePlaybook(draft, playbook);
    expect(findings.length).toBeGreaterThan(1);
    const lines = [
      ...findings.map((finding) => formatFinding(finding, 'zh-CN', zh)),
      ...(playbook?.limits ?? []).flatMap((limit) => (limit.note ? [zh('playbook.why', { note: limit.note['zh-CN'] })] : [])),
    ];
    expect(lines.filter((line) => HALF_WIDTH_AFTER_CHINESE.test(line))).toEqual([]);
    expect(lines.filter((line) => NUMBER_SPACE_TIME_UNIT.test(line))).toEqual([]);
  });
});
