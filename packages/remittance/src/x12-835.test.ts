import { describe, expect, it } from 'vitest';
import { InsuranceRemittanceError, dpa835FileName, parseReport, write835 } from './index.ts';
import type { ReportTransaction } from './index.ts';
import { errorOf, fixture, rejection, saleBySofia } from './test-helpers.ts';

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
    // As InstaMed's page prints them, with a comma.
    ['credit card,', 'CARD'],
    ['eCheck,', 'ACH'],
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
    // A refund of it without an ID of its own would carry the reversal's ID.
    expect(
      rejection(
        interchange([
          set({ bpr: 'BPR*H*45.00*D*NON******1999999999*credit card*****20261125', clps: ['CLP*aaa1*22*-40.00*-40.00**09', 'CLP*aaa1*1*-5.00*-5.00**09'] }),
        ]),
      ),
    ).toBe(
      'Transaction set 0001 (segment 11): transaction ID aaa1 is already in this file at transaction set 0001 (segment 10) (REVERSAL and REFUND); a transaction is reported once, so the file was not posted.',
    );
    // The corrected claim with its own ID in CLP07 posts as a new sale.
    expect(
      parseReport(content.replace('CLP*aaa1*1*40.00*40.00**09~', 'CLP*aaa1*1*40.00*40.00**09*ccc3~')).transactions.map((t) => [t.kind, t.transactionId]),
    ).toEqual([
      ['REVERSAL', 'aaa1'],
      ['SALE', 'ccc3'],
    ]);
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
    ['only an ISA', interchange([set()]).slice(0, 106), 'The file is not a well-formed X12 interchange.'],
    ['no functional group', `${interchange([set()]).slice(0, 106)}\nREF*EV*1~\nIEA*0*000004711~\n`, 'The interchange has no functional group (GS).'],
    [
      'an SE without its ST',
      interchange([set()]).replace('ST*835*0001~\n', ''),
      'The file is not a well-formed X12 interchange: BPR segment cannot appear outside of a transaction.',
    ],
    [
      'a segment between two transaction sets',
      interchange([set(), set({ clps: ['CLP*aaa2*1*40.00*40.00**09'] })]).replace('SE*9*0001~\n', 'SE*9*0001~\nREF*EV*1~\n'),
      'The file is not a well-formed X12 interchange: REF segment cannot appear outside of a transaction.',
    ],
    [
      'a GE without its GS',
      `${interchange([set()]).slice(0, 106)}\nGE*0*4711~\nIEA*1*000004711~\n`,
      'The file is not a well-formed X12 interchange: Missing GS segment!',
    ],
    [
      'SE01 missing',
      interchange([set()]).replace('SE*9*0001', 'SE**0001'),
      'Segment count in SE01 is missing but the transaction set has 9 segments (ST at segment 3, control number 0001).',
    ],
    [
      'SE01 not a whole number',
      interchange([set()]).replace('SE*9*0001', 'SE*9.0*0001'),
      'Segment count in SE01 is 9.0 but the transaction set has 9 segments (ST at segment 3, control number 0001).',
    ],
    [
      'SE01 signed',
      interchange([set()]).replace('SE*9*0001', 'SE*+9*0001'),
      'Segment count in SE01 is +9 but the transaction set has 9 segments (ST at segment 3, control number 0001).',
    ],
    ['GE01 missing', interchange([set()]).replace('GE*1*4711', 'GE**4711'), 'GE01 says functional group 4711 has no transaction sets but it has 1.'],
    ['IEA01 missing', interchange([set()]).replace('IEA*1*', 'IEA**'), 'IEA01 says the interchange has no functional groups but it has 1.'],
    [
      'an ISA separated by a letter',
      `${interchange([set()]).slice(0, 106).replaceAll('*', 'Q')}${interchange([set()]).slice(106)}`,
      'The ISA segment is not the fixed 106 characters with 16 elements, so its delimiters cannot be read (a padded ISA element may be too short or too long).',
    ],
    [
      'an ISA of the right width with 17 elements',
      interchange([set()]).replace('*INSTAMED       *', '*INSTAMED*      *'),
      'The ISA segment is not the fixed 106 characters with 16 elements, so its delimiters cannot be read (a padded ISA element may be too short or too long).',
    ],
    [
      'an ISA ended by its element separator',
      interchange([set()]).replace(':~\nGS', ':*\nGS'),
      'The ISA segment is not the fixed 106 characters with 16 elements, so its delimiters cannot be read (a padded ISA element may be too short or too long).',
    ],
    [
      'an ISA ended by a letter',
      interchange([set()]).replace(':~\nGS', ':Z\nGS'),
      'The ISA segment is not the fixed 106 characters with 16 elements, so its delimiters cannot be read (a padded ISA element may be too short or too long).',
    ],
    [
      'a set that does not begin with BPR',
      interchange([[...set().slice(1, 2), set()[0]!, ...set().slice(2)]]),
      'Transaction set 0001 (segment 4): the transaction set 0001 must begin with a BPR segment, found TRN.',
    ],
    ['an empty transaction set', interchange([[]]), 'Transaction set 0001 (segment 4): the transaction set 0001 must begin with a BPR segment, found nothing.'],
    [
      'a negative BPR02',
      interchange([set({ bpr: 'BPR*H*-40.00*C*NON******1999999999*credit card*****20261125' })]),
      'Transaction set 0001 (segment 4): BPR02 is negative; the direction belongs in BPR03.',
    ],
    [
      'no TRN',
      interchange([set()]).replace('TRN*1*083421*1999999999*credit card~\n', 'REF*EV*1~\n'),
      'Transaction set 0001 (segment 4): the transaction set 0001 has no TRN segment (the authorization number).',
    ],
    [
      'a CLP07 that is not an ID',
      interchange([set({ clps: ['CLP*aaa1*1*40.00*40.00**09*bbb-2'] })]),
      'Transaction set 0001 (segment 10): CLP07 "bbb-2" is not a transaction ID (1 to 50 letters and digits).',
    ],
    [
      'a CLP03 that is not an amount',
      interchange([set({ clps: ['CLP*aaa1*1*abc*40.00**09'] })]),
      'Transaction set 0001 (segment 10): CLP03 is "abc", which is not an amount.',
    ],
    [
      'an amount followed by other characters',
      interchange([set({ clps: ['CLP*aaa1*1*40.00*40.00X**09'] })]),
      'Transaction set 0001 (segment 10): CLP04 is "40.00X", which is not an amount.',
    ],
    [
      'a reversal paying a positive CLP04 in a credit',
      interchange([set({ clps: ['CLP*aaa1*22*40.00*40.00**09'] })]),
      'Transaction set 0001 (segment 10): the reversal (CLP02 22) of aaa1 pays a positive CLP04 in a credit (BPR03 C).',
    ],
    [
      'a CLP02 named like an object property',
      interchange([set({ clps: ['CLP*aaa1*constructor*40.00*40.00**09'] })]),
      'Transaction set 0001 (segment 10): CLP02 is "constructor", which is not a claim status Kinpay reads (1, 2, 3, 4, 19-23, 25).',
    ],
    [
      'a DTM*405 date not written CCYYMMDD',
      interchange([set()]).replace('DTM*405*20261125*', 'DTM*405*2026112*'),
      'Transaction set 0001 (segment 6): DTM*405 has an invalid date or time: "2026112" "143015".',
    ],
    [
      'an impossible DTM*405 date without a time code',
      interchange([set()]).replace('DTM*405*20261125*143015*UT', 'DTM*405*20261131*143015'),
      'Transaction set 0001 (segment 6): DTM*405 has an invalid date or time: "20261131" "143015".',
    ],
    [
      'a DTM*405 time of five digits',
      interchange([set()]).replace('*143015*UT', '*14301*UT'),
      'Transaction set 0001 (segment 6): DTM*405 has an invalid date or time: "20261125" "14301".',
    ],
    [
      'an impossible DTM*405 time with a time code',
      interchange([set()]).replace('DTM*405*20261125*143015*UT', 'DTM*405*20261125*246015*UT'),
      'Transaction set 0001 (segment 6): DTM*405 has an invalid date or time: "20261125" "246015".',
    ],
    [
      'a 14-digit BPR02',
      interchange([set({ bpr: 'BPR*H*10000000000000.00*C*NON******1999999999*credit card*****20261125' })]),
      "Transaction set 0001 (segment 4): BPR02 $10,000,000,000,000.00 is too large to be a day's patient payments; the file was not posted.",
    ],
    [
      'a 13-digit BPR02 is read, and then does not balance',
      interchange([set({ bpr: 'BPR*H*1000000000000.00*C*NON******1999999999*credit card*****20261125' })]),
      'Transaction set 0001 (segment 4): the transaction set 0001 does not balance: BPR02 is $1,000,000,000,000.00 credit but the claim payments (sum of CLP04) come to $40.00 less $0.00 of provider adjustments (PLB), which is $40.00.',
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

  it('counts every PLB adjustment pair in the balance, up to the six an X12 PLB holds, and a negative one adds', () => {
    const withPlb = (bpr: string, ...plbs: string[]) =>
      interchange([set({ bpr: `BPR*H*${bpr}*C*NON******1999999999*credit card*****20261125`, clps: ['CLP*aaa1*1*100.00*100.00**09'], extra: plbs })]);
    // Two fees in one PLB: 100.00 - 2.95 - 1.05 = 96.00.
    const two = parseReport(withPlb('96.00', 'PLB*1467589012*20261231*CS:PROCFEE*2.95*CS:OTHER*1.05'));
    expect(two.balance).toBe('BPR02 $96.00 = CLP04 $100.00 − PLB $4.00 (one transaction set)');
    // The family still paid 100.00: fees are the practice's.
    expect(two.transactions.map((t) => t.amountCents)).toEqual([10000]);
    expect(rejection(withPlb('97.05', 'PLB*1467589012*20261231*CS:PROCFEE*2.95*CS:OTHER*1.05'))).toBe(
      'Transaction set 0001 (segment 4): the transaction set 0001 does not balance: BPR02 is $97.05 credit but the claim payments (sum of CLP04) come to $100.00 less $4.00 of provider adjustments (PLB), which is $96.00.',
    );
    // All six pairs (PLB03/04 to PLB13/14), and two PLB segments.
    expect(parseReport(withPlb('79.00', 'PLB*1467589012*20261231*CS:A*1.00*CS:B*2.00*CS:C*3.00*CS:D*4.00*CS:E*5.00*CS:F*6.00')).balance).toContain(
      'PLB $21.00',
    );
    expect(parseReport(withPlb('97.00', 'PLB*1467589012*20261231*CS:A*1.00', 'PLB*1467589012*20261231*CS:B*2.00')).balance).toContain('PLB $3.00');
    // Interest paid to the practice is a negative adjustment: it raises BPR02.
    expect(parseReport(withPlb('101.50', 'PLB*1467589012*20261231*L6:INT*-1.50')).balance).toBe(
      'BPR02 $101.50 = CLP04 $100.00 − PLB -$1.50 (one transaction set)',
    );
    expect(rejection(withPlb('96.00', 'PLB*1467589012*20261231*CS:A*1.00*CS:B*x'))).toBe(
      'Transaction set 0001 (segment 11): PLB06 is "x", which is not an amount.',
    );
  });

  it('a claim of $0.00 moved no money, a reversal included: skipped with the reason, never posted', () => {
    const reversal = parseReport(interchange([set({ bpr: 'BPR*H*0.00*D*NON******1999999999*credit card*****20261125', clps: ['CLP*aaa1*22*0.00*0.00**09'] })]));
    expect(reversal.transactions).toEqual([]);
    expect(reversal.skipped).toEqual([{ location: 'transaction set 0001 (segment 10)', reason: 'CLP04 is 0.00: no money moved' }]);
    const sale = parseReport(interchange([set({ clps: ['CLP*aaa1*1*40.00*40.00**09', 'CLP*aaa2*1*0*0**09'] })]));
    expect(sale.transactions.map((t) => t.transactionId)).toEqual(['aaa1']);
    expect(sale.skipped).toEqual([{ location: 'transaction set 0001 (segment 11)', reason: 'CLP04 is 0.00: no money moved' }]);
  });

  it('reads an interchange of two functional groups, counting segments across both', () => {
    const one = interchange([set()]);
    const second = [
      'GS*HP*INSTAMED*1467589012*20261126*0100*4712*X*005010X221~',
      'ST*835*0001~',
      ...set({ clps: ['CLP*bbb2*1*40.00*40.00**09'] }).map((s) => `${s}~`),
      'SE*9*0001~',
      'GE*1*4712~',
    ].join('\n');
    const content = one.replace('GE*1*4711~\n', `GE*1*4711~\n${second}\n`).replace('IEA*1*', 'IEA*2*');
    const report = parseReport(content);
    // ISA 1, GS 2, ST 3, CLP 10, SE 11, GE 12, GS 13, ST 14, CLP 21.
    expect(report.transactions.map((t) => [t.transactionId, t.location])).toEqual([
      ['aaa1', 'transaction set 0001 (segment 10)'],
      ['bbb2', 'transaction set 0001 (segment 21)'],
    ]);
    // The first group's control number, date and version describe the file.
    expect(report.meta).toMatchObject({ groupControlNumber: '4711', fileDate: '2026-11-25', x12Version: '005010X221A1', transactionSets: '2' });
    expect(report.balance).toBe('BPR02 $80.00 = CLP04 $80.00 − PLB $0.00 in all; each of the 2 transaction sets balances');
    expect(rejection(content.replace('IEA*2*', 'IEA*1*'))).toBe('IEA01 says the interchange has 1 functional groups but it has 2.');
    expect(rejection(content.replace('GE*1*4712', 'GE*1*4711'))).toBe('GE02 control number 4711 does not match GS06 4712.');
    expect(rejection(content.replace('SE*9*0001~\nGE*1*4712', 'SE*9*0002~\nGE*1*4712'))).toBe(
      'SE02 control number 0002 does not match ST02 0001 (ST at segment 14).',
    );
    expect(rejection(content.replace('GS*HP*INSTAMED*1467589012*20261126', 'GS*HC*INSTAMED*1467589012*20261126'))).toBe(
      'Functional group 4712 (GS at segment 13) is of type "HC", not HP (health care claim payment/advice).',
    );
  });

  it('reads past the other segments of the 835 layout, taking the payer from N1*PR alone', () => {
    const plain = parseReport(interchange([set()])).transactions;
    const content = interchange([
      [
        'BPR*H*40.00*C*NON******1999999999*credit card*****20261125',
        'TRN*1*083421*1999999999*credit card',
        // CUR01 is an entity code too: PR, the payer.
        'CUR*PR*USD',
        'REF*EV*MAPLEGROVE',
        'DTM*405*20261125*143015*UT',
        'N1*PR*Sofia Rivera*XV*100234',
        'N2*RIVERA FAMILY',
        'N3*12 Elm St',
        'N4*Springfield*IL*62701',
        'PER*CX*BILLING*TE*5555550100',
        'N1*PE*MAPLE GROVE PEDIATRICS*XX*1467589012',
        'RDM*EM**billing@example.org',
        'LX*1',
        'TS3*1467589012*11*20261231*1*40.00',
        'TS2*0',
        'CLP*aaa1*1*40.00*40.00**09',
        'NM1*QC*1*RIVERA*SOFIA',
        'AMT*AU*40.00',
        'QTY*CA*1',
        'LQ*HE*M1',
      ],
    ]);
    expect(parseReport(content).transactions).toEqual(plain.map((t) => ({ ...t, location: 'transaction set 0001 (segment 19)' })));
  });

  it.each([
    ['1', 'SALE'],
    ['2', 'SALE'],
    ['3', 'SALE'],
    ['19', 'SALE'],
    ['20', 'SALE'],
    ['21', 'SALE'],
  ])('CLP02 %s (processed) pays: %s', (status, kind) => {
    expect(parseReport(interchange([set({ clps: [`CLP*aaa1*${status}*40.00*40.00**09`] })])).transactions).toEqual([
      expect.objectContaining({ kind, amountCents: 4000, transactionId: 'aaa1' }),
    ]);
  });

  it.each([
    ['4', 'denied'],
    ['23', 'not our claim'],
    ['25', 'predetermination'],
  ])('CLP02 %s (%s) pays nothing: skipped with the reason', (status, why) => {
    const report = parseReport(interchange([set({ bpr: 'BPR*H*0*C*NON******1999999999*credit card*****20261125', clps: [`CLP*aaa1*${status}*40.00*0**09`] })]));
    expect(report.transactions).toEqual([]);
    expect(report.skipped).toEqual([{ location: 'transaction set 0001 (segment 10)', reason: `CLP02 ${status} (${why}): no money moved` }]);
  });

  it.each([
    ['UT', '2026-11-25T14:30:15.000Z'],
    ['GM', '2026-11-25T14:30:15.000Z'],
    ['ES', '2026-11-25T19:30:15.000Z'],
    ['ED', '2026-11-25T18:30:15.000Z'],
    ['CS', '2026-11-25T20:30:15.000Z'],
    ['CD', '2026-11-25T19:30:15.000Z'],
    ['MS', '2026-11-25T21:30:15.000Z'],
    ['MD', '2026-11-25T20:30:15.000Z'],
    ['PS', '2026-11-25T22:30:15.000Z'],
    ['PD', '2026-11-25T21:30:15.000Z'],
    ['AS', '2026-11-25T23:30:15.000Z'],
    ['AD', '2026-11-25T22:30:15.000Z'],
    ['HS', '2026-11-26T00:30:15.000Z'],
    // No time code: New York time (EST on 25 November).
    ['', '2026-11-25T19:30:15.000Z'],
  ])('DTM*405 14:30:15 with time code "%s" is %s', (zone, iso) => {
    const content = interchange([set()]).replace('DTM*405*20261125*143015*UT', `DTM*405*20261125*143015${zone ? `*${zone}` : ''}`);
    expect(parseReport(content).transactions[0]?.occurredAt).toBe(iso);
  });

  it('DTM*405: HHMM or HHMMSS with fractions dropped; another DTM is not the payment time; without DTM*405 the business date', () => {
    const at = (content: string) => parseReport(content).transactions[0]?.occurredAt;
    expect(at(interchange([set()]).replace('*143015*UT', '*1430*UT'))).toBe('2026-11-25T14:30:00.000Z');
    expect(at(interchange([set()]).replace('*143015*UT', '*14301599*UT'))).toBe('2026-11-25T14:30:15.000Z');
    expect(at(interchange([set().flatMap((s) => (s.startsWith('DTM*405') ? ['DTM*009*20261120', s] : [s]))]))).toBe('2026-11-25T14:30:15.000Z');
    // A DTM*009 (process date) alone: the payment date is BPR16, midnight in New York.
    expect(at(interchange([set()]).replace('DTM*405*20261125*143015*UT', 'DTM*009*20261120'))).toBe('2026-11-25T05:00:00.000Z');
  });

  it('reads amounts without decimals, with a trailing point, with only decimals, and a BPR02 padded with zeros', () => {
    const amounts = (bpr: string, ...clp04: string[]) =>
      parseReport(
        interchange([
          set({ bpr: `BPR*H*${bpr}*C*NON******1999999999*credit card*****20261125`, clps: clp04.map((paid, i) => `CLP*aaa${i}*1*${paid}*${paid}**09`) }),
        ]),
      ).transactions.map((t) => t.amountCents);
    expect(amounts('1540.55', '1500', '40.', '.55')).toEqual([150000, 4000, 55]);
    expect(amounts('0000000000000040.00', '40.00')).toEqual([4000]);
  });

  it('a credit set may hold a sale, a refund (negative CLP04) and a reversal (negative); a refund set skips a claim of 0.00', () => {
    const credit = parseReport(
      interchange([
        set({
          bpr: 'BPR*H*25.00*C*NON******1999999999*credit card*****20261125',
          clps: ['CLP*aaa1*1*60.00*60.00**09', 'CLP*bbb2*1*-20.00*-20.00**09*ccc3', 'CLP*ddd4*22*-15.00*-15.00**09'],
        }),
      ]),
    );
    expect(credit.transactions.map((t) => [t.kind, t.amountCents, t.transactionId, t.originalTransactionId])).toEqual([
      ['SALE', 6000, 'aaa1', null],
      ['REFUND', 2000, 'ccc3', 'bbb2'],
      ['REVERSAL', 1500, 'ddd4', 'ddd4'],
    ]);
    const refund = parseReport(
      interchange([
        set({
          bpr: 'BPR*H*15.00*D*NON******1999999999*credit card*****20261125',
          clps: ['CLP*aaa1*1*0*0**09*eee5', 'CLP*aaa2*1*15.00*15.00**09*fff6'],
        }),
      ]),
    );
    expect(refund.transactions.map((t) => [t.kind, t.amountCents, t.transactionId])).toEqual([['REFUND', 1500, 'fff6']]);
    expect(refund.skipped).toHaveLength(1);
  });

  it('reads elements padded with spaces as their values, and a claim without its charge (CLP03)', () => {
    const padded = interchange([set({ clps: ['CLP* aaa1 *1**40.00**09'] }).map((s) => (s.startsWith('N1*PR') ? 'N1*PR* Sofia Rivera *XV* 100234 ' : s))]);
    expect(parseReport(padded).transactions).toEqual([
      expect.objectContaining({ transactionId: 'aaa1', amountCents: 4000, payerName: 'Sofia Rivera', accountNumber: '100234' }),
    ]);
  });

  it('a sale with CLP07 is posted under that ID and names no sale', () => {
    expect(parseReport(interchange([set({ clps: ['CLP*aaa1*1*40.00*40.00**09*bbb2'] })])).transactions).toEqual([
      expect.objectContaining({ kind: 'SALE', transactionId: 'bbb2', originalTransactionId: null }),
    ]);
  });

  it('names each payee once: N1*PE N102, and N104 as the NPI only when N103 is XX', () => {
    const content = interchange([
      set(),
      set({ clps: ['CLP*aaa2*1*40.00*40.00**09'] }).map((s) => (s.startsWith('N1*PE') ? 'N1*PE**XX*1467589013' : s)),
      set({ clps: ['CLP*aaa3*1*40.00*40.00**09'] }).map((s) => (s.startsWith('N1*PE') ? 'N1*PE*MAPLE GROVE PEDIATRICS*FI*123456789' : s)),
      set({ clps: ['CLP*aaa4*1*40.00*40.00**09'] }).filter((s) => !s.startsWith('N1*PE')),
      set({ clps: ['CLP*aaa5*1*40.00*40.00**09'] }).map((s) => (s.startsWith('N1*PE') ? 'N1*PE*MAPLE GROVE PEDIATRICS*XX' : s)),
    ]);
    expect(parseReport(content).payee).toEqual({ npis: ['1467589012', '1467589013'], merchantIds: [], accountNames: [], names: ['MAPLE GROVE PEDIATRICS'] });
  });

  it('reads whatever separates the segments: leading blank lines, CR or CRLF as terminator, trailing blanks, lines wrapped at 80 columns', () => {
    const expected = parseReport(fixture(NOV25)).transactions;
    const oneLine = fixture(NOV25).replaceAll('\r\n', '');
    expect(parseReport(`\r\n\r\n${fixture(NOV25)}`).transactions).toEqual(expected);
    expect(parseReport(fixture(NOV25).replaceAll('~\r\n', '\r')).transactions).toEqual(expected);
    expect(parseReport(fixture(NOV25).replaceAll('~\r\n', '\r\n')).transactions).toEqual(expected);
    expect(parseReport(`${fixture(NOV25).replaceAll('~\r\n', '\n')}\n\n\n`).transactions).toEqual(expected);
    expect(parseReport(`${oneLine}   \t `).transactions).toEqual(expected);
    // Some senders wrap an interchange at a fixed width, breaking lines inside segments.
    expect(parseReport(oneLine.match(/.{1,80}/g)!.join('\r\n')).transactions).toEqual(expected);
  });

  it('counts interchanges however they are separated', () => {
    const first = interchange([set()]).replaceAll('~\n', '\n');
    const second = interchange([set({ clps: ['CLP*aaa2*1*40.00*40.00**09'] })]).replaceAll('~\n', '\n');
    expect(rejection(`${first}\n  ${second}`)).toBe('The file holds 2 interchanges (ISA segments); an InstaMed 835 file holds one.');
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
  const sale = saleBySofia();

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

  it('writes each published field in its place, and reads back: a reversal written InstaMed’s way, no name, no account', () => {
    const reversal: ReportTransaction = {
      ...sale,
      transactionId: 'bbb2',
      kind: 'REVERSAL',
      originalTransactionId: sale.transactionId,
      amountCents: 105,
      payerName: null,
      accountNumber: null,
      authorizationNumber: null,
      method: 'CASH',
      // 00:30 UTC on the 26th is the 25th in New York: BPR16 is InstaMed's business date.
      occurredAt: '2026-11-26T00:30:00.000Z',
    };
    const written = write835([reversal], { ...payee, refundAmounts: 'positive', controlNumber: 999_999_999 });
    const segments = written
      .trimEnd()
      .split('~\n')
      .map((segment) => segment.replace(/~$/, '').split('*'));
    const byTag = (tag: string, qualifier?: string) => segments.find((e) => e[0] === tag && (qualifier === undefined || e[1] === qualifier))!;
    expect(segments.map((e) => e[0])).toEqual(['ISA', 'GS', 'ST', 'BPR', 'TRN', 'DTM', 'N1', 'N1', 'LX', 'CLP', 'SE', 'GE', 'IEA']);
    // ISA05-08 ZZ INSTAMED / ZZ the NPI, padded; ISA13 and GS06 the control number; ISA15 P.
    expect(byTag('ISA').slice(5, 9)).toEqual(['ZZ', 'INSTAMED       ', 'ZZ', '1467589012     ']);
    expect(byTag('ISA').slice(13, 16)).toEqual(['999999999', '0', 'P']);
    expect(byTag('GS')).toEqual(['GS', 'HP', 'INSTAMED', '1467589012', '20261125', '2315', '999999999', 'X', '005010X221A1']);
    // BPR01 H, BPR02 the amount, BPR03 D (a debit), BPR04 NON, BPR05-09 unused, BPR10 1999999999, BPR11 the
    // transaction type, BPR12-15 unused, BPR16 the business date.
    expect(byTag('BPR')).toEqual(['BPR', 'H', '1.05', 'D', 'NON', '', '', '', '', '', '1999999999', 'cash', '', '', '', '', '20261125']);
    // TRN01 1, TRN02 the authorization number (none), TRN03 1999999999, TRN04 the transaction type.
    expect(byTag('TRN')).toEqual(['TRN', '1', '', '1999999999', 'cash']);
    expect(byTag('DTM')).toEqual(['DTM', '405', '20261126', '003000', 'UT']);
    // N1*PR: "Patient" when no name, XV, 9999 when no account.
    expect(byTag('N1', 'PR')).toEqual(['N1', 'PR', 'Patient', 'XV', '9999']);
    expect(byTag('N1', 'PE')).toEqual(['N1', 'PE', 'MAPLE GROVE PEDIATRICS', 'XX', '1467589012']);
    // CLP01 the reversed sale, CLP02 22, CLP03/04 positive (InstaMed's style), CLP06 09, CLP07 the reversal's own ID.
    expect(byTag('CLP')).toEqual(['CLP', sale.transactionId, '22', '1.05', '1.05', '', '09', 'bbb2']);
    expect(byTag('SE')).toEqual(['SE', '9', '0001']);
    expect(byTag('IEA')).toEqual(['IEA', '1', '999999999']);
    expect(parseReport(written).transactions).toEqual([{ ...reversal, location: 'transaction set 0001 (segment 10)' }]);
    // A reversal of its own ID writes no CLP07.
    expect(write835([{ ...reversal, transactionId: sale.transactionId }], payee)).toContain(`CLP*${sale.transactionId}*22*-1.05*-1.05**09~`);
  });

  it('numbers the transaction sets 0001 on', () => {
    const sales = Array.from({ length: 12 }, (_, i) => ({ ...sale, transactionId: `aaa${i}` }));
    const written = write835(sales, payee);
    expect([...written.matchAll(/^ST\*835\*(\d+)~$/gm)].map((m) => m[1])).toEqual(sales.map((_, i) => String(i + 1).padStart(4, '0')));
    expect(written).toContain('GE*12*4711~');
  });

  it.each<[string, Partial<Parameters<typeof write835>[1]>, string]>([
    ['control number 0', { controlNumber: 0 }, 'write835: controlNumber must be 1..999999999, got 0'],
    ['a control number of ten digits', { controlNumber: 1_000_000_000 }, 'write835: controlNumber must be 1..999999999, got 1000000000'],
    ['a fractional control number', { controlNumber: 1.5 }, 'write835: controlNumber must be 1..999999999, got 1.5'],
    ['an NPI of 5 digits', { npi: '12345' }, 'write835: npi must be 10 digits, got "12345"'],
    ['an NPI of 11 digits', { npi: '14675890123' }, 'write835: npi must be 10 digits, got "14675890123"'],
    ['an NPI with a letter', { npi: 'X1467589012' }, 'write835: npi must be 10 digits, got "X1467589012"'],
    ['an empty payee name', { payeeName: '' }, 'write835: payeeName must be 1 to 60 characters without surrounding spaces, got ""'],
    ['a blank payee name', { payeeName: '   ' }, 'write835: payeeName must be 1 to 60 characters without surrounding spaces, got "   "'],
    ['a payee name with a leading space', { payeeName: ' MAPLE' }, 'write835: payeeName must be 1 to 60 characters without surrounding spaces, got " MAPLE"'],
    ['a payee name with a trailing space', { payeeName: 'MAPLE ' }, 'write835: payeeName must be 1 to 60 characters without surrounding spaces, got "MAPLE "'],
    [
      'a payee name of 61 characters',
      { payeeName: 'M'.repeat(61) },
      `write835: payeeName must be 1 to 60 characters without surrounding spaces, got "${'M'.repeat(61)}"`,
    ],
    ['a payee name with a *', { payeeName: 'MAPLE*GROVE' }, 'write835: "MAPLE*GROVE" contains "*", which the format cannot carry'],
    ['usage X', { usage: 'X' as 'P' }, 'write835: usage must be P or T, got "X"'],
    ['an invalid date', { date: new Date('x') }, 'write835: date is not a date'],
  ])('refuses %s', (_case, change, message) => {
    expect(() => write835([sale], { ...payee, ...change })).toThrow(new RangeError(message));
  });

  it('writes a payee name and a payer name of 60 characters', () => {
    const written = write835([{ ...sale, payerName: `${'S'.repeat(30)} ${'R'.repeat(29)}` }], { ...payee, payeeName: 'M'.repeat(60) });
    expect(parseReport(written).payee.names).toEqual(['M'.repeat(60)]);
    expect(parseReport(written).transactions[0]?.payerName).toHaveLength(60);
  });

  it.each<[string, Partial<ReportTransaction>, string]>([
    ['a transaction ID with a dash', { transactionId: 'abc-1' }, 'write835: "abc-1" is not 1 to 50 letters and digits'],
    ['an original ID with a dash', { kind: 'REFUND', originalTransactionId: 'abc-1' }, 'write835: "abc-1" is not 1 to 50 letters and digits'],
    [
      'a payer name of 61 characters',
      { payerName: 'S'.repeat(61) },
      `write835: payerName "${'S'.repeat(61)}" cannot be written (N102 is at most 60 characters, and "Patient" means no name)`,
    ],
    ['a ~ in an account number', { accountNumber: '100~234' }, 'write835: "100~234" contains "~", which the format cannot carry'],
    ['a zero amount', { amountCents: 0 }, 'write835: amountCents of 7f3a9c2e4b1d4e8f9a0b1c2d3e4f5a6b must be positive, got 0'],
  ])('refuses %s, naming it', (_case, change, message) => {
    expect(() => write835([{ ...sale, ...change }], payee)).toThrow(new RangeError(message));
  });

  it('dpa835FileName follows InstaMed’s standard', () => {
    expect(dpa835FileName('MapleGrove', '20261125', 1)).toBe('MapleGrove_dpa835_20261125_1.rep');
    // A Date counts by its New York day: 02:00 UTC on the 26th is still the 25th there.
    expect(dpa835FileName('MapleGrove', new Date('2026-11-26T02:00:00Z'), 12)).toBe('MapleGrove_dpa835_20261125_12.rep');
    expect(dpa835FileName('Maple Grove', '20261125', 1)).toBe('Maple Grove_dpa835_20261125_1.rep');
  });

  it.each<[string, string, Date | string, number, string]>([
    ['an empty account name', '', '20261125', 1, 'dpa835FileName: account name "" cannot be part of a file name'],
    ['a blank account name', '  ', '20261125', 1, 'dpa835FileName: account name "  " cannot be part of a file name'],
    ['a slash', 'a/b', '20261125', 1, 'dpa835FileName: account name "a/b" cannot be part of a file name'],
    ['a backslash', 'a\\b', '20261125', 1, 'dpa835FileName: account name "a\\b" cannot be part of a file name'],
    ['a control character', 'a\tb', '20261125', 1, 'dpa835FileName: account name "a\tb" cannot be part of a file name'],
    ['seq 0', 'a', '20261125', 0, 'dpa835FileName: seq must be a positive whole number, got 0'],
    ['a fractional seq', 'a', '20261125', 1.5, 'dpa835FileName: seq must be a positive whole number, got 1.5'],
    ['an impossible date', 'a', '20261131', 1, 'dpa835FileName: date must be YYYYMMDD, got "20261131"'],
    ['a date not written YYYYMMDD', 'a', '2026-11-25', 1, 'dpa835FileName: date must be YYYYMMDD, got "2026-11-25"'],
    ['an invalid Date', 'a', new Date('x'), 1, 'dpa835FileName: date is not a date'],
  ])('dpa835FileName refuses %s', (_case, name, date, seq, message) => {
    expect(() => dpa835FileName(name, date, seq)).toThrow(new RangeError(message));
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
