// The one place patient rows are read. Every query is scoped by `patientScope`: a parent reaches
// only children linked to their Guardian record, staff only patients of their own practice.
// Nested fields (charges, payments, balances) load through the request's loaders, which apply the
// same scope, so no field can reach past it.
import { Prisma, type PrismaClient } from '@kinpay/db';
import { toCents } from '@kinpay/money';
import type { Viewer } from '../auth/viewer.ts';
import { unauthenticated } from '../errors.ts';
import type { ChargeRow, PatientRecord, PaymentBeingPostedView, PaymentRow } from '../models.ts';
import { keysetPage, type Page } from '../pagination.ts';
import { patientScopeSql, selectPatients, type Loaders } from './loaders.ts';

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

/** The lists' order: by name, then id, so pages break cleanly inside ties. */
const ORDER = Prisma.sql`ORDER BY p."lastName", p."firstName", p.id`;

/** A search term as a LIKE pattern's literal text: its own %, _ and \ match themselves. */
const likeLiteral = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

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
    const filters: Prisma.Sql[] = [patientScopeSql(viewer)];
    if (args.hasBalance) filters.push(Prisma.sql`ca."balanceDueCents" > 0`);
    if (args.hasCredit) filters.push(Prisma.sql`ca."creditCents" > 0`);
    const terms = (args.search ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 5);
    for (const term of terms) {
      const literal = likeLiteral(term);
      filters.push(Prisma.sql`(p."firstName" ILIKE ${`%${literal}%`} OR p."lastName" ILIKE ${`%${literal}%`} OR p."accountNumber" ILIKE ${`${literal}%`})`);
    }
    const where = Prisma.join(filters, ' AND ');
    return keysetPage(
      'patient',
      args,
      async (anchorId, take) => {
        const page = [where];
        if (anchorId) {
          const [anchor] = await this.db.$queryRaw<{ id: string; lastName: string; firstName: string }[]>`
            SELECT p.id, p."lastName", p."firstName" FROM "Patient" p WHERE ${patientScopeSql(viewer)} AND p.id = ${anchorId}::uuid`;
          if (!anchor) return null;
          // The leading range on lastName lets PostgreSQL start the (practiceId, lastName, firstName,
          // id) index scan at the anchor; the row comparison is the exact keyset condition.
          page.push(Prisma.sql`p."lastName" >= ${anchor.lastName}`);
          page.push(Prisma.sql`(p."lastName", p."firstName", p.id) > (${anchor.lastName}, ${anchor.firstName}, ${anchor.id}::uuid)`);
        }
        return selectPatients(this.db, Prisma.join(page, ' AND '), Prisma.sql`${ORDER} LIMIT ${take}`);
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
  private async countPatients(where: Prisma.Sql, { onlyHasBalance }: { onlyHasBalance: boolean }): Promise<number> {
    const { viewer } = this.signedIn();
    if (viewer.role !== 'PARENT' && onlyHasBalance) {
      return this.db.creditAccount.count({ where: { practiceId: viewer.practiceId, balanceDueCents: { gt: 0 } } });
    }
    const [{ count }] = (await this.db.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM "Patient" p LEFT JOIN "CreditAccount" ca ON ca."patientId" = p.id WHERE ${where}`) as [{ count: number }];
    return count;
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
