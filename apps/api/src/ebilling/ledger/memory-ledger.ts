// For the planner's tests: the ledger's tables in memory. It answers the loader's questions
// (ledger/load.ts) the way the database does, runs the planner, and stores the plan's rows, keeping
// the database's unique keys and foreign keys. No database, so thousands of sequences run in seconds;
// the database tests (../ledger.test.ts, ../ledger-bulk.test.ts) check that the real loader and
// writer agree with it.
import type { Clearinghouse, PaymentKind } from '@kinpay/db';
import {
  planBatch,
  planMatchedRefund,
  planMatchedSale,
  type BatchPlan,
  type EarlierPayment,
  type LedgerPlan,
  type LedgerState,
  type LedgerTransaction,
  type LoadedCharge,
  type NewConflict,
  type NewPayment,
  type SaleHistory,
  type WaitingRefund,
} from './plan.ts';

export interface StoredPayment extends NewPayment {
  /** Order of insertion, as the database's createdAt. */
  seq: number;
}
export interface StoredCharge {
  id: string;
  patientId: string;
  /** Amount less insurance and adjustments: what the family owes on it in all. */
  owedCents: number;
  patientPaidCents: number;
}
export interface StoredApplication {
  paymentId: string;
  chargeId: string;
  amountCents: number;
}

export interface MemoryPatient {
  accountNumber: string;
  /** What is owed on each charge, oldest service date first. */
  owed: number[];
  /** False for a patient with no credit account row. */
  hasAccount?: boolean;
}

export class MemoryLedger {
  readonly practiceId = 'practice-1';
  readonly patients: { id: string; accountNumber: string }[] = [];
  /** Each patient's charges, oldest first. */
  readonly charges = new Map<string, StoredCharge[]>();
  readonly accounts = new Map<string, { balanceDueCents: number; creditCents: number }>();
  payments: StoredPayment[] = [];
  applications: StoredApplication[] = [];
  conflicts: NewConflict[] = [];
  private ids = 0;
  private seq = 0;
  now = new Date('2026-11-26T08:00:00.000Z');

  constructor(patients: MemoryPatient[]) {
    patients.forEach((p, i) => {
      const id = `patient-${i + 1}`;
      this.patients.push({ id, accountNumber: p.accountNumber });
      this.charges.set(
        id,
        p.owed.map((owedCents, j) => ({ id: `charge-${i + 1}-${j + 1}`, patientId: id, owedCents, patientPaidCents: 0 })),
      );
      if (p.hasAccount !== false) this.accounts.set(id, { balanceDueCents: p.owed.reduce((a, b) => a + b, 0), creditCents: 0 });
    });
  }

  readonly newId = () => `payment-${++this.ids}`;

  patientId(accountNumber: string) {
    return this.patients.find((p) => p.accountNumber === accountNumber)!.id;
  }

  payment(transactionId: string, kind: PaymentKind = 'SALE', clearinghouse: Clearinghouse = 'INSTAMED') {
    return this.payments.find((p) => p.transactionId === transactionId && p.kind === kind && p.clearinghouse === clearinghouse);
  }

  // -------------------------------------------------------------------------------------------
  // The loader's questions, answered from memory.

  private open(c: StoredCharge) {
    return c.owedCents - c.patientPaidCents;
  }

  private loadedCharge = (c: StoredCharge): LoadedCharge => ({ id: c.id, openCents: this.open(c), patientPaidCents: c.patientPaidCents });

  private earlier = (p: StoredPayment): EarlierPayment => ({
    id: p.id,
    transactionId: p.transactionId,
    kind: p.kind,
    patientId: p.patientId,
    status: p.status,
    amountCents: p.amountCents,
    unappliedCents: p.unappliedCents,
    accountNumber: p.accountNumber,
    originalTransactionId: p.originalTransactionId,
  });

  private waitingRefund = (p: StoredPayment): WaitingRefund => ({
    id: p.id,
    transactionId: p.transactionId,
    kind: p.kind,
    amountCents: -p.amountCents,
    originalTransactionId: p.originalTransactionId,
    location: p.location,
  });

  private byArrival = (a: StoredPayment, b: StoredPayment) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.seq - b.seq;

