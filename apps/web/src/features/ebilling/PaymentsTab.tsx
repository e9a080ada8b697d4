import { Link } from 'react-router';
import { PagedTable } from '../../components/PagedTable.tsx';
import { EmptyState } from '../../components/QueryStates.tsx';
import { graphql } from '../../gql/gql.ts';
import type { PaymentsTable_PaymentFragment } from '../../gql/graphql.ts';
import { formatCalendarDate, formatInstantDate } from '../../shared/dates.ts';
import { paymentKindLabel, paymentMethodLabel } from '../../shared/payments.ts';
import { usePagedQuery } from '../../shared/usePagedQuery.ts';
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
  const payments = usePagedQuery(EbillingPaymentsDocument, { pageSize: PAYMENTS_PAGE_SIZE, page: (data) => data.payments });
  return (
    <PagedTable
      query={payments}
      heading={{ text: 'Payments', hidden: true }}
      caption="Posted payments, newest first"
      className="payments-table"
      count={(total) => count(total, 'posted payment')}
      loadingText="Loading payments…"
      failureTitle="We couldn’t load the payments."
      empty={<EmptyState title="No payments posted yet.">Payments appear here once their reports are processed.</EmptyState>}
      columns={
        <>
          <th scope="col">Posted</th>
          <th scope="col">Patient</th>
          <th scope="col" className="num">
            Amount
          </th>
          <th scope="col">Kind</th>
          <th scope="col">Method</th>
          <th scope="col">Transaction ID</th>
          <th scope="col">Applied to</th>
        </>
      }
      row={(payment) => <PaymentRow payment={payment} />}
    />
  );
}

function PaymentRow({ payment }: { payment: PaymentsTable_PaymentFragment }) {
  const refund = payment.amount.amountCents < 0;
  return (
    <tr>
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
      <td data-label="Kind">{refund ? <span className="badge badge--danger">{paymentKindLabel(payment.kind)}</span> : paymentKindLabel(payment.kind)}</td>
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
