// What parseReport does for every format: detection, the ERA refusal, the bytes check, and the shared
// checks (ceiling, one transaction ID per transaction, a location for each).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InsuranceRemittanceError, MAX_TRANSACTION_CENTS, ReportFormatError, decodeReportBytes, detectFormat, parseReport, write835 } from './index.ts';
import type { ReportTransaction } from './index.ts';
import { checkReport } from './checks.ts';
import { errorOf, fixture, fixtureBytes, rejection } from './test-helpers.ts';

const ERA_FILES = readdirSync(new URL('../fixtures/era/', import.meta.url)).filter((name) => !name.endsWith('.md'));

/** The payer each public ERA names: N1*PR N102, with N1*PR N104 or REF*2U when present. */
const ERA_PAYERS: Record<string, string> = {
  'edi835parser-5010-bcbs-nc-no-envelope.txt': 'BLUE CROSS AND BLUE SHIELD OF NORTH CAROLINA',
  'edi835parser-5010-emedny-nysdoh-single-line.txt': 'NYSDOH',
  'edi835parser-5010-uhc-single-line.txt': 'UNITED HEALTHCARE INSURANCE COMPANY (87726)',
  'edi835parser-fork-5010-nevada-medicaid-short-isa.txt': 'DIVISON OF HEALTH CARE FINANCING AND POLICY',
  'linuxforhealth-5010-cob-contractual-adjustment.835': 'YOUR TAX DOLLARS AT WORK',
  'linuxforhealth-5010-managed-care.835': 'RUSHMORE LIFE',
  'linuxforhealth-5010-medicare-part-a-plb.835': 'INSURANCE COMPANY OF TIMBUCKTU (999)',
  'linuxforhealth-5010-secondary-payment.835': 'YOUR TAX DOLLARS AT WORK',
  'linuxforhealth-5010-tertiary-payment.835': 'YOUR TAX DOLLARS AT WORK',
  'oopfactory-4010-ashtabula-multi-status-plb.txt': 'ASHTABULA COUNTY ADAMH BD',
  'oopfactory-5010-nebraska-medicaid-multi-interchange.txt': 'XXXXXXXX XXXXXXXX',
  'pyx12-4010-reversal-plb-crlf.txt': 'Payer 1',
  'pyx12-5010-denied-zero-pay.txt': 'PAYER',
  'x12parser-js-5010-two-interchanges-one-line.835': 'NYSDOH',
};

