/**
 * InstaMed "EOD Posting File X12 835" 1.0 (dpa835): patient payments as an ASC X12 835, file name
 * `[Account Name]_dpa835_[YYYYMMDD]_[seq#].rep`. InstaMed's page (docs/published-formats.md, Part B)
 * publishes BPR, TRN, N1*PR and N3, and stops at N4; everything below is our reading (README).
 *
 *   ISA ... GS*HP ... (one interchange; GS08 005010X221(A1) or 004010X091(A1))
 *   ST*835*0001~
 *   BPR*H*40.00*C*NON*******1999999999*credit card*****20261125~
 *        BPR01 H, BPR02 amount, BPR03 C sale / D refund, BPR04 NON (configurable: any accepted),
 *        BPR10 1999999999, BPR11 transaction type (credit card, eCheck, cash, manual check), BPR16 business date
 *   TRN*1*<authorization number>*1999999999*credit card~
 *   DTM*405*20261125*193015*UT~             our reading: the payment's time (DTM04 time code; none = New York)
 *   N1*PR*Sofia Rivera*XV*100234~           "First Last" ("Patient" = no name); account, 9999 = unknown
 *   N3*12 Elm St~  N4*...~                  optional
 *   N1*PE*MAPLE GROVE PEDIATRICS*XX*1467589012~   our reading: the practice and its NPI (optional)
 *   LX*1~
 *   CLP*<CLP01>*<1|22>*<charge>*<paid>**09[*<CLP07>]~   our reading: one CLP per transaction
 *   PLB*...~                                 optional provider adjustments (fees)
 *   SE ... GE ... IEA
 *
 * Each CLP is a transaction: ID = CLP07 when present, else CLP01; with CLP07, CLP01 names the sale a
 * refund or reversal undoes. CLP02 22 -> REVERSAL (of CLP01). Otherwise BPR03 C -> SALE (a negative CLP04
 * in a C set -> REFUND), BPR03 D -> REFUND. A D set writes its CLP04s all positive (InstaMed's "always
 * positive" style) or all negative (X12 style) and balances when |sum CLP04 - sum PLB| = BPR02; a C set
 * when sum CLP04 - sum PLB = BPR02.
 */
import { X12Interchange, X12Parser } from 'node-x12';
import type { X12Segment } from 'node-x12';
import { centsToDecimalString, formatCents, parseDecimalToCents } from '@kinpay/money';
import { InsuranceRemittanceError, ReportFormatError } from './contract.ts';
import type { ParsedReport, PaymentMethod, ReportTransaction, SkippedRecord, TransactionKind } from './contract.ts';
import { findInsurancePayer } from './era.ts';
import {
  TRANSACTION_ID,
  UNKNOWN_ACCOUNT,
  accountFromInstaMed,
  assertNoDelimiters,
  assertWritable,
  centsWithinCeiling,
  dollarsFromDecimalText,
  emptyToNull,
  fail,
} from './shared.ts';
import { compactFields, newYorkDay, utcParts, wallTimeToIso } from './time.ts';
import { stripBom } from './text.ts';

const ISA_LENGTH = 106;
/** node-x12's X12DiagnosticLevel.Error (the enum is declared but has no value at run time). */
const DIAGNOSTIC_ERROR = 2;
/**
 * Segments a transaction set may contain between ST and SE. An ERA's SVC, CAS, MIA and MOA are refused
 * before this (era.ts), so they are not listed: here they would fail the set.
 */
