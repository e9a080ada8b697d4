// InstaMed notices, delivered to a stand-in for the portal's webhook endpoint started here.
import fs from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { parseReport } from '@kinpay/remittance';
import express from 'express';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PaymentStore, type PaymentRecord } from './store.ts';
import { startSandbox, type RunningSandbox } from './test-server.ts';

const SECRET = 'test-secret-0123456789abcdef';

interface Received {
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: string;
}

/** The portal's webhook: answers the queued statuses in turn, then 200. */
let received: Received[] = [];
let answers: number[] = [];
let portal: Server;
let portalUrl: string;
beforeAll(async () => {
  const app = express();
  app.post('/webhooks/instamed/:paymentId', express.text({ type: '*/*' }), (req, res) => {
    received.push({ path: req.path, authorization: req.headers.authorization, contentType: req.headers['content-type'], body: req.body as string });
    const status = answers.shift() ?? 200;
    res.status(status).json(status === 200 ? { ok: true } : { error: `Failing on purpose with ${status}.` });
  });
  portal = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  portalUrl = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      portal.close(() => resolve());
      portal.closeAllConnections();
    }),
);

let sandbox: RunningSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
  received = [];
  answers = [];
});

async function start(url = portalUrl, retryDelaysMs = [20, 40], store = new PaymentStore(), encoding?: 'json' | 'xml' | 'nvp') {
  sandbox = await startSandbox(store, { webhook: { url, secret: SECRET, retryDelaysMs, ...(encoding ? { encoding } : {}) } });
  return sandbox;
}

