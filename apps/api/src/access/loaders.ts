// The request's loaders: every related row a GraphQL field asks for (a payment's patient, its
// applications, a report, a staff member's name) is read in one query per kind per request,
// however many rows ask, and always within what the viewer may see. One registry per request,
// built with the viewer (createContext); PatientRepository reads patients through it too.
import { Prisma, type PaymentApplication, type PrismaClient } from '@kinpay/db';
import { toCents } from '@kinpay/money';
import DataLoader from 'dataloader';
import type { Viewer } from '../auth/viewer.ts';
import type { ChargeRow, PatientRecord, PaymentBeingPostedView, PaymentRow, ReportInfo } from '../models.ts';

/** The patients a viewer may see: a parent only children linked to their guardian record, staff their practice's. */
export function patientScope(viewer: Viewer): Prisma.PatientWhereInput {
  if (viewer.role === 'PARENT') {
    return { practiceId: viewer.practiceId, guardians: { some: { guardian: { userId: viewer.userId } } } };
  }
  return { practiceId: viewer.practiceId };
}

/**
 * The same rule as patientScope, as SQL on `"Patient" p`, for the patient reads every page makes
 * (PatientRepository): one statement each instead of Prisma's two. loaders.test.ts checks that both
 * select the same patients for parents, staff and other practices.
 */
export function patientScopeSql(viewer: Viewer): Prisma.Sql {
  if (viewer.role === 'PARENT') {
    return Prisma.sql`p."practiceId" = ${viewer.practiceId}::uuid AND EXISTS (
      SELECT 1 FROM "PatientGuardian" pg JOIN "Guardian" g ON g.id = pg."guardianId"
      WHERE pg."patientId" = p.id AND g."userId" = ${viewer.userId}::uuid)`;
  }
  return Prisma.sql`p."practiceId" = ${viewer.practiceId}::uuid`;
}

/**
 * The charges a viewer may see: a parent only their own children's, staff their practice's. Staff
 * filter on the charge's own practiceId: joined through Patient, PostgreSQL hashes every patient of
 * the practice for a page of 100 (20–40 ms on 100,000 patients instead of 3).
 */
export function chargeScope(viewer: Viewer): Prisma.ChargeWhereInput {
  if (viewer.role === 'PARENT') return { practiceId: viewer.practiceId, patient: patientScope(viewer) };
  return { practiceId: viewer.practiceId };
}

/** The payments a viewer may see: a parent only posted payments of their own children, staff their practice's. */
export function paymentScope(viewer: Viewer): Prisma.PaymentWhereInput {
  if (viewer.role === 'PARENT') return { practiceId: viewer.practiceId, status: 'POSTED', patient: patientScope(viewer) };
  return { practiceId: viewer.practiceId };
}

const byKey = <K, V>(keys: readonly K[], rows: V[], key: (row: V) => K): (V | null)[] => {
  const found = new Map(rows.map((row) => [key(row), row]));
  return keys.map((k) => found.get(k) ?? null);
};

