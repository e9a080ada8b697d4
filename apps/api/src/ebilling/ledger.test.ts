import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@kinpay/db';
import { toCents } from '@kinpay/money';
import { openTestDatabase } from '../test/database.ts';
import { createPractice } from '../test/scenarios.ts';
import { LedgerError, postBatch, postMatchedSale, type LedgerTransaction } from './ledger.ts';

let db: PrismaClient;
let close: () => Promise<void>;
beforeAll(async () => {
  const database = await openTestDatabase();
  db = database.prisma;
  close = database.close;
});
afterAll(() => close());

let seq = 0;
const txId = () => (++seq).toString(16).padStart(32, '0');

function sale(accountNumber: string | null, amountCents: number, transactionId = txId()): LedgerTransaction {
  return {
    transactionId,
    kind: 'SALE',
    amountCents,
    accountNumber,
    payerName: 'Sofia Rivera',
    method: 'CARD',
    cardType: 'VISA',
    authorizationNumber: '123456',
    occurredAt: new Date('2026-11-20T15:00:00Z'),
    originalTransactionId: null,
    location: `line ${seq}`,
  };
}
function refund(of: LedgerTransaction, amountCents: number, kind: LedgerTransaction['kind'] = 'REFUND'): LedgerTransaction {
  return { ...of, transactionId: kind === 'VOID' ? of.transactionId : txId(), kind, amountCents, originalTransactionId: of.transactionId };
}

/** A patient owing $40.00 (oldest), $35.00 and $20.00 (newest) on three charges. */
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
    },
  });
  return { practiceId: p.practiceId, patientId: p.patients.kid!.id, accountNumber: p.patients.kid!.accountNumber };
}

const post = (practiceId: string, transactions: LedgerTransaction[]) =>
  db.$transaction((tx) => postBatch(tx, { practiceId, clearinghouse: 'INSTAMED', reportId: null, transactions }));

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

