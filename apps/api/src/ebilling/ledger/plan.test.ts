// The planner's rules, one example each, with no database: the ledger's tables live in memory
// (memory-ledger.ts) and each posting is load → plan → write, as on the database.
import { describe, expect, it } from 'vitest';
import { ledgerTransactions } from '../../test/ledger-transactions.ts';
import { MemoryLedger } from './memory-ledger.ts';
import { LedgerError, planBatch, planMatchedRefund, type LedgerState, type LedgerTransaction } from './plan.ts';

// Every sale on the same day; an undo on its sale's day unless a test dates it.
const { nextId: txId, sale, refund } = ledgerTransactions({ id: (n) => `tx-${n}`, at: (undoes) => undoes?.occurredAt ?? new Date('2026-11-20T15:00:00Z') });

/** Mateo owes $40.00 (oldest), $35.00 and $20.00 (newest); Lucia (B-2) owes $25.00. */
function family() {
  const ledger = new MemoryLedger([
    { accountNumber: 'A-1', owed: [4000, 3500, 2000] },
    { accountNumber: 'B-2', owed: [2500] },
  ]);
  const mateo = ledger.patientId('A-1');
  const paid = () => ledger.charges.get(mateo)!.map((c) => c.patientPaidCents);
  const account = () => ledger.accounts.get(mateo)!;
  return { ledger, mateo, paid, account };
}

/** Throws the planner's error, or fails. */
function refusal(post: () => unknown): LedgerError {
  try {
    post();
  } catch (error) {
    expect(error).toBeInstanceOf(LedgerError);
    return error as LedgerError;
  }
  throw new Error('expected the planner to refuse');
}

describe('a sale', () => {
  it('applies to open charges oldest first, and the rest is credit on the account and on the payment', () => {
    const { ledger, paid, account, mateo } = family();
    const plan = ledger.post([sale('A-1', 12000)]);
    expect(plan.outcomes).toEqual(['POSTED']);
    expect(plan.applications.map((a) => [a.chargeId, a.amountCents])).toEqual([
      ['charge-1-1', 4000],
      ['charge-1-2', 3500],
      ['charge-1-3', 2000],
    ]);
    expect(plan.payments).toMatchObject([{ patientId: mateo, amountCents: 12000, unappliedCents: 2500, status: 'POSTED', postedAt: ledger.now }]);
    expect(paid()).toEqual([4000, 3500, 2000]);
    expect(account()).toEqual({ balanceDueCents: 0, creditCents: 2500 });
    expect(plan.netCents).toBe(12000);
    expect(ledger.problems()).toEqual([]);
  });

  it('a partial payment pays the oldest visit first and leaves no credit', () => {
    const { ledger, paid, account } = family();
    ledger.post([sale('A-1', 5000)]);
    expect(paid()).toEqual([4000, 1000, 0]);
    expect(account()).toEqual({ balanceDueCents: 4500, creditCents: 0 });
  });

  it('skips charges already paid, and touches only the rows it changes', () => {
    const { ledger, paid } = family();
    ledger.post([sale('A-1', 4000)]);
    const plan = ledger.post([sale('A-1', 1000)]);
    expect(paid()).toEqual([4000, 1000, 0]);
    expect(plan.charges).toEqual([{ id: 'charge-1-2', patientPaidCents: 1000 }]);
    expect(plan.accounts.map((a) => a.patientId)).toEqual([ledger.patientId('A-1')]);
  });

  it('two payments of the same amount on the same day are two payments', () => {
    const { ledger, account } = family();
    expect(ledger.post([sale('A-1', 2000), sale('A-1', 2000)]).outcomes).toEqual(['POSTED', 'POSTED']);
    expect(account().balanceDueCents).toBe(5500);
  });

  it('for an account number no patient has, or none, waits unmatched and changes no balance', () => {
    const { ledger, account } = family();
    const plan = ledger.post([sale('9999', 3000), sale(null, 1000)]);
    expect(plan.outcomes).toEqual(['UNMATCHED', 'UNMATCHED']);
    expect(plan.payments).toMatchObject([
      { status: 'UNMATCHED', patientId: null, amountCents: 3000, unappliedCents: 0, postedAt: null },
      { status: 'UNMATCHED', patientId: null, amountCents: 1000 },
    ]);
    expect(plan).toMatchObject({ applications: [], charges: [], accounts: [], netCents: 0 });
    expect(account().balanceDueCents).toBe(9500);
  });

  it('for a patient with no credit account is refused, naming the transaction', () => {
    const ledger = new MemoryLedger([{ accountNumber: 'C-3', owed: [1000], hasAccount: false }]);
    const t = sale('C-3', 500);
    expect(refusal(() => ledger.post([t])).message).toBe(
      `Transaction ${t.transactionId} (${t.location}) is for patient account C-3, which has no credit account.`,
    );
  });
});

