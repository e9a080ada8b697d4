// Current credits: patients holding money paid beyond their open charges. The credit stays on
// the account and pays future charges (or is refunded through the clearinghouse).
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { Pagination } from '../../components/Pagination.tsx';
import { EmptyState, FailureState, LoadingState } from '../../components/QueryStates.tsx';
import { graphql } from '../../gql/gql.ts';
import { useCursorPaging } from '../../shared/useCursorPaging.ts';

export const CREDITS_PAGE_SIZE = 25;

export const CurrentCreditsDocument = graphql(`
  query CurrentCredits($first: Int, $after: String) {
    patients(hasCredit: true, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          firstName
          lastName
          accountNumber
          credit {
            formatted
          }
        }
      }
    }
  }
`);

export function CreditsTab() {
  const paging = useCursorPaging();
  const { data, previousData, error, loading, refetch } = useQuery(CurrentCreditsDocument, {
    variables: { first: CREDITS_PAGE_SIZE, after: paging.after },
    fetchPolicy: 'cache-and-network',
  });
  const shown = data ?? (loading ? previousData : undefined);
  if (!shown) {
    return error ? (
      <FailureState error={error} onRetry={() => void refetch()} title="We couldn’t load the credits." />
    ) : (
      <LoadingState>Loading credits…</LoadingState>
    );
  }
  const { edges, totalCount, pageInfo } = shown.patients;
  return (
    <section aria-labelledby="credits-heading" aria-busy={loading}>
      <h2 id="credits-heading">Patients with a credit</h2>
      <p className="muted">
        Money paid beyond a patient’s open charges stays on the account as credit and pays their next charges.
        {totalCount > 0 ? ` ${totalCount === 1 ? '1 patient holds' : `${totalCount.toLocaleString('en-US')} patients hold`} a credit.` : null}
      </p>
      {edges.length === 0 ? (
        <EmptyState>No patient holds a credit.</EmptyState>
      ) : (
        <div className="table-card">
          <table className="data-table credits-table">
            <caption className="visually-hidden">Patients with a credit</caption>
            <thead>
              <tr>
                <th scope="col">Patient</th>
                <th scope="col">Account</th>
                <th scope="col" className="num">
                  Credit
                </th>
              </tr>
            </thead>
            <tbody>
              {edges.map(({ node: patient }) => (
                <tr key={patient.id}>
                  <th scope="row" data-label="Patient">
                    <Link to={`/patients/${encodeURIComponent(patient.id)}`}>
                      {patient.firstName} {patient.lastName}
                    </Link>
                  </th>
                  <td data-label="Account" className="tabular">
                    {patient.accountNumber}
                  </td>
                  <td data-label="Credit" className="num num--credit">
                    {patient.credit.formatted}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination paging={paging} pageInfo={pageInfo} loading={loading} />
    </section>
  );
}
