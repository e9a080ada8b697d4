// The ledger through the database: what only a database shows. The rules themselves are the
// planner's tests (ledger/plan.test.ts, ledger/plan.property.test.ts, no database); here, the loader
// asks the right questions (this practice, this clearinghouse, the rows a refund needs), the plan's
// rows land as planned, a refused batch leaves nothing behind, and random sequences end with the
// same books on the database as in the planner's in-memory model.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clearinghouse, PrismaClient } from '@kinpay/db';
import { toCents } from '@kinpay/money';
import { openTestDatabase } from '../test/database.ts';
import { ledgerTransactions } from '../test/ledger-transactions.ts';
import { createPractice } from '../test/scenarios.ts';
import { LedgerError, postBatch, postMatchedRefund, postMatchedSale, type LedgerTransaction } from './ledger.ts';
import { MemoryLedger } from './ledger/memory-ledger.ts';

let db: PrismaClient;
let close: () => Promise<void>;
beforeAll(async () => {
  const database = await openTestDatabase();
  db = database.prisma;
  close = () => database.close();
});
afterAll(() => close());

/** Each transaction a minute after the one made before it: the order they came in. */
let clock = 0;
const nextMinute = () => new Date(Date.UTC(2026, 10, 20, 15) + ++clock * 60_000);
const { nextId: txId, sale, refund } = ledgerTransactions({ id: (n) => n.toString(16).padStart(32, '0'), at: nextMinute });

/** Mateo owes $40.00 (oldest), $35.00 and $20.00 (newest) on three charges; Lucia $25.00 on one. */
async function family() {
  const p = await createPractice(db, {
    name: 'Ledger Pediatrics',
    users: {},
    patients: {
      kid: {
        firstName: 'Mateo',
        lastName: 'Rivera',
        dateOfBirth: '2019-03-04',
        guardians: [],
        charges: [
          { daysAgo: 40, cptCode: '99392', amountCents: 21000, insurancePaidCents: 15000, adjustmentCents: 2000 },
          { daysAgo: 12, cptCode: '87880', amountCents: 4500, insurancePaidCents: 0, adjustmentCents: 1000 },
          { daysAgo: 5, cptCode: '99213', amountCents: 12000, insurancePaidCents: 8000, adjustmentCents: 2000 },
        ],
      },
      sister: {
        firstName: 'Lucia',
        lastName: 'Rivera',
        dateOfBirth: '2022-07-19',
        guardians: [],
        charges: [{ daysAgo: 30, cptCode: '99213', amountCents: 12000, insurancePaidCents: 8000, adjustmentCents: 1500 }],
      },
    },
  });
  const report = async () =>
    (
      await db.remittanceReport.create({
        data: { practiceId: p.practiceId, source: 'DROP_FOLDER', fileName: 'again.rep', sourceKey: `report-${txId()}`, contentSha256: '', sizeBytes: 0 },
      })
    ).id;
  return {
    practiceId: p.practiceId,
    patientId: p.patients.kid!.id,
    accountNumber: p.patients.kid!.accountNumber,
    sister: p.patients.sister!,
    report,
  };
}

const post = (practiceId: string, transactions: LedgerTransaction[], clearinghouse: Clearinghouse = 'INSTAMED', reportId: string | null = null) =>
  db.$transaction((tx) => postBatch(tx, { practiceId, clearinghouse, reportId, transactions }));

/** Money columns are 64-bit (bigint); compared here as the cents the app reads them as. */
const money = <T extends Record<string, unknown>>(row: T) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? toCents(v) : v])) as {
    [K in keyof T]: T[K] extends bigint ? number : T[K];
  };

async function state(patientId: string) {
  const account = money(await db.creditAccount.findUniqueOrThrow({ where: { patientId } }));
  const charges = (await db.charge.findMany({ where: { patientId }, orderBy: { serviceDate: 'asc' }, include: { applications: true } })).map((c) => ({
    ...money(c),
    applications: c.applications.map(money),
  }));
  const payments = (await db.payment.findMany({ where: { patientId }, include: { applications: true } })).map((p) => ({
    ...money(p),
    applications: p.applications.map(money),
  }));
  return { account, charges, payments };
}

