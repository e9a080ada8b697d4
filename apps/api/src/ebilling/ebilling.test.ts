// The eBilling Center through the real server. Every test makes its own practices (the standard
// families under a Payment ID of their own), so each passes alone and in any order.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, type ApiClient } from '../test/api-client.ts';
import { startTestApi, type TestApi } from '../test/harness.ts';
import { an835, aNotice, refundOf, saleOf } from '../test/reports.ts';
import { ownPracticeScenario, standardScenario } from '../test/scenarios.ts';
import { processReport, storeReport } from './reports.ts';

const WEBHOOK_SECRET = 'test-webhook-secret-0123456789';
let api: TestApi;
let inbox: string;
beforeAll(async () => {
  inbox = path.join(tmpdir(), `kinpay-inbox-${process.pid}-${Date.now()}`);
  api = await startTestApi({ REPORTS_INBOX: inbox, INSTAMED_WEBHOOK_SECRET: WEBHOOK_SECRET, CLEARINGHOUSE_REPORTS_URL: 'http://127.0.0.1:9' });
});
afterAll(async () => {
  await api?.close();
  await rm(inbox, { recursive: true, force: true });
});

type Scenario = Awaited<ReturnType<typeof standardScenario>> & { paymentId: string };
let practices = 0;
/** The standard families (Mateo owes $95.00, Emily $85.00) in a practice of their own, with its own InstaMed Payment ID. */
async function scenario(): Promise<Scenario> {
  const paymentId = `peds${++practices}.ebilling`;
  return { ...(await standardScenario(api.db, { clearinghouseId: paymentId })), paymentId };
}

const FETCH =
  'mutation { fetchAndProcessReports { reportsFetched reportsProcessed reportsFailed paymentsPosted refundsPosted paymentsUnmatched duplicates fetchError reports { fileName status error } } }';
const PROCESS = 'mutation { processReports { reportsProcessed paymentsPosted duplicates } }';
const FAMILY = `{ patients { edges { node { firstName balance { amountCents }
  payments { amount { amountCents } kind method receivedAt applications { amount { amountCents } charge { serviceDate cptCode } } }
  paymentsBeingPosted { amount { amountCents } } balanceAfterPaymentsBeingPosted { amountCents } payNowUrl payNowUnavailableReason } } } }`;

/** Into the practice's drop folder, `<inbox>/<Payment ID>/` (the short form, valid while one clearinghouse has the ID). */
async function drop(s: Scenario, name: string, content: string) {
  const folder = path.join(inbox, s.paymentId);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, name), content);
}

async function childOf(client: ApiClient, firstName: string) {
  const { patients } = await client.data(FAMILY);
  return patients.edges.map((e: any) => e.node).find((n: any) => n.firstName === firstName);
}