  private accountsOf(patientIds: string[]) {
    const accounts = new Map<string, { balanceDueCents: number; creditCents: number }>();
    for (const id of [...patientIds].sort()) {
      const a = this.accounts.get(id);
      if (a) accounts.set(id, { ...a });
    }
    return accounts;
  }

  private histories(sales: EarlierPayment[], postedReversalsOnly: boolean) {
    const histories = new Map<string, SaleHistory>();
    const chargeOrder = new Map([...this.charges.values()].flat().map((c, i) => [c.id, i]));
    for (const sale of sales) {
      const reversals = this.payments.filter((p) => p.reversesPaymentId === sale.id && (!postedReversalsOnly || p.status === 'POSTED'));
      const paymentIds = new Set([sale.id, ...reversals.map((r) => r.id)]);
      const applied = new Map<string, number>();
      for (const a of this.applications
        .filter((a) => paymentIds.has(a.paymentId))
        .sort((x, y) => chargeOrder.get(x.chargeId)! - chargeOrder.get(y.chargeId)!)) {
        applied.set(a.chargeId, (applied.get(a.chargeId) ?? 0) + a.amountCents);
      }
      histories.set(sale.id, { remainingCents: sale.amountCents + reversals.reduce((sum, r) => sum + r.amountCents, 0), applied });
    }
    return histories;
  }

  loadBatch(clearinghouse: Clearinghouse, transactions: readonly LedgerTransaction[]): LedgerState {
    const named = new Set(transactions.flatMap((t) => (t.kind !== 'SALE' && t.originalTransactionId !== null ? [t.originalTransactionId] : [])));
    const ids = new Set([...transactions.map((t) => t.transactionId), ...named]);
    const recorded = this.payments.filter((p) => p.clearinghouse === clearinghouse && ids.has(p.transactionId));
    const earlier = recorded.map(this.earlier);
    const undone = earlier.filter((p) => p.kind === 'SALE' && p.transactionId !== null && named.has(p.transactionId));
    const saleTransactions = new Set(transactions.filter((t) => t.kind === 'SALE').map((t) => t.transactionId));
    const waiting = this.payments
      .filter(
        (p) =>
          p.clearinghouse === clearinghouse &&
          p.status === 'UNMATCHED' &&
          p.reversesPaymentId === null &&
          p.originalTransactionId !== null &&
          saleTransactions.has(p.originalTransactionId),
      )
      .sort(this.byArrival)
      .map(this.waitingRefund);
    const patients = new Map(
      this.patients.filter((p) => transactions.some((t) => t.accountNumber === p.accountNumber)).map((p) => [p.accountNumber, p.id] as const),
    );
    const undonePatients = new Set(undone.flatMap((p) => (p.patientId ? [p.patientId] : [])));
    const patientIds = [...new Set([...patients.values(), ...undonePatients])].sort();
    const charges = new Map(
      patientIds.map(
        (id) =>
          [
            id,
            this.charges
              .get(id)!
              .filter((c) => this.open(c) > 0 || undonePatients.has(id))
              .map(this.loadedCharge),
          ] as const,
      ),
    );
    return { accounts: this.accountsOf(patientIds), charges, earlier, sales: this.histories(undone, false), waiting, patients };
  }

  loadMatchedSale(saleId: string, patientId: string): LedgerState {
    return {
      accounts: this.accountsOf([patientId]),
      charges: new Map([[patientId, this.charges.get(patientId)!.map(this.loadedCharge)]]),
      earlier: [],
      sales: new Map(),
      waiting: this.payments
        .filter((p) => p.reversesPaymentId === saleId && p.status === 'UNMATCHED')
        .sort(this.byArrival)
        .map(this.waitingRefund),
      patients: new Map(),
    };
  }

  loadMatchedRefund(saleId: string): LedgerState {
    const empty: LedgerState = { accounts: new Map(), charges: new Map(), earlier: [], sales: new Map(), waiting: [], patients: new Map() };
    const row = this.payments.find((p) => p.id === saleId);
    if (!row) return empty;
    const sale = this.earlier(row);
    if (sale.kind !== 'SALE' || sale.status !== 'POSTED' || !sale.patientId) return { ...empty, earlier: [sale] };
    const sales = this.histories([sale], true);
    const paid = new Set(sales.get(sale.id)!.applied.keys());
    const charges = this.charges
      .get(sale.patientId)!
      .filter((c) => paid.has(c.id))
      .map(this.loadedCharge);
    return { ...empty, accounts: this.accountsOf([sale.patientId]), charges: new Map([[sale.patientId, charges]]), earlier: [sale], sales };
  }

