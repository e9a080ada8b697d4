/**
 * InstaMed's webhook notice: an HTTP POST per transaction event, in JSON, XML or name-value pairs (NVP),
 * as the practice configured (docs/published-formats.md, Part C). InstaMed's field list is cut before
 * the transaction fields, so the names below are our reading (README), matched case-insensitively and
 * the same in every encoding:
 *
 *   EventType, TransactionID, PrimaryTransactionID (or OriginalTransactionID), Amount, TransactionDate,
 *   PatientAccountNumber (or PatientID), PatientFirstName + PatientLastName (or PatientName),
 *   TransactionType (CreditCard, DebitCard, eCheck, Cash), CardType, AuthorizationNumber, MerchantID.
 *
 * JSON: one object whose members are the fields (string values). XML: a root element whose child
 * elements are the fields (no DOCTYPE, no entities beyond XML's five). NVP: `name=value&...`,
 * form-encoded.
 *
 * Events (published list): Approved -> SALE; Voided -> VOID (original = PrimaryTransactionID, else its own
 * ID: a void keeps the sale's ID); Refunded -> REFUND; Returned -> RETURN; Chargeback -> CHARGEBACK (each
 * original = PrimaryTransactionID when given, else none: it waits for staff); Declined, Settlement and
 * Error -> nothing to post.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { centsToDecimalString } from '@kinpay/money';
import { ReportFormatError } from './contract.ts';
import type { ParsedReport, PaymentMethod, ReportTransaction, TransactionKind } from './contract.ts';
import {
  PLAIN_DECIMAL,
  TRANSACTION_ID,
  UNKNOWN_ACCOUNT,
  accountFromInstaMed,
  assertWritable,
  centsWithinCeiling,
  emptyToNull,
  fail,
  joinName,
  splitName,
} from './shared.ts';
import { readIsoDateTime } from './time.ts';
import { stripBom } from './text.ts';

export const INSTAMED_EVENTS = ['Approved', 'Declined', 'Voided', 'Refunded', 'Returned', 'Chargeback', 'Settlement', 'Error'] as const;
export type InstaMedEvent = (typeof INSTAMED_EVENTS)[number];
export type NoticeEncoding = 'json' | 'xml' | 'nvp';

/** What each event does; null = nothing to post. */
export const INSTAMED_EVENT_KINDS: Readonly<Record<InstaMedEvent, TransactionKind | null>> = {
  Approved: 'SALE',
  Voided: 'VOID',
  Refunded: 'REFUND',
  Returned: 'RETURN',
  Chargeback: 'CHARGEBACK',
  Declined: null,
  Settlement: null,
  Error: null,
};

const ENCODING_NAMES: Record<NoticeEncoding, string> = { json: 'JSON notice', xml: 'XML notice', nvp: 'NVP notice' };
export const NOTICE_CONTENT_TYPES: Record<NoticeEncoding, string> = {
  json: 'application/json',
  xml: 'application/xml',
  nvp: 'application/x-www-form-urlencoded',
};

/** The fields Kinpay reads, in lower case, with the alternative names it accepts. */
const FIELDS = {
  eventtype: ['eventtype'],
  transactionid: ['transactionid'],
  primarytransactionid: ['primarytransactionid', 'originaltransactionid'],
  amount: ['amount'],
  transactiondate: ['transactiondate'],
  patientaccountnumber: ['patientaccountnumber', 'patientid'],
  patientfirstname: ['patientfirstname'],
  patientlastname: ['patientlastname'],
  patientname: ['patientname'],
  transactiontype: ['transactiontype'],
  cardtype: ['cardtype'],
  authorizationnumber: ['authorizationnumber'],
  merchantid: ['merchantid'],
} as const;
type Field = keyof typeof FIELDS;
const FIELD_OF_NAME = new Map<string, Field>(Object.entries(FIELDS).flatMap(([field, names]) => names.map((n) => [n, field as Field] as const)));

const METHODS = new Map<string, PaymentMethod>([
  ['creditcard', 'CARD'],
  ['debitcard', 'CARD'],
  ['echeck', 'ACH'],
  ['cash', 'CASH'],
]);
const LOCATION = 'the notice';

/** The encoding, from the first character: `{` JSON, `<` XML, anything else NVP. */
export function noticeEncodingOf(content: string): NoticeEncoding {
  const first = stripBom(content).trimStart()[0];
  return first === '{' ? 'json' : first === '<' ? 'xml' : 'nvp';
}

// ---------------------------------------------------------------------------------------------- reading