describe('insurance ERAs are refused as such, before any envelope check', () => {
  it('the table names every file in fixtures/era', () => {
    expect(ERA_FILES.length).toBeGreaterThanOrEqual(14);
    expect(Object.keys(ERA_PAYERS).sort()).toEqual([...ERA_FILES].sort());
  });

  it.each(ERA_FILES)('%s', (name) => {
    const content = decodeReportBytes(fixtureBytes(`era/${name}`));
    expect(detectFormat(content, name)?.format).toBe('X12_835');
    const error = errorOf(() => parseReport(content, { fileName: name }));
    expect(error).toBeInstanceOf(InsuranceRemittanceError);
    expect((error as InsuranceRemittanceError).payer).toBe(ERA_PAYERS[name]);
    expect(error.message).toBe(`This is an insurance remittance (ERA) from ${ERA_PAYERS[name]}, not a patient payment file; Kinpay posts patient payments.`);
  });

  const sale =
    'BPR*H*40.00*C*NON******1999999999*credit card*****20261125~TRN*1*1*1999999999*credit card~DTM*405*20261125*143015*UT~N1*PR*Sofia Rivera*XV*100234~LX*1~CLP*aaa1*1*40.00*40.00**09~';
  const wrap = (body: string) =>
    `ISA*00*          *00*          *ZZ*INSTAMED       *ZZ*1467589012     *261125*2315*^*00501*000004711*0*P*:~GS*HP*INSTAMED*1467589012*20261125*2315*4711*X*005010X221A1~ST*835*0001~${body}SE*${body.split('~').length + 1}*0001~GE*1*4711~IEA*1*000004711~`;
  it('a dpa835 set reads; each single sign of an ERA makes it one', () => {
    expect(parseReport(wrap(sale)).transactions).toHaveLength(1);
    const cases: Array<[string, string]> = [
      ['CLP06 other than 09', sale.replace('**09~', '**12~')],
      ['an SVC segment', `${sale}SVC*HC:99213*40*40**1~`],
      ['a CAS segment', `${sale}CAS*PR*1*0~`],
      ['an MIA segment', `${sale}MIA*0~`],
      ['an MOA segment', `${sale}MOA***MA01~`],
      ['N1*PR with N103 PI', sale.replace('*XV*100234', '*PI*87726')],
      ['N1*PR without N103', sale.replace('*XV*100234', '')],
      ['TRN03 and BPR01 both unlike InstaMed', sale.replace('BPR*H*', 'BPR*I*').replace('TRN*1*1*1999999999', 'TRN*1*1*1512345678')],
    ];
    for (const [why, body] of cases) {
      expect(
        errorOf(() => parseReport(wrap(body))),
        why,
      ).toBeInstanceOf(InsuranceRemittanceError);
    }
    // One of the two alone is InstaMed's configuration, not an ERA.
    expect(parseReport(wrap(sale.replace('BPR*H*', 'BPR*I*'))).transactions).toHaveLength(1);
    expect(parseReport(wrap(sale.replace('TRN*1*1*1999999999', 'TRN*1*1*1512345678'))).transactions).toHaveLength(1);
  });

  it('names the payer ID from REF*2U when N1*PR has none', () => {
    const body = sale.replace('N1*PR*Sofia Rivera*XV*100234~', 'N1*PR*ACME HEALTH PLAN~REF*2U*55512~');
    expect((errorOf(() => parseReport(wrap(body))) as InsuranceRemittanceError).payer).toBe('ACME HEALTH PLAN (55512)');
  });
});

describe('decodeReportBytes', () => {
  const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

  it('returns the text, without a byte-order mark; keeps tabs and line ends', () => {
    expect(decodeReportBytes(bytes([0xef, 0xbb, 0xbf], 'IMDPA10|Zoë\t|\r\n'))).toBe('IMDPA10|Zoë\t|\r\n');
  });

  it('refuses invalid UTF-8 with the byte, its offset and line, and says what to do', () => {
    expect(errorOf(() => decodeReportBytes(bytes('line one\nCaf', [0xe9], '\n'))).message).toBe(
      'The file is not UTF-8 text: byte 0xE9 at offset 12 (line 2) is not valid UTF-8. Ask the clearinghouse to send it as UTF-8 (or plain ASCII) text.',
    );
    // Overlong encodings, surrogates and truncated sequences are not UTF-8 either.
    for (const bad of [
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xe2, 0x82],
    ]) {
      expect(() => decodeReportBytes(bytes('ok ', bad))).toThrow(/byte 0x.. at offset 3 \(line 1\)/);
    }
    expect(errorOf(() => decodeReportBytes(bytes('x', [0xff]))).name).toBe('ReportFormatError');
  });

  it('refuses a NUL or another control character with its offset and line', () => {
    expect(errorOf(() => decodeReportBytes(bytes('a\nb\nc', [0x00], 'd'))).message).toBe(
      'The file contains a control character (NUL, 0x00) at byte offset 5 (line 3); a report is plain text, so the file is damaged or is not a report. Ask the clearinghouse to send it again.',
    );
    expect(() => decodeReportBytes(bytes('ISA', [0x1c], '00'))).toThrow(/control character \(0x1C\) at byte offset 3 \(line 1\)/);
    expect(() => decodeReportBytes(bytes('x', [0x1a]))).toThrow(/SUB/);
  });

  it('parseReport applies the same check to text', () => {
    expect(rejection('IMDPA10|a\r\nIMDPA10|\u0000b')).toBe(
      'The file contains a control character (NUL, 0x00) at character offset 19 (line 2); a report is plain text, so the file is damaged or is not a report. Ask the clearinghouse to send it again.',
    );
  });
});

