import { describe, expect, it } from 'vitest';
import { centsToDecimalString, formatCents, parseDecimalToCents, toCents } from './money.ts';

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

  it('keeps every cent of amounts a double cannot divide by 100 exactly', () => {
    // 0.29 * 100 = 28.999999999999996 in floating point; the string path never goes there.
    expect(formatCents(29)).toBe('$0.29');
    expect(centsToDecimalString(900719925474099)).toBe('9007199254740.99');
  });

  it('refuses fractions of a cent', () => {
    expect(() => formatCents(10.5)).toThrow(/whole number of cents/);
  });
});

describe('parseDecimalToCents', () => {
  it.each([
    ['12', 1200],
    ['12.5', 1250],
    ['0.29', 29],
    ['1,234.56', 123456],
    ['$40.00', 4000],
    ['-0.05', -5],
    ['.75', 75],
  ])('"%s" is %i cents', (text, cents) => {
    expect(parseDecimalToCents(text)).toBe(cents);
  });

  it.each(['', 'abc', '12.345', '1e3', '12.3.4', '--1'])('refuses "%s"', (text) => {
    expect(() => parseDecimalToCents(text)).toThrow(/not an amount/);
  });
});

describe('toCents (64-bit money columns)', () => {
  it('reads a bigint column as exact cents', () => {
    expect(toCents(2_500_000_000n)).toBe(2_500_000_000);
    expect(toCents(-1n)).toBe(-1);
    expect(toCents(BigInt(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
  });
  it('refuses what a double cannot hold exactly, loudly', () => {
    expect(() => toCents(BigInt(Number.MAX_SAFE_INTEGER) + 2n)).toThrow(RangeError);
    expect(() => toCents(1.5)).toThrow(RangeError);
  });
});
