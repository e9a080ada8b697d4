import { balanceCents, chargeBalanceCents } from '../access/patient-repository.ts';
import type { Resolvers } from '../graphql/resolvers-types.ts';
import { toDateString } from '../graphql/scalars.ts';

export const patientResolvers: Resolvers = {
  Query: {
    patients: (_root, args, ctx) => ctx.patients.list(args),
    patient: (_root, { id }, ctx) => ctx.patients.get(id),
  },
  Patient: {
    dateOfBirth: (patient) => toDateString(patient.dateOfBirth),
    balance: (patient) => balanceCents(patient),
    charges: (patient, { includePaid }, ctx) => ctx.patients.charges(patient, { includePaid: includePaid ?? false }),
    payNowUrl: async (patient, _args, ctx) => (await ctx.payNow()).decide(balanceCents(patient)).url,
    payNowUnavailableReason: async (patient, _args, ctx) => (await ctx.payNow()).decide(balanceCents(patient)).reason,
  },
  Charge: {
    serviceDate: (charge) => toDateString(charge.serviceDate),
    amount: (charge) => charge.amountCents,
    insurancePaid: (charge) => charge.insurancePaidCents,
    adjustments: (charge) => charge.adjustmentCents,
    patientPaid: (charge) => charge.patientPaidCents,
    balance: (charge) => chargeBalanceCents(charge),
  },
};
