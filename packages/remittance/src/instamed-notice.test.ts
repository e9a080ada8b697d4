import { describe, expect, it } from 'vitest';
import { INSTAMED_EVENTS, instaMedNoticeKey, parseReport, writeInstaMedNotice } from './index.ts';
import type { NoticeEncoding, ReportTransaction, WriteInstaMedNoticeOptions } from './index.ts';
import { fixture, rejection, saleBySofia } from './test-helpers.ts';

const ID = '7f3a9c2e4b1d4e8f9a0b1c2d3e4f5a6b';
const SALE = saleBySofia({ transactionId: ID, cardType: 'VISA', location: 'the notice' });
const json = (fields: Record<string, unknown>) =>
  JSON.stringify({ EventType: 'Approved', TransactionID: ID, Amount: '40.00', TransactionDate: '2026-11-25T09:30:15', ...fields });

describe('InstaMed notices in the three encodings', () => {
  it('JSON: Approved -> SALE, its time without a zone read in New York', () => {
    const report = parseReport(fixture('instamed_notice_approved.json'));
    expect(report).toMatchObject({ format: 'INSTAMED_WEBHOOK', version: 'JSON notice', publisher: 'INSTAMED', skipped: [] });
    expect(report.transactions).toEqual([SALE]);
    expect(report.payee.merchantIds).toEqual(['MGPEDS01']);
    expect(report.meta).toEqual({ eventType: 'Approved', encoding: 'json', transactionId: ID });
  });

  it('XML: Voided -> VOID of its own ID; 9999 = unknown account; &amp; decoded', () => {
    const report = parseReport(fixture('instamed_notice_voided.xml'));
    expect(report.version).toBe('XML notice');
    expect(report.transactions).toEqual([
      {
        transactionId: 'b1c2d3e4f5a64b7c8d9e0f1a2b3c4d5e',
        kind: 'VOID',
        amountCents: 1800,
        accountNumber: null,
        payerName: 'An Nguyen & Tran',
        method: 'CARD',
        cardType: 'VISA',
        authorizationNumber: '118034',
        occurredAt: '2026-11-25T20:30:00.000Z',
        originalTransactionId: 'b1c2d3e4f5a64b7c8d9e0f1a2b3c4d5e',
        location: 'the notice',
      },
    ]);
  });

  it('NVP: Refunded -> REFUND naming its sale (PrimaryTransactionID), one PatientName field', () => {
    const report = parseReport(fixture('instamed_notice_refunded.nvp'));
    expect(report.version).toBe('NVP notice');
    expect(report.transactions).toEqual([
      {
        transactionId: '96A66FDA25964C8F9C0AEB0EF8123AAF',
        kind: 'REFUND',
        amountCents: 1000,
        accountNumber: '101020',
        payerName: 'Arjun Patel',
        method: 'CARD',
        cardType: 'DISCOVER',
        authorizationNumber: '9A5DDA',
        occurredAt: '2026-11-25T19:17:05.000Z',
        originalTransactionId: '2FA23B1C2C8C4E0D951C24EB300DCCFB',
        location: 'the notice',
      },
    ]);
  });

  it('the same fields in any encoding and any letter case read the same', () => {
    const fields = {
      eventtype: 'approved',
      transactionid: ID,
      AMOUNT: '40.00',
      TransactionDate: '2026-11-25T14:30:15Z',
      patientaccountnumber: '100234',
      PatientFirstName: 'Sofia',
      patientLASTname: 'Rivera',
      transactiontype: 'CreditCard',
      CardType: 'VISA',
      AuthorizationNumber: '083421',
    };
    const asJson = JSON.stringify(fields);
    const asXml = `<notice>${Object.entries(fields)
      .map(([k, v]) => `<${k}>${v}</${k}>`)
      .join('')}</notice>`;
    const asNvp = new URLSearchParams(fields).toString();
    for (const content of [asJson, asXml, asNvp]) expect(parseReport(content).transactions).toEqual([SALE]);
  });
});

