// The sandbox's only owner of payment data. Everything is synchronous: a change is validated,
// written to disk (whole file, then an atomic rename) and only then made visible in memory, so
// memory and file never disagree and no two changes interleave.
import { randomBytes, randomInt } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  checkAccountNumber,
  checkAmountCents,
  checkPayerName,
  parsePracticeId,
  type CardType,
  type ClearinghouseCode,
} from './validation.ts';

interface PaymentFields {
  /** 32 lowercase hex characters, unique. A refund gets its own. */
  transactionId: string;
  /** 6 digits. */
  authorizationNumber: string;
  clearinghouse: ClearinghouseCode;
  /** InstaMed Payment ID (lower-cased) or Waystar site ID. */
  practiceClearinghouseId: string;
  /** Patient Account Number as the payer typed it. */
  accountNumber: string;
  /** Integer cents, always positive; `type` says which way the money went. */
  amountCents: number;
  cardType: CardType;
  last4: string;
  /** Name on card; empty when not given. */
  payerName: string;
  /** ISO 8601, UTC. */
  createdAt: string;
}

export type SaleRecord = PaymentFields & { type: 'SALE' };
export type RefundRecord = PaymentFields & { type: 'REFUND'; /** The sale's transaction ID. */ refundOf: string };
export type PaymentRecord = SaleRecord | RefundRecord;

export type NewSale = Omit<SaleRecord, 'transactionId' | 'authorizationNumber' | 'createdAt' | 'type'>;
export interface NewRefund {
  refundOf: string;
  amountCents: number;
}

export interface PaymentFilter {
  clearinghouse?: ClearinghouseCode;
  /** Compared after normalizing for the record's clearinghouse (InstaMed IDs are case-insensitive). */
  practiceClearinghouseId?: string;
}

/** A payment the store refuses; the message is safe to show. */
export class PaymentRejected extends Error {
  override name = 'PaymentRejected';
}

const FILE_NAME = 'payments.json';
const FILE_VERSION = 1;

export class PaymentStore {
  /** The JSON file the payments persist to; undefined when in memory only. */
  readonly file: string | undefined;
  #payments: readonly PaymentRecord[] = [];
  readonly #now: () => Date;

  constructor(options: { file?: string; now?: () => Date } = {}) {
    this.file = options.file;
    this.#now = options.now ?? (() => new Date());
    if (this.file) this.#payments = readFile(this.file);
  }

  /** A store persisted as `<dataDir>/payments.json` (loaded now if it exists). */
  static open(dataDir: string, options: { now?: () => Date } = {}): PaymentStore {
    return new PaymentStore({ ...options, file: path.join(dataDir, FILE_NAME) });
  }

