// The ledger's bulk writes: what they store field by field, and exactly-once posting when two
// processors race on the same transactions (truly concurrent on PostgreSQL, serialized on PGlite);
// its locks: a posting that needs what another is changing waits for it and sees what it wrote.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payment, PrismaClient } from '@kinpay/db';
import { toCents } from '@kinpay/money';
import { openTestDatabase, TEST_DB_KIND } from '../test/database.ts';
import { an835, newTransactionId, saleOf } from '../test/reports.ts';
import { createPractice } from '../test/scenarios.ts';
import { postBatch, postMatchedRefund, postMatchedSale, type LedgerTransaction } from './ledger.ts';
import { createReportReader } from './reading/report-reader.ts';
import { processReport, storeReport } from './reports.ts';

let db: PrismaClient;
let close: () => Promise<void>;
const reader = createReportReader({ timeoutMs: 60_000, maxMemoryMb: 512 });
beforeAll(async () => {
  const database = await openTestDatabase();
  db = database.prisma;
  close = () => database.close();
});
afterAll(async () => {
  await reader.close();
  await close();
});

/** A patient owing $40.00 (oldest) and $20.00 on two charges. */
async function family(name: string) {
  const p = await createPractice(db, {
    name,
    users: {},
    patients: {
      kid: {
        firstName: 'Mateo',
        lastName: 'Rivera',
        dateOfBirth: '2019-03-04',
        guardians: [],
        charges: [
          { daysAgo: 40, cptCode: '99392', amountCents: 21000, insurancePaidCents: 15000, adjustmentCents: 2000 },
          { daysAgo: 5, cptCode: '99213', amountCents: 12000, insurancePaidCents: 8000, adjustmentCents: 2000 },
        ],
      },
    },
  });
  return { practiceId: p.practiceId, patientId: p.patients.kid!.id, accountNumber: p.patients.kid!.accountNumber };
}

const store = (practiceId: string, fileName: string, content: string) =>
  storeReport(db, {
    practiceId,
    clearinghouse: 'INSTAMED',
    clearinghouseId: null,
    source: 'DROP_FOLDER',
    fileName,
    content: Buffer.from(content),
    sizeBytes: Buffer.byteLength(content),
  }).then((r) => r.report);