describe('what a notice may carry besides its fields', () => {
  const sale = [SALE].map(({ cardType: _card, authorizationNumber: _auth, ...rest }) => ({ ...rest, cardType: null, authorizationNumber: null }));

  it('whitespace around the notice and around JSON values', () => {
    expect(parseReport(`\r\n  ${fixture('instamed_notice_approved.json')}\r\n`).transactions).toEqual([SALE]);
    expect(parseReport(`\n ${fixture('instamed_notice_voided.xml')}`).transactions).toHaveLength(1);
    expect(parseReport(`${fixture('instamed_notice_refunded.nvp').trimEnd()}\r\n`).transactions).toHaveLength(1);
    const padded = JSON.stringify({
      EventType: ' Approved ',
      TransactionID: ` ${ID} `,
      Amount: ' 40.00 ',
      TransactionDate: ' 2026-11-25T09:30:15 ',
      PatientAccountNumber: ' 100234 ',
      PatientFirstName: 'Sofia',
      PatientLastName: 'Rivera',
      TransactionType: ' CreditCard ',
    });
    expect(parseReport(padded).transactions).toEqual(sale);
  });

  it('fields it does not know, of any type, and an XML field holding elements: read past', () => {
    expect(
      parseReport(
        json({
          AdditionalCode1: 'X',
          Version: 2,
          Flags: [1],
          Extra: { a: 1 },
          PatientAccountNumber: '100234',
          PatientName: 'Sofia Rivera',
          TransactionType: 'CreditCard',
        }),
      ).transactions,
    ).toEqual(sale);
    const xml = `<Notification xmlns="urn:instamed:webhook"><!-- sent by InstaMed --><EventType>Approved</EventType><TransactionID>${ID}</TransactionID><Amount currency="USD">40.00</Amount><TransactionDate>2026-11-25T09:30:15</TransactionDate><PatientAccountNumber>100234</PatientAccountNumber><PatientName>Sofia <!-- first -->Rivera</PatientName><TransactionType>CreditCard</TransactionType><Extra><Code>1</Code></Extra></Notification>`;
    expect(parseReport(xml).transactions).toEqual(sale);
  });

  it('XML: CDATA verbatim; XML’s five entities and character references decoded, each once', () => {
    const name = (value: string) =>
      parseReport(
        `<n><EventType>Approved</EventType><TransactionID>${ID}</TransactionID><Amount>40.00</Amount><TransactionDate>2026-11-25T09:30:15</TransactionDate><PatientName>${value}</PatientName></n>`,
      ).transactions[0]?.payerName;
    expect(name('<![CDATA[Nguyen & <Tran>]]>')).toBe('Nguyen & <Tran>');
    expect(name('A &amp;lt; B')).toBe('A &lt; B');
    expect(name('&lt;&gt;&amp;&quot;&apos;')).toBe('<>&"\'');
    expect(name('&#x41;&#66;&#x1F600;')).toBe('AB😀');
    expect(name('A&#9;B')).toBe('A\tB');
  });

  it.each([
    ['CreditCard', 'CARD'],
    ['DebitCard', 'CARD'],
    ['eCheck', 'ACH'],
    ['Cash', 'CASH'],
    ['cash', 'CASH'],
    ['Wire', 'OTHER'],
  ])('TransactionType %s -> %s', (TransactionType, method) => {
    expect(parseReport(json({ TransactionType })).transactions[0]?.method).toBe(method);
  });

  it('a notice names no payee without a MerchantID, is never test data, and has no totals', () => {
    expect(parseReport('{"EventType":"Declined"}')).toEqual({
      format: 'INSTAMED_WEBHOOK',
      version: 'JSON notice',
      publisher: 'INSTAMED',
      transactions: [],
      skipped: [{ location: 'the notice', reason: 'Declined notice: no money moved' }],
      payee: { npis: [], merchantIds: [], accountNames: [], names: [] },
      test: false,
      balance: null,
      meta: { eventType: 'Declined', encoding: 'json' },
    });
  });
});