  recordSale(input: NewSale): SaleRecord {
    const fields = checkFields(input);
    const sale: SaleRecord = { ...this.#newIds(), ...fields, createdAt: this.#now().toISOString(), type: 'SALE' };
    this.#commit([...this.#payments, sale]);
    return { ...sale };
  }

  /** Refunds part or all of a sale; the refunds of one sale never add up to more than the sale. */
  recordRefund(input: NewRefund): RefundRecord {
    const sale = this.#payments.find((p) => p.transactionId === input.refundOf);
    if (!sale || sale.type !== 'SALE') throw new PaymentRejected(`No sale with transaction ID ${String(input.refundOf)} to refund.`);
    const amount = checkAmountCents(input.amountCents);
    if (!amount.ok) throw new PaymentRejected(amount.message);
    const refunded = this.#payments.reduce((sum, p) => (p.type === 'REFUND' && p.refundOf === sale.transactionId ? sum + p.amountCents : sum), 0);
    if (refunded + amount.value > sale.amountCents) {
      throw new PaymentRejected(`The refunds would exceed the sale: ${sale.amountCents - refunded} cents are left to refund.`);
    }
    const refund: RefundRecord = {
      ...this.#newIds(),
      clearinghouse: sale.clearinghouse,
      practiceClearinghouseId: sale.practiceClearinghouseId,
      accountNumber: sale.accountNumber,
      amountCents: amount.value,
      cardType: sale.cardType,
      last4: sale.last4,
      payerName: sale.payerName,
      createdAt: this.#now().toISOString(),
      type: 'REFUND',
      refundOf: sale.transactionId,
    };
    this.#commit([...this.#payments, refund]);
    return { ...refund };
  }

  get(transactionId: string): PaymentRecord | undefined {
    const found = this.#payments.find((p) => p.transactionId === transactionId);
    return found && { ...found };
  }

  /** Newest first (in the order recorded, so two payments in the same millisecond keep their order). */
  list(filter: PaymentFilter = {}): PaymentRecord[] {
    const out: PaymentRecord[] = [];
    for (let i = this.#payments.length - 1; i >= 0; i--) {
      const p = this.#payments[i]!;
      if (filter.clearinghouse && p.clearinghouse !== filter.clearinghouse) continue;
      if (filter.practiceClearinghouseId !== undefined && parsePracticeId(p.clearinghouse, filter.practiceClearinghouseId) !== p.practiceClearinghouseId) continue;
      out.push({ ...p });
    }
    return out;
  }

  get size(): number {
    return this.#payments.length;
  }

  clear(): void {
    this.#commit([]);
  }

  #newIds(): { transactionId: string; authorizationNumber: string } {
    let transactionId: string;
    do transactionId = randomBytes(16).toString('hex');
    while (this.#payments.some((p) => p.transactionId === transactionId));
    return { transactionId, authorizationNumber: String(randomInt(0, 1_000_000)).padStart(6, '0') };
  }

  #commit(next: PaymentRecord[]): void {
    if (this.file) writeFileAtomic(this.file, `${JSON.stringify({ version: FILE_VERSION, payments: next }, null, 2)}\n`);
    this.#payments = Object.freeze(next);
  }
}

function checkFields(input: NewSale): NewSale {
  const clearinghouse = input.clearinghouse;
  if (clearinghouse !== 'INSTAMED' && clearinghouse !== 'WAYSTAR') throw new PaymentRejected('The clearinghouse must be INSTAMED or WAYSTAR.');
  const practiceClearinghouseId = parsePracticeId(clearinghouse, input.practiceClearinghouseId);
  if (!practiceClearinghouseId) throw new PaymentRejected(`Not a valid ${clearinghouse} practice ID.`);
  const account = checkAccountNumber(input.accountNumber);
  if (!account.ok) throw new PaymentRejected(account.message);
  const amount = checkAmountCents(input.amountCents);
  if (!amount.ok) throw new PaymentRejected(amount.message);
  if (input.cardType !== 'VISA' && input.cardType !== 'MASTERCARD') throw new PaymentRejected('The card type must be VISA or MASTERCARD.');
  if (typeof input.last4 !== 'string' || !/^\d{4}$/.test(input.last4)) throw new PaymentRejected('last4 must be 4 digits.');
  const name = checkPayerName(input.payerName ?? '');
  if (!name.ok) throw new PaymentRejected(name.message);
  return {
    clearinghouse,
    practiceClearinghouseId,
    accountNumber: account.value,
    amountCents: amount.value,
    cardType: input.cardType,
    last4: input.last4,
    payerName: name.value,
  };
}

function writeFileAtomic(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, text);
  fs.renameSync(temp, file);
}

/** Loads the file; a missing file is an empty store, an unreadable one stops start-up instead of being overwritten. */
function readFile(file: string): PaymentRecord[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(`${file} is not valid JSON: fix or delete it`);
  }
  const { version, payments } = (typeof data === 'object' && data !== null ? data : {}) as { version?: unknown; payments?: unknown };
  if (version !== FILE_VERSION || !Array.isArray(payments) || !payments.every(isPaymentRecord)) {
    throw new Error(`${file} is not a version ${FILE_VERSION} sandbox payments file: fix or delete it`);
  }
  return payments;
}

function isPaymentRecord(value: unknown): value is PaymentRecord {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  const strings = ['transactionId', 'authorizationNumber', 'clearinghouse', 'practiceClearinghouseId', 'accountNumber', 'cardType', 'last4', 'payerName', 'createdAt'];
  return (
    strings.every((key) => typeof p[key] === 'string') &&
    /^[0-9a-f]{32}$/.test(p.transactionId as string) &&
    Number.isSafeInteger(p.amountCents) &&
    (p.type === 'SALE' || (p.type === 'REFUND' && typeof p.refundOf === 'string'))
  );
}
