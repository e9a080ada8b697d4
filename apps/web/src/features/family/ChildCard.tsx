import { formatCents } from '@kinpay/money';
import { useId } from 'react';
import { ChargeTable } from '../../components/ChargeTable.tsx';
import { PaymentHistory } from '../../components/PaymentHistory.tsx';
import { graphql } from '../../gql/gql.ts';
import type { ChildCard_PatientFragment } from '../../gql/graphql.ts';
import { formatCalendarDate } from '../../shared/dates.ts';
import { PayNowAction } from './PayNowAction.tsx';

export const ChildCard_patient = graphql(`
  fragment ChildCard_patient on Patient {
    id
    firstName
    lastName
    dateOfBirth
    accountNumber
    balance {
      amountCents
      formatted
    }
    charges {
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
        amountCents
        formatted
      }
    }
    balanceAfterPaymentsBeingPosted {
      amountCents
      formatted
    }
    ...PayNowAction_patient
  }
`);

export function ChildCard({ patient }: { patient: ChildCard_PatientFragment }) {
  const headingId = useId();
  const paymentsHeadingId = useId();
  const credit = patient.balance.amountCents < 0;
  return (
    <article className="card child-card" aria-labelledby={headingId}>
      <header className="child-card__header">
        <div>
          <h2 id={headingId} className="child-card__name">
            {patient.firstName} {patient.lastName}
          </h2>
          <dl className="facts">
            <div>
              <dt>Date of birth</dt>
              <dd>{formatCalendarDate(patient.dateOfBirth)}</dd>
            </div>
            <div>
              <dt>Account</dt>
              <dd className="tabular">{patient.accountNumber}</dd>
            </div>
          </dl>
        </div>
        <div className="child-card__balance">
          <span className="child-card__balance-label">{credit ? 'Credit' : 'Balance due'}</span>
          <span className="child-card__balance-amount num">{credit ? formatCents(-patient.balance.amountCents) : patient.balance.formatted}</span>
        </div>
      </header>

      {patient.paymentsBeingPosted.length > 0 ? (
        <p className="notice notice--info being-posted" role="status">
          {beingPostedSentence(
            patient.paymentsBeingPosted.map((p) => p.amount.formatted),
            patient.balanceAfterPaymentsBeingPosted.amountCents,
          )}
        </p>
      ) : null}

      <PayNowAction patient={patient} />

      {patient.charges.length > 0 ? (
        <section className="child-card__charges">
          <h3>Unpaid charges</h3>
          <ChargeTable charges={patient.charges} audience="family" caption={`Unpaid charges for ${patient.firstName} ${patient.lastName}`} />
        </section>
      ) : null}

      <section className="child-card__payments" aria-labelledby={paymentsHeadingId}>
        <h3 id={paymentsHeadingId}>Payments</h3>
        <PaymentHistory payments={patient.payments} label={`Payments for ${patient.firstName} ${patient.lastName}`} />
      </section>
    </article>
  );
}

/**
 * "Payment of $40.00 received, being posted. …", or for several "Payments of $40.00 and $25.00 …",
 * and what will be left to pay, so nobody pays the same balance twice.
 */
export function beingPostedSentence(amounts: readonly string[], balanceAfterCents: number): string {
  const one = amounts.length === 1;
  const received = one
    ? `Payment of ${amounts[0]} received, being posted.`
    : `Payments of ${amounts.slice(0, -1).join(', ')} and ${amounts.at(-1)} received, being posted.`;
  const after =
    balanceAfterCents > 0
      ? `Once ${one ? 'it posts' : 'they post'}, ${formatCents(balanceAfterCents)} will be left to pay.`
      : `${one ? 'It covers' : 'They cover'} the balance due; your balance will update once the practice processes ${one ? 'it' : 'them'}.`;
  return `${received} ${after}`;
}
