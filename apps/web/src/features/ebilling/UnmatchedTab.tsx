// The work queue: payments whose account number matched no patient. Staff find the patient and
// post the payment to them; it then applies to their open charges like any other payment.
import { useMutation, useQuery } from '@apollo/client/react';
import { Fragment, useId, useState } from 'react';
import { EmptyState, FailureState, LoadingState } from '../../components/QueryStates.tsx';
import { graphql } from '../../gql/gql.ts';
import type { UnmatchedPaymentsQuery } from '../../gql/graphql.ts';
import { formatInstant } from '../../shared/dates.ts';
import { describeError, isUnauthenticated } from '../../shared/errors.ts';
import { paymentKindLabel } from '../../shared/payments.ts';
import { EbillingStatusDocument } from './EbillingNavLink.tsx';
import { count } from './labels.tsx';
import { PatientPicker, type PickedPatient } from './PatientPicker.tsx';

export const UnmatchedPaymentsDocument = graphql(`
  query UnmatchedPayments {
    unmatchedPayments {
      id
      receivedAt
      payerName
      accountNumber
      kind
      transactionId
      amount {
        amountCents
        formatted
      }
      reverses {
        id
        transactionId
      }
    }
  }
`);

export const MatchUnmatchedPaymentDocument = graphql(`
  mutation MatchUnmatchedPayment($paymentId: ID!, $patientId: ID!) {
    matchUnmatchedPayment(paymentId: $paymentId, patientId: $patientId) {
      id
      status
      patient {
        id
        firstName
        lastName
      }
    }
  }
`);

export const EMPTY_QUEUE = 'No unmatched payments. Everything received has been posted.';

type UnmatchedPayment = UnmatchedPaymentsQuery['unmatchedPayments'][number];

export function UnmatchedTab() {
  const { data, error, loading, refetch } = useQuery(UnmatchedPaymentsDocument, { fetchPolicy: 'cache-and-network' });
  const [posted, setPosted] = useState<string | null>(null);

  if (!data) {
    return error ? (
      <FailureState error={error} onRetry={() => void refetch()} title="We couldn’t load the unmatched payments." />
    ) : (
      <LoadingState>Loading unmatched payments…</LoadingState>
    );
  }
  const queue = data.unmatchedPayments;
  return (
    <section aria-labelledby="unmatched-heading" aria-busy={loading}>
      <h2 id="unmatched-heading" className="visually-hidden">
        Unmatched payments
      </h2>
      {/* Always in the page, so screen readers announce the confirmation when it appears. */}
      <div role="status">{posted ? <p className="notice notice--success">{posted}</p> : null}</div>
      {queue.length === 0 ? (
        <EmptyState>{EMPTY_QUEUE}</EmptyState>
      ) : (
        <>
          <p className="result-count">
            {count(queue.length, 'payment')} waiting, oldest first. They change no balance until they are posted to a patient.
          </p>
          <UnmatchedTable payments={queue} onPosted={setPosted} />
        </>
      )}
    </section>
  );
}

function UnmatchedTable({ payments, onPosted }: { payments: readonly UnmatchedPayment[]; onPosted: (message: string | null) => void }) {
  const [openId, setOpenId] = useState<string | null>(null);
  const panelId = useId();
  return (
    <div className="table-card">
      <table className="data-table unmatched-table">
        <caption className="visually-hidden">Payments that match no patient, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Received</th>
            <th scope="col">Payer name</th>
            <th scope="col">Account number as sent</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col">Kind</th>
            <th scope="col">
              <span className="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {payments.map((payment) => {
            const open = openId === payment.id;
            return (
              <Fragment key={payment.id}>
                <tr className={open ? 'is-open' : undefined}>
                  <td data-label="Received" className="nowrap">
                    {formatInstant(payment.receivedAt)}
                  </td>
                  <th scope="row" data-label="Payer name">
                    {payment.payerName ?? <span className="muted">Not given</span>}
                  </th>
                  <td data-label="Account number as sent" className="tabular">
                    {payment.accountNumber ?? <span className="muted">Unknown</span>}
                  </td>
                  <td data-label="Amount" className={payment.amount.amountCents < 0 ? 'num num--negative' : 'num'}>
                    {payment.amount.formatted}
                  </td>
                  <td data-label="Kind">{paymentKindLabel(payment.kind)}</td>
                  <td data-label="Action" className="row-action">
                    {payment.kind === 'SALE' ? (
                      <button
                        type="button"
                        className={open ? 'button button--secondary' : 'button'}
                        aria-expanded={open}
                        aria-controls={open ? `${panelId}-${payment.id}` : undefined}
                        onClick={() => {
                          onPosted(null);
                          setOpenId(open ? null : payment.id);
                        }}
                      >
                        Match to patient
                      </button>
                    ) : payment.reverses ? (
                      <span className="muted small">Posts together with the payment it undoes, when you match that payment.</span>
                    ) : (
                      <span className="muted small">Undoes a payment the portal never received: it changes no balance.</span>
                    )}
                  </td>
                </tr>
                {open ? (
                  <tr className="match-row">
                    <td colSpan={6} id={`${panelId}-${payment.id}`}>
                      <MatchPanel
                        payment={payment}
                        onCancel={() => setOpenId(null)}
                        onPosted={(name) => {
                          setOpenId(null);
                          onPosted(`Posted to ${name}.`);
                        }}
                      />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

interface MatchPanelProps {
  payment: UnmatchedPayment;
  onCancel: () => void;
  onPosted: (patientName: string) => void;
}

function MatchPanel({ payment, onCancel, onPosted }: MatchPanelProps) {
  const headingId = useId();
  const [match, { loading }] = useMutation(MatchUnmatchedPaymentDocument, {
    // The queue loses the row and the sidebar badge one count.
    refetchQueries: [UnmatchedPaymentsDocument, EbillingStatusDocument],
    awaitRefetchQueries: true,
  });
  const [failure, setFailure] = useState<string | null>(null);
  const [fatal, setFatal] = useState<unknown>(null);
  if (fatal) throw fatal; // signed out meanwhile: the root error boundary sends the user to sign in

  const post = async (patient: PickedPatient) => {
    setFailure(null);
    try {
      await match({ variables: { paymentId: payment.id, patientId: patient.id } });
      onPosted(`${patient.firstName} ${patient.lastName}`);
    } catch (error) {
      if (isUnauthenticated(error)) setFatal(error);
      else setFailure(describeError(error));
    }
  };

  const sent = [payment.payerName ? `payer ${payment.payerName}` : null, payment.accountNumber ? `account number ${payment.accountNumber}` : null]
    .filter(Boolean)
    .join(' and ');
  return (
    <div className="match-panel" role="group" aria-labelledby={headingId}>
      <div className="match-panel__header">
        <h3 id={headingId}>
          Match {payment.amount.formatted} from {formatInstant(payment.receivedAt)} to a patient
        </h3>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {failure ? (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      ) : null}
      <PatientPicker
        onPick={(patient) => void post(patient)}
        busy={loading}
        hint={sent ? `The clearinghouse sent ${sent}.` : 'The clearinghouse sent no payer name or account number.'}
      />
    </div>
  );
}
