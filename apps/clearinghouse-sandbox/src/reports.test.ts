// The report feed, through the real server, read back with the portal's own parser.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { detectFormat, parseReport, type ReportTransaction } from '@kinpay/remittance';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportPayerName } from './reports.ts';
import { PaymentStore, type PaymentRecord } from './store.ts';
import { startSandbox, type RunningSandbox } from './test-server.ts';

/** The store's clock; tests move it. */
let now: Date;
let sandbox: RunningSandbox;
// A new store per test: sequence numbers survive clear(), by design.
beforeEach(async () => {
  now = new Date('2026-11-25T14:30:15.250Z');
  sandbox = await startSandbox(new PaymentStore({ now: () => now }));
});
afterEach(() => sandbox.close());

interface ReportEntry {
  name: string;
  format: string;
  createdAt: string;
  transactions: number;
}

function api(method: string, pathname: string, body?: unknown) {
  return fetch(sandbox.base + pathname, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function record(body: Record<string, unknown>): Promise<PaymentRecord> {
  const res = await api('POST', '/api/payments', body);
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
  return ((await res.json()) as { payment: PaymentRecord }).payment;
}

async function listReports(query: string): Promise<ReportEntry[]> {
  const res = await api('GET', `/api/reports?${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { reports: ReportEntry[] }).reports;
}

async function fetchReport(name: string): Promise<{ text: string; bytes: Buffer; type: string | null }> {
  const res = await api('GET', `/api/reports/${encodeURIComponent(name)}`);
  expect(res.status).toBe(200);
  const bytes = Buffer.from(await res.arrayBuffer());
  return { text: bytes.toString('utf8'), bytes, type: res.headers.get('content-type') };
}

/** What the clearinghouse should report for a recorded payment, written out by hand. */
function expected(p: PaymentRecord, changes: Partial<ReportTransaction> = {}): ReportTransaction {
  return {
    transactionId: p.transactionId,
    kind: p.type,
    amountCents: p.amountCents,
    accountNumber: p.accountNumber,
    payerName: null,
    method: 'CARD',
    cardType: p.cardType,
    authorizationNumber: p.authorizationNumber,
    occurredAt: `${p.createdAt.slice(0, 19)}.000Z`,
    originalTransactionId: p.type === 'REFUND' ? p.refundOf : null,
    ...changes,
  };
}

/** A sale, a Mastercard sale for an account InstaMed did not know, and a partial refund of the first. */
async function recordDay(practiceId = 'DemoGP.Test', clearinghouse = 'INSTAMED') {
  const sale = await record({ clearinghouse, practiceId, accountNumber: '100101', amountCents: 4010, payerName: 'Sofia Rivera' });
  const unknown = await record({ clearinghouse, practiceId, amountCents: 123456, cardType: 'MASTERCARD', payerName: 'Wei Lucas Chen', unknownAccount: true });
  const refund = await record({ clearinghouse, practiceId, type: 'REFUND', refundOf: sale.transactionId, amountCents: 1001 });
  return {
    sale,
    unknown,
    refund,
    transactions: [
      expected(sale, { payerName: 'RIVERA, SOFIA' }),
      expected(unknown, { accountNumber: null, payerName: 'CHEN, WEI LUCAS' }),
      expected(refund, { payerName: 'RIVERA, SOFIA' }),
    ],
  };
}

describe('report feed', () => {
  it('settles on the first listing, then lists the same report with the same bytes', async () => {
    await recordDay();
    await record({ practiceId: 'other.practice', accountNumber: '7', amountCents: 500 });
    now = new Date('2026-11-25T23:59:01.000Z');

    const query = 'clearinghouse=INSTAMED&practice=DemoGP.Test&format=X12_835';
    const first = await listReports(query);
    expect(first).toEqual([{ name: 'demogp.test_dpa835_20261125_1.rep', format: 'X12_835', createdAt: '2026-11-25T23:59:01.000Z', transactions: 3 }]);

    now = new Date('2026-11-26T08:00:00.000Z');
    expect(await listReports(query)).toEqual(first);
    expect(await listReports('practice=demogp.test')).toEqual(first); // INSTAMED and X12_835 are the defaults
    // Only this practice was settled; the other practice's payment waits for its own listing.
    expect(sandbox.store.batches()).toHaveLength(1);

    const a = await fetchReport(first[0]!.name);
    const b = await fetchReport(first[0]!.name);
    expect(a.bytes.equals(b.bytes)).toBe(true);
    expect(a.type).toBe('text/plain; charset=utf-8');
    expect(detectFormat(a.text, first[0]!.name)).toBe('X12_835');
  });

  it('puts later payments in a new report with the next sequence number, newest last, leaving the first unchanged', async () => {
    await recordDay();
    const [first] = await listReports('practice=demogp.test');
    const before = await fetchReport(first!.name);

    now = new Date('2026-11-26T10:00:00.000Z');
    const late = await record({ practiceId: 'demogp.test', accountNumber: '100102', amountCents: 1 });
    now = new Date('2026-11-26T17:00:00.000Z');
    const reports = await listReports('practice=demogp.test');
    expect(reports.map((r) => [r.name, r.transactions])).toEqual([
      ['demogp.test_dpa835_20261125_1.rep', 3],
      ['demogp.test_dpa835_20261126_2.rep', 1],
    ]);
    expect((await fetchReport(first!.name)).bytes.equals(before.bytes)).toBe(true);
    expect(parseReport((await fetchReport(reports[1]!.name)).text).transactions).toEqual([expected(late)]);
  });

  it('writes an X12 835 that reads back to the recorded payments, exact to the cent', async () => {
    const day = await recordDay();
    const [report] = await listReports('practice=demogp.test');
    const parsed = parseReport((await fetchReport(report!.name)).text);
    expect(parsed.format).toBe('X12_835');
    expect(parsed.transactions).toEqual(day.transactions);
    expect(parsed.transactions.map((t) => t.amountCents)).toEqual([4010, 123456, 1001]);
    expect(parsed.meta).toMatchObject({ payeeId: 'demogp.test', interchangeControlNumber: '000000001', fileDate: '2026-11-25' });
  });

  it('offers the same report as IMDPA10 for InstaMed, without settling again', async () => {
    const day = await recordDay();
    const [x12] = await listReports('practice=demogp.test');
    const reports = await listReports('clearinghouse=instamed&practice=demogp.test&format=imdpa');
    expect(reports).toEqual([{ ...x12, name: 'demogp.test_IMDPA10_20261125_1.txt', format: 'IMDPA' }]);
    const { text } = await fetchReport(reports[0]!.name);
    expect(text.startsWith('H|IMDPA10|demogp.test|20261125|3\r\n')).toBe(true);
    const parsed = parseReport(text);
    expect(parsed.format).toBe('IMDPA');
    expect(parsed.transactions).toEqual(day.transactions);
  });

  it('writes Waystar’s Daily Transaction Report CSV for a Waystar site', async () => {
    const day = await recordDay('Site-7', 'WAYSTAR');
    const reports = await listReports('clearinghouse=WAYSTAR&practice=Site-7');
    expect(reports).toEqual([{ name: 'Site-7_20261125_1PAY.prp.csv', format: 'WAYSTAR_CSV', createdAt: '2026-11-25T14:30:15.250Z', transactions: 3 }]);
    const { text, type } = await fetchReport(reports[0]!.name);
    expect(type).toBe('text/csv; charset=utf-8');
    const parsed = parseReport(text);
    expect(parsed.format).toBe('WAYSTAR_CSV');
    expect(parsed.transactions).toEqual(day.transactions);
    // Waystar site IDs are case-sensitive: another site has no reports.
    expect(await listReports('clearinghouse=WAYSTAR&practice=site-7')).toEqual([]);
  });

  it('settles on demand through POST /api/reports/settle', async () => {
    const settle = async (query: string) => {
      const res = await api('POST', `/api/reports/settle?${query}`);
      expect(res.status).toBe(200);
      return res.json();
    };
    expect(await settle('clearinghouse=INSTAMED&practice=demogp.test')).toEqual({ name: null });
    await record({ practiceId: 'demogp.test', accountNumber: '100101', amountCents: 4010 });
    expect(await settle('clearinghouse=INSTAMED&practice=demogp.test')).toEqual({ name: 'demogp.test_dpa835_20261125_1.rep' });
    expect(await settle('practice=demogp.test&format=IMDPA')).toEqual({ name: null });
    await record({ practiceId: 'demogp.test', accountNumber: '100101', amountCents: 10 });
    expect(await settle('practice=demogp.test&format=IMDPA')).toEqual({ name: 'demogp.test_IMDPA10_20261125_2.txt' });
    expect((await listReports('practice=demogp.test')).map((r) => r.name)).toEqual([
      'demogp.test_dpa835_20261125_1.rep',
      'demogp.test_dpa835_20261125_2.rep',
    ]);
  });

  it('lists nothing, and makes no report, for a practice without payments', async () => {
    expect(await listReports('practice=nobody.here')).toEqual([]);
    expect(sandbox.store.batches()).toEqual([]);
  });

  it('never reuses a report name after DELETE /api/payments', async () => {
    await record({ practiceId: 'demogp.test', accountNumber: '100101', amountCents: 4010 });
    const [old] = await listReports('practice=demogp.test');
    expect(await (await api('DELETE', '/api/payments')).json()).toEqual({ deleted: 1 });
    expect(await listReports('practice=demogp.test')).toEqual([]);
    expect((await api('GET', `/api/reports/${old!.name}`)).status).toBe(404);
    await record({ practiceId: 'demogp.test', accountNumber: '100101', amountCents: 99 });
    expect((await listReports('practice=demogp.test')).map((r) => r.name)).toEqual(['demogp.test_dpa835_20261125_2.rep']);
  });

  it.each([
    ['no practice', 'clearinghouse=INSTAMED', /practice .* is required/],
    ['a bad practice ID', 'practice=demo%20gp', /valid InstaMed practice ID/],
    ['an unknown clearinghouse', 'clearinghouse=ACME&practice=demogp.test', /INSTAMED or WAYSTAR/],
    ['an unknown format', 'practice=demogp.test&format=PDF', /X12_835 or IMDPA for InstaMed/],
    ['IMDPA for Waystar', 'clearinghouse=WAYSTAR&practice=12345&format=IMDPA', /WAYSTAR_CSV for Waystar/],
    ['practice twice', 'practice=demogp.test&practice=other.practice', /once/],
    ['an unknown parameter', 'practiceId=demogp.test', /Unknown query parameters: practiceId/],
  ])('answers 400 { error } to a listing with %s, and settles nothing', async (_case, query, message) => {
    await record({ practiceId: 'demogp.test', accountNumber: '100101', amountCents: 4010 });
    for (const [method, pathname] of [['GET', '/api/reports'], ['POST', '/api/reports/settle']] as const) {
      const res = await api(method, `${pathname}?${query}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(message);
    }
    expect(sandbox.store.batches()).toEqual([]);
  });

  it('answers 404 { error } to an unknown report name', async () => {
    await recordDay('12345', 'WAYSTAR');
    const [report] = await listReports('clearinghouse=WAYSTAR&practice=12345');
    for (const name of ['nothing.rep', report!.name.replace('_1PAY', '_2PAY'), '12345_dpa835_20261125_1.rep', report!.name.toLowerCase()]) {
      const res = await api('GET', `/api/reports/${encodeURIComponent(name)}`);
      expect(res.status, name).toBe(404);
      expect(await res.json()).toEqual({ error: `No report named ${name}.` });
    }
  });

  it('shows reports, and which payments wait for one, on the index page', async () => {
    await record({ practiceId: 'demogp.test', accountNumber: '100101', amountCents: 4010 });
    let page = await (await api('GET', '/')).text();
    expect(page).toContain('Reports (0)');
    expect(page).toContain('InstaMed demogp.test: 1 — <a href="/api/reports?clearinghouse=INSTAMED&amp;practice=demogp.test">list the feed</a>');
    expect(page).toContain('<span class="muted">not yet</span>');
    await listReports('practice=demogp.test');
    page = await (await api('GET', '/')).text();
    expect(page).toContain('Reports (1)');
    expect(page).toContain('<a href="/api/reports/demogp.test_dpa835_20261125_1.rep"><code>demogp.test_dpa835_20261125_1.rep</code></a>');
    expect(page).toContain('<a href="/api/reports/demogp.test_IMDPA10_20261125_1.txt">');
    expect(page).not.toContain('list the feed');
    expect(page).toContain('<a href="/mail">Captured mail</a>');
  });
});

