import { toCents } from '@kinpay/money';
import { balanceCents, chargeBalanceCents } from '../access/patient-repository.ts';
import type { GraphQLContext } from '../context.ts';
import type { Resolvers } from '../graphql/resolvers-types.ts';
import { toDateString } from '../graphql/scalars.ts';
import type { PatientRecord } from '../models.ts';
import { encodeCursor } from '../pagination.ts';
import { payNowFor } from './patients.service.ts';

const payNow = async (patient: PatientRecord, ctx: GraphQLContext) => payNowFor(patient, await ctx.payNow(), ctx.patients);

export const patientResolvers: Resolvers = {
  Query: {
    patients: async (_root, args, ctx) => {
      const page = await ctx.patients.list(args);
      return { edges: page.nodes.map((node) => ({ cursor: encodeCursor('patient', node.id), node })), pageInfo: page.pageInfo, totalCount: page.totalCount };
    },
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
