// Server-shaped data for mocks, with the __typename Apollo's cache expects.
import { formatCents } from '@kinpay/money';
import type { PaymentKind, PaymentMethod, PayNowUnavailableReason, ReportFormat, ReportSource, ReportStatus } from '../gql/graphql.ts';

export const money = (amountCents: number) => ({ __typename: 'Money' as const, amountCents, formatted: formatCents(amountCents) });

export function charge(
  overrides: Partial<{
    id: string;
    serviceDate: string;
    description: string;
    cptCode: string;
    amount: number;
    insurancePaid: number;
    adjustments: number;
    patientPaid: number;
  }> = {},
) {
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
    payments: ReturnType<typeof payment>[];
    paymentsBeingPosted: ReturnType<typeof paymentBeingPosted>[];
  }> = {},
) {
  const balanceCents = overrides.balanceCents ?? 4000;
  const beingPostedCents = (overrides.paymentsBeingPosted ?? []).reduce((sum, p) => sum + p.amount.amountCents, 0);
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
    payments: overrides.payments ?? [],
    paymentsBeingPosted: overrides.paymentsBeingPosted ?? [],
    balanceAfterPaymentsBeingPosted: money(balanceCents - beingPostedCents),
  };
}

export const graphQLError = (message: string, code: string, extra: Record<string, unknown> = {}) => ({
  message,
  extensions: { code, ...extra },
});

/** Where part of a payment went: a charge of the patient's. */
export function application(amountCents: number, target: { id?: string; serviceDate?: string; description?: string } = {}) {
  return {
    __typename: 'PaymentApplication' as const,
    amount: money(amountCents),
    charge: {
      __typename: 'Charge' as const,
      id: target.id ?? 'charge-1',
      serviceDate: target.serviceDate ?? '2026-02-10',
      description: target.description ?? 'Office visit, established patient',
    },
  };
}

/** A posted payment, as the payment history (PaymentHistory_payment) and staff lists ask for it. */
export function payment(
  overrides: Partial<{
    id: string;
    kind: PaymentKind;
    method: PaymentMethod;
    cardType: string | null;
    amountCents: number;
    unappliedCents: number;
    receivedAt: string;
    postedAt: string | null;
    transactionId: string | null;
    applications: ReturnType<typeof application>[];
  }> = {},
) {
  const amountCents = overrides.amountCents ?? 4000;
  return {
    __typename: 'Payment' as const,
    id: overrides.id ?? 'payment-1',
    kind: overrides.kind ?? 'SALE',
    method: overrides.method ?? 'CARD',
    cardType: overrides.cardType === undefined ? 'VISA' : overrides.cardType,
    amount: money(amountCents),
    unapplied: money(overrides.unappliedCents ?? 0),
    receivedAt: overrides.receivedAt ?? '2026-03-04T15:00:00.000Z',
    postedAt: overrides.postedAt === undefined ? '2026-03-04T16:00:00.000Z' : overrides.postedAt,
    transactionId: overrides.transactionId === undefined ? 'TX-1001' : overrides.transactionId,
    applications: overrides.applications ?? [application(amountCents)],
  };
}

export const paymentBeingPosted = (amountCents: number, receivedAt = '2026-03-05T10:00:00.000Z') => ({
  __typename: 'PaymentBeingPosted' as const,
  amount: money(amountCents),
  receivedAt,
});

/** The eBilling status behind the sidebar badge, the status line and the tab badges. */
export const ebillingStatus = (
  overrides: Partial<{ unmatchedCount: number; postedLastDayCount: number; reportsFailedCount: number; conflictsCount: number }> = {},
) => ({
  __typename: 'EbillingStatus' as const,
  unmatchedCount: 0,
  postedLastDayCount: 2,
  reportsFailedCount: 0,
  conflictsCount: 0,
  ...overrides,
});

/** A remittance report as the Reports tab (ReportsTable_report) asks for it. */
export function remittanceReport(
  overrides: Partial<{
    id: string;
    fileName: string;
    source: ReportSource;
    format: ReportFormat | null;
    formatVersion: string | null;
    sizeBytes: number;
    payee: string | null;
    status: ReportStatus;
    error: string | null;
    canRetry: boolean;
    paymentsPosted: number;
    refundsPosted: number;
    paymentsUnmatched: number;
    duplicates: number;
    conflicts: number;
    totalCents: number;
    downloadUrl: string | null;
  }> = {},
) {
  const id = overrides.id ?? 'r1';
  const status = overrides.status ?? 'PROCESSED';
  return {
    __typename: 'RemittanceReport' as const,
    id,
    receivedAt: '2026-03-04T15:00:00.000Z',
    fileName: overrides.fileName ?? 'era-0304.835',
    source: overrides.source ?? 'CLEARINGHOUSE',
    format: overrides.format === undefined ? ('X12_835' as ReportFormat) : overrides.format,
    formatVersion: overrides.formatVersion === undefined ? '005010X221A1' : overrides.formatVersion,
    sizeBytes: overrides.sizeBytes ?? 2048,
    payee: overrides.payee === undefined ? null : overrides.payee,
    status,
    error: overrides.error ?? null,
    canRetry: overrides.canRetry ?? status === 'FAILED',
    paymentsPosted: overrides.paymentsPosted ?? 2,
    refundsPosted: overrides.refundsPosted ?? 0,
    paymentsUnmatched: overrides.paymentsUnmatched ?? 0,
    duplicates: overrides.duplicates ?? 0,
    conflicts: overrides.conflicts ?? 0,
    total: money(overrides.totalCents ?? 8000),
    downloadUrl: overrides.downloadUrl === undefined ? `/ebilling/reports/${id}/raw` : overrides.downloadUrl,
  };
}
