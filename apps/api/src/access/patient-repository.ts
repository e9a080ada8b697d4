// The one place patient rows are read. Every query is scoped by `patientScope`: a parent reaches
// only children linked to their Guardian record, staff only patients of their own practice.
// Nested fields (charges, balances) load through here too, so no field can reach past the scope.
import DataLoader from 'dataloader';
import type { Charge, CreditAccount, Patient, Payment, Prisma, PrismaClient } from '@kinpay/db';
import { toCents } from '@kinpay/money';
import type { PaymentBeingPostedView } from '../ebilling/ebilling-types.ts';
import type { Viewer } from '../context.ts';
import { badUserInput, unauthenticated } from '../graphql/errors.ts';

export type PatientRecord = Patient & { creditAccount: CreditAccount | null };

export const MAX_PAGE_SIZE = 100;

export function patientScope(viewer: Viewer): Prisma.PatientWhereInput {
  if (viewer.role === 'PARENT') {
    return { practiceId: viewer.practiceId, guardians: { some: { guardian: { userId: viewer.userId } } } };
  }
  return { practiceId: viewer.practiceId };
}

/** What the family owes: open charges less unapplied credit. Negative is a credit. */
export function balanceCents(patient: PatientRecord): number {
  const account = patient.creditAccount;
  return account ? toCents(account.balanceDueCents - account.creditCents) : 0;
}

export function chargeBalanceCents(charge: Charge): number {
  return toCents(charge.amountCents - charge.insurancePaidCents - charge.adjustmentCents - charge.patientPaidCents);
}

export interface PatientListArgs {
  search?: string | null;
  hasBalance?: boolean | null;
  hasCredit?: boolean | null;
  first?: number | null;
  after?: string | null;
}

// Cursors are the opaque id of the last patient on the page: no names in cursors.
const encodeCursor = (id: string) => Buffer.from(`patient:${id}`).toString('base64url');
function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString();
  const match = /^patient:([0-9a-f-]{36})$/.exec(text);
  if (!match) throw badUserInput('That page cursor is not valid; start from the first page.', 'after');
  return match[1]!;
}

const ORDER: Prisma.PatientOrderByWithRelationInput[] = [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }];

export class PatientRepository {
  constructor(
    private readonly db: PrismaClient,
    private readonly viewer: Viewer | null,
  ) {}

  private scope(): Prisma.PatientWhereInput {
    if (!this.viewer) throw unauthenticated();
    return patientScope(this.viewer);
  }