const BODY_TAGS = new Set([
  'BPR',
  'TRN',
  'CUR',
  'REF',
  'DTM',
  'N1',
  'N2',
  'N3',
  'N4',
  'PER',
  'RDM',
  'LX',
  'TS3',
  'TS2',
  'CLP',
  'NM1',
  'AMT',
  'QTY',
  'LQ',
  'PLB',
]);
export const ACCEPTED_GS08 = ['005010X221A1', '005010X221', '004010X091A1', '004010X091'];
/** CLP02 values that pay; 22 reverses; 4, 23, 25 pay nothing. */
const PROCESSED = new Set(['1', '2', '3', '19', '20', '21']);
const NOT_PAID = new Map([
  ['4', 'denied'],
  ['23', 'not our claim'],
  ['25', 'predetermination'],
]);
const REVERSAL = '22';
/** DTM04 time codes with a fixed offset from UTC, in hours. */
const ZONE_OFFSETS = new Map([
  ['UT', 0],
  ['GM', 0],
  ['ES', -5],
  ['ED', -4],
  ['CS', -6],
  ['CD', -5],
  ['MS', -7],
  ['MD', -6],
  ['PS', -8],
  ['PD', -7],
  ['AS', -9],
  ['AD', -8],
  ['HS', -10],
]);
/** BPR11 / TRN04 as published: "credit card", "eCheck", "cash", "manual check". */
const METHOD_OF_TYPE = new Map<string, PaymentMethod>([
  ['credit card', 'CARD'],
  ['echeck', 'ACH'],
  ['cash', 'CASH'],
  ['manual check', 'CHECK'],
]);
const TYPE_OF_METHOD: Partial<Record<PaymentMethod, string>> = { CARD: 'credit card', ACH: 'eCheck', CASH: 'cash', CHECK: 'manual check' };
/** What InstaMed's page says to write as N102 when the patient's name is unknown. */
const NO_NAME = 'Patient';

interface Delimiters {
  element: string;
  component: string;
  segment: string;
  repetition: string;
}

// ---------------------------------------------------------------------------------------------- reading

export function parse835(content: string): ParsedReport {
  const trimmed = stripBom(content).trimStart();
  // An insurer's ERA gets its own reason before any envelope check could fail it for something else.
  const payer = findInsurancePayer(trimmed);
  if (payer !== null) throw new InsuranceRemittanceError(payer);

  const { text, delimiters } = prepare(trimmed);
  const interchange = parseEnvelope(text, delimiters);
  // ISA00 to ISA15 as written (node-x12 drops ISA13's leading zeros); prepare() found all 17 elements.
  const isa = text.split(delimiters.element, 16);
  const usage = isa[15]!;
  const meta: Record<string, string> = {
    senderId: isa[6]!.trim(),
    receiverId: isa[8]!.trim(),
    interchangeControlNumber: isa[13]!,
    usage,
  };

  const transactions: ReportTransaction[] = [];
  const skipped: SkippedRecord[] = [];
  const npis: string[] = [];
  const names: string[] = [];
  const reversedIds = new Set<string>();
  const totals = { bpr: 0, claims: 0, plb: 0, sets: 0, debitSets: 0 };

  let position = 1; // ISA
  for (const group of interchange.functionalGroups) {
    position += 1; // GS
    meta.groupControlNumber ??= value(group.header, 6);
    meta.fileDate ??= dashedDate(value(group.header, 4));
    meta.x12Version ??= value(group.header, 8);
    for (const set of group.transactions) {
      const stPosition = ++position;
      position += set.segments.length + 1; // body + SE
      const result = readTransactionSet(set.segments, value(set.header, 2), stPosition, reversedIds);
      transactions.push(...result.transactions);
      skipped.push(...result.skipped);
      for (const npi of result.npis) if (!npis.includes(npi)) npis.push(npi);
      for (const name of result.names) if (!names.includes(name)) names.push(name);
      totals.bpr += result.bprSignedCents;
      totals.claims += result.claimsCents;
      totals.plb += result.plbCents;
      totals.sets += 1;
      if (result.debit) totals.debitSets += 1;
    }
    position += 1; // GE
  }
  meta.transactionSets = String(totals.sets);
  const sums = `BPR02 ${formatCents(totals.bpr)} = CLP04 ${formatCents(totals.claims)} − PLB ${formatCents(totals.plb)}`;
  const refunds = totals.debitSets > 0 ? ', refunds (BPR03 D) counted negative' : '';
  return {
    format: 'X12_835',
    version: `dpa835 1.0 (${meta.x12Version})`,
    publisher: 'INSTAMED',
    transactions,
    skipped,
    payee: { npis, merchantIds: [], accountNames: [], names },
    test: usage === 'T',
    balance: totals.sets === 1 ? `${sums} (one transaction set${refunds})` : `${sums} in all; each of the ${totals.sets} transaction sets balances${refunds}`,
    meta,
  };
}

