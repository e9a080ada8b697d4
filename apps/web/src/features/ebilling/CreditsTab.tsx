// Payments that were larger than the patient's open charges: the rest is kept as credit on the
// account. Read from the most recent posted payments (there is no credit query of its own yet).
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { EmptyState, FailureState, LoadingState } from '../../components/QueryStates.tsx';
import { graphql } from '../../gql/gql.ts';
import { formatInstantDate } from '../../shared/dates.ts';

export const CurrentCreditsDocument = graphql(`
  query CurrentCredits {
    payments(first: 100) {
      totalCount
      nodes {
        id
        receivedAt
        unapplied {
          amountCents
          formatted
        }
        patient {
          id
          firstName
          lastName
        }
      }
    }
  }
`);

export function CreditsTab() {
  const { data, error, refetch } = useQuery(CurrentCreditsDocument, { fetchPolicy: 'cache-and-network' });
  if (!data) {
    return error ? (
      <FailureState error={error} onRetry={() => void refetch()} title="We couldn’t load the credits." />
    ) : (
      <LoadingState>Loading credits…</LoadingState>
    );
  }
  const { nodes, totalCount } = data.payments;
  const credits = nodes.filter((p) => p.unapplied.amountCents > 0);
  const partial = totalCount > nodes.length;
  return (
    <section aria-labelledby="credits-heading">
      <h2 id="credits-heading">Credits from payments larger than the open charges</h2>
      <p className="muted">
        What was left of a payment after paying the patient’s open charges stays on the account as credit.
        {partial ? ` Showing credits from the ${nodes.length} most recent payments.` : null}
      </p>
      {credits.length === 0 ? (
        <EmptyState>No payments with unapplied credit.</EmptyState>
      ) : (
        <div className="table-card">
          <table className="data-table credits-table">
            <caption className="visually-hidden">Payments with unapplied credit</caption>
            <thead>
              <tr>
                <th scope="col">Patient</th>
                <th scope="col">Payment date</th>
                <th scope="col" className="num">
                  Credit
                </th>
              </tr>
            </thead>
            <tbody>
              {credits.map((payment) => (
                <tr key={payment.id}>
                  <th scope="row" data-label="Patient">
                    {payment.patient ? (
                      <Link to={`/patients/${encodeURIComponent(payment.patient.id)}`}>
                        {payment.patient.firstName} {payment.patient.lastName}
                      </Link>
                    ) : (
                      '—'
                    )}
                  </th>
                  <td data-label="Payment date">{formatInstantDate(payment.receivedAt)}</td>
                  <td data-label="Credit" className="num num--credit">
                    {payment.unapplied.formatted}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
