/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date, YYYY-MM-DD, with no time zone. */
  Date: { input: string; output: string; }
  /** An instant, ISO 8601 in UTC. */
  DateTime: { input: string; output: string; }
};

/** One billed service of a visit. */
export type Charge = {
  __typename?: 'Charge';
  /** Contractual adjustments agreed with the insurer; never owed by the family. */
  adjustments: Money;
  amount: Money;
  /** Still owed: amount - insurancePaid - adjustments - patientPaid. */
  balance: Money;
  /** CPT code of the service, e.g. 99213. */
  cptCode: Scalars['String']['output'];
  description: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  insurancePaid: Money;
  /** Payments by the family applied to this charge. */
  patientPaid: Money;
  serviceDate: Scalars['Date']['output'];
};

/** A clearinghouse Kinpay works with: its hosted payment page and its reports. */
export type Clearinghouse =
  | 'INSTAMED'
  | 'WAYSTAR';

/** A clearinghouse the practice can choose, with what its ID looks like. */
export type ClearinghouseOption = {
  __typename?: 'ClearinghouseOption';
  /** False when this deployment has no hosted payment page configured for it. */
  available: Scalars['Boolean']['output'];
  clearinghouse: Clearinghouse;
  /** An example ID. */
  idExample: Scalars['String']['output'];
  /** How to find and type the ID, for the form. */
  idHelp: Scalars['String']['output'];
  /** What the clearinghouse calls the practice's ID, e.g. Payment ID. */
  idLabel: Scalars['String']['output'];
  /** Display name, e.g. InstaMed. */
  name: Scalars['String']['output'];
};

/** The practice's online payment settings, as now in force. */
export type ClearinghouseSettings = {
  __typename?: 'ClearinghouseSettings';
  clearinghouse?: Maybe<Clearinghouse>;
  clearinghouseId?: Maybe<Scalars['String']['output']>;
  /** Earlier versions, newest first. */
  history: Array<ClearinghouseSettingsChange>;
  onlinePaymentsEnabled: Scalars['Boolean']['output'];
  /** The Pay Now link parents will get, or null when payments are off or not configured. */
  payNowUrlPreview?: Maybe<Scalars['String']['output']>;
  /** True when Pay Now opens the local clearinghouse sandbox (no real money). */
  sandbox: Scalars['Boolean']['output'];
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  updatedBy?: Maybe<StaffName>;
};


/** The practice's online payment settings, as now in force. */
export type ClearinghouseSettingsHistoryArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type ClearinghouseSettingsChange = {
  __typename?: 'ClearinghouseSettingsChange';
  changedAt: Scalars['DateTime']['output'];
  changedBy: StaffName;
  clearinghouse?: Maybe<Clearinghouse>;
  clearinghouseId?: Maybe<Scalars['String']['output']>;
  onlinePaymentsEnabled: Scalars['Boolean']['output'];
  version: Scalars['Int']['output'];
};

export type EbillingPreferences = {
  __typename?: 'EbillingPreferences';
  agentEnabled: Scalars['Boolean']['output'];
  agentIntervalMinutes: Scalars['Int']['output'];
  /** Where to put report files for this practice on the server (drop folders), one per clearinghouse ID it owns. */
  dropFolders: Array<Scalars['String']['output']>;
  /** The practice's InstaMed merchant ID: a posting file naming another is not posted. Null: not checked. */
  instamedMerchantId?: Maybe<Scalars['String']['output']>;
  notificationEmails: Array<Scalars['String']['output']>;
  /** The practice's NPI: an X12 835 naming another payee (N1*PE) is not posted. Null: not checked. */
  payeeNpi?: Maybe<Scalars['String']['output']>;
  /** Post files the sender marked as test data (ISA15 = T). Off in production. */
  testMode: Scalars['Boolean']['output'];
  /** The practice's Waystar account name: a report naming another is not posted. Null: not checked. */
  waystarAccountName?: Maybe<Scalars['String']['output']>;
};

export type EbillingPreferencesInput = {
  agentEnabled: Scalars['Boolean']['input'];
  /** 5 to 1440. */
  agentIntervalMinutes: Scalars['Int']['input'];
  /** Empty or null: not checked. Left out: unchanged. */
  instamedMerchantId?: InputMaybe<Scalars['String']['input']>;
  notificationEmails: Array<Scalars['String']['input']>;
  /** 10 digits; empty or null: not checked. Left out: unchanged. */
  payeeNpi?: InputMaybe<Scalars['String']['input']>;
  /** Left out: unchanged. */
  testMode?: InputMaybe<Scalars['Boolean']['input']>;
  /** Empty or null: not checked. Left out: unchanged. */
  waystarAccountName?: InputMaybe<Scalars['String']['input']>;
};

/** The eBilling Center's badge. */
export type EbillingStatus = {
  __typename?: 'EbillingStatus';
  agentLastRunAt?: Maybe<Scalars['DateTime']['output']>;
  /** Conflicts not resolved yet. */
  conflictsCount: Scalars['Int']['output'];
  /** Payments posted in the last 24 hours. */
  postedLastDayCount: Scalars['Int']['output'];
  reportsFailedCount: Scalars['Int']['output'];
  unmatchedCount: Scalars['Int']['output'];
};

export type FetchAndProcessResult = {
  __typename?: 'FetchAndProcessResult';
  /** Transactions seen before with other details: not posted, listed under Conflicts. */
  conflicts: Scalars['Int']['output'];
  /** Transactions already posted from an earlier report or notice. */
  duplicates: Scalars['Int']['output'];
  /** Why a source (the clearinghouse's feed, the drop folder) could not be read, if it could not. */
  fetchError?: Maybe<Scalars['String']['output']>;
  paymentsPosted: Scalars['Int']['output'];
  paymentsUnmatched: Scalars['Int']['output'];
  /** Refunds, reversals, voids and chargebacks posted. */
  refundsPosted: Scalars['Int']['output'];
  reports: Array<RemittanceReport>;
  reportsFailed: Scalars['Int']['output'];
  /** New reports received (feed and drop folder). */
  reportsFetched: Scalars['Int']['output'];
  reportsProcessed: Scalars['Int']['output'];
};

/** An amount of money. Amounts are integer cents; never floats. */
export type Money = {
  __typename?: 'Money';
  amountCents: Scalars['Int']['output'];
  /** ISO 4217 code. Always USD for now. */
  currency: Scalars['String']['output'];
  /** For display, e.g. $1,234.56 or -$12.00. */
  formatted: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  _empty?: Maybe<Scalars['Boolean']['output']>;
  /** Fetches new reports from the clearinghouse and the drop folder, then processes every unprocessed one. */
  fetchAndProcessReports: FetchAndProcessResult;
  /** Posts an unmatched payment to a patient of the practice. */
  matchUnmatchedPayment: Payment;
  /** Posts a waiting refund, return, void or chargeback against the posted payment it undoes (saleId). */
  matchUnmatchedRefund: Payment;
  /** Processes reports already received, without fetching. */
  processReports: FetchAndProcessResult;
  /** Marks a conflict resolved, with a note of what was done. */
  resolvePaymentConflict: PaymentConflict;
  /** Puts a failed report back in line and processes it again. */
  retryReport: RemittanceReport;
  /**
   * Signs in with email and password and sets the session cookie.
   * Fails with BAD_USER_INPUT (wrong email or password, one message for both) or
   * TOO_MANY_REQUESTS after repeated failures.
   */
  signIn: User;
  /** Ends the current session. Harmless when already signed out. */
  signOut: Scalars['Boolean']['output'];
  /**
   * Changes the practice's online payment settings (admins only). An ID that is not valid for the
   * chosen clearinghouse fails with BAD_USER_INPUT, extensions.field = "clearinghouseId", and a
   * message for the admin.
   */
  updateClearinghouseSettings: ClearinghouseSettings;
  updateEbillingPreferences: EbillingPreferences;
};


export type MutationMatchUnmatchedPaymentArgs = {
  patientId: Scalars['ID']['input'];
  paymentId: Scalars['ID']['input'];
};