/**
 * Removes the line breaks some senders put between segments, or inside them when they wrap the file at a
 * fixed width (X12 data holds no line breaks), unless a line break is the segment terminator; then finds
 * the delimiters in the fixed-width ISA.
 */
function prepare(content: string): { text: string; delimiters: Delimiters } {
  if (!content.startsWith('ISA')) throw new ReportFormatError('The file does not start with an ISA segment, so it is not an X12 835 interchange.');
  const terminator = content[ISA_LENGTH - 1];
  const text = terminator === '\n' || terminator === '\r' ? `${content.replace(/\r\n?/g, '\n').trimEnd()}\n` : content.replace(/[\r\n]/g, '').trimEnd();
  if (text.length < ISA_LENGTH) throw new ReportFormatError('The file is shorter than an ISA segment (106 characters); it may have been cut off.');
  const delimiters: Delimiters = { element: text[3]!, component: text[104]!, segment: text[105]!, repetition: text[82]! };
  const isaElements = text.slice(0, ISA_LENGTH - 1).split(delimiters.element);
  if (
    /[A-Za-z0-9 ]/.test(delimiters.element) ||
    isaElements.length !== 17 ||
    delimiters.segment === delimiters.element ||
    /[A-Za-z0-9 ]/.test(delimiters.segment)
  ) {
    throw new ReportFormatError(
      'The ISA segment is not the fixed 106 characters with 16 elements, so its delimiters cannot be read (a padded ISA element may be too short or too long).',
    );
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
  if (isaCount > 1) throw new ReportFormatError(`The file holds ${isaCount} interchanges (ISA segments); an InstaMed 835 file holds one.`);

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
      throw new ReportFormatError(
        `Functional group ${groupControl} (GS at segment ${gsPosition}) is of type "${value(group.header, 1)}", not HP (health care claim payment/advice).`,
      );
    }
    if (!ACCEPTED_GS08.includes(value(group.header, 8))) {
      throw new ReportFormatError(
        `Functional group ${groupControl} (GS at segment ${gsPosition}) is version "${value(group.header, 8)}", not an 835 version Kinpay reads (${ACCEPTED_GS08.join(', ')}).`,
      );
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
        throw new ReportFormatError(`Transaction set ${control} (ST at segment ${stPosition}) has no SE segment; the file may have been cut off.`);
      }
      position += 1;
      const declared = value(set.trailer, 1);
      if (!/^\d+$/.test(declared) || Number(declared) !== actual) {
        throw new ReportFormatError(
          `Segment count in SE01 is ${declared || 'missing'} but the transaction set has ${actual} segments (ST at segment ${stPosition}, control number ${control}).`,
        );
      }
      if (value(set.trailer, 2) !== control) {
        throw new ReportFormatError(`SE02 control number ${value(set.trailer, 2)} does not match ST02 ${control} (ST at segment ${stPosition}).`);
      }
    }
    if (group.trailer === undefined) {
      throw new ReportFormatError(`Functional group ${groupControl} (GS at segment ${gsPosition}) has no GE segment; the file may have been cut off.`);
    }
    position += 1;
    if (value(group.trailer, 1) !== String(group.transactions.length)) {
      throw new ReportFormatError(
        `GE01 says functional group ${groupControl} has ${value(group.trailer, 1) || 'no'} transaction sets but it has ${group.transactions.length}.`,
      );
    }
    if (value(group.trailer, 2) !== groupControl) {
      throw new ReportFormatError(`GE02 control number ${value(group.trailer, 2)} does not match GS06 ${groupControl}.`);
    }
  }
  if (interchange.functionalGroups.length === 0) throw new ReportFormatError('The interchange has no functional group (GS).');
  if (interchange.trailer === undefined) throw new ReportFormatError('The file ends without an IEA segment; it may have been cut off.');
  if (value(interchange.trailer, 1) !== String(interchange.functionalGroups.length)) {
    throw new ReportFormatError(
      `IEA01 says the interchange has ${value(interchange.trailer, 1) || 'no'} functional groups but it has ${interchange.functionalGroups.length}.`,
    );
  }
  if (value(interchange.trailer, 2) !== value(interchange.header, 13)) {
    throw new ReportFormatError(`IEA02 control number ${value(interchange.trailer, 2)} does not match ISA13 ${value(interchange.header, 13)}.`);
  }
  // Anything node-x12 noticed that the checks above do not cover, e.g. a segment between SE and the next ST.
  const leftover = parser.diagnostics.find((d) => Number(d.level) === DIAGNOSTIC_ERROR);
  if (leftover) throw new ReportFormatError(`The file is not a well-formed X12 interchange: ${stripLibraryPrefix(leftover.message)}`);
  return interchange;
}

