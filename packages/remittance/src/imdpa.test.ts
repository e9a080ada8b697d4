import { describe, expect, it } from 'vitest';
import { ReportFormatError, parseReport, writeImdpa } from './index.ts';
import type { ReportTransaction } from './index.ts';
import { errorOf, fixture } from './test-helpers.ts';

const HEADER_FILE = 'maplegrove_IMDPA10_20261125.txt';

function rejection(content: string): string {
  const error = errorOf(() => parseReport(content, 'IMDPA'));
  expect(error).toBeInstanceOf(ReportFormatError);
  return error.message;
}

describe('InstaMed IMDPA10', () => {
  it('reads a header file: sales, Credit and Return refunds, void, chargeback; skips D and SE', () => {
    const content = fixture(HEADER_FILE);
    expect(content).toContain('\r\n');
    const report = parseReport(content);
    expect(report.format).toBe('IMDPA');
    const byId = new Map(report.transactions.map((t) => [t.transactionId, t]));
    expect(report.transactions.map((t) => [t.kind, t.amountCents])).toEqual([
      ['SALE', 4000],
      ['REFUND', 1500],
      ['SALE', 2500],
      ['SALE', 123456],
      ['SALE', 29],
      ['VOID', 1800],
      ['CHARGEBACK', 5500],
      ['REFUND', 2000],
    ]);
    expect(byId.get('7F3A9C2E4B1D4E8F9A0B1C2D3E4F5A6B')).toEqual<ReportTransaction>({
      transactionId: '7F3A9C2E4B1D4E8F9A0B1C2D3E4F5A6B', kind: 'SALE', amountCents: 4000, accountNumber: '100234',
      payerName: 'RIVERA, SOFIA', method: 'CARD', cardType: 'VISA', authorizationNumber: '083421',
      occurredAt: '2026-11-25T14:30:15.000Z', originalTransactionId: null,
    });
    // Credit = refund with a positive amount; the original sale is in AdditionalInfo1.
    expect(byId.get('E4C1A7B9D2F3486A9B0C1D2E3F4A5B6C')).toMatchObject({ kind: 'REFUND', originalTransactionId: '5B2D8E1F9C3A4B7D6E0F2A1C3B5D7E9F' });
    expect(byId.get('2A6F0B3C8D1E4F5A9B7C6D0E1F2A3B4C')).toMatchObject({ accountNumber: null, cardType: 'AMEX' });
    expect(byId.get('9D4E2F1A0B3C4D5E6F7A8B9C0D1E2F3A')).toMatchObject({ method: 'CARD', amountCents: 123456 });
    expect(byId.get('3E8B1C5D7F9A4E2B6C0D8F1A3B5C7E9D')).toMatchObject({ method: 'ACH', cardType: null, authorizationNumber: null, amountCents: 29 });
    // A void keeps the sale's TransactionID.
    expect(byId.get('B1C2D3E4F5A64B7C8D9E0F1A2B3C4D5E')).toMatchObject({ kind: 'VOID', originalTransactionId: 'B1C2D3E4F5A64B7C8D9E0F1A2B3C4D5E' });
    expect(byId.get('C2D3E4F5A6B74C8D9E0F1A2B3C4D5E6F')).toMatchObject({ kind: 'CHARGEBACK', originalTransactionId: '1D2E3F4A5B6C47D8E9F0A1B2C3D4E5F6' });
    expect(byId.get('E4F5A6B7C8D94E0F1A2B3C4D5E6F7A8B')).toMatchObject({ kind: 'REFUND', method: 'ACH', originalTransactionId: 'F5A6B7C8D9E04F1A2B3C4D5E6F7A8B9C' });
    expect(report.meta).toMatchObject({ version: 'IMDPA10', merchantId: 'MGPEDS01', records: '10', skippedDeclined: '1', skippedSettlementError: '1' });
  });

  it('rejects a malformed line with its line number (header-less file)', () => {
    expect(rejection(fixture('maplegrove_IMDPA10_20261126.txt'))).toBe('Line 3 has 22 fields; an IMDPA10 detail record has 23.');
  });

  it('rejects bad amounts, dates, statuses and IDs with the line number', () => {
    const content = fixture(HEADER_FILE);
    expect(rejection(content.replace('|40.00|', '|40.001|'))).toBe('Line 2: amount "40.001" is not an amount of dollars and cents.');
    expect(rejection(content.replace('|40.00|', '|-40.00|'))).toContain('Line 2: amount "-40.00" must be positive');
    expect(rejection(content.replace('20261125151102', '20261131151102'))).toBe('Line 3: date "20261131151102" is not a valid CCYYMMDDHHMMSS date.');
    expect(rejection(content.replace('|300117|25.00|20261125161945|A|', '|300117|25.00|20261125161945|Q|'))).toContain('Line 4: status code "Q"');
    expect(rejection(content.replace('|7F3A9C2E4B1D4E8F9A0B1C2D3E4F5A6B|', '|7F3A9C2E|'))).toContain('Line 2: TransactionID "7F3A9C2E" is not 32 hexadecimal characters');
    expect(rejection(content.replace('|IMDPA10|MGPEDS01|20261125|10', '|IMDPA10|MGPEDS01|20261125|11'))).toContain('header says the file has 11 detail records but it has 10');
  });

  it('writes the header form and reads it back', () => {
    const { transactions } = parseReport(fixture(HEADER_FILE));
    const written = writeImdpa(transactions, { merchantId: 'MGPEDS01', storeId: '0001', terminalId: 'WEB01', date: new Date('2026-11-25T23:00:00Z') });
    expect(written.split('\r\n')[0]).toBe('H|IMDPA10|MGPEDS01|20261125|8');
    expect(parseReport(written).transactions).toEqual(transactions);
  });
});

describe('writeImdpa defaults', () => {
  it('needs no options: the header takes the latest transaction date', () => {
    const { transactions } = parseReport(fixture(HEADER_FILE));
    const written = writeImdpa(transactions);
    expect(written.split('\r\n')[0]).toBe('H|IMDPA10|KINPAY|20261125|8');
    expect(parseReport(written).transactions).toEqual(transactions);
  });
});
