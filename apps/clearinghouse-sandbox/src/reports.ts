// The report feed's files: a settlement batch rendered as the clearinghouse's end-of-day file in the
// publishers' layouts with the portal's own writers (@kinpay/remittance), and each payment as InstaMed's
// notice. Pure functions of the batch: the same batch always gives the same name and the same bytes.
import {
  IMDPA_VERSIONS,
  UNKNOWN_ACCOUNT,
  asNewYorkWallClock,
  dpa835FileName,
  write835,
  writeImdpa,
  writeInstaMedNotice,
  writeWaystarCsv,
  type ImdpaVersion,
  type NoticeEncoding,
  type ReportTransaction,
} from '@kinpay/remittance';
import type { PaymentRecord, SettledPayment, SettlementBatch } from './store.ts';
import type { CardType, ClearinghouseCode } from './validation.ts';

export type FeedFormat = 'X12_835' | 'IMDPA' | 'WAYSTAR_CSV';

/** A file format and, for IMDPA, the EOD Posting File version. */
export interface FeedChoice {
  format: FeedFormat;
  /** Only for IMDPA. */
  version?: ImdpaVersion;
}

/** The formats each clearinghouse's feed offers; the first is the default. */
export const FEED_FORMATS: Record<ClearinghouseCode, readonly FeedFormat[]> = {
  INSTAMED: ['X12_835', 'IMDPA'],
  WAYSTAR: ['WAYSTAR_CSV'],
};

/** The EOD Posting File version served when `version` is not given. */
export const DEFAULT_IMDPA_VERSION: ImdpaVersion = 'IMDPA14';
export { IMDPA_VERSIONS };

/**
 * The NPI the sandbox writes as the payee in every 835 (N1*PE N104, ISA08, GS03): a well-formed test
 * number, since the sandbox knows practices only by their clearinghouse ID.
 */
export const SANDBOX_NPI = '1234567893';

/** Lockbox number in the 1.2.2 header (published as 1 to 4 digits). */
export const SANDBOX_LOCKBOX = '0001';

export function parseFeedFormat(clearinghouse: ClearinghouseCode, value: unknown): FeedFormat | null {
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  return FEED_FORMATS[clearinghouse].find((f) => f === code) ?? null;
}

export function parseImdpaVersion(value: unknown): ImdpaVersion | null {
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  return IMDPA_VERSIONS.find((v) => v === code) ?? null;
}

/** Every file a batch can be served as: each format, and IMDPA in each version. */
export function feedChoices(clearinghouse: ClearinghouseCode): FeedChoice[] {
  return FEED_FORMATS[clearinghouse].flatMap<FeedChoice>((format) =>
    format === 'IMDPA' ? IMDPA_VERSIONS.map((version) => ({ format, version })) : [{ format }],
  );
}

/** The default file of each format, for links: X12 835 and IMDPA14 for InstaMed, the CSV for Waystar. */
export function defaultChoices(clearinghouse: ClearinghouseCode): FeedChoice[] {
  return FEED_FORMATS[clearinghouse].map((format) => (format === 'IMDPA' ? { format, version: DEFAULT_IMDPA_VERSION } : { format }));
}

/** YYYYMMDD of the batch's creation in New York (InstaMed's business day). */
function batchDay(batch: SettlementBatch): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(batch.createdAt),
  );
  return parts.replaceAll('-', '');
}

/**
 * InstaMed X12 835: its published standard, `[Account Name]_dpa835_[YYYYMMDD]_[seq#].rep`; IMDPA (no
 * published standard): `[Account]_[version]_[YYYYMMDD]_[seq].txt`; Waystar: `[Account]_[YYYYMMDD]_[seq]PAY.prp.csv`
 * (Avea: the names end in PAY.prp.csv). Account = the practice's clearinghouse ID, date = the batch's
 * creation day in New York, seq = the batch's sequence number.
 */
