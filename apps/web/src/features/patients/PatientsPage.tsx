import { useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Pagination } from '../../components/Pagination.tsx';
import { EmptyState, FailureState, LoadingState } from '../../components/QueryStates.tsx';
import { graphql } from '../../gql/gql.ts';
import { useCursorPaging } from '../../shared/useCursorPaging.ts';
import { useDebouncedValue } from '../../shared/useDebouncedValue.ts';
import { usePageTitle } from '../../shared/usePageTitle.ts';
import { PatientsTable } from './PatientsTable.tsx';

export const PAGE_SIZE = 25;

export const PatientsPageDocument = graphql(`
  query PatientsPage($search: String, $hasBalance: Boolean, $first: Int, $after: String) {
    patients(search: $search, hasBalance: $hasBalance, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...PatientsTable_patient
        }
      }
    }
  }
`);

export function PatientsPage() {
  usePageTitle('Patients');
  const searchId = useId();
  // Only the balance filter goes in the address: names typed into search stay out of URLs
  // (browser history, logs, referrers).
  const [params, setParams] = useSearchParams();
  const urlHasBalance = params.get('hasBalance') === 'true';
  // The checkbox answers at once; the address follows (router updates are transitions, and a
  // controlled checkbox would otherwise flick back until it lands). Back/forward still win.
  const [hasBalance, setHasBalanceState] = useState(urlHasBalance);
  const [lastUrlHasBalance, setLastUrlHasBalance] = useState(urlHasBalance);
  if (urlHasBalance !== lastUrlHasBalance) {
    setLastUrlHasBalance(urlHasBalance);
    setHasBalanceState(urlHasBalance);
  }
  const [searchText, setSearchText] = useState('');
  const debouncedSearch = useDebouncedValue(searchText.trim(), 300);
  const [submittedSearch, setSubmittedSearch] = useState<string | null>(null);
  const search = submittedSearch ?? debouncedSearch;

  // A new search or filter starts again from the first page.
  const paging = useCursorPaging(`${hasBalance}|${search}`);

  const { data, previousData, error, loading, refetch } = useQuery(PatientsPageDocument, {
    variables: { search: search || null, hasBalance: hasBalance || null, first: PAGE_SIZE, after: paging.after },
    fetchPolicy: 'cache-and-network',
  });
  const shown = data ?? (loading ? previousData : undefined);

  const setHasBalance = (checked: boolean) => {
    setHasBalanceState(checked);
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (checked) next.set('hasBalance', 'true');
        else next.delete('hasBalance');
        return next;
      },
      { replace: true },
    );
  };

  const connection = shown?.patients;

  return (
    <>
      <h1>Patients</h1>
      <form
        role="search"
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          setSubmittedSearch(searchText.trim());
        }}
      >
        <div className="field field--grow">
          <label htmlFor={searchId}>Search patients</label>
          <input
            id={searchId}
            type="search"
            value={searchText}
            placeholder="Name or account number"
            autoComplete="off"
            onChange={(event) => {
              setSearchText(event.target.value);
              setSubmittedSearch(null);
            }}
          />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={hasBalance} onChange={(event) => setHasBalance(event.target.checked)} />
          Only with a balance due
        </label>
        <button type="submit" className="button button--secondary">
          Search
        </button>
      </form>

      {connection ? (
        <section aria-busy={loading} className={loading ? 'is-refreshing' : undefined}>
          <p className="result-count" aria-live="polite">
            {connection.totalCount === 1 ? '1 patient' : `${connection.totalCount.toLocaleString('en-US')} patients`}
          </p>
          {connection.edges.length === 0 ? (
            <EmptyState title="No patients found.">
              {search || hasBalance ? 'Try a different name or account number, or clear the filter.' : 'This practice has no patients yet.'}
            </EmptyState>
          ) : (
            <PatientsTable patients={connection.edges.map((edge) => edge.node)} />
          )}
          <Pagination paging={paging} pageInfo={connection.pageInfo} loading={loading} />
        </section>
      ) : error ? (
        <FailureState error={error} onRetry={() => void refetch()} title="We couldn’t load the patient list." />
      ) : (
        <LoadingState>Loading patients…</LoadingState>
      )}
    </>
  );
}