describe('posting a sale', () => {
  it('applies it to open charges oldest first and keeps the rest as credit', async () => {
    const f = await family();
    const result = await post(f.practiceId, [sale(f.accountNumber, 12000)]);
    expect(result.outcomes).toEqual(['POSTED']);
    const { account, charges, payments } = await state(f.patientId);
    expect(charges.map((c) => c.patientPaidCents)).toEqual([4000, 3500, 2000]);
    expect(account).toMatchObject({ balanceDueCents: 0, creditCents: 2500 });
    expect(payments[0]).toMatchObject({ amountCents: 12000, unappliedCents: 2500, status: 'POSTED' });
    await expectInvariants(f.patientId);
  });

  it('a partial payment pays the oldest visit first', async () => {
    const f = await family();
    await post(f.practiceId, [sale(f.accountNumber, 5000)]);
    const { account, charges } = await state(f.patientId);
    expect(charges.map((c) => c.patientPaidCents)).toEqual([4000, 1000, 0]);
    expect(account).toMatchObject({ balanceDueCents: 4500, creditCents: 0 });
  });

  it('two same-day payments of the same amount are two payments', async () => {
    const f = await family();
    const result = await post(f.practiceId, [sale(f.accountNumber, 2000), sale(f.accountNumber, 2000)]);
    expect(result.outcomes).toEqual(['POSTED', 'POSTED']);
    expect((await state(f.patientId)).account.balanceDueCents).toBe(5500);
  });

  it('the same transaction again posts once; twice in one batch the batch is refused, naming both places', async () => {
    const f = await family();
    const t = sale(f.accountNumber, 3000);
    await expect(post(f.practiceId, [t, { ...t, location: 'line 9' }])).rejects.toThrow(
      new RegExp(`${t.transactionId} appears twice in this report \\(${t.location} and line 9\\)`),
    );
    expect((await post(f.practiceId, [t])).outcomes).toEqual(['POSTED']);
    expect((await post(f.practiceId, [t])).outcomes).toEqual(['DUPLICATE']);
    expect((await state(f.patientId)).account.balanceDueCents).toBe(6500);
  });

  it('the same transaction ID with another amount, account or kind is a conflict: not posted, both versions kept', async () => {
    const f = await family();
    const t = sale(f.accountNumber, 3000);
    await post(f.practiceId, [t]);
    const again = async (changes: Partial<LedgerTransaction>) => {
      const report = await db.remittanceReport.create({
        data: { practiceId: f.practiceId, source: 'DROP_FOLDER', fileName: 'again.rep', sourceKey: `again-${txId()}`, contentSha256: '', sizeBytes: 0 },
      });
      return db.$transaction((tx) =>
        postBatch(tx, { practiceId: f.practiceId, clearinghouse: 'INSTAMED', reportId: report.id, transactions: [{ ...t, ...changes }] }),
      );
    };
    const amount = await again({ amountCents: 30000, location: 'line 2' });
    expect(amount.outcomes).toEqual(['CONFLICT']);
    expect(amount.conflicts.map((c) => c.differences)).toEqual([['amount: $30.00 recorded, $300.00 in this report']]);
    expect((await again({ accountNumber: 'B-99' })).conflicts[0]!.differences).toEqual([`patient account: ${f.accountNumber} recorded, B-99 in this report`]);
    // A refund that reuses the sale's ID is no undo of that sale: it contradicts it.
    expect((await again({ kind: 'REFUND', originalTransactionId: txId() })).conflicts[0]!.differences).toContain(
      'kind: payment recorded, refund in this report',
    );
    // The account missing (InstaMed's 9999) is less information, not a contradiction.
    expect((await again({ accountNumber: null })).outcomes).toEqual(['DUPLICATE']);
    // A void keeps the sale's ID: that is the sale being undone, not a conflict.
    expect((await again({ kind: 'VOID', originalTransactionId: t.transactionId })).outcomes).toEqual(['REVERSAL_POSTED']);
    const stored = await db.paymentConflict.findMany({ where: { practiceId: f.practiceId }, orderBy: { createdAt: 'asc' } });
    expect(stored.map((c) => [toCents(c.amountCents), c.accountNumber, c.kind, c.location])).toEqual([
      [30000, f.accountNumber, 'SALE', 'line 2'],
      [3000, 'B-99', 'SALE', t.location],
      [3000, f.accountNumber, 'REFUND', t.location],
    ]);
    expect((await state(f.patientId)).account.balanceDueCents).toBe(9500);
    await expectInvariants(f.patientId);
  });

  it('the clearinghouse is part of the key: the same ID from another clearinghouse is another payment', async () => {
    const f = await family();
    const t = sale(f.accountNumber, 1000);
    await post(f.practiceId, [t]);
    const waystar = await db.$transaction((tx) => postBatch(tx, { practiceId: f.practiceId, clearinghouse: 'WAYSTAR', reportId: null, transactions: [t] }));
    expect(waystar.outcomes).toEqual(['POSTED']);
  });

  it('an unknown account number is not posted; it waits unmatched', async () => {
    const f = await family();
    const result = await post(f.practiceId, [sale(null, 3000), sale('no-such-chart', 1000)]);
    expect(result.outcomes).toEqual(['UNMATCHED', 'UNMATCHED']);
    expect((await state(f.patientId)).account.balanceDueCents).toBe(9500);
    expect(await db.payment.count({ where: { practiceId: f.practiceId, status: 'UNMATCHED' } })).toBe(2);
  });
});

