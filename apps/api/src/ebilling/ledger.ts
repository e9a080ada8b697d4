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
// - A transaction posts once: (practice, clearinghouse, transaction ID, kind) is unique, where the
//   clearinghouse is the one the report came from (never the practice's current setting). A
//   transaction seen before (in an earlier report or a notice) with the same details is a duplicate
//   and changes nothing; seen with another amount, account or kind it is a conflict: not posted,
//   kept with both versions for staff.
// - A transaction whose account number matches no patient, or a refund whose sale is not
//   posted, is stored UNMATCHED and changes no balance until staff match it.
import { randomUUID } from 'node:crypto';
import { Prisma, type Clearinghouse, type PaymentKind, type PaymentMethod } from '@kinpay/db';
import { formatCents, toCents } from '@kinpay/money';
import { MAX_TRANSACTION_CENTS } from '@kinpay/remittance';

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
  /** Where in the report, for staff: "line 4". */
  location: string;
}

export type PostingOutcome = 'POSTED' | 'REVERSAL_POSTED' | 'UNMATCHED' | 'DUPLICATE' | 'CONFLICT';

export class LedgerError extends Error {}

/**
 * Another processor posted some of the same transactions in the meantime (its transaction
 * committed while this one waited on the unique key): nothing of this batch may stand.
 */
export class ConcurrentPostingError extends Error {}

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
  if (!Number.isSafeInteger(t.amountCents) || t.amountCents <= 0 || t.amountCents > MAX_TRANSACTION_CENTS) {
    throw new LedgerError(
      `Transaction ${t.transactionId} (${t.location}) has an amount of ${t.amountCents} cents; amounts must be whole cents from 1 to ${MAX_TRANSACTION_CENTS}.`,
    );
  }
}

interface KnownPayment {
  id: string;
  transactionId: string;
  kind: PaymentKind;
  patientId: string | null;
  status: 'POSTED' | 'UNMATCHED';
  unappliedCents: number;
  amountCents: number;
  accountNumber: string | null;
  originalTransactionId: string | null;
}

const KIND_WORDS: Record<PaymentKind, string> = {
  SALE: 'payment',
  REFUND: 'refund',
  REVERSAL: 'reversal',
  VOID: 'void',
  RETURN: 'return',
  CHARGEBACK: 'chargeback',
};

