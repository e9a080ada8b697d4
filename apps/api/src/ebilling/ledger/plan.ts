// The ledger's planner: from what was loaded (ledger/load.ts) and the transactions, the rows to
// write (ledger/write.ts), or a LedgerError naming the transaction that cannot post. It is pure: no
// database, no clock (`now` is passed in), no random IDs (`newId` is passed in), and it never
// changes its input. The rules are in the header of ../ledger.ts.
import type { Clearinghouse, PaymentKind, PaymentMethod } from '@kinpay/db';
import { formatCents } from '@kinpay/money';
import { MAX_TRANSACTION_CENTS } from '@kinpay/remittance';
import { DomainError } from '../../errors.ts';

export interface LedgerTransaction {
  transactionId: string;
  kind: PaymentKind;
  /** Positive integer cents; the kind says which way the money goes. */
  amountCents: number;
  accountNumber: string | null;
  payerName: string | null;
  method: PaymentMethod;
  cardType: string | null;
  authorizationNumber: string | null;
  occurredAt: Date;
  /** The sale a refund, reversal, void or chargeback undoes. */
  originalTransactionId: string | null;
  /** Where in the report, for staff: "line 4". */
  location: string;
}

export type PostingOutcome = 'POSTED' | 'REVERSAL_POSTED' | 'UNMATCHED' | 'DUPLICATE' | 'CONFLICT';

/**
 * A transaction (or a match by staff) that cannot post; the message says which and why, for staff.
 * In a report it fails that report; asked for by staff, it is their input that cannot be done.
 */
export class LedgerError extends DomainError {
  override name = 'LedgerError';
  constructor(message: string, field?: string) {
    super('INVALID_INPUT', message, field);
  }
}

// ---------------------------------------------------------------------------------------------
// What the planner is given.

export interface LoadedAccount {
  balanceDueCents: number;
  creditCents: number;
}

export interface LoadedCharge {
  id: string;
  /** What the family still owes on it: amount less insurance, adjustments and patient payments. */
  openCents: number;
  patientPaidCents: number;
}

/** A payment recorded before (the loader reads only those of the batch's practice and clearinghouse). */
export interface EarlierPayment {
  id: string;
  transactionId: string | null;
  kind: PaymentKind;
  patientId: string | null;
  status: 'POSTED' | 'UNMATCHED';
  /** Signed, as stored: negative for refunds, reversals, voids, returns and chargebacks. */
  amountCents: number;
  unappliedCents: number;
  accountNumber: string | null;
  originalTransactionId: string | null;
}

/** What is left of an earlier sale, and where it is applied. */
export interface SaleHistory {
  /** The sale less the refunds and reversals recorded against it. */
  remainingCents: number;
  /** Net applied per charge, in the order the sale applied them (its charges oldest first). */
  applied: ReadonlyMap<string, number>;
}

/** A refund, reversal, void, return or chargeback that is stored UNMATCHED, waiting for its sale. */
export interface WaitingRefund {
  id: string;
  transactionId: string | null;
  kind: PaymentKind;
  /** What it takes back: positive cents. */
  amountCents: number;
  originalTransactionId: string | null;
  location: string | null;
}

export interface LedgerState {
  /** The credit accounts of the patients the postings can touch, by patient ID (locked by the loader). */
  accounts: ReadonlyMap<string, LoadedAccount>;
  /**
   * Those patients' charges, by patient ID, oldest service date first: the open ones, and all of
   * them for the patient of a sale a refund can take back from (a refund re-opens what it paid).
   */
  charges: ReadonlyMap<string, readonly LoadedCharge[]>;
  /** Payments recorded before under the batch's transaction IDs and the IDs its refunds name. */
  earlier: readonly EarlierPayment[];
  /** By payment ID, for each earlier sale that a refund can take back from. */
  sales: ReadonlyMap<string, SaleHistory>;
  /**
   * Refunds waiting for a sale, in the order they came: for a batch, those (not yet tied to any
   * payment) that name a sale of the batch; for a sale staff match, those tied to it.
   */
  waiting: readonly WaitingRefund[];
  /** Patient IDs by the account numbers the batch names. */
  patients: ReadonlyMap<string, string>;
}

// ---------------------------------------------------------------------------------------------
// What the planner returns: every row to write, and nothing else to work out.