async function record(s: RunningSandbox, body: Record<string, unknown>): Promise<PaymentRecord> {
  const res = await fetch(`${s.base}/api/payments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBe(201);
  return ((await res.json()) as { payment: PaymentRecord }).payment;
}

describe('webhook notices', () => {
  it('posts an Approved notice for a form payment with the Bearer secret, retrying after a failure', async () => {
    const s = await start();
    answers = [500];
    const res = await fetch(`${s.base}/Form/PaymentPortal/Default?id=DemoGP.Test`, {
      method: 'POST',
      body: new URLSearchParams({ accountNumber: '100101', amount: '40.10', payerName: 'Sofia Rivera', cardNumber: '4111 1111 1111 1111', expiry: '12/99' }),
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    await s.webhook!.idle();

    expect(received).toHaveLength(2);
    for (const r of received) {
      expect(r.path).toBe('/webhooks/instamed/demogp.test');
      expect(r.authorization).toBe(`Bearer ${SECRET}`);
      expect(r.contentType).toBe('application/json');
    }
    expect(received[1]!.body).toBe(received[0]!.body);
    const [payment] = s.store.list();
    const notice = parseReport(received[0]!.body);
    expect(notice.format).toBe('INSTAMED_WEBHOOK');
    expect(notice.meta.eventType).toBe('Approved');
    expect(notice.transactions).toEqual([
      {
        transactionId: payment!.transactionId,
        kind: 'SALE',
        amountCents: 4010,
        accountNumber: '100101',
        payerName: 'Sofia Rivera',
        method: 'CARD',
        cardType: 'VISA',
        authorizationNumber: payment!.authorizationNumber,
        occurredAt: `${payment!.createdAt.slice(0, 19)}.000Z`,
        originalTransactionId: null,
        location: 'the notice',
      },
    ]);
    expect(notice.payee.merchantIds).toEqual(['demogp.test']);
    expect(payment!.webhook).toEqual({ attempts: 2, lastAttemptAt: expect.any(String), deliveredAt: expect.any(String) });

    const page = await (await fetch(`${s.base}/`)).text();
    expect(page).toMatch(/<td class="notice"><span class="approved">Delivered<\/span> <span class="muted">[^<]*, 2 attempts<\/span><\/td>/);
    expect(page).toContain(`<code>${portalUrl}/webhooks/instamed/&lt;Payment ID&gt;</code>`);
  });

  it('posts a Refunded notice naming the sale, and 9999 for an unknown account', async () => {
    const s = await start();
    const sale = await record(s, { practiceId: 'demogp.test', amountCents: 5000, unknownAccount: true });
    const refund = await record(s, { practiceId: 'demogp.test', amountCents: 1250, type: 'REFUND', refundOf: sale.transactionId });
    await s.webhook!.idle();
    expect(received).toHaveLength(2);
    const bodies = received.map((r) => JSON.parse(r.body) as Record<string, string>);
    const refundNotice = bodies.find((b) => b.TransactionID === refund.transactionId)!;
    expect(refundNotice).toMatchObject({ EventType: 'Refunded', PrimaryTransactionID: sale.transactionId, Amount: '12.50', PatientAccountNumber: '9999' });
    expect(parseReport(received.find((r) => r.body.includes(refund.transactionId))!.body).transactions[0]).toMatchObject({
      kind: 'REFUND',
      amountCents: 1250,
      accountNumber: null,
      originalTransactionId: sale.transactionId,
    });
    expect(s.store.get(refund.transactionId)!.webhook).toMatchObject({ attempts: 1, deliveredAt: expect.any(String) });
  });

  it.each([
    ['xml', 'application/xml', '<?xml version="1.0" encoding="UTF-8"?>\n<Notification>\n  <EventType>Refunded</EventType>'],
    ['nvp', 'application/x-www-form-urlencoded', 'EventType=Refunded&TransactionID='],
  ] as const)('encodes notices as %s (SANDBOX_WEBHOOK_ENCODING) with Content-Type %s', async (encoding, contentType, start_) => {
    const s = await start(portalUrl, [20, 40], new PaymentStore(), encoding);
    const sale = await record(s, { practiceId: 'demogp.test', accountNumber: '100101', amountCents: 5000, payerName: 'Sofia Rivera' });
    const refund = await record(s, { practiceId: 'demogp.test', amountCents: 1250, type: 'REFUND', refundOf: sale.transactionId });
    await s.webhook!.idle();
    expect(received.map((r) => r.contentType)).toEqual([contentType, contentType]);
    const refundBody = received.find((r) => r.body.includes(refund.transactionId))!.body;
    expect(refundBody.startsWith(start_)).toBe(true);
    const notice = parseReport(refundBody);
    expect(notice.version).toBe(encoding === 'xml' ? 'XML notice' : 'NVP notice');
    expect(notice.transactions).toEqual([
      expect.objectContaining({
        transactionId: refund.transactionId,
        kind: 'REFUND',
        amountCents: 1250,
        payerName: 'Sofia Rivera',
        originalTransactionId: sale.transactionId,
      }),
    ]);
    const page = await (await fetch(`${s.base}/`)).text();
    expect(page).toContain(`a notice (${encoding.toUpperCase()}, event Approved or Refunded)`);
  });

  it('sends nothing for a Waystar payment', async () => {
    const s = await start();
    const payment = await record(s, { clearinghouse: 'WAYSTAR', practiceId: '12345', accountNumber: '1', amountCents: 100 });
    await s.webhook!.idle();
    expect(received).toEqual([]);
    expect(s.store.get(payment.transactionId)!.webhook).toBeUndefined();
  });

  it('still takes payments when the portal is down, and records the last error after the retries', async () => {
    // A port nothing listens on: the portal's own, once closed.
    const closed = await new Promise<Server>((resolve) => {
      const srv = express().listen(0, '127.0.0.1', () => resolve(srv));
    });
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const s = await start(`${deadUrl}/`, [5, 5]);
    const payment = await record(s, { practiceId: 'demogp.test', accountNumber: '100101', amountCents: 4010 });
    await s.webhook!.idle();
    const outcome = s.store.get(payment.transactionId)!.webhook;
    expect(outcome).toEqual({
      attempts: 3,
      lastAttemptAt: expect.any(String),
      lastError: expect.stringMatching(/^Could not reach .*\/webhooks\/instamed\/demogp\.test: .*\(gave up after 3 attempts\)$/),
    });
    const page = await (await fetch(`${s.base}/`)).text();
    expect(page).toContain('<span class="failed">Not delivered</span> <span class="muted">Could not reach');
  });

  it('does not retry an answer that will not change (401)', async () => {
    const s = await start();
    answers = [401];
    const payment = await record(s, { practiceId: 'demogp.test', accountNumber: '100101', amountCents: 4010 });
    await s.webhook!.idle();
    expect(received).toHaveLength(1);
    expect(s.store.get(payment.transactionId)!.webhook).toMatchObject({
      attempts: 1,
      lastError: 'The portal answered 401: {"error":"Failing on purpose with 401."} (gave up after 1 attempt)',
    });
  });

  it('keeps the webhook outcome in payments.json, and out of the settlement batch', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-webhook-'));
    try {
      const s = await start(portalUrl, [20], PaymentStore.open(dir));
      const payment = await record(s, { practiceId: 'demogp.test', accountNumber: '100101', amountCents: 4010 });
      await s.webhook!.idle();
      const reopened = PaymentStore.open(dir);
      expect(reopened.get(payment.transactionId)!.webhook).toEqual(s.store.get(payment.transactionId)!.webhook);
      expect(reopened.get(payment.transactionId)!.webhook).toMatchObject({ attempts: 1, deliveredAt: expect.any(String) });
      const batch = reopened.settle('INSTAMED', 'demogp.test')!;
      expect(batch.payments[0]).not.toHaveProperty('webhook');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