export type MutationMatchUnmatchedRefundArgs = {
  paymentId: Scalars['ID']['input'];
  saleId: Scalars['ID']['input'];
};


export type MutationResolvePaymentConflictArgs = {
  id: Scalars['ID']['input'];
  note: Scalars['String']['input'];
};


export type MutationRetryReportArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSignInArgs = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


export type MutationUpdateClearinghouseSettingsArgs = {
  input: UpdateClearinghouseSettingsInput;
};


export type MutationUpdateEbillingPreferencesArgs = {
  input: EbillingPreferencesInput;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to get the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** A child who is a patient of the practice. */
export type Patient = {
  __typename?: 'Patient';
  /** The practice's account (chart) number. */
  accountNumber: Scalars['String']['output'];
  /** What the family owes now: open charges less unapplied credit. Negative means a credit. */
  balance: Money;
  /** What will be due once the payments being posted post (negative: a credit). */
  balanceAfterPaymentsBeingPosted: Money;
  /** Itemized charges. By default only those with something still owed. */
  charges: Array<Charge>;
  /** Money paid beyond the open charges, kept on the account for future charges. */
  credit: Money;
  dateOfBirth: Scalars['Date']['output'];
  firstName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  lastName: Scalars['String']['output'];
  payNowUnavailableReason?: Maybe<PayNowUnavailableReason>;
  /**
   * The clearinghouse's hosted payment page for this practice, when a balance is due and online
   * payments are on; otherwise null, and payNowUnavailableReason says why.
   */
  payNowUrl?: Maybe<Scalars['String']['output']>;
  /** Payments posted for this patient, newest first. */
  payments: Array<Payment>;
  /** Payments the clearinghouse reported that are not posted yet. */
  paymentsBeingPosted: Array<PaymentBeingPosted>;
};


/** A child who is a patient of the practice. */
export type PatientChargesArgs = {
  includePaid?: InputMaybe<Scalars['Boolean']['input']>;
};

export type PatientConnection = {
  __typename?: 'PatientConnection';
  edges: Array<PatientEdge>;
  pageInfo: PageInfo;
  /** All matching patients, across pages. */
  totalCount: Scalars['Int']['output'];
};

export type PatientEdge = {
  __typename?: 'PatientEdge';
  cursor: Scalars['String']['output'];
  node: Patient;
};

export type PayNowUnavailableReason =
  /** The family has a credit with the practice. */
  | 'CREDIT_ON_ACCOUNT'
  /** Nothing is owed. */
  | 'NO_BALANCE_DUE'
  /** The practice has not turned on online payments. */
  | 'ONLINE_PAYMENTS_OFF'
  /** Payments the clearinghouse reported, not posted yet, already cover the balance: paying again would pay twice. */
  | 'PAYMENT_BEING_POSTED';

/** A payment from (or, when negative, back to) a family. */
export type Payment = {
  __typename?: 'Payment';
  /** Patient account number as the clearinghouse sent it. */
  accountNumber?: Maybe<Scalars['String']['output']>;
  /** Negative for refunds, reversals, voids and chargebacks. */
  amount: Money;
  /** Where the money went (or, for a refund, was taken back from). */
  applications: Array<PaymentApplication>;
  authorizationNumber?: Maybe<Scalars['String']['output']>;
  cardType?: Maybe<Scalars['String']['output']>;
  clearinghouse?: Maybe<Clearinghouse>;
  id: Scalars['ID']['output'];
  kind: PaymentKind;
  /** Where in its report it came from, e.g. "line 4" (staff only). */
  location?: Maybe<Scalars['String']['output']>;
  method: PaymentMethod;
  /** For a refund, reversal, void, return or chargeback: the transaction ID of the sale the clearinghouse says it undoes (staff only). */
  originalTransactionId?: Maybe<Scalars['String']['output']>;
  /** Null while unmatched. */
  patient?: Maybe<Patient>;
  /** Payer as the clearinghouse sent it. */
  payerName?: Maybe<Scalars['String']['output']>;
  postedAt?: Maybe<Scalars['DateTime']['output']>;
  receivedAt: Scalars['DateTime']['output'];
  /** For a posted sale: what is left to take back (its amount less the refunds and reversals posted against it). */
  remaining?: Maybe<Money>;
  /** The report it came in, for staff. */
  report?: Maybe<RemittanceReport>;
  /** For a refund, reversal, void or chargeback: the payment it undoes, when the portal has it. */
  reverses?: Maybe<Payment>;
  status: PaymentStatus;
  transactionId?: Maybe<Scalars['String']['output']>;
  /** Kept as credit on the account, not applied to a charge. */
  unapplied: Money;
};

export type PaymentApplication = {
  __typename?: 'PaymentApplication';
  amount: Money;
  charge: Charge;
};

/** A payment the clearinghouse told us about (webhook) that is not posted yet. */
export type PaymentBeingPosted = {
  __typename?: 'PaymentBeingPosted';
  amount: Money;
  receivedAt: Scalars['DateTime']['output'];
};

/**
 * A transaction a report names again with other details than the payment already recorded under its
 * transaction ID. It was not posted; staff compare both versions and resolve it with the clearinghouse.
 */
export type PaymentConflict = {
  __typename?: 'PaymentConflict';
  accountNumber?: Maybe<Scalars['String']['output']>;
  amount: Money;
  createdAt: Scalars['DateTime']['output'];
  /** What differs, in words. */
  differences: Array<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: PaymentKind;
  /** Where in that report. */
  location: Scalars['String']['output'];
  occurredAt: Scalars['DateTime']['output'];
  originalTransactionId?: Maybe<Scalars['String']['output']>;
  payerName?: Maybe<Scalars['String']['output']>;
  /** The payment recorded first. */
  payment: Payment;
  /** The report that named it again. */
  report: RemittanceReport;
  resolutionNote?: Maybe<Scalars['String']['output']>;
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  resolvedBy?: Maybe<StaffName>;
  transactionId: Scalars['String']['output'];
};

export type PaymentConnection = {
  __typename?: 'PaymentConnection';
  nodes: Array<Payment>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** What a clearinghouse transaction does to the family's account. */
export type PaymentKind =
  /** The card holder's bank took the money back. */
  | 'CHARGEBACK'
  /** Money returned to the family (a new transaction at the clearinghouse). */
  | 'REFUND'
  /** An eCheck the family's bank returned (insufficient funds, closed account). */
  | 'RETURN'
  /** An 835 reversal (CLP02 = 22) of an earlier payment. */
  | 'REVERSAL'
  /** Money received. */
  | 'SALE'
  /** The sale was cancelled before it settled (same transaction ID as the sale). */
  | 'VOID';

/** How the family paid. */
export type PaymentMethod =
  /** An eCheck (bank transfer). */
  | 'ACH'
  /** A credit or debit card. */
  | 'CARD'
  | 'CASH'
  /** A paper check. */
  | 'CHECK'
  | 'OTHER';

/** Where a payment stands. */
export type PaymentStatus =
  /** In the patient's credit account and applied to charges. */
  | 'POSTED'
  /** Matches no patient (or, for a refund, no sale): waits for staff under Unmatched payments. */
  | 'UNMATCHED';

export type PortalStatus = {
  __typename?: 'PortalStatus';
  onlinePaymentsEnabled: Scalars['Boolean']['output'];
  practiceName: Scalars['String']['output'];
  sandbox: Scalars['Boolean']['output'];
};

export type Practice = {
  __typename?: 'Practice';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  clearinghouseOptions: Array<ClearinghouseOption>;
  clearinghouseSettings: ClearinghouseSettings;
  ebillingPreferences: EbillingPreferences;
  ebillingStatus: EbillingStatus;
  /** The signed-in user, or null when signed out. */
  me?: Maybe<User>;
  /** One patient, or null when there is none the user may see (another family's child is null too). */
  patient?: Maybe<Patient>;
  /**
   * Patients the signed-in user may see, sorted by last then first name: a parent's own children;
   * for staff, every patient of the practice. `search` matches name or account number;
   * `hasBalance: true` keeps those with a balance due, `hasCredit: true` those holding unapplied
   * credit. `first` is at most 100.
   */
  patients: PatientConnection;
  /** Conflicts, newest first: unresolved ones, or all when includeResolved. */
  paymentConflicts: Array<PaymentConflict>;
  /** Posted payments of the practice, newest first. */
  payments: PaymentConnection;
  /**
   * Whether Pay Now goes to the clearinghouse sandbox (no real money), for the portal's banner.
   * Open to every signed-in user.
   */
  portalStatus: PortalStatus;
  remittanceReports: RemittanceReportConnection;
  /** The work queue: payments that match no patient, oldest first. */
  unmatchedPayments: Array<Payment>;
};


export type QueryPatientArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPatientsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  hasBalance?: InputMaybe<Scalars['Boolean']['input']>;
  hasCredit?: InputMaybe<Scalars['Boolean']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


export type QueryPaymentConflictsArgs = {
  includeResolved?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryPaymentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryRemittanceReportsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A file or notice received from a clearinghouse. */
export type RemittanceReport = {
  __typename?: 'RemittanceReport';
  /** True when it failed and was kept: Try again processes it anew. */
  canRetry: Scalars['Boolean']['output'];
  clearinghouse?: Maybe<Clearinghouse>;
  /** The practice's ID at the clearinghouse it came through. */
  clearinghouseId?: Maybe<Scalars['String']['output']>;
  /** Transactions seen before with other details: not posted, listed under Conflicts. */
  conflicts: Scalars['Int']['output'];
  /** The file as received (staff session required); null when it was refused before it was kept. */
  downloadUrl?: Maybe<Scalars['String']['output']>;
  duplicates: Scalars['Int']['output'];
  /** Why it failed, for staff. */
  error?: Maybe<Scalars['String']['output']>;
  /** The original file name. */
  fileName: Scalars['String']['output'];
  format?: Maybe<ReportFormat>;
  /** What the file says it is, e.g. IMDPA14 (known once processed). */
  formatVersion?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** The payee the file names (NPI, merchant ID or account name), for staff. */
  payee?: Maybe<Scalars['String']['output']>;
  paymentsPosted: Scalars['Int']['output'];
  paymentsUnmatched: Scalars['Int']['output'];
  processedAt?: Maybe<Scalars['DateTime']['output']>;
  receivedAt: Scalars['DateTime']['output'];
  refundsPosted: Scalars['Int']['output'];
  /** Size of the file as received, in bytes. */
  sizeBytes: Scalars['Int']['output'];
  source: ReportSource;
  status: ReportStatus;
  /** Net money posted from it. */
  total: Money;
};

export type RemittanceReportConnection = {
  __typename?: 'RemittanceReportConnection';
  nodes: Array<RemittanceReport>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** The formats Kinpay reads (packages/remittance). */
export type ReportFormat =
  /** InstaMed's pipe-delimited EOD Posting File, IMDPA10 to IMDPA14. */
  | 'IMDPA'
  /** InstaMed's completion notice (webhook): JSON, XML or name-value pairs. */
  | 'INSTAMED_WEBHOOK'
  /** Waystar's Daily Transaction Report for Patient Payments. */
  | 'WAYSTAR_CSV'
  /** InstaMed's EOD Posting File X12 835 (dpa835). */
  | 'X12_835';

/** How a report reached Kinpay. */
export type ReportSource =
  /** Fetched from the clearinghouse (or the sandbox's report feed). */
  | 'CLEARINGHOUSE'
  /** A file dropped into the inbox folder. */
  | 'DROP_FOLDER'
  /** A completion notice posted to the webhook. */
  | 'WEBHOOK';

/** Where a report stands. */
export type ReportStatus =
  /** Could not be read or does not add up: nothing from it was posted; error says why. */
  | 'FAILED'
  /** Posted: its payments are in the patients' accounts (or were duplicates, or conflicts). */
  | 'PROCESSED'
  /** Stored, not processed yet. */
  | 'RECEIVED'
  /** Being stored, piece by piece: not processed until it is whole. */
  | 'RECEIVING';

/** What a signed-in user may do. */
export type Role =
  /** Practice administrator: billing staff who may also change the practice's settings. */
  | 'ADMIN'
  /** Billing staff: sees every patient of the practice and the payment settings. */
  | 'BILLING'
  /** A parent or guardian: sees only their own children. */
  | 'PARENT';

/** A staff member's name, as shown in change history. */
export type StaffName = {
  __typename?: 'StaffName';
  firstName: Scalars['String']['output'];
  lastName: Scalars['String']['output'];
};

export type UpdateClearinghouseSettingsInput = {
  clearinghouse: Clearinghouse;
  /** The practice's ID at that clearinghouse. Required when onlinePaymentsEnabled is true. */
  clearinghouseId?: InputMaybe<Scalars['String']['input']>;
  onlinePaymentsEnabled: Scalars['Boolean']['input'];
};

export type User = {
  __typename?: 'User';
  email: Scalars['String']['output'];
  firstName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  lastName: Scalars['String']['output'];
  practice: Practice;
  role: Role;
};

export type AppShellQueryVariables = Exact<{ [key: string]: never; }>;


export type AppShellQuery = { __typename?: 'Query', me?: { __typename?: 'User', id: string, firstName: string, lastName: string, role: Role } | null };

export type PortalStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalStatusQuery = { __typename?: 'Query', portalStatus: { __typename?: 'PortalStatus', practiceName: string, sandbox: boolean, onlinePaymentsEnabled: boolean } };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { __typename?: 'Mutation', signOut: boolean };

export type ChargeTable_ChargeFragment = { __typename?: 'Charge', id: string, serviceDate: string, cptCode: string, description: string, amount: { __typename?: 'Money', amountCents: number, formatted: string }, insurancePaid: { __typename?: 'Money', amountCents: number, formatted: string }, adjustments: { __typename?: 'Money', amountCents: number, formatted: string }, patientPaid: { __typename?: 'Money', amountCents: number, formatted: string }, balance: { __typename?: 'Money', amountCents: number, formatted: string } };

export type PaymentHistory_PaymentFragment = { __typename?: 'Payment', id: string, receivedAt: string, kind: PaymentKind, method: PaymentMethod, cardType?: string | null, amount: { __typename?: 'Money', amountCents: number, formatted: string }, unapplied: { __typename?: 'Money', amountCents: number, formatted: string }, applications: Array<{ __typename?: 'PaymentApplication', amount: { __typename?: 'Money', formatted: string }, charge: { __typename?: 'Charge', id: string, serviceDate: string, description: string } }> };

export type SignInMutationVariables = Exact<{
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
}>;


export type SignInMutation = { __typename?: 'Mutation', signIn: { __typename?: 'User', id: string, firstName: string, lastName: string, role: Role } };

export type ConflictCard_ConflictFragment = { __typename?: 'PaymentConflict', id: string, transactionId: string, originalTransactionId?: string | null, kind: PaymentKind, accountNumber?: string | null, payerName?: string | null, occurredAt: string, location: string, differences: Array<string>, createdAt: string, resolvedAt?: string | null, resolutionNote?: string | null, amount: { __typename?: 'Money', amountCents: number, formatted: string }, resolvedBy?: { __typename?: 'StaffName', firstName: string, lastName: string } | null, report: { __typename?: 'RemittanceReport', id: string, fileName: string }, payment: { __typename?: 'Payment', id: string, kind: PaymentKind, status: PaymentStatus, accountNumber?: string | null, payerName?: string | null, receivedAt: string, location?: string | null, amount: { __typename?: 'Money', amountCents: number, formatted: string }, patient?: { __typename?: 'Patient', id: string, firstName: string, lastName: string } | null, report?: { __typename?: 'RemittanceReport', id: string, fileName: string } | null } };

export type PaymentConflictsQueryVariables = Exact<{
  includeResolved?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type PaymentConflictsQuery = { __typename?: 'Query', paymentConflicts: Array<{ __typename?: 'PaymentConflict', id: string, transactionId: string, originalTransactionId?: string | null, kind: PaymentKind, accountNumber?: string | null, payerName?: string | null, occurredAt: string, location: string, differences: Array<string>, createdAt: string, resolvedAt?: string | null, resolutionNote?: string | null, amount: { __typename?: 'Money', amountCents: number, formatted: string }, resolvedBy?: { __typename?: 'StaffName', firstName: string, lastName: string } | null, report: { __typename?: 'RemittanceReport', id: string, fileName: string }, payment: { __typename?: 'Payment', id: string, kind: PaymentKind, status: PaymentStatus, accountNumber?: string | null, payerName?: string | null, receivedAt: string, location?: string | null, amount: { __typename?: 'Money', amountCents: number, formatted: string }, patient?: { __typename?: 'Patient', id: string, firstName: string, lastName: string } | null, report?: { __typename?: 'RemittanceReport', id: string, fileName: string } | null } }> };

export type ResolvePaymentConflictMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  note: Scalars['String']['input'];
}>;


export type ResolvePaymentConflictMutation = { __typename?: 'Mutation', resolvePaymentConflict: { __typename?: 'PaymentConflict', id: string, transactionId: string, originalTransactionId?: string | null, kind: PaymentKind, accountNumber?: string | null, payerName?: string | null, occurredAt: string, location: string, differences: Array<string>, createdAt: string, resolvedAt?: string | null, resolutionNote?: string | null, amount: { __typename?: 'Money', amountCents: number, formatted: string }, resolvedBy?: { __typename?: 'StaffName', firstName: string, lastName: string } | null, report: { __typename?: 'RemittanceReport', id: string, fileName: string }, payment: { __typename?: 'Payment', id: string, kind: PaymentKind, status: PaymentStatus, accountNumber?: string | null, payerName?: string | null, receivedAt: string, location?: string | null, amount: { __typename?: 'Money', amountCents: number, formatted: string }, patient?: { __typename?: 'Patient', id: string, firstName: string, lastName: string } | null, report?: { __typename?: 'RemittanceReport', id: string, fileName: string } | null } } };

export type CurrentCreditsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type CurrentCreditsQuery = { __typename?: 'Query', patients: { __typename?: 'PatientConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'PatientEdge', node: { __typename?: 'Patient', id: string, firstName: string, lastName: string, accountNumber: string, credit: { __typename?: 'Money', formatted: string } } }> } };

export type FetchAndProcessReportsMutationVariables = Exact<{ [key: string]: never; }>;


export type FetchAndProcessReportsMutation = { __typename?: 'Mutation', fetchAndProcessReports: { __typename?: 'FetchAndProcessResult', reportsFetched: number, reportsProcessed: number, reportsFailed: number, paymentsPosted: number, refundsPosted: number, paymentsUnmatched: number, duplicates: number, conflicts: number, fetchError?: string | null, reports: Array<{ __typename?: 'RemittanceReport', id: string, fileName: string, status: ReportStatus, error?: string | null }> } };

export type ProcessReportsMutationVariables = Exact<{ [key: string]: never; }>;


export type ProcessReportsMutation = { __typename?: 'Mutation', processReports: { __typename?: 'FetchAndProcessResult', reportsFetched: number, reportsProcessed: number, reportsFailed: number, paymentsPosted: number, refundsPosted: number, paymentsUnmatched: number, duplicates: number, conflicts: number, fetchError?: string | null, reports: Array<{ __typename?: 'RemittanceReport', id: string, fileName: string, status: ReportStatus, error?: string | null }> } };

export type EbillingStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type EbillingStatusQuery = { __typename?: 'Query', ebillingStatus: { __typename?: 'EbillingStatus', unmatchedCount: number, postedLastDayCount: number, reportsFailedCount: number, conflictsCount: number } };

export type PatientPickerQueryVariables = Exact<{
  search: Scalars['String']['input'];
}>;


export type PatientPickerQuery = { __typename?: 'Query', patients: { __typename?: 'PatientConnection', totalCount: number, edges: Array<{ __typename?: 'PatientEdge', node: { __typename?: 'Patient', id: string, firstName: string, lastName: string, dateOfBirth: string, accountNumber: string } }> } };

export type PaymentsTable_PaymentFragment = { __typename?: 'Payment', id: string, receivedAt: string, postedAt?: string | null, kind: PaymentKind, method: PaymentMethod, cardType?: string | null, transactionId?: string | null, amount: { __typename?: 'Money', amountCents: number, formatted: string }, unapplied: { __typename?: 'Money', amountCents: number, formatted: string }, patient?: { __typename?: 'Patient', id: string, firstName: string, lastName: string } | null, applications: Array<{ __typename?: 'PaymentApplication', amount: { __typename?: 'Money', formatted: string }, charge: { __typename?: 'Charge', id: string, serviceDate: string, description: string } }> };

export type EbillingPaymentsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type EbillingPaymentsQuery = { __typename?: 'Query', payments: { __typename?: 'PaymentConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ __typename?: 'Payment', id: string, receivedAt: string, postedAt?: string | null, kind: PaymentKind, method: PaymentMethod, cardType?: string | null, transactionId?: string | null, amount: { __typename?: 'Money', amountCents: number, formatted: string }, unapplied: { __typename?: 'Money', amountCents: number, formatted: string }, patient?: { __typename?: 'Patient', id: string, firstName: string, lastName: string } | null, applications: Array<{ __typename?: 'PaymentApplication', amount: { __typename?: 'Money', formatted: string }, charge: { __typename?: 'Charge', id: string, serviceDate: string, description: string } }> }> } };

export type ReportsTable_ReportFragment = { __typename?: 'RemittanceReport', id: string, receivedAt: string, fileName: string, source: ReportSource, format?: ReportFormat | null, formatVersion?: string | null, sizeBytes: number, payee?: string | null, status: ReportStatus, error?: string | null, canRetry: boolean, paymentsPosted: number, refundsPosted: number, paymentsUnmatched: number, duplicates: number, conflicts: number, downloadUrl?: string | null, total: { __typename?: 'Money', amountCents: number, formatted: string } };

export type RemittanceReportsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type RemittanceReportsQuery = { __typename?: 'Query', remittanceReports: { __typename?: 'RemittanceReportConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ __typename?: 'RemittanceReport', id: string, receivedAt: string, fileName: string, source: ReportSource, format?: ReportFormat | null, formatVersion?: string | null, sizeBytes: number, payee?: string | null, status: ReportStatus, error?: string | null, canRetry: boolean, paymentsPosted: number, refundsPosted: number, paymentsUnmatched: number, duplicates: number, conflicts: number, downloadUrl?: string | null, total: { __typename?: 'Money', amountCents: number, formatted: string } }> } };

export type RetryReportMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RetryReportMutation = { __typename?: 'Mutation', retryReport: { __typename?: 'RemittanceReport', id: string, receivedAt: string, fileName: string, source: ReportSource, format?: ReportFormat | null, formatVersion?: string | null, sizeBytes: number, payee?: string | null, status: ReportStatus, error?: string | null, canRetry: boolean, paymentsPosted: number, refundsPosted: number, paymentsUnmatched: number, duplicates: number, conflicts: number, downloadUrl?: string | null, total: { __typename?: 'Money', amountCents: number, formatted: string } } };

export type RunSummary_ResultFragment = { __typename?: 'FetchAndProcessResult', reportsFetched: number, reportsProcessed: number, reportsFailed: number, paymentsPosted: number, refundsPosted: number, paymentsUnmatched: number, duplicates: number, conflicts: number, fetchError?: string | null, reports: Array<{ __typename?: 'RemittanceReport', id: string, fileName: string, status: ReportStatus, error?: string | null }> };

export type UnmatchedPaymentsQueryVariables = Exact<{ [key: string]: never; }>;


export type UnmatchedPaymentsQuery = { __typename?: 'Query', unmatchedPayments: Array<{ __typename?: 'Payment', id: string, receivedAt: string, payerName?: string | null, accountNumber?: string | null, kind: PaymentKind, transactionId?: string | null, originalTransactionId?: string | null, amount: { __typename?: 'Money', amountCents: number, formatted: string }, reverses?: { __typename?: 'Payment', id: string, transactionId?: string | null } | null }> };

export type MatchUnmatchedPaymentMutationVariables = Exact<{
  paymentId: Scalars['ID']['input'];
  patientId: Scalars['ID']['input'];
}>;


export type MatchUnmatchedPaymentMutation = { __typename?: 'Mutation', matchUnmatchedPayment: { __typename?: 'Payment', id: string, status: PaymentStatus, patient?: { __typename?: 'Patient', id: string, firstName: string, lastName: string } | null } };

export type MatchUnmatchedRefundMutationVariables = Exact<{
  paymentId: Scalars['ID']['input'];
  saleId: Scalars['ID']['input'];
}>;


export type MatchUnmatchedRefundMutation = { __typename?: 'Mutation', matchUnmatchedRefund: { __typename?: 'Payment', id: string, status: PaymentStatus, patient?: { __typename?: 'Patient', id: string, firstName: string, lastName: string } | null } };

export type RefundMatchPaymentsQueryVariables = Exact<{
  patientId: Scalars['ID']['input'];
}>;


export type RefundMatchPaymentsQuery = { __typename?: 'Query', patient?: { __typename?: 'Patient', id: string, firstName: string, lastName: string, payments: Array<{ __typename?: 'Payment', id: string, kind: PaymentKind, status: PaymentStatus, receivedAt: string, transactionId?: string | null, amount: { __typename?: 'Money', amountCents: number, formatted: string }, unapplied: { __typename?: 'Money', amountCents: number, formatted: string }, remaining?: { __typename?: 'Money', amountCents: number, formatted: string } | null }> } | null };

export type ChildCard_PatientFragment = { __typename?: 'Patient', id: string, firstName: string, lastName: string, dateOfBirth: string, accountNumber: string, payNowUrl?: string | null, payNowUnavailableReason?: PayNowUnavailableReason | null, balance: { __typename?: 'Money', amountCents: number, formatted: string }, charges: Array<{ __typename?: 'Charge', id: string, serviceDate: string, cptCode: string, description: string, amount: { __typename?: 'Money', amountCents: number, formatted: string }, insurancePaid: { __typename?: 'Money', amountCents: number, formatted: string }, adjustments: { __typename?: 'Money', amountCents: number, formatted: string }, patientPaid: { __typename?: 'Money', amountCents: number, formatted: string }, balance: { __typename?: 'Money', amountCents: number, formatted: string } }>, payments: Array<{ __typename?: 'Payment', id: string, receivedAt: string, kind: PaymentKind, method: PaymentMethod, cardType?: string | null, amount: { __typename?: 'Money', amountCents: number, formatted: string }, unapplied: { __typename?: 'Money', amountCents: number, formatted: string }, applications: Array<{ __typename?: 'PaymentApplication', amount: { __typename?: 'Money', formatted: string }, charge: { __typename?: 'Charge', id: string, serviceDate: string, description: string } }> }>, paymentsBeingPosted: Array<{ __typename?: 'PaymentBeingPosted', receivedAt: string, amount: { __typename?: 'Money', amountCents: number, formatted: string } }>, balanceAfterPaymentsBeingPosted: { __typename?: 'Money', amountCents: number, formatted: string } };

export type FamilyPageQueryVariables = Exact<{ [key: string]: never; }>;


export type FamilyPageQuery = { __typename?: 'Query', patients: { __typename?: 'PatientConnection', totalCount: number, edges: Array<{ __typename?: 'PatientEdge', node: { __typename?: 'Patient', id: string, firstName: string, lastName: string, dateOfBirth: string, accountNumber: string, payNowUrl?: string | null, payNowUnavailableReason?: PayNowUnavailableReason | null, balance: { __typename?: 'Money', amountCents: number, formatted: string }, charges: Array<{ __typename?: 'Charge', id: string, serviceDate: string, cptCode: string, description: string, amount: { __typename?: 'Money', amountCents: number, formatted: string }, insurancePaid: { __typename?: 'Money', amountCents: number, formatted: string }, adjustments: { __typename?: 'Money', amountCents: number, formatted: string }, patientPaid: { __typename?: 'Money', amountCents: number, formatted: string }, balance: { __typename?: 'Money', amountCents: number, formatted: string } }>, payments: Array<{ __typename?: 'Payment', id: string, receivedAt: string, kind: PaymentKind, method: PaymentMethod, cardType?: string | null, amount: { __typename?: 'Money', amountCents: number, formatted: string }, unapplied: { __typename?: 'Money', amountCents: number, formatted: string }, applications: Array<{ __typename?: 'PaymentApplication', amount: { __typename?: 'Money', formatted: string }, charge: { __typename?: 'Charge', id: string, serviceDate: string, description: string } }> }>, paymentsBeingPosted: Array<{ __typename?: 'PaymentBeingPosted', receivedAt: string, amount: { __typename?: 'Money', amountCents: number, formatted: string } }>, balanceAfterPaymentsBeingPosted: { __typename?: 'Money', amountCents: number, formatted: string } } }> } };

export type PayNowAction_PatientFragment = { __typename?: 'Patient', firstName: string, lastName: string, payNowUrl?: string | null, payNowUnavailableReason?: PayNowUnavailableReason | null, balance: { __typename?: 'Money', amountCents: number } };

export type OnlinePatientServicesQueryVariables = Exact<{ [key: string]: never; }>;


export type OnlinePatientServicesQuery = { __typename?: 'Query', clearinghouseSettings: { __typename?: 'ClearinghouseSettings', clearinghouse?: Clearinghouse | null, clearinghouseId?: string | null, onlinePaymentsEnabled: boolean, sandbox: boolean }, clearinghouseOptions: Array<{ __typename?: 'ClearinghouseOption', clearinghouse: Clearinghouse, name: string, idLabel: string }> };

export type PatientDetailQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type PatientDetailQuery = { __typename?: 'Query', patient?: { __typename?: 'Patient', id: string, firstName: string, lastName: string, dateOfBirth: string, accountNumber: string, payNowUrl?: string | null, payNowUnavailableReason?: PayNowUnavailableReason | null, balance: { __typename?: 'Money', amountCents: number, formatted: string }, charges: Array<{ __typename?: 'Charge', id: string, serviceDate: string, cptCode: string, description: string, amount: { __typename?: 'Money', amountCents: number, formatted: string }, insurancePaid: { __typename?: 'Money', amountCents: number, formatted: string }, adjustments: { __typename?: 'Money', amountCents: number, formatted: string }, patientPaid: { __typename?: 'Money', amountCents: number, formatted: string }, balance: { __typename?: 'Money', amountCents: number, formatted: string } }>, payments: Array<{ __typename?: 'Payment', id: string, receivedAt: string, kind: PaymentKind, method: PaymentMethod, cardType?: string | null, amount: { __typename?: 'Money', amountCents: number, formatted: string }, unapplied: { __typename?: 'Money', amountCents: number, formatted: string }, applications: Array<{ __typename?: 'PaymentApplication', amount: { __typename?: 'Money', formatted: string }, charge: { __typename?: 'Charge', id: string, serviceDate: string, description: string } }> }>, paymentsBeingPosted: Array<{ __typename?: 'PaymentBeingPosted', receivedAt: string, amount: { __typename?: 'Money', formatted: string } }> } | null };

export type PatientsPageQueryVariables = Exact<{
  search?: InputMaybe<Scalars['String']['input']>;
  hasBalance?: InputMaybe<Scalars['Boolean']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type PatientsPageQuery = { __typename?: 'Query', patients: { __typename?: 'PatientConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'PatientEdge', cursor: string, node: { __typename?: 'Patient', id: string, firstName: string, lastName: string, dateOfBirth: string, accountNumber: string, balance: { __typename?: 'Money', amountCents: number, formatted: string } } }> } };

export type PatientsTable_PatientFragment = { __typename?: 'Patient', id: string, firstName: string, lastName: string, dateOfBirth: string, accountNumber: string, balance: { __typename?: 'Money', amountCents: number, formatted: string } };

export type EbillingPreferencesForm_PreferencesFragment = { __typename?: 'EbillingPreferences', agentEnabled: boolean, agentIntervalMinutes: number, notificationEmails: Array<string>, payeeNpi?: string | null, instamedMerchantId?: string | null, waystarAccountName?: string | null, testMode: boolean, dropFolders: Array<string> };

export type UpdateEbillingPreferencesMutationVariables = Exact<{
  input: EbillingPreferencesInput;
}>;


export type UpdateEbillingPreferencesMutation = { __typename?: 'Mutation', updateEbillingPreferences: { __typename?: 'EbillingPreferences', agentEnabled: boolean, agentIntervalMinutes: number, notificationEmails: Array<string>, payeeNpi?: string | null, instamedMerchantId?: string | null, waystarAccountName?: string | null, testMode: boolean, dropFolders: Array<string> } };

export type PreferencesForm_SettingsFragment = { __typename?: 'ClearinghouseSettings', clearinghouse?: Clearinghouse | null, clearinghouseId?: string | null, onlinePaymentsEnabled: boolean };

export type PreferencesForm_OptionFragment = { __typename?: 'ClearinghouseOption', clearinghouse: Clearinghouse, name: string, idLabel: string, idHelp: string, idExample: string, available: boolean };

export type UpdateClearinghouseSettingsMutationVariables = Exact<{
  input: UpdateClearinghouseSettingsInput;
}>;


export type UpdateClearinghouseSettingsMutation = { __typename?: 'Mutation', updateClearinghouseSettings: { __typename?: 'ClearinghouseSettings', clearinghouse?: Clearinghouse | null, clearinghouseId?: string | null, onlinePaymentsEnabled: boolean, payNowUrlPreview?: string | null, sandbox: boolean, updatedAt?: string | null, updatedBy?: { __typename?: 'StaffName', firstName: string, lastName: string } | null, history: Array<{ __typename?: 'ClearinghouseSettingsChange', version: number, clearinghouse?: Clearinghouse | null, clearinghouseId?: string | null, onlinePaymentsEnabled: boolean, changedAt: string, changedBy: { __typename?: 'StaffName', firstName: string, lastName: string } }> } };

export type PreferencesPageQueryVariables = Exact<{ [key: string]: never; }>;


export type PreferencesPageQuery = { __typename?: 'Query', me?: { __typename?: 'User', id: string, role: Role } | null, clearinghouseOptions: Array<{ __typename?: 'ClearinghouseOption', clearinghouse: Clearinghouse, name: string, idLabel: string, idHelp: string, idExample: string, available: boolean }>, clearinghouseSettings: { __typename?: 'ClearinghouseSettings', clearinghouse?: Clearinghouse | null, clearinghouseId?: string | null, onlinePaymentsEnabled: boolean, payNowUrlPreview?: string | null, sandbox: boolean, updatedAt?: string | null, updatedBy?: { __typename?: 'StaffName', firstName: string, lastName: string } | null, history: Array<{ __typename?: 'ClearinghouseSettingsChange', version: number, clearinghouse?: Clearinghouse | null, clearinghouseId?: string | null, onlinePaymentsEnabled: boolean, changedAt: string, changedBy: { __typename?: 'StaffName', firstName: string, lastName: string } }> }, ebillingPreferences: { __typename?: 'EbillingPreferences', agentEnabled: boolean, agentIntervalMinutes: number, notificationEmails: Array<string>, payeeNpi?: string | null, instamedMerchantId?: string | null, waystarAccountName?: string | null, testMode: boolean, dropFolders: Array<string> }, ebillingStatus: { __typename?: 'EbillingStatus', agentLastRunAt?: string | null } };

export type SettingsHistory_SettingsFragment = { __typename?: 'ClearinghouseSettings', history: Array<{ __typename?: 'ClearinghouseSettingsChange', version: number, clearinghouse?: Clearinghouse | null, clearinghouseId?: string | null, onlinePaymentsEnabled: boolean, changedAt: string, changedBy: { __typename?: 'StaffName', firstName: string, lastName: string } }> };

export type SettingsSummary_SettingsFragment = { __typename?: 'ClearinghouseSettings', payNowUrlPreview?: string | null, sandbox: boolean, updatedAt?: string | null, updatedBy?: { __typename?: 'StaffName', firstName: string, lastName: string } | null };

export const ConflictCard_ConflictFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConflictCard_conflict"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PaymentConflict"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"transactionId"}},{"kind":"Field","name":{"kind":"Name","value":"originalTransactionId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountNumber"}},{"kind":"Field","name":{"kind":"Name","value":"payerName"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"differences"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resolutionNote"}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"payment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountNumber"}},{"kind":"Field","name":{"kind":"Name","value":"payerName"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}}]}}]}}]}}]} as unknown as DocumentNode<ConflictCard_ConflictFragment, unknown>;
export const PaymentsTable_PaymentFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PaymentsTable_payment"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Payment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"postedAt"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"cardType"}},{"kind":"Field","name":{"kind":"Name","value":"transactionId"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unapplied"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"applications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"charge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serviceDate"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]} as unknown as DocumentNode<PaymentsTable_PaymentFragment, unknown>;
export const ReportsTable_ReportFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReportsTable_report"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RemittanceReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"formatVersion"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"payee"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"canRetry"}},{"kind":"Field","name":{"kind":"Name","value":"paymentsPosted"}},{"kind":"Field","name":{"kind":"Name","value":"refundsPosted"}},{"kind":"Field","name":{"kind":"Name","value":"paymentsUnmatched"}},{"kind":"Field","name":{"kind":"Name","value":"duplicates"}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}}]}}]} as unknown as DocumentNode<ReportsTable_ReportFragment, unknown>;
export const RunSummary_ResultFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RunSummary_result"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FetchAndProcessResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportsFetched"}},{"kind":"Field","name":{"kind":"Name","value":"reportsProcessed"}},{"kind":"Field","name":{"kind":"Name","value":"reportsFailed"}},{"kind":"Field","name":{"kind":"Name","value":"paymentsPosted"}},{"kind":"Field","name":{"kind":"Name","value":"refundsPosted"}},{"kind":"Field","name":{"kind":"Name","value":"paymentsUnmatched"}},{"kind":"Field","name":{"kind":"Name","value":"duplicates"}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"}},{"kind":"Field","name":{"kind":"Name","value":"fetchError"}},{"kind":"Field","name":{"kind":"Name","value":"reports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<RunSummary_ResultFragment, unknown>;
export const ChargeTable_ChargeFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChargeTable_charge"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Charge"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serviceDate"}},{"kind":"Field","name":{"kind":"Name","value":"cptCode"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"insurancePaid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"adjustments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"patientPaid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}}]}}]} as unknown as DocumentNode<ChargeTable_ChargeFragment, unknown>;
export const PaymentHistory_PaymentFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PaymentHistory_payment"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Payment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"cardType"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unapplied"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"applications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"charge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serviceDate"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]} as unknown as DocumentNode<PaymentHistory_PaymentFragment, unknown>;
export const PayNowAction_PatientFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PayNowAction_patient"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Patient"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"payNowUrl"}},{"kind":"Field","name":{"kind":"Name","value":"payNowUnavailableReason"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}}]}}]}}]} as unknown as DocumentNode<PayNowAction_PatientFragment, unknown>;
export const ChildCard_PatientFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChildCard_patient"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Patient"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"accountNumber"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"charges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChargeTable_charge"}}]}},{"kind":"Field","name":{"kind":"Name","value":"payments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PaymentHistory_payment"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paymentsBeingPosted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"balanceAfterPaymentsBeingPosted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PayNowAction_patient"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChargeTable_charge"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Charge"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serviceDate"}},{"kind":"Field","name":{"kind":"Name","value":"cptCode"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"insurancePaid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"adjustments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"patientPaid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PaymentHistory_payment"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Payment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"cardType"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unapplied"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"applications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"charge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serviceDate"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PayNowAction_patient"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Patient"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"payNowUrl"}},{"kind":"Field","name":{"kind":"Name","value":"payNowUnavailableReason"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}}]}}]}}]} as unknown as DocumentNode<ChildCard_PatientFragment, unknown>;
export const PatientsTable_PatientFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PatientsTable_patient"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Patient"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"accountNumber"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}}]}}]} as unknown as DocumentNode<PatientsTable_PatientFragment, unknown>;
export const EbillingPreferencesForm_PreferencesFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EbillingPreferencesForm_preferences"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EbillingPreferences"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agentEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"agentIntervalMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"notificationEmails"}},{"kind":"Field","name":{"kind":"Name","value":"payeeNpi"}},{"kind":"Field","name":{"kind":"Name","value":"instamedMerchantId"}},{"kind":"Field","name":{"kind":"Name","value":"waystarAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"testMode"}},{"kind":"Field","name":{"kind":"Name","value":"dropFolders"}}]}}]} as unknown as DocumentNode<EbillingPreferencesForm_PreferencesFragment, unknown>;
export const PreferencesForm_SettingsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PreferencesForm_settings"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClearinghouseSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clearinghouse"}},{"kind":"Field","name":{"kind":"Name","value":"clearinghouseId"}},{"kind":"Field","name":{"kind":"Name","value":"onlinePaymentsEnabled"}}]}}]} as unknown as DocumentNode<PreferencesForm_SettingsFragment, unknown>;
export const PreferencesForm_OptionFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PreferencesForm_option"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClearinghouseOption"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clearinghouse"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"idLabel"}},{"kind":"Field","name":{"kind":"Name","value":"idHelp"}},{"kind":"Field","name":{"kind":"Name","value":"idExample"}},{"kind":"Field","name":{"kind":"Name","value":"available"}}]}}]} as unknown as DocumentNode<PreferencesForm_OptionFragment, unknown>;
export const SettingsHistory_SettingsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SettingsHistory_settings"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClearinghouseSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"history"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"clearinghouse"}},{"kind":"Field","name":{"kind":"Name","value":"clearinghouseId"}},{"kind":"Field","name":{"kind":"Name","value":"onlinePaymentsEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}},{"kind":"Field","name":{"kind":"Name","value":"changedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}}]}}]}}]} as unknown as DocumentNode<SettingsHistory_SettingsFragment, unknown>;
export const SettingsSummary_SettingsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SettingsSummary_settings"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClearinghouseSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payNowUrlPreview"}},{"kind":"Field","name":{"kind":"Name","value":"sandbox"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}}]}}]} as unknown as DocumentNode<SettingsSummary_SettingsFragment, unknown>;
export const AppShellDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AppShell"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<AppShellQuery, AppShellQueryVariables>;
export const PortalStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"portalStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"practiceName"}},{"kind":"Field","name":{"kind":"Name","value":"sandbox"}},{"kind":"Field","name":{"kind":"Name","value":"onlinePaymentsEnabled"}}]}}]}}]} as unknown as DocumentNode<PortalStatusQuery, PortalStatusQueryVariables>;
export const SignOutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signOut"}}]}}]} as unknown as DocumentNode<SignOutMutation, SignOutMutationVariables>;
export const SignInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const PaymentConflictsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PaymentConflicts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"includeResolved"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"paymentConflicts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"includeResolved"},"value":{"kind":"Variable","name":{"kind":"Name","value":"includeResolved"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConflictCard_conflict"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConflictCard_conflict"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PaymentConflict"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"transactionId"}},{"kind":"Field","name":{"kind":"Name","value":"originalTransactionId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountNumber"}},{"kind":"Field","name":{"kind":"Name","value":"payerName"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"differences"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resolutionNote"}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"payment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountNumber"}},{"kind":"Field","name":{"kind":"Name","value":"payerName"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}}]}}]}}]}}]} as unknown as DocumentNode<PaymentConflictsQuery, PaymentConflictsQueryVariables>;
export const ResolvePaymentConflictDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResolvePaymentConflict"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resolvePaymentConflict"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConflictCard_conflict"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConflictCard_conflict"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PaymentConflict"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"transactionId"}},{"kind":"Field","name":{"kind":"Name","value":"originalTransactionId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountNumber"}},{"kind":"Field","name":{"kind":"Name","value":"payerName"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"differences"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resolutionNote"}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"payment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountNumber"}},{"kind":"Field","name":{"kind":"Name","value":"payerName"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}}]}}]}}]}}]} as unknown as DocumentNode<ResolvePaymentConflictMutation, ResolvePaymentConflictMutationVariables>;
export const CurrentCreditsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CurrentCredits"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hasCredit"},"value":{"kind":"BooleanValue","value":true}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"accountNumber"}},{"kind":"Field","name":{"kind":"Name","value":"credit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CurrentCreditsQuery, CurrentCreditsQueryVariables>;
export const FetchAndProcessReportsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FetchAndProcessReports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fetchAndProcessReports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RunSummary_result"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RunSummary_result"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FetchAndProcessResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportsFetched"}},{"kind":"Field","name":{"kind":"Name","value":"reportsProcessed"}},{"kind":"Field","name":{"kind":"Name","value":"reportsFailed"}},{"kind":"Field","name":{"kind":"Name","value":"paymentsPosted"}},{"kind":"Field","name":{"kind":"Name","value":"refundsPosted"}},{"kind":"Field","name":{"kind":"Name","value":"paymentsUnmatched"}},{"kind":"Field","name":{"kind":"Name","value":"duplicates"}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"}},{"kind":"Field","name":{"kind":"Name","value":"fetchError"}},{"kind":"Field","name":{"kind":"Name","value":"reports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<FetchAndProcessReportsMutation, FetchAndProcessReportsMutationVariables>;
export const ProcessReportsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProcessReports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"processReports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RunSummary_result"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RunSummary_result"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FetchAndProcessResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportsFetched"}},{"kind":"Field","name":{"kind":"Name","value":"reportsProcessed"}},{"kind":"Field","name":{"kind":"Name","value":"reportsFailed"}},{"kind":"Field","name":{"kind":"Name","value":"paymentsPosted"}},{"kind":"Field","name":{"kind":"Name","value":"refundsPosted"}},{"kind":"Field","name":{"kind":"Name","value":"paymentsUnmatched"}},{"kind":"Field","name":{"kind":"Name","value":"duplicates"}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"}},{"kind":"Field","name":{"kind":"Name","value":"fetchError"}},{"kind":"Field","name":{"kind":"Name","value":"reports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<ProcessReportsMutation, ProcessReportsMutationVariables>;
export const EbillingStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EbillingStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ebillingStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unmatchedCount"}},{"kind":"Field","name":{"kind":"Name","value":"postedLastDayCount"}},{"kind":"Field","name":{"kind":"Name","value":"reportsFailedCount"}},{"kind":"Field","name":{"kind":"Name","value":"conflictsCount"}}]}}]}}]} as unknown as DocumentNode<EbillingStatusQuery, EbillingStatusQueryVariables>;
export const PatientPickerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PatientPicker"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"accountNumber"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PatientPickerQuery, PatientPickerQueryVariables>;
export const EbillingPaymentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EbillingPayments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PaymentsTable_payment"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PaymentsTable_payment"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Payment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"postedAt"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"cardType"}},{"kind":"Field","name":{"kind":"Name","value":"transactionId"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unapplied"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"applications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"charge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serviceDate"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]} as unknown as DocumentNode<EbillingPaymentsQuery, EbillingPaymentsQueryVariables>;
export const RemittanceReportsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RemittanceReports"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"remittanceReports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportsTable_report"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReportsTable_report"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RemittanceReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"formatVersion"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"payee"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"canRetry"}},{"kind":"Field","name":{"kind":"Name","value":"paymentsPosted"}},{"kind":"Field","name":{"kind":"Name","value":"refundsPosted"}},{"kind":"Field","name":{"kind":"Name","value":"paymentsUnmatched"}},{"kind":"Field","name":{"kind":"Name","value":"duplicates"}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}}]}}]} as unknown as DocumentNode<RemittanceReportsQuery, RemittanceReportsQueryVariables>;
export const RetryReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RetryReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportsTable_report"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReportsTable_report"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RemittanceReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"formatVersion"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"payee"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"canRetry"}},{"kind":"Field","name":{"kind":"Name","value":"paymentsPosted"}},{"kind":"Field","name":{"kind":"Name","value":"refundsPosted"}},{"kind":"Field","name":{"kind":"Name","value":"paymentsUnmatched"}},{"kind":"Field","name":{"kind":"Name","value":"duplicates"}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}}]}}]} as unknown as DocumentNode<RetryReportMutation, RetryReportMutationVariables>;
export const UnmatchedPaymentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UnmatchedPayments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unmatchedPayments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"payerName"}},{"kind":"Field","name":{"kind":"Name","value":"accountNumber"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"transactionId"}},{"kind":"Field","name":{"kind":"Name","value":"originalTransactionId"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reverses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"transactionId"}}]}}]}}]}}]} as unknown as DocumentNode<UnmatchedPaymentsQuery, UnmatchedPaymentsQueryVariables>;
export const MatchUnmatchedPaymentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MatchUnmatchedPayment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"paymentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"patientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"matchUnmatchedPayment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"paymentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"paymentId"}}},{"kind":"Argument","name":{"kind":"Name","value":"patientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"patientId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}}]}}]}}]} as unknown as DocumentNode<MatchUnmatchedPaymentMutation, MatchUnmatchedPaymentMutationVariables>;
export const MatchUnmatchedRefundDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MatchUnmatchedRefund"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"paymentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"saleId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"matchUnmatchedRefund"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"paymentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"paymentId"}}},{"kind":"Argument","name":{"kind":"Name","value":"saleId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"saleId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}}]}}]}}]} as unknown as DocumentNode<MatchUnmatchedRefundMutation, MatchUnmatchedRefundMutationVariables>;
export const RefundMatchPaymentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RefundMatchPayments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"patientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"patientId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"payments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"transactionId"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unapplied"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"remaining"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RefundMatchPaymentsQuery, RefundMatchPaymentsQueryVariables>;
export const FamilyPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FamilyPage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"25"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChildCard_patient"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChargeTable_charge"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Charge"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serviceDate"}},{"kind":"Field","name":{"kind":"Name","value":"cptCode"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"insurancePaid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"adjustments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"patientPaid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PaymentHistory_payment"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Payment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"cardType"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unapplied"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"applications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"charge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serviceDate"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PayNowAction_patient"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Patient"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"payNowUrl"}},{"kind":"Field","name":{"kind":"Name","value":"payNowUnavailableReason"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChildCard_patient"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Patient"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"accountNumber"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"charges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChargeTable_charge"}}]}},{"kind":"Field","name":{"kind":"Name","value":"payments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PaymentHistory_payment"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paymentsBeingPosted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"balanceAfterPaymentsBeingPosted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PayNowAction_patient"}}]}}]} as unknown as DocumentNode<FamilyPageQuery, FamilyPageQueryVariables>;
export const OnlinePatientServicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OnlinePatientServices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clearinghouseSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clearinghouse"}},{"kind":"Field","name":{"kind":"Name","value":"clearinghouseId"}},{"kind":"Field","name":{"kind":"Name","value":"onlinePaymentsEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"sandbox"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clearinghouseOptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clearinghouse"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"idLabel"}}]}}]}}]} as unknown as DocumentNode<OnlinePatientServicesQuery, OnlinePatientServicesQueryVariables>;
export const PatientDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PatientDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"accountNumber"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"payNowUrl"}},{"kind":"Field","name":{"kind":"Name","value":"payNowUnavailableReason"}},{"kind":"Field","name":{"kind":"Name","value":"charges"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"includePaid"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChargeTable_charge"}}]}},{"kind":"Field","name":{"kind":"Name","value":"payments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PaymentHistory_payment"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paymentsBeingPosted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChargeTable_charge"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Charge"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serviceDate"}},{"kind":"Field","name":{"kind":"Name","value":"cptCode"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"insurancePaid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"adjustments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"patientPaid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PaymentHistory_payment"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Payment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"cardType"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unapplied"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"applications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"charge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serviceDate"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]} as unknown as DocumentNode<PatientDetailQuery, PatientDetailQueryVariables>;
export const PatientsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PatientsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hasBalance"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"hasBalance"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hasBalance"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PatientsTable_patient"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PatientsTable_patient"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Patient"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"accountNumber"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}}]}}]} as unknown as DocumentNode<PatientsPageQuery, PatientsPageQueryVariables>;
export const UpdateEbillingPreferencesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateEbillingPreferences"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EbillingPreferencesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateEbillingPreferences"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EbillingPreferencesForm_preferences"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EbillingPreferencesForm_preferences"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EbillingPreferences"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agentEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"agentIntervalMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"notificationEmails"}},{"kind":"Field","name":{"kind":"Name","value":"payeeNpi"}},{"kind":"Field","name":{"kind":"Name","value":"instamedMerchantId"}},{"kind":"Field","name":{"kind":"Name","value":"waystarAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"testMode"}},{"kind":"Field","name":{"kind":"Name","value":"dropFolders"}}]}}]} as unknown as DocumentNode<UpdateEbillingPreferencesMutation, UpdateEbillingPreferencesMutationVariables>;
export const UpdateClearinghouseSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateClearinghouseSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateClearinghouseSettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateClearinghouseSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PreferencesForm_settings"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"SettingsSummary_settings"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"SettingsHistory_settings"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PreferencesForm_settings"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClearinghouseSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clearinghouse"}},{"kind":"Field","name":{"kind":"Name","value":"clearinghouseId"}},{"kind":"Field","name":{"kind":"Name","value":"onlinePaymentsEnabled"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SettingsSummary_settings"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClearinghouseSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payNowUrlPreview"}},{"kind":"Field","name":{"kind":"Name","value":"sandbox"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SettingsHistory_settings"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClearinghouseSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"history"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"clearinghouse"}},{"kind":"Field","name":{"kind":"Name","value":"clearinghouseId"}},{"kind":"Field","name":{"kind":"Name","value":"onlinePaymentsEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}},{"kind":"Field","name":{"kind":"Name","value":"changedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateClearinghouseSettingsMutation, UpdateClearinghouseSettingsMutationVariables>;
export const PreferencesPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PreferencesPage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clearinghouseOptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PreferencesForm_option"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clearinghouseSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PreferencesForm_settings"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"SettingsSummary_settings"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"SettingsHistory_settings"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ebillingPreferences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EbillingPreferencesForm_preferences"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ebillingStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agentLastRunAt"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PreferencesForm_option"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClearinghouseOption"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clearinghouse"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"idLabel"}},{"kind":"Field","name":{"kind":"Name","value":"idHelp"}},{"kind":"Field","name":{"kind":"Name","value":"idExample"}},{"kind":"Field","name":{"kind":"Name","value":"available"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PreferencesForm_settings"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClearinghouseSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clearinghouse"}},{"kind":"Field","name":{"kind":"Name","value":"clearinghouseId"}},{"kind":"Field","name":{"kind":"Name","value":"onlinePaymentsEnabled"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SettingsSummary_settings"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClearinghouseSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payNowUrlPreview"}},{"kind":"Field","name":{"kind":"Name","value":"sandbox"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SettingsHistory_settings"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClearinghouseSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"history"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"clearinghouse"}},{"kind":"Field","name":{"kind":"Name","value":"clearinghouseId"}},{"kind":"Field","name":{"kind":"Name","value":"onlinePaymentsEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}},{"kind":"Field","name":{"kind":"Name","value":"changedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EbillingPreferencesForm_preferences"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EbillingPreferences"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agentEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"agentIntervalMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"notificationEmails"}},{"kind":"Field","name":{"kind":"Name","value":"payeeNpi"}},{"kind":"Field","name":{"kind":"Name","value":"instamedMerchantId"}},{"kind":"Field","name":{"kind":"Name","value":"waystarAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"testMode"}},{"kind":"Field","name":{"kind":"Name","value":"dropFolders"}}]}}]} as unknown as DocumentNode<PreferencesPageQuery, PreferencesPageQueryVariables>;