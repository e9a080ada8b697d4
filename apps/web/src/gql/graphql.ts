/* eslint-disable */
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
};


export type MutationSignInArgs = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


export type MutationUpdateClearinghouseSettingsArgs = {
  input: UpdateClearinghouseSettingsInput;
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
  /** Itemized charges. By default only those with something still owed. */
  charges: Array<Charge>;
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
  | 'ONLINE_PAYMENTS_OFF';

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
  /** The signed-in user, or null when signed out. */
  me?: Maybe<User>;
  /** One patient, or null when there is none the user may see (another family's child is null too). */
  patient?: Maybe<Patient>;
  /**
   * Patients the signed-in user may see, sorted by last then first name: a parent's own children;
   * for staff, every patient of the practice. `search` matches name or account number;
   * `hasBalance: true` keeps those with a balance due. `first` is at most 100.
   */
  patients: PatientConnection;
  /**
   * Whether Pay Now goes to the clearinghouse sandbox (no real money), for the portal's banner.
   * Open to every signed-in user.
   */
  portalStatus: PortalStatus;
};


export type QueryPatientArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPatientsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  hasBalance?: InputMaybe<Scalars['Boolean']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};

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