interface SetResult {
  transactions: ReportTransaction[];
  skipped: SkippedRecord[];
  /** BPR02, negative for BPR03 D. */
  bprSignedCents: number;
  debit: boolean;
  /** Sum of CLP04 and of PLB amounts, signed the way that balances against bprSignedCents. */
  claimsCents: number;
  plbCents: number;
  npis: string[];
  names: string[];
}

interface Claim {
  index: number;
  clp01: string;
  clp07: string | null;
  status: string;
  paidCents: number;
}

function readTransactionSet(segments: X12Segment[], control: string, stPosition: number, reversedIds: Set<string>): SetResult {
  const setName = `transaction set ${control}`;
  const at = (index: number) => `${setName} (segment ${stPosition + 1 + index})`;
  segments.forEach((segment, index) => {
    if (!BODY_TAGS.has(segment.tag)) fail(at(index), `"${segment.tag}" is not a segment an 835 may contain.`);
  });

  const bpr = segments[0];
  if (bpr?.tag !== 'BPR') fail(at(0), `the ${setName} must begin with a BPR segment, found ${bpr?.tag ?? 'nothing'}.`);
  const direction = value(bpr, 3);
  if (direction !== 'C' && direction !== 'D') fail(at(0), `BPR03 must be C (a sale) or D (a refund), found "${direction}".`);
  const bprCents = readAmount(value(bpr, 2), 'BPR02', at(0), false);
  if (bprCents < 0) fail(at(0), `BPR02 is negative; the direction belongs in BPR03.`);

  const trn = segments.find((s) => s.tag === 'TRN');
  if (trn === undefined) fail(at(0), `the ${setName} has no TRN segment (the authorization number).`);
  const patient = segments.find((s) => s.tag === 'N1' && value(s, 1) === 'PR');
  if (patient === undefined) fail(at(0), `the ${setName} has no N1*PR segment (the patient who paid).`);
  const occurredAt = readPaymentTime(segments, bpr, at);
  const typeText = value(bpr, 11) || value(trn, 4);
  const method = METHOD_OF_TYPE.get(typeText.toLowerCase().replace(/,$/, '').trim()) ?? 'OTHER';
  const payerName = value(patient, 2);
  const shared = {
    accountNumber: accountFromInstaMed(value(patient, 4)),
    payerName: payerName.toLowerCase() === NO_NAME.toLowerCase() ? null : emptyToNull(payerName),
    method,
    // The 835 carries no card brand.
    cardType: null,
    authorizationNumber: emptyToNull(value(trn, 2)),
    occurredAt,
  };

  const npis: string[] = [];
  const names: string[] = [];
  const claims: Claim[] = [];
  let plbCents = 0;
  segments.forEach((segment, index) => {
    if (segment.tag === 'N1' && value(segment, 1) === 'PE') {
      // Each distinct one is kept once by parse835.
      const name = value(segment, 2);
      if (name !== '') names.push(name);
      const id = value(segment, 4);
      if (value(segment, 3) === 'XX' && id !== '') npis.push(id);
    } else if (segment.tag === 'PLB') {
      // PLB03/04, PLB05/06, ... are (reason:reference, amount) pairs.
      for (let element = 4; element <= 14; element += 2) {
        const amount = value(segment, element);
        if (amount !== '') plbCents += readAmount(amount, `PLB${String(element).padStart(2, '0')}`, at(index), true);
      }
    } else if (segment.tag === 'CLP') {
      const clp01 = value(segment, 1);
      if (!TRANSACTION_ID.test(clp01)) fail(at(index), `CLP01 "${clp01}" is not a transaction ID (1 to 50 letters and digits).`);
      const clp07 = emptyToNull(value(segment, 7));
      if (clp07 !== null && !TRANSACTION_ID.test(clp07)) fail(at(index), `CLP07 "${clp07}" is not a transaction ID (1 to 50 letters and digits).`);
      if (value(segment, 3) !== '') readAmount(value(segment, 3), 'CLP03', at(index), false);
      claims.push({ index, clp01, clp07, status: value(segment, 2), paidCents: readAmount(value(segment, 4), 'CLP04', at(index), true) });
    }
  });

  // One sign convention per refund set: all positive (InstaMed's style) or all negative (X12's).
  if (direction === 'D') {
    const signs = new Set(claims.filter((c) => c.paidCents !== 0).map((c) => Math.sign(c.paidCents)));
    if (signs.size > 1) {
      fail(at(0), `this refund (BPR03 D) mixes positive and negative CLP04 amounts, so Kinpay cannot tell which claims are refunds; the file was not posted.`);
    }
  }

  const transactions: ReportTransaction[] = [];
  const skipped: SkippedRecord[] = [];
  let claimsCents = 0;
  for (const claim of claims) {
    const location = at(claim.index);
    claimsCents += claim.paidCents;
    const notPaid = NOT_PAID.get(claim.status);
    if (notPaid !== undefined) {
      if (claim.paidCents !== 0) fail(location, `CLP02 is ${claim.status} (${notPaid}) but CLP04 pays ${formatCents(claim.paidCents)}.`);
      skipped.push({ location, reason: `CLP02 ${claim.status} (${notPaid}): no money moved` });
      continue;
    }
    if (claim.status !== REVERSAL && !PROCESSED.has(claim.status)) {
      fail(location, `CLP02 is "${claim.status}", which is not a claim status Kinpay reads (1, 2, 3, 4, 19-23, 25).`);
    }
    if (claim.paidCents === 0) {
      skipped.push({ location, reason: 'CLP04 is 0.00: no money moved' });
      continue;
    }
    const transactionId = claim.clp07 ?? claim.clp01;
    let kind: TransactionKind;
    let originalTransactionId: string | null;
    if (claim.status === REVERSAL) {
      if (direction === 'C' && claim.paidCents > 0) fail(location, `the reversal (CLP02 22) of ${claim.clp01} pays a positive CLP04 in a credit (BPR03 C).`);
      kind = 'REVERSAL';
      originalTransactionId = claim.clp01;
      reversedIds.add(claim.clp01);
    } else {
      kind = direction === 'D' || claim.paidCents < 0 ? 'REFUND' : 'SALE';
      originalTransactionId = kind === 'REFUND' && claim.clp07 !== null ? claim.clp01 : null;
      if (kind === 'SALE' && claim.clp07 === null && reversedIds.has(claim.clp01)) {
        fail(
          location,
          `the claim ${claim.clp01} follows a reversal of the same transaction but has no transaction ID of its own in CLP07; it would post as the original sale.`,
        );
      }
    }
    transactions.push({ transactionId, kind, amountCents: Math.abs(claim.paidCents), ...shared, originalTransactionId, location });
  }

  const bprSignedCents = direction === 'D' ? -bprCents : bprCents;
  const net = claimsCents - plbCents;
  const balances = direction === 'D' ? Math.abs(net) === bprCents : net === bprCents;
  if (!balances) {
    fail(
      at(0),
      `the ${setName} does not balance: BPR02 is ${formatCents(bprCents)} ${direction === 'D' ? 'debit (a refund)' : 'credit'} ` +
        `but the claim payments (sum of CLP04) come to ${formatCents(claimsCents)} less ${formatCents(plbCents)} ` +
        `of provider adjustments (PLB), which is ${formatCents(net)}.`,
    );
  }
  // For the totals: count a positive-style refund set with the sign that balances against -BPR02.
  const flip = net === bprSignedCents ? 1 : -1;
  return { transactions, skipped, bprSignedCents, debit: direction === 'D', claimsCents: flip * claimsCents, plbCents: flip * plbCents, npis, names };
}