export interface NewPayment {
  id: string;
  practiceId: string;
  patientId: string | null;
  clearinghouse: Clearinghouse;
  transactionId: string;
  kind: PaymentKind;
  status: 'POSTED' | 'UNMATCHED';
  method: PaymentMethod;
  /** Signed: negative for a refund, reversal, void, return or chargeback. */
  amountCents: number;
  unappliedCents: number;
  accountNumber: string | null;
  payerName: string | null;
  cardType: string | null;
  authorizationNumber: string | null;
  receivedAt: Date;
  postedAt: Date | null;
  reportId: string | null;
  reversesPaymentId: string | null;
  originalTransactionId: string | null;
  location: string;
}

/** Negative when a refund takes money back off the charge. */
export interface NewApplication {
  paymentId: string;
  chargeId: string;
  amountCents: number;
}

export interface ChargeUpdate {
  id: string;
  patientPaidCents: number;
}

export interface AccountUpdate {
  patientId: string;
  balanceDueCents: number;
  creditCents: number;
}

/** A sale already stored whose credit changed; `posted` when it posts now (matched by staff). */
export interface SaleUpdate {
  id: string;
  unappliedCents: number;
  posted?: { patientId: string; postedAt: Date };
}

/** A waiting refund tied to its sale now; `posted` when it posts with it, null when both still wait. */
export interface WaitingUpdate {
  id: string;
  reversesPaymentId: string;
  posted: { patientId: string; postedAt: Date } | null;
}

export interface NewConflict {
  paymentId: string;
  transaction: LedgerTransaction;
  differences: string[];
}

export interface ConflictRow extends NewConflict {
  practiceId: string;
  clearinghouse: Clearinghouse;
  reportId: string;
}

export interface LedgerPlan {
  payments: NewPayment[];
  applications: NewApplication[];
  charges: ChargeUpdate[];
  accounts: AccountUpdate[];
  sales: SaleUpdate[];
  waiting: WaitingUpdate[];
  conflicts: ConflictRow[];
}

export interface BatchPlan extends LedgerPlan {
  /** One per transaction, in order. */
  outcomes: PostingOutcome[];
  /** IDs of the payments created, in the order of the transactions (null for duplicates and conflicts). */
  paymentIds: (string | null)[];
  /** Sales posted less refunds posted (not the refunds that waited and post now). */
  netCents: number;
}

export interface BatchInput {
  practiceId: string;
  /** The clearinghouse the report came from: part of every transaction's key. */
  clearinghouse: Clearinghouse;
  reportId: string | null;
  transactions: readonly LedgerTransaction[];
  now: Date;
  newId: () => string;
}

// ---------------------------------------------------------------------------------------------
// Rules shared by the three plans.

export const KIND_WORDS: Record<PaymentKind, string> = {
  SALE: 'payment',
  REFUND: 'refund',
  REVERSAL: 'reversal',
  VOID: 'void',
  RETURN: 'return',
  CHARGEBACK: 'chargeback',
};

export const isReversal = (kind: PaymentKind) => kind !== 'SALE';
export const keyOf = (transactionId: string, kind: PaymentKind) => `${kind}:${transactionId}`;

/**
 * Amounts are whole cents from 1 to the ceiling, and a batch names each transaction once (the
 * readers refuse a file that names one twice; the ledger never guesses which one counts).
 */
export function checkTransactions(transactions: readonly LedgerTransaction[]) {
  for (const t of transactions) {
    if (!Number.isSafeInteger(t.amountCents) || t.amountCents <= 0 || t.amountCents > MAX_TRANSACTION_CENTS) {
      throw new LedgerError(
        `Transaction ${t.transactionId} (${t.location}) has an amount of ${t.amountCents} cents; amounts must be whole cents from 1 to ${MAX_TRANSACTION_CENTS}.`,
      );
    }
  }
  const inBatch = new Map<string, string>();
  for (const t of transactions) {
    const key = keyOf(t.transactionId, t.kind);
    const first = inBatch.get(key);
    if (first !== undefined) throw new LedgerError(`Transaction ${t.transactionId} appears twice in this report (${first} and ${t.location}).`);
    inBatch.set(key, t.location);
  }
}

type Comparable = Pick<EarlierPayment, 'amountCents' | 'accountNumber' | 'kind' | 'originalTransactionId'>;

