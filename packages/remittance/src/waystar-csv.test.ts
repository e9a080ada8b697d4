import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { detectFormat, parseReport, waystarTransactionId, writeWaystarCsv } from './index.ts';
import type { ReportTransaction } from './index.ts';
import { fixture, rejection } from './test-helpers.ts';

const FILE = 'maplegrove_20261125PAY.prp.csv';
const HEADER =
  'Account Name,Transaction Date/Time,Point of Entry,Method of Payment,Card Type,Trans Type,Patient First Name,Patient Last Name,Patient Middle Initial,Patient Account Number,Trans Amount,Net Amount,Status,Auth,User';
const ROW = 'Maple Grove Pediatrics,11/24/2026 9:14:02 AM,Web Entry,Credit Card,Visa,Payment,Sofia,Rivera,,100234,40.00,40.00,Approved,083421,WebService';
const csv = (...rows: string[]) => [HEADER, ...rows].map((r) => `${r}\r\n`).join('');
const key = (changes: Partial<Parameters<typeof waystarTransactionId>[0]> = {}) =>
  waystarTransactionId({
    accountName: 'Maple Grove Pediatrics',
    occurredAt: '2026-11-24T14:14:02.000Z',
    accountNumber: '100234',
    transType: 'payment',
    transAmountCents: 4000,
    auth: '083421',
    methodOfPayment: 'Credit Card',
    cardType: 'Visa',
    ...changes,
  });

