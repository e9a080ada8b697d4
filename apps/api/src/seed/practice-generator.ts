// Generates a realistic pediatric practice: families, children, visits with CPT-coded charges,
// insurance payments and adjustments, and some family payments already applied. Deterministic
// (seeded PRNG), so the demo and the benchmark are the same every run. Rows come out ready for
// createMany, with balances computed exactly as the ledger keeps them.
import { randomUUID } from 'node:crypto';
import type { Prisma } from '@kinpay/db';

export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof prng>;

/** Common pediatric services with typical fees, in cents. */
export const SERVICES = [
  { cptCode: '99391', description: 'Well-child visit, infant', feeCents: 19000 },
  { cptCode: '99392', description: 'Well-child visit, age 1-4', feeCents: 21000 },
  { cptCode: '99393', description: 'Well-child visit, age 5-11', feeCents: 21500 },
  { cptCode: '99394', description: 'Well-child visit, age 12-17', feeCents: 23000 },
  { cptCode: '99213', description: 'Office visit, established patient', feeCents: 12000 },
  { cptCode: '99214', description: 'Office visit, established patient, moderate', feeCents: 18000 },
  { cptCode: '87880', description: 'Rapid strep test', feeCents: 4500 },
  { cptCode: '90460', description: 'Vaccine administration, first component', feeCents: 3000 },
  { cptCode: '90707', description: 'MMR vaccine', feeCents: 9500 },
  { cptCode: '90686', description: 'Influenza vaccine', feeCents: 3800 },
  { cptCode: '99173', description: 'Visual acuity screening', feeCents: 2500 },
  { cptCode: '96110', description: 'Developmental screening', feeCents: 2200 },
  { cptCode: '92551', description: 'Hearing screening', feeCents: 2000 },
] as const;

const FIRST_NAMES = [
  'Olivia',
  'Liam',
  'Emma',
  'Noah',
  'Ava',
  'Elijah',
  'Sophia',
  'James',
  'Isabella',
  'Lucas',
  'Mia',
  'Henry',
  'Amelia',
  'Theo',
  'Harper',
  'Jack',
  'Evelyn',
  'Levi',
  'Aria',
  'Ezra',
  'Chloe',
  'Leo',
  'Nora',
  'Kai',
  'Zoe',
  'Aiden',
  'Layla',
  'Mason',
  'Priya',
  'Omar',
  'Yuna',
  'Diego',
  'Amara',
  'Ravi',
  'Hana',
  'Malik',
] as const;
const LAST_NAMES = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Garcia',
  'Miller',
  'Davis',
  'Martinez',
  'Hernandez',
  'Lopez',
  'Gonzalez',
  'Wilson',
  'Anderson',
  'Thomas',
  'Taylor',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Perez',
  'Thompson',
  'White',
  'Harris',
  'Sanchez',
  'Clark',
  'Ramirez',
  'Lewis',
  'Robinson',
  'Walker',
  'Young',
  'Nguyen',
  'Patel',
  'Kim',
  'Okafor',
  'Cohen',
  'Schmidt',
  'Rossi',
  'Novak',
  'Haddad',
  'Silva',
] as const;
const ADULT_FIRST_NAMES = ['Maria', 'David', 'Jennifer', 'Michael', 'Sarah', 'Carlos', 'Aisha', 'Daniel', 'Laura', 'Kevin', 'Ana', 'Tom'] as const;

export interface PracticeRows {
  guardians: Prisma.GuardianCreateManyInput[];
  patients: Prisma.PatientCreateManyInput[];
  links: Prisma.PatientGuardianCreateManyInput[];
  creditAccounts: Prisma.CreditAccountCreateManyInput[];
  charges: Prisma.ChargeCreateManyInput[];
  payments: Prisma.PaymentCreateManyInput[];
  applications: Prisma.PaymentApplicationCreateManyInput[];
}

export function emptyRows(): PracticeRows {
  return { guardians: [], patients: [], links: [], creditAccounts: [], charges: [], payments: [], applications: [] };
}

const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(new Date(ms).toISOString().slice(0, 10));

export interface ChargeSpec {
  daysAgo: number;
  cptCode: string;
  amountCents: number;
  insurancePaidCents: number;
  adjustmentCents: number;
  /** Paid by the family through an earlier payment (applied to this charge). */
  patientPaidCents?: number;
}

