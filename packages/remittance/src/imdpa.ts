/**
 * InstaMed pipe-delimited posting file, version 10 ("IMDPA10").
 *
 * Source facts (shared/notes/domain.md): merchant/store/terminal IDs, transaction type (CreditCard, eCheck,
 * DebitCard, Cash), action (AuthCapt, or Credit = refund with a positive amount), card type, TransactionID
 * (32 hex), authorization number, date CCYYMMDDHHMMSS, status code (A, C, CB, D, RI, S, SE, V), patient name,
 * Patient Account Number, address, AdditionalInfo1-6. Later versions add header/detail records and a Return
 * action. InstaMed sends 9999 when it does not know the Patient Account Number.
 *
 * Layout we chose (the column order is not in our sources):
 *
 *   H|IMDPA10|<MerchantID>|<file date CCYYMMDD>|<number of D records>          optional header, first line
 *   D|<23 detail fields>                                                        detail, with a header
 *   <23 detail fields>                                                          detail, header-less file
 *
 *   Detail fields, in order:
 *    1 MerchantID   2 StoreID   3 TerminalID   4 TransactionType   5 Action   6 CardType
 *    7 TransactionID (32 hex)   8 AuthorizationNumber   9 Amount (decimal dollars, always positive)
 *   10 TransactionDate CCYYMMDDHHMMSS (read as UTC; our sources do not give InstaMed's zone)
 *   11 StatusCode   12 PatientName   13 PatientAccountNumber (9999 = unknown)
 *   14 Address   15 City   16 State   17 ZipCode   18-23 AdditionalInfo1-6
 *   AdditionalInfo1 carries the original TransactionID for Credit, Return, V and CB records.
 *
 * Mapping (status first, then action):
 *   D (declined), SE (settlement error)  -> skipped, counted in meta (no money moved)
 *   V (void)                             -> VOID; a void keeps the sale's TransactionID, so the original is
 *                                           AdditionalInfo1 or else the TransactionID itself
 *   CB (chargeback)                      -> CHARGEBACK
 *   A, C, S, RI with AuthCapt            -> SALE;  with Credit or Return -> REFUND
 *   RI's meaning is not in our sources; it is taken to be a state of a payment that moved money.
 *   TransactionType CreditCard/DebitCard -> CARD, eCheck -> ACH, Cash -> OTHER.
 * The writer writes the header form; CARD as CreditCard, OTHER as Cash; every kind can be written.
 */
import { centsToDecimalString, parseDecimalToCents } from '@kinpay/money';
import {
  ReportFormatError,
  UNKNOWN_ACCOUNT,
  accountFromInstaMed,
  assertNoDelimiters,
  assertWritable,
  emptyToNull,
  isoFromCompact,
  utcParts,
} from './types.ts';
import type { ParsedReport, PaymentMethod, ReportTransaction, TransactionKind } from './types.ts';

export const IMDPA_VERSION = 'IMDPA10';
const DETAIL_FIELDS = 23;
const SKIPPED_STATUSES: Record<string, string> = { D: 'skippedDeclined', SE: 'skippedSettlementError' };
const MONEY_STATUSES = new Set(['A', 'C', 'S', 'RI']);
const METHODS: Record<string, PaymentMethod> = { CreditCard: 'CARD', DebitCard: 'CARD', eCheck: 'ACH', Cash: 'OTHER' };

export function parseImdpa(content: string): ParsedReport {
  const lines = content.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const meta: Record<string, string> = { skippedDeclined: '0', skippedSettlementError: '0' };
  const transactions: ReportTransaction[] = [];
  let declaredCount: number | null = null;
  let detailCount = 0;

  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    if (line.trim() === '') return;
    const fields = line.split('|');
    if (fields[0] === 'H') {
      if (detailCount > 0 || declaredCount !== null) throw new ReportFormatError(`Line ${lineNumber}: a header record (H) may only be the first line.`);
      if (!fields[1]?.startsWith('IMDPA')) throw new ReportFormatError(`Line ${lineNumber}: the header does not name an IMDPA version.`);
      if (fields[1] !== IMDPA_VERSION) throw new ReportFormatError(`Line ${lineNumber}: the file is ${fields[1]}; this portal reads ${IMDPA_VERSION}.`);
      meta.version = fields[1];
      meta.merchantId = fields[2] ?? '';
      meta.fileDate = fields[3] ?? '';
      if (!/^\d+$/.test(fields[4] ?? '')) throw new ReportFormatError(`Line ${lineNumber}: the header's record count "${fields[4] ?? ''}" is not a number.`);
      declaredCount = Number(fields[4]);
      return;
    }
    // With a header every detail starts with D; without one, a line is the detail fields alone.
    if (declaredCount !== null) {
      if (fields[0] !== 'D') throw new ReportFormatError(`Line ${lineNumber}: expected a detail record starting with "D|", found "${fields[0]}|".`);
      fields.shift();
    }
    detailCount += 1;
    const result = readDetail(fields, lineNumber);
    if (typeof result === 'string') meta[result] = String(Number(meta[result] ?? 0) + 1);
    else transactions.push(result);
  });

  if (declaredCount !== null && declaredCount !== detailCount) {
    throw new ReportFormatError(`The header says the file has ${declaredCount} detail records but it has ${detailCount}; it may have been cut off.`);
  }
  meta.records = String(detailCount);
  return { format: 'IMDPA', transactions, meta };
}