describe('Waystar Daily Transaction Report (CSV)', () => {
  it('reads Approved and Funded rows, a refund written negative, "$1,234.56", a quoted name; skips Declined', () => {
    const report = parseReport(fixture(FILE));
    expect(report).toMatchObject({ format: 'WAYSTAR_CSV', version: 'Daily Transaction Report', publisher: 'WAYSTAR', test: false, balance: null });
    expect(report.payee).toEqual({ npis: [], merchantIds: [], accountNames: ['Maple Grove Pediatrics'], names: [] });
    expect(report.transactions).toEqual<ReportTransaction[]>([
      {
        transactionId: key(),
        kind: 'SALE',
        amountCents: 4000,
        accountNumber: '100234',
        payerName: 'Sofia Rivera',
        method: 'CARD',
        // 9:14:02 AM in New York (EST) on 24 November.
        cardType: 'Visa',
        authorizationNumber: '083421',
        occurredAt: '2026-11-24T14:14:02.000Z',
        originalTransactionId: null,
        location: 'line 2',
      },
      {
        transactionId: key({
          occurredAt: '2026-11-24T16:30:00.000Z',
          accountNumber: '100236',
          transAmountCents: 123456,
          auth: '',
          methodOfPayment: 'ACH',
          cardType: '',
        }),
        kind: 'SALE',
        amountCents: 123456,
        accountNumber: '100236',
        payerName: "Liam O'Neil",
        method: 'ACH',
        cardType: null,
        authorizationNumber: null,
        occurredAt: '2026-11-24T16:30:00.000Z',
        originalTransactionId: null,
        location: 'line 4',
      },
      {
        // A refund names no sale in the report: it waits for staff.
        transactionId: key({
          occurredAt: '2026-11-24T19:05:19.000Z',
          accountNumber: '101020',
          transType: 'refund',
          transAmountCents: 2500,
          auth: '300117',
          cardType: 'American Express',
        }),
        kind: 'REFUND',
        amountCents: 2500,
        accountNumber: '101020',
        payerName: 'Arjun K Patel',
        method: 'CARD',
        cardType: 'American Express',
        authorizationNumber: '300117',
        occurredAt: '2026-11-24T19:05:19.000Z',
        originalTransactionId: null,
        location: 'line 5',
      },
      {
        // Net Amount is "the amount approved": 50.00 of the 60.00 run.
        transactionId: key({ occurredAt: '2026-11-24T21:45:10.000Z', accountNumber: '100235', transAmountCents: 6000, auth: '640028', cardType: 'Discover' }),
        kind: 'SALE',
        amountCents: 5000,
        accountNumber: '100235',
        payerName: 'Mateo "Teo" Rivera',
        method: 'CARD',
        cardType: 'Discover',
        authorizationNumber: '640028',
        occurredAt: '2026-11-24T21:45:10.000Z',
        originalTransactionId: null,
        location: 'line 6',
      },
    ]);
    expect(report.skipped).toEqual([{ location: 'line 3', reason: 'declined: no money moved' }]);
  });

  it.each([
    ['Declined', 'skip'],
    ['Approved', 'money'],
    ['Funded', 'money'],
    ['FUNDED', 'money'],
  ])('Status %s -> %s', (status, effect) => {
    const report = parseReport(csv(ROW.replace(',Approved,', `,${status},`)));
    expect([report.transactions.length, report.skipped.length]).toEqual(effect === 'money' ? [1, 0] : [0, 1]);
  });

  it('the derived ID is the same when the payment comes back Funded, in another report or the same one fetched twice', () => {
    const approved = parseReport(csv(ROW)).transactions[0]!;
    const funded = parseReport(csv(ROW.replace(',40.00,40.00,Approved,', ',40.00,38.84,Funded,'))).transactions[0]!;
    expect(approved.transactionId).toMatch(/^WS-[0-9a-f]{32}$/);
    expect(funded.transactionId).toBe(approved.transactionId);
    expect(funded.amountCents).toBe(3884);
    // Column order and spacing do not change it either.
    const reordered =
      'Status,Trans Amount,Trans Type,Transaction Date/Time,Patient Account Number,Account Name,Auth,Method of Payment,Card Type\r\nApproved,40.00,Payment,11/24/2026 09:14:02 AM,100234,Maple Grove Pediatrics,083421,Credit Card,Visa\r\n';
    expect(parseReport(reordered, { format: 'WAYSTAR_CSV' }).transactions[0]?.transactionId).toBe(approved.transactionId);
    // Anything that tells payments apart does.
    expect(parseReport(csv(ROW.replace(',083421,', ',083422,'))).transactions[0]?.transactionId).not.toBe(approved.transactionId);
    expect(parseReport(csv(ROW.replace('9:14:02', '9:14:03'))).transactions[0]?.transactionId).not.toBe(approved.transactionId);
  });

  it('the key is WS- + 32 hex digits of SHA-256 over the fields that do not change between reports', () => {
    // JSON array of Account Name, time (UTC), Patient Account Number, Trans Type, Trans Amount in cents, Auth, Method of Payment, Card Type.
    const material = JSON.stringify(['Maple Grove Pediatrics', '2026-11-24T14:14:02.000Z', '100234', 'payment', 4000, '083421', 'Credit Card', 'Visa']);
    const expected = `WS-${createHash('sha256').update(material).digest('hex').slice(0, 32)}`;
    expect(parseReport(csv(ROW)).transactions[0]?.transactionId).toBe(expected);
    expect(expected).toBe('WS-f8e66fbed5aac99dc2728d83b07b008e');
  });

  it('two rows with the same key in one file get -2, -3 in file order', () => {
    const ids = parseReport(csv(ROW, ROW, ROW)).transactions.map((t) => t.transactionId);
    expect(ids).toEqual([key(), `${key()}-2`, `${key()}-3`]);
  });

  it('finds columns by name, ignoring case and spacing; accepts one Patient Name column and ISO times', () => {
    const content =
      'trans type , TRANSACTION DATE/TIME,PatientAccountNumber,Trans  Amount,status,Patient Name\r\nRefund,2026-11-24T09:14:02,100234,$25.00,approved,"Rivera, Sofia"\r\n';
    expect(parseReport(content, { format: 'WAYSTAR_CSV' }).transactions[0]).toMatchObject({
      kind: 'REFUND',
      amountCents: 2500,
      payerName: 'Rivera, Sofia',
      occurredAt: '2026-11-24T14:14:02.000Z',
      method: 'OTHER',
      accountNumber: '100234',
    });
  });

  it.each([
    ['Credit Card', 'CARD'],
    ['Debit Card', 'CARD'],
    ['ACH', 'ACH'],
    ['eCheck', 'ACH'],
    ['Cash', 'OTHER'],
  ])('Method of Payment %s -> %s', (method, expected) => {
    expect(parseReport(csv(ROW.replace(',Credit Card,', `,${method},`))).transactions[0]?.method).toBe(expected);
  });

  it.each<[string, string, string]>([
    [
      'an unknown status',
      csv(ROW, ROW.replace(',Approved,', ',Pending,')),
      'Line 3: Status "Pending" is not Declined, Approved or Funded; the file was not posted.',
    ],
    ['an unknown Trans Type', csv(ROW.replace(',Payment,', ',Void,')), 'Line 2: Trans Type "Void" is not Payment or Refund.'],
    [
      'a negative payment',
      csv(ROW.replace(',40.00,40.00,', ',-40.00,-40.00,')),
      'Line 2: Trans Amount "-40.00" is negative on a Payment; only a refund may be written negative.',
    ],
    ['three decimals', csv(ROW.replace(',40.00,40.00,', ',40.001,40.00,')), 'Line 2: Trans Amount "40.001" is not an amount of dollars and cents.'],
    [
      'a bad date',
      csv(ROW.replace('11/24/2026', '13/24/2026')),
      'Line 2: Transaction Date/Time "13/24/2026 9:14:02 AM" is not a date and time like 11/25/2026 2:30:15 PM.',
    ],
    [
      'an amount over the ceiling',
      csv(ROW, ROW.replace(',40.00,40.00,', ',"$25,000,000.00","$25,000,000.00",')),
      'Line 3: the amount $25,000,000.00 is above the $1,000,000.00 Kinpay accepts for one payment; the file was not posted.',
    ],
    [
      'an 18-digit amount',
      csv(ROW.replace(',40.00,40.00,', ',123456789012345678.00,,')),
      'Line 2: the amount $123,456,789,012,345,678.00 is above the $1,000,000.00 Kinpay accepts for one payment; the file was not posted.',
    ],
    [
      'missing columns',
      'Transaction Date/Time,Trans Type,Trans Amount\r\n',
      'The CSV header lacks the columns "Status", "Patient Account Number"; this is not a Waystar Daily Transaction Report Kinpay can read.',
    ],
    ['a row of the wrong width', csv(`${ROW},extra`), 'Line 2: the row has 16 cells but the header has 15.'],
    ['a column twice', `${HEADER},Status\r\n`, 'Line 1: the header names the column "Status" twice.'],
    [
      'a missing column',
      'Transaction Date/Time,Trans Type,Trans Amount,Patient Account Number\r\n',
      'The CSV header lacks the column "Status"; this is not a Waystar Daily Transaction Report Kinpay can read.',
    ],
    ['an empty file', '\r\n\r\n', 'The CSV file is empty; a Daily Transaction Report begins with a header row.'],
    [
      'a thousands group led by zero',
      csv(ROW.replace(',40.00,40.00,', ',"0,123.00",,')),
      'Line 2: Trans Amount "0,123.00" is not an amount of dollars and cents.',
    ],
    [
      'a comma that is not between thousands',
      csv(ROW.replace(',40.00,40.00,', ',"1,23.00",,')),
      'Line 2: Trans Amount "1,23.00" is not an amount of dollars and cents.',
    ],
    [
      'two minus signs',
      csv(ROW.replace(',Payment,', ',Refund,').replace(',40.00,40.00,', ',-$-25.00,,')),
      'Line 2: Trans Amount "-$-25.00" is not an amount of dollars and cents.',
    ],
    ['a Net Amount that is not an amount', csv(ROW.replace(',40.00,40.00,', ',40.00,abc,')), 'Line 2: Net Amount "abc" is not an amount of dollars and cents.'],
  ])('fails with the reason: %s', (_case, content, message) => {
    expect(rejection(content, 'WAYSTAR_CSV')).toBe(message);
  });

  it.each([
    ['40', 'Payment', 4000],
    ['.50', 'Payment', 50],
    ['$ 1,234.56', 'Payment', 123456],
    ['1,000,000.00', 'Refund', 100_000_000],
    ['- $25.00', 'Refund', 2500],
    ['$-25.00', 'Refund', 2500],
  ])('reads the amount "%s" on a %s', (amount, type, cents) => {
    const content = csv(ROW.replace(',Payment,', `,${type},`).replace(',40.00,40.00,', `,"${amount}",,`));
    expect(parseReport(content).transactions[0]?.amountCents).toBe(cents);
  });

  it('a Trans Amount or Net Amount of 0.00 moved no money: skipped with the reason', () => {
    const report = parseReport(csv(ROW.replace(',40.00,40.00,', ',0.00,,'), ROW.replace(',40.00,40.00,', ',40.00,0.00,').replace('9:14:02', '9:15:00')));
    expect(report.transactions).toEqual([]);
    expect(report.skipped).toEqual([
      { location: 'line 2', reason: 'the Trans Amount is 0.00: no money moved' },
      { location: 'line 3', reason: 'the Net Amount is 0.00: no money moved' },
    ]);
  });

  it.each([
    ['11/24/2026  9:14:02 AM', '2026-11-24T14:14:02.000Z'],
    ['11/24/2026 9:14 AM', '2026-11-24T14:14:00.000Z'],
    ['11/24/2026 9:14:02AM', '2026-11-24T14:14:02.000Z'],
    // 9:14 PM in New York is 02:14 UTC the next day.
    ['11/24/2026 9:14:02 pm', '2026-11-25T02:14:02.000Z'],
    ['11/24/2026 14:14:02', '2026-11-24T19:14:02.000Z'],
    ['11/24/2026 12:30:00 AM', '2026-11-24T05:30:00.000Z'],
    ['11/24/2026 12:30:00 PM', '2026-11-24T17:30:00.000Z'],
    ['2026-11-24T09:14:02-05:00', '2026-11-24T14:14:02.000Z'],
  ])('reads the Transaction Date/Time "%s" as %s', (text, iso) => {
    expect(parseReport(csv(ROW.replace('11/24/2026 9:14:02 AM', text))).transactions[0]?.occurredAt).toBe(iso);
  });

  it.each(['11/24/2026 0:30:00 AM', '11/24/2026 13:00:00 PM', 'on 11/24/2026 9:14:02 AM', '11/24/2026 9:14:02 AM EST', '11/24/2026'])(
    'refuses the Transaction Date/Time "%s"',
    (text) => {
      expect(rejection(csv(ROW.replace('11/24/2026 9:14:02 AM', text)), 'WAYSTAR_CSV')).toBe(
        `Line 2: Transaction Date/Time "${text}" is not a date and time like 11/25/2026 2:30:15 PM.`,
      );
    },
  );

  it('reads cells padded with spaces, columns it does not know, a report without Account Name; counts the rows', () => {
    const padded = csv(
      ROW.split(',')
        .map((cell) => ` ${cell} `)
        .join(','),
    );
    expect(parseReport(padded).transactions).toEqual(parseReport(csv(ROW)).transactions);
    const extra = parseReport(`${HEADER},Memo,Batch\r\n${ROW},note,7\r\n`);
    expect(extra.transactions).toEqual(parseReport(csv(ROW)).transactions);
    const noAccount = parseReport(csv(ROW.replace('Maple Grove Pediatrics,', ',')));
    expect(noAccount.payee.accountNames).toEqual([]);
    expect(noAccount.transactions).toHaveLength(1);
    expect(parseReport(fixture(FILE)).meta).toEqual({ rows: '5' });
  });

  it('is recognised by its header, quoted or not, which must name Trans Type and Trans Amount', () => {
    expect(
      detectFormat(
        HEADER.split(',')
          .map((c) => `"${c}"`)
          .join(','),
      ),
    ).toEqual({ format: 'WAYSTAR_CSV', version: 'Daily Transaction Report' });
    expect(detectFormat('Trans Type,Amount\r\nPayment,40.00\r\n')).toBeNull();
    expect(detectFormat('Type,Trans Amount\r\nPayment,40.00\r\n')).toBeNull();
  });

  it('an unclosed quote is reported by the CSV reader', () => {
    expect(rejection(csv(ROW.replace(',Sofia,', ',"Sofia,')), 'WAYSTAR_CSV')).toMatch(/^The CSV file cannot be read: /);
  });
});