/** Adds one child with its charges, credit account and any family payments, balances computed. */
export function addPatient(
  rows: PracticeRows,
  practiceId: string,
  patient: { accountNumber: string; firstName: string; lastName: string; dateOfBirth: string; guardianIds: string[] },
  charges: ChargeSpec[],
  now = Date.now(),
): string {
  const patientId = randomUUID();
  rows.patients.push({
    id: patientId,
    practiceId,
    accountNumber: patient.accountNumber,
    firstName: patient.firstName,
    lastName: patient.lastName,
    dateOfBirth: new Date(patient.dateOfBirth),
  });
  patient.guardianIds.forEach((guardianId, i) => rows.links.push({ patientId, guardianId, relationship: 'Parent', isGuarantor: i === 0 }));
  let balanceDueCents = 0;
  for (const [index, spec] of charges.entries()) {
    const chargeId = randomUUID();
    const service = SERVICES.find((s) => s.cptCode === spec.cptCode);
    const paid = spec.patientPaidCents ?? 0;
    rows.charges.push({
      id: chargeId,
      practiceId,
      patientId,
      serviceDate: isoDate(now - spec.daysAgo * DAY),
      cptCode: spec.cptCode,
      description: service?.description ?? spec.cptCode,
      amountCents: spec.amountCents,
      insurancePaidCents: spec.insurancePaidCents,
      adjustmentCents: spec.adjustmentCents,
      patientPaidCents: paid,
      // Entered in visit order, so same-day charges still apply oldest-first deterministically.
      createdAt: new Date(now - spec.daysAgo * DAY + index),
    });
    if (paid > 0) {
      const paymentId = randomUUID();
      rows.payments.push({
        id: paymentId,
        practiceId,
        patientId,
        method: 'CARD',
        amountCents: paid,
        receivedAt: new Date(now - Math.max(spec.daysAgo - 20, 1) * DAY),
        postedAt: new Date(now - Math.max(spec.daysAgo - 20, 1) * DAY),
      });
      rows.applications.push({ paymentId, chargeId, amountCents: paid });
    }
    balanceDueCents += spec.amountCents - spec.insurancePaidCents - spec.adjustmentCents - paid;
  }
  rows.creditAccounts.push({ practiceId, patientId, balanceDueCents, creditCents: 0 });
  return patientId;
}

/** A visit: one to four services, each with the insurer's share and contractual adjustment. */
function randomVisit(rng: Rng, ageYears: number, daysAgo: number): ChargeSpec[] {
  const well = ageYears < 1 ? '99391' : ageYears < 5 ? '99392' : ageYears < 12 ? '99393' : '99394';
  const primary = rng.chance(0.45) ? well : rng.pick(['99213', '99213', '99214'] as const);
  const extras = rng.int(0, 3);
  const codes: string[] = [primary];
  for (let i = 0; i < extras; i++) codes.push(rng.pick(['87880', '90460', '90707', '90686', '99173', '96110', '92551'] as const));
  return [...new Set(codes)].map((cptCode) => {
    const amountCents = SERVICES.find((s) => s.cptCode === cptCode)!.feeCents;
    const allowed = Math.round((amountCents * rng.int(70, 90)) / 100);
    const adjustmentCents = amountCents - allowed;
    // What the family owes: a copay, coinsurance, or all of it before the deductible is met.
    const roll = rng.next();
    const familyShare =
      roll < 0.55 ? 0 : roll < 0.8 ? Math.min(allowed, rng.pick([2000, 2500, 3000, 4000])) : roll < 0.93 ? Math.round(allowed * 0.2) : allowed;
    const insurancePaidCents = allowed - familyShare;
    // Older visits are usually settled by now.
    const patientPaidCents = familyShare > 0 && daysAgo > 120 && rng.chance(0.8) ? familyShare : 0;
    return { daysAgo, cptCode, amountCents, insurancePaidCents, adjustmentCents, patientPaidCents };
  });
}

/** Adds `patientCount` children in families of one to four, with one or two guardians each. */
export function addRandomFamilies(
  rows: PracticeRows,
  practiceId: string,
  rng: Rng,
  {
    patientCount,
    firstAccountNumber,
    visitsPerPatient = [1, 6] as [number, number],
    now = Date.now(),
  }: { patientCount: number; firstAccountNumber: number; visitsPerPatient?: [number, number]; now?: number },
) {
  let account = firstAccountNumber;
  let added = 0;
  while (added < patientCount) {
    const lastName = rng.pick(LAST_NAMES);
    const guardianIds = [randomUUID()];
    if (rng.chance(0.5)) guardianIds.push(randomUUID());
    for (const id of guardianIds) {
      const firstName = rng.pick(ADULT_FIRST_NAMES);
      rows.guardians.push({ id, practiceId, firstName, lastName, email: null });
    }
    const children = Math.min(rng.int(1, 4), patientCount - added);
    for (let c = 0; c < children; c++) {
      const ageDays = rng.int(60, 17 * 365);
      const charges: ChargeSpec[] = [];
      const visits = rng.int(visitsPerPatient[0], visitsPerPatient[1]);
      for (let v = 0; v < visits; v++) {
        const daysAgo = rng.int(3, Math.min(ageDays, 730));
        charges.push(...randomVisit(rng, Math.floor((ageDays - daysAgo) / 365), daysAgo));
      }
      addPatient(
        rows,
        practiceId,
        {
          accountNumber: String(account++),
          firstName: rng.pick(FIRST_NAMES),
          lastName,
          dateOfBirth: isoDate(now - ageDays * DAY)
            .toISOString()
            .slice(0, 10),
          guardianIds,
        },
        charges,
        now,
      );
      added++;
    }
  }
}

