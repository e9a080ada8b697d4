/**
 * Waystar "Daily Transaction Report for Patient Payments" (`*PAY.prp.csv`): the previous day's card and
 * ACH payments. Waystar publishes no description; Avea Office's help page lists what the report holds
 * (docs/published-formats.md, Part G.1). Everything about its exact layout is our reading (README):
 *
 * - A header row; columns found by name, case and spacing ignored, in any order: Account Name,
 *   Transaction Date/Time, Point of Entry, Method of Payment, Card Type, Trans Type, Patient First Name,
 *   Patient Last Name, Patient Middle Initial (or one Patient Name), Patient Account Number, Trans Amount,
 *   Net Amount, Status, Auth, User. Required: Transaction Date/Time, Trans Type, Trans Amount, Status,
 *   Patient Account Number.
 * - Status Declined -> skipped; Approved, Funded -> money; anything else fails the file.
 * - Trans Type Payment -> SALE, Refund -> REFUND (the report names no sale: the refund waits for staff).
 * - Amount: Net Amount ("the amount approved") when given, else Trans Amount; `$`, thousands separators
 *   and a minus on refunds accepted.
 * - The report has no transaction ID: one is derived (waystarTransactionId).
 */
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { centsToDecimalString } from '@kinpay/money';
import { ReportFormatError } from './contract.ts';
import type { ParsedReport, PaymentMethod, ReportTransaction, SkippedRecord } from './contract.ts';
import { assertWritable, centsWithinCeiling, emptyToNull, fail, joinName, splitName } from './shared.ts';
import { readIsoDateTime, wallTimeAt, wallTimeToIso } from './time.ts';

/** Avea's names for the columns, in the order its page lists them (the writer's order). */
export const WAYSTAR_COLUMNS = [
  'Account Name',
  'Transaction Date/Time',
  'Point of Entry',
  'Method of Payment',
  'Card Type',
  'Trans Type',
  'Patient First Name',
  'Patient Last Name',
  'Patient Middle Initial',
  'Patient Account Number',
  'Trans Amount',
  'Net Amount',
  'Status',
  'Auth',
  'User',
] as const;
type Column = (typeof WAYSTAR_COLUMNS)[number] | 'Patient Name';
const READ_COLUMNS: readonly Column[] = [...WAYSTAR_COLUMNS, 'Patient Name'];
const REQUIRED: Column[] = ['Transaction Date/Time', 'Trans Type', 'Trans Amount', 'Status', 'Patient Account Number'];

// Stryker disable next-line MethodExpression,Regex: equivalent, the same fold applies to both sides of every comparison
const normalize = (name: string) => name.replace(/\s+/g, '').toLowerCase();
const BY_NORMALIZED = new Map<string, Column>(READ_COLUMNS.map((c) => [normalize(c), c]));

/** True when a CSV header line names the columns Waystar's report is recognised by. */
export function looksLikeWaystarHeader(line: string): boolean {
  const names = new Set(line.split(',').map((cell) => normalize(cell.replace(/^"|"$/g, ''))));
  return names.has(normalize('Trans Type')) && names.has(normalize('Trans Amount'));
}

interface Row {
  info: { lines: number };
  record: string[];
}

