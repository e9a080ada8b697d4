import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { EmptyState, FailureState, LoadingState } from '../../components/QueryStates.tsx';
import { graphql } from '../../gql/gql.ts';
import { usePageTitle } from '../../shared/usePageTitle.ts';
import { ChildCard } from './ChildCard.tsx';

// 25 children is more than any family has. The API's cost limit multiplies `first` by what each
// child's card asks for (charges and the payment history): 100 would go past it.

export const FamilyPageDocument = graphql(`
  query FamilyPage {
    patients(first: 25) {
      totalCount
      edges {
        node {
          id
          ...ChildCard_patient
        }
      }
    }
  }
`);

export const BEING_POSTED_POLL_MS = 60_000;

export function FamilyPage() {
  usePageTitle('Your children');
  // Balances change when a parent pays in the other tab: show the cached page, then refresh it.
  const { data, error, refetch, startPolling, stopPolling } = useQuery(FamilyPageDocument, { fetchPolicy: 'cache-and-network' });
  // A payment the clearinghouse reported but the practice hasn't posted yet: look again now and
  // then, so the balance updates on its own once it posts.
  const pending = data?.patients.edges.some(({ node }) => node.paymentsBeingPosted.length > 0) ?? false;
  useEffect(() => {
    if (!pending) return;
    startPolling(BEING_POSTED_POLL_MS);
    return () => stopPolling();
  }, [pending, startPolling, stopPolling]);

  return (
    <>
      <h1>Your children</h1>
      {data ? (
        data.patients.edges.length === 0 ? (
          <EmptyState>No children are linked to your account yet. Please contact the practice.</EmptyState>
        ) : (
          <>
            <div className="child-list">
              {data.patients.edges.map(({ node }) => (
                <ChildCard key={node.id} patient={node} />
              ))}
            </div>
            {data.patients.totalCount > data.patients.edges.length ? (
              <p className="muted">
                Showing {data.patients.edges.length} of {data.patients.totalCount} children. Please contact the practice about the others.
              </p>
            ) : null}
          </>
        )
      ) : error ? (
        <FailureState error={error} onRetry={() => void refetch()} title="We couldn’t load your children’s balances." />
      ) : (
        <LoadingState>Loading your children’s balances…</LoadingState>
      )}
    </>
  );
}
