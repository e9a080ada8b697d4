import { describe, expect, it } from 'vitest';
import { ReportFormatError, detectFormat, parseReport } from './index.ts';
import { fixture } from './test-helpers.ts';

describe('detectFormat', () => {
  it.each([
    ['maplegrove_dpa835_20261125_1.rep', 'X12_835'],
    ['maplegrove_dpa835_20261127_1.rep', 'X12_835'],
    ['maplegrove_IMDPA10_20261125.txt', 'IMDPA'],
    ['maplegrove_IMDPA10_20261126.txt', 'IMDPA'],
    ['maplegrove_20261125PAY.prp.csv', 'WAYSTAR_CSV'],
    ['instamed_webhook_approved.json', 'INSTAMED_WEBHOOK'],
    ['instamed_webhook_declined.json', 'INSTAMED_WEBHOOK'],
  ])('recognizes %s', (name, format) => {
    expect(detectFormat(fixture(name))).toBe(format);
  });

  it('tolerates a byte-order mark and leading blank lines', () => {
    expect(detectFormat(`\uFEFF\r\n${fixture('maplegrove_dpa835_20261126_1.rep')}`)).toBe('X12_835');
  });

  it('falls back to the file name, and otherwise returns null', () => {
    expect(detectFormat('garbled', 'maplegrove_dpa835_20261125_1.rep')).toBe('X12_835');
    expect(detectFormat('garbled', 'MGP_20261125PAY.prp.csv')).toBe('WAYSTAR_CSV');
    expect(detectFormat('garbled', 'notes.txt')).toBeNull();
    expect(detectFormat('{"event":"x"}')).toBeNull();
    expect(detectFormat('')).toBeNull();
  });

  it('parseReport without a format detects it, and explains when it cannot', () => {
    expect(parseReport(fixture('maplegrove_20261125PAY.prp.csv')).format).toBe('WAYSTAR_CSV');
    expect(() => parseReport('hello, world')).toThrow(ReportFormatError);
    expect(() => parseReport('hello, world')).toThrow(/not in a format this portal reads/);
  });
});
