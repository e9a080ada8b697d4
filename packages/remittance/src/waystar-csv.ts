/**
 * Waystar Daily Transaction Report, CSV (`*PAY.prp.csv`).
 *
 * Source facts (shared/notes/domain.md): date/time, method (card/ACH), card type, Trans Type (Payment or
 * Refund), patient name, Patient Account Number (the chart/MRN), Trans Amount, Net Amount,
 * Status (Declined, Approved, Funded), authorization code.
 *
 * Layout we chose: a header row naming the columns below; columns are found by name (case and surrounding
 * spaces ignored), so their order does not matter. Our sources list no transaction ID, which posting needs,
 * so we add "Transaction ID" and, for refunds, "Original Transaction ID".
 *
 *   Date/Time               MM/DD/YYYY hh:mm:ss AM|PM, or 24-hour without AM/PM; read as UTC (our sources do
 *                           not give Waystar's zone). An ISO 8601 time with a zone is accepted too.
 *   Payment Method          Card | ACH | anything else (OTHER); "Credit Card", "eCheck" are understood
 *   Card Type               VISA, MASTERCARD, ...
 *   Trans Type              Payment -> SALE, Refund -> REFUND (nothing else exists in this report)
 *   Patient Name            as sent, e.g. "Rivera, Sofia" (quoted, it has a comma)
 *   Patient Account Number  empty = unknown
 *   Trans Amount            dollars, positive ("$1,234.56" is accepted); a negative refund amount is read as its size
 *   Net Amount              after fees; informational, summed into meta.netTotal (refunds subtract)
 *   Status                  Declined -> skipped (meta.skippedDeclined); Approved, Funded -> a transaction
 *   Authorization Code
 *   Transaction ID          required
 *   Original Transaction ID the payment a refund gives back, when known
 *
 * Required columns: Date/Time, Trans Type, Trans Amount, Status, Transaction ID. Parsed with csv-parse.
 */
import { parse } from 'csv-parse/sync';
import { centsToDecimalString, parseDecimalToCents } from '@kinpay/money';
import { ReportFormatError, assertWritable, emptyToNull, isoFromUtcFields } from './types.ts';
import type { ParsedReport, PaymentMethod, ReportTransaction } from './types.ts';

export const WAYSTAR_COLUMNS = [
  'Date/Time', 'Payment Method', 'Card Type', 'Trans Type', 'Patient Name', 'Patient Account Number',
  'Trans Amount', 'Net Amount', 'Status', 'Authorization Code', 'Transaction ID', 'Original Transaction ID',
] as const;
type Column = (typeof WAYSTAR_COLUMNS)[number];
const REQUIRED: Column[] = ['Date/Time', 'Trans Type', 'Trans Amount', 'Status', 'Transaction ID'];

interface Row {
  info: { lines: number };
  record: string[];
}

