// The ledger's loader: reads what a posting needs (ledger/plan.ts's LedgerState) inside the caller's
// database transaction, one query at a time (a transaction is one connection). Whatever the plan
// will change is locked FOR UPDATE before it is read, in one order everywhere: payments first (by
// id), then credit accounts (by patient id). A patient's charges and applications are read only
// under the lock of the patient's credit account, so two postings for one patient take turns and
// the second sees what the first wrote.
import { Prisma, type Clearinghouse, type PaymentKind } from '@kinpay/db';
import { toCents } from '@kinpay/money';
import type { EarlierPayment, LedgerState, LedgerTransaction, LoadedAccount, LoadedCharge, SaleHistory, WaitingRefund } from './plan.ts';

type Tx = Prisma.TransactionClient;

type PaymentRow = Omit<EarlierPayment, 'amountCents' | 'unappliedCents'> & {
  amountCents: bigint;
  unappliedCents: bigint;
  reversesPaymentId: string | null;
  location: string | null;
  receivedAt: Date;
  createdAt: Date;
};

/** The "Payment" columns a PaymentRow holds, as every read below selects them. */
const PAYMENT_ROW = Prisma.sql`id::text AS id, "transactionId", kind::text AS kind, "patientId"::text AS "patientId", status::text AS status,
  "unappliedCents", "amountCents", "accountNumber", "originalTransactionId", "reversesPaymentId"::text AS "reversesPaymentId",
  location, "receivedAt", "createdAt"`;

const earlierPayment = (p: PaymentRow): EarlierPayment => ({
  id: p.id,
  transactionId: p.transactionId,
  kind: p.kind,
  patientId: p.patientId,
  status: p.status,
  amountCents: toCents(p.amountCents),
  unappliedCents: toCents(p.unappliedCents),
  accountNumber: p.accountNumber,
  originalTransactionId: p.originalTransactionId,
});

const waitingRefund = (p: {
  id: string;
  transactionId: string | null;
  kind: PaymentKind;
  amountCents: bigint;
  originalTransactionId: string | null;
  location: string | null;
}): WaitingRefund => ({
  id: p.id,
  transactionId: p.transactionId,
  kind: p.kind,
  amountCents: -toCents(p.amountCents),
  originalTransactionId: p.originalTransactionId,
  location: p.location,
});

