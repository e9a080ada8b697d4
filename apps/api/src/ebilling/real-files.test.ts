// Real clearinghouse files, through the real server: whatever one file holds (bad bytes, an
// insurance ERA, an amount out of range, another practice's payee), it fails alone with a reason
// staff can read and the next file still posts; files and notices reach only the practice that
// owns their clearinghouse ID; each transaction posts once, and a contradiction is shown, not hidden.
// Every test makes its own practice, so each passes alone and in any order.
import { readFileSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PrismaClient } from '@kinpay/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiServer } from '../server.ts';
import { errorCodes, ApiClient } from '../test/api-client.ts';
import { startTestApi, type TestApi } from '../test/harness.ts';
import { an835, aNotice, anImdpa, aWaystarReport, refundOf, saleOf, TEST_NPI } from '../test/reports.ts';
import { ownPracticeScenario, TEST_PASSWORD, type CreatedPractice } from '../test/scenarios.ts';

const WEBHOOK_SECRET = 'test-webhook-secret-0123456789';
let api: TestApi;
let inbox: string;
beforeAll(async () => {
  inbox = path.join(tmpdir(), `kinpay-real-files-${process.pid}-${Date.now()}`);
  api = await startTestApi({ REPORTS_INBOX: inbox, INSTAMED_WEBHOOK_SECRET: WEBHOOK_SECRET });
});
afterAll(async () => {
  await api?.close();
  await rm(inbox, { recursive: true, force: true });
});

const FETCH = `mutation { fetchAndProcessReports { reportsFetched reportsProcessed reportsFailed paymentsPosted refundsPosted paymentsUnmatched duplicates conflicts fetchError
  reports { id fileName status error formatVersion payee canRetry } } }`;
const RETRY = 'mutation ($id: ID!) { retryReport(id: $id) { status error paymentsPosted } }';
const BALANCES = '{ patients { edges { node { firstName balance { amountCents } } } } }';
const SAVE_PREFS = `mutation ($i: EbillingPreferencesInput!) { updateEbillingPreferences(input: $i) {
  payeeNpi instamedMerchantId waystarAccountName testMode dropFolders } }`;

interface Practice extends CreatedPractice {
  id: string;
  billing: ApiClient;
  folder: string;
}

async function practice(options: Parameters<typeof ownPracticeScenario>[1] = {}): Promise<Practice> {
  const created = await ownPracticeScenario(api.db, options);
  const settings = await api.db.clearinghouseSettings.findFirstOrThrow({ where: { practiceId: created.practiceId } });
  return {
    ...created,
    id: settings.clearinghouseId!,
    billing: await api.signedIn(created.users.billing!.email),
    folder: path.join(inbox, settings.clearinghouse!.toLowerCase(), settings.clearinghouseId!),
  };
}

async function drop(folder: string, name: string, content: string | Uint8Array) {
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, name), content);
}

async function balances(p: Practice): Promise<Record<string, number>> {
  const parent = await api.signedIn(p.users.parent!.email);
  const { patients } = await parent.data(BALANCES);
  return Object.fromEntries(patients.edges.map((e: any) => [e.node.firstName, e.node.balance.amountCents]));
}

const fetchAndProcess = async (p: Practice) => (await p.billing.data(FETCH)).fetchAndProcessReports;
const reportNamed = (summary: any, fileName: string) => summary.reports.find((r: any) => r.fileName === fileName);
const era = (name: string) => readFileSync(new URL(`../../../../packages/remittance/fixtures/era/${name}`, import.meta.url));

