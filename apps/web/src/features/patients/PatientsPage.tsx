import { useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyState, FailureState, LoadingState } from '../../components/QueryStates.tsx';
import { graphql } from '../../gql/gql.ts';
import { usePageTitle } from '../../shared/usePageTitle.ts';
import { PatientsTable } from './PatientsTable.tsx';
import { useDebouncedValue } from './useDebouncedValue.ts';

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

interface Paging {
  filterKey: string;
  after: string | null;
  previous: (string | null)[];
}

const firstPage = (filterKey: string): Paging => ({ filterKey, after: null, previous: [] });

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

  // `after` is this page's cursor; `previous` the cursors of the pages before it, for "Previous
  // page". A new search or filter starts again from the first page.
  const filterKey = `${hasBalance}|${search}`;
  const [paging, setPaging] = useState<Paging>({ filterKey, after: null, previous: [] });
  const { after, previous } = paging.filterKey === filterKey ? paging : firstPage(filterKey);

  const { data, previousData, error, loading, refetch } = useQuery(PatientsPageDocument, {
    variables: { search: search || null, hasBalance: hasBalance || null, first: PAGE_SIZE, after },
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
  const pageNumber = previous.length + 1;

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
          {previous.length > 0 || connection.pageInfo.hasNextPage ? (
            <nav className="pagination" aria-label="Pages">
              <button
                type="button"
                className="button button--secondary"
                disabled={previous.length === 0 || loading}
                onClick={() => setPaging({ filterKey, after: previous.at(-1) ?? null, previous: previous.slice(0, -1) })}
              >
                Previous page
              </button>
              <span className="pagination__page">Page {pageNumber}</span>
              <button
                type="button"
                className="button button--secondary"
                disabled={!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor || loading}
                onClick={() =>
                  setPaging({ filterKey, after: connection.pageInfo.endCursor ?? null, previous: [...previous, after] })
                }
              >
                Next page
              </button>
            </nav>
          ) : null}
        </section>
      ) : error ? (
        <FailureState error={error} onRetry={() => void refetch()} title="We couldn’t load the patient list." />
      ) : (
        <LoadingState>Loading patients…</LoadingState>
      )}
    </>
  );
}
