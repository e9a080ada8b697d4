import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { ChargeTable } from '../../components/ChargeTable.tsx';
import { PaymentHistory } from '../../components/PaymentHistory.tsx';
import { EmptyState, FailureState, LoadingState } from '../../components/QueryStates.tsx';
import { graphql } from '../../gql/gql.ts';
import type { PatientDetailQuery } from '../../gql/graphql.ts';
import { formatCalendarDate, formatInstant } from '../../shared/dates.ts';
import { usePageTitle } from '../../shared/usePageTitle.ts';

export const PatientDetailDocument = graphql(`
  query PatientDetail($id: ID!) {
    patient(id: $id) {
      id
      firstName
      lastName
      dateOfBirth
      accountNumber
      balance {
        amountCents
        formatted
      }
      payNowUrl
      payNowUnavailableReason
      charges(includePaid: true) {
        id
        ...ChargeTable_charge
      }
      payments {
        id
        ...PaymentHistory_payment
      }
      paymentsBeingPosted {
        receivedAt
        amount {
          formatted
        }
      }
    }
  }
`);

type Patient = NonNullable<PatientDetailQuery['patient']>;

export function PatientDetailPage() {
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(PatientDetailDocument, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const patient = data?.patient;
  usePageTitle(patient ? `${patient.firstName} ${patient.lastName}` : 'Patient');

  return (
    <>
      <p className="back-link">
        <Link to="/patients">← All patients</Link>
      </p>
      {data ? (
        patient ? (
          <PatientDetail patient={patient} />
        ) : (
          <>
            <h1>Patient not found</h1>
            <EmptyState>There is no patient with this link in your practice. It may have been mistyped.</EmptyState>
          </>
        )
      ) : error ? (
        <>
          <h1>Patient</h1>
          <FailureState error={error} onRetry={() => void refetch()} title="We couldn’t load this patient." />
        </>
      ) : (
        <>
          <h1>Patient</h1>
          <LoadingState>Loading patient…</LoadingState>
        </>
      )}
    </>
  );
}

function PatientDetail({ patient }: { patient: Patient }) {
  return (
    <>
      <h1>
        {patient.firstName} {patient.lastName}
      </h1>
      <div className="card">
        <dl className="facts facts--wide">
          <div>
            <dt>Date of birth</dt>
            <dd>{formatCalendarDate(patient.dateOfBirth)}</dd>
          </div>
          <div>
            <dt>Account #</dt>
            <dd className="tabular">{patient.accountNumber}</dd>
          </div>
          <div>
            <dt>Balance</dt>
            <dd className="num">{patient.balance.formatted}</dd>
          </div>
          <div>
            <dt>Pay Now for the family</dt>
            <dd>{payNowStatus(patient)}</dd>
          </div>
        </dl>
      </div>
      <section>
        <h2>Charges</h2>
        {patient.charges.length === 0 ? (
          <EmptyState>No charges on this account.</EmptyState>
        ) : (
          <div className="card card--flush">
            <ChargeTable charges={patient.charges} audience="staff" caption={`Charges for ${patient.firstName} ${patient.lastName}, including paid ones`} />
          </div>
        )}
      </section>
      <section aria-labelledby="patient-payments">
        <h2 id="patient-payments">Payments</h2>
        {patient.paymentsBeingPosted.length > 0 ? (
          <div className="notice notice--info" role="status">
            {patient.paymentsBeingPosted.map((p, i) => (
              <p key={`${p.receivedAt}-${i}`}>
                The clearinghouse reported a payment of {p.amount.formatted} on {formatInstant(p.receivedAt)}; it posts when its report is processed in the
                eBilling Center.
              </p>
            ))}
          </div>
        ) : null}
        <div className="card">
          <PaymentHistory payments={patient.payments} label={`Payments for ${patient.firstName} ${patient.lastName}`} />
        </div>
      </section>
    </>
  );
}

function payNowStatus(patient: Patient): string {
  if (patient.payNowUrl) return 'Offered: the family sees a Pay Now button.';
  switch (patient.payNowUnavailableReason) {
    case 'NO_BALANCE_DUE':
      return 'Not offered: nothing is due.';
    case 'CREDIT_ON_ACCOUNT':
      return 'Not offered: the family has a credit.';
    case 'ONLINE_PAYMENTS_OFF':
      return 'Not offered: online payments are off for the practice.';
    case 'PAYMENT_BEING_POSTED':
      return 'Not offered: a payment being posted covers the balance.';
    default:
      return 'Not offered.';
  }
}
