// The ledger: posts clearinghouse transactions to patients' credit accounts and applies them to
// charges. Everything a batch changes is loaded first (credit accounts locked FOR UPDATE, in a
// fixed order so concurrent batches cannot deadlock), worked out in memory, then written with a
// few bulk statements, all inside the caller's database transaction. That is what lets a
// 10,000-payment file post in seconds and still all-or-nothing.
//
// Rules:
// - A sale is applied to the patient's open charges, oldest service date first; what is left is
//   credit on the account (Payment.unappliedCents, CreditAccount.creditCents).
// - A refund, reversal, void or chargeback is a payment of its own with a negative amount that
//   points at the sale it undoes. It takes back the sale's unapplied credit first, then
//   unapplies the sale from its charges newest first (re-opening them), with negative
//   applications that belong to the refund. It never takes back more than is left of the sale.
// - A transaction posts once: (practice, clearinghouse, transaction ID, kind) is unique, and a
//   transaction seen before (in an earlier report, the webhook, or earlier in the same file) is
//   a duplicate and changes nothing.
// - A transaction whose account number matches no patient, or a refund whose sale is not
//   posted, is stored UNMATCHED and changes no balance until staff match it.
import { randomUUID } from 'node:crypto';
import type { Clearinghouse, PaymentKind, PaymentMethod, Prisma } from '@kinpay/db';

type Tx = Prisma.TransactionClient;

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
}

export type PostingOutcome = 'POSTED' | 'REVERSAL_POSTED' | 'UNMATCHED' | 'DUPLICATE';

export class LedgerError extends Error {}

interface ChargeState {
  id: string;
  open: number;
  patientPaid: number;
  dirty: boolean;
}
interface AccountState {
  balanceDueCents: number;
  creditCents: number;
  dirty: boolean;
}
interface SaleState {
  id: string;
  patientId: string;
  status: 'POSTED' | 'UNMATCHED';
  unapplied: number;
  /** What is left to take back: the sale less earlier refunds and reversals. */
  remaining: number;
  /** Net applied per charge, in application order. */
  applied: Map<string, number>;
  dirty: boolean;
}

const isReversal = (kind: PaymentKind) => kind !== 'SALE';
const keyOf = (transactionId: string, kind: PaymentKind) => `${kind}:${transactionId}`;

function assertAmount(t: LedgerTransaction) {
  if (!Number.isSafeInteger(t.amountCents) || t.amountCents <= 0) {
    throw new LedgerError(`Transaction ${t.transactionId} has an amount of ${t.amountCents} cents; amounts must be positive whole cents.`);
  }
}

export interface PostBatchInput {
  practiceId: string;
  clearinghouse: Clearinghouse | null;
  reportId: string | null;
  transactions: LedgerTransaction[];
  now?: Date;
}

export interface PostBatchResult {
  outcomes: PostingOutcome[];
  /** Ids of payments created, in the order of `transactions` (null for duplicates). */
  paymentIds: (string | null)[];
  netCents: number;
}

