/**
 * InstaMed "EOD Posting File", pipe-delimited: versions 1.0 (IMDPA10), 1.1.1 (IMDPA11), 1.2 / 1.2 CR
 * (IMDPA12), 1.2.2 (header `H` + details `D|IMDPA12|...`), 1.3 (IMDPA13), 1.4 (IMDPA14).
 * Layouts from InstaMed's pages as summarized in docs/published-formats.md (Part A); README.md says
 * where the pages stop and what we read there.
 *
 * Fields (1-based; in 1.2.2 every detail field is one further right, after the `D`):
 *    1 Record ID    2 Merchant ID    3 Store ID    4 Terminal ID    5 Payment Transaction Type
 *    6 Payment Transaction Action    7 Amount    8 Card Type    9 Transaction ID
 *   10 Authorization Number    11 Transaction Date (CCYYMMDDHHMMSS)    12 Transaction Status Code
 *   13 Patient LastName    14 Patient FirstName    15 Patient MiddleName    16 Patient Account Number
 *   17-21 Patient address    22-27 AdditionalInfo1-6
 *   28 User, 29 Transaction Code (1.1.1 on; as published)
 *   our reading of the unseen positions: 1.3 then 30 Guarantor ID, 31 Guarantor First Name,
 *   32 Guarantor Last Name; 1.4 then 33 Response Code, 34 Response Message, then reserved fields.
 */
import { centsToDecimalString } from '@kinpay/money';
import type { ParsedReport, PaymentMethod, ReportTransaction, SkippedRecord, TransactionKind } from './contract.ts';
import {
  PLAIN_DECIMAL,
  TRANSACTION_ID,
  UNKNOWN_ACCOUNT,
  accountFromInstaMed,
  assertNoDelimiters,
  assertWritable,
  centsWithinCeiling,
  emptyToNull,
  fail,
  joinName,
  splitName,
} from './shared.ts';
import { compactFields, compactWallTime, wallTimeToIso } from './time.ts';
import { splitLines, stripBom } from './text.ts';

/** The layouts Kinpay reads and writes. IMDPA12_HD is EOD Posting File 1.2.2 (H and D lines). */
export const IMDPA_VERSIONS = ['IMDPA10', 'IMDPA11', 'IMDPA12', 'IMDPA12_HD', 'IMDPA13', 'IMDPA14'] as const;
export type ImdpaVersion = (typeof IMDPA_VERSIONS)[number];

/** For staff: which page each layout comes from. */
export const IMDPA_VERSION_NAMES: Record<ImdpaVersion, string> = {
  IMDPA10: 'EOD Posting File 1.0 (IMDPA10)',
  IMDPA11: 'EOD Posting File 1.1.1 (IMDPA11)',
  IMDPA12: 'EOD Posting File 1.2 (IMDPA12)',
  IMDPA12_HD: 'EOD Posting File 1.2.2 (H/D lines, IMDPA12)',
  IMDPA13: 'EOD Posting File 1.3 (IMDPA13)',
  IMDPA14: 'EOD Posting File 1.4 (IMDPA14)',
};

/** Fields a detail line must have (after the `D` of 1.2.2), and what the writer writes. */
const PUBLISHED_FIELDS = 27;
const WRITTEN_FIELDS: Record<ImdpaVersion, number> = {
  IMDPA10: 27,
  IMDPA11: 29,
  IMDPA12: 29,
  // 1.2.2's page is cut inside detail field 27: we write the 27 fields every version shares.
  IMDPA12_HD: 27,
  IMDPA13: 32,
  IMDPA14: 34,
};

/** Field 6 values, by version: Return is published from 1.2 on. */
const ACTIONS_10 = ['AuthCapt', 'Credit'];
const ACTIONS_12 = ['AuthCapt', 'Credit', 'Return'];
const ACTIONS: Record<ImdpaVersion, string[]> = {
  IMDPA10: ACTIONS_10,
  IMDPA11: ACTIONS_10,
  IMDPA12: ACTIONS_12,
  IMDPA12_HD: ACTIONS_12,
  IMDPA13: ACTIONS_12,
  IMDPA14: ACTIONS_12,
};

const METHODS = new Map<string, PaymentMethod>([
  ['creditcard', 'CARD'],
  ['debitcard', 'CARD'],
  ['echeck', 'ACH'],
  ['cash', 'CASH'],
]);

/** Field 12. The code table is unpublished; see the README ("Transaction Status Code: our reading"). */
export type StatusEffect =
  | { effect: 'money' } // kind from the action
  | { effect: 'skip'; reason: string }
  | { effect: 'undo'; kind: TransactionKind }; // of this transaction ID
