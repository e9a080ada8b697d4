// Builds clearinghouse report files for tests with the same writers the sandbox uses, so tests
// post what practices really receive: InstaMed's dpa835 and IMDPA posting files, Waystar's daily
// report and InstaMed's notices, in their published layouts.
import { write835, writeImdpa, writeInstaMedNotice, writeWaystarCsv, type ReportTransaction } from '@kinpay/remittance';

let seq = 0;
/** 32 hex characters, unique in the test run, like InstaMed's. */
export const newTransactionId = () => `${Date.now().toString(16)}${(++seq).toString(16)}`.padStart(32, 'a').slice(-32);

export function saleOf(accountNumber: string | null, amountCents: number, overrides: Partial<ReportTransaction> = {}): ReportTransaction {
  return {
    transactionId: newTransactionId(),
    kind: 'SALE',
    amountCents,
    accountNumber,
    payerName: 'Sofia Rivera',
    method: 'CARD',
    cardType: null,
    authorizationNumber: String(100000 + seq),
    occurredAt: '2026-11-25T15:30:00.000Z',
    originalTransactionId: null,
    location: '',
    ...overrides,
  };
}

export function refundOf(sale: ReportTransaction, amountCents: number): ReportTransaction {
  return { ...sale, transactionId: newTransactionId(), kind: 'REFUND', amountCents, originalTransactionId: sale.transactionId };
}

/** The NPI tests' practices use in their 835s (a valid NPI: Luhn over 80840 + the first nine digits). */
export const TEST_NPI = '1234567893';

export const an835 = (transactions: ReportTransaction[], options: { npi?: string; usage?: 'P' | 'T' } = {}) =>
  write835(transactions, {
    payeeName: 'TEST PEDIATRICS',
    npi: options.npi ?? TEST_NPI,
    controlNumber: ++seq,
    date: new Date('2026-11-25T23:00:00Z'),
    usage: options.usage ?? 'P',
  });

export const anImdpa = (transactions: ReportTransaction[], options: { merchantId?: string } = {}) =>
  writeImdpa(transactions, { version: 'IMDPA14', merchantId: options.merchantId ?? 'TESTMID01' });

export const aWaystarReport = (transactions: ReportTransaction[], options: { accountName?: string } = {}) =>
  writeWaystarCsv(transactions, { accountName: options.accountName ?? 'Test Pediatrics' });

export const aNotice = (transaction: ReportTransaction, encoding: 'json' | 'xml' | 'nvp' = 'json') => writeInstaMedNotice(transaction, { encoding });
