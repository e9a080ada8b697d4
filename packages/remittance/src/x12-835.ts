/**
 * X12 835 (005010X221A1) patient-payment remittance, as InstaMed's "dpa835"
 * (file name `[Account]_dpa835_[YYYYMMDD]_[seq].rep`).
 *
 * Source facts (shared/notes/domain.md):
 * - Delimiters come from the fixed-length ISA: element separator at index 3, component separator at 104,
 *   segment terminator at 105. CR/LF between segments is tolerated.
 * - ISA > GS(HP) > ST*835 > BPR > TRN > N1*PR / N1*PE > LX > CLP ... > PLB > SE > GE > IEA; SE01 counts segments.
 * - dpa835: BPR03 C = sale, D = refund; BPR11 payment method; TRN02 authorization number;
 *   N1*PR carries the patient's name, N103 = XV, N104 = Patient Account Number or 9999 when unknown.
 * - CLP02 1/2/3 processed, 4 denied, 22 reversal of a previous payment (negative amounts, usually followed by
 *   a corrected claim with the same CLP01), 25 predetermination.
 * - Balancing: BPR02 (negated if BPR03 = D) = sum(CLP04) - sum(PLB amounts).
 *
 * Layout we chose where the facts leave gaps (the writer produces exactly this; the reader accepts it and
 * the usual variations: several CLPs per ST, CAS/NM1/SVC/REF/N3/N4 segments, PLB):
 *
 *   ISA*00*          *00*          *ZZ*INSTAMED       *ZZ*<payeeId>      *YYMMDD*HHMM*^*00501*<control>*0*P*:~
 *   GS*HP*INSTAMED*<payeeId>*CCYYMMDD*HHMM*<control>*X*005010X221A1~
 *   ST*835*0001~                          one transaction set per payment (each has its own BPR03 direction)
 *   BPR*I*40.00*C*BOP*******VISA*****20261125~
 *        BPR01 I: remittance information only (the money already moved on the card/ACH network)
 *        BPR02 amount, BPR03 C credit / D debit
 *        BPR04 patient's payment method: BOP = card, ACH = eCheck, CHK (or anything else) = other
 *        BPR11 card brand as sent (the domain note calls BPR11 "payment method"; BPR04 already says card vs ACH)
 *        BPR16 payment date
 *   TRN*1*<authorization number, empty for none>*INSTAMED~
 *   DTM*405*CCYYMMDD*HHMMSS*UT~           time of the payment; DTM04 zone (UT, or ES/ED/CS/...; none = UTC)
 *   N1*PR*RIVERA, SOFIA*XV*<Patient Account Number or 9999>~
 *   N1*PE*<practice>*XX*<payeeId>~
 *   LX*1~
 *   CLP*<CLP01>*<1 | 22>*<charge>*<paid>**09*<CLP07>~
 *        CLP01 = the sale the claim is about; CLP07 (payer claim control number) = this transaction's own ID
 *        when it differs (refunds, reversals and corrected claims get new IDs at InstaMed). A plain sale
 *        has CLP01 = its transaction ID and no CLP07. CLP06 09 = self-pay.
 *   PLB*<payeeId>*CCYY1231*<reason:ref>*<amount>~   optional provider adjustments (e.g. processing fees)
 *   SE*<count>*0001~  GE*<n>*<control>~  IEA*1*<control>~
 *
 * Mapping, per CLP: CLP02 22 -> REVERSAL (originalTransactionId = CLP01); CLP02 1/2/3/19/20/21 -> SALE when
 * CLP04 > 0, REFUND when CLP04 < 0. For a single-claim ST that is exactly "BPR03 C = sale, D = refund"; we
 * look at the claim's sign because BPR03 is the ST's net direction, which says nothing about a corrected
 * claim sharing an ST with its reversal. CLP02 4/23/25 and zero payments moved no money and are skipped.
 * transactionId = CLP07, else CLP01. A corrected claim after a reversal of the same CLP01 must carry its own
 * CLP07: with CLP01 alone it would post as (and be de-duplicated against) the original sale.
 */
import { X12Interchange, X12Parser } from 'node-x12';
import type { X12Segment } from 'node-x12';
import { centsToDecimalString, formatCents, parseDecimalToCents } from '@kinpay/money';
import {
  ReportFormatError,
  UNKNOWN_ACCOUNT,
  accountFromInstaMed,
  assertNoDelimiters,
  assertWritable,
  emptyToNull,
  isoFromCompact,
  utcParts,
} from './types.ts';
import type { ParsedReport, PaymentMethod, ReportTransaction, TransactionKind } from './types.ts';