export const IMDPA_STATUS_EFFECTS: ReadonlyMap<string, StatusEffect> = new Map<string, StatusEffect>([
  ['A', { effect: 'money' }],
  ['C', { effect: 'money' }],
  ['S', { effect: 'money' }],
  ['D', { effect: 'skip', reason: 'declined (status D): no money moved' }],
  ['V', { effect: 'undo', kind: 'VOID' }],
  ['CB', { effect: 'undo', kind: 'CHARGEBACK' }],
  ['RI', { effect: 'undo', kind: 'RETURN' }],
  ['SE', { effect: 'undo', kind: 'VOID' }],
]);

const describeLayout = (v: ImdpaVersion) => (v === 'IMDPA12_HD' ? 'IMDPA12 with H/D lines (1.2.2)' : v);

// ---------------------------------------------------------------------------------------------- reading

/** The layout named by the first non-empty line, or null. */
export function imdpaLayoutOf(firstLine: string): ImdpaVersion | 'unknown' | null {
  if (/^H\|/.test(firstLine) || /^D\|IMDPA/.test(firstLine)) return 'IMDPA12_HD';
  const id = /^(IMDPA\d\d)\|/.exec(firstLine)?.[1];
  if (id === undefined) return null;
  // IMDPA12_HD is never a record ID: it has no two digits at its end.
  return (IMDPA_VERSIONS as readonly string[]).includes(id) ? (id as ImdpaVersion) : 'unknown';
}

export function parseImdpa(content: string): ParsedReport {
  const lines = splitLines(stripBom(content));
  const transactions: ReportTransaction[] = [];
  const skipped: SkippedRecord[] = [];
  const merchantIds: string[] = [];
  const meta: Record<string, string> = {};
  let version: ImdpaVersion | null = null;
  let records = 0;

  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    const location = `line ${lineNumber}`;
    if (line.trim() === '') return;
    const fields = line.split('|');

    if (version === null) {
      const layout = imdpaLayoutOf(line);
      if (layout === null) {
        fail(
          location,
          `the line does not begin with an EOD Posting File record ID (IMDPA10, IMDPA11, IMDPA12, IMDPA13, IMDPA14) or the 1.2.2 header "H|"; this is not an InstaMed EOD Posting File.`,
        );
      }
      if (layout === 'unknown') {
        fail(
          location,
          `record ID ${fields[0]} is not an EOD Posting File version Kinpay reads (IMDPA10, IMDPA11, IMDPA12, IMDPA13, IMDPA14, or 1.2.2 with H/D lines).`,
        );
      }
      version = layout;
      meta.version = version;
      if (version === 'IMDPA12_HD') {
        if (fields[0] !== 'H')
          fail(
            location,
            'an EOD Posting File 1.2.2 begins with its header line ("H|capture date|lockbox number"), but this file begins with a detail line; it may have been cut off.',
          );
        readHeader(fields, location, meta);
        return;
      }
    } else if (version === 'IMDPA12_HD') {
      if (fields[0] === 'H') fail(location, 'a header (H) line may only be the first line of the file.');
      if (fields[0] !== 'D') {
        const other = /^IMDPA\d\d$/.test(fields[0] ?? '') ? ` (this line is ${fields[0]} without the D)` : '';
        fail(location, `expected a detail line "D|IMDPA12|…" in this 1.2.2 file${other}; mixed layouts are not read.`);
      }
    }

    const layout: ImdpaVersion = version;
    const hd = layout === 'IMDPA12_HD';
    const detail = hd ? fields.slice(1) : fields;
    const recordId = detail[0] ?? '';
    const expectedId = hd ? 'IMDPA12' : layout;
    if (recordId !== expectedId) {
      const found = /^IMDPA\d\d$/.test(recordId) ? (hd ? `${recordId} (D line)` : recordId) : `"${recordId}"`;
      fail(location, `this line is ${found} but the file began as ${describeLayout(layout)}; every line of a file must have the same record ID.`);
    }
    if (layout === 'IMDPA10' ? detail.length !== PUBLISHED_FIELDS : detail.length < PUBLISHED_FIELDS) {
      const needed = layout === 'IMDPA10' ? 'exactly 27' : 'at least 27';
      const count = hd ? `${detail.length + 1} fields (${detail.length} after the D)` : `${detail.length} fields`;
      fail(location, `the line has ${count}; an ${describeLayout(layout)} detail has ${needed}${hd ? ' after the D' : ''}.`);
    }
    records += 1;
    const merchantId = (detail[1] ?? '').trim();
    if (merchantId !== '' && !merchantIds.includes(merchantId)) merchantIds.push(merchantId);
    const result = readDetail(detail, layout, location);
    if ('reason' in result) skipped.push(result);
    else transactions.push(result);
  });

  // A day without payments: InstaMed says its daily AMEX file may be empty; we read an empty EOD file the same way.
  meta.records = String(records);
  return {
    format: 'IMDPA',
    version: version === null ? 'EOD Posting File (empty)' : version === 'IMDPA12_HD' ? 'IMDPA12 (1.2.2 H/D)' : version,
    publisher: 'INSTAMED',
    transactions,
    skipped,
    payee: { npis: [], merchantIds, accountNames: [], names: [] },
    test: false,
    balance: null,
    meta,
  };
}

