import { describe, expect, it } from 'vitest';
import { displayText, languageOfText, localizeByScript, localized, missingLanguages } from './localized';

describe('the language of a text, by its script', () => {
  it('reads a Chinese sentence that names an English product as Chinese', () => {
    expect(languageOfText('通过 AWS CloudWatch 每分钟探测一次')).toBe('zh-CN');
  });
  it('reads an English sentence that quotes a Chinese city as English', () => {
    expect(languageOfText('The seat of arbitration is 上海 (Shanghai), China.')).toBe('en');
  });
  it('leaves text of neither script to the caller', () => {
    expect(languageOfText('99.95 / 300')).toBeUndefined();
    expect(localizeByScript('99.95 / 300', 'zh-CN')).toEqual(localized('', '99.95 / 300'));
  });
  it('puts one-language text where its script says', () => {
    expect(localizeByScript('State of New York', 'zh-CN')).toEqual(localized('State of New York', ''));
    expect(localizeByScript('纽约州法律', 'en')).toEqual(localized('', '纽约州法律'));
  });
});

describe('a missing translation', () => {
  it('is the empty language of a text written in the other', () => {
    expect(missingLanguages(localized('Uptime', ''), ['en', 'zh-CN'])).toEqual(['zh-CN']);
    expect(missingLanguages(localized('Uptime', ''), ['en'])).toEqual([]);
  });
  it('is not reported for a field left blank in both languages', () => {
    expect(missingLanguages(localized('', ' '), ['en', 'zh-CN'])).toEqual([]);
  });
  it('shows the other language outside a contract rather than nothing', () => {
    expect(displayText(localized('Uptime', ''), 'zh-CN')).toBe('Uptime');
    expect(displayText(localized('Uptime', '可用性'), 'zh-CN')).toBe('可用性');
  });
});