describe('each transaction once', () => {
  it('the same transaction again is a duplicate: nothing is written', () => {
    const { ledger } = family();
    const t = sale('A-1', 3000);
    ledger.post([t]);
    const again = ledger.post([t]);
    expect(again).toMatchObject({ outcomes: ['DUPLICATE'], paymentIds: [null], payments: [], applications: [], charges: [], accounts: [], netCents: 0 });
  });

  it('twice in one batch refuses the batch, naming both places; the same ID under another kind is not twice', () => {
    const { ledger } = family();
    const t = sale('A-1', 3000);
    expect(refusal(() => ledger.post([t, { ...t, location: 'line 9' }])).message).toBe(
      `Transaction ${t.transactionId} appears twice in this report (${t.location} and line 9).`,
    );
    expect(ledger.post([t, refund(t, 3000, 'VOID')]).outcomes).toEqual(['POSTED', 'REVERSAL_POSTED']);
  });

  it('another amount, account, kind or sale under a recorded key is a conflict: not posted, both versions for staff', () => {
    const { ledger, account } = family();
    const t = sale('A-1', 3000);
    const r = refund(t, 1000);
    ledger.post([t, r]);
    const again = (changes: Partial<LedgerTransaction>, of = t) => ledger.post([{ ...of, ...changes, location: 'line 2' }], { reportId: 'report-2' });
    const amount = again({ amountCents: 30000 });
    expect(amount.outcomes).toEqual(['CONFLICT']);
    expect(amount.conflicts).toEqual([
      {
        paymentId: ledger.payment(t.transactionId)!.id,
        transaction: { ...t, amountCents: 30000, location: 'line 2' },
        differences: ['amount: $30.00 recorded, $300.00 in this report'],
        practiceId: ledger.practiceId,
        clearinghouse: 'INSTAMED',
        reportId: 'report-2',
      },
    ]);
    expect(again({ accountNumber: 'B-99' }).conflicts[0]!.differences).toEqual(['patient account: A-1 recorded, B-99 in this report']);
    expect(again({ kind: 'REFUND', originalTransactionId: txId() }).conflicts[0]!.differences).toEqual(['kind: payment recorded, refund in this report']);
    expect(again({ originalTransactionId: 'tx-other' }, r).conflicts[0]!.differences).toEqual([
      `undoes: payment ${t.transactionId} recorded, payment tx-other in this report`,
    ]);
    expect(again({ kind: 'CHARGEBACK' }, r).conflicts[0]!.differences).toEqual(['kind: refund recorded, chargeback in this report']);
    // The account missing (InstaMed's 9999 or none) is less information, not a contradiction.
    expect(again({ accountNumber: null }).outcomes).toEqual(['DUPLICATE']);
    // A void keeps the sale's ID: that is the sale being undone, not a conflict.
    expect(again({ kind: 'VOID', amountCents: 2000, originalTransactionId: t.transactionId }).outcomes).toEqual(['REVERSAL_POSTED']);
    expect(ledger.conflicts).toHaveLength(5);
    expect(account().balanceDueCents).toBe(9500);
    expect(ledger.problems()).toEqual([]);
  });

  it('a conflict can only come from a report', () => {
    const { ledger } = family();
    const t = sale('A-1', 3000);
    ledger.post([t]);
    expect(refusal(() => ledger.post([{ ...t, amountCents: 1 }], { reportId: null })).message).toBe('A conflicting transaction can only come from a report.');
  });

  it('the clearinghouse the report came from is part of the key', () => {
    const { ledger } = family();
    const t = sale('A-1', 1000);
    ledger.post([t]);
    // From Waystar, the same transaction ID is another payment: a refund of it waits for Waystar's sale.
    expect(ledger.post([refund(t, 500)], { clearinghouse: 'WAYSTAR' }).outcomes).toEqual(['UNMATCHED']);
    const waystar = ledger.post([t], { clearinghouse: 'WAYSTAR' });
    expect(waystar.outcomes).toEqual(['POSTED']);
    expect(waystar.waiting).toHaveLength(1);
    // InstaMed's sale is untouched by it: all of it is left.
    expect(ledger.post([refund(t, 1000)]).outcomes).toEqual(['REVERSAL_POSTED']);
    expect(ledger.problems()).toEqual([]);
  });
});