/** What differs between a payment recorded earlier and a transaction under the same key. */
function differences(known: KnownPayment, t: LedgerTransaction): string[] {
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

/**
 * A sale and an undo of that very sale may share a transaction ID (InstaMed keeps the sale's ID on
 * a void); any other pair of kinds under one ID contradicts itself.
 */
function kindsCompatible(a: { kind: PaymentKind; transactionId: string; originalTransactionId: string | null }, b: typeof a): boolean {
  const [sale, undo] = a.kind === 'SALE' ? [a, b] : [b, a];
  return sale.kind === 'SALE' && undo.kind !== 'SALE' && (undo.originalTransactionId ?? undo.transactionId) === sale.transactionId;
}

export interface NewConflict {
  paymentId: string;
  transaction: LedgerTransaction;
  differences: string[];
}

export interface PostBatchInput {
  practiceId: string;
  /** The clearinghouse the report came from: part of every transaction's key. */
  clearinghouse: Clearinghouse;
  reportId: string | null;
  transactions: LedgerTransaction[];
  now?: Date;
}

export interface PostBatchResult {
  outcomes: PostingOutcome[];
  /** Ids of payments created, in the order of `transactions` (null for duplicates and conflicts). */
  paymentIds: (string | null)[];
  conflicts: NewConflict[];
  netCents: number;
}

export async function postBatch(tx: Tx, input: PostBatchInput): Promise<PostBatchResult> {
  const { practiceId, clearinghouse, reportId } = input;
  const now = input.now ?? new Date();
  input.transactions.forEach(assertAmount);
  // The readers refuse a file that names a transaction twice; the ledger never guesses which one counts.
  const inBatch = new Map<string, string>();
  for (const t of input.transactions) {
    const key = keyOf(t.transactionId, t.kind);
    const first = inBatch.get(key);
    if (first !== undefined) throw new LedgerError(`Transaction ${t.transactionId} appears twice in this report (${first} and ${t.location}).`);
    inBatch.set(key, t.location);
  }

  // 1. What was posted before under these transaction IDs (any kind), and the sales that refunds in
  // this batch undo.
  const ids = [...new Set(input.transactions.flatMap((t) => [t.transactionId, t.originalTransactionId ?? []].flat()))];
  const known: KnownPayment[] = ids.length
    ? (
        await tx.$queryRaw<(Omit<KnownPayment, 'amountCents' | 'unappliedCents'> & { amountCents: bigint; unappliedCents: bigint })[]>`
          SELECT id::text AS id, "transactionId", kind::text AS kind, "patientId"::text AS "patientId", status::text AS status,
                 "unappliedCents", "amountCents", "accountNumber", "originalTransactionId"
          FROM "Payment"
          WHERE "practiceId" = ${practiceId}::uuid
            AND clearinghouse = ${clearinghouse}::"Clearinghouse"
            AND "transactionId" = ANY(${ids}::text[])`
      ).map((p) => ({ ...p, unappliedCents: toCents(p.unappliedCents), amountCents: toCents(p.amountCents) }))
    : [];
  const byKey = new Map(known.map((p) => [keyOf(p.transactionId, p.kind), p]));
  const byTransactionId = new Map<string, KnownPayment[]>();
  for (const p of known) byTransactionId.set(p.transactionId, [...(byTransactionId.get(p.transactionId) ?? []), p]);

  // Refunds and reversals that came before their sale (in an earlier report) and wait for it.
  const saleTransactionIds = input.transactions.filter((t) => !isReversal(t.kind)).map((t) => t.transactionId);
  const orphans = saleTransactionIds.length
    ? await tx.$queryRaw<{ id: string; transactionId: string; kind: PaymentKind; originalTransactionId: string; amountCents: bigint }[]>`
        SELECT id::text AS id, "transactionId", kind::text AS kind, "originalTransactionId", "amountCents"
        FROM "Payment"
        WHERE "practiceId" = ${practiceId}::uuid AND status = 'UNMATCHED' AND "reversesPaymentId" IS NULL
          AND clearinghouse = ${clearinghouse}::"Clearinghouse"
          AND "originalTransactionId" = ANY(${saleTransactionIds}::text[])
        ORDER BY "receivedAt", "createdAt", id`
    : [];
  const orphansOf = new Map<string, typeof orphans>();
  for (const o of orphans) orphansOf.set(o.originalTransactionId, [...(orphansOf.get(o.originalTransactionId) ?? []), o]);
  const salesByTransaction = new Map(known.filter((p) => p.kind === 'SALE').map((p) => [p.transactionId, p]));

  // 2. Patients by the account numbers the clearinghouse sent.
  const accountNumbers = [...new Set(input.transactions.map((t) => t.accountNumber).filter((a): a is string => !!a))];
  const patients = accountNumbers.length
    ? await tx.$queryRaw<{ id: string; accountNumber: string }[]>`
        SELECT id::text AS id, "accountNumber" FROM "Patient" WHERE "practiceId" = ${practiceId}::uuid AND "accountNumber" = ANY(${accountNumbers}::text[])`
    : [];
  const patientByAccount = new Map(patients.map((p) => [p.accountNumber, p.id]));

  // 3. Lock and load the accounts and charges of every patient the batch can touch.
  const patientIds = [...new Set([...patients.map((p) => p.id), ...known.map((p) => p.patientId).filter((id): id is string => !!id)])].sort();
  const accounts = new Map<string, AccountState>();
  if (patientIds.length) {
    const rows = await tx.$queryRaw<{ patientId: string; balanceDueCents: bigint; creditCents: bigint }[]>`
      SELECT "patientId"::text AS "patientId", "balanceDueCents", "creditCents" FROM "CreditAccount"
      WHERE "patientId" = ANY(${patientIds}::uuid[]) ORDER BY "patientId" FOR UPDATE`;
    for (const r of rows) accounts.set(r.patientId, { balanceDueCents: toCents(r.balanceDueCents), creditCents: toCents(r.creditCents), dirty: false });
  }
  // A sale only touches open charges; a refund can re-open any charge its sale paid, so the
  // patients of sales posted earlier get all their charges. Each patient's charges come oldest
  // first; patients in turn, so the charge updates below visit each patient's rows together.
  const charges = new Map<string, ChargeState[]>(patientIds.map((id) => [id, []]));
  const chargeById = new Map<string, ChargeState>();
  const earlierSalePatients = [...new Set(known.map((p) => p.patientId).filter((id): id is string => !!id))];
  const chargeRows = patientIds.length
    ? await tx.$queryRaw<{ id: string; patientId: string; open: bigint; patientPaid: bigint }[]>`
        SELECT id::text AS id, "patientId"::text AS "patientId",
               "amountCents" - "insurancePaidCents" - "adjustmentCents" - "patientPaidCents" AS open, "patientPaidCents" AS "patientPaid"
        FROM "Charge"
        WHERE "patientId" = ANY(${patientIds}::uuid[])
          AND ("amountCents" - "insurancePaidCents" - "adjustmentCents" - "patientPaidCents" > 0 OR "patientId" = ANY(${earlierSalePatients}::uuid[]))
        ORDER BY "patientId", "serviceDate", "createdAt", id`
    : [];
  for (const c of chargeRows) {
    const state = { id: c.id, open: toCents(c.open), patientPaid: toCents(c.patientPaid), dirty: false };
    charges.get(c.patientId)!.push(state);
    chargeById.set(c.id, state);
  }

  // 4. The sales being undone: what is left of each, and where it was applied.
  const sales = new Map<string, SaleState>();
  const saleIds = [...salesByTransaction.values()].map((s) => s.id);
  if (saleIds.length) {
    // One query at a time: a transaction is one connection. Applications in the order the sale
    // made them (its charges oldest first), so undoing walks them back newest first.
    const applications = await tx.paymentApplication.findMany({
      where: { OR: [{ paymentId: { in: saleIds } }, { payment: { reversesPaymentId: { in: saleIds } } }] },
      include: { payment: { select: { reversesPaymentId: true } } },
      orderBy: [{ charge: { serviceDate: 'asc' } }, { charge: { createdAt: 'asc' } }, { chargeId: 'asc' }],
    });
    const reversals = await tx.payment.groupBy({ by: ['reversesPaymentId'], where: { reversesPaymentId: { in: saleIds } }, _sum: { amountCents: true } });
    for (const sale of salesByTransaction.values()) {
      const reversed = toCents(reversals.find((r) => r.reversesPaymentId === sale.id)?._sum.amountCents ?? 0);
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
      sale.applied.set(a.chargeId, (sale.applied.get(a.chargeId) ?? 0) + toCents(a.amountCents));
    }
  }

  // 5. Work out every transaction in order.
  const payments: NewPayment[] = [];
  const applications: Prisma.PaymentApplicationCreateManyInput[] = [];
  const outcomes: PostingOutcome[] = [];
  const paymentIds: (string | null)[] = [];
  const orphanUpdates: { id: string; data: Prisma.PaymentUncheckedUpdateInput }[] = [];
  let netCents = 0;

  /** A sale has come: the refunds that waited for it are tied to it, and post now if it posted. */
  const adoptOrphans = (sale: SaleState, transactionId: string) => {
    for (const orphan of orphansOf.get(transactionId) ?? []) {
      const amount = -toCents(orphan.amountCents);
      if (sale.status === 'POSTED') {
        // More than is left of the sale: it stays in the queue for staff, untied.
        if (amount > sale.remaining) continue;
        undoSale(sale, orphan.id, amount, chargeById, accounts.get(sale.patientId)!, applications);
        orphanUpdates.push({ id: orphan.id, data: { reversesPaymentId: sale.id, patientId: sale.patientId, status: 'POSTED', postedAt: now } });
      } else {
        // Both wait; matching the sale posts the refund with it.
        orphanUpdates.push({ id: orphan.id, data: { reversesPaymentId: sale.id } });
      }
    }
  };

  const conflicts: NewConflict[] = [];
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
      location: t.location,
    };
    paymentIds.push(id);

    if (!isReversal(t.kind)) {
      const patientId = t.accountNumber ? patientByAccount.get(t.accountNumber) : undefined;
      if (!patientId) {
        payments.push({ ...base, amountCents: t.amountCents, status: 'UNMATCHED' });
        const waiting: SaleState = { id, patientId: '', status: 'UNMATCHED', unapplied: 0, remaining: t.amountCents, applied: new Map(), dirty: false };
        sales.set(t.transactionId, waiting);
        adoptOrphans(waiting, t.transactionId);
        outcomes.push('UNMATCHED');
        continue;
      }
      const sale: SaleState = { id, patientId, status: 'POSTED', unapplied: 0, remaining: t.amountCents, applied: new Map(), dirty: false };
      const unapplied = applySale(sale, t.amountCents, charges.get(patientId)!, accounts.get(patientId)!, applications);
      payments.push({ ...base, patientId, amountCents: t.amountCents, unappliedCents: unapplied, status: 'POSTED', postedAt: now });
      sales.set(t.transactionId, sale);
      adoptOrphans(sale, t.transactionId);
      outcomes.push('POSTED');
      netCents += t.amountCents;
      continue;
    }

    // A refund, reversal, void or chargeback: undo (part of) a posted sale.
    // A report that does not say which sale (a Waystar refund, an InstaMed credit) leaves it to staff.
    const originalId = t.originalTransactionId;
    const sale = originalId === null ? undefined : sales.get(originalId);
    if (!sale || sale.status !== 'POSTED') {
      payments.push({ ...base, amountCents: -t.amountCents, status: 'UNMATCHED', reversesPaymentId: sale?.id ?? null, originalTransactionId: originalId });
      outcomes.push('UNMATCHED');
      continue;
    }
    if (t.amountCents > sale.remaining) {
      throw new LedgerError(
        `The ${KIND_WORDS[t.kind]} ${t.transactionId} (${t.location}) takes back ${formatCents(t.amountCents)}, but only ${formatCents(sale.remaining)} is left of payment ${originalId}.`,
      );
    }
    undoSale(sale, id, t.amountCents, chargeById, accounts.get(sale.patientId)!, applications);
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

  // 6. Write it all. Sales refunded in this same batch are written with their final credit.
  const saleById = new Map([...sales.values()].map((sale) => [sale.id, sale]));
  const created = new Set(payments.map((p) => p.id));
  for (const p of payments) {
    const sale = saleById.get(p.id);
    if (sale && p.kind === 'SALE' && p.status === 'POSTED') p.unappliedCents = sale.unapplied;
  }
  await insertPayments(tx, payments);
  // Refunds that waited for a sale of this batch point at it now that its row exists.
  for (const { id, data } of orphanUpdates) await tx.payment.update({ where: { id }, data });
  await insertApplications(tx, applications);
  await writeCharges(
    tx,
    [...chargeById.values()].filter((c) => c.dirty),
  );
  await writeAccounts(
    tx,
    [...accounts.entries()].filter(([, a]) => a.dirty),
  );
  for (const sale of saleById.values()) {
    if (sale.dirty && !created.has(sale.id)) await tx.payment.update({ where: { id: sale.id }, data: { unappliedCents: sale.unapplied } });
  }
  await insertConflicts(tx, { practiceId, clearinghouse, reportId }, conflicts);
  return { outcomes, paymentIds, conflicts, netCents };
}

