import { describe, expect, it } from 'vitest';
import { ReportFormatError, parseReport, write835 } from './index.ts';
import type { ReportTransaction } from './index.ts';
import { errorOf, fixture } from './test-helpers.ts';

const NOV25 = 'maplegrove_dpa835_20261125_1.rep';
const NOV26 = 'maplegrove_dpa835_20261126_1.rep';
const payee = { payeeName: 'MAPLE GROVE PEDIATRICS', payeeId: '1467589012', controlNumber: 4711, date: new Date('2026-11-25T23:15:00Z') };

function rejection(content: string): string {
  const error = errorOf(() => parseReport(content, 'X12_835'));
  expect(error).toBeInstanceOf(ReportFormatError);
  return error.message;
}

describe('X12 835 (InstaMed dpa835)', () => {
  it('reads sales, a refund, an unknown account, a PLB fee and a denied claim from a CRLF file', () => {
    const content = fixture(NOV25);
    expect(content).toContain('~\r\n');
    const report = parseReport(content);
    expect(report.format).toBe('X12_835');
    expect(report.transactions).toEqual<ReportTransaction[]>([
      {
        transactionId: '7F3A9C2E4B1D4E8F9A0B1C2D3E4F5A6B', kind: 'SALE', amountCents: 4000, accountNumber: '100234',
        payerName: 'RIVERA, SOFIA', method: 'CARD', cardType: 'VISA', authorizationNumber: '083421',
        occurredAt: '2026-11-25T14:30:15.000Z', originalTransactionId: null,
      },
      {
        // BPR03 = D: a refund, with its own ID in CLP07 and the sale it gives back in CLP01.
        transactionId: 'E4C1A7B9D2F3486A9B0C1D2E3F4A5B6C', kind: 'REFUND', amountCents: 1500, accountNumber: '100871',
        payerName: 'CHEN, LUCAS', method: 'CARD', cardType: 'MASTERCARD', authorizationNumber: '551902',
        occurredAt: '2026-11-25T15:11:02.000Z', originalTransactionId: '5B2D8E1F9C3A4B7D6E0F2A1C3B5D7E9F',
      },
      {
        // N104 9999: InstaMed did not know the Patient Account Number.
        transactionId: '2A6F0B3C8D1E4F5A9B7C6D0E1F2A3B4C', kind: 'SALE', amountCents: 2500, accountNumber: null,
        payerName: 'PATEL, ARJUN', method: 'CARD', cardType: 'AMEX', authorizationNumber: '300117',
        occurredAt: '2026-11-25T16:19:45.000Z', originalTransactionId: null,
      },
      {
        // The patient paid 1234.56; the PLB fee of 2.95 is the practice's, not the patient's.
        transactionId: '9D4E2F1A0B3C4D5E6F7A8B9C0D1E2F3A', kind: 'SALE', amountCents: 123456, accountNumber: '101552',
        payerName: 'OKAFOR, CHIDI', method: 'CARD', cardType: 'VISA', authorizationNumber: '774410',
        occurredAt: '2026-11-25T17:22:01.000Z', originalTransactionId: null,
      },
      {
        // ACH, no authorization number, time given in Eastern Standard (DTM04 = ES).
        transactionId: '3E8B1C5D7F9A4E2B6C0D8F1A3B5C7E9D', kind: 'SALE', amountCents: 29, accountNumber: '100235',
        payerName: 'RIVERA, MATEO', method: 'ACH', cardType: null, authorizationNumber: null,
        occurredAt: '2026-11-25T14:30:00.000Z', originalTransactionId: null,
      },
    ]);
    expect(report.meta).toMatchObject({
      interchangeControlNumber: '000004711',
      fileDate: '2026-11-25',
      payeeName: 'MAPLE GROVE PEDIATRICS',
      transactionSets: '5',
      providerAdjustments: '2.95',
      skippedNotPaid: '1',
    });
  });

  it('reads the same with LF, CR or no line breaks between segments', () => {
    const crlf = fixture(NOV25);
    const expected = parseReport(crlf).transactions;
    expect(parseReport(crlf.replaceAll('\r\n', '\n')).transactions).toEqual(expected);
    expect(parseReport(crlf.replaceAll('\r\n', '')).transactions).toEqual(expected);
    expect(parseReport(crlf.replaceAll('\r\n', '\r')).transactions).toEqual(expected);
  });

  it('reads a file whose segment terminator is the line break itself', () => {
    const lines = fixture(NOV25).replaceAll('~\r\n', '\r\n');
    expect(parseReport(lines).transactions).toHaveLength(5);
  });

  it('reads a reversal (CLP02 = 22) followed by the corrected claim, and tolerates N3/N4/NM1', () => {
    const report = parseReport(fixture(NOV26));
    const shared = {
      accountNumber: '100234', payerName: 'RIVERA, SOFIA', method: 'CARD', cardType: 'VISA',
      authorizationNumber: '912006', occurredAt: '2026-11-26T10:15:00.000Z',
    } as const;
    expect(report.transactions).toEqual<ReportTransaction[]>([
      // No CLP07: the reversal is keyed by the sale's own ID, with kind REVERSAL.
      { ...shared, transactionId: '7F3A9C2E4B1D4E8F9A0B1C2D3E4F5A6B', kind: 'REVERSAL', amountCents: 4000, originalTransactionId: '7F3A9C2E4B1D4E8F9A0B1C2D3E4F5A6B' },
      { ...shared, transactionId: '8C2E4A6B0D1F4E3A5B7C9D0E2F4A6B8C', kind: 'SALE', amountCents: 3500, originalTransactionId: '7F3A9C2E4B1D4E8F9A0B1C2D3E4F5A6B' },
      {
        transactionId: '4D6F8A0B2C4E4F1A3B5C7D9E0F2A4B6C', kind: 'SALE', amountCents: 6000, accountNumber: '100235',
        payerName: 'RIVERA, SOFIA', method: 'CARD', cardType: 'DISCOVER', authorizationNumber: '640028',
        occurredAt: '2026-11-26T11:30:00.000Z', originalTransactionId: null,
      },
    ]);
  });

  it('rejects a corrected claim that has no transaction ID of its own', () => {
    const content = fixture(NOV26).replace('*8C2E4A6B0D1F4E3A5B7C9D0E2F4A6B8C~', '~');
    expect(rejection(content)).toMatch(/follows a reversal .* CLP07/);
  });

  it('rejects a wrong segment count in SE01, saying where', () => {
    const message = rejection(fixture('maplegrove_dpa835_20261127_1.rep'));
    expect(message).toBe('Segment count in SE01 is 8 but the transaction set has 9 segments (ST at segment 12, control number 0002).');
  });

  it('rejects a file that does not balance, with the sums in dollars', () => {
    const message = rejection(fixture('maplegrove_dpa835_20261128_1.rep'));
    expect(message).toContain('BPR02 is $97.50 credit');
    expect(message).toContain('(sum of CLP04) come to $100.00 less $2.95 of provider adjustments (PLB), which is $97.05');
    expect(message).toContain('transaction set 0001 (ST at segment 3)');
  });

  it('balances a debit: BPR02 is negated when BPR03 = D', () => {
    const content = fixture(NOV25).replace('BPR*I*15.00*D*', 'BPR*I*15.00*C*');
    expect(rejection(content)).toContain('BPR02 is $15.00 credit ($15.00) but the claim payments (sum of CLP04) come to -$15.00');
  });

  it('rejects an amount with more than 2 decimals', () => {
    const content = fixture(NOV25).replace('*1*40.00*40.00**09', '*1*40.00*40.001**09');
    expect(rejection(content)).toBe('CLP04 at segment 10 is "40.001", which has more than 2 decimals.');
  });

  it('rejects amounts that are not X12 decimals', () => {
    expect(rejection(fixture(NOV25).replace('BPR*I*40.00*', 'BPR*I*$40.00*'))).toContain('BPR02 at segment 4 is "$40.00", which is not an amount.');
  });

  it('checks GE01, IEA01 and the control numbers', () => {
    const content = fixture(NOV25);
    expect(rejection(content.replace('GE*5*4711', 'GE*4*4711'))).toBe('GE01 says functional group 4711 has 4 transaction sets but it has 5.');
    expect(rejection(content.replace('IEA*1*', 'IEA*2*'))).toBe('IEA01 says the interchange has 2 functional groups but it has 1.');
    expect(rejection(content.replace('IEA*1*000004711', 'IEA*1*000004799'))).toContain('IEA02 control number 4799 does not match ISA13 4711');
    expect(rejection(content.replace('SE*9*0001', 'SE*9*0009'))).toContain('SE02 control number 0009 does not match ST02 0001');
  });

  it('rejects unknown and missing required segments', () => {
    const content = fixture(NOV25);
    expect(rejection(content.replace('LX*1~', 'ZZZ*1~'))).toBe(
      'Segment 9 ("ZZZ") in transaction set 0001 (ST at segment 3) is not a segment an 835 may contain.',
    );
    expect(rejection(content.replace('N1*PE*MAPLE GROVE PEDIATRICS*XX*1467589012~', 'REF*EV*1467589012~'))).toBe(
      'The transaction set 0001 (ST at segment 3) has no N1*PE segment (the practice paid).',
    );
    expect(rejection(content.replace('BPR*I*40.00*C*BOP*******VISA*****20261125~', 'REF*EV*1~'))).toContain('must begin with a BPR segment, found REF');
    expect(rejection(content.replace(/IEA\*1\*000004711~\r\n$/, ''))).toContain('without an IEA segment');
  });

  it('rejects something that is not an 835', () => {
    expect(rejection(fixture(NOV25).replace('ST*835*0001', 'ST*837*0001'))).toContain('is an 837, not an 835');
    expect(rejection(fixture(NOV25).replace('GS*HP*', 'GS*HC*'))).toContain('not HP');
    expect(rejection('ISA*00*short~')).toContain('shorter than an ISA segment');
    expect(rejection('hello')).toContain('does not start with an ISA segment');
  });

  it('rejects a file cut off anywhere with a ReportFormatError, never a crash', () => {
    const content = fixture(NOV25);
    const complete = content.lastIndexOf('~') + 1;
    for (let end = 0; end < complete; end++) {
      expect(() => parseReport(content.slice(0, end), 'X12_835')).toThrow(ReportFormatError);
    }
  });

  it('writes what it reads, and refuses what an 835 cannot say', () => {
    const transactions = parseReport(fixture(NOV26)).transactions;
    const written = write835(transactions, payee);
    expect(written.startsWith('ISA*00*          *00*          *ZZ*INSTAMED       *ZZ*1467589012     *261125*2315*^*00501*000004711*0*P*:~\n')).toBe(true);
    expect(parseReport(written).transactions).toEqual(transactions);

    const sale = transactions[2]!;
    expect(() => write835([{ ...sale, kind: 'VOID' }], payee)).toThrow(/VOID .* cannot be expressed in an 835/);
    expect(() => write835([{ ...sale, payerName: 'RIVERA*SOFIA' }], payee)).toThrow(/delimiter/);
    expect(() => write835([{ ...sale, amountCents: 0 }], payee)).toThrow(/positive/);
  });
});
