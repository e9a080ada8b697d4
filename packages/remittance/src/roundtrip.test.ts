import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFormat, parseReport, write835, writeImdpa, writeInstaMedWebhook, writeWaystarCsv } from './index.ts';
import type { ReportTransaction, TransactionKind } from './index.ts';

const hex32 = fc.string({ unit: fc.constantFrom(...'0123456789ABCDEF'), minLength: 32, maxLength: 32 });
const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const draft = fc.record({
  transactionId: hex32,
  amountCents: fc.integer({ min: 1, max: 10_000_000 }),
  // At least 5 digits, so never InstaMed's 9999 placeholder.
  accountNumber: nullable(fc.stringMatching(/^[0-9]{5,10}$/)),
  // Commas and double quotes included: the CSV must quote them, the others carry them as is.
  payerName: nullable(fc.stringMatching(/^[A-Z][A-Za-z'-]{0,11}, [A-Z][a-z]{0,9}( "[A-Z][a-z]{1,5}")?$/)),
  method: fc.constantFrom('CARD' as const, 'ACH' as const, 'OTHER' as const),
  cardType: nullable(fc.constantFrom('VISA', 'MASTERCARD', 'AMEX', 'DISCOVER')),
  authorizationNumber: nullable(fc.stringMatching(/^[0-9A-Z]{6}$/)),
  // Whole seconds: no format carries fractions.
  occurredAt: fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2099, 11, 31) / 1000 }).map((s) => new Date(s * 1000).toISOString()),
  originalTransactionId: nullable(hex32),
});

type Draft = typeof draft extends fc.Arbitrary<infer T> ? T : never;

/**
 * IDs made unique by their last 8 hex digits: fast-check likes repeating values such as all zeros, and two
 * transactions sharing an ID would be one posting. Originals follow what each kind can carry.
 */
function finish(tx: Draft & { kind: TransactionKind }, index: number): ReportTransaction {
  const unique = (id: string, n: number) => id.slice(0, 24) + n.toString(16).toUpperCase().padStart(8, '0');
  const transactionId = unique(tx.transactionId, 2 * index);
  const original = unique(tx.originalTransactionId ?? tx.transactionId, 2 * index + 1);
  const originalTransactionId = {
    SALE: null,
    VOID: transactionId, // a void keeps the sale's ID
    REVERSAL: original, // an 835 reversal always names the claim it reverses
    REFUND: tx.originalTransactionId === null ? null : original,
    CHARGEBACK: tx.originalTransactionId === null ? null : original,
  }[tx.kind];
  return { ...tx, transactionId, originalTransactionId };
}

const transactions = (kinds: TransactionKind[]) =>
  fc
    .array(fc.tuple(draft, fc.constantFrom(...kinds)), { maxLength: 12 })
    .map((list) => list.map(([tx, kind], index) => finish({ ...tx, kind }, index)));

describe('round trip: parseReport(write(transactions)) returns the same transactions', () => {
  it('X12 835', () => {
    fc.assert(
      fc.property(transactions(['SALE', 'REFUND', 'REVERSAL']), fc.integer({ min: 1, max: 999_999_999 }), (txs, controlNumber) => {
        const written = write835(txs, { payeeName: 'MAPLE GROVE PEDIATRICS', payeeId: '1467589012', controlNumber, date: new Date('2026-11-25T23:15:00Z') });
        expect(detectFormat(written)).toBe('X12_835');
        expect(parseReport(written).transactions).toEqual(txs);
      }),
    );
  });

  it('IMDPA10, with and without the header record', () => {
    fc.assert(
      fc.property(transactions(['SALE', 'REFUND', 'VOID', 'CHARGEBACK']), fc.boolean(), (txs, header) => {
        const written = writeImdpa(txs, { merchantId: 'MGPEDS01', storeId: '0001', terminalId: 'WEB01', date: new Date('2026-11-25T23:00:00Z'), header });
        if (txs.length > 0) expect(detectFormat(written)).toBe('IMDPA');
        expect(parseReport(written, 'IMDPA').transactions).toEqual(txs);
      }),
    );
  });

  it('Waystar CSV', () => {
    fc.assert(
      fc.property(transactions(['SALE', 'REFUND']), (txs) => {
        const written = writeWaystarCsv(txs);
        expect(detectFormat(written)).toBe('WAYSTAR_CSV');
        expect(parseReport(written).transactions).toEqual(txs);
      }),
    );
  });

  it('InstaMed webhook', () => {
    fc.assert(
      fc.property(transactions(['SALE', 'REFUND', 'VOID', 'CHARGEBACK']), (txs) => {
        for (const tx of txs) expect(parseReport(writeInstaMedWebhook(tx)).transactions).toEqual([tx]);
      }),
    );
  });
});