/** Field name (lower case) -> value, or throws ReportFormatError. Unknown fields are kept but unused. */
function readFields(content: string, encoding: NoticeEncoding): Map<string, string> {
  const text = stripBom(content).trim();
  const fields = new Map<string, string>();
  const put = (name: string, raw: string) => {
    const key = name.toLowerCase();
    const field = FIELD_OF_NAME.get(key);
    if (field !== undefined) {
      const clash = FIELDS[field].find((n) => fields.has(n));
      if (clash !== undefined) throw new ReportFormatError(`The notice gives the field ${name} more than once (or under two names); it was not posted.`);
    }
    fields.set(key, raw);
  };
  if (encoding === 'json') {
    // The text begins with "{", so what JSON.parse returns is an object.
    let notice: Record<string, unknown>;
    try {
      notice = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new ReportFormatError('The notice is not valid JSON.');
    }
    for (const [name, raw] of Object.entries(notice)) {
      const known = FIELD_OF_NAME.has(name.toLowerCase());
      if (raw === null) continue;
      if (typeof raw !== 'string') {
        if (!known) continue;
        const what = typeof raw === 'number' ? 'a JSON number' : Array.isArray(raw) ? 'a list' : `a JSON ${typeof raw}`;
        throw new ReportFormatError(
          `The notice's ${name} is ${what}, not text${FIELD_OF_NAME.get(name.toLowerCase()) === 'amount' ? ' like "40.00"' : ''}; the notice was not posted.`,
        );
      }
      put(name, raw);
    }
    return fields;
  }
  if (encoding === 'xml') {
    for (const [name, raw] of readXmlFields(text)) put(name, raw);
    return fields;
  }
  if (!/^[^=&\s]+=[^&]*(?:&[^=&\s]+=[^&]*)*$/.test(text)) {
    throw new ReportFormatError('The notice is neither JSON, XML nor name-value pairs (name=value&name=value).');
  }
  for (const pair of text.split('&')) {
    const eq = pair.indexOf('=');
    let name: string;
    let raw: string;
    try {
      name = decodeURIComponent(pair.slice(0, eq).replaceAll('+', ' '));
      raw = decodeURIComponent(pair.slice(eq + 1).replaceAll('+', ' '));
    } catch {
      throw new ReportFormatError(`The notice's "${pair.slice(0, 60)}" is not form-encoded correctly (a % not followed by two hex digits).`);
    }
    put(name, raw);
  }
  return fields;
}

const xmlParser = new XMLParser({
  // No entity is expanded by the parser; XML's five and character references are decoded below.
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  trimValues: true,
  cdataPropName: '#cdata',
  commentPropName: false,
  isArray: () => true,
});

const XML_ENTITIES = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);

function decodeXmlText(text: string, name: string): string {
  return text.replace(/&(#x[0-9A-Fa-f]+|#\d+|[A-Za-z][\w.-]*);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref.startsWith('#x') ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (code > 0x10ffff || (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d)) {
        throw new ReportFormatError(`The notice's ${name} has the character reference ${whole}, which is not allowed.`);
      }
      return String.fromCodePoint(code);
    }
    const value = XML_ENTITIES.get(ref);
    if (value === undefined) {
      throw new ReportFormatError(`The notice's ${name} uses the entity ${whole}; Kinpay expands no entities beyond XML's own five.`);
    }
    return value;
  });
}

function readXmlFields(text: string): Array<[string, string]> {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new ReportFormatError('The XML notice declares a DOCTYPE or entities; Kinpay reads notices without them and did not post it.');
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new ReportFormatError(`The notice is not well-formed XML: ${valid.err.msg} (line ${valid.err.line}).`);
  const document = xmlParser.parse(text) as Record<string, unknown>;
  const roots = Object.keys(document);
  const root = (document[roots[0]!] as unknown[] | undefined)?.[0];
  if (roots.length !== 1 || typeof root !== 'object' || root === null) {
    throw new ReportFormatError('The XML notice is not one element whose child elements are the fields.');
  }
  const result: Array<[string, string]> = [];
  for (const [name, values] of Object.entries(root as Record<string, unknown[]>)) {
    if (name === '#text') throw new ReportFormatError('The XML notice has text directly in its root element; the fields are its child elements.');
    if (values.length > 1) throw new ReportFormatError(`The XML notice gives the field ${name} ${values.length} times; it was not posted.`);
    const node = values[0];
    let raw: string;
    if (typeof node === 'string') raw = decodeXmlText(node, name);
    else if (typeof node === 'object' && node !== null && Object.keys(node).every((k) => k === '#cdata')) {
      raw = ((node as Record<string, unknown[]>)['#cdata'] ?? []).map(String).join('');
    } else {
      if (!FIELD_OF_NAME.has(name.toLowerCase())) continue;
      throw new ReportFormatError(`The XML notice's ${name} holds other elements or mixed content, not a value.`);
    }
    result.push([name, raw]);
  }
  return result;
}

