import { describe, expect, it } from 'vitest';
import { ReportFormatError, parseReport, writeWaystarCsv } from './index.ts';
import type { ReportTransaction } from './index.ts';
import { errorOf, fixture } from './test-helpers.ts';

const FILE = 'maplegrove_20261125PAY.prp.csv';

function rejection(content: string): string {
  const error = errorOf(() => parseReport(content, 'WAYSTAR_CSV'));
  expect(error).toBeInstanceOf(ReportFormatError);
  return error.message;
}

describe('Waystar Daily Transaction Report CSV', () => {
  it('reads quoted names with commas, "$1,234.56"-style amounts and refunds; skips declined rows', () => {
    const report = parseReport(fixture(FILE));
    expect(report.format).toBe('WAYSTAR_CSV');
    expect(report.transactions).toEqual<ReportTransaction[]>([
      {
        transactionId: 'WS2611250000981', kind: 'SALE', amountCents: 4000, accountNumber: '100234', payerName: 'Rivera, Sofia',
        method: 'CARD', cardType: 'VISA', authorizationNumber: '083421', occurredAt: '2026-11-25T09:14:02.000Z', originalTransactionId: null,
      },
      {
        transactionId: 'WS2611250000983', kind: 'SALE', amountCents: 123456, accountNumber: null, payerName: "O'Neil, Liam",
        method: 'ACH', cardType: null, authorizationNumber: null, occurredAt: '2026-11-25T11:30:00.000Z', originalTransactionId: null,
      },
      {
        transactionId: 'WS2611250000984', kind: 'REFUND', amountCents: 2500, accountNumber: '101020', payerName: 'Patel, Arjun',
        method: 'CARD', cardType: 'AMEX', authorizationNumber: '300117', occurredAt: '2026-11-25T14:05:19.000Z', originalTransactionId: 'WS2611190000412',
      },
      {
        transactionId: 'WS2611250000985', kind: 'SALE', amountCents: 29, accountNumber: '100235', payerName: 'Rivera, Mateo "Teo"',
        method: 'CARD', cardType: 'DISCOVER', authorizationNumber: '640028', occurredAt: '2026-11-25T16:45:10.000Z', originalTransactionId: null,
      },
    ]);
    expect(report.meta).toEqual({ rows: '5', skippedDeclined: '1', netTotal: '1247.65' });
  });

  it('finds columns by name, in any order', () => {
    const csv = 'Transaction ID,Status,Trans Amount,Trans Type,Date/Time\nW1,Approved,12.00,Payment,11/25/2026 23:59:59\n';
    expect(parseReport(csv, 'WAYSTAR_CSV').transactions[0]).toMatchObject({ transactionId: 'W1', amountCents: 1200, occurredAt: '2026-11-25T23:59:59.000Z', method: 'OTHER' });
  });

  it('rejects bad rows with their line numbers, and a header without required columns', () => {
    const content = fixture(FILE);
    expect(rejection(content.replace(',40.00,38.84,Funded,', ',40.001,38.84,Funded,'))).toBe('Line 2: Trans Amount "40.001" is not an amount of dollars and cents.');
    expect(rejection(content.replace('Refund,"Patel', 'Chargeback,"Patel'))).toBe('Line 5: Trans Type "Chargeback" is not Payment or Refund.');
    expect(rejection(content.replace('11/25/2026 11:30:00 AM', '13/25/2026 11:30:00 AM'))).toContain('Line 4: Date/Time "13/25/2026 11:30:00 AM"');
    expect(rejection(content.replace(',Approved,640028,', ',Pending,640028,'))).toContain('Line 6: status "Pending"');
    expect(rejection(content.replace('Transaction ID,', 'Txn,'))).toBe('The CSV header lacks the column "Transaction ID".');
    expect(rejection(content.replace('"Rivera, Sofia"', '"Rivera, Sofia'))).toMatch(/^The CSV file cannot be read/);
  });

  it('writes what it reads', () => {
    const { transactions } = parseReport(fixture(FILE));
    const written = writeWaystarCsv(transactions);
    expect(written).toContain('"Rivera, Mateo ""Teo"""');
    expect(parseReport(written).transactions).toEqual(transactions);
    expect(() => writeWaystarCsv([{ ...transactions[0]!, kind: 'VOID' }])).toThrow(/Payment or Refund only/);
  });
});