describe('writeWaystarCsv', () => {
  const sale: ReportTransaction = {
    transactionId: 'ignored',
    kind: 'SALE',
    amountCents: 4000,
    accountNumber: '100234',
    payerName: 'Sofia Rivera',
    method: 'CARD',
    cardType: 'Visa',
    authorizationNumber: '083421',
    occurredAt: '2026-11-24T14:14:02.000Z',
    originalTransactionId: null,
    location: 'x',
  };
  it('writes every column Avea lists, in its order', () => {
    expect(writeWaystarCsv([sale], { accountName: 'Maple Grove Pediatrics' })).toBe(csv(ROW));
    expect(writeWaystarCsv([{ ...sale, payerName: "Mary Ann O'Neil, Jr" }], { accountName: 'A, B' })).toContain(
      '"A, B",11/24/2026 9:14:02 AM,Web Entry,Credit Card,Visa,Payment,"Mary Ann O\'Neil,",Jr,,',
    );
  });

  it.each<[string, string, string]>([
    ['an empty account name', '', 'writeWaystarCsv: accountName must be text without surrounding spaces, got ""'],
    ['a blank account name', '  ', 'writeWaystarCsv: accountName must be text without surrounding spaces, got "  "'],
    ['an account name with a leading space', ' Maple', 'writeWaystarCsv: accountName must be text without surrounding spaces, got " Maple"'],
    ['an account name with a trailing space', 'Maple ', 'writeWaystarCsv: accountName must be text without surrounding spaces, got "Maple "'],
    ['a control character', 'Maple\u0007', 'writeWaystarCsv: "Maple\u0007" contains a control character'],
  ])('refuses %s', (_case, accountName, message) => {
    expect(() => writeWaystarCsv([sale], { accountName })).toThrow(new RangeError(message));
  });

  it.each<[string, Partial<ReportTransaction>, string]>([
    ['a zero amount', { amountCents: 0 }, 'writeWaystarCsv: amountCents of ignored must be positive, got 0'],
    [
      'doubled spaces in a name',
      { payerName: 'Sofia  Rivera' },
      'writeWaystarCsv: payerName "Sofia  Rivera" has doubled or surrounding spaces, which the name fields cannot keep',
    ],
  ])('refuses %s, naming it', (_case, change, message) => {
    expect(() => writeWaystarCsv([{ ...sale, ...change }], { accountName: 'Maple Grove Pediatrics' })).toThrow(new RangeError(message));
  });

  it.each<[string, Partial<ReportTransaction>, RegExp]>([
    ['a VOID', { kind: 'VOID', originalTransactionId: 'ignored' }, /Payment or Refund only/],
    ['a refund naming its sale', { kind: 'REFUND', originalTransactionId: 'abc' }, /names its sale/],
    ['cash', { method: 'CASH' }, /Credit Card or ACH/],
    ['a time New York repeats', { occurredAt: '2026-11-01T06:30:00.000Z' }, /repeats/],
  ])('refuses %s', (_case, change, message) => {
    expect(() => writeWaystarCsv([{ ...sale, ...change }], { accountName: 'Maple Grove Pediatrics' })).toThrow(message);
  });
});
