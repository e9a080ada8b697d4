/**
 * InstaMed's completion notice (webhook), JSON form: one notice, at most one transaction.
 *
 * Source facts (shared/notes/domain.md): the notice carries patient info, amount, date and TransactionID;
 * events Approved, Declined, Voided, Refunded, Returned, Chargeback, Settlement, Error. A void keeps the
 * TransactionID; refund/return/chargeback get a new one. InstaMed sends 9999 for an unknown account.
 *
 * Layout (field names are ours where the sources give none):
 *   { "EventType": "Approved", "TransactionID": "<32 hex>", "OriginalTransactionID": "<32 hex>"?,
 *     "Amount": "40.00", "TransactionDate": "2026-11-25T14:30:15Z", "PatientAccountNumber": "100234",
 *     "PatientName": "RIVERA, SOFIA", "PaymentMethod": "CreditCard" | "DebitCard" | "eCheck" | "Cash",
 *     "CardType": "VISA", "AuthorizationNumber": "A1B2C3" }
 *   Amount may also be a JSON number (read through its decimal text, never as a float); a negative amount
 *   is read as its size except on Approved. A TransactionDate without a zone is read as UTC.
 *
 * Mapping: Approved -> SALE; Voided -> VOID (originalTransactionId = OriginalTransactionID, else the
 * TransactionID, since a void keeps it); Refunded, Returned -> REFUND; Chargeback -> CHARGEBACK;
 * Declined, Error, Settlement -> no transaction (counted in meta).
 */
import { centsToDecimalString, parseDecimalToCents } from '@kinpay/money';
import { ReportFormatError, UNKNOWN_ACCOUNT, accountFromInstaMed, assertWritable, emptyToNull } from './types.ts';
import type { ParsedReport, PaymentMethod, ReportTransaction, TransactionKind } from './types.ts';

export const INSTAMED_EVENTS = ['Approved', 'Declined', 'Voided', 'Refunded', 'Returned', 'Chargeback', 'Settlement', 'Error'] as const;
export type InstaMedEvent = (typeof INSTAMED_EVENTS)[number];

const KIND_OF_EVENT: Record<InstaMedEvent, TransactionKind | null> = {
  Approved: 'SALE',
  Voided: 'VOID',
  Refunded: 'REFUND',
  Returned: 'REFUND',
  Chargeback: 'CHARGEBACK',
  Declined: null,
  Error: null,
  Settlement: null,
};
const SKIP_KEY: Partial<Record<InstaMedEvent, string>> = { Declined: 'skippedDeclined', Error: 'skippedError', Settlement: 'skippedSettlement' };

