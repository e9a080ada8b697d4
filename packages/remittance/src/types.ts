import { assertCents } from '@kinpay/money';

export type ReportFormat = 'X12_835' | 'IMDPA' | 'WAYSTAR_CSV' | 'INSTAMED_WEBHOOK';

export type TransactionKind = 'SALE' | 'REFUND' | 'REVERSAL' | 'VOID' | 'CHARGEBACK';

export type PaymentMethod = 'CARD' | 'ACH' | 'OTHER';

export interface ReportTransaction {
  /** The clearinghouse's transaction ID (InstaMed: 32 hex chars). The posting key, with kind. */
  transactionId: string;
  kind: TransactionKind;
  /** Always positive, integer cents; the kind says which way the money goes. */
  amountCents: number;
  /** Patient Account Number as sent; null when the clearinghouse did not know it (InstaMed sends 9999). */
  accountNumber: string | null;
  /** As sent, e.g. "RIVERA, SOFIA". */
  payerName: string | null;
  method: PaymentMethod;
  /** VISA, MASTERCARD, ... as sent. */
  cardType: string | null;
  authorizationNumber: string | null;
  /** ISO 8601 in UTC ('Z'). */
  occurredAt: string;
  /** For REFUND/REVERSAL/VOID/CHARGEBACK: the sale it undoes, when the file says. */
  originalTransactionId: string | null;
}

export interface ParsedReport {
  format: ReportFormat;
  transactions: ReportTransaction[];
  /** e.g. ISA13 control number, file date, counts of skipped records; informational. */
  meta: Record<string, string>;
}

/** A file we cannot post from. The message is a sentence billing staff can read. */
export class ReportFormatError extends Error {
  override name = 'ReportFormatError';
}

/** InstaMed's placeholder when it does not know the Patient Account Number. */
export const UNKNOWN_ACCOUNT = '9999';

export function accountFromInstaMed(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' || trimmed === UNKNOWN_ACCOUNT ? null : trimmed;
}

export function emptyToNull(value: string | undefined | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** Writers refuse what no file could carry rather than write a report that posts wrongly. */
export function assertWritable(tx: ReportTransaction, writer: string): Date {
  assertCents(tx.amountCents, `${writer}: amountCents of ${tx.transactionId}`);
  if (tx.amountCents <= 0) throw new RangeError(`${writer}: amountCents of ${tx.transactionId} must be positive, got ${tx.amountCents}`);
  if (tx.transactionId.trim() === '') throw new RangeError(`${writer}: a transaction has an empty transactionId`);
  const date = new Date(tx.occurredAt);
  if (Number.isNaN(date.getTime())) throw new RangeError(`${writer}: occurredAt of ${tx.transactionId} is not a date: "${tx.occurredAt}"`);
  return date;
}

/** Refuses field values that contain a delimiter of the format (there is no escaping in X12 or IMDPA). */
export function assertNoDelimiters(values: Array<string | null>, delimiters: string[], writer: string): void {
  for (const value of values) {
    if (value === null) continue;
    const found = delimiters.find((d) => value.includes(d));
    if (found !== undefined) throw new RangeError(`${writer}: "${value}" contains the delimiter ${JSON.stringify(found)}`);
  }
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Date -> CCYYMMDD and HHMMSS in UTC. */
export function utcParts(date: Date): { ymd: string; hms: string } {
  return {
    ymd: `${date.getUTCFullYear()}${pad2(date.getUTCMonth() + 1)}${pad2(date.getUTCDate())}`,
    hms: `${pad2(date.getUTCHours())}${pad2(date.getUTCMinutes())}${pad2(date.getUTCSeconds())}`,
  };
}

/**
 * Builds a UTC ISO string from calendar fields, or null when they name no real moment
 * (Date.UTC would silently roll 2026-02-30 over into March).
 */
export function isoFromUtcFields(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): string | null {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString();
}

/** CCYYMMDD[HHMM[SS]] -> ISO string, or null. */
export function isoFromCompact(ymd: string, hms = ''): string | null {
  const d = /^(\d{4})(\d{2})(\d{2})$/.exec(ymd);
  const t = /^(?:(\d{2})(\d{2})(\d{2})?)?$/.exec(hms);
  if (!d || !t) return null;
  return isoFromUtcFields(Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1] ?? 0), Number(t[2] ?? 0), Number(t[3] ?? 0));
}