/** The ledger's invariants, checked from the stored rows. */
async function expectInvariants(patientId: string) {
  const { account, charges, payments } = await state(patientId);
  let open = 0;
  for (const c of charges) {
    const owed = c.amountCents - c.insurancePaidCents - c.adjustmentCents;
    expect(c.patientPaidCents).toBe(c.applications.reduce((sum, a) => sum + a.amountCents, 0));
    expect(c.patientPaidCents).toBeGreaterThanOrEqual(0);
    expect(c.patientPaidCents).toBeLessThanOrEqual(owed);
    open += owed - c.patientPaidCents;
  }
  expect(account.balanceDueCents).toBe(open);
  expect(account.creditCents).toBeGreaterThanOrEqual(0);
  const sales = payments.filter((p) => p.kind === 'SALE' && p.status === 'POSTED');
  expect(account.creditCents).toBe(sales.reduce((sum, p) => sum + p.unappliedCents, 0));
  for (const s of sales) {
    const undo = payments.filter((p) => p.reversesPaymentId === s.id);
    const applied = s.applications.reduce((sum, a) => sum + a.amountCents, 0) + undo.flatMap((u) => u.applications).reduce((sum, a) => sum + a.amountCents, 0);
    const left = s.amountCents + undo.reduce((sum, u) => sum + u.amountCents, 0);
    expect(applied).toBeGreaterThanOrEqual(0);
    expect(s.unappliedCents).toBeGreaterThanOrEqual(0);
    // Every cent of what is left of a sale is either on a charge or credit; never more.
    expect(applied + s.unappliedCents).toBe(left);
  }
  // Money in = money on charges + credit.
  const posted = payments.filter((p) => p.status === 'POSTED').reduce((sum, p) => sum + p.amountCents, 0);
  expect(posted).toBe(charges.reduce((sum, c) => sum + c.patientPaidCents, 0) + account.creditCents);
}