function readPaymentTime(segments: X12Segment[], bpr: X12Segment, at: (index: number) => string): string {
  const index = segments.findIndex((s) => s.tag === 'DTM' && value(s, 1) === '405');
  if (index >= 0) {
    const dtm = segments[index]!;
    const zone = value(dtm, 4);
    const time = value(dtm, 3).slice(0, 6); // HHMM, HHMMSS or HHMMSSD(D): fractions of a second are dropped
    const fields = compactFields(value(dtm, 2), time);
    if (fields === null) fail(at(index), `DTM*405 has an invalid date or time: "${value(dtm, 2)}" "${value(dtm, 3)}".`);
    if (zone === '') {
      // No time code: read as InstaMed's local time, like every other unzoned time (README).
      const iso = wallTimeToIso(fields);
      if (iso === null) fail(at(index), `DTM*405 has an invalid date or time: "${value(dtm, 2)}" "${value(dtm, 3)}".`);
      return iso;
    }
    const offset = ZONE_OFFSETS.get(zone);
    if (offset === undefined) fail(at(index), `DTM*405 has time code "${zone}", which Kinpay cannot convert to UTC.`);
    const utc = wallTimeToIso(fields, 'UTC');
    if (utc === null) fail(at(index), `DTM*405 has an invalid date or time: "${value(dtm, 2)}" "${value(dtm, 3)}".`);
    return new Date(Date.parse(utc) - offset * 3_600_000).toISOString();
  }
  // Only the business date: midnight in New York (our reading).
  const fields = compactFields(value(bpr, 16));
  const iso = fields && wallTimeToIso(fields);
  if (!iso) fail(at(0), `the transaction set has no payment date (neither DTM*405 nor a valid BPR16).`);
  return iso;
}

