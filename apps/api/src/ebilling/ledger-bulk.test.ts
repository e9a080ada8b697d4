// The ledger's bulk writes: what they store field by field, and exactly-once posting when two
// processors race on the same transactions (truly concurrent on PostgreSQL, serialized on PGlite).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@kinpay/db';
import { toCents } from '@kinpay/money';
import { openTestDatabase } from '../test/database.ts';
import { an835, saleOf } from '../test/reports.ts';
import { createPractice } from '../test/scenarios.ts';
import { postBatch } from './ledger.ts';
import { createReportReader } from './reading/report-reader.ts';
import { processReport, storeReport } from './reports.ts';

let db: PrismaClient;
let close: () => Promise<void>;
const reader = createReportReader({ timeoutMs: 60_000, maxMemoryMb: 512 });
beforeAll(async () => {
  const database = await openTestDatabase();
  db = database.prisma;
  close = database.close;
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