export function parseWaystarCsv(content: string): ParsedReport {
  let rows: Row[];
  try {
    // csv-parse types `info: true` records as string[][]; at run time they are { info, record }.
    rows = parse(content, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as Row[];
  } catch (error) {
    throw new ReportFormatError(`The CSV file cannot be read: ${error instanceof Error ? error.message : String(error)}.`);
  }
  const [header, ...records] = rows;
  if (!header) throw new ReportFormatError('The CSV file is empty; a Daily Transaction Report begins with a header row.');

  const index = new Map<Column, number>();
  header.record.forEach((name, i) => {
    const column = BY_NORMALIZED.get(normalize(name));
    if (column === undefined) return;
    if (index.has(column)) fail(`line ${header.info.lines}`, `the header names the column "${column}" twice.`);
    index.set(column, i);
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length > 0) {
    throw new ReportFormatError(
      `The CSV header lacks the column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}; this is not a Waystar Daily Transaction Report Kinpay can read.`,
    );
  }

  const transactions: ReportTransaction[] = [];
  const skipped: SkippedRecord[] = [];
  const accountNames: string[] = [];
  const seen = new Map<string, number>();
  for (const { info, record } of records) {
    const location = `line ${info.lines}`;
    // A column the header lacks reads as empty.
    const cell = (column: Column) => (record[index.get(column) ?? -1] ?? '').trim();
    if (record.length !== header.record.length) {
      fail(location, `the row has ${record.length} cells but the header has ${header.record.length}.`);
    }
    const accountName = cell('Account Name');
    if (accountName !== '' && !accountNames.includes(accountName)) accountNames.push(accountName);

    const status = cell('Status').toLowerCase();
    if (status === 'declined') {
      skipped.push({ location, reason: 'declined: no money moved' });
      continue;
    }
    if (status !== 'approved' && status !== 'funded') {
      fail(location, `Status "${cell('Status')}" is not Declined, Approved or Funded; the file was not posted.`);
    }
    const type = cell('Trans Type').toLowerCase();
    if (type !== 'payment' && type !== 'refund') fail(location, `Trans Type "${cell('Trans Type')}" is not Payment or Refund.`);

    const transCents = readDollars(cell('Trans Amount'), 'Trans Amount', location, type);
    const netText = cell('Net Amount');
    const amountCents = netText === '' ? transCents : readDollars(netText, 'Net Amount', location, type);
    if (amountCents === 0) {
      skipped.push({ location, reason: `the ${netText === '' ? 'Trans' : 'Net'} Amount is 0.00: no money moved` });
      continue;
    }

    const dateText = cell('Transaction Date/Time');
    const occurredAt = readDateTime(dateText);
    if (occurredAt === null) fail(location, `Transaction Date/Time "${dateText}" is not a date and time like 11/25/2026 2:30:15 PM.`);

    const methodText = cell('Method of Payment');
    const auth = cell('Auth');
    const key = waystarTransactionId({
      accountName,
      occurredAt,
      accountNumber: cell('Patient Account Number'),
      transType: type,
      transAmountCents: transCents,
      auth,
      methodOfPayment: methodText,
      cardType: cell('Card Type'),
    });
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);

    transactions.push({
      transactionId: count === 1 ? key : `${key}-${count}`,
      kind: type === 'refund' ? 'REFUND' : 'SALE',
      amountCents,
      accountNumber: emptyToNull(cell('Patient Account Number')),
      payerName: index.has('Patient Name')
        ? emptyToNull(cell('Patient Name'))
        : joinName(cell('Patient First Name'), cell('Patient Middle Initial'), cell('Patient Last Name')),
      method: readMethod(methodText),
      cardType: emptyToNull(cell('Card Type')),
      authorizationNumber: emptyToNull(auth),
      occurredAt,
      // The report names no sale: a refund waits for staff to tie it to one.
      originalTransactionId: null,
      location,
    });
  }
  return {
    format: 'WAYSTAR_CSV',
    version: 'Daily Transaction Report',
    publisher: 'WAYSTAR',
    transactions,
    skipped,
    payee: { npis: [], merchantIds: [], accountNames, names: [] },
    test: false,
    balance: null,
    meta: { rows: String(records.length) },
  };
}

/**
 * The report has no transaction ID. Kinpay derives one from what a payment keeps from one report to the
 * next: `WS-` + 32 hex digits of SHA-256 over Account Name, Transaction Date/Time (as read, in UTC),
 * Patient Account Number, Trans Type, Trans Amount in cents, Auth, Method of Payment and Card Type. Never
 * Status or Net Amount, which change when an Approved payment is Funded. Rows with the same key in one file
 * get -2, -3, ... in file order.
 */
export function waystarTransactionId(parts: {
  accountName: string;
  occurredAt: string;
  accountNumber: string;
  transType: string;
  transAmountCents: number;
  auth: string;
  methodOfPayment: string;
  cardType: string;
}): string {
  const material = JSON.stringify([
    parts.accountName,
    parts.occurredAt,
    parts.accountNumber,
    parts.transType.toLowerCase(),
    Math.abs(parts.transAmountCents),
    parts.auth,
    parts.methodOfPayment,
    parts.cardType,
  ]);
  return `WS-${createHash('sha256').update(material).digest('hex').slice(0, 32)}`;
}

/** "$1,234.56", "1234.56", "-25.00", "-$25.00", "$-25.00"; a minus only on a refund; commas only between thousands. */
function readDollars(text: string, column: string, location: string, type: string): number {
  const m = /^(-)?\$?(-)?((?:[1-9]\d{0,2}(?:,\d{3})+|\d+)(?:\.\d{1,2})?|\.\d{1,2})$/.exec(text.replace(/\s+/g, ''));
  if (!m || (m[1] && m[2])) fail(location, `${column} "${text}" is not an amount of dollars and cents.`);
  if ((m[1] || m[2]) && type !== 'refund') fail(location, `${column} "${text}" is negative on a Payment; only a refund may be written negative.`);
  return centsWithinCeiling(m[3]!, location, 'file');
}

function readMethod(text: string): PaymentMethod {
  if (/card/i.test(text)) return 'CARD';
  if (/^(ach|e-?check)$/i.test(text)) return 'ACH';
  return 'OTHER';
}

/** M/D/YYYY h:mm[:ss] [AM|PM] (New York time, our reading), or ISO 8601. */
function readDateTime(text: string): string | null {
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/.exec(text);
  if (us) {
    let hour = Number(us[4]);
    const meridiem = us[7]?.toUpperCase();
    if (meridiem !== undefined) {
      if (hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (meridiem === 'PM' ? 12 : 0);
    }
    return wallTimeToIso({ year: Number(us[3]), month: Number(us[1]), day: Number(us[2]), hour, minute: Number(us[5]), second: Number(us[6] ?? 0) });
  }
  return readIsoDateTime(text);
}

// ---------------------------------------------------------------------------------------------- writing

export interface WriteWaystarCsvOptions {
  /** The Account Name column: the organization, as Waystar names it. */
  accountName: string;
}

/**
 * Every column Avea lists, in its order; SALE and REFUND rows (Payment, Refund) with Status Approved,
 * Net Amount = Trans Amount, time in New York as M/D/YYYY h:mm:ss AM/PM. Transaction IDs are not written
 * (the report has none; the reader derives them). Refuses refunds that name their sale, and methods
 * other than card and ACH (Avea: "Credit Card or ACH").
 */
export function writeWaystarCsv(transactions: ReportTransaction[], options: WriteWaystarCsvOptions): string {
  const { accountName } = options;
  if (typeof accountName !== 'string' || accountName.trim() === '' || accountName.trim() !== accountName) {
    throw new RangeError(`writeWaystarCsv: accountName must be text without surrounding spaces, got "${String(accountName)}"`);
  }
  const rows: string[][] = [[...WAYSTAR_COLUMNS]];
  for (const tx of transactions) {
    const when = assertWritable(tx, 'writeWaystarCsv');
    if (tx.kind !== 'SALE' && tx.kind !== 'REFUND') {
      throw new RangeError(`writeWaystarCsv: ${tx.kind} ${tx.transactionId} cannot be expressed in a Waystar report (Payment or Refund only)`);
    }
    if (tx.originalTransactionId !== null) throw new RangeError(`writeWaystarCsv: REFUND ${tx.transactionId} names its sale, which the report cannot carry`);
    if (tx.method !== 'CARD' && tx.method !== 'ACH')
      throw new RangeError(`writeWaystarCsv: method ${tx.method} of ${tx.transactionId} cannot be written (Credit Card or ACH)`);
    const name = splitName(tx.payerName, 'writeWaystarCsv');
    const amount = centsToDecimalString(tx.amountCents);
    const text = usDateTime(when);
    if (readDateTime(text) !== when.toISOString()) {
      throw new RangeError(
        `writeWaystarCsv: ${tx.occurredAt} falls in the hour New York repeats when daylight saving time ends; the report's time cannot say which`,
      );
    }
    rows.push([
      accountName,
      text,
      'Web Entry',
      tx.method === 'CARD' ? 'Credit Card' : 'ACH',
      tx.cardType ?? '',
      tx.kind === 'SALE' ? 'Payment' : 'Refund',
      // First name: every word but the last (the middle-initial column is for initials only).
      [name.first, name.middle].filter(Boolean).join(' '),
      name.last,
      '',
      tx.accountNumber ?? '',
      amount,
      amount,
      'Approved',
      tx.authorizationNumber ?? '',
      'WebService',
    ]);
  }
  return rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

/** RFC 4180 quoting. */
function quote(value: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(value)) throw new RangeError(`writeWaystarCsv: "${value}" contains a control character`);
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function usDateTime(date: Date): string {
  const w = wallTimeAt(date.getTime());
  const pad = (n: number) => String(n).padStart(2, '0');
  const hour = w.hour % 12 || 12;
  return `${w.month}/${w.day}/${w.year} ${hour}:${pad(w.minute)}:${pad(w.second)} ${w.hour < 12 ? 'AM' : 'PM'}`;
}