describe('posting lands as planned', () => {
  it('a sale: its payment, applications oldest first, charges and account', async () => {
    const f = await family();
    const result = await post(f.practiceId, [sale(f.accountNumber, 12000)]);
    expect(result.outcomes).toEqual(['POSTED']);
    const { account, charges, payments } = await state(f.patientId);
    expect(charges.map((c) => c.patientPaidCents)).toEqual([4000, 3500, 2000]);
    expect(charges.map((c) => c.applications.map((a) => [a.paymentId, a.amountCents]))).toEqual([
      [[result.paymentIds[0], 4000]],
      [[result.paymentIds[0], 3500]],
      [[result.paymentIds[0], 2000]],
    ]);
    expect(account).toMatchObject({ balanceDueCents: 0, creditCents: 2500 });
    expect(payments).toMatchObject([{ id: result.paymentIds[0], amountCents: 12000, unappliedCents: 2500, status: 'POSTED' }]);
    await expectInvariants(f.patientId);
  });

  it('a refund in a later report re-opens charges its sale paid in full (the loader reads paid charges too)', async () => {
    const f = await family();
    const s = sale(f.accountNumber, 12000); // $95 applied, $25 credit: every charge paid
    await post(f.practiceId, [s]);
    await post(f.practiceId, [refund(s, 3000)]);
    expect((await post(f.practiceId, [refund(s, 4000)])).outcomes).toEqual(['REVERSAL_POSTED']);
    const { account, charges, payments } = await state(f.patientId);
    expect(account).toMatchObject({ creditCents: 0, balanceDueCents: 4500 });
    expect(charges.map((c) => c.patientPaidCents)).toEqual([4000, 1000, 0]);
    expect(payments.find((p) => p.kind === 'SALE')).toMatchObject({ unappliedCents: 0 });
    await expectInvariants(f.patientId);
  });

  it('a sale and its void in one report: the sale is stored with what the void left', async () => {
    const f = await family();
    const s = sale(f.accountNumber, 10000);
    expect((await post(f.practiceId, [s, refund(s, 10000, 'VOID')])).outcomes).toEqual(['POSTED', 'REVERSAL_POSTED']);
    const { account, charges, payments } = await state(f.patientId);
    expect(account).toMatchObject({ balanceDueCents: 9500, creditCents: 0 });
    expect(charges.map((c) => c.patientPaidCents)).toEqual([0, 0, 0]);
    expect(payments.find((p) => p.kind === 'SALE')).toMatchObject({ unappliedCents: 0 });
    await expectInvariants(f.patientId);
  });

  it('a refused batch leaves nothing behind: the refund one cent over, and the sale before it', async () => {
    const f = await family();
    const s = sale(f.accountNumber, 5000);
    await post(f.practiceId, [s]);
    await post(f.practiceId, [refund(s, 3000)]);
    const over = refund(s, 2001);
    await expect(post(f.practiceId, [sale(f.accountNumber, 100), over])).rejects.toThrow(
      new LedgerError(`The refund ${over.transactionId} (${over.location}) takes back $20.01, but only $20.00 is left of payment ${s.transactionId}.`),
    );
    expect((await state(f.patientId)).payments).toHaveLength(2);
    expect((await post(f.practiceId, [refund(s, 2000)])).outcomes).toEqual(['REVERSAL_POSTED']);
    await expectInvariants(f.patientId);
  });

  it('a conflict is stored with both versions; the same transaction again changes nothing', async () => {
    const f = await family();
    const t = sale(f.accountNumber, 3000);
    await post(f.practiceId, [t]);
    const reportId = await f.report();
    const result = await post(f.practiceId, [{ ...t, amountCents: 30000, location: 'line 2' }], 'INSTAMED', reportId);
    expect(result.outcomes).toEqual(['CONFLICT']);
    expect(await db.paymentConflict.findMany({ where: { practiceId: f.practiceId } })).toMatchObject([
      {
        paymentId: (await db.payment.findFirstOrThrow({ where: { transactionId: t.transactionId } })).id,
        reportId,
        clearinghouse: 'INSTAMED',
        transactionId: t.transactionId,
        kind: 'SALE',
        amountCents: 30000n,
        accountNumber: f.accountNumber,
        payerName: 'Sofia Rivera',
        originalTransactionId: null,
        occurredAt: t.occurredAt,
        location: 'line 2',
        differences: ['amount: $30.00 recorded, $300.00 in this report'],
      },
    ]);
    expect((await post(f.practiceId, [t])).outcomes).toEqual(['DUPLICATE']);
    expect((await state(f.patientId)).account.balanceDueCents).toBe(6500);
  });
});