/** The published spelling of an event named in any letter case (the callers trim it). */
function canonicalEvent(text: string): InstaMedEvent | null {
  return INSTAMED_EVENTS.find((e) => e.toLowerCase() === text.toLowerCase()) ?? null;
}

/** `<event>:<TransactionID>` of a notice (any encoding), or null when it cannot be read that far. */
export function instaMedNoticeKey(content: string): string | null {
  try {
    const fields = readFields(content, noticeEncodingOf(content));
    const eventText = (fields.get('eventtype') ?? '').trim();
    const transactionId = (fields.get('transactionid') ?? '').trim();
    if (eventText === '' || transactionId === '') return null;
    return `${canonicalEvent(eventText) ?? eventText}:${transactionId}`;
  } catch (error) {
    if (error instanceof ReportFormatError) return null;
    throw error;
  }
}

export function parseInstaMedNotice(content: string): ParsedReport {
  const encoding = noticeEncodingOf(content);
  const fields = readFields(content, encoding);
  const get = (field: Field) => {
    for (const name of FIELDS[field]) {
      const v = fields.get(name);
      if (v !== undefined) return v.trim();
    }
    return '';
  };

  const eventText = get('eventtype');
  const event = canonicalEvent(eventText);
  if (event === null) {
    throw new ReportFormatError(`The notice's EventType "${eventText}" is not one of ${INSTAMED_EVENTS.join(', ')}; it was not posted.`);
  }
  const transactionId = get('transactionid');
  const merchantId = get('merchantid');
  const meta: Record<string, string> = { eventType: event, encoding };
  if (transactionId !== '') meta.transactionId = transactionId;
  const report: ParsedReport = {
    format: 'INSTAMED_WEBHOOK',
    version: ENCODING_NAMES[encoding],
    publisher: 'INSTAMED',
    transactions: [],
    skipped: [],
    payee: { npis: [], merchantIds: merchantId === '' ? [] : [merchantId], accountNames: [], names: [] },
    test: false,
    balance: null,
    meta,
  };

  const kind = INSTAMED_EVENT_KINDS[event];
  if (kind === null) {
    report.skipped.push({ location: LOCATION, reason: `${event} notice: no money moved` });
    return report;
  }
  if (!TRANSACTION_ID.test(transactionId)) {
    fail(LOCATION, `TransactionID "${transactionId}" is not 1 to 50 letters and digits; the notice was not posted.`);
  }
  const amountText = get('amount');
  if (!PLAIN_DECIMAL.test(amountText)) {
    fail(LOCATION, `the Amount "${amountText}" is not a decimal amount like "40.00"; the notice was not posted.`);
  }
  const amountCents = centsWithinCeiling(amountText, LOCATION, 'notice');
  if (amountCents === 0) {
    report.skipped.push({ location: LOCATION, reason: `${event} notice for 0.00: no money moved` });
    return report;
  }
  const dateText = get('transactiondate');
  const occurredAt = readIsoDateTime(dateText);
  if (occurredAt === null) fail(LOCATION, `TransactionDate "${dateText}" is not an ISO 8601 date and time.`);

  const primary = emptyToNull(get('primarytransactionid'));
  if (primary !== null && !TRANSACTION_ID.test(primary)) fail(LOCATION, `PrimaryTransactionID "${primary}" is not 1 to 50 letters and digits.`);
  const originalTransactionId = kind === 'SALE' ? null : kind === 'VOID' ? (primary ?? transactionId) : primary;
  const payerName = fields.has('patientname') ? emptyToNull(get('patientname')) : joinName(get('patientfirstname'), get('patientlastname'));

  report.transactions.push({
    transactionId,
    kind,
    amountCents,
    accountNumber: accountFromInstaMed(get('patientaccountnumber')),
    payerName,
    method: METHODS.get(get('transactiontype').toLowerCase()) ?? 'OTHER',
    cardType: emptyToNull(get('cardtype')),
    authorizationNumber: emptyToNull(get('authorizationnumber')),
    occurredAt,
    originalTransactionId,
    location: LOCATION,
  });
  return report;
}

// ---------------------------------------------------------------------------------------------- writing

export interface WriteInstaMedNoticeOptions {
  encoding: NoticeEncoding;
  /** Default: the event of the transaction's kind. Declined, Settlement and Error may be sent for any. */
  event?: InstaMedEvent;
  merchantId?: string;
}

const EVENT_OF_KIND: Partial<Record<TransactionKind, InstaMedEvent>> = {
  SALE: 'Approved',
  VOID: 'Voided',
  REFUND: 'Refunded',
  RETURN: 'Returned',
  CHARGEBACK: 'Chargeback',
};
const TYPE_OF_METHOD: Partial<Record<PaymentMethod, string>> = { CARD: 'CreditCard', ACH: 'eCheck', CASH: 'Cash' };
const XML_ROOT = 'Notification';