describe('unknownAccount in the test API', () => {
  it('keeps the account typed, or 9999 when none is given, and refunds copy the flag', async () => {
    const typed = await record({ practiceId: 'demogp.test', accountNumber: 'A-77', amountCents: 100, unknownAccount: true });
    expect(typed).toMatchObject({ accountNumber: 'A-77', unknownAccount: true });
    const bare = await record({ practiceId: 'demogp.test', amountCents: 100, unknownAccount: true });
    expect(bare).toMatchObject({ accountNumber: '9999', unknownAccount: true });
    const refund = await record({ practiceId: 'demogp.test', amountCents: 50, type: 'REFUND', refundOf: typed.transactionId });
    expect(refund).toMatchObject({ accountNumber: 'A-77', unknownAccount: true });
    const plain = await record({ practiceId: 'demogp.test', accountNumber: '1', amountCents: 100 });
    expect('unknownAccount' in plain).toBe(false);
  });

  it.each([
    ['unknownAccount false', { unknownAccount: false }],
    ['unknownAccount as a string', { unknownAccount: 'true' }],
    ['unknownAccount with a bad account number', { unknownAccount: true, accountNumber: '1|2' }],
  ])('answers 400 to %s', async (_case, change) => {
    const res = await api('POST', '/api/payments', { practiceId: 'demogp.test', accountNumber: '100101', amountCents: 100, ...change });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: expect.any(String) });
    expect(sandbox.store.size).toBe(0);
  });

  it('answers 400 to unknownAccount on a refund', async () => {
    const sale = await record({ practiceId: 'demogp.test', accountNumber: '100101', amountCents: 100 });
    const res = await api('POST', '/api/payments', { practiceId: 'demogp.test', amountCents: 50, type: 'REFUND', refundOf: sale.transactionId, unknownAccount: true });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain('leave out unknownAccount');
  });
});