const ISA_LENGTH = 106;
/** Segments a 005010X221A1 transaction set may contain between ST and SE. */
const BODY_TAGS = new Set([
  'BPR', 'TRN', 'CUR', 'REF', 'DTM', 'N1', 'N2', 'N3', 'N4', 'PER', 'RDM', 'LX', 'TS3', 'TS2',
  'CLP', 'CAS', 'NM1', 'MIA', 'MOA', 'AMT', 'QTY', 'SVC', 'LQ', 'PLB',
]);
const PROCESSED = new Set(['1', '2', '3', '19', '20', '21']);
/** Denied, not our claim, predetermination: no money moved. */
const NOT_PAID = new Set(['4', '23', '25']);
const REVERSAL = '22';
/** DTM04 time codes with a fixed offset from UTC, in hours. */
const ZONE_OFFSETS: Record<string, number> = {
  UT: 0, GM: 0, ES: -5, ED: -4, CS: -6, CD: -5, MS: -7, MD: -6, PS: -8, PD: -7, AS: -9, AD: -8, HS: -10,
};

interface Delimiters {
  element: string;
  component: string;
  segment: string;
  repetition: string;
}

// ---------------------------------------------------------------------------------------------- reading

export function parse835(content: string): ParsedReport {
  const { text, delimiters } = prepare(content);
  const interchange = parseEnvelope(text, delimiters);
  const meta: Record<string, string> = {};
  const isa = text.slice(0, ISA_LENGTH - 1).split(delimiters.element);
  meta.senderId = (isa[6] ?? '').trim();
  meta.receiverId = (isa[8] ?? '').trim();
  meta.interchangeControlNumber = (isa[13] ?? '').trim();

  const transactions: ReportTransaction[] = [];
  const reversedIds = new Set<string>();
  let skippedNotPaid = 0;
  let providerAdjustmentsCents = 0;
  let transactionSets = 0;

  let position = 1; // ISA
  for (const group of interchange.functionalGroups) {
    position += 1; // GS
    meta.groupControlNumber ??= value(group.header, 6);
    meta.fileDate ??= dashedDate(value(group.header, 4));
    for (const set of group.transactions) {
      const stPosition = ++position;
      position += set.segments.length + 1; // body + SE
      transactionSets += 1;
      const result = readTransactionSet(set.segments, `transaction set ${value(set.header, 2)} (ST at segment ${stPosition})`, stPosition, reversedIds);
      transactions.push(...result.transactions);
      skippedNotPaid += result.skippedNotPaid;
      providerAdjustmentsCents += result.providerAdjustmentsCents;
      if (result.payeeName !== null) meta.payeeName ??= result.payeeName;
      if (result.payeeId !== null) meta.payeeId ??= result.payeeId;
    }
    position += 1; // GE
  }
  meta.transactionSets = String(transactionSets);
  meta.providerAdjustments = centsToDecimalString(providerAdjustmentsCents);
  meta.skippedNotPaid = String(skippedNotPaid);
  return { format: 'X12_835', transactions, meta };
}

/** Finds the delimiters in the ISA and removes the line breaks some senders put between segments. */
function prepare(content: string): { text: string; delimiters: Delimiters } {
  let text = content.replace(/^\uFEFF/, '').trimStart();
  if (!text.startsWith('ISA')) throw new ReportFormatError('The file does not start with an ISA segment, so it is not an X12 835.');
  if (text.length < ISA_LENGTH) throw new ReportFormatError('The file is shorter than an ISA segment (106 characters); it may have been cut off.');
  const delimiters: Delimiters = { element: text[3]!, component: text[104]!, segment: text[105]!, repetition: text[82]! };
  const isaElements = text.slice(0, ISA_LENGTH - 1).split(delimiters.element);
  if (/[A-Za-z0-9 ]/.test(delimiters.element) || isaElements.length !== 17 || delimiters.segment === delimiters.element || /[A-Za-z0-9]/.test(delimiters.segment)) {
    throw new ReportFormatError(
      'The ISA segment is not the fixed 106 characters with 16 elements; its delimiters cannot be read (a padded field of the ISA may be too short or too long).',
    );
  }
  if (delimiters.segment === '\n' || delimiters.segment === '\r') {
    text = text.replace(/\r\n?/g, '\n');
    delimiters.segment = '\n';
  } else {
    // X12 data may not contain line breaks, so any we see are formatting between segments.
    text = text.replace(/[\r\n]/g, '');
  }
  return { text, delimiters };
}