describe('bulk posting', () => {
  it('stores every field of the payments and applications it writes', async () => {
    const f = await family('Bulk Fields Pediatrics');
    const now = new Date('2026-11-26T08:00:00.123Z');
    const [paidId, unmatchedId] = await db.$transaction(
      async (tx) =>
        (
          await postBatch(tx, {
            practiceId: f.practiceId,
            clearinghouse: 'INSTAMED',
            reportId: null,
            now,
            transactions: [
              {
                transactionId: 'a'.repeat(32),
                kind: 'SALE',
                amountCents: 7000,
                accountNumber: f.accountNumber,
                payerName: 'RIVERA, SOFIA',
                method: 'ACH',
                cardType: null,
                authorizationNumber: 'AUTH1',
                occurredAt: new Date('2026-11-25T15:30:00.456Z'),
                originalTransactionId: null,
                location: 'line 1',
              },
              {
                transactionId: 'b'.repeat(32),
                kind: 'SALE',
                amountCents: 500,
                accountNumber: 'nobody',
                payerName: null,
                method: 'CARD',
                cardType: 'VISA',
                authorizationNumber: null,
                occurredAt: new Date('2026-11-25T16:00:00.000Z'),
                originalTransactionId: null,
                location: 'line 2',
              },
            ],
          })
        ).paymentIds,
    );
    const paid = await db.payment.findUniqueOrThrow({ where: { id: paidId! }, include: { applications: { orderBy: { amountCents: 'desc' } } } });
    expect(paid).toMatchObject({
      practiceId: f.practiceId,
      patientId: f.patientId,
      clearinghouse: 'INSTAMED',
      transactionId: 'a'.repeat(32),
      kind: 'SALE',
      status: 'POSTED',
      method: 'ACH',
      amountCents: 7000n,
      unappliedCents: 1000n,
      accountNumber: f.accountNumber,
      payerName: 'RIVERA, SOFIA',
      cardType: null,
      authorizationNumber: 'AUTH1',
      receivedAt: new Date('2026-11-25T15:30:00.456Z'),
      postedAt: now,
      reportId: null,
      reversesPaymentId: null,
      matchedById: null,
      location: 'line 1',
    });
    expect(Math.abs(paid.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(paid.applications.map((a) => toCents(a.amountCents))).toEqual([4000, 2000]);
    const unmatched = await db.payment.findUniqueOrThrow({ where: { id: unmatchedId! } });
    expect(unmatched).toMatchObject({
      patientId: null,
      status: 'UNMATCHED',
      method: 'CARD',
      cardType: 'VISA',
      payerName: null,
      authorizationNumber: null,
      postedAt: null,
      unappliedCents: 0n,
    });
    expect(await db.creditAccount.findUniqueOrThrow({ where: { patientId: f.patientId } })).toMatchObject({ balanceDueCents: 0n, creditCents: 1000n });
  });

  it('one report processed twice at the same moment posts once', async () => {
    const f = await family('Race Same Report Pediatrics');
    const report = await store(f.practiceId, 'race.835', an835([saleOf(f.accountNumber, 2500), saleOf(f.accountNumber, 1500)]));
    const outcomes = await Promise.all([processReport(db, reader, report.id), processReport(db, reader, report.id)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['ALREADY_PROCESSED', 'PROCESSED']);
    expect(await db.payment.count({ where: { patientId: f.patientId, reportId: report.id } })).toBe(2);
    expect(await db.creditAccount.findUniqueOrThrow({ where: { patientId: f.patientId } })).toMatchObject({ balanceDueCents: 2000n, creditCents: 0n });
  });

  it('the same sale in two reports processed at the same moment posts once', async () => {
    const f = await family('Race Two Reports Pediatrics');
    const sale = saleOf(f.accountNumber, 3000);
    const first = await store(f.practiceId, 'first.835', an835([sale]));
    const second = await store(f.practiceId, 'second.835', an835([sale, saleOf(f.accountNumber, 500)]));
    await Promise.all([processReport(db, reader, first.id), processReport(db, reader, second.id)]);
    // Whoever lost the race either saw the sale as a duplicate or was rolled back whole, left
    // RECEIVED for the next run, which posts it against what the winner posted.
    for (const report of [first, second]) {
      const { status } = await db.remittanceReport.findUniqueOrThrow({ where: { id: report.id } });
      if (status === 'RECEIVED') expect(await processReport(db, reader, report.id)).toMatchObject({ status: 'PROCESSED', duplicates: 1 });
    }
    expect(await db.remittanceReport.count({ where: { id: { in: [first.id, second.id] }, status: 'PROCESSED' } })).toBe(2);
    expect(await db.payment.count({ where: { patientId: f.patientId, transactionId: sale.transactionId } })).toBe(1);
    expect(await db.payment.count({ where: { patientId: f.patientId } })).toBe(2);
    expect(await db.creditAccount.findUniqueOrThrow({ where: { patientId: f.patientId } })).toMatchObject({ balanceDueCents: 2500n, creditCents: 0n });
  });
});

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

const transaction = (accountNumber: string | null, amountCents: number, more: Partial<LedgerTransaction> = {}): LedgerTransaction => ({
  transactionId: newTransactionId(),
  kind: 'SALE',
  amountCents,
  accountNumber,
  payerName: 'RIVERA, SOFIA',
  method: 'CARD',
  cardType: 'VISA',
  authorizationNumber: null,
  occurredAt: new Date('2026-11-25T15:30:00.000Z'),
  originalTransactionId: null,
  location: 'line 1',
  ...more,
});
const refundOf = (sale: LedgerTransaction, amountCents: number): LedgerTransaction =>
  transaction(sale.accountNumber, amountCents, { kind: 'REFUND', originalTransactionId: sale.transactionId, location: 'line 2' });
const posting = (practiceId: string, transactions: LedgerTransaction[]) => (tx: Tx) =>
  postBatch(tx, { practiceId, clearinghouse: 'INSTAMED', reportId: null, transactions });
const lockPayment = async (tx: Tx, id: string) => (await tx.$queryRaw<Payment[]>`SELECT * FROM "Payment" WHERE id = ${id}::uuid FOR UPDATE`)[0]!;

/**
 * Runs `first` in a transaction and, while it is still open (holding its locks), starts `second` in
 * another; `first` commits once `second` waits on a lock (or has finished: it needed none of them).
 * On PGlite (one connection) they run one after the other.
 */
async function whileOpen(first: (tx: Tx) => Promise<unknown>, second: (tx: Tx) => Promise<unknown>) {
  if (TEST_DB_KIND !== 'postgres') {
    await db.$transaction(first);
    await db.$transaction(second);
    return;
  }
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let worked!: () => void;
  const firstWorked = new Promise<void>((resolve) => (worked = resolve));
  const a = db.$transaction(
    async (tx) => {
      await first(tx);
      worked();
      await held;
    },
    { timeout: 30_000 },
  );
  await Promise.race([firstWorked, a]);
  const b = db.$transaction(second, { timeout: 30_000 });
  const settled = b.then(
    () => 'finished',
    () => 'failed',
  );
  let waiting = false;
  for (let i = 0; i < 500 && !waiting; i++) {
    const [row] = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    waiting = row!.n > 0n || (await Promise.race([settled, new Promise((resolve) => setTimeout(() => resolve(null), 20))])) !== null;
  }
  release();
  await Promise.all([a, b]);
}

/** The books of one patient agree with themselves, whatever ran concurrently. */
async function expectBooksBalance(patientId: string) {
  const account = await db.creditAccount.findUniqueOrThrow({ where: { patientId } });
  const charges = await db.charge.findMany({ where: { patientId }, include: { applications: true } });
  const payments = await db.payment.findMany({ where: { patientId, status: 'POSTED' }, include: { applications: true } });
  let open = 0;
  for (const c of charges) {
    const owed = toCents(c.amountCents - c.insurancePaidCents - c.adjustmentCents);
    const paid = toCents(c.patientPaidCents);
    expect(paid).toBe(c.applications.reduce((sum, a) => sum + toCents(a.amountCents), 0));
    expect(paid).toBeGreaterThanOrEqual(0);
    expect(paid).toBeLessThanOrEqual(owed);
    open += owed - paid;
  }
  const sales = payments.filter((p) => p.kind === 'SALE');
  expect(toCents(account.balanceDueCents)).toBe(open);
  expect(toCents(account.creditCents)).toBe(sales.reduce((sum, p) => sum + toCents(p.unappliedCents), 0));
  for (const sale of sales) {
    const undo = payments.filter((p) => p.reversesPaymentId === sale.id);
    const left = toCents(sale.amountCents) + undo.reduce((sum, p) => sum + toCents(p.amountCents), 0);
    const applied = [sale, ...undo].flatMap((p) => p.applications).reduce((sum, a) => sum + toCents(a.amountCents), 0);
    expect(toCents(sale.unappliedCents)).toBeGreaterThanOrEqual(0);
    expect(applied + toCents(sale.unappliedCents)).toBe(left);
  }
}

describe('postings that need the same rows take turns', () => {
  it('two reports refunding one sale at the same moment: the second sees what the first took back', async () => {
    const f = await family('Race Refunds Pediatrics');
    const sale = transaction(f.accountNumber, 7000); // $40.00 and $20.00 paid, $10.00 credit
    await db.$transaction(posting(f.practiceId, [sale]));
    const [first, second] = [refundOf(sale, 800), refundOf(sale, 800)];
    await whileOpen(posting(f.practiceId, [first]), posting(f.practiceId, [second]));
    // $16.00 back in all: the $10.00 credit, then $6.00 of the newest charge.
    expect(await db.creditAccount.findUniqueOrThrow({ where: { patientId: f.patientId } })).toMatchObject({ balanceDueCents: 600n, creditCents: 0n });
    expect(await db.payment.findFirstOrThrow({ where: { transactionId: sale.transactionId } })).toMatchObject({ unappliedCents: 0n });
    await expectBooksBalance(f.patientId);
  });

  it('a refund that comes while staff match its waiting payment posts with that payment', async () => {
    const f = await family('Race Match Sale Pediatrics');
    const sale = transaction('9999', 7000);
    await db.$transaction(posting(f.practiceId, [sale]));
    const waiting = await db.payment.findFirstOrThrow({ where: { transactionId: sale.transactionId } });
    const refund = refundOf(sale, 1500);
    await whileOpen(
      async (tx) => {
        await lockPayment(tx, waiting.id);
        await postMatchedSale(tx, { id: waiting.id, amountCents: 7000 }, f.patientId);
      },
      posting(f.practiceId, [refund]),
    );
    const posted = await db.payment.findFirstOrThrow({ where: { transactionId: refund.transactionId } });
    expect(posted).toMatchObject({ status: 'POSTED', patientId: f.patientId, reversesPaymentId: waiting.id });
    expect(await db.creditAccount.findUniqueOrThrow({ where: { patientId: f.patientId } })).toMatchObject({ balanceDueCents: 500n, creditCents: 0n });
    await expectBooksBalance(f.patientId);
  });

  it('a refund that waited for its sale, matched by staff while the sale comes, posts once', async () => {
    const f = await family('Race Match Refund Pediatrics');
    const earlier = transaction(f.accountNumber, 5000);
    await db.$transaction(posting(f.practiceId, [earlier]));
    const later = transaction(f.accountNumber, 1000);
    const refund = refundOf(later, 1000);
    await db.$transaction(posting(f.practiceId, [refund])); // before its sale: it waits
    const stored = await db.payment.findFirstOrThrow({ where: { transactionId: refund.transactionId } });
    const earlierSale = await db.payment.findFirstOrThrow({ where: { transactionId: earlier.transactionId } });
    await whileOpen(
      async (tx) => {
        await lockPayment(tx, stored.id);
        await postMatchedRefund(tx, { id: stored.id, kind: 'REFUND', transactionId: refund.transactionId, amountCents: -1000 }, earlierSale.id);
      },
      posting(f.practiceId, [later]),
    );
    // Staff took it back from the earlier payment; the sale that came does not take it again.
    expect(await db.payment.findUniqueOrThrow({ where: { id: stored.id } })).toMatchObject({ status: 'POSTED', reversesPaymentId: earlierSale.id });
    expect(await db.paymentApplication.count({ where: { paymentId: stored.id } })).toBe(1);
    expect(await db.creditAccount.findUniqueOrThrow({ where: { patientId: f.patientId } })).toMatchObject({ balanceDueCents: 1000n, creditCents: 0n });
    await expectBooksBalance(f.patientId);
  });
});