describe('the loader reads what was recorded for this practice and this clearinghouse only', () => {
  it('the same transaction ID from another clearinghouse is another payment, and its refunds are its own', async () => {
    const f = await family();
    const t = sale(f.accountNumber, 1000);
    await post(f.practiceId, [t]);
    // A Waystar refund under the ID of an InstaMed sale names no sale Waystar sent: it waits.
    const early = refund(t, 600);
    expect((await post(f.practiceId, [early], 'WAYSTAR')).outcomes).toEqual(['UNMATCHED']);
    // Waystar's own sale under that ID posts (not a duplicate), and takes the refund that waited for it.
    expect((await post(f.practiceId, [t], 'WAYSTAR')).outcomes).toEqual(['POSTED']);
    expect(await db.payment.findFirstOrThrow({ where: { transactionId: early.transactionId } })).toMatchObject({ status: 'POSTED', clearinghouse: 'WAYSTAR' });
    // All of InstaMed's sale is still there to take back.
    expect((await post(f.practiceId, [refund(t, 1000)], 'INSTAMED')).outcomes).toEqual(['REVERSAL_POSTED']);
    expect((await state(f.patientId)).account.balanceDueCents).toBe(9500 - 1000 + 600);
    await expectInvariants(f.patientId);
  });

  it('a refund waiting for a sale from one clearinghouse is not taken by the same ID from another', async () => {
    const f = await family();
    const t = sale(f.accountNumber, 2000);
    const early = refund(t, 500);
    await post(f.practiceId, [early], 'INSTAMED');
    await post(f.practiceId, [t], 'WAYSTAR');
    expect(await db.payment.findFirstOrThrow({ where: { transactionId: early.transactionId } })).toMatchObject({
      status: 'UNMATCHED',
      reversesPaymentId: null,
    });
    await post(f.practiceId, [t], 'INSTAMED');
    expect(await db.payment.findFirstOrThrow({ where: { transactionId: early.transactionId } })).toMatchObject({ status: 'POSTED' });
    await expectInvariants(f.patientId);
  });

  it('another practice’s payments under the same IDs do not count', async () => {
    const [mine, theirs] = [await family(), await family()];
    const t = sale(theirs.accountNumber, 1500);
    await post(theirs.practiceId, [t]);
    await post(theirs.practiceId, [refund(t, 500, 'REVERSAL')]);
    // Under the same IDs, in this practice: a sale of its own, and a refund that waits for it.
    expect((await post(mine.practiceId, [{ ...t, accountNumber: mine.accountNumber }])).outcomes).toEqual(['POSTED']);
    expect((await post(mine.practiceId, [refund(t, 1500, 'VOID')])).outcomes).toEqual(['REVERSAL_POSTED']);
    expect((await state(mine.patientId)).account).toMatchObject({ balanceDueCents: 9500, creditCents: 0 });
    expect((await state(theirs.patientId)).account).toMatchObject({ balanceDueCents: 9500 - 1000, creditCents: 0 });
  });
});