/**
 * Tokenizes with node-x12 and checks the envelope. node-x12's strict mode throws on the first control-count
 * mismatch with a message that does not say which transaction set; we run it collecting diagnostics and
 * word the checks ourselves, then surface any remaining node-x12 diagnostic.
 */
function parseEnvelope(text: string, delimiters: Delimiters): X12Interchange {
  const isaCount = text.split(delimiters.segment).filter((s) => s.trimStart().startsWith(`ISA${delimiters.element}`)).length;
  if (isaCount > 1) throw new ReportFormatError(`The file holds ${isaCount} interchanges (ISA segments); expected one.`);

  const parser = new X12Parser(false);
  let parsed: ReturnType<X12Parser['parse']>;
  try {
    parsed = parser.parse(text, {
      elementDelimiter: delimiters.element,
      segmentTerminator: delimiters.segment,
      subElementDelimiter: delimiters.component,
      repetitionDelimiter: delimiters.repetition,
    });
  } catch (error) {
    const detail = parser.diagnostics[0]?.message ?? (error instanceof Error ? error.message : String(error));
    throw new ReportFormatError(`The file is not a well-formed X12 interchange: ${stripLibraryPrefix(detail)}`);
  }
  if (!(parsed instanceof X12Interchange) || parsed.header === undefined) {
    throw new ReportFormatError('The file is not a well-formed X12 interchange.');
  }
  const interchange = parsed;

  let position = 1;
  for (const group of interchange.functionalGroups) {
    const gsPosition = ++position;
    const groupControl = value(group.header, 6);
    if (value(group.header, 1) !== 'HP') {
      throw new ReportFormatError(`Functional group ${groupControl} (GS at segment ${gsPosition}) is of type "${value(group.header, 1)}", not HP (health care claim payment/advice).`);
    }
    if (!value(group.header, 8).startsWith('005010X221')) {
      throw new ReportFormatError(`Functional group ${groupControl} (GS at segment ${gsPosition}) is version "${value(group.header, 8)}", not 005010X221A1 (835).`);
    }
    for (const set of group.transactions) {
      const stPosition = ++position;
      const control = value(set.header, 2);
      const actual = set.segments.length + 2;
      position += set.segments.length;
      if (value(set.header, 1) !== '835') {
        throw new ReportFormatError(`Transaction set ${control} (ST at segment ${stPosition}) is an ${value(set.header, 1)}, not an 835.`);
      }
      if (set.trailer === undefined) {
        throw new ReportFormatError(`Transaction set ${control} (ST at segment ${stPosition}) has no SE segment.`);
      }
      position += 1;
      const declared = value(set.trailer, 1);
      if (!/^\d+$/.test(declared) || Number(declared) !== actual) {
        throw new ReportFormatError(`Segment count in SE01 is ${declared || 'missing'} but the transaction set has ${actual} segments (ST at segment ${stPosition}, control number ${control}).`);
      }
      if (value(set.trailer, 2) !== control) {
        throw new ReportFormatError(`SE02 control number ${value(set.trailer, 2)} does not match ST02 ${control} (ST at segment ${stPosition}).`);
      }
    }
    if (group.trailer === undefined) {
      throw new ReportFormatError(`Functional group ${groupControl} (GS at segment ${gsPosition}) has no GE segment.`);
    }
    position += 1;
    if (value(group.trailer, 1) !== String(group.transactions.length)) {
      throw new ReportFormatError(`GE01 says functional group ${groupControl} has ${value(group.trailer, 1) || 'no'} transaction sets but it has ${group.transactions.length}.`);
    }
    if (value(group.trailer, 2) !== groupControl) {
      throw new ReportFormatError(`GE02 control number ${value(group.trailer, 2)} does not match GS06 ${groupControl}.`);
    }
  }
  if (interchange.functionalGroups.length === 0) throw new ReportFormatError('The interchange has no functional group (GS).');
  if (interchange.trailer === undefined) throw new ReportFormatError('The file ends without an IEA segment; it may have been cut off.');
  if (value(interchange.trailer, 1) !== String(interchange.functionalGroups.length)) {
    throw new ReportFormatError(`IEA01 says the interchange has ${value(interchange.trailer, 1) || 'no'} functional groups but it has ${interchange.functionalGroups.length}.`);
  }
  if (value(interchange.trailer, 2) !== value(interchange.header, 13)) {
    throw new ReportFormatError(`IEA02 control number ${value(interchange.trailer, 2)} does not match ISA13 ${value(interchange.header, 13)}.`);
  }
  // Anything node-x12 noticed that the checks above do not cover, e.g. a segment between SE and the next ST.
  const leftover = parser.diagnostics.find((d) => d.level === 2);
  if (leftover) throw new ReportFormatError(`The file is not a well-formed X12 interchange: ${stripLibraryPrefix(leftover.message)}`);
  return interchange;
}