describe('detectFormat', () => {
  it.each([
    ['maplegrove_dpa835_20261125_1.rep', 'X12_835', 'X12 835 (005010X221A1)'],
    ['maplegrove_dpa835_20261127_1.rep', 'X12_835', 'X12 835 (004010X091A1)'],
    ['maplegrove_IMDPA10_20261125.txt', 'IMDPA', 'IMDPA10'],
    ['maplegrove_IMDPA11_20261126.txt', 'IMDPA', 'IMDPA11'],
    ['maplegrove_IMDPA12_20261127.txt', 'IMDPA', 'IMDPA12'],
    ['maplegrove_IMDPA122_20261128.txt', 'IMDPA', 'IMDPA12 (1.2.2 H/D)'],
    ['maplegrove_IMDPA13_20261129.txt', 'IMDPA', 'IMDPA13'],
    ['maplegrove_IMDPA14_20261130.txt', 'IMDPA', 'IMDPA14'],
    ['maplegrove_20261125PAY.prp.csv', 'WAYSTAR_CSV', 'Daily Transaction Report'],
    ['instamed_notice_approved.json', 'INSTAMED_WEBHOOK', 'JSON notice'],
    ['instamed_notice_voided.xml', 'INSTAMED_WEBHOOK', 'XML notice'],
    ['instamed_notice_refunded.nvp', 'INSTAMED_WEBHOOK', 'NVP notice'],
  ])('%s -> %s, %s', (name, format, version) => {
    expect(detectFormat(fixture(name))).toEqual({ format, version });
    // parseReport agrees, and the version it reports names the same thing.
    expect(parseReport(fixture(name)).format).toBe(format);
  });

  it('tolerates a byte-order mark and leading blank lines', () => {
    expect(detectFormat(`\uFEFF\r\n  ${fixture('maplegrove_dpa835_20261126_1.rep')}`)?.format).toBe('X12_835');
  });

  it('falls back to the file name, and otherwise returns null', () => {
    expect(detectFormat('garbled', 'maplegrove_dpa835_20261125_1.rep')?.format).toBe('X12_835');
    expect(detectFormat('garbled', 'MGP_20261125PAY.prp.csv')?.format).toBe('WAYSTAR_CSV');
    expect(detectFormat('garbled', 'notes.txt')).toBeNull();
    expect(detectFormat('')).toBeNull();
    expect(detectFormat('Date,Amount\n1/1/2026,5')).toBeNull();
  });

  it('parseReport explains when it cannot tell', () => {
    expect(rejection('hello, world')).toBe(
      'The file is not in a format Kinpay reads: an InstaMed EOD Posting File (IMDPA10 to IMDPA14, or 1.2.2), an InstaMed X12 835 (dpa835), a Waystar Daily Transaction Report (CSV) or an InstaMed notice.',
    );
    // The file name decides when the content cannot, so the reader explains the damage.
    expect(rejection('garbled', undefined)).toMatch(/not in a format Kinpay reads/);
    expect(errorOf(() => parseReport('garbled', { fileName: 'x_dpa835_20261125_1.rep' })).message).toBe(
      'The file does not start with an ISA segment, so it is not an X12 835 interchange.',
    );
  });
});