/** Returns the transaction, or the meta key to count it under when no money moved. */
function readDetail(fields: string[], line: number): ReportTransaction | string {
  if (fields.length !== DETAIL_FIELDS) {
    throw new ReportFormatError(`Line ${line} has ${fields.length} fields; an IMDPA10 detail record has ${DETAIL_FIELDS}.`);
  }
  const field = (n: number) => (fields[n - 1] ?? '').trim();
  const [type, action, transactionId, amountText, dateText, status] = [field(4), field(5), field(7), field(9), field(10), field(11)];

  const skippedKey = SKIPPED_STATUSES[status];
  if (skippedKey !== undefined) return skippedKey;

  const method = METHODS[type];
  if (method === undefined) throw new ReportFormatError(`Line ${line}: transaction type "${type}" is not CreditCard, DebitCard, eCheck or Cash.`);
  if (!/^[0-9A-Fa-f]{32}$/.test(transactionId)) {
    throw new ReportFormatError(`Line ${line}: TransactionID "${transactionId}" is not 32 hexadecimal characters.`);
  }
  let amountCents: number;
  try {
    amountCents = parseDecimalToCents(amountText);
  } catch {
    throw new ReportFormatError(`Line ${line}: amount "${amountText}" is not an amount of dollars and cents.`);
  }
  if (amountCents <= 0) throw new ReportFormatError(`Line ${line}: amount "${amountText}" must be positive; the action says which way the money went.`);
  const occurredAt = /^\d{14}$/.test(dateText) ? isoFromCompact(dateText.slice(0, 8), dateText.slice(8)) : null;
  if (occurredAt === null) throw new ReportFormatError(`Line ${line}: date "${dateText}" is not a valid CCYYMMDDHHMMSS date.`);

  let kind: TransactionKind;
  const originalFromFile = emptyToNull(field(18));
  let originalTransactionId = originalFromFile;
  if (status === 'V') {
    kind = 'VOID';
    originalTransactionId = originalFromFile ?? transactionId;
  } else if (status === 'CB') {
    kind = 'CHARGEBACK';
  } else if (MONEY_STATUSES.has(status)) {
    if (action === 'AuthCapt') kind = 'SALE';
    else if (action === 'Credit' || action === 'Return') kind = 'REFUND';
    else throw new ReportFormatError(`Line ${line}: action "${action}" is not AuthCapt, Credit or Return.`);
    if (kind === 'SALE') originalTransactionId = null;
  } else {
    throw new ReportFormatError(`Line ${line}: status code "${status}" is not one of A, C, CB, D, RI, S, SE, V.`);
  }

  return {
    transactionId,
    kind,
    amountCents,
    accountNumber: accountFromInstaMed(field(13)),
    payerName: emptyToNull(field(12)),
    method,
    cardType: emptyToNull(field(6)),
    authorizationNumber: emptyToNull(field(8)),
    occurredAt,
    originalTransactionId,
  };
}

export interface WriteImdpaOptions {
  /** Default "KINPAY". */
  merchantId?: string;
  /** Default "0001". */
  storeId?: string;
  /** Default "WEB". */
  terminalId?: string;
  /** File date for the header, in UTC. Default: the latest transaction's date (the day the report covers). */
  date?: Date;
  /** Write the H record and D prefixes (default true). */
  header?: boolean;
}

const TYPES: Record<PaymentMethod, string> = { CARD: 'CreditCard', ACH: 'eCheck', OTHER: 'Cash' };

export function writeImdpa(transactions: ReportTransaction[], options: WriteImdpaOptions = {}): string {
  const { merchantId = 'KINPAY', storeId = '0001', terminalId = 'WEB', header: withHeader = true } = options;
  assertNoDelimiters([merchantId, storeId, terminalId], ['|', '\n', '\r'], 'writeImdpa');
  const lines = transactions.map((tx) => {
    const when = assertWritable(tx, 'writeImdpa');
    if (!/^[0-9A-Fa-f]{32}$/.test(tx.transactionId)) throw new RangeError(`writeImdpa: TransactionID "${tx.transactionId}" is not 32 hexadecimal characters`);
    const at = utcParts(when);
    const fields = [
      merchantId, storeId, terminalId,
      TYPES[tx.method],
      action(tx.kind, tx.method),
      tx.cardType ?? '',
      tx.transactionId,
      tx.authorizationNumber ?? '',
      centsToDecimalString(tx.amountCents),
      at.ymd + at.hms,
      status(tx.kind),
      tx.payerName ?? '',
      tx.accountNumber ?? UNKNOWN_ACCOUNT,
      '', '', '', '',
      tx.kind === 'SALE' ? '' : (tx.originalTransactionId ?? ''),
      '', '', '', '', '',
    ];
    assertNoDelimiters(fields, ['|', '\n', '\r'], 'writeImdpa');
    return withHeader ? `D|${fields.join('|')}` : fields.join('|');
  });
  if (withHeader) {
    const latest = transactions.reduce<Date | null>((max, tx) => {
      const at = new Date(tx.occurredAt);
      return max === null || at > max ? at : max;
    }, null);
    const fileDate = options.date ?? latest ?? new Date();
    lines.unshift(['H', IMDPA_VERSION, merchantId, utcParts(fileDate).ymd, String(transactions.length)].join('|'));
  }
  return lines.map((l) => `${l}\r\n`).join('');
}

function action(kind: TransactionKind, method: PaymentMethod): string {
  if (kind === 'REFUND') return method === 'ACH' ? 'Return' : 'Credit';
  return 'AuthCapt';
}

function status(kind: TransactionKind): string {
  switch (kind) {
    case 'SALE':
    case 'REFUND':
      return 'S';
    case 'VOID':
      return 'V';
    case 'CHARGEBACK':
      return 'CB';
    case 'REVERSAL':
      // IMDPA has no reversal; refusing beats posting it as something else.
      throw new RangeError('writeImdpa: REVERSAL cannot be expressed in IMDPA; leave it out or use the 835');
  }
}