describe('taking money back', () => {
  it('a refund takes the credit first, then re-opens charges newest first', async () => {
    const f = await family();
    const s = sale(f.accountNumber, 12000); // $95 applied, $25 credit
    await post(f.practiceId, [s]);
    expect((await post(f.practiceId, [refund(s, 4000)])).outcomes).toEqual(['REVERSAL_POSTED']);
    const { account, charges } = await state(f.patientId);
    expect(account).toMatchObject({ creditCents: 0, balanceDueCents: 1500 });
    expect(charges.map((c) => c.patientPaidCents)).toEqual([4000, 3500, 500]);
    await expectInvariants(f.patientId);
  });

  it('a void, reversal, return or chargeback of the whole sale restores the balance exactly', async () => {
    for (const kind of ['VOID', 'REVERSAL', 'RETURN', 'CHARGEBACK'] as const) {
      const f = await family();
      const s = sale(f.accountNumber, 7000);
      await post(f.practiceId, [s]);
      await post(f.practiceId, [refund(s, 7000, kind)]);
      const { account, charges } = await state(f.patientId);
      expect(account).toMatchObject({ balanceDueCents: 9500, creditCents: 0 });
      expect(charges.map((c) => c.patientPaidCents)).toEqual([0, 0, 0]);
      await expectInvariants(f.patientId);
    }
  });

  it('a sale and its refund in the same file', async () => {
    const f = await family();
    const s = sale(f.accountNumber, 5000);
    expect((await post(f.practiceId, [s, refund(s, 1000)])).outcomes).toEqual(['POSTED', 'REVERSAL_POSTED']);
    expect((await state(f.patientId)).account.balanceDueCents).toBe(5500);
    await expectInvariants(f.patientId);
  });

  it('never takes back more than is left of the sale: the whole batch is refused', async () => {
    const f = await family();
    const s = sale(f.accountNumber, 5000);
    await post(f.practiceId, [s]);
    await post(f.practiceId, [refund(s, 3000)]);
    await expect(post(f.practiceId, [sale(f.accountNumber, 100), refund(s, 2001)])).rejects.toThrow(LedgerError);
    // Nothing of the refused batch was written.
    expect((await state(f.patientId)).payments).toHaveLength(2);
    await expectInvariants(f.patientId);
  });

  it('a refund of a sale never posted waits unmatched', async () => {
    const f = await family();
    const ghost = sale(f.accountNumber, 5000);
    expect((await post(f.practiceId, [refund(ghost, 5000)])).outcomes).toEqual(['UNMATCHED']);
    expect((await state(f.patientId)).account.balanceDueCents).toBe(9500);
  });

  it('a refund of a payment waiting unmatched posts with it when staff match the payment', async () => {
    const f = await family();
    const unknown = sale(null, 6000);
    await post(f.practiceId, [unknown]);
    expect((await post(f.practiceId, [refund(unknown, 2500)])).outcomes).toEqual(['UNMATCHED']);
    const waiting = await db.payment.findFirstOrThrow({ where: { practiceId: f.practiceId, transactionId: unknown.transactionId, kind: 'SALE' } });

    await db.$transaction((tx) => postMatchedSale(tx, { id: waiting.id, amountCents: toCents(waiting.amountCents) }, f.patientId));
    // $60.00 paid the $40.00 and $20.00 of the $35.00 charge; the $25.00 refund takes back the
    // $20.00 first (newest charge), then $5.00 of the $40.00.
    expect(await db.payment.count({ where: { practiceId: f.practiceId, status: 'UNMATCHED' } })).toBe(0);
    const { account, charges } = await state(f.patientId);
    expect(account).toMatchObject({ balanceDueCents: 9500 - 6000 + 2500, creditCents: 0 });
    expect(charges.map((c) => c.patientPaidCents)).toEqual([3500, 0, 0]);
    await expectInvariants(f.patientId);
  });

  it('a refund that comes before its sale waits, and posts when the sale comes', async () => {
    const f = await family();
    const s = sale(f.accountNumber, 5000);
    expect((await post(f.practiceId, [refund(s, 1500)])).outcomes).toEqual(['UNMATCHED']);
    expect((await post(f.practiceId, [s])).outcomes).toEqual(['POSTED']);
    expect(await db.payment.count({ where: { practiceId: f.practiceId, status: 'UNMATCHED' } })).toBe(0);
    expect((await state(f.patientId)).account.balanceDueCents).toBe(9500 - 5000 + 1500);
    await expectInvariants(f.patientId);
    // Processing the same sale again changes nothing.
    expect((await post(f.practiceId, [s])).outcomes).toEqual(['DUPLICATE']);
    expect((await state(f.patientId)).account.balanceDueCents).toBe(9500 - 5000 + 1500);
  });

  it('refuses amounts that are not whole cents from 1 to the ceiling', async () => {
    const f = await family();
    for (const bad of [-500, 0, 10.5, 100_000_001, 2 ** 31, Number.MAX_SAFE_INTEGER + 2]) {
      await expect(post(f.practiceId, [sale(f.accountNumber, bad)])).rejects.toThrow(/whole cents from 1 to 100000000/);
    }
    // The ceiling itself posts, into 64-bit columns.
    expect((await post(f.practiceId, [sale(f.accountNumber, 100_000_000)])).outcomes).toEqual(['POSTED']);
    expect((await state(f.patientId)).account.creditCents).toBe(100_000_000 - 9500);
  });
});

