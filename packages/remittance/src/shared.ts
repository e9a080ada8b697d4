// Helpers every reader and writer shares: failing with a sentence staff can read, amounts as exact
// cents, InstaMed's "unknown account" placeholder, and the writers' refusals.
import { assertCents, formatCents, parseDecimalToCents } from '@kinpay/money';
import { MAX_TRANSACTION_CENTS, ReportFormatError } from './contract.ts';
import type { ReportTransaction } from './contract.ts';
import { isWholeSecond } from './time.ts';

/** "line 4" -> "Line 4". */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Throws a ReportFormatError "<Location>: <message>". */
export function fail(location: string, message: string): never {
  throw new ReportFormatError(`${capitalize(location)}: ${message}`);
}

/** What a failure stops: a file, or a notice. */
export type Unit = 'file' | 'notice';

/** "$25,000,000.00" for any plain decimal text, however large (formatCents needs a safe integer). */
export function dollarsFromDecimalText(digits: string): string {
  const [whole, fraction = ''] = digits.split('.') as [string, string?];
  const trimmed = whole.replace(/^0+(?=\d)/, '');
  return `$${trimmed.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction.padEnd(2, '0')}`;
}

export function aboveCeilingMessage(amount: string, unit: Unit): string {
  return `the amount ${amount} is above the ${formatCents(MAX_TRANSACTION_CENTS)} Kinpay accepts for one payment; the ${unit} was not posted.`;
}

/**
 * Unsigned decimal text ("40", "40.5", "40.00", ".50", "1,234.56") to cents, failing at `location` when it
 * is above the ceiling (however many digits it has: an 18-digit amount must not escape as a RangeError).
 * The caller has checked that it is an amount parseDecimalToCents reads.
 */
export function centsWithinCeiling(digits: string, location: string, unit: Unit): number {
  // More than 12 characters before the point (after leading zeros) is above $1,000,000.00 with or without commas.
  const whole = digits.split('.')[0]!.replace(/^0+/, '');
  if (whole.length > 12) fail(location, aboveCeilingMessage(dollarsFromDecimalText(digits), unit));
  const cents = parseDecimalToCents(digits);
  if (cents > MAX_TRANSACTION_CENTS) fail(location, aboveCeilingMessage(formatCents(cents), unit));
  return cents;
}

/** Unsigned decimal with at most two decimals, as InstaMed's DEC fields and notices carry it. */
export const PLAIN_DECIMAL = /^(?:\d+(?:\.\d{1,2})?|\.\d{1,2})$/;

/** InstaMed's placeholder when it does not know the Patient Account Number (published on the 835 page). */
export const UNKNOWN_ACCOUNT = '9999';

/** A field's trimmed text: empty -> null. */
export function emptyToNull(value: string): string | null {
  return value === '' ? null : value;
}

/** Patient Account Number (trimmed): empty or 9999 -> null. */
export function accountFromInstaMed(value: string): string | null {
  return value === '' || value === UNKNOWN_ACCOUNT ? null : value;
}

/** Trimmed name parts: "Sofia", "", "Rivera" -> "Sofia Rivera"; all empty -> null. */
export function joinName(...parts: string[]): string | null {
  const words = parts.filter((p) => p !== '');
  return words.length === 0 ? null : words.join(' ');
}

/** InstaMed transaction IDs: AN 1-50, read as letters and digits only. */
export const TRANSACTION_ID = /^[A-Za-z0-9]{1,50}$/;

// ---------------------------------------------------------------------------------------------- writers

/**
 * Checks what every format needs of a transaction and returns its time. Writers refuse what no file
 * could carry rather than write a report that reads back as something else.
 */
export function assertWritable(tx: ReportTransaction, writer: string): Date {
  assertCents(tx.amountCents, `${writer}: amountCents of ${tx.transactionId}`);
  if (tx.amountCents <= 0) throw new RangeError(`${writer}: amountCents of ${tx.transactionId} must be positive, got ${tx.amountCents}`);
  if (tx.amountCents > MAX_TRANSACTION_CENTS) {
    throw new RangeError(`${writer}: amountCents of ${tx.transactionId} is above MAX_TRANSACTION_CENTS (${MAX_TRANSACTION_CENTS}), which no reader accepts`);
  }
  if (tx.kind === 'SALE' && tx.originalTransactionId !== null) {
    throw new RangeError(`${writer}: the SALE ${tx.transactionId} has an originalTransactionId; only undos name a sale`);
  }
  const date = new Date(tx.occurredAt);
  if (Number.isNaN(date.getTime())) throw new RangeError(`${writer}: occurredAt of ${tx.transactionId} is not a date: "${tx.occurredAt}"`);
  if (!isWholeSecond(date.getTime())) throw new RangeError(`${writer}: occurredAt of ${tx.transactionId} has a fraction of a second, which no format carries`);
  if (date.getUTCFullYear() < 1900 || date.getUTCFullYear() > 2999) throw new RangeError(`${writer}: occurredAt of ${tx.transactionId} is outside 1900-2999`);
  for (const [name, value] of [
    ['accountNumber', tx.accountNumber],
    ['payerName', tx.payerName],
    ['cardType', tx.cardType],
    ['authorizationNumber', tx.authorizationNumber],
    ['originalTransactionId', tx.originalTransactionId],
  ] as const) {
    if (value !== null && value.trim() !== value) throw new RangeError(`${writer}: ${name} "${value}" has surrounding spaces, which the readers trim`);
    if (value === '') throw new RangeError(`${writer}: ${name} of ${tx.transactionId} is empty; use null`);
  }
  return date;
}

/** Refuses values that contain a delimiter of the format (neither X12 nor the pipe files escape). */
export function assertNoDelimiters(values: Array<string | null>, delimiters: string[], writer: string): void {
  for (const value of values) {
    if (value === null) continue;
    const found = delimiters.find((d) => value.includes(d));
    if (found !== undefined) throw new RangeError(`${writer}: "${value}" contains ${JSON.stringify(found)}, which the format cannot carry`);
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    if (/[\u0000-\u001f\u007f]/.test(value)) throw new RangeError(`${writer}: "${value}" contains a control character`);
  }
}

/**
 * A payer name as "First [Middle ...] Last" split for formats with separate name fields: the last word
 * is the last name, the first word the first name, the words between the middle name. Null -> all empty.
 * Refuses names that would not join back to the same text (doubled spaces).
 */
export function splitName(name: string | null, writer: string): { first: string; middle: string; last: string } {
  if (name === null) return { first: '', middle: '', last: '' };
  const words = name.split(' ');
  if (words.some((w) => w === '')) throw new RangeError(`${writer}: payerName "${name}" has doubled or surrounding spaces, which the name fields cannot keep`);
  if (words.length === 1) return { first: '', middle: '', last: words[0]! };
  return { first: words[0]!, middle: words.slice(1, -1).join(' '), last: words[words.length - 1]! };
}