interface SetResult {
  transactions: ReportTransaction[];
  skippedNotPaid: number;
  providerAdjustmentsCents: number;
  payeeName: string | null;
  payeeId: string | null;
}

function readTransactionSet(segments: X12Segment[], where: string, stPosition: number, reversedIds: Set<string>): SetResult {
  const at = (index: number) => `segment ${stPosition + 1 + index}`;
  segments.forEach((segment, index) => {
    if (!BODY_TAGS.has(segment.tag)) {
      throw new ReportFormatError(`Segment ${stPosition + 1 + index} ("${segment.tag}") in ${where} is not a segment an 835 may contain.`);
    }
  });

  const bpr = segments[0];
  if (bpr?.tag !== 'BPR') throw new ReportFormatError(`The ${where} must begin with a BPR segment, found ${bpr?.tag ?? 'nothing'}.`);
  const direction = value(bpr, 3);
  if (direction !== 'C' && direction !== 'D') {
    throw new ReportFormatError(`BPR03 at ${at(0)} must be C (credit) or D (debit), found "${direction}".`);
  }
  const bprCents = readAmount(value(bpr, 2), 'BPR02', at(0));
  if (bprCents < 0) throw new ReportFormatError(`BPR02 at ${at(0)} is negative; the direction belongs in BPR03.`);

  const trn = segments.find((s) => s.tag === 'TRN');
  if (!trn) throw new ReportFormatError(`The ${where} has no TRN segment (trace number).`);
  const patient = segments.find((s) => s.tag === 'N1' && value(s, 1) === 'PR');
  if (!patient) throw new ReportFormatError(`The ${where} has no N1*PR segment (the patient who paid).`);
  const payee = segments.find((s) => s.tag === 'N1' && value(s, 1) === 'PE');
  if (!payee) throw new ReportFormatError(`The ${where} has no N1*PE segment (the practice paid).`);
  const occurredAt = readPaymentTime(segments, bpr, where);

  const method = methodFromBpr04(value(bpr, 4));
  const shared = {
    accountNumber: accountFromInstaMed(value(patient, 4)),
    payerName: emptyToNull(value(patient, 2)),
    method,
    cardType: emptyToNull(value(bpr, 11)),
    authorizationNumber: emptyToNull(value(trn, 2)),
    occurredAt,
  };

  const transactions: ReportTransaction[] = [];
  let skippedNotPaid = 0;
  let claimsCents = 0;
  let providerAdjustmentsCents = 0;
  segments.forEach((segment, index) => {
    if (segment.tag === 'PLB') {
      // PLB03/04, PLB05/06, ... are (reason:reference, amount) pairs.
      for (let element = 4; element <= 14; element += 2) {
        const amount = value(segment, element);
        if (amount !== '') providerAdjustmentsCents += readAmount(amount, `PLB${pad2(element)}`, at(index));
      }
      return;
    }
    if (segment.tag !== 'CLP') return;
    const claimId = value(segment, 1);
    const status = value(segment, 2);
    if (claimId === '') throw new ReportFormatError(`CLP01 at ${at(index)} is empty; it should carry the transaction ID.`);
    if (value(segment, 3) !== '') readAmount(value(segment, 3), 'CLP03', at(index));
    const paidCents = readAmount(value(segment, 4), 'CLP04', at(index));
    claimsCents += paidCents;
    const ownId = value(segment, 7) || claimId;

    let kind: TransactionKind;
    let originalTransactionId: string | null;
    if (status === REVERSAL) {
      if (paidCents >= 0) throw new ReportFormatError(`CLP ${claimId} at ${at(index)} is a reversal (CLP02 = 22) but its paid amount CLP04 is not negative.`);
      kind = 'REVERSAL';
      originalTransactionId = claimId;
      reversedIds.add(claimId);
    } else if (PROCESSED.has(status)) {
      if (paidCents === 0) {
        skippedNotPaid += 1;
        return;
      }
      if (reversedIds.has(claimId) && ownId === claimId) {
        throw new ReportFormatError(
          `CLP ${claimId} at ${at(index)} follows a reversal of the same transaction but has no transaction ID of its own in CLP07; it would post as the original sale.`,
        );
      }
      kind = paidCents > 0 ? 'SALE' : 'REFUND';
      originalTransactionId = ownId === claimId ? null : claimId;
    } else if (NOT_PAID.has(status)) {
      skippedNotPaid += 1;
      return;
    } else {
      throw new ReportFormatError(`CLP02 at ${at(index)} is "${status}", which is not a claim status this portal understands (1, 2, 3, 4, 19-23, 25).`);
    }
    transactions.push({ transactionId: ownId, kind, amountCents: Math.abs(paidCents), ...shared, originalTransactionId });
  });

  const bprSigned = direction === 'D' ? -bprCents : bprCents;
  const expected = claimsCents - providerAdjustmentsCents;
  if (bprSigned !== expected) {
    throw new ReportFormatError(
      `The ${where} does not balance: BPR02 is ${formatCents(bprCents)} ${direction === 'D' ? 'debit' : 'credit'} (${formatCents(bprSigned)}) ` +
        `but the claim payments (sum of CLP04) come to ${formatCents(claimsCents)} less ${formatCents(providerAdjustmentsCents)} ` +
        `of provider adjustments (PLB), which is ${formatCents(expected)}.`,
    );
  }
  return {
    transactions,
    skippedNotPaid,
    providerAdjustmentsCents,
    payeeName: emptyToNull(value(payee, 2)),
    payeeId: emptyToNull(value(payee, 4)),
  };
}

