import { useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { PagedTable } from '../../components/PagedTable.tsx';
import { EmptyState } from '../../components/QueryStates.tsx';
import { graphql } from '../../gql/gql.ts';
import { useDebouncedValue } from '../../shared/useDebouncedValue.ts';
import { usePageTitle } from '../../shared/usePageTitle.ts';
import { usePagedQuery } from '../../shared/usePagedQuery.ts';
import { PatientRow, PatientsColumns } from './PatientsTable.tsx';

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
  const patients = usePagedQuery(PatientsPageDocument, {
    variables: { search: search || null, hasBalance: hasBalance || null },
    pageSize: PAGE_SIZE,
    page: ({ patients }) => ({ ...patients, nodes: patients.edges.map((edge) => edge.node) }),
  });

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

      <PagedTable
        query={patients}
        caption="Patients"
        className="patients-table"
        count={(total) => (total === 1 ? '1 patient' : `${total.toLocaleString('en-US')} patients`)}
        loadingText="Loading patients…"
        failureTitle="We couldn’t load the patient list."
        empty={
          <EmptyState title="No patients found.">
            {search || hasBalance ? 'Try a different name or account number, or clear the filter.' : 'This practice has no patients yet.'}
          </EmptyState>
        }
        columns={<PatientsColumns />}
        row={(patient) => <PatientRow patient={patient} />}
      />
    </>
  );
}