describe('each event’s effect', () => {
  it.each([
    ['Approved', {}, { kind: 'SALE', originalTransactionId: null }],
    ['Voided', {}, { kind: 'VOID', originalTransactionId: ID }],
    ['Voided', { PrimaryTransactionID: 'abc123' }, { kind: 'VOID', originalTransactionId: 'abc123' }],
    ['Refunded', {}, { kind: 'REFUND', originalTransactionId: null }],
    ['Refunded', { PrimaryTransactionID: 'abc123' }, { kind: 'REFUND', originalTransactionId: 'abc123' }],
    ['Refunded', { OriginalTransactionID: 'abc123' }, { kind: 'REFUND', originalTransactionId: 'abc123' }],
    ['Returned', { PrimaryTransactionID: 'abc123' }, { kind: 'RETURN', originalTransactionId: 'abc123' }],
    ['Chargeback', { PrimaryTransactionID: 'abc123' }, { kind: 'CHARGEBACK', originalTransactionId: 'abc123' }],
    ['Chargeback', {}, { kind: 'CHARGEBACK', originalTransactionId: null }],
    // A sale names no sale, whatever the notice says.
    ['Approved', { PrimaryTransactionID: 'abc123' }, { kind: 'SALE', originalTransactionId: null }],
  ])('%s %j -> %j', (EventType, extra, effect) => {
    expect(parseReport(json({ EventType, ...extra })).transactions).toEqual([expect.objectContaining({ transactionId: ID, ...effect })]);
  });

  it.each(['Declined', 'Settlement', 'Error'])('%s -> nothing to post, skipped with the reason', (EventType) => {
    const report = parseReport(json({ EventType }));
    expect(report.transactions).toEqual([]);
    expect(report.skipped).toEqual([{ location: 'the notice', reason: `${EventType} notice: no money moved` }]);
  });

  it('a Declined notice needs no amount or ID', () => {
    expect(parseReport(fixture('instamed_notice_declined.json')).skipped).toHaveLength(1);
    expect(parseReport('{"EventType":"Declined"}').skipped).toHaveLength(1);
  });
});