/** X12 decimal ("R"): optional minus, digits, at most 2 decimals, no $ or thousands separators. */
function readAmount(text: string, element: string, location: string, isTransaction: boolean): number {
  const m = /^(-)?(\d+\.?\d*|\.\d+)$/.exec(text);
  if (!m) fail(location, `${element} is "${text}", which is not an amount.`);
  const digits = m[2]!.endsWith('.') ? m[2]!.slice(0, -1) : m[2]!;
  const decimals = digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0;
  if (decimals > 2) fail(location, `${element} is "${text}", which has more than 2 decimals.`);
  let cents: number;
  if (isTransaction) {
    cents = centsWithinCeiling(digits, location, 'file');
  } else {
    // BPR02 may total many payments; it only has to be a number JavaScript holds exactly. The shape is
    // checked above, so parseDecimalToCents takes it.
    if (digits.split('.')[0]!.replace(/^0+/, '').length > 13) {
      fail(location, `${element} ${dollarsFromDecimalText(digits)} is too large to be a day's patient payments; the file was not posted.`);
    }
    cents = parseDecimalToCents(digits);
  }
  return m[1] === '-' ? -cents : cents;
}

function value(segment: X12Segment, position: number): string {
  return (segment.valueOf(position) ?? '').trim();
}

function dashedDate(ccyymmdd: string): string {
  return /^\d{8}$/.test(ccyymmdd) ? `${ccyymmdd.slice(0, 4)}-${ccyymmdd.slice(4, 6)}-${ccyymmdd.slice(6)}` : ccyymmdd;
}