describe('Fetch and Process Reports through the drop folder', () => {
  it('posts a parent’s payment to the child’s credit account and applies it to the oldest charges', async () => {
    const s = await scenario();
    const billing = await api.signedIn(s.maple.users.billing!.email);
    const rivera = await api.signedIn(s.maple.users.rivera!.email);
    expect((await childOf(rivera, 'Mateo')).balance.amountCents).toBe(9500);

    await drop(s, 'testpeds_dpa835_20261125_1.rep', an835([saleOf(s.maple.patients.mateo!.accountNumber, 5000)]));
    const { fetchAndProcessReports: summary } = await billing.data(FETCH);
    expect(summary).toMatchObject({ reportsFetched: 1, reportsProcessed: 1, reportsFailed: 0, paymentsPosted: 1, paymentsUnmatched: 0, duplicates: 0 });
    // The feed is unreachable in this test: staff are told, and the drop folder was still read.
    expect(summary.fetchError).toMatch(/Could not fetch reports from the clearinghouse/);

    const mateo = await childOf(rivera, 'Mateo');
    expect(mateo.balance.amountCents).toBe(4500);
    expect(mateo.payments).toHaveLength(1);
    expect(mateo.payments[0]).toMatchObject({ amount: { amountCents: 5000 }, kind: 'SALE', method: 'CARD' });
    expect(mateo.payments[0].applications.map((a: any) => [a.charge.cptCode, a.amount.amountCents])).toEqual([
      ['99392', 4000],
      ['87880', 1000],
    ]);
    // The file was moved aside.
    expect(await readdir(path.join(inbox, s.paymentId))).toEqual(['processed']);
  });

  it('the same file dropped again, under any name, posts nothing twice', async () => {
    const s = await scenario();
    const billing = await api.signedIn(s.maple.users.billing!.email);
    const sale = saleOf(s.maple.patients.emily!.accountNumber, 1000);
    const file = an835([sale]);
    await drop(s, 'a.rep', file);
    expect((await billing.data(FETCH)).fetchAndProcessReports).toMatchObject({ reportsFetched: 1, paymentsPosted: 1 });
    await drop(s, 'a.rep', file);
    expect((await billing.data(FETCH)).fetchAndProcessReports).toMatchObject({ reportsFetched: 0, paymentsPosted: 0 });
    await drop(s, 'a-copy.rep', file);
    expect((await billing.data(FETCH)).fetchAndProcessReports).toMatchObject({ reportsFetched: 1, paymentsPosted: 0, duplicates: 1 });
    const chen = await api.signedIn(s.maple.users.chen!.email);
    expect((await childOf(chen, 'Emily')).balance.amountCents).toBe(7500);
  });

  it('a malformed report is kept, marked failed with the reason, and posts nothing', async () => {
    const s = await scenario();
    const billing = await api.signedIn(s.maple.users.billing!.email);
    const good = an835([saleOf(s.maple.patients.mateo!.accountNumber, 1500)]);
    // Break the SE01 segment count.
    const broken = good.replace(/SE\*(\d+)\*/, (_m, n) => `SE*${Number(n) + 1}*`);
    await drop(s, 'broken.rep', broken);
    const { fetchAndProcessReports: summary } = await billing.data(FETCH);
    expect(summary).toMatchObject({ reportsFetched: 1, reportsFailed: 1, paymentsPosted: 0 });
    expect(summary.reports[0]).toMatchObject({ fileName: 'broken.rep', status: 'FAILED' });
    expect(summary.reports[0].error).toMatch(/SE01/);
    const rivera = await api.signedIn(s.maple.users.rivera!.email);
    expect((await childOf(rivera, 'Mateo')).balance.amountCents).toBe(9500);
    const { remittanceReports } = await billing.data('{ remittanceReports { nodes { fileName status error downloadUrl } } }');
    const stored = remittanceReports.nodes.find((r: any) => r.fileName === 'broken.rep');
    const raw = await fetch(`${api.url}${stored.downloadUrl}`, { headers: { cookie: billing.cookie! } });
    expect(await raw.text()).toBe(broken);
  });

  it('a refund re-opens the charges the payment paid, newest first', async () => {
    const s = await scenario();
    const billing = await api.signedIn(s.maple.users.billing!.email);
    const rivera = await api.signedIn(s.maple.users.rivera!.email);
    const openCharges = async () =>
      (await rivera.data(`{ patient(id: "${s.maple.patients.mateo!.id}") { charges { cptCode balance { amountCents } } } }`)).patient.charges.map((c: any) => [
        c.cptCode,
        c.balance.amountCents,
      ]);
    // $50.00 paid the oldest visit ($40.00) and $10.00 of the 87880 visit.
    const sale = saleOf(s.maple.patients.mateo!.accountNumber, 5000);
    await drop(s, 'sale.rep', an835([sale]));
    await billing.data(FETCH);
    expect((await childOf(rivera, 'Mateo')).balance.amountCents).toBe(4500);
    expect(await openCharges()).toEqual([
      ['87880', 2500],
      ['99213', 2000],
    ]);
    // $20.00 back: the $10.00 on the newer visit first, then $10.00 of the oldest.
    await drop(s, 'refund.rep', an835([refundOf(sale, 2000)]));
    expect((await billing.data(FETCH)).fetchAndProcessReports).toMatchObject({ refundsPosted: 1 });
    expect((await childOf(rivera, 'Mateo')).balance.amountCents).toBe(6500);
    expect(await openCharges()).toEqual([
      ['87880', 3500],
      ['99213', 2000],
      ['99392', 1000],
    ]);
  });
});

