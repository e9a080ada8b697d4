// The ledger: posts clearinghouse transactions to patients' credit accounts and applies them to
// charges. Each posting is load → plan → write, inside the caller's database transaction:
// - ledger/load.ts reads what the posting touches, one query at a time, locking FOR UPDATE what it
//   will change before reading it, in one order everywhere (payments by id, then credit accounts by
//   patient id), so concurrent postings take turns instead of deadlocking or reading stale rows;
// - ledger/plan.ts works it out in memory: pure, no database, no clock; it returns every row to
//   write, or throws a LedgerError naming the transaction that cannot post;
// - ledger/write.ts writes the plan with a few bulk statements.
// That is what lets a 10,000-payment file post in seconds and still all-or-nothing.
//
// Rules (the planner's; ledger/plan.test.ts has an example of each):
// - Amounts are whole cents from 1 to the ceiling ($1,000,000.00); a report that names one
//   transaction twice is refused whole (the ledger never guesses which one counts).
// - A sale is applied to the patient's open charges, oldest service date first; what is left is
//   credit on the account (Payment.unappliedCents, CreditAccount.creditCents).
// - A refund, reversal, void, return or chargeback is a payment of its own with a negative amount
//   that points at the sale it undoes. It takes back the sale's unapplied credit first, then
//   unapplies the sale from its charges newest first (re-opening them), with negative
//   applications that belong to the refund. It never takes back more than is left of the sale
//   (the sale less earlier refunds): one cent more and the whole report is refused.
// - A transaction posts once: (practice, clearinghouse, transaction ID, kind) is unique, where the
//   clearinghouse is the one the report came from (never the practice's current setting). A
//   transaction seen before (in an earlier report or a notice) with the same details is a duplicate
//   and changes nothing; seen with another amount, account, kind or sale it undoes it is a
//   conflict: not posted, kept with both versions for staff. A sale and a void of it may share an ID.
// - A transaction whose account number matches no patient is stored UNMATCHED and changes no
//   balance until staff match it; refunds of it wait with it, tied to it, and post when it does.
// - A refund whose sale has not come waits UNMATCHED; when the sale comes, the refunds that waited
//   for it post with it in the order they came, each while it fits in what is left (one that does
//   not stays for staff). A refund that names no sale (a Waystar refund) waits for staff to choose it.
import { randomUUID } from 'node:crypto';
import type { Clearinghouse, PaymentKind, Prisma } from '@kinpay/db';
import { loadBatch, loadMatchedRefund, loadMatchedSale } from './ledger/load.ts';
import {
  checkTransactions,
  planBatch,
  planMatchedRefund,
  planMatchedSale,
  type LedgerTransaction,
  type NewConflict,
  type PostingOutcome,
} from './ledger/plan.ts';
import { writePlan } from './ledger/write.ts';

export { LedgerError, type LedgerTransaction, type NewConflict, type PostingOutcome } from './ledger/plan.ts';
export { ConcurrentPostingError } from './ledger/write.ts';

type Tx = Prisma.TransactionClient;

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

/** Posts the transactions of one report (or notice), all or nothing: throws a LedgerError naming the one that cannot post. */
export async function postBatch(tx: Tx, input: PostBatchInput): Promise<PostBatchResult> {
  // A file the planner would refuse for its amounts or a transaction named twice locks nothing.
  checkTransactions(input.transactions);
  const state = await loadBatch(tx, input);
  const plan = planBatch(state, { ...input, now: input.now ?? new Date(), newId: randomUUID });
  await writePlan(tx, plan);
  const { outcomes, paymentIds, conflicts, netCents } = plan;
  return { outcomes, paymentIds, conflicts, netCents };
}

/** Posts an unmatched sale to the patient staff chose: applies it like any sale (the caller holds the sale's row lock). */
export async function postMatchedSale(tx: Tx, payment: { id: string; amountCents: number }, patientId: string, now = new Date()) {
  const state = await loadMatchedSale(tx, payment.id, patientId);
  await writePlan(tx, planMatchedSale(state, { sale: payment, patientId, now }));
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
  const state = await loadMatchedRefund(tx, saleId);
  await writePlan(tx, planMatchedRefund(state, { refund, saleId, now }));
}