function stripLibraryPrefix(message: string): string {
  return message.replace(/^X12 Standard: /, '');
}

// ---------------------------------------------------------------------------------------------- writing

export interface Write835Options {
  /** The practice, for N1*PE N102. */
  payeeName: string;
  /** The practice's NPI (10 digits): N1*PE N104 with XX, ISA08 and GS03. */
  npi: string;
  /** ISA13 and GS06; 1..999999999. */
  controlNumber: number;
  /** When the file was produced (ISA09/10, GS04/05), in UTC. */
  date: Date;
  /** ISA15: P production (default) or T test. */
  usage?: 'P' | 'T';
  /**
   * How a refund's or reversal's CLP03/CLP04 are signed: negative (X12's style, default) or positive
   * (InstaMed's "amounts are always positive" style). The reader takes either.
   */
  refundAmounts?: 'negative' | 'positive';
}

const SENDER = 'INSTAMED';
const ORIGINATOR = '1999999999';
const WRITE_DELIMITERS = { segmentTerminator: '~', elementDelimiter: '*', subElementDelimiter: ':', repetitionDelimiter: '^' };

/**
 * The published dpa835 1.0 layout, one ST per transaction; SALE, REFUND and REVERSAL only (an 835 has no
 * way to say VOID, RETURN or CHARGEBACK). Card brands are refused: the 835 carries none.
 */
