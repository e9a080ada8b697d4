// Input rules shared by the hosted payment form and the JSON test API. Every check runs on the
// server: the form's `required` attributes are for assistive technology, not for validation.
import { parseInstaMedPaymentId, parseWaystarSiteId as parseWaystar, type ClearinghouseCode } from '@kinpay/clearinghouse';
import { parseDecimalToCents } from '@kinpay/money';

export type { ClearinghouseCode };
export type CardType = 'VISA' | 'MASTERCARD';

export const CLEARINGHOUSE_NAMES: Record<ClearinghouseCode, string> = { INSTAMED: 'InstaMed', WAYSTAR: 'Waystar' };

/** The largest single payment the sandbox takes: $100,000.00. */
export const MAX_AMOUNT_CENTS = 10_000_000;

/** The test cards of InstaMed's test interface; nothing else is ever accepted. */
export const TEST_CARDS: ReadonlyMap<string, CardType> = new Map([
  ['4111111111111111', 'VISA'],
  ['5500000000000004', 'MASTERCARD'],
]);

export const TEST_CARD_MESSAGE = 'Use a test card: 4111 1111 1111 1111 or 5500 0000 0000 0004';

/** The portal's own ID rules (@kinpay/clearinghouse); returns the normalized ID, or null. */
export function parseInstaMedId(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const parsed = parseInstaMedPaymentId(input);
  return parsed.ok ? parsed.id : null;
}

export function parseWaystarSiteId(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const parsed = parseWaystar(input);
  return parsed.ok ? parsed.id : null;
}

export function parsePracticeId(clearinghouse: ClearinghouseCode, input: unknown): string | null {
  return clearinghouse === 'INSTAMED' ? parseInstaMedId(input) : parseWaystarSiteId(input);
}

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Patient Account Number (the chart number). Letters, digits and hyphens only: it is copied
 * into pipe-delimited IMDPA and X12 835 files, where `|`, `*`, `~` or `:` would break records.
 */
export function checkAccountNumber(input: unknown): Checked<string> {
  const value = typeof input === 'string' ? input.trim() : '';
  if (!value) return { ok: false, message: 'Enter the patient account number.' };
  if (!/^[A-Za-z0-9-]{1,30}$/.test(value)) {
    return { ok: false, message: 'The patient account number has only letters, digits and hyphens, up to 30 characters.' };
  }
  return { ok: true, value };
}

/** Amount as typed in dollars ("40.00", "$1,234.5"), to integer cents: more than 0, at most $100,000.00. */
export function checkAmount(input: unknown): Checked<number> {
  const text = typeof input === 'string' ? input.trim() : '';
  if (!text) return { ok: false, message: 'Enter the amount to pay, like 40.00.' };
  let cents: number;
  try {
    cents = parseDecimalToCents(text);
  } catch {
    return { ok: false, message: 'Enter the amount in dollars and cents, like 40.00 (at most two decimals).' };
  }
  return checkAmountCents(cents);
}

export function checkAmountCents(cents: unknown): Checked<number> {
  if (typeof cents !== 'number' || !Number.isSafeInteger(cents)) {
    return { ok: false, message: 'The amount must be a whole number of cents.' };
  }
  if (cents <= 0) return { ok: false, message: 'The amount must be more than $0.00.' };
  if (cents > MAX_AMOUNT_CENTS) return { ok: false, message: 'The amount can be at most $100,000.00.' };
  return { ok: true, value: cents };
}

/** Name on card: optional; letters, spaces, apostrophes, periods and hyphens, up to 60 characters. */
export function checkPayerName(input: unknown): Checked<string> {
  const value = typeof input === 'string' ? input.trim().replace(/\s+/g, ' ') : '';
  if (value.length > 60) return { ok: false, message: 'The name on the card can be at most 60 characters.' };
  if (!/^[\p{L} .'-]*$/u.test(value)) {
    return { ok: false, message: 'The name on the card has only letters, spaces, apostrophes, periods and hyphens.' };
  }
  return { ok: true, value };
}

/** Card number: one of the two test cards, spaces allowed. Only the type and last 4 digits leave here. */
export function checkTestCard(input: unknown): Checked<{ cardType: CardType; last4: string }> {
  const digits = typeof input === 'string' ? input.replace(/ /g, '') : '';
  if (!digits) return { ok: false, message: `Enter the card number. ${TEST_CARD_MESSAGE}.` };
  const cardType = TEST_CARDS.get(digits);
  if (!cardType) return { ok: false, message: TEST_CARD_MESSAGE };
  return { ok: true, value: { cardType, last4: digits.slice(-4) } };
}

/** Expiry as MM/YY, not in the past. Checked, never stored. */
export function checkExpiry(input: unknown, now = new Date()): Checked<null> {
  const text = typeof input === 'string' ? input.trim() : '';
  if (!text) return { ok: false, message: 'Enter the card’s expiry date as MM/YY.' };
  const match = /^(\d{2})\s*\/\s*(\d{2})$/.exec(text);
  const month = Number(match?.[1]);
  if (!match || month < 1 || month > 12) return { ok: false, message: 'Enter the expiry date as MM/YY, like 12/30.' };
  const year = 2000 + Number(match[2]);
  if (year * 12 + month < now.getFullYear() * 12 + now.getMonth() + 1) {
    return { ok: false, message: 'This card has expired: use a future expiry date.' };
  }
  return { ok: true, value: null };
}
