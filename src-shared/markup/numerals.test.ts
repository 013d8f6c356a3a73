import { describe, expect, it } from 'vitest';
import { decimalToNumber, readChineseNumber, readChineseWhole, readEnglishWhole, readFigures, significantDecimals } from './numerals';

describe('figures', () => {
  it('read with thousands separators, exactly as written', () => {
    expect(decimalToNumber(readFigures('85,000.00')!)).toBe(85_000);
    expect(decimalToNumber(readFigures('1,234,567.891')!)).toBe(1_234_567.891);
    expect(significantDecimals(readFigures('85,000.50')!)).toBe(1);
    expect(significantDecimals(readFigures('85,000.00')!)).toBe(0);
  });

  it('refuse separators that do not group by three', () => {
    expect(readFigures('1,00')).toBeNull();
    expect(readFigures('85.000,00')).toBeNull();
    expect(readFigures('1,0000')).toBeNull();
  });
});

describe('Chinese numerals', () => {
  it('read the places of a contract and the uppercase of an amount in words', () => {
    const cases: Array<[string, bigint]> = [
      ['十', 10n],
      ['十五', 15n],
      ['二十', 20n],
      ['九十九', 99n],
      ['一百零五', 105n],
      ['一百一十', 110n],
      ['两千', 2_000n],
      ['三万五千', 35_000n],
      ['十万', 100_000n],
      ['壹拾万零伍', 100_005n],
      ['壹亿零壹万', 100_010_000n],
      ['壹万贰仟亿', 1_200_000_000_000n],
      ['捌万伍仟', 85_000n],
      ['二〇二七', 2_027n],
      ['二零二七', 2_027n],
    ];
    for (const [text, value] of cases) expect(readChineseWhole(text), text).toBe(value);
    expect(decimalToNumber(readChineseNumber('九十九点九五')!)).toBe(99.95);
    expect(decimalToNumber(readChineseNumber('零点五')!)).toBe(0.5);
  });

  it('refuse places out of order or digits that meet inside a placed numeral', () => {
    for (const text of ['十百', '三五十', '百', '一百十', '万', '一亿二万三亿']) expect(readChineseWhole(text), text).toBeNull();
    expect(readChineseNumber('九十九点')).toBeNull();
  });
});

describe('English number words', () => {
  it('read up to the hundreds of thousands', () => {
    expect(readEnglishWhole('thirty')).toBe(30);
    expect(readEnglishWhole('Forty-Five')).toBe(45);
    expect(readEnglishWhole('one hundred and twenty')).toBe(120);
    expect(readEnglishWhole('two thousand five hundred')).toBe(2_500);
    expect(readEnglishWhole('ninety-nine thousand nine hundred and ninety-nine')).toBe(99_999);
  });

  it('refuse a sequence that is not one number', () => {
    for (const text of ['twelve five', 'five twenty', 'twenty twelve', 'thousand', 'twelve hundred', 'zero one', 'thirty days']) {
      expect(readEnglishWhole(text), text).toBeNull();
    }
  });
});