describe('one bad file fails alone, with a reason, and the next file still posts', () => {
  const cases: [string, (p: Practice) => string | Uint8Array, RegExp][] = [
    ['a NUL byte', (p) => an835([saleOf(p.patients.ava!.accountNumber, 700)]).replace('N1*PR*', 'N1*PR*\u0000'), /NUL|control character/i],
    [
      'bytes that are not UTF-8 (Latin-1)',
      () => Buffer.from('IMDPA14|MID|1|1|CreditCard|AuthCapt|5.00|VISA|abc|1|20261125120000|S|Mu\xf1oz', 'latin1'),
      /not UTF-8/,
    ],
    [
      'an amount above the ceiling ($25,000,000.00, over int4 too)',
      (p) => an835([saleOf(p.patients.ava!.accountNumber, 700)]).replace(/(?<=\*)7\.00(?=\*)/g, '25000000.00'),
      /\$1,000,000\.00/,
    ],
    ['an 18-digit amount', (p) => anImdpa([saleOf(p.patients.ava!.accountNumber, 700)]).replace('|7.00|', '|123456789012345678.00|'), /amount/i],
    ['an insurance ERA', () => era('linuxforhealth-5010-managed-care.835'), /insurance remittance \(ERA\) from RUSHMORE LIFE/],
    [
      'a transaction named twice',
      (p) => {
        const sale = saleOf(p.patients.ava!.accountNumber, 700);
        return anImdpa([sale, { ...sale, amountCents: 900 }]);
      },
      /twice|repeated|more than once/i,
    ],
  ];

  it.each(cases)('%s', async (_label, bad, reason) => {
    const p = await practice();
    const content = bad(p);
    await drop(p.folder, '1-bad.txt', content);
    await drop(p.folder, '2-good.rep', an835([saleOf(p.patients.ben!.accountNumber, 1500)]));
    const summary = await fetchAndProcess(p);
    expect(summary).toMatchObject({ reportsFetched: 2, reportsProcessed: 1, reportsFailed: 1, paymentsPosted: 1 });
    const failed = reportNamed(summary, '1-bad.txt');
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toMatch(reason);
    expect(reportNamed(summary, '2-good.rep').status).toBe('PROCESSED');
    expect(await balances(p)).toEqual({ Ava: 6000, Ben: 2500 });
    // The bad file was kept byte for byte.
    expect(await api.db.remittanceReport.findFirstOrThrow({ where: { id: failed.id }, select: { sizeBytes: true } })).toEqual({
      sizeBytes: Buffer.byteLength(content),
    });
  });

  it('a file that fails still says what it was, as far as it could be read', async () => {
    const p = await practice();
    await drop(p.folder, 'era.835', era('edi835parser-5010-uhc-single-line.txt'));
    const failed = reportNamed(await fetchAndProcess(p), 'era.835');
    expect(failed).toMatchObject({ status: 'FAILED', formatVersion: 'X12 835 (005010X221A1)' });
    expect(failed.error).toBe(
      'This is an insurance remittance (ERA) from UNITED HEALTHCARE INSURANCE COMPANY (87726), not a patient payment file; Kinpay posts patient payments.',
    );
  });

  it('a database error while posting one report fails that report with a reference; once the fault passes, Try again posts it', async () => {
    const p = await practice();
    // The database itself refuses any payment row for Ava (a trigger), as a full disk or a lost connection would.
    const fault = `refuse_payment_${p.practiceId.replaceAll('-', '')}`;
    await api.db.$executeRawUnsafe(
      `CREATE FUNCTION ${fault}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."patientId" = '${p.patients.ava!.id}' THEN RAISE EXCEPTION 'simulated storage failure'; END IF; RETURN NEW; END $$`,
    );
    await api.db.$executeRawUnsafe(`CREATE TRIGGER ${fault} BEFORE INSERT ON "Payment" FOR EACH ROW EXECUTE FUNCTION ${fault}()`);
    try {
      await drop(p.folder, '1-broken-ledger.rep', an835([saleOf(p.patients.ava!.accountNumber, 700)]));
      await drop(p.folder, '2-good.rep', an835([saleOf(p.patients.ben!.accountNumber, 1500)]));
      const summary = await fetchAndProcess(p);
      expect(reportNamed(summary, '1-broken-ledger.rep')).toMatchObject({ status: 'FAILED', canRetry: true });
      expect(reportNamed(summary, '1-broken-ledger.rep').error).toMatch(/error on its side \(reference [0-9a-f]{8}\)/);
      expect(reportNamed(summary, '1-broken-ledger.rep').error).not.toMatch(/simulated storage failure/);
      expect(reportNamed(summary, '2-good.rep').status).toBe('PROCESSED');
      expect(await api.db.payment.count({ where: { practiceId: p.practiceId, patientId: p.patients.ava!.id } })).toBe(0);
    } finally {
      await api.db.$executeRawUnsafe(`DROP TRIGGER ${fault} ON "Payment"`);
      await api.db.$executeRawUnsafe(`DROP FUNCTION ${fault}()`);
    }
    const { remittanceReports } = await p.billing.data('{ remittanceReports { nodes { id fileName } } }');
    const failed = remittanceReports.nodes.find((r: any) => r.fileName === '1-broken-ledger.rep');
    expect((await p.billing.data(RETRY, { id: failed.id })).retryReport).toMatchObject({ status: 'PROCESSED', paymentsPosted: 1 });
    expect(await balances(p)).toEqual({ Ava: 5300, Ben: 2500 });
  });

  it('a 248-character file name is kept whole; the file moves aside under a short name', async () => {
    const p = await practice();
    const name = `${'x'.repeat(240)}_1.rep`.slice(0, 248);
    await drop(p.folder, name, an835([saleOf(p.patients.ava!.accountNumber, 1000)]));
    const summary = await fetchAndProcess(p);
    expect(reportNamed(summary, name)).toMatchObject({ status: 'PROCESSED' });
    const moved = await readdir(path.join(p.folder, 'processed'));
    expect(moved).toHaveLength(1);
    expect(moved[0]!.length).toBeLessThan(40);
    expect(moved[0]).toMatch(/\.rep$/);
  });

  it('a file over the size limit is refused before it is read, kept on disk, and cannot be tried again', async () => {
    const p = await practice();
    const options = api.server.services.ebilling.fetchOptions;
    const limit = options.maxReportBytes;
    options.maxReportBytes = 1000;
    try {
      await drop(p.folder, 'big.rep', an835(Array.from({ length: 20 }, () => saleOf(p.patients.ava!.accountNumber, 100))));
      const summary = await fetchAndProcess(p);
      expect(reportNamed(summary, 'big.rep')).toMatchObject({ status: 'FAILED', canRetry: false });
      expect(reportNamed(summary, 'big.rep').error).toMatch(/Kinpay reads report files up to 0\.0 MB \(REPORTS_MAX_BYTES\)/);
      expect(await readdir(path.join(p.folder, 'processed'))).toHaveLength(1);
      const { remittanceReports } = await p.billing.data('{ remittanceReports { nodes { fileName downloadUrl sizeBytes } } }');
      expect(remittanceReports.nodes[0]).toMatchObject({ fileName: 'big.rep', downloadUrl: null });
      expect(remittanceReports.nodes[0].sizeBytes).toBeGreaterThan(1000);
    } finally {
      options.maxReportBytes = limit;
    }
  });
});

