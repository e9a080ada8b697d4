import { describe, expect, it } from 'vitest';
import { IMDPA_STATUS_EFFECTS, IMDPA_VERSION_NAMES, parseReport, writeImdpa } from './index.ts';
import type { ReportTransaction, WriteImdpaOptions } from './index.ts';
import { fixture, rejection, saleBySofia } from './test-helpers.ts';

/** Fields 2-27 of a detail, by name; `line()` puts them in their published places. */
interface Detail {
  merchant: string;
  type: string;
  action: string;
  amount: string;
  card: string;
  id: string;
  auth: string;
  date: string;
  status: string;
  last: string;
  first: string;
  middle: string;
  account: string;
}
const base: Detail = {
  merchant: 'MGPEDS01',
  type: 'CreditCard',
  action: 'AuthCapt',
  amount: '40.00',
  card: 'VISA',
  id: '7f3a9c2e4b1d4e8f9a0b1c2d3e4f5a6b',
  auth: '083421',
  date: '20261125093015',
  status: 'S',
  last: 'Rivera',
  first: 'Sofia',
  middle: '',
  account: '100234',
};
function fields(d: Partial<Detail> = {}): string[] {
  const v = { ...base, ...d };
  return [
    v.merchant,
    '1',
    '1',
    v.type,
    v.action,
    v.amount,
    v.card,
    v.id,
    v.auth,
    v.date,
    v.status,
    v.last,
    v.first,
    v.middle,
    v.account,
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
  ];
}
/** One detail line in `version`'s layout (IMDPA11+ carry User and Transaction Code). */
function line(version: string, d: Partial<Detail> = {}, extra: string[] = version === 'IMDPA10' ? [] : ['', '']): string {
  return [version, ...fields(d), ...extra].join('|');
}
const file = (...lines: string[]) => lines.map((l) => `${l}\r\n`).join('');

const SOFIA = saleBySofia({ cardType: 'VISA', location: 'line 1' });

