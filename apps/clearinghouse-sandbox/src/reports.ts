// The report feed's files: a settlement batch rendered as the clearinghouse's end-of-day file
// with the portal's own writers (@kinpay/remittance), and each payment as InstaMed's notice.
// Pure functions of the batch: the same batch always gives the same name and the same bytes.
import { write835, writeImdpa, writeInstaMedWebhook, writeWaystarCsv, type ReportTransaction } from '@kinpay/remittance';
import type { PaymentRecord, SettledPayment, SettlementBatch } from './store.ts';
import type { ClearinghouseCode } from './validation.ts';

export type FeedFormat = 'X12_835' | 'IMDPA' | 'WAYSTAR_CSV';

/** The formats each clearinghouse's feed offers; the first is the default. */
export const FEED_FORMATS: Record<ClearinghouseCode, readonly FeedFormat[]> = {
  INSTAMED: ['X12_835', 'IMDPA'],
  WAYSTAR: ['WAYSTAR_CSV'],
};

export function parseFeedFormat(clearinghouse: ClearinghouseCode, value: unknown): FeedFormat | null {
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  return FEED_FORMATS[clearinghouse].find((f) => f === code) ?? null;
}

/**
 * InstaMed: `[Account]_dpa835_[YYYYMMDD]_[seq].rep` (X12 835) and `[Account]_IMDPA10_[YYYYMMDD]_[seq].txt`;
 * Waystar: `[Account]_[YYYYMMDD]_[seq]PAY.prp.csv`. Account = the practice's clearinghouse ID,
 * date = the batch's creation day in UTC, seq = the batch's sequence number.
 */
export function reportName(batch: SettlementBatch, format: FeedFormat): string {
  const account = batch.practiceClearinghouseId;
  const ymd = batch.createdAt.slice(0, 10).replaceAll('-', '');
  switch (format) {
    case 'X12_835':
      return `${account}_dpa835_${ymd}_${batch.sequence}.rep`;
    case 'IMDPA':
      return `${account}_IMDPA10_${ymd}_${batch.sequence}.txt`;
    case 'WAYSTAR_CSV':
      return `${account}_${ymd}_${batch.sequence}PAY.prp.csv`;
  }
}

export const CONTENT_TYPES: Record<FeedFormat, string> = {
  X12_835: 'text/plain; charset=utf-8',
  IMDPA: 'text/plain; charset=utf-8',
  WAYSTAR_CSV: 'text/csv; charset=utf-8',
};

/** The file's text. Throws only if the batch holds something no file can carry (never, for what the store accepts). */
export function renderReport(batch: SettlementBatch, format: FeedFormat): string {
  const transactions = batch.payments.map(toReportTransaction);
  const date = new Date(batch.createdAt);
  switch (format) {
    case 'X12_835':
      return write835(transactions, {
        payeeName: batch.practiceClearinghouseId,
        payeeId: x12PayeeId(batch.practiceClearinghouseId),
        controlNumber: batch.sequence,
        date,
      });
    case 'IMDPA':
      return writeImdpa(transactions, { merchantId: batch.practiceClearinghouseId, date });
    case 'WAYSTAR_CSV':
      return writeWaystarCsv(transactions);
  }
}

/** The notice InstaMed would post to the portal for this payment: Approved for a sale, Refunded for a refund. */
export function renderNotice(payment: PaymentRecord): string {
  return writeInstaMedWebhook(toReportTransaction(payment), payment.type === 'SALE' ? 'Approved' : 'Refunded');
}

/**
 * A recorded payment as the clearinghouse reports it. Times are cut to whole seconds, as every
 * format carries them, so a file reads back to exactly these transactions.
 */
export function toReportTransaction(p: SettledPayment): ReportTransaction {
  return {
    transactionId: p.transactionId,
    kind: p.type,
    amountCents: p.amountCents,
    accountNumber: p.unknownAccount ? null : p.accountNumber,
    payerName: reportPayerName(p.payerName),
    method: 'CARD',
    // VISA or MASTERCARD, as the writers take them (write835 puts it in BPR11 as is).
    cardType: p.cardType,
    authorizationNumber: p.authorizationNumber,
    occurredAt: `${p.createdAt.slice(0, 19)}.000Z`,
    originalTransactionId: p.type === 'REFUND' ? p.refundOf : null,
  };
}

/** "Sofia Rivera" -> "RIVERA, SOFIA" (the last word is taken as the family name); "" -> null. */
export function reportPayerName(name: string): string | null {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const last = words.pop()!;
  return (words.length ? `${last}, ${words.join(' ')}` : last).toUpperCase();
}

/** ISA08 and N1*PE take 2 to 15 characters; InstaMed Payment IDs run to 50, so longer ones are cut. */
function x12PayeeId(id: string): string {
  return id.slice(0, 15);
}
