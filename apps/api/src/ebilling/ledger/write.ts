// The ledger's writer: writes a plan (ledger/plan.ts) inside the caller's database transaction, with
// a few bulk statements.
//
// Payments and applications go in with one INSERT ... SELECT FROM unnest(arrays) each: Prisma's
// createMany cost ~2 ms of client CPU per payment row here (20 s for the payments of a
// 10,000-payment file, 8 s for their 20,000 applications); these take ~0.6 s each. Timestamps
// are sent as UTC text into timestamp(3) columns, as Prisma stores them; createdAt is the
// client's clock, as Prisma's @default(now()). Enum and timestamp arrays go as text[] and are
// cast in SQL (PGlite's driver cannot serialize arrays of types it does not know).
import { randomUUID } from 'node:crypto';
import type { Prisma } from '@kinpay/db';
import type { AccountUpdate, ChargeUpdate, ConflictRow, LedgerPlan, NewApplication, NewPayment, SaleUpdate, WaitingUpdate } from './plan.ts';

type Tx = Prisma.TransactionClient;

/**
 * Another processor posted some of the same transactions in the meantime (its transaction
 * committed while this one waited on the unique key): nothing of this batch may stand.
 */
export class ConcurrentPostingError extends Error {}

/** Writes every row of the plan, payments first (the other rows point at them). */
export async function writePlan(tx: Tx, plan: LedgerPlan) {
  await insertPayments(tx, plan.payments);
  // Refunds that waited for a sale point at it now (a sale of this batch has its row by now).
  await updateWaiting(tx, plan.waiting);
  await insertApplications(tx, plan.applications);
  await writeCharges(tx, plan.charges);
  await writeAccounts(tx, plan.accounts);
  await updateSales(tx, plan.sales);
  await insertConflicts(tx, plan.conflicts);
}

const iso = (value: Date | null) => (value === null ? null : value.toISOString());

async function insertPayments(tx: Tx, payments: NewPayment[]) {
  if (!payments.length) return;
  const column = <T>(pick: (p: NewPayment) => T) => payments.map(pick);
  const createdAt = new Date().toISOString();
  // A unique key taken by a concurrent processor (who committed while we waited on it) skips the
  // row here instead of failing the statement; the count tells, and the whole batch is refused.
  const inserted = await tx.$executeRaw`
    INSERT INTO "Payment" (id, "practiceId", "patientId", clearinghouse, "transactionId", kind, status, method, "amountCents",
                           "unappliedCents", "accountNumber", "payerName", "cardType", "authorizationNumber", "receivedAt",
                           "postedAt", "reportId", "reversesPaymentId", "originalTransactionId", location, "createdAt")
    SELECT v.*, ${createdAt}::timestamp(3) FROM unnest(
      ${column((p) => p.id)}::uuid[], ${column((p) => p.practiceId)}::uuid[], ${column((p) => p.patientId)}::uuid[],
      ${column((p) => p.clearinghouse)}::text[]::"Clearinghouse"[], ${column((p) => p.transactionId)}::text[],
      ${column((p) => p.kind)}::text[]::"PaymentKind"[], ${column((p) => p.status)}::text[]::"PaymentStatus"[],
      ${column((p) => p.method)}::text[]::"PaymentMethod"[], ${column((p) => p.amountCents)}::bigint[], ${column((p) => p.unappliedCents)}::bigint[],
      ${column((p) => p.accountNumber)}::text[], ${column((p) => p.payerName)}::text[], ${column((p) => p.cardType)}::text[],
      ${column((p) => p.authorizationNumber)}::text[], ${column((p) => iso(p.receivedAt))}::text[]::timestamp(3)[],
      ${column((p) => iso(p.postedAt))}::text[]::timestamp(3)[], ${column((p) => p.reportId)}::uuid[], ${column((p) => p.reversesPaymentId)}::uuid[],
      ${column((p) => p.originalTransactionId)}::text[], ${column((p) => p.location)}::text[]
    ) AS v
    ON CONFLICT DO NOTHING`;
  if (inserted !== payments.length) {
    throw new ConcurrentPostingError(`${payments.length - inserted} of ${payments.length} transactions were posted by another processor at the same moment.`);
  }
}

async function insertApplications(tx: Tx, applications: NewApplication[]) {
  if (!applications.length) return;
  await tx.$executeRaw`
    INSERT INTO "PaymentApplication" (id, "paymentId", "chargeId", "amountCents", "createdAt")
    SELECT v.*, ${new Date().toISOString()}::timestamp(3) FROM unnest(
      ${applications.map(() => randomUUID())}::uuid[], ${applications.map((a) => a.paymentId)}::uuid[],
      ${applications.map((a) => a.chargeId)}::uuid[], ${applications.map((a) => a.amountCents)}::bigint[]
    ) AS v`;
}

async function writeCharges(tx: Tx, charges: ChargeUpdate[]) {
  if (!charges.length) return;
  await tx.$executeRaw`
    UPDATE "Charge" AS c SET "patientPaidCents" = v.paid
    FROM (SELECT unnest(${charges.map((c) => c.id)}::uuid[]) AS id, unnest(${charges.map((c) => c.patientPaidCents)}::bigint[]) AS paid) AS v
    WHERE c.id = v.id`;
}

async function writeAccounts(tx: Tx, accounts: AccountUpdate[]) {
  if (!accounts.length) return;
  await tx.$executeRaw`
    UPDATE "CreditAccount" AS a SET "balanceDueCents" = v.due, "creditCents" = v.credit, "updatedAt" = now()
    FROM (SELECT unnest(${accounts.map((a) => a.patientId)}::uuid[]) AS id,
                 unnest(${accounts.map((a) => a.balanceDueCents)}::bigint[]) AS due,
                 unnest(${accounts.map((a) => a.creditCents)}::bigint[]) AS credit) AS v
    WHERE a."patientId" = v.id`;
}

// Sales whose credit changed and refunds that waited are few in a report (one row each, as before).
async function updateSales(tx: Tx, sales: SaleUpdate[]) {
  for (const { id, unappliedCents, posted } of sales) {
    await tx.payment.update({
      where: { id },
      data: { unappliedCents, ...(posted ? { patientId: posted.patientId, status: 'POSTED', postedAt: posted.postedAt } : {}) },
    });
  }
}

async function updateWaiting(tx: Tx, waiting: WaitingUpdate[]) {
  for (const { id, reversesPaymentId, posted } of waiting) {
    await tx.payment.update({
      where: { id },
      data: { reversesPaymentId, ...(posted ? { patientId: posted.patientId, status: 'POSTED', postedAt: posted.postedAt } : {}) },
    });
  }
}

async function insertConflicts(tx: Tx, conflicts: ConflictRow[]) {
  if (!conflicts.length) return;
  await tx.paymentConflict.createMany({
    data: conflicts.map(({ practiceId, clearinghouse, reportId, paymentId, transaction: t, differences }) => ({
      practiceId,
      paymentId,
      reportId,
      clearinghouse,
      transactionId: t.transactionId,
      kind: t.kind,
      amountCents: t.amountCents,
      accountNumber: t.accountNumber,
      payerName: t.payerName,
      originalTransactionId: t.originalTransactionId,
      occurredAt: t.occurredAt,
      location: t.location,
      differences,
    })),
  });
}
