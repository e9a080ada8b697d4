import { describe, expect, it } from 'vitest';
import { assertCents, centsToDecimalString, formatCents, parseDecimalToCents, toCents } from './money.ts';

describe('centsToDecimalString', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [50, '0.50'],
    [99, '0.99'],
    [100, '1.00'],
    [105, '1.05'],
    [123456, '1234.56'],
    [-5, '-0.05'],
    [-50, '-0.50'],
    [-105, '-1.05'],
  ])('%i cents is "%s": always two decimals, the cents padded to two digits', (cents, text) => {
    expect(centsToDecimalString(cents)).toBe(text);
  });

  it('refuses fractions of a cent and numbers beyond the exact range, naming the amount', () => {
    expect(() => centsToDecimalString(10.5)).toThrow(new RangeError('amount must be a whole number of cents, got 10.5'));
    expect(() => centsToDecimalString(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
    expect(() => centsToDecimalString(Number.NaN)).toThrow(RangeError);
  });
});

describe('formatCents', () => {
  it.each([
    [0, '$0.00'],
    [5, '$0.05'],
    [123456, '$1,234.56'],
    [-1200, '-$12.00'],
    [100000000001, '$1,000,000,000.01'],
  ])('%i cents reads %s', (cents, text) => {
    expect(formatCents(cents)).toBe(text);
  });

  it('keeps every cent where dividing by 100 in floating point loses one', () => {
    // As doubles, 9007199254740985 / 100 is 90071992547409.84375 and MAX_SAFE_INTEGER / 100 is
    // 90071992547409.90625: (cents / 100).toFixed(2) says .84 for the first, and Intl given the double
    // says .84 and .90. The string path never goes through a double.
    expect(centsToDecimalString(9_007_199_254_740_985)).toBe('90071992547409.85');
    expect(formatCents(9_007_199_254_740_985)).toBe('$90,071,992,547,409.85');
    expect(formatCents(Number.MAX_SAFE_INTEGER)).toBe('$90,071,992,547,409.91');
  });

  it('formats in the currency and locale asked for, each time', () => {
    expect(formatCents(123456, { currency: 'EUR', locale: 'de-DE' })).toBe('1.234,56\u00a0€');
    expect(formatCents(123456, { currency: 'EUR' })).toBe('€1,234.56');
    // The formatters are cached: asking for another one must not hand back the last.
    expect(formatCents(123456)).toBe('$1,234.56');
    expect(formatCents(123456, { locale: 'de-DE' })).toBe('1.234,56\u00a0$');
  });

  it('refuses fractions of a cent', () => {
    expect(() => formatCents(10.5)).toThrow(new RangeError('amount must be a whole number of cents, got 10.5'));
  });
});

describe('assertCents', () => {
  it('names what it checked', () => {
    expect(() => assertCents(0.1, 'the refund')).toThrow(new RangeError('the refund must be a whole number of cents, got 0.1'));
    expect(() => assertCents(-42)).not.toThrow();
  });
});

describe('parseDecimalToCents', () => {
  it.each([
    ['12', 1200],
    ['12.5', 1250],
    ['0.29', 29],
    ['0.57', 57],
    ['1.15', 115],
    ['4.35', 435],
    ['1,234', 123400],
    ['1,234.56', 123456],
    ['12,345.67', 1234567],
    ['123,456', 12345600],
    ['1,234,567.89', 123456789],
    ['$40.00', 4000],
    ['$1,234.50', 123450],
    ['-0.05', -5],
    ['+12.00', 1200],
    ['.75', 75],
    ['-.05', -5],
    ['+.5', 50],
    ['  12.50 ', 1250],
    ['\t$7\n', 700],
    ['007.10', 710],
  ])('"%s" is %i cents', (text, cents) => {
    expect(parseDecimalToCents(text)).toBe(cents);
  });

  it('reads zero as 0, never -0 (which would print as "-$0.00")', () => {
    expect(parseDecimalToCents('-0.00')).toBe(0);
    expect(parseDecimalToCents('-.0')).toBe(0);
  });

  it('keeps every cent where multiplying by 100 in floating point loses one', () => {
    // 0.29 * 100 = 28.999999999999996 and 1.15 * 100 = 114.99999999999999 (truncating loses a cent);
    // Number('90071992547409.85') * 100 rounds to 9007199254740984.
    expect(parseDecimalToCents('0.29')).toBe(29);
    expect(parseDecimalToCents('1.15')).toBe(115);
    expect(parseDecimalToCents('90071992547409.85')).toBe(9_007_199_254_740_985);
    expect(parseDecimalToCents('90071992547409.91')).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => parseDecimalToCents('90071992547409.92')).toThrow(RangeError);
  });

  it.each(['', ' ', 'abc', '12.345', '.755', '1e3', '12.3.4', '--1', '-', '.', '12.', '$', '40$', '4$0', '$$4', '0x10', '١٢', '12 34'])(
    'refuses "%s"',
    (text) => {
      expect(() => parseDecimalToCents(text)).toThrow(new RangeError(`not an amount of money: "${text}"`));
    },
  );

  it.each([
    '1,2,3',
    '12,34',
    ',123',
    '123,',
    '1,23',
    '1,2345',
    '1234,567',
    '12,3456.00',
    '1,234,56',
    '0,123',
    '01,234',
    '-,123',
    '.5,000',
    '1.234,56',
    '1,,234',
  ])('accepts commas only as thousands separators, every three digits: refuses "%s"', (text) => {
    expect(() => parseDecimalToCents(text)).toThrow(new RangeError(`not an amount of money: "${text}"`));
  });
});

describe('toCents (64-bit money columns)', () => {
  it('reads a bigint column as exact cents', () => {
    expect(toCents(2_500_000_000n)).toBe(2_500_000_000);
    expect(toCents(-1n)).toBe(-1);
    expect(toCents(0n)).toBe(0);
    expect(toCents(BigInt(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    expect(toCents(-BigInt(Number.MAX_SAFE_INTEGER))).toBe(-Number.MAX_SAFE_INTEGER);
    expect(toCents(4000)).toBe(4000);
  });

  it('refuses what a double cannot hold exactly, loudly, naming the value', () => {
    expect(() => toCents(BigInt(Number.MAX_SAFE_INTEGER) + 1n)).toThrow(new RangeError('money value out of range: 9007199254740992'));
    expect(() => toCents(BigInt(Number.MAX_SAFE_INTEGER) + 2n)).toThrow(new RangeError('money value out of range: 9007199254740993'));
    expect(() => toCents(-BigInt(Number.MAX_SAFE_INTEGER) - 2n)).toThrow(new RangeError('money value out of range: -9007199254740993'));
    expect(() => toCents(1.5)).toThrow(new RangeError('money value out of range: 1.5'));
    expect(() => toCents(Number.NaN)).toThrow(new RangeError('money value out of range: NaN'));
  });
});
