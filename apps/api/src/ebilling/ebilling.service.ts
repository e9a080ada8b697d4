import path from 'node:path';
import type { Payment, PrismaClient } from '@kinpay/db';
import { toCents } from '@kinpay/money';
import { balanceCents } from '../access/patient-repository.ts';
import { recordAudit } from '../audit.ts';
import type { GraphQLContext } from '../context.ts';
import { badUserInput } from '../graphql/errors.ts';
import type { EbillingPreferencesInput, Resolvers } from '../graphql/resolvers-types.ts';
import { accountsOf } from './accounts.ts';
import { fetchAndProcessReports, type FetchRunSummary } from './fetch.ts';
import { LedgerError, postMatchedRefund, postMatchedSale } from './ledger.ts';
import { emptySummary, processReceivedReports, processReport, retryReport, type ReportInfo } from './reports.ts';

const MAX_PAGE = 100;

function pageArgs(first: number | null | undefined, after: string | null | undefined) {
  const take = first ?? 25;
  if (!Number.isInteger(take) || take < 1 || take > MAX_PAGE) throw badUserInput(`first must be between 1 and ${MAX_PAGE}.`, 'first');
  const skip = after ? Number.parseInt(Buffer.from(after, 'base64url').toString(), 10) : 0;
  if (!Number.isInteger(skip) || skip < 0) throw badUserInput('That page cursor is not valid; start from the first page.', 'after');
  return { take, skip };
}
const cursorAt = (offset: number) => Buffer.from(String(offset)).toString('base64url');

async function page<T>(
  rows: (args: { take: number; skip: number }) => Promise<T[]>,
  count: () => Promise<number>,
  first?: number | null,
  after?: string | null,
) {
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
      if (!payment || payment.status !== 'UNMATCHED')
        throw badUserInput('That payment is not waiting to be matched (it may have been matched already).', 'paymentId');
      if (payment.kind !== 'SALE') {
        throw badUserInput(
          payment.reversesPaymentId
            ? 'A refund or reversal posts together with the payment it undoes: match that payment (in this list) to the patient, and this one posts with it.'
            : 'A refund or reversal is matched to the payment it undoes, not to a patient: use Match to a payment.',
          'paymentId',
        );
      }
      await postMatchedSale(tx, { id: payment.id, amountCents: toCents(payment.amountCents) }, patient.id);
      await tx.payment.update({ where: { id: payment.id }, data: { matchedById: viewer.userId } });
      await recordAudit(tx, {
        practiceId: viewer.practiceId,
        actorUserId: viewer.userId,
        action: 'payment.matched',
        entityType: 'Payment',
        entityId: payment.id,
        detail: { patientId: patient.id, accountNumberSent: payment.accountNumber, amountCents: toCents(payment.amountCents) },
      });
      const { queuePaymentEmails } = await import('./notifications.ts');
      await queuePaymentEmails(tx, viewer.practiceId, [payment.id]);
    });
  } catch (error) {
    if (error instanceof LedgerError) throw badUserInput(error.message);
    throw error;
  }
  void ctx.ebilling.mailer.sendQueued().catch((error: unknown) => console.error('[mail]', (error as Error).message));
  return ctx.db.payment.findUniqueOrThrow({ where: { id: paymentId } });
}

