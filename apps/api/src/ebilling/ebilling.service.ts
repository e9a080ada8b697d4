import type { Payment, PrismaClient, RemittanceReport } from '@kinpay/db';
import { balanceCents } from '../access/patient-repository.ts';
import { recordAudit } from '../audit.ts';
import type { GraphQLContext } from '../context.ts';
import { badUserInput } from '../graphql/errors.ts';
import type { Resolvers } from '../graphql/resolvers-types.ts';
import { fetchAndProcessReports, type FetchRunSummary } from './fetch.ts';
import { LedgerError, postMatchedSale } from './ledger.ts';
import { emptySummary, processReceivedReports } from './reports.ts';

const MAX_PAGE = 100;

function pageArgs(first: number | null | undefined, after: string | null | undefined) {
  const take = first ?? 25;
  if (!Number.isInteger(take) || take < 1 || take > MAX_PAGE) throw badUserInput(`first must be between 1 and ${MAX_PAGE}.`, 'first');
  const skip = after ? Number.parseInt(Buffer.from(after, 'base64url').toString(), 10) : 0;
  if (!Number.isInteger(skip) || skip < 0) throw badUserInput('That page cursor is not valid; start from the first page.', 'after');
  return { take, skip };
}
const cursorAt = (offset: number) => Buffer.from(String(offset)).toString('base64url');

async function page<T>(rows: (args: { take: number; skip: number }) => Promise<T[]>, count: () => Promise<number>, first?: number | null, after?: string | null) {
  const { take, skip } = pageArgs(first, after);
  const [nodes, totalCount] = await Promise.all([rows({ take, skip }), count()]);
  return { nodes, totalCount, pageInfo: { hasNextPage: skip + nodes.length < totalCount, endCursor: nodes.length ? cursorAt(skip + nodes.length) : null } };
}

async function runSummary(ctx: GraphQLContext, summary: FetchRunSummary, action: string) {
  const viewer = ctx.viewer!;
  await recordAudit(ctx.db, {
    practiceId: viewer.practiceId,
    actorUserId: viewer.userId,
    action,
    detail: { ...summary, reportIds: summary.reportIds.length },
  });
  void ctx.ebilling.mailer.sendQueued().catch((error) => console.error('[mail]', (error as Error).message));
  const reports = await ctx.db.remittanceReport.findMany({ where: { id: { in: summary.reportIds } }, orderBy: { receivedAt: 'asc' } });
  return { ...summary, reports };
}

async function matchPayment(ctx: GraphQLContext, paymentId: string, patientId: string) {
  const viewer = ctx.viewer!;
  const patient = await ctx.patients.get(patientId);
  if (!patient) throw badUserInput('Choose a patient of this practice.', 'patientId');
  try {
    await ctx.db.$transaction(async (tx) => {
      const [payment] = await tx.$queryRaw<Payment[]>`
        SELECT * FROM "Payment" WHERE id = ${paymentId}::uuid AND "practiceId" = ${viewer.practiceId}::uuid FOR UPDATE`;
      if (!payment || payment.status !== 'UNMATCHED') throw badUserInput('That payment is not waiting to be matched (it may have been matched already).', 'paymentId');
      if (payment.kind !== 'SALE') {
        throw badUserInput(
          payment.reversesPaymentId
            ? 'A refund or reversal posts together with the payment it undoes: match that payment (in this list) to the patient, and this one posts with it.'
            : 'This refund or reversal undoes a payment the portal never received, so there is nothing here to take it back from; no balance was changed.',
          'paymentId',
        );
      }
      await postMatchedSale(tx, { id: payment.id, amountCents: payment.amountCents }, patient.id);
      await tx.payment.update({ where: { id: payment.id }, data: { matchedById: viewer.userId } });
      await recordAudit(tx, {
        practiceId: viewer.practiceId,
        actorUserId: viewer.userId,
        action: 'payment.matched',
        entityType: 'Payment',
        entityId: payment.id,
        detail: { patientId: patient.id, accountNumberSent: payment.accountNumber, amountCents: payment.amountCents },
      });
      const { queuePaymentEmails } = await import('./notifications.ts');
      await queuePaymentEmails(tx, viewer.practiceId, [payment.id]);
    });
  } catch (error) {
    if (error instanceof LedgerError) throw badUserInput(error.message);
    throw error;
  }
  void ctx.ebilling.mailer.sendQueued().catch(() => {});
  return ctx.db.payment.findUniqueOrThrow({ where: { id: paymentId } });
}