function readPaymentTime(segments: X12Segment[], bpr: X12Segment, where: string): string {
  const dtm = segments.find((s) => s.tag === 'DTM' && value(s, 1) === '405');
  if (dtm) {
    const zone = value(dtm, 4) || 'UT';
    const offset = ZONE_OFFSETS[zone];
    if (offset === undefined) throw new ReportFormatError(`DTM*405 in the ${where} has time code "${zone}", which this portal cannot convert to UTC.`);
    const time = value(dtm, 3).slice(0, 6); // HHMM, HHMMSS or HHMMSSD(D): fractions of a second are dropped
    const local = isoFromCompact(value(dtm, 2), time);
    if (local === null) throw new ReportFormatError(`DTM*405 in the ${where} has an invalid date or time: "${value(dtm, 2)}" "${value(dtm, 3)}".`);
    return new Date(Date.parse(local) - offset * 3_600_000).toISOString();
  }
  const bprDate = isoFromCompact(value(bpr, 16));
  if (bprDate === null) throw new ReportFormatError(`The ${where} has no payment date (neither DTM*405 nor a valid BPR16).`);
  return bprDate;
}

function methodFromBpr04(code: string): PaymentMethod {
  if (code === 'BOP') return 'CARD';
  if (code === 'ACH') return 'ACH';
  return 'OTHER';
}

/** X12 decimal ("R"): optional minus, digits, at most 2 decimals here, no $ or thousands separators. */
function readAmount(text: string, element: string, where: string): number {
  if (/^-?(\d+\.?\d*|\.\d+)$/.test(text)) {
    const decimals = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
    if (decimals > 2) throw new ReportFormatError(`${element} at ${where} is "${text}", which has more than 2 decimals.`);
    return parseDecimalToCents(text.endsWith('.') ? text.slice(0, -1) : text);
  }
  throw new ReportFormatError(`${element} at ${where} is "${text}", which is not an amount.`);
}

function value(segment: X12Segment | undefined, position: number): string {
  return (segment?.valueOf(position) ?? '').trim();
}

function dashedDate(ccyymmdd: string): string {
  return /^\d{8}$/.test(ccyymmdd) ? `${ccyymmdd.slice(0, 4)}-${ccyymmdd.slice(4, 6)}-${ccyymmdd.slice(6)}` : ccyymmdd;
}