describe('a clearinghouse ID belongs to one practice', () => {
  const SAVE = 'mutation ($i: UpdateClearinghouseSettingsInput!) { updateClearinghouseSettings(input: $i) { clearinghouseId } }';

  it('a second practice cannot save an ID another practice uses, and is told why', async () => {
    const a = await practice();
    const b = await practice();
    const admin = await api.signedIn(b.users.admin!.email);
    const refused = await admin.request(SAVE, { i: { clearinghouse: 'INSTAMED', clearinghouseId: a.id.toUpperCase(), onlinePaymentsEnabled: true } });
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0]!.extensions!.field).toBe('clearinghouseId');
    expect(refused.errors![0]!.message).toMatch(/Another practice on this server already uses the InstaMed Payment ID/);
    expect((await api.db.clearinghouseSettings.findFirstOrThrow({ where: { practiceId: b.practiceId }, orderBy: { version: 'desc' } })).clearinghouseId).toBe(
      b.id,
    );
  });

  it('an ID nothing was received under is let go when the practice moves on (a typo does not block the real owner)', async () => {
    const a = await practice();
    const b = await practice();
    const adminA = await api.signedIn(a.users.admin!.email);
    const typo = `typo${Date.now()}.peds`;
    await adminA.data(SAVE, { i: { clearinghouse: 'INSTAMED', clearinghouseId: typo, onlinePaymentsEnabled: true } });
    await adminA.data(SAVE, { i: { clearinghouse: 'INSTAMED', clearinghouseId: `fixed${Date.now()}.peds`, onlinePaymentsEnabled: true } });
    const adminB = await api.signedIn(b.users.admin!.email);
    expect(
      (await adminB.data(SAVE, { i: { clearinghouse: 'INSTAMED', clearinghouseId: typo, onlinePaymentsEnabled: true } })).updateClearinghouseSettings
        .clearinghouseId,
    ).toBe(typo);
  });

  it('an ID reports came under stays with its practice after it switches, so late files still reach it', async () => {
    const a = await practice();
    await drop(a.folder, 'early.rep', an835([saleOf(a.patients.ava!.accountNumber, 500)]));
    await fetchAndProcess(a);
    const adminA = await api.signedIn(a.users.admin!.email);
    await adminA.data(SAVE, { i: { clearinghouse: 'WAYSTAR', clearinghouseId: `W${Date.now()}`, onlinePaymentsEnabled: true } });
    const b = await practice();
    const adminB = await api.signedIn(b.users.admin!.email);
    expect(errorCodes(await adminB.request(SAVE, { i: { clearinghouse: 'INSTAMED', clearinghouseId: a.id, onlinePaymentsEnabled: true } }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it('drop-folder files reach only the practice that owns the folder’s ID', async () => {
    const a = await practice();
    const b = await practice();
    await drop(a.folder, 'for-a.rep', an835([saleOf(a.patients.ava!.accountNumber, 1000)]));
    expect(await fetchAndProcess(b)).toMatchObject({ reportsFetched: 0 });
    expect(await readdir(a.folder)).toEqual(['for-a.rep']);
    expect(await fetchAndProcess(a)).toMatchObject({ reportsFetched: 1, paymentsPosted: 1 });
  });

  it('a practice whose settings name another practice’s ID (saved before IDs were owned) fetches nothing under it and is told', async () => {
    const a = await practice();
    const b = await practice();
    await api.db.clearinghouseSettings.create({
      data: {
        practiceId: b.practiceId,
        version: 2,
        clearinghouse: 'INSTAMED',
        clearinghouseId: a.id,
        onlinePaymentsEnabled: true,
        changedById: b.users.admin!.id,
      },
    });
    const server = await createApiServer({ ...api.config, ebilling: { ...api.config.ebilling, reportsFeedUrl: 'http://127.0.0.1:9' } }, api.db);
    try {
      const port = await server.listen(0, '127.0.0.1');
      const billing = new ApiClient(`http://127.0.0.1:${port}`);
      await billing.signIn(b.users.billing!.email, TEST_PASSWORD);
      const { fetchAndProcessReports } = await billing.data(FETCH);
      expect(fetchAndProcessReports.fetchError).toMatch(/belongs to another practice on this server/);
    } finally {
      await server.close();
    }
  });

  it('webhook notices reach only the practice that owns the Payment ID', async () => {
    const a = await practice();
    const b = await practice();
    const { body, contentType } = aNotice(saleOf(a.patients.ava!.accountNumber, 1200));
    const response = await fetch(`${api.url}/webhooks/instamed/${a.id.toUpperCase()}`, {
      method: 'POST',
      headers: { 'content-type': contentType, authorization: `Bearer ${WEBHOOK_SECRET}` },
      body,
    });
    expect(response.status).toBe(200);
    expect(await api.db.remittanceReport.count({ where: { practiceId: a.practiceId, source: 'WEBHOOK' } })).toBe(1);
    expect(await api.db.remittanceReport.count({ where: { practiceId: b.practiceId, source: 'WEBHOOK' } })).toBe(0);
    const unknown = await fetch(`${api.url}/webhooks/instamed/nobody.here`, { method: 'POST', headers: { authorization: `Bearer ${WEBHOOK_SECRET}` }, body });
    expect(unknown.status).toBe(404);
  });
});

describe('the payee and test data', () => {
  it('with the practice’s NPI set, an 835 naming another payee fails with the reason; fixing the NPI and trying again posts it', async () => {
    const p = await practice();
    const admin = await api.signedIn(p.users.admin!.email);
    const base = { agentEnabled: false, agentIntervalMinutes: 60, notificationEmails: [] };
    expect(errorCodes(await admin.request(SAVE_PREFS, { i: { ...base, payeeNpi: '1234567890' } }))).toEqual(['BAD_USER_INPUT']);
    await admin.data(SAVE_PREFS, { i: { ...base, payeeNpi: '1245319599' } });
    await drop(p.folder, 'other-payee.rep', an835([saleOf(p.patients.ava!.accountNumber, 1000)], { npi: TEST_NPI }));
    const summary = await fetchAndProcess(p);
    const report = reportNamed(summary, 'other-payee.rep');
    expect(report.status).toBe('FAILED');
    expect(report.error).toMatch(new RegExp(`for NPI ${TEST_NPI} \\(N1\\*PE\\), but this practice's NPI is 1245319599`));
    expect(await balances(p)).toEqual({ Ava: 6000, Ben: 4000 });

    await admin.data(SAVE_PREFS, { i: { ...base, payeeNpi: TEST_NPI } });
    expect((await p.billing.data(RETRY, { id: report.id })).retryReport).toMatchObject({ status: 'PROCESSED', error: null, paymentsPosted: 1 });
    expect(await balances(p)).toEqual({ Ava: 5000, Ben: 4000 });
    // A processed report cannot be tried again.
    expect(errorCodes(await p.billing.request(RETRY, { id: report.id }))).toEqual(['BAD_USER_INPUT']);
  });

  it('without payee identifiers the file posts, and the report shows the payee it named', async () => {
    const p = await practice();
    await drop(p.folder, 'payee.rep', an835([saleOf(p.patients.ava!.accountNumber, 1000)]));
    expect(reportNamed(await fetchAndProcess(p), 'payee.rep')).toMatchObject({ status: 'PROCESSED', payee: expect.stringContaining(`NPI ${TEST_NPI}`) });
  });

  it('an IMDPA file of another merchant fails when the merchant ID is set', async () => {
    const p = await practice();
    const admin = await api.signedIn(p.users.admin!.email);
    await admin.data(SAVE_PREFS, { i: { agentEnabled: false, agentIntervalMinutes: 60, notificationEmails: [], instamedMerchantId: 'OURMID' } });
    await drop(p.folder, 'imdpa.txt', anImdpa([saleOf(p.patients.ava!.accountNumber, 1000)], { merchantId: 'THEIRMID' }));
    expect(reportNamed(await fetchAndProcess(p), 'imdpa.txt').error).toMatch(/InstaMed merchant ID THEIRMID .* this practice's InstaMed merchant ID is OURMID/);
  });

  it('a test-flagged 835 (ISA15 = T) is refused unless the practice is in test mode', async () => {
    const p = await practice();
    await drop(p.folder, 'test.rep', an835([saleOf(p.patients.ava!.accountNumber, 1000)], { usage: 'T' }));
    const report = reportNamed(await fetchAndProcess(p), 'test.rep');
    expect(report.error).toMatch(/marked this file as test data \(ISA15 = T\)/);
    const admin = await api.signedIn(p.users.admin!.email);
    await admin.data(SAVE_PREFS, { i: { agentEnabled: false, agentIntervalMinutes: 60, notificationEmails: [], testMode: true } });
    expect((await p.billing.data(RETRY, { id: report.id })).retryReport).toMatchObject({ status: 'PROCESSED', paymentsPosted: 1 });
  });
});

describe('exactly once, honestly', () => {
  it('the duplicate key is the clearinghouse the file came from: after switching to Waystar, the old InstaMed file does not post again', async () => {
    const p = await practice();
    const sale = saleOf(p.patients.ava!.accountNumber, 2000);
    await drop(p.folder, 'day1.rep', an835([sale]));
    expect(await fetchAndProcess(p)).toMatchObject({ paymentsPosted: 1 });
    const admin = await api.signedIn(p.users.admin!.email);
    await admin.data('mutation ($i: UpdateClearinghouseSettingsInput!) { updateClearinghouseSettings(input: $i) { clearinghouse } }', {
      i: { clearinghouse: 'WAYSTAR', clearinghouseId: `W${Date.now()}`, onlinePaymentsEnabled: true },
    });
    await drop(p.folder, 'day1-again.rep', an835([sale]));
    expect(await fetchAndProcess(p)).toMatchObject({ reportsFetched: 1, paymentsPosted: 0, duplicates: 1 });
    expect(await balances(p)).toEqual({ Ava: 4000, Ben: 4000 });
  });

  it('a notice for $2.00 and then a file for $20.00 under the same transaction ID is a conflict staff see with both versions', async () => {
    const p = await practice();
    const sale = saleOf(p.patients.ava!.accountNumber, 200);
    const { body, contentType } = aNotice(sale);
    expect(
      (
        await fetch(`${api.url}/webhooks/instamed/${p.id}`, {
          method: 'POST',
          headers: { 'content-type': contentType, authorization: `Bearer ${WEBHOOK_SECRET}` },
          body,
        })
      ).status,
    ).toBe(200);
    expect(await fetchAndProcess(p)).toMatchObject({ paymentsPosted: 1 });
    await drop(p.folder, 'eod.rep', an835([{ ...sale, amountCents: 2000 }]));
    expect(await fetchAndProcess(p)).toMatchObject({ paymentsPosted: 0, duplicates: 0, conflicts: 1 });
    expect(await balances(p)).toEqual({ Ava: 5800, Ben: 4000 });

    const { paymentConflicts, ebillingStatus } = await p.billing.data(`{ ebillingStatus { conflictsCount }
      paymentConflicts { id transactionId kind amount { amountCents } differences location report { fileName } payment { amount { amountCents } report { source } } } }`);
    expect(ebillingStatus.conflictsCount).toBe(1);
    expect(paymentConflicts).toEqual([
      expect.objectContaining({
        transactionId: sale.transactionId,
        kind: 'SALE',
        amount: { amountCents: 2000 },
        differences: ['amount: $2.00 recorded, $20.00 in this report'],
        report: { fileName: 'eod.rep' },
        payment: { amount: { amountCents: 200 }, report: { source: 'WEBHOOK' } },
      }),
    ]);
    const resolve =
      'mutation ($id: ID!, $note: String!) { resolvePaymentConflict(id: $id, note: $note) { resolvedAt resolutionNote resolvedBy { firstName } } }';
    expect(errorCodes(await p.billing.request(resolve, { id: paymentConflicts[0].id, note: '  ' }))).toEqual(['BAD_USER_INPUT']);
    const other = await practice();
    expect(errorCodes(await other.billing.request(resolve, { id: paymentConflicts[0].id, note: 'not mine' }))).toEqual(['BAD_USER_INPUT']);
    const resolved = (await p.billing.data(resolve, { id: paymentConflicts[0].id, note: 'InstaMed confirmed $2.00; the file was wrong.' }))
      .resolvePaymentConflict;
    expect(resolved).toMatchObject({ resolutionNote: 'InstaMed confirmed $2.00; the file was wrong.', resolvedBy: { firstName: 'billing' } });
    expect((await p.billing.data('{ ebillingStatus { conflictsCount } paymentConflicts { id } }')).paymentConflicts).toEqual([]);
  });

  it('the same Waystar report fetched twice (it has no transaction IDs) posts each payment once', async () => {
    const p = await practice({ clearinghouse: 'WAYSTAR' });
    const report = aWaystarReport([saleOf(p.patients.ava!.accountNumber, 1000), saleOf(p.patients.ben!.accountNumber, 1000)]);
    await drop(p.folder, 'A_20261125_1PAY.prp.csv', report);
    expect(await fetchAndProcess(p)).toMatchObject({ paymentsPosted: 2 });
    await drop(p.folder, 'A_20261125_1PAY.prp (copy).csv', report);
    expect(await fetchAndProcess(p)).toMatchObject({ paymentsPosted: 0, duplicates: 2 });
    expect(await balances(p)).toEqual({ Ava: 5000, Ben: 3000 });
  });

  it('an InstaMed file that came through the Waystar account is refused, not posted under the wrong clearinghouse', async () => {
    const p = await practice({ clearinghouse: 'WAYSTAR' });
    await drop(p.folder, 'wrong.rep', an835([saleOf(p.patients.ava!.accountNumber, 1000)]));
    expect(reportNamed(await fetchAndProcess(p), 'wrong.rep').error).toMatch(/This is an InstaMed file .* but it came through the practice's Waystar account/);
  });

  it('a refund whose sale the report does not name waits for staff, who match it to the payment it undoes', async () => {
    const p = await practice({ clearinghouse: 'WAYSTAR' });
    const sale = saleOf(p.patients.ava!.accountNumber, 3000);
    await drop(p.folder, '1PAY.prp.csv', aWaystarReport([sale]));
    await fetchAndProcess(p);
    await drop(p.folder, '2PAY.prp.csv', aWaystarReport([{ ...refundOf(sale, 1000), originalTransactionId: null, occurredAt: '2026-11-26T15:00:00.000Z' }]));
    expect(await fetchAndProcess(p)).toMatchObject({ paymentsUnmatched: 1, refundsPosted: 0 });
    expect(await balances(p)).toEqual({ Ava: 3000, Ben: 4000 });

    const { unmatchedPayments } = await p.billing.data('{ unmatchedPayments { id kind amount { amountCents } } }');
    const refund = unmatchedPayments.find((u: any) => u.kind === 'REFUND');
    const posted = await api.db.payment.findFirstOrThrow({ where: { practiceId: p.practiceId, kind: 'SALE' } });
    const match = 'mutation ($p: ID!, $s: ID!) { matchUnmatchedRefund(paymentId: $p, saleId: $s) { status reverses { id } patient { firstName } } }';
    const other = await practice({ clearinghouse: 'WAYSTAR' });
    expect(errorCodes(await other.billing.request(match, { p: refund.id, s: posted.id }))).toEqual(['BAD_USER_INPUT']);
    expect((await p.billing.data(match, { p: refund.id, s: posted.id })).matchUnmatchedRefund).toEqual({
      status: 'POSTED',
      reverses: { id: posted.id },
      patient: { firstName: 'Ava' },
    });
    expect(await balances(p)).toEqual({ Ava: 4000, Ben: 4000 });
    const { payments } = await p.billing.data('{ payments { nodes { kind remaining { amountCents } originalTransactionId } } }');
    expect(payments.nodes.find((n: any) => n.kind === 'SALE').remaining).toEqual({ amountCents: 2000 });
    expect(payments.nodes.find((n: any) => n.kind === 'REFUND')).toMatchObject({ remaining: null, originalTransactionId: null });
    expect(errorCodes(await p.billing.request(match, { p: refund.id, s: posted.id }))).toEqual(['BAD_USER_INPUT']);
  });

  it('a refund larger than what is left of the payment is refused with the amounts', async () => {
    const p = await practice({ clearinghouse: 'WAYSTAR' });
    const sale = saleOf(p.patients.ava!.accountNumber, 1000);
    await drop(p.folder, '1PAY.prp.csv', aWaystarReport([sale]));
    await drop(p.folder, '2PAY.prp.csv', aWaystarReport([{ ...refundOf(sale, 1500), originalTransactionId: null, occurredAt: '2026-11-26T15:00:00.000Z' }]));
    await fetchAndProcess(p);
    const { unmatchedPayments } = await p.billing.data('{ unmatchedPayments { id kind } }');
    const posted = await api.db.payment.findFirstOrThrow({ where: { practiceId: p.practiceId, kind: 'SALE' } });
    const refused = await p.billing.request('mutation ($p: ID!, $s: ID!) { matchUnmatchedRefund(paymentId: $p, saleId: $s) { id } }', {
      p: unmatchedPayments.find((u: any) => u.kind === 'REFUND').id,
      s: posted.id,
    });
    expect(refused.errors![0]!.message).toMatch(/takes back \$15\.00, but only \$10\.00 is left/);
  });
});

describe('notices in every published encoding', () => {
  const post = (p: Practice, notice: { body: string; contentType: string }) =>
    fetch(`${api.url}/webhooks/instamed/${p.id}`, {
      method: 'POST',
      headers: { 'content-type': notice.contentType, authorization: `Bearer ${WEBHOOK_SECRET}` },
      body: notice.body,
    });

  it.each(['json', 'xml', 'nvp'] as const)('%s: the parent sees the payment being posted, and it posts', async (encoding) => {
    const p = await practice();
    expect((await post(p, aNotice(saleOf(p.patients.ava!.accountNumber, 1500), encoding))).status).toBe(200);
    const parent = await api.signedIn(p.users.parent!.email);
    const family = await parent.data('{ patients { edges { node { firstName paymentsBeingPosted { amount { amountCents } } } } } }');
    expect(family.patients.edges.find((e: any) => e.node.firstName === 'Ava').node.paymentsBeingPosted).toEqual([{ amount: { amountCents: 1500 } }]);
    expect(await fetchAndProcess(p)).toMatchObject({ paymentsPosted: 1 });
    expect(await balances(p)).toEqual({ Ava: 4500, Ben: 4000 });
  });

  it.each([
    ['an amount in exponent form', (b: string) => b.replace('"15.00"', '"1e3"'), /Amount/],
    ['an amount as a JSON number', (b: string) => b.replace('"15.00"', '15'), /Amount/],
    ['a transaction ID with characters InstaMed never sends', (b: string, id: string) => b.replace(id, `${id.slice(0, 10)}'; DROP`), /TransactionID/],
  ])('%s is kept and fails with the reason; nothing is shown as being posted', async (_label, spoil, reason) => {
    const p = await practice();
    const sale = saleOf(p.patients.ava!.accountNumber, 1500);
    const notice = aNotice(sale, 'json');
    expect((await post(p, { ...notice, body: spoil(notice.body, sale.transactionId) })).status).toBe(200);
    expect(await api.db.paymentNotice.count({ where: { practiceId: p.practiceId } })).toBe(0);
    const summary = await fetchAndProcess(p);
    expect(summary).toMatchObject({ reportsFailed: 1, paymentsPosted: 0 });
    expect(summary.reports[0].error).toMatch(reason);
  });
});

describe('several API instances, one drop folder', () => {
  it('two instances fetching at once store each file once and neither fails on a file the other moved', async () => {
    const p = await practice();
    for (let i = 0; i < 6; i++) await drop(p.folder, `f${i}.rep`, an835([saleOf(p.patients.ava!.accountNumber, 100)]));
    const second = await createApiServer(api.config, api.db);
    try {
      const port = await second.listen(0, '127.0.0.1');
      const other = new ApiClient(`http://127.0.0.1:${port}`);
      await other.signIn(p.users.billing!.email, TEST_PASSWORD);
      const [one, two] = await Promise.all([p.billing.request(FETCH), other.request(FETCH)]);
      expect(one.errors).toBeUndefined();
      expect(two.errors).toBeUndefined();
      expect(one.data.fetchAndProcessReports.reportsFetched + two.data.fetchAndProcessReports.reportsFetched).toBe(6);
      expect(await api.db.remittanceReport.count({ where: { practiceId: p.practiceId } })).toBe(6);
      expect(await balances(p)).toEqual({ Ava: 5400, Ben: 4000 });
      expect((await readdir(p.folder)).sort()).toEqual(['processed']);
    } finally {
      await second.close();
    }
  });
});

describe('the Reports tab', () => {
  it('never reads the files’ contents to list them', async () => {
    const p = await practice();
    await drop(p.folder, 'listed.rep', an835([saleOf(p.patients.ava!.accountNumber, 100)]));
    await fetchAndProcess(p);
    const contentReads: string[] = [];
    const spied = api.db.$extends({
      query: {
        remittanceReportChunk: {
          $allOperations({ operation, args, query }) {
            contentReads.push(operation);
            return query(args);
          },
        },
      },
    }) as unknown as PrismaClient;
    const server = await createApiServer(api.config, spied);
    try {
      const port = await server.listen(0, '127.0.0.1');
      const client = new ApiClient(`http://127.0.0.1:${port}`);
      await client.signIn(p.users.billing!.email, TEST_PASSWORD);
      const { remittanceReports } = await client.data(
        '{ remittanceReports { nodes { fileName status formatVersion payee sizeBytes downloadUrl } totalCount } }',
      );
      expect(remittanceReports.nodes).toEqual([expect.objectContaining({ fileName: 'listed.rep', status: 'PROCESSED' })]);
      expect(contentReads).toEqual([]);
      // The download does read them, to send the bytes as received.
      const raw = await fetch(`http://127.0.0.1:${port}${remittanceReports.nodes[0].downloadUrl}`, { headers: { cookie: client.cookie! } });
      expect((await raw.arrayBuffer()).byteLength).toBe(remittanceReports.nodes[0].sizeBytes);
      expect(contentReads.length).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });
});