/** What differs between a payment recorded earlier and a transaction under the same key. */
export function differences(known: Comparable, t: LedgerTransaction): string[] {
  const found: string[] = [];
  if (Math.abs(known.amountCents) !== t.amountCents) {
    found.push(`amount: ${formatCents(Math.abs(known.amountCents))} recorded, ${formatCents(t.amountCents)} in this report`);
  }
  // An account is less information missing (InstaMed sends 9999 when it does not know it), not a contradiction.
  if (known.accountNumber && t.accountNumber && known.accountNumber !== t.accountNumber) {
    found.push(`patient account: ${known.accountNumber} recorded, ${t.accountNumber} in this report`);
  }
  if (known.kind !== t.kind) found.push(`kind: ${KIND_WORDS[known.kind]} recorded, ${KIND_WORDS[t.kind]} in this report`);
  if (known.kind !== 'SALE' && known.originalTransactionId && t.originalTransactionId && known.originalTransactionId !== t.originalTransactionId) {
    found.push(`undoes: payment ${known.originalTransactionId} recorded, payment ${t.originalTransactionId} in this report`);
  }
  return found;
}

type Keyed = { kind: PaymentKind; transactionId: string | null; originalTransactionId: string | null };

/**
 * A sale and an undo of that very sale may share a transaction ID (InstaMed keeps the sale's ID on
 * a void); any other pair of kinds under one ID contradicts itself.
 */
export function kindsCompatible(a: Keyed, b: Keyed): boolean {
  const [sale, undo] = a.kind === 'SALE' ? [a, b] : [b, a];
  return sale.kind === 'SALE' && undo.kind !== 'SALE' && (undo.originalTransactionId ?? undo.transactionId) === sale.transactionId;
}

// ---------------------------------------------------------------------------------------------
// The books: a working copy of the loaded accounts, charges and sales, changed as postings apply.

interface ChargeState {
  id: string;
  open: number;
  patientPaid: number;
  dirty: boolean;
}
interface AccountState {
  patientId: string;
  balanceDueCents: number;
  creditCents: number;
  dirty: boolean;
}
interface SaleState {
  id: string;
  patientId: string | null;
  status: 'POSTED' | 'UNMATCHED';
  /** Its credit: the part on no charge. */
  unapplied: number;
  /** What is left to take back: the sale less refunds and reversals. */
  remaining: number;
  /** Net applied per charge, in application order. */
  applied: Map<string, number>;
  /** Stored before this plan, and its credit changed. */
  creditChanged: boolean;
}

class Books {
  private readonly accounts = new Map<string, AccountState>();
  private readonly charges = new Map<string, ChargeState[]>();
  private readonly chargeById = new Map<string, ChargeState>();
  readonly applications: NewApplication[] = [];

  constructor(state: LedgerState) {
    for (const [patientId, a] of state.accounts) {
      this.accounts.set(patientId, { patientId, balanceDueCents: a.balanceDueCents, creditCents: a.creditCents, dirty: false });
    }
    for (const [patientId, list] of state.charges) {
      const copies = list.map((c) => ({ id: c.id, open: c.openCents, patientPaid: c.patientPaidCents, dirty: false }));
      this.charges.set(patientId, copies);
      for (const c of copies) this.chargeById.set(c.id, c);
    }
  }

  hasAccount(patientId: string) {
    return this.accounts.has(patientId);
  }

  private account(patientId: string | null): AccountState {
    const account = patientId === null ? undefined : this.accounts.get(patientId);
    if (!account) throw new Error(`The credit account of patient ${patientId} was not loaded.`);
    return account;
  }

  /** Applies a new sale to its patient's open charges oldest first; the rest is credit. */
  apply(sale: SaleState, amount: number) {
    const account = this.account(sale.patientId);
    let left = amount;
    for (const charge of this.charges.get(sale.patientId!) ?? []) {
      if (left === 0) break;
      if (charge.open <= 0) continue;
      const take = Math.min(charge.open, left);
      charge.open -= take;
      charge.patientPaid += take;
      charge.dirty = true;
      sale.applied.set(charge.id, (sale.applied.get(charge.id) ?? 0) + take);
      this.applications.push({ paymentId: sale.id, chargeId: charge.id, amountCents: take });
      account.balanceDueCents -= take;
      left -= take;
    }
    sale.unapplied = left;
    sale.remaining = amount;
    account.creditCents += left;
    account.dirty = true;
  }