function readHeader(fields: string[], location: string, meta: Record<string, string>): void {
  if (fields.length < 3) fail(location, `the 1.2.2 header has ${fields.length} fields; it has 3 (H, Capture Date, Lockbox Number).`);
  const captureDate = (fields[1] ?? '').trim();
  const date = compactFields(captureDate);
  if (date === null || wallTimeToIso(date) === null) fail(location, `the header's Capture Date "${captureDate}" is not a date written YYYYMMDD.`);
  const lockbox = (fields[2] ?? '').trim();
  if (!/^\d+$/.test(lockbox)) fail(location, `the header's Lockbox Number "${lockbox}" is not a number.`);
  meta.captureDate = `${captureDate.slice(0, 4)}-${captureDate.slice(4, 6)}-${captureDate.slice(6)}`;
  meta.lockboxNumber = lockbox;
}

/** Reads fields 1.. of a detail (for 1.2.2, after the D). */
function readDetail(detail: string[], layout: ImdpaVersion, location: string): ReportTransaction | SkippedRecord {
  const field = (n: number) => (detail[n - 1] ?? '').trim();
  const status = field(12);
  const effect = IMDPA_STATUS_EFFECTS.get(status);
  if (effect === undefined) {
    fail(location, `Transaction Status Code "${status}" (field 12) is not one Kinpay knows (A, C, S, D, V, CB, RI, SE); the file was not posted.`);
  }
  if (effect.effect === 'skip') return { location, reason: effect.reason };

  const transactionId = field(9);
  if (!TRANSACTION_ID.test(transactionId)) {
    fail(location, `Transaction ID "${transactionId}" (field 9) is not 1 to 50 letters and digits.`);
  }

  const action = field(6);
  if (!ACTIONS[layout].includes(action)) {
    fail(location, `Payment Transaction Action "${action}" (field 6) is not one ${describeLayout(layout)} publishes (${ACTIONS[layout].join(', ')}).`);
  }

  const typeText = field(5);
  const cardType = emptyToNull(field(8));
  let method = METHODS.get(typeText.toLowerCase());
  if (method === undefined) {
    // 1.2.2's page lists the action values under field 6 (Payment Transaction Type), apparently a typo.
    if (layout === 'IMDPA12_HD' && ACTIONS_12.includes(typeText)) method = cardType === null ? 'OTHER' : 'CARD';
    else fail(location, `Payment Transaction Type "${typeText}" (field 5) is not CreditCard, DebitCard, eCheck or Cash.`);
  }

  const amountText = field(7);
  if (!PLAIN_DECIMAL.test(amountText)) {
    fail(location, `the Amount "${amountText}" (field 7) is not a positive decimal amount like 40.00.`);
  }
  const amountCents = centsWithinCeiling(amountText, location, 'file');
  if (amountCents === 0) return { location, reason: `the amount is 0.00: no money moved (transaction ${transactionId})` };

  const dateText = field(11);
  const fields = dateText.length === 14 ? compactFields(dateText.slice(0, 8), dateText.slice(8)) : null;
  const occurredAt = fields && wallTimeToIso(fields);
  if (!occurredAt) fail(location, `the Transaction Date "${dateText}" (field 11) is not a date and time written CCYYMMDDHHMMSS.`);

  let kind: TransactionKind;
  let originalTransactionId: string | null;
  if (effect.effect === 'undo') {
    // V, CB, RI, SE undo the transaction with this ID (a void keeps the sale's ID).
    kind = effect.kind;
    originalTransactionId = transactionId;
  } else {
    kind = action === 'AuthCapt' ? 'SALE' : action === 'Credit' ? 'REFUND' : 'RETURN';
    // No published field names the sale a refund gives back: the refund waits for staff.
    originalTransactionId = null;
  }

  return {
    transactionId,
    kind,
    amountCents,
    accountNumber: accountFromInstaMed(field(16)),
    payerName: joinName(field(14), field(15), field(13)),
    method,
    cardType,
    authorizationNumber: emptyToNull(field(10)),
    occurredAt,
    originalTransactionId,
    location,
  };
}