type Inserter = {
  guardian: { createMany(args: { data: Prisma.GuardianCreateManyInput[] }): Promise<unknown> };
  patient: { createMany(args: { data: Prisma.PatientCreateManyInput[] }): Promise<unknown> };
  patientGuardian: { createMany(args: { data: Prisma.PatientGuardianCreateManyInput[] }): Promise<unknown> };
  creditAccount: { createMany(args: { data: Prisma.CreditAccountCreateManyInput[] }): Promise<unknown> };
  charge: { createMany(args: { data: Prisma.ChargeCreateManyInput[] }): Promise<unknown> };
  payment: { createMany(args: { data: Prisma.PaymentCreateManyInput[] }): Promise<unknown> };
  paymentApplication: { createMany(args: { data: Prisma.PaymentApplicationCreateManyInput[] }): Promise<unknown> };
};

/**
 * The rows cut into slices of `patientsPerSlice` patients, each slice holding everything of its
 * patients (links, credit accounts, charges, payments and their applications) and the guardians
 * they are the first to name, so the slices can be inserted one after the other (to report
 * progress) and the rows are exactly those of the whole.
 */
export function slicesByPatient(rows: PracticeRows, patientsPerSlice: number): PracticeRows[] {
  const slices: PracticeRows[] = [];
  const sliceOfPatient = new Map<string, PracticeRows>();
  rows.patients.forEach((patient, i) => {
    if (i % patientsPerSlice === 0) slices.push(emptyRows());
    const slice = slices[slices.length - 1]!;
    slice.patients.push(patient);
    sliceOfPatient.set(patient.id!, slice);
  });
  if (slices.length === 0) slices.push(emptyRows());
  const of = (patientId: string) => sliceOfPatient.get(patientId) ?? slices[0]!;
  const guardians = new Map(rows.guardians.map((g) => [g.id!, g]));
  for (const link of rows.links) {
    const guardian = guardians.get(link.guardianId);
    if (guardian) {
      of(link.patientId).guardians.push(guardian);
      guardians.delete(link.guardianId);
    }
    of(link.patientId).links.push(link);
  }
  // A guardian with no child yet goes first.
  slices[0]!.guardians.unshift(...guardians.values());
  for (const account of rows.creditAccounts) of(account.patientId).creditAccounts.push(account);
  for (const charge of rows.charges) of(charge.patientId).charges.push(charge);
  const sliceOfPayment = new Map<string, PracticeRows>();
  for (const payment of rows.payments) {
    const slice = payment.patientId ? of(payment.patientId) : slices[0]!;
    slice.payments.push(payment);
    sliceOfPayment.set(payment.id!, slice);
  }
  for (const application of rows.applications) (sliceOfPayment.get(application.paymentId) ?? slices[0]!).applications.push(application);
  return slices;
}

/** Inserts the rows in dependency order, in chunks the database accepts in one statement. */
export async function insertRows(db: Inserter, rows: PracticeRows, chunkSize = 2000) {
  const chunks = async <T>(items: T[], insert: (data: T[]) => Promise<unknown>) => {
    for (let i = 0; i < items.length; i += chunkSize) await insert(items.slice(i, i + chunkSize));
  };
  await chunks(rows.guardians, (data) => db.guardian.createMany({ data }));
  await chunks(rows.patients, (data) => db.patient.createMany({ data }));
  await chunks(rows.links, (data) => db.patientGuardian.createMany({ data }));
  await chunks(rows.creditAccounts, (data) => db.creditAccount.createMany({ data }));
  await chunks(rows.charges, (data) => db.charge.createMany({ data }));
  await chunks(rows.payments, (data) => db.payment.createMany({ data }));
  await chunks(rows.applications, (data) => db.paymentApplication.createMany({ data }));
}