describe('checks every format shares', () => {
  const sale: ReportTransaction = {
    transactionId: 'aaa1',
    kind: 'SALE',
    amountCents: 4000,
    accountNumber: '100234',
    payerName: 'Sofia Rivera',
    method: 'CARD',
    cardType: null,
    authorizationNumber: '1',
    occurredAt: '2026-11-25T14:30:15.000Z',
    originalTransactionId: null,
    location: 'x',
  };
  const options = { payeeName: 'MAPLE GROVE PEDIATRICS', npi: '1467589012', controlNumber: 1, date: new Date('2026-11-25T23:00:00Z') };

  it('every transaction has a location', () => {
    for (const name of [
      'maplegrove_dpa835_20261125_1.rep',
      'maplegrove_IMDPA10_20261125.txt',
      'maplegrove_20261125PAY.prp.csv',
      'instamed_notice_approved.json',
    ]) {
      for (const t of parseReport(fixture(name)).transactions) expect(t.location).toMatch(/^(line \d+|transaction set \d{4} \(segment \d+\)|the notice)$/);
    }
  });

  it('the ceiling: exactly MAX_TRANSACTION_CENTS posts, a cent more fails the file', () => {
    expect(MAX_TRANSACTION_CENTS).toBe(100_000_000);
    expect(parseReport(write835([{ ...sale, amountCents: MAX_TRANSACTION_CENTS }], options)).transactions[0]?.amountCents).toBe(MAX_TRANSACTION_CENTS);
    const over = write835([{ ...sale, amountCents: MAX_TRANSACTION_CENTS }], options).replaceAll('1000000.00', '1000000.01');
    expect(rejection(over)).toBe(
      'Transaction set 0001 (segment 10): the amount $1,000,000.01 is above the $1,000,000.00 Kinpay accepts for one payment; the file was not posted.',
    );
  });

  it('an ID with two kinds fails unless it is a sale and an undo of that same sale', () => {
    const refundOfOther = { ...sale, kind: 'REFUND' as const, originalTransactionId: 'zzz9', transactionId: 'aaa1' };
    // The refund names another sale as original but carries this sale's ID.
    expect(() => parseReport(write835([sale, refundOfOther], options))).toThrow(ReportFormatError);
    expect(rejection(write835([sale, refundOfOther], options))).toBe(
      'Transaction set 0002 (segment 19): transaction ID aaa1 is already in this file at transaction set 0001 (segment 10) (SALE and REFUND); a transaction is reported once, so the file was not posted.',
    );
  });
});

describe('checkReport guards every reader', () => {
  const report = (transactions: ReportTransaction[]) => ({
    format: 'IMDPA' as const,
    version: 'IMDPA14',
    publisher: 'INSTAMED' as const,
    transactions,
    skipped: [],
    payee: { npis: [], merchantIds: [], accountNames: [], names: [] },
    test: false,
    balance: null,
    meta: {},
  });
  const tx: ReportTransaction = {
    transactionId: 'aaa1',
    kind: 'SALE',
    amountCents: 4000,
    accountNumber: null,
    payerName: null,
    method: 'CARD',
    cardType: null,
    authorizationNumber: null,
    occurredAt: '2026-11-25T14:30:15.000Z',
    originalTransactionId: null,
    location: 'line 4',
  };
  it.each<[string, ReportTransaction, string]>([
    ['no location', { ...tx, location: '' }, 'Transaction aaa1 has no location in the file.'],
    ['a zero amount', { ...tx, amountCents: 0 }, 'Line 4: the amount must be more than $0.00 (read 0 cents); the file was not posted.'],
    ['a fraction of a cent', { ...tx, amountCents: 1.5 }, 'Line 4: the amount must be more than $0.00 (read 1.5 cents); the file was not posted.'],
    [
      'over the ceiling',
      { ...tx, amountCents: 2_500_000_000 },
      'Line 4: the amount $25,000,000.00 is above the $1,000,000.00 Kinpay accepts for one payment; the file was not posted.',
    ],
  ])('%s', (_case, transaction, message) => {
    expect(errorOf(() => checkReport(report([transaction]))).message).toBe(message);
  });
  it('passes a good report through unchanged', () => {
    const good = report([tx, { ...tx, transactionId: 'aaa1', kind: 'VOID', originalTransactionId: 'aaa1', location: 'line 5' }]);
    expect(checkReport(good)).toBe(good);
  });
});