describe('taking money back', () => {
  it('takes the sale’s credit first, then re-opens its charges newest first, with applications of the refund', () => {
    const { ledger, paid, account } = family();
    const s = sale('A-1', 12000); // $95.00 applied, $25.00 credit
    ledger.post([s]);
    const r = refund(s, 4000);
    const plan = ledger.post([r]);
    expect(plan.outcomes).toEqual(['REVERSAL_POSTED']);
    const saleId = ledger.payment(s.transactionId)!.id;
    expect(plan.payments).toMatchObject([
      { amountCents: -4000, status: 'POSTED', reversesPaymentId: saleId, originalTransactionId: s.transactionId, unappliedCents: 0 },
    ]);
    expect(plan.applications).toEqual([{ paymentId: plan.paymentIds[0], chargeId: 'charge-1-3', amountCents: -1500 }]);
    expect(plan.sales).toEqual([{ id: saleId, unappliedCents: 0 }]);
    expect(account()).toEqual({ creditCents: 0, balanceDueCents: 1500 });
    expect(paid()).toEqual([4000, 3500, 500]);
    expect(plan.netCents).toBe(-4000);
    expect(ledger.problems()).toEqual([]);
  });

  it('a refund that takes nothing from credit leaves the sale row alone', () => {
    const { ledger, paid } = family();
    const s = sale('A-1', 5000);
    ledger.post([s]);
    expect(ledger.post([refund(s, 1500)]).sales).toEqual([]);
    expect(paid()).toEqual([3500, 0, 0]);
  });

  it.each(['VOID', 'REVERSAL', 'RETURN', 'CHARGEBACK'] as const)('a %s of the whole sale restores the balance exactly', (kind) => {
    const { ledger, paid, account } = family();
    const s = sale('A-1', 7000);
    ledger.post([s]);
    expect(ledger.post([refund(s, 7000, kind)]).outcomes).toEqual(['REVERSAL_POSTED']);
    expect(account()).toEqual({ balanceDueCents: 9500, creditCents: 0 });
    expect(paid()).toEqual([0, 0, 0]);
    expect(ledger.problems()).toEqual([]);
  });

  it('a sale and its refund in one batch: the sale is written with the credit the refund left', () => {
    const { ledger, account } = family();
    const s = sale('A-1', 10000);
    const plan = ledger.post([s, refund(s, 300)]);
    expect(plan.outcomes).toEqual(['POSTED', 'REVERSAL_POSTED']);
    expect(plan.payments[0]).toMatchObject({ amountCents: 10000, unappliedCents: 200 });
    expect(plan.sales).toEqual([]);
    expect(account()).toEqual({ balanceDueCents: 0, creditCents: 200 });
    expect(plan.netCents).toBe(9700);
    expect(ledger.problems()).toEqual([]);
  });

  it('takes back exactly what is left, and not one cent more: the batch is refused with both amounts', () => {
    const { ledger } = family();
    const s = sale('A-1', 5000);
    ledger.post([s]);
    ledger.post([refund(s, 3000)]);
    const over = refund(s, 2001);
    const error = refusal(() => ledger.post([sale('A-1', 100), over]));
    expect(error.message).toBe(`The refund ${over.transactionId} (${over.location}) takes back $20.01, but only $20.00 is left of payment ${s.transactionId}.`);
    expect(ledger.payments).toHaveLength(2);
    expect(ledger.post([refund(s, 2000)]).outcomes).toEqual(['REVERSAL_POSTED']);
    expect(ledger.leftOf(ledger.payment(s.transactionId)!.id)).toBe(0);
    const more = refund(s, 1, 'CHARGEBACK');
    expect(refusal(() => ledger.post([more])).message).toBe(
      `The chargeback ${more.transactionId} (${more.location}) takes back $0.01, but only $0.00 is left of payment ${s.transactionId}.`,
    );
    expect(ledger.problems()).toEqual([]);
  });

  it('counts the refunds of the same batch before it', () => {
    const { ledger } = family();
    const s = sale('A-1', 5000);
    ledger.post([s]);
    const second = refund(s, 2001);
    expect(refusal(() => ledger.post([refund(s, 3000), second])).message).toContain(`takes back $20.01, but only $20.00 is left`);
    expect(ledger.post([refund(s, 3000), refund(s, 2000)]).outcomes).toEqual(['REVERSAL_POSTED', 'REVERSAL_POSTED']);
  });

  it('a zero-amount reversal is refused, naming it', () => {
    const { ledger } = family();
    const s = sale('A-1', 5000);
    ledger.post([s]);
    const zero = refund(s, 0, 'REVERSAL');
    expect(refusal(() => ledger.post([zero])).message).toBe(
      `Transaction ${zero.transactionId} (${zero.location}) has an amount of 0 cents; amounts must be whole cents from 1 to 100000000.`,
    );
  });

  it('refuses amounts that are not whole cents from 1 to the ceiling, and posts the ceiling', () => {
    const { ledger, account } = family();
    for (const bad of [-500, 0, 10.5, Number.NaN, 100_000_001, 2 ** 31, Number.MAX_SAFE_INTEGER + 2]) {
      expect(refusal(() => ledger.post([sale('A-1', bad)])).message).toMatch(/whole cents from 1 to 100000000\.$/);
    }
    expect(ledger.post([sale('A-1', 100_000_000)]).outcomes).toEqual(['POSTED']);
    expect(account().creditCents).toBe(100_000_000 - 9500);
  });
});

