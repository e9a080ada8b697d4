// A patient's posted payments, newest first: when, how much, how, and which charges each one paid
// (or, for a refund, was taken back from). Shared by the family card and the staff patient page.
import { formatCents } from '@kinpay/money';
import { useId, useState } from 'react';
import { graphql } from '../gql/gql.ts';
import type { PaymentHistory_PaymentFragment } from '../gql/graphql.ts';
import { formatCalendarDate, formatInstantDate } from '../shared/dates.ts';
import { paymentKindLabel, paymentMethodLabel } from '../shared/payments.ts';

export const PaymentHistory_payment = graphql(`
  fragment PaymentHistory_payment on Payment {
    id
    receivedAt
    kind
    method
    cardType
    amount {
      amountCents
      formatted
    }
    unapplied {
      amountCents
      formatted
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

/** Older payments stay behind "Show all" so a long history doesn't bury the charges. */
export const PAYMENTS_SHOWN = 5;

interface PaymentHistoryProps {
  payments: readonly PaymentHistory_PaymentFragment[];
  /** Names the list for screen readers, e.g. "Payments for Mateo Rivera". */
  label: string;
}

export function PaymentHistory({ payments, label }: PaymentHistoryProps) {
  const [showAll, setShowAll] = useState(false);
  const listId = useId();
  if (payments.length === 0) return <p className="muted payment-history__empty">No payments yet.</p>;
  const shown = showAll ? payments : payments.slice(0, PAYMENTS_SHOWN);
  return (
    <>
      <ul id={listId} className="payment-history" aria-label={label}>
        {shown.map((payment) => (
          <PaymentItem key={payment.id} payment={payment} />
        ))}
      </ul>
      {payments.length > PAYMENTS_SHOWN ? (
        <button
          type="button"
          className="button button--ghost payment-history__more"
          aria-expanded={showAll}
          aria-controls={listId}
          onClick={() => setShowAll((value) => !value)}
        >
          {showAll ? 'Show recent payments only' : `Show all ${payments.length} payments`}
        </button>
      ) : null}
    </>
  );
}

function PaymentItem({ payment }: { payment: PaymentHistory_PaymentFragment }) {
  const refund = payment.amount.amountCents < 0;
  const applied = payment.applications.map(
    (a) => `${formatCalendarDate(a.charge.serviceDate)} ${a.charge.description} ${a.amount.formatted.replace(/^-/, '')}`,
  );
  return (
    <li className={refund ? 'payment payment--refund' : 'payment'}>
      <div className="payment__line">
        <span className="payment__date">{formatInstantDate(payment.receivedAt)}</span>
        <span className="payment__what">
          {refund ? <span className="payment__kind">{paymentKindLabel(payment.kind)}</span> : null}
          <span className="payment__method">{paymentMethodLabel(payment.method, payment.cardType)}</span>
        </span>
        <span className="payment__amount num">{refund ? formatCents(-payment.amount.amountCents) : payment.amount.formatted}</span>
      </div>
      {applied.length > 0 ? (
        <p className="payment__applied small">
          <span className="muted">{refund ? 'Taken back from: ' : 'Applied to: '}</span>
          {applied.join('; ')}
        </p>
      ) : null}
      {payment.unapplied.amountCents > 0 ? (
        <p className="payment__applied small">
          <span className="muted">Kept as credit: </span>
          {payment.unapplied.formatted}
        </p>
      ) : null}
    </li>
  );
}