  // -------------------------------------------------------------------------------------------
  // Postings: load, plan, write. A LedgerError leaves everything as it was (the transaction rolls back).

  post(
    transactions: readonly LedgerTransaction[],
    { clearinghouse = 'INSTAMED', reportId = 'report-1' }: { clearinghouse?: Clearinghouse; reportId?: string | null } = {},
  ) {
    const plan = planBatch(this.loadBatch(clearinghouse, transactions), {
      practiceId: this.practiceId,
      clearinghouse,
      reportId,
      transactions,
      now: this.now,
      newId: this.newId,
    });
    this.write(plan);
    return plan;
  }

  /** Staff match a sale that waits to a patient (the service checks it is an unmatched sale). */
  matchSale(saleId: string, patientId: string): LedgerPlan {
    const sale = this.payments.find((p) => p.id === saleId)!;
    if (sale.kind !== 'SALE' || sale.status !== 'UNMATCHED') throw new Error('The service only matches a sale that waits.');
    const plan = planMatchedSale(this.loadMatchedSale(saleId, patientId), { sale: { id: sale.id, amountCents: sale.amountCents }, patientId, now: this.now });
    this.write(plan);
    return plan;
  }

  /** Staff match a refund that waits, untied, to a posted sale (the service checks that much). */
  matchRefund(refundId: string, saleId: string): LedgerPlan {
    const refund = this.payments.find((p) => p.id === refundId)!;
    if (refund.kind === 'SALE' || refund.status !== 'UNMATCHED' || refund.reversesPaymentId !== null)
      throw new Error('The service only matches a refund that waits.');
    const plan = planMatchedRefund(this.loadMatchedRefund(saleId), {
      refund: { id: refund.id, kind: refund.kind, transactionId: refund.transactionId, amountCents: refund.amountCents },
      saleId,
      now: this.now,
    });
    this.write(plan);
    return plan;
  }

  /** What is left of a sale to take back: its amount less the refunds posted against it. */
  leftOf(saleId: string) {
    const sale = this.payments.find((p) => p.id === saleId)!;
    return sale.amountCents + this.payments.filter((p) => p.reversesPaymentId === saleId && p.status === 'POSTED').reduce((sum, p) => sum + p.amountCents, 0);
  }

