// The report feed, through the real server, read back with the portal's own parser.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IMDPA_VERSIONS, detectFormat, parseReport, type ReportTransaction } from '@kinpay/remittance';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_NPI, reportPayerName, toReportTransaction } from './reports.ts';
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
  version?: string;
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

/** What the clearinghouse's file says about a recorded payment, written out by hand (835 form). */
function expected(p: PaymentRecord, changes: Partial<ReportTransaction> = {}): ReportTransaction {
  return {
    transactionId: p.transactionId,
    kind: p.type,
    amountCents: p.amountCents,
    accountNumber: p.accountNumber,
    payerName: null,
    method: 'CARD',
    cardType: null,
    authorizationNumber: p.authorizationNumber,
    occurredAt: `${p.createdAt.slice(0, 19)}.000Z`,
    originalTransactionId: p.type === 'REFUND' ? p.refundOf : null,
    location: '',
    ...changes,
  };
}

/** A sale, a Mastercard sale for an account InstaMed did not know, and a partial refund of the first. */
async function recordDay(practiceId = 'DemoGP.Test', clearinghouse = 'INSTAMED') {
  const sale = await record({ clearinghouse, practiceId, accountNumber: '100101', amountCents: 4010, payerName: 'Sofia Rivera' });
  const unknown = await record({ clearinghouse, practiceId, amountCents: 123456, cardType: 'MASTERCARD', payerName: 'Wei  Lucas Chen', unknownAccount: true });
  const refund = await record({ clearinghouse, practiceId, type: 'REFUND', refundOf: sale.transactionId, amountCents: 1001 });
  return { sale, unknown, refund };
}