export async function postBatch(tx: Tx, input: PostBatchInput): Promise<PostBatchResult> {
  const { practiceId, clearinghouse, reportId } = input;
  const now = input.now ?? new Date();
  input.transactions.forEach(assertAmount);

  // 1. What was posted before, and the sales that refunds in this batch undo.
  const ids = [...new Set(input.transactions.flatMap((t) => [t.transactionId, t.originalTransactionId ?? []].flat()))];
  const known = await tx.payment.findMany({
    where: { practiceId, clearinghouse, transactionId: { in: ids } },
    select: { id: true, transactionId: true, kind: true, patientId: true, status: true, unappliedCents: true, amountCents: true },
  });
  const seen = new Set(known.map((p) => keyOf(p.transactionId!, p.kind)));
  const salesByTransaction = new Map(known.filter((p) => p.kind === 'SALE').map((p) => [p.transactionId!, p]));

  // 2. Patients by the account numbers the clearinghouse sent.
  const accountNumbers = [...new Set(input.transactions.map((t) => t.accountNumber).filter((a): a is string => !!a))];
  const patients = await tx.patient.findMany({ where: { practiceId, accountNumber: { in: accountNumbers } }, select: { id: true, accountNumber: true } });
  const patientByAccount = new Map(patients.map((p) => [p.accountNumber, p.id]));

  // 3. Lock and load the accounts and charges of every patient the batch can touch.
  const patientIds = [...new Set([...patients.map((p) => p.id), ...known.map((p) => p.patientId).filter((id): id is string => !!id)])].sort();
  const accounts = new Map<string, AccountState>();
  if (patientIds.length) {
    const rows = await tx.$queryRaw<{ patientId: string; balanceDueCents: number; creditCents: number }[]>`
      SELECT "patientId"::text AS "patientId", "balanceDueCents", "creditCents" FROM "CreditAccount"
      WHERE "patientId" = ANY(${patientIds}::uuid[]) ORDER BY "patientId" FOR UPDATE`;
    for (const r of rows) accounts.set(r.patientId, { balanceDueCents: Number(r.balanceDueCents), creditCents: Number(r.creditCents), dirty: false });
  }
  const charges = new Map<string, ChargeState[]>(patientIds.map((id) => [id, []]));
  const chargeById = new Map<string, ChargeState>();
  const chargeRows = await tx.charge.findMany({
    where: { patientId: { in: patientIds } },
    orderBy: [{ serviceDate: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
  });
  for (const c of chargeRows) {
    const state = { id: c.id, open: c.amountCents - c.insurancePaidCents - c.adjustmentCents - c.patientPaidCents, patientPaid: c.patientPaidCents, dirty: false };
    charges.get(c.patientId)!.push(state);
    chargeById.set(c.id, state);
  }

  // 4. The sales being undone: what is left of each, and where it was applied.
  const sales = new Map<string, SaleState>();
  const saleIds = [...salesByTransaction.values()].map((s) => s.id);
  if (saleIds.length) {
    const [applications, reversals] = await Promise.all([
      tx.paymentApplication.findMany({
        where: { OR: [{ paymentId: { in: saleIds } }, { payment: { reversesPaymentId: { in: saleIds } } }] },
        include: { payment: { select: { reversesPaymentId: true } } },
        orderBy: { createdAt: 'asc' },
      }),
      tx.payment.groupBy({ by: ['reversesPaymentId'], where: { reversesPaymentId: { in: saleIds } }, _sum: { amountCents: true } }),
    ]);
    for (const sale of salesByTransaction.values()) {
      const reversed = reversals.find((r) => r.reversesPaymentId === sale.id)?._sum.amountCents ?? 0;
      sales.set(sale.transactionId!, {
        id: sale.id,
        patientId: sale.patientId ?? '',
        status: sale.status,
        unapplied: sale.unappliedCents,
        remaining: sale.amountCents + reversed,
        applied: new Map(),
        dirty: false,
      });
    }
    const saleById = new Map([...sales.values()].map((s) => [s.id, s]));
    for (const a of applications) {
      const sale = saleById.get(a.payment.reversesPaymentId ?? a.paymentId)!;
      sale.applied.set(a.chargeId, (sale.applied.get(a.chargeId) ?? 0) + a.amountCents);
    }
  }

  // 5. Work out every transaction in order.
  const payments: Prisma.PaymentCreateManyInput[] = [];
  const applications: Prisma.PaymentApplicationCreateManyInput[] = [];
  const outcomes: PostingOutcome[] = [];
  const paymentIds: (string | null)[] = [];
  let netCents = 0;

  for (const t of input.transactions) {
    const key = keyOf(t.transactionId, t.kind);
    if (seen.has(key)) {
      outcomes.push('DUPLICATE');
      paymentIds.push(null);
      continue;
    }
    seen.add(key);
    const id = randomUUID();
    const base = {
      id,
      practiceId,
      clearinghouse,
      transactionId: t.transactionId,
      kind: t.kind,
      method: t.method,
      accountNumber: t.accountNumber,
      payerName: t.payerName,
      cardType: t.cardType,
      authorizationNumber: t.authorizationNumber,
      receivedAt: t.occurredAt,
      reportId,
    };
    paymentIds.push(id);

    if (!isReversal(t.kind)) {
      const patientId = t.accountNumber ? patientByAccount.get(t.accountNumber) : undefined;
      if (!patientId) {
        payments.push({ ...base, amountCents: t.amountCents, status: 'UNMATCHED' });
        sales.set(t.transactionId, { id, patientId: '', status: 'UNMATCHED', unapplied: 0, remaining: t.amountCents, applied: new Map(), dirty: false });
        outcomes.push('UNMATCHED');
        continue;
      }
      const sale: SaleState = { id, patientId, status: 'POSTED', unapplied: 0, remaining: t.amountCents, applied: new Map(), dirty: false };
      const unapplied = applySale(sale, t.amountCents, charges.get(patientId)!, accounts.get(patientId)!, applications);
      payments.push({ ...base, patientId, amountCents: t.amountCents, unappliedCents: unapplied, status: 'POSTED', postedAt: now });
      sales.set(t.transactionId, sale);
      outcomes.push('POSTED');
      netCents += t.amountCents;
      continue;
    }

    // A refund, reversal, void or chargeback: undo (part of) a posted sale.
    const originalId = t.originalTransactionId ?? t.transactionId;
    const sale = sales.get(originalId);
    if (!sale || sale.status !== 'POSTED') {
      payments.push({ ...base, amountCents: -t.amountCents, status: 'UNMATCHED', reversesPaymentId: sale?.id ?? null });
      outcomes.push('UNMATCHED');
      continue;
    }
    if (t.amountCents > sale.remaining) {
      throw new LedgerError(
        `${t.kind.toLowerCase()} ${t.transactionId} takes back ${t.amountCents} cents, but only ${sale.remaining} cents are left of payment ${originalId}.`,
      );
    }
    undoSale(sale, id, t.amountCents, chargeById, accounts.get(sale.patientId)!, applications);
    payments.push({ ...base, patientId: sale.patientId, amountCents: -t.amountCents, status: 'POSTED', postedAt: now, reversesPaymentId: sale.id });
    outcomes.push('REVERSAL_POSTED');
    netCents -= t.amountCents;
  }

  // 6. Write it all. Sales refunded in this same batch are written with their final credit.
  const saleById = new Map([...sales.values()].map((sale) => [sale.id, sale]));
  const created = new Set(payments.map((p) => p.id));
  for (const p of payments) {
    const sale = saleById.get(p.id!);
    if (sale && p.kind === 'SALE' && p.status === 'POSTED') p.unappliedCents = sale.unapplied;
  }
  if (payments.length) await tx.payment.createMany({ data: payments });
  if (applications.length) await tx.paymentApplication.createMany({ data: applications });
  await writeCharges(tx, [...chargeById.values()].filter((c) => c.dirty));
  await writeAccounts(tx, [...accounts.entries()].filter(([, a]) => a.dirty));
  for (const sale of saleById.values()) {
    if (sale.dirty && !created.has(sale.id)) await tx.payment.update({ where: { id: sale.id }, data: { unappliedCents: sale.unapplied } });
  }
  return { outcomes, paymentIds, netCents };
}

/** Applies a sale to open charges oldest first; returns the unapplied remainder (credit). */
function applySale(sale: SaleState, amount: number, charges: ChargeState[], account: AccountState, out: Prisma.PaymentApplicationCreateManyInput[]) {
  let left = amount;
  for (const charge of charges) {
    if (left === 0) break;
    if (charge.open <= 0) continue;
    const take = Math.min(charge.open, left);
    charge.open -= take;
    charge.patientPaid += take;
    charge.dirty = true;
    sale.applied.set(charge.id, (sale.applied.get(charge.id) ?? 0) + take);
    out.push({ paymentId: sale.id, chargeId: charge.id, amountCents: take });
    account.balanceDueCents -= take;
    left -= take;
  }
  sale.unapplied = left;
  sale.remaining = amount;
  account.creditCents += left;
  account.dirty = true;
  return left;
}

/** Takes `amount` back from a sale: its credit first, then its charges newest first. */
function undoSale(sale: SaleState, reversalId: string, amount: number, chargeById: Map<string, ChargeState>, account: AccountState, out: Prisma.PaymentApplicationCreateManyInput[]) {
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
    const charge = chargeById.get(chargeId)!;
    charge.open += take;
    charge.patientPaid -= take;
    charge.dirty = true;
    sale.applied.set(chargeId, net - take);
    out.push({ paymentId: reversalId, chargeId, amountCents: -take });
    account.balanceDueCents += take;
    left -= take;
  }
  sale.remaining -= amount;
  sale.dirty = fromCredit > 0 || sale.dirty;
  account.dirty = true;
  if (left !== 0) throw new LedgerError(`Could not take back ${left} cents of payment ${sale.id}: the ledger is inconsistent.`);
}

async function writeCharges(tx: Tx, charges: ChargeState[]) {
  if (!charges.length) return;
  await tx.$executeRaw`
    UPDATE "Charge" AS c SET "patientPaidCents" = v.paid
    FROM (SELECT unnest(${charges.map((c) => c.id)}::uuid[]) AS id, unnest(${charges.map((c) => c.patientPaid)}::int[]) AS paid) AS v
    WHERE c.id = v.id`;
}

async function writeAccounts(tx: Tx, accounts: [string, AccountState][]) {
  if (!accounts.length) return;
  await tx.$executeRaw`
    UPDATE "CreditAccount" AS a SET "balanceDueCents" = v.due, "creditCents" = v.credit, "updatedAt" = now()
    FROM (SELECT unnest(${accounts.map(([id]) => id)}::uuid[]) AS id,
                 unnest(${accounts.map(([, a]) => a.balanceDueCents)}::int[]) AS due,
                 unnest(${accounts.map(([, a]) => a.creditCents)}::int[]) AS credit) AS v
    WHERE a."patientId" = v.id`;
}

/** Posts an unmatched sale to the patient staff chose: applies it like any sale. */
export async function postMatchedSale(tx: Tx, payment: { id: string; amountCents: number }, patientId: string, now = new Date()) {
  const [row] = await tx.$queryRaw<{ balanceDueCents: number; creditCents: number }[]>`
    SELECT "balanceDueCents", "creditCents" FROM "CreditAccount" WHERE "patientId" = ${patientId}::uuid FOR UPDATE`;
  if (!row) throw new LedgerError('That patient has no credit account.');
  const account: AccountState = { balanceDueCents: Number(row.balanceDueCents), creditCents: Number(row.creditCents), dirty: false };
  const charges = (await tx.charge.findMany({ where: { patientId }, orderBy: [{ serviceDate: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] })).map((c) => ({
    id: c.id,
    open: c.amountCents - c.insurancePaidCents - c.adjustmentCents - c.patientPaidCents,
    patientPaid: c.patientPaidCents,
    dirty: false,
  }));
  const sale: SaleState = { id: payment.id, patientId, status: 'POSTED', unapplied: 0, remaining: payment.amountCents, applied: new Map(), dirty: false };
  const applications: Prisma.PaymentApplicationCreateManyInput[] = [];
  const unapplied = applySale(sale, payment.amountCents, charges, account, applications);
  if (applications.length) await tx.paymentApplication.createMany({ data: applications });
  await writeCharges(tx, charges.filter((c) => c.dirty));
  await writeAccounts(tx, [[patientId, account]]);
  await tx.payment.update({ where: { id: payment.id }, data: { patientId, status: 'POSTED', postedAt: now, unappliedCents: unapplied } });
}