describe('refunds that wait, through the database', () => {
  it('a refund that comes before its sale waits, does not post early, and posts when the sale comes', async () => {
    const f = await family();
    const s = sale(f.accountNumber, 5000);
    expect((await post(f.practiceId, [refund(s, 1500)])).outcomes).toEqual(['UNMATCHED']);
    expect((await state(f.patientId)).account.balanceDueCents).toBe(9500);
    expect((await post(f.practiceId, [s])).outcomes).toEqual(['POSTED']);
    expect(await db.payment.count({ where: { practiceId: f.practiceId, status: 'UNMATCHED' } })).toBe(0);
    expect((await state(f.patientId)).account.balanceDueCents).toBe(9500 - 5000 + 1500);
    await expectInvariants(f.patientId);
    expect((await post(f.practiceId, [s])).outcomes).toEqual(['DUPLICATE']);
    expect((await state(f.patientId)).account.balanceDueCents).toBe(9500 - 5000 + 1500);
  });

  it('refunds that waited post in the order they came, not the order they were listed; one that no longer fits stays for staff', async () => {
    const f = await family();
    const s = sale(f.accountNumber, 5000);
    const [first, second] = [refund(s, 3000), refund(s, 4000)];
    await post(f.practiceId, [second, first]);
    await post(f.practiceId, [s]);
    expect(await db.payment.findFirstOrThrow({ where: { transactionId: first.transactionId } })).toMatchObject({ status: 'POSTED' });
    expect(await db.payment.findFirstOrThrow({ where: { transactionId: second.transactionId } })).toMatchObject({
      status: 'UNMATCHED',
      reversesPaymentId: null,
    });
    expect((await state(f.patientId)).account.balanceDueCents).toBe(9500 - 5000 + 3000);
    await expectInvariants(f.patientId);
  });

  it('a refund of a payment waiting unmatched posts with it when staff match the payment', async () => {
    const f = await family();
    const unknown = sale(null, 6000);
    await post(f.practiceId, [unknown]);
    expect((await post(f.practiceId, [refund(unknown, 2500)])).outcomes).toEqual(['UNMATCHED']);
    const waiting = await db.payment.findFirstOrThrow({ where: { practiceId: f.practiceId, transactionId: unknown.transactionId, kind: 'SALE' } });
    const now = new Date('2026-11-27T10:00:00.000Z');
    await db.$transaction((tx) => postMatchedSale(tx, { id: waiting.id, amountCents: toCents(waiting.amountCents) }, f.patientId, now));
    expect(await db.payment.findMany({ where: { practiceId: f.practiceId }, orderBy: { amountCents: 'desc' } })).toMatchObject([
      { id: waiting.id, status: 'POSTED', patientId: f.patientId, postedAt: now, unappliedCents: 0n },
      { status: 'POSTED', patientId: f.patientId, postedAt: now, reversesPaymentId: waiting.id },
    ]);
    const { account, charges } = await state(f.patientId);
    expect(account).toMatchObject({ balanceDueCents: 9500 - 6000 + 2500, creditCents: 0 });
    expect(charges.map((c) => c.patientPaidCents)).toEqual([3500, 0, 0]);
    await expectInvariants(f.patientId);
  });

  it('a refund that names no sale posts against the one staff choose', async () => {
    const f = await family();
    const s = sale(f.accountNumber, 10000); // $95.00 applied, $5.00 credit
    await post(f.practiceId, [s]);
    const r = { ...refund(s, 2500), originalTransactionId: null };
    await post(f.practiceId, [r]);
    const [saleRow, refundRow] = await Promise.all([
      db.payment.findFirstOrThrow({ where: { transactionId: s.transactionId } }),
      db.payment.findFirstOrThrow({ where: { transactionId: r.transactionId } }),
    ]);
    const now = new Date('2026-11-27T10:00:00.000Z');
    await db.$transaction((tx) =>
      postMatchedRefund(tx, { id: refundRow.id, kind: 'REFUND', transactionId: r.transactionId, amountCents: toCents(refundRow.amountCents) }, saleRow.id, now),
    );
    expect(await db.payment.findUniqueOrThrow({ where: { id: refundRow.id } })).toMatchObject({
      status: 'POSTED',
      patientId: f.patientId,
      postedAt: now,
      reversesPaymentId: saleRow.id,
    });
    expect(await db.payment.findUniqueOrThrow({ where: { id: saleRow.id } })).toMatchObject({ unappliedCents: 0n });
    expect((await state(f.patientId)).charges.map((c) => c.patientPaidCents)).toEqual([4000, 3500, 0]);
    // Nothing is left of that sale's credit for another; more than is left is refused with the amounts.
    const more = { ...refund(s, 7501), originalTransactionId: null };
    await post(f.practiceId, [more]);
    const moreRow = await db.payment.findFirstOrThrow({ where: { transactionId: more.transactionId } });
    await expect(
      db.$transaction((tx) => postMatchedRefund(tx, { id: moreRow.id, kind: 'REFUND', transactionId: more.transactionId, amountCents: -7501 }, saleRow.id)),
    ).rejects.toThrow(`The refund ${more.transactionId} takes back $75.01, but only $75.00 is left of that payment.`);
    await expectInvariants(f.patientId);
  });
});

