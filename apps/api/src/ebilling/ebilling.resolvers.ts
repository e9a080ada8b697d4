import { toCents } from '@kinpay/money';
import { balanceCents } from '../access/patient-repository.ts';
import { signedIn, type GraphQLContext } from '../context.ts';
import type { Resolvers } from '../graphql/resolvers-types.ts';
import { ebillingPreferences, updateEbillingPreferences } from './ebilling-preferences.ts';
import {
  dropFolders,
  ebillingStatus,
  paymentConflicts,
  paymentsPage,
  reportsPage,
  resolveConflict,
  runReports,
  sendQueuedSoon,
  tryReportAgain,
  unmatchedPayments,
  type EbillingDeps,
} from './ebilling.service.ts';
import { matchPayment, matchRefund } from './matching.ts';

const deps = (ctx: GraphQLContext): EbillingDeps => ({ db: ctx.db, fetchOptions: ctx.ebilling.fetchOptions, mailer: ctx.ebilling.mailer });
const isStaff = (ctx: GraphQLContext) => signedIn(ctx).viewer.role !== 'PARENT';

export const ebillingResolvers: Resolvers = {
  Query: {
    remittanceReports: (_root, args, ctx) => reportsPage(ctx.db, signedIn(ctx).viewer, args),
    payments: (_root, args, ctx) => paymentsPage(ctx.db, signedIn(ctx).viewer, args),
    unmatchedPayments: (_root, _args, ctx) => unmatchedPayments(ctx.db, signedIn(ctx).viewer),
    ebillingStatus: (_root, _args, ctx) => ebillingStatus(ctx.db, signedIn(ctx).viewer),
    ebillingPreferences: (_root, _args, ctx) => ebillingPreferences(ctx.db, signedIn(ctx).viewer.practiceId),
    paymentConflicts: (_root, { includeResolved }, ctx) => paymentConflicts(ctx.db, signedIn(ctx).viewer, { includeResolved: includeResolved ?? false }),
  },
  Mutation: {
    fetchAndProcessReports: (_root, _args, ctx) => runReports(deps(ctx), signedIn(ctx).viewer, { fetch: true }),
    processReports: (_root, _args, ctx) => runReports(deps(ctx), signedIn(ctx).viewer, { fetch: false }),
    matchUnmatchedPayment: async (_root, { paymentId, patientId }, ctx) => {
      const payment = await matchPayment(ctx.db, ctx.patients, signedIn(ctx).viewer, paymentId, patientId);
      sendQueuedSoon(ctx.ebilling.mailer);
      return payment;
    },
    matchUnmatchedRefund: (_root, { paymentId, saleId }, ctx) => matchRefund(ctx.db, signedIn(ctx).viewer, paymentId, saleId),
    retryReport: (_root, { id }, ctx) => tryReportAgain(deps(ctx), signedIn(ctx).viewer, id),
    resolvePaymentConflict: (_root, { id, note }, ctx) => resolveConflict(ctx.db, signedIn(ctx).viewer, id, note),
    updateEbillingPreferences: (_root, { input }, ctx) => updateEbillingPreferences(ctx.db, signedIn(ctx).viewer, input),
  },
  EbillingPreferences: {
    dropFolders: (prefs, _args, ctx) => dropFolders(ctx.db, ctx.ebilling.fetchOptions.inbox, prefs.practiceId),
  },
  Payment: {
    amount: (p) => toCents(p.amountCents),
    unapplied: (p) => toCents(p.unappliedCents),
    // Where a report came from is staff business.
    location: (p, _args, ctx) => (isStaff(ctx) ? p.location : null),
    originalTransactionId: (p, _args, ctx) => (isStaff(ctx) ? p.originalTransactionId : null),
    remaining: async (p, _args, ctx) =>
      p.kind === 'SALE' && p.status === 'POSTED' ? toCents(p.amountCents) - (await signedIn(ctx).loaders.takenBack.load(p.id)) : null,
    // Staff reach payments of their practice; parents only through their own child's Patient.payments.
    patient: (p, _args, ctx) => (p.patientId ? signedIn(ctx).loaders.patient.load(p.patientId) : null),
    applications: async (p, _args, ctx) => (await signedIn(ctx).loaders.applicationsOfPayment.load(p.id)).map((a) => ({ ...a, patientId: p.patientId })),
    report: (p, _args, ctx) => (p.reportId ? signedIn(ctx).loaders.report.load(p.reportId) : null),
    // The sale it undoes: the same patient's, or (while both wait unmatched) staff only.
    reverses: (p, _args, ctx) => (p.reversesPaymentId ? signedIn(ctx).loaders.payment.load(p.reversesPaymentId) : null),
  },
  PaymentBeingPosted: {
    amount: (p) => p.amountCents,
  },
  PaymentApplication: {
    amount: (a) => toCents(a.amountCents),
    // One of the patient's charges, from the same read as the patient's own charges: the family
    // page reads them once, whichever field asks first.
    charge: async (a, _args, ctx) => {
      const charges = a.patientId ? await signedIn(ctx).loaders.chargesOfPatient.load(a.patientId) : [];
      const charge = charges.find((c) => c.id === a.chargeId);
      // Only posted payments, which have a patient, have applications, to that patient's charges.
      if (!charge) throw new Error(`charge ${a.chargeId} of a visible application is out of scope`);
      return charge;
    },
  },
  RemittanceReport: {
    total: (r) => toCents(r.totalCents),
    // A report refused for its size was never kept: nothing to download or try again.
    canRetry: (r) => r.status === 'FAILED' && r.contentKept,
    downloadUrl: (r) => (r.contentKept ? `/ebilling/reports/${r.id}/raw` : null),
  },
  PaymentConflict: {
    amount: (c) => toCents(c.amountCents),
    payment: async (c, _args, ctx) => {
      const payment = await signedIn(ctx).loaders.payment.load(c.paymentId);
      if (!payment) throw new Error(`PaymentConflict ${c.id}: its payment is not in the viewer's practice`);
      return payment;
    },
    report: async (c, _args, ctx) => {
      const report = await signedIn(ctx).loaders.report.load(c.reportId);
      if (!report) throw new Error(`PaymentConflict ${c.id}: its report is not in the viewer's practice`);
      return report;
    },
    resolvedBy: (c, _args, ctx) => (c.resolvedById ? signedIn(ctx).loaders.staffName.load(c.resolvedById) : null),
  },
  Patient: {
    payments: (patient, _args, ctx) => ctx.patients.payments(patient),
    paymentsBeingPosted: (patient, _args, ctx) => ctx.patients.paymentsBeingPosted(patient),
    balanceAfterPaymentsBeingPosted: async (patient, _args, ctx) => balanceCents(patient) - (await ctx.patients.beingPostedCents(patient)),
  },
};
