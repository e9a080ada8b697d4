import { describe, expect, it } from 'vitest';
import { InsuranceRemittanceError, dpa835FileName, parseReport, write835 } from './index.ts';
import type { ReportTransaction } from './index.ts';
import { errorOf, fixture, rejection } from './test-helpers.ts';

const NOV25 = 'maplegrove_dpa835_20261125_1.rep';
const NOV26 = 'maplegrove_dpa835_20261126_1.rep';
const TEST_FILE = 'maplegrove_dpa835_20261127_1.rep';
const payee = { payeeName: 'MAPLE GROVE PEDIATRICS', npi: '1467589012', controlNumber: 4711, date: new Date('2026-11-25T23:15:00Z') };

/** One transaction set's body, and a whole interchange around any number of them (SE/GE/IEA counted). */
function interchange(sets: string[][], { usage = 'P', gs08 = '005010X221A1' } = {}): string {
  const lines = [
    `ISA*00*          *00*          *ZZ*INSTAMED       *ZZ*1467589012     *261125*2315*^*00501*000004711*0*${usage}*:~`,
    `GS*HP*INSTAMED*1467589012*20261125*2315*4711*X*${gs08}~`,
  ];
  sets.forEach((body, i) => {
    const control = String(i + 1).padStart(4, '0');
    lines.push(`ST*835*${control}~`, ...body.map((s) => `${s}~`), `SE*${body.length + 2}*${control}~`);
  });
  lines.push(`GE*${sets.length}*4711~`, 'IEA*1*000004711~');
  return `${lines.join('\n')}\n`;
}
function set({
  bpr = 'BPR*H*40.00*C*NON******1999999999*credit card*****20261125',
  clps = ['CLP*aaa1*1*40.00*40.00**09'],
  extra = [] as string[],
} = {}): string[] {
  return [
    bpr,
    'TRN*1*083421*1999999999*credit card',
    'DTM*405*20261125*143015*UT',
    'N1*PR*Sofia Rivera*XV*100234',
    'N1*PE*MAPLE GROVE PEDIATRICS*XX*1467589012',
    'LX*1',
    ...clps,
    ...extra,
  ];
}

