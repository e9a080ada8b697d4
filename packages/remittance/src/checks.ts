// The checks every format shares, run by parseReport after a reader: each transaction is a positive
// amount within the ceiling, has a location, and its transaction ID appears once in the file (or as a
// sale and an undo of that same sale).
import { formatCents } from '@kinpay/money';
import { MAX_TRANSACTION_CENTS, ReportFormatError } from './contract.ts';
import type { ParsedReport, ReportTransaction, TransactionKind } from './contract.ts';
import { aboveCeilingMessage, capitalize, fail } from './shared.ts';

/** Kinds that undo a sale and may share its transaction ID in one file when they name it as original. */
const UNDO_KINDS = new Set<TransactionKind>(['VOID', 'RETURN', 'CHARGEBACK', 'REFUND', 'REVERSAL']);

export function checkReport(report: ParsedReport): ParsedReport {
  const unit = report.format === 'INSTAMED_WEBHOOK' ? 'notice' : 'file';
  const byId = new Map<string, ReportTransaction[]>();
  for (const tx of report.transactions) {
    if (typeof tx.location !== 'string' || tx.location.trim() === '') {
      throw new ReportFormatError(`Transaction ${tx.transactionId} has no location in the ${unit}.`);
    }
    if (!Number.isSafeInteger(tx.amountCents) || tx.amountCents <= 0) {
      fail(tx.location, `the amount must be more than $0.00 (read ${String(tx.amountCents)} cents); the ${unit} was not posted.`);
    }
    if (tx.amountCents > MAX_TRANSACTION_CENTS) fail(tx.location, aboveCeilingMessage(formatCents(tx.amountCents), unit));

    const earlier = byId.get(tx.transactionId);
    if (earlier === undefined) {
      byId.set(tx.transactionId, [tx]);
      continue;
    }
    for (const other of earlier) {
      if (!mayShareId(other, tx)) {
        const kinds = other.kind === tx.kind ? `${tx.kind} twice` : `${other.kind} and ${tx.kind}`;
        throw new ReportFormatError(
          `${capitalize(tx.location)}: transaction ID ${tx.transactionId} is already in this ${unit} at ${other.location} (${kinds}); ` +
            `a transaction is reported once, so the ${unit} was not posted.`,
        );
      }
    }
    earlier.push(tx);
  }
  return report;
}

/** A sale and an undo of that same sale (the undo names it as original) may share an ID; nothing else. */
function mayShareId(a: ReportTransaction, b: ReportTransaction): boolean {
  const [sale, undo] = a.kind === 'SALE' ? [a, b] : [b, a];
  return sale.kind === 'SALE' && UNDO_KINDS.has(undo.kind) && undo.originalTransactionId === sale.transactionId;
}