/** The notice InstaMed would post for this transaction, and its Content-Type. */
export function writeInstaMedNotice(transaction: ReportTransaction, options: WriteInstaMedNoticeOptions): { body: string; contentType: string } {
  const tx = transaction;
  const when = assertWritable(tx, 'writeInstaMedNotice');
  const { encoding } = options;
  if (!Object.hasOwn(NOTICE_CONTENT_TYPES, encoding)) throw new RangeError(`writeInstaMedNotice: encoding must be json, xml or nvp, got "${String(encoding)}"`);
  const natural = EVENT_OF_KIND[tx.kind];
  if (natural === undefined) throw new RangeError(`writeInstaMedNotice: InstaMed sends no notice for a ${tx.kind}`);
  const event = options.event ?? natural;
  if (!INSTAMED_EVENTS.includes(event))
    throw new RangeError(`writeInstaMedNotice: "${String(event)}" is not an InstaMed event (${INSTAMED_EVENTS.join(', ')})`);
  if (INSTAMED_EVENT_KINDS[event] !== null && event !== natural) {
    throw new RangeError(`writeInstaMedNotice: a ${event} notice reads as ${INSTAMED_EVENT_KINDS[event]}, not ${tx.kind}`);
  }
  if (!TRANSACTION_ID.test(tx.transactionId))
    throw new RangeError(`writeInstaMedNotice: transactionId "${tx.transactionId}" is not 1 to 50 letters and digits`);
  if (tx.originalTransactionId !== null && !TRANSACTION_ID.test(tx.originalTransactionId)) {
    throw new RangeError(`writeInstaMedNotice: originalTransactionId "${tx.originalTransactionId}" is not 1 to 50 letters and digits`);
  }
  if (tx.kind === 'VOID' && tx.originalTransactionId === null)
    throw new RangeError(`writeInstaMedNotice: a VOID always names what it voids (its own ID when none other)`);
  if (tx.accountNumber === UNKNOWN_ACCOUNT)
    throw new RangeError(`writeInstaMedNotice: account number 9999 of ${tx.transactionId} would read back as unknown; use null`);
  if (tx.method === 'CHECK') throw new RangeError(`writeInstaMedNotice: TransactionType has no value for a CHECK payment`);
  if (options.merchantId !== undefined && (options.merchantId.trim() === '' || options.merchantId.trim() !== options.merchantId)) {
    throw new RangeError(`writeInstaMedNotice: merchantId must be text without surrounding spaces, got "${options.merchantId}"`);
  }
  const name = splitName(tx.payerName, 'writeInstaMedNotice');

  const notice: Array<[string, string]> = [
    ['EventType', event],
    ['TransactionID', tx.transactionId],
  ];
  // A void of its own ID needs no PrimaryTransactionID; other undos name their sale when they know it.
  if (tx.originalTransactionId !== null && !(tx.kind === 'VOID' && tx.originalTransactionId === tx.transactionId)) {
    notice.push(['PrimaryTransactionID', tx.originalTransactionId]);
  }
  notice.push(['Amount', centsToDecimalString(tx.amountCents)], ['TransactionDate', when.toISOString().replace('.000Z', 'Z')]);
  // InstaMed's placeholder for an account it does not know (published for the 835), read back as unknown.
  notice.push(['PatientAccountNumber', tx.accountNumber ?? UNKNOWN_ACCOUNT]);
  if (tx.payerName !== null) notice.push(['PatientFirstName', [name.first, name.middle].filter(Boolean).join(' ')], ['PatientLastName', name.last]);
  const type = TYPE_OF_METHOD[tx.method];
  if (type !== undefined) notice.push(['TransactionType', type]);
  if (tx.cardType !== null) notice.push(['CardType', tx.cardType]);
  if (tx.authorizationNumber !== null) notice.push(['AuthorizationNumber', tx.authorizationNumber]);
  if (options.merchantId !== undefined) notice.push(['MerchantID', options.merchantId]);
  for (const [field, value] of notice) {
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    if (/[\u0000-\u001f\u007f]/.test(value)) throw new RangeError(`writeInstaMedNotice: ${field} contains a control character`);
  }

  const contentType = NOTICE_CONTENT_TYPES[encoding];
  if (encoding === 'json') return { body: JSON.stringify(Object.fromEntries(notice), null, 2), contentType };
  if (encoding === 'nvp') return { body: new URLSearchParams(notice).toString(), contentType };
  const escape = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<${XML_ROOT}>`,
    ...notice.map(([field, value]) => `  <${field}>${escape(value)}</${field}>`),
    `</${XML_ROOT}>`,
    '',
  ].join('\n');
  return { body, contentType };
}
