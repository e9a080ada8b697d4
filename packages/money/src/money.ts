// Money is integer cents everywhere. These helpers never divide by 100 in floating point:
// amounts are turned into decimal strings digit by digit.

export type Cents = number;

export const CURRENCY = 'USD';

export function assertCents(value: number, what = 'amount'): asserts value is Cents {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a whole number of cents, got ${value}`);
}

/** 123456 -> "1234.56", -5 -> "-0.05" (exact). */
export function centsToDecimalString(cents: Cents): string {
  assertCents(cents);
  const sign = cents < 0 ? '-' : '';
  const digits = String(Math.abs(cents)).padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** 123456 -> "$1,234.56"; -1200 -> "-$12.00". Intl formats the exact decimal string, not a float. */
export function formatCents(cents: Cents, { currency = CURRENCY, locale = 'en-US' } = {}): string {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  // Stryker disable next-line ConditionalExpression: equivalent, a cache (a new formatter formats the same)
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, formatter);
  }
  // Intl.NumberFormat v3 takes decimal strings and formats them without going through a double.
  return formatter.format(centsToDecimalString(cents) as unknown as number);
}

/**
 * Parses a decimal amount as written by people and files ("12", "12.5", "1,234.56", "-0.05", "$40.00")
 * into integer cents, exactly. Throws on anything else, including more than two decimals and commas
 * that are not thousands separators ("1,2,3", "12,34", ",123", "1234,567").
 */
export function parseDecimalToCents(text: string): Cents {
  const cleaned = text.trim().replace(/^\$/, '');
  // sign, then whole dollars (plain, or grouped by thousands: 1,234,567) with up to 2 decimals, or only decimals
  const match = /^([+-])?(?:([1-9]\d{0,2}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?|\.(\d{1,2}))$/.exec(cleaned);
  if (!match) throw new RangeError(`not an amount of money: "${text}"`);
  const sign = match[1] === '-' ? -1 : 1;
  const whole = match[2] === undefined ? 0 : Number(match[2].replaceAll(',', ''));
  const fraction = (match[3] ?? match[4] ?? '').padEnd(2, '0');
  const cents = whole * 100 + Number(fraction);
  assertCents(cents);
  return sign * cents || 0;
}

/**
 * A 64-bit money column (bigint) as cents. Every amount Kinpay stores is far inside the exact
 * range of a double, so this only ever fails on a corrupted row, and then loudly.
 */
export function toCents(value: bigint | number): Cents {
  // A bigint beyond 2^53 converts to a double beyond MAX_SAFE_INTEGER, so this one check also catches
  // a column the conversion would have rounded.
  const cents = Number(value);
  if (!Number.isSafeInteger(cents)) throw new RangeError(`money value out of range: ${String(value)}`);
  return cents;
}