// ---------------------------------------------------------------------------------------------- writing

export interface WriteImdpaOptions {
  version: ImdpaVersion;
  /** Field 2 (AN 1-50). */
  merchantId: string;
  /** Field 3; InstaMed's default is 1. */
  storeId?: string;
  /** Field 4; default 1. */
  terminalId?: string;
  /** 1.2.2 header: the file's date, as a Date (its New York day) or YYYYMMDD. Default: the latest transaction's day. */
  captureDate?: Date | string;
  /** 1.2.2 header: the lockbox number, 1 to 4 digits as published. Required for IMDPA12_HD. */
  lockboxNumber?: string;
}

const CARD_TYPES = ['VISA', 'MC', 'AMEX', 'DISCOVER', 'OTHER'];
const TYPE_OF_METHOD: Partial<Record<PaymentMethod, string>> = { CARD: 'CreditCard', ACH: 'eCheck', CASH: 'Cash' };
const DELIMITERS = ['|', '\n', '\r'];

/**
 * One line per transaction, CRLF line ends, the published fields in their places. Each kind is written
 * the way the reader reads it back: SALE AuthCapt/S; REFUND Credit/S; RETURN Return/S (1.2 on; no
 * original) or AuthCapt/RI (original = its own ID); VOID AuthCapt/V and CHARGEBACK AuthCapt/CB (original =
 * its own ID). REVERSAL, a refund naming its sale, CHECK/OTHER methods and unpublished card types are refused.
 */
export function writeImdpa(transactions: ReportTransaction[], options: WriteImdpaOptions): string {
  const { version, merchantId, storeId = '1', terminalId = '1' } = options;
  if (!IMDPA_VERSIONS.includes(version)) throw new RangeError(`writeImdpa: version must be one of ${IMDPA_VERSIONS.join(', ')}, got "${String(version)}"`);
  for (const [name, value, max] of [
    ['merchantId', merchantId, 50],
    ['storeId', storeId, 50],
    ['terminalId', terminalId, 50],
  ] as const) {
    if (typeof value !== 'string' || value.trim() === '' || value.trim() !== value || value.length > max) {
      throw new RangeError(`writeImdpa: ${name} must be 1 to ${max} characters without surrounding spaces, got "${String(value)}"`);
    }
  }
  assertNoDelimiters([merchantId, storeId, terminalId], DELIMITERS, 'writeImdpa');
  const hd = version === 'IMDPA12_HD';
  if (!hd && (options.captureDate !== undefined || options.lockboxNumber !== undefined)) {
    throw new RangeError(`writeImdpa: ${version} has no header line; captureDate and lockboxNumber are for IMDPA12_HD`);
  }

  const lines = transactions.map((tx) => {
    const fields = detailFields(tx, version, { merchantId, storeId, terminalId });
    return hd ? `D|${fields.join('|')}` : fields.join('|');
  });
  if (hd) lines.unshift(headerLine(transactions, options));
  return lines.map((l) => `${l}\r\n`).join('');
}

function headerLine(transactions: ReportTransaction[], options: WriteImdpaOptions): string {
  const lockbox = options.lockboxNumber;
  if (lockbox === undefined || !/^\d{1,4}$/.test(lockbox)) {
    throw new RangeError(`writeImdpa: IMDPA12_HD needs lockboxNumber, 1 to 4 digits as published, got "${String(lockbox)}"`);
  }
  let captureDate: string;
  if (typeof options.captureDate === 'string') {
    const fields = compactFields(options.captureDate);
    if (fields === null || wallTimeToIso(fields) === null) throw new RangeError(`writeImdpa: captureDate must be YYYYMMDD, got "${options.captureDate}"`);
    captureDate = options.captureDate;
  } else {
    const latest = transactions.reduce<number | null>((max, tx) => Math.max(max ?? -Infinity, Date.parse(tx.occurredAt)), null);
    const at = options.captureDate?.getTime() ?? latest;
    if (at === null || Number.isNaN(at)) throw new RangeError('writeImdpa: captureDate is needed for a 1.2.2 file without transactions');
    captureDate = compactWallTime(at).slice(0, 8);
  }
  return `H|${captureDate}|${lockbox}`;
}