export function reportName(batch: SettlementBatch, choice: FeedChoice): string {
  const account = batch.practiceClearinghouseId;
  const ymd = batchDay(batch);
  switch (choice.format) {
    case 'X12_835':
      return dpa835FileName(account, ymd, batch.sequence);
    case 'IMDPA':
      return `${account}_${choice.version ?? DEFAULT_IMDPA_VERSION}_${ymd}_${batch.sequence}.txt`;
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
export function renderReport(batch: SettlementBatch, choice: FeedChoice): string {
  const transactions = batch.payments.map((p) => toReportTransaction(p, choice.format));
  switch (choice.format) {
    case 'X12_835':
      return write835(transactions, {
        payeeName: batch.practiceClearinghouseId,
        npi: SANDBOX_NPI,
        controlNumber: batch.sequence,
        date: new Date(batch.createdAt),
      });
    case 'IMDPA': {
      const version = choice.version ?? DEFAULT_IMDPA_VERSION;
      return writeImdpa(transactions, {
        version,
        merchantId: batch.practiceClearinghouseId,
        ...(version === 'IMDPA12_HD' ? { captureDate: batchDay(batch), lockboxNumber: SANDBOX_LOCKBOX } : {}),
      });
    }
    case 'WAYSTAR_CSV':
      return writeWaystarCsv(transactions, { accountName: batch.practiceClearinghouseId });
  }
}

/** The notice InstaMed would post to the portal for this payment: Approved for a sale, Refunded for a refund. */
export function renderNotice(payment: PaymentRecord, encoding: NoticeEncoding = 'json'): { body: string; contentType: string } {
  return writeInstaMedNotice(toReportTransaction(payment, 'INSTAMED_WEBHOOK'), { encoding, merchantId: payment.practiceClearinghouseId });
}

/** Card brands as each format writes them: InstaMed's published VISA/MC; Waystar's (per Avea) Visa/Mastercard. */
const CARD_TYPES: Record<'INSTAMED' | 'WAYSTAR', Record<CardType, string>> = {
  INSTAMED: { VISA: 'VISA', MASTERCARD: 'MC' },
  WAYSTAR: { VISA: 'Visa', MASTERCARD: 'Mastercard' },
};

/**
 * A recorded payment as the clearinghouse reports it in `format`, so that the file reads back to exactly
 * these transactions: times cut to whole seconds (no format carries fractions); in wall-clock formats a time
 * in the hour New York repeats in November is reported as the first pass (what the file can say);
 * what a format cannot carry is left out: the 835 has no card brand, and the EOD Posting File and Waystar's
 * report name no sale for a refund.
 */
export function toReportTransaction(p: SettledPayment, format: FeedFormat | 'INSTAMED_WEBHOOK'): ReportTransaction {
  const seconds = `${p.createdAt.slice(0, 19)}.000Z`;
  const instamed = format !== 'WAYSTAR_CSV';
  const payerName = reportPayerName(p.payerName);
  // InstaMed writes 9999 for an account it did not know; typing 9999 ends up the same.
  const unknown = p.unknownAccount === true || (instamed && p.accountNumber === UNKNOWN_ACCOUNT);
  return {
    transactionId: p.transactionId,
    kind: p.type,
    amountCents: p.amountCents,
    accountNumber: unknown ? null : p.accountNumber,
    // "Patient" is what InstaMed's 835 writes for no name.
    payerName: format === 'X12_835' && payerName?.toLowerCase() === 'patient' ? null : format === 'IMDPA' ? fitNameFields(payerName) : payerName,
    method: 'CARD',
    cardType: format === 'X12_835' ? null : CARD_TYPES[instamed ? 'INSTAMED' : 'WAYSTAR'][p.cardType],
    authorizationNumber: p.authorizationNumber,
    occurredAt: format === 'IMDPA' || format === 'WAYSTAR_CSV' ? asNewYorkWallClock(seconds) : seconds,
    originalTransactionId: p.type === 'REFUND' && (format === 'X12_835' || format === 'INSTAMED_WEBHOOK') ? p.refundOf : null,
    location: '',
  };
}

/** The name on the card as the payer typed it, spaces tidied: "Sofia  Rivera " -> "Sofia Rivera"; "" -> null. */
export function reportPayerName(name: string): string | null {
  const tidy = name.trim().split(/\s+/).filter(Boolean).join(' ');
  return tidy === '' ? null : tidy;
}

/**
 * The EOD Posting File's name fields hold 50 characters each (the sandbox accepts names up to 60): a name
 * whose first, middle or last part is longer is cut to fit, as the file would show it.
 */
function fitNameFields(name: string | null): string | null {
  if (name === null) return null;
  const words = name.split(' ');
  const cut = (text: string) => text.slice(0, 50).trim();
  if (words.length === 1) return cut(name);
  return [cut(words[0]!), cut(words.slice(1, -1).join(' ')), cut(words.at(-1)!)].filter(Boolean).join(' ');
}
