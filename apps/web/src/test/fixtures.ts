// Server-shaped data for mocks, with the __typename Apollo's cache expects.
import { formatCents } from '@kinpay/money';
import type { PayNowUnavailableReason } from '../gql/graphql.ts';

export const money = (amountCents: number) => ({ __typename: 'Money' as const, amountCents, formatted: formatCents(amountCents) });

export function charge(overrides: Partial<{ id: string; serviceDate: string; description: string; cptCode: string; amount: number; insurancePaid: number; adjustments: number; patientPaid: number }> = {}) {
  const amount = overrides.amount ?? 18500;
  const insurancePaid = overrides.insurancePaid ?? 12000;
  const adjustments = overrides.adjustments ?? 2500;
  const patientPaid = overrides.patientPaid ?? 0;
  return {
    __typename: 'Charge' as const,
    id: overrides.id ?? 'charge-1',
    serviceDate: overrides.serviceDate ?? '2026-02-10',
    cptCode: overrides.cptCode ?? '99213',
    description: overrides.description ?? 'Office visit, established patient',
    amount: money(amount),
    insurancePaid: money(insurancePaid),
    adjustments: money(adjustments),
    patientPaid: money(patientPaid),
    balance: money(amount - insurancePaid - adjustments - patientPaid),
  };
}

export function patient(
  overrides: Partial<{
    id: string;
    firstName: string;
    lastName: string;
    dateOfBirth: string;
    accountNumber: string;
    balanceCents: number;
    payNowUrl: string | null;
    payNowUnavailableReason: PayNowUnavailableReason | null;
    charges: ReturnType<typeof charge>[];
  }> = {},
) {
  const balanceCents = overrides.balanceCents ?? 4000;
  return {
    __typename: 'Patient' as const,
    id: overrides.id ?? 'patient-1',
    firstName: overrides.firstName ?? 'Mateo',
    lastName: overrides.lastName ?? 'Rivera',
    dateOfBirth: overrides.dateOfBirth ?? '2019-03-04',
    accountNumber: overrides.accountNumber ?? 'A-10042',
    balance: money(balanceCents),
    payNowUrl: overrides.payNowUrl === undefined ? null : overrides.payNowUrl,
    payNowUnavailableReason: overrides.payNowUnavailableReason ?? null,
    charges: overrides.charges ?? (balanceCents > 0 ? [charge({ amount: 18500, insurancePaid: 12000, adjustments: 2500 })] : []),
  };
}

export const graphQLError = (message: string, code: string, extra: Record<string, unknown> = {}) => ({
  message,
  extensions: { code, ...extra },
});