describe('unmatched payments', () => {
  it('wait in the work queue until staff match them, then post', async () => {
    const s = await scenario();
    const billing = await api.signedIn(s.maple.users.billing!.email);
    await drop(s, 'unknown.rep', an835([saleOf(null, 2500, { payerName: 'Wei Chen' })]));
    expect((await billing.data(FETCH)).fetchAndProcessReports).toMatchObject({ paymentsUnmatched: 1, paymentsPosted: 0 });
    const { unmatchedPayments } = await billing.data('{ unmatchedPayments { id amount { amountCents } payerName accountNumber status patient { id } } }');
    expect(unmatchedPayments).toHaveLength(1);
    expect(unmatchedPayments[0]).toMatchObject({
      amount: { amountCents: 2500 },
      payerName: 'Wei Chen',
      accountNumber: null,
      status: 'UNMATCHED',
      patient: null,
    });
    expect((await billing.data('{ ebillingStatus { unmatchedCount } }')).ebillingStatus.unmatchedCount).toBe(1);

    const match = 'mutation ($p: ID!, $t: ID!) { matchUnmatchedPayment(paymentId: $p, patientId: $t) { status patient { firstName } } }';
    // Staff of another practice cannot take it, nor can it go to a patient of another practice.
    const otherAdmin = await api.signedIn(s.other.users.admin!.email);
    expect(errorCodes(await otherAdmin.request(match, { p: unmatchedPayments[0].id, t: s.other.patients.zoe!.id }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await billing.request(match, { p: unmatchedPayments[0].id, t: s.other.patients.zoe!.id }))).toEqual(['BAD_USER_INPUT']);

    const matched = await billing.data(match, { p: unmatchedPayments[0].id, t: s.maple.patients.emily!.id });
    expect(matched.matchUnmatchedPayment).toEqual({ status: 'POSTED', patient: { firstName: 'Emily' } });
    const chen = await api.signedIn(s.maple.users.chen!.email);
    expect((await childOf(chen, 'Emily')).balance.amountCents).toBe(6000);
    // Matching twice is refused; nothing posts twice.
    expect(errorCodes(await billing.request(match, { p: unmatchedPayments[0].id, t: s.maple.patients.emily!.id }))).toEqual(['BAD_USER_INPUT']);
    expect((await childOf(chen, 'Emily')).balance.amountCents).toBe(6000);
    const audit = await api.db.auditEvent.findFirstOrThrow({ where: { action: 'payment.matched', entityId: unmatchedPayments[0].id } });
    expect(audit.actorUserId).toBe(s.maple.users.billing!.id);
  });

  it('a refund of an unmatched payment waits with it, and posts when staff match the payment', async () => {
    const s = await scenario();
    const billing = await api.signedIn(s.maple.users.billing!.email);
    const chen = await api.signedIn(s.maple.users.chen!.email);
    const before = (await childOf(chen, 'Emily')).balance.amountCents;
    const unknown = saleOf(null, 3000, { payerName: 'Wei Chen' });
    await drop(s, 'unknown-sale.rep', an835([unknown]));
    await drop(s, 'unknown-refund.rep', an835([refundOf(unknown, 1000)]));
    expect((await billing.data(FETCH)).fetchAndProcessReports).toMatchObject({ paymentsUnmatched: 2, paymentsPosted: 0 });
    const { unmatchedPayments } = await billing.data('{ unmatchedPayments { id kind amount { amountCents } reverses { id } } }');
    const saleRow = unmatchedPayments.find((p: any) => p.kind === 'SALE');
    const refundRow = unmatchedPayments.find((p: any) => p.kind === 'REFUND');
    // The refund came first (its file sorts first); it was tied to the sale when the sale came.
    expect(refundRow).toMatchObject({ amount: { amountCents: -1000 }, reverses: { id: saleRow.id } });

    const match = 'mutation ($p: ID!, $t: ID!) { matchUnmatchedPayment(paymentId: $p, patientId: $t) { status } }';
    const refused = await billing.request(match, { p: refundRow.id, t: s.maple.patients.emily!.id });
    expect(refused.errors?.[0]?.message).toMatch(/posts together with the payment it undoes: match that payment/);

    expect((await billing.data(match, { p: saleRow.id, t: s.maple.patients.emily!.id })).matchUnmatchedPayment.status).toBe('POSTED');
    expect((await billing.data('{ unmatchedPayments { id } }')).unmatchedPayments).toEqual([]);
    // $30.00 in, $10.00 back out: the family's balance moved by $20.00 (or less, where it made a credit).
    const emily = await childOf(chen, 'Emily');
    expect(before - emily.balance.amountCents).toBe(2000);
    expect(emily.payments.map((p: any) => [p.kind, p.amount.amountCents])).toEqual(
      expect.arrayContaining([
        ['SALE', 3000],
        ['REFUND', -1000],
      ]),
    );
    // The parent sees which of their payments the refund undid.
    const { patients } = await chen.data('{ patients { edges { node { payments { kind amount { amountCents } reverses { amount { amountCents } } } } } } }');
    const refund = patients.edges.flatMap((e: any) => e.node.payments).find((p: any) => p.kind === 'REFUND' && p.amount.amountCents === -1000);
    expect(refund.reverses).toEqual({ amount: { amountCents: 3000 } });
  });
});

describe('the InstaMed webhook', () => {
  const post = (s: Scenario, { body, contentType }: { body: string; contentType: string }, auth?: string) =>
    fetch(`${api.url}/webhooks/instamed/${s.paymentId}`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...(auth ? { authorization: auth } : {}) },
      body,
    });

  it('refuses notices without the shared secret', async () => {
    const s = await scenario();
    const body = aNotice(saleOf(s.maple.patients.mateo!.accountNumber, 100));
    expect((await post(s, body)).status).toBe(401);
    expect((await post(s, body, 'Bearer wrong-secret-wrong-secret')).status).toBe(401);
    expect(await api.db.remittanceReport.count({ where: { practiceId: s.maple.practiceId, source: 'WEBHOOK' } })).toBe(0);
  });

  it('stores a notice once however often it is retried; the parent sees it being posted; the end-of-day file does not post it again', async () => {
    const s = await scenario();
    const sale = saleOf(s.maple.patients.mateo!.accountNumber, 1000);
    const body = aNotice(sale);
    const auth = `Basic ${Buffer.from(`instamed:${WEBHOOK_SECRET}`).toString('base64')}`;
    for (let i = 0; i < 3; i++) expect((await post(s, body, auth)).status).toBe(200);
    expect(await api.db.remittanceReport.count({ where: { practiceId: s.maple.practiceId, source: 'WEBHOOK' } })).toBe(1);

    const rivera = await api.signedIn(s.maple.users.rivera!.email);
    const before = await childOf(rivera, 'Mateo');
    expect(before.paymentsBeingPosted).toEqual([{ amount: { amountCents: 1000 } }]);
    expect(before.balance.amountCents).toBe(9500);
    // Pay Now stays for what the notice does not cover.
    expect(before.balanceAfterPaymentsBeingPosted.amountCents).toBe(8500);
    expect(before.payNowUrl).toMatch(/^http:/);

    const billing = await api.signedIn(s.maple.users.billing!.email);
    expect((await billing.data(PROCESS)).processReports).toMatchObject({ reportsProcessed: 1, paymentsPosted: 1 });
    const after = await childOf(rivera, 'Mateo');
    expect(after.paymentsBeingPosted).toEqual([]);
    expect(after.balance.amountCents).toBe(8500);

    await drop(s, 'eod.rep', an835([sale]));
    expect((await billing.data(FETCH)).fetchAndProcessReports).toMatchObject({ paymentsPosted: 0, duplicates: 1 });
    expect((await childOf(rivera, 'Mateo')).balance.amountCents).toBe(8500);
  });

  it('withholds Pay Now while a payment being posted covers the whole balance, so nobody pays twice', async () => {
    const s = await scenario();
    const chen = await api.signedIn(s.maple.users.chen!.email);
    const due = (await childOf(chen, 'Emily')).balance.amountCents;
    expect(due).toBeGreaterThan(0);
    const auth = `Bearer ${WEBHOOK_SECRET}`;
    expect((await post(s, aNotice(saleOf(s.maple.patients.emily!.accountNumber, due)), auth)).status).toBe(200);

    const emily = await childOf(chen, 'Emily');
    expect(emily).toMatchObject({
      balance: { amountCents: due },
      balanceAfterPaymentsBeingPosted: { amountCents: 0 },
      payNowUrl: null,
      payNowUnavailableReason: 'PAYMENT_BEING_POSTED',
    });
    // Staff see the same reason on the patient's page.
    const billing = await api.signedIn(s.maple.users.billing!.email);
    const { patient } = await billing.data(`{ patient(id: "${s.maple.patients.emily!.id}") { payNowUnavailableReason } }`);
    expect(patient.payNowUnavailableReason).toBe('PAYMENT_BEING_POSTED');

    expect((await billing.data(PROCESS)).processReports).toMatchObject({ paymentsPosted: 1 });
    expect(await childOf(chen, 'Emily')).toMatchObject({ balance: { amountCents: 0 }, paymentsBeingPosted: [], payNowUnavailableReason: 'NO_BALANCE_DUE' });
  });

  it('a notice shows only in its own practice, even to a family with the same account number in another practice', async () => {
    const s = await scenario();
    // Another practice on the server whose child has Mateo's account number: practices number their patients independently.
    const next = await ownPracticeScenario(api.db, { accountNumbers: { ava: s.maple.patients.mateo!.accountNumber } });
    const nextId = (await api.db.clearinghouseSettings.findFirstOrThrow({ where: { practiceId: next.practiceId } })).clearinghouseId!;
    const notice = aNotice(saleOf(s.maple.patients.mateo!.accountNumber, 1200));
    const sent = await fetch(`${api.url}/webhooks/instamed/${nextId}`, {
      method: 'POST',
      headers: { 'content-type': notice.contentType, authorization: `Bearer ${WEBHOOK_SECRET}` },
      body: notice.body,
    });
    expect(sent.status).toBe(200);

    // The practice the notice was for shows it being posted...
    const lee = await api.signedIn(next.users.parent!.email);
    expect((await childOf(lee, 'Ava')).paymentsBeingPosted).toEqual([{ amount: { amountCents: 1200 } }]);
    // ...and Mateo's family, same account number, practice next door, sees nothing of it.
    const rivera = await api.signedIn(s.maple.users.rivera!.email);
    expect(await childOf(rivera, 'Mateo')).toMatchObject({
      balance: { amountCents: 9500 },
      paymentsBeingPosted: [],
      balanceAfterPaymentsBeingPosted: { amountCents: 9500 },
      payNowUnavailableReason: null,
    });
    const billing = await api.signedIn(s.maple.users.billing!.email);
    const { patient } = await billing.data(`{ patient(id: "${s.maple.patients.mateo!.id}") { paymentsBeingPosted { amount { amountCents } } } }`);
    expect(patient.paymentsBeingPosted).toEqual([]);
  });

  it('a notice for a sale the end-of-day file already posted is not shown as still being posted', async () => {
    const s = await scenario();
    const billing = await api.signedIn(s.maple.users.billing!.email);
    const rivera = await api.signedIn(s.maple.users.rivera!.email);
    const sale = saleOf(s.maple.patients.mateo!.accountNumber, 2000);
    await drop(s, 'eod.rep', an835([sale]));
    expect((await billing.data(FETCH)).fetchAndProcessReports).toMatchObject({ paymentsPosted: 1 });
    // InstaMed's notice for the same sale arrives late (a retry): stored, not yet processed.
    expect((await post(s, aNotice(sale), `Bearer ${WEBHOOK_SECRET}`)).status).toBe(200);
    expect(await api.db.remittanceReport.count({ where: { practiceId: s.maple.practiceId, source: 'WEBHOOK', status: 'RECEIVED' } })).toBe(1);

    expect(await childOf(rivera, 'Mateo')).toMatchObject({
      balance: { amountCents: 7500 },
      paymentsBeingPosted: [],
      balanceAfterPaymentsBeingPosted: { amountCents: 7500 },
      payNowUnavailableReason: null,
    });
    // Processing the notice finds the sale posted already: nothing posts twice.
    expect((await billing.data(PROCESS)).processReports).toMatchObject({ paymentsPosted: 0, duplicates: 1 });
    expect((await childOf(rivera, 'Mateo')).balance.amountCents).toBe(7500);
  });
});

