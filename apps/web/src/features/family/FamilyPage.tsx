import { useQuery } from '@apollo/client/react';
import { EmptyState, FailureState, LoadingState } from '../../components/QueryStates.tsx';
import { graphql } from '../../gql/gql.ts';
import { usePageTitle } from '../../shared/usePageTitle.ts';
import { ChildCard } from './ChildCard.tsx';

export const FamilyPageDocument = graphql(`
  query FamilyPage {
    patients(first: 100) {
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

export function FamilyPage() {
  usePageTitle('Your children');
  // Balances change when a parent pays in the other tab: show the cached page, then refresh it.
  const { data, error, refetch } = useQuery(FamilyPageDocument, { fetchPolicy: 'cache-and-network' });

  return (
    <>
      <h1>Your children</h1>
      {data ? (
        data.patients.edges.length === 0 ? (
          <EmptyState>No children are linked to your account yet. Please contact the practice.</EmptyState>
        ) : (
          <div className="child-list">
            {data.patients.edges.map(({ node }) => (
              <ChildCard key={node.id} patient={node} />
            ))}
          </div>
        )
      ) : error ? (
        <FailureState error={error} onRetry={() => void refetch()} title="We couldn’t load your children’s balances." />
      ) : (
        <LoadingState>Loading your children’s balances…</LoadingState>
      )}
    </>
  );
}