describe('ledger invariants under any sequence of payments, refunds and reversals', () => {
  type Op =
    | { type: 'sale'; amount: number }
    | { type: 'undo'; of: number; fraction: number; kind: 'REFUND' | 'REVERSAL' | 'VOID' | 'RETURN' | 'CHARGEBACK' }
    | { type: 'replay'; of: number };
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ type: fc.constant('sale' as const), amount: fc.integer({ min: 1, max: 20000 }) }),
    fc.record({
      type: fc.constant('undo' as const),
      of: fc.nat(),
      fraction: fc.double({ min: 0.01, max: 1, noNaN: true }),
      kind: fc.constantFrom('REFUND' as const, 'REVERSAL' as const, 'VOID' as const, 'RETURN' as const, 'CHARGEBACK' as const),
    }),
    fc.record({ type: fc.constant('replay' as const), of: fc.nat() }),
  );

  it('hold after every batch, and re-posting everything changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(op, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), async (batches) => {
        const f = await family();
        const history: LedgerTransaction[] = [];
        const left = new Map<string, number>();
        for (const batch of batches) {
          const transactions: LedgerTransaction[] = [];
          for (const o of batch) {
            const sales = history.filter((t) => t.kind === 'SALE');
            if (o.type === 'sale') {
              const t = sale(f.accountNumber, o.amount);
              transactions.push(t);
              left.set(t.transactionId, o.amount);
            } else if (o.type === 'undo' && sales.length) {
              const s = sales[o.of % sales.length]!;
              const remaining = left.get(s.transactionId)!;
              // A void cancels the whole sale, once; other kinds take back part of what is left.
              const amount = o.kind === 'VOID' ? remaining : Math.max(1, Math.floor(remaining * o.fraction));
              if (remaining <= 0 || (o.kind === 'VOID' && history.some((h) => h.kind === 'VOID' && h.transactionId === s.transactionId))) continue;
              transactions.push(refund(s, amount, o.kind));
              left.set(s.transactionId, remaining - amount);
            } else if (o.type === 'replay' && history.length) {
              // A file never names a transaction twice (the readers refuse it); across files it is a duplicate.
              const replayed = history[o.of % history.length]!;
              if (!transactions.includes(replayed)) transactions.push(replayed);
            }
          }
          if (!transactions.length) continue;
          await post(f.practiceId, transactions);
          history.push(...transactions.filter((t) => !history.includes(t)));
          await expectInvariants(f.patientId);
        }
        const before = await state(f.patientId);
        const replay = await post(f.practiceId, history);
        expect(replay.outcomes.every((o) => o === 'DUPLICATE')).toBe(true);
        const after = await state(f.patientId);
        expect(after.account.balanceDueCents).toBe(before.account.balanceDueCents);
        expect(after.account.creditCents).toBe(before.account.creditCents);
        expect(after.payments).toHaveLength(before.payments.length);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