describe('InstaMed EOD Posting File: the fixtures of every version', () => {
  it('IMDPA10: sales, a refund, an unknown account, debit card, eCheck, cash; V, CB and SE undo their own ID; D is skipped', () => {
    const report = parseReport(fixture('maplegrove_IMDPA10_20261125.txt'));
    expect(report).toMatchObject({ format: 'IMDPA', version: 'IMDPA10', publisher: 'INSTAMED', test: false, balance: null });
    expect(report.payee).toEqual({ npis: [], merchantIds: ['MGPEDS01'], accountNames: [], names: [] });
    expect(report.transactions[0]).toEqual(SOFIA);
    expect(
      report.transactions.map((t) => [t.location, t.kind, t.amountCents, t.method, t.cardType, t.accountNumber, t.payerName, t.originalTransactionId]),
    ).toEqual([
      ['line 1', 'SALE', 4000, 'CARD', 'VISA', '100234', 'Sofia Rivera', null],
      // Credit = a refund, amount positive; no published field names its sale: it waits for staff.
      ['line 2', 'REFUND', 1500, 'CARD', 'MC', '100871', 'Lucas Chen', null],
      // 9999 = InstaMed did not know the account; names are First Middle Last.
      ['line 3', 'SALE', 2500, 'CARD', 'AMEX', null, 'Arjun K Patel', null],
      ['line 4', 'SALE', 123456, 'CARD', 'VISA', '101552', 'Chidi Okafor', null],
      ['line 5', 'SALE', 29, 'ACH', null, '100235', 'Mateo Rivera', null],
      ['line 7', 'VOID', 1800, 'CARD', 'VISA', '100990', 'An Nguyen', 'b1c2d3e4f5a64b7c8d9e0f1a2b3c4d5e'],
      ['line 8', 'CHARGEBACK', 5500, 'CARD', 'VISA', '100412', 'Elena Garcia', 'c2d3e4f5a6b74c8d9e0f1a2b3c4d5e6f'],
      ['line 9', 'VOID', 3000, 'ACH', null, '100412', 'Elena Garcia', 'd3e4f5a6b7c84d9e0f1a2b3c4d5e6f7a'],
      // Cash, no name, empty account.
      ['line 10', 'SALE', 2000, 'CASH', null, null, null, null],
    ]);
    expect(report.transactions[4]).toMatchObject({ authorizationNumber: null, occurredAt: '2026-11-25T19:30:00.000Z' });
    expect(report.skipped).toEqual([{ location: 'line 6', reason: 'declined (status D): no money moved' }]);
    expect(report.meta).toEqual({ version: 'IMDPA10', records: '10' });
  });

  it('IMDPA11 (1.1.1): 29 fields with User and Transaction Code', () => {
    const report = parseReport(fixture('maplegrove_IMDPA11_20261126.txt'));
    expect(report.version).toBe('IMDPA11');
    expect(report.transactions).toEqual<ReportTransaction[]>([
      {
        transactionId: '4d6f8a0b2c4e4f1a3b5c7d9e0f2a4b6c',
        kind: 'SALE',
        amountCents: 6000,
        accountNumber: '100235',
        payerName: "Liam O'Neil",
        method: 'CARD',
        cardType: 'DISCOVER',
        authorizationNumber: '640028',
        occurredAt: '2026-11-26T13:30:00.000Z',
        originalTransactionId: null,
        location: 'line 1',
      },
      {
        transactionId: '5e7a9b1c3d5f4a2b4c6d8e0f1a3b5c7d',
        kind: 'REFUND',
        amountCents: 1250,
        accountNumber: '100871',
        payerName: 'Lucas Chen',
        method: 'CARD',
        cardType: 'VISA',
        authorizationNumber: '640101',
        occurredAt: '2026-11-26T17:05:00.000Z',
        originalTransactionId: null,
        location: 'line 2',
      },
    ]);
  });

  it('IMDPA12 (1.2): the Return action and the RI status', () => {
    const report = parseReport(fixture('maplegrove_IMDPA12_20261127.txt'));
    expect(report.version).toBe('IMDPA12');
    expect(report.transactions.map((t) => [t.kind, t.amountCents, t.method, t.transactionId, t.originalTransactionId])).toEqual([
      ['SALE', 7500, 'ACH', '6f8b0c2d4e6a4b3c5d7e9f1a2b4c6d8e', null],
      ['RETURN', 7500, 'ACH', '7a9c1d3e5f7b4c4d6e8f0a2b3c5d7e9f', null],
      ['RETURN', 4500, 'ACH', '8b0d2e4f6a8c4d5e7f9a1b3c4d6e8f0a', '8b0d2e4f6a8c4d5e7f9a1b3c4d6e8f0a'],
    ]);
  });

  it('1.2.2: the H header and D lines, every field one to the right; the page’s typo in the type field is accepted', () => {
    const report = parseReport(fixture('maplegrove_IMDPA122_20261128.txt'));
    expect(report.version).toBe('IMDPA12 (1.2.2 H/D)');
    expect(report.meta).toEqual({ version: 'IMDPA12_HD', captureDate: '2026-11-28', lockboxNumber: '0042', records: '3' });
    expect(report.transactions.map((t) => [t.location, t.kind, t.amountCents, t.method, t.cardType, t.payerName])).toEqual([
      ['line 2', 'SALE', 4010, 'CARD', 'VISA', 'Sofia Rivera'],
      // Field 6 holds an action value (the page lists AuthCapt/Credit/Return there): CARD when a card type is given...
      ['line 3', 'SALE', 8000, 'CARD', 'MC', 'An Nguyen'],
      // ... OTHER when none is.
      ['line 4', 'REFUND', 500, 'OTHER', null, 'Arjun Patel'],
    ]);
  });

  it('IMDPA13 (1.3) with guarantor fields and IMDPA14 (1.4) with response and reserved fields: read, not needed', () => {
    const v13 = parseReport(fixture('maplegrove_IMDPA13_20261129.txt'));
    expect(v13.version).toBe('IMDPA13');
    expect(v13.transactions).toEqual([
      expect.objectContaining({ kind: 'SALE', amountCents: 15000, payerName: 'Mateo Rivera', occurredAt: '2026-11-29T18:45:02.000Z' }),
    ]);
    const v14 = parseReport(fixture('maplegrove_IMDPA14_20261130.txt'));
    expect(v14.version).toBe('IMDPA14');
    expect(v14.transactions.map((t) => [t.kind, t.amountCents])).toEqual([['SALE', 9500]]);
    expect(v14.skipped).toEqual([{ location: 'line 2', reason: 'declined (status D): no money moved' }]);
  });

  it('reads the same whatever the line ends, and ignores blank lines', () => {
    const crlf = fixture('maplegrove_IMDPA10_20261125.txt');
    const expected = parseReport(crlf).transactions;
    expect(parseReport(crlf.replaceAll('\r\n', '\n')).transactions).toEqual(expected);
    expect(parseReport(crlf.replaceAll('\r\n', '\r')).transactions).toEqual(expected);
    expect(parseReport(`${crlf}\r\n\r\n`).transactions).toEqual(expected);
    // A line of spaces or tabs is blank too (the line numbers stay those of the file).
    const spaced = parseReport(crlf.replace('\r\n', '\r\n   \t\r\n')).transactions;
    expect(spaced.map((t) => t.location)).toEqual(expected.map((t) => (t.location === 'line 1' ? t.location : `line ${Number(t.location.slice(5)) + 1}`)));
  });

  it('reads fields padded with spaces as the values they hold', () => {
    const padded = line('IMDPA14', {})
      .split('|')
      .map((f, i) => (i === 0 ? f : ` ${f} `))
      .join('|');
    const report = parseReport(file(padded));
    expect(report.transactions).toEqual([SOFIA]);
    expect(report.payee.merchantIds).toEqual(['MGPEDS01']);
    // 1.2.2's header too.
    expect(parseReport(file('H| 20261128 | 0042 ', `D|${line('IMDPA12', {}, [])}`)).meta).toMatchObject({ captureDate: '2026-11-28', lockboxNumber: '0042' });
  });

  it('names the merchant IDs the file gives, once each, in file order; an empty one names none', () => {
    const report = parseReport(
      file(
        line('IMDPA10', { merchant: '' }),
        line('IMDPA10', { merchant: 'MGPEDS02', id: 'abc2' }),
        line('IMDPA10', { id: 'abc3' }),
        line('IMDPA10', { merchant: 'MGPEDS02', id: 'abc4' }),
      ),
    );
    expect(report.payee.merchantIds).toEqual(['MGPEDS02', 'MGPEDS01']);
  });

  it('publishes its layouts and its reading of the status codes', () => {
    expect(IMDPA_VERSION_NAMES).toEqual({
      IMDPA10: 'EOD Posting File 1.0 (IMDPA10)',
      IMDPA11: 'EOD Posting File 1.1.1 (IMDPA11)',
      IMDPA12: 'EOD Posting File 1.2 (IMDPA12)',
      IMDPA12_HD: 'EOD Posting File 1.2.2 (H/D lines, IMDPA12)',
      IMDPA13: 'EOD Posting File 1.3 (IMDPA13)',
      IMDPA14: 'EOD Posting File 1.4 (IMDPA14)',
    });
    expect(Object.fromEntries(IMDPA_STATUS_EFFECTS)).toEqual({
      A: { effect: 'money' },
      C: { effect: 'money' },
      S: { effect: 'money' },
      D: { effect: 'skip', reason: 'declined (status D): no money moved' },
      V: { effect: 'undo', kind: 'VOID' },
      CB: { effect: 'undo', kind: 'CHARGEBACK' },
      RI: { effect: 'undo', kind: 'RETURN' },
      SE: { effect: 'undo', kind: 'VOID' },
    });
  });
});