  /** The ledger's invariants: each one broken, in words (none when the books balance). */
  problems(): string[] {
    const found: string[] = [];
    const byPayment = new Map<string, StoredApplication[]>();
    const byCharge = new Map<string, number>();
    for (const a of this.applications) {
      byPayment.set(a.paymentId, [...(byPayment.get(a.paymentId) ?? []), a]);
      byCharge.set(a.chargeId, (byCharge.get(a.chargeId) ?? 0) + a.amountCents);
    }
    let onCharges = 0;
    let credit = 0;
    for (const { id: patientId } of this.patients) {
      let open = 0;
      for (const c of this.charges.get(patientId)!) {
        if (c.patientPaidCents !== (byCharge.get(c.id) ?? 0)) found.push(`charge ${c.id}: paid ${c.patientPaidCents}, applications ${byCharge.get(c.id) ?? 0}`);
        if (c.patientPaidCents < 0) found.push(`charge ${c.id}: negative (${c.patientPaidCents})`);
        if (c.patientPaidCents > c.owedCents) found.push(`charge ${c.id}: paid ${c.patientPaidCents} of ${c.owedCents} owed`);
        open += this.open(c);
        onCharges += c.patientPaidCents;
      }
      const account = this.accounts.get(patientId);
      if (!account) continue;
      const unapplied = this.payments
        .filter((p) => p.patientId === patientId && p.kind === 'SALE' && p.status === 'POSTED')
        .reduce((sum, p) => sum + p.unappliedCents, 0);
      if (account.balanceDueCents !== open) found.push(`account of ${patientId}: balance due ${account.balanceDueCents}, open charges ${open}`);
      if (account.creditCents !== unapplied) found.push(`account of ${patientId}: credit ${account.creditCents}, sales' credit ${unapplied}`);
      if (account.creditCents < 0) found.push(`account of ${patientId}: negative credit ${account.creditCents}`);
      credit += account.creditCents;
    }
    const posted = this.payments.filter((p) => p.status === 'POSTED');
    for (const p of this.payments) {
      if (p.status === 'UNMATCHED' && (byPayment.has(p.id) || p.unappliedCents !== 0 || p.patientId !== null))
        found.push(`${p.id} waits but changed the books`);
      if (p.kind !== 'SALE' && p.status === 'POSTED') {
        const sale = this.payments.find((s) => s.id === p.reversesPaymentId);
        if (!sale || sale.kind !== 'SALE' || sale.status !== 'POSTED' || sale.patientId !== p.patientId)
          found.push(`${p.id} posted against no posted sale of its patient`);
      }
    }
    for (const sale of posted.filter((p) => p.kind === 'SALE')) {
      const reversals = posted.filter((p) => p.reversesPaymentId === sale.id);
      const left = this.leftOf(sale.id);
      const net = new Map<string, number>();
      for (const a of [sale, ...reversals].flatMap((p) => byPayment.get(p.id) ?? [])) net.set(a.chargeId, (net.get(a.chargeId) ?? 0) + a.amountCents);
      const applied = [...net.values()].reduce((a, b) => a + b, 0);
      if (left < 0) found.push(`sale ${sale.id}: ${-left} more taken back than it paid`);
      if (sale.unappliedCents < 0) found.push(`sale ${sale.id}: negative credit`);
      if ([...net.values()].some((n) => n < 0)) found.push(`sale ${sale.id}: takes back more from a charge than it paid on it`);
      if (applied + sale.unappliedCents !== left) found.push(`sale ${sale.id}: ${applied} applied + ${sale.unappliedCents} credit, but ${left} left of it`);
    }
    const money = posted.reduce((sum, p) => sum + p.amountCents, 0);
    if (money !== onCharges + credit) found.push(`money: ${money} posted, ${onCharges} on charges + ${credit} credit`);
    return found;
  }

  /** Stores a plan's rows, refusing what the database's keys would refuse. */
  write(plan: LedgerPlan | BatchPlan) {
    const keys = new Set(this.payments.map((p) => `${p.clearinghouse}:${p.kind}:${p.transactionId}`));
    for (const p of plan.payments) {
      const key = `${p.clearinghouse}:${p.kind}:${p.transactionId}`;
      if (keys.has(key)) throw new Error(`Unique key (practice, clearinghouse, transaction ID, kind) taken: ${key}`);
      keys.add(key);
      this.payments.push({ ...p, seq: ++this.seq });
    }
    const byId = new Map(this.payments.map((p) => [p.id, p]));
    const chargeById = new Map([...this.charges.values()].flat().map((c) => [c.id, c]));
    for (const w of plan.waiting) {
      const p = byId.get(w.id)!;
      if (!byId.has(w.reversesPaymentId)) throw new Error(`No payment ${w.reversesPaymentId} to point at.`);
      p.reversesPaymentId = w.reversesPaymentId;
      if (w.posted) Object.assign(p, { patientId: w.posted.patientId, status: 'POSTED', postedAt: w.posted.postedAt });
    }
    const applied = new Set(this.applications.map((a) => `${a.paymentId}:${a.chargeId}`));
    for (const a of plan.applications) {
      if (!byId.has(a.paymentId) || !chargeById.has(a.chargeId)) throw new Error(`Application of ${a.paymentId} to ${a.chargeId} points at nothing.`);
      const key = `${a.paymentId}:${a.chargeId}`;
      if (applied.has(key)) throw new Error(`Unique key (payment, charge) taken: ${key}`);
      applied.add(key);
      this.applications.push({ ...a });
    }
    for (const c of plan.charges) chargeById.get(c.id)!.patientPaidCents = c.patientPaidCents;
    for (const a of plan.accounts) this.accounts.set(a.patientId, { balanceDueCents: a.balanceDueCents, creditCents: a.creditCents });
    for (const s of plan.sales) {
      const p = byId.get(s.id)!;
      p.unappliedCents = s.unappliedCents;
      if (s.posted) Object.assign(p, { patientId: s.posted.patientId, status: 'POSTED', postedAt: s.posted.postedAt });
    }
    this.conflicts.push(...plan.conflicts);
  }
}
