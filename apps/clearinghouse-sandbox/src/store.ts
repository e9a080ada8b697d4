// The sandbox's only owner of payment data: payments, the settlement batches the report feed is
// made of, and the outcome of each payment's webhook notice. Everything is synchronous: a change is
// validated, written to disk (whole file, then an atomic rename) and only then made visible in
// memory, so memory and file never disagree and no two changes interleave.
import { randomBytes, randomInt } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { checkAccountNumber, checkAmountCents, checkPayerName, parsePracticeId, type CardType, type ClearinghouseCode } from './validation.ts';

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
  /**
   * Present (true) when the clearinghouse did not know the account: reports carry InstaMed's 9999
   * (Waystar: empty) instead of accountNumber. Only the test API sets it; a refund copies it.
   */
  unknownAccount?: true;
  /** The InstaMed notice to the portal's webhook; absent when none was attempted. */
  webhook?: WebhookOutcome;
}

/** The latest attempt to deliver a payment's notice: `deliveredAt` once the portal answered 2xx, else `lastError`. */
export type WebhookOutcome = { attempts: number; lastAttemptAt: string } & ({ deliveredAt: string } | { lastError: string });

export type SaleRecord = PaymentFields & { type: 'SALE' };
export type RefundRecord = PaymentFields & { type: 'REFUND'; /** The sale's transaction ID. */ refundOf: string };
export type PaymentRecord = SaleRecord | RefundRecord;

export type NewSale = Omit<SaleRecord, 'transactionId' | 'authorizationNumber' | 'createdAt' | 'type' | 'webhook'>;
export interface NewRefund {
  refundOf: string;
  amountCents: number;
}

export interface PaymentFilter {
  clearinghouse?: ClearinghouseCode;
  /** Compared after normalizing for the record's clearinghouse (InstaMed IDs are case-insensitive). */
  practiceClearinghouseId?: string;
}

/** A payment as a settlement batch keeps it: fixed when the batch is made (no webhook outcome). */
export type SettledPayment = Omit<SaleRecord, 'webhook'> | Omit<RefundRecord, 'webhook'>;

/**
 * One end-of-day file's worth of payments of one practice at one clearinghouse. Never changes once
 * made: the report files rendered from it are the same bytes every time.
 */
export interface SettlementBatch {
  clearinghouse: ClearinghouseCode;
  practiceClearinghouseId: string;
  /** 1, 2, 3, ... per (clearinghouse, practice); never reused, not even after clear(). */
  sequence: number;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** In the order recorded. Never empty. */
  payments: SettledPayment[];
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
  #state: State = EMPTY_STATE;
  readonly #now: () => Date;

  constructor(options: { file?: string; now?: () => Date } = {}) {
    this.file = options.file;
    this.#now = options.now ?? (() => new Date());
    if (this.file) this.#state = readFile(this.file);
  }

  /** A store persisted as `<dataDir>/payments.json` (loaded now if it exists). */
  static open(dataDir: string, options: { now?: () => Date } = {}): PaymentStore {
    return new PaymentStore({ ...options, file: path.join(dataDir, FILE_NAME) });
  }

