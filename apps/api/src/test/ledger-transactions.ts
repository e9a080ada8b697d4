// Transactions as a report hands them to the ledger, for the planner's tests and the database's:
// a card sale from Sofia Rivera, and the refund, reversal, void, return or chargeback of one.
import type { LedgerTransaction } from '../ebilling/ledger/plan.ts';

/**
 * `id(n)` names the n-th transaction; `at(undoes)` dates a sale (undoes undefined) or the undo of
 * `undoes`. Each transaction's location is "line n" of the one that named it last.
 */
export function ledgerTransactions({ id, at }: { id: (n: number) => string; at: (undoes?: LedgerTransaction) => Date }) {
  let n = 0;
  const nextId = () => id(++n);
  function sale(accountNumber: string | null, amountCents: number, transactionId = nextId()): LedgerTransaction {
    return {
      transactionId,
      kind: 'SALE',
      amountCents,
      accountNumber,
      payerName: 'Sofia Rivera',
      method: 'CARD',
      cardType: 'VISA',
      authorizationNumber: '123456',
      occurredAt: at(),
      originalTransactionId: null,
      location: `line ${n}`,
    };
  }
  /** A void keeps its sale's transaction ID, as InstaMed sends it. */
  function refund(of: LedgerTransaction, amountCents: number, kind: LedgerTransaction['kind'] = 'REFUND', occurredAt = at(of)): LedgerTransaction {
    const transactionId = kind === 'VOID' ? of.transactionId : nextId();
    return { ...of, transactionId, kind, amountCents, originalTransactionId: of.transactionId, occurredAt, location: `line ${n}` };
  }
  return { nextId, sale, refund };
}