/** Staff tie a waiting refund (or void, return, chargeback) to the posted payment it undoes. */
async function matchRefund(ctx: GraphQLContext, paymentId: string, saleId: string) {
  const viewer = ctx.viewer!;
  if (!UUID.test(paymentId)) throw badUserInput('That payment is not waiting to be matched.', 'paymentId');
  if (!UUID.test(saleId)) throw badUserInput('Choose a posted payment of this practice.', 'saleId');
  try {
    await ctx.db.$transaction(async (tx) => {
      const [refund] = await tx.$queryRaw<Payment[]>`
        SELECT * FROM "Payment" WHERE id = ${paymentId}::uuid AND "practiceId" = ${viewer.practiceId}::uuid FOR UPDATE`;
      if (!refund || refund.status !== 'UNMATCHED' || refund.kind === 'SALE') {
        throw badUserInput('That refund is not waiting to be matched (it may have been matched already).', 'paymentId');
      }
      if (refund.reversesPaymentId) {
        throw badUserInput(
          'This one already belongs to a payment that waits in this list: match that payment to a patient, and this one posts with it.',
          'paymentId',
        );
      }
      const sale = await tx.payment.findFirst({ where: { id: saleId, practiceId: viewer.practiceId }, select: { id: true, clearinghouse: true } });
      if (!sale) throw badUserInput('Choose a posted payment of this practice.', 'saleId');
      if (sale.clearinghouse !== refund.clearinghouse) throw badUserInput('That payment came through another clearinghouse than this refund.', 'saleId');
      await postMatchedRefund(tx, { id: refund.id, kind: refund.kind, transactionId: refund.transactionId, amountCents: toCents(refund.amountCents) }, sale.id);
      await tx.payment.update({ where: { id: refund.id }, data: { matchedById: viewer.userId } });
      await recordAudit(tx, {
        practiceId: viewer.practiceId,
        actorUserId: viewer.userId,
        action: 'payment.refund_matched',
        entityType: 'Payment',
        entityId: refund.id,
        detail: { saleId: sale.id, amountCents: toCents(refund.amountCents) },
      });
    });
  } catch (error) {
    if (error instanceof LedgerError) throw badUserInput(error.message, 'saleId');
    throw error;
  }
  return ctx.db.payment.findUniqueOrThrow({ where: { id: paymentId } });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** NPI: 10 digits whose last is the Luhn check digit over "80840" + the first nine (CMS's rule). */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const digits = `80840${npi}`.split('').map(Number);
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits[i]!;
    if (double) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** Checks an optional identifier: undefined = unchanged, empty = not checked. */
function identifier(value: string | null | undefined, field: string, check: (v: string) => string | null): string | null | undefined {
  if (value === undefined) return undefined;
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') return null;
  const problem = check(trimmed);
  if (problem) throw badUserInput(problem, field);
  return trimmed;
}

function checkPreferences(input: EbillingPreferencesInput) {
  if (!Number.isInteger(input.agentIntervalMinutes) || input.agentIntervalMinutes < 5 || input.agentIntervalMinutes > 1440) {
    throw badUserInput('The Agent runs every 5 to 1,440 minutes (24 hours).', 'agentIntervalMinutes');
  }
  const emails = [...new Set(input.notificationEmails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
  const bad = emails.find((e) => !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e));
  if (bad) throw badUserInput(`"${bad}" is not an email address.`, 'notificationEmails');
  if (emails.length > 20) throw badUserInput('At most 20 addresses.', 'notificationEmails');
  const payeeNpi = identifier(input.payeeNpi, 'payeeNpi', (v) =>
    isValidNpi(v) ? null : `"${v}" is not an NPI: an NPI is 10 digits, the last a check digit. Copy it from NPPES or the practice's 835s (N1*PE).`,
  );
  const instamedMerchantId = identifier(input.instamedMerchantId, 'instamedMerchantId', (v) =>
    /^[A-Za-z0-9._-]{1,50}$/.test(v) ? null : 'An InstaMed merchant ID is 1 to 50 letters, digits, dots, dashes or underscores, as in the posting file.',
  );
  const waystarAccountName = identifier(input.waystarAccountName, 'waystarAccountName', (v) =>
    v.length <= 100 && !/[\u0000-\u001f]/.test(v) ? null : 'A Waystar account name is up to 100 characters on one line, as in the report.',
  );
  return {
    notificationEmails: emails,
    ...(payeeNpi !== undefined ? { payeeNpi } : {}),
    ...(instamedMerchantId !== undefined ? { instamedMerchantId } : {}),
    ...(waystarAccountName !== undefined ? { waystarAccountName } : {}),
    ...(input.testMode != null ? { testMode: input.testMode } : {}),
  };
}

const preferencesOf = async (db: PrismaClient, practiceId: string) =>
  (await db.ebillingPreferences.findUnique({ where: { practiceId } })) ?? {
    practiceId,
    agentEnabled: false,
    agentIntervalMinutes: 60,
    notificationEmails: [] as string[],
    payeeNpi: null,
    instamedMerchantId: null,
    waystarAccountName: null,
    testMode: false,
  };

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
      ctx.db.payment.findMany({
        where: { practiceId: ctx.viewer!.practiceId, status: 'UNMATCHED' },
        orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }],
        take: 500,
      }),
    ebillingStatus: async (_root, _args, ctx) => {
      const practiceId = ctx.viewer!.practiceId;
      const [unmatchedCount, postedLastDayCount, reportsFailedCount, conflictsCount, prefs] = await Promise.all([
        ctx.db.payment.count({ where: { practiceId, status: 'UNMATCHED' } }),
        ctx.db.payment.count({ where: { practiceId, status: 'POSTED', postedAt: { gte: new Date(Date.now() - 86_400_000) } } }),
        ctx.db.remittanceReport.count({ where: { practiceId, status: 'FAILED' } }),
        ctx.db.paymentConflict.count({ where: { practiceId, resolvedAt: null } }),
        ctx.db.ebillingPreferences.findUnique({ where: { practiceId } }),
      ]);
      return { unmatchedCount, postedLastDayCount, reportsFailedCount, conflictsCount, agentLastRunAt: prefs?.agentLastRunAt ?? null };
    },
    ebillingPreferences: (_root, _args, ctx) => preferencesOf(ctx.db, ctx.viewer!.practiceId),
    paymentConflicts: (_root, { includeResolved }, ctx) =>
      ctx.db.paymentConflict.findMany({
        where: { practiceId: ctx.viewer!.practiceId, ...(includeResolved ? {} : { resolvedAt: null }) },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        take: 500,
      }),
  },
  Mutation: {
    fetchAndProcessReports: async (_root, _args, ctx) =>
      runSummary(ctx, await fetchAndProcessReports(ctx.db, ctx.viewer!.practiceId, ctx.ebilling.fetchOptions), 'ebilling.fetch_and_process'),
    processReports: async (_root, _args, ctx) =>
      runSummary(
        ctx,
        { ...(await processReceivedReports(ctx.db, ctx.ebilling.fetchOptions.reader, ctx.viewer!.practiceId, emptySummary())), fetchError: null },
        'ebilling.process',
      ),
    matchUnmatchedPayment: (_root, { paymentId, patientId }, ctx) => matchPayment(ctx, paymentId, patientId),
    matchUnmatchedRefund: (_root, { paymentId, saleId }, ctx) => matchRefund(ctx, paymentId, saleId),
    retryReport: async (_root, { id }, ctx) => {
      const viewer = ctx.viewer!;
      const report = UUID.test(id) ? await retryReport(ctx.db, viewer.practiceId, id, viewer.userId) : null;
      if (!report) throw badUserInput('That report cannot be tried again: only a failed report that was kept can.', 'id');
      await processReport(ctx.db, ctx.ebilling.fetchOptions.reader, report.id);
      void ctx.ebilling.mailer.sendQueued().catch((error: unknown) => console.error('[mail]', (error as Error).message));
      return ctx.db.remittanceReport.findUniqueOrThrow({ where: { id: report.id } });
    },
    resolvePaymentConflict: async (_root, { id, note }, ctx) => {
      const viewer = ctx.viewer!;
      const text = note.trim();
      if (!text) throw badUserInput('Write what was done about it, for the record.', 'note');
      if (text.length > 1000) throw badUserInput('Keep the note under 1,000 characters.', 'note');
      const resolved = UUID.test(id)
        ? await ctx.db.paymentConflict.updateMany({
            where: { id, practiceId: viewer.practiceId, resolvedAt: null },
            data: { resolvedAt: new Date(), resolvedById: viewer.userId, resolutionNote: text },
          })
        : { count: 0 };
      if (resolved.count !== 1) throw badUserInput('That conflict is not open (it may have been resolved already).', 'id');
      await recordAudit(ctx.db, {
        practiceId: viewer.practiceId,
        actorUserId: viewer.userId,
        action: 'payment_conflict.resolved',
        entityType: 'PaymentConflict',
        entityId: id,
        detail: { note: text },
      });
      return ctx.db.paymentConflict.findUniqueOrThrow({ where: { id } });
    },
    updateEbillingPreferences: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      const checked = checkPreferences(input);
      const data = { agentEnabled: input.agentEnabled, agentIntervalMinutes: input.agentIntervalMinutes, ...checked, updatedById: viewer.userId };
      const saved = await ctx.db.ebillingPreferences.upsert({
        where: { practiceId: viewer.practiceId },
        create: { practiceId: viewer.practiceId, ...data },
        update: data,
      });
      await recordAudit(ctx.db, { practiceId: viewer.practiceId, actorUserId: viewer.userId, action: 'ebilling_preferences.updated', detail: data });
      return saved;
    },
  },
  EbillingPreferences: {
    dropFolders: async (prefs, _args, ctx) => {
      const inbox = ctx.ebilling.fetchOptions.inbox;
      return (await accountsOf(ctx.db, prefs.practiceId)).map((a) => path.join(inbox, a.clearinghouse.toLowerCase(), a.clearinghouseId));
    },
  },
  Payment: {
    amount: (p) => toCents(p.amountCents),
    unapplied: (p) => toCents(p.unappliedCents),
    location: (p, _args, ctx) => (ctx.viewer!.role === 'PARENT' ? null : p.location),
    originalTransactionId: (p, _args, ctx) => (ctx.viewer!.role === 'PARENT' ? null : p.originalTransactionId),
    remaining: async (p, _args, ctx) => {
      if (p.kind !== 'SALE' || p.status !== 'POSTED') return null;
      const undone = await ctx.db.payment.aggregate({
        where: { reversesPaymentId: p.id, status: 'POSTED', practiceId: p.practiceId },
        _sum: { amountCents: true },
      });
      return toCents(p.amountCents + (undone._sum.amountCents ?? 0n));
    },
    // Staff reach payments of their practice; parents only through their own child's Patient.payments.
    patient: (p, _args, ctx) => (p.patientId ? ctx.patients.get(p.patientId) : null),
    applications: (p, _args, ctx) =>
      ctx.db.paymentApplication.findMany({
        where: { paymentId: p.id },
        include: { charge: true },
        orderBy: [{ createdAt: 'asc' }, { charge: { serviceDate: 'asc' } }, { chargeId: 'asc' }],
      }),
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
    amount: (a) => toCents(a.amountCents),
    charge: (a) => a.charge,
  },
  RemittanceReport: {
    total: (r: ReportInfo) => toCents(r.totalCents),
    // A report refused for its size was never kept: nothing to download or try again.
    canRetry: (r: ReportInfo) => r.status === 'FAILED' && r.contentKept,
    downloadUrl: (r: ReportInfo) => (r.contentKept ? `/ebilling/reports/${r.id}/raw` : null),
  },
  PaymentConflict: {
    amount: (c) => toCents(c.amountCents),
    // Both in the viewer's practice: the conflict was read scoped to it.
    payment: (c, _args, ctx) => ctx.db.payment.findFirstOrThrow({ where: { id: c.paymentId, practiceId: ctx.viewer!.practiceId } }),
    report: (c, _args, ctx) => ctx.db.remittanceReport.findFirstOrThrow({ where: { id: c.reportId, practiceId: ctx.viewer!.practiceId } }),
    resolvedBy: async (c, _args, ctx) => {
      if (!c.resolvedById) return null;
      const user = await ctx.db.user.findFirst({
        where: { id: c.resolvedById, practiceId: ctx.viewer!.practiceId },
        select: { firstName: true, lastName: true },
      });
      return user;
    },
  },
  Patient: {
    payments: (patient, _args, ctx) => ctx.patients.payments(patient),
    paymentsBeingPosted: (patient, _args, ctx) => ctx.patients.paymentsBeingPosted(patient),
    balanceAfterPaymentsBeingPosted: async (patient, _args, ctx) => balanceCents(patient) - (await ctx.patients.beingPostedCents(patient)),
  },
};
