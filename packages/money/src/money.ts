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
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, formatter);
  }
  // Intl.NumberFormat v3 takes decimal strings and formats them without going through a double.
  return formatter.format(centsToDecimalString(cents) as unknown as number);
}

/**
 * Parses a decimal amount as written by people and files ("12", "12.5", "1,234.56", "-0.05", "$40.00")
 * into integer cents, exactly. Throws on anything else, including more than two decimals.
 */
export function parseDecimalToCents(text: string): Cents {
  const cleaned = text
    .trim()
    .replace(/^\$/, '')
    .replace(/,(?=\d{3}(\D|$))/g, '');
  const match = /^([+-])?(\d+)(?:\.(\d{1,2}))?$|^([+-])?\.(\d{1,2})$/.exec(cleaned);
  if (!match) throw new RangeError(`not an amount of money: "${text}"`);
  const sign = (match[1] ?? match[4]) === '-' ? -1 : 1;
  const whole = match[2] ?? '0';
  const fraction = (match[3] ?? match[5] ?? '').padEnd(2, '0');
  const cents = Number(whole) * 100 + Number(fraction);
  assertCents(cents);
  return sign * cents || 0;
}

/**
 * A 64-bit money column (bigint) as cents. Every amount Kinpay stores is far inside the exact
 * range of a double, so this only ever fails on a corrupted row, and then loudly.
 */
export function toCents(value: bigint | number): Cents {
  const cents = typeof value === 'bigint' ? Number(value) : value;
  if (!Number.isSafeInteger(cents) || (typeof value === 'bigint' && BigInt(cents) !== value)) {
    throw new RangeError(`money value out of range: ${String(value)}`);
  }
  return cents;
}
