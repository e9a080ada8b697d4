import { describe, expect, it } from 'vitest';
import { ReportFormatError, parseReport, writeInstaMedWebhook } from './index.ts';
import { errorOf, fixture } from './test-helpers.ts';

function rejection(content: string): string {
  const error = errorOf(() => parseReport(content, 'INSTAMED_WEBHOOK'));
  expect(error).toBeInstanceOf(ReportFormatError);
  return error.message;
}

describe('InstaMed webhook notice', () => {
  it('turns Approved into a SALE, converting the time to UTC', () => {
    const report = parseReport(fixture('instamed_webhook_approved.json'));
    expect(report.format).toBe('INSTAMED_WEBHOOK');
    expect(report.transactions).toEqual([
      {
        transactionId: '7F3A9C2E4B1D4E8F9A0B1C2D3E4F5A6B', kind: 'SALE', amountCents: 4000, accountNumber: '100234',
        payerName: 'RIVERA, SOFIA', method: 'CARD', cardType: 'VISA', authorizationNumber: '083421',
        occurredAt: '2026-11-25T14:30:15.000Z', originalTransactionId: null,
      },
    ]);
  });

  it('turns Voided into a VOID of the same TransactionID, with 9999 as an unknown account', () => {
    const [voided] = parseReport(fixture('instamed_webhook_voided.json')).transactions;
    expect(voided).toMatchObject({ kind: 'VOID', transactionId: 'B1C2D3E4F5A64B7C8D9E0F1A2B3C4D5E', originalTransactionId: 'B1C2D3E4F5A64B7C8D9E0F1A2B3C4D5E', accountNumber: null });
  });

  it('returns no transaction for Declined, Error and Settlement', () => {
    const declined = parseReport(fixture('instamed_webhook_declined.json'));
    expect(declined.transactions).toEqual([]);
    expect(declined.meta).toEqual({ eventType: 'Declined', transactionId: 'A0B1C2D3E4F54A6B7C8D9E0F1A2B3C4D', skippedDeclined: '1' });
    for (const event of ['Error', 'Settlement']) {
      expect(parseReport(JSON.stringify({ EventType: event })).transactions).toEqual([]);
    }
  });

  it('reads Refunded, Returned and Chargeback, and a numeric Amount exactly', () => {
    const base = { TransactionID: 'AB', OriginalTransactionID: 'CD', TransactionDate: '2026-11-25T10:00:00', PaymentMethod: 'eCheck' };
    const kinds = ['Refunded', 'Returned', 'Chargeback'].map((EventType) => parseReport(JSON.stringify({ ...base, EventType, Amount: 0.29 })).transactions[0]);
    expect(kinds.map((t) => [t?.kind, t?.amountCents, t?.originalTransactionId, t?.method, t?.occurredAt])).toEqual([
      ['REFUND', 29, 'CD', 'ACH', '2026-11-25T10:00:00.000Z'],
      ['REFUND', 29, 'CD', 'ACH', '2026-11-25T10:00:00.000Z'],
      ['CHARGEBACK', 29, 'CD', 'ACH', '2026-11-25T10:00:00.000Z'],
    ]);
  });

  it('rejects notices it cannot post from', () => {
    expect(rejection('{"EventType":')).toBe('The InstaMed notice is not valid JSON.');
    expect(rejection('{"EventType":"Paid"}')).toContain('EventType "Paid" is not one of');
    expect(rejection('{"EventType":"Approved","Amount":"40.00","TransactionDate":"2026-11-25T10:00:00Z"}')).toContain('has no TransactionID');
    expect(rejection('{"EventType":"Approved","TransactionID":"AB","Amount":"40.005","TransactionDate":"2026-11-25T10:00:00Z"}')).toContain('Amount "40.005"');
    expect(rejection('{"EventType":"Approved","TransactionID":"AB","Amount":"40.00","TransactionDate":"yesterday"}')).toContain('TransactionDate "yesterday"');
  });

  it('writes a notice that reads back, and the event can be overridden', () => {
    const [sale] = parseReport(fixture('instamed_webhook_approved.json')).transactions;
    expect(parseReport(writeInstaMedWebhook(sale!)).transactions).toEqual([sale]);
    expect(JSON.parse(writeInstaMedWebhook(sale!, 'Declined'))).toMatchObject({ EventType: 'Declined', Amount: '40.00' });
    expect(() => writeInstaMedWebhook({ ...sale!, kind: 'REVERSAL' })).toThrow(/no notice for a REVERSAL/);
  });
});
