// What parseReport does for every format: detection, the ERA refusal, the bytes check, and the shared
// checks (ceiling, one transaction ID per transaction, a location for each).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InsuranceRemittanceError, MAX_TRANSACTION_CENTS, ReportFormatError, decodeReportBytes, detectFormat, parseReport, write835 } from './index.ts';
import type { ReportFormat, ReportTransaction } from './index.ts';
import { checkReport } from './checks.ts';
import { errorOf, fixture, fixtureBytes, rejection, saleBySofia } from './test-helpers.ts';

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
    expect(error.name).toBe('InsuranceRemittanceError');
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

  it('an ERA set anywhere makes the file an ERA: after a patient payment, or without its SE', () => {
    const era = sale.replace('**09~', '**12~');
    const twoSets = (first: string, second: string, se = true) =>
      `ISA*00*          *00*          *ZZ*INSTAMED       *ZZ*1467589012     *261125*2315*^*00501*000004711*0*P*:~GS*HP*INSTAMED*1467589012*20261125*2315*4711*X*005010X221A1~` +
      `ST*835*0001~${first}${se ? `SE*${first.split('~').length + 1}*0001~` : ''}ST*835*0002~${second}SE*${second.split('~').length + 1}*0002~GE*2*4711~IEA*1*000004711~`;
    expect(errorOf(() => parseReport(twoSets(sale, era.replace('aaa1', 'aaa2'))))).toBeInstanceOf(InsuranceRemittanceError);
    expect(errorOf(() => parseReport(twoSets(era, sale.replace('aaa1', 'aaa2'), false)))).toBeInstanceOf(InsuranceRemittanceError);
  });

  it('whatever ends its segments: a line break, CR, CRLF, or "~" with the lines wrapped', () => {
    const name = 'linuxforhealth-5010-managed-care.835';
    const content = fixture(`era/${name}`);
    for (const variant of [
      content.replaceAll('~\n', '\n'),
      content.replaceAll('~\n', '\r'),
      content.replaceAll('~\n', '\r\n'),
      content
        .replaceAll('\n', '')
        .match(/.{1,80}/g)!
        .join('\r\n'),
    ]) {
      expect((errorOf(() => parseReport(variant, { format: 'X12_835' })) as InsuranceRemittanceError).payer).toBe('RUSHMORE LIFE');
    }
    // An envelope-less ERA, with CR ending its segments.
    const bare = fixture('era/edi835parser-5010-bcbs-nc-no-envelope.txt').replaceAll('~', '\r');
    expect((errorOf(() => parseReport(bare, { format: 'X12_835' })) as InsuranceRemittanceError).payer).toBe('BLUE CROSS AND BLUE SHIELD OF NORTH CAROLINA');
  });

  it('judges a fragment by its whole segments: the last one counts when complete, not when cut off', () => {
    const fragment = 'ST*835*0001~BPR*H*40.00*C*NON******1999999999*credit card*****20261125~TRN*1*1*1999999999*credit card~N1*PR*Sofia Rivera*XV*100234~';
    expect((errorOf(() => parseReport(`${fragment}CLP*aaa1*1*40.00*40.00**12~`, { format: 'X12_835' })) as InsuranceRemittanceError).payer).toBe(
      'Sofia Rivera (100234)',
    );
    // A patient payment cut inside CLP06 ("09" cut to "0") is cut off, not an ERA.
    const cut = errorOf(() => parseReport(`${wrap(sale).slice(0, wrap(sale).indexOf('**09~') + 3)}`, { format: 'X12_835' }));
    expect(cut).not.toBeInstanceOf(InsuranceRemittanceError);
    expect(cut).toBeInstanceOf(ReportFormatError);
  });

  it('an ERA without a payer name is from "an unnamed payer"; the TRN03 and BPR01 signs count only together', () => {
    expect(errorOf(() => parseReport(wrap(sale.replace('N1*PR*Sofia Rivera*XV*100234~', 'N1*PR**PI~'))))).toEqual(
      new InsuranceRemittanceError('an unnamed payer'),
    );
    // BPR01 other than H and no TRN, or TRN03 other than InstaMed's and no BPR: not an ERA (and not a readable set).
    expect(rejection(wrap(sale.replace('BPR*H*', 'BPR*I*').replace('TRN*1*1*1999999999*credit card~', '')))).toBe(
      'Transaction set 0001 (segment 4): the transaction set 0001 has no TRN segment (the authorization number).',
    );
    expect(
      rejection(wrap(sale.replace('BPR*H*40.00*C*NON******1999999999*credit card*****20261125~', '').replace('TRN*1*1*1999999999', 'TRN*1*1*1512345678'))),
    ).toBe('Transaction set 0001 (segment 4): the transaction set 0001 must begin with a BPR segment, found TRN.');
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

  it('reads every length of UTF-8 sequence, at the edges of each range', () => {
    // U+0080, U+07FF (2 bytes); U+0800, U+FFFD (3); U+10000, U+10FFFF (4); and everyday text.
    const text = 'a\u0080\u07ff\u0800\ufffd\u{10000}\u{10ffff} Zoë © €20 中 😀';
    expect(decodeReportBytes(bytes(text))).toBe(text);
  });

  it.each<[string, number[], number]>([
    ['a lone continuation byte', [0x80], 3],
    ['a byte no sequence starts with', [0xf5, 0x80, 0x80, 0x80], 3],
    ['a 3-byte overlong form', [0xe0, 0x80, 0xaf], 3],
    ['a 3-byte form of a 2-byte character', [0xe0, 0x9f, 0xbf], 3],
    ['the last surrogate', [0xed, 0xbf, 0xbf], 3],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 3],
    ['a lead byte followed by ASCII', [0xe2, 0x41, 0x41], 3],
    ['a 4-byte sequence cut short', [0xf0, 0x9f, 0x98], 3],
  ])('refuses %s', (_case, bad, offset) => {
    expect(errorOf(() => decodeReportBytes(bytes('ok ', bad))).message).toBe(
      `The file is not UTF-8 text: byte 0x${bad[0]!.toString(16).toUpperCase()} at offset ${offset} (line 1) is not valid UTF-8. Ask the clearinghouse to send it as UTF-8 (or plain ASCII) text.`,
    );
  });

  it('names the first bad byte, after multi-byte characters or at the very start', () => {
    expect(errorOf(() => decodeReportBytes(bytes('Zoë €', [0xff]))).message).toContain('byte 0xFF at offset 8 (line 1)');
    expect(errorOf(() => decodeReportBytes(bytes([0xff], 'ok'))).message).toContain('byte 0xFF at offset 0 (line 1)');
    expect(errorOf(() => decodeReportBytes(bytes([0x00], 'ok'))).message).toContain('(NUL, 0x00) at byte offset 0 (line 1)');
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
    expect(rejection('\u001bIMDPA10|a')).toBe(
      'The file contains a control character (ESC, 0x1B) at character offset 0 (line 1); a report is plain text, so the file is damaged or is not a report. Ask the clearinghouse to send it again.',
    );
    expect(rejection('a\nb\nc\td\u001f')).toContain('(0x1F) at character offset 7 (line 3)');
    for (const name of ['form feed, 0x0C', 'vertical tab, 0x0B', 'backspace, 0x08']) {
      const code = Number.parseInt(name.slice(-2), 16);
      expect(rejection(`IMDPA10|${String.fromCharCode(code)}`)).toContain(`(${name}) at character offset 8 (line 1)`);
    }
  });

  it('reads text that begins with a byte-order mark, in every format', () => {
    for (const name of [
      'maplegrove_IMDPA10_20261125.txt',
      'maplegrove_dpa835_20261125_1.rep',
      'maplegrove_20261125PAY.prp.csv',
      'instamed_notice_approved.json',
    ]) {
      expect(parseReport(`\uFEFF${fixture(name)}`).transactions, name).toEqual(parseReport(fixture(name)).transactions);
    }
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
    expect(detectFormat('garbled', 'maplegrove_dpa835_20261125_1.rep')).toEqual({ format: 'X12_835', version: 'X12 835' });
    expect(detectFormat('garbled', '/srv/inbox/ERA_20261125.835')).toEqual({ format: 'X12_835', version: 'X12 835' });
    expect(detectFormat('garbled', 'C:\\inbox\\MGP_20261125PAY.prp.csv')).toEqual({ format: 'WAYSTAR_CSV', version: 'Daily Transaction Report' });
    expect(detectFormat('garbled', 'notes.txt')).toBeNull();
    // A partial download or a backup is not taken for the report by its name.
    for (const name of ['maplegrove_dpa835_20261125_1.rep.part', 'ERA_20261125.835.bak', 'MGP_20261125PAY.prp.csv.part', 'PAY.prp.csv_dpa835_/notes.txt']) {
      expect(detectFormat('garbled', name), name).toBeNull();
    }
    expect(detectFormat('')).toBeNull();
    expect(detectFormat('Date,Amount\n1/1/2026,5')).toBeNull();
  });

  it('an 835 without its envelope or GS08, an IMDPA version it does not read, one name-value pair', () => {
    expect(detectFormat('ST*835*0001~BPR*I*40.00*C~')).toEqual({ format: 'X12_835', version: 'X12 835' });
    const isa = 'ISA*00*          *00*          *ZZ*INSTAMED       *ZZ*1467589012     *261125*2315*^*00501*000004711*0*P*:~';
    expect(detectFormat(`${isa}GS*HP*INSTAMED*1467589012*20261125*2315*4711*X*~`)).toEqual({ format: 'X12_835', version: 'X12 835' });
    expect(detectFormat(`${isa}GS*HP*INSTAMED*1467589012*20261125*2315*4711*X*004010X091A1~`)).toEqual({
      format: 'X12_835',
      version: 'X12 835 (004010X091A1)',
    });
    expect(detectFormat('IMDPA15|MGPEDS01|1|1\r\n')).toEqual({ format: 'IMDPA', version: 'IMDPA15' });
    expect(detectFormat('EventType=Approved')).toEqual({ format: 'INSTAMED_WEBHOOK', version: 'NVP notice' });
    expect(detectFormat('transactionid=AB1&amount=40.00\r\n')).toEqual({ format: 'INSTAMED_WEBHOOK', version: 'NVP notice' });
    for (const text of ['hello=world', 'notes: EventType=Approved', 'EventType=Approved&broken', 'myeventtype=Approved']) {
      expect(detectFormat(text), text).toBeNull();
    }
  });

  it('parseReport refuses a format it does not know, whatever its name', () => {
    for (const format of ['PDF', 'constructor', 'toString']) {
      expect(rejection('x', format as ReportFormat)).toBe(`"${format}" is not a report format Kinpay reads.`);
    }
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
  const sale = saleBySofia({ transactionId: 'aaa1', authorizationNumber: '1' });
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

describe('every writer refuses what no format carries', () => {
  const sale = saleBySofia({ transactionId: 'aaa1', authorizationNumber: '1' });
  const options = { payeeName: 'MAPLE GROVE PEDIATRICS', npi: '1467589012', controlNumber: 1, date: new Date('2026-11-25T23:00:00Z') };

  it.each<[string, Partial<ReportTransaction>, string]>([
    ['a fraction of a cent', { amountCents: 40.5 }, 'write835: amountCents of aaa1 must be a whole number of cents, got 40.5'],
    ['a sale naming a sale', { originalTransactionId: 'zzz9' }, 'write835: the SALE aaa1 has an originalTransactionId; only undos name a sale'],
    ['a time that is not a date', { occurredAt: 'yesterday' }, 'write835: occurredAt of aaa1 is not a date: "yesterday"'],
    ['a fraction of a second', { occurredAt: '2026-11-25T14:30:15.250Z' }, 'write835: occurredAt of aaa1 has a fraction of a second, which no format carries'],
    ['a time before 1900', { occurredAt: '1899-12-31T23:59:59.000Z' }, 'write835: occurredAt of aaa1 is outside 1900-2999'],
    ['a time after 2999', { occurredAt: '3000-01-01T00:00:00.000Z' }, 'write835: occurredAt of aaa1 is outside 1900-2999'],
    ['surrounding spaces', { accountNumber: ' 100234' }, 'write835: accountNumber " 100234" has surrounding spaces, which the readers trim'],
    ['an empty value', { authorizationNumber: '' }, 'write835: authorizationNumber of aaa1 is empty; use null'],
    ['a control character', { accountNumber: '100\u0001234' }, 'write835: "100\u0001234" contains a control character'],
  ])('%s', (_case, change, message) => {
    expect(() => write835([{ ...sale, ...change }], options)).toThrow(new RangeError(message));
  });

  it('writes the first and last second of the years it carries', () => {
    for (const occurredAt of ['1900-01-01T05:00:00.000Z', '2999-12-31T23:59:59.000Z']) {
      expect(parseReport(write835([{ ...sale, occurredAt }], options)).transactions[0]?.occurredAt).toBe(occurredAt);
    }
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
  const tx = saleBySofia({ transactionId: 'aaa1', accountNumber: null, payerName: null, authorizationNumber: null, location: 'line 4' });
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

  it('a location is text that is not blank', () => {
    expect(errorOf(() => checkReport(report([{ ...tx, location: '   ' }]))).message).toBe('Transaction aaa1 has no location in the file.');
    expect(errorOf(() => checkReport(report([{ ...tx, location: undefined as unknown as string }]))).message).toBe(
      'Transaction aaa1 has no location in the file.',
    );
  });

  it('a sale and any undo naming it may share its ID, in either order; two undos may not', () => {
    for (const kind of ['VOID', 'RETURN', 'CHARGEBACK', 'REFUND', 'REVERSAL'] as const) {
      const undo = { ...tx, kind, originalTransactionId: 'aaa1', location: 'line 5' };
      expect(checkReport(report([tx, undo])).transactions, kind).toHaveLength(2);
      expect(checkReport(report([undo, tx])).transactions, `${kind} first`).toHaveLength(2);
    }
    expect(
      errorOf(() =>
        checkReport(
          report([
            { ...tx, kind: 'REFUND', originalTransactionId: 'aaa1' },
            { ...tx, kind: 'VOID', originalTransactionId: 'aaa1', location: 'line 5' },
          ]),
        ),
      ).message,
    ).toBe('Line 5: transaction ID aaa1 is already in this file at line 4 (REFUND and VOID); a transaction is reported once, so the file was not posted.');
  });

  it('a notice is "the notice" in its reasons', () => {
    const notice = { ...report([{ ...tx, amountCents: 0, location: 'the notice' }]), format: 'INSTAMED_WEBHOOK' as const };
    expect(errorOf(() => checkReport(notice)).message).toBe('The notice: the amount must be more than $0.00 (read 0 cents); the notice was not posted.');
  });
});