export function parseWaystarCsv(content: string): ParsedReport {
  let rows: Row[];
  try {
    // csv-parse types `info: true` records as string[][]; at run time they are { info, record }.
    rows = parse(content, { bom: true, info: true, skip_empty_lines: true, trim: true }) as unknown as Row[];
  } catch (error) {
    throw new ReportFormatError(`The CSV file cannot be read: ${error instanceof Error ? error.message : String(error)}.`);
  }
  const [header, ...records] = rows;
  if (!header) throw new ReportFormatError('The CSV file is empty.');

  const index = new Map<Column, number>();
  header.record.forEach((name, i) => {
    const column = WAYSTAR_COLUMNS.find((c) => c.toLowerCase() === name.trim().toLowerCase());
    if (column !== undefined) index.set(column, i);
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length > 0) throw new ReportFormatError(`The CSV header lacks the column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}.`);

  const transactions: ReportTransaction[] = [];
  let skippedDeclined = 0;
  let netCents = 0;
  for (const { info, record } of records) {
    const line = info.lines;
    const cell = (column: Column) => {
      const i = index.get(column);
      return i === undefined ? '' : (record[i] ?? '').trim();
    };
    const status = cell('Status').toLowerCase();
    if (status === 'declined') {
      skippedDeclined += 1;
      continue;
    }
    if (status !== 'approved' && status !== 'funded') {
      throw new ReportFormatError(`Line ${line}: status "${cell('Status')}" is not Declined, Approved or Funded.`);
    }
    const type = cell('Trans Type').toLowerCase();
    if (type !== 'payment' && type !== 'refund') {
      throw new ReportFormatError(`Line ${line}: Trans Type "${cell('Trans Type')}" is not Payment or Refund.`);
    }
    const transactionId = cell('Transaction ID');
    if (transactionId === '') throw new ReportFormatError(`Line ${line}: the Transaction ID is empty.`);

    const amountCents = readDollars(cell('Trans Amount'), 'Trans Amount', line);
    if (amountCents === 0 || (amountCents < 0 && type === 'payment')) {
      throw new ReportFormatError(`Line ${line}: Trans Amount "${cell('Trans Amount')}" must be more than zero for a ${cell('Trans Type')}.`);
    }
    if (cell('Net Amount') !== '') {
      const net = Math.abs(readDollars(cell('Net Amount'), 'Net Amount', line));
      netCents += type === 'refund' ? -net : net;
    }

    const occurredAt = readDateTime(cell('Date/Time'));
    if (occurredAt === null) throw new ReportFormatError(`Line ${line}: Date/Time "${cell('Date/Time')}" is not a date like 11/25/2026 02:30:15 PM.`);

    const refund = type === 'refund';
    transactions.push({
      transactionId,
      kind: refund ? 'REFUND' : 'SALE',
      amountCents: Math.abs(amountCents),
      accountNumber: emptyToNull(cell('Patient Account Number')),
      payerName: emptyToNull(cell('Patient Name')),
      method: readMethod(cell('Payment Method')),
      cardType: emptyToNull(cell('Card Type')),
      authorizationNumber: emptyToNull(cell('Authorization Code')),
      occurredAt,
      originalTransactionId: refund ? emptyToNull(cell('Original Transaction ID')) : null,
    });
  }
  return {
    format: 'WAYSTAR_CSV',
    transactions,
    meta: { rows: String(records.length), skippedDeclined: String(skippedDeclined), netTotal: centsToDecimalString(netCents) },
  };
}

function readDollars(text: string, column: string, line: number): number {
  try {
    return parseDecimalToCents(text);
  } catch {
    throw new ReportFormatError(`Line ${line}: ${column} "${text}" is not an amount of dollars and cents.`);
  }
}

function readMethod(text: string): PaymentMethod {
  if (/card/i.test(text)) return 'CARD';
  if (/^(ach|e-?check)$/i.test(text)) return 'ACH';
  return 'OTHER';
}

/** MM/DD/YYYY hh:mm[:ss] [AM|PM] as UTC, or ISO 8601 with a zone. */
function readDateTime(text: string): string | null {
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/.exec(text);
  if (us) {
    let hour = Number(us[4]);
    const meridiem = us[7]?.toUpperCase();
    if (meridiem !== undefined) {
      if (hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (meridiem === 'PM' ? 12 : 0);
    }
    return isoFromUtcFields(Number(us[3]), Number(us[1]), Number(us[2]), hour, Number(us[5]), Number(us[6] ?? 0));
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) {
    const time = Date.parse(text);
    return Number.isNaN(time) ? null : new Date(time).toISOString();
  }
  return null;
}

/** Writes SALE and REFUND as Payment and Refund rows with Status Approved. */
export function writeWaystarCsv(transactions: ReportTransaction[]): string {
  const rows: string[][] = [[...WAYSTAR_COLUMNS]];
  for (const tx of transactions) {
    const when = assertWritable(tx, 'writeWaystarCsv');
    if (tx.kind !== 'SALE' && tx.kind !== 'REFUND') {
      throw new RangeError(`writeWaystarCsv: ${tx.kind} ${tx.transactionId} cannot be expressed in a Waystar report (Payment or Refund only)`);
    }
    const amount = centsToDecimalString(tx.amountCents);
    rows.push([
      usDateTime(when),
      tx.method === 'CARD' ? 'Card' : tx.method === 'ACH' ? 'ACH' : 'Other',
      tx.cardType ?? '',
      tx.kind === 'SALE' ? 'Payment' : 'Refund',
      tx.payerName ?? '',
      tx.accountNumber ?? '',
      amount,
      amount,
      'Approved',
      tx.authorizationNumber ?? '',
      tx.transactionId,
      tx.kind === 'REFUND' ? (tx.originalTransactionId ?? '') : '',
    ]);
  }
  return rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

/** RFC 4180 quoting. The reader trims cells, so a value with surrounding spaces is refused rather than changed. */
function quote(value: string): string {
  if (value !== value.trim()) throw new RangeError(`writeWaystarCsv: "${value}" has surrounding spaces, which the report cannot keep`);
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function usDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const hour = date.getUTCHours() % 12 || 12;
  return (
    `${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}/${date.getUTCFullYear()} ` +
    `${pad(hour)}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${date.getUTCHours() < 12 ? 'AM' : 'PM'}`
  );
}