describe('a process killed halfway', () => {
  it('leaves nothing half-posted; the report is kept, and trying again posts exactly once', async () => {
    const s = await scenario();
    const content = an835([saleOf(s.maple.patients.mateo!.accountNumber, 500), saleOf(s.maple.patients.emily!.accountNumber, 500)]);
    const { report } = await storeReport(api.db, {
      practiceId: s.maple.practiceId,
      clearinghouse: 'INSTAMED',
      clearinghouseId: s.paymentId,
      source: 'DROP_FOLDER',
      fileName: 'killed.rep',
      content: Buffer.from(content),
      sizeBytes: Buffer.byteLength(content),
    });
    const reader = api.server.services.ebilling.fetchOptions.reader;
    const original = api.db.$transaction.bind(api.db);
    (api.db as any).$transaction = (fn: any, options: any) =>
      original(async (tx: any) => {
        await fn(tx);
        throw new Error('process killed before commit');
      }, options);
    try {
      expect(await processReport(api.db, reader, report.id)).toMatchObject({ status: 'FAILED' });
    } finally {
      (api.db as any).$transaction = original;
    }
    expect(await api.db.payment.count({ where: { reportId: report.id } })).toBe(0);
    expect(await api.db.remittanceReport.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({
      status: 'FAILED',
      error: expect.stringMatching(/reference/),
    });
    const billing = await api.signedIn(s.maple.users.billing!.email);
    const retried = await billing.data('mutation ($id: ID!) { retryReport(id: $id) { status paymentsPosted } }', { id: report.id });
    expect(retried.retryReport).toEqual({ status: 'PROCESSED', paymentsPosted: 2 });
    expect(await processReport(api.db, reader, report.id)).toMatchObject({ status: 'ALREADY_PROCESSED' });
    expect(await api.db.payment.count({ where: { reportId: report.id } })).toBe(2);
  });
});

describe('who may do what', () => {
  it('parents cannot fetch, process, list reports or payments, or match', async () => {
    const s = await scenario();
    const rivera = await api.signedIn(s.maple.users.rivera!.email);
    for (const q of [
      FETCH,
      PROCESS,
      '{ remittanceReports { totalCount } }',
      '{ payments { totalCount } }',
      '{ unmatchedPayments { id } }',
      '{ ebillingStatus { unmatchedCount } }',
    ]) {
      expect(errorCodes(await rivera.request(q))).toEqual(['FORBIDDEN']);
    }
    const zero = '"00000000-0000-0000-0000-000000000000"';
    for (const m of [
      `mutation { matchUnmatchedPayment(paymentId: ${zero}, patientId: ${zero}) { id } }`,
      `mutation { matchUnmatchedRefund(paymentId: ${zero}, saleId: ${zero}) { id } }`,
      `mutation { retryReport(id: ${zero}) { id } }`,
      `mutation { resolvePaymentConflict(id: ${zero}, note: "mine") { id } }`,
      '{ paymentConflicts { id } }',
      'mutation { updateEbillingPreferences(input: { agentEnabled: false, agentIntervalMinutes: 60, notificationEmails: [], testMode: true }) { testMode } }',
    ]) {
      expect(errorCodes(await rivera.request(m))).toEqual(['FORBIDDEN']);
    }
  });

  it('a parent sees payments of their own children only', async () => {
    const s = await scenario();
    const chen = await api.signedIn(s.maple.users.chen!.email);
    const mateo = await chen.data('query ($id: ID!) { patient(id: $id) { payments { id } } }', { id: s.maple.patients.mateo!.id });
    expect(mateo.patient).toBeNull();
  });

  it('raw report files are for the practice’s staff only', async () => {
    const s = await scenario();
    const content = an835([saleOf(s.maple.patients.mateo!.accountNumber, 500)]);
    const { report } = await storeReport(api.db, {
      practiceId: s.maple.practiceId,
      clearinghouse: 'INSTAMED',
      clearinghouseId: s.paymentId,
      source: 'DROP_FOLDER',
      fileName: 'raw.rep',
      content: Buffer.from(content),
      sizeBytes: Buffer.byteLength(content),
    });
    const url = `${api.url}/ebilling/reports/${report.id}/raw`;
    expect((await fetch(url)).status).toBe(401);
    const rivera = await api.signedIn(s.maple.users.rivera!.email);
    expect((await fetch(url, { headers: { cookie: rivera.cookie! } })).status).toBe(403);
    const otherAdmin = await api.signedIn(s.other.users.admin!.email);
    expect((await fetch(url, { headers: { cookie: otherAdmin.cookie! } })).status).toBe(404);
    const billing = await api.signedIn(s.maple.users.billing!.email);
    const own = await fetch(url, { headers: { cookie: billing.cookie! } });
    expect(own.status).toBe(200);
    expect(await own.text()).toBe(content);
  });

  it('only admins change the eBilling preferences, with checked values', async () => {
    const s = await scenario();
    const update = 'mutation ($i: EbillingPreferencesInput!) { updateEbillingPreferences(input: $i) { agentEnabled agentIntervalMinutes notificationEmails } }';
    const billing = await api.signedIn(s.maple.users.billing!.email);
    expect(errorCodes(await billing.request(update, { i: { agentEnabled: true, agentIntervalMinutes: 15, notificationEmails: [] } }))).toEqual(['FORBIDDEN']);
    const admin = await api.signedIn(s.maple.users.admin!.email);
    expect((await admin.request(update, { i: { agentEnabled: true, agentIntervalMinutes: 1, notificationEmails: [] } })).errors![0]!.message).toMatch(
      /5 to 1,440 minutes/,
    );
    expect(
      (await admin.request(update, { i: { agentEnabled: true, agentIntervalMinutes: 15, notificationEmails: ['not-an-email'] } })).errors![0]!.message,
    ).toMatch(/not an email address/);
    const saved = await admin.data(update, { i: { agentEnabled: true, agentIntervalMinutes: 15, notificationEmails: [' Office@TestPeds.test '] } });
    expect(saved.updateEbillingPreferences).toEqual({ agentEnabled: true, agentIntervalMinutes: 15, notificationEmails: ['office@testpeds.test'] });
  });
});