const groupBy = <K, V>(keys: readonly K[], rows: V[], key: (row: V) => K): V[][] => {
  const groups = new Map<K, V[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(key(row))?.push(row);
  return keys.map((k) => groups.get(k)!);
};

interface PatientJoinRow extends Omit<PatientRecord, 'creditAccount'> {
  accountId: string | null;
  balanceDueCents: bigint | null;
  creditCents: bigint | null;
}

/** Patients with their credit account (the balance), in one statement; `where` is on "Patient" p and "CreditAccount" ca. */
export async function selectPatients(db: PrismaClient, where: Prisma.Sql, tail: Prisma.Sql = Prisma.empty): Promise<PatientRecord[]> {
  const rows = await db.$queryRaw<PatientJoinRow[]>`
    SELECT p.id, p."practiceId", p."accountNumber", p."firstName", p."lastName", p."dateOfBirth", p."createdAt",
           ca.id AS "accountId", ca."balanceDueCents", ca."creditCents"
    FROM "Patient" p LEFT JOIN "CreditAccount" ca ON ca."patientId" = p.id
    WHERE ${where} ${tail}`;
  return rows.map(({ accountId, balanceDueCents, creditCents, ...patient }) => ({
    ...patient,
    creditAccount: accountId === null ? null : { balanceDueCents: BigInt(balanceDueCents ?? 0), creditCents: BigInt(creditCents ?? 0) },
  }));
}

export type Loaders = ReturnType<typeof createLoaders>;

export function createLoaders(db: PrismaClient, viewer: Viewer) {
  const staff = viewer.role !== 'PARENT';
  return {
    patient: new DataLoader<string, PatientRecord | null>(async (ids) =>
      byKey(
        ids,
        await db.patient.findMany({ where: { AND: [patientScope(viewer), { id: { in: [...ids] } }] }, include: { creditAccount: true } }),
        (p) => p.id,
      ),
    ),
    /** A patient's charges, newest visit first. */
    chargesOfPatient: new DataLoader<string, ChargeRow[]>(async (patientIds) =>
      groupBy(
        patientIds,
        await db.charge.findMany({
          where: { AND: [chargeScope(viewer), { patientId: { in: [...patientIds] } }] },
          orderBy: [{ serviceDate: 'desc' }, { createdAt: 'asc' }, { id: 'asc' }],
        }),
        (c) => c.patientId,
      ),
    ),
    /** A patient's posted payments, newest first. */
    paymentsOfPatient: new DataLoader<string, PaymentRow[]>(async (patientIds) =>
      groupBy(
        patientIds,
        await db.payment.findMany({
          where: { AND: [paymentScope(viewer), { patientId: { in: [...patientIds] }, status: 'POSTED' }] },
          orderBy: [{ receivedAt: 'desc' }, { id: 'asc' }],
        }),
        (p) => p.patientId!,
      ),
    ),
    payment: new DataLoader<string, PaymentRow | null>(async (ids) =>
      byKey(ids, await db.payment.findMany({ where: { AND: [paymentScope(viewer), { id: { in: [...ids] } }] } }), (p) => p.id),
    ),
    /** Where a payment went: its applications with their charges, in charge order. */
    applicationsOfPayment: new DataLoader<string, PaymentApplication[]>(async (paymentIds) =>
      groupBy(
        paymentIds,
        await db.paymentApplication.findMany({
          where: { paymentId: { in: [...paymentIds] }, payment: paymentScope(viewer) },
          orderBy: [{ createdAt: 'asc' }, { charge: { serviceDate: 'asc' } }, { chargeId: 'asc' }],
        }),
        (a) => a.paymentId,
      ),
    ),
    /** What is left of a posted sale to take back: its amount less the refunds and reversals posted against it. */
    takenBack: new DataLoader<string, number>(async (saleIds) => {
      const sums = await db.payment.groupBy({
        by: ['reversesPaymentId'],
        where: { AND: [paymentScope(viewer), { reversesPaymentId: { in: [...saleIds] }, status: 'POSTED' }] },
        _sum: { amountCents: true },
      });
      const found = new Map(sums.map((s) => [s.reversesPaymentId, toCents(s._sum.amountCents ?? 0n)]));
      return saleIds.map((id) => -(found.get(id) ?? 0));
    }),
    /**
     * Sales the clearinghouse told us about (webhook) that no processed report has posted yet, per
     * patient: notices for the patient's account in the viewer's practice whose report is still
     * RECEIVED, less sales another report posted meanwhile (the end-of-day file may come first).
     */
    paymentsBeingPosted: new DataLoader<PatientRecord, PaymentBeingPostedView[], string>(
      async (patients) => {
        const accounts = [...new Set(patients.map((p) => p.accountNumber))];
        const notices = await db.paymentNotice.findMany({
          where: { practiceId: viewer.practiceId, accountNumber: { in: accounts }, report: { status: 'RECEIVED' } },
          orderBy: { receivedAt: 'asc' },
        });
        const posted = notices.length
          ? await db.payment.findMany({
              where: {
                practiceId: viewer.practiceId,
                kind: 'SALE',
                OR: notices.map((n) => ({ clearinghouse: n.clearinghouse, transactionId: n.transactionId })),
              },
              select: { clearinghouse: true, transactionId: true },
            })
          : [];
        const done = new Set(posted.map((p) => `${p.clearinghouse}:${p.transactionId}`));
        const pending = notices.filter((n) => !done.has(`${n.clearinghouse}:${n.transactionId}`));
        return patients.map((patient) =>
          patient.practiceId !== viewer.practiceId
            ? []
            : pending.filter((n) => n.accountNumber === patient.accountNumber).map((n) => ({ amountCents: toCents(n.amountCents), receivedAt: n.receivedAt })),
        );
      },
      { cacheKeyFn: (patient) => patient.id },
    ),
    /** Reports are staff business: a parent's loader finds none. */
    report: new DataLoader<string, ReportInfo | null>(async (ids) =>
      staff
        ? byKey(ids, await db.remittanceReport.findMany({ where: { practiceId: viewer.practiceId, id: { in: [...ids] } } }), (r) => r.id)
        : ids.map(() => null),
    ),
    /** A staff member's name, as change history and conflict resolutions show it. */
    staffName: new DataLoader<string, { firstName: string; lastName: string } | null>(async (ids) =>
      byKey(
        ids,
        await db.user.findMany({ where: { practiceId: viewer.practiceId, id: { in: [...ids] } }, select: { id: true, firstName: true, lastName: true } }),
        (u) => u.id,
      ).map((u) => (u ? { firstName: u.firstName, lastName: u.lastName } : null)),
    ),
  };
}