  /**
   * Takes `amount` back from a posted sale: its credit first, then its charges newest first, with
   * negative applications that belong to the refund. The caller has checked that it fits.
   */
  undo(sale: SaleState, reversalId: string, amount: number) {
    const account = this.account(sale.patientId);
    let left = amount;
    const fromCredit = Math.min(sale.unapplied, left);
    sale.unapplied -= fromCredit;
    account.creditCents -= fromCredit;
    left -= fromCredit;
    const appliedNewestFirst = [...sale.applied.entries()].reverse();
    for (const [chargeId, net] of appliedNewestFirst) {
      if (left === 0) break;
      if (net <= 0) continue;
      const take = Math.min(net, left);
      const charge = this.chargeById.get(chargeId);
      if (!charge) throw new Error(`Charge ${chargeId}, paid by payment ${sale.id}, was not loaded.`);
      charge.open += take;
      charge.patientPaid -= take;
      charge.dirty = true;
      sale.applied.set(chargeId, net - take);
      this.applications.push({ paymentId: reversalId, chargeId, amountCents: -take });
      account.balanceDueCents += take;
      left -= take;
    }
    sale.remaining -= amount;
    sale.creditChanged ||= fromCredit > 0;
    account.dirty = true;
    if (left !== 0) throw new LedgerError(`Could not take back ${left} cents of payment ${sale.id}: the ledger is inconsistent.`);
  }

  /** Changed charges, patient by patient as loaded (so the update visits each patient's rows together). */
  chargeUpdates(): ChargeUpdate[] {
    const updates: ChargeUpdate[] = [];
    for (const list of this.charges.values()) for (const c of list) if (c.dirty) updates.push({ id: c.id, patientPaidCents: c.patientPaid });
    return updates;
  }

  accountUpdates(): AccountUpdate[] {
    return [...this.accounts.values()]
      .filter((a) => a.dirty)
      .map(({ patientId, balanceDueCents, creditCents }) => ({ patientId, balanceDueCents, creditCents }));
  }
}

const newSale = (id: string, patientId: string | null, status: SaleState['status']): SaleState => ({
  id,
  patientId,
  status,
  unapplied: 0,
  remaining: 0,
  applied: new Map(),
  creditChanged: false,
});

function earlierSale(p: EarlierPayment, history: SaleHistory | undefined): SaleState {
  // A sale that still waits has nothing applied; one that posted must come with its history.
  if (!history && p.status === 'POSTED') throw new Error(`What is left of payment ${p.id} was not loaded.`);
  return {
    id: p.id,
    patientId: p.patientId,
    status: p.status,
    unapplied: p.unappliedCents,
    remaining: history?.remainingCents ?? p.amountCents,
    applied: new Map(history?.applied ?? []),
    creditChanged: false,
  };
}

// ---------------------------------------------------------------------------------------------
// The plans.