describe('refunds that wait', () => {
  it('a refund of a sale never posted waits unmatched, untied, and changes nothing', () => {
    const { ledger, account } = family();
    const ghost = sale('A-1', 5000);
    const plan = ledger.post([refund(ghost, 5000)]);
    expect(plan.outcomes).toEqual(['UNMATCHED']);
    expect(plan.payments).toMatchObject([
      { status: 'UNMATCHED', patientId: null, amountCents: -5000, reversesPaymentId: null, originalTransactionId: ghost.transactionId, postedAt: null },
    ]);
    expect(plan).toMatchObject({ applications: [], charges: [], accounts: [], netCents: 0 });
    expect(account().balanceDueCents).toBe(9500);
  });

  it('a refund that names no sale (a Waystar refund) waits for staff', () => {
    const { ledger } = family();
    const s = sale('A-1', 5000);
    ledger.post([s]);
    const plan = ledger.post([{ ...refund(s, 1000), originalTransactionId: null }]);
    expect(plan.outcomes).toEqual(['UNMATCHED']);
    expect(plan.payments[0]).toMatchObject({ reversesPaymentId: null, originalTransactionId: null });
  });

  it('a refund that comes before its sale waits, does not post early, and posts when the sale comes', () => {
    const { ledger, account, paid } = family();
    const s = sale('A-1', 5000);
    const early = refund(s, 1500);
    const first = ledger.post([early]);
    expect(first.outcomes).toEqual(['UNMATCHED']);
    expect(first).toMatchObject({ applications: [], accounts: [], charges: [] });
    expect(account().balanceDueCents).toBe(9500);
    const refundId = first.paymentIds[0]!;

    const second = ledger.post([s]);
    const saleId = second.paymentIds[0]!;
    expect(second.outcomes).toEqual(['POSTED']);
    expect(second.waiting).toEqual([{ id: refundId, reversesPaymentId: saleId, posted: { patientId: ledger.patientId('A-1'), postedAt: ledger.now } }]);
    expect(second.applications.filter((a) => a.paymentId === refundId)).toEqual([
      { paymentId: refundId, chargeId: 'charge-1-2', amountCents: -1000 },
      { paymentId: refundId, chargeId: 'charge-1-1', amountCents: -500 },
    ]);
    // The refund is not counted in this report's total: it came in the earlier one.
    expect(second.netCents).toBe(5000);
    expect(account().balanceDueCents).toBe(9500 - 5000 + 1500);
    expect(paid()).toEqual([3500, 0, 0]);
    expect(ledger.problems()).toEqual([]);
    expect(ledger.post([s]).outcomes).toEqual(['DUPLICATE']);
    expect(ledger.post([early]).outcomes).toEqual(['DUPLICATE']);
  });

  it('waiting refunds post in the order they came; one larger than what is left stays for staff, untied', () => {
    const { ledger } = family();
    const s = sale('A-1', 5000);
    const later = new Date('2026-11-21T15:00:00Z');
    const big = refund(s, 4000, 'REFUND', later);
    const first = refund(s, 3000);
    const small = refund(s, 2000, 'REFUND', new Date('2026-11-22T15:00:00Z'));
    // The report lists them out of order; they came $30.00, then $40.00, then $20.00.
    const waiting = ledger.post([small, big, first]).paymentIds;
    const plan = ledger.post([s]);
    expect(plan.waiting.map((w) => [w.id, w.posted !== null])).toEqual([
      [waiting[2], true],
      [waiting[0], true],
    ]);
    expect(ledger.payments.find((p) => p.id === waiting[1])).toMatchObject({ status: 'UNMATCHED', reversesPaymentId: null });
    expect(ledger.leftOf(plan.paymentIds[0]!)).toBe(0);
    expect(ledger.problems()).toEqual([]);
  });

  it('a refund waiting for a sale that comes unmatched is tied to it and waits with it', () => {
    const { ledger } = family();
    const s = sale('9999', 5000);
    const early = ledger.post([refund(s, 1000)]).paymentIds[0]!;
    const plan = ledger.post([s]);
    expect(plan.outcomes).toEqual(['UNMATCHED']);
    expect(plan.waiting).toEqual([{ id: early, reversesPaymentId: plan.paymentIds[0], posted: null }]);
    expect(plan.applications).toEqual([]);
  });

  it('a refund of a sale that waits unmatched is tied to it and does not post early', () => {
    const { ledger } = family();
    const s = sale('9999', 5000);
    const saleId = ledger.post([s]).paymentIds[0]!;
    const plan = ledger.post([refund(s, 6000)]);
    expect(plan.outcomes).toEqual(['UNMATCHED']);
    expect(plan.payments).toMatchObject([{ status: 'UNMATCHED', reversesPaymentId: saleId, patientId: null, amountCents: -6000 }]);
    expect(plan).toMatchObject({ applications: [], accounts: [], sales: [] });
    // In one batch too.
    const t = sale(null, 100);
    expect(ledger.post([t, refund(t, 100)]).outcomes).toEqual(['UNMATCHED', 'UNMATCHED']);
    expect(ledger.problems()).toEqual([]);
  });
});

