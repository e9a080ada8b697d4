import { formatCents } from '@kinpay/money';
import { useId } from 'react';
import { ChargeTable } from '../../components/ChargeTable.tsx';
import { graphql } from '../../gql/gql.ts';
import type { ChildCard_PatientFragment } from '../../gql/graphql.ts';
import { formatCalendarDate } from '../../shared/dates.ts';
import { PayNowAction } from './PayNowAction.tsx';

// One fragment for the whole card. The API's depth limit (8) counts each fragment spread as two
// levels, so patients > edges > node > ...ChildCard_patient > charges > amount > formatted leaves
// no room for a nested ...ChargeTable_charge: the charge fields ChargeTable needs are selected
// here, and TypeScript checks they still match ChargeTable_ChargeFragment.
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
      serviceDate
      cptCode
      description
      amount {
        amountCents
        formatted
      }
      insurancePaid {
        amountCents
        formatted
      }
      adjustments {
        amountCents
        formatted
      }
      patientPaid {
        amountCents
        formatted
      }
      balance {
        amountCents
        formatted
      }
    }
    ...PayNowAction_patient
  }
`);

export function ChildCard({ patient }: { patient: ChildCard_PatientFragment }) {
  const headingId = useId();
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
          <span className="child-card__balance-amount num">
            {credit ? formatCents(-patient.balance.amountCents) : patient.balance.formatted}
          </span>
        </div>
      </header>

      <PayNowAction patient={patient} balanceCents={patient.balance.amountCents} />

      {patient.charges.length > 0 ? (
        <section className="child-card__charges">
          <h3>Unpaid charges</h3>
          <ChargeTable
            charges={patient.charges}
            audience="family"
            caption={`Unpaid charges for ${patient.firstName} ${patient.lastName}`}
          />
        </section>
      ) : null}
    </article>
  );
}