describe('what a notice is refused for', () => {
  it.each<[string, string, string]>([
    ['a JSON number amount', json({ Amount: 40 }), 'The notice\'s Amount is a JSON number, not text like "40.00"; the notice was not posted.'],
    ['"1e3"', json({ Amount: '1e3' }), 'The notice: the Amount "1e3" is not a decimal amount like "40.00"; the notice was not posted.'],
    ['"+5"', json({ Amount: '+5' }), 'The notice: the Amount "+5" is not a decimal amount like "40.00"; the notice was not posted.'],
    ['"0x10"', json({ Amount: '0x10' }), 'The notice: the Amount "0x10" is not a decimal amount like "40.00"; the notice was not posted.'],
    ['a negative amount', json({ Amount: '-5.00' }), 'The notice: the Amount "-5.00" is not a decimal amount like "40.00"; the notice was not posted.'],
    [
      'an amount with a comma',
      json({ Amount: '1,000.00' }),
      'The notice: the Amount "1,000.00" is not a decimal amount like "40.00"; the notice was not posted.',
    ],
    [
      'an amount over the ceiling',
      json({ Amount: '25000000.00' }),
      'The notice: the amount $25,000,000.00 is above the $1,000,000.00 Kinpay accepts for one payment; the notice was not posted.',
    ],
    [
      'an 18-digit amount',
      json({ Amount: '123456789012345678' }),
      'The notice: the amount $123,456,789,012,345,678.00 is above the $1,000,000.00 Kinpay accepts for one payment; the notice was not posted.',
    ],
    [
      'an unknown event',
      json({ EventType: 'Paid' }),
      'The notice\'s EventType "Paid" is not one of Approved, Declined, Voided, Refunded, Returned, Chargeback, Settlement, Error; it was not posted.',
    ],
    ['no TransactionID', json({ TransactionID: null }), 'The notice: TransactionID "" is not 1 to 50 letters and digits; the notice was not posted.'],
    [
      'a TransactionID with a dash',
      json({ TransactionID: 'abc-1' }),
      'The notice: TransactionID "abc-1" is not 1 to 50 letters and digits; the notice was not posted.',
    ],
    ['a bad date', json({ TransactionDate: 'yesterday' }), 'The notice: TransactionDate "yesterday" is not an ISO 8601 date and time.'],
    [
      'a field twice under two names',
      json({ PatientID: '1', PatientAccountNumber: '2' }),
      'The notice gives the field PatientAccountNumber more than once (or under two names); it was not posted.',
    ],
    ['broken JSON', '{"EventType":', 'The notice is not valid JSON.'],
    ['a JSON list', '[1]', 'The notice is neither JSON, XML nor name-value pairs (name=value&name=value).'],
    [
      'broken XML',
      '<n><EventType>Approved</n>',
      "The notice is not well-formed XML: Expected closing tag 'EventType' (opened in line 1, col 4) instead of closing tag 'n'. (line 1).",
    ],
    [
      'an XML DOCTYPE',
      '<!DOCTYPE n [<!ENTITY x "40.00">]><n><EventType>Approved</EventType><Amount>&x;</Amount></n>',
      'The XML notice declares a DOCTYPE or entities; Kinpay reads notices without them and did not post it.',
    ],
    [
      'an unknown XML entity',
      '<n><EventType>Approved</EventType><PatientName>&nbsp;</PatientName></n>',
      "The notice's PatientName uses the entity &nbsp;; Kinpay expands no entities beyond XML's own five.",
    ],
    [
      'a repeated XML field',
      '<n><EventType>Approved</EventType><Amount>1.00</Amount><Amount>2.00</Amount></n>',
      'The XML notice gives the field Amount 2 times; it was not posted.',
    ],
    [
      'a nested XML field',
      `<n><EventType>Approved</EventType><TransactionID>${ID}</TransactionID><Amount><Value>1.00</Value></Amount></n>`,
      "The XML notice's Amount holds other elements or mixed content, not a value.",
    ],
    ['broken NVP', 'EventType=Approved&Amount=%zz', 'The notice\'s "Amount=%zz" is not form-encoded correctly (a % not followed by two hex digits).'],
    [
      'a broken NVP pair, named by its first 60 characters',
      `EventType=Approved&PatientName=${'A'.repeat(60)}%zz`,
      `The notice's "PatientName=${'A'.repeat(48)}" is not form-encoded correctly (a % not followed by two hex digits).`,
    ],
    ['a JSON number where text belongs', json({ TransactionID: 123 }), "The notice's TransactionID is a JSON number, not text; the notice was not posted."],
    ['a JSON list', json({ PatientName: ['Sofia', 'Rivera'] }), "The notice's PatientName is a list, not text; the notice was not posted."],
    ['a JSON true', json({ CardType: true }), "The notice's CardType is a JSON boolean, not text; the notice was not posted."],
    ['a JSON object', json({ Amount: { value: '40.00' } }), 'The notice\'s Amount is a JSON object, not text like "40.00"; the notice was not posted.'],
    [
      'a PrimaryTransactionID with a dash',
      json({ EventType: 'Refunded', PrimaryTransactionID: 'abc-1' }),
      'The notice: PrimaryTransactionID "abc-1" is not 1 to 50 letters and digits.',
    ],
    ['an XML root holding text only', '<Notification>Approved</Notification>', 'The XML notice is not one element whose child elements are the fields.'],
    ['an empty XML root', '<Notification/>', 'The XML notice is not one element whose child elements are the fields.'],
    [
      'text beside the XML fields',
      '<Notification>hello<EventType>Approved</EventType></Notification>',
      'The XML notice has text directly in its root element; the fields are its child elements.',
    ],
    [
      'text and CDATA mixed in a field',
      '<n><EventType>Approved</EventType><PatientName>Mr <![CDATA[Rivera]]></PatientName></n>',
      "The XML notice's PatientName holds other elements or mixed content, not a value.",
    ],
    [
      'a character reference to a control character',
      '<n><EventType>Approved</EventType><PatientName>&#1;</PatientName></n>',
      "The notice's PatientName has the character reference &#1;, which is not allowed.",
    ],
    [
      'a character reference beyond Unicode',
      '<n><EventType>Approved</EventType><PatientName>&#x110000;</PatientName></n>',
      "The notice's PatientName has the character reference &#x110000;, which is not allowed.",
    ],
    [
      'an entity named like an object property',
      '<n><EventType>Approved</EventType><PatientName>&constructor;</PatientName></n>',
      "The notice's PatientName uses the entity &constructor;; Kinpay expands no entities beyond XML's own five.",
    ],
  ])('%s', (_case, content, message) => {
    expect(rejection(content, 'INSTAMED_WEBHOOK')).toBe(message);
  });

  it('a zero amount moved no money', () => {
    expect(parseReport(json({ Amount: '0.00' })).skipped).toEqual([{ location: 'the notice', reason: 'Approved notice for 0.00: no money moved' }]);
  });
});