describe('Transaction Status Code (field 12): each code’s effect (our reading)', () => {
  const ID = base.id;
  it.each([
    ['A', 'AuthCapt', { kind: 'SALE', originalTransactionId: null }],
    ['C', 'AuthCapt', { kind: 'SALE', originalTransactionId: null }],
    ['S', 'AuthCapt', { kind: 'SALE', originalTransactionId: null }],
    ['A', 'Credit', { kind: 'REFUND', originalTransactionId: null }],
    ['C', 'Credit', { kind: 'REFUND', originalTransactionId: null }],
    ['S', 'Credit', { kind: 'REFUND', originalTransactionId: null }],
    ['A', 'Return', { kind: 'RETURN', originalTransactionId: null }],
    ['C', 'Return', { kind: 'RETURN', originalTransactionId: null }],
    ['S', 'Return', { kind: 'RETURN', originalTransactionId: null }],
    ['V', 'AuthCapt', { kind: 'VOID', originalTransactionId: ID }],
    ['CB', 'AuthCapt', { kind: 'CHARGEBACK', originalTransactionId: ID }],
    ['RI', 'AuthCapt', { kind: 'RETURN', originalTransactionId: ID }],
    ['SE', 'AuthCapt', { kind: 'VOID', originalTransactionId: ID }],
  ])('status %s with action %s', (status, action, effect) => {
    const report = parseReport(file(line('IMDPA12', { status, action })));
    expect(report.skipped).toEqual([]);
    expect(report.transactions).toEqual([{ ...SOFIA, ...effect }]);
  });

  it('status D: skipped, no money moved', () => {
    const report = parseReport(file(line('IMDPA12', { status: 'D' })));
    expect(report.transactions).toEqual([]);
    expect(report.skipped).toEqual([{ location: 'line 1', reason: 'declined (status D): no money moved' }]);
  });

  it.each(['X', 'P', 'a', ''])('any other code (%j) fails the file, naming the line and the code', (status) => {
    expect(rejection(file(line('IMDPA12'), line('IMDPA12', { status, id: 'other1' })))).toBe(
      `Line 2: Transaction Status Code "${status}" (field 12) is not one Kinpay knows (A, C, S, D, V, CB, RI, SE); the file was not posted.`,
    );
  });

  it('a zero amount moved no money: skipped with the reason', () => {
    expect(parseReport(file(line('IMDPA14', { amount: '0.00' }))).skipped).toEqual([
      { location: 'line 1', reason: 'the amount is 0.00: no money moved (transaction 7f3a9c2e4b1d4e8f9a0b1c2d3e4f5a6b)' },
    ]);
  });
});

describe('Payment Transaction Type (field 5) and Action (field 6)', () => {
  it.each([
    ['CreditCard', 'CARD'],
    ['DebitCard', 'CARD'],
    ['eCheck', 'ACH'],
    ['Cash', 'CASH'],
    ['creditcard', 'CARD'],
  ])('%s -> %s', (type, method) => {
    expect(parseReport(file(line('IMDPA10', { type }))).transactions[0]?.method).toBe(method);
  });

  it('refuses a type that is not published', () => {
    expect(rejection(file(line('IMDPA10', { type: 'Wire' })))).toBe(
      'Line 1: Payment Transaction Type "Wire" (field 5) is not CreditCard, DebitCard, eCheck or Cash.',
    );
    // The action values are accepted in field 5 only where 1.2.2's page prints them there.
    expect(rejection(file(line('IMDPA12', { type: 'AuthCapt' })))).toContain('Payment Transaction Type "AuthCapt" (field 5)');
  });

  it('refuses Return before 1.2, and unknown actions', () => {
    expect(rejection(file(line('IMDPA10', { action: 'Return' })))).toBe(
      'Line 1: Payment Transaction Action "Return" (field 6) is not one IMDPA10 publishes (AuthCapt, Credit).',
    );
    expect(rejection(file(line('IMDPA11', { action: 'Return' })))).toContain('is not one IMDPA11 publishes (AuthCapt, Credit)');
    expect(rejection(file(line('IMDPA14', { action: 'Void' })))).toContain('"Void" (field 6) is not one IMDPA14 publishes (AuthCapt, Credit, Return)');
  });
});

