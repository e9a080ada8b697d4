import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { Pagination } from '../../components/Pagination.tsx';
import { EmptyState, FailureState, LoadingState } from '../../components/QueryStates.tsx';
import { graphql } from '../../gql/gql.ts';
import type { PaymentsTable_PaymentFragment } from '../../gql/graphql.ts';
import { formatCalendarDate, formatInstantDate } from '../../shared/dates.ts';
import { paymentKindLabel, paymentMethodLabel } from '../../shared/payments.ts';
import { useCursorPaging } from '../../shared/useCursorPaging.ts';
import { count } from './labels.tsx';

export const PAYMENTS_PAGE_SIZE = 25;

export const PaymentsTable_payment = graphql(`
  fragment PaymentsTable_payment on Payment {
    id
    receivedAt
    postedAt
    kind
    method
    cardType
    transactionId
    amount {
      amountCents
      formatted
    }
    unapplied {
      amountCents
      formatted
    }
    patient {
      id
      firstName
      lastName
    }
    applications {
      amount {
        formatted
      }
      charge {
        id
        serviceDate
        description
      }
    }
  }
`);

export const EbillingPaymentsDocument = graphql(`
  query EbillingPayments($first: Int, $after: String) {
    payments(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        ...PaymentsTable_payment
      }
    }
  }
`);

export function PaymentsTab() {
  const paging = useCursorPaging();
  const { data, previousData, error, loading, refetch } = useQuery(EbillingPaymentsDocument, {
    variables: { first: PAYMENTS_PAGE_SIZE, after: paging.after },
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? (loading ? previousData : undefined))?.payments;

  if (!connection) {
    return error ? (
      <FailureState error={error} onRetry={() => void refetch()} title="We couldn’t load the payments." />
    ) : (
      <LoadingState>Loading payments…</LoadingState>
    );
  }
  return (
    <section aria-labelledby="payments-heading" aria-busy={loading} className={loading ? 'is-refreshing' : undefined}>
      <h2 id="payments-heading" className="visually-hidden">
        Payments
      </h2>
      <p className="result-count">{count(connection.totalCount, 'posted payment')}</p>
      {connection.nodes.length === 0 ? (
        <EmptyState title="No payments posted yet.">Payments appear here once their reports are processed.</EmptyState>
      ) : (
        <PaymentsTable payments={connection.nodes} />
      )}
      <Pagination paging={paging} pageInfo={connection.pageInfo} loading={loading} />
    </section>
  );
}

function PaymentsTable({ payments }: { payments: readonly PaymentsTable_PaymentFragment[] }) {
  return (
    <div className="table-card">
      <table className="data-table payments-table">
        <caption className="visually-hidden">Posted payments, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Posted</th>
            <th scope="col">Patient</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col">Kind</th>
            <th scope="col">Method</th>
            <th scope="col">Transaction ID</th>
            <th scope="col">Applied to</th>
          </tr>
        </thead>
        <tbody>
          {payments.map((payment) => {
            const refund = payment.amount.amountCents < 0;
            return (
              <tr key={payment.id}>
                <td data-label="Posted" className="nowrap">
                  {formatInstantDate(payment.postedAt ?? payment.receivedAt)}
                </td>
                <th scope="row" data-label="Patient">
                  {payment.patient ? (
                    <Link to={`/patients/${encodeURIComponent(payment.patient.id)}`}>
                      {payment.patient.firstName} {payment.patient.lastName}
                    </Link>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </th>
                <td data-label="Amount" className={refund ? 'num num--negative' : 'num'}>
                  {payment.amount.formatted}
                </td>
                <td data-label="Kind">
                  {refund ? <span className="badge badge--danger">{paymentKindLabel(payment.kind)}</span> : paymentKindLabel(payment.kind)}
                </td>
                <td data-label="Method">{paymentMethodLabel(payment.method, payment.cardType)}</td>
                <td data-label="Transaction ID">
                  {payment.transactionId ? (
                    <code className="truncate" title={payment.transactionId}>
                      {payment.transactionId}
                    </code>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td data-label="Applied to" className="applied-to">
                  <AppliedTo payment={payment} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function AppliedTo({ payment }: { payment: PaymentsTable_PaymentFragment }) {
  if (payment.applications.length === 0 && payment.unapplied.amountCents === 0) return <span className="muted">—</span>;
  return (
    <ul className="applied-list">
      {payment.applications.map((a, i) => (
        <li key={`${a.charge.id}-${i}`}>
          <span className="nowrap">{formatCalendarDate(a.charge.serviceDate)}</span> {a.charge.description}{' '}
          <span className="tabular nowrap">{a.amount.formatted}</span>
        </li>
      ))}
      {payment.unapplied.amountCents > 0 ? <li className="applied-list__credit">Credit {payment.unapplied.formatted}</li> : null}
    </ul>
  );
}