describe('InstaMed X12 835 (dpa835 1.0)', () => {
  it('reads sales, a refund written InstaMed’s way (BPR03 D, positive CLP04), no name, PLB, cash, a manual check (CRLF)', () => {
    const content = fixture(NOV25);
    expect(content).toContain('~\r\n');
    const report = parseReport(content);
    expect(report).toMatchObject({ format: 'X12_835', version: 'dpa835 1.0 (005010X221A1)', publisher: 'INSTAMED', test: false });
    const shared = { cardType: null, originalTransactionId: null };
    expect(report.transactions).toEqual<ReportTransaction[]>([
      {
        ...shared,
        transactionId: '7f3a9c2e4b1d4e8f9a0b1c2d3e4f5a6b',
        kind: 'SALE',
        amountCents: 4000,
        accountNumber: '100234',
        payerName: 'Sofia Rivera',
        method: 'CARD',
        authorizationNumber: '083421',
        occurredAt: '2026-11-25T14:30:15.000Z',
        location: 'transaction set 0001 (segment 12)',
      },
      {
        // CLP07 = the refund's own ID, CLP01 = the sale it gives back.
        ...shared,
        transactionId: 'e4c1a7b9d2f3486a9b0c1d2e3f4a5b6c',
        kind: 'REFUND',
        amountCents: 1500,
        accountNumber: '100871',
        payerName: 'Lucas Chen',
        method: 'CARD',
        authorizationNumber: '551902',
        occurredAt: '2026-11-25T15:11:02.000Z',
        originalTransactionId: '5b2d8e1f9c3a4b7d6e0f2a1c3b5d7e9f',
        location: 'transaction set 0002 (segment 21)',
      },
      {
        // "Patient" = no name; 9999 = unknown account; no DTM: the business date (BPR16), midnight in New York.
        ...shared,
        transactionId: '2a6f0b3c8d1e4f5a9b7c6d0e1f2a3b4c',
        kind: 'SALE',
        amountCents: 2500,
        accountNumber: null,
        payerName: null,
        method: 'ACH',
        authorizationNumber: null,
        occurredAt: '2026-11-25T05:00:00.000Z',
        location: 'transaction set 0003 (segment 29)',
      },
      {
        // The family paid 1234.56; the PLB fee of 2.95 is the practice's.
        ...shared,
        transactionId: '9d4e2f1a0b3c4d5e6f7a8b9c0d1e2f3a',
        kind: 'SALE',
        amountCents: 123456,
        accountNumber: '101552',
        payerName: 'Chidi Okafor',
        method: 'CARD',
        authorizationNumber: '774410',
        occurredAt: '2026-11-25T17:22:01.000Z',
        location: 'transaction set 0004 (segment 38)',
      },
      {
        // DTM*405 without a time code: New York time.
        ...shared,
        transactionId: '3e8b1c5d7f9a4e2b6c0d8f1a3b5c7e9d',
        kind: 'SALE',
        amountCents: 2000,
        accountNumber: '100235',
        payerName: 'Mateo Rivera',
        method: 'CASH',
        authorizationNumber: null,
        occurredAt: '2026-11-25T14:30:00.000Z',
        location: 'transaction set 0005 (segment 48)',
      },
      {
        // BPR04 CHK (configurable at InstaMed) says nothing; the type comes from TRN04 when BPR11 is empty.
        ...shared,
        transactionId: 'b1c2d3e4f5a64b7c8d9e0f1a2b3c4d5e',
        kind: 'SALE',
        amountCents: 3500,
        accountNumber: '100412',
        payerName: 'Elena Garcia',
        method: 'CHECK',
        authorizationNumber: '1042',
        occurredAt: '2026-11-25T16:00:00.000Z',
        location: 'transaction set 0006 (segment 58)',
      },
    ]);
    expect(report.skipped).toEqual([{ location: 'transaction set 0005 (segment 49)', reason: 'CLP02 4 (denied): no money moved' }]);
    expect(report.payee).toEqual({ npis: ['1467589012'], merchantIds: [], accountNames: [], names: ['MAPLE GROVE PEDIATRICS'] });
    expect(report.balance).toBe(
      'BPR02 $1,336.61 = CLP04 $1,339.56 − PLB $2.95 in all; each of the 6 transaction sets balances, refunds (BPR03 D) counted negative',
    );
    expect(report.meta).toEqual({
      senderId: 'INSTAMED',
      receiverId: '1467589012',
      interchangeControlNumber: '000004711',
      usage: 'P',
      groupControlNumber: '4711',
      fileDate: '2026-11-25',
      x12Version: '005010X221A1',
      transactionSets: '6',
    });
  });

  it('reads a reversal (CLP02 22), a refund written X12’s way (negative CLP04) and two payments in one set (LF)', () => {
    const report = parseReport(fixture(NOV26));
    expect(report.transactions.map((t) => [t.kind, t.amountCents, t.transactionId, t.originalTransactionId, t.location])).toEqual([
      // No CLP07: the reversal carries the sale's ID and names it.
      ['REVERSAL', 4000, '7f3a9c2e4b1d4e8f9a0b1c2d3e4f5a6b', '7f3a9c2e4b1d4e8f9a0b1c2d3e4f5a6b', 'transaction set 0001 (segment 10)'],
      ['REFUND', 1000, 'c7d9e1f3a5b74c8d0e2f4a6b8c9d1e3f', '9d4e2f1a0b3c4d5e6f7a8b9c0d1e2f3a', 'transaction set 0002 (segment 19)'],
      ['SALE', 6000, '4d6f8a0b2c4e4f1a3b5c7d9e0f2a4b6c', null, 'transaction set 0003 (segment 28)'],
      ['SALE', 4000, '5e7a9b1c3d5f4a2b4c6d8e0f1a3b5c7d', null, 'transaction set 0003 (segment 29)'],
    ]);
    expect(report.balance).toBe('BPR02 $50.00 = CLP04 $50.00 − PLB $0.00 in all; each of the 3 transaction sets balances, refunds (BPR03 D) counted negative');
  });

  it('flags a test file (ISA15 T), and reads X12 4010 (004010X091A1) written on one line', () => {
    const report = parseReport(fixture(TEST_FILE));
    expect(report.test).toBe(true);
    expect(report.version).toBe('dpa835 1.0 (004010X091A1)');
    expect(report.transactions).toEqual([expect.objectContaining({ kind: 'SALE', amountCents: 1234, accountNumber: 'T0001', payerName: 'Test Patient' })]);
    expect(report.balance).toBe('BPR02 $12.34 = CLP04 $12.34 − PLB $0.00 (one transaction set)');
  });

  it('reads the same with LF, CR, CRLF or no line breaks between segments, and with the line break as terminator', () => {
    const crlf = fixture(NOV25);
    const expected = parseReport(crlf).transactions;
    expect(parseReport(crlf.replaceAll('\r\n', '\n')).transactions).toEqual(expected);
    expect(parseReport(crlf.replaceAll('\r\n', '')).transactions).toEqual(expected);
    expect(parseReport(crlf.replaceAll('\r\n', '\r')).transactions).toEqual(expected);
    expect(parseReport(crlf.replaceAll('~\r\n', '\n')).transactions).toEqual(expected);
  });

  it.each([
    ['credit card', 'CARD'],
    ['Credit Card', 'CARD'],
    ['eCheck', 'ACH'],
    ['ECHECK', 'ACH'],
    ['cash', 'CASH'],
    ['manual check', 'CHECK'],
    ['money order', 'OTHER'],
    ['', 'OTHER'],
  ])('BPR11 "%s" -> %s (BPR04 is never looked at)', (type, method) => {
    const content = interchange([set({ bpr: `BPR*H*40.00*C*ACH******1999999999*${type}*****20261125` })]).replace(
      'TRN*1*083421*1999999999*credit card',
      'TRN*1*083421*1999999999',
    );
    expect(parseReport(content).transactions[0]?.method).toBe(method);
  });

  it('a refund set may write CLP04 positive or negative, one convention per set; it never fails for being positive', () => {
    const refund = (clps: string[], amount = '15.00') => interchange([set({ bpr: `BPR*H*${amount}*D*NON******1999999999*credit card*****20261125`, clps })]);
    for (const clp of ['CLP*aaa1*1*15.00*15.00**09*bbb2', 'CLP*aaa1*1*-15.00*-15.00**09*bbb2']) {
      expect(parseReport(refund([clp])).transactions).toEqual([
        expect.objectContaining({ kind: 'REFUND', amountCents: 1500, transactionId: 'bbb2', originalTransactionId: 'aaa1' }),
      ]);
    }
    // Two refunds, positive; then a reversal and a refund both negative.
    expect(parseReport(refund(['CLP*aaa1*1*10.00*10.00**09*bbb2', 'CLP*aaa3*1*5.00*5.00**09*bbb4'])).transactions.map((t) => t.amountCents)).toEqual([
      1000, 500,
    ]);
    expect(parseReport(refund(['CLP*aaa1*22*-10.00*-10.00**09', 'CLP*aaa3*1*-5.00*-5.00**09*bbb4'])).transactions.map((t) => t.kind)).toEqual([
      'REVERSAL',
      'REFUND',
    ]);
    expect(rejection(refund(['CLP*aaa1*1*20.00*20.00**09*bbb2', 'CLP*aaa3*1*-5.00*-5.00**09*bbb4']))).toBe(
      'Transaction set 0001 (segment 4): this refund (BPR03 D) mixes positive and negative CLP04 amounts, so Kinpay cannot tell which claims are refunds; the file was not posted.',
    );
    // A refund without CLP07: its own ID is CLP01 and no sale is named; it waits for staff.
    expect(parseReport(refund(['CLP*ccc9*1*15.00*15.00**09'])).transactions[0]).toMatchObject({
      transactionId: 'ccc9',
      kind: 'REFUND',
      originalTransactionId: null,
    });
  });

  it('balances a refund set when |sum CLP04 - sum PLB| = BPR02, and a credit set when sum CLP04 - sum PLB = BPR02', () => {
    const refund = (bpr: string, clp: string) => interchange([set({ bpr: `BPR*H*${bpr}*D*NON******1999999999*credit card*****20261125`, clps: [clp] })]);
    expect(rejection(refund('15.01', 'CLP*aaa1*1*15.00*15.00**09*bbb2'))).toBe(
      'Transaction set 0001 (segment 4): the transaction set 0001 does not balance: BPR02 is $15.01 debit (a refund) but the claim payments (sum of CLP04) come to $15.00 less $0.00 of provider adjustments (PLB), which is $15.00.',
    );
    expect(rejection(refund('15.01', 'CLP*aaa1*1*-15.00*-15.00**09*bbb2'))).toContain('which is -$15.00.');
    expect(
      rejection(
        interchange([
          set({
            bpr: 'BPR*H*97.50*C*NON******1999999999*credit card*****20261125',
            clps: ['CLP*aaa1*1*100.00*100.00**09'],
            extra: ['PLB*1467589012*20261231*CS:PROCFEE*2.95'],
          }),
        ]),
      ),
    ).toBe(
      'Transaction set 0001 (segment 4): the transaction set 0001 does not balance: BPR02 is $97.50 credit but the claim payments (sum of CLP04) come to $100.00 less $2.95 of provider adjustments (PLB), which is $97.05.',
    );
    // A credit set does not balance against a negative net.
    expect(rejection(interchange([set({ clps: ['CLP*aaa1*1*-40.00*-40.00**09*bbb2'] })]))).toContain('BPR02 is $40.00 credit');
  });

  it('keeps the guard against a corrected claim posting as the sale it follows', () => {
    const content = interchange([
      set({ bpr: 'BPR*H*40.00*D*NON******1999999999*credit card*****20261125', clps: ['CLP*aaa1*22*-40.00*-40.00**09'] }),
      set({ clps: ['CLP*aaa1*1*40.00*40.00**09'] }),
    ]);
    expect(rejection(content)).toBe(
      'Transaction set 0002 (segment 19): the claim aaa1 follows a reversal of the same transaction but has no transaction ID of its own in CLP07; it would post as the original sale.',
    );
  });

  it.each<[string, string, string]>([
    [
      'SE01 too low',
      interchange([set()]).replace('SE*9*0001', 'SE*8*0001'),
      'Segment count in SE01 is 8 but the transaction set has 9 segments (ST at segment 3, control number 0001).',
    ],
    ['SE02 differs', interchange([set()]).replace('SE*9*0001', 'SE*9*0009'), 'SE02 control number 0009 does not match ST02 0001 (ST at segment 3).'],
    [
      'GE01 wrong',
      interchange([set(), set({ clps: ['CLP*aaa2*1*40.00*40.00**09'] })]).replace('GE*2*4711', 'GE*1*4711'),
      'GE01 says functional group 4711 has 1 transaction sets but it has 2.',
    ],
    ['GE02 differs', interchange([set()]).replace('GE*1*4711', 'GE*1*4712'), 'GE02 control number 4712 does not match GS06 4711.'],
    ['IEA01 wrong', interchange([set()]).replace('IEA*1*', 'IEA*2*'), 'IEA01 says the interchange has 2 functional groups but it has 1.'],
    ['IEA02 differs', interchange([set()]).replace('IEA*1*000004711', 'IEA*1*000004799'), 'IEA02 control number 4799 does not match ISA13 4711.'],
    ['no SE', interchange([set()]).replace('SE*9*0001~\n', ''), 'Transaction set 0001 (ST at segment 3) has no SE segment; the file may have been cut off.'],
    ['no GE', interchange([set()]).replace('GE*1*4711~\n', ''), 'Functional group 4711 (GS at segment 2) has no GE segment; the file may have been cut off.'],
    ['no IEA', interchange([set()]).replace('IEA*1*000004711~\n', ''), 'The file ends without an IEA segment; it may have been cut off.'],
    [
      'several ISAs',
      interchange([set()]) + interchange([set({ clps: ['CLP*aaa2*1*40.00*40.00**09'] })]),
      'The file holds 2 interchanges (ISA segments); an InstaMed 835 file holds one.',
    ],
    [
      'another X12 version',
      interchange([set()], { gs08: '005010X222A1' }),
      'Functional group 4711 (GS at segment 2) is version "005010X222A1", not an 835 version Kinpay reads (005010X221A1, 005010X221, 004010X091A1, 004010X091).',
    ],
    ['another transaction set', interchange([set()]).replace('ST*835*', 'ST*837*'), 'Transaction set 0001 (ST at segment 3) is an 837, not an 835.'],
    [
      'a non-HP group',
      interchange([set()]).replace('GS*HP*', 'GS*HC*'),
      'Functional group 4711 (GS at segment 2) is of type "HC", not HP (health care claim payment/advice).',
    ],
    [
      'an ISA of the wrong width',
      interchange([set()]).replace('*INSTAMED       *', '*INSTAMED *'),
      'The ISA segment is not the fixed 106 characters with 16 elements, so its delimiters cannot be read (a padded ISA element may be too short or too long).',
    ],
    ['a short file', 'ISA*00*short~', 'The file is shorter than an ISA segment (106 characters); it may have been cut off.'],
    ['an unknown segment', interchange([set({ extra: ['ZZZ*1'] })]), 'Transaction set 0001 (segment 11): "ZZZ" is not a segment an 835 may contain.'],
    [
      'no N1*PR',
      interchange([set()]).replace('N1*PR*Sofia Rivera*XV*100234~\n', 'REF*EV*1~\n'),
      'Transaction set 0001 (segment 4): the transaction set 0001 has no N1*PR segment (the patient who paid).',
    ],
    [
      'BPR03 neither C nor D',
      interchange([set({ bpr: 'BPR*H*40.00*X*NON******1999999999*credit card*****20261125' })]),
      'Transaction set 0001 (segment 4): BPR03 must be C (a sale) or D (a refund), found "X".',
    ],
    [
      'a CLP01 that is not an ID',
      interchange([set({ clps: ['CLP*aaa-1*1*40.00*40.00**09'] })]),
      'Transaction set 0001 (segment 10): CLP01 "aaa-1" is not a transaction ID (1 to 50 letters and digits).',
    ],
    [
      'an unknown CLP02',
      interchange([set({ clps: ['CLP*aaa1*7*40.00*40.00**09'] })]),
      'Transaction set 0001 (segment 10): CLP02 is "7", which is not a claim status Kinpay reads (1, 2, 3, 4, 19-23, 25).',
    ],
    [
      'a denied claim that pays',
      interchange([set({ clps: ['CLP*aaa1*4*40.00*40.00**09'] })]),
      'Transaction set 0001 (segment 10): CLP02 is 4 (denied) but CLP04 pays $40.00.',
    ],
    [
      'three decimals',
      interchange([set({ clps: ['CLP*aaa1*1*40.00*40.001**09'] })]),
      'Transaction set 0001 (segment 10): CLP04 is "40.001", which has more than 2 decimals.',
    ],
    [
      'a dollar sign',
      interchange([set({ bpr: 'BPR*H*$40.00*C*NON******1999999999*credit card*****20261125' })]),
      'Transaction set 0001 (segment 4): BPR02 is "$40.00", which is not an amount.',
    ],
    [
      'an 18-digit amount',
      interchange([set({ bpr: 'BPR*H*0*C*NON******1999999999*credit card*****20261125', clps: ['CLP*aaa1*1*0*123456789012345678.00**09'] })]),
      'Transaction set 0001 (segment 10): the amount $123,456,789,012,345,678.00 is above the $1,000,000.00 Kinpay accepts for one payment; the file was not posted.',
    ],
    [
      'an amount over the ceiling',
      interchange([set({ bpr: 'BPR*H*25000000.00*C*NON******1999999999*credit card*****20261125', clps: ['CLP*aaa1*1*25000000.00*25000000.00**09'] })]),
      'Transaction set 0001 (segment 10): the amount $25,000,000.00 is above the $1,000,000.00 Kinpay accepts for one payment; the file was not posted.',
    ],
    [
      'an 18-digit BPR02',
      interchange([set({ bpr: 'BPR*H*123456789012345678.00*C*NON******1999999999*credit card*****20261125' })]),
      "Transaction set 0001 (segment 4): BPR02 $123,456,789,012,345,678.00 is too large to be a day's patient payments; the file was not posted.",
    ],
    [
      'a transaction ID twice',
      interchange([set(), set()]),
      'Transaction set 0002 (segment 19): transaction ID aaa1 is already in this file at transaction set 0001 (segment 10) (SALE twice); a transaction is reported once, so the file was not posted.',
    ],
    [
      'an unknown DTM04',
      interchange([set()]).replace('*143015*UT', '*143015*ZZ'),
      'Transaction set 0001 (segment 6): DTM*405 has time code "ZZ", which Kinpay cannot convert to UTC.',
    ],
    [
      'no date at all',
      interchange([set({ bpr: 'BPR*H*40.00*C*NON******1999999999*credit card*****' })]).replace('DTM*405*20261125*143015*UT~\n', 'REF*EV*1~\n'),
      'Transaction set 0001 (segment 4): the transaction set has no payment date (neither DTM*405 nor a valid BPR16).',
    ],
  ])('fails with the reason: %s', (_case, content, message) => {
    expect(rejection(content, 'X12_835')).toBe(message);
  });

  it('a sale and its own reversal may share the ID in one file', () => {
    const content = interchange([set(), set({ bpr: 'BPR*H*40.00*D*NON******1999999999*credit card*****20261125', clps: ['CLP*aaa1*22*-40.00*-40.00**09'] })]);
    expect(parseReport(content).transactions.map((t) => [t.kind, t.transactionId, t.originalTransactionId])).toEqual([
      ['SALE', 'aaa1', null],
      ['REVERSAL', 'aaa1', 'aaa1'],
    ]);
  });

  it('a file cut off anywhere fails with a ReportFormatError, never a crash', () => {
    const content = fixture(NOV25);
    const complete = content.lastIndexOf('~');
    for (let end = 0; end < complete; end += 7) {
      expect(() => parseReport(content.slice(0, end), { format: 'X12_835' }), `cut at ${end}`).toThrow(/./);
      const error = errorOf(() => parseReport(content.slice(0, end), { format: 'X12_835' }));
      expect(error.name, `cut at ${end}: ${error.message}`).toBe('ReportFormatError');
    }
  });
});

