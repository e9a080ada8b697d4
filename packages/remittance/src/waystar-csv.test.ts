import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseReport, waystarTransactionId, writeWaystarCsv } from './index.ts';
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
  ])('fails with the reason: %s', (_case, content, message) => {
    expect(rejection(content, 'WAYSTAR_CSV')).toBe(message);
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

  it.each<[string, Partial<ReportTransaction>, RegExp]>([
    ['a VOID', { kind: 'VOID', originalTransactionId: 'ignored' }, /Payment or Refund only/],
    ['a refund naming its sale', { kind: 'REFUND', originalTransactionId: 'abc' }, /names its sale/],
    ['cash', { method: 'CASH' }, /Credit Card or ACH/],
    ['a time New York repeats', { occurredAt: '2026-11-01T06:30:00.000Z' }, /repeats/],
  ])('refuses %s', (_case, change, message) => {
    expect(() => writeWaystarCsv([{ ...sale, ...change }], { accountName: 'Maple Grove Pediatrics' })).toThrow(message);
  });
});
