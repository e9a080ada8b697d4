import { describe, expect, it } from 'vitest';
import { createClearinghouses, parseInstaMedPaymentId, parseWaystarSiteId } from './index.ts';

describe('InstaMed Payment ID', () => {
  it.each([
    ['demogp.test', 'demogp.test'],
    ['  DemoGP.Test ', 'demogp.test'],
    ['peds123', 'peds123'],
  ])('accepts %j as %j (case-insensitive, trimmed)', (input, id) => {
    expect(parseInstaMedPaymentId(input)).toEqual({ ok: true, id });
  });

  it.each([
    ['', /Enter the practice’s InstaMed Payment ID/],
    ['demo gp', /only letters, digits and dots .* has a space/],
    ['demo/gp', /has "\/"/],
    ['https://pay.instamed.com/demogp', /has ":"/],
    ['demo_gp', /has "_"/],
    ['.demogp', /cannot start or end with a dot/],
    ['demo..gp', /two dots in a row/],
    ['ab', /3 to 50 characters long; this one has 2/],
    ['a'.repeat(51), /this one has 51/],
  ])('refuses %j with a message the admin understands', (input, message) => {
    const result = parseInstaMedPaymentId(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });
});

describe('Waystar site ID', () => {
  it('accepts letters, digits and hyphens', () => {
    expect(parseWaystarSiteId(' 12345-AB ')).toEqual({ ok: true, id: '12345-AB' });
  });
  it('refuses other characters', () => {
    const result = parseWaystarSiteId('12 345');
    expect(!result.ok && result.message).toMatch(/has a space/);
  });
});

describe('Pay Now URLs', () => {
  it('InstaMed: the public hosted page by default, with only the Payment ID in it', () => {
    const { INSTAMED } = createClearinghouses({});
    expect(INSTAMED.payNowUrl('demogp.test')).toBe('https://pay.instamed.com/Form/PaymentPortal/Default?id=demogp.test');
    expect(INSTAMED.sandbox).toBe(false);
  });

  it('InstaMed: the configured base URL, marked as sandbox when it is the sandbox', () => {
    const { INSTAMED } = createClearinghouses({ instamedBaseUrl: 'http://localhost:4100', sandboxUrl: 'http://localhost:4100' });
    expect(INSTAMED.payNowUrl('demogp.test')).toBe('http://localhost:4100/Form/PaymentPortal/Default?id=demogp.test');
    expect(INSTAMED.sandbox).toBe(true);
  });

  it('Waystar: unavailable without a URL template', () => {
    const { WAYSTAR } = createClearinghouses({});
    expect(WAYSTAR.available).toBe(false);
    expect(() => WAYSTAR.payNowUrl('12345')).toThrow(/WAYSTAR_PAYMENT_URL_TEMPLATE/);
  });

  it('Waystar: fills the template', () => {
    const { WAYSTAR } = createClearinghouses({ waystarPaymentUrlTemplate: 'https://pay.example.test/p/{id}' });
    expect(WAYSTAR.available).toBe(true);
    expect(WAYSTAR.payNowUrl('12345-AB')).toBe('https://pay.example.test/p/12345-AB');
  });

  it('Waystar: a template without {id} fails at start-up', () => {
    expect(() => createClearinghouses({ waystarPaymentUrlTemplate: 'https://pay.example.test/p' })).toThrow(/\{id\}/);
  });
});
