// The planner under thousands of random sequences of reports and staff matches (sales, partial and
// complete refunds, reversals, voids, returns, chargebacks, replays, unknown accounts, refunds before
// their sale, refunds that name no sale), with no database: after every step the books balance, each
// transaction is stored at most once, no sale gives back more than it paid, and what was refused was
// refused for a reason that holds, to the cent.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Clearinghouse, PaymentKind } from '@kinpay/db';
import { formatCents } from '@kinpay/money';
import { MemoryLedger, type StoredPayment } from './memory-ledger.ts';
import { KIND_WORDS, LedgerError, type LedgerTransaction } from './plan.ts';

const ACCOUNTS = ['A-1', 'B-2', '9999', null] as const;
type UndoKind = Exclude<PaymentKind, 'SALE'>;
const UNDO_KINDS: UndoKind[] = ['REFUND', 'REVERSAL', 'VOID', 'RETURN', 'CHARGEBACK'];

type TxOp =
  | { type: 'sale'; slot: number }
  | { type: 'undo'; slot: number; kind: UndoKind; fraction: number; named: boolean }
  | { type: 'replay'; of: number; changeAmount: boolean };
type Step =
  | { type: 'batch'; clearinghouse: Clearinghouse; ops: TxOp[] }
  | { type: 'exact'; slot: number; over: boolean; kind: UndoKind }
  | { type: 'matchSale'; of: number; to: 0 | 1 }
  | { type: 'matchRefund'; of: number; sale: number };

const slot = fc.nat({ max: 5 });
const txOp: fc.Arbitrary<TxOp> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ type: fc.constant('sale' as const), slot }) },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('undo' as const),
      slot,
      kind: fc.constantFrom(...UNDO_KINDS),
      fraction: fc.double({ min: 0, max: 1.2, noNaN: true }),
      named: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('replay' as const), of: fc.nat(), changeAmount: fc.boolean() }) },
);
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      type: fc.constant('batch' as const),
      clearinghouse: fc.constantFrom<Clearinghouse>('INSTAMED', 'INSTAMED', 'INSTAMED', 'WAYSTAR'),
      ops: fc.array(txOp, { minLength: 1, maxLength: 5 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('exact' as const), slot, over: fc.boolean(), kind: fc.constantFrom(...UNDO_KINDS) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('matchSale' as const), of: fc.nat(), to: fc.constantFrom(0 as const, 1 as const) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('matchRefund' as const), of: fc.nat(), sale: fc.nat() }) },
);
const saleSlot = fc.record({ to: fc.constantFrom(0, 0, 0, 1, 2, 3), amount: fc.oneof(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom(1, 100, 9500)) });
const scenario = fc.record({ sales: fc.array(saleSlot, { minLength: 6, maxLength: 6 }), steps: fc.array(step, { minLength: 1, maxLength: 14 }) });

const OVER = /^The (\w+) (\S+) \((line \d+)\) takes back (\$[\d,.]+), but only (\$[\d,.]+) is left of payment (\S+)\.$/;
const cents = (formatted: string) => Math.round(Number(formatted.replace(/[$,]/g, '')) * 100);

