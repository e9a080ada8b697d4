// Pay Now opens the clearinghouse's hosted page in a new tab; the link comes from the server,
// built from the practice's validated ID. When there is none, say why in plain words.
import { formatCents } from '@kinpay/money';
import { ExternalIcon, LockIcon } from '../../components/Icons.tsx';
import { graphql } from '../../gql/gql.ts';
import type { PayNowAction_PatientFragment } from '../../gql/graphql.ts';

export const PayNowAction_patient = graphql(`
  fragment PayNowAction_patient on Patient {
    firstName
    lastName
    payNowUrl
    payNowUnavailableReason
    balance {
      amountCents
    }
  }
`);

export function PayNowAction({ patient }: { patient: PayNowAction_PatientFragment }) {
  if (patient.payNowUrl) {
    return (
      <div className="pay-now">
        <a
          className="button button--primary button--pay"
          href={patient.payNowUrl}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={`Pay Now for ${patient.firstName} ${patient.lastName}`}
        >
          Pay Now
          <ExternalIcon />
        </a>
        <p className="pay-now__note muted small">
          <LockIcon /> Opens the practice’s secure payment page in a new tab.
        </p>
      </div>
    );
  }
  const sentence = unavailableSentence(patient);
  return sentence ? <p className="pay-now__unavailable">{sentence}</p> : null;
}

function unavailableSentence(patient: PayNowAction_PatientFragment): string | null {
  switch (patient.payNowUnavailableReason) {
    case 'NO_BALANCE_DUE':
      return `Nothing is due for ${patient.firstName}.`;
    case 'CREDIT_ON_ACCOUNT':
      return `${patient.firstName} has a credit of ${formatCents(Math.abs(patient.balance.amountCents))} with the practice.`;
    case 'ONLINE_PAYMENTS_OFF':
      return "Online payment isn't available from this practice yet. Please call the office to pay.";
    case 'PAYMENT_BEING_POSTED':
      return `Nothing more to pay for ${patient.firstName} right now.`;
    default:
      return null;
  }
}