describe('instaMedNoticeKey', () => {
  it('is <event>:<TransactionID> in every encoding, or null when unreadable', () => {
    expect(instaMedNoticeKey(fixture('instamed_notice_approved.json'))).toBe(`Approved:${ID}`);
    expect(instaMedNoticeKey(fixture('instamed_notice_voided.xml'))).toBe('Voided:b1c2d3e4f5a64b7c8d9e0f1a2b3c4d5e');
    expect(instaMedNoticeKey(fixture('instamed_notice_refunded.nvp'))).toBe('Refunded:96A66FDA25964C8F9C0AEB0EF8123AAF');
    expect(instaMedNoticeKey('{"eventtype":"approved","transactionid":"AB1"}')).toBe('Approved:AB1');
    expect(instaMedNoticeKey('{"EventType":"Declined"}')).toBeNull();
    expect(instaMedNoticeKey('{"EventType":')).toBeNull();
    expect(instaMedNoticeKey('<a><b></a>')).toBeNull();
    expect(instaMedNoticeKey('hello')).toBeNull();
    expect(instaMedNoticeKey('{"eventtype":" approved ","transactionid":" AB1 "}')).toBe('Approved:AB1');
    // An event it does not know is kept as written: the notice is stored once, then fails with the reason.
    expect(instaMedNoticeKey('{"EventType":"Paid","TransactionID":"AB1"}')).toBe('Paid:AB1');
    expect(instaMedNoticeKey('{"TransactionID":"AB1"}')).toBeNull();
    expect(instaMedNoticeKey('{"EventType":"Approved","TransactionID":" "}')).toBeNull();
  });
});

