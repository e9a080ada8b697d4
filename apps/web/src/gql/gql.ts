/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AppShell {\n    me {\n      id\n      firstName\n      lastName\n      role\n    }\n  }\n": typeof types.AppShellDocument,
    "\n  query PortalStatus {\n    portalStatus {\n      practiceName\n      sandbox\n      onlinePaymentsEnabled\n    }\n  }\n": typeof types.PortalStatusDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  fragment ChargeTable_charge on Charge {\n    id\n    serviceDate\n    cptCode\n    description\n    amount {\n      amountCents\n      formatted\n    }\n    insurancePaid {\n      amountCents\n      formatted\n    }\n    adjustments {\n      amountCents\n      formatted\n    }\n    patientPaid {\n      amountCents\n      formatted\n    }\n    balance {\n      amountCents\n      formatted\n    }\n  }\n": typeof types.ChargeTable_ChargeFragmentDoc,
    "\n  fragment PaymentHistory_payment on Payment {\n    id\n    receivedAt\n    kind\n    method\n    cardType\n    amount {\n      amountCents\n      formatted\n    }\n    unapplied {\n      amountCents\n      formatted\n    }\n    applications {\n      amount {\n        formatted\n      }\n      charge {\n        id\n        serviceDate\n        description\n      }\n    }\n  }\n": typeof types.PaymentHistory_PaymentFragmentDoc,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      id\n      firstName\n      lastName\n      role\n    }\n  }\n": typeof types.SignInDocument,
    "\n  fragment ConflictCard_conflict on PaymentConflict {\n    id\n    transactionId\n    originalTransactionId\n    kind\n    amount {\n      amountCents\n      formatted\n    }\n    accountNumber\n    payerName\n    occurredAt\n    location\n    differences\n    createdAt\n    resolvedAt\n    resolvedBy {\n      firstName\n      lastName\n    }\n    resolutionNote\n    report {\n      id\n      fileName\n    }\n    payment {\n      id\n      kind\n      status\n      amount {\n        amountCents\n        formatted\n      }\n      accountNumber\n      payerName\n      receivedAt\n      location\n      patient {\n        id\n        firstName\n        lastName\n      }\n      report {\n        id\n        fileName\n      }\n    }\n  }\n": typeof types.ConflictCard_ConflictFragmentDoc,
    "\n  query PaymentConflicts($includeResolved: Boolean) {\n    paymentConflicts(includeResolved: $includeResolved) {\n      id\n      ...ConflictCard_conflict\n    }\n  }\n": typeof types.PaymentConflictsDocument,
    "\n  mutation ResolvePaymentConflict($id: ID!, $note: String!) {\n    resolvePaymentConflict(id: $id, note: $note) {\n      id\n      ...ConflictCard_conflict\n    }\n  }\n": typeof types.ResolvePaymentConflictDocument,
    "\n  query CurrentCredits($first: Int, $after: String) {\n    patients(hasCredit: true, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          accountNumber\n          credit {\n            formatted\n          }\n        }\n      }\n    }\n  }\n": typeof types.CurrentCreditsDocument,
    "\n  mutation FetchAndProcessReports {\n    fetchAndProcessReports {\n      ...RunSummary_result\n    }\n  }\n": typeof types.FetchAndProcessReportsDocument,
    "\n  mutation ProcessReports {\n    processReports {\n      ...RunSummary_result\n    }\n  }\n": typeof types.ProcessReportsDocument,
    "\n  query EbillingStatus {\n    ebillingStatus {\n      unmatchedCount\n      postedLastDayCount\n      reportsFailedCount\n      conflictsCount\n    }\n  }\n": typeof types.EbillingStatusDocument,
    "\n  query PatientPicker($search: String!) {\n    patients(search: $search, first: 10) {\n      totalCount\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          dateOfBirth\n          accountNumber\n        }\n      }\n    }\n  }\n": typeof types.PatientPickerDocument,
    "\n  fragment PaymentsTable_payment on Payment {\n    id\n    receivedAt\n    postedAt\n    kind\n    method\n    cardType\n    transactionId\n    amount {\n      amountCents\n      formatted\n    }\n    unapplied {\n      amountCents\n      formatted\n    }\n    patient {\n      id\n      firstName\n      lastName\n    }\n    applications {\n      amount {\n        formatted\n      }\n      charge {\n        id\n        serviceDate\n        description\n      }\n    }\n  }\n": typeof types.PaymentsTable_PaymentFragmentDoc,
    "\n  query EbillingPayments($first: Int, $after: String) {\n    payments(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...PaymentsTable_payment\n      }\n    }\n  }\n": typeof types.EbillingPaymentsDocument,
    "\n  fragment ReportsTable_report on RemittanceReport {\n    id\n    receivedAt\n    fileName\n    source\n    format\n    formatVersion\n    sizeBytes\n    payee\n    status\n    error\n    canRetry\n    paymentsPosted\n    refundsPosted\n    paymentsUnmatched\n    duplicates\n    conflicts\n    total {\n      amountCents\n      formatted\n    }\n    downloadUrl\n  }\n": typeof types.ReportsTable_ReportFragmentDoc,
    "\n  query RemittanceReports($first: Int, $after: String) {\n    remittanceReports(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...ReportsTable_report\n      }\n    }\n  }\n": typeof types.RemittanceReportsDocument,
    "\n  mutation RetryReport($id: ID!) {\n    retryReport(id: $id) {\n      id\n      ...ReportsTable_report\n    }\n  }\n": typeof types.RetryReportDocument,
    "\n  fragment RunSummary_result on FetchAndProcessResult {\n    reportsFetched\n    reportsProcessed\n    reportsFailed\n    paymentsPosted\n    refundsPosted\n    paymentsUnmatched\n    duplicates\n    conflicts\n    fetchError\n    reports {\n      id\n      fileName\n      status\n      error\n    }\n  }\n": typeof types.RunSummary_ResultFragmentDoc,
    "\n  query UnmatchedPayments {\n    unmatchedPayments {\n      id\n      receivedAt\n      payerName\n      accountNumber\n      kind\n      transactionId\n      originalTransactionId\n      amount {\n        amountCents\n        formatted\n      }\n      reverses {\n        id\n        transactionId\n      }\n    }\n  }\n": typeof types.UnmatchedPaymentsDocument,
    "\n  mutation MatchUnmatchedPayment($paymentId: ID!, $patientId: ID!) {\n    matchUnmatchedPayment(paymentId: $paymentId, patientId: $patientId) {\n      id\n      status\n      patient {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n": typeof types.MatchUnmatchedPaymentDocument,
    "\n  mutation MatchUnmatchedRefund($paymentId: ID!, $saleId: ID!) {\n    matchUnmatchedRefund(paymentId: $paymentId, saleId: $saleId) {\n      id\n      status\n      patient {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n": typeof types.MatchUnmatchedRefundDocument,
    "\n  query RefundMatchPayments($patientId: ID!) {\n    patient(id: $patientId) {\n      id\n      firstName\n      lastName\n      payments {\n        id\n        kind\n        status\n        receivedAt\n        transactionId\n        amount {\n          amountCents\n          formatted\n        }\n        unapplied {\n          amountCents\n          formatted\n        }\n        remaining {\n          amountCents\n          formatted\n        }\n      }\n    }\n  }\n": typeof types.RefundMatchPaymentsDocument,
    "\n  fragment ChildCard_patient on Patient {\n    id\n    firstName\n    lastName\n    dateOfBirth\n    accountNumber\n    balance {\n      amountCents\n      formatted\n    }\n    charges {\n      id\n      ...ChargeTable_charge\n    }\n    payments {\n      id\n      ...PaymentHistory_payment\n    }\n    paymentsBeingPosted {\n      receivedAt\n      amount {\n        amountCents\n        formatted\n      }\n    }\n    balanceAfterPaymentsBeingPosted {\n      amountCents\n      formatted\n    }\n    ...PayNowAction_patient\n  }\n": typeof types.ChildCard_PatientFragmentDoc,
    "\n  query FamilyPage {\n    patients(first: 25) {\n      totalCount\n      edges {\n        node {\n          id\n          ...ChildCard_patient\n        }\n      }\n    }\n  }\n": typeof types.FamilyPageDocument,
    "\n  fragment PayNowAction_patient on Patient {\n    firstName\n    lastName\n    payNowUrl\n    payNowUnavailableReason\n    balance {\n      amountCents\n    }\n  }\n": typeof types.PayNowAction_PatientFragmentDoc,
    "\n  query OnlinePatientServices {\n    clearinghouseSettings {\n      clearinghouse\n      clearinghouseId\n      onlinePaymentsEnabled\n      sandbox\n    }\n    clearinghouseOptions {\n      clearinghouse\n      name\n      idLabel\n    }\n  }\n": typeof types.OnlinePatientServicesDocument,
    "\n  query PatientDetail($id: ID!) {\n    patient(id: $id) {\n      id\n      firstName\n      lastName\n      dateOfBirth\n      accountNumber\n      balance {\n        amountCents\n        formatted\n      }\n      payNowUrl\n      payNowUnavailableReason\n      charges(includePaid: true) {\n        id\n        ...ChargeTable_charge\n      }\n      payments {\n        id\n        ...PaymentHistory_payment\n      }\n      paymentsBeingPosted {\n        receivedAt\n        amount {\n          formatted\n        }\n      }\n    }\n  }\n": typeof types.PatientDetailDocument,
    "\n  query PatientsPage($search: String, $hasBalance: Boolean, $first: Int, $after: String) {\n    patients(search: $search, hasBalance: $hasBalance, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...PatientsTable_patient\n        }\n      }\n    }\n  }\n": typeof types.PatientsPageDocument,
    "\n  fragment PatientsTable_patient on Patient {\n    id\n    firstName\n    lastName\n    dateOfBirth\n    accountNumber\n    balance {\n      amountCents\n      formatted\n    }\n  }\n": typeof types.PatientsTable_PatientFragmentDoc,
    "\n  fragment EbillingPreferencesForm_preferences on EbillingPreferences {\n    agentEnabled\n    agentIntervalMinutes\n    notificationEmails\n    payeeNpi\n    instamedMerchantId\n    waystarAccountName\n    testMode\n    dropFolders\n  }\n": typeof types.EbillingPreferencesForm_PreferencesFragmentDoc,
    "\n  mutation UpdateEbillingPreferences($input: EbillingPreferencesInput!) {\n    updateEbillingPreferences(input: $input) {\n      ...EbillingPreferencesForm_preferences\n    }\n  }\n": typeof types.UpdateEbillingPreferencesDocument,
    "\n  fragment PreferencesForm_settings on ClearinghouseSettings {\n    clearinghouse\n    clearinghouseId\n    onlinePaymentsEnabled\n  }\n": typeof types.PreferencesForm_SettingsFragmentDoc,
    "\n  fragment PreferencesForm_option on ClearinghouseOption {\n    clearinghouse\n    name\n    idLabel\n    idHelp\n    idExample\n    available\n  }\n": typeof types.PreferencesForm_OptionFragmentDoc,
    "\n  mutation UpdateClearinghouseSettings($input: UpdateClearinghouseSettingsInput!) {\n    updateClearinghouseSettings(input: $input) {\n      ...PreferencesForm_settings\n      ...SettingsSummary_settings\n      ...SettingsHistory_settings\n    }\n  }\n": typeof types.UpdateClearinghouseSettingsDocument,
    "\n  query PreferencesPage {\n    me {\n      id\n      role\n    }\n    clearinghouseOptions {\n      ...PreferencesForm_option\n    }\n    clearinghouseSettings {\n      ...PreferencesForm_settings\n      ...SettingsSummary_settings\n      ...SettingsHistory_settings\n    }\n    ebillingPreferences {\n      ...EbillingPreferencesForm_preferences\n    }\n    ebillingStatus {\n      agentLastRunAt\n    }\n  }\n": typeof types.PreferencesPageDocument,
    "\n  fragment SettingsHistory_settings on ClearinghouseSettings {\n    history(first: 10) {\n      version\n      clearinghouse\n      clearinghouseId\n      onlinePaymentsEnabled\n      changedAt\n      changedBy {\n        firstName\n        lastName\n      }\n    }\n  }\n": typeof types.SettingsHistory_SettingsFragmentDoc,
    "\n  fragment SettingsSummary_settings on ClearinghouseSettings {\n    payNowUrlPreview\n    sandbox\n    updatedAt\n    updatedBy {\n      firstName\n      lastName\n    }\n  }\n": typeof types.SettingsSummary_SettingsFragmentDoc,
};
const documents: Documents = {
    "\n  query AppShell {\n    me {\n      id\n      firstName\n      lastName\n      role\n    }\n  }\n": types.AppShellDocument,
    "\n  query PortalStatus {\n    portalStatus {\n      practiceName\n      sandbox\n      onlinePaymentsEnabled\n    }\n  }\n": types.PortalStatusDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  fragment ChargeTable_charge on Charge {\n    id\n    serviceDate\n    cptCode\n    description\n    amount {\n      amountCents\n      formatted\n    }\n    insurancePaid {\n      amountCents\n      formatted\n    }\n    adjustments {\n      amountCents\n      formatted\n    }\n    patientPaid {\n      amountCents\n      formatted\n    }\n    balance {\n      amountCents\n      formatted\n    }\n  }\n": types.ChargeTable_ChargeFragmentDoc,
    "\n  fragment PaymentHistory_payment on Payment {\n    id\n    receivedAt\n    kind\n    method\n    cardType\n    amount {\n      amountCents\n      formatted\n    }\n    unapplied {\n      amountCents\n      formatted\n    }\n    applications {\n      amount {\n        formatted\n      }\n      charge {\n        id\n        serviceDate\n        description\n      }\n    }\n  }\n": types.PaymentHistory_PaymentFragmentDoc,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      id\n      firstName\n      lastName\n      role\n    }\n  }\n": types.SignInDocument,
    "\n  fragment ConflictCard_conflict on PaymentConflict {\n    id\n    transactionId\n    originalTransactionId\n    kind\n    amount {\n      amountCents\n      formatted\n    }\n    accountNumber\n    payerName\n    occurredAt\n    location\n    differences\n    createdAt\n    resolvedAt\n    resolvedBy {\n      firstName\n      lastName\n    }\n    resolutionNote\n    report {\n      id\n      fileName\n    }\n    payment {\n      id\n      kind\n      status\n      amount {\n        amountCents\n        formatted\n      }\n      accountNumber\n      payerName\n      receivedAt\n      location\n      patient {\n        id\n        firstName\n        lastName\n      }\n      report {\n        id\n        fileName\n      }\n    }\n  }\n": types.ConflictCard_ConflictFragmentDoc,
    "\n  query PaymentConflicts($includeResolved: Boolean) {\n    paymentConflicts(includeResolved: $includeResolved) {\n      id\n      ...ConflictCard_conflict\n    }\n  }\n": types.PaymentConflictsDocument,
    "\n  mutation ResolvePaymentConflict($id: ID!, $note: String!) {\n    resolvePaymentConflict(id: $id, note: $note) {\n      id\n      ...ConflictCard_conflict\n    }\n  }\n": types.ResolvePaymentConflictDocument,
    "\n  query CurrentCredits($first: Int, $after: String) {\n    patients(hasCredit: true, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          accountNumber\n          credit {\n            formatted\n          }\n        }\n      }\n    }\n  }\n": types.CurrentCreditsDocument,
    "\n  mutation FetchAndProcessReports {\n    fetchAndProcessReports {\n      ...RunSummary_result\n    }\n  }\n": types.FetchAndProcessReportsDocument,
    "\n  mutation ProcessReports {\n    processReports {\n      ...RunSummary_result\n    }\n  }\n": types.ProcessReportsDocument,
    "\n  query EbillingStatus {\n    ebillingStatus {\n      unmatchedCount\n      postedLastDayCount\n      reportsFailedCount\n      conflictsCount\n    }\n  }\n": types.EbillingStatusDocument,
    "\n  query PatientPicker($search: String!) {\n    patients(search: $search, first: 10) {\n      totalCount\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          dateOfBirth\n          accountNumber\n        }\n      }\n    }\n  }\n": types.PatientPickerDocument,
    "\n  fragment PaymentsTable_payment on Payment {\n    id\n    receivedAt\n    postedAt\n    kind\n    method\n    cardType\n    transactionId\n    amount {\n      amountCents\n      formatted\n    }\n    unapplied {\n      amountCents\n      formatted\n    }\n    patient {\n      id\n      firstName\n      lastName\n    }\n    applications {\n      amount {\n        formatted\n      }\n      charge {\n        id\n        serviceDate\n        description\n      }\n    }\n  }\n": types.PaymentsTable_PaymentFragmentDoc,
    "\n  query EbillingPayments($first: Int, $after: String) {\n    payments(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...PaymentsTable_payment\n      }\n    }\n  }\n": types.EbillingPaymentsDocument,
    "\n  fragment ReportsTable_report on RemittanceReport {\n    id\n    receivedAt\n    fileName\n    source\n    format\n    formatVersion\n    sizeBytes\n    payee\n    status\n    error\n    canRetry\n    paymentsPosted\n    refundsPosted\n    paymentsUnmatched\n    duplicates\n    conflicts\n    total {\n      amountCents\n      formatted\n    }\n    downloadUrl\n  }\n": types.ReportsTable_ReportFragmentDoc,
    "\n  query RemittanceReports($first: Int, $after: String) {\n    remittanceReports(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...ReportsTable_report\n      }\n    }\n  }\n": types.RemittanceReportsDocument,
    "\n  mutation RetryReport($id: ID!) {\n    retryReport(id: $id) {\n      id\n      ...ReportsTable_report\n    }\n  }\n": types.RetryReportDocument,
    "\n  fragment RunSummary_result on FetchAndProcessResult {\n    reportsFetched\n    reportsProcessed\n    reportsFailed\n    paymentsPosted\n    refundsPosted\n    paymentsUnmatched\n    duplicates\n    conflicts\n    fetchError\n    reports {\n      id\n      fileName\n      status\n      error\n    }\n  }\n": types.RunSummary_ResultFragmentDoc,
    "\n  query UnmatchedPayments {\n    unmatchedPayments {\n      id\n      receivedAt\n      payerName\n      accountNumber\n      kind\n      transactionId\n      originalTransactionId\n      amount {\n        amountCents\n        formatted\n      }\n      reverses {\n        id\n        transactionId\n      }\n    }\n  }\n": types.UnmatchedPaymentsDocument,
    "\n  mutation MatchUnmatchedPayment($paymentId: ID!, $patientId: ID!) {\n    matchUnmatchedPayment(paymentId: $paymentId, patientId: $patientId) {\n      id\n      status\n      patient {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n": types.MatchUnmatchedPaymentDocument,
    "\n  mutation MatchUnmatchedRefund($paymentId: ID!, $saleId: ID!) {\n    matchUnmatchedRefund(paymentId: $paymentId, saleId: $saleId) {\n      id\n      status\n      patient {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n": types.MatchUnmatchedRefundDocument,
    "\n  query RefundMatchPayments($patientId: ID!) {\n    patient(id: $patientId) {\n      id\n      firstName\n      lastName\n      payments {\n        id\n        kind\n        status\n        receivedAt\n        transactionId\n        amount {\n          amountCents\n          formatted\n        }\n        unapplied {\n          amountCents\n          formatted\n        }\n        remaining {\n          amountCents\n          formatted\n        }\n      }\n    }\n  }\n": types.RefundMatchPaymentsDocument,
    "\n  fragment ChildCard_patient on Patient {\n    id\n    firstName\n    lastName\n    dateOfBirth\n    accountNumber\n    balance {\n      amountCents\n      formatted\n    }\n    charges {\n      id\n      ...ChargeTable_charge\n    }\n    payments {\n      id\n      ...PaymentHistory_payment\n    }\n    paymentsBeingPosted {\n      receivedAt\n      amount {\n        amountCents\n        formatted\n      }\n    }\n    balanceAfterPaymentsBeingPosted {\n      amountCents\n      formatted\n    }\n    ...PayNowAction_patient\n  }\n": types.ChildCard_PatientFragmentDoc,
    "\n  query FamilyPage {\n    patients(first: 25) {\n      totalCount\n      edges {\n        node {\n          id\n          ...ChildCard_patient\n        }\n      }\n    }\n  }\n": types.FamilyPageDocument,
    "\n  fragment PayNowAction_patient on Patient {\n    firstName\n    lastName\n    payNowUrl\n    payNowUnavailableReason\n    balance {\n      amountCents\n    }\n  }\n": types.PayNowAction_PatientFragmentDoc,
    "\n  query OnlinePatientServices {\n    clearinghouseSettings {\n      clearinghouse\n      clearinghouseId\n      onlinePaymentsEnabled\n      sandbox\n    }\n    clearinghouseOptions {\n      clearinghouse\n      name\n      idLabel\n    }\n  }\n": types.OnlinePatientServicesDocument,
    "\n  query PatientDetail($id: ID!) {\n    patient(id: $id) {\n      id\n      firstName\n      lastName\n      dateOfBirth\n      accountNumber\n      balance {\n        amountCents\n        formatted\n      }\n      payNowUrl\n      payNowUnavailableReason\n      charges(includePaid: true) {\n        id\n        ...ChargeTable_charge\n      }\n      payments {\n        id\n        ...PaymentHistory_payment\n      }\n      paymentsBeingPosted {\n        receivedAt\n        amount {\n          formatted\n        }\n      }\n    }\n  }\n": types.PatientDetailDocument,
    "\n  query PatientsPage($search: String, $hasBalance: Boolean, $first: Int, $after: String) {\n    patients(search: $search, hasBalance: $hasBalance, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...PatientsTable_patient\n        }\n      }\n    }\n  }\n": types.PatientsPageDocument,
    "\n  fragment PatientsTable_patient on Patient {\n    id\n    firstName\n    lastName\n    dateOfBirth\n    accountNumber\n    balance {\n      amountCents\n      formatted\n    }\n  }\n": types.PatientsTable_PatientFragmentDoc,
    "\n  fragment EbillingPreferencesForm_preferences on EbillingPreferences {\n    agentEnabled\n    agentIntervalMinutes\n    notificationEmails\n    payeeNpi\n    instamedMerchantId\n    waystarAccountName\n    testMode\n    dropFolders\n  }\n": types.EbillingPreferencesForm_PreferencesFragmentDoc,
    "\n  mutation UpdateEbillingPreferences($input: EbillingPreferencesInput!) {\n    updateEbillingPreferences(input: $input) {\n      ...EbillingPreferencesForm_preferences\n    }\n  }\n": types.UpdateEbillingPreferencesDocument,
    "\n  fragment PreferencesForm_settings on ClearinghouseSettings {\n    clearinghouse\n    clearinghouseId\n    onlinePaymentsEnabled\n  }\n": types.PreferencesForm_SettingsFragmentDoc,
    "\n  fragment PreferencesForm_option on ClearinghouseOption {\n    clearinghouse\n    name\n    idLabel\n    idHelp\n    idExample\n    available\n  }\n": types.PreferencesForm_OptionFragmentDoc,
    "\n  mutation UpdateClearinghouseSettings($input: UpdateClearinghouseSettingsInput!) {\n    updateClearinghouseSettings(input: $input) {\n      ...PreferencesForm_settings\n      ...SettingsSummary_settings\n      ...SettingsHistory_settings\n    }\n  }\n": types.UpdateClearinghouseSettingsDocument,
    "\n  query PreferencesPage {\n    me {\n      id\n      role\n    }\n    clearinghouseOptions {\n      ...PreferencesForm_option\n    }\n    clearinghouseSettings {\n      ...PreferencesForm_settings\n      ...SettingsSummary_settings\n      ...SettingsHistory_settings\n    }\n    ebillingPreferences {\n      ...EbillingPreferencesForm_preferences\n    }\n    ebillingStatus {\n      agentLastRunAt\n    }\n  }\n": types.PreferencesPageDocument,
    "\n  fragment SettingsHistory_settings on ClearinghouseSettings {\n    history(first: 10) {\n      version\n      clearinghouse\n      clearinghouseId\n      onlinePaymentsEnabled\n      changedAt\n      changedBy {\n        firstName\n        lastName\n      }\n    }\n  }\n": types.SettingsHistory_SettingsFragmentDoc,
    "\n  fragment SettingsSummary_settings on ClearinghouseSettings {\n    payNowUrlPreview\n    sandbox\n    updatedAt\n    updatedBy {\n      firstName\n      lastName\n    }\n  }\n": types.SettingsSummary_SettingsFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AppShell {\n    me {\n      id\n      firstName\n      lastName\n      role\n    }\n  }\n"): (typeof documents)["\n  query AppShell {\n    me {\n      id\n      firstName\n      lastName\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalStatus {\n    portalStatus {\n      practiceName\n      sandbox\n      onlinePaymentsEnabled\n    }\n  }\n"): (typeof documents)["\n  query PortalStatus {\n    portalStatus {\n      practiceName\n      sandbox\n      onlinePaymentsEnabled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChargeTable_charge on Charge {\n    id\n    serviceDate\n    cptCode\n    description\n    amount {\n      amountCents\n      formatted\n    }\n    insurancePaid {\n      amountCents\n      formatted\n    }\n    adjustments {\n      amountCents\n      formatted\n    }\n    patientPaid {\n      amountCents\n      formatted\n    }\n    balance {\n      amountCents\n      formatted\n    }\n  }\n"): (typeof documents)["\n  fragment ChargeTable_charge on Charge {\n    id\n    serviceDate\n    cptCode\n    description\n    amount {\n      amountCents\n      formatted\n    }\n    insurancePaid {\n      amountCents\n      formatted\n    }\n    adjustments {\n      amountCents\n      formatted\n    }\n    patientPaid {\n      amountCents\n      formatted\n    }\n    balance {\n      amountCents\n      formatted\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PaymentHistory_payment on Payment {\n    id\n    receivedAt\n    kind\n    method\n    cardType\n    amount {\n      amountCents\n      formatted\n    }\n    unapplied {\n      amountCents\n      formatted\n    }\n    applications {\n      amount {\n        formatted\n      }\n      charge {\n        id\n        serviceDate\n        description\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment PaymentHistory_payment on Payment {\n    id\n    receivedAt\n    kind\n    method\n    cardType\n    amount {\n      amountCents\n      formatted\n    }\n    unapplied {\n      amountCents\n      formatted\n    }\n    applications {\n      amount {\n        formatted\n      }\n      charge {\n        id\n        serviceDate\n        description\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      id\n      firstName\n      lastName\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      id\n      firstName\n      lastName\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConflictCard_conflict on PaymentConflict {\n    id\n    transactionId\n    originalTransactionId\n    kind\n    amount {\n      amountCents\n      formatted\n    }\n    accountNumber\n    payerName\n    occurredAt\n    location\n    differences\n    createdAt\n    resolvedAt\n    resolvedBy {\n      firstName\n      lastName\n    }\n    resolutionNote\n    report {\n      id\n      fileName\n    }\n    payment {\n      id\n      kind\n      status\n      amount {\n        amountCents\n        formatted\n      }\n      accountNumber\n      payerName\n      receivedAt\n      location\n      patient {\n        id\n        firstName\n        lastName\n      }\n      report {\n        id\n        fileName\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ConflictCard_conflict on PaymentConflict {\n    id\n    transactionId\n    originalTransactionId\n    kind\n    amount {\n      amountCents\n      formatted\n    }\n    accountNumber\n    payerName\n    occurredAt\n    location\n    differences\n    createdAt\n    resolvedAt\n    resolvedBy {\n      firstName\n      lastName\n    }\n    resolutionNote\n    report {\n      id\n      fileName\n    }\n    payment {\n      id\n      kind\n      status\n      amount {\n        amountCents\n        formatted\n      }\n      accountNumber\n      payerName\n      receivedAt\n      location\n      patient {\n        id\n        firstName\n        lastName\n      }\n      report {\n        id\n        fileName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaymentConflicts($includeResolved: Boolean) {\n    paymentConflicts(includeResolved: $includeResolved) {\n      id\n      ...ConflictCard_conflict\n    }\n  }\n"): (typeof documents)["\n  query PaymentConflicts($includeResolved: Boolean) {\n    paymentConflicts(includeResolved: $includeResolved) {\n      id\n      ...ConflictCard_conflict\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolvePaymentConflict($id: ID!, $note: String!) {\n    resolvePaymentConflict(id: $id, note: $note) {\n      id\n      ...ConflictCard_conflict\n    }\n  }\n"): (typeof documents)["\n  mutation ResolvePaymentConflict($id: ID!, $note: String!) {\n    resolvePaymentConflict(id: $id, note: $note) {\n      id\n      ...ConflictCard_conflict\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CurrentCredits($first: Int, $after: String) {\n    patients(hasCredit: true, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          accountNumber\n          credit {\n            formatted\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CurrentCredits($first: Int, $after: String) {\n    patients(hasCredit: true, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          accountNumber\n          credit {\n            formatted\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FetchAndProcessReports {\n    fetchAndProcessReports {\n      ...RunSummary_result\n    }\n  }\n"): (typeof documents)["\n  mutation FetchAndProcessReports {\n    fetchAndProcessReports {\n      ...RunSummary_result\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProcessReports {\n    processReports {\n      ...RunSummary_result\n    }\n  }\n"): (typeof documents)["\n  mutation ProcessReports {\n    processReports {\n      ...RunSummary_result\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EbillingStatus {\n    ebillingStatus {\n      unmatchedCount\n      postedLastDayCount\n      reportsFailedCount\n      conflictsCount\n    }\n  }\n"): (typeof documents)["\n  query EbillingStatus {\n    ebillingStatus {\n      unmatchedCount\n      postedLastDayCount\n      reportsFailedCount\n      conflictsCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PatientPicker($search: String!) {\n    patients(search: $search, first: 10) {\n      totalCount\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          dateOfBirth\n          accountNumber\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PatientPicker($search: String!) {\n    patients(search: $search, first: 10) {\n      totalCount\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          dateOfBirth\n          accountNumber\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PaymentsTable_payment on Payment {\n    id\n    receivedAt\n    postedAt\n    kind\n    method\n    cardType\n    transactionId\n    amount {\n      amountCents\n      formatted\n    }\n    unapplied {\n      amountCents\n      formatted\n    }\n    patient {\n      id\n      firstName\n      lastName\n    }\n    applications {\n      amount {\n        formatted\n      }\n      charge {\n        id\n        serviceDate\n        description\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment PaymentsTable_payment on Payment {\n    id\n    receivedAt\n    postedAt\n    kind\n    method\n    cardType\n    transactionId\n    amount {\n      amountCents\n      formatted\n    }\n    unapplied {\n      amountCents\n      formatted\n    }\n    patient {\n      id\n      firstName\n      lastName\n    }\n    applications {\n      amount {\n        formatted\n      }\n      charge {\n        id\n        serviceDate\n        description\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EbillingPayments($first: Int, $after: String) {\n    payments(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...PaymentsTable_payment\n      }\n    }\n  }\n"): (typeof documents)["\n  query EbillingPayments($first: Int, $after: String) {\n    payments(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...PaymentsTable_payment\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReportsTable_report on RemittanceReport {\n    id\n    receivedAt\n    fileName\n    source\n    format\n    formatVersion\n    sizeBytes\n    payee\n    status\n    error\n    canRetry\n    paymentsPosted\n    refundsPosted\n    paymentsUnmatched\n    duplicates\n    conflicts\n    total {\n      amountCents\n      formatted\n    }\n    downloadUrl\n  }\n"): (typeof documents)["\n  fragment ReportsTable_report on RemittanceReport {\n    id\n    receivedAt\n    fileName\n    source\n    format\n    formatVersion\n    sizeBytes\n    payee\n    status\n    error\n    canRetry\n    paymentsPosted\n    refundsPosted\n    paymentsUnmatched\n    duplicates\n    conflicts\n    total {\n      amountCents\n      formatted\n    }\n    downloadUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RemittanceReports($first: Int, $after: String) {\n    remittanceReports(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...ReportsTable_report\n      }\n    }\n  }\n"): (typeof documents)["\n  query RemittanceReports($first: Int, $after: String) {\n    remittanceReports(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...ReportsTable_report\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryReport($id: ID!) {\n    retryReport(id: $id) {\n      id\n      ...ReportsTable_report\n    }\n  }\n"): (typeof documents)["\n  mutation RetryReport($id: ID!) {\n    retryReport(id: $id) {\n      id\n      ...ReportsTable_report\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RunSummary_result on FetchAndProcessResult {\n    reportsFetched\n    reportsProcessed\n    reportsFailed\n    paymentsPosted\n    refundsPosted\n    paymentsUnmatched\n    duplicates\n    conflicts\n    fetchError\n    reports {\n      id\n      fileName\n      status\n      error\n    }\n  }\n"): (typeof documents)["\n  fragment RunSummary_result on FetchAndProcessResult {\n    reportsFetched\n    reportsProcessed\n    reportsFailed\n    paymentsPosted\n    refundsPosted\n    paymentsUnmatched\n    duplicates\n    conflicts\n    fetchError\n    reports {\n      id\n      fileName\n      status\n      error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnmatchedPayments {\n    unmatchedPayments {\n      id\n      receivedAt\n      payerName\n      accountNumber\n      kind\n      transactionId\n      originalTransactionId\n      amount {\n        amountCents\n        formatted\n      }\n      reverses {\n        id\n        transactionId\n      }\n    }\n  }\n"): (typeof documents)["\n  query UnmatchedPayments {\n    unmatchedPayments {\n      id\n      receivedAt\n      payerName\n      accountNumber\n      kind\n      transactionId\n      originalTransactionId\n      amount {\n        amountCents\n        formatted\n      }\n      reverses {\n        id\n        transactionId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MatchUnmatchedPayment($paymentId: ID!, $patientId: ID!) {\n    matchUnmatchedPayment(paymentId: $paymentId, patientId: $patientId) {\n      id\n      status\n      patient {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MatchUnmatchedPayment($paymentId: ID!, $patientId: ID!) {\n    matchUnmatchedPayment(paymentId: $paymentId, patientId: $patientId) {\n      id\n      status\n      patient {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MatchUnmatchedRefund($paymentId: ID!, $saleId: ID!) {\n    matchUnmatchedRefund(paymentId: $paymentId, saleId: $saleId) {\n      id\n      status\n      patient {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MatchUnmatchedRefund($paymentId: ID!, $saleId: ID!) {\n    matchUnmatchedRefund(paymentId: $paymentId, saleId: $saleId) {\n      id\n      status\n      patient {\n        id\n        firstName\n        lastName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RefundMatchPayments($patientId: ID!) {\n    patient(id: $patientId) {\n      id\n      firstName\n      lastName\n      payments {\n        id\n        kind\n        status\n        receivedAt\n        transactionId\n        amount {\n          amountCents\n          formatted\n        }\n        unapplied {\n          amountCents\n          formatted\n        }\n        remaining {\n          amountCents\n          formatted\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RefundMatchPayments($patientId: ID!) {\n    patient(id: $patientId) {\n      id\n      firstName\n      lastName\n      payments {\n        id\n        kind\n        status\n        receivedAt\n        transactionId\n        amount {\n          amountCents\n          formatted\n        }\n        unapplied {\n          amountCents\n          formatted\n        }\n        remaining {\n          amountCents\n          formatted\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChildCard_patient on Patient {\n    id\n    firstName\n    lastName\n    dateOfBirth\n    accountNumber\n    balance {\n      amountCents\n      formatted\n    }\n    charges {\n      id\n      ...ChargeTable_charge\n    }\n    payments {\n      id\n      ...PaymentHistory_payment\n    }\n    paymentsBeingPosted {\n      receivedAt\n      amount {\n        amountCents\n        formatted\n      }\n    }\n    balanceAfterPaymentsBeingPosted {\n      amountCents\n      formatted\n    }\n    ...PayNowAction_patient\n  }\n"): (typeof documents)["\n  fragment ChildCard_patient on Patient {\n    id\n    firstName\n    lastName\n    dateOfBirth\n    accountNumber\n    balance {\n      amountCents\n      formatted\n    }\n    charges {\n      id\n      ...ChargeTable_charge\n    }\n    payments {\n      id\n      ...PaymentHistory_payment\n    }\n    paymentsBeingPosted {\n      receivedAt\n      amount {\n        amountCents\n        formatted\n      }\n    }\n    balanceAfterPaymentsBeingPosted {\n      amountCents\n      formatted\n    }\n    ...PayNowAction_patient\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FamilyPage {\n    patients(first: 25) {\n      totalCount\n      edges {\n        node {\n          id\n          ...ChildCard_patient\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FamilyPage {\n    patients(first: 25) {\n      totalCount\n      edges {\n        node {\n          id\n          ...ChildCard_patient\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PayNowAction_patient on Patient {\n    firstName\n    lastName\n    payNowUrl\n    payNowUnavailableReason\n    balance {\n      amountCents\n    }\n  }\n"): (typeof documents)["\n  fragment PayNowAction_patient on Patient {\n    firstName\n    lastName\n    payNowUrl\n    payNowUnavailableReason\n    balance {\n      amountCents\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OnlinePatientServices {\n    clearinghouseSettings {\n      clearinghouse\n      clearinghouseId\n      onlinePaymentsEnabled\n      sandbox\n    }\n    clearinghouseOptions {\n      clearinghouse\n      name\n      idLabel\n    }\n  }\n"): (typeof documents)["\n  query OnlinePatientServices {\n    clearinghouseSettings {\n      clearinghouse\n      clearinghouseId\n      onlinePaymentsEnabled\n      sandbox\n    }\n    clearinghouseOptions {\n      clearinghouse\n      name\n      idLabel\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PatientDetail($id: ID!) {\n    patient(id: $id) {\n      id\n      firstName\n      lastName\n      dateOfBirth\n      accountNumber\n      balance {\n        amountCents\n        formatted\n      }\n      payNowUrl\n      payNowUnavailableReason\n      charges(includePaid: true) {\n        id\n        ...ChargeTable_charge\n      }\n      payments {\n        id\n        ...PaymentHistory_payment\n      }\n      paymentsBeingPosted {\n        receivedAt\n        amount {\n          formatted\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PatientDetail($id: ID!) {\n    patient(id: $id) {\n      id\n      firstName\n      lastName\n      dateOfBirth\n      accountNumber\n      balance {\n        amountCents\n        formatted\n      }\n      payNowUrl\n      payNowUnavailableReason\n      charges(includePaid: true) {\n        id\n        ...ChargeTable_charge\n      }\n      payments {\n        id\n        ...PaymentHistory_payment\n      }\n      paymentsBeingPosted {\n        receivedAt\n        amount {\n          formatted\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PatientsPage($search: String, $hasBalance: Boolean, $first: Int, $after: String) {\n    patients(search: $search, hasBalance: $hasBalance, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...PatientsTable_patient\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PatientsPage($search: String, $hasBalance: Boolean, $first: Int, $after: String) {\n    patients(search: $search, hasBalance: $hasBalance, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...PatientsTable_patient\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PatientsTable_patient on Patient {\n    id\n    firstName\n    lastName\n    dateOfBirth\n    accountNumber\n    balance {\n      amountCents\n      formatted\n    }\n  }\n"): (typeof documents)["\n  fragment PatientsTable_patient on Patient {\n    id\n    firstName\n    lastName\n    dateOfBirth\n    accountNumber\n    balance {\n      amountCents\n      formatted\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EbillingPreferencesForm_preferences on EbillingPreferences {\n    agentEnabled\n    agentIntervalMinutes\n    notificationEmails\n    payeeNpi\n    instamedMerchantId\n    waystarAccountName\n    testMode\n    dropFolders\n  }\n"): (typeof documents)["\n  fragment EbillingPreferencesForm_preferences on EbillingPreferences {\n    agentEnabled\n    agentIntervalMinutes\n    notificationEmails\n    payeeNpi\n    instamedMerchantId\n    waystarAccountName\n    testMode\n    dropFolders\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateEbillingPreferences($input: EbillingPreferencesInput!) {\n    updateEbillingPreferences(input: $input) {\n      ...EbillingPreferencesForm_preferences\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateEbillingPreferences($input: EbillingPreferencesInput!) {\n    updateEbillingPreferences(input: $input) {\n      ...EbillingPreferencesForm_preferences\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PreferencesForm_settings on ClearinghouseSettings {\n    clearinghouse\n    clearinghouseId\n    onlinePaymentsEnabled\n  }\n"): (typeof documents)["\n  fragment PreferencesForm_settings on ClearinghouseSettings {\n    clearinghouse\n    clearinghouseId\n    onlinePaymentsEnabled\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PreferencesForm_option on ClearinghouseOption {\n    clearinghouse\n    name\n    idLabel\n    idHelp\n    idExample\n    available\n  }\n"): (typeof documents)["\n  fragment PreferencesForm_option on ClearinghouseOption {\n    clearinghouse\n    name\n    idLabel\n    idHelp\n    idExample\n    available\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateClearinghouseSettings($input: UpdateClearinghouseSettingsInput!) {\n    updateClearinghouseSettings(input: $input) {\n      ...PreferencesForm_settings\n      ...SettingsSummary_settings\n      ...SettingsHistory_settings\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateClearinghouseSettings($input: UpdateClearinghouseSettingsInput!) {\n    updateClearinghouseSettings(input: $input) {\n      ...PreferencesForm_settings\n      ...SettingsSummary_settings\n      ...SettingsHistory_settings\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreferencesPage {\n    me {\n      id\n      role\n    }\n    clearinghouseOptions {\n      ...PreferencesForm_option\n    }\n    clearinghouseSettings {\n      ...PreferencesForm_settings\n      ...SettingsSummary_settings\n      ...SettingsHistory_settings\n    }\n    ebillingPreferences {\n      ...EbillingPreferencesForm_preferences\n    }\n    ebillingStatus {\n      agentLastRunAt\n    }\n  }\n"): (typeof documents)["\n  query PreferencesPage {\n    me {\n      id\n      role\n    }\n    clearinghouseOptions {\n      ...PreferencesForm_option\n    }\n    clearinghouseSettings {\n      ...PreferencesForm_settings\n      ...SettingsSummary_settings\n      ...SettingsHistory_settings\n    }\n    ebillingPreferences {\n      ...EbillingPreferencesForm_preferences\n    }\n    ebillingStatus {\n      agentLastRunAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SettingsHistory_settings on ClearinghouseSettings {\n    history(first: 10) {\n      version\n      clearinghouse\n      clearinghouseId\n      onlinePaymentsEnabled\n      changedAt\n      changedBy {\n        firstName\n        lastName\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment SettingsHistory_settings on ClearinghouseSettings {\n    history(first: 10) {\n      version\n      clearinghouse\n      clearinghouseId\n      onlinePaymentsEnabled\n      changedAt\n      changedBy {\n        firstName\n        lastName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SettingsSummary_settings on ClearinghouseSettings {\n    payNowUrlPreview\n    sandbox\n    updatedAt\n    updatedBy {\n      firstName\n      lastName\n    }\n  }\n"): (typeof documents)["\n  fragment SettingsSummary_settings on ClearinghouseSettings {\n    payNowUrlPreview\n    sandbox\n    updatedAt\n    updatedBy {\n      firstName\n      lastName\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;