describe('write835', () => {
  const sale: ReportTransaction = {
    transactionId: '7f3a9c2e4b1d4e8f9a0b1c2d3e4f5a6b',
    kind: 'SALE',
    amountCents: 4000,
    accountNumber: '100234',
    payerName: 'Sofia Rivera',
    method: 'CARD',
    cardType: null,
    authorizationNumber: '083421',
    occurredAt: '2026-11-25T14:30:15.000Z',
    originalTransactionId: null,
    location: 'x',
  };

  it('writes the published 1.0 layout', () => {
    const refund: ReportTransaction = {
      ...sale,
      transactionId: 'e4c1a7b9d2f3486a9b0c1d2e3f4a5b6c',
      kind: 'REFUND',
      amountCents: 1500,
      originalTransactionId: sale.transactionId,
      accountNumber: null,
      payerName: null,
      authorizationNumber: null,
      method: 'ACH',
    };
    expect(write835([sale, refund], payee)).toBe(
      [
        'ISA*00*          *00*          *ZZ*INSTAMED       *ZZ*1467589012     *261125*2315*^*00501*000004711*0*P*:~',
        'GS*HP*INSTAMED*1467589012*20261125*2315*4711*X*005010X221A1~',
        'ST*835*0001~',
        'BPR*H*40.00*C*NON******1999999999*credit card*****20261125~',
        'TRN*1*083421*1999999999*credit card~',
        'DTM*405*20261125*143015*UT~',
        'N1*PR*Sofia Rivera*XV*100234~',
        'N1*PE*MAPLE GROVE PEDIATRICS*XX*1467589012~',
        'LX*1~',
        'CLP*7f3a9c2e4b1d4e8f9a0b1c2d3e4f5a6b*1*40.00*40.00**09~',
        'SE*9*0001~',
        'ST*835*0002~',
        'BPR*H*15.00*D*NON******1999999999*eCheck*****20261125~',
        'TRN*1**1999999999*eCheck~',
        'DTM*405*20261125*143015*UT~',
        'N1*PR*Patient*XV*9999~',
        'N1*PE*MAPLE GROVE PEDIATRICS*XX*1467589012~',
        'LX*1~',
        'CLP*7f3a9c2e4b1d4e8f9a0b1c2d3e4f5a6b*1*-15.00*-15.00**09*e4c1a7b9d2f3486a9b0c1d2e3f4a5b6c~',
        'SE*9*0002~',
        'GE*2*4711~',
        'IEA*1*000004711~',
        '',
      ].join('\n'),
    );
    expect(write835([refund], { ...payee, refundAmounts: 'positive', usage: 'T' })).toContain(
      'CLP*7f3a9c2e4b1d4e8f9a0b1c2d3e4f5a6b*1*15.00*15.00**09*e4c1a7b9d2f3486a9b0c1d2e3f4a5b6c~',
    );
    expect(write835([], { ...payee, usage: 'T' })).toContain('*0*T*:~');
  });

  it.each<[string, Partial<ReportTransaction>, RegExp]>([
    ['a VOID', { kind: 'VOID', originalTransactionId: sale.transactionId }, /VOID .* cannot be expressed in an 835/],
    ['a RETURN', { kind: 'RETURN' }, /RETURN .* cannot be expressed/],
    ['a CHARGEBACK', { kind: 'CHARGEBACK' }, /CHARGEBACK .* cannot be expressed/],
    ['a card brand', { cardType: 'VISA' }, /carries no card brand/],
    ['OTHER as the method', { method: 'OTHER' }, /no published BPR11 value/],
    ['the name "Patient"', { payerName: 'Patient' }, /means no name/],
    ['a * in a name', { payerName: 'Sofia*Rivera' }, /contains "\*"/],
    ['account 9999', { accountNumber: '9999' }, /9999/],
    ['a zero amount', { amountCents: 0 }, /positive/],
    ['a reversal naming nothing', { kind: 'REVERSAL' }, /must name the sale/],
  ])('refuses %s', (_case, change, message) => {
    expect(() => write835([{ ...sale, ...change }], payee)).toThrow(message);
  });

  it('refuses a bad NPI or control number', () => {
    expect(() => write835([sale], { ...payee, npi: '12345' })).toThrow(/npi must be 10 digits/);
    expect(() => write835([sale], { ...payee, controlNumber: 0 })).toThrow(/controlNumber/);
  });

  it('dpa835FileName follows InstaMed’s standard', () => {
    expect(dpa835FileName('MapleGrove', '20261125', 1)).toBe('MapleGrove_dpa835_20261125_1.rep');
    // A Date counts by its New York day: 02:00 UTC on the 26th is still the 25th there.
    expect(dpa835FileName('MapleGrove', new Date('2026-11-26T02:00:00Z'), 12)).toBe('MapleGrove_dpa835_20261125_12.rep');
    expect(() => dpa835FileName('a/b', '20261125', 1)).toThrow(RangeError);
    expect(() => dpa835FileName('a', '20261131', 1)).toThrow(RangeError);
    expect(() => dpa835FileName('a', '20261125', 0)).toThrow(RangeError);
  });

  it('what it writes is never taken for an insurance ERA', () => {
    const written = write835([sale, { ...sale, transactionId: 'bbb2', kind: 'REVERSAL', originalTransactionId: sale.transactionId }], payee);
    const error = (() => {
      try {
        parseReport(written);
        return null;
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeNull();
    expect(error instanceof InsuranceRemittanceError).toBe(false);
  });
});