export function parseInstaMedWebhook(content: string): ParsedReport {
  let notice: unknown;
  try {
    notice = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch {
    throw new ReportFormatError('The InstaMed notice is not valid JSON.');
  }
  if (typeof notice !== 'object' || notice === null || Array.isArray(notice)) {
    throw new ReportFormatError('The InstaMed notice is not a JSON object.');
  }
  const record = notice as Record<string, unknown>;
  const text = (name: string): string => {
    const raw = record[name];
    if (raw === undefined || raw === null) return '';
    if (typeof raw === 'string') return raw.trim();
    if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
    throw new ReportFormatError(`The InstaMed notice's ${name} is not text.`);
  };

  const event = text('EventType');
  if (!isEvent(event)) throw new ReportFormatError(`The InstaMed notice's EventType "${event}" is not one of ${INSTAMED_EVENTS.join(', ')}.`);
  const meta: Record<string, string> = { eventType: event };
  const transactionId = text('TransactionID');
  if (transactionId !== '') meta.transactionId = transactionId;

  const kind = KIND_OF_EVENT[event];
  if (kind === null) {
    meta[SKIP_KEY[event] ?? 'skipped'] = '1';
    return { format: 'INSTAMED_WEBHOOK', transactions: [], meta };
  }
  if (transactionId === '') throw new ReportFormatError(`The InstaMed ${event} notice has no TransactionID.`);

  let amountCents: number;
  try {
    amountCents = parseDecimalToCents(text('Amount'));
  } catch {
    throw new ReportFormatError(`The InstaMed notice's Amount "${text('Amount')}" is not an amount of dollars and cents.`);
  }
  if (amountCents === 0 || (amountCents < 0 && kind === 'SALE')) {
    throw new ReportFormatError(`The InstaMed ${event} notice's Amount "${text('Amount')}" must be more than zero.`);
  }

  const occurredAt = readTimestamp(text('TransactionDate'));
  if (occurredAt === null) throw new ReportFormatError(`The InstaMed notice's TransactionDate "${text('TransactionDate')}" is not an ISO 8601 date and time.`);

  const original = emptyToNull(text('OriginalTransactionID'));
  const transaction: ReportTransaction = {
    transactionId,
    kind,
    amountCents: Math.abs(amountCents),
    accountNumber: accountFromInstaMed(text('PatientAccountNumber')),
    payerName: emptyToNull(text('PatientName')),
    method: readMethod(text('PaymentMethod')),
    cardType: emptyToNull(text('CardType')),
    authorizationNumber: emptyToNull(text('AuthorizationNumber')),
    occurredAt,
    originalTransactionId: kind === 'SALE' ? null : kind === 'VOID' ? (original ?? transactionId) : original,
  };
  return { format: 'INSTAMED_WEBHOOK', transactions: [transaction], meta };
}

function isEvent(value: string): value is InstaMedEvent {
  return (INSTAMED_EVENTS as readonly string[]).includes(value);
}

function readMethod(text: string): PaymentMethod {
  if (/card/i.test(text)) return 'CARD';
  if (/^(ach|e-?check)$/i.test(text)) return 'ACH';
  return 'OTHER';
}

function readTimestamp(text: string): string | null {
  const match = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (!match) return null;
  // Without a zone, Date.parse would use the server's local time; the notice means UTC.
  const time = Date.parse(match[3] === undefined ? `${text}Z` : text);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

const EVENT_OF_KIND: Partial<Record<TransactionKind, InstaMedEvent>> = {
  SALE: 'Approved',
  VOID: 'Voided',
  REFUND: 'Refunded',
  CHARGEBACK: 'Chargeback',
};
const METHOD_NAMES: Record<PaymentMethod, string> = { CARD: 'CreditCard', ACH: 'eCheck', OTHER: 'Cash' };

/** The notice InstaMed would send for this transaction; `event` overrides the one implied by its kind. */
export function writeInstaMedWebhook(transaction: ReportTransaction, event?: string): string {
  const when = assertWritable(transaction, 'writeInstaMedWebhook');
  const eventType = event ?? EVENT_OF_KIND[transaction.kind];
  if (eventType === undefined) throw new RangeError(`writeInstaMedWebhook: InstaMed sends no notice for a ${transaction.kind}`);
  if (!isEvent(eventType)) throw new RangeError(`writeInstaMedWebhook: "${eventType}" is not an InstaMed event (${INSTAMED_EVENTS.join(', ')})`);
  const notice: Record<string, string> = {
    EventType: eventType,
    TransactionID: transaction.transactionId,
  };
  if (transaction.kind !== 'SALE' && transaction.originalTransactionId !== null) notice.OriginalTransactionID = transaction.originalTransactionId;
  Object.assign(notice, {
    Amount: centsToDecimalString(transaction.amountCents),
    TransactionDate: when.toISOString(),
    PatientAccountNumber: transaction.accountNumber ?? UNKNOWN_ACCOUNT,
    PatientName: transaction.payerName ?? '',
    PaymentMethod: METHOD_NAMES[transaction.method],
    CardType: transaction.cardType ?? '',
    AuthorizationNumber: transaction.authorizationNumber ?? '',
  });
  return JSON.stringify(notice, null, 2);
}