function checkPreferences(input: { agentIntervalMinutes: number; notificationEmails: string[] }) {
  if (!Number.isInteger(input.agentIntervalMinutes) || input.agentIntervalMinutes < 5 || input.agentIntervalMinutes > 1440) {
    throw badUserInput('The Agent runs every 5 to 1,440 minutes (24 hours).', 'agentIntervalMinutes');
  }
  const emails = [...new Set(input.notificationEmails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
  const bad = emails.find((e) => !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e));
  if (bad) throw badUserInput(`"${bad}" is not an email address.`, 'notificationEmails');
  if (emails.length > 20) throw badUserInput('At most 20 addresses.', 'notificationEmails');
  return emails;
}

const preferencesOf = async (db: PrismaClient, practiceId: string) =>
  (await db.ebillingPreferences.findUnique({ where: { practiceId } })) ?? { agentEnabled: false, agentIntervalMinutes: 60, notificationEmails: [] as string[] };

export const ebillingResolvers: Resolvers = {
  Query: {
    remittanceReports: (_root, { first, after }, ctx) => {
      const where = { practiceId: ctx.viewer!.practiceId };
      return page(
        (args) => ctx.db.remittanceReport.findMany({ where, orderBy: [{ receivedAt: 'desc' }, { id: 'asc' }], ...args }),
        () => ctx.db.remittanceReport.count({ where }),
        first,
        after,
      );
    },
    payments: (_root, { first, after }, ctx) => {
      const where = { practiceId: ctx.viewer!.practiceId, status: 'POSTED' as const };
      return page(
        (args) => ctx.db.payment.findMany({ where, orderBy: [{ postedAt: 'desc' }, { id: 'asc' }], ...args }),
        () => ctx.db.payment.count({ where }),
        first,
        after,
      );
    },
    unmatchedPayments: (_root, _args, ctx) =>
      ctx.db.payment.findMany({ where: { practiceId: ctx.viewer!.practiceId, status: 'UNMATCHED' }, orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }], take: 500 }),
    ebillingStatus: async (_root, _args, ctx) => {
      const practiceId = ctx.viewer!.practiceId;
      const [unmatchedCount, postedLastDayCount, reportsFailedCount, prefs] = await Promise.all([
        ctx.db.payment.count({ where: { practiceId, status: 'UNMATCHED' } }),
        ctx.db.payment.count({ where: { practiceId, status: 'POSTED', postedAt: { gte: new Date(Date.now() - 86_400_000) } } }),
        ctx.db.remittanceReport.count({ where: { practiceId, status: 'FAILED' } }),
        ctx.db.ebillingPreferences.findUnique({ where: { practiceId } }),
      ]);
      return { unmatchedCount, postedLastDayCount, reportsFailedCount, agentLastRunAt: prefs?.agentLastRunAt ?? null };
    },
    ebillingPreferences: (_root, _args, ctx) => preferencesOf(ctx.db, ctx.viewer!.practiceId),
  },
  Mutation: {
    fetchAndProcessReports: async (_root, _args, ctx) =>
      runSummary(ctx, await fetchAndProcessReports(ctx.db, ctx.viewer!.practiceId, ctx.ebilling.fetchOptions), 'ebilling.fetch_and_process'),
    processReports: async (_root, _args, ctx) =>
      runSummary(ctx, { ...(await processReceivedReports(ctx.db, ctx.viewer!.practiceId, emptySummary())), fetchError: null }, 'ebilling.process'),
    matchUnmatchedPayment: (_root, { paymentId, patientId }, ctx) => matchPayment(ctx, paymentId, patientId),
    updateEbillingPreferences: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      const notificationEmails = checkPreferences(input);
      const data = { agentEnabled: input.agentEnabled, agentIntervalMinutes: input.agentIntervalMinutes, notificationEmails, updatedById: viewer.userId };
      const saved = await ctx.db.ebillingPreferences.upsert({ where: { practiceId: viewer.practiceId }, create: { practiceId: viewer.practiceId, ...data }, update: data });
      await recordAudit(ctx.db, { practiceId: viewer.practiceId, actorUserId: viewer.userId, action: 'ebilling_preferences.updated', detail: data });
      return saved;
    },
  },
  Payment: {
    amount: (p) => p.amountCents,
    unapplied: (p) => p.unappliedCents,
    // Staff reach payments of their practice; parents only through their own child's Patient.payments.
    patient: (p, _args, ctx) => (p.patientId ? ctx.patients.get(p.patientId) : null),
    applications: (p, _args, ctx) => ctx.db.paymentApplication.findMany({ where: { paymentId: p.id }, include: { charge: true }, orderBy: [{ createdAt: 'asc' }, { charge: { serviceDate: 'asc' } }, { chargeId: 'asc' }] }),
    report: (p, _args, ctx) => (p.reportId && ctx.viewer!.role !== 'PARENT' ? ctx.db.remittanceReport.findUnique({ where: { id: p.reportId } }) : null),
    // Always the same patient's sale (or, while both wait unmatched, a sale with no patient: staff only).
    reverses: (p, _args, ctx) =>
      p.reversesPaymentId
        ? ctx.db.payment.findFirst({
            where: { id: p.reversesPaymentId, practiceId: ctx.viewer!.practiceId, ...(ctx.viewer!.role === 'PARENT' ? { patientId: p.patientId ?? '' } : {}) },
          })
        : null,
  },
  PaymentBeingPosted: {
    amount: (p) => p.amountCents,
  },
  PaymentApplication: {
    amount: (a) => a.amountCents,
    charge: (a) => a.charge,
  },
  RemittanceReport: {
    total: (r: RemittanceReport) => r.totalCents,
    downloadUrl: (r: RemittanceReport) => `/ebilling/reports/${r.id}/raw`,
  },
  Patient: {
    payments: (patient, _args, ctx) => ctx.patients.payments(patient),
    paymentsBeingPosted: (patient, _args, ctx) => ctx.patients.paymentsBeingPosted(patient),
    balanceAfterPaymentsBeingPosted: async (patient, _args, ctx) => balanceCents(patient) - (await ctx.patients.beingPostedCents(patient)),
  },
};