  async get(id: string): Promise<PatientRecord | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    return this.db.patient.findFirst({ where: { AND: [this.scope(), { id }] }, include: { creditAccount: true } });
  }

  async list(args: PatientListArgs) {
    const first = args.first ?? 25;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
      throw badUserInput(`first must be between 1 and ${MAX_PAGE_SIZE}.`, 'first');
    }
    const filters: Prisma.PatientWhereInput[] = [this.scope()];
    if (args.hasBalance) filters.push({ creditAccount: { is: { balanceDueCents: { gt: 0 } } } });
    if (args.hasCredit) filters.push({ creditAccount: { is: { creditCents: { gt: 0 } } } });
    const terms = (args.search ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 5);
    for (const term of terms) {
      filters.push({
        OR: [
          { firstName: { contains: term, mode: 'insensitive' } },
          { lastName: { contains: term, mode: 'insensitive' } },
          { accountNumber: { startsWith: term, mode: 'insensitive' } },
        ],
      });
    }
    const where: Prisma.PatientWhereInput = { AND: filters };

    const pageWhere: Prisma.PatientWhereInput[] = [where];
    if (args.after) {
      const anchor = await this.db.patient.findFirst({
        where: { AND: [this.scope(), { id: decodeCursor(args.after) }] },
        select: { id: true, lastName: true, firstName: true },
      });
      if (!anchor) throw badUserInput('That page cursor is not valid; start from the first page.', 'after');
      // The leading range on lastName lets PostgreSQL start the (practiceId, lastName, firstName,
      // id) index scan at the anchor; the OR below is the exact keyset condition.
      pageWhere.push({ lastName: { gte: anchor.lastName } });
      pageWhere.push({
        OR: [
          { lastName: { gt: anchor.lastName } },
          { lastName: anchor.lastName, firstName: { gt: anchor.firstName } },
          { lastName: anchor.lastName, firstName: anchor.firstName, id: { gt: anchor.id } },
        ],
      });
    }

    const [rows, totalCount] = await Promise.all([
      this.db.patient.findMany({
        where: { AND: pageWhere },
        orderBy: ORDER,
        take: first + 1,
        include: { creditAccount: true },
      }),
      this.countPatients(where, { onlyHasBalance: !!args.hasBalance && !args.hasCredit && terms.length === 0 }),
    ]);
    const page = rows.slice(0, first);
    return {
      edges: page.map((node) => ({ cursor: encodeCursor(node.id), node })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: page.length ? encodeCursor(page.at(-1)!.id) : null },
      totalCount,
    };
  }

  /**
   * The staff list's "owes something" count comes from CreditAccount alone (an index-only scan of
   * (practiceId, balanceDueCents)) instead of joining every patient: the same number, because a
   * patient has at most one credit account (patientId is unique) and the account carries its
   * patient's practiceId. Parents, searches and other filters count through the patient scope.
   */
  private countPatients(where: Prisma.PatientWhereInput, { onlyHasBalance }: { onlyHasBalance: boolean }): Promise<number> {
    const viewer = this.viewer!;
    if (viewer.role !== 'PARENT' && onlyHasBalance) {
      return this.db.creditAccount.count({ where: { practiceId: viewer.practiceId, balanceDueCents: { gt: 0 } } });
    }
    return this.db.patient.count({ where });
  }

  /** Charges of patients already read through this repository, batched per request. */
  private chargeLoader = new DataLoader<string, Charge[]>(async (patientIds) => {
    const charges = await this.db.charge.findMany({
      where: { patientId: { in: [...patientIds] }, patient: this.scope() },
      orderBy: [{ serviceDate: 'desc' }, { createdAt: 'asc' }],
    });
    const byPatient = new Map<string, Charge[]>(patientIds.map((id) => [id, []]));
    for (const charge of charges) byPatient.get(charge.patientId)?.push(charge);
    return patientIds.map((id) => byPatient.get(id)!);
  });

  async charges(patient: PatientRecord, { includePaid }: { includePaid: boolean }): Promise<Charge[]> {
    const charges = await this.chargeLoader.load(patient.id);
    return includePaid ? charges : charges.filter((c) => chargeBalanceCents(c) !== 0);
  }

  /** Payments posted for patients read through this repository, newest first, batched. */
  private paymentLoader = new DataLoader<string, Payment[]>(async (patientIds) => {
    const payments = await this.db.payment.findMany({
      where: { patientId: { in: [...patientIds] }, status: 'POSTED', patient: this.scope() },
      orderBy: [{ receivedAt: 'desc' }, { id: 'asc' }],
    });
    return patientIds.map((id) => payments.filter((p) => p.patientId === id));
  });

  payments(patient: PatientRecord): Promise<Payment[]> {
    return this.paymentLoader.load(patient.id);
  }

  /**
   * Sales the clearinghouse has told us about (webhook) that no processed report has posted yet:
   * the parent sees "payment received, being posted" instead of an unchanged balance.
   */
  paymentsBeingPosted(patient: PatientRecord): Promise<PaymentBeingPostedView[]> {
    // Asked for by several fields of one patient (the notice, Pay Now, the balance after): once per request.
    let pending = this.beingPosted.get(patient.id);
    if (!pending) this.beingPosted.set(patient.id, (pending = this.loadPaymentsBeingPosted(patient)));
    return pending;
  }

  /** The total of paymentsBeingPosted, in cents. */
  async beingPostedCents(patient: PatientRecord): Promise<number> {
    return (await this.paymentsBeingPosted(patient)).reduce((sum, p) => sum + p.amountCents, 0);
  }

  private readonly beingPosted = new Map<string, Promise<PaymentBeingPostedView[]>>();

  private async loadPaymentsBeingPosted(patient: PatientRecord): Promise<PaymentBeingPostedView[]> {
    // Notices of this patient's account whose report is not processed yet, less sales posted
    // meanwhile by another report (the end-of-day file may come first).
    const notices = await this.db.paymentNotice.findMany({
      where: { practiceId: patient.practiceId, accountNumber: patient.accountNumber, report: { status: 'RECEIVED' } },
      orderBy: { receivedAt: 'asc' },
    });
    if (!notices.length) return [];
    const posted = await this.db.payment.findMany({
      where: {
        practiceId: patient.practiceId,
        kind: 'SALE',
        OR: notices.map((n) => ({ clearinghouse: n.clearinghouse, transactionId: n.transactionId })),
      },
      select: { clearinghouse: true, transactionId: true },
    });
    const done = new Set(posted.map((p) => `${p.clearinghouse}:${p.transactionId}`));
    return notices
      .filter((n) => !done.has(`${n.clearinghouse}:${n.transactionId}`))
      .map((n) => ({ amountCents: toCents(n.amountCents), receivedAt: n.receivedAt }));
  }
}
