// What every reader returns and every caller relies on: the API posts from `ParsedReport`, the
// support tool prints it, the sandbox writes the same transactions back out. No I/O here.

export type ReportFormat = 'X12_835' | 'IMDPA' | 'WAYSTAR_CSV' | 'INSTAMED_WEBHOOK';

/** Who publishes the format, and so whose transaction IDs a report's transactions carry. */
export type Publisher = 'INSTAMED' | 'WAYSTAR';

/**
 * SALE: money received. REFUND: money given back (a new transaction at the clearinghouse).
 * REVERSAL: an 835 reversal (CLP02 = 22). VOID: the sale cancelled before settlement (InstaMed keeps
 * the sale's transaction ID). RETURN: an eCheck the family's bank returned. CHARGEBACK: the card
 * holder's bank took the money back.
 */
export type TransactionKind = 'SALE' | 'REFUND' | 'REVERSAL' | 'VOID' | 'RETURN' | 'CHARGEBACK';

export type PaymentMethod = 'CARD' | 'ACH' | 'CASH' | 'CHECK' | 'OTHER';

/**
 * The largest single transaction Kinpay posts: $1,000,000.00. A patient payment above it is far more
 * likely a damaged or hostile file than a family's payment, so the file fails with a reason instead.
 * Sums of many such amounts stay exact in JavaScript numbers and in the 64-bit money columns.
 */
export const MAX_TRANSACTION_CENTS = 100_000_000;

export interface ReportTransaction {
  /**
   * The clearinghouse's transaction ID: the posting key, with the kind and the clearinghouse.
   * Waystar's report has none; its reader derives a stable one (see the package README).
   */
  transactionId: string;
  kind: TransactionKind;
  /** Positive integer cents, at most MAX_TRANSACTION_CENTS; the kind says which way the money goes. */
  amountCents: number;
  /** Patient Account Number as sent; null when the clearinghouse did not know it (InstaMed sends 9999). */
  accountNumber: string | null;
  /** The payer as sent, e.g. "Sofia Rivera". */
  payerName: string | null;
  method: PaymentMethod;
  /** Card brand as sent (VISA, MC, AMEX, ...), only from a field that carries the brand. */
  cardType: string | null;
  authorizationNumber: string | null;
  /** ISO 8601 in UTC ('Z'). */
  occurredAt: string;
  /** For REFUND/REVERSAL/VOID/CHARGEBACK: the sale it undoes, when the file says. */
  originalTransactionId: string | null;
  /** Where it is in the file, for messages staff read: "line 4", "transaction set 0002 (segment 14)". */
  location: string;
}

/** A record that moved no money (declined, settlement error, ...), kept so staff can see why. */
export interface SkippedRecord {
  location: string;
  reason: string;
}

/**
 * The payees a report names, as far as its format says: every distinct value, in file order (a file
 * normally names one). Compared with the practice's identifiers, when it has set them.
 */
export interface ReportPayee {
  /** X12 835 N1*PE N104 where N103 = XX. */
  npis: string[];
  /** InstaMed posting files (field 2) and notices: Merchant ID. */
  merchantIds: string[];
  /** Waystar: Account Name. */
  accountNames: string[];
  /** Display names, when the file gives them (X12 835 N1*PE N102). */
  names: string[];
}

export interface ParsedReport {
  format: ReportFormat;
  /** What the file says it is, for staff: "IMDPA14", "dpa835 1.0 (005010X221A1)", "Daily Transaction Report", "JSON notice". */
  version: string;
  publisher: Publisher;
  transactions: ReportTransaction[];
  skipped: SkippedRecord[];
  payee: ReportPayee;
  /** The sender flagged it as test data (X12 ISA15 = T). */
  test: boolean;
  /** The format's own totals check, in words (e.g. the 835's BPR02 against its CLP04s); null when it has none. */
  balance: string | null;
  /** Control numbers, file date, counts: informational. */
  meta: Record<string, string>;
}

/** A file we cannot post from. The message is a sentence billing staff can read. */
export class ReportFormatError extends Error {
  override name = 'ReportFormatError';
}

/** An insurance payer's remittance (ERA) where a patient-payment file was expected. */
export class InsuranceRemittanceError extends ReportFormatError {
  override name = 'InsuranceRemittanceError';
  constructor(readonly payer: string) {
    super(`This is an insurance remittance (ERA) from ${payer}, not a patient payment file; Kinpay posts patient payments.`);
  }
}