function run({ sales, steps }: { sales: { to: number; amount: number }[]; steps: Step[] }) {
  const ledger = new MemoryLedger([
    { accountNumber: 'A-1', owed: [4000, 3500, 2000] },
    { accountNumber: 'B-2', owed: [2500, 100] },
  ]);
  let line = 0;
  let n = 0;
  const base = (more: Partial<LedgerTransaction>): LedgerTransaction => ({
    transactionId: `tx-${++n}`,
    kind: 'SALE',
    amountCents: 1,
    accountNumber: null,
    payerName: null,
    method: 'CARD',
    cardType: null,
    authorizationNumber: null,
    // Each a minute after the last: the order they came in.
    occurredAt: new Date(Date.UTC(2026, 10, 1) + n * 60_000),
    originalTransactionId: null,
    location: `line ${++line}`,
    ...more,
  });
  const saleOf = sales.map((s) => base({ accountNumber: ACCOUNTS[s.to]!, amountCents: s.amount }));
  /** Everything that was stored, per clearinghouse, for the final replay. */
  const stored = new Map<Clearinghouse, Map<string, LedgerTransaction>>([
    ['INSTAMED', new Map()],
    ['WAYSTAR', new Map()],
  ]);
  const keyOf = (t: LedgerTransaction) => `${t.kind}:${t.transactionId}`;
  const stats = { posted: 0, refused: 0, adopted: 0, matched: 0 };

  const storedSale = (clearinghouse: Clearinghouse, transactionId: string) => ledger.payment(transactionId, 'SALE', clearinghouse);
  const checkBooks = (what: string) => {
    const problems = ledger.problems();
    if (problems.length) expect(problems, what).toEqual([]);
  };

  for (const s of steps) {
    if (s.type === 'batch') {
      const { clearinghouse } = s;
      const transactions: LedgerTransaction[] = [];
      for (const op of s.ops) {
        if (op.type === 'sale') transactions.push(saleOf[op.slot]!);
        else if (op.type === 'undo') {
          const sale = saleOf[op.slot]!;
          const posted = storedSale(clearinghouse, sale.transactionId);
          const left = posted?.status === 'POSTED' ? ledger.leftOf(posted.id) : sale.amountCents;
          // A void keeps the sale's transaction ID, so there is one per sale; the others get their own.
          const kind =
            op.kind === 'VOID' &&
            (ledger.payment(sale.transactionId, 'VOID', clearinghouse) || transactions.some((t) => t.kind === 'VOID' && t.transactionId === sale.transactionId))
              ? 'REVERSAL'
              : op.kind;
          const t = base({
            kind,
            amountCents: Math.max(1, Math.floor(left * op.fraction)),
            accountNumber: sale.accountNumber,
            originalTransactionId: op.named ? sale.transactionId : null,
          });
          transactions.push(kind === 'VOID' ? { ...t, transactionId: sale.transactionId } : t);
        } else {
          const all = [...stored.get(clearinghouse)!.values()];
          if (!all.length) continue;
          const earlier = all[op.of % all.length]!;
          transactions.push(op.changeAmount ? { ...earlier, amountCents: earlier.amountCents + 1, location: `line ${++line}` } : earlier);
        }
      }
      const before = new Map(transactions.map((t) => [keyOf(t), ledger.payment(t.transactionId, t.kind, clearinghouse)]));
      const salesBefore = new Map(
        transactions.flatMap((t) =>
          t.originalTransactionId ? [[t.originalTransactionId, storedSale(clearinghouse, t.originalTransactionId)?.status] as const] : [],
        ),
      );
      const waitingBefore = ledger.payments.filter(
        (p) => p.clearinghouse === clearinghouse && p.status === 'UNMATCHED' && p.kind !== 'SALE' && p.reversesPaymentId === null,
      );
      const rows = ledger.payments.length;
      let plan;
      try {
        plan = ledger.post(transactions, { clearinghouse });
      } catch (error) {
        if (!(error instanceof LedgerError)) throw error;
        stats.refused++;
        // Refused for a reason that holds, and nothing written.
        expect(ledger.payments).toHaveLength(rows);
        const twice = /^Transaction (\S+) appears twice in this report/.exec(error.message);
        const over = OVER.exec(error.message);
        if (twice) expect(new Set(transactions.map(keyOf)).size).toBeLessThan(transactions.length);
        else if (over) {
          const t = transactions.find((x) => x.location === over[3])!;
          expect(over[1]).toBe(KIND_WORDS[t.kind]);
          expect(cents(over[4]!)).toBe(t.amountCents);
          expect(cents(over[4]!)).toBeGreaterThan(cents(over[5]!));
        } else throw error;
        checkBooks('after a refused batch');
        continue;
      }
      stats.posted++;
      // Checked without an expect() per row (thousands of sequences): what is wrong, in words.
      const wrong: string[] = [];
      const check = (ok: boolean, what: () => string) => {
        if (!ok) wrong.push(what());
      };
      // Each outcome, from what was stored before the batch and what came before in it.
      const saleStatus = new Map<string, 'POSTED' | 'UNMATCHED'>();
      transactions.forEach((t, i) => {
        const outcome = plan.outcomes[i];
        const earlier = before.get(keyOf(t));
        if (earlier) {
          if (
            t.kind === earlier.kind &&
            t.amountCents === Math.abs(earlier.amountCents) &&
            t.accountNumber === earlier.accountNumber &&
            t.originalTransactionId === earlier.originalTransactionId
          ) {
            check(outcome === 'DUPLICATE', () => `${t.location}: sent again, ${outcome}`);
          } else if (t.amountCents !== Math.abs(earlier.amountCents))
            check(outcome === 'CONFLICT', () => `${t.location}: sent again with another amount, ${outcome}`);
          return;
        }
        if (t.kind === 'SALE') {
          const status = t.accountNumber === 'A-1' || t.accountNumber === 'B-2' ? 'POSTED' : 'UNMATCHED';
          saleStatus.set(t.transactionId, status);
          check(outcome === status, () => `${t.location}: a new sale ${outcome}, not ${status}`);
          return;
        }
        const sale = t.originalTransactionId === null ? undefined : (saleStatus.get(t.originalTransactionId) ?? salesBefore.get(t.originalTransactionId));
        const expected = sale === 'POSTED' ? 'REVERSAL_POSTED' : 'UNMATCHED';
        check(outcome === expected, () => `${t.location}: a new ${KIND_WORDS[t.kind]} of a sale that is ${sale ?? 'not here'}: ${outcome}`);
      });
      // Each transaction stored once, under its key.
      for (const t of transactions) {
        const rows = ledger.payments.filter((p) => p.clearinghouse === clearinghouse && p.transactionId === t.transactionId && p.kind === t.kind).length;
        check(rows === 1, () => `${t.location}: stored ${rows} times`);
        const outcome = plan.outcomes[transactions.indexOf(t)];
        if (outcome !== 'DUPLICATE' && outcome !== 'CONFLICT') stored.get(clearinghouse)!.set(keyOf(t), t);
      }
      // Refunds that came before their sale: posted with it in the order they came while they fit; tied to it if it waits.
      for (const [i, t] of transactions.entries()) {
        if (plan.outcomes[i] !== 'POSTED' && plan.outcomes[i] !== 'UNMATCHED') continue;
        if (t.kind !== 'SALE') continue;
        const sale = ledger.payments.find((p) => p.id === plan.paymentIds[i])!;
        let left = t.amountCents;
        const waited = waitingBefore
          .filter((w) => w.originalTransactionId === t.transactionId)
          .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.seq - b.seq);
        for (const w of waited) {
          const now = ledger.payments.find((p) => p.id === w.id)!;
          const [status, tiedTo, patientId] =
            sale.status === 'UNMATCHED'
              ? ['UNMATCHED', sale.id, null]
              : -w.amountCents <= left
                ? ['POSTED', sale.id, sale.patientId]
                : ['UNMATCHED', null, null];
          check(now.status === status && now.reversesPaymentId === tiedTo && now.patientId === patientId, () => `${w.id} waited for ${sale.id}: ${now.status}`);
          if (status === 'POSTED') {
            left += w.amountCents;
            stats.adopted++;
          }
        }
      }
      wrong.push(...ledger.problems());
      if (wrong.length) {
        expect(
          wrong,
          `after ${JSON.stringify(transactions.map((t) => [t.kind, t.transactionId, t.amountCents, t.accountNumber, t.originalTransactionId]))}`,
        ).toEqual([]);
      }
    } else if (s.type === 'exact') {
      // What is left of a posted sale, taken back exactly or one cent more: the guard is exact to the cent.
      const sale = saleOf[s.slot]!;
      const posted = storedSale('INSTAMED', sale.transactionId);
      if (posted?.status !== 'POSTED') continue;
      const left = ledger.leftOf(posted.id);
      const kind = s.kind === 'VOID' ? 'REVERSAL' : s.kind;
      const t = base({ kind, amountCents: left + (s.over ? 1 : 0), accountNumber: sale.accountNumber, originalTransactionId: sale.transactionId });
      if (s.over) {
        expect(() => ledger.post([t])).toThrow(
          new LedgerError(
            `The ${KIND_WORDS[kind]} ${t.transactionId} (${t.location}) takes back ${formatCents(left + 1)}, but only ${formatCents(left)} is left of payment ${sale.transactionId}.`,
          ),
        );
      } else if (left === 0) {
        expect(() => ledger.post([t])).toThrow(/has an amount of 0 cents; amounts must be whole cents from 1 to 100000000\.$/);
      } else {
        expect(ledger.post([t]).outcomes).toEqual(['REVERSAL_POSTED']);
        expect(ledger.leftOf(posted.id)).toBe(0);
        stored.get('INSTAMED')!.set(keyOf(t), t);
      }
      checkBooks('after an exact refund');
    } else if (s.type === 'matchSale') {
      const waiting = ledger.payments.filter((p) => p.kind === 'SALE' && p.status === 'UNMATCHED');
      if (!waiting.length) continue;
      const sale = waiting[s.of % waiting.length]!;
      const refunds = ledger.payments.filter((p) => p.reversesPaymentId === sale.id && p.status === 'UNMATCHED');
      const patientId = ledger.patients[s.to]!.id;
      const taken = refunds.reduce((sum, r) => sum - r.amountCents, 0);
      if (taken > sale.amountCents) {
        expect(() => ledger.matchSale(sale.id, patientId)).toThrow(LedgerError);
        expect(sale.status).toBe('UNMATCHED');
      } else {
        ledger.matchSale(sale.id, patientId);
        stats.matched++;
        for (const p of [sale, ...refunds]) expect(p).toMatchObject({ status: 'POSTED', patientId });
        expect(ledger.leftOf(sale.id)).toBe(sale.amountCents - taken);
      }
      checkBooks('after staff matched a sale');
    } else {
      const refunds = ledger.payments.filter((p) => p.kind !== 'SALE' && p.status === 'UNMATCHED' && p.reversesPaymentId === null);
      if (!refunds.length) continue;
      const refund: StoredPayment = refunds[s.of % refunds.length]!;
      const sales = ledger.payments.filter((p) => p.kind === 'SALE' && p.status === 'POSTED' && p.clearinghouse === refund.clearinghouse);
      if (!sales.length) continue;
      const sale = sales[s.sale % sales.length]!;
      const left = ledger.leftOf(sale.id);
      if (-refund.amountCents > left) {
        expect(() => ledger.matchRefund(refund.id, sale.id)).toThrow(
          `The ${KIND_WORDS[refund.kind]} ${refund.transactionId} takes back ${formatCents(-refund.amountCents)}, but only ${formatCents(left)} is left of that payment.`,
        );
        expect(refund.status).toBe('UNMATCHED');
      } else {
        ledger.matchRefund(refund.id, sale.id);
        stats.matched++;
        expect(refund).toMatchObject({ status: 'POSTED', reversesPaymentId: sale.id, patientId: sale.patientId });
        expect(ledger.leftOf(sale.id)).toBe(left + refund.amountCents);
      }
      checkBooks('after staff matched a refund');
    }
  }

  // Everything stored, sent again: duplicates all, and nothing to write.
  for (const [clearinghouse, transactions] of stored) {
    if (!transactions.size) continue;
    const again = ledger.post([...transactions.values()], { clearinghouse });
    const written = [again.payments, again.applications, again.charges, again.accounts, again.sales, again.waiting, again.conflicts].flat();
    if (written.length || again.outcomes.some((o) => o !== 'DUPLICATE'))
      expect({ outcomes: again.outcomes, written }).toEqual({ outcomes: again.outcomes.map(() => 'DUPLICATE'), written: [] });
  }
  return stats;
}

describe('the planner under any sequence of reports and matches', () => {
  it('keeps the books balanced, every transaction once, and every refund within what is left, to the cent', () => {
    const totals = { posted: 0, refused: 0, adopted: 0, matched: 0 };
    fc.assert(
      fc.property(scenario, (s) => {
        const stats = run(s);
        for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += stats[key];
      }),
      { numRuns: 2000 },
    );
    // The sequences reach every path often, not just in principle.
    expect(totals.posted).toBeGreaterThan(5000);
    expect(totals.refused).toBeGreaterThan(200);
    expect(totals.adopted).toBeGreaterThan(100);
    expect(totals.matched).toBeGreaterThan(300);
  }, 120_000);
});
