import { describeCharacter, type ClearinghouseAdapter, type ParsedId } from './adapter.ts';

export const INSTAMED_DEFAULT_BASE_URL = 'https://pay.instamed.com';

const MAX_LENGTH = 50;

/**
 * InstaMed's "Payment ID" (also called the alias): a short, case-insensitive name of letters,
 * digits and dots, e.g. `demogp.test`. The hosted page is
 * `<base>/Form/PaymentPortal/Default?id=<PaymentID>`; a plain link carries nothing but the ID.
 */
export function parseInstaMedPaymentId(input: string): ParsedId {
  const id = input.trim().toLowerCase();
  if (!id) return { ok: false, message: 'Enter the practice’s InstaMed Payment ID, for example demogp.test.' };
  const bad = /[^a-z0-9.]/.exec(id);
  if (bad) {
    return {
      ok: false,
      message: `An InstaMed Payment ID has only letters, digits and dots (like demogp.test); this one has ${describeCharacter(bad[0])}.`,
    };
  }
  if (id.startsWith('.') || id.endsWith('.') || id.includes('..')) {
    return {
      ok: false,
      message: 'An InstaMed Payment ID cannot start or end with a dot or have two dots in a row (like demogp.test).',
    };
  }
  if (id.length < 3 || id.length > MAX_LENGTH) {
    return { ok: false, message: `An InstaMed Payment ID is 3 to ${MAX_LENGTH} characters long; this one has ${id.length}.` };
  }
  return { ok: true, id };
}

export function createInstaMedAdapter({ baseUrl, sandbox }: { baseUrl: string; sandbox: boolean }): ClearinghouseAdapter {
  const base = new URL(baseUrl);
  return {
    code: 'INSTAMED',
    name: 'InstaMed',
    idLabel: 'Payment ID',
    idHelp: 'Your InstaMed Payment ID (alias), as on your InstaMed Online account: letters, digits and dots.',
    idExample: 'demogp.test',
    available: true,
    sandbox,
    parseId: parseInstaMedPaymentId,
    payNowUrl(id) {
      const url = new URL('/Form/PaymentPortal/Default', base);
      url.searchParams.set('id', id);
      return url.toString();
    },
  };
}