function stripLibraryPrefix(message: string): string {
  return message.replace(/^X12 Standard: /, '');
}

const pad2 = (n: number) => String(n).padStart(2, '0');

// ---------------------------------------------------------------------------------------------- writing

export interface Write835Options {
  /** The practice, for N1*PE. */
  payeeName: string;
  /** The practice's ID at the clearinghouse (N1*PE N104 with XX, ISA08, GS03); up to 15 characters. */
  payeeId: string;
  /** ISA13 and GS06; 1..999999999. */
  controlNumber: number;
  /** When the file was produced (ISA09/10, GS04/05), in UTC. */
  date: Date;
  /** ISA15: P production (default) or T test. */
  usage?: 'P' | 'T';
}

const SENDER = 'INSTAMED';
const WRITE_DELIMITERS = { segmentTerminator: '~', elementDelimiter: '*', subElementDelimiter: ':', repetitionDelimiter: '^' };

/** One ST per transaction; SALE, REFUND and REVERSAL only (an 835 has no way to say VOID or CHARGEBACK). */
export function write835(transactions: ReportTransaction[], options: Write835Options): string {
  const { payeeName, payeeId, controlNumber, date } = options;
  if (!Number.isInteger(controlNumber) || controlNumber < 1 || controlNumber > 999_999_999) {
    throw new RangeError(`write835: controlNumber must be 1..999999999, got ${controlNumber}`);
  }
  if (payeeId.length < 2 || payeeId.length > 15) throw new RangeError(`write835: payeeId must be 2 to 15 characters, got "${payeeId}"`);
  const delimiterChars = Object.values(WRITE_DELIMITERS);
  assertNoDelimiters([payeeName, payeeId], delimiterChars, 'write835');

  const interchange = new X12Interchange({ ...WRITE_DELIMITERS, endOfLine: '\n', format: true });
  const { ymd, hms } = utcParts(date);
  interchange.setHeader([
    '00', '', '00', '', 'ZZ', SENDER, 'ZZ', payeeId, ymd.slice(2), hms.slice(0, 4), '^', '00501',
    String(controlNumber), '0', options.usage ?? 'P', ':',
  ]);
  const group = interchange.addFunctionalGroup();
  group.setHeader(['HP', SENDER, payeeId, ymd, hms.slice(0, 4), String(controlNumber), 'X', '005010X221A1']);

  transactions.forEach((tx, index) => {
    const when = assertWritable(tx, 'write835');
    if (tx.kind === 'VOID' || tx.kind === 'CHARGEBACK') {
      throw new RangeError(`write835: ${tx.kind} ${tx.transactionId} cannot be expressed in an 835; leave it out or use another format`);
    }
    const claimId = tx.originalTransactionId ?? tx.transactionId;
    assertNoDelimiters(
      [tx.transactionId, claimId, tx.accountNumber, tx.payerName, tx.cardType, tx.authorizationNumber],
      delimiterChars,
      'write835',
    );
    const debit = tx.kind !== 'SALE';
    const paid = centsToDecimalString(debit ? -tx.amountCents : tx.amountCents);
    const at = utcParts(when);

    const set = group.addTransaction();
    set.setHeader(['835', String(index + 1).padStart(4, '0')]);
    set.addSegment('BPR', ['I', centsToDecimalString(tx.amountCents), debit ? 'D' : 'C', bpr04(tx.method), '', '', '', '', '', '', tx.cardType ?? '', '', '', '', '', at.ymd]);
    set.addSegment('TRN', ['1', tx.authorizationNumber ?? '', SENDER]);
    set.addSegment('DTM', ['405', at.ymd, at.hms, 'UT']);
    set.addSegment('N1', ['PR', tx.payerName ?? '', 'XV', tx.accountNumber ?? UNKNOWN_ACCOUNT]);
    set.addSegment('N1', ['PE', payeeName, 'XX', payeeId]);
    set.addSegment('LX', ['1']);
    const clp = [claimId, tx.kind === 'REVERSAL' ? REVERSAL : '1', paid, paid, '', '09'];
    if (tx.transactionId !== claimId) clp.push(tx.transactionId);
    set.addSegment('CLP', clp);
  });
  return `${interchange.toString()}\n`;
}

function bpr04(method: PaymentMethod): string {
  if (method === 'CARD') return 'BOP';
  if (method === 'ACH') return 'ACH';
  return 'CHK';
}
