// The demo practice seeded on first start and by `pnpm db:seed`: fixed logins for each role,
// two known families, and a few hundred more patients with realistic visits and balances.
import { randomUUID } from 'node:crypto';
import { claimClearinghouseId } from '../ebilling/accounts.ts';
import type { PrismaClient, Role } from '@kinpay/db';
import { hashPassword } from '../auth/passwords.ts';
import { addPatient, addRandomFamilies, emptyRows, insertRows, prng, slicesByPatient } from './practice-generator.ts';

export const DEMO_PASSWORD = 'Demo-Pass-2026!';
export const DEMO_PRACTICE_NAME = 'Maple Grove Pediatrics';
export const DEMO_INSTAMED_PAYMENT_ID = 'maplegrove.peds';

export const DEMO_LOGINS: { email: string; role: Role; firstName: string; lastName: string; note: string }[] = [
  { email: 'admin@demo.kinpay.test', role: 'ADMIN', firstName: 'Dana', lastName: 'Whitfield', note: 'practice admin' },
  { email: 'billing@demo.kinpay.test', role: 'BILLING', firstName: 'Marcus', lastName: 'Bell', note: 'billing staff' },
  {
    email: 'parent.rivera@demo.kinpay.test',
    role: 'PARENT',
    firstName: 'Sofia',
    lastName: 'Rivera',
    note: 'parent of Mateo (balance due) and Lucia (paid up)',
  },
  { email: 'parent.chen@demo.kinpay.test', role: 'PARENT', firstName: 'Wei', lastName: 'Chen', note: 'parent of Emily (balance due)' },
];

export async function hasAnyPractice(db: PrismaClient) {
  return (await db.practice.count()) > 0;
}

/** Progress of seeding, for a start-up that says what it is doing. */
export interface SeedProgress {
  patients: number;
  total: number;
}

/** Patients inserted per statement group (and per progress report): 320 patients give 8 lines. */
const PATIENTS_PER_SLICE = 40;

/**
 * Adds the demo practice in one transaction: a start stopped halfway leaves no practice, so the
 * next start seeds again instead of finding a practice without patients. The shared demo password
 * is hashed once (argon2 takes a tenth of a second); rows go in with multi-row inserts.
 */
export async function seedDemoPractice(
  db: PrismaClient,
  { patientCount = 320, onProgress }: { patientCount?: number; onProgress?: (progress: SeedProgress) => void } = {},
) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const practiceId = randomUUID();
  const users = new Map(DEMO_LOGINS.map((login) => [login.email, randomUUID()]));

  const rows = emptyRows();
  const guardian = (email: string, firstName: string, lastName: string) => {
    const id = randomUUID();
    rows.guardians.push({ id, practiceId, userId: users.get(email)!, firstName, lastName, email });
    return id;
  };
  const sofia = guardian('parent.rivera@demo.kinpay.test', 'Sofia', 'Rivera');
  const wei = guardian('parent.chen@demo.kinpay.test', 'Wei', 'Chen');

  // Mateo owes $95.00: a well-child copay, a sick visit copay and a strep test before the deductible was met.
  addPatient(rows, practiceId, { accountNumber: '100101', firstName: 'Mateo', lastName: 'Rivera', dateOfBirth: '2019-03-04', guardianIds: [sofia] }, [
    { daysAgo: 40, cptCode: '99392', amountCents: 21000, insurancePaidCents: 15000, adjustmentCents: 2000 },
    { daysAgo: 40, cptCode: '90460', amountCents: 3000, insurancePaidCents: 2400, adjustmentCents: 600 },
    { daysAgo: 12, cptCode: '87880', amountCents: 4500, insurancePaidCents: 0, adjustmentCents: 1000 },
    { daysAgo: 12, cptCode: '99213', amountCents: 12000, insurancePaidCents: 8000, adjustmentCents: 2000 },
  ]);
  // Lucia is paid up: insurance covered her well visit and the family paid its copay.
  addPatient(rows, practiceId, { accountNumber: '100102', firstName: 'Lucia', lastName: 'Rivera', dateOfBirth: '2022-07-19', guardianIds: [sofia] }, [
    { daysAgo: 200, cptCode: '99392', amountCents: 21000, insurancePaidCents: 17000, adjustmentCents: 4000 },
    { daysAgo: 90, cptCode: '99213', amountCents: 12000, insurancePaidCents: 7000, adjustmentCents: 1500, patientPaidCents: 3500 },
  ]);
  // Emily owes $85.00.
  addPatient(rows, practiceId, { accountNumber: '100103', firstName: 'Emily', lastName: 'Chen', dateOfBirth: '2017-11-02', guardianIds: [wei] }, [
    { daysAgo: 25, cptCode: '99214', amountCents: 18000, insurancePaidCents: 10000, adjustmentCents: 2000 },
    { daysAgo: 25, cptCode: '99173', amountCents: 2500, insurancePaidCents: 0, adjustmentCents: 0 },
  ]);
  addRandomFamilies(rows, practiceId, prng(20261126), { patientCount: patientCount - 3, firstAccountNumber: 100104 });

  await db.$transaction(
    async (tx) => {
      await tx.practice.create({ data: { id: practiceId, name: DEMO_PRACTICE_NAME } });
      await tx.user.createMany({
        data: DEMO_LOGINS.map((login) => ({
          id: users.get(login.email)!,
          practiceId,
          email: login.email,
          passwordHash,
          role: login.role,
          firstName: login.firstName,
          lastName: login.lastName,
        })),
      });
      let inserted = 0;
      for (const slice of slicesByPatient(rows, PATIENTS_PER_SLICE)) {
        await insertRows(tx, slice);
        inserted += slice.patients.length;
        onProgress?.({ patients: inserted, total: rows.patients.length });
      }
      await tx.clearinghouseSettings.create({
        data: {
          practiceId,
          version: 1,
          clearinghouse: 'INSTAMED',
          clearinghouseId: DEMO_INSTAMED_PAYMENT_ID,
          onlinePaymentsEnabled: true,
          changedById: users.get('admin@demo.kinpay.test')!,
        },
      });
      await claimClearinghouseId(tx, practiceId, 'INSTAMED', DEMO_INSTAMED_PAYMENT_ID);
      await tx.auditEvent.create({ data: { practiceId, action: 'demo.seeded', detail: { patients: rows.patients.length } } });
    },
    { timeout: 120_000 },
  );
  return { practiceId, patients: rows.patients.length, charges: rows.charges.length };
}