/** A batch from one report (or notice): every transaction in order. */
export function planBatch(state: LedgerState, input: BatchInput): BatchPlan {
  const { practiceId, clearinghouse, reportId, now, newId } = input;
  checkTransactions(input.transactions);
  const books = new Books(state);

  const byKey = new Map<string, EarlierPayment>();
  const byTransactionId = new Map<string, EarlierPayment[]>();
  const earlierSales = new Map<string, EarlierPayment>();
  for (const p of state.earlier) {
    if (p.transactionId === null) continue;
    byKey.set(keyOf(p.transactionId, p.kind), p);
    const list = byTransactionId.get(p.transactionId);
    if (list) list.push(p);
    else byTransactionId.set(p.transactionId, [p]);
    if (p.kind === 'SALE') earlierSales.set(p.transactionId, p);
  }
  const waitingFor = new Map<string, WaitingRefund[]>();
  for (const w of state.waiting) {
    if (w.originalTransactionId === null) continue;
    const list = waitingFor.get(w.originalTransactionId);
    if (list) list.push(w);
    else waitingFor.set(w.originalTransactionId, [w]);
  }

  // Sales by transaction ID: earlier ones as a refund of this batch first needs them, and this batch's.
  const sales = new Map<string, SaleState>();
  const saleOf = (transactionId: string): SaleState | undefined => {
    let sale = sales.get(transactionId);
    if (!sale) {
      const p = earlierSales.get(transactionId);
      if (!p) return undefined;
      sale = earlierSale(p, state.sales.get(p.id));
      sales.set(transactionId, sale);
    }
    return sale;
  };
  const accountOf = (t: LedgerTransaction, patientId: string) => {
    if (!books.hasAccount(patientId)) {
      throw new LedgerError(`Transaction ${t.transactionId} (${t.location}) is for patient account ${t.accountNumber}, which has no credit account.`);
    }
  };

  const payments: NewPayment[] = [];
  const created = new Map<string, { payment: NewPayment; sale: SaleState }>();
  const waiting: WaitingUpdate[] = [];
  const conflicts: NewConflict[] = [];
  const outcomes: PostingOutcome[] = [];
  const paymentIds: (string | null)[] = [];
  let netCents = 0;

  /** A sale has come: the refunds that waited for it are tied to it, and post now if it posted. */
  const adoptWaiting = (sale: SaleState, transactionId: string) => {
    for (const refund of waitingFor.get(transactionId) ?? []) {
      if (sale.status === 'POSTED') {
        // More than is left of the sale: it stays in the queue for staff, untied.
        if (refund.amountCents > sale.remaining) continue;
        books.undo(sale, refund.id, refund.amountCents);
        waiting.push({ id: refund.id, reversesPaymentId: sale.id, posted: { patientId: sale.patientId!, postedAt: now } });
      } else {
        // Both wait; matching the sale posts the refund with it.
        waiting.push({ id: refund.id, reversesPaymentId: sale.id, posted: null });
      }
    }
  };

  for (const t of input.transactions) {
    // Seen before under this key: the same transaction again, or a contradiction for staff.
    const earlier = byKey.get(keyOf(t.transactionId, t.kind));
    const clash = earlier ?? byTransactionId.get(t.transactionId)?.find((p) => !kindsCompatible(p, t));
    if (clash) {
      const found = differences(clash, t);
      if (found.length) conflicts.push({ paymentId: clash.id, transaction: t, differences: found });
      outcomes.push(found.length ? 'CONFLICT' : 'DUPLICATE');
      paymentIds.push(null);
      continue;
    }
    const id = newId();
    const base = {
      id,
      practiceId,
      clearinghouse,
      transactionId: t.transactionId,
      kind: t.kind,
      method: t.method,
      unappliedCents: 0,
      accountNumber: t.accountNumber,
      payerName: t.payerName,
      cardType: t.cardType,
      authorizationNumber: t.authorizationNumber,
      receivedAt: t.occurredAt,
      reportId,
      location: t.location,
      reversesPaymentId: null,
      originalTransactionId: null,
    };
    paymentIds.push(id);

    if (!isReversal(t.kind)) {
      const patientId = t.accountNumber ? state.patients.get(t.accountNumber) : undefined;
      if (!patientId) {
        const payment: NewPayment = { ...base, patientId: null, amountCents: t.amountCents, status: 'UNMATCHED', postedAt: null };
        const sale = newSale(id, null, 'UNMATCHED');
        sale.remaining = t.amountCents;
        payments.push(payment);
        sales.set(t.transactionId, sale);
        created.set(id, { payment, sale });
        adoptWaiting(sale, t.transactionId);
        outcomes.push('UNMATCHED');
        continue;
      }
      accountOf(t, patientId);
      const sale = newSale(id, patientId, 'POSTED');
      books.apply(sale, t.amountCents);
      const payment: NewPayment = { ...base, patientId, amountCents: t.amountCents, status: 'POSTED', postedAt: now };
      payments.push(payment);
      sales.set(t.transactionId, sale);
      created.set(id, { payment, sale });
      adoptWaiting(sale, t.transactionId);
      outcomes.push('POSTED');
      netCents += t.amountCents;
      continue;
    }

    // A refund, reversal, void or chargeback: undo (part of) a posted sale.
    // A report that does not say which sale (a Waystar refund, an InstaMed credit) leaves it to staff.
    const originalId = t.originalTransactionId;
    const sale = originalId === null ? undefined : saleOf(originalId);
    if (!sale || sale.status !== 'POSTED') {
      payments.push({
        ...base,
        patientId: null,
        amountCents: -t.amountCents,
        status: 'UNMATCHED',
        postedAt: null,
        reversesPaymentId: sale?.id ?? null,
        originalTransactionId: originalId,
      });
      outcomes.push('UNMATCHED');
      continue;
    }
    if (t.amountCents > sale.remaining) {
      throw new LedgerError(
        `The ${KIND_WORDS[t.kind]} ${t.transactionId} (${t.location}) takes back ${formatCents(t.amountCents)}, but only ${formatCents(sale.remaining)} is left of payment ${originalId}.`,
      );
    }
    books.undo(sale, id, t.amountCents);
    payments.push({
      ...base,
      patientId: sale.patientId,
      amountCents: -t.amountCents,
      status: 'POSTED',
      postedAt: now,
      reversesPaymentId: sale.id,
      originalTransactionId: originalId,
    });
    outcomes.push('REVERSAL_POSTED');
    netCents -= t.amountCents;
  }

  if (conflicts.length && reportId === null) throw new LedgerError('A conflicting transaction can only come from a report.');

  // Sales of this batch are written with their final credit (a refund of the same batch may have
  // taken some); earlier sales whose credit a refund took are updated.
  for (const { payment, sale } of created.values()) payment.unappliedCents = sale.unapplied;
  const saleUpdates: SaleUpdate[] = [];
  for (const sale of sales.values()) if (sale.creditChanged && !created.has(sale.id)) saleUpdates.push({ id: sale.id, unappliedCents: sale.unapplied });

  return {
    payments,
    applications: books.applications,
    charges: books.chargeUpdates(),
    accounts: books.accountUpdates(),
    sales: saleUpdates,
    waiting,
    conflicts: conflicts.map((c) => ({ ...c, practiceId, clearinghouse, reportId: reportId! })),
    outcomes,
    paymentIds,
    netCents,
  };
}

