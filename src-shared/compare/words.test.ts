import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffClauseWords, newSideText, oldSideText, wordTokens, type WordSegment } from './words';

const NBSP = '\u00A0';

function changed(segments: WordSegment[]): Array<[string, string]> {
  return segments.filter((segment) => segment.kind !== 'equal').map((segment) => [segment.kind, segment.text]);
}

describe('wordTokens', () => {
  it('keeps numbers, words with apostrophes and white space as tokens that rebuild the text', () => {
    const text = `The Provider's 95th percentile: 99.95${NBSP}% of USD 12,500.00 (P1) at 08:00`;
    const tokens = wordTokens(text);
    expect(tokens.join('')).toBe(text);
    expect(tokens).toEqual(expect.arrayContaining(["Provider's", '95th', '99.95', '12,500.00', 'P1', '08:00', NBSP, '%', '(']));
  });

  it('cuts Chinese into single characters, keeping figures whole', () => {
    const text = '服务提供方应确保每月可用性不低于99.9%。';
    const tokens = wordTokens(text);
    expect(tokens.join('')).toBe(text);
    expect(tokens).toContain('99.9');
    expect(tokens.slice(0, 3)).toEqual(['服', '务', '提']);
    expect(tokens.every((token) => token === '99.9' || !/\d/.test(token))).toBe(true);
  });
});