/** The order refunds waiting for a sale post in: the order they came. */
function byArrival(a: PaymentRow, b: PaymentRow) {
  return a.receivedAt.getTime() - b.receivedAt.getTime() || a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const unique = <T>(values: Iterable<T>) => [...new Set(values)];

/** Everything a batch of one report (or notice) can touch. */
export async function loadBatch(
  tx: Tx,
  input: { practiceId: string; clearinghouse: Clearinghouse; transactions: readonly LedgerTransaction[] },
): Promise<LedgerState> {
  const { practiceId, clearinghouse, transactions } = input;

  // 1. What was recorded before, from this clearinghouse, under the batch's transaction IDs (any
  // kind) and the IDs its refunds name: duplicates, conflicts, and the sales being undone.
  const named = new Set(transactions.flatMap((t) => (t.kind !== 'SALE' && t.originalTransactionId !== null ? [t.originalTransactionId] : [])));
  const ids = unique([...transactions.map((t) => t.transactionId), ...named]);
  const recorded = ids.length
    ? await tx.$queryRaw<PaymentRow[]>`
        SELECT ${PAYMENT_ROW}
        FROM "Payment"
        WHERE "practiceId" = ${practiceId}::uuid
          AND clearinghouse = ${clearinghouse}::"Clearinghouse"
          AND "transactionId" = ANY(${ids}::text[])`
    : [];

  // 2. Locked, then read again: the earlier sales the batch's refunds take back from (another
  // posting may have refunded them, or staff matched them, while this one started), and the refunds
  // that came before their sale and wait for a sale of this batch (staff may be matching them).
  const undone = recorded.filter((p) => p.kind === 'SALE' && p.transactionId !== null && named.has(p.transactionId)).map((p) => p.id);
  const saleTransactionIds = unique(transactions.filter((t) => t.kind === 'SALE').map((t) => t.transactionId));
  const locked =
    undone.length || saleTransactionIds.length
      ? await tx.$queryRaw<PaymentRow[]>`
          SELECT ${PAYMENT_ROW}
          FROM "Payment"
          WHERE "practiceId" = ${practiceId}::uuid
            AND clearinghouse = ${clearinghouse}::"Clearinghouse"
            AND (id = ANY(${undone}::uuid[])
                 OR (status = 'UNMATCHED' AND "reversesPaymentId" IS NULL AND "originalTransactionId" = ANY(${saleTransactionIds}::text[])))
          ORDER BY id
          FOR UPDATE`
      : [];
  const fresh = new Map(locked.map((p) => [p.id, p]));
  const earlier = recorded.map((p) => earlierPayment(fresh.get(p.id) ?? p));
  const saleTransactions = new Set(saleTransactionIds);
  const waiting = locked
    .filter(
      (p) => p.status === 'UNMATCHED' && p.reversesPaymentId === null && p.originalTransactionId !== null && saleTransactions.has(p.originalTransactionId),
    )
    .sort(byArrival)
    .map(waitingRefund);
  const undoneIds = new Set(undone);
  const undoneSales = earlier.filter((p) => undoneIds.has(p.id));

  // 3. Patients by the account numbers the clearinghouse sent.
  const accountNumbers = unique(transactions.map((t) => t.accountNumber).filter((a): a is string => !!a));
  const patientRows = accountNumbers.length
    ? await tx.$queryRaw<{ id: string; accountNumber: string }[]>`
        SELECT id::text AS id, "accountNumber" FROM "Patient" WHERE "practiceId" = ${practiceId}::uuid AND "accountNumber" = ANY(${accountNumbers}::text[])`
    : [];
  const patients = new Map(patientRows.map((p) => [p.accountNumber, p.id]));

  // 4. Lock the credit accounts of every patient the batch can touch, then read their charges: the
  // open ones, and all of them for the patients of sales being undone (a refund re-opens any
  // charge its sale paid).
  const undonePatients = unique(undoneSales.map((p) => p.patientId).filter((id): id is string => !!id));
  const patientIds = unique([...patients.values(), ...undonePatients]).sort();
  const accounts = await lockAccounts(tx, patientIds);
  const charges = new Map<string, LoadedCharge[]>(patientIds.map((id) => [id, []]));
  const chargeRows = patientIds.length
    ? await tx.$queryRaw<{ id: string; patientId: string; open: bigint; patientPaid: bigint }[]>`
        SELECT id::text AS id, "patientId"::text AS "patientId",
               "amountCents" - "insurancePaidCents" - "adjustmentCents" - "patientPaidCents" AS open, "patientPaidCents" AS "patientPaid"
        FROM "Charge"
        WHERE "patientId" = ANY(${patientIds}::uuid[])
          AND ("amountCents" - "insurancePaidCents" - "adjustmentCents" - "patientPaidCents" > 0 OR "patientId" = ANY(${undonePatients}::uuid[]))
        ORDER BY "patientId", "serviceDate", "createdAt", id`
    : [];
  for (const c of chargeRows) charges.get(c.patientId)!.push({ id: c.id, openCents: toCents(c.open), patientPaidCents: toCents(c.patientPaid) });

  // 5. What is left of each sale being undone, and where it is applied.
  const sales = await loadSaleHistories(tx, undoneSales, { postedReversalsOnly: false });

  return { accounts, charges, earlier, sales, waiting, patients };
}

/** A sale that waited, matched by staff to a patient (the caller holds the sale's row lock). */
export async function loadMatchedSale(tx: Tx, saleId: string, patientId: string): Promise<LedgerState> {
  const accounts = await lockAccounts(tx, [patientId]);
  const charges = (await tx.charge.findMany({ where: { patientId }, orderBy: [{ serviceDate: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] })).map((c) => ({
    id: c.id,
    openCents: toCents(c.amountCents - c.insurancePaidCents - c.adjustmentCents - c.patientPaidCents),
    patientPaidCents: toCents(c.patientPaidCents),
  }));
  // Refunds and reversals tied to the sale while it waited; no one else changes them while the sale is locked.
  const waiting = await tx.payment.findMany({
    where: { reversesPaymentId: saleId, status: 'UNMATCHED' },
    orderBy: [{ receivedAt: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
  });
  return {
    accounts,
    charges: new Map([[patientId, charges]]),
    earlier: [],
    sales: new Map(),
    waiting: waiting.map(waitingRefund),
    patients: new Map(),
  };
}

/** The posted sale staff chose for a refund that waited (the caller holds the refund's row lock). */
export async function loadMatchedRefund(tx: Tx, saleId: string): Promise<LedgerState> {
  const [row] = await tx.$queryRaw<PaymentRow[]>`
    SELECT ${PAYMENT_ROW}
    FROM "Payment" WHERE id = ${saleId}::uuid FOR UPDATE`;
  const empty: LedgerState = { accounts: new Map(), charges: new Map(), earlier: [], sales: new Map(), waiting: [], patients: new Map() };
  if (!row) return empty;
  const sale = earlierPayment(row);
  // The planner refuses anything but a posted sale; there is nothing more to read for it.
  if (sale.kind !== 'SALE' || sale.status !== 'POSTED' || !sale.patientId) return { ...empty, earlier: [sale] };
  const accounts = await lockAccounts(tx, [sale.patientId]);
  const sales = await loadSaleHistories(tx, [sale], { postedReversalsOnly: true });
  // The charges the sale paid, oldest first (the order it applied them in).
  const chargeIds = [...(sales.get(sale.id)?.applied.keys() ?? [])];
  const rows = chargeIds.length
    ? await tx.charge.findMany({ where: { id: { in: chargeIds } }, orderBy: [{ serviceDate: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] })
    : [];
  const charges = rows.map((c) => ({
    id: c.id,
    openCents: toCents(c.amountCents - c.insurancePaidCents - c.adjustmentCents - c.patientPaidCents),
    patientPaidCents: toCents(c.patientPaidCents),
  }));
  return { ...empty, accounts, charges: new Map([[sale.patientId, charges]]), earlier: [sale], sales };
}

/** Locks the credit accounts of these patients, in patient order (so concurrent postings cannot deadlock). */
async function lockAccounts(tx: Tx, patientIds: string[]): Promise<Map<string, LoadedAccount>> {
  const accounts = new Map<string, LoadedAccount>();
  if (!patientIds.length) return accounts;
  const sorted = [...patientIds].sort();
  const rows = await tx.$queryRaw<{ patientId: string; balanceDueCents: bigint; creditCents: bigint }[]>`
    SELECT "patientId"::text AS "patientId", "balanceDueCents", "creditCents" FROM "CreditAccount"
    WHERE "patientId" = ANY(${sorted}::uuid[]) ORDER BY "patientId" FOR UPDATE`;
  for (const r of rows) accounts.set(r.patientId, { balanceDueCents: toCents(r.balanceDueCents), creditCents: toCents(r.creditCents) });
  return accounts;
}

/**
 * What is left of each sale (its amount less the refunds and reversals against it) and its net
 * application per charge, in the order the sale applied them (its charges oldest first), so that
 * undoing walks them back newest first. Read under the lock of the sale's patient's credit account.
 */
async function loadSaleHistories(
  tx: Tx,
  sales: EarlierPayment[],
  { postedReversalsOnly }: { postedReversalsOnly: boolean },
): Promise<Map<string, SaleHistory>> {
  const histories = new Map<string, { remainingCents: number; applied: Map<string, number> }>();
  if (!sales.length) return histories;
  const saleIds = sales.map((s) => s.id);
  const reversalWhere = { reversesPaymentId: { in: saleIds }, ...(postedReversalsOnly ? { status: 'POSTED' as const } : {}) };
  const applications = await tx.paymentApplication.findMany({
    where: { OR: [{ paymentId: { in: saleIds } }, { payment: reversalWhere }] },
    include: { payment: { select: { reversesPaymentId: true } } },
    orderBy: [{ charge: { serviceDate: 'asc' } }, { charge: { createdAt: 'asc' } }, { chargeId: 'asc' }],
  });
  const reversals = await tx.payment.groupBy({ by: ['reversesPaymentId'], where: reversalWhere, _sum: { amountCents: true } });
  const reversed = new Map(reversals.map((r) => [r.reversesPaymentId, toCents(r._sum.amountCents ?? 0)]));
  for (const sale of sales) histories.set(sale.id, { remainingCents: sale.amountCents + (reversed.get(sale.id) ?? 0), applied: new Map() });
  for (const a of applications) {
    const history = histories.get(a.payment.reversesPaymentId ?? a.paymentId)!;
    history.applied.set(a.chargeId, (history.applied.get(a.chargeId) ?? 0) + toCents(a.amountCents));
  }
  return histories;
}