export function write835(transactions: ReportTransaction[], options: Write835Options): string {
  const { payeeName, npi, controlNumber, date, usage = 'P', refundAmounts = 'negative' } = options;
  if (!Number.isInteger(controlNumber) || controlNumber < 1 || controlNumber > 999_999_999) {
    throw new RangeError(`write835: controlNumber must be 1..999999999, got ${controlNumber}`);
  }
  if (!/^\d{10}$/.test(npi)) throw new RangeError(`write835: npi must be 10 digits, got "${npi}"`);
  if (payeeName === '' || payeeName.trim() !== payeeName || payeeName.length > 60) {
    throw new RangeError(`write835: payeeName must be 1 to 60 characters without surrounding spaces, got "${payeeName}"`);
  }
  if (usage !== 'P' && usage !== 'T') throw new RangeError(`write835: usage must be P or T, got "${String(usage)}"`);
  if (Number.isNaN(date.getTime())) throw new RangeError('write835: date is not a date');
  const delimiterChars = Object.values(WRITE_DELIMITERS);
  assertNoDelimiters([payeeName], delimiterChars, 'write835');

  const interchange = new X12Interchange({ ...WRITE_DELIMITERS, endOfLine: '\n', format: true });
  const { ymd, hms } = utcParts(date);
  interchange.setHeader(['00', '', '00', '', 'ZZ', SENDER, 'ZZ', npi, ymd.slice(2), hms.slice(0, 4), '^', '00501', String(controlNumber), '0', usage, ':']);
  const group = interchange.addFunctionalGroup();
  group.setHeader(['HP', SENDER, npi, ymd, hms.slice(0, 4), String(controlNumber), 'X', '005010X221A1']);

  transactions.forEach((tx, index) => {
    const when = assertWritable(tx, 'write835');
    if (tx.kind === 'VOID' || tx.kind === 'RETURN' || tx.kind === 'CHARGEBACK') {
      throw new RangeError(`write835: ${tx.kind} ${tx.transactionId} cannot be expressed in an 835; leave it out or use another format`);
    }
    if (tx.kind === 'REVERSAL' && tx.originalTransactionId === null) {
      throw new RangeError(`write835: REVERSAL ${tx.transactionId} must name the sale it reverses (CLP01)`);
    }
    if (tx.cardType !== null) throw new RangeError(`write835: the 835 carries no card brand; cardType of ${tx.transactionId} must be null`);
    const type = TYPE_OF_METHOD[tx.method];
    if (type === undefined)
      throw new RangeError(`write835: method ${tx.method} of ${tx.transactionId} has no published BPR11 value (credit card, eCheck, cash, manual check)`);
    for (const id of [tx.transactionId, tx.originalTransactionId]) {
      if (id !== null && !TRANSACTION_ID.test(id)) throw new RangeError(`write835: "${id}" is not 1 to 50 letters and digits`);
    }
    if (tx.payerName !== null && (tx.payerName.toLowerCase() === NO_NAME.toLowerCase() || tx.payerName.length > 60)) {
      throw new RangeError(`write835: payerName "${tx.payerName}" cannot be written (N102 is at most 60 characters, and "${NO_NAME}" means no name)`);
    }
    if (tx.accountNumber === UNKNOWN_ACCOUNT) throw new RangeError(`write835: account number 9999 of ${tx.transactionId} would read back as unknown; use null`);
    assertNoDelimiters([tx.accountNumber, tx.payerName, tx.authorizationNumber], delimiterChars, 'write835');

    const debit = tx.kind !== 'SALE';
    const paid = centsToDecimalString(debit && refundAmounts === 'negative' ? -tx.amountCents : tx.amountCents);
    const at = utcParts(when);
    const clp01 = tx.originalTransactionId ?? tx.transactionId;

    const set = group.addTransaction();
    set.setHeader(['835', String(index + 1).padStart(4, '0')]);
    set.addSegment('BPR', [
      'H',
      centsToDecimalString(tx.amountCents),
      debit ? 'D' : 'C',
      'NON',
      '',
      '',
      '',
      '',
      '',
      ORIGINATOR,
      type,
      '',
      '',
      '',
      '',
      newYorkDay(when),
    ]);
    set.addSegment('TRN', ['1', tx.authorizationNumber ?? '', ORIGINATOR, type]);
    set.addSegment('DTM', ['405', at.ymd, at.hms, 'UT']);
    set.addSegment('N1', ['PR', tx.payerName ?? NO_NAME, 'XV', tx.accountNumber ?? UNKNOWN_ACCOUNT]);
    set.addSegment('N1', ['PE', payeeName, 'XX', npi]);
    set.addSegment('LX', ['1']);
    const clp = [clp01, tx.kind === 'REVERSAL' ? REVERSAL : '1', paid, paid, '', '09'];
    if (tx.transactionId !== clp01) clp.push(tx.transactionId);
    set.addSegment('CLP', clp);
  });
  return `${interchange.toString()}\n`;
}

/**
 * InstaMed's file name standard: `[Account Name]_dpa835_[YYYYMMDD]_[seq#].rep`. `date` is a Date (its
 * New York day) or YYYYMMDD text; seq a positive whole number.
 */
export function dpa835FileName(accountName: string, date: Date | string, seq: number): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (accountName.trim() === '' || /[\\/\u0000-\u001f]/.test(accountName)) {
    throw new RangeError(`dpa835FileName: account name "${accountName}" cannot be part of a file name`);
  }
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`dpa835FileName: seq must be a positive whole number, got ${seq}`);
  let ymd: string;
  if (typeof date === 'string') {
    const fields = compactFields(date);
    if (fields === null || wallTimeToIso(fields) === null) throw new RangeError(`dpa835FileName: date must be YYYYMMDD, got "${date}"`);
    ymd = date;
  } else {
    if (Number.isNaN(date.getTime())) throw new RangeError('dpa835FileName: date is not a date');
    ymd = newYorkDay(date);
  }
  return `${accountName}_dpa835_${ymd}_${seq}.rep`;
}