describe('report feed', () => {
  it('settles on the first listing, then lists the same report with the same bytes', async () => {
    await recordDay();
    await record({ practiceId: 'other.practice', accountNumber: '7', amountCents: 500 });
    now = new Date('2026-11-25T23:59:01.000Z');

    const query = 'clearinghouse=INSTAMED&practice=DemoGP.Test&format=X12_835';
    const first = await listReports(query);
    // InstaMed's file name standard; the date is the batch's day in New York (18:59 EST on the 25th).
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
    expect(detectFormat(a.text, first[0]!.name)?.format).toBe('X12_835');
  });

  it('names a batch by its New York day: 02:00 UTC is still the day before', async () => {
    now = new Date('2026-11-26T02:00:00.000Z');
    await record({ practiceId: 'demogp.test', accountNumber: '100101', amountCents: 4010 });
    expect((await listReports('practice=demogp.test')).map((r) => r.name)).toEqual(['demogp.test_dpa835_20261125_1.rep']);
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
    expect(parseReport((await fetchReport(reports[1]!.name)).text).transactions).toEqual([expected(late, { location: 'transaction set 0001 (segment 10)' })]);
  });

  it('writes InstaMed’s dpa835 1.0 layout that reads back to the recorded payments, exact to the cent', async () => {
    const { sale, unknown, refund } = await recordDay();
    const [report] = await listReports('practice=demogp.test');
    const { text } = await fetchReport(report!.name);
    // The published layout: BPR*H … C|D*NON … 1999999999*credit card; TRN*1*auth*1999999999*credit card; N1*PR*First Last*XV*account|9999.
    expect(text).toContain(`BPR*H*40.10*C*NON******1999999999*credit card*****20261125~\nTRN*1*${sale.authorizationNumber}*1999999999*credit card~`);
    expect(text).toContain('N1*PR*Sofia Rivera*XV*100101~');
    expect(text).toContain('N1*PR*Wei Lucas Chen*XV*9999~');
    expect(text).toContain(`BPR*H*10.01*D*NON******1999999999*credit card*****20261125~`);
    expect(text).toContain(`CLP*${sale.transactionId}*1*-10.01*-10.01**09*${refund.transactionId}~`);
    const parsed = parseReport(text);
    expect(parsed.format).toBe('X12_835');
    expect(parsed.transactions).toEqual([
      expected(sale, { payerName: 'Sofia Rivera', location: 'transaction set 0001 (segment 10)' }),
      expected(unknown, { accountNumber: null, payerName: 'Wei Lucas Chen', location: 'transaction set 0002 (segment 19)' }),
      expected(refund, { payerName: 'Sofia Rivera', location: 'transaction set 0003 (segment 28)' }),
    ]);
    expect(parsed.transactions.map((t) => t.amountCents)).toEqual([4010, 123456, 1001]);
    expect(parsed.payee).toEqual({ npis: [SANDBOX_NPI], merchantIds: [], accountNames: [], names: ['demogp.test'] });
    expect(parsed.meta).toMatchObject({ interchangeControlNumber: '000000001', fileDate: '2026-11-25', usage: 'P' });
  });

  it('offers the same report as an EOD Posting File, IMDPA14 by default, without settling again', async () => {
    const { sale, unknown, refund } = await recordDay();
    const [x12] = await listReports('practice=demogp.test');
    const reports = await listReports('clearinghouse=instamed&practice=demogp.test&format=imdpa');
    expect(reports).toEqual([{ ...x12, name: 'demogp.test_IMDPA14_20261125_1.txt', format: 'IMDPA', version: 'IMDPA14' }]);
    const { text } = await fetchReport(reports[0]!.name);
    // Last|First|Middle names; InstaMed's card types (MC); a refund names no sale (no published field does).
    expect(text.split('\r\n')[0]).toBe(
      `IMDPA14|demogp.test|1|1|CreditCard|AuthCapt|40.10|VISA|${sale.transactionId}|${sale.authorizationNumber}|20261125093015|S|Rivera|Sofia||100101||||||||||||||||||`,
    );
    const parsed = parseReport(text);
    expect(parsed.format).toBe('IMDPA');
    expect(parsed.payee.merchantIds).toEqual(['demogp.test']);
    expect(parsed.transactions).toEqual([
      expected(sale, { payerName: 'Sofia Rivera', cardType: 'VISA', location: 'line 1' }),
      expected(unknown, { accountNumber: null, payerName: 'Wei Lucas Chen', cardType: 'MC', location: 'line 2' }),
      expected(refund, { payerName: 'Sofia Rivera', cardType: 'VISA', originalTransactionId: null, location: 'line 3' }),
    ]);
  });

  it.each(IMDPA_VERSIONS)('serves version=%s, which reads back the same', async (version) => {
    const { sale, unknown, refund } = await recordDay();
    const reports = await listReports(`practice=demogp.test&format=IMDPA&version=${version.toLowerCase()}`);
    expect(reports.map((r) => [r.name, r.version])).toEqual([[`demogp.test_${version}_20261125_1.txt`, version]]);
    const { text } = await fetchReport(reports[0]!.name);
    const hd = version === 'IMDPA12_HD';
    if (hd) expect(text.startsWith('H|20261125|0001\r\nD|IMDPA12|demogp.test|')).toBe(true);
    else expect(text.startsWith(`${version}|demogp.test|`)).toBe(true);
    const parsed = parseReport(text);
    expect(parsed.transactions.map((t) => [t.transactionId, t.kind, t.amountCents, t.accountNumber, t.location])).toEqual([
      [sale.transactionId, 'SALE', 4010, '100101', `line ${hd ? 2 : 1}`],
      [unknown.transactionId, 'SALE', 123456, null, `line ${hd ? 3 : 2}`],
      [refund.transactionId, 'REFUND', 1001, '100101', `line ${hd ? 4 : 3}`],
    ]);
  });

  it('writes Waystar’s Daily Transaction Report CSV for a Waystar site, with the IDs its reader derives', async () => {
    const { sale, unknown, refund } = await recordDay('Site-7', 'WAYSTAR');
    const reports = await listReports('clearinghouse=WAYSTAR&practice=Site-7');
    expect(reports).toEqual([{ name: 'Site-7_20261125_1PAY.prp.csv', format: 'WAYSTAR_CSV', createdAt: '2026-11-25T14:30:15.250Z', transactions: 3 }]);
    const { text, type } = await fetchReport(reports[0]!.name);
    expect(type).toBe('text/csv; charset=utf-8');
    expect(text.split('\r\n').slice(0, 2)).toEqual([
      'Account Name,Transaction Date/Time,Point of Entry,Method of Payment,Card Type,Trans Type,Patient First Name,Patient Last Name,Patient Middle Initial,Patient Account Number,Trans Amount,Net Amount,Status,Auth,User',
      `Site-7,11/25/2026 9:30:15 AM,Web Entry,Credit Card,Visa,Payment,Sofia,Rivera,,100101,40.10,40.10,Approved,${sale.authorizationNumber},WebService`,
    ]);
    const parsed = parseReport(text);
    expect(parsed.format).toBe('WAYSTAR_CSV');
    expect(parsed.payee.accountNames).toEqual(['Site-7']);
    const withoutIds = parsed.transactions.map((t) => ({ ...t, transactionId: '' }));
    expect(withoutIds).toEqual([
      expected(sale, { transactionId: '', payerName: 'Sofia Rivera', cardType: 'Visa', location: 'line 2' }),
      expected(unknown, { transactionId: '', accountNumber: null, payerName: 'Wei Lucas Chen', cardType: 'Mastercard', location: 'line 3' }),
      expected(refund, { transactionId: '', payerName: 'Sofia Rivera', cardType: 'Visa', originalTransactionId: null, location: 'line 4' }),
    ]);
    for (const t of parsed.transactions) expect(t.transactionId).toMatch(/^WS-[0-9a-f]{32}$/);
    // Waystar site IDs are case-sensitive: another site has no reports.
    expect(await listReports('clearinghouse=WAYSTAR&practice=site-7')).toEqual([]);
  });

  it('reports a payment made in the hour New York repeats as the first pass in wall-clock files, exactly in the 835', async () => {
    now = new Date('2026-11-01T06:30:00.000Z'); // 1:30 EST, the second 1:30 that night
    const payment = await record({ practiceId: 'demogp.test', accountNumber: '100101', amountCents: 100 });
    const [x12] = await listReports('practice=demogp.test');
    expect(parseReport((await fetchReport(x12!.name)).text).transactions[0]?.occurredAt).toBe('2026-11-01T06:30:00.000Z');
    const [imdpa] = await listReports('practice=demogp.test&format=IMDPA');
    const text = (await fetchReport(imdpa!.name)).text;
    expect(text).toContain(`|${payment.transactionId}|${payment.authorizationNumber}|20261101013000|S|`);
    expect(parseReport(text).transactions[0]?.occurredAt).toBe('2026-11-01T05:30:00.000Z');
  });

  it('serves every format for the longest names and odd accounts the sandbox accepts', async () => {
    await record({ practiceId: 'demogp.test', accountNumber: '9999', amountCents: 100, payerName: 'Á'.repeat(60) });
    await record({ practiceId: 'demogp.test', accountNumber: 'A-1', amountCents: 100, payerName: `Zoë ${'m'.repeat(52)} O'N` });
    await record({ practiceId: 'demogp.test', accountNumber: '1', amountCents: 100, payerName: 'Patient' });
    const names = [
      ...(await listReports('practice=demogp.test')),
      ...(await Promise.all(IMDPA_VERSIONS.map(async (v) => (await listReports(`practice=demogp.test&format=IMDPA&version=${v}`))[0]!))),
    ].map((r) => r.name);
    for (const name of names) {
      const parsed = parseReport((await fetchReport(name)).text);
      expect(
        parsed.transactions.map((t) => t.accountNumber),
        name,
      ).toEqual([null, 'A-1', '1']);
    }
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
    expect(await settle('practice=demogp.test&format=IMDPA&version=IMDPA11')).toEqual({ name: 'demogp.test_IMDPA11_20261125_2.txt' });
    expect((await listReports('practice=demogp.test')).map((r) => r.name)).toEqual(['demogp.test_dpa835_20261125_1.rep', 'demogp.test_dpa835_20261125_2.rep']);
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
    ['a version without format=IMDPA', 'practice=demogp.test&version=IMDPA10', /version is for format=IMDPA/],
    [
      'an unknown version',
      'practice=demogp.test&format=IMDPA&version=IMDPA15',
      /version must be one of IMDPA10, IMDPA11, IMDPA12, IMDPA12_HD, IMDPA13, IMDPA14/,
    ],
    ['practice twice', 'practice=demogp.test&practice=other.practice', /once/],
    ['an unknown parameter', 'practiceId=demogp.test', /Unknown query parameters: practiceId/],
  ])('answers 400 { error } to a listing with %s, and settles nothing', async (_case, query, message) => {
    await record({ practiceId: 'demogp.test', accountNumber: '100101', amountCents: 4010 });
    for (const [method, pathname] of [
      ['GET', '/api/reports'],
      ['POST', '/api/reports/settle'],
    ] as const) {
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
    expect(page).toContain('<a href="/api/reports/demogp.test_IMDPA14_20261125_1.txt">');
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
    const res = await api('POST', '/api/payments', {
      practiceId: 'demogp.test',
      amountCents: 50,
      type: 'REFUND',
      refundOf: sale.transactionId,
      unknownAccount: true,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain('leave out unknownAccount');
  });
});

describe('reportPayerName and toReportTransaction', () => {
  it.each([
    ['Sofia Rivera', 'Sofia Rivera'],
    ["  Mary  Ann O'Neil-Smith ", "Mary Ann O'Neil-Smith"],
    ['Cher', 'Cher'],
    ['', null],
  ])('%j -> %j', (name, expectedName) => {
    expect(reportPayerName(name)).toBe(expectedName);
  });

  it('leaves out what a format cannot carry', () => {
    const refund = {
      transactionId: 'b'.repeat(32),
      authorizationNumber: '123456',
      clearinghouse: 'INSTAMED' as const,
      practiceClearinghouseId: 'demogp.test',
      accountNumber: '9999',
      amountCents: 100,
      cardType: 'MASTERCARD' as const,
      last4: '0004',
      payerName: 'Patient',
      createdAt: '2026-11-25T14:30:15.250Z',
      type: 'REFUND' as const,
      refundOf: 'a'.repeat(32),
    };
    expect(toReportTransaction(refund, 'X12_835')).toMatchObject({
      cardType: null,
      payerName: null,
      accountNumber: null,
      originalTransactionId: 'a'.repeat(32),
      occurredAt: '2026-11-25T14:30:15.000Z',
    });
    expect(toReportTransaction(refund, 'IMDPA')).toMatchObject({ cardType: 'MC', payerName: 'Patient', accountNumber: null, originalTransactionId: null });
    expect(toReportTransaction(refund, 'INSTAMED_WEBHOOK')).toMatchObject({ cardType: 'MC', originalTransactionId: 'a'.repeat(32) });
    const long = `${'A'.repeat(55)} ${'b'.repeat(3)}`;
    expect(toReportTransaction({ ...refund, payerName: long }, 'IMDPA').payerName).toBe(`${'A'.repeat(50)} bbb`);
    expect(toReportTransaction({ ...refund, payerName: long }, 'X12_835').payerName).toBe(long);
    expect(toReportTransaction({ ...refund, clearinghouse: 'WAYSTAR' }, 'WAYSTAR_CSV')).toMatchObject({
      cardType: 'Mastercard',
      accountNumber: '9999',
      originalTransactionId: null,
    });
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