describe('InstaMed EOD Posting File: what fails the file, and why', () => {
  it.each<[string, string, string]>([
    [
      'mixed record IDs',
      file(line('IMDPA10'), line('IMDPA13', { id: 'abc2' })),
      'Line 2: this line is IMDPA13 but the file began as IMDPA10; every line of a file must have the same record ID.',
    ],
    [
      'a plain line in a 1.2.2 file',
      file('H|20261125|42', `D|${line('IMDPA12', {}, [])}`, line('IMDPA12', { id: 'abc2' })),
      'Line 3: expected a detail line "D|IMDPA12|…" in this 1.2.2 file (this line is IMDPA12 without the D); mixed layouts are not read.',
    ],
    [
      'a D line of another version in a 1.2.2 file',
      file('H|20261125|42', `D|${line('IMDPA14', {}, [])}`),
      'Line 2: this line is IMDPA14 (D line) but the file began as IMDPA12 with H/D lines (1.2.2); every line of a file must have the same record ID.',
    ],
    [
      'a 1.2.2 line in a plain file',
      file(line('IMDPA12'), `D|${line('IMDPA12', { id: 'abc2' }, [])}`),
      'Line 2: this line is "D" but the file began as IMDPA12; every line of a file must have the same record ID.',
    ],
    [
      'a header that is not first',
      file('H|20261125|42', `D|${line('IMDPA12', {}, [])}`, 'H|20261126|42'),
      'Line 3: a header (H) line may only be the first line of the file.',
    ],
    [
      'a 1.2.2 file without its header',
      file(`D|${line('IMDPA12', {}, [])}`),
      'Line 1: an EOD Posting File 1.2.2 begins with its header line ("H|capture date|lockbox number"), but this file begins with a detail line; it may have been cut off.',
    ],
    [
      'a header with a bad date',
      file('H|20261131|42', `D|${line('IMDPA12', {}, [])}`),
      'Line 1: the header\'s Capture Date "20261131" is not a date written YYYYMMDD.',
    ],
    [
      'an unknown version',
      file(line('IMDPA15')),
      'Line 1: record ID IMDPA15 is not an EOD Posting File version Kinpay reads (IMDPA10, IMDPA11, IMDPA12, IMDPA13, IMDPA14, or 1.2.2 with H/D lines).',
    ],
    ['too few fields', file(line('IMDPA14', {}, []).split('|').slice(0, 26).join('|')), 'Line 1: the line has 26 fields; an IMDPA14 detail has at least 27.'],
    [
      'too few fields in a 1.2.2 D line',
      file('H|20261125|42', `D|${fields().slice(0, 25).join('|')}`.replace('D|', 'D|IMDPA12|')),
      'Line 2: the line has 27 fields (26 after the D); an IMDPA12 with H/D lines (1.2.2) detail has at least 27 after the D.',
    ],
    ['IMDPA10 with more than 27', file(line('IMDPA10', {}, ['user'])), 'Line 1: the line has 28 fields; an IMDPA10 detail has exactly 27.'],
    [
      'a transaction ID with a space',
      file(line('IMDPA10', { id: '3c4fabfad61e47e4aa10b525 29476529' })),
      'Line 1: Transaction ID "3c4fabfad61e47e4aa10b525 29476529" (field 9) is not 1 to 50 letters and digits.',
    ],
    [
      'a transaction ID of 51 characters',
      file(line('IMDPA10', { id: 'a'.repeat(51) })),
      `Line 1: Transaction ID "${'a'.repeat(51)}" (field 9) is not 1 to 50 letters and digits.`,
    ],
    ['an empty transaction ID', file(line('IMDPA10', { id: '' })), 'Line 1: Transaction ID "" (field 9) is not 1 to 50 letters and digits.'],
    ['a negative amount', file(line('IMDPA10', { amount: '-40.00' })), 'Line 1: the Amount "-40.00" (field 7) is not a positive decimal amount like 40.00.'],
    ['three decimals', file(line('IMDPA10', { amount: '40.001' })), 'Line 1: the Amount "40.001" (field 7) is not a positive decimal amount like 40.00.'],
    ['a dollar sign', file(line('IMDPA10', { amount: '$40.00' })), 'Line 1: the Amount "$40.00" (field 7) is not a positive decimal amount like 40.00.'],
    [
      'an 18-digit amount',
      file(line('IMDPA10', { amount: '123456789012345678.00' })),
      'Line 1: the amount $123,456,789,012,345,678.00 is above the $1,000,000.00 Kinpay accepts for one payment; the file was not posted.',
    ],
    [
      'an amount over the ceiling',
      file(line('IMDPA10'), line('IMDPA10', { id: 'abc2' }), line('IMDPA10', { id: 'abc3' }), line('IMDPA10', { amount: '25000000.00', id: 'abc4' })),
      'Line 4: the amount $25,000,000.00 is above the $1,000,000.00 Kinpay accepts for one payment; the file was not posted.',
    ],
    [
      'an impossible date',
      file(line('IMDPA10', { date: '20261131093015' })),
      'Line 1: the Transaction Date "20261131093015" (field 11) is not a date and time written CCYYMMDDHHMMSS.',
    ],
    [
      'a date without the time',
      file(line('IMDPA10', { date: '20261125' })),
      'Line 1: the Transaction Date "20261125" (field 11) is not a date and time written CCYYMMDDHHMMSS.',
    ],
    [
      'a date and time without seconds',
      file(line('IMDPA10', { date: '202611250930' })),
      'Line 1: the Transaction Date "202611250930" (field 11) is not a date and time written CCYYMMDDHHMMSS.',
    ],
    [
      'a date with a letter',
      file(line('IMDPA10', { date: '2026112509301x' })),
      'Line 1: the Transaction Date "2026112509301x" (field 11) is not a date and time written CCYYMMDDHHMMSS.',
    ],
    [
      'a header of two fields',
      file('H|20261125', `D|${line('IMDPA12', {}, [])}`),
      'Line 1: the 1.2.2 header has 2 fields; it has 3 (H, Capture Date, Lockbox Number).',
    ],
    [
      'a header date not written YYYYMMDD',
      file('H|2026-11-25|42', `D|${line('IMDPA12', {}, [])}`),
      'Line 1: the header\'s Capture Date "2026-11-25" is not a date written YYYYMMDD.',
    ],
    [
      'a header date of nine digits',
      file('H|120261125|42', `D|${line('IMDPA12', {}, [])}`),
      'Line 1: the header\'s Capture Date "120261125" is not a date written YYYYMMDD.',
    ],
    ['a lockbox number with a letter', file('H|20261125|4x', `D|${line('IMDPA12', {}, [])}`), 'Line 1: the header\'s Lockbox Number "4x" is not a number.'],
    ['a lockbox number after a letter', file('H|20261125|x4', `D|${line('IMDPA12', {}, [])}`), 'Line 1: the header\'s Lockbox Number "x4" is not a number.'],
    [
      'a line of something else in a 1.2.2 file',
      file('H|20261125|42', `D|${line('IMDPA12', {}, [])}`, `X${line('IMDPA12', { id: 'abc2' })}`),
      'Line 3: expected a detail line "D|IMDPA12|…" in this 1.2.2 file; mixed layouts are not read.',
    ],
    [
      'a record ID with a suffix in a 1.2.2 file',
      file('H|20261125|42', `D|${line('IMDPA12', {}, [])}`, line('IMDPA12X', { id: 'abc2' })),
      'Line 3: expected a detail line "D|IMDPA12|…" in this 1.2.2 file; mixed layouts are not read.',
    ],
    [
      'a record ID with a suffix',
      file(line('IMDPA10'), line('IMDPA10X', { id: 'abc2' }, [])),
      'Line 2: this line is "IMDPA10X" but the file began as IMDPA10; every line of a file must have the same record ID.',
    ],
    [
      'a record ID after a letter',
      file(line('IMDPA10'), line('XIMDPA10', { id: 'abc2' }, [])),
      'Line 2: this line is "XIMDPA10" but the file began as IMDPA10; every line of a file must have the same record ID.',
    ],
    [
      'an 18-digit amount padded with zeros',
      file(line('IMDPA10', { amount: '000123456789012345678.00' })),
      'Line 1: the amount $123,456,789,012,345,678.00 is above the $1,000,000.00 Kinpay accepts for one payment; the file was not posted.',
    ],
    [
      'something else',
      'Date,Amount\r\n11/25/2026,40.00\r\n',
      'Line 1: the line does not begin with an EOD Posting File record ID (IMDPA10, IMDPA11, IMDPA12, IMDPA13, IMDPA14) or the 1.2.2 header "H|"; this is not an InstaMed EOD Posting File.',
    ],
  ])('%s', (_case, content, message) => {
    expect(rejection(content, 'IMDPA')).toBe(message);
  });

  it('reads an empty file (a day without payments) as no transactions', () => {
    expect(parseReport('\r\n\r\n', { format: 'IMDPA' })).toMatchObject({ version: 'EOD Posting File (empty)', transactions: [], skipped: [] });
    expect(parseReport('', { format: 'IMDPA' }).transactions).toEqual([]);
  });

  it('accepts exactly the ceiling, $1,000,000.00', () => {
    expect(parseReport(file(line('IMDPA10', { amount: '1000000.00' }))).transactions[0]?.amountCents).toBe(100_000_000);
    expect(rejection(file(line('IMDPA10', { amount: '1000000.01' })))).toContain('$1,000,000.01 is above the $1,000,000.00');
  });

  it('a transaction ID twice in one file fails it, naming both lines', () => {
    expect(rejection(file(line('IMDPA10'), line('IMDPA10', { id: 'other1' }), line('IMDPA10', { amount: '12.00' })))).toBe(
      'Line 3: transaction ID 7f3a9c2e4b1d4e8f9a0b1c2d3e4f5a6b is already in this file at line 1 (SALE twice); a transaction is reported once, so the file was not posted.',
    );
    // The same ID as a refund: a refund gets its own ID at InstaMed, so this is not an undo of the sale.
    expect(rejection(file(line('IMDPA10'), line('IMDPA10', { action: 'Credit' })))).toBe(
      'Line 2: transaction ID 7f3a9c2e4b1d4e8f9a0b1c2d3e4f5a6b is already in this file at line 1 (SALE and REFUND); a transaction is reported once, so the file was not posted.',
    );
  });

  it('a sale and its own void, chargeback or return may share the ID in one file', () => {
    for (const status of ['V', 'CB', 'RI', 'SE']) {
      const report = parseReport(file(line('IMDPA12'), line('IMDPA12', { status })));
      expect(report.transactions.map((t) => t.transactionId)).toEqual([base.id, base.id]);
    }
    // ... but not two undos of it.
    expect(rejection(file(line('IMDPA12', { status: 'V' }), line('IMDPA12', { status: 'CB' })))).toContain('(VOID and CHARGEBACK)');
  });

  it('reads New York time across daylight saving time', () => {
    const at = (date: string) => parseReport(file(line('IMDPA10', { date }))).transactions[0]?.occurredAt;
    expect(at('20260701120000')).toBe('2026-07-01T16:00:00.000Z'); // EDT, UTC-4
    expect(at('20261225120000')).toBe('2026-12-25T17:00:00.000Z'); // EST, UTC-5
    // 1:30 happens twice on 1 November 2026: the first (EDT) is taken.
    expect(at('20261101013000')).toBe('2026-11-01T05:30:00.000Z');
    // 2:30 does not exist on 8 March 2026: read with the offset before the change.
    expect(at('20260308023000')).toBe('2026-03-08T07:30:00.000Z');
  });
});

