import { describe, expect, it } from 'vitest';
import { INSTAMED_EVENTS, instaMedNoticeKey, parseReport, writeInstaMedNotice } from './index.ts';
import type { NoticeEncoding, ReportTransaction } from './index.ts';
import { fixture, rejection } from './test-helpers.ts';

const ID = '7f3a9c2e4b1d4e8f9a0b1c2d3e4f5a6b';
const SALE: ReportTransaction = {
  transactionId: ID,
  kind: 'SALE',
  amountCents: 4000,
  accountNumber: '100234',
  payerName: 'Sofia Rivera',
  method: 'CARD',
  cardType: 'VISA',
  authorizationNumber: '083421',
  occurredAt: '2026-11-25T14:30:15.000Z',
  originalTransactionId: null,
  location: 'the notice',
};
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