function detailFields(tx: ReportTransaction, version: ImdpaVersion, ids: { merchantId: string; storeId: string; terminalId: string }): string[] {
  const when = assertWritable(tx, 'writeImdpa');
  if (!TRANSACTION_ID.test(tx.transactionId)) throw new RangeError(`writeImdpa: transactionId "${tx.transactionId}" is not 1 to 50 letters and digits`);
  const type = TYPE_OF_METHOD[tx.method];
  if (type === undefined)
    throw new RangeError(`writeImdpa: method ${tx.method} of ${tx.transactionId} cannot be written (CreditCard, DebitCard, eCheck or Cash only)`);
  if (tx.cardType !== null && (tx.method !== 'CARD' || !CARD_TYPES.includes(tx.cardType))) {
    throw new RangeError(`writeImdpa: card type "${tx.cardType}" of ${tx.transactionId} is not one published (${CARD_TYPES.join(', ')}) for a card payment`);
  }
  if (tx.accountNumber === UNKNOWN_ACCOUNT) throw new RangeError(`writeImdpa: account number 9999 of ${tx.transactionId} would read back as unknown; use null`);
  const { action, status } = actionAndStatus(tx, version);
  const name = splitName(tx.payerName, 'writeImdpa');

  const written = compactWallTime(when.getTime());
  const readBack = wallTimeToIso(compactFields(written.slice(0, 8), written.slice(8))!);
  if (readBack !== when.toISOString()) {
    throw new RangeError(`writeImdpa: ${tx.occurredAt} falls in the hour New York repeats when daylight saving time ends; CCYYMMDDHHMMSS cannot say which`);
  }

  const fields = [
    version === 'IMDPA12_HD' ? 'IMDPA12' : version,
    ids.merchantId,
    ids.storeId,
    ids.terminalId,
    type,
    action,
    centsToDecimalString(tx.amountCents),
    tx.cardType ?? '',
    tx.transactionId,
    tx.authorizationNumber ?? '',
    written,
    status,
    name.last,
    name.first,
    name.middle,
    tx.accountNumber ?? '',
  ];
  while (fields.length < WRITTEN_FIELDS[version]) fields.push('');
  assertNoDelimiters(fields, DELIMITERS, 'writeImdpa');
  for (const [value, max, what] of [
    [name.last, 50, 'last name'],
    [name.first, 50, 'first name'],
    [name.middle, 50, 'middle name'],
    [tx.accountNumber, 50, 'account number'],
    [tx.authorizationNumber, 50, 'authorization number'],
  ] as const) {
    if (value !== null && value.length > max) throw new RangeError(`writeImdpa: the ${what} "${value}" is longer than the ${max} characters published`);
  }
  return fields;
}

function actionAndStatus(tx: ReportTransaction, version: ImdpaVersion): { action: string; status: string } {
  const own = tx.originalTransactionId === tx.transactionId;
  switch (tx.kind) {
    case 'SALE':
      return { action: 'AuthCapt', status: 'S' };
    case 'REFUND':
      if (tx.originalTransactionId !== null)
        throw new RangeError(`writeImdpa: REFUND ${tx.transactionId} names its sale, which no published field carries; use originalTransactionId null`);
      return { action: 'Credit', status: 'S' };
    case 'RETURN':
      if (own) return { action: 'AuthCapt', status: 'RI' };
      if (tx.originalTransactionId !== null)
        throw new RangeError(`writeImdpa: RETURN ${tx.transactionId} names another transaction as original, which no published field carries`);
      if (!ACTIONS[version].includes('Return')) throw new RangeError(`writeImdpa: ${version} has no Return action (published from 1.2 on)`);
      return { action: 'Return', status: 'S' };
    case 'VOID':
    case 'CHARGEBACK':
      if (!own)
        throw new RangeError(
          `writeImdpa: ${tx.kind} ${tx.transactionId} must have its own ID as originalTransactionId (status ${tx.kind === 'VOID' ? 'V' : 'CB'} undoes the transaction with that ID)`,
        );
      return { action: 'AuthCapt', status: tx.kind === 'VOID' ? 'V' : 'CB' };
    case 'REVERSAL':
      throw new RangeError(`writeImdpa: REVERSAL ${tx.transactionId} cannot be written in an EOD Posting File (an 835 reversal only)`);
  }
}