  get #payments(): readonly PaymentRecord[] {
    return this.#state.payments;
  }

  recordSale(input: NewSale): SaleRecord {
    const fields = checkFields(input);
    const sale: SaleRecord = { ...this.#newIds(), ...fields, createdAt: this.#now().toISOString(), type: 'SALE' };
    this.#commit({ payments: [...this.#payments, sale] });
    return copyPayment(sale);
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
      ...(sale.unknownAccount ? { unknownAccount: true as const } : {}),
      type: 'REFUND',
      refundOf: sale.transactionId,
    };
    this.#commit({ payments: [...this.#payments, refund] });
    return copyPayment(refund);
  }

  get(transactionId: string): PaymentRecord | undefined {
    const found = this.#payments.find((p) => p.transactionId === transactionId);
    return found && copyPayment(found);
  }

  /** Newest first (in the order recorded, so two payments in the same millisecond keep their order). */
  list(filter: PaymentFilter = {}): PaymentRecord[] {
    const out: PaymentRecord[] = [];
    for (let i = this.#payments.length - 1; i >= 0; i--) {
      const p = this.#payments[i]!;
      if (filter.clearinghouse && p.clearinghouse !== filter.clearinghouse) continue;
      if (filter.practiceClearinghouseId !== undefined && parsePracticeId(p.clearinghouse, filter.practiceClearinghouseId) !== p.practiceClearinghouseId)
        continue;
      out.push(copyPayment(p));
    }
    return out;
  }

  get size(): number {
    return this.#payments.length;
  }

  /** Deletes every payment and every batch. Sequence numbers carry on, so a report name never comes back with other content. */
  clear(): void {
    this.#commit({ payments: [], batches: [] });
  }

  /** Records the outcome of an attempt to deliver a payment's notice; ignored when the payment is gone (cleared). */
  recordWebhookOutcome(transactionId: string, outcome: WebhookOutcome): void {
    const index = this.#payments.findIndex((p) => p.transactionId === transactionId);
    if (index < 0) return;
    const payments = [...this.#payments];
    payments[index] = { ...payments[index]!, webhook: { ...outcome } };
    this.#commit({ payments });
  }

  /**
   * End of day on demand: every payment of the practice (sale or refund) that is in no batch yet
   * goes into a new batch with the next sequence number. Returns that batch, or null when there
   * was nothing new (no empty batches).
   */
  settle(clearinghouse: ClearinghouseCode, practiceClearinghouseId: string): SettlementBatch | null {
    const practice = parsePracticeId(clearinghouse, practiceClearinghouseId);
    if (!practice) throw new PaymentRejected(`Not a valid ${clearinghouse} practice ID.`);
    const settled = new Set(this.#state.batches.flatMap((b) => b.payments.map((p) => p.transactionId)));
    const fresh = this.#payments.filter((p) => p.clearinghouse === clearinghouse && p.practiceClearinghouseId === practice && !settled.has(p.transactionId));
    if (fresh.length === 0) return null;
    const key = sequenceKey(clearinghouse, practice);
    const sequence = (this.#state.sequences[key] ?? 0) + 1;
    const batch: SettlementBatch = {
      clearinghouse,
      practiceClearinghouseId: practice,
      sequence,
      createdAt: this.#now().toISOString(),
      payments: fresh.map(({ webhook: _webhook, ...rest }) => rest),
    };
    this.#commit({ batches: [...this.#state.batches, batch], sequences: { ...this.#state.sequences, [key]: sequence } });
    return structuredClone(batch);
  }

  /** The batches, oldest first; filtered like list(). */
  batches(filter: PaymentFilter = {}): SettlementBatch[] {
    return this.#state.batches
      .filter(
        (b) =>
          (!filter.clearinghouse || b.clearinghouse === filter.clearinghouse) &&
          (filter.practiceClearinghouseId === undefined || parsePracticeId(b.clearinghouse, filter.practiceClearinghouseId) === b.practiceClearinghouseId),
      )
      .map((b) => structuredClone(b));
  }

  /** The batch a payment was settled in, or undefined while it waits for the next one. */
  batchOf(transactionId: string): SettlementBatch | undefined {
    const found = this.#state.batches.find((b) => b.payments.some((p) => p.transactionId === transactionId));
    return found && structuredClone(found);
  }

  #newIds(): { transactionId: string; authorizationNumber: string } {
    let transactionId: string;
    do transactionId = randomBytes(16).toString('hex');
    while (this.#payments.some((p) => p.transactionId === transactionId));
    return { transactionId, authorizationNumber: String(randomInt(0, 1_000_000)).padStart(6, '0') };
  }

  #commit(change: Partial<State>): void {
    const next: State = Object.freeze({ ...this.#state, ...change });
    if (this.file) writeFileAtomic(this.file, `${JSON.stringify({ version: FILE_VERSION, ...next }, null, 2)}\n`);
    this.#state = next;
  }
}

/** Everything the file holds. Replaced as a whole on each change, never mutated. */
interface State {
  readonly payments: readonly PaymentRecord[];
  readonly batches: readonly SettlementBatch[];
  /** The last sequence number used, per `<clearinghouse>:<practice>`. */
  readonly sequences: Readonly<Record<string, number>>;
}

const EMPTY_STATE: State = Object.freeze({ payments: [], batches: [], sequences: {} });

function sequenceKey(clearinghouse: ClearinghouseCode, practiceClearinghouseId: string): string {
  return `${clearinghouse}:${practiceClearinghouseId}`;
}

function copyPayment<T extends PaymentRecord>(p: T): T {
  return p.webhook ? { ...p, webhook: { ...p.webhook } } : { ...p };
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
  if (input.unknownAccount !== undefined && input.unknownAccount !== true) throw new PaymentRejected('unknownAccount is true or left out.');
  return {
    clearinghouse,
    practiceClearinghouseId,
    accountNumber: account.value,
    amountCents: amount.value,
    cardType: input.cardType,
    last4: input.last4,
    payerName: name.value,
    ...(input.unknownAccount ? { unknownAccount: true as const } : {}),
  };
}

function writeFileAtomic(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, text);
  fs.renameSync(temp, file);
}

/**
 * Loads the file; a missing file is an empty store, an unreadable one stops start-up instead of
 * being overwritten. `batches` and `sequences` came after the first files were written: a file
 * without them has no batches yet.
 */
function readFile(file: string): State {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY_STATE;
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(`${file} is not valid JSON: fix or delete it`);
  }
  const { version, payments, batches = [], sequences = {} } = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (
    version !== FILE_VERSION ||
    !Array.isArray(payments) ||
    !payments.every(isPaymentRecord) ||
    !Array.isArray(batches) ||
    !batches.every(isBatch) ||
    !isSequences(sequences)
  ) {
    throw new Error(`${file} is not a version ${FILE_VERSION} sandbox payments file: fix or delete it`);
  }
  // A sequence number is never used twice, even if the counters were lost.
  const counters: Record<string, number> = { ...sequences };
  for (const b of batches) {
    const key = sequenceKey(b.clearinghouse, b.practiceClearinghouseId);
    counters[key] = Math.max(counters[key] ?? 0, b.sequence);
  }
  return Object.freeze({ payments, batches, sequences: counters });
}

function isPaymentRecord(value: unknown): value is PaymentRecord {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  const strings = [
    'transactionId',
    'authorizationNumber',
    'clearinghouse',
    'practiceClearinghouseId',
    'accountNumber',
    'cardType',
    'last4',
    'payerName',
    'createdAt',
  ];
  return (
    strings.every((key) => typeof p[key] === 'string') &&
    /^[0-9a-f]{32}$/.test(p.transactionId as string) &&
    Number.isSafeInteger(p.amountCents) &&
    (p.type === 'SALE' || (p.type === 'REFUND' && typeof p.refundOf === 'string')) &&
    (p.unknownAccount === undefined || p.unknownAccount === true) &&
    (p.webhook === undefined || isWebhookOutcome(p.webhook))
  );
}

function isWebhookOutcome(value: unknown): value is WebhookOutcome {
  if (typeof value !== 'object' || value === null) return false;
  const w = value as Record<string, unknown>;
  return Number.isSafeInteger(w.attempts) && typeof w.lastAttemptAt === 'string' && (typeof w.deliveredAt === 'string' || typeof w.lastError === 'string');
}

function isBatch(value: unknown): value is SettlementBatch {
  if (typeof value !== 'object' || value === null) return false;
  const b = value as Record<string, unknown>;
  return (
    (b.clearinghouse === 'INSTAMED' || b.clearinghouse === 'WAYSTAR') &&
    typeof b.practiceClearinghouseId === 'string' &&
    Number.isSafeInteger(b.sequence) &&
    (b.sequence as number) > 0 &&
    typeof b.createdAt === 'string' &&
    Array.isArray(b.payments) &&
    b.payments.length > 0 &&
    b.payments.every((p) => isPaymentRecord(p) && !('webhook' in p))
  );
}

function isSequences(value: unknown): value is Record<string, number> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((n) => Number.isSafeInteger(n) && (n as number) > 0)
  );
}