describe('writeImdpa', () => {
  const sale: ReportTransaction = { ...SOFIA };
  it.each([
    ['IMDPA10', 27],
    ['IMDPA11', 29],
    ['IMDPA12', 29],
    ['IMDPA13', 32],
    ['IMDPA14', 34],
  ] as const)('%s: one line of %d fields, CRLF', (version, count) => {
    const written = writeImdpa([sale], { version, merchantId: 'MGPEDS01' });
    expect(written.endsWith('\r\n')).toBe(true);
    const fieldsWritten = written.trimEnd().split('|');
    expect(fieldsWritten).toHaveLength(count);
    expect(fieldsWritten.slice(0, 16)).toEqual([
      version,
      'MGPEDS01',
      '1',
      '1',
      'CreditCard',
      'AuthCapt',
      '40.00',
      'VISA',
      sale.transactionId,
      '083421',
      '20261125093015',
      'S',
      'Rivera',
      'Sofia',
      '',
      '100234',
    ]);
    expect(parseReport(written).transactions).toEqual([sale]);
  });

  it('IMDPA12_HD: the header, then D lines', () => {
    const written = writeImdpa([sale], { version: 'IMDPA12_HD', merchantId: 'MGPEDS01', lockboxNumber: '42' });
    expect(written.split('\r\n')[0]).toBe('H|20261125|42');
    expect(written.split('\r\n')[1]!.startsWith(`D|IMDPA12|MGPEDS01|1|1|CreditCard|AuthCapt|40.00|VISA|${sale.transactionId}|`)).toBe(true);
    expect(writeImdpa([], { version: 'IMDPA12_HD', merchantId: 'M', lockboxNumber: '1', captureDate: '20261201' })).toBe('H|20261201|1\r\n');
    expect(parseReport(written).transactions).toEqual([{ ...sale, location: 'line 2' }]);
  });

  it.each<[string, Partial<ReportTransaction>, string, RegExp]>([
    ['a REVERSAL', { kind: 'REVERSAL', originalTransactionId: SOFIA.transactionId }, 'IMDPA14', /REVERSAL .* cannot be written/],
    ['a refund naming its sale', { kind: 'REFUND', originalTransactionId: 'abc' }, 'IMDPA14', /names its sale/],
    ['a void of another ID', { kind: 'VOID', originalTransactionId: 'abc' }, 'IMDPA14', /must have its own ID/],
    ['a Return before 1.2', { kind: 'RETURN' }, 'IMDPA11', /no Return action/],
    ['a check', { method: 'CHECK', cardType: null }, 'IMDPA14', /method CHECK/],
    ['MASTERCARD (MC is published)', { cardType: 'MASTERCARD' }, 'IMDPA14', /card type "MASTERCARD"/],
    ['a | in a name', { payerName: 'Sofia Ri|vera' }, 'IMDPA14', /contains "\|"/],
    ['account 9999', { accountNumber: '9999' }, 'IMDPA14', /9999/],
    ['a transaction ID with a dash', { transactionId: 'abc-1' }, 'IMDPA14', /letters and digits/],
    ['a time New York repeats', { occurredAt: '2026-11-01T06:30:00.000Z' }, 'IMDPA14', /repeats when daylight saving time ends/],
    ['an amount over the ceiling', { amountCents: 100_000_001 }, 'IMDPA14', /MAX_TRANSACTION_CENTS/],
  ])('refuses %s', (_case, change, version, message) => {
    expect(() => writeImdpa([{ ...sale, ...change }], { version: version as 'IMDPA14', merchantId: 'MGPEDS01' })).toThrow(message);
  });

  it('refuses a 1.2.2 file without a lockbox number, and header options on other versions', () => {
    expect(() => writeImdpa([sale], { version: 'IMDPA12_HD', merchantId: 'M' })).toThrow(/lockboxNumber/);
    expect(() => writeImdpa([sale], { version: 'IMDPA14', merchantId: 'M', lockboxNumber: '1' })).toThrow(/no header line/);
  });

  it('writes every field of a line, the unpublished ones empty, store and terminal as given', () => {
    const written = writeImdpa([{ ...sale, payerName: 'Sofia Ana Rivera', authorizationNumber: null, accountNumber: null, cardType: null }], {
      version: 'IMDPA14',
      merchantId: 'MGPEDS01',
      storeId: 'S7',
      terminalId: 'T9',
    });
    expect(written).toBe(`IMDPA14|MGPEDS01|S7|T9|CreditCard|AuthCapt|40.00||${sale.transactionId}||20261125093015|S|Rivera|Sofia|Ana|${'|'.repeat(18)}\r\n`);
  });

  it('1.2.2: the capture date is the New York day of the latest transaction, in any order, unless given', () => {
    const early = { ...sale, transactionId: 'aaa1', occurredAt: '2026-11-25T14:30:15.000Z' };
    // 03:00 UTC on the 28th is the 27th in New York.
    const late = { ...sale, transactionId: 'aaa2', occurredAt: '2026-11-28T03:00:00.000Z' };
    const header = (transactions: ReportTransaction[], captureDate?: Date | string) =>
      writeImdpa(transactions, { version: 'IMDPA12_HD', merchantId: 'M', lockboxNumber: '42', ...(captureDate === undefined ? {} : { captureDate }) }).split(
        '\r\n',
      )[0];
    expect(header([late, early])).toBe('H|20261127|42');
    expect(header([early, late])).toBe('H|20261127|42');
    expect(header([early], new Date('2026-12-01T04:00:00Z'))).toBe('H|20261130|42');
    expect(header([], '20261201')).toBe('H|20261201|42');
  });

  it.each<[string, Partial<WriteImdpaOptions>, string]>([
    [
      'an unknown version',
      { version: 'IMDPA15' as 'IMDPA14' },
      'writeImdpa: version must be one of IMDPA10, IMDPA11, IMDPA12, IMDPA12_HD, IMDPA13, IMDPA14, got "IMDPA15"',
    ],
    ['an empty merchant ID', { merchantId: '' }, 'writeImdpa: merchantId must be 1 to 50 characters without surrounding spaces, got ""'],
    ['a blank merchant ID', { merchantId: '  ' }, 'writeImdpa: merchantId must be 1 to 50 characters without surrounding spaces, got "  "'],
    ['a merchant ID with a leading space', { merchantId: ' M' }, 'writeImdpa: merchantId must be 1 to 50 characters without surrounding spaces, got " M"'],
    [
      'a merchant ID of 51 characters',
      { merchantId: 'M'.repeat(51) },
      `writeImdpa: merchantId must be 1 to 50 characters without surrounding spaces, got "${'M'.repeat(51)}"`,
    ],
    ['a store ID with a trailing space', { storeId: '1 ' }, 'writeImdpa: storeId must be 1 to 50 characters without surrounding spaces, got "1 "'],
    ['an empty terminal ID', { terminalId: '' }, 'writeImdpa: terminalId must be 1 to 50 characters without surrounding spaces, got ""'],
    ['a | in the merchant ID', { merchantId: 'MGP|1' }, 'writeImdpa: "MGP|1" contains "|", which the format cannot carry'],
    [
      'a capture date on a file without a header',
      { captureDate: '20261125' },
      'writeImdpa: IMDPA14 has no header line; captureDate and lockboxNumber are for IMDPA12_HD',
    ],
  ])('refuses %s', (_case, options, message) => {
    expect(() => writeImdpa([sale], { version: 'IMDPA14', merchantId: 'MGPEDS01', ...options })).toThrow(new RangeError(message));
  });

  it('accepts IDs of 50 characters', () => {
    expect(writeImdpa([sale], { version: 'IMDPA14', merchantId: 'M'.repeat(50), storeId: 'S'.repeat(50), terminalId: 'T'.repeat(50) })).toContain(
      `|${'M'.repeat(50)}|${'S'.repeat(50)}|${'T'.repeat(50)}|`,
    );
  });

  it.each<[string, Partial<WriteImdpaOptions>, string]>([
    ['no lockbox number', {}, 'writeImdpa: IMDPA12_HD needs lockboxNumber, 1 to 4 digits as published, got "undefined"'],
    ['a lockbox number of 5 digits', { lockboxNumber: '12345' }, 'writeImdpa: IMDPA12_HD needs lockboxNumber, 1 to 4 digits as published, got "12345"'],
    ['a lockbox number with a letter', { lockboxNumber: 'x12' }, 'writeImdpa: IMDPA12_HD needs lockboxNumber, 1 to 4 digits as published, got "x12"'],
    ['a lockbox number ending in a letter', { lockboxNumber: '12x' }, 'writeImdpa: IMDPA12_HD needs lockboxNumber, 1 to 4 digits as published, got "12x"'],
    ['a capture date not written YYYYMMDD', { lockboxNumber: '42', captureDate: '2026-11-25' }, 'writeImdpa: captureDate must be YYYYMMDD, got "2026-11-25"'],
    ['an impossible capture date', { lockboxNumber: '42', captureDate: '20261131' }, 'writeImdpa: captureDate must be YYYYMMDD, got "20261131"'],
    ['an invalid capture Date', { lockboxNumber: '42', captureDate: new Date('x') }, 'writeImdpa: captureDate is needed for a 1.2.2 file without transactions'],
  ])('1.2.2: refuses %s', (_case, options, message) => {
    expect(() => writeImdpa([sale], { version: 'IMDPA12_HD', merchantId: 'M', ...options })).toThrow(new RangeError(message));
  });

  it('1.2.2: a file without transactions needs its capture date', () => {
    expect(() => writeImdpa([], { version: 'IMDPA12_HD', merchantId: 'M', lockboxNumber: '42' })).toThrow(
      new RangeError('writeImdpa: captureDate is needed for a 1.2.2 file without transactions'),
    );
  });

  it.each<[string, Partial<ReportTransaction>, string]>([
    [
      'a card type on an eCheck',
      { method: 'ACH', cardType: 'VISA' },
      `writeImdpa: card type "VISA" of ${SOFIA.transactionId} is not one published (VISA, MC, AMEX, DISCOVER, OTHER) for a card payment`,
    ],
    [
      'a last name of 51 characters',
      { payerName: `Sofia ${'R'.repeat(51)}` },
      `writeImdpa: the last name "${'R'.repeat(51)}" is longer than the 50 characters published`,
    ],
    [
      'a first name of 51 characters',
      { payerName: `${'S'.repeat(51)} Rivera` },
      `writeImdpa: the first name "${'S'.repeat(51)}" is longer than the 50 characters published`,
    ],
    [
      'a middle name of 51 characters',
      { payerName: `Sofia ${'A'.repeat(51)} Rivera` },
      `writeImdpa: the middle name "${'A'.repeat(51)}" is longer than the 50 characters published`,
    ],
    [
      'an account number of 51 characters',
      { accountNumber: '1'.repeat(51) },
      `writeImdpa: the account number "${'1'.repeat(51)}" is longer than the 50 characters published`,
    ],
    [
      'an authorization number of 51 characters',
      { authorizationNumber: '9'.repeat(51) },
      `writeImdpa: the authorization number "${'9'.repeat(51)}" is longer than the 50 characters published`,
    ],
    [
      'a return naming another transaction',
      { kind: 'RETURN', originalTransactionId: 'abc1' },
      `writeImdpa: RETURN ${SOFIA.transactionId} names another transaction as original, which no published field carries`,
    ],
    [
      'a void of another ID',
      { kind: 'VOID', originalTransactionId: 'abc1' },
      `writeImdpa: VOID ${SOFIA.transactionId} must have its own ID as originalTransactionId (status V undoes the transaction with that ID)`,
    ],
    [
      'a chargeback of another ID',
      { kind: 'CHARGEBACK', originalTransactionId: 'abc1' },
      `writeImdpa: CHARGEBACK ${SOFIA.transactionId} must have its own ID as originalTransactionId (status CB undoes the transaction with that ID)`,
    ],
    ['a control character in a name', { payerName: 'Sofia Ri\u0007vera' }, 'writeImdpa: "Ri\u0007vera" contains a control character'],
    [
      'doubled spaces in a name',
      { payerName: 'Sofia  Rivera' },
      'writeImdpa: payerName "Sofia  Rivera" has doubled or surrounding spaces, which the name fields cannot keep',
    ],
    ['a fraction of a cent', { amountCents: 40.5 }, `writeImdpa: amountCents of ${SOFIA.transactionId} must be a whole number of cents, got 40.5`],
  ])('refuses %s, naming it', (_case, change, message) => {
    expect(() => writeImdpa([{ ...sale, ...change }], { version: 'IMDPA14', merchantId: 'MGPEDS01' })).toThrow(new RangeError(message));
  });

  it('writes names, account and authorization numbers of 50 characters', () => {
    const tx = {
      ...sale,
      payerName: `${'S'.repeat(50)} ${'A'.repeat(50)} ${'R'.repeat(50)}`,
      accountNumber: '1'.repeat(50),
      authorizationNumber: '9'.repeat(50),
    };
    expect(parseReport(writeImdpa([tx], { version: 'IMDPA14', merchantId: 'MGPEDS01' })).transactions).toEqual([tx]);
  });
});
