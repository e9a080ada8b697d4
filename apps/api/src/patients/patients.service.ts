import { toCents } from '@kinpay/money';
import { balanceCents, chargeBalanceCents, type PatientRecord } from '../access/patient-repository.ts';
import type { GraphQLContext } from '../context.ts';
import type { Resolvers } from '../graphql/resolvers-types.ts';
import { toDateString } from '../graphql/scalars.ts';

/** Pay Now for this patient: none while payments already reported cover the balance. */
async function payNow(patient: PatientRecord, ctx: GraphQLContext) {
  const policy = await ctx.payNow();
  const balance = balanceCents(patient);
  const beingPosted = balance > 0 && policy.url ? await ctx.patients.beingPostedCents(patient) : 0;
  return policy.decide(balance, beingPosted);
}

export const patientResolvers: Resolvers = {
  Query: {
    patients: (_root, args, ctx) => ctx.patients.list(args),
    patient: (_root, { id }, ctx) => ctx.patients.get(id),
  },
  Patient: {
    dateOfBirth: (patient) => toDateString(patient.dateOfBirth),
    balance: (patient) => balanceCents(patient),
    credit: (patient) => toCents(patient.creditAccount?.creditCents ?? 0),
    charges: (patient, { includePaid }, ctx) => ctx.patients.charges(patient, { includePaid: includePaid ?? false }),
    payNowUrl: async (patient, _args, ctx) => (await payNow(patient, ctx)).url,
    payNowUnavailableReason: async (patient, _args, ctx) => (await payNow(patient, ctx)).reason,
  },
  Charge: {
    serviceDate: (charge) => toDateString(charge.serviceDate),
    amount: (charge) => toCents(charge.amountCents),
    insurancePaid: (charge) => toCents(charge.insurancePaidCents),
    adjustments: (charge) => toCents(charge.adjustmentCents),
    patientPaid: (charge) => toCents(charge.patientPaidCents),
    balance: (charge) => chargeBalanceCents(charge),
  },
};