describe('writeInstaMedNotice', () => {
  it.each<[NoticeEncoding, string]>([
    ['json', 'application/json'],
    ['xml', 'application/xml'],
    ['nvp', 'application/x-www-form-urlencoded'],
  ])('%s, as %s, reads back', (encoding, contentType) => {
    const notice = writeInstaMedNotice(SALE, { encoding, merchantId: 'MGPEDS01' });
    expect(notice.contentType).toBe(contentType);
    const report = parseReport(notice.body);
    expect(report.transactions).toEqual([SALE]);
    expect(report.payee.merchantIds).toEqual(['MGPEDS01']);
    expect(instaMedNoticeKey(notice.body)).toBe(`Approved:${ID}`);
  });

  it('writes the fields in each encoding: JSON, XML with its declaration, NVP', () => {
    const tx: ReportTransaction = { ...SALE, payerName: 'Sofia Rivera', cardType: null, authorizationNumber: null, method: 'OTHER' };
    expect(writeInstaMedNotice(tx, { encoding: 'json' }).body).toBe(
      JSON.stringify(
        {
          EventType: 'Approved',
          TransactionID: ID,
          Amount: '40.00',
          TransactionDate: '2026-11-25T14:30:15Z',
          PatientAccountNumber: '100234',
          PatientFirstName: 'Sofia',
          PatientLastName: 'Rivera',
        },
        null,
        2,
      ),
    );
    expect(
      writeInstaMedNotice(
        { ...SALE, kind: 'VOID', originalTransactionId: ID, payerName: null, accountNumber: null },
        { encoding: 'xml', merchantId: 'MGPEDS01' },
      ).body,
    ).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<Notification>',
        '  <EventType>Voided</EventType>',
        `  <TransactionID>${ID}</TransactionID>`,
        '  <Amount>40.00</Amount>',
        '  <TransactionDate>2026-11-25T14:30:15Z</TransactionDate>',
        '  <PatientAccountNumber>9999</PatientAccountNumber>',
        '  <TransactionType>CreditCard</TransactionType>',
        '  <CardType>VISA</CardType>',
        '  <AuthorizationNumber>083421</AuthorizationNumber>',
        '  <MerchantID>MGPEDS01</MerchantID>',
        '</Notification>',
        '',
      ].join('\n'),
    );
    // A refund or a void of another transaction names it; a middle name goes with the first.
    expect(
      writeInstaMedNotice(
        { ...SALE, kind: 'REFUND', transactionId: 'AB2', originalTransactionId: ID, payerName: 'Sofia Ana Rivera', method: 'ACH', cardType: null },
        { encoding: 'nvp' },
      ).body,
    ).toBe(
      `EventType=Refunded&TransactionID=AB2&PrimaryTransactionID=${ID}&Amount=40.00&TransactionDate=2026-11-25T14%3A30%3A15Z&PatientAccountNumber=100234&PatientFirstName=Sofia+Ana&PatientLastName=Rivera&TransactionType=eCheck&AuthorizationNumber=083421`,
    );
    expect(writeInstaMedNotice({ ...SALE, kind: 'VOID', originalTransactionId: 'AB9' }, { encoding: 'nvp' }).body).toContain('&PrimaryTransactionID=AB9&');
    expect(writeInstaMedNotice({ ...SALE, kind: 'REFUND', originalTransactionId: ID }, { encoding: 'nvp' }).body).toContain(`&PrimaryTransactionID=${ID}&`);
  });

  it.each<[string, Partial<ReportTransaction>, Partial<WriteInstaMedNoticeOptions>, string]>([
    ['an unknown encoding', {}, { encoding: 'csv' as 'json' }, 'writeInstaMedNotice: encoding must be json, xml or nvp, got "csv"'],
    [
      'an event InstaMed does not send',
      {},
      { event: 'Paid' as 'Approved' },
      'writeInstaMedNotice: "Paid" is not an InstaMed event (Approved, Declined, Voided, Refunded, Returned, Chargeback, Settlement, Error)',
    ],
    ['a transaction ID with a dash', { transactionId: 'abc-1' }, {}, 'writeInstaMedNotice: transactionId "abc-1" is not 1 to 50 letters and digits'],
    [
      'an original ID with a dash',
      { kind: 'REFUND', originalTransactionId: 'abc-1' },
      {},
      'writeInstaMedNotice: originalTransactionId "abc-1" is not 1 to 50 letters and digits',
    ],
    ['a void naming nothing', { kind: 'VOID' }, {}, 'writeInstaMedNotice: a VOID always names what it voids (its own ID when none other)'],
    ['account 9999', { accountNumber: '9999' }, {}, `writeInstaMedNotice: account number 9999 of ${ID} would read back as unknown; use null`],
    ['an empty merchant ID', {}, { merchantId: '' }, 'writeInstaMedNotice: merchantId must be text without surrounding spaces, got ""'],
    ['a merchant ID with spaces', {}, { merchantId: ' MGPEDS01' }, 'writeInstaMedNotice: merchantId must be text without surrounding spaces, got " MGPEDS01"'],
    ['a control character', {}, { merchantId: 'MGP\u0007' }, 'writeInstaMedNotice: MerchantID contains a control character'],
    ['a zero amount', { amountCents: 0 }, {}, `writeInstaMedNotice: amountCents of ${ID} must be positive, got 0`],
    [
      'doubled spaces in a name',
      { payerName: 'Sofia  Rivera' },
      {},
      'writeInstaMedNotice: payerName "Sofia  Rivera" has doubled or surrounding spaces, which the name fields cannot keep',
    ],
  ])('refuses %s', (_case, change, options, message) => {
    expect(() => writeInstaMedNotice({ ...SALE, ...change }, { encoding: 'json', ...options })).toThrow(new RangeError(message));
  });

  it('escapes XML and form-encodes NVP', () => {
    const tx = { ...SALE, payerName: 'An <Nguyen> & "Tran"' };
    expect(writeInstaMedNotice(tx, { encoding: 'xml' }).body).toContain('<PatientLastName>&quot;Tran&quot;</PatientLastName>');
    expect(writeInstaMedNotice(tx, { encoding: 'nvp' }).body).toContain('PatientFirstName=An+%3CNguyen%3E+%26');
    for (const encoding of ['json', 'xml', 'nvp'] as const)
      expect(parseReport(writeInstaMedNotice(tx, { encoding }).body).transactions[0]?.payerName).toBe(tx.payerName);
  });

  it('sends a skip event for any transaction, and refuses an event that reads as another kind', () => {
    for (const event of ['Declined', 'Settlement', 'Error'] as const) {
      expect(parseReport(writeInstaMedNotice(SALE, { encoding: 'json', event }).body).skipped).toHaveLength(1);
    }
    expect(() => writeInstaMedNotice(SALE, { encoding: 'json', event: 'Refunded' })).toThrow(/reads as REFUND, not SALE/);
    expect(() => writeInstaMedNotice({ ...SALE, kind: 'REVERSAL', originalTransactionId: ID }, { encoding: 'json' })).toThrow(/no notice for a REVERSAL/);
    expect(() => writeInstaMedNotice({ ...SALE, method: 'CHECK' }, { encoding: 'json' })).toThrow(/CHECK/);
    expect(INSTAMED_EVENTS).toHaveLength(8);
  });
});
