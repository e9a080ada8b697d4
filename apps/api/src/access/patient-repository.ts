// The one place patient rows are read. Every query is scoped by `patientScope`: a parent reaches
// only children linked to their Guardian record, staff only patients of their own practice.
// Nested fields (charges, payments, balances) load through the request's loaders, which apply the
// same scope, so no field can reach past it.
import type { Prisma, PrismaClient } from '@kinpay/db';
import { toCents } from '@kinpay/money';
import type { Viewer } from '../auth/viewer.ts';
import { unauthenticated } from '../errors.ts';
import type { ChargeRow, PatientRecord, PaymentBeingPostedView, PaymentRow } from '../models.ts';
import { keysetPage, type Page } from '../pagination.ts';
import { patientScope, type Loaders } from './loaders.ts';

/** What the family owes: open charges less unapplied credit. Negative is a credit. */
export function balanceCents(patient: PatientRecord): number {
  const account = patient.creditAccount;
  return account ? toCents(account.balanceDueCents - account.creditCents) : 0;
}

export function chargeBalanceCents(charge: ChargeRow): number {
  return toCents(charge.amountCents - charge.insurancePaidCents - charge.adjustmentCents - charge.patientPaidCents);
}

export interface PatientListArgs {
  search?: string | null;
  hasBalance?: boolean | null;
  hasCredit?: boolean | null;
  first?: number | null;
  after?: string | null;
}

const ORDER: Prisma.PatientOrderByWithRelationInput[] = [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }];

export class PatientRepository {
  constructor(
    private readonly db: PrismaClient,
    private readonly viewer: Viewer | null,
    private readonly loaders: Loaders | null,
  ) {}

  private signedIn(): { viewer: Viewer; loaders: Loaders } {
    if (!this.viewer || !this.loaders) throw unauthenticated();
    return { viewer: this.viewer, loaders: this.loaders };
  }

  async get(id: string): Promise<PatientRecord | null> {
    const { loaders } = this.signedIn();
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    return loaders.patient.load(id);
  }

  async list(args: PatientListArgs): Promise<Page<PatientRecord>> {
    const { viewer } = this.signedIn();
    const filters: Prisma.PatientWhereInput[] = [patientScope(viewer)];
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
    return keysetPage(
      'patient',
      args,
      async (anchorId, take) => {
        const page: Prisma.PatientWhereInput[] = [where];
        if (anchorId) {
          const anchor = await this.db.patient.findFirst({
            where: { AND: [patientScope(viewer), { id: anchorId }] },
            select: { id: true, lastName: true, firstName: true },
          });
          if (!anchor) return null;
          // The leading range on lastName lets PostgreSQL start the (practiceId, lastName, firstName,
          // id) index scan at the anchor; the OR below is the exact keyset condition.
          page.push({ lastName: { gte: anchor.lastName } });
          page.push({
            OR: [
              { lastName: { gt: anchor.lastName } },
              { lastName: anchor.lastName, firstName: { gt: anchor.firstName } },
              { lastName: anchor.lastName, firstName: anchor.firstName, id: { gt: anchor.id } },
            ],
          });
        }
        return this.db.patient.findMany({ where: { AND: page }, orderBy: ORDER, take, include: { creditAccount: true } });
      },
      () => this.countPatients(where, { onlyHasBalance: !!args.hasBalance && !args.hasCredit && terms.length === 0 }),
    );
  }

  /**
   * The staff list's "owes something" count comes from CreditAccount alone (an index-only scan of
   * (practiceId, balanceDueCents)) instead of joining every patient: the same number, because a
   * patient has at most one credit account (patientId is unique) and the account carries its
   * patient's practiceId. Parents, searches and other filters count through the patient scope.
   */
  private countPatients(where: Prisma.PatientWhereInput, { onlyHasBalance }: { onlyHasBalance: boolean }): Promise<number> {
    const { viewer } = this.signedIn();
    if (viewer.role !== 'PARENT' && onlyHasBalance) {
      return this.db.creditAccount.count({ where: { practiceId: viewer.practiceId, balanceDueCents: { gt: 0 } } });
    }
    return this.db.patient.count({ where });
  }

  async charges(patient: PatientRecord, { includePaid }: { includePaid: boolean }): Promise<ChargeRow[]> {
    const charges = await this.signedIn().loaders.chargesOfPatient.load(patient.id);
    return includePaid ? charges : charges.filter((c) => chargeBalanceCents(c) !== 0);
  }

  /** Payments posted for the patient, newest first. */
  payments(patient: PatientRecord): Promise<PaymentRow[]> {
    return this.signedIn().loaders.paymentsOfPatient.load(patient.id);
  }

  /**
   * Sales the clearinghouse has told us about (webhook) that no processed report has posted yet:
   * the parent sees "payment received, being posted" instead of an unchanged balance.
   */
  paymentsBeingPosted(patient: PatientRecord): Promise<PaymentBeingPostedView[]> {
    return this.signedIn().loaders.paymentsBeingPosted.load(patient);
  }

  /** The total of paymentsBeingPosted, in cents. */
  async beingPostedCents(patient: PatientRecord): Promise<number> {
    return (await this.paymentsBeingPosted(patient)).reduce((sum, p) => sum + p.amountCents, 0);
  }
}