describe('the database agrees with the planner’s model', () => {
  type Op =
    { type: 'sale'; slot: number } | { type: 'undo'; slot: number; fraction: number; kind: 'REFUND' | 'VOID' | 'CHARGEBACK' } | { type: 'match'; slot: number };
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ type: fc.constant('sale' as const), slot: fc.nat({ max: 3 }) }),
    fc.record({
      type: fc.constant('undo' as const),
      slot: fc.nat({ max: 3 }),
      fraction: fc.double({ min: 0.05, max: 1, noNaN: true }),
      kind: fc.constantFrom('REFUND' as const, 'VOID' as const, 'CHARGEBACK' as const),
    }),
    fc.record({ type: fc.constant('match' as const), slot: fc.nat({ max: 3 }) }),
  );
  const slots = fc.array(fc.record({ to: fc.constantFrom(0, 0, 1, 2), amount: fc.integer({ min: 1, max: 12000 }) }), { minLength: 4, maxLength: 4 });

  it('random reports and matches end with the same outcomes, payments, charges and accounts', async () => {
    await fc.assert(
      fc.asyncProperty(slots, fc.array(fc.array(op, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 }), async (sales, batches) => {
        const f = await family();
        const model = new MemoryLedger([
          { accountNumber: f.accountNumber, owed: [4000, 3500, 2000] },
          { accountNumber: f.sister.accountNumber, owed: [2500] },
        ]);
        const patientIds = [f.patientId, f.sister.id];
        const accounts = [f.accountNumber, f.sister.accountNumber, '9999'];
        const saleOf = sales.map((s) => sale(accounts[s.to]!, s.amount));
        for (const batch of batches) {
          const matches = batch.filter((o) => o.type === 'match');
          const transactions: LedgerTransaction[] = [];
          for (const o of batch) {
            const s = saleOf[o.slot]!;
            if (o.type === 'sale' && !transactions.includes(s)) transactions.push(s);
            if (o.type === 'undo') {
              const t = refund(s, Math.max(1, Math.floor(s.amountCents * o.fraction)), o.kind);
              if (!transactions.some((x) => x.kind === t.kind && x.transactionId === t.transactionId)) transactions.push(t);
            }
          }
          if (transactions.length) {
            const inModel = (() => {
              try {
                return model.post(transactions, { reportId: null }).outcomes;
              } catch (error) {
                return (error as Error).message;
              }
            })();
            const inDb = await post(f.practiceId, transactions).then(
              (r) => r.outcomes,
              (error: Error) => error.message,
            );
            expect(inDb).toEqual(inModel);
          }
          // Staff match a sale that waits to Mateo.
          for (const m of matches) {
            const waiting = model.payment(saleOf[m.slot]!.transactionId);
            if (waiting?.status !== 'UNMATCHED') continue;
            const row = await db.payment.findFirstOrThrow({ where: { practiceId: f.practiceId, transactionId: waiting.transactionId, kind: 'SALE' } });
            const inModel = (() => {
              try {
                model.matchSale(waiting.id, model.patients[0]!.id);
                return 'posted';
              } catch (error) {
                return (error as Error).message;
              }
            })();
            const inDb = await db
              .$transaction((tx) => postMatchedSale(tx, { id: row.id, amountCents: toCents(row.amountCents) }, f.patientId))
              .then(
                () => 'posted',
                (error: Error) => error.message,
              );
            expect(inDb).toEqual(inModel);
          }
        }
        // The same books: accounts, charges, and every payment's state (ties by transaction).
        for (const [i, patientId] of patientIds.entries()) {
          const { account, charges } = await state(patientId);
          expect({ balanceDueCents: account.balanceDueCents, creditCents: account.creditCents }).toEqual(model.accounts.get(model.patients[i]!.id));
          expect(charges.map((c) => c.patientPaidCents)).toEqual(model.charges.get(model.patients[i]!.id)!.map((c) => c.patientPaidCents));
        }
        const rows = await db.payment.findMany({ where: { practiceId: f.practiceId } });
        const keyOfDb = new Map(rows.map((p) => [p.id, `${p.kind}:${p.transactionId}`]));
        const keyOfModel = new Map(model.payments.map((p) => [p.id, `${p.kind}:${p.transactionId}`]));
        const patientOf = new Map(model.patients.map((p, i) => [p.id, patientIds[i]]));
        const line = (p: { kind: string; transactionId: string | null; status: string; amountCents: number; unappliedCents: number }) =>
          `${p.kind}:${p.transactionId} ${p.status} ${p.amountCents} ${p.unappliedCents}`;
        expect(rows.map((p) => `${line(money(p))} → ${p.reversesPaymentId ? keyOfDb.get(p.reversesPaymentId) : '-'} ${p.patientId ?? '-'}`).sort()).toEqual(
          model.payments
            .map((p) => `${line(p)} → ${p.reversesPaymentId ? keyOfModel.get(p.reversesPaymentId) : '-'} ${p.patientId ? patientOf.get(p.patientId) : '-'}`)
            .sort(),
        );
        for (const patientId of patientIds) await expectInvariants(patientId);
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