/**
 * Staff matched a sale that waited (its account number matched no patient) to a patient: it applies
 * like any sale, and the refunds that waited with it (`state.waiting`) post with it, in the order they came.
 */
export function planMatchedSale(state: LedgerState, input: { sale: { id: string; amountCents: number }; patientId: string; now: Date }): LedgerPlan {
  const { patientId, now } = input;
  const books = new Books(state);
  if (!books.hasAccount(patientId)) throw new LedgerError('That patient has no credit account.');
  const sale = newSale(input.sale.id, patientId, 'POSTED');
  books.apply(sale, input.sale.amountCents);
  for (const refund of state.waiting) {
    if (refund.amountCents > sale.remaining) {
      throw new LedgerError(
        `The ${KIND_WORDS[refund.kind]} ${refund.transactionId ?? '(no transaction ID)'}${refund.location ? ` (${refund.location})` : ''} takes back ` +
          `${formatCents(refund.amountCents)}, but only ${formatCents(sale.remaining)} is left of this payment.`,
      );
    }
    books.undo(sale, refund.id, refund.amountCents);
  }
  const posted = { patientId, postedAt: now };
  return {
    payments: [],
    applications: books.applications,
    charges: books.chargeUpdates(),
    accounts: books.accountUpdates(),
    sales: [{ id: sale.id, unappliedCents: sale.unapplied, posted }],
    waiting: state.waiting.map((refund) => ({ id: refund.id, reversesPaymentId: sale.id, posted })),
    conflicts: [],
  };
}

/**
 * Staff matched a refund (or void, return, chargeback) that named no sale it could find to the
 * posted sale it undoes (`state.earlier`): it takes back the sale's credit first, then re-opens its
 * charges newest first.
 */
export function planMatchedRefund(
  state: LedgerState,
  input: { refund: { id: string; kind: PaymentKind; transactionId: string | null; amountCents: number }; saleId: string; now: Date },
): LedgerPlan {
  const { refund, now } = input;
  const found = state.earlier.find((p) => p.id === input.saleId);
  if (!found || found.kind !== 'SALE' || found.status !== 'POSTED' || !found.patientId) throw new LedgerError('Choose a posted payment of this patient.');
  const patientId = found.patientId;
  const books = new Books(state);
  if (!books.hasAccount(patientId)) throw new LedgerError('That patient has no credit account.');
  const sale = earlierSale(found, state.sales.get(found.id));
  const amount = Math.abs(refund.amountCents);
  if (amount > sale.remaining) {
    throw new LedgerError(
      `The ${KIND_WORDS[refund.kind]}${refund.transactionId ? ` ${refund.transactionId}` : ''} takes back ${formatCents(amount)}, ` +
        `but only ${formatCents(sale.remaining)} is left of that payment.`,
    );
  }
  books.undo(sale, refund.id, amount);
  return {
    payments: [],
    applications: books.applications,
    charges: books.chargeUpdates(),
    accounts: books.accountUpdates(),
    sales: sale.creditChanged ? [{ id: sale.id, unappliedCents: sale.unapplied }] : [],
    waiting: [{ id: refund.id, reversesPaymentId: sale.id, posted: { patientId, postedAt: now } }],
    conflicts: [],
  };
}
