// Builds clearinghouse report files for tests with the same writers the sandbox uses.
import { write835, writeImdpa, writeInstaMedWebhook, type ReportTransaction } from '@kinpay/remittance';

let seq = 0;
export const newTransactionId = () => `${Date.now().toString(16)}${(++seq).toString(16)}`.padStart(32, 'a').slice(-32);

export function saleOf(accountNumber: string | null, amountCents: number, overrides: Partial<ReportTransaction> = {}): ReportTransaction {
  return {
    transactionId: newTransactionId(),
    kind: 'SALE',
    amountCents,
    accountNumber,
    payerName: 'RIVERA, SOFIA',
    method: 'CARD',
    cardType: 'VISA',
    authorizationNumber: String(100000 + seq),
    occurredAt: '2026-11-25T15:30:00.000Z',
    originalTransactionId: null,
    ...overrides,
  };
}

export function refundOf(sale: ReportTransaction, amountCents: number): ReportTransaction {
  return { ...sale, transactionId: newTransactionId(), kind: 'REFUND', amountCents, originalTransactionId: sale.transactionId };
}

export const an835 = (transactions: ReportTransaction[]) =>
  write835(transactions, { payeeName: 'TEST PEDIATRICS', payeeId: '1234567890', controlNumber: ++seq, date: new Date('2026-11-25T23:00:00Z') });
export const anImdpa = (transactions: ReportTransaction[]) => writeImdpa(transactions, {} as never);
export const aWebhook = (transaction: ReportTransaction) => writeInstaMedWebhook(transaction);