describe('matched by staff', () => {
  it('a sale that waited applies like any sale, and the refunds that waited with it post with it, in order', () => {
    const { ledger, account, paid } = family();
    const unknown = sale(null, 6000);
    const saleId = ledger.post([unknown]).paymentIds[0]!;
    const r = ledger.post([refund(unknown, 2500)]).paymentIds[0]!;
    const plan = ledger.matchSale(saleId, ledger.patientId('A-1'));
    // $60.00 paid the $40.00 and $20.00 of the $35.00; the $25.00 refund takes back the $20.00 (newest), then $5.00 of the $40.00.
    expect(plan.applications).toEqual([
      { paymentId: saleId, chargeId: 'charge-1-1', amountCents: 4000 },
      { paymentId: saleId, chargeId: 'charge-1-2', amountCents: 2000 },
      { paymentId: r, chargeId: 'charge-1-2', amountCents: -2000 },
      { paymentId: r, chargeId: 'charge-1-1', amountCents: -500 },
    ]);
    const posted = { patientId: ledger.patientId('A-1'), postedAt: ledger.now };
    expect(plan.sales).toEqual([{ id: saleId, unappliedCents: 0, posted }]);
    expect(plan.waiting).toEqual([{ id: r, reversesPaymentId: saleId, posted }]);
    expect(account()).toEqual({ balanceDueCents: 9500 - 6000 + 2500, creditCents: 0 });
    expect(paid()).toEqual([3500, 0, 0]);
    expect(ledger.problems()).toEqual([]);
  });

  it('a sale whose waiting refunds take back more than it paid is refused, naming the refund', () => {
    const { ledger } = family();
    const unknown = sale(null, 1000);
    const saleId = ledger.post([unknown]).paymentIds[0]!;
    ledger.post([refund(unknown, 600)]);
    const over = refund(unknown, 401, 'RETURN');
    ledger.post([over]);
    expect(refusal(() => ledger.matchSale(saleId, ledger.patientId('A-1'))).message).toBe(
      `The return ${over.transactionId} (${over.location}) takes back $4.01, but only $4.00 is left of this payment.`,
    );
    expect(ledger.payments.find((p) => p.id === saleId)!.status).toBe('UNMATCHED');
  });

  it('a sale matched to a patient with no credit account is refused', () => {
    const ledger = new MemoryLedger([{ accountNumber: 'C-3', owed: [1000], hasAccount: false }]);
    const saleId = ledger.post([sale(null, 500)]).paymentIds[0]!;
    expect(refusal(() => ledger.matchSale(saleId, ledger.patientId('C-3'))).message).toBe('That patient has no credit account.');
  });

  it('a refund that waited takes the chosen sale’s credit first, then its charges newest first', () => {
    const { ledger, account, paid } = family();
    const s = sale('A-1', 10000); // $95.00 applied, $5.00 credit
    const saleId = ledger.post([s]).paymentIds[0]!;
    const waiting = ledger.post([{ ...refund(s, 2500), originalTransactionId: null }]).paymentIds[0]!;
    const plan = ledger.matchRefund(waiting, saleId);
    expect(plan.applications).toEqual([{ paymentId: waiting, chargeId: 'charge-1-3', amountCents: -2000 }]);
    expect(plan.sales).toEqual([{ id: saleId, unappliedCents: 0 }]);
    expect(plan.waiting).toEqual([{ id: waiting, reversesPaymentId: saleId, posted: { patientId: ledger.patientId('A-1'), postedAt: ledger.now } }]);
    expect(account()).toEqual({ balanceDueCents: 2000, creditCents: 0 });
    expect(paid()).toEqual([4000, 3500, 0]);
    expect(ledger.problems()).toEqual([]);
  });

  it('a refund larger than what is left of the chosen sale is refused with the amounts', () => {
    const { ledger } = family();
    const s = sale('A-1', 2500);
    const saleId = ledger.post([s]).paymentIds[0]!;
    ledger.post([refund(s, 1500)]);
    const r = { ...refund(s, 1001), originalTransactionId: null };
    const waiting = ledger.post([r]).paymentIds[0]!;
    expect(refusal(() => ledger.matchRefund(waiting, saleId)).message).toBe(
      `The refund ${r.transactionId} takes back $10.01, but only $10.00 is left of that payment.`,
    );
  });

  it('a refund matched to anything but a posted sale is refused', () => {
    const { ledger } = family();
    const unknown = sale(null, 1000);
    const [waitingSale] = ledger.post([unknown]).paymentIds;
    const r = { ...refund(unknown, 100), originalTransactionId: null };
    const [waiting] = ledger.post([r]).paymentIds;
    const plan = () => planMatchedRefund(ledger.loadMatchedRefund(waitingSale!), { refund: { ...r, id: waiting! }, saleId: waitingSale!, now: ledger.now });
    expect(refusal(plan).message).toBe('Choose a posted payment of this patient.');
    expect(refusal(() => ledger.matchRefund(waiting!, 'no-such-payment')).message).toBe('Choose a posted payment of this patient.');
  });
});

