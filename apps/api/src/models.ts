// The shapes services hand to the GraphQL layer: Prisma rows and a few views of them. The
// generated resolver types map each GraphQL type to one of these (codegen.ts, mappers), so this
// module imports nothing but row types: no service, no context, no GraphQL.
import type { ClearinghouseSettings, CreditAccount, EbillingPreferences, Patient, PaymentApplication, RemittanceReport } from '@kinpay/db';

export type {
  Charge as ChargeRow,
  ClearinghouseSettings as SettingsRow,
  Payment as PaymentRow,
  PaymentConflict as PaymentConflictRow,
  Practice as PracticeRow,
  User as UserRow,
} from '@kinpay/db';

/** A patient as read through the PatientRepository: with what its credit account holds (the balance). */
export type PatientRecord = Patient & { creditAccount: Pick<CreditAccount, 'balanceDueCents' | 'creditCents'> | null };

/** A remittance report row. Its bytes live in RemittanceReportChunk and are read only to process or download it. */
export type ReportInfo = RemittanceReport;

/** The online payment settings in force for a practice (null before its first save). */
export interface SettingsView {
  practiceId: string;
  current: ClearinghouseSettings | null;
}

/** Part of a payment applied to one charge of its patient (the payment's patientId, carried along to find the charge). */
export type ApplicationRow = PaymentApplication & { patientId: string | null };

/** A sale a clearinghouse notice reported that no processed report has posted yet. */
export interface PaymentBeingPostedView {
  amountCents: number;
  receivedAt: Date;
}

/** A practice's eBilling preferences, or the defaults before it saved any. */
export type EbillingPreferencesView = Pick<
  EbillingPreferences,
  'practiceId' | 'agentEnabled' | 'agentIntervalMinutes' | 'notificationEmails' | 'payeeNpi' | 'instamedMerchantId' | 'waystarAccountName' | 'testMode'
>;