async function insertConflicts(tx: Tx, at: { practiceId: string; clearinghouse: Clearinghouse; reportId: string | null }, conflicts: NewConflict[]) {
  if (!conflicts.length) return;
  if (!at.reportId) throw new LedgerError('A conflicting transaction can only come from a report.');
  await tx.paymentConflict.createMany({
    data: conflicts.map(({ paymentId, transaction: t, differences }) => ({
      practiceId: at.practiceId,
      paymentId,
      reportId: at.reportId!,
      clearinghouse: at.clearinghouse,
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
function undoSale(
  sale: SaleState,
  reversalId: string,
  amount: number,
  chargeById: Map<string, ChargeState>,
  account: AccountState,
  out: Prisma.PaymentApplicationCreateManyInput[],
) {
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

// Payments and applications go in with one INSERT ... SELECT FROM unnest(arrays) each: Prisma's
// createMany cost ~2 ms of client CPU per payment row here (20 s for the payments of a
// 10,000-payment file, 8 s for their 20,000 applications); these take ~0.6 s each. Timestamps
// are sent as UTC text into timestamp(3) columns, as Prisma stores them; createdAt is the
// client's clock, as Prisma's @default(now()). Enum and timestamp arrays go as text[] and are
// cast in SQL (PGlite's driver cannot serialize arrays of types it does not know).
type NewPayment = Prisma.PaymentCreateManyInput & { id: string };

const iso = (value: Date | string | null | undefined) => (value == null ? null : new Date(value).toISOString());

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
      ${column((p) => p.id)}::uuid[], ${column((p) => p.practiceId)}::uuid[], ${column((p) => p.patientId ?? null)}::uuid[],
      ${column((p) => p.clearinghouse ?? null)}::text[]::"Clearinghouse"[], ${column((p) => p.transactionId ?? null)}::text[],
      ${column((p) => p.kind ?? 'SALE')}::text[]::"PaymentKind"[], ${column((p) => p.status ?? 'POSTED')}::text[]::"PaymentStatus"[],
      ${column((p) => p.method)}::text[]::"PaymentMethod"[], ${column((p) => Number(p.amountCents))}::bigint[], ${column((p) => Number(p.unappliedCents ?? 0))}::bigint[],
      ${column((p) => p.accountNumber ?? null)}::text[], ${column((p) => p.payerName ?? null)}::text[], ${column((p) => p.cardType ?? null)}::text[],
      ${column((p) => p.authorizationNumber ?? null)}::text[], ${column((p) => iso(p.receivedAt))}::text[]::timestamp(3)[],
      ${column((p) => iso(p.postedAt))}::text[]::timestamp(3)[], ${column((p) => p.reportId ?? null)}::uuid[], ${column((p) => p.reversesPaymentId ?? null)}::uuid[],
      ${column((p) => p.originalTransactionId ?? null)}::text[], ${column((p) => p.location ?? null)}::text[]
    ) AS v
    ON CONFLICT DO NOTHING`;
  if (inserted !== payments.length) {
    throw new ConcurrentPostingError(`${payments.length - inserted} of ${payments.length} transactions were posted by another processor at the same moment.`);
  }
}

async function insertApplications(tx: Tx, applications: Prisma.PaymentApplicationCreateManyInput[]) {
  if (!applications.length) return;
  await tx.$executeRaw`
    INSERT INTO "PaymentApplication" (id, "paymentId", "chargeId", "amountCents", "createdAt")
    SELECT v.*, ${new Date().toISOString()}::timestamp(3) FROM unnest(
      ${applications.map((a) => a.id ?? randomUUID())}::uuid[], ${applications.map((a) => a.paymentId)}::uuid[],
      ${applications.map((a) => a.chargeId)}::uuid[], ${applications.map((a) => Number(a.amountCents))}::bigint[]
    ) AS v`;
}

async function writeCharges(tx: Tx, charges: ChargeState[]) {
  if (!charges.length) return;
  await tx.$executeRaw`
    UPDATE "Charge" AS c SET "patientPaidCents" = v.paid
    FROM (SELECT unnest(${charges.map((c) => c.id)}::uuid[]) AS id, unnest(${charges.map((c) => c.patientPaid)}::bigint[]) AS paid) AS v
    WHERE c.id = v.id`;
}

async function writeAccounts(tx: Tx, accounts: [string, AccountState][]) {
  if (!accounts.length) return;
  await tx.$executeRaw`
    UPDATE "CreditAccount" AS a SET "balanceDueCents" = v.due, "creditCents" = v.credit, "updatedAt" = now()
    FROM (SELECT unnest(${accounts.map(([id]) => id)}::uuid[]) AS id,
                 unnest(${accounts.map(([, a]) => a.balanceDueCents)}::bigint[]) AS due,
                 unnest(${accounts.map(([, a]) => a.creditCents)}::bigint[]) AS credit) AS v
    WHERE a."patientId" = v.id`;
}

/** Posts an unmatched sale to the patient staff chose: applies it like any sale. */
export async function postMatchedSale(tx: Tx, payment: { id: string; amountCents: number }, patientId: string, now = new Date()) {
  const [row] = await tx.$queryRaw<{ balanceDueCents: bigint; creditCents: bigint }[]>`
    SELECT "balanceDueCents", "creditCents" FROM "CreditAccount" WHERE "patientId" = ${patientId}::uuid FOR UPDATE`;
  if (!row) throw new LedgerError('That patient has no credit account.');
  const account: AccountState = { balanceDueCents: toCents(row.balanceDueCents), creditCents: toCents(row.creditCents), dirty: false };
  const charges = (await tx.charge.findMany({ where: { patientId }, orderBy: [{ serviceDate: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] })).map((c) => ({
    id: c.id,
    open: toCents(c.amountCents - c.insurancePaidCents - c.adjustmentCents - c.patientPaidCents),
    patientPaid: toCents(c.patientPaidCents),
    dirty: false,
  }));
  const sale: SaleState = { id: payment.id, patientId, status: 'POSTED', unapplied: 0, remaining: payment.amountCents, applied: new Map(), dirty: false };
  const applications: Prisma.PaymentApplicationCreateManyInput[] = [];
  applySale(sale, payment.amountCents, charges, account, applications);
  // Refunds and reversals that arrived while the sale waited post with it, in the order they came.
  const waiting = await tx.payment.findMany({
    where: { reversesPaymentId: payment.id, status: 'UNMATCHED' },
    orderBy: [{ receivedAt: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
  });
  const chargeById = new Map(charges.map((c) => [c.id, c]));
  for (const reversal of waiting) {
    const amount = -toCents(reversal.amountCents);
    if (amount > sale.remaining) {
      throw new LedgerError(
        `The ${reversal.kind.toLowerCase()} ${reversal.transactionId} takes back ${amount} cents, but only ${sale.remaining} cents are left of this payment.`,
      );
    }
    undoSale(sale, reversal.id, amount, chargeById, account, applications);
  }
  await insertApplications(tx, applications);
  await writeCharges(
    tx,
    charges.filter((c) => c.dirty),
  );
  await writeAccounts(tx, [[patientId, account]]);
  await tx.payment.update({ where: { id: payment.id }, data: { patientId, status: 'POSTED', postedAt: now, unappliedCents: sale.unapplied } });
  if (waiting.length) {
    await tx.payment.updateMany({ where: { id: { in: waiting.map((r) => r.id) } }, data: { patientId, status: 'POSTED', postedAt: now } });
  }
}

/**
 * Posts a refund, return, void or chargeback that waited with no sale against the posted sale
 * staff chose: it takes back the sale's credit first, then re-opens its charges newest first.
 */
export async function postMatchedRefund(
  tx: Tx,
  refund: { id: string; kind: PaymentKind; transactionId: string | null; amountCents: number },
  saleId: string,
  now = new Date(),
) {
  const [sale] = await tx.$queryRaw<{ id: string; patientId: string | null; kind: PaymentKind; status: string; amountCents: bigint; unappliedCents: bigint }[]>`
    SELECT id::text AS id, "patientId"::text AS "patientId", kind::text AS kind, status::text AS status, "amountCents", "unappliedCents"
    FROM "Payment" WHERE id = ${saleId}::uuid FOR UPDATE`;
  if (!sale || sale.kind !== 'SALE' || sale.status !== 'POSTED' || !sale.patientId) throw new LedgerError('Choose a posted payment of this patient.');
  const patientId = sale.patientId;
  const [row] = await tx.$queryRaw<{ balanceDueCents: bigint; creditCents: bigint }[]>`
    SELECT "balanceDueCents", "creditCents" FROM "CreditAccount" WHERE "patientId" = ${patientId}::uuid FOR UPDATE`;
  if (!row) throw new LedgerError('That patient has no credit account.');
  const account: AccountState = { balanceDueCents: toCents(row.balanceDueCents), creditCents: toCents(row.creditCents), dirty: false };
  const reversed = await tx.payment.aggregate({ where: { reversesPaymentId: sale.id, status: 'POSTED' }, _sum: { amountCents: true } });
  const state: SaleState = {
    id: sale.id,
    patientId,
    status: 'POSTED',
    unapplied: toCents(sale.unappliedCents),
    remaining: toCents(sale.amountCents) + toCents(reversed._sum.amountCents ?? 0),
    applied: new Map(),
    dirty: false,
  };
  const amount = Math.abs(refund.amountCents);
  if (amount > state.remaining) {
    throw new LedgerError(
      `The ${KIND_WORDS[refund.kind]} takes back ${formatCents(amount)}, but only ${formatCents(state.remaining)} is left of that payment.`,
    );
  }
  const applications = await tx.paymentApplication.findMany({
    where: { OR: [{ paymentId: sale.id }, { payment: { reversesPaymentId: sale.id, status: 'POSTED' } }] },
    include: { charge: true },
    orderBy: [{ charge: { serviceDate: 'asc' } }, { charge: { createdAt: 'asc' } }, { chargeId: 'asc' }],
  });
  const chargeById = new Map<string, ChargeState>();
  for (const a of applications) {
    state.applied.set(a.chargeId, (state.applied.get(a.chargeId) ?? 0) + toCents(a.amountCents));
    if (!chargeById.has(a.chargeId)) {
      const c = a.charge;
      chargeById.set(c.id, {
        id: c.id,
        open: toCents(c.amountCents - c.insurancePaidCents - c.adjustmentCents - c.patientPaidCents),
        patientPaid: toCents(c.patientPaidCents),
        dirty: false,
      });
    }
  }
  const out: Prisma.PaymentApplicationCreateManyInput[] = [];
  undoSale(state, refund.id, amount, chargeById, account, out);
  await insertApplications(tx, out);
  await writeCharges(
    tx,
    [...chargeById.values()].filter((c) => c.dirty),
  );
  await writeAccounts(tx, [[patientId, account]]);
  if (state.dirty) await tx.payment.update({ where: { id: sale.id }, data: { unappliedCents: state.unapplied } });
  await tx.payment.update({ where: { id: refund.id }, data: { patientId, status: 'POSTED', postedAt: now, reversesPaymentId: sale.id } });
}