describe('diffClauseWords', () => {
  it('highlights just the changed figure in an English clause', () => {
    const result = diffClauseWords(
      `The Provider shall make the Service available at least 99.9${NBSP}% of each calendar month.`,
      `The Provider shall make the Service available at least 99.95${NBSP}% of each calendar month.`,
    );
    expect(result.replaced).toBe(false);
    expect(result.segments).toEqual([
      { kind: 'equal', text: 'The Provider shall make the Service available at least ' },
      { kind: 'deleted', text: '99.9' },
      { kind: 'inserted', text: '99.95' },
      { kind: 'equal', text: `${NBSP}% of each calendar month.` },
    ]);
  });

  it('highlights just the changed figure in a Chinese sentence without spaces', () => {
    const result = diffClauseWords('服务提供方应确保核心API的每月可用性不低于99.9%。', '服务提供方应确保核心API的每月可用性不低于99.95%。');
    expect(result.segments).toEqual([
      { kind: 'equal', text: '服务提供方应确保核心API的每月可用性不低于' },
      { kind: 'deleted', text: '99.9' },
      { kind: 'inserted', text: '99.95' },
      { kind: 'equal', text: '%。' },
    ]);
  });

  it('shows a changed duration as the old phrase deleted and the new one inserted, not interleaved fragments', () => {
    const english = diffClauseWords(
      'permits Downtime of no more than 1 hour 5 minutes 45 seconds in an average month',
      'permits Downtime of no more than 13 minutes 9 seconds in an average month',
    );
    expect(changed(english.segments)).toEqual([
      ['deleted', '1 hour 5 minutes 45 seconds'],
      ['inserted', '13 minutes 9 seconds'],
    ]);
    const chinese = diffClauseWords('平均每月不超过1小时5分45秒，平均每年不超过13小时9分', '平均每月不超过13分9秒，平均每年不超过2小时37分');
    expect(changed(chinese.segments)).toEqual([
      ['deleted', '1小时5分45秒'],
      ['inserted', '13分9秒'],
      ['deleted', '13小时9分'],
      ['inserted', '2小时37分'],
    ]);
    expect(changed(diffClauseWords('within 10 Business Days of the request', 'within 5 Business Days of the request').segments)).toEqual([
      ['deleted', '10 Business Days'],
      ['inserted', '5 Business Days'],
    ]);
  });

  it('keeps a duration whole as one token, and a figure without a unit as before', () => {
    expect(wordTokens('within 1 hour 5 minutes, 45 s')).toEqual(['within', ' ', '1 hour 5 minutes', ',', ' ', '45', ' ', 's']);
    expect(wordTokens('1小时30分钟内')).toEqual(['1小时30分钟', '内']);
    expect(wordTokens('99.95 % of 12 hoursly')).toEqual(['99.95', ' ', '%', ' ', 'of', ' ', '12', ' ', 'hoursly']);
  });

  it('highlights a changed Chinese character or phrase, not the whole sentence', () => {
    expect(diffClauseWords('客户应在三十日内提出书面申请。', '客户应在六十日内提出书面申请。').segments).toEqual([
      { kind: 'equal', text: '客户应在' },
      { kind: 'deleted', text: '三' },
      { kind: 'inserted', text: '六' },
      { kind: 'equal', text: '十日内提出书面申请。' },
    ]);
    // A rewritten phrase is one change, not single matching characters (的, 服务) left between fragments.
    expect(changed(diffClauseWords('服务提供方应在收到通知后及时处理服务请求。', '服务提供方应在收到通知后立即通知客户的服务经理。').segments)).toEqual([
      ['deleted', '及时处理服务请求'],
      ['inserted', '立即通知客户的服务经理'],
    ]);
  });

  it('shows a deletion from a Chinese sentence in one piece', () => {
    const before = '但这不限制客户依据第12条享有的终止权，亦不限制依法不得限制的责任。';
    const after = '但这不限制依法不得限制的责任。';
    expect(diffClauseWords(before, after).segments).toEqual([
      { kind: 'equal', text: '但这不限制' },
      { kind: 'deleted', text: '客户依据第12条享有的终止权，亦不限制' },
      { kind: 'equal', text: '依法不得限制的责任。' },
    ]);
  });

  it('joins a change that only white space interrupts into one deleted and one inserted stretch', () => {
    const result = diffClauseWords('Credits are paid as a refund within thirty days.', 'Credits are given as a credit note within thirty days.');
    expect(changed(result.segments)).toEqual([
      ['deleted', 'paid'],
      ['inserted', 'given'],
      ['deleted', 'refund'],
      ['inserted', 'credit note'],
    ]);
  });

  it('shows an addition to a short clause as an insertion, not as a replacement', () => {
    const result = diffClauseWords('Support', 'Support\nThe Provider answers P1 incidents around the clock, including public holidays.');
    expect(result.replaced).toBe(false);
    expect(result.segments).toEqual([
      { kind: 'equal', text: 'Support' },
      { kind: 'inserted', text: '\nThe Provider answers P1 incidents around the clock, including public holidays.' },
    ]);
  });

  it('shows a clause rewritten entirely as replaced rather than as a confetti of common words', () => {
    const before = 'The Provider shall respond to each ticket within fifteen minutes of the report.';
    const after = 'Either party may terminate this agreement on thirty days of written notice to the other.';
    const result = diffClauseWords(before, after);
    expect(result).toEqual({
      segments: [
        { kind: 'deleted', text: before },
        { kind: 'inserted', text: after },
      ],
      replaced: true,
      reason: 'dissimilar',
    });
  });

  it('keeps the white space around a change out of the highlight', () => {
    const result = diffClauseWords('Credits are paid as a refund within thirty days.', 'Credits are given as a credit note within thirty days.');
    for (const segment of result.segments) if (segment.kind !== 'equal') expect(segment.text).toBe(segment.text.trim());
  });

  it('gives up at the edit limit on a 5,000-word pair rewritten entirely and reports it replaced', () => {
    const words = (prefix: string) => Array.from({ length: 5_000 }, (_, i) => `${prefix}${i}`).join(' ');
    const before = words('alpha');
    const after = words('omega');
    const result = diffClauseWords(before, after);
    expect(result.replaced).toBe(true);
    // The limit, not the similarity check, ended it: the search stopped instead of running to the end.
    expect(result.reason).toBe('editLimit');
    expect(result.segments).toEqual([
      { kind: 'deleted', text: before },
      { kind: 'inserted', text: after },
    ]);
  });

  it('still diffs a 5,000-word clause word by word when only a word changed', () => {
    const words = Array.from({ length: 5_000 }, (_, i) => `term${i}`);
    const before = words.join(' ');
    words[2_500] = 'amended';
    const result = diffClauseWords(before, words.join(' '));
    expect(result.replaced).toBe(false);
    expect(changed(result.segments)).toEqual([
      ['deleted', 'term2500'],
      ['inserted', 'amended'],
    ]);
  });

  it('honours a smaller maxEditLength', () => {
    const before = 'P1 response within 15 minutes, P2 within 1 hour, P3 within 4 hours.';
    const after = 'P1 response within 10 minutes, P2 within 2 hour, P3 within 8 hours.';
    expect(diffClauseWords(before, after).replaced).toBe(false);
    expect(diffClauseWords(before, after, { maxEditLength: 4 })).toMatchObject({ replaced: true, reason: 'editLimit' });
  });

  it('handles empty sides and equal texts', () => {
    expect(diffClauseWords('', '')).toEqual({ segments: [], replaced: false, reason: null });
    expect(diffClauseWords('Same.', 'Same.').segments).toEqual([{ kind: 'equal', text: 'Same.' }]);
    expect(diffClauseWords('', 'New.').segments).toEqual([{ kind: 'inserted', text: 'New.' }]);
    expect(diffClauseWords('Old.', '').segments).toEqual([{ kind: 'deleted', text: 'Old.' }]);
  });

  it('always rebuilds both texts exactly from its segments, with no empty or doubled segments', () => {
    const word = fc.constantFrom(
      'the',
      'Provider',
      'shall',
      '99.9',
      '99.95',
      '%',
      ',',
      '.',
      '服务',
      '可用性',
      '不低于',
      '分钟',
      ' ',
      '  ',
      '\n',
      '\t',
      NBSP,
      '（',
      '）',
    );
    const text = fc.array(word, { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, text, fc.integer({ min: 1, max: 60 }), (before, after, maxEditLength) => {
        const { segments } = diffClauseWords(before, after, { maxEditLength });
        expect(oldSideText(segments)).toBe(before);
        expect(newSideText(segments)).toBe(after);
        segments.forEach((segment, i) => {
          expect(segment.text).not.toBe('');
          if (i > 0) expect(segment.kind).not.toBe(segments[i - 1]!.kind);
        });
      }),
      { numRuns: 300 },
    );
  });
});