describe('reportPayerName', () => {
  it.each([
    ['Sofia Rivera', 'RIVERA, SOFIA'],
    ["  Mary  Ann O'Neil-Smith ", "O'NEIL-SMITH, MARY ANN"],
    ['Cher', 'CHER'],
    ['', null],
  ])('%j -> %j', (name, expectedName) => {
    expect(reportPayerName(name)).toBe(expectedName);
  });
});

describe('persistence of reports', () => {
  it('keeps batches in payments.json: a restarted sandbox lists the same reports with the same bytes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-reports-'));
    try {
      const first = await startSandbox(PaymentStore.open(dir));
      let names: string[];
      let files: Buffer[];
      try {
        await fetch(`${first.base}/api/payments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ practiceId: 'demogp.test', accountNumber: '100101', amountCents: 4010, payerName: 'Sofia Rivera' }),
        });
        const list = (await (await fetch(`${first.base}/api/reports?practice=demogp.test`)).json()) as { reports: ReportEntry[] };
        names = list.reports.map((r) => r.name);
        files = await Promise.all(names.map(async (n) => Buffer.from(await (await fetch(`${first.base}/api/reports/${n}`)).arrayBuffer())));
      } finally {
        await first.close();
      }
      expect(JSON.parse(fs.readFileSync(path.join(dir, 'payments.json'), 'utf8'))).toMatchObject({
        version: 1,
        batches: [{ clearinghouse: 'INSTAMED', practiceClearinghouseId: 'demogp.test', sequence: 1 }],
        sequences: { 'INSTAMED:demogp.test': 1 },
      });

      const second = await startSandbox(PaymentStore.open(dir));
      try {
        const list = (await (await fetch(`${second.base}/api/reports?practice=demogp.test`)).json()) as { reports: ReportEntry[] };
        expect(list.reports.map((r) => r.name)).toEqual(names);
        const again = Buffer.from(await (await fetch(`${second.base}/api/reports/${names[0]}`)).arrayBuffer());
        expect(again.equals(files[0]!)).toBe(true);
        expect(second.store.batches()).toEqual(first.store.batches());
      } finally {
        await second.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