describe('the planner', () => {
  it('is pure: it changes nothing it is given, and takes the time and IDs it is given', () => {
    const { ledger } = family();
    const s = sale('A-1', 9000);
    ledger.post([s]);
    const transactions = [sale('A-1', 700), refund(s, 6000), sale('nobody', 100)];
    const state = ledger.loadBatch('INSTAMED', transactions);
    const copy = structuredClone(state);
    const input = { practiceId: 'p', clearinghouse: 'INSTAMED' as const, reportId: 'r', transactions, now: new Date('2030-01-01T00:00:00Z') };
    let n = 0;
    const first = planBatch(state, { ...input, newId: () => `id-${++n}` });
    expect(state).toEqual(copy);
    n = 0;
    expect(planBatch(state, { ...input, newId: () => `id-${++n}` })).toEqual(first);
    expect(first.paymentIds).toEqual(['id-1', 'id-2', 'id-3']);
    expect(first.payments.map((p) => p.postedAt)).toEqual([input.now, input.now, null]);
  });

  it('refuses to take back from a sale whose history was not loaded, rather than guess', () => {
    const state: LedgerState = {
      accounts: new Map([['patient-1', { balanceDueCents: 0, creditCents: 0 }]]),
      charges: new Map([['patient-1', []]]),
      earlier: [
        {
          id: 'sale-1',
          transactionId: 'tx-sale',
          kind: 'SALE',
          patientId: 'patient-1',
          status: 'POSTED',
          amountCents: 100,
          unappliedCents: 0,
          accountNumber: null,
          originalTransactionId: null,
        },
      ],
      sales: new Map(),
      waiting: [],
      patients: new Map(),
    };
    const r = refund(sale(null, 100, 'tx-sale'), 100);
    expect(() =>
      planBatch(state, { practiceId: 'p', clearinghouse: 'INSTAMED', reportId: null, transactions: [r], now: new Date(), newId: () => 'id' }),
    ).toThrow('What is left of payment sale-1 was not loaded.');
  });
});
