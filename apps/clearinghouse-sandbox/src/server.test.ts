import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PaymentStore, type PaymentRecord } from './store.ts';
import { startSandbox, type RunningSandbox } from './test-server.ts';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.store.clear());

const INSTAMED_PAGE = '/Form/PaymentPortal/Default?id=DemoGP.Test';
const VISA = '4111 1111 1111 1111';
const valid = { accountNumber: '100101', amount: '40.10', payerName: 'Sofia Rivera', cardNumber: VISA, expiry: '12/99' };

function get(pathname: string, init: RequestInit = {}) {
  return fetch(sandbox.base + pathname, { redirect: 'manual', ...init });
}

function pay(pathname: string, fields: Record<string, string>, { follow = false } = {}) {
  return fetch(sandbox.base + pathname, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: follow ? 'follow' : 'manual',
  });
}

function api(method: string, pathname: string, body?: unknown) {
  return fetch(sandbox.base + pathname, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The alert region of a page (the error summary), or null. */
function alertOf(page: string): string | null {
  return /<div class="errors" role="alert">([\s\S]*?)<\/div>/.exec(page)?.[1] ?? null;
}

/** The value attribute of an input, as served (still escaped). */
function inputValue(page: string, id: string): string | undefined {
  return new RegExp(`<input id="${id}"[^>]* value="([^"]*)"`).exec(page)?.[1];
}

describe('basics', () => {
  it('answers /healthz', async () => {
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('lists recorded payments on the index page, escaped', async () => {
    expect(await (await get('/')).text()).toContain('No payments recorded yet.');
    sandbox.store.recordSale({
      clearinghouse: 'INSTAMED',
      practiceClearinghouseId: 'demogp.test',
      accountNumber: '100101',
      amountCents: 4010,
      cardType: 'VISA',
      last4: '1111',
      payerName: "Sofia O'Brien",
    });
    const page = await (await get('/')).text();
    expect(page).toContain('SANDBOX — no real money');
    expect(page).toContain('Recorded payments (1)');
    expect(page).toContain('<td>demogp.test</td><td>100101</td><td class="num">$40.10</td>');
    expect(page).toContain('Sofia O&#39;Brien');
  });

  it('serves unknown addresses a 404 page', async () => {
    const res = await get('/no/such/page');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Page not found');
  });
});

describe('InstaMed hosted page', () => {
  it('renders the form for a Payment ID, shown lower-cased', async () => {
    const res = await get(INSTAMED_PAGE);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await res.text();
    expect(page).toMatch(/<div class="sandbox-banner" role="status">SANDBOX — no real money<\/div>/);
    expect(page).toContain('<p class="brand">InstaMed</p>');
    expect(page).toContain('Payment page for practice demogp.test');
    expect(page).toContain('action="/Form/PaymentPortal/Default?id=demogp.test"');
    for (const [id, label] of [
      ['accountNumber', 'Patient account number'],
      ['amount', 'Amount'],
      ['payerName', 'Name on card'],
      ['cardNumber', 'Card number'],
      ['expiry', 'Expiry (MM/YY)'],
    ]) {
      expect(page).toContain(`<label for="${id}">${label}</label>`);
      expect(page).toContain(`<input id="${id}" name="${id}"`);
    }
    expect(page).toContain('<button type="submit">Pay</button>');
    expect(alertOf(page)).toBeNull();
  });

  it.each([
    ['missing', '/Form/PaymentPortal/Default'],
    ['empty', '/Form/PaymentPortal/Default?id='],
    ['bad characters', '/Form/PaymentPortal/Default?id=demo%3Cscript%3E'],
    ['double dot', '/Form/PaymentPortal/Default?id=demo..gp'],
    ['too short', '/Form/PaymentPortal/Default?id=ab'],
    ['given twice', '/Form/PaymentPortal/Default?id=demogp.test&id=other'],
  ])('rejects an id that is %s', async (_case, url) => {
    const res = await get(url);
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('Unknown payment page');
    expect(page).not.toContain('<form');
    expect(page).not.toContain('<script>');
  });

  it('refuses a POST to an invalid id and records nothing', async () => {
    const res = await pay('/Form/PaymentPortal/Default?id=a..b', valid);
    expect(res.status).toBe(400);
    expect(sandbox.store.size).toBe(0);
  });

  it('redirects the short form to the long form', async () => {
    const res = await get('/DemoGP.Test');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/Form/PaymentPortal/Default?id=DemoGP.Test');
    const followed = await fetch(`${sandbox.base}/DemoGP.Test`);
    expect(followed.status).toBe(200);
    expect(await followed.text()).toContain('Payment page for practice demogp.test');
  });

  it('keeps the short form from shadowing other routes', async () => {
    expect((await get('/healthz')).status).toBe(200);
    expect((await get('/favicon.ico')).status).toBe(204);
    expect((await get('/robots.txt')).status).toBe(200);
    for (const url of ['/api', '/waystar', '/receipt', '/not-an-id', '/a_b']) {
      expect((await get(url)).status, url).toBe(404);
    }
  });

  it('records a valid payment with exact cents and shows the confirmation', async () => {
    const res = await pay(INSTAMED_PAGE, valid);
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/receipt\/[0-9a-f]{32}$/);

    const [payment, ...others] = sandbox.store.list();
    expect(others).toEqual([]);
    expect(payment).toEqual({
      transactionId: expect.stringMatching(/^[0-9a-f]{32}$/),
      authorizationNumber: expect.stringMatching(/^\d{6}$/),
      clearinghouse: 'INSTAMED',
      practiceClearinghouseId: 'demogp.test',
      accountNumber: '100101',
      amountCents: 4010,
      cardType: 'VISA',
      last4: '1111',
      payerName: 'Sofia Rivera',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      type: 'SALE',
      // Every key of a payment: the optional ones are absent from a form payment sent without a webhook.
    } satisfies Record<Exclude<keyof PaymentRecord, 'unknownAccount' | 'webhook'>, unknown>);
    expect(location).toBe(`/receipt/${payment!.transactionId}`);

    const receipt = await get(location);
    expect(receipt.status).toBe(200);
    const page = await receipt.text();
    expect(page).toContain('Payment approved');
    expect(page).toContain('<dt>Amount</dt><dd>$40.10</dd>');
    expect(page).toContain('<dt>Patient account number</dt><dd>100101</dd>');
    expect(page).toContain(`<dt>Transaction ID</dt><dd><code>${payment!.transactionId}</code></dd>`);
    expect(page).toContain(`<dt>Authorization number</dt><dd>${payment!.authorizationNumber}</dd>`);
    expect(page).toContain('You can close this tab.');
    expect(page).not.toContain(VISA);
    expect(page).not.toContain('4111111111111111');
    // Reloading the receipt does not pay again.
    await get(location);
    expect(sandbox.store.size).toBe(1);
  });

  it('records the Mastercard test card, without spaces, and the name is optional', async () => {
    const res = await pay(INSTAMED_PAGE, { ...valid, payerName: '', cardNumber: '5500000000000004', amount: '$1,234.50' }, { follow: true });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Mastercard ending in 0004');
    expect(sandbox.store.list()[0]).toMatchObject({ cardType: 'MASTERCARD', last4: '0004', payerName: '', amountCents: 123450 });
  });

  it('refuses a card that is not a test card and records nothing', async () => {
    const res = await pay(INSTAMED_PAGE, { ...valid, cardNumber: '4242 4242 4242 4242' });
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(alertOf(page)).toContain('Use a test card: 4111 1111 1111 1111 or 5500 0000 0000 0004');
    expect(page).not.toContain('4242');
    expect(sandbox.store.size).toBe(0);
  });

  it.each([
    ['0', 'more than $0.00'],
    ['0.00', 'more than $0.00'],
    ['-5.00', 'more than $0.00'],
    ['12.345', 'at most two decimals'],
    ['100000.01', 'at most $100,000.00'],
    ['1e3', 'like 40.00'],
    ['forty', 'like 40.00'],
    ['', 'Enter the amount'],
  ])('refuses the amount "%s"', async (amount, message) => {
    const res = await pay(INSTAMED_PAGE, { ...valid, amount });
    expect(res.status).toBe(422);
    expect(alertOf(await res.text())).toContain(message);
    expect(sandbox.store.size).toBe(0);
  });

  it('accepts exactly $100,000.00', async () => {
    expect((await pay(INSTAMED_PAGE, { ...valid, amount: '100000.00' })).status).toBe(303);
    expect(sandbox.store.list()[0]!.amountCents).toBe(10_000_000);
  });

  it('re-renders typed values (escaped) and errors, never the card number', async () => {
    const res = await pay(INSTAMED_PAGE, {
      accountNumber: '<b>100101</b>',
      amount: '"40.00',
      payerName: 'Sofia Rivera',
      cardNumber: '4111111111111111',
      expiry: '13/30',
    });
    expect(res.status).toBe(422);
    const page = await res.text();
    const alert = alertOf(page)!;
    expect(alert).toContain('letters, digits and hyphens');
    expect(alert).toContain('like 40.00');
    expect(alert).toContain('MM/YY');
    expect(alert).not.toContain('test card');
    expect(page.match(/role="alert"/g)).toHaveLength(1);
    expect(inputValue(page, 'accountNumber')).toBe('&lt;b&gt;100101&lt;/b&gt;');
    expect(inputValue(page, 'amount')).toBe('&quot;40.00');
    expect(inputValue(page, 'payerName')).toBe('Sofia Rivera');
    expect(inputValue(page, 'expiry')).toBe('13/30');
    expect(inputValue(page, 'cardNumber')).toBe('');
    expect(page).not.toContain('<b>100101');
    expect(page).not.toContain('4111111111111111');
    expect(page).toMatch(/<input id="amount"[^>]* aria-describedby="amount-hint amount-error" aria-invalid="true">/);
    expect(sandbox.store.size).toBe(0);
  });

  it('requires the account number, card and expiry, and refuses an expired card', async () => {
    const page = await (await pay(INSTAMED_PAGE, { amount: '10.00', expiry: '01/20' })).text();
    const alert = alertOf(page)!;
    expect(alert).toContain('Enter the patient account number.');
    expect(alert).toContain('Enter the card number.');
    expect(alert).toContain('This card has expired');
    expect(sandbox.store.size).toBe(0);
  });

  it('shows a 404 page for an unknown receipt', async () => {
    expect((await get(`/receipt/${'0'.repeat(32)}`)).status).toBe(404);
    expect((await get('/receipt/nope')).status).toBe(404);
  });
});

describe('Waystar hosted page', () => {
  it('renders and records a payment for a site ID', async () => {
    const page = await (await get('/waystar/pay/12345')).text();
    expect(page).toContain('<p class="brand">Waystar</p>');
    expect(page).toContain('Payment page for practice 12345');
    expect(page).toContain('action="/waystar/pay/12345"');

    const res = await pay('/waystar/pay/12345', { ...valid, amount: '25' }, { follow: true });
    expect(await res.text()).toContain('Payment approved');
    expect(sandbox.store.list()[0]).toMatchObject({ clearinghouse: 'WAYSTAR', practiceClearinghouseId: '12345', amountCents: 2500 });
  });

  it('rejects an invalid site ID', async () => {
    const res = await get('/waystar/pay/12_345');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Unknown payment page');
  });
});

describe('JSON test API', () => {
  const sale = { practiceId: 'demogp.test', accountNumber: '100101', amountCents: 4010 };

  it('records, lists newest first per practice, and clears', async () => {
    const first = await api('POST', '/api/payments', sale);
    expect(first.status).toBe(201);
    const { payment } = (await first.json()) as { payment: PaymentRecord };
    expect(payment).toMatchObject({
      clearinghouse: 'INSTAMED',
      practiceClearinghouseId: 'demogp.test',
      amountCents: 4010,
      type: 'SALE',
      cardType: 'VISA',
      last4: '1111',
    });
    expect(sandbox.store.get(payment.transactionId)).toEqual(payment);

    await api('POST', '/api/payments', { ...sale, amountCents: 4010 }); // same amount, same day: a second payment
    await api('POST', '/api/payments', { ...sale, practiceId: 'other.practice' });
    await api('POST', '/api/payments', { ...sale, clearinghouse: 'WAYSTAR', practiceId: 'ws-1', cardType: 'MASTERCARD', payerName: 'Wei Chen' });

    const list = (await (await api('GET', '/api/payments?practice=DemoGP.Test')).json()) as { payments: PaymentRecord[] };
    expect(list.payments).toHaveLength(2);
    expect(list.payments[1]).toEqual(payment);
    expect(list.payments[0]!.transactionId).not.toBe(payment.transactionId);

    const all = (await (await api('GET', '/api/payments')).json()) as { payments: PaymentRecord[] };
    expect(all.payments.map((p) => p.practiceClearinghouseId)).toEqual(['ws-1', 'other.practice', 'demogp.test', 'demogp.test']);
    const waystar = (await (await api('GET', '/api/payments?clearinghouse=waystar')).json()) as { payments: PaymentRecord[] };
    expect(waystar.payments).toEqual([expect.objectContaining({ cardType: 'MASTERCARD', last4: '0004', payerName: 'Wei Chen' })]);

    const cleared = await api('DELETE', '/api/payments');
    expect(await cleared.json()).toEqual({ deleted: 4 });
    expect(await (await api('GET', '/api/payments')).json()).toEqual({ payments: [] });
  });

  it('records refunds of a sale, never more than the sale', async () => {
    const { payment: original } = (await (await api('POST', '/api/payments', sale)).json()) as { payment: PaymentRecord };
    const refund = await api('POST', '/api/payments', { practiceId: 'DEMOGP.TEST', amountCents: 1000, type: 'REFUND', refundOf: original.transactionId });
    expect(refund.status).toBe(201);
    expect(((await refund.json()) as { payment: PaymentRecord }).payment).toMatchObject({
      type: 'REFUND',
      refundOf: original.transactionId,
      amountCents: 1000,
      accountNumber: '100101',
      transactionId: expect.not.stringMatching(original.transactionId),
    });
    const tooMuch = await api('POST', '/api/payments', { practiceId: 'demogp.test', amountCents: 3011, type: 'REFUND', refundOf: original.transactionId });
    expect(tooMuch.status).toBe(400);
    expect(((await tooMuch.json()) as { error: string }).error).toContain('3010 cents are left');
    const otherPractice = await api('POST', '/api/payments', {
      practiceId: 'other.practice',
      amountCents: 10,
      type: 'REFUND',
      refundOf: original.transactionId,
    });
    expect(otherPractice.status).toBe(400);
    expect(sandbox.store.size).toBe(2);
  });

  it.each([
    ['amountCents 0', { ...sale, amountCents: 0 }],
    ['negative amountCents', { ...sale, amountCents: -100 }],
    ['fractional amountCents', { ...sale, amountCents: 40.1 }],
    ['amountCents as a string', { ...sale, amountCents: '4010' }],
    ['amountCents over $100,000', { ...sale, amountCents: 10_000_001 }],
    ['no practiceId', { accountNumber: '100101', amountCents: 100 }],
    ['a bad practiceId', { ...sale, practiceId: 'demo gp' }],
    ['no accountNumber', { practiceId: 'demogp.test', amountCents: 100 }],
    ['an accountNumber with a pipe', { ...sale, accountNumber: '100|101' }],
    ['an unknown clearinghouse', { ...sale, clearinghouse: 'ACME' }],
    ['an unknown type', { ...sale, type: 'VOID' }],
    ['refundOf on a sale', { ...sale, refundOf: 'x' }],
    ['a refund of nothing', { ...sale, type: 'REFUND', refundOf: '0'.repeat(32) }],
    ['a refund without refundOf', { ...sale, type: 'REFUND' }],
    ['a card number', { ...sale, cardNumber: '4111111111111111' }],
    ['an array', [sale]],
    ['invalid JSON', '{"practiceId":'],
  ])('answers 400 { error } to %s', async (_case, body) => {
    const res = await api('POST', '/api/payments', body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: expect.any(String) });
    expect(sandbox.store.size).toBe(0);
  });

  it('answers 400 to a form-encoded body and 404 JSON to unknown API paths', async () => {
    const res = await fetch(`${sandbox.base}/api/payments`, { method: 'POST', body: new URLSearchParams({ practiceId: 'demogp.test' }) });
    expect(res.status).toBe(400);
    const missing = await api('GET', '/api/nothing');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'Not found' });
  });
});

describe('persistence', () => {
  it('keeps form payments in the JSON file, without the card number or expiry', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-server-'));
    try {
      const persisted = await startSandbox(PaymentStore.open(dir));
      try {
        expect((await fetch(`${persisted.base}${INSTAMED_PAGE}`, { method: 'POST', body: new URLSearchParams(valid), redirect: 'manual' })).status).toBe(303);
      } finally {
        await persisted.close();
      }
      const text = fs.readFileSync(path.join(dir, 'payments.json'), 'utf8');
      expect(text).not.toContain('4111111111111111');
      expect(text).not.toContain(VISA);
      expect(text).not.toContain('12/99');
      const reopened = PaymentStore.open(dir);
      expect(reopened.list()).toEqual(persisted.store.list());
      expect(reopened.list()[0]).toMatchObject({ amountCents: 4010, accountNumber: '100101' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
