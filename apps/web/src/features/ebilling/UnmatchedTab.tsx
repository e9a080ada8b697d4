// The work queue: payments whose account number matched no patient. Staff find the patient and
// post the payment to them; it then applies to their open charges like any other payment. A
// refund, reversal, void, return or chargeback whose payment the portal does not have under the
// transaction ID it names is matched to one of a patient's posted payments instead, and taken
// back from it.
import { useMutation, useQuery } from '@apollo/client/react';
import { formatCents } from '@kinpay/money';
import { Fragment, useId, useState, type FormEvent } from 'react';
import { EmptyState, FailureState, LoadingState } from '../../components/QueryStates.tsx';
import { graphql } from '../../gql/gql.ts';
import type { RefundMatchPaymentsQuery, UnmatchedPaymentsQuery } from '../../gql/graphql.ts';
import { formatInstant, formatInstantDate } from '../../shared/dates.ts';
import { describeError, isUnauthenticated } from '../../shared/errors.ts';
import { paymentKindLabel } from '../../shared/payments.ts';
import { useRootErrorBoundary } from '../../shared/useRootErrorBoundary.ts';
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
      originalTransactionId
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

export const MatchUnmatchedRefundDocument = graphql(`
  mutation MatchUnmatchedRefund($paymentId: ID!, $saleId: ID!) {
    matchUnmatchedRefund(paymentId: $paymentId, saleId: $saleId) {
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

/** A patient's payments, to choose the one a waiting refund undoes. */
export const RefundMatchPaymentsDocument = graphql(`
  query RefundMatchPayments($patientId: ID!) {
    patient(id: $patientId) {
      id
      firstName
      lastName
      payments {
        id
        kind
        status
        receivedAt
        transactionId
        amount {
          amountCents
          formatted
        }
        unapplied {
          amountCents
          formatted
        }
        remaining {
          amountCents
          formatted
        }
      }
    }
  }
`);

export const EMPTY_QUEUE = 'No unmatched payments. Everything received has been posted.';
export const CHOOSE_SALE = 'Choose the payment it undoes.';

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
          <p className="result-count">{count(queue.length, 'payment')} waiting, oldest first. They change no balance until they are posted to a patient.</p>
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
                    {payment.kind !== 'SALE' && payment.reverses ? (
                      <span className="muted small">Posts together with the payment it undoes, when you match that payment.</span>
                    ) : (
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
                        {payment.kind === 'SALE' ? 'Match to patient' : 'Match to a payment'}
                      </button>
                    )}
                  </td>
                </tr>
                {open ? (
                  <tr className="match-row">
                    <td colSpan={6} id={`${panelId}-${payment.id}`}>
                      {payment.kind === 'SALE' ? (
                        <MatchPanel
                          payment={payment}
                          onCancel={() => setOpenId(null)}
                          onPosted={(name) => {
                            setOpenId(null);
                            onPosted(`Posted to ${name}.`);
                          }}
                        />
                      ) : (
                        <RefundMatchPanel
                          refund={payment}
                          onCancel={() => setOpenId(null)}
                          onPosted={(message) => {
                            setOpenId(null);
                            onPosted(message);
                          }}
                        />
                      )}
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
  const toRootBoundary = useRootErrorBoundary();

  const post = async (patient: PickedPatient) => {
    setFailure(null);
    try {
      await match({ variables: { paymentId: payment.id, patientId: patient.id } });
      onPosted(`${patient.firstName} ${patient.lastName}`);
    } catch (error) {
      if (isUnauthenticated(error)) toRootBoundary(error);
      else setFailure(describeError(error));
    }
  };

  const sent = whatWasSent(payment);
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
      <PatientPicker onPick={(patient) => void post(patient)} busy={loading} hint={sent} />
    </div>
  );
}

/** What the clearinghouse sent to find the patient by, in a sentence. */
function whatWasSent(payment: UnmatchedPayment): string {
  const sent = [payment.payerName ? `payer ${payment.payerName}` : null, payment.accountNumber ? `account number ${payment.accountNumber}` : null]
    .filter(Boolean)
    .join(' and ');
  return sent ? `The clearinghouse sent ${sent}.` : 'The clearinghouse sent no payer name or account number.';
}

type PatientWithPayments = NonNullable<RefundMatchPaymentsQuery['patient']>;

/** "Refund" → "refund", "Returned eCheck" → "returned eCheck": the kind inside a sentence. */
const kindInSentence = (kind: UnmatchedPayment['kind']) => {
  const label = paymentKindLabel(kind);
  return label.charAt(0).toLowerCase() + label.slice(1);
};
type Sale = PatientWithPayments['payments'][number];

interface RefundMatchPanelProps {
  refund: UnmatchedPayment;
  onCancel: () => void;
  onPosted: (message: string) => void;
}

/**
 * Matches a waiting refund (or reversal, void, return, chargeback) to the payment it undoes: first
 * the patient, then one of their posted payments. The server takes the money back from that
 * payment: its credit first, then the charges it paid, which are owed again.
 */
function RefundMatchPanel({ refund, onCancel, onPosted }: RefundMatchPanelProps) {
  const headingId = useId();
  const [patient, setPatient] = useState<PickedPatient | null>(null);
  const kind = kindInSentence(refund.kind);
  const amount = formatCents(Math.abs(refund.amount.amountCents));
  return (
    <div className="match-panel" role="group" aria-labelledby={headingId}>
      <div className="match-panel__header">
        <h3 id={headingId}>
          Match the {kind} of {amount} from {formatInstant(refund.receivedAt)} to a payment
        </h3>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <p className="match-panel__explain">
        The portal has no payment under the transaction ID this {kind} names, so it changes no balance yet. Choose the patient, then the payment it undoes:{' '}
        {amount} is taken back from that payment, first from any credit it left on the account, then from the charges it paid, which are owed again.
      </p>
      {patient ? (
        <SaleChoice refund={refund} patient={patient} onOtherPatient={() => setPatient(null)} onPosted={onPosted} />
      ) : (
        <PatientPicker onPick={setPatient} actionLabel={(p) => `Choose ${p.firstName} ${p.lastName}`} busy={false} hint={whatWasSent(refund)} />
      )}
    </div>
  );
}

interface SaleChoiceProps {
  refund: UnmatchedPayment;
  patient: PickedPatient;
  onOtherPatient: () => void;
  onPosted: (message: string) => void;
}

/** The chosen patient's posted payments (sales), one to pick, and the button that matches. */
function SaleChoice({ refund, patient, onOtherPatient, onPosted }: SaleChoiceProps) {
  const ids = { legend: useId(), help: useId(), error: useId(), radios: useId() };
  const name = `${patient.firstName} ${patient.lastName}`;
  const { data, error, refetch } = useQuery(RefundMatchPaymentsDocument, {
    variables: { patientId: patient.id },
    fetchPolicy: 'cache-and-network',
  });
  const [match, { loading }] = useMutation(MatchUnmatchedRefundDocument, {
    // The queue loses the row and the sidebar badge one count.
    refetchQueries: [UnmatchedPaymentsDocument, EbillingStatusDocument],
    awaitRefetchQueries: true,
  });
  const [saleId, setSaleId] = useState<string | null>(null);
  const [choiceError, setChoiceError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const toRootBoundary = useRootErrorBoundary();

  const otherPatient = (
    <button type="button" className="button button--secondary" onClick={onOtherPatient}>
      Choose another patient
    </button>
  );
  if (!data) {
    return error ? (
      <>
        <FailureState error={error} onRetry={() => void refetch()} title={`We couldn’t load ${name}’s payments.`} />
        {otherPatient}
      </>
    ) : (
      <LoadingState>Loading {name}’s payments…</LoadingState>
    );
  }
  // Only money received and posted can be taken back from.
  const sales = (data.patient?.payments ?? []).filter((p) => p.kind === 'SALE' && p.status === 'POSTED');
  if (sales.length === 0) {
    return (
      <>
        <EmptyState title={`${name} has no posted payments.`}>There is no payment of theirs to take this back from.</EmptyState>
        {otherPatient}
      </>
    );
  }

  const kind = kindInSentence(refund.kind);
  const amount = formatCents(Math.abs(refund.amount.amountCents));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const sale = sales.find((s) => s.id === saleId);
    if (!sale) {
      setChoiceError(CHOOSE_SALE);
      return;
    }
    setChoiceError(null);
    try {
      await match({ variables: { paymentId: refund.id, saleId: sale.id } });
      onPosted(`The ${kind} of ${amount} was taken back from ${name}’s payment of ${sale.amount.formatted} from ${formatInstantDate(sale.receivedAt)}.`);
    } catch (failed) {
      if (isUnauthenticated(failed)) toRootBoundary(failed);
      else setFailure(describeError(failed));
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      {failure ? (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      ) : null}
      <fieldset
        className="field sale-choice"
        aria-describedby={[ids.help, choiceError ? ids.error : null].filter(Boolean).join(' ')}
        aria-invalid={choiceError ? true : undefined}
      >
        <legend id={ids.legend}>{name}’s payments</legend>
        <p id={ids.help} className="field__help">
          Posted payments, newest first. Choose the one this {kind} undoes
          {refund.originalTransactionId ? (
            <>
              {' '}
              (the clearinghouse names transaction <code>{refund.originalTransactionId}</code>)
            </>
          ) : null}
          .
        </p>
        <ul className="sale-choice__list">
          {sales.map((sale) => (
            <li key={sale.id}>
              <SaleOption
                sale={sale}
                group={ids.radios}
                checked={saleId === sale.id}
                tooSmall={(sale.remaining?.amountCents ?? 0) < Math.abs(refund.amount.amountCents)}
                onChoose={() => setSaleId(sale.id)}
              />
            </li>
          ))}
        </ul>
        {choiceError ? (
          <p id={ids.error} className="field__error" role="alert">
            {choiceError}
          </p>
        ) : null}
      </fieldset>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading ? 'Taking it back…' : `Take ${amount} back from the chosen payment`}
        </button>
        {otherPatient}
      </div>
    </form>
  );
}

function SaleOption({ sale, group, checked, tooSmall, onChoose }: { sale: Sale; group: string; checked: boolean; tooSmall: boolean; onChoose: () => void }) {
  return (
    <label className="radio sale-choice__option">
      <input type="radio" name={group} value={sale.id} checked={checked} disabled={tooSmall} onChange={onChoose} />
      <span className="sale-choice__what">
        <span className="nowrap">{formatInstantDate(sale.receivedAt)}</span>
        <span className="tabular sale-choice__amount">{sale.amount.formatted}</span>
        <span className="muted small">
          Transaction <code>{sale.transactionId ?? 'not given'}</code>
        </span>
        {sale.unapplied.amountCents > 0 ? <span className="muted small">{sale.unapplied.formatted} of it kept as credit</span> : null}
        {sale.remaining && sale.remaining.amountCents !== sale.amount.amountCents ? (
          <span className="muted small">{sale.remaining.formatted} left after earlier refunds</span>
        ) : null}
        {tooSmall ? <span className="muted small">Less is left of it than this takes back.</span> : null}
      </span>
    </label>
  );
}
